//! Drafts in Markdown: the convention a secretariat writes a zero draft in.
//!
//! ```text
//! # Framework on Responsible Behaviour in Cyberspace
//!
//! ## Preamble
//!
//! Recalling that ... (one recital per paragraph; lines of a paragraph are joined)
//!
//! ## Chapter I — General provisions
//!
//! ### Article 1 — Purpose
//!
//! 1. The purpose of this Framework is to:
//!    (a) promote ...;
//!    (b) strengthen ....
//!
//! 2. ...
//! ```
//!
//! - `# ` the title, first; `## Preamble` (optional) holds the recitals;
//! - `## Chapter <Roman numeral> — <heading>` (optional; if one article is
//!   in a chapter, all are); the separator may be an em dash, an en dash or
//!   a hyphen with spaces around it;
//! - `### Article <n> — <heading>` (the heading is optional), numbered 1, 2,
//!   3... through the whole text;
//! - in an article, paragraphs `1.`, `2.`... each starting a line; an
//!   article of one paragraph may leave it unnumbered;
//! - under a paragraph, points `(a)`, `(b)`... each starting a line;
//! - blank lines separate paragraphs; other lines continue the paragraph or
//!   point above them and are joined with a space;
//! - nothing else: the text is plain text, and characters such as `*` or
//!   `<` are kept as written, never interpreted.
//!
//! eIds follow the Akoma Ntoso naming convention: `preamble__recital_3`,
//! `chp_2__art_5__para_2__point_b` (chapters by their number in Arabic
//! numerals), or `art_5__para_2` when there are no chapters.
//!
//! Every refusal of the parser names the line and the reason. `to_markdown`
//! writes a version back in this convention, and parsing its output gives
//! the same instrument; a version's digest is the SHA-256 of its Markdown.

use std::sync::Arc;

use crate::error::Refusal;
use crate::negotiation::text::{
    check_text, Instrument, Origin, Provision, ProvisionKind, Source, HEADING_MAX_CHARS, PROVISION_MAX_CHARS,
};

/// The largest Markdown draft accepted, in bytes.
pub const DRAFT_MAX_BYTES: usize = 2 * 1024 * 1024;
/// The most provisions an instrument may have.
pub const MAX_PROVISIONS: usize = 20_000;

fn err(line: usize, reason: impl Into<String>) -> Refusal {
    Refusal::invalid("malformed_draft", format!("line {line}: {}", reason.into()))
}

/// Splits `"I — General provisions"` into number and heading.
fn split_heading(rest: &str) -> (&str, &str) {
    for sep in [" \u{2014} ", " \u{2013} ", " - "] {
        if let Some((n, h)) = rest.split_once(sep) {
            return (n.trim(), h.trim());
        }
    }
    for sep in ['\u{2014}', '\u{2013}'] {
        if let Some((n, h)) = rest.split_once(sep) {
            return (n.trim(), h.trim());
        }
    }
    (rest.trim(), "")
}

fn roman(s: &str) -> Option<u32> {
    let value = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let digits: Option<Vec<u32>> = s.chars().map(value).collect();
    let digits = digits?;
    if digits.is_empty() {
        return None;
    }
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|n| n > d) {
            total -= *d as i64;
        } else {
            total += *d as i64;
        }
    }
    let total = u32::try_from(total).ok().filter(|t| *t > 0)?;
    (to_roman(total) == s).then_some(total)
}

