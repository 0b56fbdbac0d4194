//! Accessibility in a real browser: every page of the demonstration forum,
//! for every role, in English and in Arabic, checked by axe-core against
//! WCAG 2.0, 2.1 and 2.2 at levels A and AA.
//!
//! axe-core comes from the npm registry (`crates/accord/tests/browser/`,
//! installed by `./test.sh`); it is injected into each page and run there.
//! One Chromium serves the whole run: each role logs in once and reads
//! every page in both languages.
//!
//! Also here: the main flows with the keyboard alone, each focused element
//! showing the focus; and every page, and the main forms, with JavaScript
//! off.

use std::collections::BTreeSet;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Locator;

use crate::browser::{chromedriver, chromium, chromium_with_prefs, demo_forum, password_of, wait_for_text};
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
    !not_pages.iter().any(|p| path.starts_with(p)) && !path.ends_with(".svg") && !path.ends_with(".md")
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

/// The elements of the page that take the focus but show no focus
/// indicator when they have it (no computed outline, no box shadow). Each
/// is focused by the script after the keyboard has moved the focus once,
/// so that Chromium treats the focus as the keyboard's (`:focus-visible`).
pub(crate) async fn focus_not_shown(client: &fantoccini::Client) -> Vec<String> {
    press(client, &Key::Tab.to_string()).await;
    let found = client
        .execute(
            "const all = document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]');
             const hidden = [];
             for (const e of all) {
               if (e.disabled || e.type === 'hidden' || e.tabIndex < 0 || e.getClientRects().length === 0) continue;
               e.focus();
               if (document.activeElement !== e) continue;
               const s = getComputedStyle(e);
               const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
               if (!outline && s.boxShadow === 'none') hidden.push(e.outerHTML.slice(0, 100));
             }
             return hidden;",
            vec![],
        )
        .await
        .unwrap();
    found.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect()
}

/// Every page, for every role, in English and Arabic, has no WCAG 2.2 A or
/// AA violation that axe-core finds, and shows the focus on every element
/// that takes it.
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
                for element in focus_not_shown(&client).await {
                    let v = format!("{page}: focus not shown on {element}");
                    violations.entry(v).or_default().push(format!("{role} in {lang}"));
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

// ---- the keyboard alone ----

/// Presses `keys` one after the other (characters, or [`Key`] codes), as a
/// keyboard does: each down, then up.
async fn press(client: &fantoccini::Client, keys: &str) {
    let mut actions = KeyActions::new("keyboard".into());
    for key in keys.chars() {
        actions = actions.then(KeyAction::Down { value: key }).then(KeyAction::Up { value: key });
    }
    client.perform_actions(actions).await.unwrap();
}

/// Presses `key` while holding `modifier` (Shift, Control).
async fn chord(client: &fantoccini::Client, modifier: Key, key: char) {
    let modifier: char = modifier.into();
    let actions = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: modifier })
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key })
        .then(KeyAction::Up { value: modifier });
    client.perform_actions(actions).await.unwrap();
}

/// The focused element, briefly, and whether it shows a focus indicator:
/// a computed outline or box shadow.
async fn focused(client: &fantoccini::Client) -> (String, bool) {
    let answer = client
        .execute(
            "const e = document.activeElement; const s = getComputedStyle(e);
             const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
             return [e.outerHTML.slice(0, 120), outline || s.boxShadow !== 'none'];",
            vec![],
        )
        .await
        .unwrap();
    (answer[0].as_str().unwrap().to_owned(), answer[1].as_bool().unwrap())
}

/// Whether the focused element matches `css`.
async fn focus_is(client: &fantoccini::Client, css: &str) -> bool {
    client
        .execute("return document.activeElement.matches(arguments[0]);", vec![css.into()])
        .await
        .unwrap()
        .as_bool()
        .unwrap()
}

