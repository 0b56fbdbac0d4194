//! The rules of meetings and decisions: one check per kind (see
//! [`crate::kinds`]), and what they share (who may vote, quorum, the
//! order between questions on the whole instrument and on its parts).

use super::*;
use crate::entry::{Actor, EntryBody};
use crate::error::Refusal;
use crate::ids::MemberCode;
use crate::kinds::Cx;
use crate::negotiation::{check_agreeable, ProposalStatus};
use crate::state::{MemberStatus, State};

impl State {
    /// Members with the right to vote and to block consensus.
    pub fn voting_members(&self) -> impl Iterator<Item = &MemberCode> {
        self.members.values().filter(|m| m.status == MemberStatus::Member && m.suspended.is_none()).map(|m| &m.code)
    }

    /// The question on the whole instrument of `process` still before the
    /// members, if one is: a vote open, a consensus not yet declared, a
    /// silence procedure running.
    pub fn instrument_question(&self, process: u64) -> Option<String> {
        let d = &self.proceedings;
        let on = |p: u64, t: &Target| p == process && t == &Target::Instrument;
        d.votes
            .iter()
            .find(|v| on(v.process, &v.target) && v.closed.is_none())
            .map(|v| format!("vote {}", v.id))
            .or_else(|| {
                d.consensus
                    .iter()
                    .find(|c| on(c.process, &c.target) && c.decision.is_none())
                    .map(|c| format!("the proposed adoption by consensus ({})", c.id))
            })
            .or_else(|| {
                d.silences
                    .iter()
                    .find(|s| on(s.process, &s.target) && s.decision.is_none())
                    .map(|s| format!("silence procedure {}", s.id))
            })
    }

    /// From edition 3 the text of a process does not change while a
    /// decision on the whole instrument is under way: the members decide
    /// on the text the question was put on.
    pub(crate) fn check_text_not_under_decision(&self, process: u64) -> Result<(), Refusal> {
        if self.edition() < 3 {
            return Ok(());
        }
        match self.instrument_question(process) {
            Some(what) => Err(Refusal::conflict(
                "instrument_decision_pending",
                format!(
                    "the whole instrument of process {process} is before the members ({what}): its text and \
                     the questions on its parts wait until that decision is taken"
                ),
            )),
            None => Ok(()),
        }
    }

    /// From edition 3 the whole instrument is put to a decision only when
    /// no decision on a part of it (a proposal, a provision) is under way,
    /// so that none can change the text, or be taken on an adopted
    /// instrument, after the instrument's question is put.
    fn check_parts_settled(&self, process: u64) -> Result<(), Refusal> {
        if self.edition() < 3 {
            return Ok(());
        }
        let d = &self.proceedings;
        let part = |p: u64, t: &Target| p == process && t != &Target::Instrument;
        let pending = d
            .votes
            .iter()
            .find(|v| part(v.process, &v.target) && v.closed.is_none())
            .map(|v| v.target.label())
            .or_else(|| {
                d.consensus
                    .iter()
                    .find(|c| part(c.process, &c.target) && c.decision.is_none())
                    .map(|c| c.target.label())
            })
            .or_else(|| {
                d.silences.iter().find(|s| part(s.process, &s.target) && s.decision.is_none()).map(|s| s.target.label())
            });
        match pending {
            Some(label) => Err(Refusal::conflict(
                "decision_pending",
                format!("a decision on {label} is under way: the whole instrument is put to a decision after it"),
            )),
            None => Ok(()),
        }
    }

    /// A question names the version of the text it is put on, which must
    /// be the latest; from edition 3 it must name one.
    fn check_version(&self, process: u64, version: Option<u32>) -> Result<(), Refusal> {
        let latest = self.process(process)?.latest().number;
        match version {
            Some(v) if v != latest => Err(Refusal::conflict(
                "version_changed",
                format!("the latest version of process {process} is {latest}, not {v}: a question is put on the latest text"),
            )),
            None if self.edition() >= 3 => Err(Refusal::invalid(
                "version_required",
                "a question names the version of the text it is put on (`version`)",
            )),
            _ => Ok(()),
        }
    }

