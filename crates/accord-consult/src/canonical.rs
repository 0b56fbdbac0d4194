//! An order of participants and statements computed from the votes alone,
//! so that the analysis does not depend on how either was numbered.
//!
//! Every floating-point sum of the analysis is taken in the order of the
//! participants or of the statements, and a sum taken in another order can
//! differ in its last bits. On a conversation whose groups are weakly
//! drawn, that is enough to move a participant on a border, or to change
//! which point k-means++ draws. [`analyse`](crate::analyse) therefore
//! renumbers both into the order this module computes, analyses the
//! renumbered matrix and maps the result back: the same votes under any
//! numbering give the same analysis, to the last bit.
//!
//! The order is that of a key refined from the votes, in the manner of
//! colour refinement (Weisfeiler–Leman): a statement starts from its tally
//! (agrees, disagrees, passes, whether moderated out), a participant from
//! the keys of the statements it voted on and how; then each statement's key
//! takes in the keys of its voters and each participant's again those of its
//! statements, [`ROUNDS`] times. Each key combines its parts with a wrapping
//! sum of mixed hashes, which no order changes. Two participants keep the
//! same key only when refinement cannot tell them apart — in practice when
//! they cast the same votes, and then which comes first changes no sum.
//! Ties left are broken by the given index.

use crate::matrix::VoteMatrix;
use crate::parallel;

/// Rounds of refinement after the first keys. Two carry each participant's
/// key through its statements' voters and back; a third costs one more pass
/// over the votes and splits what is left of rare ties.
pub const ROUNDS: usize = 3;

/// A renumbering: `participants[new] = old` and `statements[new] = old`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    pub participants: Vec<u32>,
    pub statements: Vec<u32>,
}

/// A 64-bit mixer (SplitMix64's finaliser): close values give unrelated keys.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The contribution of one vote `value` on something keyed `key`.
fn part(key: u64, value: i8) -> u64 {
    mix(key ^ (value as i64 as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93))
}

/// The order of `m`'s participants and statements by their refined keys.
/// `kept[j]` is false for a statement moderated out. `threads` share the
/// passes over the votes (0: as many as the machine has); every key is a
/// wrapping sum, the same whatever the threads.
pub fn order(m: &VoteMatrix, kept: &[bool], threads: usize) -> Order {
    let (n_p, n_s) = (m.n_participants(), m.n_statements());
    let threads = parallel::threads(threads);
    let rows = parallel::statement_blocks(m);
    // Per statement, the wrapping sum of `f(participant, vote)` over its votes.
    let per_statement = |f: &(dyn Fn(usize, i8) -> u64 + Sync)| {
        let parts = parallel::map(threads, &rows, |range| {
            let mut sums = vec![0u64; n_s];
            for p in range {
                let (js, vals) = m.row(p);
                for (&j, &v) in js.iter().zip(vals) {
                    let s = &mut sums[j as usize];
                    *s = s.wrapping_add(f(p, v));
                }
            }
            sums
        });
        let mut sums = vec![0u64; n_s];
        for part in parts {
            sums.iter_mut().zip(part).for_each(|(s, q)| *s = s.wrapping_add(q));
        }
        sums
    };
    // Each statement's tally: disagrees, passes, agrees.
    let tallies = [-1i8, 0, 1].map(|value| per_statement(&|_, v| u64::from(v == value)));
    let mut statement_key: Vec<u64> = (0..n_s)
        .map(|j| mix(mix(mix(mix(u64::from(kept[j])) ^ tallies[0][j]) ^ tallies[1][j]) ^ tallies[2][j]))
        .collect();
    let blocks = parallel::row_blocks(m, parallel::BLOCK_VOTES);
    let refine_participants = |statement_key: &[u64], participant_key: &[u64]| -> Vec<u64> {
        parallel::map(threads, &blocks, |range| {
            range
                .map(|p| {
                    let (js, vals) = m.row(p);
                    let sum = js
                        .iter()
                        .zip(vals)
                        .fold(0u64, |acc, (&j, &v)| acc.wrapping_add(part(statement_key[j as usize], v)));
                    mix(mix(participant_key[p] ^ js.len() as u64) ^ sum)
                })
                .collect::<Vec<u64>>()
        })
        .concat()
    };
    let mut participant_key = refine_participants(&statement_key, &vec![0u64; n_p]);
    for _ in 0..ROUNDS {
        let sums = per_statement(&|p, v| part(participant_key[p], v));
        for (key, sum) in statement_key.iter_mut().zip(sums) {
            *key = mix(*key ^ sum);
        }
        participant_key = refine_participants(&statement_key, &participant_key);
    }
    let sorted = |keys: &[u64]| {
        let mut order: Vec<u32> = (0..keys.len() as u32).collect();
        order.sort_unstable_by_key(|&i| (keys[i as usize], i));
        order
    };
    Order { participants: sorted(&participant_key), statements: sorted(&statement_key) }
}

