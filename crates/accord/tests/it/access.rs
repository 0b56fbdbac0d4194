//! Who may do what: every write of the foundation tried by every role, each
//! refusal checked to change nothing.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

struct Case {
    what: &'static str,
    method: Method,
    path: &'static str,
    body: Option<Value>,
    /// The one account that succeeds (the others are refused first).
    allowed: &'static str,
    /// Every account refused, with the refusal's code.
    refused: &'static [(&'static str, &'static str)],
}

const NOT_SECRETARIAT: &[(&str, &str)] = &[
    ("chair", "secretariat_only"),
    ("bra_head", "secretariat_only"),
    ("bra_del", "secretariat_only"),
    ("bra_adv", "secretariat_only"),
    ("ken_head", "secretariat_only"),
    ("icrc", "secretariat_only"),
];

fn cases() -> Vec<Case> {
    vec![
        Case {
            what: "admit a member",
            method: Method::POST,
            path: "/api/v1/members",
            body: Some(json!({"code": "FRA", "kind": "state"})),
            allowed: "sec",
            refused: NOT_SECRETARIAT,
        },
        Case {
            what: "change a status",
            method: Method::POST,
            path: "/api/v1/members/CHN/status",
            body: Some(json!({"status": "observer"})),
            allowed: "sec",
            refused: NOT_SECRETARIAT,
        },
        Case {
            what: "suspend a member",
            method: Method::POST,
            path: "/api/v1/members/KEN/suspension",
            body: Some(json!({"reason": "arrears"})),
            allowed: "sec",
            refused: NOT_SECRETARIAT,
        },
        Case {
            what: "reinstate a member",
            method: Method::DELETE,
            path: "/api/v1/members/KEN/suspension",
            body: None,
            allowed: "sec",
            refused: NOT_SECRETARIAT,
        },
        Case {
            what: "accredit a delegate",
            method: Method::POST,
            path: "/api/v1/members/BRA/delegates",
            body: Some(json!({"name": "New Delegate", "email": "new@forum.test", "role": "delegate"})),
            allowed: "sec",
            refused: NOT_SECRETARIAT,
        },
        Case {
            what: "appoint an officer",
            method: Method::POST,
            path: "/api/v1/officers",
            body: Some(json!({"name": "Vice Chair", "email": "vice@forum.test", "role": "vice_chair"})),
            allowed: "sec",
            refused: NOT_SECRETARIAT,
        },
        Case {
            what: "change the forum's settings",
            method: Method::PATCH,
            path: "/api/v1/forum",
            body: Some(json!({"name": "Renamed Forum"})),
            allowed: "sec",
            refused: NOT_SECRETARIAT,
        },
        Case {
            what: "withdraw a BRA adviser (the head of BRA may)",
            method: Method::POST,
            path: "/api/v1/delegates/D5/withdraw",
            body: Some(json!({"reason": "left the delegation"})),
            allowed: "bra_head",
            refused: &[
                ("chair", "secretariat_only"),
                ("bra_del", "secretariat_only"),
                ("ken_head", "secretariat_only"),
                ("icrc", "secretariat_only"),
            ],
        },
        Case {
            what: "withdraw the KEN head (the secretariat may)",
            method: Method::POST,
            path: "/api/v1/delegates/D6/withdraw",
            body: Some(json!({"reason": ""})),
            allowed: "sec",
            refused: &[
                ("chair", "secretariat_only"),
                ("bra_head", "secretariat_only"),
                ("bra_del", "secretariat_only"),
                ("icrc", "secretariat_only"),
            ],
        },
    ]
}

