//! `accord-bench`: measures Accord's store, replay and HTTP server, and
//! prints the figures with the machine they ran on.
//!
//! Every benchmark works on a fresh temporary directory holding a real
//! SQLite file with Accord's settings (WAL, `synchronous=FULL`). Nothing
//! here passes or fails: it prints figures, with the product's targets
//! beside them, for a person to read.
//!
//! ```text
//! cargo run --release -p accord-bench -- all
//! cargo run --release -p accord-bench -- store --entries-1 20000 --entries 100000
//! cargo run --release -p accord-bench -- replay --replay-entries 200000
//! cargo run --release -p accord-bench -- http --seconds 10 --clients 64
//! cargo run --release -p accord-bench -- log --log-entries 1000000
//! cargo run --release -p accord-bench -- negotiation --seconds 10 --clients 64
//! cargo run --release -p accord-bench -- decisions
//! cargo run --release -p accord-bench -- docx
//! cargo run --release -p accord-bench -- consult --consult-participants 100000
//! cargo run --release -p accord-bench -- consult --planted-sweep
//! scripts/red-dwarf-bench.sh --consult-participants 100000 --consult-statements 2000
//! cargo build --release -p accord && cargo run --release -p accord-bench -- hostile
//! cargo build --release -p accord && cargo run --release -p accord-bench -- cluster --postgres URL
//! ```

mod backup;
mod cluster;
mod common;
mod consult;
mod consult_http;
mod consult_red_dwarf;
mod decisions;
mod docx;
mod hostile;
mod http;
mod log;
mod machine;
mod negotiation;
mod replay;
mod store;

use anyhow::Result;
use clap::error::ErrorKind;
use clap::{Args, CommandFactory, Parser, Subcommand};

/// The allocator the `accord` binary uses, so that the figures are its own.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Benchmarks of Accord's store, replay and HTTP server: prints figures and
/// the machine they ran on.
#[derive(Debug, Parser)]
#[command(name = "accord-bench", version)]
struct Cli {
    #[command(subcommand)]
    benchmark: Benchmark,
    #[command(flatten)]
    options: Options,
}

/// Which benchmark to run. Every flag is accepted by every benchmark (and
/// used by those it concerns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Subcommand)]
enum Benchmark {
    /// Durable appends per second through Store::submit at 1, 16 and 256
    /// writers, beside plain SQLite inserts with the same settings
    Store,
    /// Builds a record, then times Store::open (the replay) and its parts
    Replay,
    /// The real application on loopback: GET /healthz, GET /members, POST
    /// /api/v1/members, member-signed POST /api/v1/actions, and inclusion
    /// proofs (one client, then many), by keep-alive clients
    Http,
    /// Sequencing with the Merkle tree, tiles and checkpoint signing in
    /// process, beside raw SHA-256; then accord verify of that record (a
    /// mirrored directory), replay included
    Log,
    /// A process of 100 articles, 5,000 proposals and 20,000 positions: the
    /// rolling text, a redline of the whole text, and the rolling-text page
    /// over HTTP (uses --seconds and --clients)
    Negotiation,
    /// Word documents of the negotiation benchmark's process: the rolling
    /// text as a .docx (target under 300 ms) and in Akoma Ntoso (under
    /// 100 ms); the compilation, the redline of the whole text, and import;
    /// then the import of the European Commission's Akoma Ntoso document
    /// (under 200 ms)
    Docx,
    /// The demonstration forum: 193 delegations register present and vote
    /// at once, and live event streams receive the events
    Decisions,
    /// The release `accord serve` (beside this binary) with the
    /// demonstration forum: resident memory before and after
    /// --hostile-requests requests with made-up methods, random paths and
    /// random headers
    Hostile,
    /// The consultation engine: reading and analysing the largest Polis
    /// conversation in the repository, then a planted conversation of
    /// --consult-participants participants
    Consult,
    /// A record of --backup-entries entries in SQLite: accord backup of it
    /// while the store is open, the check of the file, a restore into
    /// SQLite; with --postgres, a restore into PostgreSQL and a backup
    /// from it
    Backup,
    /// Three release `accord serve` (beside this binary) on one PostgreSQL
    /// database (--postgres): writes at the leader with one, two and three
    /// servers running, reads over the three, and the time from the
    /// leader's SIGKILL to the first write acknowledged by another
    Cluster,
    /// store, replay, http, log, negotiation, docx, decisions and consult,
    /// in that order (not hostile, backup nor cluster)
    All,
}

