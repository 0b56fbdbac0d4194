//! Consultation scenarios through prepare → encode → apply, as the store
//! runs them, and replay from the encoded bytes.

use super::analysis::ENGINE;
use super::*;
use crate::blob::BlobRef;
use crate::entry::{Entry, EntryBody};
use crate::error::Refusal;
use crate::ids::{DelegateId, DisplayName, LanguageTag, MemberCode, ParticipantId, Reason, StatementText};
use crate::negotiation::ProcessOpened;
use crate::state::{Action, MemberKind, MemberRole, MemberStatus, OfficerRole, Principal, State};

const DRAFT: &str = "# Framework\n\n## Preamble\n\nRecognising cooperation,\n\n### Article 1 — Purpose\n\n1. States shall cooperate.\n\n2. States should protect infrastructure.\n";

struct World {
    state: State,
    log: Vec<Vec<u8>>,
    secretariat: DelegateId,
    head: DelegateId,
}

fn p(n: u8) -> ParticipantId {
    ParticipantId::parse(&format!("{n:02x}").repeat(16)).unwrap()
}

impl World {
    fn new() -> World {
        let mut w = World { state: State::new(), log: Vec::new(), secretariat: DelegateId(0), head: DelegateId(0) };
        let sys = Principal::System;
        let name = |s: &str| DisplayName::parse(s).unwrap();
        w.act(sys, Action::EstablishForum { name: name("Forum"), languages: LanguageTag::un_languages(), log: None })
            .unwrap();
        w.secretariat = w.state.next_delegate_id();
        w.act(sys, Action::AppointOfficer { name: name("Sec"), role: OfficerRole::Secretariat }).unwrap();
        w.act(
            sys,
            Action::AdmitMember {
                code: MemberCode::parse("KEN").unwrap(),
                name: None,
                kind: MemberKind::State,
                category: None,
                status: MemberStatus::Member,
            },
        )
        .unwrap();
        w.head = w.state.next_delegate_id();
        w.act(
            sys,
            Action::AccreditDelegate {
                member: MemberCode::parse("KEN").unwrap(),
                name: name("Head"),
                role: MemberRole::HeadOfDelegation,
            },
        )
        .unwrap();
        let draft = EntryBody::ProcessOpened(ProcessOpened {
            title: "Framework".into(),
            draft: BlobRef::of(DRAFT.as_bytes().to_vec()),
        });
        w.act(Principal::Delegate(w.secretariat), Action::Negotiate(Box::new(draft))).unwrap();
        w
    }

    fn act(&mut self, who: Principal, action: Action) -> Result<Entry, Refusal> {
        let (actor, body, signature) = self.state.prepare(who, action)?;
        let entry =
            Entry { index: self.state.next_index, time: 1_000 + self.state.next_index as i64, actor, body, signature };
        let bytes = entry.encode()?;
        self.state.apply(&entry)?;
        self.log.push(bytes);
        Ok(entry)
    }

    fn by(&mut self, who: Principal, body: EntryBody) -> Result<Entry, Refusal> {
        self.act(who, Action::Negotiate(Box::new(body)))
    }

    fn sec(&mut self, body: EntryBody) -> Result<Entry, Refusal> {
        self.by(Principal::Delegate(self.secretariat), body)
    }

    fn server(&mut self, body: EntryBody) -> Result<Entry, Refusal> {
        self.by(Principal::System, body)
    }

    fn open(&mut self, provisions: &[&str]) -> Result<Entry, Refusal> {
        self.sec(EntryBody::ConsultationOpened(ConsultationOpened {
            title: DisplayName::parse("Protecting infrastructure").unwrap(),
            question: Reason::parse("What should States do?").unwrap(),
            process: Some(1),
            provisions: provisions.iter().map(|s| s.to_string()).collect(),
        }))
    }

    fn seed(&mut self, text: &str) -> Result<Entry, Refusal> {
        self.sec(EntryBody::ConsultationStatementSeeded(StatementSeeded {
            consultation: 1,
            text: StatementText::parse(text).unwrap(),
            proposal: None,
        }))
    }

    fn join(&mut self, who: u8) -> Result<Entry, Refusal> {
        self.server(EntryBody::ConsultationParticipantJoined(ParticipantJoined {
            consultation: 1,
            participant: p(who),
            category: ParticipantCategory::Public,
        }))
    }

    fn vote(&mut self, who: u8, statement: u32, vote: ConsultVote) -> Result<Entry, Refusal> {
        self.server(EntryBody::ConsultationVoteCast(ConsultVoteCast {
            consultation: 1,
            participant: p(who),
            statement,
            vote,
        }))
    }

    fn replay(&self) -> State {
        let mut s = State::new();
        for bytes in &self.log {
            let mut e = Entry::decode(bytes).unwrap();
            if let Some(b) = e.body.blob_mut() {
                b.attach(DRAFT.as_bytes().to_vec()).unwrap();
            }
            s.apply(&e).unwrap();
        }
        s
    }
}

fn code_of(r: Result<Entry, Refusal>) -> &'static str {
    r.expect_err("refused").code
}

