//! The JSON API of the record: its entries, and the stream of server-sent
//! events (`GET /api/v1/events`, [`crate::record::live`]) that tells open
//! pages and tools when it grows.

use accord_domain::entry::Entry;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::routes;

use super::shapes::*;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::ApiQuery;
use crate::http::ids::*;
use crate::AppState;

pub fn routes() -> crate::http::routes::Routes {
    crate::http::routes::Routes::new().api(routes!(list_record)).api(routes!(get_entry)).api(routes!(events))
}

// ---- the record ----

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct RecordPage {
    /// Answer entries with an index greater than this (from the first entry when absent).
    #[param(minimum = 0, maximum = 9007199254740991_u64)]
    pub after: Option<u64>,
    /// At most this many entries (default 100, at most 1,000).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<u64>,
}

/// Entries of the record, in order.
#[utoipa::path(get, path = "/api/v1/record", params(RecordPage), tag = "record",
    responses((status = 200, body = Vec<EntryJson>), (status = 400, body = ErrorBody)))]
async fn list_record(
    State(app): State<AppState>,
    ApiQuery(page): ApiQuery<RecordPage>,
) -> Result<Json<Vec<EntryJson>>, ApiError> {
    let limit =
        crate::http::ranges::within("limit", page.limit.unwrap_or(100), 1, crate::http::ranges::RECORD_LIMIT_MAX)?;
    crate::http::ranges::within_opt("after", page.after, 0, crate::http::ranges::MAX_ID)?;
    Ok(Json(app.store.entries(page.after, limit)?.iter().map(EntryJson::from).collect()))
}

#[derive(Serialize, ToSchema)]
pub struct EntryDetail {
    #[serde(flatten)]
    pub entry: EntryJson,
    /// The entry's canonical bytes (accord-entry/v1, UTF-8 JSON), as stored.
    pub canonical: String,
}

/// One entry, with its canonical bytes.
#[utoipa::path(get, path = "/api/v1/record/{index}", tag = "record", params(("index" = u64, Path, minimum = 0, maximum = 9007199254740991_u64)),
    responses((status = 200, body = EntryDetail), (status = 404, body = ErrorBody)))]
async fn get_entry(State(app): State<AppState>, EntryIndex(index): EntryIndex) -> Result<Json<EntryDetail>, ApiError> {
    let found = app.store.entry_bytes(index.checked_sub(1), 1)?.into_iter().find(|(i, _)| *i == index);
    let (_, bytes) =
        found.ok_or_else(|| ApiError::not_found("unknown_entry", format!("the record has no entry {index}")))?;
    let entry = Entry::decode(&bytes).map_err(|_| ApiError::internal())?;
    Ok(Json(EntryDetail { entry: EntryJson::from(&entry), canonical: String::from_utf8_lossy(&bytes).into_owned() }))
}

// ---- live updates ----

/// One server-sent event of `GET /api/v1/events`.
#[derive(ToSchema)]
#[allow(dead_code)] // describes the stream for the OpenAPI document
pub struct RecordEvent {
    /// Always `record`.
    event: String,
    /// JSON: `{"size": N, "entries": [{"index", "kind", "process"?, "meeting"?}]}`, or
    /// `{"size": N}` alone for a stream that fell behind.
    data: String,
}

/// Server-sent events: one `record` event whenever the record grows (sent
/// as soon as the entries are committed; see `live`), with
/// the new size and the kinds of the new entries (and the process or
/// meeting they concern), so that open pages refresh what changed. Pages
/// work without it: a reload shows the same.
#[utoipa::path(get, path = "/api/v1/events", tag = "record",
    responses((status = 200, content_type = "text/event-stream", description = "`event: record` with `{size, entries: [{index, kind, process?, meeting?}]}`", body = RecordEvent),
        (status = 503, description = "as many event streams are open as the server keeps (`--max-event-streams`; half of them for readers who are not logged in): try again after `Retry-After` seconds", body = ErrorBody)))]
pub async fn events(
    State(app): State<AppState>,
    crate::http::auth::MaybeUser(user): crate::http::auth::MaybeUser,
) -> Result<
    axum::response::sse::Sse<
        impl futures_util::Stream<Item = Result<axum::response::sse::Event, std::convert::Infallible>>,
    >,
    ApiError,
> {
    use axum::response::sse::{Event, KeepAlive, Sse};
    use tokio::sync::broadcast::error::RecvError;
    // Readers who are not logged in share half of the streams, so that
    // strangers holding streams open cannot take the delegates' live
    // updates away: a logged-in page may use all of them.
    let limit = if user.is_some() { app.config.max_event_streams } else { app.config.max_event_streams / 2 };
    let Some(sub) = app.live.subscribe(&app, limit) else {
        let mut e = ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "too_many_streams",
            format!(
                "the server keeps at most {limit} live event streams open for you and all are in use: try again \
                 later (pages work without live updates; reload to see what changed)"
            ),
        );
        e.retry_after = Some(30);
        return Err(e);
    };
    let stream = futures_util::stream::unfold((app, sub), |(app, mut sub)| async move {
        if *sub.stop.borrow_and_update() {
            return None;
        }
        let data = tokio::select! {
            received = sub.events.recv() => match received {
                Ok(data) => data.to_string(),
                Err(RecvError::Lagged(_)) => crate::record::live::catch_up(app.store.len()),
                Err(RecvError::Closed) => return None,
            },
            _ = sub.stop.changed() => return None,
        };
        Some((Ok(Event::default().event("record").data(data)), (app, sub)))
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}
