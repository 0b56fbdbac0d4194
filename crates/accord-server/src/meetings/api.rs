//! The JSON API of meetings and decisions: rules of procedure, sessions,
//! meetings and attendance, recorded votes, consensus and silence
//! procedures. Reads are public; writes need a Bearer token and answer once
//! their entry is durable.
//!
//! `run_silence_scheduler` concludes silence procedures when their
//! deadline comes on the application's clock (`Config::clock`); the domain
//! makes it idempotent and never early, and after a restart it finds them
//! in the replayed state. The live event stream
//! (`GET /api/v1/events`) is part of the record's API.

use accord_domain::decisions::{
    AttendanceCorrected, AttendanceRegistered, BallotCast, Choice, ConsensusRef, DecisionRef, ImportantQuestion,
    Majority, MeetingRef, Rules, RulesChanged, VoteRef,
};
use accord_domain::state::{Action, Principal};
use accord_domain::{EntryBody, State as DomainState};
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::routes;

use super::actions;
use super::shapes::*;
use crate::http::auth::ApiCaller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::ApiJson;
use crate::http::ids::*;
use crate::http::ranges;
use crate::http::time::rfc3339;
use crate::shared::*;
use crate::AppState;

pub fn routes() -> crate::http::routes::Routes {
    crate::http::routes::Routes::new()
        .api(routes!(get_forum_rules))
        .api(routes!(put_forum_rules))
        .api(routes!(get_rules))
        .api(routes!(put_rules))
        .api(routes!(list_decisions))
        .api(routes!(open_vote))
        .api(routes!(propose_consensus))
        .api(routes!(start_silence))
        .api(routes!(list_important))
        .api(routes!(designate_important))
        .api(routes!(list_sessions))
        .api(routes!(open_session))
        .api(routes!(get_session))
        .api(routes!(schedule_meeting))
        .api(routes!(get_meeting))
        .api(routes!(open_meeting))
        .api(routes!(close_meeting))
        .api(routes!(register_attendance))
        .api(routes!(leave_meeting))
        .api(routes!(correct_attendance))
        .api(routes!(add_agenda_item))
        .api(routes!(request_floor))
        .api(routes!(withdraw_request))
        .api_limited(routes!(deliver_statement), crate::http::extract::MAX_DRAFT_REQUEST)
        .api(routes!(next_speaker))
        .api(routes!(set_speaking_time))
        .api(routes!(summary))
        .api(routes!(summary_document))
        .api(routes!(get_vote))
        .api(routes!(cast_ballot))
        .api(routes!(explain_vote))
        .api(routes!(close_vote))
        .api(routes!(get_consensus))
        .api(routes!(object))
        .api(routes!(declare))
        .api(routes!(get_decision))
        .api(routes!(confirm))
        .api(routes!(get_silence))
        .api(routes!(break_silence))
}

pub(crate) async fn record(
    app: &AppState,
    caller: &ApiCaller,
    body: EntryBody,
) -> Result<accord_store::Appended, ApiError> {
    Ok(app.store.submit(caller.principal(), Action::Negotiate(Box::new(body)), None).await?)
}

pub(crate) fn read<T>(app: &AppState, f: impl FnOnce(&DomainState) -> Result<T, ApiError>) -> Result<T, ApiError> {
    f(&app.store.state())
}

// ---- rules ----

/// Rules as the API shows them: every field, `informal_agreement`
/// included (the record writes it only when false).
fn rules_json(rules: &Rules) -> Json<serde_json::Value> {
    let mut v = serde_json::to_value(rules).unwrap_or_default();
    v["informal_agreement"] = rules.informal_agreement.into();
    Json(v)
}

/// A change of rules: the fields given replace those of `current`, the
/// others stay as they are.
fn merged_rules(current: &Rules, change: serde_json::Value) -> Result<Rules, ApiError> {
    let serde_json::Value::Object(change) = change else {
        return Err(ApiError::bad_request("malformed_request", "the rules are a JSON object"));
    };
    let mut v = serde_json::to_value(current).unwrap_or_default();
    for (k, x) in change {
        v[k] = x;
    }
    let rules: Rules = serde_json::from_value(v).map_err(|e| {
        ApiError::bad_request(
            "invalid_rules",
            format!("the rules: {}", crate::http::error::plain_serde_message(&e.to_string())),
        )
    })?;
    ranges::within("silence_min_hours", rules.silence_min_hours, 0, accord_domain::decisions::SILENCE_MAX_HOURS)?;
    for (what, share) in [("meeting_quorum", rules.meeting_quorum), ("decision_quorum", rules.decision_quorum)] {
        let max = accord_domain::decisions::SHARE_MAX_DENOMINATOR;
        ranges::within(&format!("the denominator of {what}"), share.denominator, 1, max)?;
        ranges::within(&format!("the numerator of {what}"), share.numerator, 0, share.denominator)?;
    }
    Ok(rules)
}

/// The forum's rules of procedure.
#[utoipa::path(get, path = "/api/v1/rules", tag = "decisions", responses((status = 200, body = Object)))]
pub async fn get_forum_rules(State(app): State<AppState>) -> Json<serde_json::Value> {
    rules_json(&app.store.state().proceedings.rules)
}

