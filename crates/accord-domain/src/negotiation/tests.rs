#![allow(clippy::too_many_lines)]

//! Negotiation scenarios and properties, through prepare → encode → apply
//! as the store runs them, and replay from the encoded bytes.

use std::collections::HashMap;

use proptest::prelude::*;

use super::rolling::{rolling_text, Span, View};
use super::text::{Instrument, ProvisionKind, SourceKind};
use super::*;
use crate::blob::BlobRef;
use crate::entry::{Entry, EntryBody};
use crate::error::Refusal;
use crate::ids::{DelegateId, MemberCode};
use crate::ids::{DisplayName, LanguageTag};
use crate::state::{Action, MemberKind, OrganisationCategory, Principal};
use crate::state::{MemberRole, MemberStatus, OfficerRole, State};

pub(crate) const DRAFT: &str = "# Framework on Testing\n\n## Preamble\n\nRecognising that States shall cooperate,\n\n## Chapter I — General\n\n### Article 1 — Purpose\n\n1. States shall cooperate in good faith and shall exchange information.\n\n2. States should, as appropriate, protect critical infrastructure:\n   (a) energy;\n   (b) water.\n\n### Article 2 — Scope\n\n1. This Framework applies to States.\n\n## Chapter II — Final\n\n### Article 3 — Review\n\n1. The Conference shall review this Framework.\n";

/// The `forum.established` entry of a forum following `edition` (`None`:
/// a record from before editions, which the writer no longer makes).
fn established(edition: Option<u32>) -> Entry {
    Entry {
        index: 0,
        time: 1_000,
        actor: crate::entry::Actor::System,
        body: EntryBody::ForumEstablished(crate::entry::ForumSettings {
            name: name("Forum"),
            languages: LanguageTag::un_languages(),
            log: None,
            edition,
        }),
        signature: None,
    }
}

struct World {
    state: State,
    log: Vec<Vec<u8>>,
    blobs: HashMap<[u8; 32], Vec<u8>>,
    /// Delegate ids: heads of BRA, KEN, CHN, USA, ICRC; the chair; an adviser of BRA.
    heads: HashMap<&'static str, DelegateId>,
    chair: DelegateId,
    secretariat: DelegateId,
    adviser: DelegateId,
}

fn name(s: &str) -> DisplayName {
    DisplayName::parse(s).unwrap()
}
fn code(s: &str) -> MemberCode {
    MemberCode::parse(s).unwrap()
}

impl World {
    fn act(&mut self, who: Principal, action: Action) -> Result<Entry, Refusal> {
        let (actor, body, signature) = self.state.prepare(who, action)?;
        let entry =
            Entry { index: self.state.next_index, time: 1_000 + self.state.next_index as i64, actor, body, signature };
        let bytes = entry.encode()?;
        if let Some(b) = entry.body.blob() {
            self.blobs.insert(b.sha256, b.content().unwrap().to_vec());
        }
        self.state.apply(&entry)?;
        self.log.push(bytes);
        Ok(entry)
    }

    fn new() -> World {
        World::of_edition(Some(crate::state::EDITION))
    }

    /// A world whose forum was established by a `forum.established` entry
    /// naming `edition` (`None`: a record from before editions, as the
    /// writer no longer makes them).
    fn of_edition(edition: Option<u32>) -> World {
        let mut w = World {
            state: State::new(),
            log: Vec::new(),
            blobs: HashMap::new(),
            heads: HashMap::new(),
            chair: DelegateId(0),
            secretariat: DelegateId(0),
            adviser: DelegateId(0),
        };
        let sys = Principal::System;
        match edition {
            Some(crate::state::EDITION) => {
                w.act(
                    sys,
                    Action::EstablishForum { name: name("Forum"), languages: LanguageTag::un_languages(), log: None },
                )
                .unwrap();
            }
            edition => {
                let entry = established(edition);
                w.state.apply(&entry).unwrap();
                w.log.push(entry.encode().unwrap());
            }
        }
        w.secretariat = w.state.next_delegate_id();
        w.act(sys, Action::AppointOfficer { name: name("Sec"), role: OfficerRole::Secretariat }).unwrap();
        w.chair = w.state.next_delegate_id();
        w.act(sys, Action::AppointOfficer { name: name("Chair"), role: OfficerRole::Chair }).unwrap();
        for m in ["BRA", "KEN", "CHN", "USA", "ICRC"] {
            let org = m == "ICRC";
            w.act(
                sys,
                Action::AdmitMember {
                    code: code(m),
                    name: org.then(|| name("International Committee of the Red Cross")),
                    kind: if org { MemberKind::Organisation } else { MemberKind::State },
                    category: org.then_some(OrganisationCategory::IntergovernmentalOrganisation),
                    status: if org { MemberStatus::Observer } else { MemberStatus::Member },
                },
            )
            .unwrap();
            let id = w.state.next_delegate_id();
            w.act(
                sys,
                Action::AccreditDelegate { member: code(m), name: name("Head"), role: MemberRole::HeadOfDelegation },
            )
            .unwrap();
            w.heads.insert(m, id);
        }
        w.adviser = w.state.next_delegate_id();
        w.act(sys, Action::AccreditDelegate { member: code("BRA"), name: name("Adviser"), role: MemberRole::Adviser })
            .unwrap();
        w.open(DRAFT).unwrap();
        w
    }

    fn open(&mut self, draft: &str) -> Result<Entry, Refusal> {
        let body = EntryBody::ProcessOpened(ProcessOpened {
            title: "Framework".into(),
            draft: BlobRef::of(draft.as_bytes().to_vec()),
        });
        self.act(Principal::Delegate(self.secretariat), Action::Negotiate(Box::new(body)))
    }

    fn head(&self, m: &str) -> Principal {
        Principal::Delegate(self.heads[m])
    }

    fn propose(
        &mut self,
        m: &str,
        kind: ProposalKind,
        eid: &str,
        quote: Option<(&str, Option<u32>)>,
        position: Option<Position>,
        text: Option<&str>,
    ) -> Result<u64, Refusal> {
        let version = self.state.processes[0].latest().number;
        let body = EntryBody::ProposalTabled(ProposalTabled {
            process: 1,
            kind,
            eid: eid.into(),
            version,
            anchor: quote.map(|(q, o)| Anchor { quote: q.into(), occurrence: o }),
            position,
            text: text.map(Into::into),
            heading: None,
            justification: "because".into(),
        });
        self.act(self.head(m), Action::Negotiate(Box::new(body)))?;
        Ok(self.state.processes[0].proposals.len() as u64)
    }

    fn on(&mut self, who: Principal, make: fn(ProposalRef) -> EntryBody, id: u64) -> Result<Entry, Refusal> {
        self.act(who, Action::Negotiate(Box::new(make(ProposalRef { process: 1, proposal: id }))))
    }

    fn replay(&self) -> State {
        let mut s = State::new();
        for bytes in &self.log {
            let mut e = Entry::decode(bytes).unwrap();
            if let Some(b) = e.body.blob_mut() {
                b.attach(self.blobs[&b.sha256].clone()).unwrap();
            }
            s.apply(&e).unwrap();
        }
        s
    }

    fn process(&self) -> &Process {
        &self.state.processes[0]
    }

    fn text(&self, eid: &str) -> String {
        self.process().latest().instrument.get(eid).unwrap().text.clone()
    }
}

