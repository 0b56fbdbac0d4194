//! The rights of each kind of principal, and `may` against `prepare`.

use super::*;
use crate::entry::Entry;
use crate::forum::{MemberKind, OrganisationCategory};
use crate::ids::{DelegateId, DisplayName, LanguageTag, Reason};
use crate::negotiation::{ProcessOpened, ProposalRef};

fn name(s: &str) -> DisplayName {
    DisplayName::parse(s).unwrap()
}
fn code(s: &str) -> MemberCode {
    MemberCode::parse(s).unwrap()
}

/// Prepares, sequences and applies an action, as the store does.
fn act(state: &mut State, who: Principal, action: Action) -> DelegateId {
    let id = state.next_delegate_id();
    let (actor, body, signature) = state.prepare(who, action).unwrap();
    let entry = Entry { index: state.next_index, time: 1_000 + state.next_index as i64, actor, body, signature };
    state.apply(&entry).unwrap();
    id
}

struct Forum {
    state: State,
    sec: DelegateId,
    chair: DelegateId,
    vice: DelegateId,
    cofac: DelegateId,
    head: DelegateId,
    delegate: DelegateId,
    adviser: DelegateId,
    observer: DelegateId,
    suspended: DelegateId,
    withdrawn: DelegateId,
}

/// A forum of edition `edition` with an officer of every role, KEN's head,
/// delegate and adviser, an observer's delegate, a suspended member's
/// delegate and a withdrawn delegate.
fn forum(edition: u32) -> Forum {
    let mut state = State::new();
    let sys = Principal::System;
    act(
        &mut state,
        sys,
        Action::EstablishForum { name: name("Forum"), languages: LanguageTag::un_languages(), log: None },
    );
    if edition != crate::state::EDITION {
        if let Some(forum) = &mut state.forum {
            forum.edition = edition;
        }
    }
    let officer = |state: &mut State, role| act(state, sys, Action::AppointOfficer { name: name("Officer"), role });
    let sec = officer(&mut state, OfficerRole::Secretariat);
    let chair = officer(&mut state, OfficerRole::Chair);
    let vice = officer(&mut state, OfficerRole::ViceChair);
    let cofac = officer(&mut state, OfficerRole::CoFacilitator);
    let secretariat = Principal::Delegate(sec);
    for (c, status) in [("KEN", MemberStatus::Member), ("BRA", MemberStatus::Observer), ("CHN", MemberStatus::Member)] {
        let action = Action::AdmitMember { code: code(c), name: None, kind: MemberKind::State, category: None, status };
        act(&mut state, secretariat, action);
    }
    let accredit = |state: &mut State, member: &str, role| {
        act(state, secretariat, Action::AccreditDelegate { member: code(member), name: name("Person"), role })
    };
    let head = accredit(&mut state, "KEN", MemberRole::HeadOfDelegation);
    let delegate = accredit(&mut state, "KEN", MemberRole::Delegate);
    let adviser = accredit(&mut state, "KEN", MemberRole::Adviser);
    let observer = accredit(&mut state, "BRA", MemberRole::HeadOfDelegation);
    let suspended = accredit(&mut state, "CHN", MemberRole::HeadOfDelegation);
    let withdrawn = accredit(&mut state, "CHN", MemberRole::Delegate);
    act(
        &mut state,
        secretariat,
        Action::SuspendMember { code: code("CHN"), reason: Reason::parse("arrears").unwrap() },
    );
    let reason = Reason::parse("left").unwrap();
    act(&mut state, secretariat, Action::WithdrawAccreditation { delegate: withdrawn, reason });
    Forum { state, sec, chair, vice, cofac, head, delegate, adviser, observer, suspended, withdrawn }
}

#[test]
fn rights_of_each_kind_of_principal() {
    let f = forum(crate::state::EDITION);
    let rights = |id| f.state.rights(Principal::Delegate(id));
    let ken = code("KEN");

    let system = f.state.rights(Principal::System);
    assert!(system.system && system.is_secretariat() && system.may_manage() && system.may_open_process());
    assert!(!system.is_chair() && !system.may_issue_revisions() && !system.may_vote());
    assert!(system.may_withdraw_delegate(&ken));

    let sec = rights(f.sec);
    assert!(sec.is_secretariat() && sec.may_issue_revisions() && sec.may_set_agenda() && !sec.is_chair());
    assert!(!sec.chairs_negotiation() && sec.may_withdraw_delegate(&ken));

    for id in [f.chair, f.vice] {
        let chair = rights(id);
        assert!(chair.is_chair() && chair.chairs_negotiation() && chair.may_set_agenda());
        assert!(!chair.is_secretariat() && !chair.may_manage() && !chair.may_withdraw_delegate(&ken));
    }
    let cofac = rights(f.cofac);
    assert!(cofac.chairs_negotiation() && cofac.may_issue_revisions() && !cofac.is_chair() && !cofac.may_set_agenda());

    let head = rights(f.head);
    assert_eq!(head.member(), Some(&ken));
    assert_eq!(head.acts_for(), Some(&ken));
    assert!(head.is_head_of(&ken) && head.may_vote() && head.may_negotiate() && head.may_act_in_meetings());
    assert!(head.may_withdraw_delegate(&ken) && !head.may_withdraw_delegate(&code("BRA")));
    assert!(head.may_manage_keys(&ken) && !head.may_manage() && !head.is_chair());

    let delegate = rights(f.delegate);
    assert!(delegate.may_vote() && !delegate.is_head_of(&ken) && !delegate.may_withdraw_delegate(&ken));

    let adviser = rights(f.adviser);
    assert!(adviser.is_adviser() && adviser.acts_for().is_none() && !adviser.may_vote());
    assert!(!adviser.may_act_in_meetings(), "from edition 3 an adviser takes no action in meetings");
    assert_eq!(adviser.member(), Some(&ken));

    let observer = rights(f.observer);
    assert_eq!(observer.member_status, Some(MemberStatus::Observer));
    assert!(observer.acts_for().is_some() && !observer.member_votes() && !observer.may_vote());
    assert_eq!(observer.negotiates_for(), None);
    assert_eq!(head.negotiates_for(), Some(&ken));
    assert_eq!(adviser.negotiates_for(), None);
    assert!(observer.may_act_in_meetings(), "observers attend and ask for the floor");

    let suspended = rights(f.suspended);
    assert!(suspended.suspended && !suspended.may_vote() && suspended.is_head_of(&code("CHN")));

    let withdrawn = rights(f.withdrawn);
    assert_eq!(withdrawn, Rights { edition: 3, ..Rights::default() });
    let stranger = f.state.rights(Principal::Delegate(DelegateId(999)));
    assert!(!stranger.is_secretariat() && stranger.member().is_none());
}

