//! The canonical JSON of `accord-entry/v1`, written straight from any
//! `Serialize` value.
//!
//! [`to_canonical`] produces exactly the bytes that serialising to a
//! `serde_json::Value` and writing it with [`crate::entry::write_canonical`]
//! produces (sorted keys, no whitespace, integers from 0 to 2^53 - 1 only,
//! strings escaped as `serde_json` escapes them), without building the
//! `Value` tree or a `BTreeMap` per object: each object writes its fields'
//! values into one scratch buffer, then copies them out in key order. It is
//! generic over serde-derived types, so new entry kinds need nothing here.
//! A property test in `entry.rs` compares it with the `Value` path.

use std::fmt::Display;

use serde::ser::{self, Impossible, Serialize};

/// The largest integer the encoding allows (2^53 - 1), so that every number
/// survives a round trip through any JSON parser, JavaScript's included.
pub(crate) const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// Why a value has no canonical form.
#[derive(Debug)]
pub struct CanonicalError(pub String);

impl Display for CanonicalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanonicalError {}

impl ser::Error for CanonicalError {
    fn custom<T: Display>(msg: T) -> Self {
        CanonicalError(msg.to_string())
    }
}

/// Appends the canonical JSON of `value` to `out`.
pub fn to_canonical<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) -> Result<(), CanonicalError> {
    value.serialize(Canonical { out })
}

fn not_an_integer(n: impl Display) -> CanonicalError {
    CanonicalError(format!("the number {n} is not an integer between 0 and 2^53 - 1"))
}

fn write_u64(out: &mut Vec<u8>, mut v: u64) -> Result<(), CanonicalError> {
    if v > MAX_SAFE_INTEGER {
        return Err(not_an_integer(v));
    }
    // Decimal digits, without allocating.
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[start..]);
    Ok(())
}

fn write_str(out: &mut Vec<u8>, s: &str) {
    // serde_json's own escaping, which the `Value` path uses too.
    serde_json::to_writer(&mut *out, s).expect("writing to a Vec cannot fail");
}

/// The serializer: writes one value to `out`.
struct Canonical<'a> {
    out: &'a mut Vec<u8>,
}

/// A JSON object being written: the values go to `scratch`, and `end`
/// writes them to `out` sorted by key.
struct Object<'a> {
    out: &'a mut Vec<u8>,
    scratch: Vec<u8>,
    fields: Vec<(Key, usize, usize)>,
    /// The key given by `serialize_key`, waiting for its value.
    next_key: Option<Key>,
    /// For `{"variant": {...}}`: the variant's name, wrapped around the object.
    variant: Option<&'static str>,
}

enum Key {
    Static(&'static str),
    Owned(String),
}

impl Key {
    fn as_str(&self) -> &str {
        match self {
            Key::Static(s) => s,
            Key::Owned(s) => s,
        }
    }
}

impl<'a> Object<'a> {
    fn new(out: &'a mut Vec<u8>, len: Option<usize>, variant: Option<&'static str>) -> Self {
        Object {
            out,
            scratch: Vec::with_capacity(128),
            fields: Vec::with_capacity(len.unwrap_or(8)),
            next_key: None,
            variant,
        }
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: Key, value: &T) -> Result<(), CanonicalError> {
        let start = self.scratch.len();
        value.serialize(Canonical { out: &mut self.scratch })?;
        self.fields.push((key, start, self.scratch.len()));
        Ok(())
    }

    fn finish(mut self) -> Result<(), CanonicalError> {
        // A stable sort, then the last of equal keys wins, as inserting into
        // a `Value` map does.
        self.fields.sort_by(|a, b| a.0.as_str().as_bytes().cmp(b.0.as_str().as_bytes()));
        if let Some(variant) = self.variant {
            self.out.push(b'{');
            write_str(self.out, variant);
            self.out.push(b':');
        }
        self.out.push(b'{');
        let mut first = true;
        for (i, (key, start, end)) in self.fields.iter().enumerate() {
            if self.fields.get(i + 1).is_some_and(|next| next.0.as_str() == key.as_str()) {
                continue;
            }
            if !first {
                self.out.push(b',');
            }
            first = false;
            write_str(self.out, key.as_str());
            self.out.push(b':');
            self.out.extend_from_slice(&self.scratch[*start..*end]);
        }
        self.out.push(b'}');
        if self.variant.is_some() {
            self.out.push(b'}');
        }
        Ok(())
    }
}

/// A JSON array being written (sequences, tuples, `{"variant": [...]}`).
struct Array<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
    variant: bool,
}

impl<'a> Array<'a> {
    fn new(out: &'a mut Vec<u8>, variant: Option<&'static str>) -> Self {
        if let Some(v) = variant {
            out.push(b'{');
            write_str(out, v);
            out.push(b':');
        }
        out.push(b'[');
        Array { out, first: true, variant: variant.is_some() }
    }
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CanonicalError> {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        value.serialize(Canonical { out: self.out })
    }
    fn finish(self) -> Result<(), CanonicalError> {
        self.out.push(b']');
        if self.variant {
            self.out.push(b'}');
        }
        Ok(())
    }
}

