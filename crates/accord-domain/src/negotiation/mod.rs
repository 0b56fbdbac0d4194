//! Negotiating texts: processes, their instrument and versions, proposals,
//! and the chair's acts on them.
//!
//! - [`text`]: the instrument as provisions with eIds, and anchoring on
//!   quoted words;
//! - [`markdown`]: the Markdown convention for zero drafts;
//! - [`redline`]: word-by-word comparison of versions;
//! - [`rolling`]: the rolling text, with every open proposal in brackets.
//!
//! # Rules kept here
//! - Every version is immutable; a change to the text makes a new one.
//!   Version 1 is the zero draft; the chair names versions ("Rev.1").
//! - A proposal is anchored, when tabled, on quoted words of a named
//!   version; the domain keeps its *edit* (a byte range of the provision's
//!   current text and the words to put there). When another change touches
//!   that range, the proposal is *outdated* until its proposer re-anchors
//!   it; otherwise its range follows the text.
//! - Payloads of members' actions hold nothing the server assigns (no ids
//!   of their own, no offsets), so that a member can sign them: process and
//!   proposal numbers are counted by the fold.
//! - Entry kinds: `process.opened` (the draft as a blob), `proposal.tabled`,
//!   `.supported`, `.objected`, `.cosponsored`, `.cosponsorship_withdrawn`,
//!   `.withdrawn`, `.reanchored`, `.agreed`, `.rejected`,
//!   `chair.text_tabled`, `revision.issued`.
//! - A new wording of a whole provision is outdated by any change to that
//!   provision's words (a new heading, by another heading agreed; edition 2
//!   on): its proposer confirms it on the latest version
//!   (`proposal.reanchored` without an anchor). A proposal on a provision no
//!   longer in the text cannot be re-anchored: its proposer withdraws it.
//!   `replace_provision` on a chapter or an article carries its new
//!   `heading`, no words.
//! - A page's selection names its words by the character where they start
//!   (`anchor.at` in the API); the server counts which occurrence that is,
//!   on word boundaries, so the page never counts differently from the
//!   domain. Spacing around inserted and deleted words is settled when a
//!   proposal is tabled.
//! - Each version keeps the rolling text's bracket and option counts as they
//!   stood when the next version replaced it (`Version::counts_at_end`); and,
//!   per provision, the origins of its words (which entry, which proposal of
//!   which member, which decision, or a chair's text): provenance.
//! - Anything that changes a process goes through `fold_negotiation` (which
//!   sets `Process::changed`, the stamp of cached views) or the decisions'
//!   `take_effect`.
//! - When the rules' `informal_agreement` is false, `proposal.agreed` and
//!   `proposal.rejected` are refused (409 `decision_required`) and only a
//!   decision moves a proposal into or out of the text.
//!
//! # Rights
//! The secretariat (or the console) opens processes. A head of delegation
//! or delegate (not an adviser) of a member with status `member`, not
//! suspended, tables proposals, supports, objects and co-sponsors (a member
//! takes each position once, and is behind its own proposals already); only
//! the proposer withdraws or re-anchors; the chair, a vice-chair or a
//! co-facilitator agrees, rejects and tables chair's texts; they or the
//! secretariat name revisions.

pub mod markdown;
pub mod redline;
pub mod rolling;
pub mod text;

use std::collections::BTreeSet;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::blob::BlobRef;
use crate::entry::{Actor, Entry, EntryBody};
use crate::error::Refusal;
use crate::ids::{DelegateId, MemberCode};
use crate::state::{Affiliation, MemberRole, MemberStatus, OfficerRole, State};
use text::{
    check_text, Instrument, Origin, Provision, ProvisionKind, Source, SourceKind, HEADING_MAX_CHARS,
    PROVISION_MAX_CHARS,
};

/// The longest justification, in characters.
pub const JUSTIFICATION_MAX_CHARS: usize = 5_000;
/// The longest quote a proposal anchors on, in characters.
pub const QUOTE_MAX_CHARS: usize = 2_000;

// ---------------------------------------------------------------------------
// Payloads

