//! The web pages of meetings and decisions: sessions and meetings, a
//! meeting (attendance, agenda, lists of speakers, votes and consensus —
//! the chair's console for the chair, the delegation's view for delegates,
//! the public view for everyone), its summary record, and a process's
//! rules and decisions (with silence procedures).
//!
//! Every form posts to one `act` route per page with the act's name; on
//! success the page is shown again with a notice (303), on a refusal with
//! the error and nothing changed. Parts of the pages refresh by themselves
//! when the record grows (`data-live`, see `assets/accord.js`).

use accord_domain::decisions::{
    AttendanceCorrected, AttendanceRegistered, BallotCast, Choice, ConsensusRef, DecisionRef, FloorGiven, FloorKind,
    FloorRequested, FloorWithdrawn, ImportantQuestion, Majority, MeetingRef, SpeakingTimeSet, Target, VoteRef,
};
use accord_domain::state::Action;
use accord_domain::{EntryBody, MemberCode};
use askama::Template;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::actions;
use super::api as dapi;
use super::api::SummaryJson;
use super::shapes::*;
use crate::http::auth::{MaybeUser, WebUser};
use crate::http::error::ApiError;
use crate::http::i18n::html::{bdi, esc, escape, ht1, ht2, ht3, nt2, strong};
use crate::http::ids::{proposal_id, MeetingId, ProcessId};
use crate::http::page::PageQuery;
use crate::http::page::{error_page, render, with_csrf, Chrome, CsrfForm, InPage, RequireUser};
use crate::http::ranges;
use crate::http::signing::{self, PageSign, SignFields};
use crate::http::time::rfc3339;
use crate::shared::*;
use crate::AppState;

pub fn routes() -> crate::http::routes::Routes {
    crate::http::routes::Routes::new()
        .get("/sessions", sessions)
        .post("/sessions", sessions_act)
        // The menu says "Meetings"; the address people guess leads there.
        .get("/meetings", || async { axum::response::Redirect::permanent("/sessions") })
        .get("/meetings/{mid}", meeting)
        .post("/meetings/{mid}", meeting_act)
        .get("/meetings/{mid}/summary", summary_page)
        .get("/meetings/{mid}/summary.md", summary_markdown)
        .get("/processes/{id}/decisions", decisions)
        .post("/processes/{id}/decisions", decisions_act)
}

fn notice(q: &NoticeOnly) -> Option<String> {
    q.notice.as_deref().map(|_| crate::t("meet-recorded"))
}

#[derive(Deserialize, Default)]
struct NoticeOnly {
    notice: Option<String>,
}

/// Who the user is in a meeting.
#[derive(Default)]
struct Role {
    /// The member they act for (any delegate but an adviser).
    member: Option<String>,
    /// Whether they vote for it (its status is member, not suspended).
    votes: bool,
    chair: bool,
    secretariat: bool,
}

/// [`Role`] from the domain's answer to "what may this user do here?".
fn role(app: &AppState, user: &Option<WebUser>) -> Role {
    let Some(u) = user else { return Role::default() };
    let rights = app.store.state().rights(u.principal());
    Role {
        member: rights.acts_for().map(|m| m.to_string()),
        votes: rights.may_vote(),
        chair: rights.is_chair(),
        secretariat: rights.is_secretariat(),
    }
}

/// The fields any act form may carry.
#[derive(Deserialize, Default)]
struct ActForm {
    csrf: String,
    act: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    session: String,
    #[serde(default)]
    item: String,
    #[serde(default)]
    parent: String,
    #[serde(default)]
    request: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    seconds: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    choice: String,
    #[serde(default)]
    vote: String,
    #[serde(default)]
    consensus: String,
    #[serde(default)]
    decision: String,
    #[serde(default)]
    silence: String,
    #[serde(default)]
    member: String,
    #[serde(default)]
    present: String,
    #[serde(default)]
    process: String,
    #[serde(default)]
    target_kind: String,
    #[serde(default)]
    target_id: String,
    #[serde(default)]
    majority: String,
    #[serde(default)]
    ad_referendum: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    hours: String,
    #[serde(flatten)]
    sign: SignFields,
}

fn num<T: std::str::FromStr>(raw: &str, what: &str) -> Result<T, ApiError> {
    raw.trim().parse::<T>().map_err(|_| ApiError::bad_request("invalid_number", format!("give the {what} as a number")))
}

