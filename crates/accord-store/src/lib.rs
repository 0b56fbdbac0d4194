//! Accord's storage: the only code that touches SQL.
//!
//! # Layout
//! - [`Store`]: opens a database, replays the record into the domain's
//!   [`State`], and runs the writer threads that sequence entries and
//!   commit them in groups (`writer`). Everything above the store uses this
//!   one type and does not know which database runs.
//! - `backend`: the interface to a database ([`Database`] names one): the
//!   SQL the store needs, as a trait with two implementations, `sqlite`
//!   (one file, the default) and [`postgres`].
//! - [`schema`]: SQLite's tables. `entries` is the public record
//!   (append-only, enforced by triggers); `blobs` holds content-addressed
//!   large content; `accounts`, `sessions` and `api_tokens` are private and
//!   never enter the record. PostgreSQL has the same tables (`postgres.rs`).
//! - [`private`]: reads and writes of the private tables.
//! - [`data_dir`]: the data directory and its lock.
//! - `leader`: several servers on one PostgreSQL database — which one
//!   sequences ([`Store::is_leader`]), and how the others follow its
//!   commits ([`Store::open_shared`]).
//!
//! # Invariants
//! - An action is acknowledged (its future resolves `Ok`) only after the
//!   transaction holding its entry has committed durably: with
//!   `synchronous=FULL` in SQLite (an fsync of the write-ahead log), with
//!   `synchronous_commit = on` in PostgreSQL (the server flushed its WAL).
//! - Readers see only committed entries: the writer folds a batch into the
//!   published state after the commit, before it acknowledges.
//! - Entry `i` is stored at `idx = i`; indexes have no gaps.
//! - Among servers sharing a database, only the leader's batches are
//!   committed: each is fenced on the term and head it was sequenced on
//!   (`backend.rs`), and one that is refused is acknowledged to nobody.
//! - Both databases store the same bytes for the same entries: the store
//!   encodes entries and hashes the tree itself, a backend only keeps rows.
//!
//! # Opening: the replay
//! At open, the store loads the tree's stored hashes and checks each entry's
//! bytes against its leaf hash while replaying ([`decode_entry`],
//! [`fold_checked`]): an entry changed in the database stops the server
//! with its index. How rows are read is the backend's (SQLite's replay
//! splits decoding over two threads, `sqlite.rs`).
//!
//! # Time
//! The store reads time from one [`Clock`], given at open
//! ([`Store::open_with_clock`]; [`Store::open`] uses the system clock): the
//! writer stamps each entry with the clock's wall time, never earlier than
//! the entry before it, and the private tables (accounts, sessions, tokens,
//! checkpoints) take their times from it. The server reads the same clock
//! ([`Store::clock`]); tests give a manual one and move it.
//!
//! [`Store::submit_all_blocking`] enqueues many actions at once (set-up
//! code: the demonstration).

mod backend;
pub mod backup;
pub mod clock;
pub mod data_dir;
mod leader;
pub mod postgres;
pub mod private;
pub mod schema;
mod sqlite;
mod writer;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex, RwLock, RwLockReadGuard};
use std::time::Instant;

use accord_domain::state::{Action, Principal};
use accord_domain::{Entry, Refusal, State};
use accord_log::{Hash, MerkleTree};

pub use backend::Database;
pub use clock::Clock;
pub use data_dir::{DataDir, DataDirView};
pub use private::{Account, ApiToken, Session};
pub use writer::{Appended, PrivateWrite};

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The domain refused the action; nothing was written.
    #[error("{0}")]
    Refused(#[from] Refusal),
    /// The database failed (disk full, file damaged); nothing was
    /// acknowledged.
    #[error("storage failure: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL failed or could not be reached; nothing was acknowledged.
    #[error("PostgreSQL: {0}")]
    Postgres(String),
    /// The database named cannot be used as given (a malformed URL, a
    /// setting that would lose acknowledged entries).
    #[error("{0}")]
    Config(String),
    /// An entry in the file cannot be decoded or does not apply: the record
    /// is damaged.
    #[error("the record is damaged at entry {index}: {reason}")]
    Damaged { index: u64, reason: String },
    /// This server does not lead the writes now: another server sharing the
    /// database does, or the role is changing hands. Nothing was written.
    #[error(
        "this server does not take writes at the moment: another server leads them, or the lead is changing hands"
    )]
    NotLeader,
    /// The store is shutting down (or was opened for the private tables only).
    #[error("the store is shutting down")]
    Closed,
    /// There is no database at this path.
    #[error("there is no Accord database at {0}: run `accord init` or `accord demo` first")]
    Missing(PathBuf),
}

