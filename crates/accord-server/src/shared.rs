//! What more than one feature answers with, below the features (which may
//! not import each other): the entry that recorded a change
//! ([`EntryRef`]), a delegate ([`DelegateJson`]), a decision and what it is
//! on ([`DecisionJson`], [`TargetJson`], shown by processes and meetings),
//! and `tidy`, which trims typed text.

use accord_domain::decisions::{Decision, Tally, Target};
use accord_domain::state::{Affiliation, Delegate};
use accord_store::Appended;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::http::error::ApiError;
use crate::http::time::rfc3339;

/// A person accredited to a member's delegation or to the forum. The record
/// and the API name them by id and display name; e-mail addresses stay
/// private.
#[derive(Serialize, ToSchema)]
pub struct DelegateJson {
    /// Stable id, e.g. `D17`.
    pub id: String,
    pub name: String,
    /// The member for delegates; absent for officers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    /// `head_of_delegation`, `delegate`, `adviser`; or for officers `secretariat`, `chair`, `vice_chair`, `co_facilitator`.
    pub role: String,
    pub active: bool,
    pub accredited_entry: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdrawn_entry: Option<u64>,
}

impl From<&Delegate> for DelegateJson {
    fn from(d: &Delegate) -> Self {
        let (member, role) = match &d.affiliation {
            Affiliation::Member { member, role } => (Some(member.to_string()), role.as_str()),
            Affiliation::Officer { role } => (None, role.as_str()),
        };
        DelegateJson {
            id: d.id.to_string(),
            name: d.name.to_string(),
            member,
            role: role.into(),
            active: d.is_active(),
            accredited_entry: d.accredited_entry,
            withdrawn_entry: d.withdrawn_entry,
        }
    }
}

/// Which entry recorded a change: the promise of a receipt. The entry is
/// durable when this is answered; the signed checkpoint that includes it
/// follows within a second, and `receipt` then answers the full receipt
/// (entry, inclusion proof, signed checkpoint).
#[derive(Serialize, ToSchema)]
pub struct EntryRef {
    pub index: u64,
    /// RFC 3339, UTC.
    pub time: String,
    /// `SHA-256(0x00 ‖ entry)`, base64: the entry's leaf in the record's Merkle tree.
    pub leaf_hash: String,
    /// Where to fetch the receipt (add `?wait=true` to wait for the checkpoint).
    pub receipt: String,
}

impl From<&Appended> for EntryRef {
    fn from(a: &Appended) -> Self {
        use base64::Engine;
        EntryRef {
            index: a.entry.index,
            time: rfc3339(a.entry.time),
            leaf_hash: base64::engine::general_purpose::STANDARD.encode(accord_log::leaf_hash(&a.bytes).0),
            receipt: format!("/api/v1/record/{}/receipt", a.entry.index),
        }
    }
}

/// Trims a text typed in a form or a tool: outer spaces, runs of spaces
/// (line breaks too, unless `lines` keeps them, for a new article's
/// paragraphs).
pub(crate) fn tidy(text: &str, lines: bool) -> String {
    if lines {
        return text.replace("\r\n", "\n").trim().to_owned();
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Serialize, ToSchema)]
pub struct DecisionJson {
    pub id: u64,
    pub process: u64,
    /// consensus, silence or vote.
    pub method: String,
    pub target: TargetJson,
    /// adopted, agreed_ad_referendum or not_adopted.
    pub outcome: String,
    /// The entry that recorded it.
    pub entry: u64,
    pub time: String,
    pub meeting: Option<u64>,
    /// The vote, consensus or silence procedure it concluded.
    pub procedure: u64,
    pub tally: Option<TallyJson>,
    pub objections: Vec<ObjectionJson>,
    pub confirmed_entry: Option<u64>,
    /// The version of the text the question is put on (absent in records
    /// of editions 1 and 2 that did not name it).
    pub version: Option<u32>,
    /// For the adoption of the whole instrument (once confirmed, if
    /// agreed ad referendum): the version adopted.
    pub adopted_version: Option<u32>,
}

pub(crate) fn decision_json(d: &Decision) -> DecisionJson {
    DecisionJson {
        id: d.id,
        process: d.process,
        method: serde_json::to_value(d.method).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default(),
        target: TargetJson::of(&d.target),
        outcome: serde_json::to_value(d.outcome).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default(),
        entry: d.entry,
        time: rfc3339(d.time),
        meeting: d.meeting,
        procedure: d.procedure,
        tally: d.tally.map(Into::into),
        objections: d
            .objections
            .iter()
            .map(|(m, r)| ObjectionJson { member: m.to_string(), reason: r.clone() })
            .collect(),
        confirmed_entry: d.confirmed_entry,
        version: d.version,
        adopted_version: d.adopted_version,
    }
}

