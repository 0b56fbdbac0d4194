//! Writing Akoma Ntoso 3.0: an instrument version, the rolling text, and a
//! proposal as an `amendment`.
//!
//! A version is written as a `statement name="resolutionDraft"` (a text
//! shaped like a resolution) or a `doc name="treaty"`, chosen by
//! [`DocumentKind`]. Both hold, in the schema's order:
//! - `meta`: FRBR identification with the naming convention's IRIs
//!   (work `/akn/un/statement/resolutionDraft/2026-03-02/A-AC.292-2026-L.1-Rev.2`,
//!   expression `…/eng@v2`, manifestation `…/eng@v2/!main.xml`), and the
//!   `references` the document points to (the forum, Accord as the source
//!   of the markup, the distribution, the members behind options);
//! - `coverPage`: the masthead ([`Masthead`]: forum, symbol, distribution,
//!   date, original language, session, agenda item);
//! - `preface`: the title (`longTitle/p/docTitle`);
//! - `preamble`: the recitals (`recitals/recital`);
//! - `mainBody`: chapters, articles, paragraphs and points as the
//!   elements of those names, each with `num` and, for chapters and
//!   articles, `heading`; words in `content/p`, or in `intro/p` when points
//!   follow.
//!
//! Every provision keeps Accord's eId, and its `wId` is the same string:
//! Accord never renumbers a provision (one inserted later gets `art_5bis`),
//! so the eId is already the stable identifier that `wId` is for.
//!
//! Numbers are written as printed: `Chapter I`, `Article 5`, `1.`, `(a)`;
//! the reader strips the words `Chapter` and `Article` again.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use accord_domain::error::Refusal;
use accord_domain::ids::MemberCode;
use accord_domain::negotiation::rolling::{RollingText, Span};
use accord_domain::negotiation::text::{check_text, Instrument, Provision, ProvisionKind, HEADING_MAX_CHARS};
use accord_domain::negotiation::{Proposal, ProposalKind};
use accord_domain::state::Member;

use crate::xml::Writer;
use crate::AKN_NAMESPACE;

/// Which Akoma Ntoso document a text is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// `statement name="resolutionDraft"`: a draft resolution or decision
    /// of a deliberative body.
    ResolutionDraft,
    /// `doc name="treaty"`: a convention, treaty or framework text.
    Treaty,
}

impl DocumentKind {
    /// The document element.
    pub fn element(self) -> &'static str {
        match self {
            DocumentKind::ResolutionDraft => "statement",
            DocumentKind::Treaty => "doc",
        }
    }
    /// Its `name` attribute, also the subtype in the IRIs.
    pub fn name(self) -> &'static str {
        match self {
            DocumentKind::ResolutionDraft => "resolutionDraft",
            DocumentKind::Treaty => "treaty",
        }
    }
}

/// How widely a document is circulated, as its masthead says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Distribution {
    General,
    Limited,
}

impl Distribution {
    fn word(self) -> &'static str {
        match self {
            Distribution::General => "General",
            Distribution::Limited => "Limited",
        }
    }
}

/// The masthead of a United Nations document: what the secretariat prints
/// above the title. The record does not hold document symbols, so the
/// caller gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Masthead {
    /// The body issuing the document: "Open-ended working group on
    /// security of and in the use of information and communications
    /// technologies".
    pub forum: String,
    /// The document symbol: `A/AC.292/2026/L.1/Rev.2`.
    pub symbol: String,
    pub distribution: Distribution,
    /// The date of issue, `YYYY-MM-DD`.
    pub date: String,
    /// The language the text was negotiated in, in words: "English".
    pub original_language: String,
    /// "Third substantive session".
    pub session: String,
    /// "Item 5 of the provisional agenda".
    pub agenda_item: String,
}

/// Which expression of the text is written: its language and version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expression {
    pub kind: DocumentKind,
    /// ISO 639-2 alpha-3 code, as Akoma Ntoso IRIs use: `eng`, `fra`.
    pub language: String,
    /// The version's number in Accord.
    pub version: u32,
    /// Its name, if the chair named it: "Rev.2".
    pub version_name: Option<String>,
}

pub(crate) fn invalid(message: String) -> Refusal {
    Refusal::invalid("invalid_masthead", message)
}

