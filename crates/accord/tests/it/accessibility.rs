//! Accessibility in a real browser: every page of the demonstration forum,
//! for every role, in English and in Arabic, checked by axe-core against
//! WCAG 2.0, 2.1 and 2.2 at levels A and AA.
//!
//! axe-core comes from the npm registry (`crates/accord/tests/browser/`,
//! installed by `./test.sh`); it is injected into each page and run there.
//! One Chromium serves the whole run: each role logs in once and reads
//! every page in both languages.

use std::collections::BTreeSet;

use fantoccini::Locator;

use crate::browser::{chromedriver, chromium, demo_forum, password_of};
use crate::helpers::*;

/// axe-core's script, as `./test.sh` installs it.
pub(crate) fn axe_source() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run ./test.sh, or `npm ci --prefix crates/accord/tests/browser`, which installs axe-core",
            path.display()
        )
    })
}

/// The GET address of each page, with the demonstration forum's ids in
/// place of the route's parameters. Every page route of the router must
/// be here (checked by [`page_addresses`]), so a new page is checked too.
const PAGES: &[(&str, &str)] = &[
    ("/", "/"),
    ("/processes", "/processes"),
    ("/processes/{id}", "/processes/1"),
    ("/processes/{id}/versions", "/processes/1/versions"),
    ("/processes/{id}/diff", "/processes/1/diff?from=1&to=2&changed_only=on"),
    ("/processes/{id}/provisions/{eid}", "/processes/1/provisions/chp_2__art_5__para_2"),
    ("/processes/{id}/proposals", "/processes/1/proposals"),
    ("/processes/{id}/proposals/{pid}", "/processes/1/proposals/1"),
    ("/processes/{id}/decisions", "/processes/1/decisions"),
    ("/sessions", "/sessions"),
    ("/meetings", "/meetings"),
    ("/meetings/{mid}", "/meetings/1"),
    ("/meetings/{mid}/summary", "/meetings/1/summary"),
    ("/consultations", "/consultations"),
    ("/consultations/{id}", "/consultations/1"),
    ("/consultations/{id}/moderation", "/consultations/1/moderation"),
    ("/consultations/{id}/propose", "/consultations/1/propose?statement=1&eid=chp_2__art_5__para_2"),
    ("/members", "/members"),
    ("/members/new", "/members/new"),
    ("/members/{code}", "/members/BRA"),
    ("/officers", "/officers"),
    ("/record", "/record"),
    ("/record/{index}", "/record/5"),
    ("/account", "/account"),
    ("/login", "/login"),
];

/// Addresses that are not pages: the API, the log, files and feeds.
fn is_page(path: &str) -> bool {
    let not_pages = ["/api/", "/log/", "/assets/", "/favicon", "/healthz", "/metrics"];
    !not_pages.iter().any(|p| path.starts_with(p))
        && !path.ends_with(".svg")
        && !path.ends_with(".md")
        && !path.ends_with("/events")
}

/// Every page to check: one address per GET page route (the test fails on
/// a page route [`PAGES`] does not name), and an error page.
pub(crate) fn page_addresses() -> Vec<String> {
    let routes: BTreeSet<String> = accord_server::route_list()
        .into_iter()
        .filter(|(method, path)| method == axum::http::Method::GET && is_page(path))
        .map(|(_, path)| path)
        .collect();
    let named: BTreeSet<String> = PAGES.iter().map(|(route, _)| (*route).to_owned()).collect();
    let missing: Vec<&String> = routes.difference(&named).collect();
    assert!(missing.is_empty(), "pages with no address to check in accessibility::PAGES: {missing:?}");
    let gone: Vec<&String> = named.difference(&routes).collect();
    assert!(gone.is_empty(), "accessibility::PAGES names routes the router does not serve: {gone:?}");
    let mut all: Vec<String> = PAGES.iter().map(|(_, address)| (*address).to_owned()).collect();
    all.push("/processes/99".into());
    all
}

