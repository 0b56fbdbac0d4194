//! Open consultations: statements that participants vote agree, disagree or
//! pass on, from which opinion groups and the statements that bridge them
//! are computed (by `accord-consult`, outside the domain).
//!
//! - [`analysis`]: the analysis anyone recomputes from the record;
//! - [`payloads`]: what the entries hold; [`model`]: consultations as the
//!   state holds them; `rules`: one check per kind; `fold`: one fold per
//!   kind (see [`crate::kinds`]).
//!
//! # Rules kept here
//! - The secretariat (or the console) opens a consultation, on a process's
//!   whole text or on chosen provisions of its latest version, or on no
//!   process; seeds it with statements (which need no moderation; one may
//!   cite a proposal of the process); moderates the statements participants
//!   submit; closes it. Consultations are numbered from 1.
//! - **Participants are pseudonymous.** Every participant's entry is
//!   recorded by the server (actor `system`) under a [`ParticipantId`] that
//!   names no person: the record shows that *a* participant of a category
//!   (a delegation, an organisation's category, the public) joined, wrote
//!   or voted, never who. A participant joins once per consultation and
//!   must have joined before writing or voting.
//! - A participant votes on an accepted statement of an open consultation;
//!   a later vote on the same statement replaces the earlier one. A
//!   statement a participant submits is pending until moderated: accepted
//!   (shown, voted on) or rejected (hidden; its votes, if it was accepted
//!   before, are left out of the analysis).
//! - **Published analyses.** `consultation.analysis_published` names the
//!   record size the analysis was computed at and the SHA-256 of its
//!   result; the check requires that nothing in the consultation changed
//!   between that size and the entry, so the analysis is a function of the
//!   state the entry is folded on, and `accord verify` recomputes it there.
//!   The digest itself is checked by whoever recomputes (the domain does
//!   not run the analysis).
//! - Nothing here has floats: votes are -1, 0, 1.
//!
//! [`ParticipantId`]: crate::ids::ParticipantId

pub mod analysis;
pub mod model;
pub mod payloads;

pub(crate) mod fold;
pub(crate) mod rules;

#[cfg(test)]
mod tests;

pub use model::*;
pub use payloads::*;
