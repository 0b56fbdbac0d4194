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
use accord_domain::negotiation::text::{ProvisionKind, SourceKind};
use accord_domain::negotiation::{Counts, Process, ProcessOpened};
use accord_domain::state::Action;
use accord_domain::{EntryBody, MemberCode, Refusal};
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::routes;

use super::actions::{self, ProposalAct};
use super::shapes::*;
use crate::http::auth::ApiCaller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiQuery, MAX_DRAFT_REQUEST};
use crate::http::ids::*;
use crate::http::time::rfc3339;
use crate::shared::*;
use crate::AppState;

pub fn routes() -> crate::http::routes::Routes {
    crate::http::routes::Routes::new()
        .api(routes!(list_processes))
        .api_limited(routes!(open_process), MAX_DRAFT_REQUEST)
        .api(routes!(get_process))
        .api(routes!(get_text))
        .api(routes!(get_markdown))
        .api(routes!(get_rolling_text))
        .api(routes!(list_versions))
        .api(routes!(get_diff))
        .api(routes!(get_provision))
        .api(routes!(list_proposals))
        .api(routes!(table_proposal))
        .api(routes!(get_proposal))
        .api(routes!(support))
        .api(routes!(objection))
        .api(routes!(cosponsor))
        .api(routes!(leave_cosponsorship))
        .api(routes!(withdraw))
        .api(routes!(reanchor))
        .api(routes!(agree))
        .api(routes!(reject))
        .api(routes!(chair_text))
        .api(routes!(issue_revision))
        .api(routes!(set_symbol))
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

// ---- handlers ----

/// Every process.
#[utoipa::path(get, path = "/api/v1/processes", tag = "negotiation", responses((status = 200, body = Vec<ProcessSummary>)))]
pub async fn list_processes(State(app): State<AppState>) -> Result<Json<Vec<ProcessSummary>>, ApiError> {
    Ok(Json(summaries(&app).await?.as_ref().clone()))
}

/// Opens a process with its zero draft (secretariat).
///
/// The body is JSON with the draft in Markdown, or an Akoma Ntoso document (`Content-Type: application/akn+xml`) or a Word document (`Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document`) made into the zero draft, titled by the query's `title` or else by the document's own title; the answer then says what the document lost on the way (`imported`). A document Accord cannot read or structure is refused (400) saying where.
#[utoipa::path(post, path = "/api/v1/processes", tag = "negotiation", security(("bearer" = [])),
    params(OpenProcessQuery),
    request_body(content(
        (OpenProcessRequest = "application/json"),
        (String = "application/akn+xml"),
        (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))),
    responses((status = 201, body = ProcessRecorded), (status = 400, description = "malformed draft: the line and the reason", body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 413, body = ErrorBody),
        (status = 422, description = "the request is well formed but cannot be carried out", body = ErrorBody)))]