#[test]
fn participants_join_write_and_vote_under_pseudonyms_and_replay_reproduces_it() {
    let mut w = World::new();
    w.open(&["art_1__para_2"]).unwrap();
    w.seed("States should share warnings of attacks on hospitals").unwrap();
    w.seed("Critical infrastructure needs a definition").unwrap();
    w.join(1).unwrap();
    w.join(2).unwrap();
    w.vote(1, 1, ConsultVote::Agree).unwrap();
    w.vote(1, 1, ConsultVote::Disagree).unwrap();
    w.vote(2, 2, ConsultVote::Pass).unwrap();
    let written = "Water systems first";
    w.server(EntryBody::ConsultationStatementSubmitted(StatementSubmitted {
        consultation: 1,
        participant: p(2),
        text_sha256: text_sha256(written),
    }))
    .unwrap();
    let c = w.state.consultation(1).unwrap();
    assert_eq!(c.statements[2].moderation, Moderation::Pending);
    assert_eq!(c.statements[2].text, None, "the record holds only the text's hash until it is accepted");
    assert_eq!(c.tally()[&1], (0, 1, 0), "the later vote replaces the earlier");
    assert_eq!(c.unvoted_by(&p(1)).iter().map(|s| s.id).collect::<Vec<_>>(), vec![2]);
    // A pending statement is not voted on, an accepted one is.
    assert_eq!(code_of(w.vote(1, 3, ConsultVote::Agree)), "statement_not_shown");
    assert_eq!(code_of(w.vote(1, 1, ConsultVote::Disagree)), "vote_unchanged", "a vote cast again is not recorded");
    let moderate = |accepted: bool, text: Option<&str>| {
        EntryBody::ConsultationStatementModerated(StatementModerated {
            consultation: 1,
            statement: 3,
            accepted,
            text: text.map(|t| StatementText::parse(t).unwrap()),
        })
    };
    assert_eq!(code_of(w.sec(moderate(true, None))), "text_required");
    assert_eq!(code_of(w.sec(moderate(true, Some("Energy systems first")))), "text_mismatch");
    assert_eq!(code_of(w.sec(moderate(false, Some(written)))), "text_unexpected");
    w.sec(moderate(true, Some(written))).unwrap();
    assert_eq!(w.state.consultation(1).unwrap().statements[2].shown_text(), written);
    w.vote(1, 3, ConsultVote::Agree).unwrap();
    assert_eq!(w.replay(), w.state);
    // The state digest covers the consultation.
    let before = w.state.digest_parts();
    w.vote(2, 1, ConsultVote::Agree).unwrap();
    assert_ne!(before["consultation 1"], w.state.digest_parts()["consultation 1"]);
}

#[test]
fn refusals_say_what_is_wrong_and_change_nothing() {
    let mut w = World::new();
    let head = Principal::Delegate(w.head);
    let opened = EntryBody::ConsultationOpened(ConsultationOpened {
        title: DisplayName::parse("T").unwrap(),
        question: Reason::parse("Q?").unwrap(),
        process: None,
        provisions: vec![],
    });
    assert_eq!(code_of(w.by(head, opened.clone())), "secretariat_only");
    assert_eq!(code_of(w.open(&["art_9"])), "unknown_provision");
    assert_eq!(code_of(w.open(&["art_1", "art_1"])), "duplicate_provision");
    assert_eq!(code_of(w.seed("Nothing to seed yet")), "unknown_consultation");
    w.open(&[]).unwrap();
    w.seed("One").unwrap();
    assert_eq!(code_of(w.seed("ONE")), "duplicate_statement");
    assert_eq!(code_of(w.vote(1, 1, ConsultVote::Agree)), "not_a_participant");
    // A delegate does not record a participant's entry in their own name.
    let join = EntryBody::ConsultationParticipantJoined(ParticipantJoined {
        consultation: 1,
        participant: p(1),
        category: ParticipantCategory::Delegation,
    });
    assert_eq!(code_of(w.by(head, join)), "participant_entry");
    w.join(1).unwrap();
    assert_eq!(code_of(w.join(1)), "already_joined");
    assert_eq!(code_of(w.vote(1, 7, ConsultVote::Agree)), "unknown_statement");
    let seed_citing = EntryBody::ConsultationStatementSeeded(StatementSeeded {
        consultation: 1,
        text: StatementText::parse("Cites a proposal that is not there").unwrap(),
        proposal: Some(99),
    });
    assert_eq!(code_of(w.sec(seed_citing)), "unknown_proposal");
    let before = w.state.clone();
    assert_eq!(
        code_of(w.by(head, EntryBody::ConsultationClosed(ConsultationRef { consultation: 1 }))),
        "secretariat_only"
    );
    assert_eq!(w.state, before);
    w.sec(EntryBody::ConsultationClosed(ConsultationRef { consultation: 1 })).unwrap();
    assert_eq!(code_of(w.vote(1, 1, ConsultVote::Agree)), "consultation_closed");
    assert!(StatementText::parse("a\u{202e}b").is_err(), "bidirectional overrides are refused");
    assert!(StatementText::parse(&"x".repeat(501)).is_err());
}

