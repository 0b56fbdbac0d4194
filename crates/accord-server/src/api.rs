//! The JSON API under `/api/v1`, and its OpenAPI document at
//! `/api/openapi.json` (generated from the handlers' annotations below).
//!
//! Reads of the forum, its members and the record are public, as a forum's
//! membership is. Writes need `Authorization: Bearer TOKEN`; each answers
//! once its entry is durable, with the entry's index and time.
//!
//! [`ApiJson`] and `ApiQuery` turn malformed input into `{"error","message"}`
//! answers; `error::plain_serde_message` says serde's complaints without
//! Rust type names ("expected a whole number", not "expected u64").

use accord_domain::entry::Entry;
use accord_domain::ids::{DisplayName, LanguageTag, NewPassword, Reason};
use accord_domain::state::{
    Action, Affiliation, Delegate, Member, MemberKind, MemberRole, MemberStatus, OfficerRole, OrganisationCategory,
};
use accord_domain::{DelegateId, Email, MemberCode, Refusal};
use accord_store::{Appended, PrivateWrite};
use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Request, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

use crate::auth::{self, ApiCaller, ClientAddr};
use crate::error::{ApiError, ErrorBody};
use crate::openapi_errors::StandardErrors;
use crate::AppState;

pub fn routes() -> crate::routes::Routes {
    crate::routes::Routes::new()
        .get("/api/openapi.json", openapi)
        .post("/api/v1/auth/token", create_token_by_password)
        .post("/api/v1/auth/password", change_password_by_password)
        .get("/api/v1/forum", get_forum)
        .patch("/api/v1/forum", change_forum)
        .get("/api/v1/members", list_members)
        .post("/api/v1/members", admit_member)
        .get("/api/v1/members/{code}", get_member)
        .post("/api/v1/members/{code}/status", change_status)
        .post("/api/v1/members/{code}/suspension", suspend_member)
        .delete("/api/v1/members/{code}/suspension", reinstate_member)
        .get("/api/v1/members/{code}/delegates", list_delegation)
        .post("/api/v1/members/{code}/delegates", accredit_delegate)
        .get("/api/v1/members/{code}/keys", list_keys)
        .post("/api/v1/members/{code}/keys", register_key)
        .delete("/api/v1/members/{code}/keys/{key}", revoke_key)
        .post("/api/v1/members/{code}/signatures-required", require_signatures)
        .post("/api/v1/actions", submit_signed)
        .get("/api/v1/delegates/{id}", get_delegate)
        .post("/api/v1/delegates/{id}/withdraw", withdraw_accreditation)
        .post("/api/v1/delegates/{id}/password-reset", reset_password)
        .get("/api/v1/officers", list_officers)
        .post("/api/v1/officers", appoint_officer)
        .get("/api/v1/record", list_record)
        .get("/api/v1/record/{index}", get_entry)
        .get("/api/v1/me", me)
        .get("/api/v1/me/tokens", list_my_tokens)
        .post("/api/v1/me/tokens", create_my_token)
        .delete("/api/v1/me/tokens/{id}", revoke_my_token)
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Accord API", description = "The JSON API of Accord: forum, members, delegates, negotiating texts and the record. Errors are `{\"error\", \"message\"}`."),
    paths(
        create_token_by_password, change_password_by_password, get_forum, change_forum, list_members, admit_member,
        get_member, change_status, suspend_member, reinstate_member, list_delegation, accredit_delegate, get_delegate,
        withdraw_accreditation, reset_password, list_officers, appoint_officer, list_record, get_entry, me,
        list_my_tokens, create_my_token, revoke_my_token, list_keys, register_key, revoke_key, require_signatures, submit_signed,
        crate::log::log_info, crate::log::inclusion,
        crate::log::consistency, crate::log::receipt, crate::log::state_digest,
        crate::negotiation_api::list_processes, crate::negotiation_api::open_process, crate::negotiation_api::get_process,
        crate::negotiation_api::get_text, crate::negotiation_api::get_markdown, crate::negotiation_api::get_rolling_text,
        crate::negotiation_api::list_versions, crate::negotiation_api::get_diff, crate::negotiation_api::get_provision,
        crate::negotiation_api::list_proposals, crate::negotiation_api::table_proposal, crate::negotiation_api::get_proposal,
        crate::negotiation_api::support, crate::negotiation_api::objection, crate::negotiation_api::cosponsor,
        crate::negotiation_api::leave_cosponsorship, crate::negotiation_api::withdraw, crate::negotiation_api::reanchor,
        crate::negotiation_api::agree, crate::negotiation_api::reject, crate::negotiation_api::chair_text,
        crate::negotiation_api::issue_revision,
        crate::decisions_api::get_forum_rules, crate::decisions_api::put_forum_rules, crate::decisions_api::get_rules,
        crate::decisions_api::put_rules, crate::decisions_api::list_decisions, crate::decisions_api::get_decision,
        crate::decisions_api::confirm, crate::decisions_api::open_session, crate::decisions_api::list_sessions,
        crate::decisions_api::get_session, crate::decisions_api::schedule_meeting, crate::decisions_api::get_meeting,
        crate::decisions_api::register_attendance, crate::decisions_api::correct_attendance, crate::decisions_api::open_vote,
        crate::decisions_api::get_vote, crate::decisions_api::cast_ballot, crate::decisions_api::explain_vote,
        crate::decisions_api::close_vote, crate::decisions_api::propose_consensus, crate::decisions_api::get_consensus,
        crate::decisions_api::object, crate::decisions_api::declare, crate::decisions_api::start_silence,
        crate::decisions_api::get_silence, crate::decisions_api::break_silence, crate::decisions_api::add_agenda_item,
        crate::decisions_api::request_floor, crate::decisions_api::withdraw_request, crate::decisions_api::next_speaker,
        crate::decisions_api::set_speaking_time, crate::decisions_api::deliver_statement, crate::decisions_api::summary,
        crate::decisions_api::events, crate::decisions_api::open_meeting, crate::decisions_api::close_meeting, crate::decisions_api::leave_meeting,
        crate::decisions_api::list_important, crate::decisions_api::designate_important
    ),
    components(schemas(ErrorBody)),
    modifiers(&BearerAuth, &WriteLimitResponses, &StandardErrors)
)]
pub struct ApiDoc;

