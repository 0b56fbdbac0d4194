//! The single writer: sequences entries and commits them in groups.
//!
//! One thread owns the write connection and a *leading* copy of the state.
//! It takes every job waiting in its queue (up to [`MAX_BATCH`]), checks
//! each against the leading state, and writes the accepted entries in one
//! transaction, so one fsync covers the batch. Only after the commit does it
//! fold the batch into the published state and acknowledge each job. If a
//! commit fails, the leading state is reset to the published one and every
//! job of the batch gets the error: nothing unacknowledged is visible and
//! nothing acknowledged is lost.

use std::sync::atomic::Ordering;
use std::sync::{mpsc, Arc};
use std::time::Instant;

use accord_domain::state::{Action, Principal};
use accord_domain::{Email, Entry, EntryBody, Refusal, State};
use accord_log::{Hash, MerkleTree};
use rusqlite::{params, Connection};
use tokio::sync::oneshot;

use crate::{count_entry, now_millis, Shared, StoreError};

/// The most jobs committed in one transaction. Large enough that a burst of
/// hundreds of concurrent writers shares one fsync; small enough that one
/// transaction stays well under a few megabytes.
const MAX_BATCH: usize = 4096;

/// Private rows written in the same transaction as an entry, so that the
/// entry and its secret counterpart exist together or not at all.
#[derive(Debug, Clone)]
pub enum PrivateWrite {
    /// An account for the delegate or officer the entry accredits.
    CreateAccount { email: Email, password_hash: String, must_change_password: bool },
    /// Content stored once under its SHA-256 (see [`crate::blob_hash`]).
    Blobs(Vec<Vec<u8>>),
}

/// A committed entry: what the action's caller gets back.
#[derive(Debug, Clone)]
pub struct Appended {
    pub entry: Entry,
    /// The canonical bytes as stored.
    pub bytes: Vec<u8>,
    /// The stored hashes of the Merkle tree this entry added.
    pub(crate) tree_hashes: Vec<Hash>,
}

pub(crate) struct Job {
    pub principal: Principal,
    pub action: Action,
    pub private: Option<PrivateWrite>,
    pub reply: Reply,
}

/// Where the answer to a job goes: an async caller's future, or a blocking
/// caller's channel (the CLI, and set-up code called from inside a runtime,
/// where a tokio receiver may not block).
pub(crate) enum Reply {
    Async(oneshot::Sender<Result<Appended, StoreError>>),
    Blocking(mpsc::SyncSender<Result<Appended, StoreError>>),
}

impl Reply {
    pub(crate) fn send(self, answer: Result<Appended, StoreError>) -> Result<(), ()> {
        match self {
            Reply::Async(tx) => tx.send(answer).map_err(|_| ()),
            Reply::Blocking(tx) => tx.send(answer).map_err(|_| ()),
        }
    }
}

pub(crate) fn spawn(
    conn: Connection,
    state: State,
    tree: MerkleTree,
    jobs: mpsc::Receiver<Job>,
    shared: Arc<Shared>,
) -> Result<std::thread::JoinHandle<()>, StoreError> {
    std::thread::Builder::new()
        .name("accord-writer".into())
        .spawn(move || run(conn, Leading { state, tree }, jobs, shared))
        .map_err(|e| StoreError::Damaged { index: 0, reason: format!("cannot start the writer thread: {e}") })
}

/// The writer's own copies, ahead of the published ones by the batch in
/// flight.
pub(crate) struct Leading {
    state: State,
    tree: MerkleTree,
}

fn run(mut conn: Connection, mut leading: Leading, jobs: mpsc::Receiver<Job>, shared: Arc<Shared>) {
    while let Ok(first) = jobs.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let started = Instant::now();
        match commit_batch(&mut conn, &mut leading, batch, &shared) {
            Ok((accepted, n)) => {
                shared.metrics.commits.fetch_add(1, Ordering::Relaxed);
                shared.metrics.commit_micros_total.fetch_add(started.elapsed().as_micros() as u64, Ordering::Relaxed);
                count_entry(&shared.metrics, n);
                {
                    let mut published = shared.state.write().unwrap_or_else(|e| e.into_inner());
                    let mut tree = shared.tree.write().unwrap_or_else(|e| e.into_inner());
                    for (_, appended) in &accepted {
                        published
                            .apply(&appended.entry)
                            .expect("an entry the leading state accepted applies to the published state");
                        tree.append_stored(&appended.tree_hashes);
                    }
                }
                for (reply, appended) in accepted {
                    let _ = reply.send(Ok(appended));
                }
            }
            Err((replies, error)) => {
                tracing::error!(%error, "commit failed; the batch is refused and nothing of it is acknowledged");
                leading = Leading {
                    state: shared.state.read().unwrap_or_else(|e| e.into_inner()).clone(),
                    tree: shared.tree.read().unwrap_or_else(|e| e.into_inner()).clone(),
                };
                for reply in replies {
                    let _ = reply.send(Err(StoreError::Damaged {
                        index: leading.state.next_index,
                        reason: format!("the entry could not be stored: {error}"),
                    }));
                }
            }
        }
    }
    tracing::info!("writer stopped: every accepted entry is committed");
}

