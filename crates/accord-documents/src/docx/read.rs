//! Reading a .docx into an instrument: a zero draft written in Word or
//! LibreOffice.
//!
//! # What maps to what
//! Paragraphs are read in order (the body's, and those in content
//! controls); each gets a heading level from its style (Title; `heading
//! 1`, `heading 2`... by name or by `w:outlineLvl`, on the paragraph or
//! inherited through `w:basedOn`) and the number Word prints before it,
//! computed from `word/numbering.xml` (the `w:numPr` of the paragraph or
//! of its style, `w:abstractNum` levels with `w:start`, `w:numFmt`,
//! `w:lvlText`, `w:lvlOverride`/`w:startOverride`), or else a number typed
//! at its start (`1.`, `2)`, `(a)`, `b)`, `(iv)`).
//! - title: the paragraph in the Title style, else the first paragraph
//!   with words; paragraphs above it (a masthead) are left out;
//! - chapter: a heading whose words start `Chapter`, `Part`, `Book`,
//!   `Division`, or a heading of the upper of two heading levels;
//! - article: a heading whose words start `Article`, `Art.`, `Section`,
//!   `Rule`, a heading of the only or the lower heading level, or a
//!   paragraph of just `Article 5` typed; a heading right after a chapter
//!   or article with no words yet is its heading (`Article 5` then
//!   `Scope`); `Article 5. Scope` is split likewise;
//! - paragraph: a list item at the first level, a paragraph with a typed
//!   number, or any other paragraph with words in an article;
//! - point: a list item at the second level, or a typed letter or roman
//!   numeral; deeper levels are joined to their point's words;
//! - recital: a paragraph with words before the first article and before
//!   any numbered paragraph. Numbered paragraphs outside any article (a
//!   resolution's operative paragraphs) go into one article of their own.
//!
//! Tracked insertions are read as accepted and tracked deletions left out;
//! footnotes, tables, images, equations and field codes are left out; each
//! is listed ([`Imported::dropped`]). Every word passes the domain's
//! Unicode policy (bidirectional overrides refused) and its checks of a
//! provision's text.
//!
//! A point with no paragraph before it in its article, or text that is all
//! in tables, is refused (`unstructured_document`) naming the paragraph
//! (its position among the body's paragraphs and its first words).
//!
//! # Hostile input
//! A .docx is a zip archive: at most [`DOCX_MAX_BYTES`] compressed and
//! [`MAX_ENTRIES`] entries; only the parts needed are decompressed, each
//! read through a limit of [`MAX_PART_BYTES`] whatever its header claims
//! (a zip bomb stops there), and at most [`MAX_TOTAL_BYTES`] in all. No
//! DOCTYPE is read; each part builds at most [`MAX_NODES`] XML nodes and
//! nests at most [`MAX_DEPTH`] elements. A missing or malformed part is
//! refused naming the part.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{Cursor, Read};
use std::sync::Arc;

use accord_domain::error::Refusal;
use accord_domain::negotiation::markdown::MAX_PROVISIONS;
use accord_domain::negotiation::text::{
    check_text, Instrument, Origin, Provision, ProvisionKind, Source, HEADING_MAX_CHARS, PROVISION_MAX_CHARS,
};
use roxmltree::Node;

use crate::import::Dropped;

/// The largest .docx read, compressed.
pub const DOCX_MAX_BYTES: usize = 16 * 1024 * 1024;
/// The most entries in its zip archive.
pub const MAX_ENTRIES: usize = 2_000;
/// The most bytes one part may decompress to.
pub const MAX_PART_BYTES: u64 = 32 * 1024 * 1024;
/// The most bytes all the parts read may decompress to.
pub const MAX_TOTAL_BYTES: u64 = 48 * 1024 * 1024;
/// The most XML nodes a part may hold.
pub const MAX_NODES: u32 = 2_000_000;
/// The deepest nesting of elements read.
pub const MAX_DEPTH: usize = 256;

const W_NAMESPACES: &[&str] = &[
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// An opened .docx.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub instrument: Instrument,
    /// What was left out, in document order of first occurrence; `first_at`
    /// says `paragraph N`.
    pub dropped: Vec<Dropped>,
}

fn refuse(code: &'static str, message: impl Into<String>) -> Refusal {
    Refusal::invalid(code, message)
}

fn malformed(part: &str, why: impl std::fmt::Display) -> Refusal {
    refuse("malformed_docx", format!("the part {part} of the .docx is malformed: {why}"))
}

/// The zip archive, read part by part within the bounds.
struct Package {
    zip: zip::ZipArchive<Cursor<Vec<u8>>>,
    read: u64,
}

