//! The interface in six languages: how a request's language is chosen, the
//! switcher (without JavaScript), the choice kept on the account, and
//! every public page in every language.

use axum::body::Body;
use axum::http::{header, HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;

use crate::helpers::*;
use crate::pages::{enc, Browser};

/// The six languages, with the navigation's word for "Negotiations" in each.
const NEGOTIATIONS: [(&str, &str, &str); 6] = [
    ("ar", "rtl", "المفاوضات"),
    ("zh", "ltr", "谈判"),
    ("en", "ltr", "Negotiations"),
    ("fr", "ltr", "Négociations"),
    ("ru", "ltr", "Переговоры"),
    ("es", "ltr", "Negociaciones"),
];

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

async fn send(forum: &TestForum, req: Request<Body>) -> Answer {
    let res = forum.response(req).await;
    let status = res.status();
    let headers = res.headers().clone();
    let body = String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
    Answer { status, headers, body }
}

async fn page(forum: &TestForum, path: &str, cookie: Option<&str>, accept: Option<&str>) -> Answer {
    let mut req = Request::get(path).header(header::HOST, "accord.test");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    if let Some(a) = accept {
        req = req.header(header::ACCEPT_LANGUAGE, a);
    }
    send(forum, req.body(Body::empty()).unwrap()).await
}

async fn post_form(forum: &TestForum, path: &str, cookie: Option<&str>, form: &[(&str, &str)]) -> Answer {
    let body = form.iter().map(|(k, v)| format!("{k}={}", enc(v))).collect::<Vec<_>>().join("&");
    let mut req = Request::post(path)
        .header(header::HOST, "accord.test")
        .header(header::ORIGIN, "http://accord.test")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    send(forum, req.body(Body::from(body)).unwrap()).await
}

fn html_lang(body: &str) -> (&str, &str) {
    let open = &body[body.find("<html").expect("an html element")..];
    let attr = |name: &str| {
        let at = open.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        &open[at..at + open[at..].find('"').unwrap()]
    };
    (attr("lang"), attr("dir"))
}

fn cookies(headers: &HeaderMap) -> Vec<String> {
    headers.get_all(header::SET_COOKIE).iter().map(|v| v.to_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn the_language_comes_from_the_choice_then_the_browser_then_the_forum() {
    let forum = TestForum::new();
    // The browser's preference, by quality; an unsupported one is skipped.
    let fr = page(&forum, "/", None, Some("de-CH, fr;q=0.8, en;q=0.5")).await;
    assert_eq!(fr.status, StatusCode::OK);
    assert_eq!(html_lang(&fr.body), ("fr", "ltr"));
    assert!(fr.body.contains("Négociations"));
    assert_eq!(fr.headers[header::CONTENT_LANGUAGE], "fr");
    assert!(fr.headers.get_all(header::VARY).iter().any(|v| v.to_str().unwrap().contains("Accept-Language")));
    // The user's choice wins over the browser's.
    let ar = page(&forum, "/", Some("accord_lang=ar"), Some("fr")).await;
    assert_eq!(html_lang(&ar.body), ("ar", "rtl"));
    assert!(ar.body.contains("المفاوضات"));
    // A choice Accord cannot honour, or a language it does not speak, falls
    // back cleanly.
    let bad_cookie = page(&forum, "/", Some("accord_lang=tlh"), Some("ru")).await;
    assert_eq!(html_lang(&bad_cookie.body), ("ru", "ltr"));
    let german = page(&forum, "/", None, Some("de-DE, it;q=0.9")).await;
    assert_eq!((german.status, html_lang(&german.body)), (StatusCode::OK, ("en", "ltr")));
    let garbage = page(&forum, "/", Some("accord_lang=%%%; accord_lang="), Some(";;q=x,,")).await;
    assert_eq!((garbage.status, html_lang(&garbage.body)), (StatusCode::OK, ("en", "ltr")));
    // With neither, the forum's default.
    let spanish =
        TestForum::with_config(accord_server::Config { language: accord_server::i18n::Lang::Es, ..Default::default() });
    let es = page(&spanish, "/members", None, None).await;
    assert_eq!(html_lang(&es.body), ("es", "ltr"));
    assert!(es.body.contains("Negociaciones"));
}

#[tokio::test]
async fn the_switcher_works_without_javascript_and_goes_back_only_to_this_site() {
    let forum = TestForum::new();
    let home = page(&forum, "/members?kind=organisation", None, None).await;
    // A form on every page, one button per language, each in its own language.
    assert!(home.body.contains("<form method=\"post\" action=\"/language\""));
    assert!(home.body.contains("name=\"back\" value=\"/members?kind=organisation\""));
    for (code, _, _) in NEGOTIATIONS {
        assert!(home.body.contains(&format!("name=\"lang\" value=\"{code}\" lang=\"{code}\"")), "{code}");
    }
    let chosen = post_form(&forum, "/language", None, &[("lang", "es"), ("back", "/members?kind=organisation")]).await;
    assert_eq!(chosen.status, StatusCode::SEE_OTHER);
    assert_eq!(chosen.headers[header::LOCATION], "/members?kind=organisation");
    assert!(cookies(&chosen.headers).iter().any(|c| c.starts_with("accord_lang=es;")), "{:?}", chosen.headers);
    // Elsewhere is never a destination.
    for hostile in ["//evil.example/", "https://evil.example/", "/\\evil.example", "/\t/evil.example", ""] {
        let answer = post_form(&forum, "/language", None, &[("lang", "fr"), ("back", hostile)]).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{hostile:?}");
        assert_eq!(answer.headers[header::LOCATION], "/", "{hostile:?}");
    }
    // A language Accord does not speak: a clear refusal, no cookie.
    let refused = post_form(&forum, "/language", None, &[("lang", "tlh"), ("back", "/")]).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(refused.body.contains("is not a language of this interface"), "{}", refused.body);
    assert!(cookies(&refused.headers).is_empty());
}

#[tokio::test]
async fn a_logged_in_users_choice_is_kept_on_the_account() {
    let forum = TestForum::new();
    let mut b = Browser::new(&forum);
    assert_eq!(b.log_in("bra_del", PASSWORD).await.status, StatusCode::SEE_OTHER);
    let session = b.cookie.clone().unwrap();
    let home = b.get("/").await;
    let csrf = Browser::csrf(&home);
    let chosen =
        post_form(&forum, "/language", Some(&session), &[("lang", "zh"), ("back", "/"), ("csrf", &csrf)]).await;
    assert_eq!(chosen.status, StatusCode::SEE_OTHER);
    // Without the CSRF token the cookie is set, the account is not changed.
    let other = post_form(&forum, "/language", Some(&session), &[("lang", "ru"), ("back", "/")]).await;
    assert_eq!(other.status, StatusCode::SEE_OTHER);
    // Logging in from another browser brings the account's choice back.
    let login =
        post_form(&forum, "/login", None, &[("email", &email("bra_del")), ("password", PASSWORD), ("next", "/")]).await;
    assert_eq!(login.status, StatusCode::SEE_OTHER);
    let set = cookies(&login.headers);
    assert!(set.iter().any(|c| c.starts_with("accord_lang=zh;")), "{set:?}");
    // Someone who never chose gets no language cookie at log-in.
    let plain =
        post_form(&forum, "/login", None, &[("email", &email("ken_head")), ("password", PASSWORD), ("next", "/")])
            .await;
    assert!(!cookies(&plain.headers).iter().any(|c| c.starts_with("accord_lang=")));
}

#[tokio::test]
async fn every_public_page_renders_in_every_language() {
    let forum = TestForum::new();
    let paths = [
        "/",
        "/members",
        "/members/BRA",
        "/officers",
        "/processes",
        "/sessions",
        "/consultations",
        "/record",
        "/record/0",
        "/login",
        "/no/such/page",
    ];
    for (code, dir, word) in NEGOTIATIONS {
        for path in paths {
            let answer = page(&forum, path, Some(&format!("accord_lang={code}")), None).await;
            let expected = if path == "/no/such/page" { StatusCode::NOT_FOUND } else { StatusCode::OK };
            assert_eq!(answer.status, expected, "{code} {path}");
            assert_eq!(html_lang(&answer.body), (code, dir), "{code} {path}");
            assert!(answer.body.contains(word), "{code} {path} does not name the negotiations {word:?}");
        }
    }
}

/// A page's malformed query string gets an error page in the page's
/// language (not the framework's plain text), with the API's code.
#[tokio::test]
async fn a_malformed_query_gets_an_error_page_in_the_pages_language() {
    let forum = TestForum::new();
    for path in ["/processes?notice=a&notice=b", "/record?from=1&from=2", "/sessions?notice=x&notice=y"] {
        let answer = page(&forum, path, Some("accord_lang=fr"), None).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{path}");
        assert!(answer.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/html"), "{path}");
        assert_eq!(html_lang(&answer.body), ("fr", "ltr"), "{path}");
        assert!(answer.body.contains("malformed_query"), "{path}: {}", answer.body);
    }
}
