//! The payloads of the forum's founding and membership entries.

use serde::{Deserialize, Serialize};

use super::{MemberKind, MemberRole, MemberStatus, OfficerRole, OrganisationCategory};
use crate::ids::{DelegateId, DisplayName, LanguageTag, MemberCode, Reason};

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
