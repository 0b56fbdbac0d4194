//! The public log as files (`accord serve --log-dir DIR`), for any static
//! host: nginx, a CDN or an object store serves `DIR` as `log/` and the
//! world reads the record there, not from the forum's server.
//!
//! `DIR` holds exactly what the server answers under `/log/`:
//! - `checkpoint`: the latest signed checkpoint (with the cosignatures the
//!   witnesses have sent, rewritten as they arrive);
//! - `tile/<L>/<N>[.p/<W>]` and `tile/entries/<N>[.p/<W>]`: C2SP hash tiles
//!   and entry bundles; a full tile is written once and never changes, a
//!   tile not yet full is written under the C2SP partial name `.p/<W>`, a
//!   new file for each width, until the full one replaces it;
//! - `blob/<sha256>`: content entries name by hash (zero drafts, delivered
//!   statements), which `accord verify` reads to replay them;
//! - `state/<size>`: the state published with the checkpoint of `size`
//!   (the JSON of `/api/v1/log/state/<size>`), which `accord verify`
//!   compares with its replay.
//!
//! [`run_log_dir`] writes after each signed checkpoint: every file is
//! written under a temporary name (`.NAME.PID.tmp`, in the same directory),
//! flushed to disk and renamed over its final name, so that a static
//! server never serves half a file; the directories are flushed too, and
//! the checkpoint comes last, so that every tile and bundle it commits to
//! is there before anyone can read it. A crash leaves at worst a few
//! temporary files (removed at the next start) and tiles that no
//! checkpoint names yet (written again, the same); a restart continues
//! from the checkpoint in `DIR`.
//!
//! [`LogDir::open`] refuses a directory that belongs to another log: its
//! checkpoint must verify with this log's key, and the record must hold
//! the tree it names (same size or larger, same root at its size). A
//! directory without a checkpoint must hold nothing but what a previous
//! run of this writer may have left (`tile/`, `blob/`, `state/`).
//!
//! A file no newer checkpoint needs is removed [`SUPERSEDED_KEPT_FOR_MS`]
//! after it was superseded: the partial tiles of a tile once its full
//! tile is written (`tile/0/000.p/`), and the state of an older
//! checkpoint. A reader still holding an older checkpoint meanwhile finds
//! every file it names; later, it takes the full tile's first `W` hashes
//! or entries for a partial tile of width `W` (as `accord verify` does), or
//! reads the newer checkpoint. Keeping every partial tile would cost, for
//! a record that grows a few entries a second, up to a hundred times the
//! size of its full tiles. What a run had not yet removed when it stopped
//! is found by the next at its start.

use std::collections::{BTreeSet, VecDeque};
use std::io::Write;
use std::path::{Path, PathBuf};

use accord_log::tiles::{self, TilePath, TILE_WIDTH};
use accord_store::Store;

use crate::AppState;

/// The directory the log is written to, and how far it is written.
pub struct LogDir {
    dir: PathBuf,
    /// The size of the checkpoint last written (0: none yet).
    written: u64,
    /// That checkpoint's note, to tell when cosignatures were added.
    note: Option<String>,
    /// Files and directories no checkpoint since written needs, with when
    /// (the store's clock, Unix ms) they were superseded; oldest first.
    superseded: VecDeque<(i64, PathBuf)>,
}

/// How long a superseded file stays (ten minutes): longer than a reader
/// takes between reading a checkpoint and the tiles it names, even a full
/// `accord verify` of a large record over a slow link.
pub const SUPERSEDED_KEPT_FOR_MS: i64 = 10 * 60 * 1000;

