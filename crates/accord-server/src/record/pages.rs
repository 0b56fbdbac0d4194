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
use crate::http::page::PageQuery;
use crate::http::page::{error_page, notice_text, render, role_label, Chrome, InPage, NoticeQuery};
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
            | accord_domain::EntryBody::ConsultationVoteCast(_) => crate::t("rec-actor-participant"),
            _ => describe_actor(&e.actor, state),
        },
        kind: e.body.kind().into(),
        summary: summarise(&e.body),
    }
}

fn describe_actor(actor: &accord_domain::Actor, state: &accord_domain::State) -> String {
    use accord_domain::Actor;
    match actor {
        Actor::System => crate::t("rec-actor-system"),
        Actor::Delegate { delegate, member } => {
            let name = state.delegate(*delegate).map(|d| d.name.to_string()).unwrap_or_default();
            format!("{name} ({delegate}, {member})")
        }
        Actor::Officer { delegate, role } => {
            let name = state.delegate(*delegate).map(|d| d.name.to_string()).unwrap_or_default();
            format!("{name} ({delegate}, {})", role_label(role.as_str()))
        }
    }
}

/// What an entry did, in words, in the request's language. User text
/// (names, titles, reasons, labels) is given as is; the page isolates the
/// whole summary.
fn summarise(body: &accord_domain::EntryBody) -> String {
    use crate::http::i18n::provision_label as label_of;
    use crate::{t, t1, t2, t3};
    use accord_domain::EntryBody as B;
    let s = |v: &dyn std::fmt::Display| v.to_string();
    match body {
        B::ForumEstablished(f) => t1("rec-sum-forum-established", "name", s(&f.name)),
        B::ForumSettingsChanged(f) => t2(
            "rec-sum-forum-settings",
            "name",
            s(&f.name),
            "languages",
            f.languages.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(", "),
        ),
        B::MemberAdmitted(m) => match m.status {
            MemberStatus::Member => t2("rec-sum-admitted-member", "name", s(&m.name), "code", s(&m.code)),
            MemberStatus::Observer => t2("rec-sum-admitted-observer", "name", s(&m.name), "code", s(&m.code)),
        },
        B::MemberStatusChanged(c) => match c.status {
            MemberStatus::Member => t1("rec-sum-status-member", "code", s(&c.code)),
            MemberStatus::Observer => t1("rec-sum-status-observer", "code", s(&c.code)),
        },
        B::MemberSuspended(m) if m.reason.as_str().is_empty() => t1("rec-sum-suspended", "code", s(&m.code)),
        B::MemberSuspended(m) => t2("rec-sum-suspended-reason", "code", s(&m.code), "reason", s(&m.reason)),
        B::MemberReinstated(r) => t1("rec-sum-reinstated", "code", s(&r.code)),
        B::DelegateAccredited(a) => t3(
            "rec-sum-accredited",
            "delegate",
            format!("{} ({})", a.name, a.delegate),
            "member",
            s(&a.member),
            "role",
            role_label(a.role.as_str()).to_lowercase(),
        ),
        B::OfficerAppointed(o) => t3(
            "rec-sum-appointed",
            "name",
            s(&o.name),
            "delegate",
            s(&o.delegate),
            "role",
            role_label(o.role.as_str()).to_lowercase(),
        ),
        B::MemberKeyRegistered(k) => {
            t3("rec-sum-key-registered", "member", s(&k.member), "key", s(&k.key), "label", s(&k.label))
        }
        B::MemberKeyRevoked(k) => t2("rec-sum-key-revoked", "member", s(&k.member), "key", s(&k.key)),
        B::MemberSignaturesRequired(r) => t1("rec-sum-signatures-required", "member", s(&r.member)),
        B::AccreditationWithdrawn(w) if w.reason.as_str().is_empty() => {
            t1("rec-sum-withdrawn", "delegate", s(&w.delegate))
        }
        B::AccreditationWithdrawn(w) => {
            t2("rec-sum-withdrawn-reason", "delegate", s(&w.delegate), "reason", s(&w.reason))
        }
        B::ProcessOpened(p) => {
            t2("rec-sum-process-opened", "title", s(&p.title), "draft", p.draft.hex()[..12].to_owned())
        }
        B::ProposalTabled(tabled) => t3(
            "rec-sum-proposal-tabled",
            "process",
            s(&tabled.process),
            "kind",
            proposal_kind_label(tabled.kind),
            "provision",
            label_of(&tabled.eid),
        ),
        B::ProposalSupported(r) => t2("rec-sum-support", "proposal", s(&r.proposal), "process", s(&r.process)),
        B::ProposalObjected(r) => t2("rec-sum-objection", "proposal", s(&r.proposal), "process", s(&r.process)),
        B::ProposalCosponsored(r) => t2("rec-sum-cosponsor", "proposal", s(&r.proposal), "process", s(&r.process)),
        B::ProposalCosponsorshipWithdrawn(r) => {
            t2("rec-sum-uncosponsor", "proposal", s(&r.proposal), "process", s(&r.process))
        }
        B::ProposalWithdrawn(r) => {
            t2("rec-sum-proposal-withdrawn", "proposal", s(&r.proposal), "process", s(&r.process))
        }
        B::ProposalReanchored(r) => {
            t3("rec-sum-reanchored", "proposal", s(&r.proposal), "version", s(&r.version), "process", s(&r.process))
        }
        B::ProposalAgreed(r) => t2("rec-sum-agreed", "proposal", s(&r.proposal), "process", s(&r.process)),
        B::ProposalRejected(r) => t2("rec-sum-rejected", "proposal", s(&r.proposal), "process", s(&r.process)),
        B::ChairTextTabled(c) => t3(
            "rec-sum-chair-text",
            "provision",
            label_of(&c.eid),
            "proposals",
            c.proposals.iter().map(|p| format!("P-{p}")).collect::<Vec<_>>().join(", "),
            "process",
            s(&c.process),
        ),
        B::RevisionIssued(r) => t2("rec-sum-revision", "name", s(&r.name), "process", s(&r.process)),
        B::TranslationRecorded(tr) => match tr.proposal {
            Some(p) => t3(
                "rec-sum-translation-proposal",
                "proposal",
                s(&p),
                "language",
                s(&tr.language),
                "where",
                format!("{}, {}", tr.process, tr.version),
            ),
            None => t3(
                "rec-sum-translation",
                "provision",
                label_of(&tr.eid),
                "language",
                s(&tr.language),
                "where",
                format!("{}, {}", tr.process, tr.version),
            ),
        },
        B::ProcessSymbolSet(p) => t2("rec-sum-symbol", "symbol", s(&p.symbol), "process", s(&p.process)),
        B::ProcessPaperIssued(p) => t2(
            match p.kind {
                accord_domain::negotiation::PaperKind::RollingText => "rec-sum-paper-rolling",
                accord_domain::negotiation::PaperKind::Compilation => "rec-sum-paper-compilation",
            },
            "symbol",
            s(&p.symbol),
            "process",
            s(&p.process),
        ),
        B::RulesChanged(r) => match r.process {
            Some(p) => t1("rec-sum-rules-process", "process", s(&p)),
            None => t("rec-sum-rules-forum"),
        },
        B::SessionOpened(o) => t1("rec-sum-session-opened", "title", s(&o.title)),
        B::MeetingScheduled(m) => {
            t3("rec-sum-meeting-scheduled", "session", s(&m.session), "date", s(&m.date), "place", s(&m.place))
        }
        B::AttendanceRegistered(a) => t1("rec-sum-present", "meeting", s(&a.meeting)),
        B::AttendanceCorrected(a) if a.present => {
            t2("rec-sum-corrected-present", "meeting", s(&a.meeting), "member", s(&a.member))
        }
        B::AttendanceCorrected(a) => t2("rec-sum-corrected-absent", "meeting", s(&a.meeting), "member", s(&a.member)),
        B::VoteOpened(v) => t2("rec-sum-vote-opened", "target", target_label(&v.target), "process", s(&v.process)),
        B::BallotCast(b) => t1("rec-sum-ballot", "vote", s(&b.vote)),
        B::VoteExplained(x) => t1("rec-sum-explanation", "vote", s(&x.vote)),
        B::VoteClosed(v) => t1("rec-sum-vote-closed", "vote", s(&v.vote)),
        B::ConsensusProposed(c) => {
            t2("rec-sum-consensus-proposed", "target", target_label(&c.target), "process", s(&c.process))
        }
        B::ConsensusObjected(o) => t1("rec-sum-consensus-objected", "consensus", s(&o.consensus)),
        B::ConsensusDeclared(c) => t1("rec-sum-consensus-declared", "consensus", s(&c.consensus)),
        B::DecisionConfirmed(d) => t1("rec-sum-decision-confirmed", "decision", s(&d.decision)),
        B::SilenceStarted(x) => {
            t2("rec-sum-silence-started", "target", target_label(&x.target), "process", s(&x.process))
        }
        B::SilenceBroken(b) => t1("rec-sum-silence-broken", "silence", s(&b.silence)),
        B::SilenceConcluded(c) => t1("rec-sum-silence-concluded", "silence", s(&c.silence)),
        B::AgendaItemAdded(a) => t2("rec-sum-agenda-item", "meeting", s(&a.meeting), "title", s(&a.title)),
        B::FloorRequested(f) => t2("rec-sum-floor-requested", "item", s(&f.item), "meeting", s(&f.meeting)),
        B::FloorWithdrawn(f) => {
            t3("rec-sum-floor-withdrawn", "request", s(&f.request), "item", s(&f.item), "meeting", s(&f.meeting))
        }
        B::FloorGiven(f) => t2("rec-sum-floor-given", "item", s(&f.item), "meeting", s(&f.meeting)),
        B::SpeakingTimeSet(time) => match time.seconds {
            Some(secs) => {
                t3("rec-sum-speaking-time", "item", s(&time.item), "meeting", s(&time.meeting), "seconds", s(&secs))
            }
            None => t2("rec-sum-speaking-time-unlimited", "item", s(&time.item), "meeting", s(&time.meeting)),
        },
        B::StatementDelivered(st) => {
            t3("rec-sum-statement-delivered", "request", s(&st.request), "item", s(&st.item), "meeting", s(&st.meeting))
        }
        B::MeetingOpened(m) => t1("rec-sum-meeting-opened", "meeting", s(&m.meeting)),
        B::MeetingClosed(m) => t1("rec-sum-meeting-closed", "meeting", s(&m.meeting)),
        B::ImportantQuestionDesignated(q) => {
            t2("rec-sum-important-question", "target", target_label(&q.target), "process", s(&q.process))
        }
        B::ConsultationOpened(o) => t1("rec-sum-consultation-opened", "title", s(&o.title)),
        B::ConsultationStatementSeeded(st) => t1("rec-sum-statement-seeded", "consultation", s(&st.consultation)),
        B::ConsultationParticipantJoined(j) => t3(
            "rec-sum-participant-joined",
            "participant",
            j.participant.as_str()[..8].to_owned(),
            "category",
            participant_category_label(j.category),
            "consultation",
            s(&j.consultation),
        ),
        B::ConsultationStatementSubmitted(st) => t2(
            "rec-sum-statement-submitted",
            "participant",
            st.participant.as_str()[..8].to_owned(),
            "consultation",
            s(&st.consultation),
        ),
        B::ConsultationStatementModerated(m) if m.accepted => {
            t2("rec-sum-statement-accepted", "statement", s(&m.statement), "consultation", s(&m.consultation))
        }
        B::ConsultationStatementModerated(m) => {
            t2("rec-sum-statement-rejected", "statement", s(&m.statement), "consultation", s(&m.consultation))
        }
        B::ConsultationVoteCast(v) => t3(
            "rec-sum-participant-voted",
            "participant",
            v.participant.as_str()[..8].to_owned(),
            "statement",
            s(&v.statement),
            "consultation",
            s(&v.consultation),
        ),
        B::ConsultationClosed(c) => t1("rec-sum-consultation-closed", "consultation", s(&c.consultation)),
        B::ConsultationAnalysisPublished(a) => t3(
            "rec-sum-analysis-published",
            "consultation",
            s(&a.consultation),
            "size",
            s(&a.record_size),
            "digest",
            a.digest[..12].to_owned(),
        ),
    }
}

