//! The web pages: log-in, forms with CSRF tokens, and what each role sees.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;

use crate::helpers::*;

/// A browser-like client: keeps the session cookie, reads CSRF tokens.
pub(crate) struct Browser<'a> {
    forum: &'a TestForum,
    pub(crate) cookie: Option<String>,
}

pub(crate) struct Page {
    pub(crate) status: StatusCode,
    pub(crate) location: Option<String>,
    pub(crate) html: String,
}

impl<'a> Browser<'a> {
    pub(crate) fn new(forum: &'a TestForum) -> Self {
        Browser { forum, cookie: None }
    }

    pub(crate) async fn send(&mut self, method: Method, path: &str, form: Option<String>) -> Page {
        let mut req = Request::builder().method(method).uri(path).header(header::HOST, "accord.test");
        if let Some(c) = &self.cookie {
            req = req.header(header::COOKIE, c);
        }
        let req = match form {
            Some(f) => req
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ORIGIN, "http://accord.test")
                .body(Body::from(f))
                .unwrap(),
            None => req.body(Body::empty()).unwrap(),
        };
        let res = self.forum.response(req).await;
        if let Some(set) = res.headers().get(header::SET_COOKIE) {
            let set = set.to_str().unwrap();
            assert!(set.contains("HttpOnly") && set.contains("SameSite=Lax"), "session cookie flags: {set}");
            let pair = set.split(';').next().unwrap().to_owned();
            self.cookie = if pair.ends_with('=') { None } else { Some(pair) };
        }
        let status = res.status();
        let location = res.headers().get(header::LOCATION).map(|l| l.to_str().unwrap().to_owned());
        let html = String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
        Page { status, location, html }
    }

    pub(crate) async fn get(&mut self, path: &str) -> Page {
        self.send(Method::GET, path, None).await
    }

    pub(crate) async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Page {
        let body = form.iter().map(|(k, v)| format!("{k}={}", enc(v))).collect::<Vec<_>>().join("&");
        self.send(Method::POST, path, Some(body)).await
    }

    pub(crate) async fn log_in(&mut self, who: &str, password: &str) -> Page {
        self.post("/login", &[("email", &email(who)), ("password", password), ("next", "/")]).await
    }

    /// The CSRF token embedded in a page's forms.
    pub(crate) fn csrf(page: &Page) -> String {
        let at = page.html.find("name=\"csrf\" value=\"").expect("the page has a form with a CSRF token");
        let rest = &page.html[at + 19..];
        rest[..rest.find('"').unwrap()].to_owned()
    }
}

pub(crate) fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn public_pages_render() {
    let forum = TestForum::new();
    let mut b = Browser::new(&forum);
    for (path, text) in [
        ("/", "Test Forum"),
        ("/members", "Brazil"),
        ("/members?kind=organisation", "International Committee of the Red Cross"),
        ("/members/BRA", "Head of delegation"),
        ("/officers", "Chair Person"),
        ("/record", "member.admitted"),
        ("/record?from=0", "Forum established: Test Forum"),
        ("/record?from=3", "Entries 3–"),
        ("/record/0", "forum.established"),
        ("/login", "Password"),
    ] {
        let page = b.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(page.html.contains(text), "{path} does not show {text:?}");
        assert!(page.html.starts_with("<!doctype html>\n<html lang=\"en\" dir=\"ltr\">"), "{path}");
        assert!(page.html.contains("<main id=\"main\""), "{path} has a main landmark");
    }
    let filtered = b.get("/members?kind=organisation").await;
    assert!(!filtered.html.contains("Brazil"));
    let missing = b.get("/members/QQQ").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.html.contains("QQQ is not a member"));
    assert_eq!(b.get("/no/such/page").await.status, StatusCode::NOT_FOUND);
    assert_eq!(b.get("/record?from=x").await.status, StatusCode::BAD_REQUEST);
    // Every link of the record's pager leads to a page.
    let record = b.get("/record?from=3").await;
    for href in record.html.split("href=\"/record?").skip(1).map(|h| h.split('"').next().unwrap().to_owned()) {
        assert_eq!(b.get(&format!("/record?{href}")).await.status, StatusCode::OK, "/record?{href}");
    }
    // Anonymous visitors see no forms that change anything.
    assert!(!b.get("/members/BRA").await.html.contains("Accredit a delegate"));
    let admit = b.get("/members/new").await;
    assert_eq!((admit.status, admit.location.as_deref()), (StatusCode::SEE_OTHER, Some("/login?next=/members/new")));
}

