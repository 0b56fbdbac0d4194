//! The JSON API of the forum, its members, delegates, officers and
//! members' keys, and the signed actions (`POST /api/v1/actions`).
//!
//! Reads of the forum and its members are public, as a forum's membership
//! is. Writes need `Authorization: Bearer TOKEN`; each answers once its
//! entry is durable, with the entry's index and time.

use accord_domain::ids::{DisplayName, LanguageTag, NewPassword, Reason};
use accord_domain::state::{Action, Delegate, MemberKind, MemberRole, MemberStatus, OfficerRole, OrganisationCategory};
use accord_domain::{DelegateId, Email, MemberCode, Refusal};
use accord_store::{Appended, PrivateWrite};
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::routes;

use super::actions;
use super::shapes::*;
use crate::http::auth::{self, ApiCaller};
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiQuery};
use crate::http::ids::*;
use crate::http::time::rfc3339;
use crate::shared::*;
use crate::AppState;

pub fn routes() -> crate::http::routes::Routes {
    crate::http::routes::Routes::new()
        .api(routes!(get_forum))
        .api(routes!(change_forum))
        .api(routes!(list_members))
        .api(routes!(admit_member))
        .api(routes!(get_member))
        .api(routes!(change_status))
        .api(routes!(suspend_member))
        .api(routes!(reinstate_member))
        .api(routes!(list_delegation))
        .api(routes!(accredit_delegate))
        .api(routes!(list_keys))
        .api(routes!(register_key))
        .api(routes!(revoke_key))
        .api(routes!(require_signatures))
        .api(routes!(submit_signed))
        .api(routes!(get_delegate))
        .api(routes!(withdraw_accreditation))
        .api(routes!(reset_password))
        .api(routes!(list_officers))
        .api(routes!(appoint_officer))
}

fn parse_code(code: &str) -> Result<MemberCode, ApiError> {
    Ok(MemberCode::parse(code)?)
}

fn member_json(app: &AppState, code: &MemberCode) -> Result<MemberJson, ApiError> {
    app.store.state().member(code).map(MemberJson::from).ok_or_else(|| {
        ApiError::not_found("unknown_member", format!("{code} is not a member or observer of this forum"))
    })
}

// ---- forum ----

#[derive(Serialize, ToSchema)]
pub struct ForumJson {
    pub name: String,
    pub languages: Vec<String>,
    pub established: String,
    pub members: usize,
    pub observers: usize,
    pub delegates: usize,
    /// Entries in the record.
    pub record_size: u64,
}