/// Presses Tab until the focus is on the element `css` (at most `most`
/// times), checking at each step that the focused element shows where the
/// focus is.
async fn tab_to(client: &fantoccini::Client, css: &str, most: usize) {
    for _ in 0..most {
        if focus_is(client, css).await {
            let (element, visible) = focused(client).await;
            assert!(visible, "no visible focus on {element}");
            return;
        }
        press(client, &Key::Tab.to_string()).await;
        let (element, visible) = focused(client).await;
        assert!(visible, "no visible focus on {element}");
    }
    panic!("{most} presses of Tab never reached {css}; the focus is on {}", focused(client).await.0);
}

/// Logs in from the log-in page with the keyboard alone: the address
/// field has the focus, Tab to the password, Enter.
async fn log_in_by_keyboard(client: &fantoccini::Client, base: &str, next: &str, address: &str, password: &str) {
    client.goto(&format!("{base}/login")).await.unwrap();
    client.delete_all_cookies().await.unwrap();
    client.goto(&format!("{base}/login?next={next}")).await.unwrap();
    tab_to(client, "#email", 40).await;
    press(client, address).await;
    tab_to(client, "#password", 2).await;
    press(client, password).await;
    press(client, &Key::Enter.to_string()).await;
    client.wait().for_element(Locator::Css(".who a[href='/account']")).await.unwrap();
}

/// A chair opens a recorded vote on `provision` in meeting 1 through the
/// API, and answers its number.
fn open_vote(base: &str, chair_password: &str, provision: &str) -> u64 {
    let agent = agent();
    let mut login = agent
        .post(format!("{base}/api/v1/auth/token"))
        .send_json(serde_json::json!({"email": "chair@demo.accord.example", "password": chair_password}))
        .unwrap();
    let token = login.body_mut().read_json::<serde_json::Value>().unwrap()["token"].as_str().unwrap().to_owned();
    let mut res = agent
        .post(format!("{base}/api/v1/processes/1/votes"))
        .header("Authorization", format!("Bearer {token}"))
        .send_json(serde_json::json!({"target": {"kind": "provision", "id": provision}, "meeting": 1}))
        .unwrap();
    let body = res.body_mut().read_json::<serde_json::Value>().unwrap();
    assert_eq!(res.status(), 201, "{body}");
    body["id"].as_u64().unwrap_or_else(|| panic!("no vote id in {body}"))
}