pub(crate) fn decision_line(d: &DecisionJson) -> String {
    let target = match (d.target.kind.as_str(), &d.target.id) {
        ("instrument", _) => "the instrument".to_owned(),
        ("proposal", Some(id)) => format!("P-{id}"),
        ("provision", Some(serde_json::Value::String(eid))) => accord_domain::negotiation::text::label_of(eid),
        (k, Some(id)) => format!("{k} {}", id.as_str().map(str::to_owned).unwrap_or_else(|| id.to_string())),
        (k, None) => k.to_owned(),
    };
    let tally = d
        .tally
        .as_ref()
        .map(|t| format!(" — {} yes, {} no, {} abstaining; {} required", t.yes, t.no, t.abstain, t.required))
        .unwrap_or_default();
    // The version the question was put on, and for the whole instrument
    // the version adopted: a reader knows which text was decided.
    let version = match (d.adopted_version, d.version) {
        (Some(v), _) => format!(", version {v} adopted"),
        (None, Some(v)) => format!(", on version {v}"),
        (None, None) => String::new(),
    };
    format!(
        "- Decision {} on {target} (process {}{version}), by {}: **{}**{tally} (entry {})\n",
        d.id,
        d.process,
        d.method,
        d.outcome.replace('_', " "),
        d.entry
    )
}

// ---- a process's rules and decisions ----

/// What a decision is on: `{"kind": "proposal", "id": 17}`, `{"kind": "provision", "id": "art_5__para_2"}` or `{"kind": "instrument"}`.
#[derive(Deserialize, Serialize, ToSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct TargetJson {
    /// proposal, provision or instrument.
    pub kind: String,
    /// A proposal's number (17 or "P-17") or a provision's eId.
    #[schema(schema_with = target_id_schema)]
    pub id: Option<serde_json::Value>,
}

/// A target's `id`: a proposal's number, or a string (`"P-17"`, an eId).
fn target_id_schema() -> utoipa::openapi::schema::Schema {
    use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Type};
    OneOfBuilder::new()
        .item(ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(1)))
        .item(ObjectBuilder::new().schema_type(Type::String))
        .item(ObjectBuilder::new().schema_type(Type::Null))
        .description(Some("A proposal's number (17 or \"P-17\") or a provision's eId."))
        .build()
        .into()
}

impl TargetJson {
    pub(crate) fn parse(self) -> Result<Target, ApiError> {
        let bad = |m: String| ApiError::bad_request("invalid_target", m);
        match (self.kind.as_str(), self.id) {
            ("proposal", Some(serde_json::Value::Number(n))) => n
                .as_u64()
                .filter(|n| *n > 0)
                .map(Target::Proposal)
                .ok_or_else(|| bad(format!("{n} is not a proposal number"))),
            ("proposal", Some(serde_json::Value::String(s))) => crate::http::ids::proposal_id(&s).map(Target::Proposal),
            ("provision", Some(serde_json::Value::String(e))) if !e.trim().is_empty() => {
                Ok(Target::Provision(e.trim().to_owned()))
            }
            ("instrument", None | Some(serde_json::Value::Null)) => Ok(Target::Instrument),
            ("instrument", Some(_)) => Err(bad("the whole instrument is a target without an id".into())),
            ("provision", Some(serde_json::Value::String(_))) => Err(bad("a provision target needs its eId".into())),
            ("provision", Some(other)) => Err(bad(format!("a provision's id is its eId, a string, not {other}"))),
            ("proposal", Some(other)) => {
                Err(bad(format!("a proposal's id is its number (17 or \"P-17\"), not {other}")))
            }
            (k @ ("proposal" | "provision"), None) => Err(bad(format!("a {k} target needs its id"))),
            (k, _) => Err(bad(format!("the target's kind is proposal, provision or instrument, not {k:?}"))),
        }
    }
    pub(crate) fn of(t: &Target) -> TargetJson {
        match t {
            Target::Proposal(p) => TargetJson { kind: "proposal".into(), id: Some((*p).into()) },
            Target::Provision(e) => TargetJson { kind: "provision".into(), id: Some(e.clone().into()) },
            Target::Instrument => TargetJson { kind: "instrument".into(), id: None },
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct TallyJson {
    pub yes: usize,
    pub no: usize,
    pub abstain: usize,
    pub present_and_voting: usize,
    pub required: usize,
    pub adopted: bool,
}

impl From<Tally> for TallyJson {
    fn from(t: Tally) -> Self {
        TallyJson {
            yes: t.yes,
            no: t.no,
            abstain: t.abstain,
            present_and_voting: t.present_and_voting,
            required: t.required,
            adopted: t.adopted,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ObjectionJson {
    pub member: String,
    pub reason: String,
}