impl Package {
    fn open(bytes: &[u8]) -> Result<Package, Refusal> {
        if bytes.len() > DOCX_MAX_BYTES {
            return Err(Refusal::too_large(
                "document_too_large",
                format!("the .docx has {} bytes, more than {DOCX_MAX_BYTES}", bytes.len()),
            ));
        }
        if !bytes.starts_with(b"PK") {
            return Err(refuse(
                "not_docx",
                "the file is not a .docx (a Word document is a zip archive, starting PK): save it as Word 2007-365 (.docx)",
            ));
        }
        // The end of the central directory says how many entries there
        // are: refused before the archive reader builds them.
        if let Some(eocd) = bytes.windows(4).rposition(|w| w == b"PK\x05\x06") {
            if let Some(n) = bytes.get(eocd + 10..eocd + 12) {
                let n = u16::from_le_bytes([n[0], n[1]]) as usize;
                if n > MAX_ENTRIES {
                    return Err(Refusal::too_large(
                        "document_too_large",
                        format!("the .docx holds {n} entries, more than {MAX_ENTRIES}"),
                    ));
                }
            }
        }
        let zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).map_err(|e| {
            refuse("not_docx", format!("the file is not a readable zip archive ({e}): it is not a .docx"))
        })?;
        if zip.len() > MAX_ENTRIES {
            return Err(Refusal::too_large(
                "document_too_large",
                format!("the .docx holds {} entries, more than {MAX_ENTRIES}", zip.len()),
            ));
        }
        Ok(Package { zip, read: 0 })
    }

    /// The text of part `name`, `None` if there is none.
    fn part(&mut self, name: &str) -> Result<Option<String>, Refusal> {
        let mut file = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(malformed(name, e)),
        };
        if file.encrypted() {
            return Err(refuse(
                "malformed_docx",
                format!("the part {name} is encrypted: save the document without a password"),
            ));
        }
        let too_large = || {
            Refusal::too_large(
                "document_too_large",
                format!(
                    "the part {name} of the .docx decompresses to more than {MAX_PART_BYTES} bytes \
                     (or all parts to more than {MAX_TOTAL_BYTES})"
                ),
            )
        };
        let budget = MAX_PART_BYTES.min(MAX_TOTAL_BYTES.saturating_sub(self.read));
        if file.size() > budget {
            return Err(too_large());
        }
        let mut out = Vec::with_capacity(file.size().min(budget) as usize);
        // The header's size may lie: the limit is on what comes out.
        (&mut file).take(budget + 1).read_to_end(&mut out).map_err(|e| malformed(name, e))?;
        if out.len() as u64 > budget {
            return Err(too_large());
        }
        self.read += out.len() as u64;
        let out = out.strip_prefix(b"\xEF\xBB\xBF").map(<[u8]>::to_vec).unwrap_or(out);
        String::from_utf8(out)
            .map(Some)
            .map_err(|e| malformed(name, format!("it is not UTF-8 (invalid byte at {})", e.utf8_error().valid_up_to())))
    }

    fn required(&mut self, name: &str, why: &str) -> Result<String, Refusal> {
        self.part(name)?.ok_or_else(|| {
            refuse("malformed_docx", format!("the .docx has no part {name} ({why}): it is not a Word document"))
        })
    }
}

/// Parses a part, within the bounds.
fn parse<'i>(name: &str, text: &'i str) -> Result<roxmltree::Document<'i>, Refusal> {
    if text.contains("<!DOCTYPE") {
        return Err(refuse(
            "doctype_refused",
            format!("the part {name} has a DOCTYPE: Accord reads no DTD and no entity declarations"),
        ));
    }
    crate::import::check_attributes(text)?;
    let options = roxmltree::ParsingOptions { allow_dtd: false, nodes_limit: MAX_NODES, ..Default::default() };
    let doc = roxmltree::Document::parse_with_options(text, options).map_err(|e| match e {
        roxmltree::Error::NodesLimitReached => Refusal::too_large(
            "document_too_large",
            format!("the part {name} of the .docx has more than {MAX_NODES} XML nodes"),
        ),
        e => malformed(name, format!("not well-formed XML: {e}")),
    })?;
    // Parents come before their children in document order.
    let mut depth = vec![0u32; doc.descendants().map(|n| n.id().get_usize()).max().unwrap_or(0) + 1];
    for n in doc.descendants().filter(|n| n.is_element()) {
        let d = n.parent().map_or(0, |p| depth[p.id().get_usize()]) + 1;
        depth[n.id().get_usize()] = d;
        if d as usize > MAX_DEPTH {
            return Err(refuse(
                "document_too_deep",
                format!("the part {name} nests elements more than {MAX_DEPTH} levels deep"),
            ));
        }
    }
    Ok(doc)
}

fn is_w(n: &Node, name: &str) -> bool {
    n.is_element()
        && n.tag_name().name() == name
        && n.tag_name().namespace().is_some_and(|ns| W_NAMESPACES.contains(&ns))
}

fn w_child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is_w(c, name))
}

/// A `w:` attribute (`w:val`).
fn w_attr<'a>(n: Node<'a, '_>, name: &str) -> Option<&'a str> {
    n.attributes()
        .find(|a| a.name() == name && a.namespace().is_some_and(|ns| W_NAMESPACES.contains(&ns)))
        .map(|a| a.value())
}

fn val_of<'a>(n: Node<'a, '_>, child: &str) -> Option<&'a str> {
    w_child(n, child).and_then(|c| w_attr(c, "val"))
}

/// The relationship targets of a `.rels` part, by type's last segment.
fn relationships(name: &str, text: &str) -> Result<Vec<(String, String)>, Refusal> {
    let doc = parse(name, text)?;
    Ok(doc
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == "Relationship")
        .filter(|n| n.attribute("TargetMode") != Some("External"))
        .filter_map(|n| {
            let kind = n.attribute("Type")?.rsplit('/').next()?.to_owned();
            Some((kind, n.attribute("Target")?.to_owned()))
        })
        .collect())
}

/// `word/styles.xml` from `word/` and `styles.xml`; `/word/x.xml` as is.
fn resolve(base_dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if let Some(abs) = target.strip_prefix('/') {
        abs.split('/').collect()
    } else {
        base_dir.split('/').filter(|s| !s.is_empty()).chain(target.split('/')).collect()
    };
    let mut out: Vec<&str> = Vec::new();
    for p in parts.drain(..) {
        match p {
            "." | "" => {}
            ".." => {
                out.pop();
            }
            p => out.push(p),
        }
    }
    out.join("/")
}

