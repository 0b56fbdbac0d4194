//! A process's texts as documents to download: a version in Akoma Ntoso
//! (`accord_documents::export::instrument`) or in Accord's Markdown
//! convention, and the rolling text in Akoma Ntoso
//! (`accord_documents::export::rolling_text`). The same functions serve
//! the API and `accord export`.
//!
//! # The masthead
//! Akoma Ntoso documents carry the masthead the secretariat prints
//! ([`accord_documents::Masthead`]), made from the record:
//! - forum: the forum's name;
//! - symbol: the version's document symbol
//!   (`Process::version_symbol`: the process's symbol, with `/Rev.N` for
//!   the `N`th named revision); a version that was not named is written
//!   under the process's symbol, its expression telling it apart (`eng@v2`).
//!   Without a symbol there is no document to write: 409 `no_symbol`;
//! - distribution: limited (a text under negotiation);
//! - date: the day the version was made (UTC);
//! - original language: English;
//! - session: the title of the last session opened before the version was
//!   made, else "No session recorded";
//! - agenda item: the record does not tie a process to an agenda item, so
//!   "No agenda item recorded".
//!
//! A text with articles is written as a `doc name="treaty"`, one of
//! recitals and paragraphs only as a `statement name="resolutionDraft"`.

use accord_documents::{Distribution, DocumentKind, Expression, Masthead};
use accord_domain::negotiation::rolling::{self, View};
use accord_domain::negotiation::text::{Instrument, ProvisionKind};
use accord_domain::negotiation::{Process, Version};
use accord_domain::{Refusal, State as DomainState};
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::routes;

use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::ApiQuery;
use crate::http::ids::{ProcessId, ProposalId, VersionParam};
use crate::http::time::rfc3339;
use crate::AppState;

/// The media type of Akoma Ntoso documents.
pub const AKN_MEDIA_TYPE: &str = "application/akn+xml";

pub fn routes() -> crate::http::routes::Routes {
    crate::http::routes::Routes::new()
        .api(routes!(get_version_document))
        .api(routes!(get_rolling_document))
        .api(routes!(get_proposal_document))
}

/// The formats a text is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Akoma Ntoso 3.0.
    Akn,
    /// Accord's Markdown convention (what `accord import` reads).
    Markdown,
}

impl Format {
    /// `akn` or `md`.
    pub fn parse(raw: Option<&str>) -> Result<Format, Refusal> {
        match raw.map(str::trim).unwrap_or("akn") {
            "akn" | "" => Ok(Format::Akn),
            "md" => Ok(Format::Markdown),
            other => Err(Refusal::invalid("invalid_format", format!("format is akn or md, not {other:?}"))),
        }
    }
}

/// A document written: its bytes, media type and a file name.
#[derive(Debug, Clone)]
pub struct Document {
    pub bytes: Vec<u8>,
    pub media_type: &'static str,
    pub file_name: String,
}

impl IntoResponse for Document {
    fn into_response(self) -> Response {
        (
            [
                (header::CONTENT_TYPE, format!("{}; charset=utf-8", self.media_type)),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}\"", self.file_name)),
            ],
            self.bytes,
        )
            .into_response()
    }
}

/// `A/AC.292/2026/L.1/Rev.1` as a file name: `A-AC.292-2026-L.1-Rev.1`.
fn file_stem(symbol: &str) -> String {
    symbol.replace('/', "-")
}

/// A treaty when the text has articles; a draft resolution otherwise.
pub fn kind_of(instrument: &Instrument) -> DocumentKind {
    if instrument.provisions.iter().any(|p| p.kind == ProvisionKind::Article) {
        DocumentKind::Treaty
    } else {
        DocumentKind::ResolutionDraft
    }
}

/// The masthead of `version` of `process` (see the module's doc).
pub fn masthead(state: &DomainState, process: &Process, version: &Version) -> Result<Masthead, Refusal> {
    let no_symbol = || {
        Refusal::conflict(
            "no_symbol",
            format!(
                "process {} has no document symbol: the secretariat sets one (PUT /api/v1/processes/{}/symbol) \
                 before its texts are issued as documents",
                process.id, process.id
            ),
        )
    };
    let symbol = match process.version_symbol(version) {
        Some(s) => s,
        None => process.symbol.clone().ok_or_else(no_symbol)?,
    };
    let forum = state.forum.as_ref().map(|f| f.name.to_string()).unwrap_or_default();
    let session = state
        .proceedings
        .sessions
        .iter()
        .rev()
        .find(|s| s.entry <= version.entry)
        .map_or_else(|| "No session recorded".to_owned(), |s| s.title.clone());
    Ok(Masthead {
        forum,
        symbol,
        distribution: Distribution::Limited,
        date: rfc3339(version.time)[..10].to_owned(),
        original_language: "English".into(),
        session,
        agenda_item: "No agenda item recorded".into(),
    })
}

fn expression(version: &Version) -> Expression {
    Expression {
        kind: kind_of(&version.instrument),
        language: "eng".into(),
        version: version.number,
        version_name: version.name.clone(),
    }
}

/// Version `key` (a number or a name, `None` for the latest) of process
/// `id` in `format`.
pub fn version_document(state: &DomainState, id: u64, key: Option<&str>, format: Format) -> Result<Document, Refusal> {
    let process = state.process(id)?;
    let version = process.find_version(key)?;
    match format {
        Format::Markdown => Ok(Document {
            bytes: accord_domain::negotiation::markdown::to_markdown(&version.instrument).into_bytes(),
            media_type: "text/markdown",
            file_name: format!("process-{id}-v{}.md", version.number),
        }),
        Format::Akn => {
            let masthead = masthead(state, process, version)?;
            let xml = accord_documents::export::instrument(&version.instrument, &expression(version), &masthead)?;
            Ok(Document {
                bytes: xml.into_bytes(),
                media_type: AKN_MEDIA_TYPE,
                file_name: format!("{}-v{}.xml", file_stem(&masthead.symbol), version.number),
            })
        }
    }
}