/// Changes the forum's rules of procedure (secretariat): an entry.
#[utoipa::path(put, path = "/api/v1/rules", tag = "decisions", security(("bearer" = [])), request_body = Object,
    responses((status = 200, body = Object), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn put_forum_rules(
    State(app): State<AppState>,
    caller: ApiCaller,
    ApiJson(change): ApiJson<serde_json::Value>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let rules = merged_rules(&app.store.state().proceedings.rules, change)?;
    record(&app, &caller, EntryBody::RulesChanged(RulesChanged { process: None, rules })).await?;
    Ok(rules_json(&app.store.state().proceedings.rules))
}

/// The rules of procedure that apply to a process (its own, or the forum's).
#[utoipa::path(get, path = "/api/v1/processes/{id}/rules", tag = "decisions", params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 200, description = "`{majority, important_majority, abstentions, meeting_quorum, decision_quorum, silence_min_hours, informal_agreement}`", body = Object), (status = 404, body = ErrorBody)))]
pub async fn get_rules(
    State(app): State<AppState>,
    ProcessId(id): ProcessId,
) -> Result<Json<serde_json::Value>, ApiError> {
    read(&app, |s| {
        s.process(id)?;
        Ok(rules_json(s.proceedings.rules_for(id)))
    })
}

/// Sets the rules of procedure of one process (secretariat): an entry.
#[utoipa::path(put, path = "/api/v1/processes/{id}/rules", tag = "decisions", security(("bearer" = [])), params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)), request_body = Object,
    responses((status = 200, body = Object), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn put_rules(
    State(app): State<AppState>,
    caller: ApiCaller,
    ProcessId(id): ProcessId,
    ApiJson(change): ApiJson<serde_json::Value>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let rules = read(&app, |s| {
        s.process(id)?;
        merged_rules(s.proceedings.rules_for(id), change)
    })?;
    record(&app, &caller, EntryBody::RulesChanged(RulesChanged { process: Some(id), rules })).await?;
    read(&app, |s| Ok(rules_json(s.proceedings.rules_for(id))))
}

/// Every decision of a process: method, target, outcome and the entry that recorded it.
#[utoipa::path(get, path = "/api/v1/processes/{id}/decisions", tag = "decisions", params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 200, body = Vec<DecisionJson>), (status = 404, body = ErrorBody)))]
pub async fn list_decisions(
    State(app): State<AppState>,
    ProcessId(id): ProcessId,
) -> Result<Json<Vec<DecisionJson>>, ApiError> {
    read(&app, |s| {
        s.process(id)?;
        Ok(Json(s.proceedings.decisions.iter().filter(|d| d.process == id).map(decision_json).collect()))
    })
}

/// One decision.
#[utoipa::path(get, path = "/api/v1/decisions/{did}", tag = "decisions", params(("did" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 200, body = DecisionJson), (status = 404, body = ErrorBody)))]
pub async fn get_decision(
    State(app): State<AppState>,
    DecisionId(did): DecisionId,
) -> Result<Json<DecisionJson>, ApiError> {
    read(&app, |s| Ok(Json(decision_json(s.proceedings.decision(did)?))))
}

/// The chair confirms a decision agreed ad referendum: it takes effect.
#[utoipa::path(post, path = "/api/v1/decisions/{did}/confirm", tag = "decisions", security(("bearer" = [])), params(("did" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 201, body = DecisionJson), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn confirm(
    State(app): State<AppState>,
    caller: ApiCaller,
    DecisionId(did): DecisionId,
) -> Result<(StatusCode, Json<DecisionJson>), ApiError> {
    record(&app, &caller, EntryBody::DecisionConfirmed(DecisionRef { decision: did })).await?;
    read(&app, |s| Ok((StatusCode::CREATED, Json(decision_json(s.proceedings.decision(did)?)))))
}

// ---- sessions and meetings ----

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionRequest {
    pub title: String,
}

/// Opens a session (secretariat); answers `{"id"}`.
#[utoipa::path(post, path = "/api/v1/sessions", tag = "meetings", security(("bearer" = [])), request_body = SessionRequest,
    responses((status = 201, body = Created), (status = 403, body = ErrorBody)))]
pub async fn open_session(
    State(app): State<AppState>,
    caller: ApiCaller,
    ApiJson(req): ApiJson<SessionRequest>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let appended = record(&app, &caller, actions::session(&req.title)).await?;
    let id = read(&app, |s| Ok(s.proceedings.sessions.iter().find(|x| x.entry == appended.entry.index).map(|x| x.id)))?;
    Ok((StatusCode::CREATED, Json(Created { id: id.ok_or_else(ApiError::internal)?, entry: (&appended).into() })))
}

/// Every session with its meetings.
#[utoipa::path(get, path = "/api/v1/sessions", tag = "meetings", responses((status = 200, body = Vec<SessionJson>)))]
pub async fn list_sessions(State(app): State<AppState>) -> Json<Vec<SessionJson>> {
    let s = app.store.state();
    Json(s.proceedings.sessions.iter().map(|x| session_json(&s, x)).collect())
}

pub(crate) fn session_json(s: &DomainState, x: &accord_domain::decisions::Session) -> SessionJson {
    SessionJson {
        id: x.id,
        title: x.title.clone(),
        entry: x.entry,
        meetings: x
            .meetings
            .iter()
            .filter_map(|m| s.proceedings.meeting(*m).ok())
            .map(|m| meeting_json(s, m))
            .collect(),
    }
}

