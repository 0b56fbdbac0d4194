//! The Unicode policy for free text: every name, label, heading, provision,
//! justification, reason, statement and title a person writes.
//!
//! Text that people read side by side must show what it is. The policy:
//! - text is in Normalization Form C (NFC): two spellings of the same words
//!   ("é" as one character, or "e" and a combining accent) are one text, so
//!   quotes, searches and redlines find them;
//! - bidirectional embeddings, overrides and isolates (U+202A–U+202E,
//!   U+2066–U+2069) are refused: they make a bracket's words, or the
//!   members behind them, display differently from what they are;
//! - other invisible format characters (Unicode general category Cf: the
//!   zero-width space U+200B, the byte-order mark U+FEFF, the word joiner
//!   U+2060, the tag characters U+E0000–U+E007F, ...) are refused, except
//!   those scripts need: the zero-width joiner U+200D and non-joiner
//!   U+200C (Persian, Hindi and other Indic scripts, emoji sequences), and
//!   the marks LRM U+200E, RLM U+200F and ALM U+061C in right-to-left text
//!   (text holding at least one strong right-to-left character, Hebrew,
//!   Arabic, Syriac, Thaana, ...), where they settle the direction of
//!   neutral characters next to numbers and Latin words;
//! - characters that display as blank space or nothing outside category Cf
//!   (the Hangul fillers, the braille blank, U+034F, the line and paragraph
//!   separators, ...) are refused, and so are private-use characters and
//!   noncharacters (`unusable_character`); variation selectors are kept,
//!   as emoji and ideographs need them.
//!
//! New input is normalised ([`accept`]) before it is recorded; text in an
//! entry must already satisfy the policy ([`check`]) in a record of
//! edition 3 or later. Pages show every piece of user text in its own
//! isolate (`<bdi>` or `dir="auto"`), so that allowed marks cannot reorder
//! the page around it either.
//!
//! Refusals are 422 (`bidi_control`, `invisible_character`,
//! `direction_mark_outside_rtl`, `text_not_nfc`, `unusable_character`) and name the character as
//! U+XXXX and where it is. `State::apply` walks every string of a payload
//! with a serde `Serializer` that allocates nothing for ASCII.
//! `accord sign` and `accord submit` put a payload's text in NFC before
//! signing it.

use std::borrow::Cow;

use serde::ser::{self, Serialize};
use unicode_bidi::BidiClass;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

use crate::error::Refusal;

/// The refusal codes of the policy, stable for clients.
pub const BIDI_CONTROL: &str = "bidi_control";
pub const INVISIBLE_CHARACTER: &str = "invisible_character";
pub const DIRECTION_MARK: &str = "direction_mark_outside_rtl";
pub const NOT_NFC: &str = "text_not_nfc";
pub const UNUSABLE_CHARACTER: &str = "unusable_character";
/// Every code [`check`] and [`accept`] refuse with.
pub const CODES: [&str; 5] = [BIDI_CONTROL, INVISIBLE_CHARACTER, DIRECTION_MARK, NOT_NFC, UNUSABLE_CHARACTER];

const ZWNJ: char = '\u{200C}';
const ZWJ: char = '\u{200D}';

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// A strong right-to-left character (bidirectional class R or AL).
fn is_strong_rtl(c: char) -> bool {
    matches!(unicode_bidi::bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// The few format characters people meet most, named in refusals.
fn name_of(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00AD}' => "SOFT HYPHEN",
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{180E}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2060}' => "WORD JOINER",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE (byte-order mark)",
        '\u{E0001}' | '\u{E0020}'..='\u{E007F}' => "TAG",
        _ => return None,
    })
}

/// `U+202E (RIGHT-TO-LEFT OVERRIDE)`, or `U+XXXX` for characters without a
/// name here.
fn shown(c: char) -> String {
    match name_of(c) {
        Some(name) => format!("U+{:04X} ({name})", c as u32),
        None => format!("U+{:04X}", c as u32),
    }
}