/// What the writer found wrong, in words for the operator.
#[derive(Debug, thiserror::Error)]
pub enum LogDirError {
    #[error("{0}")]
    Refused(String),
    #[error("{what} {path}: {source}")]
    Io { what: &'static str, path: PathBuf, source: std::io::Error },
    #[error("reading the record: {0}")]
    Store(#[from] accord_store::StoreError),
}

fn io(what: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> LogDirError {
    let path = path.to_owned();
    move |source| LogDirError::Io { what, path, source }
}

impl LogDir {
    /// Opens (creating it if needed) the directory the log of `store`,
    /// signed with `verifier_key`, is written to; refuses one that holds
    /// another log, or a later or different tree than this record's.
    pub fn open(dir: &Path, store: &Store, verifier_key: &str) -> Result<LogDir, LogDirError> {
        std::fs::create_dir_all(dir).map_err(io("creating", dir))?;
        let checkpoint_path = dir.join("checkpoint");
        let note = match std::fs::read(&checkpoint_path) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(io("reading", &checkpoint_path)(e)),
        };
        let shown = dir.display();
        let Some(note) = note else {
            let mut others = Vec::new();
            for item in std::fs::read_dir(dir).map_err(io("reading", dir))? {
                let name = item.map_err(io("reading", dir))?.file_name().to_string_lossy().into_owned();
                if !matches!(name.as_str(), "tile" | "blob" | "state") && !name.ends_with(".tmp") {
                    others.push(name);
                }
            }
            if !others.is_empty() {
                others.sort();
                return Err(LogDirError::Refused(format!(
                    "{shown} is not empty ({}) and holds no checkpoint: give an empty directory, or the one this \
                     forum's log was written to",
                    others.join(", ")
                )));
            }
            let mut opened = LogDir { dir: dir.to_owned(), written: 0, note: None, superseded: VecDeque::new() };
            opened.find_superseded(store.clock().now_unix_ms())?;
            return Ok(opened);
        };
        let checkpoint = accord_log::checkpoint::open_checkpoint(&note, verifier_key).map_err(|e| {
            LogDirError::Refused(format!(
                "{shown} holds the log of another forum or key: its checkpoint does not verify with this log's key \
                 ({e}); give another --log-dir"
            ))
        })?;
        let size = checkpoint.size;
        let root = store.tree().root_at(size).map_err(|_| {
            LogDirError::Refused(format!(
                "{shown} holds a checkpoint of {size} entries but this record holds only {}: it was written from \
                 another copy of the record; give another --log-dir",
                store.len()
            ))
        })?;
        if root != checkpoint.root {
            return Err(LogDirError::Refused(format!(
                "{shown} holds a checkpoint of {size} entries whose root is not this record's tree at that size: \
                 the record was rewritten, or the directory holds another log; give another --log-dir"
            )));
        }
        let mut opened = LogDir {
            dir: dir.to_owned(),
            written: size,
            note: Some(String::from_utf8_lossy(&note).into_owned()),
            superseded: VecDeque::new(),
        };
        opened.find_superseded(store.clock().now_unix_ms())?;
        Ok(opened)
    }

    /// Notes, as superseded `now`, what an earlier run left: the partial
    /// tiles of every full tile, the state of every checkpoint before the
    /// one written. Removes the temporary files of a run that stopped
    /// while writing (no reader asks for them).
    fn find_superseded(&mut self, now: i64) -> Result<(), LogDirError> {
        fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), LogDirError> {
            for item in std::fs::read_dir(dir).map_err(io("reading", dir))? {
                let item = item.map_err(io("reading", dir))?;
                let path = item.path();
                let name = item.file_name().to_string_lossy().into_owned();
                if !item.file_type().map_err(io("reading", &path))?.is_dir() {
                    // Another server writing the same directory may be
                    // between creating and renaming its own: only what
                    // has lain there a while is a stopped run's.
                    if name.starts_with('.') && name.ends_with(".tmp") && left_a_while(&path) {
                        match std::fs::remove_file(&path) {
                            Ok(()) => {}
                            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                            Err(e) => return Err(io("removing", &path)(e)),
                        }
                    }
                    continue;
                }
                match name.strip_suffix(".p") {
                    Some(full) if dir.join(full).is_file() => out.push(path),
                    Some(_) | None => walk(&path, out)?,
                }
            }
            Ok(())
        }
        let mut found = Vec::new();
        walk(&self.dir, &mut found)?;
        let states = self.dir.join("state");
        if states.is_dir() {
            for item in std::fs::read_dir(&states).map_err(io("reading", &states))? {
                let item = item.map_err(io("reading", &states))?;
                if item.file_name().to_str().and_then(|n| n.parse::<u64>().ok()).is_some_and(|n| n < self.written) {
                    found.push(item.path());
                }
            }
        }
        found.sort();
        self.superseded.extend(found.into_iter().map(|p| (now, p)));
        Ok(())
    }

    /// Removes what was superseded [`SUPERSEDED_KEPT_FOR_MS`] or more
    /// before `now`. A file that cannot be removed is left (and logged):
    /// keeping it harms no reader.
    fn remove_superseded(&mut self, now: i64) {
        while let Some((when, _)) = self.superseded.front() {
            if now.saturating_sub(*when) < SUPERSEDED_KEPT_FOR_MS {
                break;
            }
            let (_, path) = self.superseded.pop_front().expect("a front");
            let removed = if path.is_dir() { std::fs::remove_dir_all(&path) } else { std::fs::remove_file(&path) };
            match removed {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    tracing::warn!(path = %path.display(), error = %e, "could not remove a superseded file of the log directory")
                }
                _ => {}
            }
        }
    }

