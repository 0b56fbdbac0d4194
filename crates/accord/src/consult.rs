//! `accord consult analyse DIR`: a Polis export (`votes.csv`,
//! `comments.csv`, and `participants-votes.csv` when present) through the
//! consultation engine (`accord-consult`), printed as readable text or as
//! one JSON object.

use std::collections::HashMap;
use std::fs::File;
use std::io::Write;
use std::path::Path;

use accord_consult::report::Report;
use accord_consult::{analyse, ari, polis, Analysis, ConsultError, Settings};
use anyhow::{anyhow, bail, Context, Result};

/// How `accord consult analyse` prints its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable: groups, representative statements, consensus, bridging.
    Text,
    /// One JSON object: participants, groups, consensus, bridging.
    Json,
    /// One CSV table: a row per participant, representative statement,
    /// consensus and bridging score (`section,group,participant,statement,direction,share,score`).
    Csv,
}

/// Statements listed under consensus and bridging in the text output.
const TEXT_TOP: usize = 10;

/// The largest file of an export read: 256 MiB (Polis's largest public
/// conversations are a few megabytes; a million participants' votes fit).
const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

fn open(dir: &Path, name: &str) -> Result<std::io::Cursor<Vec<u8>>> {
    let path = dir.join(name);
    let file = File::open(&path).with_context(|| path.display().to_string())?;
    read_bounded(&path, file)
}

/// The whole of `file`, refused past [`MAX_FILE_BYTES`].
fn read_bounded(path: &Path, file: File) -> Result<std::io::Cursor<Vec<u8>>> {
    crate::read_bounded(path, file, MAX_FILE_BYTES, "a conversation Accord analyses").map(std::io::Cursor::new)
}

/// An engine error about one of the export's files, named with its path.
fn export_error(dir: &Path, e: ConsultError) -> anyhow::Error {
    match e {
        ConsultError::Export { file, message } => anyhow!("{}: {message}", dir.join(file).display()),
        other => anyhow!("{}: {other}", dir.display()),
    }
}

/// Reads the export in `dir`, analyses it and prints the result.
pub fn run(dir: &Path, format: Format) -> Result<()> {
    if !dir.is_dir() {
        if dir.exists() {
            bail!("{}: not a directory (give the folder holding votes.csv and comments.csv)", dir.display());
        }
        bail!("{}: no such directory", dir.display());
    }
    let votes = open(dir, "votes.csv")?;
    let comments = open(dir, "comments.csv")?;
    let export = polis::read_export(votes, Some(comments)).map_err(|e| export_error(dir, e))?;
    if export.votes.n_votes() == 0 {
        bail!("{}: the conversation holds no votes, there is nothing to analyse", dir.join("votes.csv").display());
    }
    // Polis's own groups, when the export carries them, for comparison.
    let polis_groups = match File::open(dir.join("participants-votes.csv")) {
        Ok(f) => {
            let bytes = read_bounded(&dir.join("participants-votes.csv"), f)?;
            Some(polis::read_groups(bytes).map_err(|e| export_error(dir, e))?)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e).context(dir.join("participants-votes.csv").display().to_string()),
    };
    let analysis =
        analyse(&export.votes, &export.moderated_out, &Settings::default()).map_err(|e| export_error(dir, e))?;
    let out = match format {
        Format::Json => {
            let participants: Vec<&str> = export.participants.iter().map(String::as_str).collect();
            let statements: Vec<&str> = export.statements.iter().map(String::as_str).collect();
            let mut s = serde_json::to_string(&Report::new(&analysis, &participants, &statements))?;
            s.push('\n');
            s
        }
        Format::Csv => {
            let participants: Vec<&str> = export.participants.iter().map(String::as_str).collect();
            let statements: Vec<&str> = export.statements.iter().map(String::as_str).collect();
            Report::new(&analysis, &participants, &statements).to_csv()
        }
        Format::Text => to_text(dir, &export, &analysis, polis_groups.as_deref()),
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) ends the output quietly.
    match stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.context("writing the result"),
    }
}

