//! The decoder's fast path: the top-level object read by its fixed layout
//! (`{"actor":…,"index":…,"kind":…[,"payload":…][,"signature":…],"time":…,"v":1}`),
//! the usual actors by their fixed forms, and the payload by serde_json
//! straight into its type. It gives up (`None`) at anything else; what it
//! returns is accepted only if it encodes to the very bytes it was read
//! from, so it can be lenient without letting anything through.

use serde::de::value::{BorrowedStrDeserializer, MapAccessDeserializer};
use serde::de::{self, DeserializeSeed, MapAccess};
use serde::Deserialize;

use crate::entry::{Actor, Entry, EntryBody, MemberSignature};
use crate::ids::{DelegateId, MemberCode};
use crate::state::OfficerRole;

struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn eat(&mut self, literal: &str) -> Option<()> {
        self.text[self.pos..].starts_with(literal).then(|| self.pos += literal.len())
    }

    /// A string without escapes, up to its closing quote (consumed).
    fn plain_str(&mut self) -> Option<&'a str> {
        let rest = &self.text[self.pos..];
        let end = rest.find(['"', '\\'])?;
        if rest.as_bytes()[end] != b'"' {
            return None;
        }
        self.pos += end + 1;
        Some(&rest[..end])
    }

    /// A non-negative integer in canonical form: no sign, no leading
    /// zero, at most 2^53 - 1.
    fn integer(&mut self) -> Option<u64> {
        let bytes = &self.text.as_bytes()[self.pos..];
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || digits > 16 || (digits > 1 && bytes[0] == b'0') {
            return None;
        }
        let n = bytes[..digits].iter().fold(0u64, |n, d| n * 10 + u64::from(d - b'0'));
        if n > crate::canonical::MAX_SAFE_INTEGER {
            return None;
        }
        self.pos += digits;
        Some(n)
    }
}

/// An entry as the fast path read it, with where its body (from `"kind"`
/// to the end of the payload) and its signature are in the text.
pub(crate) struct Read {
    pub entry: Entry,
    body: std::ops::Range<usize>,
    signature: Option<std::ops::Range<usize>>,
}

impl Read {
    /// Whether the text is the entry's canonical encoding. Everything
    /// outside the body and the signature was matched literally or read
    /// in canonical form only (the keys, their order, the actor, the
    /// integers), so only those two are encoded again and compared with
    /// the text they were read from.
    pub fn is_canonical(&self, text: &str, again: &mut Vec<u8>) -> bool {
        again.clear();
        if crate::canonical::to_canonical(&self.entry.body, again).is_err()
            || again.len() < 2
            || again[0] != b'{'
            || again[again.len() - 1] != b'}'
            || again[1..again.len() - 1] != text.as_bytes()[self.body.clone()]
        {
            return false;
        }
        match (&self.entry.signature, &self.signature) {
            (Some(signature), Some(at)) => {
                again.clear();
                crate::canonical::to_canonical(signature, again).is_ok() && again[..] == text.as_bytes()[at.clone()]
            }
            (None, None) => true,
            _ => false,
        }
    }
}

pub(crate) fn parse(text: &str) -> Option<Read> {
    // The end first: `,"time":N,"v":1}`. What lies between the kind and
    // the time is the payload and the signature, so neither has to be
    // scanned for its end.
    let rest = text.strip_suffix(r#","v":1}"#)?;
    let digits = rest.bytes().rev().take_while(u8::is_ascii_digit).count();
    let time = Cursor { text: rest, pos: rest.len() - digits }.integer()?;
    let time = i64::try_from(time).ok()?;
    let end = rest[..rest.len() - digits].strip_suffix(r#","time":"#)?.len();

    let mut at = Cursor { text, pos: 0 };
    at.eat(r#"{"actor":"#)?;
    let actor = actor(&mut at)?;
    at.eat(r#","index":"#)?;
    let index = at.integer()?;
    at.eat(",")?;
    let body_start = at.pos;
    at.eat(r#""kind":""#)?;
    let kind = at.plain_str()?;
    let (body, body_end) = if at.eat(r#","payload":"#).is_some() {
        let start = at.pos;
        let payload = |end: usize| -> Option<EntryBody> {
            let mut de = serde_json::Deserializer::from_str(text.get(start..end)?);
            let body = Body { kind, payload: Some(&mut de), step: 0 };
            let body = EntryBody::deserialize(MapAccessDeserializer::new(body)).ok()?;
            de.end().ok()?;
            Some(body)
        };
        // Unsigned (most entries), or else signed: the signature is the
        // last `,"signature":{"key":` before the time.
        match payload(end) {
            Some(body) => (body, end),
            None => {
                let signed = text.get(start..end)?.rfind(r#","signature":{"key":"#)? + start;
                (payload(signed)?, signed)
            }
        }
    } else {
        let body = Body::<serde_json::de::StrRead<'_>> { kind, payload: None, step: 0 };
        (EntryBody::deserialize(MapAccessDeserializer::new(body)).ok()?, at.pos)
    };
    let (signature, signature_at) = if body_end == end {
        (None, None)
    } else {
        let from = text.get(body_end..end)?.strip_prefix(r#","signature":"#)?;
        let start = end - from.len();
        (Some(serde_json::from_str::<MemberSignature>(from).ok()?), Some(start..end))
    };
    Some(Read {
        entry: Entry { index, time, actor, body, signature },
        body: body_start..body_end,
        signature: signature_at,
    })
}

/// `{"type":"system"}`, `{"delegate":"D7","member":"BRA","type":"delegate"}`
/// or `{"delegate":"D1","role":"secretariat","type":"officer"}`.
fn actor(at: &mut Cursor<'_>) -> Option<Actor> {
    if at.eat(r#"{"type":"system"}"#).is_some() {
        return Some(Actor::System);
    }
    at.eat(r#"{"delegate":""#)?;
    // Only the canonical forms: `parse` takes a delegate id only as
    // written (`D` and digits, no leading zero), and a code as it would
    // write it.
    let delegate = DelegateId::parse(at.plain_str()?).ok()?;
    if at.eat(r#","member":""#).is_some() {
        let code = at.plain_str()?;
        let member = MemberCode::parse(code).ok().filter(|m| m.as_str() == code)?;
        at.eat(r#","type":"delegate"}"#)?;
        return Some(Actor::Delegate { delegate, member });
    }
    at.eat(r#","role":""#)?;
    let role = at.plain_str()?;
    let role = OfficerRole::deserialize(BorrowedStrDeserializer::<de::value::Error>::new(role)).ok()?;
    at.eat(r#","type":"officer"}"#)?;
    Some(Actor::Officer { delegate, role })
}

/// The body as its derived deserializer reads it: a map of `kind` and,
/// when there is one, `payload`, parsed straight from the entry's text.
struct Body<'p, 'de, R> {
    kind: &'de str,
    payload: Option<&'p mut serde_json::Deserializer<R>>,
    step: u8,
}

impl<'de, R: serde_json::de::Read<'de>> MapAccess<'de> for Body<'_, 'de, R> {
    type Error = serde_json::Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, serde_json::Error> {
        let key = match (self.step, &self.payload) {
            (0, _) => "kind",
            (1, Some(_)) => "payload",
            _ => return Ok(None),
        };
        seed.deserialize(BorrowedStrDeserializer::new(key)).map(Some)
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, serde_json::Error> {
        self.step += 1;
        match (self.step, &mut self.payload) {
            (1, _) => seed.deserialize(BorrowedStrDeserializer::new(self.kind)),
            (2, Some(de)) => seed.deserialize(&mut **de),
            _ => Err(de::Error::custom("no more values")),
        }
    }
}