/// `process.opened`: the secretariat opens a negotiation with its zero
/// draft, stored as a blob (Markdown, see [`markdown`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessOpened {
    pub title: String,
    /// SHA-256 of the Markdown draft.
    pub draft: BlobRef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalKind {
    ReplaceWords,
    InsertWords,
    DeleteWords,
    ReplaceProvision,
    InsertProvision,
    DeleteProvision,
}

impl ProposalKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProposalKind::ReplaceWords => "replace_words",
            ProposalKind::InsertWords => "insert_words",
            ProposalKind::DeleteWords => "delete_words",
            ProposalKind::ReplaceProvision => "replace_provision",
            ProposalKind::InsertProvision => "insert_provision",
            ProposalKind::DeleteProvision => "delete_provision",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            ProposalKind::ReplaceWords => "replace words",
            ProposalKind::InsertWords => "insert words",
            ProposalKind::DeleteWords => "delete words",
            ProposalKind::ReplaceProvision => "replace the provision",
            ProposalKind::InsertProvision => "insert a provision",
            ProposalKind::DeleteProvision => "delete the provision",
        }
    }
    pub fn on_words(self) -> bool {
        matches!(self, ProposalKind::ReplaceWords | ProposalKind::InsertWords | ProposalKind::DeleteWords)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    Before,
    After,
}

/// Quoted words of a provision, and which occurrence (from 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    pub quote: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurrence: Option<u32>,
}

/// `proposal.tabled`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposalTabled {
    pub process: u64,
    pub kind: ProposalKind,
    pub eid: String,
    /// The version the anchor quotes.
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<Anchor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// For a new article: its heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    pub justification: String,
}

/// Names a proposal: the payload of support, objection, co-sponsorship,
/// withdrawal, agreement and rejection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposalRef {
    pub process: u64,
    pub proposal: u64,
}

/// `proposal.reanchored`: the proposer anchors an outdated proposal again,
/// on the latest version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposalReanchored {
    pub process: u64,
    pub proposal: u64,
    pub version: u32,
    /// The words again, for a proposal on words; absent for a proposal to
    /// replace a whole provision, which its proposer confirms on the
    /// provision as it now stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<Anchor>,
}

/// `chair.text_tabled`: the chair replaces the competing options of one
/// bracket (the span the named proposals cover) with a compromise text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChairText {
    pub process: u64,
    pub eid: String,
    pub proposals: Vec<u64>,
    pub text: String,
}

/// `revision.issued`: the current version gets a name ("Rev.1").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevisionIssued {
    pub process: u64,
    pub name: String,
}

// ---------------------------------------------------------------------------
// State

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Version {
    pub number: u32,
    /// "Zero draft", "Rev.1"...; internal versions have none.
    pub name: Option<String>,
    /// The entry that made it (and, for a named version, `named_entry`).
    pub entry: u64,
    pub time: i64,
    /// What made it, in words: "zero draft", "P-17 agreed", "chair's text".
    pub cause: String,
    pub named_entry: Option<u64>,
    /// The brackets and options of the rolling text when the next version
    /// replaced this one (`None` while it is the latest, whose counts are
    /// the rolling text's own): negotiators follow progress by them.
    /// Derived for display, so left out of the state's digest: a better
    /// way of counting must not change what old checkpoints commit to.
    #[serde(skip)]
    pub counts_at_end: Option<Counts>,
    #[serde(skip)]
    pub instrument: Arc<Instrument>,
}

/// How many brackets, and options in them, a rolling text has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub brackets: usize,
    pub options: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalStatus {
    Tabled,
    Withdrawn,
    Merged,
    Agreed,
    Rejected,
}

impl ProposalStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ProposalStatus::Tabled => "tabled",
            ProposalStatus::Withdrawn => "withdrawn",
            ProposalStatus::Merged => "merged",
            ProposalStatus::Agreed => "agreed",
            ProposalStatus::Rejected => "rejected",
        }
    }
}

