//! The writer: sequences entries and commits them in groups, in two
//! threads that work at the same time.
//!
//! - The **sequencer** (`accord-writer`) owns a *leading* copy of the state
//!   and of the Merkle tree. It takes each job from the queue, checks it
//!   against the leading state (`State::prepare`), gives it the next index
//!   and a time (the store's [`crate::Clock`], never earlier than the
//!   entry before), encodes it, folds it into the leading state
//!   (`State::apply`, every check again) and hashes it into the leading
//!   tree. Refusals are answered at once and write nothing. Accepted entries
//!   go to the *pending* list.
//! - The **committer** (`accord-commit`) owns the write connection. It
//!   takes everything pending (up to [`MAX_BATCH`]), writes the entries,
//!   their private rows and one row of tree hashes in one transaction
//!   (in SQLite `BEGIN IMMEDIATE`), and commits (one fsync). Only then does it fold the batch
//!   into the published state (`State::apply_accepted`: the sequencer has
//!   checked it) and tree, and acknowledge each job.
//!
//! While the committer waits for an fsync, the sequencer checks and encodes
//! the next entries, and a batch holds every entry that arrived meanwhile.
//! With a database in another process (PostgreSQL), whose commit leaves the
//! committer waiting on the network, the committer sends the next batch
//! first and folds and acknowledges the one before while the database
//! works on it ([`BatchWriter::pipelines`]); a batch is still acknowledged
//! only once committed, and batches in order. The fence's roots (the
//! committed head's and the head a batch leaves) are computed once a batch,
//! from the published tree and the hashes of the batch not yet folded (at
//! most one).
//!
//! If a commit fails, the committer fails its batch and everything pending
//! (all of it was sequenced on top of the failed batch), and marks the
//! leading state stale; the sequencer fails the entry it was working on,
//! and starts again from a copy of the published state. Nothing
//! unacknowledged is visible and nothing acknowledged is lost.
//!
//! # Leading
//! Among servers that share a database only the leader sequences
//! (`leader.rs`). The sequencer takes a job only while the store leads
//! ([`Shared::term`] is not 0; otherwise the job fails with
//! [`StoreError::NotLeader`] at once), and starts from a copy of the
//! published state whenever the term changes. Each batch is committed with
//! its [`Fence`]: the term it was sequenced in and the committed head it
//! was sequenced on. A batch whose term is no longer the store's, or that
//! the database refuses because another leader moved the head, is failed
//! with everything pending and nothing of it is acknowledged; a refusal by
//! the database also ends the term here (the leadership thread then gives
//! up the role and the store follows). Commits and the follower's catch-up
//! take turns ([`Shared::gate`]), so the published state only ever grows by
//! committed entries, once each.
//!
//! How a batch is written is the backend's ([`crate::backend::BatchWriter`]).
//! Content an entry names by hash (`BlobRef`) is written to `blobs` in the
//! entry's transaction. Whether an e-mail address is taken is checked by the
//! sequencer in the database and against the addresses still in flight; the `UNIQUE` constraint has the last word (a clash fails the
//! batch). The committer never waits for more once something is pending:
//! waiting up to 0.5 ms for the end of a burst was measured slower.

use std::collections::HashSet;
use std::sync::atomic::Ordering;
use std::sync::{mpsc, Arc, Condvar, Mutex};
use std::time::Instant;

use accord_domain::state::{Action, Principal};
use accord_domain::{Email, Entry, EntryBody, Refusal, State};
use accord_log::{Hash, MerkleTree};
use tokio::sync::oneshot;

use crate::backend::{BatchWriter, Fence};
use crate::{count_entry, Clock, Shared, StoreError};

/// The most entries committed in one transaction. Large enough that a burst
/// of hundreds of concurrent writers shares one fsync; small enough that one
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

/// An entry the sequencer accepted, waiting to be committed.
pub(crate) struct Sequenced {
    reply: Reply,
    /// The term it was sequenced in.
    term: u64,
    pub(crate) appended: Appended,
    pub(crate) private: Option<PrivateWrite>,
}

/// What passes from the sequencer to the committer.
#[derive(Default)]
struct Pending {
    entries: Vec<Sequenced>,
    /// E-mail addresses of accounts sequenced but not yet committed (or
    /// failed): the sequencer refuses a second account with one of them.
    emails: HashSet<String>,
    /// Set by the committer when a commit failed: the leading state is
    /// ahead of anything that will be committed.
    stale: bool,
    /// The failed commit was refused by the fence: another server leads, so
    /// a job failed for it is answered `NotLeader` (retry elsewhere), not a
    /// storage failure.
    stale_fenced: bool,
    /// Set by the sequencer when the queue closed: commit what is pending,
    /// then stop.
    closed: bool,
}

