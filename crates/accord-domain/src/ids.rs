//! Parsed values: each `parse` rejects bad input once, at the edge, with a
//! [`Refusal`] that says what is wrong; a value of these types is valid.
//!
//! Deserialising a stored value also requires its canonical form.
//! `MemberCode` is held inline (16 zero-padded bytes, ordered as one
//! big-endian number, which is the order of the strings): copying one
//! allocates nothing, and the map of members compares codes without
//! following pointers. `DisplayName` and `Reason` apply the Unicode policy
//! ([`crate::unicode`]) to what people type; `parse_recorded` reads the
//! record under the rule it was written with.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Refusal;

/// A string from the input, borrowed when the input allows it (a JSON
/// string without escapes), so that parsing it into a newtype copies it
/// once rather than twice.
fn borrowed_str<'de, D: Deserializer<'de>>(d: D) -> Result<std::borrow::Cow<'de, str>, D::Error> {
    struct Visitor;
    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = std::borrow::Cow<'de, str>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(std::borrow::Cow::Borrowed(v))
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(std::borrow::Cow::Owned(v.to_owned()))
        }
        fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(std::borrow::Cow::Owned(v))
        }
    }
    d.deserialize_str(Visitor)
}

macro_rules! string_newtype_serde {
    ($t:ty) => {
        string_newtype_serde!($t, <$t>::parse);
    };
    ($t:ty, $parse:expr) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                // Stored values must already be in their canonical form
                // (`parse` would normalise " bra " to "BRA"): an entry has
                // exactly one encoding.
                let s = borrowed_str(d)?;
                let v = ($parse)(&s).map_err(|r| serde::de::Error::custom(r.message))?;
                if v.as_str() != s {
                    return Err(serde::de::Error::custom(format!("{s:?} is not in canonical form")));
                }
                Ok(v)
            }
        }
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// A member's code: an ISO 3166-1 alpha-3 code for a state (`BRA`), or a
/// short code for an organisation (`ICRC`, `ISOC`). Upper-case ASCII letters,
/// digits and hyphens, starting with a letter, 2 to 16 characters. Whether a
/// code is an assigned ISO code is checked on admission, where the kind of
/// member is known.
///
/// Held inline (16 bytes, padded with zeros, no allocation): a code is
/// copied into every position, ballot and bracket that names its member,
/// and the state's map of members compares codes on every lookup. Zero
/// never occurs in a code, so comparing the padded bytes as one big-endian
/// number orders codes exactly as their strings.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct MemberCode([u8; 16]);

impl MemberCode {
    /// Parses a code; lower-case letters are accepted and upper-cased.
    pub fn parse(input: &str) -> Result<Self, Refusal> {
        let code = input.trim().as_bytes();
        let ok = (2..=16).contains(&code.len())
            && code[0].is_ascii_alphabetic()
            && code.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-');
        if ok {
            let mut bytes = [0u8; 16];
            for (to, from) in bytes.iter_mut().zip(code) {
                *to = from.to_ascii_uppercase();
            }
            Ok(Self(bytes))
        } else {
            Err(Refusal::invalid(
                "invalid_member_code",
                format!(
                    "{input:?} is not a member code: use an ISO 3166-1 alpha-3 code for a state \
                     (e.g. BRA) or 2 to 16 letters, digits and hyphens starting with a letter \
                     for an organisation (e.g. ICRC)"
                ),
            ))
        }
    }
    pub fn as_str(&self) -> &str {
        let len = self.0.iter().position(|b| *b == 0).unwrap_or(16);
        // Only ASCII letters, digits and hyphens are ever stored.
        std::str::from_utf8(&self.0[..len]).expect("a member code is ASCII")
    }
    fn key(&self) -> u128 {
        u128::from_be_bytes(self.0)
    }
}

impl Ord for MemberCode {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for MemberCode {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Debug for MemberCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MemberCode({:?})", self.as_str())
    }
}
string_newtype_serde!(MemberCode);

/// A delegate's stable identifier in the record: `D` followed by a number
/// (`D17`), given in order of accreditation. The record names delegates by
/// this id and their display name, never by contact details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DelegateId(pub u64);

