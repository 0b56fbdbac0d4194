//! The PostgreSQL backend: the same tables as SQLite (`bytea` for bytes,
//! `bigint` for numbers), reached through `tokio-postgres` with a
//! `deadpool-postgres` pool.
//!
//! # Why this driver
//! `tokio-postgres` is the asynchronous driver most Rust PostgreSQL code
//! rests on (the synchronous `postgres` crate and `deadpool-postgres` are
//! built on it); `deadpool-postgres` adds a small pool with a statement
//! cache per connection. Together they compile in well under a minute on
//! two cores; `sqlx` would bring its query macros (and, for compile-time
//! checked queries, a database at build time) for a backend whose SQL is
//! one file of short statements. ARCHITECTURE.md says the same.
//!
//! # Threads
//! The store's interface is synchronous (the writer is two threads; reads
//! are called from handlers and the CLI alike), so the backend owns a small
//! Tokio runtime of its own (two `accord-pg` threads) that drives the
//! connections. A read is spawned onto it and its answer awaited on a
//! channel, so it works from any thread, inside another runtime or not.
//! The committer thread, outside any runtime, blocks on its batch
//! directly (`Handle::block_on`).
//!
//! # Durability
//! Every connection sets `synchronous_commit = on`: a `COMMIT` returns once
//! the server has flushed its write-ahead log. The store refuses a server
//! that runs with `fsync = off`, where a commit would not survive a crash.
//! A batch is one statement, and so one transaction and one round trip:
//! data-modifying `WITH` clauses insert the entries (`unnest` of arrays),
//! the row of tree hashes, the blobs and the accounts together
//! ([`BATCH`]). Separate statements inside `BEGIN … COMMIT` cost three
//! more round trips per batch, each a wake-up of the server's process on
//! a busy machine.
//!
//! # Losing the server
//! When the connection fails while a batch is being written, the commit
//! may or may not have happened. The committer then waits for the server
//! (up to [`RECONNECT_FOR`]) and reads back the batch's last entry: there
//! with the same bytes, the batch is committed and acknowledged; absent,
//! the batch is written again. Writers wait meanwhile; nothing is
//! acknowledged that is not committed, and a commit that happened is not
//! reported as failed. Reads fail while the server is away, and the pool
//! replaces broken connections when it is back.
//!
//! # Several servers, one writer
//! Any number of servers may share a database. One leads: it holds a
//! session advisory lock ([`WRITER_LOCK`]) on a connection of its own, and
//! on taking it moves the term in the one-row table `accord_head` on. Every
//! batch it commits is fenced: the statement moves `accord_head` from the
//! head the batch was sequenced on (term, size, root) to the new one, and
//! writes nothing unless it did ([`BATCH`]); a batch of a leader that lost
//! its lock while it was paused is so refused, and that server follows
//! again. The others `LISTEN` on `accord_record`, which every batch
//! notifies in its transaction, and catch up from the tables (`leader.rs`).
//! The primary keys of `entries` and `tree_hash_runs` refuse a batch at an
//! index that is taken in any case.

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use accord_domain::{DelegateId, Email, EntryBody, State};
use accord_log::Hash;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::error::SqlState;
use tokio_postgres::NoTls;

use crate::backend::{push_hash_run, Backend, BatchWriter, Fence, Opened, StateRow};
use crate::private::{Account, ApiToken, Session};
use crate::writer::{PrivateWrite, Sequenced};
use crate::StoreError;

/// How long the committer waits for a lost server before it fails the
/// batch it holds (and everything sequenced after it).
pub const RECONNECT_FOR: Duration = Duration::from_secs(30);

/// The advisory lock a writing server holds on its database
/// (`pg_try_advisory_lock`; the bytes of "accord").
pub const WRITER_LOCK: i64 = 0x6163_636f_7264;

/// How many entries the replay reads per query.
const REPLAY_CHUNK: i64 = 8192;

/// The connections a store keeps open at most.
const POOL_SIZE: usize = 16;

/// The tables. The record's tables (`entries`, `tree_hash_runs`, `blobs`)
/// refuse UPDATE, DELETE and TRUNCATE by trigger. SQLite's schema-1 table
/// `tree_hashes` has no counterpart: PostgreSQL stores start at schema 3.
pub(crate) const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS entries (
    idx   BIGINT PRIMARY KEY,
    bytes BYTEA NOT NULL
);
CREATE TABLE IF NOT EXISTS tree_hash_runs (
    first  BIGINT PRIMARY KEY,
    hashes BYTEA NOT NULL
);
CREATE TABLE IF NOT EXISTS blobs (
    sha256 BYTEA PRIMARY KEY,
    bytes  BYTEA NOT NULL
);
CREATE OR REPLACE FUNCTION accord_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the record is append-only: % on % is refused', TG_OP, TG_TABLE_NAME;
END
$$;
CREATE OR REPLACE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON entries
    FOR EACH ROW EXECUTE FUNCTION accord_append_only();
CREATE OR REPLACE TRIGGER entries_never_truncated BEFORE TRUNCATE ON entries
    FOR EACH STATEMENT EXECUTE FUNCTION accord_append_only();
CREATE OR REPLACE TRIGGER tree_hash_runs_append_only BEFORE UPDATE OR DELETE ON tree_hash_runs
    FOR EACH ROW EXECUTE FUNCTION accord_append_only();
CREATE OR REPLACE TRIGGER tree_hash_runs_never_truncated BEFORE TRUNCATE ON tree_hash_runs
    FOR EACH STATEMENT EXECUTE FUNCTION accord_append_only();
CREATE OR REPLACE TRIGGER blobs_append_only BEFORE UPDATE OR DELETE ON blobs
    FOR EACH ROW EXECUTE FUNCTION accord_append_only();
CREATE OR REPLACE TRIGGER blobs_never_truncated BEFORE TRUNCATE ON blobs
    FOR EACH STATEMENT EXECUTE FUNCTION accord_append_only();

