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
