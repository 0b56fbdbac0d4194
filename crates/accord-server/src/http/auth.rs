//! Who is asking: passwords, sessions, API tokens, CSRF and the log-in rate
//! limiter.
//!
//! - Passwords are hashed with argon2id (the crate's defaults: 19 MiB, two
//!   passes), off the async reactor.
//! - Session ids and API tokens are 256-bit random values; the store keeps
//!   only their SHA-256.
//! - The session cookie is `HttpOnly`, `SameSite=Lax`, and `Secure` when the
//!   server runs behind TLS. Every state-changing form carries the session's
//!   synchroniser token (`csrf`), and [`refuse_cross_site`] refuses any
//!   state-changing request a browser marks as cross-site.
//! - Failed log-ins make further attempts wait, per account and per client
//!   address, never locking an account; a browser where the account logged
//!   in before is known by a signed cookie and not delayed by others'
//!   failures ([`crate::http::limits`]).
//! - Writes are limited per member and per API token ([`limit_writes`]).

use std::net::SocketAddr;

use accord_domain::state::Delegate;
use accord_domain::{DelegateId, Email};
use accord_store::Account;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::http::error::ApiError;
use crate::http::limits::{Attempt, KnownBrowsers, Writer};
use crate::AppState;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "accord_session";

/// Hashes a password with argon2id, on a blocking thread.
pub async fn hash_password(password: String) -> Result<String, ApiError> {
    tokio::task::spawn_blocking(move || hash_password_blocking(&password)).await.map_err(|_| ApiError::internal())
}

/// Hashes a password with argon2id (for the CLI and for blocking contexts).
pub fn hash_password_blocking(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2id with default parameters hashes any password")
        .to_string()
}

