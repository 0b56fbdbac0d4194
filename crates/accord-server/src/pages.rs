//! The web application: server-rendered pages that work without JavaScript.
//!
//! Every page gets a [`Chrome`] (forum name, the logged-in user, their CSRF
//! token). Forms post back as `application/x-www-form-urlencoded`; on
//! success the handler redirects (303) to a page that shows the result; on
//! a refusal it renders the form again with the error and the status the
//! API would answer, having changed nothing.
//!
//! Pages show every piece of user text in its own isolate: `<bdi>` around
//! names, titles, labels, reasons and statements, `dir="auto"` on text
//! fields and on a provision's words, so that no text can reorder the page
//! around it.

use accord_domain::ids::{DisplayName, NewPassword, Reason};
use accord_domain::state::{
    Action, Affiliation, Delegate, MemberKind, MemberRole, MemberStatus, OfficerRole, OrganisationCategory,
};
use accord_domain::{DelegateId, Entry, MemberCode};
use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{FromRequest, Path, Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;

use crate::api::{self, rfc3339};
use crate::auth::{self, ClientAddr, MaybeUser, WebUser};
use crate::error::ApiError;
use crate::AppState;

pub fn routes() -> crate::routes::Routes {
    crate::routes::Routes::new()
        .get("/", home)
        .get("/assets/accord.css", css)
        .get("/assets/accord.js", js)
        .get("/assets/signing.js", signing_js)
        .get("/assets/favicon.svg", favicon)
        .get("/favicon.ico", favicon)
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
        .get("/record", record)
        .get("/record/{index}", entry)
        .get("/login", login_form)
        .post("/login", login)
        .post("/logout", logout)
        .get("/account", account)
        .post("/account/password", change_password)
        .post("/account/tokens", create_token)
        .post("/account/tokens/{id}/revoke", revoke_token)
}

async fn css() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")],
        include_str!("../assets/accord.css"),
    )
}

/// The forum's mark; also answers the `/favicon.ico` that browsers ask for.
async fn favicon() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "public, max-age=86400")],
        include_str!("../assets/favicon.svg"),
    )
}

async fn js() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")],
        include_str!("../assets/accord.js"),
    )
}

/// The script that makes a signing key in the browser and signs the
/// member's actions with it (see [`crate::signing`]).
async fn signing_js() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")],
        include_str!("../assets/signing.js"),
    )
}

// ---- the frame of every page ----

/// What the page frame shows: the forum, and who is logged in.
pub struct Chrome {
    pub forum_name: String,
    pub record_size: u64,
    pub user: Option<UserChrome>,
    pub nav: &'static str,
    /// The logged-in delegate's member and its signatures.
    pub signing: Option<crate::signing::SigningChrome>,
}

pub struct UserChrome {
    pub id: String,
    pub name: String,
    pub role: String,
    pub member: Option<String>,
    pub csrf: String,
    pub is_secretariat: bool,
    pub must_change_password: bool,
}

impl Chrome {
    pub(crate) fn new(app: &AppState, user: &Option<WebUser>, nav: &'static str) -> Chrome {
        let state = app.store.state();
        Chrome {
            forum_name: state.forum.as_ref().map(|f| f.name.to_string()).unwrap_or_else(|| "Accord".into()),
            record_size: state.next_index,
            user: user.as_ref().map(|u| UserChrome {
                id: u.delegate.id.to_string(),
                name: u.delegate.name.to_string(),
                role: u.delegate.role_label().into(),
                member: u.delegate.member().map(|m| m.to_string()),
                csrf: u.csrf.clone(),
                is_secretariat: is_secretariat(&u.delegate),
                must_change_password: u.must_change_password,
            }),
            nav,
            signing: user.as_ref().and_then(|u| crate::signing::SigningChrome::of(&state, u)),
        }
    }
    pub fn csrf(&self) -> &str {
        self.user.as_ref().map_or("", |u| u.csrf.as_str())
    }
    pub fn is_secretariat(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.is_secretariat)
    }
}

fn is_secretariat(d: &Delegate) -> bool {
    d.officer_role() == Some(OfficerRole::Secretariat)
}

/// Renders a template with a status.
pub(crate) fn render(status: StatusCode, t: impl Template) -> Response {
    match t.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "the page could not be rendered").into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: Chrome,
    title: String,
    message: String,
    code: String,
    /// The request asked for a change (not a GET): the page says that
    /// nothing was changed.
    asked_for_a_change: bool,
}

tokio::task_local! {
    /// Whether the request being answered may change something (its
    /// method is not GET or HEAD), for [`error_page`], which 56 handlers
    /// call without the request at hand.
    static ASKS_FOR_A_CHANGE: bool;
}

/// Middleware: makes the request's method known to [`error_page`].
pub(crate) async fn note_method(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let change = !matches!(*request.method(), axum::http::Method::GET | axum::http::Method::HEAD);
    ASKS_FOR_A_CHANGE.scope(change, next.run(request)).await
}

/// An error as a page.
pub(crate) fn error_page(app: &AppState, user: &Option<WebUser>, e: ApiError) -> Response {
    let title = match e.status {
        StatusCode::NOT_FOUND => "Not found",
        StatusCode::FORBIDDEN => "Not allowed",
        StatusCode::UNAUTHORIZED => "Please log in",
        StatusCode::TOO_MANY_REQUESTS => "Too many attempts",
        s if s.is_server_error() => "Something went wrong",
        _ => "This cannot be done",
    };
    let status = e.status;
    render(
        status,
        ErrorPage {
            chrome: Chrome::new(app, user, ""),
            title: title.into(),
            message: e.message,
            code: e.code.into(),
            asked_for_a_change: ASKS_FOR_A_CHANGE.try_with(|c| *c).unwrap_or(true),
        },
    )
}

