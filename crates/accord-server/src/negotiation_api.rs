//! The JSON API of negotiating texts: processes, their versions, texts,
//! rolling text and redlines, proposals and the chair's acts.
//!
//! Reads are public, as the record is. Writes need a Bearer token; each
//! answers once its entry is durable, with the entry (the promise of a
//! receipt).

use std::sync::Arc;

use accord_domain::blob::BlobRef;
use accord_domain::negotiation::redline::{self, ProvisionRedline};
use accord_domain::negotiation::rolling::{self, View};
use accord_domain::negotiation::text::{char_offset, Instrument, ProvisionKind, SourceKind};
use accord_domain::negotiation::{
    Anchor, ChairText, Counts, Position, Process, ProcessOpened, Proposal, ProposalKind, ProposalReanchored,
    ProposalRef, ProposalTabled, RevisionIssued,
};
use accord_domain::state::Action;
use accord_domain::{EntryBody, MemberCode, Refusal};
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::{rfc3339, ApiJson, ApiQuery, EntryRef};
use crate::auth::ApiCaller;
use crate::error::{ApiError, ErrorBody};
use crate::AppState;

/// The largest request that opens a process (its Markdown draft and title).
pub const MAX_DRAFT_REQUEST: usize = accord_domain::negotiation::markdown::DRAFT_MAX_BYTES + 64 * 1024;

pub fn routes() -> crate::routes::Routes {
    crate::routes::Routes::new()
        .get("/api/v1/processes", list_processes)
        .post_limited("/api/v1/processes", open_process, MAX_DRAFT_REQUEST)
        .get("/api/v1/processes/{id}", get_process)
        .get("/api/v1/processes/{id}/text", get_text)
        .get("/api/v1/processes/{id}/text.md", get_markdown)
        .get("/api/v1/processes/{id}/rolling-text", get_rolling_text)
        .get("/api/v1/processes/{id}/versions", list_versions)
        .get("/api/v1/processes/{id}/diff", get_diff)
        .get("/api/v1/processes/{id}/provisions/{eid}", get_provision)
        .get("/api/v1/processes/{id}/proposals", list_proposals)
        .post("/api/v1/processes/{id}/proposals", table_proposal)
        .get("/api/v1/processes/{id}/proposals/{pid}", get_proposal)
        .post("/api/v1/processes/{id}/proposals/{pid}/support", support)
        .post("/api/v1/processes/{id}/proposals/{pid}/objection", objection)
        .post("/api/v1/processes/{id}/proposals/{pid}/cosponsors", cosponsor)
        .delete("/api/v1/processes/{id}/proposals/{pid}/cosponsors", leave_cosponsorship)
        .post("/api/v1/processes/{id}/proposals/{pid}/withdraw", withdraw)
        .post("/api/v1/processes/{id}/proposals/{pid}/reanchor", reanchor)
        .post("/api/v1/processes/{id}/proposals/{pid}/agree", agree)
        .post("/api/v1/processes/{id}/proposals/{pid}/reject", reject)
        .post("/api/v1/processes/{id}/chair-texts", chair_text)
        .post("/api/v1/processes/{id}/revisions", issue_revision)
}

// ---- parsing path values ----

pub(crate) fn process_id(raw: &str) -> Result<u64, ApiError> {
    raw.parse::<u64>().ok().filter(|n| *n > 0).ok_or_else(|| {
        ApiError::bad_request("invalid_process_id", format!("{raw:?} is not a process number (1, 2, ...)"))
    })
}

pub(crate) fn proposal_id(raw: &str) -> Result<u64, ApiError> {
    let digits = raw.strip_prefix("P-").or_else(|| raw.strip_prefix("p-")).unwrap_or(raw);
    digits.parse::<u64>().ok().filter(|n| *n > 0).ok_or_else(|| {
        ApiError::bad_request("invalid_proposal_id", format!("{raw:?} is not a proposal number (17 or P-17)"))
    })
}

/// Runs `f` on a process under the state's read lock.
pub(crate) fn with_process<T>(
    app: &AppState,
    id: u64,
    f: impl FnOnce(&Process) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let state = app.store.state();
    let process = state.process(id)?;
    f(process)
}

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
}