/// What a decision is on, in words: a proposal (`P-3`), a provision (by its
/// label), or the instrument.
fn target_label(target: &accord_domain::proceedings::payloads::Target) -> String {
    use accord_domain::proceedings::payloads::Target;
    match target {
        Target::Instrument => crate::t("rec-target-instrument"),
        other => other.label(),
    }
}

/// A kind of proposal in words.
fn proposal_kind_label(kind: accord_domain::negotiation::payloads::ProposalKind) -> String {
    use accord_domain::negotiation::payloads::ProposalKind as K;
    match kind {
        K::ReplaceWords => crate::t("rec-proposal-replace_words"),
        K::InsertWords => crate::t("rec-proposal-insert_words"),
        K::DeleteWords => crate::t("rec-proposal-delete_words"),
        K::ReplaceProvision => crate::t("rec-proposal-replace_provision"),
        K::InsertProvision => crate::t("rec-proposal-insert_provision"),
        K::DeleteProvision => crate::t("rec-proposal-delete_provision"),
    }
}

/// The category a consultation's participant joined under, in words.
fn participant_category_label(category: accord_domain::consultation::model::ParticipantCategory) -> String {
    use accord_domain::consultation::model::ParticipantCategory as C;
    match category {
        C::Delegation => crate::t("rec-participant-delegation"),
        C::IntergovernmentalOrganisation => crate::t("rec-participant-intergovernmental_organisation"),
        C::Ngo => crate::t("rec-participant-ngo"),
        C::PrivateSector => crate::t("rec-participant-private_sector"),
        C::Academia => crate::t("rec-participant-academia"),
        C::TechnicalCommunity => crate::t("rec-participant-technical_community"),
        C::Public => crate::t("rec-participant-public"),
    }
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    chrome: Chrome,
    notice: Option<String>,
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

async fn home(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    PageQuery(q): PageQuery<NoticeQuery>,
) -> Response {
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
            languages: forum
                .languages
                .iter()
                .map(|l| language_name(l.as_str()))
                .collect::<Vec<_>>()
                .join(&crate::t("home-list-separator")),
            established: crate::http::time::page_date(forum.established),
            states: state.members.values().filter(|m| m.kind == MemberKind::State).count(),
            organisations: state.members.values().filter(|m| m.kind == MemberKind::Organisation).count(),
            members: state.members.values().filter(|m| m.status == MemberStatus::Member).count(),
            observers: state.members.values().filter(|m| m.status == MemberStatus::Observer).count(),
            delegates: state.delegates.values().filter(|d| d.is_active() && d.member().is_some()).count(),
            officers: state
                .officers()
                .map(|o| (o.id.to_string(), o.name.to_string(), role_label(o.role_code())))
                .collect(),
            recent: recent_entries.iter().rev().map(|e| entry_row(e, &state)).collect(),
            verifier_key: app.log.verifier_key().to_owned(),
        }
    };
    render(StatusCode::OK, page)
}

/// An official language of the forum as the home page names it: the six
/// of the United Nations in themselves and in the reader's language; any
/// other by its tag.
fn language_name(tag: &str) -> String {
    match tag {
        "ar" => crate::t("home-language-ar"),
        "zh" => crate::t("home-language-zh"),
        "en" => crate::t("home-language-en"),
        "fr" => crate::t("home-language-fr"),
        "ru" => crate::t("home-language-ru"),
        "es" => crate::t("home-language-es"),
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
    /// What each configured witness last answered, and that answer in
    /// words.
    witnesses: Vec<(crate::record::log::WitnessStatus, String)>,
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
        witnesses: app
            .log
            .witness_statuses()
            .into_iter()
            .map(|w| {
                let label = witness_status_label(&w.status);
                (w, label)
            })
            .collect(),
    })
}

/// A witness's last answer in words (`cosigned`, `refused`, `unreachable`,
/// `pending`).
fn witness_status_label(status: &str) -> String {
    match status {
        "cosigned" => crate::t("rec-witness-cosigned"),
        "refused" => crate::t("rec-witness-refused"),
        "unreachable" => crate::t("rec-witness-unreachable"),
        "pending" => crate::t("rec-witness-pending"),
        other => other.to_owned(),
    }
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