/// One session.
#[utoipa::path(get, path = "/api/v1/sessions/{sid}", tag = "meetings", params(("sid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 200, body = SessionJson), (status = 404, body = ErrorBody)))]
pub async fn get_session(
    State(app): State<AppState>,
    SessionId(sid): SessionId,
) -> Result<Json<SessionJson>, ApiError> {
    read(&app, |s| {
        let x = s
            .proceedings
            .sessions
            .get(sid as usize - 1)
            .ok_or_else(|| ApiError::not_found("unknown_session", format!("there is no session {sid}")))?;
        Ok(Json(session_json(s, x)))
    })
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingRequest {
    /// YYYY-MM-DD, a real day between 1900-01-01 and 9999-12-31.
    pub date: String,
    pub place: String,
}

/// Schedules a meeting of a session (secretariat); answers `{"id"}`.
#[utoipa::path(post, path = "/api/v1/sessions/{sid}/meetings", tag = "meetings", security(("bearer" = [])), params(("sid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)), request_body = MeetingRequest,
    responses((status = 201, body = Created), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn schedule_meeting(
    State(app): State<AppState>,
    caller: ApiCaller,
    SessionId(session): SessionId,
    ApiJson(req): ApiJson<MeetingRequest>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let appended = record(&app, &caller, actions::meeting(session, &req.date, &req.place)).await?;
    let id = read(&app, |s| Ok(s.proceedings.meetings.iter().find(|m| m.entry == appended.entry.index).map(|m| m.id)))?;
    Ok((StatusCode::CREATED, Json(Created { id: id.ok_or_else(ApiError::internal)?, entry: (&appended).into() })))
}

/// One meeting with its attendance.
#[utoipa::path(get, path = "/api/v1/meetings/{mid}", tag = "meetings", params(("mid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 200, body = MeetingJson), (status = 404, body = ErrorBody)))]
pub async fn get_meeting(
    State(app): State<AppState>,
    MeetingId(mid): MeetingId,
) -> Result<Json<MeetingJson>, ApiError> {
    read(&app, |s| Ok(Json(meeting_json(s, s.proceedings.meeting(mid)?))))
}

/// A delegation registers its member present.
#[utoipa::path(post, path = "/api/v1/meetings/{mid}/attendance", tag = "meetings", security(("bearer" = [])), params(("mid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 201, body = MeetingJson), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn register_attendance(
    State(app): State<AppState>,
    caller: ApiCaller,
    MeetingId(meeting): MeetingId,
) -> Result<(StatusCode, Json<MeetingJson>), ApiError> {
    record(&app, &caller, EntryBody::AttendanceRegistered(AttendanceRegistered { meeting })).await?;
    read(&app, |s| Ok((StatusCode::CREATED, Json(meeting_json(s, s.proceedings.meeting(meeting)?)))))
}

/// A delegation records that it has left the meeting (an
/// `attendance.corrected` entry by the delegation itself).
#[utoipa::path(delete, path = "/api/v1/meetings/{mid}/attendance", tag = "meetings", security(("bearer" = [])), params(("mid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 200, body = MeetingJson), (status = 403, body = ErrorBody), (status = 409, description = "not present, or the meeting is closed", body = ErrorBody)))]
pub async fn leave_meeting(
    State(app): State<AppState>,
    caller: ApiCaller,
    MeetingId(meeting): MeetingId,
) -> Result<Json<MeetingJson>, ApiError> {
    let member = match caller.principal() {
        Principal::Delegate(d) => app.store.state().delegate(d).and_then(|x| x.member().cloned()),
        _ => None,
    }
    .ok_or_else(|| ApiError::forbidden("delegation_only", "only a delegation leaves a meeting"))?;
    record(&app, &caller, EntryBody::AttendanceCorrected(AttendanceCorrected { meeting, member, present: false }))
        .await?;
    read(&app, |s| Ok(Json(meeting_json(s, s.proceedings.meeting(meeting)?))))
}

/// The chair opens a meeting; refused (422 `no_quorum`) until the quorum
/// to open is present. Questions are put, and the floor given, only in an
/// open meeting.
#[utoipa::path(post, path = "/api/v1/meetings/{mid}/open", tag = "meetings", security(("bearer" = [])), params(("mid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 200, body = MeetingJson), (status = 403, body = ErrorBody), (status = 409, description = "already open, or closed", body = ErrorBody), (status = 422, description = "no quorum", body = ErrorBody)))]
pub async fn open_meeting(
    State(app): State<AppState>,
    caller: ApiCaller,
    MeetingId(meeting): MeetingId,
) -> Result<Json<MeetingJson>, ApiError> {
    record(&app, &caller, EntryBody::MeetingOpened(MeetingRef { meeting })).await?;
    read(&app, |s| Ok(Json(meeting_json(s, s.proceedings.meeting(meeting)?))))
}

/// The chair closes a meeting; refused (409 `decision_pending`) while a
/// vote in it is open or a consensus awaits its declaration.
#[utoipa::path(post, path = "/api/v1/meetings/{mid}/close", tag = "meetings", security(("bearer" = [])), params(("mid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 200, body = MeetingJson), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn close_meeting(
    State(app): State<AppState>,
    caller: ApiCaller,
    MeetingId(meeting): MeetingId,
) -> Result<Json<MeetingJson>, ApiError> {
    record(&app, &caller, EntryBody::MeetingClosed(MeetingRef { meeting })).await?;
    read(&app, |s| Ok(Json(meeting_json(s, s.proceedings.meeting(meeting)?))))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendanceRequest {
    pub present: bool,
}

/// The secretariat corrects the attendance list.
#[utoipa::path(put, path = "/api/v1/meetings/{mid}/attendance/{member}", tag = "meetings", security(("bearer" = [])),
    params(("mid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), ("member" = String, Path)), request_body = AttendanceRequest,
    responses((status = 200, body = MeetingJson), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn correct_attendance(
    State(app): State<AppState>,
    caller: ApiCaller,
    MeetingId(meeting): MeetingId,
    AttendeeParam(member): AttendeeParam,
    ApiJson(req): ApiJson<AttendanceRequest>,
) -> Result<Json<MeetingJson>, ApiError> {
    record(
        &app,
        &caller,
        EntryBody::AttendanceCorrected(AttendanceCorrected { meeting, member, present: req.present }),
    )
    .await?;
    read(&app, |s| Ok(Json(meeting_json(s, s.proceedings.meeting(meeting)?))))
}

// ---- important questions ----

#[derive(Serialize, ToSchema)]
pub struct ImportantJson {
    pub target: TargetJson,
    /// What the designation covers, in words.
    pub label: String,
    pub entry: u64,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportantRequest {
    pub target: TargetJson,
}

fn important_json(s: &DomainState, process: u64) -> Vec<ImportantJson> {
    s.proceedings
        .important
        .iter()
        .filter(|(p, _, _)| *p == process)
        .map(|(_, t, entry)| ImportantJson { target: TargetJson::of(t), label: t.label(), entry: *entry })
        .collect()
}

/// The questions of a process designated important: votes on them, and on
/// amendments to them (a provision covers what it contains; the
/// instrument covers everything), need the rules' important majority.
#[utoipa::path(get, path = "/api/v1/processes/{id}/important-questions", tag = "decisions", params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 200, body = Vec<ImportantJson>), (status = 404, body = ErrorBody)))]
pub async fn list_important(
    State(app): State<AppState>,
    ProcessId(id): ProcessId,
) -> Result<Json<Vec<ImportantJson>>, ApiError> {
    read(&app, |s| {
        s.process(id)?;
        Ok(Json(important_json(s, id)))
    })
}

/// The chair designates a question important (an entry); answers the list.
#[utoipa::path(post, path = "/api/v1/processes/{id}/important-questions", tag = "decisions", security(("bearer" = [])), params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)), request_body = ImportantRequest,
    responses((status = 201, body = Vec<ImportantJson>), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 409, description = "already designated", body = ErrorBody)))]
pub async fn designate_important(
    State(app): State<AppState>,
    caller: ApiCaller,
    ProcessId(process): ProcessId,
    ApiJson(req): ApiJson<ImportantRequest>,
) -> Result<(StatusCode, Json<Vec<ImportantJson>>), ApiError> {
    let target = req.target.parse()?;
    record(&app, &caller, EntryBody::ImportantQuestionDesignated(ImportantQuestion { process, target })).await?;
    read(&app, |s| Ok((StatusCode::CREATED, Json(important_json(s, process)))))
}

// ---- votes ----

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VoteRequest {
    pub target: TargetJson,
    /// simple or two_thirds. Without it, the rules decide: their
    /// `important_majority` for an important question (or an amendment to
    /// one), their `majority` otherwise. An important question put with
    /// another majority is refused (422 `important_question`).
    #[schema(value_type = Option<String>)]
    pub majority: Option<Majority>,
    /// The meeting's number (1 to 2^53 − 1).
    #[schema(minimum = 1, maximum = 9007199254740991_u64)]
    pub meeting: u64,
    /// The version of the text the question is put on; without it, the
    /// latest. A version that is not the latest is refused (409
    /// `version_changed`), so that a chair never puts a text changed
    /// since they looked at it.
    pub version: Option<u32>,
}

/// The chair opens a recorded vote; answers `{"id"}`.
#[utoipa::path(post, path = "/api/v1/processes/{id}/votes", tag = "decisions", security(("bearer" = [])), params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)), request_body = VoteRequest,
    responses((status = 201, body = Created), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn open_vote(
    State(app): State<AppState>,
    caller: ApiCaller,
    ProcessId(process): ProcessId,
    ApiJson(req): ApiJson<VoteRequest>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let target = req.target.parse()?;
    let body = read(&app, |s| {
        // Without a majority named, the rules' majority for the target: the
        // process must exist to say it (checked before the meeting's range).
        if req.majority.is_none() {
            s.process(process)?;
        }
        let meeting = ranges::within("meeting", req.meeting, 1, ranges::MAX_ID)?;
        Ok(actions::open_vote(s, process, target, req.majority, meeting, req.version))
    })?;
    let appended = record(&app, &caller, body).await?;
    let vid = read(&app, |s| Ok(s.proceedings.votes.iter().find(|v| v.entry == appended.entry.index).map(|v| v.id)))?;
    Ok((StatusCode::CREATED, Json(Created { id: vid.ok_or_else(ApiError::internal)?, entry: (&appended).into() })))
}

/// A vote, its ballots and its tally as it stands.
#[utoipa::path(get, path = "/api/v1/votes/{vid}", tag = "decisions", params(("vid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 200, body = VoteJson), (status = 404, body = ErrorBody)))]
pub async fn get_vote(State(app): State<AppState>, VoteId(vid): VoteId) -> Result<Json<VoteJson>, ApiError> {
    read(&app, |s| Ok(Json(vote_json(s, s.proceedings.vote(vid)?))))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BallotRequest {
    /// yes, no or abstain.
    #[schema(value_type = String)]
    pub choice: Choice,
}

/// A delegate votes for their own member; a later ballot before closing replaces it.
#[utoipa::path(post, path = "/api/v1/votes/{vid}/ballots", tag = "decisions", security(("bearer" = [])), params(("vid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)), request_body = BallotRequest,
    responses((status = 201, body = VoteJson), (status = 403, description = "an observer, an adviser, an officer", body = ErrorBody), (status = 409, description = "the vote is closed", body = ErrorBody), (status = 422, description = "not present", body = ErrorBody)))]
pub async fn cast_ballot(
    State(app): State<AppState>,
    caller: ApiCaller,
    VoteId(vote): VoteId,
    ApiJson(req): ApiJson<BallotRequest>,
) -> Result<(StatusCode, Json<VoteJson>), ApiError> {
    record(&app, &caller, EntryBody::BallotCast(BallotCast { vote, choice: req.choice })).await?;
    read(&app, |s| Ok((StatusCode::CREATED, Json(vote_json(s, s.proceedings.vote(vote)?)))))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TextRequest {
    pub text: String,
}

/// An explanation of vote (before or after the vote closes).
#[utoipa::path(post, path = "/api/v1/votes/{vid}/explanations", tag = "decisions", security(("bearer" = [])), params(("vid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)), request_body = TextRequest,
    responses((status = 201, body = VoteJson), (status = 403, body = ErrorBody)))]
pub async fn explain_vote(
    State(app): State<AppState>,
    caller: ApiCaller,
    VoteId(vote): VoteId,
    ApiJson(req): ApiJson<TextRequest>,
) -> Result<(StatusCode, Json<VoteJson>), ApiError> {
    record(&app, &caller, actions::explanation(vote, &req.text)).await?;
    read(&app, |s| Ok((StatusCode::CREATED, Json(vote_json(s, s.proceedings.vote(vote)?)))))
}

/// The chair closes a vote; answers the tally.
#[utoipa::path(post, path = "/api/v1/votes/{vid}/close", tag = "decisions", security(("bearer" = [])), params(("vid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 200, body = TallyJson), (status = 403, body = ErrorBody), (status = 409, description = "already closed", body = ErrorBody), (status = 422, description = "no quorum", body = ErrorBody)))]
pub async fn close_vote(
    State(app): State<AppState>,
    caller: ApiCaller,
    VoteId(vote): VoteId,
) -> Result<Json<TallyJson>, ApiError> {
    record(&app, &caller, EntryBody::VoteClosed(VoteRef { vote })).await?;
    read(&app, |s| {
        let v = s.proceedings.vote(vote)?;
        let d = v
            .decision
            .and_then(|d| s.proceedings.decision(d).ok())
            .and_then(|d| d.tally)
            .ok_or_else(ApiError::internal)?;
        Ok(Json(d.into()))
    })
}

// ---- consensus ----

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsensusRequest {
    pub target: TargetJson,
    /// The meeting's number (1 to 2^53 − 1).
    #[schema(minimum = 1, maximum = 9007199254740991_u64)]
    pub meeting: u64,
    /// Agreed ad referendum, subject to confirmation.
    #[serde(default)]
    pub ad_referendum: bool,
    /// The version of the text the question is put on; without it, the
    /// latest. A version that is not the latest is refused (409
    /// `version_changed`), so that a chair never puts a text changed
    /// since they looked at it.
    pub version: Option<u32>,
}

/// The chair proposes adoption by consensus; answers `{"id"}`.
#[utoipa::path(post, path = "/api/v1/processes/{id}/consensus", tag = "decisions", security(("bearer" = [])), params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)), request_body = ConsensusRequest,
    responses((status = 201, body = Created), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn propose_consensus(
    State(app): State<AppState>,
    caller: ApiCaller,
    ProcessId(process): ProcessId,
    ApiJson(req): ApiJson<ConsensusRequest>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let body = actions::consensus(
        process,
        req.target.parse()?,
        ranges::within("meeting", req.meeting, 1, ranges::MAX_ID)?,
        req.ad_referendum,
        req.version,
    );
    let appended = record(&app, &caller, body).await?;
    let cid =
        read(&app, |s| Ok(s.proceedings.consensus.iter().find(|c| c.entry == appended.entry.index).map(|c| c.id)))?;
    Ok((StatusCode::CREATED, Json(Created { id: cid.ok_or_else(ApiError::internal)?, entry: (&appended).into() })))
}

/// A consensus proposal and its objections.
#[utoipa::path(get, path = "/api/v1/consensus/{cid}", tag = "decisions", params(("cid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 200, body = ConsensusJson), (status = 404, body = ErrorBody)))]
pub async fn get_consensus(
    State(app): State<AppState>,
    ConsensusId(cid): ConsensusId,
) -> Result<Json<ConsensusJson>, ApiError> {
    read(&app, |s| Ok(Json(consensus_json(s.proceedings.consensus(cid)?))))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonRequest {
    pub reason: String,
}

/// A member present objects to consensus.
#[utoipa::path(post, path = "/api/v1/consensus/{cid}/objections", tag = "decisions", security(("bearer" = [])), params(("cid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)), request_body = ReasonRequest,
    responses((status = 201, body = ConsensusJson), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn object(
    State(app): State<AppState>,
    caller: ApiCaller,
    ConsensusId(consensus): ConsensusId,
    ApiJson(req): ApiJson<ReasonRequest>,
) -> Result<(StatusCode, Json<ConsensusJson>), ApiError> {
    record(&app, &caller, actions::objection(consensus, &req.reason)).await?;
    read(&app, |s| Ok((StatusCode::CREATED, Json(consensus_json(s.proceedings.consensus(consensus)?)))))
}

/// The chair declares the outcome: adopted (or agreed ad referendum) without objection, otherwise not adopted.
#[utoipa::path(post, path = "/api/v1/consensus/{cid}/declare", tag = "decisions", security(("bearer" = [])), params(("cid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 201, body = DecisionJson), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, description = "no quorum", body = ErrorBody)))]
pub async fn declare(
    State(app): State<AppState>,
    caller: ApiCaller,
    ConsensusId(consensus): ConsensusId,
) -> Result<(StatusCode, Json<DecisionJson>), ApiError> {
    record(&app, &caller, EntryBody::ConsensusDeclared(ConsensusRef { consensus })).await?;
    read(&app, |s| {
        let d = s.proceedings.consensus(consensus)?.decision.ok_or_else(ApiError::internal)?;
        Ok((StatusCode::CREATED, Json(decision_json(s.proceedings.decision(d)?))))
    })
}

// ---- silence ----

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SilenceRequest {
    pub target: TargetJson,
    /// RFC 3339 (`2026-12-01T17:00:00Z`), at most 8760 hours (a year) from
    /// now and at least the rules' `silence_min_hours`; or give `hours`.
    pub deadline: Option<String>,
    /// Hours from now: at least the rules' `silence_min_hours` (72 by
    /// default), at most 8760 (a year).
    #[schema(minimum = 1, maximum = 8760)]
    pub hours: Option<i64>,
    /// The version of the text the question is put on; without it, the
    /// latest. A version that is not the latest is refused (409
    /// `version_changed`), so that a chair never puts a text changed
    /// since they looked at it.
    pub version: Option<u32>,
}

/// The chair starts a silence procedure with a deadline (at least the rules' minimum); answers `{"id"}`.
#[utoipa::path(post, path = "/api/v1/processes/{id}/silence", tag = "decisions", security(("bearer" = [])), params(("id" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)), request_body = SilenceRequest,
    responses((status = 201, body = Created), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 409, description = "a decision is under way on the target, on the whole instrument or on a part of it; or the version named is not the latest", body = ErrorBody), (status = 422, description = "deadline too soon", body = ErrorBody)))]
pub async fn start_silence(
    State(app): State<AppState>,
    caller: ApiCaller,
    ProcessId(process): ProcessId,
    ApiJson(req): ApiJson<SilenceRequest>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let min_hours = read(&app, |s| Ok(s.proceedings.rules_for(process).silence_min_hours.max(1) as i64))?;
    let now = app.config.clock.now_unix_ms();
    let deadline = match (req.deadline.as_deref(), req.hours) {
        (Some(d), None) => {
            let t = time::OffsetDateTime::parse(d.trim(), &time::format_description::well_known::Rfc3339).map_err(
                |_| {
                    ApiError::bad_request(
                        "invalid_deadline",
                        format!("{d:?} is not an RFC 3339 time such as 2026-12-01T17:00:00Z"),
                    )
                },
            )?;
            let at = (t.unix_timestamp_nanos() / 1_000_000).clamp(i64::MIN as i128, i64::MAX as i128) as i64;
            let latest = now + ranges::SILENCE_MAX_HOURS * 3_600_000;
            if at > latest {
                return Err(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "out_of_range",
                    format!(
                        "the deadline must be at most {} hours (a year) from now, by {}",
                        ranges::SILENCE_MAX_HOURS,
                        rfc3339(latest)
                    ),
                ));
            }
            at
        }
        (None, Some(h)) => now + ranges::within("hours", h, min_hours, ranges::SILENCE_MAX_HOURS)? * 3_600_000,
        _ => return Err(ApiError::bad_request("invalid_deadline", "give either \"deadline\" (RFC 3339) or \"hours\"")),
    };
    let body = actions::silence(process, req.target.parse()?, deadline, req.version);
    let appended = record(&app, &caller, body).await?;
    let sid =
        read(&app, |s| Ok(s.proceedings.silences.iter().find(|x| x.entry == appended.entry.index).map(|x| x.id)))?;
    Ok((StatusCode::CREATED, Json(Created { id: sid.ok_or_else(ApiError::internal)?, entry: (&appended).into() })))
}

