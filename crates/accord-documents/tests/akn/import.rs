//! Import of the real documents in `tests/data/akn`, and the way back:
//! import, export, import gives the same instrument.

use accord_documents::export::{self, DocumentKind};
use accord_documents::import::{import, AknVersion, Imported};
use accord_domain::negotiation::text::ProvisionKind;

use crate::helpers::*;

/// What each document of the data gives: the element opened and the
/// Akoma Ntoso version, or the refusal's code and a word its message names.
enum Expected {
    Opens(&'static str, AknVersion),
    Refused(&'static str, &'static str),
}

const DOCUMENTS: [(&str, Expected); 7] = [
    ("v3/us_Act_2011-11-29.xml", Expected::Opens("act", AknVersion::V3)),
    ("v3/uk_asp-2017-1-enacted-data.akn.xml", Expected::Opens("act", AknVersion::V3)),
    ("v3/eu_COM(2013)0619_EN-8.xml", Expected::Opens("bill", AknVersion::V3)),
    ("v3/ke_Debate_Bungeni_2011-06-10.xml", Expected::Refused("unsupported_document", "a debate is the record")),
    ("v2/Bill_UN_2012.xml", Expected::Opens("bill", AknVersion::V2)),
    ("v2/Bill_UN_2012_ES.xml", Expected::Opens("bill", AknVersion::V2)),
    ("v2/Amendment_mexico_enmienda_2010-10-07.xml", Expected::Refused("unsupported_document", "an amendment")),
];

fn open(path: &str) -> Imported {
    import(&read(path), source()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn provision<'a>(i: &'a Imported, eid: &str) -> &'a accord_domain::negotiation::text::Provision {
    i.instrument.get(eid).unwrap_or_else(|| {
        let eids: Vec<&str> = i.instrument.provisions.iter().map(|p| p.eid.as_str()).collect();
        panic!("no {eid} among {eids:?}")
    })
}

fn dropped<'a>(i: &'a Imported, what: &str) -> &'a accord_documents::Dropped {
    i.dropped.iter().find(|d| d.what.contains(what)).unwrap_or_else(|| panic!("{what} not in {:#?}", i.dropped))
}

/// Every document in the data opens, or is refused naming the construct
/// Accord does not model; what an opened one leaves out is listed.
#[test]
fn every_document_opens_or_is_refused_with_its_reason() {
    for (path, expected) in DOCUMENTS {
        match (import(&read(path), source()), expected) {
            (Ok(i), Expected::Opens(element, version)) => {
                assert_eq!(i.document, element, "{path}");
                assert_eq!(i.version, version, "{path}");
                assert!(!i.instrument.title.is_empty(), "{path}");
                assert!(i.instrument.provisions.iter().any(|p| p.kind.has_text()), "{path}");
                assert!(i.dropped.iter().any(|d| d.what.starts_with("metadata")), "{path}: {:#?}", i.dropped);
                for d in &i.dropped {
                    assert!(d.count > 0 && !d.first_at.is_empty(), "{path}: {d:?}");
                }
            }
            (Err(e), Expected::Refused(code, words)) => {
                assert_eq!(e.code, code, "{path}: {e}");
                assert!(e.message.contains(words), "{path}: {e}");
                assert!(e.message.contains("open an act, bill, statement or doc"), "{path}: {e}");
            }
            (Ok(i), _) => panic!("{path} opened as {}, expected a refusal", i.document),
            (Err(e), _) => panic!("{path} refused: {e}"),
        }
    }
}

