use accord_documents::export::{self, DocumentKind};

use crate::helpers::*;

#[test]
fn a_version_exports_as_a_valid_resolution_draft_and_treaty() {
    let instrument = draft();
    for kind in [DocumentKind::ResolutionDraft, DocumentKind::Treaty] {
        let xml = export::instrument(&instrument, &expression(kind), &masthead()).unwrap();
        validate(&format!("instrument-{}", kind.name()), &xml);
        assert!(xml.contains(&format!("<{} name=\"{}\">", kind.element(), kind.name())), "{xml}");
        let iri = format!("/akn/un/{}/{}/2026-03-02/A-AC.292-2026-L.1-Rev.2/eng@v2", kind.element(), kind.name());
        assert!(xml.contains(&format!("<FRBRuri value=\"{iri}\"/>")), "{xml}");
        assert!(xml.contains("<docNumber>A/AC.292/2026/L.1/Rev.2</docNumber>"));
        assert!(xml.contains("Distr.: Limited"));
        assert!(xml.contains("<docDate date=\"2026-03-02\">2 March 2026</docDate>"));
        assert!(xml.contains("Original: English"));
        assert!(xml.contains("<recital eId=\"preamble__recital_1\" wId=\"preamble__recital_1\">"));
        assert!(xml.contains("<point eId=\"chp_1__art_1__para_1__point_b\" wId=\"chp_1__art_1__para_1__point_b\">"));
        assert!(xml.contains("Noting that &lt;b&gt;markup&lt;/b&gt; is text,"), "markup is text");
        assert!(xml.contains("<num>Article 1</num>"));
        assert!(xml.contains("<heading>Purpose</heading>"));
    }
}

/// The schema check is not vacuous: the 3.0 documents of the data pass,
/// and a document missing what the schema requires, or holding an element
/// it does not know, fails.
#[test]
fn the_schema_check_accepts_the_real_documents_and_refuses_broken_ones() {
    for path in [
        "v3/us_Act_2011-11-29.xml",
        "v3/uk_asp-2017-1-enacted-data.akn.xml",
        "v3/eu_COM(2013)0619_EN-8.xml",
        "v3/ke_Debate_Bungeni_2011-06-10.xml",
    ] {
        schema_check(&data(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    let good = export::instrument(&draft(), &expression(DocumentKind::Treaty), &masthead()).unwrap();
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("akn");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, broken) in [
        ("no-meta", good.replacen("<meta>", "<nometa>", 1).replacen("</meta>", "</nometa>", 1)),
        ("unknown-element", good.replacen("<num>Article 1</num>", "<number>Article 1</number>", 1)),
        ("duplicate-eid", good.replacen("eId=\"chp_1__art_2\"", "eId=\"chp_1__art_1\"", 1)),
    ] {
        assert_ne!(broken, good, "{name}");
        let file = dir.join(format!("broken-{name}.xml"));
        std::fs::write(&file, &broken).unwrap();
        assert!(schema_check(&file).is_err(), "{name} passed the schema check");
    }
}
