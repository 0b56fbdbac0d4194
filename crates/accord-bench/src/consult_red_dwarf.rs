//! Accord's consultation engine beside red-dwarf, the Python
//! reimplementation of Polis's math, on the same conversations in one run:
//! the five Polis conversations in the repository and a planted
//! conversation of --consult-participants × --consult-statements, written
//! as a Polis export (`votes.csv`, `comments.csv`) that both read. Each
//! analysis is timed alone, its votes already in memory: Accord's
//! `analyse` (median of 5), red-dwarf's `run_pipeline` (median of 3 on the
//! conversations, one run on the planted one) through
//! `scripts/red-dwarf/driver.py` under the Python given with --red-dwarf
//! (`scripts/red-dwarf-bench.sh` makes a virtual environment with it). The
//! groups of the two are compared (Adjusted Rand Index over the
//! participants both count), and on the planted conversation each with
//! the planted groups.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use accord_consult::planted::{plant, Plan};
use accord_consult::{analyse, ari, polis, Analysis, Settings};
use anyhow::{bail, Context, Result};

use crate::common::{group, ms, temp_dir, CpuUse};
use crate::consult::{median, peak_memory, CONVERSATIONS, RUNS};
use crate::Options;

/// What red-dwarf said about one conversation.
struct RedDwarf {
    seconds: Option<f64>,
    error: Option<String>,
    groups: HashMap<String, i64>,
    peak_rss_kib: u64,
}

fn red_dwarf(python: &Path, runs: usize, memory_gb: Option<f64>, dir: &Path) -> Result<RedDwarf> {
    let driver = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/red-dwarf/driver.py");
    let mut cmd = Command::new(python);
    cmd.arg(&driver).arg("--runs").arg(runs.to_string());
    if let Some(gb) = memory_gb {
        cmd.arg("--memory-gb").arg(gb.to_string());
    }
    let out = cmd.arg(dir).output().with_context(|| format!("running {} {}", python.display(), driver.display()))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let Some(line) = stdout.lines().rfind(|l| l.starts_with('{')) else {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(3).collect();
        return Ok(RedDwarf {
            seconds: None,
            error: Some(format!("{} ({})", out.status, tail.into_iter().rev().collect::<Vec<_>>().join(" | "))),
            groups: HashMap::new(),
            peak_rss_kib: 0,
        });
    };
    let v: serde_json::Value = serde_json::from_str(line).context("red-dwarf's driver printed bad JSON")?;
    let groups = v["groups"]
        .as_object()
        .map(|o| o.iter().filter_map(|(k, g)| Some((k.clone(), g.as_i64()?))).collect())
        .unwrap_or_default();
    Ok(RedDwarf {
        seconds: v["seconds"].as_f64(),
        error: v["error"].as_str().map(str::to_owned),
        groups,
        peak_rss_kib: v["peak_rss_kib"].as_u64().unwrap_or(0),
    })
}

/// Reads a Polis export directory and times Accord's analysis of it.
fn accord(dir: &Path, runs: usize) -> Result<(polis::Export, Analysis, Duration)> {
    let open = |file: &str| File::open(dir.join(file)).with_context(|| dir.join(file).display().to_string());
    let export = polis::read_export(open("votes.csv")?, Some(open("comments.csv")?))?;
    let mut times = Vec::with_capacity(runs);
    let mut analysis = None;
    for _ in 0..runs {
        let started = Instant::now();
        analysis = Some(analyse(&export.votes, &export.moderated_out, &Settings::default())?);
        times.push(started.elapsed());
    }
    Ok((export, analysis.expect("at least one run"), median(times)))
}

/// ARI of Accord's groups against `theirs` (participant id → label) over the participants both count.
fn ari_against<L: Eq + std::hash::Hash + Copy>(
    export: &polis::Export,
    analysis: &Analysis,
    theirs: &HashMap<String, L>,
) -> (f64, usize) {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for (p, g) in analysis.group_of.iter().enumerate() {
        if let (Some(g), Some(&t)) = (g, theirs.get(&export.participants[p])) {
            a.push(*g);
            b.push(t);
        }
    }
    (if a.is_empty() { f64::NAN } else { ari::adjusted_rand_index(&a, &b) }, a.len())
}

