//! One entry of the record, and its canonical byte encoding.
//!
//! # Encoding `accord-entry/v1`
//! An entry is a JSON object (RFC 8259) written in one canonical form, so
//! that every entry has exactly one byte representation and any JSON parser
//! can decode it:
//! - UTF-8, no whitespace outside strings, object keys sorted by their bytes
//!   (all keys are ASCII), no duplicate keys;
//! - strings escaped as `serde_json` and RFC 8785 do: `\"`, `\\`, `\b`, `\f`,
//!   `\n`, `\r`, `\t`, other control characters as `\u00xx` (lower-case hex),
//!   everything else (including `/` and non-ASCII) as is;
//! - numbers are non-negative integers below 2^53, written in decimal without
//!   sign, fraction or exponent; there are no floats;
//! - an absent optional field is left out, never written as `null`.
//!
//! For the ASCII keys and integers Accord uses, this is the JSON
//! Canonicalization Scheme (RFC 8785). The top-level fields are:
//!
//! | field | meaning |
//! |---|---|
//! | `v` | format version, `1` |
//! | `index` | position in the record, from 0, without gaps |
//! | `time` | when the entry was sequenced, Unix time in milliseconds (never decreases) |
//! | `actor` | who acted: `{"type":"system"}`, `{"type":"delegate","delegate":"D7","member":"BRA"}` or `{"type":"officer","delegate":"D1","role":"secretariat"}` |
//! | `kind` | what happened, e.g. `member.admitted` |
//! | `payload` | the details, an object whose fields depend on `kind` |
//!
//! An encoded entry is at most [`ENTRY_MAX_BYTES`] (65,535) bytes, so that
//! it fits the 16-bit length prefix of C2SP tlog-tiles entry bundles; larger
//! content is stored as a blob and named by its SHA-256.
//!
//! [`Entry::decode`] accepts only canonical bytes: it re-encodes what it
//! parsed and refuses the input if the bytes differ.
//!
//! A signed action's entry also carries `signature: {key, nonce, sig}`
//! (see [`crate::signature`]), so the top-level keys always come in the
//! order `actor`, `index`, `kind`, `payload`, `signature`, `time`, `v`.
//!
//! # Decoding and encoding
//! [`Entry::decode`] has a fast path (`wire_fast`): the envelope is matched
//! literally in that fixed order, the three actor forms and the integers are
//! read in canonical form only, the payload goes straight into its type with
//! serde_json, and only the body and the signature are re-encoded and
//! compared with the text they came from. Anything the fast path does not
//! take goes to the general decoder (serde_json over the whole object, then
//! a full re-encoding), which decides and says why. Tests hold the fast path
//! to the general one: every valid entry of every kind takes it, and
//! near-canonical envelopes are decided alike. [`Entry::encode`] writes the
//! envelope by hand around the body written by [`crate::canonical`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::canonical::MAX_SAFE_INTEGER;
use crate::decisions::{
    AgendaItemAdded, AttendanceCorrected, AttendanceRegistered, BallotCast, ConsensusObjected, ConsensusProposed,
    ConsensusRef, DecisionRef, FloorGiven, FloorRequested, FloorWithdrawn, ImportantQuestion, MeetingRef,
    MeetingScheduled, RulesChanged, SessionOpened, SilenceBroken, SilenceRef, SilenceStarted, SpeakingTimeSet,
    StatementDelivered, VoteExplained, VoteOpened, VoteRef,
};
use crate::error::Refusal;
use crate::ids::{DelegateId, DisplayName, LanguageTag, MemberCode, Reason};
use crate::negotiation::{ChairText, ProcessOpened, ProposalReanchored, ProposalRef, ProposalTabled, RevisionIssued};
use crate::state::{MemberKind, MemberRole, MemberStatus, OfficerRole, OrganisationCategory};

/// The version written in the `v` field of every entry.
pub const ENTRY_FORMAT_VERSION: u64 = 1;

/// The largest encoded entry: 2^16 - 1 bytes (C2SP tlog-tiles entry bundles
/// prefix each entry with a big-endian 16-bit length).
pub const ENTRY_MAX_BYTES: usize = 65_535;

/// Who acted. The record names people by their stable delegate id; their
/// display names are in the entries that accredited them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Actor {
    /// The host's operator at the console (`accord init`, `accord demo`,
    /// `accord admin`): someone with access to the data directory.
    System,
    /// A delegate acting for their member.
    Delegate { delegate: DelegateId, member: MemberCode },
    /// A forum officer (secretariat, chair, vice-chair, co-facilitator).
    Officer { delegate: DelegateId, role: OfficerRole },
}

impl Actor {
    /// The delegate behind the action, if any.
    pub fn delegate(&self) -> Option<DelegateId> {
        match self {
            Actor::System => None,
            Actor::Delegate { delegate, .. } | Actor::Officer { delegate, .. } => Some(*delegate),
        }
    }
}

/// What happened: the `kind` and `payload` of an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "payload")]
pub enum EntryBody {
    /// The first entry of every record: the forum comes into being.
    #[serde(rename = "forum.established")]
    ForumEstablished(ForumSettings),
    /// The forum's name or official languages change.
    #[serde(rename = "forum.settings_changed")]
    ForumSettingsChanged(ForumSettings),
    #[serde(rename = "member.admitted")]
    MemberAdmitted(MemberAdmitted),
    #[serde(rename = "member.status_changed")]
    MemberStatusChanged(MemberStatusChanged),
    #[serde(rename = "member.suspended")]
    MemberSuspended(MemberSuspended),
    #[serde(rename = "member.reinstated")]
    MemberReinstated(MemberReinstated),
    /// A person is accredited to a member's delegation.
    #[serde(rename = "delegate.accredited")]
    DelegateAccredited(DelegateAccredited),
    /// A person is appointed to a forum role (secretariat, chair, ...).
    #[serde(rename = "officer.appointed")]
    OfficerAppointed(OfficerAppointed),
    /// A delegate's or officer's accreditation ends.
    #[serde(rename = "accreditation.withdrawn")]
    AccreditationWithdrawn(AccreditationWithdrawn),
    /// A member registers an Ed25519 public key to sign its actions with.
    #[serde(rename = "member.key_registered")]
    MemberKeyRegistered(MemberKeyRegistered),
    /// A member withdraws one of its keys; later signatures by it are refused.
    #[serde(rename = "member.key_revoked")]
    MemberKeyRevoked(MemberKeyRevoked),
    /// A member declares that from now on every action in its name must
    /// carry its signature; itself signed with one of the member's keys.
    #[serde(rename = "member.signatures_required")]
    MemberSignaturesRequired(MemberSignaturesRequired),
    /// The secretariat opens a negotiation with its zero draft (a blob).
    #[serde(rename = "process.opened")]
    ProcessOpened(ProcessOpened),
    /// A delegation tables a proposal to change the text.
    #[serde(rename = "proposal.tabled")]
    ProposalTabled(ProposalTabled),
    #[serde(rename = "proposal.supported")]
    ProposalSupported(ProposalRef),
    #[serde(rename = "proposal.objected")]
    ProposalObjected(ProposalRef),
    #[serde(rename = "proposal.cosponsored")]
    ProposalCosponsored(ProposalRef),
    #[serde(rename = "proposal.cosponsorship_withdrawn")]
    ProposalCosponsorshipWithdrawn(ProposalRef),
    #[serde(rename = "proposal.withdrawn")]
    ProposalWithdrawn(ProposalRef),
    /// The proposer anchors an outdated proposal on the latest version.
    #[serde(rename = "proposal.reanchored")]
    ProposalReanchored(ProposalReanchored),
    /// The chair agrees a proposal into the text: a new version.
    #[serde(rename = "proposal.agreed")]
    ProposalAgreed(ProposalRef),
    #[serde(rename = "proposal.rejected")]
    ProposalRejected(ProposalRef),
    /// The chair replaces competing options with a compromise text.
    #[serde(rename = "chair.text_tabled")]
    ChairTextTabled(ChairText),
    /// The current version gets a name ("Rev.1").
    #[serde(rename = "revision.issued")]
    RevisionIssued(RevisionIssued),
    /// The rules of procedure of the forum or of one process change.
    #[serde(rename = "rules.changed")]
    RulesChanged(RulesChanged),
    #[serde(rename = "session.opened")]
    SessionOpened(SessionOpened),
    #[serde(rename = "meeting.scheduled")]
    MeetingScheduled(MeetingScheduled),
    #[serde(rename = "attendance.registered")]
    AttendanceRegistered(AttendanceRegistered),
    #[serde(rename = "attendance.corrected")]
    AttendanceCorrected(AttendanceCorrected),
    #[serde(rename = "vote.opened")]
    VoteOpened(VoteOpened),
    /// A member's ballot; a later one before closing replaces it.
    #[serde(rename = "vote.cast")]
    BallotCast(BallotCast),
    #[serde(rename = "vote.explained")]
    VoteExplained(VoteExplained),
    /// The chair closes a vote: the tally decides.
    #[serde(rename = "vote.closed")]
    VoteClosed(VoteRef),
    #[serde(rename = "consensus.proposed")]
    ConsensusProposed(ConsensusProposed),
    #[serde(rename = "consensus.objected")]
    ConsensusObjected(ConsensusObjected),
    #[serde(rename = "consensus.declared")]
    ConsensusDeclared(ConsensusRef),
    /// Capitals confirmed a decision agreed ad referendum.
    #[serde(rename = "decision.confirmed")]
    DecisionConfirmed(DecisionRef),
    #[serde(rename = "silence.started")]
    SilenceStarted(SilenceStarted),
    #[serde(rename = "silence.broken")]
    SilenceBroken(SilenceBroken),
    /// Accord concludes an unbroken silence procedure at its deadline.
    #[serde(rename = "silence.concluded")]
    SilenceConcluded(SilenceRef),
    #[serde(rename = "agenda.item_added")]
    AgendaItemAdded(AgendaItemAdded),
    #[serde(rename = "floor.requested")]
    FloorRequested(FloorRequested),
    #[serde(rename = "floor.withdrawn")]
    FloorWithdrawn(FloorWithdrawn),
    /// The chair calls the next speaker.
    #[serde(rename = "floor.given")]
    FloorGiven(FloorGiven),
    #[serde(rename = "speaking_time.set")]
    SpeakingTimeSet(SpeakingTimeSet),
    #[serde(rename = "statement.delivered")]
    StatementDelivered(StatementDelivered),
    /// The chair opens a meeting, the quorum to open being present.
    #[serde(rename = "meeting.opened")]
    MeetingOpened(MeetingRef),
    #[serde(rename = "meeting.closed")]
    MeetingClosed(MeetingRef),
    #[serde(rename = "question.designated_important")]
    ImportantQuestionDesignated(ImportantQuestion),
}

