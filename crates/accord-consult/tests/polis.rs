//! The engine against the world: Polis's own opinion groups on five public
//! conversations (tests/data/polis, CC BY 4.0, The Computational Democracy
//! Project), compared by the Adjusted Rand Index over the participants both
//! count.

use std::collections::HashMap;
use std::fs::File;
use std::path::PathBuf;

use accord_consult::{analyse, ari, polis, Analysis, Settings};

fn dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/polis").join(name)
}

fn load(name: &str) -> polis::Export {
    let d = dir(name);
    polis::read_export(File::open(d.join("votes.csv")).unwrap(), Some(File::open(d.join("comments.csv")).unwrap())).unwrap()
}

/// ARI of our groups against Polis's, and how many participants both assign.
fn ari_against_polis(name: &str, export: &polis::Export, analysis: &Analysis) -> (f64, usize) {
    let theirs = polis::read_groups(File::open(dir(name).join("participants-votes.csv")).unwrap()).unwrap();
    let index: HashMap<&str, usize> = export.participants.iter().enumerate().map(|(i, p)| (p.as_str(), i)).collect();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for (pid, g) in &theirs {
        let (Some(g), Some(&p)) = (g, index.get(pid.as_str())) else { continue };
        if let Some(ours) = analysis.group_of[p] {
            a.push(ours);
            b.push(*g);
        }
    }
    (ari::adjusted_rand_index(&a, &b), a.len())
}

fn check(name: &str, floor: Option<f64>) {
    let export = load(name);
    let analysis = analyse(&export.votes, &export.moderated_out, &Settings::default()).unwrap();
    let (ari, n) = ari_against_polis(name, &export, &analysis);
    let sizes: Vec<usize> = analysis.groups.iter().map(|g| g.size).collect();
    println!(
        "{name}: ARI {ari:.4} over {n} participants; groups {sizes:?}; silhouettes {:?}; pca iterations {}",
        analysis.silhouettes, analysis.pca.iterations
    );
    if let Some(floor) = floor {
        assert!(ari >= floor, "{name}: ARI {ari} below {floor}");
    }
    // Every group has representative statements, each a kept statement.
    for g in &analysis.groups {
        assert!(!g.representative.is_empty(), "{name}: group {} has no representative statement", g.id);
        assert!(g.representative.len() <= 5);
        for r in &g.representative {
            assert!(!export.moderated_out[r.statement]);
        }
    }
}

#[test]
fn bg2050_volunteers_matches_polis() {
    check("bg2050-volunteers", Some(0.95));
}

#[test]
fn scoop_hivemind_biodiversity_matches_polis() {
    check("scoop-hivemind.biodiversity", Some(0.95));
}

#[test]
fn vtaiwan_uberx_matches_polis() {
    check("vtaiwan.uberx", Some(0.85));
}

#[test]
fn brexit_consensus_against_polis() {
    check("brexit-consensus", None);
}

#[test]
fn seattle_15_per_hour_against_polis() {
    check("15-per-hour-seattle", None);
}
