//! The web pages of negotiating texts: the list of processes, the rolling
//! text (Accord's main screen), a provision with its proposals, provenance
//! and history, a proposal, the versions and their redlines.
//!
//! As everywhere, every page works without JavaScript: proposing a change
//! is a plain form; with the script, selecting words in a provision fills
//! the form's quote and occurrence.

use std::collections::BTreeSet;

use accord_domain::negotiation::redline::{Change, ProvisionRedline};
use accord_domain::negotiation::rolling::{self, RollingText, Span, View};
use accord_domain::negotiation::text::SourceKind;
use accord_domain::negotiation::{Position, Process, Proposal, ProposalKind, ProposalStatus};
use accord_domain::state::Action;
use accord_domain::MemberCode;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::actions::{self, ProposalAct};
use super::api as napi;
use super::api::with_process;
use crate::http::auth::{MaybeUser, WebUser};
use crate::http::error::ApiError;
use crate::http::ids::{process_id, proposal_id, ActName, ProcessId, ProposalId, ProvisionEid};
use crate::http::page::PageQuery;
use crate::http::page::{
    error_page, notice_text, render, urlencode, with_csrf, Chrome, CsrfForm, InPage, NoticeQuery, RequireUser,
};
use crate::http::signing::{self, PageSign, SignFields};
use crate::http::time::rfc3339;
use crate::{t, t1, t2, t3, AppState};

pub fn routes() -> crate::http::routes::Routes {
    crate::http::routes::Routes::new()
        // A zero draft comes in a form: percent-encoding makes it up to three
        // times its size, and the draft itself may have 2 MiB.
        .get("/processes", processes)
        .post_limited("/processes", open_process, 3 * crate::http::extract::MAX_DRAFT_REQUEST)
        .get("/processes/{id}", rolling_page)
        .get("/processes/{id}/versions", versions)
        .post("/processes/{id}/versions", issue_revision)
        .post("/processes/{id}/symbol", set_symbol)
        .post("/processes/{id}/papers", issue_paper)
        .get("/processes/{id}/diff", diff_page)
        .get("/processes/{id}/provisions/{eid}", provision_page)
        .get("/processes/{id}/proposals", to_rolling_text)
        .post("/processes/{id}/proposals", table)
        .get("/processes/{id}/proposals/{pid}", proposal_page)
        .post("/processes/{id}/proposals/{pid}/reanchor", reanchor)
        .post("/processes/{id}/proposals/{pid}/{act}", act)
        .post("/processes/{id}/chair-texts", chair_text)
}

/// What the logged-in user may do in negotiations.
struct Powers {
    /// The member they table proposals for (a head of delegation or
    /// delegate of a member with status member).
    member: Option<String>,
    chair: bool,
    secretariat: bool,
}

/// [`Powers`] from the domain's answer to "what may this user do here?".
fn powers(app: &AppState, user: &Option<WebUser>) -> Powers {
    let Some(u) = user else { return Powers { member: None, chair: false, secretariat: false } };
    let rights = app.store.state().rights(u.principal());
    Powers {
        member: rights.negotiates_for().map(|m| m.to_string()),
        chair: rights.chairs_negotiation(),
        secretariat: rights.is_secretariat(),
    }
}

/// "BRA, KEN, CHN + 12".
fn members_short(members: &[MemberCode]) -> String {
    let shown: Vec<&str> = members.iter().take(3).map(MemberCode::as_str).collect();
    let mut s = shown.join(", ");
    if members.len() > 3 {
        s.push_str(&format!(" + {}", members.len() - 3));
    }
    s
}

// ---- the rolling text, as the templates need it ----

pub struct OptionView {
    pub text: String,
    pub original: bool,
    /// "original; CHN" or "P-1, P-4: BRA, KEN + 12".
    pub label: String,
}

pub struct PartView {
    pub bracket: bool,
    pub text: String,
    pub options: Vec<OptionView>,
    /// The proposals of the bracket, comma-separated (for the chair's form).
    pub proposal_list: String,
}

pub struct ProvisionView {
    pub eid: String,
    pub kind: &'static str,
    pub num: String,
    pub heading: String,
    pub parts: Vec<PartView>,
    pub brackets: usize,
    pub options: usize,
    pub inserted_by: Option<u64>,
    pub has_text: bool,
}

fn provision_views(rolling: &RollingText) -> Vec<ProvisionView> {
    rolling
        .provisions
        .iter()
        .map(|p| ProvisionView {
            eid: p.eid.clone(),
            kind: p.kind.label(),
            num: p.num.clone(),
            heading: p.heading.clone(),
            parts: p
                .spans
                .iter()
                .map(|s| match s {
                    Span::Agreed { agreed } => PartView {
                        bracket: false,
                        text: agreed.clone(),
                        options: Vec::new(),
                        proposal_list: String::new(),
                    },
                    Span::Bracket { bracket } => PartView {
                        bracket: true,
                        text: String::new(),
                        proposal_list: bracket
                            .options
                            .iter()
                            .flat_map(|o| o.proposals.iter().map(u64::to_string))
                            .collect::<Vec<_>>()
                            .join(","),
                        options: bracket
                            .options
                            .iter()
                            .map(|o| {
                                let who = members_short(&o.members);
                                let label = if o.original {
                                    if who.is_empty() {
                                        t("neg-option-original")
                                    } else {
                                        format!("{}; {who}", t("neg-option-original"))
                                    }
                                } else {
                                    let ps: Vec<String> = o.proposals.iter().map(|p| format!("P-{p}")).collect();
                                    format!("{}: {who}", ps.join(", "))
                                };
                                OptionView { text: o.text.clone(), original: o.original, label }
                            })
                            .collect(),
                    },
                })
                .collect(),
            brackets: p.brackets,
            options: p.options,
            inserted_by: p.inserted_by,
            has_text: p.kind.has_text() || p.inserted_by.is_some() || !p.spans.is_empty(),
        })
        .collect()
}

// ---- processes ----

#[derive(Template)]
#[template(path = "processes.html")]
struct ProcessesPage {
    chrome: Chrome,
    notice: Option<String>,
    error: Option<String>,
    processes: Vec<super::shapes::ProcessSummary>,
    can_open: bool,
    form_title: String,
    form_markdown: String,
}

