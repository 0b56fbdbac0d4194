//! Changes to the text: a proposal's edit worked out on the current
//! version, a change committed as a new version, and the origins of its
//! words (provenance).

use std::collections::BTreeSet;
use std::sync::Arc;

use super::text::*;
use super::*;
use crate::entry::Entry;
use crate::error::Refusal;

/// The latest version is about to be replaced: it keeps the counts of the
/// rolling text as they stand, the proposals the change closes still open.
pub(crate) fn count_at_end(process: &mut Process) {
    let end = rolling::rolling_text(process, &rolling::View::All);
    process.versions.last_mut().expect("a process has its zero draft").counts_at_end =
        Some(Counts { brackets: end.brackets, options: end.options });
}

/// Puts a checked, intact, open proposal into the text: a new version.
pub(crate) fn agree_into_text(process: &mut Process, proposal: u64, entry: &Entry, cause: String) {
    count_at_end(process);
    let p = &process.proposals[proposal as usize - 1];
    let how = SourceKind::Proposal { proposal: p.id, member: p.proposer.clone() };
    let source = Arc::new(Source { entry: entry.index, time: entry.time, how });
    let change = apply_proposal(&process.latest().instrument, p, source).expect("checked");
    let number = process.latest().number + 1;
    let p = &mut process.proposals[proposal as usize - 1];
    p.status = ProposalStatus::Agreed;
    p.status_entry = Some(entry.index);
    p.agreed_version = Some(number);
    commit_change(process, change, entry, cause, &[proposal]);
}

/// Whether proposal `id` of `process` could be agreed into the text now.
pub(crate) fn check_agreeable(process: &Process, id: u64, time: i64) -> Result<(), Refusal> {
    let p = process.proposal(id)?;
    if !p.is_open() {
        return Err(Refusal::conflict("proposal_closed", format!("{} is {}", p.label(), p.status.as_str())));
    }
    if p.outdated {
        return Err(outdated(process, p));
    }
    let source = Arc::new(Source { entry: 0, time, how: SourceKind::ChairText });
    apply_proposal(&process.latest().instrument, p, source).map(|_| ())
}

/// Why an outdated proposal cannot go into the text, and what its proposer
/// can do about it.
pub(crate) fn outdated(process: &Process, p: &Proposal) -> Refusal {
    let message = if process.latest().instrument.get(&p.eid).is_none() {
        format!(
            "{} is outdated: {} is no longer in the text; its proposer withdraws it and tables a new proposal",
            p.label(),
            p.eid
        )
    } else {
        format!("{} is outdated: the text it was anchored on has changed; its proposer re-anchors it first", p.label())
    };
    Refusal::unprocessable("proposal_outdated", message)
}

pub(crate) fn tabled_of(p: &Proposal) -> ProposalTabled {
    ProposalTabled {
        process: 0,
        kind: p.kind,
        eid: p.eid.clone(),
        version: p.version,
        anchor: p.anchor.clone(),
        position: p.position,
        text: p.text.clone(),
        heading: p.heading.clone(),
        justification: p.justification.clone(),
    }
}

