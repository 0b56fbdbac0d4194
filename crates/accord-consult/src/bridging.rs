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

/// Settings of the factorisation.
#[derive(Debug, Clone)]
pub struct BridgingSettings {
    /// Ridge on the intercepts, in votes' worth (sum-of-squares loss).
    pub lambda_intercept: f64,
    /// Ridge on the factors, in votes' worth.
    pub lambda_factor: f64,
    /// Most alternating sweeps.
    pub max_sweeps: usize,
}

impl Default for BridgingSettings {
    fn default() -> Self {
        BridgingSettings { lambda_intercept: 5.0, lambda_factor: 1.0, max_sweeps: 40 }
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

/// Fits the model on agree (1) and disagree (0) votes on the kept
/// statements; passes carry no direction and are left out. `start` gives
/// each participant's starting factor (the first principal component
/// position is a good one): the fit is deterministic from it.
pub fn fit(m: &VoteMatrix, kept: &[bool], start: &[f64], settings: &BridgingSettings) -> Bridging {
    let n_p = m.n_participants();
    let n_s = m.n_statements();
    let rating = |val: i8| if val > 0 { 1.0 } else { 0.0 };
    let counts_of = |p: usize| {
        let (js, vals) = m.row(p);
        js.iter().zip(vals).filter(|(&j, &v)| v != 0 && kept[j as usize]).count()
    };
    let mut ratings = vec![0u32; n_s];
    let mut n_total = 0usize;
    let mut sum_r = 0.0;
    for p in 0..n_p {
        let (js, vals) = m.row(p);
        for (&j, &v) in js.iter().zip(vals) {
            if v != 0 && kept[j as usize] {
                ratings[j as usize] += 1;
                n_total += 1;
                sum_r += rating(v);
            }
        }
    }
    let (li, lf) = (settings.lambda_intercept, settings.lambda_factor);
    let mut global = if n_total > 0 { sum_r / (n_total as f64 + li) } else { 0.0 };
    let mut b = vec![0.0f64; n_p];
    let mut c = vec![0.0f64; n_s];
    let mut g = vec![0.0f64; n_s];
    // Starting factors: zero mean, unit variance over participants who rated.
    let raters: Vec<usize> = (0..n_p).filter(|&p| counts_of(p) > 0).collect();
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
        // Statements, given participants.
        let mut acc = vec![[0.0f64; 5]; n_s];
        for p in 0..n_p {
            let (js, vals) = m.row(p);
            let (bp, fp) = (b[p], f[p]);
            for (&j, &v) in js.iter().zip(vals) {
                if v == 0 || !kept[j as usize] {
                    continue;
                }
                let r = rating(v) - global - bp;
                let a = &mut acc[j as usize];
                a[0] += 1.0;
                a[1] += fp;
                a[2] += fp * fp;
                a[3] += r;
                a[4] += r * fp;
            }
        }
        let mut change = 0.0f64;
        for j in 0..n_s {
            let a = acc[j];
            if a[0] == 0.0 {
                continue;
            }
            let (cj, gj) = solve2(a[0] + li, a[1], a[2] + lf, a[3], a[4]);
            change = change.max((cj - c[j]).abs()).max((gj - g[j]).abs());
            c[j] = cj;
            g[j] = gj;
        }
        // Participants, given statements.
        for p in 0..n_p {
            let (js, vals) = m.row(p);
            let mut a = [0.0f64; 5];
            for (&j, &v) in js.iter().zip(vals) {
                if v == 0 || !kept[j as usize] {
                    continue;
                }
                let j = j as usize;
                let r = rating(v) - global - c[j];
                a[0] += 1.0;
                a[1] += g[j];
                a[2] += g[j] * g[j];
                a[3] += r;
                a[4] += r * g[j];
            }
            if a[0] == 0.0 {
                continue;
            }
            let (bp, fp) = solve2(a[0] + li, a[1], a[2] + lf, a[3], a[4]);
            change = change.max((bp - b[p]).abs()).max((fp - f[p]).abs());
            b[p] = bp;
            f[p] = fp;
        }
        // The global intercept, given the rest.
        if n_total > 0 {
            let mut resid = 0.0;
            for p in 0..n_p {
                let (js, vals) = m.row(p);
                for (&j, &v) in js.iter().zip(vals) {
                    if v != 0 && kept[j as usize] {
                        let j = j as usize;
                        resid += rating(v) - b[p] - c[j] - f[p] * g[j];
                    }
                }
            }
            let new_global = resid / (n_total as f64 + li);
            change = change.max((new_global - global).abs());
            global = new_global;
        }
        if change < 1e-6 {
            break;
        }
    }
    Bridging { global, intercept: c, factor: g, ratings, sweeps }
}
