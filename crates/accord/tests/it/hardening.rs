//! What a server facing strangers must hold to: redirects that stay on the
//! site, headers browsers enforce, bounded memory whatever clients send,
//! timeouts for slow clients, private files, and a refusal to serve a
//! record whose stored checkpoint does not verify.

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::json;

use crate::helpers::*;

const BASE: &str = "http://forum.test/login";

/// Where a browser on the log-in page goes with this `Location`: `None`
/// when it leaves the site or is not a valid header at all.
fn followed(location: &str) -> Option<url::Url> {
    if location.bytes().any(|b| b.is_ascii_control() || b >= 0x80) {
        return None;
    }
    let base = url::Url::parse(BASE).unwrap();
    let to = base.join(location).ok()?;
    (to.origin() == base.origin()).then_some(to)
}

/// `next` values an attacker puts in a link to the log-in page, as the
/// server reads them (after the query's or the form's decoding).
const HOSTILE: &[&str] = &[
    "//evil.example/x",
    "///evil.example/x",
    "/\\evil.example/x",
    "\\\\evil.example/x",
    "/\t/evil.example/x",
    "/\n/evil.example/x",
    "/\r/evil.example/x",
    "/\r\nSet-Cookie: a=b",
    "/\0/evil.example",
    "/\u{85}/evil.example",
    "/\u{202E}elpmaxe.live//",
    "/%09/evil.example/x",
    "/%0d%0aLocation:%20https://evil.example",
    "/%2F/evil.example/x",
    "/%5Cevil.example/x",
    "/%2509/evil.example/x",
    "/%ff%fe",
    "https://evil.example/x",
    "http:evil.example",
    "http:/evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    " //evil.example",
    "\t//evil.example",
    "",
    "/.//evil.example",
    "/./\\evil.example",
    "/..//evil.example",
];

fn form(fields: &[(&str, &str)]) -> String {
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in fields {
        out.append_pair(k, v);
    }
    out.finish()
}

fn unescape_html(s: &str) -> String {
    s.replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Every hostile `next` logs in and lands on this site: the log-in page
/// carries a local target, the log-in answers 303 to a local path with
/// the session cookie, and nothing answers 500.
#[tokio::test]
async fn hostile_next_values_never_leave_the_site() {
    let forum = TestForum::new();
    for next in HOSTILE.iter().copied().chain(["/processes?x=1", "/members/BRA", "/record/3#top", "/ünï code"]) {
        // The link to the log-in page.
        let query = form(&[("next", next)]);
        let (status, html) = forum.get_html(&format!("/login?{query}")).await;
        assert_eq!(status, StatusCode::OK, "GET /login?{query}");
        let carried = html.split("name=\"next\" value=\"").nth(1).and_then(|r| r.split('"').next()).unwrap();
        let carried = unescape_html(carried);
        assert!(followed(&carried).is_some(), "the log-in page for {next:?} carries {carried:?}");

        // The log-in itself, with the value as the form would send it.
        let body = form(&[("email", &email("bra_del")), ("password", PASSWORD), ("next", next)]);
        let res = forum
            .response(
                Request::post("/login")
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(Body::from(body))
                    .unwrap(),
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "log-in with next={next:?}");
        let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
        let to = followed(&location).unwrap_or_else(|| panic!("next={next:?} sent the browser to {location:?}"));
        assert!(!to.path().starts_with("//"), "next={next:?} → {location:?}");
        assert!(res.headers().contains_key(header::SET_COOKIE), "a successful log-in starts a session");
    }
    // A local path is kept as it was given.
    for next in ["/processes?x=1", "/members/BRA", "/record/3#top"] {
        let body = form(&[("email", &email("bra_del")), ("password", PASSWORD), ("next", next)]);
        let res = forum
            .response(
                Request::post("/login")
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(Body::from(body))
                    .unwrap(),
            )
            .await;
        assert_eq!(res.headers()[header::LOCATION], next);
    }
    // Non-ASCII is sent percent-encoded; a hostile value falls back to the home page.
    let login = |next: &'static str| {
        let body = form(&[("email", &email("bra_del")), ("password", PASSWORD), ("next", next)]);
        forum.response(
            Request::post("/login")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .unwrap(),
        )
    };
    assert_eq!(login("/ünï code").await.headers()[header::LOCATION], "/%C3%BCn%C3%AF%20code");
    assert_eq!(login("/\t/evil.example/x").await.headers()[header::LOCATION], "/");
}

