//! Extractors that answer malformed input with the API's error shape:
//! [`ApiJson`] (400 malformed, 413, 415, and a body that names a key twice)
//! and [`ApiQuery`]. `error::plain_serde_message` says serde's complaints
//! without Rust type names ("expected a whole number", not "expected u64").

use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;

use crate::http::error::ApiError;

// ---- extractors that answer malformed input with the API's error shape ----

/// The first key that an object of this JSON names twice, if any (and if
/// it is JSON at all: what is not is for the deserializer to say). Every
/// body is checked, also those read as free-form JSON, where the last of
/// two values would silently win.
fn duplicate_key(bytes: &[u8]) -> Option<String> {
    use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
    struct Walk;
    impl<'de> Visitor<'de> for Walk {
        type Value = Option<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut found = None;
            while let Some(inner) = seq.next_element_seed(WalkSeed)? {
                found = found.or(inner);
            }
            Ok(found)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut keys = std::collections::HashSet::new();
            let mut found = None;
            while let Some(key) = map.next_key::<String>()? {
                let inner = map.next_value_seed(WalkSeed)?;
                if found.is_none() && !keys.insert(key.clone()) {
                    found = Some(key);
                }
                found = found.or(inner);
            }
            Ok(found)
        }
    }
    struct WalkSeed;
    impl<'de> serde::de::DeserializeSeed<'de> for WalkSeed {
        type Value = Option<String>;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(Walk)
        }
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    de.deserialize_any(Walk).ok().flatten()
}

/// `Json<T>` whose rejections are API errors (400 malformed, 415, 413).
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;
    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let json = req
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|ct| {
                let mime = ct.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
                mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json"))
            })
            .unwrap_or(false);
        if !json {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "send the body as JSON with `Content-Type: application/json`",
            ));
        }
        let bytes = match axum::body::Bytes::from_request(req, state).await {
            Ok(b) => b,
            Err(r) if r.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "too_large",
                    format!(
                        "the request body is larger than this endpoint accepts ({} bytes; a zero draft or a statement \
                         may have {} bytes)",
                        crate::MAX_BODY,
                        crate::http::extract::MAX_DRAFT_REQUEST
                    ),
                ))
            }
            Err(r) => {
                return Err(ApiError::bad_request(
                    "malformed_request",
                    format!("the body could not be read: {}", r.body_text()),
                ))
            }
        };
        if let Some(key) = duplicate_key(&bytes) {
            return Err(ApiError::bad_request(
                "malformed_request",
                format!("the JSON body names the key {key:?} twice in one object: send each key once"),
            ));
        }
        let mut de = serde_json::Deserializer::from_slice(&bytes);
        match serde_path_to_error::deserialize::<_, T>(&mut de) {
            Ok(v) => match de.end() {
                Ok(()) => Ok(ApiJson(v)),
                Err(e) => Err(ApiError::bad_request(
                    "malformed_request",
                    format!("the body is not valid JSON: {}", crate::http::error::plain_serde_message(&e.to_string())),
                )),
            },
            Err(e) => {
                // Valid JSON that does not fit the request, or not JSON at
                // all: said in the client's terms, without Rust's type names.
                let path = e.path().to_string();
                let inner = e.into_inner();
                let detail = crate::http::error::plain_serde_message(&inner.to_string());
                let where_ = if path == "." || path.is_empty() { String::new() } else { format!("{path}: ") };
                let message = if serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).is_ok() {
                    // In valid JSON, serde_json's "expected value" means a
                    // number or list where a named choice (a string) was expected.
                    let detail = match detail.strip_prefix("expected value") {
                        Some(rest) => format!("not one of the accepted values (send its name as a string){rest}"),
                        None => detail,
                    };
                    format!("the JSON body does not fit this request: {where_}{detail}")
                } else {
                    format!("the body is not valid JSON: {detail}")
                };
                Err(ApiError::bad_request("malformed_request", message))
            }
        }
    }
}

/// `Query<T>` whose rejections are API errors.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state).await.map(|q| ApiQuery(q.0)).map_err(
            |e: QueryRejection| {
                // Keep what is wrong, without the library's preamble.
                let text = e.body_text();
                let what = text.strip_prefix("Failed to deserialize query string: ").unwrap_or(&text);
                let what = match what.split("missing field `").nth(1).and_then(|r| r.split('`').next()) {
                    Some(field) => format!("it lacks the parameter {field:?}"),
                    None => {
                        crate::http::error::plain_serde_message(&what.replace("unknown field", "unknown parameter"))
                    }
                };
                ApiError::bad_request("malformed_query", format!("the query string is malformed: {what}"))
            },
        )
    }
}

/// The largest request that opens a process (its Markdown draft and title).
pub const MAX_DRAFT_REQUEST: usize = accord_domain::negotiation::markdown::DRAFT_MAX_BYTES + 64 * 1024;