    /// The size of the checkpoint last written.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// Writes what the checkpoint `note` of `size` commits to that is not
    /// written yet (entry bundles, blobs, hash tiles, its state), then the
    /// checkpoint. A checkpoint of the size already written is rewritten
    /// only if its note changed (cosignatures); an older one is skipped.
    pub fn write(&mut self, store: &Store, size: u64, note: &str) -> Result<(), LogDirError> {
        if size < self.written || (size == self.written && self.note.as_deref() == Some(note)) {
            return Ok(());
        }
        let mut dirs = BTreeSet::new();
        let mut superseded = Vec::new();
        if size > self.written {
            self.write_bundles(store, size, &mut dirs, &mut superseded)?;
            self.write_hash_tiles(store, size, &mut dirs, &mut superseded)?;
            if let Some(published) = crate::record::log::published_state(store, size)? {
                let json = serde_json::to_vec(&published).expect("a state serialises");
                self.write_file(&format!("state/{size}"), &json, &mut dirs)?;
            }
            // Every file the checkpoint names is on disk, under its name,
            // before the checkpoint is.
            for d in &dirs {
                sync_dir(d)?;
            }
        }
        let mut last = BTreeSet::new();
        self.write_file("checkpoint", note.as_bytes(), &mut last)?;
        sync_dir(&self.dir)?;
        let now = store.clock().now_unix_ms();
        if size > self.written && self.written > 0 {
            superseded.push(self.dir.join(format!("state/{}", self.written)));
        }
        self.superseded.extend(superseded.into_iter().map(|p| (now, p)));
        self.written = size;
        self.note = Some(note.to_owned());
        self.remove_superseded(now);
        Ok(())
    }

    /// The entry bundles of the entries from `self.written` to `size`, and
    /// the blobs those entries name.
    fn write_bundles(
        &self,
        store: &Store,
        size: u64,
        dirs: &mut BTreeSet<PathBuf>,
        superseded: &mut Vec<PathBuf>,
    ) -> Result<(), LogDirError> {
        let from = self.written;
        for t in from / TILE_WIDTH..size.div_ceil(TILE_WIDTH) {
            let width = tiles::available_width(size, 0, t);
            if width == tiles::available_width(from, 0, t) {
                continue;
            }
            let first = t * TILE_WIDTH;
            let entries = store.entry_bytes(first.checked_sub(1), width)?;
            if entries.len() as u64 != width {
                return Err(LogDirError::Refused(format!(
                    "the record holds {} entries from {first} where its tree holds {width}",
                    entries.len()
                )));
            }
            for (index, bytes) in entries.iter().filter(|(index, _)| *index >= from) {
                let entry = accord_domain::Entry::decode(bytes)
                    .map_err(|r| LogDirError::Refused(format!("entry {index} of the record: {}", r.message)))?;
                if let Some(blob) = entry.body.blob() {
                    let path = format!("blob/{}", blob.hex());
                    if !self.dir.join(&path).exists() {
                        let content = store.blob(&blob.sha256)?.ok_or_else(|| {
                            LogDirError::Refused(format!(
                                "entry {index} names blob {}, which is not stored",
                                blob.hex()
                            ))
                        })?;
                        self.write_file(&path, &content, dirs)?;
                    }
                }
            }
            let bundle = tiles::entry_bundle(entries.iter().map(|(_, b)| b.as_slice()));
            self.write_tile(TilePath::Entries { index: t, width }, &bundle, dirs, superseded)?;
        }
        Ok(())
    }

