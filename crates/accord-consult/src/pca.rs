//! Principal components of the mean-imputed vote matrix, by power iteration
//! on the sparse matrix, and Polis's sparsity-aware projection of each
//! participant.
//!
//! Imputing a missing vote with its statement's mean and then centring each
//! column gives exactly zero in every cell nobody filled: the centred matrix
//! has the sparsity of the votes. Every product below therefore walks the
//! votes only, never a dense participants × statements array.

use crate::matrix::VoteMatrix;
use crate::parallel;

/// The two principal components and each participant's position on them.
#[derive(Debug, Clone)]
pub struct Pca {
    /// Per statement: the mean vote (0 for a moderated-out statement).
    pub center: Vec<f64>,
    /// Two unit vectors over statements, the first explaining the most variance.
    pub components: [Vec<f64>; 2],
    /// Per participant: the sparsity-aware projection (zero without votes).
    pub projections: Vec<[f64; 2]>,
    /// Power iterations run before the subspace settled.
    pub iterations: usize,
}

/// The centred value of each possible vote on each statement: `table[3 * j + (v + 1)]`.
fn centred_table(center: &[f64], kept: &[bool]) -> Vec<f64> {
    let mut table = vec![0.0; 3 * center.len()];
    for (j, &mu) in center.iter().enumerate() {
        if kept[j] {
            for v in -1i8..=1 {
                table[3 * j + (v + 1) as usize] = f64::from(v) - mu;
            }
        }
    }
    table
}

/// The participants cut into blocks, for the two products.
struct Blocks {
    threads: usize,
    rows: Vec<std::ops::Range<usize>>,
    statements: Vec<std::ops::Range<usize>>,
}

/// `out[i] = Σ_j x_ij v_j` for each participant `i` (two vectors at once).
fn mul_x(m: &VoteMatrix, table: &[f64], v: &[[f64; 2]], blocks: &Blocks, out: &mut [[f64; 2]]) {
    let parts = parallel::map(blocks.threads, &blocks.rows, |range| {
        range
            .map(|p| {
                let (js, vals) = m.row(p);
                let (mut a, mut b) = (0.0, 0.0);
                for (&j, &val) in js.iter().zip(vals) {
                    let x = table[3 * j as usize + (val + 1) as usize];
                    let vj = v[j as usize];
                    a += x * vj[0];
                    b += x * vj[1];
                }
                [a, b]
            })
            .collect::<Vec<_>>()
    });
    let mut k = 0;
    for part in parts {
        out[k..k + part.len()].copy_from_slice(&part);
        k += part.len();
    }
}

/// `out[j] = Σ_i x_ij u_i` for each statement `j` (two vectors at once).
fn mul_xt(m: &VoteMatrix, table: &[f64], u: &[[f64; 2]], blocks: &Blocks, out: &mut [[f64; 2]]) {
    let n_s = out.len();
    let parts = parallel::map(blocks.threads, &blocks.statements, |range| {
        let mut acc = vec![[0.0f64; 2]; n_s];
        for p in range {
            let up = u[p];
            let (js, vals) = m.row(p);
            for (&j, &val) in js.iter().zip(vals) {
                let x = table[3 * j as usize + (val + 1) as usize];
                let slot = &mut acc[j as usize];
                slot[0] += x * up[0];
                slot[1] += x * up[1];
            }
        }
        acc
    });
    out.iter_mut().for_each(|o| *o = [0.0; 2]);
    for part in parts {
        for (o, a) in out.iter_mut().zip(part) {
            o[0] += a[0];
            o[1] += a[1];
        }
    }
}

fn dot(a: &[[f64; 2]], i: usize, b: &[[f64; 2]], k: usize) -> f64 {
    a.iter().zip(b).map(|(x, y)| x[i] * y[k]).sum()
}

/// Gram–Schmidt on the two columns of `v`; returns false when the first
/// column is null. A second column that vanishes is left at zero.
fn orthonormalise(v: &mut [[f64; 2]]) -> bool {
    let n0 = dot(v, 0, v, 0).sqrt();
    if n0 == 0.0 || !n0.is_finite() {
        return false;
    }
    v.iter_mut().for_each(|x| x[0] /= n0);
    let c = dot(v, 0, v, 1);
    v.iter_mut().for_each(|x| x[1] -= c * x[0]);
    let n1 = dot(v, 1, v, 1).sqrt();
    if n1 > 1e-12 {
        v.iter_mut().for_each(|x| x[1] /= n1);
    } else {
        v.iter_mut().for_each(|x| x[1] = 0.0);
    }
    true
}

