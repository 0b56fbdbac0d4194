//! The static assets: the style sheet, the scripts and the forum's mark.

use axum::http::header;
use axum::response::IntoResponse;

pub fn routes() -> crate::http::routes::Routes {
    crate::http::routes::Routes::new()
        .get("/assets/accord.css", css)
        .get("/assets/accord.js", js)
        .get("/assets/signing.js", signing_js)
        .get("/assets/favicon.svg", favicon)
        .get("/favicon.ico", favicon)
}

async fn css() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")],
        include_str!("../../assets/accord.css"),
    )
}

/// The forum's mark; also answers the `/favicon.ico` that browsers ask for.
async fn favicon() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "public, max-age=86400")],
        include_str!("../../assets/favicon.svg"),
    )
}

async fn js() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")],
        include_str!("../../assets/accord.js"),
    )
}

/// The script that makes a signing key in the browser and signs the
/// member's actions with it (see [`crate::http::signing`]).
async fn signing_js() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")],
        include_str!("../../assets/signing.js"),
    )
}