async fn processes(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    PageQuery(q): PageQuery<NoticeQuery>,
) -> Response {
    let p = powers(&app, &user);
    let list = match super::shapes::summaries(&app).await {
        Ok(list) => list.as_ref().clone(),
        Err(e) => return error_page(&app, &user, e),
    };
    render(
        StatusCode::OK,
        ProcessesPage {
            chrome: Chrome::new(&app, &user, "processes"),
            notice: notice_text(q.notice.as_deref()),
            error: None,
            processes: list,
            can_open: p.secretariat,
            form_title: String::new(),
            form_markdown: String::new(),
        },
    )
}

#[derive(Deserialize)]
struct OpenForm {
    csrf: String,
    title: String,
    markdown: String,
}

async fn open_process(State(app): State<AppState>, RequireUser(u): RequireUser, form: CsrfForm<OpenForm>) -> Response {
    let user = Some(u.clone());
    let result = async {
        let form = form.check(&u)?;
        napi::open(&app, u.principal(), &form.title, form.markdown.clone()).await
    }
    .await;
    match result {
        Ok((id, _)) => Redirect::to(&format!("/processes/{id}?notice=opened")).into_response(),
        Err(e) => {
            let p = powers(&app, &user);
            let list = super::shapes::summaries(&app).await.map(|l| l.as_ref().clone()).unwrap_or_default();
            render(
                e.status,
                ProcessesPage {
                    chrome: Chrome::new(&app, &user, "processes"),
                    notice: None,
                    error: Some(e.message),
                    processes: list,
                    can_open: p.secretariat,
                    form_title: form.as_sent().title.clone(),
                    form_markdown: form.as_sent().markdown.clone(),
                },
            )
        }
    }
}

// ---- the rolling text ----

/// The text part of the rolling-text page, rendered once per size of the
/// record (see [`crate::http::views`]).
#[derive(Template)]
#[template(path = "rolling_text.html")]
struct RollingFragment<'a> {
    id: u64,
    provisions: &'a [ProvisionView],
}

/// What the rolling-text page shows of the process, built once per size of
/// the record and view.
pub struct RollingData {
    title: String,
    version: u32,
    version_name: String,
    latest: u32,
    brackets: usize,
    options: usize,
    open_proposals: usize,
    outdated: Vec<u64>,
    members: Vec<String>,
    /// `view`: all, clean, member, or version (an older version's clean text).
    view: &'static str,
    /// For a version's page: whether its counts are those it had when the
    /// next version replaced it (`false`: the latest, counted now).
    counts_superseded: bool,
    /// The process's document symbol, or empty.
    symbol: String,
    /// The shown version's symbol (see `Process::version_symbol`), or empty.
    version_symbol: String,
    html: String,
}

#[derive(Template)]
#[template(path = "rolling.html")]
struct RollingPage {
    chrome: Chrome,
    notice: Option<String>,
    id: u64,
    data: std::sync::Arc<RollingData>,
    member: String,
    my_member: Option<String>,
    /// The secretariat sets the document symbol.
    can_set_symbol: bool,
    papers: PapersPanel,
}

/// A conference room paper as the pages list it.
pub struct PaperRow {
    pub number: u32,
    pub symbol: String,
    /// "Rolling text" or "Compilation of proposals", in the reader's language.
    pub kind: String,
    pub version: u32,
    pub entry: u64,
    pub time: String,
    /// The process still shows what it shows.
    pub current: bool,
    /// The compilation downloads in Word only.
    pub docx_only: bool,
}

/// The papers of a process and, for the secretariat, the form that
/// issues one. Read outside the view cache: issuing a paper does not
/// change what the process shows, so not its stamp either.
pub struct PapersPanel {
    pub rows: Vec<PaperRow>,
    pub can_issue: bool,
    /// The symbol the form offers (`next_paper_symbol`), or empty.
    pub next_symbol: String,
    /// The latest version, which a paper is issued on.
    pub latest: u32,
}

fn papers_panel(app: &AppState, id: u64, secretariat: bool) -> PapersPanel {
    use accord_domain::negotiation::{next_paper_symbol, PaperKind};
    let state = app.store.state();
    let Ok(p) = state.process(id) else {
        return PapersPanel { rows: Vec::new(), can_issue: false, next_symbol: String::new(), latest: 0 };
    };
    PapersPanel {
        rows: p
            .papers
            .iter()
            .rev()
            .map(|x| PaperRow {
                number: x.number,
                symbol: x.symbol.clone(),
                kind: match x.kind {
                    PaperKind::RollingText => t("neg-paper-kind-rolling_text"),
                    PaperKind::Compilation => t("neg-paper-kind-compilation"),
                },
                version: x.version,
                entry: x.entry,
                time: rfc3339(x.time),
                current: x.as_of == p.changed,
                docx_only: x.kind == PaperKind::Compilation,
            })
            .collect(),
        can_issue: secretariat,
        next_symbol: next_paper_symbol(&state, p).unwrap_or_default(),
        latest: p.latest().number,
    }
}

#[derive(Deserialize, Default)]
struct RollingQuery {
    view: Option<String>,
    member: Option<String>,
    version: Option<String>,
    notice: Option<String>,
}

fn rolling_data(p: &Process, version: Option<&str>, view: &View) -> Result<RollingData, ApiError> {
    let mut counts_superseded = false;
    let (rolling, shown) = if let Some(v) = version {
        let v = p.find_version(Some(v))?;
        let mut text = rolling::clean_text(p, &v.instrument, v.number);
        // The page shows the version's clean text, with the brackets and
        // options it had: when the next version replaced it, or now.
        let counts = match v.counts_at_end {
            Some(c) => {
                counts_superseded = true;
                c
            }
            None => {
                let now = rolling::rolling_text(p, &View::All);
                accord_domain::negotiation::Counts { brackets: now.brackets, options: now.options }
            }
        };
        (text.brackets, text.options) = (counts.brackets, counts.options);
        text.outdated.clear();
        (text, "version")
    } else {
        match view {
            View::Clean => (rolling::clean_text(p, &p.latest().instrument, p.latest().number), "clean"),
            View::Member(_) => (rolling::rolling_text(p, view), "member"),
            View::All => (rolling::rolling_text(p, view), "all"),
        }
    };
    let provisions = provision_views(&rolling);
    let html = RollingFragment { id: p.id, provisions: &provisions }.render().map_err(|_| ApiError::internal())?;
    let members: BTreeSet<String> =
        p.proposals.iter().filter(|x| x.is_open()).map(|x| x.proposer.to_string()).collect();
    Ok(RollingData {
        title: p.title.clone(),
        version: rolling.version,
        version_name: rolling.version_name.as_deref().map(version_name).unwrap_or_default(),
        latest: p.latest().number,
        brackets: rolling.brackets,
        options: rolling.options,
        // With one member's view, that member's open proposals (as proposer
        // or co-sponsor), which are the ones the view shows.
        open_proposals: p
            .proposals
            .iter()
            .filter(|x| x.is_open())
            .filter(|x| match view {
                View::Member(m) => &x.proposer == m || x.cosponsors.contains(m),
                _ => true,
            })
            .count(),
        outdated: rolling.outdated.clone(),
        members: members.into_iter().collect(),
        view: shown,
        counts_superseded,
        symbol: p.symbol.clone().unwrap_or_default(),
        version_symbol: p.version(rolling.version).and_then(|v| p.version_symbol(v)).unwrap_or_default(),
        html,
    })
}