struct BearerAuth;
impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Documents the write limits ([`crate::limits`]) on every operation that
/// can write to the record: a 429 `rate_limited` with `Retry-After`.
struct WriteLimitResponses;
impl utoipa::Modify for WriteLimitResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::content::ContentBuilder;
        use utoipa::openapi::header::HeaderBuilder;
        use utoipa::openapi::{ObjectBuilder, Ref, ResponseBuilder, Type};
        let response = ResponseBuilder::new()
            .description(
                "rate_limited: this member's delegation or this token made more changes than the write limits \
                 allow (by default a burst of 60, then 1 per second, per member and per token; officers are not \
                 limited); nothing was recorded; try again after Retry-After seconds",
            )
            .header(
                "Retry-After",
                HeaderBuilder::new()
                    .schema(ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(1)))
                    .description(Some("seconds to wait before the next write"))
                    .build(),
            )
            .content("application/json", ContentBuilder::new().schema(Some(Ref::from_schema_name("ErrorBody"))).build())
            .build();
        for (path, item) in openapi.paths.paths.iter_mut() {
            if !auth::writes_record(path) {
                continue;
            }
            for op in [&mut item.post, &mut item.put, &mut item.patch, &mut item.delete].into_iter().flatten() {
                if op.security.is_none() {
                    continue;
                }
                op.responses.responses.entry("429".into()).or_insert_with(|| response.clone().into());
            }
        }
    }
}

async fn openapi() -> impl IntoResponse {
    Json(ApiDoc::openapi())
}

// ---- extractors that answer malformed input with the API's error shape ----

