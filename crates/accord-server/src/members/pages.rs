//! The web pages of members: the list, admission, a member with its
//! delegation and keys, accreditation, status and suspension, withdrawal
//! and password reset of delegates, officers, and the forms that register
//! and revoke a member's signing keys.

use accord_domain::ids::{DisplayName, Reason};
use accord_domain::state::{Action, Affiliation, MemberKind, MemberRole, MemberStatus, OrganisationCategory};
use accord_domain::MemberCode;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::actions::{self, Recording};
use super::api;
use crate::http::auth::{MaybeUser, WebUser};
use crate::http::error::ApiError;
use crate::http::ids::{DelegateParam, KeyParam, MemberParam};
use crate::http::page::PageQuery;
use crate::http::page::{
    error_page, notice_text, render, role_label, with_csrf, Chrome, CsrfForm, InPage, NoticeQuery, RequireUser,
    WithCsrf,
};
use crate::http::signing::{PageSign, SignFields};
use crate::AppState;

pub fn routes() -> crate::http::routes::Routes {
    crate::http::routes::Routes::new()
        .get("/members", members)
        .post("/members", admit)
        .get("/members/new", admit_form)
        .get("/members/{code}", member)
        .post("/members/{code}/delegates", accredit)
        .post("/members/{code}/status", change_status)
        .post("/members/{code}/suspension", suspend)
        .post("/members/{code}/reinstatement", reinstate)
        .post("/delegates/{id}/withdraw", withdraw)
        .post("/delegates/{id}/password-reset", reset_password)
        .get("/officers", officers)
        .post("/officers", appoint)
        .merge(key_routes())
}

// ---- members ----

struct MemberRow {
    code: String,
    name: String,
    kind: String,
    status: String,
    status_label: String,
    suspended: bool,
}

#[derive(Template)]
#[template(path = "members.html")]
struct MembersPage {
    chrome: Chrome,
    notice: Option<String>,
    rows: Vec<MemberRow>,
    kind: String,
    status: String,
    q: String,
    total: usize,
}

#[derive(Deserialize)]
struct MembersQuery {
    kind: Option<String>,
    status: Option<String>,
    q: Option<String>,
    notice: Option<String>,
}

/// A member's kind in words: a state, or an organisation by its category.
fn kind_label(kind: MemberKind, category: Option<OrganisationCategory>) -> String {
    match (kind, category) {
        (MemberKind::State, _) => crate::t("ppl-kind-state"),
        (MemberKind::Organisation, Some(c)) => category_label(c),
        (MemberKind::Organisation, None) => crate::t("ppl-kind-organisation"),
    }
}

/// An organisation's category in words.
fn category_label(category: OrganisationCategory) -> String {
    match category {
        OrganisationCategory::IntergovernmentalOrganisation => crate::t("ppl-category-intergovernmental_organisation"),
        OrganisationCategory::Ngo => crate::t("ppl-category-ngo"),
        OrganisationCategory::PrivateSector => crate::t("ppl-category-private_sector"),
        OrganisationCategory::Academia => crate::t("ppl-category-academia"),
        OrganisationCategory::TechnicalCommunity => crate::t("ppl-category-technical_community"),
        OrganisationCategory::Individual => crate::t("ppl-category-individual"),
    }
}

/// A member's status in words, as its tag shows it.
fn status_label(status: MemberStatus) -> String {
    match status {
        MemberStatus::Member => crate::t("ppl-status-member"),
        MemberStatus::Observer => crate::t("ppl-status-observer"),
    }
}

async fn members(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    query: Result<Query<MembersQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Ok(Query(q)) = query else {
        return error_page(&app, &user, ApiError::bad_request("malformed_query", "the filter is malformed"));
    };
    let kind = match q.kind.as_deref().filter(|k| !k.is_empty()).map(api::parse_kind).transpose() {
        Ok(k) => k,
        Err(e) => return error_page(&app, &user, e),
    };
    let status = match q.status.as_deref().filter(|s| !s.is_empty()).map(api::parse_status).transpose() {
        Ok(s) => s,
        Err(e) => return error_page(&app, &user, e),
    };
    let needle = q.q.clone().unwrap_or_default().trim().to_lowercase();
    let chrome = Chrome::new(&app, &user, "members");
    let page = {
        let state = app.store.state();
        let rows: Vec<MemberRow> = state
            .members
            .values()
            .filter(|m| kind.is_none_or(|k| m.kind == k) && status.is_none_or(|s| m.status == s))
            .filter(|m| {
                needle.is_empty()
                    || m.name.as_str().to_lowercase().contains(&needle)
                    || m.code.as_str().to_lowercase() == needle
            })
            .map(|m| MemberRow {
                code: m.code.to_string(),
                name: m.name.to_string(),
                kind: kind_label(m.kind, m.category),
                status: m.status.as_str().into(),
                status_label: status_label(m.status),
                suspended: m.suspended.is_some(),
            })
            .collect();
        MembersPage {
            chrome,
            notice: notice_text(q.notice.as_deref()),
            total: state.members.len(),
            rows,
            kind: q.kind.unwrap_or_default(),
            status: q.status.unwrap_or_default(),
            q: q.q.unwrap_or_default(),
        }
    };
    render(StatusCode::OK, page)
}

