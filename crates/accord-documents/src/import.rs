//! Reading Akoma Ntoso 3.0 and 2.0 into an instrument.
//!
//! [`import`] opens an `act`, `bill`, `statement` or `doc` (in a
//! `documentCollection`, the first act or bill among its components, else
//! the first statement or doc) and answers the instrument with what it
//! left out ([`Imported::dropped`]), for the person importing to read.
//! Other documents (`debate`, `judgment`, `amendment`, ...) are refused
//! with `unsupported_document`, naming the construct.
//!
//! # What maps to what
//! - title: the preface's `docTitle`, else `shortTitle`, else `longTitle`,
//!   else the work's `FRBRname`;
//! - recital: each `recital` and `citation` of the preamble, and each `p`
//!   directly in it (Akoma Ntoso 2.0 resolutions write their preambular
//!   paragraphs so);
//! - chapter: the outermost grouping above the articles (`book`, `part`,
//!   `title`, `chapter`, `division`, `hcontainer`, ...); groupings inside
//!   it are flattened (reported);
//! - article: `article`, `section`, `rule`; paragraphs outside any article
//!   (a resolution's operative paragraphs) go into one article of their
//!   own, numbered 1 (reported);
//! - paragraph: the first hierarchical level in an article (`paragraph`,
//!   `subsection`, `alinea`, `clause`, `point`, ...); an article's own
//!   `content`, or a list's introduction, becomes an unnumbered paragraph;
//! - point: the next level (`point`, `item`, `paragraph`, ...), through
//!   `list` and `blockList`; deeper levels are joined to their point's
//!   words (reported).
//!
//! Words are the text of `content`, `intro` and `p`, with inline markup
//! (`i`, `b`, `ref`, `term`, `def`, ...) kept as its words, block elements
//! set apart by a space, and runs of white space made one space; footnotes
//! (`authorialNote`), tables, images, deleted text (`del`), `wrapUp`, what
//! the source marks `status="editorial"` (a printer's page number) and the
//! front and back matter are dropped and reported. A rolling text Accord
//! wrote reads back as its version: each `inline name="bracket"` gives its
//! original option's words, and provisions marked `class="proposed"` are
//! left out (both reported). Every word then passes the domain's Unicode policy
//! (put in NFC, refused with its codes) and its checks of a provision's
//! text.
//!
//! Numbers are kept as printed, without the words `Chapter`, `Part`,
//! `Article`, `Section` and a trailing dot on chapters and articles.
//! eIds are Accord's (`chp_2__art_5__para_1__point_b`): a provision's
//! parent's eId, then its own last segment from the source (`art_5`) when
//! it has the right prefix, else one made from its number; a source
//! identifier that changed is listed in [`Imported::renamed`].
//!
//! # Hostile input
//! At most [`IMPORT_MAX_BYTES`] bytes, UTF-8, no DOCTYPE at all (so no
//! entity can be declared, expanded or fetched), at most
//! [`MAX_NODES`] nodes and [`MAX_DEPTH`] levels of elements, at most
//! [`MAX_PROVISIONS`]
//! provisions. The reader never panics on any input (property-tested).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use accord_domain::error::Refusal;
use accord_domain::negotiation::markdown::MAX_PROVISIONS;
use accord_domain::negotiation::text::{
    check_text, Instrument, Origin, Provision, ProvisionKind, Source, HEADING_MAX_CHARS, PROVISION_MAX_CHARS,
};
use roxmltree::Node;

use crate::AKN_NAMESPACE;

/// The Akoma Ntoso 2.0 namespace.
pub const AKN2_NAMESPACE: &str = "http://www.akomantoso.org/2.0";
/// The largest document read, in bytes.
pub const IMPORT_MAX_BYTES: usize = 4 * 1024 * 1024;
/// The most XML nodes (elements, text, comments) a document may hold.
pub const MAX_NODES: u32 = 400_000;
/// The deepest nesting of elements read.
pub const MAX_DEPTH: usize = 128;

/// Which Akoma Ntoso a document was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AknVersion {
    /// OASIS LegalDocML 3.0 (`eId`).
    V3,
    /// Akoma Ntoso 2.0 (`id`).
    V2,
}

/// Something of the document the instrument does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    /// What, in words: "footnotes (authorialNote)".
    pub what: String,
    /// How many times.
    pub count: usize,
    /// Where first: the identifier of the nearest element that has one.
    pub first_at: String,
}

impl std::fmt::Display for Dropped {
    /// `footnotes (authorialNote): 3, the first at art_2__para_1`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}, the first at {}", self.what, self.count, self.first_at)
    }
}

/// A source identifier Accord gave another eId.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    pub source: String,
    pub eid: String,
}

/// An opened document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub instrument: Instrument,
    pub version: AknVersion,
    /// The document element opened: `act`, `bill`, `statement`, `doc`.
    pub document: String,
    /// What was left out, in document order of first occurrence.
    pub dropped: Vec<Dropped>,
    pub renamed: Vec<Renamed>,
}

