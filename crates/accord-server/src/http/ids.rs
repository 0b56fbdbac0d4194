//! The values in paths, each a type with its own extractor: a handler
//! takes `ProcessId(id): ProcessId` where it would take a `Path<String>`
//! and parse it. Each type reads its parameter by name (`{id}`, `{pid}`,
//! `{mid}`, …) and answers a malformed value with the API's error (400, or
//! the refusal a malformed member code or delegate id gets); a value that
//! is not UTF-8 text gets 400 `invalid_path`.
//!
//! The parsing functions are also used by the pages, which show the same
//! errors as pages.

use std::collections::HashMap;

use accord_domain::{DelegateId, MemberCode};
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};

use crate::http::error::ApiError;
use crate::http::ranges;

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

/// A number of a session, meeting, vote, consensus, decision or silence
/// procedure (`what`): 1, 2, …
pub(crate) fn number(raw: &str, what: &'static str) -> Result<u64, ApiError> {
    raw.parse::<u64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| ApiError::bad_request("invalid_id", format!("{raw:?} is not a {what} number (1, 2, ...)")))
}

/// An agenda item's number from a path: 1 to [`ranges::AGENDA_ITEM_MAX`].
fn item_number(raw: &str) -> Result<u32, ApiError> {
    Ok(ranges::within("the agenda item", number(raw, "agenda item")?, 1, ranges::AGENDA_ITEM_MAX as u64)? as u32)
}

/// A request for the floor's number from a path: 1 to [`ranges::REQUEST_MAX`].
fn request_number(raw: &str) -> Result<u32, ApiError> {
    Ok(ranges::within("the request", number(raw, "request")?, 1, ranges::REQUEST_MAX as u64)? as u32)
}

/// An entry's index: 0, 1, 2, …
fn entry_index(raw: &str) -> Result<u64, ApiError> {
    raw.parse()
        .map_err(|_| ApiError::bad_request("invalid_index", format!("{raw:?} is not an entry index (0, 1, 2, ...)")))
}

/// The raw value of the path parameter `name`, percent-decoded.
async fn param<S: Send + Sync>(parts: &mut Parts, state: &S, name: &str) -> Result<String, Response> {
    let Path(mut params) = Path::<HashMap<String, String>>::from_request_parts(parts, state).await.map_err(|_| {
        ApiError::bad_request(
            "invalid_path",
            format!("the address's {{{name}}} is not text (its percent-escapes are not UTF-8): check the link"),
        )
        .into_response()
    })?;
    // A route without the parameter is a mistake in the route table: it
    // answers 404 like an address that is not there.
    params.remove(name).ok_or_else(|| {
        ApiError::not_found("no_such_endpoint", "there is no such API endpoint: see /api/openapi.json").into_response()
    })
}

/// A value read from a path parameter: its name and its parsing, which
/// the API's extractor and the pages' ([`crate::http::page::InPage`])
/// share.
pub trait PathValue: Sized + Send {
    /// The parameter's name in the route (`id` of `{id}`).
    const PARAM: &'static str;
    /// The value, or the refusal a malformed one gets.
    fn parse(raw: &str) -> Result<Self, ApiError>;
}

/// Reads the path value `T`: the router's own answer for a value that is
/// not UTF-8, else `T`'s parsing.
pub(crate) async fn read<T: PathValue, S: Send + Sync>(
    parts: &mut Parts,
    state: &S,
) -> Result<Result<T, ApiError>, Response> {
    let raw = param(parts, state, T::PARAM).await?;
    Ok(T::parse(&raw))
}

macro_rules! path_value {
    ($(#[$doc:meta])* $name:ident($inner:ty) = $param:literal, $parse:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name(pub $inner);

        impl PathValue for $name {
            const PARAM: &'static str = $param;
            fn parse(raw: &str) -> Result<Self, ApiError> {
                let parse: fn(&str) -> Result<$inner, ApiError> = $parse;
                parse(raw).map($name)
            }
        }

        impl<S: Send + Sync> FromRequestParts<S> for $name {
            type Rejection = Response;
            async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
                read::<$name, S>(parts, state).await?.map_err(IntoResponse::into_response)
            }
        }
    };
}