pub(crate) fn to_roman(mut n: u32) -> String {
    let table = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut out = String::new();
    for (v, s) in table {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// `(b)` → `b`, if the line starts with a point's letter.
fn point_letter(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix('(')?;
    let (letter, text) = rest.split_once(')')?;
    if letter.is_empty() || letter.len() > 3 || !letter.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    Some((letter, text.trim_start()))
}

/// `12.` → 12, if the line starts with a paragraph's number.
fn paragraph_number(line: &str) -> Option<(u32, &str)> {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let rest = line[digits..].strip_prefix('.')?;
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    Some((line[..digits].parse().ok()?, rest.trim_start()))
}

fn letter_for(n: usize) -> String {
    // a..z, then aa, bb, ... as drafters do.
    let c = (b'a' + (n % 26) as u8) as char;
    std::iter::repeat_n(c, n / 26 + 1).collect()
}

struct Builder {
    provisions: Vec<Provision>,
    /// Index into `provisions` of the paragraph, recital or point being
    /// written, for continuation lines.
    open: Option<usize>,
    source: Arc<Source>,
}

impl Builder {
    fn push(
        &mut self,
        eid: String,
        kind: ProvisionKind,
        num: String,
        heading: String,
        text: String,
        line: usize,
    ) -> Result<(), Refusal> {
        if self.provisions.iter().any(|p| p.eid == eid) {
            return Err(err(line, format!("{eid} is given twice")));
        }
        if self.provisions.len() >= MAX_PROVISIONS {
            return Err(err(line, format!("a draft has at most {MAX_PROVISIONS} provisions")));
        }
        self.open = kind.has_text().then_some(self.provisions.len());
        self.provisions.push(Provision { eid, kind, num, heading, text, origins: Vec::new() });
        Ok(())
    }
}

/// Parses a draft. `source` is recorded as the origin of every word.
pub fn parse(markdown: &str, source: Arc<Source>) -> Result<Instrument, Refusal> {
    if markdown.len() > DRAFT_MAX_BYTES {
        return Err(Refusal::too_large(
            "draft_too_large",
            format!("the draft has {} bytes, more than {DRAFT_MAX_BYTES}", markdown.len()),
        ));
    }
    let mut p = Parser {
        b: Builder { provisions: Vec::new(), open: None, source },
        title: None,
        in_preamble: false,
        chapter: None,
        used_chapters: false,
        chapters_seen: 0,
        article: None,
        articles_seen: 0,
        recitals: 0,
        paragraph: None,
        unnumbered_article: false,
    };

    for (i, raw) in markdown.split('\n').enumerate() {
        let n = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(c) = line.chars().find(|c| c.is_control() && *c != '\t') {
            return Err(err(n, format!("the control character U+{:04X} is not allowed", c as u32)));
        }
        let line = line.replace('\t', " ");
        let trimmed = line.trim();
        p.line(n, trimmed)?;
    }
    let Parser { mut b, title, article, .. } = p;
    let Some(title) = title else {
        return Err(err(1, "the draft is empty: it starts with its title, as \"# Title\""));
    };
    if let Some((num, _, _)) = &article {
        check_article_closed(&article, markdown.split('\n').count(), *num)?;
    }
    if !b.provisions.iter().any(|p| p.kind == ProvisionKind::Article) {
        return Err(err(markdown.split('\n').count(), "the draft has no article (\"### Article 1 — Heading\")"));
    }
    for p in &mut b.provisions {
        if p.kind.has_text() {
            check_text(&format!("text of {}", p.eid), &p.text, PROVISION_MAX_CHARS, false)
                .map_err(|r| Refusal::invalid("malformed_draft", r.message))?;
            p.origins = vec![Origin { len: p.text.len(), source: b.source.clone() }];
        }
    }
    Ok(Instrument { title, provisions: b.provisions.into_iter().map(Arc::new).collect() })
}

/// A draft being parsed: where the parser stands.
struct Parser {
    b: Builder,
    title: Option<String>,
    in_preamble: bool,
    /// (number, eid)
    chapter: Option<(u32, String)>,
    used_chapters: bool,
    chapters_seen: u32,
    /// (number, eid, paragraphs)
    article: Option<(u32, String, usize)>,
    articles_seen: u32,
    recitals: usize,
    /// (eid, points)
    paragraph: Option<(String, usize)>,
    unnumbered_article: bool,
}

impl Parser {
    /// One line of the draft, numbered `n`, without its surrounding spaces.
    fn line(&mut self, n: usize, trimmed: &str) -> Result<(), Refusal> {
        if trimmed.is_empty() {
            self.b.open = None;
            return Ok(());
        }
        if let Some(rest) = trimmed.strip_prefix("# ") {
            if self.title.is_some() {
                return Err(err(n, "the draft has a second title (\"# \"); use \"## \" for the preamble and chapters"));
            }
            if !self.b.provisions.is_empty() {
                return Err(err(n, "the title comes first"));
            }
            let t = rest.trim().to_owned();
            check_text("title", &t, HEADING_MAX_CHARS, false).map_err(|r| err(n, r.message))?;
            self.title = Some(t);
            self.b.open = None;
            return Ok(());
        }
        if self.title.is_none() {
            return Err(err(n, "the draft starts with its title, as \"# Title\""));
        }
        if let Some(rest) = trimmed.strip_prefix("## ") {
            return self.chapter_heading(n, rest.trim());
        }
        if let Some(rest) = trimmed.strip_prefix("### ") {
            return self.article_heading(n, rest);
        }
        if trimmed.starts_with('#') {
            return Err(err(
                n,
                "headings are \"# Title\", \"## Preamble\", \"## Chapter I — Heading\" or \"### Article 1 — Heading\"",
            ));
        }
        // Text: a recital, a paragraph, a point, or the continuation of one.
        if self.in_preamble {
            return self.recital(n, trimmed);
        }
        self.article_text(n, trimmed)
    }

    /// `## Preamble` or `## Chapter I — Heading`.
    fn chapter_heading(&mut self, n: usize, rest: &str) -> Result<(), Refusal> {
        self.b.open = None;
        self.paragraph = None;
        if let Some((num, _, _)) = &self.article {
            check_article_closed(&self.article, n, *num)?;
        }
        self.article = None;
        if rest.eq_ignore_ascii_case("preamble") {
            if self.in_preamble || self.recitals > 0 || self.articles_seen > 0 || self.chapters_seen > 0 {
                return Err(err(n, "the preamble comes once, before the chapters and articles"));
            }
            self.in_preamble = true;
            return Ok(());
        }
        self.in_preamble = false;
        let Some(rest) = rest.strip_prefix("Chapter ") else {
            return Err(err(n, format!("\"## {rest}\" is neither \"## Preamble\" nor \"## Chapter I — Heading\"")));
        };
        let (num, heading) = split_heading(rest);
        let Some(value) = roman(num) else {
            return Err(err(n, format!("chapters are numbered in Roman numerals (I, II, III...), not {num:?}")));
        };
        if self.articles_seen > 0 && !self.used_chapters {
            return Err(err(
                n,
                "articles before this chapter are in no chapter: put every article in a chapter, or use none",
            ));
        }
        if value != self.chapters_seen + 1 {
            return Err(err(
                n,
                format!(
                    "chapter {num} follows {}: number chapters in order",
                    if self.chapters_seen == 0 {
                        "no chapter".to_owned()
                    } else {
                        format!("chapter {}", to_roman(self.chapters_seen))
                    }
                ),
            ));
        }
        check_text("chapter heading", heading, HEADING_MAX_CHARS, true).map_err(|r| err(n, r.message))?;
        self.chapters_seen = value;
        self.used_chapters = true;
        let eid = format!("chp_{value}");
        self.b.push(eid.clone(), ProvisionKind::Chapter, num.to_owned(), heading.to_owned(), String::new(), n)?;
        self.chapter = Some((value, eid));
        Ok(())
    }

    /// `### Article 1 — Heading`.
    fn article_heading(&mut self, n: usize, rest: &str) -> Result<(), Refusal> {
        self.b.open = None;
        self.paragraph = None;
        if let Some((num, _, _)) = &self.article {
            check_article_closed(&self.article, n, *num)?;
        }
        self.in_preamble = false;
        let Some(rest) = rest.trim().strip_prefix("Article ") else {
            return Err(err(n, format!("\"### {}\" is not \"### Article 1 — Heading\"", rest.trim())));
        };
        let (num, heading) = split_heading(rest);
        let Ok(value) = num.parse::<u32>() else {
            return Err(err(n, format!("articles are numbered 1, 2, 3..., not {num:?}")));
        };
        if value != self.articles_seen + 1 {
            return Err(err(
                n,
                format!(
                    "article {value} follows article {}: number articles 1, 2, 3... through the whole text",
                    self.articles_seen
                ),
            ));
        }
        if self.used_chapters && self.chapter.is_none() {
            return Err(err(n, "this article is in no chapter, while others are"));
        }
        check_text("article heading", heading, HEADING_MAX_CHARS, true).map_err(|r| err(n, r.message))?;
        self.articles_seen = value;
        let eid = match &self.chapter {
            Some((_, c)) => format!("{c}__art_{value}"),
            None => format!("art_{value}"),
        };
        self.b.push(eid.clone(), ProvisionKind::Article, value.to_string(), heading.to_owned(), String::new(), n)?;
        self.article = Some((value, eid, 0));
        self.unnumbered_article = false;
        Ok(())
    }

    /// A recital of the preamble, or the continuation of one.
    fn recital(&mut self, n: usize, trimmed: &str) -> Result<(), Refusal> {
        if let Some(open) = self.b.open {
            append(&mut self.b.provisions[open].text, trimmed);
        } else {
            self.recitals += 1;
            self.b.push(
                format!("preamble__recital_{}", self.recitals),
                ProvisionKind::Recital,
                String::new(),
                String::new(),
                trimmed.to_owned(),
                n,
            )?;
        }
        Ok(())
    }

    /// Text in an article: a paragraph, a point, or the continuation of one.
    fn article_text(&mut self, n: usize, trimmed: &str) -> Result<(), Refusal> {
        let Some((_, art_eid, paras)) = &mut self.article else {
            if self.chapter.is_some() {
                return Err(err(n, "text in a chapter goes in an article: add \"### Article N — Heading\""));
            }
            return Err(err(
                n,
                "text goes in the preamble (\"## Preamble\") or in an article (\"### Article 1 — Heading\")",
            ));
        };
        if let Some((letter, text)) = point_letter(trimmed) {
            let Some((para_eid, points)) = &mut self.paragraph else {
                return Err(err(n, format!("point ({letter}) is not under a paragraph")));
            };
            let expected = letter_for(*points);
            if letter != expected {
                return Err(err(
                    n,
                    format!("point ({letter}) should be ({expected}): letter points (a), (b), (c)... in order"),
                ));
            }
            *points += 1;
            let eid = format!("{para_eid}__point_{letter}");
            self.b.push(eid, ProvisionKind::Point, format!("({letter})"), String::new(), text.to_owned(), n)?;
            return Ok(());
        }
        if let Some((value, text)) = paragraph_number(trimmed) {
            if self.unnumbered_article {
                return Err(err(n, "this article has an unnumbered paragraph: number all its paragraphs, or none"));
            }
            if value as usize != *paras + 1 {
                return Err(err(
                    n,
                    format!(
                        "paragraph {value} should be paragraph {}: number paragraphs 1., 2., 3... in each article",
                        *paras + 1
                    ),
                ));
            }
            *paras += 1;
            let eid = format!("{art_eid}__para_{value}");
            self.paragraph = Some((eid.clone(), 0));
            self.b.push(eid, ProvisionKind::Paragraph, format!("{value}."), String::new(), text.to_owned(), n)?;
            return Ok(());
        }
        if let Some(open) = self.b.open {
            append(&mut self.b.provisions[open].text, trimmed);
            return Ok(());
        }
        if *paras == 0 {
            // An self.article of one unnumbered self.paragraph.
            *paras = 1;
            self.unnumbered_article = true;
            let eid = format!("{art_eid}__para_1");
            self.paragraph = Some((eid.clone(), 0));
            self.b.push(eid, ProvisionKind::Paragraph, String::new(), String::new(), trimmed.to_owned(), n)?;
            return Ok(());
        }
        Err(err(
            n,
            "a paragraph of an article starts with its number (\"2. ...\"); a point with its letter (\"(a) ...\")",
        ))
    }
}

fn check_article_closed(article: &Option<(u32, String, usize)>, line: usize, num: u32) -> Result<(), Refusal> {
    if let Some((_, _, 0)) = article {
        return Err(err(line, format!("article {num} has no paragraph")));
    }
    Ok(())
}

fn append(text: &mut String, more: &str) {
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(more);
}

/// Parses the body of a new article (for a proposal that inserts one):
/// paragraphs numbered `1.`, `2.`... or one unnumbered, with points, as in
/// a draft. eIds are made under `article_eid`.
pub fn parse_article_body(article_eid: &str, text: &str, source: Arc<Source>) -> Result<Vec<Provision>, Refusal> {
    let draft = format!("# x\n\n### Article 1\n\n{text}\n");
    let parsed = parse(&draft, source).map_err(|r| {
        Refusal::invalid("malformed_article", r.message.replacen("line ", "line (of the article's text, +4) ", 1))
    })?;
    Ok(parsed
        .provisions
        .iter()
        .skip(1)
        .map(|p| {
            let mut p = (**p).clone();
            p.eid = p.eid.replacen("art_1", article_eid, 1);
            p
        })
        .collect())
}

/// Writes an instrument in the Markdown convention above; parsing the
/// result gives the same provisions.
pub fn to_markdown(instrument: &Instrument) -> String {
    let mut out = format!("# {}\n", instrument.title);
    let mut preamble = false;
    for p in &instrument.provisions {
        match p.kind {
            ProvisionKind::Recital => {
                if !preamble {
                    out.push_str("\n## Preamble\n");
                    preamble = true;
                }
                out.push_str(&format!("\n{}\n", p.text));
            }
            ProvisionKind::Chapter => out.push_str(&format!("\n## Chapter {}{}\n", p.num, dash(&p.heading))),
            ProvisionKind::Article => out.push_str(&format!("\n### Article {}{}\n", p.num, dash(&p.heading))),
            ProvisionKind::Paragraph => {
                if p.num.is_empty() {
                    out.push_str(&format!("\n{}\n", p.text));
                } else {
                    out.push_str(&format!("\n{} {}\n", p.num, p.text));
                }
            }
            ProvisionKind::Point => out.push_str(&format!("   {} {}\n", p.num, p.text)),
        }
    }
    out
}

fn dash(heading: &str) -> String {
    if heading.is_empty() {
        String::new()
    } else {
        format!(" \u{2014} {heading}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::negotiation::text::SourceKind;

    fn source() -> Arc<Source> {
        Arc::new(Source { entry: 0, time: 0, how: SourceKind::ZeroDraft })
    }

    const DRAFT: &str = "# Framework\n\n## Preamble\n\nRecalling the Charter,\nand its purposes,\n\nNoting <b>this</b>,\n\n## Chapter I — General\n\n### Article 1 — Purpose\n\n1. The purpose is to:\n   (a) promote;\n   (b) protect.\n\n2. States shall cooperate.\n\n### Article 2\n\nThis Framework applies.\n\n## Chapter II — Final\n\n### Article 3 — Entry\n\n1. It enters into force.\n";

    #[test]
    fn parses_the_convention() {
        let i = parse(DRAFT, source()).unwrap();
        assert_eq!(i.title, "Framework");
        let eids: Vec<&str> = i.provisions.iter().map(|p| p.eid.as_str()).collect();
        assert_eq!(
            eids,
            [
                "preamble__recital_1",
                "preamble__recital_2",
                "chp_1",
                "chp_1__art_1",
                "chp_1__art_1__para_1",
                "chp_1__art_1__para_1__point_a",
                "chp_1__art_1__para_1__point_b",
                "chp_1__art_1__para_2",
                "chp_1__art_2",
                "chp_1__art_2__para_1",
                "chp_2",
                "chp_2__art_3",
                "chp_2__art_3__para_1",
            ]
        );
        assert_eq!(i.provisions[0].text, "Recalling the Charter, and its purposes,");
        assert_eq!(i.provisions[1].text, "Noting <b>this</b>,", "markup is kept as text");
        assert_eq!(i.provisions[3].heading, "Purpose");
        assert_eq!(i.provisions[5].num, "(a)");
        let again = parse(&to_markdown(&i), source()).unwrap();
        assert_eq!(again, i);
    }

    #[test]
    fn refuses_with_line_and_reason() {
        let cases = [
            ("", "line 1:"),
            ("Text first\n", "line 1: the draft starts with its title"),
            ("# T\n\n### Article 2\n\n1. x\n", "line 3: article 2 follows article 0"),
            ("# T\n\n### Article 1\n\n1. x\n\n3. y\n", "line 7: paragraph 3 should be paragraph 2"),
            ("# T\n\n### Article 1\n\n1. x\n   (b) y\n", "line 6: point (b) should be (a)"),
            ("# T\n\n## Chapter 1 — X\n", "line 3: chapters are numbered in Roman numerals"),
            ("# T\n\n### Article 1\n\n### Article 2\n\n1. x\n", "line 5: article 1 has no paragraph"),
            ("# T\n\n#### Deep\n", "line 3: headings are"),
            ("# T\n\nloose text\n", "line 3: text goes in the preamble"),
            ("# T\n\n### Article 1\n\n1. a\u{7}b\n", "line 5: the control character U+0007"),
            ("# T\n\n## Preamble\n\nA recital.\n", "the draft has no article"),
        ];
        for (draft, expected) in cases {
            let e = parse(draft, source()).unwrap_err();
            assert!(e.message.contains(expected), "{draft:?}: {}", e.message);
            assert_eq!(e.code, "malformed_draft");
        }
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman("IV"), Some(4));
        assert_eq!(roman("XIV"), Some(14));
        assert_eq!(roman("IIII"), None);
        assert_eq!(roman("1"), None);
        assert_eq!(to_roman(39), "XXXIX");
    }

    #[test]
    fn article_bodies() {
        let ps = parse_article_body("chp_1__art_5bis", "1. First.\n\n2. Second:\n   (a) x.", source()).unwrap();
        let eids: Vec<&str> = ps.iter().map(|p| p.eid.as_str()).collect();
        assert_eq!(eids, ["chp_1__art_5bis__para_1", "chp_1__art_5bis__para_2", "chp_1__art_5bis__para_2__point_a"]);
    }
}
