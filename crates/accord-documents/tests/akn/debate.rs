//! A meeting's summary record as an Akoma Ntoso debate.

use accord_documents::debate::summary_record;
use accord_documents::export::Masthead;
use accord_documents::import::import;

use crate::helpers::*;
use crate::world::World;

fn record_masthead() -> Masthead {
    Masthead { symbol: "A/AC.292/2026/SR.1".to_owned(), ..masthead() }
}

#[test]
fn a_meeting_summary_record_is_a_valid_debate() {
    let w = World::with_meeting();
    let xml = summary_record(&w.state, 1, "eng", &record_masthead()).unwrap();
    validate("summary-record-1", &xml);
    assert!(xml.contains("<debate name=\"summaryRecord\">"), "{xml}");
    assert!(
        xml.contains("<FRBRuri value=\"/akn/un/debate/summaryRecord/2026-11-30/A-AC.292-2026-SR.1/eng@v1\"/>"),
        "{xml}"
    );
    assert!(xml.contains("<docTitle>Summary record of the 1st meeting</docTitle>"));
    assert!(xml.contains("Held at <location refersTo=\"#place\">Conference Room 4</location> on <docDate date=\"2026-11-30\">30 November 2026</docDate>"), "{xml}");
    assert!(xml.contains("<session value=\"Third substantive session\">"), "{xml}");
    // Attendance: the five delegations that registered, by name.
    assert!(xml.contains("Present: <organization refersTo=\"#member_BRA\">Brazil</organization>, <organization refersTo=\"#member_CHN\">China</organization>, <organization refersTo=\"#member_FRA\">France</organization>"), "{xml}");
    assert!(!xml.contains("refersTo=\"#member_EGY\""), "Egypt was not there: {xml}");
    assert!(xml.contains("<quorum eId=\"quorumVerification_1__present\" value=\"5\" refersTo=\"#present\"/>"));
    // Speakers in the order the floor was given: the point of order first.
    let chn =
        xml.find("<speech eId=\"item_1__speech_1\" by=\"#member_CHN\" class=\"statement\">").expect("China spoke");
    let fra = xml.find("<speech eId=\"item_1__speech_3\" by=\"#member_FRA\" class=\"pointOfOrder\">").expect("France");
    let ken = xml.find("<speech eId=\"item_1__speech_2\" by=\"#member_KEN\" class=\"statement\">").expect("Kenya");
    assert!(chn < fra && fra < ken, "{xml}");
    assert!(xml.contains("<from>France (point of order)</from>"));
    assert!(xml.contains("<p>China supports a framework based on the Charter &amp; on &lt;trust&gt;.</p>"));
    assert!(xml.contains("<p>Kenya calls for capacity-building.</p>\n"), "one p a line: {xml}");
    assert!(xml.contains("<p>It supports proposal P-1.</p>"));
    assert!(xml.contains("<heading>Consideration of the framework</heading>\n"));
    assert!(xml.contains("<p>No delegation took the floor.</p>"), "item 2");
    // The recorded vote on P-4, its tally, each member's vote.
    assert!(xml.contains("<voting eId=\"decision_1__voting\" outcome=\"#notAdopted\" href=\"#decision_1\">"), "{xml}");
    for (what, n) in [("yes", 2), ("no", 2), ("abstain", 1), ("presentAndVoting", 4), ("required", 3)] {
        assert!(
            xml.contains(&format!("<count eId=\"decision_1__voting__{what}\" value=\"{n}\" refersTo=\"#{what}\"/>")),
            "{what}: {xml}"
        );
    }
    assert!(
        xml.contains("proposal P-4 by FRA (delete words in article 2, paragraph 1), Framework, version 1"),
        "{xml}"
    );
    assert!(xml.contains("Recorded vote (simple majority): 2 in favour, 2 against, 1 abstaining; 4 present and voting, 3 required: <inline name=\"outcome\" refersTo=\"#notAdopted\">not adopted</inline>."), "{xml}");
    assert!(xml.contains("In favour: <organization refersTo=\"#member_FRA\">France</organization>, <organization refersTo=\"#member_USA\">United States of America</organization>."), "{xml}");
    assert!(xml.contains("Abstaining: <organization refersTo=\"#member_KEN\">Kenya</organization>."));
    assert!(xml.contains("<from>Brazil (explanation of vote before the vote)</from>"), "{xml}");
    assert!(xml.contains("<p>Brazil voted against: &quot;all&quot; matters.</p>"));
    // The consensus on P-2, blocked by France.
    assert!(xml.contains("Put to the meeting for adoption without a vote: <inline name=\"outcome\" refersTo=\"#notAdopted\">not adopted</inline>."), "{xml}");
    assert!(xml.contains("<speech eId=\"decision_2__objection_1\" by=\"#member_FRA\" class=\"objection\">"));
    assert!(xml.contains("<p>May is too weak.</p>"));
    // Every member the record names has its TLCOrganization.
    for (code, name) in
        [("BRA", "Brazil"), ("CHN", "China"), ("FRA", "France"), ("KEN", "Kenya"), ("USA", "United States of America")]
    {
        assert!(
            xml.contains(&format!("<TLCOrganization eId=\"member_{code}\" href=\"/akn/ontology/organization/un/{code}\" showAs=\"{name}\"/>")),
            "{code}: {xml}"
        );
    }
    // Accord does not open debates: it refuses its own, saying why.
    let e = import(xml.as_bytes(), source()).unwrap_err();
    assert_eq!(e.code, "unsupported_document");
    assert!(e.message.contains("debate"), "{e}");
}

#[test]
fn a_meeting_without_speakers_or_decisions_is_still_a_valid_record() {
    let mut w = World::new();
    w.act(
        "sec",
        accord_domain::EntryBody::SessionOpened(accord_domain::decisions::SessionOpened {
            title: "First session".into(),
        }),
    );
    w.act(
        "sec",
        accord_domain::EntryBody::MeetingScheduled(accord_domain::decisions::MeetingScheduled {
            session: 1,
            date: "2027-01-12".into(),
            place: "Room XVII".into(),
        }),
    );
    let xml = summary_record(&w.state, 1, "fra", &record_masthead()).unwrap();
    validate("summary-record-empty", &xml);
    assert!(xml.contains("No delegation registered its presence."));
    assert!(xml.contains("No decision was taken at the meeting."));
    assert!(xml.contains("/2027-01-12/A-AC.292-2026-SR.1/fra@v1"), "{xml}");
    assert_eq!(summary_record(&w.state, 2, "eng", &record_masthead()).unwrap_err().code, "unknown_meeting");
    assert_eq!(summary_record(&w.state, 1, "english", &record_masthead()).unwrap_err().code, "invalid_masthead");
}
