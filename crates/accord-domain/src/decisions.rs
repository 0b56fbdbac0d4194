//! Decisions under the rules of procedure, and the meetings they are taken in.
//!
//! - **Rules** ([`Rules`]): the forum's, overridable per process; changing
//!   them is an entry. Defaults follow UN General Assembly practice.
//! - **Sessions and meetings**: a session holds numbered meetings; a member
//!   is present at a meeting when its delegation registered (or the
//!   secretariat corrected the list).
//! - **Decisions**, on a proposal, a provision or the whole instrument, by
//!   one of three methods: consensus (the chair proposes adoption, members
//!   present may object, the chair declares the outcome — optionally *ad
//!   referendum*, confirmed later), silence procedure (a deadline; a member
//!   breaks silence before it, or it is concluded — never early, never
//!   twice — by the server's scheduler after it), and recorded vote (opened
//!   and closed by the chair; each member present votes and may change its
//!   vote until closing).
//!
//! A decision, once recorded, never changes. It takes effect when it is
//! taken (an ad referendum agreement, when it is confirmed): an adopted
//! proposal goes into the text, a rejected one is closed, the adoption of
//! the whole instrument freezes its final version.
//!
//! Who may vote or block consensus: members with status `member`, not
//! suspended, present at the meeting (their head of delegation or a
//! delegate; not an adviser).
//!
//! # Counting and quorum
//! `tally()` counts yes and no (and abstentions when the rules count them);
//! a simple majority needs more yes than half of those present and voting
//! (a tie fails), two thirds at least `ceil(2n/3)`. A question needs the
//! quorum to decide both when it is put and when the vote closes or
//! consensus is declared.
//!
//! # Meetings
//! A meeting is scheduled, then opened by the chair (`meeting.opened`,
//! refused until the members present with the right to vote reach the
//! quorum to open), then closed (`meeting.closed`, refused while a vote is
//! open or a consensus awaits its declaration). Questions are put and the
//! floor given only in an open meeting; a closed one takes no attendance,
//! floor request, agenda item or time limit. Only a delegation registered
//! present asks for the floor; one delegation has the floor at a time
//! (calling a speaker or closing the meeting ends the current turn on every
//! item; "next" where no one waits ends its speaker's turn, and is refused
//! when there is none).
//!
//! # Questions and their effect
//! The chair designates important questions (a provision, covering every
//! provision within it by eId prefix and every proposal amending them; a
//! proposal; or the whole instrument); a vote on one must take the rules'
//! `important_majority`. A question names the version it is put on, the
//! latest; from edition 3, while the whole instrument is before the
//! members its text does not change (409 `instrument_decision_pending`), no
//! question on a part of it is put, and the whole is put only when no
//! question on a part is pending; an instrument agreed ad referendum is
//! confirmed only if its text is still the version agreed (409
//! `version_changed`). The rules' `informal_agreement` (true by default,
//! written into `rules.changed` only when false, so older entries keep their
//! bytes) says whether the chair may agree or reject a proposal alone. A
//! silence procedure's deadline is at least the rules' minimum after the
//! entry that starts it; `silence.concluded` is recorded only by
//! `Actor::System` at or after the deadline, once. An adopted proposal goes
//! into the text (`negotiation::agree_into_text`, its provenance naming the
//! decision); the adoption of the instrument sets `Process::adopted_version`
//! and every later change to that process is refused.
//!
//! # Rights
//! The secretariat opens sessions, schedules meetings and corrects
//! attendance; the secretariat or the chair sets the agenda; a delegation
//! (observers too) registers itself present and asks for the floor; the
//! chair or a vice-chair gives the floor, limits speaking time, opens and
//! closes votes, proposes and declares consensus, starts silence procedures
//! and confirms ad referendum decisions. Any member entitled to vote breaks
//! silence. From edition 3 an adviser takes no action in meetings for its
//! member (attendance, the floor, statements).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::entry::{Actor, Entry, EntryBody};
use crate::error::Refusal;
use crate::ids::MemberCode;
use crate::negotiation::{check_agreeable, ProposalStatus};
use crate::state::{Affiliation, MemberRole, MemberStatus, OfficerRole, State};

// ---------------------------------------------------------------------------
// Rules

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
    fn check(&self) -> Result<(), Refusal> {
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
    fn check_ranges(&self) -> Result<(), Refusal> {
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

/// `rules.changed`: the forum's rules, or one process's (`process`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesChanged {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub process: Option<u64>,
    pub rules: Rules,
}

// ---------------------------------------------------------------------------
// Sessions and meetings

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

// ---------------------------------------------------------------------------
// Decisions

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

/// Everything of meetings and decisions, kept in [`State`].
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

fn nth<'a, T>(items: &'a [T], id: u64, what: &str) -> Result<&'a T, Refusal> {
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

// ---------------------------------------------------------------------------
// Checks and folds

impl State {
    /// Members with the right to vote and to block consensus.
    pub fn voting_members(&self) -> impl Iterator<Item = &MemberCode> {
        self.members.values().filter(|m| m.status == MemberStatus::Member && m.suspended.is_none()).map(|m| &m.code)
    }

    /// The member a delegate acts for, if they may vote for it.
    fn voter(&self, actor: &Actor, what: &str) -> Result<MemberCode, Refusal> {
        let Actor::Delegate { delegate, member } = actor else {
            return Err(Refusal::forbidden("delegation_only", format!("only a member's delegation {what}")));
        };
        let m = self
            .members
            .get(member)
            .ok_or_else(|| Refusal::not_found("unknown_member", format!("{member} is not a member")))?;
        if m.status != MemberStatus::Member {
            return Err(Refusal::forbidden(
                "not_a_voting_member",
                format!("{member} is an observer: only a member with status member {what}"),
            ));
        }
        if m.suspended.is_some() {
            return Err(Refusal::forbidden(
                "not_a_voting_member",
                format!("{member} is suspended: it neither votes nor objects"),
            ));
        }
        if matches!(
            self.delegates.get(delegate).map(|d| &d.affiliation),
            Some(Affiliation::Member { role: MemberRole::Adviser, .. })
        ) {
            return Err(Refusal::forbidden("adviser", format!("advisers do not act for {member}")));
        }
        Ok(member.clone())
    }