pub async fn open_process(
    State(app): State<AppState>,
    caller: ApiCaller,
    ApiQuery(q): ApiQuery<OpenProcessQuery>,
    request: axum::extract::Request,
) -> Result<(StatusCode, Json<ProcessRecorded>), ApiError> {
    use axum::extract::FromRequest;
    let mime = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|ct| ct.split(';').next().unwrap_or_default().trim().to_ascii_lowercase())
        .unwrap_or_default();
    let format = match mime.as_str() {
        "application/akn+xml" | "application/xml" | "text/xml" => Some(super::documents::Format::Akn),
        accord_documents::docx::DOCX_MEDIA_TYPE => Some(super::documents::Format::Docx),
        _ => None,
    };
    let (title, markdown, imported) = match format {
        None => {
            if q.title.is_some() {
                return Err(ApiError::bad_request(
                    "malformed_request",
                    "the title of a draft in JSON goes in the body, not in the query",
                ));
            }
            let ApiJson(req) = ApiJson::<OpenProcessRequest>::from_request(request, &app).await?;
            (req.title, req.markdown, None)
        }
        Some(format) => {
            let bytes = axum::body::Bytes::from_request(request, &app).await.map_err(|r| {
                if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::new(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        "too_large",
                        format!("the document is larger than this endpoint accepts ({MAX_DRAFT_REQUEST} bytes)"),
                    )
                } else {
                    ApiError::bad_request("malformed_request", format!("the body could not be read: {}", r.body_text()))
                }
            })?;
            let draft = super::documents::zero_draft_of(format, &bytes)?;
            (q.title.unwrap_or(draft.title), draft.markdown, Some(draft.report))
        }
    };
    let (id, appended) = open(&app, caller.principal(), &title, markdown).await?;
    let process = with_process(&app, id, |p| Ok(summary(p)))?;
    Ok((StatusCode::CREATED, Json(ProcessRecorded { process: process.into(), entry: (&appended).into(), imported })))
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
    ProcessId(id): ProcessId,
) -> Result<Json<ProcessSummary>, ApiError> {
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
    ProcessId(id): ProcessId,
    ApiQuery(q): ApiQuery<VersionQuery>,
) -> Result<Json<TextJson>, ApiError> {
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
    ProcessId(id): ProcessId,
    ApiQuery(q): ApiQuery<VersionQuery>,
) -> Result<Response, ApiError> {
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
    ProcessId(id): ProcessId,
    ApiQuery(q): ApiQuery<RollingQuery>,
) -> Result<Response, ApiError> {
    let view = view_of(q.member.as_deref(), q.view.as_deref())?;
    check_view(&app, &view)?;
    let key = format!("rolling-json:{id}:{view:?}");
    let stamp = crate::http::views::process_stamp(id);
    let bytes: Arc<axum::body::Bytes> = crate::http::views::cached_by(&app, key, stamp, move |state| {
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
    ProcessId(id): ProcessId,
) -> Result<Json<Vec<VersionJson>>, ApiError> {
    let now = current_counts(&app, id).await?;
    with_process(&app, id, |p| Ok(Json(p.versions.iter().map(|v| version_json(p, v, now)).collect())))
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
    ProcessId(id): ProcessId,
    ApiQuery(q): ApiQuery<DiffQuery>,
) -> Result<Json<DiffJson>, ApiError> {
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
    ProcessId(id): ProcessId,
    ProvisionEid(eid): ProvisionEid,
) -> Result<Json<ProvisionDetail>, ApiError> {
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
    ProcessId(id): ProcessId,
    ApiQuery(f): ApiQuery<ProposalFilter>,
) -> Result<Json<Vec<ProposalJson>>, ApiError> {
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
    ProcessId(id): ProcessId,
    ApiJson(req): ApiJson<ProposalRequest>,
) -> Result<(StatusCode, Json<ProposalRecorded>), ApiError> {
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
    pub decisions: Vec<crate::shared::DecisionJson>,
}

/// One proposal, with the decisions taken on it.
#[utoipa::path(get, path = "/api/v1/processes/{id}/proposals/{pid}", tag = "negotiation", params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), ("pid" = String, Path, description = "17 or P-17")),
    responses((status = 200, body = ProposalDetail), (status = 404, body = ErrorBody)))]
pub async fn get_proposal(
    State(app): State<AppState>,
    ProcessId(id): ProcessId,
    ProposalId(pid): ProposalId,
) -> Result<Json<ProposalDetail>, ApiError> {
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
) -> Vec<crate::shared::DecisionJson> {
    state
        .proceedings
        .decisions
        .iter()
        .filter(|d| d.process == process && d.target == accord_domain::decisions::Target::Proposal(pid))
        .map(crate::shared::decision_json)
        .collect()
}

/// Records an act on a proposal and answers the proposal as it now stands.
async fn act_on(
    app: &AppState,
    principal: accord_domain::state::Principal,
    action: Action,
    id: u64,
    pid: u64,
) -> Result<ProposalRecorded, ApiError> {
    with_process(app, id, |p| p.proposal(pid).map(|_| ()).map_err(Into::into))?;
    let appended = app.store.submit(principal, action, None).await?;
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
            ProcessId(id): ProcessId,
            ProposalId(pid): ProposalId,
        ) -> Result<(StatusCode, Json<ProposalRecorded>), ApiError> {
            let action = ProposalAct::$variant.on(id, pid);
            Ok((StatusCode::CREATED, Json(act_on(&app, caller.principal(), action, id, pid).await?)))
        }
    };
}

proposal_act!(
    support,
    "/api/v1/processes/{id}/proposals/{pid}/support",
    Support,
    "A member supports a proposal (replacing an objection)."
);
proposal_act!(
    objection,
    "/api/v1/processes/{id}/proposals/{pid}/objection",
    Objection,
    "A member objects to a proposal (replacing support)."
);
proposal_act!(
    cosponsor,
    "/api/v1/processes/{id}/proposals/{pid}/cosponsors",
    Cosponsor,
    "A member joins the proposal's co-sponsors."
);
proposal_act!(
    withdraw,
    "/api/v1/processes/{id}/proposals/{pid}/withdraw",
    Withdraw,
    "The proposer withdraws its proposal."
);
proposal_act!(
    agree,
    "/api/v1/processes/{id}/proposals/{pid}/agree",
    Agree,
    "The chair agrees a proposal into the text: a new version."
);
proposal_act!(reject, "/api/v1/processes/{id}/proposals/{pid}/reject", Reject, "The chair rejects a proposal.");

/// A member leaves the proposal's co-sponsors.
#[utoipa::path(delete, path = "/api/v1/processes/{id}/proposals/{pid}/cosponsors", tag = "negotiation", security(("bearer" = [])),
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), ("pid" = String, Path)),
    responses((status = 200, body = ProposalRecorded), (status = 409, body = ErrorBody)))]
