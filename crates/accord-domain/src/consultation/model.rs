//! Consultations as the state holds them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::Refusal;
use crate::ids::{DisplayName, ParticipantId, Reason, StatementText};

/// Who a participant says they are, in categories only: the record keeps
/// no names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantCategory {
    /// A delegate of a member (the server knows it; the record says only this).
    Delegation,
    IntergovernmentalOrganisation,
    Ngo,
    PrivateSector,
    Academia,
    TechnicalCommunity,
    /// A member of the public.
    Public,
}

impl ParticipantCategory {
    /// The categories a person registering may choose (a delegate's is
    /// `delegation`, set by the server).
    pub const OPEN: [ParticipantCategory; 6] = [
        Self::IntergovernmentalOrganisation,
        Self::Ngo,
        Self::PrivateSector,
        Self::Academia,
        Self::TechnicalCommunity,
        Self::Public,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Delegation => "delegation",
            Self::IntergovernmentalOrganisation => "intergovernmental_organisation",
            Self::Ngo => "ngo",
            Self::PrivateSector => "private_sector",
            Self::Academia => "academia",
            Self::TechnicalCommunity => "technical_community",
            Self::Public => "public",
        }
    }

    /// In words, for pages.
    pub fn label(self) -> &'static str {
        match self {
            Self::Delegation => "delegation of a member",
            Self::IntergovernmentalOrganisation => "intergovernmental organisation",
            Self::Ngo => "non-governmental organisation",
            Self::PrivateSector => "private sector",
            Self::Academia => "academia and research",
            Self::TechnicalCommunity => "technical community",
            Self::Public => "member of the public",
        }
    }

    /// Parses a category a person registering chooses (not `delegation`).
    pub fn parse_open(input: &str) -> Result<Self, Refusal> {
        Self::OPEN.into_iter().find(|c| c.as_str() == input.trim()).ok_or_else(|| {
            Refusal::invalid(
                "invalid_category",
                format!(
                    "{:?} is not a category one registers with: one of {}",
                    input.chars().take(60).collect::<String>(),
                    Self::OPEN.map(Self::as_str).join(", ")
                ),
            )
        })
    }
}

/// A participant's vote on a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsultVote {
    Agree,
    Disagree,
    Pass,
}

impl ConsultVote {
    pub fn parse(input: &str) -> Result<Self, Refusal> {
        match input.trim() {
            "agree" => Ok(Self::Agree),
            "disagree" => Ok(Self::Disagree),
            "pass" => Ok(Self::Pass),
            other => Err(Refusal::invalid(
                "invalid_vote",
                format!("{:?} is not a vote: agree, disagree or pass", other.chars().take(40).collect::<String>()),
            )),
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Agree => "agree",
            Self::Disagree => "disagree",
            Self::Pass => "pass",
        }
    }
    /// As the analysis counts it: 1, -1, 0.
    pub fn value(self) -> i8 {
        match self {
            Self::Agree => 1,
            Self::Disagree => -1,
            Self::Pass => 0,
        }
    }
}

/// Where a statement stands in moderation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Moderation {
    Pending,
    Accepted,
    Rejected,
}

impl Moderation {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
        }
    }
}

/// A statement of a consultation, numbered from 1 in the consultation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statement {
    pub id: u32,
    /// The text, once public: a seed's at once, a participant's from its
    /// first acceptance (until then the record holds only its hash).
    pub text: Option<StatementText>,
    /// SHA-256 of the text, lowercase hex.
    pub text_sha256: String,
    /// Who wrote it: a participant, or `None` for the secretariat.
    pub author: Option<ParticipantId>,
    /// The proposal it cites (a seed drawn from a proposal).
    pub proposal: Option<u64>,
    pub moderation: Moderation,
    pub entry: u64,
    pub time: i64,
}

/// A participant of a consultation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Participant {
    /// Position in the order of joining, from 0: the row of the vote matrix.
    pub index: u32,
    pub category: ParticipantCategory,
    pub entry: u64,
}

/// One vote as recorded: participant row, statement id, vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RecordedVote {
    pub participant: u32,
    pub statement: u32,
    pub vote: ConsultVote,
}

/// An analysis published in the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Published {
    pub entry: u64,
    pub record_size: u64,
    pub digest: String,
    /// The engine's edition that computed it; left out of the digest's
    /// JSON when 1, so that older records' digests are what they were.
    #[serde(skip_serializing_if = "is_first_engine")]
    pub engine: u32,
}

fn is_first_engine(engine: &u32) -> bool {
    *engine == 1
}

/// A consultation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Consultation {
    pub id: u64,
    pub title: DisplayName,
    pub question: Reason,
    pub process: Option<u64>,
    pub provisions: Vec<String>,
    pub entry: u64,
    pub time: i64,
    /// The entry that closed it.
    pub closed: Option<u64>,
    pub statements: Vec<Statement>,
    pub participants: BTreeMap<ParticipantId, Participant>,
    /// Participants in the order they joined (`Participant::index`).
    pub order: Vec<ParticipantId>,
    /// Every vote in the order cast; a later vote of a participant on a
    /// statement replaces the earlier one.
    pub votes: Vec<RecordedVote>,
    /// The vote each participant holds now on each statement, by
    /// (participant row, statement id): derived from `votes`, so left out
    /// of the state digest.
    #[serde(skip)]
    pub latest: BTreeMap<(u32, u32), ConsultVote>,
    /// The index of the last entry that changed what the analysis reads
    /// (a statement, a moderation, a participant or a vote).
    pub changed: u64,
    pub published: Vec<Published>,
}

impl Statement {
    /// The text as shown ("" while only its hash is public).
    pub fn shown_text(&self) -> &str {
        self.text.as_ref().map_or("", StatementText::as_str)
    }
}

/// SHA-256 of a statement's text, lowercase hex: what a submission names.
pub fn text_sha256(text: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(text.as_bytes()))
}

impl Consultation {
    pub fn is_open(&self) -> bool {
        self.closed.is_none()
    }

    pub fn statement(&self, id: u32) -> Option<&Statement> {
        id.checked_sub(1).and_then(|i| self.statements.get(i as usize))
    }

    /// Statements shown to participants.
    pub fn accepted(&self) -> impl Iterator<Item = &Statement> {
        self.statements.iter().filter(|s| s.moderation == Moderation::Accepted)
    }

    /// The accepted statements a participant has not voted on yet, in order.
    pub fn unvoted_by(&self, participant: &ParticipantId) -> Vec<&Statement> {
        let Some(p) = self.participants.get(participant) else {
            return self.accepted().collect();
        };
        let voted: std::collections::BTreeSet<u32> =
            self.latest.range((p.index, 0)..=(p.index, u32::MAX)).map(|((_, s), _)| *s).collect();
        self.accepted().filter(|s| !voted.contains(&s.id)).collect()
    }

    /// Votes counted per statement now: (agree, disagree, pass).
    pub fn tally(&self) -> BTreeMap<u32, (u32, u32, u32)> {
        let mut t: BTreeMap<u32, (u32, u32, u32)> = BTreeMap::new();
        for ((_, s), v) in &self.latest {
            let e = t.entry(*s).or_default();
            match v.value() {
                1 => e.0 += 1,
                -1 => e.1 += 1,
                _ => e.2 += 1,
            }
        }
        t
    }
}
