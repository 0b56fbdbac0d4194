//! `accord verify`: independent verification of a forum's record.
//!
//! What is checked, in order, and what each failure means:
//! 1. the checkpoint's signature, with the log's verifier key (given, or
//!    remembered from an earlier run — trusted on first use only when no
//!    key is given and none is remembered, and then said so);
//! 2. the witnesses' cosignatures required by `--witness` and `--quorum`;
//! 3. every entry, fetched from the entry bundles, hashed into a Merkle
//!    tree computed here: its root must be the signed root; then every
//!    hash tile the log serves for that size, at every level, must equal
//!    the tile computed from the entries (mirrors and tlog clients read
//!    them): a tile that differs or is missing is named;
//! 4. every entry decoded and replayed through the domain's rules
//!    (`State::apply`): a record that breaks the rules is reported with
//!    the entry at fault; in a record of edition 1 or 2 of the rules, a
//!    member's weak key, or a signature that only lenient verification
//!    takes, is accepted as it was written and reported as a warning that
//!    names the entry, the member and the key (edition 3 refuses both);
//!    and every consultation analysis published in the record
//!    (`consultation.analysis_published`) recomputed from the votes the
//!    replay holds at that entry: a digest that differs fails, naming it;
//! 5. the state the server publishes for that checkpoint (through its API,
//!    or as `log/state/<size>`, which a static host of `log/` and a mirror
//!    directory hold too) must equal the replay's, part by part
//!    (`State::digest_parts`: the forum, members, delegates, each process,
//!    each version's text, each meeting, vote and decision...), and every
//!    part that differs is named; a URL that publishes no state fails
//!    (`--skip-state` to check the log alone), a mirror directory without
//!    one is checked without it;
//! 6. the checkpoint verified on the previous run (kept in the state file)
//!    must be a prefix of this one: same root at that size, recomputed
//!    here from the entries. A log that shrank, forked or rewrote its past
//!    fails here. A state file that remembers another log (origin) is a
//!    refusal, said in those words, unless `--forget` is given.
//!
//! Details: if the root differs, the level-0 hash tiles locate the changed
//! entry. For a v2 checkpoint the published digest must also be that of
//! the published parts, and every part that differs, is missing or is extra
//! is named (`process 1 version 3 text differs`); older checkpoints compare
//! the one v1 digest. On a terminal a progress bar shows the rate and the
//! time left (`indicatif`, rather than hand-drawn `\r` lines; hidden when
//! standard error is not a terminal).

use std::path::PathBuf;

use accord_domain::state::Leniency;
use accord_domain::{Entry, State};
use accord_log::checkpoint::{open_checkpoint, CosignatureVerifier};
use accord_log::tiles::{self, TilePath, TILE_WIDTH};
use accord_log::MerkleTree;
use base64::prelude::{Engine, BASE64_STANDARD};
use serde_json::json;

use crate::source::Source;

/// Recomputes a published consultation analysis on the state it was folded
/// on (the domain has checked that the consultation did not change since
/// the record size it names) and compares digests.
fn check_published_analysis(
    state: &State,
    index: u64,
    published: &accord_domain::consultation::AnalysisPublished,
) -> Result<(), String> {
    let c = state.consultation(published.consultation).map_err(|r| format!("entry {index}: {}", r.message))?;
    let engine = published.engine.unwrap_or(1);
    let (_, report) = accord_domain::consultation::analysis::analyse_consultation(c, engine);
    let ours = report.digest();
    if ours != published.digest {
        return Err(format!(
            "entry {index}: the analysis of consultation {} published at record size {} has the digest {}, but \
             recomputed from the record (engine edition {engine}) it is {ours}: the published result is not what \
             the votes give",
            published.consultation, published.record_size, published.digest
        ));
    }
    Ok(())
}