/// Every process's summary, kept in the view cache while the record does
/// not grow: the bracket counts need the rolling text, which takes
/// milliseconds for a long negotiation.
pub(crate) async fn summaries(app: &AppState) -> Result<Arc<Vec<ProcessSummary>>, ApiError> {
    crate::views::cached_by(app, "summaries".into(), crate::views::processes_stamp, |s| {
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

fn text_json(p: &Process, number: u32, name: Option<String>, i: &Instrument) -> TextJson {
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
        let occurrence = crate::ranges::within_opt("occurrence", self.occurrence, 1, crate::ranges::OCCURRENCE_MAX)?
            .map(|o| o as u32);
        let at = crate::ranges::within_opt("at", self.at, 0, crate::ranges::AT_MAX)?;
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

/// Trims a text typed in a form or a tool: outer spaces, runs of spaces
/// (line breaks too, unless `lines` keeps them, for a new article's
/// paragraphs).
pub(crate) fn tidy(text: &str, lines: bool) -> String {
    if lines {
        return text.replace("\r\n", "\n").trim().to_owned();
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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

// ---- handlers ----

/// Every process.
#[utoipa::path(get, path = "/api/v1/processes", tag = "negotiation", responses((status = 200, body = Vec<ProcessSummary>)))]
pub async fn list_processes(State(app): State<AppState>) -> Result<Json<Vec<ProcessSummary>>, ApiError> {
    Ok(Json(summaries(&app).await?.as_ref().clone()))
}

/// Opens a process with its zero draft (secretariat).
#[utoipa::path(post, path = "/api/v1/processes", request_body = OpenProcessRequest, tag = "negotiation", security(("bearer" = [])),
    responses((status = 201, body = ProcessRecorded), (status = 400, description = "malformed draft: the line and the reason", body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 413, body = ErrorBody)))]
pub async fn open_process(
    State(app): State<AppState>,
    caller: ApiCaller,
    ApiJson(req): ApiJson<OpenProcessRequest>,
) -> Result<(StatusCode, Json<ProcessRecorded>), ApiError> {
    let (id, appended) = open(&app, caller.principal(), &req.title, req.markdown).await?;
    let process = with_process(&app, id, |p| Ok(summary(p)))?;
    Ok((StatusCode::CREATED, Json(ProcessRecorded { process: process.into(), entry: (&appended).into() })))
}

/// Opens a process: shared by the API, the page and `accord import`.
pub async fn open(
    app: &AppState,
    principal: accord_domain::state::Principal,
    title: &str,
    markdown: String,
) -> Result<(u64, accord_store::Appended), ApiError> {
    let body = opening(title, markdown)?;
    let appended = app.store.submit(principal, Action::Negotiate(Box::new(body)), None).await?;
    let id = app.store.state().processes.iter().find(|p| p.entry == appended.entry.index).map(|p| p.id);
    Ok((id.ok_or_else(ApiError::internal)?, appended))
}

/// The entry body that opens a process; the draft is checked first so a
/// malformed one is refused with its line before anything is stored.
pub fn opening(title: &str, markdown: String) -> Result<EntryBody, Refusal> {
    let markdown = markdown.replace("\r\n", "\n");
    // The Unicode policy first, so that a refusal names the draft's line.
    let markdown = match accord_domain::unicode::is_normalised(&markdown) {
        true => markdown,
        false => accord_domain::unicode::normalise(&markdown),
    };
    accord_domain::unicode::check_lines("draft", &markdown)?;
    let title = accord_domain::unicode::accept("title", &tidy(title, false))?.into_owned();
    let source = Arc::new(accord_domain::negotiation::text::Source { entry: 0, time: 0, how: SourceKind::ZeroDraft });
    accord_domain::negotiation::markdown::parse(&markdown, source)?;
    Ok(EntryBody::ProcessOpened(ProcessOpened { title, draft: BlobRef::of(markdown.into_bytes()) }))
}

/// One process.
#[utoipa::path(get, path = "/api/v1/processes/{id}", tag = "negotiation", params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 200, body = ProcessSummary), (status = 404, body = ErrorBody)))]
pub async fn get_process(
    State(app): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<ProcessSummary>, ApiError> {
    let id = process_id(&id)?;
    match summaries(&app).await?.iter().find(|p| p.id == id) {
        Some(p) => Ok(Json(p.clone())),
        // Unknown (404), or opened after the cached list was read.
        None => with_process(&app, id, |p| Ok(Json(summary(p)))),
    }
}

/// A version's text, structured: provisions with their eIds.
#[utoipa::path(get, path = "/api/v1/processes/{id}/text", tag = "negotiation", params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), VersionQuery),
    responses((status = 200, body = TextJson), (status = 404, body = ErrorBody)))]
pub async fn get_text(
    State(app): State<AppState>,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<VersionQuery>,
) -> Result<Json<TextJson>, ApiError> {
    let id = process_id(&id)?;
    with_process(&app, id, |p| {
        let v = p.find_version(q.version.as_deref())?;
        Ok(Json(text_json(p, v.number, v.name.clone(), &v.instrument)))
    })
}

/// A version's text in Accord's Markdown convention (an export that
/// `accord import` and `POST /api/v1/processes` read back).
#[utoipa::path(get, path = "/api/v1/processes/{id}/text.md", tag = "negotiation", params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), VersionQuery),
    responses((status = 200, content_type = "text/markdown", body = String), (status = 404, body = ErrorBody)))]
pub async fn get_markdown(
    State(app): State<AppState>,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<VersionQuery>,
) -> Result<Response, ApiError> {
    let id = process_id(&id)?;
    let (md, number) = with_process(&app, id, |p| {
        let v = p.find_version(q.version.as_deref())?;
        Ok((accord_domain::negotiation::markdown::to_markdown(&v.instrument), v.number))
    })?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/markdown; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("inline; filename=\"process-{id}-v{number}.md\"")),
        ],
        md,
    )
        .into_response())
}

