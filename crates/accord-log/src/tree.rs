//! The Merkle tree over the record.
//!
//! The tree is kept as the list of *stored hashes* of `tlog_tiles` (the
//! layout of Go's `sumdb/tlog`): appending entry `n` appends the hashes of
//! every complete subtree that entry `n` completes, so the hashes of entry
//! `n` never change afterwards and can be written to disk once. Any root,
//! any proof and any tile is read from these hashes.
//!
//! [`verify_inclusion`] and [`verify_consistency`] check proofs from outside
//! (every vector in `crates/accord/tests/data/tlog-vectors` passes). Decided: a
//! consistency proof from size 0 is refused as meaningless; equal sizes need
//! equal roots and an empty proof; every hash used must be 32 bytes; a tree
//! size beyond the log is refused, naming the size asked for and the log's.

use tlog_tiles::{Hash, HashReader, HASH_SIZE};

/// Why a proof was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProofError {
    #[error("a hash is {0} bytes long, not 32")]
    HashLength(usize),
    #[error("the entry index {index} is not in a tree of size {size}")]
    IndexOutOfRange { index: u64, size: u64 },
    /// A tree size larger than the log: named as asked, with what exists.
    #[error("there is no tree of size {size}: the log has {have} entries")]
    SizeBeyondLog { size: u64, have: u64 },
    #[error("the old size {old} is larger than the new size {new}")]
    SizesReversed { old: u64, new: u64 },
    #[error(
        "a consistency proof from the empty tree proves nothing: the first checkpoint is simply trusted on first use"
    )]
    FromEmptyTree,
    #[error("the trees have the same size but different roots")]
    RootsDiffer,
    #[error("the proof does not match: the tree was not grown from the older one, or the entry is not in it")]
    Invalid,
}

/// How many stored hashes a tree of `n` entries has.
pub fn stored_hash_count(n: u64) -> u64 {
    tlog_tiles::stored_hash_count(n)
}

/// `SHA-256(0x00 ‖ entry)`.
pub fn leaf_hash(entry: &[u8]) -> Hash {
    tlog_tiles::record_hash(entry)
}

/// The tree: stored hashes for `size` entries.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MerkleTree {
    hashes: Hashes,
    size: u64,
}

/// Hashes a chunk holds (1 MiB of them).
const CHUNK: usize = 1 << 15;

/// The stored hashes, in chunks of [`CHUNK`]: appending never moves the
/// hashes stored before. (One vector would double now and then, copying
/// all of them at once: at a million entries 64 MB, a stall of the
/// writer that appends.)
#[derive(Debug, Default, PartialEq)]
struct Hashes {
    chunks: Vec<Vec<Hash>>,
    len: usize,
}

/// A chunk holding `hashes`, with room for [`CHUNK`].
fn chunk_of(hashes: &[Hash]) -> Vec<Hash> {
    let mut chunk = Vec::with_capacity(CHUNK);
    chunk.extend_from_slice(hashes);
    chunk
}

impl Clone for Hashes {
    /// Every chunk of the copy has room for [`CHUNK`] hashes, so that the
    /// copy too grows without moving any.
    fn clone(&self) -> Hashes {
        Hashes { chunks: self.chunks.iter().map(|c| chunk_of(c)).collect(), len: self.len }
    }
}

impl Hashes {
    fn from_vec(hashes: Vec<Hash>) -> Hashes {
        Hashes { chunks: hashes.chunks(CHUNK).map(chunk_of).collect(), len: hashes.len() }
    }

    fn len(&self) -> usize {
        self.len
    }

    fn get(&self, i: usize) -> Option<Hash> {
        self.chunks.get(i / CHUNK)?.get(i % CHUNK).copied()
    }

    fn extend(&mut self, added: &[Hash]) {
        for &h in added {
            match self.chunks.last_mut() {
                Some(chunk) if chunk.len() < CHUNK => chunk.push(h),
                _ => self.chunks.push(chunk_of(&[h])),
            }
        }
        self.len += added.len();
    }
}

/// Reads the stored hashes, followed by `added` (hashes of entries not
/// appended yet).
struct Reader<'a>(&'a Hashes, &'a [Hash]);

