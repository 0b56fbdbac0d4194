//! Accord's documents typeset for print as PDF: a version of an
//! instrument, the rolling text and a meeting's summary record, each under
//! the masthead of a United Nations document, in any of the six official
//! languages. Typeset in-process by typst, used as a library; no I/O but
//! reading the fonts ([`fonts`]).
//!
//! # Layout
//! - [`fonts`]: which fonts, where they are found, loaded once and shared;
//! - `markup`: the typst source written from the model, every user text a
//!   string literal (so that `#`, `*`, `$`, `[`, backslashes or `#import`
//!   in a title print as written and never run);
//! - `world`: typst's `World` over that one source and the fonts;
//! - [`instrument`], [`rolling_text`], [`summary_record`]: the documents.
//!
//! # What the page looks like
//! A4; the masthead (the forum and the symbol on a rule, then "Distr.:",
//! the date and "Original:" at the end of the line, the session and the
//! agenda item), the title, then the text; the symbol in the running head
//! from the second page on; "n/N" at the foot of every page; line numbers
//! in the margin when asked for ([`Options::line_numbers`]). Arabic is set
//! right to left (`lang: "ar"` sets the direction), Chinese with CJK line
//! breaking (`lang: "zh"`). Every font used is embedded (subset) by typst.
//!
//! The words Accord adds (the masthead's labels, "Article", who is behind
//! an option) are the caller's ([`Labels`]), so that they come from the
//! server's translations; the text itself is printed as recorded.

pub mod fonts;
mod markup;
mod world;

use std::collections::BTreeMap;
use std::sync::Arc;

use accord_documents::docx::Backers;
use accord_documents::Masthead;
use accord_domain::ids::MemberCode;
use accord_domain::negotiation::rolling::{BracketOption, RollingText, Span};
use accord_domain::negotiation::text::{Instrument, ProvisionKind};
use accord_domain::state::Member;
use accord_domain::Refusal;

pub use fonts::Fonts;
use markup::{lit, Source};

/// The media type of a PDF.
pub const PDF_MEDIA_TYPE: &str = "application/pdf";

/// The six official languages of the United Nations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    Ar,
    Zh,
    En,
    Fr,
    Ru,
    Es,
}

impl Language {
    pub const ALL: [Language; 6] = [Language::Ar, Language::Zh, Language::En, Language::Fr, Language::Ru, Language::Es];

    /// The ISO 639-1 code: `ar`, `zh`, `en`, `fr`, `ru`, `es`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Ar => "ar",
            Language::Zh => "zh",
            Language::En => "en",
            Language::Fr => "fr",
            Language::Ru => "ru",
            Language::Es => "es",
        }
    }

    /// From its ISO 639-1 code.
    pub fn parse(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// The words a document prints besides the record's, in its language.
/// [`Labels::english`] is the English set; the server fills one from its
/// translations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    /// "Distr.: Limited".
    pub distribution: String,
    /// The date of issue as printed: "2 March 2026".
    pub date: String,
    /// "Original: English".
    pub original: String,
    /// "Chapter {}": `{}` is the chapter's number.
    pub chapter: String,
    /// "Article {}".
    pub article: String,
    /// The rolling text's count under its title: "3 brackets, 7 options".
    pub counts: String,
    /// A provision only a proposal would insert: "(proposed in {})".
    pub proposed_in: String,
    /// An option that is the version's own words: "Original text".
    pub original_text: String,
    /// "Supported by {}": `{}` the members.
    pub supported_by: String,
    /// "Proposed in {}": `{}` the proposals, for an option no member backs.
    pub proposed_by: String,
}

impl Labels {
    /// The English words, as the Word and Akoma Ntoso exports print them.
    pub fn english(m: &Masthead, rolling: Option<&RollingText>) -> Labels {
        let dist = match m.distribution {
            accord_documents::Distribution::General => "General",
            accord_documents::Distribution::Limited => "Limited",
        };
        Labels {
            distribution: format!("Distr.: {dist}"),
            date: m.date.clone(),
            original: format!("Original: {}", m.original_language),
            chapter: "Chapter {}".into(),
            article: "Article {}".into(),
            counts: rolling.map(|r| format!("{} brackets, {} options", r.brackets, r.options)).unwrap_or_default(),
            proposed_in: "(proposed in {})".into(),
            original_text: "Original text".into(),
            supported_by: "Supported by {}".into(),
            proposed_by: "Proposed in {}".into(),
        }
    }
}

fn fill(template: &str, value: &str) -> String {
    template.replacen("{}", value, 1)
}

/// How a document is typeset.
#[derive(Debug, Clone)]
pub struct Options {
    pub language: Language,
    /// Numbers every line in the margin, as for a text read out in a
    /// meeting.
    pub line_numbers: bool,
    /// Where the rolling text names the members behind an option.
    pub backers: Backers,
    pub fonts: Arc<Fonts>,
}