/// Counters for `/metrics`.
#[derive(Debug, Default)]
pub struct StoreMetrics {
    pub entries_appended: AtomicU64,
    pub commits: AtomicU64,
    pub refusals: AtomicU64,
    pub commit_micros_total: AtomicU64,
}

pub(crate) struct Shared {
    /// The database: reads and the private tables.
    pub(crate) backend: Box<dyn backend::Backend>,
    /// The state as of the last committed entry.
    pub(crate) state: RwLock<State>,
    /// The Merkle tree over the committed entries.
    pub(crate) tree: RwLock<MerkleTree>,
    pub(crate) metrics: StoreMetrics,
    /// The number of committed entries, announced to whoever waits for the
    /// record to grow (the live event stream) after each commit.
    pub(crate) committed: tokio::sync::watch::Sender<u64>,
    /// The time entries and private rows are stamped with.
    pub(crate) clock: Clock,
    /// The term of this store's leadership; 0 while it follows. Set by the
    /// leadership thread, ended (set to 0) by it or by the committer when
    /// the database refuses a batch.
    pub(crate) term: AtomicU64,
    /// Taken by the committer around a commit and its publication, and by
    /// the follower's catch-up: the published state grows by one of them at
    /// a time.
    pub(crate) gate: Mutex<()>,
    /// Whether batches are fenced (several servers may share the database):
    /// the committer then computes the roots a batch's fence names.
    pub(crate) fenced: bool,
}

/// The record and the private tables, in SQLite or PostgreSQL.
pub struct Store {
    shared: Arc<Shared>,
    jobs: Mutex<Option<mpsc::Sender<writer::Job>>>,
    writer: Mutex<Option<std::thread::JoinHandle<()>>>,
    /// The leadership thread (PostgreSQL), stopped after the writer.
    leader: Option<leader::Handle>,
    /// How long the replay at open took, and how many entries it folded.
    pub replay: (u64, std::time::Duration),
}

