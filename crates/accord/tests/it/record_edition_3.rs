//! A record written under edition 3 of the rules
//! (`tests/data/record-edition-3`), holding every kind of entry: it opens
//! with today's code, replays to the state digest its server published, and
//! `accord verify` passes on it served by a fresh server.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use accord_store::Store;
use base64::prelude::{Engine, BASE64_STANDARD};

use crate::helpers::*;

/// The record's size at its latest checkpoint.
const SIZE: u64 = 2840;
/// The state digest published with that checkpoint.
const STATE_DIGEST: &str = "d7d2c35541a38118135bb4ce47fdf4c08f31f39577af8a4f40c150cbe16b0a98";
/// The Merkle tree's root at that checkpoint (base64, as the checkpoint
/// names it).
const ROOT: &str = "imo+67dtesve6i1YTDedJFiKGFlxsAr9YjmHgaivyTo=";
/// The log's verifier key (from `log-key`).
const VERIFIER_KEY: &str = "accord.example/demo+bcc015db+AWJYElfypxxgzT0JThseIjnTl1+8jt7xVsRIzuz5fEjf";

/// Every kind of entry edition 3 has, with how many the fixture holds (as
/// its README lists them).
const KINDS: &[(&str, usize)] = &[
    ("accreditation.withdrawn", 1),
    ("agenda.item_added", 4),
    ("attendance.corrected", 1),
    ("attendance.registered", 131),
    ("chair.text_tabled", 1),
    ("consensus.declared", 2),
    ("consensus.objected", 1),
    ("consensus.proposed", 2),
    ("decision.confirmed", 1),
    ("delegate.accredited", 196),
    ("floor.given", 4),
    ("floor.requested", 8),
    ("floor.withdrawn", 1),
    ("forum.established", 1),
    ("forum.settings_changed", 1),
    ("meeting.closed", 1),
    ("meeting.opened", 1),
    ("meeting.scheduled", 2),
    ("member.admitted", 205),
    ("member.key_registered", 2),
    ("member.key_revoked", 1),
    ("member.reinstated", 1),
    ("member.signatures_required", 1),
    ("member.status_changed", 1),
    ("member.suspended", 1),
    ("officer.appointed", 2),
    ("process.opened", 1),
    ("proposal.agreed", 9),
    ("proposal.cosponsored", 335),
    ("proposal.cosponsorship_withdrawn", 1),
    ("proposal.objected", 199),
    ("proposal.reanchored", 1),
    ("proposal.rejected", 4),
    ("proposal.supported", 1346),
    ("proposal.tabled", 223),
    ("proposal.withdrawn", 1),
    ("question.designated_important", 1),
    ("revision.issued", 2),
    ("rules.changed", 1),
    ("session.opened", 1),
    ("silence.broken", 1),
    ("silence.concluded", 1),
    ("silence.started", 2),
    ("speaking_time.set", 1),
    ("statement.delivered", 4),
    ("vote.cast", 130),
    ("vote.closed", 1),
    ("vote.explained", 1),
    ("vote.opened", 1),
];

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/record-edition-3")
}

/// A copy of the fixture's data directory (the database and the log key),
/// so that nothing a test does reaches the committed files.
fn copy_of_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for file in ["accord.sqlite3", "log-key"] {
        std::fs::copy(fixture().join(file), dir.path().join(file)).unwrap();
    }
    dir
}

#[test]
fn a_record_of_edition_3_replays_to_its_published_digest() {
    let dir = copy_of_fixture();
    let store = Store::open(&dir.path().join("accord.sqlite3")).unwrap();
    let state = store.state().clone();
    let (size, note) = store.latest_checkpoint().unwrap().expect("the fixture has checkpoints");
    assert_eq!(size, SIZE);
    assert_eq!(state.next_index, size);
    assert_eq!(state.edition(), 3, "the fixture's forum was established under edition 3");
    assert_eq!(note.lines().nth(2), Some(ROOT), "the checkpoint names another root: {note}");
    assert_eq!(
        BASE64_STANDARD.encode(store.tree().root().0),
        ROOT,
        "the stored tree's root differs from the checkpoint's"
    );
    let published = store.checkpoint_digest(size).unwrap().expect("a digest with the checkpoint");
    assert_eq!(hex::encode(published), STATE_DIGEST, "the stored published digest changed");
    let replayed = accord_domain::state::State::digest_v2(size, &state.digest_parts());
    assert_eq!(hex::encode(replayed), STATE_DIGEST, "the replay's state digest differs from the published one");
}

/// The fixture holds every kind of entry, as many of each as its README
/// says (read from the entries' bytes, as a client reads them).
#[test]
fn the_record_of_edition_3_holds_every_kind_of_entry() {
    let dir = copy_of_fixture();
    let store = Store::open(&dir.path().join("accord.sqlite3")).unwrap();
    let mut counts = BTreeMap::<String, usize>::new();
    for (_, bytes) in store.entry_bytes(None, SIZE + 1).unwrap() {
        let entry: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        *counts.entry(entry["kind"].as_str().unwrap().to_owned()).or_default() += 1;
    }
    let expected: BTreeMap<String, usize> = KINDS.iter().map(|(k, n)| (k.to_string(), *n)).collect();
    assert_eq!(counts, expected);
    assert_eq!(counts.values().sum::<usize>() as u64, SIZE);
    let signed = store
        .entry_bytes(None, SIZE + 1)
        .unwrap()
        .into_iter()
        .filter(|(_, b)| serde_json::from_slice::<serde_json::Value>(b).unwrap().get("signature").is_some())
        .count();
    assert_eq!(signed, 2, "the declaration and one support are signed by the member's key");
}

/// `accord verify`, the real binary, against the fixture served by a fresh
/// `accord serve`: signatures, every hash and tile, a full replay and the
/// state the server publishes.
#[test]
fn accord_verify_passes_on_the_record_of_edition_3() {
    let dir = copy_of_fixture();
    let key = std::process::Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["log", "key", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(key.status.success(), "{}", String::from_utf8_lossy(&key.stderr));
    assert_eq!(String::from_utf8_lossy(&key.stdout).trim(), VERIFIER_KEY);
    let server = Server::start(dir.path());
    let state = dir.path().join("verify-state.json");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["verify", "--url", &server.base, "--key", VERIFIER_KEY, "--state"])
        .arg(&state)
        .output()
        .unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{text}");
    assert!(text.contains(&format!("the record of accord.example/demo ({SIZE} entries) verifies")), "{text}");
    assert!(text.contains("the server's published state equals the replay"), "{text}");
    assert!(!text.contains("WARNING"), "{text}");
}
