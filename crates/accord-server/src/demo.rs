//! The demonstration negotiation: a zero draft of about twenty articles
//! written for Accord (`demo/zero-draft.md`), and a few hundred proposals
//! by many delegations built from realistic amendments
//! (`demo/amendments.tsv`) and from the changes delegations most often ask
//! for (`shall` → `should`, deleting qualifiers). Some are supported,
//! co-sponsored or objected to; the chair agrees a few, which moves the
//! text on (some proposals become outdated), rejects some, and issues
//! Rev.1. Everything is an entry, submitted as delegations would.
//!
//! Choices are made by a fixed pseudo-random sequence, so every
//! demonstration forum is the same but for the dates of its meetings
//! (today and tomorrow).
//!
//! The draft has 21 articles and `demo/amendments.tsv` 78 amendments.

use accord_domain::ids::DisplayName;
use accord_domain::iso3166;
use accord_domain::negotiation::text::{occurrences, ProvisionKind};
use accord_domain::negotiation::{Anchor, Position, ProposalKind, ProposalRef, ProposalTabled, RevisionIssued};
use accord_domain::state::{Action, MemberRole, Principal};
use accord_domain::{DelegateId, EntryBody, MemberCode};
use accord_store::{Store, StoreError};

/// The zero draft of the demonstration.
pub const ZERO_DRAFT: &str = include_str!("demo/zero-draft.md");
const AMENDMENTS: &str = include_str!("demo/amendments.tsv");
/// The demonstration process's document symbol.
pub const SYMBOL: &str = "A/AC.292/2026/L.1";
/// The title of the demonstration process.
pub const TITLE: &str = "Framework on Responsible Behaviour in Cyberspace";