pub async fn not_found(State(app): State<AppState>, MaybeUser(user): MaybeUser, uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") {
        return ApiError::not_found("no_such_endpoint", "there is no such API endpoint: see /api/openapi.json")
            .into_response();
    }
    error_page(&app, &user, ApiError::not_found("not_found", "there is no page at this address"))
}

/// A known address asked with a method it does not answer (405), with a
/// body that says so: JSON for the API, a page otherwise.
pub async fn method_not_allowed(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    method: axum::http::Method,
    uri: axum::http::Uri,
) -> Response {
    let e = ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!("{} does not answer {method}: see /api/openapi.json for what each address answers", uri.path()),
    );
    if uri.path().starts_with("/api/") {
        return e.into_response();
    }
    error_page(&app, &user, e)
}

/// The logged-in user, or a redirect to the log-in page.
#[allow(clippy::result_large_err)] // the Err is the response itself, returned at once
pub(crate) fn require_user(user: &Option<WebUser>, back_to: &str) -> Result<WebUser, Response> {
    match user {
        // An initial password works only to choose one's own.
        Some(u) if u.must_change_password && !back_to.starts_with("/account") => {
            Err(Redirect::to("/account?notice=choose_password").into_response())
        }
        Some(u) => Ok(u.clone()),
        None => Err(Redirect::to(&format!("/login?next={}", urlencode(back_to))).into_response()),
    }
}

pub(crate) fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `Form<T>` whose rejection is an error page.
pub struct PageForm<T>(pub T);

impl<T: serde::de::DeserializeOwned> FromRequest<AppState> for PageForm<T> {
    type Rejection = Response;
    async fn from_request(req: Request, app: &AppState) -> Result<Self, Self::Rejection> {
        // Who is asking, for the page frame of a refusal (a logged-in
        // delegate keeps seeing their name, not "Log in").
        let (mut parts, body) = req.into_parts();
        let user = <MaybeUser as axum::extract::FromRequestParts<AppState>>::from_request_parts(&mut parts, app)
            .await
            .map(|u| u.0)
            .unwrap_or(None);
        let req = Request::from_parts(parts, body);
        match Form::<T>::from_request(req, app).await {
            Ok(Form(v)) => Ok(PageForm(v)),
            Err(e) => {
                let status = match &e {
                    FormRejection::BytesRejection(b) if b.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                        StatusCode::PAYLOAD_TOO_LARGE
                    }
                    FormRejection::InvalidFormContentType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    _ => StatusCode::BAD_REQUEST,
                };
                let text = e.body_text();
                // A form without its anti-forgery token was not sent by one
                // of Accord's pages (or the page is very old): say so.
                let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
                    format!(
                        "the form is larger than this page accepts ({} KiB; a zero draft may have {} MiB)",
                        crate::MAX_BODY / 1024,
                        accord_domain::negotiation::markdown::DRAFT_MAX_BYTES / (1024 * 1024)
                    )
                } else if text.contains("missing field `csrf`") {
                    "the form was not sent from one of this forum's pages (its security token is missing): reload \
                     the page and send it again"
                        .to_owned()
                } else if let Some(field) = text.split("missing field `").nth(1).and_then(|r| r.split('`').next()) {
                    format!("the form lacks its field {field:?}: reload the page and fill it in again")
                } else {
                    let text = text.strip_prefix("Failed to deserialize form body: ").unwrap_or(&text);
                    format!("the form could not be read: {}", crate::error::plain_serde_message(text))
                };
                let err = ApiError::new(status, "malformed_form", message);
                Err(error_page(app, &user, err))
            }
        }
    }
}

/// Messages shown after a successful form, chosen by code so that a link
/// cannot put words in Accord's mouth.
pub(crate) fn notice_text(code: Option<&str>) -> Option<&'static str> {
    Some(match code? {
        "admitted" => "The member was admitted. The entry is in the record.",
        "status" => "The status was changed. The entry is in the record.",
        "suspended" => "The member was suspended. The entry is in the record.",
        "reinstated" => "The suspension was ended. The entry is in the record.",
        "withdrawn" => "The accreditation was withdrawn. The entry is in the record.",
        "password" => "Your password was changed. Your other browsers are logged out.",
        "password_tokens" => {
            "Your password was changed. Your other browsers are logged out and your API tokens are revoked."
        }
        "revoked" => "The token was revoked.",
        "logged_in" => "You are logged in.",
        "logged_out" => "You are logged out.",
        "choose_password" => "Choose your own password to continue: the one you received works only once.",
        "opened" => "The process is open with its zero draft. The entry is in the record.",
        "tabled" => "Your proposal is tabled. The entry is in the record.",
        "support" => "Your support is recorded.",
        "objection" => "Your objection is recorded.",
        "cosponsor" => "Your co-sponsorship is recorded.",
        "uncosponsor" => "Your co-sponsorship is withdrawn.",
        "withdraw" => "The proposal is withdrawn.",
        "agree" => "The proposal is agreed into the text: a new version is made.",
        "reject" => "The proposal is rejected.",
        "reanchor" => "The proposal is anchored on the latest version.",
        "chair_text" => "The chair's text replaces the bracket: a new version is made.",
        "revision" => "The revision is issued.",
        "key_registered" => "The signing key is registered. The entry is in the record.",
        "key_revoked" => "The signing key is revoked. The entry is in the record.",
        "signatures_required" => {
            "From now on every action in the member's name must be signed. The entry is in the record."
        }
        _ => return None,
    })
}

#[derive(Deserialize, Default)]
pub(crate) struct NoticeQuery {
    pub(crate) notice: Option<String>,
}

// ---- home ----

struct EntryRow {
    index: u64,
    time: String,
    actor: String,
    kind: String,
    summary: String,
}

fn entry_row(e: &Entry, state: &accord_domain::State) -> EntryRow {
    EntryRow {
        index: e.index,
        time: rfc3339(e.time).replace('T', " ").trim_end_matches('Z').chars().take(19).collect(),
        actor: describe_actor(&e.actor, state),
        kind: e.body.kind().into(),
        summary: summarise(&e.body),
    }
}

