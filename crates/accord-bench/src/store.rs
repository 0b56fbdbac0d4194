//! Durable appends per second through `Store::submit`, beside the raw
//! limit: plain SQLite with the same settings and the same row size, with
//! as many rows per committed transaction as there are writers. With
//! `--postgres URL`, the same on PostgreSQL in the same run: the store on a
//! fresh database, and raw inserts with the same batching (the
//! statement the store's committer uses, `INSERT … SELECT FROM unnest`,
//! `synchronous_commit = on`).

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use accord_store::schema::connect;
use anyhow::Result;
use rusqlite::params;

use crate::common::{append_concurrently, group, new_forum, rate, temp_dir, CpuUse};
use crate::Options;

/// The target for 256 concurrent writers.
const TARGET_256: f64 = 100_000.0;

struct AccordRun {
    writers: usize,
    entries: usize,
    took: Duration,
    commits: u64,
    commit_time: Duration,
    sample: Vec<u8>,
    cpu: String,
    /// Rows the store wrote beside the entries for the Merkle tree's stored
    /// hashes, and the hashes in them (where this version keeps them).
    tree_rows: Option<(u64, u64)>,
}

struct RawRun {
    rows: usize,
    per_commit: usize,
    took: Duration,
    commits: u64,
    cpu: String,
}

pub fn run(runtime: &tokio::runtime::Runtime, options: &Options) -> Result<()> {
    println!();
    println!("== store: durable appends (Store::submit of AdmitMember, as Principal::System)");
    println!(
        "each run: a fresh forum (init_forum) in a fresh temporary directory; every submit resolves after its \
         commit (WAL, synchronous=FULL)"
    );
    let mut pairs = Vec::new();
    for (writers, entries) in [(1, options.entries_1), (16, options.entries), (256, options.entries)] {
        let accord = accord_run(runtime, writers, entries)?;
        let raw = raw_run(entries, writers, &accord.sample)?;
        print_pair(&accord, &raw);
        pairs.push((accord, raw));
    }
    println!();
    println!(
        "{:>8} {:>9} {:>12} {:>9} {:>12} {:>13} | {:>11} {:>12} {:>8}",
        "writers",
        "entries",
        "entries/s",
        "commits",
        "entries/txn",
        "commit_batch",
        "raw rows/txn",
        "raw rows/s",
        "accord/raw"
    );
    for (a, r) in &pairs {
        println!(
            "{:>8} {:>9} {:>12} {:>9} {:>12.1} {:>13} | {:>11} {:>12} {:>8.2}",
            a.writers,
            a.entries,
            group(rate(a.entries, a.took)),
            a.commits,
            a.entries as f64 / a.commits.max(1) as f64,
            format!("{:.0} us", a.commit_time.as_secs_f64() * 1e6 / a.commits.max(1) as f64),
            r.per_commit,
            group(rate(r.rows, r.took)),
            rate(a.entries, a.took) / rate(r.rows, r.took),
        );
    }
    if let Some(admin) = &options.postgres {
        postgres_runs(runtime, options, admin, &pairs)?;
    }
    if let Some((a, _)) = pairs.iter().find(|(a, _)| a.writers == 256) {
        let got = rate(a.entries, a.took);
        println!(
            "target at 256 writers: >= {} entries/s: {} ({})",
            group(TARGET_256),
            if got >= TARGET_256 { "met" } else { "missed" },
            group(got)
        );
    }
    Ok(())
}

fn print_pair(a: &AccordRun, r: &RawRun) {
    println!(
        "  accord, {:>3} writers: {:>7} entries in {:>7.3} s = {:>9} entries/s; {} commits ({:.1} entries each; \
         {:.0} us in commit_batch each); entry size {} bytes; {}",
        a.writers,
        a.entries,
        a.took.as_secs_f64(),
        group(rate(a.entries, a.took)),
        a.commits,
        a.entries as f64 / a.commits.max(1) as f64,
        a.commit_time.as_secs_f64() * 1e6 / a.commits.max(1) as f64,
        a.sample.len(),
        a.cpu
    );
    if let Some((rows, hashes)) = a.tree_rows {
        println!(
            "    the store also wrote {} tree hashes of 32 bytes ({:.2} per entry) in {} rows ({:.2} per entry) \
             in the same transactions",
            group(hashes as f64),
            hashes as f64 / a.entries as f64,
            group(rows as f64),
            rows as f64 / a.entries as f64
        );
    }
    println!(
        "  raw SQLite, {:>3} rows/txn: {:>7} rows in {:>7.3} s = {:>9} rows/s; {} commits; {}",
        r.per_commit,
        r.rows,
        r.took.as_secs_f64(),
        group(rate(r.rows, r.took)),
        r.commits,
        r.cpu
    );
}

