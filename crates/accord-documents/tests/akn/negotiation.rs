//! The rolling text and the proposals of a real process, written as
//! Akoma Ntoso and checked against the schema.

use accord_documents::export::{self, DocumentKind, Expression};
use accord_documents::import::import;
use accord_domain::negotiation::rolling::{rolling_text, View};

use crate::helpers::*;
use crate::world::World;

fn v1(kind: DocumentKind) -> Expression {
    Expression { kind, language: "eng".to_owned(), version: 1, version_name: None }
}

#[test]
fn the_rolling_text_names_each_option_and_the_members_behind_it() {
    let w = World::with_proposals();
    let process = &w.state.processes[0];
    let rolling = rolling_text(process, &View::All);
    assert_eq!(rolling.brackets, 4, "{}", rolling.to_plain());
    for kind in [DocumentKind::ResolutionDraft, DocumentKind::Treaty] {
        let xml = export::rolling_text(&rolling, &v1(kind), &masthead(), &w.state.members).unwrap();
        validate(&format!("rolling-{}", kind.name()), &xml);
        assert!(xml.contains(&format!("<{} name=\"{}RollingText\">", kind.element(), kind.name())), "{xml}");
        // One TLCOrganization per member behind an option, and no other.
        for (m, name) in [
            ("BRA", "Brazil"),
            ("CHN", "China"),
            ("EGY", "Egypt"),
            ("FRA", "France"),
            ("KEN", "Kenya"),
            ("USA", "United States of America"),
        ] {
            assert!(
                xml.contains(&format!(
                    "<TLCOrganization eId=\"member_{m}\" href=\"/akn/ontology/organization/un/{m}\" showAs=\"{name}\"/>"
                )),
                "{m}: {xml}"
            );
        }
        assert_eq!(xml.matches("<TLCOrganization eId=\"member_").count(), 6);
        // "shall": the original (FRA objects to P-1) and two proposals.
        let b = "chp_1__art_1__para_2__bracket_1";
        assert!(xml.contains(&format!("<inline name=\"bracket\" eId=\"{b}\">")), "{xml}");
        assert!(xml.contains(&format!(
            "<inline name=\"option\" eId=\"{b}__option_1\" class=\"original\" refersTo=\"#member_FRA\">shall</inline>"
        )));
        assert!(xml.contains(&format!(
            "<inline name=\"option\" eId=\"{b}__option_2\" class=\"proposed\" refersTo=\"#member_BRA #member_CHN #member_KEN\" title=\"P-1\">should</inline> (P-1; BRA, CHN, KEN)"
        )), "{xml}");
        assert!(xml.contains(&format!(
            "<inline name=\"option\" eId=\"{b}__option_3\" class=\"proposed\" refersTo=\"#member_EGY\" title=\"P-2\">may</inline>"
        )));
        // The paragraph P-3 would insert.
        assert!(xml.contains("class=\"proposed\" title=\"inserted by P-3\""), "{xml}");
        assert!(xml.contains("States shall exchange information on threats."));
        // A heading in brackets, escaped.
        assert!(xml.contains("Entry into force &amp; &lt;effect&gt;"), "{xml}");
    }
}

/// The rolling text with no proposal is the clean text: it reads back as
/// the version itself.
#[test]
fn a_rolling_text_without_brackets_reads_back_as_its_version() {
    let w = World::new();
    let process = &w.state.processes[0];
    let rolling = rolling_text(process, &View::All);
    assert_eq!(rolling.brackets, 0);
    let xml = export::rolling_text(&rolling, &v1(DocumentKind::Treaty), &masthead(), &w.state.members).unwrap();
    validate("rolling-clean", &xml);
    let back = import(xml.as_bytes(), source()).unwrap();
    assert_eq!(crate::import::modelled(&back.instrument), crate::import::modelled(&process.latest().instrument));
}

