//! Translations through prepare → encode → apply, as the store runs them,
//! and replay from the encoded bytes.

use std::collections::HashMap;

use super::*;
use crate::blob::BlobRef;
use crate::entry::{Entry, EntryBody};
use crate::error::Refusal;
use crate::ids::DisplayName;
use crate::negotiation::{Anchor, ProcessOpened, ProposalKind, ProposalRef, ProposalTabled};
use crate::state::{Action, MemberKind, MemberRole, MemberStatus, OfficerRole, Principal, State};

const DRAFT: &str = "# Framework\n\n## Chapter I — General\n\n### Article 1 — Purpose\n\n1. States shall cooperate in good faith.\n\n2. States should protect critical infrastructure.\n";
const P1: &str = "chp_1__art_1__para_1";
const P2: &str = "chp_1__art_1__para_2";
const ART1: &str = "chp_1__art_1";

struct World {
    state: State,
    log: Vec<Vec<u8>>,
    blobs: HashMap<[u8; 32], Vec<u8>>,
    secretariat: Principal,
    chair: Principal,
    translator: Principal,
    head: Principal,
}

fn name(s: &str) -> DisplayName {
    DisplayName::parse(s).unwrap()
}
fn lang(s: &str) -> LanguageTag {
    LanguageTag::parse(s).unwrap()
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

    /// A forum in English, French and Arabic (the UN's order, English
    /// original), with the secretariat, a chair, a translator, Brazil's
    /// head of delegation and one process.
    fn new() -> World {
        let sys = Principal::System;
        let mut w = World {
            state: State::new(),
            log: Vec::new(),
            blobs: HashMap::new(),
            secretariat: sys,
            chair: sys,
            translator: sys,
            head: sys,
        };
        let languages = vec![lang("ar"), lang("en"), lang("fr")];
        w.act(sys, Action::EstablishForum { name: name("Forum"), languages, log: None }).unwrap();
        let officer = |w: &mut World, role| {
            let id = w.state.next_delegate_id();
            w.act(sys, Action::AppointOfficer { name: name("Officer"), role }).unwrap();
            Principal::Delegate(id)
        };
        w.secretariat = officer(&mut w, OfficerRole::Secretariat);
        w.chair = officer(&mut w, OfficerRole::Chair);
        w.translator = officer(&mut w, OfficerRole::Translator);
        let bra = crate::ids::MemberCode::parse("BRA").unwrap();
        let admit = Action::AdmitMember {
            code: bra.clone(),
            name: None,
            kind: MemberKind::State,
            category: None,
            status: MemberStatus::Member,
        };
        w.act(sys, admit).unwrap();
        let id = w.state.next_delegate_id();
        w.act(sys, Action::AccreditDelegate { member: bra, name: name("Head"), role: MemberRole::HeadOfDelegation })
            .unwrap();
        w.head = Principal::Delegate(id);
        let body =
            EntryBody::ProcessOpened(ProcessOpened { title: "Framework".into(), draft: BlobRef::of(DRAFT.into()) });
        w.act(w.secretariat, Action::Negotiate(Box::new(body))).unwrap();
        w
    }

    fn translate(
        &mut self,
        who: Principal,
        language: &str,
        version: u32,
        eid: &str,
        text: &str,
    ) -> Result<Entry, Refusal> {
        let body = EntryBody::TranslationRecorded(TranslationRecorded {
            process: 1,
            version,
            eid: eid.into(),
            language: lang(language),
            text: text.into(),
            proposal: None,
        });
        self.act(who, Action::Negotiate(Box::new(body)))
    }

    /// Brazil proposes "should" for the first "shall" of P1; answers its number.
    fn propose(&mut self) -> u64 {
        let body = EntryBody::ProposalTabled(ProposalTabled {
            process: 1,
            kind: ProposalKind::ReplaceWords,
            eid: P1.into(),
            version: self.state.processes[0].latest().number,
            anchor: Some(Anchor { quote: "shall".into(), occurrence: None }),
            position: None,
            text: Some("should".into()),
            heading: None,
            justification: "softer".into(),
        });
        self.act(self.head, Action::Negotiate(Box::new(body))).unwrap();
        self.state.processes[0].proposals.len() as u64
    }

    fn agree(&mut self, proposal: u64) {
        let body = EntryBody::ProposalAgreed(ProposalRef { process: 1, proposal });
        self.act(self.chair, Action::Negotiate(Box::new(body))).unwrap();
    }

    fn status(&self, language: &str, eid: &str) -> Status {
        self.state.translations.status(&self.state.processes[0], &lang(language), eid)
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
}

#[test]
fn a_translator_records_a_provision_in_another_official_language() {
    let mut w = World::new();
    assert_eq!(w.state.processes[0].language.as_str(), "en");
    assert_eq!(w.status("fr", P1), Status::Missing);
    w.translate(w.translator, "fr", 1, P1, "Les États coopèrent de bonne foi.").unwrap();
    w.translate(w.translator, "ar", 1, P1, "تتعاون الدول بحسن نية.").unwrap();
    w.translate(w.translator, "fr", 1, ART1, "Objet").unwrap();
    let t = w.state.translations.get(1, &lang("fr"), P1).unwrap();
    assert_eq!((t.text.as_str(), t.version), ("Les États coopèrent de bonne foi.", 1));
    assert_eq!(w.status("fr", P1), Status::Current);
    assert_eq!(w.status("ar", P1), Status::Current);
    assert_eq!(w.status("fr", P2), Status::Missing);
    // A later translation replaces the earlier one.
    w.translate(w.translator, "fr", 1, P1, "Les États coopèrent de bonne foi, toujours.").unwrap();
    assert_eq!(
        w.state.translations.get(1, &lang("fr"), P1).unwrap().text,
        "Les États coopèrent de bonne foi, toujours."
    );
    assert_eq!(w.replay(), w.state);
}

#[test]
fn refusals_name_what_is_wrong_and_change_nothing() {
    let mut w = World::new();
    let p = w.propose();
    w.agree(p); // version 2
    let before = w.state.clone();
    let cases: [(Principal, &str, u32, &str, &str, &str); 10] = [
        (w.chair, "fr", 2, P1, "Texte", "translator_only"),
        (w.secretariat, "fr", 2, P1, "Texte", "translator_only"),
        (w.head, "fr", 2, P1, "Texte", "translator_only"),
        (w.translator, "fr", 1, P1, "Texte", "wrong_version"),
        (w.translator, "fr", 3, P1, "Texte", "wrong_version"),
        (w.translator, "fr", 2, "chp_1__art_9__para_1", "Texte", "unknown_provision"),
        (w.translator, "ru", 2, P1, "Текст", "unofficial_language"),
        (w.translator, "en", 2, P1, "Text", "original_language"),
        (w.translator, "fr", 2, P1, "Texte\u{202E} inversé", "bidi_control"),
        (w.translator, "fr", 2, P1, "  ", "empty_text"),
    ];
    for (who, language, version, eid, text, code) in cases {
        let e = w.translate(who, language, version, eid, text).unwrap_err();
        assert_eq!(e.code, code, "{language} v{version} {eid} {text:?}: {e}");
        assert_eq!(w.state, before);
    }
    let body = EntryBody::TranslationRecorded(TranslationRecorded {
        process: 7,
        version: 1,
        eid: P1.into(),
        language: lang("fr"),
        text: "Texte".into(),
        proposal: None,
    });
    assert_eq!(w.act(w.translator, Action::Negotiate(Box::new(body))).unwrap_err().code, "unknown_process");
    // Text is kept in NFC: a decomposed letter is composed before it is recorded.
    w.translate(w.translator, "fr", 2, P1, "Les E\u{301}tats").unwrap();
    assert_eq!(w.state.translations.get(1, &lang("fr"), P1).unwrap().text, "Les \u{c9}tats");
    // The same words again for the same version: refused, nothing recorded.
    let recorded = w.state.clone();
    let again = w.translate(w.translator, "fr", 2, P1, "Les \u{c9}tats").unwrap_err();
    assert_eq!(again.code, "translation_unchanged", "{again}");
    assert_eq!(w.state, recorded);
}

#[test]
fn a_change_to_the_original_puts_its_translations_out_of_date() {
    let mut w = World::new();
    w.translate(w.translator, "fr", 1, P1, "Les États coopèrent de bonne foi.").unwrap();
    w.translate(w.translator, "fr", 1, P2, "Les États protègent les infrastructures critiques.").unwrap();
    let digest_before = w.state.digest_parts()["process 1 translations"];
    let p = w.propose();
    // Tabling a proposal changes no version: still current.
    assert_eq!(w.status("fr", P1), Status::Current);
    w.agree(p);
    assert_eq!(w.state.processes[0].latest().number, 2);
    // P1's words changed: out of date; P2's did not: still current.
    assert_eq!(w.status("fr", P1), Status::Outdated);
    assert_eq!(w.status("fr", P2), Status::Current);
    assert_eq!(w.state.translations.get(1, &lang("fr"), P1).unwrap().version, 1);
    // The digest says so.
    assert_ne!(w.state.digest_parts()["process 1 translations"], digest_before);
    // A translation of the old version is no longer accepted; of the new one it is.
    assert_eq!(w.translate(w.translator, "fr", 1, P1, "Ancien").unwrap_err().code, "wrong_version");
    w.translate(w.translator, "fr", 2, P1, "Les États devraient coopérer de bonne foi.").unwrap();
    assert_eq!(w.status("fr", P1), Status::Current);
    assert_eq!(w.state.translations.get(1, &lang("fr"), P1).unwrap().version, 2);
    assert_eq!(w.replay(), w.state);
}

#[test]
fn the_state_digest_covers_translations() {
    let mut w = World::new();
    let before = w.state.digest_parts();
    assert!(!before.contains_key("process 1 translations"), "a record without translations digests as before");
    w.translate(w.translator, "fr", 1, P1, "Les États coopèrent.").unwrap();
    let one = w.state.digest_parts();
    assert!(one.contains_key("process 1 translations"));
    w.translate(w.translator, "fr", 1, P1, "Les États coopèrent de bonne foi.").unwrap();
    let two = w.state.digest_parts();
    assert_ne!(one["process 1 translations"], two["process 1 translations"]);
    assert_eq!(w.replay().digest_parts(), two);
}

#[test]
fn a_proposal_carries_translations_and_stays_in_its_language() {
    let mut w = World::new();
    let p = w.propose();
    let body = |proposal, eid: &str| {
        EntryBody::TranslationRecorded(TranslationRecorded {
            process: 1,
            version: 1,
            eid: eid.into(),
            language: lang("fr"),
            text: "devraient".into(),
            proposal: Some(proposal),
        })
    };
    assert_eq!(w.act(w.translator, Action::Negotiate(Box::new(body(p, P2)))).unwrap_err().code, "wrong_provision");
    assert_eq!(w.act(w.translator, Action::Negotiate(Box::new(body(9, P1)))).unwrap_err().code, "unknown_proposal");
    w.act(w.translator, Action::Negotiate(Box::new(body(p, P1)))).unwrap();
    assert_eq!(w.state.translations.proposal(1, p, &lang("fr")).unwrap().text, "devraient");
    assert_eq!(w.state.processes[0].proposal(p).unwrap().text.as_deref(), Some("should"));
    // The provision's own translation is untouched.
    assert_eq!(w.status("fr", P1), Status::Missing);
    assert_eq!(w.replay(), w.state);
}
