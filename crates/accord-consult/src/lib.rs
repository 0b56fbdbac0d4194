//! Accord's open consultation engine. People vote agree, disagree or pass on
//! short statements; from the participant × statement vote matrix this crate
//! computes what Polis computes — opinion groups, the statements that
//! represent each group, group-informed consensus — and beside it a bridging
//! score per statement in the manner of Community Notes. It does no I/O:
//! [`polis`] parses a Polis export from readers the caller opens, and the
//! `accord consult analyse DIR` command prints the result as text or JSON.
//!
//! # The computation, and where it follows Polis
//!
//! 1. **Participants counted** ([`analyse`]): those with at least
//!    min(7, statements) votes, statements being those that received a vote;
//!    when fewer than 15 qualify, the most active participants are added up
//!    to 15 (Polis's greedy rule). Moderated-out statements are zeroed: their
//!    column is 0 for everyone, as Polis's `zero-out-columns` makes it.
//! 2. **PCA** ([`pca`]): two components of the vote matrix with each missing
//!    vote replaced by its statement's mean, computed over all participants
//!    as Polis does, by power iteration on the sparse votes.
//! 3. **Projection**: each participant's centred votes projected on the
//!    components and scaled by sqrt(statements / statements voted on)
//!    (Polis's `sparsity-aware-project-ptpt`, a zeroed column counting as
//!    voted).
//! 4. **Base clusters**: k-means with k = 100 (or the number of distinct
//!    positions, if fewer) on the counted participants' projections.
//! 5. **Opinion groups**: weighted k-means of the base-cluster centres
//!    (weights: their sizes) for k = 2 … min(5, 2 + base clusters / 12); the
//!    k with the best silhouette over the base-cluster centres wins (Polis's
//!    `silhouette`: unweighted, a lone member scoring 0). A grouping is
//!    considered only if each of its groups holds at least 3 counted
//!    participants and 2 % of them (see below).
//! 6. **Representative statements** ([`repness`]): Polis's `repness` and
//!    `select-rep-comments` — probabilities (n + 1) / (seen + 2), the
//!    one-proportion and two-proportion tests, significance at z > 1.2816,
//!    the "best agree" statement first, at most five, agrees before
//!    disagrees — counted over the counted participants of each group.
//! 7. **Group-informed consensus**: the product over groups of
//!    (agrees + 1) / (seen + 2), over the counted participants.
//! 8. **Bridging** ([`bridging`]): a Community Notes style factorisation;
//!    the statement's intercept is its score.
//!
//! # Threads
//!
//! The products of the PCA, the steps of the base k-means and the sweeps
//! of the bridging fit are shared over the cores ([`Settings::threads`]).
//! The work is cut into blocks by the data alone and the blocks' sums are
//! combined in block order ([`parallel`]), so the analysis — and the digest
//! of a published one — is the same to the last bit on any number of cores.
//! Below about 260,000 votes (every Polis conversation in the repository)
//! everything is one block and runs on one thread.
//!
//! # Where it departs from Polis, and why
//!
//! - **One analysis, not a stream of updates.** Polis updates a
//!   conversation as votes arrive and carries state from one update to the
//!   next: participants once counted stay counted, k-means restarts from the
//!   previous clusters, power iteration from the previous components, and
//!   the number of groups changes only after the same k has won the
//!   silhouette four updates running. Accord analyses the votes as they
//!   stand, so the result is a function of the votes alone and anyone can
//!   recompute it: a participant is counted by their votes now, and the k
//!   with the best silhouette is taken at once.
//! - **Deterministic seeding.** Polis seeds power iteration with random
//!   vectors and k-means with the first k distinct points in the order of
//!   the participants. Accord starts power iteration from vectors computed
//!   from the data (all ones; the statements' mean votes), and seeds k-means
//!   with k-means++ from a fixed seed over the points sorted by position.
//! - **An order from the votes.** Every sum is taken over participants and
//!   statements in an order computed from the votes alone ([`canonical`]),
//!   not the order given, so that the analysis — not only the groups, but
//!   every figure to the last bit — does not depend on the order in which
//!   participants joined or statements were written. (Sums in another
//!   order differ in their last bits, which on a weakly drawn conversation
//!   is enough to move a participant on a border.) Opinion groups keep the best of several seedings
//!   (least weighted inertia), which Polis's history-carrying k-means does
//!   not need.
//! - **Convergence.** Polis runs 100 power iterations and stops k-means when
//!   centres move less than 0.01. Accord runs block power iteration on both
//!   components at once, stopping when the two-dimensional subspace no
//!   longer moves (at most 100 iterations), then orders the components by a
//!   Rayleigh–Ritz step; k-means stops when no point changes cluster (at
//!   most 100 iterations). Both are at least as converged as Polis.
//! - **Smallest group.** Polis considers every k-means grouping; Accord
//!   considers a grouping only if every group holds at least 3 counted
//!   participants and at least 2 % of them ([`Settings::min_group_size`],
//!   [`Settings::min_group_share`]). Without a history to steady it, a
//!   single participant far from everyone else otherwise wins the
//!   silhouette as a group of one: on the `bg2050-volunteers` conversation
//!   the engine would split 106 participants from 1, where Polis published
//!   a group of 8 (the engine, with the rule, finds 6 of them). A group of
//!   one or two has no representative statements worth the name: the
//!   two-proportion tests need votes.
//! - **Component signs** are fixed (third moment positive); Polis leaves
//!   them to the random start. Signs change no group.
//! - **Limits.** Polis caps a conversation at 100,000 participants and
//!   10,000 statements; Accord takes any size it can hold in memory.
//! - **Group numbering**: groups are numbered by size, largest first (Polis
//!   numbers them by its clusters' ids, which carry no meaning).
//! - **Moderation in repness** follows Polis: moderated-out statements are
//!   never representative; statements nobody voted on are skipped.
//! - **Consensus lists**: Accord reports group-informed consensus for every
//!   statement kept; Polis's separate "consensus" selection (agree or
//!   disagree above 0.5 and significant overall, ignoring groups) is not
//!   computed.
//! - **Bridging** is not part of Polis. It follows Community Notes'
//!   model (global, participant and statement intercepts, one factor,
//!   intercepts regularised five times as strongly as factors), but fitted
//!   by alternating least squares (exact 2×2 ridge solves per participant
//!   and statement) on a sum-of-squares loss rather than by gradient descent
//!   on a mean loss, so that it is deterministic and fast; an agree counts
//!   1, a disagree 0, and a pass is left out (it says neither). The factor
//!   starts from the first principal component.