/// The PostgreSQL runs, then both stores side by side.
fn postgres_runs(
    runtime: &tokio::runtime::Runtime,
    options: &Options,
    admin: &str,
    sqlite: &[(AccordRun, RawRun)],
) -> Result<()> {
    println!();
    println!(
        "== store on PostgreSQL ({}): the same appends, synchronous_commit = on",
        accord_store::Database::Postgres(admin.into()).describe()
    );
    let tag = std::process::id();
    let mut runs = Vec::new();
    for (writers, entries) in [(1, options.entries_1), (16, options.entries), (256, options.entries)] {
        let url = accord_store::postgres::create_database(admin, &format!("bench_store_{tag}_{writers}"))?;
        let dir = temp_dir()?;
        let path = dir.path().join("unused");
        let forum = crate::common::new_forum_in(dir, path, &accord_store::Database::Postgres(url))?;
        let accord = measure(runtime, &forum, writers, entries)?;
        drop(forum);
        let url = accord_store::postgres::create_database(admin, &format!("bench_raw_{tag}_{writers}"))?;
        let raw = raw_postgres(runtime, &url, entries, writers, &accord.sample)?;
        println!(
            "  accord on PostgreSQL, {:>3} writers: {:>7} entries in {:>7.3} s = {:>9} entries/s; {} commits ({:.1} entries each, {:.0} us each on average); {}",
            accord.writers,
            accord.entries,
            accord.took.as_secs_f64(),
            group(rate(accord.entries, accord.took)),
            accord.commits,
            accord.entries as f64 / accord.commits.max(1) as f64,
            accord.commit_time.as_secs_f64() * 1e6 / accord.commits.max(1) as f64,
            accord.cpu
        );
        println!(
            "  raw PostgreSQL, {:>3} rows/txn: {:>7} rows in {:>7.3} s = {:>9} rows/s; {} commits; {}",
            raw.per_commit,
            raw.rows,
            raw.took.as_secs_f64(),
            group(rate(raw.rows, raw.took)),
            raw.commits,
            raw.cpu
        );
        // The same inserts at the store's own rows per commit (its writers
        // wait for their acknowledgement, so a commit holds what arrived
        // during the one before): what the database gives at the batching
        // the store achieved, beside the batching it could at best.
        let achieved = (accord.entries as f64 / accord.commits.max(1) as f64).round().max(1.0) as usize;
        if achieved != writers {
            let url = accord_store::postgres::create_database(admin, &format!("bench_raw_{tag}_{writers}_achieved"))?;
            let same = raw_postgres(runtime, &url, entries, achieved, &accord.sample)?;
            let beside = |what: &str, other: &RawRun| {
                println!(
                    "  {what} at {:>3} rows/txn: {:>9} rows/s; the store is {:.2} of it",
                    other.per_commit,
                    group(rate(other.rows, other.took)),
                    rate(accord.entries, accord.took) / rate(other.rows, other.took)
                )
            };
            beside("raw PostgreSQL at the store's", &same);
            // The store's own statement (fence, entries, tree hashes,
            // notification) sent alone at that batching, one after the
            // other: what the database costs the store, without the store.
            let url = accord_store::postgres::create_database(admin, &format!("bench_statement_{tag}_{writers}"))?;
            beside(
                "the store's statement alone",
                &store_statement_alone(runtime, &url, entries, achieved, &accord.sample)?,
            );
        }
        runs.push((accord, raw));
    }
    println!();
    println!("both stores, entries/s (ratio to the raw database with the same batching, in this run):");
    println!(
        "{:>8} | {:>12} {:>12} {:>7} | {:>12} {:>12} {:>7}",
        "writers", "SQLite", "raw SQLite", "ratio", "PostgreSQL", "raw PG", "ratio"
    );
    for ((s, sr), (p, pr)) in sqlite.iter().zip(&runs) {
        println!(
            "{:>8} | {:>12} {:>12} {:>7.2} | {:>12} {:>12} {:>7.2}",
            s.writers,
            group(rate(s.entries, s.took)),
            group(rate(sr.rows, sr.took)),
            rate(s.entries, s.took) / rate(sr.rows, sr.took),
            group(rate(p.entries, p.took)),
            group(rate(pr.rows, pr.took)),
            rate(p.entries, p.took) / rate(pr.rows, pr.took),
        );
    }
    if let Some((p, pr)) = runs.iter().find(|(p, _)| p.writers == 256) {
        let ratio = rate(p.entries, p.took) / rate(pr.rows, pr.took);
        println!(
            "target on PostgreSQL at 256 writers: >= 0.50 of raw inserts with the same batching: {} ({ratio:.2})",
            if ratio >= 0.5 { "met" } else { "missed" }
        );
    }
    Ok(())
}