path_value!(
    /// `{id}` of `/processes/{id}`.
    ProcessId(u64) = "id", process_id
);
path_value!(
    /// `{v}`: a version of a process, by number (`3`) or name (`Rev.1`,
    /// `zero`); the process says whether it has it.
    VersionParam(String) = "v", |raw| if raw.trim().is_empty() {
        Err(ApiError::bad_request("invalid_version", "the version is empty: give its number (3) or name (Rev.1, zero)"))
    } else {
        Ok(raw.to_owned())
    }
);
path_value!(
    /// `{pid}`: a proposal, `17` or `P-17`.
    ProposalId(u64) = "pid", proposal_id
);
path_value!(
    /// `{n}`: a conference room paper of a process, 1, 2, …
    PaperNumber(u64) = "n", |raw| number(raw, "paper")
);
path_value!(
    /// `{sid}` of `/sessions/{sid}`.
    SessionId(u64) = "sid", |raw| number(raw, "session")
);
path_value!(
    /// `{mid}`: a meeting.
    MeetingId(u64) = "mid", |raw| number(raw, "meeting")
);
path_value!(
    /// `{item}`: an item of a meeting's agenda.
    AgendaItem(u32) = "item", item_number
);
path_value!(
    /// `{request}`: a request for the floor.
    SpeakerRequest(u32) = "request", request_number
);
path_value!(
    /// `{vid}`: a vote.
    VoteId(u64) = "vid", |raw| number(raw, "vote")
);
path_value!(
    /// `{cid}`: a consensus.
    ConsensusId(u64) = "cid", |raw| number(raw, "consensus")
);
path_value!(
    /// `{did}`: a decision.
    DecisionId(u64) = "did", |raw| number(raw, "decision")
);
path_value!(
    /// `{sid}` of `/silence/{sid}`: a silence procedure.
    SilenceId(u64) = "sid", |raw| number(raw, "silence procedure")
);
path_value!(
    /// `{id}` of `/consultations/{id}`.
    ConsultationId(u64) = "id", |raw| number(raw, "consultation")
);
path_value!(
    /// `{stid}`: a statement of a consultation.
    StatementNumber(u32) = "stid", |raw| number(raw, "statement").and_then(|n| u32::try_from(n).map_err(|_| ApiError::bad_request("invalid_id", format!("{raw:?} is not a statement number (1, 2, ...)"))))
);
path_value!(
    /// `{code}`: a member's code.
    MemberParam(MemberCode) = "code", |raw| Ok(MemberCode::parse(raw)?)
);
path_value!(
    /// `{member}`: a member's code (in a meeting's attendance).
    AttendeeParam(MemberCode) = "member", |raw| Ok(MemberCode::parse(raw)?)
);
path_value!(
    /// `{id}` of `/delegates/{id}`: `D17`.
    DelegateParam(DelegateId) = "id", |raw| Ok(DelegateId::parse(raw)?)
);
path_value!(
    /// `{index}`: an entry of the record.
    EntryIndex(u64) = "index", entry_index
);
path_value!(
    /// `{key}`: a member's key id, as given.
    KeyParam(String) = "key", |raw| Ok(raw.to_owned())
);
path_value!(
    /// `{id}` of `/me/tokens/{id}`: one of the caller's API tokens.
    TokenId(i64) = "id", |raw| raw.parse().map_err(|_| ApiError::bad_request("invalid_token_id", format!("{raw:?} is not a token id")))
);
path_value!(
    /// `{eid}`: a provision's element id, as given (the text says whether
    /// it names one).
    ProvisionEid(String) = "eid", |raw| Ok(raw.to_owned())
);
path_value!(
    /// `{act}`: the act a page's form names.
    ActName(String) = "act", |raw| Ok(raw.to_owned())
);
