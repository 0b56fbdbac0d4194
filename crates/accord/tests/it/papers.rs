//! Conference room papers: the secretariat issues the rolling text or the
//! compilation of proposals under a document symbol of its own
//! (`process.paper_issued`); the paper stays what it showed when issued,
//! in the API, on the pages and in the documents' mastheads.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::documents::{assert_valid_akn, forum_with_symbol, record_offline, set_symbol, SYMBOL};
use crate::helpers::*;
use crate::pages::Browser;

const CRP1: &str = "A/AC.292/2026/CRP.1";
const CRP2: &str = "A/AC.292/2026/CRP.2";
const CRP3: &str = "A/AC.292/2026/CRP.3";

async fn issue(forum: &TestForum, token: &str, id: u64, body: Value) -> (StatusCode, Value) {
    forum.post(&format!("/api/v1/processes/{id}/papers"), token, body).await
}

/// Status, content disposition and body of a GET.
async fn download(forum: &TestForum, path: &str) -> (StatusCode, String, String) {
    use http_body_util::BodyExt;
    let res = forum.response(axum::http::Request::get(path).body(axum::body::Body::empty()).unwrap()).await;
    let status = res.status();
    let disposition = res
        .headers()
        .get(axum::http::header::CONTENT_DISPOSITION)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let bytes = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    (status, disposition, String::from_utf8_lossy(&bytes).into_owned())
}

