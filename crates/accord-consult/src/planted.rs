//! Synthetic conversations with a planted structure, for tests and
//! benchmarks: participants fall into `groups` groups; on each statement each
//! group has its own leaning, and a participant votes with its group's
//! leaning most of the time.

use crate::kmeans::SplitMix64;
use crate::matrix::Vote;

/// How to plant a conversation.
#[derive(Debug, Clone)]
pub struct Plan {
    pub participants: usize,
    pub statements: usize,
    /// Votes per participant (each on a distinct statement, drawn at random).
    pub votes_each: usize,
    pub groups: usize,
    /// Probability that a vote follows the group's leaning (the rest: half passes, half the opposite).
    pub fidelity: f64,
    pub seed: u64,
}

/// A planted conversation: each participant's true group, and the votes.
#[derive(Debug, Clone)]
pub struct Planted {
    pub group_of: Vec<usize>,
    pub votes: Vec<Vote>,
}

pub fn plant(plan: &Plan) -> Planted {
    let mut rng = SplitMix64::new(plan.seed);
    // Each group's leaning on each statement: agree or disagree.
    let leaning: Vec<Vec<i8>> = (0..plan.groups)
        .map(|_| (0..plan.statements).map(|_| if rng.next_u64() & 1 == 0 { 1 } else { -1 }).collect())
        .collect();
    plant_leaning(plan, rng, |g, j| leaning[g][j])
}

/// The participants and their votes of a planted conversation whose group
/// `g` leans `leaning(g, j)` (1 or -1) on statement `j`, drawn from `rng`:
/// each participant's group, then its `votes_each` distinct statements,
/// each vote following the leaning with probability `fidelity` (the rest:
/// half passes, half the opposite).
pub fn plant_leaning(plan: &Plan, mut rng: SplitMix64, leaning: impl Fn(usize, usize) -> i8) -> Planted {
    let below = |rng: &mut SplitMix64, n: usize| (rng.next_u64() % n as u64) as usize;
    let group_of: Vec<usize> = (0..plan.participants).map(|_| below(&mut rng, plan.groups)).collect();
    let each = plan.votes_each.min(plan.statements);
    let mut votes = Vec::with_capacity(plan.participants * each);
    let mut seen = vec![u32::MAX; plan.statements];
    for (p, &g) in group_of.iter().enumerate() {
        let mut cast = 0;
        while cast < each {
            let j = below(&mut rng, plan.statements);
            if seen[j] == p as u32 {
                continue;
            }
            seen[j] = p as u32;
            let r = rng.next_f64();
            let lean = leaning(g, j);
            let value = if r < plan.fidelity {
                lean
            } else if r < plan.fidelity + (1.0 - plan.fidelity) / 2.0 {
                0
            } else {
                -lean
            };
            votes.push(Vote { participant: p as u32, statement: j as u32, value });
            cast += 1;
        }
    }
    Planted { group_of, votes }
}