fn target(f: &ActForm) -> Result<Target, ApiError> {
    match f.target_kind.as_str() {
        "proposal" => Ok(Target::Proposal(proposal_id(f.target_id.trim())?)),
        "provision" if !f.target_id.trim().is_empty() => Ok(Target::Provision(f.target_id.trim().to_owned())),
        "instrument" => Ok(Target::Instrument),
        _ => Err(ApiError::bad_request(
            "invalid_target",
            "choose a proposal (its number), a provision (its eId) or the instrument",
        )),
    }
}

/// Records an act from a form: signed when the form carries the member's
/// signature (see [`crate::http::signing`]).
async fn submit(app: &AppState, u: &WebUser, sign: &PageSign, f: &ActForm, body: EntryBody) -> Result<(), ApiError> {
    signing::submit(app, u, sign, &f.sign, Action::Negotiate(Box::new(body))).await?;
    Ok(())
}

// ---- sessions ----

#[derive(Template)]
#[template(path = "sessions.html")]
struct SessionsPage {
    chrome: Chrome,
    notice: Option<String>,
    error: Option<String>,
    sessions: Vec<super::shapes::SessionJson>,
    secretariat: bool,
}

fn sessions_view(
    app: &AppState,
    user: &Option<WebUser>,
    notice: Option<String>,
    error: Option<String>,
) -> SessionsPage {
    let list = {
        let s = app.store.state();
        s.proceedings.sessions.iter().map(|x| dapi::session_json(&s, x)).collect()
    };
    SessionsPage {
        chrome: Chrome::new(app, user, "sessions"),
        notice,
        error,
        sessions: list,
        secretariat: role(app, user).secretariat,
    }
}

async fn sessions(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    PageQuery(q): PageQuery<NoticeOnly>,
) -> Response {
    render(StatusCode::OK, sessions_view(&app, &user, notice(&q), None))
}

async fn sessions_act(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    sign: PageSign,
    f: CsrfForm<ActForm>,
) -> Response {
    let user = Some(u.clone());
    let result = async {
        let f = f.check(&u)?;
        let body = match f.act.as_str() {
            "session" => actions::session(&f.title),
            "meeting" => actions::meeting(num(&f.session, "session")?, &f.date, &f.place),
            other => return Err(ApiError::bad_request("unknown_act", format!("there is no act {other:?} here"))),
        };
        submit(&app, &u, &sign, f, body).await
    }
    .await;
    match result {
        Ok(()) => Redirect::to("/sessions?notice=1").into_response(),
        Err(e) => render(e.status, sessions_view(&app, &user, None, Some(e.message))),
    }
}

// ---- a meeting ----

pub struct VoteView {
    pub id: u64,
    pub label: String,
    pub majority: String,
    pub open: bool,
    pub tally: crate::shared::TallyJson,
    pub mine: String,
    pub decision: Option<u64>,
}

pub struct ConsensusView {
    pub id: u64,
    pub label: String,
    pub ad_referendum: bool,
    pub objections: Vec<(String, String)>,
    pub open: bool,
    pub outcome: String,
}

#[derive(Template)]
#[template(path = "meeting.html")]
struct MeetingPage {
    chrome: Chrome,
    notice: Option<String>,
    error: Option<String>,
    m: MeetingJson,
    session: String,
    members: Vec<(String, bool)>,
    votes: Vec<VoteView>,
    consensus: Vec<ConsensusView>,
    processes: Vec<(u64, String)>,
    my_member: Option<String>,
    i_vote: bool,
    i_am_present: bool,
    chair: bool,
    secretariat: bool,
    /// The server's clock when the page was made (Unix ms), so that the
    /// speaking-time countdown does not depend on the reader's clock.
    now_ms: i64,
}