/// Tables a proposal on process 1's first paragraph; its number.
async fn propose(forum: &TestForum, token: &str, quote: &str, text: &str) -> u64 {
    let (s, p) = forum
        .post(
            "/api/v1/processes/1/proposals",
            token,
            json!({"kind": "replace_words", "eid": "chp_1__art_1__para_1", "anchor": {"quote": quote}, "text": text}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{p}");
    p["proposal"]["id"].as_u64().unwrap()
}

#[tokio::test]
async fn the_secretariat_issues_the_rolling_text_and_the_compilation_as_conference_room_papers() {
    let (forum, t) = forum_with_symbol().await;
    propose(&forum, &t["bra_head"], "shall cooperate", "should cooperate").await;
    let rolling = json!({"kind": "rolling_text"});

    // Refusals, each with its code, change nothing.
    let before = forum.record_len();
    assert_error(&issue(&forum, &t["chair"], 1, rolling.clone()).await, StatusCode::FORBIDDEN, "secretariat_only");
    assert_error(&issue(&forum, &t["bra_head"], 1, rolling.clone()).await, StatusCode::FORBIDDEN, "secretariat_only");
    assert_error(&issue(&forum, &t["sec"], 9, rolling.clone()).await, StatusCode::NOT_FOUND, "unknown_process");
    let with = |symbol: &str| json!({"kind": "rolling_text", "symbol": symbol});
    assert_error(&issue(&forum, &t["sec"], 1, with("A//CRP.1")).await, StatusCode::BAD_REQUEST, "invalid_symbol");
    // The process's symbol, one of its revisions', in any case: taken.
    for taken in [SYMBOL, "a/ac.292/2026/l.1/rev.1"] {
        assert_error(&issue(&forum, &t["sec"], 1, with(taken)).await, StatusCode::CONFLICT, "symbol_taken");
    }
    let stale = json!({"kind": "rolling_text", "version": 2});
    assert_error(&issue(&forum, &t["sec"], 1, stale).await, StatusCode::CONFLICT, "paper_outdated");
    let (s, _) = issue(&forum, &t["sec"], 1, json!({"kind": "minutes"})).await;
    assert!(s.is_client_error(), "{s}");
    assert_eq!(forum.record_len(), before);

    // Issued under the next symbol of the process's series.
    let (s, b) = issue(&forum, &t["sec"], 1, rolling.clone()).await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    let paper = &b["paper"];
    assert_eq!((paper["number"].as_u64(), paper["symbol"].as_str()), (Some(1), Some(CRP1)), "{b}");
    assert_eq!((paper["kind"].as_str(), paper["version"].as_u64()), (Some("rolling_text"), Some(3)));
    assert_eq!(paper["current"], true);
    assert_eq!(paper["entry"], before);
    assert_eq!(b["entry"]["index"], before);
    let (_, entry) = forum.get(&format!("/api/v1/record/{before}")).await;
    assert_eq!(entry["kind"], "process.paper_issued", "{entry}");

    // Twice on an unchanged text: refused; the paper's symbol is taken.
    assert_error(&issue(&forum, &t["sec"], 1, rolling.clone()).await, StatusCode::CONFLICT, "paper_unchanged");
    let compilation = |symbol: &str| json!({"kind": "compilation", "symbol": symbol});
    assert_error(&issue(&forum, &t["sec"], 1, compilation(CRP1)).await, StatusCode::CONFLICT, "symbol_taken");
    let (s, b) = issue(&forum, &t["sec"], 1, json!({"kind": "compilation"})).await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    assert_eq!(b["paper"]["symbol"], CRP2);

    // In the API: the list, and the papers of each version.
    let (_, papers) = forum.get("/api/v1/processes/1/papers").await;
    let symbols: Vec<&str> = papers.as_array().unwrap().iter().map(|p| p["symbol"].as_str().unwrap()).collect();
    assert_eq!(symbols, [CRP1, CRP2], "{papers}");
    let (_, versions) = forum.get("/api/v1/processes/1/versions").await;
    assert_eq!(versions[2]["papers"], json!([CRP1, CRP2]), "{versions}");
    assert_eq!(versions[0]["papers"], json!([]));
    assert_error(&forum.get("/api/v1/processes/1/papers/7/document").await, StatusCode::NOT_FOUND, "unknown_paper");

    // While the text is what the paper shows, the rolling text bears the
    // paper's symbol.
    let (s, name, xml) = download(&forum, "/api/v1/processes/1/rolling-text/document?format=akn").await;
    assert_eq!(s, StatusCode::OK, "{xml}");
    assert_eq!(name, "attachment; filename=\"A-AC.292-2026-CRP.1-rolling-text-v3.xml\"");
    assert!(xml.contains(CRP1), "{xml}");

    // The text moves on: the rolling text is a working paper under the
    // process's symbol again; the paper stays what it showed.
    propose(&forum, &t["ken_head"], "exchange", "share").await;
    let (_, _, now) = download(&forum, "/api/v1/processes/1/rolling-text/document?format=akn").await;
    assert!(!now.contains(CRP1) && now.contains(SYMBOL) && now.contains("share"), "{now}");
    let (s, name, xml) = download(&forum, "/api/v1/processes/1/papers/1/document?format=akn").await;
    assert_eq!(s, StatusCode::OK, "{xml}");
    assert_eq!(name, "attachment; filename=\"A-AC.292-2026-CRP.1-rolling-text-v3.xml\"");
    assert!(xml.contains(CRP1) && xml.contains("should cooperate"), "{xml}");
    assert!(!xml.contains("share"), "Kenya's later proposal is not in the paper: {xml}");
    assert_valid_akn("crp-1", xml.as_bytes());
    assert_eq!(forum.get("/api/v1/processes/1/papers").await.1[0]["current"], false);
    let (s, _, word) = download(&forum, "/api/v1/processes/1/papers/2/document").await;
    assert_eq!(s, StatusCode::OK, "the compilation is a Word document: {word}");
    assert!(word.starts_with("PK"));
    let (s, _, _) = download(&forum, "/api/v1/processes/1/papers/2/document?format=akn").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    let (s, b) = issue(&forum, &t["sec"], 1, rolling.clone()).await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    assert_eq!(b["paper"]["symbol"], CRP3);

    // On the pages: everyone sees the papers; only the secretariat the form.
    let (_, html) = forum.get_html("/processes/1").await;
    assert!(html.contains("Conference room papers") && html.contains(CRP1) && html.contains(CRP3), "{html}");
    assert!(html.contains("/api/v1/processes/1/papers/1/document?format=akn"), "{html}");
    assert!(!html.contains("action=\"/processes/1/papers\""));
    let (_, html) = forum.get_html("/processes/1/versions").await;
    assert!(html.contains(CRP2) && html.contains("Compilation of proposals"), "{html}");
    let mut sec = Browser::new(&forum);
    sec.log_in("sec", PASSWORD).await;
    let page = sec.get("/processes/1/versions").await;
    assert!(page.html.contains("action=\"/processes/1/papers\""), "{}", page.html);
    assert!(page.html.contains("value=\"A/AC.292/2026/CRP.4\""), "the next symbol is offered: {}", page.html);
    let csrf = Browser::csrf(&page);
    let form = |symbol| [("csrf", csrf.as_str()), ("kind", "compilation"), ("symbol", symbol), ("version", "3")];
    let refused = sec.post("/processes/1/papers", &form(CRP3)).await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.html);
    let done = sec.post("/processes/1/papers", &form("A/AC.292/2026/CRP.4")).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.html);
    assert_eq!(done.location.as_deref(), Some("/processes/1/versions?notice=paper"));
    let page = sec.get("/processes/1/versions?notice=paper").await;
    assert!(page.html.contains("The conference room paper is issued"), "{}", page.html);

    // In the record: a restarted forum replays the papers.
    let forum = forum.restart();
    let (_, papers) = forum.get("/api/v1/processes/1/papers").await;
    assert_eq!(papers.as_array().unwrap().len(), 4, "{papers}");
    let (_, _, xml) = download(&forum, "/api/v1/processes/1/papers/1/document?format=akn").await;
    assert!(xml.contains(CRP1) && !xml.contains("share"), "{xml}");
}