/// Where in a text: "at character 7", or "on line 3, character 7" in text
/// of several lines.
fn position(text: &str, byte: usize) -> String {
    let before = &text[..byte];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
    if text.contains('\n') {
        format!("on line {line}, character {column}")
    } else {
        format!("at character {column}")
    }
}

/// Checks the characters of `text` (not its normalisation form): refuses
/// the first character the policy forbids. `what` names the field ("name",
/// "text of art_2__para_1").
fn check_characters(what: &str, text: &str) -> Result<(), Refusal> {
    let mut rtl: Option<bool> = None;
    for (at, c) in text.char_indices() {
        if c.is_ascii() || c == ZWJ || c == ZWNJ {
            continue;
        }
        if is_bidi_control(c) {
            return Err(Refusal::unprocessable(
                BIDI_CONTROL,
                format!(
                    "the {what} holds the bidirectional control {} {}, which can make text display differently \
                     from what it is: remove it",
                    shown(c),
                    position(text, at)
                ),
            ));
        }
        if is_direction_mark(c) {
            let in_rtl = *rtl.get_or_insert_with(|| text.chars().any(|c| !is_direction_mark(c) && is_strong_rtl(c)));
            if in_rtl {
                continue;
            }
            return Err(Refusal::unprocessable(
                DIRECTION_MARK,
                format!(
                    "the {what} holds the direction mark {} {}, but no right-to-left letters: direction marks \
                     are accepted only in right-to-left text; remove it",
                    shown(c),
                    position(text, at)
                ),
            ));
        }
        if looks_like_nothing(c) {
            return Err(Refusal::unprocessable(
                INVISIBLE_CHARACTER,
                format!(
                    "the {what} holds {} {}, which displays as blank space or as nothing and could make two \
                     different texts look the same: remove it",
                    shown(c),
                    position(text, at)
                ),
            ));
        }
        if is_unusable(c) {
            return Err(Refusal::unprocessable(
                UNUSABLE_CHARACTER,
                format!(
                    "the {what} holds {} {}, a private-use character or a noncharacter, which shows \
                     differently on every machine or not at all: remove it",
                    shown(c),
                    position(text, at)
                ),
            ));
        }
        if c.general_category() == GeneralCategory::Format {
            return Err(Refusal::unprocessable(
                INVISIBLE_CHARACTER,
                format!(
                    "the {what} holds the invisible character {} {}: remove it (only the zero-width joiner \
                     U+200D and non-joiner U+200C are accepted, and direction marks in right-to-left text)",
                    shown(c),
                    position(text, at)
                ),
            ));
        }
    }
    Ok(())
}

/// Characters outside category Cf that display as blank space or as
/// nothing: the combining grapheme joiner, the Hangul fillers, the Khmer
/// inherent vowels, the braille blank, and the line and paragraph
/// separators (text breaks lines by its structure, not by these). The
/// variation selectors are not among them: emoji and ideographs need them.
fn looks_like_nothing(c: char) -> bool {
    matches!(
        c,
        '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{2800}'
            | '\u{3164}'
            | '\u{FFA0}'
    )
}

/// Private-use characters and noncharacters: no two machines agree on what
/// they show.
fn is_unusable(c: char) -> bool {
    let n = c as u32;
    matches!(n, 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD | 0xFDD0..=0xFDEF) || n & 0xFFFE == 0xFFFE
}

fn is_nfc(text: &str) -> bool {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => unicode_normalization::is_nfc(text),
    }
}

/// Checks that recorded text satisfies the policy: in NFC, and without the
/// characters it forbids.
pub fn check(what: &str, text: &str) -> Result<(), Refusal> {
    if text.is_ascii() {
        return Ok(());
    }
    check_characters(what, text)?;
    if !is_nfc(text) {
        return Err(Refusal::unprocessable(
            NOT_NFC,
            format!(
                "the {what} is not in Unicode Normalization Form C (NFC): write composed characters \
                 (a signed action must be signed over its text in NFC)"
            ),
        ));
    }
    Ok(())
}

