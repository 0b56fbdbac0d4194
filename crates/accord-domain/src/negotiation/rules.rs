//! The rules of a negotiation: one check per kind (see [`crate::kinds`]).

use std::sync::Arc;

use super::edit::{apply_proposal, chair_edit, outdated, resolve, tabled_of};
use super::text::{check_text, Source, SourceKind, HEADING_MAX_CHARS};
use super::*;
use crate::entry::Actor;
use crate::error::Refusal;
use crate::ids::{DelegateId, MemberCode};
use crate::kinds::Cx;
use crate::state::{MemberStatus, State};

/// Who acts, as the negotiation sees it: a head of delegation or delegate
/// (not an adviser) of a member with status member, not suspended.
fn delegation_of<'a>(cx: &Cx<'a>, what: &str) -> Result<(&'a MemberCode, DelegateId), Refusal> {
    let Actor::Delegate { delegate, member } = cx.actor else {
        return Err(Refusal::forbidden(
            "delegation_only",
            format!("only a member's delegation {what}; officers act through the chair's acts"),
        ));
    };
    match cx.rights.member_status {
        None => return Err(Refusal::not_found("unknown_member", format!("{member} is not a member"))),
        Some(status) if status != MemberStatus::Member => {
            return Err(Refusal::forbidden(
                "observer",
                format!("{member} is an observer: only a member with status member {what}"),
            ))
        }
        Some(_) => {}
    }
    if cx.rights.suspended {
        return Err(Refusal::forbidden("member_suspended", format!("{member} is suspended")));
    }
    if cx.rights.is_adviser() {
        return Err(Refusal::forbidden(
            "adviser",
            format!("advisers do not act for {member}: its head of delegation or a delegate {what}"),
        ));
    }
    Ok((member, *delegate))
}

impl State {
    pub fn process(&self, id: u64) -> Result<&Process, Refusal> {
        id.checked_sub(1)
            .and_then(|i| self.processes.get(i as usize))
            .ok_or_else(|| Refusal::not_found("unknown_process", format!("there is no process {id}")))
    }

    /// Under rules without informal agreement, the chair does not agree
    /// or reject members' proposals alone: a decision does.
    fn check_informal(&self, process: u64, label: String, what: &str) -> Result<(), Refusal> {
        if self.proceedings.rules_for(process).informal_agreement {
            return Ok(());
        }
        Err(Refusal::conflict(
            "decision_required",
            format!(
                "under the rules of procedure of process {process}, a proposal is {what} only by a decision: \
                 propose {label} for adoption by consensus or put it to a vote in a meeting, or start a silence procedure"
            ),
        ))
    }

    fn open_proposal(&self, r: &ProposalRef) -> Result<(&Process, &Proposal), Refusal> {
        let process = self.process(r.process)?;
        let proposal = process.proposal(r.proposal)?;
        if !proposal.is_open() {
            return Err(Refusal::conflict(
                "proposal_closed",
                format!("{} is {}: it can no longer change", proposal.label(), proposal.status.as_str()),
            ));
        }
        Ok((process, proposal))
    }
}

/// The process must exist and its instrument not be adopted: an adopted
/// instrument's text no longer changes.
fn process_open(state: &State, id: u64) -> Result<(), Refusal> {
    if let Some(v) = state.process(id)?.adopted_version {
        return Err(Refusal::conflict(
            "instrument_adopted",
            format!("the instrument of process {id} was adopted as version {v}: its text no longer changes"),
        ));
    }
    Ok(())
}

pub(crate) fn process_opened(_state: &State, cx: &Cx<'_>, p: &ProcessOpened) -> Result<(), Refusal> {
    let time = cx.time;
    if !cx.rights.may_open_process() {
        return Err(Refusal::forbidden("secretariat_only", "only the secretariat opens a process"));
    }
    check_text("title", &p.title, HEADING_MAX_CHARS, false)?;
    let draft = std::str::from_utf8(p.draft.require()?)
        .map_err(|_| Refusal::invalid("malformed_draft", "the draft is not UTF-8 text"))?;
    markdown::parse(draft, Arc::new(Source { entry: 0, time, how: SourceKind::ZeroDraft }))?;
    Ok(())
}

