//! Negotiating texts: processes, their instrument and versions, proposals,
//! and the chair's acts on them.
//!
//! - [`text`]: the instrument as provisions with eIds, and anchoring on
//!   quoted words;
//! - [`markdown`]: the Markdown convention for zero drafts;
//! - [`redline`]: word-by-word comparison of versions;
//! - [`rolling`]: the rolling text, with every open proposal in brackets;
//! - [`payloads`]: what the entries hold; [`process`]: processes, versions
//!   and proposals as the state holds them; `edit`: a proposal's edit and
//!   new versions of the text; `rules`: one check per kind; `fold`: one
//!   fold per kind (see [`crate::kinds`]).
//!
//! # Rules kept here
//! - Every version is immutable; a change to the text makes a new one.
//!   Version 1 is the zero draft; the chair names versions ("Rev.1").
//! - A proposal is anchored, when tabled, on quoted words of a named
//!   version; the domain keeps its *edit* (a byte range of the provision's
//!   current text and the words to put there). When another change touches
//!   that range, the proposal is *outdated* until its proposer re-anchors
//!   it; otherwise its range follows the text.
//! - Payloads of members' actions hold nothing the server assigns (no ids
//!   of their own, no offsets), so that a member can sign them: process and
//!   proposal numbers are counted by the fold.
//! - Entry kinds: the `negotiation` rows of [`crate::kinds`]
//!   (`process.opened`, with the draft as a blob, `proposal.*`,
//!   `chair.text_tabled`, `revision.issued`, `process.symbol_set`).
//! - A process's document symbol ("A/AC.292/2026/L.1") is set by the
//!   secretariat, unique in the forum ([`check_symbol`] says its syntax);
//!   a version's symbol is derived from it, never recorded: the zero
//!   draft's is the process's, the `N`th named revision's adds `/Rev.N`
//!   ([`Process::version_symbol`]).
//! - A new wording of a whole provision is outdated by any change to that
//!   provision's words (a new heading, by another heading agreed; edition 2
//!   on): its proposer confirms it on the latest version
//!   (`proposal.reanchored` without an anchor). A proposal on a provision no
//!   longer in the text cannot be re-anchored: its proposer withdraws it.
//!   `replace_provision` on a chapter or an article carries its new
//!   `heading`, no words.
//! - A page's selection names its words by the character where they start
//!   (`anchor.at` in the API); the server counts which occurrence that is,
//!   on word boundaries, so the page never counts differently from the
//!   domain. Spacing around inserted and deleted words is settled when a
//!   proposal is tabled.
//! - Each version keeps the rolling text's bracket and option counts as they
//!   stood when the next version replaced it (`Version::counts_at_end`); and,
//!   per provision, the origins of its words (which entry, which proposal of
//!   which member, which decision, or a chair's text): provenance.
//! - Anything that changes a process goes through its fold (which sets
//!   `Process::changed`, the stamp of cached views) or the decisions'
//!   `take_effect`.
//! - When the rules' `informal_agreement` is false, `proposal.agreed` and
//!   `proposal.rejected` are refused (409 `decision_required`) and only a
//!   decision moves a proposal into or out of the text.
//!
//! # Rights
//! Decided on [`crate::rights::Rights`]. The secretariat (or the console) opens processes. A head of delegation
//! or delegate (not an adviser) of a member with status `member`, not
//! suspended, tables proposals, supports, objects and co-sponsors (a member
//! takes each position once, and is behind its own proposals already); only
//! the proposer withdraws or re-anchors; the chair, a vice-chair or a
//! co-facilitator agrees, rejects and tables chair's texts; they or the
//! secretariat name revisions. Only the secretariat sets document
//! symbols.

pub mod markdown;
pub mod payloads;
pub mod process;
pub mod redline;
pub mod rolling;
pub mod text;

mod edit;
pub(crate) mod fold;
pub(crate) mod rules;

pub use edit::map_range;
pub(crate) use edit::*;
pub use payloads::*;
pub use process::*;
pub use rules::{may_table, next_paper_symbol, symbol_holder};

/// The longest justification, in characters.
pub const JUSTIFICATION_MAX_CHARS: usize = 5_000;
/// The longest quote a proposal anchors on, in characters.
pub const QUOTE_MAX_CHARS: usize = 2_000;

#[cfg(test)]
mod tests;
