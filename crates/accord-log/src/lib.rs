//! The record as a transparency log, in the formats other tools read.
//!
//! # Layout
//! - [`tree`]: the Merkle tree of RFC 6962 / RFC 9162 over the record's
//!   canonical entry bytes (leaf hash `SHA-256(0x00 ‖ entry)`, node hash
//!   `SHA-256(0x01 ‖ left ‖ right)`), kept as the "stored hashes" of
//!   `tlog_tiles` (the layout of Go's `golang.org/x/mod/sumdb/tlog`) and
//!   grown one entry at a time; inclusion and consistency proofs, and the
//!   checks of both ([`verify_inclusion`], [`verify_consistency`]).
//! - [`tiles`]: C2SP tlog-tiles: tile paths, hash tiles, entry bundles.
//! - [`receipt`]: offline verification of an `accord-receipt/v1` file.
//! - [`checkpoint`]: C2SP tlog-checkpoint bodies signed as C2SP signed
//!   notes with Ed25519, the log's keys, and C2SP tlog-cosignature
//!   (`cosignature/v1`) for witnesses.
//!
//! - [`ed25519`]: strict Ed25519 for every key and signature above (weak
//!   keys refused, `verify_strict`), and the signed-note verifier that
//!   applies it.
//! - [`witness`]: the witness side of C2SP tlog-witness (`add-checkpoint`).
//!
//! # Invariants
//! - No I/O: callers hand in entries and keys, and get hashes, bytes and
//!   signatures back.
//! - Hashes are computed once, when an entry is appended; nothing is ever
//!   recomputed from scratch, and stored hashes never change.

pub mod checkpoint;
pub mod ed25519;
pub mod receipt;
pub mod tiles;
pub mod tree;
pub mod witness;

pub use tlog_tiles::Hash;
pub use tree::{leaf_hash, verify_consistency, verify_inclusion, MerkleTree, ProofError};
