//! The canonical JSON of `accord-entry/v1`, written straight from any
//! `Serialize` value.
//!
//! [`to_canonical`] produces exactly the bytes that serialising to a
//! `serde_json::Value` and writing it with `codec::reference::write_canonical`
//! produces (sorted keys, no whitespace, integers from 0 to 2^53 - 1 only,
//! strings escaped as `serde_json` escapes them), without building the
//! `Value` tree or a `BTreeMap` per object: each object writes its fields'
//! values into one scratch buffer, then copies them out in key order. It is
//! generic over serde-derived types, so new entry kinds need nothing here.
//! A property test in `entry.rs` compares it with the `Value` path.

use std::cell::RefCell;
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
    // The thread's stack of members is taken out once per value (not once
    // per member) and handed down the serializers.
    let mut members = MEMBERS.with(|m| std::mem::take(&mut *m.borrow_mut()));
    members.clear();
    let result = value.serialize(Canonical { out, members: &mut members });
    MEMBERS.with(|m| *m.borrow_mut() = members);
    result
}

/// Writes a signed integer, which must be between 0 and 2^53 - 1.
pub(crate) fn write_i64(out: &mut Vec<u8>, v: i64) -> Result<(), CanonicalError> {
    write_u64(out, u64::try_from(v).map_err(|_| not_an_integer(v))?)
}

fn not_an_integer(n: impl Display) -> CanonicalError {
    CanonicalError(format!("the number {n} is not an integer between 0 and 2^53 - 1"))
}

pub(crate) fn write_u64(out: &mut Vec<u8>, mut v: u64) -> Result<(), CanonicalError> {
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

/// The bytes serde_json escapes in a string: the quote, the backslash and
/// the control characters below U+0020.
static NEEDS_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// Whether any byte of `s` is one serde_json escapes: eight bytes at a time
/// (a byte below 0x20, or equal to `"` or `\\`, sets its high bit in the
/// masks below; bytes of 0x80 and above never do), the rest by the table.
fn needs_escape(s: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |w: u64| w.wrapping_sub(ONES) & !w & HIGH;
    let mut words = s.chunks_exact(8);
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().expect("8 bytes"));
        let control = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
        if control | zero_byte(w ^ (ONES * u64::from(b'"'))) | zero_byte(w ^ (ONES * u64::from(b'\\'))) != 0 {
            return true;
        }
    }
    words.remainder().iter().any(|b| NEEDS_ESCAPE[*b as usize])
}

/// Writes `s` quoted; says whether anything in it was escaped.
fn write_str(out: &mut Vec<u8>, s: &str) -> bool {
    // serde_json escapes only the quote, the backslash and the control
    // characters below U+0020; a string without them is written as it is
    // (most strings of the record), any other through serde_json's own
    // escaping, which the `Value` path uses too.
    if !needs_escape(s.as_bytes()) {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
        return false;
    }
    serde_json::to_writer(&mut *out, s).expect("writing to a Vec cannot fail");
    true
}

/// The serializer: writes one value to `out`.
struct Canonical<'a> {
    out: &'a mut Vec<u8>,
    /// The members of the objects being written, innermost last; each
    /// object pops its own when it ends.
    members: &'a mut Vec<Member>,
}

/// A JSON object being written. Its `"key":value` members are written
/// straight to `out` in the order they come, and recorded on the
/// members stack; `finish` leaves them where they are when
/// they came sorted (the common case for maps and sorted structs), and
/// otherwise rewrites them in key order. Nothing is allocated per object.
struct Object<'a> {
    out: &'a mut Vec<u8>,
    members: &'a mut Vec<Member>,
    /// Where the members begin in `out`, just after `{`.
    body: usize,
    /// This object's first record on the members stack.
    base: usize,
    /// For `{"variant": {...}}`: whether to close the wrapper too.
    variant: bool,
    /// A map key written, waiting for its value.
    pending: Option<Member>,
    /// How many members are written so far.
    count: usize,
}

/// One member of an object being written, as positions in the output:
/// the key as escaped (without its quotes), and the whole `"key":value`.
#[derive(Clone, Copy)]
struct Member {
    key: (usize, usize),
    whole: (usize, usize),
    /// Whether the key was written with escapes.
    escaped: bool,
}

