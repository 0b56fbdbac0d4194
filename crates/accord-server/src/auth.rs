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
//! - Failed log-ins are limited per account and per client address
//!   ([`LoginLimiter`]).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use accord_domain::state::Delegate;
use accord_domain::{DelegateId, Email};
use accord_store::Account;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::error::ApiError;
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

pub fn now_millis() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

/// Limits failed log-ins: at most [`LoginLimiter::PER_ACCOUNT`] failures per
/// account and [`LoginLimiter::PER_ADDRESS`] per client address in any
/// [`LoginLimiter::WINDOW`]. Kept in memory: a restart forgets the counts,
/// which an attacker cannot trigger.
#[derive(Default)]
pub struct LoginLimiter {
    windows: Mutex<HashMap<LimitKey, (Instant, u32)>>,
}

/// What a failed log-in is counted against: structured, so that no e-mail
/// address typed by a stranger can name another counter.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum LimitKey {
    AccountFrom(String, String),
    Account(String),
    Address(String),
}

/// Failed log-ins are counted three ways, each over a window of 15
/// minutes: an account from one address (5: a guesser at one machine), an
/// account from everywhere (50: guessing spread over many addresses, each
/// guess costing an argon2id hash), and an address over every account (20).
/// An account is not locked for everyone by 5 wrong passwords from
/// anywhere, since delegates' addresses are often public: the delegate
/// logging in from their own address still gets in.
impl LoginLimiter {
    pub const PER_ACCOUNT_AND_ADDRESS: u32 = 5;
    pub const PER_ACCOUNT: u32 = 50;
    pub const PER_ADDRESS: u32 = 20;
    pub const WINDOW: Duration = Duration::from_secs(15 * 60);

    fn keys(email: &str, addr: &str) -> [(LimitKey, u32); 3] {
        [
            (LimitKey::AccountFrom(email.to_owned(), addr.to_owned()), Self::PER_ACCOUNT_AND_ADDRESS),
            (LimitKey::Account(email.to_owned()), Self::PER_ACCOUNT),
            (LimitKey::Address(addr.to_owned()), Self::PER_ADDRESS),
        ]
    }

    /// Refuses with 429 if either the account or the address is blocked.
    pub fn check(&self, email: &str, addr: &str) -> Result<(), ApiError> {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        windows.retain(|_, (start, _)| now.duration_since(*start) < Self::WINDOW);
        for (key, limit) in Self::keys(email, addr) {
            if let Some((start, failures)) = windows.get(&key) {
                if *failures >= limit {
                    let wait = Self::WINDOW.saturating_sub(now.duration_since(*start)).as_secs().max(1);
                    let mut e = ApiError::new(
                        StatusCode::TOO_MANY_REQUESTS,
                        "too_many_attempts",
                        format!("too many failed log-in attempts: wait {} minutes, or ask the secretariat to reset the password", wait.div_ceil(60)),
                    );
                    e.retry_after = Some(wait);
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    pub fn failed(&self, email: &str, addr: &str) {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        for (key, _) in Self::keys(email, addr) {
            windows.entry(key).or_insert((now, 0)).1 += 1;
        }
    }

    pub fn succeeded(&self, email: &str, addr: &str) {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        windows.remove(&LimitKey::AccountFrom(email.to_owned(), addr.to_owned()));
        windows.remove(&LimitKey::Account(email.to_owned()));
    }
}

/// Checks an e-mail and password, with rate limiting. Answers the account
/// and the delegate behind it, who must still be accredited.
pub async fn authenticate(
    app: &AppState,
    email: &str,
    password: &str,
    addr: &str,
) -> Result<(Account, Delegate), ApiError> {
    let wrong = || ApiError::unauthorized("the e-mail address or the password is wrong");
    let key = email.trim().to_lowercase();
    app.limiter.check(&key, addr)?;
    let Ok(email) = Email::parse(email) else {
        app.limiter.failed(&key, addr);
        return Err(wrong());
    };
    let account = app.store.account_by_email(&email)?;
    // Verify against a real hash even for unknown accounts, so that timing
    // does not reveal which e-mail addresses have accounts.
    let hash = account.as_ref().map(|a| a.password_hash.clone()).unwrap_or_else(|| DUMMY_HASH.clone());
    let ok = verify_password(hash, password.to_owned()).await;
    let Some(account) = account.filter(|_| ok) else {
        app.limiter.failed(&key, addr);
        return Err(wrong());
    };
    let delegate = app.store.state().delegate(account.delegate).filter(|d| d.is_active()).cloned();
    let Some(delegate) = delegate else {
        return Err(ApiError::forbidden(
            "not_accredited",
            "this account's accreditation has been withdrawn: ask the secretariat",
        ));
    };
    app.limiter.succeeded(&key, addr);
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
        if app.config.trust_forwarded_for {
            let forwarded = parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .map(str::trim)
                .rfind(|a| !a.is_empty());
            if let Some(addr) = forwarded {
                return Ok(ClientAddr(addr.to_owned()));
            }
        }
        Ok(ClientAddr(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip().to_string())
                .unwrap_or_else(|| "unknown".into()),
        ))
    }
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
        let (token_id, delegate) = app.store.api_token_owner(&secret_hash(token))?.ok_or_else(|| {
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
        if eq(token.as_bytes(), self.csrf.as_bytes()) {
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
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
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
        return crate::pages::error_page(&app, &None, e);
    }
    next.run(request).await
}

/// Extracts the app state (a shorthand for handlers).
pub type App = State<AppState>;
