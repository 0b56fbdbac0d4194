//! Right to left: the style sheet speaks only of the start and the end of a
//! line, never of its left and right, so that an Arabic page (`dir="rtl"`)
//! is the mirror of an English one; and in a real browser it is.

use fantoccini::Locator;

use crate::browser::{chromedriver, chromium, demo_forum};
use crate::helpers::*;

const STYLESHEET: &str = include_str!("../../../accord-server/assets/accord.css");

/// The declarations of a style sheet, `(property, value)`, comments left
/// out, in the order written.
fn declarations(css: &str) -> Vec<(String, String)> {
    let mut text = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start..].find("*/").map_or("", |end| &rest[start + end + 2..]);
    }
    text.push_str(rest);
    let mut found = Vec::new();
    // A declaration sits between `{` or `;` and `;` or `}`; selectors
    // (before a `{`) are skipped.
    for block in text.split('}') {
        let Some((_, body)) = block.rsplit_once('{') else { continue };
        for declaration in body.split(';') {
            if let Some((property, value)) = declaration.split_once(':') {
                found.push((property.trim().to_ascii_lowercase(), value.trim().to_ascii_lowercase()));
            }
        }
    }
    found
}

/// Why a declaration lays a page out by left and right, if it does.
fn physical(property: &str, value: &str) -> Option<&'static str> {
    let value = value.trim_end_matches("!important").trim();
    let words: Vec<&str> = value.split_whitespace().collect();
    if property.split('-').any(|part| part == "left" || part == "right") {
        return Some("a left or right property (use the -inline-start/-inline-end one)");
    }
    if matches!(property, "float" | "clear" | "text-align" | "text-align-last" | "caption-side" | "resize")
        && words.iter().any(|w| *w == "left" || *w == "right")
    {
        return Some("left or right as a value (use start/end or inline-start/inline-end)");
    }
    // Four sides, `top right bottom left`: a shorthand whose right and left
    // differ is physical (say `margin-inline: A B`).
    let four_sides = matches!(
        property,
        "margin"
            | "padding"
            | "inset"
            | "border-width"
            | "border-style"
            | "border-color"
            | "scroll-margin"
            | "scroll-padding"
    );
    if four_sides && words.len() == 4 && words[1] != words[3] {
        return Some("a four-value shorthand with a different left and right (use -block and -inline)");
    }
    if property == "border-radius"
        && value.split('/').any(|half| {
            let w: Vec<&str> = half.split_whitespace().collect();
            (w.len() == 2 || w.len() == 3) && w[0] != w[1] || w.len() == 4 && (w[0] != w[1] || w[2] != w[3])
        })
    {
        return Some("corners rounded differently left and right (use border-start-start-radius…)");
    }
    None
}

#[test]
fn the_stylesheet_uses_no_left_or_right() {
    let declarations = declarations(STYLESHEET);
    assert!(declarations.len() > 200, "the style sheet was read: {} declarations", declarations.len());
    let offending: Vec<String> =
        declarations.iter().filter_map(|(p, v)| physical(p, v).map(|why| format!("`{p}: {v}`: {why}"))).collect();
    assert!(offending.is_empty(), "accord.css lays out by left and right:\n{}", offending.join("\n"));
}

/// The check itself finds what it must: each of these is physical.
#[test]
fn the_check_finds_left_and_right() {
    let css = "a { margin-left: 1rem } b { padding-right: 0; } c { left: 0 } d { text-align: left }
               e { float: right } f { border-left: 1px solid } g { margin: 0 1rem 0 0 } h { inset-inline-start: 0 }
               i { text-align: start; margin: 0 auto; padding: 1px 2px 3px 2px } j { border-top-right-radius: 2px }";
    let physical: Vec<String> =
        declarations(css).iter().filter(|(p, v)| physical(p, v).is_some()).map(|(p, _)| p.clone()).collect();
    assert_eq!(
        physical,
        [
            "margin-left",
            "padding-right",
            "left",
            "text-align",
            "float",
            "border-left",
            "margin",
            "border-top-right-radius"
        ]
    );
}