/// Checks a proposal against its process and works out its edit on the
/// current text (`None` for insertions and deletions of provisions that
/// have no text of their own).
pub(crate) fn resolve(process: &Process, t: &ProposalTabled) -> Result<Option<Edit>, Refusal> {
    let version = process.version(t.version).ok_or_else(|| {
        Refusal::not_found(
            "unknown_version",
            format!("process {} has versions 1 to {}, not {}", process.id, process.versions.len(), t.version),
        )
    })?;
    let latest = &process.latest().instrument;
    let Some(then) = version.instrument.get(&t.eid) else {
        if process.versions.iter().any(|v| v.instrument.get(&t.eid).is_some()) {
            return Err(Refusal::unprocessable(
                "provision_deleted",
                format!("{} was deleted from the text before version {}: it takes no proposals", t.eid, t.version),
            ));
        }
        return Err(Refusal::not_found(
            "unknown_eid",
            format!("version {} of process {} has no provision {:?}", t.version, process.id, t.eid),
        ));
    };
    let Some(now) = latest.get(&t.eid) else {
        return Err(Refusal::unprocessable(
            "provision_deleted",
            format!("{} was deleted from the text after version {}: it takes no proposals", t.eid, t.version),
        ));
    };
    if t.kind.on_words() && !now.kind.has_text() {
        return Err(Refusal::unprocessable(
            "provision_without_text",
            format!(
                "{} is {} and has no words of its own: propose on its paragraphs, replace its heading, or delete it",
                t.eid,
                now.kind.with_article()
            ),
        ));
    }
    match t.kind {
        ProposalKind::ReplaceWords | ProposalKind::InsertWords | ProposalKind::DeleteWords => {
            words_edit(process, t, then, now)
        }
        // A chapter's or an article's heading: replaced by a new one.
        ProposalKind::ReplaceProvision if !now.kind.has_text() => heading_edit(process, t, then, now),
        ProposalKind::ReplaceProvision => {
            need(t, "text", t.text.is_some())?;
            // Edition 1 took a heading here and ignored it.
            if process.edition >= 2 {
                forbid(t, "heading", t.heading.is_some())?;
            }
            forbid(t, "anchor", t.anchor.is_some())?;
            forbid(t, "position", t.position.is_some())?;
            let words = t.text.clone().unwrap_or_default();
            check_text("text", &words, PROVISION_MAX_CHARS, false)?;
            if words == now.text {
                return Err(Refusal::unprocessable("no_change", "the new text is the provision's text"));
            }
            Ok(Some(Edit { start: 0, end: now.text.len(), text: words }))
        }
        ProposalKind::DeleteProvision => {
            forbid(t, "text", t.text.is_some())?;
            forbid(t, "anchor", t.anchor.is_some())?;
            forbid(t, "position", t.position.is_some())?;
            Ok(now.kind.has_text().then(|| Edit { start: 0, end: now.text.len(), text: String::new() }))
        }
        ProposalKind::InsertProvision => inserted_provision(t, now),
    }
}

/// A proposal on words of a provision: the words it quotes, found in the
/// version it names and followed to the current text, and what it writes there.
fn words_edit(
    process: &Process,
    t: &ProposalTabled,
    then: &Arc<Provision>,
    now: &Arc<Provision>,
) -> Result<Option<Edit>, Refusal> {
    need(t, "anchor", t.anchor.is_some())?;
    forbid(t, "heading", t.heading.is_some())?;
    let anchor = t.anchor.as_ref().expect("checked");
    check_text("quote", &anchor.quote, QUOTE_MAX_CHARS, false).or_else(|e| {
        if e.code == "untidy_spaces" && !anchor.quote.trim().is_empty() {
            Ok(())
        } else {
            Err(e)
        }
    })?;
    let (s, e) = text::locate(then, t.version, &anchor.quote, anchor.occurrence)?;
    let (s, e) = if Arc::ptr_eq(then, now) || then.text == now.text {
        (s, e)
    } else {
        map_range(&then.text, &now.text, s, e).ok_or_else(|| {
        Refusal::unprocessable(
            "anchor_changed",
            format!(
                "the words \u{ab}{}\u{bb} of {} were changed after version {}: anchor the proposal on the latest version, {}; its text is: \u{ab}{}\u{bb}",
                anchor.quote, t.eid, t.version, process.latest().number, now.text
            ),
        )
    })?
    };
    let edit = match t.kind {
        ProposalKind::ReplaceWords => {
            need(t, "text", t.text.is_some())?;
            forbid(t, "position", t.position.is_some())?;
            let words = t.text.clone().unwrap_or_default();
            check_text("text", &words, PROVISION_MAX_CHARS, false)?;
            if words == now.text[s..e] {
                return Err(Refusal::unprocessable("no_change", "the new words are the words quoted"));
            }
            Edit { start: s, end: e, text: words }
        }
        ProposalKind::InsertWords => {
            need(t, "text", t.text.is_some())?;
            need(t, "position", t.position.is_some())?;
            let words = t.text.clone().unwrap_or_default();
            check_text("text", &words, PROVISION_MAX_CHARS, false)?;
            let at = if t.position == Some(Position::Before) { s } else { e };
            insertion(&now.text, at, &words)
        }
        _ => {
            forbid(t, "text", t.text.is_some())?;
            forbid(t, "position", t.position.is_some())?;
            deletion(&now.text, s, e)
        }
    };
    let after = format!("{}{}{}", &now.text[..edit.start], edit.text, &now.text[edit.end..]);
    check_text(&format!("text of {} after the change", t.eid), &after, PROVISION_MAX_CHARS, false)?;
    Ok(Some(edit))
}

