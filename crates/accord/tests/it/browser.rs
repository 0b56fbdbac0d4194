//! End to end in a real browser: Debian's Chromium driven through
//! chromedriver (both installed by the test script).

use std::time::Duration;

use fantoccini::{ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

use crate::helpers::*;

pub(crate) struct Driver(std::process::Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

pub(crate) fn chromedriver() -> (Driver, String) {
    let path = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
        .expect("chromedriver is missing: run ./test.sh, which installs Debian's chromium and chromium-driver");
    let port = free_port();
    // Wrapped at once, so that it is killed and waited for on every path.
    let driver = Driver(
        std::process::Command::new(path)
            .arg(format!("--port={port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    let url = format!("http://127.0.0.1:{port}");
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return (driver, url);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("chromedriver did not start");
}

pub(crate) async fn chromium(driver_url: &str, profile: &std::path::Path) -> fantoccini::Client {
    chromium_with_prefs(driver_url, profile, serde_json::json!({})).await
}

/// [`chromium`] with these preferences of Chromium's profile (as
/// `profile.managed_default_content_settings.javascript = 2`, which turns
/// JavaScript off).
pub(crate) async fn chromium_with_prefs(
    driver_url: &str,
    profile: &std::path::Path,
    prefs: serde_json::Value,
) -> fantoccini::Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": "/usr/bin/chromium",
            "prefs": prefs,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--window-size=1280,900", format!("--user-data-dir={}", profile.display())]
        }),
    );
    ClientBuilder::new(HttpConnector::new()).capabilities(caps).connect(driver_url).await.expect("a Chromium session")
}

/// A data directory with the demonstration forum (`accord demo`), and the
/// log-ins it wrote.
pub(crate) fn demo_forum() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["demo", "--data-dir", dir.path().to_str().unwrap()])
        .env("ACCORD_LOG", "warn")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let logins = std::fs::read_to_string(dir.path().join("demo-logins.txt")).unwrap();
    (dir, logins)
}

/// The password the demonstration gave the account with this address.
pub(crate) fn password_of(logins: &str, address: &str) -> String {
    logins
        .lines()
        .find(|l| l.contains(address))
        .and_then(|l| l.split_whitespace().last())
        .unwrap_or_else(|| panic!("the demo log-ins have no {address}"))
        .to_owned()
}