async fn rolling_page(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    InPage(ProcessId(id)): InPage<ProcessId>,
    PageQuery(q): PageQuery<RollingQuery>,
) -> Response {
    let result = async {
        let member = q.member.clone().filter(|m| !m.trim().is_empty());
        let version = q.version.clone().filter(|v| !v.trim().is_empty());
        let view = napi::view_of(member.as_deref(), q.view.as_deref())?;
        napi::check_view(&app, &view)?;
        if let Some(v) = &version {
            // Checked before it becomes part of a cache key.
            with_process(&app, id, |p| p.find_version(Some(v)).map(|_| ()).map_err(Into::into))?;
        }
        // The fragment holds the interface's words: one per language.
        let key = format!("rolling-page:{id}:{view:?}:{version:?}:{}", crate::http::i18n::current());
        let data = crate::http::views::cached_by(&app, key, crate::http::views::process_stamp(id), move |state| {
            rolling_data(state.process(id)?, version.as_deref(), &view)
        })
        .await?;
        Ok::<_, ApiError>((id, data, member))
    }
    .await;
    match result {
        Ok((id, data, member)) => {
            let p = powers(&app, &user);
            // A symbol is set once.
            let can_set_symbol = p.secretariat && data.symbol.is_empty();
            render(
                StatusCode::OK,
                RollingPage {
                    chrome: Chrome::new(&app, &user, "processes"),
                    notice: notice_text(q.notice.as_deref()),
                    id,
                    data,
                    member: member.unwrap_or_default().to_uppercase(),
                    my_member: p.member,
                    can_set_symbol,
                    papers: papers_panel(&app, id, p.secretariat),
                },
            )
        }
        Err(e) => error_page(&app, &user, e),
    }
}

// ---- a provision ----

pub struct OriginView {
    pub text: String,
    pub who: String,
    /// The decision that put the words there, if one did.
    pub decision: Option<u64>,
    pub entry: u64,
    pub time: String,
    pub source: &'static str,
}

pub struct HistoryView {
    pub version: u32,
    pub name: String,
    pub cause: String,
    pub entry: u64,
    pub time: String,
    pub text: String,
}

pub struct ProposalRow {
    pub id: u64,
    /// What the proposal does, in words.
    pub kind: String,
    pub summary: String,
    pub proposer: String,
    /// Its status, in words.
    pub status: String,
    pub outdated: bool,
    pub backers: String,
    pub objectors: String,
    pub open: bool,
    pub mine: bool,
}

fn proposal_row(p: &Proposal, me: Option<&str>) -> ProposalRow {
    let position = if p.position == Some(Position::Before) { "before" } else { "after" };
    let summary = match (&p.anchor, &p.text) {
        (Some(a), Some(text)) if p.kind == ProposalKind::InsertWords => {
            t3("neg-summary-insert-words", "text", text, "position", position, "quote", &a.quote)
        }
        (Some(a), Some(text)) => t2("neg-summary-replace-words", "quote", &a.quote, "text", text),
        (Some(a), None) => t1("neg-summary-delete-words", "quote", &a.quote),
        (None, Some(text)) if p.kind == ProposalKind::InsertProvision => {
            t3("neg-summary-insert-provision", "position", position, "provision", provision_label(&p.eid), "text", text)
        }
        (None, Some(text)) => t1("neg-summary-replace-provision", "text", text),
        (None, None) => match (&p.heading, p.kind) {
            (Some(h), ProposalKind::ReplaceProvision) => {
                t2("neg-summary-replace-heading", "provision", provision_label(&p.eid), "heading", h)
            }
            _ => t1("neg-summary-delete-provision", "provision", provision_label(&p.eid)),
        },
    };
    let backers: Vec<MemberCode> = p.backers().into_iter().collect();
    let objectors: Vec<MemberCode> = p.objectors.iter().cloned().collect();
    ProposalRow {
        id: p.id,
        kind: if p.kind == ProposalKind::ReplaceProvision && p.heading.is_some() {
            t("neg-kind-replace-heading")
        } else {
            proposal_kind_text(p.kind)
        },
        summary,
        proposer: p.proposer.to_string(),
        status: status_text(p.status),
        outdated: p.outdated && p.is_open(),
        backers: members_short(&backers),
        objectors: members_short(&objectors),
        open: p.is_open(),
        mine: me.is_some_and(|m| p.proposer.as_str() == m),
    }
}

/// What a proposal does, in words: "replace words", "insert a provision".
fn proposal_kind_text(kind: ProposalKind) -> String {
    t(match kind {
        ProposalKind::ReplaceWords => "neg-kind-replace-words",
        ProposalKind::InsertWords => "neg-kind-insert-words",
        ProposalKind::DeleteWords => "neg-kind-delete-words",
        ProposalKind::ReplaceProvision => "neg-kind-replace-provision",
        ProposalKind::InsertProvision => "neg-kind-insert-provision",
        ProposalKind::DeleteProvision => "neg-kind-delete-provision",
    })
}

/// A proposal's status, in words.
fn status_text(status: ProposalStatus) -> String {
    t(match status {
        ProposalStatus::Tabled => "neg-status-tabled",
        ProposalStatus::Withdrawn => "neg-status-withdrawn",
        ProposalStatus::Merged => "neg-status-merged",
        ProposalStatus::Agreed => "neg-status-agreed",
        ProposalStatus::Rejected => "neg-status-rejected",
    })
}

pub use crate::http::i18n::provision_label;

