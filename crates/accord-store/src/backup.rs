//! Backups, restores and moves between the two databases.
//!
//! # The backup file
//! One file, `accord-backup/v1`: an SQLite database with Accord's tables
//! (`schema.rs`, the same as a data directory's `accord.sqlite3`) and one
//! more, `accord_backup (key, value)`, its header: the format, when it was
//! made, from which database, the record's size and root, the log's
//! signing key, and two SHA-256 checksums (of the tables' rows, and of the
//! header). The same format from either database, so that a restore, into
//! either, is one piece of code, and a move from one database to the other
//! ([`migrate`]) is a backup followed by a restore.
//!
//! # What a backup holds
//! Everything a restored forum needs to work as before ([`TABLES`]): the
//! record (entries, the tree's stored hashes, blobs), the signed
//! checkpoints with their cosignatures and state parts (so that receipts
//! issued before the backup still verify), and the private tables —
//! accounts (e-mail addresses and password hashes), log-in sessions and
//! API tokens (as hashes only), preferences, and the server's secrets (the
//! key that signs known-browser cookies). Sessions are kept so that a
//! move between databases logs nobody out. `meta` is left out (the target
//! writes its own schema version), and the rows of SQLite's old
//! `tree_hashes` table become one run of `tree_hash_runs`.
//!
//! **The log's signing key is in the backup**: it is the forum's identity,
//! and a restored forum must sign its next checkpoints with it for `accord
//! verify` to accept them after the old ones. The file is therefore made
//! readable by its owner only (0600), like the data directory's `log-key`;
//! whoever holds it can sign as the forum.
//!
//! # Consistency, and the server meanwhile
//! A backup reads one snapshot of the database: on SQLite one read
//! transaction (in WAL mode, the server's commits go on beside it); on
//! PostgreSQL one `REPEATABLE READ, READ ONLY` transaction on a connection
//! of its own. Neither blocks the server's writes (on SQLite the
//! write-ahead log grows meanwhile: it cannot be folded back into the file
//! past a snapshot still read). The file is written under a temporary name
//! and renamed when it is complete and synced.
//!
//! # Restore
//! Before anything is written, a restore checks the whole file: the
//! header's checksum, the rows' checksum, then a replay of the record from
//! the file itself (read-only), whose tree must have the header's size and
//! root, and whose latest checkpoint must verify with the key and name the
//! tree's root. A truncated or altered file is refused there. The target
//! must be empty: the data directory holds nothing but its lock, and a
//! PostgreSQL database none of Accord's rows. The copy is then made in one
//! transaction (SQLite: into `accord.sqlite3.restoring`, renamed into place
//! once committed; PostgreSQL: committed last), read back and compared with
//! the rows' checksum before it counts; the log key is written beside it.
//! On any failure the partial files are removed and the transaction is
//! rolled back: nothing half-restored is left.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use accord_log::{Hash, MerkleTree};
use rusqlite::Connection;
use sha2::{Digest as _, Sha256};

use crate::backend::push_hash_run;
use crate::postgres::{pg_err, Connections, WRITER_LOCK};
use crate::{data_dir, schema, DataDir, Database, StoreError};

/// The format a backup file says it is in.
pub const FORMAT: &str = "accord-backup/v1";

/// The kind of a column: how it is read, written and checksummed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Int,
    OptInt,
    /// PostgreSQL `boolean`, SQLite 0 or 1.
    Bool,
    Bytes,
    Text,
}

/// A table a backup holds: its columns in order, and the key its rows are
/// read in (the checksum depends on the order).
pub struct Table {
    pub name: &'static str,
    columns: &'static [(&'static str, Kind)],
    key: &'static [&'static str],
}

impl Table {
    /// The table's columns, in the order a backup copies them.
    pub fn column_names(&self) -> Vec<&'static str> {
        self.columns.iter().map(|(c, _)| *c).collect()
    }
}

use Kind::*;

/// The tables a backup holds, in the order they are copied and
/// checksummed. A table added to the schema must be added here (or to
/// [`LEFT_OUT`]): a test compares this list with both databases' tables.
pub const TABLES: &[Table] = &[
    Table { name: "entries", columns: &[("idx", Int), ("bytes", Bytes)], key: &["idx"] },
    Table { name: "tree_hash_runs", columns: &[("first", Int), ("hashes", Bytes)], key: &["first"] },
    Table { name: "blobs", columns: &[("sha256", Bytes), ("bytes", Bytes)], key: &["sha256"] },
    Table {
        name: "checkpoints",
        columns: &[("size", Int), ("note", Text), ("state_digest", Bytes), ("created_at", Int)],
        key: &["size"],
    },
    Table { name: "checkpoint_states", columns: &[("size", Int), ("snapshot", Int), ("parts", Text)], key: &["size"] },
    Table {
        name: "accounts",
        columns: &[
            ("delegate", Int),
            ("email", Text),
            ("password_hash", Text),
            ("must_change_password", Bool),
            ("updated_at", Int),
        ],
        key: &["delegate"],
    },
    Table {
        name: "sessions",
        columns: &[("token_hash", Bytes), ("delegate", Int), ("csrf", Text), ("created_at", Int), ("expires_at", Int)],
        key: &["token_hash"],
    },
    Table {
        name: "api_tokens",
        columns: &[
            ("id", Int),
            ("token_hash", Bytes),
            ("delegate", Int),
            ("label", Text),
            ("created_at", Int),
            ("expires_at", Int),
            ("revoked_at", OptInt),
        ],
        key: &["id"],
    },
    Table { name: "secrets", columns: &[("name", Text), ("value", Bytes)], key: &["name"] },
    Table {
        name: "preferences",
        columns: &[("delegate", Int), ("name", Text), ("value", Text)],
        key: &["delegate", "name"],
    },
];

