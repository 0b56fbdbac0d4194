//! Every .docx export, opened by LibreOffice: converted to PDF without
//! error, its words found in the PDF's text, its footnotes and tracked
//! changes counted in LibreOffice's own flat ODF conversion.

use std::collections::BTreeSet;

use accord_documents::docx::{self, Backers, ByVersions};
use accord_documents::draft::zero_draft;
use accord_domain::entry::EntryBody;
use accord_domain::negotiation::rolling::{rolling_text, View};

use super::office::{pdf_text, to_fodt, to_pdf};
use crate::helpers::*;
use crate::world::World;

/// The words of a PDF's text, white space made single spaces.
fn words(pdf: &[u8]) -> String {
    pdf_text(pdf).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_clean_text_opens_in_libreoffice_with_its_masthead_and_reads_back() {
    let draft = draft();
    let bytes = docx::instrument(&draft, &masthead()).unwrap();
    let text = words(&to_pdf("clean", &bytes));
    for expected in [
        "A/AC.292/2026/L.1/Rev.2",
        "Distr.: Limited",
        "2 March 2026",
        "Original: English",
        "Third substantive session",
        "Item 5 of the provisional agenda",
        "Framework on Responsible Behaviour in Cyberspace",
        "Recalling the Charter of the United Nations & its purposes,",
        "Noting that <b>markup</b> is text,",
        "Chapter I General provisions",
        "Article 1 Purpose",
        "(b) strengthen \"trust\".",
        "This Framework applies to all States.",
    ] {
        assert!(text.contains(expected), "{expected:?} not in the PDF: {text}");
    }
    // Accord's own reader gives back the version, as the zero draft.
    let back = docx::import(&bytes, source()).unwrap();
    let zero = zero_draft(&back.instrument).unwrap();
    assert_eq!(crate::import::modelled(&zero.instrument), crate::import::modelled(&draft));
    assert!(zero.renumbered.is_empty(), "{:?}", zero.renumbered);
    assert_eq!(back.dropped.len(), 1, "{:?}", back.dropped);
    assert_eq!(back.dropped[0].what, "paragraphs above the title (a masthead)");
    assert_eq!(back.dropped[0].count, 7);
}

#[test]
fn the_rolling_text_has_bold_brackets_and_the_members_in_footnotes_or_inline() {
    let w = World::with_proposals();
    let process = &w.state.processes[0];
    let rolling = rolling_text(process, &View::All);
    assert_eq!((rolling.brackets, rolling.options), (4, 9), "{}", rolling.to_plain());

    let footnotes = docx::rolling_text(&rolling, &masthead(), &w.state.members, Backers::Footnote).unwrap();
    let text = words(&to_pdf("rolling-footnotes", &footnotes));
    assert!(text.contains("States [shall1 / should2 / may3] cooperate"), "{text}");
    assert!(text.contains("1 Original text. Supported by France (FRA)."), "{text}");
    assert!(text.contains("2 P-1: Brazil (BRA), China (CHN), Kenya (KEN)."), "{text}");
    assert!(text.contains("3 P-2: Egypt (EGY)."), "{text}");
    // The paragraph P-3 would insert: nothing, or its words.
    assert!(text.contains("2 bis. (proposed in P-3) [4 / States shall exchange information on threats.5]"), "{text}");
    assert!(text.contains("4 brackets, 9 options"), "{text}");
    // One footnote per option, as LibreOffice reads the file.
    let fodt = to_fodt("rolling-footnotes", &footnotes);
    assert_eq!(fodt.matches("<text:note ").count(), rolling.options, "{fodt}");
    // The brackets and the separators are bold.
    assert!(fodt.contains("fo:font-weight=\"bold\""), "{fodt}");

    let inline = docx::rolling_text(&rolling, &masthead(), &w.state.members, Backers::Inline).unwrap();
    let text = words(&to_pdf("rolling-inline", &inline));
    assert!(
        text.contains("States [shall (original; FRA) / should (P-1; BRA, CHN, KEN) / may (P-2; EGY)] cooperate"),
        "{text}"
    );
    let fodt = to_fodt("rolling-inline", &inline);
    assert_eq!(fodt.matches("<text:note ").count(), 0);
    // Read back, the rolling text is its version's words with the options
    // beside them: Accord does not take a rolling text for a draft.
    assert!(docx::import(&inline, source()).is_ok());
}

#[test]
fn the_compilation_lists_each_proposal_after_its_article() {
    let w = World::with_proposals();
    let process = &w.state.processes[0];
    let proposals: Vec<_> = process.proposals.iter().collect();
    let bytes = docx::compilation(&process.latest().instrument, &proposals, &masthead(), &w.state.members).unwrap();
    let text = words(&to_pdf("compilation", &bytes));
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s:?} not in the compilation: {text}"));
    let article_1 = at("Article 1 Purpose");
    let p1 = at("P-1 (China (CHN); co-sponsored by Brazil (BRA)), on article 1, paragraph 2, tabled: Replace “shall” with “should”");
    let justification = at("Justification: Softer wording builds trust.");
    let p3 = at("P-3 (United States of America (USA)), on article 1, paragraph 2, tabled: Insert after article 1, paragraph 2: “States shall exchange information on threats.”");
    let article_2 = at("Article 2");
    let p4 = at("P-4 (France (FRA)), on article 2, paragraph 1, tabled: Delete “all”");
    let chapter_2 = at("Chapter II Final provisions");
    let p5 = at("P-5 (Kenya (KEN)), on article 3, tabled: Replace the heading with “Entry into force & <effect>”");
    assert!(
        article_1 < p1
            && p1 < justification
            && p1 < p3
            && p3 < article_2
            && article_2 < p4
            && p4 < chapter_2
            && chapter_2 < p5
    );
    assert!(text.contains("5 proposals"));
}