/// The forum's settings and a summary.
#[utoipa::path(get, path = "/api/v1/forum", tag = "forum", responses((status = 200, body = ForumJson)))]
async fn get_forum(State(app): State<AppState>) -> Result<Json<ForumJson>, ApiError> {
    let state = app.store.state();
    let forum =
        state.forum.as_ref().ok_or_else(|| ApiError::not_found("no_forum", "the forum is not established yet"))?;
    Ok(Json(ForumJson {
        name: forum.name.to_string(),
        languages: forum.languages.iter().map(|l| l.to_string()).collect(),
        established: rfc3339(forum.established),
        members: state.members.values().filter(|m| m.status == MemberStatus::Member).count(),
        observers: state.members.values().filter(|m| m.status == MemberStatus::Observer).count(),
        delegates: state.delegates.values().filter(|d| d.is_active()).count(),
        record_size: state.next_index,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ForumChange {
    pub name: Option<String>,
    /// Language tags, e.g. `["en", "fr", "es"]`.
    pub languages: Option<Vec<String>>,
}

/// Changes the forum's name or official languages (secretariat).
#[utoipa::path(patch, path = "/api/v1/forum", request_body = ForumChange, tag = "forum", security(("bearer" = [])),
    responses((status = 200, body = ForumJson), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn change_forum(
    State(app): State<AppState>,
    caller: ApiCaller,
    ApiJson(req): ApiJson<ForumChange>,
) -> Result<Json<ForumJson>, ApiError> {
    let name = req.name.as_deref().map(DisplayName::parse).transpose()?;
    let languages =
        req.languages.map(|ls| ls.iter().map(|l| LanguageTag::parse(l)).collect::<Result<Vec<_>, _>>()).transpose()?;
    app.store.submit(caller.principal(), Action::ChangeForumSettings { name, languages }, None).await?;
    get_forum(State(app)).await
}

// ---- members ----

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct MemberFilter {
    /// `state` or `organisation`.
    pub kind: Option<String>,
    /// `member` or `observer`.
    pub status: Option<String>,
}

/// The forum's members and observers, by code.
#[utoipa::path(get, path = "/api/v1/members", params(MemberFilter), tag = "members",
    responses((status = 200, body = Vec<MemberJson>), (status = 400, body = ErrorBody)))]
async fn list_members(
    State(app): State<AppState>,
    ApiQuery(filter): ApiQuery<MemberFilter>,
) -> Result<Json<Vec<MemberJson>>, ApiError> {
    let kind = filter.kind.as_deref().filter(|k| !k.is_empty()).map(parse_kind).transpose()?;
    let status = filter.status.as_deref().filter(|s| !s.is_empty()).map(parse_status).transpose()?;
    let state = app.store.state();
    Ok(Json(
        state
            .members
            .values()
            .filter(|m| kind.is_none_or(|k| m.kind == k) && status.is_none_or(|s| m.status == s))
            .map(MemberJson::from)
            .collect(),
    ))
}

pub(crate) fn parse_kind(s: &str) -> Result<MemberKind, ApiError> {
    match s {
        "state" => Ok(MemberKind::State),
        "organisation" => Ok(MemberKind::Organisation),
        _ => Err(ApiError::bad_request(
            "invalid_kind",
            format!("{s:?} is not a kind of member: use state or organisation"),
        )),
    }
}

pub(crate) fn parse_status(s: &str) -> Result<MemberStatus, ApiError> {
    match s {
        "member" => Ok(MemberStatus::Member),
        "observer" => Ok(MemberStatus::Observer),
        _ => Err(ApiError::bad_request("invalid_status", format!("{s:?} is not a status: use member or observer"))),
    }
}

fn parse_category(s: &str) -> Result<OrganisationCategory, ApiError> {
    OrganisationCategory::ALL.into_iter().find(|c| c.as_str() == s).ok_or_else(|| {
        ApiError::bad_request(
            "invalid_category",
            format!("{s:?} is not a category: use intergovernmental_organisation, ngo, private_sector, academia, technical_community or individual"),
        )
    })
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdmitMemberRequest {
    /// ISO 3166-1 alpha-3 for a state (`KEN`); 2-16 letters, digits, hyphens for an organisation (`ICRC`).
    pub code: String,
    /// Optional for states (the ISO short name is used).
    pub name: Option<String>,
    /// `state` or `organisation`.
    pub kind: String,
    /// Required for organisations.
    pub category: Option<String>,
    /// `member` (default) or `observer`.
    pub status: Option<String>,
}

impl AdmitMemberRequest {
    pub(crate) fn into_action(self) -> Result<(MemberCode, Action), ApiError> {
        let code = parse_code(&self.code)?;
        let action = Action::AdmitMember {
            code: code.clone(),
            name: self.name.as_deref().filter(|n| !n.trim().is_empty()).map(DisplayName::parse).transpose()?,
            kind: parse_kind(&self.kind)?,
            category: self.category.as_deref().filter(|c| !c.is_empty()).map(parse_category).transpose()?,
            status: self.status.as_deref().map(parse_status).transpose()?.unwrap_or(MemberStatus::Member),
        };
        Ok((code, action))
    }
}

/// Admits a member or observer (secretariat).
#[utoipa::path(post, path = "/api/v1/members", request_body = AdmitMemberRequest, tag = "members", security(("bearer" = [])),
    responses((status = 201, body = MemberRecorded), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 409, description = "already admitted", body = ErrorBody)))]
async fn admit_member(
    State(app): State<AppState>,
    caller: ApiCaller,
    ApiJson(req): ApiJson<AdmitMemberRequest>,
) -> Result<(StatusCode, Json<MemberRecorded>), ApiError> {
    let (code, action) = req.into_action()?;
    let appended = app.store.submit(caller.principal(), action, None).await?;
    Ok((StatusCode::CREATED, Json(MemberRecorded { member: member_json(&app, &code)?, entry: (&appended).into() })))
}

#[derive(Serialize, ToSchema)]
pub struct MemberDetail {
    #[serde(flatten)]
    pub member: MemberJson,
    /// Active delegates, in order of accreditation.
    pub delegation: Vec<DelegateJson>,
}

/// One member with its delegation.
#[utoipa::path(get, path = "/api/v1/members/{code}", tag = "members", params(("code" = String, Path, description = "member code")),
    responses((status = 200, body = MemberDetail), (status = 404, body = ErrorBody)))]
