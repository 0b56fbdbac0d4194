//! What the entries of meetings and decisions change: one fold per kind
//! (see [`crate::kinds`]), and the effect of a decision on the text.

use std::collections::{BTreeMap, BTreeSet};

use super::*;
use crate::entry::{Actor, Entry};
use crate::ids::MemberCode;
use crate::negotiation::ProposalStatus;
use crate::state::State;

/// The member a delegation acted for.
fn member_of(actor: &Actor) -> Option<MemberCode> {
    match actor {
        Actor::Delegate { member, .. } => Some(member.clone()),
        _ => None,
    }
}

pub(crate) fn rules_changed(state: &mut State, _entry: &Entry, r: &RulesChanged) {
    match r.process {
        Some(p) => {
            state.proceedings.process_rules.insert(p, r.rules.clone());
        }
        None => state.proceedings.rules = r.rules.clone(),
    }
}

pub(crate) fn session_opened(state: &mut State, entry: &Entry, s: &SessionOpened) {
    let id = state.proceedings.sessions.len() as u64 + 1;
    state.proceedings.sessions.push(Session { id, title: s.title.clone(), entry: entry.index, meetings: Vec::new() });
}

pub(crate) fn meeting_scheduled(state: &mut State, entry: &Entry, m: &MeetingScheduled) {
    let d = &mut state.proceedings;
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

pub(crate) fn meeting_opened(state: &mut State, entry: &Entry, r: &MeetingRef) {
    state.proceedings.meetings[r.meeting as usize - 1].opened = Some(entry.index);
}

pub(crate) fn meeting_closed(state: &mut State, entry: &Entry, r: &MeetingRef) {
    let meeting = &mut state.proceedings.meetings[r.meeting as usize - 1];
    end_turns(meeting);
    meeting.closed = Some(entry.index);
}

pub(crate) fn important_question_designated(state: &mut State, entry: &Entry, q: &ImportantQuestion) {
    state.proceedings.important.push((q.process, q.target.clone(), entry.index));
}

pub(crate) fn agenda_item_added(state: &mut State, _entry: &Entry, a: &AgendaItemAdded) {
    let m = &mut state.proceedings.meetings[a.meeting as usize - 1];
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

pub(crate) fn floor_requested(state: &mut State, entry: &Entry, f: &FloorRequested) {
    if let Some(member) = member_of(&entry.actor) {
        let item = &mut state.proceedings.meetings[f.meeting as usize - 1].agenda[f.item as usize - 1];
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

pub(crate) fn floor_withdrawn(state: &mut State, _entry: &Entry, f: &FloorWithdrawn) {
    let item = &mut state.proceedings.meetings[f.meeting as usize - 1].agenda[f.item as usize - 1];
    item.requests[f.request as usize - 1].status = "withdrawn";
}

pub(crate) fn floor_given(state: &mut State, entry: &Entry, f: &FloorGiven) {
    let meeting = &mut state.proceedings.meetings[f.meeting as usize - 1];
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

pub(crate) fn speaking_time_set(state: &mut State, _entry: &Entry, t: &SpeakingTimeSet) {
    state.proceedings.meetings[t.meeting as usize - 1].agenda[t.item as usize - 1].speaking_time = t.seconds;
}

pub(crate) fn statement_delivered(state: &mut State, _entry: &Entry, st: &StatementDelivered) {
    let r = &mut state.proceedings.meetings[st.meeting as usize - 1].agenda[st.item as usize - 1].requests
        [st.request as usize - 1];
    r.statement = st.text.clone();
    r.file = st.file.as_ref().map(|f| (f.hex(), st.file_name.clone().unwrap_or_default()));
}

pub(crate) fn attendance_registered(state: &mut State, entry: &Entry, a: &AttendanceRegistered) {
    if let Some(m) = member_of(&entry.actor) {
        state.proceedings.meetings[a.meeting as usize - 1].present.insert(m);
    }
}

pub(crate) fn attendance_corrected(state: &mut State, _entry: &Entry, a: &AttendanceCorrected) {
    let present = &mut state.proceedings.meetings[a.meeting as usize - 1].present;
    if a.present {
        present.insert(a.member.clone());
    } else {
        present.remove(&a.member);
    }
}

pub(crate) fn vote_opened(state: &mut State, entry: &Entry, v: &VoteOpened) {
    let id = state.proceedings.votes.len() as u64 + 1;
    state.proceedings.votes.push(Vote {
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

pub(crate) fn ballot_cast(state: &mut State, entry: &Entry, b: &BallotCast) {
    if let Some(m) = member_of(&entry.actor) {
        state.proceedings.votes[b.vote as usize - 1].ballots.insert(m, b.choice);
    }
}

pub(crate) fn vote_explained(state: &mut State, entry: &Entry, x: &VoteExplained) {
    if let Some(m) = member_of(&entry.actor) {
        let vote = &mut state.proceedings.votes[x.vote as usize - 1];
        let before = vote.closed.is_none();
        vote.explanations.push((m, before, x.text.clone(), entry.index));
    }
}

pub(crate) fn vote_closed(state: &mut State, entry: &Entry, r: &VoteRef) {
    let vote = &state.proceedings.votes[r.vote as usize - 1];
    let t = state.proceedings.tally_of(vote);
    let outcome = if t.adopted { Outcome::Adopted } else { Outcome::NotAdopted };
    let (process, target, meeting) = (vote.process, vote.target.clone(), vote.meeting);
    let id = state.record_decision(
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
    let vote = &mut state.proceedings.votes[r.vote as usize - 1];
    vote.closed = Some(entry.index);
    vote.decision = Some(id);
}

pub(crate) fn consensus_proposed(state: &mut State, entry: &Entry, c: &ConsensusProposed) {
    let id = state.proceedings.consensus.len() as u64 + 1;
    state.proceedings.consensus.push(Consensus {
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

pub(crate) fn consensus_objected(state: &mut State, entry: &Entry, o: &ConsensusObjected) {
    if let Some(m) = member_of(&entry.actor) {
        state.proceedings.consensus[o.consensus as usize - 1].objections.push((m, o.reason.clone()));
    }
}

pub(crate) fn consensus_declared(state: &mut State, entry: &Entry, r: &ConsensusRef) {
    let c = &state.proceedings.consensus[r.consensus as usize - 1];
    let outcome = match (c.objections.is_empty(), c.ad_referendum) {
        (false, _) => Outcome::NotAdopted,
        (true, true) => Outcome::AgreedAdReferendum,
        (true, false) => Outcome::Adopted,
    };
    let (process, target, meeting, objections) = (c.process, c.target.clone(), c.meeting, c.objections.clone());
    let id = state.record_decision(
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
    state.proceedings.consensus[r.consensus as usize - 1].decision = Some(id);
}

pub(crate) fn decision_confirmed(state: &mut State, entry: &Entry, r: &DecisionRef) {
    let d = &mut state.proceedings.decisions[r.decision as usize - 1];
    d.confirmed_entry = Some(entry.index);
    let (process, target, label) = (d.process, d.target.clone(), format!("decision {} confirmed", d.id));
    state.take_effect(entry, process, &target, true, label);
    state.note_adopted_version(r.decision);
}

pub(crate) fn silence_started(state: &mut State, entry: &Entry, s: &SilenceStarted) {
    let id = state.proceedings.silences.len() as u64 + 1;
    state.proceedings.silences.push(Silence {
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

pub(crate) fn silence_broken(state: &mut State, entry: &Entry, b: &SilenceBroken) {
    let Some(m) = member_of(&entry.actor) else { return };
    let s = &mut state.proceedings.silences[b.silence as usize - 1];
    s.broken = Some((m.clone(), b.reason.clone(), entry.index));
    let (process, target) = (s.process, s.target.clone());
    let id = state.record_decision(
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
    state.proceedings.silences[b.silence as usize - 1].decision = Some(id);
}

pub(crate) fn silence_concluded(state: &mut State, entry: &Entry, r: &SilenceRef) {
    let s = &state.proceedings.silences[r.silence as usize - 1];
    let (process, target) = (s.process, s.target.clone());
    let id = state.record_decision(
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
    state.proceedings.silences[r.silence as usize - 1].decision = Some(id);
}

impl State {
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

fn end_turns(meeting: &mut Meeting) {
    for item in &mut meeting.agenda {
        if let Some(current) = item.speaking.take() {
            item.requests[current as usize - 1].status = "spoke";
        }
    }
}
