//! The JSON API of one's account: a token for a password, a change of
//! password, who the caller is, and the caller's tokens.

use accord_domain::ids::NewPassword;
use accord_domain::DelegateId;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::routes;

use crate::http::auth::{self, ApiCaller, ClientAddr};
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::ApiJson;
use crate::http::ids::*;
use crate::http::time::rfc3339;
use crate::shared::*;
use crate::AppState;

pub fn routes() -> crate::http::routes::Routes {
    crate::http::routes::Routes::new()
        .api(routes!(create_token_by_password))
        .api(routes!(change_password_by_password))
        .api(routes!(me))
        .api(routes!(list_my_tokens))
        .api(routes!(create_my_token))
        .api(routes!(revoke_my_token))
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

// ---- the caller ----

/// Who the token belongs to.
#[utoipa::path(get, path = "/api/v1/me", tag = "auth", security(("bearer" = [])),
    responses((status = 200, body = DelegateJson), (status = 401, body = ErrorBody)))]
pub(crate) async fn me(caller: ApiCaller) -> Json<DelegateJson> {
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
    TokenId(id): TokenId,
) -> Result<StatusCode, ApiError> {
    if app.store.revoke_api_token(caller.delegate.id, id)? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found("unknown_token", format!("you hold no live token with id {id}")))
    }
}