fn meeting_view(
    app: &AppState,
    user: &Option<WebUser>,
    mid: u64,
    notice: Option<String>,
    error: Option<String>,
) -> Result<MeetingPage, ApiError> {
    let r = role(app, user);
    let s = app.store.state();
    let m = s.proceedings.meeting(mid)?;
    let me = r.member.as_deref().and_then(|c| MemberCode::parse(c).ok());
    let votes = s
        .proceedings
        .votes
        .iter()
        .filter(|v| v.meeting == mid)
        .map(|v| VoteView {
            id: v.id,
            label: in_process(&v.target, v.process),
            majority: crate::t(if v.majority == Majority::Simple {
                "meet-majority-simple"
            } else {
                "meet-majority-two-thirds"
            }),
            open: v.closed.is_none(),
            tally: s.proceedings.tally_of(v).into(),
            mine: me
                .as_ref()
                .and_then(|c| v.ballots.get(c))
                .map(|c| choice_word(&format!("{c:?}").to_lowercase()))
                .unwrap_or_default(),
            decision: v.decision,
        })
        .collect();
    let consensus = s
        .proceedings
        .consensus
        .iter()
        .filter(|c| c.meeting == mid)
        .map(|c| ConsensusView {
            id: c.id,
            label: in_process(&c.target, c.process),
            ad_referendum: c.ad_referendum,
            objections: c.objections.iter().map(|(m, r)| (m.to_string(), r.clone())).collect(),
            open: c.decision.is_none(),
            outcome: c
                .decision
                .and_then(|d| s.proceedings.decision(d).ok())
                .map(|d| outcome_word(&crate::shared::decision_json(d).outcome))
                .unwrap_or_default(),
        })
        .collect();
    Ok(MeetingPage {
        chrome: Chrome::new(app, user, "sessions"),
        notice,
        error,
        m: {
            // Speakers in the order they speak: those who spoke or speak,
            // then the waiting list as the chair will call it (points of
            // order first, rights of reply last).
            let mut j = super::shapes::meeting_json(&s, m);
            for item in &mut j.agenda {
                let queue = item.queue.clone();
                item.requests.sort_by_key(|r| match queue.iter().position(|n| *n == r.number) {
                    Some(at) => (1, at as u32),
                    None => (0, r.number),
                });
            }
            j
        },
        session: s.proceedings.sessions.get(m.session as usize - 1).map(|x| x.title.clone()).unwrap_or_default(),
        members: s.members.values().map(|x| (x.code.to_string(), m.present.contains(&x.code))).collect(),
        votes,
        consensus,
        processes: s.processes.iter().map(|p| (p.id, p.title.clone())).collect(),
        i_am_present: me.as_ref().is_some_and(|c| m.present.contains(c)),
        my_member: r.member,
        i_vote: r.votes,
        chair: r.chair,
        secretariat: r.secretariat,
        now_ms: app.config.clock.now_unix_ms(),
    })
}

async fn meeting(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    InPage(MeetingId(mid)): InPage<MeetingId>,
    PageQuery(q): PageQuery<NoticeOnly>,
) -> Response {
    match meeting_view(&app, &user, mid, notice(&q), None) {
        Ok(p) => render(StatusCode::OK, p),
        Err(e) => error_page(&app, &user, e),
    }
}