/// A failed log-in with a hostile `next` answers the form again, without
/// a cookie; a query that is not UTF-8 still shows the log-in page.
#[tokio::test]
async fn failed_log_in_sets_no_cookie_whatever_next_holds() {
    let forum = TestForum::new();
    for next in ["/\r\n/evil", "/\0", "//evil.example"] {
        let body = form(&[("email", &email("bra_del")), ("password", "wrong password here"), ("next", next)]);
        let res = forum
            .response(
                Request::post("/login")
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(Body::from(body))
                    .unwrap(),
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        assert!(!res.headers().contains_key(header::SET_COOKIE));
    }
    let (status, _) = forum.get_html("/login?next=%ff%fe&notice=%c0").await;
    assert_eq!(status, StatusCode::OK);
}

/// Every kind of answer (page, API, error, asset, fallback, refused body)
/// carries the content security policy and the other headers.
#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let forum = TestForum::new();
    let token = forum.token("sec").await;
    let requests = vec![
        Request::get("/").body(Body::empty()).unwrap(),
        Request::get("/login").body(Body::empty()).unwrap(),
        Request::get("/account").body(Body::empty()).unwrap(),
        Request::get("/members/BRA").body(Body::empty()).unwrap(),
        Request::get("/no/such/page").body(Body::empty()).unwrap(),
        Request::get("/api/v1/members").body(Body::empty()).unwrap(),
        Request::get("/api/v1/nothing").body(Body::empty()).unwrap(),
        Request::get("/assets/accord.js").body(Body::empty()).unwrap(),
        Request::get("/metrics").body(Body::empty()).unwrap(),
        Request::get("/log/checkpoint").body(Body::empty()).unwrap(),
        Request::delete("/members").body(Body::empty()).unwrap(),
        Request::post("/api/v1/members")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(vec![b' '; accord_server::MAX_BODY + 10]))
            .unwrap(),
        Request::builder().method("BREW").uri("/").body(Body::empty()).unwrap(),
    ];
    for req in requests {
        let what = format!("{} {}", req.method(), req.uri());
        let res = forum.response(req).await;
        assert_ne!(res.status(), StatusCode::INTERNAL_SERVER_ERROR, "{what}");
        let h = res.headers();
        let csp = h.get(header::CONTENT_SECURITY_POLICY).and_then(|v| v.to_str().ok()).unwrap_or_default();
        assert_eq!(csp, accord_server::security::CONTENT_SECURITY_POLICY, "{what}");
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{what}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{what}");
        assert_eq!(h[header::REFERRER_POLICY], "same-origin", "{what}");
        assert_eq!(h[header::X_FRAME_OPTIONS], "DENY", "{what}");
    }
}