/// A PDF written, and its number of pages.
#[derive(Debug, Clone)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// Refuses, naming the Debian packages to install, when a font the
/// language needs is not found (`fonts_missing`): Accord never prints a
/// document with missing glyphs.
pub fn check_fonts(fonts: &Fonts, language: Language) -> Result<(), Refusal> {
    let missing = fonts.missing(language);
    if missing.is_empty() {
        return Ok(());
    }
    let mut packages: Vec<&str> = missing.iter().map(|f| f.package).collect();
    packages.dedup();
    let families: Vec<&str> = missing.iter().map(|f| f.name).collect();
    let dirs: Vec<String> = fonts.searched().iter().map(|d| d.display().to_string()).collect();
    Err(Refusal::conflict(
        "fonts_missing",
        format!(
            "a PDF in {} needs the font {}, not found under {}: install the Debian package {} or name a directory \
             holding its files (accord serve --fonts DIR)",
            language.code(),
            families.join(", "),
            dirs.join(", "),
            packages.join(" and ")
        ),
    ))
}

/// The preamble, masthead and title of every document.
fn start(m: &Masthead, labels: &Labels, title: &str, options: &Options) -> Result<Source, Refusal> {
    m.check()?;
    check_fonts(&options.fonts, options.language)?;
    let mut s = Source::new();
    let mut families: Vec<&str> = Fonts::families(options.language).iter().map(|f| f.name).collect();
    for f in [fonts::SANS, fonts::NASKH, fonts::CJK_SC] {
        if !families.contains(&f.name) {
            families.push(f.name);
        }
    }
    let fonts = families.iter().map(|f| lit(f)).collect::<Vec<_>>().join(", ");
    s.line(&format!("#set document(title: {})", lit(title)));
    s.line(&format!("#let symbol = {}", lit(&m.symbol)));
    s.line(&format!(
        "#set text(font: ({fonts},), size: 11pt, lang: {}, fallback: false)",
        lit(options.language.code())
    ));
    s.line(include_str!("preamble.typ"));
    if options.line_numbers {
        s.line("#set par.line(numbering: \"1\", number-clearance: 1.2em)");
    }
    s.line(&format!(
        "#masthead({}, symbol, {}, {}, {}, {}, {})",
        lit(&m.forum),
        lit(&labels.distribution),
        lit(&labels.date),
        lit(&labels.original),
        lit(&m.session),
        lit(&m.agenda_item)
    ));
    s.line(&format!("#doc-title({})", lit(title)));
    Ok(s)
}

fn finish(s: Source, options: &Options) -> Result<Pdf, Refusal> {
    let (bytes, pages) = world::typeset(s.into_string(), options.fonts.clone())?;
    Ok(Pdf { bytes, pages })
}

/// The number of a chapter or article as printed.
fn num_shown(kind: ProvisionKind, num: &str, labels: &Labels) -> String {
    match kind {
        ProvisionKind::Chapter => fill(&labels.chapter, num),
        ProvisionKind::Article => fill(&labels.article, num),
        _ => num.to_owned(),
    }
}

/// One provision: `body` is typst code for its words (content).
fn provision(s: &mut Source, kind: ProvisionKind, num: &str, body: &str, labels: &Labels) {
    let line = match kind {
        ProvisionKind::Chapter => format!("#chapter({}, {body})", lit(&num_shown(kind, num, labels))),
        ProvisionKind::Article => format!("#article({}, {body})", lit(&num_shown(kind, num, labels))),
        ProvisionKind::Recital => format!("#recital({body})"),
        ProvisionKind::Paragraph => format!("#para({}, {body})", lit(num)),
        ProvisionKind::Point => format!("#point({}, {body})", lit(num)),
    };
    s.line(&line);
}

/// A version's clean text under the masthead.
pub fn instrument(instrument: &Instrument, m: &Masthead, labels: &Labels, options: &Options) -> Result<Pdf, Refusal> {
    let mut s = start(m, labels, &instrument.title, options)?;
    for p in &instrument.provisions {
        let words: &str = if p.kind.has_text() { &p.text } else { &p.heading };
        provision(&mut s, p.kind, &p.num, &lit(words), labels);
    }
    finish(s, options)
}

/// A member as a note names it: `Brazil (BRA)`.
fn named(members: &BTreeMap<MemberCode, Member>, code: &MemberCode) -> String {
    match members.get(code) {
        Some(m) if m.name.as_str() != code.as_str() => format!("{} ({})", m.name.as_str(), code.as_str()),
        _ => code.as_str().to_owned(),
    }
}

