//! The record as a transparency log over HTTP: the signed checkpoint, the
//! C2SP tiles, proofs and receipts.
//!
//! - `GET /log/checkpoint`: the latest signed checkpoint (C2SP signed note),
//!   with witnesses' cosignatures; never cached.
//! - `GET /log/tile/<L>/<N>[.p/<W>]` and `GET /log/tile/entries/<N>[.p/<W>]`:
//!   C2SP tlog-tiles, immutable, cacheable for a year, so that any static
//!   server or CDN can mirror the record.
//! - `GET /log/blob/<sha256>`: content entries name by hash.
//! - `GET /log/state/<size>`: the state published with the checkpoint of
//!   `size` (as `/api/v1/log/state/<size>`), so that a copy of `log/` on a
//!   static host ([`crate::record::log_dir`]) holds everything
//!   `accord verify` compares.
//! - `GET /api/v1/log`: the log's origin, verifier key and checkpoint.
//! - `GET /api/v1/log/inclusion?index=I&size=S` and
//!   `GET /api/v1/log/consistency?old=A&new=B`: proofs, base64 hashes.
//! - `GET /api/v1/record/{index}/receipt`: the receipt of one entry (see
//!   [`Receipt`]); `?wait=true` waits for the next checkpoint if none covers
//!   the entry yet.
//!
//! A checkpoint is signed by [`run_checkpointer`] every
//! [`crate::Config::checkpoint_interval`] on the application's clock
//! ([`crate::Config::clock`]) when the tree has grown, and published at
//! once; [`push_to_witness`] tasks, one per witness, send it
//! to the witnesses concurrently and add their cosignatures as they come.
//!
//! A witness is sent the latest checkpoint with a 5 s timeout; a slow one
//! is sent the newest when it is done with the last, skipping those in
//! between. What each witness last answered (`cosigned`, `refused` with its
//! status and words, `unreachable`; `pending` before its first answer) is
//! published in `/api/v1/log` and on the record page. The state per
//! checkpoint is at `/api/v1/log/state/N` (`size`, `digest`, `format` and,
//! for v2, `parts`). [`check_stored_checkpoint`] makes `accord serve` refuse
//! to start when the latest stored checkpoint does not verify with the log
//! key or names another size or root than the stored tree.

use std::sync::RwLock;
use std::time::Duration;

use accord_domain::state::{STATE_DIGEST_V1, STATE_DIGEST_V2};
use accord_log::checkpoint::LogSigner;
use accord_log::tiles::{self, TilePath};
use accord_store::Store;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::prelude::{Engine, BASE64_STANDARD};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::routes;

use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::ApiQuery;
use crate::http::ids::*;
use crate::AppState;

/// The log's key and its latest checkpoint.
pub struct Log {
    signer: LogSigner,
    latest: RwLock<Option<(u64, String)>>,
    /// What this server last heard from each witness, by URL.
    witnesses: std::sync::Mutex<std::collections::BTreeMap<String, WitnessStatus>>,
    /// Held while cosignatures are merged into a stored checkpoint, so that
    /// two witnesses answering at once do not lose one another's line.
    cosigning: std::sync::Mutex<()>,
    /// Woken whenever a new checkpoint is signed.
    pub signed: tokio::sync::Notify,
    /// The size of the latest signed checkpoint, watched by the tasks that
    /// push checkpoints to witnesses.
    published: tokio::sync::watch::Sender<u64>,
}

impl Log {
    pub fn new(signer: LogSigner, store: &Store) -> Log {
        let latest = store.latest_checkpoint().ok().flatten();
        let size = latest.as_ref().map_or(0, |(s, _)| *s);
        Log {
            signer,
            latest: RwLock::new(latest),
            witnesses: Default::default(),
            cosigning: Default::default(),
            signed: tokio::sync::Notify::new(),
            published: tokio::sync::watch::Sender::new(size),
        }
    }

    pub fn origin(&self) -> &str {
        self.signer.origin()
    }

    /// The verifier key anyone uses to check checkpoints.
    pub fn verifier_key(&self) -> &str {
        self.signer.verifier_key()
    }