/// The first key that an object of this JSON names twice, if any (and if
/// it is JSON at all: what is not is for the deserializer to say). Every
/// body is checked, also those read as free-form JSON, where the last of
/// two values would silently win.
fn duplicate_key(bytes: &[u8]) -> Option<String> {
    use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
    struct Walk;
    impl<'de> Visitor<'de> for Walk {
        type Value = Option<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut found = None;
            while let Some(inner) = seq.next_element_seed(WalkSeed)? {
                found = found.or(inner);
            }
            Ok(found)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut keys = std::collections::HashSet::new();
            let mut found = None;
            while let Some(key) = map.next_key::<String>()? {
                let inner = map.next_value_seed(WalkSeed)?;
                if found.is_none() && !keys.insert(key.clone()) {
                    found = Some(key);
                }
                found = found.or(inner);
            }
            Ok(found)
        }
    }
    struct WalkSeed;
    impl<'de> serde::de::DeserializeSeed<'de> for WalkSeed {
        type Value = Option<String>;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(Walk)
        }
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    de.deserialize_any(Walk).ok().flatten()
}

/// `Json<T>` whose rejections are API errors (400 malformed, 415, 413).
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;
    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let json = req
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|ct| {
                let mime = ct.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
                mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json"))
            })
            .unwrap_or(false);
        if !json {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "send the body as JSON with `Content-Type: application/json`",
            ));
        }
        let bytes = match axum::body::Bytes::from_request(req, state).await {
            Ok(b) => b,
            Err(r) if r.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "too_large",
                    format!(
                        "the request body is larger than this endpoint accepts ({} bytes; a zero draft or a statement \
                         may have {} bytes)",
                        crate::MAX_BODY,
                        crate::negotiation_api::MAX_DRAFT_REQUEST
                    ),
                ))
            }
            Err(r) => {
                return Err(ApiError::bad_request(
                    "malformed_request",
                    format!("the body could not be read: {}", r.body_text()),
                ))
            }
        };
        if let Some(key) = duplicate_key(&bytes) {
            return Err(ApiError::bad_request(
                "malformed_request",
                format!("the JSON body names the key {key:?} twice in one object: send each key once"),
            ));
        }
        let mut de = serde_json::Deserializer::from_slice(&bytes);
        match serde_path_to_error::deserialize::<_, T>(&mut de) {
            Ok(v) => match de.end() {
                Ok(()) => Ok(ApiJson(v)),
                Err(e) => Err(ApiError::bad_request(
                    "malformed_request",
                    format!("the body is not valid JSON: {}", crate::error::plain_serde_message(&e.to_string())),
                )),
            },
            Err(e) => {
                // Valid JSON that does not fit the request, or not JSON at
                // all: said in the client's terms, without Rust's type names.
                let path = e.path().to_string();
                let inner = e.into_inner();
                let detail = crate::error::plain_serde_message(&inner.to_string());
                let where_ = if path == "." || path.is_empty() { String::new() } else { format!("{path}: ") };
                let message = if serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).is_ok() {
                    // In valid JSON, serde_json's "expected value" means a
                    // number or list where a named choice (a string) was expected.
                    let detail = match detail.strip_prefix("expected value") {
                        Some(rest) => format!("not one of the accepted values (send its name as a string){rest}"),
                        None => detail,
                    };
                    format!("the JSON body does not fit this request: {where_}{detail}")
                } else {
                    format!("the body is not valid JSON: {detail}")
                };
                Err(ApiError::bad_request("malformed_request", message))
            }
        }
    }
}

/// `Query<T>` whose rejections are API errors.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state).await.map(|q| ApiQuery(q.0)).map_err(
            |e: QueryRejection| {
                // Keep what is wrong, without the library's preamble.
                let text = e.body_text();
                let what = text.strip_prefix("Failed to deserialize query string: ").unwrap_or(&text);
                let what = match what.split("missing field `").nth(1).and_then(|r| r.split('`').next()) {
                    Some(field) => format!("it lacks the parameter {field:?}"),
                    None => crate::error::plain_serde_message(&what.replace("unknown field", "unknown parameter")),
                };
                ApiError::bad_request("malformed_query", format!("the query string is malformed: {what}"))
            },
        )
    }
}

// ---- JSON shapes ----