/// A decision on a proposal, in a line: "Decision 2 on P-4 (process 1, on
/// version 3), by vote: adopted — 12 yes, 3 no, 1 abstaining; 8 required
/// (entry 40)".
fn decision_text(d: &crate::shared::DecisionJson) -> String {
    let target = match (d.target.kind.as_str(), &d.target.id) {
        ("instrument", _) => t("neg-decision-instrument"),
        ("proposal", Some(id)) => format!("P-{id}"),
        ("provision", Some(serde_json::Value::String(eid))) => provision_label(eid),
        (k, Some(id)) => format!("{k} {}", id.as_str().map(str::to_owned).unwrap_or_else(|| id.to_string())),
        (k, None) => k.to_owned(),
    };
    let process = match (d.adopted_version, d.version) {
        (Some(v), _) => t2("neg-decision-process-adopted-version", "process", d.process, "version", v),
        (None, Some(v)) => t2("neg-decision-process-on-version", "process", d.process, "version", v),
        (None, None) => t1("neg-decision-process", "process", d.process),
    };
    let subject = t3("neg-decision-subject", "id", d.id, "target", target, "process", process);
    let mut outcome = match d.outcome.as_str() {
        "adopted" => t("neg-outcome-adopted"),
        "not_adopted" => t("neg-outcome-not-adopted"),
        "agreed_ad_referendum" => t("neg-outcome-agreed-ad-referendum"),
        other => other.replace('_', " "),
    };
    if let Some(tally) = &d.tally {
        outcome.push(' ');
        outcome.push_str(&t3("neg-decision-tally", "yes", tally.yes, "no", tally.no, "abstain", tally.abstain));
        outcome.push_str(&t1("neg-decision-required", "required", tally.required));
    }
    let line = t3("neg-decision-line", "subject", subject, "method", d.method.as_str(), "outcome", outcome);
    t2("neg-decision-entry", "line", line, "entry", d.entry)
}

/// A version's name as the pages show it: the first version's name, which
/// the domain gives (`Zero draft`, in `negotiation::fold`), in words; a
/// name the chair gave, as given.
pub fn version_name(name: &str) -> String {
    if name == "Zero draft" {
        t("neg-zero-draft-name")
    } else {
        name.to_owned()
    }
}

/// Why a version was made, in words. The domain states the cause in fixed
/// English phrases ("zero draft", "P-3 agreed", "chair's text", "decision
/// 2: adopted by consensus", "decision 2 confirmed"); each is read back
/// here, and anything else is shown as it stands.
fn cause_text(cause: &str) -> String {
    let number = |s: &str| s.parse::<u64>().ok();
    match cause {
        "zero draft" => return t("neg-cause-zero-draft"),
        "chair's text" => return t("neg-cause-chair-text"),
        _ => {}
    }
    if let Some(p) = cause.strip_prefix("P-").and_then(|r| r.strip_suffix(" agreed")).and_then(number) {
        return t1("neg-cause-agreed", "proposal", p);
    }
    if let Some(rest) = cause.strip_prefix("decision ") {
        if let Some(d) = rest.strip_suffix(" confirmed").and_then(number) {
            return t1("neg-cause-confirmed", "decision", d);
        }
        if let Some((d, how)) = rest.split_once(": ") {
            let method = match how {
                "adopted by consensus" => Some((true, "consensus")),
                "adopted under silence procedure" => Some((true, "silence")),
                "adopted by vote" => Some((true, "vote")),
                "not adopted by vote" => Some((false, "vote")),
                _ => None,
            };
            if let (Some(d), Some((adopted, method))) = (number(d), method) {
                return if adopted {
                    t2("neg-cause-adopted", "decision", d, "method", method)
                } else {
                    t1("neg-cause-not-adopted", "decision", d)
                };
            }
        }
    }
    cause.to_owned()
}

#[derive(Template)]
#[template(path = "provision.html")]
struct ProvisionPage {
    chrome: Chrome,
    notice: Option<String>,
    error: Option<String>,
    id: u64,
    title: String,
    version: u32,
    eid: String,
    label: String,
    kind: &'static str,
    heading: String,
    text: String,
    has_text: bool,
    rolling: Vec<ProvisionView>,
    origins: Vec<OriginView>,
    history: Vec<HistoryView>,
    proposals: Vec<ProposalRow>,
    my_member: Option<String>,
    chair: bool,
    form: ProposeForm,
}

#[derive(Deserialize, Default, Clone)]
pub struct ProposeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub eid: String,
    #[serde(default)]
    pub quote: String,
    #[serde(default)]
    pub occurrence: String,
    /// Where the selected words start, in characters (set by the page's
    /// script when words are selected; the server counts the occurrence).
    #[serde(default)]
    pub at: String,
    #[serde(default)]
    pub position: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub heading: String,
    #[serde(default)]
    pub justification: String,
    #[serde(default)]
    pub version: String,
    #[serde(flatten)]
    pub sign: SignFields,
}

fn provision_view_page(
    app: &AppState,
    user: &Option<WebUser>,
    id: u64,
    eid: &str,
    notice: Option<String>,
    error: Option<String>,
    form: ProposeForm,
) -> Result<ProvisionPage, ApiError> {
    let p = powers(app, user);
    let decided = napi::decisions_by_entry(&app.store.state(), id);
    with_process(app, id, |process| {
        let detail = napi::provision_detail(process, eid, &decided)?;
        let latest = process.latest();
        let q = latest.instrument.get(eid).expect("provision_detail found it");
        let rolling = rolling::rolling_text(process, &View::All);
        let prefix = format!("{eid}__");
        let here: Vec<_> =
            rolling.provisions.iter().filter(|r| r.eid == eid || r.eid.starts_with(&prefix)).cloned().collect();
        let sub = RollingText { provisions: here, ..rolling };
        let mut at = 0;
        let origins = q
            .origins
            .iter()
            .map(|o| {
                let text = q.text[at..at + o.len].to_owned();
                at += o.len;
                let (who, source) = match &o.source.how {
                    SourceKind::ZeroDraft => (t("neg-origin-zero-draft"), "zero_draft"),
                    SourceKind::Proposal { proposal, member } => match decided.get(&o.source.entry) {
                        Some(d) => {
                            let by = t2("neg-origin-by", "proposal", *proposal, "member", member.as_str());
                            (t3("neg-origin-adopted", "by", by, "decision", d.id, "method", &d.method), "proposal")
                        }
                        None => (
                            t1(
                                "neg-origin-agreed",
                                "by",
                                t2("neg-origin-by", "proposal", *proposal, "member", member.as_str()),
                            ),
                            "proposal",
                        ),
                    },
                    SourceKind::ChairText => (t("neg-origin-chair-text"), "chair_text"),
                };
                let decision = match &o.source.how {
                    SourceKind::Proposal { .. } => decided.get(&o.source.entry).map(|d| d.id),
                    _ => None,
                };
                OriginView { text, who, decision, entry: o.source.entry, time: rfc3339(o.source.time), source }
            })
            .collect();
        let history = detail
            .history
            .iter()
            .map(|h| HistoryView {
                version: h.version,
                name: h.name.as_deref().map(version_name).unwrap_or_default(),
                cause: cause_text(&h.cause),
                entry: h.entry,
                time: h.time.clone(),
                text: h.text.clone(),
            })
            .collect();
        let proposals = process
            .proposals
            .iter()
            .filter(|x| x.eid == eid || x.eid.starts_with(&prefix))
            .map(|x| proposal_row(x, p.member.as_deref()))
            .collect();
        Ok(ProvisionPage {
            chrome: Chrome::new(app, user, "processes"),
            notice,
            error,
            id,
            title: process.title.clone(),
            version: latest.number,
            eid: eid.to_owned(),
            label: provision_label(eid),
            kind: q.kind.label(),
            heading: q.heading.clone(),
            text: q.text.clone(),
            has_text: q.kind.has_text(),
            rolling: provision_views(&sub),
            origins,
            history,
            proposals,
            my_member: p.member.clone(),
            chair: p.chair,
            form,
        })
    })
}

