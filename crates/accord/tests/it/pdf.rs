//! PDF documents, read back as a reader would with poppler-utils
//! (`pdftotext`, `pdffonts`, `pdfinfo`): a version in each of the six
//! official languages (Arabic right to left, Chinese), the rolling text,
//! hostile titles, the fonts missing, and `accord export --format pdf`.
//! The fonts are Debian's Noto packages, which `test.sh` installs.

use std::io::Write;
use std::process::Command;

use axum::http::StatusCode;
use serde_json::json;

use crate::documents::{accord, forum_with_symbol, record_offline, set_symbol, SYMBOL};
use crate::helpers::*;

/// Status, content type and body of a GET.
async fn download(forum: &TestForum, path: &str) -> (StatusCode, String, Vec<u8>) {
    use http_body_util::BodyExt;
    let res = forum.response(axum::http::Request::get(path).body(axum::body::Body::empty()).unwrap()).await;
    let status = res.status();
    let media =
        res.headers().get(axum::http::header::CONTENT_TYPE).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    (status, media, res.into_body().collect().await.unwrap().to_bytes().to_vec())
}

fn poppler(tool: &str, pdf: &[u8]) -> String {
    let mut file = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
    file.write_all(pdf).unwrap();
    let mut cmd = Command::new(tool);
    if tool == "pdftotext" {
        cmd.args(["-enc", "UTF-8"]).arg(file.path()).arg("-");
    } else {
        cmd.arg(file.path());
    }
    let out = cmd.output().unwrap_or_else(|e| panic!("{tool}: {e}: install poppler-utils (test.sh does)"));
    assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// What a reader checks of any PDF Accord writes: A4 pages, numbered
/// `n/N` to the count `pdfinfo` gives, every font embedded. Answers the
/// text.
pub fn check_pdf(pdf: &[u8]) -> String {
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    let info = poppler("pdfinfo", pdf);
    let pages: usize =
        info.lines().find_map(|l| l.strip_prefix("Pages:")).expect("pages").trim().parse().expect("a number");
    let size = info.lines().find_map(|l| l.strip_prefix("Page size:")).expect("page size");
    assert!(size.contains("595.276 x 841.89"), "not A4: {size}");
    let fonts = poppler("pdffonts", pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts: {fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type encoding emb sub uni object ID
        assert_eq!(cols[cols.len() - 5], "yes", "a font not embedded: {row}");
    }
    // pdftotext marks the direction of right-to-left runs with Unicode's
    // embedding controls (RLE, LRE, PDF); the words between them are in
    // logical order, which is what is checked.
    let text: String = poppler("pdftotext", pdf)
        .chars()
        .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}'))
        .collect();
    for n in 1..=pages {
        assert!(text.contains(&format!("{n}/{pages}")), "no page number {n}/{pages} in {text}");
    }
    assert!(!text.contains(&format!("{}/{pages}", pages + 1)), "{text}");
    text
}

/// `text` holds `words` in this order.
fn assert_in_order(text: &str, words: &[&str]) {
    let mut at = 0;
    for w in words {
        let found = text[at..].find(w).unwrap_or_else(|| panic!("{w:?} not found after byte {at} of {text}"));
        at += found + w.len();
    }
}

async fn open_with_symbol(forum: &TestForum, token: &str, markdown: &str, symbol: &str) -> u64 {
    let (s, b) = forum.post("/api/v1/processes", token, json!({"title": "A text", "markdown": markdown})).await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    let id = b["id"].as_u64().unwrap();
    let (s, b) = forum
        .call(
            axum::http::Method::PUT,
            &format!("/api/v1/processes/{id}/symbol"),
            Some(token),
            Some(json!({"symbol": symbol})),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{b}");
    id
}

#[tokio::test]
async fn a_version_prints_in_each_official_language_under_its_masthead() {
    let (forum, _) = forum_with_symbol().await;
    // The masthead's words each language prints, in reading order.
    for (lang, words) in [
        ("en", ["Distr.: Limited", "Original: English", "Framework on Testing", "Article 1"]),
        ("fr", ["Distr. limitée", "Original : anglais", "Framework on Testing", "Article 1"]),
        ("es", ["Distr. limitada", "Original: inglés", "Framework on Testing", "Artículo 1"]),
        ("ru", ["Distr.: Limited", "Язык оригинала: английский", "Framework on Testing", "Статья 1"]),
        ("zh", ["Distr.: Limited", "原文：英文", "Framework on Testing", "第1条"]),
        // A page mostly in English is read left to right by pdftotext:
        // each Arabic word comes back whole, in logical order.
        ("ar", ["Distr.: Limited", "الأصل", "Framework on Testing", "المادة"]),
    ] {
        let (s, media, pdf) =
            download(&forum, &format!("/api/v1/processes/1/versions/Rev.1/document?format=pdf&language={lang}")).await;
        assert_eq!(s, StatusCode::OK, "{lang}: {}", String::from_utf8_lossy(&pdf));
        assert_eq!(media, "application/pdf");
        let text = check_pdf(&pdf);
        assert_in_order(&text, &[&format!("{SYMBOL}/Rev.1")]);
        assert_in_order(&text, &words);
        assert!(text.contains("States shall cooperate"), "{lang}: {text}");
    }
    // The text's own language by default.
    let (s, _, pdf) = download(&forum, "/api/v1/processes/1/versions/Rev.1/document?format=pdf").await;
    assert_eq!(s, StatusCode::OK);
    assert!(check_pdf(&pdf).contains("Original: English"));
    let bad = forum.get("/api/v1/processes/1/versions/Rev.1/document?format=pdf&language=de").await;
    assert_error(&bad, StatusCode::BAD_REQUEST, "invalid_pdf_language");
    let bad = forum.get("/api/v1/processes/1/versions/Rev.1/document?format=ps").await;
    assert_error(&bad, StatusCode::BAD_REQUEST, "invalid_format");
}

#[tokio::test]
async fn arabic_reads_back_in_logical_order_and_chinese_breaks_its_lines() {
    let forum = TestForum::new();
    let t = forum.tokens().await;
    let arabic = "تتعاون الدول بحسن نية وتتبادل المعلومات";
    let draft = format!(
        "# إطار بشأن السلوك المسؤول للدول\n\n### Article 1 — الغرض\n\n1. {arabic}.\n\n2. {}.\n",
        "تحمي الدول البنية التحتية الحيوية ".repeat(40).trim_end()
    );
    let id = open_with_symbol(&forum, &t["sec"], &draft, "A/AC.292/2026/L.7").await;
    let (s, _, pdf) =
        download(&forum, &format!("/api/v1/processes/{id}/versions/1/document?format=pdf&language=ar")).await;
    assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&pdf));
    let text = check_pdf(&pdf);
    assert_in_order(&text, &["الأصل", "بالإنكليزية", "إطار بشأن السلوك المسؤول للدول", "المادة 1", arabic]);

    let chinese = "各国应本着诚意开展合作并交换信息";
    let draft = format!(
        "# 关于国家负责任行为的框架\n\n### Article 1 — 目的\n\n1. {chinese}。\n\n2. {}。\n",
        "各国应酌情保护关键基础设施，".repeat(30)
    );
    let id = open_with_symbol(&forum, &t["sec"], &draft, "A/AC.292/2026/L.8").await;
    let (s, _, pdf) =
        download(&forum, &format!("/api/v1/processes/{id}/versions/1/document?format=pdf&language=zh")).await;
    assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&pdf));
    let text = check_pdf(&pdf);
    assert_in_order(&text, &["原文：英文", "关于国家负责任行为的框架", "第1条", chinese]);
    // The long paragraph, one run of Chinese without spaces, is broken
    // into lines between characters.
    let lines: Vec<&str> = text.lines().filter(|l| l.contains("关键基础设施")).collect();
    assert!(lines.len() >= 3, "the paragraph was not broken into lines: {text}");
}

