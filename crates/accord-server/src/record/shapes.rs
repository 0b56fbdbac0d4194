//! The JSON shape of an entry of the record.

use accord_domain::entry::Entry;
use serde::Serialize;
use utoipa::ToSchema;

use crate::http::time::rfc3339;

/// One entry of the record.
#[derive(Serialize, ToSchema)]
pub struct EntryJson {
    pub index: u64,
    /// RFC 3339, UTC, millisecond precision.
    pub time: String,
    /// Who acted: `{"type": "system"}`, `{"type": "delegate", "delegate", "member"}` or `{"type": "officer", "delegate", "role"}`.
    #[schema(value_type = Object)]
    pub actor: serde_json::Value,
    /// What happened, e.g. `member.admitted`.
    pub kind: String,
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
}

impl From<&Entry> for EntryJson {
    fn from(e: &Entry) -> Self {
        let body = serde_json::to_value(&e.body).unwrap_or_default();
        EntryJson {
            index: e.index,
            time: rfc3339(e.time),
            actor: serde_json::to_value(&e.actor).unwrap_or_default(),
            kind: e.body.kind().into(),
            payload: body.get("payload").cloned().unwrap_or_default(),
        }
    }
}