async fn provision_page(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    InPage(ProcessId(id)): InPage<ProcessId>,
    InPage(ProvisionEid(eid)): InPage<ProvisionEid>,
    PageQuery(q): PageQuery<ProvisionQuery>,
) -> Response {
    let mut form = ProposeForm::default();
    if let Some(cited) = q.cite.as_deref().and_then(|c| cited_statement(&app, id, c)) {
        form.justification = cited;
    }
    let page = provision_view_page(&app, &user, id, &eid, notice_text(q.notice.as_deref()), None, form);
    match page {
        Ok(p) => render(StatusCode::OK, p),
        Err(e) => error_page(&app, &user, e),
    }
}

#[derive(Deserialize, Default)]
struct ProvisionQuery {
    notice: Option<String>,
    /// A consultation's statement the proposal cites, `C.S` (statement S of
    /// consultation C): the justification starts by citing it.
    cite: Option<String>,
}

/// The words citing statement `S` of consultation `C` (`cite` = `C.S`),
/// when it is an accepted statement of a consultation on process `process`.
fn cited_statement(app: &AppState, process: u64, cite: &str) -> Option<String> {
    let (c, s) = cite.split_once('.')?;
    let (c, s) = (c.parse::<u64>().ok()?, s.parse::<u32>().ok()?);
    let state = app.store.state();
    let consultation = state.consultation(c).ok().filter(|x| x.process == Some(process))?;
    let statement =
        consultation.statement(s).filter(|x| x.moderation == accord_domain::consultation::Moderation::Accepted)?;
    // The words are the delegate's own to edit: a space after them leaves
    // room to go on.
    Some(t3("neg-cited-statement", "statement", s, "consultation", c, "text", statement.shown_text()) + " ")
}

async fn table(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(ProcessId(id)): InPage<ProcessId>,
    sign: PageSign,
    form: CsrfForm<ProposeForm>,
) -> Response {
    let user = Some(u.clone());
    let result = async {
        let form = form.check(&u)?;
        let kind: ProposalKind =
            serde_json::from_value(serde_json::Value::String(form.kind.clone())).map_err(|_| {
                ApiError::bad_request(
                    "invalid_kind",
                    "choose what the proposal does: replace, insert or delete words, or a whole provision",
                )
            })?;
        let on_words =
            matches!(kind, ProposalKind::ReplaceWords | ProposalKind::InsertWords | ProposalKind::DeleteWords);
        let occurrence = match form.occurrence.trim() {
            "" => None,
            o => Some(o.parse::<i64>().map_err(|_| {
                ApiError::bad_request(
                    "invalid_occurrence",
                    format!("the occurrence is a number (1, 2, ...), not {o:?}"),
                )
            })?),
        };
        let at = match form.at.trim() {
            "" => None,
            a => Some(a.parse::<i64>().map_err(|_| {
                ApiError::bad_request("invalid_selection", format!("the selection's place is a number, not {a:?}"))
            })?),
        };
        let position = match (kind, form.position.as_str()) {
            (ProposalKind::InsertWords | ProposalKind::InsertProvision, "before") => Some(Position::Before),
            (ProposalKind::InsertWords | ProposalKind::InsertProvision, _) => Some(Position::After),
            _ => None,
        };
        let needs_text = !matches!(kind, ProposalKind::DeleteWords | ProposalKind::DeleteProvision);
        let request = super::shapes::ProposalRequest {
            kind,
            eid: form.eid.clone(),
            version: Some(form.version.trim())
                .filter(|v| !v.is_empty())
                .map(|v| super::shapes::VersionKey::Name(v.to_owned())),
            anchor: on_words.then(|| super::shapes::AnchorRequest { quote: form.quote.clone(), occurrence, at }),
            position,
            // Replacing a chapter's or an article's heading sends a heading
            // and no words; replacing a paragraph, words and no heading.
            text: needs_text
                .then(|| form.text.clone())
                .filter(|t| kind != ProposalKind::ReplaceProvision || !t.trim().is_empty()),
            heading: matches!(kind, ProposalKind::InsertProvision | ProposalKind::ReplaceProvision)
                .then(|| form.heading.clone())
                .filter(|h| !h.trim().is_empty()),
            justification: Some(form.justification.clone()),
        };
        let body = request.into_body(&app, id)?;
        let appended = signing::submit(&app, &u, &sign, &form.sign, Action::Negotiate(Box::new(body))).await?;
        with_process(&app, id, |p| {
            p.proposals.iter().find(|x| x.entry == appended.entry.index).map(|x| x.id).ok_or_else(ApiError::internal)
        })
    }
    .await;
    match result {
        Ok(pid) => Redirect::to(&format!("/processes/{id}/proposals/{pid}?notice=tabled")).into_response(),
        Err(e) => match provision_view_page(
            &app,
            &user,
            id,
            &form.as_sent().eid,
            None,
            Some(e.message.clone()),
            form.as_sent().clone(),
        ) {
            Ok(page) => render(e.status, page),
            Err(_) => error_page(&app, &user, e),
        },
    }
}

/// The proposals of a process are read in its rolling text (and the API).
async fn to_rolling_text(Path(id): Path<String>) -> Response {
    match process_id(&id) {
        Ok(id) => Redirect::to(&format!("/processes/{id}")).into_response(),
        Err(_) => Redirect::to("/processes").into_response(),
    }
}

// ---- a proposal ----

