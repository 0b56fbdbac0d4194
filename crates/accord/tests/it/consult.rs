//! `accord consult analyse` on public Polis conversations kept in the
//! repository (crates/accord-consult/tests/data/polis, CC BY 4.0, The
//! Computational Democracy Project): its JSON against the groups and the
//! group-informed consensus Polis published, its text, and its errors.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use accord_consult::{ari, polis};
use serde_json::Value;

use crate::helpers::parse_unique;

fn export(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../accord-consult/tests/data/polis").join(name)
}

fn accord_consult(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_accord")).arg("consult").arg("analyse").args(args).arg(dir).output().unwrap()
}

/// Runs `accord consult analyse --format json` and parses its output, which
/// must be exactly one JSON object (no duplicate keys, nothing after it).
fn analyse_json(dir: &Path) -> Value {
    let out = accord_consult(&["--format", "json"], dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let value = parse_unique(&out.stdout).unwrap_or_else(|e| panic!("not one JSON object: {e}"));
    assert!(value.is_object());
    value
}

/// The `groups` line of the export's `summary.csv`.
fn published_group_count(dir: &Path) -> usize {
    let summary = std::fs::read_to_string(dir.join("summary.csv")).unwrap();
    summary.lines().find_map(|l| l.strip_prefix("groups,")).unwrap().trim().parse().unwrap()
}

fn as_sorted_scores(list: &Value) -> Vec<(String, f64)> {
    let list = list.as_array().unwrap();
    let scores: Vec<(String, f64)> =
        list.iter().map(|e| (e["statement"].as_str().unwrap().to_owned(), e["score"].as_f64().unwrap())).collect();
    assert!(scores.windows(2).all(|w| w[0].1 >= w[1].1), "scores are not highest first");
    scores
}

/// Checks the JSON's shape and its agreement with Polis's published groups;
/// answers the ARI.
fn check_against_polis(name: &str) -> (Value, f64) {
    let dir = export(name);
    let v = analyse_json(&dir);
    let read = polis::read_export(
        File::open(dir.join("votes.csv")).unwrap(),
        Some(File::open(dir.join("comments.csv")).unwrap()),
    )
    .unwrap();
    let statements: HashSet<&str> = read.statements.iter().map(String::as_str).collect();
    let moderated: HashSet<&str> =
        read.statements.iter().zip(&read.moderated_out).filter(|(_, &m)| m).map(|(s, _)| s.as_str()).collect();

    // Every participant of votes.csv, by its id, with a group or null.
    let participants = v["participants"].as_object().unwrap();
    let ids: HashSet<&str> = participants.keys().map(String::as_str).collect();
    assert_eq!(ids, read.participants.iter().map(String::as_str).collect::<HashSet<_>>(), "{name}: participants");

    // Groups: numbered 0.., sizes that count their participants, up to five
    // representative statements each, never a moderated-out one.
    let groups = v["groups"].as_array().unwrap();
    assert_eq!(groups.len(), published_group_count(&dir), "{name}: number of groups");
    let mut size = vec![0u64; groups.len()];
    for g in participants.values() {
        if let Some(g) = g.as_u64() {
            size[g as usize] += 1;
        } else {
            assert!(g.is_null(), "{name}: group {g}");
        }
    }
    for (i, g) in groups.iter().enumerate() {
        assert_eq!(g["id"].as_u64(), Some(i as u64));
        assert_eq!(g["size"].as_u64(), Some(size[i]), "{name}: size of group {i}");
        let reps = g["representative"].as_array().unwrap();
        assert!((1..=5).contains(&reps.len()), "{name}: group {i} has {} representative statements", reps.len());
        for r in reps {
            let s = r["statement"].as_str().unwrap();
            assert!(statements.contains(s) && !moderated.contains(s), "{name}: representative statement {s}");
            let direction = r["direction"].as_str().unwrap();
            assert!(["agree", "disagree"].contains(&direction), "{r}");
            // The key named by the direction holds the group's share voting
            // so; the other key is absent.
            let share = r[direction].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&share), "{r}");
            let other = if direction == "agree" { "disagree" } else { "agree" };
            assert!(r.get(other).is_none(), "{r}");
            assert!(r["score"].as_f64().unwrap().is_finite());
        }
    }

    // Consensus: a probability per kept statement; bridging: a score each.
    let consensus = as_sorted_scores(&v["consensus"]);
    assert!(!consensus.is_empty());
    for (s, score) in &consensus {
        assert!(statements.contains(s.as_str()) && !moderated.contains(s.as_str()), "{name}: consensus on {s}");
        assert!(*score > 0.0 && *score < 1.0, "{name}: consensus {score}");
    }
    let bridging = as_sorted_scores(&v["bridging"]);
    assert!(!bridging.is_empty());
    assert!(bridging.iter().all(|(s, x)| !moderated.contains(s.as_str()) && x.is_finite()));

    // The groups against Polis's own (participants-votes.csv).
    let theirs = polis::read_groups(File::open(dir.join("participants-votes.csv")).unwrap()).unwrap();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for (pid, g) in theirs {
        if let (Some(g), Some(ours)) = (g, participants.get(&pid).and_then(Value::as_u64)) {
            a.push(ours);
            b.push(g);
        }
    }
    let ari = ari::adjusted_rand_index(&a, &b);
    println!("{name}: ARI {ari:.4} against Polis's groups over {} participants", a.len());
    (v, ari)
}