/// `true` for a valid calendar date `YYYY-MM-DD`.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| s[r].bytes().all(|c| c.is_ascii_digit());
    if !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return false;
    }
    let (y, m, d): (u32, u32, u32) =
        (s[0..4].parse().unwrap_or(0), s[5..7].parse().unwrap_or(0), s[8..10].parse().unwrap_or(0));
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    y > 0 && (1..=days).contains(&d)
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2 March 2026` from `2026-03-02`, as a masthead prints it.
pub(crate) fn date_shown(date: &str) -> String {
    let d: u32 = date[8..10].parse().unwrap_or(0);
    let m: usize = date[5..7].parse().unwrap_or(1);
    format!("{d} {} {}", MONTHS[m.clamp(1, 12) - 1], &date[0..4])
}

impl Masthead {
    /// Checks every field: plain single-line text, a real date.
    pub fn check(&self) -> Result<(), Refusal> {
        for (what, text) in [
            ("forum", &self.forum),
            ("symbol", &self.symbol),
            ("original language", &self.original_language),
            ("session", &self.session),
            ("agenda item", &self.agenda_item),
        ] {
            check_text(&format!("masthead's {what}"), text, HEADING_MAX_CHARS, false)
                .map_err(|r| invalid(r.message))?;
            accord_domain::unicode::check(&format!("masthead's {what}"), text)?;
        }
        if !is_date(&self.date) {
            return Err(invalid(format!("the masthead's date {:?} is not a date written YYYY-MM-DD", self.date)));
        }
        Ok(())
    }
}

impl Expression {
    pub fn check(&self) -> Result<(), Refusal> {
        if self.language.len() != 3 || !self.language.bytes().all(|c| c.is_ascii_lowercase()) {
            return Err(invalid(format!(
                "the language {:?} is not an ISO 639-2 code of three lower-case letters, such as eng or fra",
                self.language
            )));
        }
        Ok(())
    }
}

/// The symbol as one segment of an IRI: `A/AC.292/2026/L.1` →
/// `A-AC.292-2026-L.1`.
fn symbol_segment(symbol: &str) -> String {
    symbol.chars().map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '-' { c } else { '-' }).collect()
}

/// The FRBR IRIs of an expression, by the Akoma Ntoso naming convention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Iris {
    pub work: String,
    pub expression: String,
    pub manifestation: String,
}

/// The IRIs of a document of `kind` with this masthead and expression.
pub fn iris(element: &str, name: &str, masthead: &Masthead, expression: &Expression) -> Iris {
    let work = format!("/akn/un/{element}/{name}/{}/{}", masthead.date, symbol_segment(&masthead.symbol));
    let expr = format!("{work}/{}@v{}", expression.language, expression.version);
    Iris { manifestation: format!("{expr}/!main.xml"), expression: expr, work }
}

/// Writes `meta`: identification, what `extra` writes after it (the
/// analysis), and references, ending with what `more_references` writes.
#[allow(clippy::too_many_arguments)]
pub(crate) fn meta(
    w: &mut Writer,
    element: &str,
    name: &str,
    title: &str,
    masthead: &Masthead,
    expression: &Expression,
    members: &BTreeMap<MemberCode, String>,
    extra: impl FnOnce(&mut Writer),
    more_references: impl FnOnce(&mut Writer),
) {
    let iris = iris(element, name, masthead, expression);
    let date = masthead.date.as_str();
    w.open("meta", &[]);
    w.open("identification", &[("source", "#accord")]);
    w.open("FRBRWork", &[]);
    w.empty("FRBRthis", &[("value", &format!("{}/!main", iris.work))]);
    w.empty("FRBRuri", &[("value", &iris.work)]);
    w.empty("FRBRdate", &[("date", date), ("name", "issued")]);
    w.empty("FRBRauthor", &[("href", "#forum"), ("as", "#author")]);
    w.empty("FRBRcountry", &[("value", "un")]);
    w.empty("FRBRsubtype", &[("value", name)]);
    w.empty("FRBRnumber", &[("value", &masthead.symbol), ("showAs", &masthead.symbol)]);
    w.empty("FRBRname", &[("value", title)]);
    w.close("FRBRWork");
    w.open("FRBRExpression", &[]);
    w.empty("FRBRthis", &[("value", &format!("{}/!main", iris.expression))]);
    w.empty("FRBRuri", &[("value", &iris.expression)]);
    w.empty("FRBRdate", &[("date", date), ("name", "version")]);
    w.empty("FRBRauthor", &[("href", "#forum"), ("as", "#author")]);
    let version = expression.version.to_string();
    match &expression.version_name {
        Some(n) => w.empty("FRBRversionNumber", &[("value", &version), ("showAs", n)]),
        None => w.empty("FRBRversionNumber", &[("value", &version)]),
    }
    w.empty("FRBRlanguage", &[("language", &expression.language)]);
    w.close("FRBRExpression");
    w.open("FRBRManifestation", &[]);
    w.empty("FRBRthis", &[("value", &iris.manifestation)]);
    w.empty("FRBRuri", &[("value", &iris.manifestation)]);
    w.empty("FRBRdate", &[("date", date), ("name", "generation")]);
    w.empty("FRBRauthor", &[("href", "#accord"), ("as", "#editor")]);
    w.empty("FRBRformat", &[("value", "application/akn+xml")]);
    w.close("FRBRManifestation");
    w.close("identification");
    extra(w);
    w.open("references", &[("source", "#accord")]);
    w.empty(
        "TLCOrganization",
        &[("eId", "forum"), ("href", "/akn/ontology/organization/un/forum"), ("showAs", &masthead.forum)],
    );
    w.empty(
        "TLCOrganization",
        &[("eId", "accord"), ("href", "/akn/ontology/organization/accord"), ("showAs", "Accord")],
    );
    for (m, shown) in members {
        w.empty(
            "TLCOrganization",
            &[
                ("eId", &member_ref(m)[1..]),
                ("href", &format!("/akn/ontology/organization/un/{}", m.as_str())),
                ("showAs", shown),
            ],
        );
    }
    w.empty("TLCRole", &[("eId", "author"), ("href", "/akn/ontology/role/author"), ("showAs", "Author")]);
    w.empty("TLCRole", &[("eId", "editor"), ("href", "/akn/ontology/role/editor"), ("showAs", "Editor")]);
    let (dist, dist_word) = match masthead.distribution {
        Distribution::General => ("general", "General"),
        Distribution::Limited => ("limited", "Limited"),
    };
    w.empty(
        "TLCConcept",
        &[("eId", dist), ("href", &format!("/akn/ontology/concept/un/distribution/{dist}")), ("showAs", dist_word)],
    );
    w.empty(
        "TLCConcept",
        &[("eId", "originalLanguage"), ("href", "/akn/ontology/concept/un/originalLanguage"), ("showAs", "Original")],
    );
    more_references(w);
    w.close("references");
    w.close("meta");
}

/// Each member of `codes` with the name it is shown by.
fn shown(members: &BTreeMap<MemberCode, Member>, codes: BTreeSet<MemberCode>) -> BTreeMap<MemberCode, String> {
    codes
        .into_iter()
        .map(|c| {
            let name = members.get(&c).map_or_else(|| c.as_str().to_owned(), |m| m.name.as_str().to_owned());
            (c, name)
        })
        .collect()
}

/// `#member_CHN`: the reference to a member's `TLCOrganization`.
pub(crate) fn member_ref(m: &MemberCode) -> String {
    format!("#member_{}", m.as_str())
}

