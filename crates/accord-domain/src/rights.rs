//! What a principal may do here: the facts about who acts that the checks
//! decide on, in one place, so that the pages ask the domain instead of
//! working out roles themselves.
//!
//! [`State::rights`] answers them for a logged-in principal (or the
//! console), [`State::rights_of`] for the actor an entry names; every check
//! of [`crate::kinds`] that depends on who acts reads them from its
//! [`crate::kinds::Cx`]. [`State::may`] is the whole check an action meets
//! before it is recorded ([`State::prepare`], and the signature `apply`
//! verifies), as a dry run: it changes nothing.
//!
//! The facts:
//! - the console ([`Principal::System`]) has the secretariat's rights, and
//!   alone establishes the forum and concludes silence procedures;
//! - an officer's role: the secretariat administers the forum; the chair
//!   and vice-chairs preside over meetings; in negotiation a co-facilitator
//!   acts as the chair does;
//! - a delegate acts for their member, in their role in its delegation
//!   (head, delegate, adviser). A member with status `member`, not
//!   suspended, negotiates and votes through its head of delegation or a
//!   delegate, never an adviser; from edition 3 an adviser takes no action
//!   in meetings either.

use crate::entry::Actor;
use crate::error::Refusal;
use crate::forum::{Delegate, MemberRole, MemberStatus, OfficerRole};
use crate::ids::MemberCode;
use crate::state::{Action, Principal, State};

/// What the state says about who acts. Built by [`State::rights`] or
/// [`State::rights_of`]; a principal who is not (or no longer) accredited
/// has none.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rights {
    /// The operator at the console.
    pub system: bool,
    /// The role of an officer.
    pub officer: Option<OfficerRole>,
    /// The member a delegate acts for, and their role in its delegation.
    pub delegation: Option<(MemberCode, MemberRole)>,
    /// That member's status, `None` when it is not a member of the forum.
    pub member_status: Option<MemberStatus>,
    /// Whether that member is suspended.
    pub suspended: bool,
    /// The edition of the rules the forum follows.
    pub edition: u32,
}

impl Rights {
    /// Whether they act with the secretariat's rights (the secretariat, or
    /// the console).
    pub fn is_secretariat(&self) -> bool {
        self.system || self.officer == Some(OfficerRole::Secretariat)
    }

    /// Whether they preside over meetings: the chair or a vice-chair.
    pub fn is_chair(&self) -> bool {
        matches!(self.officer, Some(OfficerRole::Chair | OfficerRole::ViceChair))
    }

    /// Whether they take the chair's acts in a negotiation: the chair, a
    /// vice-chair or a co-facilitator.
    pub fn chairs_negotiation(&self) -> bool {
        matches!(self.officer, Some(OfficerRole::Chair | OfficerRole::ViceChair | OfficerRole::CoFacilitator))
    }

    /// The member a delegate acts for, whatever their role.
    pub fn member(&self) -> Option<&MemberCode> {
        self.delegation.as_ref().map(|(member, _)| member)
    }

    /// Whether they are an adviser of a delegation.
    pub fn is_adviser(&self) -> bool {
        matches!(self.delegation, Some((_, MemberRole::Adviser)))
    }

    /// Whether they are the head of `member`'s delegation.
    pub fn is_head_of(&self, member: &MemberCode) -> bool {
        matches!(&self.delegation, Some((m, MemberRole::HeadOfDelegation)) if m == member)
    }

    /// The member they act for in negotiation and decisions: any delegate
    /// but an adviser.
    pub fn acts_for(&self) -> Option<&MemberCode> {
        self.member().filter(|_| !self.is_adviser())
    }

    /// Whether their member has the right to vote, to block consensus and
    /// to negotiate: status `member`, not suspended.
    pub fn member_votes(&self) -> bool {
        self.member_status == Some(MemberStatus::Member) && !self.suspended
    }

    /// Whether they vote, object to consensus and break silence for their
    /// member (and table and back proposals): a head of delegation or
    /// delegate, not an adviser, of a member that votes.
    pub fn may_vote(&self) -> bool {
        self.acts_for().is_some() && self.member_votes()
    }

    /// [`Rights::may_vote`]: the same people table, support, object to
    /// and co-sponsor proposals.
    pub fn may_negotiate(&self) -> bool {
        self.may_vote()
    }

    /// The member they table and back proposals (and vote) for, when they
    /// may: [`Rights::acts_for`] of a member that votes.
    pub fn negotiates_for(&self) -> Option<&MemberCode> {
        self.acts_for().filter(|_| self.member_votes())
    }

    /// Whether they act for their member in meetings (attendance, the
    /// floor, statements): any delegate, but from edition 3 no adviser.
    pub fn may_act_in_meetings(&self) -> bool {
        self.delegation.is_some() && !(self.is_adviser() && self.edition >= 3)
    }

    /// Whether they open negotiation processes.
    pub fn may_open_process(&self) -> bool {
        self.is_secretariat()
    }