pub(crate) fn proposal_tabled(state: &State, cx: &Cx<'_>, t: &ProposalTabled) -> Result<(), Refusal> {
    process_open(state, t.process)?;
    delegation_of(cx, "tables proposals")?;
    let process = state.process(t.process)?;
    check_text("justification", &t.justification, JUSTIFICATION_MAX_CHARS, true).or_else(|e| {
        if e.code == "untidy_spaces" {
            Ok(())
        } else {
            Err(e)
        }
    })?;
    resolve(process, t).map(|_| ())
}

pub(crate) fn proposal_supported(state: &State, cx: &Cx<'_>, r: &ProposalRef) -> Result<(), Refusal> {
    position(state, cx, r, true)
}

pub(crate) fn proposal_objected(state: &State, cx: &Cx<'_>, r: &ProposalRef) -> Result<(), Refusal> {
    position(state, cx, r, false)
}

/// A member states its position on a proposal: support or objection.
fn position(state: &State, cx: &Cx<'_>, r: &ProposalRef, support: bool) -> Result<(), Refusal> {
    process_open(state, r.process)?;
    let (member, _) = delegation_of(cx, "states a position on a proposal")?;
    let (_, p) = state.open_proposal(r)?;
    if &p.proposer == member {
        return Err(Refusal::conflict(
            "own_proposal",
            format!("{member} tabled {}: its proposer is behind it already", p.label()),
        ));
    }
    if support && p.supporters.contains(member) {
        return Err(Refusal::conflict("already_supports", format!("{member} already supports {}", p.label())));
    }
    if !support && p.objectors.contains(member) {
        return Err(Refusal::conflict("already_objects", format!("{member} already objects to {}", p.label())));
    }
    Ok(())
}

pub(crate) fn proposal_cosponsored(state: &State, cx: &Cx<'_>, r: &ProposalRef) -> Result<(), Refusal> {
    process_open(state, r.process)?;
    let (member, _) = delegation_of(cx, "co-sponsors proposals")?;
    let (_, p) = state.open_proposal(r)?;
    if &p.proposer == member {
        return Err(Refusal::conflict("own_proposal", format!("{member} tabled {}: it is its proposer", p.label())));
    }
    if p.cosponsors.contains(member) {
        return Err(Refusal::conflict("already_cosponsor", format!("{member} already co-sponsors {}", p.label())));
    }
    Ok(())
}

pub(crate) fn proposal_cosponsorship_withdrawn(state: &State, cx: &Cx<'_>, r: &ProposalRef) -> Result<(), Refusal> {
    process_open(state, r.process)?;
    let (member, _) = delegation_of(cx, "leaves a co-sponsorship")?;
    let (_, p) = state.open_proposal(r)?;
    if !p.cosponsors.contains(member) {
        return Err(Refusal::conflict("not_cosponsor", format!("{member} does not co-sponsor {}", p.label())));
    }
    Ok(())
}

pub(crate) fn proposal_withdrawn(state: &State, cx: &Cx<'_>, r: &ProposalRef) -> Result<(), Refusal> {
    process_open(state, r.process)?;
    let (member, _) = delegation_of(cx, "withdraws proposals")?;
    let (_, p) = state.open_proposal(r)?;
    if &p.proposer != member {
        return Err(Refusal::forbidden(
            "not_proposer",
            format!("only {}, the proposer, withdraws {}", p.proposer, p.label()),
        ));
    }
    Ok(())
}

pub(crate) fn proposal_reanchored(state: &State, cx: &Cx<'_>, r: &ProposalReanchored) -> Result<(), Refusal> {
    process_open(state, r.process)?;
    let (member, _) = delegation_of(cx, "re-anchors proposals")?;
    let (process, p) = state.open_proposal(&ProposalRef { process: r.process, proposal: r.proposal })?;
    if &p.proposer != member {
        return Err(Refusal::forbidden(
            "not_proposer",
            format!("only {}, the proposer, re-anchors {}", p.proposer, p.label()),
        ));
    }
    match (p.kind.on_words(), &r.anchor) {
        (true, None) => {
            return Err(Refusal::invalid(
                "missing_field",
                format!("{} is on words: re-anchoring it needs \"anchor\", the words as they now stand", p.label()),
            ))
        }
        (false, Some(_)) => {
            return Err(Refusal::invalid(
                "unexpected_field",
                format!(
                "{} is on a whole provision: it is re-anchored without \"anchor\", on the provision as it now stands",
                p.label()
            ),
            ))
        }
        _ => {}
    }
    if r.version != process.latest().number {
        return Err(Refusal::unprocessable(
            "reanchor_on_latest",
            format!("re-anchor on the latest version, {}", process.latest().number),
        ));
    }
    if process.latest().instrument.get(&p.eid).is_none() {
        return Err(Refusal::unprocessable(
            "provision_deleted",
            format!(
                "{} concerns {}, which the text no longer has: its proposer withdraws it and tables a new proposal",
                p.label(),
                p.eid
            ),
        ));
    }
    let mut t = tabled_of(p);
    t.version = r.version;
    t.anchor = r.anchor.clone();
    resolve(process, &t).map(|_| ())
}

