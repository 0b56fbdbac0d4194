//! A negotiation as the state holds it: processes, their versions and
//! proposals.

use std::collections::BTreeSet;
use std::sync::Arc;

use serde::Serialize;

use super::text::Instrument;
use super::{Anchor, Position, ProposalKind};
use crate::error::Refusal;
use crate::ids::{DelegateId, MemberCode};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Version {
    pub number: u32,
    /// "Zero draft", "Rev.1"...; internal versions have none.
    pub name: Option<String>,
    /// The entry that made it (and, for a named version, `named_entry`).
    pub entry: u64,
    pub time: i64,
    /// What made it, in words: "zero draft", "P-17 agreed", "chair's text".
    pub cause: String,
    pub named_entry: Option<u64>,
    /// The brackets and options of the rolling text when the next version
    /// replaced this one (`None` while it is the latest, whose counts are
    /// the rolling text's own): negotiators follow progress by them.
    /// Derived for display, so left out of the state's digest: a better
    /// way of counting must not change what old checkpoints commit to.
    #[serde(skip)]
    pub counts_at_end: Option<Counts>,
    #[serde(skip)]
    pub instrument: Arc<Instrument>,
}

/// How many brackets, and options in them, a rolling text has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub brackets: usize,
    pub options: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalStatus {
    Tabled,
    Withdrawn,
    Merged,
    Agreed,
    Rejected,
}

impl ProposalStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ProposalStatus::Tabled => "tabled",
            ProposalStatus::Withdrawn => "withdrawn",
            ProposalStatus::Merged => "merged",
            ProposalStatus::Agreed => "agreed",
            ProposalStatus::Rejected => "rejected",
        }
    }
}

/// Where a proposal acts on the current text: replace bytes `start..end` of
/// the provision's text by `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal {
    pub id: u64,
    pub kind: ProposalKind,
    pub eid: String,
    pub version: u32,
    pub anchor: Option<Anchor>,
    pub position: Option<Position>,
    pub text: Option<String>,
    pub heading: Option<String>,
    pub justification: String,
    pub proposer: MemberCode,
    pub tabled_by: DelegateId,
    pub entry: u64,
    pub time: i64,
    pub cosponsors: BTreeSet<MemberCode>,
    pub supporters: BTreeSet<MemberCode>,
    pub objectors: BTreeSet<MemberCode>,
    pub status: ProposalStatus,
    /// The entry that last changed the status.
    pub status_entry: Option<u64>,
    /// For proposals on words or on a whole provision's text: where it acts
    /// on the current text. `None` while outdated.
    pub edit: Option<Edit>,
    /// The anchor is no longer intact in the current text.
    pub outdated: bool,
    /// The version its agreement made.
    pub agreed_version: Option<u32>,
}