/// A member's view only for a member the forum has.
pub(crate) fn check_view(app: &AppState, view: &View) -> Result<(), ApiError> {
    if let View::Member(m) = view {
        if !app.store.state().members.contains_key(m) {
            return Err(ApiError::not_found(
                "unknown_member",
                format!("{m} is not a member or observer of this forum"),
            ));
        }
    }
    Ok(())
}

pub(crate) fn view_of(member: Option<&str>, view: Option<&str>) -> Result<View, ApiError> {
    match (view.map(str::trim).filter(|v| !v.is_empty()), member.map(str::trim).filter(|m| !m.is_empty())) {
        (Some("clean"), _) => Ok(View::Clean),
        (Some("all") | None, Some(m)) => Ok(View::Member(MemberCode::parse(m)?)),
        (Some("all") | None, None) => Ok(View::All),
        (Some(other), _) => Err(ApiError::bad_request("invalid_view", format!("view is all or clean, not {other:?}"))),
    }
}

/// The rolling text of the latest version: agreed spans and brackets with
/// every option and the members behind it, with bracket and option counts.
#[utoipa::path(get, path = "/api/v1/processes/{id}/rolling-text", tag = "negotiation", params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), RollingQuery),
    responses((status = 200, description = "`{version, brackets, options, provisions: [{eid, num, heading, spans: [{agreed} | {bracket: {options: [{text, original, proposals, members}]}}]}]}`", body = Object),
        (status = 404, body = ErrorBody)))]
pub async fn get_rolling_text(
    State(app): State<AppState>,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<RollingQuery>,
) -> Result<Response, ApiError> {
    let id = process_id(&id)?;
    let view = view_of(q.member.as_deref(), q.view.as_deref())?;
    check_view(&app, &view)?;
    let key = format!("rolling-json:{id}:{view:?}");
    let stamp = crate::views::process_stamp(id);
    let bytes: Arc<axum::body::Bytes> = crate::views::cached_by(&app, key, stamp, move |state| {
        let p = state.process(id)?;
        let rolling = match view {
            View::Clean => rolling::clean_text(p, &p.latest().instrument, p.latest().number),
            view => rolling::rolling_text(p, &view),
        };
        Ok(axum::body::Bytes::from(serde_json::to_vec(&rolling).map_err(|_| ApiError::internal())?))
    })
    .await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], bytes.as_ref().clone()).into_response())
}

