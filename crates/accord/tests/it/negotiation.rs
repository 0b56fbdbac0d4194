//! Negotiating texts end to end: processes, proposals, the rolling text,
//! versions, redlines and provenance, over the API, the pages and the CLI.
//!
//! The rolling text is compared with snapshots in `snapshots/` (JSON and
//! the HTML of the text). After a deliberate change of the output, run the
//! tests with `UPDATE_SNAPSHOTS=1` and review the difference in git.

use accord_store::Store;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

pub const DRAFT: &str = "# Framework on Testing\n\n## Preamble\n\nRecognising that States shall cooperate,\n\n## Chapter I — General\n\n### Article 1 — Purpose\n\n1. States shall cooperate in good faith and shall exchange information.\n\n2. States should, as appropriate, protect critical infrastructure:\n   (a) energy;\n   (b) water.\n\n### Article 2 — Scope\n\n1. This Framework applies to States.\n\n## Chapter II — Final\n\n### Article 3 — Review\n\n1. The Conference shall review this Framework.\n";

const P1: &str = "chp_1__art_1__para_1";

fn snapshot(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_SNAPSHOTS=1 to create it", path.display()));
    assert_eq!(actual, expected, "{name} differs from its snapshot");
}

async fn open(forum: &TestForum, token: &str) -> u64 {
    let (status, body) =
        forum.post("/api/v1/processes", token, json!({"title": "Framework on Testing", "markdown": DRAFT})).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["id"].as_u64().unwrap()
}

async fn propose(forum: &TestForum, token: &str, id: u64, body: Value) -> (StatusCode, Value) {
    forum.post(&format!("/api/v1/processes/{id}/proposals"), token, body).await
}