pub async fn leave_cosponsorship(
    State(app): State<AppState>,
    caller: ApiCaller,
    ProcessId(id): ProcessId,
    ProposalId(pid): ProposalId,
) -> Result<Json<ProposalRecorded>, ApiError> {
    let action = ProposalAct::Uncosponsor.on(id, pid);
    Ok(Json(act_on(&app, caller.principal(), action, id, pid).await?))
}

/// The proposer anchors an outdated proposal again, on the latest version.
#[utoipa::path(post, path = "/api/v1/processes/{id}/proposals/{pid}/reanchor", request_body = ReanchorRequest, tag = "negotiation", security(("bearer" = [])),
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), ("pid" = String, Path)),
    responses((status = 201, body = ProposalRecorded), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn reanchor(
    State(app): State<AppState>,
    caller: ApiCaller,
    ProcessId(id): ProcessId,
    ProposalId(pid): ProposalId,
    ApiJson(req): ApiJson<ReanchorRequest>,
) -> Result<(StatusCode, Json<ProposalRecorded>), ApiError> {
    let (version, eid) = with_process(&app, id, |p| Ok((p.latest().number, p.proposal(pid)?.eid.clone())))?;
    let anchor = req.anchor.map(|a| a.resolve(&app, id, version, &eid)).transpose()?;
    let action = actions::reanchor(id, pid, version, anchor);
    Ok((StatusCode::CREATED, Json(act_on(&app, caller.principal(), action, id, pid).await?)))
}

#[derive(Serialize, ToSchema)]
pub struct VersionRecorded {
    pub version: VersionJson,
    pub entry: EntryRef,
}

/// A version as the API shows it; `now` are the rolling text's counts, for
/// the latest version (earlier ones keep theirs).
fn version_json(p: &Process, v: &accord_domain::negotiation::Version, now: Counts) -> VersionJson {
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
        symbol: p.version_symbol(v),
        papers: p.papers.iter().filter(|x| x.version == v.number).map(|x| x.symbol.clone()).collect(),
    }
}

/// The chair replaces the competing options of one bracket with a compromise text: a new version.
#[utoipa::path(post, path = "/api/v1/processes/{id}/chair-texts", request_body = ChairTextRequest, tag = "negotiation", security(("bearer" = [])),
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 201, body = VersionRecorded), (status = 403, body = ErrorBody), (status = 409, description = "the instrument is adopted, or before the members", body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn chair_text(
    State(app): State<AppState>,
    caller: ApiCaller,
    ProcessId(id): ProcessId,
    ApiJson(req): ApiJson<ChairTextRequest>,
) -> Result<(StatusCode, Json<VersionRecorded>), ApiError> {
    let action = actions::chair_text(id, req.eid, req.proposals, &req.text);
    let appended = app.store.submit(caller.principal(), action, None).await?;
    let now = current_counts(&app, id).await?;
    let version = with_process(&app, id, |p| Ok(version_json(p, p.latest(), now)))?;
    Ok((StatusCode::CREATED, Json(VersionRecorded { version, entry: (&appended).into() })))
}

/// Names the latest version ("Rev.1"), freezing it as a revision (chair or secretariat).
#[utoipa::path(post, path = "/api/v1/processes/{id}/revisions", request_body = RevisionRequest, tag = "negotiation", security(("bearer" = [])),
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 201, body = VersionRecorded), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn issue_revision(
    State(app): State<AppState>,
    caller: ApiCaller,
    ProcessId(id): ProcessId,
    ApiJson(req): ApiJson<RevisionRequest>,
) -> Result<(StatusCode, Json<VersionRecorded>), ApiError> {
    let appended = app.store.submit(caller.principal(), actions::revision(id, &req.name), None).await?;
    let now = current_counts(&app, id).await?;
    let version = with_process(&app, id, |p| Ok(version_json(p, p.latest(), now)))?;
    Ok((StatusCode::CREATED, Json(VersionRecorded { version, entry: (&appended).into() })))
}

/// Sets or changes the process's document symbol, e.g. "A/AC.292/2026/L.1" (secretariat); named revisions are numbered after it ("…/Rev.1").
#[utoipa::path(put, path = "/api/v1/processes/{id}/symbol", request_body = SymbolRequest, tag = "negotiation", security(("bearer" = [])),
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 200, body = SymbolRecorded), (status = 400, description = "not a document symbol", body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, description = "`symbol_taken`: another process's symbol or its revisions would name the same documents; `symbol_unchanged`, `symbol_fixed`: the process has its symbol already (a symbol is set once)", body = ErrorBody)))]
pub async fn set_symbol(
    State(app): State<AppState>,
    caller: ApiCaller,
    ProcessId(id): ProcessId,
    ApiJson(req): ApiJson<SymbolRequest>,
) -> Result<Json<SymbolRecorded>, ApiError> {
    let appended = app.store.submit(caller.principal(), actions::symbol(id, &req.symbol), None).await?;
    let process = with_process(&app, id, |p| Ok(summary(p)))?;
    Ok(Json(SymbolRecorded { process, entry: (&appended).into() }))
}
