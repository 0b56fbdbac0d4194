//! Parallel language versions of a text: translations of an instrument's
//! provisions into the forum's other official languages.
//!
//! An instrument is written in one language, its *original*
//! ([`original_language`], kept as
//! [`crate::negotiation::Process::language`]); a translator records, provision
//! by provision, its words in another official language. In Akoma Ntoso's
//! terms the process is one work and each language one expression, aligned
//! by eId.
//!
//! - [`payloads`]: `translation.recorded`; `rules`: its check; `fold`: its
//!   fold (see [`crate::kinds`]).
//!
//! # Rules kept here
//! - Only an officer with the role `translator` records translations.
//! - A translation names the process, the version it translates (the
//!   process's current, latest, version: `wrong_version` otherwise), the
//!   provision by eId (`unknown_provision` when that version has none), the
//!   language (one of the forum's official languages other than the
//!   original: `unofficial_language`, `original_language`) and the text,
//!   which follows the Unicode policy as every text does (NFC, no
//!   bidirectional controls) and the rules of the instrument's own words
//!   (one line, single spaces).
//! - A provision's words are its text (recitals, paragraphs, points) or its
//!   heading (chapters and articles); a provision without words has
//!   nothing to translate.
//! - The state keeps, for each process, language and eId, the latest
//!   translation: its text and the version it translates. It is *current*
//!   while the provision's words in the latest version are those of the
//!   version translated; when a later version changes them it is out of
//!   date until a translation of the newer version is recorded.
//!   [`Translations::is_current`] decides it from the versions, so every
//!   way a text changes (a proposal agreed, a chair's text, a decision)
//!   marks translations out of date alike.
//! - A translation may instead name an open proposal (`proposal`): the
//!   proposal stays in the language it was tabled in, and carries the
//!   translation of its words, kept per proposal and language.

pub mod payloads;

pub(crate) mod fold;
pub(crate) mod rules;

pub use rules::check_language;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use serde::Serialize;

pub use payloads::*;

use crate::ids::{DelegateId, LanguageTag};
use crate::negotiation::text::Provision;
use crate::negotiation::Process;

/// The longest translation of a provision, in characters: the longest
/// provision's text and room for languages that take more words.
pub const TRANSLATION_MAX_CHARS: usize = 20_000;

/// One recorded translation: the words, the version of the original they
/// render, and who recorded them when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Translation {
    pub text: String,
    /// The version of the original it translates.
    pub version: u32,
    /// The entry that recorded it, and when (Unix ms).
    pub entry: u64,
    pub time: i64,
    pub translator: DelegateId,
}

/// Whether a provision's translation is there and up to date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// No translation recorded.
    Missing,
    /// A translation of an earlier wording: the provision changed since.
    Outdated,
    /// A translation of the provision as it now reads.
    Current,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Missing => "missing",
            Status::Outdated => "outdated",
            Status::Current => "current",
        }
    }
}

/// A provision of the current version with its translation into one
/// language: what a translator's page and a reader's view list.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub provision: &'a std::sync::Arc<Provision>,
    pub translation: Option<&'a Translation>,
    pub status: Status,
}

impl Row<'_> {
    /// The provision's words in the version last translated, when the
    /// translation is out of date: what the redline starts from.
    pub fn translated_words<'p>(&self, process: &'p Process) -> Option<&'p str> {
        let t = self.translation?;
        process.version(t.version)?.instrument.get(&self.provision.eid).map(|p| words(p))
    }
}

/// The translations of one process.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProcessTranslations {
    /// By language and eId: the latest translation of each provision.
    pub provisions: BTreeMap<(LanguageTag, String), Translation>,
    /// By proposal number and language: the latest translation of a
    /// proposal's words.
    pub proposals: BTreeMap<(u64, LanguageTag), Translation>,
}

/// Every process's translations, by process number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Translations {
    pub processes: BTreeMap<u64, ProcessTranslations>,
}

