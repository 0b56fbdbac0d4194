//! Redlines: word-by-word comparison of two texts.
//!
//! A text is cut into tokens (words, runs of spaces, single punctuation
//! marks; each Han or kana character on its own, as those scripts do not
//! separate words by spaces), and the token sequences are compared with
//! Myers' algorithm. The result is a list of segments, each kept, inserted
//! or deleted; the kept and inserted ones spell the new text, the kept and
//! deleted ones the old.
//!
//! The diff is the `similar` crate's. A whole instrument is compared
//! provision by provision, provisions matched by eId.

use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::negotiation::text::{unspaced, Instrument, ProvisionKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Equal,
    Insert,
    Delete,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub change: Change,
    pub text: String,
}

/// Cuts a text into tokens; concatenated, they give the text back.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut class = 0u8; // 0 none, 1 word, 2 space
    for (i, c) in text.char_indices() {
        let this = if unspaced(c) {
            3
        } else if c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-' {
            1
        } else if c.is_whitespace() {
            2
        } else {
            3
        };
        if i > start && (this != class || this == 3) {
            out.push(&text[start..i]);
            start = i;
        }
        class = this;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The redline from `old` to `new`.
pub fn diff(old: &str, new: &str) -> Vec<Segment> {
    if old == new {
        return if old.is_empty() { Vec::new() } else { vec![Segment { change: Change::Equal, text: old.to_owned() }] };
    }
    let a = tokens(old);
    let b = tokens(new);
    let mut out: Vec<Segment> = Vec::new();
    let mut push = |change: Change, parts: &[&str]| {
        if parts.is_empty() {
            return;
        }
        let text: String = parts.concat();
        match out.last_mut() {
            Some(last) if last.change == change => last.text.push_str(&text),
            _ => out.push(Segment { change, text }),
        }
    };
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        match op {
            DiffOp::Equal { old_index, len, .. } => push(Change::Equal, &a[old_index..old_index + len]),
            DiffOp::Delete { old_index, old_len, .. } => push(Change::Delete, &a[old_index..old_index + old_len]),
            DiffOp::Insert { new_index, new_len, .. } => push(Change::Insert, &b[new_index..new_index + new_len]),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                push(Change::Delete, &a[old_index..old_index + old_len]);
                push(Change::Insert, &b[new_index..new_index + new_len]);
            }
        }
    }
    out
}

/// What a redline spells on one side.
pub fn side(segments: &[Segment], new: bool) -> String {
    segments
        .iter()
        .filter(|s| s.change == Change::Equal || (s.change == Change::Insert) == new)
        .map(|s| s.text.as_str())
        .collect()
}

/// How a provision fares between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProvisionRedline {
    pub eid: String,
    pub kind: ProvisionKind,
    pub num: String,
    /// `equal`, `insert` (only in the newer version), `delete` (only in the
    /// older), or `changed`.
    pub status: &'static str,
    pub heading: Vec<Segment>,
    pub text: Vec<Segment>,
}

/// The redline of a whole instrument: provisions matched by eId, in the
/// order of the newer version, deleted ones after their former predecessor.
pub fn diff_instruments(old: &Instrument, new: &Instrument) -> Vec<ProvisionRedline> {
    let old_index: std::collections::HashMap<&str, usize> =
        old.provisions.iter().enumerate().map(|(i, p)| (p.eid.as_str(), i)).collect();
    let new_eids: std::collections::HashSet<&str> = new.provisions.iter().map(|p| p.eid.as_str()).collect();
    let mut out = Vec::with_capacity(new.provisions.len());
    // Deleted provisions, keyed by the nearest surviving predecessor.
    let mut deleted_after: std::collections::HashMap<Option<&str>, Vec<usize>> = Default::default();
    let mut last_kept: Option<&str> = None;
    for (i, p) in old.provisions.iter().enumerate() {
        if new_eids.contains(p.eid.as_str()) {
            last_kept = Some(p.eid.as_str());
        } else {
            deleted_after.entry(last_kept).or_default().push(i);
        }
    }
    let push_deleted = |out: &mut Vec<ProvisionRedline>, key: Option<&str>| {
        for &i in deleted_after.get(&key).into_iter().flatten() {
            let p = &old.provisions[i];
            out.push(ProvisionRedline {
                eid: p.eid.clone(),
                kind: p.kind,
                num: p.num.clone(),
                status: "delete",
                heading: seg(Change::Delete, &p.heading),
                text: seg(Change::Delete, &p.text),
            });
        }
    };
    push_deleted(&mut out, None);
    for p in &new.provisions {
        match old_index.get(p.eid.as_str()) {
            Some(&i) => {
                let o = &old.provisions[i];
                let same = std::sync::Arc::ptr_eq(o, p) || (o.text == p.text && o.heading == p.heading);
                out.push(ProvisionRedline {
                    eid: p.eid.clone(),
                    kind: p.kind,
                    num: p.num.clone(),
                    status: if same { "equal" } else { "changed" },
                    heading: if same { seg(Change::Equal, &p.heading) } else { diff(&o.heading, &p.heading) },
                    text: if same { seg(Change::Equal, &p.text) } else { diff(&o.text, &p.text) },
                });
                push_deleted(&mut out, Some(p.eid.as_str()));
            }
            None => out.push(ProvisionRedline {
                eid: p.eid.clone(),
                kind: p.kind,
                num: p.num.clone(),
                status: "insert",
                heading: seg(Change::Insert, &p.heading),
                text: seg(Change::Insert, &p.text),
            }),
        }
    }
    out
}

fn seg(change: Change, text: &str) -> Vec<Segment> {
    if text.is_empty() {
        Vec::new()
    } else {
        vec![Segment { change, text: text.to_owned() }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn word_by_word() {
        let d = diff("States shall cooperate fully.", "States should cooperate.");
        assert_eq!(side(&d, false), "States shall cooperate fully.");
        assert_eq!(side(&d, true), "States should cooperate.");
        assert!(d.contains(&Segment { change: Change::Delete, text: "shall".into() }));
        assert!(d.contains(&Segment { change: Change::Insert, text: "should".into() }));
        assert_eq!(tokens("各国应当合作。"), vec!["各", "国", "应", "当", "合", "作", "。"]);
        assert_eq!(tokens("don't stop, now").concat(), "don't stop, now");
    }

    proptest! {
        #[test]
        fn redline_applied_to_old_gives_new(a in "[a-z ,.é中]{0,40}", b in "[a-z ,.é中]{0,40}") {
            let d = diff(&a, &b);
            prop_assert_eq!(side(&d, false), a);
            prop_assert_eq!(side(&d, true), b);
        }
    }
}
