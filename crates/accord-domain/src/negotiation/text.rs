//! The instrument: title, preamble and body as a flat list of provisions in
//! document order, each addressed by an Akoma Ntoso eId.
//!
//! The hierarchy is in the eIds: `chp_2__art_5__para_2__point_b` is point
//! (b) of paragraph 2 of article 5 in chapter 2; `preamble__recital_3` is
//! the third recital. An eId never changes once given: a provision inserted
//! later gets a new one (`art_5bis`), and the others keep theirs.
//!
//! Offsets into a provision's text are byte offsets on character boundaries
//! inside the domain; the API speaks in characters (see [`char_offset`]).
//!
//! Provisions are shared between versions while unchanged (`Arc`). Kinds:
//! recital, chapter, article, paragraph, point; recitals, paragraphs and
//! points carry words, chapters and articles a heading. A provision inserted
//! after a neighbour gets a Latin suffix (`art_5bis`, `para_2ter`); one
//! inserted before the first, `…ante`. Quotes are found on word boundaries
//! (`shall` is not in `shallow`; Han and kana have a boundary at every
//! character).

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::Refusal;
use crate::ids::MemberCode;

/// The longest text of one provision, in characters.
pub const PROVISION_MAX_CHARS: usize = 10_000;
/// The longest title or heading, in characters.
pub const HEADING_MAX_CHARS: usize = 300;

/// What a provision is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvisionKind {
    Recital,
    Chapter,
    Article,
    Paragraph,
    Point,
}

impl ProvisionKind {
    /// The eId prefix of this kind (Akoma Ntoso naming convention).
    pub fn prefix(self) -> &'static str {
        match self {
            ProvisionKind::Recital => "recital",
            ProvisionKind::Chapter => "chp",
            ProvisionKind::Article => "art",
            ProvisionKind::Paragraph => "para",
            ProvisionKind::Point => "point",
        }
    }

    /// Whether the provision carries its own words (chapters and articles
    /// carry a heading; their words are in their paragraphs).
    pub fn has_text(self) -> bool {
        matches!(self, ProvisionKind::Recital | ProvisionKind::Paragraph | ProvisionKind::Point)
    }

    /// The label with its indefinite article: "an article", "a chapter".
    pub fn with_article(self) -> String {
        let label = self.label();
        let article = if label.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
        format!("{article} {label}")
    }

    pub fn label(self) -> &'static str {
        match self {
            ProvisionKind::Recital => "recital",
            ProvisionKind::Chapter => "chapter",
            ProvisionKind::Article => "article",
            ProvisionKind::Paragraph => "paragraph",
            ProvisionKind::Point => "point",
        }
    }
}

/// Where a span of text came from: the entry that put it there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// Index of the entry that wrote the span.
    pub entry: u64,
    /// Unix milliseconds of that entry.
    pub time: i64,
    /// How: the zero draft, an agreed proposal, or a chair's text.
    #[serde(flatten)]
    pub how: SourceKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "source", rename_all = "snake_case")]
pub enum SourceKind {
    ZeroDraft,
    /// Proposal `proposal` by `member`, agreed by the entry.
    Proposal {
        proposal: u64,
        member: MemberCode,
    },
    ChairText,
}

/// A run of `len` bytes of a provision's text and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    pub len: usize,
    pub source: Arc<Source>,
}

/// One provision. Shared between versions (`Arc`) while it does not change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provision {
    pub eid: String,
    pub kind: ProvisionKind,
    /// As printed: `1.`, `(a)`, `5`, `I`, `5 bis`; empty for recitals.
    pub num: String,
    /// Chapters and articles.
    pub heading: String,
    /// Recitals, paragraphs and points.
    pub text: String,
    /// Provenance of `text`, covering it exactly, in order.
    pub origins: Vec<Origin>,
}

impl Provision {
    /// The eId of the provision that holds this one, if any
    /// (`chp_2__art_5` for `chp_2__art_5__para_1`).
    pub fn parent_eid(&self) -> Option<&str> {
        self.eid.rsplit_once("__").map(|(p, _)| p).filter(|p| *p != "preamble")
    }

    /// A human label: "Article 5", "paragraph 2 of article 5", "recital 3".
    pub fn label(&self) -> String {
        label_of(&self.eid)
    }
}