/// The text between `<article class="instrument"` and `</article>`.
async fn instrument_html(forum: &TestForum, path: &str) -> String {
    let (status, bytes) = forum.raw(Request::get(path).body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    let html = String::from_utf8(bytes).unwrap();
    let start = html.find("<article class=\"instrument\"").expect("the page has the text");
    let end = html[start..].find("</article>").unwrap() + start + "</article>".len();
    html[start..end].lines().map(str::trim_end).filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join("\n") + "\n"
}

#[tokio::test]
async fn rolling_text_of_realistic_cases() {
    let forum = TestForum::new();
    let t = forum.tokens().await;
    let id = open(&forum, &t["sec"]).await;
    // Overlapping proposals on one span: one bracket, several options.
    let (s, a) = propose(&forum, &t["bra_head"], id, json!({"kind": "replace_words", "eid": P1, "anchor": {"quote": "shall", "occurrence": 1}, "text": "should", "justification": "Voluntary norms."})).await;
    assert_eq!(s, StatusCode::CREATED, "{a}");
    assert_eq!(a["proposal"]["label"], "P-1");
    assert_eq!(a["proposal"]["range"], json!({"start": 7, "end": 12, "text": "should"}));
    let (s, _) = propose(
        &forum,
        &t["ken_head"],
        id,
        json!({"kind": "replace_words", "eid": P1, "anchor": {"quote": "shall cooperate"}, "text": "may cooperate"}),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED);
    // A deletion beside a replacement.
    let (s, _) = propose(
        &forum,
        &t["bra_del"],
        id,
        json!({"kind": "delete_words", "eid": P1, "anchor": {"quote": "in good faith"}}),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED);
    // A new article.
    let (s, _) = propose(&forum, &t["ken_head"], id, json!({"kind": "insert_provision", "eid": "chp_1__art_2", "position": "after", "heading": "Reporting", "text": "1. States shall report.\n\n2. Reports are public."})).await;
    assert_eq!(s, StatusCode::CREATED);
    // A proposal that will be outdated when P-5 is agreed.
    let (s, _) = propose(&forum, &t["bra_head"], id, json!({"kind": "replace_words", "eid": "chp_2__art_3__para_1", "anchor": {"quote": "The Conference"}, "text": "The Conference of Participating States"})).await;
    assert_eq!(s, StatusCode::CREATED);
    let (s, _) = propose(&forum, &t["ken_head"], id, json!({"kind": "replace_words", "eid": "chp_2__art_3__para_1", "anchor": {"quote": "Conference shall"}, "text": "Conference may"})).await;
    assert_eq!(s, StatusCode::CREATED);
    for (who, act, pid) in [("ken_head", "support", 1), ("ken_head", "cosponsors", 3), ("bra_head", "objection", 2)] {
        let (s, body) = forum.post(&format!("/api/v1/processes/{id}/proposals/{pid}/{act}"), &t[who], json!({})).await;
        assert_eq!(s, StatusCode::CREATED, "{act}: {body}");
    }
    // A position is taken once; a proposer is behind its own proposal already.
    let again = forum.post(&format!("/api/v1/processes/{id}/proposals/1/support"), &t["ken_head"], json!({})).await;
    assert_error(&again, StatusCode::CONFLICT, "already_supports");
    let own = forum.post(&format!("/api/v1/processes/{id}/proposals/1/support"), &t["bra_del"], json!({})).await;
    assert_error(&own, StatusCode::CONFLICT, "own_proposal");
    let (s, body) = forum.post(&format!("/api/v1/processes/{id}/proposals/P-5/agree"), &t["chair"], json!({})).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let (_, p6) = forum.get(&format!("/api/v1/processes/{id}/proposals/6")).await;
    assert_eq!(p6["outdated"], true);

    let (status, rolling) = forum.get(&format!("/api/v1/processes/{id}/rolling-text")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(rolling["version"], 2);
    assert_eq!(rolling["brackets"], 3, "two in 1.1, and one new article (two paragraphs) counted once");
    // Progress by version: the zero draft had P-1/P-2, P-3, the new article
    // and P-5/P-6 open when P-5's agreement replaced it.
    let (_, versions) = forum.get(&format!("/api/v1/processes/{id}/versions")).await;
    let counts = |v: &Value| (v["brackets"].clone(), v["options"].clone(), v["counts_as_of"].clone());
    assert_eq!(counts(&versions[0]), (json!(4), json!(10), json!("superseded")), "{versions}");
    assert_eq!(counts(&versions[1]), (json!(3), json!(7), json!("current")), "{versions}");
    // A version's page says the same.
    let (_, page) = forum.raw(Request::get(format!("/processes/{id}?version=1")).body(Body::empty()).unwrap()).await;
    let page = String::from_utf8(page).unwrap();
    assert!(page.contains("<dt>Brackets when replaced</dt><dd>4</dd>"), "{page}");
    assert!(page.contains("<dt>Options when replaced</dt><dd>10</dd>") && !page.contains("Only the proposals of"));
    let (_, page) = forum.raw(Request::get(format!("/processes/{id}?version=2")).body(Body::empty()).unwrap()).await;
    assert!(String::from_utf8(page).unwrap().contains("<dt>Brackets now</dt><dd>3</dd>"));
    snapshot("rolling-text.json", &(serde_json::to_string_pretty(&rolling).unwrap() + "\n"));
    snapshot("rolling-text.html", &instrument_html(&forum, &format!("/processes/{id}")).await);
    // One member's view, and the clean text.
    let (_, kenya) = forum.get(&format!("/api/v1/processes/{id}/rolling-text?member=KEN")).await;
    assert_eq!(kenya["brackets"], 3, "P-2, P-3 (co-sponsored) and the new article: {kenya}");
    let (_, clean) = forum.get(&format!("/api/v1/processes/{id}/rolling-text?view=clean")).await;
    assert_eq!(clean["brackets"], 0);
    assert_eq!(
        clean["provisions"][3]["spans"][0]["agreed"],
        "States shall cooperate in good faith and shall exchange information."
    );
}

#[tokio::test]
async fn versions_redlines_provenance_and_refusals() {
    let forum = TestForum::new();
    let t = forum.tokens().await;
    // Only the secretariat opens a process; a malformed draft says where.
    let (s, body) = forum.post("/api/v1/processes", &t["chair"], json!({"title": "X", "markdown": DRAFT})).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{body}");
    let bad = forum
        .post("/api/v1/processes", &t["sec"], json!({"title": "X", "markdown": "# T\n\n### Article 1\n\n2. x\n"}))
        .await;
    assert_error(&bad, StatusCode::BAD_REQUEST, "malformed_draft");
    assert!(bad.1["message"].as_str().unwrap().starts_with("line 5: paragraph 2 should be paragraph 1"), "{}", bad.1);
    let before = forum.record_len();
    let id = open(&forum, &t["sec"]).await;
    assert_eq!(forum.record_len(), before + 1);
    // The draft is served beside the log, by its hash.
    let (_, process) = forum.get(&format!("/api/v1/processes/{id}")).await;
    let (s, draft) = forum
        .raw(
            Request::get(format!("/log/blob/{}", process["draft_sha256"].as_str().unwrap()))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!((s, draft.as_slice()), (StatusCode::OK, DRAFT.as_bytes()));

    let len = forum.record_len();
    let refusals: Vec<(&str, Value, StatusCode, &str)> = vec![
        (
            "icrc",
            json!({"kind": "delete_words", "eid": P1, "anchor": {"quote": "in good faith"}}),
            StatusCode::FORBIDDEN,
            "observer",
        ),
        (
            "bra_adv",
            json!({"kind": "delete_words", "eid": P1, "anchor": {"quote": "in good faith"}}),
            StatusCode::FORBIDDEN,
            "adviser",
        ),
        (
            "chair",
            json!({"kind": "delete_words", "eid": P1, "anchor": {"quote": "in good faith"}}),
            StatusCode::FORBIDDEN,
            "delegation_only",
        ),
        (
            "bra_head",
            json!({"kind": "delete_words", "eid": P1, "anchor": {"quote": "shall"}}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "anchor_ambiguous",
        ),
        (
            "bra_head",
            json!({"kind": "delete_words", "eid": P1, "anchor": {"quote": "must"}}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "anchor_not_found",
        ),
        (
            "bra_head",
            json!({"kind": "delete_words", "eid": "art_99", "anchor": {"quote": "x"}}),
            StatusCode::NOT_FOUND,
            "unknown_eid",
        ),
        (
            "bra_head",
            json!({"kind": "delete_words", "eid": P1, "version": 7, "anchor": {"quote": "x"}}),
            StatusCode::NOT_FOUND,
            "unknown_version",
        ),
        (
            "bra_head",
            json!({"kind": "replace_words", "eid": P1, "anchor": {"quote": "States"}}),
            StatusCode::BAD_REQUEST,
            "missing_field",
        ),
        ("bra_head", json!({"kind": "rewrite", "eid": P1}), StatusCode::BAD_REQUEST, "malformed_request"),
        // A selection names its words by where they start (characters).
        (
            "bra_head",
            json!({"kind": "delete_words", "eid": P1, "anchor": {"quote": "in", "at": 56}}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "anchor_inside_word",
        ),
        (
            "bra_head",
            json!({"kind": "delete_words", "eid": P1, "anchor": {"quote": "shall", "at": 40}}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "anchor_not_found",
        ),
        (
            "bra_head",
            json!({"kind": "delete_words", "eid": P1, "anchor": {"quote": "shall", "at": 41, "occurrence": 1}}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "anchor_mismatch",
        ),
        (
            "bra_head",
            json!({"kind": "replace_words", "eid": P1, "anchor": {"quote": "States"}, "text": "x".repeat(10_001)}),
            StatusCode::BAD_REQUEST,
            "text_too_long",
        ),
    ];
    for (who, body, status, code) in refusals {
        let answer = propose(&forum, &t[who], id, body).await;
        assert_error(&answer, status, code);
    }
    let (s, _) = forum
        .post("/api/v1/processes/9/proposals", &t["bra_head"], json!({"kind": "delete_provision", "eid": P1}))
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert_eq!(forum.record_len(), len, "refusals changed nothing");
    // The anchor's refusal shows the text it looked in.
    let (_, e) =
        propose(&forum, &t["bra_head"], id, json!({"kind": "delete_words", "eid": P1, "anchor": {"quote": "must"}}))
            .await;
    assert!(e["message"].as_str().unwrap().contains("States shall cooperate in good faith"), "{e}");

    // Markup is text; other scripts are words like any others.
    let (s, body) = propose(&forum, &t["bra_head"], id, json!({"kind": "replace_words", "eid": P1, "anchor": {"quote": "in good faith"}, "text": "<script>alert(1)</script> بحسن نية 真诚"})).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let (_, html) = forum.raw(Request::get(format!("/processes/{id}")).body(Body::empty()).unwrap()).await;
    let html = String::from_utf8(html).unwrap();
    assert!(!html.contains("<script>alert(1)"), "markup is never run");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; بحسن نية 真诚"));
    let (s, _) = forum.post(&format!("/api/v1/processes/{id}/proposals/1/agree"), &t["bra_head"], json!({})).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "only the chair agrees");
    let (s, _) = forum.post(&format!("/api/v1/processes/{id}/proposals/1/agree"), &t["chair"], json!({})).await;
    assert_eq!(s, StatusCode::CREATED);
    let (s, again) = forum.post(&format!("/api/v1/processes/{id}/proposals/1/agree"), &t["chair"], json!({})).await;
    assert_eq!((s, again["error"].as_str()), (StatusCode::CONFLICT, Some("proposal_closed")));
    let (s, rev) =
        forum.post(&format!("/api/v1/processes/{id}/revisions"), &t["chair"], json!({"name": "Rev.1"})).await;
    assert_eq!(s, StatusCode::CREATED, "{rev}");
    assert_eq!(rev["version"]["name"], "Rev.1");

    // Versions, texts and the redline.
    let (_, versions) = forum.get(&format!("/api/v1/processes/{id}/versions")).await;
    assert_eq!(versions.as_array().unwrap().len(), 2);
    assert_eq!(versions[1]["cause"], "P-1 agreed");
    let (_, zero) = forum.get(&format!("/api/v1/processes/{id}/text?version=zero")).await;
    assert_eq!(zero["provisions"][3]["text"], "States shall cooperate in good faith and shall exchange information.");
    let (_, rev1) = forum.get(&format!("/api/v1/processes/{id}/text?version=Rev.1")).await;
    let new_text = "States shall cooperate <script>alert(1)</script> بحسن نية 真诚 and shall exchange information.";
    assert_eq!(rev1["provisions"][3]["text"], new_text);
    let (_, diff) = forum.get(&format!("/api/v1/processes/{id}/diff?from=1&to=Rev.1&changed_only=true")).await;
    assert_eq!(diff["changed"], 1);
    let segments = diff["provisions"][0]["text"].as_array().unwrap();
    let side = |keep: &str| -> String {
        segments
            .iter()
            .filter(|s| s["change"] == "equal" || s["change"] == keep)
            .map(|s| s["text"].as_str().unwrap())
            .collect()
    };
    assert_eq!(side("delete"), "States shall cooperate in good faith and shall exchange information.");
    assert_eq!(side("insert"), new_text);
    // Provenance: who wrote which words.
    let (_, p) = forum.get(&format!("/api/v1/processes/{id}/provisions/{P1}")).await;
    let prov = p["provenance"].as_array().unwrap();
    assert_eq!(prov.len(), 3, "{p}");
    assert_eq!(prov[1]["source"], "proposal");
    assert_eq!(prov[1]["member"], "BRA");
    assert_eq!(prov[0]["source"], "zero_draft");
    assert_eq!(p["history"].as_array().unwrap().len(), 2);
    let (s, md) =
        forum.raw(Request::get(format!("/api/v1/processes/{id}/text.md?version=1")).body(Body::empty()).unwrap()).await;
    assert_eq!((s, String::from_utf8(md).unwrap().starts_with("# Framework on Testing")), (StatusCode::OK, true));

    // A selection of the second whole "shall" (character 65, after Arabic
    // and Chinese words) is its
    // occurrence 2, whatever the page counted.
    let (s, body) = propose(
        &forum,
        &t["ken_head"],
        id,
        json!({"kind": "replace_words", "eid": P1, "anchor": {"quote": "shall", "at": 65}, "text": "will"}),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let pid = body["proposal"]["id"].as_u64().unwrap();
    let (_, p) = forum.get(&format!("/api/v1/processes/{id}/proposals/{pid}")).await;
    assert_eq!(p["anchor"], json!({"quote": "shall", "occurrence": 2}), "{p}");

    // Oversized drafts get 413.
    let huge = format!("{DRAFT}\n{}", "x".repeat(3 * 1024 * 1024));
    let req = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/processes")
        .header(header::AUTHORIZATION, format!("Bearer {}", t["sec"]))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(json!({"title": "X", "markdown": huge}).to_string()))
        .unwrap();
    assert_eq!(forum.raw(req).await.0, StatusCode::PAYLOAD_TOO_LARGE);

    // Replay of the file gives the same negotiation.
    let live = forum.store.state().clone();
    let database = forum.database.clone();
    let replayed = tokio::task::spawn_blocking(move || Store::replay_database(&database).unwrap()).await.unwrap();
    assert_eq!(replayed, live);
}

#[test]
fn accord_import_opens_a_process_from_markdown() {
    let dir = tempfile::tempdir().unwrap();
    init_forum_cli(dir.path());
    let file = dir.path().join("draft.md");
    std::fs::write(&file, DRAFT).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_accord")).args(args).env("ACCORD_LOG", "warn").output().unwrap()
    };
    let data = dir.path().to_str().unwrap();
    let out = run(&["import", "--data-dir", data, "--title", "Framework on Testing", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("Process 1 opened") && said.contains("3 articles"), "{said}");
    std::fs::write(&file, "# T\n\n## Chapter 1 — X\n").unwrap();
    let out = run(&["import", "--data-dir", data, "--title", "Bad", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 3: chapters are numbered in Roman numerals"), "{err}");
}

/// A delegation signs its proposal on its own machine: the payload holds
/// nothing the server assigns, so the record keeps exactly what was signed.
#[tokio::test]
async fn a_member_signs_its_proposal() {
    use accord_domain::{Actor, DelegateId, MemberCode};
    let forum = TestForum::new();
    let t = forum.tokens().await;
    let id = open(&forum, &t["sec"]).await;
    let (secret, public) = accord_client::sign::new_key();
    let (s, _) =
        forum.post("/api/v1/members/BRA/keys", &t["bra_head"], json!({"public_key": public, "label": "laptop"})).await;
    assert_eq!(s, StatusCode::CREATED);
    let actor = Actor::Delegate { delegate: DelegateId(3), member: MemberCode::parse("BRA").unwrap() };
    let payload = json!({"process": id, "kind": "delete_words", "eid": P1, "version": 1, "anchor": {"quote": "in good faith"}, "justification": "Redundant."});
    let signed =
        accord_client::sign::sign_action(&secret, "accord.test/forum", &actor, "proposal.tabled", payload).unwrap();
    let (s, body) = forum.post("/api/v1/actions", &t["bra_head"], signed.clone()).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let (_, p) = forum.get(&format!("/api/v1/processes/{id}/proposals/1")).await;
    assert_eq!((p["proposer"].as_str(), p["kind"].as_str()), (Some("BRA"), Some("delete_words")));
    let (_, entry) = forum.get(&format!("/api/v1/record/{}", body["entry"]["index"])).await;
    assert!(entry["canonical"].as_str().unwrap().contains("\"signature\""));
    // The same signed action again is a replay.
    let again = forum.post("/api/v1/actions", &t["bra_head"], signed).await;
    assert_error(&again, StatusCode::CONFLICT, "replayed_action");
}
