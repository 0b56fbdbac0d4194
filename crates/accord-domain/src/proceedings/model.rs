//! Rules of procedure, sessions, meetings and decisions as the state holds
//! them, and the tally of a vote.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{Choice, FloorKind, Target};
use crate::error::Refusal;
use crate::ids::MemberCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Majority {
    /// More yes than no among those present and voting.
    Simple,
    /// At least two thirds of those present and voting.
    TwoThirds,
}

impl Majority {
    /// `simple` or `two-thirds`, as a chair says it.
    pub fn label(self) -> &'static str {
        match self {
            Majority::Simple => "simple",
            Majority::TwoThirds => "two-thirds",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Abstentions {
    /// Abstaining members are not "present and voting" (GA rule 126).
    NotCounted,
    /// Abstentions count among the votes cast.
    Counted,
}

/// A share of the members (status `member`): `numerator / denominator`,
/// reached with at least that share, or with more than it when `more_than`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Share {
    pub numerator: u32,
    pub denominator: u32,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub more_than: bool,
}

impl Share {
    /// The fewest members that reach this share of `of`.
    pub fn of(&self, of: usize) -> usize {
        let (n, d, of) = (self.numerator as u64, self.denominator as u64, of as u64);
        let exact = of * n;
        let at_least = exact.div_ceil(d);
        (if self.more_than && exact % d == 0 { at_least + 1 } else { at_least }) as usize
    }
}

/// The largest integer an entry holds (2^53 − 1, exact in every JSON
/// reader): ids and indexes are at most this.
pub const MAX_INTEGER: u64 = crate::canonical::MAX_SAFE_INTEGER;

/// The longest silence procedure, in hours (a year): the rules' minimum
/// and, from edition 3, a procedure's deadline after its start.
pub const SILENCE_MAX_HOURS: u32 = 24 * 365;

/// The longest speaking time, in seconds (an hour), from edition 3.
pub const SPEAKING_MAX_SECONDS: u32 = 3_600;

/// The largest denominator of a quorum's share, from edition 3.
pub const SHARE_MAX_DENOMINATOR: u32 = 1_000;

/// The rules of procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// The majority of a vote unless it is on an important question.
    pub majority: Majority,
    /// The majority for important questions and amendments to them.
    pub important_majority: Majority,
    pub abstentions: Abstentions,
    /// Members present needed to open a meeting.
    pub meeting_quorum: Share,
    /// Members present needed to take a decision.
    pub decision_quorum: Share,
    /// The shortest silence procedure, in hours.
    pub silence_min_hours: u32,
    /// Whether the chair (or a co-facilitator) may agree a proposal into
    /// the text, or reject it, on their own — as in informal consultations,
    /// the text being adopted later by a decision. When false, members'
    /// proposals go into the text or out of it only by a decision
    /// (consensus or a vote in a meeting, or a silence procedure). The
    /// chair's compromise texts and revisions remain the chair's.
    /// Written only when false, so that rules recorded before it existed
    /// keep their bytes.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub informal_agreement: bool,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

impl Default for Rules {
    /// UN General Assembly practice: simple majority, two thirds for
    /// important questions, abstentions not counted, a third of the members
    /// to open a meeting, a majority of them to decide, 72 hours of silence.
    fn default() -> Self {
        Rules {
            majority: Majority::Simple,
            important_majority: Majority::TwoThirds,
            abstentions: Abstentions::NotCounted,
            meeting_quorum: Share { numerator: 1, denominator: 3, more_than: false },
            decision_quorum: Share { numerator: 1, denominator: 2, more_than: true },
            silence_min_hours: 72,
            informal_agreement: true,
        }
    }
}

impl Rules {
    pub(crate) fn check(&self) -> Result<(), Refusal> {
        for (what, s) in [("meeting quorum", self.meeting_quorum), ("decision quorum", self.decision_quorum)] {
            if s.denominator == 0 || s.numerator > s.denominator {
                return Err(Refusal::invalid("invalid_rules", format!("the {what} is a share between 0 and 1")));
            }
        }
        for (what, s) in [("meeting quorum", self.meeting_quorum), ("decision quorum", self.decision_quorum)] {
            if s.numerator == 0 && !s.more_than {
                return Err(Refusal::invalid("invalid_rules", format!("a {what} of no member is no quorum")));
            }
        }
        if self.majority == Majority::TwoThirds && self.important_majority == Majority::Simple {
            return Err(Refusal::invalid(
                "invalid_rules",
                "important questions cannot need less than the ordinary majority (two thirds)",
            ));
        }
        if self.silence_min_hours > SILENCE_MAX_HOURS {
            return Err(Refusal::invalid(
                "invalid_rules",
                format!("silence_min_hours must be between 0 and {SILENCE_MAX_HOURS} (a year)"),
            ));
        }
        Ok(())
    }