fn refuse(code: &'static str, message: impl Into<String>) -> Refusal {
    Refusal::invalid(code, message)
}

/// Why a document element is not a text Accord negotiates.
fn unsupported(name: &str) -> Refusal {
    let what = match name {
        "debate" | "debateReport" => format!("a {name} is the record of a sitting, not a text Accord negotiates"),
        "judgment" => "a judgment is a court's decision, not a text Accord negotiates".to_owned(),
        "amendment" | "amendmentList" => {
            format!("an {name} proposes changes to another text: Accord tables those as proposals on its own text")
        }
        "officialGazette" => "an official gazette is a collection of publications".to_owned(),
        "documentCollection" => "this document collection holds no act, bill, statement or doc".to_owned(),
        "portion" => "a portion is a fragment of another document".to_owned(),
        other => format!("a {other} is not a text Accord negotiates"),
    };
    refuse("unsupported_document", format!("{what}: open an act, bill, statement or doc"))
}

/// The elements that group articles.
const GROUPS: &[&str] = &[
    "book",
    "part",
    "subpart",
    "title",
    "subtitle",
    "chapter",
    "subchapter",
    "division",
    "subdivision",
    "tome",
    "hcontainer",
    "container",
    "section_group",
];
/// The elements that are articles (outside an article).
const ARTICLES: &[&str] = &["article", "section", "rule", "regulation"];
/// Hierarchical levels under an article.
const UNITS: &[&str] = &[
    "paragraph",
    "subparagraph",
    "subsection",
    "alinea",
    "clause",
    "subclause",
    "point",
    "item",
    "indent",
    "proviso",
    "level",
    "transitional",
    "subrule",
    "article",
    "section",
    "rule",
    "list",
    "blockList",
    "sublist",
];
const LISTS: &[&str] = &["list", "blockList", "sublist"];
/// Elements whose words are not the text's words.
const DROPPED_INLINE: &[(&str, &str)] = &[
    ("authorialNote", "footnotes (authorialNote)"),
    ("note", "notes"),
    ("table", "tables"),
    ("img", "images"),
    ("del", "deleted words (del)"),
    ("remark", "remarks"),
    ("omissis", "omissions marked in the source (omissis)"),
    ("componentRef", "references to components"),
    ("foreign", "foreign markup"),
];

/// Inline elements: their words run on with the words around them
/// (`defined in <ref>Article 2</ref>, and`). Any other element is a block,
/// whose words are set apart by spaces.
const INLINE: &[&str] = &[
    "i",
    "b",
    "u",
    "sup",
    "sub",
    "span",
    "a",
    "ref",
    "mref",
    "rref",
    "term",
    "def",
    "inline",
    "abbr",
    "date",
    "time",
    "docTitle",
    "docNumber",
    "docType",
    "docDate",
    "docProponent",
    "docStatus",
    "docAuthority",
    "docCommittee",
    "docIntroducer",
    "docJurisdiction",
    "docStage",
    "docPurpose",
    "legislature",
    "session",
    "shortTitle",
    "organization",
    "person",
    "location",
    "role",
    "concept",
    "entity",
    "quantity",
    "event",
    "object",
    "process",
    "party",
    "judge",
    "lawyer",
    "signature",
    "outcome",
    "ins",
    "mod",
    "mmod",
    "quotedText",
    "affectedDocument",
    "relatedDocument",
    "change",
    "noteRef",
    "placeholder",
    "fillIn",
    "decoration",
    "marker",
    "vote",
    "recordedTime",
    "authorialNote",
    "del",
    "omissis",
    "remark",
    "img",
    "componentRef",
    "argument",
    "courtType",
    "neutralCitation",
];

struct Reader<'a, 'input> {
    id_attr: &'static str,
    source: Arc<Source>,
    provisions: Vec<Provision>,
    eids: HashSet<String>,
    /// How many provisions of a kind each parent holds (`""` for none):
    /// counted as they are added, so that numbering stays linear.
    counts: HashMap<(String, ProvisionKind), usize>,
    /// How many of each kind the whole text holds.
    totals: HashMap<ProvisionKind, usize>,
    dropped: BTreeMap<String, (usize, usize, String)>,
    renamed: Vec<Renamed>,
    _doc: std::marker::PhantomData<Node<'a, 'input>>,
}

fn local<'a>(n: &Node<'a, '_>) -> &'a str {
    n.tag_name().name()
}

fn elements<'a, 'input>(n: Node<'a, 'input>) -> impl Iterator<Item = Node<'a, 'input>> {
    n.children().filter(Node::is_element)
}

fn child<'a, 'input>(n: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    elements(n).find(|c| local(c) == name)
}

