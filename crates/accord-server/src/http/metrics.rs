//! Prometheus metrics at `/metrics`, in the text exposition format.
//!
//! Counters of HTTP requests by route pattern and status, their total
//! duration, and the store's counters (entries appended, commits, refusals,
//! time spent committing). Route patterns (`/members/{code}`), never raw
//! paths, label the series, and methods other than the nine of HTTP share
//! the label `other`, so that the number of series is bounded by the
//! router whatever clients send.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::atomic::Ordering;
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;

/// (method, route pattern, status) of a request series.
type Series = (&'static str, String, u16);

/// The label of a method: one of HTTP's nine, or `other` for any made-up
/// method a client sends.
pub fn method_label(method: &Method) -> &'static str {
    match method.as_str() {
        "GET" => "GET",
        "HEAD" => "HEAD",
        "POST" => "POST",
        "PUT" => "PUT",
        "DELETE" => "DELETE",
        "PATCH" => "PATCH",
        "OPTIONS" => "OPTIONS",
        "CONNECT" => "CONNECT",
        "TRACE" => "TRACE",
        _ => "other",
    }
}

#[derive(Default)]
pub struct HttpMetrics {
    /// Series → (count, total seconds).
    requests: Mutex<BTreeMap<Series, (u64, f64)>>,
}

/// Middleware: counts every request.
pub async fn count(State(app): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = method_label(request.method());
    let route =
        request.extensions().get::<MatchedPath>().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "unmatched".into());
    let response = next.run(request).await;
    let elapsed = started.elapsed().as_secs_f64();
    let mut requests = app.metrics.requests.lock().unwrap_or_else(|e| e.into_inner());
    let slot = requests.entry((method, route, response.status().as_u16())).or_default();
    slot.0 += 1;
    slot.1 += elapsed;
    response
}

pub async fn render(State(app): State<AppState>) -> impl IntoResponse {
    let mut out = String::new();
    out.push_str("# HELP accord_http_requests_total HTTP requests answered, by route and status.\n");
    out.push_str("# TYPE accord_http_requests_total counter\n");
    let requests = app.metrics.requests.lock().unwrap_or_else(|e| e.into_inner()).clone();
    for ((method, route, status), (n, _)) in &requests {
        let _ = writeln!(
            out,
            "accord_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {n}"
        );
    }
    out.push_str("# HELP accord_http_request_duration_seconds_total Time spent answering requests.\n");
    out.push_str("# TYPE accord_http_request_duration_seconds_total counter\n");
    for ((method, route, status), (_, secs)) in &requests {
        let _ = writeln!(
            out,
            "accord_http_request_duration_seconds_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {secs}"
        );
    }
    let m = app.store.metrics();
    let gauges = [
        (
            "accord_record_entries_appended_total",
            "Entries committed to the record since start.",
            m.entries_appended.load(Ordering::Relaxed) as f64,
            "counter",
        ),
        (
            "accord_record_commits_total",
            "Group commits (one fsync each) since start.",
            m.commits.load(Ordering::Relaxed) as f64,
            "counter",
        ),
        (
            "accord_record_refusals_total",
            "Actions refused by the rules since start.",
            m.refusals.load(Ordering::Relaxed) as f64,
            "counter",
        ),
        (
            "accord_record_commit_seconds_total",
            "Time spent writing and committing batches.",
            m.commit_micros_total.load(Ordering::Relaxed) as f64 / 1e6,
            "counter",
        ),
        ("accord_record_size", "Entries in the record.", app.store.len() as f64, "gauge"),
    ];
    for (name, help, value, kind) in gauges {
        let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {value}");
    }
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], out)
}