struct DelegateRow {
    id: String,
    name: String,
    role: String,
    can_withdraw: bool,
}

struct KeyRow {
    id: String,
    label: String,
    public_key: String,
    registered_entry: u64,
    revoked_entry: Option<u64>,
}

#[derive(Template)]
#[template(path = "member.html")]
struct MemberPage {
    chrome: Chrome,
    notice: Option<String>,
    error: Option<String>,
    code: String,
    name: String,
    kind: String,
    status: String,
    status_label: String,
    suspended: Option<String>,
    admitted_entry: u64,
    /// The entry from which every action in the member's name must be
    /// signed, if it declared so.
    signatures_required: Option<u64>,
    /// How many signing keys the member has, not revoked.
    active_keys: usize,
    /// Its keys, revoked ones included.
    keys: Vec<KeyRow>,
    /// The user is this member's head of delegation.
    own_head: bool,
    delegation: Vec<DelegateRow>,
    has_head: bool,
    can_manage: bool,
    form_name: String,
    form_email: String,
    form_role: String,
    accredited: Option<Accredited>,
}

/// Shown once after an accreditation or appointment.
pub struct Accredited {
    id: String,
    name: String,
    email: String,
    initial_password: Option<String>,
}

#[derive(Deserialize, Default)]
struct AccreditForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    password: String,
}

fn member_page(
    app: &AppState,
    user: &Option<WebUser>,
    code: &MemberCode,
    notice: Option<String>,
    form: AccreditForm,
    error: Option<String>,
    accredited: Option<Accredited>,
) -> Result<MemberPage, ApiError> {
    let chrome = Chrome::new(app, user, "members");
    let state = app.store.state();
    let m = state.member(code).ok_or_else(|| {
        ApiError::not_found("unknown_member", format!("{code} is not a member or observer of this forum"))
    })?;
    let rights = user.as_ref().map(|u| state.rights(u.principal())).unwrap_or_default();
    let delegation: Vec<DelegateRow> = state
        .delegation(code)
        .map(|d| DelegateRow {
            id: d.id.to_string(),
            name: d.name.to_string(),
            role: role_label(d.role_code()),
            can_withdraw: rights.may_withdraw(d),
        })
        .collect();
    let has_head = state
        .delegation(code)
        .any(|d| matches!(d.affiliation, Affiliation::Member { role: MemberRole::HeadOfDelegation, .. }));
    Ok(MemberPage {
        chrome,
        notice,
        error,
        code: code.to_string(),
        name: m.name.to_string(),
        kind: kind_label(m.kind, m.category),
        status: m.status.as_str().into(),
        status_label: status_label(m.status),
        suspended: m.suspended.as_ref().map(|r| {
            if r.as_str().is_empty() {
                crate::t("ppl-no-reason")
            } else {
                r.to_string()
            }
        }),
        admitted_entry: m.admitted_entry,
        signatures_required: m.signatures_required,
        active_keys: m.keys.values().filter(|k| k.revoked_entry.is_none()).count(),
        keys: m
            .keys
            .iter()
            .map(|(id, k)| KeyRow {
                id: id.clone(),
                label: k.label.to_string(),
                public_key: k.public_key.clone(),
                registered_entry: k.registered_entry,
                revoked_entry: k.revoked_entry,
            })
            .collect(),
        own_head: rights.is_head_of(code),
        has_head,
        delegation,
        can_manage: rights.may_manage(),
        form_name: form.name,
        form_email: form.email,
        form_role: form.role,
        accredited,
    })
}