pub mod ari;
pub mod bridging;
pub mod canonical;
pub mod kmeans;
pub mod matrix;
pub mod parallel;
pub mod pca;
pub mod planted;
pub mod polis;
pub mod repness;
pub mod report;

pub use matrix::{Vote, VoteMatrix};
pub use repness::{Direction, Representative};

/// What is wrong with an input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConsultError {
    #[error("participant {0} is outside the matrix")]
    UnknownParticipant(u32),
    #[error("statement {0} is outside the matrix")]
    UnknownStatement(u32),
    #[error("vote {0} is not 1 (agree), -1 (disagree) or 0 (pass)")]
    BadVote(i8),
    #[error("the matrix has more than 4294967295 participants or statements")]
    TooLarge,
    #[error("the moderation list has {got} statements, the matrix {want}")]
    ModerationLength { got: usize, want: usize },
    #[error("{file}: {message}")]
    Export { file: &'static str, message: String },
}

impl ConsultError {
    /// A stable code for the kind of error.
    pub fn code(&self) -> &'static str {
        match self {
            ConsultError::UnknownParticipant(_) => "unknown_participant",
            ConsultError::UnknownStatement(_) => "unknown_statement",
            ConsultError::BadVote(_) => "bad_vote",
            ConsultError::TooLarge => "too_large",
            ConsultError::ModerationLength { .. } => "moderation_length",
            ConsultError::Export { .. } => "bad_export",
        }
    }
}