#[test]
fn a_united_states_act_keeps_its_sections_numbers_and_headings() {
    let i = open("v3/us_Act_2011-11-29.xml");
    assert!(i.instrument.title.starts_with("To facilitate the hosting in the United States of the 34th America's Cup"));
    let sec4 = provision(&i, "art_4");
    assert_eq!((sec4.kind, sec4.num.as_str(), sec4.heading.as_str()), (ProvisionKind::Article, "4", "CERTIFICATION."));
    let a = provision(&i, "art_4__para_a");
    assert_eq!(a.num, "(a)");
    assert!(
        a.text.starts_with("Requirement.--A vessel may not operate under section 3 unless the vessel"),
        "{}",
        a.text
    );
    // The source's identifiers, renamed to Accord's hierarchy, are listed.
    assert!(i.renamed.iter().any(|r| r.source == "sec_4" && r.eid == "art_4"), "{:?}", i.renamed);
    assert!(i.renamed.iter().any(|r| r.source == "sec_4__point_a" && r.eid == "art_4__para_a"));
    // The page number the printer inserted is not a section.
    assert!(!i.instrument.provisions.iter().any(|p| p.text.contains("125 STAT. 754")));
    assert_eq!(dropped(&i, "editorial").count, 1);
    assert_eq!(dropped(&i, "footnotes").count, 1);
    let articles: Vec<&str> =
        i.instrument.provisions.iter().filter(|p| p.kind == ProvisionKind::Article).map(|p| p.num.as_str()).collect();
    assert_eq!(articles, ["1", "2", "3", "4", "5", "6"]);
}

#[test]
fn a_scottish_act_keeps_its_parts_as_chapters() {
    let i = open("v3/uk_asp-2017-1-enacted-data.akn.xml");
    assert_eq!(i.instrument.title, "Budget (Scotland) Act 2017");
    let part1 = provision(&i, "chp_1");
    assert_eq!((part1.num.as_str(), part1.heading.as_str()), ("1", "Financial year 2017/18"));
    assert_eq!(provision(&i, "chp_1__art_1").heading, "The Scottish Administration");
    let b = provision(&i, "chp_1__art_1__para_1__point_b");
    assert_eq!(b.num, "b");
    assert!(b.text.starts_with("in the case of accruing resources"), "{}", b.text);
    assert!(i.renamed.iter().any(|r| r.source == "section-1-1-a" && r.eid == "chp_1__art_1__para_1__point_a"));
    // Cross-headings are flattened and the schedules (tables) left out,
    // each said.
    assert_eq!(dropped(&i, "groupings inside a chapter").count, 7);
    assert!(dropped(&i, "groupings holding no article").what.contains("schedules"));
    let chapters = i.instrument.provisions.iter().filter(|p| p.kind == ProvisionKind::Chapter).count();
    assert_eq!(chapters, 3);
}

#[test]
fn a_european_bill_in_a_collection_keeps_its_eids() {
    let i = open("v3/eu_COM(2013)0619_EN-8.xml");
    assert!(i.instrument.title.contains("on new psychoactive substances"), "{}", i.instrument.title);
    let chp = provision(&i, "chp_I");
    assert_eq!((chp.num.as_str(), chp.heading.as_str()), ("I", "Subject matter - Scope - Definitions"));
    assert_eq!(provision(&i, "chp_I__art_1").heading, "Subject matter and scope");
    assert!(provision(&i, "chp_I__art_1__para_1").text.starts_with("This Regulation"));
    // Five citations, then the thirty-six numbered recitals.
    let recitals: Vec<&str> =
        i.instrument.provisions.iter().filter(|p| p.kind == ProvisionKind::Recital).map(|p| p.num.as_str()).collect();
    assert_eq!(recitals.len(), 41);
    assert_eq!(recitals[5], "(1)");
    assert_eq!(recitals[40], "(36)");
    assert_eq!(dropped(&i, "other documents of the collection").count, 5);
    assert!(dropped(&i, "footnotes").count >= 10);
}