fn accord(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_accord")).args(args).env("ACCORD_LOG", "warn").output().unwrap()
}

/// `accord export --document rolling-text --paper N` writes the paper as
/// it was issued, under its symbol, after the process changed.
#[test]
fn accord_export_writes_an_issued_paper_as_it_stood() {
    let dir = tempfile::tempdir().unwrap();
    init_forum_cli(dir.path());
    let data = dir.path().to_str().unwrap();
    let file = dir.path().join("draft.md");
    std::fs::write(&file, crate::negotiation::DRAFT).unwrap();
    assert!(accord(&["import", "--data-dir", data, "--title", "Framework", file.to_str().unwrap()]).status.success());
    // The console issues a paper under a symbol given (the process has
    // none), then sets the process's symbol: the process changed.
    use accord_domain::negotiation::{PaperIssued, PaperKind};
    let paper = accord_domain::EntryBody::ProcessPaperIssued(PaperIssued {
        process: 1,
        kind: PaperKind::RollingText,
        symbol: CRP1.into(),
        version: 1,
    });
    record_offline(dir.path(), [paper, set_symbol(SYMBOL)]);

    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("out.xml");
    let export = |extra: &[&str]| {
        let mut args = vec!["export", "--data-dir", data, "--process", "1", "--format", "akn", "--out"];
        args.push(out.to_str().unwrap());
        args.extend_from_slice(extra);
        accord(&args)
    };
    let done = export(&["--document", "rolling-text", "--paper", "1"]);
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    let xml = std::fs::read(&out).unwrap();
    let text = String::from_utf8_lossy(&xml);
    assert!(text.contains(CRP1) && !text.contains(SYMBOL), "the paper's masthead: {text}");
    assert_valid_akn("cli-crp-1", &xml);
    // The rolling text now: a working paper under the process's symbol.
    assert!(export(&["--document", "rolling-text"]).status.success());
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains(SYMBOL) && !text.contains(CRP1), "{text}");

    let unknown = export(&["--document", "rolling-text", "--paper", "2"]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no conference room paper 2"), "{unknown:?}");
    let other = accord(&[
        "export",
        "--data-dir",
        data,
        "--process",
        "1",
        "--format",
        "docx",
        "--document",
        "compilation",
        "--paper",
        "1",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!other.status.success());
    assert!(String::from_utf8_lossy(&other.stderr).contains("not a compilation"), "{other:?}");
    let version = export(&["--paper", "1"]);
    assert!(!version.status.success());
    assert!(String::from_utf8_lossy(&version.stderr).contains("--paper applies to"), "{version:?}");
}
