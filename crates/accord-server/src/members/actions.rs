//! From a parsed request to the record, for members: each action is built
//! here from what the API or a page was given, and recorded by
//! [`record`], so that the API and the pages cannot drift apart.

use accord_domain::ids::{DisplayName, Reason};
use accord_domain::state::{Action, Principal};
use accord_domain::MemberCode;
use accord_store::Appended;

use super::api::parse_status;
use crate::http::auth::WebUser;
use crate::http::error::ApiError;
use crate::http::signing::{self, PageSign, SignFields};
use crate::AppState;

/// A member becomes a member or an observer (`status`).
pub(crate) fn change_status(code: MemberCode, status: &str) -> Result<Action, ApiError> {
    Ok(Action::ChangeMemberStatus { code, status: parse_status(status)? })
}

/// A member is suspended, for `reason` (recorded publicly).
pub(crate) fn suspend(code: MemberCode, reason: &str) -> Result<Action, ApiError> {
    Ok(Action::SuspendMember { code, reason: Reason::parse(reason)? })
}

/// A member's suspension ends.
pub(crate) fn reinstate(code: MemberCode) -> Action {
    Action::ReinstateMember { code }
}

/// A member registers a signing key (its public key as given, and a label).
pub(crate) fn register_key(member: MemberCode, public_key: String, label: &str) -> Result<Action, ApiError> {
    Ok(Action::RegisterMemberKey { member, public_key, label: DisplayName::parse(label)? })
}

/// A member revokes one of its keys.
pub(crate) fn revoke_key(member: MemberCode, key: String) -> Action {
    Action::RevokeMemberKey { member, key }
}

/// From now on every action in the member's name must be signed.
pub(crate) fn require_signatures(member: MemberCode) -> Action {
    Action::RequireSignatures { member }
}

/// How a page's form is recorded.
pub(crate) enum Recording<'a> {
    /// As the user's own act (an officer's).
    AsIs,
    /// In the member's name: prepared for signing, or signed, or refused
    /// unsigned where the member requires signatures ([`signing::submit`]).
    ForTheMember(&'a PageSign, &'a SignFields),
}

/// Records `action` for the API's caller.
pub(crate) async fn record(app: &AppState, by: Principal, action: Action) -> Result<Appended, ApiError> {
    Ok(app.store.submit(by, action, None).await?)
}

/// Records `action` from a page's form, as `recording` says.
pub(crate) async fn record_form(
    app: &AppState,
    u: &WebUser,
    recording: Recording<'_>,
    action: Action,
) -> Result<Appended, ApiError> {
    match recording {
        Recording::AsIs => record(app, u.principal(), action).await,
        Recording::ForTheMember(sign, fields) => signing::submit(app, u, sign, fields, action).await,
    }
}