/// The left edge, right edge and width of the element `css`, as the
/// browser laid it out.
async fn edges(client: &fantoccini::Client, css: &str) -> (f64, f64, f64) {
    let r = client
        .execute(
            "const r = document.querySelector(arguments[0]).getBoundingClientRect(); return [r.left, r.right, window.innerWidth];",
            vec![serde_json::json!(css)],
        )
        .await
        .unwrap();
    let r: Vec<f64> = serde_json::from_value(r).unwrap();
    (r[0], r[1], r[2])
}

/// An Arabic page is right to left, and its masthead mirrored: the forum's
/// name on the right, the main navigation's first item to the right of the
/// second, the language switcher on the left; an English page the other way.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_arabic_page_reads_from_the_right_in_chromium() {
    let (dir, _logins) = demo_forum();
    let server = Server::start(dir.path());
    let (_driver, driver_url) = chromedriver();
    let profile = tempfile::tempdir().unwrap();
    let client = chromium(&driver_url, profile.path()).await;
    let base = &server.base;

    client.goto(&format!("{base}/")).await.unwrap();
    let html = client.find(Locator::Css("html")).await.unwrap();
    assert_eq!(html.attr("dir").await.unwrap().as_deref(), Some("ltr"));
    let (forum_left, _, _) = edges(&client, ".masthead .forum").await;
    let (first_left, _, _) = edges(&client, ".masthead nav li:first-child").await;
    let (second_left, _, _) = edges(&client, ".masthead nav li:nth-child(2)").await;
    assert!(forum_left < 100.0, "English: the forum's name at the left, not at {forum_left}");
    assert!(first_left < second_left, "English: the navigation runs to the right");

    // The cookie the language switcher sets.
    client.execute("document.cookie = 'accord_lang=ar; path=/'", vec![]).await.unwrap();
    client.goto(&format!("{base}/")).await.unwrap();
    let html = client.find(Locator::Css("html")).await.unwrap();
    assert_eq!(html.attr("lang").await.unwrap().as_deref(), Some("ar"));
    assert_eq!(html.attr("dir").await.unwrap().as_deref(), Some("rtl"));
    let direction = client.execute("return getComputedStyle(document.body).direction", vec![]).await.unwrap();
    assert_eq!(direction, "rtl");

    let (_, forum_right, width) = edges(&client, ".masthead .forum").await;
    assert!(forum_right > width - 100.0, "Arabic: the forum's name at the right ({forum_right} of {width})");
    let (_, nav_right, _) = edges(&client, ".masthead nav").await;
    let (_, first_right, _) = edges(&client, ".masthead nav li:first-child").await;
    let (second_left, second_right, _) = edges(&client, ".masthead nav li:nth-child(2)").await;
    assert!(
        first_right > second_right && second_right <= first_right - 1.0,
        "Arabic: the navigation starts on the right: first item ends at {first_right}, second at {second_right}"
    );
    assert!((first_right - nav_right).abs() < 1.0, "Arabic: the first item starts the navigation at its right");
    assert!(second_left < first_right);
    let (switcher_left, _, _) = edges(&client, ".languages button:first-of-type").await;
    let (_, switcher_right, _) = edges(&client, ".languages button:last-of-type").await;
    assert!(
        switcher_right < switcher_left,
        "Arabic: the switcher lists its languages from the right (first {switcher_left}, last ends {switcher_right})"
    );
    // The skip link waits off screen at the start: on the right, off the page.
    let skip = client
        .execute("const s = getComputedStyle(document.querySelector('.skip')); return [s.right, s.left];", vec![])
        .await
        .unwrap();
    assert_eq!(skip[0], "-999px", "the skip link hides past the right edge: {skip}");

    // The rolling text's brackets and options keep their order inside the
    // Arabic frame, and the page scrolls no wider than the screen.
    client.goto(&format!("{base}/processes/1")).await.unwrap();
    let overflow =
        client.execute("return document.scrollingElement.scrollWidth - window.innerWidth", vec![]).await.unwrap();
    assert!(overflow.as_f64().unwrap() <= 0.0, "the Arabic rolling text scrolls sideways by {overflow}px");
    client.close().await.unwrap();
}