fn meeting_body(s: &accord_domain::State, f: &ActForm, mid: u64) -> Result<EntryBody, ApiError> {
    let item = || num::<u32>(&f.item, "agenda item");
    Ok(match f.act.as_str() {
        "open_meeting" => EntryBody::MeetingOpened(MeetingRef { meeting: mid }),
        "close_meeting" => EntryBody::MeetingClosed(MeetingRef { meeting: mid }),
        "register" => EntryBody::AttendanceRegistered(AttendanceRegistered { meeting: mid }),
        "leave" => EntryBody::AttendanceCorrected(AttendanceCorrected {
            meeting: mid,
            member: MemberCode::parse(&f.member)?,
            present: false,
        }),
        "correct" => EntryBody::AttendanceCorrected(AttendanceCorrected {
            meeting: mid,
            member: MemberCode::parse(&f.member)?,
            present: f.present == "yes",
        }),
        "agenda" => actions::agenda_item(
            mid,
            &f.title,
            Some(f.parent.trim())
                .filter(|p| !p.is_empty())
                .map(|p| ranges::within("the parent item", num::<i64>(p, "parent item")?, 1, ranges::AGENDA_ITEM_MAX))
                .transpose()?
                .map(|p| p as u32),
        ),
        "floor" => EntryBody::FloorRequested(FloorRequested {
            meeting: mid,
            item: item()?,
            kind: match f.kind.as_str() {
                "point_of_order" => FloorKind::PointOfOrder,
                "right_of_reply" => FloorKind::RightOfReply,
                "statement" | "" => FloorKind::Statement,
                other => {
                    return Err(ApiError::bad_request(
                        "invalid_kind",
                        format!(
                            "ask for the floor for a statement, a point of order or a right of reply, not {other:?}"
                        ),
                    ))
                }
            },
        }),
        "withdraw" => EntryBody::FloorWithdrawn(FloorWithdrawn {
            meeting: mid,
            item: item()?,
            request: num(&f.request, "request")?,
        }),
        "next" => EntryBody::FloorGiven(FloorGiven { meeting: mid, item: item()? }),
        "time" => EntryBody::SpeakingTimeSet(SpeakingTimeSet {
            meeting: mid,
            item: item()?,
            seconds: Some(f.seconds.trim())
                .filter(|s| !s.is_empty())
                .map(|s| ranges::within("seconds", num::<i64>(s, "speaking time")?, 1, ranges::SPEAKING_MAX_SECONDS))
                .transpose()?
                .map(|s| s as u32),
        }),
        "statement" => actions::statement(mid, item()?, num(&f.request, "turn")?, Some(&f.text), None, None),
        "ballot" => EntryBody::BallotCast(BallotCast {
            vote: num(&f.vote, "vote")?,
            choice: match f.choice.as_str() {
                "yes" => Choice::Yes,
                "no" => Choice::No,
                "abstain" => Choice::Abstain,
                _ => return Err(ApiError::bad_request("invalid_choice", "vote yes, no or abstain")),
            },
        }),
        "close" => EntryBody::VoteClosed(VoteRef { vote: num(&f.vote, "vote")? }),
        "open_vote" => {
            let process = num(&f.process, "process")?;
            let target = target(f)?;
            let majority = match f.majority.as_str() {
                "two_thirds" => Some(Majority::TwoThirds),
                "simple" => Some(Majority::Simple),
                // As the rules say: the important majority for an important question.
                _ => None,
            };
            actions::open_vote(s, process, target, majority, mid, None)
        }
        "consensus" => actions::consensus(num(&f.process, "process")?, target(f)?, mid, f.ad_referendum == "on", None),
        "object" => actions::objection(num(&f.consensus, "consensus")?, &f.reason),
        "declare" => EntryBody::ConsensusDeclared(ConsensusRef { consensus: num(&f.consensus, "consensus")? }),
        other => return Err(ApiError::bad_request("unknown_act", format!("there is no act {other:?} here"))),
    })
}

async fn meeting_act(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(MeetingId(mid)): InPage<MeetingId>,
    sign: PageSign,
    f: CsrfForm<ActForm>,
) -> Response {
    let user = Some(u.clone());
    let result = async {
        let f = f.check(&u)?;
        let body = meeting_body(&app.store.state(), f, mid)?;
        submit(&app, &u, &sign, f, body).await
    }
    .await;
    match result {
        Ok(()) => Redirect::to(&format!("/meetings/{mid}?notice=1")).into_response(),
        Err(e) => match meeting_view(&app, &user, mid, None, Some(e.message.clone())) {
            Ok(page) => render(e.status, page),
            Err(_) => error_page(&app, &user, e),
        },
    }
}

// ---- the summary record ----

#[derive(Template)]
#[template(path = "summary.html")]
struct SummaryPage {
    chrome: Chrome,
    s: SummaryJson,
    names: std::collections::BTreeMap<String, String>,
    /// The members present, by name in alphabetical order.
    attendance: Vec<String>,
}

async fn summary_page(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    InPage(MeetingId(mid)): InPage<MeetingId>,
) -> Response {
    let result = {
        let s = app.store.state();
        dapi::summary_of(&s, mid).map(|summary| {
            let names: std::collections::BTreeMap<String, String> =
                s.members.values().map(|m| (m.code.to_string(), m.name.to_string())).collect();
            (summary, names)
        })
    };
    match result {
        Ok((s, names)) => {
            let mut attendance: Vec<String> =
                s.meeting.present.iter().map(|c| names.get(c).cloned().unwrap_or_else(|| c.clone())).collect();
            attendance.sort_by_key(|n| n.to_lowercase());
            render(StatusCode::OK, SummaryPage { chrome: Chrome::new(&app, &user, "sessions"), s, names, attendance })
        }
        Err(e) => error_page(&app, &user, e),
    }
}