thread_local! {
    /// The members stack of the values being written on this thread, kept
    /// between values so that it is allocated once.
    static MEMBERS: RefCell<Vec<Member>> = const { RefCell::new(Vec::new()) };
    /// Where an object's members wait while they are written back sorted.
    static SORTING: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Compares two keys as the `Value` path sorts them: by the bytes of the
/// unescaped strings. Escaped forms compare the same unless an escape is
/// involved (`escaped`: one of the object's keys has one), which Accord's
/// keys never have.
fn compare_keys(a: &[u8], b: &[u8], escaped: bool) -> std::cmp::Ordering {
    if !escaped {
        return a.cmp(b);
    }
    let unescape = |k: &[u8]| -> String {
        let mut quoted = Vec::with_capacity(k.len() + 2);
        quoted.push(b'"');
        quoted.extend_from_slice(k);
        quoted.push(b'"');
        serde_json::from_slice(&quoted).expect("a key written by serde_json reads back")
    };
    unescape(a).as_bytes().cmp(unescape(b).as_bytes())
}

impl<'a> Object<'a> {
    fn new(out: &'a mut Vec<u8>, members: &'a mut Vec<Member>, variant: Option<&'static str>) -> Self {
        if let Some(v) = variant {
            out.push(b'{');
            write_str(out, v);
            out.push(b':');
        }
        out.push(b'{');
        let body = out.len();
        let base = members.len();
        Object { out, members, body, base, variant: variant.is_some(), pending: None, count: 0 }
    }

    /// Writes `"key":` where `key` writes the quoted key to the output and
    /// says whether it escaped anything.
    fn key(
        &mut self,
        write_key: impl FnOnce(&mut Vec<u8>) -> Result<bool, CanonicalError>,
    ) -> Result<Member, CanonicalError> {
        if self.count > 0 {
            self.out.push(b',');
        }
        let start = self.out.len();
        let escaped = write_key(self.out)?;
        let key = (start + 1, self.out.len() - 1);
        self.out.push(b':');
        Ok(Member { key, whole: (start, 0), escaped })
    }

    fn value<T: Serialize + ?Sized>(&mut self, mut member: Member, value: &T) -> Result<(), CanonicalError> {
        value.serialize(Canonical { out: self.out, members: self.members })?;
        member.whole.1 = self.out.len();
        self.members.push(member);
        self.count += 1;
        Ok(())
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), CanonicalError> {
        let member = self.key(|out| Ok(write_str(out, key)))?;
        self.value(member, value)
    }

    fn finish(self) -> Result<(), CanonicalError> {
        let out = self.out;
        {
            let members = self.members;
            let mine = &mut members[self.base..];
            let escaped = mine.iter().any(|m| m.escaped);
            let strictly_sorted = mine
                .windows(2)
                .all(|w| compare_keys(&out[w[0].key.0..w[0].key.1], &out[w[1].key.0..w[1].key.1], escaped).is_lt());
            if !strictly_sorted {
                // A stable sort, then the last of equal keys wins, as
                // inserting into a `Value` map does.
                mine.sort_by(|a, b| compare_keys(&out[a.key.0..a.key.1], &out[b.key.0..b.key.1], escaped));
                SORTING.with(|sorting| {
                    let mut sorting = sorting.borrow_mut();
                    sorting.clear();
                    sorting.extend_from_slice(&out[self.body..]);
                    out.truncate(self.body);
                    let at = |p: usize| p - self.body;
                    let mut first = true;
                    for (i, m) in mine.iter().enumerate() {
                        let key = &sorting[at(m.key.0)..at(m.key.1)];
                        if let Some(next) = mine.get(i + 1) {
                            if sorting[at(next.key.0)..at(next.key.1)] == *key {
                                continue;
                            }
                        }
                        if !first {
                            out.push(b',');
                        }
                        first = false;
                        out.extend_from_slice(&sorting[at(m.whole.0)..at(m.whole.1)]);
                    }
                });
            }
            members.truncate(self.base);
        }
        out.push(b'}');
        if self.variant {
            out.push(b'}');
        }
        Ok(())
    }
}

/// A JSON array being written (sequences, tuples, `{"variant": [...]}`).
struct Array<'a> {
    out: &'a mut Vec<u8>,
    members: &'a mut Vec<Member>,
    first: bool,
    variant: bool,
}