/// A silence procedure.
#[utoipa::path(get, path = "/api/v1/silence/{sid}", tag = "decisions", params(("sid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 200, body = SilenceJson), (status = 404, body = ErrorBody)))]
pub async fn get_silence(
    State(app): State<AppState>,
    SilenceId(sid): SilenceId,
) -> Result<Json<SilenceJson>, ApiError> {
    read(&app, |s| Ok(Json(silence_json(s.proceedings.silence(sid)?))))
}

/// A member breaks silence before the deadline, with a reason.
#[utoipa::path(post, path = "/api/v1/silence/{sid}/break", tag = "decisions", security(("bearer" = [])), params(("sid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)), request_body = ReasonRequest,
    responses((status = 201, body = SilenceJson), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, description = "the deadline has passed", body = ErrorBody)))]
pub async fn break_silence(
    State(app): State<AppState>,
    caller: ApiCaller,
    SilenceId(silence): SilenceId,
    ApiJson(req): ApiJson<ReasonRequest>,
) -> Result<(StatusCode, Json<SilenceJson>), ApiError> {
    record(&app, &caller, actions::silence_break(silence, &req.reason)).await?;
    read(&app, |s| Ok((StatusCode::CREATED, Json(silence_json(s.proceedings.silence(silence)?)))))
}