#[derive(Template)]
#[template(path = "proposal.html")]
struct ProposalPage {
    chrome: Chrome,
    notice: Option<String>,
    error: Option<String>,
    id: u64,
    title: String,
    row: ProposalRow,
    p: super::shapes::ProposalJson,
    label: String,
    provision_exists: bool,
    /// The proposal is anchored on words (not a whole provision).
    on_words: bool,
    my_member: Option<String>,
    chair: bool,
    /// The rules let the chair agree or reject a proposal alone.
    informal: bool,
    /// The decisions taken on it, as lines.
    decisions: Vec<String>,
    /// The name of the delegate who tabled it.
    tabled_by_name: String,
    cosponsor: bool,
    supports: bool,
    objects: bool,
    /// The process has a document symbol: the proposal downloads as an
    /// Akoma Ntoso amendment.
    has_symbol: bool,
}

fn proposal_view(
    app: &AppState,
    user: &Option<WebUser>,
    id: u64,
    pid: u64,
    notice: Option<String>,
    error: Option<String>,
) -> Result<ProposalPage, ApiError> {
    let pw = powers(app, user);
    let (informal, decisions) = {
        let s = app.store.state();
        let lines = napi::decisions_on_proposal(&s, id, pid).iter().map(decision_text).collect::<Vec<_>>();
        (s.proceedings.rules_for(id).informal_agreement, lines)
    };
    let tabled_by_name = {
        let s = app.store.state();
        s.process(id)
            .ok()
            .and_then(|p| p.proposal(pid).ok())
            .and_then(|x| s.delegate(x.tabled_by))
            .map(|d| d.name.to_string())
            .unwrap_or_default()
    };
    with_process(app, id, |process| {
        let x = process.proposal(pid)?;
        let me = pw.member.as_deref();
        let has = |s: &BTreeSet<MemberCode>| me.is_some_and(|m| s.iter().any(|c| c.as_str() == m));
        Ok(ProposalPage {
            chrome: Chrome::new(app, user, "processes"),
            notice,
            error,
            id,
            title: process.title.clone(),
            row: proposal_row(x, me),
            p: super::shapes::proposal_json(process, x),
            label: provision_label(&x.eid),
            provision_exists: process.latest().instrument.get(&x.eid).is_some(),
            on_words: x.kind.on_words(),
            my_member: pw.member.clone(),
            chair: pw.chair,
            informal,
            decisions,
            tabled_by_name,
            cosponsor: has(&x.cosponsors),
            supports: has(&x.supporters),
            objects: has(&x.objectors),
            has_symbol: process.symbol.is_some(),
        })
    })
}

async fn proposal_page(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    InPage(ProcessId(id)): InPage<ProcessId>,
    InPage(ProposalId(pid)): InPage<ProposalId>,
    PageQuery(q): PageQuery<NoticeQuery>,
) -> Response {
    let page = proposal_view(&app, &user, id, pid, notice_text(q.notice.as_deref()), None);
    match page {
        Ok(p) => render(StatusCode::OK, p),
        Err(e) => error_page(&app, &user, e),
    }
}

#[derive(Deserialize)]
struct SignedForm {
    csrf: String,
    #[serde(flatten)]
    sign: SignFields,
}

async fn act(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(ProcessId(id)): InPage<ProcessId>,
    InPage(ProposalId(pid)): InPage<ProposalId>,
    InPage(ActName(what)): InPage<ActName>,
    sign: PageSign,
    form: CsrfForm<SignedForm>,
) -> Response {
    let user = Some(u.clone());
    let act = match ProposalAct::parse(&what) {
        Ok(act) => act,
        Err(e) => return error_page(&app, &user, e),
    };
    let result = async {
        let form = form.check(&u)?;
        with_process(&app, id, |p| p.proposal(pid).map(|_| ()).map_err(Into::into))?;
        signing::submit(&app, &u, &sign, &form.sign, act.on(id, pid)).await
    }
    .await;
    match result {
        Ok(_) => Redirect::to(&format!("/processes/{id}/proposals/{pid}?notice={what}")).into_response(),
        Err(e) => match proposal_view(&app, &user, id, pid, None, Some(e.message.clone())) {
            Ok(page) => render(e.status, page),
            Err(_) => error_page(&app, &user, e),
        },
    }
}

#[derive(Deserialize)]
struct ReanchorForm {
    csrf: String,
    #[serde(default)]
    quote: String,
    #[serde(default)]
    occurrence: String,
    #[serde(flatten)]
    sign: SignFields,
}

async fn reanchor(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(ProcessId(id)): InPage<ProcessId>,
    InPage(ProposalId(pid)): InPage<ProposalId>,
    sign: PageSign,
    form: CsrfForm<ReanchorForm>,
) -> Response {
    let user = Some(u.clone());
    let result = async {
        let form = form.check(&u)?;
        let occurrence = match form.occurrence.trim() {
            "" => None,
            o => Some(crate::http::ranges::within(
                "occurrence",
                o.parse::<i64>()
                    .map_err(|_| ApiError::bad_request("invalid_occurrence", "the occurrence is a number"))?,
                1,
                crate::http::ranges::OCCURRENCE_MAX,
            )? as u32),
        };
        let version = with_process(&app, id, |p| Ok(p.latest().number))?;
        let anchor = Some(crate::shared::tidy(&form.quote, false))
            .filter(|q| !q.is_empty() || occurrence.is_some())
            .map(|quote| accord_domain::negotiation::Anchor { quote, occurrence });
        with_process(&app, id, |p| p.proposal(pid).map(|_| ()).map_err(Into::into))?;
        signing::submit(&app, &u, &sign, &form.sign, actions::reanchor(id, pid, version, anchor)).await
    }
    .await;
    match result {
        Ok(_) => Redirect::to(&format!("/processes/{id}/proposals/{pid}?notice=reanchor")).into_response(),
        Err(e) => match proposal_view(&app, &user, id, pid, None, Some(e.message.clone())) {
            Ok(page) => render(e.status, page),
            Err(_) => error_page(&app, &user, e),
        },
    }
}

#[derive(Deserialize)]
struct ChairTextForm {
    csrf: String,
    eid: String,
    proposals: String,
    text: String,
}