pub struct Options {
    pub source: Source,
    /// The log's verifier key (`name+id+base64`).
    pub log_key: Option<String>,
    /// Witness verifier keys whose cosignatures count.
    pub witnesses: Vec<String>,
    /// How many of them must have cosigned.
    pub quorum: usize,
    /// Where the last verified checkpoint is remembered.
    pub state_file: PathBuf,
    /// Show progress on standard error.
    pub progress: bool,
    /// Do not compare the state a server publishes (a server that publishes
    /// none is otherwise a failure; a mirror directory has none to compare).
    pub skip_state: bool,
    /// Forget the log the state file remembers, instead of refusing when it
    /// is another log than this one.
    pub forget: bool,
}

/// What was verified, for the report.
#[derive(Debug)]
pub struct Report {
    pub origin: String,
    pub size: u64,
    pub lines: Vec<String>,
    /// What the record holds that verifies only under an older edition's
    /// rules (weak keys, signatures only lenient verification takes): the
    /// record verifies, but these could be forgeries.
    pub warnings: Vec<String>,
}

/// Verifies the log; the error says exactly what diverges.
pub fn verify(opts: &Options) -> Result<Report, String> {
    let mut lines = Vec::new();
    let mut remembered = read_state(&opts.state_file)?;

    // 1. The checkpoint and its signature.
    let note = opts.source.log_file("checkpoint")?;
    if let Some(prev) = &remembered {
        // The origin is the note's first line; say plainly when it is not
        // the log remembered, before anything else fails for that reason.
        let origin = String::from_utf8_lossy(note.split(|b| *b == b'\n').next().unwrap_or_default()).into_owned();
        let prev_origin = prev["origin"].as_str().unwrap_or("(none)").to_owned();
        if opts.forget {
            lines.push(format!(
                "history: forgot the log {prev_origin} (size {}) remembered in {} (--forget); this run starts afresh",
                prev["size"],
                opts.state_file.display()
            ));
            remembered = None;
        } else if prev_origin != origin {
            return Err(format!(
                "history: {} remembers another log, {prev_origin} (verified up to size {}), but this log is {origin}: \
                 use another --state file for another forum, or give --forget to forget {prev_origin} and remember \
                 this log from now on",
                opts.state_file.display(),
                prev["size"]
            ));
        }
    }
    let key = match (&opts.log_key, remembered.as_ref().and_then(|r| r["log_key"].as_str())) {
        (Some(k), _) => k.clone(),
        (None, Some(k)) => k.to_owned(),
        (None, None) => {
            let info = opts.source.api("log")?.ok_or("give the log's verifier key with --key")?;
            let k = info["verifier_key"].as_str().ok_or("the server publishes no verifier key")?.to_owned();
            lines.push(format!(
                "key: {k} taken from the server on first use; compare it with the one the forum publishes elsewhere"
            ));
            k
        }
    };
    let from_state = opts.log_key.is_none() && remembered.as_ref().is_some_and(|r| r["log_key"].is_string());
    let checkpoint = open_checkpoint(&note, &key).map_err(|e| {
        if from_state {
            format!(
                "checkpoint: {e} — the key was remembered in {} by an earlier run; if this is another forum (or the forum \
                 made a new key), check it with --state pointing to another file, or give --key",
                opts.state_file.display()
            )
        } else {
            format!("checkpoint: {e}")
        }
    })?;
    let size = checkpoint.size;
    lines.push(format!("checkpoint: {} size {size}, signature verified", checkpoint.origin));
    // The state published with this checkpoint, read now (compared after
    // the replay): a log directory removes an older checkpoint's state some
    // minutes after a newer one is written.
    let published = if opts.skip_state {
        None
    } else {
        // The forum's API publishes the state; a copy of `log/` (a static
        // host, a directory) holds the same document as `state/<size>`.
        match opts.source.api(&format!("log/state/{size}"))? {
            Some(published) => Some(published),
            None => match opts.source.log_file_if_any(&format!("state/{size}"))? {
                Some(bytes) => Some(
                    serde_json::from_slice(&bytes)
                        .map_err(|e| format!("state: state/{size} beside the log is not JSON: {e}"))?,
                ),
                None => None,
            },
        }
    };

    // 2. Witnesses.
    if opts.quorum > opts.witnesses.len() {
        return Err(format!(
            "--quorum {} asks for more witnesses than the {} given",
            opts.quorum,
            opts.witnesses.len()
        ));
    }
    if !opts.witnesses.is_empty() {
        let mut cosigned = Vec::new();
        let mut missing = Vec::new();
        for w in &opts.witnesses {
            let v = CosignatureVerifier::new(w).map_err(|e| format!("witness key {w}: {e}"))?;
            match v.cosigned_at(&note) {
                Some(_) => cosigned.push(v.name().to_owned()),
                None => missing.push(v.name().to_owned()),
            }
        }
        if cosigned.len() < opts.quorum {
            return Err(format!(
                "witnesses: {} of the required {} cosigned this checkpoint (missing: {})",
                cosigned.len(),
                opts.quorum,
                missing.join(", ")
            ));
        }
        lines.push(format!("witnesses: {} cosigned ({}), quorum {}", cosigned.len(), cosigned.join(", "), opts.quorum));
    }

    // 3 and 4. Every entry: hashed, decoded, replayed.
    let mut tree = MerkleTree::new();
    let mut state = State::new();
    let mut warnings = Vec::new();
    let mut analyses = 0u64;
    let tiles_count = size.div_ceil(TILE_WIDTH);
    let bar = progress_bar(opts.progress, size);
    for t in 0..tiles_count {
        let width = (size - t * TILE_WIDTH).min(TILE_WIDTH);
        let tile = TilePath::Entries { index: t, width };
        let path = tile.to_path();
        let bundle = read_tile(&opts.source, tile)?;
        let entries =
            tiles::parse_entry_bundle(&bundle).ok_or_else(|| format!("{path}: the entry bundle is malformed"))?;
        if entries.len() as u64 != width {
            return Err(format!("{path}: {} entries where the checkpoint implies {width}", entries.len()));
        }
        for (i, bytes) in entries.iter().enumerate() {
            let index = t * TILE_WIDTH + i as u64;
            tree.append(bytes);
            let mut entry = Entry::decode(bytes).map_err(|r| format!("entry {index}: {}", r.message))?;
            if let Some(blob) = entry.body.blob_mut() {
                // Content the entry names by hash (a draft) is served beside
                // the tiles, at `blob/<sha256>`; its hash is checked here.
                let content = opts.source.log_file(&format!("blob/{}", blob.hex()))?;
                blob.attach(content).map_err(|r| format!("entry {index}: {}", r.message))?;
            }
            if entry.index != index {
                return Err(format!("entry {index}: it says it is entry {}", entry.index));
            }
            let noted = state
                .apply_noting(&entry)
                .map_err(|r| format!("entry {index}: the rules refuse it on replay: {}", r.message))?;
            warnings.extend(noted.iter().map(|leniency| leniency_warning(&state, index, leniency)));
            if let accord_domain::EntryBody::ConsultationAnalysisPublished(published) = &entry.body {
                check_published_analysis(&state, index, published)?;
                analyses += 1;
            }
        }
        bar.inc(width);
    }
    bar.finish_and_clear();
    if tree.root() != checkpoint.root {
        return Err(first_divergence(&opts.source, &tree, size)
            .unwrap_or_else(|| "entries: the entries served do not hash to the signed root".into()));
    }
    lines.push(format!("entries: {size} fetched, every hash checked, the tree's root is the signed root"));
    let hash_tiles = check_hash_tiles(&opts.source, &tree, size)?;
    lines.push(format!("hash tiles: all {hash_tiles} served (every level) equal the tiles computed from the entries"));
    lines.push(format!("replay: {size} entries applied under the rules"));
    if analyses > 0 {
        lines.push(format!(
            "consultations: {analyses} published analyses recomputed from the record, each with the digest published"
        ));
    }

    // 5. What the server shows.
    if opts.skip_state {
        lines.push("state: not compared (--skip-state)".into());
    } else {
        match published {
            Some(published) => lines.push(compare_state(&state, size, &published)?),
            None if opts.source.is_url() => {
                return Err(format!(
                    "state: the server publishes no state for its checkpoint of size {size} (404 at \
                     /api/v1/log/state/{size} and at /log/state/{size}), so what it shows cannot be compared with its \
                     record; give --skip-state to check the log alone"
                ))
            }
            None => {
                lines.push("state: a mirror publishes no state to compare; the log and the replay are checked".into())
            }
        }
    }

    // 6. The log only grew since the last run.
    if let Some(prev) = remembered {
        let prev_size = prev["size"].as_u64().unwrap_or(0);
        let prev_root = prev["root"].as_str().unwrap_or_default();
        if prev["origin"].as_str() == Some(checkpoint.origin.as_str()) {
            // (Another origin was refused, or forgotten, above.)
            if size < prev_size {
                return Err(format!(
                    "history: the log shrank from {prev_size} entries (verified earlier) to {size}: entries were removed"
                ));
            }
            let root_then = tree.root_at(prev_size).map_err(|e| e.to_string())?;
            if BASE64_STANDARD.encode(root_then.0) != prev_root {
                return Err(format!(
                    "history: the first {prev_size} entries no longer hash to the root verified earlier (remembered in {}): \
                     the record was rewritten",
                    opts.state_file.display()
                ));
            }
            lines.push(format!("history: consistent with the checkpoint of size {prev_size} verified earlier"));
        }
    }
    write_state(
        &opts.state_file,
        &json!({
            "origin": checkpoint.origin,
            "log_key": key,
            "size": size,
            "root": BASE64_STANDARD.encode(checkpoint.root.0),
        }),
    )?;
    Ok(Report { origin: checkpoint.origin, size, lines, warnings })
}