/// Parameters of the analysis; the defaults are Polis's where Polis has the parameter.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Votes a participant needs to be counted (capped at the number of statements).
    pub min_votes: usize,
    /// When fewer participants qualify, the most active are added up to this many.
    pub greedy_participants: usize,
    pub base_k: usize,
    pub max_k: usize,
    pub pca_iters: usize,
    pub kmeans_iters: usize,
    /// k-means++ seedings tried for the opinion groups (the least inertia wins).
    pub group_restarts: usize,
    /// An opinion group must hold at least this many counted participants…
    pub min_group_size: usize,
    /// … and at least this share of them.
    pub min_group_share: f64,
    pub seed: u64,
    pub bridging: bridging::BridgingSettings,
    /// Threads to share the work (0: as many as the machine has, at most
    /// 8). The analysis is the same whatever their number ([`parallel`]).
    pub threads: usize,
    /// Analyse in the order computed from the votes ([`canonical`]), so
    /// that the numbering of participants and statements changes nothing;
    /// when false, in the order given (as analyses published before that
    /// order existed were computed, and are recomputed).
    pub canonical_order: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            min_votes: 7,
            greedy_participants: 15,
            base_k: 100,
            max_k: 5,
            pca_iters: 100,
            kmeans_iters: 100,
            group_restarts: 20,
            min_group_size: 3,
            min_group_share: 0.02,
            seed: 0x5EED_AC0D,
            bridging: bridging::BridgingSettings::default(),
            threads: 0,
            canonical_order: true,
        }
    }
}

/// An opinion group.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub id: usize,
    pub size: usize,
    /// Centre of the group in the plane of the two components.
    pub centre: [f64; 2],
    pub representative: Vec<Representative>,
}

/// A statement and its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    pub statement: usize,
    pub score: f64,
}

/// A statement's bridging score (its intercept) and factor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bridged {
    pub statement: usize,
    pub score: f64,
    pub factor: f64,
    pub votes: u32,
}

/// The result of an analysis.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Per participant: its opinion group, `None` when not counted.
    pub group_of: Vec<Option<usize>>,
    /// Opinion groups, largest first.
    pub groups: Vec<Group>,
    /// Group-informed consensus of each kept statement with votes, highest first.
    pub consensus: Vec<Scored>,
    /// Bridging score of each kept statement with an agree or disagree vote, highest first.
    pub bridging: Vec<Bridged>,
    pub pca: pca::Pca,
    /// Number of base clusters, and the silhouette of each k tried.
    pub base_clusters: usize,
    pub silhouettes: Vec<(usize, f64)>,
}

/// Counts each group's votes on each statement (over the counted participants).
fn group_counts(m: &VoteMatrix, group_of: &[Option<usize>], n_groups: usize) -> Vec<Vec<repness::Counts>> {
    let mut counts = vec![vec![repness::Counts::default(); m.n_statements()]; n_groups];
    for (p, g) in group_of.iter().enumerate() {
        let Some(g) = *g else { continue };
        let (js, vals) = m.row(p);
        for (&j, &v) in js.iter().zip(vals) {
            let c = &mut counts[g][j as usize];
            c.seen += 1;
            match v {
                1 => c.agree += 1,
                -1 => c.disagree += 1,
                _ => {}
            }
        }
    }
    counts
}

/// Analyses a vote matrix. `moderated_out[j]` is true for a statement a
/// moderator removed (an empty slice: none). The participants and
/// statements are analysed in an order computed from the votes
/// ([`canonical`]), so that numbering them otherwise changes nothing
/// (unless [`Settings::canonical_order`] is off).
pub fn analyse(m: &VoteMatrix, moderated_out: &[bool], settings: &Settings) -> Result<Analysis, ConsultError> {
    let n_s = m.n_statements();
    let kept: Vec<bool> = if moderated_out.is_empty() {
        vec![true; n_s]
    } else if moderated_out.len() == n_s {
        moderated_out.iter().map(|&o| !o).collect()
    } else {
        return Err(ConsultError::ModerationLength { got: moderated_out.len(), want: n_s });
    };
    if !settings.canonical_order {
        return Ok(analyse_in_order(m, &kept, settings));
    }
    let order = canonical::order(m, &kept, settings.threads);
    let renumbered = canonical::renumber(m, &order, settings.threads);
    let kept_renumbered: Vec<bool> = order.statements.iter().map(|&j| kept[j as usize]).collect();
    Ok(analyse_in_order(&renumbered, &kept_renumbered, settings).numbered_back(&order))
}

