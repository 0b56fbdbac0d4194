//! Accord's HTTP server: the web application and the JSON API.
//!
//! # Layout
//! - [`app`]: builds the router; [`App`] is the shared state (the store, the
//!   log-in rate limiter, the metrics).
//! - [`api`]: the JSON API under `/api/v1`, with its OpenAPI document.
//! - [`negotiation_api`]: the JSON API of negotiating texts (processes,
//!   proposals, rolling text, versions and redlines).
//! - [`decisions_api`]: the JSON API of rules, sessions, meetings,
//!   attendance, votes, consensus and silence procedures, and the scheduler
//!   that concludes silence procedures at their deadline.
//! - [`pages`]: the server-rendered web pages (askama templates in
//!   `templates/`), which work without JavaScript.
//! - [`auth`]: passwords (argon2id), sessions, CSRF, API tokens, and the
//!   extractors and layers that say who is asking.
//! - [`limits`]: growing delays after failed log-ins (never a lock), the
//!   known-browser cookie, and the write limits per member and per token.
//! - [`error`]: [`error::ApiError`], the one error type of the HTTP layer.
//! - [`views`]: a cache of rendered views (the rolling text), keyed by
//!   what they show and valid for one size of the record.
//! - [`metrics`]: Prometheus counters at `/metrics`.
//! - [`signing`]: members' signatures from the browser: the pages' forms
//!   that act in a member's name are signed by a key the browser holds.
//! - [`server`]: serving on a socket, with header, idle and body timeouts.
//! - [`security`]: the headers every answer carries (content security
//!   policy, no framing, no sniffing, no caching of private pages).
//!
//! # Invariants
//! - Handlers never touch SQL: they read the published state and the private
//!   tables through the store, and change the record only by submitting an
//!   action to the store, which answers once the entry is durable.
//! - Templates never query: handlers pass them plain values.
//! - The API authenticates only with `Authorization: Bearer`; cookies
//!   authenticate only the web pages, whose every state-changing form
//!   carries the session's CSRF token.
//!
//! Every request body is limited to [`MAX_BODY`] (64 KiB).
//!
//! # Time
//! Time comes from one `accord_store::Clock`, [`Config::clock`], the same
//! one the store's writer stamps entries with ([`build`] refuses a manual
//! clock that is not the store's). The server never reads the system's
//! clock itself, except for real-time bounds on input and output (request
//! timeouts, the wait of a receipt for a checkpoint, a witness's timeout,
//! a retry after a failed write) and for measuring its own speed.

pub mod api;
pub mod auth;
pub mod decisions_api;
pub mod decisions_pages;
pub mod demo;
pub mod error;
pub mod limits;
pub mod live;
pub mod log;
pub mod metrics;
pub mod negotiation_api;
pub mod negotiation_pages;
pub mod openapi_errors;
pub mod pages;
pub mod ranges;
pub mod routes;
pub mod security;
pub mod server;
pub mod setup;
pub mod signing;
pub mod views;
pub mod witness;

use std::sync::Arc;
use std::time::Duration;

use accord_store::Store;
use axum::extract::DefaultBodyLimit;
use axum::Router;

/// How the server behaves; set from the command line.
#[derive(Debug, Clone)]
pub struct Config {
    /// Mark cookies `Secure` (set when Accord is served over TLS, directly
    /// or behind a proxy).
    pub secure_cookies: bool,
    /// Take the client's address from `X-Forwarded-For` (set this only
    /// behind a reverse proxy that sets it), so that the per-address log-in
    /// limit counts clients, not the proxy.
    pub trust_forwarded_for: bool,
    /// How long a browser session lasts.
    pub session_lifetime: Duration,
    /// How long an API token lasts unless revoked.
    pub token_lifetime: Duration,
    /// How often a new checkpoint is signed when the record has grown.
    pub checkpoint_interval: Duration,
    /// Witnesses (base URLs) each new checkpoint is sent to; their
    /// cosignatures are published with it.
    pub witnesses: Vec<String>,
    /// The delays after failed log-ins.
    pub login: limits::LoginPolicy,
    /// The write limits per member and per API token.
    pub writes: limits::WriteLimits,
    /// The application's one clock: the store must be opened with it
    /// (`Store::open_with_clock`), and the server reads it for log-in
    /// delays, write limits, silence deadlines, the checkpoint interval,
    /// expiry times and the pages' "now". The system clock by default;
    /// tests give a manual one and move it.
    pub clock: limits::Clock,
    /// The most live event streams (`/api/v1/events`) open at once; each
    /// holds a connection. Beyond it a new stream gets 503.
    pub max_event_streams: usize,
    /// How long a client may take to send a request's headers; also how
    /// long an idle kept-alive connection is kept ([`server::serve`]).
    pub header_read_timeout: Duration,
    /// How long a client may take to send a request's body.
    pub body_read_timeout: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            secure_cookies: false,
            trust_forwarded_for: false,
            session_lifetime: Duration::from_secs(12 * 3600),
            token_lifetime: Duration::from_secs(90 * 24 * 3600),
            checkpoint_interval: Duration::from_secs(1),
            witnesses: Vec::new(),
            login: limits::LoginPolicy::default(),
            writes: limits::WriteLimits::default(),
            clock: limits::Clock::system(),
            max_event_streams: DEFAULT_MAX_EVENT_STREAMS,
            header_read_timeout: server::HEADER_READ_TIMEOUT,
            body_read_timeout: server::BODY_READ_TIMEOUT,
        }
    }
}