/// The masthead as a cover page; the agenda item only when `agenda`.
pub(crate) fn cover_page(w: &mut Writer, masthead: &Masthead, agenda: bool) {
    w.open("coverPage", &[]);
    w.line_open("p", &[]);
    w.inline_open("docAuthority", &[("refersTo", "#forum")]);
    w.raw_text(&masthead.forum);
    w.inline_close("docAuthority");
    w.line_close("p");
    w.line_open("p", &[]);
    w.inline_open("docNumber", &[]);
    w.raw_text(&masthead.symbol);
    w.inline_close("docNumber");
    w.line_close("p");
    let dist = match masthead.distribution {
        Distribution::General => "#general",
        Distribution::Limited => "#limited",
    };
    w.line_open("p", &[]);
    w.inline_open("docStatus", &[("refersTo", dist)]);
    w.raw_text(&format!("Distr.: {}", masthead.distribution.word()));
    w.inline_close("docStatus");
    w.line_close("p");
    w.line_open("p", &[]);
    w.inline_open("docDate", &[("date", &masthead.date)]);
    w.raw_text(&date_shown(&masthead.date));
    w.inline_close("docDate");
    w.line_close("p");
    w.line_open("p", &[]);
    w.inline_open("span", &[("refersTo", "#originalLanguage")]);
    w.raw_text(&format!("Original: {}", masthead.original_language));
    w.inline_close("span");
    w.line_close("p");
    w.line_open("p", &[]);
    w.inline_open("session", &[("value", &masthead.session)]);
    w.raw_text(&masthead.session);
    w.inline_close("session");
    w.line_close("p");
    if agenda {
        w.line_open("p", &[]);
        w.inline_open("inline", &[("name", "agendaItem")]);
        w.raw_text(&masthead.agenda_item);
        w.inline_close("inline");
        w.line_close("p");
    }
    w.close("coverPage");
}