/// The main flows with the keyboard alone (Tab, Enter, Space, arrows; no
/// click): log in, reach a provision from the rolling text and table a
/// proposal on its words, support it from another delegation, vote in a
/// meeting, read a redline. Each focused element shows the focus.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_main_flows_work_with_the_keyboard_alone_in_chromium() {
    let (dir, logins) = demo_forum();
    let server = Server::start(dir.path());
    let (_driver, driver_url) = chromedriver();
    let profile = tempfile::tempdir().unwrap();
    let client = chromium(&driver_url, profile.path()).await;
    let base = server.base.clone();
    let eid = "chp_2__art_5__para_2";

    // A head of delegation logs in and lands on the rolling text.
    let bra = "head.bra@demo.accord.example";
    log_in_by_keyboard(&client, &base, "/processes/1", bra, &password_of(&logins, bra)).await;
    // The provision's link in the rolling text, then its page.
    tab_to(&client, &format!("a.prov-link[href$='/provisions/{eid}']"), 400).await;
    press(&client, &Key::Enter.to_string()).await;
    client.wait().for_element(Locator::Css("[data-select-text]")).await.unwrap();
    // The text takes the focus; the arrow keys move word by word to
    // "inconsistent", and Shift with the arrow selects it.
    tab_to(&client, "[data-select-text]", 60).await;
    let before = "const s = window.getSelection();
                  return s.focusNode.textContent.slice(s.focusOffset).trimStart().startsWith(arguments[0]);";
    let mut moves = 0;
    while !client.execute(before, vec!["inconsistent".into()]).await.unwrap().as_bool().unwrap() {
        press(&client, &Key::Right.to_string()).await;
        moves += 1;
        assert!(moves < 60, "the arrow keys never reached the word");
    }
    chord(&client, Key::Shift, Key::Right.into()).await;
    let quote = client.find(Locator::Id("quote")).await.unwrap();
    assert_eq!(quote.prop("value").await.unwrap().as_deref(), Some("inconsistent"), "the selection filled the quote");
    // The new words: the field holds the selected ones, replaced.
    tab_to(&client, "#text", 10).await;
    chord(&client, Key::Control, 'a').await;
    press(&client, "incompatible").await;
    tab_to(&client, "#justification", 3).await;
    press(&client, "Plainer words.").await;
    tab_to(&client, "form[data-propose-form] button[type=submit]", 3).await;
    press(&client, &Key::Space.to_string()).await;
    wait_for_text(&client, ".notice", "Your proposal is tabled").await;
    let at = client.current_url().await.unwrap();
    let proposal = at.path().to_owned();
    assert!(proposal.starts_with("/processes/1/proposals/"), "{at}");

    // Kenya's head supports it.
    let ken = "head.ken@demo.accord.example";
    log_in_by_keyboard(&client, &base, &proposal, ken, &password_of(&logins, ken)).await;
    tab_to(&client, "form[action$='/support'] button", 80).await;
    press(&client, &Key::Enter.to_string()).await;
    let mut support = String::new();
    for _ in 0..100 {
        if let Ok(dd) = client.find(Locator::XPath("//dt[normalize-space()='Support']/following-sibling::dd")).await {
            support = dd.text().await.unwrap_or_default();
        }
        if support.contains("KEN") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(support.contains("KEN"), "the support is not recorded: {support:?}");
    assert!(client.find(Locator::Css("form[action$='/support'] button")).await.is_err(), "supported once");

    // Kenya votes in a meeting: Tab to the vote, arrows to choose, Enter.
    let vote = {
        let (b, p) = (base.clone(), password_of(&logins, "chair@"));
        tokio::task::spawn_blocking(move || open_vote(&b, &p, "chp_3__art_8__para_1")).await.unwrap()
    };
    client.goto(&format!("{base}/meetings/1")).await.unwrap();
    let ballot = format!("form:has(input[name=vote][value='{vote}'])");
    tab_to(&client, &format!("{ballot} input[name=choice][value=yes]"), 200).await;
    press(&client, &Key::Down.to_string()).await;
    assert!(focus_is(&client, &format!("{ballot} input[name=choice][value=no]:checked")).await, "the arrow chose No");
    let (element, visible) = focused(&client).await;
    assert!(visible, "no visible focus on {element}");
    tab_to(&client, &format!("{ballot} button[type=submit]"), 3).await;
    press(&client, &Key::Enter.to_string()).await;
    let mine = wait_for_text(&client, &format!("#vote-{vote}"), "Your delegation voted").await;
    assert!(mine.contains("Your delegation voted no"), "{mine}");

    // A redline, from the list of versions.
    client.goto(&format!("{base}/processes/1/versions")).await.unwrap();
    tab_to(&client, "a[href*='/diff?from=']", 200).await;
    press(&client, &Key::Enter.to_string()).await;
    client.wait().for_element(Locator::Css(".redline")).await.unwrap();
    let changes = client.find_all(Locator::Css(".redline ins, .redline del")).await.unwrap();
    assert!(!changes.is_empty(), "the redline shows what changed");
    client.close().await.unwrap();
}

// ---- JavaScript off ----

/// The status a page answers a role with: the error page's 404, the
/// secretariat's pages refused to other officers and delegations (an
/// anonymous visitor is sent to the log-in page instead), 200 otherwise.
fn expected_status(page: &str, role: &str) -> u16 {
    let secretariat_only = ["/members/new", "/consultations/1/moderation"];
    if page == "/processes/99" {
        404
    } else if secretariat_only.contains(&page) && !matches!(role, "secretariat" | "anonymous visitor") {
        403
    } else {
        200
    }
}

/// The browser's cookies as a `Cookie` header, to ask the server for the
/// status of what the browser shows.
async fn cookie_header(client: &fantoccini::Client) -> String {
    let cookies = client.get_all_cookies().await.unwrap();
    cookies.iter().map(|c| format!("{}={}", c.name(), c.value())).collect::<Vec<_>>().join("; ")
}

