//! Backups: builds a record of `--backup-entries` entries in SQLite, then
//! times `accord backup` of it while the store is open (what a backup
//! beside a running server does), the check a restore makes of the file
//! (checksums and a read-only replay), and a restore into a new data
//! directory's SQLite file; with `--postgres`, a restore into PostgreSQL
//! (what a move from SQLite costs) and a backup from it.

use std::time::Instant;

use accord_store::backup;
use accord_store::{DataDir, Database};
use anyhow::Result;

use crate::common::{append_concurrently, group, new_forum, rate, temp_dir, CpuUse};
use crate::Options;

pub fn run(runtime: &tokio::runtime::Runtime, options: &Options) -> Result<()> {
    println!();
    println!("== backup: accord backup and restore of a record of {} entries", group(options.backup_entries as f64));
    let forum = new_forum()?;
    let admissions = options.backup_entries.saturating_sub(forum.store.len() as usize);
    let built = append_concurrently(runtime, &forum.store, 256, admissions, "K")?;
    let entries = forum.store.len() as usize;
    println!(
        "built with 256 writers: {} entries in {:.1} s; SQLite file {:.1} MiB",
        group(entries as f64),
        built.took.as_secs_f64(),
        mib(sqlite_bytes(&forum.path))
    );
    let key = accord_log::checkpoint::LogSigner::generate("bench.local/backup")?;
    let quiet = |_: &str, _: u64, _: u64| {};
    let files = temp_dir()?;

    let file = files.path().join("sqlite.accord-backup");
    let cpu = CpuUse::start();
    let started = Instant::now();
    let written = backup::backup(&Database::Sqlite(forum.path.clone()), &key, &file, false, &quiet)?;
    let took = started.elapsed();
    println!(
        "backup from SQLite (store open): {:.2} s, {} entries/s, file {:.1} MiB; {}",
        took.as_secs_f64(),
        group(rate(written.entries as usize, took)),
        mib(written.bytes),
        cpu.report_process()
    );
    let crate::common::Forum { store, path: _path, dir: _dir } = forum;
    store.shutdown();
    drop(store);

    let cpu = CpuUse::start();
    let started = Instant::now();
    backup::check(&file, None, &quiet)?;
    let took = started.elapsed();
    println!(
        "check of the file (checksums, read-only replay): {:.2} s, {} entries/s; {}",
        took.as_secs_f64(),
        group(rate(entries, took)),
        cpu.report_process()
    );

    let target = temp_dir()?;
    let dir = DataDir::open(&target.path().join("forum"))?;
    let cpu = CpuUse::start();
    let started = Instant::now();
    let restored = backup::restore(&file, None, &dir, &Database::Sqlite(dir.database()), &quiet)?;
    let took = started.elapsed();
    println!(
        "restore into SQLite (the check included): {:.2} s, {} entries/s; {}",
        took.as_secs_f64(),
        group(rate(restored.entries as usize, took)),
        cpu.report_process()
    );

    if let Some(admin) = &options.postgres {
        let name = format!("accord_bench_backup_{}", std::process::id());
        let url = accord_store::postgres::create_database(admin, &name)?;
        let target = temp_dir()?;
        let dir = DataDir::open(&target.path().join("forum"))?;
        let cpu = CpuUse::start();
        let started = Instant::now();
        backup::restore(&file, None, &dir, &Database::Postgres(url.clone()), &quiet)?;
        let took = started.elapsed();
        println!(
            "restore into PostgreSQL (the check included): {:.2} s, {} entries/s; {}",
            took.as_secs_f64(),
            group(rate(entries, took)),
            cpu.report_process()
        );
        let file = files.path().join("postgres.accord-backup");
        let cpu = CpuUse::start();
        let started = Instant::now();
        let written = backup::backup(&Database::Postgres(url), &key, &file, false, &quiet)?;
        let took = started.elapsed();
        println!(
            "backup from PostgreSQL: {:.2} s, {} entries/s, file {:.1} MiB; {}",
            took.as_secs_f64(),
            group(rate(written.entries as usize, took)),
            mib(written.bytes),
            cpu.report_process()
        );
    }
    Ok(())
}

/// The bytes of an SQLite file with its write-ahead log.
fn sqlite_bytes(path: &std::path::Path) -> u64 {
    let wal = path.with_file_name(format!("{}-wal", path.file_name().unwrap_or_default().to_string_lossy()));
    [path.to_path_buf(), wal].iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum()
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}