/// A small deterministic generator (64-bit LCG, upper bits).
struct Dice(u64);
impl Dice {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Statements the demonstration consultation is seeded with, and which of
/// its two opinion groups leans to agree with each (0, 1, or both: 2).
const CONSULTATION_STATEMENTS: [(&str, usize); 10] = [
    ("Hospitals and water systems should be protected before any other infrastructure", 2),
    ("States should be free to define their own critical infrastructure", 1),
    ("An agreed list of critical infrastructure sectors belongs in the Framework", 0),
    ("Private companies that run critical infrastructure should report incidents to the State", 1),
    ("Reporting duties for companies belong in national law, not in this Framework", 0),
    ("Attacks on critical infrastructure should be attributed publicly", 0),
    ("Public attribution of attacks makes de-escalation harder", 1),
    ("States that are attacked should be able to ask others for technical help", 2),
    ("Civil society should take part in the review of this article", 0),
    ("The review of this article is a matter for States alone", 1),
];

/// Opens a consultation on the article on critical infrastructure, seeded
/// by the secretariat, with participants from civil society, business,
/// academia and the public voting in two opinion groups (by the same fixed
/// pseudo-random sequence), so that the opinion map shows them.
pub fn load_consultation(store: &Store, secretariat: DelegateId, process: u64) -> Result<u64, StoreError> {
    use accord_domain::consultation::*;
    use accord_domain::ids::{ParticipantId, Reason, StatementText};
    let provisions: Vec<String> = {
        let state = store.state();
        let latest = &state.process(process).map_err(StoreError::Refused)?.latest().instrument;
        latest.provisions.iter().filter(|p| p.eid.contains("art_8")).map(|p| p.eid.clone()).take(1).collect()
    };
    let open = EntryBody::ConsultationOpened(ConsultationOpened {
        title: DisplayName::parse("Protecting critical infrastructure").expect("a name"),
        question: Reason::parse("Article 8 asks States to protect critical infrastructure. What should it say?")
            .expect("a question"),
        process: Some(process),
        provisions,
    });
    store.submit_blocking(Principal::Delegate(secretariat), Action::Negotiate(Box::new(open)), None)?;
    let id = store.state().consultations.len() as u64;
    for (text, _) in CONSULTATION_STATEMENTS {
        let text = StatementText::parse(text).expect("a statement");
        let seed = EntryBody::ConsultationStatementSeeded(StatementSeeded { consultation: id, text, proposal: None });
        store.submit_blocking(Principal::Delegate(secretariat), Action::Negotiate(Box::new(seed)), None)?;
    }
    let mut dice = Dice(0x5eed_acc0_2d00_0002);
    let categories = ParticipantCategory::OPEN;
    let mut actions = Vec::new();
    for p in 0..80u32 {
        // Pseudonyms as the server derives them, from keys no one holds.
        let digest = <sha2::Sha256 as sha2::Digest>::digest(format!("demonstration participant {p}").as_bytes());
        let participant = ParticipantId::parse(&hex::encode(&digest[..16])).expect("32 hex digits");
        let category = categories[dice.next(categories.len())];
        let group = usize::from(p % 5 >= 3);
        let join = ParticipantJoined { consultation: id, participant: participant.clone(), category };
        actions.push((Principal::System, Action::Negotiate(Box::new(EntryBody::ConsultationParticipantJoined(join)))));
        for (s, (_, leaning)) in CONSULTATION_STATEMENTS.iter().enumerate() {
            let roll = dice.next(100);
            let agrees = *leaning == 2 || *leaning == group;
            let vote = match roll {
                0..=9 => continue,
                10..=19 => ConsultVote::Pass,
                20..=29 => {
                    if agrees {
                        ConsultVote::Disagree
                    } else {
                        ConsultVote::Agree
                    }
                }
                _ => {
                    if agrees {
                        ConsultVote::Agree
                    } else {
                        ConsultVote::Disagree
                    }
                }
            };
            let cast =
                ConsultVoteCast { consultation: id, participant: participant.clone(), statement: s as u32 + 1, vote };
            actions.push((Principal::System, Action::Negotiate(Box::new(EntryBody::ConsultationVoteCast(cast)))));
        }
    }
    for r in store.submit_all_blocking(actions) {
        r?;
    }
    Ok(id)
}

fn negotiate(who: DelegateId, body: EntryBody) -> (Principal, Action) {
    (Principal::Delegate(who), Action::Negotiate(Box::new(body)))
}

/// Opens the demonstration process and fills it. `secretariat` and
/// `chair` are officers' delegate ids; `heads` the heads of delegation
/// that already exist, by member.
pub fn load_process(
    store: &Store,
    secretariat: DelegateId,
    chair: DelegateId,
    heads: &[(MemberCode, DelegateId)],
) -> Result<u64, StoreError> {
    // A head of delegation for every state, so that the whole membership takes part.
    let mut delegations: Vec<(MemberCode, DelegateId)> = heads.to_vec();
    let mut accreditations = Vec::new();
    for country in iso3166::un_member_states() {
        let code = MemberCode::parse(country.alpha3).expect("ISO codes parse");
        if delegations.iter().any(|(m, _)| m == &code) {
            continue;
        }
        let name = DisplayName::parse(&format!("Head of delegation of {}", country.name)).expect("names parse");
        accreditations.push((
            Principal::System,
            Action::AccreditDelegate { member: code, name, role: MemberRole::HeadOfDelegation },
        ));
    }
    for r in store.submit_all_blocking(accreditations) {
        if let accord_domain::EntryBody::DelegateAccredited(a) = r?.entry.body {
            delegations.push((a.member, a.delegate));
        }
    }

    let body = crate::negotiation::api::opening(TITLE, ZERO_DRAFT.to_owned()).map_err(StoreError::Refused)?;
    store.submit_blocking(Principal::Delegate(secretariat), Action::Negotiate(Box::new(body)), None)?;
    let process = store.state().processes.len() as u64;
    // Its document symbol, so that its texts download as documents.
    store.submit_blocking(
        Principal::Delegate(secretariat),
        crate::negotiation::actions::symbol(process, SYMBOL),
        None,
    )?;
    let instrument = store.state().process(process).map_err(StoreError::Refused)?.latest().instrument.clone();
    let eid_of = |article: &str, paragraph: &str| -> Option<String> {
        let suffix = format!("art_{article}__para_{paragraph}");
        instrument.provisions.iter().find(|p| p.eid.ends_with(&suffix)).map(|p| p.eid.clone())
    };

    let mut dice = Dice(0x5eed_acc0_2d00_0001);
    let mut tabled: Vec<ProposalTabled> = Vec::new();
    let mut proposers: Vec<DelegateId> = Vec::new();
    let mut table = |dice: &mut Dice, t: ProposalTabled| {
        let who = delegations[dice.next(delegations.len())].1;
        tabled.push(t);
        proposers.push(who);
    };
    let words =
        |process, kind, eid: String, quote: &str, occurrence, position, text: Option<&str>, why: &str| ProposalTabled {
            process,
            kind,
            eid,
            version: 1,
            anchor: Some(Anchor { quote: quote.into(), occurrence }),
            position,
            text: text.map(Into::into),
            heading: None,
            justification: why.into(),
        };

    // The amendments delegations wrote.
    for line in AMENDMENTS.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let [article, paragraph, quote, replacement, why] = f[..] else { continue };
        let Some(eid) = eid_of(article, paragraph) else { continue };
        let kind = if replacement.is_empty() { ProposalKind::DeleteWords } else { ProposalKind::ReplaceWords };
        let text = (!replacement.is_empty()).then_some(replacement);
        table(&mut dice, words(process, kind, eid.clone(), quote, None, None, text, why));
        // Several delegations often table the same change.
        if dice.next(2) == 0 {
            table(&mut dice, words(process, kind, eid, quote, None, None, text, why));
        }
    }
    // The changes delegations most often ask for.
    for p in instrument.provisions.iter().filter(|p| p.kind.has_text()) {
        if !occurrences(&p.text, "including").is_empty() && dice.next(2) == 0 {
            let why = "The list must stay open to new forms of conduct.";
            table(
                &mut dice,
                words(
                    process,
                    ProposalKind::ReplaceWords,
                    p.eid.clone(),
                    "including",
                    Some(1),
                    None,
                    Some("including but not limited to"),
                    why,
                ),
            );
        }
        if !occurrences(&p.text, "in accordance with").is_empty() && dice.next(2) == 0 {
            let why = "Only law that binds the State concerned applies.";
            table(
                &mut dice,
                words(
                    process,
                    ProposalKind::InsertWords,
                    p.eid.clone(),
                    "in accordance with",
                    Some(1),
                    Some(Position::After),
                    Some("applicable"),
                    why,
                ),
            );
        }
        if !occurrences(&p.text, "should").is_empty() && dice.next(3) > 0 {
            let why = "The norm should bind every Participating State.";
            table(
                &mut dice,
                words(process, ProposalKind::ReplaceWords, p.eid.clone(), "should", Some(1), None, Some("shall"), why),
            );
        }
        if !occurrences(&p.text, "shall").is_empty() {
            let why = "Voluntary norms are better expressed in recommendatory language.";
            table(
                &mut dice,
                words(process, ProposalKind::ReplaceWords, p.eid.clone(), "shall", Some(1), None, Some("should"), why),
            );
            if dice.next(2) == 0 {
                table(
                    &mut dice,
                    words(
                        process,
                        ProposalKind::ReplaceWords,
                        p.eid.clone(),
                        "shall",
                        Some(1),
                        None,
                        Some("should"),
                        why,
                    ),
                );
            }
            if dice.next(3) == 0 {
                let why = "A firm commitment is needed for the Framework to make a difference.";
                table(
                    &mut dice,
                    words(
                        process,
                        ProposalKind::ReplaceWords,
                        p.eid.clone(),
                        "shall",
                        Some(1),
                        None,
                        Some("shall, as a matter of priority,"),
                        why,
                    ),
                );
            }
        }
        if !occurrences(&p.text, "appropriate").is_empty() {
            let why = "The qualifier leaves too much to each State's discretion.";
            table(
                &mut dice,
                words(process, ProposalKind::DeleteWords, p.eid.clone(), "appropriate", Some(1), None, None, why),
            );
        }
        if !occurrences(&p.text, "cooperation").is_empty() && dice.next(2) == 0 {
            let why = "Cooperation without assistance leaves developing States behind.";
            table(
                &mut dice,
                words(
                    process,
                    ProposalKind::InsertWords,
                    p.eid.clone(),
                    "cooperation",
                    Some(1),
                    Some(Position::After),
                    Some("and assistance"),
                    why,
                ),
            );
        }
    }
    // New provisions and deletions.
    let articles: Vec<String> =
        instrument.provisions.iter().filter(|p| p.kind == ProvisionKind::Article).map(|p| p.eid.clone()).collect();
    let insert = |eid: String, text: &str, heading: Option<&str>, why: &str| ProposalTabled {
        process,
        kind: ProposalKind::InsertProvision,
        eid,
        version: 1,
        anchor: None,
        position: Some(Position::After),
        text: Some(text.into()),
        heading: heading.map(Into::into),
        justification: why.into(),
    };
    if let Some(a) = articles.get(8) {
        table(&mut dice, insert(a.clone(), "1. Participating States shall refrain from conduct that impairs the integrity of electoral processes and infrastructure of other States.\n\n2. Participating States should share information on threats to electoral infrastructure through their points of contact.", Some("Electoral processes"), "Electoral infrastructure deserves its own norm."));
    }
    if let Some(p) = eid_of("5", "2") {
        table(
            &mut dice,
            insert(
                p,
                "Participating States should give particular attention to the protection of health-care facilities.",
                None,
                "Attacks on hospitals during the pandemic showed the need.",
            ),
        );
    }
    if let Some(p) = eid_of("12", "3") {
        let t = ProposalTabled {
            kind: ProposalKind::DeleteProvision,
            anchor: None,
            position: None,
            text: None,
            heading: None,
            justification: "The paragraph duplicates Article 11.".into(),
            ..insert(p, "", None, "")
        };
        table(&mut dice, t);
    }
    let submitted = store.submit_all_blocking(
        tabled.into_iter().zip(&proposers).map(|(t, who)| negotiate(*who, EntryBody::ProposalTabled(t))).collect(),
    );
    let count = submitted.iter().filter(|r| r.is_ok()).count() as u64;
    if let Some(Err(e)) = submitted.into_iter().find(|r| r.is_err()) {
        tracing::warn!(error = %e, "a demonstration proposal was refused");
    }

