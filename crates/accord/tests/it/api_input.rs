//! Bad input of every kind gets a clear error and changes nothing.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use proptest::prelude::*;
use serde_json::{json, Value};

use crate::helpers::*;

fn request(method: Method, path: &str, token: &str, content_type: Option<&str>, body: Vec<u8>) -> Request<Body> {
    let mut req = Request::builder().method(method).uri(path).header(header::AUTHORIZATION, format!("Bearer {token}"));
    if let Some(ct) = content_type {
        req = req.header(header::CONTENT_TYPE, ct);
    }
    req.body(Body::from(body)).unwrap()
}

async fn answer(forum: &TestForum, req: Request<Body>) -> (StatusCode, Value) {
    let (status, bytes) = forum.raw(req).await;
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

#[tokio::test]
async fn malformed_requests() {
    let forum = TestForum::new();
    let sec = forum.token("sec").await;
    let before = forum.record_len();
    let json_ct = Some("application/json");
    let cases: Vec<(Request<Body>, StatusCode, &str)> = vec![
        (
            request(Method::POST, "/api/v1/members", &sec, json_ct, b"{\"code\": \"FRA\",".to_vec()),
            StatusCode::BAD_REQUEST,
            "malformed_request",
        ),
        (
            request(Method::POST, "/api/v1/members", &sec, json_ct, b"[1, 2]".to_vec()),
            StatusCode::BAD_REQUEST,
            "malformed_request",
        ),
        (
            request(Method::POST, "/api/v1/members", &sec, json_ct, b"{\"code\": 7, \"kind\": \"state\"}".to_vec()),
            StatusCode::BAD_REQUEST,
            "malformed_request",
        ),
        (
            request(
                Method::POST,
                "/api/v1/members",
                &sec,
                json_ct,
                b"{\"code\": \"FRA\", \"kind\": \"state\", \"votes\": 3}".to_vec(),
            ),
            StatusCode::BAD_REQUEST,
            "malformed_request",
        ),
        (
            request(Method::POST, "/api/v1/members", &sec, json_ct, vec![0xff, 0xfe, 0x00]),
            StatusCode::BAD_REQUEST,
            "malformed_request",
        ),
        (
            request(Method::POST, "/api/v1/members", &sec, None, b"{\"code\": \"FRA\", \"kind\": \"state\"}".to_vec()),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            request(
                Method::POST,
                "/api/v1/members",
                &sec,
                Some("text/plain"),
                b"{\"code\": \"FRA\", \"kind\": \"state\"}".to_vec(),
            ),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            request(
                Method::POST,
                "/api/v1/members",
                &sec,
                json_ct,
                format!("{{\"code\": \"FRA\", \"kind\": \"state\", \"name\": \"{}\"}}", "x".repeat(70_000))
                    .into_bytes(),
            ),
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
        ),
        (
            request(Method::GET, "/api/v1/record?limit=abc", &sec, None, vec![]),
            StatusCode::BAD_REQUEST,
            "malformed_query",
        ),
        (
            request(Method::GET, "/api/v1/record?limit=0", &sec, None, vec![]),
            StatusCode::UNPROCESSABLE_ENTITY,
            "out_of_range",
        ),
        (
            request(Method::GET, "/api/v1/members?kind=planet", &sec, None, vec![]),
            StatusCode::BAD_REQUEST,
            "invalid_kind",
        ),
        (request(Method::GET, "/api/v1/record/abc", &sec, None, vec![]), StatusCode::BAD_REQUEST, "invalid_index"),
        (request(Method::GET, "/api/v1/record/999999", &sec, None, vec![]), StatusCode::NOT_FOUND, "unknown_entry"),
        (request(Method::GET, "/api/v1/nothing-here", &sec, None, vec![]), StatusCode::NOT_FOUND, "no_such_endpoint"),
        (request(Method::GET, "/api/v1/members/QQQ", &sec, None, vec![]), StatusCode::NOT_FOUND, "unknown_member"),
        (
            request(Method::POST, "/api/v1/members", "", json_ct, b"{}".to_vec()),
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
        ),
    ];
    for (req, status, code) in cases {
        let what = format!("{} {}", req.method(), req.uri());
        let got = answer(&forum, req).await;
        assert_eq!(got.0, status, "{what}: {got:?}");
        assert_eq!(got.1["error"], code, "{what}: {got:?}");
        assert!(got.1["message"].as_str().is_some_and(|m| m.len() > 10), "{what}: the message says what is wrong");
    }
    // The messages name what is wrong, without the JSON library's preamble.
    let got = answer(
        &forum,
        request(
            Method::POST,
            "/api/v1/members",
            &sec,
            json_ct,
            b"{\"code\": \"FRA\", \"kind\": \"state\", \"votes\": 3}".to_vec(),
        ),
    )
    .await;
    let message = got.1["message"].as_str().unwrap();
    assert!(
        message.starts_with("the JSON body does not fit this request: ") && message.contains("unknown field `votes`"),
        "{message}"
    );
    assert!(!message.contains("Failed to"), "{message}");
    let got = answer(&forum, request(Method::POST, "/api/v1/members", &sec, json_ct, b"{\"code\": ".to_vec())).await;
    assert!(got.1["message"].as_str().unwrap().starts_with("the body is not valid JSON: "), "{:?}", got.1);
    // Valid JSON of the wrong shape is not called invalid JSON, and no
    // Rust type name leaks into the message.
    for (body, says) in [
        (&b"[]"[..], "expected a JSON object with this request's fields"),
        (&b"{\"code\": \"FRA\", \"kind\": 5}"[..], "kind: got integer `5`, expected a string"),
    ] {
        let got = answer(&forum, request(Method::POST, "/api/v1/members", &sec, json_ct, body.to_vec())).await;
        let message = got.1["message"].as_str().unwrap();
        assert!(
            message.starts_with("the JSON body does not fit this request: ") && message.contains(says),
            "{message}"
        );
        assert!(!message.contains("struct"), "{message}");
    }
    assert_eq!(forum.record_len(), before);
}

#[tokio::test]
async fn a_cross_site_post_is_refused() {
    let forum = TestForum::new();
    let sec = forum.token("sec").await;
    let before = forum.record_len();
    let body = json!({"code": "FRA", "kind": "state"}).to_string();
    for (name, value) in [("origin", "https://evil.example"), ("sec-fetch-site", "cross-site")] {
        let req = Request::builder()
            .method(Method::POST)
            .uri("/api/v1/members")
            .header(header::HOST, "accord.example")
            .header(header::AUTHORIZATION, format!("Bearer {sec}"))
            .header(header::CONTENT_TYPE, "application/json")
            .header(name, value)
            .body(Body::from(body.clone()))
            .unwrap();
        let got = answer(&forum, req).await;
        assert_error(&got, StatusCode::FORBIDDEN, "cross_site_request");
    }
    // A plain HTML form from another site cannot even name a JSON body.
    let req = Request::builder()
        .method(Method::POST)
        .uri("/members")
        .header(header::HOST, "accord.example")
        .header(header::ORIGIN, "https://evil.example")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("code=FRA&kind=state"))
        .unwrap();
    let (status, page) = forum.raw(req).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // A browser shows a page that says why, not JSON.
    let page = String::from_utf8(page).unwrap();
    assert!(page.starts_with("<!doctype html>") && page.contains("came from another web site"), "{page}");
    assert_eq!(forum.record_len(), before);
}