/// New text from a person: normalised to NFC, then checked. Answers the
/// text to record (borrowed when it was already in NFC).
pub fn accept<'a>(what: &str, text: &'a str) -> Result<Cow<'a, str>, Refusal> {
    if text.is_ascii() {
        return Ok(Cow::Borrowed(text));
    }
    check_characters(what, text)?;
    if is_nfc(text) {
        Ok(Cow::Borrowed(text))
    } else {
        let normalised: String = text.nfc().collect();
        // Normalisation composes; it never brings in a format character.
        check_characters(what, &normalised)?;
        Ok(Cow::Owned(normalised))
    }
}

/// `text` in NFC.
pub fn normalise(text: &str) -> String {
    text.nfc().collect()
}

/// Puts every string of a JSON value, keys too, in NFC.
pub fn normalise_json(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(s) if !is_normalised(s) => *s = normalise(s),
        Value::Array(items) => items.iter_mut().for_each(normalise_json),
        Value::Object(map) => {
            let entries = std::mem::take(map);
            for (key, mut v) in entries {
                normalise_json(&mut v);
                map.insert(if is_normalised(&key) { key } else { normalise(&key) }, v);
            }
        }
        _ => {}
    }
}

/// Checks a text of several lines (a Markdown draft) line by line, so that
/// a direction mark is judged by the words of its own line and a refusal
/// names the line.
pub fn check_lines(what: &str, text: &str) -> Result<(), Refusal> {
    if text.is_ascii() {
        return Ok(());
    }
    for (n, line) in text.split('\n').enumerate() {
        check(&format!("{what}'s line {}", n + 1), line)?;
    }
    Ok(())
}

/// Whether `text` is in NFC (ASCII always is).
pub fn is_normalised(text: &str) -> bool {
    text.is_ascii() || is_nfc(text)
}

/// Checks every string in a serialisable value (an entry's payload) with
/// [`check`], naming each by its field. Allocates nothing for ASCII text.
pub fn check_strings<T: Serialize + ?Sized>(value: &T) -> Result<(), Refusal> {
    value.serialize(Walker { field: "text", visit: &mut |field, s| check(&field_words(field), s) }).map_err(|e| e.0)
}

/// Whether every string in a value is in NFC.
pub fn strings_normalised<T: Serialize + ?Sized>(value: &T) -> bool {
    value
        .serialize(Walker {
            field: "",
            visit: &mut |_, s| {
                if is_normalised(s) {
                    Ok(())
                } else {
                    Err(Refusal::invalid(NOT_NFC, String::new()))
                }
            },
        })
        .is_ok()
}

/// A payload's field name in words: `file_name` → "file name".
fn field_words(field: &str) -> String {
    field.replace('_', " ")
}

/// The refusal carried through serde's error type.
#[derive(Debug)]
struct Stop(Refusal);

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}
impl std::error::Error for Stop {}
impl ser::Error for Stop {
    fn custom<M: std::fmt::Display>(msg: M) -> Self {
        Stop(Refusal::invalid("unserialisable", msg.to_string()))
    }
}

/// A serde `Serializer` that only visits the strings of a value, with the
/// name of the field that holds each.
struct Walker<'v> {
    field: &'static str,
    visit: &'v mut dyn FnMut(&'static str, &str) -> Result<(), Refusal>,
}

impl<'v> Walker<'v> {
    fn at(&mut self, field: &'static str) -> Walker<'_> {
        Walker { field, visit: &mut *self.visit }
    }
}

macro_rules! nothing_to_visit {
    ($($f:ident($t:ty)),* $(,)?) => {
        $(fn $f(self, _: $t) -> Result<(), Stop> { Ok(()) })*
    };
}

impl<'v> ser::Serializer for Walker<'v> {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    nothing_to_visit!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str),
    );
    fn serialize_char(self, c: char) -> Result<(), Stop> {
        (self.visit)(self.field, c.encode_utf8(&mut [0; 4])).map_err(Stop)
    }
    fn serialize_str(self, s: &str) -> Result<(), Stop> {
        (self.visit)(self.field, s).map_err(Stop)
    }
    fn serialize_none(self) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self, Stop> {
        Ok(self)
    }
}