/// The summary record as Markdown, for circulation, in the reader's
/// language (names, titles and statements as recorded).
async fn summary_markdown(State(app): State<AppState>, MeetingId(mid): MeetingId) -> Result<Response, ApiError> {
    let s = dapi::summary_of(&app.store.state(), mid)?;
    let m = &s.meeting;
    let mut md = format!(
        "# {} — {}\n\n{}, {}\n\n## {}\n\n",
        crate::t1("meet-summary-title", "number", m.number),
        s.session,
        m.date,
        m.place,
        crate::t("meet-attendance")
    );
    md.push_str(&if m.present.is_empty() { crate::t("meet-no-member-present") } else { m.present.join(", ") });
    md.push_str(&format!(
        "\n\n{}\n",
        crate::t2("meet-md-quorum", "count", m.voting_members_present, "to_decide", m.decision_quorum)
    ));
    for item in &m.agenda {
        md.push_str(&format!(
            "\n## {}\n\n",
            crate::t2("meet-item-heading", "label", item.label.as_str(), "title", item.title.as_str())
        ));
        let spoke: Vec<&super::shapes::FloorJson> =
            item.requests.iter().filter(|r| r.status == "spoke" || r.status == "speaking").collect();
        if spoke.is_empty() {
            md.push_str(&crate::t("meet-no-one-spoke"));
            md.push('\n');
        }
        for r in spoke {
            let kind = match r.kind.as_str() {
                "point_of_order" => format!(" {}", crate::t("meet-note-point-of-order")),
                "right_of_reply" => format!(" {}", crate::t("meet-note-right-of-reply")),
                _ => String::new(),
            };
            md.push_str(&format!(
                "- **{}**{kind}: {}\n",
                r.member,
                r.statement
                    .clone()
                    .or_else(|| r.file_name.clone().map(|n| crate::t1("meet-md-statement-in", "file", n)))
                    .unwrap_or_default()
            ));
        }
    }
    md.push_str(&format!("\n## {}\n\n", crate::t("meet-decisions")));
    if s.decisions.is_empty() {
        md.push_str(&crate::t("meet-no-decision-was-taken"));
        md.push('\n');
    }
    for d in &s.decisions {
        md.push_str("- ");
        md.push_str(&decision_text(&d.decision, "**"));
        if !d.ballots.is_empty() {
            for choice in ["yes", "no", "abstain"] {
                let who: Vec<&str> =
                    d.ballots.iter().filter(|(_, c)| c.as_str() == choice).map(|(m, _)| m.as_str()).collect();
                md.push_str(&format!(
                    "  - {}: {}\n",
                    choice_word(choice),
                    if who.is_empty() { crate::t("meet-md-none") } else { who.join(", ") }
                ));
            }
        }
    }
    Ok(([(header::CONTENT_TYPE, "text/markdown; charset=utf-8")], md).into_response())
}