/// The inverse of a renumbering: `inverse(order)[old] = new`.
pub fn inverse(order: &[u32]) -> Vec<u32> {
    let mut inv = vec![0u32; order.len()];
    for (new, &old) in order.iter().enumerate() {
        inv[old as usize] = new as u32;
    }
    inv
}

/// `m` renumbered by `order`: row `new` holds the votes of participant
/// `order.participants[new]`, on statements numbered anew, each row sorted
/// again. Rows are renumbered in blocks on up to `threads` threads.
pub fn renumber(m: &VoteMatrix, order: &Order, threads: usize) -> VoteMatrix {
    let new_statement = inverse(&order.statements);
    let mut row_start = Vec::with_capacity(m.n_participants() + 1);
    row_start.push(0);
    for &old in &order.participants {
        row_start.push(row_start.last().copied().unwrap_or(0) + m.row_len(old as usize));
    }
    let mut blocks = Vec::new();
    let (mut start, mut acc) = (0, 0);
    for new in 0..order.participants.len() {
        acc += row_start[new + 1] - row_start[new];
        if acc >= parallel::BLOCK_VOTES {
            blocks.push(start..new + 1);
            (start, acc) = (new + 1, 0);
        }
    }
    blocks.push(start..order.participants.len());
    let parts = parallel::map(parallel::threads(threads), &blocks, |range| {
        let mut cells: Vec<(u32, i8)> = Vec::with_capacity(row_start[range.end] - row_start[range.start]);
        for new in range {
            let (js, vals) = m.row(order.participants[new] as usize);
            let from = cells.len();
            cells.extend(js.iter().zip(vals).map(|(&j, &v)| (new_statement[j as usize], v)));
            cells[from..].sort_unstable_by_key(|c| c.0);
        }
        cells
    });
    let mut statements = Vec::with_capacity(m.n_votes());
    let mut values = Vec::with_capacity(m.n_votes());
    for part in parts {
        statements.extend(part.iter().map(|c| c.0));
        values.extend(part.iter().map(|c| c.1));
    }
    VoteMatrix::from_rows(m.n_statements(), row_start, statements, values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vote;

    fn matrix(n_p: usize, n_s: usize, cells: &[(u32, u32, i8)]) -> VoteMatrix {
        let votes: Vec<Vote> =
            cells.iter().map(|&(participant, statement, value)| Vote { participant, statement, value }).collect();
        VoteMatrix::from_votes(n_p, n_s, &votes).unwrap()
    }

    #[test]
    fn a_renumbering_moves_the_order_with_it() {
        // Participant 0 agrees with both, 1 disagrees with statement 1, 2 passes on 0.
        let cells = [(0, 0, 1), (0, 1, 1), (1, 0, 1), (1, 1, -1), (2, 0, 0), (2, 1, 1)];
        let a = order(&matrix(3, 2, &cells), &[true, true], 1);
        // The same votes with participants 0 ↔ 2 and statements 0 ↔ 1 swapped.
        let swapped: Vec<(u32, u32, i8)> = cells.iter().map(|&(p, s, v)| (2 - p, 1 - s, v)).collect();
        let b = order(&matrix(3, 2, &swapped), &[true, true], 1);
        let p: Vec<u32> = a.participants.iter().map(|&p| 2 - p).collect();
        let s: Vec<u32> = a.statements.iter().map(|&s| 1 - s).collect();
        assert_eq!((p, s), (b.participants, b.statements));
    }

    #[test]
    fn moderation_is_part_of_a_statements_key() {
        let cells = [(0, 0, 1), (0, 1, 1), (1, 0, 1), (1, 1, 1)];
        let m = matrix(2, 2, &cells);
        let kept_first = order(&m, &[true, false], 1).statements;
        let kept_second = order(&m, &[false, true], 1).statements;
        assert_ne!(kept_first, kept_second, "two statements alike but for moderation are told apart");
    }

    #[test]
    fn renumbering_keeps_every_vote() {
        let cells = [(0, 0, 1), (0, 2, -1), (1, 1, 0), (2, 0, -1), (2, 1, 1), (2, 2, 1)];
        let m = matrix(3, 3, &cells);
        let order = Order { participants: vec![2, 0, 1], statements: vec![1, 2, 0] };
        let r = renumber(&m, &order, 1);
        let (np, ns) = (inverse(&order.participants), inverse(&order.statements));
        let mut got = Vec::new();
        for p in 0..3 {
            let (js, vals) = r.row(p);
            assert!(js.windows(2).all(|w| w[0] < w[1]), "row {p} sorted");
            got.extend(js.iter().zip(vals).map(|(&j, &v)| (order.participants[p], order.statements[j as usize], v)));
        }
        got.sort();
        assert_eq!(got, cells.to_vec());
        assert_eq!((np[2], ns[1]), (0, 0));
    }

    #[test]
    fn inverse_undoes_the_order() {
        let order = [2u32, 0, 3, 1];
        let inv = inverse(&order);
        for (new, &old) in order.iter().enumerate() {
            assert_eq!(inv[old as usize] as usize, new);
        }
    }
}