/// A member or observer of the forum.
#[derive(Serialize, ToSchema)]
pub struct MemberJson {
    /// ISO 3166-1 alpha-3 for states, a short code for organisations.
    pub code: String,
    pub name: String,
    /// `state` or `organisation`.
    #[schema(example = "state")]
    pub kind: String,
    /// For organisations: `intergovernmental_organisation`, `ngo`, `private_sector`, `academia`, `technical_community` or `individual`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// `member` or `observer`.
    pub status: String,
    pub suspended: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suspension_reason: Option<String>,
    /// Index of the entry that admitted it.
    pub admitted_entry: u64,
    /// Index of the `member.signatures_required` entry from which every
    /// action in the member's name must carry its signature; absent while
    /// unsigned actions are still accepted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signatures_required_since: Option<u64>,
}

impl From<&Member> for MemberJson {
    fn from(m: &Member) -> Self {
        MemberJson {
            code: m.code.to_string(),
            name: m.name.to_string(),
            kind: match m.kind {
                MemberKind::State => "state",
                MemberKind::Organisation => "organisation",
            }
            .into(),
            category: m.category.map(|c| c.as_str().to_owned()),
            status: m.status.as_str().into(),
            suspended: m.suspended.is_some(),
            suspension_reason: m.suspended.as_ref().map(|r| r.to_string()),
            admitted_entry: m.admitted_entry,
            signatures_required_since: m.signatures_required,
        }
    }
}

/// A person accredited to a member's delegation or to the forum. The record
/// and the API name them by id and display name; e-mail addresses stay
/// private.
#[derive(Serialize, ToSchema)]
pub struct DelegateJson {
    /// Stable id, e.g. `D17`.
    pub id: String,
    pub name: String,
    /// The member for delegates; absent for officers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    /// `head_of_delegation`, `delegate`, `adviser`; or for officers `secretariat`, `chair`, `vice_chair`, `co_facilitator`.
    pub role: String,
    pub active: bool,
    pub accredited_entry: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdrawn_entry: Option<u64>,
}

impl From<&Delegate> for DelegateJson {
    fn from(d: &Delegate) -> Self {
        let (member, role) = match &d.affiliation {
            Affiliation::Member { member, role } => (Some(member.to_string()), role.as_str()),
            Affiliation::Officer { role } => (None, role.as_str()),
        };
        DelegateJson {
            id: d.id.to_string(),
            name: d.name.to_string(),
            member,
            role: role.into(),
            active: d.is_active(),
            accredited_entry: d.accredited_entry,
            withdrawn_entry: d.withdrawn_entry,
        }
    }
}

/// Which entry recorded a change: the promise of a receipt. The entry is
/// durable when this is answered; the signed checkpoint that includes it
/// follows within a second, and `receipt` then answers the full receipt
/// (entry, inclusion proof, signed checkpoint).
#[derive(Serialize, ToSchema)]
pub struct EntryRef {
    pub index: u64,
    /// RFC 3339, UTC.
    pub time: String,
    /// `SHA-256(0x00 ‖ entry)`, base64: the entry's leaf in the record's Merkle tree.
    pub leaf_hash: String,
    /// Where to fetch the receipt (add `?wait=true` to wait for the checkpoint).
    pub receipt: String,
}

impl From<&Appended> for EntryRef {
    fn from(a: &Appended) -> Self {
        use base64::Engine;
        EntryRef {
            index: a.entry.index,
            time: rfc3339(a.entry.time),
            leaf_hash: base64::engine::general_purpose::STANDARD.encode(accord_log::leaf_hash(&a.bytes).0),
            receipt: format!("/api/v1/record/{}/receipt", a.entry.index),
        }
    }
}

/// A member together with the entry that recorded the change.
#[derive(Serialize, ToSchema)]
pub struct MemberRecorded {
    #[serde(flatten)]
    pub member: MemberJson,
    pub entry: EntryRef,
}

/// A new accreditation, with the one-time initial password when the caller
/// gave none.
#[derive(Serialize, ToSchema)]
pub struct DelegateRecorded {
    #[serde(flatten)]
    pub delegate: DelegateJson,
    /// Shown once: the delegate must change it at first log-in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initial_password: Option<String>,
    pub entry: EntryRef,
}