    /// Everything a question (vote, consensus, silence procedure) on
    /// `target` needs about the text: the version it names, and under
    /// edition 3 the order between the whole instrument and its parts.
    fn check_question(&self, process: u64, target: &Target, version: Option<u32>) -> Result<(), Refusal> {
        self.check_version(process, version)?;
        if target == &Target::Instrument {
            self.check_parts_settled(process)
        } else {
            self.check_text_not_under_decision(process)
        }
    }

    /// Names the latest version in a question that names none.
    pub(crate) fn name_version(&self, body: &mut EntryBody) {
        let latest = |p: u64| self.process(p).ok().map(|p| p.latest().number);
        match body {
            EntryBody::VoteOpened(v) if v.version.is_none() => v.version = latest(v.process),
            EntryBody::ConsensusProposed(c) if c.version.is_none() => c.version = latest(c.process),
            EntryBody::SilenceStarted(s) if s.version.is_none() => s.version = latest(s.process),
            _ => {}
        }
    }

    fn present(&self, meeting: u64, member: &MemberCode) -> Result<(), Refusal> {
        if !self.proceedings.meeting(meeting)?.present.contains(member) {
            return Err(Refusal::unprocessable(
                "not_present",
                format!("{member} is not registered present at meeting {meeting}: register attendance first"),
            ));
        }
        Ok(())
    }

    /// Quorum to decide at `meeting`: members with the right to vote who
    /// are present, against the rules of `process`.
    fn check_quorum(&self, process: u64, meeting: u64) -> Result<(), Refusal> {
        let rules = self.proceedings.rules_for(process);
        let members: Vec<&MemberCode> = self.voting_members().collect();
        let needed = rules.decision_quorum.of(members.len());
        let present = self.proceedings.meeting(meeting)?.present.iter().filter(|m| members.contains(m)).count();
        if present < needed {
            return Err(Refusal::unprocessable(
                "no_quorum",
                format!(
                    "{present} members are present at meeting {meeting}; a decision needs {needed} of the {}",
                    members.len()
                ),
            ));
        }
        Ok(())
    }

    fn check_target(&self, process: u64, target: &Target) -> Result<(), Refusal> {
        let p = self.process(process)?;
        if p.adopted_version.is_some() {
            return Err(Refusal::conflict(
                "instrument_adopted",
                format!("the instrument of process {process} is adopted"),
            ));
        }
        match target {
            Target::Proposal(id) => {
                let q = p.proposal(*id)?;
                if q.status != ProposalStatus::Tabled {
                    return Err(Refusal::conflict(
                        "proposal_closed",
                        format!("{} is {}", q.label(), q.status.as_str()),
                    ));
                }
                check_agreeable(p, *id, 0)
            }
            Target::Provision(eid) => p.latest().instrument.get(eid).map(|_| ()).ok_or_else(|| {
                Refusal::not_found("unknown_eid", format!("the latest version has no provision {eid:?}"))
            }),
            Target::Instrument => Ok(()),
        }
    }

    /// The provision a proposal amends, for a question on a proposal.
    fn proposal_eid(&self, process: u64, target: &Target) -> Option<String> {
        match target {
            Target::Proposal(id) => self.process(process).ok()?.proposal(*id).ok().map(|p| p.eid.clone()),
            _ => None,
        }
    }

    /// The majority the rules give a vote on `target`: the important one
    /// for an important question (or an amendment to one), the ordinary
    /// one otherwise.
    pub fn majority_for(&self, process: u64, target: &Target) -> Majority {
        let d = &self.proceedings;
        let rules = d.rules_for(process);
        let eid = self.proposal_eid(process, target);
        if d.important_designation(process, target, eid.as_deref()).is_some() {
            rules.important_majority
        } else {
            rules.majority
        }
    }