#[test]
fn consult_json_matches_polis_groups() {
    // The floors are the engine's measured agreement, rounded down (the
    // crate's own tests say why an exact match is not expected).
    for (name, floor) in [
        ("scoop-hivemind.biodiversity", 0.95),
        ("vtaiwan.uberx", 0.85),
        ("brexit-consensus", 0.85),
        ("15-per-hour-seattle", 0.85),
    ] {
        let (_, ari) = check_against_polis(name);
        assert!(ari >= floor, "{name}: ARI {ari} below {floor}");
    }
}

#[test]
fn consult_json_consensus_matches_polis() {
    let name = "bg2050-volunteers";
    let (v, ari) = check_against_polis(name);
    assert!(ari >= 0.8, "{name}: ARI {ari}");
    let published: HashMap<String, f64> =
        polis::read_group_informed_consensus(File::open(export(name).join("comments.csv")).unwrap())
            .unwrap()
            .into_iter()
            .collect();
    let consensus = as_sorted_scores(&v["consensus"]);
    let diffs: Vec<f64> = consensus.iter().map(|(s, x)| (x - published[s]).abs()).collect();
    let mean = diffs.iter().sum::<f64>() / diffs.len() as f64;
    let worst = diffs.iter().copied().fold(0.0, f64::max);
    let ours_top: HashSet<&str> = consensus.iter().take(10).map(|(s, _)| s.as_str()).collect();
    let mut theirs: Vec<(&str, f64)> = consensus.iter().map(|(s, _)| (s.as_str(), published[s])).collect();
    theirs.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let shared = theirs.iter().take(10).filter(|(s, _)| ours_top.contains(s)).count();
    println!("{name}: consensus {mean:.4} from Polis's on average, {worst:.4} at most; {shared} of the top 10 shared");
    assert!(mean < 0.05 && worst < 0.15, "{name}: consensus {mean} on average, {worst} at most from Polis's");
    assert!(shared >= 7, "{name}: {shared} of Polis's top 10 consensus statements");
}

#[test]
fn consult_text_is_readable() {
    let out = accord_consult(&[], &export("brexit-consensus"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "204 participants",
        "Opinion groups: 2",
        "Polis's own groups (participants-votes.csv): 2",
        "Group 0:",
        "Group 1:",
        "Representative statements",
        "Consensus across groups (top 10",
        "Bridging (top 10",
    ] {
        assert!(text.contains(needle), "no {needle:?} in:\n{text}");
    }
    // A representative statement shows its direction and its text.
    assert!(text.lines().any(|l| l.trim_start().starts_with("agree") && l.contains('#')), "{text}");
}

/// The CSV output holds what the JSON holds: a row per participant with
/// its group, per representative statement, consensus and bridging score.
#[test]
fn consult_csv_holds_what_the_json_holds() {
    let dir = export("brexit-consensus");
    let json = analyse_json(&dir);
    let out = accord_consult(&["--format", "csv"], &dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("section,group,participant,statement,direction,share,score"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 7), "a row without seven fields");
    let participants = json["participants"].as_object().unwrap();
    let in_csv: Vec<&Vec<&str>> = rows.iter().filter(|r| r[0] == "participant").collect();
    assert_eq!(in_csv.len(), participants.len());
    for r in in_csv {
        let group = &participants[r[2]];
        assert_eq!(r[1], group.as_u64().map(|g| g.to_string()).unwrap_or_default(), "participant {}", r[2]);
    }
    let consensus: Vec<(&str, f64)> =
        rows.iter().filter(|r| r[0] == "consensus").map(|r| (r[3], r[6].parse().unwrap())).collect();
    let expected: Vec<(&str, f64)> = json["consensus"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["statement"].as_str().unwrap(), c["score"].as_f64().unwrap()))
        .collect();
    assert_eq!(consensus, expected);
    let representative = rows.iter().filter(|r| r[0] == "representative").count();
    let in_json: usize =
        json["groups"].as_array().unwrap().iter().map(|g| g["representative"].as_array().unwrap().len()).sum();
    assert_eq!(representative, in_json);
}

