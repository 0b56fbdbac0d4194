//! The WordprocessingML package around a document body: the parts every
//! .docx Accord writes holds, zipped with deflate.
//!
//! - `[Content_Types].xml`: the media type of each part;
//! - `_rels/.rels`: the main document and the core properties;
//! - `docProps/core.xml`: the title;
//! - `word/document.xml`: the body, written by the caller;
//! - `word/_rels/document.xml.rels`: styles, settings and footnotes;
//! - `word/styles.xml`: Normal, Title, Heading 1 (chapters), Heading 2
//!   (articles), Masthead, Footnote Text and Footnote Reference;
//! - `word/settings.xml`: the footnote separators;
//! - `word/footnotes.xml`: the separators and the notes the body refers to.
//!
//! Every entry is dated 1980-01-01 (the zip format's epoch) so that the
//! same text always gives the same bytes.

use std::io::{Cursor, Write};

use accord_domain::error::Refusal;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::xml::escape;

/// The main WordprocessingML namespace.
pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Opens `word/document.xml` (the caller appends the body's content).
pub fn document_start(out: &mut String) {
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    out.push_str(&format!("<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>"));
}

/// Closes the body with an A4 page and margins of 2.5 cm.
pub fn document_end(out: &mut String) {
    out.push_str(
        "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1417\" w:right=\"1417\" \
         w:bottom=\"1417\" w:left=\"1417\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>",
    );
    out.push_str("</w:body></w:document>");
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

fn package_rels() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"{REL_NS}\">\
         <Relationship Id=\"rId1\" Type=\"{DOC_REL}/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         </Relationships>"
    )
}

fn document_rels() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"{REL_NS}\">\
         <Relationship Id=\"rId1\" Type=\"{DOC_REL}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"{DOC_REL}/settings\" Target=\"settings.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{DOC_REL}/footnotes\" Target=\"footnotes.xml\"/>\
         </Relationships>"
    )
}

fn core(title: &str) -> String {
    let mut t = String::new();
    escape(title, &mut t);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{t}</dc:title><dc:creator>Accord</dc:creator>\
         </cp:coreProperties>"
    )
}

fn settings() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings xmlns:w=\"{W_NS}\">\
         <w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr></w:settings>"
    )
}

/// Paragraph styles: (id, name, outline level, run properties, paragraph
/// properties). Properties are written in the order the schema requires
/// (`keepNext`, `spacing`, `ind`, `jc`, `outlineLvl`): Word refuses a file
/// that has them out of order.
const STYLES: &[(&str, &str, Option<u8>, &str, &str)] = &[
    (
        "Title",
        "Title",
        None,
        "<w:b/><w:sz w:val=\"28\"/>",
        "<w:spacing w:before=\"240\" w:after=\"240\"/><w:jc w:val=\"center\"/>",
    ),
    (
        "Heading1",
        "heading 1",
        Some(0),
        "<w:b/><w:sz w:val=\"26\"/>",
        "<w:keepNext/><w:spacing w:before=\"360\" w:after=\"120\"/><w:jc w:val=\"center\"/>",
    ),
    (
        "Heading2",
        "heading 2",
        Some(1),
        "<w:b/><w:sz w:val=\"24\"/>",
        "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:jc w:val=\"center\"/>",
    ),
    ("Masthead", "Masthead", None, "<w:sz w:val=\"20\"/>", "<w:spacing w:after=\"0\"/>"),
    ("FootnoteText", "footnote text", None, "<w:sz w:val=\"18\"/>", "<w:spacing w:after=\"0\"/>"),
];

fn styles() -> String {
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"{W_NS}\">\
         <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" \
         w:cs=\"Times New Roman\"/><w:sz w:val=\"22\"/><w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:after=\"120\"/></w:pPr></w:pPrDefault></w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
    );
    for (id, name, outline, rpr, ppr) in STYLES {
        let outline = outline.map(|l| format!("<w:outlineLvl w:val=\"{l}\"/>")).unwrap_or_default();
        s.push_str(&format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/>\
             <w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>{ppr}{outline}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
        ));
    }
    s.push_str(
        "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/></w:style>\
         <w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/>\
         <w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style></w:styles>",
    );
    s
}

/// Footnotes, each already the content of its `w:footnote` (paragraphs),
/// numbered from 1 in order.
fn footnotes(notes: &[String]) -> String {
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:footnotes xmlns:w=\"{W_NS}\">\
         <w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
         <w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    );
    for (i, note) in notes.iter().enumerate() {
        s.push_str(&format!("<w:footnote w:id=\"{}\">{note}</w:footnote>", i + 1));
    }
    s.push_str("</w:footnotes>");
    s
}

fn zip_error(e: impl std::fmt::Display) -> Refusal {
    Refusal::invalid("docx_write_failed", format!("the .docx could not be written: {e}"))
}

/// Zips a package: `document` is the whole `word/document.xml`, `notes`
/// the footnotes it refers to.
pub fn package(title: &str, document: &str, notes: &[String]) -> Result<Vec<u8>, Refusal> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(document.len() / 4 + 4096)));
    // Level 1: the documents are repetitive XML, which even the fastest
    // level shrinks about tenfold; higher levels cost several times the
    // time for a few per cent.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::default());
    let parts: [(&str, &str); 8] = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", &package_rels()),
        ("docProps/core.xml", &core(title)),
        ("word/_rels/document.xml.rels", &document_rels()),
        ("word/styles.xml", &styles()),
        ("word/settings.xml", &settings()),
        ("word/footnotes.xml", &footnotes(notes)),
        ("word/document.xml", document),
    ];
    for (name, text) in parts {
        zip.start_file(name, options).map_err(zip_error)?;
        zip.write_all(text.as_bytes()).map_err(zip_error)?;
    }
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}
