//! The JSON shapes of consultations: what the API answers, and the
//! requests it reads.

use std::collections::BTreeMap;

use accord_domain::consultation::{Consultation, Moderation, Statement};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::http::time::rfc3339;
use crate::shared::EntryRef;

#[derive(Serialize, ToSchema)]
pub struct ConsultationSummary {
    pub id: u64,
    pub title: String,
    pub question: String,
    /// The process whose text is consulted on, or null.
    pub process: Option<u64>,
    /// The provisions consulted on (eIds); empty: the whole text.
    pub provisions: Vec<String>,
    /// RFC 3339, UTC.
    pub opened: String,
    pub open: bool,
    pub participants: usize,
    /// Statements shown (accepted), and waiting for moderation.
    pub statements: usize,
    pub pending: usize,
    /// Votes as they stand (a participant's later vote replaces the earlier).
    pub votes: usize,
    /// The index of the last entry that changed what the analysis reads.
    pub changed: u64,
}

impl ConsultationSummary {
    pub fn of(c: &Consultation) -> Self {
        ConsultationSummary {
            id: c.id,
            title: c.title.as_str().to_owned(),
            question: c.question.as_str().to_owned(),
            process: c.process,
            provisions: c.provisions.clone(),
            opened: rfc3339(c.time),
            open: c.is_open(),
            participants: c.participants.len(),
            statements: c.accepted().count(),
            pending: c.statements.iter().filter(|s| s.moderation == Moderation::Pending).count(),
            votes: c.latest.len(),
            changed: c.changed,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct StatementShape {
    /// Numbered from 1 in the consultation.
    pub id: u32,
    /// The text ("" for a participant's statement never accepted, whose
    /// text is not public; the secretariat reads it).
    pub text: String,
    /// SHA-256 of the text, which the record names.
    pub text_sha256: String,
    /// `pending`, `accepted` or `rejected`.
    pub moderation: String,
    /// The secretariat's (a seed) or a participant's.
    pub seeded: bool,
    /// The proposal it cites, if any.
    pub proposal: Option<u64>,
    pub agree: u32,
    pub disagree: u32,
    pub pass: u32,
}

#[derive(Serialize, ToSchema)]
pub struct ConsultationDetail {
    #[serde(flatten)]
    pub summary: ConsultationSummary,
    /// Accepted statements (and, for the secretariat, every statement).
    pub statement_list: Vec<StatementShape>,
    /// Analyses published in the record: record size and digest.
    pub published: Vec<PublishedShape>,
}

#[derive(Serialize, ToSchema)]
pub struct PublishedShape {
    pub entry: u64,
    pub record_size: u64,
    pub digest: String,
    /// The edition of the analysis engine that computed it (1: entries
    /// written before editions existed).
    pub engine: u32,
}

impl StatementShape {
    /// A statement with its votes (`tally`: [`Consultation::tally`]).
    pub fn of(s: &Statement, tally: &BTreeMap<u32, (u32, u32, u32)>) -> Self {
        let (agree, disagree, pass) = tally.get(&s.id).copied().unwrap_or_default();
        StatementShape {
            id: s.id,
            text: s.shown_text().to_owned(),
            text_sha256: s.text_sha256.clone(),
            moderation: s.moderation.as_str().to_owned(),
            seeded: s.author.is_none(),
            proposal: s.proposal,
            agree,
            disagree,
            pass,
        }
    }
}

pub fn detail(c: &Consultation, everything: bool) -> ConsultationDetail {
    let tally = c.tally();
    ConsultationDetail {
        summary: ConsultationSummary::of(c),
        statement_list: c
            .statements
            .iter()
            .filter(|s| everything || s.moderation == Moderation::Accepted)
            .map(|s| StatementShape::of(s, &tally))
            .collect(),
        published: c
            .published
            .iter()
            .map(|p| PublishedShape {
                entry: p.entry,
                record_size: p.record_size,
                digest: p.digest.clone(),
                engine: p.engine,
            })
            .collect(),
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenConsultationRequest {
    pub title: String,
    /// What participants are asked.
    pub question: String,
    #[serde(default)]
    pub process: Option<u64>,
    /// eIds of the process's latest version; absent or empty: the whole text.
    #[serde(default)]
    pub provisions: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ConsultationRecorded {
    pub consultation: ConsultationSummary,
    pub entry: EntryRef,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JoinRequest {
    /// One of `intergovernmental_organisation`, `ngo`, `private_sector`,
    /// `academia`, `technical_community`, `public`. A delegate (Bearer
    /// token) joins as `delegation` and may leave it out.
    #[serde(default)]
    pub category: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Joined {
    /// The pseudonym the record shows.
    pub participant: String,
    pub category: String,
    /// The participant key, when Accord made one for this request: keep it
    /// and send it as `X-Accord-Participant` to write and vote. Shown once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    pub entry: EntryRef,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsultationStatementRequest {
    pub text: String,
    /// For the secretariat's seeds: a proposal of the process the statement cites.
    #[serde(default)]
    pub proposal: Option<u64>,
}

#[derive(Serialize, ToSchema)]
pub struct StatementRecorded {
    pub statement: u32,
    /// `accepted` for the secretariat's seeds, `pending` for a participant's.
    pub moderation: String,
    pub entry: EntryRef,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ModerationRequest {
    pub accepted: bool,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsultationVoteRequest {
    pub statement: u32,
    /// `agree`, `disagree` or `pass`.
    pub vote: String,
}

#[derive(Serialize, ToSchema)]
pub struct Recorded {
    pub entry: EntryRef,
}

#[derive(Serialize, ToSchema)]
pub struct NextStatement {
    /// The next accepted statement this participant has not voted on, or null.
    pub statement: Option<StatementShape>,
    /// Accepted statements left to vote on, this one included.
    pub remaining: usize,
}

#[derive(Serialize, ToSchema)]
pub struct AnalysisPublishedShape {
    pub record_size: u64,
    pub digest: String,
    /// The edition of the analysis engine that computed it.
    pub engine: u32,
    pub entry: EntryRef,
}