const P1: &str = "chp_1__art_1__para_1";

#[test]
fn proposals_bracket_and_agree() {
    let mut w = World::new();
    let a = w.propose("BRA", ProposalKind::ReplaceWords, P1, Some(("shall", Some(1))), None, Some("should")).unwrap();
    let b = w
        .propose("KEN", ProposalKind::ReplaceWords, P1, Some(("shall cooperate", None)), None, Some("may cooperate"))
        .unwrap();
    let c = w.propose("USA", ProposalKind::DeleteWords, P1, Some(("in good faith", None)), None, None).unwrap();
    let d = w
        .propose(
            "CHN",
            ProposalKind::InsertWords,
            P1,
            Some(("exchange", None)),
            Some(Position::After),
            Some("relevant"),
        )
        .unwrap();
    w.on(w.head("CHN"), EntryBody::ProposalObjected, a).unwrap();
    w.on(w.head("USA"), EntryBody::ProposalSupported, a).unwrap();
    w.on(w.head("KEN"), EntryBody::ProposalCosponsored, a).unwrap();
    let rolling = rolling_text(w.process(), &View::All);
    let plain = rolling.to_plain();
    assert!(
        plain.contains("1. States [shall cooperate (original; CHN) / should cooperate (P-1: BRA, KEN, USA) / may cooperate (P-2: KEN)] [in good faith (original) / \u{2014} (P-3: USA)] and shall exchange [\u{2014} (original) / relevant (P-4: CHN)] information."),
        "{plain}"
    );
    assert_eq!(rolling.brackets, 3);
    assert_eq!(rolling.options, 7);

    // A delegation's own view.
    let kenya = rolling_text(w.process(), &View::Member(code("KEN")));
    assert_eq!(kenya.brackets, 1, "KEN tabled P-2 and co-sponsors P-1, which share one bracket");

    // The chair agrees P-1: the text moves on; P-2 overlaps and is outdated,
    // P-3 and P-4 follow the text.
    w.on(Principal::Delegate(w.chair), EntryBody::ProposalAgreed, a).unwrap();
    assert_eq!(w.text(P1), "States should cooperate in good faith and shall exchange information.");
    assert_eq!(w.process().latest().number, 2);
    assert!(w.process().proposal(b).unwrap().outdated);
    assert!(!w.process().proposal(c).unwrap().outdated);
    w.on(Principal::Delegate(w.chair), EntryBody::ProposalAgreed, c).unwrap();
    w.on(Principal::Delegate(w.chair), EntryBody::ProposalAgreed, d).unwrap();
    assert_eq!(w.text(P1), "States should cooperate and shall exchange relevant information.");
    // An outdated proposal cannot be agreed; its proposer re-anchors it.
    let err = w.on(Principal::Delegate(w.chair), EntryBody::ProposalAgreed, b).unwrap_err();
    assert_eq!(err.code, "proposal_outdated");
    let re = EntryBody::ProposalReanchored(ProposalReanchored {
        process: 1,
        proposal: b,
        version: 4,
        anchor: Some(Anchor { quote: "should cooperate".into(), occurrence: None }),
    });
    assert_eq!(w.act(w.head("BRA"), Action::Negotiate(Box::new(re.clone()))).unwrap_err().code, "not_proposer");
    w.act(w.head("KEN"), Action::Negotiate(Box::new(re))).unwrap();
    w.on(Principal::Delegate(w.chair), EntryBody::ProposalAgreed, b).unwrap();
    assert_eq!(w.text(P1), "States may cooperate and shall exchange relevant information.");

    // Provenance: which entry wrote which words.
    let p = w.process().latest().instrument.get(P1).unwrap().clone();
    let mut at = 0;
    let mut by = Vec::new();
    for o in &p.origins {
        by.push((p.text[at..at + o.len].to_owned(), o.source.how.clone()));
        at += o.len;
    }
    assert_eq!(at, p.text.len());
    assert!(
        by.contains(&("may cooperate".into(), SourceKind::Proposal { proposal: b, member: code("KEN") })),
        "{by:?}"
    );
    assert!(by.contains(&(" relevant".into(), SourceKind::Proposal { proposal: d, member: code("CHN") })), "{by:?}");

    // Nothing open: the rolling text is the clean text.
    let rolling = rolling_text(w.process(), &View::All);
    assert_eq!(rolling.brackets, 0);
    assert_eq!(w.replay(), w.state);
}

#[test]
fn provisions_are_inserted_and_deleted() {
    let mut w = World::new();
    let ins = w
        .propose(
            "BRA",
            ProposalKind::InsertProvision,
            "chp_1__art_1__para_2",
            None,
            Some(Position::After),
            Some("States shall share threat information."),
        )
        .unwrap();
    let del =
        w.propose("KEN", ProposalKind::DeleteProvision, "chp_1__art_1__para_2__point_b", None, None, None).unwrap();
    let repl = w
        .propose(
            "CHN",
            ProposalKind::ReplaceProvision,
            "chp_1__art_2__para_1",
            None,
            None,
            Some("This Framework applies to all."),
        )
        .unwrap();
    let on_b = w
        .propose(
            "USA",
            ProposalKind::ReplaceWords,
            "chp_1__art_1__para_2__point_b",
            Some(("water", None)),
            None,
            Some("water and sanitation"),
        )
        .unwrap();
    let mut art = ProposalTabled {
        process: 1,
        kind: ProposalKind::InsertProvision,
        eid: "chp_1__art_2".into(),
        version: 1,
        anchor: None,
        position: Some(Position::After),
        text: Some("1. States shall report.\n\n2. Reports are public.".into()),
        heading: Some("Reporting".into()),
        justification: String::new(),
    };
    w.act(w.head("USA"), Action::Negotiate(Box::new(EntryBody::ProposalTabled(art.clone())))).unwrap();
    let rolling = rolling_text(w.process(), &View::All);
    let eids: Vec<&str> = rolling.provisions.iter().map(|p| p.eid.as_str()).collect();
    assert!(eids.windows(2).any(|x| x == ["chp_1__art_1__para_2__point_b", "chp_1__art_1__para_2bis_p1"]), "{eids:?}");
    assert!(eids.contains(&"chp_1__art_2bis_p5"), "{eids:?}");

    for id in [ins, del, repl] {
        w.on(Principal::Delegate(w.chair), EntryBody::ProposalAgreed, id).unwrap();
    }
    w.on(Principal::Delegate(w.chair), EntryBody::ProposalAgreed, 5).unwrap();
    let latest = &w.process().latest().instrument;
    assert_eq!(latest.get("chp_1__art_1__para_2bis").unwrap().text, "States shall share threat information.");
    assert_eq!(latest.get("chp_1__art_1__para_2bis").unwrap().num, "2 bis.");
    assert!(latest.get("chp_1__art_1__para_2__point_b").is_none());
    assert_eq!(latest.get("chp_1__art_2bis").unwrap().heading, "Reporting");
    assert_eq!(latest.get("chp_1__art_2bis__para_2").unwrap().text, "Reports are public.");
    assert_eq!(w.text("chp_1__art_2__para_1"), "This Framework applies to all.");
    assert!(w.process().proposal(on_b).unwrap().outdated, "its provision was deleted");
    // Proposals on a deleted provision are refused; so is an unknown eId.
    let e =
        w.propose("BRA", ProposalKind::DeleteProvision, "chp_1__art_1__para_2__point_b", None, None, None).unwrap_err();
    assert_eq!(e.code, "provision_deleted");
    let e = w.propose("BRA", ProposalKind::DeleteProvision, "art_99", None, None, None).unwrap_err();
    assert_eq!(e.code, "unknown_eid");
    // The same article inserted twice gets the next free eId.
    art.version = w.process().latest().number;
    w.act(w.head("USA"), Action::Negotiate(Box::new(EntryBody::ProposalTabled(art)))).unwrap();
    w.on(Principal::Delegate(w.chair), EntryBody::ProposalAgreed, 6).unwrap();
    assert!(w.process().latest().instrument.get("chp_1__art_2ter").is_some());
    // A proposal on a provision that is gone cannot be re-anchored: its
    // proposer is told to withdraw it.
    let latest = w.process().latest().number;
    let re = |proposal, anchor| {
        Action::Negotiate(Box::new(EntryBody::ProposalReanchored(ProposalReanchored {
            process: 1,
            proposal,
            version: latest,
            anchor,
        })))
    };
    let e = w.act(w.head("USA"), re(on_b, Some(Anchor { quote: "water".into(), occurrence: None }))).unwrap_err();
    assert_eq!(e.code, "provision_deleted");
    assert!(e.message.contains("withdraws it and tables a new proposal"), "{}", e.message);
    let e = w.on(Principal::Delegate(w.chair), EntryBody::ProposalAgreed, on_b).unwrap_err();
    assert!(e.message.contains("is no longer in the text"), "{}", e.message);
    assert_eq!(w.replay(), w.state);
}

