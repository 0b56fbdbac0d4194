//! A delegation signs its member's actions on its own machine, so that the
//! host cannot forge, alter or replay them (see `accord_domain::signature`).

use accord_domain::signature::{key_id, signed_message};
use accord_domain::{Actor, EntryBody};
use base64::prelude::{Engine, BASE64_STANDARD};
use ed25519_dalek::{Signer, SigningKey};
use rand_core::RngCore;
use serde_json::{json, Value};

/// A new key: answers (secret key file text, public key in base64).
pub fn new_key() -> (String, String) {
    let key = SigningKey::generate(&mut rand_core::OsRng);
    (BASE64_STANDARD.encode(key.to_bytes()), BASE64_STANDARD.encode(key.verifying_key().to_bytes()))
}

fn read_key(secret: &str) -> Result<SigningKey, String> {
    let raw = BASE64_STANDARD.decode(secret.trim()).map_err(|_| "the key file is not base64".to_owned())?;
    let seed: [u8; 32] =
        raw.as_slice().try_into().map_err(|_| "the key file does not hold a 32-byte key".to_owned())?;
    Ok(SigningKey::from_bytes(&seed))
}

/// The public key (base64) of a secret key file's text.
pub fn public_key(secret: &str) -> Result<String, String> {
    Ok(BASE64_STANDARD.encode(read_key(secret)?.verifying_key().to_bytes()))
}

/// Signs an action: answers the body to `POST /api/v1/actions`.
///
/// The payload's text is put in Unicode NFC first: the forum records text in
/// NFC and checks a signed payload as it was signed, so a payload signed in
/// another form would be refused.
pub fn sign_action(secret: &str, log: &str, actor: &Actor, kind: &str, mut payload: Value) -> Result<Value, String> {
    let key = read_key(secret)?;
    accord_domain::unicode::normalise_json(&mut payload);
    let body: EntryBody = serde_json::from_value(json!({"kind": kind, "payload": payload.clone()}))
        .map_err(|e| format!("the action is malformed: {e}"))?;
    let mut bytes = [0u8; 18];
    rand_core::OsRng.fill_bytes(&mut bytes);
    let nonce = base64::prelude::BASE64_URL_SAFE_NO_PAD.encode(bytes);
    let message = signed_message(log, actor, &body, &nonce);
    let sig = key.sign(&message);
    Ok(json!({
        "kind": kind,
        "payload": payload,
        "signature": {
            "key": key_id(&key.verifying_key().to_bytes()),
            "nonce": nonce,
            "sig": BASE64_STANDARD.encode(sig.to_bytes()),
        }
    }))
}

/// Signs an action as the token's delegate and submits it to the forum at
/// `base`: answers the server's JSON answer, or its error.
pub fn submit(base: &str, token: &str, secret: &str, kind: &str, payload: Value) -> Result<Value, String> {
    let base = base.trim_end_matches('/');
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let get = |path: &str| -> Result<Value, String> {
        let mut res = agent
            .get(format!("{base}{path}"))
            .header("Authorization", format!("Bearer {token}"))
            .call()
            .map_err(|e| format!("{path}: {e}"))?;
        let status = res.status();
        let body: Value = res.body_mut().read_json().map_err(|e| format!("{path}: {e}"))?;
        if status != 200 {
            return Err(format!("{path}: {status} {body}"));
        }
        Ok(body)
    };
    let me = get("/api/v1/me")?;
    let log = get("/api/v1/log")?;
    let (Some(delegate), Some(member)) = (me["id"].as_str(), me["member"].as_str()) else {
        return Err("this token's account is not a delegate of a member: only delegations sign actions".into());
    };
    let actor = Actor::Delegate {
        delegate: accord_domain::DelegateId::parse(delegate).map_err(|r| r.message)?,
        member: accord_domain::MemberCode::parse(member).map_err(|r| r.message)?,
    };
    let origin = log["origin"].as_str().ok_or("the forum publishes no log origin")?;
    let body = sign_action(secret, origin, &actor, kind, payload)?;
    let mut res = agent
        .post(format!("{base}/api/v1/actions"))
        .header("Authorization", format!("Bearer {token}"))
        .send_json(&body)
        .map_err(|e| format!("/api/v1/actions: {e}"))?;
    let status = res.status();
    let answer: Value = res.body_mut().read_json().map_err(|e| format!("/api/v1/actions: {e}"))?;
    if status != 201 {
        return Err(format!("the forum refused the signed action ({status}): {answer}"));
    }
    Ok(answer)
}