/// Three proposals agreed (China's word, France's deletion, the United
/// States' new paragraph): the redline from the zero draft holds each as
/// a tracked change in the member's name, which LibreOffice reads.
#[test]
fn the_redline_is_tracked_changes_in_the_names_of_those_who_made_them() {
    let mut w = World::with_proposals();
    for p in [1, 4, 3] {
        w.on("chair", p, EntryBody::ProposalAgreed);
    }
    let process = &w.state.processes[0];
    assert_eq!(process.latest().number, 4);
    let (old, new) = (&process.version(1).unwrap().instrument, &process.latest().instrument);
    let authors = ByVersions::new(process, 1, 4, &w.state.members);
    let bytes = docx::redline(old, new, "Redline from version 1 to version 4", &masthead(), &authors).unwrap();
    let text = words(&to_pdf("redline", &bytes));
    assert!(text.contains("Redline from version 1 to version 4"), "{text}");
    let fodt = to_fodt("redline", &bytes);
    // LibreOffice's own count of the changes: "shall" deleted and
    // "should" inserted (China), "all " deleted (France), the new
    // paragraph inserted (the United States).
    let regions = fodt.matches("<text:changed-region ").count();
    let insertions = fodt.matches("<text:insertion>").count();
    let deletions = fodt.matches("<text:deletion>").count();
    assert_eq!((insertions, deletions), (2, 2), "{regions} regions:\n{fodt}");
    assert_eq!(regions, 4);
    let creators: BTreeSet<&str> =
        fodt.split("<dc:creator>").skip(1).filter_map(|s| s.split("</dc:creator>").next()).collect();
    assert_eq!(creators, BTreeSet::from(["China", "France", "United States of America"]), "{fodt}");
    // As LibreOffice reads them, accepting every change gives the newer
    // words, rejecting every one the older.
    let (accepted, rejected) = accepted_and_rejected(&fodt);
    for words in
        ["2. States should cooperate.", "2 bis. States shall exchange information on threats.", "applies to States."]
    {
        assert!(accepted.contains(words), "{words:?} accepted: {accepted}");
    }
    for words in ["States shall cooperate", "all States"] {
        assert!(!accepted.contains(words), "{words:?} accepted: {accepted}");
    }
    for words in ["2. States shall cooperate.", "applies to all States."] {
        assert!(rejected.contains(words), "{words:?} rejected: {rejected}");
    }
    for words in ["should", "exchange information", "2 bis"] {
        assert!(!rejected.contains(words), "{words:?} rejected: {rejected}");
    }
    // Accepting every change gives the newer version: Accord's reader
    // takes insertions and leaves deletions out.
    let back = docx::import(&bytes, source()).unwrap();
    let words = |i: &accord_domain::negotiation::text::Instrument| -> Vec<(String, String, String)> {
        i.provisions.iter().map(|p| (p.num.clone(), p.heading.clone(), p.text.clone())).collect()
    };
    assert_eq!(words(&back.instrument), words(new));
}

/// The words of a flat ODF text with every tracked change accepted, and
/// with every one rejected: LibreOffice marks both insertions and
/// deletions as ranges (`text:change-start`/`text:change-end`) whose kind
/// the `text:tracked-changes` regions say.
fn accepted_and_rejected(fodt: &str) -> (String, String) {
    let doc = roxmltree::Document::parse(fodt).expect("LibreOffice writes XML");
    let text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    let mut kinds = std::collections::HashMap::new();
    for region in doc.descendants().filter(|n| n.has_tag_name((text_ns, "changed-region"))) {
        let id = region.attribute((text_ns, "id")).unwrap_or_default();
        let inserted = region.children().any(|c| c.has_tag_name((text_ns, "insertion")));
        kinds.insert(id.to_owned(), inserted);
    }
    let body = doc
        .descendants()
        .find(|n| n.has_tag_name(("urn:oasis:names:tc:opendocument:xmlns:office:1.0", "text")))
        .unwrap();
    let (mut accepted, mut rejected) = (String::new(), String::new());
    let mut open: Vec<bool> = Vec::new();
    let mut ids: Vec<String> = Vec::new();
    for n in body.descendants() {
        if n.ancestors().any(|a| a.has_tag_name((text_ns, "tracked-changes"))) {
            continue;
        }
        let name = n.tag_name().name();
        let change = n.attribute((text_ns, "change-id")).map(str::to_owned);
        if n.is_element() && name == "change-start" {
            let id = change.unwrap();
            open.push(kinds[&id]);
            ids.push(id);
        } else if n.is_element() && name == "change-end" {
            let id = change.unwrap();
            if let Some(i) = ids.iter().position(|x| *x == id) {
                ids.remove(i);
                open.remove(i);
            }
        } else if n.is_element() && matches!(name, "p" | "h" | "tab" | "line-break" | "s") {
            accepted.push(' ');
            rejected.push(' ');
        } else if n.is_text() {
            let t = n.text().unwrap_or_default();
            if !open.contains(&false) {
                accepted.push_str(t);
            }
            if !open.contains(&true) {
                rejected.push_str(t);
            }
        }
    }
    let tidy = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
    (tidy(accepted), tidy(rejected))
}