impl HashReader for Reader<'_> {
    fn read_hashes(&self, indexes: &[u64]) -> Result<Vec<Hash>, tlog_tiles::Error> {
        let (stored, added) = (self.0, self.1);
        indexes
            .iter()
            .map(|&i| {
                let i = i as usize;
                if i < stored.len() { stored.get(i) } else { added.get(i - stored.len()).copied() }
                    .ok_or(tlog_tiles::Error::IndexesNotInTree)
            })
            .collect()
    }
}

impl MerkleTree {
    pub fn new() -> Self {
        Self::default()
    }

    /// Rebuilds the tree from hashes stored earlier. Refuses a list of the
    /// wrong length for `size`.
    pub fn from_stored(size: u64, hashes: Vec<Hash>) -> Result<Self, String> {
        let want = tlog_tiles::stored_hash_count(size);
        if hashes.len() as u64 != want {
            return Err(format!("{} stored hashes for {size} entries, expected {want}", hashes.len()));
        }
        Ok(Self { hashes: Hashes::from_vec(hashes), size })
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    /// How many stored hashes the tree has (the position of the next
    /// entry's first one).
    pub fn stored_len(&self) -> usize {
        self.hashes.len()
    }

    /// Appends the next entry; answers the stored hashes it added (to be
    /// persisted in order after those already stored).
    pub fn append(&mut self, entry: &[u8]) -> Vec<Hash> {
        let added = tlog_tiles::stored_hashes(self.size, entry, &Reader(&self.hashes, &[]))
            .expect("the stored hashes of every earlier entry are present");
        self.hashes.extend(&added);
        self.size += 1;
        added
    }

    /// Appends the stored hashes that [`MerkleTree::append`] produced for the
    /// next entry on another copy of this tree (no hashing here).
    pub fn append_stored(&mut self, added: &[Hash]) {
        debug_assert_eq!(
            self.hashes.len() as u64 + added.len() as u64,
            tlog_tiles::stored_hash_count(self.size + 1),
            "stored hashes of one entry"
        );
        self.hashes.extend(added);
        self.size += 1;
    }

    /// The root hash of the tree's first `size` entries.
    pub fn root_at(&self, size: u64) -> Result<Hash, ProofError> {
        if size > self.size {
            return Err(ProofError::SizeBeyondLog { size, have: self.size });
        }
        tlog_tiles::tree_hash(size, &Reader(&self.hashes, &[])).map_err(|_| ProofError::Invalid)
    }

    pub fn root(&self) -> Hash {
        self.root_at(self.size).expect("the current size is in range")
    }

    /// The root the tree would have at `size` entries with `added` — the
    /// stored hashes [`MerkleTree::append`] gave for the entries after
    /// this tree's, in order — appended: the root after a batch, computed
    /// once, without copying the tree. Refuses `added` of the wrong length
    /// for `size`.
    pub fn root_with(&self, size: u64, added: &[Hash]) -> Result<Hash, ProofError> {
        if size < self.size || tlog_tiles::stored_hash_count(size) != (self.hashes.len() + added.len()) as u64 {
            return Err(ProofError::Invalid);
        }
        tlog_tiles::tree_hash(size, &Reader(&self.hashes, added)).map_err(|_| ProofError::Invalid)
    }

    /// The hash of entry `index` (its leaf hash).
    pub fn leaf(&self, index: u64) -> Result<Hash, ProofError> {
        if index >= self.size {
            return Err(ProofError::IndexOutOfRange { index, size: self.size });
        }
        self.hashes.get(tlog_tiles::stored_hash_index(0, index) as usize).ok_or(ProofError::Invalid)
    }

    /// The hash of the node at `level` and position `n` (a complete subtree
    /// of 2^level leaves), if the tree has it.
    pub fn node(&self, level: u8, n: u64) -> Option<Hash> {
        let i = tlog_tiles::stored_hash_index(level, n);
        if (n + 1) << level > self.size {
            return None;
        }
        self.hashes.get(i as usize)
    }

    /// An inclusion proof (RFC 9162 audit path) of entry `index` in the
    /// tree of `size` entries.
    pub fn inclusion_proof(&self, index: u64, size: u64) -> Result<Vec<Hash>, ProofError> {
        // Name the size asked for, not the log's: a size beyond the log is
        // its own refusal.
        if size > self.size {
            return Err(ProofError::SizeBeyondLog { size, have: self.size });
        }
        if index >= size {
            return Err(ProofError::IndexOutOfRange { index, size });
        }
        tlog_tiles::prove_record(size, index, &Reader(&self.hashes, &[])).map_err(|_| ProofError::Invalid)
    }

    /// A consistency proof between the trees of `old` and `new` entries.
    pub fn consistency_proof(&self, old: u64, new: u64) -> Result<Vec<Hash>, ProofError> {
        if old > new {
            return Err(ProofError::SizesReversed { old, new });
        }
        if new > self.size {
            return Err(ProofError::SizeBeyondLog { size: new, have: self.size });
        }
        if old == 0 || old == new {
            return Ok(Vec::new());
        }
        tlog_tiles::prove_tree(new, old, &Reader(&self.hashes, &[])).map_err(|_| ProofError::Invalid)
    }
}

fn hash(bytes: &[u8]) -> Result<Hash, ProofError> {
    <[u8; HASH_SIZE]>::try_from(bytes).map(Hash).map_err(|_| ProofError::HashLength(bytes.len()))
}

/// Checks that `proof` proves the entry with leaf hash `leaf` is entry
/// `index` of the tree of `size` entries with root `root`. Inputs are raw
/// bytes, as they arrive from outside: a hash that is not 32 bytes is
/// refused.
pub fn verify_inclusion(index: u64, size: u64, leaf: &[u8], root: &[u8], proof: &[Vec<u8>]) -> Result<(), ProofError> {
    if index >= size {
        return Err(ProofError::IndexOutOfRange { index, size });
    }
    let leaf = hash(leaf)?;
    let root = hash(root)?;
    let proof = proof.iter().map(|p| hash(p)).collect::<Result<Vec<_>, _>>()?;
    tlog_tiles::check_record(&proof, size, root, index, leaf).map_err(|_| ProofError::Invalid)
}

/// Checks that the tree of `new` entries with root `new_root` extends the
/// tree of `old` entries with root `old_root`.
///
/// Accord's decisions where the formats leave room: a proof from the empty
/// tree (`old = 0`) is refused, since it proves nothing — a verifier simply
/// trusts its first checkpoint; two trees of the same size are consistent
/// exactly when their roots are the same bytes and the proof is empty; every
/// hash that is used must be 32 bytes.
pub fn verify_consistency(
    old: u64,
    new: u64,
    old_root: &[u8],
    new_root: &[u8],
    proof: &[Vec<u8>],
) -> Result<(), ProofError> {
    if old > new {
        return Err(ProofError::SizesReversed { old, new });
    }
    if old == 0 {
        return Err(ProofError::FromEmptyTree);
    }
    if old == new {
        if !proof.is_empty() {
            return Err(ProofError::Invalid);
        }
        return if old_root == new_root { Ok(()) } else { Err(ProofError::RootsDiffer) };
    }
    let old_root = hash(old_root)?;
    let new_root = hash(new_root)?;
    let proof = proof.iter().map(|p| hash(p)).collect::<Result<Vec<_>, _>>()?;
    tlog_tiles::check_tree(&proof, new, new_root, old, old_root).map_err(|_| ProofError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    /// A plain recursive RFC 6962 implementation, independent of the stored
    /// hashes, to check the tree against.
    fn reference_root(leaves: &[Vec<u8>]) -> [u8; 32] {
        match leaves.len() {
            0 => Sha256::digest([]).into(),
            1 => {
                let mut h = Sha256::new();
                h.update([0]);
                h.update(&leaves[0]);
                h.finalize().into()
            }
            n => {
                let k = n.next_power_of_two() / 2;
                let (l, r) = (reference_root(&leaves[..k]), reference_root(&leaves[k..]));
                let mut h = Sha256::new();
                h.update([1]);
                h.update(l);
                h.update(r);
                h.finalize().into()
            }
        }
    }

    fn stored(tree: &MerkleTree) -> Vec<Hash> {
        (0..tree.stored_len()).map(|i| tree.hashes.get(i).unwrap()).collect()
    }

    /// A tree whose stored hashes fill more than one chunk gives the roots,
    /// leaves and proofs RFC 6962 gives, and rebuilds from its hashes.
    #[test]
    fn a_tree_over_several_chunks_of_hashes_is_the_same_tree() {
        let n = CHUNK / 2 + 300; // about CHUNK + 600 stored hashes
        let leaves: Vec<Vec<u8>> = (0..n).map(|i| format!("entry {i}").into_bytes()).collect();
        let mut tree = MerkleTree::new();
        for leaf in &leaves {
            tree.append(leaf);
        }
        assert!(tree.stored_len() > CHUNK && tree.hashes.chunks.len() == 2);
        assert_eq!(tree.root().0, reference_root(&leaves));
        for index in [0, CHUNK as u64 / 2 - 1, CHUNK as u64 / 2, n as u64 - 1] {
            assert_eq!(tree.leaf(index).unwrap(), leaf_hash(&leaves[index as usize]));
            let proof: Vec<Vec<u8>> =
                tree.inclusion_proof(index, n as u64).unwrap().iter().map(|h| h.0.to_vec()).collect();
            assert!(verify_inclusion(index, n as u64, &tree.leaf(index).unwrap().0, &tree.root().0, &proof).is_ok());
        }
        let again = MerkleTree::from_stored(tree.size(), stored(&tree)).unwrap();
        assert_eq!(again, tree);
        // The root after a batch whose hashes cross into the second chunk.
        let mut before = MerkleTree::new();
        for leaf in &leaves[..CHUNK / 2 - 10] {
            before.append(leaf);
        }
        assert!(before.stored_len() < CHUNK);
        let mut ahead = before.clone();
        let added: Vec<Hash> = leaves[CHUNK / 2 - 10..].iter().flat_map(|leaf| ahead.append(leaf)).collect();
        assert_eq!(before.root_with(n as u64, &added), Ok(tree.root()));
        assert_eq!(ahead, tree);
        let mut copy = again.clone();
        copy.append(b"one more");
        tree.append(b"one more");
        assert_eq!(copy.root(), tree.root());
    }

    proptest::proptest! {
        #[test]
        fn the_root_with_a_batch_appended_is_the_root_after_it(before in 0usize..70, batch in 0usize..70) {
            let leaves: Vec<Vec<u8>> = (0..before + batch).map(|i| format!("entry {i}").into_bytes()).collect();
            let mut tree = MerkleTree::new();
            for leaf in &leaves[..before] {
                tree.append(leaf);
            }
            let mut ahead = tree.clone();
            let added: Vec<Hash> = leaves[before..].iter().flat_map(|leaf| ahead.append(leaf)).collect();
            let size = (before + batch) as u64;
            proptest::prop_assert_eq!(tree.root_with(size, &added), Ok(ahead.root()));
            proptest::prop_assert_eq!(ahead.root().0, reference_root(&leaves));
            if batch > 0 {
                proptest::prop_assert_eq!(tree.root_with(size - 1, &added), Err(ProofError::Invalid));
                proptest::prop_assert_eq!(tree.root_with(size, &added[1..]), Err(ProofError::Invalid));
            }
        }

        #[test]
        fn roots_and_proofs_agree_with_rfc_6962(n in 1usize..80, a in 0usize..80, b in 0usize..80) {
            let leaves: Vec<Vec<u8>> = (0..n).map(|i| format!("entry {i}").into_bytes()).collect();
            let mut tree = MerkleTree::new();
            for (i, leaf) in leaves.iter().enumerate() {
                tree.append(leaf);
                proptest::prop_assert_eq!(tree.root().0, reference_root(&leaves[..=i]));
            }
            let size = (a % n) as u64 + 1;
            let index = (b as u64) % size;
            let root = tree.root_at(size).unwrap();
            let proof: Vec<Vec<u8>> = tree.inclusion_proof(index, size).unwrap().iter().map(|h| h.0.to_vec()).collect();
            let leaf = leaf_hash(&leaves[index as usize]);
            proptest::prop_assert!(verify_inclusion(index, size, &leaf.0, &root.0, &proof).is_ok());
            // Any other entry fails.
            let other = leaf_hash(b"not in the log");
            proptest::prop_assert!(verify_inclusion(index, size, &other.0, &root.0, &proof).is_err());
            let old = (b as u64) % size + 1;
            let cproof: Vec<Vec<u8>> = tree.consistency_proof(old, size).unwrap().iter().map(|h| h.0.to_vec()).collect();
            let old_root = tree.root_at(old).unwrap();
            proptest::prop_assert!(verify_consistency(old, size, &old_root.0, &root.0, &cproof).is_ok());
            if old < size {
                proptest::prop_assert!(verify_consistency(old, size, &other.0, &root.0, &cproof).is_err());
            }
            // The stored hashes rebuild the same tree.
            let again = MerkleTree::from_stored(tree.size(), stored(&tree)).unwrap();
            proptest::prop_assert_eq!(again.root(), tree.root());
        }
    }
}