    // Positions: co-sponsors, supporters and objectors.
    let mut positions = Vec::new();
    for id in 1..=count {
        let r = ProposalRef { process, proposal: id };
        for _ in 0..dice.next(4) {
            positions.push(negotiate(
                delegations[dice.next(delegations.len())].1,
                EntryBody::ProposalCosponsored(r.clone()),
            ));
        }
        for _ in 0..dice.next(14) {
            positions
                .push(negotiate(delegations[dice.next(delegations.len())].1, EntryBody::ProposalSupported(r.clone())));
        }
        for _ in 0..dice.next(3) {
            positions
                .push(negotiate(delegations[dice.next(delegations.len())].1, EntryBody::ProposalObjected(r.clone())));
        }
    }
    // Refusals here (a member co-sponsoring its own proposal, twice) are
    // the rules at work; the rest are recorded.
    store.submit_all_blocking(positions);

    // The translator renders the opening provisions in French and Arabic
    // now, so that the chair's agreements below put some out of date.
    load_translations(store, process);

    // The chair agrees a few proposals, rejects some; Rev.1 is issued.
    let mut acts = Vec::new();
    for id in (3..=count).step_by(17).take(8) {
        acts.push(negotiate(chair, EntryBody::ProposalAgreed(ProposalRef { process, proposal: id })));
    }
    for id in (9..=count).step_by(29).take(4) {
        acts.push(negotiate(chair, EntryBody::ProposalRejected(ProposalRef { process, proposal: id })));
    }
    acts.push(negotiate(chair, EntryBody::RevisionIssued(RevisionIssued { process, name: "Rev.1".into() })));
    store.submit_all_blocking(acts);
    load_later_proposals(store, process, &delegations)?;
    load_meetings(store, secretariat, chair, &delegations, process, &mut dice)?;
    Ok(process)
}