/// Every version, oldest first.
#[utoipa::path(get, path = "/api/v1/processes/{id}/versions", tag = "negotiation", params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 200, body = Vec<VersionJson>), (status = 404, body = ErrorBody)))]
pub async fn list_versions(
    State(app): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Vec<VersionJson>>, ApiError> {
    let id = process_id(&id)?;
    let now = current_counts(&app, id).await?;
    with_process(&app, id, |p| Ok(Json(p.versions.iter().map(|v| version_json(v, now)).collect())))
}

/// The rolling text's counts now, from the cached process summaries.
pub(crate) async fn current_counts(app: &AppState, id: u64) -> Result<Counts, ApiError> {
    summaries(app)
        .await?
        .iter()
        .find(|p| p.id == id)
        .map(|p| Counts { brackets: p.brackets, options: p.options })
        .ok_or_else(|| ApiError::not_found("unknown_process", format!("there is no process {id}")))
}

#[derive(Serialize, ToSchema)]
pub struct DiffJson {
    pub process: u64,
    pub from: u32,
    pub to: u32,
    /// Provisions changed, inserted or deleted.
    pub changed: usize,
    /// Provisions matched by eId: `status` equal, changed, insert or delete; `text` and `heading` as segments `{change: equal|insert|delete, text}`.
    #[schema(value_type = Vec<Object>)]
    pub provisions: Vec<ProvisionRedline>,
}

/// The redline between two versions, word by word, for the whole text or one provision.
#[utoipa::path(get, path = "/api/v1/processes/{id}/diff", tag = "negotiation", params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), DiffQuery),
    responses((status = 200, body = DiffJson), (status = 404, body = ErrorBody)))]
pub async fn get_diff(
    State(app): State<AppState>,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<DiffQuery>,
) -> Result<Json<DiffJson>, ApiError> {
    let id = process_id(&id)?;
    with_process(&app, id, |p| {
        Ok(Json(diff_json(p, &q.from, q.to.as_deref(), q.eid.as_deref(), q.changed_only.unwrap_or(false))?))
    })
}

pub(crate) fn diff_json(
    p: &Process,
    from: &str,
    to: Option<&str>,
    eid: Option<&str>,
    changed_only: bool,
) -> Result<DiffJson, ApiError> {
    let a = p.find_version(Some(from))?;
    let b = p.find_version(to)?;
    let mut provisions = redline::diff_instruments(&a.instrument, &b.instrument);
    if let Some(eid) = eid {
        provisions.retain(|r| r.eid == eid);
        if provisions.is_empty() {
            return Err(ApiError::not_found("unknown_eid", format!("neither version has a provision {eid:?}")));
        }
    }
    let changed = provisions.iter().filter(|r| r.status != "equal").count();
    if changed_only {
        provisions.retain(|r| r.status != "equal");
    }
    Ok(DiffJson { process: p.id, from: a.number, to: b.number, changed, provisions })
}

#[derive(Serialize, ToSchema)]
pub struct OriginJson {
    /// The words.
    pub text: String,
    /// zero_draft, proposal or chair_text.
    pub source: String,
    pub proposal: Option<u64>,
    pub member: Option<String>,
    /// The entry that put them there, and when.
    pub entry: u64,
    pub time: String,
    /// For words of a proposal: the decision that adopted it (its id and
    /// method: consensus, silence or vote), or none when the chair agreed
    /// it in informal consultations.
    pub decision: Option<DecisionOrigin>,
}

#[derive(Serialize, ToSchema, Clone)]
pub struct DecisionOrigin {
    pub id: u64,
    pub method: String,
}

