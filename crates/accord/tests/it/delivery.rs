//! Delivery on a poor connection: compressed text, assets cached for a
//! year under the name of their content, and the weight of a first visit.

use std::io::{BufRead, Read, Write};

use serde_json::{json, Value};

use crate::browser::demo_forum;
use crate::helpers::*;

/// An answer as it crossed the wire: its status line and headers (lower
/// case names) and how many bytes came, head and body.
struct Wire {
    head: String,
    bytes: usize,
    body: Vec<u8>,
}

impl Wire {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.trim().eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

/// `GET path` over a fresh connection, as a browser that takes brotli and
/// gzip asks for it.
fn fetch(base: &str, path: &str) -> Wire {
    let address = base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nAccept-Encoding: gzip, deflate, br\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut all = Vec::new();
    stream.read_to_end(&mut all).unwrap();
    let end = all.windows(4).position(|w| w == b"\r\n\r\n").expect("a whole head") + 4;
    let head = String::from_utf8(all[..end].to_vec()).unwrap();
    assert!(head.starts_with("HTTP/1.1 200"), "GET {path}: {head}");
    Wire { bytes: all.len(), body: all[end..].to_vec(), head }
}

/// The assets a page links: style sheet, scripts and icon.
fn linked_assets(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attribute in ["href=\"/assets/", "src=\"/assets/"] {
        let mut rest = html;
        while let Some(at) = rest.find(attribute) {
            let from = at + attribute.len() - "/assets/".len();
            let end = rest[from..].find('"').unwrap() + from;
            found.push(rest[from..end].to_owned());
            rest = &rest[end..];
        }
    }
    found
}

/// What a first visit to `path` transfers: the page, then every asset it
/// links, each compressed as the browser allows. Answers (page, assets).
fn first_visit(base: &str, path: &str) -> (usize, usize) {
    let page = fetch(base, path);
    assert_eq!(page.header("content-encoding"), Some("br"), "{path} is compressed: {}", page.head);
    let html = decompress_brotli(&page);
    let assets = linked_assets(&html);
    assert_eq!(assets.len(), 4, "{path} links the style sheet, two scripts and the icon: {assets:?}");
    let mut assets_bytes = 0;
    for asset in &assets {
        let answer = fetch(base, asset);
        assert_eq!(
            answer.header("cache-control"),
            Some("public, max-age=31536000, immutable"),
            "{asset} is linked under the name of its content: {}",
            answer.head
        );
        // The icon is too small to gain from it.
        if answer.body.len() > 256 {
            assert_eq!(answer.header("content-encoding"), Some("br"), "{asset}: {}", answer.head);
        }
        assets_bytes += answer.bytes;
    }
    (page.bytes, assets_bytes)
}

/// A chunked body of brotli, read back to the page's text.
fn decompress_brotli(answer: &Wire) -> String {
    let mut body = Vec::new();
    if answer.header("transfer-encoding") == Some("chunked") {
        let mut rest = &answer.body[..];
        loop {
            let line_end = rest.windows(2).position(|w| w == b"\r\n").unwrap();
            let size = usize::from_str_radix(std::str::from_utf8(&rest[..line_end]).unwrap().trim(), 16).unwrap();
            if size == 0 {
                break;
            }
            body.extend_from_slice(&rest[line_end + 2..line_end + 2 + size]);
            rest = &rest[line_end + 2 + size + 2..];
        }
    } else {
        body = answer.body.clone();
    }
    let mut text = String::new();
    brotli::Decompressor::new(&body[..], 4096).read_to_string(&mut text).expect("valid brotli");
    text
}

/// The first page of a visit, with its style sheet, scripts and icon,
/// weighs under 100 KB on the wire; so does the demonstration's rolling
/// text, the longest page a delegate opens first. The figures are printed
/// (BENCHMARKS.md keeps them).
#[test]
fn a_first_visit_weighs_under_100_kb() {
    let (dir, _) = demo_forum();
    let server = Server::start(dir.path());
    for (what, path) in [("home page", "/"), ("rolling text of the demonstration", "/processes/1")] {
        let (page, assets) = first_visit(&server.base, path);
        let total = page + assets;
        println!("first visit, {what} ({path}): page {page} B + assets {assets} B = {total} B transferred");
        assert!(total < 100_000, "{what}: {total} bytes");
    }
    // The same page without compression, for the record of what it saves.
    let mut plain = std::net::TcpStream::connect(server.base.trim_start_matches("http://")).unwrap();
    write!(plain, "GET /processes/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
    let mut all = Vec::new();
    plain.read_to_end(&mut all).unwrap();
    println!("the rolling text uncompressed: {} B", all.len());

    // A Word document is a zip file already: it goes as it is.
    let docx = fetch(&server.base, "/api/v1/processes/1/rolling-text/document?format=docx&members=footnote");
    assert!(docx.header("content-type").unwrap().starts_with("application/vnd.openxmlformats"), "{}", docx.head);
    assert_eq!(docx.header("content-encoding"), None, "a Word document is not compressed again: {}", docx.head);
    assert!(docx.body.windows(4).any(|w| w == b"PK\x03\x04"), "the zip file itself");
}

/// Assets answer at their content's address (immutable, for a year) and
/// still at their plain one (an hour); an unknown name is not found.
#[tokio::test]
async fn assets_have_an_address_for_their_content() {
    use axum::body::Body;
    use axum::http::{header, Request, StatusCode};
    let forum = TestForum::new();
    let (_, page) = forum.get_html("/login").await;
    for name in ["accord.css", "accord.js", "signing.js", "favicon.svg"] {
        let hashed = accord_server::http::assets::href(name);
        assert!(hashed.len() == "/assets/".len() + name.len() + 11 && hashed != format!("/assets/{name}"), "{hashed}");
        assert!(page.contains(&format!("\"{hashed}\"")), "the frame links {hashed}");
        let res = forum.response(Request::get(&hashed).body(Body::empty()).unwrap()).await;
        assert_eq!(res.status(), StatusCode::OK, "{hashed}");
        assert_eq!(res.headers()[header::CACHE_CONTROL], "public, max-age=31536000, immutable");
        let res = forum.response(Request::get(format!("/assets/{name}")).body(Body::empty()).unwrap()).await;
        assert_eq!(res.status(), StatusCode::OK, "{name}");
        assert_eq!(res.headers()[header::CACHE_CONTROL], "public, max-age=3600");
    }
    let res = forum.response(Request::get("/assets/accord.0123456789.css").body(Body::empty()).unwrap()).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

/// The event stream is never compressed: a browser asking for brotli still
/// gets each event as it happens.
#[test]
fn the_event_stream_is_not_compressed_and_keeps_streaming() {
    let dir = tempfile::tempdir().unwrap();
    init_forum_cli(dir.path());
    let server = Server::start(dir.path());
    let address = server.base.trim_start_matches("http://").to_owned();
    let mut stream = std::net::TcpStream::connect(&address).unwrap();
    // Only so that a stream that never delivers fails instead of hanging.
    stream.set_read_timeout(Some(std::time::Duration::from_secs(60))).unwrap();
    write!(stream, "GET /api/v1/events HTTP/1.1\r\nHost: {address}\r\nAccept-Encoding: gzip, br\r\n\r\n").unwrap();
    let mut reader = std::io::BufReader::new(stream);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if line == "\r\n" {
            break;
        }
        head.push_str(&line.to_ascii_lowercase());
    }
    assert!(head.contains("content-type: text/event-stream"), "{head}");
    assert!(!head.contains("content-encoding"), "the event stream is not compressed: {head}");

    // A new session is recorded while the stream is open.
    let base = server.base.clone();
    let agent = agent();
    let mut login = agent
        .post(format!("{base}/api/v1/auth/token"))
        .send_json(json!({"email": email("sec"), "password": PASSWORD}))
        .unwrap();
    let token = login.body_mut().read_json::<Value>().unwrap()["token"].as_str().unwrap().to_owned();
    let opened = ureq::http::Request::post(format!("{base}/api/v1/sessions"))
        .header("Authorization", format!("Bearer {token}"))
        .header("Content-Type", "application/json")
        .body(json!({"title": "Live session"}).to_string())
        .unwrap();
    assert_eq!(agent.run(opened).unwrap().status(), 201);
    // The event arrives while the stream stays open (the read returns
    // with the event, not at the end of the stream).
    let mut line = String::new();
    while reader.read_line(&mut line).unwrap() > 0 {
        if line.contains("session.opened") {
            return;
        }
        line.clear();
    }
    panic!("the stream ended without the event");
}