/// Inserts `rows` copies of `row` into a plain table `(idx bigint primary
/// key, bytes bytea)`, `per_commit` rows per transaction, each transaction
/// one `INSERT … SELECT FROM unnest` statement (one round trip),
/// `synchronous_commit = on`. No Accord code.
fn raw_postgres(
    runtime: &tokio::runtime::Runtime,
    url: &str,
    rows: usize,
    per_commit: usize,
    row: &[u8],
) -> Result<RawRun> {
    let cpu = CpuUse::start();
    let (took, commits) = runtime.block_on(async {
        let mut config: tokio_postgres::Config = url.parse()?;
        config.options("-c synchronous_commit=on");
        let (client, connection) = config.connect(tokio_postgres::NoTls).await?;
        tokio::spawn(connection);
        client.batch_execute("CREATE TABLE entries (idx BIGINT PRIMARY KEY, bytes BYTEA NOT NULL)").await?;
        let insert =
            client.prepare("INSERT INTO entries (idx, bytes) SELECT * FROM unnest($1::bigint[], $2::bytea[])").await?;
        let started = Instant::now();
        let (mut idx, mut commits) = (0usize, 0u64);
        while idx < rows {
            let n = per_commit.min(rows - idx);
            let indexes: Vec<i64> = (idx..idx + n).map(|i| i as i64).collect();
            let bytes: Vec<&[u8]> = vec![row; n];
            // One statement is one transaction: one round trip, as the
            // store's committer writes a batch.
            client.execute(&insert, &[&indexes, &bytes]).await?;
            idx += n;
            commits += 1;
        }
        anyhow::Ok((started.elapsed(), commits))
    })?;
    Ok(RawRun { rows, per_commit, took, commits, cpu: cpu.report_process() })
}

fn accord_run(runtime: &tokio::runtime::Runtime, writers: usize, entries: usize) -> Result<AccordRun> {
    let forum = new_forum()?;
    let mut run = measure(runtime, &forum, writers, entries)?;
    let conn = connect(&forum.path)?;
    run.tree_rows = tree_rows(&conn)?;
    Ok(run)
}

/// Appends through the store of `forum` and stops it.
fn measure(
    runtime: &tokio::runtime::Runtime,
    forum: &crate::common::Forum,
    writers: usize,
    entries: usize,
) -> Result<AccordRun> {
    let metrics = forum.store.metrics();
    let commits_before = metrics.commits.load(Ordering::Relaxed);
    let micros_before = metrics.commit_micros_total.load(Ordering::Relaxed);
    let cpu = CpuUse::start();
    let appends = append_concurrently(runtime, &forum.store, writers, entries, "B")?;
    let cpu = cpu.report();
    let commits = metrics.commits.load(Ordering::Relaxed) - commits_before;
    let micros = metrics.commit_micros_total.load(Ordering::Relaxed) - micros_before;
    forum.store.shutdown();
    Ok(AccordRun {
        writers,
        entries: appends.entries,
        took: appends.took,
        commits,
        commit_time: Duration::from_micros(micros),
        sample: appends.sample,
        cpu,
        tree_rows: None,
    })
}

/// Inserts `rows` copies of `row` into a plain table with Accord's
/// connection settings, `per_commit` rows per committed transaction. No
/// Accord code but `connect`.
fn raw_run(rows: usize, per_commit: usize, row: &[u8]) -> Result<RawRun> {
    let dir = temp_dir()?;
    let mut conn = connect(&dir.path().join("raw.sqlite3"))?;
    conn.execute_batch("CREATE TABLE entries (idx INTEGER PRIMARY KEY, bytes BLOB)")?;
    let cpu = CpuUse::start();
    let started = Instant::now();
    let mut idx = 0;
    let mut commits = 0;
    while idx < rows {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        {
            let mut insert = tx.prepare_cached("INSERT INTO entries (idx, bytes) VALUES (?1, ?2)")?;
            for _ in 0..per_commit.min(rows - idx) {
                insert.execute(params![idx as i64, row])?;
                idx += 1;
            }
        }
        tx.commit()?;
        commits += 1;
    }
    let took = started.elapsed();
    Ok(RawRun { rows, per_commit, took, commits, cpu: cpu.report_process() })
}