#[test]
fn a_united_nations_draft_resolution_in_akoma_ntoso_2_opens_in_both_languages() {
    for (path, first, para8) in [
        ("v2/Bill_UN_2012.xml", "Concerned that new psychoactive substances", "Requests the United Nations Office"),
        ("v2/Bill_UN_2012_ES.xml", "Preocupada por el hecho de que", "Solicita a la Oficina de las Naciones Unidas"),
    ] {
        let i = open(path);
        let recitals: Vec<&str> = i
            .instrument
            .provisions
            .iter()
            .filter(|p| p.kind == ProvisionKind::Recital)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(recitals.len(), 5, "{path}");
        assert!(recitals[1].starts_with(first), "{path}: {}", recitals[1]);
        // The operative paragraphs keep their printed numbers; the four
        // left out of the source (omissis) leave a gap.
        let nums: Vec<&str> = i
            .instrument
            .provisions
            .iter()
            .filter(|p| p.kind == ProvisionKind::Paragraph)
            .map(|p| p.num.as_str())
            .collect();
        assert_eq!(nums, ["1.", "2.", "3.", "8."], "{path}");
        assert!(provision(&i, "art_1__para_8").text.starts_with(para8), "{path}");
        // 2.0's `id` is read as the identifier.
        assert!(i.renamed.iter().any(|r| r.source == "itm8" && r.eid == "art_1__para_8"), "{path}: {:?}", i.renamed);
        assert_eq!(dropped(&i, "paragraphs outside any article").count, 1, "{path}");
        assert_eq!(dropped(&i, "footnotes").count, 3, "{path}");
    }
}

/// One provision as Accord models it: eId, kind, number, heading, words.
pub type Row = (String, ProvisionKind, String, String, String);

/// What Accord models of an instrument: the title, and each provision's
/// eId, kind, number, heading and words (the origins are the record's,
/// not the document's).
pub fn modelled(i: &accord_domain::negotiation::text::Instrument) -> (String, Vec<Row>) {
    (
        i.title.clone(),
        i.provisions
            .iter()
            .map(|p| (p.eid.clone(), p.kind, p.num.clone(), p.heading.clone(), p.text.clone()))
            .collect(),
    )
}

/// Import, export (valid against the schema), import: the same
/// instrument, for every document that opens, written either way.
#[test]
fn import_export_import_is_the_identity_on_every_document() {
    for (path, expected) in DOCUMENTS {
        if matches!(expected, Expected::Refused(..)) {
            continue;
        }
        let first = open(path);
        for kind in [DocumentKind::ResolutionDraft, DocumentKind::Treaty] {
            let xml = export::instrument(&first.instrument, &expression(kind), &masthead()).unwrap();
            let name = format!("roundtrip-{}-{}", path.replace(['/', '(', ')'], "_"), kind.name());
            validate(&name, &xml);
            let again = import(xml.as_bytes(), source()).unwrap_or_else(|e| panic!("{path} written back: {e}"));
            assert_eq!(again.version, AknVersion::V3);
            assert_eq!(again.document, kind.element());
            assert_eq!(modelled(&again.instrument), modelled(&first.instrument), "{path} as {}", kind.name());
            assert!(again.renamed.is_empty(), "{path}: {:?}", again.renamed);
            // Only the front matter Accord writes itself is left out.
            for d in &again.dropped {
                assert!(
                    d.what.starts_with("metadata")
                        || d.what.starts_with("the coverPage")
                        || d.what.starts_with("the preface"),
                    "{path}: {d:?}"
                );
            }
        }
    }
}

/// Accord's own draft survives the round trip too.
#[test]
fn an_accord_draft_exports_and_imports_as_itself() {
    let draft = draft();
    let xml = export::instrument(&draft, &expression(DocumentKind::Treaty), &masthead()).unwrap();
    let back = import(xml.as_bytes(), source()).unwrap();
    assert_eq!(modelled(&back.instrument), modelled(&draft));
    assert_eq!(back.instrument, draft, "origins too: one source for every word");
}