type Accepted = Vec<(Reply, Appended)>;

/// Writes one batch in one transaction. Refused jobs are answered at once;
/// accepted ones are returned to be acknowledged after the commit.
fn commit_batch(
    conn: &mut Connection,
    leading: &mut Leading,
    batch: Vec<Job>,
    shared: &Shared,
) -> Result<(Accepted, u64), (Vec<Reply>, rusqlite::Error)> {
    let mut accepted: Accepted = Vec::with_capacity(batch.len());
    let tx = match conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate) {
        Ok(tx) => tx,
        Err(e) => return Err((batch.into_iter().map(|j| j.reply).collect(), e)),
    };
    let mut pending = batch.into_iter();
    let mut failure = None;
    for job in pending.by_ref() {
        match stage(&tx, leading, &job) {
            Ok(Ok(appended)) => accepted.push((job.reply, appended)),
            Ok(Err(refusal)) => {
                shared.metrics.refusals.fetch_add(1, Ordering::Relaxed);
                let _ = job.reply.send(Err(StoreError::Refused(refusal)));
            }
            Err(e) => {
                failure = Some((Some(job.reply), e));
                break;
            }
        }
    }
    let result = match failure {
        Some((reply, e)) => Err((reply, e)),
        None => tx.commit().map_err(|e| (None, e)),
    };
    match result {
        Ok(()) => {
            let n = accepted.len() as u64;
            Ok((accepted, n))
        }
        Err((reply, e)) => {
            let mut replies: Vec<Reply> = accepted.into_iter().map(|(r, _)| r).collect();
            replies.extend(reply);
            replies.extend(pending.map(|j| j.reply));
            Err((replies, e))
        }
    }
}

/// Checks one job against the leading state and writes its rows. The outer
/// error is a storage failure (the batch fails); the inner one a refusal.
fn stage(
    tx: &rusqlite::Transaction<'_>,
    leading: &mut Leading,
    job: &Job,
) -> rusqlite::Result<Result<Appended, Refusal>> {
    let Leading { state: leading, tree } = leading;
    let time = now_millis().max(leading.last_time);
    let (actor, body, signature) = match leading.prepare_at(job.principal, job.action.clone(), time) {
        Ok(x) => x,
        Err(r) => return Ok(Err(r)),
    };
    if let Some(PrivateWrite::CreateAccount { email, .. }) = &job.private {
        let taken: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM accounts WHERE email = ?1)", [email.as_str()], |r| r.get(0))?;
        if taken {
            return Ok(Err(Refusal::conflict(
                "email_taken",
                format!("an account with the e-mail address {email} already exists"),
            )));
        }
        if !matches!(body, EntryBody::DelegateAccredited(_) | EntryBody::OfficerAppointed(_)) {
            return Ok(Err(Refusal::invalid("account_without_accreditation", "an account needs an accreditation")));
        }
    }
    let entry = Entry { index: leading.next_index, time, actor, body, signature: signature.clone() };
    let bytes = match entry.encode() {
        Ok(b) => b,
        Err(r) => return Ok(Err(r)),
    };
    if let Err(r) = leading.apply(&entry) {
        return Ok(Err(r));
    }
    tx.prepare_cached("INSERT INTO entries (idx, bytes) VALUES (?1, ?2)")?
        .execute(params![entry.index as i64, &bytes])?;
    // Content the entry names by hash (a draft) is stored with it.
    if let Some(content) = entry.body.blob().and_then(|b| b.content()) {
        tx.prepare_cached("INSERT OR IGNORE INTO blobs (sha256, bytes) VALUES (?1, ?2)")?
            .execute(params![&crate::blob_hash(content)[..], content])?;
    }
    let tree_hashes = tree.append(&bytes);
    let first = tree.stored().len() - tree_hashes.len();
    for (i, h) in tree_hashes.iter().enumerate() {
        tx.prepare_cached("INSERT INTO tree_hashes (idx, hash) VALUES (?1, ?2)")?
            .execute(params![(first + i) as i64, &h.0[..]])?;
    }
    match &job.private {
        Some(PrivateWrite::CreateAccount { email, password_hash, must_change_password }) => {
            let delegate = match &entry.body {
                EntryBody::DelegateAccredited(a) => a.delegate,
                EntryBody::OfficerAppointed(o) => o.delegate,
                _ => unreachable!("checked above"),
            };
            tx.execute(
                "INSERT INTO accounts (delegate, email, password_hash, must_change_password, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![delegate.0 as i64, email.as_str(), password_hash, *must_change_password, entry.time],
            )?;
        }
        Some(PrivateWrite::Blobs(blobs)) => {
            for blob in blobs {
                tx.prepare_cached("INSERT OR IGNORE INTO blobs (sha256, bytes) VALUES (?1, ?2)")?
                    .execute(params![&crate::blob_hash(blob)[..], blob])?;
            }
        }
        None => {}
    }
    Ok(Ok(Appended { entry, bytes, tree_hashes }))
}