/// `5` from `Article 5`, `SEC. 3 .`, `PART 1`; as printed otherwise.
fn article_number(num: &str) -> String {
    let mut n = num.trim();
    for word in ["article", "art.", "section", "sec.", "chapter", "part", "rule", "title", "book", "schedule"] {
        if n.len() > word.len() && n.is_char_boundary(word.len()) && n[..word.len()].eq_ignore_ascii_case(word) {
            n = n[word.len()..].trim_start();
            break;
        }
    }
    n.trim_end_matches(|c: char| c == '.' || c.is_whitespace()).to_owned()
}

/// The alphanumerics of a number, for an eId: `5bis` from `5 bis`, `a`
/// from `(a)`.
fn token(num: &str) -> String {
    num.chars().filter(|c| c.is_ascii_alphanumeric()).collect()
}

impl<'a, 'input> Reader<'a, 'input> {
    fn drop(&mut self, what: &str, at: &str) {
        let order = self.dropped.len();
        let e = self.dropped.entry(what.to_owned()).or_insert((order, 0, at.to_owned()));
        e.1 += 1;
    }

    /// Skips, and reports, what the source marks as an editor's insertion
    /// rather than the text (`status="editorial"`: page numbers, notes).
    /// And what a rolling text marks as proposed (`class="proposed"`: a
    /// provision an open proposal would insert).
    fn editorial(&mut self, n: Node) -> bool {
        let what = if n.attribute("status") == Some("editorial") {
            "editorial insertions (status=\"editorial\")"
        } else if n.attribute("class") == Some("proposed") {
            "provisions proposed, not in the text (class=\"proposed\")"
        } else {
            return false;
        };
        let at = self.at(n);
        self.drop(what, &at);
        true
    }

    fn id_of(&self, n: Node) -> Option<String> {
        n.attribute(self.id_attr).map(str::to_owned)
    }

    /// The nearest identifier at or above `n`, to say where.
    fn at(&self, n: Node) -> String {
        n.ancestors().find_map(|a| a.attribute(self.id_attr).map(str::to_owned)).unwrap_or_else(|| local(&n).to_owned())
    }

    /// The words of `n`: its text, white space made single spaces, dropped
    /// elements reported.
    fn words(&mut self, n: Node<'a, 'input>, depth: usize) -> Result<String, Refusal> {
        let mut out = String::new();
        self.collect(n, &mut out, depth)?;
        Ok(out.split_ascii_whitespace().collect::<Vec<_>>().join(" "))
    }

    fn collect(&mut self, n: Node<'a, 'input>, out: &mut String, depth: usize) -> Result<(), Refusal> {
        if depth > MAX_DEPTH {
            return Err(too_deep());
        }
        for c in n.children() {
            if c.is_text() {
                out.push_str(c.text().unwrap_or_default());
            } else if c.is_element() {
                let name = local(&c);
                let inline = INLINE.contains(&name);
                if let Some((_, what)) = DROPPED_INLINE.iter().find(|(e, _)| *e == name) {
                    let at = self.at(c);
                    self.drop(what, &at);
                    if !inline {
                        out.push(' ');
                    }
                    continue;
                }
                if matches!(name, "eol" | "eop" | "br") {
                    out.push(' ');
                    continue;
                }
                if name == "inline" && c.attribute("name") == Some("bracket") {
                    // A rolling text's bracket: its original words are the
                    // text (the options are proposals, not the text).
                    let at = self.at(c);
                    self.drop("brackets of a rolling text (the original words kept)", &at);
                    let original = elements(c).find(|o| {
                        local(o) == "inline"
                            && o.attribute("name") == Some("option")
                            && o.attribute("class") == Some("original")
                    });
                    if let Some(o) = original {
                        self.collect(o, out, depth + 1)?;
                    }
                    continue;
                }
                // Block elements are separated by a space; inline ones are
                // part of the words around them.
                if !inline {
                    out.push(' ');
                }
                self.collect(c, out, depth + 1)?;
                if !inline {
                    out.push(' ');
                }
            }
        }
        Ok(())
    }

    fn text_of(&mut self, n: Node<'a, 'input>, name: &str, depth: usize) -> Result<String, Refusal> {
        match child(n, name) {
            Some(c) => self.words(c, depth + 1),
            None => Ok(String::new()),
        }
    }