/// The warning for what an entry of an older edition holds that edition 3
/// of the rules refuses.
fn leniency_warning(state: &State, index: u64, leniency: &Leniency) -> String {
    let edition = state.edition();
    let member = |code: &accord_domain::MemberCode| match state.members.get(code) {
        Some(m) => format!("{code} ({})", m.name.as_str()),
        None => code.to_string(),
    };
    match leniency {
        Leniency::WeakKey { member: code, key, weakness } => format!(
            "entry {index}: {} registered the key {key}, {}; this record follows edition {edition} of the rules, \
             which accepted it",
            member(code),
            weakness.describe()
        ),
        Leniency::LenientSignature { member: code, key } => format!(
            "entry {index}: the signature of {} with the key {key} verifies only under the lenient verification \
             of edition {edition} of the rules, not strictly: it may be forged",
            member(code)
        ),
    }
}

/// A progress bar on standard error with the rate and the time left, drawn
/// only when asked (`accord verify` asks when standard error is a
/// terminal; indicatif also stays quiet when it is not); cleared when done
/// or dropped, so that a failure's message starts on a clean line.
fn progress_bar(show: bool, size: u64) -> indicatif::ProgressBar {
    if !show || size == 0 {
        return indicatif::ProgressBar::hidden();
    }
    // Short enough for an 80-column terminal at a million entries.
    let style =
        indicatif::ProgressStyle::with_template("{bar:20} {human_pos}/{human_len} · {rate} entries/s · {eta} left")
            .expect("a valid template")
            .with_key("rate", |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{}", indicatif::HumanCount(state.per_sec() as u64));
            });
    indicatif::ProgressBar::with_draw_target(Some(size), indicatif::ProgressDrawTarget::stderr())
        .with_style(style)
        .with_finish(indicatif::ProgressFinish::AndClear)
}