impl DelegateId {
    pub fn parse(input: &str) -> Result<Self, Refusal> {
        input
            .strip_prefix('D')
            .filter(|n| !n.is_empty() && !n.starts_with('0') && n.len() <= 19 && n.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|n| n.parse::<u64>().ok())
            .map(Self)
            .ok_or_else(|| {
                Refusal::invalid(
                    "invalid_delegate_id",
                    format!("{input:?} is not a delegate id: expected D followed by a number, e.g. D17"),
                )
            })
    }
    pub fn as_str(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for DelegateId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "D{}", self.0)
    }
}

impl Serialize for DelegateId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
impl<'de> Deserialize<'de> for DelegateId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = borrowed_str(d)?;
        DelegateId::parse(&s).map_err(|r| serde::de::Error::custom(r.message))
    }
}

/// An e-mail address used to log in. Kept in private tables, never in the
/// record. Stored lower-case; the check is deliberately simple (one `@`, a
/// dotted domain, no spaces), since the real check is that mail arrives.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Self, Refusal> {
        let email = input.trim().to_lowercase();
        let valid = email.len() <= 254
            && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            && match email.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && local.len() <= 64
                        && !domain.contains('@')
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                        && !domain.contains("..")
                }
                None => false,
            };
        if valid {
            Ok(Self(email))
        } else {
            Err(Refusal::invalid("invalid_email", format!("{input:?} is not an e-mail address, e.g. name@example.org")))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}
string_newtype_serde!(Email);

/// A name as shown to people: a member's name, a delegate's display name, a
/// forum's name. Trimmed, 1 to 200 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DisplayName(String);

impl DisplayName {
    /// Parses a name a person gives: the rules below, and the Unicode
    /// policy ([`crate::unicode`]), in NFC.
    pub fn parse(input: &str) -> Result<Self, Refusal> {
        let name = Self::parse_recorded(input)?;
        let normalised = crate::unicode::accept("name", name.as_str())?;
        if normalised == name.as_str() {
            Ok(name)
        } else {
            Self::parse_recorded(&normalised)
        }
    }