CREATE TABLE IF NOT EXISTS checkpoints (
    size         BIGINT PRIMARY KEY,
    note         TEXT NOT NULL,
    state_digest BYTEA NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS checkpoint_states (
    size     BIGINT PRIMARY KEY,
    snapshot BIGINT NOT NULL,
    parts    TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS accounts (
    delegate             BIGINT PRIMARY KEY,
    email                TEXT NOT NULL UNIQUE,
    password_hash        TEXT NOT NULL,
    must_change_password BOOLEAN NOT NULL,
    updated_at           BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    token_hash BYTEA PRIMARY KEY,
    delegate   BIGINT NOT NULL,
    csrf       TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_delegate ON sessions (delegate);
CREATE TABLE IF NOT EXISTS api_tokens (
    id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    token_hash BYTEA NOT NULL UNIQUE,
    delegate   BIGINT NOT NULL,
    label      TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX IF NOT EXISTS api_tokens_by_delegate ON api_tokens (delegate);
CREATE TABLE IF NOT EXISTS secrets (
    name  TEXT PRIMARY KEY,
    value BYTEA NOT NULL
);
CREATE TABLE IF NOT EXISTS preferences (
    delegate BIGINT NOT NULL,
    name     TEXT NOT NULL,
    value    TEXT NOT NULL,
    PRIMARY KEY (delegate, name)
);
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The record's head as the leader last committed it, and the leader's
-- term: one row, moved by every batch in its own transaction (the fence).
CREATE TABLE IF NOT EXISTS accord_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    term BIGINT NOT NULL,
    size BIGINT NOT NULL,
    root BYTEA NOT NULL
);
INSERT INTO accord_head (id, term, size, root) VALUES (1, 0, 0, '') ON CONFLICT (id) DO NOTHING;
"#;

/// A URL with its password replaced by `***`, to name a database in
/// messages and logs.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let (authority, path) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}{path}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

pub(crate) fn pg_err(e: tokio_postgres::Error) -> StoreError {
    StoreError::Postgres(describe(&e))
}

/// One line: the server's message when it sent one, else the driver's.
fn describe(e: &tokio_postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{}: {}", db.severity(), db.message()),
        None => match std::error::Error::source(e) {
            Some(cause) => format!("{e}: {cause}"),
            None => e.to_string(),
        },
    }
}

fn pool_err(e: deadpool_postgres::PoolError) -> StoreError {
    match e {
        deadpool_postgres::PoolError::Backend(e) => pg_err(e),
        other => StoreError::Postgres(format!("no connection to the database: {other}")),
    }
}

/// The connections and the runtime that drives them, shared by the
/// backend's readers and its committer.
pub(crate) struct Connections {
    pool: Pool,
    /// The settings of the pool's connections, for connections of their
    /// own (the leader's lock, the follower's `LISTEN`).
    config: tokio_postgres::Config,
    handle: tokio::runtime::Handle,
    /// Owned here so that it lives as long as the pool; shut down without
    /// waiting when the last user goes (which may be inside another
    /// runtime, where waiting is not allowed).
    runtime: Option<tokio::runtime::Runtime>,
}

impl Drop for Connections {
    fn drop(&mut self) {
        self.pool.close();
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}

impl Connections {
    /// Parses the URL, sets Accord's session settings and checks that the
    /// server answers and keeps commits durable.
    pub(crate) fn connect(url: &str) -> Result<Arc<Connections>, StoreError> {
        let shown = redact(url);
        let mut config: tokio_postgres::Config = url.parse().map_err(|e: tokio_postgres::Error| {
            StoreError::Config(format!("the database URL {shown} is not a valid PostgreSQL URL: {e}"))
        })?;
        // Acknowledged means committed: a COMMIT returns only once the WAL
        // is flushed, whatever the server's or the role's default says.
        let options = match config.get_options() {
            Some(o) if !o.trim().is_empty() => format!("{o} -c synchronous_commit=on"),
            _ => "-c synchronous_commit=on".to_owned(),
        };
        config.options(options);
        if config.get_application_name().is_none() {
            config.application_name("accord");
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("accord-pg")
            .enable_all()
            .build()
            .map_err(|e| StoreError::Postgres(format!("cannot start the database threads: {e}")))?;
        let handle = runtime.handle().clone();
        let own = config.clone();
        let manager = Manager::from_config(config, NoTls, ManagerConfig { recycling_method: RecyclingMethod::Fast });
        let pool = {
            // The pool's timeouts need the runtime they run on.
            let _entered = runtime.enter();
            Pool::builder(manager)
                .max_size(POOL_SIZE)
                .runtime(Runtime::Tokio1)
                .create_timeout(Some(Duration::from_secs(10)))
                .wait_timeout(Some(Duration::from_secs(30)))
                .build()
                .map_err(|e| StoreError::Postgres(format!("cannot make the connection pool: {e}")))?
        };
        let connections = Arc::new(Connections { pool, config: own, handle, runtime: Some(runtime) });
        let (sync, fsync) = connections
            .run(|c| async move {
                let sync: String = c.query_one("SHOW synchronous_commit", &[]).await?.get(0);
                let fsync: String = c.query_one("SHOW fsync", &[]).await?.get(0);
                Ok((sync, fsync))
            })
            .map_err(|e| match e {
                StoreError::Postgres(why) => StoreError::Postgres(format!("cannot reach {shown}: {why}")),
                other => other,
            })?;
        if sync == "off" {
            return Err(StoreError::Config(format!(
                "{shown} keeps synchronous_commit off on Accord's connections: acknowledged entries could be lost"
            )));
        }
        if fsync == "off" {
            return Err(StoreError::Config(format!(
                "the PostgreSQL server of {shown} runs with fsync = off: acknowledged entries would not survive a crash"
            )));
        }
        Ok(connections)
    }

    /// Runs `f` with a pooled connection on the backend's runtime and waits
    /// for its answer, from any thread.
    fn run<T, F, Fut>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(deadpool_postgres::Object) -> Fut + Send + 'static,
        Fut: Future<Output = Result<T, tokio_postgres::Error>> + Send,
    {
        let pool = self.pool.clone();
        self.spawn_wait(async move {
            let client = pool.get().await.map_err(pool_err)?;
            f(client).await.map_err(pg_err)
        })
    }

    pub(crate) fn spawn_wait<T: Send + 'static>(
        &self,
        fut: impl Future<Output = Result<T, StoreError>> + Send + 'static,
    ) -> Result<T, StoreError> {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        self.handle.spawn(async move {
            let _ = tx.send(fut.await);
        });
        rx.recv().unwrap_or(Err(StoreError::Closed))
    }

    /// A connection of its own, outside the pool, driven by the backend's
    /// runtime: for a transaction that spans many calls (a backup's
    /// snapshot, a restore) and for session locks. It commits durably
    /// (`synchronous_commit = on`) like the pool's.
    pub(crate) fn dedicated(&self, url: &str) -> Result<Arc<tokio_postgres::Client>, StoreError> {
        let config: tokio_postgres::Config = url.parse().map_err(pg_err)?;
        self.spawn_wait(async move {
            let (client, connection) = config.connect(NoTls).await.map_err(pg_err)?;
            tokio::spawn(connection);
            client.batch_execute("SET synchronous_commit = on").await.map_err(pg_err)?;
            Ok(Arc::new(client))
        })
    }

    fn migrate(&self) -> Result<(), StoreError> {
        self.run(|mut c| async move {
            let tx = c.transaction().await?;
            // Two servers creating the tables at once would clash on the
            // catalogue: one waits for the other.
            tx.execute("SELECT pg_advisory_xact_lock($1)", &[&(WRITER_LOCK + 1)]).await?;
            tx.batch_execute(SCHEMA).await?;
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', $1) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value \
                 WHERE CAST(meta.value AS BIGINT) < CAST(excluded.value AS BIGINT)",
                &[&crate::schema::SCHEMA_VERSION.to_string()],
            )
            .await?;
            tx.commit().await
        })
    }
}

/// Opens the record in the database at `url`: connects, creates the tables
/// if missing and replays. The writer's role is taken afterwards, by the
/// store's leadership thread ([`PgLeadership`]).
pub(crate) fn open(url: &str) -> Result<Opened, StoreError> {
    let connections = Connections::connect(url)?;
    connections.migrate()?;
    let (state, tree) = replay(&connections)?;
    let backend = PgBackend { c: connections.clone() };
    let writer = PgWriter { c: connections.clone(), own: None };
    let leadership = PgLeadership { c: connections, lock: None, listen: None, checked: Instant::now() };
    Ok(Opened {
        backend: Box::new(backend),
        writer: Box::new(writer),
        leadership: Some(Box::new(leadership)),
        state,
        tree,
    })
}

/// Replays the record without taking the writer's lock.
pub(crate) fn replay_only(url: &str) -> Result<State, StoreError> {
    let connections = Connections::connect(url)?;
    connections.migrate()?;
    Ok(replay(&connections)?.0)
}

/// Opens the database for the private tables only: no lock, no replay.
pub(crate) fn open_private(url: &str) -> Result<Box<dyn Backend>, StoreError> {
    let connections = Connections::connect(url)?;
    connections.migrate()?;
    Ok(Box::new(PgBackend { c: connections }))
}

/// The sequencer's role among the servers sharing the database: a session
/// advisory lock ([`WRITER_LOCK`]) held on a connection of its own, outside
/// the pool, for as long as the store leads; and a connection that
/// `LISTEN`s for commits while it follows.
///
/// # Why an advisory lock
/// PostgreSQL releases it the moment the holding session ends — a server
/// killed, its machine gone (once the TCP keep-alive or the server notices),
/// or an operator's `pg_terminate_backend` — so a follower takes over within
/// its next attempt ([`crate::leader`] tries every quarter second) without a
/// lease to renew or a clock to trust. A paused leader keeps the lock for as
/// long as its session lives; that is why every batch is also fenced by the
/// term: a leader that lost its session cannot commit, whatever it believes.
struct PgLeadership {
    c: Arc<Connections>,
    /// The connection holding the lock (while leading), or the one trying
    /// for it (while following).
    lock: Option<Arc<tokio_postgres::Client>>,
    /// The `LISTEN` connection and the notifications it hears.
    listen: Option<(tokio_postgres::Client, std::sync::mpsc::Receiver<()>)>,
    /// When the lock's connection was last seen to answer.
    checked: Instant,
}

/// The channel every batch notifies in its transaction.
const CHANNEL: &str = "accord_record";

/// How long the leader waits for its lock's connection to answer before it
/// takes it for lost.
const LOCK_CHECK_TIMEOUT: Duration = Duration::from_secs(2);

impl PgLeadership {
    fn own_connection(&self) -> Result<Arc<tokio_postgres::Client>, StoreError> {
        let config = self.c.config.clone();
        self.c.spawn_wait(async move {
            let (client, connection) = config.connect(NoTls).await.map_err(pg_err)?;
            tokio::spawn(connection);
            Ok(Arc::new(client))
        })
    }

    fn listen(&mut self) -> Result<(), StoreError> {
        let config = self.c.config.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        let client = self.c.spawn_wait(async move {
            let (client, mut connection) = config.connect(NoTls).await.map_err(pg_err)?;
            tokio::spawn(async move {
                loop {
                    match std::future::poll_fn(|cx| connection.poll_message(cx)).await {
                        Some(Ok(tokio_postgres::AsyncMessage::Notification(_))) => {
                            if tx.send(()).is_err() {
                                return;
                            }
                        }
                        Some(Ok(_)) => {}
                        Some(Err(_)) | None => return,
                    }
                }
            });
            client.batch_execute(&format!("LISTEN {CHANNEL}")).await.map_err(pg_err)?;
            Ok(client)
        })?;
        self.listen = Some((client, rx));
        Ok(())
    }
}

impl crate::backend::Leadership for PgLeadership {
    fn try_lead(&mut self) -> Result<Option<u64>, StoreError> {
        if self.lock.as_ref().is_none_or(|c| c.is_closed()) {
            self.lock = Some(self.own_connection()?);
        }
        let client = self.lock.clone().expect("connected above");
        let taken = self.c.spawn_wait(async move {
            let row = client.query_one("SELECT pg_try_advisory_lock($1)", &[&WRITER_LOCK]).await.map_err(pg_err)?;
            if !row.get::<_, bool>(0) {
                return Ok(None);
            }
            // From this commit on, a batch of any earlier leader is refused.
            let row = client
                .query_one("UPDATE accord_head SET term = term + 1 WHERE id = 1 RETURNING term", &[])
                .await
                .map_err(pg_err)?;
            Ok(Some(row.get::<_, i64>(0) as u64))
        });
        match taken {
            Ok(t) => {
                self.checked = Instant::now();
                Ok(t)
            }
            Err(e) => {
                self.step_down();
                Err(e)
            }
        }
    }

    fn set_head(&mut self, term: u64, size: u64, root: &Hash) -> Result<(), StoreError> {
        let (term, size, root) = (term as i64, size as i64, root.0.to_vec());
        let n = self.c.run(move |c| async move {
            c.execute("UPDATE accord_head SET size = $2, root = $3 WHERE id = 1 AND term = $1", &[&term, &size, &root])
                .await
        })?;
        if n == 1 {
            Ok(())
        } else {
            Err(StoreError::NotLeader)
        }
    }

    fn still_leading(&mut self) -> bool {
        let Some(client) = self.lock.clone() else { return false };
        if client.is_closed() {
            return false;
        }
        if self.checked.elapsed() < Duration::from_secs(1) {
            return true;
        }
        // A connection that died without a word (a network cut) is found
        // by asking.
        let answered = self.c.spawn_wait(async move {
            match tokio::time::timeout(LOCK_CHECK_TIMEOUT, client.simple_query("SELECT 1")).await {
                Ok(Ok(_)) => Ok(true),
                _ => Ok(false),
            }
        });
        let alive = answered.unwrap_or(false);
        if alive {
            self.checked = Instant::now();
        }
        alive
    }

    fn step_down(&mut self) {
        // Ending the session releases the lock.
        if let Some(client) = self.lock.take() {
            let _ = self.c.spawn_wait(async move {
                let _ = tokio::time::timeout(
                    Duration::from_secs(2),
                    client.execute("SELECT pg_advisory_unlock($1)", &[&WRITER_LOCK]),
                )
                .await;
                drop(client);
                Ok(())
            });
        }
    }

    fn wait_for_commit(&mut self, timeout: Duration) {
        if self.listen.as_ref().is_none_or(|(c, _)| c.is_closed()) && self.listen().is_err() {
            std::thread::sleep(timeout);
            return;
        }
        let Some((_, news)) = &self.listen else { return };
        match news.recv_timeout(timeout) {
            Ok(()) => while news.try_recv().is_ok() {},
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                self.listen = None;
                std::thread::sleep(timeout);
            }
        }
    }

    fn rest_while_leading(&mut self, timeout: Duration) {
        // The `LISTEN` connection goes: every commit of this server would
        // wake it, its server process and this thread. Following again
        // opens it anew (`wait_for_commit`), after a catch-up.
        self.listen = None;
        std::thread::sleep(timeout);
    }

    fn hash_runs_from(&self, first: usize) -> Result<Vec<(usize, Vec<u8>)>, StoreError> {
        let first = first as i64;
        self.c.run(move |c| async move {
            let rows =
                c.query("SELECT first, hashes FROM tree_hash_runs WHERE first >= $1 ORDER BY first", &[&first]).await?;
            Ok(rows.into_iter().map(|r| (r.get::<_, i64>(0) as usize, r.get::<_, Vec<u8>>(1))).collect())
        })
    }
}

impl Drop for PgLeadership {
    fn drop(&mut self) {
        crate::backend::Leadership::step_down(self);
    }
}

/// Reads the tree's stored hashes, then the entries in chunks, decoding and
/// folding them on this thread while the next chunk is read.
fn replay(c: &Arc<Connections>) -> Result<(State, accord_log::MerkleTree), StoreError> {
    let runs = c.run(|c| async move {
        let rows = c.query("SELECT first, hashes FROM tree_hash_runs ORDER BY first", &[]).await?;
        Ok(rows.into_iter().map(|r| (r.get::<_, i64>(0), r.get::<_, Vec<u8>>(1))).collect::<Vec<_>>())
    })?;
    let mut stored: Vec<Hash> = Vec::new();
    for (first, bytes) in runs {
        push_hash_run(&mut stored, first as usize, &bytes)?;
    }
    // The reading task sends chunks through a bounded channel; its blocking
    // send holds one of the backend's threads only while the replay runs
    // ahead of the fold, before the store serves anything.
    let (to_fold, chunks) = std::sync::mpsc::sync_channel::<Result<Vec<(i64, Vec<u8>)>, StoreError>>(4);
    let pool = c.pool.clone();
    c.handle.spawn(async move {
        let mut next = 0i64;
        loop {
            let chunk = async {
                let client = pool.get().await.map_err(pool_err)?;
                let stmt = client
                    .prepare_cached("SELECT idx, bytes FROM entries WHERE idx >= $1 ORDER BY idx LIMIT $2")
                    .await
                    .map_err(pg_err)?;
                let rows = client.query(&stmt, &[&next, &REPLAY_CHUNK]).await.map_err(pg_err)?;
                Ok(rows.into_iter().map(|r| (r.get::<_, i64>(0), r.get::<_, Vec<u8>>(1))).collect::<Vec<_>>())
            }
            .await;
            let last = match &chunk {
                Ok(rows) if rows.is_empty() => None,
                Ok(rows) => rows.last().map(|(i, _)| *i),
                Err(_) => None,
            };
            if to_fold.send(chunk).is_err() {
                return;
            }
            match last {
                Some(i) => next = i + 1,
                None => return,
            }
        }
    });
    let mut state = State::new();
    for chunk in chunks {
        let chunk = chunk?;
        if chunk.is_empty() {
            break;
        }
        for (index, bytes) in chunk {
            let index = index as u64;
            let (entry, leaf) = crate::decode_entry(
                |sha256| {
                    let sha256 = sha256.to_vec();
                    c.run(move |c| async move {
                        let row = c.query_opt("SELECT bytes FROM blobs WHERE sha256 = $1", &[&sha256]).await?;
                        Ok(row.map(|r| r.get::<_, Vec<u8>>(0)))
                    })
                },
                &stored,
                index,
                &bytes,
            )?;
            crate::fold_checked(&mut state, &entry, &leaf)?;
        }
    }
    crate::finish_replay(state, stored)
}

struct PgBackend {
    c: Arc<Connections>,
}

fn account_row(r: &tokio_postgres::Row) -> Result<Account, StoreError> {
    let email: String = r.get(1);
    Ok(Account {
        delegate: DelegateId(r.get::<_, i64>(0) as u64),
        email: Email::parse(&email).map_err(|e| StoreError::Postgres(format!("a stored e-mail address: {e}")))?,
        password_hash: r.get(2),
        must_change_password: r.get(3),
        password_set_at: r.get(4),
    })
}

const ACCOUNT_COLUMNS: &str = "delegate, email, password_hash, must_change_password, updated_at";

impl Backend for PgBackend {
    fn entry_bytes(&self, start: i64, limit: i64) -> Result<Vec<(u64, Vec<u8>)>, StoreError> {
        self.c.run(move |c| async move {
            let stmt = c.prepare_cached("SELECT idx, bytes FROM entries WHERE idx >= $1 ORDER BY idx LIMIT $2").await?;
            let rows = c.query(&stmt, &[&start, &limit]).await?;
            Ok(rows.into_iter().map(|r| (r.get::<_, i64>(0) as u64, r.get(1))).collect())
        })
    }

    fn blob(&self, sha256: &[u8; 32]) -> Result<Option<Vec<u8>>, StoreError> {
        let sha256 = sha256.to_vec();
        self.c.run(move |c| async move {
            Ok(c.query_opt("SELECT bytes FROM blobs WHERE sha256 = $1", &[&sha256]).await?.map(|r| r.get(0)))
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
        // The snapshot is read first, then both rows are written in one
        // transaction: only the checkpointer writes checkpoints.
        let size = size as i64;
        let snapshot = self.c.run(move |c| async move {
            let row = c
                .query_opt(
                    "SELECT size, parts FROM checkpoint_states WHERE snapshot = size AND size < $1 \
                     ORDER BY size DESC LIMIT 1",
                    &[&size],
                )
                .await?;
            Ok(row.map(|r| (r.get::<_, i64>(0), r.get::<_, String>(1))))
        })?;
        let (base, parts) = state_row(snapshot);
        let (note, digest) = (note.to_owned(), digest.to_vec());
        self.c.run(move |mut c| async move {
            let tx = c.transaction().await?;
            tx.execute(
                "INSERT INTO checkpoints (size, note, state_digest, created_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (size) DO UPDATE SET note = excluded.note",
                &[&size, &note, &digest, &created_at],
            )
            .await?;
            tx.execute(
                "INSERT INTO checkpoint_states (size, snapshot, parts) VALUES ($1, $2, $3) ON CONFLICT (size) DO NOTHING",
                &[&size, &base, &parts],
            )
            .await?;
            tx.commit().await
        })
    }

    fn checkpoint_state_row(&self, size: u64) -> Result<Option<StateRow>, StoreError> {
        let size = size as i64;
        self.c.run(move |c| async move {
            let row = c.query_opt("SELECT snapshot, parts FROM checkpoint_states WHERE size = $1", &[&size]).await?;
            Ok(row.map(|r| (r.get(0), r.get(1))))
        })
    }

    fn update_checkpoint_note(&self, size: u64, note: &str) -> Result<(), StoreError> {
        let (size, note) = (size as i64, note.to_owned());
        self.c.run(move |c| async move {
            c.execute("UPDATE checkpoints SET note = $2 WHERE size = $1", &[&size, &note]).await.map(|_| ())
        })
    }

    fn checkpoint_note(&self, size: u64) -> Result<Option<String>, StoreError> {
        let size = size as i64;
        self.c.run(move |c| async move {
            Ok(c.query_opt("SELECT note FROM checkpoints WHERE size = $1", &[&size]).await?.map(|r| r.get(0)))
        })
    }

    fn checkpoint_digest(&self, size: u64) -> Result<Option<[u8; 32]>, StoreError> {
        let size = size as i64;
        self.c.run(move |c| async move {
            let row = c.query_opt("SELECT state_digest FROM checkpoints WHERE size = $1", &[&size]).await?;
            Ok(row.map(|r| {
                let v: Vec<u8> = r.get(0);
                <[u8; 32]>::try_from(v.as_slice()).unwrap_or([0; 32])
            }))
        })
    }

    fn latest_checkpoint(&self) -> Result<Option<(u64, String)>, StoreError> {
        self.c.run(move |c| async move {
            let row = c.query_opt("SELECT size, note FROM checkpoints ORDER BY size DESC LIMIT 1", &[]).await?;
            Ok(row.map(|r| (r.get::<_, i64>(0) as u64, r.get(1))))
        })
    }

    fn checkpoint_covering(&self, index: u64) -> Result<Option<(u64, String)>, StoreError> {
        let index = index as i64;
        self.c.run(move |c| async move {
            let row = c
                .query_opt("SELECT size, note FROM checkpoints WHERE size > $1 ORDER BY size LIMIT 1", &[&index])
                .await?;
            Ok(row.map(|r| (r.get::<_, i64>(0) as u64, r.get(1))))
        })
    }

    fn email_taken(&self, email: &str) -> Result<bool, StoreError> {
        let email = email.to_owned();
        self.c.run(move |c| async move {
            let stmt = c.prepare_cached("SELECT EXISTS (SELECT 1 FROM accounts WHERE email = $1)").await?;
            Ok(c.query_one(&stmt, &[&email]).await?.get(0))
        })
    }

    fn account_by_email(&self, email: &Email) -> Result<Option<Account>, StoreError> {
        let email = email.as_str().to_owned();
        let row = self.c.run(move |c| async move {
            let stmt = c.prepare_cached(&format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE email = $1")).await?;
            c.query_opt(&stmt, &[&email]).await
        })?;
        row.as_ref().map(account_row).transpose()
    }

    fn account(&self, delegate: DelegateId) -> Result<Option<Account>, StoreError> {
        let delegate = delegate.0 as i64;
        let row = self.c.run(move |c| async move {
            let stmt = c.prepare_cached(&format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE delegate = $1")).await?;
            c.query_opt(&stmt, &[&delegate]).await
        })?;
        row.as_ref().map(account_row).transpose()
    }

    fn create_account(
        &self,
        delegate: DelegateId,
        email: &Email,
        password_hash: &str,
        must_change: bool,
        now: i64,
    ) -> Result<(), StoreError> {
        let (delegate, email, hash) = (delegate.0 as i64, email.as_str().to_owned(), password_hash.to_owned());
        self.c.run(move |c| async move {
            c.execute(
                &format!("INSERT INTO accounts ({ACCOUNT_COLUMNS}) VALUES ($1, $2, $3, $4, $5)"),
                &[&delegate, &email, &hash, &must_change, &now],
            )
            .await
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
        let (delegate, hash) = (delegate.0 as i64, password_hash.to_owned());
        self.c.run(move |mut c| async move {
            let tx = c.transaction().await?;
            let n = tx
                .execute(
                    "UPDATE accounts SET password_hash = $2, must_change_password = $3, \
                     updated_at = GREATEST($4, updated_at + 1) WHERE delegate = $1",
                    &[&delegate, &hash, &must_change, &now],
                )
                .await?;
            tx.execute("DELETE FROM sessions WHERE delegate = $1", &[&delegate]).await?;
            if revoke_tokens {
                tx.execute(
                    "UPDATE api_tokens SET revoked_at = $2 WHERE delegate = $1 AND revoked_at IS NULL",
                    &[&delegate, &now],
                )
                .await?;
            }
            tx.commit().await?;
            Ok(n == 1)
        })
    }

    fn preference(&self, delegate: DelegateId, name: &str) -> Result<Option<String>, StoreError> {
        let (delegate, name) = (delegate.0 as i64, name.to_owned());
        self.c.run(move |c| async move {
            let row = c
                .query_opt("SELECT value FROM preferences WHERE delegate = $1 AND name = $2", &[&delegate, &name])
                .await?;
            Ok(row.map(|r| r.get(0)))
        })
    }

    fn set_preference(&self, delegate: DelegateId, name: &str, value: &str) -> Result<(), StoreError> {
        let (delegate, name, value) = (delegate.0 as i64, name.to_owned(), value.to_owned());
        self.c.run(move |c| async move {
            c.execute(
                "INSERT INTO preferences (delegate, name, value) VALUES ($1, $2, $3) \
                 ON CONFLICT (delegate, name) DO UPDATE SET value = EXCLUDED.value",
                &[&delegate, &name, &value],
            )
            .await?;
            Ok(())
        })
    }

    fn secret(&self, name: &str, candidate: &[u8]) -> Result<Vec<u8>, StoreError> {
        let (name, candidate) = (name.to_owned(), candidate.to_vec());
        self.c.run(move |c| async move {
            c.execute(
                "INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
                &[&name, &candidate],
            )
            .await?;
            Ok(c.query_one("SELECT value FROM secrets WHERE name = $1", &[&name]).await?.get(0))
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
        let (token, delegate, csrf) = (token_hash.to_vec(), delegate.0 as i64, csrf.to_owned());
        self.c.run(move |c| async move {
            c.execute("DELETE FROM sessions WHERE expires_at < $1", &[&now]).await?;
            c.execute(
                "INSERT INTO sessions (token_hash, delegate, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
                &[&token, &delegate, &csrf, &now, &expires_at],
            )
            .await
            .map(|_| ())
        })
    }

    fn session(&self, token_hash: &[u8; 32], now: i64) -> Result<Option<Session>, StoreError> {
        let token = token_hash.to_vec();
        self.c.run(move |c| async move {
            let stmt = c
                .prepare_cached(
                    "SELECT delegate, csrf, expires_at FROM sessions WHERE token_hash = $1 AND expires_at > $2",
                )
                .await?;
            let row = c.query_opt(&stmt, &[&token, &now]).await?;
            Ok(row.map(|r| Session {
                delegate: DelegateId(r.get::<_, i64>(0) as u64),
                csrf: r.get(1),
                expires_at: r.get(2),
            }))
        })
    }

    fn delete_session(&self, token_hash: &[u8; 32]) -> Result<(), StoreError> {
        let token = token_hash.to_vec();
        self.c.run(move |c| async move {
            c.execute("DELETE FROM sessions WHERE token_hash = $1", &[&token]).await.map(|_| ())
        })
    }

    fn create_api_token(
        &self,
        token_hash: &[u8; 32],
        delegate: DelegateId,
        label: &str,
        expires_at: i64,
        now: i64,
    ) -> Result<i64, StoreError> {
        let (token, delegate, label) = (token_hash.to_vec(), delegate.0 as i64, label.to_owned());
        self.c.run(move |c| async move {
            let row = c
                .query_one(
                    "INSERT INTO api_tokens (token_hash, delegate, label, created_at, expires_at) \
                     VALUES ($1, $2, $3, $4, $5) RETURNING id",
                    &[&token, &delegate, &label, &now, &expires_at],
                )
                .await?;
            Ok(row.get(0))
        })
    }

    fn api_token_owner(&self, token_hash: &[u8; 32], now: i64) -> Result<Option<(i64, DelegateId)>, StoreError> {
        let token = token_hash.to_vec();
        self.c.run(move |c| async move {
            let stmt = c
                .prepare_cached(
                    "SELECT id, delegate FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2",
                )
                .await?;
            let row = c.query_opt(&stmt, &[&token, &now]).await?;
            Ok(row.map(|r| (r.get(0), DelegateId(r.get::<_, i64>(1) as u64))))
        })
    }

    fn api_tokens(&self, delegate: DelegateId) -> Result<Vec<ApiToken>, StoreError> {
        let delegate = delegate.0 as i64;
        self.c.run(move |c| async move {
            let rows = c
                .query(
                    "SELECT id, delegate, label, created_at, expires_at, revoked_at FROM api_tokens \
                     WHERE delegate = $1 ORDER BY id",
                    &[&delegate],
                )
                .await?;
            Ok(rows
                .into_iter()
                .map(|r| ApiToken {
                    id: r.get(0),
                    delegate: DelegateId(r.get::<_, i64>(1) as u64),
                    label: r.get(2),
                    created_at: r.get(3),
                    expires_at: r.get(4),
                    revoked_at: r.get(5),
                })
                .collect())
        })
    }

    fn revoke_api_token(&self, delegate: DelegateId, id: i64, now: i64) -> Result<bool, StoreError> {
        let delegate = delegate.0 as i64;
        self.c.run(move |c| async move {
            let n = c
                .execute(
                    "UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND delegate = $2 AND revoked_at IS NULL",
                    &[&id, &delegate, &now],
                )
                .await?;
            Ok(n == 1)
        })
    }
}

/// The committer's side. It writes batches on a connection of its own,
/// driven by a runtime of its own on the committer's thread: a batch's
/// round trip then wakes no other thread (the pool's connections are
/// driven by the pool's threads, and each answer would hop from one of
/// them to the committer). Made at the first batch, and again after the
/// connection is lost.
struct PgWriter {
    c: Arc<Connections>,
    own: Option<OwnConnection>,
}

struct OwnConnection {
    runtime: tokio::runtime::Runtime,
    client: tokio_postgres::Client,
    batch: tokio_postgres::Statement,
}

impl OwnConnection {
    fn connect(config: &tokio_postgres::Config) -> Result<OwnConnection, BatchError> {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| {
            BatchError::Lost(StoreError::Postgres(format!("cannot start the committer's runtime: {e}")))
        })?;
        let (client, batch) = runtime.block_on(async {
            let (client, connection) = config.connect(NoTls).await.map_err(classify)?;
            // Polled whenever the committer waits on the runtime.
            tokio::spawn(connection);
            let batch = client.prepare(BATCH).await.map_err(classify)?;
            Ok::<_, BatchError>((client, batch))
        })?;
        Ok(OwnConnection { runtime, client, batch })
    }

    /// Writes the batch; `meanwhile` runs once it is sent, while the
    /// server works on it.
    fn write(&self, rows: &BatchRows<'_>, meanwhile: &mut dyn FnMut()) -> Result<(), BatchError> {
        let params = rows.params();
        let written = self
            .runtime
            .block_on(async {
                let query = self.client.query(&self.batch, &params);
                let mut query = std::pin::pin!(query);
                // The first poll queues the request; yielding lets the
                // connection's task write it to the socket.
                let first = std::future::poll_fn(|cx| std::task::Poll::Ready(query.as_mut().poll(cx))).await;
                if let std::task::Poll::Ready(answer) = first {
                    return answer;
                }
                tokio::task::yield_now().await;
                meanwhile();
                query.await
            })
            .map_err(classify)?;
        if written.is_empty() {
            return Err(BatchError::Fenced);
        }
        Ok(())
    }
}

impl PgWriter {
    /// Writes the batch once on the committer's own connection, making it
    /// first if needed; a lost connection is dropped, to be made again.
    fn write_once(&mut self, rows: &BatchRows<'_>, meanwhile: &mut dyn FnMut()) -> Result<(), BatchError> {
        if self.own.as_ref().is_some_and(|o| o.client.is_closed()) {
            self.own = None;
        }
        let own = match &mut self.own {
            Some(own) => own,
            empty => empty.insert(OwnConnection::connect(&self.c.config)?),
        };
        let written = own.write(rows, meanwhile);
        if matches!(written, Err(BatchError::Lost(_))) {
            self.own = None;
        }
        written
    }
}

/// A batch in one statement: the fence, entries, tree hashes, blobs and
/// accounts, each from arrays; all or nothing.
///
/// The fence moves the head row from the head the batch was sequenced on
/// (term `$12`, size `$13`, root `$14`) to the one it leaves (`$15`,
/// `$16`); every insert happens only if it did. Under READ COMMITTED an
/// `UPDATE` that finds the row changed by a transaction that committed
/// meanwhile checks its condition again on the new row, so of two leaders
/// at most one moves it; the row's lock orders them. The statement answers
/// one row when the batch is written, none when it is fenced off (and then
/// wrote nothing). The notification is sent at commit, to followers.
/// Public for the benchmark, which runs it alone beside the store.
pub const BATCH: &str = "WITH fence AS (\
        UPDATE accord_head SET size = $15, root = $16 \
        WHERE id = 1 AND term = $12 AND size = $13 AND root = $14 RETURNING size\
    ), entries_written AS (\
        INSERT INTO entries (idx, bytes) SELECT * FROM unnest($1::bigint[], $2::bytea[]) WHERE EXISTS (SELECT 1 FROM fence)\
    ), hashes_written AS (\
        INSERT INTO tree_hash_runs (first, hashes) SELECT $3::bigint, $4::bytea WHERE EXISTS (SELECT 1 FROM fence)\
    ), blobs_written AS (\
        INSERT INTO blobs (sha256, bytes) SELECT * FROM unnest($5::bytea[], $6::bytea[]) \
        WHERE EXISTS (SELECT 1 FROM fence) ON CONFLICT (sha256) DO NOTHING\
    ), accounts_written AS (\
        INSERT INTO accounts (delegate, email, password_hash, must_change_password, updated_at) \
        SELECT * FROM unnest($7::bigint[], $8::text[], $9::text[], $10::boolean[], $11::bigint[]) \
        WHERE EXISTS (SELECT 1 FROM fence)\
    ) \
    SELECT pg_notify('accord_record', size::text) FROM fence";

/// A batch as the columns of its rows.
#[derive(Default)]
struct BatchRows<'a> {
    idx: Vec<i64>,
    bytes: Vec<&'a [u8]>,
    first_hash: i64,
    hashes: Vec<u8>,
    blob_sha256: Vec<Vec<u8>>,
    blob_bytes: Vec<&'a [u8]>,
    account_delegate: Vec<i64>,
    account_email: Vec<&'a str>,
    account_hash: Vec<&'a str>,
    account_must_change: Vec<bool>,
    account_time: Vec<i64>,
    term: i64,
    size: i64,
    root: Vec<u8>,
    new_size: i64,
    new_root: Vec<u8>,
}

impl<'a> BatchRows<'a> {
    /// The statement's parameters, `$1` to `$16`.
    fn params(&self) -> [&(dyn tokio_postgres::types::ToSql + Sync); 16] {
        [
            &self.idx,
            &self.bytes,
            &self.first_hash,
            &self.hashes,
            &self.blob_sha256,
            &self.blob_bytes,
            &self.account_delegate,
            &self.account_email,
            &self.account_hash,
            &self.account_must_change,
            &self.account_time,
            &self.term,
            &self.size,
            &self.root,
            &self.new_size,
            &self.new_root,
        ]
    }

    fn new(batch: &'a [Sequenced], first_hash: usize, fence: &Fence) -> BatchRows<'a> {
        let mut rows = BatchRows {
            term: fence.term as i64,
            size: fence.size as i64,
            root: fence.root.0.to_vec(),
            new_size: fence.new_size as i64,
            new_root: fence.new_root.0.to_vec(),
            idx: Vec::with_capacity(batch.len()),
            bytes: Vec::with_capacity(batch.len()),
            first_hash: first_hash as i64,
            hashes: Vec::with_capacity(batch.len() * 64),
            ..Default::default()
        };
        for s in batch {
            let entry = &s.appended.entry;
            rows.idx.push(entry.index as i64);
            rows.bytes.push(&s.appended.bytes);
            if let Some(content) = entry.body.blob().and_then(|b| b.content()) {
                rows.blob(content);
            }
            for h in &s.appended.tree_hashes {
                rows.hashes.extend_from_slice(&h.0);
            }
            match &s.private {
                Some(PrivateWrite::CreateAccount { email, password_hash, must_change_password }) => {
                    let delegate = match &entry.body {
                        EntryBody::DelegateAccredited(a) => a.delegate,
                        EntryBody::OfficerAppointed(o) => o.delegate,
                        _ => unreachable!("the sequencer refuses an account without an accreditation"),
                    };
                    rows.account_delegate.push(delegate.0 as i64);
                    rows.account_email.push(email.as_str());
                    rows.account_hash.push(password_hash.as_str());
                    rows.account_must_change.push(*must_change_password);
                    rows.account_time.push(entry.time);
                }
                Some(PrivateWrite::Blobs(blobs)) => {
                    for b in blobs {
                        rows.blob(b);
                    }
                }
                None => {}
            }
        }
        rows
    }

    /// A blob, once per batch (one statement may not insert a key twice).
    fn blob(&mut self, content: &'a [u8]) {
        let sha256 = crate::blob_hash(content).to_vec();
        if !self.blob_sha256.contains(&sha256) {
            self.blob_sha256.push(sha256);
            self.blob_bytes.push(content);
        }
    }
}

/// Whether an error leaves a commit's outcome unknown (the connection went
/// away, the server is shutting down) rather than a certain refusal.
fn outcome_unknown(e: &StoreError) -> bool {
    matches!(e, StoreError::Postgres(_))
}

/// What went wrong writing a batch: a refusal by the server (nothing was
/// committed), or a lost connection (the commit may have happened).
enum BatchError {
    Refused(StoreError),
    Lost(StoreError),
    /// The head is not the one the batch was sequenced on: another leader.
    Fenced,
}

fn classify(e: tokio_postgres::Error) -> BatchError {
    let lost = match e.code() {
        None => true,
        Some(code) => {
            let class = &code.code()[..2];
            // Connection exceptions, operator intervention (shutdown),
            // insufficient resources, system errors.
            matches!(class, "08" | "57" | "53" | "58") || *code == SqlState::T_R_SERIALIZATION_FAILURE
        }
    };
    if lost {
        BatchError::Lost(pg_err(e))
    } else {
        BatchError::Refused(pg_err(e))
    }
}

/// Whether the batch's last entry is stored: `Some(true)` with the same
/// bytes, `Some(false)` if another entry holds its index, `None` if absent.
async fn landed(pool: &Pool, idx: i64, bytes: &[u8]) -> Result<Option<bool>, StoreError> {
    let client = pool.get().await.map_err(pool_err)?;
    let row = client.query_opt("SELECT bytes FROM entries WHERE idx = $1", &[&idx]).await.map_err(pg_err)?;
    Ok(row.map(|r| r.get::<_, &[u8]>(0) == bytes))
}

impl BatchWriter for PgWriter {
    fn pipelines(&self) -> bool {
        true
    }

    fn write_batch(
        &mut self,
        batch: &[Sequenced],
        first_hash: usize,
        fence: &Fence,
        meanwhile: &mut dyn FnMut(),
    ) -> Result<(), StoreError> {
        let rows = BatchRows::new(batch, first_hash, fence);
        let (Some(&last_idx), Some(&last_bytes)) = (rows.idx.last(), rows.bytes.last()) else { return Ok(()) };
        let deadline = Instant::now() + RECONNECT_FOR;
        let c = self.c.clone();
        let pool = &c.pool;
        let mut pause = Duration::from_millis(50);
        let mut lost_before = false;
        loop {
            let lost = match self.write_once(&rows, meanwhile) {
                Ok(()) => return Ok(()),
                Err(BatchError::Refused(e)) => return Err(e),
                // After a lost connection, the first attempt's transaction
                // may have committed after `landed` looked (the server
                // notices a lost client only when it answers): the retry
                // then meets the head that attempt moved. Believe the fence
                // only once the batch is known not to be stored.
                Err(BatchError::Fenced) if lost_before => {
                    return match c.handle.block_on(landed(pool, last_idx, last_bytes)) {
                        Ok(Some(true)) => Ok(()),
                        Ok(_) => Err(StoreError::NotLeader),
                        Err(e) => Err(e),
                    }
                }
                Err(BatchError::Fenced) => return Err(StoreError::NotLeader),
                Err(BatchError::Lost(e)) => e,
            };
            // The batch before is committed: acknowledged now, not after
            // the wait for the server below.
            meanwhile();
            lost_before = true;
            tracing::warn!(error = %lost, "the database connection was lost while committing; finding out whether the batch is stored");
            // Wait for the server and find out whether the commit happened.
            loop {
                if Instant::now() > deadline {
                    return Err(StoreError::Postgres(format!(
                        "the database did not come back within {} s: {lost}",
                        RECONNECT_FOR.as_secs()
                    )));
                }
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_secs(1));
                match c.handle.block_on(landed(pool, last_idx, last_bytes)) {
                    Ok(Some(true)) => {
                        tracing::info!("the batch had been committed before the connection was lost");
                        return Ok(());
                    }
                    Ok(Some(false)) => {
                        return Err(StoreError::Postgres(format!(
                            "entry {last_idx} in the database is not the one this server wrote: another server writes this record"
                        )))
                    }
                    Ok(None) => break,
                    Err(e) if outcome_unknown(&e) => continue,
                    Err(e) => return Err(e),
                }
            }
        }
    }
}

/// Ends the database session that holds the writer's role on the database
/// at `url` (`pg_terminate_backend`), as an operator fences off a leader
/// that hangs: another server takes the role, and a batch the old leader
/// still sends is refused by the fence. Answers how many sessions it ended
/// (0 when no server leads).
pub fn end_leader_session(url: &str) -> Result<u64, StoreError> {
    let c = Connections::connect(url)?;
    let (class, object) = (WRITER_LOCK >> 32, WRITER_LOCK & 0xffff_ffff);
    let ended = c.run(move |c| async move {
        let rows = c
            .query(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted \
                 AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) \
                 AND classid::bigint = $1 AND objid::bigint = $2 AND objsubid = 1",
                &[&class, &object],
            )
            .await?;
        Ok(rows.len() as u64)
    })?;
    drop(c);
    Ok(ended)
}

/// Creates a database named `name` on the server of `admin_url` (a URL
/// to an existing database, such as `postgres`) and answers its URL: a
/// fresh, empty database for a test or a benchmark.
pub fn create_database(admin_url: &str, name: &str) -> Result<String, StoreError> {
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(StoreError::Config(format!("{name:?} is not a plain database name")));
    }
    let c = Connections::connect(admin_url)?;
    let sql = format!("CREATE DATABASE {name}");
    c.run(move |c| async move { c.batch_execute(&sql).await })?;
    drop(c);
    Ok(with_dbname(admin_url, name))
}

/// `url` with its database (the path) replaced by `name`, query kept.
fn with_dbname(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let (scheme, rest) = base.split_once("://").unwrap_or(("postgres", base));
    let authority = rest.split('/').next().unwrap_or("");
    match query {
        Some(q) => format!("{scheme}://{authority}/{name}?{q}"),
        None => format!("{scheme}://{authority}/{name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_shown_without_their_password() {
        assert_eq!(
            redact("postgres://accord:s3cret@db.example.org:5432/forum"),
            "postgres://accord:***@db.example.org:5432/forum"
        );
        assert_eq!(redact("postgres://accord@db/forum"), "postgres://accord@db/forum");
        assert_eq!(redact("postgresql://db/forum?sslmode=disable"), "postgresql://db/forum?sslmode=disable");
    }

    #[test]
    fn a_database_name_replaces_the_path() {
        assert_eq!(with_dbname("postgres://u@h:5/postgres", "t1"), "postgres://u@h:5/t1");
        assert_eq!(with_dbname("postgres://u@h:5", "t1"), "postgres://u@h:5/t1");
        assert_eq!(with_dbname("postgres://u@h/postgres?host=/tmp", "t1"), "postgres://u@h/t1?host=/tmp");
    }
}