/// Tables of the schema a backup does not copy as they are: `tree_hashes`
/// (SQLite's schema 1) is copied as one run of `tree_hash_runs`; `meta`
/// holds the schema version, which the target writes itself; `accord_head`
/// (PostgreSQL's leader term and the head it fenced) starts afresh in the
/// target, whose first leader records the head it replayed.
pub const LEFT_OUT: &[&str] = &["tree_hashes", "meta", "accord_head"];

/// A value of a row, whatever the database.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Value {
    Null,
    Int(i64),
    Bytes(Vec<u8>),
    Text(String),
}

type Row = Vec<Value>;

/// How many rows travel together.
const CHUNK: usize = 4096;

/// Reports progress: what is being done, rows done, rows in all.
pub type Progress<'a> = &'a dyn Fn(&str, u64, u64);

/// A consistent view of a record's tables, read in key order.
trait Snapshot {
    fn count(&mut self, table: &'static Table) -> Result<u64, StoreError>;
    fn rows(
        &mut self,
        table: &'static Table,
        each: &mut dyn FnMut(Vec<Row>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;
}

/// Where rows are written, inside one transaction the caller commits.
trait Sink {
    fn write(&mut self, table: &'static Table, rows: Vec<Row>) -> Result<(), StoreError>;
}

/// SHA-256 over the tables' rows: each table's name, then each row's
/// values, tagged and length-prefixed, in key order.
#[derive(Default)]
struct Checksum(Sha256);

impl Checksum {
    fn table(&mut self, table: &Table) {
        self.0.update(b"T");
        self.bytes(table.name.as_bytes());
    }

    fn bytes(&mut self, b: &[u8]) {
        self.0.update((b.len() as u64).to_be_bytes());
        self.0.update(b);
    }

    fn row(&mut self, row: &Row) {
        self.0.update(b"R");
        for v in row {
            match v {
                Value::Null => self.0.update(b"n"),
                Value::Int(i) => {
                    self.0.update(b"i");
                    self.0.update(i.to_be_bytes());
                }
                Value::Bytes(b) => {
                    self.0.update(b"b");
                    self.bytes(b);
                }
                Value::Text(t) => {
                    self.0.update(b"t");
                    self.bytes(t.as_bytes());
                }
            }
        }
    }

    fn finish(self) -> [u8; 32] {
        self.0.finalize().into()
    }
}

/// What a copy saw: the rows' checksum, the record's size and root.
struct Copied {
    checksum: [u8; 32],
    entries: u64,
    root: Hash,
}

/// Copies every table of `from` into `to` (or only reads it, for a
/// checksum), reporting progress as `doing`.
fn copy(
    from: &mut dyn Snapshot,
    mut to: Option<&mut dyn Sink>,
    doing: &str,
    progress: Progress<'_>,
) -> Result<Copied, StoreError> {
    let mut total = 0;
    for table in TABLES {
        total += from.count(table)?;
    }
    let mut done = 0u64;
    let mut sum = Checksum::default();
    let mut entries = 0u64;
    let mut hashes: Vec<Hash> = Vec::new();
    progress(doing, 0, total);
    for table in TABLES {
        sum.table(table);
        from.rows(table, &mut |rows| {
            for row in &rows {
                sum.row(row);
                match (table.name, row.as_slice()) {
                    ("entries", [Value::Int(idx), _]) => {
                        if *idx as u64 != entries {
                            return Err(StoreError::Damaged {
                                index: entries,
                                reason: format!("entry {idx} follows entry {}", entries as i64 - 1),
                            });
                        }
                        entries += 1;
                    }
                    ("tree_hash_runs", [Value::Int(first), Value::Bytes(run)]) => {
                        push_hash_run(&mut hashes, *first as usize, run)?;
                    }
                    _ => {}
                }
            }
            done += rows.len() as u64;
            if let Some(to) = to.as_deref_mut() {
                to.write(table, rows)?;
            }
            progress(doing, done, total.max(done));
            Ok(())
        })?;
    }
    let tree =
        MerkleTree::from_stored(entries, hashes).map_err(|reason| StoreError::Damaged { index: entries, reason })?;
    Ok(Copied { checksum: sum.finish(), entries, root: tree.root() })
}

// ---------------------------------------------------------------- SQLite

/// The columns of a table, comma-separated.
fn column_list(table: &Table) -> String {
    table.columns.iter().map(|(c, _)| *c).collect::<Vec<_>>().join(", ")
}

struct SqliteSnapshot<'c> {
    conn: &'c Connection,
}

impl SqliteSnapshot<'_> {
    fn exists(&self, table: &str) -> Result<bool, StoreError> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
            [table],
            |r| r.get(0),
        )?)
    }

    /// The rows of schema 1's `tree_hashes`, as one run from its first
    /// number (they come before every run of `tree_hash_runs`).
    fn legacy_run(&self) -> Result<Option<Row>, StoreError> {
        if !self.exists("tree_hashes")? {
            return Ok(None);
        }
        let mut stmt = self.conn.prepare("SELECT idx, hash FROM tree_hashes ORDER BY idx")?;
        let mut rows = stmt.query([])?;
        let mut first = None;
        let mut run = Vec::new();
        while let Some(row) = rows.next()? {
            let idx: i64 = row.get(0)?;
            let start = *first.get_or_insert(idx);
            if idx - start != (run.len() / 32) as i64 {
                return Err(StoreError::Damaged {
                    index: 0,
                    reason: format!("stored tree hash {idx} is out of place"),
                });
            }
            run.extend_from_slice(row.get_ref(1)?.as_blob().map_err(rusqlite::Error::from)?);
        }
        Ok(first.map(|f| vec![Value::Int(f), Value::Bytes(run)]))
    }
}