/// A record begun before editions (edition 1) replays as it was recorded:
/// a new wording of a whole provision stays applicable when its words
/// change, and a replacement of words may carry a heading.
#[test]
fn a_first_edition_record_keeps_its_rules() {
    let mut w = World::of_edition(None);
    assert_eq!(w.state.forum.as_ref().unwrap().edition, 1);
    let eid = "chp_1__art_2__para_1";
    let body = EntryBody::ProposalTabled(ProposalTabled {
        process: 1,
        kind: ProposalKind::ReplaceProvision,
        eid: eid.into(),
        version: 1,
        anchor: None,
        position: None,
        text: Some("This Framework applies to all.".into()),
        heading: Some("ignored in edition 1".into()),
        justification: String::new(),
    });
    w.act(w.head("CHN"), Action::Negotiate(Box::new(body))).unwrap();
    let repl = w.process().proposals.len() as u64;
    let words = w
        .propose("BRA", ProposalKind::ReplaceWords, eid, Some(("States", None)), None, Some("Participating States"))
        .unwrap();
    w.on(Principal::Delegate(w.chair), EntryBody::ProposalAgreed, words).unwrap();
    assert!(!w.process().proposal(repl).unwrap().outdated, "edition 1 stretches it over the new words");
    w.on(Principal::Delegate(w.chair), EntryBody::ProposalAgreed, repl).unwrap();
    assert_eq!(w.text(eid), "This Framework applies to all.");
    assert_eq!(w.replay(), w.state);
    // A forum cannot be established under an edition this Accord does not know,
    // nor change its edition later.
    let mut fresh = State::new();
    let future = established(Some(crate::state::EDITION + 1));
    assert_eq!(fresh.apply(&future).unwrap_err().code, "unknown_edition");
    let mut change = established(Some(crate::state::EDITION));
    change.index = w.state.next_index;
    change.time = 1_000_000;
    change.actor =
        crate::entry::Actor::Officer { delegate: w.secretariat, role: crate::state::OfficerRole::Secretariat };
    let EntryBody::ForumEstablished(settings) = change.body else { unreachable!() };
    change.body = EntryBody::ForumSettingsChanged(settings);
    let before = w.state.clone();
    assert_eq!(w.state.apply(&change).unwrap_err().code, "edition_fixed");
    assert_eq!(w.state, before);
}

/// A new wording of a whole provision was written against its words: when
/// they change, it is outdated (agreeing it would undo the change silently)
/// until its proposer confirms it on the provision as it now stands.
#[test]
fn a_new_wording_is_outdated_when_its_provision_changes() {
    let mut w = World::new();
    let eid = "chp_1__art_2__para_1";
    let repl = w
        .propose("CHN", ProposalKind::ReplaceProvision, eid, None, None, Some("This Framework applies to all."))
        .unwrap();
    let del = w.propose("KEN", ProposalKind::DeleteProvision, eid, None, None, None).unwrap();
    let words = w
        .propose("BRA", ProposalKind::ReplaceWords, eid, Some(("States", None)), None, Some("Participating States"))
        .unwrap();
    w.on(Principal::Delegate(w.chair), EntryBody::ProposalAgreed, words).unwrap();
    assert_eq!(w.text(eid), "This Framework applies to Participating States.");
    assert!(w.process().proposal(repl).unwrap().outdated, "the new wording predates the change");
    assert!(!w.process().proposal(del).unwrap().outdated, "a deletion does not depend on the words");
    let e = w.on(Principal::Delegate(w.chair), EntryBody::ProposalAgreed, repl).unwrap_err();
    assert_eq!(e.code, "proposal_outdated");
    let version = w.process().latest().number;
    let confirm = |anchor| {
        Action::Negotiate(Box::new(EntryBody::ProposalReanchored(ProposalReanchored {
            process: 1,
            proposal: repl,
            version,
            anchor,
        })))
    };
    // Confirmed without words: it replaces the whole provision.
    let e = w.act(w.head("CHN"), confirm(Some(Anchor { quote: "This".into(), occurrence: None }))).unwrap_err();
    assert_eq!(e.code, "unexpected_field");
    w.act(w.head("CHN"), confirm(None)).unwrap();
    assert!(!w.process().proposal(repl).unwrap().outdated);
    w.on(Principal::Delegate(w.chair), EntryBody::ProposalAgreed, repl).unwrap();
    assert_eq!(w.text(eid), "This Framework applies to all.");
    // A proposal on words is re-anchored on words.
    let other =
        w.propose("KEN", ProposalKind::ReplaceWords, eid, Some(("Framework", None)), None, Some("Agreement")).unwrap();
    let e = w
        .act(
            w.head("KEN"),
            Action::Negotiate(Box::new(EntryBody::ProposalReanchored(ProposalReanchored {
                process: 1,
                proposal: other,
                version: w.process().latest().number,
                anchor: None,
            }))),
        )
        .unwrap_err();
    assert_eq!(e.code, "missing_field", "{e:?}");
    assert_eq!(w.replay(), w.state);
}