impl<'a> Array<'a> {
    fn new(out: &'a mut Vec<u8>, members: &'a mut Vec<Member>, variant: Option<&'static str>) -> Self {
        if let Some(v) = variant {
            out.push(b'{');
            write_str(out, v);
            out.push(b':');
        }
        out.push(b'[');
        Array { out, members, first: true, variant: variant.is_some() }
    }
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CanonicalError> {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        value.serialize(Canonical { out: self.out, members: self.members })
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
        let mut array = Array::new(self.out, self.members, None);
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
        value.serialize(Canonical { out: self.out, members: self.members })?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Array<'a>, CanonicalError> {
        Ok(Array::new(self.out, self.members, None))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Array<'a>, CanonicalError> {
        Ok(Array::new(self.out, self.members, None))
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Array<'a>, CanonicalError> {
        Ok(Array::new(self.out, self.members, None))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Array<'a>, CanonicalError> {
        Ok(Array::new(self.out, self.members, Some(variant)))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Object<'a>, CanonicalError> {
        let _ = len;
        Ok(Object::new(self.out, self.members, None))
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Object<'a>, CanonicalError> {
        let _ = len;
        Ok(Object::new(self.out, self.members, None))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Object<'a>, CanonicalError> {
        let _ = len;
        Ok(Object::new(self.out, self.members, Some(variant)))
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
        let member = self.key(|out| {
            let start = out.len();
            key.serialize(MapKey { out: &mut *out })?;
            Ok(out[start..].contains(&b'\\'))
        })?;
        // The key is in the output; its value follows at once.
        self.pending = Some(member);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CanonicalError> {
        let member = self.pending.take().ok_or_else(|| CanonicalError("a map value without its key".into()))?;
        self.value(member, value)
    }
    fn end(self) -> Result<(), CanonicalError> {
        self.finish()
    }
}

impl ser::SerializeStruct for Object<'_> {
    type Ok = ();
    type Error = CanonicalError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), CanonicalError> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), CanonicalError> {
        self.finish()
    }
}

impl ser::SerializeStructVariant for Object<'_> {
    type Ok = ();
    type Error = CanonicalError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), CanonicalError> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), CanonicalError> {
        self.finish()
    }
}

/// Map keys become strings, as `serde_json` makes them: strings and chars as
/// they are, integers and booleans in decimal or as `true`/`false`.
struct MapKey<'a> {
    out: &'a mut Vec<u8>,
}

fn key_must_be_a_string() -> CanonicalError {
    CanonicalError("key must be a string".into())
}

impl MapKey<'_> {
    fn string(self, s: &str) -> Result<(), CanonicalError> {
        write_str(self.out, s);
        Ok(())
    }
}

