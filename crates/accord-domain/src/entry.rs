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

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::decisions::{
    AgendaItemAdded, AttendanceCorrected, AttendanceRegistered, BallotCast, ConsensusObjected, ConsensusProposed,
    ConsensusRef, DecisionRef, FloorGiven, FloorRequested, FloorWithdrawn, MeetingScheduled, RulesChanged,
    SessionOpened, SilenceBroken, SilenceRef, SilenceStarted, SpeakingTimeSet, StatementDelivered, VoteExplained,
    VoteOpened, VoteRef,
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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberAdmitted {
    pub code: MemberCode,
    pub name: DisplayName,
    pub kind: MemberKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<OrganisationCategory>,
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

/// The entry as written: the top-level object of `accord-entry/v1`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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

/// The largest integer the encoding allows (2^53 - 1), so that every number
/// survives a round trip through any JSON parser, JavaScript's included.
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

impl Entry {
    /// Encodes the entry in canonical form. Refuses an entry whose encoding
    /// exceeds [`ENTRY_MAX_BYTES`].
    pub fn encode(&self) -> Result<Vec<u8>, Refusal> {
        let body = serde_json::to_value(&self.body).expect("entry bodies always serialize");
        let Value::Object(mut body) = body else { unreachable!("bodies are adjacently tagged") };
        let kind = body.remove("kind").and_then(|k| k.as_str().map(str::to_owned)).unwrap_or_default();
        let payload = body.remove("payload").unwrap_or(Value::Object(Default::default()));
        let wire = Wire {
            v: ENTRY_FORMAT_VERSION,
            index: self.index,
            time: self.time,
            actor: self.actor.clone(),
            kind,
            payload,
            signature: self.signature.clone(),
        };
        let value = serde_json::to_value(&wire).expect("wire entries always serialize");
        let mut out = Vec::with_capacity(256);
        write_canonical(&value, &mut out)?;
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
        Ok(out)
    }

    /// Decodes canonical bytes. Anything else (malformed JSON, unknown
    /// fields or kinds, a version other than 1, a non-canonical form, more
    /// than 65,535 bytes) is refused with a message that says what is wrong.
    pub fn decode(bytes: &[u8]) -> Result<Entry, Refusal> {
        let bad = |m: String| Refusal::invalid("invalid_entry", m);
        if bytes.len() > ENTRY_MAX_BYTES {
            return Err(bad(format!("the entry has {} bytes, more than {ENTRY_MAX_BYTES}", bytes.len())));
        }
        let value: Value = serde_json::from_slice(bytes).map_err(|e| bad(format!("the entry is not JSON: {e}")))?;
        let mut again = Vec::with_capacity(bytes.len());
        write_canonical(&value, &mut again).map_err(|r| bad(r.message))?;
        if again != bytes {
            return Err(bad("the entry is not in canonical form (accord-entry/v1)".into()));
        }
        let wire: Wire = serde_json::from_value(value).map_err(|e| bad(format!("the entry is malformed: {e}")))?;
        if wire.v != ENTRY_FORMAT_VERSION {
            return Err(bad(format!("the entry has format version {}, this Accord reads version 1", wire.v)));
        }
        if wire.time < 0 {
            return Err(bad("the entry's time is negative".into()));
        }
        let mut tagged = serde_json::Map::new();
        tagged.insert("kind".into(), Value::String(wire.kind.clone()));
        tagged.insert("payload".into(), wire.payload);
        let body: EntryBody = serde_json::from_value(Value::Object(tagged))
            .map_err(|e| bad(format!("the {} entry is malformed: {e}", wire.kind)))?;
        Ok(Entry { index: wire.index, time: wire.time, actor: wire.actor, body, signature: wire.signature })
    }
}

/// Writes a JSON value in the canonical form described in the module docs.
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