#[test]
fn refusals_change_nothing() {
    let mut w = World::new();
    let before = w.state.clone();
    type Case<'a> = (Principal, ProposalKind, &'a str, Option<(&'a str, Option<u32>)>, Option<&'a str>, &'a str);
    let cases: Vec<Case> = vec![
        (w.head("ICRC"), ProposalKind::DeleteWords, P1, Some(("shall", Some(1))), None, "observer"),
        (Principal::Delegate(w.adviser), ProposalKind::DeleteWords, P1, Some(("shall", Some(1))), None, "adviser"),
        (
            Principal::Delegate(w.chair),
            ProposalKind::DeleteWords,
            P1,
            Some(("shall", Some(1))),
            None,
            "delegation_only",
        ),
        (w.head("BRA"), ProposalKind::DeleteWords, P1, Some(("shall", None)), None, "anchor_ambiguous"),
        (w.head("BRA"), ProposalKind::DeleteWords, P1, Some(("shall", Some(3))), None, "anchor_not_found"),
        (w.head("BRA"), ProposalKind::DeleteWords, P1, Some(("shal", None)), None, "anchor_not_found"),
        (w.head("BRA"), ProposalKind::ReplaceWords, P1, Some(("States", None)), None, "missing_field"),
        (
            w.head("BRA"),
            ProposalKind::ReplaceWords,
            "chp_1__art_1",
            Some(("x", None)),
            Some("y"),
            "provision_without_text",
        ),
        (w.head("BRA"), ProposalKind::ReplaceWords, "art_9", Some(("x", None)), Some("y"), "unknown_eid"),
        (w.head("BRA"), ProposalKind::ReplaceWords, P1, Some(("States", None)), Some("a\u{0}b"), "control_character"),
        (w.head("BRA"), ProposalKind::ReplaceWords, P1, Some(("States", None)), Some("States"), "no_change"),
    ];
    for (who, kind, eid, quote, text, expected) in cases {
        let body = EntryBody::ProposalTabled(ProposalTabled {
            process: 1,
            kind,
            eid: eid.into(),
            version: 1,
            anchor: quote.map(|(q, o)| Anchor { quote: q.into(), occurrence: o }),
            position: None,
            text: text.map(Into::into),
            heading: None,
            justification: String::new(),
        });
        let e = w.act(who, Action::Negotiate(Box::new(body))).unwrap_err();
        assert_eq!(e.code, expected, "{}", e.message);
    }
    let e = w.open("# T\n\n### Article 1\n\n3. x\n").unwrap_err();
    assert!(e.message.starts_with("line 5:"), "{}", e.message);
    let e = w
        .act(
            w.head("BRA"),
            Action::Negotiate(Box::new(EntryBody::ProcessOpened(ProcessOpened {
                title: "x".into(),
                draft: BlobRef::of(DRAFT.into()),
            }))),
        )
        .unwrap_err();
    assert_eq!(e.code, "secretariat_only");
    // The anchor message shows the text it was looked for in.
    let e = w.propose("BRA", ProposalKind::DeleteWords, P1, Some(("nowhere", None)), None, None).unwrap_err();
    assert!(e.message.contains("States shall cooperate in good faith"), "{}", e.message);
    assert_eq!(w.state, before, "every refusal above changed nothing");
    assert_eq!(w.log.len() as u64, before.next_index);
    // A chair's act by a delegation, a second revision name.
    let a = w.propose("BRA", ProposalKind::DeleteWords, "chp_2__art_3__para_1", Some(("Conference", None)), None, None);
    let before_a = w.state.clone();
    let a = a.unwrap();
    assert_eq!(w.on(w.head("KEN"), EntryBody::ProposalAgreed, a).unwrap_err().code, "chair_only");
    assert_eq!(w.on(w.head("KEN"), EntryBody::ProposalWithdrawn, a).unwrap_err().code, "not_proposer");
    assert_eq!(w.on(w.head("BRA"), EntryBody::ProposalCosponsored, a).unwrap_err().code, "own_proposal");
    assert_eq!(w.state.processes, before_a.processes);
    w.on(w.head("BRA"), EntryBody::ProposalWithdrawn, a).unwrap();
    assert_eq!(w.on(w.head("BRA"), EntryBody::ProposalSupported, a).unwrap_err().code, "proposal_closed");
    let rev =
        |n: &str| Action::Negotiate(Box::new(EntryBody::RevisionIssued(RevisionIssued { process: 1, name: n.into() })));
    assert_eq!(w.act(Principal::Delegate(w.chair), rev("Rev.1")).unwrap_err().code, "version_named");
    assert_eq!(w.replay(), w.state);
}

#[test]
fn chair_text_merges_a_bracket_and_revisions_name_versions() {
    let mut w = World::new();
    let a = w.propose("BRA", ProposalKind::ReplaceWords, P1, Some(("shall", Some(1))), None, Some("should")).unwrap();
    let b = w
        .propose("KEN", ProposalKind::ReplaceWords, P1, Some(("shall cooperate", None)), None, Some("may cooperate"))
        .unwrap();
    let body = EntryBody::ChairTextTabled(ChairText {
        process: 1,
        eid: P1.into(),
        proposals: vec![a, b],
        text: "will cooperate".into(),
    });
    w.act(Principal::Delegate(w.chair), Action::Negotiate(Box::new(body))).unwrap();
    assert_eq!(w.text(P1), "States will cooperate in good faith and shall exchange information.");
    assert_eq!(w.process().proposal(a).unwrap().status, ProposalStatus::Merged);
    let rev =
        Action::Negotiate(Box::new(EntryBody::RevisionIssued(RevisionIssued { process: 1, name: "Rev.1".into() })));
    w.act(Principal::Delegate(w.chair), rev).unwrap();
    assert_eq!(w.process().find_version(Some("rev.1")).unwrap().number, 2);
    assert_eq!(w.process().find_version(Some("zero")).unwrap().number, 1);
    let d = redline::diff_instruments(&w.process().versions[0].instrument, &w.process().latest().instrument);
    let changed: Vec<&str> = d.iter().filter(|p| p.status != "equal").map(|p| p.eid.as_str()).collect();
    assert_eq!(changed, [P1]);
    assert_eq!(w.replay(), w.state);
}

#[test]
fn words_in_other_scripts() {
    let mut w = World::new();
    let draft = "# 框架\n\n### Article 1 — 目的\n\n1. 各国应当合作，并应当交换信息。\n\n2. على الدول أن تتعاون بحسن نية.\n\n3. Государства должны сотрудничать.\n";
    w.open(draft).unwrap();
    let p = &mut w;
    let body = |eid: &str, q: &str, o: Option<u32>, t: &str| {
        EntryBody::ProposalTabled(ProposalTabled {
            process: 2,
            kind: ProposalKind::ReplaceWords,
            eid: eid.into(),
            version: 1,
            anchor: Some(Anchor { quote: q.into(), occurrence: o }),
            position: None,
            text: Some(t.into()),
            heading: None,
            justification: String::new(),
        })
    };
    let e = p.act(p.head("CHN"), Action::Negotiate(Box::new(body("art_1__para_1", "应当", None, "可以")))).unwrap_err();
    assert_eq!(e.code, "anchor_ambiguous");
    p.act(p.head("CHN"), Action::Negotiate(Box::new(body("art_1__para_1", "应当", Some(2), "可以")))).unwrap();
    p.act(p.head("KEN"), Action::Negotiate(Box::new(body("art_1__para_2", "بحسن نية", None, "بشكل وثيق")))).unwrap();
    p.act(p.head("USA"), Action::Negotiate(Box::new(body("art_1__para_3", "должны", None, "могут")))).unwrap();
    for id in 1..=3 {
        p.act(
            Principal::Delegate(p.chair),
            Action::Negotiate(Box::new(EntryBody::ProposalAgreed(ProposalRef { process: 2, proposal: id }))),
        )
        .unwrap();
    }
    let t = &p.state.processes[1].latest().instrument;
    assert_eq!(t.get("art_1__para_1").unwrap().text, "各国应当合作，并可以交换信息。");
    assert_eq!(t.get("art_1__para_2").unwrap().text, "على الدول أن تتعاون بشكل وثيق.");
    assert_eq!(t.get("art_1__para_3").unwrap().text, "Государства могут сотрудничать.");
    assert_eq!(w.replay(), w.state);
}

// ---------------------------------------------------------------------------
// Properties

#[derive(Debug, Clone)]
enum Step {
    /// Words of a provision: replaced, inserted after or before, deleted,
    /// or the whole provision replaced; `occ` picks the occurrence.
    Table {
        member: usize,
        para: usize,
        word: usize,
        occ: usize,
        how: u8,
    },
    /// A provision (any kind, articles too) inserted before or after one, or deleted.
    Provision {
        member: usize,
        at: usize,
        how: u8,
    },
    Agree(usize),
    Reject(usize),
    Withdraw(usize),
    Support {
        member: usize,
        proposal: usize,
    },
    /// The chair replaces the bracket of a proposal with a compromise.
    ChairText(usize),
    /// The proposer re-anchors an outdated proposal on the latest version.
    Reanchor {
        proposal: usize,
        word: usize,
    },
    /// The latest version is named.
    Revision,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        5 => (0..4usize, 0..8usize, 0..12usize, 0..3usize, 0..5u8)
            .prop_map(|(member, para, word, occ, how)| Step::Table { member, para, word, occ, how }),
        1 => (0..4usize, 0..16usize, 0..4u8).prop_map(|(member, at, how)| Step::Provision { member, at, how }),
        3 => (0..40usize).prop_map(Step::Agree),
        1 => (0..40usize).prop_map(Step::Reject),
        1 => (0..40usize).prop_map(Step::Withdraw),
        1 => (0..4usize, 0..40usize).prop_map(|(member, proposal)| Step::Support { member, proposal }),
        1 => (0..40usize).prop_map(Step::ChairText),
        1 => (0..40usize, 0..12usize).prop_map(|(proposal, word)| Step::Reanchor { proposal, word }),
        1 => Just(Step::Revision),
    ]
}