impl Analysis {
    /// The analysis of a renumbered matrix, told in the given numbering.
    fn numbered_back(self, order: &canonical::Order) -> Analysis {
        let participant = |new: usize| order.participants[new] as usize;
        let statement = |new: usize| order.statements[new] as usize;
        let per_participant = |values: &[_]| {
            let mut out = values.to_vec();
            for (new, &v) in values.iter().enumerate() {
                out[participant(new)] = v;
            }
            out
        };
        let per_statement = |values: &[f64]| {
            let mut out = values.to_vec();
            for (new, &v) in values.iter().enumerate() {
                out[statement(new)] = v;
            }
            out
        };
        let mut group_of = vec![None; self.group_of.len()];
        for (new, &g) in self.group_of.iter().enumerate() {
            group_of[participant(new)] = g;
        }
        let groups = self
            .groups
            .into_iter()
            .map(|mut g| {
                g.representative.iter_mut().for_each(|r| r.statement = statement(r.statement));
                g
            })
            .collect();
        let mut consensus: Vec<Scored> =
            self.consensus.into_iter().map(|c| Scored { statement: statement(c.statement), ..c }).collect();
        consensus.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.statement.cmp(&b.statement)));
        let mut bridging: Vec<Bridged> =
            self.bridging.into_iter().map(|b| Bridged { statement: statement(b.statement), ..b }).collect();
        bridging.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.statement.cmp(&b.statement)));
        let pca = pca::Pca {
            center: per_statement(&self.pca.center),
            components: [per_statement(&self.pca.components[0]), per_statement(&self.pca.components[1])],
            projections: per_participant(&self.pca.projections),
            iterations: self.pca.iterations,
        };
        Analysis { group_of, groups, consensus, bridging, pca, ..self }
    }
}