/// French and Arabic translations of the zero draft's opening provisions:
/// (eId, French, Arabic).
const TRANSLATIONS: &[(&str, &str, &str)] = &[
    (
        "preamble__recital_1",
        "Reconnaissant que les technologies de l'information et des communications sont devenues indispensables à la vie économique, sociale et culturelle de toutes les nations, et que leur fonctionnement sûr et fiable relève de l'intérêt commun de la communauté internationale,",
        "إذ تسلّم بأن تكنولوجيات المعلومات والاتصالات أصبحت لا غنى عنها للحياة الاقتصادية والاجتماعية والثقافية لكل أمة، وبأن أداءها الآمن والموثوق يمثل مصلحة مشتركة للمجتمع الدولي،",
    ),
    ("chp_1", "Dispositions générales", "أحكام عامة"),
    ("chp_1__art_1", "Objet", "الغرض"),
    (
        "chp_1__art_1__para_1",
        "Le présent Cadre a pour objet de promouvoir un environnement ouvert, sûr, stable, accessible et pacifique pour l'utilisation des technologies de l'information et des communications, en énonçant des principes, des normes et des mesures que les États participants s'engagent à respecter dans leur conduite.",
        "الغرض من هذا الإطار هو تعزيز بيئة مفتوحة وآمنة ومستقرة ومتاحة وسلمية لاستخدام تكنولوجيات المعلومات والاتصالات، من خلال وضع مبادئ وقواعد وتدابير تلتزم الدول المشاركة بمراعاتها في سلوكها.",
    ),
    (
        "chp_1__art_1__para_3",
        "Les États participants devraient s'efforcer de donner effet au présent Cadre par leurs politiques, leur législation et leur pratique nationales, selon qu'il convient compte tenu de leur situation.",
        "ينبغي للدول المشاركة أن تسعى إلى إنفاذ هذا الإطار من خلال سياساتها وتشريعاتها وممارساتها الوطنية، بما يتناسب مع ظروفها.",
    ),
    ("chp_1__art_2", "Champ d'application", "النطاق"),
];