    /// Gives a provision its eId under `parent` and adds it.
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        node: Option<Node>,
        parent: Option<&str>,
        kind: ProvisionKind,
        num: String,
        heading: String,
        text: String,
        fallback: usize,
    ) -> Result<String, Refusal> {
        if self.provisions.len() >= MAX_PROVISIONS {
            return Err(Refusal::too_large(
                "document_too_large",
                format!("the document has more than {MAX_PROVISIONS} provisions, the most an instrument may have"),
            ));
        }
        let prefix = kind.prefix();
        let source_id = node.and_then(|n| self.id_of(n));
        let own = source_id
            .as_deref()
            .and_then(|id| id.rsplit("__").next())
            .and_then(|seg| seg.strip_prefix(prefix).and_then(|r| r.strip_prefix('_')))
            .filter(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric()))
            .map(str::to_owned);
        // Recitals and citations share one sequence: their own numbers
        // would collide.
        let tok = own.unwrap_or_else(|| {
            let t = if kind == ProvisionKind::Recital { String::new() } else { token(&num) };
            if t.is_empty() {
                fallback.to_string()
            } else {
                t
            }
        });
        let base = match (kind, parent) {
            (ProvisionKind::Recital, _) => format!("preamble__recital_{tok}"),
            (_, Some(p)) => format!("{p}__{prefix}_{tok}"),
            (_, None) => format!("{prefix}_{tok}"),
        };
        let mut eid = base.clone();
        let mut n = 2;
        while self.eids.contains(&eid) {
            eid = format!("{base}_{n}");
            n += 1;
        }
        if let Some(s) = source_id {
            if s != eid {
                self.renamed.push(Renamed { source: s, eid: eid.clone() });
            }
        }
        let what = format!("text of {eid}");
        let text = accord_domain::unicode::accept(&what, &text)?.into_owned();
        let heading = accord_domain::unicode::accept(&format!("heading of {eid}"), &heading)?.into_owned();
        let num = accord_domain::unicode::accept(&format!("number of {eid}"), &num)?.into_owned();
        check_text(&what, &text, PROVISION_MAX_CHARS, true)?;
        check_text(&format!("heading of {eid}"), &heading, HEADING_MAX_CHARS, true)?;
        check_text(&format!("number of {eid}"), &num, HEADING_MAX_CHARS, true)?;
        let origins =
            if text.is_empty() { Vec::new() } else { vec![Origin { len: text.len(), source: self.source.clone() }] };
        self.eids.insert(eid.clone());
        *self.counts.entry((parent.unwrap_or_default().to_owned(), kind)).or_default() += 1;
        *self.totals.entry(kind).or_default() += 1;
        self.provisions.push(Provision { eid: eid.clone(), kind, num, heading, text, origins });
        Ok(eid)
    }

    fn preamble(&mut self, n: Node<'a, 'input>, depth: usize) -> Result<(), Refusal> {
        if depth > MAX_DEPTH {
            return Err(too_deep());
        }
        for c in elements(n) {
            match local(&c) {
                "recitals" | "citations" | "container" | "blockContainer" => {
                    if local(&c) == "citations" {
                        let at = self.at(c);
                        self.drop("citations, kept as recitals", &at);
                    }
                    for part in ["intro", "wrapUp"] {
                        if let Some(x) = child(c, part) {
                            let at = self.at(x);
                            self.drop(&format!("the {part} of recitals or citations"), &at);
                        }
                    }
                    self.preamble(c, depth + 1)?;
                }
                "recital" | "citation" | "p" => {
                    let num = self.text_of(c, "num", depth)?;
                    let mut text = String::new();
                    for part in elements(c).filter(|p| local(p) != "num") {
                        let w = self.words(part, depth + 1)?;
                        join(&mut text, &w);
                    }
                    if local(&c) == "p" {
                        text = self.words(c, depth + 1)?;
                    }
                    if text.is_empty() {
                        continue;
                    }
                    let k = self.total(ProvisionKind::Recital) + 1;
                    self.push(Some(c), None, ProvisionKind::Recital, num, String::new(), text, k)?;
                }
                "intro" | "wrapUp" => {}
                other => {
                    let at = self.at(c);
                    self.drop(&format!("{other} in the preamble"), &at);
                }
            }
        }
        Ok(())
    }

    /// A body, or a grouping in it.
    fn container(
        &mut self,
        n: Node<'a, 'input>,
        chapter: Option<&str>,
        loose: &mut Option<String>,
        depth: usize,
    ) -> Result<(), Refusal> {
        if depth > MAX_DEPTH {
            return Err(too_deep());
        }
        for c in elements(n) {
            let name = local(&c);
            if self.editorial(c) {
                continue;
            }
            if GROUPS.contains(&name) {
                *loose = None;
                if chapter.is_none() {
                    let num = article_number(&self.text_of(c, "num", depth)?);
                    let heading = self.text_of(c, "heading", depth)?;
                    let k = self.total(ProvisionKind::Chapter) + 1;
                    let eid = self.push(Some(c), None, ProvisionKind::Chapter, num, heading, String::new(), k)?;
                    self.container(c, Some(&eid), &mut None, depth + 1)?;
                    if self.provisions.last().is_some_and(|p| p.eid == eid) {
                        // Nothing Accord models was in it (a schedule of
                        // tables, say): no empty chapter.
                        self.provisions.pop();
                        self.eids.remove(&eid);
                        *self.counts.entry((String::new(), ProvisionKind::Chapter)).or_default() -= 1;
                        *self.totals.entry(ProvisionKind::Chapter).or_default() -= 1;
                        self.renamed.retain(|r| r.eid != eid);
                        let at = self.at(c);
                        let what = match c.attribute("name") {
                            Some(n) => format!("groupings holding no article or paragraph ({name} {n})"),
                            None => format!("groupings holding no article or paragraph ({name})"),
                        };
                        self.drop(&what, &at);
                    }
                } else {
                    let at = self.at(c);
                    self.drop("groupings inside a chapter (flattened)", &at);
                    self.container(c, chapter, loose, depth + 1)?;
                }
            } else if ARTICLES.contains(&name) {
                *loose = None;
                self.article(c, chapter, depth + 1)?;
            } else if UNITS.contains(&name) {
                // Paragraphs outside any article: one article holds them.
                let article = match loose.clone() {
                    Some(a) => a,
                    None => {
                        let at = self.at(c);
                        self.drop("paragraphs outside any article, put in an article of their own", &at);
                        let k = self.total(ProvisionKind::Article) + 1;
                        let eid = self.push(
                            None,
                            chapter,
                            ProvisionKind::Article,
                            k.to_string(),
                            String::new(),
                            String::new(),
                            k,
                        )?;
                        *loose = Some(eid.clone());
                        eid
                    }
                };
                self.paragraph_level(c, &article, depth + 1)?;
            } else if matches!(name, "num" | "heading" | "subheading") {
            } else {
                let at = self.at(c);
                self.drop(&format!("{name} outside any article"), &at);
            }
        }
        Ok(())
    }

    fn article(&mut self, n: Node<'a, 'input>, chapter: Option<&str>, depth: usize) -> Result<(), Refusal> {
        let num = article_number(&self.text_of(n, "num", depth)?);
        let heading = self.text_of(n, "heading", depth)?;
        let k = self.total(ProvisionKind::Article) + 1;
        let eid = self.push(Some(n), chapter, ProvisionKind::Article, num, heading, String::new(), k)?;
        self.paragraph_level(n, &eid, depth)
    }

    /// The children of an article (or of a list at the paragraph level).
    fn paragraph_level(&mut self, n: Node<'a, 'input>, article: &str, depth: usize) -> Result<(), Refusal> {
        if depth > MAX_DEPTH {
            return Err(too_deep());
        }
        let mut count = self.children_of(article, ProvisionKind::Paragraph);
        let name = local(&n);
        // A unit met where an article's paragraphs are: it is one.
        if UNITS.contains(&name) && !LISTS.contains(&name) && !ARTICLES.contains(&name) {
            return self.paragraph(n, article, count + 1, depth);
        }
        for c in elements(n) {
            let cname = local(&c);
            if self.editorial(c) {
                continue;
            }
            match cname {
                "num" | "heading" | "subheading" => {}
                "content" | "intro" => {
                    let text = self.words(c, depth + 1)?;
                    if !text.is_empty() {
                        count += 1;
                        self.push(
                            None,
                            Some(article),
                            ProvisionKind::Paragraph,
                            String::new(),
                            String::new(),
                            text,
                            count,
                        )?;
                    }
                }
                "wrapUp" => {
                    let at = self.at(c);
                    self.drop("words after a list of points (wrapUp)", &at);
                }
                _ if LISTS.contains(&cname) => {
                    let intro = match child(c, "intro").or_else(|| child(c, "listIntroduction")) {
                        Some(i) => self.words(i, depth + 1)?,
                        None => String::new(),
                    };
                    if intro.is_empty() {
                        self.paragraph_level(c, article, depth + 1)?;
                        count = self.children_of(article, ProvisionKind::Paragraph);
                    } else {
                        count += 1;
                        let p = self.push(
                            Some(c),
                            Some(article),
                            ProvisionKind::Paragraph,
                            String::new(),
                            String::new(),
                            intro,
                            count,
                        )?;
                        self.point_level(c, &p, depth + 1)?;
                    }
                }
                _ if UNITS.contains(&cname) => {
                    count += 1;
                    self.paragraph(c, article, count, depth + 1)?;
                }
                "listIntroduction" | "listWrapUp" => {}
                other => {
                    let at = self.at(c);
                    self.drop(&format!("{other} in an article"), &at);
                }
            }
        }
        Ok(())
    }

    fn children_of(&self, parent: &str, kind: ProvisionKind) -> usize {
        self.counts.get(&(parent.to_owned(), kind)).copied().unwrap_or(0)
    }

    fn total(&self, kind: ProvisionKind) -> usize {
        self.totals.get(&kind).copied().unwrap_or(0)
    }

    fn paragraph(&mut self, n: Node<'a, 'input>, article: &str, k: usize, depth: usize) -> Result<(), Refusal> {
        if depth > MAX_DEPTH {
            return Err(too_deep());
        }
        let num = self.text_of(n, "num", depth)?;
        let mut text = String::new();
        for part in ["content", "intro"] {
            let w = self.text_of(n, part, depth)?;
            join(&mut text, &w);
        }
        let eid = self.push(Some(n), Some(article), ProvisionKind::Paragraph, num, String::new(), text, k)?;
        self.point_level(n, &eid, depth + 1)
    }

    /// The points under a paragraph: its units, through lists.
    fn point_level(&mut self, n: Node<'a, 'input>, paragraph: &str, depth: usize) -> Result<(), Refusal> {
        if depth > MAX_DEPTH {
            return Err(too_deep());
        }
        for c in elements(n) {
            let cname = local(&c);
            if self.editorial(c) {
                continue;
            }
            match cname {
                "num" | "heading" | "subheading" | "content" | "intro" | "listIntroduction" => {}
                "wrapUp" | "listWrapUp" => {
                    let at = self.at(c);
                    self.drop("words after a list of points (wrapUp)", &at);
                }
                _ if LISTS.contains(&cname) => {
                    let intro = match child(c, "intro").or_else(|| child(c, "listIntroduction")) {
                        Some(i) => self.words(i, depth + 1)?,
                        None => String::new(),
                    };
                    if !intro.is_empty() {
                        let i = self.provisions.iter().rposition(|p| p.eid == paragraph).expect("pushed above");
                        let mut t = std::mem::take(&mut self.provisions[i].text);
                        join(&mut t, &intro);
                        let t = accord_domain::unicode::accept(&format!("text of {paragraph}"), &t)?.into_owned();
                        check_text(&format!("text of {paragraph}"), &t, PROVISION_MAX_CHARS, true)?;
                        self.provisions[i].origins = vec![Origin { len: t.len(), source: self.source.clone() }];
                        self.provisions[i].text = t;
                    }
                    self.point_level(c, paragraph, depth + 1)?;
                }
                _ if UNITS.contains(&cname) => {
                    let num = self.text_of(c, "num", depth)?;
                    // A unit whose identifier says it is a point is one,
                    // numbered or not (Accord writes them so).
                    let named_point = self
                        .id_of(c)
                        .is_some_and(|id| id.rsplit("__").next().is_some_and(|last| last.starts_with("point_")));
                    if num.is_empty() && child(c, "heading").is_none() && !named_point {
                        // An unnumbered subparagraph: its words join the
                        // paragraph's.
                        let at = self.at(c);
                        self.drop("unnumbered subparagraphs, joined to their paragraph's words", &at);
                        let words = self.unit_words(c, depth + 1)?;
                        let i = self.provisions.iter().rposition(|p| p.eid == paragraph).expect("pushed above");
                        let mut t = std::mem::take(&mut self.provisions[i].text);
                        join(&mut t, &words);
                        check_text(&format!("text of {paragraph}"), &t, PROVISION_MAX_CHARS, true)?;
                        self.provisions[i].origins = vec![Origin { len: t.len(), source: self.source.clone() }];
                        self.provisions[i].text = t;
                        continue;
                    }
                    if let Some(h) = child(c, "heading") {
                        let at = self.at(h);
                        self.drop("headings of points", &at);
                    }
                    let k = self.children_of(paragraph, ProvisionKind::Point) + 1;
                    let mut text = String::new();
                    for part in ["content", "intro"] {
                        let w = self.text_of(c, part, depth)?;
                        join(&mut text, &w);
                    }
                    // Deeper levels join the point's words.
                    for deeper in elements(c).filter(|d| UNITS.contains(&local(d)) || local(d) == "wrapUp") {
                        let at = self.at(deeper);
                        self.drop("levels below points, joined to their point's words", &at);
                        let w = self.unit_words(deeper, depth + 1)?;
                        join(&mut text, &w);
                    }
                    self.push(Some(c), Some(paragraph), ProvisionKind::Point, num, String::new(), text, k)?;
                }
                other => {
                    let at = self.at(c);
                    self.drop(&format!("{other} in a paragraph"), &at);
                }
            }
        }
        Ok(())
    }

    /// All the words of a unit, its number first.
    fn unit_words(&mut self, n: Node<'a, 'input>, depth: usize) -> Result<String, Refusal> {
        if depth > MAX_DEPTH {
            return Err(too_deep());
        }
        self.words(n, depth)
    }
}