/// Who is behind an option, inline: `original; P-3; BRA, KEN`.
fn behind_inline(o: &BracketOption, labels: &Labels) -> String {
    let mut who: Vec<String> = Vec::new();
    if o.original {
        who.push(labels.original_text.clone());
    }
    if !o.proposals.is_empty() {
        who.push(o.proposals.iter().map(|p| format!("P-{p}")).collect::<Vec<_>>().join(", "));
    }
    if !o.members.is_empty() {
        who.push(o.members.iter().map(|m| m.as_str().to_owned()).collect::<Vec<_>>().join(", "));
    }
    who.join("; ")
}

/// Who is behind an option, in a footnote: `Original text. P-3: Brazil
/// (BRA), Kenya (KEN).`
fn behind_note(o: &BracketOption, members: &BTreeMap<MemberCode, Member>, labels: &Labels) -> String {
    let mut parts: Vec<String> = Vec::new();
    if o.original {
        parts.push(labels.original_text.clone());
    }
    let names: Vec<String> = o.members.iter().map(|c| named(members, c)).collect();
    let ps: Vec<String> = o.proposals.iter().map(|p| format!("P-{p}")).collect();
    match (ps.is_empty(), names.is_empty()) {
        (true, true) => {}
        (true, false) => parts.push(fill(&labels.supported_by, &names.join(", "))),
        (false, true) => parts.push(fill(&labels.proposed_by, &ps.join(", "))),
        (false, false) => parts.push(format!("{}: {}", ps.join(", "), names.join(", "))),
    }
    parts.join(". ")
}

/// The words of a rolling provision as typst code (content).
fn spans(spans: &[Span], members: &BTreeMap<MemberCode, Member>, labels: &Labels, backers: Backers) -> String {
    let mut out = String::from("{");
    for s in spans {
        match s {
            Span::Agreed { agreed } => {
                out.push_str(&lit(agreed));
                out.push(';');
            }
            Span::Bracket { bracket } => {
                out.push_str("open-bracket;");
                for (k, o) in bracket.options.iter().enumerate() {
                    if k > 0 {
                        out.push_str("separator;");
                    }
                    out.push_str(&lit(&o.text));
                    out.push(';');
                    match backers {
                        Backers::Inline => {
                            out.push_str(&format!("behind({});", lit(&behind_inline(o, labels))));
                        }
                        Backers::Footnote => {
                            out.push_str(&format!("footnote({});", lit(&behind_note(o, members, labels))));
                        }
                    }
                }
                out.push_str("close-bracket;");
            }
        }
    }
    out.push('}');
    out
}

/// The rolling text as secretariats circulate it: agreed words plain,
/// each contested passage in bold square brackets, its options separated
/// by a bold ` / `, the members behind each option in a footnote or after
/// it ([`Backers`]); a provision only a proposal would insert is marked
/// "(proposed in P-7)".
pub fn rolling_text(
    rolling: &RollingText,
    title: &str,
    m: &Masthead,
    members: &BTreeMap<MemberCode, Member>,
    labels: &Labels,
    options: &Options,
) -> Result<Pdf, Refusal> {
    let mut s = start(m, labels, title, options)?;
    s.line(&format!("#counts({})", lit(&labels.counts)));
    for p in &rolling.provisions {
        let mut body = String::from("{");
        if let Some(by) = p.inserted_by {
            body.push_str(&format!("emph({});", lit(&format!("{} ", fill(&labels.proposed_in, &format!("P-{by}"))))));
        }
        if p.kind.has_text() || !p.spans.is_empty() {
            body.push_str(&spans(&p.spans, members, labels, options.backers));
        } else {
            body.push_str(&lit(&p.heading));
        }
        body.push('}');
        provision(&mut s, p.kind, &p.num, &body, labels);
    }
    finish(s, options)
}

/// A meeting's summary record, from what the caller wrote of it: a list of
/// sections, each a heading and paragraphs.
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub title: String,
    /// "Held at Headquarters, New York, on 2 March 2026".
    pub subtitle: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, Default)]
pub struct Section {
    pub heading: String,
    /// Each a paragraph; a speaker's name first, in bold, when given.
    pub paragraphs: Vec<(Option<String>, String)>,
}

/// A meeting's summary record under the masthead: the meeting, then each
/// section (attendance, the agenda's items with what was said, the
/// decisions).
pub fn summary_record(record: &Record, m: &Masthead, labels: &Labels, options: &Options) -> Result<Pdf, Refusal> {
    let mut s = start(m, labels, &record.title, options)?;
    s.line(&format!("#counts({})", lit(&record.subtitle)));
    for section in &record.sections {
        s.line(&format!("#article(\"\", {})", lit(&section.heading)));
        for (who, words) in &section.paragraphs {
            match who {
                Some(who) => s.line(&format!("#speech({}, {})", lit(who), lit(words))),
                None => s.line(&format!("#para(\"\", {})", lit(words))),
            }
        }
    }
    finish(s, options)
}

#[cfg(test)]
mod tests;
