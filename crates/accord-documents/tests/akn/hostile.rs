//! What import does with documents made to hurt it, and with documents
//! mangled at random: a clear refusal, or an instrument Accord can hold,
//! never a panic.

use std::collections::HashSet;

use accord_documents::export::{self, DocumentKind};
use accord_documents::import::{import, Imported, IMPORT_MAX_BYTES, MAX_ATTRIBUTES, MAX_DEPTH, MAX_NODES};
use accord_domain::negotiation::text::{check_text, ProvisionKind, HEADING_MAX_CHARS, PROVISION_MAX_CHARS};
use proptest::prelude::*;

use crate::helpers::*;
use crate::import::modelled;

const AKN: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

fn act(body: &str) -> String {
    format!(
        "<akomaNtoso xmlns=\"{AKN}\"><act><preface><p><docTitle>T</docTitle></p></preface><body>{body}</body></act></akomaNtoso>"
    )
}

fn refused(xml: &[u8]) -> accord_domain::Refusal {
    match import(xml, source()) {
        Ok(i) => panic!("opened: {:?}", i.instrument),
        Err(e) => e,
    }
}

#[test]
fn a_doctype_is_refused_before_any_entity_is_expanded() {
    let laughs = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE akomaNtoso [\n<!ENTITY a \"lol\">\n<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n\
         <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n]>\n{}",
        act("<article eId=\"art_1\"><content><p>&d;</p></content></article>")
    );
    let e = refused(laughs.as_bytes());
    assert_eq!(e.code, "doctype_refused", "{e}");
    assert!(e.message.contains("DOCTYPE"));
    let external = format!(
        "<!DOCTYPE akomaNtoso SYSTEM \"file:///etc/passwd\">{}",
        act("<article><content><p>x</p></content></article>")
    );
    assert_eq!(refused(external.as_bytes()).code, "doctype_refused");
    // An entity that was never declared is not XML.
    let undeclared = act("<article><content><p>&xxe;</p></content></article>");
    assert_eq!(refused(undeclared.as_bytes()).code, "malformed_xml");
}

/// Attributes on one element are bounded before parsing (the parser's
/// check of each against the others is quadratic: 280,000 took minutes).
#[test]
fn attributes_on_one_element_are_bounded() {
    let attributes = |n: usize| (0..n).map(|i| format!(" a{i}=\"x\"")).collect::<String>();
    let many = act(&format!("<article eId=\"art_1\"{}><content><p>x</p></content></article>", attributes(100_000)));
    // Refused by the count before the parse (the parser has no such
    // message).
    let e = refused(many.as_bytes());
    assert_eq!(e.code, "document_too_large", "{e}");
    assert!(e.message.contains("attributes"), "{e}");
    // At the bound, and with = in quoted values, comments and CDATA, it reads.
    let at_bound = act(&format!(
        "<!-- a=b c=d --><article eId=\"art_1\"{}><content><p><![CDATA[x=y]]> q=\"r\"</p></content></article>",
        attributes(MAX_ATTRIBUTES - 1)
    ));
    assert!(import(at_bound.as_bytes(), source()).is_ok());
}

#[test]
fn size_nodes_and_depth_are_bounded() {
    let big = vec![b' '; IMPORT_MAX_BYTES + 1];
    assert_eq!(refused(&big).code, "document_too_large");

    let many = act(&"<p/>".repeat(MAX_NODES as usize + 1));
    assert!(many.len() <= IMPORT_MAX_BYTES);
    let e = refused(many.as_bytes());
    assert_eq!(e.code, "document_too_large", "{e}");
    assert!(e.message.contains("nodes"), "{e}");

    // Groupings in groupings, and inline markup in inline markup.
    let n = MAX_DEPTH + 10;
    let deep = act(&format!(
        "{}<article><content><p>x</p></content></article>{}",
        "<hcontainer name=\"g\">".repeat(n),
        "</hcontainer>".repeat(n)
    ));
    assert_eq!(refused(deep.as_bytes()).code, "document_too_deep");
    let deep = act(&format!("<article><content><p>{}x{}</p></content></article>", "<i>".repeat(n), "</i>".repeat(n)));
    assert_eq!(refused(deep.as_bytes()).code, "document_too_deep");
    let deep_title = format!(
        "<akomaNtoso xmlns=\"{AKN}\"><act><preface><p><docTitle>{}T{}</docTitle></p></preface></act></akomaNtoso>",
        "<b>".repeat(50_000),
        "</b>".repeat(50_000)
    );
    assert_eq!(refused(deep_title.as_bytes()).code, "document_too_deep");
    // As deep as allowed is fine.
    let fine = act(&format!("<article><content><p>{}x{}</p></content></article>", "<i>".repeat(50), "</i>".repeat(50)));
    assert_eq!(import(fine.as_bytes(), source()).unwrap().instrument.provisions[1].text, "x");
}