/// A member's page showing a refusal (with the refusal's status).
fn member_error(app: &AppState, user: &Option<WebUser>, code: &MemberCode, e: ApiError) -> Response {
    match member_page(app, user, code, None, AccreditForm::default(), Some(e.message.clone()), None) {
        Ok(page) => render(e.status, page),
        Err(_) => error_page(app, user, e),
    }
}

async fn member(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    InPage(MemberParam(code)): InPage<MemberParam>,
    PageQuery(q): PageQuery<NoticeQuery>,
) -> Response {
    match member_page(&app, &user, &code, notice_text(q.notice.as_deref()), AccreditForm::default(), None, None) {
        Ok(page) => render(StatusCode::OK, page),
        Err(e) => error_page(&app, &user, e),
    }
}

async fn accredit(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(MemberParam(code)): InPage<MemberParam>,
    form: CsrfForm<AccreditForm>,
) -> Response {
    let user = Some(u.clone());
    let result = async {
        let form = form.check(&u)?;
        let member = code.clone();
        let name = DisplayName::parse(&form.name)?;
        let role = api::parse_member_role(&form.role)?;
        let action = Action::AccreditDelegate { member, name, role };
        app.store.state().prepare(u.principal(), action.clone())?;
        let password = Some(form.password.as_str()).filter(|p| !p.is_empty());
        let (private, initial) = api::account_for(&form.email, password).await?;
        let appended = app.store.submit(u.principal(), action, Some(private)).await?;
        api::delegate_recorded(&app, &appended, initial)
    }
    .await;
    match result {
        Ok(done) => {
            let accredited = Accredited {
                id: done.delegate.id,
                name: done.delegate.name,
                email: form.as_sent().email.trim().to_lowercase(),
                initial_password: done.initial_password,
            };
            match member_page(&app, &user, &code, None, AccreditForm::default(), None, Some(accredited)) {
                Ok(page) => render(StatusCode::CREATED, page),
                Err(e) => error_page(&app, &user, e),
            }
        }
        Err(e) => {
            let status = e.status;
            match member_page(
                &app,
                &user,
                &code,
                None,
                AccreditForm { password: String::new(), ..form.into_sent() },
                Some(e.message),
                None,
            ) {
                Ok(page) => render(status, page),
                Err(e) => error_page(&app, &user, e),
            }
        }
    }
}

#[derive(Deserialize)]
struct StatusForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    status: String,
}

#[derive(Deserialize)]
struct ReasonForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    reason: String,
    #[serde(flatten)]
    sign: crate::http::signing::SignFields,
}

/// The one way a form on a member's page acts: the form's CSRF token, the member's code, the action `make` builds, its
/// recording, and the answer: the member's page with `notice` (at
/// `anchor`), or the page again with the refusal.
#[allow(clippy::too_many_arguments)] // each is a part of the form's answer
async fn member_form<T: WithCsrf>(
    app: &AppState,
    u: &WebUser,
    code: &MemberCode,
    form: &CsrfForm<T>,
    recording: Recording<'_>,
    notice: &str,
    anchor: &str,
    make: impl FnOnce(MemberCode, &T) -> Result<Action, ApiError>,
) -> Response {
    let result = async {
        let form = form.check(u)?;
        let member = code.clone();
        actions::record_form(app, u, recording, make(member.clone(), form)?).await?;
        Ok::<_, ApiError>(member)
    }
    .await;
    match result {
        Ok(member) => Redirect::to(&format!("/members/{member}?notice={notice}{anchor}")).into_response(),
        Err(e) => member_error(app, &Some(u.clone()), code, e),
    }
}

async fn change_status(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(MemberParam(code)): InPage<MemberParam>,
    form: CsrfForm<StatusForm>,
) -> Response {
    member_form(&app, &u, &code, &form, Recording::AsIs, "status", "", |code, form| {
        actions::change_status(code, &form.status)
    })
    .await
}

async fn suspend(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(MemberParam(code)): InPage<MemberParam>,
    form: CsrfForm<ReasonForm>,
) -> Response {
    member_form(&app, &u, &code, &form, Recording::AsIs, "suspended", "", |code, form| {
        actions::suspend(code, &form.reason)
    })
    .await
}

async fn reinstate(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(MemberParam(code)): InPage<MemberParam>,
    form: CsrfForm<ReasonForm>,
) -> Response {
    member_form(&app, &u, &code, &form, Recording::AsIs, "reinstated", "", |code, _| Ok(actions::reinstate(code))).await
}

