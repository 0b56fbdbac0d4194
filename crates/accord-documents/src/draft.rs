//! From an imported instrument to the zero draft a process is opened with.
//!
//! The domain opens a process from a draft in its Markdown convention
//! (`process.opened` records the Markdown, and
//! [`markdown::parse`] makes the first version of it), and that convention
//! numbers everything itself: chapters I, II, III...; articles 1, 2, 3...
//! through the whole text; paragraphs `1.`, `2.`... in each article (or one
//! unnumbered); points `(a)`, `(b)`...; recitals unnumbered; eIds made from
//! those numbers. [`zero_draft`] writes an imported instrument in that
//! convention and says, provision by provision, what opening it changes
//! ([`Draft::renumbered`]) and what it leaves out ([`Draft::left_out`]), so
//! that the person importing sees it before the process is opened. Where
//! the source already follows the convention (an Akoma Ntoso document
//! Accord wrote), nothing changes and both lists are empty.
//!
//! Refused (`not_a_draft`) when a paragraph or point has no words of its
//! own: the convention has no place for one.

use std::sync::Arc;

use accord_domain::error::Refusal;
use accord_domain::negotiation::markdown;
use accord_domain::negotiation::text::{Instrument, Provision, ProvisionKind, Source, SourceKind};

use crate::import::Dropped;

/// A provision whose eId or number the convention changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renumbered {
    /// In the imported instrument.
    pub from_eid: String,
    pub from_num: String,
    /// In the process that will be opened.
    pub eid: String,
    pub num: String,
}

/// A zero draft made from an imported instrument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The draft in the domain's Markdown convention: what
    /// `process.opened` records.
    pub markdown: String,
    /// The first version the domain will make of it ([`markdown::parse`]
    /// of `markdown`, checked to be exactly this).
    pub instrument: Instrument,
    /// In document order.
    pub renumbered: Vec<Renumbered>,
    pub left_out: Vec<Dropped>,
}

fn refuse(message: String) -> Refusal {
    Refusal::invalid("not_a_draft", message)
}

/// `a`…`z`, then `aa`, `bb`…: the convention's point letters.
fn letter(n: usize) -> String {
    let c = (b'a' + (n % 26) as u8) as char;
    std::iter::repeat_n(c, n / 26 + 1).collect()
}