fn describe_actor(actor: &accord_domain::Actor, state: &accord_domain::State) -> String {
    use accord_domain::Actor;
    match actor {
        Actor::System => "Operator (console)".into(),
        Actor::Delegate { delegate, member } => {
            let name = state.delegate(*delegate).map(|d| d.name.to_string()).unwrap_or_default();
            format!("{name} ({delegate}, {member})")
        }
        Actor::Officer { delegate, role } => {
            let name = state.delegate(*delegate).map(|d| d.name.to_string()).unwrap_or_default();
            format!("{name} ({delegate}, {})", role.label())
        }
    }
}

fn summarise(body: &accord_domain::EntryBody) -> String {
    use accord_domain::EntryBody as B;
    match body {
        B::ForumEstablished(s) => format!("Forum established: {}", s.name),
        B::ForumSettingsChanged(s) => format!(
            "Forum settings: {}, languages {}",
            s.name,
            s.languages.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(", ")
        ),
        B::MemberAdmitted(m) => format!("{} ({}) admitted as {}", m.name, m.code, m.status.as_str()),
        B::MemberStatusChanged(c) => format!("{} now has status {}", c.code, c.status.as_str()),
        B::MemberSuspended(s) => format!(
            "{} suspended{}",
            s.code,
            if s.reason.as_str().is_empty() { String::new() } else { format!(": {}", s.reason) }
        ),
        B::MemberReinstated(r) => format!("{} reinstated", r.code),
        B::DelegateAccredited(a) => {
            format!("{} ({}) accredited to {} as {}", a.name, a.delegate, a.member, a.role.label().to_lowercase())
        }
        B::OfficerAppointed(o) => format!("{} ({}) appointed {}", o.name, o.delegate, o.role.label().to_lowercase()),
        B::MemberKeyRegistered(k) => format!("{} registered a signing key ({}, {})", k.member, k.key, k.label),
        B::MemberKeyRevoked(k) => format!("{} revoked its signing key {}", k.member, k.key),
        B::MemberSignaturesRequired(r) => {
            format!("{} requires its signature on every action in its name from now on", r.member)
        }
        B::AccreditationWithdrawn(w) => format!(
            "Accreditation of {} withdrawn{}",
            w.delegate,
            if w.reason.as_str().is_empty() { String::new() } else { format!(": {}", w.reason) }
        ),
        B::ProcessOpened(p) => format!("Process opened: {} (zero draft {})", p.title, &p.draft.hex()[..12]),
        B::ProposalTabled(t) => format!(
            "Proposal tabled in process {}: {} on {}",
            t.process,
            t.kind.label(),
            accord_domain::negotiation::text::label_of(&t.eid)
        ),
        B::ProposalSupported(r) => format!("Support for P-{} (process {})", r.proposal, r.process),
        B::ProposalObjected(r) => format!("Objection to P-{} (process {})", r.proposal, r.process),
        B::ProposalCosponsored(r) => format!("Co-sponsorship of P-{} (process {})", r.proposal, r.process),
        B::ProposalCosponsorshipWithdrawn(r) => {
            format!("Co-sponsorship of P-{} withdrawn (process {})", r.proposal, r.process)
        }
        B::ProposalWithdrawn(r) => format!("P-{} withdrawn by its proposer (process {})", r.proposal, r.process),
        B::ProposalReanchored(r) => {
            format!("P-{} re-anchored on version {} (process {})", r.proposal, r.version, r.process)
        }
        B::ProposalAgreed(r) => format!("P-{} agreed into the text (process {})", r.proposal, r.process),
        B::ProposalRejected(r) => format!("P-{} rejected (process {})", r.proposal, r.process),
        B::ChairTextTabled(c) => format!(
            "Chair's text on {} in place of {} (process {})",
            accord_domain::negotiation::text::label_of(&c.eid),
            c.proposals.iter().map(|p| format!("P-{p}")).collect::<Vec<_>>().join(", "),
            c.process
        ),
        B::RevisionIssued(r) => format!("{} issued (process {})", r.name, r.process),
        B::RulesChanged(r) => match r.process {
            Some(p) => format!("Rules of procedure of process {p} changed"),
            None => "Rules of procedure of the forum changed".into(),
        },
        B::SessionOpened(s) => format!("Session opened: {}", s.title),
        B::MeetingScheduled(m) => format!("Meeting of session {} scheduled on {} at {}", m.session, m.date, m.place),
        B::AttendanceRegistered(a) => format!("Present at meeting {}", a.meeting),
        B::AttendanceCorrected(a) => {
            format!(
                "Attendance at meeting {} corrected: {} {}",
                a.meeting,
                a.member,
                if a.present { "present" } else { "absent" }
            )
        }
        B::VoteOpened(v) => format!("Vote opened on {} (process {})", v.target.label(), v.process),
        B::BallotCast(b) => format!("Ballot in vote {}", b.vote),
        B::VoteExplained(x) => format!("Explanation of vote {}", x.vote),
        B::VoteClosed(v) => format!("Vote {} closed", v.vote),
        B::ConsensusProposed(c) => {
            format!("Adoption of {} proposed by consensus (process {})", c.target.label(), c.process)
        }
        B::ConsensusObjected(o) => format!("Objection to consensus {}", o.consensus),
        B::ConsensusDeclared(c) => format!("Outcome of consensus {} declared", c.consensus),
        B::DecisionConfirmed(d) => format!("Decision {} confirmed", d.decision),
        B::SilenceStarted(s) => format!("Silence procedure on {} (process {})", s.target.label(), s.process),
        B::SilenceBroken(b) => format!("Silence broken (procedure {})", b.silence),
        B::SilenceConcluded(c) => format!("Silence procedure {} concluded", c.silence),
        B::AgendaItemAdded(a) => format!("Agenda of meeting {}: {}", a.meeting, a.title),
        B::FloorRequested(f) => format!("Floor requested on item {} of meeting {}", f.item, f.meeting),
        B::FloorWithdrawn(f) => format!("Request {} on item {} of meeting {} withdrawn", f.request, f.item, f.meeting),
        B::FloorGiven(f) => format!("Next speaker called on item {} of meeting {}", f.item, f.meeting),
        B::SpeakingTimeSet(t) => match t.seconds {
            Some(s) => format!("Speaking time on item {} of meeting {}: {s} s", t.item, t.meeting),
            None => format!("Speaking time on item {} of meeting {} unlimited", t.item, t.meeting),
        },
        B::StatementDelivered(st) => {
            format!("Statement for turn {} on item {} of meeting {}", st.request, st.item, st.meeting)
        }
        B::MeetingOpened(m) => format!("Meeting {} opened", m.meeting),
        B::MeetingClosed(m) => format!("Meeting {} closed", m.meeting),
        B::ImportantQuestionDesignated(q) => {
            format!("{} (process {}) designated an important question", q.target.label(), q.process)
        }
    }
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    chrome: Chrome,
    notice: Option<&'static str>,
    languages: String,
    established: String,
    states: usize,
    organisations: usize,
    members: usize,
    observers: usize,
    delegates: usize,
    officers: Vec<(String, String, String)>,
    recent: Vec<EntryRow>,
    verifier_key: String,
}