/// The decisions of a process by the entry that put their effect into the
/// text (the decision's own entry, or its confirmation ad referendum).
pub(crate) fn decisions_by_entry(
    state: &accord_domain::State,
    process: u64,
) -> std::collections::BTreeMap<u64, DecisionOrigin> {
    state
        .proceedings
        .decisions
        .iter()
        .filter(|d| d.process == process)
        .map(|d| {
            let method = serde_json::to_value(d.method).ok().and_then(|v| v.as_str().map(str::to_owned));
            (d.confirmed_entry.unwrap_or(d.entry), DecisionOrigin { id: d.id, method: method.unwrap_or_default() })
        })
        .collect()
}

#[derive(Serialize, ToSchema)]
pub struct HistoryJson {
    pub version: u32,
    pub name: Option<String>,
    pub cause: String,
    pub entry: u64,
    pub time: String,
    /// The provision's text in this version (empty for chapters and articles).
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct ProvisionDetail {
    pub process: u64,
    pub version: u32,
    #[serde(flatten)]
    pub provision: ProvisionJson,
    /// Who wrote which words of the current text.
    pub provenance: Vec<OriginJson>,
    /// The versions in which this provision changed (or appeared).
    pub history: Vec<HistoryJson>,
    /// Every proposal on it.
    pub proposals: Vec<ProposalJson>,
}

/// One provision of the latest version: its text, who wrote each span, its history and its proposals.
#[utoipa::path(get, path = "/api/v1/processes/{id}/provisions/{eid}", tag = "negotiation", params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), ("eid" = String, Path)),
    responses((status = 200, body = ProvisionDetail), (status = 404, body = ErrorBody)))]
pub async fn get_provision(
    State(app): State<AppState>,
    Path((id, eid)): Path<(String, String)>,
) -> Result<Json<ProvisionDetail>, ApiError> {
    let id = process_id(&id)?;
    let state = app.store.state();
    let decided = decisions_by_entry(&state, id);
    Ok(Json(provision_detail(state.process(id)?, &eid, &decided)?))
}

pub(crate) fn provision_detail(
    p: &Process,
    eid: &str,
    decided: &std::collections::BTreeMap<u64, DecisionOrigin>,
) -> Result<ProvisionDetail, ApiError> {
    let latest = p.latest();
    let q = latest.instrument.get(eid).ok_or_else(|| {
        ApiError::not_found(
            "unknown_eid",
            format!("version {} of process {} has no provision {eid:?}", latest.number, p.id),
        )
    })?;
    let mut provenance = Vec::new();
    let mut at = 0;
    for o in &q.origins {
        let (source, proposal, member) = match &o.source.how {
            SourceKind::ZeroDraft => ("zero_draft", None, None),
            SourceKind::Proposal { proposal, member } => ("proposal", Some(*proposal), Some(member.to_string())),
            SourceKind::ChairText => ("chair_text", None, None),
        };
        provenance.push(OriginJson {
            text: q.text[at..at + o.len].to_owned(),
            source: source.into(),
            proposal,
            member,
            entry: o.source.entry,
            time: rfc3339(o.source.time),
            decision: proposal.and_then(|_| decided.get(&o.source.entry).cloned()),
        });
        at += o.len;
    }
    let mut history = Vec::new();
    let mut last: Option<&Arc<accord_domain::negotiation::text::Provision>> = None;
    for v in &p.versions {
        if let Some(now) = v.instrument.get(eid) {
            if last.is_none_or(|l| !Arc::ptr_eq(l, now)) {
                history.push(HistoryJson {
                    version: v.number,
                    name: v.name.clone(),
                    cause: v.cause.clone(),
                    entry: v.entry,
                    time: rfc3339(v.time),
                    text: now.text.clone(),
                });
            }
            last = Some(now);
        }
    }
    let prefix = format!("{eid}__");
    let proposals = p
        .proposals
        .iter()
        .filter(|x| x.eid == eid || (q.kind == ProvisionKind::Article && x.eid.starts_with(&prefix)))
        .map(|x| proposal_json(p, x))
        .collect();
    Ok(ProvisionDetail {
        process: p.id,
        version: latest.number,
        provision: ProvisionJson {
            eid: q.eid.clone(),
            kind: q.kind.label().into(),
            num: q.num.clone(),
            heading: q.heading.clone(),
            text: q.text.clone(),
        },
        provenance,
        history,
        proposals,
    })
}

