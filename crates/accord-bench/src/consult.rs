//! The consultation engine (`accord-consult`): the time to read and analyse
//! each Polis conversation in the repository, and
//! the analysis alone on a planted conversation of
//! --consult-participants participants, in participants × votes a second
//! and in votes a second.

use std::fs::File;
use std::path::Path;
use std::time::{Duration, Instant};

use accord_consult::planted::{plant, Plan};
use accord_consult::{analyse, ari, polis, Settings, VoteMatrix};
use anyhow::{bail, Context, Result};

use crate::common::{group, ms, CpuUse};
use crate::Options;

/// The Polis conversations in the repository, analysed in turn.
pub const CONVERSATIONS: [&str; 5] =
    ["15-per-hour-seattle", "bg2050-volunteers", "brexit-consensus", "scoop-hivemind.biodiversity", "vtaiwan.uberx"];

/// Runs of each measurement; the median is printed.
pub const RUNS: usize = 5;

pub fn median(mut times: Vec<Duration>) -> Duration {
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
pub fn peak_memory() -> String {
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

/// The sizes of the planted sweep: participants, statements, votes each, fidelity.
const SWEEP: [(usize, usize, usize, f64); 4] =
    [(100, 50, 40, 0.85), (1_000, 200, 40, 0.8), (10_000, 1_000, 50, 0.8), (100_000, 10_000, 100, 0.8)];

/// The least ARI the sweep accepts.
const SWEEP_FLOOR: f64 = 0.98;

/// A planted conversation whose groups stand around a circle, as two
/// components can show them: each statement has a direction φ in the
/// plane, each of the k groups a direction 2πg/k, and a group leans to
/// agree with a statement when the two directions are less than a right
/// angle apart (cos(φ − 2πg/k) > 0), to disagree otherwise. A participant
/// follows its group's leaning with probability `fidelity`; otherwise it
/// passes or votes the other way, half and half, as [`plant`] does.
fn plant_planar(plan: &Plan) -> accord_consult::planted::Planted {
    let mut rng = accord_consult::kmeans::SplitMix64::new(plan.seed);
    let phi: Vec<f64> = (0..plan.statements).map(|_| rng.next_f64() * std::f64::consts::TAU).collect();
    accord_consult::planted::plant_leaning(plan, rng, |g, j| {
        let theta = std::f64::consts::TAU * g as f64 / plan.groups as f64;
        if (phi[j] - theta).cos() > 0.0 {
            1
        } else {
            -1
        }
    })
}

/// `consult --planted-sweep`: planted conversations of 2 to 5 groups at
/// each size of [`SWEEP`], of two kinds, and the ARI of the groups found
/// against the planted ones:
/// - groups around a circle ([`plant_planar`]): every one must reach
///   [`SWEEP_FLOOR`];
/// - groups with independent leanings ([`plant`], as the engine's tests
///   plant them): k such groups span k − 1 dimensions, which two components
///   hold only for k ≤ 3; those must reach the floor, the others are
///   reported.
///
/// An error (a non-zero exit) names every grouping below its floor.
pub fn sweep() -> Result<()> {
    println!();
    println!("== consult: planted groups found, 100 × 50 to 100,000 × 10,000, 2 to 5 groups (ARI ≥ {SWEEP_FLOOR})");
    let started = Instant::now();
    let mut below = Vec::new();
    for (size, &(participants, statements, votes_each, fidelity)) in SWEEP.iter().enumerate() {
        for planar in [true, false] {
            for groups in 2..=5 {
                let plan =
                    Plan { participants, statements, votes_each, groups, fidelity, seed: (10 * size + groups) as u64 };
                let planted = if planar { plant_planar(&plan) } else { plant(&plan) };
                let m = VoteMatrix::from_votes(participants, statements, &planted.votes)?;
                let t = Instant::now();
                let a = analyse(&m, &[], &Settings::default())?;
                let took = t.elapsed();
                // A participant not counted is a group of its own (none is, at these sizes).
                let found: Vec<(usize, usize)> =
                    a.group_of.iter().enumerate().map(|(p, g)| g.map_or((1, p), |g| (0, g))).collect();
                let score = ari::adjusted_rand_index(&found, &planted.group_of);
                let gated = planar || groups <= 3;
                let verdict = match (gated, score >= SWEEP_FLOOR) {
                    (true, true) => "ok",
                    (true, false) => "BELOW",
                    (false, _) => "reported",
                };
                println!(
                    "{} × {}, {votes_each} votes each, fidelity {fidelity}, {groups} groups {}: {} found, \
                     ARI {score:.4} {verdict} ({})",
                    group(participants as f64),
                    group(statements as f64),
                    if planar { "around a circle" } else { "with independent leanings" },
                    a.groups.len(),
                    ms(took)
                );
                if gated && score < SWEEP_FLOOR {
                    let kind = if planar { "circle" } else { "independent" };
                    below.push(format!("{participants}×{statements}, {groups} groups ({kind}): {score:.4}"));
                }
            }
        }
    }
    println!("planted sweep: {:.1} s", started.elapsed().as_secs_f64());
    if !below.is_empty() {
        bail!("planted groups not found (ARI below {SWEEP_FLOOR}): {}", below.join("; "));
    }
    Ok(())
}