/// A paragraph style, as far as structure goes.
#[derive(Debug, Clone, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num: Option<(String, Option<u8>)>,
}

/// A numbering level.
#[derive(Debug, Clone)]
struct Level {
    start: i64,
    format: String,
    text: String,
}

#[derive(Debug, Default)]
struct Numbering {
    /// abstractNumId → its levels by ilvl.
    abstracts: HashMap<String, BTreeMap<u8, Level>>,
    /// numId → (abstractNumId, start overrides by ilvl).
    nums: HashMap<String, (String, BTreeMap<u8, i64>)>,
    /// The counters of each abstract list, by ilvl.
    counters: HashMap<String, BTreeMap<u8, i64>>,
    /// numIds with overrides already applied.
    started: HashSet<String>,
}

fn ilvl(raw: Option<&str>) -> u8 {
    raw.and_then(|v| v.parse::<u8>().ok()).unwrap_or(0).min(8)
}

impl Numbering {
    fn read(doc: &roxmltree::Document) -> Numbering {
        let mut n = Numbering::default();
        let root = doc.root_element();
        for a in root.children().filter(|c| is_w(c, "abstractNum")) {
            let Some(id) = w_attr(a, "abstractNumId") else { continue };
            let mut levels = BTreeMap::new();
            for l in a.children().filter(|c| is_w(c, "lvl")) {
                levels.insert(ilvl(w_attr(l, "ilvl")), level(l));
            }
            n.abstracts.insert(id.to_owned(), levels);
        }
        for num in root.children().filter(|c| is_w(c, "num")) {
            let (Some(id), Some(abs)) = (w_attr(num, "numId"), val_of(num, "abstractNumId")) else { continue };
            let mut overrides = BTreeMap::new();
            for o in num.children().filter(|c| is_w(c, "lvlOverride")) {
                let l = ilvl(w_attr(o, "ilvl"));
                if let Some(s) = val_of(o, "startOverride").and_then(|v| v.parse::<i64>().ok()) {
                    overrides.insert(l, s);
                }
                if let Some(lvl) = w_child(o, "lvl") {
                    // A level redefined for this list only.
                    let lv = level(lvl);
                    overrides.insert(l, lv.start);
                }
            }
            n.nums.insert(id.to_owned(), (abs.to_owned(), overrides));
        }
        n
    }

    /// The label Word prints for a paragraph of list `num_id` at `level`,
    /// counting it; `None` for no list, `Some("")` for a bullet.
    fn label(&mut self, num_id: &str, level: u8) -> Option<String> {
        let (abs, overrides) = self.nums.get(num_id)?.clone();
        let levels = self.abstracts.get(&abs)?.clone();
        let counters = self.counters.entry(abs.clone()).or_default();
        if self.started.insert(num_id.to_owned()) {
            for (l, start) in &overrides {
                // The next paragraph at this level starts at the override.
                counters.insert(*l, start - 1);
            }
        }
        let start = |l: u8| overrides.get(&l).copied().or_else(|| levels.get(&l).map(|x| x.start)).unwrap_or(1);
        let next = counters.get(&level).map_or(start(level), |c| c + 1);
        counters.insert(level, next);
        // Deeper levels start again.
        counters.retain(|l, _| *l <= level);
        let this = levels.get(&level)?;
        if this.format == "bullet" || this.format == "none" {
            return Some(String::new());
        }
        let mut out = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    let l = (d as u8).saturating_sub(1);
                    let value = counters.get(&l).copied().unwrap_or_else(|| start(l));
                    let format = levels.get(&l).map_or("decimal", |x| x.format.as_str());
                    out.push_str(&formatted(value, format));
                    continue;
                }
            }
            out.push(c);
        }
        Some(out.trim().to_owned())
    }
}

fn level(l: Node) -> Level {
    Level {
        start: val_of(l, "start").and_then(|v| v.parse().ok()).unwrap_or(1),
        format: val_of(l, "numFmt").unwrap_or("decimal").to_owned(),
        text: val_of(l, "lvlText").unwrap_or("").to_owned(),
    }
}