fn join(text: &mut String, more: &str) {
    if more.is_empty() {
        return;
    }
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(more);
}

fn too_deep() -> Refusal {
    refuse("document_too_deep", format!("the document nests elements more than {MAX_DEPTH} levels deep"))
}

const OPENED: &[&str] = &["act", "bill", "statement", "doc"];

/// Finds the document to open: the root's child, or in a collection the
/// first act or bill among its components, else the first statement or
/// doc.
fn document_element<'a, 'input>(root: Node<'a, 'input>) -> Result<Node<'a, 'input>, Refusal> {
    let Some(first) = elements(root).next() else {
        return Err(refuse("malformed_document", "the akomaNtoso element holds no document"));
    };
    let name = local(&first);
    if OPENED.contains(&name) {
        return Ok(first);
    }
    if name != "documentCollection" {
        return Err(unsupported(name));
    }
    let components: Vec<Node> = root
        .descendants()
        .filter(|n| n.is_element() && local(n) == "component")
        .filter_map(|c| elements(c).next())
        .collect();
    for wanted in [&["act", "bill"][..], &["statement", "doc"][..]] {
        if let Some(d) = components.iter().find(|d| wanted.contains(&local(d))) {
            return Ok(*d);
        }
    }
    Err(unsupported("documentCollection"))
}