/// Checks a password against a stored hash, on a blocking thread.
pub async fn verify_password(hash: String, password: String) -> bool {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// A fresh 256-bit random secret, base64url, with a prefix that says what
/// it is (`acc_` for API tokens), so that leaked tokens are recognisable.
pub fn random_secret(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    format!("{prefix}{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// The session's CSRF token as a page carries it: a fresh random pad and
/// the token XORed with it (`pad.masked`, both hexadecimal), different in
/// every answer. A page compressed with the token and text an attacker
/// chooses (a query string shown on the page) then leaks nothing about
/// the token through the compressed size (BREACH). [`WebUser::check_csrf`]
/// takes the masked form or the token itself.
pub fn mask_csrf(token: &str) -> String {
    let mut pad = vec![0u8; token.len()];
    OsRng.fill_bytes(&mut pad);
    let masked: Vec<u8> = token.bytes().zip(&pad).map(|(t, p)| t ^ p).collect();
    format!("{}.{}", hex::encode(pad), hex::encode(masked))
}

/// The token inside a masked one ([`mask_csrf`]), if `sent` is one.
fn unmask_csrf(sent: &str) -> Option<Vec<u8>> {
    let (pad, masked) = sent.split_once('.')?;
    let (pad, masked) = (hex::decode(pad).ok()?, hex::decode(masked).ok()?);
    (pad.len() == masked.len()).then(|| pad.iter().zip(&masked).map(|(p, m)| p ^ m).collect())
}

/// A one-time initial password: 16 characters from an alphabet without
/// look-alikes, easy to read out or type from a printed sheet.
pub fn initial_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut out = String::with_capacity(19);
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(ALPHABET[*b as usize % ALPHABET.len()] as char);
    }
    out
}

pub fn secret_hash(secret: &str) -> [u8; 32] {
    Sha256::digest(secret.as_bytes()).into()
}

/// Reads one cookie from request headers.
pub fn cookie_in(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// The id of this browser if it holds a valid known-browser cookie for
/// the account.
fn known_browser(app: &AppState, headers: Option<&HeaderMap>, delegate: DelegateId) -> Option<String> {
    let value = cookie_in(headers?, &KnownBrowsers::cookie_name(delegate))?;
    app.known_browsers.check(delegate, &value, app.config.clock.now_unix_ms()).map(str::to_owned)
}

/// The `Set-Cookie` value that marks this browser as known to the account,
/// given after a successful log-in: the browser keeps its id if it had one,
/// and the cookie's lifetime starts again.
pub fn known_browser_cookie(app: &AppState, headers: &HeaderMap, delegate: DelegateId) -> String {
    let browser = known_browser(app, Some(headers), delegate).unwrap_or_else(|| random_secret(""));
    let value = app.known_browsers.issue(delegate, &browser, app.config.clock.now_unix_ms());
    let secure = if app.config.secure_cookies { "; Secure" } else { "" };
    format!(
        "{}={value}; Path=/login; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        KnownBrowsers::cookie_name(delegate),
        KnownBrowsers::LIFETIME.as_secs()
    )
}

/// Checks an e-mail and password, with the log-in delays of
/// [`crate::http::limits`]. `headers` are the browser's (for its known-browser
/// cookie; `None` from the API). Answers the account and the delegate
/// behind it, who must still be accredited.
pub async fn authenticate(
    app: &AppState,
    email: &str,
    password: &str,
    addr: &str,
    headers: Option<&HeaderMap>,
) -> Result<(Account, Delegate), ApiError> {
    let wrong = || ApiError::unauthorized("the e-mail address or the password is wrong");
    let key = email.trim().to_lowercase();
    let parsed = Email::parse(email).ok();
    let account = match &parsed {
        Some(e) => app.store.account_by_email(e)?,
        None => None,
    };
    let browser = account.as_ref().and_then(|a| known_browser(app, headers, a.delegate));
    let attempt = Attempt {
        email: &key,
        addr,
        known_browser: browser.as_deref(),
        password_set_at: account.as_ref().map(|a| a.password_set_at),
    };
    app.limiter.check(&attempt, app.config.clock.now())?;
    if parsed.is_none() {
        app.limiter.failed(&attempt, app.config.clock.now());
        return Err(wrong());
    }
    // Verify against a real hash even for unknown accounts, so that timing
    // does not reveal which e-mail addresses have accounts.
    let hash = account.as_ref().map(|a| a.password_hash.clone()).unwrap_or_else(|| DUMMY_HASH.clone());
    let ok = verify_password(hash, password.to_owned()).await;
    let Some(account) = account.filter(|_| ok) else {
        app.limiter.failed(&attempt, app.config.clock.now());
        return Err(wrong());
    };
    let delegate = app.store.state().delegate(account.delegate).filter(|d| d.is_active()).cloned();
    let Some(delegate) = delegate else {
        return Err(ApiError::forbidden(
            "not_accredited",
            "this account's accreditation has been withdrawn: ask the secretariat",
        ));
    };
    app.limiter.succeeded(&attempt);
    Ok((account, delegate))
}

static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash_password_blocking("accord timing equaliser, never a real password"));

/// The client's address, for rate limiting (`unknown` when the server is
/// called in-process, as in tests). Behind a reverse proxy, with
/// [`crate::Config::trust_forwarded_for`], it is the right-most address of
/// `X-Forwarded-For`: the one the proxy itself saw.
pub struct ClientAddr(pub String);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Self::Rejection> {
        Ok(client_address(app, &parts.headers, &parts.extensions))
    }
}

/// The client's address (see [`ClientAddr`]).
fn client_address(app: &AppState, headers: &HeaderMap, extensions: &axum::http::Extensions) -> ClientAddr {
    if app.config.trust_forwarded_for {
        let forwarded = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .rfind(|a| !a.is_empty());
        if let Some(addr) = forwarded {
            return ClientAddr(addr.to_owned());
        }
    }
    ClientAddr(
        extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string()).unwrap_or_else(|| "unknown".into()),
    )
}

/// A caller of the JSON API, authenticated by `Authorization: Bearer`.
#[derive(Debug, Clone)]
pub struct ApiCaller {
    pub delegate: Delegate,
    pub token_id: i64,
}

impl ApiCaller {
    pub fn principal(&self) -> accord_domain::state::Principal {
        accord_domain::state::Principal::Delegate(self.delegate.id)
    }
}

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Self::Rejection> {
        let header = parts.headers.get(header::AUTHORIZATION).ok_or_else(|| {
            ApiError::unauthorized(
                "log in first: send `Authorization: Bearer TOKEN` (get a token from POST /api/v1/auth/token)",
            )
        })?;
        let token = header
            .to_str()
            .ok()
            .and_then(|h| h.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| ApiError::unauthorized("the Authorization header must be `Bearer TOKEN`"))?;
        let hash = secret_hash(token);
        let owner = match parts.extensions.get::<TokenOwner>().filter(|t| t.hash == hash) {
            Some(t) => t.owner,
            None => app.store.api_token_owner(&hash)?,
        };
        let (token_id, delegate) = owner.ok_or_else(|| {
            ApiError::unauthorized(
                "the token is unknown, expired or revoked: get a new one from POST /api/v1/auth/token",
            )
        })?;
        let delegate = active_delegate(app, delegate)?;
        Ok(ApiCaller { delegate, token_id })
    }
}

