//! The web pages of consultations: the list, a consultation (join, vote on
//! one statement at a time, write a statement, the opinion map and the
//! tables beside it), the secretariat's moderation page, and the map as
//! SVG.
//!
//! As everywhere, every page works without JavaScript and on a phone;
//! with the script, the results refresh as votes come in. A person
//! without an account keeps their participant key in a cookie (see
//! `participants`); their forms carry a token derived from it, a
//! logged-in user's the session's anti-forgery token.

use accord_domain::consultation::{Consultation, Moderation, ParticipantCategory};
use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::participants::{self, ParticipantKey};
use super::{actions, analysis};
use crate::http::auth::{MaybeUser, WebUser};
use crate::http::error::ApiError;
use crate::http::i18n::html::{bdi, code, escape, ht1, ht3};
use crate::http::ids::{ConsultationId, StatementNumber};
use crate::http::page::PageQuery;
use crate::http::page::{error_page, render, with_csrf, Chrome, CsrfForm, InPage, PageForm, RequireUser};
use crate::AppState;

pub fn routes() -> crate::http::routes::Routes {
    crate::http::routes::Routes::new()
        .get("/consultations", list)
        .post("/consultations", open)
        .get("/consultations/{id}", page)
        .get("/consultations/{id}/map.svg", map)
        .post("/consultations/{id}/join", join)
        .post("/consultations/{id}/votes", vote)
        .post("/consultations/{id}/statements", write)
        .get("/consultations/{id}/moderation", moderation)
        .get("/consultations/{id}/propose", propose)
        .post("/consultations/{id}/statements/{stid}/moderation", moderate)
        .post("/consultations/{id}/close", close)
        .post("/consultations/{id}/analysis", publish)
}

/// Who is on a consultation's page.
enum Who {
    /// A member's delegate: their derived key.
    Delegate(WebUser, ParticipantKey),
    /// An officer: runs consultations, does not take part.
    Officer(WebUser),
    /// A browser holding a participant key.
    Browser(ParticipantKey),
    Nobody,
}

impl Who {
    fn of(app: &AppState, user: Option<WebUser>, headers: &HeaderMap) -> Who {
        match user {
            Some(u) => {
                let officer = app.store.state().delegate(u.delegate.id).is_some_and(|d| d.member().is_none());
                if officer {
                    Who::Officer(u)
                } else {
                    let key = ParticipantKey::of_delegate(app, u.delegate.id);
                    Who::Delegate(u, key)
                }
            }
            None => participants::from_cookie(headers).map_or(Who::Nobody, Who::Browser),
        }
    }

    fn key(&self) -> Option<&ParticipantKey> {
        match self {
            Who::Delegate(_, k) | Who::Browser(k) => Some(k),
            _ => None,
        }
    }

    fn user(&self) -> Option<WebUser> {
        match self {
            Who::Delegate(u, _) | Who::Officer(u) => Some(u.clone()),
            _ => None,
        }
    }

    /// The token this person's participant forms carry.
    fn token(&self) -> String {
        match self {
            Who::Delegate(u, _) | Who::Officer(u) => crate::http::auth::mask_csrf(&u.csrf),
            Who::Browser(k) => k.form_token(),
            Who::Nobody => String::new(),
        }
    }

    /// Checks a participant form's token.
    fn check(&self, token: &str) -> Result<&ParticipantKey, ApiError> {
        match self {
            Who::Delegate(u, k) => u.check_csrf(token).map(|()| k),
            Who::Browser(k) if subtle_eq(token, &k.form_token()) => Ok(k),
            Who::Browser(_) => Err(ApiError::forbidden(
                "csrf",
                "this form is out of date or was not sent by Accord's page: reload the page and try again",
            )),
            Who::Officer(_) => Err(ApiError::forbidden(
                "officer_not_participant",
                "the forum's officers run consultations and do not take part in them",
            )),
            Who::Nobody => Err(ApiError::forbidden("not_a_participant", "join the consultation first")),
        }
    }
}

