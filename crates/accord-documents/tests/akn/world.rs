//! A forum built the way the store builds it: every action prepared and
//! applied by the domain, so that the documents are written from the state
//! Accord really keeps.

use accord_domain::blob::BlobRef;
use accord_domain::decisions::{
    AgendaItemAdded, AttendanceRegistered, BallotCast, Choice, ConsensusObjected, ConsensusProposed, ConsensusRef,
    FloorGiven, FloorKind, FloorRequested, Majority, MeetingRef, MeetingScheduled, SessionOpened, StatementDelivered,
    Target, VoteExplained, VoteOpened, VoteRef,
};
use accord_domain::entry::{Entry, EntryBody, ForumSettings};
use accord_domain::ids::{DelegateId, DisplayName, LanguageTag, MemberCode};
use accord_domain::negotiation::{Anchor, Position, ProcessOpened, ProposalKind, ProposalRef, ProposalTabled};
use accord_domain::state::{Action, MemberKind, MemberRole, MemberStatus, OfficerRole, Principal};
use accord_domain::State;

use crate::helpers::DRAFT;

pub const MEMBERS: [&str; 6] = ["BRA", "CHN", "EGY", "FRA", "KEN", "USA"];

pub struct World {
    pub state: State,
    heads: Vec<(MemberCode, DelegateId)>,
    chair: DelegateId,
    sec: DelegateId,
    now: i64,
}

fn name(s: &str) -> DisplayName {
    DisplayName::parse(s).unwrap()
}

impl World {
    fn apply(&mut self, who: Principal, action: Action) {
        self.now += 1_000;
        let (actor, body, signature) = self.state.prepare_at(who, action, self.now).unwrap_or_else(|e| panic!("{e}"));
        let entry = Entry { index: self.state.next_index, time: self.now, actor, body, signature };
        self.state.apply(&entry).unwrap_or_else(|e| panic!("{e}"));
    }

    pub fn act(&mut self, who: &str, body: EntryBody) {
        let who = match who {
            "chair" => Principal::Delegate(self.chair),
            "sec" => Principal::Delegate(self.sec),
            code => Principal::Delegate(self.heads.iter().find(|(m, _)| m.as_str() == code).expect("a member").1),
        };
        self.apply(who, Action::Negotiate(Box::new(body)));
    }

    /// The forum, its officers, six member states and the draft of
    /// `helpers::DRAFT` opened as process 1.
    pub fn new() -> World {
        let mut w = World {
            state: State::new(),
            heads: Vec::new(),
            chair: DelegateId(0),
            sec: DelegateId(0),
            now: 1_780_000_000_000,
        };
        let settings =
            ForumSettings { name: name("Forum"), languages: LanguageTag::un_languages(), log: None, edition: None };
        let entry = Entry {
            index: 0,
            time: w.now,
            actor: accord_domain::Actor::System,
            body: EntryBody::ForumEstablished(settings),
            signature: None,
        };
        w.state.apply(&entry).unwrap();
        w.sec = w.state.next_delegate_id();
        w.apply(Principal::System, Action::AppointOfficer { name: name("Secretary"), role: OfficerRole::Secretariat });
        w.chair = w.state.next_delegate_id();
        w.apply(Principal::System, Action::AppointOfficer { name: name("Chair"), role: OfficerRole::Chair });
        for code in MEMBERS {
            let code = MemberCode::parse(code).unwrap();
            w.apply(
                Principal::System,
                Action::AdmitMember {
                    code: code.clone(),
                    name: None,
                    kind: MemberKind::State,
                    category: None,
                    status: MemberStatus::Member,
                },
            );
            let id = w.state.next_delegate_id();
            w.apply(
                Principal::System,
                Action::AccreditDelegate {
                    member: code.clone(),
                    name: name("Head"),
                    role: MemberRole::HeadOfDelegation,
                },
            );
            w.heads.push((code, id));
        }
        w.act(
            "sec",
            EntryBody::ProcessOpened(ProcessOpened { title: "Framework".into(), draft: BlobRef::of(DRAFT.into()) }),
        );
        w
    }

    /// Opens a process with a draft in Markdown, as the secretariat does.
    pub fn open(&mut self, title: &str, markdown: &str) {
        self.act(
            "sec",
            EntryBody::ProcessOpened(ProcessOpened {
                title: title.into(),
                draft: BlobRef::of(markdown.as_bytes().to_vec()),
            }),
        );
    }

    pub fn table(&mut self, who: &str, t: ProposalTabled) {
        self.act(who, EntryBody::ProposalTabled(t));
    }

    pub fn on(&mut self, who: &str, proposal: u64, how: fn(ProposalRef) -> EntryBody) {
        self.act(who, how(ProposalRef { process: 1, proposal }));
    }

