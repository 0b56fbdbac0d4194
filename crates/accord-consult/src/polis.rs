//! Reading a Polis export (`votes.csv`, `comments.csv`,
//! `participants-votes.csv`) from readers the caller opens. Columns are found
//! by their header names, so the variants of the export format (with or
//! without `datetime`, `xid`, `is-meta`, …) all read.

use std::collections::HashMap;
use std::io::Read;

use crate::matrix::{Vote, VoteMatrix};
use crate::ConsultError;

/// A conversation read from a Polis export.
#[derive(Debug, Clone)]
pub struct Export {
    /// Participant ids as in `votes.csv`, in ascending order; row `p` of the matrix is `participants[p]`.
    pub participants: Vec<String>,
    /// Statement (comment) ids, ascending; column `j` is `statements[j]`.
    pub statements: Vec<String>,
    /// The statements' texts, where `comments.csv` gives them.
    pub texts: Vec<Option<String>>,
    pub moderated_out: Vec<bool>,
    /// The latest vote of each participant on each statement.
    pub votes: VoteMatrix,
}

fn bad(file: &'static str, message: impl Into<String>) -> ConsultError {
    ConsultError::Export { file, message: message.into() }
}

/// The line a record starts on (1 is the header).
fn line_of(record: &csv::StringRecord) -> u64 {
    record.position().map_or(0, csv::Position::line)
}

fn column(headers: &csv::StringRecord, file: &'static str, name: &str) -> Result<usize, ConsultError> {
    headers.iter().position(|h| h.trim() == name).ok_or_else(|| bad(file, format!("no column {name:?}")))
}

/// Ids in ascending order: numerically when every id is a number, otherwise as text.
fn sort_ids(ids: &mut [String]) {
    if ids.iter().all(|id| id.parse::<u64>().is_ok()) {
        ids.sort_by_key(|id| id.parse::<u64>().expect("checked numeric"));
    } else {
        ids.sort();
    }
}

struct CommentRow {
    id: String,
    moderated: i64,
    text: Option<String>,
}

fn read_comments(reader: impl Read) -> Result<Vec<CommentRow>, ConsultError> {
    const FILE: &str = "comments.csv";
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let headers = rdr.headers().map_err(|e| bad(FILE, e.to_string()))?.clone();
    let id = column(&headers, FILE, "comment-id")?;
    let moderated = column(&headers, FILE, "moderated")?;
    let body = headers.iter().position(|h| h.trim() == "comment-body");
    let mut rows = Vec::new();
    for record in rdr.records() {
        let record = record.map_err(|e| bad(FILE, e.to_string()))?;
        let field = |i: usize| record.get(i).map(str::trim).unwrap_or("");
        let m = field(moderated);
        let moderated = if m.is_empty() {
            0
        } else {
            m.parse().map_err(|_| bad(FILE, format!("line {}: moderated {m:?} is not a number", line_of(&record))))?
        };
        rows.push(CommentRow { id: field(id).to_string(), moderated, text: body.map(|b| field(b).to_string()) });
    }
    Ok(rows)
}