/// A statement's text on one line, shortened to `max` characters.
fn short_text(export: &polis::Export, j: usize, max: usize) -> String {
    let text = export.texts[j].as_deref().unwrap_or("");
    let one_line: String = crate::terminal::shown(&text.split_whitespace().collect::<Vec<_>>().join(" "));
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn to_text(dir: &Path, export: &polis::Export, a: &Analysis, polis_groups: Option<&[(String, Option<u32>)]>) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let n_p = export.participants.len();
    let counted = a.group_of.iter().filter(|g| g.is_some()).count();
    let moderated = export.moderated_out.iter().filter(|&&m| m).count();
    let _ = writeln!(s, "Polis export {}", dir.display());
    let _ = writeln!(
        s,
        "  {n_p} participants, {} statements ({moderated} moderated out), {} votes",
        export.statements.len(),
        export.votes.n_votes()
    );
    let _ = writeln!(s, "  {counted} participants counted (those with at least min(7, statements) votes, topped up to 15 by the most active)");
    let tried: Vec<String> = a.silhouettes.iter().map(|(k, v)| format!("k={k}: {v:.3}")).collect();
    let _ = writeln!(
        s,
        "\nOpinion groups: {} ({} base clusters; silhouette {})",
        a.groups.len(),
        a.base_clusters,
        if tried.is_empty() { "not computed".to_owned() } else { tried.join(", ") }
    );
    if let Some(theirs) = polis_groups {
        let index: HashMap<&str, usize> =
            export.participants.iter().enumerate().map(|(i, p)| (p.as_str(), i)).collect();
        let (mut ours, mut polis) = (Vec::new(), Vec::new());
        let mut ids: Vec<u32> = Vec::new();
        for (pid, g) in theirs {
            let Some(g) = g else { continue };
            ids.push(*g);
            if let Some(o) = index.get(pid.as_str()).and_then(|&p| a.group_of[p]) {
                ours.push(o);
                polis.push(*g);
            }
        }
        ids.sort_unstable();
        ids.dedup();
        if !ids.is_empty() {
            let _ = writeln!(
                s,
                "  Polis's own groups (participants-votes.csv): {}; agreement with these (adjusted Rand index) {:.3} over the {} participants both count",
                ids.len(),
                ari::adjusted_rand_index(&ours, &polis),
                ours.len()
            );
        }
    }
    for g in &a.groups {
        let _ = writeln!(s, "\nGroup {}: {} participants", g.id, g.size);
        let _ = writeln!(s, "  Representative statements (share of the group voting so; statement):");
        for r in &g.representative {
            let _ = writeln!(
                s,
                "    {:<8} {:>3.0}% of {:<4} #{:<5} {}",
                r.direction.as_str(),
                100.0 * f64::from(r.n_success) / f64::from(r.n_trials.max(1)),
                r.n_trials,
                export.statements[r.statement],
                short_text(export, r.statement, 100)
            );
        }
    }
    let _ = writeln!(
        s,
        "\nConsensus across groups (top {} of {}; product over groups of (agrees + 1) / (votes + 2)):",
        TEXT_TOP.min(a.consensus.len()),
        a.consensus.len()
    );
    for c in a.consensus.iter().take(TEXT_TOP) {
        let _ = writeln!(
            s,
            "    {:.3}  #{:<5} {}",
            c.score,
            export.statements[c.statement],
            short_text(export, c.statement, 100)
        );
    }
    let _ = writeln!(
        s,
        "\nBridging (top {} of {}; support once the main divide is explained away):",
        TEXT_TOP.min(a.bridging.len()),
        a.bridging.len()
    );
    for b in a.bridging.iter().take(TEXT_TOP) {
        let _ = writeln!(
            s,
            "    {:+.3}  #{:<5} {}",
            b.score,
            export.statements[b.statement],
            short_text(export, b.statement, 100)
        );
    }
    // Statements without a text leave trailing blanks.
    s.lines().map(|l| format!("{}\n", l.trim_end())).collect()
}