fn subtle_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

// ---- the list ----

struct Row {
    id: u64,
    title: String,
    open: bool,
    participants: usize,
    statements: usize,
    process: Option<u64>,
}

#[derive(Template)]
#[template(path = "consultations.html")]
struct ListPage {
    chrome: Chrome,
    rows: Vec<Row>,
    secretariat: bool,
    processes: Vec<(u64, String)>,
    error: Option<String>,
}

async fn list(State(app): State<AppState>, MaybeUser(user): MaybeUser) -> Response {
    list_page(&app, &user, None, StatusCode::OK)
}

fn list_page(app: &AppState, user: &Option<WebUser>, error: Option<String>, status: StatusCode) -> Response {
    let state = app.store.state();
    let secretariat = user.as_ref().is_some_and(|u| state.rights(u.principal()).is_secretariat());
    let rows = state
        .consultations
        .iter()
        .rev()
        .map(|c| Row {
            id: c.id,
            title: c.title.as_str().to_owned(),
            open: c.is_open(),
            participants: c.participants.len(),
            statements: c.accepted().count(),
            process: c.process,
        })
        .collect();
    let processes = state.processes.iter().map(|p| (p.id, p.title.clone())).collect();
    drop(state);
    render(status, ListPage { chrome: Chrome::new(app, user, "consultations"), rows, secretariat, processes, error })
}

#[derive(Deserialize)]
struct OpenForm {
    csrf: String,
    title: String,
    question: String,
    #[serde(default)]
    process: String,
    #[serde(default)]
    provisions: String,
}
with_csrf!(OpenForm);

