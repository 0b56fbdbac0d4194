#![allow(clippy::too_many_lines)]

//! Scenarios of real practice with the 193 UN member states, through
//! prepare → encode → apply as the store runs them, with an injected clock.

use super::*;
use crate::blob::BlobRef;
use crate::entry::Entry;
use crate::entry::{Actor, EntryBody};
use crate::error::Refusal;
use crate::ids::MemberCode;
use crate::ids::{DelegateId, DisplayName, LanguageTag};
use crate::iso3166;
use crate::negotiation::ProposalStatus;
use crate::negotiation::{Anchor, ProcessOpened, ProposalKind, ProposalTabled};
use crate::state::{Action, MemberKind, Principal};
use crate::state::{MemberRole, MemberStatus, OfficerRole, State};

const HOUR: i64 = 3_600_000;
const DRAFT: &str = "# Framework\n\n### Article 1 — Purpose\n\n1. States shall cooperate in good faith.\n\n2. States should share information.\n";

struct World {
    state: State,
    log: Vec<(Vec<u8>, Option<Vec<u8>>)>,
    heads: Vec<(MemberCode, DelegateId)>,
    chair: DelegateId,
    sec: DelegateId,
    now: i64,
}

impl World {
    fn act(&mut self, who: Principal, body: EntryBody) -> Result<Entry, Refusal> {
        self.now += 1_000;
        let (actor, body, signature) = self.state.prepare_at(who, Action::Negotiate(Box::new(body)), self.now)?;
        self.sequence(actor, body, signature)
    }

    fn sequence(
        &mut self,
        actor: Actor,
        body: EntryBody,
        signature: Option<crate::MemberSignature>,
    ) -> Result<Entry, Refusal> {
        let entry = Entry { index: self.state.next_index, time: self.now, actor, body, signature };
        let bytes = entry.encode()?;
        self.state.apply(&entry)?;
        let blob = entry.body.blob().and_then(|b| b.content()).map(<[u8]>::to_vec);
        self.log.push((bytes, blob));
        Ok(entry)
    }

    fn system(&mut self, action: Action) -> Entry {
        self.now += 1;
        let (actor, body, sig) = self.state.prepare_at(Principal::System, action, self.now).unwrap();
        self.sequence(actor, body, sig).unwrap()
    }

    fn new() -> World {
        World::of_edition(crate::state::EDITION)
    }

    /// A world whose record follows `edition` of the rules: an older
    /// record, as one written before the current rules, replays as written.
    fn of_edition(edition: u32) -> World {
        let mut w = World {
            state: State::new(),
            log: Vec::new(),
            heads: Vec::new(),
            chair: DelegateId(0),
            sec: DelegateId(0),
            now: 1_700_000_000_000,
        };
        let name = |s: &str| DisplayName::parse(s).unwrap();
        w.now += 1;
        let settings = crate::entry::ForumSettings {
            name: name("Forum"),
            languages: LanguageTag::un_languages(),
            log: None,
            edition: Some(edition),
        };
        w.sequence(Actor::System, EntryBody::ForumEstablished(settings), None).unwrap();
        w.sec = w.state.next_delegate_id();
        w.system(Action::AppointOfficer { name: name("Sec"), role: OfficerRole::Secretariat });
        w.chair = w.state.next_delegate_id();
        w.system(Action::AppointOfficer { name: name("Chair"), role: OfficerRole::Chair });
        for c in iso3166::un_member_states() {
            let code = MemberCode::parse(c.alpha3).unwrap();
            w.system(Action::AdmitMember {
                code: code.clone(),
                name: None,
                kind: MemberKind::State,
                category: None,
                status: MemberStatus::Member,
            });
            let id = w.state.next_delegate_id();
            w.system(Action::AccreditDelegate {
                member: code.clone(),
                name: name("Head"),
                role: MemberRole::HeadOfDelegation,
            });
            w.heads.push((code, id));
        }
        w.system(Action::AdmitMember {
            code: MemberCode::parse("VAT").unwrap(),
            name: None,
            kind: MemberKind::State,
            category: None,
            status: MemberStatus::Observer,
        });
        w.system(Action::AccreditDelegate {
            member: MemberCode::parse("VAT").unwrap(),
            name: name("Observer"),
            role: MemberRole::HeadOfDelegation,
        });
        let sec = Principal::Delegate(w.sec);
        w.act(
            sec,
            EntryBody::ProcessOpened(ProcessOpened { title: "Framework".into(), draft: BlobRef::of(DRAFT.into()) }),
        )
        .unwrap();
        for (m, q) in [(0usize, "shall"), (1, "should")] {
            let who = Principal::Delegate(w.heads[m].1);
            let eid = if q == "shall" { "art_1__para_1" } else { "art_1__para_2" };
            let t = ProposalTabled {
                process: 1,
                kind: ProposalKind::ReplaceWords,
                eid: eid.into(),
                version: 1,
                anchor: Some(Anchor { quote: q.into(), occurrence: None }),
                position: None,
                text: Some(if q == "shall" { "should".into() } else { "shall".into() }),
                heading: None,
                justification: String::new(),
            };
            w.act(who, EntryBody::ProposalTabled(t)).unwrap();
        }
        w.act(sec, EntryBody::SessionOpened(SessionOpened { title: "Third substantive session".into() })).unwrap();
        w.act(
            sec,
            EntryBody::MeetingScheduled(MeetingScheduled {
                session: 1,
                date: "2026-11-30".into(),
                place: "Conference Room 4".into(),
            }),
        )
        .unwrap();
        w
    }

