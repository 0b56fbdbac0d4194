//! Messages as HTML, for pages whose sentences hold markup around a value
//! (`<bdi>` around a title, `<strong>` around a word, a link): the
//! message's text is escaped, and each placeable named is filled with HTML
//! the page built from escaped values. The message is looked up with a
//! private-use marker in each such placeable, which no message and no
//! escaped text holds.

/// Stands for an HTML placeable while the message's text is escaped.
const MARK: char = '\u{E000}';

/// Text escaped for HTML, quotes included (attributes too).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

fn marker(n: usize) -> String {
    format!("{MARK}{n}{MARK}")
}

/// The message `text` (looked up with the markers) escaped, each marker
/// replaced by its HTML.
fn fill(text: String, html: &[String]) -> String {
    let mut out = escape(&text);
    for (n, h) in html.iter().enumerate() {
        out = out.replace(&marker(n), h);
    }
    out
}

/// The message `id` as HTML, its placeable `name` given as HTML.
pub fn ht1(id: &str, name: &str, html: impl std::fmt::Display) -> String {
    fill(super::t1(id, name, marker(0)), &[html.to_string()])
}

/// The message `id` as HTML, its two placeables given as HTML.
pub fn ht2(id: &str, n1: &str, h1: impl std::fmt::Display, n2: &str, h2: impl std::fmt::Display) -> String {
    fill(super::t2(id, n1, marker(0), n2, marker(1)), &[h1.to_string(), h2.to_string()])
}

/// The message `id` as HTML, its three placeables given as HTML.
pub fn ht3(
    id: &str,
    n1: &str,
    h1: impl std::fmt::Display,
    n2: &str,
    h2: impl std::fmt::Display,
    n3: &str,
    h3: impl std::fmt::Display,
) -> String {
    fill(super::t3(id, n1, marker(0), n2, marker(1), n3, marker(2)), &[h1.to_string(), h2.to_string(), h3.to_string()])
}

/// The message `id` as HTML with a number (for plural rules) and a
/// placeable given as HTML.
pub fn nt2(id: &str, count_name: &str, count: u32, name: &str, html: impl std::fmt::Display) -> String {
    fill(super::t2(id, count_name, count, name, marker(0)), &[html.to_string()])
}

/// Text escaped, to stand as an HTML placeable.
pub fn esc(text: impl std::fmt::Display) -> String {
    escape(&text.to_string())
}

/// User text, escaped and isolated.
pub fn bdi(text: impl std::fmt::Display) -> String {
    format!("<bdi>{}</bdi>", escape(&text.to_string()))
}

/// A code, key or command, escaped.
pub fn code(text: impl std::fmt::Display) -> String {
    format!("<code>{}</code>", escape(&text.to_string()))
}

/// A word in bold.
pub fn strong(text: impl std::fmt::Display) -> String {
    format!("<strong>{}</strong>", escape(&text.to_string()))
}
