//! The JSON shapes of negotiating texts: what the API answers, and the
//! requests it reads.

use std::sync::Arc;

use accord_domain::negotiation::rolling::{self, View};
use accord_domain::negotiation::text::{char_offset, Instrument};
use accord_domain::negotiation::{Anchor, Position, Process, Proposal, ProposalKind, ProposalTabled};
use accord_domain::{EntryBody, MemberCode};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::api::with_process;
use crate::http::error::ApiError;
use crate::http::time::rfc3339;
use crate::shared::*;
use crate::AppState;

// ---- JSON shapes ----

#[derive(Serialize, ToSchema, Clone)]
pub struct ProcessSummary {
    pub id: u64,
    pub title: String,
    /// Index and time of the entry that opened it.
    pub entry: u64,
    pub opened: String,
    /// SHA-256 (hex) of the zero draft as submitted; served at `/log/blob/<sha256>`.
    pub draft_sha256: String,
    /// The latest version's number and name.
    pub version: u32,
    pub version_name: Option<String>,
    pub versions: usize,
    pub proposals: usize,
    pub open_proposals: usize,
    pub outdated_proposals: usize,
    /// Brackets and options in the rolling text of the latest version.
    pub brackets: usize,
    pub options: usize,
    /// The document symbol the secretariat set ("A/AC.292/2026/L.1"), or null.
    pub symbol: Option<String>,
}

/// Every process's summary, kept in the view cache while the record does
/// not grow: the bracket counts need the rolling text, which takes
/// milliseconds for a long negotiation.
pub(crate) async fn summaries(app: &AppState) -> Result<Arc<Vec<ProcessSummary>>, ApiError> {
    crate::http::views::cached_by(app, "summaries".into(), crate::http::views::processes_stamp, |s| {
        Ok(s.processes.iter().map(summary).collect())
    })
    .await
}

