//! Bridging score per statement, in the manner of Community Notes: a
//! regularised matrix factorisation
//!
//! ```text
//! vote(i, j) ≈ μ + b_i + c_j + f_i · g_j
//! ```
//!
//! with a global intercept μ, participant and statement intercepts b, c and
//! one factor f, g. The factor takes up the main divide (who agrees with
//! whom); what a statement keeps in its intercept `c_j` is the support it
//! gets once that divide is explained: its bridging score.

use crate::matrix::VoteMatrix;
use crate::parallel;

/// Settings of the factorisation.
#[derive(Debug, Clone)]
pub struct BridgingSettings {
    /// Ridge on the intercepts, in votes' worth (sum-of-squares loss).
    pub lambda_intercept: f64,
    /// Ridge on the factors, in votes' worth.
    pub lambda_factor: f64,
    /// Most alternating sweeps.
    pub max_sweeps: usize,
    /// The fit stops when no parameter moved more than this in a sweep.
    pub tolerance: f64,
}

impl Default for BridgingSettings {
    fn default() -> Self {
        BridgingSettings { lambda_intercept: 5.0, lambda_factor: 1.0, max_sweeps: 40, tolerance: 1e-6 }
    }
}

/// The fitted model.
#[derive(Debug, Clone)]
pub struct Bridging {
    pub global: f64,
    /// Per statement: intercept (the bridging score), factor, and the number of agree/disagree votes fitted.
    pub intercept: Vec<f64>,
    pub factor: Vec<f64>,
    pub ratings: Vec<u32>,
    pub sweeps: usize,
}

/// Solves the 2×2 system [[a, b], [b, d]] x = [r, s].
fn solve2(a: f64, b: f64, d: f64, r: f64, s: f64) -> (f64, f64) {
    let det = a * d - b * b;
    if det.abs() < 1e-300 {
        return (0.0, 0.0);
    }
    ((d * r - b * s) / det, (a * s - b * r) / det)
}

/// The agree and disagree votes on kept statements, row by row: each is
/// `statement << 1 | agree`. Passes carry no direction and are left out.
struct Ratings {
    row_start: Vec<usize>,
    cells: Vec<u32>,
}

impl Ratings {
    fn of(m: &VoteMatrix, kept: &[bool]) -> Ratings {
        let mut row_start = Vec::with_capacity(m.n_participants() + 1);
        let mut cells = Vec::with_capacity(m.n_votes());
        row_start.push(0);
        for p in 0..m.n_participants() {
            let (js, vals) = m.row(p);
            for (&j, &v) in js.iter().zip(vals) {
                if v != 0 && kept[j as usize] {
                    cells.push(j << 1 | u32::from(v > 0));
                }
            }
            row_start.push(cells.len());
        }
        Ratings { row_start, cells }
    }

    fn row(&self, p: usize) -> &[u32] {
        &self.cells[self.row_start[p]..self.row_start[p + 1]]
    }
}

