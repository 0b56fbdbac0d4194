//! Strict Ed25519 against the world: Project Wycheproof's vectors, the
//! eight points of small order as keys and as `R`, the signatures a forger
//! makes without a secret key, and records of older editions that hold
//! them.

use base64::prelude::{Engine, BASE64_STANDARD};
use curve25519_dalek::scalar::{clamp_integer, Scalar};
use ed25519_dalek::{SigningKey, VerifyingKey};
use sha2::{Digest, Sha512};

use super::*;
use crate::entry::{
    Actor, DelegateAccredited, Entry, EntryBody, MemberKeyRegistered, MemberSignature, MemberSignaturesRequired,
};
use crate::ids::{DelegateId, DisplayName, LanguageTag, MemberCode};
use crate::state::{Action, Leniency, MemberKind, MemberRole, MemberStatus, Principal, State};

/// Project Wycheproof's Ed25519 verification vectors (see the README.md
/// beside the file for its source and licence).
const WYCHEPROOF_ED25519: &str = include_str!("../../tests/data/wycheproof/ed25519_test.json");

/// The eight points of small order, in their canonical encodings: the
/// identity, the point of order 2, two of order 4 and four of order 8.
const SMALL_ORDER: [&str; 8] = [
    "0100000000000000000000000000000000000000000000000000000000000000",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "0000000000000000000000000000000000000000000000000000000000000000",
    "0000000000000000000000000000000000000000000000000000000000000080",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
];

/// Encodings of the same points with y ≥ p or a sign bit on x = 0.
const SMALL_ORDER_NON_CANONICAL: [&str; 6] = [
    "0100000000000000000000000000000000000000000000000000000000000080",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
];

fn bytes32(hex_text: &str) -> [u8; 32] {
    hex::decode(hex_text).unwrap().try_into().unwrap()
}

fn b64(bytes: &[u8]) -> String {
    BASE64_STANDARD.encode(bytes)
}

/// The signature `R` ‖ `s` with `s` = 0, in base64.
fn zero_s(r: &[u8; 32]) -> String {
    b64(&[&r[..], &[0u8; 32]].concat())
}

/// A signature with `R` = identity that lenient verification takes for
/// the holder of `seed`: `s` = k·a, so that [s]B − [k]A is the identity.
fn identity_r_signature(seed: &[u8; 32], message: &[u8]) -> String {
    let public = SigningKey::from_bytes(seed).verifying_key().to_bytes();
    let expanded = Sha512::digest(seed);
    let a = Scalar::from_bytes_mod_order(clamp_integer(expanded[..32].try_into().unwrap()));
    let r = bytes32(SMALL_ORDER[0]);
    let k = Scalar::from_bytes_mod_order_wide(
        &Sha512::new().chain_update(r).chain_update(public).chain_update(message).finalize().into(),
    );
    b64(&[&r[..], &(k * a).to_bytes()].concat())
}

#[test]
fn every_wycheproof_vector_is_decided_as_wycheproof_says() {
    let file: serde_json::Value = serde_json::from_str(WYCHEPROOF_ED25519).unwrap();
    assert_eq!(file["algorithm"], "EDDSA");
    let (mut valid, mut invalid, mut lenient_differs) = (0, 0, Vec::new());
    for group in file["testGroups"].as_array().unwrap() {
        assert_eq!(group["type"], "EddsaVerify");
        assert_eq!(group["publicKey"]["curve"], "edwards25519");
        let key = b64(&hex::decode(group["publicKey"]["pk"].as_str().unwrap()).unwrap());
        for test in group["tests"].as_array().unwrap() {
            let id = &test["tcId"];
            let message = hex::decode(test["msg"].as_str().unwrap()).unwrap();
            let sig = b64(&hex::decode(test["sig"].as_str().unwrap()).unwrap());
            let ours = verify(&key, &message, &sig);
            if verify_lenient(&key, &message, &sig).is_ok() != ours.is_ok() {
                lenient_differs.push(id.clone());
            }
            match test["result"].as_str().unwrap() {
                "valid" => {
                    assert!(ours.is_ok(), "vector {id} ({}) is valid but refused: {ours:?}", test["comment"]);
                    valid += 1;
                }
                // Wycheproof's `acceptable` is a signature a careful
                // verifier may refuse: Accord refuses it, as `invalid`.
                "invalid" | "acceptable" => {
                    let refusal = ours.expect_err(&format!("vector {id} ({}) is invalid but taken", test["comment"]));
                    assert_eq!(refusal.code, "bad_signature");
                    invalid += 1;
                }
                other => panic!("vector {id}: unknown result {other}"),
            }
        }
    }
    assert_eq!(valid + invalid, file["numberOfTests"].as_u64().unwrap(), "every vector was run");
    assert_eq!((valid, invalid), (88, 63));
    // The file's keys are all strong, and no vector has an R of small
    // order: on these the lenient verification decides alike.
    assert_eq!(lenient_differs, Vec::<serde_json::Value>::new());
}

