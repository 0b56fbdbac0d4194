//! One check per consultation entry kind.

use super::model::{Consultation, Moderation};
use super::payloads::*;
use crate::error::Refusal;
use crate::kinds::Cx;
use crate::state::State;

/// Provisions one consultation may name.
pub const MAX_PROVISIONS: usize = 500;
/// Statements one consultation may hold.
pub const MAX_STATEMENTS: usize = 100_000;
/// Statements one participant may submit to one consultation.
pub const MAX_SUBMITTED_PER_PARTICIPANT: usize = 50;

impl State {
    /// A consultation by its number.
    pub fn consultation(&self, id: u64) -> Result<&Consultation, Refusal> {
        id.checked_sub(1)
            .and_then(|i| self.consultations.get(i as usize))
            .ok_or_else(|| Refusal::not_found("unknown_consultation", format!("there is no consultation {id}")))
    }

    fn open_consultation(&self, id: u64) -> Result<&Consultation, Refusal> {
        let c = self.consultation(id)?;
        if !c.is_open() {
            return Err(Refusal::conflict("consultation_closed", format!("consultation {id} is closed")));
        }
        Ok(c)
    }
}

fn secretariat_only(cx: &Cx<'_>, what: &str) -> Result<(), Refusal> {
    if cx.rights.is_secretariat() {
        Ok(())
    } else {
        Err(Refusal::forbidden("secretariat_only", format!("only the secretariat {what}")))
    }
}

/// Participants' entries are recorded by the server under their pseudonym:
/// no delegate or officer records one in their own name (it would say who
/// the participant is).
fn recorded_by_server(cx: &Cx<'_>) -> Result<(), Refusal> {
    if cx.rights.system {
        Ok(())
    } else {
        Err(Refusal::forbidden(
            "participant_entry",
            "a participant's entry is recorded by the server under the participant's pseudonym, not in a delegate's name",
        ))
    }
}

fn participant<'a>(c: &'a Consultation, p: &crate::ids::ParticipantId) -> Result<&'a super::Participant, Refusal> {
    c.participants.get(p).ok_or_else(|| {
        Refusal::conflict(
            "not_a_participant",
            format!("participant {} has not joined consultation {}", p.as_str(), c.id),
        )
    })
}

pub(crate) fn consultation_opened(state: &State, cx: &Cx<'_>, o: &ConsultationOpened) -> Result<(), Refusal> {
    secretariat_only(cx, "opens a consultation")?;
    if o.question.as_str().is_empty() {
        return Err(Refusal::invalid("invalid_question", "the question is empty: say what participants are asked"));
    }
    if o.provisions.len() > MAX_PROVISIONS {
        return Err(Refusal::invalid(
            "too_many_provisions",
            format!("a consultation names at most {MAX_PROVISIONS} provisions"),
        ));
    }
    let Some(process) = o.process else {
        if o.provisions.is_empty() {
            return Ok(());
        }
        return Err(Refusal::invalid("provisions_without_process", "provisions are named only with their process"));
    };
    let latest = &state.process(process)?.latest().instrument;
    let mut seen = std::collections::BTreeSet::new();
    for eid in &o.provisions {
        if latest.position(eid).is_none() {
            return Err(Refusal::not_found(
                "unknown_provision",
                format!("the latest version of process {process} has no provision {eid:?}"),
            ));
        }
        if !seen.insert(eid) {
            return Err(Refusal::invalid("duplicate_provision", format!("provision {eid} is named twice")));
        }
    }
    Ok(())
}

fn check_new_statement(
    c: &Consultation,
    text: Option<&crate::ids::StatementText>,
    sha256: &str,
) -> Result<(), Refusal> {
    if c.statements.len() >= MAX_STATEMENTS {
        return Err(Refusal::conflict(
            "too_many_statements",
            format!("consultation {} holds {MAX_STATEMENTS} statements, its most", c.id),
        ));
    }
    let lower = text.map(|t| t.as_str().to_lowercase());
    let same_text = |s: &super::Statement| {
        s.text_sha256 == sha256
            || lower.as_ref().is_some_and(|l| s.text.as_ref().is_some_and(|t| t.as_str().to_lowercase() == *l))
    };
    if let Some(same) = c.statements.iter().find(|s| same_text(s)) {
        return Err(Refusal::conflict(
            "duplicate_statement",
            format!("statement {} of consultation {} says the same", same.id, c.id),
        ));
    }
    Ok(())
}

pub(crate) fn statement_seeded(state: &State, cx: &Cx<'_>, s: &StatementSeeded) -> Result<(), Refusal> {
    secretariat_only(cx, "seeds a consultation with statements")?;
    let c = state.open_consultation(s.consultation)?;
    check_new_statement(c, Some(&s.text), &super::text_sha256(s.text.as_str()))?;
    if let Some(proposal) = s.proposal {
        let Some(process) = c.process else {
            return Err(Refusal::invalid(
                "no_process",
                format!("consultation {} is on no process: its statements cite no proposal", c.id),
            ));
        };
        state.process(process)?.proposal(proposal)?;
    }
    Ok(())
}

