//! The SQLite backend: the record and the private tables in one file,
//! reached through `rusqlite` (not `sqlx`: the writer is a dedicated thread
//! that batches synchronously, which rusqlite does directly and cheaply).
//!
//! Connections for reads come from a small pool of open connections
//! (WAL lets them read while the committer writes); the committer owns one
//! connection of its own. Every commit fsyncs the write-ahead log
//! (`synchronous=FULL`, `schema.rs`).
//!
//! # The replay
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

use std::path::{Path, PathBuf};
use std::sync::{mpsc, Mutex};

use accord_domain::{DelegateId, Email, Entry, EntryBody, State};
use accord_log::{Hash, MerkleTree};
use rusqlite::{params, Connection, OptionalExtension};

use crate::backend::{push_hash_run, Backend, BatchWriter, Fence, Opened, StateRow};
use crate::private::{Account, ApiToken, Session};
use crate::writer::{PrivateWrite, Sequenced};
use crate::{data_dir, schema, StoreError};

/// Opens (or creates) the file, migrates it and replays the record.
pub(crate) fn open(path: &Path) -> Result<Opened, StoreError> {
    data_dir::create_private_file(path);
    let conn = schema::connect(path)?;
    schema::migrate(&conn)?;
    let (state, tree) = replay(&conn, path)?;
    let backend = SqliteBackend { path: path.to_owned(), pool: Mutex::new(Vec::new()) };
    Ok(Opened { backend: Box::new(backend), writer: Box::new(SqliteWriter { conn }), leadership: None, state, tree })
}

/// Opens an existing file for the private tables only.
pub(crate) fn open_private(path: &Path) -> Result<Box<dyn Backend>, StoreError> {
    if !path.exists() {
        return Err(StoreError::Missing(path.to_owned()));
    }
    let conn = schema::connect(path)?;
    schema::migrate(&conn)?;
    Ok(Box::new(SqliteBackend { path: path.to_owned(), pool: Mutex::new(vec![conn]) }))
}

struct SqliteBackend {
    path: PathBuf,
    /// Open connections for reads and the private tables.
    pool: Mutex<Vec<Connection>>,
}

impl SqliteBackend {
    /// Runs `f` with a pooled connection (a new one when all are in use;
    /// at most 16 are kept).
    fn with_conn<T>(&self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T, StoreError> {
        let conn = self.pool.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let conn = match conn {
            Some(c) => c,
            None => schema::connect(&self.path)?,
        };
        let result = f(&conn);
        let mut pool = self.pool.lock().unwrap_or_else(|e| e.into_inner());
        if pool.len() < 16 {
            pool.push(conn);
        }
        Ok(result?)
    }
}

fn account_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Account> {
    let email: String = r.get(1)?;
    Ok(Account {
        delegate: DelegateId(r.get::<_, i64>(0)? as u64),
        email: Email::parse(&email)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, Box::new(e)))?,
        password_hash: r.get(2)?,
        must_change_password: r.get(3)?,
        password_set_at: r.get(4)?,
    })
}

