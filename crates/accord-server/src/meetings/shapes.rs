//! The JSON shapes of meetings, votes, consensus and silence procedures.

use accord_domain::decisions::{Choice, Consensus, Majority, Meeting, Silence, Vote};
use accord_domain::{MemberCode, State as DomainState};
use serde::Serialize;
use utoipa::ToSchema;

use crate::http::time::rfc3339;
use crate::shared::*;

// ---- shapes ----

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: u64,
    pub entry: EntryRef,
}

#[derive(Serialize, ToSchema)]
pub struct ExplanationJson {
    pub member: String,
    /// Given before the vote closed (otherwise after).
    pub before: bool,
    pub text: String,
    pub entry: u64,
}

#[derive(Serialize, ToSchema)]
pub struct VoteJson {
    pub id: u64,
    pub process: u64,
    pub target: TargetJson,
    /// simple or two_thirds.
    pub majority: String,
    pub meeting: u64,
    pub entry: u64,
    pub open: bool,
    /// Each member's ballot (yes, no, abstain).
    #[schema(value_type = Object)]
    pub ballots: std::collections::BTreeMap<String, String>,
    pub tally: TallyJson,
    pub explanations: Vec<ExplanationJson>,
    pub decision: Option<u64>,
    /// The version of the text the question is put on (absent in records
    /// of editions 1 and 2 that did not name it).
    pub version: Option<u32>,
}

pub(crate) fn vote_json(state: &DomainState, v: &Vote) -> VoteJson {
    let word = |c: &Choice| match c {
        Choice::Yes => "yes",
        Choice::No => "no",
        Choice::Abstain => "abstain",
    };
    VoteJson {
        id: v.id,
        process: v.process,
        target: TargetJson::of(&v.target),
        majority: if v.majority == Majority::Simple { "simple".into() } else { "two_thirds".into() },
        meeting: v.meeting,
        entry: v.entry,
        open: v.closed.is_none(),
        ballots: v.ballots.iter().map(|(m, c)| (m.to_string(), word(c).to_owned())).collect(),
        tally: state.proceedings.tally_of(v).into(),
        explanations: v
            .explanations
            .iter()
            .map(|(m, before, text, entry)| ExplanationJson {
                member: m.to_string(),
                before: *before,
                text: text.clone(),
                entry: *entry,
            })
            .collect(),
        decision: v.decision,
        version: v.version,
    }
}

#[derive(Serialize, ToSchema)]
pub struct ConsensusJson {
    pub id: u64,
    pub process: u64,
    pub target: TargetJson,
    pub meeting: u64,
    pub ad_referendum: bool,
    pub entry: u64,
    pub objections: Vec<ObjectionJson>,
    pub decision: Option<u64>,
    /// The version of the text the question is put on (absent in records
    /// of editions 1 and 2 that did not name it).
    pub version: Option<u32>,
}

pub(crate) fn consensus_json(c: &Consensus) -> ConsensusJson {
    ConsensusJson {
        id: c.id,
        process: c.process,
        target: TargetJson::of(&c.target),
        meeting: c.meeting,
        ad_referendum: c.ad_referendum,
        entry: c.entry,
        objections: c
            .objections
            .iter()
            .map(|(m, r)| ObjectionJson { member: m.to_string(), reason: r.clone() })
            .collect(),
        decision: c.decision,
        version: c.version,
    }
}

#[derive(Serialize, ToSchema)]
pub struct SilenceJson {
    pub id: u64,
    pub process: u64,
    pub target: TargetJson,
    pub deadline: String,
    pub entry: u64,
    pub broken: Option<ObjectionJson>,
    pub decision: Option<u64>,
    /// The version of the text the question is put on (absent in records
    /// of editions 1 and 2 that did not name it).
    pub version: Option<u32>,
}

pub(crate) fn silence_json(s: &Silence) -> SilenceJson {
    SilenceJson {
        id: s.id,
        process: s.process,
        target: TargetJson::of(&s.target),
        deadline: rfc3339(s.deadline),
        entry: s.entry,
        broken: s.broken.as_ref().map(|(m, r, _)| ObjectionJson { member: m.to_string(), reason: r.clone() }),
        decision: s.decision,
        version: s.version,
    }
}