/// Fits the model on agree (1) and disagree (0) votes on the kept
/// statements; passes carry no direction and are left out. `start` gives
/// each participant's starting factor (the first principal component
/// position is a good one): the fit is deterministic from it. `threads`
/// share the sweeps (0: as many as the machine has); the fit is the same
/// whatever their number.
pub fn fit(m: &VoteMatrix, kept: &[bool], start: &[f64], settings: &BridgingSettings, threads: usize) -> Bridging {
    let n_p = m.n_participants();
    let n_s = m.n_statements();
    let threads = parallel::threads(threads);
    let r = Ratings::of(m, kept);
    // The blocks of the statements' step and of the participants' step.
    let statement_blocks = parallel::statement_blocks(m);
    let row_blocks = parallel::row_blocks(m, parallel::BLOCK_VOTES);
    let mut ratings = vec![0u32; n_s];
    let mut agrees = vec![0u32; n_s];
    for &cell in &r.cells {
        ratings[(cell >> 1) as usize] += 1;
        agrees[(cell >> 1) as usize] += cell & 1;
    }
    let n_total = r.cells.len();
    let sum_r: f64 = agrees.iter().map(|&a| f64::from(a)).sum();
    let (li, lf) = (settings.lambda_intercept, settings.lambda_factor);
    let mut global = if n_total > 0 { sum_r / (n_total as f64 + li) } else { 0.0 };
    let mut b = vec![0.0f64; n_p];
    let mut c = vec![0.0f64; n_s];
    let mut g = vec![0.0f64; n_s];
    // Starting factors: zero mean, unit variance over participants who rated.
    let raters: Vec<usize> = (0..n_p).filter(|&p| !r.row(p).is_empty()).collect();
    let mut f = vec![0.0f64; n_p];
    if !raters.is_empty() {
        let mean = raters.iter().map(|&p| start[p]).sum::<f64>() / raters.len() as f64;
        let var = raters.iter().map(|&p| (start[p] - mean).powi(2)).sum::<f64>() / raters.len() as f64;
        let sd = if var > 0.0 { var.sqrt() } else { 1.0 };
        for &p in &raters {
            f[p] = (start[p] - mean) / sd;
        }
    }
    let mut sweeps = 0;
    for sweep in 0..settings.max_sweeps {
        sweeps = sweep + 1;
        // Statements, given participants: per statement Σf, Σf², Σr, Σrf
        // with r = vote − μ − b (the count is `ratings`).
        let parts = parallel::map(threads, &statement_blocks, |range| {
            let mut acc = vec![[0.0f64; 4]; n_s];
            for p in range {
                let (bp, fp) = (b[p], f[p]);
                let base = -global - bp;
                for &cell in r.row(p) {
                    let rv = f64::from(cell & 1) + base;
                    let a = &mut acc[(cell >> 1) as usize];
                    a[0] += fp;
                    a[1] += fp * fp;
                    a[2] += rv;
                    a[3] += rv * fp;
                }
            }
            acc
        });
        let mut acc = vec![[0.0f64; 4]; n_s];
        for part in parts {
            for (a, q) in acc.iter_mut().zip(part) {
                for k in 0..4 {
                    a[k] += q[k];
                }
            }
        }
        let mut change = 0.0f64;
        for j in 0..n_s {
            if ratings[j] == 0 {
                continue;
            }
            let a = acc[j];
            let (cj, gj) = solve2(f64::from(ratings[j]) + li, a[0], a[1] + lf, a[2], a[3]);
            change = change.max((cj - c[j]).abs()).max((gj - g[j]).abs());
            c[j] = cj;
            g[j] = gj;
        }
        // Participants, given statements; with each participant's part of
        // the residual that sets the global intercept.
        let (c, g) = (&c, &g);
        let parts = parallel::map(threads, &row_blocks, |range| {
            let mut fitted = Vec::with_capacity(range.len());
            let (mut change, mut resid) = (0.0f64, 0.0f64);
            for p in range {
                let row = r.row(p);
                if row.is_empty() {
                    fitted.push((b[p], f[p]));
                    continue;
                }
                let mut a = [0.0f64; 4];
                for &cell in row {
                    let j = (cell >> 1) as usize;
                    let rv = f64::from(cell & 1) - global - c[j];
                    a[0] += g[j];
                    a[1] += g[j] * g[j];
                    a[2] += rv;
                    a[3] += rv * g[j];
                }
                let (bp, fp) = solve2(row.len() as f64 + li, a[0], a[1] + lf, a[2], a[3]);
                change = change.max((bp - b[p]).abs()).max((fp - f[p]).abs());
                fitted.push((bp, fp));
                // Σ (vote − b − c − f g) = Σ (r + μ) − n b − f Σg.
                resid += a[2] + row.len() as f64 * (global - bp) - fp * a[0];
            }
            (fitted, change, resid)
        });
        let mut resid = 0.0;
        let mut p = 0;
        for (fitted, ch, res) in parts {
            for (bp, fp) in fitted {
                b[p] = bp;
                f[p] = fp;
                p += 1;
            }
            change = change.max(ch);
            resid += res;
        }
        // The global intercept, given the rest.
        if n_total > 0 {
            let new_global = resid / (n_total as f64 + li);
            change = change.max((new_global - global).abs());
            global = new_global;
        }
        if change < settings.tolerance {
            break;
        }
    }
    Bridging { global, intercept: c, factor: g, ratings, sweeps }
}
