//! The error answers every operation of the API can give, added to the
//! OpenAPI document from what the operation takes, so that the document
//! names every status code a client can meet without each handler listing
//! them by hand.
//!
//! | the operation…                      | can answer                         |
//! | ----------------------------------- | ---------------------------------- |
//! | takes a path or query parameter     | 400 (malformed), 422 (out of range)|
//! | takes a path parameter              | 404 (nothing there)                |
//! | takes a body                        | 400, 413 (too large), 415, 422     |
//! | needs a token                       | 401, 403                           |
//! | changes the record (not a GET)      | 403, 409, 422, 429, 503            |
//!
//! 503 is the answer when the record cannot be written (the store is
//! stopping or its disk failed); 429 when a client writes or guesses
//! passwords faster than the limits allow. Responses an operation already
//! documents are kept as they are.

use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, ResponseBuilder};

pub struct StandardErrors;

impl utoipa::Modify for StandardErrors {
    fn modify(&self, openapi: &mut OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            let shared = item.parameters.clone().unwrap_or_default();
            let ops = [
                (false, &mut item.get),
                (true, &mut item.post),
                (true, &mut item.put),
                (true, &mut item.patch),
                (true, &mut item.delete),
            ];
            for (writes, op) in ops {
                if let Some(op) = op {
                    add_errors(op, writes, &shared);
                }
            }
        }
    }
}

fn add_errors(op: &mut Operation, writes: bool, shared: &[utoipa::openapi::path::Parameter]) {
    let params: Vec<_> = shared.iter().chain(op.parameters.iter().flatten()).collect();
    let mut codes: Vec<(u16, &str)> = Vec::new();
    if params.iter().any(|p| matches!(p.parameter_in, ParameterIn::Path | ParameterIn::Query)) {
        codes.push((400, "a parameter is malformed"));
        codes.push((422, "a parameter is out of its range"));
    }
    if params.iter().any(|p| matches!(p.parameter_in, ParameterIn::Path)) {
        codes.push((404, "nothing is at this address"));
    }
    if op.request_body.is_some() {
        codes.extend([
            (400, "the body is malformed"),
            (413, "the body is too large"),
            (415, "the body is not JSON"),
            (422, "the request is well formed but cannot be carried out"),
        ]);
    }
    if op.security.as_ref().is_some_and(|s| !s.is_empty()) {
        codes.extend([(401, "no valid token"), (403, "the caller may not do this")]);
    }
    if writes {
        codes.extend([
            (403, "the caller may not do this"),
            (409, "the state of the forum does not allow it now"),
            (422, "the request is well formed but cannot be carried out"),
            (429, "too many requests: try again after `Retry-After` seconds"),
            (503, "the record cannot be written now: try again"),
        ]);
    }
    for (code, description) in codes {
        op.responses.responses.entry(code.to_string()).or_insert_with(|| {
            let mut response = ResponseBuilder::new().description(description);
            if code == 503 {
                response = response.header("Retry-After", not_leader_retry_after());
            }
            response
                .content(
                    "application/json",
                    ContentBuilder::new().schema(Some(Ref::from_schema_name("ErrorBody"))).build(),
                )
                .build()
                .into()
        });
    }
}

/// The `Retry-After` of a 503 on a write: the server shuts down
/// (`shutting_down`), or it shares its database with other servers and
/// does not lead the writes at the moment (`not_leader`).
fn not_leader_retry_after() -> utoipa::openapi::header::Header {
    utoipa::openapi::header::HeaderBuilder::new()
        .schema(utoipa::openapi::ObjectBuilder::new().schema_type(utoipa::openapi::schema::Type::Integer))
        .description(Some(
            "seconds to wait before trying again. With `not_leader`, the server shares its database with other \
             `accord serve` processes and another of them leads the writes, or the lead is changing hands (a new \
             leader takes over within seconds): nothing was written; send the write again, here or to another \
             server. Reads are served by every server.",
        ))
        .build()
}
