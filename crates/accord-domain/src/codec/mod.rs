//! The canonical byte encoding of an entry, `accord-entry/v1`: the
//! encoder, the general decoder and the fast decoder.
//!
//! # Encoding `accord-entry/v1`
//! An entry is a JSON object (RFC 8259) written in one canonical form, so
//! that every entry has exactly one byte representation and any JSON parser
//! can decode it:
//! - UTF-8, no whitespace outside strings, object keys sorted by their bytes
//!   (all keys are ASCII), no duplicate keys;
//! - strings escaped as `serde_json` and RFC 8785 do: `\"`, `\\`, `\b`, `\f`,
//!   `\n`, `\r`, `\t`, other control characters as `\u00xx` (lower-case hex),
//!   everything else (including `/` and non-ASCII) as is;
//! - numbers are non-negative integers below 2^53, written in decimal without
//!   sign, fraction or exponent; there are no floats;
//! - an absent optional field is left out, never written as `null`.
//!
//! For the ASCII keys and integers Accord uses, this is the JSON
//! Canonicalization Scheme (RFC 8785). The top-level fields are:
//!
//! | field | meaning |
//! |---|---|
//! | `v` | format version, `1` |
//! | `index` | position in the record, from 0, without gaps |
//! | `time` | when the entry was sequenced, Unix time in milliseconds (never decreases) |
//! | `actor` | who acted: `{"type":"system"}`, `{"type":"delegate","delegate":"D7","member":"BRA"}` or `{"type":"officer","delegate":"D1","role":"secretariat"}` |
//! | `kind` | what happened, e.g. `member.admitted` |
//! | `payload` | the details, an object whose fields depend on `kind` |
//!
//! An encoded entry is at most [`ENTRY_MAX_BYTES`] (65,535) bytes, so that
//! it fits the 16-bit length prefix of C2SP tlog-tiles entry bundles; larger
//! content is stored as a blob and named by its SHA-256.
//!
//! [`Entry::decode`] accepts only canonical bytes: it re-encodes what it
//! parsed and refuses the input if the bytes differ.
//!
//! A signed action's entry also carries `signature: {key, nonce, sig}`
//! (see [`crate::signature`]), so the top-level keys always come in the
//! order `actor`, `index`, `kind`, `payload`, `signature`, `time`, `v`.
//!
//! # Decoding and encoding
//! [`Entry::decode`] has a fast path (`fast`): the envelope is matched
//! literally in that fixed order, the three actor forms and the integers are
//! read in canonical form only, the payload goes straight into its type with
//! serde_json, and only the body and the signature are re-encoded and
//! compared with the text they came from. Anything the fast path does not
//! take goes to the general decoder (`general`: serde_json over the whole object, then
//! a full re-encoding), which decides and says why. Tests hold the fast path
//! to the general one: every valid entry of every kind takes it, and
//! near-canonical envelopes are decided alike. [`Entry::encode`] writes the
//! envelope by hand around the body written by [`canonical`], the
//! canonical JSON writer, generic over `Serialize` types. The reference
//! encoder over `serde_json::Value` that the tests hold both to is
//! `reference`, built for tests only.

pub mod canonical;
mod fast;
mod general;
#[cfg(test)]
pub(crate) mod reference;
#[cfg(test)]
mod tests;

use serde::Deserialize;

use crate::entry::{Entry, ENTRY_FORMAT_VERSION, ENTRY_MAX_BYTES};
use crate::error::Refusal;

impl Entry {
    /// Encodes the entry in canonical form. Refuses an entry whose encoding
    /// exceeds [`ENTRY_MAX_BYTES`].
    pub fn encode(&self) -> Result<Vec<u8>, Refusal> {
        let mut out = Vec::with_capacity(256);
        self.encode_into(&mut out)?;
        Ok(out)
    }

    /// [`Entry::encode`], appending to `out` (which it clears first).
    pub fn encode_into(&self, out: &mut Vec<u8>) -> Result<(), Refusal> {
        out.clear();
        self.write_wire(out).map_err(|e| Refusal::invalid("invalid_entry", e.0))?;
        if out.len() > ENTRY_MAX_BYTES {
            return Err(Refusal::unprocessable(
                "entry_too_large",
                format!(
                    "the entry would take {} bytes, more than the record's limit of {ENTRY_MAX_BYTES}: \
                     store large content as a blob",
                    out.len()
                ),
            ));
        }
        Ok(())
    }

