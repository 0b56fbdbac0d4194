//! Accord's storage: the only code that touches SQL.
//!
//! # Layout
//! - [`Store`]: opens the SQLite file, replays the record into the domain's
//!   [`State`], and runs the single writer thread that sequences entries and
//!   commits them in groups (`writer`).
//! - [`schema`]: the tables. `entries` is the public record (append-only,
//!   enforced by triggers); `blobs` holds content-addressed large content;
//!   `accounts`, `sessions` and `api_tokens` are private and never enter the
//!   record.
//! - [`private`]: reads and writes of the private tables.
//! - [`data_dir`]: the data directory and its lock.
//!
//! # Invariants
//! - An action is acknowledged (its future resolves `Ok`) only after the
//!   transaction holding its entry has committed with `synchronous=FULL`,
//!   i.e. after an fsync of the write-ahead log.
//! - Readers see only committed entries: the writer folds a batch into the
//!   published state after the commit, before it acknowledges.
//! - Entry `i` is stored at `idx = i`; indexes have no gaps.
//!
//! # Opening: the replay
//! At open, the store loads the tree's stored hashes and checks each entry's
//! bytes against its leaf hash while replaying: an entry changed in the file
//! stops the server with its index. The tree is then the stored hashes
//! themselves, not a copy. The replay uses two threads, one per core: one
//! reads rows in chunks of 512 and decodes two chunks in three, the other
//! (`accord-replay`) decodes the third and folds every chunk in order;
//! chunks decoded by the reader go back to it to be freed (the allocator
//! frees fastest on the allocating thread); the first error by index is the
//! one reported. Three threads, and leaving the fold a quarter of the
//! decoding, were measured slower on two cores (BENCHMARKS.md).
//!
//! # Time
//! The store reads time from one [`Clock`], given at open
//! ([`Store::open_with_clock`]; [`Store::open`] uses the system clock): the
//! writer stamps each entry with the clock's wall time, never earlier than
//! the entry before it, and the private tables (accounts, sessions, tokens,
//! checkpoints) take their times from it. The server reads the same clock
//! ([`Store::clock`]); tests give a manual one and move it.
//!
//! SQLite is reached through `rusqlite`, not `sqlx`: the writer is one
//! dedicated thread that batches synchronously, which rusqlite does directly
//! and cheaply. [`Store::submit_all_blocking`] enqueues many actions at once
//! (set-up code: the demonstration). PostgreSQL is meant to come in behind
//! the same `Store` interface.

pub mod clock;
pub mod data_dir;
pub mod private;
pub mod schema;
mod writer;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex, RwLock, RwLockReadGuard};
use std::time::Instant;

use accord_domain::state::{Action, Principal};
use accord_domain::{Entry, Refusal, State};
use accord_log::{Hash, MerkleTree};
use rusqlite::{params, Connection, OptionalExtension};

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
    /// An entry in the file cannot be decoded or does not apply: the record
    /// is damaged.
    #[error("the record is damaged at entry {index}: {reason}")]
    Damaged { index: u64, reason: String },
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
    pub(crate) path: PathBuf,
    /// The state as of the last committed entry.
    pub(crate) state: RwLock<State>,
    /// The Merkle tree over the committed entries.
    pub(crate) tree: RwLock<MerkleTree>,
    /// Connections for reads and for the private tables.
    pub(crate) pool: Mutex<Vec<Connection>>,
    pub(crate) metrics: StoreMetrics,
    /// The number of committed entries, announced to whoever waits for the
    /// record to grow (the live event stream) after each commit.
    pub(crate) committed: tokio::sync::watch::Sender<u64>,
    /// The time entries and private rows are stamped with.
    pub(crate) clock: Clock,
}

/// The record and the private tables in one SQLite file.
pub struct Store {
    shared: Arc<Shared>,
    jobs: Mutex<Option<mpsc::Sender<writer::Job>>>,
    writer: Mutex<Option<std::thread::JoinHandle<()>>>,
    /// How long the replay at open took, and how many entries it folded.
    pub replay: (u64, std::time::Duration),
}

