//! The Adjusted Rand Index between two partitions (Hubert and Arabie): 1 for
//! the same partition whatever the labels, about 0 for independent ones.

use std::collections::HashMap;

fn choose2(n: u64) -> f64 {
    (n as f64) * (n as f64 - 1.0) / 2.0
}

/// ARI of two labellings of the same items (`a[i]` and `b[i]` label item `i`).
pub fn adjusted_rand_index<A: Eq + std::hash::Hash + Copy, B: Eq + std::hash::Hash + Copy>(a: &[A], b: &[B]) -> f64 {
    assert_eq!(a.len(), b.len(), "two labellings of the same items");
    let n = a.len() as u64;
    let mut table: HashMap<(A, B), u64> = HashMap::new();
    let mut rows: HashMap<A, u64> = HashMap::new();
    let mut cols: HashMap<B, u64> = HashMap::new();
    for (&x, &y) in a.iter().zip(b) {
        *table.entry((x, y)).or_default() += 1;
        *rows.entry(x).or_default() += 1;
        *cols.entry(y).or_default() += 1;
    }
    let index: f64 = table.values().map(|&c| choose2(c)).sum();
    let sum_a: f64 = rows.values().map(|&c| choose2(c)).sum();
    let sum_b: f64 = cols.values().map(|&c| choose2(c)).sum();
    let total = choose2(n);
    if total == 0.0 {
        return 1.0;
    }
    let expected = sum_a * sum_b / total;
    let max = 0.5 * (sum_a + sum_b);
    if max == expected {
        return 1.0;
    }
    (index - expected) / (max - expected)
}

#[cfg(test)]
mod tests {
    use super::adjusted_rand_index;

    #[test]
    fn same_partition_under_other_labels_scores_one() {
        assert_eq!(adjusted_rand_index(&[0, 0, 1, 1, 2], &[5, 5, 3, 3, 9]), 1.0);
    }

    #[test]
    fn known_value() {
        // Worked example: sklearn's adjusted_rand_score([0,0,1,1],[0,0,1,2]) = 0.5714…
        let v = adjusted_rand_index(&[0, 0, 1, 1], &[0, 0, 1, 2]);
        assert!((v - 4.0 / 7.0).abs() < 1e-12, "{v}");
    }
}