/// The forum's translator, if it has one, records [`TRANSLATIONS`] of the
/// current version. (A forum without a translator gets none.)
fn load_translations(store: &Store, process: u64) {
    let state = store.state();
    let translator = state
        .officers()
        .find(|d| d.officer_role() == Some(accord_domain::state::OfficerRole::Translator))
        .map(|d| d.id);
    let Some(translator) = translator else { return };
    let Ok(version) = state.process(process).map(|p| p.latest().number) else { return };
    drop(state);
    let tag = |t: &str| accord_domain::ids::LanguageTag::parse(t).expect("a valid tag");
    let mut acts = Vec::new();
    for (eid, french, arabic) in TRANSLATIONS {
        for (language, text) in [("fr", french), ("ar", arabic)] {
            let action = crate::translations::actions::record(
                process,
                tag(language),
                version,
                (*eid).to_owned(),
                (*text).to_owned(),
                None,
            );
            acts.push((Principal::Delegate(translator), action));
        }
    }
    // A provision the draft no longer has is refused and left out.
    store.submit_all_blocking(acts);
}

/// Proposals tabled after Rev.1 by named delegations: a new heading for an
/// article, a new wording of a whole paragraph, and one tabled and then
/// withdrawn by its proposer. (Tabled after the others, so that the
/// earlier proposals, positions and meetings stay as they were.)
fn load_later_proposals(
    store: &Store,
    process: u64,
    delegations: &[(MemberCode, DelegateId)],
) -> Result<(), StoreError> {
    let head = |code: &str| delegations.iter().find(|(m, _)| m.as_str() == code).map(|(_, d)| *d);
    let state = store.state();
    let p = state.process(process).map_err(StoreError::Refused)?;
    let version = p.latest().number;
    let eid_of =
        |suffix: &str| p.latest().instrument.provisions.iter().find(|x| x.eid.ends_with(suffix)).map(|x| x.eid.clone());
    let proposal = |kind, eid: String, text: Option<&str>, heading: Option<&str>, why: &str| ProposalTabled {
        process,
        kind,
        eid,
        version,
        anchor: None,
        position: None,
        text: text.map(Into::into),
        heading: heading.map(Into::into),
        justification: why.into(),
    };
    let mut later = Vec::new();
    if let (Some(who), Some(eid)) = (head("MEX"), eid_of("art_5")) {
        later.push((
            who,
            proposal(
                ProposalKind::ReplaceProvision,
                eid,
                None,
                Some("Applicability of international law"),
                "The article affirms that the law applies; its heading should say so.",
            ),
        ));
    }
    if let (Some(who), Some(eid)) = (head("ZAF"), eid_of("art_12__para_2")) {
        later.push((who, proposal(ProposalKind::ReplaceProvision, eid, Some("When notified by another State of such activity with sufficient information, a Participating State shall investigate promptly, take the measures available to it and inform the notifying State of the outcome within a reasonable time."), None, "Due diligence needs a clear duty to act on notifications.")));
    }
    let withdrawn = head("NOR").zip(eid_of("art_13__para_2"));
    if let Some((who, eid)) = &withdrawn {
        later.push((
            *who,
            proposal(
                ProposalKind::ReplaceProvision,
                eid.clone(),
                Some("Participating States shall ensure that their points of contact are reachable at all times."),
                None,
                "A fixed delay is hard to guarantee for small administrations.",
            ),
        ));
    }
    drop(state);
    let answers = store
        .submit_all_blocking(later.into_iter().map(|(who, t)| negotiate(who, EntryBody::ProposalTabled(t))).collect());
    if let (Some((who, _)), Some(Ok(last))) = (withdrawn, answers.last()) {
        let id = store
            .state()
            .process(process)
            .map_err(StoreError::Refused)?
            .proposals
            .iter()
            .find(|q| q.entry == last.entry.index)
            .map(|q| q.id);
        if let Some(id) = id {
            let (principal, action) =
                negotiate(who, EntryBody::ProposalWithdrawn(ProposalRef { process, proposal: id }));
            store.submit_blocking(principal, action, None)?;
        }
    }
    Ok(())
}