impl Backend for SqliteBackend {
    fn entry_bytes(&self, start: i64, limit: i64) -> Result<Vec<(u64, Vec<u8>)>, StoreError> {
        self.with_conn(|c| {
            let mut stmt = c.prepare_cached("SELECT idx, bytes FROM entries WHERE idx >= ?1 ORDER BY idx LIMIT ?2")?;
            let rows = stmt.query_map(params![start, limit], |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?)))?;
            rows.collect()
        })
    }

    fn blob(&self, sha256: &[u8; 32]) -> Result<Option<Vec<u8>>, StoreError> {
        self.with_conn(|c| {
            c.query_row("SELECT bytes FROM blobs WHERE sha256 = ?1", [&sha256[..]], |r| r.get(0)).optional()
        })
    }

    fn save_checkpoint(
        &self,
        size: u64,
        note: &str,
        digest: &[u8; 32],
        created_at: i64,
        state_row: &dyn Fn(Option<StateRow>) -> StateRow,
    ) -> Result<(), StoreError> {
        self.with_conn(|c| {
            let tx = c.unchecked_transaction()?;
            tx.execute(
                "INSERT INTO checkpoints (size, note, state_digest, created_at) VALUES (?1, ?2, ?3, ?4) \
                 ON CONFLICT (size) DO UPDATE SET note = excluded.note",
                params![size as i64, note, &digest[..], created_at],
            )?;
            let snapshot: Option<(i64, String)> = tx
                .query_row(
                    "SELECT size, parts FROM checkpoint_states WHERE snapshot = size AND size < ?1 \
                     ORDER BY size DESC LIMIT 1",
                    [size as i64],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let (base, stored) = state_row(snapshot);
            tx.execute(
                "INSERT INTO checkpoint_states (size, snapshot, parts) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (size) DO NOTHING",
                params![size as i64, base, stored],
            )?;
            tx.commit()
        })
    }

    fn checkpoint_state_row(&self, size: u64) -> Result<Option<StateRow>, StoreError> {
        self.with_conn(|c| {
            c.query_row("SELECT snapshot, parts FROM checkpoint_states WHERE size = ?1", [size as i64], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()
        })
    }

    fn update_checkpoint_note(&self, size: u64, note: &str) -> Result<(), StoreError> {
        self.with_conn(|c| {
            c.execute("UPDATE checkpoints SET note = ?2 WHERE size = ?1", params![size as i64, note]).map(|_| ())
        })
    }

    fn checkpoint_note(&self, size: u64) -> Result<Option<String>, StoreError> {
        self.with_conn(|c| {
            c.query_row("SELECT note FROM checkpoints WHERE size = ?1", [size as i64], |r| r.get(0)).optional()
        })
    }

    fn checkpoint_digest(&self, size: u64) -> Result<Option<[u8; 32]>, StoreError> {
        self.with_conn(|c| {
            c.query_row("SELECT state_digest FROM checkpoints WHERE size = ?1", [size as i64], |r| {
                let v: Vec<u8> = r.get(0)?;
                Ok(<[u8; 32]>::try_from(v.as_slice()).unwrap_or([0; 32]))
            })
            .optional()
        })
    }

    fn latest_checkpoint(&self) -> Result<Option<(u64, String)>, StoreError> {
        self.with_conn(|c| {
            c.query_row("SELECT size, note FROM checkpoints ORDER BY size DESC LIMIT 1", [], |r| {
                Ok((r.get::<_, i64>(0)? as u64, r.get(1)?))
            })
            .optional()
        })
    }

    fn checkpoint_covering(&self, index: u64) -> Result<Option<(u64, String)>, StoreError> {
        self.with_conn(|c| {
            c.query_row(
                "SELECT size, note FROM checkpoints WHERE size > ?1 ORDER BY size LIMIT 1",
                [index as i64],
                |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?)),
            )
            .optional()
        })
    }

    fn email_taken(&self, email: &str) -> Result<bool, StoreError> {
        self.with_conn(|c| {
            c.prepare_cached("SELECT EXISTS (SELECT 1 FROM accounts WHERE email = ?1)")?
                .query_row([email], |r| r.get::<_, bool>(0))
        })
    }

    fn account_by_email(&self, email: &Email) -> Result<Option<Account>, StoreError> {
        self.with_conn(|c| {
            c.prepare_cached(
                "SELECT delegate, email, password_hash, must_change_password, updated_at FROM accounts WHERE email = ?1",
            )?
            .query_row([email.as_str()], account_row)
            .optional()
        })
    }

    fn account(&self, delegate: DelegateId) -> Result<Option<Account>, StoreError> {
        self.with_conn(|c| {
            c.prepare_cached(
                "SELECT delegate, email, password_hash, must_change_password, updated_at FROM accounts WHERE delegate = ?1",
            )?
            .query_row([delegate.0 as i64], account_row)
            .optional()
        })
    }

    fn create_account(
        &self,
        delegate: DelegateId,
        email: &Email,
        password_hash: &str,
        must_change: bool,
        now: i64,
    ) -> Result<(), StoreError> {
        self.with_conn(|c| {
            c.execute(
                "INSERT INTO accounts (delegate, email, password_hash, must_change_password, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![delegate.0 as i64, email.as_str(), password_hash, must_change, now],
            )
            .map(|_| ())
        })
    }

    fn set_password(
        &self,
        delegate: DelegateId,
        password_hash: &str,
        must_change: bool,
        revoke_tokens: bool,
        now: i64,
    ) -> Result<bool, StoreError> {
        self.with_conn(|c| {
            let tx = c.unchecked_transaction()?;
            // The time a password was set also names it for the log-in
            // counters: it must change with every new password.
            let n = tx.execute(
                "UPDATE accounts SET password_hash = ?2, must_change_password = ?3, \
                 updated_at = max(?4, updated_at + 1) WHERE delegate = ?1",
                params![delegate.0 as i64, password_hash, must_change, now],
            )?;
            tx.execute("DELETE FROM sessions WHERE delegate = ?1", [delegate.0 as i64])?;
            if revoke_tokens {
                tx.execute(
                    "UPDATE api_tokens SET revoked_at = ?2 WHERE delegate = ?1 AND revoked_at IS NULL",
                    params![delegate.0 as i64, now],
                )?;
            }
            tx.commit()?;
            Ok(n == 1)
        })
    }

    fn preference(&self, delegate: DelegateId, name: &str) -> Result<Option<String>, StoreError> {
        self.with_conn(|c| {
            c.query_row(
                "SELECT value FROM preferences WHERE delegate = ?1 AND name = ?2",
                params![delegate.0 as i64, name],
                |r| r.get(0),
            )
            .optional()
        })
    }

    fn set_preference(&self, delegate: DelegateId, name: &str, value: &str) -> Result<(), StoreError> {
        self.with_conn(|c| {
            c.execute(
                "INSERT INTO preferences (delegate, name, value) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (delegate, name) DO UPDATE SET value = excluded.value",
                params![delegate.0 as i64, name, value],
            )
            .map(|_| ())
        })
    }

    fn secret(&self, name: &str, candidate: &[u8]) -> Result<Vec<u8>, StoreError> {
        self.with_conn(|c| {
            c.execute("INSERT OR IGNORE INTO secrets (name, value) VALUES (?1, ?2)", params![name, candidate])?;
            c.query_row("SELECT value FROM secrets WHERE name = ?1", [name], |r| r.get(0))
        })
    }

    fn create_session(
        &self,
        token_hash: &[u8; 32],
        delegate: DelegateId,
        csrf: &str,
        expires_at: i64,
        now: i64,
    ) -> Result<(), StoreError> {
        self.with_conn(|c| {
            c.execute("DELETE FROM sessions WHERE expires_at < ?1", [now])?;
            c.execute(
                "INSERT INTO sessions (token_hash, delegate, csrf, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![&token_hash[..], delegate.0 as i64, csrf, now, expires_at],
            )
            .map(|_| ())
        })
    }

    fn session(&self, token_hash: &[u8; 32], now: i64) -> Result<Option<Session>, StoreError> {
        self.with_conn(|c| {
            c.prepare_cached(
                "SELECT delegate, csrf, expires_at FROM sessions WHERE token_hash = ?1 AND expires_at > ?2",
            )?
            .query_row(params![&token_hash[..], now], |r| {
                Ok(Session { delegate: DelegateId(r.get::<_, i64>(0)? as u64), csrf: r.get(1)?, expires_at: r.get(2)? })
            })
            .optional()
        })
    }

    fn delete_session(&self, token_hash: &[u8; 32]) -> Result<(), StoreError> {
        self.with_conn(|c| c.execute("DELETE FROM sessions WHERE token_hash = ?1", [&token_hash[..]]).map(|_| ()))
    }

    fn create_api_token(
        &self,
        token_hash: &[u8; 32],
        delegate: DelegateId,
        label: &str,
        expires_at: i64,
        now: i64,
    ) -> Result<i64, StoreError> {
        self.with_conn(|c| {
            c.execute(
                "INSERT INTO api_tokens (token_hash, delegate, label, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![&token_hash[..], delegate.0 as i64, label, now, expires_at],
            )?;
            Ok(c.last_insert_rowid())
        })
    }

    fn api_token_owner(&self, token_hash: &[u8; 32], now: i64) -> Result<Option<(i64, DelegateId)>, StoreError> {
        self.with_conn(|c| {
            c.prepare_cached(
                "SELECT id, delegate FROM api_tokens WHERE token_hash = ?1 AND revoked_at IS NULL AND expires_at > ?2",
            )?
            .query_row(params![&token_hash[..], now], |r| Ok((r.get(0)?, DelegateId(r.get::<_, i64>(1)? as u64))))
            .optional()
        })
    }

    fn api_tokens(&self, delegate: DelegateId) -> Result<Vec<ApiToken>, StoreError> {
        self.with_conn(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT id, delegate, label, created_at, expires_at, revoked_at FROM api_tokens WHERE delegate = ?1 ORDER BY id",
            )?;
            let rows = stmt.query_map([delegate.0 as i64], |r| {
                Ok(ApiToken {
                    id: r.get(0)?,
                    delegate: DelegateId(r.get::<_, i64>(1)? as u64),
                    label: r.get(2)?,
                    created_at: r.get(3)?,
                    expires_at: r.get(4)?,
                    revoked_at: r.get(5)?,
                })
            })?;
            rows.collect()
        })
    }

    fn revoke_api_token(&self, delegate: DelegateId, id: i64, now: i64) -> Result<bool, StoreError> {
        self.with_conn(|c| {
            let n = c.execute(
                "UPDATE api_tokens SET revoked_at = ?3 WHERE id = ?1 AND delegate = ?2 AND revoked_at IS NULL",
                params![id, delegate.0 as i64, now],
            )?;
            Ok(n == 1)
        })
    }
}

