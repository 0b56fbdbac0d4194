//! Accord's domain: what the record says and what it means.
//!
//! # Layout
//! - [`ids`]: parsed newtypes for everything that comes from outside
//!   (`MemberCode`, `DelegateId`, `Email`, ...). Once parsed, a value is valid.
//! - [`iso3166`]: the ISO 3166-1 alpha-3 codes that identify states.
//! - [`entry`]: one entry of the record: the envelope ([`Entry`], [`Actor`])
//!   and its body ([`EntryBody`]).
//! - [`kinds`]: the table of entry kinds: for each, its `kind` string, its
//!   payload type, its feature, and the names of its check and its fold.
//! - [`codec`]: the canonical, versioned byte encoding of an entry
//!   (`accord-entry/v1`, the bytes a Merkle tree is later built over), with
//!   [`canonical`], the canonical JSON writer, and the fast and general
//!   decoders.
//! - [`state`]: the forum as it stands, a fold of the entries; [`state::Action`]
//!   is what a user asks for, [`state::State::prepare`] turns it into an entry
//!   body or refuses it, [`state::State::apply`] checks and folds one entry.
//! - [`rights`]: what a principal may do here ([`rights::Rights`]), the facts
//!   the checks decide on, and [`State::may`], the full check as a dry run.
//!
//! Each feature is a folder holding its payloads, its rules (one check per
//! kind) and its fold (one fold per kind):
//! - [`forum`]: founding the forum, and its membership: members, admission,
//!   delegates and officers, members' keys;
//! - [`negotiation`]: processes, instruments, versions, proposals, the
//!   rolling text and redlines;
//! - [`proceedings`]: rules of procedure, sessions and meetings, and
//!   decisions by consensus, silence procedure and recorded vote
//!   (also reachable as `decisions`).
//! - [`consultation`]: open consultations: statements, pseudonymous
//!   participants, their votes, moderation and published analyses.
//! - [`translation`]: versions of a text in the forum's other official
//!   languages, provision by provision, and whether each is current.
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

#![deny(clippy::too_many_lines)]

pub mod blob;
pub mod codec;
pub mod consultation;
pub mod entry;
pub mod error;
pub mod forum;
pub mod ids;
pub mod iso3166;
pub mod kinds;
pub mod negotiation;
pub mod proceedings;
pub mod rights;
pub mod signature;
pub mod state;
pub mod translation;
pub mod unicode;

pub use codec::canonical;
pub use proceedings as decisions;

pub use entry::{Actor, Entry, EntryBody, MemberSignature, ENTRY_MAX_BYTES};
pub use error::Refusal;
pub use ids::{DelegateId, Email, MemberCode};
pub use state::{Action, State};
