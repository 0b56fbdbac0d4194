//! Documents: processes' document symbols, and Akoma Ntoso out of the
//! record (a version, the rolling text) and into it (`accord import
//! --format akn`).

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;
use crate::negotiation::DRAFT;
use crate::pages::Browser;

pub const SYMBOL: &str = "A/AC.292/2026/L.1";

async fn open(forum: &TestForum, token: &str, title: &str) -> u64 {
    let (status, body) = forum.post("/api/v1/processes", token, json!({"title": title, "markdown": DRAFT})).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["id"].as_u64().unwrap()
}

async fn put_symbol(forum: &TestForum, token: &str, id: u64, symbol: &str) -> (StatusCode, Value) {
    forum
        .call(Method::PUT, &format!("/api/v1/processes/{id}/symbol"), Some(token), Some(json!({"symbol": symbol})))
        .await
}

/// Agrees a proposal into process `id` (a new version) and names it.
async fn agree_and_name(forum: &TestForum, t: &std::collections::HashMap<&str, String>, id: u64, name: &str) {
    let eid = "chp_1__art_1__para_1";
    let (s, p) = forum
        .post(
            &format!("/api/v1/processes/{id}/proposals"),
            &t["bra_head"],
            json!({"kind": "insert_words", "eid": eid, "anchor": {"quote": "information"}, "position": "before", "text": "relevant"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{p}");
    let pid = p["proposal"]["id"].as_u64().unwrap();
    let (s, b) = forum.post(&format!("/api/v1/processes/{id}/proposals/{pid}/agree"), &t["chair"], json!({})).await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    let (s, b) = forum.post(&format!("/api/v1/processes/{id}/revisions"), &t["chair"], json!({"name": name})).await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
}

#[tokio::test]
async fn the_secretariat_sets_a_document_symbol_and_revisions_are_numbered_after_it() {
    let forum = TestForum::new();
    let t = forum.tokens().await;
    let id = open(&forum, &t["sec"], "Framework on Testing").await;
    let (s, p) = forum.get(&format!("/api/v1/processes/{id}")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(p["symbol"], Value::Null, "a process without a symbol says null: {p}");
    let (_, versions) = forum.get(&format!("/api/v1/processes/{id}/versions")).await;
    assert_eq!(versions[0]["symbol"], Value::Null);

    // Refusals change nothing.
    let before = forum.record_len();
    assert_error(&put_symbol(&forum, &t["chair"], id, SYMBOL).await, StatusCode::FORBIDDEN, "secretariat_only");
    assert_error(&put_symbol(&forum, &t["bra_head"], id, SYMBOL).await, StatusCode::FORBIDDEN, "secretariat_only");
    for bad in ["A//AC.292", "/A/AC.292", "A/AC.292/", "A/AC 292", ""] {
        assert_error(&put_symbol(&forum, &t["sec"], id, bad).await, StatusCode::BAD_REQUEST, "invalid_symbol");
    }
    assert_error(&put_symbol(&forum, &t["sec"], 9, SYMBOL).await, StatusCode::NOT_FOUND, "unknown_process");
    assert_eq!(forum.record_len(), before);

    // Set: the answer is the process with its symbol, and the entry.
    let (s, b) = put_symbol(&forum, &t["sec"], id, &format!("  {SYMBOL} ")).await;
    assert_eq!(s, StatusCode::OK, "{b}");
    assert_eq!(b["process"]["symbol"], SYMBOL);
    assert_eq!(b["entry"]["index"], before);
    let (_, entry) = forum.get(&format!("/api/v1/record/{before}")).await;
    assert_eq!(entry["kind"], "process.symbol_set", "{entry}");
    assert_eq!(forum.get(&format!("/api/v1/processes/{id}")).await.1["symbol"], SYMBOL);
    assert_error(&put_symbol(&forum, &t["sec"], id, SYMBOL).await, StatusCode::CONFLICT, "symbol_unchanged");

    // Unique in the forum.
    let other = open(&forum, &t["sec"], "Another Framework").await;
    assert_error(&put_symbol(&forum, &t["sec"], other, SYMBOL).await, StatusCode::CONFLICT, "symbol_taken");
    assert_eq!(forum.get(&format!("/api/v1/processes/{other}")).await.1["symbol"], Value::Null);

    // Versions: the zero draft has the symbol, a named revision its /Rev.N,
    // an internal version none.
    let eid = "chp_1__art_1__para_1";
    let (s, _) = forum
        .post(
            &format!("/api/v1/processes/{id}/proposals"),
            &t["ken_head"],
            json!({"kind": "delete_words", "eid": eid, "anchor": {"quote": "in good faith"}}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let (s, _) = forum.post(&format!("/api/v1/processes/{id}/proposals/1/agree"), &t["chair"], json!({})).await;
    assert_eq!(s, StatusCode::CREATED);
    agree_and_name(&forum, &t, id, "Rev.1").await;
    agree_and_name(&forum, &t, id, "Rev.2").await;
    let (_, versions) = forum.get(&format!("/api/v1/processes/{id}/versions")).await;
    let symbols: Vec<&Value> = versions.as_array().unwrap().iter().map(|v| &v["symbol"]).collect();
    assert_eq!(
        symbols,
        [&json!(SYMBOL), &Value::Null, &json!(format!("{SYMBOL}/Rev.1")), &json!(format!("{SYMBOL}/Rev.2"))],
        "{versions}"
    );

    // The pages: everyone sees the symbol; only the secretariat the form.
    let (s, html) = forum.get_html(&format!("/processes/{id}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains(&format!("Document symbol: <strong>{SYMBOL}</strong>")), "{html}");
    assert!(!html.contains("action=\"/processes/1/symbol\""));
    let (_, html) = forum.get_html(&format!("/processes/{id}?version=3")).await;
    assert!(html.contains(&format!("Document symbol: <strong>{SYMBOL}/Rev.1</strong>")), "{html}");
    let mut chair = Browser::new(&forum);
    chair.log_in("chair", PASSWORD).await;
    assert!(!chair.get(&format!("/processes/{id}")).await.html.contains("action=\"/processes/1/symbol\""));
    let mut sec = Browser::new(&forum);
    sec.log_in("sec", PASSWORD).await;
    let page = sec.get(&format!("/processes/{id}")).await;
    assert!(page.html.contains("action=\"/processes/1/symbol\""), "{}", page.html);
    let csrf = Browser::csrf(&page);
    let done = sec.post(&format!("/processes/{id}/symbol"), &[("csrf", &csrf), ("symbol", "A/AC.292/2026/L.7")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(done.location.as_deref(), Some("/processes/1?notice=symbol"));
    let page = sec.get("/processes/1?notice=symbol").await;
    assert!(page.html.contains("The document symbol is set") && page.html.contains("A/AC.292/2026/L.7"));
    let refused = sec.post(&format!("/processes/{id}/symbol"), &[("csrf", &csrf), ("symbol", "A//7")]).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(refused.html.contains("empty part"), "{}", refused.html);
    let (_, versions) = forum.get(&format!("/api/v1/processes/{id}/versions")).await;
    assert_eq!(versions[3]["symbol"], "A/AC.292/2026/L.7/Rev.2");

    // The record holds it: a restarted forum replays it.
    let forum = forum.restart();
    assert_eq!(forum.get(&format!("/api/v1/processes/{id}")).await.1["symbol"], "A/AC.292/2026/L.7");
}