/// The most attributes an element may carry. Akoma Ntoso elements carry a
/// handful; the XML parser checks each new attribute against the ones
/// before it, so thousands on one element would take minutes.
pub const MAX_ATTRIBUTES: usize = 256;

/// Refuses an element with more than [`MAX_ATTRIBUTES`] attributes, by one
/// pass over the text before it is parsed: in a tag, each `=` outside a
/// quoted value is an attribute (comments, CDATA sections and processing
/// instructions are skipped).
pub(crate) fn check_attributes(text: &str) -> Result<(), Refusal> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(at) = bytes[i..].iter().position(|&b| b == b'<') {
        i += at;
        let rest = &text[i..];
        let skip_to = |end: &str| rest.find(end).map_or(bytes.len(), |e| i + e + end.len());
        if rest.starts_with("<!--") {
            i = skip_to("-->");
            continue;
        }
        if rest.starts_with("<![CDATA[") {
            i = skip_to("]]>");
            continue;
        }
        if rest.starts_with("<?") {
            i = skip_to("?>");
            continue;
        }
        let (mut attributes, mut quote) = (0usize, None);
        i += 1;
        while i < bytes.len() {
            match (bytes[i], quote) {
                (b'"' | b'\'', None) => quote = Some(bytes[i]),
                (q, Some(open)) if q == open => quote = None,
                (b'=', None) => attributes += 1,
                (b'>', None) => break,
                _ => {}
            }
            i += 1;
        }
        if attributes > MAX_ATTRIBUTES {
            return Err(Refusal::too_large(
                "document_too_large",
                format!("an element of the document has more than {MAX_ATTRIBUTES} attributes"),
            ));
        }
    }
    Ok(())
}