    /// The ranges edition 3 adds: a quorum's denominator at most
    /// [`SHARE_MAX_DENOMINATOR`].
    pub(crate) fn check_ranges(&self) -> Result<(), Refusal> {
        for (what, s) in [("meeting_quorum", self.meeting_quorum), ("decision_quorum", self.decision_quorum)] {
            if s.denominator > SHARE_MAX_DENOMINATOR {
                return Err(Refusal::unprocessable(
                    "out_of_range",
                    format!("the denominator of {what} must be between 1 and {SHARE_MAX_DENOMINATOR}"),
                ));
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Session {
    pub id: u64,
    pub title: String,
    pub entry: u64,
    pub meetings: Vec<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meeting {
    pub id: u64,
    pub session: u64,
    /// Its number within the session, from 1.
    pub number: u32,
    pub date: String,
    pub place: String,
    pub entry: u64,
    pub present: BTreeSet<MemberCode>,
    /// Agenda items, in order (sub-items after their parent).
    pub agenda: Vec<AgendaItem>,
    /// The entry by which the chair opened the meeting (with the quorum
    /// to open present), and the one that closed it.
    pub opened: Option<u64>,
    pub closed: Option<u64>,
}

impl Meeting {
    /// Opened and not yet closed: questions may be put to it.
    pub fn is_open(&self) -> bool {
        self.opened.is_some() && self.closed.is_none()
    }

    /// `scheduled`, `open` or `closed`.
    pub fn status(&self) -> &'static str {
        match (self.opened, self.closed) {
            (_, Some(_)) => "closed",
            (Some(_), None) => "open",
            (None, None) => "scheduled",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgendaItem {
    /// From 1 within the meeting.
    pub number: u32,
    /// "3" or "3 (b)".
    pub label: String,
    pub title: String,
    pub parent: Option<u32>,
    pub speaking_time: Option<u32>,
    /// Requests for the floor, in the order made (numbered from 1).
    pub requests: Vec<FloorRequest>,
    /// The request that has the floor.
    pub speaking: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FloorRequest {
    pub number: u32,
    pub member: MemberCode,
    pub kind: FloorKind,
    pub entry: u64,
    /// waiting, speaking, spoke or withdrawn.
    pub status: &'static str,
    /// When the chair gave the floor (Unix ms).
    pub given: Option<i64>,
    /// The speaking time in force when the floor was given, in seconds.
    pub limit: Option<u32>,
    pub statement: Option<String>,
    /// A file statement: hex SHA-256 and its name.
    pub file: Option<(String, String)>,
}

impl AgendaItem {
    /// The speakers still waiting, in the order the chair will call them:
    /// points of order first, then the list, rights of reply at the end.
    pub fn queue(&self) -> Vec<&FloorRequest> {
        let mut q: Vec<&FloorRequest> = self.requests.iter().filter(|r| r.status == "waiting").collect();
        q.sort_by_key(|r| (r.kind, r.number));
        q
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    Consensus,
    Silence,
    Vote,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Adopted,
    /// Consensus with the words "ad referendum": adopted once confirmed.
    AgreedAdReferendum,
    /// A vote that failed, consensus blocked by an objection, or silence broken.
    NotAdopted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub yes: usize,
    pub no: usize,
    pub abstain: usize,
    pub present_and_voting: usize,
    pub required: usize,
    pub adopted: bool,
}

/// Counts a vote under the rules.
pub fn tally(yes: usize, no: usize, abstain: usize, majority: Majority, abstentions: Abstentions) -> Tally {
    let present_and_voting = yes + no + if abstentions == Abstentions::Counted { abstain } else { 0 };
    let required = match majority {
        Majority::Simple => present_and_voting / 2 + 1,
        Majority::TwoThirds => (2 * present_and_voting).div_ceil(3),
    };
    let adopted = present_and_voting > 0 && yes >= required;
    Tally { yes, no, abstain, present_and_voting, required, adopted }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub id: u64,
    pub process: u64,
    pub method: Method,
    pub target: Target,
    pub outcome: Outcome,
    /// The entry that recorded it.
    pub entry: u64,
    pub time: i64,
    pub meeting: Option<u64>,
    /// The vote, consensus or silence procedure it concluded.
    pub procedure: u64,
    pub tally: Option<Tally>,
    /// Members that objected (consensus) or broke silence, with reasons.
    pub objections: Vec<(MemberCode, String)>,
    /// For an ad referendum agreement: the entry that confirmed it.
    pub confirmed_entry: Option<u64>,
    /// The version of the text the question was put on, when the record
    /// names it (edition 3 on).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    /// For a decision that adopted the whole instrument (once confirmed,
    /// if taken ad referendum): the version adopted, when the question
    /// named its version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adopted_version: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Vote {
    pub id: u64,
    pub process: u64,
    pub target: Target,
    pub majority: Majority,
    pub meeting: u64,
    pub entry: u64,
    pub ballots: BTreeMap<MemberCode, Choice>,
    /// Explanations of vote: (member, before closing?, text, entry).
    pub explanations: Vec<(MemberCode, bool, String, u64)>,
    pub closed: Option<u64>,
    pub decision: Option<u64>,
    /// The version of the text the question is put on, when the record names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Consensus {
    pub id: u64,
    pub process: u64,
    pub target: Target,
    pub meeting: u64,
    pub ad_referendum: bool,
    pub entry: u64,
    pub objections: Vec<(MemberCode, String)>,
    pub decision: Option<u64>,
    /// The version of the text the question is put on, when the record names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Silence {
    pub id: u64,
    pub process: u64,
    pub target: Target,
    pub deadline: i64,
    pub entry: u64,
    pub broken: Option<(MemberCode, String, u64)>,
    pub decision: Option<u64>,
    /// The version of the text the question is put on, when the record names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
}

/// Everything of meetings and decisions, kept in [`crate::state::State`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Proceedings {
    pub rules: Rules,
    pub process_rules: BTreeMap<u64, Rules>,
    pub sessions: Vec<Session>,
    pub meetings: Vec<Meeting>,
    pub votes: Vec<Vote>,
    pub consensus: Vec<Consensus>,
    pub silences: Vec<Silence>,
    pub decisions: Vec<Decision>,
    /// Questions designated important: process, target, entry.
    pub important: Vec<(u64, Target, u64)>,
}

pub(crate) fn nth<'a, T>(items: &'a [T], id: u64, what: &str) -> Result<&'a T, Refusal> {
    id.checked_sub(1)
        .and_then(|i| items.get(i as usize))
        .ok_or_else(|| Refusal::not_found("not_found", format!("there is no {what} {id}")))
}

impl Proceedings {
    pub fn rules_for(&self, process: u64) -> &Rules {
        self.process_rules.get(&process).unwrap_or(&self.rules)
    }

    /// The designation that makes a question on `target` important, if
    /// one does: the target itself, the whole instrument, or for a
    /// provision or a proposal, the provision it is in or amends (eIds
    /// nest: `art_5__para_2` is within `art_5`).
    pub fn important_designation(
        &self,
        process: u64,
        target: &Target,
        proposal_eid: Option<&str>,
    ) -> Option<&(u64, Target, u64)> {
        let within = |eid: &str, outer: &str| eid == outer || eid.starts_with(&format!("{outer}__"));
        self.important.iter().filter(|(p, _, _)| *p == process).find(|(_, t, _)| match (t, target) {
            (Target::Instrument, _) => true,
            (Target::Proposal(a), Target::Proposal(b)) => a == b,
            (Target::Provision(outer), Target::Provision(eid)) => within(eid, outer),
            (Target::Provision(outer), Target::Proposal(_)) => proposal_eid.is_some_and(|eid| within(eid, outer)),
            _ => false,
        })
    }

    pub fn meeting(&self, id: u64) -> Result<&Meeting, Refusal> {
        nth(&self.meetings, id, "meeting").map_err(|r| Refusal { code: "unknown_meeting", ..r })
    }
    pub fn vote(&self, id: u64) -> Result<&Vote, Refusal> {
        nth(&self.votes, id, "vote").map_err(|r| Refusal { code: "unknown_vote", ..r })
    }
    pub fn consensus(&self, id: u64) -> Result<&Consensus, Refusal> {
        nth(&self.consensus, id, "consensus decision").map_err(|r| Refusal { code: "unknown_consensus", ..r })
    }
    pub fn silence(&self, id: u64) -> Result<&Silence, Refusal> {
        nth(&self.silences, id, "silence procedure").map_err(|r| Refusal { code: "unknown_silence", ..r })
    }
    pub fn decision(&self, id: u64) -> Result<&Decision, Refusal> {
        nth(&self.decisions, id, "decision").map_err(|r| Refusal { code: "unknown_decision", ..r })
    }
    /// Silence procedures still running, with their deadlines.
    pub fn running_silences(&self) -> impl Iterator<Item = &Silence> {
        self.silences.iter().filter(|s| s.decision.is_none())
    }
    /// Tally of a vote as it stands (or stood at closing).
    pub fn tally_of(&self, vote: &Vote) -> Tally {
        let count = |c| vote.ballots.values().filter(|b| **b == c).count();
        tally(
            count(Choice::Yes),
            count(Choice::No),
            count(Choice::Abstain),
            vote.majority,
            self.rules_for(vote.process).abstentions,
        )
    }
}
