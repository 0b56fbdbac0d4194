//! The interface between [`crate::Store`] and a database: everything the
//! store asks of SQL, and nothing more. Two implementations: SQLite
//! ([`crate::sqlite`], one file, the default) and PostgreSQL
//! ([`crate::postgres`]). Nothing above the store knows which one runs.
//!
//! The store keeps everything that is not SQL: the sequencer, the
//! published state and tree, the replay's checks, the snapshot-and-diff
//! rule of checkpoint states. A backend stores and reads rows, and commits
//! a batch in one transaction whose commit is durable when it returns
//! (`synchronous=FULL` in SQLite, `synchronous_commit = on` in PostgreSQL).
//!
//! A **fenced batch** (several servers, one leader): every batch carries
//! the [`Fence`] it was sequenced on — the leader's term and the tree's
//! size and root before it — and a backend that several servers share
//! (PostgreSQL) writes it only if the database still holds exactly that
//! head, moving the head in the same transaction; otherwise nothing is
//! written and the batch fails with [`StoreError::NotLeader`]. Which server
//! leads is the [`Leadership`]'s business (PostgreSQL only: SQLite has one
//! process by the data directory's lock, and always leads).

use std::path::PathBuf;

use accord_domain::{DelegateId, Email};
use accord_log::Hash;

use crate::private::{Account, ApiToken, Session};
use crate::writer::Sequenced;
use crate::StoreError;

/// Where the record is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Database {
    /// An SQLite file (`DATA_DIR/accord.sqlite3`).
    Sqlite(PathBuf),
    /// A PostgreSQL database, by its `postgres://` URL.
    Postgres(String),
}

impl Database {
    /// A `--database` value: a `postgres://` or `postgresql://` URL.
    /// Anything else is refused with what is expected. The URL's syntax is
    /// checked when the store connects.
    pub fn parse(value: &str) -> Result<Database, StoreError> {
        let v = value.trim();
        if v.starts_with("postgres://") || v.starts_with("postgresql://") {
            Ok(Database::Postgres(v.to_owned()))
        } else {
            Err(StoreError::Config(
                "the database must be a PostgreSQL URL such as postgres://USER@HOST:5432/DBNAME \
                 (leave --database out to keep the record in the data directory's SQLite file)"
                    .into(),
            ))
        }
    }

    /// How the database is named to people: a URL without its password.
    pub fn describe(&self) -> String {
        match self {
            Database::Sqlite(path) => path.display().to_string(),
            Database::Postgres(url) => crate::postgres::redact(url),
        }
    }
}

/// The rows of one stored checkpoint state: `(snapshot, parts)` where
/// `parts` is JSON `{name: hex}` (see `schema.rs`).
pub(crate) type StateRow = (i64, String);

/// Reads and private writes, from any thread. Each call is one statement or
/// one transaction; errors say what failed, and nothing is half-written.
pub(crate) trait Backend: Send + Sync {
    /// Up to `limit` entries' stored bytes with `idx >= start`, in order.
    fn entry_bytes(&self, start: i64, limit: i64) -> Result<Vec<(u64, Vec<u8>)>, StoreError>;
    fn blob(&self, sha256: &[u8; 32]) -> Result<Option<Vec<u8>>, StoreError>;

    /// Stores a checkpoint and its state in one transaction. `state_row`
    /// gets the latest snapshot row before `size` (its size and parts) and
    /// answers the row to store for `size`.
    fn save_checkpoint(
        &self,
        size: u64,
        note: &str,
        digest: &[u8; 32],
        created_at: i64,
        state_row: &dyn Fn(Option<StateRow>) -> StateRow,
    ) -> Result<(), StoreError>;
    fn checkpoint_state_row(&self, size: u64) -> Result<Option<StateRow>, StoreError>;
    fn update_checkpoint_note(&self, size: u64, note: &str) -> Result<(), StoreError>;
    fn checkpoint_note(&self, size: u64) -> Result<Option<String>, StoreError>;
    fn checkpoint_digest(&self, size: u64) -> Result<Option<[u8; 32]>, StoreError>;
    fn latest_checkpoint(&self) -> Result<Option<(u64, String)>, StoreError>;
    fn checkpoint_covering(&self, index: u64) -> Result<Option<(u64, String)>, StoreError>;

