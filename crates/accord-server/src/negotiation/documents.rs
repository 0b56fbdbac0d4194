//! A process's texts as documents to download: a version in Akoma Ntoso
//! (`accord_documents::export::instrument`), Word (.docx,
//! `accord_documents::docx::instrument`) or Accord's Markdown convention;
//! the rolling text in Akoma Ntoso or Word (members behind each option in
//! footnotes or inline); the redline between two versions as Word tracked
//! changes; the compilation of proposals article by article in Word. The
//! same functions serve the API and `accord export`.
//!
//! # The masthead
//! Akoma Ntoso and Word documents carry the masthead the secretariat prints
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
//! The rolling text and the compilation are working papers on the whole
//! process: their masthead bears the process's symbol, or, while the
//! process has not changed since the secretariat issued one of them as a
//! conference room paper (`process.paper_issued`), that paper's symbol
//! and date. An issued paper is written as it stood
//! ([`paper_document`]): from the current state while its process has not
//! changed since, else from the state the record up to the paper's entry
//! replays to (`Store::state_at`).
//!
//! A text with articles is written as a `doc name="treaty"`, one of
//! recitals and paragraphs only as a `statement name="resolutionDraft"`.

use accord_documents::docx::{Backers, ByVersions, DOCX_MEDIA_TYPE};
use accord_documents::{Distribution, DocumentKind, Expression, Masthead};
use accord_domain::negotiation::rolling::{self, View};
use accord_domain::negotiation::text::{Instrument, ProvisionKind};
use accord_domain::negotiation::{Paper, PaperKind, Process, Version};
use accord_domain::{Refusal, State as DomainState};
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::routes;

use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::ApiQuery;
use crate::http::i18n::Lang;
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
        .api(routes!(get_redline_document))
        .api(routes!(get_compilation_document))
}

/// The formats a text is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Akoma Ntoso 3.0.
    Akn,
    /// Accord's Markdown convention (what `accord import` reads).
    Markdown,
    /// Word (Office Open XML WordprocessingML).
    Docx,
    /// PDF typeset for print (`accord_pdf`).
    Pdf,
}