/// What to run and how much of it.
#[derive(Debug, Clone, Args)]
pub struct Options {
    /// Entries appended by the single writer (one fsync each).
    #[arg(long = "entries-1", value_name = "N", default_value_t = 20_000, global = true)]
    pub entries_1: usize,
    /// Entries appended at 16 and at 256 concurrent writers.
    #[arg(long, value_name = "N", default_value_t = 100_000, global = true)]
    pub entries: usize,
    /// A PostgreSQL server (a URL to an existing database, e.g.
    /// postgres://postgres@127.0.0.1:5432/postgres): `store` then also
    /// measures the PostgreSQL store and raw PostgreSQL inserts, each run
    /// in a database of its own made there (CREATE DATABASE).
    #[arg(long, value_name = "URL", global = true)]
    pub postgres: Option<String>,
    /// Entries in the record that `replay` builds and then reopens.
    #[arg(long, value_name = "N", default_value_t = 200_000, global = true)]
    pub replay_entries: usize,
    /// Seconds each HTTP scenario runs.
    #[arg(long, value_name = "S", default_value_t = 10, global = true)]
    pub seconds: u64,
    /// Concurrent HTTP clients, each on one keep-alive connection.
    #[arg(long, value_name = "N", default_value_t = 64, global = true)]
    pub clients: usize,
    /// Entries the `log` benchmark sequences, and `accord verify` checks.
    #[arg(long, value_name = "N", default_value_t = 1_000_000, global = true)]
    pub log_entries: usize,
    /// Entries added before the inclusion-proof scenario, so that proofs
    /// have a realistic depth.
    #[arg(long, value_name = "N", default_value_t = 100_000, global = true)]
    pub proof_entries: usize,
    /// Entries in the record that `backup` builds, backs up and restores.
    #[arg(long, value_name = "N", default_value_t = 1_000_000, global = true)]
    pub backup_entries: usize,
    /// Hostile requests the `hostile` benchmark sends.
    #[arg(long, value_name = "N", default_value_t = 100_000, global = true)]
    pub hostile_requests: usize,
    /// Participants of the planted conversation `consult` analyses.
    #[arg(long, value_name = "N", default_value_t = 100_000, global = true)]
    pub consult_participants: usize,
    /// Statements of the planted conversation.
    #[arg(long, value_name = "N", default_value_t = 1_000, global = true)]
    pub consult_statements: usize,
    /// Votes each participant of the planted conversation casts.
    #[arg(long, value_name = "N", default_value_t = 50, global = true)]
    pub consult_votes_each: usize,
    /// `consult` runs only the planted sweep: 2 to 5 groups planted at
    /// 100 × 50, 1,000 × 200, 10,000 × 1,000 and 100,000 × 10,000, failing
    /// (exit status 1) when the groups found have an ARI below 0.98.
    #[arg(long, global = true)]
    pub planted_sweep: bool,
    /// `consult` runs only the comparison with red-dwarf, under this Python
    /// (one with the `red-dwarf` package: see scripts/red-dwarf-bench.sh).
    #[arg(long, value_name = "PYTHON", global = true)]
    pub red_dwarf: Option<std::path::PathBuf>,
    /// Address-space limit of red-dwarf's process, in GiB (none by default).
    #[arg(long, value_name = "GIB", global = true)]
    pub red_dwarf_memory_gb: Option<f64>,
}

/// The benchmark and its options from the command line; exits with the
/// usage on an error, as clap does.
fn parse_args() -> (Benchmark, Options) {
    let Cli { benchmark, options } = Cli::parse();
    if let Err(message) = check(&options) {
        Cli::command().error(ErrorKind::ValueValidation, message).exit();
    }
    (benchmark, options)
}

/// The bounds the benchmarks need.
fn check(options: &Options) -> Result<(), &'static str> {
    if options.entries_1 == 0 || options.entries < 256 || options.replay_entries == 0 || options.log_entries < 2 {
        return Err(
            "--entries-1 and --replay-entries must be at least 1, --entries at least 256, --log-entries at least 2",
        );
    }
    if options.consult_participants == 0 {
        return Err("--consult-participants must be at least 1");
    }
    if options.seconds == 0 || options.clients == 0 {
        return Err("--seconds and --clients must be at least 1");
    }
    Ok(())
}