/// "article 5, paragraph 2, point (b)" from an eId.
pub fn label_of(eid: &str) -> String {
    let mut parts = Vec::new();
    for seg in eid.split("__") {
        let Some((prefix, num)) = seg.split_once('_') else { continue };
        let num = num.replace("bis", " bis").replace("ter", " ter");
        parts.push(match prefix {
            "recital" => format!("recital {num}"),
            "chp" => format!("chapter {num}"),
            "art" => format!("article {num}"),
            "para" => format!("paragraph {num}"),
            "point" => format!("point ({num})"),
            _ => continue,
        });
    }
    let parts: Vec<String> =
        parts.into_iter().filter(|p| !p.starts_with("chapter") || !eid.contains("__art_")).collect();
    parts.join(", ")
}

/// An immutable state of the text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Instrument {
    pub title: String,
    pub provisions: Vec<Arc<Provision>>,
}

impl Instrument {
    pub fn position(&self, eid: &str) -> Option<usize> {
        self.provisions.iter().position(|p| p.eid == eid)
    }

    pub fn get(&self, eid: &str) -> Option<&Arc<Provision>> {
        self.provisions.iter().find(|p| p.eid == eid)
    }

    /// The provision and everything under it: `[i, end)`.
    pub fn subtree(&self, i: usize) -> std::ops::Range<usize> {
        let prefix = format!("{}__", self.provisions[i].eid);
        let mut end = i + 1;
        while end < self.provisions.len() && self.provisions[end].eid.starts_with(&prefix) {
            end += 1;
        }
        i..end
    }

    /// Siblings of the provision at `i`: same parent and kind, in order.
    pub fn siblings(&self, i: usize) -> impl Iterator<Item = &Arc<Provision>> {
        let p = &self.provisions[i];
        let parent = p.parent_eid().map(str::to_owned);
        let kind = p.kind;
        self.provisions.iter().filter(move |q| q.kind == kind && q.parent_eid().map(str::to_owned) == parent)
    }

    /// A digest of the text: SHA-256 of its Markdown form.
    pub fn digest(&self) -> [u8; 32] {
        use sha2::Digest;
        sha2::Sha256::digest(crate::negotiation::markdown::to_markdown(self).as_bytes()).into()
    }
}

/// Converts a byte offset of `text` into a character offset.
pub fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// Whether `c` belongs to a word in scripts that separate words by spaces.
/// Han, kana and similar scripts do not: any character boundary is a word
/// boundary there.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !unspaced(c)
}

/// Han, kana, bopomofo and CJK compatibility characters: scripts written
/// without spaces between words, where every character stands alone.
pub(crate) fn unspaced(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3040..=0x30FF | 0x3100..=0x312F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF |
        0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Every occurrence of `quote` in `text` that starts and ends on a word
/// boundary ("shall" is not found in "shallow"), as byte ranges.
pub fn occurrences(text: &str, quote: &str) -> Vec<(usize, usize)> {
    if quote.is_empty() {
        return Vec::new();
    }
    let first = quote.chars().next().expect("not empty");
    let last = quote.chars().next_back().expect("not empty");
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(quote) {
        let start = from + at;
        let end = start + quote.len();
        let before_ok = !is_word_char(first) || text[..start].chars().next_back().is_none_or(|c| !is_word_char(c));
        let after_ok = !is_word_char(last) || text[end..].chars().next().is_none_or(|c| !is_word_char(c));
        if before_ok && after_ok {
            found.push((start, end));
        }
        from = start + first.len_utf8();
    }
    found
}

/// Which occurrence (from 1) of `quote` in `text` starts at character
/// `at`: how a selection made on a page, which knows where the words stand
/// but not how the server counts them, names its words. Refused when the
/// words at `at` are not `quote`, or start or end inside a word.
pub fn occurrence_at(text: &str, quote: &str, at: usize) -> Result<u32, Refusal> {
    let byte = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).nth(at);
    let Some(byte) = byte else {
        return Err(Refusal::unprocessable(
            "anchor_not_found",
            format!("the text has {} characters: nothing starts at character {at}", text.chars().count()),
        ));
    };
    if !text[byte..].starts_with(quote) || quote.is_empty() {
        return Err(Refusal::unprocessable(
            "anchor_not_found",
            format!("the words at character {at} are not \u{ab}{quote}\u{bb}; the text is: \u{ab}{text}\u{bb}"),
        ));
    }
    match occurrences(text, quote).iter().position(|&(start, _)| start == byte) {
        Some(i) => Ok(i as u32 + 1),
        None => Err(Refusal::unprocessable(
            "anchor_inside_word",
            format!("the words \u{ab}{quote}\u{bb} at character {at} begin or end inside a word: select whole words"),
        )),
    }
}