    /// The proposals of the examples: two rival changes of one word, an
    /// insertion, a deletion, a new heading, each with backers and
    /// objectors.
    pub fn with_proposals() -> World {
        let mut w = World::new();
        let words = |eid: &str, quote: &str, kind, text: Option<&str>| ProposalTabled {
            process: 1,
            kind,
            eid: eid.into(),
            version: 1,
            anchor: Some(Anchor { quote: quote.into(), occurrence: None }),
            position: None,
            text: text.map(str::to_owned),
            heading: None,
            justification: "Softer wording builds trust.".into(),
        };
        // P-1, P-2: rival words for "shall" in paragraph 2 of article 1.
        w.table("CHN", words("chp_1__art_1__para_2", "shall", ProposalKind::ReplaceWords, Some("should")));
        w.on("BRA", 1, EntryBody::ProposalCosponsored);
        w.on("KEN", 1, EntryBody::ProposalSupported);
        w.on("FRA", 1, EntryBody::ProposalObjected);
        w.table("EGY", words("chp_1__art_1__para_2", "shall", ProposalKind::ReplaceWords, Some("may")));
        // P-3: a new paragraph after paragraph 2 of article 1.
        w.table(
            "USA",
            ProposalTabled {
                process: 1,
                kind: ProposalKind::InsertProvision,
                eid: "chp_1__art_1__para_2".into(),
                version: 1,
                anchor: None,
                position: Some(Position::After),
                text: Some("States shall exchange information on threats.".into()),
                heading: None,
                justification: "Information sharing is the core of cooperation.".into(),
            },
        );
        // P-4: delete "all" in article 2.
        w.table("FRA", words("chp_1__art_2__para_1", "all", ProposalKind::DeleteWords, None));
        w.on("USA", 4, EntryBody::ProposalSupported);
        // P-5: a new heading for article 3.
        w.table(
            "KEN",
            ProposalTabled {
                process: 1,
                kind: ProposalKind::ReplaceProvision,
                eid: "chp_2__art_3".into(),
                version: 1,
                anchor: None,
                position: None,
                text: None,
                heading: Some("Entry into force & <effect>".into()),
                justification: String::new(),
            },
        );
        w
    }

    /// [`World::with_proposals`], then session 1 and its first meeting in
    /// Conference Room 4: five delegations present, two agenda items,
    /// three speakers (one point of order, one statement given as a file),
    /// a recorded vote on P-4 with an explanation, and a consensus on P-2
    /// blocked by an objection.
    pub fn with_meeting() -> World {
        let mut w = World::with_proposals();
        w.act("sec", EntryBody::SessionOpened(SessionOpened { title: "Third substantive session".into() }));
        w.act(
            "sec",
            EntryBody::MeetingScheduled(MeetingScheduled {
                session: 1,
                date: "2026-11-30".into(),
                place: "Conference Room 4".into(),
            }),
        );
        for m in ["BRA", "CHN", "FRA", "KEN", "USA"] {
            w.act(m, EntryBody::AttendanceRegistered(AttendanceRegistered { meeting: 1 }));
        }
        w.act("chair", EntryBody::MeetingOpened(MeetingRef { meeting: 1 }));
        for title in ["General debate", "Consideration of the framework"] {
            w.act("sec", EntryBody::AgendaItemAdded(AgendaItemAdded { meeting: 1, title: title.into(), parent: None }));
        }
        let ask = |item, kind| EntryBody::FloorRequested(FloorRequested { meeting: 1, item, kind });
        let speak = |item, request, text: Option<&str>| {
            EntryBody::StatementDelivered(StatementDelivered {
                meeting: 1,
                item,
                request,
                text: text.map(str::to_owned),
                file: None,
                file_name: None,
            })
        };
        w.act("CHN", ask(1, FloorKind::Statement));
        w.act("chair", EntryBody::FloorGiven(FloorGiven { meeting: 1, item: 1 }));
        w.act("CHN", speak(1, 1, Some("China supports a framework based on the Charter & on <trust>.")));
        w.act("KEN", ask(1, FloorKind::Statement));
        w.act("FRA", ask(1, FloorKind::PointOfOrder));
        w.act("chair", EntryBody::FloorGiven(FloorGiven { meeting: 1, item: 1 }));
        w.act("FRA", speak(1, 3, Some("The speaker should keep to the item.")));
        w.act("chair", EntryBody::FloorGiven(FloorGiven { meeting: 1, item: 1 }));
        w.act("KEN", speak(1, 2, Some("Kenya calls for capacity-building.\nIt supports proposal P-1.")));
        // Item 2: the questions.
        w.act(
            "chair",
            EntryBody::VoteOpened(VoteOpened {
                process: 1,
                target: Target::Proposal(4),
                majority: Majority::Simple,
                meeting: 1,
                version: Some(1),
            }),
        );
        for (m, c) in [
            ("BRA", Choice::No),
            ("CHN", Choice::No),
            ("FRA", Choice::Yes),
            ("KEN", Choice::Abstain),
            ("USA", Choice::Yes),
        ] {
            w.act(m, EntryBody::BallotCast(BallotCast { vote: 1, choice: c }));
        }
        w.act(
            "BRA",
            EntryBody::VoteExplained(VoteExplained { vote: 1, text: "Brazil voted against: \"all\" matters.".into() }),
        );
        w.act("chair", EntryBody::VoteClosed(VoteRef { vote: 1 }));
        w.act(
            "chair",
            EntryBody::ConsensusProposed(ConsensusProposed {
                process: 1,
                target: Target::Proposal(2),
                meeting: 1,
                ad_referendum: false,
                version: Some(1),
            }),
        );
        w.act(
            "FRA",
            EntryBody::ConsensusObjected(ConsensusObjected { consensus: 1, reason: "May is too weak.".into() }),
        );
        w.act("chair", EntryBody::ConsensusDeclared(ConsensusRef { consensus: 1 }));
        w
    }
}