/// A session with a first meeting: its agenda, 130 delegations present,
/// speakers with their statements, a recorded vote and an adoption by
/// consensus over an objection; and a second meeting, scheduled.
fn load_meetings(
    store: &Store,
    secretariat: DelegateId,
    chair: DelegateId,
    delegations: &[(MemberCode, DelegateId)],
    process: u64,
    dice: &mut Dice,
) -> Result<(), StoreError> {
    use accord_domain::decisions::*;
    let sec = |b| negotiate(secretariat, b);
    // Meeting 1 is held today (it is open in the demonstration), meeting 2
    // tomorrow.
    let now = store.clock().now_unix_ms();
    let day = |ms: i64| crate::http::time::rfc3339(ms)[..10].to_owned();
    let (today, tomorrow) = (day(now), day(now + 86_400_000));
    let mut acts = vec![
        sec(EntryBody::SessionOpened(SessionOpened { title: "Third substantive session".into() })),
        sec(EntryBody::MeetingScheduled(MeetingScheduled {
            session: 1,
            date: today,
            place: "Conference Room 4".into(),
        })),
        sec(EntryBody::MeetingScheduled(MeetingScheduled {
            session: 1,
            date: tomorrow,
            place: "Conference Room 4".into(),
        })),
    ];
    for (title, parent) in [
        ("Adoption of the agenda", None),
        ("Consideration of the zero draft", None),
        ("Chapter I", Some(2)),
        ("Chapter III", Some(2)),
    ] {
        acts.push(sec(EntryBody::AgendaItemAdded(AgendaItemAdded { meeting: 1, title: title.into(), parent })));
    }
    let states: Vec<&(MemberCode, DelegateId)> = delegations.iter().take(130).collect();
    for (_, d) in &states {
        acts.push(negotiate(*d, EntryBody::AttendanceRegistered(AttendanceRegistered { meeting: 1 })));
    }
    acts.push(negotiate(chair, EntryBody::MeetingOpened(MeetingRef { meeting: 1 })));
    let lines = [
        "We welcome the zero draft as a sound basis for our work and will propose amendments to Chapter I.",
        "Our delegation attaches great importance to capacity-building and asks that Chapter V be strengthened.",
        "The norms should remain voluntary; binding language would not command consensus.",
        "We support the inclusion of a dedicated article on the protection of electoral processes.",
    ];
    for (i, line) in lines.iter().enumerate() {
        let (_, d) = states[dice.next(states.len())];
        acts.push(negotiate(
            *d,
            EntryBody::FloorRequested(FloorRequested { meeting: 1, item: 3, kind: FloorKind::Statement }),
        ));
        acts.push(negotiate(chair, EntryBody::FloorGiven(FloorGiven { meeting: 1, item: 3 })));
        acts.push(negotiate(
            *d,
            EntryBody::StatementDelivered(StatementDelivered {
                meeting: 1,
                item: 3,
                request: i as u32 + 1,
                text: Some((*line).into()),
                file: None,
                file_name: None,
            }),
        ));
    }
    for (_, d) in states.iter().skip(10).take(3) {
        acts.push(negotiate(
            *d,
            EntryBody::FloorRequested(FloorRequested { meeting: 1, item: 4, kind: FloorKind::Statement }),
        ));
    }
    store.submit_all_blocking(acts);
    // A recorded vote on an open proposal, and an adoption by consensus.
    let open_proposal = |skip: usize| -> Result<Option<u64>, StoreError> {
        Ok(store
            .state()
            .process(process)
            .map_err(StoreError::Refused)?
            .proposals
            .iter()
            .filter(|p| p.is_open() && !p.outdated && p.kind == accord_domain::negotiation::ProposalKind::ReplaceWords)
            .map(|p| p.id)
            .nth(skip))
    };
    let Some(voted) = open_proposal(0)? else { return Ok(()) };
    let mut acts = vec![negotiate(
        chair,
        EntryBody::VoteOpened(VoteOpened {
            process,
            target: Target::Proposal(voted),
            majority: Majority::Simple,
            meeting: 1,
            version: None,
        }),
    )];
    for (i, (_, d)) in states.iter().enumerate() {
        let choice = match i % 13 {
            0..=7 => Choice::Yes,
            8..=10 => Choice::No,
            _ => Choice::Abstain,
        };
        acts.push(negotiate(*d, EntryBody::BallotCast(BallotCast { vote: 1, choice })));
    }
    acts.push(negotiate(
        states[9].1,
        EntryBody::VoteExplained(VoteExplained {
            vote: 1,
            text: "We will vote against: the change weakens the norm.".into(),
        }),
    ));
    acts.push(negotiate(chair, EntryBody::VoteClosed(VoteRef { vote: 1 })));
    store.submit_all_blocking(acts);
    // The vote moved the text on: the next proposal is chosen after it.
    let Some(agreed) = open_proposal(5)? else { return Ok(()) };
    let acts = vec![
        negotiate(
            chair,
            EntryBody::ConsensusProposed(ConsensusProposed {
                process,
                target: Target::Proposal(agreed),
                meeting: 1,
                ad_referendum: false,
                version: None,
            }),
        ),
        negotiate(
            states[4].1,
            EntryBody::ConsensusObjected(ConsensusObjected {
                consensus: 1,
                reason: "Our capital needs more time.".into(),
            }),
        ),
        negotiate(chair, EntryBody::ConsensusDeclared(ConsensusRef { consensus: 1 })),
    ];
    store.submit_all_blocking(acts);
    Ok(())
}
