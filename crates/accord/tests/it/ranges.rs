//! Every number, duration and date taken from input has a range: out of
//! it, 422 saying the range; the OpenAPI document carries it; and no
//! message about malformed input names a Rust type.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;
use crate::pages::Browser;

const DRAFT: &str =
    "# Framework\n\n## Chapter I \u{2014} General\n\n### Article 1 \u{2014} Purpose\n\n1. States shall cooperate.\n";

/// A process with proposal P-1, a session, meeting 1 (open, BRA and KEN
/// present) with agenda item 1.
async fn forum_with_meeting() -> (TestForum, std::collections::HashMap<&'static str, String>) {
    let forum = TestForum::new();
    let t = forum.tokens().await;
    let (s, p) = forum.post("/api/v1/processes", &t["sec"], json!({"title": "Framework", "markdown": DRAFT})).await;
    assert_eq!(s, StatusCode::CREATED, "{p}");
    let proposal =
        json!({"kind": "replace_words", "eid": "chp_1__art_1__para_1", "anchor": {"quote": "shall"}, "text": "should"});
    let (s, p) = forum.post("/api/v1/processes/1/proposals", &t["bra_head"], proposal).await;
    assert_eq!(s, StatusCode::CREATED, "{p}");
    assert_eq!(forum.post("/api/v1/sessions", &t["sec"], json!({"title": "S"})).await.0, StatusCode::CREATED);
    let (s, m) =
        forum.post("/api/v1/sessions/1/meetings", &t["sec"], json!({"date": "2026-12-01", "place": "Room 1"})).await;
    assert_eq!(s, StatusCode::CREATED, "{m}");
    for who in ["bra_head", "ken_head"] {
        assert_eq!(forum.post("/api/v1/meetings/1/attendance", &t[who], json!({})).await.0, StatusCode::CREATED);
    }
    assert_eq!(forum.post("/api/v1/meetings/1/open", &t["chair"], json!({})).await.0, StatusCode::OK);
    let (s, a) = forum.post("/api/v1/meetings/1/agenda", &t["sec"], json!({"title": "Item"})).await;
    assert_eq!(s, StatusCode::CREATED, "{a}");
    (forum, t)
}

