//! .docx files made to hurt the importer, and real ones mangled at random:
//! a clear refusal naming what is wrong, or an instrument Accord can hold;
//! never a panic, never memory beyond the bounds.

use std::io::{Cursor, Write};

use accord_documents::docx::{self, read};
use accord_domain::Refusal;
use proptest::prelude::*;
use zip::write::SimpleFileOptions;

use crate::helpers::*;

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const CONTENT_TYPES: &str = r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#;
pub const RELS: &str = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// A package of these parts, deflated.
pub fn package(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A document whose body is `body` (paragraphs), in a complete package.
fn docx_of(body: &str) -> Vec<u8> {
    let document = format!("<w:document xmlns:w=\"{W}\"><w:body>{body}</w:body></w:document>");
    package(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ])
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn refused(bytes: &[u8]) -> Refusal {
    match docx::import(bytes, source()) {
        Ok(i) => panic!("opened: {:?}", i.instrument),
        Err(e) => e,
    }
}

#[test]
fn a_plain_document_opens() {
    let i = docx::import(&docx_of(&format!("{}{}{}", p("A title"), p("Article 1"), p("1. States shall."))), source())
        .unwrap();
    assert_eq!(i.instrument.title, "A title");
    assert_eq!(i.instrument.provisions.len(), 2);
    assert_eq!(i.instrument.provisions[1].text, "States shall.");
}

/// 40 MB of one letter deflates to a few kilobytes: reading stops at the
/// bound on what a part may decompress to, whatever the zip's headers say.
#[test]
fn a_zip_bomb_is_refused_at_the_bound() {
    let huge = vec![b'a'; read::MAX_PART_BYTES as usize + 8 * 1024 * 1024];
    let document = [format!("<w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>").as_bytes(), &huge].concat();
    let bomb = package(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", &document),
    ]);
    assert!(bomb.len() < 200_000, "{} bytes compressed", bomb.len());
    let e = refused(&bomb);
    assert_eq!(e.code, "document_too_large", "{e}");
    assert!(e.message.contains("word/document.xml"), "{e}");
    // The same with the sizes in the headers made small: the archive
    // reader stops at the declared size or the bound, and refuses.
    let mut lying = bomb.clone();
    let declared = (document.len() as u32).to_le_bytes();
    let mut at = 0;
    while let Some(i) = lying[at..].windows(4).position(|w| w == declared) {
        lying[at + i..at + i + 4].copy_from_slice(&100u32.to_le_bytes());
        at += i + 4;
    }
    assert!(at > 0, "the declared size was found in the headers");
    let e = refused(&lying);
    assert!(["document_too_large", "malformed_docx"].contains(&e.code), "{e}");
}

#[test]
fn a_document_of_500_mb_is_refused_by_its_size() {
    // Zeroed pages are not touched until written: this costs no memory.
    let big = vec![0u8; 500 * 1024 * 1024];
    let e = refused(&big);
    assert_eq!(e.code, "document_too_large", "{e}");
    assert!(e.message.contains(&read::DOCX_MAX_BYTES.to_string()), "{e}");
}

#[test]
fn too_many_entries_are_refused() {
    let names: Vec<String> = (0..read::MAX_ENTRIES + 1).map(|i| format!("x/{i}.xml")).collect();
    let parts: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let e = refused(&package(&parts));
    assert_eq!(e.code, "document_too_large", "{e}");
    assert!(e.message.contains("entries"), "{e}");
}

#[test]
fn missing_and_malformed_parts_are_refused_naming_the_part() {
    assert_eq!(refused(b"Hello, this is text").code, "not_docx");
    assert_eq!(refused(b"PK\x03\x04 then nothing").code, "not_docx");
    let document = format!("<w:document xmlns:w=\"{W}\"><w:body>{}</w:body></w:document>", p("T"));
    type Parts<'a> = &'a [(&'a str, &'a [u8])];
    let cases: [(Parts, &str, &str); 6] = [
        (
            &[("_rels/.rels", RELS.as_bytes()), ("word/document.xml", document.as_bytes())],
            "malformed_docx",
            "[Content_Types].xml",
        ),
        (
            &[("[Content_Types].xml", CONTENT_TYPES.as_bytes()), ("word/document.xml", document.as_bytes())],
            "malformed_docx",
            "_rels/.rels",
        ),
        (
            &[("[Content_Types].xml", CONTENT_TYPES.as_bytes()), ("_rels/.rels", RELS.as_bytes())],
            "malformed_docx",
            "word/document.xml",
        ),
        (
            &[
                ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
                ("_rels/.rels", RELS.as_bytes()),
                ("word/document.xml", b"<w:document><w:body>"),
            ],
            "malformed_docx",
            "word/document.xml",
        ),
        (
            &[
                ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
                ("_rels/.rels", b"<Relationships/>"),
                ("word/document.xml", document.as_bytes()),
            ],
            "malformed_docx",
            "_rels/.rels",
        ),
        (
            &[
                ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
                ("_rels/.rels", RELS.as_bytes()),
                ("word/document.xml", b"\xff\xfe<"),
            ],
            "malformed_docx",
            "word/document.xml",
        ),
    ];
    for (parts, code, part) in cases {
        let e = refused(&package(parts));
        assert_eq!(e.code, code, "{e}");
        assert!(e.message.contains(part), "{part}: {e}");
    }
}