impl Proposal {
    pub fn is_open(&self) -> bool {
        self.status == ProposalStatus::Tabled
    }
    /// "P-17".
    pub fn label(&self) -> String {
        format!("P-{}", self.id)
    }
    /// The proposer and co-sponsors, then supporters.
    pub fn backers(&self) -> BTreeSet<MemberCode> {
        let mut m = self.cosponsors.clone();
        m.insert(self.proposer.clone());
        m.extend(self.supporters.iter().cloned());
        m
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Process {
    pub id: u64,
    pub title: String,
    pub entry: u64,
    pub time: i64,
    /// SHA-256 (hex) of the zero draft's Markdown.
    pub draft: String,
    pub versions: Vec<Version>,
    pub proposals: Vec<Proposal>,
    /// The version the adoption of the whole instrument froze, if adopted.
    pub adopted_version: Option<u32>,
    /// The index of the last entry that changed this process (its text,
    /// its proposals or the positions on them, by a negotiation entry or a
    /// decision): what it shows is a function of this, so views of it are
    /// kept until it changes, whatever else the record records meanwhile.
    pub changed: u64,
    /// The edition of the rules its forum follows (`Forum::edition`).
    pub edition: u32,
    /// Its document symbol ("A/AC.292/2026/L.1"), once the secretariat
    /// sets one (`process.symbol_set`). Left out of the state's digest
    /// while unset, so that records without symbols digest as before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// The conference room papers issued on it (`process.paper_issued`),
    /// in order. Left out of the state's digest while there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub papers: Vec<Paper>,
    /// The language its instrument is written in, the original that
    /// translations render ([`crate::translation::original_language`] of
    /// the forum when the process was opened). Derived from the record,
    /// so left out of what is serialised.
    #[serde(skip)]
    pub language: crate::ids::LanguageTag,
}

/// A conference room paper: the rolling text or the compilation of a
/// process as it stood when the secretariat issued it, under a document
/// symbol of its own ("A/AC.292/2026/CRP.1").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paper {
    /// Its number among the process's papers, from 1.
    pub number: u32,
    pub kind: super::PaperKind,
    pub symbol: String,
    /// The version it is on (the latest when issued).
    pub version: u32,
    /// The entry that issued it: the record's first `entry` entries
    /// reproduce what it shows.
    pub entry: u64,
    pub time: i64,
    /// `Process::changed` when it was issued: while the process's
    /// `changed` is still this, the paper is what the process shows.
    pub as_of: u64,
}

/// The longest document symbol, in characters.
pub const SYMBOL_MAX_CHARS: usize = 60;

/// Checks a document symbol: 1 to [`SYMBOL_MAX_CHARS`] characters among
/// `A`–`Z`, `a`–`z`, `0`–`9`, `/`, `.` and `-`, neither starting nor
/// ending with `/`, without `//`, each part holding a letter or a digit.
pub fn check_symbol(symbol: &str) -> Result<(), Refusal> {
    let invalid = |why: String| {
        Refusal::invalid("invalid_symbol", format!("the document symbol {symbol:?} {why}: e.g. A/AC.292/2026/L.1"))
    };
    if symbol.is_empty() {
        return Err(Refusal::invalid("invalid_symbol", "the document symbol is empty: e.g. A/AC.292/2026/L.1"));
    }
    if symbol.chars().count() > SYMBOL_MAX_CHARS {
        return Err(invalid(format!("has more than {SYMBOL_MAX_CHARS} characters")));
    }
    if let Some(c) = symbol.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(*c, '/' | '.' | '-'))) {
        return Err(invalid(format!("holds {c:?}: a symbol is written with A-Z, a-z, 0-9, /, . and -")));
    }
    if symbol.starts_with('/') || symbol.ends_with('/') {
        return Err(invalid("starts or ends with /".into()));
    }
    if symbol.contains("//") {
        return Err(invalid("holds an empty part (//)".into()));
    }
    // A part of dots and dashes alone (`..`) would read as a path step in
    // the document's IRIs.
    if symbol.split('/').any(|part| !part.chars().any(|c| c.is_ascii_alphanumeric())) {
        return Err(invalid("holds a part without a letter or digit".into()));
    }
    Ok(())
}

/// The form under which two symbols name the same documents: Akoma Ntoso
/// IRIs and file names write `/` as `-`, and symbols are compared without
/// case.
fn symbol_key(symbol: &str) -> String {
    symbol.to_ascii_lowercase().replace('/', "-")
}

/// Whether documents under `a` and under `b` could bear the same symbol:
/// the same symbol as IRIs write it, or one the other's revision
/// (`A/AC.1/L.6` and `A/AC.1/L.6/Rev.1`).
pub fn symbols_clash(a: &str, b: &str) -> bool {
    let (a, b) = (symbol_key(a), symbol_key(b));
    a == b || a.starts_with(&format!("{b}-")) || b.starts_with(&format!("{a}-"))
}

