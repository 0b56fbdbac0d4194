//! Import of .docx files LibreOffice made from texts Accord did not write:
//! the Akoma Ntoso test documents, written out as HTML with headings and
//! ordered lists by `tests/data/docx/make_fixtures.py` and converted by
//! LibreOffice, so that their numbers are Word list numbering. The script
//! also wrote what each document holds (`NAME.expected`); Accord's reading
//! must match it line for line.

use std::path::PathBuf;

use accord_documents::docx;
use accord_documents::draft::zero_draft;
use accord_domain::negotiation::text::{Instrument, ProvisionKind};

use crate::helpers::source;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/docx").join(name)
}

/// An instrument as the script writes its expectations.
fn lines(i: &Instrument) -> Vec<String> {
    let mut out = vec![format!("title|||{}", i.title)];
    for p in &i.provisions {
        let kind = match p.kind {
            ProvisionKind::Recital => "recital",
            ProvisionKind::Chapter => "chapter",
            ProvisionKind::Article => "article",
            ProvisionKind::Paragraph => "paragraph",
            ProvisionKind::Point => "point",
        };
        out.push(format!("{kind}|{}|{}|{}", p.num, p.heading, p.text));
    }
    out
}

#[test]
fn documents_libreoffice_made_read_as_their_lists_and_headings_say() {
    for name in ["un-resolution-en", "un-resolution-es", "scottish-act"] {
        let bytes = std::fs::read(fixture(&format!("{name}.docx"))).unwrap();
        let expected = std::fs::read_to_string(fixture(&format!("{name}.expected"))).unwrap();
        let expected: Vec<&str> = expected.lines().collect();
        let imported = docx::import(&bytes, source()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let got = lines(&imported.instrument);
        for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
            assert_eq!(g, e, "{name}, line {}", i + 1);
        }
        assert_eq!(got.len(), expected.len(), "{name}: {got:#?}");
        // Each opens a process: the zero draft reads back as written.
        let draft = zero_draft(&imported.instrument).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(draft.instrument.provisions.len(), imported.instrument.provisions.len());
    }
}

/// The UN resolution skips from paragraph 3 to 8 (the source leaves the
/// others out): LibreOffice starts a second list at 8, and the numbers
/// Accord reads are those Word prints.
#[test]
fn list_numbering_is_computed_as_word_prints_it() {
    let bytes = std::fs::read(fixture("un-resolution-en.docx")).unwrap();
    let imported = docx::import(&bytes, source()).unwrap();
    let nums: Vec<&str> = imported
        .instrument
        .provisions
        .iter()
        .filter(|p| p.kind == ProvisionKind::Paragraph)
        .map(|p| p.num.as_str())
        .collect();
    assert_eq!(nums, ["1.", "2.", "3.", "8."]);
    // No number is typed in the document's words: they come from
    // numbering.xml.
    let document = unzip(&bytes, "word/document.xml");
    assert!(document.contains("<w:numPr>"), "the fixture uses list numbering");
    assert!(!document.contains(">8.") && !document.contains(">1."), "no typed numbers");
}

/// One part of a zip archive, read by Python's zipfile, not by the
/// importer.
fn unzip(bytes: &[u8], name: &str) -> String {
    let dir = crate::docx::office::scratch("unzip");
    let file = dir.join("in.docx");
    std::fs::write(&file, bytes).unwrap();
    let out = std::process::Command::new("python3")
        .args(["-c", "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())"])
        .arg(&file)
        .arg(name)
        .output()
        .expect("python3");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Numbering as Word writes it for a treaty: the Heading 2 style numbered
/// `Article %1` (paragraphs inherit it from their style), paragraphs
/// `%1.` and points `(%2)` in letters, and a list restarted by
/// `w:startOverride`.
#[test]
fn numbering_inherited_from_styles_and_restarted_lists() {
    use super::hostile::{package, CONTENT_TYPES, W};
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document.xml"/></Relationships>"#;
    let doc_rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;
    let styles = format!(
        r#"<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="Titre"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="ArticleHeading"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Treaty"><w:name w:val="Treaty heading"/><w:basedOn w:val="ArticleHeading"/></w:style></w:styles>"#
    );
    let numbering = format!(
        r#"<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Article %1"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num><w:num w:numId="9"><w:abstractNumId w:val="5"/></w:num></w:numbering>"#
    );
    let para = |style: &str, num: Option<(u8, u8)>, text: &str| {
        let style = if style.is_empty() { String::new() } else { format!("<w:pStyle w:val=\"{style}\"/>") };
        let num = num.map_or(String::new(), |(id, l)| {
            format!("<w:numPr><w:ilvl w:val=\"{l}\"/><w:numId w:val=\"{id}\"/></w:numPr>")
        });
        format!("<w:p><w:pPr>{style}{num}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")
    };
    let body = [
        para("", None, "Provisional agenda"),
        para("Titre", None, "Framework on cooperation"),
        para("", None, "Recalling the Charter,"),
        para("ArticleHeading", None, "Purpose"),
        para("", Some((1, 0)), "States shall cooperate to:"),
        para("", Some((1, 1)), "share information;"),
        para("", Some((1, 1)), "build capacity."),
        para("", Some((1, 0)), "States shall report."),
        para("Treaty", None, "Scope"),
        para("", Some((2, 0)), "This Framework applies to States."),
        para("", Some((2, 1)), "in peace;"),
    ]
    .concat();
    let document = format!("<w:document xmlns:w=\"{W}\"><w:body>{body}</w:body></w:document>");
    let bytes = package(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("word/_rels/document.xml.rels", doc_rels.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ]);
    let imported = docx::import(&bytes, source()).unwrap();
    assert_eq!(
        lines(&imported.instrument),
        [
            "title|||Framework on cooperation",
            "recital|||Recalling the Charter,",
            "article|1|Purpose|",
            "paragraph|1.||States shall cooperate to:",
            "point|(a)||share information;",
            "point|(b)||build capacity.",
            "paragraph|2.||States shall report.",
            "article|2|Scope|",
            "paragraph|1.||This Framework applies to States.",
            "point|(a)||in peace;",
        ]
    );
    assert_eq!(imported.dropped[0].what, "paragraphs above the title (a masthead)");
    assert_eq!(imported.dropped[0].first_at, "paragraph 1");
}
