//! The record as a transparency log over HTTP: the signed checkpoint, the
//! C2SP tiles, proofs and receipts.
//!
//! - `GET /log/checkpoint`: the latest signed checkpoint (C2SP signed note),
//!   with witnesses' cosignatures; never cached.
//! - `GET /log/tile/<L>/<N>[.p/<W>]` and `GET /log/tile/entries/<N>[.p/<W>]`:
//!   C2SP tlog-tiles, immutable, cacheable for a year, so that any static
//!   server or CDN can mirror the record.
//! - `GET /api/v1/log`: the log's origin, verifier key and checkpoint.
//! - `GET /api/v1/log/inclusion?index=I&size=S` and
//!   `GET /api/v1/log/consistency?old=A&new=B`: proofs, base64 hashes.
//! - `GET /api/v1/record/{index}/receipt`: the receipt of one entry (see
//!   [`Receipt`]); `?wait=true` waits for the next checkpoint if none covers
//!   the entry yet.
//!
//! A checkpoint is signed by [`run_checkpointer`] every
//! [`crate::Config::checkpoint_interval`] when the tree has grown.

use std::sync::RwLock;
use std::time::Duration;

use accord_log::checkpoint::LogSigner;
use accord_log::tiles::{self, TilePath};
use accord_store::Store;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use base64::prelude::{Engine, BASE64_STANDARD};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::ApiQuery;
use crate::error::{ApiError, ErrorBody};
use crate::AppState;

/// The log's key and its latest checkpoint.
pub struct Log {
    signer: LogSigner,
    latest: RwLock<Option<(u64, String)>>,
    /// What each witness last cosigned, as far as this server knows.
    witness_sizes: std::sync::Mutex<std::collections::HashMap<String, u64>>,
    /// Woken whenever a new checkpoint is signed.
    pub signed: tokio::sync::Notify,
}

impl Log {
    pub fn new(signer: LogSigner, store: &Store) -> Log {
        let latest = store.latest_checkpoint().ok().flatten();
        Log {
            signer,
            latest: RwLock::new(latest),
            witness_sizes: Default::default(),
            signed: tokio::sync::Notify::new(),
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
}

/// Signs a checkpoint of the current tree if it has grown since the last
/// one. Answers the new size, if it signed.
pub fn sign_checkpoint(app: &AppState) -> Result<Option<u64>, ApiError> {
    let (size, root, digest) = app.store.head();
    if app.log.latest().is_some_and(|(s, _)| s >= size) {
        return Ok(None);
    }
    let note = app.log.signer.sign(size, &root);
    app.store.save_checkpoint(size, &note, &digest)?;
    *app.log.latest.write().unwrap_or_else(|e| e.into_inner()) = Some((size, note));
    app.log.signed.notify_waiters();
    Ok(Some(size))
}

/// Signs checkpoints at the configured interval, until the process ends.
pub async fn run_checkpointer(app: AppState) {
    let mut tick = tokio::time::interval(app.config.checkpoint_interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        match sign_checkpoint(&app) {
            Ok(Some(size)) if !app.config.witnesses.is_empty() => {
                let app = app.clone();
                let _ = tokio::task::spawn_blocking(move || push_to_witnesses(&app, size)).await;
            }
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e.message, "could not sign a checkpoint"),
        }
    }
}

/// Sends the checkpoint of `size` to every configured witness (C2SP
/// tlog-witness `add-checkpoint`, with a consistency proof from what the
/// witness last cosigned) and publishes the cosignatures they answer.
pub fn push_to_witnesses(app: &AppState, size: u64) {
    let Some((latest_size, note)) = app.log.latest().filter(|(s, _)| *s == size) else { return };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(5)))
        .build()
        .into();
    let mut lines = Vec::new();
    for url in &app.config.witnesses {
        let mut old = app.log.witness_sizes.lock().unwrap_or_else(|e| e.into_inner()).get(url).copied().unwrap_or(0);
        // At most two tries: the second after the witness said what it holds.
        for _ in 0..2 {
            let proof = match app.store.tree().consistency_proof(old, latest_size) {
                Ok(p) => p,
                Err(e) => {
                    tracing::error!(witness = %url, old, size, error = %e, "the witness holds a checkpoint this log cannot extend");
                    break;
                }
            };
            let body = accord_log::witness::add_checkpoint_body(old, &proof, &note);
            let endpoint = format!("{}/add-checkpoint", url.trim_end_matches('/'));
            match agent.post(&endpoint).send(body.as_bytes()) {
                Ok(mut res) => {
                    let status = res.status().as_u16();
                    let text = res.body_mut().read_to_string().unwrap_or_default();
                    if status == 200 {
                        lines.extend(text.lines().filter(|l| l.starts_with('—')).map(|l| format!("{l}\n")));
                        app.log
                            .witness_sizes
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .insert(url.clone(), latest_size);
                        break;
                    }
                    if status == 409 {
                        if let Ok(held) = text.trim().parse::<u64>() {
                            if held != old {
                                old = held;
                                continue;
                            }
                        }
                    }
                    tracing::warn!(witness = %url, status, answer = %text.trim(), "the witness refused the checkpoint");
                    break;
                }
                Err(e) => {
                    tracing::warn!(witness = %url, error = %e, "the witness could not be reached");
                    break;
                }
            }
        }
    }
    if lines.is_empty() {
        return;
    }
    let cosigned = accord_log::checkpoint::add_signature_lines(&note, &lines);
    if let Err(e) = app.store.update_checkpoint_note(latest_size, &cosigned) {
        tracing::error!(error = %e, "could not store the cosigned checkpoint");
        return;
    }
    let mut latest = app.log.latest.write().unwrap_or_else(|e| e.into_inner());
    if latest.as_ref().is_some_and(|(s, _)| *s == latest_size) {
        *latest = Some((latest_size, cosigned));
    }
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/log/checkpoint", get(checkpoint))
        .route("/log/tile/{*path}", get(tile))
        .route("/log/blob/{sha256}", get(blob))
        .route("/api/v1/log", get(log_info))
        .route("/api/v1/log/inclusion", get(inclusion))
        .route("/api/v1/log/consistency", get(consistency))
        .route("/api/v1/log/state/{size}", get(state_digest))
        .route("/api/v1/record/{index}/receipt", get(receipt))
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
}