async fn withdraw(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(DelegateParam(delegate)): InPage<DelegateParam>,
    sign: crate::http::signing::PageSign,
    form: CsrfForm<ReasonForm>,
) -> Response {
    let user = Some(u.clone());
    let result = async {
        let form = form.check(&u)?;
        let reason = Reason::parse(&form.reason)?;
        let action = Action::WithdrawAccreditation { delegate, reason };
        crate::http::signing::submit(&app, &u, &sign, &form.sign, action).await?;
        let back = app
            .store
            .state()
            .delegate(delegate)
            .and_then(|d| d.member().map(|m| format!("/members/{m}")))
            .unwrap_or_else(|| "/officers".into());
        Ok::<_, ApiError>(back)
    }
    .await;
    match result {
        Ok(back) => Redirect::to(&format!("{back}?notice=withdrawn")).into_response(),
        Err(e) => error_page(&app, &user, e),
    }
}

#[derive(Template)]
#[template(path = "reset.html")]
struct ResetPage {
    chrome: Chrome,
    id: String,
    name: String,
    initial_password: String,
}

async fn reset_password(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(DelegateParam(id)): InPage<DelegateParam>,
    form: CsrfForm<ReasonForm>,
) -> Response {
    let user = Some(u.clone());
    let result = async {
        form.check(&u)?;
        let password = api::reset_password_for(&app, &u.delegate, id).await?;
        let name = app.store.state().delegate(id).map(|d| d.name.to_string()).unwrap_or_default();
        Ok::<_, ApiError>((id, name, password))
    }
    .await;
    match result {
        Ok((id, name, initial_password)) => render(
            StatusCode::OK,
            ResetPage { chrome: Chrome::new(&app, &user, ""), id: id.to_string(), name, initial_password },
        ),
        Err(e) => error_page(&app, &user, e),
    }
}

// ---- admission ----

#[derive(Template)]
#[template(path = "admit.html")]
struct AdmitPage {
    chrome: Chrome,
    error: Option<String>,
    form: AdmitForm,
    categories: Vec<(String, String)>,
}

#[derive(Deserialize, Default)]
struct AdmitForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    status: String,
}

fn categories() -> Vec<(String, String)> {
    OrganisationCategory::ALL.iter().map(|c| (c.as_str().to_owned(), category_label(*c))).collect()
}

async fn admit_form(State(app): State<AppState>, RequireUser(u): RequireUser) -> Response {
    let user = Some(u.clone());
    if !app.store.state().rights(u.principal()).may_manage() {
        return error_page(&app, &user, ApiError::forbidden("secretariat_only", "only the secretariat admits members"));
    }
    let form = AdmitForm { kind: "state".into(), status: "member".into(), ..Default::default() };
    render(
        StatusCode::OK,
        AdmitPage { chrome: Chrome::new(&app, &user, "members"), error: None, form, categories: categories() },
    )
}

async fn admit(State(app): State<AppState>, RequireUser(u): RequireUser, form: CsrfForm<AdmitForm>) -> Response {
    let user = Some(u.clone());
    let result = async {
        let form = form.check(&u)?;
        let request = api::AdmitMemberRequest {
            code: form.code.clone(),
            name: Some(form.name.clone()),
            kind: form.kind.clone(),
            category: Some(form.category.clone()).filter(|c| !c.is_empty() && form.kind == "organisation"),
            status: Some(form.status.clone()).filter(|s| !s.is_empty()),
        };
        let (code, action) = request.into_action()?;
        app.store.submit(u.principal(), action, None).await?;
        Ok::<_, ApiError>(code)
    }
    .await;
    match result {
        Ok(code) => Redirect::to(&format!("/members/{code}?notice=admitted")).into_response(),
        Err(e) => render(
            e.status,
            AdmitPage {
                chrome: Chrome::new(&app, &user, "members"),
                error: Some(e.message),
                form: form.into_sent(),
                categories: categories(),
            },
        ),
    }
}

// ---- officers ----

#[derive(Template)]
#[template(path = "officers.html")]
struct OfficersPage {
    chrome: Chrome,
    notice: Option<String>,
    error: Option<String>,
    officers: Vec<DelegateRow>,
    form_name: String,
    form_email: String,
    form_role: String,
    accredited: Option<Accredited>,
}

