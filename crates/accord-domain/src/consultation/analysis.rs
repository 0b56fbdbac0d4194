//! A consultation's analysis, as anyone recomputes it from the record: the
//! vote matrix the state holds, through `accord-consult`, into the JSON
//! report whose SHA-256 a `consultation.analysis_published` entry names.
//!
//! Rows are participants in the order they joined, named by their
//! pseudonyms; columns are statements by number ("1", "2", ...); a
//! statement not accepted (pending or rejected) is moderated out; a later
//! vote replaces an earlier one. With no vote, the report is empty: no
//! group, every participant uncounted.
//!
//! A published analysis names the edition of the engine that computed it
//! ([`ENGINE`]), and is recomputed by that edition, so that a result
//! published before the engine changed still verifies.

use accord_consult::report::{Participants, Report};
use accord_consult::{analyse, Analysis, Settings, Vote, VoteMatrix};

use super::model::{Consultation, Moderation};

/// The edition of the engine that computes analyses now:
/// - 1: participants and statements analysed in the order of the record
///   (participants as they joined, statements by number);
/// - 2: analysed in an order computed from the votes alone
///   (`accord_consult::canonical`): the result does not depend on the
///   order in which people joined or statements were written.
pub const ENGINE: u32 = 2;

/// The analysis of `c` by edition `engine` of the engine (1 to
/// [`ENGINE`]) and its report (the analysis is `None` without votes).
pub fn analyse_consultation(c: &Consultation, engine: u32) -> (Option<Analysis>, Report<String>) {
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
        .and_then(|m| analyse(&m, &moderated_out, &Settings { canonical_order: engine >= 2, ..Settings::default() }));
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