fn sqlite_value(row: &rusqlite::Row<'_>, i: usize, kind: Kind) -> rusqlite::Result<Value> {
    Ok(match kind {
        Int | Bool => Value::Int(row.get(i)?),
        OptInt => row.get::<_, Option<i64>>(i)?.map_or(Value::Null, Value::Int),
        Bytes => Value::Bytes(row.get(i)?),
        Text => Value::Text(row.get(i)?),
    })
}

impl Snapshot for SqliteSnapshot<'_> {
    fn count(&mut self, table: &'static Table) -> Result<u64, StoreError> {
        if !self.exists(table.name)? {
            return Ok(0);
        }
        let n: i64 = self.conn.query_row(&format!("SELECT count(*) FROM {}", table.name), [], |r| r.get(0))?;
        Ok(n as u64)
    }

    fn rows(
        &mut self,
        table: &'static Table,
        each: &mut dyn FnMut(Vec<Row>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        if table.name == "tree_hash_runs" {
            if let Some(run) = self.legacy_run()? {
                each(vec![run])?;
            }
        }
        // A file made before a table existed has none of its rows.
        if !self.exists(table.name)? {
            return Ok(());
        }
        let sql = format!("SELECT {} FROM {} ORDER BY {}", column_list(table), table.name, table.key.join(", "));
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        let mut chunk = Vec::with_capacity(CHUNK);
        while let Some(row) = rows.next()? {
            let values = table
                .columns
                .iter()
                .enumerate()
                .map(|(i, (_, kind))| sqlite_value(row, i, *kind))
                .collect::<rusqlite::Result<Row>>()?;
            chunk.push(values);
            if chunk.len() == CHUNK {
                each(std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK)))?;
            }
        }
        if !chunk.is_empty() {
            each(chunk)?;
        }
        Ok(())
    }
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Int(i) => ValueRef::Integer(*i),
            Value::Bytes(b) => ValueRef::Blob(b),
            Value::Text(t) => ValueRef::Text(t.as_bytes()),
        }))
    }
}

struct SqliteSink<'c> {
    conn: &'c Connection,
}

impl Sink for SqliteSink<'_> {
    fn write(&mut self, table: &'static Table, rows: Vec<Row>) -> Result<(), StoreError> {
        let marks = vec!["?"; table.columns.len()].join(", ");
        let sql = format!("INSERT INTO {} ({}) VALUES ({marks})", table.name, column_list(table));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        for row in &rows {
            stmt.execute(rusqlite::params_from_iter(row.iter()))?;
        }
        Ok(())
    }
}

/// Opens a new SQLite file that this module builds (a backup, a restore's
/// copy) with Accord's tables. No journal: a file left incomplete is
/// removed, never used; it is synced once complete ([`sync_file`]).
fn build_file(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "OFF")?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    schema::migrate(&conn)?;
    Ok(conn)
}

/// Flushes a file, and the directory holding it, to disk.
fn sync_file(path: &Path) -> Result<(), StoreError> {
    let io = |e: std::io::Error| StoreError::Config(format!("syncing {}: {e}", path.display()));
    std::fs::File::open(path).and_then(|f| f.sync_all()).map_err(io)?;
    sync_dir(path)
}

fn sync_dir(path: &Path) -> Result<(), StoreError> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::File::open(dir)
        .and_then(|f| f.sync_all())
        .map_err(|e| StoreError::Config(format!("syncing {}: {e}", dir.display())))
}

// ------------------------------------------------------------ PostgreSQL

/// A connection of its own to a PostgreSQL database, for a transaction
/// that spans the whole copy.
struct PgSession {
    c: Arc<Connections>,
    client: Arc<tokio_postgres::Client>,
    shown: String,
}

impl PgSession {
    fn open(url: &str) -> Result<PgSession, StoreError> {
        let c = Connections::connect(url)?;
        let client = c.dedicated(url)?;
        Ok(PgSession { c, client, shown: crate::postgres::redact(url) })
    }

    fn execute(&self, sql: &str) -> Result<(), StoreError> {
        let (client, sql) = (self.client.clone(), sql.to_owned());
        self.c.spawn_wait(async move { client.batch_execute(&sql).await.map_err(pg_err) })
    }

    fn query_bool(&self, sql: &str) -> Result<bool, StoreError> {
        let (client, sql) = (self.client.clone(), sql.to_owned());
        self.c.spawn_wait(async move { Ok(client.query_one(&sql, &[]).await.map_err(pg_err)?.get(0)) })
    }

