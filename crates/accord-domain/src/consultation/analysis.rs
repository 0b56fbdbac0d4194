//! A consultation's analysis, as anyone recomputes it from the record: the
//! vote matrix the state holds, through `accord-consult`, into the JSON
//! report whose SHA-256 a `consultation.analysis_published` entry names.
//!
//! Rows are participants in the order they joined, named by their
//! pseudonyms; columns are statements by number ("1", "2", ...); a
//! statement not accepted (pending or rejected) is moderated out; a later
//! vote replaces an earlier one. With no vote, the report is empty: no
//! group, every participant uncounted.

use accord_consult::report::{Participants, Report};
use accord_consult::{analyse, Analysis, Settings, Vote, VoteMatrix};

use super::model::{Consultation, Moderation};

/// The analysis of `c` and its report (the analysis is `None` without votes).
pub fn analyse_consultation(c: &Consultation) -> (Option<Analysis>, Report<String>) {
    let participants: Vec<String> = c.order.iter().map(|p| p.as_str().to_owned()).collect();
    let statements: Vec<String> = c.statements.iter().map(|s| s.id.to_string()).collect();
    let empty = || Report {
        participants: Participants(participants.iter().map(|p| (p.clone(), None)).collect()),
        groups: Vec::new(),
        consensus: Vec::new(),
        bridging: Vec::new(),
    };
    if c.votes.is_empty() {
        return (None, empty());
    }
    let votes: Vec<Vote> = c
        .votes
        .iter()
        .map(|v| Vote { participant: v.participant, statement: v.statement - 1, value: v.vote.value() })
        .collect();
    let moderated_out: Vec<bool> = c.statements.iter().map(|s| s.moderation != Moderation::Accepted).collect();
    let analysis = VoteMatrix::from_votes(participants.len(), statements.len(), &votes)
        .and_then(|m| analyse(&m, &moderated_out, &Settings::default()));
    match analysis {
        Ok(a) => {
            let report = Report::new(&a, &participants, &statements);
            (Some(a), report)
        }
        // The state only holds votes of joined participants on existing
        // statements, so the matrix is always well formed; should the
        // engine still refuse it, the result is the empty report.
        Err(_) => (None, empty()),
    }
}
