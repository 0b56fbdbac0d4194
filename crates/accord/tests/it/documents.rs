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
pub(crate) fn assert_valid_akn(name: &str, xml: &[u8]) {
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
    let (s, b) = forum.get("/api/v1/processes/1/versions/3/document?format=odt").await;
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

pub(crate) fn accord(args: &[&str]) -> std::process::Output {
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
    record_offline(dir.path(), [set_symbol(SYMBOL)]);
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

// ---- Word (.docx) ----

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Has LibreOffice (headless, with a profile of its own) convert `bytes`,
/// written as `name.docx`, to `target` (`pdf`, `fodt`); answers the
/// converted file's bytes. Fails, never skips, without LibreOffice.
fn libreoffice(name: &str, bytes: &[u8], target: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(format!("{name}.docx"));
    std::fs::write(&file, bytes).unwrap();
    let out = std::process::Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", dir.path().join("profile").display()))
        .args(["--headless", "--norestore", "--convert-to", target, "--outdir"])
        .arg(dir.path())
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("soffice could not be run ({e}): install libreoffice-writer-nogui (test.sh does)"));
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "soffice on {name}: {said}");
    let converted =
        std::fs::read(file.with_extension(target)).unwrap_or_else(|e| panic!("{name}: no {target} ({e}): {said}"));
    assert!(!converted.is_empty(), "{name}: empty {target}");
    converted
}

async fn docx_download(forum: &TestForum, path: &str, file_name: &str) -> Vec<u8> {
    use http_body_util::BodyExt;
    let res = forum.response(axum::http::Request::get(path).body(axum::body::Body::empty()).unwrap()).await;
    let status = res.status();
    let header =
        |h| res.headers().get(h).map(|v: &axum::http::HeaderValue| v.to_str().unwrap().to_owned()).unwrap_or_default();
    let (media, disposition) =
        (header(axum::http::header::CONTENT_TYPE), header(axum::http::header::CONTENT_DISPOSITION));
    let bytes = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    assert_eq!(status, StatusCode::OK, "{path}: {}", String::from_utf8_lossy(&bytes));
    assert_eq!(media, DOCX, "{path}");
    assert_eq!(disposition, format!("attachment; filename=\"{file_name}\""), "{path}");
    assert!(bytes.starts_with(b"PK\x03\x04"), "{path}: a zip archive");
    bytes
}

