//! The participant × statement vote matrix, held sparse: one row per
//! participant listing the statements it voted on and how (compressed sparse
//! rows). Nothing here ever allocates participants × statements.

use crate::ConsultError;

/// A vote as cast: `value` is 1 (agree), -1 (disagree) or 0 (pass).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vote {
    pub participant: u32,
    pub statement: u32,
    pub value: i8,
}

/// The vote matrix. Built once from the votes; a participant's later vote on
/// a statement replaces its earlier one.
#[derive(Debug, Clone)]
pub struct VoteMatrix {
    n_participants: usize,
    n_statements: usize,
    row_start: Vec<usize>,
    statements: Vec<u32>,
    values: Vec<i8>,
}

impl VoteMatrix {
    /// Builds the matrix from votes in the order they were cast (a later vote
    /// on the same statement by the same participant wins).
    pub fn from_votes(n_participants: usize, n_statements: usize, votes: &[Vote]) -> Result<VoteMatrix, ConsultError> {
        if n_participants > u32::MAX as usize || n_statements > u32::MAX as usize {
            return Err(ConsultError::TooLarge);
        }
        let mut counts = vec![0usize; n_participants + 1];
        for v in votes {
            if v.participant as usize >= n_participants {
                return Err(ConsultError::UnknownParticipant(v.participant));
            }
            if v.statement as usize >= n_statements {
                return Err(ConsultError::UnknownStatement(v.statement));
            }
            if !(-1..=1).contains(&v.value) {
                return Err(ConsultError::BadVote(v.value));
            }
            counts[v.participant as usize + 1] += 1;
        }
        for i in 0..n_participants {
            counts[i + 1] += counts[i];
        }
        // Counting sort by participant; stable, so each row keeps the order of casting.
        let mut next = counts.clone();
        let mut entries = vec![(0u32, 0i8); votes.len()];
        for v in votes {
            let slot = &mut next[v.participant as usize];
            entries[*slot] = (v.statement, v.value);
            *slot += 1;
        }
        let mut row_start = Vec::with_capacity(n_participants + 1);
        let mut statements = Vec::with_capacity(votes.len());
        let mut values = Vec::with_capacity(votes.len());
        row_start.push(0);
        for i in 0..n_participants {
            let row = &mut entries[counts[i]..counts[i + 1]];
            row.sort_by_key(|e| e.0); // stable: the last cast of a statement stays last
            let mut k = 0;
            while k < row.len() {
                let mut last = k;
                while last + 1 < row.len() && row[last + 1].0 == row[k].0 {
                    last += 1;
                }
                statements.push(row[last].0);
                values.push(row[last].1);
                k = last + 1;
            }
            row_start.push(statements.len());
        }
        Ok(VoteMatrix { n_participants, n_statements, row_start, statements, values })
    }

    /// A matrix from its compressed rows, each listing its statements in
    /// ascending order once (the caller builds them so).
    pub(crate) fn from_rows(
        n_statements: usize,
        row_start: Vec<usize>,
        statements: Vec<u32>,
        values: Vec<i8>,
    ) -> VoteMatrix {
        debug_assert!(row_start.windows(2).all(|w| statements[w[0]..w[1]].windows(2).all(|s| s[0] < s[1])));
        VoteMatrix { n_participants: row_start.len() - 1, n_statements, row_start, statements, values }
    }

    pub fn n_participants(&self) -> usize {
        self.n_participants
    }

    pub fn n_statements(&self) -> usize {
        self.n_statements
    }

    /// Number of (participant, statement) cells holding a vote.
    pub fn n_votes(&self) -> usize {
        self.values.len()
    }

    /// The statements participant `p` voted on (ascending) and its votes.
    pub fn row(&self, p: usize) -> (&[u32], &[i8]) {
        let (a, b) = (self.row_start[p], self.row_start[p + 1]);
        (&self.statements[a..b], &self.values[a..b])
    }

    pub fn row_len(&self, p: usize) -> usize {
        self.row_start[p + 1] - self.row_start[p]
    }
}