/// Combining marks: a statement of marks alone, or one that stacks more
/// than `STATEMENT_MAX_MARKS` on a character ("Zalgo"), is refused with
/// its own code; the stacks real scripts use pass.
#[test]
fn statements_of_stacked_combining_marks_are_refused() {
    use crate::ids::STATEMENT_MAX_MARKS;
    let code = |t: &str| StatementText::parse(t).unwrap_err().code;
    assert_eq!(code("\u{0301}\u{0308}\u{0323}"), "statement_only_marks");
    assert_eq!(code(" \u{0301} \u{0302} "), "statement_only_marks");
    let zalgo: String = "Zalgo"
        .chars()
        .flat_map(|c| {
            std::iter::once(c)
                .chain("\u{0300}\u{0301}\u{0302}\u{0303}\u{0304}\u{0305}\u{0306}\u{0307}\u{0308}\u{0309}".chars())
        })
        .collect();
    assert_eq!(code(&zalgo), "too_many_combining_marks");
    let at_limit = format!("a{} b", "\u{0316}".repeat(STATEMENT_MAX_MARKS));
    assert!(StatementText::parse(&at_limit).is_ok());
    let over = format!("a{} b", "\u{0316}".repeat(STATEMENT_MAX_MARKS + 1));
    assert_eq!(code(&over), "too_many_combining_marks");
    // Real scripts: Vietnamese, vowelled Arabic, pointed Hebrew, Hindi.
    for ok in ["Tiếng Việt có dấu", "بِسْمِ ٱللَّٰهِ", "בְּרֵאשִׁית", "क़ीं हिन्दी"]
    {
        assert!(StatementText::parse(ok).is_ok(), "{ok}");
    }
}

/// Runs of spaces are one space, so that the same words spaced otherwise,
/// in another case, are the same statement.
#[test]
fn statements_spaced_otherwise_are_duplicates() {
    assert_eq!(StatementText::parse("  Seed \u{00a0}  one  ").unwrap().as_str(), "Seed one");
    assert_eq!(StatementText::parse("Seed\u{00a0}one").unwrap().as_str(), "Seed\u{00a0}one", "a single space stays");
    assert_eq!(StatementText::parse("Seed\none").unwrap_err().code, "invalid_statement", "lines are not spaces");
    let mut w = World::new();
    w.open(&[]).unwrap();
    w.seed("Seed  one").unwrap();
    assert_eq!(code_of(w.seed("seed one")), "duplicate_statement");
    assert_eq!(code_of(w.seed("SEED   ONE ")), "duplicate_statement");
    assert!(ParticipantId::parse("ABCDEF").is_err());
    assert!(ConsultVote::parse("maybe").is_err());
    assert!(ParticipantCategory::parse_open("delegation").is_err(), "the server sets a delegate's category");
}

#[test]
fn an_analysis_is_published_only_at_a_size_where_the_consultation_stands_as_it_does_now() {
    let mut w = World::new();
    w.open(&[]).unwrap();
    w.seed("One").unwrap();
    w.join(1).unwrap();
    let changed = w.state.consultation(1).unwrap().changed;
    let publish_by = |size: u64, digest: &str, engine: Option<u32>| {
        EntryBody::ConsultationAnalysisPublished(AnalysisPublished {
            consultation: 1,
            record_size: size,
            digest: digest.to_owned(),
            engine,
        })
    };
    let publish = |size: u64, digest: &str| publish_by(size, digest, Some(ENGINE));
    let digest = "ab".repeat(32);
    assert_eq!(code_of(w.sec(publish(changed, &digest))), "analysis_outdated");
    assert_eq!(code_of(w.sec(publish(changed + 1, "AB"))), "invalid_digest");
    for engine in [0, ENGINE + 1] {
        assert_eq!(code_of(w.sec(publish_by(changed + 1, &digest, Some(engine)))), "unknown_engine");
    }
    // An entry elsewhere does not outdate the analysis.
    w.sec(EntryBody::ConsultationOpened(ConsultationOpened {
        title: DisplayName::parse("Another").unwrap(),
        question: Reason::parse("Q?").unwrap(),
        process: None,
        provisions: vec![],
    }))
    .unwrap();
    w.sec(publish(changed + 1, &digest)).unwrap();
    assert_eq!(code_of(w.sec(publish(changed + 1, &digest))), "analysis_published");
    assert_eq!(code_of(w.sec(publish(w.state.next_index + 1, &digest))), "analysis_outdated");
    assert_eq!(w.state.consultation(1).unwrap().published[0].record_size, changed + 1);
    assert_eq!(w.state.consultation(1).unwrap().published[0].engine, ENGINE);
    // An entry written before engines had editions names none: edition 1.
    let size = w.state.next_index;
    w.sec(publish_by(size, &digest, None)).unwrap();
    assert_eq!(w.state.consultation(1).unwrap().published[1].engine, 1);
    assert_eq!(w.replay(), w.state);
}
