//! The fonts Accord typesets with, found once and shared.
//!
//! Accord does not bundle fonts: it reads Debian's Noto packages from the
//! system (`fonts-noto-core` for Latin, Cyrillic and Arabic, `fonts-noto-cjk`
//! for Chinese), or the same files from a directory the operator names
//! (`accord serve --fonts DIR`, `ACCORD_FONTS`). Only the faces named in
//! [`FACES`] are read, so that a system with hundreds of fonts is not
//! scanned face by face, and a document always uses the same fonts whatever
//! else is installed.
//!
//! [`Fonts::shared`] finds the files once per list of directories and keeps
//! the result: the font book (each face's family, style and coverage) is
//! built when the fonts are first asked for, each face's bytes are read the
//! first time a document uses it and kept. Typesetting never reads the disk
//! again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;

use crate::Language;

/// A font family Accord typesets with, and the Debian package that has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Family {
    /// The family's name, as typst selects it.
    pub name: &'static str,
    /// The Debian package that installs it.
    pub package: &'static str,
}

/// Latin and Cyrillic: English, French, Spanish, Russian; also the digits
/// and Latin names in Arabic and Chinese documents.
pub const SANS: Family = Family { name: "Noto Sans", package: "fonts-noto-core" };
/// Arabic, in the naskh style of printed documents.
pub const NASKH: Family = Family { name: "Noto Naskh Arabic", package: "fonts-noto-core" };
/// Chinese, simplified.
pub const CJK_SC: Family = Family { name: "Noto Sans CJK SC", package: "fonts-noto-cjk" };

/// The files read, by name: wherever they are under the font directories.
pub const FACES: &[&str] = &[
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSans-Italic.ttf",
    "NotoSans-BoldItalic.ttf",
    "NotoNaskhArabic-Regular.ttf",
    "NotoNaskhArabic-Bold.ttf",
    "NotoSansCJK-Regular.ttc",
    "NotoSansCJK-Bold.ttc",
];

/// The directories searched when the operator names none of their own.
pub const SYSTEM_DIRS: &[&str] = &["/usr/share/fonts", "/usr/local/share/fonts"];

/// How deep under a font directory a face is looked for (Debian keeps them
/// at `/usr/share/fonts/truetype/noto/`).
const MAX_DEPTH: usize = 6;

/// One face: where it is, and its font once read.
struct Slot {
    path: PathBuf,
    index: u32,
    font: OnceLock<Option<Font>>,
}

/// The faces found and their book.
pub struct Fonts {
    book: LazyHash<FontBook>,
    slots: Vec<Slot>,
    /// Where the faces were looked for, to name in an error.
    dirs: Vec<PathBuf>,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fonts").field("faces", &self.slots.len()).field("dirs", &self.dirs).finish()
    }
}

fn find(dir: &Path, depth: usize, found: &mut HashMap<&'static str, PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut subdirs = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() {
            subdirs.push(path);
        } else if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
            if let Some(face) = FACES.iter().find(|f| **f == name) {
                found.entry(face).or_insert(path);
            }
        }
    }
    if depth < MAX_DEPTH {
        subdirs.sort();
        for d in subdirs {
            find(&d, depth + 1, found);
        }
    }
}

impl Fonts {
    /// Finds [`FACES`] under `dirs` (the first found wins, in the order of
    /// `dirs`) and reads their book. Files that are not fonts are skipped.
    pub fn load(dirs: &[PathBuf]) -> Fonts {
        let mut found = HashMap::new();
        for d in dirs {
            find(d, 0, &mut found);
        }
        let mut book = FontBook::new();
        let mut slots = Vec::new();
        for face in FACES {
            let Some(path) = found.get(face) else { continue };
            let Ok(data) = std::fs::read(path) else { continue };
            let count = ttf_count(&data);
            for index in 0..count {
                if let Some(info) = FontInfo::new(&data, index) {
                    book.push(info);
                    slots.push(Slot { path: path.clone(), index, font: OnceLock::new() });
                }
            }
        }
        Fonts { book: LazyHash::new(book), slots, dirs: dirs.to_vec() }
    }

    /// The fonts under `dirs`, found once for each list of directories and
    /// shared by every document after.
    pub fn shared(dirs: &[PathBuf]) -> Arc<Fonts> {
        static LOADED: OnceLock<Mutex<HashMap<Vec<PathBuf>, Arc<Fonts>>>> = OnceLock::new();
        let mut loaded = LOADED.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
        loaded.entry(dirs.to_vec()).or_insert_with(|| Arc::new(Fonts::load(dirs))).clone()
    }

    /// The directories to search: the operator's, then the system's.
    pub fn dirs(operator: Option<&Path>) -> Vec<PathBuf> {
        operator.map(Path::to_path_buf).into_iter().chain(SYSTEM_DIRS.iter().map(PathBuf::from)).collect()
    }

    pub(crate) fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    pub(crate) fn font(&self, index: usize) -> Option<Font> {
        let slot = self.slots.get(index)?;
        slot.font
            .get_or_init(|| {
                let data = std::fs::read(&slot.path).ok()?;
                Font::new(Bytes::new(data), slot.index)
            })
            .clone()
    }

    /// The families a document in `language` is set in, first the one for
    /// its script.
    pub fn families(language: Language) -> &'static [Family] {
        match language {
            Language::Ar => &[NASKH, SANS],
            Language::Zh => &[CJK_SC, SANS],
            _ => &[SANS],
        }
    }

    /// The families `language` needs that are not installed.
    pub fn missing(&self, language: Language) -> Vec<Family> {
        Fonts::families(language)
            .iter()
            .copied()
            .filter(|f| !self.book.contains_family(&f.name.to_lowercase()))
            .collect()
    }

    /// Where the fonts were looked for.
    pub fn searched(&self) -> &[PathBuf] {
        &self.dirs
    }
}

/// The number of faces in a font file: a collection's (`ttcf`) count, else
/// one.
fn ttf_count(data: &[u8]) -> u32 {
    if data.len() >= 12 && &data[0..4] == b"ttcf" {
        u32::from_be_bytes([data[8], data[9], data[10], data[11]]).min(64)
    } else {
        1
    }
}