    fn head(&self, i: usize) -> Principal {
        Principal::Delegate(self.heads[i].1)
    }

    /// Members 0..n register at meeting 1; the chair opens it when the
    /// quorum to open (65 of 193) is there.
    fn attend(&mut self, n: usize) {
        for i in 0..n {
            if !self.state.proceedings.meetings[0].present.contains(&self.heads[i].0) {
                self.act(self.head(i), EntryBody::AttendanceRegistered(AttendanceRegistered { meeting: 1 })).unwrap();
            }
        }
        if n >= 65 && self.state.proceedings.meetings[0].opened.is_none() {
            self.chair(EntryBody::MeetingOpened(MeetingRef { meeting: 1 })).unwrap();
        }
    }

    fn chair(&mut self, body: EntryBody) -> Result<Entry, Refusal> {
        self.act(Principal::Delegate(self.chair), body)
    }

    fn open_vote(&mut self, target: Target, majority: Majority) -> u64 {
        self.chair(EntryBody::VoteOpened(VoteOpened { process: 1, target, majority, meeting: 1, version: None }))
            .unwrap();
        self.state.proceedings.votes.len() as u64
    }

    /// Members 0.. vote yes, then no, then abstain.
    fn ballots(&mut self, vote: u64, yes: usize, no: usize, abstain: usize) {
        let choices = std::iter::repeat_n(Choice::Yes, yes)
            .chain(std::iter::repeat_n(Choice::No, no))
            .chain(std::iter::repeat_n(Choice::Abstain, abstain));
        for (i, choice) in choices.enumerate() {
            self.act(self.head(i), EntryBody::BallotCast(BallotCast { vote, choice })).unwrap();
        }
    }

    fn close(&mut self, vote: u64) -> Result<Tally, Refusal> {
        self.chair(EntryBody::VoteClosed(VoteRef { vote }))?;
        Ok(self.state.proceedings.decisions.last().unwrap().tally.unwrap())
    }

    fn replay(&self) -> State {
        let mut s = State::new();
        for (bytes, blob) in &self.log {
            let mut e = Entry::decode(bytes).unwrap();
            if let (Some(b), Some(content)) = (e.body.blob_mut(), blob) {
                b.attach(content.clone()).unwrap();
            }
            s.apply(&e).unwrap();
        }
        s
    }
}

#[test]
fn shares_and_tallies() {
    let r = Rules::default();
    assert_eq!(r.meeting_quorum.of(193), 65);
    assert_eq!(r.decision_quorum.of(193), 97);
    assert_eq!(r.decision_quorum.of(100), 51);
    let t = tally(100, 30, 20, Majority::TwoThirds, Abstentions::NotCounted);
    assert_eq!((t.present_and_voting, t.required, t.adopted), (130, 87, true));
    assert!(!tally(60, 60, 5, Majority::Simple, Abstentions::NotCounted).adopted, "a tie fails");
    assert!(tally(61, 60, 0, Majority::Simple, Abstentions::NotCounted).adopted);
    assert!(tally(80, 40, 0, Majority::TwoThirds, Abstentions::NotCounted).adopted, "exactly two thirds");
    assert!(!tally(79, 40, 0, Majority::TwoThirds, Abstentions::NotCounted).adopted);
    assert!(!tally(61, 60, 2, Majority::Simple, Abstentions::Counted).adopted, "counted abstentions raise the bar");
    assert!(!tally(0, 0, 10, Majority::Simple, Abstentions::NotCounted).adopted, "no one voting adopts nothing");
}

#[test]
fn recorded_votes_at_the_edges_of_majority_and_quorum() {
    let mut w = World::new();
    w.attend(150);
    // 100 yes, 30 no, 20 abstain, two thirds: adopted, and P-1 goes into the text.
    let v = w.open_vote(Target::Proposal(1), Majority::TwoThirds);
    w.ballots(v, 100, 30, 20);
    // A second ballot replaces the first: member 0 changes yes → abstain → yes.
    for choice in [Choice::Abstain, Choice::Yes] {
        w.act(w.head(0), EntryBody::BallotCast(BallotCast { vote: v, choice })).unwrap();
    }
    // The same ballot again records nothing.
    let e = w.act(w.head(0), EntryBody::BallotCast(BallotCast { vote: v, choice: Choice::Yes })).unwrap_err();
    assert_eq!(e.code, "ballot_unchanged");
    let t = w.close(v).unwrap();
    assert_eq!((t.yes, t.no, t.abstain, t.present_and_voting, t.required, t.adopted), (100, 30, 20, 130, 87, true));
    assert_eq!(
        w.state.processes[0].latest().instrument.get("art_1__para_1").unwrap().text,
        "States should cooperate in good faith."
    );
    // After closing: no ballot, no second close.
    let e = w.act(w.head(5), EntryBody::BallotCast(BallotCast { vote: v, choice: Choice::No })).unwrap_err();
    assert_eq!(e.code, "vote_closed");
    assert_eq!(w.chair(EntryBody::VoteClosed(VoteRef { vote: v })).unwrap_err().code, "vote_closed");

    // A tie under simple majority fails; P-2 is rejected.
    let v = w.open_vote(Target::Proposal(2), Majority::Simple);
    w.ballots(v, 60, 60, 10);
    let t = w.close(v).unwrap();
    assert!(!t.adopted);
    assert_eq!(w.state.processes[0].proposals[1].status, ProposalStatus::Rejected);

    // Quorum: 97 of 193 needed to decide, when the question is put and
    // when the vote closes.
    let mut w = World::new();
    w.attend(96);
    let before = w.state.clone();
    let open = EntryBody::VoteOpened(VoteOpened {
        process: 1,
        target: Target::Instrument,
        majority: Majority::TwoThirds,
        meeting: 1,
        version: None,
    });
    assert_eq!(w.chair(open).unwrap_err().code, "no_quorum");
    assert_eq!(w.state, before, "a refusal changes nothing");
    w.attend(97);
    let v = w.open_vote(Target::Instrument, Majority::TwoThirds);
    w.ballots(v, 80, 10, 0);
    // A delegation leaves (the secretariat corrects the list): no quorum to close.
    let sec = Principal::Delegate(w.sec);
    let member = w.heads[96].0.clone();
    let absent = AttendanceCorrected { meeting: 1, member: member.clone(), present: false };
    w.act(sec, EntryBody::AttendanceCorrected(absent)).unwrap();
    let before = w.state.clone();
    assert_eq!(w.close(v).unwrap_err().code, "no_quorum");
    assert_eq!(w.state, before, "a refusal changes nothing");
    w.act(sec, EntryBody::AttendanceCorrected(AttendanceCorrected { meeting: 1, member, present: true })).unwrap();
    let t = w.close(v).unwrap();
    assert!(t.adopted);
    assert_eq!(w.state.processes[0].adopted_version, Some(1), "adoption freezes the final version");
    let e = w
        .chair(EntryBody::VoteOpened(VoteOpened {
            process: 1,
            target: Target::Proposal(2),
            majority: Majority::Simple,
            meeting: 1,
            version: None,
        }))
        .unwrap_err();
    assert_eq!(e.code, "instrument_adopted");
    assert_eq!(w.replay(), w.state);
}

