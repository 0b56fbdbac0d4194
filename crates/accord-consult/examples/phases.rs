//! Times each phase of the analysis on a planted conversation:
//! `cargo run --release -p accord-consult --example phases -- PARTICIPANTS STATEMENTS VOTES_EACH [THREADS]`.

use std::time::Instant;

use accord_consult::planted::{plant, Plan};
use accord_consult::{analyse, bridging, canonical, kmeans, pca, Settings, VoteMatrix};

/// CPU seconds this process has used (user and system), from /proc/self/stat.
fn cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).map(|a| a.parse().expect("a number")).collect();
    let (n_p, n_s, each) = (args[0], args[1], args[2]);
    let threads = args.get(3).copied().unwrap_or(0);
    let plan = Plan { participants: n_p, statements: n_s, votes_each: each, groups: 3, fidelity: 0.8, seed: 7 };
    let planted = plant(&plan);
    let m = VoteMatrix::from_votes(n_p, n_s, &planted.votes).unwrap();
    let kept = vec![true; n_s];
    let s = Settings { threads, ..Settings::default() };
    let (t, c) = (Instant::now(), cpu());
    let order = canonical::order(&m, &kept, threads);
    println!("order from the votes: {:?}, cpu {:.2} s", t.elapsed(), cpu() - c);
    let (t, c) = (Instant::now(), cpu());
    let renumbered = canonical::renumber(&m, &order, threads);
    println!("renumbering: {:?}, cpu {:.2} s", t.elapsed(), cpu() - c);
    drop(renumbered);
    let (t, c) = (Instant::now(), cpu());
    let p = pca::pca(&m, &kept, s.pca_iters, threads);
    println!("pca: {:?}, cpu {:.2} s ({} iterations)", t.elapsed(), cpu() - c, p.iterations);
    let (t, c) = (Instant::now(), cpu());
    let ones = vec![1.0; n_p];
    let base = kmeans::kmeans(&p.projections, &ones, 100, 1, s.kmeans_iters, s.seed, threads);
    println!("base k-means: {:?}, cpu {:.2} s", t.elapsed(), cpu() - c);
    let (t, c) = (Instant::now(), cpu());
    let start: Vec<f64> = p.projections.iter().map(|x| x[0]).collect();
    let fit = bridging::fit(&m, &kept, &start, &s.bridging, threads);
    println!("bridging: {:?}, cpu {:.2} s ({} sweeps)", t.elapsed(), cpu() - c, fit.sweeps);
    let _ = base;
    let (t, c) = (Instant::now(), cpu());
    let a = analyse(&m, &[], &s).unwrap();
    println!("analyse: {:?}, cpu {:.2} s, {} groups", t.elapsed(), cpu() - c, a.groups.len());
}
