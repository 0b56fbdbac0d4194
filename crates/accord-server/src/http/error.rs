//! The HTTP layer's error.
//!
//! # Error policy
//! Every failure a client can cause becomes an [`ApiError`]: a status, a
//! stable machine code (the JSON `error` field, never renamed) and a message
//! that says what is wrong and what to do. The API answers it as JSON
//! `{"error", "message"}`; the web pages render it in the page. Storage
//! failures are logged here, once, with their cause, and reach the client as
//! a 500 that reveals nothing internal. A refused request changed nothing.
//!
//! # Languages
//! An error speaks the request's language ([`crate::http::i18n::current`]),
//! decided here, where every error is built, so that no handler translates:
//! in English the message is the precise one the code wrote (with the
//! request's values: names, numbers, limits); in another language it is the
//! Fluent message `error-<code>` of `locales/<language>/errors.ftl`, which
//! says in general terms what is wrong and what to do (it cannot carry the
//! English message's values), and the English message where a code has
//! none. The code never changes with the language. An error built off the
//! request's task (on a blocking thread) speaks English unless the language
//! is carried there with [`crate::http::i18n::Lang::scope_sync`]; the test
//! `every_error_code_has_a_message` fails on a code without its English
//! `error-<code>`, and the i18n tests then on any language without it.

use accord_domain::error::RefusalKind;
use accord_domain::Refusal;
use accord_store::StoreError;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::http::i18n::{self, Lang};

#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    /// Seconds to wait, for 429 answers.
    pub retry_after: Option<u64>,
}

impl ApiError {
    /// An error with its English `message`, answered in the request's
    /// language (see the module's doc).
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self { status, code, message: in_request_language(code, message.into()), retry_after: None }
    }
    /// An error whose message is already in the request's language (built
    /// from Fluent messages with the request's values), kept as it is.
    pub fn translated(status: StatusCode, code: &'static str, message: String) -> Self {
        Self { status, code, message, retry_after: None }
    }
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }
    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthenticated", message)
    }
    pub fn forbidden(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, code, message)
    }
    pub fn not_found(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, code, message)
    }
    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "the server could not complete the request; nothing was changed; try again, and tell the secretariat if it persists",
        )
    }
}

/// The message of error `code` in the request's language: `english` in
/// English, else that language's `error-<code>`, else `english`.
fn in_request_language(code: &str, english: String) -> String {
    match i18n::current() {
        Lang::En => english,
        lang => i18n::exactly_in(lang, &format!("error-{code}")).unwrap_or(english),
    }
}

impl From<Refusal> for ApiError {
    fn from(r: Refusal) -> Self {
        let status = match r.kind {
            RefusalKind::Invalid => StatusCode::BAD_REQUEST,
            RefusalKind::Forbidden => StatusCode::FORBIDDEN,
            RefusalKind::NotFound => StatusCode::NOT_FOUND,
            RefusalKind::Conflict => StatusCode::CONFLICT,
            RefusalKind::Unprocessable => StatusCode::UNPROCESSABLE_ENTITY,
            RefusalKind::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        };
        ApiError::new(status, r.code, r.message)
    }
}

/// The `Retry-After` of a write that reached a server that does not lead:
/// a new leader takes over within a few of the store's quarter-second
/// attempts, and a client that retries finds it (or the same follower,
/// which answers the same).
pub const NOT_LEADER_RETRY_AFTER: u64 = 1;

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Refused(r) => r.into(),
            StoreError::NotLeader => ApiError {
                retry_after: Some(NOT_LEADER_RETRY_AFTER),
                ..ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "not_leader",
                    "this server does not take writes at the moment: another server sharing the database leads them, \
                     or the lead is changing hands; nothing was changed; try again after Retry-After seconds",
                )
            },
            StoreError::Closed => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "shutting_down",
                "the server is shutting down; nothing was changed; try again in a moment",
            ),
            other => {
                tracing::error!(error = %other, "storage failure");
                ApiError::internal()
            }
        }
    }
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// Stable machine code, e.g. `member_exists`.
    pub error: String,
    /// What is wrong and what to do.
    pub message: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response =
            (self.status, Json(ErrorBody { error: self.code.to_owned(), message: self.message })).into_response();
        if let Some(secs) = self.retry_after {
            if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        response
    }
}

/// A serde message in the client's words, without the names of Rust types:
/// "invalid type: string \"x\", expected u64" becomes "got string \"x\",
/// expected a whole number (0 or more)"; "expected struct ProposalRequest
/// with 8 elements" becomes "expected a JSON object with this request's
/// fields"; enums and their variants become accepted values.
pub fn plain_serde_message(message: &str) -> String {
    let mut out = replace_named(message, "struct ", "a JSON object with this request's fields", true);
    out =
        replace_named(&out, "data did not match any variant of untagged enum ", "not one of the accepted forms", false);
    for tagged in ["internally tagged enum ", "adjacently tagged enum "] {
        out = replace_named(&out, tagged, "an object with its kind", false);
    }
    out = replace_named(&out, "enum ", "one of the accepted values", false);
    for (from, to) in [
        ("unit variant", "a named value"),
        ("newtype variant", "a named value"),
        ("tuple variant", "a named value"),
        ("unknown variant", "unknown value"),
        ("invalid type: ", "got "),
        ("invalid value: ", "got "),
        ("invalid length ", "a list of length "),
    ] {
        out = out.replace(from, to);
    }
    for (word, words) in [
        ("u8", "a whole number from 0 to 255"),
        ("u16", "a whole number from 0 to 65535"),
        ("u32", "a whole number from 0 to 4294967295"),
        ("u64", "a whole number (0 or more)"),
        ("u128", "a whole number (0 or more)"),
        ("usize", "a whole number (0 or more)"),
        ("i8", "a whole number"),
        ("i16", "a whole number"),
        ("i32", "a whole number"),
        ("i64", "a whole number"),
        ("i128", "a whole number"),
        ("isize", "a whole number"),
        ("f32", "a number"),
        ("f64", "a number"),
        ("char", "a single character"),
        ("variant", "value"),
        ("struct", "object"),
        ("enum", "choice"),
    ] {
        out = replace_word(&out, word, words);
    }
    out
}

/// Replaces `prefix` and the Rust name after it (and, for structs, a
/// following "with N elements") by `with`.
fn replace_named(message: &str, prefix: &str, with: &str, elements: bool) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(prefix) {
        out.push_str(&rest[..at]);
        let after = &rest[at + prefix.len()..];
        let name_end = after.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(after.len());
        let mut tail = &after[name_end..];
        if elements {
            if let Some(t) = tail.strip_prefix(" with ") {
                let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
                if digits > 0 {
                    let t = &t[digits..];
                    tail = t.strip_prefix(" elements").or_else(|| t.strip_prefix(" element")).unwrap_or(t);
                }
            }
        }
        out.push_str(with);
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// Replaces `word` where it stands as a whole word (not inside a longer
/// name or a quoted value's letters).
fn replace_word(message: &str, word: &str, with: &str) -> String {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    let mut before: Option<char> = None;
    while let Some(at) = rest.find(word) {
        let prev = rest[..at].chars().next_back().or(before);
        let next = rest[at + word.len()..].chars().next();
        out.push_str(&rest[..at]);
        if prev.is_some_and(is_word) || next.is_some_and(is_word) {
            out.push_str(word);
        } else {
            out.push_str(with);
        }
        before = word.chars().next_back();
        rest = &rest[at + word.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
