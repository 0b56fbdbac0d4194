//! Members' own signatures: a delegation signs its member's actions, so the
//! host cannot forge, alter or replay them.

use accord_domain::{Actor, DelegateId, Entry, MemberCode, State};
use axum::http::{Method, StatusCode};
use base64::Engine as _;
use serde_json::{json, Value};

use crate::helpers::*;

fn bra_head() -> Actor {
    Actor::Delegate { delegate: DelegateId(3), member: MemberCode::parse("BRA").unwrap() }
}

#[tokio::test]
async fn signed_actions_are_recorded_checked_and_never_replayed() {
    let forum = TestForum::new();
    let tokens = forum.tokens().await;
    let (secret, public) = accord_client::sign::new_key();

    // Only BRA's head of delegation registers BRA's keys.
    for who in ["bra_del", "ken_head", "sec"] {
        let answer = forum
            .post("/api/v1/members/BRA/keys", &tokens[who], json!({"public_key": public, "label": "laptop"}))
            .await;
        assert_error(&answer, StatusCode::FORBIDDEN, "head_of_delegation_only");
    }
    let bad =
        forum.post("/api/v1/members/BRA/keys", &tokens["bra_head"], json!({"public_key": "AAAA", "label": "x"})).await;
    assert_error(&bad, StatusCode::BAD_REQUEST, "invalid_public_key");
    let (status, reg) = forum
        .post("/api/v1/members/BRA/keys", &tokens["bra_head"], json!({"public_key": public, "label": "laptop"}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{reg}");
    let key = reg["key"].as_str().unwrap().to_owned();
    assert_error(
        &forum
            .post("/api/v1/members/BRA/keys", &tokens["bra_head"], json!({"public_key": public, "label": "again"}))
            .await,
        StatusCode::CONFLICT,
        "key_exists",
    );
    let (_, keys) = forum.get("/api/v1/members/BRA/keys").await;
    assert_eq!(keys[0]["key"], key.as_str());

    // The head signs the withdrawal of BRA's adviser (D5) and submits it.
    let payload = json!({"delegate": "D5", "reason": "returned to capital"});
    let signed = accord_client::sign::sign_action(
        &secret,
        "accord.test/forum",
        &bra_head(),
        "accreditation.withdrawn",
        payload.clone(),
    )
    .unwrap();
    let before = forum.record_len();
    let (status, answer) = forum.post("/api/v1/actions", &tokens["bra_head"], signed.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    let index = answer["entry"]["index"].as_u64().unwrap();
    assert_eq!(index, before);
    let (_, entry) = forum.get(&format!("/api/v1/record/{index}")).await;
    assert!(entry["canonical"].as_str().unwrap().contains("\"signature\":{\"key\":"), "the record keeps the signature");

    // Replayed: refused.
    let after = forum.record_len();
    assert_error(
        &forum.post("/api/v1/actions", &tokens["bra_head"], signed.clone()).await,
        StatusCode::CONFLICT,
        "replayed_action",
    );
    // Altered: refused.
    let mut altered = signed.clone();
    altered["payload"]["reason"] = json!("something else");
    altered["signature"]["nonce"] = json!("a-fresh-nonce-0123456789");
    assert_error(
        &forum.post("/api/v1/actions", &tokens["bra_head"], altered).await,
        StatusCode::FORBIDDEN,
        "bad_signature",
    );
    // Submitted by another delegate than the one who signed: refused.
    let other = accord_client::sign::sign_action(
        &secret,
        "accord.test/forum",
        &bra_head(),
        "accreditation.withdrawn",
        json!({"delegate": "D4", "reason": ""}),
    )
    .unwrap();
    assert_error(
        &forum.post("/api/v1/actions", &tokens["bra_del"], other.clone()).await,
        StatusCode::FORBIDDEN,
        "bad_signature",
    );
    // Signed for another forum's log: refused.
    let elsewhere = accord_client::sign::sign_action(
        &secret,
        "another.forum/log",
        &bra_head(),
        "accreditation.withdrawn",
        json!({"delegate": "D4", "reason": ""}),
    )
    .unwrap();
    assert_error(
        &forum.post("/api/v1/actions", &tokens["bra_head"], elsewhere).await,
        StatusCode::FORBIDDEN,
        "bad_signature",
    );
    // A key of another member: refused.
    let answer = forum.post("/api/v1/actions", &tokens["ken_head"], other.clone()).await;
    assert_error(&answer, StatusCode::FORBIDDEN, "unknown_key");
    // Malformed actions: refused.
    let malformed = json!({"kind": "member.elected", "payload": {}, "signature": {"key": key, "nonce": "0123456789abcdef", "sig": "AA=="}});
    assert_error(
        &forum.post("/api/v1/actions", &tokens["bra_head"], malformed).await,
        StatusCode::BAD_REQUEST,
        "malformed_action",
    );
    assert_eq!(forum.record_len(), after, "refusals changed nothing");

    // Revoked: its signatures are refused from then on.
    let (status, _) =
        forum.call(Method::DELETE, &format!("/api/v1/members/BRA/keys/{key}"), Some(&tokens["bra_head"]), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_error(
        &forum.post("/api/v1/actions", &tokens["bra_head"], other).await,
        StatusCode::FORBIDDEN,
        "unknown_key",
    );

    // Replay checks every signature again; a forged one stops it.
    let entries: Vec<Entry> = forum.store.entries(None, 10_000).unwrap();
    let mut replayed = State::new();
    for e in &entries {
        if e.index == index {
            let mut forged = e.clone();
            // Flip one bit of the signature itself, whatever its letters.
            let sig = signed["signature"]["sig"].as_str().unwrap();
            let mut bytes = base64::engine::general_purpose::STANDARD.decode(sig).unwrap();
            bytes[7] ^= 0x01;
            forged.signature.as_mut().unwrap().sig = base64::engine::general_purpose::STANDARD.encode(bytes);
            assert_ne!(forged, *e);
            let mut probe = replayed.clone();
            assert!(probe.apply(&forged).is_err(), "a forged signature replays");
        }
        replayed.apply(e).unwrap();
    }
    assert_eq!(&replayed, &*forum.store.state());
}

#[test]
fn accord_submit_signs_on_the_delegations_machine() {
    let dir = tempfile::tempdir().unwrap();
    init_forum_cli(dir.path());
    let server = Server::start(dir.path());
    let agent = agent();
    let call = |method: &str, path: &str, token: &str, body: Value| -> (u16, Value) {
        let req = match method {
            "POST" => agent
                .post(format!("{}{path}", server.base))
                .header("Authorization", format!("Bearer {token}"))
                .send_json(body),
            _ => unreachable!(),
        };
        let mut res = req.unwrap();
        (res.status().as_u16(), res.body_mut().read_json().unwrap_or(Value::Null))
    };
    let (_, login) = call("POST", "/api/v1/auth/token", "", json!({"email": email("sec"), "password": PASSWORD}));
    let sec = login["token"].as_str().unwrap().to_owned();
    call("POST", "/api/v1/members", &sec, json!({"code": "KEN", "kind": "state"}));
    let (status, head) = call(
        "POST",
        "/api/v1/members/KEN/delegates",
        &sec,
        json!({"name": "Head", "email": "head@ken.test", "role": "head_of_delegation", "password": PASSWORD}),
    );
    assert_eq!(status, 201, "{head}");
    call(
        "POST",
        "/api/v1/members/KEN/delegates",
        &sec,
        json!({"name": "Adviser", "email": "adv@ken.test", "role": "adviser", "password": PASSWORD}),
    );
    let (_, login) = call("POST", "/api/v1/auth/token", "", json!({"email": "head@ken.test", "password": PASSWORD}));
    let token = login["token"].as_str().unwrap().to_owned();

    let key_file = dir.path().join("ken.key");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["keygen", "--out"])
        .arg(&key_file)
        .output()
        .unwrap();
    assert!(out.status.success());
    let public = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let (status, reg) =
        call("POST", "/api/v1/members/KEN/keys", &token, json!({"public_key": public, "label": "mission laptop"}));
    assert_eq!(status, 201, "{reg}");

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["submit", "--url", &server.base, "--token", &token, "--key"])
        .arg(&key_file)
        .args(["--kind", "accreditation.withdrawn", "--payload", r#"{"delegate":"D3","reason":"end of mission"}"#])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    let answer: Value = serde_json::from_str(stdout.trim()).unwrap();
    let index = answer["entry"]["index"].as_u64().unwrap();
    let mut res = agent.get(format!("{}/api/v1/record/{index}", server.base)).call().unwrap();
    let entry: Value = res.body_mut().read_json().unwrap();
    assert_eq!(entry["kind"], "accreditation.withdrawn");
    assert!(entry["canonical"].as_str().unwrap().contains("\"signature\""));

    // The same command carries the declaration that KEN requires its signature.
    let submit = |kind: &str, payload: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_accord"))
            .args(["submit", "--url", &server.base, "--token", &token, "--key"])
            .arg(&key_file)
            .args(["--kind", kind, "--payload", payload])
            .output()
            .unwrap()
    };
    let out = submit("member.signatures_required", r#"{"member":"KEN"}"#);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (_, second) = accord_client::sign::new_key();
    let (status, refused) =
        call("POST", "/api/v1/members/KEN/keys", &token, json!({"public_key": second, "label": "spare"}));
    assert_eq!((status, refused["error"].as_str()), (403, Some("signature_required")), "{refused}");
    let payload = json!({"member": "KEN", "key": accord_domain::signature::key_id(
        &base64::engine::general_purpose::STANDARD.decode(&second).unwrap().try_into().unwrap()),
        "public_key": second, "label": "spare"});
    let out = submit("member.key_registered", &payload.to_string());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// A member that declared `member.signatures_required` gets only signed
/// actions recorded in its name: the host, which holds the delegates' API
/// tokens, can no longer act for it, and a replay of a record where it did
/// is refused.
#[tokio::test]
async fn a_member_that_requires_its_signature_gets_only_signed_actions() {
    let forum = TestForum::new();
    let tokens = forum.tokens().await;
    let (secret, public) = accord_client::sign::new_key();
    let (status, reg) = forum
        .post("/api/v1/members/BRA/keys", &tokens["bra_head"], json!({"public_key": public, "label": "laptop"}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{reg}");
    let sign = |actor: &Actor, kind: &str, payload: Value| {
        accord_client::sign::sign_action(&secret, "accord.test/forum", actor, kind, payload).unwrap()
    };
    let before = forum.record_len();

    // The declaration itself must be signed: unsigned, the host could make it.
    let unsigned = forum.post("/api/v1/members/BRA/signatures-required", &tokens["bra_head"], json!({})).await;
    assert_error(&unsigned, StatusCode::FORBIDDEN, "signature_required");
    assert!(unsigned.1["message"].as_str().unwrap().contains("must itself be signed"), "{}", unsigned.1);
    // Signed with BRA's key but sent by BRA's delegate, not its head: refused.
    let bra_del = Actor::Delegate { delegate: DelegateId(4), member: MemberCode::parse("BRA").unwrap() };
    let by_delegate = sign(&bra_del, "member.signatures_required", json!({"member": "BRA"}));
    assert_error(
        &forum.post("/api/v1/actions", &tokens["bra_del"], by_delegate).await,
        StatusCode::FORBIDDEN,
        "head_of_delegation_only",
    );
    assert_eq!(forum.record_len(), before, "refusals changed nothing");
    let (_, member) = forum.get("/api/v1/members/BRA").await;
    assert!(member.get("signatures_required_since").is_none(), "{member}");

    // Signed by the head: recorded.
    let declaration = sign(&bra_head(), "member.signatures_required", json!({"member": "BRA"}));
    let (status, answer) = forum
        .post(
            "/api/v1/members/BRA/signatures-required",
            &tokens["bra_head"],
            json!({"signature": declaration["signature"]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    let declared = answer["entry"]["index"].as_u64().unwrap();
    let (_, member) = forum.get("/api/v1/members/BRA").await;
    assert_eq!(member["signatures_required_since"], declared, "{member}");
    let (_, page) = forum.get_html("/members/BRA").await;
    assert!(page.contains("<strong>required</strong> on every action in its name"), "{page}");
    assert!(page.contains(&format!("href=\"/record/{declared}\"")), "the page links the declaration");
    assert_error(
        &forum
            .post(
                "/api/v1/actions",
                &tokens["bra_head"],
                sign(&bra_head(), "member.signatures_required", json!({"member": "BRA"})),
            )
            .await,
        StatusCode::CONFLICT,
        "signatures_already_required",
    );

    // From now on, an unsigned action in BRA's name is refused, whoever sends it.
    let after = forum.record_len();
    let withdraw = forum
        .post("/api/v1/delegates/D5/withdraw", &tokens["bra_head"], json!({"reason": "returned to capital"}))
        .await;
    assert_error(&withdraw, StatusCode::FORBIDDEN, "signature_required");
    let message = withdraw.1["message"].as_str().unwrap();
    assert!(message.contains("BRA requires its signature") && message.contains("accord submit"), "{message}");
    let (other, other_public) = accord_client::sign::new_key();
    drop(other);
    assert_error(
        &forum
            .post("/api/v1/members/BRA/keys", &tokens["bra_del"], json!({"public_key": other_public, "label": "x"}))
            .await,
        StatusCode::FORBIDDEN,
        "signature_required",
    );
    assert_eq!(forum.record_len(), after, "refusals changed nothing");
    // Other members are not concerned.
    let (status, answer) = forum
        .post("/api/v1/members/KEN/keys", &tokens["ken_head"], json!({"public_key": other_public, "label": "x"}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");

    // A signed action in BRA's name is recorded.
    let signed = sign(&bra_head(), "accreditation.withdrawn", json!({"delegate": "D5", "reason": "returned"}));
    let (status, answer) = forum.post("/api/v1/actions", &tokens["bra_head"], signed).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    // BRA cannot revoke its last key: it could no longer act at all.
    let key = reg["key"].as_str().unwrap();
    let revoke = sign(&bra_head(), "member.key_revoked", json!({"member": "BRA", "key": key}));
    assert_error(
        &forum.post("/api/v1/actions", &tokens["bra_head"], revoke).await,
        StatusCode::CONFLICT,
        "last_signing_key",
    );

    // The host forges an unsigned entry in BRA's name into its record: replay refuses it.
    let entries: Vec<Entry> = forum.store.entries(None, 10_000).unwrap();
    let last = entries.last().unwrap();
    let forged = Entry {
        index: last.index + 1,
        time: last.time + 1,
        actor: bra_head(),
        body: serde_json::from_value(
            json!({"kind": "accreditation.withdrawn", "payload": {"delegate": "D4", "reason": "forged"}}),
        )
        .unwrap(),
        signature: None,
    };
    let mut replayed = State::new();
    for e in &entries {
        replayed.apply(e).unwrap();
    }
    let refusal = replayed.clone().apply(&forged).unwrap_err();
    assert_eq!(refusal.code, "signature_required");
    // So does an unsigned declaration, in any record.
    let mut early = State::new();
    for e in entries.iter().take_while(|e| e.index < declared) {
        early.apply(e).unwrap();
    }
    let mut unsigned_declaration = entries[declared as usize].clone();
    unsigned_declaration.signature = None;
    assert_eq!(early.apply(&unsigned_declaration).unwrap_err().code, "signature_required");

    // And `accord verify` of a log the host signed with the forged entry in it.
    let mut bytes: Vec<Vec<u8>> = entries.iter().map(|e| e.encode().unwrap()).collect();
    bytes.push(forged.encode().unwrap());
    let mirror = forum.dir.path().join("mirror");
    let key = write_mirror(&mirror, "accord.test/forum", &bytes);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["verify", "--dir", mirror.to_str().unwrap(), "--key", &key, "--state"])
        .arg(forum.dir.path().join("verify.json"))
        .output()
        .unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(!out.status.success(), "{text}");
    assert!(
        text.contains(&format!("entry {}: the rules refuse it on replay: BRA requires its signature", forged.index)),
        "{text}"
    );
}