/// Finds the `occurrence`-th (from 1) occurrence of `quote` in a provision,
/// or says why it cannot, showing the text it was looked for in.
pub fn locate(
    provision: &Provision,
    version: u32,
    quote: &str,
    occurrence: Option<u32>,
) -> Result<(usize, usize), Refusal> {
    let found = occurrences(&provision.text, quote);
    let shown = || format!("the text of {} in version {version} is: \u{ab}{}\u{bb}", provision.eid, provision.text);
    match (found.len(), occurrence) {
        (0, _) => Err(Refusal::unprocessable(
            "anchor_not_found",
            format!("the words \u{ab}{quote}\u{bb} are not in {}; {}", provision.eid, shown()),
        )),
        (1, None) => Ok(found[0]),
        (n, None) => Err(Refusal::unprocessable(
            "anchor_ambiguous",
            format!(
                "the words \u{ab}{quote}\u{bb} occur {n} times in {}: say which with \"occurrence\" (1 to {n}); {}",
                provision.eid,
                shown()
            ),
        )),
        (n, Some(k)) if k == 0 || k as usize > n => Err(Refusal::unprocessable(
            "anchor_not_found",
            format!(
                "the words \u{ab}{quote}\u{bb} occur {n} time{} in {}, so there is no occurrence {k}; {}",
                if n == 1 { "" } else { "s" },
                provision.eid,
                shown()
            ),
        )),
        (_, Some(k)) => Ok(found[k as usize - 1]),
    }
}

/// Checks a piece of text that will enter the instrument: no control
/// characters, no line breaks, at most `max` characters. Markup is allowed
/// as characters: it is always shown as text, never interpreted.
pub fn check_text(what: &str, text: &str, max: usize, allow_empty: bool) -> Result<(), Refusal> {
    if !allow_empty && text.trim().is_empty() {
        return Err(Refusal::invalid("empty_text", format!("the {what} is empty")));
    }
    let n = text.chars().count();
    if n > max {
        return Err(Refusal::invalid("text_too_long", format!("the {what} has {n} characters, more than {max}")));
    }
    if let Some(c) = text.chars().find(|c| c.is_control()) {
        return Err(Refusal::invalid(
            "control_character",
            format!("the {what} holds the control character U+{:04X}: write it on one line, as plain text", c as u32),
        ));
    }
    // Bidirectional embeddings, overrides and isolates can make a bracket's
    // words, or the members behind them, read differently from what they
    // are. Arabic and Hebrew need none of them (the marks U+200E and
    // U+200F remain allowed).
    if let Some(c) = text.chars().find(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')) {
        return Err(Refusal::invalid(
            "bidi_control",
            format!(
                "the {what} holds the bidirectional control U+{:04X}, which can make text display differently \
                 from what it is: remove it",
                c as u32
            ),
        ));
    }
    if text != text.trim() || text.contains("  ") {
        return Err(Refusal::invalid(
            "untidy_spaces",
            format!("the {what} has leading, trailing or double spaces: write single spaces between words"),
        ));
    }
    Ok(())
}

/// Latin suffixes of inserted provisions, in the order they are given.
const SUFFIXES: [&str; 9] = ["bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies"];