#[tokio::test]
async fn every_role_against_every_write() {
    let forum = TestForum::new();
    let tokens = forum.tokens().await;
    // The fixture's ids, which the cases rely on.
    let (_, adviser) = forum.get("/api/v1/delegates/D5").await;
    assert_eq!((adviser["member"].as_str(), adviser["role"].as_str()), (Some("BRA"), Some("adviser")));
    let (_, ken_head) = forum.get("/api/v1/delegates/D6").await;
    assert_eq!((ken_head["member"].as_str(), ken_head["role"].as_str()), (Some("KEN"), Some("head_of_delegation")));

    for case in cases() {
        let before = forum.record_len();
        let answer = forum.call(case.method.clone(), case.path, None, case.body.clone()).await;
        assert_error(&answer, StatusCode::UNAUTHORIZED, "unauthenticated");
        let answer = forum.call(case.method.clone(), case.path, Some("acc_not-a-real-token"), case.body.clone()).await;
        assert_error(&answer, StatusCode::UNAUTHORIZED, "unauthenticated");
        for (who, code) in case.refused {
            let answer = forum.call(case.method.clone(), case.path, Some(&tokens[who]), case.body.clone()).await;
            assert_eq!(answer.0, StatusCode::FORBIDDEN, "{who} could {}: {answer:?}", case.what);
            assert_eq!(answer.1["error"], *code, "{who} / {}", case.what);
            assert_eq!(forum.record_len(), before, "a refusal of {who} to {} changed the record", case.what);
        }
        let answer = forum.call(case.method.clone(), case.path, Some(&tokens[case.allowed]), case.body.clone()).await;
        assert!(answer.0.is_success(), "{} could not {}: {answer:?}", case.allowed, case.what);
        assert_eq!(answer.1["entry"]["index"].as_u64().or(Some(before)), Some(before), "{}", case.what);
        assert_eq!(forum.record_len(), before + 1, "{} did not append exactly one entry", case.what);
    }

    // The changes are visible, and recorded with their actor.
    let (_, fra) = forum.get("/api/v1/members/FRA").await;
    assert_eq!(fra["name"], "France");
    let (_, chn) = forum.get("/api/v1/members/CHN").await;
    assert_eq!(chn["status"], "observer");
    let (_, forum_info) = forum.get("/api/v1/forum").await;
    assert_eq!(forum_info["name"], "Renamed Forum");
    let (_, record) = forum.get("/api/v1/record?limit=1000").await;
    let withdrawal = record
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["payload"]["delegate"] == "D5" && e["kind"] == "accreditation.withdrawn")
        .unwrap();
    assert_eq!(withdrawal["actor"], json!({"type": "delegate", "delegate": "D3", "member": "BRA"}));

    // A withdrawn delegate's token no longer works, nor can they log in.
    let answer = forum.call(Method::GET, "/api/v1/me", Some(&tokens["bra_adv"]), None).await;
    assert_error(&answer, StatusCode::FORBIDDEN, "not_accredited");
    let answer = forum
        .call(Method::POST, "/api/v1/auth/token", None, Some(json!({"email": email("bra_adv"), "password": PASSWORD})))
        .await;
    assert_error(&answer, StatusCode::FORBIDDEN, "not_accredited");
}

