//! What a negotiation's entries change: one fold per kind (see
//! [`crate::kinds`]).

use std::collections::BTreeSet;
use std::sync::Arc;

use super::edit::{agree_into_text, chair_edit, commit_change, count_at_end, resolve, tabled_of, Change};
use super::text::{Source, SourceKind};
use super::*;
use crate::entry::{Actor, Entry};
use crate::state::State;

/// Anything that changes a process stamps it (`Process::changed`), for
/// cached views.
fn touch(state: &mut State, process: u64, entry: &Entry) {
    if let Some(p) = state.processes.get_mut(process as usize - 1) {
        p.changed = entry.index;
    }
}

fn proposal_mut<'s>(state: &'s mut State, r: &ProposalRef) -> &'s mut Proposal {
    &mut state.processes[r.process as usize - 1].proposals[r.proposal as usize - 1]
}

pub(crate) fn process_opened(state: &mut State, entry: &Entry, p: &ProcessOpened) {
    let time = entry.time;
    let source = |how| Arc::new(Source { entry: entry.index, time: entry.time, how });
    let draft = std::str::from_utf8(p.draft.content().unwrap_or_default()).unwrap_or_default();
    let instrument = markdown::parse(draft, source(SourceKind::ZeroDraft)).expect("checked");
    let id = state.processes.len() as u64 + 1;
    state.processes.push(Process {
        id,
        title: p.title.clone(),
        entry: entry.index,
        time,
        draft: p.draft.hex(),
        versions: vec![Version {
            number: 1,
            name: Some("Zero draft".into()),
            entry: entry.index,
            time,
            cause: "zero draft".into(),
            named_entry: Some(entry.index),
            counts_at_end: None,
            instrument: Arc::new(instrument),
        }],
        proposals: Vec::new(),
        adopted_version: None,
        changed: entry.index,
        edition: state.forum.as_ref().map_or(1, |f| f.edition),
        symbol: None,
        papers: Vec::new(),
        language: crate::translation::original_language(state.forum.as_ref()),
    });
}

pub(crate) fn proposal_tabled(state: &mut State, entry: &Entry, t: &ProposalTabled) {
    touch(state, t.process, entry);
    let time = entry.time;
    let Actor::Delegate { delegate, member } = &entry.actor else { return };
    let process = &mut state.processes[t.process as usize - 1];
    let id = process.proposals.len() as u64 + 1;
    let edit = resolve(process, t).expect("checked");
    process.proposals.push(Proposal {
        id,
        kind: t.kind,
        eid: t.eid.clone(),
        version: t.version,
        anchor: t.anchor.clone(),
        position: t.position,
        text: t.text.clone(),
        heading: t.heading.clone(),
        justification: t.justification.clone(),
        proposer: member.clone(),
        tabled_by: *delegate,
        entry: entry.index,
        time,
        cosponsors: BTreeSet::new(),
        supporters: BTreeSet::new(),
        objectors: BTreeSet::new(),
        status: ProposalStatus::Tabled,
        status_entry: None,
        edit,
        outdated: false,
        agreed_version: None,
    });
}

pub(crate) fn proposal_supported(state: &mut State, entry: &Entry, r: &ProposalRef) {
    take_position(state, entry, r, true);
}

pub(crate) fn proposal_objected(state: &mut State, entry: &Entry, r: &ProposalRef) {
    take_position(state, entry, r, false);
}

fn take_position(state: &mut State, entry: &Entry, r: &ProposalRef, support: bool) {
    touch(state, r.process, entry);
    let Actor::Delegate { member, .. } = &entry.actor else { return };
    let p = proposal_mut(state, r);
    if support {
        p.objectors.remove(member);
        p.supporters.insert(member.clone());
    } else {
        p.supporters.remove(member);
        p.objectors.insert(member.clone());
    }
}

pub(crate) fn proposal_cosponsored(state: &mut State, entry: &Entry, r: &ProposalRef) {
    touch(state, r.process, entry);
    let Actor::Delegate { member, .. } = &entry.actor else { return };
    let p = proposal_mut(state, r);
    p.objectors.remove(member);
    p.cosponsors.insert(member.clone());
}