#[test]
fn what_is_not_akoma_ntoso_is_refused_saying_what_it_is() {
    let utf16: Vec<u8> = act("<article/>").encode_utf16().flat_map(u16::to_le_bytes).collect();
    assert_eq!(refused(&utf16).code, "unsupported_encoding");
    let with_bom: Vec<u8> = [0xFF, 0xFE].into_iter().chain(utf16).collect();
    assert_eq!(refused(&with_bom).code, "unsupported_encoding");
    let latin1: Vec<u8> = act("<article><content><p>caf\u{e9}</p></content></article>")
        .replace('\u{e9}', "\u{1}")
        .bytes()
        .map(|b| if b == 1 { 0xE9 } else { b })
        .collect();
    assert_eq!(refused(&latin1).code, "unsupported_encoding");
    assert_eq!(refused(b"<html><body/></html>").code, "not_akoma_ntoso");
    assert_eq!(refused(b"{\"title\": 1}").code, "malformed_xml");
    assert_eq!(refused(b"").code, "malformed_xml");
    let judgment = format!("<akomaNtoso xmlns=\"{AKN}\"><judgment/></akomaNtoso>");
    let e = refused(judgment.as_bytes());
    assert_eq!(e.code, "unsupported_document");
    assert!(e.message.contains("judgment"), "{e}");
    let empty = act("");
    assert_eq!(refused(empty.as_bytes()).code, "no_text");
    let untitled = format!("<akomaNtoso xmlns=\"{AKN}\"><act><body><article><content><p>x</p></content></article></body></act></akomaNtoso>");
    assert_eq!(refused(untitled.as_bytes()).code, "no_title");
    // The domain's Unicode policy holds for imported words.
    let bidi = act("<article><content><p>a \u{202E}b</p></content></article>");
    assert_eq!(refused(bidi.as_bytes()).code, "bidi_control");
}

/// What every opened document must be: an instrument the domain would
/// accept, and one that exports and imports as itself.
fn check_opened(i: &Imported) {
    let inst = &i.instrument;
    check_text("title", &inst.title, HEADING_MAX_CHARS, false).unwrap();
    accord_domain::unicode::check("title", &inst.title).unwrap();
    let mut seen = HashSet::new();
    for p in &inst.provisions {
        assert!(seen.insert(p.eid.as_str()), "eId {} twice", p.eid);
        if let Some(parent) = p.parent_eid() {
            let parent = inst.get(parent).unwrap_or_else(|| panic!("{}: no parent", p.eid));
            let allowed = match p.kind {
                ProvisionKind::Article => parent.kind == ProvisionKind::Chapter,
                ProvisionKind::Paragraph => parent.kind == ProvisionKind::Article,
                ProvisionKind::Point => parent.kind == ProvisionKind::Paragraph,
                _ => false,
            };
            assert!(allowed, "{} under {}", p.eid, parent.eid);
        }
        for (what, text, max) in [
            ("text", &p.text, PROVISION_MAX_CHARS),
            ("heading", &p.heading, HEADING_MAX_CHARS),
            ("num", &p.num, HEADING_MAX_CHARS),
        ] {
            check_text(what, text, max, true).unwrap();
            accord_domain::unicode::check(what, text).unwrap();
        }
    }
    // A zero draft of it, or a clear reason why not.
    match accord_documents::draft::zero_draft(inst) {
        Ok(d) => assert_eq!(
            d.instrument.provisions.len()
                + d.left_out.iter().filter(|l| l.what.starts_with("chapters")).map(|l| l.count).sum::<usize>(),
            inst.provisions.len()
        ),
        Err(e) => assert_eq!(e.code, "not_a_draft", "{e}"),
    }
    let xml = export::instrument(inst, &expression(DocumentKind::ResolutionDraft), &masthead()).unwrap();
    let again = import(xml.as_bytes(), source()).unwrap_or_else(|e| panic!("written back: {e}\n{xml}"));
    assert_eq!(modelled(&again.instrument), modelled(inst));
}