const MEMBERS: [&str; 4] = ["BRA", "KEN", "CHN", "USA"];

fn run(w: &mut World, step: &Step) {
    let process = w.process();
    let n = process.proposals.len();
    let pick = |i: usize| (n > 0).then(|| (i % n) as u64 + 1);
    let chair = Principal::Delegate(w.chair);
    let head_of = |w: &World, id: u64| {
        let proposer = w.process().proposals[id as usize - 1].proposer.clone();
        w.head(MEMBERS.iter().find(|m| **m == proposer.as_str()).copied().unwrap_or("BRA"))
    };
    let _ = match step {
        Step::Table { member, para, word, occ, how } => {
            let texts: Vec<(String, String)> = process
                .latest()
                .instrument
                .provisions
                .iter()
                .filter(|p| p.kind.has_text())
                .map(|p| (p.eid.clone(), p.text.clone()))
                .collect();
            let (eid, text) = &texts[para % texts.len()];
            let words: Vec<&str> = text.split(' ').collect();
            let quote = words[word % words.len()];
            let found = text::occurrences(text, quote);
            if found.is_empty() {
                return;
            }
            let k = occ % found.len();
            let kind = match how {
                0 => ProposalKind::ReplaceWords,
                1 | 2 => ProposalKind::InsertWords,
                3 => ProposalKind::DeleteWords,
                _ => ProposalKind::ReplaceProvision,
            };
            let anchor = (kind != ProposalKind::ReplaceProvision).then(|| (quote, Some(k as u32 + 1)));
            let text = match kind {
                ProposalKind::DeleteWords => None,
                ProposalKind::ReplaceProvision => Some("States agree."),
                _ => Some("duly"),
            };
            let position = (kind == ProposalKind::InsertWords).then_some(if *how == 1 {
                Position::After
            } else {
                Position::Before
            });
            let eid = eid.clone();
            w.propose(MEMBERS[*member], kind, &eid, anchor, position, text).map(|_| ())
        }
        Step::Provision { member, at, how } => {
            let provisions = &process.latest().instrument.provisions;
            let target = provisions[at % provisions.len()].clone();
            let (kind, position) = match how {
                0 => (ProposalKind::InsertProvision, Some(Position::After)),
                1 => (ProposalKind::InsertProvision, Some(Position::Before)),
                2 => (ProposalKind::DeleteProvision, None),
                _ => (ProposalKind::ReplaceProvision, None),
            };
            let text = match (kind, target.kind) {
                (ProposalKind::DeleteProvision, _) => None,
                (ProposalKind::ReplaceProvision, ProvisionKind::Article | ProvisionKind::Chapter) => None,
                (ProposalKind::ReplaceProvision, _) => return,
                (_, ProvisionKind::Article) => Some("1. States shall report.\n\n2. Reports are public."),
                (_, ProvisionKind::Chapter) => return,
                _ => Some("States shall share information."),
            };
            let body = EntryBody::ProposalTabled(ProposalTabled {
                process: 1,
                kind,
                eid: target.eid.clone(),
                version: process.latest().number,
                anchor: None,
                position,
                text: text.map(Into::into),
                heading: match kind {
                    ProposalKind::ReplaceProvision => Some(format!("{} revised", target.heading)),
                    _ => (target.kind == ProvisionKind::Article && text.is_some()).then(|| "Reporting".into()),
                },
                justification: String::new(),
            });
            w.act(w.head(MEMBERS[*member]), Action::Negotiate(Box::new(body))).map(|_| ())
        }
        Step::Agree(i) => match pick(*i) {
            Some(id) => w.on(chair, EntryBody::ProposalAgreed, id).map(|_| ()),
            None => Ok(()),
        },
        Step::Reject(i) => match pick(*i) {
            Some(id) => w.on(chair, EntryBody::ProposalRejected, id).map(|_| ()),
            None => Ok(()),
        },
        Step::Withdraw(i) => match pick(*i) {
            Some(id) => w.on(head_of(w, id), EntryBody::ProposalWithdrawn, id).map(|_| ()),
            None => Ok(()),
        },
        Step::Support { member, proposal } => match pick(*proposal) {
            Some(id) => w.on(w.head(MEMBERS[*member]), EntryBody::ProposalSupported, id).map(|_| ()),
            None => Ok(()),
        },
        Step::ChairText(i) => match pick(*i) {
            Some(id) => {
                let eid = process.proposals[id as usize - 1].eid.clone();
                let body = EntryBody::ChairTextTabled(ChairText {
                    process: 1,
                    eid,
                    proposals: vec![id],
                    text: "as the chair proposes".into(),
                });
                w.act(chair, Action::Negotiate(Box::new(body))).map(|_| ())
            }
            None => Ok(()),
        },
        Step::Reanchor { proposal, word } => match pick(*proposal) {
            Some(id) => {
                let p = &process.proposals[id as usize - 1];
                let latest = process.latest();
                let anchor = match latest.instrument.get(&p.eid) {
                    Some(now) if p.kind.on_words() && !now.text.is_empty() => {
                        let words: Vec<&str> = now.text.split(' ').collect();
                        Some(Anchor { quote: words[word % words.len()].to_owned(), occurrence: Some(1) })
                    }
                    _ => None,
                };
                let body = EntryBody::ProposalReanchored(ProposalReanchored {
                    process: 1,
                    proposal: id,
                    version: latest.number,
                    anchor,
                });
                w.act(head_of(w, id), Action::Negotiate(Box::new(body))).map(|_| ())
            }
            None => Ok(()),
        },
        Step::Revision => {
            let name = format!("Rev.{}", process.versions.len());
            w.act(chair, Action::Negotiate(Box::new(EntryBody::RevisionIssued(RevisionIssued { process: 1, name }))))
                .map(|_| ())
        }
    };
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// (a) replay reproduces the state; (b) with no proposal open, the
    /// rolling text is the clean text; (c) the redline from any version to
    /// the latest spells both; every option of every bracket, applied,
    /// is a text a proposal would make.
    #[test]
    fn negotiation_properties(steps in proptest::collection::vec(step(), 1..40)) {
        let mut w = World::new();
        for s in &steps {
            let before = w.state.clone();
            let len = w.log.len();
            run(&mut w, s);
            if w.log.len() == len {
                prop_assert_eq!(&w.state, &before, "a refusal changed the state");
            }
            // Every bracket's options differ from each other.
            let rolling = rolling_text(w.process(), &View::All);
            for p in &rolling.provisions {
                for span in &p.spans {
                    if let Span::Bracket { bracket } = span {
                        let texts: std::collections::BTreeSet<&str> = bracket.options.iter().map(|o| o.text.as_str()).collect();
                        prop_assert_eq!(texts.len(), bracket.options.len());
                    }
                }
            }
        }
        prop_assert_eq!(&w.replay(), &w.state);

        // Close everything still open, then the rolling text is clean.
        let open: Vec<u64> = w.process().proposals.iter().filter(|p| p.is_open()).map(|p| p.id).collect();
        for id in open {
            w.on(Principal::Delegate(w.chair), EntryBody::ProposalRejected, id).unwrap();
        }
        let rolling = rolling_text(w.process(), &View::All);
        let latest = w.process().latest();
        let clean = rolling::clean_text(w.process(), &latest.instrument, latest.number);
        prop_assert_eq!(rolling, clean);

        // (c) The redline from any version A to any later B, applied to A,
        // gives B: the provisions B has, in its order, with its headings
        // and words; read backwards, it gives A.
        let versions = &w.process().versions;
        for (i, a) in versions.iter().enumerate() {
            for b in &versions[i..] {
                let redline = redline::diff_instruments(&a.instrument, &b.instrument);
                let spelled = |newer: bool| -> Vec<(String, String, String)> {
                    redline
                        .iter()
                        .filter(|d| d.status != if newer { "delete" } else { "insert" })
                        .map(|d| (d.eid.clone(), redline::side(&d.heading, newer), redline::side(&d.text, newer)))
                        .collect()
                };
                let whole = |x: &Instrument| -> Vec<(String, String, String)> {
                    x.provisions.iter().map(|p| (p.eid.clone(), p.heading.clone(), p.text.clone())).collect()
                };
                prop_assert_eq!(spelled(true), whole(&b.instrument));
                prop_assert_eq!(spelled(false), whole(&a.instrument));
            }
            // Every provision's origins cover its text exactly.
            for p in &a.instrument.provisions {
                prop_assert_eq!(p.origins.iter().map(|o| o.len).sum::<usize>(), p.text.len());
            }
        }
    }
}