    /// The latest checkpoint: (size, signed note).
    pub fn latest(&self) -> Option<(u64, String)> {
        self.latest.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// What each configured witness last answered, in URL order.
    pub fn witness_statuses(&self) -> Vec<WitnessStatus> {
        self.witnesses.lock().unwrap_or_else(|e| e.into_inner()).values().cloned().collect()
    }

    fn set_witness_status(&self, status: WitnessStatus) {
        self.witnesses.lock().unwrap_or_else(|e| e.into_inner()).insert(status.url.clone(), status);
    }

    /// Notes that the checkpoint of `size` is on its way to a witness,
    /// keeping its last answer in view (`now_ms`: the clock's time).
    fn mark_sending(&self, url: &str, size: u64, now_ms: i64) {
        let mut witnesses = self.witnesses.lock().unwrap_or_else(|e| e.into_inner());
        let status = witnesses.entry(url.to_owned()).or_insert_with(|| WitnessStatus {
            url: url.to_owned(),
            status: "pending".into(),
            size,
            sending: None,
            cosigned_size: None,
            http_status: None,
            message: None,
            time: crate::http::time::rfc3339(now_ms),
        });
        status.sending = Some(size);
    }

    /// Changes whenever a checkpoint is signed or gets a cosignature: what
    /// the log directory's writer waits on ([`crate::record::log_dir`]).
    pub fn watch(&self) -> tokio::sync::watch::Receiver<u64> {
        self.published.subscribe()
    }
}

/// What the server last heard from one witness: published in `/api/v1/log`
/// and on the record page, so that a witness that refuses or does not
/// answer is seen by everyone, not only in the server's log.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WitnessStatus {
    /// The witness's base URL, as configured.
    pub url: String,
    /// Its last answer: `cosigned`, `refused` (it answered with an error)
    /// or `unreachable` (no answer within 5 s, or no connection); `pending`
    /// until its first answer. A new checkpoint on its way does not hide
    /// the last answer (see `sending`).
    pub status: String,
    /// Size of the checkpoint that last answer was about.
    pub size: u64,
    /// Size of a checkpoint on its way to it now, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sending: Option<u64>,
    /// The largest checkpoint size it has cosigned since this server started.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cosigned_size: Option<u64>,
    /// The HTTP status of its refusal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    /// What it answered when it refused, or why it could not be reached.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// When this status was recorded (RFC 3339, UTC).
    pub time: String,
}

/// Checks, before serving, that the latest stored checkpoint is signed by
/// `signer`'s key for its log and holds the size and root of the stored
/// tree at that size. A checkpoint that fails means the log key is not the
/// one that signed this record, or the database was altered: serving would
/// publish a log no one can verify. Answers what is wrong, in words for
/// the operator.
pub fn check_stored_checkpoint(store: &Store, signer: &LogSigner) -> Result<(), String> {
    let latest = store.latest_checkpoint().map_err(|e| format!("the stored checkpoints cannot be read: {e}"))?;
    let Some((size, note)) = latest else { return Ok(()) };
    let checkpoint = accord_log::checkpoint::open_checkpoint(note.as_bytes(), signer.verifier_key())
        .map_err(|e| format!("the latest stored checkpoint (size {size}) does not verify with the log key: {e}"))?;
    if checkpoint.size != size {
        return Err(format!(
            "the latest stored checkpoint is filed under size {size} but says {} entries",
            checkpoint.size
        ));
    }
    let root = store.tree().root_at(size).map_err(|_| {
        format!("the latest stored checkpoint covers {size} entries but the record holds {}", store.len())
    })?;
    if checkpoint.root != root {
        return Err(format!(
            "the latest stored checkpoint (size {size}) names another root hash than the record's tree at that size"
        ));
    }
    Ok(())
}

/// Signs a checkpoint of the current tree if it has grown since the last
/// one, and publishes it at once (receipts that wait for it are answered
/// now, whatever the witnesses do). Answers the new size, if it signed.
///
/// Only the server that leads the writes signs (servers sharing a database
/// share the log key). A server that follows publishes the latest
/// checkpoint the leader stored, once its own state has reached it.
pub fn sign_checkpoint(app: &AppState) -> Result<Option<u64>, ApiError> {
    if !app.store.is_leader() {
        let Some((size, note)) = app.store.latest_checkpoint()? else { return Ok(None) };
        if size > app.store.len() || app.log.latest().is_some_and(|(s, n)| s > size || (s == size && n == note)) {
            return Ok(None);
        }
        *app.log.latest.write().unwrap_or_else(|e| e.into_inner()) = Some((size, note));
        app.log.signed.notify_waiters();
        app.log.published.send_replace(size);
        return Ok(None);
    }
    if app.log.latest().is_some_and(|(s, _)| s >= app.store.len()) {
        return Ok(None);
    }
    let (size, root, parts) = app.store.head();
    if app.log.latest().is_some_and(|(s, _)| s >= size) {
        return Ok(None);
    }
    let note = app.log.signer.sign(size, &root);
    app.store.save_checkpoint(size, &note, &parts)?;
    *app.log.latest.write().unwrap_or_else(|e| e.into_inner()) = Some((size, note));
    app.log.signed.notify_waiters();
    app.log.published.send_replace(size);
    Ok(Some(size))
}