fn roman(mut n: i64) -> String {
    let table = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    n = n.clamp(1, 3999);
    for (v, s) in table {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// `a`…`z`, then `aa`…: Word's letters.
fn letters(n: i64) -> String {
    let n = n.clamp(1, 780) - 1;
    let c = (b'a' + (n % 26) as u8) as char;
    std::iter::repeat_n(c, (n / 26 + 1) as usize).collect()
}

fn formatted(value: i64, format: &str) -> String {
    match format {
        "lowerLetter" => letters(value),
        "upperLetter" => letters(value).to_uppercase(),
        "lowerRoman" => roman(value),
        "upperRoman" => roman(value).to_uppercase(),
        "decimalZero" if (0..10).contains(&value) => format!("0{value}"),
        _ => value.to_string(),
    }
}

/// What a paragraph is, before structure.
#[derive(Debug)]
struct Para {
    /// Its position among the body's paragraphs, from 1.
    index: usize,
    /// 0 for Title, 1.. for headings.
    heading: Option<u8>,
    /// The list level and printed label, for a list item.
    list: Option<(u8, String)>,
    /// The words, white space made single spaces, line breaks kept as
    /// `\n` (they part a heading's number from its words).
    text: String,
}

struct Collector<'s> {
    styles: &'s HashMap<String, Style>,
    numbering: Numbering,
    paras: Vec<Para>,
    dropped: BTreeMap<String, (usize, usize, String)>,
    count: usize,
    /// Paragraphs with words inside tables, and the first one.
    in_tables: (usize, usize),
}

/// Elements whose words are not the text's, with what is said of them.
const LEFT_OUT: &[(&str, &str)] = &[
    ("del", "tracked deletions (left out)"),
    ("moveFrom", "tracked deletions (left out)"),
    ("footnoteReference", "footnotes"),
    ("endnoteReference", "endnotes"),
    ("drawing", "images and drawings"),
    ("pict", "images and drawings"),
    ("object", "embedded objects"),
    ("instrText", "field codes (their results kept)"),
    ("delText", "tracked deletions (left out)"),
    ("commentReference", "comments"),
];

impl Collector<'_> {
    fn drop(&mut self, what: &str, at: usize) {
        let order = self.dropped.len();
        let e = self.dropped.entry(what.to_owned()).or_insert((order, 0, format!("paragraph {at}")));
        e.1 += 1;
    }

    /// The style chain's heading level, outline level and numbering.
    fn style_props(&self, id: &str) -> (Option<u8>, Option<(String, Option<u8>)>) {
        let mut heading = None;
        let mut num = None;
        let mut seen = 0;
        let mut cur = Some(id.to_owned());
        while let Some(id) = cur {
            seen += 1;
            let Some(s) = self.styles.get(&id) else { break };
            if seen > 32 {
                break;
            }
            let lower = s.name.to_ascii_lowercase();
            if heading.is_none() {
                if lower == "title" {
                    heading = Some(0);
                } else if let Some(n) = lower.strip_prefix("heading ").and_then(|n| n.trim().parse::<u8>().ok()) {
                    heading = Some(n.clamp(1, 9));
                } else if let Some(o) = s.outline {
                    if o < 9 {
                        heading = Some(o + 1);
                    }
                }
            }
            if num.is_none() {
                num = s.num.clone();
            }
            cur = s.based_on.clone();
        }
        (heading, num)
    }

    fn block(&mut self, n: Node, in_table: bool) {
        for c in n.children().filter(Node::is_element) {
            if is_w(&c, "p") {
                self.paragraph(c, in_table);
            } else if is_w(&c, "tbl") {
                for row in c.children().filter(|r| is_w(r, "tr")) {
                    for cell in row.children().filter(|x| is_w(x, "tc")) {
                        self.block(cell, true);
                    }
                }
            } else if is_w(&c, "sdt") {
                if let Some(content) = w_child(c, "sdtContent") {
                    self.block(content, in_table);
                }
            } else if is_w(&c, "customXml") || is_w(&c, "ins") || is_w(&c, "moveTo") {
                self.block(c, in_table);
            }
        }
    }

    fn paragraph(&mut self, p: Node, in_table: bool) {
        self.count += 1;
        let index = self.count;
        let mut text = String::new();
        self.words(p, &mut text, index);
        let text = tidy(&text);
        if in_table {
            if !text.is_empty() {
                if self.in_tables.0 == 0 {
                    self.in_tables.1 = index;
                }
                self.in_tables.0 += 1;
                self.drop("tables (their words left out)", index);
            }
            return;
        }
        let ppr = w_child(p, "pPr");
        let style = ppr.and_then(|x| val_of(x, "pStyle"));
        let (mut heading, style_num) = style.map(|s| self.style_props(s)).unwrap_or_default();
        if let Some(o) = ppr.and_then(|x| val_of(x, "outlineLvl")).and_then(|v| v.parse::<u8>().ok()) {
            heading = if o < 9 { Some(o + 1) } else { None };
        }
        let own_num = ppr
            .and_then(|x| w_child(x, "numPr"))
            .map(|np| (val_of(np, "numId").unwrap_or("").to_owned(), val_of(np, "ilvl").map(|v| ilvl(Some(v)))));
        let list = match own_num.or(style_num) {
            Some((id, level)) if id != "0" && !id.is_empty() => {
                let level = level.unwrap_or(0);
                self.numbering.label(&id, level).map(|label| (level, label))
            }
            _ => None,
        };
        if text.is_empty() {
            return;
        }
        self.paras.push(Para { index, heading, list, text });
    }

    fn words(&mut self, n: Node, out: &mut String, at: usize) {
        for c in n.children() {
            if !c.is_element() {
                continue;
            }
            let name = c.tag_name().name();
            if !c.tag_name().namespace().is_some_and(|ns| W_NAMESPACES.contains(&ns)) {
                if name == "oMath" || name == "oMathPara" {
                    self.drop("equations", at);
                } else {
                    self.words(c, out, at);
                }
                continue;
            }
            if let Some((_, what)) = LEFT_OUT.iter().find(|(e, _)| *e == name) {
                self.drop(what, at);
                continue;
            }
            match name {
                "t" => out.push_str(c.text().unwrap_or_default()),
                "tab" | "ptab" => out.push('\t'),
                "br" | "cr" => out.push('\n'),
                "noBreakHyphen" => out.push('-'),
                "pPr" | "rPr" | "sectPr" | "fldChar" | "softHyphen" | "annotationRef" => {}
                "ins" | "moveTo" => {
                    self.drop("tracked insertions (accepted)", at);
                    self.words(c, out, at);
                }
                _ => self.words(c, out, at),
            }
        }
    }
}