#[test]
fn long_texts_are_built_the_same_on_every_core() {
    let mut w = World::new();
    let mut draft = String::from("# Long\n\n");
    for a in 1..=80 {
        draft.push_str(&format!("### Article {a} — H\n\n1. States shall act {a}.\n\n2. States should report {a}.\n\n"));
    }
    w.open(&draft).unwrap();
    let version = 1;
    for a in (1..=80).step_by(3) {
        for (m, words) in [("BRA", "may"), ("KEN", "will")] {
            let body = EntryBody::ProposalTabled(ProposalTabled {
                process: 2,
                kind: ProposalKind::ReplaceWords,
                eid: format!("art_{a}__para_1"),
                version,
                anchor: Some(Anchor { quote: "shall".into(), occurrence: None }),
                position: None,
                text: Some(words.into()),
                heading: None,
                justification: String::new(),
            });
            w.act(w.head(m), Action::Negotiate(Box::new(body))).unwrap();
        }
    }
    let process = &w.state.processes[1];
    assert!(process.latest().instrument.provisions.len() >= super::rolling::PARALLEL_FROM);
    let one = super::rolling::rolling_text_on(process, &View::All, 1);
    assert_eq!(one.brackets, 27);
    for cores in [2, 3, 8] {
        assert_eq!(super::rolling::rolling_text_on(process, &View::All, cores), one);
    }
}

/// A provision proposed before another is shown with the number it would
/// get if agreed; words inserted at the edge of a replaced span are a
/// bracket of their own, before as after it.
#[test]
fn insertions_are_shown_where_they_would_go() {
    let mut w = World::new();
    let article = |w: &mut World, m: &str, eid: &str, position| {
        let body = EntryBody::ProposalTabled(ProposalTabled {
            process: 1,
            kind: ProposalKind::InsertProvision,
            eid: eid.into(),
            version: 1,
            anchor: None,
            position: Some(position),
            text: Some("1. States shall report.".into()),
            heading: Some("Reporting".into()),
            justification: String::new(),
        });
        w.act(w.head(m), Action::Negotiate(Box::new(body))).unwrap();
        w.state.processes[0].proposals.len() as u64
    };
    let first = article(&mut w, "BRA", "chp_1__art_1", Position::Before);
    let second = article(&mut w, "KEN", "chp_1__art_2", Position::Before);
    let rolling = rolling_text(w.process(), &View::All);
    let shown: Vec<(&str, &str)> = rolling
        .provisions
        .iter()
        .filter(|p| p.kind == ProvisionKind::Article)
        .map(|p| (p.eid.as_str(), p.num.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            (format!("chp_1__art_1ante_p{first}").as_str(), "1 ante"),
            ("chp_1__art_1", "1"),
            (format!("chp_1__art_1bis_p{second}").as_str(), "1 bis"),
            ("chp_1__art_2", "2"),
            ("chp_2__art_3", "3"),
        ]
    );
    // Each new article is one bracket, whatever its paragraphs.
    assert_eq!(rolling.brackets, 2);
    assert_eq!(rolling.options, 4);
    w.on(Principal::Delegate(w.chair), EntryBody::ProposalAgreed, second).unwrap();
    assert_eq!(w.process().latest().instrument.get("chp_1__art_1bis").unwrap().num, "1 bis");

    // "good faith" replaced, words inserted just before and just after it.
    let repl =
        w.propose("USA", ProposalKind::ReplaceWords, P1, Some(("good faith", None)), None, Some("full faith")).unwrap();
    w.propose("CHN", ProposalKind::InsertWords, P1, Some(("good faith", None)), Some(Position::Before), Some("utmost"))
        .unwrap();
    w.propose("KEN", ProposalKind::InsertWords, P1, Some(("good faith", None)), Some(Position::After), Some("always"))
        .unwrap();
    let rolling = rolling_text(w.process(), &View::All);
    let p1 = rolling.provisions.iter().find(|p| p.eid == P1).unwrap();
    assert_eq!(p1.brackets, 3, "{}", rolling.to_plain());
    assert!(
        rolling.to_plain().contains(&format!("[good faith (original) / full faith (P-{repl}: USA)]")),
        "{}",
        rolling.to_plain()
    );
    assert_eq!(w.replay(), w.state);
}