/// Every document that opens becomes a process: its zero draft in the
/// domain's convention, every provision's words kept in order, what the
/// convention renumbers and leaves out listed; the domain opens it.
#[test]
fn every_document_that_opens_becomes_a_process() {
    use accord_documents::draft::zero_draft;
    let mut world = crate::world::World::new();
    for (path, expected) in DOCUMENTS {
        if matches!(expected, Expected::Refused(..)) {
            continue;
        }
        let imported = open(path);
        let draft = zero_draft(&imported.instrument).unwrap_or_else(|e| panic!("{path}: {e}"));
        let words = |i: &accord_domain::negotiation::text::Instrument| -> Vec<(ProvisionKind, String, String)> {
            i.provisions
                .iter()
                .filter(|p| {
                    p.kind != ProvisionKind::Chapter || !draft.left_out.iter().any(|d| d.what.starts_with("chapters"))
                })
                .map(|p| (p.kind, p.heading.clone(), p.text.clone()))
                .collect()
        };
        assert_eq!(words(&draft.instrument), words(&imported.instrument), "{path}");
        for r in &draft.renumbered {
            let from = imported.instrument.get(&r.from_eid).unwrap_or_else(|| panic!("{path}: {r:?}"));
            assert_eq!(from.num, r.from_num);
            let to = draft.instrument.get(&r.eid).unwrap_or_else(|| panic!("{path}: {r:?}"));
            assert_eq!((to.num.as_str(), to.kind), (r.num.as_str(), from.kind));
        }
        world.open(&draft.instrument.title, &draft.markdown);
        let process = world.state.processes.last().unwrap();
        assert_eq!(modelled(&process.latest().instrument), modelled(&draft.instrument), "{path}");
    }
    // The United Nations draft resolution: operative paragraphs 1., 2.,
    // 3., 8. become 1. to 4., and that is said.
    let un = zero_draft(&open("v2/Bill_UN_2012.xml").instrument).unwrap();
    let r = un.renumbered.iter().find(|r| r.from_eid == "art_1__para_8").unwrap();
    assert_eq!((r.from_num.as_str(), r.eid.as_str(), r.num.as_str()), ("8.", "art_1__para_4", "4."));
    // The United States act: subsections (a), (b) become paragraphs 1., 2.
    let us = zero_draft(&open("v3/us_Act_2011-11-29.xml").instrument).unwrap();
    let r = us.renumbered.iter().find(|r| r.from_eid == "art_4__para_b").unwrap();
    assert_eq!((r.from_num.as_str(), r.eid.as_str(), r.num.as_str()), ("(b)", "art_4__para_2", "2."));
    // The European bill: its recitals' numbers are not in a draft.
    let eu = zero_draft(&open("v3/eu_COM(2013)0619_EN-8.xml").instrument).unwrap();
    assert_eq!(eu.left_out[0].what, "numbers of recitals (the draft convention numbers none)");
    assert_eq!(eu.left_out[0].count, 36);
}

/// What Accord wrote in its own convention opens unchanged.
#[test]
fn an_accord_export_opens_as_the_same_draft() {
    let draft = draft();
    let xml = export::instrument(&draft, &expression(DocumentKind::ResolutionDraft), &masthead()).unwrap();
    let imported = import(xml.as_bytes(), source()).unwrap();
    let zero = accord_documents::draft::zero_draft(&imported.instrument).unwrap();
    assert!(zero.renumbered.is_empty() && zero.left_out.is_empty(), "{:?} {:?}", zero.renumbered, zero.left_out);
    assert_eq!(modelled(&zero.instrument), modelled(&draft));
    assert_eq!(zero.markdown, accord_domain::negotiation::markdown::to_markdown(&draft));
}

mod generated {
    use std::sync::Arc;

    use accord_documents::export::{self, DocumentKind};
    use accord_documents::import::import;
    use accord_domain::negotiation::text::{Instrument, Origin, Provision, ProvisionKind};
    use proptest::prelude::*;

    use crate::helpers::*;

    /// Words as delegates write them: Latin, accents, Han, Arabic, and
    /// the characters markup is made of.
    fn words() -> impl Strategy<Value = String> {
        proptest::collection::vec("[A-Za-z0-9&<>\"'.,;:()éßç中文件يجب-]{1,9}", 1..8).prop_map(|w| w.join(" "))
    }

    fn provision(eid: String, kind: ProvisionKind, num: String, heading: String, text: String) -> Arc<Provision> {
        let origins = if text.is_empty() { Vec::new() } else { vec![Origin { len: text.len(), source: source() }] };
        Arc::new(Provision { eid, kind, num, heading, text, origins })
    }

    const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
    const SUFFIX: [&str; 3] = ["", "bis", "ter"];

    /// An article: its number's suffix, heading, and paragraphs (numbered
    /// or one unnumbered), each with words and points.
    type Art = (usize, Option<String>, bool, Vec<(String, Vec<String>)>);