pub(crate) fn participant_joined(state: &State, cx: &Cx<'_>, j: &ParticipantJoined) -> Result<(), Refusal> {
    recorded_by_server(cx)?;
    let c = state.open_consultation(j.consultation)?;
    if c.participants.contains_key(&j.participant) {
        return Err(Refusal::conflict(
            "already_joined",
            format!("participant {} has joined consultation {} already", j.participant.as_str(), c.id),
        ));
    }
    Ok(())
}

pub(crate) fn statement_submitted(state: &State, cx: &Cx<'_>, s: &StatementSubmitted) -> Result<(), Refusal> {
    recorded_by_server(cx)?;
    let c = state.open_consultation(s.consultation)?;
    participant(c, &s.participant)?;
    let written = c.statements.iter().filter(|x| x.author.as_ref() == Some(&s.participant)).count();
    if written >= MAX_SUBMITTED_PER_PARTICIPANT {
        return Err(Refusal::conflict(
            "too_many_statements",
            format!("a participant writes at most {MAX_SUBMITTED_PER_PARTICIPANT} statements in a consultation"),
        ));
    }
    if s.text_sha256.len() != 64 || !s.text_sha256.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return Err(Refusal::invalid("invalid_digest", "the text's SHA-256 is not 64 lowercase hexadecimal digits"));
    }
    check_new_statement(c, None, &s.text_sha256)
}

pub(crate) fn statement_moderated(state: &State, cx: &Cx<'_>, m: &StatementModerated) -> Result<(), Refusal> {
    secretariat_only(cx, "moderates statements")?;
    let c = state.open_consultation(m.consultation)?;
    let s = c.statement(m.statement).ok_or_else(|| {
        Refusal::not_found("unknown_statement", format!("consultation {} has no statement {}", c.id, m.statement))
    })?;
    let wanted = if m.accepted { Moderation::Accepted } else { Moderation::Rejected };
    if s.moderation == wanted {
        return Err(Refusal::conflict(
            "already_moderated",
            format!("statement {} is {} already", s.id, wanted.as_str()),
        ));
    }
    // A participant's text enters the record with its first acceptance,
    // and must be the text whose hash was submitted.
    match (&m.text, m.accepted && s.text.is_none()) {
        (None, true) => Err(Refusal::invalid(
            "text_required",
            format!("statement {} is accepted with its text, whose SHA-256 its submission named", s.id),
        )),
        (Some(t), true) if super::text_sha256(t.as_str()) != s.text_sha256 => Err(Refusal::invalid(
            "text_mismatch",
            format!("this is not the text of statement {}: its SHA-256 differs from the one submitted", s.id),
        )),
        (Some(_), false) => Err(Refusal::invalid(
            "text_unexpected",
            format!("statement {}'s text is public already, or is not published by a rejection", s.id),
        )),
        _ => Ok(()),
    }
}

pub(crate) fn consultation_vote_cast(state: &State, cx: &Cx<'_>, v: &ConsultVoteCast) -> Result<(), Refusal> {
    recorded_by_server(cx)?;
    let c = state.open_consultation(v.consultation)?;
    let row = participant(c, &v.participant)?.index;
    if c.latest.get(&(row, v.statement)) == Some(&v.vote) {
        return Err(Refusal::conflict(
            "vote_unchanged",
            format!("this participant's vote on statement {} is {} already", v.statement, v.vote.as_str()),
        ));
    }
    match c.statement(v.statement) {
        Some(s) if s.moderation == Moderation::Accepted => Ok(()),
        Some(s) => Err(Refusal::conflict(
            "statement_not_shown",
            format!("statement {} is {}: only accepted statements are voted on", s.id, s.moderation.as_str()),
        )),
        None => Err(Refusal::not_found(
            "unknown_statement",
            format!("consultation {} has no statement {}", c.id, v.statement),
        )),
    }
}

pub(crate) fn consultation_closed(state: &State, cx: &Cx<'_>, r: &ConsultationRef) -> Result<(), Refusal> {
    secretariat_only(cx, "closes a consultation")?;
    state.open_consultation(r.consultation).map(|_| ())
}

pub(crate) fn analysis_published(state: &State, cx: &Cx<'_>, a: &AnalysisPublished) -> Result<(), Refusal> {
    secretariat_only(cx, "publishes a consultation's analysis")?;
    let c = state.consultation(a.consultation)?;
    if a.digest.len() != 64 || !a.digest.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return Err(Refusal::invalid("invalid_digest", "the digest is not 64 lowercase hexadecimal digits (SHA-256)"));
    }
    if let Some(engine) = a.engine.filter(|e| !(1..=super::analysis::ENGINE).contains(e)) {
        return Err(Refusal::invalid(
            "unknown_engine",
            format!("no edition {engine} of the analysis engine exists: editions 1 to {} do", super::analysis::ENGINE),
        ));
    }
    if a.record_size > state.next_index || a.record_size <= c.changed {
        return Err(Refusal::conflict(
            "analysis_outdated",
            format!(
                "consultation {} changed at entry {}: an analysis at record size {} does not show it (publish one at \
                 a size from {} to {})",
                c.id,
                c.changed,
                a.record_size,
                c.changed + 1,
                state.next_index
            ),
        ));
    }
    if c.published.iter().any(|p| p.record_size == a.record_size) {
        return Err(Refusal::conflict(
            "analysis_published",
            format!("the analysis at record size {} is published already", a.record_size),
        ));
    }
    Ok(())
}