/// The summary record as the PDF prints it under its masthead, in the
/// current language: the same words as [`summary_markdown`] (names,
/// titles and statements as recorded).
pub(crate) fn summary_pdf_record(s: &dapi::SummaryJson) -> accord_pdf::Record {
    use accord_pdf::{Record, Section};
    let m = &s.meeting;
    let mut sections = Vec::new();
    let present = if m.present.is_empty() { crate::t("meet-no-member-present") } else { m.present.join(", ") };
    sections.push(Section {
        heading: crate::t("meet-attendance"),
        paragraphs: vec![
            (None, present),
            (None, crate::t2("meet-md-quorum", "count", m.voting_members_present, "to_decide", m.decision_quorum)),
        ],
    });
    for item in &m.agenda {
        let mut paragraphs = Vec::new();
        let spoke: Vec<&super::shapes::FloorJson> =
            item.requests.iter().filter(|r| r.status == "spoke" || r.status == "speaking").collect();
        if spoke.is_empty() {
            paragraphs.push((None, crate::t("meet-no-one-spoke")));
        }
        for r in spoke {
            let who = match r.kind.as_str() {
                "point_of_order" => format!("{} {}", r.member, crate::t("meet-note-point-of-order")),
                "right_of_reply" => format!("{} {}", r.member, crate::t("meet-note-right-of-reply")),
                _ => r.member.clone(),
            };
            let words = r
                .statement
                .clone()
                .or_else(|| r.file_name.clone().map(|n| crate::t1("meet-md-statement-in", "file", n)))
                .unwrap_or_default();
            paragraphs.push((Some(who), words));
        }
        sections.push(Section {
            heading: crate::t2("meet-item-heading", "label", item.label.as_str(), "title", item.title.as_str()),
            paragraphs,
        });
    }
    let mut decisions = Vec::new();
    if s.decisions.is_empty() {
        decisions.push((None, crate::t("meet-no-decision-was-taken")));
    }
    for d in &s.decisions {
        decisions.push((None, decision_text(&d.decision, "")));
        if !d.ballots.is_empty() {
            for choice in ["yes", "no", "abstain"] {
                let who: Vec<&str> =
                    d.ballots.iter().filter(|(_, c)| c.as_str() == choice).map(|(m, _)| m.as_str()).collect();
                let who = if who.is_empty() { crate::t("meet-md-none") } else { who.join(", ") };
                decisions.push((Some(choice_word(choice)), who));
            }
        }
    }
    sections.push(Section { heading: crate::t("meet-decisions"), paragraphs: decisions });
    Record {
        title: crate::t1("meet-summary-title", "number", m.number),
        subtitle: format!("{}, {}", m.place, s.session),
        sections,
    }
}

pub struct SilenceView {
    pub id: u64,
    pub label: String,
    pub deadline: String,
    pub open: bool,
    pub broken: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "decisions.html")]
struct DecisionsPage {
    chrome: Chrome,
    notice: Option<String>,
    error: Option<String>,
    id: u64,
    title: String,
    rules: Vec<(String, String)>,
    decisions: Vec<(DecisionJson, String)>,
    silences: Vec<SilenceView>,
    /// Questions designated important: what, and the entry.
    important: Vec<(String, u64)>,
    chair: bool,
    i_vote: bool,
}

fn decisions_view(
    app: &AppState,
    user: &Option<WebUser>,
    id: u64,
    notice: Option<String>,
    error: Option<String>,
) -> Result<DecisionsPage, ApiError> {
    let r = role(app, user);
    let s = app.store.state();
    let p = s.process(id)?;
    let rules = s.proceedings.rules_for(id);
    let members = s.voting_members().count();
    let share = |x: &accord_domain::decisions::Share| {
        let fraction = format!("{}/{}", x.numerator, x.denominator);
        let id = if x.more_than { "meet-rule-share-more-than" } else { "meet-rule-share" };
        crate::t3(id, "share", fraction, "needed", x.of(members), "members", members)
    };
    let majority = |m: Majority| {
        crate::t(if m == Majority::Simple { "meet-rule-majority-simple" } else { "meet-rule-majority-two-thirds" })
    };
    Ok(DecisionsPage {
        chrome: Chrome::new(app, user, "processes"),
        notice,
        error,
        id,
        title: p.title.clone(),
        rules: vec![
            (crate::t("meet-rule-majority"), majority(rules.majority)),
            (crate::t("meet-rule-important-majority"), majority(rules.important_majority)),
            (
                crate::t("meet-rule-abstentions"),
                crate::t(if rules.abstentions == accord_domain::decisions::Abstentions::NotCounted {
                    "meet-rule-abstentions-not-counted"
                } else {
                    "meet-rule-abstentions-counted"
                }),
            ),
            (crate::t("meet-rule-meeting-quorum"), share(&rules.meeting_quorum)),
            (crate::t("meet-rule-decision-quorum"), share(&rules.decision_quorum)),
            (crate::t("meet-rule-silence"), crate::t1("meet-rule-silence-hours", "hours", rules.silence_min_hours)),
            (
                crate::t("meet-rule-informal-agreement"),
                crate::t(if rules.informal_agreement {
                    "meet-rule-informal-agreement-yes"
                } else {
                    "meet-rule-informal-agreement-no"
                }),
            ),
        ],
        decisions: s
            .proceedings
            .decisions
            .iter()
            .filter(|d| d.process == id)
            .map(|d| {
                let j = crate::shared::decision_json(d);
                let line = decision_text(&j, "");
                (j, line)
            })
            .collect(),
        silences: s
            .proceedings
            .silences
            .iter()
            .filter(|x| x.process == id)
            .map(|x| SilenceView {
                id: x.id,
                label: target_label(&x.target),
                deadline: rfc3339(x.deadline),
                open: x.decision.is_none(),
                broken: x.broken.as_ref().map(|(m, r, _)| (m.to_string(), r.clone())),
            })
            .collect(),
        important: s
            .proceedings
            .important
            .iter()
            .filter(|(p, _, _)| *p == id)
            .map(|(_, t, entry)| (target_label(t), *entry))
            .collect(),
        chair: r.chair,
        i_vote: r.votes,
    })
}

