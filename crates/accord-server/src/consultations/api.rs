//! The JSON API of consultations.
//!
//! Reads are public, as the record is. The secretariat's acts need its
//! Bearer token. A participant acts either as a delegate (Bearer token:
//! their pseudonym derived from their account, category `delegation`) or
//! with the participant key Accord gave when they joined
//! (`X-Accord-Participant`); joining without either makes a key and
//! returns it once.

use accord_domain::consultation::ParticipantCategory;
use accord_domain::state::Principal;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use utoipa_axum::routes;

use super::participants::{self, ParticipantKey};
use super::shapes::*;
use super::{actions, analysis};
use crate::http::auth::ApiCaller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::ApiJson;
use crate::http::ids::*;
use crate::AppState;

pub fn routes() -> crate::http::routes::Routes {
    crate::http::routes::Routes::new()
        .api(routes!(list_consultations))
        .api(routes!(open_consultation))
        .api(routes!(get_consultation))
        .api(routes!(join))
        .api(routes!(add_statement))
        .api(routes!(next_statement))
        .api(routes!(moderate))
        .api(routes!(vote))
        .api(routes!(close))
        .api(routes!(get_analysis))
        .api(routes!(publish_analysis))
}

/// Who is acting as a participant over the API.
pub enum ApiParticipant {
    /// A delegate of a member, by Bearer token.
    Delegate { key: ParticipantKey, caller: ApiCaller },
    /// Someone with a participant key.
    Key(ParticipantKey),
    /// Neither.
    Nobody,
}

impl ApiParticipant {
    fn key(&self) -> Result<&ParticipantKey, ApiError> {
        match self {
            ApiParticipant::Delegate { key, .. } | ApiParticipant::Key(key) => Ok(key),
            ApiParticipant::Nobody => Err(ApiError::unauthorized(
                "join first: POST /api/v1/consultations/{id}/participants gives a participant key; send it as \
                 `X-Accord-Participant: KEY` (a delegate sends `Authorization: Bearer TOKEN`)",
            )),
        }
    }
}

impl FromRequestParts<AppState> for ApiParticipant {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Self::Rejection> {
        if parts.headers.contains_key(header::AUTHORIZATION) {
            let caller = ApiCaller::from_request_parts(parts, app).await?;
            let officer = app.store.state().delegate(caller.delegate.id).is_some_and(|d| d.member().is_none());
            if officer {
                return Err(ApiError::forbidden(
                    "officer_not_participant",
                    "the forum's officers run consultations and do not take part in them",
                ));
            }
            let key = ParticipantKey::of_delegate(app, caller.delegate.id);
            return Ok(ApiParticipant::Delegate { key, caller });
        }
        Ok(match participants::from_header(&parts.headers)? {
            Some(key) => ApiParticipant::Key(key),
            None => ApiParticipant::Nobody,
        })
    }
}

/// Records a participant's statement: its text first into the private
/// tables (where it waits for moderation), then the entry naming its hash.
pub async fn submit_statement(
    app: &AppState,
    id: u64,
    participant: accord_domain::ids::ParticipantId,
    text: &str,
) -> Result<accord_store::Appended, ApiError> {
    let parsed = accord_domain::ids::StatementText::parse(text)?;
    let sha256 = accord_domain::consultation::text_sha256(parsed.as_str());
    app.store.secret(&actions::pending_text_name(&sha256), parsed.as_str().as_bytes())?;
    let action = actions::statement(id, parsed.as_str(), false, Some(participant), None)?;
    Ok(app.store.submit(actions::SERVER, action, None).await?)
}

/// A pending statement's text, from the private tables.
pub fn pending_text(app: &AppState, sha256: &str) -> Result<Option<String>, ApiError> {
    let bytes = app.store.secret(&actions::pending_text_name(sha256), b"")?;
    Ok(String::from_utf8(bytes).ok().filter(|t| !t.is_empty()))
}

/// The action that accepts or rejects a statement: a participant's text
/// accepted for the first time goes into the record with it.
pub fn moderation(app: &AppState, id: u64, statement: u32, accepted: bool) -> Result<accord_domain::Action, ApiError> {
    let sha256 = {
        let state = app.store.state();
        let c = state.consultation(id)?;
        let s = c.statement(statement).ok_or_else(|| {
            ApiError::not_found("unknown_statement", format!("consultation {id} has no statement {statement}"))
        })?;
        (accepted && s.text.is_none()).then(|| s.text_sha256.clone())
    };
    let text = match sha256 {
        None => None,
        Some(h) => {
            let text = pending_text(app, &h)?.ok_or_else(|| {
                ApiError::new(
                    StatusCode::CONFLICT,
                    "text_missing",
                    format!("the text of statement {statement} is not on this server"),
                )
            })?;
            Some(accord_domain::ids::StatementText::parse(&text)?)
        }
    };
    Ok(actions::moderate(id, statement, accepted, text))
}

