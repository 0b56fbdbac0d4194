//! C2SP tlog-tiles: the record served as static, immutable files.
//!
//! Tiles have height 8: a hash tile at level `L` holds up to 256 hashes of
//! tree nodes at height `8·L`; an entry bundle holds up to 256 entries, each
//! prefixed by its length as a big-endian 16-bit integer. A tile that is not
//! yet full is served as a partial tile `.p/<W>` of width `W`. Paths encode
//! the tile index in groups of three digits: 1234067 → `x001/x234/067`.
//!
//! [`hash_tiles_for`] lists every hash tile, at every level, that a log of a
//! given size serves: what `accord verify` checks and a mirror holds.

use crate::tree::MerkleTree;

/// Hashes or entries per full tile.
pub const TILE_WIDTH: u64 = 256;

/// Which tile a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TilePath {
    /// A hash tile: level, index, width (256 for a full tile).
    Hashes { level: u8, index: u64, width: u64 },
    /// An entry bundle: index, width.
    Entries { index: u64, width: u64 },
}

/// Encodes a tile index as path elements.
pub fn encode_index(mut n: u64) -> String {
    let mut s = format!("{:03}", n % 1000);
    while n >= 1000 {
        n /= 1000;
        s = format!("x{:03}/{s}", n % 1000);
    }
    s
}

impl TilePath {
    /// Parses the part of a URL after `tile/`, e.g. `0/x001/234.p/7` or
    /// `entries/005`.
    pub fn parse(path: &str) -> Option<TilePath> {
        let (kind, rest) = path.split_once('/')?;
        let (index_part, width) = match rest.split_once(".p/") {
            Some((i, w)) => {
                let w: u64 = w.parse().ok().filter(|w| (1..TILE_WIDTH).contains(w))?;
                if w.to_string() != rest.split_once(".p/")?.1 {
                    return None;
                }
                (i, w)
            }
            None => (rest, TILE_WIDTH),
        };
        let groups: Vec<&str> = index_part.split('/').collect();
        let mut index: u64 = 0;
        for (i, g) in groups.iter().enumerate() {
            let last = i + 1 == groups.len();
            let digits = if last { *g } else { g.strip_prefix('x')? };
            if digits.len() != 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            index = index.checked_mul(1000)?.checked_add(digits.parse().ok()?)?;
        }
        // Only the canonical encoding is accepted (no leading zero groups).
        if encode_index(index) != index_part {
            return None;
        }
        match kind {
            "entries" => Some(TilePath::Entries { index, width }),
            level => {
                let level: u8 = level.parse().ok().filter(|l: &u8| *l < 64)?;
                if level.to_string() != kind {
                    return None;
                }
                Some(TilePath::Hashes { level, index, width })
            }
        }
    }

    /// The path under the log's prefix, e.g. `tile/0/x001/234.p/7`.
    pub fn to_path(&self) -> String {
        let (kind, index, width) = match self {
            TilePath::Hashes { level, index, width } => (level.to_string(), *index, *width),
            TilePath::Entries { index, width } => ("entries".to_owned(), *index, *width),
        };
        let partial = if width == TILE_WIDTH { String::new() } else { format!(".p/{width}") };
        format!("tile/{kind}/{}{partial}", encode_index(index))
    }
}

/// How many nodes at tree height `8·level` exist in a tree of `size`
/// entries, within tile `index` (0 if the tile does not exist yet).
pub fn available_width(size: u64, level: u8, index: u64) -> u64 {
    let nodes = if u32::from(level) * 8 >= 64 { 0 } else { size >> (u32::from(level) * 8) };
    nodes.saturating_sub(index.saturating_mul(TILE_WIDTH)).min(TILE_WIDTH)
}

/// Every hash tile a log of `size` entries serves, at every level, in
/// order of level then index: the full tiles, and the partial tile at the
/// end of each level where the level's nodes do not fill it.
pub fn hash_tiles_for(size: u64) -> Vec<TilePath> {
    let mut out = Vec::new();
    let mut level = 0u8;
    while u32::from(level) * 8 < 64 && size >> (u32::from(level) * 8) > 0 {
        let nodes = size >> (u32::from(level) * 8);
        for index in 0..nodes.div_ceil(TILE_WIDTH) {
            out.push(TilePath::Hashes { level, index, width: available_width(size, level, index) });
        }
        level += 1;
    }
    out
}

