//! The OpenAPI document at `/api/openapi.json`: its frame, and the
//! modifiers that apply to every operation.

use axum::response::IntoResponse;
use utoipa::OpenApi;

use crate::http::auth;
use crate::http::error::ErrorBody;
use crate::http::openapi_errors::StandardErrors;
use crate::AppState;

/// The document's frame: its title and the error shape. The operations
/// come from the routes ([`crate::http::routes::Routes::api`]), each
/// registered with its annotation, so that no route of the API can be
/// missing from the document; [`finish`] then adds what applies to all.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Accord API",
        description = "The JSON API of Accord: forum, members, delegates, negotiating texts and the record. Errors are `{\"error\", \"message\"}`."
    ),
    components(schemas(ErrorBody))
)]
pub struct ApiDoc;

/// Completes the document made of [`ApiDoc`] and the routes' operations:
/// the bearer scheme, the write limits' 429 and the standard errors
/// ([`StandardErrors`]).
pub fn finish(mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    use utoipa::Modify;
    BearerAuth.modify(&mut doc);
    WriteLimitResponses.modify(&mut doc);
    StandardErrors.modify(&mut doc);
    doc
}

/// `GET /api/openapi.json`: the document, serialised once when the
/// application is built.
pub async fn serve(axum::extract::State(app): axum::extract::State<AppState>) -> impl IntoResponse {
    ([(axum::http::header::CONTENT_TYPE, "application/json")], app.openapi.clone())
}

struct BearerAuth;
impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Documents the write limits ([`crate::http::limits`]) on every operation that
/// can write to the record: a 429 `rate_limited` with `Retry-After`.
struct WriteLimitResponses;
impl utoipa::Modify for WriteLimitResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::content::ContentBuilder;
        use utoipa::openapi::header::HeaderBuilder;
        use utoipa::openapi::{ObjectBuilder, Ref, ResponseBuilder, Type};
        let response = ResponseBuilder::new()
            .description(
                "rate_limited: this member's delegation or this token made more changes than the write limits \
                 allow (by default a burst of 60, then 1 per second, per member and per token; officers are not \
                 limited); nothing was recorded; try again after Retry-After seconds",
            )
            .header(
                "Retry-After",
                HeaderBuilder::new()
                    .schema(ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(1)))
                    .description(Some("seconds to wait before the next write"))
                    .build(),
            )
            .content("application/json", ContentBuilder::new().schema(Some(Ref::from_schema_name("ErrorBody"))).build())
            .build();
        for (path, item) in openapi.paths.paths.iter_mut() {
            if !auth::writes_record(path) {
                continue;
            }
            for op in [&mut item.post, &mut item.put, &mut item.patch, &mut item.delete].into_iter().flatten() {
                if op.security.is_none() {
                    continue;
                }
                op.responses.responses.entry("429".into()).or_insert_with(|| response.clone().into());
            }
        }
    }
}