impl<'a> ser::Serializer for Canonical<'a> {
    type Ok = ();
    type Error = CanonicalError;
    type SerializeSeq = Array<'a>;
    type SerializeTuple = Array<'a>;
    type SerializeTupleStruct = Array<'a>;
    type SerializeTupleVariant = Array<'a>;
    type SerializeMap = Object<'a>;
    type SerializeStruct = Object<'a>;
    type SerializeStructVariant = Object<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), CanonicalError> {
        self.out.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), CanonicalError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), CanonicalError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), CanonicalError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), CanonicalError> {
        let u = u64::try_from(v).map_err(|_| not_an_integer(v))?;
        write_u64(self.out, u)
    }
    fn serialize_i128(self, v: i128) -> Result<(), CanonicalError> {
        let u = u64::try_from(v).map_err(|_| not_an_integer(v))?;
        write_u64(self.out, u)
    }
    fn serialize_u8(self, v: u8) -> Result<(), CanonicalError> {
        write_u64(self.out, v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), CanonicalError> {
        write_u64(self.out, v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), CanonicalError> {
        write_u64(self.out, v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), CanonicalError> {
        write_u64(self.out, v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), CanonicalError> {
        let u = u64::try_from(v).map_err(|_| not_an_integer(v))?;
        write_u64(self.out, u)
    }
    fn serialize_f32(self, v: f32) -> Result<(), CanonicalError> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), CanonicalError> {
        // `serde_json::to_value` turns a non-finite float into `null`, and
        // any finite one into a float number, which the encoding refuses.
        if v.is_finite() {
            Err(not_an_integer(v))
        } else {
            self.out.extend_from_slice(b"null");
            Ok(())
        }
    }
    fn serialize_char(self, v: char) -> Result<(), CanonicalError> {
        write_str(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), CanonicalError> {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), CanonicalError> {
        let mut array = Array::new(self.out, None);
        for b in v {
            ser::SerializeSeq::serialize_element(&mut array, b)?;
        }
        array.finish()
    }
    fn serialize_none(self) -> Result<(), CanonicalError> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), CanonicalError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), CanonicalError> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), CanonicalError> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), CanonicalError> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), CanonicalError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), CanonicalError> {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.push(b':');
        value.serialize(Canonical { out: self.out })?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Array<'a>, CanonicalError> {
        Ok(Array::new(self.out, None))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Array<'a>, CanonicalError> {
        Ok(Array::new(self.out, None))
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Array<'a>, CanonicalError> {
        Ok(Array::new(self.out, None))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Array<'a>, CanonicalError> {
        Ok(Array::new(self.out, Some(variant)))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Object<'a>, CanonicalError> {
        Ok(Object::new(self.out, len, None))
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Object<'a>, CanonicalError> {
        Ok(Object::new(self.out, Some(len), None))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Object<'a>, CanonicalError> {
        Ok(Object::new(self.out, Some(len), Some(variant)))
    }
}

impl ser::SerializeSeq for Array<'_> {
    type Ok = ();
    type Error = CanonicalError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CanonicalError> {
        self.element(value)
    }
    fn end(self) -> Result<(), CanonicalError> {
        self.finish()
    }
}

impl ser::SerializeTuple for Array<'_> {
    type Ok = ();
    type Error = CanonicalError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CanonicalError> {
        self.element(value)
    }
    fn end(self) -> Result<(), CanonicalError> {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for Array<'_> {
    type Ok = ();
    type Error = CanonicalError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CanonicalError> {
        self.element(value)
    }
    fn end(self) -> Result<(), CanonicalError> {
        self.finish()
    }
}

impl ser::SerializeTupleVariant for Array<'_> {
    type Ok = ();
    type Error = CanonicalError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CanonicalError> {
        self.element(value)
    }
    fn end(self) -> Result<(), CanonicalError> {
        self.finish()
    }
}

impl ser::SerializeMap for Object<'_> {
    type Ok = ();
    type Error = CanonicalError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), CanonicalError> {
        self.next_key = Some(Key::Owned(key.serialize(MapKey)?));
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CanonicalError> {
        let key = self.next_key.take().ok_or_else(|| CanonicalError("a map value without its key".into()))?;
        self.field(key, value)
    }
    fn end(self) -> Result<(), CanonicalError> {
        self.finish()
    }
}

impl ser::SerializeStruct for Object<'_> {
    type Ok = ();
    type Error = CanonicalError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), CanonicalError> {
        self.field(Key::Static(key), value)
    }
    fn end(self) -> Result<(), CanonicalError> {
        self.finish()
    }
}

impl ser::SerializeStructVariant for Object<'_> {
    type Ok = ();
    type Error = CanonicalError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), CanonicalError> {
        self.field(Key::Static(key), value)
    }
    fn end(self) -> Result<(), CanonicalError> {
        self.finish()
    }
}