#[derive(Serialize, ToSchema)]
pub struct MeetingJson {
    pub id: u64,
    pub session: u64,
    pub number: u32,
    pub date: String,
    pub place: String,
    pub entry: u64,
    /// scheduled, open or closed: questions are put and the floor given
    /// only in an open meeting.
    pub status: String,
    /// The entries that opened and closed it.
    pub opened: Option<u64>,
    pub closed: Option<u64>,
    /// Members registered present.
    pub present: Vec<String>,
    /// Members present with the right to vote, and the quorums under the forum's rules.
    pub voting_members_present: usize,
    pub meeting_quorum: usize,
    pub decision_quorum: usize,
    pub agenda: Vec<AgendaItemJson>,
    /// The recorded votes and the proposed adoptions by consensus put to
    /// this meeting (their ids, for `/api/v1/votes/{vid}` and
    /// `/api/v1/consensus/{cid}`).
    pub votes: Vec<u64>,
    pub consensus: Vec<u64>,
}

#[derive(Serialize, ToSchema)]
pub struct FloorJson {
    pub number: u32,
    pub member: String,
    /// statement, point_of_order or right_of_reply.
    pub kind: String,
    /// waiting, speaking, spoke or withdrawn.
    pub status: String,
    pub entry: u64,
    pub given: Option<String>,
    /// The speaking time, in seconds, in force when the floor was given.
    pub limit: Option<u32>,
    pub statement: Option<String>,
    /// A statement given as a file: its SHA-256 (served at `/log/blob/<sha256>`) and name.
    pub file: Option<String>,
    pub file_name: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AgendaItemJson {
    pub number: u32,
    /// "3" or "3 (b)".
    pub label: String,
    pub title: String,
    pub parent: Option<u32>,
    pub speaking_time: Option<u32>,
    /// Who has the floor (a request number).
    pub speaking: Option<u32>,
    /// The order in which the chair will call the speakers still waiting.
    pub queue: Vec<u32>,
    /// How many have spoken (or are speaking).
    pub spoke: usize,
    pub requests: Vec<FloorJson>,
}

fn kind_word(k: accord_domain::decisions::FloorKind) -> &'static str {
    match k {
        accord_domain::decisions::FloorKind::PointOfOrder => "point_of_order",
        accord_domain::decisions::FloorKind::Statement => "statement",
        accord_domain::decisions::FloorKind::RightOfReply => "right_of_reply",
    }
}

pub(crate) fn agenda_json(i: &accord_domain::decisions::AgendaItem) -> AgendaItemJson {
    AgendaItemJson {
        number: i.number,
        label: i.label.clone(),
        title: i.title.clone(),
        parent: i.parent,
        speaking_time: i.speaking_time,
        speaking: i.speaking,
        queue: i.queue().iter().map(|r| r.number).collect(),
        spoke: i.requests.iter().filter(|r| matches!(r.status, "spoke" | "speaking")).count(),
        requests: i
            .requests
            .iter()
            .map(|r| FloorJson {
                number: r.number,
                member: r.member.to_string(),
                kind: kind_word(r.kind).into(),
                status: r.status.into(),
                entry: r.entry,
                given: r.given.map(rfc3339),
                limit: r.limit,
                statement: r.statement.clone(),
                file: r.file.as_ref().map(|f| f.0.clone()),
                file_name: r.file.as_ref().map(|f| f.1.clone()),
            })
            .collect(),
    }
}

pub(crate) fn meeting_json(state: &DomainState, m: &Meeting) -> MeetingJson {
    let voting: Vec<&MemberCode> = state.voting_members().collect();
    let rules = &state.proceedings.rules;
    MeetingJson {
        id: m.id,
        session: m.session,
        number: m.number,
        date: m.date.clone(),
        place: m.place.clone(),
        entry: m.entry,
        status: m.status().into(),
        opened: m.opened,
        closed: m.closed,
        present: m.present.iter().map(|c| c.to_string()).collect(),
        voting_members_present: m.present.iter().filter(|c| voting.contains(c)).count(),
        meeting_quorum: rules.meeting_quorum.of(voting.len()),
        decision_quorum: rules.decision_quorum.of(voting.len()),
        agenda: m.agenda.iter().map(agenda_json).collect(),
        votes: state.proceedings.votes.iter().filter(|v| v.meeting == m.id).map(|v| v.id).collect(),
        consensus: state.proceedings.consensus.iter().filter(|c| c.meeting == m.id).map(|c| c.id).collect(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct SessionJson {
    pub id: u64,
    pub title: String,
    pub entry: u64,
    pub meetings: Vec<MeetingJson>,
}
