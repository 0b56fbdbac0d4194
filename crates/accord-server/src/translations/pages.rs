//! The pages of translations: a translator's page, listing each provision
//! of the current version with its translation into one language, its
//! status (missing, out of date, current), the redline of the original
//! since the version last translated when out of date, and a form to
//! record a translation; and a reader's view of the text in one language,
//! alone or side by side with the original, each provision carrying its
//! own `lang` and `dir`.

use accord_domain::negotiation::redline::{self, Change};
use accord_domain::translation::{self, Status};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::actions;
use super::api::process_in;
use crate::http::auth::{MaybeUser, WebUser};
use crate::http::error::ApiError;
use crate::http::ids::ProcessId;
use crate::http::page::PageQuery;
use crate::http::page::{error_page, render, urlencode, with_csrf, Chrome, CsrfForm, InPage, RequireUser};
use crate::AppState;

pub fn routes() -> crate::http::routes::Routes {
    crate::http::routes::Routes::new()
        .get("/processes/{id}/translations", translator_page)
        .post("/processes/{id}/translations", record)
        .get("/processes/{id}/read", reader_page)
}

/// The writing direction of a language: right to left for the scripts
/// written so (Arabic, Hebrew, Persian, Urdu...), else left to right.
pub(crate) fn direction(language: &str) -> &'static str {
    let primary = language.split('-').next().unwrap_or_default();
    match primary {
        "ar" | "he" | "fa" | "ur" | "ps" | "sd" | "ug" | "yi" | "dv" | "ckb" => "rtl",
        _ => "ltr",
    }
}

pub struct SegmentView {
    pub change: &'static str,
    pub text: String,
}

/// A provision on the translator's page.
pub struct TranslatorRow {
    pub eid: String,
    pub num: String,
    pub original: String,
    /// `missing`, `outdated` or `current`.
    pub status: &'static str,
    pub text: String,
    /// The version the translation renders (0 while missing).
    pub translated: u32,
    /// For an out-of-date translation: the original's changes since.
    pub redline: Vec<SegmentView>,
    /// The open proposals on the provision, each in the language it was
    /// tabled in, with its translation.
    pub proposals: Vec<ProposalRow>,
}

pub struct ProposalRow {
    /// "P-17".
    pub label: String,
    pub id: u64,
    pub words: String,
    /// The translation, empty while there is none.
    pub text: String,
}

#[derive(Template)]
#[template(path = "translations.html")]
struct TranslatorPage {
    chrome: Chrome,
    notice: bool,
    id: u64,
    title: String,
    language: String,
    dir: &'static str,
    original_language: String,
    original_dir: &'static str,
    /// The forum's other official languages, to switch to.
    languages: Vec<String>,
    version: u32,
    can_translate: bool,
    missing: usize,
    outdated: usize,
    rows: Vec<TranslatorRow>,
}

#[derive(Deserialize)]
struct TranslatorQuery {
    language: Option<String>,
    notice: Option<String>,
}

/// The official languages a process's text is translated into: all but
/// its original.
fn targets(state: &accord_domain::State, original: &accord_domain::ids::LanguageTag) -> Vec<String> {
    let official = state.forum.as_ref().map(|f| f.languages.as_slice()).unwrap_or_default();
    official.iter().filter(|l| *l != original).map(ToString::to_string).collect()
}