pub(crate) fn summary(p: &Process) -> ProcessSummary {
    let rolling = rolling::rolling_text(p, &View::All);
    let latest = p.latest();
    ProcessSummary {
        id: p.id,
        title: p.title.clone(),
        entry: p.entry,
        opened: rfc3339(p.time),
        draft_sha256: p.draft.clone(),
        version: latest.number,
        version_name: latest.name.clone(),
        versions: p.versions.len(),
        proposals: p.proposals.len(),
        open_proposals: p.proposals.iter().filter(|q| q.is_open()).count(),
        outdated_proposals: p.proposals.iter().filter(|q| q.is_open() && q.outdated).count(),
        brackets: rolling.brackets,
        options: rolling.options,
        symbol: p.symbol.clone(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct ProvisionJson {
    /// Akoma Ntoso eId, stable across versions.
    pub eid: String,
    /// recital, chapter, article, paragraph or point.
    pub kind: String,
    pub num: String,
    pub heading: String,
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct TextJson {
    pub process: u64,
    pub version: u32,
    pub version_name: Option<String>,
    pub title: String,
    pub provisions: Vec<ProvisionJson>,
}

pub(crate) fn text_json(p: &Process, number: u32, name: Option<String>, i: &Instrument) -> TextJson {
    TextJson {
        process: p.id,
        version: number,
        version_name: name,
        title: i.title.clone(),
        provisions: i
            .provisions
            .iter()
            .map(|q| ProvisionJson {
                eid: q.eid.clone(),
                kind: q.kind.label().into(),
                num: q.num.clone(),
                heading: q.heading.clone(),
                text: q.text.clone(),
            })
            .collect(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct AnchorJson {
    pub quote: String,
    pub occurrence: Option<u32>,
}

/// Where a proposal acts on the current text, in characters.
#[derive(Serialize, ToSchema)]
pub struct RangeJson {
    pub start: usize,
    pub end: usize,
    /// The words it puts there.
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct ProposalJson {
    pub id: u64,
    /// "P-17".
    pub label: String,
    pub process: u64,
    /// replace_words, insert_words, delete_words, replace_provision, insert_provision or delete_provision.
    pub kind: String,
    pub eid: String,
    /// The version its anchor quotes.
    pub version: u32,
    pub anchor: Option<AnchorJson>,
    /// before or after.
    pub position: Option<String>,
    pub text: Option<String>,
    pub heading: Option<String>,
    pub justification: String,
    pub proposer: String,
    /// The delegate who tabled it (e.g. D17).
    pub tabled_by: String,
    pub entry: u64,
    pub time: String,
    pub cosponsors: Vec<String>,
    pub supporters: Vec<String>,
    pub objectors: Vec<String>,
    /// tabled, withdrawn, merged, agreed or rejected.
    pub status: String,
    pub status_entry: Option<u64>,
    /// The anchor is no longer intact in the latest version: the proposer re-anchors it.
    pub outdated: bool,
    /// Where it acts on the latest version's text (characters), while open and intact.
    pub range: Option<RangeJson>,
    /// The version its agreement (or the chair's text that merged it) made.
    pub agreed_version: Option<u32>,
}

pub(crate) fn proposal_json(process: &Process, p: &Proposal) -> ProposalJson {
    let codes = |s: &std::collections::BTreeSet<MemberCode>| s.iter().map(|m| m.to_string()).collect();
    let range = p.edit.as_ref().filter(|_| p.is_open()).and_then(|e| {
        let text = &process.latest().instrument.get(&p.eid)?.text;
        Some(RangeJson { start: char_offset(text, e.start), end: char_offset(text, e.end), text: e.text.clone() })
    });
    ProposalJson {
        id: p.id,
        label: p.label(),
        process: process.id,
        kind: p.kind.as_str().into(),
        eid: p.eid.clone(),
        version: p.version,
        anchor: p.anchor.as_ref().map(|a| AnchorJson { quote: a.quote.clone(), occurrence: a.occurrence }),
        position: p.position.map(|x| if x == Position::Before { "before".into() } else { "after".into() }),
        text: p.text.clone(),
        heading: p.heading.clone(),
        justification: p.justification.clone(),
        proposer: p.proposer.to_string(),
        tabled_by: p.tabled_by.to_string(),
        entry: p.entry,
        time: rfc3339(p.time),
        cosponsors: codes(&p.cosponsors),
        supporters: codes(&p.supporters),
        objectors: codes(&p.objectors),
        status: p.status.as_str().into(),
        status_entry: p.status_entry,
        outdated: p.outdated,
        range,
        agreed_version: p.agreed_version,
    }
}

/// A process just opened: its summary, and the entry that opened it.
#[derive(Serialize, ToSchema)]
pub struct ProcessRecorded {
    #[serde(flatten)]
    pub process: OpenedProcess,
    pub entry: EntryRef,
    /// For a process opened from an Akoma Ntoso or Word document: what the
    /// document lost on the way to the zero draft.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported: Option<ImportReport>,
}

/// What opening a process from a document changed, for the person who
/// sent it to read.
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct ImportReport {
    /// `akn` or `docx`.
    pub format: String,
    /// What the draft does not hold, with how many times and where first:
    /// "footnotes: 3, the first at paragraph 12".
    pub left_out: Vec<String>,
    /// Provisions the draft convention numbered anew: "8. (art_1__para_8) is now 4. (art_1__para_4)".
    pub renumbered: Vec<String>,
}

/// The title of a process opened from a document (the document's own
/// title when not given).
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct OpenProcessQuery {
    pub title: Option<String>,
}

/// A process's summary as the answer to opening it: [`ProcessSummary`]
/// with its `entry` (the index) named `opened_entry`, since the answer's
/// `entry` is the whole [`EntryRef`].
#[derive(Serialize, ToSchema)]
pub struct OpenedProcess {
    pub id: u64,
    pub title: String,
    /// Index of the entry that opened it (the same as `entry.index`).
    pub opened_entry: u64,
    pub opened: String,
    /// SHA-256 (hex) of the zero draft as submitted; served at `/log/blob/<sha256>`.
    pub draft_sha256: String,
    /// The latest version's number and name.
    pub version: u32,
    pub version_name: Option<String>,
    pub versions: usize,
    pub proposals: usize,
    pub open_proposals: usize,
    pub outdated_proposals: usize,
    /// Brackets and options in the rolling text of the latest version.
    pub brackets: usize,
    pub options: usize,
    /// The document symbol the secretariat set ("A/AC.292/2026/L.1"), or null.
    pub symbol: Option<String>,
}

impl From<ProcessSummary> for OpenedProcess {
    fn from(s: ProcessSummary) -> Self {
        OpenedProcess {
            id: s.id,
            title: s.title,
            opened_entry: s.entry,
            opened: s.opened,
            draft_sha256: s.draft_sha256,
            version: s.version,
            version_name: s.version_name,
            versions: s.versions,
            proposals: s.proposals,
            open_proposals: s.open_proposals,
            outdated_proposals: s.outdated_proposals,
            brackets: s.brackets,
            options: s.options,
            symbol: s.symbol,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ProposalRecorded {
    pub proposal: ProposalJson,
    pub entry: EntryRef,
}

#[derive(Serialize, ToSchema)]
pub struct VersionJson {
    pub number: u32,
    pub name: Option<String>,
    pub entry: u64,
    pub time: String,
    /// What made it: "zero draft", "P-17 agreed", "chair's text".
    pub cause: String,
    /// The entry that named it, for named versions.
    pub named_entry: Option<u64>,
    /// SHA-256 (hex) of the version's text in Markdown (`text.md`).
    pub digest: String,
    /// Brackets and options in the rolling text: for an earlier version, as
    /// they stood when the next version replaced it; for the latest, now.
    pub brackets: usize,
    pub options: usize,
    /// `"superseded"` (counted when the next version replaced it) or `"current"`.
    pub counts_as_of: &'static str,
    /// Its document symbol: the process's for the zero draft, with
    /// `/Rev.N` for the Nth named revision; null for other versions or
    /// while the process has no symbol.
    pub symbol: Option<String>,
    /// The symbols of the conference room papers issued on it, in order.
    pub papers: Vec<String>,
}

// ---- requests ----

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenProcessRequest {
    pub title: String,
    /// The zero draft in Accord's Markdown convention (`# Title`, `## Preamble`, `## Chapter I — Heading`, `### Article 1 — Heading`, numbered paragraphs, lettered points).
    pub markdown: String,
}

/// A version by number or by name ("Rev.1", "zero").
#[derive(Deserialize, ToSchema, Clone)]
#[serde(untagged)]
pub enum VersionKey {
    Number(u32),
    Name(String),
}

impl VersionKey {
    fn as_key(&self) -> String {
        match self {
            VersionKey::Number(n) => n.to_string(),
            VersionKey::Name(s) => s.clone(),
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnchorRequest {
    /// The exact words, as they stand in the version named.
    pub quote: String,
    /// Which occurrence, counting from 1; needed when the words occur more than once.
    #[schema(minimum = 1, maximum = 10000)]
    pub occurrence: Option<i64>,
    /// Where the words start, in characters from the start of the provision's text
    /// (as a page's selection knows it): the server counts which occurrence that is.
    /// When `occurrence` is given too, both must agree. 0 to 10000 (a provision's most characters).
    #[schema(minimum = 0, maximum = 10000)]
    pub at: Option<i64>,
}

impl AnchorRequest {
    /// The anchor as the record keeps it: the quote and its occurrence,
    /// counted here from `at` when the request says where the words start.
    pub(crate) fn resolve(self, app: &AppState, process: u64, version: u32, eid: &str) -> Result<Anchor, ApiError> {
        let occurrence =
            crate::http::ranges::within_opt("occurrence", self.occurrence, 1, crate::http::ranges::OCCURRENCE_MAX)?
                .map(|o| o as u32);
        let at = crate::http::ranges::within_opt("at", self.at, 0, crate::http::ranges::AT_MAX)?;
        let Some(at) = at else {
            return Ok(Anchor { quote: self.quote, occurrence });
        };
        let counted = with_process(app, process, |p| {
            let Some(provision) = p.version(version).and_then(|v| v.instrument.get(eid).cloned()) else {
                // An unknown provision is refused, with its reason, when the entry is checked.
                return Ok(None);
            };
            Ok(Some(accord_domain::negotiation::text::occurrence_at(&provision.text, &self.quote, at as usize)?))
        })?;
        match (counted, occurrence) {
            (Some(n), Some(o)) if n != o => Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "anchor_mismatch",
                format!(
                    "the words \u{ab}{}\u{bb} at character {at} are occurrence {n}, not {o}: give one of \"at\" and \"occurrence\"",
                    self.quote
                ),
            )),
            (counted, given) => Ok(Anchor { quote: self.quote, occurrence: counted.or(given) }),
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposalRequest {
    /// replace_words, insert_words, delete_words, replace_provision, insert_provision or delete_provision.
    #[schema(value_type = String)]
    pub kind: ProposalKind,
    pub eid: String,
    /// The version the anchor quotes (number or name); the latest when absent.
    pub version: Option<VersionKey>,
    pub anchor: Option<AnchorRequest>,
    /// before or after: where inserted words or provisions go.
    #[schema(value_type = Option<String>)]
    pub position: Option<Position>,
    /// The new words, the new provision's text, or a new article's paragraphs ("1. ...", "2. ...").
    pub text: Option<String>,
    /// A new article's heading, or the new heading of a chapter or an article (`replace_provision` on it).
    pub heading: Option<String>,
    pub justification: Option<String>,
}

impl ProposalRequest {
    pub(crate) fn into_body(self, app: &AppState, process: u64) -> Result<EntryBody, ApiError> {
        let version = with_process(app, process, |p| {
            Ok(p.find_version(self.version.as_ref().map(VersionKey::as_key).as_deref())?.number)
        })?;
        let eid = self.eid.trim().to_owned();
        let anchor = self.anchor.map(|a| a.resolve(app, process, version, &eid)).transpose()?;
        Ok(EntryBody::ProposalTabled(ProposalTabled {
            process,
            kind: self.kind,
            eid,
            version,
            anchor,
            position: self.position,
            text: self.text.map(|t| tidy(&t, self.kind == ProposalKind::InsertProvision)),
            heading: self.heading.map(|h| tidy(&h, false)).filter(|h| !h.is_empty()),
            justification: tidy(&self.justification.unwrap_or_default(), false),
        }))
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReanchorRequest {
    /// The words as they now stand, for a proposal on words; left out for a
    /// proposal to replace a whole provision (confirmed on the provision as
    /// it now stands).
    pub anchor: Option<AnchorRequest>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChairTextRequest {
    pub eid: String,
    /// The proposals (numbers) whose competing options the chair's text replaces.
    pub proposals: Vec<u64>,
    pub text: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RevisionRequest {
    /// e.g. "Rev.1".
    pub name: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SymbolRequest {
    /// The document symbol, e.g. "A/AC.292/2026/L.1": 1 to 60 characters among A-Z, a-z, 0-9, `/`, `.` and `-`, not starting or ending with `/`, without `//`.
    pub symbol: String,
}

/// A process whose document symbol was just set, and the entry.
#[derive(Serialize, ToSchema)]
pub struct SymbolRecorded {
    pub process: ProcessSummary,
    pub entry: EntryRef,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct VersionQuery {
    /// A version number or name; the latest when absent.
    pub version: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct RollingQuery {
    /// Only the proposals this member tabled or co-sponsors.
    pub member: Option<String>,
    /// `all` (default) or `clean` (no brackets).
    pub view: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DiffQuery {
    /// The older version (number or name).
    pub from: String,
    /// The newer version; the latest when absent.
    pub to: Option<String>,
    /// Only this provision.
    pub eid: Option<String>,
    /// Leave out provisions that did not change.
    pub changed_only: Option<bool>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ProposalFilter {
    /// tabled, withdrawn, merged, agreed or rejected.
    pub status: Option<String>,
    /// Proposals this member tabled or co-sponsors.
    pub member: Option<String>,
    pub eid: Option<String>,
}