/// The most differing parts named in one report.
const MAX_PARTS_NAMED: usize = 20;

/// Compares the state a server published for a checkpoint with the replay
/// of its record: part by part for format v2 (naming every part that
/// differs, is missing or is extra), or the one v1 digest of checkpoints
/// signed before. Answers the report's line.
fn compare_state(state: &State, size: u64, published: &serde_json::Value) -> Result<String, String> {
    use accord_domain::state::{STATE_DIGEST_V1, STATE_DIGEST_V2};
    let differs = |what: String| {
        format!("state: the server shows a state that differs from the replay of its record at size {size}: {what}")
    };
    let format = published["format"].as_str().unwrap_or(STATE_DIGEST_V1);
    let their_digest = published["digest"].as_str().unwrap_or_default();
    match format {
        STATE_DIGEST_V2 => {
            let theirs = published["parts"].as_object().ok_or("state: a v2 state without its parts")?;
            let mut their_parts = std::collections::BTreeMap::new();
            for (name, hex_digest) in theirs {
                let bytes = hex_digest
                    .as_str()
                    .and_then(|h| hex::decode(h).ok())
                    .and_then(|b| <[u8; 32]>::try_from(b).ok())
                    .ok_or_else(|| format!("state: the published part {name:?} is not a SHA-256 in hex"))?;
                their_parts.insert(name.clone(), bytes);
            }
            if hex::encode(State::digest_v2(size, &their_parts)) != their_digest {
                return Err(format!(
                    "state: the published digest {their_digest} is not the digest of the published parts: the server's \
                     state at size {size} is inconsistent"
                ));
            }
            let ours = state.digest_parts();
            let mut names: Vec<&String> = ours.keys().chain(their_parts.keys()).collect();
            names.sort();
            names.dedup();
            let found: Vec<String> = names
                .into_iter()
                .filter_map(|name| match (ours.get(name), their_parts.get(name)) {
                    (Some(a), Some(b)) if a == b => None,
                    (Some(_), Some(_)) => Some(format!("{name} differs")),
                    (Some(_), None) => Some(format!("{name} is missing from the server's state")),
                    (None, _) => Some(format!("{name} is shown by the server but not in the record")),
                })
                .collect();
            if !found.is_empty() {
                let mut what = found.iter().take(MAX_PARTS_NAMED).cloned().collect::<Vec<_>>().join("; ");
                if found.len() > MAX_PARTS_NAMED {
                    what.push_str(&format!("; and {} more parts", found.len() - MAX_PARTS_NAMED));
                }
                return Err(differs(what));
            }
            if hex::encode(State::digest_v2(size, &ours)) != their_digest {
                return Err(differs(format!("every part is equal but the digest is not (published {their_digest})")));
            }
            Ok(format!("state: the server's published state equals the replay, part by part ({} parts)", ours.len()))
        }
        STATE_DIGEST_V1 => {
            let ours = hex::encode(state.digest());
            if their_digest != ours {
                return Err(differs(format!(
                    "published digest {their_digest}, replay {ours} (format v1, one digest: the parts cannot be named)"
                )));
            }
            Ok("state: the server's published state equals the replay (a checkpoint signed with the v1 digest, \
                which covers the forum, members, delegates, texts, proposals and decisions only)"
                .into())
        }
        other => Err(format!("state: the server publishes its state in a format this verifier does not know: {other}")),
    }
}

