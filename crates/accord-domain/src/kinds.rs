//! The table of entry kinds: every kind of entry, once.
//!
//! Each row names the `kind` string written in the record, the
//! [`EntryBody`] variant, its payload type and the function, by name, that
//! checks it and folds it; rows are grouped by feature, which is also the
//! folder that holds the payload, the check and the fold:
//!
//! ```text
//! negotiation: Negotiation {
//!     "proposal.tabled" => ProposalTabled(ProposalTabled): proposal_tabled,
//! }
//! ```
//!
//! says that `proposal.tabled` entries hold a
//! [`crate::negotiation::ProposalTabled`], are checked by
//! `negotiation::rules::proposal_tabled` and folded by
//! `negotiation::fold::proposal_tabled`. From the table come the body enum
//! with its serde names (and so the canonical encoding and both decoders),
//! [`EntryBody::kind`], [`EntryBody::feature`] and its predicates, and the
//! check and fold dispatch, an exhaustive match: a kind without its check
//! or its fold does not compile.
//!
//! The signatures every row's functions have:
//! - `rules::name(state: &State, cx: &Cx<'_>, payload: &Payload) -> Result<(), Refusal>`:
//!   whether the entry may be recorded now; it changes nothing;
//! - `fold::name(state: &mut State, entry: &Entry, payload: &Payload)`:
//!   the entry's effect on the state, for an entry its check accepted; it
//!   does not fail.
//!
//! A new kind is a new row here, its payload in the feature's `payloads`,
//! and its two functions in the feature's `rules` and `fold`.

use serde::{Deserialize, Serialize};

use crate::consultation::{
    AnalysisPublished, ConsultVoteCast, ConsultationOpened, ConsultationRef, ParticipantJoined, StatementModerated,
    StatementSeeded, StatementSubmitted,
};
use crate::entry::{Actor, Entry};
use crate::error::Refusal;
use crate::forum::*;
use crate::negotiation::{
    ChairText, PaperIssued, ProcessOpened, ProposalReanchored, ProposalRef, ProposalTabled, RevisionIssued, SymbolSet,
};
use crate::proceedings::{
    AgendaItemAdded, AttendanceCorrected, AttendanceRegistered, BallotCast, ConsensusObjected, ConsensusProposed,
    ConsensusRef, DecisionRef, FloorGiven, FloorRequested, FloorWithdrawn, ImportantQuestion, MeetingRef,
    MeetingScheduled, RulesChanged, SessionOpened, SilenceBroken, SilenceRef, SilenceStarted, SpeakingTimeSet,
    StatementDelivered, VoteExplained, VoteOpened, VoteRef,
};
use crate::state::State;
use crate::translation::TranslationRecorded;

/// The feature an entry kind belongs to: the folder of its payload, check
/// and fold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Feature {
    /// Founding the forum and its membership: members, admission,
    /// delegates and officers, members' keys ([`crate::forum`]).
    Forum,
    /// Processes, proposals and the text ([`crate::negotiation`]).
    Negotiation,
    /// Rules of procedure, sessions, meetings and decisions
    /// ([`crate::proceedings`]).
    Proceedings,
    /// Open consultations: statements, participants, votes
    /// ([`crate::consultation`]).
    Consultation,
    /// Versions of a text in the forum's other official languages
    /// ([`crate::translation`]).
    Translation,
}

/// What a check knows besides the state and the payload: who records the
/// entry, their rights, and when (rules with deadlines depend on the time).
#[derive(Debug, Clone)]
pub struct Cx<'a> {
    pub actor: &'a Actor,
    /// Unix milliseconds the entry is (or will be) dated.
    pub time: i64,
    /// What the actor may do ([`crate::rights`]): the facts every check of
    /// who acts decides on.
    pub rights: crate::rights::Rights,
}