fn officers_page(
    app: &AppState,
    user: &Option<WebUser>,
    notice: Option<String>,
    error: Option<String>,
    form: AccreditForm,
    accredited: Option<Accredited>,
) -> OfficersPage {
    let state = app.store.state();
    let rights = user.as_ref().map(|u| state.rights(u.principal())).unwrap_or_default();
    let officers = state
        .officers()
        .map(|d| DelegateRow {
            id: d.id.to_string(),
            name: d.name.to_string(),
            role: role_label(d.role_code()),
            can_withdraw: rights.may_withdraw(d),
        })
        .collect();
    OfficersPage {
        chrome: Chrome::new(app, user, "officers"),
        notice,
        error,
        officers,
        form_name: form.name,
        form_email: form.email,
        form_role: form.role,
        accredited,
    }
}

async fn officers(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    PageQuery(q): PageQuery<NoticeQuery>,
) -> Response {
    render(
        StatusCode::OK,
        officers_page(&app, &user, notice_text(q.notice.as_deref()), None, AccreditForm::default(), None),
    )
}

async fn appoint(State(app): State<AppState>, RequireUser(u): RequireUser, form: CsrfForm<AccreditForm>) -> Response {
    let user = Some(u.clone());
    let result = async {
        let form = form.check(&u)?;
        let name = DisplayName::parse(&form.name)?;
        let role = api::parse_officer_role(&form.role)?;
        let action = Action::AppointOfficer { name, role };
        app.store.state().prepare(u.principal(), action.clone())?;
        let password = Some(form.password.as_str()).filter(|p| !p.is_empty());
        let (private, initial) = api::account_for(&form.email, password).await?;
        let appended = app.store.submit(u.principal(), action, Some(private)).await?;
        api::delegate_recorded(&app, &appended, initial)
    }
    .await;
    match result {
        Ok(done) => {
            let accredited = Accredited {
                id: done.delegate.id,
                name: done.delegate.name,
                email: form.as_sent().email.trim().to_lowercase(),
                initial_password: done.initial_password,
            };
            render(
                StatusCode::CREATED,
                officers_page(&app, &user, None, None, AccreditForm::default(), Some(accredited)),
            )
        }
        Err(e) => render(
            e.status,
            officers_page(
                &app,
                &user,
                None,
                Some(e.message),
                AccreditForm { password: String::new(), ..form.into_sent() },
                None,
            ),
        ),
    }
}

// ---- the member's keys, from the pages ----

fn key_routes() -> crate::http::routes::Routes {
    crate::http::routes::Routes::new()
        .post("/members/{code}/keys", register_key)
        .post("/members/{code}/keys/{key}/revoke", revoke_key)
        .post("/members/{code}/signatures-required", require_signatures)
}

#[derive(Deserialize)]
struct KeyForm {
    csrf: String,
    #[serde(default)]
    public_key: String,
    #[serde(default)]
    label: String,
    #[serde(flatten)]
    sign: SignFields,
}

#[derive(Deserialize)]
struct SignedCsrfForm {
    csrf: String,
    #[serde(flatten)]
    sign: SignFields,
}

async fn register_key(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(MemberParam(code)): InPage<MemberParam>,
    sign: PageSign,
    form: CsrfForm<KeyForm>,
) -> Response {
    let recording = Recording::ForTheMember(&sign, &form.as_sent().sign);
    member_form(&app, &u, &code, &form, recording, "key_registered", "#keys", |member, form| {
        actions::register_key(member, form.public_key.trim().to_owned(), &form.label)
    })
    .await
}

async fn revoke_key(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(MemberParam(code)): InPage<MemberParam>,
    InPage(KeyParam(key)): InPage<KeyParam>,
    sign: PageSign,
    form: CsrfForm<SignedCsrfForm>,
) -> Response {
    let recording = Recording::ForTheMember(&sign, &form.as_sent().sign);
    member_form(&app, &u, &code, &form, recording, "key_revoked", "#keys", |member, _| {
        Ok(actions::revoke_key(member, key))
    })
    .await
}

async fn require_signatures(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(MemberParam(code)): InPage<MemberParam>,
    sign: PageSign,
    form: CsrfForm<SignedCsrfForm>,
) -> Response {
    let recording = Recording::ForTheMember(&sign, &form.as_sent().sign);
    member_form(&app, &u, &code, &form, recording, "signatures_required", "#keys", |member, _| {
        Ok(actions::require_signatures(member))
    })
    .await
}

with_csrf!(AccreditForm, AdmitForm, ReasonForm, StatusForm, KeyForm, SignedCsrfForm);