/// A new heading for a chapter or an article.
fn heading_edit(
    process: &Process,
    t: &ProposalTabled,
    then: &Arc<Provision>,
    now: &Arc<Provision>,
) -> Result<Option<Edit>, Refusal> {
    forbid(t, "text", t.text.is_some())?;
    forbid(t, "anchor", t.anchor.is_some())?;
    forbid(t, "position", t.position.is_some())?;
    let Some(heading) = &t.heading else {
        return Err(Refusal::invalid(
            "missing_field",
            format!(
            "{} is {}: a proposal to replace it gives its new \"heading\" (its paragraphs take proposals of their own)",
            t.eid,
            now.kind.with_article()
        ),
        ));
    };
    check_text("heading", heading, HEADING_MAX_CHARS, false)?;
    if *heading == now.heading {
        return Err(Refusal::unprocessable("no_change", "the new heading is the heading"));
    }
    if then.heading != now.heading {
        return Err(Refusal::unprocessable(
        "anchor_changed",
        format!(
            "the heading of {} was changed after version {}: propose on the latest version, {}; the heading is: \u{ab}{}\u{bb}",
            t.eid,
            t.version,
            process.latest().number,
            now.heading
        ),
    ));
    }
    Ok(None)
}

/// A new provision next to `now`: an article's body, or a paragraph's or
/// a point's words.
fn inserted_provision(t: &ProposalTabled, now: &Provision) -> Result<Option<Edit>, Refusal> {
    need(t, "position", t.position.is_some())?;
    need(t, "text", t.text.is_some())?;
    forbid(t, "anchor", t.anchor.is_some())?;
    let words = t.text.clone().unwrap_or_default();
    match now.kind {
        ProvisionKind::Chapter => {
            return Err(Refusal::unprocessable(
                "insert_chapter",
                "chapters are not inserted by proposal: insert articles next to an article",
            ))
        }
        ProvisionKind::Article => {
            if let Some(h) = &t.heading {
                check_text("heading", h, HEADING_MAX_CHARS, false)?;
            }
            let source = Arc::new(Source { entry: 0, time: 0, how: SourceKind::ChairText });
            markdown::parse_article_body("art_x", &words, source)?;
        }
        _ => {
            forbid(t, "heading", t.heading.is_some())?;
            check_text("text", &words, PROVISION_MAX_CHARS, false)?;
        }
    }
    Ok(None)
}

/// Refuses a proposal without a field its kind needs.
fn need(t: &ProposalTabled, field: &str, ok: bool) -> Result<(), Refusal> {
    if ok {
        Ok(())
    } else {
        Err(Refusal::invalid("missing_field", format!("a proposal to {} needs \"{field}\"", t.kind.label())))
    }
}

/// Refuses a proposal with a field its kind does not have.
fn forbid(t: &ProposalTabled, field: &str, present: bool) -> Result<(), Refusal> {
    if present {
        Err(Refusal::invalid("unexpected_field", format!("a proposal to {} has no \"{field}\"", t.kind.label())))
    } else {
        Ok(())
    }
}

/// Where an insertion of `words` at byte `at` goes, with a space on the
/// side where words would otherwise run together.
pub(crate) fn insertion(text: &str, at: usize, words: &str) -> Edit {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    let wordy = |c: char| c.is_alphanumeric() || ",;:.)]\u{bb}\u{201d}".contains(c);
    let mut ins = String::new();
    if before.is_some_and(|c| wordy(c) && !"(".contains(c)) && words.chars().next().is_some_and(char::is_alphanumeric) {
        ins.push(' ');
    }
    ins.push_str(words);
    if after.is_some_and(char::is_alphanumeric) {
        ins.push(' ');
    }
    Edit { start: at, end: at, text: ins }
}