struct Handoff {
    pending: Mutex<Pending>,
    ready: Condvar,
}

pub(crate) fn spawn(
    batches: Box<dyn BatchWriter>,
    tree: MerkleTree,
    jobs: mpsc::Receiver<Job>,
    shared: Arc<Shared>,
) -> Result<std::thread::JoinHandle<()>, StoreError> {
    let cannot = |e: std::io::Error| StoreError::Damaged { index: 0, reason: format!("cannot start the writer: {e}") };
    let handoff = Arc::new(Handoff { pending: Mutex::new(Pending::default()), ready: Condvar::new() });
    let committer = {
        let (handoff, shared) = (handoff.clone(), shared.clone());
        std::thread::Builder::new()
            .name("accord-commit".into())
            .spawn(move || commit_loop(batches, &handoff, &shared))
            .map_err(cannot)?
    };
    std::thread::Builder::new()
        .name("accord-writer".into())
        .spawn(move || {
            // The leading copy is made here rather than in `Store::open`, so
            // that opening does not wait for it.
            let state = shared.state.read().unwrap_or_else(|e| e.into_inner()).clone();
            // Among several servers, the leadership thread may fold entries
            // and take a term before this copy is made, leaving `tree` (from
            // the replay) behind `state`: term 0 makes the first job under a
            // term rebuild both from the published pair, under the gate.
            let term = if shared.fenced { 0 } else { shared.term.load(Ordering::Acquire) };
            sequence_loop(Leading { state, tree, term }, jobs, &handoff, &shared);
            handoff.pending.lock().unwrap_or_else(|e| e.into_inner()).closed = true;
            handoff.ready.notify_all();
            let _ = committer.join();
            tracing::info!("writer stopped: every accepted entry is committed");
        })
        .map_err(cannot)
}

/// The sequencer's own copies, ahead of the published ones by the entries
/// pending and in the batch being committed.
struct Leading {
    state: State,
    tree: MerkleTree,
    /// The term these copies were made for (0: none yet).
    term: u64,
}

impl Leading {
    /// A copy of the published state and tree, read together.
    fn published(shared: &Shared, term: u64) -> Leading {
        let _gate = shared.gate.lock().unwrap_or_else(|e| e.into_inner());
        Leading {
            state: shared.state.read().unwrap_or_else(|e| e.into_inner()).clone(),
            tree: shared.tree.read().unwrap_or_else(|e| e.into_inner()).clone(),
            term,
        }
    }
}

fn sequence_loop(mut leading: Leading, jobs: mpsc::Receiver<Job>, handoff: &Handoff, shared: &Shared) {
    while let Ok(job) = jobs.recv() {
        let term = shared.term.load(Ordering::Acquire);
        if term == 0 {
            let _ = job.reply.send(Err(StoreError::NotLeader));
            continue;
        }
        if term != leading.term {
            // A new term: what the leading copy held beyond the published
            // state was failed with the old term, and the copy starts again.
            leading = Leading::published(shared, term);
            let mut pending = handoff.pending.lock().unwrap_or_else(|e| e.into_inner());
            (pending.stale, pending.stale_fenced) = (false, false);
        }
        let result = sequence(shared, &mut leading, &job, handoff, &shared.clock);
        let mut pending = handoff.pending.lock().unwrap_or_else(|e| e.into_inner());
        if pending.stale {
            // A commit failed after this job was sequenced on top of it.
            pending.stale = false;
            let fenced = std::mem::take(&mut pending.stale_fenced);
            drop(pending);
            leading = Leading::published(shared, term);
            let _ = job.reply.send(Err(if fenced {
                StoreError::NotLeader
            } else {
                StoreError::Damaged {
                    index: leading.state.next_index,
                    reason: "the entry could not be stored: an earlier commit failed".into(),
                }
            }));
            continue;
        }
        match result {
            Ok(Ok(appended)) => {
                if let Some(PrivateWrite::CreateAccount { email, .. }) = &job.private {
                    pending.emails.insert(email.as_str().to_owned());
                }
                pending.entries.push(Sequenced { reply: job.reply, term, appended, private: job.private });
                drop(pending);
                handoff.ready.notify_one();
            }
            Ok(Err(refusal)) => {
                drop(pending);
                shared.metrics.refusals.fetch_add(1, Ordering::Relaxed);
                let _ = job.reply.send(Err(StoreError::Refused(refusal)));
            }
            Err(e) => {
                drop(pending);
                let _ = job.reply.send(Err(e));
            }
        }
    }
}