#[tokio::test]
async fn out_of_range_values_are_refused_with_the_range() {
    let (forum, t) = forum_with_meeting().await;
    let p1 = json!({"kind": "proposal", "id": 1});
    let anchor = |a: Value| json!({"kind": "replace_words", "eid": "chp_1__art_1__para_1", "anchor": a, "text": "may"});
    let max_id = 9_007_199_254_740_991_u64;
    // (method, path, who, body, what the message must say)
    let cases: Vec<(Method, String, &str, Option<Value>, &str)> = vec![
        (
            Method::POST,
            "/api/v1/processes/1/silence".into(),
            "chair",
            Some(json!({"target": p1, "hours": 2147483647})),
            "hours must be between 72 and 8760",
        ),
        (
            Method::POST,
            "/api/v1/processes/1/silence".into(),
            "chair",
            Some(json!({"target": p1, "hours": 8761})),
            "hours must be between 72 and 8760",
        ),
        (
            Method::POST,
            "/api/v1/processes/1/silence".into(),
            "chair",
            Some(json!({"target": p1, "hours": 0})),
            "hours must be between 72 and 8760",
        ),
        (
            Method::POST,
            "/api/v1/processes/1/silence".into(),
            "chair",
            Some(json!({"target": p1, "hours": -3})),
            "hours must be between 72 and 8760",
        ),
        (
            Method::POST,
            "/api/v1/processes/1/silence".into(),
            "chair",
            Some(json!({"target": p1, "deadline": "9999-12-31T00:00:00Z"})),
            "at most 8760 hours",
        ),
        (
            Method::PUT,
            "/api/v1/meetings/1/agenda/1/speaking-time".into(),
            "chair",
            Some(json!({"seconds": 100000})),
            "seconds must be between 1 and 3600",
        ),
        (
            Method::PUT,
            "/api/v1/meetings/1/agenda/1/speaking-time".into(),
            "chair",
            Some(json!({"seconds": 0})),
            "seconds must be between 1 and 3600",
        ),
        (
            Method::PUT,
            "/api/v1/meetings/1/agenda/1/speaking-time".into(),
            "chair",
            Some(json!({"seconds": -60})),
            "seconds must be between 1 and 3600",
        ),
        (
            Method::POST,
            "/api/v1/meetings/1/agenda".into(),
            "sec",
            Some(json!({"title": "Sub", "parent": 0})),
            "parent must be between 1 and 9999",
        ),
        (
            Method::POST,
            "/api/v1/meetings/1/agenda".into(),
            "sec",
            Some(json!({"title": "Sub", "parent": 10000})),
            "parent must be between 1 and 9999",
        ),
        (
            Method::POST,
            "/api/v1/processes/1/votes".into(),
            "chair",
            Some(json!({"target": p1, "meeting": 0})),
            "meeting must be between 1 and 9007199254740991",
        ),
        (
            Method::POST,
            "/api/v1/processes/1/votes".into(),
            "chair",
            Some(json!({"target": p1, "meeting": max_id + 1})),
            "meeting must be between 1 and 9007199254740991",
        ),
        (
            Method::POST,
            "/api/v1/processes/1/consensus".into(),
            "chair",
            Some(json!({"target": p1, "meeting": 0})),
            "meeting must be between 1 and 9007199254740991",
        ),
        (
            Method::POST,
            "/api/v1/processes/1/proposals".into(),
            "ken_head",
            Some(anchor(json!({"quote": "shall", "occurrence": 0}))),
            "occurrence must be between 1 and 10000",
        ),
        (
            Method::POST,
            "/api/v1/processes/1/proposals".into(),
            "ken_head",
            Some(anchor(json!({"quote": "shall", "occurrence": 4294967296_u64}))),
            "occurrence must be between 1 and 10000",
        ),
        (
            Method::POST,
            "/api/v1/processes/1/proposals".into(),
            "ken_head",
            Some(anchor(json!({"quote": "shall", "at": -1}))),
            "at must be between 0 and 10000",
        ),
        (
            Method::POST,
            "/api/v1/processes/1/proposals".into(),
            "ken_head",
            Some(anchor(json!({"quote": "shall", "at": 10001}))),
            "at must be between 0 and 10000",
        ),
        (Method::GET, "/api/v1/record?limit=0".into(), "sec", None, "limit must be between 1 and 1000"),
        (Method::GET, "/api/v1/record?limit=1001".into(), "sec", None, "limit must be between 1 and 1000"),
        (
            Method::GET,
            format!("/api/v1/record?after={}", max_id + 1),
            "sec",
            None,
            "after must be between 0 and 9007199254740991",
        ),
        (
            Method::PUT,
            "/api/v1/rules".into(),
            "sec",
            Some(json!({"silence_min_hours": 9000})),
            "silence_min_hours must be between 0 and 8760",
        ),
        (
            Method::PUT,
            "/api/v1/processes/1/rules".into(),
            "sec",
            Some(json!({"meeting_quorum": {"numerator": 1, "denominator": 0}})),
            "the denominator of meeting_quorum must be between 1 and 1000",
        ),
        (
            Method::PUT,
            "/api/v1/rules".into(),
            "sec",
            Some(json!({"decision_quorum": {"numerator": 1, "denominator": 4000000000_u64}})),
            "the denominator of decision_quorum must be between 1 and 1000",
        ),
        (
            Method::PUT,
            "/api/v1/rules".into(),
            "sec",
            Some(json!({"decision_quorum": {"numerator": 5, "denominator": 3}})),
            "the numerator of decision_quorum must be between 0 and 3",
        ),
    ];
    let before = forum.record_len();
    for (method, path, who, body, says) in cases {
        let answer = forum.call(method.clone(), &path, Some(&t[who]), body.clone()).await;
        assert_error(&answer, StatusCode::UNPROCESSABLE_ENTITY, "out_of_range");
        let message = answer.1["message"].as_str().unwrap();
        assert!(message.contains(says), "{method} {path} {body:?}: {message}");
    }
    assert_eq!(forum.record_len(), before, "nothing out of range was recorded");

    // The form that starts a silence procedure says the same.
    let mut b = Browser::new(&forum);
    b.log_in("chair", PASSWORD).await;
    let csrf = Browser::csrf(&b.get("/processes/1/decisions").await);
    let form = [
        ("csrf", csrf.as_str()),
        ("act", "silence"),
        ("target_kind", "proposal"),
        ("target_id", "P-1"),
        ("hours", "2147483647"),
    ];
    let page = b.post("/processes/1/decisions", &form).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", page.html);
    assert!(page.html.contains("hours must be between 72 and 8760"), "{}", page.html);
    assert_eq!(forum.record_len(), before);
    // In range, it is recorded and its deadline shown as a date to come.
    let (s, body) = forum.post("/api/v1/processes/1/silence", &t["chair"], json!({"target": p1, "hours": 8760})).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let (_, silence) = forum.get("/api/v1/silence/1").await;
    let year: i32 = silence["deadline"].as_str().unwrap()[..4].parse().unwrap();
    assert!(year >= 2026, "{silence}");
}