async fn decisions(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    InPage(ProcessId(id)): InPage<ProcessId>,
    PageQuery(q): PageQuery<NoticeOnly>,
) -> Response {
    match decisions_view(&app, &user, id, notice(&q), None) {
        Ok(p) => render(StatusCode::OK, p),
        Err(e) => error_page(&app, &user, e),
    }
}

async fn decisions_act(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(ProcessId(id)): InPage<ProcessId>,
    sign: PageSign,
    f: CsrfForm<ActForm>,
) -> Response {
    let user = Some(u.clone());
    let result = async {
        let f = f.check(&u)?;
        let body = match f.act.as_str() {
            "silence" => {
                let min_hours = app.store.state().proceedings.rules_for(id).silence_min_hours.max(1) as i64;
                let hours =
                    ranges::within("hours", num(&f.hours, "length in hours")?, min_hours, ranges::SILENCE_MAX_HOURS)?;
                let now = app.config.clock.now_unix_ms();
                actions::silence(id, target(f)?, now + hours * 3_600_000, None)
            }
            "break" => actions::silence_break(num(&f.silence, "silence procedure")?, &f.reason),
            "confirm" => EntryBody::DecisionConfirmed(DecisionRef { decision: num(&f.decision, "decision")? }),
            "important" => {
                EntryBody::ImportantQuestionDesignated(ImportantQuestion { process: id, target: target(f)? })
            }
            other => return Err(ApiError::bad_request("unknown_act", format!("there is no act {other:?} here"))),
        };
        submit(&app, &u, &sign, f, body).await
    }
    .await;
    match result {
        Ok(()) => Redirect::to(&format!("/processes/{id}/decisions?notice=1")).into_response(),
        Err(e) => match decisions_view(&app, &user, id, None, Some(e.message.clone())) {
            Ok(page) => render(e.status, page),
            Err(_) => error_page(&app, &user, e),
        },
    }
}

// ---- words on the pages ----
//
// The pages' words are Fluent messages (`locales/<lang>/meetings.ftl`).
// Where a message holds markup around a value (`<bdi>` around a title,
// `<strong>` around a word, a link), the `ht` helpers give the message as
// HTML: its text escaped, the placeables named filled with HTML the page
// built from escaped values.

/// A time the script shows in the reader's zone (RFC 3339 inside).
pub(crate) fn time(rfc3339: impl std::fmt::Display) -> String {
    let t = escape(&rfc3339.to_string());
    format!("<time datetime=\"{t}\">{t}</time>")
}

/// A link within Accord.
pub(crate) fn link(to: &str, text: impl std::fmt::Display) -> String {
    format!("<a href=\"{}\">{}</a>", escape(to), escape(&text.to_string()))
}

/// "entry #42", linked to the entry.
pub(crate) fn entry_link(entry: &u64) -> String {
    link(&format!("/record/{entry}"), crate::t1("meet-entry-hash", "number", *entry))
}

/// A request for the floor's status: waiting or spoke (the one speaking
/// and the withdrawn are shown otherwise).
pub(crate) fn floor_status(status: &str) -> String {
    match status {
        "waiting" => crate::t("meet-floor-waiting"),
        "spoke" => crate::t("meet-floor-spoke"),
        "speaking" => crate::t("meet-floor-speaking"),
        "withdrawn" => crate::t("meet-floor-withdrawn"),
        other => other.to_owned(),
    }
}

/// A ballot's choice (`yes`, `no`, `abstain`) in words.
pub(crate) fn choice_word(choice: &str) -> String {
    match choice {
        "yes" => crate::t("meet-choice-yes"),
        "no" => crate::t("meet-choice-no"),
        "abstain" => crate::t("meet-choice-abstain"),
        other => other.to_owned(),
    }
}