#[tokio::test]
async fn openapi_describes_the_contract() {
    let forum = TestForum::new();
    let (status, doc) = forum.get("/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for (path, method) in [
        ("/api/v1/auth/token", "post"),
        ("/api/v1/members", "get"),
        ("/api/v1/members", "post"),
        ("/api/v1/members/{code}", "get"),
        ("/api/v1/members/{code}/delegates", "post"),
        ("/api/v1/officers", "post"),
        ("/api/v1/officers", "get"),
        ("/api/v1/record", "get"),
        ("/api/v1/members/{code}/signatures-required", "post"),
        ("/api/v1/log/state/{size}", "get"),
    ] {
        assert!(doc["paths"][path][method].is_object(), "{method} {path} is missing from the OpenAPI document");
    }
    assert!(doc["components"]["schemas"]["MemberJson"]["properties"]["status"].is_object());
    let schemas = &doc["components"]["schemas"];
    assert!(schemas["MemberJson"]["properties"]["signatures_required_since"].is_object(), "{}", schemas["MemberJson"]);
    assert!(schemas["StateDigest"]["properties"]["parts"].is_object(), "{}", schemas["StateDigest"]);
    assert!(schemas["LogInfo"]["properties"]["witnesses"].is_object(), "{}", schemas["LogInfo"]);
    // Every parameter that is not in the path template is a query
    // parameter, but for the documented request headers.
    let headers = ["X-Accord-Participant"];
    let mut checked = 0;
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            for p in op["parameters"].as_array().into_iter().flatten() {
                let name = p["name"].as_str().unwrap();
                let in_path = path.contains(&format!("{{{name}}}"));
                let expected = if in_path {
                    "path"
                } else if headers.contains(&name) {
                    "header"
                } else {
                    "query"
                };
                assert_eq!(p["in"], expected, "{method} {path}: parameter {name}");
                if !in_path {
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 10, "query parameters are described ({checked})");
    // A method an address does not answer: 405 with a JSON error.
    let (status, body) = forum.call(axum::http::Method::DELETE, "/api/v1/forum", None, None).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (StatusCode::METHOD_NOT_ALLOWED, Some("method_not_allowed")),
        "{body}"
    );
    let record = &doc["paths"]["/api/v1/record"]["get"]["parameters"];
    assert!(record.as_array().unwrap().iter().all(|p| p["required"] != true), "{record}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    /// Arbitrary bytes sent to the request parsers never crash the server,
    /// never answer 5xx, and never change the record.
    #[test]
    fn arbitrary_bodies_are_refused_cleanly(body in proptest::collection::vec(any::<u8>(), 0..300), which in 0usize..6) {
        static FORUM: std::sync::OnceLock<(TestForum, String)> = std::sync::OnceLock::new();
        let (forum, token) = FORUM.get_or_init(|| {
            let forum = TestForum::new();
            let token = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(forum.token("sec"));
            (forum, token)
        });
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            let before = forum.record_len();
            let (method, path, ct) = [
                (Method::POST, "/api/v1/members", "application/json"),
                (Method::POST, "/api/v1/members/BRA/delegates", "application/json"),
                (Method::POST, "/api/v1/auth/token", "application/json"),
                (Method::PATCH, "/api/v1/forum", "application/json"),
                (Method::POST, "/members", "application/x-www-form-urlencoded"),
                (Method::POST, "/login", "application/x-www-form-urlencoded"),
            ][which].clone();
            let req = request(method, path, token, Some(ct), body.clone());
            let (status, _) = forum.raw(req).await;
            assert!(!status.is_server_error(), "{path} answered {status} to {body:?}");
            // A random body may by chance be valid JSON for a valid action;
            // anything else must leave the record as it was.
            if !status.is_success() {
                assert_eq!(forum.record_len(), before);
            }
        });
    }
}

/// A path value whose percent-escapes are not UTF-8 is refused as JSON
/// saying so, on every kind of id.
#[tokio::test]
async fn a_path_value_that_is_not_text_is_refused_clearly() {
    let forum = TestForum::new();
    for path in ["/api/v1/processes/%ff", "/api/v1/meetings/%ff/summary/document", "/api/v1/members/%fe%ff"] {
        let answer = forum.get(path).await;
        assert_error(&answer, StatusCode::BAD_REQUEST, "invalid_path");
        assert!(answer.1["message"].as_str().unwrap().contains("not text"), "{path}: {}", answer.1);
    }
}