fn translator_view(
    app: &AppState,
    user: &Option<WebUser>,
    id: u64,
    language: Option<&str>,
    notice: bool,
) -> Result<TranslatorPage, ApiError> {
    let state = app.store.state();
    let process = state.process(id)?;
    let languages = targets(&state, &process.language);
    let language = match language.map(str::trim).filter(|l| !l.is_empty()) {
        Some(l) => l.to_owned(),
        None => languages.first().cloned().ok_or_else(|| {
            ApiError::from(accord_domain::Refusal::unprocessable(
                "unofficial_language",
                "this forum has one official language: there is nothing to translate into",
            ))
        })?,
    };
    let (process, language) = process_in(&state, id, &language)?;
    let can_translate = user
        .as_ref()
        .is_some_and(|u| state.rights(u.principal()).officer == Some(accord_domain::state::OfficerRole::Translator));
    let rows: Vec<TranslatorRow> = state
        .translations
        .rows(process, &language)
        .iter()
        .map(|r| {
            let original = translation::words(r.provision).to_owned();
            let redline = match (r.status, r.translated_words(process)) {
                (Status::Outdated, Some(old)) => redline::diff(old, &original)
                    .into_iter()
                    .map(|s| SegmentView {
                        change: match s.change {
                            Change::Equal => "equal",
                            Change::Insert => "insert",
                            Change::Delete => "delete",
                        },
                        text: s.text,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            TranslatorRow {
                eid: r.provision.eid.clone(),
                num: r.provision.num.clone(),
                original,
                status: r.status.as_str(),
                text: r.translation.map(|t| t.text.clone()).unwrap_or_default(),
                translated: r.translation.map_or(0, |t| t.version),
                redline,
                proposals: process
                    .proposals
                    .iter()
                    .filter(|p| p.is_open() && p.eid == r.provision.eid)
                    .filter(|p| !translation::proposal_words(p).is_empty())
                    .map(|p| ProposalRow {
                        label: p.label(),
                        id: p.id,
                        words: translation::proposal_words(p).to_owned(),
                        text: state
                            .translations
                            .proposal(id, p.id, &language)
                            .map(|t| t.text.clone())
                            .unwrap_or_default(),
                    })
                    .collect(),
            }
        })
        .collect();
    Ok(TranslatorPage {
        chrome: Chrome::new(app, user, "processes"),
        notice,
        id,
        title: process.title.clone(),
        dir: direction(language.as_str()),
        language: language.to_string(),
        original_dir: direction(process.language.as_str()),
        original_language: process.language.to_string(),
        languages,
        version: process.latest().number,
        can_translate,
        missing: rows.iter().filter(|r| r.status == "missing").count(),
        outdated: rows.iter().filter(|r| r.status == "outdated").count(),
        rows,
    })
}

async fn translator_page(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    InPage(ProcessId(id)): InPage<ProcessId>,
    PageQuery(q): PageQuery<TranslatorQuery>,
) -> Response {
    let notice = q.notice.as_deref() == Some("recorded");
    match translator_view(&app, &user, id, q.language.as_deref(), notice) {
        Ok(page) => render(StatusCode::OK, page),
        Err(e) => error_page(&app, &user, e),
    }
}

#[derive(Deserialize)]
struct TranslationForm {
    csrf: String,
    language: String,
    version: u32,
    eid: String,
    text: String,
    /// A proposal on the provision translated instead of the provision.
    proposal: Option<u64>,
}

/// A translator records a translation from their page.
async fn record(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(ProcessId(id)): InPage<ProcessId>,
    form: CsrfForm<TranslationForm>,
) -> Response {
    let user = Some(u.clone());
    let result = async {
        let form = form.check(&u)?;
        let language = accord_domain::ids::LanguageTag::parse(&form.language)?;
        let action =
            actions::record(id, language.clone(), form.version, form.eid.clone(), form.text.clone(), form.proposal);
        app.store.submit(u.principal(), action, None).await?;
        Ok::<_, ApiError>((language, form.eid.clone()))
    }
    .await;
    match result {
        Ok((language, eid)) => Redirect::to(&format!(
            "/processes/{id}/translations?language={}&notice=recorded#{}",
            urlencode(language.as_str()),
            urlencode(&eid)
        ))
        .into_response(),
        Err(e) => error_page(&app, &user, e),
    }
}

/// A provision in the reader's view.
pub struct ReadRow {
    pub eid: String,
    pub num: String,
    pub heading: bool,
    pub original: String,
    /// The translation, empty while missing.
    pub text: String,
    pub status: &'static str,
}

#[derive(Template)]
#[template(path = "read.html")]
struct ReaderPage {
    chrome: Chrome,
    id: u64,
    title: String,
    language: String,
    dir: &'static str,
    original_language: String,
    original_dir: &'static str,
    languages: Vec<String>,
    /// Side by side with the original.
    side: bool,
    /// The language asked for is the original's: only the original shows.
    original_only: bool,
    version: u32,
    rows: Vec<ReadRow>,
}

#[derive(Deserialize)]
struct ReaderQuery {
    language: Option<String>,
    side: Option<String>,
}

fn reader_view(app: &AppState, user: &Option<WebUser>, id: u64, q: &ReaderQuery) -> Result<ReaderPage, ApiError> {
    let state = app.store.state();
    let process = state.process(id)?;
    let languages = targets(&state, &process.language);
    let asked = q.language.as_deref().map(str::trim).filter(|l| !l.is_empty());
    let original_only = asked.is_none_or(|l| l == process.language.as_str());
    let language = match asked {
        Some(l) if !original_only => process_in(&state, id, l)?.1,
        _ => process.language.clone(),
    };
    let side = !original_only && q.side.as_deref().is_some_and(|s| s == "original");
    let rows = if original_only {
        process
            .latest()
            .instrument
            .provisions
            .iter()
            .filter(|p| !translation::words(p).is_empty())
            .map(|p| ReadRow {
                eid: p.eid.clone(),
                num: p.num.clone(),
                heading: !p.kind.has_text(),
                original: translation::words(p).to_owned(),
                text: String::new(),
                status: "current",
            })
            .collect()
    } else {
        state
            .translations
            .rows(process, &language)
            .iter()
            .map(|r| ReadRow {
                eid: r.provision.eid.clone(),
                num: r.provision.num.clone(),
                heading: !r.provision.kind.has_text(),
                original: translation::words(r.provision).to_owned(),
                text: r.translation.map(|t| t.text.clone()).unwrap_or_default(),
                status: r.status.as_str(),
            })
            .collect()
    };
    Ok(ReaderPage {
        chrome: Chrome::new(app, user, "processes"),
        id,
        title: process.title.clone(),
        dir: direction(language.as_str()),
        language: language.to_string(),
        original_dir: direction(process.language.as_str()),
        original_language: process.language.to_string(),
        languages,
        side,
        original_only,
        version: process.latest().number,
        rows,
    })
}

async fn reader_page(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    InPage(ProcessId(id)): InPage<ProcessId>,
    PageQuery(q): PageQuery<ReaderQuery>,
) -> Response {
    match reader_view(&app, &user, id, &q) {
        Ok(page) => render(StatusCode::OK, page),
        Err(e) => error_page(&app, &user, e),
    }
}

with_csrf!(TranslationForm);
