//! What consultation entries hold.

use serde::{Deserialize, Serialize};

use super::model::{ConsultVote, ParticipantCategory};
use crate::ids::{DisplayName, ParticipantId, Reason, StatementText};

/// `consultation.opened`: the secretariat opens a consultation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsultationOpened {
    pub title: DisplayName,
    /// What participants are asked, shown above the statements.
    pub question: Reason,
    /// The process whose text is consulted on, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub process: Option<u64>,
    /// The provisions consulted on (eIds of the process's latest version);
    /// empty: the whole text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provisions: Vec<String>,
}

/// `consultation.statement_seeded`: the secretariat adds a statement,
/// shown at once; it may cite a proposal of the consultation's process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementSeeded {
    pub consultation: u64,
    pub text: StatementText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<u64>,
}

/// `consultation.participant_joined`: a participant joins, under a
/// pseudonym, with the category they declared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParticipantJoined {
    pub consultation: u64,
    pub participant: ParticipantId,
    pub category: ParticipantCategory,
}

/// `consultation.statement_submitted`: a participant writes a statement;
/// it waits for moderation. The record holds only the SHA-256 of its text
/// (lowercase hex): the text itself waits in the server's private tables
/// and enters the record with its acceptance, so that a statement the
/// secretariat rejects (abuse, someone's personal data) is never published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementSubmitted {
    pub consultation: u64,
    pub participant: ParticipantId,
    pub text_sha256: String,
}

/// `consultation.statement_moderated`: the secretariat accepts or rejects
/// a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementModerated {
    pub consultation: u64,
    pub statement: u32,
    pub accepted: bool,
    /// The text of a participant's statement accepted for the first time,
    /// whose SHA-256 its submission named; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<StatementText>,
}

/// `consultation.vote_cast`: a participant's vote on a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsultVoteCast {
    pub consultation: u64,
    pub participant: ParticipantId,
    pub statement: u32,
    pub vote: ConsultVote,
}

/// `consultation.closed` names the consultation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsultationRef {
    pub consultation: u64,
}

/// `consultation.analysis_published`: the analysis of the consultation as
/// the record stood at `record_size` entries, named by the SHA-256 of its
/// result (lowercase hex) as `accord-consult` writes it, and the edition
/// of the engine that computed it ([`super::analysis::ENGINE`]; absent in
/// entries written before editions existed, which name edition 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnalysisPublished {
    pub consultation: u64,
    pub record_size: u64,
    pub digest: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engine: Option<u32>,
}
