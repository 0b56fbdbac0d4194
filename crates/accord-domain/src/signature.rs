//! Members' own signatures on their actions.
//!
//! A member registers Ed25519 public keys (`member.key_registered`). A
//! delegation may then sign an action with one of them before sending it:
//! the signature covers [`signed_message`] — the log's origin, the actor,
//! the kind, the payload and a nonce — so the host cannot forge an action
//! in the member's name, alter it, or replay it (a nonce is accepted once
//! per key), and the entry keeps the signature so that anyone replaying the
//! record checks it again.
//!
//! The signed message is the line `accord-signed-action/v1`, a newline, and
//! the canonical JSON (the encoding of entries) of
//! `{"actor", "kind", "log", "nonce", "payload"}`.

use base64::prelude::{Engine, BASE64_STANDARD};
use ed25519_dalek::{Signature, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::entry::{Actor, EntryBody};
use crate::error::Refusal;

/// The first line of every signed message.
pub const SIGNED_ACTION_V1: &str = "accord-signed-action/v1";

/// A key's id: the first 8 bytes of SHA-256(public key), in hex.
pub fn key_id(public_key: &[u8; 32]) -> String {
    hex::encode(&Sha256::digest(public_key)[..8])
}

/// Parses a base64 Ed25519 public key.
pub fn parse_public_key(b64: &str) -> Result<VerifyingKey, Refusal> {
    let bad = || Refusal::invalid("invalid_public_key", "the public key must be 32 bytes of Ed25519 key, in base64");
    let raw = BASE64_STANDARD.decode(b64.trim()).map_err(|_| bad())?;
    let bytes: [u8; 32] = raw.as_slice().try_into().map_err(|_| bad())?;
    VerifyingKey::from_bytes(&bytes).map_err(|_| bad())
}

/// Checks a nonce's form: 16 to 128 characters from `A-Z a-z 0-9 - _`.
pub fn check_nonce(nonce: &str) -> Result<(), Refusal> {
    let ok =
        (16..=128).contains(&nonce.len()) && nonce.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(Refusal::invalid(
            "invalid_nonce",
            "the nonce must be 16 to 128 letters, digits, '-' or '_', chosen at random for each action",
        ))
    }
}

/// The bytes a member signs for an action.
pub fn signed_message(log: &str, actor: &Actor, body: &EntryBody, nonce: &str) -> Vec<u8> {
    /// The signed object; the body is flattened in as `kind` and `payload`.
    #[derive(serde::Serialize)]
    struct Signed<'a> {
        actor: &'a Actor,
        log: &'a str,
        nonce: &'a str,
        #[serde(flatten)]
        body: &'a EntryBody,
    }
    let mut out = format!("{SIGNED_ACTION_V1}\n").into_bytes();
    crate::canonical::to_canonical(&Signed { actor, log, nonce, body }, &mut out).expect("payloads hold no floats");
    out
}

/// Verifies a base64 signature over `message` with `public_key` (base64).
pub fn verify(public_key: &str, message: &[u8], sig_b64: &str) -> Result<(), Refusal> {
    let key = parse_public_key(public_key)?;
    let bad = || Refusal::forbidden("bad_signature", "the member's signature does not verify on this action");
    let raw = BASE64_STANDARD.decode(sig_b64).map_err(|_| bad())?;
    let sig = Signature::from_slice(&raw).map_err(|_| bad())?;
    key.verify(message, &sig).map_err(|_| bad())
}