    /// No other procedure may be running on the same target.
    fn check_not_pending(&self, process: u64, target: &Target) -> Result<(), Refusal> {
        let d = &self.proceedings;
        let busy = d.votes.iter().any(|v| v.process == process && &v.target == target && v.closed.is_none())
            || d.consensus.iter().any(|c| c.process == process && &c.target == target && c.decision.is_none())
            || d.silences.iter().any(|s| s.process == process && &s.target == target && s.decision.is_none());
        if busy {
            return Err(Refusal::conflict(
                "decision_pending",
                format!("a decision on {} is already under way", target.label()),
            ));
        }
        Ok(())
    }

    /// An adopted decision must be able to take effect.
    fn check_effect(&self, process: u64, target: &Target) -> Result<(), Refusal> {
        let p = self.process(process)?;
        if p.adopted_version.is_some() {
            return Err(Refusal::conflict("instrument_adopted", "the instrument is already adopted"));
        }
        match target {
            Target::Proposal(id) => check_agreeable(p, *id, 0),
            _ => Ok(()),
        }
    }
}

pub(crate) fn rules_changed(state: &State, cx: &Cx<'_>, r: &RulesChanged) -> Result<(), Refusal> {
    cx.rights.require_secretariat("changes the rules of procedure")?;
    if let Some(p) = r.process {
        state.process(p)?;
    }
    r.rules.check()?;
    if state.edition() >= 3 {
        r.rules.check_ranges()?;
    }
    Ok(())
}

pub(crate) fn session_opened(_state: &State, cx: &Cx<'_>, s: &SessionOpened) -> Result<(), Refusal> {
    cx.rights.require_secretariat("opens sessions")?;
    crate::negotiation::text::check_text("title", &s.title, 300, false)
}

pub(crate) fn meeting_scheduled(state: &State, cx: &Cx<'_>, m: &MeetingScheduled) -> Result<(), Refusal> {
    let d = &state.proceedings;
    cx.rights.require_secretariat("schedules meetings")?;
    nth(&d.sessions, m.session, "session").map_err(|r| Refusal { code: "unknown_session", ..r })?;
    check_date(&m.date)?;
    crate::negotiation::text::check_text("place", &m.place, 300, false)
}

pub(crate) fn attendance_registered(state: &State, cx: &Cx<'_>, a: &AttendanceRegistered) -> Result<(), Refusal> {
    let actor = cx.actor;
    let d = &state.proceedings;
    let member = voter(cx, "registers attendance").or_else(|e| {
        // Observers attend too; they neither vote nor block consensus.
        match actor {
            Actor::Delegate { member, .. } if e.code == "not_a_voting_member" => Ok(member.clone()),
            _ => Err(e),
        }
    })?;
    meeting_delegation(cx, "registers its attendance")?;
    let meeting = d.meeting(a.meeting)?;
    if meeting.closed.is_some() {
        return Err(Refusal::conflict("meeting_closed", format!("meeting {} is closed", a.meeting)));
    }
    if meeting.present.contains(&member) {
        return Err(Refusal::conflict("already_present", format!("{member} is already registered present")));
    }
    Ok(())
}

pub(crate) fn attendance_corrected(state: &State, cx: &Cx<'_>, a: &AttendanceCorrected) -> Result<(), Refusal> {
    let actor = cx.actor;
    let d = &state.proceedings;
    // A delegation records its own departure; everything else
    // is the secretariat's correction.
    let own_departure = matches!(actor, Actor::Delegate { member, .. } if member == &a.member) && !a.present;
    if own_departure {
        meeting_delegation(cx, "records its departure")?;
        not_closed(d, a.meeting)?;
    } else {
        cx.rights.require_secretariat("corrects the attendance list")?;
    }
    state
        .members
        .get(&a.member)
        .ok_or_else(|| Refusal::not_found("unknown_member", format!("{} is not a member", a.member)))?;
    if d.meeting(a.meeting)?.present.contains(&a.member) == a.present {
        return Err(Refusal::conflict(
            "attendance_unchanged",
            format!(
                "{} is already recorded {} at meeting {}",
                a.member,
                if a.present { "present" } else { "absent" },
                a.meeting
            ),
        ));
    }
    Ok(())
}