/// No page carries inline script, inline event handlers or inline style,
/// which the policy would block.
#[tokio::test]
async fn pages_hold_nothing_the_policy_blocks() {
    let forum = TestForum::new();
    for path in ["/", "/login", "/members", "/members/BRA", "/officers", "/record", "/processes", "/sessions"] {
        let (status, html) = forum.get_html(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        for script in html.split("<script").skip(1) {
            let tag = script.split('>').next().unwrap();
            assert!(tag.contains("src=\"/assets/"), "{path}: inline script <script{tag}>");
        }
        assert!(!html.contains(" style=\"") && !html.contains("<style"), "{path}: inline style");
        let lower = html.to_lowercase();
        for handler in [" onclick=", " onload=", " onsubmit=", " onchange=", " oninput=", " onerror="] {
            assert!(!lower.contains(handler), "{path}: inline handler {handler}");
        }
    }
}

/// The log-in, account and token answers are never cached; public pages
/// keep their own caching.
#[tokio::test]
async fn private_answers_are_not_cached() {
    let forum = TestForum::new();
    let cache = |res: &axum::http::Response<Body>| {
        res.headers().get(header::CACHE_CONTROL).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default()
    };
    for path in ["/login", "/account"] {
        let res = forum.response(Request::get(path).body(Body::empty()).unwrap()).await;
        assert_eq!(cache(&res), "no-store", "{path}");
    }
    let res = forum
        .response(
            Request::post("/api/v1/auth/token")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(json!({"email": email("sec"), "password": PASSWORD}).to_string()))
                .unwrap(),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(cache(&res), "no-store");
    // An answer that shows an initial password once, and the token list.
    let tokens = forum.tokens().await;
    let res = forum
        .response(
            Request::post("/api/v1/delegates/D4/password-reset")
                .header(header::AUTHORIZATION, format!("Bearer {}", tokens["sec"]))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    assert_eq!(cache(&res), "no-store", "a password reset");
    let res = forum
        .response(
            Request::get("/api/v1/me/tokens")
                .header(header::AUTHORIZATION, format!("Bearer {}", tokens["sec"]))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(cache(&res), "no-store", "the token list");
    let res = forum.response(Request::get("/assets/accord.css").body(Body::empty()).unwrap()).await;
    assert_eq!(cache(&res), "public, max-age=3600");
}

/// Made-up methods and paths add no series to `/metrics`: they share the
/// labels `other` and `unmatched`, so the page stays the same size.
#[tokio::test]
async fn metrics_stay_bounded_whatever_methods_and_paths_clients_send() {
    let forum = TestForum::new();
    let metrics = || async { forum.get_html("/metrics").await.1 };
    for i in 0..50 {
        let req = Request::builder().method(format!("M{i}").as_str()).uri("/").body(Body::empty()).unwrap();
        forum.response(req).await;
    }
    let before = metrics().await;
    for i in 0..2000 {
        let method = format!("X{}{}", "A".repeat(i % 100), i);
        let req = Request::builder().method(method.as_str()).uri(format!("/made/up/{i}")).body(Body::empty()).unwrap();
        assert_ne!(forum.response(req).await.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let req = Request::get(format!("/members/X{i}")).body(Body::empty()).unwrap();
        forum.response(req).await;
    }
    let after = metrics().await;
    assert!(!after.contains("X1") && !after.contains("/made/up"), "a raw method or path became a label");
    assert!(after.contains("method=\"other\",route=\"unmatched\""), "{after}");
    assert!(after.contains("route=\"/members/{code}\""), "{after}");
    let series = |text: &str| text.lines().filter(|l| l.starts_with("accord_http_requests_total{")).count();
    // Two new series at most: GET /members/{code} 404 and other/unmatched.
    assert!(series(&after) <= series(&before) + 3, "{} series before, {} after", series(&before), series(&after));
    assert!(after.len() < before.len() + 1024, "{} bytes before, {} after", before.len(), after.len());
}

/// Live event streams are capped: one more than the limit gets 503 with
/// `Retry-After`, and a stream that ends frees its place.
#[tokio::test]
async fn event_streams_are_capped() {
    let forum = TestForum::new();
    let key = accord_log::checkpoint::LogSigner::generate("accord.test/forum").unwrap();
    let signer = accord_log::checkpoint::LogSigner::from_key(&key).unwrap();
    let config = accord_server::Config { max_event_streams: 6, ..Default::default() };
    let (app, state) = accord_server::build(forum.store.clone(), config, signer);
    let mut browser = crate::pages::Browser::new(&forum);
    browser.log_in("ken_head", PASSWORD).await;
    let cookie = browser.cookie.clone().expect("a session");
    let open = |logged_in: bool| {
        use tower::ServiceExt;
        let mut req = Request::get("/api/v1/events");
        if logged_in {
            req = req.header(header::COOKIE, cookie.clone());
        }
        app.clone().oneshot(req.body(Body::empty()).unwrap())
    };
    let refused = |res: axum::http::Response<Body>, at_most: usize| async move {
        assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(res.headers()[header::RETRY_AFTER], "30");
        let body: serde_json::Value =
            serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap();
        assert_eq!(body["error"], "too_many_streams");
        assert!(body["message"].as_str().unwrap().contains(&format!("at most {at_most}")), "{body}");
    };
    // Readers who are not logged in take half of the streams at most.
    let mut streams = Vec::new();
    for _ in 0..3 {
        let res = open(false).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        streams.push(res);
    }
    for _ in 0..5 {
        refused(open(false).await.unwrap(), 3).await;
    }
    // A delegate's page still gets its live updates, up to the whole cap.
    for _ in 0..3 {
        let res = open(true).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        streams.push(res);
    }
    assert_eq!(state.live.open_streams(), 6);
    refused(open(true).await.unwrap(), 6).await;
    assert_eq!(state.live.open_streams(), 6);
    drop(streams.pop());
    assert_eq!(state.live.open_streams(), 5);
    assert_eq!(open(true).await.unwrap().status(), StatusCode::OK, "a place was freed (and is given back at once)");
    assert_eq!(state.live.open_streams(), 5);
}

/// Opening a process answers `entry` once, as the entry reference, and
/// the opening index as `opened_entry`.
#[tokio::test]
async fn opening_a_process_answers_each_key_once() {
    let forum = TestForum::new();
    let token = forum.token("sec").await;
    let (status, body) =
        forum.post("/api/v1/processes", &token, json!({"title": "T", "markdown": crate::negotiation::DRAFT})).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert!(body["entry"].is_object(), "{body}");
    assert_eq!(body["opened_entry"], body["entry"]["index"], "{body}");
    let (_, doc) = forum.get("/api/openapi.json").await;
    let schema = &doc["components"]["schemas"]["OpenedProcess"]["properties"];
    assert!(schema["opened_entry"].is_object(), "the document names opened_entry: {schema}");
}

/// A server on a real socket with short timeouts: a client that sends
/// half a request, or nothing, or stays idle after an answer, or sends a
/// body too slowly, loses its connection.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_and_idle_clients_are_disconnected() {
    let forum = TestForum::new();
    let key = accord_log::checkpoint::LogSigner::generate("accord.test/forum").unwrap();
    let signer = accord_log::checkpoint::LogSigner::from_key(&key).unwrap();
    let config = accord_server::Config {
        header_read_timeout: Duration::from_millis(700),
        body_read_timeout: Duration::from_millis(700),
        ..Default::default()
    };
    let (app, _state) = accord_server::build(forum.store.clone(), config.clone(), signer);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(accord_server::server::serve(listener, app, config.header_read_timeout, async {
        let _ = stopped.await;
    }));
    // Blocking sockets in a blocking task: each scenario reads until the
    // server closes, and answers how long that took.
    let report = tokio::task::spawn_blocking(move || {
        let closed_after = |send: &[u8]| {
            let started = Instant::now();
            let mut s = std::net::TcpStream::connect(addr).unwrap();
            s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
            s.write_all(send).unwrap();
            let mut answer = Vec::new();
            let _ = s.read_to_end(&mut answer);
            (started.elapsed(), String::from_utf8_lossy(&answer).into_owned())
        };
        let silent = closed_after(b"");
        let half = closed_after(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ");
        let idle = closed_after(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        let body = closed_after(
            b"POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{\"email\"",
        );
        (silent, half, idle, body)
    })
    .await
    .unwrap();
    let (silent, half, idle, body) = report;
    for (what, (took, _)) in [("silent", &silent), ("half a header", &half), ("idle", &idle), ("slow body", &body)] {
        assert!(*took < Duration::from_secs(5), "{what}: the connection was held {took:?}");
        assert!(*took >= Duration::from_millis(600), "{what}: closed after {took:?}, before the timeout");
    }
    assert!(idle.1.starts_with("HTTP/1.1 200") && idle.1.ends_with("ok"), "{:?}", idle.1);
    assert!(body.1.starts_with("HTTP/1.1 4"), "a body that never arrives is refused: {:?}", body.1);
    let _ = stop.send(());
    server.await.unwrap().unwrap();
}

/// A connection holding an unfinished request costs a bounded buffer (a
/// longer header block gets 431), and one address holds a bounded number of
/// connections: beyond it, a new one is closed before anything is read.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_and_their_buffers_are_bounded() {
    use accord_server::server::{MAX_CONNECTIONS_PER_ADDRESS, MAX_READ_BUFFER};
    let forum = TestForum::new();
    let key = accord_log::checkpoint::LogSigner::generate("accord.test/forum").unwrap();
    let signer = accord_log::checkpoint::LogSigner::from_key(&key).unwrap();
    let config = accord_server::Config::default();
    let (app, _state) = accord_server::build(forum.store.clone(), config.clone(), signer);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(accord_server::server::serve(listener, app, config.header_read_timeout, async {
        let _ = stopped.await;
    }));
    tokio::task::spawn_blocking(move || {
        let answer = |send: &[u8]| {
            let mut s = std::net::TcpStream::connect(addr).unwrap();
            s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
            let _ = s.write_all(send);
            let mut answer = Vec::new();
            let _ = s.read_to_end(&mut answer);
            String::from_utf8_lossy(&answer).into_owned()
        };
        let big = format!("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n", "a".repeat(MAX_READ_BUFFER));
        assert!(answer(big.as_bytes()).starts_with("HTTP/1.1 431"), "a header block over the buffer is refused");
        // Hold as many connections as one address may (each with half a header).
        let held: Vec<_> = (0..MAX_CONNECTIONS_PER_ADDRESS)
            .map(|_| {
                let mut s = std::net::TcpStream::connect(addr).unwrap();
                s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
                s
            })
            .collect();
        std::thread::sleep(Duration::from_millis(300));
        let started = Instant::now();
        let refused = answer(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        assert_eq!(refused, "", "one connection more is closed without an answer");
        assert!(started.elapsed() < Duration::from_secs(5));
        drop(held);
        std::thread::sleep(Duration::from_millis(300));
        assert!(answer(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").starts_with("HTTP/1.1 200"));
    })
    .await
    .unwrap();
    let _ = stop.send(());
    server.await.unwrap().unwrap();
}

fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The data directory is its owner's only: 0700, and 0600 for the
/// database, its write-ahead log, the log key and the lock, including a
/// directory made more open before.
#[test]
fn data_directory_and_database_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("data");
    init_forum_cli(&dir);
    assert_eq!(mode(&dir), 0o700);
    // On PostgreSQL the directory holds the database's URL instead of the record.
    let record: &[&str] =
        if on_postgres() { &["database"] } else { &["accord.sqlite3", "accord.sqlite3-wal", "accord.sqlite3-shm"] };
    for name in [record[0], "log-key", "accord.lock"] {
        assert_eq!(mode(&dir.join(name)), 0o600, "{name}");
    }
    // Opened wide by hand (or made by an older version): tightened at start.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    for name in [record[0], "log-key"] {
        std::fs::set_permissions(dir.join(name), std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let server = Server::start(&dir);
    let res = agent().get(format!("{}/healthz", server.base)).call().unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(mode(&dir), 0o700);
    for name in record.iter().copied().chain(["log-key", "accord.lock"]) {
        assert_eq!(mode(&dir.join(name)), 0o600, "{name} while serving");
    }
}

/// Starts a forum, lets it sign a checkpoint, and stops it.
fn forum_with_a_checkpoint() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    init_forum_cli(dir.path());
    let mut server = Server::start(dir.path());
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let res = agent().get(format!("{}/log/checkpoint", server.base)).call().unwrap();
        if res.status() == 200 {
            break;
        }
        assert!(Instant::now() < deadline, "no checkpoint was signed");
        std::thread::sleep(Duration::from_millis(100));
    }
    server.kill();
    dir
}

fn serve_fails(dir: &std::path::Path) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(dir)
        .env("ACCORD_LOG", "warn")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success(), "accord serve started: {}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// With another log key than the one that signed the record, `accord
/// serve` refuses to start, and says why.
#[test]
fn serve_refuses_a_stored_checkpoint_of_another_key() {
    let dir = forum_with_a_checkpoint();
    let other = accord_log::checkpoint::LogSigner::generate("accord.local/crash-test-forum").unwrap();
    std::fs::remove_file(dir.path().join("log-key")).unwrap();
    std::fs::write(dir.path().join("log-key"), format!("{other}\n")).unwrap();
    let stderr = serve_fails(dir.path());
    assert!(stderr.contains("refusing to serve"), "{stderr}");
    assert!(stderr.contains("does not verify with the log key"), "{stderr}");
    assert!(stderr.contains("restore the data directory"), "{stderr}");
}

/// A stored checkpoint signed by the right key over another tree (the
/// database altered) is refused too.
#[test]
fn serve_refuses_a_stored_checkpoint_of_another_tree() {
    if sqlite_only("replaces a checkpoint in the SQLite file behind Accord's back") {
        return;
    }
    let dir = forum_with_a_checkpoint();
    let key = std::fs::read_to_string(dir.path().join("log-key")).unwrap();
    let signer = accord_log::checkpoint::LogSigner::from_key(&key).unwrap();
    let conn = accord_store::schema::Connection::open(dir.path().join("accord.sqlite3")).unwrap();
    let size: i64 = conn.query_row("SELECT max(size) FROM checkpoints", [], |r| r.get(0)).unwrap();
    let forged = signer.sign(size as u64, &accord_log::Hash([7; 32]));
    conn.execute("UPDATE checkpoints SET note = ?1 WHERE size = ?2", (forged, size)).unwrap();
    drop(conn);
    let stderr = serve_fails(dir.path());
    assert!(stderr.contains("refusing to serve"), "{stderr}");
    assert!(stderr.contains("another root hash"), "{stderr}");
    // A signature that does not verify at all is refused as well.
    let conn = accord_store::schema::Connection::open(dir.path().join("accord.sqlite3")).unwrap();
    conn.execute("UPDATE checkpoints SET note = replace(note, '\n\u{2014} ', '\n\u{2014} x') WHERE size = ?1", [size])
        .unwrap();
    drop(conn);
    let stderr = serve_fails(dir.path());
    assert!(stderr.contains("does not verify with the log key"), "{stderr}");
}

/// A JSON body that names a key twice is refused, also where the body is
/// read as free-form JSON (the rules), and nothing changes.
#[tokio::test]
async fn a_key_named_twice_in_a_body_is_refused() {
    let forum = TestForum::new();
    let token = forum.token("sec").await;
    let before = forum.record_len();
    for (path, body) in [
        ("/api/v1/rules", r#"{"majority":"simple","majority":"two_thirds"}"#),
        ("/api/v1/rules", r#"{"meeting_quorum":{"numerator":1,"numerator":2,"denominator":3}}"#),
    ] {
        let res = forum
            .response(
                Request::put(path)
                    .header(header::AUTHORIZATION, format!("Bearer {token}"))
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(body))
                    .unwrap(),
            )
            .await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{body}");
        let answer: serde_json::Value =
            serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap();
        assert_eq!(answer["error"], "malformed_request");
        assert!(answer["message"].as_str().unwrap().contains("twice"), "{answer}");
    }
    assert_eq!(forum.record_len(), before, "nothing was recorded");
}