/// Compares every hash tile the log serves for a checkpoint of `size`
/// (`tile/<L>/<N>[.p/<W>]`, every level) with the tile computed here from
/// the entries: mirrors and other tlog clients read those tiles, not the
/// entries, so a log whose tiles lie to them is caught. Answers how many
/// tiles were compared; the error names the tile and the first hash in it
/// that differs.
fn check_hash_tiles(source: &Source, tree: &MerkleTree, size: u64) -> Result<usize, String> {
    let paths = tiles::hash_tiles_for(size);
    for tile in &paths {
        let TilePath::Hashes { level, index, width } = *tile else { continue };
        let path = tile.to_path();
        let ours = tiles::hash_tile(tree, level, index, width)
            .ok_or_else(|| format!("{path}: the tree computed here has no such tile"))?;
        let served = read_tile(source, *tile).map_err(|e| {
            format!("hash tiles: {path} is missing: the log does not serve it, though its checkpoint of size {size} implies it ({e})")
        })?;
        if served.len() != ours.len() {
            return Err(format!(
                "hash tiles: {path} differs from the hashes of the entries: it holds {} bytes where {width} hashes take {}",
                served.len(),
                ours.len()
            ));
        }
        if let Some(i) = (0..width as usize).find(|&i| served[i * 32..(i + 1) * 32] != ours[i * 32..(i + 1) * 32]) {
            let node = index * TILE_WIDTH + i as u64;
            let span = 1u64 << (8 * u32::from(level));
            let covers = if level == 0 {
                format!("the hash of entry {node}")
            } else {
                format!("level {level}, node {node}, over entries {} to {}", node * span, (node + 1) * span - 1)
            };
            return Err(format!(
                "hash tiles: {path} differs from the hashes of the entries: its hash {i} ({covers}) is not the one \
                 computed from them"
            ));
        }
    }
    Ok(paths.len())
}