/// The eId and number of a provision inserted next to `neighbour` (after
/// it, or before it when `neighbour` is first among its siblings and
/// `before` is true), unused in `instrument`.
pub fn inserted_eid(instrument: &Instrument, neighbour: &Provision, before_first: bool) -> (String, String) {
    let (parent, last) = match neighbour.eid.rsplit_once("__") {
        Some((p, l)) => (format!("{p}__"), l.to_owned()),
        None => (String::new(), neighbour.eid.clone()),
    };
    let (prefix, base) = last.split_once('_').map(|(a, b)| (a.to_owned(), b.to_owned())).unwrap_or_default();
    let mut base_num = base.clone();
    for s in SUFFIXES.iter().rev() {
        if let Some(stripped) = base_num.strip_suffix(s) {
            base_num = stripped.to_owned();
            break;
        }
    }
    let stem = if before_first { format!("{base_num}ante") } else { base_num.clone() };
    let shown = |suffix: &str| -> String {
        let n = if before_first { format!("{} ante", num_core(&neighbour.num)) } else { num_core(&neighbour.num) };
        let n = if suffix.is_empty() { n } else { format!("{n} {suffix}") };
        match neighbour.kind {
            ProvisionKind::Paragraph if !neighbour.num.is_empty() => format!("{n}."),
            ProvisionKind::Point => format!("({n})"),
            ProvisionKind::Recital => String::new(),
            _ => n,
        }
    };
    let candidates = SUFFIXES.iter().map(|s| (format!("{stem}{s}"), shown(s)));
    let candidates: Vec<(String, String)> = if before_first {
        std::iter::once((stem.clone(), shown(""))).chain(candidates).collect()
    } else {
        candidates.collect()
    };
    for (id, num) in candidates {
        let eid = format!("{parent}{prefix}_{id}");
        if instrument.position(&eid).is_none() {
            return (eid, num);
        }
    }
    let mut n = 1;
    loop {
        let eid = format!("{parent}{prefix}_{stem}_{n}");
        if instrument.position(&eid).is_none() {
            return (eid, shown(&n.to_string()));
        }
        n += 1;
    }
}

/// `5 bis` from `5 bis`, `2` from `2.`, `b` from `(b)`, `I` from `I`:
/// the number of a provision without its punctuation or suffix.
fn num_core(num: &str) -> String {
    let n = num.trim_end_matches('.').trim_start_matches('(').trim_end_matches(')');
    let mut n = n.to_owned();
    for s in SUFFIXES.iter().rev() {
        if let Some(stripped) = n.strip_suffix(&format!(" {s}")) {
            n = stripped.to_owned();
            break;
        }
    }
    n
}

#[cfg(test)]
mod tests {

    #[test]
    fn bidirectional_overrides_are_refused() {
        let e = check_text("text", "States \u{202E}lliw\u{202C} cooperate", 100, false).unwrap_err();
        assert_eq!(e.code, "bidi_control");
        assert!(e.message.contains("U+202E"), "{}", e.message);
        assert_eq!(check_text("text", "a \u{2067}b\u{2069}", 100, false).unwrap_err().code, "bidi_control");
        // The plain marks stay allowed, as in Arabic text with numbers.
        check_text("text", "على الدول\u{200F} 2", 100, false).unwrap();
    }
    use super::*;

    #[test]
    fn occurrences_respect_word_boundaries() {
        assert_eq!(occurrences("States shall not be shallow; shall", "shall"), vec![(7, 12), (29, 34)]);
        assert_eq!(occurrences("a, b", ","), vec![(1, 2)]);
        // Chinese has no spaces: any character boundary counts.
        assert_eq!(occurrences("各国应当合作", "应当"), vec![(6, 12)]);
        assert_eq!(occurrences("الدول يجب أن تتعاون", "يجب").len(), 1);
        assert!(occurrences("text", "").is_empty());
    }

    #[test]
    fn a_selection_names_its_occurrence() {
        // "the" inside "other" is not a word: the selection of the second
        // whole "the" is occurrence 2, not 3.
        let text = "the other States and the Charter";
        assert_eq!(occurrence_at(text, "the", 0).unwrap(), 1);
        assert_eq!(occurrence_at(text, "the", 21).unwrap(), 2);
        assert_eq!(occurrence_at(text, "the", 5).unwrap_err().code, "anchor_inside_word");
        assert_eq!(occurrence_at(text, "States", 0).unwrap_err().code, "anchor_not_found");
        assert_eq!(occurrence_at(text, "the", 99).unwrap_err().code, "anchor_not_found");
        // Characters, not bytes: Arabic and an astral Han character.
        assert_eq!(occurrence_at("على الدول أن تتعاون الدول", "الدول", 20).unwrap(), 2);
        assert_eq!(occurrence_at("\u{20000}各国应当合作应当", "应当", 7).unwrap(), 2);
    }

    #[test]
    fn labels() {
        assert_eq!(label_of("chp_2__art_5__para_2__point_b"), "article 5, paragraph 2, point (b)");
        assert_eq!(label_of("preamble__recital_3"), "recital 3");
        assert_eq!(label_of("chp_2"), "chapter 2");
    }
}
