//! Accord's HTTP server: the web application and the JSON API.
//!
//! # Layout
//!
//! The server is laid out by feature. Each feature is a folder with the
//! same parts, so that a new kind of decision, say, has its place before
//! it is written:
//!
//! - `api.rs`: the JSON handlers under `/api/v1`, each annotated with
//!   `#[utoipa::path]`, and the feature's API routes;
//! - `pages.rs`: the web pages (askama templates in `templates/`), which
//!   work without JavaScript, and the feature's page routes;
//! - `shapes.rs`: the JSON shapes the API answers and the requests it
//!   reads;
//! - `mod.rs`: `routes()`, the feature's API and pages together.
//!
//! The features:
//!
//! - [`members`]: the forum, members and observers, admission, status and
//!   suspension, delegates and accreditation, officers, members' signing
//!   keys and signed actions.
//! - [`account`]: log-in and log-out, one's password, API tokens, `me`.
//! - [`negotiation`]: processes, versions and redlines, the rolling text,
//!   proposals and the chair's acts.
//! - [`meetings`]: rules of procedure, sessions, meetings, attendance,
//!   agenda and speakers, votes, consensus, silence procedures (and the
//!   scheduler that concludes them), important questions, summary records.
//! - [`translations`]: versions of a process's text in the forum's other
//!   official languages, recorded by translators; the translator's page
//!   and the reader's view, side by side with the original.
//! - [`record`]: the record's entries and pages, the home page, the live
//!   event stream ([`record::live`]), and the transparency log
//!   ([`record::log`]: checkpoints, tiles, proofs, receipts, witnesses;
//!   [`record::witness`]: the witness service).
//!
//! Below them:
//!
//! - [`shared`]: what more than one feature answers with (the entry that
//!   recorded a change, a delegate, a decision).
//! - [`http`]: the layer every feature stands on: [`http::error`] (the one
//!   error type, [`http::error::ApiError`]), [`http::extract`] (`ApiJson`,
//!   `ApiQuery`), [`http::ids`] (numbers in paths), [`http::page`] (the page
//!   frame, error pages, `PageForm`), [`http::auth`] (passwords, sessions,
//!   CSRF, API tokens, who is asking), [`http::limits`] (log-in delays,
//!   write limits), [`http::signing`] (members' signatures from the
//!   browser), [`http::security`] (headers on every answer),
//!   [`http::server`] (the socket, with header, idle and body timeouts),
//!   [`http::metrics`], [`http::ranges`], [`http::time`], [`http::views`]
//!   (a cache of rendered views valid for one size of the record),
//!   [`http::routes`] (the one list of routes) and [`http::openapi`].
//!
//! At the root: [`build`] makes the router and [`App`], the shared state;
//! [`setup`] and [`demo`] establish a forum.
//!
//! # Invariants
//! - Layers import downwards only: `http/` imports nothing from the
//!   features nor from `shared`, `shared` no feature, and no feature
//!   another (the unit test `layering` reads the sources and checks it).
//! - Every route is declared once, in a feature's `routes()` or here, and
//!   the router is built from that list ([`route_list`]), which the
//!   authorization test checks against its table of roles. An API route is
//!   added with its `routes!(handler)`, which puts its operation in the
//!   OpenAPI document, so that the document cannot miss it.
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

pub mod account;
pub mod allocator;
pub mod consultations;
pub mod demo;
pub mod http;
pub mod meetings;
pub mod members;
pub mod negotiation;
pub mod record;
pub mod setup;
pub mod shared;
pub mod translations;

#[cfg(test)]
mod layering;