pub(crate) fn meeting_opened(state: &State, cx: &Cx<'_>, r: &MeetingRef) -> Result<(), Refusal> {
    let d = &state.proceedings;
    cx.rights.require_chair("opens meetings")?;
    let m = d.meeting(r.meeting)?;
    if m.closed.is_some() {
        return Err(Refusal::conflict("meeting_closed", format!("meeting {} is closed", r.meeting)));
    }
    if m.opened.is_some() {
        return Err(Refusal::conflict("meeting_open", format!("meeting {} is already open", r.meeting)));
    }
    let members: Vec<&MemberCode> = state.voting_members().collect();
    let needed = d.rules.meeting_quorum.of(members.len());
    let present = m.present.iter().filter(|c| members.contains(c)).count();
    if present < needed {
        return Err(Refusal::unprocessable(
            "no_quorum",
            format!(
                "{present} members are present at meeting {}; opening it needs {needed} of the {}",
                r.meeting,
                members.len()
            ),
        ));
    }
    Ok(())
}

pub(crate) fn meeting_closed(state: &State, cx: &Cx<'_>, r: &MeetingRef) -> Result<(), Refusal> {
    let d = &state.proceedings;
    cx.rights.require_chair("closes meetings")?;
    let m = open_meeting(d, r.meeting)?;
    if let Some(v) = d.votes.iter().find(|v| v.meeting == m.id && v.closed.is_none()) {
        return Err(Refusal::conflict("decision_pending", format!("vote {} is still open", v.id)));
    }
    if let Some(c) = d.consensus.iter().find(|c| c.meeting == m.id && c.decision.is_none()) {
        return Err(Refusal::conflict(
            "decision_pending",
            format!("the proposed adoption of {} by consensus awaits the chair's declaration", c.target.label()),
        ));
    }
    Ok(())
}

pub(crate) fn important_question_designated(state: &State, cx: &Cx<'_>, q: &ImportantQuestion) -> Result<(), Refusal> {
    let d = &state.proceedings;
    cx.rights.require_chair("designates important questions")?;
    state.check_target(q.process, &q.target)?;
    if d.important.iter().any(|(p, t, _)| *p == q.process && t == &q.target) {
        return Err(Refusal::conflict(
            "already_important",
            format!("{} is already designated an important question", q.target.label()),
        ));
    }
    Ok(())
}

pub(crate) fn agenda_item_added(state: &State, cx: &Cx<'_>, a: &AgendaItemAdded) -> Result<(), Refusal> {
    let d = &state.proceedings;
    if !cx.rights.may_set_agenda() {
        return Err(Refusal::forbidden("chair_only", "only the secretariat or the chair sets the agenda"));
    }
    let m = not_closed(d, a.meeting)?;
    if let Some(parent) = a.parent {
        let p = m.agenda.get(parent as usize - 1).filter(|_| parent > 0).ok_or_else(|| {
            Refusal::not_found("unknown_item", format!("meeting {} has no agenda item {parent}", a.meeting))
        })?;
        if p.parent.is_some() {
            return Err(Refusal::unprocessable("too_deep", "a sub-item has no sub-items of its own"));
        }
    }
    crate::negotiation::text::check_text("title", &a.title, 300, false)
}

pub(crate) fn floor_requested(state: &State, cx: &Cx<'_>, f: &FloorRequested) -> Result<(), Refusal> {
    let d = &state.proceedings;
    let member = meeting_delegation(cx, "asks for the floor")?;
    not_closed(d, f.meeting)?;
    state.present(f.meeting, member)?;
    let item = item(d, f.meeting, f.item)?;
    if item
        .requests
        .iter()
        .any(|r| &r.member == member && r.kind == f.kind && matches!(r.status, "waiting" | "speaking"))
    {
        return Err(Refusal::conflict("already_requested", format!("{member} is already on this list")));
    }
    Ok(())
}