/// Waits until the element `css` of the page shows `needle`, and answers its
/// text. After a click the old page may still be there, and its elements go
/// stale as the new one loads: they are looked up again until the new page
/// shows what is expected (or ten seconds pass).
pub(crate) async fn wait_for_text(client: &fantoccini::Client, css: &str, needle: &str) -> String {
    let mut seen = String::new();
    for _ in 0..100 {
        if let Ok(element) = client.find(Locator::Css(css)).await {
            if let Ok(text) = element.text().await {
                if text.contains(needle) {
                    return text;
                }
                seen = text;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css} never showed {needle:?}; last seen: {seen:?}");
}

/// A delegate selects words of a provision, proposes a replacement, and
/// sees it bracketed in the rolling text.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delegate_selects_words_and_proposes_in_chromium() {
    let (dir, logins) = demo_forum();
    let password = password_of(&logins, "head.bra@");
    let server = Server::start(dir.path());
    let (_driver, driver_url) = chromedriver();
    let profile = tempfile::tempdir().unwrap();
    let client = chromium(&driver_url, profile.path()).await;
    let base = &server.base;
    // "the" before "Charter" is the first whole word "the" of the paragraph,
    // but the third "the" in its letters ("other" comes first): the page
    // must name the words the delegate selected, not another occurrence.
    let eid = "chp_2__art_5__para_2";
    client.goto(&format!("{base}/login?next=/processes/1/provisions/{eid}")).await.unwrap();
    client.find(Locator::Id("email")).await.unwrap().send_keys("head.bra@demo.accord.example").await.unwrap();
    client.find(Locator::Id("password")).await.unwrap().send_keys(&password).await.unwrap();
    client.find(Locator::Css("main form button[type=submit]")).await.unwrap().click().await.unwrap();
    let text = client.wait().for_element(Locator::Css("[data-select-text]")).await.unwrap();
    let words = text.text().await.unwrap();
    assert!(words.contains("any other manner inconsistent with the Charter"), "{words}");
    let word = "the";
    client
        .execute(
            "const block = document.querySelector('[data-select-text]');
             const node = block.firstChild; const at = node.textContent.indexOf('the Charter');
             const range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + 3);
             const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
             block.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));",
            vec![],
        )
        .await
        .unwrap();
    let quote = client.find(Locator::Id("quote")).await.unwrap();
    assert_eq!(quote.prop("value").await.unwrap().as_deref(), Some(word), "the selection filled the quote");
    let new_words = "the founding";
    let field = client.find(Locator::Id("text")).await.unwrap();
    field.clear().await.unwrap();
    field.send_keys(new_words).await.unwrap();
    client.find(Locator::Id("justification")).await.unwrap().send_keys("The Charter is one.").await.unwrap();
    client.find(Locator::Css("form[data-propose-form] button[type=submit]")).await.unwrap().click().await.unwrap();
    wait_for_text(&client, ".notice", "Your proposal is tabled").await;
    let h1 = client.find(Locator::Css("h1")).await.unwrap().text().await.unwrap();
    let label = h1.split_whitespace().nth(1).unwrap().to_owned();
    client.goto(&format!("{base}/processes/1?member=BRA#{eid}")).await.unwrap();
    let provision = client.wait().for_element(Locator::Id(eid)).await.unwrap();
    let shown = provision.text().await.unwrap();
    assert!(shown.contains(new_words) && shown.contains(&label), "{shown}");
    assert!(shown.contains('[') && shown.contains("(original"), "bracketed: {shown}");
    // The bracket stands where the selection was: before "Charter".
    assert!(
        shown.contains("[the (original) / the founding (") && shown.contains(": BRA)] Charter of the United Nations"),
        "{shown}"
    );
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secretariat_admits_and_accredits_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    init_forum_cli(dir.path());
    let server = Server::start(dir.path());
    let (_driver, driver_url) = chromedriver();
    let profile = tempfile::tempdir().unwrap();
    let client = chromium(&driver_url, profile.path()).await;
    let base = &server.base;

    client.goto(&format!("{base}/login")).await.unwrap();
    client.find(Locator::Id("email")).await.unwrap().send_keys(&email("sec")).await.unwrap();
    client.find(Locator::Id("password")).await.unwrap().send_keys(PASSWORD).await.unwrap();
    client.find(Locator::Css("main form button[type=submit]")).await.unwrap().click().await.unwrap();
    client.wait().for_element(Locator::LinkText("Admit a member or observer")).await.unwrap();

    client.goto(&format!("{base}/members/new")).await.unwrap();
    // The script hides the category for states and shows it for organisations.
    let category = client.find(Locator::Id("category")).await.unwrap();
    assert!(!category.is_displayed().await.unwrap(), "category shown for a state");
    client.find(Locator::Css("input[name=kind][value=organisation]")).await.unwrap().click().await.unwrap();
    assert!(category.is_displayed().await.unwrap(), "category hidden for an organisation");
    client.find(Locator::Css("input[name=kind][value=state]")).await.unwrap().click().await.unwrap();

    // A wrong code is refused with the reason, in the page.
    client.find(Locator::Id("code")).await.unwrap().send_keys("XQZ").await.unwrap();
    client.find(Locator::Css("main form button[type=submit]")).await.unwrap().click().await.unwrap();
    wait_for_text(&client, "[role=alert]", "XQZ is not an ISO 3166-1 alpha-3 code").await;

    let code = client.find(Locator::Id("code")).await.unwrap();
    code.clear().await.unwrap();
    code.send_keys("KEN").await.unwrap();
    client.find(Locator::Css("main form button[type=submit]")).await.unwrap().click().await.unwrap();
    wait_for_text(&client, "h1", "Kenya").await;
    assert!(client.current_url().await.unwrap().path().ends_with("/members/KEN"));

    client.find(Locator::Id("d-name")).await.unwrap().send_keys("Wanjiru Kamau").await.unwrap();
    client.find(Locator::Id("d-email")).await.unwrap().send_keys("wanjiru@forum.test").await.unwrap();
    client.find(Locator::Css("#d-role option[value=head_of_delegation]")).await.unwrap().click().await.unwrap();
    client.find(Locator::Css("form[action='/members/KEN/delegates'] button")).await.unwrap().click().await.unwrap();
    let text = wait_for_text(&client, ".notice", "Initial password").await;
    assert!(text.contains("Wanjiru Kamau"), "{text}");

    // The delegation table and the record show it.
    let table = client.find(Locator::Css("table.list")).await.unwrap().text().await.unwrap();
    assert!(table.contains("Wanjiru Kamau") && table.contains("Head of delegation"));
    client.goto(&format!("{base}/record")).await.unwrap();
    let record = client.find(Locator::Css("table.record")).await.unwrap().text().await.unwrap();
    assert!(record.contains("Kenya (KEN) admitted as member"));
    assert!(record.contains("Wanjiru Kamau (D2) accredited to KEN"));

    // Small screens: the members table still reads.
    client.set_window_size(390, 844).await.unwrap();
    client.goto(&format!("{base}/members")).await.unwrap();
    let png = client.screenshot().await.unwrap();
    assert!(png.len() > 1000);
    client.close().await.unwrap();
}