#[test]
fn who_may_vote() {
    let mut w = World::new();
    w.attend(120);
    let v = w.open_vote(Target::Proposal(1), Majority::Simple);
    // Absent member, observer, officer: refused.
    let e = w.act(w.head(150), EntryBody::BallotCast(BallotCast { vote: v, choice: Choice::Yes })).unwrap_err();
    assert_eq!(e.code, "not_present");
    let observer = Principal::Delegate(DelegateId(w.state.next_delegate_id().0 - 1));
    let e = w.act(observer, EntryBody::BallotCast(BallotCast { vote: v, choice: Choice::Yes })).unwrap_err();
    assert_eq!(e.code, "not_a_voting_member");
    let e = w.chair(EntryBody::BallotCast(BallotCast { vote: v, choice: Choice::Yes })).unwrap_err();
    assert_eq!(e.code, "delegation_only");
    // A delegate cannot vote for another member: the entry's actor is
    // checked against the accreditation on replay too.
    let forged = Entry {
        index: w.state.next_index,
        time: w.now + 1,
        actor: Actor::Delegate { delegate: w.heads[0].1, member: w.heads[1].0.clone() },
        body: EntryBody::BallotCast(BallotCast { vote: v, choice: Choice::No }),
        signature: None,
    };
    assert_eq!(w.state.clone().apply(&forged).unwrap_err().code, "actor_mismatch");
    // Only the chair opens and closes.
    let e = w.act(w.head(0), EntryBody::VoteClosed(VoteRef { vote: v })).unwrap_err();
    assert_eq!(e.code, "chair_only");
    // One procedure at a time on one target.
    let e = w
        .chair(EntryBody::ConsensusProposed(ConsensusProposed {
            process: 1,
            target: Target::Proposal(1),
            meeting: 1,
            ad_referendum: false,
            version: None,
        }))
        .unwrap_err();
    assert_eq!(e.code, "decision_pending");
}

#[test]
fn consensus_with_an_objection_and_ad_referendum() {
    let mut w = World::new();
    w.attend(193);
    w.chair(EntryBody::ConsensusProposed(ConsensusProposed {
        process: 1,
        target: Target::Proposal(1),
        meeting: 1,
        ad_referendum: false,
        version: None,
    }))
    .unwrap();
    w.act(
        w.head(7),
        EntryBody::ConsensusObjected(ConsensusObjected { consensus: 1, reason: "Our capital has not agreed.".into() }),
    )
    .unwrap();
    let e = w
        .act(w.head(7), EntryBody::ConsensusObjected(ConsensusObjected { consensus: 1, reason: "Again.".into() }))
        .unwrap_err();
    assert_eq!(e.code, "already_objected");
    w.chair(EntryBody::ConsensusDeclared(ConsensusRef { consensus: 1 })).unwrap();
    let d = &w.state.proceedings.decisions[0];
    assert_eq!((d.method, d.outcome), (Method::Consensus, Outcome::NotAdopted));
    assert_eq!(d.objections, vec![(w.heads[7].0.clone(), "Our capital has not agreed.".to_owned())]);
    assert_eq!(
        w.state.processes[0].proposals[0].status,
        ProposalStatus::Tabled,
        "a blocked consensus leaves the proposal open"
    );

    // Ad referendum: agreed, and in the text only once confirmed.
    w.chair(EntryBody::ConsensusProposed(ConsensusProposed {
        process: 1,
        target: Target::Proposal(1),
        meeting: 1,
        ad_referendum: true,
        version: None,
    }))
    .unwrap();
    w.chair(EntryBody::ConsensusDeclared(ConsensusRef { consensus: 2 })).unwrap();
    assert_eq!(w.state.proceedings.decisions[1].outcome, Outcome::AgreedAdReferendum);
    assert_eq!(w.state.processes[0].versions.len(), 1);
    w.chair(EntryBody::DecisionConfirmed(DecisionRef { decision: 2 })).unwrap();
    assert_eq!(w.state.processes[0].versions.len(), 2);
    assert_eq!(
        w.chair(EntryBody::DecisionConfirmed(DecisionRef { decision: 2 })).unwrap_err().code,
        "already_confirmed"
    );
    assert_eq!(w.replay(), w.state);
}