/// Where a proposal acts on the current text: replace bytes `start..end` of
/// the provision's text by `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal {
    pub id: u64,
    pub kind: ProposalKind,
    pub eid: String,
    pub version: u32,
    pub anchor: Option<Anchor>,
    pub position: Option<Position>,
    pub text: Option<String>,
    pub heading: Option<String>,
    pub justification: String,
    pub proposer: MemberCode,
    pub tabled_by: DelegateId,
    pub entry: u64,
    pub time: i64,
    pub cosponsors: BTreeSet<MemberCode>,
    pub supporters: BTreeSet<MemberCode>,
    pub objectors: BTreeSet<MemberCode>,
    pub status: ProposalStatus,
    /// The entry that last changed the status.
    pub status_entry: Option<u64>,
    /// For proposals on words or on a whole provision's text: where it acts
    /// on the current text. `None` while outdated.
    pub edit: Option<Edit>,
    /// The anchor is no longer intact in the current text.
    pub outdated: bool,
    /// The version its agreement made.
    pub agreed_version: Option<u32>,
}

impl Proposal {
    pub fn is_open(&self) -> bool {
        self.status == ProposalStatus::Tabled
    }
    /// "P-17".
    pub fn label(&self) -> String {
        format!("P-{}", self.id)
    }
    /// The proposer and co-sponsors, then supporters.
    pub fn backers(&self) -> BTreeSet<MemberCode> {
        let mut m = self.cosponsors.clone();
        m.insert(self.proposer.clone());
        m.extend(self.supporters.iter().cloned());
        m
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Process {
    pub id: u64,
    pub title: String,
    pub entry: u64,
    pub time: i64,
    /// SHA-256 (hex) of the zero draft's Markdown.
    pub draft: String,
    pub versions: Vec<Version>,
    pub proposals: Vec<Proposal>,
    /// The version the adoption of the whole instrument froze, if adopted.
    pub adopted_version: Option<u32>,
    /// The index of the last entry that changed this process (its text,
    /// its proposals or the positions on them, by a negotiation entry or a
    /// decision): what it shows is a function of this, so views of it are
    /// kept until it changes, whatever else the record records meanwhile.
    pub changed: u64,
    /// The edition of the rules its forum follows (`Forum::edition`).
    pub edition: u32,
}

impl Process {
    pub fn latest(&self) -> &Version {
        self.versions.last().expect("a process has its zero draft")
    }
    pub fn version(&self, number: u32) -> Option<&Version> {
        number.checked_sub(1).and_then(|i| self.versions.get(i as usize))
    }
    /// A version by number ("3") or name ("Rev.1", "zero"); `None` for the
    /// latest.
    pub fn find_version(&self, key: Option<&str>) -> Result<&Version, Refusal> {
        let Some(key) = key.map(str::trim).filter(|k| !k.is_empty() && *k != "latest") else {
            return Ok(self.latest());
        };
        if let Ok(n) = key.parse::<u32>() {
            return self.version(n).ok_or_else(|| {
                Refusal::not_found(
                    "unknown_version",
                    format!("process {} has versions 1 to {}, not {n}", self.id, self.versions.len()),
                )
            });
        }
        let wanted = if key.eq_ignore_ascii_case("zero") { "Zero draft" } else { key };
        self.versions.iter().find(|v| v.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(wanted))).ok_or_else(
            || Refusal::not_found("unknown_version", format!("process {} has no version named {key:?}", self.id)),
        )
    }
    pub fn proposal(&self, id: u64) -> Result<&Proposal, Refusal> {
        id.checked_sub(1).and_then(|i| self.proposals.get(i as usize)).ok_or_else(|| {
            Refusal::not_found("unknown_proposal", format!("process {} has no proposal P-{id}", self.id))
        })
    }

    /// What the record commits to for this process, for the state digest.
    pub fn digest_value(&self) -> serde_json::Value {
        serde_json::json!({
            "id": self.id,
            "title": self.title,
            "versions": self.versions.iter().map(|v| serde_json::json!({
                "number": v.number,
                "name": v.name,
                "text": hex::encode(v.instrument.digest()),
            })).collect::<Vec<_>>(),
            "proposals": self.proposals.iter().map(|p| serde_json::json!({
                "id": p.id,
                "status": p.status.as_str(),
                "outdated": p.outdated,
                "cosponsors": p.cosponsors,
                "supporters": p.supporters,
                "objectors": p.objectors,
            })).collect::<Vec<_>>(),
        })
    }
}

// ---------------------------------------------------------------------------
// Checks and folds

/// Who acts, as the negotiation sees it.
fn delegation_of<'a>(state: &'a State, actor: &'a Actor, what: &str) -> Result<(&'a MemberCode, DelegateId), Refusal> {
    let Actor::Delegate { delegate, member } = actor else {
        return Err(Refusal::forbidden(
            "delegation_only",
            format!("only a member's delegation {what}; officers act through the chair's acts"),
        ));
    };
    let m = state
        .members
        .get(member)
        .ok_or_else(|| Refusal::not_found("unknown_member", format!("{member} is not a member")))?;
    if m.status != MemberStatus::Member {
        return Err(Refusal::forbidden(
            "observer",
            format!("{member} is an observer: only a member with status member {what}"),
        ));
    }
    if m.suspended.is_some() {
        return Err(Refusal::forbidden("member_suspended", format!("{member} is suspended")));
    }
    let role = state.delegates.get(delegate).and_then(|d| match &d.affiliation {
        Affiliation::Member { role, .. } => Some(*role),
        Affiliation::Officer { .. } => None,
    });
    if role == Some(MemberRole::Adviser) {
        return Err(Refusal::forbidden(
            "adviser",
            format!("advisers do not act for {member}: its head of delegation or a delegate {what}"),
        ));
    }
    Ok((member, *delegate))
}