    /// Appends the canonical bytes. The top-level object's keys are always
    /// these, in this (sorted) order: `actor`, `index`, `kind`, `payload`,
    /// `signature` (when signed), `time`, `v`; so the envelope is written
    /// here directly, and only the actor, the body and the signature go
    /// through the canonical serializer. The body writes itself as
    /// `{"kind":…,"payload":…}`: its braces are dropped and its members
    /// spliced in between `index` and `signature`. A property test compares
    /// the result with the `serde_json::Value` path.
    fn write_wire(&self, out: &mut Vec<u8>) -> Result<(), crate::canonical::CanonicalError> {
        use crate::canonical::{to_canonical, write_i64, write_u64};
        out.extend_from_slice(br#"{"actor":"#);
        to_canonical(&self.actor, out)?;
        out.extend_from_slice(br#","index":"#);
        write_u64(out, self.index)?;
        let body = out.len();
        to_canonical(&self.body, out)?;
        if out.get(body) != Some(&b'{') || out.last() != Some(&b'}') {
            return Err(crate::canonical::CanonicalError("an entry's body is an object".into()));
        }
        // `{"kind":…}` becomes `,"kind":…`.
        out[body] = b',';
        out.pop();
        if let Some(signature) = &self.signature {
            out.extend_from_slice(br#","signature":"#);
            to_canonical(signature, out)?;
        }
        out.extend_from_slice(br#","time":"#);
        write_i64(out, self.time)?;
        out.extend_from_slice(br#","v":"#);
        write_u64(out, ENTRY_FORMAT_VERSION)?;
        out.push(b'}');
        Ok(())
    }

    /// Decodes canonical bytes. Anything else (malformed JSON, unknown
    /// fields or kinds, a version other than 1, a non-canonical form, more
    /// than 65,535 bytes) is refused with a message that says what is wrong.
    ///
    /// The bytes are parsed straight into the typed entry (no
    /// `serde_json::Value`), then encoded again: only bytes that are exactly
    /// the encoding of what they say are accepted.
    pub fn decode(bytes: &[u8]) -> Result<Entry, Refusal> {
        let bad = |m: String| Refusal::invalid("invalid_entry", m);
        if bytes.len() > ENTRY_MAX_BYTES {
            return Err(bad(format!("the entry has {} bytes, more than {ENTRY_MAX_BYTES}", bytes.len())));
        }
        // Checked as UTF-8 once, so that the parser takes its strings as
        // they are instead of checking each one.
        let text =
            std::str::from_utf8(bytes).map_err(|e| bad(format!("the entry is malformed: it is not UTF-8 ({e})")))?;
        // The fast path reads the envelope by its fixed layout and accepts
        // only what encodes back to exactly these bytes; anything it does
        // not take (malformed, non-canonical or merely unusual) goes to the
        // general path, which decides and says why.
        let mut again = Vec::with_capacity(bytes.len());
        if let Some(read) = fast::parse(text) {
            if read.is_canonical(text, &mut again) {
                return Ok(read.entry);
            }
        }
        Self::decode_general(text, &mut again)
    }

    /// The general decoder: serde_json reads the top-level object in any
    /// order (so that errors name what is wrong), then the entry is encoded
    /// again and compared.
    fn decode_general(text: &str, again: &mut Vec<u8>) -> Result<Entry, Refusal> {
        let bad = |m: String| Refusal::invalid("invalid_entry", m);
        let mut de = serde_json::Deserializer::from_str(text);
        let wire = general::WireIn::deserialize(&mut de)
            .and_then(|w| de.end().map(|()| w))
            .map_err(|e| bad(format!("the entry is malformed: {e}")))?;
        if wire.v != ENTRY_FORMAT_VERSION {
            return Err(bad(format!("the entry has format version {}, this Accord reads version 1", wire.v)));
        }
        if wire.time < 0 {
            return Err(bad("the entry's time is negative".into()));
        }
        let entry =
            Entry { index: wire.index, time: wire.time, actor: wire.actor, body: wire.body, signature: wire.signature };
        again.clear();
        entry.write_wire(again).map_err(|e| bad(e.0))?;
        if again != text.as_bytes() {
            return Err(bad("the entry is not in canonical form (accord-entry/v1)".into()));
        }
        Ok(entry)
    }
}