impl<'v> ser::SerializeSeq for Walker<'v> {
    type Ok = ();
    type Error = Stop;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        let field = self.field;
        value.serialize(self.at(field))
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}
impl<'v> ser::SerializeTuple for Walker<'v> {
    type Ok = ();
    type Error = Stop;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        let field = self.field;
        value.serialize(self.at(field))
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}
impl<'v> ser::SerializeTupleStruct for Walker<'v> {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        let field = self.field;
        value.serialize(self.at(field))
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}
impl<'v> ser::SerializeTupleVariant for Walker<'v> {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        let field = self.field;
        value.serialize(self.at(field))
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}
impl<'v> ser::SerializeMap for Walker<'v> {
    type Ok = ();
    type Error = Stop;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Stop> {
        let field = self.field;
        key.serialize(self.at(field))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        let field = self.field;
        value.serialize(self.at(field))
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}
impl<'v> ser::SerializeStruct for Walker<'v> {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Stop> {
        value.serialize(self.at(key))
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}
impl<'v> ser::SerializeStructVariant for Walker<'v> {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Stop> {
        value.serialize(self.at(key))
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn scripts_that_need_joiners_and_marks_are_accepted() {
        for text in [
            "جمهورية مصر العربية",                        // Arabic
            "מדינת ישראל",                                // Hebrew
            "جمهوری اسلامی ایران",                         // Persian
            "می\u{200C}خواهم",                            // Persian with ZWNJ
            "क्\u{200D}ष भारत गणराज्य",                     // Hindi with ZWJ
            "क्\u{200C}ष",                                 // Hindi with ZWNJ
            "中华人民共和国",                             // Chinese
            "👨\u{200D}👩\u{200D}👧\u{200D}👦 and 🇧🇷 🇰🇪", // family emoji, flags
            "المادة 5\u{200F} من الاتفاق",                 // RLM in Arabic
            "\u{05D0} \u{200E}(1)",                       // LRM in Hebrew
            "\u{061C}١٢ مادة",                            // ALM in Arabic
            "❤\u{FE0F} 葛\u{E0100}",                      // variation selectors: emoji, ideograph
        ] {
            assert_eq!(accept("name", text).unwrap(), text, "{text}");
            check("name", text).unwrap();
        }
    }

    #[test]
    fn forbidden_characters_are_named_with_their_place() {
        let e = check("name", "Bra\u{202E}zil").unwrap_err();
        assert_eq!((e.code, e.kind), (BIDI_CONTROL, crate::error::RefusalKind::Unprocessable));
        assert!(e.message.contains("U+202E (RIGHT-TO-LEFT OVERRIDE) at character 4"), "{}", e.message);
        for (text, code, named) in [
            ("a\u{2066}b\u{2069}", BIDI_CONTROL, "U+2066"),
            ("a\u{200B}b", INVISIBLE_CHARACTER, "U+200B"),
            ("\u{FEFF}abc", INVISIBLE_CHARACTER, "U+FEFF"),
            ("a\u{2060}b", INVISIBLE_CHARACTER, "U+2060"),
            ("flag\u{E0067}\u{E007F}", INVISIBLE_CHARACTER, "U+E0067"),
            ("soft\u{00AD}hyphen", INVISIBLE_CHARACTER, "U+00AD"),
            ("Article 5\u{200F}", DIRECTION_MARK, "U+200F"),
            ("\u{200E}Kenya", DIRECTION_MARK, "U+200E"),
            ("N \u{3164}", INVISIBLE_CHARACTER, "U+3164"),
            ("N\u{115F}", INVISIBLE_CHARACTER, "U+115F"),
            ("a\u{034F}b", INVISIBLE_CHARACTER, "U+034F"),
            ("blank\u{2800}", INVISIBLE_CHARACTER, "U+2800"),
            ("two\u{2028}lines", INVISIBLE_CHARACTER, "U+2028"),
            ("half\u{FFA0}", INVISIBLE_CHARACTER, "U+FFA0"),
            ("private\u{E000}", UNUSABLE_CHARACTER, "U+E000"),
            ("non\u{FDD0}", UNUSABLE_CHARACTER, "U+FDD0"),
            ("plane\u{10FFFF}", UNUSABLE_CHARACTER, "U+10FFFF"),
        ] {
            let e = accept("text", text).unwrap_err();
            assert_eq!(e.code, code, "{text:?}");
            assert!(e.message.contains(named), "{}", e.message);
        }
        let e = check("statement", "first line\nsecond \u{200B}line").unwrap_err();
        assert!(e.message.contains("on line 2, character 8"), "{}", e.message);
    }

