//! Times as the API writes them (RFC 3339, UTC) and as the pages write
//! them (in the reader's language, UTC).

/// RFC 3339 in UTC with milliseconds.
pub fn rfc3339(millis: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(millis as i128 * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    t.format(&time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"))
        .unwrap_or_default()
}

/// A day as the pages write it, in the request's language: `2026-12-04`
/// in English, `4 décembre 2026` in French (see [`crate::http::i18n::date`]).
pub fn page_date(millis: i64) -> String {
    crate::http::i18n::date(millis)
}

/// A moment to the second as the pages write it, in the request's
/// language: `2026-12-04 16:35:52` in English (the record's pages add
/// "UTC"), `4 décembre 2026, 16:35:52` in French.
pub fn page_date_time(millis: i64) -> String {
    crate::http::i18n::date_time(millis)
}