    /// Takes the writer's advisory lock on this database connection, or says
    /// who holds it.
    fn lock_writer(&self, why: &str) -> Result<(), StoreError> {
        if self.query_bool(&format!("SELECT pg_try_advisory_lock({WRITER_LOCK})"))? {
            Ok(())
        } else {
            Err(StoreError::Config(format!("an Accord server is writing the record in {}: {why}", self.shown)))
        }
    }

    fn has_table(&self, table: &str) -> Result<bool, StoreError> {
        self.query_bool(&format!("SELECT to_regclass('public.{table}') IS NOT NULL"))
    }
}

/// `ORDER BY` in byte order whatever the database's collation, as SQLite
/// orders text (the checksum depends on the order).
fn pg_order(table: &Table) -> String {
    table
        .key
        .iter()
        .map(|k| match table.columns.iter().find(|(c, _)| c == k) {
            Some((_, Text)) => format!("{k} COLLATE \"C\""),
            _ => (*k).to_owned(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn pg_value(row: &tokio_postgres::Row, i: usize, kind: Kind) -> Result<Value, tokio_postgres::Error> {
    Ok(match kind {
        Int => Value::Int(row.try_get(i)?),
        OptInt => row.try_get::<_, Option<i64>>(i)?.map_or(Value::Null, Value::Int),
        Bool => Value::Int(row.try_get::<_, bool>(i)? as i64),
        Bytes => Value::Bytes(row.try_get(i)?),
        Text => Value::Text(row.try_get(i)?),
    })
}

impl Snapshot for PgSession {
    fn count(&mut self, table: &'static Table) -> Result<u64, StoreError> {
        let client = self.client.clone();
        self.c.spawn_wait(async move {
            let sql = format!("SELECT count(*) FROM {}", table.name);
            Ok(client.query_one(&sql, &[]).await.map_err(pg_err)?.get::<_, i64>(0) as u64)
        })
    }

    fn rows(
        &mut self,
        table: &'static Table,
        each: &mut dyn FnMut(Vec<Row>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.execute(&format!(
            "DECLARE accord_copy NO SCROLL CURSOR FOR SELECT {} FROM {} ORDER BY {}",
            column_list(table),
            table.name,
            pg_order(table)
        ))?;
        loop {
            let client = self.client.clone();
            let chunk = self.c.spawn_wait(async move {
                let rows =
                    client.query(&format!("FETCH FORWARD {CHUNK} FROM accord_copy"), &[]).await.map_err(pg_err)?;
                rows.iter()
                    .map(|r| table.columns.iter().enumerate().map(|(i, (_, kind))| pg_value(r, i, *kind)).collect())
                    .collect::<Result<Vec<Row>, _>>()
                    .map_err(pg_err)
            })?;
            if chunk.is_empty() {
                break;
            }
            each(chunk)?;
        }
        self.execute("CLOSE accord_copy")
    }
}

impl Sink for PgSession {
    fn write(&mut self, table: &'static Table, rows: Vec<Row>) -> Result<(), StoreError> {
        use tokio_postgres::binary_copy::BinaryCopyInWriter;
        use tokio_postgres::types::{ToSql, Type};
        let client = self.client.clone();
        self.c.spawn_wait(async move {
            let types: Vec<Type> = table
                .columns
                .iter()
                .map(|(_, kind)| match kind {
                    Int | OptInt => Type::INT8,
                    Bool => Type::BOOL,
                    Bytes => Type::BYTEA,
                    Text => Type::TEXT,
                })
                .collect();
            let sql = format!("COPY {} ({}) FROM STDIN (FORMAT binary)", table.name, column_list(table));
            let sink = client.copy_in(sql.as_str()).await.map_err(pg_err)?;
            let mut writer = std::pin::pin!(BinaryCopyInWriter::new(sink, &types));
            for row in &rows {
                let values: Vec<Box<dyn ToSql + Sync + Send>> = row
                    .iter()
                    .zip(table.columns)
                    .map(|(v, (_, kind))| -> Box<dyn ToSql + Sync + Send> {
                        match (v, kind) {
                            (Value::Int(i), Bool) => Box::new(*i != 0),
                            (Value::Int(i), _) => Box::new(*i),
                            (Value::Null, _) => Box::new(None::<i64>),
                            (Value::Bytes(b), _) => Box::new(b.clone()),
                            (Value::Text(t), _) => Box::new(t.clone()),
                        }
                    })
                    .collect();
                let refs: Vec<&(dyn ToSql + Sync)> = values.iter().map(|b| &**b as &(dyn ToSql + Sync)).collect();
                writer.as_mut().write(&refs).await.map_err(pg_err)?;
            }
            writer.finish().await.map_err(pg_err)?;
            Ok(())
        })
    }
}

// ---------------------------------------------------------------- header

/// A backup file's header, as read back.
#[derive(Debug, Clone)]
pub struct Header {
    pub created_at: i64,
    /// `sqlite` or `postgres`.
    pub source: String,
    pub entries: u64,
    pub root: Hash,
    pub log_key: String,
    /// SHA-256 of the tables' rows (the same rows, from whichever
    /// database, give the same checksum).
    pub content_sha256: [u8; 32],
}

/// SHA-256 over the header's `key=value` lines, in key order.
fn header_checksum(rows: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = rows.iter().filter(|(k, _)| k != "header_sha256").collect();
    sorted.sort();
    let mut h = Sha256::new();
    for (k, v) in sorted {
        h.update(k.as_bytes());
        h.update(b"=");
        h.update((v.len() as u64).to_be_bytes());
        h.update(v.as_bytes());
        h.update(b"\n");
    }
    hex::encode(h.finalize())
}

fn write_header(conn: &Connection, header: &Header) -> Result<(), StoreError> {
    conn.execute_batch("CREATE TABLE accord_backup (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT")?;
    let mut rows = vec![
        ("format".to_owned(), FORMAT.to_owned()),
        ("created_at".to_owned(), header.created_at.to_string()),
        ("source".to_owned(), header.source.clone()),
        ("entries".to_owned(), header.entries.to_string()),
        ("root".to_owned(), hex::encode(header.root.0)),
        ("log_key".to_owned(), header.log_key.clone()),
        ("content_sha256".to_owned(), hex::encode(header.content_sha256)),
    ];
    rows.push(("header_sha256".to_owned(), header_checksum(&rows)));
    let mut stmt = conn.prepare("INSERT INTO accord_backup (key, value) VALUES (?1, ?2)")?;
    for (k, v) in &rows {
        stmt.execute([k, v])?;
    }
    Ok(())
}

fn damaged(file: &Path, why: impl std::fmt::Display) -> StoreError {
    StoreError::Config(format!("{} is not a whole Accord backup: {why}", file.display()))
}

/// Reads and checks a backup file's header (not yet its rows).
fn read_header(file: &Path, conn: &Connection) -> Result<Header, StoreError> {
    let rows: Vec<(String, String)> = (|| {
        let mut stmt = conn.prepare("SELECT key, value FROM accord_backup")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
    })()
    .map_err(|e| damaged(file, format!("it has no readable header ({e})")))?;
    let get = |key: &str| rows.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    match get("format") {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(StoreError::Config(format!(
            "{} is a backup in the format {other:?}, which this version of Accord does not read (it reads {FORMAT})",
            file.display()
        )))
        }
        None => return Err(damaged(file, "its header names no format")),
    }
    if get("header_sha256") != Some(header_checksum(&rows).as_str()) {
        return Err(damaged(file, "its header does not match its checksum: the file was altered or damaged"));
    }
    let field = |key: &str| get(key).ok_or_else(|| damaged(file, format!("its header has no {key}")));
    let hash = |key: &str| -> Result<[u8; 32], StoreError> {
        hex::decode(field(key)?)
            .ok()
            .and_then(|b| <[u8; 32]>::try_from(b).ok())
            .ok_or_else(|| damaged(file, format!("its header's {key} is not a SHA-256 hash")))
    };
    let number = |key: &str| field(key)?.parse::<i64>().map_err(|_| damaged(file, format!("its header's {key}")));
    Ok(Header {
        created_at: number("created_at")?,
        source: field("source")?.to_owned(),
        entries: number("entries")? as u64,
        root: Hash(hash("root")?),
        log_key: field("log_key")?.to_owned(),
        content_sha256: hash("content_sha256")?,
    })
}

// ---------------------------------------------------------------- backup

/// What a backup wrote.
#[derive(Debug, Clone)]
pub struct Written {
    pub entries: u64,
    pub root: Hash,
    pub bytes: u64,
}

/// The name a file is written under until it is complete.
fn partial_name(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    path.with_file_name(name)
}

/// Writes a backup of the record in `source`, signed with `log_key`, to
/// `out` (which must not exist), from one snapshot, beside a server that
/// keeps writing. With `exclusive`, refuses a PostgreSQL database a server
/// is writing (a move's source must be stopped).
pub fn backup(
    source: &Database,
    log_key: &str,
    out: &Path,
    exclusive: bool,
    progress: Progress<'_>,
) -> Result<Written, StoreError> {
    if out.exists() {
        return Err(StoreError::Config(format!("{} exists already: name a new file", out.display())));
    }
    let partial = partial_name(out);
    // Readable by its owner only: it holds the log key and the accounts.
    {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        options.open(&partial).map_err(|e| {
            StoreError::Config(format!(
                "cannot create {}: {e} (a backup that stopped half-way leaves it: remove it)",
                partial.display()
            ))
        })?;
    }
    let written = write_backup(source, log_key, &partial, exclusive, progress).and_then(|w| {
        sync_file(&partial)?;
        std::fs::rename(&partial, out)
            .map_err(|e| StoreError::Config(format!("renaming {} to {}: {e}", partial.display(), out.display())))?;
        sync_dir(out)?;
        Ok(w)
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    let mut written = written?;
    written.bytes = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
    Ok(written)
}

fn write_backup(
    source: &Database,
    log_key: &str,
    partial: &Path,
    exclusive: bool,
    progress: Progress<'_>,
) -> Result<Written, StoreError> {
    accord_log::checkpoint::LogSigner::from_key(log_key)
        .map_err(|e| StoreError::Config(format!("the log key is not a signing key: {e}")))?;
    let file = build_file(partial)?;
    let tx = file.unchecked_transaction()?;
    let mut sink = SqliteSink { conn: &tx };
    let (copied, kind) = match source {
        Database::Sqlite(path) => {
            if !path.exists() {
                return Err(StoreError::Missing(path.clone()));
            }
            let conn = schema::connect(path)?;
            // One read transaction: in WAL mode it sees one commit's state
            // for as long as it lasts, and the server commits beside it.
            let snapshot = conn.unchecked_transaction()?;
            let copied = copy(&mut SqliteSnapshot { conn: &snapshot }, Some(&mut sink), "copying", progress)?;
            snapshot.finish()?;
            (copied, "sqlite")
        }
        Database::Postgres(url) => {
            let mut session = PgSession::open(url)?;
            if exclusive {
                session.lock_writer("stop it before moving its record")?;
            }
            if !session.has_table("entries")? {
                return Err(StoreError::Config(format!("there is no Accord record in {}", session.shown)));
            }
            session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")?;
            let copied = copy(&mut session, Some(&mut sink), "copying", progress)?;
            session.execute("COMMIT")?;
            (copied, "postgres")
        }
    };
    let header = Header {
        created_at: crate::Clock::system().now_unix_ms(),
        source: kind.to_owned(),
        entries: copied.entries,
        root: copied.root,
        log_key: log_key.to_owned(),
        content_sha256: copied.checksum,
    };
    write_header(&tx, &header)?;
    tx.commit()?;
    file.close().map_err(|(_, e)| e)?;
    Ok(Written { entries: copied.entries, root: copied.root, bytes: 0 })
}

// --------------------------------------------------------------- restore

/// What a restore (or a move) produced.
#[derive(Debug, Clone)]
pub struct Restored {
    pub entries: u64,
    pub root: Hash,
    /// `State::digest_v2` of the replayed state's parts.
    pub state_digest: [u8; 32],
    /// The log's verifier key (the restored forum's identity).
    pub verifier_key: String,
    /// When the backup was made (Unix ms).
    pub backup_created_at: i64,
}

/// Checks a backup file throughout (header, rows, replay, checkpoints)
/// without writing anything: answers its header and what it restores to.
///
/// `expect_key`, the forum's log verifier key as its home page or `accord
/// log key` shows it, makes the check refuse a backup of another forum, or
/// one forged whole with a key of its own: everything else in the file,
/// the key included, could have been written by whoever wrote the file.
pub fn check(file: &Path, expect_key: Option<&str>, progress: Progress<'_>) -> Result<(Header, Restored), StoreError> {
    let conn = Connection::open_with_flags(file, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| {
        if file.exists() {
            damaged(file, e)
        } else {
            StoreError::Config(format!("there is no file {}", file.display()))
        }
    })?;
    let header = read_header(file, &conn)?;
    let copied = copy(&mut SqliteSnapshot { conn: &conn }, None, "checking", progress).map_err(|e| damaged(file, e))?;
    if copied.checksum != header.content_sha256 {
        return Err(damaged(file, "its rows do not match its checksum: the file was altered or damaged"));
    }
    if (copied.entries, copied.root) != (header.entries, header.root) {
        return Err(damaged(file, "its record is not the one its header names"));
    }
    progress("replaying", 0, 0);
    let (state, tree) = crate::sqlite::replay_read_only(file).map_err(|e| damaged(file, e))?;
    if (tree.size(), tree.root()) != (header.entries, header.root) {
        return Err(damaged(file, "the replayed record is not the one its header names"));
    }
    let signer = accord_log::checkpoint::LogSigner::from_key(&header.log_key)
        .map_err(|e| damaged(file, format!("its log key is not a signing key: {e}")))?;
    if let Some(expected) = expect_key {
        let expected = expected.trim();
        if signer.verifier_key() != expected {
            return Err(StoreError::Config(format!(
                "{} is not a backup of the forum whose log key is {expected}: its records are signed with {} \
                 (another forum's backup, or a forged one); nothing was restored",
                file.display(),
                signer.verifier_key()
            )));
        }
    }
    let digest = accord_domain::State::digest_v2(state.next_index, &state.digest_parts());
    // Every checkpoint, not only the latest: each must be signed with the
    // key and name the replayed tree's root at its size, and the one at
    // the record's size must publish the replayed state.
    progress("checking the checkpoints", 0, 0);
    let mut stmt = conn.prepare("SELECT size, note, state_digest FROM checkpoints ORDER BY size")?;
    let mut rows = stmt.query([])?;
    let mut has_parts = conn.prepare("SELECT 1 FROM checkpoint_states WHERE size = ?1")?;
    while let Some(row) = rows.next()? {
        let (size, note, published): (i64, String, Vec<u8>) = (row.get(0)?, row.get(1)?, row.get(2)?);
        let checkpoint =
            accord_log::checkpoint::open_checkpoint(note.as_bytes(), signer.verifier_key()).map_err(|e| {
                damaged(file, format!("its checkpoint of size {size} does not verify with its log key: {e}"))
            })?;
        if checkpoint.size != size as u64 || tree.root_at(checkpoint.size).ok() != Some(checkpoint.root) {
            return Err(damaged(file, format!("its checkpoint of size {size} does not name the record's root")));
        }
        if checkpoint.size == tree.size() && has_parts.exists([size])? && published.as_slice() != digest.as_slice() {
            return Err(damaged(
                file,
                format!("its checkpoint of size {size} publishes a state that the replay of its record does not give"),
            ));
        }
    }
    let restored = Restored {
        entries: tree.size(),
        root: tree.root(),
        state_digest: digest,
        verifier_key: signer.verifier_key().to_owned(),
        backup_created_at: header.created_at,
    };
    Ok((header, restored))
}

/// Restores the backup in `file` into the empty data directory `dir`, its
/// record into `target` (the directory's SQLite file, or a PostgreSQL
/// database holding no Accord rows). Checks the file throughout first
/// ([`check`]); writes nothing unless all of it is good, and leaves nothing
/// half-written on failure.
pub fn restore(
    file: &Path,
    expect_key: Option<&str>,
    dir: &DataDir,
    target: &Database,
    progress: Progress<'_>,
) -> Result<Restored, StoreError> {
    let (header, restored) = check(file, expect_key, progress)?;
    refuse_unless_empty(dir)?;
    let backup = Connection::open_with_flags(file, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let read_tx = backup.unchecked_transaction()?;
    let mut from = SqliteSnapshot { conn: &read_tx };
    let key_written = std::cell::Cell::new(false);
    let write_key = || -> Result<(), StoreError> {
        dir.write_log_key(&header.log_key)
            .map_err(|e| StoreError::Config(format!("writing {}: {e}", dir.log_key_path().display())))?;
        key_written.set(true);
        Ok(())
    };
    let result = match target {
        Database::Sqlite(path) => {
            if path != &dir.database() {
                return Err(StoreError::Config(format!(
                    "a data directory's SQLite record is {}, not {}",
                    dir.database().display(),
                    path.display()
                )));
            }
            let partial = dir.path().join("accord.sqlite3.restoring");
            let result = (|| {
                data_dir::create_private_file(&partial);
                let conn = build_file(&partial)?;
                let tx = conn.unchecked_transaction()?;
                copy(&mut from, Some(&mut SqliteSink { conn: &tx }), "restoring", progress)?;
                let back = copy(&mut SqliteSnapshot { conn: &tx }, None, "reading back", progress)?;
                if back.checksum != header.content_sha256 {
                    return Err(StoreError::Config(format!(
                        "the copy in {} does not read back as the backup: nothing was restored",
                        partial.display()
                    )));
                }
                tx.commit()?;
                conn.close().map_err(|(_, e)| e)?;
                sync_file(&partial)?;
                write_key()?;
                std::fs::rename(&partial, path)
                    .map_err(|e| StoreError::Config(format!("renaming {}: {e}", partial.display())))?;
                sync_dir(path)
            })();
            if result.is_err() {
                let _ = std::fs::remove_file(&partial);
            }
            result
        }
        Database::Postgres(url) => (|| {
            let mut session = PgSession::open(url)?;
            session.lock_writer("stop it first, and restore into a database of its own")?;
            session.execute("BEGIN")?;
            // Nothing is committed before the end: a failure anywhere rolls
            // everything back when the session ends.
            session.execute(&format!("SELECT pg_advisory_xact_lock({})", WRITER_LOCK + 1))?;
            for table in TABLES {
                if session.has_table(table.name)?
                    && session.query_bool(&format!("SELECT EXISTS (SELECT 1 FROM {})", table.name))?
                {
                    return Err(StoreError::Config(format!(
                        "{} already holds Accord's rows (in {}): restore into a new, empty database",
                        session.shown, table.name
                    )));
                }
            }
            session.execute(crate::postgres::SCHEMA)?;
            session.execute(&format!(
                "INSERT INTO meta (key, value) VALUES ('schema_version', '{}') ON CONFLICT (key) DO NOTHING",
                schema::SCHEMA_VERSION
            ))?;
            copy(&mut from, Some(&mut session), "restoring", progress)?;
            // The tokens' numbers go on after the restored ones.
            session.execute(
                "SELECT setval(pg_get_serial_sequence('api_tokens', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM api_tokens",
            )?;
            let back = copy(&mut session, None, "reading back", progress)?;
            if back.checksum != header.content_sha256 {
                return Err(StoreError::Config(format!(
                    "the copy in {} does not read back as the backup: nothing was restored",
                    session.shown
                )));
            }
            write_key()?;
            session.execute("COMMIT")?;
            dir.remember(target).map_err(|e| {
                StoreError::Config(format!(
                    "the record is restored, but naming its database in the data directory failed: {e}"
                ))
            })
        })(),
    };
    read_tx.finish()?;
    if result.is_err() && key_written.get() {
        let _ = std::fs::remove_file(dir.log_key_path());
    }
    result.map(|()| restored)
}

/// Refuses a data directory that holds anything but its lock.
fn refuse_unless_empty(dir: &DataDir) -> Result<(), StoreError> {
    let listing = std::fs::read_dir(dir.path())
        .map_err(|e| StoreError::Config(format!("reading {}: {e}", dir.path().display())))?;
    let mut found: Vec<String> = listing
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "accord.lock")
        .collect();
    found.sort();
    if let Some(first) = found.first() {
        return Err(StoreError::Config(format!(
            "{} is not empty (it holds {first}{}): restore into a new, empty data directory",
            dir.path().display(),
            if found.len() > 1 { format!(" and {} more", found.len() - 1) } else { String::new() }
        )));
    }
    Ok(())
}

// ------------------------------------------------------------------ move

/// Moves the record of the stopped forum in `from` (both data directories
/// locked by the caller) into the empty data directory `to`, its record in
/// `target`: a backup into a temporary file beside `to`, then a restore of
/// it, with every check of both. `from` is left as it was.
pub fn migrate(
    from: &DataDir,
    to: &DataDir,
    target: &Database,
    progress: Progress<'_>,
) -> Result<Restored, StoreError> {
    let io = |e: std::io::Error| StoreError::Config(e.to_string());
    let source = from.record_in(None).map_err(io)?;
    if &source == target {
        return Err(StoreError::Config(format!("the record is in {} already", target.describe())));
    }
    let key = from.read_log_key().map_err(io)?.ok_or_else(|| {
        StoreError::Config(format!("{} holds no log key: it is not a forum's data directory", from.path().display()))
    })?;
    let name = to.path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "accord".into());
    let parent = to.path().parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let temp = parent.join(format!(".{name}.moving-{}.accord-backup", std::process::id()));
    let verifier = accord_log::checkpoint::LogSigner::from_key(&key)
        .map_err(|e| StoreError::Config(format!("the log key in {} is not a signing key: {e}", from.path().display())))?
        .verifier_key()
        .to_owned();
    let result = backup(&source, &key, &temp, true, progress)
        .and_then(|_| restore(&temp, Some(&verifier), to, target, progress));
    let _ = std::fs::remove_file(&temp);
    result
}

#[cfg(test)]
mod tests {
    use accord_domain::ids::{DisplayName, LanguageTag};
    use accord_domain::state::{Action, MemberKind, MemberStatus, Principal};
    use accord_domain::MemberCode;

    use super::*;

    /// A record whose first tree hashes are rows of schema 1's
    /// `tree_hashes`: the backup holds them as one run, and the restored
    /// record has the same tree.
    #[test]
    fn tree_hashes_of_schema_1_are_backed_up_as_one_run() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("accord.sqlite3");
        let store = crate::Store::open(&path).unwrap();
        let forum = Action::EstablishForum {
            name: DisplayName::parse("Forum").unwrap(),
            languages: LanguageTag::un_languages(),
            log: None,
        };
        store.submit_blocking(Principal::System, forum, None).unwrap();
        for code in ["BRA", "KEN", "CHN"] {
            let admit = Action::AdmitMember {
                code: MemberCode::parse(code).unwrap(),
                name: None,
                kind: MemberKind::State,
                category: None,
                status: MemberStatus::Member,
            };
            store.submit_blocking(Principal::System, admit, None).unwrap();
        }
        let root = store.tree().root();
        store.shutdown();
        drop(store);
        // The first two batches' hashes as schema 1 stored them.
        let conn = schema::connect(&path).unwrap();
        conn.execute_batch("DROP TRIGGER tree_hash_runs_are_never_deleted").unwrap();
        let runs: Vec<(i64, Vec<u8>)> = conn
            .prepare("SELECT first, hashes FROM tree_hash_runs ORDER BY first LIMIT 2")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        for (first, hashes) in &runs {
            for (i, hash) in hashes.chunks(32).enumerate() {
                conn.execute(
                    "INSERT INTO tree_hashes (idx, hash) VALUES (?1, ?2)",
                    rusqlite::params![first + i as i64, hash],
                )
                .unwrap();
            }
            conn.execute("DELETE FROM tree_hash_runs WHERE first = ?1", [first]).unwrap();
        }
        drop(conn);
        assert_eq!(crate::Store::open(&path).unwrap().tree().root(), root, "schema 1's rows are read");

        let key = accord_log::checkpoint::LogSigner::generate("test.local/forum").unwrap();
        let file = dir.path().join("forum.accord-backup");
        let quiet = |_: &str, _: u64, _: u64| {};
        let written = backup(&Database::Sqlite(path), &key, &file, false, &quiet).unwrap();
        assert_eq!((written.entries, written.root), (4, root));
        let target = DataDir::open(&dir.path().join("restored")).unwrap();
        let restored = restore(&file, None, &target, &Database::Sqlite(target.database()), &quiet).unwrap();
        assert_eq!(restored.root, root);
        let conn = Connection::open(target.database()).unwrap();
        let rows: i64 = conn.query_row("SELECT count(*) FROM tree_hashes", [], |r| r.get(0)).unwrap();
        let first: i64 = conn.query_row("SELECT min(first) FROM tree_hash_runs", [], |r| r.get(0)).unwrap();
        assert_eq!((rows, first), (0, 0), "one run from the first hash");
        drop(conn);
        assert_eq!(crate::Store::open(&target.database()).unwrap().tree().root(), root);
    }

    /// Every table of SQLite's schema is in the backup or left out on
    /// purpose (PostgreSQL's are compared in `tests/backends.rs`).
    #[test]
    fn every_sqlite_table_is_backed_up_or_left_out_on_purpose() {
        // Only PostgreSQL's schema has a leader's term: SQLite has one server.
        const POSTGRES_ONLY: &[&str] = &["accord_head"];
        let conn = Connection::open_in_memory().unwrap();
        schema::migrate(&conn).unwrap();
        let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").unwrap();
        let names: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
        let mut known: Vec<&str> = TABLES
            .iter()
            .map(|t| t.name)
            .chain(LEFT_OUT.iter().copied().filter(|t| !POSTGRES_ONLY.contains(t)))
            .collect();
        known.sort();
        assert_eq!(names, known);
        for table in TABLES {
            let mut stmt = conn.prepare(&format!("SELECT name FROM pragma_table_info('{}')", table.name)).unwrap();
            let columns: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
            let ours: Vec<&str> = table.columns.iter().map(|(c, _)| *c).collect();
            assert_eq!(columns, ours, "the columns of {}", table.name);
        }
    }
}