fn require_chair(actor: &Actor, what: &str) -> Result<(), Refusal> {
    match actor {
        Actor::Officer { role: OfficerRole::Chair | OfficerRole::ViceChair | OfficerRole::CoFacilitator, .. } => Ok(()),
        _ => {
            Err(Refusal::forbidden("chair_only", format!("only the chair (or a vice-chair or co-facilitator) {what}")))
        }
    }
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

    /// Checks an entry of the negotiation; `Ok` means [`State::fold_negotiation`] will succeed.
    pub(crate) fn check_negotiation(&self, actor: &Actor, body: &EntryBody, time: i64) -> Result<(), Refusal> {
        if let Some(id) = process_of(body) {
            if let Some(v) = self.process(id)?.adopted_version {
                return Err(Refusal::conflict(
                    "instrument_adopted",
                    format!("the instrument of process {id} was adopted as version {v}: its text no longer changes"),
                ));
            }
        }
        if matches!(body, EntryBody::ProposalAgreed(_) | EntryBody::ChairTextTabled(_) | EntryBody::RevisionIssued(_)) {
            if let Some(id) = process_of(body) {
                self.check_text_not_under_decision(id)?;
            }
        }
        match body {
            EntryBody::ProcessOpened(p) => {
                match actor {
                    Actor::System | Actor::Officer { role: OfficerRole::Secretariat, .. } => {}
                    _ => return Err(Refusal::forbidden("secretariat_only", "only the secretariat opens a process")),
                }
                check_text("title", &p.title, HEADING_MAX_CHARS, false)?;
                let draft = std::str::from_utf8(p.draft.require()?)
                    .map_err(|_| Refusal::invalid("malformed_draft", "the draft is not UTF-8 text"))?;
                markdown::parse(draft, Arc::new(Source { entry: 0, time, how: SourceKind::ZeroDraft }))?;
                Ok(())
            }
            EntryBody::ProposalTabled(t) => {
                delegation_of(self, actor, "tables proposals")?;
                let process = self.process(t.process)?;
                check_text("justification", &t.justification, JUSTIFICATION_MAX_CHARS, true).or_else(|e| {
                    if e.code == "untidy_spaces" {
                        Ok(())
                    } else {
                        Err(e)
                    }
                })?;
                resolve(process, t).map(|_| ())
            }
            EntryBody::ProposalSupported(r) | EntryBody::ProposalObjected(r) => {
                let (member, _) = delegation_of(self, actor, "states a position on a proposal")?;
                let (_, p) = self.open_proposal(r)?;
                if &p.proposer == member {
                    return Err(Refusal::conflict(
                        "own_proposal",
                        format!("{member} tabled {}: its proposer is behind it already", p.label()),
                    ));
                }
                let support = matches!(body, EntryBody::ProposalSupported(_));
                if support && p.supporters.contains(member) {
                    return Err(Refusal::conflict(
                        "already_supports",
                        format!("{member} already supports {}", p.label()),
                    ));
                }
                if !support && p.objectors.contains(member) {
                    return Err(Refusal::conflict(
                        "already_objects",
                        format!("{member} already objects to {}", p.label()),
                    ));
                }
                Ok(())
            }
            EntryBody::ProposalCosponsored(r) => {
                let (member, _) = delegation_of(self, actor, "co-sponsors proposals")?;
                let (_, p) = self.open_proposal(r)?;
                if &p.proposer == member {
                    return Err(Refusal::conflict(
                        "own_proposal",
                        format!("{member} tabled {}: it is its proposer", p.label()),
                    ));
                }
                if p.cosponsors.contains(member) {
                    return Err(Refusal::conflict(
                        "already_cosponsor",
                        format!("{member} already co-sponsors {}", p.label()),
                    ));
                }
                Ok(())
            }
            EntryBody::ProposalCosponsorshipWithdrawn(r) => {
                let (member, _) = delegation_of(self, actor, "leaves a co-sponsorship")?;
                let (_, p) = self.open_proposal(r)?;
                if !p.cosponsors.contains(member) {
                    return Err(Refusal::conflict(
                        "not_cosponsor",
                        format!("{member} does not co-sponsor {}", p.label()),
                    ));
                }
                Ok(())
            }
            EntryBody::ProposalWithdrawn(r) => {
                let (member, _) = delegation_of(self, actor, "withdraws proposals")?;
                let (_, p) = self.open_proposal(r)?;
                if &p.proposer != member {
                    return Err(Refusal::forbidden(
                        "not_proposer",
                        format!("only {}, the proposer, withdraws {}", p.proposer, p.label()),
                    ));
                }
                Ok(())
            }
            EntryBody::ProposalReanchored(r) => {
                let (member, _) = delegation_of(self, actor, "re-anchors proposals")?;
                let (process, p) = self.open_proposal(&ProposalRef { process: r.process, proposal: r.proposal })?;
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
            EntryBody::ProposalAgreed(r) => {
                require_chair(actor, "agrees proposals into the text")?;
                let (process, p) = self.open_proposal(r)?;
                self.check_informal(process.id, p.label(), "agreed into the text")?;
                if p.outdated {
                    return Err(outdated(process, p));
                }
                let source = Arc::new(Source { entry: 0, time, how: SourceKind::ChairText });
                apply_proposal(&process.latest().instrument, p, source).map(|_| ())
            }
            EntryBody::ProposalRejected(r) => {
                require_chair(actor, "rejects proposals")?;
                let (process, p) = self.open_proposal(r)?;
                self.check_informal(process.id, p.label(), "rejected")
            }
            EntryBody::ChairTextTabled(c) => {
                require_chair(actor, "tables a chair's text")?;
                let process = self.process(c.process)?;
                chair_edit(process, c).map(|_| ())
            }
            EntryBody::RevisionIssued(r) => {
                match actor {
                    Actor::Officer {
                        role:
                            OfficerRole::Chair
                            | OfficerRole::ViceChair
                            | OfficerRole::CoFacilitator
                            | OfficerRole::Secretariat,
                        ..
                    } => {}
                    _ => {
                        return Err(Refusal::forbidden(
                            "chair_only",
                            "only the chair or the secretariat issues revisions",
                        ))
                    }
                }
                let process = self.process(r.process)?;
                check_text("revision name", &r.name, 60, false)?;
                if process.versions.iter().any(|v| v.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(&r.name))) {
                    return Err(Refusal::conflict(
                        "revision_exists",
                        format!("process {} already has a version named {:?}", process.id, r.name),
                    ));
                }
                if r.name.parse::<u32>().is_ok()
                    || r.name.eq_ignore_ascii_case("latest")
                    || r.name.eq_ignore_ascii_case("zero")
                {
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
            _ => unreachable!("check_negotiation is called for negotiation entries"),
        }
    }

    /// Folds a checked negotiation entry.
    pub(crate) fn fold_negotiation(&mut self, entry: &Entry) {
        if let Some(p) = process_of(&entry.body).and_then(|id| self.processes.get_mut(id as usize - 1)) {
            p.changed = entry.index;
        }
        let time = entry.time;
        let source = |how| Arc::new(Source { entry: entry.index, time, how });
        match &entry.body {
            EntryBody::ProcessOpened(p) => {
                let draft = std::str::from_utf8(p.draft.content().unwrap_or_default()).unwrap_or_default();
                let instrument = markdown::parse(draft, source(SourceKind::ZeroDraft)).expect("checked");
                let id = self.processes.len() as u64 + 1;
                self.processes.push(Process {
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
                    edition: self.forum.as_ref().map_or(1, |f| f.edition),
                });
            }
            EntryBody::ProposalTabled(t) => {
                let Actor::Delegate { delegate, member } = &entry.actor else { return };
                let process = &mut self.processes[t.process as usize - 1];
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
            EntryBody::ProposalSupported(r) | EntryBody::ProposalObjected(r) => {
                let Actor::Delegate { member, .. } = &entry.actor else { return };
                let p = self.proposal_mut(r);
                let support = matches!(entry.body, EntryBody::ProposalSupported(_));
                if support {
                    p.objectors.remove(member);
                    p.supporters.insert(member.clone());
                } else {
                    p.supporters.remove(member);
                    p.objectors.insert(member.clone());
                }
            }
            EntryBody::ProposalCosponsored(r) => {
                let Actor::Delegate { member, .. } = &entry.actor else { return };
                let p = self.proposal_mut(r);
                p.objectors.remove(member);
                p.cosponsors.insert(member.clone());
            }
            EntryBody::ProposalCosponsorshipWithdrawn(r) => {
                let Actor::Delegate { member, .. } = &entry.actor else { return };
                self.proposal_mut(r).cosponsors.remove(member);
            }
            EntryBody::ProposalWithdrawn(r) | EntryBody::ProposalRejected(r) => {
                let status = if matches!(entry.body, EntryBody::ProposalWithdrawn(_)) {
                    ProposalStatus::Withdrawn
                } else {
                    ProposalStatus::Rejected
                };
                let p = self.proposal_mut(r);
                p.status = status;
                p.status_entry = Some(entry.index);
            }
            EntryBody::ProposalReanchored(r) => {
                let process = &mut self.processes[r.process as usize - 1];
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
            EntryBody::ProposalAgreed(r) => {
                let process = &mut self.processes[r.process as usize - 1];
                let label = process.proposals[r.proposal as usize - 1].label();
                agree_into_text(process, r.proposal, entry, format!("{label} agreed"));
            }
            EntryBody::ChairTextTabled(c) => {
                let process = &mut self.processes[c.process as usize - 1];
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
            EntryBody::RevisionIssued(r) => {
                let process = &mut self.processes[r.process as usize - 1];
                let v = process.versions.last_mut().expect("a process has versions");
                v.name = Some(r.name.clone());
                v.named_entry = Some(entry.index);
            }
            _ => {}
        }
    }

    fn proposal_mut(&mut self, r: &ProposalRef) -> &mut Proposal {
        &mut self.processes[r.process as usize - 1].proposals[r.proposal as usize - 1]
    }
}

/// The latest version is about to be replaced: it keeps the counts of the
/// rolling text as they stand, the proposals the change closes still open.
fn count_at_end(process: &mut Process) {
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

/// The process a negotiation entry acts on (all but the opening).
fn process_of(body: &EntryBody) -> Option<u64> {
    match body {
        EntryBody::ProposalTabled(t) => Some(t.process),
        EntryBody::ProposalSupported(r)
        | EntryBody::ProposalObjected(r)
        | EntryBody::ProposalCosponsored(r)
        | EntryBody::ProposalCosponsorshipWithdrawn(r)
        | EntryBody::ProposalWithdrawn(r)
        | EntryBody::ProposalAgreed(r)
        | EntryBody::ProposalRejected(r) => Some(r.process),
        EntryBody::ProposalReanchored(r) => Some(r.process),
        EntryBody::ChairTextTabled(c) => Some(c.process),
        EntryBody::RevisionIssued(r) => Some(r.process),
        _ => None,
    }
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

fn tabled_of(p: &Proposal) -> ProposalTabled {
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
fn resolve(process: &Process, t: &ProposalTabled) -> Result<Option<Edit>, Refusal> {
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
    let need = |field: &str, ok: bool| -> Result<(), Refusal> {
        if ok {
            Ok(())
        } else {
            Err(Refusal::invalid("missing_field", format!("a proposal to {} needs \"{field}\"", t.kind.label())))
        }
    };
    let forbid = |field: &str, present: bool| -> Result<(), Refusal> {
        if present {
            Err(Refusal::invalid("unexpected_field", format!("a proposal to {} has no \"{field}\"", t.kind.label())))
        } else {
            Ok(())
        }
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
            need("anchor", t.anchor.is_some())?;
            forbid("heading", t.heading.is_some())?;
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
                    need("text", t.text.is_some())?;
                    forbid("position", t.position.is_some())?;
                    let words = t.text.clone().unwrap_or_default();
                    check_text("text", &words, PROVISION_MAX_CHARS, false)?;
                    if words == now.text[s..e] {
                        return Err(Refusal::unprocessable("no_change", "the new words are the words quoted"));
                    }
                    Edit { start: s, end: e, text: words }
                }
                ProposalKind::InsertWords => {
                    need("text", t.text.is_some())?;
                    need("position", t.position.is_some())?;
                    let words = t.text.clone().unwrap_or_default();
                    check_text("text", &words, PROVISION_MAX_CHARS, false)?;
                    let at = if t.position == Some(Position::Before) { s } else { e };
                    insertion(&now.text, at, &words)
                }
                _ => {
                    forbid("text", t.text.is_some())?;
                    forbid("position", t.position.is_some())?;
                    deletion(&now.text, s, e)
                }
            };
            let after = format!("{}{}{}", &now.text[..edit.start], edit.text, &now.text[edit.end..]);
            check_text(&format!("text of {} after the change", t.eid), &after, PROVISION_MAX_CHARS, false)?;
            Ok(Some(edit))
        }
        ProposalKind::ReplaceProvision if !now.kind.has_text() => {
            // A chapter's or an article's heading: replaced by a new one.
            forbid("text", t.text.is_some())?;
            forbid("anchor", t.anchor.is_some())?;
            forbid("position", t.position.is_some())?;
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
        ProposalKind::ReplaceProvision => {
            need("text", t.text.is_some())?;
            // Edition 1 took a heading here and ignored it.
            if process.edition >= 2 {
                forbid("heading", t.heading.is_some())?;
            }
            forbid("anchor", t.anchor.is_some())?;
            forbid("position", t.position.is_some())?;
            let words = t.text.clone().unwrap_or_default();
            check_text("text", &words, PROVISION_MAX_CHARS, false)?;
            if words == now.text {
                return Err(Refusal::unprocessable("no_change", "the new text is the provision's text"));
            }
            Ok(Some(Edit { start: 0, end: now.text.len(), text: words }))
        }
        ProposalKind::DeleteProvision => {
            forbid("text", t.text.is_some())?;
            forbid("anchor", t.anchor.is_some())?;
            forbid("position", t.position.is_some())?;
            Ok(now.kind.has_text().then(|| Edit { start: 0, end: now.text.len(), text: String::new() }))
        }
        ProposalKind::InsertProvision => {
            need("position", t.position.is_some())?;
            need("text", t.text.is_some())?;
            forbid("anchor", t.anchor.is_some())?;
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
                    forbid("heading", t.heading.is_some())?;
                    check_text("text", &words, PROVISION_MAX_CHARS, false)?;
                }
            }
            Ok(None)
        }
    }
}

/// Where an insertion of `words` at byte `at` goes, with a space on the
/// side where words would otherwise run together.
fn insertion(text: &str, at: usize, words: &str) -> Edit {
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
fn deletion(text: &str, s: usize, e: usize) -> Edit {
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
fn chair_edit(process: &Process, c: &ChairText) -> Result<Edit, Refusal> {
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
fn commit_change(process: &mut Process, change: Change, entry: &Entry, cause: String, closing: &[u64]) {
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

fn splice_origins(origins: &[Origin], edit: &Edit, source: Arc<Source>) -> Vec<Origin> {
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

/// Checks the role and membership rules shared with the server's forms:
/// whether `actor` may table proposals.
pub fn may_table(state: &State, actor: &Actor) -> Result<MemberCode, Refusal> {
    delegation_of(state, actor, "tables proposals").map(|(m, _)| m.clone())
}

#[cfg(test)]
mod tests;
