//! The rules of the forum's founding and membership: one check per kind
//! (see [`crate::kinds`]).

use super::payloads::*;
use super::{Affiliation, Member, MemberKind, MemberRole, OfficerRole};
use crate::error::Refusal;
use crate::ids::{DelegateId, LanguageTag, MemberCode};
use crate::iso3166;
use crate::kinds::Cx;
use crate::state::{State, EDITION};

/// The most official languages a forum may list.
const MAX_LANGUAGES: usize = 24;

pub(crate) fn forum_established(state: &State, cx: &Cx<'_>, settings: &ForumSettings) -> Result<(), Refusal> {
    if state.forum.is_some() || state.next_index != 0 {
        return Err(Refusal::conflict("forum_exists", "the forum is already established"));
    }
    if !cx.rights.system {
        return Err(Refusal::forbidden("system_only", "only the operator establishes the forum"));
    }
    if settings.edition.is_some_and(|e| e == 0 || e > EDITION) {
        return Err(Refusal::invalid(
            "unknown_edition",
            format!("this Accord knows the editions of its rules 1 to {EDITION}"),
        ));
    }
    if let Some(log) = &settings.log {
        if log.is_empty() || log.len() > 200 || log.chars().any(|c| c.is_whitespace() || c == '+') {
            return Err(Refusal::invalid(
                "invalid_log_origin",
                "the log origin has no spaces or '+', and at most 200 characters",
            ));
        }
    }
    check_languages(&settings.languages)
}

pub(crate) fn forum_settings_changed(_state: &State, cx: &Cx<'_>, settings: &ForumSettings) -> Result<(), Refusal> {
    cx.rights.require_secretariat("changes the forum's settings")?;
    if settings.log.is_some() {
        return Err(Refusal::invalid(
            "log_origin_fixed",
            "the log origin is declared once, when the forum is established",
        ));
    }
    if settings.edition.is_some() {
        return Err(Refusal::invalid(
            "edition_fixed",
            "the edition of the rules is declared once, when the forum is established",
        ));
    }
    check_languages(&settings.languages)
}

pub(crate) fn member_admitted(state: &State, cx: &Cx<'_>, m: &MemberAdmitted) -> Result<(), Refusal> {
    cx.rights.require_secretariat("admits members")?;
    if let Some(existing) = state.members.get(&m.code) {
        return Err(Refusal::conflict("member_exists", format!("{} ({}) is already admitted", m.code, existing.name)));
    }
    match m.kind {
        MemberKind::State => {
            if iso3166::lookup(m.code.as_str()).is_none() {
                return Err(unknown_state(&m.code));
            }
            if m.category.is_some() {
                return Err(Refusal::invalid(
                    "category_for_state",
                    "a state has no organisation category: leave category out",
                ));
            }
        }
        MemberKind::Organisation => {
            if m.category.is_none() {
                return Err(Refusal::invalid(
                    "missing_category",
                    "give the organisation's category: intergovernmental_organisation, ngo, \
                     private_sector, academia, technical_community or individual",
                ));
            }
            if iso3166::lookup(m.code.as_str()).is_some() {
                return Err(Refusal::invalid(
                    "code_is_a_state",
                    format!("{} is the ISO 3166-1 code of a state: choose another code for the organisation", m.code),
                ));
            }
        }
    }
    Ok(())
}

pub(crate) fn member_status_changed(state: &State, cx: &Cx<'_>, c: &MemberStatusChanged) -> Result<(), Refusal> {
    cx.rights.require_secretariat("changes a member's status")?;
    let member = existing_member(state, &c.code)?;
    if member.status == c.status {
        return Err(Refusal::conflict(
            "status_unchanged",
            format!("{} already has status {}", c.code, c.status.as_str()),
        ));
    }
    Ok(())
}

pub(crate) fn member_suspended(state: &State, cx: &Cx<'_>, s: &MemberSuspended) -> Result<(), Refusal> {
    cx.rights.require_secretariat("suspends members")?;
    if existing_member(state, &s.code)?.suspended.is_some() {
        return Err(Refusal::conflict("already_suspended", format!("{} is already suspended", s.code)));
    }
    Ok(())
}

pub(crate) fn member_reinstated(state: &State, cx: &Cx<'_>, r: &MemberReinstated) -> Result<(), Refusal> {
    cx.rights.require_secretariat("reinstates members")?;
    if existing_member(state, &r.code)?.suspended.is_none() {
        return Err(Refusal::conflict("not_suspended", format!("{} is not suspended", r.code)));
    }
    Ok(())
}

pub(crate) fn delegate_accredited(state: &State, cx: &Cx<'_>, a: &DelegateAccredited) -> Result<(), Refusal> {
    cx.rights.require_secretariat("accredits delegates")?;
    check_new_delegate_id(state, a.delegate)?;
    let member = existing_member(state, &a.member)?;
    if let Some(reason) = &member.suspended {
        return Err(Refusal::unprocessable(
            "member_suspended",
            format!("{} is suspended ({}): reinstate it before accrediting delegates", a.member, reason),
        ));
    }
    if a.role == MemberRole::HeadOfDelegation {
        if let Some(head) = state
            .delegation(&a.member)
            .find(|d| matches!(d.affiliation, Affiliation::Member { role: MemberRole::HeadOfDelegation, .. }))
        {
            return Err(Refusal::conflict(
                "head_of_delegation_exists",
                format!(
                    "{} already has a head of delegation ({}, {}): withdraw that accreditation first",
                    a.member, head.name, head.id
                ),
            ));
        }
    }
    Ok(())
}