/// Every Word document the API writes opens in LibreOffice and converts
/// to PDF; the redline's tracked changes, as LibreOffice reads them, are
/// those of Kenya (the deletion agreed into version 2) and Brazil (the
/// insertion agreed into version 3).
#[tokio::test]
async fn versions_the_rolling_text_a_redline_and_the_compilation_download_as_word() {
    let (forum, t) = forum_with_symbol().await;
    let (s, b) = forum
        .post(
            "/api/v1/processes/1/proposals",
            &t["bra_head"],
            json!({"kind": "replace_words", "eid": "chp_1__art_1__para_1", "anchor": {"quote": "shall cooperate"}, "text": "should cooperate", "justification": "Softer words build trust."}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    let stem = "A-AC.292-2026-L.1";

    let rev1 = docx_download(
        &forum,
        "/api/v1/processes/1/versions/Rev.1/document?format=docx",
        &format!("{stem}-Rev.1-v3.docx"),
    )
    .await;
    let pdf = libreoffice("rev1", &rev1, "pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    let fodt = String::from_utf8(libreoffice("rev1", &rev1, "fodt")).unwrap();
    assert!(fodt.contains("States shall cooperate and shall exchange relevant information."), "{fodt}");
    assert!(fodt.contains(&format!("{SYMBOL}/Rev.1")) && fodt.contains("Distr.: Limited"), "the masthead: {fodt}");

    let footnotes = docx_download(
        &forum,
        "/api/v1/processes/1/rolling-text/document?format=docx",
        &format!("{stem}-rolling-text-v3.docx"),
    )
    .await;
    let fodt = String::from_utf8(libreoffice("rolling", &footnotes, "fodt")).unwrap();
    assert_eq!(fodt.matches("<text:note ").count(), 2, "one footnote per option: {fodt}");
    assert!(fodt.contains("Brazil (BRA)"), "{fodt}");
    libreoffice("rolling", &footnotes, "pdf");
    let inline = docx_download(
        &forum,
        "/api/v1/processes/1/rolling-text/document?format=docx&members=inline",
        &format!("{stem}-rolling-text-v3.docx"),
    )
    .await;
    let fodt = String::from_utf8(libreoffice("rolling-inline", &inline, "fodt")).unwrap();
    assert_eq!(fodt.matches("<text:note ").count(), 0);
    assert!(fodt.contains("should cooperate</text:span>") || fodt.contains("should cooperate"), "{fodt}");
    assert!(fodt.contains("(P-3; BRA)"), "{fodt}");

    let redline = docx_download(
        &forum,
        "/api/v1/processes/1/redline/document?from=zero&to=Rev.1&format=docx",
        &format!("{stem}-Rev.1-redline-v1-v3.docx"),
    )
    .await;
    libreoffice("redline", &redline, "pdf");
    let fodt = String::from_utf8(libreoffice("redline", &redline, "fodt")).unwrap();
    assert_eq!(fodt.matches("<text:deletion>").count(), 1, "{fodt}");
    assert_eq!(fodt.matches("<text:insertion>").count(), 1, "{fodt}");
    assert!(
        fodt.contains("<dc:creator>Kenya</dc:creator>") && fodt.contains("<dc:creator>Brazil</dc:creator>"),
        "{fodt}"
    );
    assert_eq!(
        docx_download(
            &forum,
            "/api/v1/processes/1/redline/document?from=1&format=docx",
            &format!("{stem}-Rev.1-redline-v1-v3.docx")
        )
        .await,
        redline,
        "to is the latest by default"
    );

    let compilation = docx_download(
        &forum,
        "/api/v1/processes/1/compilation/document?format=docx",
        &format!("{stem}-compilation-v3.docx"),
    )
    .await;
    libreoffice("compilation", &compilation, "pdf");
    let fodt = String::from_utf8(libreoffice("compilation", &compilation, "fodt")).unwrap();
    assert!(fodt.contains("Softer words build trust."), "{fodt}");
    assert!(fodt.contains("Replace “shall cooperate” with “should cooperate”"), "{fodt}");

    // Refusals.
    for (path, status, code) in [
        ("/api/v1/processes/1/versions/3/document?format=odt", StatusCode::BAD_REQUEST, "invalid_format"),
        ("/api/v1/processes/1/rolling-text/document?format=md", StatusCode::BAD_REQUEST, "invalid_format"),
        (
            "/api/v1/processes/1/rolling-text/document?format=docx&members=margin",
            StatusCode::BAD_REQUEST,
            "invalid_members",
        ),
        ("/api/v1/processes/1/redline/document?from=1&format=akn", StatusCode::BAD_REQUEST, "invalid_format"),
        ("/api/v1/processes/1/redline/document?from=3&to=1", StatusCode::BAD_REQUEST, "invalid_range"),
        ("/api/v1/processes/1/redline/document?from=9", StatusCode::NOT_FOUND, "unknown_version"),
        ("/api/v1/processes/1/compilation/document?format=pdf", StatusCode::BAD_REQUEST, "invalid_format"),
        ("/api/v1/processes/9/compilation/document", StatusCode::NOT_FOUND, "unknown_process"),
    ] {
        let (s, b) = forum.get(path).await;
        assert_error(&(s, b), status, code);
    }
    let other = open(&forum, &t["sec"], "Another Framework").await;
    for path in [
        "versions/1/document?format=docx",
        "rolling-text/document?format=docx",
        "redline/document?from=1",
        "compilation/document",
    ] {
        let (s, b) = forum.get(&format!("/api/v1/processes/{other}/{path}")).await;
        assert_error(&(s, b), StatusCode::CONFLICT, "no_symbol");
    }

    // The pages link to them.
    let (_, html) = forum.get_html("/processes/1").await;
    for link in [
        "/api/v1/processes/1/rolling-text/document?format=docx&amp;members=footnote",
        "/api/v1/processes/1/rolling-text/document?format=docx&amp;members=inline",
        "/api/v1/processes/1/compilation/document?format=docx",
    ] {
        assert!(html.contains(&format!("href=\"{link}\"")), "{link}: {html}");
    }
    let (_, html) = forum.get_html("/processes/1?version=3").await;
    assert!(html.contains("href=\"/api/v1/processes/1/versions/3/document?format=docx\""), "{html}");
    let (_, html) = forum.get_html("/processes/1/versions").await;
    assert!(html.contains("href=\"/api/v1/processes/1/redline/document?from=2&amp;to=3&amp;format=docx\""), "{html}");
    let (_, html) = forum.get_html("/processes/1/diff?from=1&to=3").await;
    assert!(html.contains("href=\"/api/v1/processes/1/redline/document?from=1&amp;to=3&amp;format=docx\""), "{html}");
    let (_, html) = forum.get_html(&format!("/processes/{other}/diff?from=1&to=1")).await;
    assert!(!html.contains("redline/document"), "no Word link without a symbol");
}

fn docx_fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../accord-documents/tests/data/docx").join(name)
}

/// `accord import --format docx` opens a process from a Word document
/// LibreOffice made (list numbering, headings), and refuses a broken one
/// recording nothing; `accord export --format docx` writes a version that
/// LibreOffice opens.
#[test]
fn accord_import_and_export_word_documents() {
    let dir = tempfile::tempdir().unwrap();
    init_forum_cli(dir.path());
    let data = dir.path().to_str().unwrap();
    let act = docx_fixture("scottish-act.docx");
    let out = accord(&["import", "--format", "docx", "--data-dir", data, act.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}{}", String::from_utf8_lossy(&out.stderr));
    assert!(said.contains("a Word document, \"Budget (Scotland) Act 2017\""), "{said}");
    assert!(said.contains("Process 1 opened"), "{said}");
    assert_eq!(processes_in(dir.path()), 1);

    // Half a document: refused, naming why, and nothing recorded.
    let bytes = std::fs::read(&act).unwrap();
    let broken = dir.path().join("broken.docx");
    std::fs::write(&broken, &bytes[..bytes.len() / 2]).unwrap();
    let out = accord(&["import", "--format", "docx", "--data-dir", data, broken.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not_docx"), "{err}");
    assert_eq!(processes_in(dir.path()), 1, "a refused import records nothing");

    // Export, with a symbol.
    record_offline(dir.path(), [set_symbol(SYMBOL)]);
    let elsewhere = tempfile::tempdir().unwrap();
    let file = elsewhere.path().join("act.docx");
    let out =
        accord(&["export", "--data-dir", data, "--process", "1", "--format", "docx", "--out", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains(DOCX));
    let written = std::fs::read(&file).unwrap();
    let fodt = String::from_utf8(libreoffice("cli-export", &written, "fodt")).unwrap();
    assert!(fodt.contains("Budget (Scotland) Act 2017") && fodt.contains(SYMBOL), "{fodt}");
    libreoffice("cli-export", &written, "pdf");
    // What Accord wrote opens again as the same text.
    let out = accord(&["import", "--format", "docx", "--data-dir", data, file.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}{}", String::from_utf8_lossy(&out.stderr));
    assert!(said.contains("Nothing was renumbered."), "{said}");
    let database = accord_store::DataDir::at(dir.path()).record_in(None).unwrap();
    let store = accord_store::Store::open_database(&database, accord_store::Clock::system()).unwrap();
    let state = store.state();
    let (a, b) = (&state.processes[0].latest().instrument, &state.processes[1].latest().instrument);
    assert_eq!(a.provisions.len(), b.provisions.len());
    assert!(a
        .provisions
        .iter()
        .zip(&b.provisions)
        .all(|(x, y)| (&x.eid, &x.num, &x.heading, &x.text) == (&y.eid, &y.num, &y.heading, &y.text)));
    drop(state);
    store.shutdown();
    // A format Accord does not write is refused.
    let out =
        accord(&["export", "--data-dir", data, "--process", "1", "--format", "odt", "--out", file.to_str().unwrap()]);
    assert!(!out.status.success());

    // The rolling text, a redline and the compilation, as the API serves them.
    let export = |args: &[&str], name: &str| {
        let file = elsewhere.path().join(name);
        let mut all = vec!["export", "--data-dir", data, "--process", "1", "--out", file.to_str().unwrap()];
        all.extend_from_slice(args);
        (accord(&all), file)
    };
    let (out, rolling) = export(&["--document", "rolling-text", "--format", "akn"], "rolling.xml");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read_to_string(&rolling).unwrap().contains("http://docs.oasis-open.org/legaldocml/ns/akn/3.0"));
    for (args, name) in [
        (&["--document", "rolling-text", "--format", "docx", "--members", "inline"][..], "rolling.docx"),
        (&["--document", "redline", "--from", "1", "--format", "docx"][..], "redline.docx"),
        (&["--document", "compilation", "--format", "docx"][..], "compilation.docx"),
    ] {
        let (out, file) = export(args, name);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        let pdf = libreoffice(&format!("cli-{name}"), &std::fs::read(&file).unwrap(), "pdf");
        assert!(pdf.starts_with(b"%PDF"), "{name}");
    }
    // What cannot be written is refused before anything is opened.
    for (args, says) in [
        (&["--document", "redline", "--format", "docx"][..], "needs --from"),
        (&["--document", "compilation", "--format", "akn"][..], "Word only"),
        (&["--document", "rolling-text", "--format", "md"][..], "not md"),
        (&["--document", "version", "--from", "1", "--format", "docx"][..], "redline only"),
        (&["--document", "rolling-text", "--version", "1", "--format", "akn"][..], "leave out --version"),
    ] {
        let (out, file) = export(args, "refused.out");
        assert!(!out.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(says),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!file.exists(), "{args:?}");
    }
}

/// Sends `bytes` as a document of `media` to open a process.
async fn post_document(
    forum: &TestForum,
    token: &str,
    query: &str,
    media: &str,
    bytes: Vec<u8>,
) -> (StatusCode, Value) {
    let req = axum::http::Request::post(format!("/api/v1/processes{query}"))
        .header(axum::http::header::AUTHORIZATION, format!("Bearer {token}"))
        .header(axum::http::header::CONTENT_TYPE, media)
        .body(axum::body::Body::from(bytes))
        .unwrap();
    let (status, body) = forum.raw(req).await;
    (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

/// The secretariat opens a process by sending a Word or Akoma Ntoso
/// document instead of Markdown; the answer says what the document lost
/// on the way. A document Accord cannot read changes nothing.
#[tokio::test]
async fn a_process_opens_from_an_uploaded_word_or_akoma_ntoso_document() {
    let forum = TestForum::new();
    let t = forum.tokens().await;
    let count = || async { forum.get("/api/v1/processes").await.1.as_array().unwrap().len() };

    let act = std::fs::read(docx_fixture("scottish-act.docx")).unwrap();
    let (s, b) = post_document(&forum, &t["sec"], "", DOCX, act.clone()).await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    assert_eq!(b["title"], "Budget (Scotland) Act 2017", "{b}");
    assert_eq!(b["imported"]["format"], "docx", "{b}");
    let id = b["id"].as_u64().unwrap();
    let (_, text) = forum.get(&format!("/api/v1/processes/{id}/text")).await;
    let provisions = text["provisions"].as_array().unwrap();
    assert!(provisions.iter().any(|p| p["eid"] == "chp_1__art_1__para_1__point_b"), "{text}");

    let un = std::fs::read(akn_data("v2/Bill_UN_2012.xml")).unwrap();
    let (s, b) = post_document(&forum, &t["sec"], "?title=Drugs", "application/akn+xml", un).await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    assert_eq!((b["title"].as_str(), b["imported"]["format"].as_str()), (Some("Drugs"), Some("akn")), "{b}");
    let renumbered: Vec<&str> =
        b["imported"]["renumbered"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
    assert!(renumbered.contains(&"8. (art_1__para_8) is now 4. (art_1__para_4)"), "{b}");
    assert_eq!(count().await, 2);

    // Refused, nothing recorded: half a .docx, a point with no paragraph,
    // a delegate who is not the secretariat, JSON with a title in the query.
    let (s, b) = post_document(&forum, &t["sec"], "", DOCX, act[..act.len() / 2].to_vec()).await;
    assert_error(&(s, b), StatusCode::BAD_REQUEST, "not_docx");
    let (s, b) = post_document(&forum, &t["bra_head"], "", DOCX, act.clone()).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{b}");
    let (s, b) = forum
        .call(
            Method::POST,
            "/api/v1/processes?title=X",
            Some(&t["sec"]),
            Some(json!({"title": "T", "markdown": DRAFT})),
        )
        .await;
    assert_error(&(s, b), StatusCode::BAD_REQUEST, "malformed_request");
    let (s, b) = post_document(&forum, &t["sec"], "", "text/plain", b"Title".to_vec()).await;
    assert_eq!(s, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{b}");
    assert_eq!(count().await, 2);
}

/// Records `bodies` in the forum of the data directory `dir` (its server
/// stopped) as the console would: the system's actions, one by one.
pub fn record_offline(dir: &std::path::Path, bodies: impl IntoIterator<Item = accord_domain::EntryBody>) {
    let database = accord_store::DataDir::at(dir).record_in(None).unwrap();
    let store = accord_store::Store::open_database(&database, accord_store::Clock::system()).unwrap();
    for body in bodies {
        let negotiate = accord_domain::Action::Negotiate(Box::new(body));
        store.submit_blocking(accord_domain::state::Principal::System, negotiate, None).unwrap();
    }
    store.shutdown();
}

/// Process 1's document symbol set to `symbol`.
pub fn set_symbol(symbol: &str) -> accord_domain::EntryBody {
    accord_domain::EntryBody::ProcessSymbolSet(accord_domain::negotiation::SymbolSet {
        process: 1,
        symbol: symbol.into(),
    })
}
