//! Weighted k-means in the plane, seeded deterministically (k-means++ with a
//! fixed-seed generator over the points in a canonical order), and the
//! silhouette Polis uses to choose the number of groups.

use crate::parallel;

/// A small, fixed-seed generator (SplitMix64): the same input always gives
/// the same clustering.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

pub fn dist2(a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (a[0] - b[0], a[1] - b[1]);
    dx * dx + dy * dy
}

/// The points' indices in a canonical order (by position), so that seeding
/// does not depend on the order the points were given in.
pub fn canonical_order(points: &[[f64; 2]]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by(|&a, &b| points[a][0].total_cmp(&points[b][0]).then(points[a][1].total_cmp(&points[b][1])));
    order
}

/// Number of distinct positions among the points.
pub fn distinct(points: &[[f64; 2]]) -> usize {
    let order = canonical_order(points);
    let mut n = 0;
    for (k, &i) in order.iter().enumerate() {
        if k == 0 || points[i] != points[order[k - 1]] {
            n += 1;
        }
    }
    n
}

/// k-means++ seeding over points taken in canonical order: the first centre
/// drawn in proportion to weight, each next in proportion to weight × the
/// squared distance to the nearest centre chosen.
fn seed_plus_plus(
    points: &[[f64; 2]],
    weights: &[f64],
    order: &[usize],
    k: usize,
    rng: &mut SplitMix64,
) -> Vec<[f64; 2]> {
    let mut centres = Vec::with_capacity(k);
    let mut d2 = vec![f64::INFINITY; points.len()];
    let pick = |scores: &dyn Fn(usize) -> f64, rng: &mut SplitMix64| -> Option<usize> {
        let total: f64 = order.iter().map(|&i| scores(i)).sum();
        if total <= 0.0 || !total.is_finite() {
            return None;
        }
        let mut target = rng.next_f64() * total;
        let mut last = None;
        for &i in order {
            let s = scores(i);
            if s > 0.0 {
                last = Some(i);
                if target < s {
                    return Some(i);
                }
                target -= s;
            }
        }
        last
    };
    let Some(first) = pick(&|i| weights[i], rng) else { return centres };
    centres.push(points[first]);
    while centres.len() < k {
        let c = *centres.last().expect("one centre at least");
        for &i in order {
            d2[i] = d2[i].min(dist2(points[i], c));
        }
        match pick(&|i| weights[i] * d2[i], rng) {
            Some(i) => centres.push(points[i]),
            None => break,
        }
    }
    centres
}

/// A clustering: each point's cluster, the clusters' centres and the
/// weighted sum of squared distances to them.
#[derive(Debug, Clone)]
pub struct Clustering {
    pub assignment: Vec<usize>,
    pub centres: Vec<[f64; 2]>,
    pub inertia: f64,
}

fn nearest(p: [f64; 2], centres: &[[f64; 2]]) -> usize {
    let mut best = 0;
    let mut best_d = f64::INFINITY;
    for (c, &centre) in centres.iter().enumerate() {
        let d = dist2(p, centre);
        if d < best_d {
            best_d = d;
            best = c;
        }
    }
    best
}