/// The roles the pages are read as: the demonstration's log-in address of
/// each (`None`: an anonymous visitor).
pub(crate) const ROLES: &[(&str, Option<&str>)] = &[
    ("anonymous visitor", None),
    ("delegate", Some("delegate.ken@demo.accord.example")),
    ("head of delegation", Some("head.bra@demo.accord.example")),
    ("chair", Some("chair@demo.accord.example")),
    ("secretariat", Some("secretariat@demo.accord.example")),
    // The translator's role goes here, with its demonstration account,
    // when the forum has one.
];

const LANGUAGES: &[&str] = &["en", "ar"];

/// Logs `address` in through the log-in page, with a fresh session.
pub(crate) async fn log_in(client: &fantoccini::Client, base: &str, address: &str, password: &str) {
    client.goto(&format!("{base}/login")).await.unwrap();
    client.delete_all_cookies().await.unwrap();
    client.goto(&format!("{base}/login")).await.unwrap();
    client.find(Locator::Id("email")).await.unwrap().send_keys(address).await.unwrap();
    client.find(Locator::Id("password")).await.unwrap().send_keys(password).await.unwrap();
    client.find(Locator::Css("main form button[type=submit]")).await.unwrap().click().await.unwrap();
    client.wait().for_element(Locator::Css(".who a[href='/account']")).await.unwrap();
}

/// Chooses the interface's language as the switcher does: the cookie
/// `accord_lang` (the browser must show a page of the site).
pub(crate) async fn choose_language(client: &fantoccini::Client, lang: &str) {
    client
        .execute("document.cookie = 'accord_lang=' + arguments[0] + '; path=/; SameSite=Lax'", vec![lang.into()])
        .await
        .unwrap();
}

/// Runs axe-core on the page the browser shows, and answers its WCAG 2.x
/// A and AA violations, one line each: rule, help, the elements.
pub(crate) async fn axe_violations(client: &fantoccini::Client, axe: &str) -> Vec<String> {
    let script = format!(
        "{axe}
;return axe.run(document, {{runOnly: {{type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa']}}}})
  .then(r => r.violations.map(v => v.id + ' (' + v.help + '): ' + v.nodes.map(n => n.target.join(' ')).join(', ')));"
    );
    let found = client.execute(&script, vec![]).await.unwrap();
    found.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect()
}

/// Every page, for every role, in English and Arabic, has no WCAG 2.2 A or
/// AA violation that axe-core finds.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_passes_axe_core_for_every_role_in_english_and_arabic() {
    let axe = axe_source();
    let (dir, logins) = demo_forum();
    let server = Server::start(dir.path());
    let (_driver, driver_url) = chromedriver();
    let profile = tempfile::tempdir().unwrap();
    let client = chromium(&driver_url, profile.path()).await;
    let base = &server.base;
    let pages = page_addresses();
    // Each violation once, with the roles and languages it was seen for.
    let mut violations: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    let mut checked = 0;
    for (role, address) in ROLES {
        match address {
            Some(address) => log_in(&client, base, address, &password_of(&logins, address)).await,
            None => {
                client.goto(&format!("{base}/login")).await.unwrap();
                client.delete_all_cookies().await.unwrap();
            }
        }
        for lang in LANGUAGES {
            choose_language(&client, lang).await;
            for page in &pages {
                client.goto(&format!("{base}{page}")).await.unwrap();
                let shown = client.find(Locator::Css("html")).await.unwrap().attr("lang").await.unwrap();
                assert_eq!(shown.as_deref(), Some(*lang), "{page} as {role}");
                for v in axe_violations(&client, &axe).await {
                    violations.entry(format!("{page}: {v}")).or_default().push(format!("{role} in {lang}"));
                }
                checked += 1;
            }
        }
    }
    println!(
        "axe-core checked {checked} pages: {} pages × {} roles × {} languages",
        pages.len(),
        ROLES.len(),
        LANGUAGES.len()
    );
    client.close().await.unwrap();
    let found: Vec<String> =
        violations.iter().map(|(v, seen)| format!("{v}\n    seen as {}", seen.join(", "))).collect();
    assert!(found.is_empty(), "{} violations:\n{}", found.len(), found.join("\n"));
}