/// Every page renders with JavaScript off, for every role (status 200 and
/// its main content); and the main forms work without it: log in, table a
/// proposal, vote.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_and_the_main_forms_work_without_javascript_in_chromium() {
    let (dir, logins) = demo_forum();
    let server = Server::start(dir.path());
    let (_driver, driver_url) = chromedriver();
    let profile = tempfile::tempdir().unwrap();
    let no_script = serde_json::json!({"profile.managed_default_content_settings.javascript": 2});
    let client = chromium_with_prefs(&driver_url, profile.path(), no_script).await;
    let base = server.base.clone();

    let mut checked = 0;
    let mut wrong = Vec::new();
    for (role, address) in ROLES {
        client.goto(&format!("{base}/login")).await.unwrap();
        client.delete_all_cookies().await.unwrap();
        if let Some(address) = address {
            log_in(&client, &base, address, &password_of(&logins, address)).await;
        }
        let cookies = cookie_header(&client).await;
        for page in page_addresses() {
            client.goto(&format!("{base}{page}")).await.unwrap();
            let (b, p, c) = (base.clone(), page.clone(), cookies.clone());
            let status = tokio::task::spawn_blocking(move || {
                agent().get(format!("{b}{p}")).header("Cookie", c).call().unwrap().status().as_u16()
            })
            .await
            .unwrap();
            let expected = expected_status(&page, role);
            if status != expected {
                wrong.push(format!("{page} as {role}: status {status}"));
            }
            match client.find(Locator::Css("main#main h1")).await {
                Ok(h1) if !h1.text().await.unwrap().trim().is_empty() => {}
                _ => wrong.push(format!("{page} as {role}: no main content")),
            }
            checked += 1;
        }
    }
    println!("{checked} pages read with JavaScript off");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));

    // JavaScript is off: the times stay as the server wrote them.
    client.goto(&format!("{base}/processes/1/versions")).await.unwrap();
    let time = client.find(Locator::Css("main time[datetime]")).await.unwrap();
    assert_eq!(time.text().await.unwrap(), time.attr("datetime").await.unwrap().unwrap(), "a script ran");

    // Log in, and table a proposal through the whole form (every field
    // shows without the script).
    let bra = "head.bra@demo.accord.example";
    log_in(&client, &base, bra, &password_of(&logins, bra)).await;
    client.goto(&format!("{base}/processes/1/provisions/chp_2__art_5__para_2")).await.unwrap();
    assert!(client.find(Locator::Id("position")).await.unwrap().is_displayed().await.unwrap(), "all fields show");
    client.find(Locator::Id("quote")).await.unwrap().send_keys("inconsistent").await.unwrap();
    client.find(Locator::Id("text")).await.unwrap().send_keys("incompatible").await.unwrap();
    client.find(Locator::Id("justification")).await.unwrap().send_keys("Plainer words.").await.unwrap();
    client.find(Locator::Css("form[data-propose-form] button[type=submit]")).await.unwrap().click().await.unwrap();
    wait_for_text(&client, ".notice", "Your proposal is tabled").await;

    // Vote.
    let vote = {
        let (b, p) = (base.clone(), password_of(&logins, "chair@"));
        tokio::task::spawn_blocking(move || open_vote(&b, &p, "chp_3__art_8__para_1")).await.unwrap()
    };
    client.goto(&format!("{base}/meetings/1")).await.unwrap();
    let ballot = format!("form:has(input[name=vote][value='{vote}'])");
    client.find(Locator::Css(&format!("{ballot} input[value=abstain]"))).await.unwrap().click().await.unwrap();
    client.find(Locator::Css(&format!("{ballot} button[type=submit]"))).await.unwrap().click().await.unwrap();
    let mine = wait_for_text(&client, &format!("#vote-{vote}"), "Your delegation voted").await;
    assert!(mine.contains("Your delegation voted abstain"), "{mine}");
    client.close().await.unwrap();
}