pub(crate) fn proposal_agreed(state: &State, cx: &Cx<'_>, r: &ProposalRef) -> Result<(), Refusal> {
    let time = cx.time;
    process_open(state, r.process)?;
    state.check_text_not_under_decision(r.process)?;
    cx.rights.require_chairs_negotiation("agrees proposals into the text")?;
    let (process, p) = state.open_proposal(r)?;
    state.check_informal(process.id, p.label(), "agreed into the text")?;
    if p.outdated {
        return Err(outdated(process, p));
    }
    let source = Arc::new(Source { entry: 0, time, how: SourceKind::ChairText });
    apply_proposal(&process.latest().instrument, p, source).map(|_| ())
}

pub(crate) fn proposal_rejected(state: &State, cx: &Cx<'_>, r: &ProposalRef) -> Result<(), Refusal> {
    process_open(state, r.process)?;
    cx.rights.require_chairs_negotiation("rejects proposals")?;
    let (process, p) = state.open_proposal(r)?;
    state.check_informal(process.id, p.label(), "rejected")
}

pub(crate) fn chair_text_tabled(state: &State, cx: &Cx<'_>, c: &ChairText) -> Result<(), Refusal> {
    process_open(state, c.process)?;
    state.check_text_not_under_decision(c.process)?;
    cx.rights.require_chairs_negotiation("tables a chair's text")?;
    let process = state.process(c.process)?;
    chair_edit(process, c).map(|_| ())
}

pub(crate) fn revision_issued(state: &State, cx: &Cx<'_>, r: &RevisionIssued) -> Result<(), Refusal> {
    process_open(state, r.process)?;
    state.check_text_not_under_decision(r.process)?;
    if !cx.rights.may_issue_revisions() {
        return Err(Refusal::forbidden("chair_only", "only the chair or the secretariat issues revisions"));
    }
    let process = state.process(r.process)?;
    check_text("revision name", &r.name, 60, false)?;
    if process.versions.iter().any(|v| v.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(&r.name))) {
        return Err(Refusal::conflict(
            "revision_exists",
            format!("process {} already has a version named {:?}", process.id, r.name),
        ));
    }
    if r.name.parse::<u32>().is_ok() || r.name.eq_ignore_ascii_case("latest") || r.name.eq_ignore_ascii_case("zero") {
        return Err(Refusal::invalid(
            "invalid_revision_name",
            "a revision's name is not a number, \"latest\" or \"zero\": e.g. Rev.1",
        ));
    }
    if process.latest().name.is_some() {
        return Err(Refusal::conflict(
            "version_named",
            format!(
                "version {} is already named {:?}: agree a change first",
                process.latest().number,
                process.latest().name.as_deref().unwrap_or_default()
            ),
        ));
    }
    Ok(())
}