#[test]
fn the_eight_small_order_points_are_what_they_say() {
    // The list is the subgroup generated by a point of order 8: its
    // multiples 1..=8 are the eight points, the 8th the identity.
    let generator = VerifyingKey::from_bytes(&bytes32(SMALL_ORDER[4])).unwrap().to_edwards();
    let mut multiple = generator;
    let mut seen = Vec::new();
    for _ in 0..8 {
        seen.push(hex::encode(multiple.compress().as_bytes()));
        multiple += generator;
    }
    assert_eq!(seen[7], SMALL_ORDER[0], "8·G is the identity");
    seen.sort();
    let mut listed: Vec<String> = SMALL_ORDER.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(seen, listed);
}

#[test]
fn small_order_points_are_refused_as_keys() {
    for point in SMALL_ORDER.iter().chain(&SMALL_ORDER_NON_CANONICAL) {
        let key = b64(&bytes32(point));
        // Editions 1 and 2 took them (those that decode at all).
        let Ok(parsed) = parse_public_key(&key) else {
            assert!(SMALL_ORDER_NON_CANONICAL.contains(point), "{point} is a point");
            continue;
        };
        assert_eq!(key_weakness(&parsed), Some(KeyWeakness::SmallOrder), "{point}");
        let refusal = parse_strong_public_key(&key).unwrap_err();
        assert_eq!((refusal.code, refusal.kind), ("weak_key", crate::error::RefusalKind::Unprocessable), "{point}");
        assert!(refusal.message.contains("small order"), "{}", refusal.message);
    }
}

#[test]
fn small_order_keys_sign_anything_leniently_and_nothing_strictly() {
    // The forgery: no secret key, R = identity, s = 0. For a key of order
    // n it verifies leniently whenever n divides the hash k.
    let identity = bytes32(SMALL_ORDER[0]);
    for point in SMALL_ORDER {
        let key = b64(&bytes32(point));
        let forged = (0..200)
            .map(|i| format!("BRA supports P-7, attempt {i}").into_bytes())
            .find(|message| verify_lenient(&key, message, &zero_s(&identity)).is_ok())
            .unwrap_or_else(|| panic!("no message in 200 takes the forgery with the key {point}"));
        assert_eq!(verify(&key, &forged, &zero_s(&identity)).unwrap_err().code, "bad_signature", "{point}");
    }
}

#[test]
fn small_order_points_are_refused_as_r() {
    // With the key of order 8, −[k]A runs through all eight points: for
    // each as R there is a message that lenient verification takes with
    // s = 0. Strict verification refuses every one.
    let key = b64(&bytes32(SMALL_ORDER[4]));
    for point in SMALL_ORDER {
        let r = bytes32(point);
        let message = (0..400)
            .map(|i| format!("message {i}").into_bytes())
            .find(|m| verify_lenient(&key, m, &zero_s(&r)).is_ok())
            .unwrap_or_else(|| panic!("no message in 400 takes R = {point}"));
        assert!(verify(&key, &message, &zero_s(&r)).is_err(), "R = {point}");
    }
    // With a strong key, its holder can make R = identity verify
    // leniently; strictly it does not, and a real signature does.
    let seed = [7u8; 32];
    let signing = SigningKey::from_bytes(&seed);
    let key = b64(signing.verifying_key().as_bytes());
    let sig = identity_r_signature(&seed, b"hello");
    assert!(verify_lenient(&key, b"hello", &sig).is_ok());
    assert!(verify(&key, b"hello", &sig).is_err());
    let real = b64(&ed25519_dalek::Signer::sign(&signing, b"hello").to_bytes());
    assert!(verify(&key, b"hello", &real).is_ok());
}