/// Checks one job against the leading state, sequences, encodes and hashes
/// its entry, and folds it into the leading state and tree. The outer error
/// is a storage failure reading the accounts; the inner one a refusal.
fn sequence(
    shared: &Shared,
    leading: &mut Leading,
    job: &Job,
    handoff: &Handoff,
    clock: &Clock,
) -> Result<Result<Appended, Refusal>, StoreError> {
    let Leading { state: leading, tree, .. } = leading;
    // The store's clock, never before the last entry's time.
    let time = clock.now_unix_ms().max(leading.last_time);
    let (actor, body, signature) = match leading.prepare_at(job.principal, job.action.clone(), time) {
        Ok(x) => x,
        Err(r) => return Ok(Err(r)),
    };
    if let Some(PrivateWrite::CreateAccount { email, .. }) = &job.private {
        // First the addresses in flight, then the committed ones: an address
        // leaves the in-flight set only after its commit.
        let in_flight = handoff.pending.lock().unwrap_or_else(|e| e.into_inner()).emails.contains(email.as_str());
        let taken = in_flight || shared.backend.email_taken(email.as_str())?;
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
    let entry = Entry { index: leading.next_index, time, actor, body, signature };
    let bytes = match entry.encode() {
        Ok(b) => b,
        Err(r) => return Ok(Err(r)),
    };
    if let Err(r) = leading.apply(&entry) {
        return Ok(Err(r));
    }
    let tree_hashes = tree.append(&bytes);
    Ok(Ok(Appended { entry, bytes, tree_hashes }))
}

/// A batch committed but not yet folded into the published state nor
/// acknowledged: with a backend that [pipelines](BatchWriter::pipelines),
/// that is done while the next batch is being committed.
struct Committed {
    batch: Vec<Sequenced>,
    /// The batch's stored tree hashes, in order.
    hashes: Vec<Hash>,
    /// Addresses of the accounts it created, to leave the in-flight set.
    emails: Vec<String>,
}

/// Folds a committed batch into the published state and tree and
/// acknowledges each of its jobs. Called with the gate held.
fn publish(shared: &Shared, handoff: &Handoff, committed: Committed) {
    {
        let mut published = shared.state.write().unwrap_or_else(|e| e.into_inner());
        let mut tree = shared.tree.write().unwrap_or_else(|e| e.into_inner());
        for s in &committed.batch {
            published.apply_accepted(&s.appended.entry);
            tree.append_stored(&s.appended.tree_hashes);
        }
        shared.committed.send_replace(published.next_index);
    }
    if !committed.emails.is_empty() {
        let mut pending = handoff.pending.lock().unwrap_or_else(|e| e.into_inner());
        for email in &committed.emails {
            pending.emails.remove(email);
        }
    }
    for s in committed.batch {
        let _ = s.reply.send(Ok(s.appended));
    }
}

fn commit_loop(mut batches: Box<dyn BatchWriter>, handoff: &Handoff, shared: &Shared) {
    let pipelines = batches.pipelines();
    // Held from a batch's write until everything committed is published:
    // across consecutive batches when pipelining.
    let mut gate = None;
    let mut unpublished: Option<Committed> = None;
    loop {
        let batch: Vec<Sequenced> = {
            let mut pending = handoff.pending.lock().unwrap_or_else(|e| e.into_inner());
            if pending.entries.is_empty() {
                if let Some(committed) = unpublished.take() {
                    // Nothing to overlap with: published now.
                    drop(pending);
                    publish(shared, handoff, committed);
                    gate = None;
                    continue;
                }
            }
            while pending.entries.is_empty() && !pending.closed {
                pending = handoff.ready.wait(pending).unwrap_or_else(|e| e.into_inner());
            }
            if pending.entries.is_empty() {
                return;
            }
            // One term per batch: the fence names one.
            let term = pending.entries[0].term;
            let n = pending.entries.iter().take(MAX_BATCH).take_while(|s| s.term == term).count();
            pending.entries.drain(..n).collect()
        };
        let started = Instant::now();
        if gate.is_none() {
            gate = Some(shared.gate.lock().unwrap_or_else(|e| e.into_inner()));
        }
        let (first, last) = (&batch[0], &batch[batch.len() - 1]);
        let new_size = last.appended.entry.index + 1;
        let hashes: Vec<Hash> = batch.iter().flat_map(|s| s.appended.tree_hashes.iter().copied()).collect();
        // The committed head is the published tree and the batch not yet
        // published. The fence names it and the head the batch leaves, each
        // root computed once a batch (a root costs a few dozen hashes); a
        // store alone on its database (SQLite) is not fenced and spares them.
        let (size, roots, first_hash) = {
            let tree = shared.tree.read().unwrap_or_else(|e| e.into_inner());
            let prior: &[Hash] = unpublished.as_ref().map_or(&[], |c| &c.hashes);
            let size = tree.size() + unpublished.as_ref().map_or(0, |c| c.batch.len() as u64);
            let roots = if shared.fenced && first.appended.entry.index == size {
                let after: Vec<Hash> = prior.iter().chain(&hashes).copied().collect();
                tree.root_with(size, prior).ok().zip(tree.root_with(new_size, &after).ok())
            } else {
                Some((Hash([0; 32]), Hash([0; 32])))
            };
            (size, roots, tree.stored_len() + prior.len())
        };
        let mut prior = unpublished.take();
        let mut publish_prior = || {
            if let Some(committed) = prior.take() {
                publish(shared, handoff, committed);
            }
        };
        let result = if first.term != shared.term.load(Ordering::Acquire) || first.appended.entry.index != size {
            // Sequenced in a term that ended, or on a state that is not
            // the committed one: never written.
            Err(StoreError::NotLeader)
        } else if let Some((root, new_root)) = roots {
            let fence = Fence { term: first.term, size, root, new_size, new_root };
            let written = batches.write_batch(&batch, first_hash, &fence, &mut publish_prior);
            if matches!(written, Err(StoreError::NotLeader)) {
                // Another leader moved the head: this term is over.
                let _ = shared.term.compare_exchange(first.term, 0, Ordering::AcqRel, Ordering::Acquire);
                tracing::warn!(
                    term = first.term,
                    "the database refused a batch: another server leads; stepping down to follow"
                );
            }
            written
        } else {
            // The sequencer's hashes do not extend the committed tree.
            Err(StoreError::Damaged {
                index: first.appended.entry.index,
                reason: "the batch's tree hashes do not extend the committed tree".into(),
            })
        };
        // The batch before is committed whatever became of this one.
        publish_prior();
        let emails = batch.iter().filter_map(|s| match &s.private {
            Some(PrivateWrite::CreateAccount { email, .. }) => Some(email.as_str().to_owned()),
            _ => None,
        });
        let emails: Vec<String> = emails.collect();
        match result {
            Ok(()) => {
                shared.metrics.commits.fetch_add(1, Ordering::Relaxed);
                shared.metrics.commit_micros_total.fetch_add(started.elapsed().as_micros() as u64, Ordering::Relaxed);
                count_entry(&shared.metrics, batch.len() as u64);
                let committed = Committed { batch, hashes, emails };
                if pipelines {
                    unpublished = Some(committed);
                } else {
                    publish(shared, handoff, committed);
                    gate = None;
                }
            }
            Err(error) => {
                if !matches!(error, StoreError::NotLeader) {
                    tracing::error!(%error, "commit failed; the batch is refused and nothing of it is acknowledged");
                }
                // Everything pending was sequenced on top of this batch.
                let mut failed = batch;
                {
                    let mut pending = handoff.pending.lock().unwrap_or_else(|e| e.into_inner());
                    failed.append(&mut pending.entries);
                    pending.emails.clear();
                    pending.stale = true;
                    pending.stale_fenced = matches!(error, StoreError::NotLeader);
                }
                // Only now may the sequencer start again from the published
                // state: a job it sequences afterwards is not failed with
                // these.
                gate = None;
                let index = shared.state.read().unwrap_or_else(|e| e.into_inner()).next_index;
                for s in failed {
                    let _ = s.reply.send(Err(match &error {
                        StoreError::NotLeader => StoreError::NotLeader,
                        _ => StoreError::Damaged { index, reason: format!("the entry could not be stored: {error}") },
                    }));
                }
            }
        }
    }
}
