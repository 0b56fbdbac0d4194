//! The tables, and how connections are set up.
//!
//! `synchronous=FULL` with the write-ahead log makes every commit fsync the
//! log before it returns: that fsync is what an acknowledgement rests on.
//! The writer commits many entries per transaction (group commit), so one
//! fsync covers a whole batch.
//!
//! Tables: `entries (idx, bytes)`, with triggers that refuse UPDATE and
//! DELETE; the Merkle tree's stored hashes, append-only too and written in
//! the same transaction as their entries: `tree_hash_runs (first, hashes)`,
//! one row per committed batch (schema 2), after the rows of
//! `tree_hashes (idx, hash)` that schema 1 wrote and that are still read;
//! `checkpoints (size, note, state_digest)`; `checkpoint_states (size,
//! snapshot, parts)` (schema 3): the state's parts at each checkpoint, as a
//! snapshot of the whole map or, while less than a quarter of the parts
//! changed, only those that differ from the last snapshot (a read takes at
//! most two rows; checkpoints signed before schema 3 keep their v1 digest);
//! `blobs (sha256, bytes)`; private tables `accounts`, `sessions`,
//! `api_tokens` (hashes only) and `secrets`.

use std::path::Path;
use std::time::Duration;

pub use rusqlite::Connection;

/// Opens a connection with Accord's settings.
pub fn connect(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

/// The schema version this code writes.
pub const SCHEMA_VERSION: i64 = 3;

/// Creates the tables if they are missing.
pub fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        r#"
        -- The record: entry i at idx = i, in its canonical bytes (accord-entry/v1).
        CREATE TABLE IF NOT EXISTS entries (
            idx   INTEGER PRIMARY KEY,
            bytes BLOB NOT NULL
        ) STRICT;
        CREATE TRIGGER IF NOT EXISTS entries_are_never_updated BEFORE UPDATE ON entries
            BEGIN SELECT RAISE(ABORT, 'the record is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS entries_are_never_deleted BEFORE DELETE ON entries
            BEGIN SELECT RAISE(ABORT, 'the record is append-only'); END;

        -- The Merkle tree over the record: the stored hashes of accord-log's
        -- MerkleTree (the layout of tlog_tiles / Go's sumdb tlog), in order.
        -- Written with the entries they hash, never changed.
        CREATE TABLE IF NOT EXISTS tree_hashes (
            idx  INTEGER PRIMARY KEY,
            hash BLOB NOT NULL
        ) STRICT;
        CREATE TRIGGER IF NOT EXISTS tree_hashes_are_never_updated BEFORE UPDATE ON tree_hashes
            BEGIN SELECT RAISE(ABORT, 'the tree is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS tree_hashes_are_never_deleted BEFORE DELETE ON tree_hashes
            BEGIN SELECT RAISE(ABORT, 'the tree is append-only'); END;

        -- The same stored hashes, written since schema version 2 as one row
        -- per committed batch: the hashes from number `first` on, 32 bytes
        -- each, concatenated. One row per batch instead of about two per
        -- entry keeps the writer's SQL work close to one row per entry.
        -- The stored hashes are those of tree_hashes followed by these runs,
        -- without gaps or overlaps.
        CREATE TABLE IF NOT EXISTS tree_hash_runs (
            first  INTEGER PRIMARY KEY,
            hashes BLOB NOT NULL
        ) STRICT;
        CREATE TRIGGER IF NOT EXISTS tree_hash_runs_are_never_updated BEFORE UPDATE ON tree_hash_runs
            BEGIN SELECT RAISE(ABORT, 'the tree is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS tree_hash_runs_are_never_deleted BEFORE DELETE ON tree_hash_runs
            BEGIN SELECT RAISE(ABORT, 'the tree is append-only'); END;

        -- Signed checkpoints (C2SP signed notes), by tree size, with the
        -- witnesses' cosignatures as they arrive.
        -- state_digest: the state digest at that size: accord_domain::State::
        -- digest_v2 of the parts in checkpoint_states when that table has a
        -- row for the size (schema 3 on), else State::digest (format v1).
        CREATE TABLE IF NOT EXISTS checkpoints (
            size         INTEGER PRIMARY KEY,
            note         TEXT NOT NULL,
            state_digest BLOB NOT NULL,
            created_at   INTEGER NOT NULL
        ) STRICT;

        -- Since schema 3: the parts of the state at a checkpoint's size
        -- (accord_domain::State::digest_parts), as JSON {name: hex digest}.
        -- A row is a snapshot when snapshot = size: parts is the whole map;
        -- otherwise parts holds only the parts that differ from the
        -- snapshot row at `snapshot` ("" for a part gone). A new snapshot is
        -- written when the difference reaches a quarter of the parts, so a
        -- row is small while most parts stay unchanged, and a read takes
        -- at most two rows.
        CREATE TABLE IF NOT EXISTS checkpoint_states (
            size     INTEGER PRIMARY KEY,
            snapshot INTEGER NOT NULL,
            parts    TEXT NOT NULL
        ) STRICT;
        -- Large content named by entries through its SHA-256.
        CREATE TABLE IF NOT EXISTS blobs (
            sha256 BLOB PRIMARY KEY,
            bytes  BLOB NOT NULL
        ) STRICT;

        -- Private tables: secrets and contact details; never in the record.
        CREATE TABLE IF NOT EXISTS accounts (
            delegate             INTEGER PRIMARY KEY,
            email                TEXT NOT NULL UNIQUE,
            password_hash        TEXT NOT NULL,
            must_change_password INTEGER NOT NULL,
            updated_at           INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE IF NOT EXISTS sessions (
            token_hash BLOB PRIMARY KEY,
            delegate   INTEGER NOT NULL,
            csrf       TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX IF NOT EXISTS sessions_by_delegate ON sessions (delegate);
        CREATE TABLE IF NOT EXISTS api_tokens (
            id         INTEGER PRIMARY KEY,
            token_hash BLOB NOT NULL UNIQUE,
            delegate   INTEGER NOT NULL,
            label      TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            revoked_at INTEGER
        ) STRICT;
        CREATE INDEX IF NOT EXISTS api_tokens_by_delegate ON api_tokens (delegate);
        -- Secrets of the server by name (the key that signs known-browser
        -- cookies), made on first use.
        CREATE TABLE IF NOT EXISTS secrets (
            name  TEXT PRIMARY KEY,
            value BLOB NOT NULL
        ) STRICT;

        -- An account's settings by name (its interface language).
        CREATE TABLE IF NOT EXISTS preferences (
            delegate INTEGER NOT NULL,
            name     TEXT NOT NULL,
            value    TEXT NOT NULL,
            PRIMARY KEY (delegate, name)
        ) STRICT;

        CREATE TABLE IF NOT EXISTS meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;
        "#,
    )?;
    // Version 1 wrote tree hashes only to `tree_hashes`; it is still read
    // (before the runs), so nothing needs converting. Checkpoints signed
    // before version 3 have no row in `checkpoint_states`: their digest is
    // of format v1.
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('schema_version', ?1) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE CAST(value AS INTEGER) < ?2",
        rusqlite::params![SCHEMA_VERSION.to_string(), SCHEMA_VERSION],
    )?;
    Ok(())
}
