//! Accord's domain: what the record says and what it means.
//!
//! # Layout
//! - [`ids`]: parsed newtypes for everything that comes from outside
//!   (`MemberCode`, `DelegateId`, `Email`, ...). Once parsed, a value is valid.
//! - [`iso3166`]: the ISO 3166-1 alpha-3 codes that identify states.
//! - [`canonical`]: the canonical JSON writer behind `accord-entry/v1`, generic
//!   over `Serialize` types, without an intermediate `serde_json::Value`.
//! - [`entry`]: one entry of the record and its canonical, versioned byte
//!   encoding (`accord-entry/v1`), the bytes a Merkle tree is later built over.
//! - [`state`]: the forum as it stands, a fold of the entries; [`state::Action`]
//!   is what a user asks for, [`state::State::prepare`] turns it into an entry
//!   body or refuses it, [`state::State::apply`] checks and folds one entry.
//! - [`negotiation`]: processes, instruments, versions, proposals, the
//!   rolling text and redlines.
//! - [`decisions`]: rules of procedure, sessions and meetings, and decisions
//!   by consensus, silence procedure and recorded vote.
//! - [`blob`]: content too large for an entry, named by its SHA-256.
//! - [`signature`]: members' Ed25519 signatures on their own actions.
//! - [`error`]: [`Refusal`], why an action or an entry is refused.
//! - [`unicode`]: the Unicode policy for free text (NFC, no bidirectional
//!   controls or invisible format characters).
//!
//! # Invariants
//! - This crate does no I/O: no clock, no randomness, no files, no SQL.
//!   Time and indexes come in with the entry.
//! - `apply` is the only way state changes, and it checks an entry completely
//!   (index, time, actor's rights, payload) before changing anything, so the
//!   same function serves live appends and replay: replaying the record
//!   reproduces the state exactly.

pub mod blob;
pub mod canonical;
pub mod decisions;
pub mod entry;
pub mod error;
pub mod ids;
pub mod iso3166;
pub mod negotiation;
pub mod signature;
pub mod state;
pub mod unicode;

pub use entry::{Actor, Entry, EntryBody, MemberSignature, ENTRY_MAX_BYTES};
pub use error::Refusal;
pub use ids::{DelegateId, Email, MemberCode};
pub use state::{Action, State};