/// Opens an Akoma Ntoso document. `source` is recorded as the origin of
/// every word.
pub fn import(bytes: &[u8], source: Arc<Source>) -> Result<Imported, Refusal> {
    if bytes.len() > IMPORT_MAX_BYTES {
        return Err(Refusal::too_large(
            "document_too_large",
            format!("the document has {} bytes, more than {IMPORT_MAX_BYTES}", bytes.len()),
        ));
    }
    // UTF-16 (with or without its byte-order mark) holds NUL bytes, which
    // are valid UTF-8 but never XML.
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") || bytes.contains(&0) {
        return Err(refuse(
            "unsupported_encoding",
            "the document is in UTF-16 or holds NUL bytes, which XML forbids: save it as UTF-8",
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        refuse(
            "unsupported_encoding",
            format!("the document is not UTF-8 (invalid byte at {}): save it as UTF-8", e.valid_up_to()),
        )
    })?;
    // No DOCTYPE at all: a DTD can declare entities that expand without
    // bound or fetch files, and Akoma Ntoso needs none. A DOCTYPE inside a
    // comment is refused too: better a clear refusal than a subtle parse.
    if text.contains("<!DOCTYPE") {
        return Err(refuse(
            "doctype_refused",
            "the document has a DOCTYPE: Accord reads no DTD and no entity declarations (they can fetch \
             files or expand without bound); remove the DOCTYPE",
        ));
    }
    check_attributes(text)?;
    let options = roxmltree::ParsingOptions { allow_dtd: false, nodes_limit: MAX_NODES, ..Default::default() };
    let doc = roxmltree::Document::parse_with_options(text, options).map_err(|e| match e {
        roxmltree::Error::NodesLimitReached => {
            Refusal::too_large("document_too_large", format!("the document has more than {MAX_NODES} XML nodes"))
        }
        roxmltree::Error::DtdDetected => refuse("doctype_refused", "the document has a DOCTYPE: remove it"),
        e => refuse("malformed_xml", format!("the document is not well-formed XML: {e}")),
    })?;
    let root = doc.root_element();
    let version = match root.tag_name().namespace() {
        // The committee drafts of 3.0 (`…/akn/3.0/CSD13`) read as 3.0.
        Some(ns) if ns == AKN_NAMESPACE || ns.strip_prefix(AKN_NAMESPACE).is_some_and(|r| r.starts_with("/CSD")) => {
            AknVersion::V3
        }
        Some(AKN2_NAMESPACE) => AknVersion::V2,
        _ => {
            return Err(refuse(
                "not_akoma_ntoso",
                format!(
                    "the document's root element is {} in namespace {}, not akomaNtoso in {AKN_NAMESPACE} \
                     (Akoma Ntoso 3.0) or {AKN2_NAMESPACE} (2.0)",
                    local(&root),
                    root.tag_name().namespace().unwrap_or("(none)")
                ),
            ))
        }
    };
    if local(&root) != "akomaNtoso" {
        return Err(refuse("not_akoma_ntoso", format!("the root element is {}, not akomaNtoso", local(&root))));
    }
    let document = document_element(root)?;
    // The reader recurses over the tree; every level checks MAX_DEPTH.
    let mut reader = Reader {
        id_attr: if version == AknVersion::V3 { "eId" } else { "id" },
        source,
        provisions: Vec::new(),
        eids: HashSet::new(),
        counts: HashMap::new(),
        totals: HashMap::new(),
        dropped: BTreeMap::new(),
        renamed: Vec::new(),
        _doc: std::marker::PhantomData,
    };
    if let Some(collection) = elements(root).next().filter(|d| local(d) == "documentCollection") {
        for c in root.descendants().filter(|n| n.is_element() && local(n) == "component") {
            if let Some(d) = elements(c).next() {
                if d != document && d.ancestors().all(|a| a != document) {
                    let at = reader.at(c);
                    reader.drop("other documents of the collection", &at);
                }
            }
        }
        let at = reader.at(collection);
        reader.drop("the collection's own cover page and preface", &at);
    }
    let mut title = String::new();
    let mut preface_title = None;
    for c in elements(document) {
        match local(&c) {
            "meta" => {
                if let Some(name) = c
                    .descendants()
                    .find(|n| n.is_element() && local(n) == "FRBRname")
                    .and_then(|n| n.attribute("value"))
                {
                    title = name.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
                }
                reader.drop("metadata (identification, lifecycle, references)", "meta");
            }
            "preface" | "coverPage" => {
                for wanted in ["docTitle", "shortTitle", "longTitle"] {
                    if preface_title.is_some() {
                        break;
                    }
                    if let Some(t) = c.descendants().find(|n| n.is_element() && local(n) == wanted) {
                        let words = reader.words(t, 1)?;
                        if !words.is_empty() {
                            preface_title = Some(words);
                        }
                    }
                }
                reader.drop(&format!("the {} (numbers, dates, authors) other than the title", local(&c)), local(&c));
            }
            "preamble" => reader.preamble(c, 1)?,
            "body" | "mainBody" => reader.container(c, None, &mut None, 1)?,
            "conclusions" | "attachments" | "components" => {
                reader.drop(&format!("the {}", local(&c)), local(&c));
            }
            other => reader.drop(&format!("{other} of the document"), other),
        }
    }
    let mut title = preface_title.unwrap_or(title);
    if title.chars().count() > HEADING_MAX_CHARS {
        let cut: String = title.chars().take(HEADING_MAX_CHARS - 1).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a).to_owned();
        title = format!("{cut}\u{2026}");
        reader.drop(&format!("the end of a title longer than {HEADING_MAX_CHARS} characters"), "preface");
    }
    let title = accord_domain::unicode::accept("title", &title)?.into_owned();
    check_text("title", &title, HEADING_MAX_CHARS, false)
        .map_err(|r| refuse("no_title", format!("{}: the document needs a docTitle or FRBRname", r.message)))?;
    if !reader.provisions.iter().any(|p| p.kind != ProvisionKind::Chapter) {
        return Err(refuse("no_text", format!("the {} holds no recital, article or paragraph", local(&document))));
    }
    let mut dropped: Vec<(usize, Dropped)> = reader
        .dropped
        .into_iter()
        .map(|(what, (order, count, first_at))| (order, Dropped { what, count, first_at }))
        .collect();
    dropped.sort_by_key(|(o, _)| *o);
    // Accord's instrument holds its recitals before its body, as the
    // Markdown convention and every export write them; a document that
    // puts a recital after an article reads with its recitals first (a
    // stable partition: each keeps its order).
    let mut provisions = reader.provisions;
    provisions.sort_by_key(|p| p.kind != ProvisionKind::Recital);
    Ok(Imported {
        instrument: Instrument { title, provisions: provisions.into_iter().map(Arc::new).collect() },
        version,
        document: local(&document).to_owned(),
        dropped: dropped.into_iter().map(|(_, d)| d).collect(),
        renamed: reader.renamed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_lose_their_words() {
        assert_eq!(article_number("Article 5"), "5");
        assert_eq!(article_number("SEC. 3 ."), "3");
        assert_eq!(article_number("SECTION 1."), "1");
        assert_eq!(article_number("PART 1"), "1");
        assert_eq!(article_number("CHAPTER IV"), "IV");
        assert_eq!(article_number("5 bis"), "5 bis");
        assert_eq!(token("(a)"), "a");
    }
}
