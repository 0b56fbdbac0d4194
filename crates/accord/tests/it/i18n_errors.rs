//! Errors follow the request's language: the same status and stable code
//! in every language, the message in the language asked for (its
//! `error-<code>` in `locales/<language>/errors.ftl`), English for a
//! language Accord does not speak.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

/// The message `error-<code>` as `locales/<lang>/errors.ftl` writes it.
fn catalogued(lang: &str, code: &str) -> String {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../accord-server/locales/{lang}/errors.ftl"));
    let text = std::fs::read_to_string(&path).unwrap();
    let prefix = format!("error-{code} = ");
    text.lines()
        .find_map(|l| l.strip_prefix(prefix.as_str()))
        .unwrap_or_else(|| panic!("{} has no error-{code}", path.display()))
        .to_owned()
}

/// A refused request: what it sends, and the status and code it gets.
struct Refused {
    method: Method,
    path: &'static str,
    token: Option<String>,
    body: Option<&'static [u8]>,
    status: StatusCode,
    code: &'static str,
}

impl Refused {
    fn request(&self, accept_language: Option<&str>) -> Request<Body> {
        let mut req = Request::builder().method(self.method.clone()).uri(self.path);
        if let Some(t) = &self.token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        if let Some(lang) = accept_language {
            req = req.header(header::ACCEPT_LANGUAGE, lang);
        }
        match self.body {
            Some(b) => req.header(header::CONTENT_TYPE, "application/json").body(Body::from(b.to_vec())).unwrap(),
            None => req.body(Body::empty()).unwrap(),
        }
    }
}

async fn answer(forum: &TestForum, req: Request<Body>) -> (StatusCode, Value) {
    let (status, bytes) = forum.raw(req).await;
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

fn message(answer: &(StatusCode, Value)) -> &str {
    answer.1["message"].as_str().unwrap_or_else(|| panic!("no message in {}", answer.1))
}

#[tokio::test]
async fn an_api_error_answers_in_the_request_language_with_the_same_status_and_code() {
    let forum = TestForum::new();
    let sec = forum.token("sec").await;
    let before = forum.record_len();
    let cases = [
        // A domain refusal, converted from the store's answer.
        Refused {
            method: Method::POST,
            path: "/api/v1/members",
            token: Some(sec.clone()),
            body: Some(br#"{"code": "BRA", "kind": "state"}"#),
            status: StatusCode::CONFLICT,
            code: "member_exists",
        },
        // The server's own refusals: no credentials, unreadable JSON.
        Refused {
            method: Method::POST,
            path: "/api/v1/members",
            token: None,
            body: Some(br#"{"code": "FRA", "kind": "state"}"#),
            status: StatusCode::UNAUTHORIZED,
            code: "unauthenticated",
        },
        Refused {
            method: Method::POST,
            path: "/api/v1/members",
            token: Some(sec.clone()),
            body: Some(br#"{"code": "FRA","#),
            status: StatusCode::BAD_REQUEST,
            code: "malformed_request",
        },
        // Refused while the view cache builds the rolling text on a
        // blocking thread, away from the request's task.
        Refused {
            method: Method::GET,
            path: "/api/v1/processes/9/rolling-text",
            token: None,
            body: None,
            status: StatusCode::NOT_FOUND,
            code: "unknown_process",
        },
    ];
    for case in &cases {
        let english = answer(&forum, case.request(None)).await;
        assert_error(&english, case.status, case.code);
        let english_message = message(&english).to_owned();
        assert_ne!(english_message, catalogued("en", case.code), "English keeps the precise message");

        for (lang, header, script) in [
            ("ar", "ar", Some('\u{0600}'..='\u{06FF}')),
            ("fr", "fr-CH, fr;q=0.9, en;q=0.5", None),
            ("zh", "zh-CN", Some('\u{4E00}'..='\u{9FFF}')),
        ] {
            let got = answer(&forum, case.request(Some(header))).await;
            assert_error(&got, case.status, case.code);
            let text = message(&got);
            assert_eq!(text, catalogued(lang, case.code), "{} {} in {lang}", case.method, case.path);
            assert_ne!(text, english_message);
            if let Some(script) = script {
                assert!(text.chars().any(|c| script.contains(&c)), "{lang}: {text}");
            }
        }

        let german = answer(&forum, case.request(Some("de-DE, de;q=0.9"))).await;
        assert_error(&german, case.status, case.code);
        assert_eq!(message(&german), english_message, "a language Accord does not speak gets English");
    }
    assert_eq!(forum.record_len(), before, "a refused request changes nothing");
}

#[tokio::test]
async fn a_page_shows_its_error_in_the_request_language() {
    let forum = TestForum::new();
    let page = |lang: &str| Request::get("/processes/9").header(header::ACCEPT_LANGUAGE, lang).body(Body::empty());
    let (status, bytes) = forum.raw(page("fr").unwrap()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let html = String::from_utf8(bytes).unwrap();
    assert!(html.contains(&catalogued("fr", "unknown_process")), "{html}");
    assert!(html.contains("unknown_process"), "the page names the stable code");

    let (status, bytes) = forum.raw(page("en").unwrap()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let html = String::from_utf8(bytes).unwrap();
    assert!(html.contains("there is no process 9"), "{html}");
}

#[tokio::test]
async fn the_language_cookie_outranks_accept_language_for_errors() {
    let forum = TestForum::new();
    let req = Request::post("/api/v1/members")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT_LANGUAGE, "fr")
        .header(header::COOKIE, "accord_lang=ru")
        .body(Body::from(json!({"code": "FRA", "kind": "state"}).to_string()))
        .unwrap();
    let got = answer(&forum, req).await;
    assert_error(&got, StatusCode::UNAUTHORIZED, "unauthenticated");
    assert_eq!(message(&got), catalogued("ru", "unauthenticated"));
}