pub(crate) fn officer_appointed(state: &State, cx: &Cx<'_>, o: &OfficerAppointed) -> Result<(), Refusal> {
    cx.rights.require_secretariat("appoints officers")?;
    check_new_delegate_id(state, o.delegate)
}

pub(crate) fn member_key_registered(state: &State, cx: &Cx<'_>, k: &MemberKeyRegistered) -> Result<(), Refusal> {
    cx.rights.require_head_of(&k.member, "registers its member's keys")?;
    let member = existing_member(state, &k.member)?;
    let key = if state.edition() >= 3 {
        crate::signature::parse_strong_public_key(&k.public_key)?
    } else {
        crate::signature::parse_public_key(&k.public_key)?
    };
    if crate::signature::key_id(key.as_bytes()) != k.key {
        return Err(Refusal::invalid("key_id_mismatch", "the key id is not that of the public key"));
    }
    if member.keys.contains_key(&k.key) {
        return Err(Refusal::conflict("key_exists", format!("the key {} is already registered", k.key)));
    }
    if member.keys.values().filter(|k| k.revoked_entry.is_none()).count() >= 16 {
        return Err(Refusal::unprocessable("too_many_keys", "a member has at most 16 active keys: revoke one first"));
    }
    Ok(())
}

pub(crate) fn member_key_revoked(state: &State, cx: &Cx<'_>, k: &MemberKeyRevoked) -> Result<(), Refusal> {
    cx.rights.require_head_of(&k.member, "revokes its member's keys")?;
    let member = existing_member(state, &k.member)?;
    match member.keys.get(&k.key) {
        None => Err(Refusal::not_found("unknown_key", format!("{} has no key {}", k.member, k.key))),
        Some(existing) if existing.revoked_entry.is_some() => {
            Err(Refusal::conflict("key_revoked", format!("the key {} is already revoked", k.key)))
        }
        // A member that requires its signature and revoked its
        // last key could no longer act at all.
        Some(_)
            if member.signatures_required.is_some()
                && member.keys.values().filter(|k| k.revoked_entry.is_none()).count() == 1 =>
        {
            Err(Refusal::conflict(
                "last_signing_key",
                format!(
                    "{} requires its signature and {} is its last active key: register another key \
                     before revoking this one",
                    k.member, k.key
                ),
            ))
        }
        Some(_) => Ok(()),
    }
}

pub(crate) fn member_signatures_required(
    state: &State,
    cx: &Cx<'_>,
    r: &MemberSignaturesRequired,
) -> Result<(), Refusal> {
    cx.rights.require_head_of(&r.member, "declares that its member requires its signature")?;
    if let Some(since) = existing_member(state, &r.member)?.signatures_required {
        return Err(Refusal::conflict(
            "signatures_already_required",
            format!("{} already requires its signature (since entry {since})", r.member),
        ));
    }
    Ok(())
}

pub(crate) fn accreditation_withdrawn(state: &State, cx: &Cx<'_>, w: &AccreditationWithdrawn) -> Result<(), Refusal> {
    let target = state.delegates.get(&w.delegate).ok_or_else(|| {
        Refusal::not_found("unknown_delegate", format!("{} is not a delegate of this forum", w.delegate))
    })?;
    if !target.is_active() {
        return Err(Refusal::conflict(
            "already_withdrawn",
            format!("the accreditation of {} ({}) is already withdrawn", target.name, target.id),
        ));
    }
    // The secretariat withdraws anyone; a head of delegation
    // withdraws members of their own delegation.
    if !cx.rights.may_withdraw(target) {
        cx.rights.require_secretariat("or the head of the delegation concerned withdraws an accreditation")?;
    }
    if target.officer_role() == Some(OfficerRole::Secretariat)
        && state.officers().filter(|d| d.officer_role() == Some(OfficerRole::Secretariat)).count() == 1
    {
        return Err(Refusal::unprocessable(
            "last_secretariat",
            "this is the forum's last secretariat officer: appoint another before withdrawing it",
        ));
    }
    Ok(())
}

pub(crate) fn no_forum() -> Refusal {
    Refusal::unprocessable("no_forum", "the forum is not established yet: run `accord init` first")
}

pub(crate) fn unknown_state(code: &MemberCode) -> Refusal {
    Refusal::invalid(
        "unknown_state_code",
        format!("{code} is not an ISO 3166-1 alpha-3 code of a state (e.g. BRA, KEN, CHN)"),
    )
}

pub(crate) fn check_languages(languages: &[LanguageTag]) -> Result<(), Refusal> {
    if languages.is_empty() {
        return Err(Refusal::invalid("no_languages", "give at least one official language, e.g. en"));
    }
    if languages.len() > MAX_LANGUAGES {
        return Err(Refusal::invalid("too_many_languages", format!("give at most {MAX_LANGUAGES} official languages")));
    }
    let mut seen = std::collections::BTreeSet::new();
    for l in languages {
        if !seen.insert(l) {
            return Err(Refusal::invalid("duplicate_language", format!("{l} is listed twice")));
        }
    }
    Ok(())
}

pub(crate) fn existing_member<'s>(state: &'s State, code: &MemberCode) -> Result<&'s Member, Refusal> {
    state.members.get(code).ok_or_else(|| {
        Refusal::not_found("unknown_member", format!("{code} is not a member or observer of this forum"))
    })
}

pub(crate) fn check_new_delegate_id(state: &State, id: DelegateId) -> Result<(), Refusal> {
    if id != state.next_delegate_id() {
        return Err(Refusal::invalid(
            "delegate_id_out_of_order",
            format!("the next delegate id is {}, not {id}", state.next_delegate_id()),
        ));
    }
    Ok(())
}