/// Signs checkpoints at the configured interval, until the process ends,
/// and runs one [`push_to_witness`] task per configured witness. Signing
/// never waits for a witness: each witness is sent the latest checkpoint
/// by its own task, concurrently with the others, and its cosignature is
/// added to that checkpoint when it arrives.
pub async fn run_checkpointer(app: AppState) {
    for url in &app.config.witnesses {
        tokio::spawn(push_to_witness(app.clone(), url.clone()));
    }
    // The interval goes by the application's clock (its monotonic reading):
    // a round starts an interval after the start of the one before, or at
    // once if signing took longer.
    let clock = &app.config.clock;
    let mut next = clock.now();
    loop {
        clock.sleep_until(next).await;
        next = clock.now().saturating_add(app.config.checkpoint_interval);
        // Digesting the state, signing and storing take milliseconds: off
        // the reactor, so that requests are not held meanwhile.
        let signer = app.clone();
        match tokio::task::spawn_blocking(move || sign_checkpoint(&signer)).await {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => tracing::error!(error = %e.message, "could not sign a checkpoint"),
            Err(e) => tracing::error!(error = %e, "the checkpoint task failed"),
        }
    }
}

/// How long one `add-checkpoint` request to a witness may take.
const WITNESS_TIMEOUT: Duration = Duration::from_secs(5);

/// Sends each new checkpoint to one witness (C2SP tlog-witness
/// `add-checkpoint`, with a consistency proof from what the witness last
/// cosigned) and adds the cosignature it answers to that checkpoint. A
/// witness that is slow only delays itself: while a request is out, newer
/// checkpoints are signed and published, and the next request carries the
/// latest of them (a witness need not see every checkpoint, only a
/// consistent sequence).
pub async fn push_to_witness(app: AppState, url: String) {
    let mut sizes = app.log.published.subscribe();
    let agent: ureq::Agent =
        ureq::Agent::config_builder().http_status_as_error(false).timeout_global(Some(WITNESS_TIMEOUT)).build().into();
    // What the witness holds, as far as this task knows; 0 until it says.
    let mut held = 0u64;
    let mut cosigned_size = None;
    let mut sent = 0u64;
    loop {
        let size = *sizes.borrow_and_update();
        // Among servers sharing a database, the leader, which signs, pushes.
        if size > sent && app.store.is_leader() {
            if let Some((size, note)) = app.log.latest() {
                sent = size;
                app.log.mark_sending(&url, size, app.config.clock.now_unix_ms());
                let (app2, url2, agent2) = (app.clone(), url.clone(), agent.clone());
                let outcome =
                    tokio::task::spawn_blocking(move || send_checkpoint(&app2, &agent2, &url2, held, size, &note))
                        .await;
                let outcome = outcome.unwrap_or_else(|e| Outcome::Unreachable(format!("the push failed: {e}")));
                let mut status = WitnessStatus {
                    url: url.clone(),
                    status: String::new(),
                    size,
                    sending: None,
                    cosigned_size,
                    http_status: None,
                    message: None,
                    time: crate::http::time::rfc3339(app.config.clock.now_unix_ms()),
                };
                match outcome {
                    Outcome::Cosigned { lines, held: now_held } => {
                        held = now_held;
                        cosigned_size = Some(size);
                        status.cosigned_size = cosigned_size;
                        status.status = "cosigned".into();
                        let app2 = app.clone();
                        let _ = tokio::task::spawn_blocking(move || add_cosignatures(&app2, size, &lines)).await;
                    }
                    Outcome::Refused { http_status, message, held: now_held } => {
                        held = now_held;
                        tracing::warn!(witness = %url, status = http_status, answer = %message, "the witness refused the checkpoint");
                        status.status = "refused".into();
                        status.http_status = Some(http_status);
                        status.message = Some(message);
                    }
                    Outcome::Unreachable(message) => {
                        tracing::warn!(witness = %url, error = %message, "the witness could not be reached");
                        status.status = "unreachable".into();
                        status.message = Some(message);
                    }
                }
                app.log.set_witness_status(status);
                continue;
            }
        }
        if sizes.changed().await.is_err() {
            return;
        }
    }
}