fn preface(w: &mut Writer, title: &str) {
    w.open("preface", &[]);
    w.open("longTitle", &[("eId", "longTitle")]);
    w.line_open("p", &[]);
    w.inline_open("docTitle", &[]);
    w.raw_text(title);
    w.inline_close("docTitle");
    w.line_close("p");
    w.close("longTitle");
    w.close("preface");
}

/// The words of one row: plain text, or the rolling text's spans.
enum Words<'a> {
    Plain(&'a str),
    Spans(&'a [Span]),
}

impl Words<'_> {
    fn is_empty(&self) -> bool {
        match self {
            Words::Plain(t) => t.is_empty(),
            Words::Spans(s) => s.is_empty(),
        }
    }
}

/// One provision to write.
struct Row<'a> {
    eid: &'a str,
    kind: ProvisionKind,
    num: &'a str,
    heading: &'a str,
    /// For a chapter or an article, the rolling text's bracket on its
    /// heading; for others, their words.
    words: Words<'a>,
    /// A provision an open proposal would insert.
    inserted_by: Option<u64>,
}

fn element_of(kind: ProvisionKind) -> &'static str {
    match kind {
        ProvisionKind::Recital => "recital",
        ProvisionKind::Chapter => "chapter",
        ProvisionKind::Article => "article",
        ProvisionKind::Paragraph => "paragraph",
        ProvisionKind::Point => "point",
    }
}

/// `Chapter I`, `Article 5`, or the number as it is.
fn num_shown(kind: ProvisionKind, num: &str) -> String {
    match kind {
        ProvisionKind::Chapter => format!("Chapter {num}"),
        ProvisionKind::Article => format!("Article {num}"),
        _ => num.to_owned(),
    }
}

fn write_words(w: &mut Writer, eid: &str, words: &Words) {
    match words {
        Words::Plain(t) => w.raw_text(t),
        Words::Spans(spans) => {
            let mut n = 0;
            for span in spans.iter() {
                match span {
                    Span::Agreed { agreed } => w.raw_text(agreed),
                    Span::Bracket { bracket } => {
                        n += 1;
                        let id = format!("{eid}__bracket_{n}");
                        w.inline_open("inline", &[("name", "bracket"), ("eId", &id)]);
                        w.raw_text("[");
                        for (k, o) in bracket.options.iter().enumerate() {
                            if k > 0 {
                                w.raw_text(" / ");
                            }
                            let oid = format!("{id}__option_{}", k + 1);
                            let refers: Vec<String> = o.members.iter().map(member_ref).collect();
                            let refers = refers.join(" ");
                            let proposals: Vec<String> = o.proposals.iter().map(|p| format!("P-{p}")).collect();
                            let class = if o.original { "original" } else { "proposed" };
                            let mut attrs: Vec<(&str, &str)> =
                                vec![("name", "option"), ("eId", &oid), ("class", class)];
                            if !refers.is_empty() {
                                attrs.push(("refersTo", &refers));
                            }
                            let title = proposals.join(" ");
                            if !title.is_empty() {
                                attrs.push(("title", &title));
                            }
                            w.inline_open("inline", &attrs);
                            w.raw_text(&o.text);
                            w.inline_close("inline");
                            let mut who: Vec<String> = Vec::new();
                            if o.original {
                                who.push("original".to_owned());
                            }
                            if !o.proposals.is_empty() {
                                who.push(proposals.join(", "));
                            }
                            if !o.members.is_empty() {
                                who.push(
                                    o.members.iter().map(|m| m.as_str().to_owned()).collect::<Vec<_>>().join(", "),
                                );
                            }
                            w.raw_text(&format!(" ({})", who.join("; ")));
                        }
                        w.raw_text("]");
                        w.inline_close("inline");
                    }
                }
            }
        }
    }
}