    /// The hash tiles, at every level, that grew from `self.written` to
    /// `size`.
    fn write_hash_tiles(
        &self,
        store: &Store,
        size: u64,
        dirs: &mut BTreeSet<PathBuf>,
        superseded: &mut Vec<PathBuf>,
    ) -> Result<(), LogDirError> {
        let from = self.written;
        for tile in tiles::hash_tiles_for(size) {
            let TilePath::Hashes { level, index, width } = tile else { continue };
            if width == tiles::available_width(from, level, index) {
                continue;
            }
            // The nodes of a tree of `size` are those of the record's
            // tree, however far it has grown since.
            let bytes = tiles::hash_tile(&store.tree(), level, index, width)
                .ok_or_else(|| LogDirError::Refused(format!("the record's tree has no tile {}", tile.to_path())))?;
            self.write_tile(tile, &bytes, dirs, superseded)?;
        }
        Ok(())
    }

    /// Writes a tile; a full one supersedes the partial ones of its index.
    fn write_tile(
        &self,
        tile: TilePath,
        bytes: &[u8],
        dirs: &mut BTreeSet<PathBuf>,
        superseded: &mut Vec<PathBuf>,
    ) -> Result<(), LogDirError> {
        let path = tile.to_path();
        self.write_file(&path, bytes, dirs)?;
        let full = match tile {
            TilePath::Hashes { width, .. } | TilePath::Entries { width, .. } => width == TILE_WIDTH,
        };
        let partials = self.dir.join(format!("{path}.p"));
        if full && partials.is_dir() {
            superseded.push(partials);
        }
        Ok(())
    }

    /// Writes `bytes` to `path` (under the directory) through a temporary
    /// file flushed to disk and renamed; notes the directory it is in, to
    /// be flushed.
    fn write_file(&self, path: &str, bytes: &[u8], dirs: &mut BTreeSet<PathBuf>) -> Result<(), LogDirError> {
        let file = self.dir.join(path);
        let parent = file.parent().expect("a file under the directory").to_owned();
        if !dirs.contains(&parent) && !parent.is_dir() {
            std::fs::create_dir_all(&parent).map_err(io("creating", &parent))?;
            // The new directories' names are in their parents: flushed too.
            for ancestor in parent.ancestors().skip(1).take_while(|a| a.starts_with(&self.dir)) {
                dirs.insert(ancestor.to_owned());
            }
        }
        let name = file.file_name().expect("a file name").to_string_lossy();
        // Named for this process: servers sharing the directory (several
        // on one database) each write whole files and rename them into
        // place, the same bytes under the same final name.
        let tmp = parent.join(format!(".{name}.{}.tmp", std::process::id()));
        let mut out = std::fs::File::create(&tmp).map_err(io("creating", &tmp))?;
        out.write_all(bytes).map_err(io("writing", &tmp))?;
        out.sync_all().map_err(io("flushing", &tmp))?;
        drop(out);
        std::fs::rename(&tmp, &file).map_err(io("renaming", &file))?;
        dirs.insert(parent);
        Ok(())
    }
}

/// Whether a temporary file was last written a minute ago or more (a file
/// whose age cannot be read counts as old).
fn left_a_while(path: &Path) -> bool {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_none_or(|age| age >= std::time::Duration::from_secs(60))
}

/// Flushes a directory, so that the names renamed into it last.
fn sync_dir(dir: &Path) -> Result<(), LogDirError> {
    std::fs::File::open(dir).and_then(|d| d.sync_all()).map_err(io("flushing", dir))
}

/// Writes the log to `dir` after every checkpoint signed and every
/// cosignature added, until the process ends: at start, it catches up
/// with the latest checkpoint. A failure to write is logged and tried
/// again at the next checkpoint; it never stops the server, whose own
/// `/log/` stays complete.
pub async fn run_log_dir(app: AppState, mut dir: LogDir) {
    let mut changes = app.log.watch();
    loop {
        // Seen before reading the latest checkpoint: one published while
        // this one is written wakes the loop again.
        changes.borrow_and_update();
        if let Some((size, note)) = app.log.latest() {
            let store = app.store.clone();
            let done = tokio::task::spawn_blocking(move || {
                let outcome = dir.write(&store, size, &note);
                (dir, outcome)
            })
            .await;
            match done {
                Ok((back, outcome)) => {
                    dir = back;
                    if let Err(e) = outcome {
                        tracing::error!(error = %e, size, "could not write the log directory");
                    }
                }
                Err(e) => {
                    tracing::error!(error = %e, "the log directory's writer failed");
                    return;
                }
            }
        }
        if changes.changed().await.is_err() {
            return;
        }
    }
}
