//! The forum and its people as the state holds them: the forum's
//! settings, members and their keys, delegates and officers.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ids::{DelegateId, DisplayName, LanguageTag, MemberCode, Reason};

fn is_first_edition(edition: &u32) -> bool {
    *edition == 1
}

/// A state, or an organisation (institution, company, individual expert).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberKind {
    State,
    Organisation,
}

/// What kind of organisation a member or observer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationCategory {
    IntergovernmentalOrganisation,
    Ngo,
    PrivateSector,
    Academia,
    TechnicalCommunity,
    Individual,
}

impl OrganisationCategory {
    pub const ALL: [OrganisationCategory; 6] = [
        Self::IntergovernmentalOrganisation,
        Self::Ngo,
        Self::PrivateSector,
        Self::Academia,
        Self::TechnicalCommunity,
        Self::Individual,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Self::IntergovernmentalOrganisation => "intergovernmental_organisation",
            Self::Ngo => "ngo",
            Self::PrivateSector => "private_sector",
            Self::Academia => "academia",
            Self::TechnicalCommunity => "technical_community",
            Self::Individual => "individual",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::IntergovernmentalOrganisation => "Intergovernmental organisation",
            Self::Ngo => "Non-governmental organisation",
            Self::PrivateSector => "Private sector",
            Self::Academia => "Academia",
            Self::TechnicalCommunity => "Technical community",
            Self::Individual => "Individual",
        }
    }
}

/// Full members vote and can block consensus; observers cannot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberStatus {
    Member,
    Observer,
}

impl MemberStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Member => "member",
            Self::Observer => "observer",
        }
    }
}

/// A delegate's role within their member's delegation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberRole {
    HeadOfDelegation,
    Delegate,
    Adviser,
}

impl MemberRole {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::HeadOfDelegation => "head_of_delegation",
            Self::Delegate => "delegate",
            Self::Adviser => "adviser",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::HeadOfDelegation => "Head of delegation",
            Self::Delegate => "Delegate",
            Self::Adviser => "Adviser",
        }
    }
}

/// A forum-wide role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfficerRole {
    Secretariat,
    Chair,
    ViceChair,
    CoFacilitator,
    /// Records the versions of a text in the forum's other official
    /// languages ([`crate::translation`]).
    Translator,
}

impl OfficerRole {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Secretariat => "secretariat",
            Self::Chair => "chair",
            Self::ViceChair => "vice_chair",
            Self::CoFacilitator => "co_facilitator",
            Self::Translator => "translator",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::Secretariat => "Secretariat",
            Self::Chair => "Chair",
            Self::ViceChair => "Vice-chair",
            Self::CoFacilitator => "Co-facilitator",
            Self::Translator => "Translator",
        }
    }
}

/// Where a person is accredited: to a member's delegation, or to the forum
/// as an officer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Affiliation {
    Member { member: MemberCode, role: MemberRole },
    Officer { role: OfficerRole },
}

/// The forum's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Forum {
    pub name: DisplayName,
    pub languages: Vec<LanguageTag>,
    /// The transparency log's origin, if the forum declared it.
    pub log: Option<String>,
    /// The edition of Accord's rules its record follows (1 when its
    /// `forum.established` entry names none). Left out of the digest's
    /// JSON when 1, so that older forums' digests are what they were.
    #[serde(skip_serializing_if = "is_first_edition")]
    pub edition: u32,
    /// Unix milliseconds of the `forum.established` entry.
    pub established: i64,
}

/// A member or observer of the forum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub code: MemberCode,
    pub name: DisplayName,
    pub kind: MemberKind,
    pub category: Option<OrganisationCategory>,
    pub status: MemberStatus,
    /// Why the member is suspended, if it is.
    pub suspended: Option<Reason>,
    /// Index of the entry that admitted it.
    pub admitted_entry: u64,
    /// The keys it signs its actions with, by key id.
    pub keys: BTreeMap<String, MemberKey>,
    /// Index of the `member.signatures_required` entry, if the member
    /// declared that every action in its name must carry its signature.
    /// Left out of the digest's JSON when absent, so that the digest of a
    /// record without that entry kind is what it was before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signatures_required: Option<u64>,
}

/// A member's signing key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemberKey {
    /// Ed25519 public key, base64.
    pub public_key: String,
    pub label: DisplayName,
    pub registered_entry: u64,
    pub revoked_entry: Option<u64>,
}

/// A person accredited to a member or to the forum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Delegate {
    pub id: DelegateId,
    pub name: DisplayName,
    pub affiliation: Affiliation,
    /// Index of the entry that accredited them.
    pub accredited_entry: u64,
    /// Index of the entry that withdrew the accreditation, if any.
    pub withdrawn_entry: Option<u64>,
}

impl Delegate {
    pub fn is_active(&self) -> bool {
        self.withdrawn_entry.is_none()
    }
    pub fn member(&self) -> Option<&MemberCode> {
        match &self.affiliation {
            Affiliation::Member { member, .. } => Some(member),
            Affiliation::Officer { .. } => None,
        }
    }
    pub fn officer_role(&self) -> Option<OfficerRole> {
        match &self.affiliation {
            Affiliation::Officer { role } => Some(*role),
            Affiliation::Member { .. } => None,
        }
    }
    pub fn role_label(&self) -> &'static str {
        match &self.affiliation {
            Affiliation::Member { role, .. } => role.label(),
            Affiliation::Officer { role } => role.label(),
        }
    }
    /// The role's stable code (`head_of_delegation`, `chair`, ...).
    pub fn role_code(&self) -> &'static str {
        match &self.affiliation {
            Affiliation::Member { role, .. } => role.as_str(),
            Affiliation::Officer { role } => role.as_str(),
        }
    }
}