impl Format {
    /// `akn`, `docx` or `md`.
    pub fn parse(raw: Option<&str>) -> Result<Format, Refusal> {
        match raw.map(str::trim).unwrap_or("akn") {
            "akn" | "" => Ok(Format::Akn),
            "md" => Ok(Format::Markdown),
            "docx" => Ok(Format::Docx),
            "pdf" => Ok(Format::Pdf),
            other => Err(Refusal::invalid("invalid_format", format!("format is akn, docx, pdf or md, not {other:?}"))),
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
        // Text says its encoding; a .docx is a zip archive, a PDF binary.
        let media_type = if self.media_type == DOCX_MEDIA_TYPE || self.media_type == accord_pdf::PDF_MEDIA_TYPE {
            self.media_type.to_owned()
        } else {
            format!("{}; charset=utf-8", self.media_type)
        };
        (
            [
                (header::CONTENT_TYPE, media_type),
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
    masthead_saying(state, process, version, "No session recorded", "No agenda item recorded")
}

/// [`masthead`], saying `no_session` and `no_item` where the record has
/// none (a PDF says it in its own language).
fn masthead_saying(
    state: &DomainState,
    process: &Process,
    version: &Version,
    no_session: &str,
    no_item: &str,
) -> Result<Masthead, Refusal> {
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
    Ok(masthead_at(state, symbol, version.entry, version.time, no_session, no_item))
}

/// The masthead of a document of the forum issued under `symbol` at the
/// record's entry `entry` (time `time`): the session is the last opened
/// before it.
fn masthead_at(
    state: &DomainState,
    symbol: String,
    entry: u64,
    time: i64,
    no_session: &str,
    no_item: &str,
) -> Masthead {
    let forum = state.forum.as_ref().map(|f| f.name.to_string()).unwrap_or_default();
    let session = state
        .proceedings
        .sessions
        .iter()
        .rev()
        .find(|s| s.entry <= entry)
        .map_or_else(|| no_session.to_owned(), |s| s.title.clone());
    Masthead {
        forum,
        symbol,
        distribution: Distribution::Limited,
        date: rfc3339(time)[..10].to_owned(),
        original_language: "English".into(),
        session,
        agenda_item: no_item.to_owned(),
    }
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
/// `id` in `format` (a PDF is made by [`version_pdf_job`]).
pub fn version_document(state: &DomainState, id: u64, key: Option<&str>, format: Format) -> Result<Document, Refusal> {
    let process = state.process(id)?;
    let version = process.find_version(key)?;
    match format {
        Format::Pdf => Err(Refusal::invalid("invalid_format", "a PDF is typeset by version_pdf_job")),
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
        Format::Docx => {
            let masthead = masthead(state, process, version)?;
            Ok(Document {
                bytes: accord_documents::docx::instrument(&version.instrument, &masthead)?,
                media_type: DOCX_MEDIA_TYPE,
                file_name: format!("{}-v{}.docx", file_stem(&masthead.symbol), version.number),
            })
        }
    }
}

/// The masthead of a conference room paper: its symbol, and the day it
/// was issued; the session, the last opened before it.
pub fn paper_masthead(state: &DomainState, paper: &Paper) -> Masthead {
    masthead_at(state, paper.symbol.clone(), paper.entry, paper.time, "No session recorded", "No agenda item recorded")
}

/// The masthead of a working paper on the whole process (the rolling
/// text or the compilation, `kind`): the paper of that kind the process
/// still is, else the latest version's under the process's own symbol.
fn working_paper(state: &DomainState, process: &Process, kind: PaperKind) -> Result<Masthead, Refusal> {
    if let Some(paper) = process.current_paper(kind) {
        return Ok(paper_masthead(state, paper));
    }
    let latest = process.latest();
    let mut masthead = masthead(state, process, latest)?;
    masthead.symbol = process.symbol.clone().unwrap_or(masthead.symbol);
    Ok(masthead)
}

/// A document to write once the state's lock is released: what it needs
/// is copied out of the state first (the process, the members, the
/// masthead), because writing a rolling text of thousands of proposals
/// takes tens of milliseconds, during which the record could not be
/// applied.
pub type Job = Box<dyn FnOnce() -> Result<Document, Refusal> + Send>;

/// Runs a [`Job`] on the blocking pool, off the async reactor.
async fn run(job: Job) -> Result<Document, ApiError> {
    Ok(tokio::task::spawn_blocking(job).await.map_err(|_| ApiError::internal())??)
}

/// The rolling text of process `id`'s latest version, every open proposal
/// in brackets, in Akoma Ntoso or Word (`backers` says where Word names
/// the members behind each option).
pub fn rolling_document(state: &DomainState, id: u64, format: Format, backers: Backers) -> Result<Document, Refusal> {
    rolling_job(state, id, format, backers)?()
}

/// [`rolling_document`], as a [`Job`].
pub fn rolling_job(state: &DomainState, id: u64, format: Format, backers: Backers) -> Result<Job, Refusal> {
    let process = state.process(id)?;
    let masthead = working_paper(state, process, PaperKind::RollingText)?;
    Ok(rolling_written(state, process, masthead, format, backers))
}

/// The rolling text of `process` (of `state`) under `masthead`, as a job.
fn rolling_written(
    state: &DomainState,
    process: &Process,
    masthead: Masthead,
    format: Format,
    backers: Backers,
) -> Job {
    let process = process.clone();
    let members = state.members.clone();
    Box::new(move || {
        let latest = process.latest();
        let rolling = rolling::rolling_text(&process, &View::All);
        let stem = format!("{}-rolling-text-v{}", file_stem(&masthead.symbol), latest.number);
        match format {
            Format::Akn => {
                let xml = accord_documents::export::rolling_text(&rolling, &expression(latest), &masthead, &members)?;
                Ok(Document { bytes: xml.into_bytes(), media_type: AKN_MEDIA_TYPE, file_name: format!("{stem}.xml") })
            }
            Format::Docx => Ok(Document {
                bytes: accord_documents::docx::rolling_text(&rolling, &masthead, &members, backers)?,
                media_type: DOCX_MEDIA_TYPE,
                file_name: format!("{stem}.docx"),
            }),
            Format::Markdown | Format::Pdf => {
                Err(Refusal::invalid("invalid_format", "the rolling text is written in akn or docx here"))
            }
        }
    })
}

/// The redline of process `id` from version `from` to version `to` (the
/// latest when `None`) as a Word document with tracked changes: words by
/// whoever put them in the text, deletions by the member whose agreed
/// proposal made the version that changed the provision, else "the
/// chair's revision".
pub fn redline_document(state: &DomainState, id: u64, from: &str, to: Option<&str>) -> Result<Document, Refusal> {
    redline_job(state, id, from, to)?()
}

/// [`redline_document`], as a [`Job`].
pub fn redline_job(state: &DomainState, id: u64, from: &str, to: Option<&str>) -> Result<Job, Refusal> {
    let process = state.process(id)?;
    let (a, b) = (process.find_version(Some(from))?, process.find_version(to)?);
    if a.number > b.number {
        return Err(Refusal::invalid(
            "invalid_range",
            format!("version {} comes after version {}: give the older version as from", a.number, b.number),
        ));
    }
    let masthead = masthead(state, process, b)?;
    let (a, b) = (a.number, b.number);
    let process = process.clone();
    let members = state.members.clone();
    Ok(Box::new(move || {
        // Both were found above, in this same process.
        let (va, vb) = (process.find_version(Some(&a.to_string()))?, process.find_version(Some(&b.to_string()))?);
        let shown =
            |v: &accord_domain::negotiation::Version| v.name.clone().unwrap_or_else(|| format!("version {}", v.number));
        let title = format!("{}: changes from {} to {}", process.title, shown(va), shown(vb));
        let authors = ByVersions::new(&process, a, b, &members);
        Ok(Document {
            bytes: accord_documents::docx::redline(&va.instrument, &vb.instrument, &title, &masthead, &authors)?,
            media_type: DOCX_MEDIA_TYPE,
            file_name: format!("{}-redline-v{a}-v{b}.docx", file_stem(&masthead.symbol)),
        })
    }))
}

/// The compilation of process `id`'s proposals article by article, on its
/// latest version: every proposal tabled but not withdrawn, in the order
/// tabled.
pub fn compilation_document(state: &DomainState, id: u64) -> Result<Document, Refusal> {
    compilation_job(state, id)?()
}

/// [`compilation_document`], as a [`Job`].
pub fn compilation_job(state: &DomainState, id: u64) -> Result<Job, Refusal> {
    let process = state.process(id)?;
    let masthead = working_paper(state, process, PaperKind::Compilation)?;
    Ok(compilation_written(state, process, masthead))
}

/// The compilation of `process` (of `state`) under `masthead`, as a job.
fn compilation_written(state: &DomainState, process: &Process, masthead: Masthead) -> Job {
    use accord_domain::negotiation::ProposalStatus;
    let process = process.clone();
    let members = state.members.clone();
    Box::new(move || {
        let latest = process.latest();
        let proposals: Vec<_> = process.proposals.iter().filter(|p| p.status != ProposalStatus::Withdrawn).collect();
        Ok(Document {
            bytes: accord_documents::docx::compilation(&latest.instrument, &proposals, &masthead, &members)?,
            media_type: DOCX_MEDIA_TYPE,
            file_name: format!("{}-compilation-v{}.docx", file_stem(&masthead.symbol), latest.number),
        })
    })
}

/// Conference room paper `number` of process `id`, as it stood when the
/// secretariat issued it: the rolling text (akn or docx, `backers` as for
/// the rolling text) or the compilation (docx). Blocking: it may replay
/// the record up to the paper's entry. The outer error is the store's.
pub fn paper_document(
    store: &accord_store::Store,
    id: u64,
    number: u64,
    format: Format,
    backers: Backers,
) -> Result<Result<Document, Refusal>, accord_store::StoreError> {
    let job = {
        let state = store.state();
        match paper_job(&state, id, number, format, backers) {
            Err(refusal) => return Ok(Err(refusal)),
            Ok(Some(job)) => Some(job),
            Ok(None) => None,
        }
    };
    let job = match job {
        Some(job) => job,
        None => {
            // The process changed after the paper: the record up to the
            // paper's entry gives the process as the paper showed it.
            let entry = store.state().process(id).and_then(|p| p.paper(number)).map(|p| p.entry);
            let entry = match entry {
                Ok(entry) => entry,
                Err(refusal) => return Ok(Err(refusal)),
            };
            // Up to and with the paper's own entry, so that it is found.
            let then = store.state_at(entry + 1)?;
            match paper_job(&then, id, number, format, backers) {
                Ok(Some(job)) => job,
                Ok(None) => unreachable!("a paper's own state shows it"),
                Err(refusal) => return Ok(Err(refusal)),
            }
        }
    };
    Ok(job())
}

/// Paper `number` of process `id` written from `state` if the process
/// there has not changed since the paper (`None` otherwise).
fn paper_job(
    state: &DomainState,
    id: u64,
    number: u64,
    format: Format,
    backers: Backers,
) -> Result<Option<Job>, Refusal> {
    let process = state.process(id)?;
    let paper = process.paper(number)?;
    match (paper.kind, format) {
        (PaperKind::RollingText, Format::Markdown) => {
            return Err(Refusal::invalid("invalid_format", "the rolling text is written in akn or docx"))
        }
        (PaperKind::Compilation, Format::Akn | Format::Markdown) => {
            return Err(Refusal::invalid("invalid_format", "the compilation is written in docx only"))
        }
        _ => {}
    }
    if paper.as_of != process.changed {
        return Ok(None);
    }
    let masthead = paper_masthead(state, paper);
    Ok(Some(match paper.kind {
        PaperKind::RollingText => rolling_written(state, process, masthead, format, backers),
        PaperKind::Compilation => compilation_written(state, process, masthead),
    }))
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

/// What a PDF is asked for with (see [`crate::http::pdf`]).
pub struct PdfRequest {
    /// The language it is set in: the masthead's words, and the recorded
    /// translations of a process's latest version.
    pub lang: Lang,
    pub line_numbers: bool,
    /// Where the rolling text names the members behind each option.
    pub backers: Backers,
    pub fonts: std::sync::Arc<accord_pdf::Fonts>,
}

impl PdfRequest {
    fn options(&self) -> accord_pdf::Options {
        accord_pdf::Options {
            language: crate::http::pdf::to_language(self.lang),
            line_numbers: self.line_numbers,
            backers: self.backers,
            fonts: self.fonts.clone(),
        }
    }
}

/// The masthead of a PDF, saying in its language what the record lacks.
fn pdf_masthead(state: &DomainState, process: &Process, version: &Version, lang: Lang) -> Result<Masthead, Refusal> {
    let (no_session, no_item) = lang.scope_sync(|| (crate::t("pdf-no-session"), crate::t("pdf-no-agenda-item")));
    masthead_saying(state, process, version, &no_session, &no_item)
}

/// `instrument` with the words of each provision in `lang` where a
/// translation of the latest version is recorded and current: a reader's
/// copy in that language. Provisions not translated keep the original's
/// words; an earlier version is printed as recorded.
fn translated(state: &DomainState, process: &Process, version: &Version, lang: Lang) -> Instrument {
    let mut instrument = (*version.instrument).clone();
    let Ok(tag) = accord_domain::ids::LanguageTag::parse(lang.code()) else { return instrument };
    if tag == process.language || version.number != process.latest().number {
        return instrument;
    }
    for p in instrument.provisions.iter_mut() {
        let Some(tr) = state.translations.get(process.id, &tag, &p.eid) else { continue };
        if !accord_domain::translation::Translations::is_current(process, &p.eid, tr) {
            continue;
        }
        let mut q = (**p).clone();
        if q.kind.has_text() {
            q.text = tr.text.clone();
        } else {
            q.heading = tr.text.clone();
        }
        *p = std::sync::Arc::new(q);
    }
    instrument
}

/// Version `key` of process `id` as a PDF, to typeset off the state's
/// lock: the masthead's words in `request.lang`, and the text in that
/// language where translations are recorded (see [`translated`]).
pub fn version_pdf_job(state: &DomainState, id: u64, key: Option<&str>, request: PdfRequest) -> Result<Job, Refusal> {
    let process = state.process(id)?;
    let version = process.find_version(key)?;
    let masthead = pdf_masthead(state, process, version, request.lang)?;
    let labels = crate::http::pdf::labels(request.lang, &masthead, process.language.as_str(), None);
    let instrument = translated(state, process, version, request.lang);
    let file_name = format!("{}-v{}-{}.pdf", file_stem(&masthead.symbol), version.number, request.lang.code());
    Ok(Box::new(move || {
        let pdf = accord_pdf::instrument(&instrument, &masthead, &labels, &request.options())?;
        Ok(Document { bytes: pdf.bytes, media_type: accord_pdf::PDF_MEDIA_TYPE, file_name })
    }))
}

/// The rolling text of process `id` as a PDF, to typeset off the state's
/// lock.
pub fn rolling_pdf_job(state: &DomainState, id: u64, request: PdfRequest) -> Result<Job, Refusal> {
    let process = state.process(id)?.clone();
    let latest = process.latest();
    let mut masthead = pdf_masthead(state, &process, latest, request.lang)?;
    masthead.symbol = process.symbol.clone().unwrap_or(masthead.symbol);
    let members = state.members.clone();
    let original = process.language.as_str().to_owned();
    Ok(Box::new(move || {
        let latest = process.latest();
        let rolling = rolling::rolling_text(&process, &View::All);
        let labels =
            crate::http::pdf::labels(request.lang, &masthead, &original, Some((rolling.brackets, rolling.options)));
        let title = request.lang.scope_sync(|| {
            let version = match &rolling.version_name {
                Some(n) => n.clone(),
                None => crate::t1("pdf-version", "number", rolling.version),
            };
            crate::t2("pdf-rolling-title", "title", rolling.title.as_str(), "version", version)
        });
        let pdf = accord_pdf::rolling_text(&rolling, &title, &masthead, &members, &labels, &request.options())?;
        Ok(Document {
            bytes: pdf.bytes,
            media_type: accord_pdf::PDF_MEDIA_TYPE,
            file_name: format!(
                "{}-rolling-text-v{}-{}.pdf",
                file_stem(&masthead.symbol),
                latest.number,
                request.lang.code()
            ),
        })
    }))
}

/// A zero draft made from a document sent to open a process.
pub struct DraftOf {
    /// The document's own title.
    pub title: String,
    /// The draft in Accord's Markdown convention.
    pub markdown: String,
    pub report: super::shapes::ImportReport,
}

/// Reads an Akoma Ntoso or Word document and makes it a zero draft
/// (`accord_documents::draft::zero_draft`), listing what it left out and
/// renumbered; a refusal says where the document could not be read.
pub fn zero_draft_of(format: Format, bytes: &[u8]) -> Result<DraftOf, Refusal> {
    use accord_domain::negotiation::text::{Source, SourceKind};
    let source = std::sync::Arc::new(Source { entry: 0, time: 0, how: SourceKind::ZeroDraft });
    let (instrument, dropped, name) = match format {
        Format::Akn => {
            let i = accord_documents::import(bytes, source)?;
            (i.instrument, i.dropped, "akn")
        }
        Format::Docx => {
            let i = accord_documents::docx::import(bytes, source)?;
            (i.instrument, i.dropped, "docx")
        }
        Format::Markdown => return Err(Refusal::invalid("invalid_format", "a Markdown draft is sent as JSON")),
        Format::Pdf => return Err(Refusal::invalid("invalid_format", "a process opens from akn, docx or md, not pdf")),
    };
    let draft = accord_documents::draft::zero_draft(&instrument)?;
    let left_out = dropped.iter().chain(&draft.left_out).map(ToString::to_string).collect();
    let renumbered = draft
        .renumbered
        .iter()
        .map(|r| format!("{} ({}) is now {} ({})", r.from_num, r.from_eid, r.num, r.eid))
        .collect();
    Ok(DraftOf {
        title: instrument.title,
        markdown: draft.markdown,
        report: super::shapes::ImportReport { format: name.to_owned(), left_out, renumbered },
    })
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct FormatQuery {
    /// `akn` (Akoma Ntoso 3.0, the default), `docx` (Word), `pdf` (typeset for print) or `md` (Accord's Markdown convention).
    pub format: Option<String>,
    /// For `pdf`: the language it is set in (`ar`, `zh`, `en`, `fr`, `ru`, `es`): the masthead's words, and the text where translations of the latest version are recorded and current. The text's own language when not given.
    pub language: Option<String>,
    /// For `pdf`: number every line in the margin.
    pub line_numbers: Option<bool>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct RollingFormatQuery {
    /// `akn` (Akoma Ntoso 3.0, the default), `docx` (Word) or `pdf` (typeset for print).
    pub format: Option<String>,
    /// For `docx` and `pdf`: where the members behind each option are named, `footnote` (the default) or `inline` (in parentheses after the option).
    pub members: Option<String>,
    /// For `pdf`: the language of the masthead's words (`ar`, `zh`, `en`, `fr`, `ru`, `es`); the text's own language when not given.
    pub language: Option<String>,
    /// For `pdf`: number every line in the margin.
    pub line_numbers: Option<bool>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct RedlineDocumentQuery {
    /// The older version: its number (3) or name (Rev.1, zero).
    pub from: String,
    /// The newer version; the latest when not given.
    pub to: Option<String>,
    /// `docx` (Word with tracked changes), the only format of a redline.
    pub format: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DocxQuery {
    /// `docx` (Word), the only format of this document.
    pub format: Option<String>,
}

/// `docx`, or the default when not given; anything else is refused.
fn docx_only(raw: Option<&str>, what: &str) -> Result<(), ApiError> {
    match raw.map(str::trim) {
        None | Some("docx") => Ok(()),
        Some(other) => {
            Err(ApiError::bad_request("invalid_format", format!("{what} is written in docx only, not {other:?}")))
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AknQuery {
    /// `akn` (Akoma Ntoso 3.0), the only format of this document.
    pub format: Option<String>,
}

/// A version as a document: Akoma Ntoso 3.0 or Word under its document symbol (the process's, with /Rev.N for a named revision), or Markdown.
#[utoipa::path(get, path = "/api/v1/processes/{id}/versions/{v}/document", tag = "negotiation",
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), ("v" = String, Path, description = "the version's number (3) or name (Rev.1, zero)"), FormatQuery),
    responses((status = 200, description = "Akoma Ntoso 3.0 (`format=akn`), Word (`format=docx`, application/vnd.openxmlformats-officedocument.wordprocessingml.document), PDF (`format=pdf`, application/pdf: A4, the masthead, page numbers n/N, the fonts embedded) or Markdown (`format=md`, text/markdown)",
            content((String = "application/akn+xml"), (String = "text/markdown"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), (Vec<u8> = "application/pdf"))),
        (status = 400, description = "unknown format or language", body = ErrorBody), (status = 404, description = "unknown process or version", body = ErrorBody),
        (status = 409, description = "`no_symbol`: the process has no document symbol (Akoma Ntoso, Word and PDF only)", body = ErrorBody),
        (status = 503, description = "PDF only: `fonts_missing` (the language's fonts are not installed on the server: the message names the Debian package) or `pdf_busy` (every typesetting slot is in use: retry after the seconds `Retry-After` gives)", body = ErrorBody)))]
pub async fn get_version_document(
    State(app): State<AppState>,
    ProcessId(id): ProcessId,
    VersionParam(v): VersionParam,
    ApiQuery(q): ApiQuery<FormatQuery>,
) -> Result<Document, ApiError> {
    let format = Format::parse(q.format.as_deref())?;
    if format == Format::Pdf {
        let job = {
            let state = app.store.state();
            let process = state.process(id)?;
            let lang = crate::http::pdf::language(q.language.as_deref(), process.language.as_str())?;
            let fonts = crate::http::pdf::fonts_for(&app.pdf, lang)?;
            let request =
                PdfRequest { lang, line_numbers: q.line_numbers.unwrap_or(false), backers: Backers::Footnote, fonts };
            version_pdf_job(&state, id, Some(&v), request)?
        };
        return crate::http::pdf::typeset(&app.pdf, job).await;
    }
    let state = app.store.state();
    Ok(version_document(&state, id, Some(&v), format)?)
}

/// The rolling text of the latest version as an Akoma Ntoso 3.0 or Word document: each bracket with its options and the members behind them (in Word, in bold brackets, the members in footnotes or inline).
#[utoipa::path(get, path = "/api/v1/processes/{id}/rolling-text/document", tag = "negotiation",
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), RollingFormatQuery),
    responses((status = 200, description = "Akoma Ntoso 3.0 (`format=akn`), Word (`format=docx`, application/vnd.openxmlformats-officedocument.wordprocessingml.document) or PDF (`format=pdf`, application/pdf)",
            content((String = "application/akn+xml"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), (Vec<u8> = "application/pdf"))),
        (status = 400, description = "unknown format, members or language", body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "`no_symbol`: the process has no document symbol", body = ErrorBody),
        (status = 503, description = "PDF only: `fonts_missing` or `pdf_busy` (with `Retry-After`)", body = ErrorBody)))]
pub async fn get_rolling_document(
    State(app): State<AppState>,
    ProcessId(id): ProcessId,
    ApiQuery(q): ApiQuery<RollingFormatQuery>,
) -> Result<Document, ApiError> {
    let format = Format::parse(q.format.as_deref())?;
    if format == Format::Markdown {
        return Err(ApiError::bad_request("invalid_format", "the rolling text is written in akn or docx"));
    }
    let backers = match q.members.as_deref() {
        None => Backers::Footnote,
        Some(m) => Backers::parse(m.trim())?,
    };
    if format == Format::Pdf {
        let job = {
            let state = app.store.state();
            let process = state.process(id)?;
            let lang = crate::http::pdf::language(q.language.as_deref(), process.language.as_str())?;
            let fonts = crate::http::pdf::fonts_for(&app.pdf, lang)?;
            let request = PdfRequest { lang, line_numbers: q.line_numbers.unwrap_or(false), backers, fonts };
            rolling_pdf_job(&state, id, request)?
        };
        return crate::http::pdf::typeset(&app.pdf, job).await;
    }
    let job = rolling_job(&app.store.state(), id, format, backers)?;
    run(job).await
}

/// The redline between two versions as a Word document with tracked changes, which a delegation accepts or rejects in Word or LibreOffice: insertions and deletions attributed to the member whose proposal made them, or to the chair's revision.
#[utoipa::path(get, path = "/api/v1/processes/{id}/redline/document", tag = "negotiation",
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), RedlineDocumentQuery),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = Vec<u8>),
        (status = 400, description = "unknown format, or from after to", body = ErrorBody), (status = 404, description = "unknown process or version", body = ErrorBody),
        (status = 409, description = "`no_symbol`: the process has no document symbol", body = ErrorBody)))]
pub async fn get_redline_document(
    State(app): State<AppState>,
    ProcessId(id): ProcessId,
    ApiQuery(q): ApiQuery<RedlineDocumentQuery>,
) -> Result<Document, ApiError> {
    docx_only(q.format.as_deref(), "a redline")?;
    let job = redline_job(&app.store.state(), id, &q.from, q.to.as_deref())?;
    run(job).await
}

/// The compilation of proposals article by article as a Word document: the text of each article of the latest version, then every proposal on it (tabled, agreed, rejected or merged) with its proposer, co-sponsors, request and justification.
#[utoipa::path(get, path = "/api/v1/processes/{id}/compilation/document", tag = "negotiation",
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), DocxQuery),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = Vec<u8>),
        (status = 400, description = "unknown format", body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "`no_symbol`: the process has no document symbol", body = ErrorBody)))]
pub async fn get_compilation_document(
    State(app): State<AppState>,
    ProcessId(id): ProcessId,
    ApiQuery(q): ApiQuery<DocxQuery>,
) -> Result<Document, ApiError> {
    docx_only(q.format.as_deref(), "the compilation")?;
    let job = compilation_job(&app.store.state(), id)?;
    run(job).await
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