/// A decision's outcome (`adopted`, `agreed_ad_referendum`, `not_adopted`) in words.
pub(crate) fn outcome_word(outcome: &str) -> String {
    match outcome {
        "adopted" => crate::t("meet-outcome-adopted"),
        "agreed_ad_referendum" => crate::t("meet-outcome-agreed-ad-referendum"),
        "not_adopted" => crate::t("meet-outcome-not-adopted"),
        other => other.replace('_', " "),
    }
}

/// How a decision was taken (`consensus`, `silence`, `vote`) in words.
pub(crate) fn method_word(method: &str) -> String {
    match method {
        "consensus" => crate::t("meet-method-consensus"),
        "silence" => crate::t("meet-method-silence"),
        "vote" => crate::t("meet-method-vote"),
        other => other.to_owned(),
    }
}

/// What a question is on: a proposal (`P-17`), a provision (its label) or
/// the instrument.
fn target_label(target: &Target) -> String {
    match target {
        Target::Instrument => crate::t("meet-target-the-instrument"),
        other => other.label(),
    }
}

/// A question's target with its process: "P-3 (process 1)".
fn in_process(target: &Target, process: u64) -> String {
    crate::t2("meet-target-in-process", "target", target_label(target), "process", process)
}

/// A decision's target as the summary record names it: "proposal 17",
/// "provision \"art_5\"", "instrument".
pub(crate) fn summary_target(target: &TargetJson) -> String {
    let id = target.id.as_ref().map(|x| x.to_string()).unwrap_or_default();
    match (target.kind.as_str(), &target.id) {
        ("proposal", Some(_)) => crate::t1("meet-summary-target-proposal", "id", id),
        ("provision", Some(_)) => crate::t1("meet-summary-target-provision", "id", id),
        ("instrument", None) => crate::t("meet-summary-target-instrument"),
        (kind, Some(_)) => format!("{kind} {id}"),
        (kind, None) => kind.to_owned(),
    }
}

/// A decision in one line, as the process's decisions list shows it:
/// "Decision 2 on P-3 (process 1, on version 2), by vote: adopted — 5 yes,
/// 1 no, 0 abstaining; 4 required (entry 40)", the outcome between `mark`s
/// (`**` in Markdown).
fn decision_text(d: &DecisionJson, mark: &str) -> String {
    let target = match (d.target.kind.as_str(), &d.target.id) {
        ("instrument", _) => crate::t("meet-target-the-instrument"),
        ("proposal", Some(id)) => format!("P-{id}"),
        ("provision", Some(serde_json::Value::String(eid))) => crate::http::i18n::provision_label(eid),
        (k, Some(id)) => format!("{k} {}", id.as_str().map(str::to_owned).unwrap_or_else(|| id.to_string())),
        (k, None) => k.to_owned(),
    };
    // The version the question was put on, and for the whole instrument
    // the version adopted: a reader knows which text was decided.
    let place = match (d.adopted_version, d.version) {
        (Some(v), _) => crate::t3("meet-decision-where-adopted", "target", target, "process", d.process, "version", v),
        (None, Some(v)) => {
            crate::t3("meet-decision-where-on-version", "target", target, "process", d.process, "version", v)
        }
        (None, None) => crate::t2("meet-decision-where", "target", target, "process", d.process),
    };
    let head = crate::t3("meet-decision-head", "id", d.id, "where", place, "method", method_word(&d.method));
    let outcome = crate::t2(
        "meet-decision-outcome",
        "decision",
        head,
        "outcome",
        format!("{mark}{}{mark}", outcome_word(&d.outcome)),
    );
    let tally = d
        .tally
        .as_ref()
        .map(|t| {
            let votes = crate::t3("meet-decision-tally", "yes", t.yes, "no", t.no, "abstaining", t.abstain);
            crate::t2("meet-decision-tally-required", "votes", votes, "required", t.required)
        })
        .unwrap_or_default();
    if tally.is_empty() {
        crate::t2("meet-decision-line", "decision", outcome, "entry", d.entry) + "\n"
    } else {
        crate::t3("meet-decision-line-tally", "decision", outcome, "tally", tally, "entry", d.entry) + "\n"
    }
}

with_csrf!(ActForm);