fn main() -> Result<()> {
    accord_server::allocator::keep_freed_memory();
    let (benchmark, options) = parse_args();
    let runs = |b: Benchmark| {
        benchmark == b
            || (benchmark == Benchmark::All
                && !matches!(b, Benchmark::Hostile | Benchmark::Backup | Benchmark::Cluster))
    };
    let started = std::time::Instant::now();
    machine::print();
    println!(
        "options: --entries-1 {} --entries {} --replay-entries {} --seconds {} --clients {} --log-entries {} \
         --proof-entries {} --hostile-requests {} --consult-participants {}",
        options.entries_1,
        options.entries,
        options.replay_entries,
        options.seconds,
        options.clients,
        options.log_entries,
        options.proof_entries,
        options.hostile_requests,
        options.consult_participants
    );
    let runtime = common::runtime()?;
    if runs(Benchmark::Store) {
        store::run(&runtime, &options)?;
    }
    if runs(Benchmark::Replay) {
        replay::run(&runtime, &options)?;
    }
    if runs(Benchmark::Http) {
        http::run(&runtime, &options)?;
    }
    if runs(Benchmark::Log) {
        log::run(&options)?;
    }
    if runs(Benchmark::Negotiation) {
        negotiation::run(&runtime, &options)?;
    }
    if runs(Benchmark::Docx) {
        docx::run()?;
    }
    if runs(Benchmark::Decisions) {
        decisions::run(&runtime, &options)?;
    }
    if runs(Benchmark::Consult) {
        if options.planted_sweep {
            consult::sweep()?;
        } else if let Some(python) = &options.red_dwarf {
            consult_red_dwarf::run(&options, python)?;
        } else {
            consult::run(&options)?;
            consult_http::run(&runtime, &options)?;
        }
    }
    if runs(Benchmark::Backup) {
        backup::run(&runtime, &options)?;
    }
    if runs(Benchmark::Hostile) {
        hostile::run(&runtime, &options)?;
    }
    if runs(Benchmark::Cluster) {
        cluster::run(&runtime, &options)?;
    }
    println!();
    println!("total time: {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `accord-bench` command BENCHMARKS.md and this file's
    /// documentation show parses, to the benchmark and options it names.
    #[test]
    fn the_documented_commands_parse() {
        let benchmarks = include_str!("../../../BENCHMARKS.md");
        let commands: Vec<&str> = benchmarks
            .lines()
            .chain(include_str!("main.rs").lines())
            .filter_map(|line| line.split("accord-bench").nth(1).filter(|_| line.contains("release")))
            .map(|rest| rest.trim_start_matches(" --").trim())
            .filter(|rest| rest.split_whitespace().next().is_some_and(|w| w.chars().all(|c| c.is_ascii_lowercase())))
            .collect();
        assert!(commands.len() >= 14, "{commands:?}");
        for command in commands {
            let args = std::iter::once("accord-bench").chain(command.split_whitespace());
            let cli = Cli::try_parse_from(args).unwrap_or_else(|e| panic!("`accord-bench {command}`: {e}"));
            assert_eq!(check(&cli.options), Ok(()), "`accord-bench {command}`");
        }
        let cli = Cli::try_parse_from([
            "accord-bench",
            "http",
            "--seconds",
            "4",
            "--clients",
            "8",
            "--proof-entries",
            "2000",
        ])
        .unwrap();
        assert_eq!(cli.benchmark, Benchmark::Http);
        assert_eq!((cli.options.seconds, cli.options.clients, cli.options.proof_entries), (4, 8, 2000));
        assert_eq!(cli.options.entries, 100_000, "a flag not given keeps its default");
    }

    #[test]
    fn wrong_arguments_are_refused() {
        for args in [
            &["accord-bench"][..],
            &["accord-bench", "bogus"],
            &["accord-bench", "store", "--entries"],
            &["accord-bench", "store", "--entries", "-3"],
        ] {
            assert!(Cli::try_parse_from(args).is_err(), "{args:?}");
        }
        let cli = Cli::try_parse_from(["accord-bench", "store", "--entries", "10"]).unwrap();
        assert!(check(&cli.options).is_err());
    }
}
