//! Conference room papers: the secretariat issues a process's rolling text
//! or its compilation of proposals as a paper under a document symbol of
//! its own ("A/AC.292/2026/CRP.1", `process.paper_issued`); the paper is
//! then fixed to what the process showed at that entry, and downloads as
//! it stood (`documents::paper_document`).
//!
//! Why a recorded paper, and not a symbol derived like revisions': a
//! rolling text changes with every proposal and position, so a symbol
//! naming "the rolling text" would name a different text every minute.
//! The entry fixes which text the symbol names (the record up to it), the
//! secretariat decides when a text is worth circulating, and the symbol,
//! written in the record, stays what was printed even if the way Accord
//! numbers papers changes.

use accord_documents::docx::Backers;
use accord_domain::negotiation::{Paper, PaperKind, Process};
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::routes;

use super::actions;
use super::api::with_process;
use super::documents::{self, Document, Format};
use crate::http::auth::ApiCaller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiQuery};
use crate::http::ids::{PaperNumber, ProcessId};
use crate::http::time::rfc3339;
use crate::shared::EntryRef;
use crate::AppState;

/// Paper documents written at once: one older than its process's text is
/// read by replaying the record into a state of its own.
static PAPER_JOBS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

pub fn routes() -> crate::http::routes::Routes {
    crate::http::routes::Routes::new().api(routes!(list_papers, issue_paper)).api(routes!(get_paper_document))
}

/// What a conference room paper reproduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PaperKindJson {
    /// The rolling text of the latest version, every open proposal in brackets.
    RollingText,
    /// The compilation of proposals article by article.
    Compilation,
}

impl From<PaperKindJson> for PaperKind {
    fn from(k: PaperKindJson) -> Self {
        match k {
            PaperKindJson::RollingText => PaperKind::RollingText,
            PaperKindJson::Compilation => PaperKind::Compilation,
        }
    }
}

impl From<PaperKind> for PaperKindJson {
    fn from(k: PaperKind) -> Self {
        match k {
            PaperKind::RollingText => PaperKindJson::RollingText,
            PaperKind::Compilation => PaperKindJson::Compilation,
        }
    }
}

/// A conference room paper.
#[derive(Serialize, ToSchema)]
pub struct PaperJson {
    /// Its number among the process's papers, from 1.
    pub number: u32,
    pub kind: PaperKindJson,
    /// Its document symbol, e.g. "A/AC.292/2026/CRP.1".
    pub symbol: String,
    /// The version of the text it is on.
    pub version: u32,
    /// The entry that issued it: the record's first `entry` entries, and
    /// it, reproduce what it shows.
    pub entry: u64,
    /// RFC 3339, UTC.
    pub time: String,
    /// Whether the process still shows what the paper shows (nothing in
    /// it changed since).
    pub current: bool,
    /// Where to download it (`?format=akn|docx`).
    pub document: String,
}

pub(crate) fn paper_json(p: &Process, paper: &Paper) -> PaperJson {
    PaperJson {
        number: paper.number,
        kind: paper.kind.into(),
        symbol: paper.symbol.clone(),
        version: paper.version,
        entry: paper.entry,
        time: rfc3339(paper.time),
        current: paper.as_of == p.changed,
        document: format!("/api/v1/processes/{}/papers/{}/document", p.id, paper.number),
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PaperRequest {
    pub kind: PaperKindJson,
    /// The paper's document symbol, e.g. "A/AC.292/2026/CRP.1" (the syntax of a process's symbol); when left out, the next of the process's series: its symbol without the last part, then /CRP.n, n one more than the highest paper of that series in the forum.
    pub symbol: Option<String>,
    /// The version the caller saw: refused with `paper_outdated` if it is no longer the latest. When left out, the latest.
    #[schema(minimum = 1)]
    pub version: Option<u32>,
}

/// A paper just issued, and the entry.
#[derive(Serialize, ToSchema)]
pub struct PaperRecorded {
    pub paper: PaperJson,
    pub entry: EntryRef,
}

/// The conference room papers issued on a process, in order.
#[utoipa::path(get, path = "/api/v1/processes/{id}/papers", tag = "negotiation",
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 200, body = Vec<PaperJson>), (status = 404, body = ErrorBody)))]
pub async fn list_papers(
    State(app): State<AppState>,
    ProcessId(id): ProcessId,
) -> Result<Json<Vec<PaperJson>>, ApiError> {
    with_process(&app, id, |p| Ok(Json(p.papers.iter().map(|x| paper_json(p, x)).collect())))
}

