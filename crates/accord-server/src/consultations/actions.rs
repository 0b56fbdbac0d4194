//! What both surfaces record: the entry bodies of consultations, from
//! parsed values, and whose name each is recorded in.

use accord_domain::consultation::*;
use accord_domain::ids::{DisplayName, ParticipantId, Reason, StatementText};
use accord_domain::state::{Action, Principal};
use accord_domain::EntryBody;

use crate::http::error::ApiError;

fn act(body: EntryBody) -> Action {
    Action::Negotiate(Box::new(body))
}

/// Opens a consultation (the secretariat).
pub fn open(title: &str, question: &str, process: Option<u64>, provisions: Vec<String>) -> Result<Action, ApiError> {
    let title = DisplayName::parse(title)?;
    let question = Reason::parse(question)?;
    Ok(act(EntryBody::ConsultationOpened(ConsultationOpened { title, question, process, provisions })))
}

/// A statement: a seed when the secretariat writes it, else a
/// participant's, recorded by the server under the pseudonym.
pub fn statement(
    consultation: u64,
    text: &str,
    seed: bool,
    participant: Option<ParticipantId>,
    proposal: Option<u64>,
) -> Result<Action, ApiError> {
    let text = StatementText::parse(text)?;
    if seed {
        return Ok(act(EntryBody::ConsultationStatementSeeded(StatementSeeded { consultation, text, proposal })));
    }
    if proposal.is_some() {
        return Err(ApiError::bad_request(
            "proposal_not_cited",
            "only the secretariat's statements cite a proposal; a delegation turns a statement into a proposal instead",
        ));
    }
    let participant = participant.ok_or_else(|| {
        ApiError::forbidden("not_a_participant", "join the consultation first, then write statements")
    })?;
    let text_sha256 = text_sha256(text.as_str());
    Ok(act(EntryBody::ConsultationStatementSubmitted(StatementSubmitted { consultation, participant, text_sha256 })))
}

/// The private table's name of a pending statement's text.
pub fn pending_text_name(sha256: &str) -> String {
    format!("consultation statement {sha256}")
}

pub fn join(consultation: u64, participant: ParticipantId, category: ParticipantCategory) -> Action {
    act(EntryBody::ConsultationParticipantJoined(ParticipantJoined { consultation, participant, category }))
}

pub fn vote(consultation: u64, participant: ParticipantId, statement: u32, vote: &str) -> Result<Action, ApiError> {
    let vote = ConsultVote::parse(vote)?;
    Ok(act(EntryBody::ConsultationVoteCast(ConsultVoteCast { consultation, participant, statement, vote })))
}

pub fn moderate(consultation: u64, statement: u32, accepted: bool, text: Option<StatementText>) -> Action {
    act(EntryBody::ConsultationStatementModerated(StatementModerated { consultation, statement, accepted, text }))
}

pub fn close(consultation: u64) -> Action {
    act(EntryBody::ConsultationClosed(ConsultationRef { consultation }))
}

pub fn publish(consultation: u64, record_size: u64, digest: String) -> Action {
    act(EntryBody::ConsultationAnalysisPublished(AnalysisPublished {
        consultation,
        record_size,
        digest,
        engine: Some(accord_domain::consultation::analysis::ENGINE),
    }))
}

/// Participants' entries are recorded by the server, in no one's name.
pub const SERVER: Principal = Principal::System;