pub(crate) fn roman(mut n: usize) -> String {
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

/// Whether words written alone on a line would read as something else: a
/// heading, a paragraph's number or a point's letter.
fn ambiguous(text: &str) -> bool {
    text.starts_with('#') || text.starts_with('(') || text.starts_with(|c: char| c.is_ascii_digit())
}

/// Writes `instrument` as a zero draft in the domain's convention.
pub fn zero_draft(instrument: &Instrument) -> Result<Draft, Refusal> {
    let ps = &instrument.provisions;
    let mut left_out: Vec<Dropped> = Vec::new();
    let mut leave = |what: &str, at: &str| match left_out.iter_mut().find(|d| d.what == what) {
        Some(d) => d.count += 1,
        None => left_out.push(Dropped { what: what.to_owned(), count: 1, first_at: at.to_owned() }),
    };
    // The convention puts every article in a chapter, or none in any.
    let articles_in_chapters = ps.iter().filter(|p| p.kind == ProvisionKind::Article).map(|p| p.parent_eid().is_some());
    let (mut some, mut all) = (false, true);
    for inside in articles_in_chapters {
        some |= inside;
        all &= inside;
    }
    let chapters = some && all;
    let mut out: Vec<Provision> = Vec::new();
    let mut renumbered = Vec::new();
    let (mut chapter, mut article, mut recital) = (0usize, 0usize, 0usize);
    let mut chapter_eid = String::new();
    let mut article_eid = String::new();
    let mut paragraph_eid = String::new();
    let (mut paragraph, mut point) = (0usize, 0usize);
    for (i, p) in ps.iter().enumerate() {
        let (eid, num) = match p.kind {
            ProvisionKind::Recital => {
                recital += 1;
                if !p.num.is_empty() {
                    leave("numbers of recitals (the draft convention numbers none)", &p.eid);
                }
                (format!("preamble__recital_{recital}"), String::new())
            }
            ProvisionKind::Chapter => {
                if !chapters {
                    leave(
                        "chapters (some articles are in none, and a draft puts every article in a chapter or none)",
                        &p.eid,
                    );
                    continue;
                }
                chapter += 1;
                chapter_eid = format!("chp_{chapter}");
                (chapter_eid.clone(), roman(chapter))
            }
            ProvisionKind::Article => {
                article += 1;
                paragraph = 0;
                article_eid = if chapters { format!("{chapter_eid}__art_{article}") } else { format!("art_{article}") };
                (article_eid.clone(), article.to_string())
            }
            ProvisionKind::Paragraph => {
                paragraph += 1;
                point = 0;
                paragraph_eid = format!("{article_eid}__para_{paragraph}");
                // One unnumbered paragraph stays so when its words cannot
                // be taken for a number.
                let alone = p.num.is_empty()
                    && paragraph == 1
                    && !ps[i + 1..]
                        .iter()
                        .take_while(|q| q.kind != ProvisionKind::Article && q.kind != ProvisionKind::Chapter)
                        .any(|q| q.kind == ProvisionKind::Paragraph);
                let num = if alone && !ambiguous(&p.text) { String::new() } else { format!("{paragraph}.") };
                (paragraph_eid.clone(), num)
            }
            ProvisionKind::Point => {
                let l = letter(point);
                point += 1;
                (format!("{paragraph_eid}__point_{l}"), format!("({l})"))
            }
        };
        if p.kind.has_text() && p.text.is_empty() {
            return Err(refuse(format!(
                "{} {} has no words of its own (only what is under it), and a draft gives every {} words: \
                 write its words in the source, or open the text as a draft in Markdown",
                p.kind.label(),
                p.eid,
                p.kind.label()
            )));
        }
        if eid != p.eid || num != p.num {
            renumbered.push(Renumbered {
                from_eid: p.eid.clone(),
                from_num: p.num.clone(),
                eid: eid.clone(),
                num: num.clone(),
            });
        }
        out.push(Provision { eid, num, ..(**p).clone() });
    }
    // An article with no paragraph: the convention has none.
    for (i, p) in out.iter().enumerate() {
        if p.kind == ProvisionKind::Article && out.get(i + 1).is_none_or(|q| q.kind != ProvisionKind::Paragraph) {
            return Err(refuse(format!("article {} has no paragraph, and a draft gives every article one", p.eid)));
        }
    }
    let draft = Instrument { title: instrument.title.clone(), provisions: out.into_iter().map(Arc::new).collect() };
    let markdown = markdown::to_markdown(&draft);
    let source = Arc::new(Source { entry: 0, time: 0, how: SourceKind::ZeroDraft });
    let parsed =
        markdown::parse(&markdown, source).map_err(|e| refuse(format!("the draft does not parse: {}", e.message)))?;
    let same = parsed.title == draft.title
        && parsed.provisions.len() == draft.provisions.len()
        && parsed.provisions.iter().zip(&draft.provisions).all(|(a, b)| {
            (&a.eid, a.kind, &a.num, &a.heading, &a.text) == (&b.eid, b.kind, &b.num, &b.heading, &b.text)
        });
    if !same {
        let at = parsed
            .provisions
            .iter()
            .zip(&draft.provisions)
            .find(|(a, b)| (&a.eid, &a.num, &a.text) != (&b.eid, &b.num, &b.text))
            .map_or("the title".to_owned(), |(_, b)| b.eid.clone());
        return Err(refuse(format!(
            "the draft would not read back as written, from {at}: its words look like Markdown"
        )));
    }
    Ok(Draft { markdown, instrument: parsed, renumbered, left_out })
}

#[cfg(test)]
mod tests {
    #[test]
    fn letters_and_numerals() {
        assert_eq!([0, 1, 25, 26, 27].map(super::letter), ["a", "b", "z", "aa", "bb"]);
        assert_eq!([1, 4, 9, 14, 40].map(super::roman), ["I", "IV", "IX", "XIV", "XL"]);
    }
}
