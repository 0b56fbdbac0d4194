//! The home page, the record page and one entry's page.

use accord_domain::state::{MemberKind, MemberStatus};
use accord_domain::Entry;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use crate::http::auth::MaybeUser;
use crate::http::error::ApiError;
use crate::http::ids::EntryIndex;
use crate::http::page::{error_page, notice_text, render, Chrome, InPage, NoticeQuery};
use crate::AppState;

pub fn routes() -> crate::http::routes::Routes {
    crate::http::routes::Routes::new().get("/", home).get("/record", record).get("/record/{index}", entry)
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
        time: crate::http::time::page_date_time(e.time),
        actor: match &e.body {
            accord_domain::EntryBody::ConsultationParticipantJoined(_)
            | accord_domain::EntryBody::ConsultationStatementSubmitted(_)
            | accord_domain::EntryBody::ConsultationVoteCast(_) => {
                "A participant, recorded by the server under a pseudonym".into()
            }
            _ => describe_actor(&e.actor, state),
        },
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
        B::ProcessSymbolSet(s) => format!("Document symbol {} (process {})", s.symbol, s.process),
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
        B::ConsultationOpened(o) => format!("Consultation opened: {}", o.title),
        B::ConsultationStatementSeeded(st) => format!("Statement added to consultation {}", st.consultation),
        B::ConsultationParticipantJoined(j) => format!(
            "Participant {} ({}) joined consultation {}",
            &j.participant.as_str()[..8],
            j.category.label(),
            j.consultation
        ),
        B::ConsultationStatementSubmitted(st) => format!(
            "Participant {} wrote a statement in consultation {}",
            &st.participant.as_str()[..8],
            st.consultation
        ),
        B::ConsultationStatementModerated(m) => format!(
            "Statement {} of consultation {} {}",
            m.statement,
            m.consultation,
            if m.accepted { "accepted" } else { "rejected" }
        ),
        B::ConsultationVoteCast(v) => format!(
            "Participant {} voted on statement {} of consultation {}",
            &v.participant.as_str()[..8],
            v.statement,
            v.consultation
        ),
        B::ConsultationClosed(c) => format!("Consultation {} closed", c.consultation),
        B::ConsultationAnalysisPublished(a) => format!(
            "Analysis of consultation {} at record size {} published (digest {})",
            a.consultation,
            a.record_size,
            &a.digest[..12]
        ),
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
            established: crate::http::time::page_date(forum.established),
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
    witnesses: Vec<crate::record::log::WitnessStatus>,
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
pub(crate) struct RecordPage {
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

async fn entry(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    InPage(EntryIndex(index)): InPage<EntryIndex>,
) -> Response {
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
    let json = super::shapes::EntryJson::from(&e);
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