pub use http::{auth, error, i18n, limits, metrics, security, server};
pub use record::{log, witness};

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
    pub login: http::limits::LoginPolicy,
    /// The write limits per member and per API token.
    pub writes: http::limits::WriteLimits,
    /// The application's one clock: the store must be opened with it
    /// (`Store::open_with_clock`), and the server reads it for log-in
    /// delays, write limits, silence deadlines, the checkpoint interval,
    /// expiry times and the pages' "now". The system clock by default;
    /// tests give a manual one and move it.
    pub clock: http::limits::Clock,
    /// The most live event streams (`/api/v1/events`) open at once; each
    /// holds a connection. Beyond it a new stream gets 503.
    pub max_event_streams: usize,
    /// How long a client may take to send a request's headers; also how
    /// long an idle kept-alive connection is kept ([`server::serve`]).
    pub header_read_timeout: Duration,
    /// How long a client may take to send a request's body.
    pub body_read_timeout: Duration,
    /// The interface's language for a visitor who chose none and whose
    /// browser asks for none of the six (`accord serve --language`).
    pub language: http::i18n::Lang,
    /// Where the fonts PDFs are set in are looked for, in order
    /// (`accord serve --fonts DIR` first, then the system's; see
    /// `accord_pdf::fonts`).
    pub font_dirs: Vec<std::path::PathBuf>,
    /// The most PDFs typeset at once (each takes a core); beyond, 503
    /// `pdf_busy` with `Retry-After`.
    pub max_pdf_jobs: usize,
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
            login: http::limits::LoginPolicy::default(),
            writes: http::limits::WriteLimits::default(),
            clock: http::limits::Clock::system(),
            max_event_streams: DEFAULT_MAX_EVENT_STREAMS,
            header_read_timeout: server::HEADER_READ_TIMEOUT,
            body_read_timeout: server::BODY_READ_TIMEOUT,
            language: http::i18n::Lang::En,
            font_dirs: accord_pdf::Fonts::dirs(None),
            max_pdf_jobs: DEFAULT_MAX_PDF_JOBS,
        }
    }
}

/// The default of [`Config::max_event_streams`]: below the 1,024 open
/// files a process gets by default on Linux, with room for ordinary
/// requests and the database.
pub const DEFAULT_MAX_EVENT_STREAMS: usize = 768;

/// The default of [`Config::max_pdf_jobs`]: two, so that typesetting
/// never takes every core of a small server from the other requests.
pub const DEFAULT_MAX_PDF_JOBS: usize = 2;

/// Everything a handler needs.
pub struct App {
    pub store: Arc<Store>,
    /// The log's signing key and its latest checkpoint.
    pub log: record::log::Log,
    pub config: Config,
    /// The delays after failed log-ins.
    pub limiter: http::limits::LoginLimiter,
    /// Signs and checks known-browser cookies.
    pub known_browsers: http::limits::KnownBrowsers,
    /// The write limits.
    pub writes: http::limits::WriteLimiter,
    pub metrics: http::metrics::HttpMetrics,
    /// Rendered views of negotiations, valid while the record does not grow.
    pub views: http::views::ViewCache,
    /// Live updates: the event streams of open pages.
    pub live: record::live::Live,
    /// The OpenAPI document, serialised ([`http::openapi::serve`]).
    pub openapi: axum::body::Bytes,
    /// The pages' addresses, where a visitor sent to log in comes back to.
    pub pages: http::page::Pages,
    /// Consultations' analyses, kept while each consultation is unchanged.
    pub consultations: consultations::analysis::Analyses,
    /// The secret delegates' participant keys are derived from (see
    /// `consultations::participants`), kept in the private tables.
    pub participant_secret: [u8; 32],
    /// PDF typesetting: its slots and fonts.
    pub pdf: http::pdf::PdfJobs,
}

pub type AppState = Arc<App>;