/// What one witness answered to one checkpoint.
enum Outcome {
    /// Its cosignature lines, and the size it now holds.
    Cosigned {
        lines: Vec<String>,
        held: u64,
    },
    /// An error status and what it said; `held` is the size it says it
    /// holds (409), or what was assumed before.
    Refused {
        http_status: u16,
        message: String,
        held: u64,
    },
    Unreachable(String),
}

/// Sends the checkpoint of `size` to one witness, with a consistency proof
/// from `held`; when the witness answers 409 with another size it holds,
/// tries once more from that size.
fn send_checkpoint(app: &AppState, agent: &ureq::Agent, url: &str, mut held: u64, size: u64, note: &str) -> Outcome {
    let endpoint = format!("{}/add-checkpoint", url.trim_end_matches('/'));
    // At most two tries: the second after the witness said what it holds.
    for attempt in 0..2 {
        let proof = match app.store.tree().consistency_proof(held, size) {
            Ok(p) => p,
            Err(e) => {
                return Outcome::Refused {
                    http_status: 409,
                    message: format!(
                        "the witness holds a checkpoint of size {held}, which this log cannot extend to {size}: {e}"
                    ),
                    held,
                }
            }
        };
        let body = accord_log::witness::add_checkpoint_body(held, &proof, note);
        let mut res = match agent.post(&endpoint).send(body.as_bytes()) {
            Ok(res) => res,
            Err(e) => return Outcome::Unreachable(e.to_string()),
        };
        let status = res.status().as_u16();
        let text = match res.body_mut().with_config().limit(64 * 1024).read_to_string() {
            Ok(t) => t,
            Err(e) => return Outcome::Unreachable(format!("reading its answer: {e}")),
        };
        if status == 200 {
            let lines = text.lines().filter(|l| l.starts_with('—')).map(|l| format!("{l}\n")).collect();
            return Outcome::Cosigned { lines, held: size };
        }
        if status == 409 && attempt == 0 {
            if let Ok(witness_held) = text.trim().parse::<u64>() {
                if witness_held != held {
                    held = witness_held;
                    continue;
                }
            }
        }
        let mut message: String = text.trim().chars().take(500).collect();
        if message.is_empty() {
            message = format!("HTTP {status} without a message");
        }
        return Outcome::Refused { http_status: status, message, held };
    }
    unreachable!("the loop returns on its second try")
}

/// Adds a witness's cosignature lines to the stored checkpoint of `size`
/// (and to the published one, if it is still the latest).
fn add_cosignatures(app: &AppState, size: u64, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    let _merging = app.log.cosigning.lock().unwrap_or_else(|e| e.into_inner());
    let note = match app.log.latest().filter(|(s, _)| *s == size) {
        Some((_, note)) => note,
        None => match app.store.checkpoint_note(size) {
            Ok(Some(note)) => note,
            Ok(None) => return,
            Err(e) => {
                tracing::error!(error = %e, size, "could not read a checkpoint to cosign");
                return;
            }
        },
    };
    let cosigned = accord_log::checkpoint::add_signature_lines(&note, lines);
    if let Err(e) = app.store.update_checkpoint_note(size, &cosigned) {
        tracing::error!(error = %e, "could not store the cosigned checkpoint");
        return;
    }
    let mut latest = app.log.latest.write().unwrap_or_else(|e| e.into_inner());
    if latest.as_ref().is_some_and(|(s, _)| *s == size) {
        *latest = Some((size, cosigned));
        drop(latest);
        // The published checkpoint changed (not its size): the log
        // directory rewrites it; the witnesses' tasks see no new size.
        app.log.published.send_modify(|_| {});
    }
}

pub fn routes() -> crate::http::routes::Routes {
    crate::http::routes::Routes::new()
        .get("/log/checkpoint", checkpoint)
        .get("/log/tile/{*path}", tile)
        .get("/log/blob/{sha256}", blob)
        .get("/log/state/{size}", state_file)
        .api(routes!(log_info))
        .api(routes!(inclusion))
        .api(routes!(consistency))
        .api(routes!(state_digest))
        .api(routes!(receipt))
}