/// A failed run: a non-zero exit and one line on stderr, no panic.
fn assert_one_line_error(out: &Output, needles: &[&str]) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "succeeded; stderr: {stderr}");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "not one line: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for n in needles {
        assert!(stderr.contains(n), "no {n:?} in: {stderr}");
    }
}

const VOTES_HEADER: &str = "timestamp,datetime,comment-id,voter-id,vote\n";
const COMMENTS_HEADER: &str = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n";

#[test]
fn consult_errors_are_one_line() {
    let tmp = tempfile::tempdir().unwrap();

    // No such directory.
    let missing = tmp.path().join("nowhere");
    assert_one_line_error(&accord_consult(&[], &missing), &["nowhere", "no such directory"]);

    // A file, not a directory.
    let file = tmp.path().join("votes.csv");
    std::fs::write(&file, VOTES_HEADER).unwrap();
    assert_one_line_error(&accord_consult(&[], &file), &["not a directory"]);

    // A directory without votes.csv, then without comments.csv.
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    assert_one_line_error(&accord_consult(&[], &empty), &["votes.csv"]);
    std::fs::write(empty.join("votes.csv"), VOTES_HEADER).unwrap();
    assert_one_line_error(&accord_consult(&["--format", "json"], &empty), &["comments.csv"]);

    // An empty conversation.
    std::fs::write(empty.join("comments.csv"), COMMENTS_HEADER).unwrap();
    assert_one_line_error(&accord_consult(&[], &empty), &["votes.csv", "no votes"]);

    // A malformed vote, named with its line.
    let bad = tmp.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(
        bad.join("comments.csv"),
        format!("{COMMENTS_HEADER}1,x,0,0,1,0,1,\"Two\nlines\"\n1,x,1,0,0,0,1,One\n"),
    )
    .unwrap();
    std::fs::write(bad.join("votes.csv"), format!("{VOTES_HEADER}1,x,0,0,1\n2,x,1,0,agree\n")).unwrap();
    assert_one_line_error(&accord_consult(&["--format", "json"], &bad), &["votes.csv", "line 3", "\"agree\""]);

    // A malformed moderation, on a line after a statement spread over two lines.
    std::fs::write(bad.join("votes.csv"), format!("{VOTES_HEADER}1,x,0,0,1\n")).unwrap();
    std::fs::write(
        bad.join("comments.csv"),
        format!("{COMMENTS_HEADER}1,x,0,0,1,0,1,\"Two\nlines\"\n1,x,1,0,0,0,yes,One\n"),
    )
    .unwrap();
    assert_one_line_error(&accord_consult(&[], &bad), &["comments.csv", "line 4", "\"yes\""]);

    // A missing column.
    std::fs::write(bad.join("votes.csv"), "timestamp,comment-id,vote\n1,0,1\n").unwrap();
    assert_one_line_error(&accord_consult(&[], &bad), &["votes.csv", "voter-id"]);

    // Not UTF-8.
    std::fs::write(bad.join("votes.csv"), [VOTES_HEADER.as_bytes(), b"1,x,0,\xff\xfe,1\n"].concat()).unwrap();
    assert_one_line_error(&accord_consult(&[], &bad), &["votes.csv", "line"]);

    // An unknown format is refused by the argument parser.
    let out = accord_consult(&["--format", "xml"], &export("brexit-consensus"));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("xml"));
}

/// A file that never ends (a link to /dev/zero) is refused after a bounded
/// read, with a one-line error, instead of filling the memory.
#[test]
fn an_endless_export_file_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", tmp.path().join("votes.csv")).unwrap();
    std::fs::write(tmp.path().join("comments.csv"), COMMENTS_HEADER).unwrap();
    assert_one_line_error(&accord_consult(&[], tmp.path()), &["votes.csv", "larger than 256 MiB"]);
}