/// [`analyse`] on the matrix in the order given; `kept[j]` is false for a
/// statement moderated out.
fn analyse_in_order(m: &VoteMatrix, kept: &[bool], settings: &Settings) -> Analysis {
    let n_p = m.n_participants();
    let n_s = m.n_statements();
    let mut voted = vec![false; n_s];
    for p in 0..n_p {
        for &j in m.row(p).0 {
            voted[j as usize] = true;
        }
    }
    let n_cols = voted.iter().filter(|&&v| v).count();

    // 1. Participants counted.
    let threshold = settings.min_votes.min(n_cols).max(1);
    let mut counted: Vec<bool> = (0..n_p).map(|p| m.row_len(p) >= threshold).collect();
    let n_counted = counted.iter().filter(|&&c| c).count();
    if n_counted < settings.greedy_participants {
        let mut rest: Vec<usize> = (0..n_p).filter(|&p| !counted[p] && m.row_len(p) > 0).collect();
        rest.sort_by_key(|&p| std::cmp::Reverse(m.row_len(p)));
        for &p in rest.iter().take(settings.greedy_participants - n_counted) {
            counted[p] = true;
        }
    }

    // 2–3. PCA and projections.
    let pca = pca::pca(m, kept, settings.pca_iters, settings.threads);

    // 4. Base clusters.
    let members: Vec<usize> = (0..n_p).filter(|&p| counted[p]).collect();
    let points: Vec<[f64; 2]> = members.iter().map(|&p| pca.projections[p]).collect();
    let mut group_of = vec![None; n_p];
    let mut groups = Vec::new();
    let mut silhouettes = Vec::new();
    let mut base_clusters = 0;
    if !points.is_empty() {
        let ones = vec![1.0; points.len()];
        let k = settings.base_k.min(kmeans::distinct(&points)).max(1);
        let base = kmeans::kmeans(&points, &ones, k, 1, settings.kmeans_iters, settings.seed, settings.threads);
        base_clusters = base.centres.len();
        let mut sizes = vec![0.0f64; base_clusters];
        for &a in &base.assignment {
            sizes[a] += 1.0;
        }

        // 5. Opinion groups over the base clusters.
        let max_k = settings.max_k.min(2 + base_clusters / 12).min(base_clusters);
        let mut best: Option<(f64, kmeans::Clustering)> = None;
        for k in 2..=max_k {
            let min_weight = (settings.min_group_share * points.len() as f64).max(settings.min_group_size as f64);
            let Some(c) = kmeans::kmeans_accepting(
                &base.centres,
                &sizes,
                k,
                settings.group_restarts,
                settings.kmeans_iters,
                settings.seed ^ k as u64,
                min_weight,
                settings.threads,
            ) else {
                continue;
            };
            if c.centres.len() < k {
                continue;
            }
            let s = kmeans::silhouette(&base.centres, &c.assignment, c.centres.len());
            silhouettes.push((k, s));
            if best.as_ref().is_none_or(|b| s > b.0) {
                best = Some((s, c));
            }
        }
        let grouping = match best {
            Some((_, c)) => c,
            None => kmeans::Clustering {
                assignment: vec![0; base_clusters],
                centres: vec![mean_centre(&base.centres, &sizes)],
                inertia: 0.0,
            },
        };
        // Number groups by size, largest first, then by position.
        let n_groups = grouping.centres.len();
        let mut size = vec![0usize; n_groups];
        for (b, &g) in grouping.assignment.iter().enumerate() {
            size[g] += sizes[b] as usize;
        }
        let mut order: Vec<usize> = (0..n_groups).collect();
        order.sort_by(|&a, &b| {
            size[b]
                .cmp(&size[a])
                .then(grouping.centres[a][0].total_cmp(&grouping.centres[b][0]))
                .then(grouping.centres[a][1].total_cmp(&grouping.centres[b][1]))
        });
        let mut rank = vec![0; n_groups];
        for (r, &g) in order.iter().enumerate() {
            rank[g] = r;
        }
        for (i, &p) in members.iter().enumerate() {
            group_of[p] = Some(rank[grouping.assignment[base.assignment[i]]]);
        }
        groups = order
            .iter()
            .enumerate()
            .map(|(r, &g)| Group { id: r, size: size[g], centre: grouping.centres[g], representative: Vec::new() })
            .collect();
    }

    // 6–7. Representative statements and consensus.
    let counts = group_counts(m, &group_of, groups.len());
    let eligible: Vec<bool> = (0..n_s).map(|j| kept[j] && voted[j]).collect();
    for (g, reps) in repness::representative(&counts, &eligible).into_iter().enumerate() {
        groups[g].representative = reps;
    }
    let mut consensus: Vec<Scored> = if groups.is_empty() {
        Vec::new()
    } else {
        repness::group_consensus(&counts, n_s)
            .into_iter()
            .enumerate()
            .filter(|&(j, _)| eligible[j])
            .map(|(statement, score)| Scored { statement, score })
            .collect()
    };
    consensus.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.statement.cmp(&b.statement)));

    // 8. Bridging.
    let start: Vec<f64> = pca.projections.iter().map(|p| p[0]).collect();
    let fit = bridging::fit(m, kept, &start, &settings.bridging, settings.threads);
    let mut bridging: Vec<Bridged> = (0..n_s)
        .filter(|&j| kept[j] && fit.ratings[j] > 0)
        .map(|j| Bridged { statement: j, score: fit.intercept[j], factor: fit.factor[j], votes: fit.ratings[j] })
        .collect();
    bridging.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.statement.cmp(&b.statement)));

    Analysis { group_of, groups, consensus, bridging, pca, base_clusters, silhouettes }
}

fn mean_centre(points: &[[f64; 2]], weights: &[f64]) -> [f64; 2] {
    let w: f64 = weights.iter().sum();
    if w == 0.0 {
        return [0.0, 0.0];
    }
    let x = points.iter().zip(weights).map(|(p, w)| p[0] * w).sum::<f64>() / w;
    let y = points.iter().zip(weights).map(|(p, w)| p[1] * w).sum::<f64>() / w;
    [x, y]
}