fn side_by_side(
    name: &str,
    dir: &Path,
    python: &Path,
    runs: usize,
    options: &Options,
) -> Result<(polis::Export, Analysis, RedDwarf)> {
    let cpu = CpuUse::start();
    let (export, analysis, took) = accord(dir, RUNS)?;
    let accord_cpu = cpu.report_process();
    let cpu = CpuUse::start();
    let rd = red_dwarf(python, runs, options.red_dwarf_memory_gb, dir)?;
    let rd_cpu = cpu.report_process();
    let mut line = format!(
        "{name}: {} participants × {} statements, {} votes: Accord {} (median of {RUNS}, {} groups; {accord_cpu}); ",
        group(export.votes.n_participants() as f64),
        group(export.votes.n_statements() as f64),
        group(export.votes.n_votes() as f64),
        ms(took),
        analysis.groups.len(),
    );
    match rd.seconds {
        Some(s) => {
            let (agree, n) = ari_against(&export, &analysis, &rd.groups);
            let k = rd.groups.values().collect::<std::collections::HashSet<_>>().len();
            let _ = write!(
                line,
                "red-dwarf {} ({}{k} groups; peak memory {} MiB; {rd_cpu}); Accord {:.1} × faster; \
                 ARI Accord/red-dwarf {agree:.4} over {} participants",
                ms(Duration::from_secs_f64(s)),
                if runs > 1 { format!("median of {runs}, ") } else { String::new() },
                rd.peak_rss_kib / 1024,
                s / took.as_secs_f64(),
                group(n as f64),
            );
        }
        None => {
            let _ = write!(
                line,
                "red-dwarf failed: {} (peak memory {} MiB; {rd_cpu})",
                rd.error.as_deref().unwrap_or("no answer"),
                rd.peak_rss_kib / 1024
            );
        }
    }
    println!("{line}");
    Ok((export, analysis, rd))
}

/// Writes a planted conversation as a Polis export: `votes.csv` and `comments.csv`.
fn write_export(dir: &Path, plan: &Plan) -> Result<Vec<usize>> {
    let planted = plant(plan);
    let mut votes = BufWriter::new(File::create(dir.join("votes.csv"))?);
    writeln!(votes, "timestamp,datetime,comment-id,voter-id,vote")?;
    for (k, v) in planted.votes.iter().enumerate() {
        writeln!(votes, "{},,{},{},{}", 1_700_000_000_000u64 + k as u64, v.statement, v.participant, v.value)?;
    }
    votes.flush()?;
    let mut comments = BufWriter::new(File::create(dir.join("comments.csv"))?);
    writeln!(comments, "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body")?;
    for j in 0..plan.statements {
        writeln!(comments, "0,,{j},0,0,0,1,statement {j}")?;
    }
    comments.flush()?;
    Ok(planted.group_of)
}

pub fn run(options: &Options, python: &Path) -> Result<()> {
    println!();
    println!("== consult beside red-dwarf ({})", python.display());
    let version = Command::new(python)
        .args(["-c", "import importlib.metadata as m; print(m.version('red-dwarf'))"])
        .output()
        .context("asking the Python for red-dwarf's version")?;
    if !version.status.success() {
        bail!("{} has no red-dwarf: run scripts/red-dwarf-bench.sh", python.display());
    }
    println!("red-dwarf {}", String::from_utf8_lossy(&version.stdout).trim());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../accord-consult/tests/data/polis");
    for name in CONVERSATIONS {
        side_by_side(name, &root.join(name), python, 3, options)?;
    }

    let plan = Plan {
        participants: options.consult_participants,
        statements: options.consult_statements,
        votes_each: options.consult_votes_each,
        groups: 3,
        fidelity: 0.8,
        seed: 7,
    };
    let tmp = temp_dir()?;
    let dir: PathBuf = tmp.path().join("planted");
    std::fs::create_dir_all(&dir)?;
    let truth = write_export(&dir, &plan)?;
    let name = format!("planted {}×{}", plan.participants, plan.statements);
    let (export, analysis, rd) = side_by_side(&name, &dir, python, 1, options)?;
    let truth: HashMap<String, usize> = truth.iter().enumerate().map(|(p, &g)| (p.to_string(), g)).collect();
    let (ours, n) = ari_against(&export, &analysis, &truth);
    let mut line =
        format!("{name}: ARI against the planted groups: Accord {ours:.4} over {} participants", group(n as f64));
    if rd.seconds.is_some() {
        let theirs: Vec<(usize, i64)> = rd.groups.iter().filter_map(|(p, &g)| Some((*truth.get(p)?, g))).collect();
        let (a, b): (Vec<usize>, Vec<i64>) = theirs.into_iter().unzip();
        let _ = write!(line, ", red-dwarf {:.4} over {}", ari::adjusted_rand_index(&a, &b), group(a.len() as f64));
    }
    println!("{line}");
    println!("peak resident memory of the benchmark process (Accord) so far: {}", peak_memory());
    Ok(())
}