/// The rolling text of process `id`'s latest version, every open proposal
/// in brackets, in Akoma Ntoso.
pub fn rolling_document(state: &DomainState, id: u64) -> Result<Document, Refusal> {
    let process = state.process(id)?;
    let latest = process.latest();
    let mut masthead = masthead(state, process, latest)?;
    // The rolling text is a working paper on the process, not the latest
    // version: it goes under the process's own symbol.
    masthead.symbol = process.symbol.clone().unwrap_or(masthead.symbol);
    let rolling = rolling::rolling_text(process, &View::All);
    let xml = accord_documents::export::rolling_text(&rolling, &expression(latest), &masthead, &state.members)?;
    Ok(Document {
        bytes: xml.into_bytes(),
        media_type: AKN_MEDIA_TYPE,
        file_name: format!("{}-rolling-text-v{}.xml", file_stem(&masthead.symbol), latest.number),
    })
}

/// Proposal `pid` of process `id` as an Akoma Ntoso `amendment` to the
/// version it was tabled on, numbered after it (`…/P-7`).
pub fn proposal_document(state: &DomainState, id: u64, pid: u64) -> Result<Document, Refusal> {
    let process = state.process(id)?;
    let proposal = process.proposal(pid)?;
    let version = process.find_version(Some(&proposal.version.to_string()))?;
    let masthead = masthead(state, process, version)?;
    let xml = accord_documents::export::amendment(
        proposal,
        &version.instrument,
        &expression(version),
        &masthead,
        &state.members,
    )?;
    Ok(Document {
        bytes: xml.into_bytes(),
        media_type: AKN_MEDIA_TYPE,
        file_name: format!("{}-P-{pid}.xml", file_stem(&masthead.symbol)),
    })
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct FormatQuery {
    /// `akn` (Akoma Ntoso 3.0, the default) or `md` (Accord's Markdown convention).
    pub format: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AknQuery {
    /// `akn` (Akoma Ntoso 3.0), the only format of this document.
    pub format: Option<String>,
}

/// A version as a document: Akoma Ntoso 3.0 under its document symbol (the process's, with /Rev.N for a named revision), or Markdown.
#[utoipa::path(get, path = "/api/v1/processes/{id}/versions/{v}/document", tag = "negotiation",
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), ("v" = String, Path, description = "the version's number (3) or name (Rev.1, zero)"), FormatQuery),
    responses((status = 200, content_type = "application/akn+xml", description = "Akoma Ntoso 3.0 (`format=akn`) or Markdown (`format=md`, text/markdown)", body = String),
        (status = 400, description = "unknown format", body = ErrorBody), (status = 404, description = "unknown process or version", body = ErrorBody),
        (status = 409, description = "`no_symbol`: the process has no document symbol (Akoma Ntoso only)", body = ErrorBody)))]
pub async fn get_version_document(
    State(app): State<AppState>,
    ProcessId(id): ProcessId,
    VersionParam(v): VersionParam,
    ApiQuery(q): ApiQuery<FormatQuery>,
) -> Result<Document, ApiError> {
    let format = Format::parse(q.format.as_deref())?;
    let state = app.store.state();
    Ok(version_document(&state, id, Some(&v), format)?)
}

/// The rolling text of the latest version as an Akoma Ntoso 3.0 document: each bracket with its options and the members behind them.
#[utoipa::path(get, path = "/api/v1/processes/{id}/rolling-text/document", tag = "negotiation",
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), AknQuery),
    responses((status = 200, content_type = "application/akn+xml", body = String),
        (status = 400, description = "unknown format", body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "`no_symbol`: the process has no document symbol", body = ErrorBody)))]
pub async fn get_rolling_document(
    State(app): State<AppState>,
    ProcessId(id): ProcessId,
    ApiQuery(q): ApiQuery<AknQuery>,
) -> Result<Document, ApiError> {
    if Format::parse(q.format.as_deref())? != Format::Akn {
        return Err(ApiError::bad_request("invalid_format", "the rolling text is written in akn only"));
    }
    let state = app.store.state();
    Ok(rolling_document(&state, id)?)
}

/// A proposal as an Akoma Ntoso 3.0 `amendment` to the version it was tabled on, naming the provision it changes and the members behind it.
#[utoipa::path(get, path = "/api/v1/processes/{id}/proposals/{pid}/document", tag = "negotiation",
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), ("pid" = String, Path, description = "17 or P-17"), AknQuery),
    responses((status = 200, content_type = "application/akn+xml", body = String),
        (status = 400, description = "unknown format", body = ErrorBody), (status = 404, description = "unknown process or proposal", body = ErrorBody),
        (status = 409, description = "`no_symbol`: the process has no document symbol", body = ErrorBody)))]
pub async fn get_proposal_document(
    State(app): State<AppState>,
    ProcessId(id): ProcessId,
    ProposalId(pid): ProposalId,
    ApiQuery(q): ApiQuery<AknQuery>,
) -> Result<Document, ApiError> {
    if Format::parse(q.format.as_deref())? != Format::Akn {
        return Err(ApiError::bad_request("invalid_format", "a proposal is written in akn only"));
    }
    let state = app.store.state();
    Ok(proposal_document(&state, id, pid)?)
}