/// One entry of the record.
#[derive(Serialize, ToSchema)]
pub struct EntryJson {
    pub index: u64,
    /// RFC 3339, UTC, millisecond precision.
    pub time: String,
    /// Who acted: `{"type": "system"}`, `{"type": "delegate", "delegate", "member"}` or `{"type": "officer", "delegate", "role"}`.
    #[schema(value_type = Object)]
    pub actor: serde_json::Value,
    /// What happened, e.g. `member.admitted`.
    pub kind: String,
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
}

impl From<&Entry> for EntryJson {
    fn from(e: &Entry) -> Self {
        let body = serde_json::to_value(&e.body).unwrap_or_default();
        EntryJson {
            index: e.index,
            time: rfc3339(e.time),
            actor: serde_json::to_value(&e.actor).unwrap_or_default(),
            kind: e.body.kind().into(),
            payload: body.get("payload").cloned().unwrap_or_default(),
        }
    }
}

/// RFC 3339 in UTC with milliseconds.
pub fn rfc3339(millis: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(millis as i128 * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    t.format(&time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"))
        .unwrap_or_default()
}

fn parse_code(code: &str) -> Result<MemberCode, ApiError> {
    Ok(MemberCode::parse(code)?)
}

fn member_json(app: &AppState, code: &MemberCode) -> Result<MemberJson, ApiError> {
    app.store.state().member(code).map(MemberJson::from).ok_or_else(|| {
        ApiError::not_found("unknown_member", format!("{code} is not a member or observer of this forum"))
    })
}

// ---- authentication ----

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    pub email: String,
    pub password: String,
    /// A name for the token, e.g. the tool that uses it.
    #[serde(default)]
    pub label: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct TokenJson {
    /// The token itself: shown once, stored only as a hash.
    pub token: String,
    pub id: i64,
    pub label: String,
    pub expires_at: String,
}

/// Exchanges an e-mail address and password for an API token.
#[utoipa::path(post, path = "/api/v1/auth/token", request_body = TokenRequest, tag = "auth",
    responses((status = 201, body = TokenJson), (status = 401, body = ErrorBody), (status = 403, description = "accreditation withdrawn, or the password must be changed first", body = ErrorBody), (status = 429, body = ErrorBody)))]
async fn create_token_by_password(
    State(app): State<AppState>,
    ClientAddr(addr): ClientAddr,
    ApiJson(req): ApiJson<TokenRequest>,
) -> Result<(StatusCode, Json<TokenJson>), ApiError> {
    let (account, delegate) = auth::authenticate(&app, &req.email, &req.password, &addr, None).await?;
    if account.must_change_password {
        return Err(ApiError::forbidden(
            "password_change_required",
            "this account still has its initial password: choose your own with POST /api/v1/auth/password first",
        ));
    }
    let label = req.label.unwrap_or_else(|| "API".into());
    Ok((StatusCode::CREATED, Json(issue_token(&app, delegate.id, &label)?)))
}