async fn home(State(app): State<AppState>, MaybeUser(user): MaybeUser, Query(q): Query<NoticeQuery>) -> Response {
    // The last eight entries: those after index len - 9.
    let len = app.store.len();
    let recent_entries = app.store.entries(len.checked_sub(9), 8);
    let recent_entries = match recent_entries {
        Ok(e) => e,
        Err(e) => return error_page(&app, &user, e.into()),
    };
    // Built before the state is locked: a second read lock while a writer
    // waits would deadlock.
    let chrome = Chrome::new(&app, &user, "home");
    let page = {
        let state = app.store.state();
        let Some(forum) = state.forum.as_ref() else {
            drop(state);
            return error_page(
                &app,
                &user,
                ApiError::not_found("no_forum", "the forum is not established yet: run `accord init`"),
            );
        };
        HomePage {
            chrome,
            notice: notice_text(q.notice.as_deref()),
            languages: forum.languages.iter().map(|l| language_name(l.as_str())).collect::<Vec<_>>().join(", "),
            established: rfc3339(forum.established)[..10].to_owned(),
            states: state.members.values().filter(|m| m.kind == MemberKind::State).count(),
            organisations: state.members.values().filter(|m| m.kind == MemberKind::Organisation).count(),
            members: state.members.values().filter(|m| m.status == MemberStatus::Member).count(),
            observers: state.members.values().filter(|m| m.status == MemberStatus::Observer).count(),
            delegates: state.delegates.values().filter(|d| d.is_active() && d.member().is_some()).count(),
            officers: state
                .officers()
                .map(|o| (o.id.to_string(), o.name.to_string(), o.role_label().to_owned()))
                .collect(),
            recent: recent_entries.iter().rev().map(|e| entry_row(e, &state)).collect(),
            verifier_key: app.log.verifier_key().to_owned(),
        }
    };
    render(StatusCode::OK, page)
}

fn language_name(tag: &str) -> String {
    match tag {
        "ar" => "العربية (Arabic)".into(),
        "zh" => "中文 (Chinese)".into(),
        "en" => "English".into(),
        "fr" => "Français (French)".into(),
        "ru" => "Русский (Russian)".into(),
        "es" => "Español (Spanish)".into(),
        other => other.into(),
    }
}

// ---- members ----

struct MemberRow {
    code: String,
    name: String,
    kind: String,
    status: String,
    suspended: bool,
}