#[tokio::test]
async fn the_openapi_document_carries_the_ranges() {
    let forum = TestForum::new();
    let (_, doc) = forum.get("/api/openapi.json").await;
    let schemas = &doc["components"]["schemas"];
    for (schema, field, min, max) in [
        ("SilenceRequest", "hours", 1, 8760),
        ("SpeakingTimeRequest", "seconds", 1, 3600),
        ("AgendaRequest", "parent", 1, 9999),
        ("AnchorRequest", "occurrence", 1, 10000),
        ("AnchorRequest", "at", 0, 10000),
        ("VoteRequest", "meeting", 1, 9007199254740991),
        ("ConsensusRequest", "meeting", 1, 9007199254740991),
    ] {
        let p = &schemas[schema]["properties"][field];
        assert_eq!((p["minimum"].as_u64(), p["maximum"].as_u64()), (Some(min), Some(max)), "{schema}.{field}: {p}");
    }
    for (path, name, min, max) in [
        ("/api/v1/record", "limit", 1, 1000),
        ("/api/v1/record", "after", 0, 9007199254740991),
        ("/api/v1/log/inclusion", "index", 0, 9007199254740991),
        ("/api/v1/log/consistency", "new", 0, 9007199254740991),
        ("/api/v1/record/{index}", "index", 0, 9007199254740991),
        ("/api/v1/meetings/{mid}", "mid", 1, 9007199254740991),
        ("/api/v1/processes/{id}", "id", 1, 9007199254740991),
    ] {
        let params = doc["paths"][path]["get"]["parameters"].as_array().unwrap();
        let p = params.iter().find(|p| p["name"] == name).unwrap();
        let s = &p["schema"];
        assert_eq!((s["minimum"].as_u64(), s["maximum"].as_u64()), (Some(min), Some(max)), "{path} {name}: {p}");
    }
    let params =
        doc["paths"]["/api/v1/meetings/{mid}/agenda/{item}/speaking-time"]["put"]["parameters"].as_array().unwrap();
    let item = params.iter().find(|p| p["name"] == "item").unwrap();
    assert_eq!(
        (item["schema"]["minimum"].as_u64(), item["schema"]["maximum"].as_u64()),
        (Some(1), Some(9999)),
        "{item}"
    );
}

/// Whole words that name Rust types.
const RUST_WORDS: &[&str] = &["u8", "u16", "u32", "u64", "i32", "i64", "usize", "struct", "enum", "variant"];

fn names_rust_type(message: &str) -> Option<&'static str> {
    let words: Vec<&str> = message.split(|c: char| !(c.is_alphanumeric() || c == '_')).collect();
    RUST_WORDS.iter().copied().find(|w| words.iter().any(|x| x.eq_ignore_ascii_case(w)))
}