    /// Whether they set processes' document symbols: the secretariat (or
    /// the console).
    pub fn may_set_symbols(&self) -> bool {
        self.is_secretariat()
    }

    /// Whether they name versions ("Rev.1"): the chair's side or the
    /// secretariat (an officer, not the console).
    pub fn may_issue_revisions(&self) -> bool {
        self.chairs_negotiation() || self.officer == Some(OfficerRole::Secretariat)
    }

    /// Whether they set the agenda of meetings: the secretariat or the chair.
    pub fn may_set_agenda(&self) -> bool {
        self.is_secretariat() || self.is_chair()
    }

    /// Whether they admit, suspend and reinstate members, change their
    /// status, accredit delegates, appoint officers and change the forum's
    /// settings: the secretariat.
    pub fn may_manage(&self) -> bool {
        self.is_secretariat()
    }

    /// Whether they withdraw the accreditation of a delegate of `member`:
    /// the secretariat, or that member's head of delegation.
    pub fn may_withdraw_delegate(&self, member: &MemberCode) -> bool {
        self.is_secretariat() || self.is_head_of(member)
    }

    /// Whether they withdraw `delegate`'s accreditation (an officer's only
    /// the secretariat withdraws). The forum's last secretariat officer is
    /// not withdrawn, whoever asks: [`State::may`] says so.
    pub fn may_withdraw(&self, delegate: &Delegate) -> bool {
        match delegate.member() {
            Some(member) => self.may_withdraw_delegate(member),
            None => self.is_secretariat(),
        }
    }

    /// Whether they register and revoke `member`'s keys, and declare that it
    /// requires its signature: its head of delegation.
    pub fn may_manage_keys(&self, member: &MemberCode) -> bool {
        self.is_head_of(member)
    }

    /// Refuses unless they have the secretariat's rights: "only the
    /// secretariat {what}".
    pub(crate) fn require_secretariat(&self, what: &str) -> Result<(), Refusal> {
        if self.is_secretariat() {
            return Ok(());
        }
        Err(Refusal::forbidden("secretariat_only", format!("only the secretariat {what}")))
    }

    /// Refuses unless they preside over meetings.
    pub(crate) fn require_chair(&self, what: &str) -> Result<(), Refusal> {
        if self.is_chair() {
            return Ok(());
        }
        Err(Refusal::forbidden("chair_only", format!("only the chair (or a vice-chair) {what}")))
    }

    /// Refuses unless they take the chair's acts in a negotiation.
    pub(crate) fn require_chairs_negotiation(&self, what: &str) -> Result<(), Refusal> {
        if self.chairs_negotiation() {
            return Ok(());
        }
        Err(Refusal::forbidden("chair_only", format!("only the chair (or a vice-chair or co-facilitator) {what}")))
    }

    /// Refuses unless they are the head of `member`'s delegation.
    pub(crate) fn require_head_of(&self, member: &MemberCode, what: &str) -> Result<(), Refusal> {
        if self.is_head_of(member) {
            return Ok(());
        }
        Err(Refusal::forbidden("head_of_delegation_only", format!("only {member}'s head of delegation {what}")))
    }
}

impl State {
    /// What `principal` may do here; nothing for a delegate who is not (or
    /// no longer) accredited.
    pub fn rights(&self, principal: Principal) -> Rights {
        match self.actor_for(principal) {
            Ok(actor) => self.rights_of(&actor),
            Err(_) => Rights { edition: self.edition(), ..Rights::default() },
        }
    }

    /// The rights of the actor an entry names, as the state stands (the
    /// actor's affiliation is taken as named: `apply` checks it first).
    pub fn rights_of(&self, actor: &Actor) -> Rights {
        let edition = self.edition();
        match actor {
            Actor::System => Rights { system: true, edition, ..Rights::default() },
            Actor::Officer { role, .. } => Rights { officer: Some(*role), edition, ..Rights::default() },
            Actor::Delegate { delegate, member } => {
                let role = match self.delegates.get(delegate).map(|d| &d.affiliation) {
                    Some(crate::forum::Affiliation::Member { role, .. }) => *role,
                    _ => MemberRole::Delegate,
                };
                let standing = self.members.get(member);
                Rights {
                    delegation: Some((member.clone(), role)),
                    member_status: standing.map(|m| m.status),
                    suspended: standing.is_some_and(|m| m.suspended.is_some()),
                    edition,
                    ..Rights::default()
                }
            }
        }
    }

    /// Whether `principal` may take `action` now: everything
    /// [`State::prepare`] checks and, for a signed action, the signature
    /// that [`State::apply`] verifies. Nothing changes; the answer is the
    /// refusal the action would meet.
    pub fn may(&self, principal: Principal, action: &Action) -> Result<(), Refusal> {
        let (actor, body, signature) = self.prepare(principal, action.clone())?;
        if let Some(signature) = &signature {
            self.check_signature(&actor, &body, signature)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