#[tokio::test]
async fn rules_refuse_with_conflicts_and_leave_the_record_alone() {
    let forum = TestForum::new();
    let sec = forum.token("sec").await;
    let before = forum.record_len();
    let cases: Vec<(&str, Value, StatusCode, &str)> = vec![
        ("/api/v1/members", json!({"code": "BRA", "kind": "state"}), StatusCode::CONFLICT, "member_exists"),
        ("/api/v1/members", json!({"code": "bra", "kind": "state"}), StatusCode::CONFLICT, "member_exists"),
        ("/api/v1/members", json!({"code": "XYZ", "kind": "state"}), StatusCode::BAD_REQUEST, "unknown_state_code"),
        ("/api/v1/members", json!({"code": "B R", "kind": "state"}), StatusCode::BAD_REQUEST, "invalid_member_code"),
        (
            "/api/v1/members",
            json!({"code": "NEWORG", "kind": "organisation", "name": "X"}),
            StatusCode::BAD_REQUEST,
            "missing_category",
        ),
        (
            "/api/v1/members",
            json!({"code": "DEU", "kind": "organisation", "name": "X", "category": "ngo"}),
            StatusCode::BAD_REQUEST,
            "code_is_a_state",
        ),
        (
            "/api/v1/members",
            json!({"code": "NEWORG", "kind": "organisation", "name": "X", "category": "club"}),
            StatusCode::BAD_REQUEST,
            "invalid_category",
        ),
        ("/api/v1/members", json!({"code": "DEU", "kind": "country"}), StatusCode::BAD_REQUEST, "invalid_kind"),
        (
            "/api/v1/members",
            json!({"code": "DEU", "kind": "state", "status": "vip"}),
            StatusCode::BAD_REQUEST,
            "invalid_status",
        ),
        (
            "/api/v1/members",
            json!({"code": "DEU", "kind": "state", "category": "ngo"}),
            StatusCode::BAD_REQUEST,
            "category_for_state",
        ),
        ("/api/v1/members/BRA/status", json!({"status": "member"}), StatusCode::CONFLICT, "status_unchanged"),
        ("/api/v1/members/ZZZ/status", json!({"status": "member"}), StatusCode::NOT_FOUND, "unknown_member"),
        (
            "/api/v1/members/BRA/delegates",
            json!({"name": "Second Head", "email": "h2@forum.test", "role": "head_of_delegation"}),
            StatusCode::CONFLICT,
            "head_of_delegation_exists",
        ),
        (
            "/api/v1/members/BRA/delegates",
            json!({"name": "Dup", "email": email("bra_del"), "role": "delegate"}),
            StatusCode::CONFLICT,
            "email_taken",
        ),
        (
            "/api/v1/members/BRA/delegates",
            json!({"name": "Bad", "email": "not-an-email", "role": "delegate"}),
            StatusCode::BAD_REQUEST,
            "invalid_email",
        ),
        (
            "/api/v1/members/BRA/delegates",
            json!({"name": "Bad", "email": "ok@forum.test", "role": "ambassador"}),
            StatusCode::BAD_REQUEST,
            "invalid_role",
        ),
        (
            "/api/v1/members/BRA/delegates",
            json!({"name": "Bad", "email": "ok@forum.test", "role": "delegate", "password": "short"}),
            StatusCode::BAD_REQUEST,
            "weak_password",
        ),
        (
            "/api/v1/members/BRA/delegates",
            json!({"name": "  ", "email": "ok@forum.test", "role": "delegate"}),
            StatusCode::BAD_REQUEST,
            "invalid_name",
        ),
        (
            "/api/v1/members/ZZZ/delegates",
            json!({"name": "X", "email": "ok@forum.test", "role": "delegate"}),
            StatusCode::NOT_FOUND,
            "unknown_member",
        ),
        ("/api/v1/delegates/D99/withdraw", json!({}), StatusCode::NOT_FOUND, "unknown_delegate"),
        ("/api/v1/delegates/X9/withdraw", json!({}), StatusCode::BAD_REQUEST, "invalid_delegate_id"),
        ("/api/v1/delegates/D1/withdraw", json!({}), StatusCode::UNPROCESSABLE_ENTITY, "last_secretariat"),
        (
            "/api/v1/officers",
            json!({"name": "X", "email": "x@forum.test", "role": "king"}),
            StatusCode::BAD_REQUEST,
            "invalid_role",
        ),
    ];
    for (path, body, status, code) in cases {
        let answer = forum.post(path, &sec, body.clone()).await;
        assert_eq!(answer.0, status, "{path} {body}: {answer:?}");
        assert_eq!(answer.1["error"], code, "{path} {body}: {answer:?}");
        assert_eq!(forum.record_len(), before, "{path} {body} changed the record");
    }

    // Suspension rules.
    assert!(forum.post("/api/v1/members/KEN/suspension", &sec, json!({"reason": "arrears"})).await.0.is_success());
    assert_error(
        &forum.post("/api/v1/members/KEN/suspension", &sec, json!({})).await,
        StatusCode::CONFLICT,
        "already_suspended",
    );
    let answer = forum
        .post("/api/v1/members/KEN/delegates", &sec, json!({"name": "X", "email": "k2@forum.test", "role": "delegate"}))
        .await;
    assert_error(&answer, StatusCode::UNPROCESSABLE_ENTITY, "member_suspended");
    assert_eq!(forum.call(Method::DELETE, "/api/v1/members/KEN/suspension", Some(&sec), None).await.0, StatusCode::OK);
    assert_error(
        &forum.call(Method::DELETE, "/api/v1/members/KEN/suspension", Some(&sec), None).await,
        StatusCode::CONFLICT,
        "not_suspended",
    );
}