/// A change to a document's bytes.
#[derive(Debug, Clone)]
enum Mangle {
    Delete(usize, usize),
    Insert(usize, String),
    Duplicate(usize, usize),
    Truncate(usize),
    /// Removes the n-th element (the document stays well-formed).
    DeleteElement(usize),
    /// Copies the n-th element before the m-th: duplicate eIds, articles
    /// in points, preambles in bodies.
    CopyElement(usize, usize),
}

/// The byte ranges of the elements under the root, if the bytes parse.
fn element_ranges(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let Ok(text) = std::str::from_utf8(bytes) else { return Vec::new() };
    let Ok(doc) = roxmltree::Document::parse(text) else { return Vec::new() };
    doc.root_element().descendants().skip(1).filter(|n| n.is_element()).map(|n| n.range()).collect()
}

fn mangle(mut bytes: Vec<u8>, how: &[Mangle]) -> Vec<u8> {
    for m in how {
        let n = bytes.len().max(1);
        match m {
            Mangle::Delete(at, len) => {
                let at = at % n;
                let end = (at + len).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            Mangle::Insert(at, s) => {
                let at = (at % n).min(bytes.len());
                bytes.splice(at..at, s.bytes());
            }
            Mangle::Duplicate(at, len) => {
                let at = (at % n).min(bytes.len());
                let end = (at + len).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(end..end, copy);
            }
            Mangle::Truncate(at) => bytes.truncate(at % n),
            Mangle::DeleteElement(i) => {
                let ranges = element_ranges(&bytes);
                if !ranges.is_empty() {
                    bytes.drain(ranges[i % ranges.len()].clone());
                }
            }
            Mangle::CopyElement(i, j) => {
                let ranges = element_ranges(&bytes);
                if !ranges.is_empty() {
                    let copy = bytes[ranges[i % ranges.len()].clone()].to_vec();
                    let at = ranges[j % ranges.len()].start;
                    bytes.splice(at..at, copy);
                }
            }
        }
    }
    bytes
}

const PIECES: [&str; 24] = [
    "<",
    ">",
    "/>",
    "</",
    "&",
    "&amp;",
    "\"",
    "<!DOCTYPE x>",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "<?pi x?>",
    "<article>",
    "</article>",
    "<paragraph eId=\"art_1__para_1\">",
    "<num>5</num>",
    "<point>",
    "<list>",
    "<hcontainer name=\"x\">",
    "<p>",
    "\u{202E}",
    "\u{FFFF}",
    "<authorialNote>",
];

fn mangles() -> impl Strategy<Value = Vec<Mangle>> {
    let one = prop_oneof![
        (any::<usize>(), 1usize..200).prop_map(|(a, l)| Mangle::Delete(a, l)),
        (any::<usize>(), prop_oneof![proptest::sample::select(&PIECES[..]).prop_map(str::to_owned), "\\PC{0,12}"])
            .prop_map(|(a, s)| Mangle::Insert(a, s)),
        (any::<usize>(), 1usize..400).prop_map(|(a, l)| Mangle::Duplicate(a, l)),
        any::<usize>().prop_map(Mangle::Truncate),
        any::<usize>().prop_map(Mangle::DeleteElement),
        any::<usize>().prop_map(Mangle::DeleteElement),
        (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Mangle::CopyElement(i, j)),
        (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Mangle::CopyElement(i, j)),
    ];
    proptest::collection::vec(one, 1..5)
}

const MANGLED: [&str; 4] = [
    "v3/us_Act_2011-11-29.xml",
    "v3/uk_asp-2017-1-enacted-data.akn.xml",
    "v2/Bill_UN_2012.xml",
    "v2/Bill_UN_2012_ES.xml",
];

/// Tags nested at random, from the elements the reader looks at.
fn tree(depth: u32) -> BoxedStrategy<String> {
    const NAMES: [&str; 22] = [
        "chapter",
        "part",
        "hcontainer",
        "article",
        "section",
        "paragraph",
        "subsection",
        "point",
        "item",
        "list",
        "blockList",
        "intro",
        "content",
        "wrapUp",
        "p",
        "num",
        "heading",
        "i",
        "authorialNote",
        "recital",
        "del",
        "span",
    ];
    let ids = prop_oneof![
        Just(String::new()),
        "(art|para|point|chp|sec|recital)_[0-9a-z]{1,3}(__(para|point|art)_[0-9a-z]{1,2})?"
            .prop_map(|id| format!(" eId=\"{id}\"")),
        Just(" status=\"editorial\"".to_owned()),
    ];
    let text = "[a-z0-9 .()]{0,12}";
    let leaf = text.prop_map(|t| t.to_owned()).boxed();
    if depth == 0 {
        return leaf;
    }
    let node = (proptest::sample::select(&NAMES[..]), ids, proptest::collection::vec(tree(depth - 1), 0..4))
        .prop_map(|(name, id, children)| format!("<{name}{id}>{}</{name}>", children.concat()));
    prop_oneof![leaf, node].boxed()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Real documents with their bytes cut, repeated and spliced: a
    /// refusal with a code, or an instrument Accord can hold.
    #[test]
    fn mangled_documents_never_panic(doc in proptest::sample::select(&MANGLED[..]), how in mangles()) {
        let bytes = mangle(read(doc), &how);
        match import(&bytes, source()) {
            Ok(i) => check_opened(&i),
            Err(e) => prop_assert!(!e.code.is_empty() && !e.message.is_empty()),
        }
    }

    /// Random trees of Akoma Ntoso's elements in a body and a preamble.
    #[test]
    fn random_structures_open_or_are_refused(body in proptest::collection::vec(tree(5), 0..5), preamble in tree(3)) {
        let xml = format!(
            "<akomaNtoso xmlns=\"{AKN}\"><bill><preface><p><docTitle>A bill</docTitle></p></preface>\
             <preamble>{preamble}</preamble><body>{}</body></bill></akomaNtoso>",
            body.concat()
        );
        match import(xml.as_bytes(), source()) {
            Ok(i) => check_opened(&i),
            Err(e) => prop_assert!(["no_text", "text_too_long"].contains(&e.code), "{e}\n{xml}"),
        }
    }
}

/// How many random structures open: the property above must see both.
#[test]
fn random_structures_both_open_and_are_refused() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut opened, mut refused) = (0, 0);
    for _ in 0..200 {
        let body = proptest::collection::vec(tree(5), 1..5).new_tree(&mut runner).unwrap().current();
        let xml = format!(
            "<akomaNtoso xmlns=\"{AKN}\"><bill><preface><p><docTitle>A bill</docTitle></p></preface><body>{}</body></bill></akomaNtoso>",
            body.concat()
        );
        match import(xml.as_bytes(), source()) {
            Ok(i) => {
                check_opened(&i);
                opened += 1
            }
            Err(_) => refused += 1,
        }
    }
    assert!(opened > 50 && refused > 5, "opened {opened}, refused {refused}");
}

/// Found by the random structures: an unnumbered point (it has a heading,
/// so it is not a subparagraph) written back and read again stays a
/// point, and its heading, which Accord does not model, is listed.
#[test]
fn an_unnumbered_point_survives_the_round_trip() {
    let xml =
        act("<article><paragraph><point><heading>H</heading><content><p>x</p></content></point></paragraph></article>");
    let first = import(xml.as_bytes(), source()).unwrap();
    let point = first.instrument.get("art_1__para_1__point_1").expect("a point");
    assert_eq!((point.num.as_str(), point.text.as_str()), ("", "x"));
    assert!(first.dropped.iter().any(|d| d.what == "headings of points"), "{:?}", first.dropped);
    check_opened(&first);
}
