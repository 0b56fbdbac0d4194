//! A meeting's summary record as an Akoma Ntoso `debate name="summaryRecord"`.
//!
//! Written from the state Accord keeps of the meeting ([`Meeting`] and
//! the decisions taken at it), in the schema's order:
//! - `meta`: FRBR identification (work
//!   `/akn/un/debate/summaryRecord/2026-11-30/A-AC.292-2026-SR.1`,
//!   expression `…/eng@v1`); `analysis/parliamentary` with one
//!   `quorumVerification` (the members present) and, for each recorded
//!   vote, a `voting` whose `count`s are the tally (yes, no, abstentions,
//!   present and voting, the majority required) and whose `outcome` is the
//!   decision; `references` with a `TLCOrganization` per member named in
//!   the record (`member_CHN`, shown by the member's name), the outcomes and
//!   choices as `TLCConcept`s;
//! - `coverPage`: the forum, the symbol, distribution, the meeting's date
//!   and original language, the session;
//! - `preface`: "Summary record of the 1st meeting", held at (`location`)
//!   on (`docDate`);
//! - `debateBody`: the attendance (`rollCall`, one `organization` per
//!   member present); one `debateSection name="agendaItem"` per item of
//!   the agenda (`num` its label, `heading` its title) holding a `speech`
//!   per delegation that spoke, in the order the floor was given (`by`
//!   the member, `class` `statement`, `pointOfOrder` or `rightOfReply`,
//!   `from` its name, one `p` per line of what it said, or the file it
//!   circulated); then `debateSection name="decisions"`, one
//!   `debateSection name="decision"` per decision taken at the meeting:
//!   what was decided, how (consensus, with the objections; or recorded
//!   vote, with the tally and each member's vote), the outcome, and the
//!   explanations of vote as speeches.

use std::collections::BTreeSet;

use accord_domain::decisions::{Choice, Decision, Meeting, Method, Outcome, Target};
use accord_domain::error::Refusal;
use accord_domain::ids::MemberCode;
use accord_domain::negotiation::text::label_of;
use accord_domain::State;

use crate::export::{cover_page, date_shown, invalid, member_ref, meta, DocumentKind, Expression, Masthead};
use crate::xml::Writer;
use crate::AKN_NAMESPACE;

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn outcome_concept(o: Outcome) -> (&'static str, &'static str) {
    match o {
        Outcome::Adopted => ("adopted", "adopted"),
        Outcome::AgreedAdReferendum => ("agreedAdReferendum", "agreed ad referendum"),
        Outcome::NotAdopted => ("notAdopted", "not adopted"),
    }
}

/// The name a member goes by in the record, or its code.
fn name_of(state: &State, m: &MemberCode) -> String {
    state.members.get(m).map_or_else(|| m.as_str().to_owned(), |x| x.name.as_str().to_owned())
}

/// What a decision was on, in words: "P-4 (delete words in article 2,
/// paragraph 1) in Framework".
fn subject(state: &State, d: &Decision) -> String {
    let process = state.processes.get(d.process as usize - 1);
    let title = process.map_or(String::new(), |p| p.title.clone());
    let what = match &d.target {
        Target::Proposal(id) => match process.and_then(|p| p.proposal(*id).ok()) {
            Some(p) => {
                format!("proposal P-{id} by {} ({} in {})", p.proposer.as_str(), p.kind.label(), label_of(&p.eid))
            }
            None => format!("proposal P-{id}"),
        },
        Target::Provision(eid) => label_of(eid),
        Target::Instrument => "the instrument as a whole".to_owned(),
    };
    match &d.version {
        Some(v) => format!("{what}, {title}, version {v}"),
        None => format!("{what}, {title}"),
    }
}