#[test]
fn each_proposal_is_an_amendment_to_the_provision_it_changes() {
    let w = World::with_proposals();
    let process = &w.state.processes[0];
    let text = &process.version(1).unwrap().instrument;
    let expected = [
        (1, "substitution", "chp_1__art_1__para_2", "replace \u{201c}<quotedText eId=\"mod_1__qstr_1\">shall</quotedText>\u{201d} with \u{201c}<quotedText eId=\"mod_1__qstr_2\">should</quotedText>\u{201d}"),
        (2, "substitution", "chp_1__art_1__para_2", "<quotedText eId=\"mod_1__qstr_2\">may</quotedText>"),
        (3, "insertion", "chp_1__art_1__para_2", "insert after it \u{201c}<quotedText eId=\"mod_1__qstr_1\">States shall exchange information on threats.</quotedText>\u{201d}"),
        (4, "repeal", "chp_1__art_2__para_1", "delete \u{201c}<quotedText eId=\"mod_1__qstr_1\">all</quotedText>\u{201d}"),
        (5, "substitution", "chp_2__art_3", "In article 3 of version 1, replace the heading \u{201c}<quotedText eId=\"mod_1__qstr_1\">Entry into force</quotedText>\u{201d} with \u{201c}<quotedText eId=\"mod_1__qstr_2\">Entry into force &amp; &lt;effect&gt;</quotedText>\u{201d}</mod>"),
    ];
    for (id, mod_type, eid, words) in expected {
        let p = process.proposal(id).unwrap();
        let xml = export::amendment(p, text, &v1(DocumentKind::Treaty), &masthead(), &w.state.members).unwrap();
        validate(&format!("amendment-P-{id}"), &xml);
        assert!(xml.contains("<amendment name=\"proposal\">"), "{xml}");
        assert!(xml.contains(&format!("<textualMod eId=\"textualMod_1\" type=\"{mod_type}\">")), "P-{id}: {xml}");
        assert!(
            xml.contains(&format!(
                "<destination href=\"/akn/un/doc/treaty/2026-03-02/A-AC.292-2026-L.1-Rev.2/eng@v1/!main#{eid}\"/>"
            )),
            "P-{id}: {xml}"
        );
        assert!(xml.contains(words), "P-{id}: {words}\n{xml}");
        let proposer = p.proposer.as_str();
        assert!(xml.contains(&format!("<docProponent refersTo=\"#member_{proposer}\">{proposer}</docProponent>")));
        // The amendment is its own work, numbered after the proposal.
        assert!(xml.contains(&format!("A-AC.292-2026-L.1-Rev.2-P-{id}")), "{xml}");
        // Amendments are not texts Accord opens: they are proposals.
        assert_eq!(import(xml.as_bytes(), source()).unwrap_err().code, "unsupported_document");
    }
    let p1 = process.proposal(1).unwrap();
    let xml = export::amendment(p1, text, &v1(DocumentKind::Treaty), &masthead(), &w.state.members).unwrap();
    assert!(xml.contains("<p>Softer wording builds trust.</p>"), "the justification");
    for m in ["BRA", "CHN", "KEN"] {
        assert!(xml.contains(&format!("eId=\"member_{m}\"")), "{m} backs P-1");
    }
    assert!(!xml.contains("eId=\"member_FRA\""), "FRA objects to P-1");
    let p5 =
        export::amendment(process.proposal(5).unwrap(), text, &v1(DocumentKind::Treaty), &masthead(), &w.state.members)
            .unwrap();
    assert!(!p5.contains("amendmentJustification"), "P-5 gives no justification");
}

/// A rolling text read back is its version: each bracket gives its
/// original words, and the provisions proposals would insert are left out,
/// each said.
#[test]
fn a_rolling_text_with_brackets_reads_back_as_its_version() {
    let w = World::with_proposals();
    let process = &w.state.processes[0];
    let rolling = rolling_text(process, &View::All);
    let xml =
        export::rolling_text(&rolling, &v1(DocumentKind::ResolutionDraft), &masthead(), &w.state.members).unwrap();
    let back = import(xml.as_bytes(), source()).unwrap();
    assert_eq!(crate::import::modelled(&back.instrument), crate::import::modelled(&process.latest().instrument));
    let brackets = back.dropped.iter().find(|d| d.what.starts_with("brackets of a rolling text")).unwrap();
    assert_eq!(
        (brackets.count, brackets.first_at.as_str()),
        (3, "chp_1__art_1__para_2__bracket_1"),
        "{:?}",
        back.dropped
    );
    let proposed = back.dropped.iter().find(|d| d.what.starts_with("provisions proposed")).unwrap();
    assert_eq!(proposed.count, 1);
}