async fn get_member(
    State(app): State<AppState>,
    MemberParam(code): MemberParam,
) -> Result<Json<MemberDetail>, ApiError> {
    let member = member_json(&app, &code)?;
    let delegation = app.store.state().delegation(&code).map(DelegateJson::from).collect();
    Ok(Json(MemberDetail { member, delegation }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    /// `member` or `observer`.
    pub status: String,
}

/// Changes a member's status (secretariat).
#[utoipa::path(post, path = "/api/v1/members/{code}/status", request_body = StatusChange, tag = "members", security(("bearer" = [])),
    params(("code" = String, Path)),
    responses((status = 200, body = MemberRecorded), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub(crate) async fn change_status(
    State(app): State<AppState>,
    caller: ApiCaller,
    MemberParam(code): MemberParam,
    ApiJson(req): ApiJson<StatusChange>,
) -> Result<Json<MemberRecorded>, ApiError> {
    let appended =
        actions::record(&app, caller.principal(), actions::change_status(code.clone(), &req.status)?).await?;
    Ok(Json(MemberRecorded { member: member_json(&app, &code)?, entry: (&appended).into() }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonRequest {
    /// Why (recorded publicly); up to 2,000 characters.
    #[serde(default)]
    pub reason: String,
}

/// Suspends a member (secretariat).
#[utoipa::path(post, path = "/api/v1/members/{code}/suspension", request_body = ReasonRequest, tag = "members", security(("bearer" = [])),
    params(("code" = String, Path)),
    responses((status = 200, body = MemberRecorded), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn suspend_member(
    State(app): State<AppState>,
    caller: ApiCaller,
    MemberParam(code): MemberParam,
    ApiJson(req): ApiJson<ReasonRequest>,
) -> Result<Json<MemberRecorded>, ApiError> {
    let appended = actions::record(&app, caller.principal(), actions::suspend(code.clone(), &req.reason)?).await?;
    Ok(Json(MemberRecorded { member: member_json(&app, &code)?, entry: (&appended).into() }))
}

/// Ends a member's suspension (secretariat).
#[utoipa::path(delete, path = "/api/v1/members/{code}/suspension", tag = "members", security(("bearer" = [])),
    params(("code" = String, Path)),
    responses((status = 200, body = MemberRecorded), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn reinstate_member(
    State(app): State<AppState>,
    caller: ApiCaller,
    MemberParam(code): MemberParam,
) -> Result<Json<MemberRecorded>, ApiError> {
    let appended = actions::record(&app, caller.principal(), actions::reinstate(code.clone())).await?;
    Ok(Json(MemberRecorded { member: member_json(&app, &code)?, entry: (&appended).into() }))
}

/// A member's active delegates.
#[utoipa::path(get, path = "/api/v1/members/{code}/delegates", tag = "delegates", params(("code" = String, Path)),
    responses((status = 200, body = Vec<DelegateJson>), (status = 404, body = ErrorBody)))]
async fn list_delegation(
    State(app): State<AppState>,
    MemberParam(code): MemberParam,
) -> Result<Json<Vec<DelegateJson>>, ApiError> {
    member_json(&app, &code)?;
    Ok(Json(app.store.state().delegation(&code).map(DelegateJson::from).collect()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AccreditRequest {
    /// Display name, as the record will show it.
    pub name: String,
    /// Log-in address; private, never in the record.
    pub email: String,
    /// `head_of_delegation`, `delegate` or `adviser` (for `/officers`: `secretariat`, `chair`, `vice_chair`, `co_facilitator`).
    pub role: String,
    /// Optional; without it the answer carries a one-time `initial_password`.
    pub password: Option<String>,
}

pub(crate) fn parse_member_role(s: &str) -> Result<MemberRole, ApiError> {
    match s {
        "head_of_delegation" => Ok(MemberRole::HeadOfDelegation),
        "delegate" => Ok(MemberRole::Delegate),
        "adviser" => Ok(MemberRole::Adviser),
        _ => Err(ApiError::bad_request(
            "invalid_role",
            format!("{s:?} is not a delegation role: use head_of_delegation, delegate or adviser"),
        )),
    }
}

pub(crate) fn parse_officer_role(s: &str) -> Result<OfficerRole, ApiError> {
    match s {
        "secretariat" => Ok(OfficerRole::Secretariat),
        "chair" => Ok(OfficerRole::Chair),
        "vice_chair" => Ok(OfficerRole::ViceChair),
        "co_facilitator" => Ok(OfficerRole::CoFacilitator),
        "translator" => Ok(OfficerRole::Translator),
        _ => Err(ApiError::bad_request(
            "invalid_role",
            format!("{s:?} is not a forum role: use secretariat, chair, vice_chair, co_facilitator or translator"),
        )),
    }
}

/// Parses the account part of an accreditation and hashes the password:
/// answers the private write and the initial password to show once.
pub(crate) async fn account_for(
    email: &str,
    password: Option<&str>,
) -> Result<(PrivateWrite, Option<String>), ApiError> {
    let email = Email::parse(email)?;
    let (password, initial) = match password {
        Some(p) => (NewPassword::parse(p)?.expose().to_owned(), None),
        None => {
            let p = auth::initial_password();
            (p.clone(), Some(p))
        }
    };
    let password_hash = auth::hash_password(password).await?;
    Ok((PrivateWrite::CreateAccount { email, password_hash, must_change_password: initial.is_some() }, initial))
}

/// Accredits a delegate to a member (secretariat).
#[utoipa::path(post, path = "/api/v1/members/{code}/delegates", request_body = AccreditRequest, tag = "delegates", security(("bearer" = [])),
    params(("code" = String, Path)),
    responses((status = 201, body = DelegateRecorded), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, description = "e-mail taken, or a second head of delegation", body = ErrorBody)))]
async fn accredit_delegate(
    State(app): State<AppState>,
    caller: ApiCaller,
    MemberParam(member): MemberParam,
    ApiJson(req): ApiJson<AccreditRequest>,
) -> Result<(StatusCode, Json<DelegateRecorded>), ApiError> {
    let name = DisplayName::parse(&req.name)?;
    let role = parse_member_role(&req.role)?;
    // Check the cheap things before the costly password hash.
    app.store
        .state()
        .prepare(caller.principal(), Action::AccreditDelegate { member: member.clone(), name: name.clone(), role })?;
    let (private, initial_password) = account_for(&req.email, req.password.as_deref()).await?;
    let appended =
        app.store.submit(caller.principal(), Action::AccreditDelegate { member, name, role }, Some(private)).await?;
    Ok((StatusCode::CREATED, Json(delegate_recorded(&app, &appended, initial_password)?)))
}

pub(crate) fn delegate_recorded(
    app: &AppState,
    appended: &Appended,
    initial_password: Option<String>,
) -> Result<DelegateRecorded, ApiError> {
    let id = match &appended.entry.body {
        accord_domain::EntryBody::DelegateAccredited(a) => a.delegate,
        accord_domain::EntryBody::OfficerAppointed(o) => o.delegate,
        _ => return Err(ApiError::internal()),
    };
    let delegate = app.store.state().delegate(id).map(DelegateJson::from).ok_or_else(ApiError::internal)?;
    Ok(DelegateRecorded { delegate, initial_password, entry: appended.into() })
}

/// One delegate or officer, active or not.
#[utoipa::path(get, path = "/api/v1/delegates/{id}", tag = "delegates", params(("id" = String, Path, description = "e.g. D17")),
    responses((status = 200, body = DelegateJson), (status = 404, body = ErrorBody)))]
async fn get_delegate(
    State(app): State<AppState>,
    DelegateParam(id): DelegateParam,
) -> Result<Json<DelegateJson>, ApiError> {
    app.store
        .state()
        .delegate(id)
        .map(|d| Json(DelegateJson::from(d)))
        .ok_or_else(|| ApiError::not_found("unknown_delegate", format!("{id} is not a delegate of this forum")))
}

/// Withdraws an accreditation (the secretariat, or the head of the delegation concerned).
#[utoipa::path(post, path = "/api/v1/delegates/{id}/withdraw", request_body = ReasonRequest, tag = "delegates", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = DelegateJson), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn withdraw_accreditation(
    State(app): State<AppState>,
    caller: ApiCaller,
    DelegateParam(delegate): DelegateParam,
    ApiJson(req): ApiJson<ReasonRequest>,
) -> Result<Json<DelegateJson>, ApiError> {
    let reason = Reason::parse(&req.reason)?;
    app.store.submit(caller.principal(), Action::WithdrawAccreditation { delegate, reason }, None).await?;
    get_delegate(State(app), DelegateParam(delegate)).await
}

#[derive(Serialize, ToSchema)]
pub struct PasswordResetJson {
    /// Shown once; the person must change it at first log-in.
    pub initial_password: String,
}

/// Resets a person's password to a one-time initial password (secretariat).
/// Ends their sessions, revokes their API tokens and clears the delays
/// their failed log-ins built up.
#[utoipa::path(post, path = "/api/v1/delegates/{id}/password-reset", tag = "delegates", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = PasswordResetJson), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(crate) async fn reset_password(
    State(app): State<AppState>,
    caller: ApiCaller,
    DelegateParam(id): DelegateParam,
) -> Result<Json<PasswordResetJson>, ApiError> {
    Ok(Json(PasswordResetJson { initial_password: reset_password_for(&app, &caller.delegate, id).await? }))
}

pub(crate) async fn reset_password_for(app: &AppState, by: &Delegate, id: DelegateId) -> Result<String, ApiError> {
    if by.officer_role() != Some(OfficerRole::Secretariat) {
        return Err(Refusal::forbidden("secretariat_only", "only the secretariat resets passwords").into());
    }
    if app.store.account(id)?.is_none() {
        return Err(ApiError::not_found("unknown_account", format!("{id} has no account")));
    }
    let password = auth::initial_password();
    let hash = auth::hash_password(password.clone()).await?;
    // A reset answers a lost or stolen password: nothing the old one
    // opened stays open.
    app.store.set_password(id, &hash, true, true)?;
    Ok(password)
}

/// The forum's active officers.
#[utoipa::path(get, path = "/api/v1/officers", tag = "delegates", responses((status = 200, body = Vec<DelegateJson>)))]
async fn list_officers(State(app): State<AppState>) -> Json<Vec<DelegateJson>> {
    Json(app.store.state().officers().map(DelegateJson::from).collect())
}

/// Appoints an officer: secretariat, chair, vice-chair or co-facilitator (secretariat).
#[utoipa::path(post, path = "/api/v1/officers", request_body = AccreditRequest, tag = "delegates", security(("bearer" = [])),
    responses((status = 201, body = DelegateRecorded), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn appoint_officer(
    State(app): State<AppState>,
    caller: ApiCaller,
    ApiJson(req): ApiJson<AccreditRequest>,
) -> Result<(StatusCode, Json<DelegateRecorded>), ApiError> {
    let name = DisplayName::parse(&req.name)?;
    let role = parse_officer_role(&req.role)?;
    app.store.state().prepare(caller.principal(), Action::AppointOfficer { name: name.clone(), role })?;
    let (private, initial_password) = account_for(&req.email, req.password.as_deref()).await?;
    let appended = app.store.submit(caller.principal(), Action::AppointOfficer { name, role }, Some(private)).await?;
    Ok((StatusCode::CREATED, Json(delegate_recorded(&app, &appended, initial_password)?)))
}

// ---- members' signing keys and signed actions ----

/// A member's signing key.
#[derive(Serialize, ToSchema)]
pub struct KeyJson {
    /// 16 hex digits: the first 8 bytes of SHA-256(public key).
    pub key: String,
    /// Ed25519 public key, base64.
    pub public_key: String,
    pub label: String,
    pub registered_entry: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revoked_entry: Option<u64>,
}

/// A member's keys, revoked ones included.
#[utoipa::path(get, path = "/api/v1/members/{code}/keys", tag = "signatures", params(("code" = String, Path)),
    responses((status = 200, body = Vec<KeyJson>), (status = 404, body = ErrorBody)))]
async fn list_keys(
    State(app): State<AppState>,
    MemberParam(code): MemberParam,
) -> Result<Json<Vec<KeyJson>>, ApiError> {
    let state = app.store.state();
    let member = state.member(&code).ok_or_else(|| {
        ApiError::not_found("unknown_member", format!("{code} is not a member or observer of this forum"))
    })?;
    Ok(Json(
        member
            .keys
            .iter()
            .map(|(id, k)| KeyJson {
                key: id.clone(),
                public_key: k.public_key.clone(),
                label: k.label.to_string(),
                registered_entry: k.registered_entry,
                revoked_entry: k.revoked_entry,
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyRequest {
    /// Ed25519 public key (32 bytes), base64 — `accord keygen` prints it.
    pub public_key: String,
    /// What the key is for, e.g. "delegation laptop".
    pub label: String,
}

#[derive(Serialize, ToSchema)]
pub struct KeyRecorded {
    pub key: String,
    pub entry: EntryRef,
}

/// Registers a signing key of the member (its head of delegation). A weak
/// key (a point of small order, or encoded non-canonically) is refused
/// with 422 `weak_key`: no key generator makes one, and signatures can be
/// forged for it.
#[utoipa::path(post, path = "/api/v1/members/{code}/keys", request_body = KeyRequest, tag = "signatures", security(("bearer" = [])),
    params(("code" = String, Path)),
    responses((status = 201, body = KeyRecorded), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, description = "weak key (`weak_key`), or too many keys", body = ErrorBody)))]
pub(crate) async fn register_key(
    State(app): State<AppState>,
    caller: ApiCaller,
    MemberParam(member): MemberParam,
    ApiJson(req): ApiJson<KeyRequest>,
) -> Result<(StatusCode, Json<KeyRecorded>), ApiError> {
    let action = actions::register_key(member, req.public_key, &req.label)?;
    let appended = actions::record(&app, caller.principal(), action).await?;
    let key = match &appended.entry.body {
        accord_domain::EntryBody::MemberKeyRegistered(k) => k.key.clone(),
        _ => return Err(ApiError::internal()),
    };
    Ok((StatusCode::CREATED, Json(KeyRecorded { key, entry: (&appended).into() })))
}

/// Revokes a signing key of the member (its head of delegation).
#[utoipa::path(delete, path = "/api/v1/members/{code}/keys/{key}", tag = "signatures", security(("bearer" = [])),
    params(("code" = String, Path), ("key" = String, Path)),
    responses((status = 200, body = KeyRecorded), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub(crate) async fn revoke_key(
    State(app): State<AppState>,
    caller: ApiCaller,
    MemberParam(member): MemberParam,
    KeyParam(key): KeyParam,
) -> Result<Json<KeyRecorded>, ApiError> {
    let appended = actions::record(&app, caller.principal(), actions::revoke_key(member, key.clone())).await?;
    Ok(Json(KeyRecorded { key, entry: (&appended).into() }))
}

/// The member's declaration that every action in its name must be signed.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RequireSignaturesRequest {
    /// The head of delegation's signature over the action
    /// `member.signatures_required` with payload `{"member": CODE}`, made
    /// with one of the member's registered keys (`accord sign --kind
    /// member.signatures_required --payload '{"member":"CODE"}'`). Without
    /// it the declaration is refused: the host must not be able to make it.
    pub signature: Option<SignatureJson>,
}

/// Declares that from now on every action in the member's name must carry
/// the member's signature (its head of delegation, signed with one of the
/// member's keys). The record then refuses any unsigned action in its name,
/// live and on replay, with 403 `signature_required`. It cannot be undone.
#[utoipa::path(post, path = "/api/v1/members/{code}/signatures-required", request_body = RequireSignaturesRequest, tag = "signatures", security(("bearer" = [])),
    params(("code" = String, Path)),
    responses((status = 201, body = ActionRecorded), (status = 403, description = "unsigned (`signature_required`), bad signature, unknown key, or not the member's head of delegation", body = ErrorBody), (status = 409, description = "already required, or replayed", body = ErrorBody)))]
pub(crate) async fn require_signatures(
    State(app): State<AppState>,
    caller: ApiCaller,
    MemberParam(member): MemberParam,
    ApiJson(req): ApiJson<RequireSignaturesRequest>,
) -> Result<(StatusCode, Json<ActionRecorded>), ApiError> {
    let action = match req.signature {
        Some(s) => Action::Signed {
            body: Box::new(accord_domain::EntryBody::MemberSignaturesRequired(
                accord_domain::entry::MemberSignaturesRequired { member },
            )),
            signature: accord_domain::MemberSignature { key: s.key, nonce: s.nonce, sig: s.sig },
        },
        None => actions::require_signatures(member),
    };
    let appended = actions::record(&app, caller.principal(), action).await?;
    Ok((StatusCode::CREATED, Json(ActionRecorded { entry: (&appended).into() })))
}

/// A signed action: the entry's kind and payload exactly as the member
/// signed them, with the signature.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignedActionRequest {
    /// The entry kind, e.g. `accreditation.withdrawn`.
    pub kind: String,
    /// The entry payload, as in the record.
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
    pub signature: SignatureJson,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignatureJson {
    /// The member's key id.
    pub key: String,
    /// 16 to 128 random letters, digits, '-' or '_', new for each action.
    pub nonce: String,
    /// Ed25519 signature over `accord-signed-action/v1` + canonical JSON of
    /// {actor, kind, log, nonce, payload}, base64 (`accord sign` makes it).
    pub sig: String,
}

#[derive(Serialize, ToSchema)]
pub struct ActionRecorded {
    pub entry: EntryRef,
}

/// Submits an action signed with one of the member's keys: the host cannot
/// forge, alter or replay it, and the record keeps the signature.
#[utoipa::path(post, path = "/api/v1/actions", request_body = SignedActionRequest, tag = "signatures", security(("bearer" = [])),
    responses((status = 201, body = ActionRecorded), (status = 400, body = ErrorBody), (status = 403, description = "bad signature, unknown or revoked key, or not the member's delegate", body = ErrorBody), (status = 409, description = "replayed", body = ErrorBody), (status = 422, description = "the action is refused by the rules, or signed with a weak key an older record holds (`weak_key`)", body = ErrorBody)))]
async fn submit_signed(
    State(app): State<AppState>,
    caller: ApiCaller,
    ApiJson(req): ApiJson<SignedActionRequest>,
) -> Result<(StatusCode, Json<ActionRecorded>), ApiError> {
    let body: accord_domain::EntryBody =
        serde_json::from_value(serde_json::json!({"kind": req.kind, "payload": req.payload})).map_err(|e| {
            ApiError::bad_request(
                "malformed_action",
                format!("the action is malformed: {}", crate::http::error::plain_serde_message(&e.to_string())),
            )
        })?;
    let signature =
        accord_domain::MemberSignature { key: req.signature.key, nonce: req.signature.nonce, sig: req.signature.sig };
    let appended =
        app.store.submit(caller.principal(), Action::Signed { body: Box::new(body), signature }, None).await?;
    Ok((StatusCode::CREATED, Json(ActionRecorded { entry: (&appended).into() })))
}