impl Process {
    pub fn latest(&self) -> &Version {
        self.versions.last().expect("a process has its zero draft")
    }
    pub fn version(&self, number: u32) -> Option<&Version> {
        number.checked_sub(1).and_then(|i| self.versions.get(i as usize))
    }
    /// A version by number ("3") or name ("Rev.1", "zero"); `None` for the
    /// latest.
    pub fn find_version(&self, key: Option<&str>) -> Result<&Version, Refusal> {
        let Some(key) = key.map(str::trim).filter(|k| !k.is_empty() && *k != "latest") else {
            return Ok(self.latest());
        };
        if let Ok(n) = key.parse::<u32>() {
            return self.version(n).ok_or_else(|| {
                Refusal::not_found(
                    "unknown_version",
                    format!("process {} has versions 1 to {}, not {n}", self.id, self.versions.len()),
                )
            });
        }
        let wanted = if key.eq_ignore_ascii_case("zero") { "Zero draft" } else { key };
        self.versions.iter().find(|v| v.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(wanted))).ok_or_else(
            || Refusal::not_found("unknown_version", format!("process {} has no version named {key:?}", self.id)),
        )
    }
    /// The document symbol of a version: the process's symbol for the
    /// zero draft, the symbol and `/Rev.N` for the `N`th revision named
    /// after it (`revision.issued`, in order), none for a version that
    /// was not named or while the process has no symbol. Derived, never
    /// recorded.
    pub fn version_symbol(&self, version: &Version) -> Option<String> {
        let symbol = self.symbol.as_deref()?;
        if version.number == 1 {
            return Some(symbol.to_owned());
        }
        version.name.as_ref()?;
        let n = self
            .versions
            .iter()
            .skip(1)
            .take_while(|v| v.number <= version.number)
            .filter(|v| v.name.is_some())
            .count();
        Some(format!("{symbol}/Rev.{n}"))
    }

    pub fn proposal(&self, id: u64) -> Result<&Proposal, Refusal> {
        id.checked_sub(1).and_then(|i| self.proposals.get(i as usize)).ok_or_else(|| {
            Refusal::not_found("unknown_proposal", format!("process {} has no proposal P-{id}", self.id))
        })
    }

    /// Its paper numbered `number` (from 1), or `unknown_paper`.
    pub fn paper(&self, number: u64) -> Result<&Paper, Refusal> {
        number.checked_sub(1).and_then(|i| self.papers.get(i as usize)).ok_or_else(|| {
            Refusal::not_found("unknown_paper", format!("process {} has no conference room paper {number}", self.id))
        })
    }

    /// The latest paper of `kind` when the process has not changed since
    /// it was issued: what the process shows is that paper.
    pub fn current_paper(&self, kind: super::PaperKind) -> Option<&Paper> {
        self.papers.iter().rev().find(|p| p.kind == kind).filter(|p| p.as_of == self.changed)
    }

    /// What the record commits to for this process, for the state digest.
    pub fn digest_value(&self) -> serde_json::Value {
        let mut value = serde_json::json!({
            "id": self.id,
            "title": self.title,
            "versions": self.versions.iter().map(|v| serde_json::json!({
                "number": v.number,
                "name": v.name,
                "text": hex::encode(v.instrument.digest()),
            })).collect::<Vec<_>>(),
            "proposals": self.proposals.iter().map(|p| serde_json::json!({
                "id": p.id,
                "status": p.status.as_str(),
                "outdated": p.outdated,
                "cosponsors": p.cosponsors,
                "supporters": p.supporters,
                "objectors": p.objectors,
            })).collect::<Vec<_>>(),
        });
        // Only when set: a record without symbols digests as before.
        if let Some(symbol) = &self.symbol {
            value["symbol"] = serde_json::Value::from(symbol.as_str());
        }
        // Likewise papers, once one is issued.
        if !self.papers.is_empty() {
            value["papers"] = serde_json::to_value(&self.papers).expect("papers serialise");
        }
        value
    }
}