fn active_delegate(app: &AppState, id: DelegateId) -> Result<Delegate, ApiError> {
    app.store.state().delegate(id).filter(|d| d.is_active()).cloned().ok_or_else(|| {
        ApiError::forbidden("not_accredited", "this account's accreditation has been withdrawn: ask the secretariat")
    })
}

/// A logged-in browser user.
#[derive(Debug, Clone)]
pub struct WebUser {
    pub delegate: Delegate,
    pub csrf: String,
    pub must_change_password: bool,
    pub session_hash: [u8; 32],
}

impl WebUser {
    pub fn principal(&self) -> accord_domain::state::Principal {
        accord_domain::state::Principal::Delegate(self.delegate.id)
    }

    /// Checks the synchroniser token a form carried.
    pub fn check_csrf(&self, token: &str) -> Result<(), ApiError> {
        use subtle_eq::eq;
        let unmasked = unmask_csrf(token);
        if eq(unmasked.as_deref().unwrap_or(token.as_bytes()), self.csrf.as_bytes()) {
            Ok(())
        } else {
            Err(ApiError::forbidden(
                "csrf_failed",
                "this form is out of date or was sent from another site: reload the page and try again",
            ))
        }
    }
}

mod subtle_eq {
    /// Compares in time that depends only on the lengths.
    pub fn eq(a: &[u8], b: &[u8]) -> bool {
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

/// The browser user, if the request carries a live session cookie.
pub struct MaybeUser(pub Option<WebUser>);

impl FromRequestParts<AppState> for MaybeUser {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Self::Rejection> {
        let Some(token) = cookie(parts, SESSION_COOKIE) else { return Ok(MaybeUser(None)) };
        let hash = secret_hash(&token);
        let Some(session) = app.store.session(&hash)? else { return Ok(MaybeUser(None)) };
        let Ok(delegate) = active_delegate(app, session.delegate) else { return Ok(MaybeUser(None)) };
        let must_change_password = app.store.account(delegate.id)?.is_some_and(|a| a.must_change_password);
        Ok(MaybeUser(Some(WebUser { delegate, csrf: session.csrf, must_change_password, session_hash: hash })))
    }
}

/// Reads one cookie from the request.
pub fn cookie(parts: &Parts, name: &str) -> Option<String> {
    cookie_in(&parts.headers, name)
}

/// The `Set-Cookie` value for a session (or, with `None`, one that ends it).
pub fn session_cookie(app: &AppState, token: Option<&str>) -> String {
    let secure = if app.config.secure_cookies { "; Secure" } else { "" };
    match token {
        Some(t) => format!(
            "{SESSION_COOKIE}={t}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
            app.config.session_lifetime.as_secs()
        ),
        None => format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"),
    }
}

/// Refuses any state-changing request that a browser marks as cross-site
/// (`Sec-Fetch-Site: cross-site`) or whose `Origin` is not this host: the
/// first line of defence against cross-site request forgery; the CSRF token
/// of each form is the second.
pub async fn refuse_cross_site(State(app): State<AppState>, request: Request, next: Next) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let cross_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) == Some("cross-site");
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let foreign_origin = match (headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()), host) {
        (Some(origin), Some(host)) => {
            let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or(origin);
            origin_host != host
        }
        (Some(origin), None) => origin != "null",
        _ => false,
    };
    if cross_site || foreign_origin {
        let e = ApiError::forbidden(
            "cross_site_request",
            "this request came from another web site and was refused: use Accord's own pages",
        );
        // A form posted from elsewhere lands in a browser: say it on a page.
        let path = request.uri().path();
        if path.starts_with("/api/") || path.starts_with("/log/") {
            return e.into_response();
        }
        return crate::http::page::error_page(&app, &None, e);
    }
    next.run(request).await
}

/// Whether a state-changing route can write to the record. Log-in, log-out,
/// one's own account, tokens and password resets touch only the private
/// tables and are not counted against the write limits, so that a
/// delegation that met them can still log out or revoke a token.
pub(crate) fn writes_record(path: &str) -> bool {
    !(path == "/login"
        || path == "/logout"
        || path.starts_with("/account/")
        || path.starts_with("/api/v1/auth/")
        || path.starts_with("/api/v1/me/")
        || path.ends_with("/password-reset"))
}