/// Proposals of a process, by number.
#[utoipa::path(get, path = "/api/v1/processes/{id}/proposals", tag = "negotiation", params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), ProposalFilter),
    responses((status = 200, body = Vec<ProposalJson>), (status = 404, body = ErrorBody)))]
pub async fn list_proposals(
    State(app): State<AppState>,
    Path(id): Path<String>,
    ApiQuery(f): ApiQuery<ProposalFilter>,
) -> Result<Json<Vec<ProposalJson>>, ApiError> {
    let id = process_id(&id)?;
    let member = f.member.as_deref().map(MemberCode::parse).transpose()?;
    if let Some(s) = &f.status {
        if !["tabled", "withdrawn", "merged", "agreed", "rejected"].contains(&s.as_str()) {
            return Err(ApiError::bad_request(
                "invalid_status",
                format!("status is tabled, withdrawn, merged, agreed or rejected, not {s:?}"),
            ));
        }
    }
    with_process(&app, id, |p| {
        Ok(Json(
            p.proposals
                .iter()
                .filter(|x| f.status.as_deref().is_none_or(|s| x.status.as_str() == s))
                .filter(|x| member.as_ref().is_none_or(|m| &x.proposer == m || x.cosponsors.contains(m)))
                .filter(|x| f.eid.as_deref().is_none_or(|e| x.eid == e))
                .map(|x| proposal_json(p, x))
                .collect(),
        ))
    })
}

/// Tables a proposal (a member's head of delegation or delegate).
#[utoipa::path(post, path = "/api/v1/processes/{id}/proposals", request_body = ProposalRequest, tag = "negotiation", security(("bearer" = [])),
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 201, body = ProposalRecorded), (status = 400, body = ErrorBody), (status = 403, description = "an observer, an adviser, an officer", body = ErrorBody),
        (status = 404, description = "unknown process, version or eId", body = ErrorBody),
        (status = 422, description = "anchor not found or ambiguous (the message shows the text), provision deleted", body = ErrorBody)))]
pub async fn table_proposal(
    State(app): State<AppState>,
    caller: ApiCaller,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<ProposalRequest>,
) -> Result<(StatusCode, Json<ProposalRecorded>), ApiError> {
    let id = process_id(&id)?;
    let body = req.into_body(&app, id)?;
    let appended = app.store.submit(caller.principal(), Action::Negotiate(Box::new(body)), None).await?;
    let proposal = with_process(&app, id, |p| {
        let tabled = p.proposals.iter().find(|x| x.entry == appended.entry.index).ok_or_else(ApiError::internal)?;
        Ok(proposal_json(p, tabled))
    })?;
    Ok((StatusCode::CREATED, Json(ProposalRecorded { proposal, entry: (&appended).into() })))
}

/// A proposal with the decisions taken on it.
#[derive(Serialize, ToSchema)]
pub struct ProposalDetail {
    #[serde(flatten)]
    pub proposal: ProposalJson,
    /// Every decision on this proposal (votes, consensus, silence), in order.
    pub decisions: Vec<crate::decisions_api::DecisionJson>,
}

/// One proposal, with the decisions taken on it.
#[utoipa::path(get, path = "/api/v1/processes/{id}/proposals/{pid}", tag = "negotiation", params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), ("pid" = String, Path, description = "17 or P-17")),
    responses((status = 200, body = ProposalDetail), (status = 404, body = ErrorBody)))]
pub async fn get_proposal(
    State(app): State<AppState>,
    Path((id, pid)): Path<(String, String)>,
) -> Result<Json<ProposalDetail>, ApiError> {
    let (id, pid) = (process_id(&id)?, proposal_id(&pid)?);
    let state = app.store.state();
    let p = state.process(id)?;
    Ok(Json(ProposalDetail {
        proposal: proposal_json(p, p.proposal(pid)?),
        decisions: decisions_on_proposal(&state, id, pid),
    }))
}

