//! Representative statements per opinion group and group-informed consensus,
//! with Polis's statistics: agree and disagree probabilities with +1/+2
//! pseudo-counts, the one-proportion test of a group's own agreement, and the
//! two-proportion test of the group against everyone else in a group.

/// A z-value significant at 90 % (one-sided), Polis's threshold.
pub const Z_90: f64 = 1.2816;

/// Polis's one-proportion test, pseudo-counts included.
pub fn prop_test(success: f64, n: f64) -> f64 {
    let (s, n) = (success + 1.0, n + 1.0);
    2.0 * n.sqrt() * (s / n - 0.5)
}

/// Polis's two-proportion test, pseudo-counts included (0 where the pooled
/// proportion is 1).
pub fn two_prop_test(succ_in: f64, succ_out: f64, pop_in: f64, pop_out: f64) -> f64 {
    let (si, so, pi, po) = (succ_in + 1.0, succ_out + 1.0, pop_in + 1.0, pop_out + 1.0);
    let (p1, p2) = (si / pi, so / po);
    let hat = (si + so) / (pi + po);
    if hat == 1.0 {
        return 0.0;
    }
    (p1 - p2) / (hat * (1.0 - hat) * (1.0 / pi + 1.0 / po)).sqrt()
}

/// Whether a statement represents a group by agreement or by disagreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Agree,
    Disagree,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Agree => "agree",
            Direction::Disagree => "disagree",
        }
    }
}

/// Vote counts of one group on one statement: agrees, disagrees, seen (any vote, pass included).
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub agree: u32,
    pub disagree: u32,
    pub seen: u32,
}

/// Polis's per-group statistics of one statement.
#[derive(Debug, Clone, Copy)]
struct Stats {
    na: f64,
    nd: f64,
    ns: f64,
    pa: f64,
    pd: f64,
    pat: f64,
    pdt: f64,
    ra: f64,
    rd: f64,
    rat: f64,
    rdt: f64,
}

fn stats(inside: Counts, rest: Counts) -> Stats {
    let (na, nd, ns) = (f64::from(inside.agree), f64::from(inside.disagree), f64::from(inside.seen));
    let (ra_n, rd_n, rs_n) = (f64::from(rest.agree), f64::from(rest.disagree), f64::from(rest.seen));
    let pa = (na + 1.0) / (ns + 2.0);
    let pd = (nd + 1.0) / (ns + 2.0);
    Stats {
        na,
        nd,
        ns,
        pa,
        pd,
        pat: prop_test(na, ns),
        pdt: prop_test(nd, ns),
        ra: pa / ((ra_n + 1.0) / (rs_n + 2.0)),
        rd: pd / ((rd_n + 1.0) / (rs_n + 2.0)),
        rat: two_prop_test(na, ra_n, ns, rs_n),
        rdt: two_prop_test(nd, rd_n, ns, rs_n),
    }
}

/// A representative statement of a group.
#[derive(Debug, Clone, PartialEq)]
pub struct Representative {
    pub statement: usize,
    pub direction: Direction,
    /// Polis's ordering metric: repness × repness test × probability × probability test.
    pub score: f64,
    /// Votes in the group in `direction`, and votes in the group on the statement.
    pub n_success: u32,
    pub n_trials: u32,
    /// Probability of a vote in `direction` in the group, and its test.
    pub p_success: f64,
    pub p_test: f64,
    /// Ratio of that probability to the rest's, and its two-proportion test.
    pub repness: f64,
    pub repness_test: f64,
    /// Polis's "best agree": the statement the group agrees on most, put first.
    pub best_agree: bool,
}

fn finalize(statement: usize, s: &Stats) -> Representative {
    let agree = s.rat > s.rdt;
    let (n, p, pt, r, rt, direction) = if agree {
        (s.na, s.pa, s.pat, s.ra, s.rat, Direction::Agree)
    } else {
        (s.nd, s.pd, s.pdt, s.rd, s.rdt, Direction::Disagree)
    };
    Representative {
        statement,
        direction,
        score: r * rt * p * pt,
        n_success: n as u32,
        n_trials: s.ns as u32,
        p_success: p,
        p_test: pt,
        repness: r,
        repness_test: rt,
        best_agree: false,
    }
}

fn passes(s: &Stats) -> bool {
    (s.rat > Z_90 && s.pat > Z_90) || (s.rdt > Z_90 && s.pdt > Z_90)
}

fn beats_best_agree(s: &Stats, best: Option<&Stats>) -> bool {
    if s.na == 0.0 && s.nd == 0.0 {
        return false;
    }
    match best {
        Some(b) if b.ra > 1.0 => s.ra * s.rat * s.pa * s.pat > b.ra * b.rat * b.pa * b.pat,
        Some(b) => s.pa * s.pat > b.pa * b.pat,
        None => s.pat > Z_90 || (s.ra > 1.0 && s.pa > 0.5),
    }
}

/// Selects up to five representative statements for each group, as Polis's
/// `select-rep-comments` does. `counts[g][j]` are group `g`'s counts on
/// statement `j`; `eligible[j]` is false for statements to leave out
/// (moderated out, or never voted on).
pub fn representative(counts: &[Vec<Counts>], eligible: &[bool]) -> Vec<Vec<Representative>> {
    let n_groups = counts.len();
    let n_s = eligible.len();
    let mut totals = vec![Counts::default(); n_s];
    for g in counts {
        for (t, c) in totals.iter_mut().zip(g) {
            t.agree += c.agree;
            t.disagree += c.disagree;
            t.seen += c.seen;
        }
    }
    (0..n_groups)
        .map(|g| {
            let mut sufficient: Vec<Representative> = Vec::new();
            let mut best: Option<Representative> = None;
            let mut best_agree: Option<(usize, Stats)> = None;
            for j in (0..n_s).filter(|&j| eligible[j]) {
                let inside = counts[g][j];
                let t = totals[j];
                let rest = Counts {
                    agree: t.agree - inside.agree,
                    disagree: t.disagree - inside.disagree,
                    seen: t.seen - inside.seen,
                };
                let s = stats(inside, rest);
                if passes(&s) {
                    sufficient.push(finalize(j, &s));
                }
                if sufficient.is_empty() && best.as_ref().is_none_or(|b| s.rat.max(s.rdt) > b.repness_test) {
                    best = Some(finalize(j, &s));
                }
                if beats_best_agree(&s, best_agree.as_ref().map(|b| &b.1)) {
                    best_agree = Some((j, s));
                }
            }
            let best_agree = best_agree.map(|(j, s)| Representative { best_agree: true, ..finalize(j, &s) });
            if sufficient.is_empty() {
                return best_agree.or(best).into_iter().collect();
            }
            let head = best_agree.as_ref().map(|b| b.statement);
            sufficient.retain(|r| Some(r.statement) != head);
            sufficient.sort_by(|a, b| b.score.total_cmp(&a.score));
            let mut chosen: Vec<Representative> = best_agree.into_iter().chain(sufficient).take(5).collect();
            // Agrees before disagrees, each keeping its order.
            chosen.sort_by_key(|r| r.direction == Direction::Disagree);
            chosen
        })
        .collect()
}

/// Group-informed consensus of each statement: the product over groups of
/// (agrees + 1) / (seen + 2).
pub fn group_consensus(counts: &[Vec<Counts>], n_statements: usize) -> Vec<f64> {
    (0..n_statements)
        .map(|j| counts.iter().map(|g| (f64::from(g[j].agree) + 1.0) / (f64::from(g[j].seen) + 2.0)).product())
        .collect()
}
