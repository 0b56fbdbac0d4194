//! Proceedings: decisions under the rules of procedure, and the sessions
//! and meetings they are taken in.
//!
//! - [`payloads`]: what the entries hold; [`model`]: rules of procedure,
//!   sessions, meetings, votes, consensus, silence procedures and decisions
//!   as the state holds them; `rules`: one check per kind; `fold`: one fold
//!   per kind (see [`crate::kinds`], the `proceedings` rows).
//!
//! - **Rules** ([`Rules`]): the forum's, overridable per process; changing
//!   them is an entry. Defaults follow UN General Assembly practice.
//! - **Sessions and meetings**: a session holds numbered meetings; a member
//!   is present at a meeting when its delegation registered (or the
//!   secretariat corrected the list).
//! - **Decisions**, on a proposal, a provision or the whole instrument, by
//!   one of three methods: consensus (the chair proposes adoption, members
//!   present may object, the chair declares the outcome — optionally *ad
//!   referendum*, confirmed later), silence procedure (a deadline; a member
//!   breaks silence before it, or it is concluded — never early, never
//!   twice — by the server's scheduler after it), and recorded vote (opened
//!   and closed by the chair; each member present votes and may change its
//!   vote until closing).
//!
//! A decision, once recorded, never changes. It takes effect when it is
//! taken (an ad referendum agreement, when it is confirmed): an adopted
//! proposal goes into the text, a rejected one is closed, the adoption of
//! the whole instrument freezes its final version.
//!
//! Who may vote or block consensus: members with status `member`, not
//! suspended, present at the meeting (their head of delegation or a
//! delegate; not an adviser).
//!
//! # Counting and quorum
//! `tally()` counts yes and no (and abstentions when the rules count them);
//! a simple majority needs more yes than half of those present and voting
//! (a tie fails), two thirds at least `ceil(2n/3)`. A question needs the
//! quorum to decide both when it is put and when the vote closes or
//! consensus is declared.
//!
//! # Meetings
//! A meeting is scheduled, then opened by the chair (`meeting.opened`,
//! refused until the members present with the right to vote reach the
//! quorum to open), then closed (`meeting.closed`, refused while a vote is
//! open or a consensus awaits its declaration). Questions are put and the
//! floor given only in an open meeting; a closed one takes no attendance,
//! floor request, agenda item or time limit. Only a delegation registered
//! present asks for the floor; one delegation has the floor at a time
//! (calling a speaker or closing the meeting ends the current turn on every
//! item; "next" where no one waits ends its speaker's turn, and is refused
//! when there is none).
//!
//! # Questions and their effect
//! The chair designates important questions (a provision, covering every
//! provision within it by eId prefix and every proposal amending them; a
//! proposal; or the whole instrument); a vote on one must take the rules'
//! `important_majority`. A question names the version it is put on, the
//! latest; from edition 3, while the whole instrument is before the
//! members its text does not change (409 `instrument_decision_pending`), no
//! question on a part of it is put, and the whole is put only when no
//! question on a part is pending; an instrument agreed ad referendum is
//! confirmed only if its text is still the version agreed (409
//! `version_changed`). The rules' `informal_agreement` (true by default,
//! written into `rules.changed` only when false, so older entries keep their
//! bytes) says whether the chair may agree or reject a proposal alone. A
//! silence procedure's deadline is at least the rules' minimum after the
//! entry that starts it; `silence.concluded` is recorded only by
//! `Actor::System` at or after the deadline, once. An adopted proposal goes
//! into the text (`negotiation::agree_into_text`, its provenance naming the
//! decision); the adoption of the instrument sets `Process::adopted_version`
//! and every later change to that process is refused.
//!
//! # Rights
//! Decided on [`crate::rights::Rights`]. The secretariat opens sessions, schedules meetings and corrects
//! attendance; the secretariat or the chair sets the agenda; a delegation
//! (observers too) registers itself present and asks for the floor; the
//! chair or a vice-chair gives the floor, limits speaking time, opens and
//! closes votes, proposes and declares consensus, starts silence procedures
//! and confirms ad referendum decisions. Any member entitled to vote breaks
//! silence. From edition 3 an adviser takes no action in meetings for its
//! member (attendance, the floor, statements).

pub mod model;
pub mod payloads;

pub(crate) mod fold;
pub(crate) mod rules;

pub use model::*;
pub use payloads::*;

#[cfg(test)]
mod tests;