#[test]
fn a_doctype_and_deep_nesting_are_refused() {
    let laughs = format!(
        "<!DOCTYPE w:document [<!ENTITY a \"lol\">]><w:document xmlns:w=\"{W}\"><w:body>{}</w:body></w:document>",
        p("&a;")
    );
    let e = refused(&package(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", laughs.as_bytes()),
    ]));
    assert_eq!(e.code, "doctype_refused", "{e}");
    assert!(e.message.contains("word/document.xml"));
    let deep = format!("<w:p>{}<w:r><w:t>x</w:t></w:r>{}</w:p>", "<w:ins>".repeat(400), "</w:ins>".repeat(400));
    let e = refused(&docx_of(&deep));
    assert_eq!(e.code, "document_too_deep", "{e}");
}

/// The Unicode policy of the rest of Accord: a bidirectional override in
/// the words is refused, naming where.
#[test]
fn bidirectional_overrides_are_refused() {
    let e = refused(&docx_of(&format!(
        "{}{}{}",
        p("Title"),
        p("Article 1"),
        p("1. States \u{202e}llahs\u{202c} cooperate.")
    )));
    assert_eq!(e.code, "bidi_control", "{e}");
    assert!(e.message.contains("U+202E"), "{e}");
    assert!(e.message.contains("art_1__para_1"), "{e}");
}

/// What Accord cannot structure is refused saying which paragraph.
#[test]
fn a_document_accord_cannot_structure_is_refused_saying_where() {
    let e = refused(&docx_of(&format!("{}{}{}", p("Title"), p("Article 1"), p("(a) a point with no paragraph"))));
    assert_eq!(e.code, "unstructured_document", "{e}");
    assert!(e.message.contains("paragraph 3 of word/document.xml"), "{e}");
    assert!(e.message.contains("a point with no paragraph"), "{e}");
    let table = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Article 1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
    let e = refused(&docx_of(table));
    assert_eq!(e.code, "unstructured_document", "{e}");
    assert!(e.message.contains("tables"), "{e}");
    assert_eq!(refused(&docx_of("")).code, "no_text");
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/docx").join(name)).unwrap()
}

/// The parts of a real .docx, to mangle.
fn parts_of(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut out = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut out).unwrap();
            (f.name().unwrap().into_owned(), out)
        })
        .collect()
}

/// Whatever happens, no panic, and an opened document is one Accord can
/// hold.
fn survives(bytes: &[u8]) -> Result<(), TestCaseError> {
    if let Ok(i) = docx::import(bytes, source()) {
        prop_assert!(!i.instrument.title.is_empty());
        prop_assert!(i.instrument.provisions.iter().all(|p| accord_domain::unicode::is_normalised(&p.text)));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096), zip_like in any::<bool>()) {
        let bytes = if zip_like { [&b"PK\x03\x04"[..], &bytes].concat() } else { bytes };
        survives(&bytes)?;
    }

    /// A real document with bytes of the archive changed, cut or added.
    #[test]
    fn mangled_archives_never_panic(
        which in 0usize..3,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8),
    ) {
        let name = ["un-resolution-en.docx", "un-resolution-es.docx", "scottish-act.docx"][which];
        let mut bytes = fixture(name);
        for (at, byte, how) in edits {
            let i = at.index(bytes.len());
            match how {
                0 => bytes[i] = byte,
                1 => bytes.truncate(i.max(1)),
                _ => bytes.insert(i, byte),
            }
        }
        survives(&bytes)?;
    }

    /// A real document whose XML parts are changed, then zipped again:
    /// the reader gets past the archive and meets broken markup, numbering
    /// and styles.
    #[test]
    fn mangled_parts_never_panic(
        which in 0usize..3,
        part in 0usize..16,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), "[<>/=\" a-z0-9:%]{0,6}", any::<bool>()), 1..12),
    ) {
        let name = ["un-resolution-en.docx", "un-resolution-es.docx", "scottish-act.docx"][which];
        let mut parts = parts_of(&fixture(name));
        let k = part % parts.len();
        let text = &mut parts[k].1;
        for (at, insert, cut) in edits {
            let i = at.index(text.len().max(1)).min(text.len());
            if cut {
                let end = (i + insert.len()).min(text.len());
                text.drain(i..end);
            } else {
                text.splice(i..i, insert.bytes());
            }
        }
        let refs: Vec<(&str, &[u8])> = parts.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
        survives(&package(&refs))?;
    }
}