/// Lloyd's iterations from the given centres until no point changes cluster
/// (or `max_iters`). Clusters left empty are dropped, as Polis drops them.
/// `threads` share the assignment step over blocks of points (0: as many as
/// the machine has); the result is the same whatever their number.
pub fn lloyd(
    points: &[[f64; 2]],
    weights: &[f64],
    mut centres: Vec<[f64; 2]>,
    max_iters: usize,
    threads: usize,
) -> Clustering {
    let threads = parallel::threads(threads);
    let blocks = parallel::even_blocks(points.len(), parallel::BLOCK_POINTS);
    let mut assignment = vec![usize::MAX; points.len()];
    for _ in 0..max_iters.max(1) {
        let k = centres.len();
        let parts = parallel::map(threads, &blocks, |range| {
            let mut sums = vec![[0.0f64; 3]; k];
            let nearest: Vec<usize> = range
                .map(|i| {
                    let (p, w) = (points[i], weights[i]);
                    let c = nearest(p, &centres);
                    let s = &mut sums[c];
                    s[0] += w * p[0];
                    s[1] += w * p[1];
                    s[2] += w;
                    c
                })
                .collect();
            (nearest, sums)
        });
        let mut changed = false;
        let mut sums = vec![[0.0f64; 3]; k];
        let mut i = 0;
        for (nearest, part) in parts {
            for c in nearest {
                if assignment[i] != c {
                    assignment[i] = c;
                    changed = true;
                }
                i += 1;
            }
            for (s, q) in sums.iter_mut().zip(part) {
                s[0] += q[0];
                s[1] += q[1];
                s[2] += q[2];
            }
        }
        // Drop empty clusters and renumber.
        let mut renumber = vec![usize::MAX; centres.len()];
        let mut kept = Vec::with_capacity(centres.len());
        for (c, s) in sums.iter().enumerate() {
            if s[2] > 0.0 {
                renumber[c] = kept.len();
                kept.push([s[0] / s[2], s[1] / s[2]]);
            }
        }
        if kept.len() != centres.len() {
            assignment.iter_mut().for_each(|a| *a = renumber[*a]);
        }
        centres = kept;
        if !changed {
            break;
        }
    }
    let inertia = points.iter().enumerate().map(|(i, &p)| weights[i] * dist2(p, centres[assignment[i]])).sum();
    Clustering { assignment, centres, inertia }
}

/// Weighted k-means: `restarts` k-means++ seedings from a fixed seed, the
/// clustering with the least inertia kept; `threads` as for [`lloyd`].
pub fn kmeans(
    points: &[[f64; 2]],
    weights: &[f64],
    k: usize,
    restarts: usize,
    max_iters: usize,
    seed: u64,
    threads: usize,
) -> Clustering {
    kmeans_accepting(points, weights, k, restarts, max_iters, seed, 0.0, threads).unwrap_or(Clustering {
        assignment: vec![0; points.len()],
        centres: vec![],
        inertia: 0.0,
    })
}

/// Like [`kmeans`], keeping only clusterings whose every cluster weighs at
/// least `min_weight`; `None` when no seeding gives one.
#[allow(clippy::too_many_arguments)] // the settings of one k-means, each needed
pub fn kmeans_accepting(
    points: &[[f64; 2]],
    weights: &[f64],
    k: usize,
    restarts: usize,
    max_iters: usize,
    seed: u64,
    min_weight: f64,
    threads: usize,
) -> Option<Clustering> {
    let order = canonical_order(points);
    let mut rng = SplitMix64::new(seed);
    let mut best: Option<Clustering> = None;
    for _ in 0..restarts.max(1) {
        let centres = seed_plus_plus(points, weights, &order, k, &mut rng);
        if centres.is_empty() {
            break;
        }
        let c = lloyd(points, weights, centres, max_iters, threads);
        let mut mass = vec![0.0f64; c.centres.len()];
        for (i, &a) in c.assignment.iter().enumerate() {
            mass[a] += weights[i];
        }
        if mass.iter().any(|&m| m < min_weight) {
            continue;
        }
        if best.as_ref().is_none_or(|b| c.inertia < b.inertia * (1.0 - 1e-12)) {
            best = Some(c);
        }
    }
    best
}

/// Mean silhouette of the points under `assignment`, unweighted, with Polis's
/// convention that a point alone in its cluster scores 0.
pub fn silhouette(points: &[[f64; 2]], assignment: &[usize], k: usize) -> f64 {
    let n = points.len();
    if n == 0 {
        return 0.0;
    }
    let mut size = vec![0usize; k];
    for &a in assignment {
        size[a] += 1;
    }
    let mut total = 0.0;
    for i in 0..n {
        let own = assignment[i];
        if size[own] <= 1 {
            continue;
        }
        let mut sum = vec![0.0f64; k];
        for j in 0..n {
            if j != i {
                sum[assignment[j]] += dist2(points[i], points[j]).sqrt();
            }
        }
        let a = sum[own] / (size[own] - 1) as f64;
        let b =
            (0..k).filter(|&c| c != own && size[c] > 0).map(|c| sum[c] / size[c] as f64).fold(f64::INFINITY, f64::min);
        if !b.is_finite() {
            continue;
        }
        let m = a.max(b);
        if m > 0.0 {
            total += (b - a) / m;
        }
    }
    total / n as f64
}