/// The language a process opened now is written in: English when it is
/// one of the forum's official languages (the working language of the
/// negotiations Accord serves, whatever the order the forum lists its
/// languages in), else the forum's first official language.
pub fn original_language(forum: Option<&crate::forum::Forum>) -> LanguageTag {
    let english = LanguageTag::parse("en").expect("a valid tag");
    match forum {
        Some(f) if !f.languages.contains(&english) => f.languages.first().cloned().unwrap_or(english),
        _ => english,
    }
}

/// The words of a provision a translation renders: its text, or for a
/// chapter or an article its heading.
pub fn words(provision: &Provision) -> &str {
    if provision.kind.has_text() {
        &provision.text
    } else {
        &provision.heading
    }
}

/// The words of a proposal a translation renders: its new text, else its
/// heading (a deletion has none).
pub fn proposal_words(proposal: &crate::negotiation::Proposal) -> &str {
    proposal.text.as_deref().filter(|t| !t.is_empty()).or(proposal.heading.as_deref()).unwrap_or_default()
}

impl Translations {
    /// The translations of process `process` (none recorded: empty).
    pub fn of(&self, process: u64) -> Option<&ProcessTranslations> {
        self.processes.get(&process)
    }

    /// The latest translation of provision `eid` of `process` into
    /// `language`.
    pub fn get(&self, process: u64, language: &LanguageTag, eid: &str) -> Option<&Translation> {
        self.of(process)?.provisions.get(&(language.clone(), eid.to_owned()))
    }

    /// The latest translation of proposal `proposal` of `process` into
    /// `language`.
    pub fn proposal(&self, process: u64, proposal: u64, language: &LanguageTag) -> Option<&Translation> {
        self.of(process)?.proposals.get(&(proposal, language.clone()))
    }

    /// Whether `translation` of provision `eid` renders its words as the
    /// latest version of `process` has them.
    pub fn is_current(process: &Process, eid: &str, translation: &Translation) -> bool {
        let Some(then) = process.version(translation.version).and_then(|v| v.instrument.get(eid)) else {
            return false;
        };
        process.latest().instrument.get(eid).is_some_and(|now| words(now) == words(then))
    }

    /// The status of provision `eid`'s translation into `language`.
    pub fn status(&self, process: &Process, language: &LanguageTag, eid: &str) -> Status {
        match self.get(process.id, language, eid) {
            None => Status::Missing,
            Some(t) if Self::is_current(process, eid, t) => Status::Current,
            Some(_) => Status::Outdated,
        }
    }

    /// Every provision of the current version of `process` that has
    /// words, in order, with its translation into `language` and its
    /// status.
    pub fn rows<'a>(&'a self, process: &'a Process, language: &LanguageTag) -> Vec<Row<'a>> {
        process
            .latest()
            .instrument
            .provisions
            .iter()
            .filter(|p| !words(p).is_empty())
            .map(|provision| {
                let translation = self.get(process.id, language, &provision.eid);
                let status = self.status(process, language, &provision.eid);
                Row { provision, translation, status }
            })
            .collect()
    }

    /// What the record commits to for the translations of `process`, for
    /// the state digest: every translation with the version it translates,
    /// whether it is current, and the entry that recorded it.
    pub fn digest_value(&self, process: &Process) -> Option<serde_json::Value> {
        let t = self.of(process.id)?;
        let provisions: Vec<serde_json::Value> = t
            .provisions
            .iter()
            .map(|((language, eid), tr)| {
                serde_json::json!({
                    "language": language,
                    "eid": eid,
                    "text": tr.text,
                    "version": tr.version,
                    "current": Self::is_current(process, eid, tr),
                    "entry": tr.entry,
                    "translator": tr.translator,
                })
            })
            .collect();
        let proposals: Vec<serde_json::Value> = t
            .proposals
            .iter()
            .map(|((proposal, language), tr)| {
                serde_json::json!({
                    "proposal": proposal,
                    "language": language,
                    "text": tr.text,
                    "entry": tr.entry,
                    "translator": tr.translator,
                })
            })
            .collect();
        Some(serde_json::json!({ "provisions": provisions, "proposals": proposals }))
    }
}