pub(crate) fn proposal_cosponsorship_withdrawn(state: &mut State, entry: &Entry, r: &ProposalRef) {
    touch(state, r.process, entry);
    let Actor::Delegate { member, .. } = &entry.actor else { return };
    proposal_mut(state, r).cosponsors.remove(member);
}

pub(crate) fn proposal_withdrawn(state: &mut State, entry: &Entry, r: &ProposalRef) {
    close(state, entry, r, ProposalStatus::Withdrawn);
}

pub(crate) fn proposal_rejected(state: &mut State, entry: &Entry, r: &ProposalRef) {
    close(state, entry, r, ProposalStatus::Rejected);
}

fn close(state: &mut State, entry: &Entry, r: &ProposalRef, status: ProposalStatus) {
    touch(state, r.process, entry);
    let p = proposal_mut(state, r);
    p.status = status;
    p.status_entry = Some(entry.index);
}

pub(crate) fn proposal_reanchored(state: &mut State, entry: &Entry, r: &ProposalReanchored) {
    touch(state, r.process, entry);
    let process = &mut state.processes[r.process as usize - 1];
    let p = &process.proposals[r.proposal as usize - 1];
    let mut t = tabled_of(p);
    t.version = r.version;
    t.anchor = r.anchor.clone();
    let edit = resolve(process, &t).expect("checked");
    let p = &mut process.proposals[r.proposal as usize - 1];
    p.version = r.version;
    p.anchor = r.anchor.clone();
    p.edit = edit;
    p.outdated = false;
}

pub(crate) fn proposal_agreed(state: &mut State, entry: &Entry, r: &ProposalRef) {
    touch(state, r.process, entry);
    let process = &mut state.processes[r.process as usize - 1];
    let label = process.proposals[r.proposal as usize - 1].label();
    agree_into_text(process, r.proposal, entry, format!("{label} agreed"));
}

pub(crate) fn chair_text_tabled(state: &mut State, entry: &Entry, c: &ChairText) {
    touch(state, c.process, entry);
    let source = |how| Arc::new(Source { entry: entry.index, time: entry.time, how });
    let process = &mut state.processes[c.process as usize - 1];
    let change = chair_edit(process, c).expect("checked");
    let change = Change::Words { eid: c.eid.clone(), edit: change, source: source(SourceKind::ChairText) };
    count_at_end(process);
    let number = process.latest().number + 1;
    for id in &c.proposals {
        let p = &mut process.proposals[*id as usize - 1];
        p.status = ProposalStatus::Merged;
        p.status_entry = Some(entry.index);
        p.agreed_version = Some(number);
    }
    commit_change(process, change, entry, "chair's text".into(), &c.proposals);
}

pub(crate) fn revision_issued(state: &mut State, entry: &Entry, r: &RevisionIssued) {
    touch(state, r.process, entry);
    let process = &mut state.processes[r.process as usize - 1];
    let v = process.versions.last_mut().expect("a process has versions");
    v.name = Some(r.name.clone());
    v.named_entry = Some(entry.index);
}

pub(crate) fn process_symbol_set(state: &mut State, entry: &Entry, s: &SymbolSet) {
    touch(state, s.process, entry);
    state.processes[s.process as usize - 1].symbol = Some(s.symbol.clone());
}

/// A paper is recorded on its process without touching `changed`: issuing
/// it changes nothing the process shows but the list of papers.
pub(crate) fn process_paper_issued(state: &mut State, entry: &Entry, p: &PaperIssued) {
    let process = &mut state.processes[p.process as usize - 1];
    let number = process.papers.len() as u32 + 1;
    let as_of = process.changed;
    process.papers.push(Paper {
        number,
        kind: p.kind,
        symbol: p.symbol.clone(),
        version: p.version,
        entry: entry.index,
        time: entry.time,
        as_of,
    });
}
