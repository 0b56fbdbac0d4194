//! The ranges of every number, duration and date Accord takes from input.
//!
//! Each is checked where the request is read, API and forms alike, and an
//! out-of-range value is refused with 422 `out_of_range` and a message that
//! says the range ("hours must be between 72 and 8760"). The same bounds
//! are written into the OpenAPI document (`#[schema(minimum, maximum)]`,
//! `#[param(minimum, maximum)]`). The domain keeps its own checks on the
//! record (a silence procedure lasts at most a year, a speaking time at
//! most an hour, from edition 3 of the rules).
//!
//! The ranges: silence hours, the rules' minimum to 8,760; speaking time 1
//! to 3,600 s; agenda items 1 to 9,999; anchor occurrence 1 to 10,000 and
//! `at` 0 to 10,000; ids and indexes up to 2^53 − 1; 1 to 1,000 entries per
//! page of the record; quorum denominators 1 to 1,000.

use std::fmt::Display;

use axum::http::StatusCode;

use crate::http::error::ApiError;

/// The largest integer an entry may hold (its canonical JSON keeps
/// integers exact in every JSON reader: 2^53 − 1). Ids and indexes from
/// input are at most this.
pub const MAX_ID: u64 = accord_domain::decisions::MAX_INTEGER;
/// The longest silence procedure, in hours (a year).
pub const SILENCE_MAX_HOURS: i64 = accord_domain::decisions::SILENCE_MAX_HOURS as i64;
/// The longest speaking time, in seconds (an hour).
pub const SPEAKING_MAX_SECONDS: i64 = accord_domain::decisions::SPEAKING_MAX_SECONDS as i64;
/// Occurrences of words in a provision are counted from 1; a provision has
/// at most this many characters, so no more occurrences.
pub const OCCURRENCE_MAX: i64 = accord_domain::negotiation::text::PROVISION_MAX_CHARS as i64;
/// Where a selection starts, in characters from the start of a provision.
pub const AT_MAX: i64 = accord_domain::negotiation::text::PROVISION_MAX_CHARS as i64;
/// Agenda items of a meeting are numbered from 1 to this.
pub const AGENDA_ITEM_MAX: i64 = 9_999;
/// Requests for the floor on one agenda item are numbered from 1 to this.
pub const REQUEST_MAX: i64 = u32::MAX as i64;
/// Entries answered per page of the record.
pub const RECORD_LIMIT_MAX: u64 = 1_000;

/// `value` if it is within `min..=max`, otherwise 422 `out_of_range`
/// naming `what` and the range.
pub fn within<T: PartialOrd + Display + Copy>(what: &str, value: T, min: T, max: T) -> Result<T, ApiError> {
    if value < min || value > max {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "out_of_range",
            format!("{what} must be between {min} and {max} (not {value})"),
        ));
    }
    Ok(value)
}

/// An optional value within its range.
pub fn within_opt<T: PartialOrd + Display + Copy>(
    what: &str,
    value: Option<T>,
    min: T,
    max: T,
) -> Result<Option<T>, ApiError> {
    value.map(|v| within(what, v, min, max)).transpose()
}