pub(crate) fn floor_withdrawn(state: &State, cx: &Cx<'_>, f: &FloorWithdrawn) -> Result<(), Refusal> {
    let d = &state.proceedings;
    let member = meeting_delegation(cx, "withdraws its request for the floor")?;
    let item = item(d, f.meeting, f.item)?;
    let r = item
        .requests
        .get((f.request as usize).wrapping_sub(1))
        .ok_or_else(|| Refusal::not_found("unknown_request", "no such request"))?;
    if &r.member != member {
        return Err(Refusal::forbidden("not_yours", "a delegation withdraws only its own request"));
    }
    if r.status != "waiting" {
        return Err(Refusal::conflict("not_waiting", format!("the request is {}", r.status)));
    }
    Ok(())
}

pub(crate) fn floor_given(state: &State, cx: &Cx<'_>, f: &FloorGiven) -> Result<(), Refusal> {
    let d = &state.proceedings;
    cx.rights.require_chair("gives the floor")?;
    open_meeting(d, f.meeting)?;
    // With no one waiting, calling "next" ends the current
    // speaker's turn on this item, and is refused if there is none.
    let here = item(d, f.meeting, f.item)?;
    if here.queue().is_empty() && here.speaking.is_none() {
        return Err(Refusal::conflict("no_speaker", "no one is waiting for the floor on this item"));
    }
    Ok(())
}

pub(crate) fn speaking_time_set(state: &State, cx: &Cx<'_>, t: &SpeakingTimeSet) -> Result<(), Refusal> {
    let d = &state.proceedings;
    cx.rights.require_chair("limits speaking time")?;
    not_closed(d, t.meeting)?;
    item(d, t.meeting, t.item)?;
    if t.seconds == Some(0) {
        return Err(Refusal::invalid("invalid_time", "speaking time is at least one second"));
    }
    if state.edition() >= 3 && t.seconds.is_some_and(|s| s > SPEAKING_MAX_SECONDS) {
        return Err(Refusal::unprocessable(
            "out_of_range",
            format!("a speaking time must be between 1 and {SPEAKING_MAX_SECONDS} seconds"),
        ));
    }
    Ok(())
}

pub(crate) fn statement_delivered(state: &State, cx: &Cx<'_>, st: &StatementDelivered) -> Result<(), Refusal> {
    let actor = cx.actor;
    let d = &state.proceedings;
    let item = item(d, st.meeting, st.item)?;
    let r = item
        .requests
        .get((st.request as usize).wrapping_sub(1))
        .ok_or_else(|| Refusal::not_found("unknown_request", "no such turn"))?;
    let own = matches!(actor, Actor::Delegate { member, .. } if member == &r.member);
    if own {
        meeting_delegation(cx, "attaches its statement")?;
    } else {
        cx.rights
            .require_secretariat("or the speaker's delegation attaches a statement")
            .map_err(|e| Refusal { code: "not_yours", ..e })?;
    }
    if !matches!(r.status, "speaking" | "spoke") {
        return Err(Refusal::conflict("not_given_the_floor", "a statement belongs to a turn the chair gave"));
    }
    if r.statement.is_some() || r.file.is_some() {
        return Err(Refusal::conflict("statement_exists", "this turn already has its statement"));
    }
    match (&st.text, &st.file) {
        (Some(t), None) => crate::negotiation::text::check_text("statement", t, 60_000, false).or_else(|e| {
            if e.code == "control_character" && !t.chars().any(|c| c.is_control() && c != '\n') {
                Ok(())
            } else {
                Err(e)
            }
        }),
        (None, Some(f)) => {
            f.require()?;
            let name = st.file_name.as_deref().unwrap_or_default();
            crate::negotiation::text::check_text("file name", name, 200, false)
        }
        _ => Err(Refusal::invalid("statement_text_or_file", "a statement is a text or a file, one of the two")),
    }
}