#[tokio::test]
async fn secretariat_admits_and_accredits_through_forms() {
    let forum = TestForum::new();
    let mut b = Browser::new(&forum);
    let wrong = b.log_in("sec", "not the password").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.html.contains("the e-mail address or the password is wrong"));
    let page = b.log_in("sec", PASSWORD).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert!(b.cookie.is_some());
    let form = b.get("/members/new").await;
    assert_eq!(form.status, StatusCode::OK);
    let csrf = Browser::csrf(&form);

    // Without the CSRF token: refused, nothing changes.
    let before = forum.record_len();
    let refused = b.post("/members", &[("code", "FRA"), ("kind", "state"), ("status", "member")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.html.contains("reload the page"));
    // A form whose token field is missing altogether says so too.
    let missing = b.post("/processes", &[("title", "T"), ("markdown", "# T")]).await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    assert!(missing.html.contains("security token is missing"), "{}", missing.html);
    assert_eq!(forum.record_len(), before);

    // A bad code: the form comes back with the error and the input.
    let bad = b.post("/members", &[("csrf", &csrf), ("code", "XQZ"), ("kind", "state"), ("status", "member")]).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.html.contains("XQZ is not an ISO 3166-1 alpha-3 code"));
    assert!(bad.html.contains("value=\"XQZ\""));
    assert_eq!(forum.record_len(), before);

    let done = b
        .post("/members", &[("csrf", &csrf), ("code", "fra"), ("kind", "state"), ("name", ""), ("status", "observer")])
        .await;
    assert_eq!((done.status, done.location.as_deref()), (StatusCode::SEE_OTHER, Some("/members/FRA?notice=admitted")));
    let fra = b.get("/members/FRA?notice=admitted").await;
    assert!(fra.html.contains("France") && fra.html.contains("The member was admitted"));
    assert_eq!(forum.record_len(), before + 1);

    // Accredit without a password: the one-time password is shown once.
    let accredited = b
        .post(
            "/members/FRA/delegates",
            &[
                ("csrf", &csrf),
                ("name", "Claire Martin"),
                ("email", "claire@forum.test"),
                ("role", "head_of_delegation"),
                ("password", ""),
            ],
        )
        .await;
    assert_eq!(accredited.status, StatusCode::CREATED);
    assert!(accredited.html.contains("Claire Martin") && accredited.html.contains("Initial password"));
    let marker = "Initial password</dt><dd><code>";
    let at = accredited.html.find(marker).unwrap() + marker.len();
    let initial = accredited.html[at..at + 19].to_owned();

    // The new delegate must choose a password before anything else.
    let mut claire = Browser::new(&forum);
    let login = claire.post("/login", &[("email", "claire@forum.test"), ("password", &initial), ("next", "/")]).await;
    assert_eq!(login.location.as_deref(), Some("/account?notice=choose_password"));
    let elsewhere = claire.get("/members/new").await;
    assert_eq!(elsewhere.location.as_deref(), Some("/account?notice=choose_password"));
    let account = claire.get("/account").await;
    let c_csrf = Browser::csrf(&account);
    let mismatch = claire
        .post(
            "/account/password",
            &[
                ("csrf", &c_csrf),
                ("current", &initial),
                ("new", "paris in the spring"),
                ("confirm", "paris in the autumn"),
            ],
        )
        .await;
    assert_eq!(mismatch.status, StatusCode::BAD_REQUEST);
    let changed = claire
        .post(
            "/account/password",
            &[
                ("csrf", &c_csrf),
                ("current", &initial),
                ("new", "paris in the spring"),
                ("confirm", "paris in the spring"),
            ],
        )
        .await;
    assert_eq!(changed.location.as_deref(), Some("/account?notice=password"));
    let home = claire.get("/").await;
    assert!(home.html.contains("Claire Martin") && !home.html.contains("initial password"));

    // The head of FRA sees no secretariat forms.
    let fra = claire.get("/members/FRA").await;
    assert!(!fra.html.contains("Accredit a delegate"));
    assert!(claire.get("/members/new").await.status == StatusCode::FORBIDDEN);

    // Log out ends the session.
    let home = b.get("/").await;
    let out = b.post("/logout", &[("csrf", &Browser::csrf(&home))]).await;
    assert_eq!(out.location.as_deref(), Some("/login?notice=logged_out"));
    assert_eq!(b.get("/members/new").await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn head_of_delegation_withdraws_own_delegates_only() {
    let forum = TestForum::new();
    let mut head = Browser::new(&forum);
    head.log_in("bra_head", PASSWORD).await;
    let page = head.get("/members/BRA").await;
    assert!(page.html.contains("Withdraw accreditation"));
    let csrf = Browser::csrf(&page);
    // Not on another member's page.
    assert!(!head.get("/members/KEN").await.html.contains("Withdraw accreditation"));
    let refused = head.post("/delegates/D6/withdraw", &[("csrf", &csrf), ("reason", "")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let done = head.post("/delegates/D4/withdraw", &[("csrf", &csrf), ("reason", "returned to capital")]).await;
    assert_eq!(done.location.as_deref(), Some("/members/BRA?notice=withdrawn"));
    let (_, d4) = forum.get("/api/v1/delegates/D4").await;
    assert_eq!(d4["active"], false);
}

#[tokio::test]
async fn api_tokens_from_the_account_page() {
    let forum = TestForum::new();
    let mut b = Browser::new(&forum);
    b.log_in("ken_head", PASSWORD).await;
    let account = b.get("/account").await;
    let csrf = Browser::csrf(&account);
    let issued = b.post("/account/tokens", &[("csrf", &csrf), ("label", "delegation tracker")]).await;
    assert_eq!(issued.status, StatusCode::CREATED);
    let at = issued.html.find("<code class=\"token\">").unwrap() + 20;
    let token = issued.html[at..].split('<').next().unwrap().to_owned();
    assert!(token.starts_with("acc_"));
    let (status, me) = forum.call(Method::GET, "/api/v1/me", Some(&token), None).await;
    assert_eq!((status, me["member"].as_str()), (StatusCode::OK, Some("KEN")));
    // Shown once: the page does not show it again.
    assert!(!b.get("/account").await.html.contains(&token));
}

/// A realistic zero draft is larger than the 64 KiB other forms may have:
/// the secretariat's form takes it (percent-encoded, three times larger),
/// and a form too large for its page says what the limit is.
#[tokio::test]
async fn secretariat_opens_a_long_draft_through_the_form() {
    let forum = TestForum::new();
    let mut b = Browser::new(&forum);
    b.log_in("sec", PASSWORD).await;
    let form = b.get("/processes").await;
    let csrf = Browser::csrf(&form);
    let mut markdown = String::from("# Framework on Long Texts\n\n## Chapter I — Everything\n\n");
    for n in 1..=250 {
        markdown.push_str(&format!(
            "### Article {n} — Heading {n}\n\n1. Les États coopèrent de bonne foi et échangent des informations \
             sur les menaces, تتعاون الدول بحسن نية, 各国应当真诚合作.\n\n2. States should take appropriate \
             measures to protect critical infrastructure, in accordance with national law.\n\n"
        ));
    }
    assert!(markdown.len() > 64 * 1024, "{} bytes", markdown.len());
    let before = forum.record_len();
    let opened = b.post("/processes", &[("csrf", &csrf), ("title", "Long"), ("markdown", &markdown)]).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.html);
    assert_eq!(forum.record_len(), before + 1);
    let page = b.get(opened.location.as_deref().unwrap()).await;
    assert!(page.html.contains("Heading 250"), "the whole draft is there");

    let huge = "x".repeat(70 * 1024);
    let refused = b.post("/members", &[("csrf", &csrf), ("code", "FRA"), ("kind", "state"), ("name", &huge)]).await;
    assert_eq!(refused.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(refused.html.contains("the form is larger than this page accepts (64 KiB"), "{}", refused.html);
    assert_eq!(forum.record_len(), before + 1);
}

/// A delegation proposes a new heading for an article from the article's
/// page; the rolling text shows the headings in one bracket, and the chair
/// agrees one.
#[tokio::test]
async fn a_new_heading_is_proposed_from_the_article_page() {
    let forum = TestForum::new();
    let t = forum.tokens().await;
    let (s, body) = forum
        .post("/api/v1/processes", &t["sec"], serde_json::json!({"title": "X", "markdown": crate::negotiation::DRAFT}))
        .await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let mut b = Browser::new(&forum);
    b.log_in("bra_head", PASSWORD).await;
    let page = b.get("/processes/1/provisions/chp_1__art_2").await;
    assert!(page.html.contains("Replace the heading"), "{}", page.html);
    let csrf = Browser::csrf(&page);
    let form = |heading: &str| {
        vec![
            ("csrf", csrf.clone()),
            ("eid", "chp_1__art_2".to_owned()),
            ("kind", "replace_provision".to_owned()),
            ("heading", heading.to_owned()),
            ("text", String::new()),
            ("justification", "Clearer.".to_owned()),
        ]
    };
    fn as_refs<'a>(f: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
        f.iter().map(|(k, v)| (*k, v.as_str())).collect()
    }
    let empty = form("");
    let refused = b.post("/processes/1/proposals", &as_refs(&empty)).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(
        refused.html.contains("its new &quot;heading&quot;") || refused.html.contains("its new \"heading\""),
        "{}",
        refused.html
    );
    let good = form("Scope and definitions");
    let tabled = b.post("/processes/1/proposals", &as_refs(&good)).await;
    assert_eq!(tabled.status, StatusCode::SEE_OTHER, "{}", tabled.html);
    let (_, rolling) = forum.get("/api/v1/processes/1/rolling-text").await;
    let row = rolling["provisions"].as_array().unwrap().iter().find(|p| p["eid"] == "chp_1__art_2").unwrap().clone();
    assert_eq!(row["brackets"], 1);
    assert_eq!(row["spans"][0]["bracket"]["options"][1]["text"], "Scope and definitions", "{row}");
    let html = b.get("/processes/1").await.html;
    assert!(
        html.contains("[<span class=\"option original\"><bdi>Scope</bdi> <small>(original)</small></span>"),
        "{html}"
    );
    let (s, _) = forum.post("/api/v1/processes/1/proposals/1/agree", &t["chair"], serde_json::json!({})).await;
    assert_eq!(s, StatusCode::CREATED);
    let (_, text) = forum.get("/api/v1/processes/1/text").await;
    let article = text["provisions"].as_array().unwrap().iter().find(|p| p["eid"] == "chp_1__art_2").unwrap().clone();
    assert_eq!(article["heading"], "Scope and definitions");
}

/// An error page answers what was asked: "nothing was changed" only after a
/// request that could change something, and a refused form still shows the
/// logged-in delegate as logged in.
#[tokio::test]
async fn error_pages_fit_the_request() {
    let forum = TestForum::new();
    let mut b = Browser::new(&forum);
    let missing = b.get("/no/such/page").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(!missing.html.contains("Nothing was changed"), "a page that was only read: {}", missing.html);
    b.log_in("sec", PASSWORD).await;
    let csrf = Browser::csrf(&b.get("/members/new").await);
    // A form without its fields is refused as malformed.
    let refused = b.post("/members", &[("csrf", &csrf), ("code", "FRA")]).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.html);
    assert!(refused.html.contains("Nothing was changed"), "{}", refused.html);
    assert!(refused.html.contains("Log out") && !refused.html.contains(">Log in</a>"), "{}", refused.html);
}

/// A page never carries the same anti-forgery token twice (it is masked
/// afresh in every answer, so that a compressed page's size says nothing
/// about it); every masked form of it works, a tampered one does not.
#[tokio::test]
async fn the_csrf_token_is_masked_afresh_in_every_answer() {
    let forum = TestForum::new();
    let mut b = Browser::new(&forum);
    assert_eq!(b.log_in("bra_del", PASSWORD).await.status, StatusCode::SEE_OTHER);
    let first = Browser::csrf(&b.get("/").await);
    let second = Browser::csrf(&b.get("/").await);
    assert_ne!(first, second, "the same token twice");
    let mut tampered = second.clone().into_bytes();
    let last = tampered.len() - 1;
    tampered[last] = if tampered[last] == b'0' { b'1' } else { b'0' };
    let refused = b.post("/logout", &[("csrf", std::str::from_utf8(&tampered).unwrap())]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.html);
    assert_eq!(b.post("/logout", &[("csrf", "")]).await.status, StatusCode::FORBIDDEN);
    // The older of the two still works: both mask the one token.
    let out = b.post("/logout", &[("csrf", &first)]).await;
    assert_eq!((out.status, out.location.as_deref()), (StatusCode::SEE_OTHER, Some("/login?notice=logged_out")));
}
