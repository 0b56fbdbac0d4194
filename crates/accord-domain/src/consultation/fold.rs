//! One fold per consultation entry kind.

use super::model::*;
use super::payloads::*;
use crate::entry::Entry;
use crate::state::State;

fn consultation(state: &mut State, id: u64) -> &mut Consultation {
    &mut state.consultations[id as usize - 1]
}

pub(crate) fn consultation_opened(state: &mut State, entry: &Entry, o: &ConsultationOpened) {
    let id = state.consultations.len() as u64 + 1;
    state.consultations.push(Consultation {
        id,
        title: o.title.clone(),
        question: o.question.clone(),
        process: o.process,
        provisions: o.provisions.clone(),
        entry: entry.index,
        time: entry.time,
        closed: None,
        statements: Vec::new(),
        participants: Default::default(),
        order: Vec::new(),
        votes: Vec::new(),
        latest: Default::default(),
        changed: entry.index,
        published: Vec::new(),
    });
}

fn add_statement(
    c: &mut Consultation,
    entry: &Entry,
    text: (Option<crate::ids::StatementText>, String),
    author: Option<crate::ids::ParticipantId>,
    proposal: Option<u64>,
    moderation: Moderation,
) {
    c.statements.push(Statement {
        id: c.statements.len() as u32 + 1,
        text: text.0,
        text_sha256: text.1,
        author,
        proposal,
        moderation,
        entry: entry.index,
        time: entry.time,
    });
    c.changed = entry.index;
}

pub(crate) fn statement_seeded(state: &mut State, entry: &Entry, s: &StatementSeeded) {
    let c = consultation(state, s.consultation);
    let text = (Some(s.text.clone()), text_sha256(s.text.as_str()));
    add_statement(c, entry, text, None, s.proposal, Moderation::Accepted);
}

pub(crate) fn participant_joined(state: &mut State, entry: &Entry, j: &ParticipantJoined) {
    let c = consultation(state, j.consultation);
    let index = c.order.len() as u32;
    c.participants.insert(j.participant.clone(), Participant { index, category: j.category, entry: entry.index });
    c.order.push(j.participant.clone());
    c.changed = entry.index;
}

pub(crate) fn statement_submitted(state: &mut State, entry: &Entry, s: &StatementSubmitted) {
    let c = consultation(state, s.consultation);
    let text = (None, s.text_sha256.clone());
    add_statement(c, entry, text, Some(s.participant.clone()), None, Moderation::Pending);
}

pub(crate) fn statement_moderated(state: &mut State, entry: &Entry, m: &StatementModerated) {
    let c = consultation(state, m.consultation);
    let s = &mut c.statements[m.statement as usize - 1];
    s.moderation = if m.accepted { Moderation::Accepted } else { Moderation::Rejected };
    if let Some(text) = &m.text {
        s.text = Some(text.clone());
    }
    c.changed = entry.index;
}

pub(crate) fn consultation_vote_cast(state: &mut State, entry: &Entry, v: &ConsultVoteCast) {
    let c = consultation(state, v.consultation);
    let participant = c.participants[&v.participant].index;
    c.votes.push(RecordedVote { participant, statement: v.statement, vote: v.vote });
    c.latest.insert((participant, v.statement), v.vote);
    c.changed = entry.index;
}

pub(crate) fn consultation_closed(state: &mut State, entry: &Entry, r: &ConsultationRef) {
    consultation(state, r.consultation).closed = Some(entry.index);
}

pub(crate) fn analysis_published(state: &mut State, entry: &Entry, a: &AnalysisPublished) {
    consultation(state, a.consultation).published.push(Published {
        entry: entry.index,
        record_size: a.record_size,
        digest: a.digest.clone(),
        engine: a.engine.unwrap_or(1),
    });
}
