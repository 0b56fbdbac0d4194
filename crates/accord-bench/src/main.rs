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
//! cargo build --release -p accord && cargo run --release -p accord-bench -- hostile
//! ```

mod common;
mod decisions;
mod hostile;
mod http;
mod log;
mod machine;
mod negotiation;
mod replay;
mod store;

use anyhow::{bail, Context, Result};

/// The allocator the `accord` binary uses, so that the figures are its own.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// What to run and how much of it.
#[derive(Debug, Clone)]
pub struct Options {
    /// Entries appended by the single writer (one fsync each).
    pub entries_1: usize,
    /// Entries appended at 16 and at 256 concurrent writers.
    pub entries: usize,
    /// Entries in the record that `replay` builds and then reopens.
    pub replay_entries: usize,
    /// Seconds each HTTP scenario runs.
    pub seconds: u64,
    /// Concurrent HTTP clients, each on one keep-alive connection.
    pub clients: usize,
    /// Entries the `log` benchmark sequences, and `accord verify` checks.
    pub log_entries: usize,
    /// Entries added before the inclusion-proof scenario, so that proofs
    /// have a realistic depth.
    pub proof_entries: usize,
    /// Hostile requests the `hostile` benchmark sends.
    pub hostile_requests: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            entries_1: 20_000,
            entries: 100_000,
            replay_entries: 200_000,
            seconds: 10,
            clients: 64,
            log_entries: 1_000_000,
            proof_entries: 100_000,
            hostile_requests: 100_000,
        }
    }
}

const USAGE: &str =
    "usage: accord-bench <store|replay|http|log|negotiation|decisions|hostile|all> [--entries-1 N] [--entries N] \
[--replay-entries N] [--seconds S] [--clients N] [--log-entries N] [--proof-entries N] [--hostile-requests N]

  store    durable appends per second through Store::submit at 1, 16 and 256
           writers, beside plain SQLite inserts with the same settings
  replay   builds a record, then times Store::open (the replay) and its parts
  http     the real application on loopback: GET /healthz, GET /members,
           POST /api/v1/members, member-signed POST /api/v1/actions, and
           inclusion proofs (one client, then many), by keep-alive clients
  log      sequencing with the Merkle tree, tiles and checkpoint signing in
           process, beside raw SHA-256; then accord verify of that record
           (a mirrored directory), replay included
  negotiation  a process of 100 articles, 5,000 proposals and 20,000 positions:
           the rolling text, a redline of the whole text, and the rolling-text
           page over HTTP (uses --seconds and --clients)
  hostile  the release `accord serve` (beside this binary) with the demonstration
           forum: resident memory before and after --hostile-requests requests
           with made-up methods, random paths and random headers
  all      the five, in that order (not hostile)

defaults: --entries-1 20000 --entries 100000 --replay-entries 200000 --seconds 10 --clients 64
          --log-entries 1000000 --proof-entries 100000 --hostile-requests 100000";

fn parse_args() -> Result<(String, Options)> {
    let mut args = std::env::args().skip(1);
    let Some(command) = args.next() else { bail!("{USAGE}") };
    if command == "-h" || command == "--help" {
        println!("{USAGE}");
        std::process::exit(0);
    }
    if !matches!(
        command.as_str(),
        "store" | "replay" | "http" | "log" | "negotiation" | "decisions" | "hostile" | "all"
    ) {
        bail!("unknown benchmark {command:?}\n\n{USAGE}");
    }
    let mut options = Options::default();
    while let Some(flag) = args.next() {
        let value = args.next().with_context(|| format!("{flag} needs a value\n\n{USAGE}"))?;
        let number = || value.parse::<u64>().with_context(|| format!("{flag} needs a positive number, not {value:?}"));
        match flag.as_str() {
            "--entries-1" => options.entries_1 = number()? as usize,
            "--entries" => options.entries = number()? as usize,
            "--replay-entries" => options.replay_entries = number()? as usize,
            "--seconds" => options.seconds = number()?,
            "--clients" => options.clients = number()? as usize,
            "--log-entries" => options.log_entries = number()? as usize,
            "--proof-entries" => options.proof_entries = number()? as usize,
            "--hostile-requests" => options.hostile_requests = number()? as usize,
            _ => bail!("unknown flag {flag:?}\n\n{USAGE}"),
        }
    }
    if options.entries_1 == 0 || options.entries < 256 || options.replay_entries == 0 || options.log_entries < 2 {
        bail!("--entries-1 and --replay-entries must be at least 1, --entries at least 256");
    }
    if options.seconds == 0 || options.clients == 0 {
        bail!("--seconds and --clients must be at least 1");
    }
    Ok((command, options))
}

fn main() -> Result<()> {
    let (command, options) = parse_args()?;
    let started = std::time::Instant::now();
    machine::print();
    println!(
        "options: --entries-1 {} --entries {} --replay-entries {} --seconds {} --clients {} --log-entries {} \
         --proof-entries {} --hostile-requests {}",
        options.entries_1,
        options.entries,
        options.replay_entries,
        options.seconds,
        options.clients,
        options.log_entries,
        options.proof_entries,
        options.hostile_requests
    );
    let runtime = common::runtime()?;
    if matches!(command.as_str(), "store" | "all") {
        store::run(&runtime, &options)?;
    }
    if matches!(command.as_str(), "replay" | "all") {
        replay::run(&runtime, &options)?;
    }
    if matches!(command.as_str(), "http" | "all") {
        http::run(&runtime, &options)?;
    }
    if matches!(command.as_str(), "log" | "all") {
        log::run(&options)?;
    }
    if matches!(command.as_str(), "negotiation" | "all") {
        negotiation::run(&runtime, &options)?;
    }
    if matches!(command.as_str(), "decisions" | "all") {
        decisions::run(&runtime, &options)?;
    }
    if command == "hostile" {
        hostile::run(&runtime, &options)?;
    }
    println!();
    println!("total time: {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}
