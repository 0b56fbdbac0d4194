//! The consultation engine (`accord-consult`): the time to read and analyse
//! each Polis conversation in the repository, and
//! the analysis alone on a planted conversation of
//! --consult-participants participants, in participants × votes a second
//! and in votes a second.

use std::fs::File;
use std::path::Path;
use std::time::{Duration, Instant};

use accord_consult::planted::{plant, Plan};
use accord_consult::{analyse, polis, Settings, VoteMatrix};
use anyhow::{Context, Result};

use crate::common::{group, ms, CpuUse};
use crate::Options;

/// The Polis conversations in the repository, analysed in turn.
const CONVERSATIONS: [&str; 5] =
    ["15-per-hour-seattle", "bg2050-volunteers", "brexit-consensus", "scoop-hivemind.biodiversity", "vtaiwan.uberx"];

/// Runs of each measurement; the median is printed.
const RUNS: usize = 5;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time_analysis(m: &VoteMatrix, moderated_out: &[bool]) -> Result<(Duration, usize)> {
    let mut times = Vec::with_capacity(RUNS);
    let mut groups = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        let a = analyse(m, moderated_out, &Settings::default())?;
        times.push(started.elapsed());
        groups = a.groups.len();
    }
    Ok((median(times), groups))
}

/// The process's peak resident memory (`VmHWM`), as Linux reports it.
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l["VmHWM:".len()..].trim().to_owned()))
        .unwrap_or_else(|| "unknown".into())
}

fn report(what: &str, m: &VoteMatrix, took: Duration, groups: usize, cpu: &CpuUse) {
    let (p, v) = (m.n_participants() as f64, m.n_votes() as f64);
    let secs = took.as_secs_f64();
    println!(
        "{what}: {} participants × {} statements, {} votes, {groups} groups: {} (median of {RUNS}); \
         {} participants × votes/s, {} votes/s; {}",
        group(p),
        group(m.n_statements() as f64),
        group(v),
        ms(took),
        group(p * v / secs),
        group(v / secs),
        cpu.report_process()
    );
}

pub fn run(options: &Options) -> Result<()> {
    println!();
    println!("== consult: opinion groups, representative statements, consensus and bridging");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../accord-consult/tests/data/polis");
    for name in CONVERSATIONS {
        let dir = root.join(name);
        let open = |file: &str| File::open(dir.join(file)).with_context(|| dir.join(file).display().to_string());
        let cpu = CpuUse::start();
        let mut reads = Vec::with_capacity(RUNS);
        let mut export = None;
        for _ in 0..RUNS {
            let started = Instant::now();
            export = Some(polis::read_export(open("votes.csv")?, Some(open("comments.csv")?))?);
            reads.push(started.elapsed());
        }
        let export = export.expect("RUNS is at least 1");
        println!("{name}: reading votes.csv and comments.csv: {} (median of {RUNS})", ms(median(reads)));
        let (took, groups) = time_analysis(&export.votes, &export.moderated_out)?;
        report(&format!("{name} analysis"), &export.votes, took, groups, &cpu);
    }

    let cpu = CpuUse::start();
    let plan = Plan {
        participants: options.consult_participants,
        statements: options.consult_statements,
        votes_each: options.consult_votes_each,
        groups: 3,
        fidelity: 0.8,
        seed: 7,
    };
    let planted = plant(&plan);
    let m = VoteMatrix::from_votes(plan.participants, plan.statements, &planted.votes)?;
    let (took, groups) = time_analysis(&m, &[])?;
    report("planted analysis", &m, took, groups, &cpu);
    println!("peak resident memory of the process so far: {}", peak_memory());
    Ok(())
}