    /// The member a delegation acts for in a meeting (attendance, the
    /// floor, statements): its head of delegation or a delegate. From
    /// edition 3 an adviser takes no such action for its member.
    fn meeting_delegation<'a>(&self, actor: &'a Actor, what: &str) -> Result<&'a MemberCode, Refusal> {
        let Actor::Delegate { delegate, member } = actor else {
            return Err(Refusal::forbidden("delegation_only", format!("only a delegation {what}")));
        };
        let adviser = matches!(
            self.delegates.get(delegate).map(|d| &d.affiliation),
            Some(Affiliation::Member { role: MemberRole::Adviser, .. })
        );
        if adviser && self.edition() >= 3 {
            return Err(Refusal::forbidden(
                "adviser",
                format!("advisers do not act for {member} in meetings: its head of delegation or a delegate {what}"),
            ));
        }
        Ok(member)
    }

    /// The question on the whole instrument of `process` still before the
    /// members, if one is: a vote open, a consensus not yet declared, a
    /// silence procedure running.
    pub fn instrument_question(&self, process: u64) -> Option<String> {
        let d = &self.proceedings;
        let on = |p: u64, t: &Target| p == process && t == &Target::Instrument;
        d.votes
            .iter()
            .find(|v| on(v.process, &v.target) && v.closed.is_none())
            .map(|v| format!("vote {}", v.id))
            .or_else(|| {
                d.consensus
                    .iter()
                    .find(|c| on(c.process, &c.target) && c.decision.is_none())
                    .map(|c| format!("the proposed adoption by consensus ({})", c.id))
            })
            .or_else(|| {
                d.silences
                    .iter()
                    .find(|s| on(s.process, &s.target) && s.decision.is_none())
                    .map(|s| format!("silence procedure {}", s.id))
            })
    }

    /// From edition 3 the text of a process does not change while a
    /// decision on the whole instrument is under way: the members decide
    /// on the text the question was put on.
    pub(crate) fn check_text_not_under_decision(&self, process: u64) -> Result<(), Refusal> {
        if self.edition() < 3 {
            return Ok(());
        }
        match self.instrument_question(process) {
            Some(what) => Err(Refusal::conflict(
                "instrument_decision_pending",
                format!(
                    "the whole instrument of process {process} is before the members ({what}): its text and \
                     the questions on its parts wait until that decision is taken"
                ),
            )),
            None => Ok(()),
        }
    }

    /// From edition 3 the whole instrument is put to a decision only when
    /// no decision on a part of it (a proposal, a provision) is under way,
    /// so that none can change the text, or be taken on an adopted
    /// instrument, after the instrument's question is put.
    fn check_parts_settled(&self, process: u64) -> Result<(), Refusal> {
        if self.edition() < 3 {
            return Ok(());
        }
        let d = &self.proceedings;
        let part = |p: u64, t: &Target| p == process && t != &Target::Instrument;
        let pending = d
            .votes
            .iter()
            .find(|v| part(v.process, &v.target) && v.closed.is_none())
            .map(|v| v.target.label())
            .or_else(|| {
                d.consensus
                    .iter()
                    .find(|c| part(c.process, &c.target) && c.decision.is_none())
                    .map(|c| c.target.label())
            })
            .or_else(|| {
                d.silences.iter().find(|s| part(s.process, &s.target) && s.decision.is_none()).map(|s| s.target.label())
            });
        match pending {
            Some(label) => Err(Refusal::conflict(
                "decision_pending",
                format!("a decision on {label} is under way: the whole instrument is put to a decision after it"),
            )),
            None => Ok(()),
        }
    }

    /// A question names the version of the text it is put on, which must
    /// be the latest; from edition 3 it must name one.
    fn check_version(&self, process: u64, version: Option<u32>) -> Result<(), Refusal> {
        let latest = self.process(process)?.latest().number;
        match version {
            Some(v) if v != latest => Err(Refusal::conflict(
                "version_changed",
                format!("the latest version of process {process} is {latest}, not {v}: a question is put on the latest text"),
            )),
            None if self.edition() >= 3 => Err(Refusal::invalid(
                "version_required",
                "a question names the version of the text it is put on (`version`)",
            )),
            _ => Ok(()),
        }
    }

    /// Everything a question (vote, consensus, silence procedure) on
    /// `target` needs about the text: the version it names, and under
    /// edition 3 the order between the whole instrument and its parts.
    fn check_question(&self, process: u64, target: &Target, version: Option<u32>) -> Result<(), Refusal> {
        self.check_version(process, version)?;
        if target == &Target::Instrument {
            self.check_parts_settled(process)
        } else {
            self.check_text_not_under_decision(process)
        }
    }

    /// Names the latest version in a question that names none.
    pub(crate) fn name_version(&self, body: &mut EntryBody) {
        let latest = |p: u64| self.process(p).ok().map(|p| p.latest().number);
        match body {
            EntryBody::VoteOpened(v) if v.version.is_none() => v.version = latest(v.process),
            EntryBody::ConsensusProposed(c) if c.version.is_none() => c.version = latest(c.process),
            EntryBody::SilenceStarted(s) if s.version.is_none() => s.version = latest(s.process),
            _ => {}
        }
    }

    fn present(&self, meeting: u64, member: &MemberCode) -> Result<(), Refusal> {
        if !self.proceedings.meeting(meeting)?.present.contains(member) {
            return Err(Refusal::unprocessable(
                "not_present",
                format!("{member} is not registered present at meeting {meeting}: register attendance first"),
            ));
        }
        Ok(())
    }

    /// Quorum to decide at `meeting`: members with the right to vote who
    /// are present, against the rules of `process`.
    fn check_quorum(&self, process: u64, meeting: u64) -> Result<(), Refusal> {
        let rules = self.proceedings.rules_for(process);
        let members: Vec<&MemberCode> = self.voting_members().collect();
        let needed = rules.decision_quorum.of(members.len());
        let present = self.proceedings.meeting(meeting)?.present.iter().filter(|m| members.contains(m)).count();
        if present < needed {
            return Err(Refusal::unprocessable(
                "no_quorum",
                format!(
                    "{present} members are present at meeting {meeting}; a decision needs {needed} of the {}",
                    members.len()
                ),
            ));
        }
        Ok(())
    }

    fn check_target(&self, process: u64, target: &Target) -> Result<(), Refusal> {
        let p = self.process(process)?;
        if p.adopted_version.is_some() {
            return Err(Refusal::conflict(
                "instrument_adopted",
                format!("the instrument of process {process} is adopted"),
            ));
        }
        match target {
            Target::Proposal(id) => {
                let q = p.proposal(*id)?;
                if q.status != ProposalStatus::Tabled {
                    return Err(Refusal::conflict(
                        "proposal_closed",
                        format!("{} is {}", q.label(), q.status.as_str()),
                    ));
                }
                check_agreeable(p, *id, 0)
            }
            Target::Provision(eid) => p.latest().instrument.get(eid).map(|_| ()).ok_or_else(|| {
                Refusal::not_found("unknown_eid", format!("the latest version has no provision {eid:?}"))
            }),
            Target::Instrument => Ok(()),
        }
    }

    /// The provision a proposal amends, for a question on a proposal.
    fn proposal_eid(&self, process: u64, target: &Target) -> Option<String> {
        match target {
            Target::Proposal(id) => self.process(process).ok()?.proposal(*id).ok().map(|p| p.eid.clone()),
            _ => None,
        }
    }

    /// The majority the rules give a vote on `target`: the important one
    /// for an important question (or an amendment to one), the ordinary
    /// one otherwise.
    pub fn majority_for(&self, process: u64, target: &Target) -> Majority {
        let d = &self.proceedings;
        let rules = d.rules_for(process);
        let eid = self.proposal_eid(process, target);
        if d.important_designation(process, target, eid.as_deref()).is_some() {
            rules.important_majority
        } else {
            rules.majority
        }
    }

    /// No other procedure may be running on the same target.
    fn check_not_pending(&self, process: u64, target: &Target) -> Result<(), Refusal> {
        let d = &self.proceedings;
        let busy = d.votes.iter().any(|v| v.process == process && &v.target == target && v.closed.is_none())
            || d.consensus.iter().any(|c| c.process == process && &c.target == target && c.decision.is_none())
            || d.silences.iter().any(|s| s.process == process && &s.target == target && s.decision.is_none());
        if busy {
            return Err(Refusal::conflict(
                "decision_pending",
                format!("a decision on {} is already under way", target.label()),
            ));
        }
        Ok(())
    }

    pub(crate) fn check_proceedings(&self, actor: &Actor, body: &EntryBody, time: i64) -> Result<(), Refusal> {
        let d = &self.proceedings;
        match body {
            EntryBody::RulesChanged(r) => {
                match actor {
                    Actor::System | Actor::Officer { role: OfficerRole::Secretariat, .. } => {}
                    _ => {
                        return Err(Refusal::forbidden(
                            "secretariat_only",
                            "only the secretariat changes the rules of procedure",
                        ))
                    }
                }
                if let Some(p) = r.process {
                    self.process(p)?;
                }
                r.rules.check()?;
                if self.edition() >= 3 {
                    r.rules.check_ranges()?;
                }
                Ok(())
            }
            EntryBody::SessionOpened(s) => {
                secretariat(actor, "opens sessions")?;
                crate::negotiation::text::check_text("title", &s.title, 300, false)
            }
            EntryBody::MeetingScheduled(m) => {
                secretariat(actor, "schedules meetings")?;
                nth(&d.sessions, m.session, "session").map_err(|r| Refusal { code: "unknown_session", ..r })?;
                check_date(&m.date)?;
                crate::negotiation::text::check_text("place", &m.place, 300, false)
            }
            EntryBody::AttendanceRegistered(a) => {
                let member = self.voter(actor, "registers attendance").or_else(|e| {
                    // Observers attend too; they neither vote nor block consensus.
                    match actor {
                        Actor::Delegate { member, .. } if e.code == "not_a_voting_member" => Ok(member.clone()),
                        _ => Err(e),
                    }
                })?;
                self.meeting_delegation(actor, "registers its attendance")?;
                let meeting = d.meeting(a.meeting)?;
                if meeting.closed.is_some() {
                    return Err(Refusal::conflict("meeting_closed", format!("meeting {} is closed", a.meeting)));
                }
                if meeting.present.contains(&member) {
                    return Err(Refusal::conflict(
                        "already_present",
                        format!("{member} is already registered present"),
                    ));
                }
                Ok(())
            }
            EntryBody::AttendanceCorrected(a) => {
                // A delegation records its own departure; everything else
                // is the secretariat's correction.
                let own_departure =
                    matches!(actor, Actor::Delegate { member, .. } if member == &a.member) && !a.present;
                if own_departure {
                    self.meeting_delegation(actor, "records its departure")?;
                    not_closed(d, a.meeting)?;
                } else {
                    secretariat(actor, "corrects the attendance list")?;
                }
                self.members
                    .get(&a.member)
                    .ok_or_else(|| Refusal::not_found("unknown_member", format!("{} is not a member", a.member)))?;
                if d.meeting(a.meeting)?.present.contains(&a.member) == a.present {
                    return Err(Refusal::conflict(
                        "attendance_unchanged",
                        format!(
                            "{} is already recorded {} at meeting {}",
                            a.member,
                            if a.present { "present" } else { "absent" },
                            a.meeting
                        ),
                    ));
                }
                Ok(())
            }
            EntryBody::MeetingOpened(r) => {
                chair(actor, "opens meetings")?;
                let m = d.meeting(r.meeting)?;
                if m.closed.is_some() {
                    return Err(Refusal::conflict("meeting_closed", format!("meeting {} is closed", r.meeting)));
                }
                if m.opened.is_some() {
                    return Err(Refusal::conflict("meeting_open", format!("meeting {} is already open", r.meeting)));
                }
                let members: Vec<&MemberCode> = self.voting_members().collect();
                let needed = d.rules.meeting_quorum.of(members.len());
                let present = m.present.iter().filter(|c| members.contains(c)).count();
                if present < needed {
                    return Err(Refusal::unprocessable(
                        "no_quorum",
                        format!(
                            "{present} members are present at meeting {}; opening it needs {needed} of the {}",
                            r.meeting,
                            members.len()
                        ),
                    ));
                }
                Ok(())
            }
            EntryBody::MeetingClosed(r) => {
                chair(actor, "closes meetings")?;
                let m = open_meeting(d, r.meeting)?;
                if let Some(v) = d.votes.iter().find(|v| v.meeting == m.id && v.closed.is_none()) {
                    return Err(Refusal::conflict("decision_pending", format!("vote {} is still open", v.id)));
                }
                if let Some(c) = d.consensus.iter().find(|c| c.meeting == m.id && c.decision.is_none()) {
                    return Err(Refusal::conflict(
                        "decision_pending",
                        format!(
                            "the proposed adoption of {} by consensus awaits the chair's declaration",
                            c.target.label()
                        ),
                    ));
                }
                Ok(())
            }
            EntryBody::ImportantQuestionDesignated(q) => {
                chair(actor, "designates important questions")?;
                self.check_target(q.process, &q.target)?;
                if d.important.iter().any(|(p, t, _)| *p == q.process && t == &q.target) {
                    return Err(Refusal::conflict(
                        "already_important",
                        format!("{} is already designated an important question", q.target.label()),
                    ));
                }
                Ok(())
            }
            EntryBody::AgendaItemAdded(a) => {
                match actor {
                    Actor::System
                    | Actor::Officer {
                        role: OfficerRole::Secretariat | OfficerRole::Chair | OfficerRole::ViceChair,
                        ..
                    } => {}
                    _ => {
                        return Err(Refusal::forbidden(
                            "chair_only",
                            "only the secretariat or the chair sets the agenda",
                        ))
                    }
                }
                let m = not_closed(d, a.meeting)?;
                if let Some(parent) = a.parent {
                    let p = m.agenda.get(parent as usize - 1).filter(|_| parent > 0).ok_or_else(|| {
                        Refusal::not_found("unknown_item", format!("meeting {} has no agenda item {parent}", a.meeting))
                    })?;
                    if p.parent.is_some() {
                        return Err(Refusal::unprocessable("too_deep", "a sub-item has no sub-items of its own"));
                    }
                }
                crate::negotiation::text::check_text("title", &a.title, 300, false)
            }
            EntryBody::FloorRequested(f) => {
                let member = self.meeting_delegation(actor, "asks for the floor")?;
                not_closed(d, f.meeting)?;
                self.present(f.meeting, member)?;
                let item = item(d, f.meeting, f.item)?;
                if item
                    .requests
                    .iter()
                    .any(|r| &r.member == member && r.kind == f.kind && matches!(r.status, "waiting" | "speaking"))
                {
                    return Err(Refusal::conflict("already_requested", format!("{member} is already on this list")));
                }
                Ok(())
            }
            EntryBody::FloorWithdrawn(f) => {
                let member = self.meeting_delegation(actor, "withdraws its request for the floor")?;
                let item = item(d, f.meeting, f.item)?;
                let r = item
                    .requests
                    .get((f.request as usize).wrapping_sub(1))
                    .ok_or_else(|| Refusal::not_found("unknown_request", "no such request"))?;
                if &r.member != member {
                    return Err(Refusal::forbidden("not_yours", "a delegation withdraws only its own request"));
                }
                if r.status != "waiting" {
                    return Err(Refusal::conflict("not_waiting", format!("the request is {}", r.status)));
                }
                Ok(())
            }
            EntryBody::FloorGiven(f) => {
                chair(actor, "gives the floor")?;
                open_meeting(d, f.meeting)?;
                // With no one waiting, calling "next" ends the current
                // speaker's turn on this item, and is refused if there is none.
                let here = item(d, f.meeting, f.item)?;
                if here.queue().is_empty() && here.speaking.is_none() {
                    return Err(Refusal::conflict("no_speaker", "no one is waiting for the floor on this item"));
                }
                Ok(())
            }
            EntryBody::SpeakingTimeSet(t) => {
                chair(actor, "limits speaking time")?;
                not_closed(d, t.meeting)?;
                item(d, t.meeting, t.item)?;
                if t.seconds == Some(0) {
                    return Err(Refusal::invalid("invalid_time", "speaking time is at least one second"));
                }
                if self.edition() >= 3 && t.seconds.is_some_and(|s| s > SPEAKING_MAX_SECONDS) {
                    return Err(Refusal::unprocessable(
                        "out_of_range",
                        format!("a speaking time must be between 1 and {SPEAKING_MAX_SECONDS} seconds"),
                    ));
                }
                Ok(())
            }
            EntryBody::StatementDelivered(st) => {
                let item = item(d, st.meeting, st.item)?;
                let r = item
                    .requests
                    .get((st.request as usize).wrapping_sub(1))
                    .ok_or_else(|| Refusal::not_found("unknown_request", "no such turn"))?;
                let own = matches!(actor, Actor::Delegate { member, .. } if member == &r.member);
                if own {
                    self.meeting_delegation(actor, "attaches its statement")?;
                } else {
                    secretariat(actor, "or the speaker's delegation attaches a statement")
                        .map_err(|e| Refusal { code: "not_yours", ..e })?;
                }
                if !matches!(r.status, "speaking" | "spoke") {
                    return Err(Refusal::conflict(
                        "not_given_the_floor",
                        "a statement belongs to a turn the chair gave",
                    ));
                }
                if r.statement.is_some() || r.file.is_some() {
                    return Err(Refusal::conflict("statement_exists", "this turn already has its statement"));
                }
                match (&st.text, &st.file) {
                    (Some(t), None) => {
                        crate::negotiation::text::check_text("statement", t, 60_000, false).or_else(|e| {
                            if e.code == "control_character" && !t.chars().any(|c| c.is_control() && c != '\n') {
                                Ok(())
                            } else {
                                Err(e)
                            }
                        })
                    }
                    (None, Some(f)) => {
                        f.require()?;
                        let name = st.file_name.as_deref().unwrap_or_default();
                        crate::negotiation::text::check_text("file name", name, 200, false)
                    }
                    _ => Err(Refusal::invalid(
                        "statement_text_or_file",
                        "a statement is a text or a file, one of the two",
                    )),
                }
            }
            EntryBody::VoteOpened(v) => {
                chair(actor, "opens votes")?;
                open_meeting(d, v.meeting)?;
                self.check_target(v.process, &v.target)?;
                self.check_not_pending(v.process, &v.target)?;
                self.check_question(v.process, &v.target, v.version)?;
                // A question is put only with the quorum to decide present
                // (it is checked again when the vote closes).
                self.check_quorum(v.process, v.meeting)?;
                let eid = self.proposal_eid(v.process, &v.target);
                if let Some((_, designated, _)) = d.important_designation(v.process, &v.target, eid.as_deref()) {
                    let needed = d.rules_for(v.process).important_majority;
                    if v.majority != needed {
                        let why = if designated == &v.target {
                            String::new()
                        } else {
                            format!(" (it concerns {}, designated important)", designated.label())
                        };
                        return Err(Refusal::unprocessable(
                            "important_question",
                            format!(
                                "{} is an important question{why}: under the rules it is decided by a {} majority",
                                v.target.label(),
                                needed.label()
                            ),
                        ));
                    }
                }
                Ok(())
            }
            EntryBody::BallotCast(b) => {
                let member = self.voter(actor, "votes")?;
                let vote = d.vote(b.vote)?;
                if vote.closed.is_some() {
                    return Err(Refusal::conflict("vote_closed", format!("vote {} is closed", b.vote)));
                }
                self.present(vote.meeting, &member)?;
                if vote.ballots.get(&member) == Some(&b.choice) {
                    let choice = match b.choice {
                        Choice::Yes => "yes",
                        Choice::No => "no",
                        Choice::Abstain => "abstain",
                    };
                    return Err(Refusal::conflict(
                        "ballot_unchanged",
                        format!("{member} has already voted {choice} in vote {}", b.vote),
                    ));
                }
                Ok(())
            }
            EntryBody::VoteExplained(x) => {
                self.voter(actor, "explains its vote")?;
                d.vote(x.vote)?;
                crate::negotiation::text::check_text("explanation", &x.text, 10_000, false)
            }
            EntryBody::VoteClosed(v) => {
                chair(actor, "closes votes")?;
                let vote = d.vote(v.vote)?;
                if vote.closed.is_some() {
                    return Err(Refusal::conflict("vote_closed", format!("vote {} is already closed", v.vote)));
                }
                self.check_quorum(vote.process, vote.meeting)?;
                if d.tally_of(vote).adopted {
                    self.check_effect(vote.process, &vote.target)?;
                }
                Ok(())
            }
            EntryBody::ConsensusProposed(c) => {
                chair(actor, "proposes adoption by consensus")?;
                open_meeting(d, c.meeting)?;
                self.check_quorum(c.process, c.meeting)?;
                self.check_target(c.process, &c.target)?;
                self.check_not_pending(c.process, &c.target)?;
                self.check_question(c.process, &c.target, c.version)
            }
            EntryBody::ConsensusObjected(o) => {
                let member = self.voter(actor, "objects to consensus")?;
                let c = d.consensus(o.consensus)?;
                if c.decision.is_some() {
                    return Err(Refusal::conflict("consensus_declared", "the chair has already declared the outcome"));
                }
                self.present(c.meeting, &member)?;
                if c.objections.iter().any(|(m, _)| m == &member) {
                    return Err(Refusal::conflict("already_objected", format!("{member} has already objected")));
                }
                crate::negotiation::text::check_text("reason", &o.reason, 5_000, true)
            }
            EntryBody::ConsensusDeclared(r) => {
                chair(actor, "declares the outcome")?;
                let c = d.consensus(r.consensus)?;
                if c.decision.is_some() {
                    return Err(Refusal::conflict("consensus_declared", "the outcome is already declared"));
                }
                self.check_quorum(c.process, c.meeting)?;
                if c.objections.is_empty() && !c.ad_referendum {
                    self.check_effect(c.process, &c.target)?;
                }
                Ok(())
            }
            EntryBody::DecisionConfirmed(r) => {
                chair(actor, "confirms decisions taken ad referendum")?;
                let dec = d.decision(r.decision)?;
                if dec.outcome != Outcome::AgreedAdReferendum {
                    return Err(Refusal::unprocessable(
                        "not_ad_referendum",
                        format!("decision {} was not taken ad referendum", dec.id),
                    ));
                }
                if dec.confirmed_entry.is_some() {
                    return Err(Refusal::conflict(
                        "already_confirmed",
                        format!("decision {} is already confirmed", dec.id),
                    ));
                }
                self.check_effect(dec.process, &dec.target)?;
                if self.edition() >= 3 {
                    if dec.target == Target::Instrument {
                        // The instrument agreed is the version the question was put on.
                        let latest = self.process(dec.process)?.latest().number;
                        if let Some(v) = dec.version.filter(|v| *v != latest) {
                            return Err(Refusal::conflict(
                                "version_changed",
                                format!(
                                    "decision {} agreed version {v} of the instrument ad referendum; the text is \
                                     now version {latest}: put the question again",
                                    dec.id
                                ),
                            ));
                        }
                        self.check_parts_settled(dec.process)?;
                    } else {
                        self.check_text_not_under_decision(dec.process)?;
                    }
                }
                Ok(())
            }
            EntryBody::SilenceStarted(s) => {
                chair(actor, "starts silence procedures")?;
                self.check_target(s.process, &s.target)?;
                self.check_not_pending(s.process, &s.target)?;
                self.check_question(s.process, &s.target, s.version)?;
                let min = self.proceedings.rules_for(s.process).silence_min_hours as i64 * 3_600_000;
                if s.deadline < time + min {
                    return Err(Refusal::unprocessable(
                        "deadline_too_soon",
                        format!("a silence procedure lasts at least {} hours under the rules", min / 3_600_000),
                    ));
                }
                if self.edition() >= 3 && s.deadline > time.saturating_add(SILENCE_MAX_HOURS as i64 * 3_600_000) {
                    return Err(Refusal::unprocessable(
                        "out_of_range",
                        format!("a silence procedure lasts at most {SILENCE_MAX_HOURS} hours (a year)"),
                    ));
                }
                Ok(())
            }
            EntryBody::SilenceBroken(b) => {
                self.voter(actor, "breaks silence")?;
                let s = d.silence(b.silence)?;
                if s.decision.is_some() {
                    return Err(Refusal::conflict("silence_ended", format!("silence procedure {} has ended", s.id)));
                }
                if time >= s.deadline {
                    return Err(Refusal::unprocessable(
                        "deadline_passed",
                        format!(
                            "the deadline of silence procedure {} has passed: silence can no longer be broken",
                            s.id
                        ),
                    ));
                }
                crate::negotiation::text::check_text("reason", &b.reason, 5_000, false)
            }
            EntryBody::SilenceConcluded(r) => {
                if actor != &Actor::System {
                    return Err(Refusal::forbidden(
                        "system_only",
                        "silence procedures are concluded by Accord at their deadline",
                    ));
                }
                let s = d.silence(r.silence)?;
                if s.decision.is_some() {
                    return Err(Refusal::conflict("silence_ended", format!("silence procedure {} has ended", s.id)));
                }
                if time < s.deadline {
                    return Err(Refusal::unprocessable("deadline_not_reached", "the deadline has not passed yet"));
                }
                self.check_effect(s.process, &s.target)
            }
            _ => unreachable!("check_proceedings is called for proceedings entries"),
        }
    }

    /// An adopted decision must be able to take effect.
    fn check_effect(&self, process: u64, target: &Target) -> Result<(), Refusal> {
        let p = self.process(process)?;
        if p.adopted_version.is_some() {
            return Err(Refusal::conflict("instrument_adopted", "the instrument is already adopted"));
        }
        match target {
            Target::Proposal(id) => check_agreeable(p, *id, 0),
            _ => Ok(()),
        }
    }

    pub(crate) fn fold_proceedings(&mut self, entry: &Entry) {
        let member_of = |a: &Actor| match a {
            Actor::Delegate { member, .. } => Some(member.clone()),
            _ => None,
        };
        match &entry.body {
            EntryBody::RulesChanged(r) => match r.process {
                Some(p) => {
                    self.proceedings.process_rules.insert(p, r.rules.clone());
                }
                None => self.proceedings.rules = r.rules.clone(),
            },
            EntryBody::SessionOpened(s) => {
                let id = self.proceedings.sessions.len() as u64 + 1;
                self.proceedings.sessions.push(Session {
                    id,
                    title: s.title.clone(),
                    entry: entry.index,
                    meetings: Vec::new(),
                });
            }
            EntryBody::MeetingScheduled(m) => {
                let d = &mut self.proceedings;
                let id = d.meetings.len() as u64 + 1;
                let session = &mut d.sessions[m.session as usize - 1];
                session.meetings.push(id);
                let number = session.meetings.len() as u32;
                d.meetings.push(Meeting {
                    id,
                    session: m.session,
                    number,
                    date: m.date.clone(),
                    place: m.place.clone(),
                    entry: entry.index,
                    present: BTreeSet::new(),
                    agenda: Vec::new(),
                    opened: None,
                    closed: None,
                });
            }
            EntryBody::MeetingOpened(r) => {
                self.proceedings.meetings[r.meeting as usize - 1].opened = Some(entry.index);
            }
            EntryBody::MeetingClosed(r) => {
                let meeting = &mut self.proceedings.meetings[r.meeting as usize - 1];
                end_turns(meeting);
                meeting.closed = Some(entry.index);
            }
            EntryBody::ImportantQuestionDesignated(q) => {
                self.proceedings.important.push((q.process, q.target.clone(), entry.index));
            }
            EntryBody::AgendaItemAdded(a) => {
                let m = &mut self.proceedings.meetings[a.meeting as usize - 1];
                let number = m.agenda.len() as u32 + 1;
                let label = match a.parent {
                    None => (m.agenda.iter().filter(|i| i.parent.is_none()).count() + 1).to_string(),
                    Some(p) => {
                        let subs = m.agenda.iter().filter(|i| i.parent == Some(p)).count();
                        format!("{} ({})", m.agenda[p as usize - 1].label, (b'a' + (subs % 26) as u8) as char)
                    }
                };
                let item = AgendaItem {
                    number,
                    label,
                    title: a.title.clone(),
                    parent: a.parent,
                    speaking_time: None,
                    requests: Vec::new(),
                    speaking: None,
                };
                // Sub-items go after their parent's last sub-item; numbers stay in order of creation.
                m.agenda.push(item);
            }
            EntryBody::FloorRequested(f) => {
                if let Some(member) = member_of(&entry.actor) {
                    let item = &mut self.proceedings.meetings[f.meeting as usize - 1].agenda[f.item as usize - 1];
                    let number = item.requests.len() as u32 + 1;
                    item.requests.push(FloorRequest {
                        number,
                        member,
                        kind: f.kind,
                        entry: entry.index,
                        status: "waiting",
                        given: None,
                        limit: None,
                        statement: None,
                        file: None,
                    });
                }
            }
            EntryBody::FloorWithdrawn(f) => {
                let item = &mut self.proceedings.meetings[f.meeting as usize - 1].agenda[f.item as usize - 1];
                item.requests[f.request as usize - 1].status = "withdrawn";
            }
            EntryBody::FloorGiven(f) => {
                let meeting = &mut self.proceedings.meetings[f.meeting as usize - 1];
                // One speaker at a time in a meeting: whoever has the floor,
                // on any item, has spoken.
                end_turns(meeting);
                let item = &mut meeting.agenda[f.item as usize - 1];
                let next = item.queue().first().map(|r| r.number);
                let limit = item.speaking_time;
                if let Some(n) = next {
                    let r = &mut item.requests[n as usize - 1];
                    r.status = "speaking";
                    r.given = Some(entry.time);
                    r.limit = limit;
                    item.speaking = Some(n);
                }
            }
            EntryBody::SpeakingTimeSet(t) => {
                self.proceedings.meetings[t.meeting as usize - 1].agenda[t.item as usize - 1].speaking_time = t.seconds;
            }
            EntryBody::StatementDelivered(st) => {
                let r = &mut self.proceedings.meetings[st.meeting as usize - 1].agenda[st.item as usize - 1].requests
                    [st.request as usize - 1];
                r.statement = st.text.clone();
                r.file = st.file.as_ref().map(|f| (f.hex(), st.file_name.clone().unwrap_or_default()));
            }
            EntryBody::AttendanceRegistered(a) => {
                if let Some(m) = member_of(&entry.actor) {
                    self.proceedings.meetings[a.meeting as usize - 1].present.insert(m);
                }
            }
            EntryBody::AttendanceCorrected(a) => {
                let present = &mut self.proceedings.meetings[a.meeting as usize - 1].present;
                if a.present {
                    present.insert(a.member.clone());
                } else {
                    present.remove(&a.member);
                }
            }
            EntryBody::VoteOpened(v) => {
                let id = self.proceedings.votes.len() as u64 + 1;
                self.proceedings.votes.push(Vote {
                    id,
                    process: v.process,
                    target: v.target.clone(),
                    majority: v.majority,
                    meeting: v.meeting,
                    entry: entry.index,
                    ballots: BTreeMap::new(),
                    explanations: Vec::new(),
                    closed: None,
                    decision: None,
                    version: v.version,
                });
            }
            EntryBody::BallotCast(b) => {
                if let Some(m) = member_of(&entry.actor) {
                    self.proceedings.votes[b.vote as usize - 1].ballots.insert(m, b.choice);
                }
            }
            EntryBody::VoteExplained(x) => {
                if let Some(m) = member_of(&entry.actor) {
                    let vote = &mut self.proceedings.votes[x.vote as usize - 1];
                    let before = vote.closed.is_none();
                    vote.explanations.push((m, before, x.text.clone(), entry.index));
                }
            }
            EntryBody::VoteClosed(r) => {
                let vote = &self.proceedings.votes[r.vote as usize - 1];
                let t = self.proceedings.tally_of(vote);
                let outcome = if t.adopted { Outcome::Adopted } else { Outcome::NotAdopted };
                let (process, target, meeting) = (vote.process, vote.target.clone(), vote.meeting);
                let id = self.record_decision(
                    entry,
                    process,
                    Method::Vote,
                    target,
                    outcome,
                    Some(meeting),
                    r.vote,
                    Some(t),
                    Vec::new(),
                );
                let vote = &mut self.proceedings.votes[r.vote as usize - 1];
                vote.closed = Some(entry.index);
                vote.decision = Some(id);
            }
            EntryBody::ConsensusProposed(c) => {
                let id = self.proceedings.consensus.len() as u64 + 1;
                self.proceedings.consensus.push(Consensus {
                    id,
                    process: c.process,
                    target: c.target.clone(),
                    meeting: c.meeting,
                    ad_referendum: c.ad_referendum,
                    entry: entry.index,
                    objections: Vec::new(),
                    decision: None,
                    version: c.version,
                });
            }
            EntryBody::ConsensusObjected(o) => {
                if let Some(m) = member_of(&entry.actor) {
                    self.proceedings.consensus[o.consensus as usize - 1].objections.push((m, o.reason.clone()));
                }
            }
            EntryBody::ConsensusDeclared(r) => {
                let c = &self.proceedings.consensus[r.consensus as usize - 1];
                let outcome = match (c.objections.is_empty(), c.ad_referendum) {
                    (false, _) => Outcome::NotAdopted,
                    (true, true) => Outcome::AgreedAdReferendum,
                    (true, false) => Outcome::Adopted,
                };
                let (process, target, meeting, objections) =
                    (c.process, c.target.clone(), c.meeting, c.objections.clone());
                let id = self.record_decision(
                    entry,
                    process,
                    Method::Consensus,
                    target,
                    outcome,
                    Some(meeting),
                    r.consensus,
                    None,
                    objections,
                );
                self.proceedings.consensus[r.consensus as usize - 1].decision = Some(id);
            }
            EntryBody::DecisionConfirmed(r) => {
                let d = &mut self.proceedings.decisions[r.decision as usize - 1];
                d.confirmed_entry = Some(entry.index);
                let (process, target, label) = (d.process, d.target.clone(), format!("decision {} confirmed", d.id));
                self.take_effect(entry, process, &target, true, label);
                self.note_adopted_version(r.decision);
            }
            EntryBody::SilenceStarted(s) => {
                let id = self.proceedings.silences.len() as u64 + 1;
                self.proceedings.silences.push(Silence {
                    id,
                    process: s.process,
                    target: s.target.clone(),
                    deadline: s.deadline,
                    entry: entry.index,
                    broken: None,
                    decision: None,
                    version: s.version,
                });
            }
            EntryBody::SilenceBroken(b) => {
                let Some(m) = member_of(&entry.actor) else { return };
                let s = &mut self.proceedings.silences[b.silence as usize - 1];
                s.broken = Some((m.clone(), b.reason.clone(), entry.index));
                let (process, target) = (s.process, s.target.clone());
                let id = self.record_decision(
                    entry,
                    process,
                    Method::Silence,
                    target,
                    Outcome::NotAdopted,
                    None,
                    b.silence,
                    None,
                    vec![(m, b.reason.clone())],
                );
                self.proceedings.silences[b.silence as usize - 1].decision = Some(id);
            }
            EntryBody::SilenceConcluded(r) => {
                let s = &self.proceedings.silences[r.silence as usize - 1];
                let (process, target) = (s.process, s.target.clone());
                let id = self.record_decision(
                    entry,
                    process,
                    Method::Silence,
                    target,
                    Outcome::Adopted,
                    None,
                    r.silence,
                    None,
                    Vec::new(),
                );
                self.proceedings.silences[r.silence as usize - 1].decision = Some(id);
            }
            _ => {}
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn record_decision(
        &mut self,
        entry: &Entry,
        process: u64,
        method: Method,
        target: Target,
        outcome: Outcome,
        meeting: Option<u64>,
        procedure: u64,
        tally: Option<Tally>,
        objections: Vec<(MemberCode, String)>,
    ) -> u64 {
        let id = self.proceedings.decisions.len() as u64 + 1;
        let version = match method {
            Method::Vote => self.proceedings.votes[procedure as usize - 1].version,
            Method::Consensus => self.proceedings.consensus[procedure as usize - 1].version,
            Method::Silence => self.proceedings.silences[procedure as usize - 1].version,
        };
        self.proceedings.decisions.push(Decision {
            id,
            process,
            method,
            target: target.clone(),
            outcome,
            entry: entry.index,
            time: entry.time,
            meeting,
            procedure,
            tally,
            objections,
            confirmed_entry: None,
            version,
            adopted_version: None,
        });
        let how = match method {
            Method::Consensus => "by consensus",
            Method::Silence => "under silence procedure",
            Method::Vote => "by vote",
        };
        match outcome {
            Outcome::Adopted => {
                self.take_effect(entry, process, &target, true, format!("decision {id}: adopted {how}"))
            }
            Outcome::NotAdopted if method == Method::Vote => {
                self.take_effect(entry, process, &target, false, format!("decision {id}: not adopted {how}"))
            }
            _ => {}
        }
        self.note_adopted_version(id);
        id
    }

    /// A decision that adopted the whole instrument, and named the version
    /// it was put on, records the version adopted.
    fn note_adopted_version(&mut self, id: u64) {
        let d = &self.proceedings.decisions[id as usize - 1];
        if d.target != Target::Instrument || d.version.is_none() {
            return;
        }
        let adopted = self.processes[d.process as usize - 1].adopted_version;
        self.proceedings.decisions[id as usize - 1].adopted_version = adopted;
    }

    /// What an adopted (or, by vote, rejected) decision does to the text.
    fn take_effect(&mut self, entry: &Entry, process: u64, target: &Target, adopted: bool, cause: String) {
        let p = &mut self.processes[process as usize - 1];
        p.changed = entry.index;
        match (target, adopted) {
            (Target::Proposal(id), true) => crate::negotiation::agree_into_text(p, *id, entry, cause),
            (Target::Proposal(id), false) => {
                // A proposal withdrawn or agreed while the vote was open stays so.
                let q = &mut p.proposals[*id as usize - 1];
                if q.is_open() {
                    q.status = ProposalStatus::Rejected;
                    q.status_entry = Some(entry.index);
                }
            }
            (Target::Instrument, true) => p.adopted_version = Some(p.latest().number),
            _ => {}
        }
    }
}

fn item(d: &Proceedings, meeting: u64, number: u32) -> Result<&AgendaItem, Refusal> {
    d.meeting(meeting)?
        .agenda
        .get((number as usize).wrapping_sub(1))
        .ok_or_else(|| Refusal::not_found("unknown_item", format!("meeting {meeting} has no agenda item {number}")))
}

fn secretariat(actor: &Actor, what: &str) -> Result<(), Refusal> {
    match actor {
        Actor::System | Actor::Officer { role: OfficerRole::Secretariat, .. } => Ok(()),
        _ => Err(Refusal::forbidden("secretariat_only", format!("only the secretariat {what}"))),
    }
}

/// Ends the turn of whoever has the floor in the meeting.
fn end_turns(meeting: &mut Meeting) {
    for item in &mut meeting.agenda {
        if let Some(current) = item.speaking.take() {
            item.requests[current as usize - 1].status = "spoke";
        }
    }
}

/// Refuses changes to a closed meeting.
fn not_closed(d: &Proceedings, id: u64) -> Result<&Meeting, Refusal> {
    let m = d.meeting(id)?;
    if m.closed.is_some() {
        return Err(Refusal::conflict("meeting_closed", format!("meeting {id} is closed")));
    }
    Ok(m)
}

/// The meeting, if it is open: questions are put and the floor given only
/// in an open meeting.
fn open_meeting(d: &Proceedings, id: u64) -> Result<&Meeting, Refusal> {
    let m = d.meeting(id)?;
    match m.status() {
        "open" => Ok(m),
        "closed" => Err(Refusal::conflict("meeting_closed", format!("meeting {id} is closed"))),
        _ => Err(Refusal::conflict(
            "meeting_not_open",
            format!("meeting {id} has not been opened: the chair opens it once the quorum to open is present"),
        )),
    }
}

fn chair(actor: &Actor, what: &str) -> Result<(), Refusal> {
    match actor {
        Actor::Officer { role: OfficerRole::Chair | OfficerRole::ViceChair, .. } => Ok(()),
        _ => Err(Refusal::forbidden("chair_only", format!("only the chair (or a vice-chair) {what}"))),
    }
}

/// `YYYY-MM-DD`, a real day.
fn check_date(date: &str) -> Result<(), Refusal> {
    let bad = || {
        Refusal::invalid(
            "invalid_date",
            format!("{date:?} is not a date as YYYY-MM-DD between 1900-01-01 and 9999-12-31"),
        )
    };
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts[..] else { return Err(bad()) };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let (y, m, d): (u32, u32, u32) =
        (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if d == 0 || d > days || !(1900..=9999).contains(&y) {
        return Err(bad());
    }
    Ok(())
}

#[cfg(test)]
mod tests;