#[utoipa::path(get, path = "/api/v1/log", tag = "record", responses((status = 200, body = LogInfo)))]
pub(crate) async fn log_info(State(app): State<AppState>) -> Json<LogInfo> {
    let latest = app.log.latest();
    Json(LogInfo {
        origin: app.log.origin().to_owned(),
        verifier_key: app.log.verifier_key().to_owned(),
        size: latest.as_ref().map_or(0, |(s, _)| *s),
        checkpoint: latest.map(|(_, n)| n),
    })
}

/// What the server shows, committed to at a checkpoint's size.
#[derive(Serialize, ToSchema)]
pub struct StateDigest {
    pub size: u64,
    /// SHA-256 (hex) of the canonical JSON of the state after the first
    /// `size` entries (see `State::digest`): `accord verify` recomputes it
    /// by replaying the record.
    pub digest: String,
}

#[utoipa::path(get, path = "/api/v1/log/state/{size}", tag = "record", params(("size" = u64, Path)),
    responses((status = 200, body = StateDigest), (status = 404, body = ErrorBody)))]
pub(crate) async fn state_digest(
    State(app): State<AppState>,
    Path(size): Path<String>,
) -> Result<Json<StateDigest>, ApiError> {
    let size: u64 = size.parse().map_err(|_| ApiError::bad_request("invalid_size", "the size is a number"))?;
    let digest = app
        .store
        .checkpoint_digest(size)?
        .ok_or_else(|| ApiError::not_found("no_checkpoint", format!("no checkpoint of size {size} was signed")))?;
    Ok(Json(StateDigest { size, digest: hex::encode(digest) }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct InclusionQuery {
    /// The entry's index.
    pub index: u64,
    /// The tree size (a checkpoint's size); the latest checkpoint's when absent.
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
    pub old: u64,
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
pub(crate) async fn consistency(
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

#[utoipa::path(get, path = "/api/v1/record/{index}/receipt", tag = "record", params(("index" = u64, Path), ReceiptQuery),
    responses((status = 200, body = Receipt), (status = 404, body = ErrorBody), (status = 409, description = "no checkpoint covers the entry yet", body = ErrorBody)))]
pub(crate) async fn receipt(
    State(app): State<AppState>,
    Path(index): Path<String>,
    ApiQuery(q): ApiQuery<ReceiptQuery>,
) -> Result<Json<Receipt>, ApiError> {
    let index: u64 = index.parse().map_err(|_| {
        ApiError::bad_request("invalid_index", format!("{index:?} is not an entry index (0, 1, 2, ...)"))
    })?;
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
