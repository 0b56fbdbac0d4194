//! Write limits: a member (or an officer) and an API token each have a
//! bucket of writes; flooding the record meets 429 `rate_limited` with
//! `Retry-After`, and nobody else is slowed by it. The limits' clock is a
//! manual one that the tests move.

use std::time::Duration;

use accord_server::limits::{Clock, RateLimit, WriteLimits};
use accord_server::Config;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};

use crate::helpers::*;

const DRAFT: &str =
    "# Framework\n\n## Chapter I — General\n\n### Article 1 — Purpose\n\n1. States shall cooperate in good faith.\n";
const P1: &str = "chp_1__art_1__para_1";

fn forum_with(clock: &Clock, writes: WriteLimits) -> TestForum {
    TestForum::with_config(Config { clock: clock.clone(), writes, ..Default::default() })
}

/// A process with one proposal by BRA (P-1), ready for others' positions.
async fn process_with_a_proposal(forum: &TestForum, sec: &str, bra: &str) -> u64 {
    let (status, body) = forum.post("/api/v1/processes", sec, json!({"title": "Framework", "markdown": DRAFT})).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["id"].as_u64().unwrap();
    let proposal = json!({"kind": "replace_words", "eid": P1, "anchor": {"quote": "shall"}, "text": "should"});
    let (status, body) = forum.post(&format!("/api/v1/processes/{id}/proposals"), bra, proposal).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    id
}

