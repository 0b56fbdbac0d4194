//! Headers every answer carries, for browsers to enforce.
//!
//! - `Content-Security-Policy`: scripts, styles, images and connections
//!   only from this site, no inline script or style (the pages have none:
//!   their one script is `/assets/accord.js`), forms post only here, and no
//!   site may frame the pages (`frame-ancestors 'none'`, with
//!   `X-Frame-Options: DENY` for older browsers).
//! - `X-Content-Type-Options: nosniff`, `Referrer-Policy: same-origin`.
//! - `Cache-Control: no-store` on the pages and API answers that hold
//!   secrets or a person's own data (log-in, account and tokens), and on
//!   every answer to a request that is not a GET: such answers may show a
//!   new token or an initial password once (a password reset, a new
//!   delegate's account).
//! - A failed answer (5xx) never sets a cookie: a session is started only
//!   by an answer that succeeded.

use axum::extract::Request;
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// The policy of every answer.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";

/// Paths whose answers no cache may keep: the log-in page, the account
/// page with its tokens (a new token is shown once), and the API's token
/// endpoints.
fn private(path: &str) -> bool {
    path == "/login"
        || path == "/account"
        || path.starts_with("/account/")
        || path.starts_with("/api/v1/auth/")
        || path == "/api/v1/me"
        || path.starts_with("/api/v1/me/")
}

/// Middleware: adds the headers above to every answer.
pub async fn headers(request: Request, next: Next) -> Response {
    let changes = !matches!(*request.method(), axum::http::Method::GET | axum::http::Method::HEAD);
    let no_store = changes || private(request.uri().path());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let fixed: [(HeaderName, &'static str); 5] = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "same-origin"),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if no_store {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if response.status().is_server_error() {
        response.headers_mut().remove(header::SET_COOKIE);
    }
    response
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::{header, Request, StatusCode};
    use axum::response::IntoResponse;
    use axum::routing::get;
    use axum::Router;
    use tower::ServiceExt;

    /// A handler that fails after setting a cookie loses the cookie; one
    /// that succeeds keeps it; both carry the policy.
    #[tokio::test]
    async fn a_failed_answer_sets_no_cookie() {
        const COOKIE: [(header::HeaderName, &str); 1] = [(header::SET_COOKIE, "accord_session=x; Path=/")];
        let app = Router::new()
            .route("/fails", get(|| async { (StatusCode::INTERNAL_SERVER_ERROR, COOKIE, "no").into_response() }))
            .route("/works", get(|| async { (COOKIE, "yes").into_response() }))
            .layer(axum::middleware::from_fn(super::headers));
        let fails = app.clone().oneshot(Request::get("/fails").body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(fails.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!fails.headers().contains_key(header::SET_COOKIE));
        assert_eq!(fails.headers()[header::CONTENT_SECURITY_POLICY], super::CONTENT_SECURITY_POLICY);
        let works = app.oneshot(Request::get("/works").body(Body::empty()).unwrap()).await.unwrap();
        assert!(works.headers().contains_key(header::SET_COOKIE));
        assert_eq!(works.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    }
}