#[test]
fn silence_procedures_broken_and_concluded() {
    let mut w = World::new();
    let start = |deadline| {
        EntryBody::SilenceStarted(SilenceStarted { process: 1, target: Target::Proposal(1), deadline, version: None })
    };
    let e = w.chair(start(w.now + 24 * HOUR)).unwrap_err();
    assert_eq!(e.code, "deadline_too_soon");
    w.chair(start(w.now + 73 * HOUR)).unwrap();
    w.act(w.head(3), EntryBody::SilenceBroken(SilenceBroken { silence: 1, reason: "We need more time.".into() }))
        .unwrap();
    assert_eq!(w.state.proceedings.decisions[0].outcome, Outcome::NotAdopted);
    assert_eq!(w.state.proceedings.running_silences().count(), 0);

    w.chair(start(w.now + 73 * HOUR)).unwrap();
    let deadline = w.state.proceedings.silences[1].deadline;
    // Not before the deadline.
    let e = w
        .state
        .prepare_at(
            Principal::System,
            Action::Negotiate(Box::new(EntryBody::SilenceConcluded(SilenceRef { silence: 2 }))),
            deadline - 1,
        )
        .unwrap_err();
    assert_eq!(e.code, "deadline_not_reached");
    // Restart in the middle: the replayed state concludes it the same way.
    let mut replayed =
        World { state: w.replay(), log: w.log.clone(), heads: w.heads.clone(), chair: w.chair, sec: w.sec, now: w.now };
    for world in [&mut w, &mut replayed] {
        world.now = deadline;
        let e = world
            .act(world.head(4), EntryBody::SilenceBroken(SilenceBroken { silence: 2, reason: "Too late.".into() }))
            .unwrap_err();
        assert_eq!(e.code, "deadline_passed");
        world.act(Principal::System, EntryBody::SilenceConcluded(SilenceRef { silence: 2 })).unwrap();
        assert_eq!(world.state.proceedings.decisions[1].outcome, Outcome::Adopted);
        let e = world.act(Principal::System, EntryBody::SilenceConcluded(SilenceRef { silence: 2 })).unwrap_err();
        assert_eq!(e.code, "silence_ended", "never twice");
        assert_eq!(
            world.state.processes[0].latest().instrument.get("art_1__para_1").unwrap().text,
            "States should cooperate in good faith."
        );
    }
    assert_eq!(replayed.state, w.state);
    // Only Accord concludes.
    w.chair(EntryBody::SilenceStarted(SilenceStarted {
        process: 1,
        target: Target::Instrument,
        deadline: w.now + 80 * HOUR,
        version: None,
    }))
    .unwrap();
    w.now += 81 * HOUR;
    assert_eq!(w.chair(EntryBody::SilenceConcluded(SilenceRef { silence: 3 })).unwrap_err().code, "system_only");
    assert_eq!(w.replay(), w.state);
}

#[test]
fn rules_change_by_entry() {
    let mut w = World::new();
    let rules = Rules { abstentions: Abstentions::Counted, silence_min_hours: 24, ..Rules::default() };
    let e =
        w.act(w.head(0), EntryBody::RulesChanged(RulesChanged { process: Some(1), rules: rules.clone() })).unwrap_err();
    assert_eq!(e.code, "secretariat_only");
    w.act(Principal::Delegate(w.sec), EntryBody::RulesChanged(RulesChanged { process: Some(1), rules: rules.clone() }))
        .unwrap();
    assert_eq!(w.state.proceedings.rules_for(1), &rules);
    assert_eq!(w.state.proceedings.rules_for(2), &Rules::default());
    w.chair(EntryBody::SilenceStarted(SilenceStarted {
        process: 1,
        target: Target::Proposal(1),
        deadline: w.now + 25 * HOUR,
        version: None,
    }))
    .unwrap();
    let mut bad = rules;
    bad.decision_quorum.denominator = 0;
    let e = w
        .act(Principal::Delegate(w.sec), EntryBody::RulesChanged(RulesChanged { process: None, rules: bad }))
        .unwrap_err();
    assert_eq!(e.code, "invalid_rules");
    assert_eq!(w.replay(), w.state);
}