async fn open(State(app): State<AppState>, RequireUser(u): RequireUser, form: CsrfForm<OpenForm>) -> Response {
    let result = async {
        let f = form.check(&u)?;
        let process = match f.process.trim() {
            "" => None,
            raw => Some(crate::http::ids::process_id(raw)?),
        };
        let provisions: Vec<String> =
            f.provisions.split([',', ' ', '\n']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect();
        let action = actions::open(&f.title, &f.question, process, provisions)?;
        let appended = app.store.submit(u.principal(), action, None).await?;
        let id = app.store.state().consultations.iter().find(|c| c.entry == appended.entry.index).map(|c| c.id);
        id.ok_or_else(ApiError::internal)
    }
    .await;
    match result {
        Ok(id) => Redirect::to(&format!("/consultations/{id}?notice=opened")).into_response(),
        Err(e) => list_page(&app, &Some(u), Some(e.message), e.status),
    }
}

// ---- one consultation ----

struct StatementRow {
    id: u32,
    text: String,
    agree: u32,
    disagree: u32,
    pass: u32,
    proposal: Option<u64>,
}

struct RepRow {
    id: String,
    text: String,
    /// "agrees" or "disagrees", in words.
    direction: String,
    share: String,
}

struct GroupRow {
    number: usize,
    size: usize,
    reps: Vec<RepRow>,
}

struct ScoreRow {
    id: String,
    text: String,
    score: String,
}

#[derive(Template)]
#[template(path = "consultation.html")]
struct ConsultationPage {
    chrome: Chrome,
    notice: Option<String>,
    error: Option<String>,
    id: u64,
    title: String,
    question: String,
    process: Option<(u64, String)>,
    /// The provisions consulted on: eId and label.
    provisions: Vec<(String, String)>,
    open: bool,
    participants: usize,
    pending: usize,
    /// The visitor's pseudonym here, when they have joined.
    participant: Option<String>,
    /// A browser participant's key, to take to another device.
    key: Option<String>,
    is_delegate: bool,
    is_officer: bool,
    is_secretariat: bool,
    token: String,
    categories: Vec<(&'static str, String)>,
    next: Option<(u32, String)>,
    remaining: usize,
    statements: Vec<StatementRow>,
    groups: Vec<GroupRow>,
    consensus: Vec<ScoreRow>,
    bridging: Vec<ScoreRow>,
    record_size: u64,
    digest: String,
    counted: usize,
    changed: u64,
    published: Vec<(u64, u64, String)>,
    /// The provisions a delegation may propose changes to, citing a statement.
    proposable: Vec<(String, String)>,
    /// The statement typed in the form that was refused, shown in it again.
    typed: String,
}

#[derive(Deserialize, Default)]
struct NoticeQuery {
    notice: Option<String>,
}

fn notice(code: Option<&str>) -> Option<String> {
    Some(crate::t(match code? {
        "opened" => "cons-notice-opened",
        "joined" => "cons-notice-joined",
        "key" => "cons-notice-key",
        "voted" => "cons-notice-voted",
        "written" => "cons-notice-written",
        "seeded" => "cons-notice-seeded",
        "closed" => "cons-notice-closed",
        "published" => "cons-notice-published",
        _ => return None,
    }))
}

async fn page(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    headers: HeaderMap,
    InPage(ConsultationId(id)): InPage<ConsultationId>,
    PageQuery(q): PageQuery<NoticeQuery>,
) -> Response {
    let who = Who::of(&app, user, &headers);
    show(&app, &who, id, notice(q.notice.as_deref()), None, StatusCode::OK).await
}

async fn show(
    app: &AppState,
    who: &Who,
    id: u64,
    notice: Option<String>,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    show_typed(app, who, id, notice, error, status, String::new()).await
}

/// [`show`], with the statement the visitor typed in its form again
/// (after a refusal, so that it is corrected rather than retyped).
async fn show_typed(
    app: &AppState,
    who: &Who,
    id: u64,
    notice: Option<String>,
    error: Option<String>,
    status: StatusCode,
    typed: String,
) -> Response {
    let user = who.user();
    let computed = match analysis::current(app, id).await {
        Ok(c) => c,
        Err(e) => return error_page(app, &user, e),
    };
    let state = app.store.state();
    let c = match state.consultation(id) {
        Ok(c) => c,
        Err(e) => return error_page(app, &user, e.into()),
    };
    let is_secretariat = user.as_ref().is_some_and(|u| state.rights(u.principal()).is_secretariat());
    let process = c.process.and_then(|p| state.process(p).ok()).map(|p| (p.id, p.title.clone()));
    let participant = who.key().map(|k| k.participant(id)).filter(|p| c.participants.contains_key(p));
    let (next, remaining) = match &participant {
        Some(p) => {
            let left = participants::in_their_order(p, c.unvoted_by(p));
            (left.first().map(|s| (s.id, s.shown_text().to_owned())), left.len())
        }
        None => (None, 0),
    };
    let page = ConsultationPage {
        chrome: Chrome::new(app, &user, "consultations"),
        notice,
        error,
        id,
        title: c.title.as_str().to_owned(),
        question: c.question.as_str().to_owned(),
        process,
        provisions: c.provisions.iter().map(|e| (e.clone(), crate::http::i18n::provision_label(e))).collect(),
        open: c.is_open(),
        participants: c.participants.len(),
        pending: c.statements.iter().filter(|s| s.moderation == Moderation::Pending).count(),
        participant: participant.map(|p| p.as_str()[..8].to_owned()),
        key: match who {
            Who::Browser(k) => Some(k.hex()),
            _ => None,
        },
        is_delegate: matches!(who, Who::Delegate(..)),
        is_officer: matches!(who, Who::Officer(_)),
        is_secretariat,
        token: who.token(),
        categories: ParticipantCategory::OPEN.iter().map(|c| (c.as_str(), category_word(*c))).collect(),
        next,
        remaining,
        statements: statement_rows(c),
        groups: group_rows(&computed),
        // The page lists what most groups agree on, and what bridges them:
        // the top of each list (the API has them all).
        // (consensus above one half per group: most of every group agrees)
        consensus: score_rows(&computed, &computed.report.consensus, 0.5f64.powi(computed.report.groups.len() as i32)),
        bridging: score_rows(&computed, &computed.report.bridging, 0.0),
        record_size: computed.record_size,
        digest: computed.digest.clone(),
        counted: computed.counted,
        changed: c.changed,
        published: c.published.iter().map(|p| (p.entry, p.record_size, p.digest.clone())).collect(),
        proposable: proposable(&state, c, matches!(who, Who::Delegate(..))),
        typed,
    };
    drop(state);
    render(status, page)
}

/// The provisions a delegate may cite a statement on: those consulted on,
/// else every provision of the latest version.
fn proposable(state: &accord_domain::State, c: &Consultation, delegate: bool) -> Vec<(String, String)> {
    let Some(process) = c.process.filter(|_| delegate).and_then(|p| state.process(p).ok()) else {
        return Vec::new();
    };
    let instrument = &process.latest().instrument;
    instrument
        .provisions
        .iter()
        .filter(|p| c.provisions.is_empty() || c.provisions.contains(&p.eid))
        .map(|p| (p.eid.clone(), crate::http::i18n::provision_label(&p.eid)))
        .collect()
}

fn statement_rows(c: &Consultation) -> Vec<StatementRow> {
    let tally = c.tally();
    c.accepted()
        .map(|s| {
            let (agree, disagree, pass) = tally.get(&s.id).copied().unwrap_or_default();
            StatementRow { id: s.id, text: s.shown_text().to_owned(), agree, disagree, pass, proposal: s.proposal }
        })
        .collect()
}

fn text_of(computed: &analysis::Computed, id: &str) -> String {
    computed.texts.get(id).cloned().unwrap_or_default()
}

fn group_rows(computed: &analysis::Computed) -> Vec<GroupRow> {
    computed
        .report
        .groups
        .iter()
        .map(|g| GroupRow {
            number: g.id + 1,
            size: g.size,
            reps: g
                .representative
                .iter()
                // A "representative" statement no one in the group voted so
                // on says nothing about the group.
                .filter(|r| r.agree.or(r.disagree).unwrap_or(0.0) > 0.0)
                .map(|r| RepRow {
                    id: r.statement.clone(),
                    text: text_of(computed, &r.statement),
                    direction: crate::t(if r.direction == "agree" {
                        "cons-group-agrees"
                    } else {
                        "cons-group-disagrees"
                    }),
                    share: format!("{:.0} %", 100.0 * r.agree.or(r.disagree).unwrap_or(0.0)),
                })
                .collect(),
        })
        .collect()
}

/// The first ten scores above `floor`.
fn score_rows(
    computed: &analysis::Computed,
    scores: &[accord_consult::report::ScoreReport<String>],
    floor: f64,
) -> Vec<ScoreRow> {
    scores
        .iter()
        .filter(|s| s.score > floor)
        .take(10)
        .map(|s| ScoreRow {
            id: s.statement.clone(),
            text: text_of(computed, &s.statement),
            score: format!("{:.3}", s.score),
        })
        .collect()
}

async fn map(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    InPage(ConsultationId(id)): InPage<ConsultationId>,
) -> Response {
    match analysis::current(&app, id).await {
        Ok(c) => (
            [(header::CONTENT_TYPE, "image/svg+xml; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")],
            c.svg
                .iter()
                .find(|(lang, _)| *lang == crate::http::i18n::current())
                .map(|(_, svg)| svg.clone())
                .unwrap_or_default(),
        )
            .into_response(),
        Err(e) => error_page(&app, &user, e),
    }
}

#[derive(Deserialize)]
struct ProposeQuery {
    statement: String,
    eid: String,
}

/// A delegation turns a statement into a proposal: to the provision's page,
/// whose proposal form then cites the statement.
async fn propose(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    InPage(ConsultationId(id)): InPage<ConsultationId>,
    PageQuery(q): PageQuery<ProposeQuery>,
) -> Response {
    let result = (|| {
        let statement = crate::http::ids::number(&q.statement, "statement")?;
        let state = app.store.state();
        let c = state.consultation(id)?;
        let process = c
            .process
            .ok_or_else(|| ApiError::bad_request("no_process", format!("consultation {id} is on no process's text")))?;
        state.process(process)?.latest().instrument.get(&q.eid).ok_or_else(|| {
            ApiError::not_found("unknown_provision", format!("the latest version has no provision {:?}", q.eid))
        })?;
        Ok::<String, ApiError>(format!(
            "/processes/{process}/provisions/{}?cite={id}.{statement}#propose",
            crate::http::page::urlencode(&q.eid)
        ))
    })();
    match result {
        Ok(to) => Redirect::to(&to).into_response(),
        Err(e) => error_page(&app, &user, e),
    }
}

// ---- participants' forms ----

#[derive(Deserialize)]
struct JoinForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    category: String,
    /// A participant key from another device.
    #[serde(default)]
    key: String,
}

async fn join(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    headers: HeaderMap,
    InPage(ConsultationId(id)): InPage<ConsultationId>,
    PageForm(form): PageForm<JoinForm>,
) -> Response {
    let who = Who::of(&app, user, &headers);
    let result = async {
        // Bringing a key from another device: keep it in this browser.
        if !form.key.trim().is_empty() {
            if matches!(who, Who::Delegate(..) | Who::Officer(_)) {
                return Err(ApiError::bad_request(
                    "logged_in",
                    "you are logged in: you take part as your delegation, without a participant key",
                ));
            }
            let key = ParticipantKey::parse(&form.key)?;
            return Ok((key, false));
        }
        let (key, category, fresh) = match &who {
            Who::Delegate(u, k) => {
                u.check_csrf(&form.csrf)?;
                (k.clone(), ParticipantCategory::Delegation, false)
            }
            Who::Officer(_) => {
                return Err(ApiError::forbidden(
                    "officer_not_participant",
                    "the forum's officers run consultations and do not take part in them",
                ))
            }
            Who::Browser(k) => {
                who.check(&form.csrf)?;
                (k.clone(), ParticipantCategory::parse_open(&form.category)?, false)
            }
            // A first visit: no key yet, so no token; the origin check and
            // the cookie's SameSite guard this form.
            Who::Nobody => (ParticipantKey::generate(), ParticipantCategory::parse_open(&form.category)?, true),
        };
        app.store.submit(actions::SERVER, actions::join(id, key.participant(id), category), None).await?;
        Ok((key, fresh))
    }
    .await;
    match result {
        Ok((key, set_cookie)) => {
            let notice = if form.key.trim().is_empty() { "joined" } else { "key" };
            let mut r = Redirect::to(&format!("/consultations/{id}?notice={notice}")).into_response();
            if set_cookie || !form.key.trim().is_empty() {
                if let Ok(v) = header::HeaderValue::from_str(&key.cookie(&app)) {
                    r.headers_mut().insert(header::SET_COOKIE, v);
                }
            }
            r
        }
        Err(e) => show(&app, &who, id, None, Some(e.message), e.status).await,
    }
}

#[derive(Deserialize)]
struct VoteForm {
    #[serde(default)]
    csrf: String,
    statement: String,
    vote: String,
}

async fn vote(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    headers: HeaderMap,
    InPage(ConsultationId(id)): InPage<ConsultationId>,
    PageForm(form): PageForm<VoteForm>,
) -> Response {
    let who = Who::of(&app, user, &headers);
    let result = async {
        let key = who.check(&form.csrf)?;
        let statement = crate::http::ids::number(&form.statement, "statement")?;
        let statement = u32::try_from(statement)
            .map_err(|_| ApiError::bad_request("invalid_id", "the statement number is too large"))?;
        let action = actions::vote(id, key.participant(id), statement, &form.vote)?;
        app.store.submit(actions::SERVER, action, None).await?;
        Ok::<(), ApiError>(())
    }
    .await;
    match result {
        Ok(()) => Redirect::to(&format!("/consultations/{id}?notice=voted#vote")).into_response(),
        Err(e) => show(&app, &who, id, None, Some(e.message), e.status).await,
    }
}

#[derive(Deserialize)]
struct WriteForm {
    #[serde(default)]
    csrf: String,
    text: String,
    #[serde(default)]
    proposal: String,
}

async fn write(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    headers: HeaderMap,
    InPage(ConsultationId(id)): InPage<ConsultationId>,
    PageForm(form): PageForm<WriteForm>,
) -> Response {
    let who = Who::of(&app, user, &headers);
    let result = async {
        let proposal = match form.proposal.trim() {
            "" => None,
            raw => Some(crate::http::ids::proposal_id(raw)?),
        };
        if let Who::Officer(u) = &who {
            u.check_csrf(&form.csrf)?;
            let action = actions::statement(id, &form.text, true, None, proposal)?;
            app.store.submit(u.principal(), action, None).await?;
            return Ok("seeded");
        }
        let key = who.check(&form.csrf)?;
        if proposal.is_some() {
            actions::statement(id, &form.text, false, Some(key.participant(id)), proposal)?;
        }
        super::api::submit_statement(&app, id, key.participant(id), &form.text).await?;
        Ok::<&str, ApiError>("written")
    }
    .await;
    match result {
        Ok(n) => Redirect::to(&format!("/consultations/{id}?notice={n}")).into_response(),
        Err(e) => show_typed(&app, &who, id, None, Some(e.message), e.status, form.text).await,
    }
}

// ---- the secretariat ----

struct ModerationRow {
    id: u32,
    text: String,
    moderation: &'static str,
    seeded: bool,
}

#[derive(Template)]
#[template(path = "moderation.html")]
struct ModerationPage {
    chrome: Chrome,
    id: u64,
    title: String,
    pending: Vec<ModerationRow>,
    decided: Vec<ModerationRow>,
    error: Option<String>,
}

async fn moderation(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(ConsultationId(id)): InPage<ConsultationId>,
) -> Response {
    moderation_page(&app, &u, id, None, StatusCode::OK)
}

fn moderation_page(app: &AppState, u: &WebUser, id: u64, error: Option<String>, status: StatusCode) -> Response {
    let user = Some(u.clone());
    let state = app.store.state();
    if !state.rights(u.principal()).is_secretariat() {
        drop(state);
        return error_page(
            app,
            &user,
            ApiError::forbidden("secretariat_only", "only the secretariat moderates statements"),
        );
    }
    let c = match state.consultation(id) {
        Ok(c) => c,
        Err(e) => {
            drop(state);
            return error_page(app, &user, e.into());
        }
    };
    // A participant's text never accepted is read from the private tables.
    let row = |s: &accord_domain::consultation::Statement| ModerationRow {
        id: s.id,
        text: s.text.as_ref().map(|t| t.as_str().to_owned()).unwrap_or_else(|| s.text_sha256.clone()),
        moderation: s.moderation.as_str(),
        seeded: s.author.is_none(),
    };
    let mut pending: Vec<ModerationRow> =
        c.statements.iter().filter(|s| s.moderation == Moderation::Pending).map(row).collect();
    let mut decided: Vec<ModerationRow> =
        c.statements.iter().filter(|s| s.moderation != Moderation::Pending).map(row).collect();
    let hidden: std::collections::BTreeSet<u32> =
        c.statements.iter().filter(|s| s.text.is_none()).map(|s| s.id).collect();
    let title = c.title.as_str().to_owned();
    drop(state);
    for r in pending.iter_mut().chain(decided.iter_mut()).filter(|r| hidden.contains(&r.id)) {
        match super::api::pending_text(app, &r.text) {
            Ok(Some(text)) => r.text = text,
            _ => r.text = crate::t1("cons-text-not-on-this-server", "sha256", &r.text),
        }
    }
    render(
        status,
        ModerationPage { chrome: Chrome::new(app, &user, "consultations"), id, title, pending, decided, error },
    )
}

#[derive(Deserialize)]
struct ModerateForm {
    csrf: String,
    decision: String,
}
with_csrf!(ModerateForm);

async fn moderate(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(ConsultationId(id)): InPage<ConsultationId>,
    InPage(StatementNumber(statement)): InPage<StatementNumber>,
    form: CsrfForm<ModerateForm>,
) -> Response {
    let result = async {
        let f = form.check(&u)?;
        let accepted = match f.decision.as_str() {
            "accept" => true,
            "reject" => false,
            other => {
                return Err(ApiError::bad_request(
                    "invalid_decision",
                    format!("{:?} is not a decision: accept or reject", other.chars().take(40).collect::<String>()),
                ))
            }
        };
        let action = super::api::moderation(&app, id, statement, accepted)?;
        app.store.submit(u.principal(), action, None).await?;
        Ok(())
    }
    .await;
    match result {
        Ok(()) => Redirect::to(&format!("/consultations/{id}/moderation")).into_response(),
        Err(e) => moderation_page(&app, &u, id, Some(e.message), e.status),
    }
}

#[derive(Deserialize)]
struct SecretariatForm {
    csrf: String,
}
with_csrf!(SecretariatForm);

async fn close(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(ConsultationId(id)): InPage<ConsultationId>,
    form: CsrfForm<SecretariatForm>,
) -> Response {
    let result = async {
        form.check(&u)?;
        app.store.submit(u.principal(), actions::close(id), None).await?;
        Ok::<(), ApiError>(())
    }
    .await;
    secretariat_answer(&app, u, id, result, "closed").await
}

async fn publish(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(ConsultationId(id)): InPage<ConsultationId>,
    form: CsrfForm<SecretariatForm>,
) -> Response {
    let result = async {
        form.check(&u)?;
        super::api::publish(&app, u.principal(), id).await?;
        Ok::<(), ApiError>(())
    }
    .await;
    secretariat_answer(&app, u, id, result, "published").await
}

async fn secretariat_answer(
    app: &AppState,
    u: WebUser,
    id: u64,
    result: Result<(), ApiError>,
    notice: &str,
) -> Response {
    match result {
        Ok(()) => Redirect::to(&format!("/consultations/{id}?notice={notice}")).into_response(),
        Err(e) => {
            let who = Who::of(app, Some(u), &HeaderMap::new());
            show(app, &who, id, None, Some(e.message), e.status).await
        }
    }
}

// ---- words on the pages ----
//
// The pages' words are Fluent messages (`locales/<lang>/consultations.ftl`).
// Where a message holds markup around a value (`<bdi>` around a title,
// `<code>` around a key, a link), the `ht` helpers give the message as
// HTML: its text escaped, the placeables named filled with HTML the page
// built from escaped values.

/// A link within Accord around HTML.
pub(crate) fn link(to: impl std::fmt::Display, html: impl std::fmt::Display) -> String {
    format!("<a href=\"{}\">{html}</a>", escape(&to.to_string()))
}

/// A statement's moderation (`pending`, `accepted`, `rejected`) in words.
pub(crate) fn moderation_word(moderation: &str) -> String {
    match moderation {
        "pending" => crate::t("cons-moderation-pending"),
        "accepted" => crate::t("cons-moderation-accepted"),
        "rejected" => crate::t("cons-moderation-rejected"),
        other => other.to_owned(),
    }
}

/// A participant's category in words.
fn category_word(category: ParticipantCategory) -> String {
    crate::t(match category {
        ParticipantCategory::Delegation => "cons-category-delegation",
        ParticipantCategory::IntergovernmentalOrganisation => "cons-category-intergovernmental-organisation",
        ParticipantCategory::Ngo => "cons-category-ngo",
        ParticipantCategory::PrivateSector => "cons-category-private-sector",
        ParticipantCategory::Academia => "cons-category-academia",
        ParticipantCategory::TechnicalCommunity => "cons-category-technical-community",
        ParticipantCategory::Public => "cons-category-public",
    })
}