/// Sends a write and answers status, `Retry-After` and the JSON body.
async fn write(forum: &TestForum, path: &str, token: &str) -> (StatusCode, Option<u64>, Value) {
    let req = Request::post(path)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{}"))
        .unwrap();
    let res = forum.response(req).await;
    let status = res.status();
    let retry = res.headers().get(header::RETRY_AFTER).map(|v| v.to_str().unwrap().parse().unwrap());
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    (status, retry, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

fn small() -> WriteLimits {
    WriteLimits {
        per_member: RateLimit { burst: 6, per_second: 0.5 },
        per_token: RateLimit { burst: 4, per_second: 0.5 },
        per_participant: RateLimit { burst: 5, per_second: 0.5 },
        per_address: RateLimit { burst: 8, per_second: 0.5 },
        capacity: 100,
    }
}

#[tokio::test]
async fn flipping_positions_in_a_loop_meets_the_limit_and_no_one_else_does() {
    let clock = crate::helpers::manual_clock();
    let forum = forum_with(&clock, WriteLimits { per_token: RateLimit { burst: 100, per_second: 1.0 }, ..small() });
    let t = forum.tokens().await;
    let id = process_with_a_proposal(&forum, &t["sec"], &t["bra_head"]).await;
    let before = forum.record_len();
    // KEN flips between support and objection as fast as it can.
    let mut recorded = 0;
    let limited = loop {
        let act = if recorded % 2 == 0 { "support" } else { "objection" };
        let answer = write(&forum, &format!("/api/v1/processes/{id}/proposals/1/{act}"), &t["ken_head"]).await;
        if answer.0 != StatusCode::CREATED {
            break answer;
        }
        recorded += 1;
        assert!(recorded <= 6, "the burst is 6");
    };
    assert_eq!(recorded, 6, "every write of the burst is recorded");
    assert_eq!(forum.record_len(), before + 6);
    let (status, retry, body) = limited;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert_eq!(body["error"], "rate_limited");
    assert_eq!(retry, Some(2), "one write comes back every 2 s");
    assert!(body["message"].as_str().unwrap().contains("try again in 2 seconds"), "{body}");
    assert_eq!(forum.record_len(), before + 6, "a refused write records nothing");
    // Other members are not slowed: BRA tables another proposal.
    let (status, body) = forum
        .post(
            &format!("/api/v1/processes/{id}/proposals"),
            &t["bra_del"],
            json!({"kind": "replace_words", "eid": P1, "anchor": {"quote": "good faith"}, "text": "earnest"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    // The whole of KEN's delegation shares its member's bucket: another
    // of its tokens waits too.
    let ken_again = forum.token("ken_head").await;
    let (status, body) =
        forum.post(&format!("/api/v1/processes/{id}/proposals/2/support"), &ken_again, json!({})).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "still KEN's empty bucket: {body}");
    // Reads are not limited.
    assert_eq!(forum.call(Method::GET, "/api/v1/me", Some(&t["ken_head"]), None).await.0, StatusCode::OK);
    // Officers are not limited: the secretariat admits members in bulk.
    for n in 0..10 {
        let admit = json!({"code": format!("ORG{n}"), "kind": "organisation", "name": "Org", "category": "ngo"});
        let (status, body) = forum.post("/api/v1/members", &t["sec"], admit).await;
        assert_eq!(status, StatusCode::CREATED, "admission {n}: {body}");
    }
    // After the wait, KEN writes again.
    clock.advance(Duration::from_secs(2));
    let (status, body) =
        forum.post(&format!("/api/v1/processes/{id}/proposals/2/support"), &t["ken_head"], json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

#[tokio::test]
async fn refused_writes_do_not_count_and_each_token_has_its_own_bucket() {
    let clock = crate::helpers::manual_clock();
    let forum = forum_with(&clock, small());
    let t = forum.tokens().await;
    let id = process_with_a_proposal(&forum, &t["sec"], &t["bra_head"]).await;
    // Refused writes (here, positions on a proposal that does not exist)
    // give their write back.
    for _ in 0..20 {
        let (status, _, body) =
            write(&forum, &format!("/api/v1/processes/{id}/proposals/99/support"), &t["ken_head"]).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    }
    // One token: 4 writes, then its own bucket is empty.
    for i in 0..4 {
        let act = if i % 2 == 0 { "support" } else { "objection" };
        let (status, _, body) =
            write(&forum, &format!("/api/v1/processes/{id}/proposals/1/{act}"), &t["ken_head"]).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let (status, retry, body) =
        write(&forum, &format!("/api/v1/processes/{id}/proposals/1/support"), &t["ken_head"]).await;
    assert_eq!((status, retry), (StatusCode::TOO_MANY_REQUESTS, Some(2)), "{body}");
    // A second token of KEN takes the member's last 2 writes, then the
    // member's bucket is empty for every token.
    let second = forum.token("ken_head").await;
    for act in ["support", "objection"] {
        let (status, _, body) = write(&forum, &format!("/api/v1/processes/{id}/proposals/1/{act}"), &second).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let (status, _, body) = write(&forum, &format!("/api/v1/processes/{id}/proposals/1/support"), &second).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    // Tokens and log-out are not writes to the record: still possible.
    let (status, _) = forum.call(Method::GET, "/api/v1/me/tokens", Some(&second), None).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = forum.post("/api/v1/me/tokens", &second, json!({"label": "another"})).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

#[tokio::test]
async fn pages_say_when_to_try_again() {
    let clock = crate::helpers::manual_clock();
    let forum = forum_with(&clock, small());
    let t = forum.tokens().await;
    let id = process_with_a_proposal(&forum, &t["sec"], &t["bra_head"]).await;
    // KEN's head of delegation in a browser.
    let login = Request::post("/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!("email={}&password={}&next=/", email("ken_head"), PASSWORD.replace(' ', "+"))))
        .unwrap();
    let res = forum.response(login).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let session = res
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned())
        .find(|c| c.starts_with("accord_session="))
        .unwrap();
    let (_, page) = {
        let req = Request::get(format!("/processes/{id}/proposals/1"))
            .header(header::COOKIE, &session)
            .body(Body::empty())
            .unwrap();
        let res = forum.response(req).await;
        let status = res.status();
        (status, String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap())
    };
    let at = page.find("name=\"csrf\" value=\"").expect("a form with a CSRF token");
    let csrf = page[at + 19..].split('"').next().unwrap().to_owned();
    let post = |act: &str| {
        Request::post(format!("/processes/{id}/proposals/1/{act}"))
            .header(header::COOKIE, &session)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(format!("csrf={csrf}")))
            .unwrap()
    };
    for i in 0..6 {
        let res = forum.response(post(if i % 2 == 0 { "support" } else { "objection" })).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "write {i}");
    }
    let res = forum.response(post("support")).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(res.headers().get(header::RETRY_AFTER).unwrap(), "2");
    let html = String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
    assert!(html.starts_with("<!doctype html>"), "an error page, not JSON");
    assert!(html.contains("try again in 2 seconds") && html.contains("rate_limited"), "{html}");
    // Logging out is not a write to the record: it still works.
    let out = Request::post("/logout")
        .header(header::COOKIE, &session)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!("csrf={csrf}")))
        .unwrap();
    assert_eq!(forum.response(out).await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_buckets_are_bounded() {
    let clock = crate::helpers::manual_clock();
    let forum = forum_with(&clock, WriteLimits { capacity: 16, ..small() });
    let bra = forum.store.account_by_email(&accord_domain::Email::parse(&email("bra_del")).unwrap()).unwrap().unwrap();
    let bra = bra.delegate;
    // 200 tokens, each writing once (a refused write still makes a bucket).
    for i in 0..200 {
        let token = format!("acc_bucket-{i}");
        forum.store.create_api_token(&accord_server::auth::secret_hash(&token), bra, "t", i64::MAX).unwrap();
        let (status, _, _) = write(&forum, "/api/v1/processes/1/proposals/1/support", &token).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(forum.state.writes.tracked() <= 16, "{} buckets after {i}", forum.state.writes.tracked());
    }
}

#[tokio::test]
async fn the_openapi_document_lists_429_on_writes() {
    let forum = TestForum::new();
    let (_, doc) = forum.get("/api/openapi.json").await;
    let paths = doc["paths"].as_object().unwrap();
    let mut writes = 0;
    for (path, ops) in paths {
        for (method, op) in ops.as_object().unwrap() {
            let write = matches!(method.as_str(), "post" | "put" | "patch" | "delete") && op.get("security").is_some();
            let private = path.starts_with("/api/v1/me/")
                || path.starts_with("/api/v1/auth/")
                || path.ends_with("/password-reset");
            if write && !private {
                writes += 1;
                let r = &op["responses"]["429"];
                assert!(r["headers"]["Retry-After"].is_object(), "{method} {path}: {r}");
                assert!(r["description"].as_str().unwrap().contains("rate_limited"), "{method} {path}");
            }
        }
    }
    assert!(writes >= 40, "{writes} write operations");
}

/// A consultation's participants without accounts are limited by their key
/// and by their address: a script that joins and votes in a loop meets the
/// limit (429 with Retry-After, nothing recorded), and then waits.
#[tokio::test]
async fn people_without_accounts_meet_the_limits_of_their_key_and_their_address() {
    let clock = crate::helpers::manual_clock();
    let forum = forum_with(&clock, small());
    let sec = forum.token("sec").await;
    let (s, v) = forum.post("/api/v1/consultations", &sec, json!({"title": "T", "question": "Q?"})).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    for n in 1..=3 {
        forum.post("/api/v1/consultations/1/statements", &sec, json!({"text": format!("Statement {n}")})).await;
    }
    let send = |key: Option<String>, path: &'static str, body: serde_json::Value| {
        let mut req = Request::post(path).header(header::CONTENT_TYPE, "application/json");
        if let Some(k) = key {
            req = req.header("X-Accord-Participant", k);
        }
        req.body(Body::from(body.to_string())).unwrap()
    };
    // One key: its burst of 5, then 429; the record stops growing.
    let (_, joined) =
        forum.raw(send(None, "/api/v1/consultations/1/participants", json!({"category": "public"}))).await;
    let key = serde_json::from_slice::<serde_json::Value>(&joined).unwrap()["key"].as_str().unwrap().to_owned();
    let mut statuses = Vec::new();
    for n in 0..6usize {
        let choice = ["agree", "disagree"][n / 3 % 2];
        let vote = json!({"statement": 1 + n % 3, "vote": choice});
        let res = forum.response(send(Some(key.clone()), "/api/v1/consultations/1/votes", vote)).await;
        statuses.push(res.status().as_u16());
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            assert!(res.headers().contains_key(header::RETRY_AFTER));
        }
    }
    assert_eq!(statuses, [200, 200, 200, 200, 200, 429], "the key's burst is five");
    // New keys from the same address: the address's burst of 8 runs out.
    let before = forum.record_len();
    let mut joins = Vec::new();
    for _ in 0..4 {
        let (status, _) =
            forum.raw(send(None, "/api/v1/consultations/1/participants", json!({"category": "ngo"}))).await;
        joins.push(status.as_u16());
    }
    assert!(joins.contains(&429), "{joins:?}");
    let recorded = joins.iter().filter(|s| **s == 201).count() as u64;
    assert_eq!(forum.record_len(), before + recorded, "a refused write records nothing");
    // Time refills the buckets.
    clock.advance(std::time::Duration::from_secs(30));
    let vote = json!({"statement": 3, "vote": "pass"});
    let res = forum.response(send(Some(key), "/api/v1/consultations/1/votes", vote)).await;
    assert_eq!(res.status(), StatusCode::OK);
}