/// The committer's own connection.
struct SqliteWriter {
    conn: Connection,
}

impl BatchWriter for SqliteWriter {
    /// No fence: the data directory's lock keeps every other process out.
    fn write_batch(
        &mut self,
        batch: &[Sequenced],
        first_hash: usize,
        _fence: &Fence,
        // Nothing to overlap: SQLite's commit is this thread's own work, and
        // the store does not pipeline on it (`pipelines` is false).
        _meanwhile: &mut dyn FnMut(),
    ) -> Result<(), StoreError> {
        Ok(write_batch(&mut self.conn, batch, first_hash)?)
    }
}

/// Writes a batch in one `BEGIN IMMEDIATE` transaction and commits it.
fn write_batch(conn: &mut Connection, batch: &[Sequenced], first_hash: usize) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let mut hashes = Vec::with_capacity(batch.len() * 64);
    {
        let mut insert_entry = tx.prepare_cached("INSERT INTO entries (idx, bytes) VALUES (?1, ?2)")?;
        for s in batch {
            let entry = &s.appended.entry;
            insert_entry.execute(params![entry.index as i64, &s.appended.bytes])?;
            // Content the entry names by hash (a draft, a statement) is stored with it.
            if let Some(content) = entry.body.blob().and_then(|b| b.content()) {
                tx.prepare_cached("INSERT OR IGNORE INTO blobs (sha256, bytes) VALUES (?1, ?2)")?
                    .execute(params![&crate::blob_hash(content)[..], content])?;
            }
            for h in &s.appended.tree_hashes {
                hashes.extend_from_slice(&h.0);
            }
            match &s.private {
                Some(PrivateWrite::CreateAccount { email, password_hash, must_change_password }) => {
                    let delegate = match &entry.body {
                        EntryBody::DelegateAccredited(a) => a.delegate,
                        EntryBody::OfficerAppointed(o) => o.delegate,
                        _ => unreachable!("the sequencer refuses an account without an accreditation"),
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
        }
    }
    tx.prepare_cached("INSERT INTO tree_hash_runs (first, hashes) VALUES (?1, ?2)")?
        .execute(params![first_hash as i64, &hashes])?;
    tx.commit()
}

fn tlog_tiles_count(n: u64) -> u64 {
    accord_log::tree::stored_hash_count(n)
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
    let replayed = replay_mapped(conn, &|| schema::connect(path));
    conn.pragma_update(None, "mmap_size", 0)?;
    replayed
}

/// Replays the record in an SQLite file opened read-only, changing
/// nothing in it (not even its journal mode): a backup file's check
/// before it is restored.
pub(crate) fn replay_read_only(path: &Path) -> Result<(State, MerkleTree), StoreError> {
    let open = || {
        Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
    };
    let conn = open()?;
    conn.pragma_update(None, "mmap_size", REPLAY_MMAP_BYTES)?;
    replay_mapped(&conn, &open)
}

/// How much of the file the replay maps (SQLite caps it at its own limit,
/// 2 GiB by default, and reads the rest as usual).
const REPLAY_MMAP_BYTES: i64 = 1 << 32;

/// The replay over `conn`; `open` opens the fold thread's own connection
/// to the same file.
fn replay_mapped(
    conn: &Connection,
    open: &(dyn Fn() -> rusqlite::Result<Connection> + Sync),
) -> Result<(State, MerkleTree), StoreError> {
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
            push_hash_run(&mut stored, idx, bytes)?;
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
        let fold_conn = open()?;
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
    crate::finish_replay(state, stored)
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
    crate::decode_entry(
        |sha256| {
            Ok(conn.query_row("SELECT bytes FROM blobs WHERE sha256 = ?1", [&sha256[..]], |r| r.get(0)).optional()?)
        },
        stored,
        index,
        bytes,
    )
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
            crate::fold_checked(&mut state, entry, leaf)?;
        }
        if !ours {
            // If the reader has finished, the chunk is freed here instead.
            let _ = done.send(decoded);
        }
    }
    Ok(state)
}
