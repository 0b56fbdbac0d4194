//! Building `word/document.xml`: paragraphs, runs, tracked changes and
//! footnotes, with every text escaped.
//!
//! A provision is laid out as secretariats print them: a chapter as
//! Heading 1 (`Chapter I`, a line break, its heading), an article as
//! Heading 2 (`Article 5`, a line break, its heading), a paragraph with its
//! number hanging (`1.`, a tab, its words), a point indented one step more
//! (`(a)`, a tab, its words), a recital as a plain paragraph. Numbers are
//! typed, not Word list numbering: they are the numbers the record holds
//! (`5 bis` included), which list numbering could not print.

use accord_domain::negotiation::text::ProvisionKind;

use super::package;
use crate::xml::escape;

/// A tracked change: who made it and when (`YYYY-MM-DDTHH:MM:SSZ`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    /// Shown by Word and LibreOffice beside the change: "the chair's
    /// revision", a member's name.
    pub name: String,
    pub date: String,
}

/// Whether a run or a paragraph mark is inserted or deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Track {
    Insert,
    Delete,
}

/// Run formatting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Fmt {
    pub bold: bool,
    pub italic: bool,
}

pub const BOLD: Fmt = Fmt { bold: true, italic: false };
pub const ITALIC: Fmt = Fmt { bold: false, italic: true };
pub const PLAIN: Fmt = Fmt { bold: false, italic: false };

/// `word/document.xml` being written, and its footnotes.
pub struct Body {
    pub out: String,
    pub notes: Vec<String>,
    /// The next tracked change's `w:id`.
    next_id: u64,
}

impl Body {
    pub fn new() -> Self {
        let mut out = String::with_capacity(256 * 1024);
        package::document_start(&mut out);
        Body { out, notes: Vec::new(), next_id: 1 }
    }

    /// Starts a paragraph of `style` with `ppr` (paragraph properties
    /// after the style), its mark tracked when `mark` is given.
    pub fn open(&mut self, style: Option<&str>, ppr: &str, mark: Option<(Track, &Author)>) {
        self.out.push_str("<w:p><w:pPr>");
        if let Some(s) = style {
            self.out.push_str("<w:pStyle w:val=\"");
            self.out.push_str(s);
            self.out.push_str("\"/>");
        }
        self.out.push_str(ppr);
        if let Some((track, author)) = mark {
            let (tag, id) = (tag(track), self.id());
            self.out.push_str("<w:rPr>");
            self.change_open(tag, id, author, true);
            self.out.push_str("</w:rPr>");
        }
        self.out.push_str("</w:pPr>");
    }

    pub fn close(&mut self) {
        self.out.push_str("</w:p>");
    }

    fn id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    fn change_open(&mut self, tag: &str, id: u64, author: &Author, empty: bool) {
        self.out.push_str(&format!("<w:{tag} w:id=\"{id}\" w:author=\""));
        escape(&author.name, &mut self.out);
        self.out.push_str("\" w:date=\"");
        escape(&author.date, &mut self.out);
        self.out.push_str(if empty { "\"/>" } else { "\">" });
    }

    fn rpr(&mut self, fmt: Fmt) {
        if fmt != PLAIN {
            self.out.push_str("<w:rPr>");
            if fmt.bold {
                self.out.push_str("<w:b/><w:bCs/>");
            }
            if fmt.italic {
                self.out.push_str("<w:i/><w:iCs/>");
            }
            self.out.push_str("</w:rPr>");
        }
    }

    /// A run of text; `deleted` writes it as `w:delText`.
    fn run_of(&mut self, text: &str, fmt: Fmt, deleted: bool) {
        if text.is_empty() {
            return;
        }
        let t = if deleted { "w:delText" } else { "w:t" };
        self.out.push_str("<w:r>");
        self.rpr(fmt);
        self.out.push('<');
        self.out.push_str(t);
        self.out.push_str(" xml:space=\"preserve\">");
        escape(text, &mut self.out);
        self.out.push_str("</");
        self.out.push_str(t);
        self.out.push_str("></w:r>");
    }

    pub fn run(&mut self, text: &str, fmt: Fmt) {
        self.run_of(text, fmt, false);
    }

    /// An inserted or deleted run, attributed to `author`.
    pub fn tracked(&mut self, track: Track, author: &Author, text: &str, fmt: Fmt) {
        if text.is_empty() {
            return;
        }
        let (tag, id) = (tag(track), self.id());
        self.change_open(tag, id, author, false);
        self.run_of(text, fmt, track == Track::Delete);
        self.out.push_str("</w:");
        self.out.push_str(tag);
        self.out.push('>');
    }