/// The interface's messages in the request's language (see [`http::i18n`]);
/// at the crate's root so that templates call `crate::t` and friends.
pub use http::i18n::{t, t1, t2, t3};

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
    let routes = all_routes();
    let pages = http::page::Pages::new(&routes.list());
    let (routes, doc) = routes.into_parts(<http::openapi::ApiDoc as utoipa::OpenApi>::openapi());
    let doc = http::openapi::finish(doc);
    let openapi = serde_json::to_vec(&doc).expect("the OpenAPI document serialises").into();
    let state: AppState = Arc::new(App {
        log: record::log::Log::new(signer, &store),
        known_browsers: http::limits::KnownBrowsers::new(stored_secret(
            &store,
            http::limits::KnownBrowsers::SECRET_NAME,
        )),
        participant_secret: stored_secret(&store, PARTICIPANT_SECRET_NAME),
        consultations: Default::default(),
        limiter: http::limits::LoginLimiter::new(config.login.clone()),
        writes: http::limits::WriteLimiter::new(config.writes.clone()),
        pdf: http::pdf::PdfJobs::new(config.max_pdf_jobs, config.font_dirs.clone()),
        store,
        config,
        metrics: http::metrics::HttpMetrics::default(),
        views: http::views::ViewCache::default(),
        live: record::live::Live::default(),
        openapi,
        pages,
    });
    let router = routes
        .fallback(http::page::not_found)
        .method_not_allowed_fallback(http::page::method_not_allowed)
        // Inside the signing layer: a form prepared for signing records
        // nothing, and its handler's refusal gives the write back.
        .layer(axum::middleware::from_fn_with_state(state.clone(), http::auth::limit_writes))
        .layer(axum::middleware::from_fn(http::signing::prepare_layer))
        .layer(axum::middleware::from_fn(http::page::note_method))
        .layer(axum::middleware::from_fn_with_state(state.clone(), http::metrics::count))
        .layer(axum::middleware::from_fn_with_state(state.clone(), http::auth::refuse_cross_site))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::from_fn_with_state(state.clone(), http::server::body_deadline))
        .layer(axum::middleware::from_fn_with_state(state.clone(), http::i18n::negotiate))
        .layer(axum::middleware::from_fn(http::security::headers))
        // Outermost: what every layer above added is compressed with the rest.
        .layer(http::compression::layer())
        .with_state(state.clone());
    (router, state)
}

/// The name of the participant secret in the private tables.
const PARTICIPANT_SECRET_NAME: &str = "consultation participants";

/// A 32-byte secret from the private tables (made there on first use): the
/// key of known-browser cookies, the participant secret. If the tables
/// cannot be read, a secret for this run only: browsers are then known,
/// and delegates keep their pseudonyms, until the server restarts.
fn stored_secret(store: &Store, name: &str) -> [u8; 32] {
    use rand::RngCore;
    let mut candidate = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut candidate);
    match store.secret(name, &candidate) {
        Ok(stored) if stored.len() == 32 => {
            let mut key = [0u8; 32];
            key.copy_from_slice(&stored);
            key
        }
        Ok(_) => {
            tracing::warn!(name, "the stored secret is not 32 bytes; using one for this run only");
            candidate
        }
        Err(e) => {
            tracing::warn!(name, error = %e, "cannot read the stored secret; using one for this run only");
            candidate
        }
    }
}

/// Every route of the application: the router is built from them.
fn all_routes() -> http::routes::Routes {
    http::routes::Routes::new()
        .get("/api/openapi.json", http::openapi::serve)
        .merge(http::assets::routes())
        // The first feature to name a schema keeps it: `ReasonRequest` is
        // both the meetings' objection (reason required) and the members'
        // suspension (reason optional), and the document has always shown
        // the first.
        .merge(meetings::routes())
        .merge(negotiation::routes())
        .merge(members::routes())
        .merge(account::routes())
        .merge(record::routes())
        .merge(consultations::routes())
        .merge(translations::routes())
        .get("/healthz", || async { "ok" })
        .get("/healthz/writer", writer_health)
        .get("/metrics", http::metrics::render)
}

/// Whether this server takes writes now: `200 leading` when it sequences
/// them (always, alone on SQLite), `503 following` with `Retry-After` when
/// another server sharing the PostgreSQL database leads them or the lead is
/// changing hands. A load balancer sends writes where this answers 200.
async fn writer_health(axum::extract::State(app): axum::extract::State<AppState>) -> axum::response::Response {
    use axum::response::IntoResponse;
    if app.store.is_leader() {
        "leading".into_response()
    } else {
        (
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            [(axum::http::header::RETRY_AFTER, http::error::NOT_LEADER_RETRY_AFTER.to_string())],
            "following",
        )
            .into_response()
    }
}

/// Every `(method, path)` the application answers (paths as the router
/// writes them, `{id}` for a parameter), in the order declared.
pub fn route_list() -> Vec<(axum::http::Method, String)> {
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