/// Finds the first entry whose hash differs from the log's level-0 hash
/// tiles, to say which entry was changed.
fn first_divergence(source: &Source, tree: &MerkleTree, size: u64) -> Option<String> {
    for t in 0..size.div_ceil(TILE_WIDTH) {
        let width = (size - t * TILE_WIDTH).min(TILE_WIDTH);
        let served = read_tile(source, TilePath::Hashes { level: 0, index: t, width }).ok()?;
        for i in 0..width {
            let index = t * TILE_WIDTH + i;
            let ours = tree.leaf(index).ok()?;
            if served.get(i as usize * 32..(i as usize + 1) * 32)? != ours.0 {
                return Some(format!(
                    "entries: entry {index} served is not the entry the log committed to (its hash differs from the signed tree)"
                ));
            }
        }
    }
    None
}

/// Reads a tile. A partial tile the log no longer serves (a log directory
/// removes them some minutes after the full tile is written) is taken from
/// the full tile's first hashes or entries, as C2SP clients do: a full tile
/// begins with every partial one of its index.
fn read_tile(source: &Source, tile: TilePath) -> Result<Vec<u8>, String> {
    let path = tile.to_path();
    let (full, width) = match tile {
        TilePath::Hashes { level, index, width } => (TilePath::Hashes { level, index, width: TILE_WIDTH }, width),
        TilePath::Entries { index, width } => (TilePath::Entries { index, width: TILE_WIDTH }, width),
    };
    if width == TILE_WIDTH {
        return source.log_file(&path);
    }
    if let Some(bytes) = source.log_file_if_any(&path)? {
        return Ok(bytes);
    }
    let Some(bytes) = source.log_file_if_any(&full.to_path())? else {
        // Neither: the partial tile's own error says what is missing.
        return source.log_file(&path);
    };
    Ok(match tile {
        TilePath::Hashes { .. } => bytes[..bytes.len().min(width as usize * 32)].to_vec(),
        TilePath::Entries { .. } => match tiles::parse_entry_bundle(&bytes) {
            Some(entries) => tiles::entry_bundle(entries.iter().take(width as usize).map(Vec::as_slice)),
            // Malformed: said so by the caller.
            None => bytes,
        },
    })
}

fn read_state(path: &PathBuf) -> Result<Option<serde_json::Value>, String> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map(Some).map_err(|e| format!("{}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

fn write_state(path: &PathBuf, value: &serde_json::Value) -> Result<(), String> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, serde_json::to_vec_pretty(value).unwrap_or_default())
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| format!("saving {}: {e}", path.display()))
}