impl Store {
    /// Opens (or creates) the SQLite database at `path`, replays the
    /// record, and starts the writer threads, which stamp entries with the
    /// system clock.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with_clock(path, Clock::system())
    }

    /// [`Store::open`] with the clock the writer stamps entries with, and
    /// the private tables' times are read from.
    pub fn open_with_clock(path: &Path, clock: Clock) -> Result<Store, StoreError> {
        Store::open_database(&Database::Sqlite(path.to_owned()), clock)
    }

    /// Opens (or creates) the record in `database`, replays it, and starts
    /// the writer threads.
    ///
    /// On PostgreSQL another server may share the database: the store waits
    /// a few seconds to take the writer's role, and fails if another server
    /// keeps it ([`Store::open_shared`] follows instead).
    pub fn open_database(database: &Database, clock: Clock) -> Result<Store, StoreError> {
        Store::open_inner(database, clock, false)
    }

    fn open_inner(database: &Database, clock: Clock, follow: bool) -> Result<Store, StoreError> {
        let started = Instant::now();
        let opened = match database {
            Database::Sqlite(path) => sqlite::open(path)?,
            Database::Postgres(url) => postgres::open(url)?,
        };
        let backend::Opened { backend, writer: batch_writer, leadership, state, tree } = opened;
        let replay = (state.next_index, started.elapsed());
        let committed = tokio::sync::watch::Sender::new(state.next_index);
        // The published state is the replayed one; the writer thread makes
        // its leading copy itself. The tree is a list of chunks of hashes
        // and cheap to copy.
        let leading_tree = tree.clone();
        let shared = Arc::new(Shared {
            backend,
            state: RwLock::new(state),
            tree: RwLock::new(tree),
            metrics: StoreMetrics::default(),
            committed,
            clock,
            // Alone on its database (SQLite), the store leads from the start.
            term: AtomicU64::new(if leadership.is_none() { 1 } else { 0 }),
            gate: Mutex::new(()),
            fenced: leadership.is_some(),
        });
        let leader = leadership.map(|l| leader::spawn(l, shared.clone())).transpose()?;
        let (tx, rx) = mpsc::channel();
        let writer = writer::spawn(batch_writer, leading_tree, rx, shared.clone())?;
        let store = Store { shared, jobs: Mutex::new(Some(tx)), writer: Mutex::new(Some(writer)), leader, replay };
        if !follow && !store.wait_to_lead(leader::OPEN_WAIT) {
            return Err(StoreError::Config(format!(
                "another Accord server is writing the record in {}: stop it first",
                database.describe()
            )));
        }
        Ok(store)
    }

    /// Opens the record in `database` as one of several servers sharing it
    /// (PostgreSQL): the store leads when it can take the role, and
    /// otherwise follows the leader's commits, serving reads and refusing
    /// writes with [`StoreError::NotLeader`], until it takes over. On
    /// SQLite, the same as [`Store::open_database`].
    pub fn open_shared(database: &Database, clock: Clock) -> Result<Store, StoreError> {
        Store::open_inner(database, clock, true)
    }

    /// Whether this store sequences writes now (always, on SQLite).
    pub fn is_leader(&self) -> bool {
        self.shared.term.load(Ordering::Acquire) != 0
    }

    /// Waits up to `timeout` for the store to lead; answers whether it does.
    pub fn wait_to_lead(&self, timeout: std::time::Duration) -> bool {
        let deadline = Instant::now() + timeout;
        while !self.is_leader() {
            if Instant::now() > deadline {
                return false;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        true
    }

    /// Replays the record in `database` and answers its state, without
    /// starting a writer (and, on PostgreSQL, beside the server that
    /// writes it): what a second process finds in the record.
    pub fn replay_database(database: &Database) -> Result<State, StoreError> {
        Ok(match database {
            Database::Sqlite(path) => sqlite::open(path)?.state,
            Database::Postgres(url) => postgres::replay_only(url)?,
        })
    }

    /// Opens an existing database for the private tables only (accounts,
    /// sessions, tokens): no replay, no writer, so it can run beside a
    /// serving process. Submitting actions through it fails. Its times come
    /// from the system clock.
    pub fn open_private(path: &Path) -> Result<Store, StoreError> {
        Store::open_private_database(&Database::Sqlite(path.to_owned()))
    }

    /// [`Store::open_private`] of any database.
    pub fn open_private_database(database: &Database) -> Result<Store, StoreError> {
        let backend = match database {
            Database::Sqlite(path) => sqlite::open_private(path)?,
            Database::Postgres(url) => postgres::open_private(url)?,
        };
        let shared = Arc::new(Shared {
            backend,
            state: RwLock::new(State::new()),
            tree: RwLock::new(MerkleTree::new()),
            metrics: StoreMetrics::default(),
            committed: tokio::sync::watch::Sender::new(0),
            clock: Clock::system(),
            term: AtomicU64::new(0),
            gate: Mutex::new(()),
            fenced: false,
        });
        Ok(Store {
            shared,
            jobs: Mutex::new(None),
            writer: Mutex::new(None),
            leader: None,
            replay: (0, Default::default()),
        })
    }

    /// The clock the store goes by: entries are stamped with its wall time.
    pub fn clock(&self) -> &Clock {
        &self.shared.clock
    }

    /// The state as of the last committed entry. Hold the guard briefly:
    /// the writer waits for it to publish new entries.
    pub fn state(&self) -> RwLockReadGuard<'_, State> {
        self.shared.state.read().unwrap_or_else(|e| e.into_inner())
    }

    /// The Merkle tree over the committed entries. Hold the guard briefly.
    pub fn tree(&self) -> RwLockReadGuard<'_, MerkleTree> {
        self.shared.tree.read().unwrap_or_else(|e| e.into_inner())
    }

    /// The size, root and state digest of the committed record, read
    /// together (the writer publishes state and tree under both locks).
    ///
    /// The state is copied under its lock and digested after: digesting
    /// takes much longer than copying (32 ms against 1.2 ms for a process
    /// of 5,000 proposals, BENCHMARKS.md), and the writer waits for the
    /// lock to publish what it committed.
    pub fn head(&self) -> (u64, Hash, StateParts) {
        let (state, size, root) = {
            let state = self.state();
            let tree = self.tree();
            debug_assert_eq!(state.next_index, tree.size());
            (state.clone(), tree.size(), tree.root())
        };
        (size, root, state.digest_parts())
    }

    /// Stores a signed checkpoint with the state at its size: its parts
    /// (`State::digest_parts`) and their digest (`State::digest_v2`).
    pub fn save_checkpoint(&self, size: u64, note: &str, parts: &StateParts) -> Result<(), StoreError> {
        let digest = accord_domain::State::digest_v2(size, parts);
        let state_row = |snapshot: Option<(i64, String)>| {
            let full = parts_json(parts.iter().map(|(k, v)| (k.clone(), hex::encode(v))));
            match snapshot.and_then(|(at, json)| Some((at, parse_parts(&json)?))) {
                Some((at, base)) => {
                    let mut changed: Vec<(String, String)> = parts
                        .iter()
                        .map(|(k, v)| (k, hex::encode(v)))
                        .filter(|(k, v)| base.get(*k) != Some(v))
                        .map(|(k, v)| (k.clone(), v))
                        .collect();
                    changed.extend(base.keys().filter(|k| !parts.contains_key(*k)).map(|k| (k.clone(), String::new())));
                    if changed.len() * 4 >= parts.len() {
                        (size as i64, full)
                    } else {
                        (at, parts_json(changed))
                    }
                }
                None => (size as i64, full),
            }
        };
        self.shared.backend.save_checkpoint(size, note, &digest, self.shared.clock.now_unix_ms(), &state_row)
    }

    /// The state published with the checkpoint of `size`: its digest, and
    /// its parts (name → hex digest) when the checkpoint was signed with
    /// them (schema 3 on; `None` for the v1 digest of older checkpoints).
    pub fn checkpoint_state(&self, size: u64) -> Result<Option<PublishedState>, StoreError> {
        let Some(digest) = self.checkpoint_digest(size)? else { return Ok(None) };
        let backend = &self.shared.backend;
        let bad =
            || StoreError::Damaged { index: size, reason: "the checkpoint's stored state parts are not JSON".into() };
        let parts = match backend.checkpoint_state_row(size)? {
            None => None,
            Some((snapshot, json)) => {
                let mut parts = parse_parts(&json).ok_or_else(bad)?;
                if snapshot != size as i64 {
                    let (_, base) = backend.checkpoint_state_row(snapshot as u64)?.ok_or_else(bad)?;
                    let changed = std::mem::replace(&mut parts, parse_parts(&base).ok_or_else(bad)?);
                    for (k, v) in changed {
                        if v.is_empty() {
                            parts.remove(&k);
                        } else {
                            parts.insert(k, v);
                        }
                    }
                }
                Some(parts)
            }
        };
        Ok(Some(PublishedState { digest, parts }))
    }

    /// Replaces a stored checkpoint's note by a copy with more signatures
    /// (witnesses' cosignatures).
    pub fn update_checkpoint_note(&self, size: u64, note: &str) -> Result<(), StoreError> {
        self.shared.backend.update_checkpoint_note(size, note)
    }

    /// The signed note of the checkpoint of `size`, with the cosignatures
    /// added so far.
    pub fn checkpoint_note(&self, size: u64) -> Result<Option<String>, StoreError> {
        self.shared.backend.checkpoint_note(size)
    }

    /// The state digest published with the checkpoint of `size`.
    pub fn checkpoint_digest(&self, size: u64) -> Result<Option<[u8; 32]>, StoreError> {
        self.shared.backend.checkpoint_digest(size)
    }

    /// The checkpoint of the largest size stored.
    pub fn latest_checkpoint(&self) -> Result<Option<(u64, String)>, StoreError> {
        self.shared.backend.latest_checkpoint()
    }

    /// The smallest stored checkpoint that covers entry `index`.
    pub fn checkpoint_covering(&self, index: u64) -> Result<Option<(u64, String)>, StoreError> {
        self.shared.backend.checkpoint_covering(index)
    }

    pub fn metrics(&self) -> &StoreMetrics {
        &self.shared.metrics
    }

    /// Asks for an action. Resolves once its entry is durably committed (or
    /// refused, with nothing written).
    pub async fn submit(
        &self,
        principal: Principal,
        action: Action,
        private: Option<PrivateWrite>,
    ) -> Result<Appended, StoreError> {
        let (reply, rx) = tokio::sync::oneshot::channel();
        self.enqueue(principal, action, private, writer::Reply::Async(reply))?;
        rx.await.unwrap_or(Err(StoreError::Closed))
    }

    /// [`Store::submit`] for code outside an async runtime (the CLI).
    pub fn submit_blocking(
        &self,
        principal: Principal,
        action: Action,
        private: Option<PrivateWrite>,
    ) -> Result<Appended, StoreError> {
        let (reply, rx) = mpsc::sync_channel(1);
        self.enqueue(principal, action, private, writer::Reply::Blocking(reply))?;
        rx.recv().unwrap_or(Err(StoreError::Closed))
    }

    /// Submits many actions at once, in order, and waits for all: they
    /// share group commits. Each answer is that action's own (a refusal of
    /// one does not stop the others). For set-up code such as the
    /// demonstration forum.
    pub fn submit_all_blocking(&self, actions: Vec<(Principal, Action)>) -> Vec<Result<Appended, StoreError>> {
        let mut waiting = Vec::with_capacity(actions.len());
        for (principal, action) in actions {
            let (reply, rx) = mpsc::sync_channel(1);
            match self.enqueue(principal, action, None, writer::Reply::Blocking(reply)) {
                Ok(()) => waiting.push(Ok(rx)),
                Err(e) => waiting.push(Err(e)),
            }
        }
        waiting.into_iter().map(|w| w.and_then(|rx| rx.recv().unwrap_or(Err(StoreError::Closed)))).collect()
    }

    fn enqueue(
        &self,
        principal: Principal,
        action: Action,
        private: Option<PrivateWrite>,
        reply: writer::Reply,
    ) -> Result<(), StoreError> {
        let jobs = self.jobs.lock().unwrap_or_else(|e| e.into_inner());
        let sender = jobs.as_ref().ok_or(StoreError::Closed)?;
        sender.send(writer::Job { principal, action, private, reply }).map_err(|_| StoreError::Closed)
    }

    /// Stops accepting actions, lets the writer commit what it holds, and
    /// waits for it. Every acknowledged entry is already durable; this only
    /// finishes the work in flight.
    pub fn shutdown(&self) {
        self.jobs.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(handle) = self.writer.lock().unwrap_or_else(|e| e.into_inner()).take() {
            let _ = handle.join();
        }
        if let Some(leader) = &self.leader {
            leader.stop();
        }
    }

    /// The store's clock's wall time, in Unix milliseconds.
    pub(crate) fn now_millis(&self) -> i64 {
        self.shared.clock.now_unix_ms()
    }

    pub(crate) fn backend(&self) -> &dyn backend::Backend {
        &*self.shared.backend
    }

    /// Number of entries in the record.
    pub fn len(&self) -> u64 {
        self.state().next_index
    }

    /// A receiver that sees the number of committed entries change after
    /// every commit, so that a task can wait for the record to grow
    /// instead of polling.
    pub fn watch_len(&self) -> tokio::sync::watch::Receiver<u64> {
        self.shared.committed.subscribe()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Up to `limit` entries with index greater than `after` (or from the
    /// first), in order, as stored bytes.
    pub fn entry_bytes(&self, after: Option<u64>, limit: u64) -> Result<Vec<(u64, Vec<u8>)>, StoreError> {
        let start = after.map_or(0, |a| a.saturating_add(1)).min(i64::MAX as u64) as i64;
        let limit = limit.min(i64::MAX as u64) as i64;
        self.shared.backend.entry_bytes(start, limit)
    }

    /// Up to `limit` decoded entries after `after`.
    pub fn entries(&self, after: Option<u64>, limit: u64) -> Result<Vec<Entry>, StoreError> {
        self.entry_bytes(after, limit)?
            .into_iter()
            .map(|(index, bytes)| Entry::decode(&bytes).map_err(|r| StoreError::Damaged { index, reason: r.message }))
            .collect()
    }

    /// A blob by its SHA-256.
    pub fn blob(&self, sha256: &[u8; 32]) -> Result<Option<Vec<u8>>, StoreError> {
        self.shared.backend.blob(sha256)
    }

    /// The state as it was when the record held its first `size` entries
    /// (all of them if it holds fewer): those entries folded into a fresh
    /// state, as at open. What a document issued at entry `size` showed is
    /// read from it. The entries were checked when the store opened or
    /// when they were appended, so they are folded without checking them
    /// again (debug builds check anyway); blocking, so called off the async
    /// reactor.
    pub fn state_at(&self, size: u64) -> Result<State, StoreError> {
        /// Entries read at a time: a bounded buffer, few round trips.
        const CHUNK: u64 = 4096;
        let mut state = State::new();
        while state.next_index < size {
            let after = state.next_index.checked_sub(1);
            let chunk = self.entry_bytes(after, CHUNK.min(size - state.next_index))?;
            if chunk.is_empty() {
                break;
            }
            for (index, bytes) in chunk {
                let mut entry = Entry::decode(&bytes).map_err(|r| StoreError::Damaged { index, reason: r.message })?;
                if let Some(named) = entry.body.blob_mut() {
                    let content = self.blob(&named.sha256)?.ok_or_else(|| StoreError::Damaged {
                        index,
                        reason: format!("the blob {} it names is missing", named.hex()),
                    })?;
                    named.attach(content).map_err(|r| StoreError::Damaged { index, reason: r.message })?;
                }
                state.apply_accepted(&entry);
            }
        }
        Ok(state)
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Decodes one stored entry (attaching the content of a blob it names,
/// fetched by `blob`) and checks its bytes against the leaf hash the tree
/// stored: the inner result says whether they match, for the fold to
/// report in order.
pub(crate) fn decode_entry(
    blob: impl FnOnce(&[u8; 32]) -> Result<Option<Vec<u8>>, StoreError>,
    stored: &[Hash],
    index: u64,
    bytes: &[u8],
) -> Result<(Entry, Result<(), String>), StoreError> {
    let leaf = if (stored.len() as u64) < tlog_tiles_count(index + 1) {
        None
    } else {
        Some(stored[tlog_tiles_count(index) as usize])
    };
    decode_entry_at(blob, leaf, index, bytes)
}

/// [`decode_entry`] with the leaf hash the tree stored for entry `index`
/// (`None`: the tree holds no hashes for it).
pub(crate) fn decode_entry_at(
    blob: impl FnOnce(&[u8; 32]) -> Result<Option<Vec<u8>>, StoreError>,
    stored_leaf: Option<Hash>,
    index: u64,
    bytes: &[u8],
) -> Result<(Entry, Result<(), String>), StoreError> {
    let mut entry = Entry::decode(bytes).map_err(|r| StoreError::Damaged { index, reason: r.message })?;
    if let Some(named) = entry.body.blob_mut() {
        let content = blob(&named.sha256)?.ok_or_else(|| StoreError::Damaged {
            index,
            reason: format!("the blob {} it names is missing", named.hex()),
        })?;
        named.attach(content).map_err(|r| StoreError::Damaged { index, reason: r.message })?;
    }
    if entry.index != index {
        return Err(StoreError::Damaged { index, reason: format!("the entry says it is number {}", entry.index) });
    }
    let leaf = match stored_leaf {
        None => Err("the tree's hashes for this entry are missing".to_owned()),
        Some(h) if h != accord_log::leaf_hash(bytes) => {
            Err("its bytes do not match the hash the tree recorded for it: the entry was changed".to_owned())
        }
        Some(_) => Ok(()),
    };
    Ok((entry, leaf))
}

/// Folds a decoded entry into the replayed state, checking it as a live
/// append is checked, then reports a leaf hash that did not match.
pub(crate) fn fold_checked(state: &mut State, entry: &Entry, leaf: &Result<(), String>) -> Result<(), StoreError> {
    let index = entry.index;
    state.apply(entry).map_err(|r| StoreError::Damaged { index, reason: r.message })?;
    leaf.clone().map_err(|reason| StoreError::Damaged { index, reason })
}

/// The end of a replay: every entry was checked against its stored hashes
/// as it was folded; the tree is those hashes, taken as they are, and there
/// must be none for entries the record does not hold.
pub(crate) fn finish_replay(state: State, stored: Vec<Hash>) -> Result<(State, MerkleTree), StoreError> {
    if tlog_tiles_count(state.next_index) != stored.len() as u64 {
        return Err(StoreError::Damaged {
            index: state.next_index,
            reason: "the tree holds hashes for entries that are not in the record: entries were removed".into(),
        });
    }
    let tree = MerkleTree::from_stored(state.next_index, stored)
        .map_err(|reason| StoreError::Damaged { index: state.next_index, reason })?;
    Ok((state, tree))
}

fn tlog_tiles_count(n: u64) -> u64 {
    accord_log::tree::stored_hash_count(n)
}

/// SHA-256 of a blob, as the record names it.
pub fn blob_hash(bytes: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).into()
}

pub(crate) fn count_entry(metrics: &StoreMetrics, n: u64) {
    metrics.entries_appended.fetch_add(n, Ordering::Relaxed);
}

/// The parts of a state, by name, with their digests (`State::digest_parts`).
pub type StateParts = std::collections::BTreeMap<String, [u8; 32]>;

/// The state a checkpoint was signed with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedState {
    /// `State::digest_v2` of the parts, or for a checkpoint signed before
    /// schema 3, `State::digest` (format v1).
    pub digest: [u8; 32],
    /// Name → hex digest; `None` for a v1 digest.
    pub parts: Option<std::collections::BTreeMap<String, String>>,
}

/// `{name: hex}` as JSON (names in order: a `BTreeMap`).
fn parts_json(parts: impl IntoIterator<Item = (String, String)>) -> String {
    let map: std::collections::BTreeMap<String, String> = parts.into_iter().collect();
    serde_json::to_string(&map).expect("a map of strings serialises")
}

fn parse_parts(json: &str) -> Option<std::collections::BTreeMap<String, String>> {
    serde_json::from_str(json).ok()
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use accord_domain::ids::{DisplayName, LanguageTag};
    use accord_domain::state::{MemberKind, MemberStatus};
    use accord_domain::MemberCode;

    use super::*;

    fn admit(store: &Store, code: &str) -> Entry {
        let action = Action::AdmitMember {
            code: MemberCode::parse(code).unwrap(),
            name: None,
            kind: MemberKind::State,
            category: None,
            status: MemberStatus::Member,
        };
        store.submit_blocking(Principal::System, action, None).unwrap().entry
    }

    #[test]
    fn entries_are_stamped_with_the_store_clock_and_never_go_back() {
        let dir = tempfile::tempdir().unwrap();
        let clock = Clock::manual(1_800_000_000_000);
        let store = Store::open_with_clock(&dir.path().join("accord.sqlite3"), clock.clone()).unwrap();
        let forum = Action::EstablishForum {
            name: DisplayName::parse("Forum").unwrap(),
            languages: LanguageTag::un_languages(),
            log: None,
        };
        assert_eq!(store.submit_blocking(Principal::System, forum, None).unwrap().entry.time, 1_800_000_000_000);
        clock.advance(Duration::from_millis(2_500));
        assert_eq!(admit(&store, "BRA").time, 1_800_000_002_500);
        // The wall clock set back: the entry keeps the time of the one before.
        clock.set_unix_ms(1_700_000_000_000);
        assert_eq!(admit(&store, "KEN").time, 1_800_000_002_500);
        clock.set_unix_ms(1_800_000_009_000);
        assert_eq!(admit(&store, "CHN").time, 1_800_000_009_000);
        assert_eq!(store.clock().now_unix_ms(), 1_800_000_009_000);
        store.shutdown();
    }
}
