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

/// A forum with one process that has the symbol [`SYMBOL`], an internal
/// version 2 and version 3 named "Rev.1".
pub async fn forum_with_symbol() -> (TestForum, std::collections::HashMap<&'static str, String>) {
    let forum = TestForum::new();
    let t = forum.tokens().await;
    let id = open(&forum, &t["sec"], "Framework on Testing").await;
    let (s, b) = put_symbol(&forum, &t["sec"], id, SYMBOL).await;
    assert_eq!(s, StatusCode::OK, "{b}");
    let eid = "chp_1__art_1__para_1";
    let (s, p) = forum
        .post(
            &format!("/api/v1/processes/{id}/proposals"),
            &t["ken_head"],
            json!({"kind": "delete_words", "eid": eid, "anchor": {"quote": "in good faith"}}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{p}");
    let (s, b) = forum.post(&format!("/api/v1/processes/{id}/proposals/1/agree"), &t["chair"], json!({})).await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    agree_and_name(&forum, &t, id, "Rev.1").await;
    (forum, t)
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
    // A symbol is set once: the form is offered only while there is none.
    let page = sec.get(&format!("/processes/{id}")).await;
    assert!(!page.html.contains(&format!("action=\"/processes/{id}/symbol\"")), "{}", page.html);
    assert_error(&put_symbol(&forum, &t["sec"], id, "A/AC.292/2026/L.9").await, StatusCode::CONFLICT, "symbol_fixed");
    let page = sec.get(&format!("/processes/{other}")).await;
    assert!(page.html.contains(&format!("action=\"/processes/{other}/symbol\"")), "{}", page.html);
    let csrf = Browser::csrf(&page);
    let refused = sec.post(&format!("/processes/{other}/symbol"), &[("csrf", &csrf), ("symbol", "A//7")]).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(refused.html.contains("empty part"), "{}", refused.html);
    let done =
        sec.post(&format!("/processes/{other}/symbol"), &[("csrf", &csrf), ("symbol", "A/AC.292/2026/L.7")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(done.location.as_deref(), Some(format!("/processes/{other}?notice=symbol").as_str()));
    let page = sec.get(&format!("/processes/{other}?notice=symbol")).await;
    assert!(page.html.contains("The document symbol is set") && page.html.contains("A/AC.292/2026/L.7"));
    // Nor a symbol that names another process's revisions.
    let third = open(&forum, &t["sec"], "A Third Framework").await;
    let clash = format!("{SYMBOL}/Rev.1");
    assert_error(&put_symbol(&forum, &t["sec"], third, &clash).await, StatusCode::CONFLICT, "symbol_taken");

    // The record holds it: a restarted forum replays it.
    let forum = forum.restart();
    assert_eq!(forum.get(&format!("/api/v1/processes/{id}")).await.1["symbol"], SYMBOL);
    assert_eq!(forum.get(&format!("/api/v1/processes/{other}")).await.1["symbol"], "A/AC.292/2026/L.7");
}

/// The Akoma Ntoso test documents of `accord-documents`.
fn akn_data(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../accord-documents/tests/data/akn").join(name)
}

/// Checks `xml` against the Akoma Ntoso 3.0 schema with xmllint (which
/// `test.sh` installs): fails, never skips, without it.
fn assert_valid_akn(name: &str, xml: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(format!("{name}.xml"));
    std::fs::write(&file, xml).unwrap();
    let out = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(akn_data("schema/akomantoso30.xsd"))
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("xmllint is needed to check Akoma Ntoso ({e}): install libxml2-utils"));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && said.contains("validates"), "{name} does not validate:\n{said}");
}

/// Status, content type and body of a GET.
async fn download(forum: &TestForum, path: &str) -> (StatusCode, String, Vec<u8>) {
    use http_body_util::BodyExt;
    let res = forum.response(axum::http::Request::get(path).body(axum::body::Body::empty()).unwrap()).await;
    let status = res.status();
    let media =
        res.headers().get(axum::http::header::CONTENT_TYPE).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    (status, media, res.into_body().collect().await.unwrap().to_bytes().to_vec())
}

#[tokio::test]
async fn versions_and_the_rolling_text_download_as_akoma_ntoso_that_validates() {
    let (forum, t) = forum_with_symbol().await;

    // A named revision, by name or number: its symbol with /Rev.1.
    let (s, media, rev1) = download(&forum, "/api/v1/processes/1/versions/Rev.1/document?format=akn").await;
    assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&rev1));
    assert!(media.starts_with("application/akn+xml"), "{media}");
    let xml = String::from_utf8(rev1.clone()).unwrap();
    assert!(xml.contains(&format!("{SYMBOL}/Rev.1")), "{xml}");
    assert!(xml.contains("A-AC.292-2026-L.1-Rev.1"), "the work IRI names the symbol: {xml}");
    assert!(xml.contains("Test Forum") && xml.contains("Limited") && xml.contains("English"), "{xml}");
    assert!(xml.contains("No session recorded") && xml.contains("No agenda item recorded"), "{xml}");
    assert!(xml.contains("eId=\"chp_1__art_1__para_1\""), "{xml}");
    assert!(xml.contains("States shall cooperate and shall exchange relevant information."), "{xml}");
    assert_valid_akn("rev1", &rev1);
    assert_eq!(download(&forum, "/api/v1/processes/1/versions/3/document?format=akn").await.2, rev1);
    assert_eq!(download(&forum, "/api/v1/processes/1/versions/3/document").await.2, rev1, "akn is the default");

    // The zero draft: the process's symbol; an internal version too, told
    // apart by its expression.
    let (s, _, zero) = download(&forum, "/api/v1/processes/1/versions/zero/document?format=akn").await;
    assert_eq!(s, StatusCode::OK);
    let zero = String::from_utf8(zero).unwrap();
    assert!(zero.contains(SYMBOL) && !zero.contains("Rev.1"), "{zero}");
    assert!(zero.contains("in good faith"), "{zero}");
    assert_valid_akn("zero", zero.as_bytes());
    let (s, _, v2) = download(&forum, "/api/v1/processes/1/versions/2/document?format=akn").await;
    assert_eq!(s, StatusCode::OK);
    let v2 = String::from_utf8(v2).unwrap();
    assert!(v2.contains("eng@v2") && !v2.contains("Rev.1"), "{v2}");
    assert_valid_akn("v2", v2.as_bytes());

    // Markdown: the version's text in Accord's convention, as text.md.
    let (s, media, md) = download(&forum, "/api/v1/processes/1/versions/Rev.1/document?format=md").await;
    assert_eq!(s, StatusCode::OK);
    assert!(media.starts_with("text/markdown"), "{media}");
    assert_eq!(md, download(&forum, "/api/v1/processes/1/text.md?version=3").await.2);

    // The rolling text, with a bracket.
    let (s, b) = forum
        .post(
            "/api/v1/processes/1/proposals",
            &t["bra_head"],
            json!({"kind": "replace_words", "eid": "chp_1__art_1__para_1", "anchor": {"quote": "shall cooperate"}, "text": "should cooperate"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    let (s, media, rolling) = download(&forum, "/api/v1/processes/1/rolling-text/document?format=akn").await;
    assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&rolling));
    assert!(media.starts_with("application/akn+xml"));
    let rolling = String::from_utf8(rolling).unwrap();
    assert!(rolling.contains("name=\"bracket\"") && rolling.contains("should cooperate"), "{rolling}");
    assert!(rolling.contains("Brazil"), "the members behind an option by name: {rolling}");
    assert_valid_akn("rolling", rolling.as_bytes());

    // A revision made after a session opened carries that session.
    let (s, b) = forum.post("/api/v1/sessions", &t["sec"], json!({"title": "Third substantive session"})).await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    agree_and_name(&forum, &t, 1, "Rev.2").await;
    let (s, _, rev2) = download(&forum, "/api/v1/processes/1/versions/Rev.2/document").await;
    assert_eq!(s, StatusCode::OK);
    let rev2 = String::from_utf8(rev2).unwrap();
    assert!(rev2.contains("Third substantive session") && rev2.contains(&format!("{SYMBOL}/Rev.2")), "{rev2}");
    assert_valid_akn("rev2", rev2.as_bytes());
    let (_, _, again) = download(&forum, "/api/v1/processes/1/versions/Rev.1/document").await;
    assert!(!String::from_utf8(again).unwrap().contains("Third substantive session"), "Rev.1 came before the session");

    // Refusals.
    let (s, b) = forum.get("/api/v1/processes/1/versions/3/document?format=pdf").await;
    assert_error(&(s, b), StatusCode::BAD_REQUEST, "invalid_format");
    let (s, b) = forum.get("/api/v1/processes/1/rolling-text/document?format=md").await;
    assert_error(&(s, b), StatusCode::BAD_REQUEST, "invalid_format");
    let (s, b) = forum.get("/api/v1/processes/1/versions/9/document?format=akn").await;
    assert_error(&(s, b), StatusCode::NOT_FOUND, "unknown_version");
    let (s, b) = forum.get("/api/v1/processes/1/versions/Rev.7/document?format=akn").await;
    assert_error(&(s, b), StatusCode::NOT_FOUND, "unknown_version");
    let (s, b) = forum.get("/api/v1/processes/9/versions/1/document?format=akn").await;
    assert_error(&(s, b), StatusCode::NOT_FOUND, "unknown_process");
    let other = open(&forum, &t["sec"], "Another Framework").await;
    let (s, b) = forum.get(&format!("/api/v1/processes/{other}/versions/1/document?format=akn")).await;
    assert_error(&(s, b.clone()), StatusCode::CONFLICT, "no_symbol");
    assert!(b["message"].as_str().unwrap().contains("has no document symbol"), "{b}");
    let (s, b) = forum.get(&format!("/api/v1/processes/{other}/rolling-text/document")).await;
    assert_error(&(s, b), StatusCode::CONFLICT, "no_symbol");
    let (s, _, _) = download(&forum, &format!("/api/v1/processes/{other}/versions/1/document?format=md")).await;
    assert_eq!(s, StatusCode::OK, "Markdown needs no symbol");

    // The pages link to them.
    let (_, html) = forum.get_html("/processes/1?version=3").await;
    assert!(html.contains("href=\"/api/v1/processes/1/versions/3/document?format=akn\""), "{html}");
    assert!(html.contains("href=\"/api/v1/processes/1/versions/3/document?format=md\""), "{html}");
    let (_, html) = forum.get_html("/processes/1").await;
    assert!(html.contains("href=\"/api/v1/processes/1/rolling-text/document?format=akn\""), "{html}");
    let (_, html) = forum.get_html(&format!("/processes/{other}")).await;
    assert!(!html.contains("rolling-text/document"), "no Akoma Ntoso link without a symbol");
    let (_, html) = forum.get_html("/processes/1/versions").await;
    assert!(html.contains("href=\"/api/v1/processes/1/versions/2/document?format=akn\""), "{html}");
    let (_, html) = forum.get_html(&format!("/processes/{other}/versions")).await;
    assert!(html.contains(&format!("href=\"/api/v1/processes/{other}/versions/1/document?format=md\"")), "{html}");
    assert!(!html.contains("format=akn"), "no Akoma Ntoso link without a symbol");
}

fn accord(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_accord")).args(args).env("ACCORD_LOG", "warn").output().unwrap()
}

fn processes_in(dir: &std::path::Path) -> usize {
    let database = accord_store::DataDir::at(dir).record_in(None).unwrap();
    accord_store::Store::replay_database(&database).unwrap().processes.len()
}

#[test]
fn accord_import_opens_a_process_from_an_akoma_ntoso_resolution_and_refuses_a_debate() {
    let dir = tempfile::tempdir().unwrap();
    init_forum_cli(dir.path());
    let data = dir.path().to_str().unwrap();
    let un = akn_data("v2/Bill_UN_2012.xml");
    let out = accord(&["import", "--format", "akn", "--data-dir", data, un.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}{}", String::from_utf8_lossy(&out.stderr));
    assert!(said.contains("an Akoma Ntoso 2.0 bill"), "{said}");
    assert!(said.contains("8. (art_1__para_8) is now 4. (art_1__para_4)"), "what is renumbered is said: {said}");
    assert!(said.contains("Process 1 opened"), "{said}");
    assert_eq!(processes_in(dir.path()), 1);

    // The debate is refused, clearly, and nothing is recorded.
    let debate = akn_data("v3/ke_Debate_Bungeni_2011-06-10.xml");
    let out = accord(&["import", "--format", "akn", "--data-dir", data, debate.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("a debate is the record of a sitting, not a text Accord negotiates"), "{err}");
    assert!(err.contains("unsupported_document"), "{err}");
    assert_eq!(processes_in(dir.path()), 1, "a refused import records nothing");

    // Markdown stays the default: the process's text as Markdown opens again.
    // Documents are written outside the data directory.
    let elsewhere = tempfile::tempdir().unwrap();
    let md = elsewhere.path().join("un.md");
    let out =
        accord(&["export", "--data-dir", data, "--process", "1", "--format", "md", "--out", md.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let markdown = std::fs::read_to_string(&md).unwrap();
    assert!(markdown.contains("Requests the United Nations Office"), "{markdown}");
    let out = accord(&["import", "--data-dir", data, "--title", "Again", md.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(processes_in(dir.path()), 2);
    let out = accord(&["import", "--data-dir", data, md.to_str().unwrap()]);
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("--title"));
}

#[test]
fn accord_export_writes_a_version_in_akoma_ntoso_under_its_symbol() {
    let dir = tempfile::tempdir().unwrap();
    init_forum_cli(dir.path());
    let data = dir.path().to_str().unwrap();
    let file = dir.path().join("draft.md");
    std::fs::write(&file, DRAFT).unwrap();
    assert!(accord(&["import", "--data-dir", data, "--title", "Framework", file.to_str().unwrap()]).status.success());
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("out.xml");
    let export = |version: &str| {
        accord(&[
            "export",
            "--data-dir",
            data,
            "--process",
            "1",
            "--version",
            version,
            "--format",
            "akn",
            "--out",
            out.to_str().unwrap(),
        ])
    };
    // Without a symbol: refused, nothing written.
    let refused = export("1");
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("has no document symbol"));
    assert!(!out.exists());
    // The console sets one (as the secretariat would).
    let database = accord_store::DataDir::at(dir.path()).record_in(None).unwrap();
    let store = accord_store::Store::open_database(&database, accord_store::Clock::system()).unwrap();
    let body = accord_domain::EntryBody::ProcessSymbolSet(accord_domain::negotiation::SymbolSet {
        process: 1,
        symbol: SYMBOL.into(),
    });
    store
        .submit_blocking(
            accord_domain::state::Principal::System,
            accord_domain::Action::Negotiate(Box::new(body)),
            None,
        )
        .unwrap();
    store.shutdown();
    drop(store);
    let done = export("zero");
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    let xml = std::fs::read(&out).unwrap();
    assert!(String::from_utf8_lossy(&xml).contains(SYMBOL));
    assert_valid_akn("cli-export", &xml);
    let unknown = export("7");
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("versions 1 to 1"), "{:?}", unknown);
}

/// A proposal downloads as an Akoma Ntoso amendment to the version it was
/// tabled on, numbered after it, naming the provision it changes; words a
/// delegate typed (markup characters, Arabic) stay words, and the document
/// still validates.
#[tokio::test]
async fn a_proposal_downloads_as_an_akoma_ntoso_amendment_that_validates() {
    let (forum, t) = forum_with_symbol().await;
    let text = "<b>States</b> & \"organisations\" — الدول";
    let (s, p) = forum
        .post(
            "/api/v1/processes/1/proposals",
            &t["bra_head"],
            json!({"kind": "replace_words", "eid": "chp_1__art_1__para_1", "anchor": {"quote": "shall cooperate"}, "text": text}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{p}");
    let pid = p["proposal"]["id"].as_u64().unwrap();
    let (s, media, xml) = download(&forum, &format!("/api/v1/processes/1/proposals/P-{pid}/document")).await;
    assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&xml));
    assert!(media.starts_with("application/akn+xml"), "{media}");
    let xml = String::from_utf8(xml).unwrap();
    assert!(xml.contains("<amendment"), "{xml}");
    // Tabled on Rev.1: numbered after it.
    assert!(xml.contains(&format!("showAs=\"{SYMBOL}/Rev.1/P-{pid}\"")), "{xml}");
    assert!(xml.contains("chp_1__art_1__para_1"), "the provision it changes: {xml}");
    assert!(xml.contains("&lt;b&gt;States&lt;/b&gt; &amp;") && xml.contains("الدول"), "the words as typed: {xml}");
    assert_valid_akn("amendment", xml.as_bytes());

    let (_, html) = forum.get_html(&format!("/processes/1/proposals/{pid}")).await;
    assert!(html.contains(&format!("href=\"/api/v1/processes/1/proposals/{pid}/document?format=akn\"")), "{html}");
    let (s, b) = forum.get("/api/v1/processes/1/proposals/99/document").await;
    assert_error(&(s, b), StatusCode::NOT_FOUND, "unknown_proposal");
    let (s, b) = forum.get(&format!("/api/v1/processes/1/proposals/{pid}/document?format=md")).await;
    assert_error(&(s, b), StatusCode::BAD_REQUEST, "invalid_format");
    let other = open(&forum, &t["sec"], "Another Framework").await;
    let (s, p) = forum
        .post(
            &format!("/api/v1/processes/{other}/proposals"),
            &t["bra_head"],
            json!({"kind": "delete_words", "eid": "chp_1__art_1__para_1", "anchor": {"quote": "in good faith"}}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{p}");
    let (s, b) = forum.get(&format!("/api/v1/processes/{other}/proposals/1/document")).await;
    assert_error(&(s, b), StatusCode::CONFLICT, "no_symbol");
    let (_, html) = forum.get_html(&format!("/processes/{other}/proposals/1")).await;
    assert!(!html.contains("/document?format=akn"), "no Akoma Ntoso link without a symbol");
}

/// `accord export` refuses to write inside the data directory, where it
/// would overwrite the record or the log's key; `accord import` reads a
/// file that never ends no further than its bound.
#[test]
fn export_never_writes_over_the_forum_and_import_reads_a_bounded_file() {
    let dir = tempfile::tempdir().unwrap();
    init_forum_cli(dir.path());
    let data = dir.path().to_str().unwrap();
    let file = dir.path().join("draft.md");
    std::fs::write(&file, DRAFT).unwrap();
    assert!(accord(&["import", "--data-dir", data, "--title", "Framework", file.to_str().unwrap()]).status.success());
    // The record as a second process reads it (the SQLite file, or on
    // PostgreSQL the data directory's database).
    let database = accord_store::DataDir::at(dir.path()).record_in(None).unwrap();
    let record = accord_store::Store::replay_database(&database).unwrap().digest();
    let sqlite_file = std::fs::read(dir.path().join("accord.sqlite3")).ok();
    for target in ["accord.sqlite3", "database", "log-key", "new.md"] {
        let out = dir.path().join(target);
        let refused =
            accord(&["export", "--data-dir", data, "--process", "1", "--format", "md", "--out", out.to_str().unwrap()]);
        assert!(!refused.status.success(), "{target}");
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert!(stderr.contains("is inside the data directory"), "{target}: {stderr}");
    }
    assert_eq!(accord_store::Store::replay_database(&database).unwrap().digest(), record, "the record is untouched");
    assert_eq!(std::fs::read(dir.path().join("accord.sqlite3")).ok(), sqlite_file, "the SQLite file is untouched");
    assert!(!dir.path().join("new.md").exists());
    let empty = accord(&[
        "export",
        "--data-dir",
        data,
        "--process",
        "1",
        "--version",
        " ",
        "--format",
        "md",
        "--out",
        "/tmp/x.md",
    ]);
    assert!(!empty.status.success());
    assert!(String::from_utf8_lossy(&empty.stderr).contains("--version is empty"));

    // A data directory that does not exist is said so, and not created.
    let missing = dir.path().join("nowhere");
    let refused = accord(&["import", "--data-dir", missing.to_str().unwrap(), "--title", "T", file.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("does not exist"), "{refused:?}");
    assert!(!missing.exists());

    let endless = accord(&["import", "--data-dir", data, "--format", "akn", "/dev/zero"]);
    assert!(!endless.status.success());
    assert!(String::from_utf8_lossy(&endless.stderr).contains("larger than 16 MiB"), "{endless:?}");
    assert_eq!(processes_in(dir.path()), 1, "nothing opened");
}