    fn article() -> impl Strategy<Value = Art> {
        (
            0usize..3,
            proptest::option::of(words()),
            any::<bool>(),
            proptest::collection::vec(
                (prop_oneof![words(), Just(String::new())], proptest::collection::vec(words(), 0..3)),
                1..4,
            ),
        )
    }

    fn instrument() -> impl Strategy<Value = Instrument> {
        (
            words(),
            proptest::collection::vec(words(), 0..4),
            any::<bool>(),
            proptest::collection::vec(proptest::collection::vec(article(), 1..3), 1..4),
        )
            .prop_map(|(title, recitals, chapters, groups)| {
                let mut ps = Vec::new();
                for (k, r) in recitals.into_iter().enumerate() {
                    ps.push(provision(
                        format!("preamble__recital_{}", k + 1),
                        ProvisionKind::Recital,
                        String::new(),
                        String::new(),
                        r,
                    ));
                }
                let mut n = 0;
                for (c, arts) in groups.into_iter().enumerate() {
                    let prefix = if chapters {
                        let eid = format!("chp_{}", c + 1);
                        ps.push(provision(
                            eid.clone(),
                            ProvisionKind::Chapter,
                            ROMAN[c].to_owned(),
                            format!("Part {}", c + 1),
                            String::new(),
                        ));
                        format!("{eid}__")
                    } else {
                        String::new()
                    };
                    for (suffix, heading, numbered, paras) in arts {
                        n += 1;
                        let (id, num) = match SUFFIX[suffix] {
                            "" => (n.to_string(), n.to_string()),
                            s => (format!("{n}{s}"), format!("{n} {s}")),
                        };
                        let art = format!("{prefix}art_{id}");
                        ps.push(provision(
                            art.clone(),
                            ProvisionKind::Article,
                            num,
                            heading.unwrap_or_default(),
                            String::new(),
                        ));
                        let paras = if numbered { paras } else { paras.into_iter().take(1).collect() };
                        for (k, (text, points)) in paras.into_iter().enumerate() {
                            let para = format!("{art}__para_{}", k + 1);
                            let num = if numbered { format!("{}.", k + 1) } else { String::new() };
                            // A paragraph without points has words.
                            let text = if text.is_empty() && points.is_empty() { "Words.".to_owned() } else { text };
                            ps.push(provision(para.clone(), ProvisionKind::Paragraph, num, String::new(), text));
                            for (j, t) in points.into_iter().enumerate() {
                                let letter = (b'a' + j as u8) as char;
                                ps.push(provision(
                                    format!("{para}__point_{letter}"),
                                    ProvisionKind::Point,
                                    format!("({letter})"),
                                    String::new(),
                                    t,
                                ));
                            }
                        }
                    }
                }
                Instrument { title, provisions: ps }
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// Any instrument Accord holds, written as Akoma Ntoso and read
        /// back, is itself: title, eIds, numbers, headings and words.
        #[test]
        fn export_then_import_is_the_identity(inst in instrument(), treaty in any::<bool>()) {
            let kind = if treaty { DocumentKind::Treaty } else { DocumentKind::ResolutionDraft };
            let xml = export::instrument(&inst, &expression(kind), &masthead()).unwrap();
            let back = import(xml.as_bytes(), source()).unwrap_or_else(|e| panic!("{e}\n{xml}"));
            prop_assert_eq!(&back.instrument, &inst);
            prop_assert!(back.renamed.is_empty());
        }
    }

    /// A few of them checked against the schema too.
    #[test]
    fn generated_instruments_are_valid_akoma_ntoso() {
        use proptest::strategy::ValueTree;
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        for k in 0..6 {
            let inst = instrument().new_tree(&mut runner).unwrap().current();
            let kind = if k % 2 == 0 { DocumentKind::Treaty } else { DocumentKind::ResolutionDraft };
            let xml = export::instrument(&inst, &expression(kind), &masthead()).unwrap();
            validate(&format!("generated-{k}"), &xml);
        }
    }
}