async fn chair_text(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(ProcessId(id)): InPage<ProcessId>,
    form: CsrfForm<ChairTextForm>,
) -> Response {
    let user = Some(u.clone());
    let result = async {
        let form = form.check(&u)?;
        let proposals = form
            .proposals
            .split(',')
            .filter(|s| !s.trim().is_empty())
            .map(|s| proposal_id(s.trim()))
            .collect::<Result<Vec<u64>, ApiError>>()?;
        app.store.submit(u.principal(), actions::chair_text(id, form.eid.clone(), proposals, &form.text), None).await?;
        Ok::<(), ApiError>(())
    }
    .await;
    match result {
        Ok(()) => {
            Redirect::to(&format!("/processes/{id}/provisions/{}?notice=chair_text", urlencode(&form.as_sent().eid)))
                .into_response()
        }
        Err(e) => {
            match provision_view_page(
                &app,
                &user,
                id,
                &form.as_sent().eid,
                None,
                Some(e.message.clone()),
                ProposeForm::default(),
            ) {
                Ok(page) => render(e.status, page),
                Err(_) => error_page(&app, &user, e),
            }
        }
    }
}

// ---- versions and redlines ----

pub struct VersionRow {
    pub number: u32,
    pub name: String,
    pub cause: String,
    pub entry: u64,
    pub time: String,
    pub brackets: usize,
    pub options: usize,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "versions.html")]
struct VersionsPage {
    chrome: Chrome,
    notice: Option<String>,
    error: Option<String>,
    id: u64,
    title: String,
    versions: Vec<VersionRow>,
    latest: u32,
    latest_named: bool,
    can_name: bool,
    /// The process has a document symbol: its versions download as Akoma Ntoso.
    has_symbol: bool,
    papers: PapersPanel,
}

async fn versions_view(
    app: &AppState,
    user: &Option<WebUser>,
    id: u64,
    notice: Option<String>,
    error: Option<String>,
) -> Result<VersionsPage, ApiError> {
    let now = napi::current_counts(app, id).await?;
    let pw = powers(app, user);
    let papers = papers_panel(app, id, pw.secretariat);
    with_process(app, id, |p| {
        Ok(VersionsPage {
            chrome: Chrome::new(app, user, "processes"),
            notice,
            error,
            id,
            title: p.title.clone(),
            versions: p
                .versions
                .iter()
                .rev()
                .map(|v| {
                    let counts = v.counts_at_end.unwrap_or(now);
                    VersionRow {
                        number: v.number,
                        name: v.name.as_deref().map(version_name).unwrap_or_default(),
                        cause: cause_text(&v.cause),
                        entry: v.entry,
                        time: rfc3339(v.time),
                        brackets: counts.brackets,
                        options: counts.options,
                        current: v.counts_at_end.is_none(),
                    }
                })
                .collect(),
            latest: p.latest().number,
            latest_named: p.latest().name.is_some(),
            can_name: pw.chair || pw.secretariat,
            has_symbol: p.symbol.is_some(),
            papers,
        })
    })
}

async fn versions(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    InPage(ProcessId(id)): InPage<ProcessId>,
    PageQuery(q): PageQuery<NoticeQuery>,
) -> Response {
    let page = versions_view(&app, &user, id, notice_text(q.notice.as_deref()), None).await;
    match page {
        Ok(p) => render(StatusCode::OK, p),
        Err(e) => error_page(&app, &user, e),
    }
}

#[derive(Deserialize)]
struct PaperForm {
    csrf: String,
    kind: String,
    symbol: String,
    version: Option<u32>,
}

/// The secretariat issues the rolling text or the compilation as a
/// conference room paper from the process's pages.
async fn issue_paper(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    Path(id): Path<String>,
    form: CsrfForm<PaperForm>,
) -> Response {
    use accord_domain::negotiation::PaperKind;
    let user = Some(u.clone());
    let result = async {
        let id = process_id(&id)?;
        let form = form.check(&u)?;
        let kind = match form.kind.as_str() {
            "rolling_text" => PaperKind::RollingText,
            "compilation" => PaperKind::Compilation,
            other => {
                return Err(ApiError::bad_request(
                    "invalid_paper_kind",
                    format!("a paper is the rolling_text or the compilation, not {other:?}"),
                ))
            }
        };
        let action = actions::paper(&app.store.state(), id, kind, Some(&form.symbol), form.version)?;
        app.store.submit(u.principal(), action, None).await?;
        Ok::<u64, ApiError>(id)
    }
    .await;
    match result {
        Ok(id) => Redirect::to(&format!("/processes/{id}/versions?notice=paper")).into_response(),
        Err(e) => error_page(&app, &user, e),
    }
}

#[derive(Deserialize)]
struct SymbolForm {
    csrf: String,
    symbol: String,
}

/// The secretariat sets the process's document symbol from its page.
async fn set_symbol(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    Path(id): Path<String>,
    form: CsrfForm<SymbolForm>,
) -> Response {
    let user = Some(u.clone());
    let result = async {
        let id = process_id(&id)?;
        let form = form.check(&u)?;
        app.store.submit(u.principal(), actions::symbol(id, &form.symbol), None).await?;
        Ok::<u64, ApiError>(id)
    }
    .await;
    match result {
        Ok(id) => Redirect::to(&format!("/processes/{id}?notice=symbol")).into_response(),
        Err(e) => error_page(&app, &user, e),
    }
}

#[derive(Deserialize)]
struct RevisionForm {
    csrf: String,
    name: String,
}

async fn issue_revision(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(ProcessId(id)): InPage<ProcessId>,
    form: CsrfForm<RevisionForm>,
) -> Response {
    let user = Some(u.clone());
    let result = async {
        let form = form.check(&u)?;
        app.store.submit(u.principal(), actions::revision(id, &form.name), None).await?;
        Ok::<(), ApiError>(())
    }
    .await;
    match result {
        Ok(()) => Redirect::to(&format!("/processes/{id}/versions?notice=revision")).into_response(),
        Err(e) => match versions_view(&app, &user, id, None, Some(e.message.clone())).await {
            Ok(page) => render(e.status, page),
            Err(_) => error_page(&app, &user, e),
        },
    }
}

pub struct SegmentView {
    pub change: &'static str,
    pub text: String,
}

pub struct RedlineRow {
    pub eid: String,
    /// "Article 5, paragraph 2": where the provision is, for a reader of the changes alone.
    pub label: String,
    pub kind: &'static str,
    pub num: String,
    pub status: &'static str,
    pub heading: Vec<SegmentView>,
    pub text: Vec<SegmentView>,
}

fn segments(s: &[accord_domain::negotiation::redline::Segment]) -> Vec<SegmentView> {
    s.iter()
        .map(|x| SegmentView {
            change: match x.change {
                Change::Equal => "equal",
                Change::Insert => "insert",
                Change::Delete => "delete",
            },
            text: x.text.clone(),
        })
        .collect()
}