/// The bytes of a hash tile (`width` hashes of 32 bytes), or `None` if the
/// tree does not have that many nodes there yet.
pub fn hash_tile(tree: &MerkleTree, level: u8, index: u64, width: u64) -> Option<Vec<u8>> {
    if width == 0 || width > available_width(tree.size(), level, index) {
        return None;
    }
    let height = level * 8;
    let mut out = Vec::with_capacity(width as usize * 32);
    for i in 0..width {
        out.extend_from_slice(&tree.node(height, index * TILE_WIDTH + i)?.0);
    }
    Some(out)
}

/// An entry bundle: each entry prefixed by its big-endian 16-bit length.
pub fn entry_bundle<'a>(entries: impl IntoIterator<Item = &'a [u8]>) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        let len = u16::try_from(e.len()).expect("entries are at most 65,535 bytes");
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(e);
    }
    out
}

/// Splits an entry bundle into its entries; `None` if it is malformed.
pub fn parse_entry_bundle(mut bytes: &[u8]) -> Option<Vec<Vec<u8>>> {
    let mut out = Vec::new();
    while !bytes.is_empty() {
        let len = u16::from_be_bytes(bytes.get(..2)?.try_into().ok()?) as usize;
        out.push(bytes.get(2..2 + len)?.to_vec());
        bytes = &bytes[2 + len..];
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_hash_tile_of_a_size() {
        let paths = |size| hash_tiles_for(size).iter().map(|t| t.to_path()).collect::<Vec<_>>();
        assert!(paths(0).is_empty());
        assert_eq!(paths(1), ["tile/0/000.p/1"]);
        assert_eq!(paths(256), ["tile/0/000", "tile/1/000.p/1"]);
        assert_eq!(paths(600), ["tile/0/000", "tile/0/001", "tile/0/002.p/88", "tile/1/000.p/2"]);
        let big = paths(65_536 + 3);
        assert_eq!(big.len(), 257 + 1 + 1);
        assert_eq!(&big[255..], ["tile/0/255", "tile/0/256.p/3", "tile/1/000", "tile/2/000.p/1"]);
    }

    #[test]
    fn paths() {
        assert_eq!(encode_index(1_234_067), "x001/x234/067");
        assert_eq!(encode_index(5), "005");
        let cases = [
            ("0/x001/x234/067", TilePath::Hashes { level: 0, index: 1_234_067, width: 256 }),
            ("1/005.p/7", TilePath::Hashes { level: 1, index: 5, width: 7 }),
            ("entries/x001/000", TilePath::Entries { index: 1000, width: 256 }),
            ("entries/000.p/255", TilePath::Entries { index: 0, width: 255 }),
        ];
        for (path, tile) in cases {
            assert_eq!(TilePath::parse(path), Some(tile), "{path}");
            assert_eq!(tile.to_path(), format!("tile/{path}"));
        }
        for bad in [
            "0/5",
            "0/005.p/256",
            "0/005.p/0",
            "0/005.p/07",
            "0/x000/005",
            "64/000",
            "entries/1000",
            "x/000",
            "0/",
            "00/000",
        ] {
            assert_eq!(TilePath::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn tiles_hold_the_tree() {
        let mut tree = MerkleTree::new();
        let entries: Vec<Vec<u8>> = (0..600).map(|i| format!("e{i}").into_bytes()).collect();
        for e in &entries {
            tree.append(e);
        }
        assert_eq!(available_width(600, 0, 0), 256);
        assert_eq!(available_width(600, 0, 2), 88);
        assert_eq!(available_width(600, 1, 0), 2);
        assert_eq!(available_width(600, 0, 3), 0);
        let t = hash_tile(&tree, 0, 2, 88).unwrap();
        assert_eq!(&t[..32], &crate::tree::leaf_hash(&entries[512]).0);
        assert!(hash_tile(&tree, 0, 2, 89).is_none());
        // Level 1 holds the roots of the full level-0 tiles.
        let l1 = hash_tile(&tree, 1, 0, 2).unwrap();
        assert_eq!(&l1[32..], &tree.node(8, 1).unwrap().0);
        let bundle = entry_bundle(entries[..3].iter().map(|e| e.as_slice()));
        assert_eq!(parse_entry_bundle(&bundle).unwrap(), entries[..3].to_vec());
        assert!(parse_entry_bundle(&bundle[..bundle.len() - 1]).is_none());
    }
}