#[derive(Template)]
#[template(path = "members.html")]
struct MembersPage {
    chrome: Chrome,
    notice: Option<&'static str>,
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

fn kind_label(kind: MemberKind, category: Option<OrganisationCategory>) -> String {
    match (kind, category) {
        (MemberKind::State, _) => "State".into(),
        (MemberKind::Organisation, Some(c)) => c.label().into(),
        (MemberKind::Organisation, None) => "Organisation".into(),
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
    notice: Option<&'static str>,
    error: Option<String>,
    code: String,
    name: String,
    kind: String,
    status: String,
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
    code: &str,
    notice: Option<&'static str>,
    form: AccreditForm,
    error: Option<String>,
    accredited: Option<Accredited>,
) -> Result<MemberPage, ApiError> {
    let code = MemberCode::parse(code)?;
    let chrome = Chrome::new(app, user, "members");
    let state = app.store.state();
    let m = state.member(&code).ok_or_else(|| {
        ApiError::not_found("unknown_member", format!("{code} is not a member or observer of this forum"))
    })?;
    let secretariat = user.as_ref().is_some_and(|u| is_secretariat(&u.delegate));
    let own_head = user.as_ref().is_some_and(|u| {
        matches!(&u.delegate.affiliation, Affiliation::Member { member, role: MemberRole::HeadOfDelegation } if *member == code)
    });
    let delegation: Vec<DelegateRow> = state
        .delegation(&code)
        .map(|d| DelegateRow {
            id: d.id.to_string(),
            name: d.name.to_string(),
            role: d.role_label().into(),
            can_withdraw: secretariat || own_head,
        })
        .collect();
    let has_head = state
        .delegation(&code)
        .any(|d| matches!(d.affiliation, Affiliation::Member { role: MemberRole::HeadOfDelegation, .. }));
    Ok(MemberPage {
        chrome,
        notice,
        error,
        code: code.to_string(),
        name: m.name.to_string(),
        kind: kind_label(m.kind, m.category),
        status: m.status.as_str().into(),
        suspended: m.suspended.as_ref().map(|r| {
            if r.as_str().is_empty() {
                "no reason given".into()
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
        own_head,
        has_head,
        delegation,
        can_manage: secretariat,
        form_name: form.name,
        form_email: form.email,
        form_role: form.role,
        accredited,
    })
}

/// A member's page showing a refusal (with the refusal's status).
pub(crate) fn member_error(app: &AppState, user: &Option<WebUser>, code: &str, e: ApiError) -> Response {
    match member_page(app, user, code, None, AccreditForm::default(), Some(e.message.clone()), None) {
        Ok(page) => render(e.status, page),
        Err(_) => error_page(app, user, e),
    }
}

async fn member(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> Response {
    match member_page(&app, &user, &code, notice_text(q.notice.as_deref()), AccreditForm::default(), None, None) {
        Ok(page) => render(StatusCode::OK, page),
        Err(e) => error_page(&app, &user, e),
    }
}

async fn accredit(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
    PageForm(form): PageForm<AccreditForm>,
) -> Response {
    let u = match require_user(&user, &format!("/members/{code}")) {
        Ok(u) => u,
        Err(r) => return r,
    };
    let result = async {
        u.check_csrf(&form.csrf)?;
        let member = MemberCode::parse(&code)?;
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
                email: form.email.trim().to_lowercase(),
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
                AccreditForm { password: String::new(), ..form },
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
    sign: crate::signing::SignFields,
}

/// Runs a simple member action from a form and redirects to the member page.
async fn member_action(
    app: &AppState,
    user: &Option<WebUser>,
    code: &str,
    csrf: &str,
    notice: &str,
    make: impl FnOnce(MemberCode) -> Result<Action, ApiError>,
) -> Response {
    let u = match require_user(user, &format!("/members/{code}")) {
        Ok(u) => u,
        Err(r) => return r,
    };
    let result = async {
        u.check_csrf(csrf)?;
        let code = MemberCode::parse(code)?;
        let action = make(code.clone())?;
        app.store.submit(u.principal(), action, None).await?;
        Ok::<_, ApiError>(code)
    }
    .await;
    match result {
        Ok(code) => Redirect::to(&format!("/members/{code}?notice={notice}")).into_response(),
        Err(e) => {
            let status = e.status;
            match member_page(app, user, code, None, AccreditForm::default(), Some(e.message.clone()), None) {
                Ok(page) => render(status, page),
                Err(_) => error_page(app, user, e),
            }
        }
    }
}

async fn change_status(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
    PageForm(form): PageForm<StatusForm>,
) -> Response {
    member_action(&app, &user, &code, &form.csrf, "status", |code| {
        Ok(Action::ChangeMemberStatus { code, status: api::parse_status(&form.status)? })
    })
    .await
}

async fn suspend(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
    PageForm(form): PageForm<ReasonForm>,
) -> Response {
    member_action(&app, &user, &code, &form.csrf, "suspended", |code| {
        Ok(Action::SuspendMember { code, reason: Reason::parse(&form.reason)? })
    })
    .await
}

async fn reinstate(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
    PageForm(form): PageForm<ReasonForm>,
) -> Response {
    member_action(&app, &user, &code, &form.csrf, "reinstated", |code| Ok(Action::ReinstateMember { code })).await
}

async fn withdraw(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
    sign: crate::signing::PageSign,
    PageForm(form): PageForm<ReasonForm>,
) -> Response {
    let u = match require_user(&user, "/") {
        Ok(u) => u,
        Err(r) => return r,
    };
    let result = async {
        u.check_csrf(&form.csrf)?;
        let delegate = DelegateId::parse(&id)?;
        let reason = Reason::parse(&form.reason)?;
        let action = Action::WithdrawAccreditation { delegate, reason };
        crate::signing::submit(&app, &u, &sign, &form.sign, action).await?;
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
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<ReasonForm>,
) -> Response {
    let u = match require_user(&user, "/") {
        Ok(u) => u,
        Err(r) => return r,
    };
    let result = async {
        u.check_csrf(&form.csrf)?;
        let id = DelegateId::parse(&id)?;
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
    OrganisationCategory::ALL.iter().map(|c| (c.as_str().to_owned(), c.label().to_owned())).collect()
}

async fn admit_form(State(app): State<AppState>, MaybeUser(user): MaybeUser) -> Response {
    let u = match require_user(&user, "/members/new") {
        Ok(u) => u,
        Err(r) => return r,
    };
    if !is_secretariat(&u.delegate) {
        return error_page(&app, &user, ApiError::forbidden("secretariat_only", "only the secretariat admits members"));
    }
    let form = AdmitForm { kind: "state".into(), status: "member".into(), ..Default::default() };
    render(
        StatusCode::OK,
        AdmitPage { chrome: Chrome::new(&app, &user, "members"), error: None, form, categories: categories() },
    )
}

async fn admit(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    PageForm(form): PageForm<AdmitForm>,
) -> Response {
    let u = match require_user(&user, "/members/new") {
        Ok(u) => u,
        Err(r) => return r,
    };
    let result = async {
        u.check_csrf(&form.csrf)?;
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
                form,
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
    notice: Option<&'static str>,
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
    notice: Option<&'static str>,
    error: Option<String>,
    form: AccreditForm,
    accredited: Option<Accredited>,
) -> OfficersPage {
    let secretariat = user.as_ref().is_some_and(|u| is_secretariat(&u.delegate));
    let officers = app
        .store
        .state()
        .officers()
        .map(|d| DelegateRow {
            id: d.id.to_string(),
            name: d.name.to_string(),
            role: d.role_label().into(),
            can_withdraw: secretariat,
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

async fn officers(State(app): State<AppState>, MaybeUser(user): MaybeUser, Query(q): Query<NoticeQuery>) -> Response {
    render(
        StatusCode::OK,
        officers_page(&app, &user, notice_text(q.notice.as_deref()), None, AccreditForm::default(), None),
    )
}

async fn appoint(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    PageForm(form): PageForm<AccreditForm>,
) -> Response {
    let u = match require_user(&user, "/officers") {
        Ok(u) => u,
        Err(r) => return r,
    };
    let result = async {
        u.check_csrf(&form.csrf)?;
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
                email: form.email.trim().to_lowercase(),
                initial_password: done.initial_password,
            };
            render(
                StatusCode::CREATED,
                officers_page(&app, &user, None, None, AccreditForm::default(), Some(accredited)),
            )
        }
        Err(e) => render(
            e.status,
            officers_page(&app, &user, None, Some(e.message), AccreditForm { password: String::new(), ..form }, None),
        ),
    }
}

// ---- the record ----

/// The log as a page shows it.
struct LogView {
    origin: String,
    verifier_key: String,
    size: u64,
    root: String,
    /// Names of the keys that signed the checkpoint after the log.
    cosigners: Vec<String>,
    note: String,
    /// What each configured witness last answered.
    witnesses: Vec<crate::log::WitnessStatus>,
}

fn log_view(app: &AppState) -> Option<LogView> {
    let (size, note) = app.log.latest()?;
    let checkpoint = accord_log::checkpoint::open_checkpoint(note.as_bytes(), app.log.verifier_key()).ok()?;
    let cosigners = note
        .lines()
        .filter_map(|l| l.strip_prefix("— "))
        .filter_map(|l| l.split(' ').next())
        .filter(|name| *name != app.log.origin())
        .map(str::to_owned)
        .collect();
    Some(LogView {
        origin: app.log.origin().to_owned(),
        verifier_key: app.log.verifier_key().to_owned(),
        size,
        root: {
            use base64::Engine;
            base64::engine::general_purpose::STANDARD.encode(checkpoint.root.0)
        },
        cosigners,
        note,
        witnesses: app.log.witness_statuses(),
    })
}

#[derive(Template)]
#[template(path = "record.html")]
struct RecordPage {
    chrome: Chrome,
    log: Option<LogView>,
    rows: Vec<EntryRow>,
    size: u64,
    first: u64,
    last: u64,
    prev_from: Option<u64>,
    next_from: Option<u64>,
}

#[derive(Deserialize)]
struct RecordQuery {
    /// First entry of the page; without it, the latest page.
    from: Option<u64>,
}

/// Entries per record page.
const RECORD_PAGE: u64 = 50;

async fn record(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    query: Result<Query<RecordQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Ok(Query(q)) = query else {
        return error_page(
            &app,
            &user,
            ApiError::bad_request("malformed_query", "from must be an entry index (0, 1, 2, ...)"),
        );
    };
    let size = app.store.len();
    let start = q.from.unwrap_or_else(|| size.saturating_sub(RECORD_PAGE));
    let entries = match app.store.entries(start.checked_sub(1), RECORD_PAGE) {
        Ok(e) => e,
        Err(e) => return error_page(&app, &user, e.into()),
    };
    let rows: Vec<EntryRow> = {
        let state = app.store.state();
        entries.iter().map(|e| entry_row(e, &state)).collect()
    };
    let last = rows.last().map_or(start, |r| r.index);
    let page = RecordPage {
        chrome: Chrome::new(&app, &user, "record"),
        log: log_view(&app),
        first: start,
        last,
        prev_from: (start > 0).then(|| start.saturating_sub(RECORD_PAGE)),
        next_from: (last + 1 < size).then_some(last + 1),
        size,
        rows,
    };
    render(StatusCode::OK, page)
}

#[derive(Template)]
#[template(path = "entry.html")]
struct EntryPage {
    chrome: Chrome,
    row: EntryRow,
    leaf_hash: String,
    /// Size of the latest checkpoint, if it covers this entry.
    proven_in: Option<u64>,
    /// The inclusion proof in that checkpoint's tree: the audit path
    /// (base64 hashes from the leaf up) and the root it leads to.
    proof: Vec<String>,
    root: String,
    canonical: String,
    payload: String,
    size: usize,
}

async fn entry(State(app): State<AppState>, MaybeUser(user): MaybeUser, Path(index): Path<String>) -> Response {
    let Ok(index) = index.parse::<u64>() else {
        return error_page(&app, &user, ApiError::bad_request("invalid_index", "an entry is numbered 0, 1, 2, ..."));
    };
    let found = match app.store.entry_bytes(index.checked_sub(1), 1) {
        Ok(v) => v.into_iter().find(|(i, _)| *i == index),
        Err(e) => return error_page(&app, &user, e.into()),
    };
    let Some((_, bytes)) = found else {
        return error_page(
            &app,
            &user,
            ApiError::not_found("unknown_entry", format!("the record has no entry {index}")),
        );
    };
    let Ok(e) = Entry::decode(&bytes) else {
        return error_page(&app, &user, ApiError::internal());
    };
    let row = entry_row(&e, &app.store.state());
    let json = api::EntryJson::from(&e);
    let proven_in = app.log.latest().map(|(s, _)| s).filter(|s| *s > index);
    let (proof, root) = {
        use base64::Engine;
        let b64 = |h: &accord_log::Hash| base64::engine::general_purpose::STANDARD.encode(h.0);
        let tree = app.store.tree();
        match proven_in.map(|size| (tree.inclusion_proof(index, size), tree.root_at(size))) {
            Some((Ok(path), Ok(root))) => (path.iter().map(b64).collect(), b64(&root)),
            _ => (Vec::new(), String::new()),
        }
    };
    let page = EntryPage {
        chrome: Chrome::new(&app, &user, "record"),
        leaf_hash: {
            use base64::Engine;
            base64::engine::general_purpose::STANDARD.encode(accord_log::leaf_hash(&bytes).0)
        },
        proven_in,
        proof,
        root,
        row,
        payload: serde_json::to_string_pretty(&json.payload).unwrap_or_default(),
        size: bytes.len(),
        canonical: String::from_utf8_lossy(&bytes).into_owned(),
    };
    render(StatusCode::OK, page)
}

// ---- log-in and account ----

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    chrome: Chrome,
    notice: Option<&'static str>,
    error: Option<String>,
    email: String,
    next: String,
}

#[derive(Deserialize)]
struct LoginQuery {
    next: Option<String>,
    notice: Option<String>,
}

/// Where to go after log-in: `next` when it is a path on this site
/// ([`local_path`]), otherwise the home page. A hostile `next` is not an
/// error the person logging in can do anything about, so the log-in goes
/// on and lands on the home page.
fn safe_next(next: Option<&str>) -> String {
    next.and_then(local_path).unwrap_or_else(|| "/".into())
}

/// A redirect target taken from input, if it is a path on this site:
/// answered ready for a `Location` header (normalised as the URL standard
/// resolves it, spaces and non-ASCII percent-encoded), or `None`.
///
/// It must start with one `/` (not `//` nor `/\`, which browsers read as
/// another host), hold no control character (browsers drop tabs and line
/// breaks from URLs, so `/<TAB>/evil.example` would become
/// `//evil.example`) and no backslash, and the same must hold once its
/// percent-escapes are decoded; resolved against this site's address it
/// must stay on this site, with a path that does not start with `//`.
pub(crate) fn local_path(next: &str) -> Option<String> {
    fn plain(s: &str) -> bool {
        s.starts_with('/') && !s.starts_with("//") && !s.chars().any(|c| c.is_control() || c == '\\' || is_invisible(c))
    }
    let decoded = percent_encoding::percent_decode_str(next).decode_utf8().ok()?;
    if next.len() > 2048 || !plain(next) || !plain(&decoded) {
        return None;
    }
    let base = url::Url::parse("http://accord.invalid/").expect("a valid address");
    let resolved = base.join(next).ok()?;
    if resolved.origin() != base.origin() || resolved.path().starts_with("//") {
        return None;
    }
    // The target as a browser resolves it: path, query and fragment,
    // normalised and percent-encoded by the URL standard's rules.
    Some(resolved[url::Position::BeforePath..].to_owned())
}

/// Format characters that do not show: a path holding one is not what the
/// person reading the link sees.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

async fn login_form(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    q: Result<Query<LoginQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    // A query that cannot be read (not UTF-8, say) is a link to the plain
    // log-in page.
    let q = q.map(|Query(q)| q).unwrap_or(LoginQuery { next: None, notice: None });
    render(
        StatusCode::OK,
        LoginPage {
            chrome: Chrome::new(&app, &user, "login"),
            notice: notice_text(q.notice.as_deref()),
            error: None,
            email: String::new(),
            next: safe_next(q.next.as_deref()),
        },
    )
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

async fn login(
    State(app): State<AppState>,
    ClientAddr(addr): ClientAddr,
    request_headers: HeaderMap,
    PageForm(form): PageForm<LoginForm>,
) -> Response {
    let next = safe_next(Some(&form.next));
    match auth::authenticate(&app, &form.email, &form.password, &addr, Some(&request_headers)).await {
        Ok((account, delegate)) => {
            let token = auth::random_secret("");
            let csrf = auth::random_secret("");
            let expires = app.config.clock.now_unix_ms() + app.config.session_lifetime.as_millis() as i64;
            if let Err(e) = app.store.create_session(&auth::secret_hash(&token), delegate.id, &csrf, expires) {
                return error_page(&app, &None, e.into());
            }
            let to = if account.must_change_password { "/account?notice=choose_password".to_owned() } else { next };
            let mut headers = HeaderMap::new();
            if let Ok(v) = auth::session_cookie(&app, Some(&token)).parse() {
                headers.insert(header::SET_COOKIE, v);
            }
            // This browser is now known to the account: others' failed
            // log-ins will not delay it (see `limits`).
            if let Ok(v) = auth::known_browser_cookie(&app, &request_headers, delegate.id).parse() {
                headers.append(header::SET_COOKIE, v);
            }
            (headers, Redirect::to(&to)).into_response()
        }
        Err(e) => {
            let retry_after = e.retry_after;
            let mut page = render(
                e.status,
                LoginPage {
                    chrome: Chrome::new(&app, &None, "login"),
                    notice: None,
                    error: Some(e.message),
                    email: form.email,
                    next,
                },
            );
            if let Some(v) = retry_after.and_then(|s| header::HeaderValue::from_str(&s.to_string()).ok()) {
                page.headers_mut().insert(header::RETRY_AFTER, v);
            }
            page
        }
    }
}

#[derive(Deserialize)]
struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

async fn logout(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    PageForm(form): PageForm<CsrfForm>,
) -> Response {
    if let Some(u) = &user {
        if let Err(e) = u.check_csrf(&form.csrf) {
            return error_page(&app, &user, e);
        }
        if let Err(e) = app.store.delete_session(&u.session_hash) {
            return error_page(&app, &user, e.into());
        }
    }
    let mut headers = HeaderMap::new();
    if let Ok(v) = auth::session_cookie(&app, None).parse() {
        headers.insert(header::SET_COOKIE, v);
    }
    (headers, Redirect::to("/login?notice=logged_out")).into_response()
}

struct TokenRow {
    id: i64,
    label: String,
    created: String,
    expires: String,
    revoked: Option<String>,
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    chrome: Chrome,
    notice: Option<&'static str>,
    error: Option<String>,
    email: String,
    delegate_id: String,
    member: Option<String>,
    role: String,
    tokens: Vec<TokenRow>,
    new_token: Option<String>,
}

fn account_page(
    app: &AppState,
    user: &Option<WebUser>,
    u: &WebUser,
    notice: Option<&'static str>,
    error: Option<String>,
    new_token: Option<String>,
) -> Result<AccountPage, ApiError> {
    let account = app.store.account(u.delegate.id)?;
    let tokens = app
        .store
        .api_tokens(u.delegate.id)?
        .into_iter()
        .map(|t| TokenRow {
            id: t.id,
            label: t.label,
            created: rfc3339(t.created_at)[..16].replace('T', " "),
            expires: rfc3339(t.expires_at)[..10].to_owned(),
            revoked: t.revoked_at.map(|r| rfc3339(r)[..16].replace('T', " ")),
        })
        .collect();
    Ok(AccountPage {
        chrome: Chrome::new(app, user, "account"),
        notice,
        error,
        email: account.map(|a| a.email.to_string()).unwrap_or_default(),
        delegate_id: u.delegate.id.to_string(),
        member: u.delegate.member().map(|m| m.to_string()),
        role: u.delegate.role_label().into(),
        tokens,
        new_token,
    })
}

async fn account(State(app): State<AppState>, MaybeUser(user): MaybeUser, Query(q): Query<NoticeQuery>) -> Response {
    let u = match require_user(&user, "/account") {
        Ok(u) => u,
        Err(r) => return r,
    };
    match account_page(&app, &user, &u, notice_text(q.notice.as_deref()), None, None) {
        Ok(page) => render(StatusCode::OK, page),
        Err(e) => error_page(&app, &user, e),
    }
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    confirm: String,
    /// "on" when the box to revoke every API token is ticked.
    #[serde(default)]
    revoke_tokens: Option<String>,
}

async fn change_password(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    PageForm(form): PageForm<PasswordForm>,
) -> Response {
    let u = match require_user(&user, "/account") {
        Ok(u) => u,
        Err(r) => return r,
    };
    let result = async {
        u.check_csrf(&form.csrf)?;
        let account = app.store.account(u.delegate.id)?.ok_or_else(ApiError::internal)?;
        if !auth::verify_password(account.password_hash, form.current.clone()).await {
            return Err(ApiError::unauthorized("the current password is wrong"));
        }
        if form.new != form.confirm {
            return Err(ApiError::bad_request(
                "password_mismatch",
                "the two new passwords differ: type the same password twice",
            ));
        }
        if form.new == form.current {
            return Err(ApiError::bad_request(
                "password_unchanged",
                "choose a password different from the current one",
            ));
        }
        let new = NewPassword::parse(&form.new)?;
        let hash = auth::hash_password(new.expose().to_owned()).await?;
        // This ends every session of the account (so other browsers are
        // logged out) and, if asked, revokes its API tokens; start a fresh
        // session here.
        app.store.set_password(u.delegate.id, &hash, false, form.revoke_tokens.is_some())?;
        let token = auth::random_secret("");
        let expires = app.config.clock.now_unix_ms() + app.config.session_lifetime.as_millis() as i64;
        app.store.create_session(&auth::secret_hash(&token), u.delegate.id, &auth::random_secret(""), expires)?;
        Ok::<_, ApiError>(token)
    }
    .await;
    match result {
        Ok(token) => {
            let mut headers = HeaderMap::new();
            if let Ok(v) = auth::session_cookie(&app, Some(&token)).parse() {
                headers.insert(header::SET_COOKIE, v);
            }
            let notice = if form.revoke_tokens.is_some() { "password_tokens" } else { "password" };
            (headers, Redirect::to(&format!("/account?notice={notice}"))).into_response()
        }
        Err(e) => match account_page(&app, &user, &u, None, Some(e.message.clone()), None) {
            Ok(page) => render(e.status, page),
            Err(e) => error_page(&app, &user, e),
        },
    }
}

#[derive(Deserialize)]
struct TokenForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    label: String,
}

async fn create_token(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    PageForm(form): PageForm<TokenForm>,
) -> Response {
    let u = match require_user(&user, "/account") {
        Ok(u) => u,
        Err(r) => return r,
    };
    let result = u.check_csrf(&form.csrf).and_then(|_| {
        if u.must_change_password {
            return Err(ApiError::forbidden(
                "password_change_required",
                "choose your own password before issuing API tokens",
            ));
        }
        api::issue_token(&app, u.delegate.id, &form.label)
    });
    let (status, new_token, error) = match result {
        Ok(t) => (StatusCode::CREATED, Some(t.token), None),
        Err(e) => (e.status, None, Some(e.message)),
    };
    match account_page(&app, &user, &u, None, error, new_token) {
        Ok(page) => render(status, page),
        Err(e) => error_page(&app, &user, e),
    }
}

async fn revoke_token(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<CsrfForm>,
) -> Response {
    let u = match require_user(&user, "/account") {
        Ok(u) => u,
        Err(r) => return r,
    };
    let result = async {
        u.check_csrf(&form.csrf)?;
        let id: i64 = id.parse().map_err(|_| ApiError::bad_request("invalid_token_id", "not a token id"))?;
        if app.store.revoke_api_token(u.delegate.id, id)? {
            Ok(())
        } else {
            Err(ApiError::not_found("unknown_token", format!("you hold no live token with id {id}")))
        }
    }
    .await;
    match result {
        Ok(()) => Redirect::to("/account?notice=revoked").into_response(),
        Err(e) => error_page(&app, &user, e),
    }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn local_paths_are_kept_and_others_refused() {
        for (given, kept) in [
            ("/", "/"),
            ("/processes/1?member=BRA#p2", "/processes/1?member=BRA#p2"),
            ("/a b", "/a%20b"),
            ("/é", "/%C3%A9"),
            ("/a/../b", "/b"),
        ] {
            assert_eq!(local_path(given).as_deref(), Some(kept), "{given:?}");
        }
        for hostile in [
            "",
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/%09/evil.example",
            "/%2F/evil.example",
            "/%5Cevil.example",
            "/.//evil.example",
            "/\u{202E}x",
            "https://evil.example/",
            "javascript:alert(1)",
            "/%ff",
        ] {
            assert_eq!(local_path(hostile), None, "{hostile:?}");
        }
        assert_eq!(local_path(&format!("/{}", "a".repeat(3000))), None, "too long");
    }
}