impl Store {
    /// Opens (or creates) the database at `path`, replays the record, and
    /// starts the writer thread, which stamps entries with the system clock.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with_clock(path, Clock::system())
    }

    /// [`Store::open`] with the clock the writer stamps entries with, and
    /// the private tables' times are read from.
    pub fn open_with_clock(path: &Path, clock: Clock) -> Result<Store, StoreError> {
        data_dir::create_private_file(path);
        let conn = schema::connect(path)?;
        schema::migrate(&conn)?;
        let started = Instant::now();
        let (state, tree) = replay(&conn, path)?;
        let replay = (state.next_index, started.elapsed());
        let committed = tokio::sync::watch::Sender::new(state.next_index);
        // The published state is the replayed one; the writer thread makes
        // its leading copy itself. The tree is a flat vector of hashes and
        // cheap to copy.
        let leading_tree = tree.clone();
        let shared = Arc::new(Shared {
            path: path.to_owned(),
            state: RwLock::new(state),
            tree: RwLock::new(tree),
            pool: Mutex::new(Vec::new()),
            metrics: StoreMetrics::default(),
            committed,
            clock,
        });
        let (tx, rx) = mpsc::channel();
        let reads = schema::connect(path)?;
        let writer = writer::spawn(conn, reads, leading_tree, rx, shared.clone())?;
        Ok(Store { shared, jobs: Mutex::new(Some(tx)), writer: Mutex::new(Some(writer)), replay })
    }

    /// Opens an existing database for the private tables only (accounts,
    /// sessions, tokens): no replay, no writer, so it can run beside a
    /// serving process. Submitting actions through it fails. Its times come
    /// from the system clock.
    pub fn open_private(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing(path.to_owned()));
        }
        let conn = schema::connect(path)?;
        schema::migrate(&conn)?;
        let shared = Arc::new(Shared {
            path: path.to_owned(),
            state: RwLock::new(State::new()),
            tree: RwLock::new(MerkleTree::new()),
            pool: Mutex::new(vec![conn]),
            metrics: StoreMetrics::default(),
            committed: tokio::sync::watch::Sender::new(0),
            clock: Clock::system(),
        });
        Ok(Store { shared, jobs: Mutex::new(None), writer: Mutex::new(None), replay: (0, Default::default()) })
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
        self.with_conn(|c| {
            let tx = c.unchecked_transaction()?;
            tx.execute(
                "INSERT INTO checkpoints (size, note, state_digest, created_at) VALUES (?1, ?2, ?3, ?4) \
                 ON CONFLICT (size) DO UPDATE SET note = excluded.note",
                params![size as i64, note, &digest[..], self.shared.clock.now_unix_ms()],
            )?;
            let snapshot: Option<(i64, String)> = tx
                .query_row(
                    "SELECT size, parts FROM checkpoint_states WHERE snapshot = size AND size < ?1 \
                     ORDER BY size DESC LIMIT 1",
                    [size as i64],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let full = parts_json(parts.iter().map(|(k, v)| (k.clone(), hex::encode(v))));
            let (base, stored) = match snapshot.and_then(|(at, json)| Some((at, parse_parts(&json)?))) {
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
            };
            tx.execute(
                "INSERT INTO checkpoint_states (size, snapshot, parts) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (size) DO NOTHING",
                params![size as i64, base, stored],
            )?;
            tx.commit()
        })
    }

    /// The state published with the checkpoint of `size`: its digest, and
    /// its parts (name → hex digest) when the checkpoint was signed with
    /// them (schema 3 on; `None` for the v1 digest of older checkpoints).
    pub fn checkpoint_state(&self, size: u64) -> Result<Option<PublishedState>, StoreError> {
        let Some(digest) = self.checkpoint_digest(size)? else { return Ok(None) };
        let parts = self.with_conn(|c| {
            let row: Option<(i64, String)> = c
                .query_row("SELECT snapshot, parts FROM checkpoint_states WHERE size = ?1", [size as i64], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            let Some((snapshot, json)) = row else { return Ok(None) };
            let bad = || rusqlite::Error::InvalidColumnType(0, "parts".into(), rusqlite::types::Type::Text);
            let mut parts = parse_parts(&json).ok_or_else(bad)?;
            if snapshot != size as i64 {
                let base: String =
                    c.query_row("SELECT parts FROM checkpoint_states WHERE size = ?1", [snapshot], |r| r.get(0))?;
                let changed = std::mem::replace(&mut parts, parse_parts(&base).ok_or_else(bad)?);
                for (k, v) in changed {
                    if v.is_empty() {
                        parts.remove(&k);
                    } else {
                        parts.insert(k, v);
                    }
                }
            }
            Ok(Some(parts))
        })?;
        Ok(Some(PublishedState { digest, parts }))
    }

    /// Replaces a stored checkpoint's note by a copy with more signatures
    /// (witnesses' cosignatures).
    pub fn update_checkpoint_note(&self, size: u64, note: &str) -> Result<(), StoreError> {
        self.with_conn(|c| {
            c.execute("UPDATE checkpoints SET note = ?2 WHERE size = ?1", params![size as i64, note]).map(|_| ())
        })
    }

    /// The signed note of the checkpoint of `size`, with the cosignatures
    /// added so far.
    pub fn checkpoint_note(&self, size: u64) -> Result<Option<String>, StoreError> {
        self.with_conn(|c| {
            c.query_row("SELECT note FROM checkpoints WHERE size = ?1", [size as i64], |r| r.get(0)).optional()
        })
    }

    /// The state digest published with the checkpoint of `size`.
    pub fn checkpoint_digest(&self, size: u64) -> Result<Option<[u8; 32]>, StoreError> {
        self.with_conn(|c| {
            c.query_row("SELECT state_digest FROM checkpoints WHERE size = ?1", [size as i64], |r| {
                let v: Vec<u8> = r.get(0)?;
                Ok(<[u8; 32]>::try_from(v.as_slice()).unwrap_or([0; 32]))
            })
            .optional()
        })
    }

    /// The checkpoint of the largest size stored.
    pub fn latest_checkpoint(&self) -> Result<Option<(u64, String)>, StoreError> {
        self.with_conn(|c| {
            c.query_row("SELECT size, note FROM checkpoints ORDER BY size DESC LIMIT 1", [], |r| {
                Ok((r.get::<_, i64>(0)? as u64, r.get(1)?))
            })
            .optional()
        })
    }

    /// The smallest stored checkpoint that covers entry `index`.
    pub fn checkpoint_covering(&self, index: u64) -> Result<Option<(u64, String)>, StoreError> {
        self.with_conn(|c| {
            c.query_row(
                "SELECT size, note FROM checkpoints WHERE size > ?1 ORDER BY size LIMIT 1",
                [index as i64],
                |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?)),
            )
            .optional()
        })
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
    }

    /// Runs `f` with a pooled connection.
    /// The store's clock's wall time, in Unix milliseconds.
    pub(crate) fn now_millis(&self) -> i64 {
        self.shared.clock.now_unix_ms()
    }

    pub(crate) fn with_conn<T>(&self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T, StoreError> {
        let conn = self.shared.pool.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let conn = match conn {
            Some(c) => c,
            None => schema::connect(&self.shared.path)?,
        };
        let result = f(&conn);
        let mut pool = self.shared.pool.lock().unwrap_or_else(|e| e.into_inner());
        if pool.len() < 16 {
            pool.push(conn);
        }
        Ok(result?)
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
        self.with_conn(|c| {
            let mut stmt = c.prepare_cached("SELECT idx, bytes FROM entries WHERE idx >= ?1 ORDER BY idx LIMIT ?2")?;
            let rows = stmt.query_map(params![start, limit], |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?)))?;
            rows.collect()
        })
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
        self.with_conn(|c| {
            c.query_row("SELECT bytes FROM blobs WHERE sha256 = ?1", [&sha256[..]], |r| r.get(0)).optional()
        })
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Reads every entry in order and folds it into a fresh state, checking
/// each one as a live append is checked; loads the Merkle tree's stored
/// hashes and checks that every entry's bytes match its leaf hash, so that
/// an entry changed in the file is found at start.
fn replay(conn: &Connection, path: &Path) -> Result<(State, MerkleTree), StoreError> {
    // The replay reads the file through a memory map (about 8 % faster than
    // copying each page in, measured); `conn` becomes the writer's
    // connection afterwards, which goes back to ordinary reads.
    conn.pragma_update(None, "mmap_size", REPLAY_MMAP_BYTES)?;
    let replayed = replay_mapped(conn, path);
    conn.pragma_update(None, "mmap_size", 0)?;
    replayed
}