#[test]
fn non_canonical_keys_are_weak_and_generated_keys_are_not() {
    // y = p + k for small k: a second encoding of the point with y = k.
    let mut decoded = 0;
    for k in 2..=18u8 {
        let mut bytes = [0xff; 32];
        bytes[0] = 0xed + k;
        bytes[31] = 0x7f;
        let Ok(key) = VerifyingKey::from_bytes(&bytes) else { continue };
        decoded += 1;
        assert!(!key.is_weak());
        assert_ne!(key.to_edwards().compress().to_bytes(), bytes, "another encoding of the point");
        assert_eq!(key_weakness(&key), Some(KeyWeakness::NonCanonical), "y = p + {k}");
        assert_eq!(parse_strong_public_key(&b64(&bytes)).unwrap_err().code, "weak_key");
    }
    assert!(decoded > 0, "some y = p + k decode to points");
    for seed in 0..64u8 {
        let key = SigningKey::from_bytes(&[seed; 32]).verifying_key();
        assert_eq!(key.to_edwards().compress().to_bytes(), key.to_bytes());
        assert_eq!(key_weakness(&key), None);
    }
}

/// A record of `edition` with BRA admitted and its head of delegation, D1.
fn record(edition: u32) -> (State, Vec<Entry>) {
    let mut state = State::new();
    let mut entries = Vec::new();
    let established = Entry {
        index: 0,
        time: 1_000,
        actor: Actor::System,
        body: EntryBody::ForumEstablished(crate::entry::ForumSettings {
            name: DisplayName::parse("Forum").unwrap(),
            languages: LanguageTag::un_languages(),
            log: Some("accord.test/forum".into()),
            edition: Some(edition),
        }),
        signature: None,
    };
    state.apply(&established).unwrap();
    entries.push(established);
    for action in [
        Action::AdmitMember {
            code: bra(),
            name: None,
            kind: MemberKind::State,
            category: None,
            status: MemberStatus::Member,
        },
        Action::AccreditDelegate {
            member: bra(),
            name: DisplayName::parse("Head").unwrap(),
            role: MemberRole::HeadOfDelegation,
        },
    ] {
        let (actor, body, signature) = state.prepare(Principal::System, action).unwrap();
        let entry = Entry { index: state.next_index, time: 1_000 + state.next_index as i64, actor, body, signature };
        state.apply(&entry).unwrap();
        entries.push(entry);
    }
    assert!(matches!(
        &entries[2].body,
        EntryBody::DelegateAccredited(DelegateAccredited { delegate: DelegateId(1), .. })
    ));
    (state, entries)
}

fn bra() -> MemberCode {
    MemberCode::parse("BRA").unwrap()
}

fn head() -> Actor {
    Actor::Delegate { delegate: DelegateId(1), member: bra() }
}

fn entry(state: &State, body: EntryBody, signature: Option<MemberSignature>) -> Entry {
    Entry { index: state.next_index, time: 1_000 + state.next_index as i64, actor: head(), body, signature }
}

fn registration(public: &[u8; 32]) -> EntryBody {
    EntryBody::MemberKeyRegistered(MemberKeyRegistered {
        member: bra(),
        key: key_id(public),
        public_key: b64(public),
        label: DisplayName::parse("laptop").unwrap(),
    })
}

/// The attack: the all-zero key's "signature" R = identity, s = 0 on the
/// declaration that BRA requires its signature, with the first nonce that
/// lenient verification takes.
fn forged_declaration(state: &State) -> Entry {
    let zero = [0u8; 32];
    let body = EntryBody::MemberSignaturesRequired(MemberSignaturesRequired { member: bra() });
    let sig = zero_s(&bytes32(SMALL_ORDER[0]));
    let nonce = (0..200)
        .map(|i| format!("forged-nonce-{i:04}"))
        .find(|nonce| {
            let message = signed_message("accord.test/forum", &head(), &body, nonce);
            verify_lenient(&b64(&zero), &message, &sig).is_ok()
        })
        .expect("about one nonce in four takes the forgery");
    entry(state, body, Some(MemberSignature { key: key_id(&zero), nonce, sig }))
}

