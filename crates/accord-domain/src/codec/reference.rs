//! The reference encoder: a `serde_json::Value` written in canonical form,
//! key by key. The fast encoder ([`crate::canonical`]) and the decoders are
//! tested against it; nothing outside tests uses it.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::canonical::MAX_SAFE_INTEGER;
use crate::error::Refusal;

/// Writes a JSON value in the canonical form described in [`crate::codec`].
///
/// This is the reference [`crate::canonical::to_canonical`] is tested
/// against (it produces the same bytes without building a `Value`); use
/// it for a value that is already a `serde_json::Value`.
pub(crate) fn write_canonical(value: &Value, out: &mut Vec<u8>) -> Result<(), Refusal> {
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Value::Number(n) => match n.as_u64() {
            Some(u) if u <= MAX_SAFE_INTEGER => out.extend_from_slice(u.to_string().as_bytes()),
            _ => {
                return Err(Refusal::invalid(
                    "invalid_entry",
                    format!("the number {n} is not an integer between 0 and 2^53 - 1"),
                ))
            }
        },
        Value::String(s) => out.extend_from_slice(serde_json::to_string(s).expect("strings serialize").as_bytes()),
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(item, out)?;
            }
            out.push(b']');
        }
        Value::Object(map) => {
            // Sort explicitly: the order of serde_json's map depends on a
            // cargo feature that any crate in the build could switch on.
            let sorted: BTreeMap<&str, &Value> = map.iter().map(|(k, v)| (k.as_str(), v)).collect();
            out.push(b'{');
            for (i, (k, v)) in sorted.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(serde_json::to_string(k).expect("strings serialize").as_bytes());
                out.push(b':');
                write_canonical(v, out)?;
            }
            out.push(b'}');
        }
    }
    Ok(())
}