/// Issues the rolling text or the compilation of the latest version as a conference room paper under a document symbol of its own (secretariat): the paper is fixed to what the process shows now.
#[utoipa::path(post, path = "/api/v1/processes/{id}/papers", request_body = PaperRequest, tag = "negotiation", security(("bearer" = [])),
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 201, body = PaperRecorded), (status = 400, description = "not a document symbol", body = ErrorBody), (status = 403, description = "`secretariat_only`", body = ErrorBody),
        (status = 404, description = "unknown process", body = ErrorBody),
        (status = 409, description = "`symbol_taken`: a process, revision or paper has the symbol; `paper_unchanged`: nothing changed since the last paper of this kind; `paper_outdated`: the version given is not the latest; `no_symbol`: no symbol given and the process has none", body = ErrorBody)))]
pub async fn issue_paper(
    State(app): State<AppState>,
    caller: ApiCaller,
    ProcessId(id): ProcessId,
    ApiJson(req): ApiJson<PaperRequest>,
) -> Result<(StatusCode, Json<PaperRecorded>), ApiError> {
    let action = actions::paper(&app.store.state(), id, req.kind.into(), req.symbol.as_deref(), req.version)?;
    let appended = app.store.submit(caller.principal(), action, None).await?;
    let paper = with_process(&app, id, |p| {
        let paper = p.papers.iter().rev().find(|x| x.entry == appended.entry.index).ok_or_else(ApiError::internal)?;
        Ok(paper_json(p, paper))
    })?;
    Ok((StatusCode::CREATED, Json(PaperRecorded { paper, entry: (&appended).into() })))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PaperFormatQuery {
    /// `akn` (Akoma Ntoso 3.0, the default for the rolling text) or `docx` (Word; the compilation's only format).
    pub format: Option<String>,
    /// For the rolling text in `docx`: where the members behind each option are named, `footnote` (the default) or `inline`.
    pub members: Option<String>,
}

/// A conference room paper as it stood when issued, under its own symbol: the rolling text in Akoma Ntoso 3.0 or Word, the compilation in Word.
#[utoipa::path(get, path = "/api/v1/processes/{id}/papers/{n}/document", tag = "negotiation",
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), ("n" = u64, Path, minimum = 1, description = "the paper's number among the process's papers"), PaperFormatQuery),
    responses((status = 200, description = "Akoma Ntoso 3.0 (`format=akn`) or Word (`format=docx`, application/vnd.openxmlformats-officedocument.wordprocessingml.document)",
            content((String = "application/akn+xml"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))),
        (status = 400, description = "unknown format or members, or a format the paper is not written in", body = ErrorBody),
        (status = 404, description = "unknown process or paper", body = ErrorBody),
        (status = 503, description = "`papers_busy`: as many papers are being written (a paper older than the text is read by replaying the record) as the server writes at once: retry after the seconds `Retry-After` gives", body = ErrorBody)))]
pub async fn get_paper_document(
    State(app): State<AppState>,
    ProcessId(id): ProcessId,
    PaperNumber(n): PaperNumber,
    ApiQuery(q): ApiQuery<PaperFormatQuery>,
) -> Result<Document, ApiError> {
    let format = match q.format.as_deref() {
        Some(f) => Format::parse(Some(f))?,
        // The compilation has one format; the rolling text's default is Akoma Ntoso.
        None => with_process(&app, id, |p| {
            Ok(match p.paper(n)?.kind {
                PaperKind::Compilation => Format::Docx,
                PaperKind::RollingText => Format::Akn,
            })
        })?,
    };
    let backers = match q.members.as_deref() {
        None => Backers::Footnote,
        Some(m) => Backers::parse(m.trim())?,
    };
    // Off the reactor: writing, and perhaps replaying the record (a copy of
    // the whole state each), so only a few at once.
    let Ok(permit) = PAPER_JOBS.try_acquire() else {
        let mut e = ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "papers_busy",
            "as many conference room papers are being written as the server writes at once: try again in a few seconds",
        );
        e.retry_after = Some(5);
        return Err(e);
    };
    let store = app.store.clone();
    let written = tokio::task::spawn_blocking(move || {
        // Held by the job itself: a client gone away does not free the slot.
        let _permit = permit;
        documents::paper_document(&store, id, n, format, backers)
    })
    .await
    .map_err(|_| ApiError::internal())?;
    Ok(written??)
}