pub(crate) fn process_symbol_set(state: &State, cx: &Cx<'_>, s: &SymbolSet) -> Result<(), Refusal> {
    if !cx.rights.may_set_symbols() {
        return Err(Refusal::forbidden("secretariat_only", "only the secretariat sets a process's document symbol"));
    }
    let process = state.process(s.process)?;
    check_symbol(&s.symbol)?;
    if process.symbol.as_deref() == Some(s.symbol.as_str()) {
        return Err(Refusal::conflict(
            "symbol_unchanged",
            format!("process {} already has the document symbol {}", process.id, s.symbol),
        ));
    }
    // Documents have been issued under a symbol once it is set: it stays.
    if let Some(current) = &process.symbol {
        return Err(Refusal::conflict(
            "symbol_fixed",
            format!(
                "process {} has the document symbol {current}, under which its texts are issued: a symbol is not changed",
                process.id
            ),
        ));
    }
    if let Some((holder, paper)) = state
        .processes
        .iter()
        .find_map(|p| p.papers.iter().find(|x| symbols_clash(&x.symbol, &s.symbol)).map(|x| (p.id, x.symbol.as_str())))
    {
        return Err(Refusal::conflict(
            "symbol_taken",
            format!(
                "{paper} is a conference room paper of process {holder}: {} would name the same documents",
                s.symbol
            ),
        ));
    }
    if let Some(other) = state
        .processes
        .iter()
        .find(|p| p.id != process.id && p.symbol.as_deref().is_some_and(|x| symbols_clash(x, &s.symbol)))
    {
        return Err(Refusal::conflict(
            "symbol_taken",
            format!(
                "process {} has the document symbol {}: {} would name the same documents or its revisions",
                other.id,
                other.symbol.as_deref().unwrap_or_default(),
                s.symbol
            ),
        ));
    }
    Ok(())
}

/// Whether documents under `symbol` could bear the symbol of a process
/// (or one of its revisions) or of a paper of the forum
/// ([`symbols_clash`]): the process that has it, and its symbol.
pub fn symbol_holder(state: &State, symbol: &str) -> Option<(u64, String)> {
    state.processes.iter().find_map(|p| {
        let process = p.symbol.as_deref().filter(|s| symbols_clash(s, symbol));
        let paper = || p.papers.iter().map(|x| x.symbol.as_str()).find(|s| symbols_clash(s, symbol));
        process.or_else(paper).map(|s| (p.id, s.to_owned()))
    })
}

/// The symbol the secretariat is offered for the next conference room
/// paper of `process`: its symbol's series (all but the last part,
/// "A/AC.292/2026" for "A/AC.292/2026/L.1") followed by `/CRP.n`, `n`
/// one more than the highest paper of that series in the forum, and free
/// ([`symbol_holder`]); none while the process has no symbol.
pub fn next_paper_symbol(state: &State, process: &Process) -> Option<String> {
    let symbol = process.symbol.as_deref()?;
    let series = symbol.rsplit_once('/').map_or(symbol, |(series, _)| series);
    let prefix = format!("{series}/CRP.");
    let highest = state
        .processes
        .iter()
        .flat_map(|p| &p.papers)
        .filter_map(|x| x.symbol.get(prefix.len()..).filter(|_| x.symbol.starts_with(&prefix)))
        .filter_map(|n| n.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    (highest + 1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|s| symbol_holder(state, s).is_none() && check_symbol(s).is_ok())
}

pub(crate) fn process_paper_issued(state: &State, cx: &Cx<'_>, p: &PaperIssued) -> Result<(), Refusal> {
    if !cx.rights.may_set_symbols() {
        return Err(Refusal::forbidden("secretariat_only", "only the secretariat issues conference room papers"));
    }
    let process = state.process(p.process)?;
    check_symbol(&p.symbol)?;
    if let Some((holder, symbol)) = symbol_holder(state, &p.symbol) {
        return Err(Refusal::conflict(
            "symbol_taken",
            format!(
                "process {holder} has the document symbol {symbol}: {} would name the same documents or its revisions",
                p.symbol
            ),
        ));
    }
    let latest = process.latest().number;
    if p.version != latest {
        return Err(Refusal::conflict(
            "paper_outdated",
            format!(
                "process {} is at version {latest}, not {}: a paper is issued on the latest version",
                process.id, p.version
            ),
        ));
    }
    if let Some(paper) = process.current_paper(p.kind) {
        return Err(Refusal::conflict(
            "paper_unchanged",
            format!(
                "the {} of process {} has not changed since it was issued as {}",
                match p.kind {
                    PaperKind::RollingText => "rolling text",
                    PaperKind::Compilation => "compilation",
                },
                process.id,
                paper.symbol
            ),
        ));
    }
    Ok(())
}

/// Checks the role and membership rules shared with the server's forms:
/// whether `actor` may table proposals.
pub fn may_table(state: &State, actor: &Actor) -> Result<MemberCode, Refusal> {
    let cx = Cx { actor, time: state.last_time, rights: state.rights_of(actor) };
    delegation_of(&cx, "tables proposals").map(|(m, _)| m.clone())
}
