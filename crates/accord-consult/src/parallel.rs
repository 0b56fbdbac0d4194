//! Work spread over the cores with a result that does not depend on how
//! many there are. The work is cut into blocks by the data alone (about
//! [`BLOCK_VOTES`] votes, or [`BLOCK_POINTS`] points, each), never by the
//! number of threads; threads take blocks in turn, and whatever each block
//! computes is combined in block order. Every floating-point sum is
//! therefore taken in the same order on one core or on eight, and the
//! analysis is the same to the last bit.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::matrix::VoteMatrix;

/// Votes in a block of participants. Small enough that 10 million votes
/// make about 40 blocks to share out, large enough that a block's work
/// (milliseconds) dwarfs taking it.
pub const BLOCK_VOTES: usize = 1 << 18;

/// Points in a block of a k-means step (each compared with up to 100 centres).
pub const BLOCK_POINTS: usize = 4096;

/// The threads to use: `requested`, or when 0 as many as the machine has (at most 8).
pub fn threads(requested: usize) -> usize {
    if requested > 0 {
        requested
    } else {
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(8)
    }
}

/// Cuts the participants into consecutive blocks of about `per_block`
/// votes each (a participant is never split).
pub fn row_blocks(m: &VoteMatrix, per_block: usize) -> Vec<Range<usize>> {
    let per_block = per_block.max(1);
    let mut blocks = Vec::with_capacity(m.n_votes() / per_block + 1);
    let (mut start, mut acc) = (0, 0);
    for p in 0..m.n_participants() {
        acc += m.row_len(p);
        if acc >= per_block {
            blocks.push(start..p + 1);
            start = p + 1;
            acc = 0;
        }
    }
    if start < m.n_participants() || blocks.is_empty() {
        blocks.push(start..m.n_participants());
    }
    blocks
}

/// The participants' blocks for products that keep one accumulator per
/// statement and block: at least [`BLOCK_VOTES`] votes, and at least eight
/// votes per statement, so that the accumulators together never outweigh
/// the votes.
pub fn statement_blocks(m: &VoteMatrix) -> Vec<Range<usize>> {
    row_blocks(m, BLOCK_VOTES.max(8 * m.n_statements()))
}

/// Cuts `0..n` into consecutive blocks of `per_block`.
pub fn even_blocks(n: usize, per_block: usize) -> Vec<Range<usize>> {
    let per_block = per_block.max(1);
    let mut blocks: Vec<Range<usize>> = (0..n).step_by(per_block).map(|a| a..(a + per_block).min(n)).collect();
    if blocks.is_empty() {
        blocks.push(0..0);
    }
    blocks
}

/// Computes `f` of each block on up to `threads` threads; the results in block order.
pub fn map<T, F>(threads: usize, blocks: &[Range<usize>], f: F) -> Vec<T>
where
    T: Send,
    F: Fn(Range<usize>) -> T + Sync,
{
    let threads = threads.min(blocks.len());
    if threads <= 1 {
        return blocks.iter().cloned().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<T>>> = blocks.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let b = next.fetch_add(1, Ordering::Relaxed);
                let Some(block) = blocks.get(b) else { break };
                let out = f(block.clone());
                *slots[b].lock().expect("no thread panics holding a slot") = Some(out);
            });
        }
    });
    slots.into_iter().map(|s| s.into_inner().expect("no thread panicked").expect("every block computed")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_cover_every_participant_once_in_order() {
        let votes: Vec<crate::Vote> = (0..50u32)
            .flat_map(|p| (0..(p % 7)).map(move |s| crate::Vote { participant: p, statement: s, value: 1 }))
            .collect();
        let m = VoteMatrix::from_votes(53, 7, &votes).unwrap();
        for per in [1, 5, 40, 1000] {
            let blocks = row_blocks(&m, per);
            assert_eq!(blocks.first().unwrap().start, 0);
            assert_eq!(blocks.last().unwrap().end, 53);
            assert!(blocks.windows(2).all(|w| w[0].end == w[1].start));
        }
        assert_eq!(even_blocks(10, 4), vec![0..4, 4..8, 8..10]);
    }

    #[test]
    fn map_keeps_block_order_whatever_the_threads() {
        let blocks = even_blocks(1000, 7);
        let one = map(1, &blocks, |r| r.map(|i| i as f64 * 0.1).sum::<f64>());
        for threads in [2, 3, 8] {
            assert_eq!(map(threads, &blocks, |r| r.map(|i| i as f64 * 0.1).sum::<f64>()), one);
        }
    }
}
