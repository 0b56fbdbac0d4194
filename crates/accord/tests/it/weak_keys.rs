//! The forgery of a member's signature without its secret key: register
//! the all-zero public key (a point of order 4), then "sign" with R =
//! identity and s = 0, which lenient Ed25519 verification takes for about
//! one nonce in four. Refused live; a record of an older edition that
//! holds it still replays, and `accord verify` names it.

use accord_domain::entry::MemberSignaturesRequired;
use accord_domain::entry::{DelegateAccredited, ForumSettings, MemberAdmitted, MemberKeyRegistered};
use accord_domain::ids::{DisplayName, LanguageTag};
use accord_domain::signature::{key_id, signed_message, verify_lenient};
use accord_domain::state::{MemberKind, MemberRole};
use accord_domain::{Actor, DelegateId, Entry, EntryBody, MemberCode, MemberSignature};
use axum::http::StatusCode;
use base64::prelude::{Engine, BASE64_STANDARD};
use serde_json::json;

use crate::helpers::*;

const ORIGIN: &str = "accord.test/forum";

fn bra() -> MemberCode {
    MemberCode::parse("BRA").unwrap()
}

/// The signature R = identity, s = 0, base64.
fn forged_sig() -> String {
    let mut bytes = [0u8; 64];
    bytes[0] = 1;
    BASE64_STANDARD.encode(bytes)
}

/// The first nonce for which lenient verification takes the forgery of
/// `body` by `actor` with the all-zero key.
fn forging_nonce(actor: &Actor, body: &EntryBody) -> String {
    (0..200)
        .map(|i| format!("forged-nonce-{i:04}"))
        .find(|nonce| {
            verify_lenient(
                &BASE64_STANDARD.encode([0u8; 32]),
                &signed_message(ORIGIN, actor, body, nonce),
                &forged_sig(),
            )
            .is_ok()
        })
        .expect("about one nonce in four takes the forgery")
}

