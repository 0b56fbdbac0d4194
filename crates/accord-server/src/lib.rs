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
//! - [`auth`]: passwords (argon2id), sessions, CSRF, API tokens, the log-in
//!   rate limiter, and the extractors that say who is asking.
//! - [`error`]: [`error::ApiError`], the one error type of the HTTP layer.
//! - [`views`]: a cache of rendered views (the rolling text), keyed by
//!   what they show and valid for one size of the record.
//! - [`metrics`]: Prometheus counters at `/metrics`.
//!
//! # Invariants
//! - Handlers never touch SQL: they read the published state and the private
//!   tables through the store, and change the record only by submitting an
//!   action to the store, which answers once the entry is durable.
//! - Templates never query: handlers pass them plain values.
//! - The API authenticates only with `Authorization: Bearer`; cookies
//!   authenticate only the web pages, whose every state-changing form
//!   carries the session's CSRF token.

pub mod api;
pub mod auth;
pub mod decisions_api;
pub mod decisions_pages;
pub mod demo;
pub mod error;
pub mod live;
pub mod log;
pub mod metrics;
pub mod negotiation_api;
pub mod negotiation_pages;
pub mod pages;
pub mod ranges;
pub mod setup;
pub mod views;
pub mod witness;

use std::sync::Arc;
use std::time::Duration;

use accord_store::Store;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
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
        }
    }
}

/// Everything a handler needs.
pub struct App {
    pub store: Arc<Store>,
    /// The log's signing key and its latest checkpoint.
    pub log: log::Log,
    pub config: Config,
    pub limiter: auth::LoginLimiter,
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
    let state: AppState = Arc::new(App {
        log: log::Log::new(signer, &store),
        store,
        config,
        limiter: auth::LoginLimiter::default(),
        metrics: metrics::HttpMetrics::default(),
        views: views::ViewCache::default(),
        live: live::Live::default(),
    });
    let router = Router::new()
        .merge(pages::routes())
        .merge(api::routes())
        .merge(negotiation_api::routes())
        .merge(negotiation_pages::routes())
        .merge(decisions_api::routes())
        .merge(decisions_pages::routes())
        .merge(log::routes())
        .route("/healthz", get(|| async { "ok" }))
        .route("/metrics", get(metrics::render))
        .fallback(pages::not_found)
        .method_not_allowed_fallback(pages::method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(state.clone(), metrics::count))
        .layer(axum::middleware::from_fn_with_state(state.clone(), auth::refuse_cross_site))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(state.clone());
    (router, state)
}

/// [`build`] with a fresh log key that is not kept anywhere: for tests and
/// benchmarks, never for a forum (its checkpoints could not be checked
/// after a restart).
pub fn app(store: Arc<Store>, config: Config) -> Router {
    let key = accord_log::checkpoint::LogSigner::generate("accord.local/ephemeral").expect("a valid name");
    let signer = accord_log::checkpoint::LogSigner::from_key(&key).expect("a fresh key reads back");
    build(store, config, signer).0
}