#[tokio::test]
async fn typst_syntax_in_a_title_or_provision_prints_as_written() {
    let forum = TestForum::new();
    let t = forum.tokens().await;
    let hostile = [
        r##"#import "@preview/cetz:0.3.0": *"##,
        r"*bold* _em_ $x^2$ [a] \ #{1 + 1} back\slash",
        r##"#read("/etc/passwd") #panic("ran") <label> @ref"##,
    ];
    for (k, h) in hostile.iter().enumerate() {
        let draft = format!("# Title {h}\n\n### Article 1 — {h}\n\n1. Words {h} end.\n");
        let id = open_with_symbol(&forum, &t["sec"], &draft, &format!("A/AC.292/2026/L.{}", 20 + k)).await;
        let (s, _, pdf) = download(&forum, &format!("/api/v1/processes/{id}/versions/1/document?format=pdf")).await;
        assert_eq!(s, StatusCode::OK, "{h}: {}", String::from_utf8_lossy(&pdf));
        let text = check_pdf(&pdf);
        assert_in_order(&text, &[&format!("Title {h}"), h, &format!("Words {h} end.")]);
    }
}

#[tokio::test]
async fn the_rolling_text_prints_its_brackets_with_the_members_behind_each_option() {
    let (forum, t) = forum_with_symbol().await;
    let (s, p) = forum
        .post(
            "/api/v1/processes/1/proposals",
            &t["bra_head"],
            json!({"kind": "replace_words", "eid": "chp_2__art_3__para_1", "anchor": {"quote": "review"}, "text": "evaluate"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{p}");
    let (s, _, pdf) =
        download(&forum, "/api/v1/processes/1/rolling-text/document?format=pdf&members=inline&line_numbers=true").await;
    assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&pdf));
    let text = check_pdf(&pdf);
    assert_in_order(
        &text,
        &[SYMBOL, "rolling text on Rev.1", "Brackets: 1; options: 2", "The Conference shall [review"],
    );
    assert_in_order(&text, &["[review", "(Original text)", "/ evaluate", "BRA", "]"]);
    // Footnotes, in French.
    let (s, _, pdf) = download(&forum, "/api/v1/processes/1/rolling-text/document?format=pdf&language=fr").await;
    assert_eq!(s, StatusCode::OK);
    let text = check_pdf(&pdf);
    assert_in_order(&text, &["Distr. limitée", "Crochets : 1 ; options : 2", "Texte original", "Brazil (BRA)"]);
}

#[tokio::test]
async fn without_the_fonts_a_pdf_is_refused_naming_the_package() {
    let empty = tempfile::tempdir().unwrap();
    let forum = TestForum::with_config(accord_server::Config {
        font_dirs: vec![empty.path().to_path_buf()],
        ..Default::default()
    });
    let t = forum.tokens().await;
    let id = open_with_symbol(&forum, &t["sec"], crate::negotiation::DRAFT, SYMBOL).await;
    for lang in ["en", "zh", "ar"] {
        let r = forum.get(&format!("/api/v1/processes/{id}/versions/1/document?format=pdf&language={lang}")).await;
        assert_error(&r, StatusCode::SERVICE_UNAVAILABLE, "fonts_missing");
        assert!(r.1["message"].as_str().unwrap().contains("fonts-noto-"), "{}", r.1);
    }
    let r = forum.get(&format!("/api/v1/processes/{id}/rolling-text/document?format=pdf")).await;
    assert_error(&r, StatusCode::SERVICE_UNAVAILABLE, "fonts_missing");
    // The other formats do not need fonts.
    let (s, _, _) = download(&forum, &format!("/api/v1/processes/{id}/versions/1/document?format=docx")).await;
    assert_eq!(s, StatusCode::OK);
}

#[test]
fn accord_export_writes_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    init_forum_cli(dir.path());
    let data = dir.path().to_str().unwrap();
    let file = dir.path().join("draft.md");
    std::fs::write(&file, crate::negotiation::DRAFT).unwrap();
    assert!(accord(&["import", "--data-dir", data, "--title", "Framework", file.to_str().unwrap()]).status.success());
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("out.pdf");
    let export = |extra: &[&str]| {
        let mut args = vec!["export", "--data-dir", data, "--process", "1", "--format", "pdf", "--out"];
        args.push(out.to_str().unwrap());
        args.extend_from_slice(extra);
        accord(&args)
    };
    let refused = export(&[]);
    assert!(!refused.status.success(), "no symbol, no document");
    assert!(String::from_utf8_lossy(&refused.stderr).contains("symbol"));
    // The console sets a symbol (as the secretariat would).
    record_offline(dir.path(), [set_symbol(SYMBOL)]);
    for extra in [&["--language", "ru"][..], &["--document", "rolling-text", "--line-numbers"][..]] {
        let done = export(extra);
        assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
        let text = check_pdf(&std::fs::read(&out).unwrap());
        assert_in_order(&text, &[SYMBOL, "Framework on Testing"]);
    }
    assert!(check_pdf(&std::fs::read(&out).unwrap()).contains("Article 1"));
    let empty = tempfile::tempdir().unwrap();
    // A directory of the operator's is looked in first, then the system's.
    let done = export(&["--fonts", empty.path().to_str().unwrap(), "--language", "zh"]);
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    assert!(check_pdf(&std::fs::read(&out).unwrap()).contains("原文：英文"));
    let refused = export(&["--language", "de"]);
    assert!(!refused.status.success());
}