/// Concludes every silence procedure whose deadline has passed on the
/// application's clock (`Config::clock`), as Accord (the operator's
/// principal). The domain refuses a conclusion before the deadline or a
/// second one, so this may run as often as it likes, and after a restart it
/// finds the procedures where the record left them. Between rounds it waits
/// until the earliest deadline on the clock (a manual clock wakes it when
/// moved there) or until the record grows (a procedure may have started
/// or ended); after a failed conclusion it tries again in half a second.
pub async fn run_silence_scheduler(app: AppState) {
    let mut grown = app.store.watch_len();
    loop {
        grown.borrow_and_update();
        let (due, next): (Vec<u64>, Option<i64>) = {
            let s = app.store.state();
            let now = app.config.clock.now_unix_ms();
            let (due, later): (Vec<&accord_domain::decisions::Silence>, Vec<&accord_domain::decisions::Silence>) =
                s.proceedings.running_silences().partition(|x| x.deadline <= now);
            (due.iter().map(|x| x.id).collect(), later.iter().map(|x| x.deadline).min())
        };
        // A server that follows another (several servers on one database)
        // leaves the conclusion to the leader, and looks again in half a
        // second in case it takes the lead meanwhile.
        if !due.is_empty() && !app.store.is_leader() {
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            continue;
        }
        let mut failed = false;
        for silence in due {
            let body = EntryBody::SilenceConcluded(accord_domain::decisions::SilenceRef { silence });
            match app.store.submit(Principal::System, Action::Negotiate(Box::new(body)), None).await {
                Ok(a) => tracing::info!(silence, entry = a.entry.index, "silence procedure concluded at its deadline"),
                Err(e) => {
                    failed = true;
                    tracing::warn!(silence, error = %e, "silence procedure not concluded yet");
                }
            }
        }
        if failed {
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            continue;
        }
        tokio::select! {
            () = app.config.clock.sleep_until_unix_ms(next.unwrap_or(i64::MAX)) => {}
            changed = grown.changed() => {
                if changed.is_err() {
                    return;
                }
            }
        }
    }
}