    fn email_taken(&self, email: &str) -> Result<bool, StoreError>;
    fn account_by_email(&self, email: &Email) -> Result<Option<Account>, StoreError>;
    fn account(&self, delegate: DelegateId) -> Result<Option<Account>, StoreError>;
    fn create_account(
        &self,
        delegate: DelegateId,
        email: &Email,
        password_hash: &str,
        must_change: bool,
        now: i64,
    ) -> Result<(), StoreError>;
    fn set_password(
        &self,
        delegate: DelegateId,
        password_hash: &str,
        must_change: bool,
        revoke_tokens: bool,
        now: i64,
    ) -> Result<bool, StoreError>;
    fn secret(&self, name: &str, candidate: &[u8]) -> Result<Vec<u8>, StoreError>;
    fn preference(&self, delegate: DelegateId, name: &str) -> Result<Option<String>, StoreError>;
    fn set_preference(&self, delegate: DelegateId, name: &str, value: &str) -> Result<(), StoreError>;
    fn create_session(
        &self,
        token_hash: &[u8; 32],
        delegate: DelegateId,
        csrf: &str,
        expires_at: i64,
        now: i64,
    ) -> Result<(), StoreError>;
    fn session(&self, token_hash: &[u8; 32], now: i64) -> Result<Option<Session>, StoreError>;
    fn delete_session(&self, token_hash: &[u8; 32]) -> Result<(), StoreError>;
    fn create_api_token(
        &self,
        token_hash: &[u8; 32],
        delegate: DelegateId,
        label: &str,
        expires_at: i64,
        now: i64,
    ) -> Result<i64, StoreError>;
    fn api_token_owner(&self, token_hash: &[u8; 32], now: i64) -> Result<Option<(i64, DelegateId)>, StoreError>;
    fn api_tokens(&self, delegate: DelegateId) -> Result<Vec<ApiToken>, StoreError>;
    fn revoke_api_token(&self, delegate: DelegateId, id: i64, now: i64) -> Result<bool, StoreError>;
}

/// The committer's side: writes a batch of sequenced entries, their
/// private rows and their tree hashes (from stored hash number
/// `first_hash` on) in one transaction, and commits it durably. `Ok` means
/// committed; an error means not committed (a backend that cannot tell
/// keeps finding out until it can, or gives up with an error).
pub(crate) trait BatchWriter: Send {
    /// Writes and commits `batch`. `meanwhile` is work to do while the
    /// database commits (the batch before, published and acknowledged),
    /// at best once the batch is sent; it may be called more than once or
    /// not at all (the caller's closure does its work once, and the caller
    /// calls it again after this returns).
    fn write_batch(
        &mut self,
        batch: &[Sequenced],
        first_hash: usize,
        fence: &Fence,
        meanwhile: &mut dyn FnMut(),
    ) -> Result<(), StoreError>;

    /// Whether `meanwhile` runs while the database works (a server on
    /// another process), so that the committer should leave a batch to
    /// publish during the next one's commit. Not for SQLite, whose commit
    /// is this thread's own work.
    fn pipelines(&self) -> bool {
        false
    }
}

/// What a batch was sequenced on, checked in its transaction: the term of
/// the leadership that sequenced it, and the committed tree's size and
/// root before it; and the head it leaves.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fence {
    pub term: u64,
    pub size: u64,
    pub root: Hash,
    pub new_size: u64,
    pub new_root: Hash,
}

/// Taking and keeping the sequencer's role among the servers that share a
/// database, and hearing of other servers' commits. Driven by one thread
/// of the store (`leader.rs`).
pub(crate) trait Leadership: Send {
    /// Tries once to take the role, without waiting. On success the term is
    /// already moved on in the database, so that any batch of an earlier
    /// leader is refused from now on: `Some(term)`.
    fn try_lead(&mut self) -> Result<Option<u64>, StoreError>;
    /// Writes the head the new leader caught up to (its term's start).
    fn set_head(&mut self, term: u64, size: u64, root: &Hash) -> Result<(), StoreError>;
    /// Whether the role is still held (its connection alive).
    fn still_leading(&mut self) -> bool;
    /// Gives the role up (closes the connection that held it).
    fn step_down(&mut self);
    /// Waits up to `timeout` for news that another server committed.
    fn wait_for_commit(&mut self, timeout: std::time::Duration);
    /// Waits `timeout` while leading, when no other server commits: hears
    /// no news of commits (its own would wake it for nothing, each one).
    fn rest_while_leading(&mut self, timeout: std::time::Duration);
    /// The stored tree hashes from hash number `first` on, as runs in order.
    fn hash_runs_from(&self, first: usize) -> Result<Vec<(usize, Vec<u8>)>, StoreError>;
}

/// What a backend hands the store at open: the replayed record and the two
/// halves of the backend.
pub(crate) struct Opened {
    pub backend: Box<dyn Backend>,
    pub writer: Box<dyn BatchWriter>,
    /// `None`: this process is the only writer (SQLite).
    pub leadership: Option<Box<dyn Leadership>>,
    pub state: accord_domain::State,
    pub tree: accord_log::MerkleTree,
}

/// The stored hashes of the tree, as runs read in order: checks that they
/// follow each other without gaps and are whole hashes.
pub(crate) fn push_hash_run(stored: &mut Vec<Hash>, first: usize, bytes: &[u8]) -> Result<(), StoreError> {
    if bytes.is_empty() || !bytes.len().is_multiple_of(32) {
        return Err(StoreError::Damaged {
            index: 0,
            reason: format!("stored tree hashes from {first} are not a whole number of 32-byte hashes"),
        });
    }
    if first != stored.len() {
        return Err(StoreError::Damaged { index: 0, reason: format!("stored tree hash {first} is out of place") });
    }
    stored.extend(bytes.chunks_exact(32).map(|h| Hash(h.try_into().expect("32 bytes"))));
    Ok(())
}