#[test]
fn an_older_record_holding_a_weak_key_and_a_forged_signature_replays_and_says_so() {
    for edition in [1, 2] {
        let (mut state, mut entries) = record(edition);
        let weak = entry(&state, registration(&[0u8; 32]), None);
        assert_eq!(
            state.apply_noting(&weak).unwrap(),
            [Leniency::WeakKey { member: bra(), key: key_id(&[0u8; 32]), weakness: KeyWeakness::SmallOrder }]
        );
        entries.push(weak);
        // A strong key whose holder signed with R = identity: lenient only.
        let seed = [9u8; 32];
        let public = SigningKey::from_bytes(&seed).verifying_key().to_bytes();
        let strong = entry(&state, registration(&public), None);
        assert_eq!(state.apply_noting(&strong).unwrap(), []);
        entries.push(strong);
        let forged = forged_declaration(&state);
        assert_eq!(
            state.apply_noting(&forged).unwrap(),
            [Leniency::LenientSignature { member: bra(), key: key_id(&[0u8; 32]) }]
        );
        entries.push(forged);
        assert!(state.members[&bra()].signatures_required.is_some(), "the forged declaration was folded");

        let body =
            EntryBody::MemberKeyRevoked(crate::entry::MemberKeyRevoked { member: bra(), key: key_id(&[0u8; 32]) });
        let nonce = "an-honest-nonce-0001".to_owned();
        let sig = identity_r_signature(&seed, &signed_message("accord.test/forum", &head(), &body, &nonce));
        let odd = entry(&state, body, Some(MemberSignature { key: key_id(&public), nonce, sig }));
        assert_eq!(
            state.apply_noting(&odd).unwrap(),
            [Leniency::LenientSignature { member: bra(), key: key_id(&public) }]
        );
        entries.push(odd);

        // The record replays, from the start, to the same state.
        let mut replayed = State::new();
        for e in &entries {
            replayed.apply(e).unwrap_or_else(|r| panic!("edition {edition}, entry {}: {}", e.index, r.message));
        }
        assert_eq!(replayed, state);
    }
}

#[test]
fn a_live_forum_of_any_edition_refuses_weak_keys() {
    for edition in [1, 2, crate::state::EDITION] {
        let (state, _) = record(edition);
        let refusal = state
            .prepare(
                Principal::Delegate(DelegateId(1)),
                Action::RegisterMemberKey {
                    member: bra(),
                    public_key: b64(&[0u8; 32]),
                    label: DisplayName::parse("laptop").unwrap(),
                },
            )
            .unwrap_err();
        assert_eq!(refusal.code, "weak_key", "edition {edition}");
    }
    // An older record's weak key signs nothing more, even a signature
    // lenient verification would take.
    let (mut state, _) = record(2);
    state.apply(&entry(&state, registration(&[0u8; 32]), None)).unwrap();
    let forged = forged_declaration(&state);
    let refusal = state
        .prepare(
            Principal::Delegate(DelegateId(1)),
            Action::Signed { body: Box::new(forged.body.clone()), signature: forged.signature.clone().unwrap() },
        )
        .unwrap_err();
    assert_eq!(refusal.code, "weak_key");
    assert!(refusal.message.contains(&key_id(&[0u8; 32])), "{}", refusal.message);
}

#[test]
fn the_current_edition_refuses_weak_keys_and_lenient_signatures_in_the_record() {
    const { assert!(crate::state::EDITION >= 3) };
    let (mut state, _) = record(crate::state::EDITION);
    let refusal = state.apply(&entry(&state, registration(&[0u8; 32]), None)).unwrap_err();
    assert_eq!((refusal.code, refusal.kind), ("weak_key", crate::error::RefusalKind::Unprocessable));
    let before = state.clone();

    // Were a weak key in the state, its forged signature would be refused.
    let mut holding = state.clone();
    let zero = [0u8; 32];
    holding.members.get_mut(&bra()).unwrap().keys.insert(
        key_id(&zero),
        crate::state::MemberKey {
            public_key: b64(&zero),
            label: DisplayName::parse("laptop").unwrap(),
            registered_entry: 2,
            revoked_entry: None,
        },
    );
    let forged = forged_declaration(&holding);
    assert_eq!(holding.apply(&forged).unwrap_err().code, "bad_signature");

    // A strong key's signature with R = identity is refused; a real one is taken.
    let seed = [9u8; 32];
    let signing = SigningKey::from_bytes(&seed);
    let public = signing.verifying_key().to_bytes();
    state.apply(&entry(&state, registration(&public), None)).unwrap();
    let body = EntryBody::MemberSignaturesRequired(MemberSignaturesRequired { member: bra() });
    let nonce = "an-honest-nonce-0001".to_owned();
    let message = signed_message("accord.test/forum", &head(), &body, &nonce);
    let odd = identity_r_signature(&seed, &message);
    let odd =
        entry(&state, body.clone(), Some(MemberSignature { key: key_id(&public), nonce: nonce.clone(), sig: odd }));
    assert_eq!(state.apply(&odd).unwrap_err().code, "bad_signature");
    let real = b64(&ed25519_dalek::Signer::sign(&signing, &message).to_bytes());
    let real = entry(&state, body, Some(MemberSignature { key: key_id(&public), nonce, sig: real }));
    assert_eq!(state.apply_noting(&real).unwrap(), []);
    assert_ne!(state, before);
}
