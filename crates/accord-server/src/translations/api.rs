//! The JSON API of translations: record one (a translator), read a
//! process's text in a language with each provision's status, and the
//! provisions whose translation is out of date.
//!
//! Reads are public, as the record is. A write needs a Bearer token and
//! answers once its entry is durable, with the entry.

use accord_domain::ids::LanguageTag;
use accord_domain::negotiation::Process;
use accord_domain::translation::{self, Status};
use accord_domain::State as ForumState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use utoipa_axum::routes;

use super::actions;
use super::shapes::*;
use crate::http::auth::ApiCaller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiQuery};
use crate::http::ids::ProcessId;
use crate::AppState;

pub fn routes() -> crate::http::routes::Routes {
    crate::http::routes::Routes::new()
        .api(routes!(record_translation))
        .api(routes!(list_translations))
        .api(routes!(list_outdated))
}

/// Records a translation of a provision of the current version into one of the forum's other official languages (a translator).
#[utoipa::path(post, path = "/api/v1/processes/{id}/translations", request_body = TranslationRequest, tag = "translations", security(("bearer" = [])),
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 201, body = TranslationRecordedJson),
        (status = 400, description = "malformed language tag, empty text, text against the Unicode policy", body = ErrorBody),
        (status = 403, description = "not a translator (`translator_only`)", body = ErrorBody),
        (status = 404, description = "unknown process, provision (`unknown_provision`) or proposal", body = ErrorBody),
        (status = 409, description = "not the current version (`wrong_version`), or these words are recorded already for this version (`translation_unchanged`)", body = ErrorBody),
        (status = 422, description = "not an official language, or the original's (`unofficial_language`, `original_language`)", body = ErrorBody)))]
pub async fn record_translation(
    State(app): State<AppState>,
    caller: ApiCaller,
    ProcessId(id): ProcessId,
    ApiJson(req): ApiJson<TranslationRequest>,
) -> Result<(StatusCode, Json<TranslationRecordedJson>), ApiError> {
    let language = LanguageTag::parse(&req.language)?;
    let action = actions::record(id, language.clone(), req.version, req.eid.clone(), req.text, req.proposal);
    let appended = app.store.submit(caller.principal(), action, None).await?;
    Ok((
        StatusCode::CREATED,
        Json(TranslationRecordedJson {
            entry: (&appended).into(),
            language: language.to_string(),
            version: req.version,
            eid: req.eid,
            proposal: req.proposal,
        }),
    ))
}

/// The current version in a language: each provision's original words and translation, with the version it translates and whether it is current.
#[utoipa::path(get, path = "/api/v1/processes/{id}/translations", tag = "translations",
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), LanguageQuery),
    responses((status = 200, body = TranslationsJson), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, description = "not an official language, or the original's", body = ErrorBody)))]
pub async fn list_translations(
    State(app): State<AppState>,
    ProcessId(id): ProcessId,
    ApiQuery(q): ApiQuery<LanguageQuery>,
) -> Result<Json<TranslationsJson>, ApiError> {
    Ok(Json(translations_json(&app.store.state(), id, &q.language, |_| true)?))
}

/// The provisions whose translation into a language is out of date: the original changed since the version translated.
#[utoipa::path(get, path = "/api/v1/processes/{id}/translations/outdated", tag = "translations",
    params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), LanguageQuery),
    responses((status = 200, body = TranslationsJson), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, description = "not an official language, or the original's", body = ErrorBody)))]
pub async fn list_outdated(
    State(app): State<AppState>,
    ProcessId(id): ProcessId,
    ApiQuery(q): ApiQuery<LanguageQuery>,
) -> Result<Json<TranslationsJson>, ApiError> {
    Ok(Json(translations_json(&app.store.state(), id, &q.language, |s| s == Status::Outdated)?))
}

/// The process and the language a translation is read in, checked as the
/// domain checks a translation's.
pub(crate) fn process_in<'s>(
    state: &'s ForumState,
    id: u64,
    language: &str,
) -> Result<(&'s Process, LanguageTag), ApiError> {
    let process = state.process(id)?;
    let language = LanguageTag::parse(language)?;
    translation::check_language(state, process, &language)?;
    Ok((process, language))
}

fn translations_json(
    state: &ForumState,
    id: u64,
    language: &str,
    keep: impl Fn(Status) -> bool,
) -> Result<TranslationsJson, ApiError> {
    let (process, language) = process_in(state, id, language)?;
    let rows = state.translations.rows(process, &language);
    let current = rows.iter().filter(|r| r.status == Status::Current).count();
    let provisions_total = rows.len();
    let provisions = rows
        .into_iter()
        .filter(|r| keep(r.status))
        .map(|r| ProvisionTranslationJson {
            eid: r.provision.eid.clone(),
            original: translation::words(r.provision).to_owned(),
            status: r.status.as_str().to_owned(),
            version: r.translation.map(|t| t.version),
            current: r.status == Status::Current,
            text: r.translation.map(|t| t.text.clone()),
            entry: r.translation.map(|t| t.entry),
        })
        .collect();
    let proposals = state
        .translations
        .of(id)
        .map(|t| {
            t.proposals
                .iter()
                // An open proposal's words do not change: its translation
                // stays current, and the out-of-date list holds none.
                .filter(|((_, l), _)| *l == language && keep(Status::Current))
                .filter_map(|((p, _), tr)| {
                    let proposal = process.proposal(*p).ok().filter(|p| p.is_open())?;
                    Some(ProposalTranslationJson {
                        proposal: *p,
                        eid: proposal.eid.clone(),
                        original: translation::proposal_words(proposal).to_owned(),
                        text: tr.text.clone(),
                        entry: tr.entry,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(TranslationsJson {
        proposals,
        process: id,
        language: language.to_string(),
        original_language: process.language.to_string(),
        version: process.latest().number,
        current,
        provisions_total,
        provisions,
    })
}