/// How much of the file the replay maps (SQLite caps it at its own limit,
/// 2 GiB by default, and reads the rest as usual).
const REPLAY_MMAP_BYTES: i64 = 1 << 32;

fn replay_mapped(conn: &Connection, path: &Path) -> Result<(State, MerkleTree), StoreError> {
    // The entries are numbered from 0 without gaps (invariant 6), and each
    // adds about two stored hashes.
    let entries: i64 = conn.query_row("SELECT COALESCE(MAX(idx) + 1, 0) FROM entries", [], |r| r.get(0))?;
    let mut stored: Vec<Hash> = Vec::with_capacity(tlog_tiles_count(entries.max(0) as u64) as usize);
    {
        // Schema version 1 wrote one row per hash; version 2 writes one row
        // per batch (a run of hashes). Both read as runs, in this order.
        let mut stmt = conn.prepare(
            "SELECT idx, hash FROM tree_hashes UNION ALL SELECT first, hashes FROM tree_hash_runs ORDER BY 1",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let idx = row.get::<_, i64>(0)? as usize;
            let bytes = row.get_ref(1)?.as_blob().map_err(rusqlite::Error::from)?;
            if bytes.is_empty() || bytes.len() % 32 != 0 {
                return Err(StoreError::Damaged {
                    index: 0,
                    reason: format!("stored tree hashes from {idx} are not a whole number of 32-byte hashes"),
                });
            }
            if idx != stored.len() {
                return Err(StoreError::Damaged {
                    index: 0,
                    reason: format!("stored tree hash {idx} is out of place"),
                });
            }
            stored.extend(bytes.chunks_exact(32).map(|h| Hash(h.try_into().expect("32 bytes"))));
        }
    }
    // Two threads, one per core: this one reads the entries' rows in chunks
    // and decodes two chunks in three (checking each entry against its leaf
    // hash); the other (`accord-replay`, with its own connection for blobs)
    // decodes the third itself, and folds every chunk into the state, in
    // order. Reading, decoding and folding then divide about evenly, and the
    // chunks the fold decodes are folded while still in its cache. A bounded
    // channel keeps a few thousand entries between them. An entry that
    // cannot be read or decoded travels as an error in its place, so the
    // fold reports the earliest entry at fault.
    let state = std::thread::scope(|scope| -> Result<State, StoreError> {
        let (to_fold, chunks) = mpsc::sync_channel::<Chunk>(8);
        // Chunks decoded here go back here once folded, to be freed on the
        // thread that allocated them (much faster for the allocator).
        let (done, folded) = mpsc::channel::<Decoded>();
        let stored = &stored;
        let fold_conn = schema::connect(path)?;
        fold_conn.pragma_update(None, "mmap_size", REPLAY_MMAP_BYTES)?;
        let folder = std::thread::Builder::new()
            .name("accord-replay".into())
            .spawn_scoped(scope, move || fold_chunks(chunks, done, &fold_conn, stored))
            .map_err(|e| StoreError::Damaged { index: 0, reason: format!("cannot start the replay's fold: {e}") })?;
        let read = read_entries(conn, stored, to_fold, folded);
        let folded =
            folder.join().map_err(|_| StoreError::Damaged { index: 0, reason: "the replay panicked".into() })?;
        let state = folded?;
        // A row that could not be read ends the chunks early: the fold then
        // stops short without an error of its own.
        read?;
        Ok(state)
    })?;
    // Every entry was checked against its stored hashes as it was folded;
    // the tree is those hashes, taken as they are.
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

/// A run of entries' rows (index, bytes) as read, on their way to a decoder.
type Raw = Vec<(u64, Vec<u8>)>;

/// A run of decoded entries on their way to the fold, each with the outcome
/// of its check against the tree's stored leaf hash, or why it could not be
/// decoded.
type Decoded = Vec<Result<(Entry, Result<(), String>), StoreError>>;

/// A chunk of entries on its way to the fold: decoded by the reading
/// thread, or as read, for the fold's thread to decode.
enum Chunk {
    Raw(Raw),
    Decoded(Decoded),
}

/// Whether the reading thread decodes chunk `k` (two in three) or leaves it
/// to the fold's thread. (Interleaved runs of 200,000 entries on two
/// cores: three in four was slower; one in two, three in five and four in
/// seven came out within noise of two in three. The best split moves as
/// decoding gets cheaper or dearer than reading and folding.)
fn decoded_by_reader(k: usize) -> bool {
    k % 3 != 2
}

/// How many entries travel together from the reader to the fold.
const REPLAY_CHUNK: usize = 512;

/// Reads the entries' rows in chunks and sends them to the fold in order,
/// decoding two in three. Stops when the fold stops listening.
fn read_entries(
    conn: &Connection,
    stored: &[Hash],
    to_fold: mpsc::SyncSender<Chunk>,
    folded: mpsc::Receiver<Decoded>,
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare("SELECT idx, bytes FROM entries ORDER BY idx")?;
    let mut rows = stmt.query([])?;
    for k in 0usize.. {
        let mut raw = Vec::with_capacity(REPLAY_CHUNK);
        while raw.len() < REPLAY_CHUNK {
            let Some(row) = rows.next()? else { break };
            let index = row.get::<_, i64>(0)? as u64;
            raw.push((index, row.get_ref(1)?.as_blob().map_err(rusqlite::Error::from)?.to_vec()));
        }
        if raw.is_empty() {
            return Ok(());
        }
        let chunk =
            if decoded_by_reader(k) { Chunk::Decoded(decode_chunk(conn, stored, raw)) } else { Chunk::Raw(raw) };
        if to_fold.send(chunk).is_err() {
            // The fold stopped at an error of its own.
            return Ok(());
        }
        folded.try_iter().for_each(drop);
    }
    Ok(())
}

/// Decodes a chunk of rows, attaching the content of blobs an entry names,
/// and checks each entry's bytes against the leaf hash the tree stored.
fn decode_chunk(conn: &Connection, stored: &[Hash], raw: Raw) -> Decoded {
    raw.into_iter().map(|(index, bytes)| decode_one(conn, stored, index, &bytes)).collect()
}

fn decode_one(
    conn: &Connection,
    stored: &[Hash],
    index: u64,
    bytes: &[u8],
) -> Result<(Entry, Result<(), String>), StoreError> {
    let mut entry = Entry::decode(bytes).map_err(|r| StoreError::Damaged { index, reason: r.message })?;
    if let Some(blob) = entry.body.blob_mut() {
        let content: Option<Vec<u8>> =
            conn.query_row("SELECT bytes FROM blobs WHERE sha256 = ?1", [&blob.sha256[..]], |r| r.get(0)).optional()?;
        let content = content.ok_or_else(|| StoreError::Damaged {
            index,
            reason: format!("the blob {} it names is missing", blob.hex()),
        })?;
        blob.attach(content).map_err(|r| StoreError::Damaged { index, reason: r.message })?;
    }
    if entry.index != index {
        return Err(StoreError::Damaged { index, reason: format!("the entry says it is number {}", entry.index) });
    }
    let have = tlog_tiles_count(index + 1);
    let leaf = if (stored.len() as u64) < have {
        Err("the tree's hashes for this entry are missing".to_owned())
    } else if stored[tlog_tiles_count(index) as usize] != accord_log::leaf_hash(bytes) {
        Err("its bytes do not match the hash the tree recorded for it: the entry was changed".to_owned())
    } else {
        Ok(())
    };
    Ok((entry, leaf))
}

/// Folds the chunks into a fresh state, in order, decoding those that come
/// as read, and checking each entry as a live append is checked.
fn fold_chunks(
    chunks: mpsc::Receiver<Chunk>,
    done: mpsc::Sender<Decoded>,
    conn: &Connection,
    stored: &[Hash],
) -> Result<State, StoreError> {
    let mut state = State::new();
    for chunk in chunks {
        let (mut decoded, ours) = match chunk {
            Chunk::Raw(raw) => (decode_chunk(conn, stored, raw), true),
            Chunk::Decoded(decoded) => (decoded, false),
        };
        for item in decoded.iter_mut() {
            let (entry, leaf) = match item {
                Ok(ok) => ok,
                Err(e) => return Err(std::mem::replace(e, StoreError::Closed)),
            };
            let index = entry.index;
            state.apply(entry).map_err(|r| StoreError::Damaged { index, reason: r.message })?;
            leaf.clone().map_err(|reason| StoreError::Damaged { index, reason })?;
        }
        if !ours {
            // If the reader has finished, the chunk is freed here instead.
            let _ = done.send(decoded);
        }
    }
    Ok(state)
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
