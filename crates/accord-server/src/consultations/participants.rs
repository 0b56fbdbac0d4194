//! Who a participant is: a secret key, from which each consultation's
//! pseudonym is derived, so that the record links no participant to a
//! person, nor one consultation's participant to another's.
//!
//! - A person without an account gets a random key when joining, kept by
//!   their browser in the `accord_participant` cookie (HttpOnly,
//!   SameSite=Lax) and shown to them once, to bring to another device; over
//!   the API it is returned once and sent back as `X-Accord-Participant`.
//! - A delegate's key is derived from the server's participant secret
//!   (a private table) and their delegate id, so that a delegate is one
//!   participant from any device; the record still shows only the
//!   pseudonym and the category `delegation`.
//! - The pseudonym of key `K` in consultation `c` is the first 16 bytes of
//!   SHA-256(`accord-participant/v1`, newline, `c`, newline, `K`), in hex.

use accord_domain::ids::ParticipantId;
use accord_domain::DelegateId;
use axum::http::HeaderMap;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::http::error::ApiError;
use crate::AppState;

/// The cookie a browser keeps its participant key in.
pub const COOKIE: &str = "accord_participant";
/// The header an API client sends its participant key in.
pub const HEADER: &str = "x-accord-participant";
/// How long the cookie lasts: a year.
const COOKIE_SECONDS: u64 = 365 * 24 * 3600;

/// A participant's secret key: 32 bytes, written as 64 lowercase hex digits.
#[derive(Clone, PartialEq, Eq)]
pub struct ParticipantKey([u8; 32]);

impl std::fmt::Debug for ParticipantKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ParticipantKey(…)")
    }
}

impl ParticipantKey {
    pub fn generate() -> Self {
        let mut k = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut k);
        Self(k)
    }

    pub fn parse(raw: &str) -> Result<Self, ApiError> {
        let raw = raw.trim();
        let bad = || {
            ApiError::bad_request(
                "invalid_participant_key",
                "the participant key is not 64 lowercase hexadecimal digits (the key Accord gave when you joined)",
            )
        };
        if raw.len() != 64 || !raw.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return Err(bad());
        }
        let mut k = [0u8; 32];
        hex::decode_to_slice(raw, &mut k).map_err(|_| bad())?;
        Ok(Self(k))
    }

    pub fn hex(&self) -> String {
        hex::encode(self.0)
    }

    /// The delegate's key: derived from the server's secret.
    pub fn of_delegate(app: &AppState, delegate: DelegateId) -> Self {
        let mut h = Sha256::new();
        h.update(b"accord-delegate-participant/v1\n");
        h.update(app.participant_secret);
        h.update(delegate.0.to_be_bytes());
        Self(h.finalize().into())
    }

    /// The pseudonym in consultation `consultation`.
    pub fn participant(&self, consultation: u64) -> ParticipantId {
        let mut h = Sha256::new();
        h.update(format!("accord-participant/v1\n{consultation}\n").as_bytes());
        h.update(self.0);
        let digest: [u8; 32] = h.finalize().into();
        ParticipantId::parse(&hex::encode(&digest[..16])).expect("32 lowercase hex digits")
    }

    /// The token a page's participant forms carry (the second defence
    /// against forged forms, after the cookie's SameSite and the origin
    /// check).
    pub fn form_token(&self) -> String {
        let mut h = Sha256::new();
        h.update(b"accord-participant-form/v1\n");
        h.update(self.0);
        let digest: [u8; 32] = h.finalize().into();
        hex::encode(&digest[..16])
    }

    /// The `Set-Cookie` value keeping this key in the browser.
    pub fn cookie(&self, app: &AppState) -> String {
        let secure = if app.config.secure_cookies { "; Secure" } else { "" };
        format!("{COOKIE}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={COOKIE_SECONDS}{secure}", self.hex())
    }
}

/// The statements left to a participant in the order they are shown: an
/// order of their own (by a hash of their pseudonym and the statement), so
/// that later statements are not always seen last, as Polis shuffles them;
/// the same order on every visit.
pub fn in_their_order<'a>(
    participant: &ParticipantId,
    mut left: Vec<&'a accord_domain::consultation::Statement>,
) -> Vec<&'a accord_domain::consultation::Statement> {
    left.sort_by_cached_key(|s| {
        let mut h = Sha256::new();
        h.update(participant.as_str().as_bytes());
        h.update(s.id.to_be_bytes());
        <[u8; 32]>::from(h.finalize())
    });
    left
}

/// The key a browser holds in its cookie, if it holds a well-formed one.
pub fn from_cookie(headers: &HeaderMap) -> Option<ParticipantKey> {
    crate::http::auth::cookie_in(headers, COOKIE).and_then(|v| ParticipantKey::parse(&v).ok())
}

/// The key an API client sends, if any (a malformed one is an error).
pub fn from_header(headers: &HeaderMap) -> Result<Option<ParticipantKey>, ApiError> {
    match headers.get(HEADER) {
        None => Ok(None),
        Some(v) => {
            let raw = v.to_str().map_err(|_| {
                ApiError::bad_request("invalid_participant_key", "the X-Accord-Participant header is not text")
            })?;
            ParticipantKey::parse(raw).map(Some)
        }
    }
}