/// Rows and hashes of the Merkle tree's stored hashes in the file: one row
/// per hash in `tree_hashes` (schema 1), one row per batch in
/// `tree_hash_runs` (schema 2). `None` before the tree existed.
pub fn tree_rows(conn: &rusqlite::Connection) -> Result<Option<(u64, u64)>> {
    let table = |name: &str| -> Result<bool> {
        Ok(conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
            [name],
            |r| r.get(0),
        )?)
    };
    if !table("tree_hashes")? {
        return Ok(None);
    }
    let (mut rows, mut hashes): (i64, i64) =
        conn.query_row("SELECT count(*), count(*) FROM tree_hashes", [], |r| Ok((r.get(0)?, r.get(1)?)))?;
    if table("tree_hash_runs")? {
        let (r, h): (i64, i64) =
            conn.query_row("SELECT count(*), coalesce(sum(length(hashes)) / 32, 0) FROM tree_hash_runs", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        rows += r;
        hashes += h;
    }
    Ok(Some((rows as u64, hashes as u64)))
}

/// Sends the store's batch statement (`accord_store::postgres::BATCH`)
/// alone: `rows` copies of `row` in batches of `per_commit`, each with two
/// tree hashes per entry and a fence moved from the head the last left, on
/// a database a store made (its tables and head) and left. No sequencing,
/// no state, no acknowledgements.
fn store_statement_alone(
    runtime: &tokio::runtime::Runtime,
    url: &str,
    rows: usize,
    per_commit: usize,
    row: &[u8],
) -> Result<RawRun> {
    {
        let dir = temp_dir()?;
        let path = dir.path().join("unused");
        let forum = crate::common::new_forum_in(dir, path, &accord_store::Database::Postgres(url.into()))?;
        forum.store.shutdown();
    }
    let cpu = CpuUse::start();
    let (took, commits) = runtime.block_on(async {
        let mut config: tokio_postgres::Config = url.parse()?;
        config.options("-c synchronous_commit=on");
        let (client, connection) = config.connect(tokio_postgres::NoTls).await?;
        tokio::spawn(connection);
        let head = client.query_one("SELECT term, size, root FROM accord_head WHERE id = 1", &[]).await?;
        let (term, mut size, mut root): (i64, i64, Vec<u8>) = (head.get(0), head.get(1), head.get(2));
        let runs = client.query_one("SELECT COALESCE(MAX(first), 0) + 1000000 FROM tree_hash_runs", &[]).await?;
        let mut first_hash: i64 = runs.get(0);
        let batch = client.prepare(accord_store::postgres::BATCH).await?;
        let (no_bytes, no_slices): (Vec<Vec<u8>>, Vec<&[u8]>) = (Vec::new(), Vec::new());
        let (no_ids, no_texts, no_flags): (Vec<i64>, Vec<&str>, Vec<bool>) = (Vec::new(), Vec::new(), Vec::new());
        let started = Instant::now();
        let (mut done, mut commits) = (0usize, 0u64);
        while done < rows {
            let n = per_commit.min(rows - done);
            let idx: Vec<i64> = (0..n as i64).map(|i| size + i).collect();
            let bytes: Vec<&[u8]> = vec![row; n];
            let hashes = vec![commits as u8; 64 * n];
            let (new_size, new_root) = (size + n as i64, vec![(commits % 251) as u8; 32]);
            let answer = client
                .query(
                    &batch,
                    &[
                        &idx,
                        &bytes,
                        &first_hash,
                        &hashes,
                        &no_bytes,
                        &no_slices,
                        &no_ids,
                        &no_texts,
                        &no_texts,
                        &no_flags,
                        &no_ids,
                        &term,
                        &size,
                        &root,
                        &new_size,
                        &new_root,
                    ],
                )
                .await?;
            anyhow::ensure!(answer.len() == 1, "the fence refused a batch");
            (size, root) = (new_size, new_root);
            first_hash += 2 * n as i64;
            done += n;
            commits += 1;
        }
        anyhow::Ok((started.elapsed(), commits))
    })?;
    Ok(RawRun { rows, per_commit, took, commits, cpu: cpu.report_process() })
}