#[test]
fn a_meeting_opens_with_its_quorum_and_closes_with_nothing_pending() {
    let mut w = World::new();
    w.attend(64);
    let open = EntryBody::MeetingOpened(MeetingRef { meeting: 1 });
    // Questions wait for the meeting to open.
    let vote = EntryBody::VoteOpened(VoteOpened {
        process: 1,
        target: Target::Proposal(1),
        majority: Majority::Simple,
        meeting: 1,
        version: None,
    });
    assert_eq!(w.chair(vote.clone()).unwrap_err().code, "meeting_not_open");
    // 64 of 193 present: a third (65) is needed to open.
    let before = w.state.clone();
    let e = w.chair(open.clone()).unwrap_err();
    assert_eq!(
        (e.code, e.message.as_str()),
        ("no_quorum", "64 members are present at meeting 1; opening it needs 65 of the 193")
    );
    assert_eq!(w.state, before, "a refusal changes nothing");
    // The observer's registration does not count towards it.
    let observer = Principal::Delegate(DelegateId(w.state.next_delegate_id().0 - 1));
    w.act(observer, EntryBody::AttendanceRegistered(AttendanceRegistered { meeting: 1 })).unwrap();
    assert_eq!(w.chair(open.clone()).unwrap_err().code, "no_quorum");
    assert_eq!(w.act(w.head(0), open.clone()).unwrap_err().code, "chair_only");
    w.attend(65);
    assert!(w.state.proceedings.meetings[0].is_open());
    assert_eq!(w.chair(open.clone()).unwrap_err().code, "meeting_open");
    // Open with 65, but a question needs the quorum to decide (97).
    assert_eq!(w.chair(vote.clone()).unwrap_err().code, "no_quorum");
    w.attend(100);
    // Not closed while a vote is open.
    w.chair(vote).unwrap();
    let close = EntryBody::MeetingClosed(MeetingRef { meeting: 1 });
    assert_eq!(w.chair(close.clone()).unwrap_err().code, "decision_pending");
    w.ballots(1, 40, 10, 15);
    assert!(w.close(1).unwrap().adopted);
    w.chair(close.clone()).unwrap();
    assert_eq!(w.state.proceedings.meetings[0].status(), "closed");
    // A closed meeting takes no attendance, question or reopening.
    let e = w.act(w.head(150), EntryBody::AttendanceRegistered(AttendanceRegistered { meeting: 1 })).unwrap_err();
    assert_eq!(e.code, "meeting_closed");
    let e = w
        .chair(EntryBody::ConsensusProposed(ConsensusProposed {
            process: 1,
            target: Target::Proposal(2),
            meeting: 1,
            ad_referendum: false,
            version: None,
        }))
        .unwrap_err();
    assert_eq!(e.code, "meeting_closed");
    assert_eq!(w.chair(open).unwrap_err().code, "meeting_closed");
    assert_eq!(w.chair(close).unwrap_err().code, "meeting_closed");
    assert_eq!(w.replay(), w.state);
}

#[test]
fn important_questions_need_the_important_majority() {
    let mut w = World::new();
    w.attend(150);
    let vote = |target: Target, majority: Majority| {
        EntryBody::VoteOpened(VoteOpened { process: 1, target, majority, meeting: 1, version: None })
    };
    let designate = |target: Target| EntryBody::ImportantQuestionDesignated(ImportantQuestion { process: 1, target });
    // Only the chair designates.
    let e = w.act(w.head(0), designate(Target::Provision("art_1__para_1".into()))).unwrap_err();
    assert_eq!(e.code, "chair_only");
    assert_eq!(w.chair(designate(Target::Provision("art_9".into()))).unwrap_err().code, "unknown_eid");
    w.chair(designate(Target::Provision("art_1__para_1".into()))).unwrap();
    let e = w.chair(designate(Target::Provision("art_1__para_1".into()))).unwrap_err();
    assert_eq!(e.code, "already_important");
    // P-1 amends art_1__para_1: an amendment to an important question.
    let before = w.state.clone();
    let e = w.chair(vote(Target::Proposal(1), Majority::Simple)).unwrap_err();
    assert_eq!(e.code, "important_question");
    assert!(e.message.contains("two-thirds"), "{}", e.message);
    assert_eq!(w.state, before);
    assert_eq!(w.state.majority_for(1, &Target::Proposal(1)), Majority::TwoThirds);
    w.chair(vote(Target::Proposal(1), Majority::TwoThirds)).unwrap();
    // P-2 amends paragraph 2, which is not important: either majority.
    w.chair(vote(Target::Proposal(2), Majority::Simple)).unwrap();
    // The whole instrument designated: every question in it is important.
    w.chair(designate(Target::Instrument)).unwrap();
    let e = w.chair(vote(Target::Provision("art_1__para_2".into()), Majority::Simple)).unwrap_err();
    assert_eq!(e.code, "important_question");
    assert_eq!(w.replay(), w.state);
}

#[test]
fn one_speaker_at_a_time_and_only_delegations_present() {
    let mut w = World::new();
    let sec = Principal::Delegate(w.sec);
    for title in ["General debate", "Chapter I"] {
        w.act(sec, EntryBody::AgendaItemAdded(AgendaItemAdded { meeting: 1, title: title.into(), parent: None }))
            .unwrap();
    }
    let ask = |item| EntryBody::FloorRequested(FloorRequested { meeting: 1, item, kind: FloorKind::Statement });
    // Absent delegations do not ask for the floor.
    assert_eq!(w.act(w.head(0), ask(1)).unwrap_err().code, "not_present");
    w.attend(100);
    w.act(w.head(0), ask(1)).unwrap();
    w.act(w.head(1), ask(2)).unwrap();
    let next = |item| EntryBody::FloorGiven(FloorGiven { meeting: 1, item });
    w.chair(next(1)).unwrap();
    w.chair(next(2)).unwrap();
    let speaking = |w: &World| -> Vec<(u32, u32)> {
        w.state.proceedings.meetings[0]
            .agenda
            .iter()
            .flat_map(|i| i.requests.iter().filter(|r| r.status == "speaking").map(move |r| (i.number, r.number)))
            .collect()
    };
    assert_eq!(speaking(&w), vec![(2, 1)], "calling a speaker on item 2 ended the turn on item 1");
    // No one waits on item 1 and no one speaks there: nothing to call.
    assert_eq!(w.chair(next(1)).unwrap_err().code, "no_speaker");
    assert_eq!(speaking(&w), vec![(2, 1)]);
    // "Next" with no one waiting ends the turn; then there is no one to call.
    w.chair(next(2)).unwrap();
    assert!(speaking(&w).is_empty());
    assert_eq!(w.chair(next(2)).unwrap_err().code, "no_speaker");
    // A closed meeting takes no request, agenda item or time limit.
    w.chair(EntryBody::MeetingClosed(MeetingRef { meeting: 1 })).unwrap();
    assert_eq!(w.act(w.head(2), ask(1)).unwrap_err().code, "meeting_closed");
    let item = EntryBody::AgendaItemAdded(AgendaItemAdded { meeting: 1, title: "Late".into(), parent: None });
    assert_eq!(w.act(sec, item).unwrap_err().code, "meeting_closed");
    let time = EntryBody::SpeakingTimeSet(SpeakingTimeSet { meeting: 1, item: 1, seconds: Some(60) });
    assert_eq!(w.chair(time).unwrap_err().code, "meeting_closed");
    assert_eq!(w.replay(), w.state);
}