/// An article's heading is amended like words: competing new headings form
/// one bracket; the one agreed is the heading, the others are outdated.
#[test]
fn headings_are_replaced_by_proposal() {
    let mut w = World::new();
    let heading = |w: &mut World, m: &str, eid: &str, heading: Option<&str>, text: Option<&str>| {
        let body = EntryBody::ProposalTabled(ProposalTabled {
            process: 1,
            kind: ProposalKind::ReplaceProvision,
            eid: eid.into(),
            version: w.process().latest().number,
            anchor: None,
            position: None,
            text: text.map(Into::into),
            heading: heading.map(Into::into),
            justification: String::new(),
        });
        w.act(w.head(m), Action::Negotiate(Box::new(body)))
    };
    let art = "chp_1__art_1";
    assert_eq!(heading(&mut w, "BRA", art, None, Some("x")).unwrap_err().code, "unexpected_field");
    assert_eq!(heading(&mut w, "BRA", art, None, None).unwrap_err().code, "missing_field");
    assert_eq!(heading(&mut w, "BRA", art, Some("Purpose"), None).unwrap_err().code, "no_change");
    assert_eq!(
        heading(&mut w, "BRA", "chp_1__art_1__para_1", Some("Purpose"), Some("States agree.")).unwrap_err().code,
        "unexpected_field",
        "a paragraph has no heading"
    );
    heading(&mut w, "BRA", art, Some("Purpose and principles"), None).unwrap();
    let bra = w.process().proposals.len() as u64;
    heading(&mut w, "KEN", art, Some("Object"), None).unwrap();
    let ken = w.process().proposals.len() as u64;
    let rolling = rolling_text(w.process(), &View::All);
    assert!(
        rolling
            .to_plain()
            .contains(&format!("[Purpose (original) / Purpose and principles (P-{bra}: BRA) / Object (P-{ken}: KEN)]")),
        "{}",
        rolling.to_plain()
    );
    assert_eq!((rolling.brackets, rolling.options), (1, 3));
    w.on(Principal::Delegate(w.chair), EntryBody::ProposalAgreed, bra).unwrap();
    assert_eq!(w.process().latest().instrument.get(art).unwrap().heading, "Purpose and principles");
    assert!(w.process().proposal(ken).unwrap().outdated, "written against the old heading");
    let d = redline::diff_instruments(&w.process().versions[0].instrument, &w.process().latest().instrument);
    let changed = d.iter().find(|p| p.eid == art).unwrap();
    assert_eq!(
        (redline::side(&changed.heading, false), redline::side(&changed.heading, true)),
        ("Purpose".into(), "Purpose and principles".into())
    );
    // Kenya confirms its heading on the new one, and it is agreed.
    let version = w.process().latest().number;
    let body = EntryBody::ProposalReanchored(ProposalReanchored { process: 1, proposal: ken, version, anchor: None });
    w.act(w.head("KEN"), Action::Negotiate(Box::new(body))).unwrap();
    w.on(Principal::Delegate(w.chair), EntryBody::ProposalAgreed, ken).unwrap();
    assert_eq!(w.process().latest().instrument.get(art).unwrap().heading, "Object");
    assert_eq!(w.replay(), w.state);
}

/// The secretariat sets a process's document symbol: checked, unique in
/// the forum, folded into the process; the zero draft carries it and each
/// named revision adds `/Rev.N`, internal versions none; replay agrees; the
/// state digest's `process P` part changes only once a symbol is set.
#[test]
fn document_symbols_name_the_process_and_its_revisions() {
    let mut w = World::new();
    let set = |process: u64, symbol: &str| {
        Action::Negotiate(Box::new(EntryBody::ProcessSymbolSet(SymbolSet { process, symbol: symbol.into() })))
    };
    let sec = Principal::Delegate(w.secretariat);
    let before = w.state.digest_parts();
    let digest_v1 = w.state.digest();

    // Who and what.
    assert_eq!(w.act(Principal::Delegate(w.chair), set(1, "A/AC.292/2026/L.1")).unwrap_err().code, "secretariat_only");
    assert_eq!(w.act(w.head("BRA"), set(1, "A/AC.292/2026/L.1")).unwrap_err().code, "secretariat_only");
    assert_eq!(w.act(sec, set(9, "A/AC.292/2026/L.1")).unwrap_err().code, "unknown_process");
    for bad in ["", "/A/1", "A/1/", "A//1", "A/AC 292", "A/AC.292/é", "A".repeat(61).as_str()] {
        assert_eq!(w.act(sec, set(1, bad)).unwrap_err().code, "invalid_symbol", "{bad:?}");
    }
    assert_eq!(w.state.digest_parts(), before, "refusals change nothing");
    assert_eq!(w.process().symbol, None);
    assert_eq!(w.process().version_symbol(w.process().latest()), None);

    w.act(sec, set(1, "A/AC.292/2026/L.1")).unwrap();
    assert_eq!(w.process().symbol.as_deref(), Some("A/AC.292/2026/L.1"));
    assert_eq!(w.act(sec, set(1, "A/AC.292/2026/L.1")).unwrap_err().code, "symbol_unchanged");
    // Texts are issued under it: it is not changed.
    assert_eq!(w.act(sec, set(1, "B/1")).unwrap_err().code, "symbol_fixed");
    let after = w.state.digest_parts();
    let changed: Vec<&String> = after.keys().filter(|k| before.get(*k) != after.get(*k)).collect();
    assert_eq!(changed, ["process 1"], "only the process's head commits to its symbol");
    assert_ne!(w.state.digest(), digest_v1);

    // Unique in the forum, whatever the case.
    w.open(DRAFT).unwrap();
    assert_eq!(w.act(sec, set(2, "a/ac.292/2026/l.1")).unwrap_err().code, "symbol_taken");
    // Nor one that names the same documents: a revision of process 1's
    // symbol, the symbol of which process 1's is a revision, the same
    // symbol as Akoma Ntoso IRIs write it (/ as -).
    for clash in ["A/AC.292/2026/L.1/Rev.1", "A/AC.292/2026", "A-AC.292-2026-L.1", "a/ac.292/2026-l.1"] {
        assert_eq!(w.act(sec, set(2, clash)).unwrap_err().code, "symbol_taken", "{clash:?}");
    }
    w.act(sec, set(2, "A/AC.292/2026/L.2")).unwrap();

    // Versions: the zero draft has the symbol; internal versions none;
    // the Nth named revision /Rev.N.
    let a = w.propose("BRA", ProposalKind::ReplaceWords, P1, Some(("shall", Some(1))), None, Some("should")).unwrap();
    w.on(Principal::Delegate(w.chair), EntryBody::ProposalAgreed, a).unwrap();
    let rev =
        |n: &str| Action::Negotiate(Box::new(EntryBody::RevisionIssued(RevisionIssued { process: 1, name: n.into() })));
    let b = w.propose("KEN", ProposalKind::DeleteWords, P1, Some(("in good faith", None)), None, None).unwrap();
    w.on(Principal::Delegate(w.chair), EntryBody::ProposalAgreed, b).unwrap();
    w.act(Principal::Delegate(w.chair), rev("Rev.1")).unwrap();
    let c = w.propose("CHN", ProposalKind::ReplaceWords, P1, Some(("information", None)), None, Some("data"));
    w.on(Principal::Delegate(w.chair), EntryBody::ProposalAgreed, c.unwrap()).unwrap();
    w.act(Principal::Delegate(w.chair), rev("Second revision")).unwrap();
    let p = w.process();
    let symbols: Vec<Option<String>> = p.versions.iter().map(|v| p.version_symbol(v)).collect();
    assert_eq!(
        symbols,
        [
            Some("A/AC.292/2026/L.1".to_owned()),
            None,
            Some("A/AC.292/2026/L.1/Rev.1".to_owned()),
            Some("A/AC.292/2026/L.1/Rev.2".to_owned()),
        ]
    );
    assert_eq!(w.replay(), w.state);
}