/// Writes the summary record of meeting `meeting` of the record `state`.
///
/// The masthead's forum, symbol (the record's own, such as
/// `A/AC.292/2026/SR.1`), distribution and original language are printed;
/// the date and the session are the meeting's, and the agenda item is not
/// used (the body lists the agenda). `language` is the expression's ISO
/// 639-2 code. Refused with `unknown_meeting` for a meeting the record
/// does not hold.
pub fn summary_record(state: &State, meeting: u64, language: &str, masthead: &Masthead) -> Result<String, Refusal> {
    let m: &Meeting = state.proceedings.meeting(meeting)?;
    let session = state
        .proceedings
        .sessions
        .get((m.session as usize).wrapping_sub(1))
        .map(|s| s.title.clone())
        .unwrap_or_default();
    let masthead = Masthead { date: m.date.clone(), session, agenda_item: "-".to_owned(), ..masthead.clone() };
    masthead.check()?;
    let expression = Expression {
        kind: DocumentKind::ResolutionDraft,
        language: language.to_owned(),
        version: 1,
        version_name: None,
    };
    expression.check()?;
    if m.place.is_empty() {
        return Err(invalid("the meeting has no place".to_owned()));
    }
    let decisions: Vec<&Decision> = state.proceedings.decisions.iter().filter(|d| d.meeting == Some(meeting)).collect();
    let votes: Vec<_> = decisions
        .iter()
        .filter(|d| d.method == Method::Vote)
        .filter_map(|d| state.proceedings.vote(d.procedure).ok().map(|v| (*d, v)))
        .collect();

    // Every member the record names.
    let mut named: BTreeSet<&MemberCode> = m.present.iter().collect();
    for item in &m.agenda {
        named.extend(item.requests.iter().filter(|r| r.statement.is_some() || r.file.is_some()).map(|r| &r.member));
    }
    for d in &decisions {
        named.extend(d.objections.iter().map(|(m, _)| m));
    }
    for (_, v) in &votes {
        named.extend(v.ballots.keys());
        named.extend(v.explanations.iter().map(|(m, ..)| m));
    }

    let title = format!("Summary record of the {} meeting", ordinal(m.number));
    let mut w = Writer::new();
    w.open("akomaNtoso", &[("xmlns", AKN_NAMESPACE)]);
    w.open("debate", &[("name", "summaryRecord")]);
    meta(
        &mut w,
        "debate",
        "summaryRecord",
        &title,
        &masthead,
        &expression,
        &std::collections::BTreeMap::new(),
        |w| {
            w.open("analysis", &[("source", "#accord")]);
            w.open("parliamentary", &[]);
            w.open("quorumVerification", &[("eId", "quorumVerification_1"), ("refersTo", "#present")]);
            w.empty(
                "quorum",
                &[
                    ("eId", "quorumVerification_1__present"),
                    ("value", &m.present.len().to_string()),
                    ("refersTo", "#present"),
                ],
            );
            w.close("quorumVerification");
            for (d, _) in &votes {
                let Some(t) = d.tally else { continue };
                let id = format!("decision_{}__voting", d.id);
                let outcome = format!("#{}", outcome_concept(d.outcome).0);
                let target = format!("#decision_{}", d.id);
                w.open("voting", &[("eId", &id), ("outcome", &outcome), ("href", &target)]);
                for (what, n) in [
                    ("yes", t.yes),
                    ("no", t.no),
                    ("abstain", t.abstain),
                    ("presentAndVoting", t.present_and_voting),
                    ("required", t.required),
                ] {
                    w.empty(
                        "count",
                        &[
                            ("eId", &format!("{id}__{what}")),
                            ("value", &n.to_string()),
                            ("refersTo", &format!("#{what}")),
                        ],
                    );
                }
                w.close("voting");
            }
            w.close("parliamentary");
            w.close("analysis");
        },
        |w| {
            for code in &named {
                w.empty(
                    "TLCOrganization",
                    &[
                        ("eId", &member_ref(code)[1..]),
                        ("href", &format!("/akn/ontology/organization/un/{}", code.as_str())),
                        ("showAs", &name_of(state, code)),
                    ],
                );
            }
            w.empty(
                "TLCLocation",
                &[("eId", "place"), ("href", "/akn/ontology/location/un/meetingPlace"), ("showAs", &m.place)],
            );
            for (id, shown) in [
                ("adopted", "Adopted"),
                ("agreedAdReferendum", "Agreed ad referendum"),
                ("notAdopted", "Not adopted"),
                ("present", "Members present"),
                ("yes", "In favour"),
                ("no", "Against"),
                ("abstain", "Abstaining"),
                ("presentAndVoting", "Present and voting"),
                ("required", "Majority required"),
            ] {
                w.empty(
                    "TLCConcept",
                    &[("eId", id), ("href", &format!("/akn/ontology/concept/un/{id}")), ("showAs", shown)],
                );
            }
        },
    );
    cover_page(&mut w, &masthead, false);
    w.open("preface", &[]);
    w.open("longTitle", &[("eId", "longTitle")]);
    w.line_open("p", &[]);
    w.inline_open("docTitle", &[]);
    w.raw_text(&title);
    w.inline_close("docTitle");
    w.line_close("p");
    w.close("longTitle");
    w.line_open("p", &[]);
    w.raw_text("Held at ");
    w.inline_open("location", &[("refersTo", "#place")]);
    w.raw_text(&m.place);
    w.inline_close("location");
    w.raw_text(" on ");
    w.inline_open("docDate", &[("date", &m.date)]);
    w.raw_text(&date_shown(&m.date));
    w.inline_close("docDate");
    w.line_close("p");
    w.close("preface");

    w.open("debateBody", &[]);
    w.open("rollCall", &[("eId", "rollCall")]);
    w.text("heading", &[], "Attendance");
    w.line_open("p", &[]);
    if m.present.is_empty() {
        w.raw_text("No delegation registered its presence.");
    } else {
        w.raw_text("Present: ");
        for (i, code) in m.present.iter().enumerate() {
            if i > 0 {
                w.raw_text(", ");
            }
            w.inline_open("organization", &[("refersTo", &member_ref(code))]);
            w.raw_text(&name_of(state, code));
            w.inline_close("organization");
        }
        w.raw_text(".");
    }
    w.line_close("p");
    w.close("rollCall");

    for item in &m.agenda {
        let id = format!("item_{}", item.number);
        w.open("debateSection", &[("eId", &id), ("name", "agendaItem")]);
        w.text("num", &[], &item.label);
        w.text("heading", &[], &item.title);
        // Speakers in the order the chair gave them the floor.
        let mut spoke: Vec<_> =
            item.requests.iter().filter(|r| r.given.is_some() && (r.statement.is_some() || r.file.is_some())).collect();
        spoke.sort_by_key(|r| (r.given, r.number));
        if spoke.is_empty() {
            w.text("p", &[], "No delegation took the floor.");
        }
        for r in spoke {
            let class = match r.kind {
                accord_domain::decisions::FloorKind::PointOfOrder => "pointOfOrder",
                accord_domain::decisions::FloorKind::Statement => "statement",
                accord_domain::decisions::FloorKind::RightOfReply => "rightOfReply",
            };
            let sid = format!("{id}__speech_{}", r.number);
            w.open("speech", &[("eId", &sid), ("by", &member_ref(&r.member)), ("class", class)]);
            let from = match class {
                "pointOfOrder" => format!("{} (point of order)", name_of(state, &r.member)),
                "rightOfReply" => format!("{} (right of reply)", name_of(state, &r.member)),
                _ => name_of(state, &r.member),
            };
            w.text("from", &[], &from);
            if let Some(text) = &r.statement {
                for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    w.text("p", &[], line);
                }
            }
            if let Some((hash, name)) = &r.file {
                w.text("p", &[], &format!("Statement circulated as the file {name} (SHA-256 {hash})."));
            }
            w.close("speech");
        }
        w.close("debateSection");
    }

    w.open("debateSection", &[("eId", "decisions"), ("name", "decisions")]);
    w.text("heading", &[], "Decisions");
    if decisions.is_empty() {
        w.text("p", &[], "No decision was taken at the meeting.");
    }
    for d in &decisions {
        let id = format!("decision_{}", d.id);
        w.open("debateSection", &[("eId", &id), ("name", "decision")]);
        w.text("num", &[], &format!("Decision {}", d.id));
        w.text("heading", &[], &subject(state, d));
        let (concept, outcome) = outcome_concept(d.outcome);
        let confirmed = if d.outcome == Outcome::AgreedAdReferendum && d.confirmed_entry.is_some() {
            ", since confirmed"
        } else {
            ""
        };
        match d.method {
            Method::Consensus => {
                w.line_open("p", &[]);
                w.raw_text("Put to the meeting for adoption without a vote: ");
                w.inline_open("inline", &[("name", "outcome"), ("refersTo", &format!("#{concept}"))]);
                w.raw_text(outcome);
                w.inline_close("inline");
                w.raw_text(&format!("{confirmed}."));
                w.line_close("p");
                for (k, (who, reason)) in d.objections.iter().enumerate() {
                    w.open(
                        "speech",
                        &[
                            ("eId", &format!("{id}__objection_{}", k + 1)),
                            ("by", &member_ref(who)),
                            ("class", "objection"),
                        ],
                    );
                    w.text("from", &[], &format!("{} (objection)", name_of(state, who)));
                    w.text("p", &[], reason);
                    w.close("speech");
                }
            }
            Method::Vote | Method::Silence => {
                let vote = votes.iter().find(|(x, _)| x.id == d.id).map(|(_, v)| *v);
                w.line_open("p", &[]);
                match (d.tally, vote) {
                    (Some(t), Some(v)) => {
                        w.raw_text(&format!(
                            "Recorded vote ({} majority): {} in favour, {} against, {} abstaining; {} present and voting, {} required: ",
                            v.majority.label(),
                            t.yes,
                            t.no,
                            t.abstain,
                            t.present_and_voting,
                            t.required
                        ));
                    }
                    _ => w.raw_text("Decided: "),
                }
                w.inline_open("inline", &[("name", "outcome"), ("refersTo", &format!("#{concept}"))]);
                w.raw_text(outcome);
                w.inline_close("inline");
                w.raw_text(&format!("{confirmed}."));
                w.line_close("p");
                if let Some(v) = vote {
                    for (choice, words) in
                        [(Choice::Yes, "In favour"), (Choice::No, "Against"), (Choice::Abstain, "Abstaining")]
                    {
                        let who: Vec<&MemberCode> =
                            v.ballots.iter().filter(|(_, c)| **c == choice).map(|(m, _)| m).collect();
                        w.line_open("p", &[]);
                        w.raw_text(&format!("{words}: "));
                        if who.is_empty() {
                            w.raw_text("none");
                        }
                        for (i, code) in who.iter().enumerate() {
                            if i > 0 {
                                w.raw_text(", ");
                            }
                            w.inline_open("organization", &[("refersTo", &member_ref(code))]);
                            w.raw_text(&name_of(state, code));
                            w.inline_close("organization");
                        }
                        w.raw_text(".");
                        w.line_close("p");
                    }
                    for (k, (who, before, text, _)) in v.explanations.iter().enumerate() {
                        let when = if *before { "before the vote" } else { "after the vote" };
                        w.open(
                            "speech",
                            &[
                                ("eId", &format!("{id}__explanation_{}", k + 1)),
                                ("by", &member_ref(who)),
                                ("class", "explanationOfVote"),
                            ],
                        );
                        w.text("from", &[], &format!("{} (explanation of vote {when})", name_of(state, who)));
                        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                            w.text("p", &[], line);
                        }
                        w.close("speech");
                    }
                }
            }
        }
        w.close("debateSection");
    }
    w.close("debateSection");
    w.close("debateBody");
    w.close("debate");
    w.close("akomaNtoso");
    Ok(w.finish())
}

#[cfg(test)]
mod tests {
    #[test]
    fn ordinals() {
        let o: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].into_iter().map(super::ordinal).collect();
        assert_eq!(o, ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]);
    }
}