pub(crate) fn vote_opened(state: &State, cx: &Cx<'_>, v: &VoteOpened) -> Result<(), Refusal> {
    let d = &state.proceedings;
    cx.rights.require_chair("opens votes")?;
    open_meeting(d, v.meeting)?;
    state.check_target(v.process, &v.target)?;
    state.check_not_pending(v.process, &v.target)?;
    state.check_question(v.process, &v.target, v.version)?;
    // A question is put only with the quorum to decide present
    // (it is checked again when the vote closes).
    state.check_quorum(v.process, v.meeting)?;
    let eid = state.proposal_eid(v.process, &v.target);
    if let Some((_, designated, _)) = d.important_designation(v.process, &v.target, eid.as_deref()) {
        let needed = d.rules_for(v.process).important_majority;
        if v.majority != needed {
            let why = if designated == &v.target {
                String::new()
            } else {
                format!(" (it concerns {}, designated important)", designated.label())
            };
            return Err(Refusal::unprocessable(
                "important_question",
                format!(
                    "{} is an important question{why}: under the rules it is decided by a {} majority",
                    v.target.label(),
                    needed.label()
                ),
            ));
        }
    }
    Ok(())
}

pub(crate) fn ballot_cast(state: &State, cx: &Cx<'_>, b: &BallotCast) -> Result<(), Refusal> {
    let d = &state.proceedings;
    let member = voter(cx, "votes")?;
    let vote = d.vote(b.vote)?;
    if vote.closed.is_some() {
        return Err(Refusal::conflict("vote_closed", format!("vote {} is closed", b.vote)));
    }
    state.present(vote.meeting, &member)?;
    if vote.ballots.get(&member) == Some(&b.choice) {
        let choice = match b.choice {
            Choice::Yes => "yes",
            Choice::No => "no",
            Choice::Abstain => "abstain",
        };
        return Err(Refusal::conflict(
            "ballot_unchanged",
            format!("{member} has already voted {choice} in vote {}", b.vote),
        ));
    }
    Ok(())
}

pub(crate) fn vote_explained(state: &State, cx: &Cx<'_>, x: &VoteExplained) -> Result<(), Refusal> {
    let d = &state.proceedings;
    voter(cx, "explains its vote")?;
    d.vote(x.vote)?;
    crate::negotiation::text::check_text("explanation", &x.text, 10_000, false)
}

pub(crate) fn vote_closed(state: &State, cx: &Cx<'_>, v: &VoteRef) -> Result<(), Refusal> {
    let d = &state.proceedings;
    cx.rights.require_chair("closes votes")?;
    let vote = d.vote(v.vote)?;
    if vote.closed.is_some() {
        return Err(Refusal::conflict("vote_closed", format!("vote {} is already closed", v.vote)));
    }
    state.check_quorum(vote.process, vote.meeting)?;
    if d.tally_of(vote).adopted {
        state.check_effect(vote.process, &vote.target)?;
    }
    Ok(())
}

pub(crate) fn consensus_proposed(state: &State, cx: &Cx<'_>, c: &ConsensusProposed) -> Result<(), Refusal> {
    let d = &state.proceedings;
    cx.rights.require_chair("proposes adoption by consensus")?;
    open_meeting(d, c.meeting)?;
    state.check_quorum(c.process, c.meeting)?;
    state.check_target(c.process, &c.target)?;
    state.check_not_pending(c.process, &c.target)?;
    state.check_question(c.process, &c.target, c.version)
}

pub(crate) fn consensus_objected(state: &State, cx: &Cx<'_>, o: &ConsensusObjected) -> Result<(), Refusal> {
    let d = &state.proceedings;
    let member = voter(cx, "objects to consensus")?;
    let c = d.consensus(o.consensus)?;
    if c.decision.is_some() {
        return Err(Refusal::conflict("consensus_declared", "the chair has already declared the outcome"));
    }
    state.present(c.meeting, &member)?;
    if c.objections.iter().any(|(m, _)| m == &member) {
        return Err(Refusal::conflict("already_objected", format!("{member} has already objected")));
    }
    crate::negotiation::text::check_text("reason", &o.reason, 5_000, true)
}