    /// A run, tracked when `track` is given.
    pub fn run_maybe(&mut self, track: Option<(Track, &Author)>, text: &str, fmt: Fmt) {
        match track {
            Some((t, a)) => self.tracked(t, a, text, fmt),
            None => self.run(text, fmt),
        }
    }

    pub fn tab(&mut self, track: Option<(Track, &Author)>) {
        match track {
            Some((t, a)) => {
                let (tag, id) = (tag(t), self.id());
                self.change_open(tag, id, a, false);
                self.out.push_str("<w:r><w:tab/></w:r></w:");
                self.out.push_str(tag);
                self.out.push('>');
            }
            None => self.out.push_str("<w:r><w:tab/></w:r>"),
        }
    }

    pub fn line_break(&mut self, track: Option<(Track, &Author)>) {
        match track {
            Some((t, a)) => {
                let (tag, id) = (tag(t), self.id());
                self.change_open(tag, id, a, false);
                self.out.push_str("<w:r><w:br/></w:r></w:");
                self.out.push_str(tag);
                self.out.push('>');
            }
            None => self.out.push_str("<w:r><w:br/></w:r>"),
        }
    }

    /// A footnote holding `text`, referred to here.
    pub fn footnote(&mut self, text: &str) {
        self.notes.push({
            let mut note = String::from(
                "<w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr><w:r><w:rPr><w:rStyle \
                 w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> ",
            );
            escape(text, &mut note);
            note.push_str("</w:t></w:r></w:p>");
            note
        });
        self.out.push_str(&format!(
            "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{}\"/></w:r>",
            self.notes.len()
        ));
    }

    /// A whole paragraph of one run.
    pub fn paragraph(&mut self, style: Option<&str>, ppr: &str, text: &str, fmt: Fmt) {
        self.open(style, ppr, None);
        self.run(text, fmt);
        self.close();
    }

    /// Ends the document and zips the package.
    pub fn finish(mut self, title: &str) -> Result<Vec<u8>, accord_domain::Refusal> {
        package::document_end(&mut self.out);
        package::package(title, &self.out, &self.notes)
    }
}

fn tag(track: Track) -> &'static str {
    match track {
        Track::Insert => "ins",
        Track::Delete => "del",
    }
}

/// The paragraph style and properties of a provision.
pub fn layout(kind: ProvisionKind, numbered: bool) -> (Option<&'static str>, &'static str) {
    match kind {
        ProvisionKind::Chapter => (Some("Heading1"), ""),
        ProvisionKind::Article => (Some("Heading2"), ""),
        ProvisionKind::Recital => (None, "<w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/>"),
        ProvisionKind::Paragraph if numbered => {
            (None, "<w:ind w:left=\"567\" w:hanging=\"567\"/><w:jc w:val=\"both\"/>")
        }
        ProvisionKind::Paragraph => (None, "<w:ind w:left=\"567\"/><w:jc w:val=\"both\"/>"),
        ProvisionKind::Point => (None, "<w:ind w:left=\"1134\" w:hanging=\"567\"/><w:jc w:val=\"both\"/>"),
    }
}

/// `Chapter I`, `Article 5`, or the number as it is.
pub fn num_shown(kind: ProvisionKind, num: &str) -> String {
    match kind {
        ProvisionKind::Chapter => format!("Chapter {num}"),
        ProvisionKind::Article => format!("Article {num}"),
        _ => num.to_owned(),
    }
}

/// The masthead above the title, as the United Nations prints it: the
/// forum, the symbol, the distribution, the date, the original language,
/// the session and the agenda item.
pub fn masthead(body: &mut Body, m: &crate::Masthead) {
    let right = "<w:jc w:val=\"right\"/>";
    body.paragraph(Some("Masthead"), "", &m.forum, BOLD);
    body.paragraph(Some("Masthead"), right, &m.symbol, BOLD);
    let dist = match m.distribution {
        crate::Distribution::General => "General",
        crate::Distribution::Limited => "Limited",
    };
    body.paragraph(Some("Masthead"), right, &format!("Distr.: {dist}"), PLAIN);
    body.paragraph(Some("Masthead"), right, &crate::export::date_shown(&m.date), PLAIN);
    body.paragraph(Some("Masthead"), right, &format!("Original: {}", m.original_language), PLAIN);
    body.paragraph(Some("Masthead"), "<w:spacing w:before=\"240\"/>", &m.session, ITALIC);
    body.paragraph(Some("Masthead"), "", &m.agenda_item, PLAIN);
}