/// An open meeting page updates by itself when a delegation registers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn meeting_pages_update_live_in_chromium() {
    let (dir, logins) = demo_forum();
    let password = password_of(&logins, "head.bra@");
    let server = Server::start(dir.path());
    let (_driver, driver_url) = chromedriver();
    let profile = tempfile::tempdir().unwrap();
    let client = chromium(&driver_url, profile.path()).await;
    let base = server.base.clone();
    client.goto(&format!("{base}/meetings/2")).await.unwrap();
    let attendance = client.find(Locator::Css("[data-live] #attendance + p + p")).await.unwrap();
    assert!(attendance.text().await.unwrap().contains("No one has registered"));
    // BRA registers through the API; the page shows it without a reload.
    let b = base.clone();
    tokio::task::spawn_blocking(move || {
        let agent = agent();
        let mut login = agent
            .post(format!("{b}/api/v1/auth/token"))
            .send_json(serde_json::json!({"email": "head.bra@demo.accord.example", "password": password}))
            .unwrap();
        let token = login.body_mut().read_json::<serde_json::Value>().unwrap()["token"].as_str().unwrap().to_owned();
        let res = agent
            .post(format!("{b}/api/v1/meetings/2/attendance"))
            .header("Authorization", format!("Bearer {token}"))
            .send_empty()
            .unwrap();
        assert_eq!(res.status(), 201);
    })
    .await
    .unwrap();
    let mut seen = String::new();
    for _ in 0..40 {
        // The part is replaced while we read it: a stale element is read again.
        if let Ok(element) = client.find(Locator::Css("[data-live] #attendance + p + p")).await {
            if let Ok(text) = element.text().await {
                seen = text;
            }
        }
        if seen.contains("BRA") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(seen.contains("BRA"), "the page did not update: {seen}");
    client.close().await.unwrap();
}