#[test]
fn an_adviser_acts_in_meetings_before_edition_3() {
    let f = forum(2);
    let adviser = f.state.rights(Principal::Delegate(f.adviser));
    assert!(adviser.may_act_in_meetings() && !adviser.may_vote());
}

/// `may` answers what `prepare` answers, and changes nothing.
#[test]
fn may_agrees_with_prepare() {
    let f = forum(crate::state::EDITION);
    let draft = crate::blob::BlobRef::of(b"# Framework\n\n### Article 1\n\n1. States shall cooperate.\n".to_vec());
    let open = Action::Negotiate(Box::new(crate::entry::EntryBody::ProcessOpened(ProcessOpened {
        title: "Framework".into(),
        draft,
    })));
    let withdraw = |delegate| Action::WithdrawAccreditation { delegate, reason: Reason::parse("ends").unwrap() };
    let admit = Action::AdmitMember {
        code: code("WHO"),
        name: Some(name("World Health Organization")),
        kind: MemberKind::Organisation,
        category: Some(OrganisationCategory::IntergovernmentalOrganisation),
        status: MemberStatus::Observer,
    };
    let support = Action::Negotiate(Box::new(crate::entry::EntryBody::ProposalSupported(ProposalRef {
        process: 1,
        proposal: 1,
    })));
    let principals = [
        Principal::System,
        Principal::Delegate(f.sec),
        Principal::Delegate(f.chair),
        Principal::Delegate(f.head),
        Principal::Delegate(f.delegate),
        Principal::Delegate(f.adviser),
        Principal::Delegate(f.observer),
        Principal::Delegate(f.withdrawn),
    ];
    let actions = [open, admit, support, withdraw(f.delegate), withdraw(f.sec), withdraw(f.chair)];
    let before = f.state.clone();
    let mut allowed = 0;
    for who in principals {
        for action in &actions {
            let may = f.state.may(who, action);
            let prepared = f.state.prepare(who, action.clone()).map(|_| ());
            assert_eq!(may, prepared, "{who:?} {action:?}");
            allowed += usize::from(may.is_ok());
        }
    }
    assert_eq!(f.state, before, "may changes nothing");
    assert!(allowed > 0 && allowed < principals.len() * actions.len());

    // The rights say what the checks decide.
    for who in principals {
        let rights = f.state.rights(who);
        assert_eq!(rights.may_open_process(), f.state.may(who, &actions[0]).is_ok(), "{who:?}");
        assert_eq!(rights.may_manage(), f.state.may(who, &actions[1]).is_ok(), "{who:?}");
        assert_eq!(rights.may_withdraw_delegate(&code("KEN")), f.state.may(who, &actions[3]).is_ok(), "{who:?}");
    }
    // The negotiation's own check agrees with the rights.
    for who in principals {
        let tables = f.state.actor_for(who).and_then(|actor| crate::negotiation::may_table(&f.state, &actor));
        let rights = f.state.rights(who);
        assert_eq!(tables.ok().as_ref(), rights.negotiates_for(), "{who:?}");
    }
    // The last secretariat officer is not withdrawn, though the rights allow it.
    let sec = Principal::Delegate(f.sec);
    let refusal = f.state.may(sec, &withdraw(f.sec)).unwrap_err();
    assert_eq!(refusal.code, "last_secretariat");
    assert!(f.state.rights(sec).may_withdraw(f.state.delegate(f.sec).unwrap()));
    // The refusal is the check's own.
    let refusal = f.state.may(Principal::Delegate(f.delegate), &withdraw(f.head)).unwrap_err();
    assert_eq!(refusal.code, "secretariat_only");
    assert_eq!(
        refusal.message,
        "only the secretariat or the head of the delegation concerned withdraws an accreditation"
    );
}