#[test]
fn the_state_digest_names_every_part_and_only_what_changed() {
    let mut w = World::new();
    w.attend(100);
    let v = w.open_vote(Target::Proposal(1), Majority::Simple);
    let parts = w.state.digest_parts();
    for name in [
        "forum",
        "members",
        "delegates",
        "rules",
        "process 1",
        "process 1 proposals",
        "session 1",
        "meeting 1",
        "vote 1",
    ] {
        assert!(parts.contains_key(name), "{name} in {:?}", parts.keys().collect::<Vec<_>>());
    }
    assert_eq!(parts["process 1 version 1 text"], w.state.processes[0].versions[0].instrument.digest());

    // One ballot changes the vote's part and nothing else.
    w.act(w.head(0), EntryBody::BallotCast(BallotCast { vote: v, choice: Choice::No })).unwrap();
    let after = w.state.digest_parts();
    let changed: Vec<&String> = after.keys().filter(|k| parts.get(*k) != after.get(*k)).collect();
    assert_eq!(changed, ["vote 1"]);
    assert_ne!(State::digest_v2(w.state.next_index, &after), State::digest_v2(w.state.next_index, &parts));

    // Closing it decides, and the text changes: a decision and a version
    // appear. (Member 0's ballot becomes yes.)
    w.ballots(v, 90, 5, 0);
    w.close(v).unwrap();
    let decided = w.state.digest_parts();
    for name in ["decision 1", "process 1 version 2 text", "process 1 version 2 provenance"] {
        assert!(decided.contains_key(name) && !after.contains_key(name), "{name}");
    }
    assert_eq!(decided["process 1 version 1 text"], parts["process 1 version 1 text"], "versions never change");
    // The replay names the same parts with the same digests.
    assert_eq!(w.replay().digest_parts(), decided);
}

/// An adviser of `member` (index into the heads, or the observer VAT).
fn adviser(w: &mut World, member: &str) -> Principal {
    let id = w.state.next_delegate_id();
    w.system(Action::AccreditDelegate {
        member: MemberCode::parse(member).unwrap(),
        name: DisplayName::parse("Adviser").unwrap(),
        role: MemberRole::Adviser,
    });
    Principal::Delegate(id)
}

#[test]
fn advisers_take_no_action_in_meetings() {
    let mut w = World::new();
    let sec = Principal::Delegate(w.sec);
    w.act(
        sec,
        EntryBody::AgendaItemAdded(AgendaItemAdded { meeting: 1, title: "General debate".into(), parent: None }),
    )
    .unwrap();
    let member = w.heads[0].0.clone();
    let member_adviser = adviser(&mut w, member.as_str());
    let observer_adviser = adviser(&mut w, "VAT");
    let register = EntryBody::AttendanceRegistered(AttendanceRegistered { meeting: 1 });
    for who in [member_adviser, observer_adviser] {
        let before = w.state.clone();
        assert_eq!(w.act(who, register.clone()).unwrap_err().code, "adviser");
        assert_eq!(w.state, before, "a refusal changes nothing");
    }
    w.attend(100);
    let leave =
        EntryBody::AttendanceCorrected(AttendanceCorrected { meeting: 1, member: member.clone(), present: false });
    assert_eq!(w.act(member_adviser, leave.clone()).unwrap_err().code, "adviser");
    assert!(w.state.proceedings.meetings[0].present.contains(&member), "the member is still present");
    let ask = EntryBody::FloorRequested(FloorRequested { meeting: 1, item: 1, kind: FloorKind::Statement });
    assert_eq!(w.act(member_adviser, ask.clone()).unwrap_err().code, "adviser");
    w.act(w.head(0), ask).unwrap();
    let withdraw = EntryBody::FloorWithdrawn(FloorWithdrawn { meeting: 1, item: 1, request: 1 });
    assert_eq!(w.act(member_adviser, withdraw.clone()).unwrap_err().code, "adviser");
    w.chair(EntryBody::FloorGiven(FloorGiven { meeting: 1, item: 1 })).unwrap();
    let statement = |text: &str| {
        EntryBody::StatementDelivered(StatementDelivered {
            meeting: 1,
            item: 1,
            request: 1,
            text: Some(text.into()),
            file: None,
            file_name: None,
        })
    };
    assert_eq!(w.act(member_adviser, statement("Not ours to give.")).unwrap_err().code, "adviser");
    // The head of delegation does all of it.
    w.act(w.head(0), statement("Our statement.")).unwrap();
    w.act(w.head(0), leave).unwrap();
    assert!(!w.state.proceedings.meetings[0].present.contains(&member));
    assert_eq!(w.replay(), w.state);
}

