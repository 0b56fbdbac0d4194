//! The transparency log in process: sequencing entries with the Merkle
//! tree's update, C2SP tiles and checkpoint signing, beside the raw rate of
//! the SHA-256 hashing the tree needs; then `accord verify` of a record of
//! a million entries from a mirrored directory, replay included.

use std::path::Path;
use std::time::{Duration, Instant};

use accord_domain::state::Principal;
use accord_domain::{Entry, State};
use accord_log::checkpoint::LogSigner;
use accord_log::tiles::{self, TilePath, TILE_WIDTH};
use accord_log::MerkleTree;
use anyhow::{Context, Result};
use sha2::{Digest, Sha256};

use crate::common::{admit_organisation, group, ms, rate, temp_dir, CpuUse};
use crate::Options;

const TARGET_SEQUENCING: f64 = 100_000.0;
const TARGET_VERIFY: Duration = Duration::from_secs(15);
/// A checkpoint is signed every this many entries: far more often than the
/// server, which signs at most one a second.
const CHECKPOINT_EVERY: u64 = 1_000;

pub fn run(options: &Options) -> Result<()> {
    let n = options.log_entries as u64;
    println!();
    println!(
        "== log: sequencing with tree update, tiles and checkpoint signing, in process ({} entries)",
        group(n as f64)
    );
    let origin = "bench.accord.example/forum";
    let signer = LogSigner::from_key(&LogSigner::generate(origin)?)?;

    // The full sequencing of the store's sequencer, without SQL: check the
    // action, stamp and encode the entry, fold it, hash it into the tree,
    // cut the finished tiles, sign a checkpoint every CHECKPOINT_EVERY.
    let mut state = State::new();
    let mut tree = MerkleTree::new();
    let mut entries: Vec<Vec<u8>> = Vec::with_capacity(n as usize);
    let mut tiles_bytes = 0usize;
    let mut checkpoints = 0u64;
    let forum = accord_domain::state::Action::EstablishForum {
        name: accord_domain::ids::DisplayName::parse("Benchmark forum")?,
        languages: vec![accord_domain::ids::LanguageTag::parse("en")?],
        log: Some(origin.to_owned()),
    };
    let mut actions = std::iter::once(forum).chain((1..n).map(|i| admit_organisation(&format!("L{i}"))));
    let cpu = CpuUse::start();
    let started = Instant::now();
    let mut domain = Duration::ZERO;
    for index in 0..n {
        let t = Instant::now();
        let action = actions.next().expect("n actions");
        let (actor, body, signature) = state.prepare(Principal::System, action)?;
        let entry = Entry { index, time: 1_764_000_000_000 + index as i64, actor, body, signature };
        let bytes = entry.encode()?;
        state.apply(&entry)?;
        domain += t.elapsed();
        tree.append(&bytes);
        entries.push(bytes);
        let size = tree.size();
        tiles_bytes += finished_tiles(&tree, &entries, size);
        if size.is_multiple_of(CHECKPOINT_EVERY) || size == n {
            std::hint::black_box(signer.sign(size, &tree.root()));
            checkpoints += 1;
        }
    }
    let took = started.elapsed();
    let cpu = cpu.report_process();
    let log_part = took.saturating_sub(domain);

    // The same tree work alone, over the encoded entries.
    let started = Instant::now();
    let mut tree2 = MerkleTree::new();
    for (i, bytes) in entries.iter().enumerate() {
        tree2.append(bytes);
        let size = i as u64 + 1;
        std::hint::black_box(finished_tiles(&tree2, &entries, size));
        if size.is_multiple_of(CHECKPOINT_EVERY) || size == n {
            std::hint::black_box(signer.sign(size, &tree2.root()));
        }
    }
    let tree_only = started.elapsed();
    assert_eq!(tree2.root(), tree.root());

    // Raw SHA-256: one leaf hash per entry, and as many interior node
    // hashes (0x01 || left || right) as the tree computed.
    let nodes = tree.stored_len() as u64 - n;
    let started = Instant::now();
    let mut last = [0u8; 32];
    for bytes in &entries {
        let mut h = Sha256::new();
        h.update([0u8]);
        h.update(bytes);
        last = h.finalize().into();
    }
    for _ in 0..nodes {
        let mut h = Sha256::new();
        h.update([1u8]);
        h.update(last);
        h.update(last);
        last = h.finalize().into();
    }
    std::hint::black_box(last);
    let raw = started.elapsed();

    let per_s = rate(n as usize, took);
    println!(
        "sequencing (prepare, encode, apply, tree, tiles, checkpoints): {} entries in {} = {} entries/s; {cpu}",
        group(n as f64),
        ms(took),
        group(per_s)
    );
    println!(
        "  of which the domain (prepare, encode, apply) {}, and the log (tree, tiles, {} checkpoints) {}",
        ms(domain),
        group(checkpoints as f64),
        ms(log_part)
    );
    println!(
        "  tiles cut: {:.1} MiB (hash tiles and entry bundles of every full tile)",
        tiles_bytes as f64 / 1048576.0
    );
    println!(
        "tree, tiles and checkpoints alone (over encoded entries): {} = {} entries/s",
        ms(tree_only),
        group(rate(n as usize, tree_only))
    );
    println!(
        "raw SHA-256 of the same leaves and {} interior nodes: {} = {} entries/s ({} leaf hashes/s)",
        group(nodes as f64),
        ms(raw),
        group(rate(n as usize, raw)),
        group(rate(n as usize, raw) * (n + nodes) as f64 / n as f64)
    );
    println!(
        "ratio to raw hashing: sequencing {:.3}, tree+tiles+checkpoints alone {:.3}",
        raw.as_secs_f64() / took.as_secs_f64(),
        raw.as_secs_f64() / tree_only.as_secs_f64()
    );
    println!(
        "target: >= {} entries/s sequenced with tree, tiles and checkpoints: {} ({})",
        group(TARGET_SEQUENCING),
        if per_s >= TARGET_SEQUENCING { "met" } else { "missed" },
        group(per_s)
    );

    verify_mirror(&signer, &tree, &entries)?;
    Ok(())
}