pub(crate) fn decisions_on_proposal(
    state: &accord_domain::State,
    process: u64,
    pid: u64,
) -> Vec<crate::decisions_api::DecisionJson> {
    state
        .proceedings
        .decisions
        .iter()
        .filter(|d| d.process == process && d.target == accord_domain::decisions::Target::Proposal(pid))
        .map(crate::decisions_api::decision_json)
        .collect()
}

/// Records an act on a proposal and answers the proposal as it now stands.
pub(crate) async fn act_on(
    app: &AppState,
    principal: accord_domain::state::Principal,
    body: EntryBody,
    id: u64,
    pid: u64,
) -> Result<ProposalRecorded, ApiError> {
    with_process(app, id, |p| p.proposal(pid).map(|_| ()).map_err(Into::into))?;
    let appended = app.store.submit(principal, Action::Negotiate(Box::new(body)), None).await?;
    let proposal = with_process(app, id, |p| Ok(proposal_json(p, p.proposal(pid)?)))?;
    Ok(ProposalRecorded { proposal, entry: (&appended).into() })
}

macro_rules! proposal_act {
    ($name:ident, $path:literal, $variant:ident, $doc:literal) => {
        #[doc = $doc]
        #[utoipa::path(post, path = $path, tag = "negotiation", security(("bearer" = [])),
            params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), ("pid" = String, Path, description = "17 or P-17")),
            responses((status = 201, body = ProposalRecorded), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
                (status = 409, description = "the proposal is closed, or the act is already recorded", body = ErrorBody), (status = 422, body = ErrorBody)))]
        pub async fn $name(
            State(app): State<AppState>,
            caller: ApiCaller,
            Path((id, pid)): Path<(String, String)>,
        ) -> Result<(StatusCode, Json<ProposalRecorded>), ApiError> {
            let (id, pid) = (process_id(&id)?, proposal_id(&pid)?);
            let body = EntryBody::$variant(ProposalRef { process: id, proposal: pid });
            Ok((StatusCode::CREATED, Json(act_on(&app, caller.principal(), body, id, pid).await?)))
        }
    };
}

proposal_act!(
    support,
    "/api/v1/processes/{id}/proposals/{pid}/support",
    ProposalSupported,
    "A member supports a proposal (replacing an objection)."
);
proposal_act!(
    objection,
    "/api/v1/processes/{id}/proposals/{pid}/objection",
    ProposalObjected,
    "A member objects to a proposal (replacing support)."
);
proposal_act!(
    cosponsor,
    "/api/v1/processes/{id}/proposals/{pid}/cosponsors",
    ProposalCosponsored,
    "A member joins the proposal's co-sponsors."
);
proposal_act!(
    withdraw,
    "/api/v1/processes/{id}/proposals/{pid}/withdraw",
    ProposalWithdrawn,
    "The proposer withdraws its proposal."
);
proposal_act!(
    agree,
    "/api/v1/processes/{id}/proposals/{pid}/agree",
    ProposalAgreed,
    "The chair agrees a proposal into the text: a new version."
);
proposal_act!(
    reject,
    "/api/v1/processes/{id}/proposals/{pid}/reject",
    ProposalRejected,
    "The chair rejects a proposal."
);

/// A member leaves the proposal's co-sponsors.
#[utoipa::path(delete, path = "/api/v1/processes/{id}/proposals/{pid}/cosponsors", tag = "negotiation", security(("bearer" = [])),
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), ("pid" = String, Path)),
    responses((status = 200, body = ProposalRecorded), (status = 409, body = ErrorBody)))]
pub async fn leave_cosponsorship(
    State(app): State<AppState>,
    caller: ApiCaller,
    Path((id, pid)): Path<(String, String)>,
) -> Result<Json<ProposalRecorded>, ApiError> {
    let (id, pid) = (process_id(&id)?, proposal_id(&pid)?);
    let body = EntryBody::ProposalCosponsorshipWithdrawn(ProposalRef { process: id, proposal: pid });
    Ok(Json(act_on(&app, caller.principal(), body, id, pid).await?))
}