#[test]
fn an_older_record_where_an_adviser_acted_in_a_meeting_replays() {
    let mut w = World::of_edition(2);
    let sec = Principal::Delegate(w.sec);
    w.act(
        sec,
        EntryBody::AgendaItemAdded(AgendaItemAdded { meeting: 1, title: "General debate".into(), parent: None }),
    )
    .unwrap();
    let observer_adviser = adviser(&mut w, "VAT");
    let member = w.heads[0].0.clone();
    let member_adviser = adviser(&mut w, member.as_str());
    w.attend(100);
    // What edition 2 let an adviser do: register an observer, ask for the
    // floor and withdraw the request, take its member off the list.
    w.act(observer_adviser, EntryBody::AttendanceRegistered(AttendanceRegistered { meeting: 1 })).unwrap();
    w.act(
        member_adviser,
        EntryBody::FloorRequested(FloorRequested { meeting: 1, item: 1, kind: FloorKind::Statement }),
    )
    .unwrap();
    w.act(member_adviser, EntryBody::FloorWithdrawn(FloorWithdrawn { meeting: 1, item: 1, request: 1 })).unwrap();
    w.act(member_adviser, EntryBody::AttendanceCorrected(AttendanceCorrected { meeting: 1, member, present: false }))
        .unwrap();
    assert_eq!(w.state.edition(), 2);
    assert_eq!(w.replay(), w.state, "the older record replays as written");
}

fn consensus_on(target: Target, ad_referendum: bool) -> EntryBody {
    EntryBody::ConsensusProposed(ConsensusProposed { process: 1, target, meeting: 1, ad_referendum, version: None })
}

fn agree(proposal: u64) -> EntryBody {
    EntryBody::ProposalAgreed(crate::negotiation::ProposalRef { process: 1, proposal })
}

#[test]
fn the_text_does_not_change_while_the_instrument_is_before_the_members() {
    let mut w = World::new();
    w.attend(193);
    w.chair(consensus_on(Target::Instrument, false)).unwrap();
    assert_eq!(w.state.proceedings.consensus[0].version, Some(1), "the question names the version it is put on");
    let before = w.state.clone();
    // The chair's agreement, a revision, a question on a part: refused.
    assert_eq!(w.chair(agree(1)).unwrap_err().code, "instrument_decision_pending");
    let revision = EntryBody::RevisionIssued(crate::negotiation::RevisionIssued { process: 1, name: "Rev.1".into() });
    assert_eq!(w.chair(revision).unwrap_err().code, "instrument_decision_pending");
    let e = w
        .chair(EntryBody::VoteOpened(VoteOpened {
            process: 1,
            target: Target::Provision("art_1__para_1".into()),
            majority: Majority::Simple,
            meeting: 1,
            version: None,
        }))
        .unwrap_err();
    assert_eq!(e.code, "instrument_decision_pending");
    assert_eq!(w.chair(consensus_on(Target::Proposal(2), false)).unwrap_err().code, "instrument_decision_pending");
    assert_eq!(w.state, before, "refusals change nothing");
    w.chair(EntryBody::ConsensusDeclared(ConsensusRef { consensus: 1 })).unwrap();
    let d = w.state.proceedings.decisions.last().unwrap();
    assert_eq!((d.outcome, d.version, d.adopted_version), (Outcome::Adopted, Some(1), Some(1)));
    assert_eq!(w.state.processes[0].adopted_version, Some(1));
    assert_eq!(w.replay(), w.state);
}

#[test]
fn the_instrument_is_put_when_no_question_on_a_part_is_pending() {
    let mut w = World::new();
    w.attend(193);
    // A vote on a provision is open: the instrument waits for it, so that
    // the vote cannot close on an adopted instrument.
    let v = w.open_vote(Target::Provision("art_1__para_2".into()), Majority::Simple);
    let e = w.chair(consensus_on(Target::Instrument, false)).unwrap_err();
    assert_eq!(e.code, "decision_pending");
    let silence = EntryBody::SilenceStarted(SilenceStarted {
        process: 1,
        target: Target::Instrument,
        deadline: w.now + 100 * HOUR,
        version: None,
    });
    assert_eq!(w.chair(silence).unwrap_err().code, "decision_pending");
    w.ballots(v, 10, 20, 0);
    w.close(v).unwrap();
    // A question naming a version that is not the latest is refused.
    w.chair(agree(1)).unwrap();
    assert_eq!(w.state.processes[0].latest().number, 2);
    let stale = EntryBody::VoteOpened(VoteOpened {
        process: 1,
        target: Target::Instrument,
        majority: Majority::TwoThirds,
        meeting: 1,
        version: Some(1),
    });
    assert_eq!(w.chair(stale).unwrap_err().code, "version_changed");
    let v = w.open_vote(Target::Instrument, Majority::TwoThirds);
    assert_eq!(w.state.proceedings.votes[v as usize - 1].version, Some(2));
    w.ballots(v, 150, 0, 0);
    w.close(v).unwrap();
    let d = w.state.proceedings.decisions.last().unwrap();
    assert_eq!((d.version, d.adopted_version), (Some(2), Some(2)));
    assert_eq!(w.replay(), w.state);
}