/// White space made single spaces; a line break kept as one `\n`.
fn tidy(text: &str) -> String {
    let lines: Vec<String> = text
        .split('\n')
        .map(|l| l.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

fn flat(text: &str) -> String {
    text.replace('\n', " ")
}

const CHAPTER_WORDS: &[&str] = &["chapter", "part", "book", "division"];
const ARTICLE_WORDS: &[&str] = &["article", "art.", "section", "sec.", "rule"];
const SUFFIXES: &[&str] = &["bis", "ter", "quater", "quinquies", "sexies"];

/// `("5 bis", "Scope")` from `Article 5 bis. Scope` when `text` starts
/// with one of `words`.
fn split_number(text: &str, words: &[&str]) -> Option<(String, String)> {
    let first = text.split([' ', '\u{a0}', '\n']).next()?;
    let word = words.iter().find(|w| first.eq_ignore_ascii_case(w))?;
    let rest = text[word.len()..].trim_start();
    let mut num_end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    let mut num = rest[..num_end].trim_end_matches(['.', ':', '—', '–']).to_owned();
    // A number: `5`, `5a`, `IV`, `A`; not a word (`Part of the text`).
    let digits = num.trim_end_matches(|c: char| c.is_ascii_lowercase());
    let is_number = (!digits.is_empty() && digits.len() + 1 >= num.len() && digits.chars().all(|c| c.is_ascii_digit()))
        || (num.len() <= 8 && num.chars().all(|c| "IVXLC".contains(c)))
        || (num.len() == 1 && num.chars().all(|c| c.is_ascii_alphabetic()));
    if !is_number {
        return None;
    }
    let after = rest[num_end..].trim_start_matches([' ', '\u{a0}']);
    if let Some(s) = SUFFIXES.iter().find(|s| {
        after.len() >= s.len()
            && after.is_char_boundary(s.len())
            && after[..s.len()].eq_ignore_ascii_case(s)
            && after[s.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
    }) {
        num = format!("{num} {s}");
        num_end = rest.len() - after.len() + s.len();
    }
    let heading = rest[num_end..].trim_start_matches(|c: char| c.is_whitespace() || ".:—–-".contains(c));
    Some((num.trim_end_matches('.').to_owned(), heading.replace('\n', " ").trim().to_owned()))
}

/// A number typed at the start of a paragraph: `(level, number, rest)`,
/// level 0 for a paragraph (`1.`, `2)`), 1 for a point (`(a)`, `b)`,
/// `(iv)`).
fn typed_number(text: &str) -> Option<(u8, String, String)> {
    let mut end = text.find([' ', '\t', '\u{a0}'])?;
    // `5 bis.`: a number with a Latin suffix.
    if text[..end].chars().all(|c| c.is_ascii_digit()) {
        let sep = text[end..].chars().next().map_or(1, char::len_utf8);
        let after = &text[end + sep..];
        if let Some(s) = SUFFIXES
            .iter()
            .find(|s| after.starts_with(*s) && matches!(after.as_bytes().get(s.len()), Some(b'.' | b')')))
        {
            end += sep + s.len() + 1;
        }
    }
    let (head, rest) = (&text[..end], text[end..].trim_start());
    let head_compact: String = head.chars().filter(|c| !c.is_whitespace()).collect();
    let head_owned = head.to_owned();
    let head = head_compact.as_str();
    if rest.is_empty() {
        return None;
    }
    let inner = head.strip_prefix('(').unwrap_or(head);
    let closed = inner.strip_suffix(')').or_else(|| inner.strip_suffix('.'))?;
    if closed.is_empty() || closed.len() > 12 {
        return None;
    }
    let digits = closed.trim_end_matches(|c: char| c.is_ascii_lowercase());
    let suffix = &closed[digits.len()..];
    if !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && (suffix.len() <= 1 || SUFFIXES.contains(&suffix))
    {
        return Some((0, head_owned, rest.to_owned()));
    }
    let letter = closed.len() == 1 && closed.chars().all(|c| c.is_ascii_lowercase());
    let numeral = closed.chars().all(|c| "ivxlc".contains(c)) && head.starts_with('(');
    if (letter || numeral) && head.ends_with(')') {
        return Some((1, head.to_owned(), rest.to_owned()));
    }
    None
}

/// The alphanumerics of a number, for an eId.
fn token(num: &str) -> String {
    num.chars().filter(|c| c.is_ascii_alphanumeric()).collect()
}

/// `4` from `IV`: chapters are numbered in roman numerals and identified
/// by arabic ones (`chp_4`), as Accord's drafts do.
fn from_roman(num: &str) -> Option<usize> {
    if num.is_empty() || num.len() > 12 {
        return None;
    }
    let value = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let digits: Option<Vec<usize>> = num.chars().map(value).collect();
    let digits = digits?;
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|n| n > d) {
            total -= *d as isize;
        } else {
            total += *d as isize;
        }
    }
    let n = usize::try_from(total).ok().filter(|n| *n > 0)?;
    // Only the canonical spelling: `IIII` is not a numeral Accord writes.
    (crate::draft::roman(n) == num).then_some(n)
}

/// Builds the provisions.
struct Builder {
    source: Arc<Source>,
    provisions: Vec<Provision>,
    eids: HashSet<String>,
    chapter: Option<String>,
    article: Option<String>,
    paragraph: Option<String>,
    /// The last provision added can still take a heading (a chapter or
    /// article with none and nothing under it yet).
    heading_open: bool,
    counts: HashMap<String, usize>,
    loose_article: bool,
}

fn first_words(text: &str) -> String {
    let t = flat(text);
    let cut: String = t.chars().take(40).collect();
    if cut.len() < t.len() {
        format!("{cut}\u{2026}")
    } else {
        cut
    }
}

impl Builder {
    fn push(
        &mut self,
        kind: ProvisionKind,
        parent: Option<&str>,
        num: &str,
        heading: &str,
        text: &str,
    ) -> Result<String, Refusal> {
        if self.provisions.len() >= MAX_PROVISIONS {
            return Err(Refusal::too_large(
                "document_too_large",
                format!("the document has more than {MAX_PROVISIONS} provisions, the most an instrument may have"),
            ));
        }
        let key = format!("{}/{}", parent.unwrap_or(""), kind.prefix());
        let k = {
            let c = self.counts.entry(key).or_default();
            *c += 1;
            *c
        };
        let tok = match kind {
            ProvisionKind::Recital => String::new(),
            ProvisionKind::Chapter => from_roman(num).map_or_else(|| token(num), |n| n.to_string()),
            _ => token(num),
        };
        let tok = if tok.is_empty() { k.to_string() } else { tok };
        let base = match (kind, parent) {
            (ProvisionKind::Recital, _) => format!("preamble__recital_{tok}"),
            (_, Some(p)) => format!("{p}__{}_{tok}", kind.prefix()),
            (_, None) => format!("{}_{tok}", kind.prefix()),
        };
        let mut eid = base.clone();
        let mut n = 2;
        while self.eids.contains(&eid) {
            eid = format!("{base}_{n}");
            n += 1;
        }
        let text = accord_domain::unicode::accept(&format!("text of {eid}"), text)?.into_owned();
        let heading = accord_domain::unicode::accept(&format!("heading of {eid}"), heading)?.into_owned();
        let num = accord_domain::unicode::accept(&format!("number of {eid}"), num)?.into_owned();
        check_text(&format!("text of {eid}"), &text, PROVISION_MAX_CHARS, true)?;
        check_text(&format!("heading of {eid}"), &heading, HEADING_MAX_CHARS, true)?;
        check_text(&format!("number of {eid}"), &num, HEADING_MAX_CHARS, true)?;
        let origins =
            if text.is_empty() { Vec::new() } else { vec![Origin { len: text.len(), source: self.source.clone() }] };
        self.eids.insert(eid.clone());
        self.provisions.push(Provision { eid: eid.clone(), kind, num, heading, text, origins });
        Ok(eid)
    }

    fn chapter(&mut self, num: &str, heading: &str) -> Result<(), Refusal> {
        let eid = self.push(ProvisionKind::Chapter, None, num, heading, "")?;
        self.chapter = Some(eid);
        self.article = None;
        self.paragraph = None;
        self.loose_article = false;
        self.heading_open = heading.is_empty();
        Ok(())
    }

    fn article(&mut self, num: &str, heading: &str) -> Result<(), Refusal> {
        let chapter = self.chapter.clone();
        let eid = self.push(ProvisionKind::Article, chapter.as_deref(), num, heading, "")?;
        self.article = Some(eid);
        self.paragraph = None;
        self.loose_article = false;
        self.heading_open = heading.is_empty();
        Ok(())
    }

    /// Gives the open chapter or article its heading.
    fn set_heading(&mut self, heading: &str) -> Result<(), Refusal> {
        let p = self.provisions.last_mut().expect("a heading is open");
        let h = accord_domain::unicode::accept(&format!("heading of {}", p.eid), heading)?.into_owned();
        check_text(&format!("heading of {}", p.eid), &h, HEADING_MAX_CHARS, true)?;
        p.heading = h;
        self.heading_open = false;
        Ok(())
    }

    fn paragraph(&mut self, num: &str, text: &str) -> Result<(), Refusal> {
        let article = match &self.article {
            Some(a) => a.clone(),
            None => {
                self.article("", "")?;
                self.loose_article = true;
                self.article.clone().expect("just made")
            }
        };
        self.heading_open = false;
        let eid = self.push(ProvisionKind::Paragraph, Some(&article), num, "", text)?;
        self.paragraph = Some(eid);
        Ok(())
    }

    fn point(&mut self, num: &str, text: &str, at: &Para) -> Result<(), Refusal> {
        let Some(paragraph) = self.paragraph.clone() else {
            let within = match &self.article {
                Some(a) => format!("in {}", accord_domain::negotiation::text::label_of(a)),
                None => "before any article".to_owned(),
            };
            return Err(refuse(
                "unstructured_document",
                format!(
                    "paragraph {} of word/document.xml ({:?}) is a point (a list item at the second level, or a \
                     letter typed before it) with no paragraph before it {within}: make it a paragraph, or put \
                     a paragraph above it",
                    at.index,
                    first_words(&at.text)
                ),
            ));
        };
        self.heading_open = false;
        self.push(ProvisionKind::Point, Some(&paragraph), num, "", text)?;
        Ok(())
    }

    /// Joins words to the last provision with words.
    fn join(&mut self, text: &str) -> Result<(), Refusal> {
        let p = self.provisions.last_mut().expect("something to join to");
        let mut t = std::mem::take(&mut p.text);
        if !t.is_empty() {
            t.push(' ');
        }
        t.push_str(text);
        let t = accord_domain::unicode::accept(&format!("text of {}", p.eid), &t)?.into_owned();
        check_text(&format!("text of {}", p.eid), &t, PROVISION_MAX_CHARS, true)?;
        p.origins = vec![Origin { len: t.len(), source: self.source.clone() }];
        p.text = t;
        Ok(())
    }
}

/// Opens a .docx. `source` is recorded as the origin of every word.
pub fn import(bytes: &[u8], source: Arc<Source>) -> Result<Imported, Refusal> {
    let mut pkg = Package::open(bytes)?;
    pkg.required("[Content_Types].xml", "the media type of each part")?;
    let rels = pkg.required("_rels/.rels", "which part is the document")?;
    let main = relationships("_rels/.rels", &rels)?
        .into_iter()
        .find(|(k, _)| k == "officeDocument")
        .map(|(_, t)| resolve("", &t))
        .ok_or_else(|| {
            refuse("malformed_docx", "the part _rels/.rels names no main document: it is not a Word document")
        })?;
    let dir = main.rsplit_once('/').map_or("", |(d, _)| d).to_owned();
    let file = main.rsplit_once('/').map_or(main.as_str(), |(_, f)| f);
    let doc_rels_name = format!("{}{}_rels/{file}.rels", dir, if dir.is_empty() { "" } else { "/" });
    let doc_rels = match pkg.part(&doc_rels_name)? {
        Some(t) => relationships(&doc_rels_name, &t)?,
        None => Vec::new(),
    };
    let target = |kind: &str| doc_rels.iter().find(|(k, _)| k == kind).map(|(_, t)| resolve(&dir, t));
    // Styles.
    let mut styles: HashMap<String, Style> = HashMap::new();
    if let Some(name) = target("styles") {
        if let Some(text) = pkg.part(&name)? {
            let doc = parse(&name, &text)?;
            for s in doc.root_element().children().filter(|c| is_w(c, "style")) {
                if w_attr(s, "type").is_some_and(|t| t != "paragraph") {
                    continue;
                }
                let Some(id) = w_attr(s, "styleId") else { continue };
                let ppr = w_child(s, "pPr");
                styles.insert(
                    id.to_owned(),
                    Style {
                        name: val_of(s, "name").unwrap_or(id).to_owned(),
                        based_on: val_of(s, "basedOn").map(str::to_owned),
                        outline: ppr.and_then(|p| val_of(p, "outlineLvl")).and_then(|v| v.parse().ok()),
                        num: ppr.and_then(|p| w_child(p, "numPr")).map(|np| {
                            (val_of(np, "numId").unwrap_or("").to_owned(), val_of(np, "ilvl").map(|v| ilvl(Some(v))))
                        }),
                    },
                );
            }
        }
    }
    let numbering = match target("numbering") {
        Some(name) => match pkg.part(&name)? {
            Some(text) => Numbering::read(&parse(&name, &text)?),
            None => Numbering::default(),
        },
        None => Numbering::default(),
    };
    let text = pkg.part(&main)?.ok_or_else(|| {
        refuse("malformed_docx", format!("the .docx has no part {main}, which _rels/.rels names as its document"))
    })?;
    let doc = parse(&main, &text)?;
    let root = doc.root_element();
    if !is_w(&root, "document") {
        return Err(malformed(&main, "its root element is not w:document in the WordprocessingML namespace"));
    }
    let body = w_child(root, "body").ok_or_else(|| malformed(&main, "it has no w:body"))?;
    let mut c = Collector {
        styles: &styles,
        numbering,
        paras: Vec::new(),
        dropped: BTreeMap::new(),
        count: 0,
        in_tables: (0, 0),
    };
    c.block(body, false);
    structure(c, source)
}

fn structure(c: Collector, source: Arc<Source>) -> Result<Imported, Refusal> {
    let Collector { paras, mut dropped, in_tables, .. } = c;
    let mut drop = |what: &str, at: usize| {
        let order = dropped.len();
        let e = dropped.entry(what.to_owned()).or_insert((order, 0, format!("paragraph {at}")));
        e.1 += 1;
    };
    if paras.is_empty() {
        if in_tables.0 > 0 {
            return Err(refuse(
                "unstructured_document",
                format!(
                    "all the words of the document are in tables (the first at paragraph {}): Accord reads \
                     chapters, articles and paragraphs from headings and paragraphs, not table cells",
                    in_tables.1
                ),
            ));
        }
        return Err(refuse("no_text", "the document holds no paragraph with words"));
    }
    // The title: the Title paragraph, else the first.
    let title_at = paras.iter().position(|p| p.heading == Some(0)).unwrap_or(0);
    for p in &paras[..title_at] {
        drop("paragraphs above the title (a masthead)", p.index);
    }
    let title = flat(&paras[title_at].text);
    let title = accord_domain::unicode::accept("title", &title)?.into_owned();
    if title.chars().count() > HEADING_MAX_CHARS {
        return Err(refuse(
            "no_title",
            format!(
                "the title (paragraph {}: {:?}) is longer than {HEADING_MAX_CHARS} characters: give the document a \
                 short first paragraph, or a paragraph in the Title style",
                paras[title_at].index,
                first_words(&title)
            ),
        ));
    }
    check_text("title", &title, HEADING_MAX_CHARS, false)?;
    let rest = &paras[title_at + 1..];
    // Heading levels used for structure: the upper of two is chapters.
    let mut levels: Vec<u8> = rest.iter().filter_map(|p| p.heading.filter(|h| *h > 0)).collect();
    levels.sort_unstable();
    levels.dedup();
    let chapter_level = if levels.len() >= 2 { Some(levels[0]) } else { None };
    let article_level = if levels.len() >= 2 { Some(levels[1]) } else { levels.first().copied() };
    let mut b = Builder {
        source,
        provisions: Vec::new(),
        eids: HashSet::new(),
        chapter: None,
        article: None,
        paragraph: None,
        heading_open: false,
        counts: HashMap::new(),
        loose_article: false,
    };
    for p in rest {
        // The words with the list's label in front, for headings numbered
        // by a list ("Article 1" from lvlText "Article %1").
        let labelled = match &p.list {
            Some((_, label)) if !label.is_empty() => format!("{label} {}", p.text),
            _ => p.text.clone(),
        };
        let is_heading = p.heading.is_some_and(|h| h > 0);
        let short = labelled.chars().count() <= HEADING_MAX_CHARS;
        let chapter_words = if short { split_number(&labelled, CHAPTER_WORDS) } else { None };
        let article_words = if short { split_number(&labelled, ARTICLE_WORDS) } else { None };
        if is_heading
            || (p.list.is_none() && (chapter_words.is_some() || article_words.is_some()) && {
                // Typed, not in a heading style: only a line of its own.
                let (_, h) = chapter_words.clone().or_else(|| article_words.clone()).unwrap_or_default();
                h.chars().count() <= 120 && !h.ends_with(['.', ';', ','])
            })
        {
            let level = p.heading.unwrap_or(0);
            if let Some((num, heading)) = chapter_words {
                b.chapter(&num, &heading)?;
            } else if let Some((num, heading)) = article_words {
                b.article(&num, &heading)?;
            } else if b.heading_open {
                b.set_heading(&flat(&labelled))?;
            } else if chapter_level == Some(level) {
                let (num, heading) = match &p.list {
                    Some((_, l)) if !l.is_empty() => (l.trim_end_matches('.').to_owned(), flat(&p.text)),
                    _ => (String::new(), flat(&p.text)),
                };
                b.chapter(&num, &heading)?;
            } else if article_level == Some(level) {
                let (num, heading) = match &p.list {
                    Some((_, l)) if !l.is_empty() => (l.trim_end_matches('.').to_owned(), flat(&p.text)),
                    _ => (String::new(), flat(&p.text)),
                };
                b.article(&num, &heading)?;
            } else {
                drop("headings below the article level, kept as paragraphs", p.index);
                if b.article.is_some() || b.loose_article {
                    b.paragraph("", &flat(&labelled))?;
                } else {
                    b.push(ProvisionKind::Recital, None, "", "", &flat(&labelled))?;
                }
            }
            continue;
        }
        let text = flat(&p.text);
        let (level, num, words) = match &p.list {
            Some((level, label)) => (Some(*level), label.clone(), text),
            None => match typed_number(&text) {
                Some((level, num, rest)) => (Some(level), num, rest),
                None => (None, String::new(), text),
            },
        };
        match level {
            Some(0) => b.paragraph(&num, &words)?,
            Some(1) => {
                if b.paragraph.is_none()
                    && b.article.is_none()
                    && b.provisions.last().is_some_and(|l| l.kind == ProvisionKind::Recital)
                {
                    drop("points of recitals, joined to their recital's words", p.index);
                    b.join(format!("{num} {words}").trim())?;
                } else {
                    b.point(&num, &words, p)?;
                }
            }
            Some(_) => {
                if b.provisions.last().is_some_and(|l| l.kind == ProvisionKind::Point) {
                    drop("list levels below points, joined to their point's words", p.index);
                    b.join(format!("{num} {words}").trim())?;
                } else {
                    b.point(&num, &words, p)?;
                }
            }
            None => {
                if b.article.is_some() {
                    b.paragraph("", &words)?;
                } else {
                    b.push(ProvisionKind::Recital, None, "", "", &words)?;
                }
            }
        }
    }
    if !b.provisions.iter().any(|p| p.kind != ProvisionKind::Chapter) {
        return Err(refuse("no_text", "the document holds a title but no recital, article or paragraph under it"));
    }
    let mut list: Vec<(usize, Dropped)> = dropped
        .into_iter()
        .map(|(what, (order, count, first_at))| (order, Dropped { what, count, first_at }))
        .collect();
    list.sort_by_key(|(o, _)| *o);
    Ok(Imported {
        instrument: Instrument { title, provisions: b.provisions.into_iter().map(Arc::new).collect() },
        dropped: list.into_iter().map(|(_, d)| d).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(split_number("Article 5 bis. Scope", ARTICLE_WORDS), Some(("5 bis".into(), "Scope".into())));
        assert_eq!(
            split_number("Chapter IV\nFinal provisions", CHAPTER_WORDS),
            Some(("IV".into(), "Final provisions".into()))
        );
        assert_eq!(split_number("Article 12", ARTICLE_WORDS), Some(("12".into(), String::new())));
        assert_eq!(split_number("Articles of faith", ARTICLE_WORDS), None);
        assert_eq!(split_number("Part of the solution", CHAPTER_WORDS), None);
        assert_eq!(split_number("Section A: scope", ARTICLE_WORDS), Some(("A".into(), "scope".into())));
        assert_eq!(split_number("Article 12a. Scope", ARTICLE_WORDS), Some(("12a".into(), "Scope".into())));
        assert_eq!(typed_number("2\u{a0}bis. States"), Some((0, "2\u{a0}bis.".into(), "States".into())));
        assert_eq!(typed_number("1.\tStates shall"), Some((0, "1.".into(), "States shall".into())));
        assert_eq!(typed_number("(a) promote"), Some((1, "(a)".into(), "promote".into())));
        assert_eq!(typed_number("(iv) promote"), Some((1, "(iv)".into(), "promote".into())));
        assert_eq!(typed_number("2020 was"), None);
        assert_eq!(typed_number("2 bis. States"), Some((0, "2 bis.".into(), "States".into())));
        assert_eq!(typed_number("a)"), None);
        assert_eq!(
            [formatted(3, "lowerLetter"), formatted(4, "upperRoman"), formatted(28, "lowerLetter")],
            ["c", "IV", "bb"]
        );
        assert_eq!(
            [from_roman("IV"), from_roman("XIV"), from_roman("IIII"), from_roman("A")],
            [Some(4), Some(14), None, None]
        );
        assert_eq!(resolve("word", "styles.xml"), "word/styles.xml");
        assert_eq!(resolve("word", "../customXml/item.xml"), "customXml/item.xml");
        assert_eq!(resolve("", "/word/document.xml"), "word/document.xml");
    }
}
