//! The payloads of a negotiation's entries.

use serde::{Deserialize, Serialize};

use crate::blob::BlobRef;

/// `process.opened`: the secretariat opens a negotiation with its zero
/// draft, stored as a blob (Markdown, see [`super::markdown`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessOpened {
    pub title: String,
    /// SHA-256 of the Markdown draft.
    pub draft: BlobRef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalKind {
    ReplaceWords,
    InsertWords,
    DeleteWords,
    ReplaceProvision,
    InsertProvision,
    DeleteProvision,
}

impl ProposalKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProposalKind::ReplaceWords => "replace_words",
            ProposalKind::InsertWords => "insert_words",
            ProposalKind::DeleteWords => "delete_words",
            ProposalKind::ReplaceProvision => "replace_provision",
            ProposalKind::InsertProvision => "insert_provision",
            ProposalKind::DeleteProvision => "delete_provision",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            ProposalKind::ReplaceWords => "replace words",
            ProposalKind::InsertWords => "insert words",
            ProposalKind::DeleteWords => "delete words",
            ProposalKind::ReplaceProvision => "replace the provision",
            ProposalKind::InsertProvision => "insert a provision",
            ProposalKind::DeleteProvision => "delete the provision",
        }
    }
    pub fn on_words(self) -> bool {
        matches!(self, ProposalKind::ReplaceWords | ProposalKind::InsertWords | ProposalKind::DeleteWords)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    Before,
    After,
}

/// Quoted words of a provision, and which occurrence (from 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    pub quote: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurrence: Option<u32>,
}

/// `proposal.tabled`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposalTabled {
    pub process: u64,
    pub kind: ProposalKind,
    pub eid: String,
    /// The version the anchor quotes.
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<Anchor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// For a new article: its heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    pub justification: String,
}

/// Names a proposal: the payload of support, objection, co-sponsorship,
/// withdrawal, agreement and rejection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposalRef {
    pub process: u64,
    pub proposal: u64,
}

/// `proposal.reanchored`: the proposer anchors an outdated proposal again,
/// on the latest version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposalReanchored {
    pub process: u64,
    pub proposal: u64,
    pub version: u32,
    /// The words again, for a proposal on words; absent for a proposal to
    /// replace a whole provision, which its proposer confirms on the
    /// provision as it now stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<Anchor>,
}

/// `chair.text_tabled`: the chair replaces the competing options of one
/// bracket (the span the named proposals cover) with a compromise text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChairText {
    pub process: u64,
    pub eid: String,
    pub proposals: Vec<u64>,
    pub text: String,
}

/// `revision.issued`: the current version gets a name ("Rev.1").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevisionIssued {
    pub process: u64,
    pub name: String,
}

/// `process.symbol_set`: the secretariat gives a process its document
/// symbol ("A/AC.292/2026/L.1"), or changes it. Named revisions are
/// numbered after it ("A/AC.292/2026/L.1/Rev.1", see
/// [`super::Process::version_symbol`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SymbolSet {
    pub process: u64,
    pub symbol: String,
}

/// What a conference room paper reproduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaperKind {
    /// The rolling text: the latest version with every open proposal in
    /// brackets, and the members behind each option.
    RollingText,
    /// The compilation of proposals, article by article.
    Compilation,
}

impl PaperKind {
    /// `rolling_text` or `compilation`, as the record and the API write it.
    pub fn as_str(self) -> &'static str {
        match self {
            PaperKind::RollingText => "rolling_text",
            PaperKind::Compilation => "compilation",
        }
    }
}

/// `process.paper_issued`: the secretariat issues the rolling text or the
/// compilation of a process as a conference room paper under a document
/// symbol of its own ("A/AC.292/2026/CRP.1"). The paper is what the
/// process showed when the entry was recorded: the record up to the entry
/// (its index is the record's size then) reproduces it, and `version`
/// names the version it is on, which must be the latest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaperIssued {
    pub process: u64,
    pub kind: PaperKind,
    pub symbol: String,
    pub version: u32,
}