async fn checkpoint(State(app): State<AppState>) -> Response {
    match app.log.latest() {
        Some((_, note)) => {
            ([(header::CONTENT_TYPE, "text/plain; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], note)
                .into_response()
        }
        None => {
            ApiError::not_found("no_checkpoint", "no checkpoint is signed yet: try again in a second").into_response()
        }
    }
}

async fn tile(State(app): State<AppState>, Path(path): Path<String>) -> Response {
    let not_found = || ApiError::not_found("no_such_tile", format!("there is no tile tile/{path}")).into_response();
    let Some(tile) = TilePath::parse(&path) else {
        return not_found();
    };
    let bytes = match tile {
        TilePath::Hashes { level, index, width } => tiles::hash_tile(&app.store.tree(), level, index, width),
        TilePath::Entries { index, width } => {
            if width > tiles::available_width(app.store.len(), 0, index) {
                None
            } else {
                let first = index * tiles::TILE_WIDTH;
                match app.store.entry_bytes(first.checked_sub(1), width) {
                    Ok(entries) if entries.len() as u64 == width => {
                        Some(tiles::entry_bundle(entries.iter().map(|(_, b)| b.as_slice())))
                    }
                    _ => None,
                }
            }
        }
    };
    match bytes {
        Some(b) => (
            [
                (header::CONTENT_TYPE, "application/octet-stream"),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            b,
        )
            .into_response(),
        None => not_found(),
    }
}

/// Content an entry names by its SHA-256 (a zero draft): served beside the
/// tiles so that a mirror of `log/` holds everything `accord verify` needs.
async fn blob(State(app): State<AppState>, Path(sha256): Path<String>) -> Response {
    let not_found = || ApiError::not_found("no_such_blob", format!("there is no blob {sha256}")).into_response();
    let Some(hash) = hex::decode(&sha256).ok().and_then(|h| <[u8; 32]>::try_from(h).ok()) else {
        return not_found();
    };
    match app.store.blob(&hash) {
        Ok(Some(bytes)) => (
            [
                (header::CONTENT_TYPE, "application/octet-stream"),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            bytes,
        )
            .into_response(),
        Ok(None) => not_found(),
        Err(e) => {
            tracing::error!(error = %e, "reading a blob");
            ApiError::internal().into_response()
        }
    }
}

/// The log's identity and latest checkpoint.
#[derive(Serialize, ToSchema)]
pub struct LogInfo {
    /// The origin line of every checkpoint.
    pub origin: String,
    /// The C2SP verifier key (`name+id+base64`) that checks checkpoints.
    pub verifier_key: String,
    /// Size of the latest checkpoint.
    pub size: u64,
    /// The latest signed checkpoint (a C2SP signed note).
    pub checkpoint: Option<String>,
    /// What each configured witness last answered (none configured: empty).
    pub witnesses: Vec<WitnessStatus>,
}

#[utoipa::path(get, path = "/api/v1/log", tag = "record", responses((status = 200, body = LogInfo)))]
async fn log_info(State(app): State<AppState>) -> Json<LogInfo> {
    let latest = app.log.latest();
    Json(LogInfo {
        origin: app.log.origin().to_owned(),
        verifier_key: app.log.verifier_key().to_owned(),
        size: latest.as_ref().map_or(0, |(s, _)| *s),
        checkpoint: latest.map(|(_, n)| n),
        witnesses: app.log.witness_statuses(),
    })
}

/// What the server shows, committed to at a checkpoint's size.
#[derive(Serialize, ToSchema)]
pub struct StateDigest {
    pub size: u64,
    /// The digest of the state after the first `size` entries, hex:
    /// in format `accord-state-digest/v2`, `State::digest_v2` of `parts`;
    /// for checkpoints signed before v2, `accord-state-digest/v1`
    /// (`State::digest`). `accord verify` recomputes it by replaying the
    /// record.
    pub digest: String,
    /// `accord-state-digest/v2`, or `accord-state-digest/v1` for a
    /// checkpoint signed before the state was published in parts.
    pub format: String,
    /// v2: every part of the state (`forum`, `members`, `delegates`,
    /// `signatures`, `rules`, `important questions`, `process P`, `process P
    /// proposals`, `process P rules`, `process P version V text`, `process P
    /// version V provenance`, `session S`, `meeting M`, `vote V`,
    /// `consensus C`, `silence S`, `decision D`) with the SHA-256 (hex) of
    /// its canonical JSON, so that a verifier names exactly what differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub parts: Option<std::collections::BTreeMap<String, String>>,
}

/// The state published with the checkpoint of `size`, if one was signed.
pub fn published_state(store: &Store, size: u64) -> Result<Option<StateDigest>, accord_store::StoreError> {
    Ok(store.checkpoint_state(size)?.map(|published| {
        let format = if published.parts.is_some() { STATE_DIGEST_V2 } else { STATE_DIGEST_V1 };
        StateDigest { size, digest: hex::encode(published.digest), format: format.into(), parts: published.parts }
    }))
}

async fn read_state(app: &AppState, size: &str) -> Result<StateDigest, ApiError> {
    let size: u64 = size.parse().map_err(|_| ApiError::bad_request("invalid_size", "the size is a number"))?;
    let app2 = app.clone();
    tokio::task::spawn_blocking(move || published_state(&app2.store, size))
        .await
        .map_err(|_| ApiError::internal())??
        .ok_or_else(|| ApiError::not_found("no_checkpoint", format!("no checkpoint of size {size} was signed")))
}

#[utoipa::path(get, path = "/api/v1/log/state/{size}", tag = "record", params(("size" = u64, Path, minimum = 0, maximum = 9007199254740991_u64)),
    responses((status = 200, body = StateDigest), (status = 404, body = ErrorBody)))]
async fn state_digest(State(app): State<AppState>, Path(size): Path<String>) -> Result<Json<StateDigest>, ApiError> {
    Ok(Json(read_state(&app, &size).await?))
}

/// The same state under `/log/state/<size>`, beside the tiles, as a log
/// directory holds it ([`crate::record::log_dir`]): a static host of `log/`
/// publishes it too, and `accord verify` reads it there when the forum's
/// API is not at hand. A checkpoint's state never changes: cached for a
/// year.
async fn state_file(State(app): State<AppState>, Path(size): Path<String>) -> Response {
    match read_state(&app, &size).await {
        Ok(published) => (
            [
                (header::CONTENT_TYPE, "application/json"),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            serde_json::to_vec(&published).expect("a state serialises"),
        )
            .into_response(),
        Err(e) => e.into_response(),
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct InclusionQuery {
    /// The entry's index.
    #[param(minimum = 0, maximum = 9007199254740991_u64)]
    pub index: u64,
    /// The tree size (a checkpoint's size); the latest checkpoint's when absent.
    #[param(minimum = 0, maximum = 9007199254740991_u64)]
    pub size: Option<u64>,
}

/// An inclusion proof.
#[derive(Serialize, ToSchema)]
pub struct InclusionProof {
    pub index: u64,
    pub size: u64,
    /// `SHA-256(0x00 ‖ entry)`, base64.
    pub leaf_hash: String,
    /// The root of the tree of `size` entries, base64.
    pub root: String,
    /// The audit path (RFC 9162), base64 hashes from the leaf up.
    pub proof: Vec<String>,
}

fn b64(h: &accord_log::Hash) -> String {
    BASE64_STANDARD.encode(h.0)
}

fn proof_error(e: accord_log::ProofError) -> ApiError {
    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "no_such_proof", e.to_string())
}

#[utoipa::path(get, path = "/api/v1/log/inclusion", tag = "record", params(InclusionQuery),
    responses((status = 200, body = InclusionProof), (status = 422, body = ErrorBody)))]
pub(crate) async fn inclusion(
    State(app): State<AppState>,
    ApiQuery(q): ApiQuery<InclusionQuery>,
) -> Result<Json<InclusionProof>, ApiError> {
    let size = match q.size {
        Some(s) => s,
        None => app.log.latest().map(|(s, _)| s).ok_or_else(|| {
            ApiError::not_found("no_checkpoint", "no checkpoint is signed yet: try again in a second")
        })?,
    };
    let tree = app.store.tree();
    let proof = tree.inclusion_proof(q.index, size).map_err(proof_error)?;
    Ok(Json(InclusionProof {
        index: q.index,
        size,
        leaf_hash: b64(&tree.leaf(q.index).map_err(proof_error)?),
        root: b64(&tree.root_at(size).map_err(proof_error)?),
        proof: proof.iter().map(b64).collect(),
    }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ConsistencyQuery {
    #[param(minimum = 0, maximum = 9007199254740991_u64)]
    pub old: u64,
    #[param(minimum = 0, maximum = 9007199254740991_u64)]
    pub new: u64,
}

/// A consistency proof between two tree sizes.
#[derive(Serialize, ToSchema)]
pub struct ConsistencyProof {
    pub old: u64,
    pub new: u64,
    pub old_root: String,
    pub new_root: String,
    pub proof: Vec<String>,
}

#[utoipa::path(get, path = "/api/v1/log/consistency", tag = "record", params(ConsistencyQuery),
    responses((status = 200, body = ConsistencyProof), (status = 422, body = ErrorBody)))]
async fn consistency(
    State(app): State<AppState>,
    ApiQuery(q): ApiQuery<ConsistencyQuery>,
) -> Result<Json<ConsistencyProof>, ApiError> {
    let tree = app.store.tree();
    let proof = tree.consistency_proof(q.old, q.new).map_err(proof_error)?;
    Ok(Json(ConsistencyProof {
        old: q.old,
        new: q.new,
        old_root: b64(&tree.root_at(q.old).map_err(proof_error)?),
        new_root: b64(&tree.root_at(q.new).map_err(proof_error)?),
        proof: proof.iter().map(b64).collect(),
    }))
}

/// A receipt (format `accord-receipt/v1`): everything a member needs to
/// prove later, offline, that an entry is in the record — the entry's
/// canonical bytes, its index, its inclusion proof in the tree of a signed
/// checkpoint, that checkpoint, and the log's verifier key.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct Receipt {
    /// Always `accord-receipt/v1`.
    pub format: String,
    pub index: u64,
    /// The entry's canonical bytes (accord-entry/v1, UTF-8 JSON).
    pub entry: String,
    /// `SHA-256(0x00 ‖ entry)`, base64.
    pub leaf_hash: String,
    /// The size of the checkpoint's tree.
    pub tree_size: u64,
    /// Audit path from the entry to the checkpoint's root, base64.
    pub proof: Vec<String>,
    /// The signed checkpoint (C2SP signed note).
    pub checkpoint: String,
    /// The log's verifier key, for convenience: check it against the one
    /// the forum publishes, never trust it from the receipt alone.
    pub log_key: String,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ReceiptQuery {
    /// Wait (a few seconds at most) for a checkpoint that covers the entry.
    pub wait: Option<bool>,
}

#[utoipa::path(get, path = "/api/v1/record/{index}/receipt", tag = "record", params(("index" = u64, Path, minimum = 0, maximum = 9007199254740991_u64), ReceiptQuery),
    responses((status = 200, body = Receipt), (status = 404, body = ErrorBody), (status = 409, description = "no checkpoint covers the entry yet", body = ErrorBody)))]
pub(crate) async fn receipt(
    State(app): State<AppState>,
    EntryIndex(index): EntryIndex,
    ApiQuery(q): ApiQuery<ReceiptQuery>,
) -> Result<Json<Receipt>, ApiError> {
    if index >= app.store.len() {
        return Err(ApiError::not_found("unknown_entry", format!("the record has no entry {index}")));
    }
    let deadline = tokio::time::Instant::now() + app.config.checkpoint_interval * 3 + Duration::from_millis(500);
    let (size, note) = loop {
        let waiter = app.log.signed.notified();
        match app.log.latest() {
            Some((size, note)) if size > index => break (size, note),
            _ if q.wait == Some(true) && tokio::time::Instant::now() < deadline => {
                let _ = tokio::time::timeout_at(deadline, waiter).await;
            }
            _ => {
                let mut e = ApiError::new(
                    StatusCode::CONFLICT,
                    "not_yet_checkpointed",
                    "no signed checkpoint covers this entry yet: ask again in a second, or with ?wait=true",
                );
                e.retry_after = Some(1);
                return Err(e);
            }
        }
    };
    let bytes = app
        .store
        .entry_bytes(index.checked_sub(1), 1)?
        .into_iter()
        .next()
        .map(|(_, b)| b)
        .ok_or_else(ApiError::internal)?;
    let tree = app.store.tree();
    let proof = tree.inclusion_proof(index, size).map_err(proof_error)?;
    Ok(Json(Receipt {
        format: "accord-receipt/v1".into(),
        index,
        entry: String::from_utf8_lossy(&bytes).into_owned(),
        leaf_hash: b64(&accord_log::leaf_hash(&bytes)),
        tree_size: size,
        proof: proof.iter().map(b64).collect(),
        checkpoint: note,
        log_key: app.log.verifier_key().to_owned(),
    }))
}