impl EntryBody {
    /// The `kind` string of this body, e.g. `member.admitted`.
    pub fn kind(&self) -> &'static str {
        match self {
            EntryBody::ForumEstablished(_) => "forum.established",
            EntryBody::ForumSettingsChanged(_) => "forum.settings_changed",
            EntryBody::MemberAdmitted(_) => "member.admitted",
            EntryBody::MemberStatusChanged(_) => "member.status_changed",
            EntryBody::MemberSuspended(_) => "member.suspended",
            EntryBody::MemberReinstated(_) => "member.reinstated",
            EntryBody::DelegateAccredited(_) => "delegate.accredited",
            EntryBody::OfficerAppointed(_) => "officer.appointed",
            EntryBody::AccreditationWithdrawn(_) => "accreditation.withdrawn",
            EntryBody::MemberKeyRegistered(_) => "member.key_registered",
            EntryBody::MemberKeyRevoked(_) => "member.key_revoked",
            EntryBody::MemberSignaturesRequired(_) => "member.signatures_required",
            EntryBody::ProcessOpened(_) => "process.opened",
            EntryBody::ProposalTabled(_) => "proposal.tabled",
            EntryBody::ProposalSupported(_) => "proposal.supported",
            EntryBody::ProposalObjected(_) => "proposal.objected",
            EntryBody::ProposalCosponsored(_) => "proposal.cosponsored",
            EntryBody::ProposalCosponsorshipWithdrawn(_) => "proposal.cosponsorship_withdrawn",
            EntryBody::ProposalWithdrawn(_) => "proposal.withdrawn",
            EntryBody::ProposalReanchored(_) => "proposal.reanchored",
            EntryBody::ProposalAgreed(_) => "proposal.agreed",
            EntryBody::ProposalRejected(_) => "proposal.rejected",
            EntryBody::ChairTextTabled(_) => "chair.text_tabled",
            EntryBody::RevisionIssued(_) => "revision.issued",
            EntryBody::RulesChanged(_) => "rules.changed",
            EntryBody::SessionOpened(_) => "session.opened",
            EntryBody::MeetingScheduled(_) => "meeting.scheduled",
            EntryBody::AttendanceRegistered(_) => "attendance.registered",
            EntryBody::AttendanceCorrected(_) => "attendance.corrected",
            EntryBody::VoteOpened(_) => "vote.opened",
            EntryBody::BallotCast(_) => "vote.cast",
            EntryBody::VoteExplained(_) => "vote.explained",
            EntryBody::VoteClosed(_) => "vote.closed",
            EntryBody::ConsensusProposed(_) => "consensus.proposed",
            EntryBody::ConsensusObjected(_) => "consensus.objected",
            EntryBody::ConsensusDeclared(_) => "consensus.declared",
            EntryBody::DecisionConfirmed(_) => "decision.confirmed",
            EntryBody::SilenceStarted(_) => "silence.started",
            EntryBody::SilenceBroken(_) => "silence.broken",
            EntryBody::SilenceConcluded(_) => "silence.concluded",
            EntryBody::AgendaItemAdded(_) => "agenda.item_added",
            EntryBody::FloorRequested(_) => "floor.requested",
            EntryBody::FloorWithdrawn(_) => "floor.withdrawn",
            EntryBody::FloorGiven(_) => "floor.given",
            EntryBody::SpeakingTimeSet(_) => "speaking_time.set",
            EntryBody::StatementDelivered(_) => "statement.delivered",
            EntryBody::MeetingOpened(_) => "meeting.opened",
            EntryBody::MeetingClosed(_) => "meeting.closed",
            EntryBody::ImportantQuestionDesignated(_) => "question.designated_important",
        }
    }

    /// Whether the entry belongs to a negotiation (see [`crate::negotiation`]).
    pub fn is_negotiation(&self) -> bool {
        matches!(
            self,
            EntryBody::ProcessOpened(_)
                | EntryBody::ProposalTabled(_)
                | EntryBody::ProposalSupported(_)
                | EntryBody::ProposalObjected(_)
                | EntryBody::ProposalCosponsored(_)
                | EntryBody::ProposalCosponsorshipWithdrawn(_)
                | EntryBody::ProposalWithdrawn(_)
                | EntryBody::ProposalReanchored(_)
                | EntryBody::ProposalAgreed(_)
                | EntryBody::ProposalRejected(_)
                | EntryBody::ChairTextTabled(_)
                | EntryBody::RevisionIssued(_)
        )
    }

    /// Whether the entry belongs to meetings and decisions (see [`crate::decisions`]).
    pub fn is_proceedings(&self) -> bool {
        matches!(
            self,
            EntryBody::RulesChanged(_)
                | EntryBody::SessionOpened(_)
                | EntryBody::MeetingScheduled(_)
                | EntryBody::AttendanceRegistered(_)
                | EntryBody::AttendanceCorrected(_)
                | EntryBody::VoteOpened(_)
                | EntryBody::BallotCast(_)
                | EntryBody::VoteExplained(_)
                | EntryBody::VoteClosed(_)
                | EntryBody::ConsensusProposed(_)
                | EntryBody::ConsensusObjected(_)
                | EntryBody::ConsensusDeclared(_)
                | EntryBody::DecisionConfirmed(_)
                | EntryBody::SilenceStarted(_)
                | EntryBody::SilenceBroken(_)
                | EntryBody::SilenceConcluded(_)
                | EntryBody::AgendaItemAdded(_)
                | EntryBody::FloorRequested(_)
                | EntryBody::FloorWithdrawn(_)
                | EntryBody::FloorGiven(_)
                | EntryBody::SpeakingTimeSet(_)
                | EntryBody::StatementDelivered(_)
                | EntryBody::MeetingOpened(_)
                | EntryBody::MeetingClosed(_)
                | EntryBody::ImportantQuestionDesignated(_)
        )
    }

    /// The blob this entry names, if any: its content must be attached
    /// before the entry is folded.
    pub fn blob_mut(&mut self) -> Option<&mut crate::blob::BlobRef> {
        match self {
            EntryBody::ProcessOpened(p) => Some(&mut p.draft),
            EntryBody::StatementDelivered(s) => s.file.as_mut(),
            _ => None,
        }
    }

    pub fn blob(&self) -> Option<&crate::blob::BlobRef> {
        match self {
            EntryBody::ProcessOpened(p) => Some(&p.draft),
            EntryBody::StatementDelivered(s) => s.file.as_ref(),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForumSettings {
    pub name: DisplayName,
    /// Official languages, in the forum's order of preference.
    pub languages: Vec<LanguageTag>,
    /// The origin line of the forum's transparency log, declared once, in
    /// `forum.established`; members' signatures name it, so that a signed
    /// action cannot be replayed in another forum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log: Option<String>,
    /// The edition of Accord's rules the forum's record follows, declared
    /// once, in `forum.established` (see [`crate::state::EDITION`]);
    /// absent in records begun before editions existed, which follow
    /// edition 1. A rule that would refuse, or fold differently, entries
    /// an older record holds applies from the edition that introduced it,
    /// so that every record replays as it was recorded (invariant 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberAdmitted {
    // Declared in key order, as the encoding writes them: the canonical
    // writer then leaves them in place instead of sorting (the record's
    // most frequent kind in a forum's first days, and in the benchmarks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<OrganisationCategory>,
    pub code: MemberCode,
    pub kind: MemberKind,
    pub name: DisplayName,
    pub status: MemberStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberStatusChanged {
    pub code: MemberCode,
    pub status: MemberStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberSuspended {
    pub code: MemberCode,
    pub reason: Reason,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberReinstated {
    pub code: MemberCode,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DelegateAccredited {
    pub delegate: DelegateId,
    pub name: DisplayName,
    pub member: MemberCode,
    pub role: MemberRole,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficerAppointed {
    pub delegate: DelegateId,
    pub name: DisplayName,
    pub role: OfficerRole,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccreditationWithdrawn {
    pub delegate: DelegateId,
    pub reason: Reason,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberKeyRegistered {
    pub member: MemberCode,
    /// 16 hex digits: the first 8 bytes of SHA-256(public key).
    pub key: String,
    /// The 32-byte Ed25519 public key, base64.
    pub public_key: String,
    pub label: DisplayName,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberKeyRevoked {
    pub member: MemberCode,
    pub key: String,
}

/// `member.signatures_required`: from this entry on, the record accepts an
/// action in `member`'s name only with a valid signature of one of its
/// keys. Recorded only when signed by the member's head of delegation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberSignaturesRequired {
    pub member: MemberCode,
}

/// One entry of the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub index: u64,
    /// Unix time in milliseconds.
    pub time: i64,
    pub actor: Actor,
    pub body: EntryBody,
    /// The member's own signature over the action, when the delegation
    /// signed it (see [`crate::signature`]).
    pub signature: Option<MemberSignature>,
}

/// A member's signature over an action: which of its registered keys, the
/// nonce it chose (never reused), and the Ed25519 signature (base64) over
/// [`crate::signature::signed_message`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberSignature {
    pub key: String,
    pub nonce: String,
    pub sig: String,
}

impl Entry {
    /// Encodes the entry in canonical form. Refuses an entry whose encoding
    /// exceeds [`ENTRY_MAX_BYTES`].
    pub fn encode(&self) -> Result<Vec<u8>, Refusal> {
        let mut out = Vec::with_capacity(256);
        self.encode_into(&mut out)?;
        Ok(out)
    }

    /// [`Entry::encode`], appending to `out` (which it clears first).
    pub fn encode_into(&self, out: &mut Vec<u8>) -> Result<(), Refusal> {
        out.clear();
        self.write_wire(out).map_err(|e| Refusal::invalid("invalid_entry", e.0))?;
        if out.len() > ENTRY_MAX_BYTES {
            return Err(Refusal::unprocessable(
                "entry_too_large",
                format!(
                    "the entry would take {} bytes, more than the record's limit of {ENTRY_MAX_BYTES}: \
                     store large content as a blob",
                    out.len()
                ),
            ));
        }
        Ok(())
    }

    /// Appends the canonical bytes. The top-level object's keys are always
    /// these, in this (sorted) order: `actor`, `index`, `kind`, `payload`,
    /// `signature` (when signed), `time`, `v`; so the envelope is written
    /// here directly, and only the actor, the body and the signature go
    /// through the canonical serializer. The body writes itself as
    /// `{"kind":…,"payload":…}`: its braces are dropped and its members
    /// spliced in between `index` and `signature`. A property test compares
    /// the result with the `serde_json::Value` path.
    fn write_wire(&self, out: &mut Vec<u8>) -> Result<(), crate::canonical::CanonicalError> {
        use crate::canonical::{to_canonical, write_i64, write_u64};
        out.extend_from_slice(br#"{"actor":"#);
        to_canonical(&self.actor, out)?;
        out.extend_from_slice(br#","index":"#);
        write_u64(out, self.index)?;
        let body = out.len();
        to_canonical(&self.body, out)?;
        if out.get(body) != Some(&b'{') || out.last() != Some(&b'}') {
            return Err(crate::canonical::CanonicalError("an entry's body is an object".into()));
        }
        // `{"kind":…}` becomes `,"kind":…`.
        out[body] = b',';
        out.pop();
        if let Some(signature) = &self.signature {
            out.extend_from_slice(br#","signature":"#);
            to_canonical(signature, out)?;
        }
        out.extend_from_slice(br#","time":"#);
        write_i64(out, self.time)?;
        out.extend_from_slice(br#","v":"#);
        write_u64(out, ENTRY_FORMAT_VERSION)?;
        out.push(b'}');
        Ok(())
    }

    /// Decodes canonical bytes. Anything else (malformed JSON, unknown
    /// fields or kinds, a version other than 1, a non-canonical form, more
    /// than 65,535 bytes) is refused with a message that says what is wrong.
    ///
    /// The bytes are parsed straight into the typed entry (no
    /// `serde_json::Value`), then encoded again: only bytes that are exactly
    /// the encoding of what they say are accepted.
    pub fn decode(bytes: &[u8]) -> Result<Entry, Refusal> {
        let bad = |m: String| Refusal::invalid("invalid_entry", m);
        if bytes.len() > ENTRY_MAX_BYTES {
            return Err(bad(format!("the entry has {} bytes, more than {ENTRY_MAX_BYTES}", bytes.len())));
        }
        // Checked as UTF-8 once, so that the parser takes its strings as
        // they are instead of checking each one.
        let text =
            std::str::from_utf8(bytes).map_err(|e| bad(format!("the entry is malformed: it is not UTF-8 ({e})")))?;
        // The fast path reads the envelope by its fixed layout and accepts
        // only what encodes back to exactly these bytes; anything it does
        // not take (malformed, non-canonical or merely unusual) goes to the
        // general path, which decides and says why.
        let mut again = Vec::with_capacity(bytes.len());
        if let Some(read) = wire_fast::parse(text) {
            if read.is_canonical(text, &mut again) {
                return Ok(read.entry);
            }
        }
        Self::decode_general(text, &mut again)
    }

    /// The general decoder: serde_json reads the top-level object in any
    /// order (so that errors name what is wrong), then the entry is encoded
    /// again and compared.
    fn decode_general(text: &str, again: &mut Vec<u8>) -> Result<Entry, Refusal> {
        let bad = |m: String| Refusal::invalid("invalid_entry", m);
        let mut de = serde_json::Deserializer::from_str(text);
        let wire = wire_in::WireIn::deserialize(&mut de)
            .and_then(|w| de.end().map(|()| w))
            .map_err(|e| bad(format!("the entry is malformed: {e}")))?;
        if wire.v != ENTRY_FORMAT_VERSION {
            return Err(bad(format!("the entry has format version {}, this Accord reads version 1", wire.v)));
        }
        if wire.time < 0 {
            return Err(bad("the entry's time is negative".into()));
        }
        let entry =
            Entry { index: wire.index, time: wire.time, actor: wire.actor, body: wire.body, signature: wire.signature };
        again.clear();
        entry.write_wire(again).map_err(|e| bad(e.0))?;
        if again != text.as_bytes() {
            return Err(bad("the entry is not in canonical form (accord-entry/v1)".into()));
        }
        Ok(entry)
    }
}

/// The decoder's fast path: the top-level object read by its fixed layout
/// (`{"actor":…,"index":…,"kind":…[,"payload":…][,"signature":…],"time":…,"v":1}`),
/// the usual actors by their fixed forms, and the payload by serde_json
/// straight into its type. It gives up (`None`) at anything else; what it
/// returns is accepted only if it encodes to the very bytes it was read
/// from, so it can be lenient without letting anything through.
mod wire_fast {
    use serde::de::value::{BorrowedStrDeserializer, MapAccessDeserializer};
    use serde::de::{self, DeserializeSeed, MapAccess};
    use serde::Deserialize;

    use super::{Actor, Entry, EntryBody, MemberSignature};
    use crate::ids::{DelegateId, MemberCode};
    use crate::state::OfficerRole;

    struct Cursor<'a> {
        text: &'a str,
        pos: usize,
    }

    impl<'a> Cursor<'a> {
        fn eat(&mut self, literal: &str) -> Option<()> {
            self.text[self.pos..].starts_with(literal).then(|| self.pos += literal.len())
        }

        /// A string without escapes, up to its closing quote (consumed).
        fn plain_str(&mut self) -> Option<&'a str> {
            let rest = &self.text[self.pos..];
            let end = rest.find(['"', '\\'])?;
            if rest.as_bytes()[end] != b'"' {
                return None;
            }
            self.pos += end + 1;
            Some(&rest[..end])
        }

        /// A non-negative integer in canonical form: no sign, no leading
        /// zero, at most 2^53 - 1.
        fn integer(&mut self) -> Option<u64> {
            let bytes = &self.text.as_bytes()[self.pos..];
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits == 0 || digits > 16 || (digits > 1 && bytes[0] == b'0') {
                return None;
            }
            let n = bytes[..digits].iter().fold(0u64, |n, d| n * 10 + u64::from(d - b'0'));
            if n > crate::canonical::MAX_SAFE_INTEGER {
                return None;
            }
            self.pos += digits;
            Some(n)
        }
    }

    /// An entry as the fast path read it, with where its body (from `"kind"`
    /// to the end of the payload) and its signature are in the text.
    pub(super) struct Read {
        pub entry: Entry,
        body: std::ops::Range<usize>,
        signature: Option<std::ops::Range<usize>>,
    }

    impl Read {
        /// Whether the text is the entry's canonical encoding. Everything
        /// outside the body and the signature was matched literally or read
        /// in canonical form only (the keys, their order, the actor, the
        /// integers), so only those two are encoded again and compared with
        /// the text they were read from.
        pub fn is_canonical(&self, text: &str, again: &mut Vec<u8>) -> bool {
            again.clear();
            if crate::canonical::to_canonical(&self.entry.body, again).is_err()
                || again.len() < 2
                || again[0] != b'{'
                || again[again.len() - 1] != b'}'
                || again[1..again.len() - 1] != text.as_bytes()[self.body.clone()]
            {
                return false;
            }
            match (&self.entry.signature, &self.signature) {
                (Some(signature), Some(at)) => {
                    again.clear();
                    crate::canonical::to_canonical(signature, again).is_ok() && again[..] == text.as_bytes()[at.clone()]
                }
                (None, None) => true,
                _ => false,
            }
        }
    }

    pub(super) fn parse(text: &str) -> Option<Read> {
        // The end first: `,"time":N,"v":1}`. What lies between the kind and
        // the time is the payload and the signature, so neither has to be
        // scanned for its end.
        let rest = text.strip_suffix(r#","v":1}"#)?;
        let digits = rest.bytes().rev().take_while(u8::is_ascii_digit).count();
        let time = Cursor { text: rest, pos: rest.len() - digits }.integer()?;
        let time = i64::try_from(time).ok()?;
        let end = rest[..rest.len() - digits].strip_suffix(r#","time":"#)?.len();

        let mut at = Cursor { text, pos: 0 };
        at.eat(r#"{"actor":"#)?;
        let actor = actor(&mut at)?;
        at.eat(r#","index":"#)?;
        let index = at.integer()?;
        at.eat(",")?;
        let body_start = at.pos;
        at.eat(r#""kind":""#)?;
        let kind = at.plain_str()?;
        let (body, body_end) = if at.eat(r#","payload":"#).is_some() {
            let start = at.pos;
            let payload = |end: usize| -> Option<EntryBody> {
                let mut de = serde_json::Deserializer::from_str(text.get(start..end)?);
                let body = Body { kind, payload: Some(&mut de), step: 0 };
                let body = EntryBody::deserialize(MapAccessDeserializer::new(body)).ok()?;
                de.end().ok()?;
                Some(body)
            };
            // Unsigned (most entries), or else signed: the signature is the
            // last `,"signature":{"key":` before the time.
            match payload(end) {
                Some(body) => (body, end),
                None => {
                    let signed = text.get(start..end)?.rfind(r#","signature":{"key":"#)? + start;
                    (payload(signed)?, signed)
                }
            }
        } else {
            let body = Body::<serde_json::de::StrRead<'_>> { kind, payload: None, step: 0 };
            (EntryBody::deserialize(MapAccessDeserializer::new(body)).ok()?, at.pos)
        };
        let (signature, signature_at) = if body_end == end {
            (None, None)
        } else {
            let from = text.get(body_end..end)?.strip_prefix(r#","signature":"#)?;
            let start = end - from.len();
            (Some(serde_json::from_str::<MemberSignature>(from).ok()?), Some(start..end))
        };
        Some(Read {
            entry: Entry { index, time, actor, body, signature },
            body: body_start..body_end,
            signature: signature_at,
        })
    }

    /// `{"type":"system"}`, `{"delegate":"D7","member":"BRA","type":"delegate"}`
    /// or `{"delegate":"D1","role":"secretariat","type":"officer"}`.
    fn actor(at: &mut Cursor<'_>) -> Option<Actor> {
        if at.eat(r#"{"type":"system"}"#).is_some() {
            return Some(Actor::System);
        }
        at.eat(r#"{"delegate":""#)?;
        // Only the canonical forms: `parse` takes a delegate id only as
        // written (`D` and digits, no leading zero), and a code as it would
        // write it.
        let delegate = DelegateId::parse(at.plain_str()?).ok()?;
        if at.eat(r#","member":""#).is_some() {
            let code = at.plain_str()?;
            let member = MemberCode::parse(code).ok().filter(|m| m.as_str() == code)?;
            at.eat(r#","type":"delegate"}"#)?;
            return Some(Actor::Delegate { delegate, member });
        }
        at.eat(r#","role":""#)?;
        let role = at.plain_str()?;
        let role = OfficerRole::deserialize(BorrowedStrDeserializer::<de::value::Error>::new(role)).ok()?;
        at.eat(r#","type":"officer"}"#)?;
        Some(Actor::Officer { delegate, role })
    }

    /// The body as its derived deserializer reads it: a map of `kind` and,
    /// when there is one, `payload`, parsed straight from the entry's text.
    struct Body<'p, 'de, R> {
        kind: &'de str,
        payload: Option<&'p mut serde_json::Deserializer<R>>,
        step: u8,
    }

    impl<'de, R: serde_json::de::Read<'de>> MapAccess<'de> for Body<'_, 'de, R> {
        type Error = serde_json::Error;
        fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, serde_json::Error> {
            let key = match (self.step, &self.payload) {
                (0, _) => "kind",
                (1, Some(_)) => "payload",
                _ => return Ok(None),
            };
            seed.deserialize(BorrowedStrDeserializer::new(key)).map(Some)
        }
        fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, serde_json::Error> {
            self.step += 1;
            match (self.step, &mut self.payload) {
                (1, _) => seed.deserialize(BorrowedStrDeserializer::new(self.kind)),
                (2, Some(de)) => seed.deserialize(&mut **de),
                _ => Err(de::Error::custom("no more values")),
            }
        }
    }
}

/// Reading the top-level object in one pass. The body is adjacently tagged
/// (`kind`, `payload`); serde's derived deserializer for it reads those two
/// fields from a map, so the top-level map is handed to it through a filter
/// that answers only `kind` and `payload` and keeps the other fields aside.
/// In canonical order `kind` comes before `payload`, so the payload is
/// parsed directly into its type, without buffering. This works for any
/// new adjacently tagged variant of [`EntryBody`].
mod wire_in {
    use std::fmt;

    use serde::de::value::MapAccessDeserializer;
    use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor};
    use serde::Deserialize;

    use super::{Actor, EntryBody, MemberSignature};

    pub(super) struct WireIn {
        pub v: u64,
        pub index: u64,
        pub time: i64,
        pub actor: Actor,
        pub body: EntryBody,
        pub signature: Option<MemberSignature>,
    }

    #[derive(Default)]
    struct Side {
        v: Option<u64>,
        index: Option<u64>,
        time: Option<i64>,
        actor: Option<Actor>,
        signature: Option<MemberSignature>,
        signature_seen: bool,
    }

    enum Field {
        V,
        Index,
        Time,
        Actor,
        Kind,
        Payload,
        Signature,
        Other(String),
    }

    impl<'de> Deserialize<'de> for Field {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct FieldVisitor;
            impl Visitor<'_> for FieldVisitor {
                type Value = Field;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a field name")
                }
                fn visit_str<E: de::Error>(self, s: &str) -> Result<Field, E> {
                    Ok(match s {
                        "v" => Field::V,
                        "index" => Field::Index,
                        "time" => Field::Time,
                        "actor" => Field::Actor,
                        "kind" => Field::Kind,
                        "payload" => Field::Payload,
                        "signature" => Field::Signature,
                        other => Field::Other(other.to_owned()),
                    })
                }
            }
            d.deserialize_identifier(FieldVisitor)
        }
    }

    const FIELDS: &[&str] = &["v", "index", "time", "actor", "kind", "payload", "signature"];

    fn set<T, E: de::Error>(slot: &mut Option<T>, value: T, name: &'static str) -> Result<(), E> {
        if slot.replace(value).is_some() {
            return Err(E::duplicate_field(name));
        }
        Ok(())
    }

    impl<'de> Deserialize<'de> for WireIn {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_map(TopVisitor)
        }
    }

    struct TopVisitor;

    impl<'de> Visitor<'de> for TopVisitor {
        type Value = WireIn;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an accord-entry/v1 object")
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<WireIn, A::Error> {
            let mut side = Side::default();
            let body = EntryBody::deserialize(MapAccessDeserializer::new(BodyFilter { map, side: &mut side }))?;
            let missing = |name| <A::Error as de::Error>::missing_field(name);
            Ok(WireIn {
                v: side.v.ok_or_else(|| missing("v"))?,
                index: side.index.ok_or_else(|| missing("index"))?,
                time: side.time.ok_or_else(|| missing("time"))?,
                actor: side.actor.ok_or_else(|| missing("actor"))?,
                body,
                signature: side.signature,
            })
        }
    }

    /// The top-level map as the body's deserializer sees it.
    struct BodyFilter<'s, A> {
        map: A,
        side: &'s mut Side,
    }

    impl<'de, A: MapAccess<'de>> MapAccess<'de> for BodyFilter<'_, A> {
        type Error = A::Error;
        fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
            loop {
                let Some(field) = self.map.next_key::<Field>()? else { return Ok(None) };
                let side = &mut *self.side;
                match field {
                    Field::Kind => return seed.deserialize("kind".into_deserializer()).map(Some),
                    Field::Payload => return seed.deserialize("payload".into_deserializer()).map(Some),
                    Field::V => set(&mut side.v, self.map.next_value()?, "v")?,
                    Field::Index => set(&mut side.index, self.map.next_value()?, "index")?,
                    Field::Time => set(&mut side.time, self.map.next_value()?, "time")?,
                    Field::Actor => set(&mut side.actor, self.map.next_value()?, "actor")?,
                    Field::Signature => {
                        if std::mem::replace(&mut side.signature_seen, true) {
                            return Err(de::Error::duplicate_field("signature"));
                        }
                        side.signature = self.map.next_value()?;
                    }
                    Field::Other(name) => return Err(de::Error::unknown_field(&name, FIELDS)),
                }
            }
        }
        fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
            self.map.next_value_seed(seed)
        }
    }
}

/// Writes a JSON value in the canonical form described in the module docs.
///
/// This is the reference [`crate::canonical::to_canonical`] is tested
/// against (it produces the same bytes without building a `Value`); use
/// it for a value that is already a `serde_json::Value`.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn write_canonical(value: &Value, out: &mut Vec<u8>) -> Result<(), Refusal> {
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Value::Number(n) => match n.as_u64() {
            Some(u) if u <= MAX_SAFE_INTEGER => out.extend_from_slice(u.to_string().as_bytes()),
            _ => {
                return Err(Refusal::invalid(
                    "invalid_entry",
                    format!("the number {n} is not an integer between 0 and 2^53 - 1"),
                ))
            }
        },
        Value::String(s) => out.extend_from_slice(serde_json::to_string(s).expect("strings serialize").as_bytes()),
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(item, out)?;
            }
            out.push(b']');
        }
        Value::Object(map) => {
            // Sort explicitly: the order of serde_json's map depends on a
            // cargo feature that any crate in the build could switch on.
            let sorted: BTreeMap<&str, &Value> = map.iter().map(|(k, v)| (k.as_str(), v)).collect();
            out.push(b'{');
            for (i, (k, v)) in sorted.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(serde_json::to_string(k).expect("strings serialize").as_bytes());
                out.push(b':');
                write_canonical(v, out)?;
            }
            out.push(b'}');
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Entry {
        Entry {
            index: 3,
            time: 1_764_104_188_123,
            signature: None,
            actor: Actor::Officer { delegate: DelegateId(1), role: OfficerRole::Secretariat },
            body: EntryBody::MemberAdmitted(MemberAdmitted {
                code: MemberCode::parse("KEN").unwrap(),
                name: DisplayName::parse("Kenya").unwrap(),
                kind: MemberKind::State,
                category: None,
                status: MemberStatus::Member,
            }),
        }
    }

    #[test]
    fn canonical_bytes_are_stable() {
        let bytes = sample().encode().unwrap();
        assert_eq!(
            String::from_utf8(bytes.clone()).unwrap(),
            r#"{"actor":{"delegate":"D1","role":"secretariat","type":"officer"},"index":3,"kind":"member.admitted","payload":{"code":"KEN","kind":"state","name":"Kenya","status":"member"},"time":1764104188123,"v":1}"#
        );
        assert_eq!(Entry::decode(&bytes).unwrap(), sample());
    }

    #[test]
    fn non_canonical_forms_are_refused() {
        let good = String::from_utf8(sample().encode().unwrap()).unwrap();
        let cases = [
            good.replacen("{\"actor\"", "{ \"actor\"", 1),
            good.replacen(",\"v\":1}", ",\"v\":1,\"v\":1}", 1),
            good.replacen("\"v\":1", "\"v\":2", 1),
            good.replacen("\"index\":3", "\"index\":3.0", 1),
            good.replacen("\"status\":\"member\"}", "\"status\":\"member\",\"category\":null}", 1),
            good.replacen("\"kind\":\"member.admitted\"", "\"kind\":\"member.elected\"", 1),
            good.replacen("\"v\":1}", "\"v\":1,\"w\":2}", 1),
            good.replacen("\"KEN\"", "\"KE N\"", 1),
            good.replacen("Kenya", "Ken\\u0079a", 1),
            // Fields out of order, each still valid JSON.
            good.replacen("\"index\":3,\"kind\":\"member.admitted\"", "\"kind\":\"member.admitted\",\"index\":3", 1),
            good.replacen("\"code\":\"KEN\",\"kind\":\"state\"", "\"kind\":\"state\",\"code\":\"KEN\"", 1),
            // The payload before the kind.
            good.replacen(
                "\"kind\":\"member.admitted\",\"payload\":{\"code\":\"KEN\",\"kind\":\"state\",\"name\":\"Kenya\",\"status\":\"member\"}",
                "\"payload\":{\"code\":\"KEN\",\"kind\":\"state\",\"name\":\"Kenya\",\"status\":\"member\"},\"kind\":\"member.admitted\"",
                1,
            ),
            // A duplicated kind, a missing payload, a null signature.
            good.replacen(",\"payload\"", ",\"kind\":\"member.admitted\",\"payload\"", 1),
            good.replacen(
                ",\"payload\":{\"code\":\"KEN\",\"kind\":\"state\",\"name\":\"Kenya\",\"status\":\"member\"}",
                "",
                1,
            ),
            good.replacen(",\"time\"", ",\"signature\":null,\"time\"", 1),
            // Leading zeros, an exponent, a negative time, trailing bytes.
            good.replacen("\"index\":3", "\"index\":03", 1),
            good.replacen("\"index\":3", "\"index\":3e0", 1),
            good.replacen("\"time\":1764104188123", "\"time\":-1764104188123", 1),
            format!("{good} "),
            format!("{good}{{}}"),
        ];
        for case in cases {
            assert!(Entry::decode(case.as_bytes()).is_err(), "accepted {case}");
        }
    }

    #[test]
    fn size_limit() {
        let mut e = sample();
        e.body = EntryBody::MemberSuspended(MemberSuspended {
            code: MemberCode::parse("KEN").unwrap(),
            reason: Reason::parse(&"x".repeat(2000)).unwrap(),
        });
        assert!(e.encode().unwrap().len() < ENTRY_MAX_BYTES);
        assert!(Entry::decode(&vec![b' '; ENTRY_MAX_BYTES + 1]).is_err());
    }

    /// The encoder before `canonical`: through `serde_json::Value`, sorted
    /// by `write_canonical`. The fast encoder must give the same bytes.
    fn value_encode(entry: &Entry) -> Result<Vec<u8>, Refusal> {
        #[derive(Serialize)]
        struct Wire {
            v: u64,
            index: u64,
            time: i64,
            actor: Actor,
            kind: String,
            payload: Value,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            signature: Option<MemberSignature>,
        }
        let body = serde_json::to_value(&entry.body).unwrap();
        let Value::Object(mut body) = body else { unreachable!() };
        let kind = body.remove("kind").and_then(|k| k.as_str().map(str::to_owned)).unwrap_or_default();
        let payload = body.remove("payload").unwrap_or(Value::Object(Default::default()));
        let wire = Wire {
            v: ENTRY_FORMAT_VERSION,
            index: entry.index,
            time: entry.time,
            actor: entry.actor.clone(),
            kind,
            payload,
            signature: entry.signature.clone(),
        };
        let mut out = Vec::new();
        write_canonical(&serde_json::to_value(&wire).unwrap(), &mut out)?;
        Ok(out)
    }

    /// The decoder before this one: parse to `Value`, re-encode, compare,
    /// then convert. The fast decoder must accept exactly what it accepted.
    fn value_decode(bytes: &[u8]) -> Option<Entry> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Wire {
            v: u64,
            index: u64,
            time: i64,
            actor: Actor,
            kind: String,
            payload: Value,
            #[serde(default)]
            signature: Option<MemberSignature>,
        }
        if bytes.len() > ENTRY_MAX_BYTES {
            return None;
        }
        let value: Value = serde_json::from_slice(bytes).ok()?;
        let mut again = Vec::new();
        write_canonical(&value, &mut again).ok()?;
        if again != bytes {
            return None;
        }
        let wire: Wire = serde_json::from_value(value).ok()?;
        if wire.v != ENTRY_FORMAT_VERSION || wire.time < 0 {
            return None;
        }
        let body: EntryBody =
            serde_json::from_value(serde_json::json!({"kind": wire.kind, "payload": wire.payload})).ok()?;
        Some(Entry { index: wire.index, time: wire.time, actor: wire.actor, body, signature: wire.signature })
    }

    mod strategies {
        use proptest::prelude::*;

        use super::super::*;

        /// Any string, with quotes, backslashes, control characters and
        /// non-ASCII text, to exercise escaping.
        pub fn text() -> impl Strategy<Value = String> {
            prop_oneof![
                "[ -~]{0,12}",
                "\\PC{0,12}",
                proptest::collection::vec(proptest::char::any(), 0..12).prop_map(|c| c.into_iter().collect()),
                Just("\"\\/\u{0}\u{1f}\u{7f}\u{2028}é\n\t\r\u{8}\u{c}".to_owned()),
            ]
        }
        fn name() -> impl Strategy<Value = DisplayName> {
            text().prop_filter_map("not a name", |s| DisplayName::parse(&s).ok())
        }
        fn reason() -> impl Strategy<Value = Reason> {
            prop_oneof![text(), "[a-z\n ]{0,30}"].prop_filter_map("not a reason", |s| Reason::parse(&s).ok())
        }
        fn code() -> impl Strategy<Value = MemberCode> {
            "[A-Z][A-Z0-9-]{1,15}".prop_map(|s| MemberCode::parse(&s).unwrap())
        }
        fn delegate() -> impl Strategy<Value = DelegateId> {
            prop_oneof![1u64..100, Just(u64::MAX)].prop_map(DelegateId)
        }
        fn language() -> impl Strategy<Value = LanguageTag> {
            "[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}".prop_map(|s| LanguageTag::parse(&s).unwrap())
        }
        fn officer_role() -> impl Strategy<Value = OfficerRole> {
            prop_oneof![
                Just(OfficerRole::Secretariat),
                Just(OfficerRole::Chair),
                Just(OfficerRole::ViceChair),
                Just(OfficerRole::CoFacilitator)
            ]
        }
        fn member_role() -> impl Strategy<Value = MemberRole> {
            prop_oneof![Just(MemberRole::HeadOfDelegation), Just(MemberRole::Delegate), Just(MemberRole::Adviser)]
        }
        fn status() -> impl Strategy<Value = MemberStatus> {
            prop_oneof![Just(MemberStatus::Member), Just(MemberStatus::Observer)]
        }
        fn settings() -> impl Strategy<Value = ForumSettings> {
            (name(), proptest::collection::vec(language(), 0..4), proptest::option::of(text()))
                .prop_map(|(name, languages, log)| ForumSettings { name, languages, log, edition: None })
        }
        pub fn actor() -> impl Strategy<Value = Actor> {
            prop_oneof![
                Just(Actor::System),
                (delegate(), code()).prop_map(|(delegate, member)| Actor::Delegate { delegate, member }),
                (delegate(), officer_role()).prop_map(|(delegate, role)| Actor::Officer { delegate, role }),
            ]
        }
        pub fn body() -> impl Strategy<Value = EntryBody> {
            let category = proptest::option::of(proptest::sample::select(OrganisationCategory::ALL.to_vec()));
            prop_oneof![
                settings().prop_map(EntryBody::ForumEstablished),
                settings().prop_map(EntryBody::ForumSettingsChanged),
                (code(), name(), any::<bool>(), category, status()).prop_map(|(code, name, org, category, status)| {
                    EntryBody::MemberAdmitted(MemberAdmitted {
                        code,
                        name,
                        kind: if org { MemberKind::Organisation } else { MemberKind::State },
                        category,
                        status,
                    })
                }),
                (code(), status())
                    .prop_map(|(code, status)| EntryBody::MemberStatusChanged(MemberStatusChanged { code, status })),
                (code(), reason())
                    .prop_map(|(code, reason)| EntryBody::MemberSuspended(MemberSuspended { code, reason })),
                code().prop_map(|code| EntryBody::MemberReinstated(MemberReinstated { code })),
                (delegate(), name(), code(), member_role()).prop_map(|(delegate, name, member, role)| {
                    EntryBody::DelegateAccredited(DelegateAccredited { delegate, name, member, role })
                }),
                (delegate(), name(), officer_role()).prop_map(|(delegate, name, role)| {
                    EntryBody::OfficerAppointed(OfficerAppointed { delegate, name, role })
                }),
                (delegate(), reason()).prop_map(|(delegate, reason)| {
                    EntryBody::AccreditationWithdrawn(AccreditationWithdrawn { delegate, reason })
                }),
                (code(), text(), text(), name()).prop_map(|(member, key, public_key, label)| {
                    EntryBody::MemberKeyRegistered(MemberKeyRegistered { member, key, public_key, label })
                }),
                (code(), text())
                    .prop_map(|(member, key)| EntryBody::MemberKeyRevoked(MemberKeyRevoked { member, key })),
                code().prop_map(|member| EntryBody::MemberSignaturesRequired(MemberSignaturesRequired { member })),
                negotiation(),
                proceedings(),
            ]
        }
        /// The kinds of negotiating texts: optional fields, enums, blobs.
        pub fn negotiation() -> impl Strategy<Value = EntryBody> {
            use crate::negotiation::*;
            let kind = proptest::sample::select(vec![
                ProposalKind::ReplaceWords,
                ProposalKind::InsertWords,
                ProposalKind::DeleteWords,
                ProposalKind::InsertProvision,
            ]);
            let anchor = proptest::option::of(
                (text(), proptest::option::of(1u32..5)).prop_map(|(quote, occurrence)| Anchor { quote, occurrence }),
            );
            let position = proptest::option::of(proptest::sample::select(vec![Position::Before, Position::After]));
            prop_oneof![
                (text(), proptest::collection::vec(any::<u8>(), 0..40)).prop_map(|(title, draft)| {
                    let mut d = crate::blob::BlobRef::of(draft);
                    // As decoded: the name without the content.
                    d = serde_json::from_value(serde_json::Value::String(d.hex())).unwrap();
                    EntryBody::ProcessOpened(ProcessOpened { title, draft: d })
                }),
                (1u64..9, kind, text(), 1u32..9, anchor, position, proptest::option::of(text()), text()).prop_map(
                    |(process, kind, eid, version, anchor, position, text, justification)| {
                        EntryBody::ProposalTabled(ProposalTabled {
                            process,
                            kind,
                            eid,
                            version,
                            anchor,
                            position,
                            text,
                            heading: None,
                            justification,
                        })
                    }
                ),
                (1u64..9, 1u64..99)
                    .prop_map(|(process, proposal)| EntryBody::ProposalSupported(ProposalRef { process, proposal })),
                (1u64..9, text(), proptest::collection::vec(1u64..99, 0..4), text()).prop_map(
                    |(process, eid, proposals, text)| EntryBody::ChairTextTabled(ChairText {
                        process,
                        eid,
                        proposals,
                        text
                    })
                ),
            ]
        }
        /// The kinds of meetings and decisions: tagged targets, booleans, nested structs.
        pub fn proceedings() -> impl Strategy<Value = EntryBody> {
            use crate::decisions::*;
            let target = prop_oneof![
                (1u64..99).prop_map(Target::Proposal),
                text().prop_map(Target::Provision),
                Just(Target::Instrument),
            ];
            let majority = proptest::sample::select(vec![Majority::Simple, Majority::TwoThirds]);
            prop_oneof![
                (1u64..9, target.clone(), majority, 1u64..9, proptest::option::of(1u32..99)).prop_map(
                    |(process, target, majority, meeting, version)| {
                        EntryBody::VoteOpened(VoteOpened { process, target, majority, meeting, version })
                    }
                ),
                (1u64..9, target.clone(), 1u64..9, any::<bool>(), proptest::option::of(1u32..99)).prop_map(
                    |(process, target, meeting, ad_referendum, version)| {
                        EntryBody::ConsensusProposed(ConsensusProposed {
                            process,
                            target,
                            meeting,
                            ad_referendum,
                            version,
                        })
                    }
                ),
                (1u64..9, target.clone(), 0i64..(1 << 50), proptest::option::of(1u32..99)).prop_map(
                    |(process, target, deadline, version)| {
                        EntryBody::SilenceStarted(SilenceStarted { process, target, deadline, version })
                    }
                ),
                (1u64..9, any::<bool>()).prop_map(|(meeting, open)| if open {
                    EntryBody::MeetingOpened(MeetingRef { meeting })
                } else {
                    EntryBody::MeetingClosed(MeetingRef { meeting })
                }),
                (1u64..9, target.clone()).prop_map(|(process, target)| EntryBody::ImportantQuestionDesignated(
                    ImportantQuestion { process, target }
                )),
                (1u64..9, code(), any::<bool>()).prop_map(|(meeting, member, present)| EntryBody::AttendanceCorrected(
                    AttendanceCorrected { meeting, member, present }
                )),
                (1u32..99, 0u32..3, any::<bool>()).prop_map(|(n, d, more_than)| {
                    let share = Share { numerator: n, denominator: n + d, more_than };
                    EntryBody::RulesChanged(RulesChanged {
                        process: (n % 2 == 0).then_some(n as u64),
                        rules: Rules {
                            meeting_quorum: share,
                            decision_quorum: share,
                            silence_min_hours: n,
                            informal_agreement: n % 3 != 0,
                            ..Rules::default()
                        },
                    })
                }),
            ]
        }
        pub fn entry() -> impl Strategy<Value = Entry> {
            let signature =
                proptest::option::of((text(), text(), text()).prop_map(|(key, nonce, sig)| MemberSignature {
                    key,
                    nonce,
                    sig,
                }));
            (
                prop_oneof![
                    0u64..1000,
                    Just(super::MAX_SAFE_INTEGER),
                    Just(super::MAX_SAFE_INTEGER + 1),
                    Just(u64::MAX)
                ],
                prop_oneof![0i64..2_000_000_000_000, Just(-1i64), Just(i64::MAX)],
                actor(),
                body(),
                signature,
            )
                .prop_map(|(index, time, actor, body, signature)| Entry {
                    index,
                    time,
                    actor,
                    body,
                    signature,
                })
        }
    }

    #[test]
    fn signed_messages_are_unchanged() {
        let entry = sample();
        let tagged = serde_json::to_value(&entry.body).unwrap();
        let value = serde_json::json!({
            "actor": entry.actor,
            "kind": entry.body.kind(),
            "log": "example.org/forum",
            "nonce": "n0nce-n0nce-n0nce",
            "payload": tagged.get("payload").cloned().unwrap_or_default(),
        });
        let mut expected = b"accord-signed-action/v1\n".to_vec();
        write_canonical(&value, &mut expected).unwrap();
        let got = crate::signature::signed_message("example.org/forum", &entry.actor, &entry.body, "n0nce-n0nce-n0nce");
        assert_eq!(String::from_utf8(got).unwrap(), String::from_utf8(expected).unwrap());
    }

    /// Envelopes that are almost canonical: the fast path takes none of
    /// them, and the decision is the general decoder's. (The `Value`
    /// decoder of the tests is laxer on two: it reads `"signature":null` as
    /// no signature, and re-encodes no typed value.)
    #[test]
    fn almost_canonical_envelopes_are_decided_as_before() {
        let good = r#"{"actor":{"delegate":"D7","member":"BRA","type":"delegate"},"index":3,"kind":"member.reinstated","payload":{"code":"BRA"},"time":1700000000000,"v":1}"#;
        assert!(Entry::decode(good.as_bytes()).is_ok());
        let variants = [
            good.replace("\"D7\"", "\"D+7\""),
            good.replace("\"D7\"", "\"D07\""),
            good.replace("\"D7\"", "\"d7\""),
            good.replace("\"BRA\",\"type\"", "\"bra\",\"type\""),
            good.replace("\"BRA\",\"type\"", "\" BRA\",\"type\""),
            good.replace("\"index\":3", "\"index\":03"),
            good.replace("\"index\":3", "\"index\":3.0"),
            good.replace("\"index\":3", "\"index\":9007199254740993"),
            good.replace("\"time\":1700000000000", "\"time\":-1700000000000"),
            good.replace("\"time\":1700000000000", "\"time\":9007199254740992"),
            good.replace("\"v\":1}", "\"v\":2}"),
            good.replace("\"v\":1}", "\"v\":1 }"),
            good.replace("member.reinstated", "member.reinstate\\u0064"),
            good.replace("{\"code\":\"BRA\"}", "{\"code\":\"BR\\u0041\"}"),
            good.replace("{\"code\":\"BRA\"}", "{ \"code\":\"BRA\"}"),
            good.replace("{\"code\":\"BRA\"}", "{\"code\":\"BRA\",\"code\":\"BRA\"}"),
            good.replace(",\"time\"", ",\"signature\":null,\"time\""),
            good.replace(",\"time\"", ",\"signature\":{\"key\":\"k\",\"nonce\":\"n\",\"sig\":\"s\\/\"},\"time\""),
            good.replace(",\"time\"", ",\"signature\":{\"key\":\"k\",\"sig\":\"s\",\"nonce\":\"n\"},\"time\""),
            good.replace(",\"time\"", ",\"signature\":{\"key\":\"k\",\"nonce\":\"n\",\"sig\":\"s\"},\"time\""),
            good.replace("{\"delegate\":\"D7\",\"member\":\"BRA\",\"type\":\"delegate\"}", "{\"type\":\"system\"}"),
            good.replace(
                "{\"delegate\":\"D7\",\"member\":\"BRA\",\"type\":\"delegate\"}",
                "{\"delegate\":\"D1\",\"role\":\"chair\",\"type\":\"officer\"}",
            ),
            good.replace(
                "{\"delegate\":\"D7\",\"member\":\"BRA\",\"type\":\"delegate\"}",
                "{\"delegate\":\"D1\",\"role\":\"Chair\",\"type\":\"officer\"}",
            ),
            good.replace(
                "\"kind\":\"member.reinstated\",\"payload\":{\"code\":\"BRA\"}",
                "\"payload\":{\"code\":\"BRA\"},\"kind\":\"member.reinstated\"",
            ),
            // The kind's closing quote beyond where the time begins, an
            // empty payload, a signature cut short.
            r#"{"actor":{"type":"system"},"index":0,"kind":"x,"time":1,"v":1}"#.to_owned(),
            r#"{"actor":{"type":"system"},"index":0,"kind":"x","payload":,"time":1,"v":1}"#.to_owned(),
            r#"{"actor":{"type":"system"},"index":0,"kind":"x","payload":{},"signature":{"key":"a","time":1,"v":1}"#
                .to_owned(),
        ];
        for text in &variants {
            let bytes = text.as_bytes();
            let general = Entry::decode_general(text, &mut Vec::new()).ok();
            assert_eq!(Entry::decode(bytes).ok(), general, "on {text}");
            if let Some(read) = wire_fast::parse(text) {
                let mut again = Vec::new();
                assert_eq!(read.is_canonical(text, &mut again), general.is_some(), "on {text}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The fast encoder writes exactly the bytes of the `Value` path,
        /// refuses exactly what it refused, and the decoder reads them back.
        #[test]
        fn fast_encoding_equals_value_encoding(entry in strategies::entry()) {
            let old = value_encode(&entry).map(|b| if b.len() > ENTRY_MAX_BYTES { Err(()) } else { Ok(b) });
            match (entry.encode(), old) {
                (Ok(new), Ok(Ok(old))) => {
                    proptest::prop_assert_eq!(&new, &old);
                    // The decoders agree; what they accept is the entry
                    // encoded (a negative time or a delegate id of more
                    // than 19 digits encodes but does not decode).
                    let decoded = Entry::decode(&new).ok();
                    proptest::prop_assert_eq!(&decoded, &value_decode(&new));
                    if let Some(decoded) = decoded {
                        // Every kind, actor and signature takes the fast
                        // path: the general one is only for refusals.
                        let fast = wire_fast::parse(std::str::from_utf8(&new).unwrap()).map(|read| read.entry);
                        proptest::prop_assert_eq!(fast.as_ref(), Some(&decoded), "the fast path gave up");
                        proptest::prop_assert_eq!(decoded, entry);
                    }
                }
                (Err(_), Err(_)) | (Err(_), Ok(Err(()))) => {}
                (new, old) => proptest::prop_assert!(false, "new {new:?}, old {old:?}"),
            }
        }

        /// Signed messages are the same as through `Value`.
        #[test]
        fn fast_signed_message_equals_value(actor in strategies::actor(), body in strategies::body(), log in strategies::text(), nonce in strategies::text()) {
            let tagged = serde_json::to_value(&body).unwrap();
            let value = serde_json::json!({
                "actor": actor, "kind": body.kind(), "log": log, "nonce": nonce,
                "payload": tagged.get("payload").cloned().unwrap_or_default(),
            });
            let mut expected = b"accord-signed-action/v1\n".to_vec();
            write_canonical(&value, &mut expected).unwrap();
            proptest::prop_assert_eq!(crate::signature::signed_message(&log, &actor, &body, &nonce), expected);
        }

        /// Mutated, truncated or extended encodings of varied entries: the
        /// fast decoder accepts exactly what the `Value` decoder accepted,
        /// and reads the same entry.
        #[test]
        fn fast_decoder_agrees_with_value_decoder(
            entry in strategies::entry(),
            edits in proptest::collection::vec((0usize..400, proptest::num::u8::ANY, 0u8..3), 1..4),
        ) {
            let Ok(mut bytes) = entry.encode() else { return Ok(()) };
            for (pos, byte, op) in edits {
                let pos = pos % (bytes.len() + 1);
                match op {
                    0 if pos < bytes.len() => bytes[pos] = byte,
                    1 => bytes.insert(pos, byte),
                    _ if pos < bytes.len() => { bytes.remove(pos); }
                    _ => {}
                }
            }
            let new = Entry::decode(&bytes).ok();
            proptest::prop_assert_eq!(&new, &value_decode(&bytes), "on {}", String::from_utf8_lossy(&bytes));
            if let Some(entry) = new {
                proptest::prop_assert_eq!(entry.encode().unwrap(), bytes);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn decoder_never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
            let _ = Entry::decode(&bytes);
        }

        #[test]
        fn decoder_survives_mutations_of_real_entries(pos in 0usize..200, byte in proptest::num::u8::ANY) {
            let mut bytes = sample().encode().unwrap();
            let pos = pos % bytes.len();
            bytes[pos] = byte;
            if let Ok(entry) = Entry::decode(&bytes) {
                // Anything accepted re-encodes to exactly the same bytes.
                proptest::prop_assert_eq!(entry.encode().unwrap(), bytes);
            }
        }
    }
}
