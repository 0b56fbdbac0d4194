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
/// `kept[j]` is false for a statement moderated out.
pub fn order(m: &VoteMatrix, kept: &[bool]) -> Order {
    let (n_p, n_s) = (m.n_participants(), m.n_statements());
    let mut tally = vec![[0u64; 3]; n_s];
    for p in 0..n_p {
        let (js, vals) = m.row(p);
        for (&j, &v) in js.iter().zip(vals) {
            tally[j as usize][(v + 1) as usize] += 1;
        }
    }
    let mut statement_key: Vec<u64> =
        tally.iter().zip(kept).map(|(t, &k)| mix(mix(mix(mix(u64::from(k)) ^ t[0]) ^ t[1]) ^ t[2])).collect();
    let mut participant_key = vec![0u64; n_p];
    let refine_participants = |statement_key: &[u64], participant_key: &mut [u64]| {
        for (p, key) in participant_key.iter_mut().enumerate() {
            let (js, vals) = m.row(p);
            let sum =
                js.iter().zip(vals).fold(0u64, |acc, (&j, &v)| acc.wrapping_add(part(statement_key[j as usize], v)));
            *key = mix(mix(*key ^ js.len() as u64) ^ sum);
        }
    };
    refine_participants(&statement_key, &mut participant_key);
    for _ in 0..ROUNDS {
        let mut sums = vec![0u64; n_s];
        for (p, &key) in participant_key.iter().enumerate() {
            let (js, vals) = m.row(p);
            for (&j, &v) in js.iter().zip(vals) {
                let s = &mut sums[j as usize];
                *s = s.wrapping_add(part(key, v));
            }
        }
        for (key, sum) in statement_key.iter_mut().zip(sums) {
            *key = mix(*key ^ sum);
        }
        refine_participants(&statement_key, &mut participant_key);
    }
    let sorted = |keys: &[u64]| {
        let mut order: Vec<u32> = (0..keys.len() as u32).collect();
        order.sort_by_key(|&i| (keys[i as usize], i));
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
/// `order.participants[new]`, on statements numbered anew. Two passes over
/// the votes (to columns in the new participant order, then back to rows in
/// the new statement order) leave every row sorted without sorting it.
pub fn renumber(m: &VoteMatrix, order: &Order) -> VoteMatrix {
    let (n_p, n_s) = (m.n_participants(), m.n_statements());
    let new_statement = inverse(&order.statements);
    let mut column_start = vec![0usize; n_s + 1];
    for p in 0..n_p {
        for &j in m.row(p).0 {
            column_start[new_statement[j as usize] as usize + 1] += 1;
        }
    }
    for j in 0..n_s {
        column_start[j + 1] += column_start[j];
    }
    let mut next = column_start.clone();
    let mut column_participants = vec![0u32; m.n_votes()];
    let mut column_values = vec![0i8; m.n_votes()];
    for (new_p, &old_p) in order.participants.iter().enumerate() {
        let (js, vals) = m.row(old_p as usize);
        for (&j, &v) in js.iter().zip(vals) {
            let slot = &mut next[new_statement[j as usize] as usize];
            column_participants[*slot] = new_p as u32;
            column_values[*slot] = v;
            *slot += 1;
        }
    }
    let mut row_start = vec![0usize; n_p + 1];
    for &p in &column_participants {
        row_start[p as usize + 1] += 1;
    }
    for p in 0..n_p {
        row_start[p + 1] += row_start[p];
    }
    let mut next = row_start.clone();
    let mut statements = vec![0u32; m.n_votes()];
    let mut values = vec![0i8; m.n_votes()];
    for j in 0..n_s {
        for k in column_start[j]..column_start[j + 1] {
            let slot = &mut next[column_participants[k] as usize];
            statements[*slot] = j as u32;
            values[*slot] = column_values[k];
            *slot += 1;
        }
    }
    VoteMatrix::from_rows(n_s, row_start, statements, values)
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
        let a = order(&matrix(3, 2, &cells), &[true, true]);
        // The same votes with participants 0 ↔ 2 and statements 0 ↔ 1 swapped.
        let swapped: Vec<(u32, u32, i8)> = cells.iter().map(|&(p, s, v)| (2 - p, 1 - s, v)).collect();
        let b = order(&matrix(3, 2, &swapped), &[true, true]);
        let p: Vec<u32> = a.participants.iter().map(|&p| 2 - p).collect();
        let s: Vec<u32> = a.statements.iter().map(|&s| 1 - s).collect();
        assert_eq!((p, s), (b.participants, b.statements));
    }

    #[test]
    fn moderation_is_part_of_a_statements_key() {
        let cells = [(0, 0, 1), (0, 1, 1), (1, 0, 1), (1, 1, 1)];
        let m = matrix(2, 2, &cells);
        let kept_first = order(&m, &[true, false]).statements;
        let kept_second = order(&m, &[false, true]).statements;
        assert_ne!(kept_first, kept_second, "two statements alike but for moderation are told apart");
    }

    #[test]
    fn renumbering_keeps_every_vote() {
        let cells = [(0, 0, 1), (0, 2, -1), (1, 1, 0), (2, 0, -1), (2, 1, 1), (2, 2, 1)];
        let m = matrix(3, 3, &cells);
        let order = Order { participants: vec![2, 0, 1], statements: vec![1, 2, 0] };
        let r = renumber(&m, &order);
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
