//! The forum: its founding, and its membership (members and their
//! admission, status and suspension; delegates and officers; members' keys
//! and signatures).
//!
//! - [`payloads`]: what the entries of `forum.*`, `member.*`,
//!   `delegate.accredited`, `officer.appointed` and
//!   `accreditation.withdrawn` hold;
//! - [`members`]: the forum, its members and delegates as the state holds them;
//! - `rules`: one check per kind; `fold`: one fold per kind (see
//!   [`crate::kinds`]).
//!
//! # Rules of procedure and rights
//! Decided on [`crate::rights::Rights`].
//! - The operator at the console establishes the forum, once, as the first
//!   entry; it declares the log origin and the edition of the rules the
//!   record follows, which never change; a forum has 1 to 24 official
//!   languages, none twice.
//! - Only the secretariat (or the console, [`crate::state::Principal::System`])
//!   changes the forum's settings, admits members, changes their status,
//!   suspends and reinstates them, accredits delegates and appoints
//!   officers. A state is admitted under its ISO 3166-1 alpha-3 code; an
//!   organisation under a code that is not a state's, with its category.
//!   A delegation has at most one head; a suspended member gets no new
//!   delegates.
//! - The secretariat, or the head of the delegation concerned, withdraws
//!   an accreditation; the last secretariat officer cannot be withdrawn.
//! - Delegate ids are given in order (`D1` is the first officer); members
//!   are named by their code.
//! - A member's head of delegation registers and revokes its keys (at most
//!   16 active; from edition 3 no weak key), and declares, signed, that every
//!   action in the member's name must be signed; a member that requires its
//!   signature keeps at least one active key.

pub mod members;
pub mod payloads;

pub(crate) mod fold;
pub(crate) mod rules;

pub use members::*;
pub use payloads::*;