fn redline_row(r: &ProvisionRedline) -> RedlineRow {
    let label = provision_label(&r.eid);
    let mut chars = label.chars();
    let label = chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default();
    RedlineRow {
        eid: r.eid.clone(),
        label,
        kind: r.kind.label(),
        num: r.num.clone(),
        status: r.status,
        heading: segments(&r.heading),
        text: segments(&r.text),
    }
}

#[derive(Template)]
#[template(path = "diff.html")]
struct DiffPage {
    chrome: Chrome,
    id: u64,
    title: String,
    from: u32,
    to: u32,
    eid: String,
    changed: usize,
    rows: Vec<RedlineRow>,
    versions: Vec<(u32, String)>,
    changed_only: bool,
    /// A Word redline needs the masthead's symbol.
    has_symbol: bool,
}

#[derive(Deserialize, Default)]
struct DiffQuery {
    from: Option<String>,
    to: Option<String>,
    eid: Option<String>,
    changed_only: Option<String>,
}

async fn diff_page(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    InPage(ProcessId(id)): InPage<ProcessId>,
    PageQuery(q): PageQuery<DiffQuery>,
) -> Response {
    let result = {
        with_process(&app, id, |p: &Process| {
            let from = q.from.clone().filter(|f| !f.is_empty()).unwrap_or_else(|| "1".into());
            let eid = q.eid.clone().filter(|e| !e.is_empty());
            let changed_only = q.changed_only.as_deref().is_some_and(|c| c == "on" || c == "true");
            let d = napi::diff_json(p, &from, q.to.as_deref().filter(|t| !t.is_empty()), eid.as_deref(), changed_only)?;
            Ok(DiffPage {
                chrome: Chrome::new(&app, &user, "processes"),
                id,
                title: p.title.clone(),
                from: d.from,
                to: d.to,
                eid: eid.unwrap_or_default(),
                has_symbol: p.symbol.is_some(),
                changed: d.changed,
                rows: d.provisions.iter().map(redline_row).collect(),
                versions: p
                    .versions
                    .iter()
                    .map(|v| {
                        (
                            v.number,
                            v.name
                                .as_deref()
                                .map(|n| format!("{} ({})", v.number, version_name(n)))
                                .unwrap_or_else(|| v.number.to_string()),
                        )
                    })
                    .collect(),
                changed_only,
            })
        })
    };
    match result {
        Ok(page) => render(StatusCode::OK, page),
        Err(e) => error_page(&app, &user, e),
    }
}

with_csrf!(ChairTextForm, OpenForm, PaperForm, ProposeForm, ReanchorForm, RevisionForm, SignedForm, SymbolForm);

#[cfg(test)]
mod tests {
    use accord_domain::negotiation::text::label_of;

    use super::{cause_text, decision_text, provision_label, version_name};
    use crate::i18n::Lang;
    use crate::shared::{DecisionJson, TallyJson, TargetJson};

    #[test]
    fn english_labels_are_the_domains_and_other_languages_have_their_own() {
        for eid in ["recital_2", "chp_1", "chp_2__art_3", "chp_1__art_5bis__para_2__point_b", "art_1__para_1ter"] {
            assert_eq!(provision_label(eid), label_of(eid));
        }
        let french = Lang::Fr.scope_sync(|| provision_label("chp_1__art_5bis__para_2__point_b"));
        assert_eq!(french, "article 5 bis, paragraphe 2, alinéa b)");
        assert_eq!(Lang::Zh.scope_sync(|| provision_label("art_5__para_2")), "第5条第2款");
    }

    /// The causes the domain writes (`negotiation::fold`,
    /// `proceedings::fold`) read back as the same English, and in another
    /// language as its own words; any other cause stays as written.
    #[test]
    fn causes_are_read_back() {
        for cause in [
            "zero draft",
            "chair's text",
            "P-3 agreed",
            "decision 2 confirmed",
            "decision 2: adopted by consensus",
            "decision 12: adopted under silence procedure",
            "decision 4: adopted by vote",
            "decision 4: not adopted by vote",
        ] {
            assert_eq!(cause_text(cause), cause);
            let spanish = Lang::Es.scope_sync(|| cause_text(cause));
            assert_ne!(spanish, cause, "{cause} is not translated");
        }
        assert_eq!(Lang::Ru.scope_sync(|| cause_text("decision x: adopted by vote")), "decision x: adopted by vote");
        assert_eq!(Lang::Fr.scope_sync(|| version_name("Zero draft")), "Avant-projet");
        assert_eq!(Lang::Fr.scope_sync(|| version_name("Rev.1")), "Rev.1");
    }

    /// A decision's line, in English as the proposal page always wrote it
    /// (and in French in other words), whatever it was on and however it
    /// was taken.
    #[test]
    fn decisions_read_in_one_line() {
        let decision =
            |id, target: TargetJson, method: &str, outcome: &str, tally, version, adopted_version| DecisionJson {
                id,
                process: 7,
                method: method.into(),
                target,
                outcome: outcome.into(),
                entry: 40,
                time: String::new(),
                meeting: None,
                procedure: 1,
                tally,
                objections: Vec::new(),
                confirmed_entry: None,
                version,
                adopted_version,
            };
        let proposal = || TargetJson { kind: "proposal".into(), id: Some(serde_json::json!(4)) };
        let tally = TallyJson { yes: 12, no: 3, abstain: 1, present_and_voting: 15, required: 8, adopted: true };
        for (d, english) in [
            (
                decision(1, proposal(), "vote", "adopted", Some(tally), Some(3), None),
                "Decision 1 on P-4 (process 7, on version 3), by vote: adopted — 12 yes, 3 no, 1 abstaining; 8 required (entry 40)",
            ),
            (
                decision(
                    2,
                    TargetJson { kind: "provision".into(), id: Some(serde_json::json!("chp_1__art_2__para_1")) },
                    "consensus",
                    "agreed_ad_referendum",
                    None,
                    Some(2),
                    None,
                ),
                "Decision 2 on article 2, paragraph 1 (process 7, on version 2), by consensus: agreed ad referendum (entry 40)",
            ),
            (
                decision(3, TargetJson { kind: "instrument".into(), id: None }, "silence", "not_adopted", None, None, Some(5)),
                "Decision 3 on the instrument (process 7, version 5 adopted), by silence: not adopted (entry 40)",
            ),
            (
                decision(4, proposal(), "consensus", "adopted", None, None, None),
                "Decision 4 on P-4 (process 7), by consensus: adopted (entry 40)",
            ),
        ] {
            assert_eq!(decision_text(&d), english);
            assert_ne!(Lang::Fr.scope_sync(|| decision_text(&d)), english);
        }
    }
}