#[tokio::test]
async fn the_forgery_is_refused_live_on_a_current_forum() {
    let forum = TestForum::new();
    let tokens = forum.tokens().await;
    let before = forum.record_len();
    let zero = BASE64_STANDARD.encode([0u8; 32]);
    let answer = forum
        .post("/api/v1/members/BRA/keys", &tokens["bra_head"], json!({"public_key": zero, "label": "laptop"}))
        .await;
    assert_error(&answer, StatusCode::UNPROCESSABLE_ENTITY, "weak_key");
    assert!(answer.1["message"].as_str().unwrap().contains("small order"), "{}", answer.1);

    // The forged action itself: its key is not BRA's.
    let head = Actor::Delegate { delegate: DelegateId(3), member: bra() };
    let payload = json!({"delegate": "D5", "reason": "forged"});
    let body: EntryBody =
        serde_json::from_value(json!({"kind": "accreditation.withdrawn", "payload": payload.clone()})).unwrap();
    let nonce = forging_nonce(&head, &body);
    let forged = json!({"kind": "accreditation.withdrawn", "payload": payload,
        "signature": {"key": key_id(&[0u8; 32]), "nonce": nonce, "sig": forged_sig()}});
    assert_error(
        &forum.post("/api/v1/actions", &tokens["bra_head"], forged).await,
        StatusCode::FORBIDDEN,
        "unknown_key",
    );

    // With BRA's real key, a signature that is R = identity, s = 0 is refused.
    let (_, public) = accord_client::sign::new_key();
    let (status, reg) = forum
        .post("/api/v1/members/BRA/keys", &tokens["bra_head"], json!({"public_key": public, "label": "laptop"}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{reg}");
    let forged = json!({"kind": "accreditation.withdrawn", "payload": {"delegate": "D5", "reason": "forged"},
        "signature": {"key": reg["key"], "nonce": "another-nonce-0001", "sig": forged_sig()}});
    assert_error(
        &forum.post("/api/v1/actions", &tokens["bra_head"], forged).await,
        StatusCode::FORBIDDEN,
        "bad_signature",
    );
    assert_eq!(forum.record_len(), before + 1, "only the real key was recorded");
}

/// A record of `edition` in which BRA's head registers the all-zero key
/// and the forger declares, in BRA's name, that BRA requires its signature.
fn forged_record(edition: u32) -> Vec<Entry> {
    let head = Actor::Delegate { delegate: DelegateId(1), member: bra() };
    let name = |s: &str| DisplayName::parse(s).unwrap();
    let bodies = [
        (
            Actor::System,
            EntryBody::ForumEstablished(ForumSettings {
                name: name("Old Forum"),
                languages: LanguageTag::un_languages(),
                log: Some(ORIGIN.into()),
                edition: Some(edition),
            }),
        ),
        (
            Actor::System,
            EntryBody::MemberAdmitted(MemberAdmitted {
                category: None,
                code: bra(),
                kind: MemberKind::State,
                name: name("Brazil"),
                status: accord_domain::state::MemberStatus::Member,
            }),
        ),
        (
            Actor::System,
            EntryBody::DelegateAccredited(DelegateAccredited {
                delegate: DelegateId(1),
                name: name("Head"),
                member: bra(),
                role: MemberRole::HeadOfDelegation,
            }),
        ),
        (
            head.clone(),
            EntryBody::MemberKeyRegistered(MemberKeyRegistered {
                member: bra(),
                key: key_id(&[0u8; 32]),
                public_key: BASE64_STANDARD.encode([0u8; 32]),
                label: name("laptop"),
            }),
        ),
    ];
    let mut entries: Vec<Entry> = bodies
        .into_iter()
        .enumerate()
        .map(|(i, (actor, body))| Entry { index: i as u64, time: 1_000 + i as i64, actor, body, signature: None })
        .collect();
    let body = EntryBody::MemberSignaturesRequired(MemberSignaturesRequired { member: bra() });
    let nonce = forging_nonce(&head, &body);
    entries.push(Entry {
        index: 4,
        time: 1_004,
        actor: head,
        body,
        signature: Some(MemberSignature { key: key_id(&[0u8; 32]), nonce, sig: forged_sig() }),
    });
    entries
}

fn verify_mirror(dir: &std::path::Path, entries: &[Entry]) -> (bool, String) {
    let bytes: Vec<Vec<u8>> = entries.iter().map(|e| e.encode().unwrap()).collect();
    let mirror = dir.join("mirror");
    let key = write_mirror(&mirror, ORIGIN, &bytes);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["verify", "--dir", mirror.to_str().unwrap(), "--key", &key, "--state"])
        .arg(dir.join("verify.json"))
        .output()
        .unwrap();
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn an_older_record_holding_the_forgery_replays_and_verify_names_it() {
    for edition in [1, 2] {
        let entries = forged_record(edition);
        let mut state = accord_domain::State::new();
        for e in &entries {
            state.apply(e).unwrap_or_else(|r| panic!("edition {edition}, entry {}: {}", e.index, r.message));
        }
        assert_eq!(state.members[&bra()].signatures_required, Some(4), "the forged declaration replays");

        let dir = tempfile::tempdir().unwrap();
        let (ok, out) = verify_mirror(dir.path(), &entries);
        assert!(ok, "{out}");
        let key = key_id(&[0u8; 32]);
        assert!(
            out.contains(&format!(
                "WARNING entry 3: BRA (Brazil) registered the key {key}, a point of small order, for which \
                 signatures can be forged; this record follows edition {edition} of the rules"
            )),
            "{out}"
        );
        assert!(
            out.contains(&format!(
                "WARNING entry 4: the signature of BRA (Brazil) with the key {key} verifies only under the lenient \
                 verification of edition {edition} of the rules, not strictly: it may be forged"
            )),
            "{out}"
        );
        assert!(out.contains("the record of accord.test/forum (5 entries) verifies"), "{out}");
    }
}

#[test]
fn a_current_record_holding_the_forgery_does_not_verify() {
    let entries = forged_record(accord_domain::state::EDITION);
    let dir = tempfile::tempdir().unwrap();
    let (ok, out) = verify_mirror(dir.path(), &entries);
    assert!(!ok, "{out}");
    assert!(out.contains("entry 3: the rules refuse it on replay: the public key is a point of small order"), "{out}");
    assert!(!out.contains("WARNING"), "{out}");

    // Without the registration, the forged signature by a key of BRA's
    // is refused as a bad signature.
    let mut state = accord_domain::State::new();
    for e in &entries[..3] {
        state.apply(e).unwrap();
    }
    let mut registration = entries[3].clone();
    let (_, public) = accord_client::sign::new_key();
    let public: [u8; 32] = BASE64_STANDARD.decode(&public).unwrap().try_into().unwrap();
    registration.body = EntryBody::MemberKeyRegistered(MemberKeyRegistered {
        member: bra(),
        key: key_id(&public),
        public_key: BASE64_STANDARD.encode(public),
        label: DisplayName::parse("laptop").unwrap(),
    });
    state.apply(&registration).unwrap();
    let mut forged = entries[4].clone();
    forged.signature.as_mut().unwrap().key = key_id(&public);
    assert_eq!(state.apply(&forged).unwrap_err().code, "bad_signature");
}