/// Reads `votes.csv` and, when given, `comments.csv` (for moderation and
/// texts). The latest vote of a participant on a statement counts: votes are
/// ordered by `timestamp`, ties keeping the file's order.
pub fn read_export(votes: impl Read, comments: Option<impl Read>) -> Result<Export, ConsultError> {
    const FILE: &str = "votes.csv";
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(votes);
    let headers = rdr.headers().map_err(|e| bad(FILE, e.to_string()))?.clone();
    let (ts, cid, vid, vote) = (
        column(&headers, FILE, "timestamp")?,
        column(&headers, FILE, "comment-id")?,
        column(&headers, FILE, "voter-id")?,
        column(&headers, FILE, "vote")?,
    );
    let mut raw: Vec<(i64, String, String, i8)> = Vec::new();
    for record in rdr.records() {
        let record = record.map_err(|e| bad(FILE, e.to_string()))?;
        let field = |i: usize| record.get(i).map(str::trim).unwrap_or("");
        let line = line_of(&record);
        let t = field(ts);
        let t: i64 = t.parse().map_err(|_| bad(FILE, format!("line {line}: timestamp {t:?} is not a whole number")))?;
        let v = field(vote);
        let v: i8 = match v.parse::<f64>() {
            Ok(1.0) => 1,
            Ok(-1.0) => -1,
            Ok(0.0) => 0,
            _ => return Err(bad(FILE, format!("line {line}: vote {v:?} is not 1, -1 or 0"))),
        };
        let (c, p) = (field(cid), field(vid));
        if c.is_empty() || p.is_empty() {
            return Err(bad(FILE, format!("line {line}: a comment-id or voter-id is empty")));
        }
        raw.push((t, c.to_string(), p.to_string(), v));
    }
    let comments = match comments {
        Some(r) => read_comments(r)?,
        None => Vec::new(),
    };
    let mut participants: Vec<String> = raw.iter().map(|r| r.2.clone()).collect();
    participants.sort();
    participants.dedup();
    sort_ids(&mut participants);
    let mut statements: Vec<String> =
        raw.iter().map(|r| r.1.clone()).chain(comments.iter().map(|c| c.id.clone())).collect();
    statements.sort();
    statements.dedup();
    sort_ids(&mut statements);
    let p_index: HashMap<&str, u32> = participants.iter().enumerate().map(|(i, s)| (s.as_str(), i as u32)).collect();
    let s_index: HashMap<&str, u32> = statements.iter().enumerate().map(|(i, s)| (s.as_str(), i as u32)).collect();
    raw.sort_by_key(|r| r.0);
    let cast: Vec<Vote> = raw
        .iter()
        .map(|r| Vote { participant: p_index[r.2.as_str()], statement: s_index[r.1.as_str()], value: r.3 })
        .collect();
    let mut moderated_out = vec![false; statements.len()];
    let mut texts = vec![None; statements.len()];
    for c in comments {
        let j = s_index[c.id.as_str()] as usize;
        moderated_out[j] = c.moderated < 0;
        texts[j] = c.text;
    }
    let votes = VoteMatrix::from_votes(participants.len(), statements.len(), &cast)?;
    Ok(Export { participants, statements, texts, moderated_out, votes })
}

/// Reads Polis's own opinion groups from `participants-votes.csv`: each
/// participant's id and `group-id` (`None` where Polis left it out).
pub fn read_groups(reader: impl Read) -> Result<Vec<(String, Option<u32>)>, ConsultError> {
    const FILE: &str = "participants-votes.csv";
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let headers = rdr.headers().map_err(|e| bad(FILE, e.to_string()))?.clone();
    let (pid, gid) = (column(&headers, FILE, "participant")?, column(&headers, FILE, "group-id")?);
    let mut out = Vec::new();
    for record in rdr.records() {
        let record = record.map_err(|e| bad(FILE, e.to_string()))?;
        let g = record.get(gid).map(str::trim).unwrap_or("");
        let g = if g.is_empty() {
            None
        } else {
            Some(
                g.parse()
                    .map_err(|_| bad(FILE, format!("line {}: group-id {g:?} is not a number", line_of(&record))))?,
            )
        };
        out.push((record.get(pid).map(str::trim).unwrap_or("").to_string(), g));
    }
    Ok(out)
}

/// Reads the `group-informed-consensus` Polis computed per statement, where
/// `comments.csv` carries it.
pub fn read_group_informed_consensus(reader: impl Read) -> Result<Vec<(String, f64)>, ConsultError> {
    const FILE: &str = "comments.csv";
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let headers = rdr.headers().map_err(|e| bad(FILE, e.to_string()))?.clone();
    let id = column(&headers, FILE, "comment-id")?;
    let Some(gic) = headers.iter().position(|h| h.trim() == "group-informed-consensus") else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for record in rdr.records() {
        let record = record.map_err(|e| bad(FILE, e.to_string()))?;
        if let Some(v) = record.get(gic).and_then(|v| v.trim().parse::<f64>().ok()) {
            out.push((record.get(id).map(str::trim).unwrap_or("").to_string(), v));
        }
    }
    Ok(out)
}