/// A deletion of bytes `s..e`, taking one neighbouring space with it so no
/// double space or space before punctuation is left.
pub(crate) fn deletion(text: &str, s: usize, e: usize) -> Edit {
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    if before == Some(' ') && after.is_none_or(|c| c == ' ' || ",;:.)".contains(c)) {
        Edit { start: s - 1, end: e, text: String::new() }
    } else if before.is_none() && after == Some(' ') {
        Edit { start: s, end: e + 1, text: String::new() }
    } else {
        Edit { start: s, end: e, text: String::new() }
    }
}

/// Maps bytes `s..e` of `old` to `new` through their word diff, if the
/// range (and the words just around it) are unchanged.
pub fn map_range(old: &str, new: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    use similar::{capture_diff_slices, Algorithm, DiffOp};
    let a = redline::tokens(old);
    let b = redline::tokens(new);
    let offs = |t: &[&str]| {
        let mut v = Vec::with_capacity(t.len() + 1);
        let mut o = 0;
        v.push(0);
        for x in t {
            o += x.len();
            v.push(o);
        }
        v
    };
    let (ao, bo) = (offs(&a), offs(&b));
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        if let DiffOp::Equal { old_index, new_index, len } = op {
            let (os, oe) = (ao[old_index], ao[old_index + len]);
            if os <= s && e <= oe && (s < e || (os < s && s < oe) || (s == e && os <= s)) {
                let shift = bo[new_index] as isize - os as isize;
                return Some(((s as isize + shift) as usize, (e as isize + shift) as usize));
            }
        }
    }
    None
}

/// A change to the text, ready to commit.
pub(crate) enum Change {
    Words {
        eid: String,
        edit: Edit,
        source: Arc<Source>,
    },
    Insert {
        after: usize,
        provisions: Vec<Provision>,
    },
    Delete {
        eid: String,
    },
    /// A chapter's or an article's new heading.
    Heading {
        eid: String,
        heading: String,
    },
}

/// The eId and number a provision inserted before or after provision `i`
/// of `instrument` gets: inserted before X, it is named after X's previous
/// sibling ("4 bis" before article 5), or "ante" X when X is the first.
pub(crate) fn insertion_name(instrument: &Instrument, i: usize, before: bool) -> (String, String) {
    let neighbour = &instrument.provisions[i];
    let sibs: Vec<usize> =
        instrument.siblings(i).map(|s| instrument.position(&s.eid).expect("sibling is in the text")).collect();
    let k = sibs.iter().position(|&j| j == i).expect("a provision is its own sibling");
    let (named_after, before_first) = if before {
        match k.checked_sub(1) {
            Some(prev) => (&instrument.provisions[sibs[prev]], false),
            None => (neighbour, true),
        }
    } else {
        (neighbour, false)
    };
    text::inserted_eid(instrument, named_after, before_first)
}

