//! The JSON shapes of members.

use accord_domain::state::{Member, MemberKind};
use serde::Serialize;
use utoipa::ToSchema;

use crate::shared::*;

// ---- JSON shapes ----

/// A member or observer of the forum.
#[derive(Serialize, ToSchema)]
pub struct MemberJson {
    /// ISO 3166-1 alpha-3 for states, a short code for organisations.
    pub code: String,
    pub name: String,
    /// `state` or `organisation`.
    #[schema(example = "state")]
    pub kind: String,
    /// For organisations: `intergovernmental_organisation`, `ngo`, `private_sector`, `academia`, `technical_community` or `individual`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// `member` or `observer`.
    pub status: String,
    pub suspended: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suspension_reason: Option<String>,
    /// Index of the entry that admitted it.
    pub admitted_entry: u64,
    /// Index of the `member.signatures_required` entry from which every
    /// action in the member's name must carry its signature; absent while
    /// unsigned actions are still accepted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signatures_required_since: Option<u64>,
}

impl From<&Member> for MemberJson {
    fn from(m: &Member) -> Self {
        MemberJson {
            code: m.code.to_string(),
            name: m.name.to_string(),
            kind: match m.kind {
                MemberKind::State => "state",
                MemberKind::Organisation => "organisation",
            }
            .into(),
            category: m.category.map(|c| c.as_str().to_owned()),
            status: m.status.as_str().into(),
            suspended: m.suspended.is_some(),
            suspension_reason: m.suspended.as_ref().map(|r| r.to_string()),
            admitted_entry: m.admitted_entry,
            signatures_required_since: m.signatures_required,
        }
    }
}

/// A member together with the entry that recorded the change.
#[derive(Serialize, ToSchema)]
pub struct MemberRecorded {
    #[serde(flatten)]
    pub member: MemberJson,
    pub entry: EntryRef,
}

/// A new accreditation, with the one-time initial password when the caller
/// gave none.
#[derive(Serialize, ToSchema)]
pub struct DelegateRecorded {
    #[serde(flatten)]
    pub delegate: DelegateJson,
    /// Shown once: the delegate must change it at first log-in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initial_password: Option<String>,
    pub entry: EntryRef,
}
