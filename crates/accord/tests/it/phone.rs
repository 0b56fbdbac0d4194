//! The rolling text on a phone: a delegate reads and acts on it in a
//! 390 × 844 viewport without scrolling sideways.

use fantoccini::{ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

use crate::browser::{chromedriver, demo_forum, password_of};
use crate::helpers::*;

/// Chromium as a phone: a 390 × 844 viewport at three device pixels per
/// CSS pixel, with a touch screen.
async fn phone(driver_url: &str, profile: &std::path::Path) -> fantoccini::Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     format!("--user-data-dir={}", profile.display())],
            "mobileEmulation": {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 3.0, "touch": true}}
        }),
    );
    ClientBuilder::new(HttpConnector::new()).capabilities(caps).connect(driver_url).await.expect("a Chromium session")
}

/// How far the page scrolls sideways (0 when it fits), and the viewport's width.
async fn overflow(client: &fantoccini::Client) -> (f64, f64) {
    let v = client
        .execute("return [document.scrollingElement.scrollWidth - window.innerWidth, window.innerWidth]", vec![])
        .await
        .unwrap();
    let v: Vec<f64> = serde_json::from_value(v).unwrap();
    (v[0], v[1])
}

/// The elements matching `css` that stick out of the viewport sideways, as
/// `tag.class: left..right`; visible ones only.
async fn outside(client: &fantoccini::Client, css: &str) -> Vec<String> {
    let v = client
        .execute(
            "const w = window.innerWidth; return [...document.querySelectorAll(arguments[0])]
               .filter(e => e.getClientRects().length > 0)
               .map(e => [e, e.getBoundingClientRect()])
               .filter(([e, r]) => r.left < -0.5 || r.right > w + 0.5)
               .map(([e, r]) => `${e.tagName.toLowerCase()}.${e.className}: ${Math.round(r.left)}..${Math.round(r.right)}`);",
            vec![serde_json::json!(css)],
        )
        .await
        .unwrap();
    serde_json::from_value(v).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rolling_text_fits_a_phone_in_chromium() {
    let (dir, logins) = demo_forum();
    let password = password_of(&logins, "head.bra@");
    let server = Server::start(dir.path());
    let (_driver, driver_url) = chromedriver();
    let profile = tempfile::tempdir().unwrap();
    let client = phone(&driver_url, profile.path()).await;
    let base = &server.base;

    client.goto(&format!("{base}/login?next=/processes/1")).await.unwrap();
    client.find(Locator::Id("email")).await.unwrap().send_keys("head.bra@demo.accord.example").await.unwrap();
    client.find(Locator::Id("password")).await.unwrap().send_keys(&password).await.unwrap();
    client.find(Locator::Css("main form button[type=submit]")).await.unwrap().click().await.unwrap();
    client.wait().for_element(Locator::Css("[data-live=rolling] .instrument")).await.unwrap();

    let (width, viewport) = overflow(&client).await;
    // A page wider than the phone widens the layout viewport instead
    // (the browser zooms out): both mean sideways scrolling or tiny text.
    assert_eq!(viewport, 390.0, "the rolling text lays out wider than the phone");
    assert!(width <= 0.0, "the rolling text scrolls sideways by {width}px on a phone");
    // Every control and every proposal link is on screen: the member
    // filter, the views, the brackets' links to their provision.
    let stray = outside(&client, "main a, main button, main select, main input, main label, .bracket, .prov").await;
    assert!(stray.is_empty(), "outside the screen: {stray:?}");
    let links = client.find_all(Locator::Css("a.prov-link")).await.unwrap();
    assert!(links.len() > 10, "the provisions' links to their proposals");

    // A provision's page: its proposals and the form to propose.
    let link = client.find(Locator::Css("a.prov-link[href$='chp_2__art_5__para_2']")).await.unwrap();
    link.click().await.unwrap();
    client.wait().for_element(Locator::Css("[data-select-text]")).await.unwrap();
    let (width, viewport) = overflow(&client).await;
    assert_eq!(viewport, 390.0, "the provision's page lays out wider than the phone");
    assert!(width <= 0.0, "the provision's page scrolls sideways by {width}px on a phone");
    let stray =
        outside(&client, "main a, main button, main select, main input, main textarea, main label, main table").await;
    assert!(stray.is_empty(), "outside the screen: {stray:?}");
    let forms = client.find_all(Locator::Css("main form")).await.unwrap();
    assert!(!forms.is_empty(), "the head of delegation may propose here");

    // A proposal's page.
    client.goto(&format!("{base}/processes/1/proposals/1")).await.unwrap();
    let (width, viewport) = overflow(&client).await;
    assert_eq!(viewport, 390.0, "a proposal's page lays out wider than the phone");
    assert!(width <= 0.0, "a proposal's page scrolls sideways by {width}px on a phone");
    let stray = outside(&client, "main a, main button, main select, main input, main textarea, main label").await;
    assert!(stray.is_empty(), "outside the screen: {stray:?}");

    // The same in Arabic, right to left.
    client.execute("document.cookie = 'accord_lang=ar; path=/'", vec![]).await.unwrap();
    client.goto(&format!("{base}/processes/1")).await.unwrap();
    let (width, viewport) = overflow(&client).await;
    assert_eq!(viewport, 390.0, "the Arabic rolling text lays out wider than the phone");
    assert!(width <= 0.0, "the Arabic rolling text scrolls sideways by {width}px on a phone");
    let stray = outside(&client, "main a, main button, main select, main input, main label, .bracket, .prov").await;
    assert!(stray.is_empty(), "outside the screen in Arabic: {stray:?}");
    client.close().await.unwrap();
}

/// A consultation's tables on a phone: their header rows are hidden to
/// fit the screen, so every cell says the column it is in (the statements'
/// votes, the groups' statements, common ground, bridging), in the
/// reader's language.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn consultation_tables_keep_their_headers_on_a_phone() {
    let (dir, _logins) = demo_forum();
    let server = Server::start(dir.path());
    let (_driver, driver_url) = chromedriver();
    let profile = tempfile::tempdir().unwrap();
    let client = phone(&driver_url, profile.path()).await;
    let base = &server.base;
    // Each visible cell of the consultation's tables: its text, and what
    // its `::before` shows, with whether the header row is shown.
    let cells = "return [...document.querySelectorAll('main table.list')].flatMap(t =>
         [...t.querySelectorAll('tbody td')].filter(td => td.getClientRects().length > 0).map(td =>
           [getComputedStyle(td, '::before').content, td.textContent.trim(),
            getComputedStyle(t.querySelector('thead')).display]));";
    for (lang, agree, statement) in [("en", "Agree", "Statement"), ("ar", "يوافق", "البيان")] {
        client.execute(&format!("document.cookie = 'accord_lang={lang}; path=/'"), vec![]).await.ok();
        client.goto(&format!("{base}/consultations/1")).await.unwrap();
        client.execute(&format!("document.cookie = 'accord_lang={lang}; path=/'"), vec![]).await.unwrap();
        client.goto(&format!("{base}/consultations/1")).await.unwrap();
        let (width, viewport) = overflow(&client).await;
        assert_eq!(viewport, 390.0, "{lang}: the consultation lays out wider than the phone");
        assert!(width <= 0.0, "{lang}: the consultation scrolls sideways by {width}px on a phone");
        let v = client.execute(cells, vec![]).await.unwrap();
        let cells: Vec<(String, String, String)> = serde_json::from_value(v).unwrap();
        assert!(cells.len() > 20, "{lang}: the demonstration's tables: {cells:?}");
        for (before, text, thead) in &cells {
            assert_eq!(thead, "none", "{lang}: the header row is hidden on a phone");
            assert!(before.len() > 4 && before.ends_with(": \""), "{lang}: {text:?} does not say its column: {before}");
        }
        assert!(cells.iter().any(|(b, _, _)| b.contains(agree)), "{lang}: {cells:?}");
        assert!(cells.iter().any(|(b, _, _)| b.contains(statement)), "{lang}: {cells:?}");
    }
    client.close().await.unwrap();
}