/// Runs the PCA. `kept[j]` is false for a moderated-out statement: its column
/// is zero, as Polis zeroes it. `max_iters` bounds the power iteration;
/// `threads` share the products (0: as many as the machine has), the
/// result being the same whatever their number.
pub fn pca(m: &VoteMatrix, kept: &[bool], max_iters: usize, threads: usize) -> Pca {
    let n_s = m.n_statements();
    let n_p = m.n_participants();
    let mut sums = vec![0.0f64; n_s];
    let mut counts = vec![0usize; n_s];
    for p in 0..n_p {
        let (js, vals) = m.row(p);
        for (&j, &val) in js.iter().zip(vals) {
            sums[j as usize] += f64::from(val);
            counts[j as usize] += 1;
        }
    }
    let center: Vec<f64> =
        (0..n_s).map(|j| if kept[j] && counts[j] > 0 { sums[j] / counts[j] as f64 } else { 0.0 }).collect();
    let table = centred_table(&center, kept);
    let blocks = Blocks {
        threads: parallel::threads(threads),
        rows: parallel::row_blocks(m, parallel::BLOCK_VOTES),
        statements: parallel::statement_blocks(m),
    };

    // Start vectors that depend on the data, not on the order of
    // statements: all ones, and the statements' mean votes; plus a small
    // seeded perturbation (a thousandth of their size), without which a
    // conversation whose opinion groups mirror each other (as many agree
    // with one half of the statements as with the other) leaves both
    // vectors orthogonal to its main divide, which power iteration then
    // never finds. The perturbation changes where the iteration starts,
    // not where it converges.
    let live = |j: usize| kept[j] && counts[j] > 0;
    let mut rng = crate::kmeans::SplitMix64::new(0x00C0_FFEE_D1CE);
    let mut v: Vec<[f64; 2]> = (0..n_s)
        .map(|j| {
            let (a, b) = (rng.next_f64() - 0.5, rng.next_f64() - 0.5);
            if live(j) {
                [1.0 + 1e-3 * a, center[j] + 0.5 * (counts[j] as f64).sqrt() * (1.0 + 1e-3 * b)]
            } else {
                [0.0, 0.0]
            }
        })
        .collect();
    let mut iterations = 0;
    let mut u = vec![[0.0f64; 2]; n_p];
    let mut w = vec![[0.0f64; 2]; n_s];
    if orthonormalise(&mut v) {
        for it in 0..max_iters {
            mul_x(m, &table, &v, &blocks, &mut u);
            mul_xt(m, &table, &u, &blocks, &mut w);
            if !orthonormalise(&mut w) {
                v.iter_mut().for_each(|x| *x = [0.0; 2]);
                break;
            }
            iterations = it + 1;
            // Distance between the old and new subspaces: 2 − ‖VᵀW‖².
            let overlap = dot(&v, 0, &w, 0).powi(2)
                + dot(&v, 0, &w, 1).powi(2)
                + dot(&v, 1, &w, 0).powi(2)
                + dot(&v, 1, &w, 1).powi(2);
            let rank = if w.iter().any(|x| x[1] != 0.0) { 2.0 } else { 1.0 };
            std::mem::swap(&mut v, &mut w);
            if (rank - overlap).abs() < 1e-12 {
                break;
            }
        }
        // Rayleigh–Ritz in the two-dimensional subspace: order the components
        // by the variance they explain.
        mul_x(m, &table, &v, &blocks, &mut u);
        let (a, b, c) = (dot(&u, 0, &u, 0), dot(&u, 0, &u, 1), dot(&u, 1, &u, 1));
        let theta = 0.5 * (2.0 * b).atan2(a - c);
        let (cs, sn) = (theta.cos(), theta.sin());
        for x in v.iter_mut() {
            *x = [cs * x[0] + sn * x[1], -sn * x[0] + cs * x[1]];
        }
        // A deterministic sign: the third moment of each component positive.
        for k in 0..2 {
            let skew: f64 = v.iter().map(|x| x[k].powi(3)).sum();
            let s1: f64 = v.iter().map(|x| x[k]).sum();
            let flip = if skew.abs() > 1e-12 { skew < 0.0 } else { s1 < 0.0 };
            if flip {
                v.iter_mut().for_each(|x| x[k] = -x[k]);
            }
        }
    }

    // Polis's sparsity-aware projection: project the votes cast (a
    // moderated-out column is zero for everyone, so counts as cast), then
    // scale by sqrt(statements / statements voted on).
    let n_cols = counts.iter().filter(|&&c| c > 0).count();
    let n_zeroed = (0..n_s).filter(|&j| counts[j] > 0 && !kept[j]).count();
    mul_x(m, &table, &v, &blocks, &mut u);
    let projections = (0..n_p)
        .map(|p| {
            let (js, _) = m.row(p);
            let own = js.iter().filter(|&&j| kept[j as usize]).count();
            let n_votes = own + n_zeroed;
            if own == 0 {
                return [0.0, 0.0];
            }
            let scale = (n_cols as f64 / n_votes.max(1) as f64).sqrt();
            [u[p][0] * scale, u[p][1] * scale]
        })
        .collect();
    Pca {
        center,
        components: [v.iter().map(|x| x[0]).collect(), v.iter().map(|x| x[1]).collect()],
        projections,
        iterations,
    }
}