/// The chair opens a recorded vote from the console, delegations vote, and
/// the tally on another open page follows without a reload; the chair
/// closes the vote and that page shows the outcome.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chair_opens_a_vote_and_the_tally_updates_live_in_chromium() {
    let (dir, logins) = demo_forum();
    let server = Server::start(dir.path());
    let base = server.base.clone();
    let (_driver, driver_url) = chromedriver();
    let (public_profile, chair_profile) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let public = chromium(&driver_url, public_profile.path()).await;
    let chair = chromium(&driver_url, chair_profile.path()).await;

    public.goto(&format!("{base}/meetings/1")).await.unwrap();
    assert!(public.find(Locator::Css("#vote-2")).await.is_err(), "the demo has one vote");

    chair.goto(&format!("{base}/login?next=/meetings/1")).await.unwrap();
    chair.find(Locator::Id("email")).await.unwrap().send_keys("chair@demo.accord.example").await.unwrap();
    chair.find(Locator::Id("password")).await.unwrap().send_keys(&password_of(&logins, "chair@")).await.unwrap();
    chair.find(Locator::Css("main form button[type=submit]")).await.unwrap().click().await.unwrap();
    chair.wait().for_element(Locator::Id("q-kind")).await.unwrap();
    chair.find(Locator::Css("#q-kind option[value=provision]")).await.unwrap().click().await.unwrap();
    chair.find(Locator::Id("q-id")).await.unwrap().send_keys("chp_3__art_8__para_1").await.unwrap();
    chair.find(Locator::Css("#q-majority option[value=two_thirds]")).await.unwrap().click().await.unwrap();
    chair.find(Locator::Css("button[value=open_vote]")).await.unwrap().click().await.unwrap();
    wait_for_text(&chair, "#vote-2 h3", "open").await;

    // The other page shows the new vote without a reload.
    let heading = wait_for_text(&public, "#vote-2 h3", "Vote 2 on").await;
    assert!(heading.contains("two-thirds majority, open"), "{heading}");

    let vote = |address: &'static str, password: String, choice: &'static str| {
        let b = base.clone();
        tokio::task::spawn_blocking(move || {
            let agent = agent();
            let mut login = agent
                .post(format!("{b}/api/v1/auth/token"))
                .send_json(serde_json::json!({"email": address, "password": password}))
                .unwrap();
            let token =
                login.body_mut().read_json::<serde_json::Value>().unwrap()["token"].as_str().unwrap().to_owned();
            let res = agent
                .post(format!("{b}/api/v1/votes/2/ballots"))
                .header("Authorization", format!("Bearer {token}"))
                .send_json(serde_json::json!({ "choice": choice }))
                .unwrap();
            assert_eq!(res.status(), 201, "{address} voted {choice}");
        })
    };
    vote("head.bra@demo.accord.example", password_of(&logins, "head.bra@"), "yes").await.unwrap();
    wait_for_text(&public, "#vote-2 .tally", "Yes 1 · No 0").await;
    vote("head.ken@demo.accord.example", password_of(&logins, "head.ken@"), "yes").await.unwrap();
    vote("head.chn@demo.accord.example", password_of(&logins, "head.chn@"), "no").await.unwrap();
    vote("head.fra@demo.accord.example", password_of(&logins, "head.fra@"), "abstain").await.unwrap();
    let tally = wait_for_text(&public, "#vote-2 .tally", "Yes 2 · No 1 · Abstaining 1").await;
    assert!(tally.contains("present and voting 3, required 2"), "{tally}");

    // The chair closes the vote (the console asks to confirm); the public
    // page shows the outcome.
    chair.goto(&format!("{base}/meetings/1")).await.unwrap();
    chair.find(Locator::Css("form[data-confirm]:has(input[value=close]) button")).await.unwrap().click().await.unwrap();
    chair.accept_alert().await.unwrap();
    wait_for_text(&public, "#vote-2 .tally", "adopted").await;
    let outcome = public.find(Locator::Css("#vote-2 .tally")).await.unwrap().text().await.unwrap();
    assert!(outcome.contains("— adopted"), "{outcome}");
    let heading = public.find(Locator::Css("#vote-2 h3")).await.unwrap().text().await.unwrap();
    assert!(heading.contains("closed"), "{heading}");

    // The chair limits speaking time on item 4 and calls the next speaker:
    // both pages count the speaker's time down.
    chair.find(Locator::Id("time-4")).await.unwrap().send_keys("90").await.unwrap();
    chair.find(Locator::Css("form:has(#time-4) button")).await.unwrap().click().await.unwrap();
    wait_for_text(&chair, "#item-4", "Speaking time: 90 seconds").await;
    chair
        .find(Locator::Css("form:has(input[name=act][value=next]):has(input[name=item][value='4']) button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let left = wait_for_text(&chair, "#item-4 .countdown", "left)").await;
    assert!(left.starts_with("(1:"), "{left}");
    wait_for_text(&public, "#item-4 .countdown", "left)").await;
    public.close().await.unwrap();
    chair.close().await.unwrap();
}

/// Logging in from links whose `next` is hostile (a tab or line break
/// that browsers drop, another host, a scheme, backslashes, encoded
/// slashes) always lands on this site, logged in.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn log_in_never_leaves_the_site_whatever_next_holds_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    init_forum_cli(dir.path());
    let server = Server::start(dir.path());
    let (_driver, driver_url) = chromedriver();
    let profile = tempfile::tempdir().unwrap();
    let client = chromium(&driver_url, profile.path()).await;
    let base = url::Url::parse(&server.base).unwrap();
    let hostile = [
        "/%09/evil.example/x",
        "/%0D%0A/evil.example/x",
        "/%00/evil.example",
        "//evil.example/x",
        "/%5Cevil.example/x",
        "%2F%2Fevil.example/x",
        "/%2F/evil.example/x",
        "https://evil.example/x",
        "http:evil.example",
        "javascript:alert(document.domain)",
        "/.//evil.example/x",
        "/%E2%80%AE/evil.example",
    ];
    for next in hostile {
        client.goto(&format!("{}/login?next={next}", server.base)).await.unwrap();
        client.find(Locator::Id("email")).await.unwrap().send_keys(&email("sec")).await.unwrap();
        client.find(Locator::Id("password")).await.unwrap().send_keys(PASSWORD).await.unwrap();
        client.find(Locator::Css("main form button[type=submit]")).await.unwrap().click().await.unwrap();
        let mut at = client.current_url().await.unwrap();
        for _ in 0..100 {
            if at.path() != "/login" {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
            at = client.current_url().await.unwrap();
        }
        assert_eq!(at.origin(), base.origin(), "next={next} took the browser to {at}");
        assert_eq!(at.path(), "/", "next={next} led to {at}");
        client.wait().for_element(Locator::Css(".who a[href='/account']")).await.unwrap();
    }
    // A local next is followed.
    client.goto(&format!("{}/login?next=/officers", server.base)).await.unwrap();
    client.find(Locator::Id("email")).await.unwrap().send_keys(&email("sec")).await.unwrap();
    client.find(Locator::Id("password")).await.unwrap().send_keys(PASSWORD).await.unwrap();
    client.find(Locator::Css("main form button[type=submit]")).await.unwrap().click().await.unwrap();
    wait_for_text(&client, "h1", "Officers").await;
    let at = client.current_url().await.unwrap();
    assert_eq!((at.origin(), at.path()), (base.origin(), "/officers"));
    client.close().await.unwrap();
}

/// A member of the public joins the demonstration's consultation, votes on
/// every statement one at a time, and sees the results refresh without a
/// reload when someone else votes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_participant_votes_through_a_consultation_and_the_map_refreshes_in_chromium() {
    let (dir, _) = demo_forum();
    let server = Server::start(dir.path());
    let (_driver, driver_url) = chromedriver();
    let profile = tempfile::tempdir().unwrap();
    let client = chromium(&driver_url, profile.path()).await;
    let base = server.base.clone();
    client.goto(&format!("{base}/consultations/1")).await.unwrap();
    client.find(Locator::Css("input[value=academia]")).await.unwrap().click().await.unwrap();
    client
        .find(Locator::XPath("//button[normalize-space()='Join this consultation']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&client, "#vote", "You take part as participant").await;
    // One statement at a time, until none is left.
    let choices = ["agree", "disagree", "pass"];
    let mut voted = 0;
    loop {
        let text = wait_for_text(&client, "#vote", "You take part").await;
        if text.contains("You have voted on every statement shown") {
            break;
        }
        let button = format!(".vote-buttons button[value={}]", choices[voted % 3]);
        client.find(Locator::Css(&button)).await.unwrap().click().await.unwrap();
        voted += 1;
        wait_for_text(&client, ".notice", "Your vote is recorded").await;
        assert!(voted <= 10, "more statements than the consultation holds");
    }
    assert_eq!(voted, 10, "each of the ten statements was shown once");
    let before = wait_for_text(&client, "#results p.muted", "Computed at record size").await;

    // Someone else joins and votes through the API; the results follow.
    let b = base.clone();
    tokio::task::spawn_blocking(move || {
        let agent = agent();
        let mut joined = agent
            .post(format!("{b}/api/v1/consultations/1/participants"))
            .send_json(serde_json::json!({"category": "ngo"}))
            .unwrap();
        assert_eq!(joined.status(), 201);
        let key = joined.body_mut().read_json::<serde_json::Value>().unwrap()["key"].as_str().unwrap().to_owned();
        for statement in 1..=10 {
            let res = agent
                .post(format!("{b}/api/v1/consultations/1/votes"))
                .header("X-Accord-Participant", &key)
                .send_json(serde_json::json!({"statement": statement, "vote": "agree"}))
                .unwrap();
            assert_eq!(res.status(), 200);
        }
    })
    .await
    .unwrap();
    let mut now = before.clone();
    for _ in 0..100 {
        if let Ok(element) = client.find(Locator::Css("#results p.muted")).await {
            if let Ok(text) = element.text().await {
                now = text;
            }
        }
        if now != before {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_ne!(now, before, "the results did not refresh");
    assert!(now.contains("Computed at record size"), "{now}");
    client.close().await.unwrap();
}