#[tokio::test]
async fn accreditation_without_password_gives_a_one_time_password() {
    let forum = TestForum::new();
    let sec = forum.token("sec").await;
    let (status, body) = forum
        .post(
            "/api/v1/members/KEN/delegates",
            &sec,
            json!({"name": "Wanjiru", "email": "Wanjiru@Forum.Test", "role": "delegate"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["member"], "KEN");
    assert_eq!(body["role"], "delegate");
    let initial = body["initial_password"].as_str().unwrap().to_owned();
    // The e-mail address is nowhere in the public record.
    let (_, record) = forum.get("/api/v1/record?limit=1000").await;
    assert!(!record.to_string().to_lowercase().contains("wanjiru@forum.test"));
    // The initial password does not give an API token until it is changed.
    let login = json!({"email": "wanjiru@forum.test", "password": initial});
    let answer = forum.call(Method::POST, "/api/v1/auth/token", None, Some(login)).await;
    assert_error(&answer, StatusCode::FORBIDDEN, "password_change_required");
    let change = json!({"email": "wanjiru@forum.test", "password": initial, "new_password": "a sentence of my own"});
    assert_eq!(forum.call(Method::POST, "/api/v1/auth/password", None, Some(change)).await.0, StatusCode::NO_CONTENT);
    let login = json!({"email": "wanjiru@forum.test", "password": "a sentence of my own"});
    let (status, body) = forum.call(Method::POST, "/api/v1/auth/token", None, Some(login)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (_, me) = forum.call(Method::GET, "/api/v1/me", body["token"].as_str(), None).await;
    assert_eq!(me["name"], "Wanjiru");
}

#[tokio::test]
async fn tokens_are_revocable_and_private_to_their_owner() {
    let forum = TestForum::new();
    let head = forum.token("bra_head").await;
    let del = forum.token("bra_del").await;
    let (status, mine) = forum.call(Method::GET, "/api/v1/me/tokens", Some(&head), None).await;
    assert_eq!(status, StatusCode::OK);
    let id = mine[0]["id"].as_i64().unwrap();
    assert!(mine.to_string().find("acc_").is_none(), "the token list shows no token");
    // Another delegate cannot revoke it, even of the same member.
    let answer = forum.call(Method::DELETE, &format!("/api/v1/me/tokens/{id}"), Some(&del), None).await;
    assert_error(&answer, StatusCode::NOT_FOUND, "unknown_token");
    assert_eq!(forum.call(Method::GET, "/api/v1/me", Some(&head), None).await.0, StatusCode::OK);
    // Its owner can; then it stops working.
    assert_eq!(
        forum.call(Method::DELETE, &format!("/api/v1/me/tokens/{id}"), Some(&head), None).await.0,
        StatusCode::NO_CONTENT
    );
    assert_error(
        &forum.call(Method::GET, "/api/v1/me", Some(&head), None).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    );
}

#[tokio::test]
async fn public_reads_need_no_log_in() {
    let forum = TestForum::new();
    for path in [
        "/api/v1/forum",
        "/api/v1/members",
        "/api/v1/members/BRA",
        "/api/v1/members/BRA/delegates",
        "/api/v1/officers",
        "/api/v1/record",
        "/api/v1/record/0",
        "/api/v1/delegates/D1",
    ] {
        let (status, body) = forum.get(path).await;
        assert_eq!(status, StatusCode::OK, "{path}: {body}");
    }
    let (_, members) = forum.get("/api/v1/members?kind=organisation").await;
    assert_eq!(members.as_array().unwrap().len(), 1);
    assert_eq!(
        members[0],
        json!({"code": "ICRC", "name": "International Committee of the Red Cross", "kind": "organisation", "category": "ngo", "status": "observer", "suspended": false, "admitted_entry": 5})
    );
    let (_, members) = forum.get("/api/v1/members?status=member&kind=state").await;
    let codes: Vec<&str> = members.as_array().unwrap().iter().map(|m| m["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["BRA", "CHN", "KEN"]);
    let (_, bra) = forum.get("/api/v1/members/BRA").await;
    let names: Vec<&str> = bra["delegation"].as_array().unwrap().iter().map(|d| d["role"].as_str().unwrap()).collect();
    assert_eq!(names, ["head_of_delegation", "delegate", "adviser"]);
    assert!(!bra.to_string().contains("@"), "no e-mail address is public: {bra}");
}

#[tokio::test]
async fn expired_tokens_and_sessions_are_refused() {
    let forum = TestForum::new();
    let token = "acc_expired-token-for-the-test";
    let past = forum.store.clock().now_unix_ms() - 1;
    forum
        .store
        .create_api_token(&accord_server::auth::secret_hash(token), accord_domain::DelegateId(1), "old", past)
        .unwrap();
    let answer = forum.call(Method::GET, "/api/v1/me", Some(token), None).await;
    assert_error(&answer, StatusCode::UNAUTHORIZED, "unauthenticated");
    let malformed = forum.call(Method::GET, "/api/v1/me", Some(""), None).await;
    assert_error(&malformed, StatusCode::UNAUTHORIZED, "unauthenticated");
    // An expired session is no session: the account page sends to log-in.
    let session = "expired-session";
    forum
        .store
        .create_session(&accord_server::auth::secret_hash(session), accord_domain::DelegateId(1), "csrf", past)
        .unwrap();
    let req = axum::http::Request::builder()
        .uri("/account")
        .header("cookie", format!("accord_session={session}"))
        .body(axum::body::Body::empty())
        .unwrap();
    let res = forum.response(req).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

/// An API token lasts its lifetime on the forum's clock, and not a
/// millisecond more.
#[tokio::test]
async fn a_token_expires_when_its_lifetime_has_passed_on_the_clock() {
    let clock = manual_clock();
    let forum = TestForum::with_clock(&clock);
    let (s, issued) = forum
        .call(Method::POST, "/api/v1/auth/token", None, Some(json!({"email": email("bra_head"), "password": PASSWORD})))
        .await;
    assert_eq!(s, StatusCode::CREATED, "{issued}");
    let token = issued["token"].as_str().unwrap().to_owned();
    let lifetime = accord_server::Config::default().token_lifetime;
    let expires = accord_server::http::time::rfc3339(CLOCK_START + lifetime.as_millis() as i64);
    assert_eq!(issued["expires_at"], expires, "the lifetime counts from the clock's time");
    clock.advance(lifetime - std::time::Duration::from_millis(1));
    let (s, me) = forum.call(Method::GET, "/api/v1/me", Some(&token), None).await;
    assert_eq!(s, StatusCode::OK, "{me}");
    clock.advance(std::time::Duration::from_millis(2));
    let answer = forum.call(Method::GET, "/api/v1/me", Some(&token), None).await;
    assert_error(&answer, StatusCode::UNAUTHORIZED, "unauthenticated");
}

#[tokio::test]
async fn health_and_metrics() {
    let forum = TestForum::new();
    let (status, _) = forum.get("/healthz").await;
    assert_eq!(status, StatusCode::OK);
    // Alone on its database, the server takes the writes.
    let req = axum::http::Request::builder().uri("/healthz/writer").body(axum::body::Body::empty()).unwrap();
    assert_eq!(forum.raw(req).await, (StatusCode::OK, b"leading".to_vec()));
    forum.get("/api/v1/members").await;
    let req = axum::http::Request::builder().uri("/metrics").body(axum::body::Body::empty()).unwrap();
    let (status, body) = forum.raw(req).await;
    assert_eq!(status, StatusCode::OK);
    let text = String::from_utf8(body).unwrap();
    assert!(
        text.contains("accord_http_requests_total{method=\"GET\",route=\"/api/v1/members\",status=\"200\"} 1"),
        "{text}"
    );
    assert!(text.contains(&format!("accord_record_size {}", forum.record_len())));
    assert!(text.contains("accord_record_commits_total"));
}