/// Writes the preamble and the main body from rows in document order.
fn body(w: &mut Writer, rows: &[Row]) {
    let recitals: Vec<&Row> = rows.iter().filter(|r| r.kind == ProvisionKind::Recital).collect();
    if !recitals.is_empty() {
        w.open("preamble", &[]);
        w.open("recitals", &[("eId", "preamble__recitals")]);
        for r in recitals {
            w.open("recital", &[("eId", r.eid), ("wId", r.eid)]);
            if !r.num.is_empty() {
                w.text("num", &[], r.num);
            }
            w.line_open("p", &[]);
            write_words(w, r.eid, &r.words);
            w.line_close("p");
            w.close("recital");
        }
        w.close("recitals");
        w.close("preamble");
    }
    let rows: Vec<&Row> = rows.iter().filter(|r| r.kind != ProvisionKind::Recital).collect();
    w.open("mainBody", &[]);
    if rows.is_empty() {
        // The schema wants something in a main body.
        w.text("p", &[], "");
    }
    // The open elements, innermost last.
    let mut open: Vec<(&str, &'static str)> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        while let Some((eid, element)) = open.last() {
            if r.eid.len() > eid.len() + 2 && r.eid.starts_with(eid) && r.eid[eid.len()..].starts_with("__") {
                break;
            }
            w.close(element);
            open.pop();
        }
        let element = element_of(r.kind);
        let mut attrs: Vec<(&str, &str)> = vec![("eId", r.eid), ("wId", r.eid)];
        let title = r.inserted_by.map(|p| format!("inserted by P-{p}"));
        if let Some(t) = &title {
            attrs.push(("class", "proposed"));
            attrs.push(("title", t));
        }
        w.open(element, &attrs);
        if !r.num.is_empty() {
            w.text("num", &[], &num_shown(r.kind, r.num));
        }
        let has_children = rows.get(i + 1).is_some_and(|n| {
            n.eid.len() > r.eid.len() + 2 && n.eid.starts_with(r.eid) && n.eid[r.eid.len()..].starts_with("__")
        });
        if r.kind.has_text() {
            let wrapper = if has_children { "intro" } else { "content" };
            if !(has_children && r.words.is_empty()) {
                w.open(wrapper, &[]);
                w.line_open("p", &[]);
                write_words(w, r.eid, &r.words);
                w.line_close("p");
                w.close(wrapper);
            }
        } else if !r.words.is_empty() {
            w.line_open("heading", &[]);
            write_words(w, &format!("{}__heading", r.eid), &r.words);
            w.line_close("heading");
        } else if !r.heading.is_empty() {
            w.text("heading", &[], r.heading);
        }
        open.push((r.eid, element));
    }
    while let Some((_, element)) = open.pop() {
        w.close(element);
    }
    w.close("mainBody");
}

fn plain_rows(provisions: &[Arc<Provision>]) -> Vec<Row<'_>> {
    provisions
        .iter()
        .map(|p| Row {
            eid: &p.eid,
            kind: p.kind,
            num: &p.num,
            heading: &p.heading,
            words: Words::Plain(&p.text),
            inserted_by: None,
        })
        .collect()
}

fn document(
    element: &str,
    name: &str,
    title: &str,
    masthead: &Masthead,
    expression: &Expression,
    members: &BTreeMap<MemberCode, String>,
    rows: &[Row],
) -> String {
    let mut w = Writer::new();
    w.open("akomaNtoso", &[("xmlns", AKN_NAMESPACE)]);
    w.open(element, &[("name", name)]);
    meta(&mut w, element, name, title, masthead, expression, members, |_| {}, |_| {});
    cover_page(&mut w, masthead, true);
    preface(&mut w, title);
    body(&mut w, rows);
    w.close(element);
    w.close("akomaNtoso");
    w.finish()
}

/// Writes a version of an instrument as Akoma Ntoso 3.0.
pub fn instrument(instrument: &Instrument, expression: &Expression, masthead: &Masthead) -> Result<String, Refusal> {
    masthead.check()?;
    expression.check()?;
    let kind = expression.kind;
    Ok(document(
        kind.element(),
        kind.name(),
        &instrument.title,
        masthead,
        expression,
        &BTreeMap::new(),
        &plain_rows(&instrument.provisions),
    ))
}

