//! Reading the top-level object in one pass. The body is adjacently tagged
//! (`kind`, `payload`); serde's derived deserializer for it reads those two
//! fields from a map, so the top-level map is handed to it through a filter
//! that answers only `kind` and `payload` and keeps the other fields aside.
//! In canonical order `kind` comes before `payload`, so the payload is
//! parsed directly into its type, without buffering. This works for any
//! new adjacently tagged variant of [`EntryBody`].

use std::fmt;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor};
use serde::Deserialize;

use crate::entry::{Actor, EntryBody, MemberSignature};

pub(super) struct WireIn {
    pub v: u64,
    pub index: u64,
    pub time: i64,
    pub actor: Actor,
    pub body: EntryBody,
    pub signature: Option<MemberSignature>,
}

#[derive(Default)]
struct Side {
    v: Option<u64>,
    index: Option<u64>,
    time: Option<i64>,
    actor: Option<Actor>,
    signature: Option<MemberSignature>,
    signature_seen: bool,
}

enum Field {
    V,
    Index,
    Time,
    Actor,
    Kind,
    Payload,
    Signature,
    Other(String),
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct FieldVisitor;
        impl Visitor<'_> for FieldVisitor {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Field, E> {
                Ok(match s {
                    "v" => Field::V,
                    "index" => Field::Index,
                    "time" => Field::Time,
                    "actor" => Field::Actor,
                    "kind" => Field::Kind,
                    "payload" => Field::Payload,
                    "signature" => Field::Signature,
                    other => Field::Other(other.to_owned()),
                })
            }
        }
        d.deserialize_identifier(FieldVisitor)
    }
}

const FIELDS: &[&str] = &["v", "index", "time", "actor", "kind", "payload", "signature"];

fn set<T, E: de::Error>(slot: &mut Option<T>, value: T, name: &'static str) -> Result<(), E> {
    if slot.replace(value).is_some() {
        return Err(E::duplicate_field(name));
    }
    Ok(())
}

impl<'de> Deserialize<'de> for WireIn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(TopVisitor)
    }
}

struct TopVisitor;

impl<'de> Visitor<'de> for TopVisitor {
    type Value = WireIn;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an accord-entry/v1 object")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<WireIn, A::Error> {
        let mut side = Side::default();
        let body = EntryBody::deserialize(MapAccessDeserializer::new(BodyFilter { map, side: &mut side }))?;
        let missing = |name| <A::Error as de::Error>::missing_field(name);
        Ok(WireIn {
            v: side.v.ok_or_else(|| missing("v"))?,
            index: side.index.ok_or_else(|| missing("index"))?,
            time: side.time.ok_or_else(|| missing("time"))?,
            actor: side.actor.ok_or_else(|| missing("actor"))?,
            body,
            signature: side.signature,
        })
    }
}

/// The top-level map as the body's deserializer sees it.
struct BodyFilter<'s, A> {
    map: A,
    side: &'s mut Side,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for BodyFilter<'_, A> {
    type Error = A::Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        loop {
            let Some(field) = self.map.next_key::<Field>()? else { return Ok(None) };
            let side = &mut *self.side;
            match field {
                Field::Kind => return seed.deserialize("kind".into_deserializer()).map(Some),
                Field::Payload => return seed.deserialize("payload".into_deserializer()).map(Some),
                Field::V => set(&mut side.v, self.map.next_value()?, "v")?,
                Field::Index => set(&mut side.index, self.map.next_value()?, "index")?,
                Field::Time => set(&mut side.time, self.map.next_value()?, "time")?,
                Field::Actor => set(&mut side.actor, self.map.next_value()?, "actor")?,
                Field::Signature => {
                    if std::mem::replace(&mut side.signature_seen, true) {
                        return Err(de::Error::duplicate_field("signature"));
                    }
                    side.signature = self.map.next_value()?;
                }
                Field::Other(name) => return Err(de::Error::unknown_field(&name, FIELDS)),
            }
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}