    /// Parses a name as the record holds it, under the rules every edition
    /// shares; the Unicode policy applies to entries of edition 3 and later
    /// (`State::apply`), so that older records open as written.
    pub fn parse_recorded(input: &str) -> Result<Self, Refusal> {
        let name = input.trim();
        if name.is_empty() {
            return Err(Refusal::invalid("invalid_name", "the name is empty: give a name"));
        }
        // Most names are ASCII: counted and checked byte by byte.
        let (length, control) = if name.is_ascii() {
            (name.len(), name.bytes().any(|b| b.is_ascii_control()))
        } else {
            (name.chars().count(), name.chars().any(char::is_control))
        };
        if length > 200 {
            return Err(Refusal::invalid("invalid_name", "the name is longer than 200 characters"));
        }
        if control {
            return Err(Refusal::invalid(
                "invalid_name",
                "the name contains control characters (line breaks, tabs): remove them",
            ));
        }
        Ok(Self(name.to_owned()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}
string_newtype_serde!(DisplayName, DisplayName::parse_recorded);

/// A free-text reason or note recorded with an entry (why a member was
/// suspended, why an accreditation was withdrawn): up to 2,000 characters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reason(String);

impl Reason {
    /// Parses a reason a person gives: the rules below, and the Unicode
    /// policy ([`crate::unicode`]), in NFC.
    pub fn parse(input: &str) -> Result<Self, Refusal> {
        let reason = Self::parse_recorded(input)?;
        let normalised = crate::unicode::accept("reason", reason.as_str())?;
        if normalised == reason.as_str() {
            Ok(reason)
        } else {
            Self::parse_recorded(&normalised)
        }
    }

    /// Parses a reason as the record holds it (see
    /// [`DisplayName::parse_recorded`]).
    pub fn parse_recorded(input: &str) -> Result<Self, Refusal> {
        let text = input.trim();
        if text.chars().count() > 2000 {
            return Err(Refusal::invalid("invalid_reason", "the reason is longer than 2,000 characters"));
        }
        if text.chars().any(|c| c.is_control() && c != '\n') {
            return Err(Refusal::invalid("invalid_reason", "the reason contains control characters"));
        }
        Ok(Self(text.to_owned()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}
string_newtype_serde!(Reason, Reason::parse_recorded);

/// A language tag for the forum's official languages: a two- or
/// three-letter ISO 639 code, optionally with a script or region subtag
/// (`en`, `zh`, `zh-Hans`, `pt-BR`). The six UN languages are `ar`, `zh`,
/// `en`, `fr`, `ru`, `es`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LanguageTag(String);

impl LanguageTag {
    pub fn parse(input: &str) -> Result<Self, Refusal> {
        let tag = input.trim();
        let mut parts = tag.split('-');
        let primary = parts.next().unwrap_or_default();
        let primary_ok = (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase());
        let rest: Vec<&str> = parts.collect();
        let rest_ok = rest.len() <= 2
            && rest.iter().all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
        if primary_ok && rest_ok {
            Ok(Self(tag.to_owned()))
        } else {
            Err(Refusal::invalid(
                "invalid_language",
                format!("{input:?} is not a language tag such as en, fr, zh or pt-BR"),
            ))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The six official languages of the United Nations.
    pub fn un_languages() -> Vec<LanguageTag> {
        ["ar", "zh", "en", "fr", "ru", "es"].iter().map(|t| LanguageTag(t.to_string())).collect()
    }
}
string_newtype_serde!(LanguageTag);

/// A consultation participant's pseudonym in the record: 32 lowercase
/// hexadecimal digits, derived by the server from a secret only the
/// participant (or, for a delegate, the server) holds, one per consultation,
/// so that the record never links a participant to a name, an address or
/// their participation elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ParticipantId(String);

impl ParticipantId {
    pub fn parse(input: &str) -> Result<Self, Refusal> {
        if input.len() == 32 && input.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            Ok(Self(input.to_owned()))
        } else {
            Err(Refusal::invalid(
                "invalid_participant",
                format!(
                    "{:?} is not a participant id (32 lowercase hexadecimal digits)",
                    input.chars().take(40).collect::<String>()
                ),
            ))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}
string_newtype_serde!(ParticipantId);

/// A statement of a consultation: what participants vote agree, disagree or
/// pass on. Trimmed, 1 to 500 characters, on one line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StatementText(String);

impl StatementText {
    /// Parses a statement a person writes: the rules below, and the Unicode
    /// policy ([`crate::unicode`]), in NFC; runs of spaces become one
    /// space, so that the same words spaced otherwise are the same
    /// statement (duplicates are found letter case aside); a statement
    /// made only of combining marks, or whose characters carry more than
    /// [`STATEMENT_MAX_MARKS`] of them ("Zalgo" text, which smears over the
    /// lines around it), is refused.
    pub fn parse(input: &str) -> Result<Self, Refusal> {
        let text = Self::parse_recorded(&collapse_spaces(input))?;
        let normalised = crate::unicode::accept("statement", text.as_str())?;
        let text = if normalised == text.as_str() { text } else { Self::parse_recorded(&normalised)? };
        check_marks(text.as_str())?;
        Ok(text)
    }

    /// Parses a statement as the record holds it.
    pub fn parse_recorded(input: &str) -> Result<Self, Refusal> {
        let text = input.trim();
        if text.is_empty() {
            return Err(Refusal::invalid("invalid_statement", "the statement is empty: write one"));
        }
        if text.chars().count() > 500 {
            return Err(Refusal::invalid(
                "invalid_statement",
                "the statement is longer than 500 characters: a statement is one short point to agree or disagree with",
            ));
        }
        if text.chars().any(char::is_control) {
            return Err(Refusal::invalid(
                "invalid_statement",
                "the statement contains control characters (line breaks, tabs): write it on one line",
            ));
        }
        Ok(Self(text.to_owned()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}
string_newtype_serde!(StatementText, StatementText::parse_recorded);

/// The most combining marks (accents, vowel signs…) one character of a
/// statement carries: enough for every script's usual stacks (Vietnamese,
/// Arabic vowelling, Hebrew points, Tibetan stacks), far below "Zalgo"
/// text's dozens.
pub const STATEMENT_MAX_MARKS: usize = 8;

/// Runs of two or more spaces (any space that is not a control character)
/// as one ASCII space; single spaces as they are.
fn collapse_spaces(input: &str) -> std::borrow::Cow<'_, str> {
    let spacey = |c: char| c.is_whitespace() && !c.is_control();
    let chars: Vec<char> = input.chars().collect();
    if !chars.windows(2).any(|w| spacey(w[0]) && spacey(w[1])) {
        return std::borrow::Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len());
    let mut i = 0;
    while i < chars.len() {
        if spacey(chars[i]) && chars.get(i + 1).is_some_and(|c| spacey(*c)) {
            out.push(' ');
            while chars.get(i).is_some_and(|c| spacey(*c)) {
                i += 1;
            }
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Refuses a statement of combining marks only, or with a character
/// carrying more than [`STATEMENT_MAX_MARKS`] of them.
fn check_marks(text: &str) -> Result<(), Refusal> {
    use unicode_normalization::char::is_combining_mark;
    if text.is_ascii() {
        return Ok(());
    }
    if text.chars().all(|c| is_combining_mark(c) || c.is_whitespace()) {
        return Err(Refusal::invalid(
            "statement_only_marks",
            "the statement holds only combining marks (accents with no letter under them): write words",
        ));
    }
    let mut run = 0;
    for (at, c) in text.chars().enumerate() {
        run = if is_combining_mark(c) { run + 1 } else { 0 };
        if run > STATEMENT_MAX_MARKS {
            return Err(Refusal::invalid(
                "too_many_combining_marks",
                format!(
                    "the statement stacks more than {STATEMENT_MAX_MARKS} combining marks on one character (at \
                     character {}): write the text without the stacked marks",
                    at + 1 - run
                ),
            ));
        }
    }
    Ok(())
}

/// A password chosen by a person: 12 to 1,024 characters. Never stored or
/// logged in clear; the store keeps an argon2id hash in a private table.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(input: &str) -> Result<Self, Refusal> {
        let n = input.chars().count();
        if n < 12 {
            return Err(Refusal::invalid(
                "weak_password",
                "the password is shorter than 12 characters: a short sentence is easy to remember and hard to guess",
            ));
        }
        if n > 1024 {
            return Err(Refusal::invalid("invalid_password", "the password is longer than 1,024 characters"));
        }
        Ok(Self(input.to_owned()))
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_codes() {
        assert_eq!(MemberCode::parse(" bra ").unwrap().as_str(), "BRA");
        assert_eq!(MemberCode::parse("ICRC").unwrap().as_str(), "ICRC");
        for bad in ["", "B", "1AB", "A B", "ÉTAT", "ABCDEFGHIJKLMNOPQ", "A_B"] {
            assert!(MemberCode::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn delegate_ids() {
        assert_eq!(DelegateId::parse("D17").unwrap(), DelegateId(17));
        assert_eq!(DelegateId(17).to_string(), "D17");
        for bad in ["", "D", "17", "D017", "d17", "D1x", "D99999999999999999999"] {
            assert!(DelegateId::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn emails() {
        assert_eq!(Email::parse(" Ana@Example.ORG ").unwrap().as_str(), "ana@example.org");
        for bad in
            ["", "ana", "ana@", "@example.org", "ana@example", "a b@example.org", "a@b@example.org", "ana@example..org"]
        {
            assert!(Email::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn names_and_languages() {
        assert_eq!(DisplayName::parse("  Côte d'Ivoire ").unwrap().as_str(), "Côte d'Ivoire");
        assert!(DisplayName::parse("   ").is_err());
        assert!(DisplayName::parse("a\nb").is_err());
        assert!(LanguageTag::parse("zh-Hans").is_ok());
        assert!(LanguageTag::parse("EN").is_err());
        assert!(NewPassword::parse("short").is_err());
        assert!(NewPassword::parse("correct horse battery").is_ok());
    }
}