    #[test]
    fn new_text_is_normalised_and_recorded_text_must_be() {
        let decomposed = "Co\u{0302}te d'Ivoire"; // o + combining circumflex
        assert_eq!(accept("name", decomposed).unwrap(), "Côte d'Ivoire");
        assert_eq!(check("name", decomposed).unwrap_err().code, NOT_NFC);
        check("name", "Côte d'Ivoire").unwrap();
    }

    #[derive(serde::Serialize)]
    struct Payload {
        title: String,
        file_name: Option<String>,
        items: Vec<String>,
    }

    #[test]
    fn every_string_of_a_payload_is_checked_by_its_field() {
        let ok = Payload { title: "مادة".into(), file_name: None, items: vec!["a".into()] };
        check_strings(&ok).unwrap();
        let bad = Payload { title: "t".into(), file_name: Some("x\u{202E}y".into()), items: vec![] };
        let e = check_strings(&bad).unwrap_err();
        assert!(e.message.starts_with("the file name holds"), "{}", e.message);
        let bad = Payload { title: "t".into(), file_name: None, items: vec!["e\u{0301}".into()] };
        assert!(!strings_normalised(&bad));
        assert_eq!(check_strings(&bad).unwrap_err().code, NOT_NFC);
    }

    /// Text of any characters, and text made of the characters the policy
    /// is about, mixed with letters of several scripts.
    fn any_text() -> impl Strategy<Value = String> {
        let pointed = prop::sample::select(vec![
            'a',
            ' ',
            '\n',
            'e',
            '\u{0301}',
            '\u{0302}',
            'é',
            'א',
            'ع',
            'ی',
            'क',
            '्',
            '中',
            '👨',
            '\u{1F1E7}',
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{200E}',
            '\u{200F}',
            '\u{061C}',
            '\u{202A}',
            '\u{202E}',
            '\u{2066}',
            '\u{2069}',
            '\u{2060}',
            '\u{FEFF}',
            '\u{00AD}',
            '\u{E0001}',
            '\u{E0067}',
            '\u{E007F}',
        ]);
        prop_oneof![
            any::<String>(),
            prop::collection::vec(prop_oneof![any::<char>(), pointed], 0..24)
                .prop_map(|cs| cs.into_iter().collect::<String>()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Any text: accepted text satisfies the policy; anything else is
        /// refused with one of the policy's codes; nothing panics.
        #[test]
        fn any_text_is_accepted_in_policy_or_refused_with_its_code(text in any_text()) {
            match accept("text", &text) {
                Ok(t) => {
                    prop_assert!(check("text", &t).is_ok());
                    prop_assert!(!t.chars().any(is_bidi_control));
                    prop_assert!(!t.chars().any(|c| c.general_category() == GeneralCategory::Format
                        && c != ZWJ && c != ZWNJ && !is_direction_mark(c)));
                }
                Err(e) => prop_assert!(CODES.contains(&e.code), "{}", e.code),
            }
            if let Err(e) = check("text", &text) {
                prop_assert!(CODES.contains(&e.code));
            }
        }
    }
}