/// Map keys become strings, as `serde_json` makes them: strings and chars as
/// they are, integers and booleans in decimal or as `true`/`false`.
struct MapKey;

fn key_must_be_a_string() -> CanonicalError {
    CanonicalError("key must be a string".into())
}

impl ser::Serializer for MapKey {
    type Ok = String;
    type Error = CanonicalError;
    type SerializeSeq = Impossible<String, CanonicalError>;
    type SerializeTuple = Impossible<String, CanonicalError>;
    type SerializeTupleStruct = Impossible<String, CanonicalError>;
    type SerializeTupleVariant = Impossible<String, CanonicalError>;
    type SerializeMap = Impossible<String, CanonicalError>;
    type SerializeStruct = Impossible<String, CanonicalError>;
    type SerializeStructVariant = Impossible<String, CanonicalError>;

    fn serialize_bool(self, v: bool) -> Result<String, CanonicalError> {
        Ok(v.to_string())
    }
    fn serialize_i8(self, v: i8) -> Result<String, CanonicalError> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<String, CanonicalError> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<String, CanonicalError> {
        Ok(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<String, CanonicalError> {
        Ok(v.to_string())
    }
    fn serialize_i128(self, v: i128) -> Result<String, CanonicalError> {
        Ok(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<String, CanonicalError> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<String, CanonicalError> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<String, CanonicalError> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<String, CanonicalError> {
        Ok(v.to_string())
    }
    fn serialize_u128(self, v: u128) -> Result<String, CanonicalError> {
        Ok(v.to_string())
    }
    fn serialize_f32(self, _v: f32) -> Result<String, CanonicalError> {
        Err(key_must_be_a_string())
    }
    fn serialize_f64(self, _v: f64) -> Result<String, CanonicalError> {
        Err(key_must_be_a_string())
    }
    fn serialize_char(self, v: char) -> Result<String, CanonicalError> {
        Ok(v.to_string())
    }
    fn serialize_str(self, v: &str) -> Result<String, CanonicalError> {
        Ok(v.to_owned())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<String, CanonicalError> {
        Err(key_must_be_a_string())
    }
    fn serialize_none(self) -> Result<String, CanonicalError> {
        Err(key_must_be_a_string())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<String, CanonicalError> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit(self) -> Result<String, CanonicalError> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<String, CanonicalError> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<String, CanonicalError> {
        Ok(variant.to_owned())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<String, CanonicalError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<String, CanonicalError> {
        Err(key_must_be_a_string())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, CanonicalError> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, CanonicalError> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, CanonicalError> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, CanonicalError> {
        Err(key_must_be_a_string())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, CanonicalError> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct, CanonicalError> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, CanonicalError> {
        Err(key_must_be_a_string())
    }
}

#[cfg(test)]
mod tests {
    use crate::ids::{DisplayName, LanguageTag, MemberCode};
    use crate::state::{Action, MemberKind, MemberRole, MemberStatus, OfficerRole, OrganisationCategory, Principal};
    use crate::{Entry, State};

    fn act(state: &mut State, action: Action) {
        let (actor, body, signature) = state.prepare(Principal::System, action).unwrap();
        let entry = Entry { index: state.next_index, time: 1_000 + state.next_index as i64, actor, body, signature };
        state.apply(&entry).unwrap();
    }

    /// The state digest is the same as through `serde_json::Value`.
    #[test]
    fn state_digest_is_unchanged() {
        let mut state = State::new();
        let name = |s: &str| DisplayName::parse(s).unwrap();
        act(
            &mut state,
            Action::EstablishForum {
                name: name("Forum \"quoted\" é"),
                languages: vec![LanguageTag::parse("en").unwrap(), LanguageTag::parse("fr").unwrap()],
                log: Some("example.org/forum".into()),
            },
        );
        for (code, org) in [("KEN", false), ("ICRC", true), ("BRA", false)] {
            act(
                &mut state,
                Action::AdmitMember {
                    code: MemberCode::parse(code).unwrap(),
                    name: org.then(|| name("Red Cross")),
                    kind: if org { MemberKind::Organisation } else { MemberKind::State },
                    category: org.then_some(OrganisationCategory::Ngo),
                    status: MemberStatus::Member,
                },
            );
        }
        act(&mut state, Action::AppointOfficer { name: name("Ana"), role: OfficerRole::Secretariat });
        act(
            &mut state,
            Action::AccreditDelegate {
                member: MemberCode::parse("KEN").unwrap(),
                name: name("Wanjiru"),
                role: MemberRole::HeadOfDelegation,
            },
        );
        let value = serde_json::json!({
            "size": state.next_index,
            "forum": state.forum,
            "members": state.members.values().collect::<Vec<_>>(),
            "delegates": state.delegates.values().collect::<Vec<_>>(),
        });
        let mut bytes = Vec::new();
        crate::entry::write_canonical(&value, &mut bytes).unwrap();
        use sha2::Digest;
        let expected: [u8; 32] = sha2::Sha256::digest(&bytes).into();
        assert_eq!(state.digest(), expected);
    }
}
