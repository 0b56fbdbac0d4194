//! From a parsed request to an action, for negotiations: each action the
//! API and the pages both take is built here from what they were given,
//! so that the two surfaces cannot drift apart. Opening a process is
//! [`super::api::open`] (shared with `accord import`), and a proposal is
//! built by [`super::shapes::ProposalRequest::into_body`].

use accord_domain::negotiation::{
    next_paper_symbol, Anchor, ChairText, PaperIssued, PaperKind, ProposalReanchored, ProposalRef, RevisionIssued,
    SymbolSet,
};
use accord_domain::state::Action;
use accord_domain::EntryBody;
use accord_domain::Refusal;

use crate::http::error::ApiError;
use crate::shared::tidy;

/// The acts on a proposal that take nothing but the proposal, each named
/// as the last segment of its page form's address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ProposalAct {
    Support,
    Objection,
    Cosponsor,
    Uncosponsor,
    Withdraw,
    Agree,
    Reject,
}

impl ProposalAct {
    /// The act a page form names (`support`, `objection`, …).
    pub(crate) fn parse(name: &str) -> Result<ProposalAct, ApiError> {
        Ok(match name {
            "support" => ProposalAct::Support,
            "objection" => ProposalAct::Objection,
            "cosponsor" => ProposalAct::Cosponsor,
            "uncosponsor" => ProposalAct::Uncosponsor,
            "withdraw" => ProposalAct::Withdraw,
            "agree" => ProposalAct::Agree,
            "reject" => ProposalAct::Reject,
            _ => return Err(ApiError::not_found("unknown_act", format!("there is no act {name:?} on a proposal"))),
        })
    }

    /// The act on proposal `proposal` of process `process`.
    pub(crate) fn on(self, process: u64, proposal: u64) -> Action {
        let r = ProposalRef { process, proposal };
        let body = match self {
            ProposalAct::Support => EntryBody::ProposalSupported(r),
            ProposalAct::Objection => EntryBody::ProposalObjected(r),
            ProposalAct::Cosponsor => EntryBody::ProposalCosponsored(r),
            ProposalAct::Uncosponsor => EntryBody::ProposalCosponsorshipWithdrawn(r),
            ProposalAct::Withdraw => EntryBody::ProposalWithdrawn(r),
            ProposalAct::Agree => EntryBody::ProposalAgreed(r),
            ProposalAct::Reject => EntryBody::ProposalRejected(r),
        };
        negotiate(body)
    }
}

/// The proposer anchors proposal `proposal` again on `version` (the
/// latest), on `anchor` when it changes words.
pub(crate) fn reanchor(process: u64, proposal: u64, version: u32, anchor: Option<Anchor>) -> Action {
    negotiate(EntryBody::ProposalReanchored(ProposalReanchored { process, proposal, version, anchor }))
}

/// The chair's compromise text for the bracket at `eid`, replacing the
/// options of `proposals`.
pub(crate) fn chair_text(process: u64, eid: String, proposals: Vec<u64>, text: &str) -> Action {
    negotiate(EntryBody::ChairTextTabled(ChairText { process, eid, proposals, text: tidy(text, false) }))
}

/// The latest version named as a revision ("Rev.1").
pub(crate) fn revision(process: u64, name: &str) -> Action {
    negotiate(EntryBody::RevisionIssued(RevisionIssued { process, name: tidy(name, false) }))
}

/// The process's document symbol, as written (spaces around it left out).
pub(crate) fn symbol(process: u64, symbol: &str) -> Action {
    negotiate(EntryBody::ProcessSymbolSet(SymbolSet { process, symbol: symbol.trim().to_owned() }))
}

/// The process's rolling text or compilation issued as a conference room
/// paper: under `symbol` as written (spaces around it left out), else the
/// next of its series (`next_paper_symbol`); on `version`, else the
/// latest. A process without a symbol needs one given: `no_symbol`.
pub(crate) fn paper(
    state: &accord_domain::State,
    process: u64,
    kind: PaperKind,
    symbol: Option<&str>,
    version: Option<u32>,
) -> Result<Action, Refusal> {
    let p = state.process(process)?;
    let symbol = match symbol.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => s.to_owned(),
        None => next_paper_symbol(state, p).ok_or_else(|| {
            Refusal::conflict(
                "no_symbol",
                format!(
                    "process {process} has no document symbol to number papers after: give the paper's symbol, \
                     or set the process's (PUT /api/v1/processes/{process}/symbol)"
                ),
            )
        })?,
    };
    let version = version.unwrap_or(p.latest().number);
    Ok(negotiate(EntryBody::ProcessPaperIssued(PaperIssued { process, kind, symbol, version })))
}

fn negotiate(body: EntryBody) -> Action {
    Action::Negotiate(Box::new(body))
}