#[test]
fn an_instrument_agreed_ad_referendum_is_confirmed_only_as_agreed() {
    let mut w = World::new();
    w.attend(193);
    w.chair(consensus_on(Target::Instrument, true)).unwrap();
    w.chair(EntryBody::ConsensusDeclared(ConsensusRef { consensus: 1 })).unwrap();
    let d = w.state.proceedings.decisions.last().unwrap().clone();
    assert_eq!((d.outcome, d.version, d.adopted_version), (Outcome::AgreedAdReferendum, Some(1), None));
    // The text changes before capitals confirm: the agreement cannot adopt another text.
    w.chair(agree(1)).unwrap();
    let before = w.state.clone();
    let e = w.chair(EntryBody::DecisionConfirmed(DecisionRef { decision: d.id })).unwrap_err();
    assert_eq!(e.code, "version_changed");
    assert_eq!(w.state, before);
    assert_eq!(w.state.processes[0].adopted_version, None);

    // Confirmed on the same text: the decision says the version adopted.
    let mut w = World::new();
    w.attend(193);
    w.chair(consensus_on(Target::Instrument, true)).unwrap();
    w.chair(EntryBody::ConsensusDeclared(ConsensusRef { consensus: 1 })).unwrap();
    // A vote on a provision opened before confirmation holds it back, so
    // that the vote never closes on an adopted instrument.
    let v = w.open_vote(Target::Provision("art_1__para_2".into()), Majority::Simple);
    let confirm = EntryBody::DecisionConfirmed(DecisionRef { decision: 1 });
    assert_eq!(w.chair(confirm.clone()).unwrap_err().code, "decision_pending");
    w.ballots(v, 10, 20, 0);
    w.close(v).unwrap();
    w.chair(confirm).unwrap();
    assert_eq!(w.state.proceedings.decisions[0].adopted_version, Some(1));
    assert_eq!(w.replay(), w.state);
}

#[test]
fn a_question_without_its_version_is_refused_from_edition_three() {
    let mut w = World::new();
    w.attend(193);
    // An entry naming no version, as a signed or hand-made one could.
    let entry = Entry {
        index: w.state.next_index,
        time: w.now + 1,
        actor: w.state.actor_for(Principal::Delegate(w.chair)).unwrap(),
        body: consensus_on(Target::Instrument, false),
        signature: None,
    };
    assert_eq!(w.state.clone().apply(&entry).unwrap_err().code, "version_required");
}

#[test]
fn an_older_record_that_changed_the_text_under_a_decision_replays() {
    // What edition 2 allowed: the text changed under a pending consensus on
    // the instrument, and a vote on a provision opened before the adoption
    // closed after it.
    let mut w = World::of_edition(2);
    w.attend(193);
    let v = w.open_vote(Target::Provision("art_1__para_2".into()), Majority::Simple);
    w.chair(consensus_on(Target::Instrument, false)).unwrap();
    w.chair(agree(1)).unwrap();
    let revision = EntryBody::RevisionIssued(crate::negotiation::RevisionIssued { process: 1, name: "Rev.1".into() });
    w.chair(revision).unwrap();
    w.chair(EntryBody::ConsensusDeclared(ConsensusRef { consensus: 1 })).unwrap();
    assert_eq!(w.state.processes[0].adopted_version, Some(2));
    w.ballots(v, 10, 20, 0);
    w.close(v).unwrap();
    assert_eq!(w.state.proceedings.decisions.len(), 2);
    assert_eq!(w.replay(), w.state, "the older record replays as written");
    // Entries that name no version, as edition 2 wrote them, decode and replay.
    let mut old = World::of_edition(2);
    old.attend(193);
    let entry = Entry {
        index: old.state.next_index,
        time: old.now + 1,
        actor: old.state.actor_for(Principal::Delegate(old.chair)).unwrap(),
        body: consensus_on(Target::Instrument, false),
        signature: None,
    };
    let bytes = entry.encode().unwrap();
    assert!(!String::from_utf8_lossy(&bytes).contains("version"));
    old.state.apply(&Entry::decode(&bytes).unwrap()).unwrap();
    assert_eq!(old.state.proceedings.consensus[0].version, None);
}

#[test]
fn ranges_of_edition_3_leave_older_records_as_written() {
    for edition in [2, 3] {
        let mut w = World::of_edition(edition);
        let start = |hours: i64| {
            EntryBody::SilenceStarted(SilenceStarted {
                process: 1,
                target: Target::Proposal(1),
                deadline: w.now + hours * HOUR,
                version: None,
            })
        };
        let long_silence = w.chair(start(2 * SILENCE_MAX_HOURS as i64));
        let mut rules = Rules::default();
        rules.decision_quorum.denominator = 5_000;
        rules.decision_quorum.numerator = 2_501;
        let fine_quorum = w.act(Principal::System, EntryBody::RulesChanged(RulesChanged { process: None, rules }));
        if edition < 3 {
            long_silence.unwrap();
            fine_quorum.unwrap();
            // Replaying the older record reproduces it.
            let mut replayed = State::new();
            for (bytes, blob) in &w.log {
                let mut entry = Entry::decode(bytes).unwrap();
                if let (Some(content), Some(b)) = (blob, entry.body.blob_mut()) {
                    b.attach(content.clone()).unwrap();
                }
                replayed.apply(&entry).unwrap();
            }
            assert_eq!(replayed.proceedings.silences.len(), 1);
        } else {
            assert_eq!(long_silence.unwrap_err().code, "out_of_range");
            assert_eq!(fine_quorum.unwrap_err().code, "out_of_range");
        }
    }
}