/// What agreeing proposal `p` does to `instrument`.
pub(crate) fn apply_proposal(instrument: &Instrument, p: &Proposal, source: Arc<Source>) -> Result<Change, Refusal> {
    let i = instrument
        .position(&p.eid)
        .ok_or_else(|| Refusal::unprocessable("provision_deleted", format!("{} is no longer in the text", p.eid)))?;
    match p.kind {
        ProposalKind::DeleteProvision => Ok(Change::Delete { eid: p.eid.clone() }),
        ProposalKind::InsertProvision => {
            let neighbour = &instrument.provisions[i];
            let before = p.position == Some(Position::Before);
            let (eid, num) = insertion_name(instrument, i, before);
            let at = if before { i } else { instrument.subtree(i).end };
            let words = p.text.clone().unwrap_or_default();
            let mut provisions = Vec::new();
            if neighbour.kind == ProvisionKind::Article {
                provisions.push(Provision {
                    eid: eid.clone(),
                    kind: ProvisionKind::Article,
                    num,
                    heading: p.heading.clone().unwrap_or_default(),
                    text: String::new(),
                    origins: Vec::new(),
                });
                provisions.extend(markdown::parse_article_body(&eid, &words, source)?);
            } else {
                let origins = vec![Origin { len: words.len(), source }];
                provisions.push(Provision {
                    eid,
                    kind: neighbour.kind,
                    num,
                    heading: String::new(),
                    text: words,
                    origins,
                });
            }
            Ok(Change::Insert { after: at, provisions })
        }
        ProposalKind::ReplaceProvision if !instrument.provisions[i].kind.has_text() => {
            let heading = p
                .heading
                .clone()
                .ok_or_else(|| Refusal::unprocessable("proposal_outdated", format!("{} has no heading", p.label())))?;
            Ok(Change::Heading { eid: p.eid.clone(), heading })
        }
        _ => {
            let edit = p
                .edit
                .clone()
                .ok_or_else(|| Refusal::unprocessable("proposal_outdated", format!("{} is outdated", p.label())))?;
            Ok(Change::Words { eid: p.eid.clone(), edit, source })
        }
    }
}

/// The edit a chair's text makes: the span the named proposals cover,
/// replaced by the chair's words.
pub(crate) fn chair_edit(process: &Process, c: &ChairText) -> Result<Edit, Refusal> {
    check_text("chair's text", &c.text, PROVISION_MAX_CHARS, true)?;
    let now =
        process.latest().instrument.get(&c.eid).ok_or_else(|| {
            Refusal::not_found("unknown_eid", format!("the latest version has no provision {:?}", c.eid))
        })?;
    if !now.kind.has_text() {
        return Err(Refusal::unprocessable("provision_without_text", format!("{} has no words of its own", c.eid)));
    }
    if c.proposals.is_empty() {
        return Err(Refusal::invalid("no_proposals", "name the proposals whose options the chair's text replaces"));
    }
    let mut span: Option<(usize, usize)> = None;
    let mut seen = BTreeSet::new();
    for id in &c.proposals {
        if !seen.insert(id) {
            return Err(Refusal::invalid("duplicate_proposal", format!("P-{id} is named twice")));
        }
        let p = process.proposal(*id)?;
        if !p.is_open() {
            return Err(Refusal::conflict("proposal_closed", format!("{} is {}", p.label(), p.status.as_str())));
        }
        if p.eid != c.eid {
            return Err(Refusal::unprocessable(
                "other_provision",
                format!("{} is on {}, not {}", p.label(), p.eid, c.eid),
            ));
        }
        let Some(edit) = &p.edit else {
            return Err(Refusal::unprocessable(
                "proposal_outdated",
                format!("{} is outdated or has no words in this provision", p.label()),
            ));
        };
        span = Some(match span {
            None => (edit.start, edit.end),
            Some((s, e)) => (s.min(edit.start), e.max(edit.end)),
        });
    }
    let (s, e) = span.expect("at least one proposal");
    let after = format!("{}{}{}", &now.text[..s], c.text, &now.text[e..]);
    check_text(&format!("text of {} after the chair's text", c.eid), &after, PROVISION_MAX_CHARS, false)?;
    Ok(Edit { start: s, end: e, text: c.text.clone() })
}

/// Do two edit ranges touch the same words? Two insertions at one point
/// do; an insertion at the edge of a replaced span does not.
pub(crate) fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    let (a0, a1) = a;
    let (b0, b1) = b;
    match (a0 == a1, b0 == b1) {
        (false, false) => a0 < b1 && b0 < a1,
        (true, true) => a0 == b0,
        (true, false) => b0 < a0 && a0 < b1,
        (false, true) => a0 < b0 && b0 < a1,
    }
}