/// The write limits ([`crate::http::limits::WriteLimiter`]): a state-changing
/// request by a member's delegate, logged in or with an API token, takes
/// one write from its member's bucket and from its token's, and gives it
/// back if it fails. Officers are not limited. An anonymous request is left to the handler, which
/// refuses it. An empty bucket answers 429 `rate_limited` with
/// `Retry-After`, as JSON under `/api/` and as a page elsewhere.
pub async fn limit_writes(State(app): State<AppState>, mut request: Request, next: Next) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS) || !writes_record(request.uri().path())
    {
        return next.run(request).await;
    }
    let writers = match writers_of(&app, &mut request) {
        Ok(w) => w,
        // A failing lookup is the handler's to report, with the same store.
        Err(_) => return next.run(request).await,
    };
    if writers.is_empty() {
        return next.run(request).await;
    }
    if let Err(e) = app.writes.take(&writers, app.config.clock.now()) {
        if request.uri().path().starts_with("/api/") {
            return e.into_response();
        }
        let retry = e.retry_after;
        let (mut parts, _) = request.into_parts();
        let user = MaybeUser::from_request_parts(&mut parts, &app).await.map(|u| u.0).unwrap_or(None);
        let mut page = crate::http::page::error_page(&app, &user, e);
        if let Some(v) = retry.and_then(|s| header::HeaderValue::from_str(&s.to_string()).ok()) {
            page.headers_mut().insert(header::RETRY_AFTER, v);
        }
        return page;
    }
    let response = next.run(request).await;
    if response.status().as_u16() >= 400 {
        app.writes.give_back(&writers, app.config.clock.now());
    }
    response
}

/// A bearer token already looked up for this request by [`limit_writes`],
/// which [`ApiCaller`] takes instead of looking it up again.
#[derive(Clone)]
struct TokenOwner {
    hash: [u8; 32],
    owner: Option<(i64, DelegateId)>,
}

/// Whose write a request is: the member behind its bearer token or its
/// session, and the token; nobody's for officers and anonymous callers.
fn writers_of(app: &AppState, request: &mut Request) -> Result<Vec<Writer>, ApiError> {
    let headers = request.headers();
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|h| h.to_str().ok())
        .and_then(|h| h.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let (delegate, token) = if let Some(token) = bearer {
        let hash = secret_hash(token);
        let owner = app.store.api_token_owner(&hash)?;
        request.extensions_mut().insert(TokenOwner { hash, owner });
        match owner {
            Some((id, delegate)) => (delegate, Some(id)),
            None => return Ok(Vec::new()),
        }
    } else if let Some(session) = cookie_in(headers, SESSION_COOKIE) {
        match app.store.session(&secret_hash(&session))? {
            Some(s) => (s.delegate, None),
            None => return Ok(Vec::new()),
        }
    } else {
        return Ok(anonymous_writers(app, request));
    };
    // Officers are not limited: admitting the members, accrediting
    // delegations and running meetings come in bulk, and the host's staff
    // could write the record without the server anyway.
    let Some(member) = app.store.state().delegate(delegate).and_then(|d| d.member().cloned()) else {
        return Ok(Vec::new());
    };
    let mut writers = vec![Writer::Member(member)];
    writers.extend(token.map(Writer::Token));
    Ok(writers)
}

/// The buckets of a write by someone without an account: a consultation's
/// participant, by their key (header or cookie) and their address. Other
/// anonymous writes are the handlers' to refuse.
fn anonymous_writers(app: &AppState, request: &Request) -> Vec<Writer> {
    let path = request.uri().path();
    if !(path.starts_with("/api/v1/consultations/") || path.starts_with("/consultations/")) {
        return Vec::new();
    }
    let headers = request.headers();
    let key = headers
        .get("x-accord-participant")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .or_else(|| cookie_in(headers, "accord_participant"));
    let mut writers = Vec::new();
    if let Some(key) = key {
        let hash = secret_hash(key.trim());
        let mut short = [0u8; 16];
        short.copy_from_slice(&hash[..16]);
        writers.push(Writer::Participant(short));
    }
    writers.push(Writer::Address(client_address(app, headers, request.extensions()).0));
    writers
}

/// Extracts the app state (a shorthand for handlers).
pub type App = State<AppState>;