/// Writes the rolling text: agreed words plain, each bracket an
/// `inline name="bracket"` holding its options (`inline name="option"`,
/// `class` `original` or `proposed`, `title` the proposals, `refersTo` the
/// `TLCOrganization` of every member behind it), printed as the
/// secretariat prints them: `[shall (original; CHN) / should (P-3; BRA)]`.
/// A provision an open proposal would insert has `class="proposed"`.
///
/// `members` is the record's list of members (`State::members`): each is
/// shown by its name (by its code if it is not there).
pub fn rolling_text(
    rolling: &RollingText,
    expression: &Expression,
    masthead: &Masthead,
    members: &BTreeMap<MemberCode, Member>,
) -> Result<String, Refusal> {
    masthead.check()?;
    expression.check()?;
    let mut behind = BTreeSet::new();
    for p in &rolling.provisions {
        for s in &p.spans {
            if let Span::Bracket { bracket } = s {
                for o in &bracket.options {
                    behind.extend(o.members.iter().cloned());
                }
            }
        }
    }
    let rows: Vec<Row> = rolling
        .provisions
        .iter()
        .map(|p| Row {
            eid: &p.eid,
            kind: p.kind,
            num: &p.num,
            heading: &p.heading,
            words: Words::Spans(&p.spans),
            inserted_by: p.inserted_by,
        })
        .collect();
    let kind = expression.kind;
    let name = format!("{}RollingText", kind.name());
    Ok(document(kind.element(), &name, &rolling.title, masthead, expression, &shown(members, behind), &rows))
}