/// Every consultation.
#[utoipa::path(get, path = "/api/v1/consultations", tag = "consultations", responses((status = 200, body = Vec<ConsultationSummary>)))]
pub async fn list_consultations(State(app): State<AppState>) -> Json<Vec<ConsultationSummary>> {
    Json(app.store.state().consultations.iter().map(ConsultationSummary::of).collect())
}

/// Opens a consultation (secretariat), on a process's text or chosen provisions of it, or on no process.
#[utoipa::path(post, path = "/api/v1/consultations", request_body = OpenConsultationRequest, tag = "consultations", security(("bearer" = [])),
    responses((status = 201, body = ConsultationRecorded), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn open_consultation(
    State(app): State<AppState>,
    caller: ApiCaller,
    ApiJson(req): ApiJson<OpenConsultationRequest>,
) -> Result<(StatusCode, Json<ConsultationRecorded>), ApiError> {
    let action = actions::open(&req.title, &req.question, req.process, req.provisions)?;
    let appended = app.store.submit(caller.principal(), action, None).await?;
    let state = app.store.state();
    let c = state.consultations.iter().find(|c| c.entry == appended.entry.index).ok_or_else(ApiError::internal)?;
    Ok((
        StatusCode::CREATED,
        Json(ConsultationRecorded { consultation: ConsultationSummary::of(c), entry: (&appended).into() }),
    ))
}

/// A consultation with its accepted statements and their votes; for the
/// secretariat (Bearer token), every statement, pending ones with their text.
#[utoipa::path(get, path = "/api/v1/consultations/{id}", tag = "consultations", params(("id" = u64, Path)),
    responses((status = 200, body = ConsultationDetail), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_consultation(
    State(app): State<AppState>,
    ConsultationId(id): ConsultationId,
    SecretariatReader(everything): SecretariatReader,
) -> Result<Json<ConsultationDetail>, ApiError> {
    let (mut shown, pending) = {
        let state = app.store.state();
        let c = state.consultation(id)?;
        let pending: Vec<(u32, String)> =
            c.statements.iter().filter(|s| s.text.is_none()).map(|s| (s.id, s.text_sha256.clone())).collect();
        (detail(c, everything), pending)
    };
    // The secretariat moderates: it reads the texts not yet public.
    if everything {
        for (sid, sha256) in pending {
            let text = pending_text(&app, &sha256)?.unwrap_or_default();
            if let Some(s) = shown.statement_list.iter_mut().find(|s| s.id == sid) {
                s.text = text;
            }
        }
    }
    Ok(Json(shown))
}

/// Joins a consultation: a delegate by Bearer token (category `delegation`), anyone else with a category;
/// the answer carries a new participant key unless one was sent.
#[utoipa::path(post, path = "/api/v1/consultations/{id}/participants", request_body = JoinRequest, tag = "consultations", params(("id" = u64, Path), ("X-Accord-Participant" = Option<String>, Header, description = "the participant key Accord gave when joining (64 lowercase hex digits); a delegate sends a Bearer token instead")),
    responses((status = 201, body = Joined), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn join(
    State(app): State<AppState>,
    ConsultationId(id): ConsultationId,
    who: ApiParticipant,
    ApiJson(req): ApiJson<JoinRequest>,
) -> Result<(StatusCode, Json<Joined>), ApiError> {
    let (key, category, made) = match who {
        ApiParticipant::Delegate { key, .. } => {
            if req.category.as_deref().is_some_and(|c| c != "delegation") {
                return Err(ApiError::bad_request(
                    "invalid_category",
                    "a delegate takes part as `delegation`: leave the category out",
                ));
            }
            (key, ParticipantCategory::Delegation, false)
        }
        other => {
            let raw = req.category.as_deref().ok_or_else(|| {
                ApiError::bad_request(
                    "missing_category",
                    format!(
                        "say who you take part as: `category` is one of {}",
                        ParticipantCategory::OPEN.map(ParticipantCategory::as_str).join(", ")
                    ),
                )
            })?;
            let category = ParticipantCategory::parse_open(raw)?;
            match other {
                ApiParticipant::Key(key) => (key, category, false),
                _ => (ParticipantKey::generate(), category, true),
            }
        }
    };
    let participant = key.participant(id);
    let appended = app.store.submit(actions::SERVER, actions::join(id, participant.clone(), category), None).await?;
    Ok((
        StatusCode::CREATED,
        Json(Joined {
            participant: participant.as_str().to_owned(),
            category: category.as_str().to_owned(),
            key: made.then(|| key.hex()),
            entry: (&appended).into(),
        }),
    ))
}

/// Adds a statement: the secretariat's is shown at once (and may cite a proposal);
/// a participant's waits for moderation.
#[utoipa::path(post, path = "/api/v1/consultations/{id}/statements", request_body = ConsultationStatementRequest, tag = "consultations", params(("id" = u64, Path), ("X-Accord-Participant" = Option<String>, Header, description = "the participant key Accord gave when joining (64 lowercase hex digits); a delegate sends a Bearer token instead")),
    responses((status = 201, body = StatementRecorded), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn add_statement(
    State(app): State<AppState>,
    ConsultationId(id): ConsultationId,
    parts: RawCaller,
    ApiJson(req): ApiJson<ConsultationStatementRequest>,
) -> Result<(StatusCode, Json<StatementRecorded>), ApiError> {
    let (principal, action) = match parts {
        RawCaller::Secretariat(caller) => {
            (caller.principal(), actions::statement(id, &req.text, true, None, req.proposal)?)
        }
        RawCaller::Participant(who) => {
            let participant = who.key()?.participant(id);
            if req.proposal.is_some() {
                // Said as the actions say it.
                actions::statement(id, &req.text, false, Some(participant.clone()), req.proposal)?;
            }
            let appended = submit_statement(&app, id, participant, &req.text).await?;
            return statement_recorded(&app, id, appended);
        }
    };
    let appended = app.store.submit(principal, action, None).await?;
    statement_recorded(&app, id, appended)
}

fn statement_recorded(
    app: &AppState,
    id: u64,
    appended: accord_store::Appended,
) -> Result<(StatusCode, Json<StatementRecorded>), ApiError> {
    let state = app.store.state();
    let c = state.consultation(id)?;
    let s = c.statements.iter().rev().find(|s| s.entry == appended.entry.index).ok_or_else(ApiError::internal)?;
    Ok((
        StatusCode::CREATED,
        Json(StatementRecorded {
            statement: s.id,
            moderation: s.moderation.as_str().to_owned(),
            entry: (&appended).into(),
        }),
    ))
}

/// Whether a reader is the secretariat (by Bearer token); anyone else,
/// with another token or a bad one, reads what is public.
pub struct SecretariatReader(pub bool);

impl FromRequestParts<AppState> for SecretariatReader {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Self::Rejection> {
        if !parts.headers.contains_key(header::AUTHORIZATION) {
            return Ok(SecretariatReader(false));
        }
        // A public read: a token that is not the secretariat's, or not
        // valid, reads what everyone reads.
        Ok(SecretariatReader(match ApiCaller::from_request_parts(parts, app).await {
            Ok(caller) => app.store.state().rights(Principal::Delegate(caller.delegate.id)).is_secretariat(),
            Err(_) => false,
        }))
    }
}

/// The secretariat, or a participant, as the caller of `add_statement`.
pub enum RawCaller {
    Secretariat(ApiCaller),
    Participant(ApiParticipant),
}

impl FromRequestParts<AppState> for RawCaller {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Self::Rejection> {
        if parts.headers.contains_key(header::AUTHORIZATION) {
            let caller = ApiCaller::from_request_parts(parts, app).await?;
            let secretariat = app.store.state().rights(Principal::Delegate(caller.delegate.id)).is_secretariat();
            if secretariat {
                return Ok(RawCaller::Secretariat(caller));
            }
        }
        ApiParticipant::from_request_parts(parts, app).await.map(RawCaller::Participant)
    }
}

/// The next accepted statement the participant has not voted on.
#[utoipa::path(get, path = "/api/v1/consultations/{id}/next", tag = "consultations", params(("id" = u64, Path), ("X-Accord-Participant" = Option<String>, Header, description = "the participant key Accord gave when joining (64 lowercase hex digits); a delegate sends a Bearer token instead")),
    responses((status = 200, body = NextStatement), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn next_statement(
    State(app): State<AppState>,
    ConsultationId(id): ConsultationId,
    who: ApiParticipant,
) -> Result<Json<NextStatement>, ApiError> {
    let participant = who.key()?.participant(id);
    let state = app.store.state();
    let c = state.consultation(id)?;
    if !c.participants.contains_key(&participant) {
        return Err(ApiError::forbidden("not_a_participant", format!("join consultation {id} first")));
    }
    // A closed consultation takes no more votes.
    let left =
        if c.is_open() { participants::in_their_order(&participant, c.unvoted_by(&participant)) } else { Vec::new() };
    let statement = left.first().map(|s| StatementShape::of(s, &c.tally()));
    Ok(Json(NextStatement { statement, remaining: left.len() }))
}

/// Accepts or rejects a statement (secretariat).
#[utoipa::path(post, path = "/api/v1/consultations/{id}/statements/{stid}/moderation", request_body = ModerationRequest, tag = "consultations",
    params(("id" = u64, Path), ("stid" = u32, Path)), security(("bearer" = [])),
    responses((status = 200, body = Recorded), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn moderate(
    State(app): State<AppState>,
    caller: ApiCaller,
    ConsultationId(id): ConsultationId,
    StatementNumber(statement): StatementNumber,
    ApiJson(req): ApiJson<ModerationRequest>,
) -> Result<Json<Recorded>, ApiError> {
    let action = moderation(&app, id, statement, req.accepted)?;
    let appended = app.store.submit(caller.principal(), action, None).await?;
    Ok(Json(Recorded { entry: (&appended).into() }))
}

/// Votes agree, disagree or pass on an accepted statement; a later vote replaces the earlier.
#[utoipa::path(post, path = "/api/v1/consultations/{id}/votes", request_body = ConsultationVoteRequest, tag = "consultations", params(("id" = u64, Path), ("X-Accord-Participant" = Option<String>, Header, description = "the participant key Accord gave when joining (64 lowercase hex digits); a delegate sends a Bearer token instead")),
    responses((status = 200, body = Recorded), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn vote(
    State(app): State<AppState>,
    ConsultationId(id): ConsultationId,
    who: ApiParticipant,
    ApiJson(req): ApiJson<ConsultationVoteRequest>,
) -> Result<Json<Recorded>, ApiError> {
    let participant = who.key()?.participant(id);
    let action = actions::vote(id, participant, req.statement, &req.vote)?;
    let appended = app.store.submit(actions::SERVER, action, None).await?;
    Ok(Json(Recorded { entry: (&appended).into() }))
}

/// Closes a consultation (secretariat): no more statements or votes.
#[utoipa::path(post, path = "/api/v1/consultations/{id}/close", tag = "consultations", params(("id" = u64, Path)), security(("bearer" = [])),
    responses((status = 200, body = Recorded), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn close(
    State(app): State<AppState>,
    caller: ApiCaller,
    ConsultationId(id): ConsultationId,
) -> Result<Json<Recorded>, ApiError> {
    let appended = app.store.submit(caller.principal(), actions::close(id), None).await?;
    Ok(Json(Recorded { entry: (&appended).into() }))
}

/// The analysis as the consultation stands: the shape of `accord consult analyse --format json`
/// (`participants`, `groups`, `consensus`, `bridging`), with the `record_size` it was computed at,
/// the `engine` edition that computed it and the `digest` of the rest (SHA-256 of its compact JSON).
#[utoipa::path(get, path = "/api/v1/consultations/{id}/analysis", tag = "consultations", params(("id" = u64, Path)),
    responses((status = 200, description = "the analysis", content_type = "application/json"), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_analysis(
    State(app): State<AppState>,
    ConsultationId(id): ConsultationId,
) -> Result<Response, ApiError> {
    let computed = analysis::current(&app, id).await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], computed.json.clone()).into_response())
}

/// Publishes the current analysis in the record (secretariat): its record size and digest,
/// which `accord verify` recomputes.
#[utoipa::path(post, path = "/api/v1/consultations/{id}/analysis", tag = "consultations", params(("id" = u64, Path)), security(("bearer" = [])),
    responses((status = 201, body = AnalysisPublishedShape), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn publish_analysis(
    State(app): State<AppState>,
    caller: ApiCaller,
    ConsultationId(id): ConsultationId,
) -> Result<(StatusCode, Json<AnalysisPublishedShape>), ApiError> {
    let (record_size, digest, appended) = publish(&app, caller.principal(), id).await?;
    Ok((
        StatusCode::CREATED,
        Json(AnalysisPublishedShape {
            record_size,
            digest,
            engine: accord_domain::consultation::analysis::ENGINE,
            entry: (&appended).into(),
        }),
    ))
}

/// Publishes the current analysis: shared by the API and the page. If the
/// consultation changes between the analysis and the entry, the analysis
/// is made again (a few times, then the refusal is given).
pub async fn publish(
    app: &AppState,
    principal: Principal,
    id: u64,
) -> Result<(u64, String, accord_store::Appended), ApiError> {
    let mut tries = 0;
    loop {
        let computed = analysis::current(app, id).await?;
        let action = actions::publish(id, computed.record_size, computed.digest.clone());
        match app.store.submit(principal, action, None).await {
            Ok(appended) => return Ok((computed.record_size, computed.digest.clone(), appended)),
            Err(accord_store::StoreError::Refused(r)) if tries < 3 && r.code == "analysis_outdated" => tries += 1,
            Err(e) => return Err(e.into()),
        }
    }
}