impl ser::Serializer for MapKey<'_> {
    type Ok = ();
    type Error = CanonicalError;
    type SerializeSeq = Impossible<(), CanonicalError>;
    type SerializeTuple = Impossible<(), CanonicalError>;
    type SerializeTupleStruct = Impossible<(), CanonicalError>;
    type SerializeTupleVariant = Impossible<(), CanonicalError>;
    type SerializeMap = Impossible<(), CanonicalError>;
    type SerializeStruct = Impossible<(), CanonicalError>;
    type SerializeStructVariant = Impossible<(), CanonicalError>;

    fn serialize_bool(self, v: bool) -> Result<(), CanonicalError> {
        self.string(&v.to_string())
    }
    fn serialize_i8(self, v: i8) -> Result<(), CanonicalError> {
        self.string(&v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<(), CanonicalError> {
        self.string(&v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<(), CanonicalError> {
        self.string(&v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<(), CanonicalError> {
        self.string(&v.to_string())
    }
    fn serialize_i128(self, v: i128) -> Result<(), CanonicalError> {
        self.string(&v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<(), CanonicalError> {
        self.string(&v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<(), CanonicalError> {
        self.string(&v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<(), CanonicalError> {
        self.string(&v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<(), CanonicalError> {
        self.string(&v.to_string())
    }
    fn serialize_u128(self, v: u128) -> Result<(), CanonicalError> {
        self.string(&v.to_string())
    }
    fn serialize_f32(self, _v: f32) -> Result<(), CanonicalError> {
        Err(key_must_be_a_string())
    }
    fn serialize_f64(self, _v: f64) -> Result<(), CanonicalError> {
        Err(key_must_be_a_string())
    }
    fn serialize_char(self, v: char) -> Result<(), CanonicalError> {
        self.string(&v.to_string())
    }
    fn serialize_str(self, v: &str) -> Result<(), CanonicalError> {
        self.string(v)
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<(), CanonicalError> {
        Err(key_must_be_a_string())
    }
    fn serialize_none(self) -> Result<(), CanonicalError> {
        Err(key_must_be_a_string())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<(), CanonicalError> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit(self) -> Result<(), CanonicalError> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), CanonicalError> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), CanonicalError> {
        self.string(variant)
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
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), CanonicalError> {
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

    fn through_value<T: serde::Serialize>(value: &T) -> Vec<u8> {
        let mut out = Vec::new();
        crate::codec::reference::write_canonical(&serde_json::to_value(value).unwrap(), &mut out).unwrap();
        out
    }

    proptest::proptest! {
        /// Maps with any keys (escapes, non-ASCII, integers), in any order,
        /// nested, and tuples and units: the same bytes as through `Value`.
        #[test]
        fn maps_and_nesting_equal_value(
            pairs in proptest::collection::vec(("\\PC{0,6}|[\"\\\\\u{0}-\u{1f}a-c]{0,4}", 0u32..1000), 0..12),
            ints in proptest::collection::vec((0u16..50, proptest::option::of(0u8..10)), 0..8),
        ) {
            let unsorted: Vec<(String, u32)> = pairs.clone();
            struct AsMap<'a>(&'a [(String, u32)]);
            impl serde::Serialize for AsMap<'_> {
                fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    use serde::ser::SerializeMap;
                    let mut map = s.serialize_map(Some(self.0.len()))?;
                    for (k, v) in self.0 {
                        map.serialize_entry(k, v)?;
                    }
                    map.end()
                }
            }
            let int_keys: std::collections::BTreeMap<u16, Option<u8>> = ints.into_iter().collect();
            let value = (AsMap(&unsorted), vec![AsMap(&unsorted)], int_keys, (), Some('x'));
            let mut fast = Vec::new();
            super::to_canonical(&value, &mut fast).unwrap();
            proptest::prop_assert_eq!(String::from_utf8(fast).unwrap(), String::from_utf8(through_value(&value)).unwrap());
        }
    }

    #[test]
    fn strings_needing_escapes_are_found_in_every_position() {
        for len in 0..24 {
            for at in 0..len {
                for special in [0u8, 0x1f, b'"', b'\\'] {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = special;
                    assert!(super::needs_escape(&bytes), "{bytes:?}");
                }
                for plain in [0x20u8, 0x7f, 0x80, 0xff, b'/', b'!', b'#', b'[', b']', 0x5b, 0x5d, 0x21, 0x23] {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = plain;
                    assert!(!super::needs_escape(&bytes), "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn floats_and_large_numbers_are_refused() {
        let mut out = Vec::new();
        assert!(super::to_canonical(&1.5f64, &mut out).is_err());
        assert!(super::to_canonical(&(1u64 << 53), &mut out).is_err());
        assert!(super::to_canonical(&-1i64, &mut out).is_err());
        // An error part-way through leaves nothing behind for the next value.
        assert!(super::to_canonical(&serde_json::json!({"a": {"b": -1}}), &mut out).is_err());
        let mut out = Vec::new();
        super::to_canonical(&serde_json::json!({"b": 1, "a": {"d": 2, "c": 3}}), &mut out).unwrap();
        assert_eq!(out, br#"{"a":{"c":3,"d":2},"b":1}"#);
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
            "processes": state.processes.iter().map(|p| p.digest_value()).collect::<Vec<_>>(),
            "decisions": state.proceedings.decisions,
        });
        let mut bytes = Vec::new();
        crate::codec::reference::write_canonical(&value, &mut bytes).unwrap();
        use sha2::Digest;
        let expected: [u8; 32] = sha2::Sha256::digest(&bytes).into();
        assert_eq!(state.digest(), expected);
    }
}