// ---- agenda and speakers ----

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgendaRequest {
    pub title: String,
    /// The item this is a sub-item of (1 to 9999).
    #[schema(minimum = 1, maximum = 9999)]
    pub parent: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct ItemCreated {
    pub number: u32,
    pub meeting: MeetingJson,
}

/// Adds an item (or sub-item) to a meeting's agenda (secretariat or chair).
#[utoipa::path(post, path = "/api/v1/meetings/{mid}/agenda", tag = "meetings", security(("bearer" = [])), params(("mid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)), request_body = AgendaRequest,
    responses((status = 201, body = ItemCreated), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn add_agenda_item(
    State(app): State<AppState>,
    caller: ApiCaller,
    MeetingId(meeting): MeetingId,
    ApiJson(req): ApiJson<AgendaRequest>,
) -> Result<(StatusCode, Json<ItemCreated>), ApiError> {
    let parent = ranges::within_opt("parent", req.parent, 1, ranges::AGENDA_ITEM_MAX)?.map(|p| p as u32);
    let body = actions::agenda_item(meeting, &req.title, parent);
    record(&app, &caller, body).await?;
    read(&app, |s| {
        let m = s.proceedings.meeting(meeting)?;
        Ok((StatusCode::CREATED, Json(ItemCreated { number: m.agenda.len() as u32, meeting: meeting_json(s, m) })))
    })
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct FloorRequest {
    /// statement (default), point_of_order or right_of_reply.
    #[schema(value_type = Option<String>)]
    pub kind: Option<accord_domain::decisions::FloorKind>,
}

/// A delegation asks for the floor on an agenda item.
#[utoipa::path(post, path = "/api/v1/meetings/{mid}/agenda/{item}/speakers", tag = "meetings", security(("bearer" = [])),
    params(("mid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), ("item" = u32, Path, minimum = 1, maximum = 9999)), request_body = FloorRequest,
    responses((status = 201, body = AgendaItemJson), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn request_floor(
    State(app): State<AppState>,
    caller: ApiCaller,
    MeetingId(meeting): MeetingId,
    AgendaItem(item): AgendaItem,
    ApiJson(req): ApiJson<FloorRequest>,
) -> Result<(StatusCode, Json<AgendaItemJson>), ApiError> {
    let kind = req.kind.unwrap_or(accord_domain::decisions::FloorKind::Statement);
    record(&app, &caller, EntryBody::FloorRequested(accord_domain::decisions::FloorRequested { meeting, item, kind }))
        .await?;
    read_item(&app, meeting, item).map(|j| (StatusCode::CREATED, j))
}

fn read_item(app: &AppState, meeting: u64, item: u32) -> Result<Json<AgendaItemJson>, ApiError> {
    read(app, |s| {
        let m = s.proceedings.meeting(meeting)?;
        let i = m
            .agenda
            .get(item as usize - 1)
            .ok_or_else(|| ApiError::not_found("unknown_item", "no such agenda item"))?;
        Ok(Json(agenda_json(i)))
    })
}

/// A delegation withdraws its request for the floor.
#[utoipa::path(delete, path = "/api/v1/meetings/{mid}/agenda/{item}/speakers/{request}", tag = "meetings", security(("bearer" = [])),
    params(("mid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), ("item" = u32, Path, minimum = 1, maximum = 9999), ("request" = u32, Path, minimum = 1, maximum = 4294967295_u64)),
    responses((status = 200, body = AgendaItemJson), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn withdraw_request(
    State(app): State<AppState>,
    caller: ApiCaller,
    MeetingId(meeting): MeetingId,
    AgendaItem(item): AgendaItem,
    SpeakerRequest(request): SpeakerRequest,
) -> Result<Json<AgendaItemJson>, ApiError> {
    record(
        &app,
        &caller,
        EntryBody::FloorWithdrawn(accord_domain::decisions::FloorWithdrawn { meeting, item, request }),
    )
    .await?;
    read_item(&app, meeting, item)
}

/// The chair calls the next speaker: a point of order first, then the list, rights of reply at the end.
#[utoipa::path(post, path = "/api/v1/meetings/{mid}/agenda/{item}/next", tag = "meetings", security(("bearer" = [])),
    params(("mid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), ("item" = u32, Path, minimum = 1, maximum = 9999)),
    responses((status = 200, body = AgendaItemJson), (status = 403, body = ErrorBody), (status = 409, description = "no one waiting", body = ErrorBody)))]
pub async fn next_speaker(
    State(app): State<AppState>,
    caller: ApiCaller,
    MeetingId(meeting): MeetingId,
    AgendaItem(item): AgendaItem,
) -> Result<Json<AgendaItemJson>, ApiError> {
    record(&app, &caller, EntryBody::FloorGiven(accord_domain::decisions::FloorGiven { meeting, item })).await?;
    read_item(&app, meeting, item)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SpeakingTimeRequest {
    /// Seconds, 1 to 3600 (an hour); null for no limit.
    #[schema(minimum = 1, maximum = 3600)]
    pub seconds: Option<i64>,
}

/// The chair limits speaking time on an item.
#[utoipa::path(put, path = "/api/v1/meetings/{mid}/agenda/{item}/speaking-time", tag = "meetings", security(("bearer" = [])),
    params(("mid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), ("item" = u32, Path, minimum = 1, maximum = 9999)), request_body = SpeakingTimeRequest,
    responses((status = 200, body = AgendaItemJson), (status = 403, body = ErrorBody)))]
pub async fn set_speaking_time(
    State(app): State<AppState>,
    caller: ApiCaller,
    MeetingId(meeting): MeetingId,
    AgendaItem(item): AgendaItem,
    ApiJson(req): ApiJson<SpeakingTimeRequest>,
) -> Result<Json<AgendaItemJson>, ApiError> {
    record(
        &app,
        &caller,
        EntryBody::SpeakingTimeSet(accord_domain::decisions::SpeakingTimeSet {
            meeting,
            item,
            seconds: ranges::within_opt("seconds", req.seconds, 1, ranges::SPEAKING_MAX_SECONDS)?.map(|s| s as u32),
        }),
    )
    .await?;
    read_item(&app, meeting, item)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatementRequest {
    /// The statement's text; or a file:
    pub text: Option<String>,
    /// The file's bytes, base64 (standard alphabet).
    pub file: Option<String>,
    pub file_name: Option<String>,
}

/// Attaches a statement (text, or a file stored as a blob) to a speaker's turn: the speaker's delegation or the secretariat.
#[utoipa::path(post, path = "/api/v1/meetings/{mid}/agenda/{item}/speakers/{request}/statement", tag = "meetings", security(("bearer" = [])),
    params(("mid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), ("item" = u32, Path, minimum = 1, maximum = 9999), ("request" = u32, Path, minimum = 1, maximum = 4294967295_u64)), request_body = StatementRequest,
    responses((status = 201, body = AgendaItemJson), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn deliver_statement(
    State(app): State<AppState>,
    caller: ApiCaller,
    MeetingId(meeting): MeetingId,
    AgendaItem(item): AgendaItem,
    SpeakerRequest(request): SpeakerRequest,
    ApiJson(req): ApiJson<StatementRequest>,
) -> Result<(StatusCode, Json<AgendaItemJson>), ApiError> {
    use base64::Engine as _;
    let file = match &req.file {
        Some(b64) => Some(accord_domain::blob::BlobRef::of(
            base64::engine::general_purpose::STANDARD
                .decode(b64.trim())
                .map_err(|_| ApiError::bad_request("invalid_file", "the file is not base64"))?,
        )),
        None => None,
    };
    let body = actions::statement(meeting, item, request, req.text.as_deref(), file, req.file_name.as_deref());
    record(&app, &caller, body).await?;
    read_item(&app, meeting, item).map(|j| (StatusCode::CREATED, j))
}

// ---- summary record ----

#[derive(Serialize, ToSchema)]
pub struct SummaryJson {
    pub meeting: MeetingJson,
    pub session: String,
    /// Decisions taken at the meeting, with each member's vote.
    pub decisions: Vec<SummaryDecision>,
}

#[derive(Serialize, ToSchema)]
pub struct SummaryDecision {
    #[serde(flatten)]
    pub decision: DecisionJson,
    /// For a recorded vote: each member's vote.
    #[schema(value_type = Object)]
    pub ballots: std::collections::BTreeMap<String, String>,
    pub explanations: Vec<ExplanationJson>,
}

pub(crate) fn summary_of(s: &DomainState, meeting: u64) -> Result<SummaryJson, ApiError> {
    let m = s.proceedings.meeting(meeting)?;
    let session = s.proceedings.sessions.get(m.session as usize - 1).map(|x| x.title.clone()).unwrap_or_default();
    let decisions = s
        .proceedings
        .decisions
        .iter()
        .filter(|d| d.meeting == Some(meeting))
        .map(|d| {
            let vote = (d.method == accord_domain::decisions::Method::Vote)
                .then(|| s.proceedings.vote(d.procedure).ok())
                .flatten();
            let v = vote.map(|v| vote_json(s, v));
            SummaryDecision {
                decision: decision_json(d),
                ballots: v.as_ref().map(|v| v.ballots.clone()).unwrap_or_default(),
                explanations: v.map(|v| v.explanations).unwrap_or_default(),
            }
        })
        .collect();
    Ok(SummaryJson { meeting: meeting_json(s, m), session, decisions })
}

/// The summary record of a meeting, generated from the record: attendance, who spoke on what, decisions and each member's vote.
#[utoipa::path(get, path = "/api/v1/meetings/{mid}/summary", tag = "meetings", params(("mid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64)),
    responses((status = 200, body = SummaryJson), (status = 404, body = ErrorBody)))]
pub async fn summary(
    State(app): State<AppState>,
    MeetingId(meeting): MeetingId,
) -> Result<Json<SummaryJson>, ApiError> {
    read(&app, |s| Ok(Json(summary_of(s, meeting)?)))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SummaryDocumentQuery {
    /// `akn` (Akoma Ntoso 3.0, the default) or `pdf` (typeset for print).
    pub format: Option<String>,
    /// For `pdf`: the language it is set in (`ar`, `zh`, `en`, `fr`, `ru`, `es`), English when not given; names, titles and statements are printed as recorded.
    pub language: Option<String>,
    /// For `pdf`: number every line in the margin.
    pub line_numbers: Option<bool>,
}

/// The summary record as a PDF, in the language asked for.
async fn summary_pdf(
    app: &AppState,
    meeting: u64,
    q: &SummaryDocumentQuery,
) -> Result<axum::response::Response, ApiError> {
    let lang = crate::http::pdf::language(q.language.as_deref(), "en")?;
    let fonts = crate::http::pdf::fonts_for(&app.pdf, lang)?;
    let (record, masthead, labels) = {
        let s = app.store.state();
        let m = s.proceedings.meeting(meeting)?;
        let summary = summary_of(&s, meeting)?;
        let masthead = accord_documents::export::Masthead {
            forum: s.forum.as_ref().map(|f| f.name.to_string()).unwrap_or_default(),
            symbol: summary_symbol(&s, meeting),
            distribution: accord_documents::export::Distribution::General,
            date: m.date.clone(),
            original_language: "English".into(),
            session: summary.session.clone(),
            // The items are the record's sections; the line under the
            // session names the kind of document.
            agenda_item: lang.scope_sync(|| crate::t("meet-summary-record")),
        };
        let record = lang.scope_sync(|| super::pages::summary_pdf_record(&summary));
        let labels = crate::http::pdf::labels(lang, &masthead, "en", None);
        (record, masthead, labels)
    };
    let options = accord_pdf::Options {
        language: crate::http::pdf::to_language(lang),
        line_numbers: q.line_numbers.unwrap_or(false),
        backers: accord_documents::docx::Backers::Footnote,
        fonts,
    };
    let file = format!("{}-{}.pdf", masthead.symbol.replace(['/', '.'], "-"), lang.code());
    let pdf =
        crate::http::pdf::typeset(&app.pdf, move || accord_pdf::summary_record(&record, &masthead, &labels, &options))
            .await?;
    Ok(crate::http::pdf::response(pdf, &file))
}

/// The symbol of meeting `n`'s summary record: `SR.n` under the symbol of
/// the forum's body, taken from the first process whose symbol names a
/// limited document (`A/AC.292/2026/L.1` gives `A/AC.292/2026/SR.n`), else
/// `SR.n` alone.
pub(crate) fn summary_symbol(s: &DomainState, n: u64) -> String {
    let body = s.processes.iter().filter_map(|p| p.symbol.as_deref()).find_map(|symbol| {
        let (body, last) = symbol.rsplit_once('/')?;
        (last.starts_with("L.") || last.starts_with("CRP.")).then_some(body)
    });
    match body {
        Some(body) => format!("{body}/SR.{n}"),
        None => format!("SR.{n}"),
    }
}

/// A meeting's summary record as an Akoma Ntoso 3.0 `debate` (`name="summaryRecord"`): attendance, the speakers in the order the floor was given, the decisions with each recorded vote's tally and each member's vote, under the symbol SR.n of the forum's body.
#[utoipa::path(get, path = "/api/v1/meetings/{mid}/summary/document", tag = "meetings",
    params(("mid" = u64, Path, minimum = 1, maximum = 9007199254740991_u64), SummaryDocumentQuery),
    responses((status = 200, description = "Akoma Ntoso 3.0 (`format=akn`) or PDF (`format=pdf`)", content((String = "application/akn+xml"), (Vec<u8> = "application/pdf"))),
        (status = 400, description = "unknown format or language", body = ErrorBody), (status = 404, description = "unknown meeting", body = ErrorBody),
        (status = 503, description = "PDF only: `fonts_missing` or `pdf_busy` (with `Retry-After`)", body = ErrorBody)))]
pub async fn summary_document(
    State(app): State<AppState>,
    MeetingId(meeting): MeetingId,
    crate::http::extract::ApiQuery(q): crate::http::extract::ApiQuery<SummaryDocumentQuery>,
) -> Result<axum::response::Response, ApiError> {
    use axum::response::IntoResponse;
    match q.format.as_deref().map(str::trim) {
        None | Some("akn") => {}
        Some("pdf") => return summary_pdf(&app, meeting, &q).await,
        Some(other) => {
            return Err(ApiError::bad_request(
                "invalid_format",
                format!(
                    "the summary record is written in akn (Akoma Ntoso) or pdf, not {:?}",
                    other.chars().take(40).collect::<String>()
                ),
            ))
        }
    }
    let (xml, symbol) = {
        let s = app.store.state();
        s.proceedings.meeting(meeting)?;
        let symbol = summary_symbol(&s, meeting);
        let masthead = accord_documents::export::Masthead {
            forum: s.forum.as_ref().map(|f| f.name.to_string()).unwrap_or_default(),
            symbol: symbol.clone(),
            distribution: accord_documents::export::Distribution::General,
            // The meeting's own date and session are printed.
            date: String::new(),
            original_language: "English".into(),
            session: String::new(),
            agenda_item: String::new(),
        };
        (accord_documents::debate::summary_record(&s, meeting, "eng", &masthead)?, symbol)
    };
    let file = symbol.replace(['/', '.'], "-");
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, "application/akn+xml".to_owned()),
            (axum::http::header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file}.xml\"")),
        ],
        xml,
    )
        .into_response())
}
