//! Numbers in paths: a process (`1`, `2`, …) and a proposal (`17` or
//! `P-17`), with the 400 answer a malformed one gets.

use crate::http::error::ApiError;

// ---- parsing path values ----

pub(crate) fn process_id(raw: &str) -> Result<u64, ApiError> {
    raw.parse::<u64>().ok().filter(|n| *n > 0).ok_or_else(|| {
        ApiError::bad_request("invalid_process_id", format!("{raw:?} is not a process number (1, 2, ...)"))
    })
}

pub(crate) fn proposal_id(raw: &str) -> Result<u64, ApiError> {
    let digits = raw.strip_prefix("P-").or_else(|| raw.strip_prefix("p-")).unwrap_or(raw);
    digits.parse::<u64>().ok().filter(|n| *n > 0).ok_or_else(|| {
        ApiError::bad_request("invalid_proposal_id", format!("{raw:?} is not a proposal number (17 or P-17)"))
    })
}