#[test]
fn document_symbol_syntax() {
    for good in ["A/AC.292/2026/L.1", "CCPR/C/GC/37", "x", "A-1.2", "A".repeat(60).as_str()] {
        assert_eq!(check_symbol(good), Ok(()), "{good:?}");
    }
    for bad in ["", "/", "A/", "/A", "A//B", "A B", "A/Ä", "A\n", "..", "A/../B", "A/-", ".", "A".repeat(61).as_str()]
    {
        assert_eq!(check_symbol(bad).unwrap_err().code, "invalid_symbol", "{bad:?}");
    }
}

/// The secretariat issues the rolling text and the compilation as
/// conference room papers: secretariat only, on the latest version, under
/// a symbol no process, revision or paper of the forum has, not twice for
/// an unchanged process; the fold numbers them, notes the entry and the
/// process's `changed`, and the digest has a `process P papers` part only
/// once one is issued.
#[test]
fn conference_room_papers_are_issued_under_their_own_symbols() {
    let mut w = World::new();
    let sec = Principal::Delegate(w.secretariat);
    let issue = |process: u64, kind: PaperKind, symbol: &str, version: u32| {
        Action::Negotiate(Box::new(EntryBody::ProcessPaperIssued(PaperIssued {
            process,
            kind,
            symbol: symbol.into(),
            version,
        })))
    };
    let set = |symbol: &str| {
        Action::Negotiate(Box::new(EntryBody::ProcessSymbolSet(SymbolSet { process: 1, symbol: symbol.into() })))
    };
    assert_eq!(next_paper_symbol(&w.state, w.process()), None, "no symbol, no suggestion");
    w.act(sec, set("A/AC.292/2026/L.1")).unwrap();
    assert_eq!(next_paper_symbol(&w.state, w.process()).as_deref(), Some("A/AC.292/2026/CRP.1"));
    let before = w.state.digest_parts();
    let (rt, comp) = (PaperKind::RollingText, PaperKind::Compilation);

    assert_eq!(
        w.act(Principal::Delegate(w.chair), issue(1, rt, "A/AC.292/2026/CRP.1", 1)).unwrap_err().code,
        "secretariat_only"
    );
    assert_eq!(w.act(w.head("BRA"), issue(1, rt, "A/AC.292/2026/CRP.1", 1)).unwrap_err().code, "secretariat_only");
    assert_eq!(w.act(sec, issue(9, rt, "A/AC.292/2026/CRP.1", 1)).unwrap_err().code, "unknown_process");
    assert_eq!(w.act(sec, issue(1, rt, "A/AC 292", 1)).unwrap_err().code, "invalid_symbol");
    assert_eq!(w.act(sec, issue(1, rt, "A/AC.292/2026/L.1", 1)).unwrap_err().code, "symbol_taken");
    assert_eq!(w.act(sec, issue(1, rt, "a/ac.292/2026/l.1/Rev.3", 1)).unwrap_err().code, "symbol_taken");
    assert_eq!(w.act(sec, issue(1, rt, "A/AC.292/2026/CRP.1", 2)).unwrap_err().code, "paper_outdated");
    assert_eq!(w.state.digest_parts(), before, "refusals change nothing");

    let changed = w.process().changed;
    w.act(sec, issue(1, rt, "A/AC.292/2026/CRP.1", 1)).unwrap();
    let after = w.state.digest_parts();
    let parts: Vec<&String> = after.keys().filter(|k| before.get(*k) != after.get(*k)).collect();
    assert_eq!(parts, ["process 1 papers"]);
    let paper = w.process().paper(1).unwrap().clone();
    assert_eq!((paper.number, paper.kind, paper.version, paper.as_of), (1, rt, 1, changed));
    assert_eq!(paper.entry, w.state.next_index - 1);
    assert_eq!(w.process().changed, changed, "a paper changes nothing the process shows");
    assert_eq!(w.process().current_paper(rt), Some(&paper));
    assert_eq!(w.process().paper(2).unwrap_err().code, "unknown_paper");

    // Twice on the same rolling text: refused; the compilation is another paper.
    assert_eq!(w.act(sec, issue(1, rt, "A/AC.292/2026/CRP.2", 1)).unwrap_err().code, "paper_unchanged");
    assert_eq!(w.act(sec, issue(1, comp, "a/ac.292/2026/crp.1", 1)).unwrap_err().code, "symbol_taken");
    w.act(sec, issue(1, comp, "A/AC.292/2026/CRP.2", 1)).unwrap();
    assert_eq!(next_paper_symbol(&w.state, w.process()).as_deref(), Some("A/AC.292/2026/CRP.3"));

    // Once the text changes, the rolling text is issued again.
    let a = w.propose("BRA", ProposalKind::ReplaceWords, P1, Some(("shall", Some(1))), None, Some("should")).unwrap();
    assert_eq!(w.process().current_paper(rt), None);
    w.act(sec, issue(1, rt, "A/AC.292/2026/CRP.3", 1)).unwrap();
    w.on(Principal::Delegate(w.chair), EntryBody::ProposalAgreed, a).unwrap();
    assert_eq!(w.act(sec, issue(1, rt, "A/AC.292/2026/CRP.4", 1)).unwrap_err().code, "paper_outdated");
    w.act(sec, issue(1, rt, "A/AC.292/2026/CRP.4", 2)).unwrap();
    let numbers: Vec<(u32, &str)> = w.process().papers.iter().map(|p| (p.number, p.symbol.as_str())).collect();
    assert_eq!(
        numbers,
        [
            (1, "A/AC.292/2026/CRP.1"),
            (2, "A/AC.292/2026/CRP.2"),
            (3, "A/AC.292/2026/CRP.3"),
            (4, "A/AC.292/2026/CRP.4")
        ]
    );

    // A process's symbol cannot be a paper's.
    w.open(DRAFT).unwrap();
    let set2 = Action::Negotiate(Box::new(EntryBody::ProcessSymbolSet(SymbolSet {
        process: 2,
        symbol: "A/AC.292/2026/CRP.2".into(),
    })));
    assert_eq!(w.act(sec, set2).unwrap_err().code, "symbol_taken");
    assert_eq!(w.replay(), w.state);
}