pub(crate) fn consensus_declared(state: &State, cx: &Cx<'_>, r: &ConsensusRef) -> Result<(), Refusal> {
    let d = &state.proceedings;
    cx.rights.require_chair("declares the outcome")?;
    let c = d.consensus(r.consensus)?;
    if c.decision.is_some() {
        return Err(Refusal::conflict("consensus_declared", "the outcome is already declared"));
    }
    state.check_quorum(c.process, c.meeting)?;
    if c.objections.is_empty() && !c.ad_referendum {
        state.check_effect(c.process, &c.target)?;
    }
    Ok(())
}

pub(crate) fn decision_confirmed(state: &State, cx: &Cx<'_>, r: &DecisionRef) -> Result<(), Refusal> {
    let d = &state.proceedings;
    cx.rights.require_chair("confirms decisions taken ad referendum")?;
    let dec = d.decision(r.decision)?;
    if dec.outcome != Outcome::AgreedAdReferendum {
        return Err(Refusal::unprocessable(
            "not_ad_referendum",
            format!("decision {} was not taken ad referendum", dec.id),
        ));
    }
    if dec.confirmed_entry.is_some() {
        return Err(Refusal::conflict("already_confirmed", format!("decision {} is already confirmed", dec.id)));
    }
    state.check_effect(dec.process, &dec.target)?;
    if state.edition() >= 3 {
        if dec.target == Target::Instrument {
            // The instrument agreed is the version the question was put on.
            let latest = state.process(dec.process)?.latest().number;
            if let Some(v) = dec.version.filter(|v| *v != latest) {
                return Err(Refusal::conflict(
                    "version_changed",
                    format!(
                        "decision {} agreed version {v} of the instrument ad referendum; the text is \
                         now version {latest}: put the question again",
                        dec.id
                    ),
                ));
            }
            state.check_parts_settled(dec.process)?;
        } else {
            state.check_text_not_under_decision(dec.process)?;
        }
    }
    Ok(())
}

pub(crate) fn silence_started(state: &State, cx: &Cx<'_>, s: &SilenceStarted) -> Result<(), Refusal> {
    let time = cx.time;
    cx.rights.require_chair("starts silence procedures")?;
    state.check_target(s.process, &s.target)?;
    state.check_not_pending(s.process, &s.target)?;
    state.check_question(s.process, &s.target, s.version)?;
    let min = state.proceedings.rules_for(s.process).silence_min_hours as i64 * 3_600_000;
    if s.deadline < time + min {
        return Err(Refusal::unprocessable(
            "deadline_too_soon",
            format!("a silence procedure lasts at least {} hours under the rules", min / 3_600_000),
        ));
    }
    if state.edition() >= 3 && s.deadline > time.saturating_add(SILENCE_MAX_HOURS as i64 * 3_600_000) {
        return Err(Refusal::unprocessable(
            "out_of_range",
            format!("a silence procedure lasts at most {SILENCE_MAX_HOURS} hours (a year)"),
        ));
    }
    Ok(())
}

pub(crate) fn silence_broken(state: &State, cx: &Cx<'_>, b: &SilenceBroken) -> Result<(), Refusal> {
    let time = cx.time;
    let d = &state.proceedings;
    voter(cx, "breaks silence")?;
    let s = d.silence(b.silence)?;
    if s.decision.is_some() {
        return Err(Refusal::conflict("silence_ended", format!("silence procedure {} has ended", s.id)));
    }
    if time >= s.deadline {
        return Err(Refusal::unprocessable(
            "deadline_passed",
            format!("the deadline of silence procedure {} has passed: silence can no longer be broken", s.id),
        ));
    }
    crate::negotiation::text::check_text("reason", &b.reason, 5_000, false)
}