/// The proposer anchors an outdated proposal again, on the latest version.
#[utoipa::path(post, path = "/api/v1/processes/{id}/proposals/{pid}/reanchor", request_body = ReanchorRequest, tag = "negotiation", security(("bearer" = [])),
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), ("pid" = String, Path)),
    responses((status = 201, body = ProposalRecorded), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn reanchor(
    State(app): State<AppState>,
    caller: ApiCaller,
    Path((id, pid)): Path<(String, String)>,
    ApiJson(req): ApiJson<ReanchorRequest>,
) -> Result<(StatusCode, Json<ProposalRecorded>), ApiError> {
    let (id, pid) = (process_id(&id)?, proposal_id(&pid)?);
    let (version, eid) = with_process(&app, id, |p| Ok((p.latest().number, p.proposal(pid)?.eid.clone())))?;
    let anchor = req.anchor.map(|a| a.resolve(&app, id, version, &eid)).transpose()?;
    let body = EntryBody::ProposalReanchored(ProposalReanchored { process: id, proposal: pid, version, anchor });
    Ok((StatusCode::CREATED, Json(act_on(&app, caller.principal(), body, id, pid).await?)))
}

#[derive(Serialize, ToSchema)]
pub struct VersionRecorded {
    pub version: VersionJson,
    pub entry: EntryRef,
}

/// A version as the API shows it; `now` are the rolling text's counts, for
/// the latest version (earlier ones keep theirs).
pub(crate) fn version_json(v: &accord_domain::negotiation::Version, now: Counts) -> VersionJson {
    let (counts, counts_as_of) = match v.counts_at_end {
        Some(c) => (c, "superseded"),
        None => (now, "current"),
    };
    VersionJson {
        number: v.number,
        name: v.name.clone(),
        entry: v.entry,
        time: rfc3339(v.time),
        cause: v.cause.clone(),
        named_entry: v.named_entry,
        digest: hex::encode(v.instrument.digest()),
        brackets: counts.brackets,
        options: counts.options,
        counts_as_of,
    }
}

/// The chair replaces the competing options of one bracket with a compromise text: a new version.
#[utoipa::path(post, path = "/api/v1/processes/{id}/chair-texts", request_body = ChairTextRequest, tag = "negotiation", security(("bearer" = [])),
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 201, body = VersionRecorded), (status = 403, body = ErrorBody), (status = 409, description = "the instrument is adopted, or before the members", body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn chair_text(
    State(app): State<AppState>,
    caller: ApiCaller,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<ChairTextRequest>,
) -> Result<(StatusCode, Json<VersionRecorded>), ApiError> {
    let id = process_id(&id)?;
    let body = EntryBody::ChairTextTabled(ChairText {
        process: id,
        eid: req.eid,
        proposals: req.proposals,
        text: tidy(&req.text, false),
    });
    let appended = app.store.submit(caller.principal(), Action::Negotiate(Box::new(body)), None).await?;
    let now = current_counts(&app, id).await?;
    let version = with_process(&app, id, |p| Ok(version_json(p.latest(), now)))?;
    Ok((StatusCode::CREATED, Json(VersionRecorded { version, entry: (&appended).into() })))
}

/// Names the latest version ("Rev.1"), freezing it as a revision (chair or secretariat).
#[utoipa::path(post, path = "/api/v1/processes/{id}/revisions", request_body = RevisionRequest, tag = "negotiation", security(("bearer" = [])),
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 201, body = VersionRecorded), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn issue_revision(
    State(app): State<AppState>,
    caller: ApiCaller,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<RevisionRequest>,
) -> Result<(StatusCode, Json<VersionRecorded>), ApiError> {
    let id = process_id(&id)?;
    let body = EntryBody::RevisionIssued(RevisionIssued { process: id, name: tidy(&req.name, false) });
    let appended = app.store.submit(caller.principal(), Action::Negotiate(Box::new(body)), None).await?;
    let now = current_counts(&app, id).await?;
    let version = with_process(&app, id, |p| Ok(version_json(p.latest(), now)))?;
    Ok((StatusCode::CREATED, Json(VersionRecorded { version, entry: (&appended).into() })))
}