macro_rules! entry_kinds {
    ($(
        $module:ident: $feature:ident {
            $( $(#[$doc:meta])* $kind:literal => $variant:ident($payload:ty): $name:ident, )*
        }
    )*) => {
        /// What happened: the `kind` and `payload` of an entry.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(tag = "kind", content = "payload")]
        pub enum EntryBody {
            $($(
                $(#[$doc])*
                #[serde(rename = $kind)]
                $variant($payload),
            )*)*
        }

        impl EntryBody {
            /// Every `kind` string, in the table's order.
            pub const KINDS: &'static [&'static str] = &[$($($kind,)*)*];

            /// The `kind` string of this body, e.g. `member.admitted`.
            pub fn kind(&self) -> &'static str {
                match self {
                    $($(EntryBody::$variant(_) => $kind,)*)*
                }
            }

            /// The feature the entry belongs to.
            pub fn feature(&self) -> Feature {
                match self {
                    $($(EntryBody::$variant(_) => Feature::$feature,)*)*
                }
            }

            /// The rules of the entry's kind: whether `cx.actor` may record
            /// it now. Changes nothing.
            pub(crate) fn check(&self, state: &State, cx: &Cx<'_>) -> Result<(), Refusal> {
                match self {
                    $($(EntryBody::$variant(p) => crate::$module::rules::$name(state, cx, p),)*)*
                }
            }

            /// The effect of a checked entry on the state.
            pub(crate) fn fold(&self, state: &mut State, entry: &Entry) {
                match self {
                    $($(EntryBody::$variant(p) => crate::$module::fold::$name(state, entry, p),)*)*
                }
            }
        }
    };
}

entry_kinds! {
    forum: Forum {
        /// The first entry of every record: the forum comes into being.
        "forum.established" => ForumEstablished(ForumSettings): forum_established,
        /// The forum's name or official languages change.
        "forum.settings_changed" => ForumSettingsChanged(ForumSettings): forum_settings_changed,
        "member.admitted" => MemberAdmitted(MemberAdmitted): member_admitted,
        "member.status_changed" => MemberStatusChanged(MemberStatusChanged): member_status_changed,
        "member.suspended" => MemberSuspended(MemberSuspended): member_suspended,
        "member.reinstated" => MemberReinstated(MemberReinstated): member_reinstated,
        /// A person is accredited to a member's delegation.
        "delegate.accredited" => DelegateAccredited(DelegateAccredited): delegate_accredited,
        /// A person is appointed to a forum role (secretariat, chair, ...).
        "officer.appointed" => OfficerAppointed(OfficerAppointed): officer_appointed,
        /// A delegate's or officer's accreditation ends.
        "accreditation.withdrawn" => AccreditationWithdrawn(AccreditationWithdrawn): accreditation_withdrawn,
        /// A member registers an Ed25519 public key to sign its actions with.
        "member.key_registered" => MemberKeyRegistered(MemberKeyRegistered): member_key_registered,
        /// A member withdraws one of its keys; later signatures by it are refused.
        "member.key_revoked" => MemberKeyRevoked(MemberKeyRevoked): member_key_revoked,
        /// A member declares that from now on every action in its name must
        /// carry its signature; itself signed with one of the member's keys.
        "member.signatures_required" => MemberSignaturesRequired(MemberSignaturesRequired): member_signatures_required,
    }
    negotiation: Negotiation {
        /// The secretariat opens a negotiation with its zero draft (a blob).
        "process.opened" => ProcessOpened(ProcessOpened): process_opened,
        /// A delegation tables a proposal to change the text.
        "proposal.tabled" => ProposalTabled(ProposalTabled): proposal_tabled,
        "proposal.supported" => ProposalSupported(ProposalRef): proposal_supported,
        "proposal.objected" => ProposalObjected(ProposalRef): proposal_objected,
        "proposal.cosponsored" => ProposalCosponsored(ProposalRef): proposal_cosponsored,
        "proposal.cosponsorship_withdrawn" => ProposalCosponsorshipWithdrawn(ProposalRef): proposal_cosponsorship_withdrawn,
        "proposal.withdrawn" => ProposalWithdrawn(ProposalRef): proposal_withdrawn,
        /// The proposer anchors an outdated proposal on the latest version.
        "proposal.reanchored" => ProposalReanchored(ProposalReanchored): proposal_reanchored,
        /// The chair agrees a proposal into the text: a new version.
        "proposal.agreed" => ProposalAgreed(ProposalRef): proposal_agreed,
        "proposal.rejected" => ProposalRejected(ProposalRef): proposal_rejected,
        /// The chair replaces competing options with a compromise text.
        "chair.text_tabled" => ChairTextTabled(ChairText): chair_text_tabled,
        /// The current version gets a name ("Rev.1").
        "revision.issued" => RevisionIssued(RevisionIssued): revision_issued,
        /// The secretariat sets a process's document symbol.
        "process.symbol_set" => ProcessSymbolSet(SymbolSet): process_symbol_set,
        /// The secretariat issues the rolling text or the compilation as a
        /// conference room paper under a symbol of its own.
        "process.paper_issued" => ProcessPaperIssued(PaperIssued): process_paper_issued,
    }
    proceedings: Proceedings {
        /// The rules of procedure of the forum or of one process change.
        "rules.changed" => RulesChanged(RulesChanged): rules_changed,
        "session.opened" => SessionOpened(SessionOpened): session_opened,
        "meeting.scheduled" => MeetingScheduled(MeetingScheduled): meeting_scheduled,
        "attendance.registered" => AttendanceRegistered(AttendanceRegistered): attendance_registered,
        "attendance.corrected" => AttendanceCorrected(AttendanceCorrected): attendance_corrected,
        "vote.opened" => VoteOpened(VoteOpened): vote_opened,
        /// A member's ballot; a later one before closing replaces it.
        "vote.cast" => BallotCast(BallotCast): ballot_cast,
        "vote.explained" => VoteExplained(VoteExplained): vote_explained,
        /// The chair closes a vote: the tally decides.
        "vote.closed" => VoteClosed(VoteRef): vote_closed,
        "consensus.proposed" => ConsensusProposed(ConsensusProposed): consensus_proposed,
        "consensus.objected" => ConsensusObjected(ConsensusObjected): consensus_objected,
        "consensus.declared" => ConsensusDeclared(ConsensusRef): consensus_declared,
        /// Capitals confirmed a decision agreed ad referendum.
        "decision.confirmed" => DecisionConfirmed(DecisionRef): decision_confirmed,
        "silence.started" => SilenceStarted(SilenceStarted): silence_started,
        "silence.broken" => SilenceBroken(SilenceBroken): silence_broken,
        /// Accord concludes an unbroken silence procedure at its deadline.
        "silence.concluded" => SilenceConcluded(SilenceRef): silence_concluded,
        "agenda.item_added" => AgendaItemAdded(AgendaItemAdded): agenda_item_added,
        "floor.requested" => FloorRequested(FloorRequested): floor_requested,
        "floor.withdrawn" => FloorWithdrawn(FloorWithdrawn): floor_withdrawn,
        /// The chair calls the next speaker.
        "floor.given" => FloorGiven(FloorGiven): floor_given,
        "speaking_time.set" => SpeakingTimeSet(SpeakingTimeSet): speaking_time_set,
        "statement.delivered" => StatementDelivered(StatementDelivered): statement_delivered,
        /// The chair opens a meeting, the quorum to open being present.
        "meeting.opened" => MeetingOpened(MeetingRef): meeting_opened,
        "meeting.closed" => MeetingClosed(MeetingRef): meeting_closed,
        "question.designated_important" => ImportantQuestionDesignated(ImportantQuestion): important_question_designated,
    }
    consultation: Consultation {
        /// The secretariat opens a consultation, on a process's text or not.
        "consultation.opened" => ConsultationOpened(ConsultationOpened): consultation_opened,
        /// The secretariat adds a statement, shown at once.
        "consultation.statement_seeded" => ConsultationStatementSeeded(StatementSeeded): statement_seeded,
        /// A participant joins, under a pseudonym (recorded by the server).
        "consultation.participant_joined" => ConsultationParticipantJoined(ParticipantJoined): participant_joined,
        /// A participant writes a statement; it waits for moderation.
        "consultation.statement_submitted" => ConsultationStatementSubmitted(StatementSubmitted): statement_submitted,
        "consultation.statement_moderated" => ConsultationStatementModerated(StatementModerated): statement_moderated,
        /// A participant votes agree, disagree or pass on a statement.
        "consultation.vote_cast" => ConsultationVoteCast(ConsultVoteCast): consultation_vote_cast,
        "consultation.closed" => ConsultationClosed(ConsultationRef): consultation_closed,
        /// An analysis of the consultation, named by the digest of its result.
        "consultation.analysis_published" => ConsultationAnalysisPublished(AnalysisPublished): analysis_published,
    }
    translation: Translation {
        /// A translator records a provision's (or a proposal's) words in
        /// another official language.
        "translation.recorded" => TranslationRecorded(TranslationRecorded): translation_recorded,
    }
}

impl EntryBody {
    /// Whether the entry belongs to a negotiation (see [`crate::negotiation`]).
    pub fn is_negotiation(&self) -> bool {
        self.feature() == Feature::Negotiation
    }

    /// Whether the entry belongs to a consultation (see [`crate::consultation`]).
    pub fn is_consultation(&self) -> bool {
        self.feature() == Feature::Consultation
    }

    /// Whether the entry records a translation (see [`crate::translation`]).
    pub fn is_translation(&self) -> bool {
        self.feature() == Feature::Translation
    }

    /// Whether the entry belongs to meetings and decisions (see [`crate::proceedings`]).
    pub fn is_proceedings(&self) -> bool {
        self.feature() == Feature::Proceedings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind string is listed once, and a body's `kind()`, feature and
    /// serde tag come from its row.
    #[test]
    fn the_table_lists_each_kind_once() {
        let unique: std::collections::BTreeSet<&str> = EntryBody::KINDS.iter().copied().collect();
        assert_eq!(unique.len(), EntryBody::KINDS.len());
        assert_eq!(EntryBody::KINDS.len(), 60);
        let body =
            EntryBody::MemberReinstated(MemberReinstated { code: crate::ids::MemberCode::parse("KEN").unwrap() });
        assert_eq!(body.kind(), "member.reinstated");
        assert_eq!(body.feature(), Feature::Forum);
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(json["kind"], "member.reinstated");
    }
}