/// Cuts the tiles that entry `size - 1` completed (hash tiles at every
/// level, and the entry bundle): answers their bytes.
fn finished_tiles(tree: &MerkleTree, entries: &[Vec<u8>], size: u64) -> usize {
    let mut bytes = 0;
    if size.is_multiple_of(TILE_WIDTH) {
        let t = size / TILE_WIDTH - 1;
        let bundle = tiles::entry_bundle(entries[(t * TILE_WIDTH) as usize..size as usize].iter().map(Vec::as_slice));
        bytes += bundle.len();
        let mut level = 0u8;
        let mut span = TILE_WIDTH;
        while size.is_multiple_of(span) {
            let index = size / span - 1;
            let tile = tiles::hash_tile(tree, level, index, TILE_WIDTH).expect("a full tile");
            bytes += tile.len();
            level += 1;
            span = span.saturating_mul(TILE_WIDTH);
            if span == 0 || level > 6 {
                break;
            }
        }
    }
    bytes
}

/// Writes the log as a mirror directory (checkpoint, entry bundles and hash
/// tiles of every level) and
/// times `accord verify --dir` of it: every entry hashed into a tree whose
/// root must be the signed one, and the whole record replayed.
fn verify_mirror(signer: &LogSigner, tree: &MerkleTree, entries: &[Vec<u8>]) -> Result<()> {
    let n = entries.len() as u64;
    println!();
    println!("== verify: accord verify of a mirrored log of {} entries, replay included", group(n as f64));
    let dir = temp_dir()?;
    let mirror = dir.path().join("mirror");
    let started = Instant::now();
    write_mirror(&mirror, signer, tree, entries)?;
    println!("mirror written in {} ({} entry bundles)", ms(started.elapsed()), group(n.div_ceil(TILE_WIDTH) as f64));
    let opts = accord_client::verify::Options {
        source: accord_client::source::Source::Dir(mirror),
        log_key: Some(signer.verifier_key().to_owned()),
        witnesses: Vec::new(),
        quorum: 0,
        state_file: dir.path().join("verify-state.json"),
        progress: false,
        skip_state: false,
        forget: false,
    };
    let cpu = CpuUse::start();
    let started = Instant::now();
    let report = accord_client::verify::verify(&opts).map_err(anyhow::Error::msg).context("accord verify")?;
    let took = started.elapsed();
    let cpu = cpu.report_process();
    for line in &report.lines {
        println!("  {line}");
    }
    println!(
        "accord verify: {} entries in {} = {} entries/s; {cpu}",
        group(n as f64),
        ms(took),
        group(rate(n as usize, took))
    );
    println!(
        "target: a record of 1,000,000 entries verified in under {} s: {} ({:.2} s for {} entries)",
        TARGET_VERIFY.as_secs(),
        if n >= 1_000_000 && took < TARGET_VERIFY {
            "met"
        } else if n < 1_000_000 {
            "not measured at this size"
        } else {
            "missed"
        },
        took.as_secs_f64(),
        group(n as f64)
    );
    Ok(())
}

fn write_mirror(dir: &Path, signer: &LogSigner, tree: &MerkleTree, entries: &[Vec<u8>]) -> Result<()> {
    let n = entries.len() as u64;
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("checkpoint"), signer.sign(n, &tree.root()))?;
    for t in 0..n.div_ceil(TILE_WIDTH) {
        let from = t * TILE_WIDTH;
        let width = (n - from).min(TILE_WIDTH);
        let path = dir.join(TilePath::Entries { index: t, width }.to_path());
        std::fs::create_dir_all(path.parent().expect("tile paths have a parent"))?;
        let bundle = tiles::entry_bundle(entries[from as usize..(from + width) as usize].iter().map(Vec::as_slice));
        std::fs::write(path, bundle)?;
    }
    for tile in tiles::hash_tiles_for(n) {
        let TilePath::Hashes { level, index, width } = tile else { continue };
        let path = dir.join(tile.to_path());
        std::fs::create_dir_all(path.parent().expect("tile paths have a parent"))?;
        std::fs::write(path, tiles::hash_tile(tree, level, index, width).expect("a tile of the tree"))?;
    }
    Ok(())
}
