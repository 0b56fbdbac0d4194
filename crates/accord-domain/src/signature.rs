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
//!
//! Keys and signatures are checked strictly ([`verify`], [`key_weakness`]):
//! a key must be the canonical encoding of a point of large order, and a
//! signature must pass ed25519-dalek's `verify_strict` (canonical `s`, an
//! `R` of large order, encoded canonically). Without that, the all-zero
//! key (a point of order 4) takes the signature `R` = identity, `s` = 0 on
//! about one message in four: anyone could act in the member's name.
//! Records of editions 1 and 2 of the rules were checked leniently
//! ([`verify_lenient`]) and replay as they were written.
//!
//! A member's head of delegation registers keys; a key's id is the first 8
//! bytes of the key's SHA-256, in hex ([`key_id`]). A signed action's entry
//! carries `signature: {key, nonce, sig}`, where the message's `log` is the
//! origin declared in `forum.established`; `State::apply` verifies it on
//! every append and every replay, and accepts a `(key, nonce)` pair once.
//!
//! The head of delegation may declare, in an entry signed with one of the
//! member's keys, that every action in the member's name must be signed
//! (`member.signatures_required`, never undone). From then on `State::apply`
//! (live and on replay) refuses an unsigned entry whose actor is a delegate
//! of that member (403 `signature_required`); an unsigned declaration is
//! refused in any record; the member's last active key cannot be revoked
//! (409 `last_signing_key`). `Member::signatures_required` is left out of
//! the v1 state digest when absent, so older records digest as before.
//!
//! Strict checks apply from edition 3; records of editions 1 and 2 verify
//! strictly first, then leniently. A weak key is refused live in every
//! edition: no key generator makes one, and its signatures can be forged.
//! Rule for later entry kinds: a member action's payload holds nothing the
//! server assigns, so that the member signs exactly what is recorded.
//! `signature/tests.rs` runs Project Wycheproof's Ed25519 vectors
//! (`tests/data/wycheproof/`, with their source and licence) and the eight
//! points of small order, as keys and as `R`.

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

/// Parses a base64 Ed25519 public key: 32 bytes that decode to a point.
/// Whether the key is strong enough to register is [`key_weakness`]'s part.
pub fn parse_public_key(b64: &str) -> Result<VerifyingKey, Refusal> {
    let bad = || Refusal::invalid("invalid_public_key", "the public key must be 32 bytes of Ed25519 key, in base64");
    let raw = BASE64_STANDARD.decode(b64.trim()).map_err(|_| bad())?;
    let bytes: [u8; 32] = raw.as_slice().try_into().map_err(|_| bad())?;
    VerifyingKey::from_bytes(&bytes).map_err(|_| bad())
}

/// Why a public key is refused although it decodes to a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyWeakness {
    /// A point of small order (one of the 8 points of order 1, 2, 4 or 8,
    /// in any encoding): signatures that verify on almost any message can
    /// be made for it without a secret key.
    SmallOrder,
    /// The y coordinate is encoded as a number of p = 2^255 - 19 or more:
    /// the key has another, canonical, encoding, so one point would have
    /// two key ids.
    NonCanonical,
}

impl KeyWeakness {
    /// What is wrong, in words.
    pub fn describe(self) -> &'static str {
        match self {
            KeyWeakness::SmallOrder => "a point of small order, for which signatures can be forged",
            KeyWeakness::NonCanonical => "a non-canonical encoding of its point",
        }
    }
}

/// Whether an Ed25519 public key is weak: a point of small order, or a
/// point encoded non-canonically. `None` for a key that decodes to a point
/// of large order, encoded canonically (what every key generator makes).
pub fn key_weakness(key: &VerifyingKey) -> Option<KeyWeakness> {
    if key.is_weak() {
        Some(KeyWeakness::SmallOrder)
    } else if !is_canonical_y(key.as_bytes()) {
        Some(KeyWeakness::NonCanonical)
    } else {
        None
    }
}

/// Whether the y coordinate of an encoded point (its low 255 bits) is
/// below p = 2^255 - 19. The top bit is x's sign; for a point of large
/// order x is not 0, so that bit is never a second encoding.
fn is_canonical_y(bytes: &[u8; 32]) -> bool {
    // y >= p only for y in 2^255 - 19 ..= 2^255 - 1: bytes ed..ff, then
    // thirty ff, then 7f (little-endian, sign bit masked).
    !(bytes[0] >= 0xed && bytes[1..31].iter().all(|b| *b == 0xff) && bytes[31] & 0x7f == 0x7f)
}

/// Parses a base64 Ed25519 public key and refuses a weak one (422
/// `weak_key`): what a key registered from edition 3 of the rules must be.
pub fn parse_strong_public_key(b64: &str) -> Result<VerifyingKey, Refusal> {
    let key = parse_public_key(b64)?;
    match key_weakness(&key) {
        None => Ok(key),
        Some(weakness) => Err(Refusal::unprocessable(
            "weak_key",
            format!(
                "the public key is {}: make a new key with `accord keygen` and register its public key",
                weakness.describe()
            ),
        )),
    }
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

fn bad_signature() -> Refusal {
    Refusal::forbidden("bad_signature", "the member's signature does not verify on this action")
}

fn parse_signature(sig_b64: &str) -> Result<Signature, Refusal> {
    let raw = BASE64_STANDARD.decode(sig_b64).map_err(|_| bad_signature())?;
    Signature::from_slice(&raw).map_err(|_| bad_signature())
}

/// Verifies a base64 signature over `message` with `public_key` (base64),
/// strictly: the key is not weak ([`key_weakness`]) and the signature
/// passes `verify_strict` (canonical `s` below the group order, `R`
/// canonical and of large order). A signature refused here answers 403
/// `bad_signature`.
pub fn verify(public_key: &str, message: &[u8], sig_b64: &str) -> Result<(), Refusal> {
    let key = parse_public_key(public_key)?;
    if key_weakness(&key).is_some() {
        return Err(bad_signature());
    }
    let sig = parse_signature(sig_b64)?;
    key.verify_strict(message, &sig).map_err(|_| bad_signature())
}

/// Verifies as records of editions 1 and 2 of the rules were verified:
/// ed25519-dalek's lenient `verify`, which takes weak keys and `R` of
/// small order. Only for replaying those records.
pub fn verify_lenient(public_key: &str, message: &[u8], sig_b64: &str) -> Result<(), Refusal> {
    let key = parse_public_key(public_key)?;
    let sig = parse_signature(sig_b64)?;
    key.verify(message, &sig).map_err(|_| bad_signature())
}

#[cfg(test)]
mod tests;
