//! The payloads of the entries of meetings and decisions.

use serde::{Deserialize, Serialize};

use super::{Majority, Rules};
use crate::ids::MemberCode;

/// `rules.changed`: the forum's rules, or one process's (`process`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesChanged {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub process: Option<u64>,
    pub rules: Rules,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionOpened {
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingScheduled {
    pub session: u64,
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    pub place: String,
}

/// `attendance.registered`: the actor's delegation is present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttendanceRegistered {
    pub meeting: u64,
}

/// `attendance.corrected`: the secretariat corrects the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttendanceCorrected {
    pub meeting: u64,
    pub member: MemberCode,
    pub present: bool,
}

/// `meeting.opened` and `meeting.closed`: the chair opens a meeting (the
/// quorum to open must be present) and closes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingRef {
    pub meeting: u64,
}

/// `question.designated_important`: the chair records that a question —
/// a provision (and so every amendment to it and to what it contains), a
/// proposal, or the whole instrument — is important: votes on it, and on
/// amendments to it, need the rules' `important_majority`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportantQuestion {
    pub process: u64,
    pub target: Target,
}

/// `agenda.item_added`: an item (or a sub-item of `parent`) of a meeting's agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItemAdded {
    pub meeting: u64,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FloorKind {
    /// A point of order: it goes ahead of the list.
    PointOfOrder,
    /// A place on the list of speakers.
    Statement,
    /// A right of reply: at the end of the item.
    RightOfReply,
}

/// `floor.requested`: a delegation asks for the floor on an agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FloorRequested {
    pub meeting: u64,
    pub item: u32,
    pub kind: FloorKind,
}

/// `floor.given`: the chair calls the next speaker on an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FloorGiven {
    pub meeting: u64,
    pub item: u32,
}

/// `floor.withdrawn`: a delegation takes its request back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FloorWithdrawn {
    pub meeting: u64,
    pub item: u32,
    pub request: u32,
}

/// `speaking_time.set`: the chair limits speaking time on an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeakingTimeSet {
    pub meeting: u64,
    pub item: u32,
    /// Seconds; absent for no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<u32>,
}

/// `statement.delivered`: the text (or a file, as a blob) of a turn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementDelivered {
    pub meeting: u64,
    pub item: u32,
    pub request: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<crate::blob::BlobRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
}

/// What a decision is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Target {
    Proposal(u64),
    Provision(String),
    Instrument,
}

impl Target {
    pub fn label(&self) -> String {
        match self {
            Target::Proposal(p) => format!("P-{p}"),
            Target::Provision(e) => crate::negotiation::text::label_of(e),
            Target::Instrument => "the instrument".into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    Yes,
    No,
    Abstain,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoteOpened {
    pub process: u64,
    pub target: Target,
    pub majority: Majority,
    pub meeting: u64,
    /// The version of the text the question is put on: the latest when
    /// it is put. Absent in records of editions 1 and 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BallotCast {
    pub vote: u64,
    pub choice: Choice,
}

/// An explanation of vote, before the vote closes or after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoteExplained {
    pub vote: u64,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoteRef {
    pub vote: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsensusProposed {
    pub process: u64,
    pub target: Target,
    pub meeting: u64,
    /// Agreed ad referendum: subject to confirmation by capitals.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ad_referendum: bool,
    /// The version of the text the question is put on (see [`VoteOpened::version`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsensusObjected {
    pub consensus: u64,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsensusRef {
    pub consensus: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionRef {
    pub decision: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SilenceStarted {
    pub process: u64,
    pub target: Target,
    /// Unix milliseconds.
    pub deadline: i64,
    /// The version of the text the question is put on (see [`VoteOpened::version`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SilenceBroken {
    pub silence: u64,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SilenceRef {
    pub silence: u64,
}