#[tokio::test]
async fn malformed_input_is_described_without_rust_types() {
    let (forum, t) = forum_with_meeting().await;
    let p1 = json!({"kind": "proposal", "id": 1});
    let bodies: Vec<(Method, &str, &str, Value)> = vec![
        (Method::POST, "/api/v1/processes/1/silence", "chair", json!({"target": p1, "hours": "seventy-two"})),
        (Method::POST, "/api/v1/processes/1/silence", "chair", json!({"target": p1, "hours": 1.5})),
        (Method::POST, "/api/v1/processes/1/silence", "chair", json!({"target": "P-1", "hours": 72})),
        (Method::POST, "/api/v1/processes/1/votes", "chair", json!({"target": p1, "meeting": "one"})),
        (Method::POST, "/api/v1/processes/1/votes", "chair", json!({"target": p1, "meeting": -1})),
        (Method::POST, "/api/v1/processes/1/votes", "chair", json!({"target": p1, "meeting": 1, "majority": 2})),
        (Method::POST, "/api/v1/processes/1/proposals", "ken_head", json!({"kind": 5, "eid": "x"})),
        (Method::POST, "/api/v1/processes/1/proposals", "ken_head", json!({"kind": "rewrite", "eid": "x"})),
        (
            Method::POST,
            "/api/v1/processes/1/proposals",
            "ken_head",
            json!({"kind": "delete_provision", "eid": "x", "anchor": []}),
        ),
        (
            Method::POST,
            "/api/v1/processes/1/proposals",
            "ken_head",
            json!({"kind": "delete_provision", "eid": "x", "version": {}}),
        ),
        (
            Method::POST,
            "/api/v1/processes/1/proposals",
            "ken_head",
            json!({"kind": "delete_provision", "eid": "x", "position": "above"}),
        ),
        (Method::POST, "/api/v1/votes/1/ballots", "bra_head", json!({"choice": 1})),
        (Method::PUT, "/api/v1/meetings/1/agenda/1/speaking-time", "chair", json!({"seconds": "ten"})),
        (Method::PUT, "/api/v1/meetings/1/agenda/1/speaking-time", "chair", json!({"seconds": 1e300})),
        (Method::POST, "/api/v1/meetings/1/agenda", "sec", json!({"title": ["x"]})),
        (Method::PUT, "/api/v1/rules", "sec", json!({"majority": 3})),
        (Method::PUT, "/api/v1/rules", "sec", json!({"meeting_quorum": "half"})),
        (Method::PUT, "/api/v1/rules", "sec", json!({"silence_min_hours": -1})),
        (Method::PUT, "/api/v1/rules", "sec", json!({"silence_min_hours": 99999999999_u64})),
        (Method::POST, "/api/v1/members", "sec", json!({"code": 7, "kind": "state"})),
        (Method::POST, "/api/v1/members", "sec", json!(["FRA", "state"])),
        (
            Method::POST,
            "/api/v1/actions",
            "bra_head",
            json!({"kind": "proposal.supported", "payload": {"process": "one", "proposal": 1}, "key": "k", "nonce": "n", "sig": "s"}),
        ),
        (
            Method::POST,
            "/api/v1/actions",
            "bra_head",
            json!({"kind": "proposal.supported", "payload": {"process": 1, "proposal": -1}, "key": "k", "nonce": "n", "sig": "s"}),
        ),
        (
            Method::POST,
            "/api/v1/actions",
            "bra_head",
            json!({"kind": "no.such_kind", "payload": {}, "key": "k", "nonce": "n", "sig": "s"}),
        ),
    ];
    let mut seen = 0;
    for (method, path, who, body) in bodies {
        let answer = forum.call(method.clone(), path, Some(&t[who]), Some(body.clone())).await;
        assert!(answer.0.is_client_error(), "{method} {path} {body}: {answer:?}");
        let message = answer.1["message"].as_str().unwrap_or_default();
        assert!(!message.is_empty(), "{method} {path} {body}: {answer:?}");
        assert_eq!(names_rust_type(message), None, "{method} {path} {body}: {message}");
        seen += 1;
    }
    for query in [
        "/api/v1/record?limit=abc",
        "/api/v1/record?after=-1",
        "/api/v1/record?limit=99999999999999999999999",
        "/api/v1/record?limit=1&limit=2",
        "/api/v1/log/inclusion?index=x",
        "/api/v1/log/inclusion?index=1.5&size=2",
        "/api/v1/log/consistency?old=1",
        "/api/v1/members?kind=7&status=",
        "/api/v1/record/abc",
        "/api/v1/record/-1",
        "/api/v1/members/%FF",
        "/api/v1/processes/99999999999999999999999",
        "/api/v1/meetings/1/agenda/x/speaking-time",
    ] {
        let req = Request::builder().method(Method::GET).uri(query).body(Body::empty()).unwrap();
        let (status, bytes) = forum.raw(req).await;
        assert!(status.is_client_error(), "{query}: {status}");
        let text = String::from_utf8_lossy(&bytes);
        assert_eq!(names_rust_type(&text), None, "{query}: {text}");
        seen += 1;
    }
    // A form whose body cannot be read.
    let mut b = Browser::new(&forum);
    b.log_in("sec", PASSWORD).await;
    let page = b.send(Method::POST, "/members", Some("csrf=x&code=%FF%FE&kind=state".into())).await;
    assert!(page.status.is_client_error(), "{}", page.status);
    assert_eq!(names_rust_type(&page.html), None, "{}", page.html);
    let req = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/members")
        .header(header::AUTHORIZATION, format!("Bearer {}", t["sec"]))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{\"code\": \"FRA\", \"kind\": \"state\", \"status\": tru}"))
        .unwrap();
    let (status, bytes) = forum.raw(req).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(names_rust_type(&String::from_utf8_lossy(&bytes)), None);
    assert!(seen > 30);
}
