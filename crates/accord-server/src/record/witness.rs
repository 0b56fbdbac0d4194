//! A witness as an HTTP service (C2SP tlog-witness), run by any member or
//! auditor with `accord witness`: `POST /add-checkpoint` checks a log's
//! checkpoint against the last one it cosigned for that log and answers a
//! `cosignature/v1` line.
//!
//! What it holds per log (size and root of the latest cosigned checkpoint)
//! lives in a JSON file, written to a temporary file, synced and renamed
//! before the cosignature is answered; one lock covers the check and the
//! update, so two racing requests cannot roll the log back.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use accord_log::witness::{Seen, Witness};
use accord_log::Hash;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use base64::prelude::{Engine, BASE64_STANDARD};

struct Inner {
    witness: Witness,
    seen: BTreeMap<String, Seen>,
    state_file: PathBuf,
}

#[derive(Clone)]
pub struct WitnessService {
    inner: Arc<Mutex<Inner>>,
    verifier_key: String,
    logs: Vec<String>,
    /// The time put in cosignatures.
    clock: accord_store::Clock,
}

impl WitnessService {
    /// A witness with its key, the logs it follows, and its state file
    /// (read if it exists).
    pub fn new(witness: Witness, log_keys: Vec<String>, state_file: PathBuf) -> Result<Self, String> {
        let seen = match std::fs::read(&state_file) {
            Ok(bytes) => {
                let v: serde_json::Value =
                    serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", state_file.display()))?;
                let mut seen = BTreeMap::new();
                for (origin, s) in v.as_object().into_iter().flatten() {
                    let root = BASE64_STANDARD
                        .decode(s["root"].as_str().unwrap_or_default())
                        .ok()
                        .and_then(|r| <[u8; 32]>::try_from(r.as_slice()).ok())
                        .ok_or_else(|| format!("{}: bad root for {origin}", state_file.display()))?;
                    seen.insert(origin.clone(), Seen { size: s["size"].as_u64().unwrap_or(0), root: Hash(root) });
                }
                seen
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
            Err(e) => return Err(format!("{}: {e}", state_file.display())),
        };
        let verifier_key = witness.verifier_key();
        Ok(Self {
            inner: Arc::new(Mutex::new(Inner { witness, seen, state_file })),
            verifier_key,
            logs: log_keys,
            clock: accord_store::Clock::system(),
        })
    }

    /// The same witness with the clock its cosignatures take their time
    /// from ([`WitnessService::new`] uses the system clock).
    pub fn with_clock(mut self, clock: accord_store::Clock) -> Self {
        self.clock = clock;
        self
    }

    pub fn verifier_key(&self) -> &str {
        &self.verifier_key
    }

    pub fn router(self) -> Router {
        Router::new()
            .route("/", get(info))
            .route("/add-checkpoint", post(add_checkpoint))
            .layer(DefaultBodyLimit::max(64 * 1024))
            .with_state(self)
    }
}

fn persist(inner: &Inner, seen: &BTreeMap<String, Seen>) -> std::io::Result<()> {
    let value: serde_json::Map<String, serde_json::Value> = seen
        .iter()
        .map(|(o, s)| (o.clone(), serde_json::json!({"size": s.size, "root": BASE64_STANDARD.encode(s.root.0)})))
        .collect();
    let tmp = inner.state_file.with_extension("tmp");
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(&serde_json::to_vec_pretty(&value).unwrap_or_default())?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, &inner.state_file)?;
    if let Some(dir) = inner.state_file.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::File::open(dir)?.sync_all()?;
    }
    Ok(())
}

async fn info(State(svc): State<WitnessService>) -> String {
    format!(
        "Accord witness\nverifier key: {}\nlogs followed:\n{}\n",
        svc.verifier_key,
        svc.logs.iter().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n")
    )
}

async fn add_checkpoint(State(svc): State<WitnessService>, body: Bytes) -> Response {
    let now = (svc.clock.now_unix_ms() / 1000).max(0) as u64;
    let inner = svc.inner.clone();
    let result = tokio::task::spawn_blocking(move || {
        let mut guard = inner.lock().unwrap_or_else(|e| e.into_inner());
        let inner = &mut *guard;
        let seen = inner.seen.clone();
        let (origin, new, line) = inner.witness.add_checkpoint(&body, now, |o| seen.get(o).copied())?;
        let mut updated = seen;
        updated.insert(origin.clone(), new);
        persist(inner, &updated).map_err(|e| accord_log::witness::WitnessError {
            status: 500,
            message: format!("the witness could not save its state: {e}"),
            current_size: None,
        })?;
        inner.seen = updated;
        tracing::info!(%origin, size = new.size, "cosigned");
        Ok::<_, accord_log::witness::WitnessError>(line)
    })
    .await;
    match result {
        Ok(Ok(line)) => ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], line).into_response(),
        Ok(Err(e)) => {
            tracing::warn!(status = e.status, message = %e.message, "refused a checkpoint");
            let status = StatusCode::from_u16(e.status).unwrap_or(StatusCode::BAD_REQUEST);
            match e.current_size {
                Some(size) if e.status == 409 && e.message.contains("last cosigned") => {
                    (status, [(header::CONTENT_TYPE, "text/x.tlog.size")], format!("{size}\n")).into_response()
                }
                _ => (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], format!("{}\n", e.message))
                    .into_response(),
            }
        }
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "the witness failed\n").into_response(),
    }
}