pub(crate) fn silence_concluded(state: &State, cx: &Cx<'_>, r: &SilenceRef) -> Result<(), Refusal> {
    let time = cx.time;
    let d = &state.proceedings;
    if !cx.rights.system {
        return Err(Refusal::forbidden("system_only", "silence procedures are concluded by Accord at their deadline"));
    }
    let s = d.silence(r.silence)?;
    if s.decision.is_some() {
        return Err(Refusal::conflict("silence_ended", format!("silence procedure {} has ended", s.id)));
    }
    if time < s.deadline {
        return Err(Refusal::unprocessable("deadline_not_reached", "the deadline has not passed yet"));
    }
    state.check_effect(s.process, &s.target)
}

fn item(d: &Proceedings, meeting: u64, number: u32) -> Result<&AgendaItem, Refusal> {
    d.meeting(meeting)?
        .agenda
        .get((number as usize).wrapping_sub(1))
        .ok_or_else(|| Refusal::not_found("unknown_item", format!("meeting {meeting} has no agenda item {number}")))
}

fn not_closed(d: &Proceedings, id: u64) -> Result<&Meeting, Refusal> {
    let m = d.meeting(id)?;
    if m.closed.is_some() {
        return Err(Refusal::conflict("meeting_closed", format!("meeting {id} is closed")));
    }
    Ok(m)
}

fn open_meeting(d: &Proceedings, id: u64) -> Result<&Meeting, Refusal> {
    let m = d.meeting(id)?;
    match m.status() {
        "open" => Ok(m),
        "closed" => Err(Refusal::conflict("meeting_closed", format!("meeting {id} is closed"))),
        _ => Err(Refusal::conflict(
            "meeting_not_open",
            format!("meeting {id} has not been opened: the chair opens it once the quorum to open is present"),
        )),
    }
}

fn check_date(date: &str) -> Result<(), Refusal> {
    let bad = || {
        Refusal::invalid(
            "invalid_date",
            format!("{date:?} is not a date as YYYY-MM-DD between 1900-01-01 and 9999-12-31"),
        )
    };
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts[..] else { return Err(bad()) };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let (y, m, d): (u32, u32, u32) =
        (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if d == 0 || d > days || !(1900..=9999).contains(&y) {
        return Err(bad());
    }
    Ok(())
}

/// The member a delegate acts for, if they may vote for it.
fn voter(cx: &Cx<'_>, what: &str) -> Result<MemberCode, Refusal> {
    let Actor::Delegate { member, .. } = cx.actor else {
        return Err(Refusal::forbidden("delegation_only", format!("only a member's delegation {what}")));
    };
    match cx.rights.member_status {
        None => return Err(Refusal::not_found("unknown_member", format!("{member} is not a member"))),
        Some(status) if status != MemberStatus::Member => {
            return Err(Refusal::forbidden(
                "not_a_voting_member",
                format!("{member} is an observer: only a member with status member {what}"),
            ))
        }
        Some(_) => {}
    }
    if cx.rights.suspended {
        return Err(Refusal::forbidden(
            "not_a_voting_member",
            format!("{member} is suspended: it neither votes nor objects"),
        ));
    }
    if cx.rights.is_adviser() {
        return Err(Refusal::forbidden("adviser", format!("advisers do not act for {member}")));
    }
    Ok(member.clone())
}

/// The member a delegation acts for in a meeting (attendance, the floor,
/// statements): its head of delegation or a delegate. From edition 3 an
/// adviser takes no such action for its member.
fn meeting_delegation<'a>(cx: &Cx<'a>, what: &str) -> Result<&'a MemberCode, Refusal> {
    let Actor::Delegate { member, .. } = cx.actor else {
        return Err(Refusal::forbidden("delegation_only", format!("only a delegation {what}")));
    };
    if !cx.rights.may_act_in_meetings() {
        return Err(Refusal::forbidden(
            "adviser",
            format!("advisers do not act for {member} in meetings: its head of delegation or a delegate {what}"),
        ));
    }
    Ok(member)
}