pub(crate) fn issue_token(app: &AppState, delegate: DelegateId, label: &str) -> Result<TokenJson, ApiError> {
    let label = accord_domain::unicode::accept("label", label.trim())?;
    let label = label.as_ref();
    if label.is_empty() || label.chars().count() > 100 || label.chars().any(char::is_control) {
        return Err(ApiError::bad_request("invalid_label", "give the token a label of 1 to 100 characters"));
    }
    let token = auth::random_secret("acc_");
    let expires = app.config.clock.now_unix_ms() + app.config.token_lifetime.as_millis() as i64;
    let id = app.store.create_api_token(&auth::secret_hash(&token), delegate, label, expires)?;
    Ok(TokenJson { token, id, label: label.to_owned(), expires_at: rfc3339(expires) })
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChangeRequest {
    pub email: String,
    /// The current (or initial) password.
    pub password: String,
    /// At least 12 characters.
    pub new_password: String,
    /// Also revoke every API token of the account (the one in use too);
    /// false when left out. Every browser session ends in any case.
    #[serde(default)]
    pub revoke_tokens: bool,
}

/// Changes a password (the way to replace an initial password through the
/// API). Ends every browser session of the account; with `revoke_tokens`,
/// revokes its API tokens too.
#[utoipa::path(post, path = "/api/v1/auth/password", request_body = PasswordChangeRequest, tag = "auth",
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 429, body = ErrorBody)))]
async fn change_password_by_password(
    State(app): State<AppState>,
    ClientAddr(addr): ClientAddr,
    ApiJson(req): ApiJson<PasswordChangeRequest>,
) -> Result<StatusCode, ApiError> {
    let new = NewPassword::parse(&req.new_password)?;
    let (_, delegate) = auth::authenticate(&app, &req.email, &req.password, &addr, None).await?;
    if req.new_password == req.password {
        return Err(ApiError::bad_request("password_unchanged", "choose a password different from the current one"));
    }
    let hash = auth::hash_password(new.expose().to_owned()).await?;
    app.store.set_password(delegate.id, &hash, false, req.revoke_tokens)?;
    Ok(StatusCode::NO_CONTENT)
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

pub(crate) fn parse_category(s: &str) -> Result<OrganisationCategory, ApiError> {
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
async fn get_member(State(app): State<AppState>, Path(code): Path<String>) -> Result<Json<MemberDetail>, ApiError> {
    let code = parse_code(&code)?;
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
async fn change_status(
    State(app): State<AppState>,
    caller: ApiCaller,
    Path(code): Path<String>,
    ApiJson(req): ApiJson<StatusChange>,
) -> Result<Json<MemberRecorded>, ApiError> {
    let code = parse_code(&code)?;
    let status = parse_status(&req.status)?;
    let appended =
        app.store.submit(caller.principal(), Action::ChangeMemberStatus { code: code.clone(), status }, None).await?;
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
    Path(code): Path<String>,
    ApiJson(req): ApiJson<ReasonRequest>,
) -> Result<Json<MemberRecorded>, ApiError> {
    let code = parse_code(&code)?;
    let reason = Reason::parse(&req.reason)?;
    let appended =
        app.store.submit(caller.principal(), Action::SuspendMember { code: code.clone(), reason }, None).await?;
    Ok(Json(MemberRecorded { member: member_json(&app, &code)?, entry: (&appended).into() }))
}

/// Ends a member's suspension (secretariat).
#[utoipa::path(delete, path = "/api/v1/members/{code}/suspension", tag = "members", security(("bearer" = [])),
    params(("code" = String, Path)),
    responses((status = 200, body = MemberRecorded), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn reinstate_member(
    State(app): State<AppState>,
    caller: ApiCaller,
    Path(code): Path<String>,
) -> Result<Json<MemberRecorded>, ApiError> {
    let code = parse_code(&code)?;
    let appended = app.store.submit(caller.principal(), Action::ReinstateMember { code: code.clone() }, None).await?;
    Ok(Json(MemberRecorded { member: member_json(&app, &code)?, entry: (&appended).into() }))
}

/// A member's active delegates.
#[utoipa::path(get, path = "/api/v1/members/{code}/delegates", tag = "delegates", params(("code" = String, Path)),
    responses((status = 200, body = Vec<DelegateJson>), (status = 404, body = ErrorBody)))]
async fn list_delegation(
    State(app): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<Vec<DelegateJson>>, ApiError> {
    let code = parse_code(&code)?;
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
        _ => Err(ApiError::bad_request(
            "invalid_role",
            format!("{s:?} is not a forum role: use secretariat, chair, vice_chair or co_facilitator"),
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
    Path(code): Path<String>,
    ApiJson(req): ApiJson<AccreditRequest>,
) -> Result<(StatusCode, Json<DelegateRecorded>), ApiError> {
    let member = parse_code(&code)?;
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

fn parse_delegate(id: &str) -> Result<DelegateId, ApiError> {
    Ok(DelegateId::parse(id)?)
}

/// One delegate or officer, active or not.
#[utoipa::path(get, path = "/api/v1/delegates/{id}", tag = "delegates", params(("id" = String, Path, description = "e.g. D17")),
    responses((status = 200, body = DelegateJson), (status = 404, body = ErrorBody)))]
async fn get_delegate(State(app): State<AppState>, Path(id): Path<String>) -> Result<Json<DelegateJson>, ApiError> {
    let id = parse_delegate(&id)?;
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
    Path(id): Path<String>,
    ApiJson(req): ApiJson<ReasonRequest>,
) -> Result<Json<DelegateJson>, ApiError> {
    let delegate = parse_delegate(&id)?;
    let reason = Reason::parse(&req.reason)?;
    app.store.submit(caller.principal(), Action::WithdrawAccreditation { delegate, reason }, None).await?;
    get_delegate(State(app), Path(id)).await
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
async fn reset_password(
    State(app): State<AppState>,
    caller: ApiCaller,
    Path(id): Path<String>,
) -> Result<Json<PasswordResetJson>, ApiError> {
    let id = parse_delegate(&id)?;
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
async fn list_keys(State(app): State<AppState>, Path(code): Path<String>) -> Result<Json<Vec<KeyJson>>, ApiError> {
    let code = parse_code(&code)?;
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
async fn register_key(
    State(app): State<AppState>,
    caller: ApiCaller,
    Path(code): Path<String>,
    ApiJson(req): ApiJson<KeyRequest>,
) -> Result<(StatusCode, Json<KeyRecorded>), ApiError> {
    let member = parse_code(&code)?;
    let label = DisplayName::parse(&req.label)?;
    let action = Action::RegisterMemberKey { member, public_key: req.public_key, label };
    let appended = app.store.submit(caller.principal(), action, None).await?;
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
async fn revoke_key(
    State(app): State<AppState>,
    caller: ApiCaller,
    Path((code, key)): Path<(String, String)>,
) -> Result<Json<KeyRecorded>, ApiError> {
    let member = parse_code(&code)?;
    let appended =
        app.store.submit(caller.principal(), Action::RevokeMemberKey { member, key: key.clone() }, None).await?;
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
async fn require_signatures(
    State(app): State<AppState>,
    caller: ApiCaller,
    Path(code): Path<String>,
    ApiJson(req): ApiJson<RequireSignaturesRequest>,
) -> Result<(StatusCode, Json<ActionRecorded>), ApiError> {
    let member = parse_code(&code)?;
    let action = match req.signature {
        Some(s) => Action::Signed {
            body: Box::new(accord_domain::EntryBody::MemberSignaturesRequired(
                accord_domain::entry::MemberSignaturesRequired { member },
            )),
            signature: accord_domain::MemberSignature { key: s.key, nonce: s.nonce, sig: s.sig },
        },
        None => Action::RequireSignatures { member },
    };
    let appended = app.store.submit(caller.principal(), action, None).await?;
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
                format!("the action is malformed: {}", crate::error::plain_serde_message(&e.to_string())),
            )
        })?;
    let signature =
        accord_domain::MemberSignature { key: req.signature.key, nonce: req.signature.nonce, sig: req.signature.sig };
    let appended =
        app.store.submit(caller.principal(), Action::Signed { body: Box::new(body), signature }, None).await?;
    Ok((StatusCode::CREATED, Json(ActionRecorded { entry: (&appended).into() })))
}

// ---- the record ----

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct RecordPage {
    /// Answer entries with an index greater than this (from the first entry when absent).
    #[param(minimum = 0, maximum = 9007199254740991_u64)]
    pub after: Option<u64>,
    /// At most this many entries (default 100, at most 1,000).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<u64>,
}

/// Entries of the record, in order.
#[utoipa::path(get, path = "/api/v1/record", params(RecordPage), tag = "record",
    responses((status = 200, body = Vec<EntryJson>), (status = 400, body = ErrorBody)))]
async fn list_record(
    State(app): State<AppState>,
    ApiQuery(page): ApiQuery<RecordPage>,
) -> Result<Json<Vec<EntryJson>>, ApiError> {
    let limit = crate::ranges::within("limit", page.limit.unwrap_or(100), 1, crate::ranges::RECORD_LIMIT_MAX)?;
    crate::ranges::within_opt("after", page.after, 0, crate::ranges::MAX_ID)?;
    Ok(Json(app.store.entries(page.after, limit)?.iter().map(EntryJson::from).collect()))
}

#[derive(Serialize, ToSchema)]
pub struct EntryDetail {
    #[serde(flatten)]
    pub entry: EntryJson,
    /// The entry's canonical bytes (accord-entry/v1, UTF-8 JSON), as stored.
    pub canonical: String,
}

/// One entry, with its canonical bytes.
#[utoipa::path(get, path = "/api/v1/record/{index}", tag = "record", params(("index" = u64, Path, minimum = 0, maximum = 9007199254740991_u64)),
    responses((status = 200, body = EntryDetail), (status = 404, body = ErrorBody)))]
async fn get_entry(State(app): State<AppState>, Path(index): Path<String>) -> Result<Json<EntryDetail>, ApiError> {
    let index: u64 = index.parse().map_err(|_| {
        ApiError::bad_request("invalid_index", format!("{index:?} is not an entry index (0, 1, 2, ...)"))
    })?;
    let found = app.store.entry_bytes(index.checked_sub(1), 1)?.into_iter().find(|(i, _)| *i == index);
    let (_, bytes) =
        found.ok_or_else(|| ApiError::not_found("unknown_entry", format!("the record has no entry {index}")))?;
    let entry = Entry::decode(&bytes).map_err(|_| ApiError::internal())?;
    Ok(Json(EntryDetail { entry: EntryJson::from(&entry), canonical: String::from_utf8_lossy(&bytes).into_owned() }))
}

// ---- the caller ----

/// Who the token belongs to.
#[utoipa::path(get, path = "/api/v1/me", tag = "auth", security(("bearer" = [])),
    responses((status = 200, body = DelegateJson), (status = 401, body = ErrorBody)))]
