//! What the forum's founding and membership entries change: one fold per
//! kind (see [`crate::kinds`]).

use std::collections::BTreeMap;

use super::payloads::*;
use super::{Affiliation, Delegate, Forum, Member, MemberKey};
use crate::entry::Entry;
use crate::state::State;

pub(crate) fn forum_established(state: &mut State, entry: &Entry, s: &ForumSettings) {
    state.forum = Some(Forum {
        name: s.name.clone(),
        languages: s.languages.clone(),
        log: s.log.clone(),
        edition: s.edition.unwrap_or(1),
        established: entry.time,
    });
}

pub(crate) fn forum_settings_changed(state: &mut State, _entry: &Entry, s: &ForumSettings) {
    if let Some(forum) = &mut state.forum {
        forum.name = s.name.clone();
        forum.languages = s.languages.clone();
    }
}

pub(crate) fn member_admitted(state: &mut State, entry: &Entry, m: &MemberAdmitted) {
    state.members.insert(
        m.code.clone(),
        Member {
            code: m.code.clone(),
            name: m.name.clone(),
            kind: m.kind,
            category: m.category,
            status: m.status,
            suspended: None,
            admitted_entry: entry.index,
            keys: BTreeMap::new(),
            signatures_required: None,
        },
    );
}

pub(crate) fn member_status_changed(state: &mut State, _entry: &Entry, c: &MemberStatusChanged) {
    if let Some(m) = state.members.get_mut(&c.code) {
        m.status = c.status;
    }
}

pub(crate) fn member_suspended(state: &mut State, _entry: &Entry, s: &MemberSuspended) {
    if let Some(m) = state.members.get_mut(&s.code) {
        m.suspended = Some(s.reason.clone());
    }
}

pub(crate) fn member_reinstated(state: &mut State, _entry: &Entry, r: &MemberReinstated) {
    if let Some(m) = state.members.get_mut(&r.code) {
        m.suspended = None;
    }
}

pub(crate) fn delegate_accredited(state: &mut State, entry: &Entry, a: &DelegateAccredited) {
    state.delegates.insert(
        a.delegate,
        Delegate {
            id: a.delegate,
            name: a.name.clone(),
            affiliation: Affiliation::Member { member: a.member.clone(), role: a.role },
            accredited_entry: entry.index,
            withdrawn_entry: None,
        },
    );
}

pub(crate) fn officer_appointed(state: &mut State, entry: &Entry, o: &OfficerAppointed) {
    state.delegates.insert(
        o.delegate,
        Delegate {
            id: o.delegate,
            name: o.name.clone(),
            affiliation: Affiliation::Officer { role: o.role },
            accredited_entry: entry.index,
            withdrawn_entry: None,
        },
    );
}

pub(crate) fn accreditation_withdrawn(state: &mut State, entry: &Entry, w: &AccreditationWithdrawn) {
    if let Some(d) = state.delegates.get_mut(&w.delegate) {
        d.withdrawn_entry = Some(entry.index);
    }
}

pub(crate) fn member_key_registered(state: &mut State, entry: &Entry, k: &MemberKeyRegistered) {
    if let Some(m) = state.members.get_mut(&k.member) {
        m.keys.insert(
            k.key.clone(),
            MemberKey {
                public_key: k.public_key.clone(),
                label: k.label.clone(),
                registered_entry: entry.index,
                revoked_entry: None,
            },
        );
    }
}

pub(crate) fn member_key_revoked(state: &mut State, entry: &Entry, k: &MemberKeyRevoked) {
    if let Some(key) = state.members.get_mut(&k.member).and_then(|m| m.keys.get_mut(&k.key)) {
        key.revoked_entry = Some(entry.index);
    }
}

pub(crate) fn member_signatures_required(state: &mut State, entry: &Entry, r: &MemberSignaturesRequired) {
    if let Some(m) = state.members.get_mut(&r.member) {
        m.signatures_required = Some(entry.index);
    }
}