/// Writes a proposal as an Akoma Ntoso `amendment` to the version it
/// quotes: `amendmentBody` says in words what it changes (the words it
/// replaces as `quotedText`, the new words or provision as `quotedText`
/// or `quotedStructure`), `amendmentJustification` holds the
/// justification, and `analysis/activeModifications` names the provision
/// it changes by its IRI (`…/eng@v2/!main#art_5__para_2`).
///
/// `members` is the record's list of members, as for [`rolling_text`].
pub fn amendment(
    proposal: &Proposal,
    target: &Instrument,
    target_expression: &Expression,
    masthead: &Masthead,
    members: &BTreeMap<MemberCode, Member>,
) -> Result<String, Refusal> {
    masthead.check()?;
    target_expression.check()?;
    let target_iris =
        iris(target_expression.kind.element(), target_expression.kind.name(), masthead, target_expression);
    let destination = format!("{}/!main#{}", target_iris.expression, proposal.eid);
    // The amendment is its own work, numbered after the proposal.
    let own = Masthead { symbol: format!("{}/P-{}", masthead.symbol, proposal.id), ..masthead.clone() };
    let expression =
        Expression { kind: target_expression.kind, version: 1, version_name: None, ..target_expression.clone() };
    let label = accord_domain::negotiation::text::label_of(&proposal.eid);
    let title = format!("Proposal P-{} by {} on {}", proposal.id, proposal.proposer.as_str(), label);
    let mod_type = match proposal.kind {
        ProposalKind::ReplaceWords | ProposalKind::ReplaceProvision => "substitution",
        ProposalKind::InsertWords | ProposalKind::InsertProvision => "insertion",
        ProposalKind::DeleteWords | ProposalKind::DeleteProvision => "repeal",
    };
    let backers = shown(members, proposal.backers());
    let mut w = Writer::new();
    w.open("akomaNtoso", &[("xmlns", AKN_NAMESPACE)]);
    w.open("amendment", &[("name", "proposal")]);
    meta(
        &mut w,
        "amendment",
        "proposal",
        &title,
        &own,
        &expression,
        &backers,
        |w| {
            w.open("analysis", &[("source", "#accord")]);
            w.open("activeModifications", &[]);
            w.open("textualMod", &[("eId", "textualMod_1"), ("type", mod_type)]);
            w.empty("source", &[("href", "#mod_1")]);
            w.empty("destination", &[("href", &destination)]);
            w.close("textualMod");
            w.close("activeModifications");
            w.close("analysis");
        },
        |_| {},
    );
    cover_page(&mut w, &own, true);
    w.open("preface", &[]);
    w.open("longTitle", &[("eId", "longTitle")]);
    w.line_open("p", &[]);
    w.inline_open("docTitle", &[]);
    w.raw_text(&title);
    w.inline_close("docTitle");
    w.raw_text(" ");
    w.inline_open("docProponent", &[("refersTo", &member_ref(&proposal.proposer))]);
    w.raw_text(proposal.proposer.as_str());
    w.inline_close("docProponent");
    w.line_close("p");
    w.close("longTitle");
    w.close("preface");
    w.open("amendmentBody", &[]);
    w.open("amendmentHeading", &[]);
    w.text("p", &[], &format!("{}: {}", label, proposal.kind.label()));
    w.close("amendmentHeading");
    w.open("amendmentContent", &[]);
    w.line_open("p", &[]);
    w.inline_open("mod", &[("eId", "mod_1")]);
    let quote = proposal.anchor.as_ref().map(|a| a.quote.as_str());
    let current = target.get(&proposal.eid);
    let words = proposal.text.as_deref().unwrap_or("");
    let quoted = |w: &mut Writer, id: &str, text: &str| {
        w.raw_text("\u{201c}");
        w.inline_open("quotedText", &[("eId", id)]);
        w.raw_text(text);
        w.inline_close("quotedText");
        w.raw_text("\u{201d}");
    };
    w.raw_text(&format!("In {label} of version {}, ", proposal.version));
    match proposal.kind {
        ProposalKind::ReplaceWords => {
            w.raw_text("replace ");
            quoted(&mut w, "mod_1__qstr_1", quote.unwrap_or(""));
            w.raw_text(" with ");
            quoted(&mut w, "mod_1__qstr_2", words);
        }
        ProposalKind::InsertWords => {
            w.raw_text("after ");
            quoted(&mut w, "mod_1__qstr_1", quote.unwrap_or(""));
            w.raw_text(" insert ");
            quoted(&mut w, "mod_1__qstr_2", words);
        }
        ProposalKind::DeleteWords => {
            w.raw_text("delete ");
            quoted(&mut w, "mod_1__qstr_1", quote.unwrap_or(""));
        }
        ProposalKind::ReplaceProvision => {
            // A new heading, new words, or both.
            let mut n = 0;
            let mut next = || {
                n += 1;
                format!("mod_1__qstr_{n}")
            };
            let old_heading = current.map_or("", |p| p.heading.as_str());
            if let Some(h) = &proposal.heading {
                if old_heading.is_empty() {
                    w.raw_text("give it the heading ");
                } else {
                    w.raw_text("replace the heading ");
                    quoted(&mut w, &next(), old_heading);
                    w.raw_text(" with ");
                }
                quoted(&mut w, &next(), h);
            }
            if let Some(t) = &proposal.text {
                if proposal.heading.is_some() {
                    w.raw_text(", and ");
                }
                w.raw_text("replace the text ");
                quoted(&mut w, &next(), current.map_or("", |p| p.text.as_str()));
                w.raw_text(" with ");
                quoted(&mut w, &next(), t);
            }
        }
        ProposalKind::InsertProvision => {
            let place = match proposal.position {
                Some(accord_domain::negotiation::Position::Before) => "before it",
                _ => "after it",
            };
            w.raw_text(&format!("insert {place} "));
            let text = match &proposal.heading {
                Some(h) if !h.is_empty() => format!("{h}: {words}"),
                _ => words.to_owned(),
            };
            quoted(&mut w, "mod_1__qstr_1", &text);
        }
        ProposalKind::DeleteProvision => {
            w.raw_text("delete the provision");
        }
    }
    w.inline_close("mod");
    w.line_close("p");
    w.close("amendmentContent");
    if !proposal.justification.is_empty() {
        w.open("amendmentJustification", &[]);
        w.text("p", &[], &proposal.justification);
        w.close("amendmentJustification");
    }
    w.close("amendmentBody");
    w.close("amendment");
    w.close("akomaNtoso");
    Ok(w.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(is_date("2026-03-02"));
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2026-02-29"));
        assert!(!is_date("2026-13-01"));
        assert!(!is_date("2026-3-2"));
        assert_eq!(date_shown("2026-03-02"), "2 March 2026");
    }

    #[test]
    fn symbols_become_one_segment() {
        assert_eq!(symbol_segment("A/AC.292/2026/L.1/Rev.2"), "A-AC.292-2026-L.1-Rev.2");
    }
}