async fn me(caller: ApiCaller) -> Json<DelegateJson> {
    Json(DelegateJson::from(&caller.delegate))
}

#[derive(Serialize, ToSchema)]
pub struct TokenInfo {
    pub id: i64,
    pub label: String,
    pub created_at: String,
    pub expires_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<String>,
}

/// The caller's API tokens (never the tokens themselves).
#[utoipa::path(get, path = "/api/v1/me/tokens", tag = "auth", security(("bearer" = [])),
    responses((status = 200, body = Vec<TokenInfo>), (status = 401, body = ErrorBody)))]
async fn list_my_tokens(State(app): State<AppState>, caller: ApiCaller) -> Result<Json<Vec<TokenInfo>>, ApiError> {
    Ok(Json(
        app.store
            .api_tokens(caller.delegate.id)?
            .into_iter()
            .map(|t| TokenInfo {
                id: t.id,
                label: t.label,
                created_at: rfc3339(t.created_at),
                expires_at: rfc3339(t.expires_at),
                revoked_at: t.revoked_at.map(rfc3339),
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTokenRequest {
    pub label: String,
}

/// Issues another token to the caller.
#[utoipa::path(post, path = "/api/v1/me/tokens", request_body = NewTokenRequest, tag = "auth", security(("bearer" = [])),
    responses((status = 201, body = TokenJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
async fn create_my_token(
    State(app): State<AppState>,
    caller: ApiCaller,
    ApiJson(req): ApiJson<NewTokenRequest>,
) -> Result<(StatusCode, Json<TokenJson>), ApiError> {
    Ok((StatusCode::CREATED, Json(issue_token(&app, caller.delegate.id, &req.label)?)))
}

/// Revokes one of the caller's tokens (the one in use, too).
#[utoipa::path(delete, path = "/api/v1/me/tokens/{id}", tag = "auth", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn revoke_my_token(
    State(app): State<AppState>,
    caller: ApiCaller,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id: i64 =
        id.parse().map_err(|_| ApiError::bad_request("invalid_token_id", format!("{id:?} is not a token id")))?;
    if app.store.revoke_api_token(caller.delegate.id, id)? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found("unknown_token", format!("you hold no live token with id {id}")))
    }
}