/// The default of [`Config::max_event_streams`]: below the 1,024 open
/// files a process gets by default on Linux, with room for ordinary
/// requests and the database.
pub const DEFAULT_MAX_EVENT_STREAMS: usize = 768;

/// Everything a handler needs.
pub struct App {
    pub store: Arc<Store>,
    /// The log's signing key and its latest checkpoint.
    pub log: log::Log,
    pub config: Config,
    /// The delays after failed log-ins.
    pub limiter: limits::LoginLimiter,
    /// Signs and checks known-browser cookies.
    pub known_browsers: limits::KnownBrowsers,
    /// The write limits.
    pub writes: limits::WriteLimiter,
    pub metrics: metrics::HttpMetrics,
    /// Rendered views of negotiations, valid while the record does not grow.
    pub views: views::ViewCache,
    /// Live updates: the event streams of open pages.
    pub live: live::Live,
}

pub type AppState = Arc<App>;

/// The largest request body: 64 KiB, the size of the largest entry. Larger
/// bodies get 413.
pub const MAX_BODY: usize = 64 * 1024;

/// Builds the whole application as a router (tests call it in-process),
/// and its shared state (for the checkpoint task).
pub fn build(store: Arc<Store>, config: Config, signer: accord_log::checkpoint::LogSigner) -> (Router, AppState) {
    assert!(
        !(config.clock.is_manual() || store.clock().is_manual()) || config.clock.same_as(store.clock()),
        "Config::clock and the store's clock must be the same clock: open the store with Store::open_with_clock"
    );
    let state: AppState = Arc::new(App {
        log: log::Log::new(signer, &store),
        known_browsers: limits::KnownBrowsers::new(known_browser_secret(&store)),
        limiter: limits::LoginLimiter::new(config.login.clone()),
        writes: limits::WriteLimiter::new(config.writes.clone()),
        store,
        config,
        metrics: metrics::HttpMetrics::default(),
        views: views::ViewCache::default(),
        live: live::Live::default(),
    });
    let router = all_routes()
        .into_router()
        .fallback(pages::not_found)
        .method_not_allowed_fallback(pages::method_not_allowed)
        // Inside the signing layer: a form prepared for signing records
        // nothing, and its handler's refusal gives the write back.
        .layer(axum::middleware::from_fn_with_state(state.clone(), auth::limit_writes))
        .layer(axum::middleware::from_fn(signing::prepare_layer))
        .layer(axum::middleware::from_fn(pages::note_method))
        .layer(axum::middleware::from_fn_with_state(state.clone(), metrics::count))
        .layer(axum::middleware::from_fn_with_state(state.clone(), auth::refuse_cross_site))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::from_fn_with_state(state.clone(), server::body_deadline))
        .layer(axum::middleware::from_fn(security::headers))
        .with_state(state.clone());
    (router, state)
}

/// The key of known-browser cookies, from the private tables (made there
/// on first use). If the tables cannot be read, a key for this run only:
/// browsers are then known until the server restarts.
fn known_browser_secret(store: &Store) -> [u8; 32] {
    use rand::RngCore;
    let mut candidate = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut candidate);
    match store.secret(limits::KnownBrowsers::SECRET_NAME, &candidate) {
        Ok(stored) if stored.len() == 32 => {
            let mut key = [0u8; 32];
            key.copy_from_slice(&stored);
            key
        }
        Ok(_) => {
            tracing::warn!("the stored known-browser key is not 32 bytes; using a key for this run only");
            candidate
        }
        Err(e) => {
            tracing::warn!(error = %e, "cannot read the known-browser key; using a key for this run only");
            candidate
        }
    }
}

/// Every route of the application: the router is built from them.
fn all_routes() -> routes::Routes {
    routes::Routes::new()
        .merge(pages::routes())
        .merge(api::routes())
        .merge(negotiation_api::routes())
        .merge(negotiation_pages::routes())
        .merge(decisions_api::routes())
        .merge(decisions_pages::routes())
        .merge(signing::routes())
        .merge(log::routes())
        .get("/healthz", || async { "ok" })
        .get("/metrics", metrics::render)
}

/// Every `(method, path)` the application answers (paths as the router
/// writes them, `{id}` for a parameter), in the order declared.
pub fn route_list() -> Vec<(axum::http::Method, &'static str)> {
    all_routes().list()
}

/// [`build`] with a fresh log key that is not kept anywhere: for tests and
/// benchmarks, never for a forum (its checkpoints could not be checked
/// after a restart).
pub fn app(store: Arc<Store>, config: Config) -> Router {
    let key = accord_log::checkpoint::LogSigner::generate("accord.local/ephemeral").expect("a valid name");
    let signer = accord_log::checkpoint::LogSigner::from_key(&key).expect("a fresh key reads back");
    build(store, config, signer).0
}
