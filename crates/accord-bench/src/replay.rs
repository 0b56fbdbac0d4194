//! Replay at open: builds a record, closes it, times `Store::open`, then
//! times its parts separately (reading the rows, decoding, applying,
//! cloning the state) so that it is plain where the time goes.

use std::time::{Duration, Instant};

use accord_domain::{Entry, State};
use accord_store::schema::connect;
use accord_store::Store;
use anyhow::{bail, Result};

use crate::common::{append_concurrently, group, ms, new_forum, rate, CpuUse};
use crate::Options;

const TARGET: f64 = 500_000.0;

pub fn run(runtime: &tokio::runtime::Runtime, options: &Options) -> Result<()> {
    println!();
    println!("== replay: Store::open of a record of {} entries", group(options.replay_entries as f64));
    let forum = new_forum()?;
    // init_forum wrote two entries; the rest admit organisations.
    let admissions = options.replay_entries.saturating_sub(forum.store.len() as usize);
    let built = append_concurrently(runtime, &forum.store, 256, admissions, "R")?;
    println!(
        "built with 256 writers: {} entries in {:.3} s ({} entries/s); file {:.1} MiB",
        group(built.entries as f64),
        built.took.as_secs_f64(),
        group(rate(built.entries, built.took)),
        file_size(&forum.path) as f64 / (1024.0 * 1024.0)
    );
    let crate::common::Forum { store, path, dir: _dir } = forum;
    store.shutdown();
    drop(store);

    let cpu = CpuUse::start();
    let started = Instant::now();
    let reopened = Store::open(&path)?;
    let open_wall = started.elapsed();
    let open_cpu = cpu.report_process();
    let (entries, replay) = reopened.replay;
    drop(reopened);
    let entries = entries as usize;

    // The parts, each on its own.
    let conn = connect(&path)?;
    let cpu = CpuUse::start();
    let mut parts: Vec<(&str, Duration)> = Vec::new();
    let started = Instant::now();
    let (rows, bytes_read) = {
        let mut stmt = conn.prepare("SELECT idx, bytes FROM entries ORDER BY idx")?;
        let mut rows = stmt.query([])?;
        let (mut n, mut total) = (0usize, 0usize);
        while let Some(row) = rows.next()? {
            let _index: i64 = row.get(0)?;
            total += row.get_ref(1)?.as_blob()?.len();
            n += 1;
        }
        (n, std::hint::black_box(total))
    };
    parts.push(("read entries rows (no decoding)", started.elapsed()));
    // The Merkle tree's stored hashes, which the replay reads first, where
    // this version of the store keeps them.
    let tree = crate::store::tree_rows(&conn)?;
    let has_tree = tree.is_some();
    let mut tree_rows = 0usize;
    if has_tree {
        let started = Instant::now();
        let runs: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tree_hash_runs')",
            [],
            |r| r.get(0),
        )?;
        let sql = if runs {
            "SELECT idx, hash FROM tree_hashes UNION ALL SELECT first, hashes FROM tree_hash_runs ORDER BY 1"
        } else {
            "SELECT idx, hash FROM tree_hashes ORDER BY idx"
        };
        let mut stmt = conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let _index: i64 = row.get(0)?;
            std::hint::black_box(row.get_ref(1)?.as_blob()?);
            tree_rows += 1;
        }
        parts.push(("read the tree's stored hashes", started.elapsed()));
    }
    let stored: Vec<Vec<u8>> = {
        let mut stmt = conn.prepare("SELECT bytes FROM entries ORDER BY idx")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let started = Instant::now();
    let decoded: Vec<Entry> = stored.iter().map(|b| Entry::decode(b)).collect::<Result<_, _>>()?;
    parts.push(("Entry::decode of every entry", started.elapsed()));
    let started = Instant::now();
    let mut state = State::new();
    for entry in &decoded {
        state.apply(entry)?;
    }
    parts.push(("State::apply of every entry", started.elapsed()));
    if has_tree {
        let started = Instant::now();
        for bytes in &stored {
            std::hint::black_box(accord_log::leaf_hash(bytes));
        }
        parts.push(("leaf_hash (SHA-256) of every entry", started.elapsed()));
    }
    let started = Instant::now();
    let copy = std::hint::black_box(state.clone());
    let clone = started.elapsed();
    drop(copy);
    let parts_cpu = cpu.report_process();
    if rows != entries || decoded.len() != entries {
        bail!("the record holds {rows} rows but the replay folded {entries} entries");
    }

    let replay_rate = rate(entries, replay);
    println!(
        "Store::open: replay of {} entries took {} = {} entries/s (store.replay); whole open {}",
        group(entries as f64),
        ms(replay),
        group(replay_rate),
        ms(open_wall)
    );
    println!("  during the open: {open_cpu}");
    println!("the parts, measured one by one on the same file (page cache warm):");
    let total: Duration = parts.iter().map(|(_, d)| *d).sum();
    for (what, took) in &parts {
        println!(
            "  {what:<36} {:>12}  {:>11} entries/s  {:>5.1}% of the parts",
            ms(*took),
            group(rate(entries, *took)),
            100.0 * took.as_secs_f64() / total.as_secs_f64().max(1e-9)
        );
    }
    println!(
        "  {:<36} {:>12}  {:>11} entries/s  (the replay took {:.2}x this)",
        "sum of the parts",
        ms(total),
        group(rate(entries, total)),
        replay.as_secs_f64() / total.as_secs_f64().max(1e-9)
    );
    println!(
        "  {:<36} {:>12}  (the writer thread makes this copy after Store::open has returned)",
        "State::clone of the result",
        ms(clone)
    );
    if has_tree {
        let hashes = tree.map_or(0, |(_, h)| h);
        println!(
            "  tree hashes: {} ({:.2} per entry) in {} rows",
            group(hashes as f64),
            hashes as f64 / rows as f64,
            group(tree_rows as f64)
        );
    }
    println!("  during the parts: {parts_cpu}");
    println!(
        "  bytes read: {:.1} MiB, {:.0} bytes per entry",
        bytes_read as f64 / 1048576.0,
        bytes_read as f64 / rows as f64
    );
    println!(
        "target: >= {} entries/s: {} ({})",
        group(TARGET),
        if replay_rate >= TARGET { "met" } else { "missed" },
        group(replay_rate)
    );
    Ok(())
}

fn file_size(path: &std::path::Path) -> u64 {
    let wal = path.with_extension("sqlite3-wal");
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) + std::fs::metadata(wal).map(|m| m.len()).unwrap_or(0)
}