/// Makes the new version and moves every open proposal along with the
/// text, or marks it outdated.
pub(crate) fn commit_change(process: &mut Process, change: Change, entry: &Entry, cause: String, closing: &[u64]) {
    let edition = process.edition;
    let old = process.latest().instrument.clone();
    let mut provisions = old.provisions.clone();
    match &change {
        Change::Words { eid, edit, source } => {
            let i = old.position(eid).expect("checked");
            let p = &old.provisions[i];
            let mut new = (**p).clone();
            new.text = format!("{}{}{}", &p.text[..edit.start], edit.text, &p.text[edit.end..]);
            new.origins = splice_origins(&p.origins, edit, source.clone());
            provisions[i] = Arc::new(new);
            let delta = edit.text.len() as isize - (edit.end - edit.start) as isize;
            let whole_len = provisions[i].text.len();
            for q in process.proposals.iter_mut().filter(|q| q.is_open() && &q.eid == eid && !closing.contains(&q.id)) {
                let Some(qe) = &mut q.edit else { continue };
                // Deleting a provision does not depend on its words; a new
                // wording of it was written against the words it replaces,
                // so it is outdated once they change (agreeing it would
                // silently undo the change), until its proposer confirms it.
                // (Edition 1 stretched a new wording over the new text too.)
                if q.kind == ProposalKind::DeleteProvision || (q.kind == ProposalKind::ReplaceProvision && edition < 2)
                {
                    qe.start = 0;
                    qe.end = whole_len;
                    continue;
                }
                if q.kind == ProposalKind::ReplaceProvision {
                    q.edit = None;
                    q.outdated = true;
                    continue;
                }
                if overlaps((qe.start, qe.end), (edit.start, edit.end)) {
                    q.edit = None;
                    q.outdated = true;
                } else if qe.start >= edit.end && !(qe.start == edit.start && qe.end == edit.start) {
                    qe.start = (qe.start as isize + delta) as usize;
                    qe.end = (qe.end as isize + delta) as usize;
                }
            }
        }
        Change::Heading { eid, heading } => {
            let i = old.position(eid).expect("checked");
            let mut new = (*old.provisions[i]).clone();
            new.heading = heading.clone();
            provisions[i] = Arc::new(new);
            // Other new headings were written against the one replaced.
            for q in process.proposals.iter_mut().filter(|q| {
                q.is_open() && &q.eid == eid && q.kind == ProposalKind::ReplaceProvision && !closing.contains(&q.id)
            }) {
                q.outdated = true;
            }
        }
        Change::Insert { after, provisions: new } => {
            let at = *after;
            for (k, p) in new.iter().enumerate() {
                provisions.insert(at + k, Arc::new(p.clone()));
            }
        }
        Change::Delete { eid } => {
            let i = old.position(eid).expect("checked");
            let range = old.subtree(i);
            let gone: BTreeSet<String> = old.provisions[range.clone()].iter().map(|p| p.eid.clone()).collect();
            provisions.drain(range);
            for q in process
                .proposals
                .iter_mut()
                .filter(|q| q.is_open() && gone.contains(&q.eid) && !closing.contains(&q.id))
            {
                q.edit = None;
                q.outdated = true;
            }
        }
    }
    let number = process.latest().number + 1;
    process.versions.push(Version {
        number,
        name: None,
        entry: entry.index,
        time: entry.time,
        cause,
        named_entry: None,
        counts_at_end: None,
        instrument: Arc::new(Instrument { title: old.title.clone(), provisions }),
    });
}

pub(crate) fn splice_origins(origins: &[Origin], edit: &Edit, source: Arc<Source>) -> Vec<Origin> {
    let mut out: Vec<Origin> = Vec::new();
    let mut push = |len: usize, source: &Arc<Source>| {
        if len == 0 {
            return;
        }
        match out.last_mut() {
            Some(last) if Arc::ptr_eq(&last.source, source) => last.len += len,
            _ => out.push(Origin { len, source: source.clone() }),
        }
    };
    // The runs before the edit, the new words, the runs after it.
    let mut pos = 0;
    for o in origins {
        let (s, e) = (pos, pos + o.len);
        pos = e;
        if s < edit.start {
            push(e.min(edit.start) - s, &o.source);
        }
    }
    push(edit.text.len(), &source);
    let mut pos = 0;
    for o in origins {
        let (s, e) = (pos, pos + o.len);
        pos = e;
        if e > edit.end {
            push(e - s.max(edit.end), &o.source);
        }
    }
    out
}
