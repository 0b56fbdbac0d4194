//! The authorization matrix: every role × every state-changing route of
//! the API and of the pages, each cell with its expected outcome, checked
//! against a forum with a process, proposals, an open meeting, a vote, a
//! consensus, a silence procedure and a decision awaiting confirmation.
//!
//! The routes come from the router's own list ([`accord_server::route_list`]):
//! a state-changing route without a row in [`rows`] fails the test.
//!
//! A cell is refused (401 or 403 over the API; over the pages 403, or the
//! way to the log-in page without a live session) and then the record must
//! not have grown; or it is allowed: the caller passes authorization (the
//! rules may still refuse what the act asks in the forum's state, with
//! 404, 409 or 422, but never 401 or 403). Every cell runs on a fresh
//! copy of the forum, so that no cell's act (allowed, or wrongly let
//! through) disturbs another.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use accord_domain::ids::DisplayName;
use accord_domain::state::{MemberRole, OfficerRole};
use accord_domain::MemberCode;
use accord_server::setup;
use accord_store::Store;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

use crate::helpers::*;
use crate::negotiation::DRAFT;

/// The roles, in the order of the printed matrix. `console` is the
/// operator at the command line: it has no HTTP identity, so it is not a
/// row of this matrix (its rights are the domain's `Actor::System`).
const ROLES: &[&str] = &[
    "anonymous",
    "bra_head",
    "bra_del",
    "bra_adv",
    "icrc_head",
    "icrc",
    "icrc_adv",
    "withdrawn",
    "chair",
    "vice",
    "cofac",
    "translator",
    "sec",
];

/// Who may act on a row.
#[derive(Clone, Copy, Debug)]
enum Who {
    /// Anyone, logged in or not.
    Public,
    /// Any live account.
    Account,
    /// No one over HTTP (the act must be signed: see `/api/v1/actions`).
    NoOne,
    Sec,
    /// The chair or a vice-chair.
    Chair,
    /// The chair, a vice-chair or a co-facilitator.
    ChairCofac,
    /// They or the secretariat.
    ChairCofacSec,
    /// The secretariat, the chair or a vice-chair.
    SecChair,
    /// BRA's head of delegation or delegate (a member with status member; not an adviser).
    Voting,
    /// BRA's head of delegation (its delegation, its keys).
    BraHead,
    /// The head or a delegate of BRA or of the observer ICRC (not an adviser).
    Delegation,
    /// BRA's head or delegate, or the secretariat.
    VotingOrSec,
    /// The secretariat, or BRA's head of delegation (for a member of its delegation).
    SecOrBraHead,
    /// A member's delegate, advisers included (a consultation's participants
    /// by account; officers run consultations and do not take part).
    MemberDelegates,
    /// They or the secretariat.
    MemberDelegatesOrSec,
    /// Anyone but an officer: members' delegates, and anyone without an
    /// account (who joins a consultation with a participant key).
    NotOfficer,
    /// Members' delegates, and the anonymous (who get a participant key);
    /// not officers, nor a withdrawn delegate's token.
    Participants,
    /// A translator (an officer).
    Translator,
}

impl Who {
    fn allows(self, role: &str) -> bool {
        let chair = matches!(role, "chair" | "vice");
        let voting = matches!(role, "bra_head" | "bra_del");
        let member_delegate = matches!(role, "bra_head" | "bra_del" | "bra_adv" | "icrc_head" | "icrc" | "icrc_adv");
        match self {
            Who::Public => true,
            Who::Account => role != "anonymous" && role != "withdrawn",
            Who::NoOne => false,
            Who::Sec => role == "sec",
            Who::Chair => chair,
            Who::ChairCofac => chair || role == "cofac",
            Who::ChairCofacSec => chair || role == "cofac" || role == "sec",
            Who::SecChair => chair || role == "sec",
            Who::Voting => voting,
            Who::BraHead => role == "bra_head",
            Who::Delegation => voting || matches!(role, "icrc_head" | "icrc"),
            Who::VotingOrSec => voting || role == "sec",
            Who::SecOrBraHead => role == "sec" || role == "bra_head",
            Who::MemberDelegates => member_delegate,
            Who::MemberDelegatesOrSec => member_delegate || role == "sec",
            Who::NotOfficer => !matches!(role, "chair" | "vice" | "cofac" | "translator" | "sec"),
            Who::Participants => member_delegate || role == "anonymous",
            Who::Translator => role == "translator",
        }
    }
}

/// One row: a route (as the router writes it), the request sent, who may.
struct Row {
    method: Method,
    route: &'static str,
    path: &'static str,
    /// JSON for the API, form fields for the pages (`csrf` added).
    body: Body_,
    who: Who,
}

enum Body_ {
    Json(Value),
    Form(Vec<(&'static str, &'static str)>),
}

fn api(method: Method, route: &'static str, path: &'static str, body: Value, who: Who) -> Row {
    Row { method, route, path, body: Body_::Json(body), who }
}

fn page(route: &'static str, path: &'static str, form: &[(&'static str, &'static str)], who: Who) -> Row {
    Row { method: Method::POST, route, path, body: Body_::Form(form.to_vec()), who }
}

fn rows() -> Vec<Row> {
    use Method as M;
    use Who::*;
    vec![
        // Accounts and members.
        api(
            M::POST,
            "/api/v1/auth/token",
            "/api/v1/auth/token",
            json!({"email": email("ken_head"), "password": PASSWORD}),
            Public,
        ),
        api(
            M::POST,
            "/api/v1/auth/password",
            "/api/v1/auth/password",
            json!({"email": email("ken_head"), "password": PASSWORD, "new_password": "another correct horse battery"}),
            Public,
        ),
        api(M::PATCH, "/api/v1/forum", "/api/v1/forum", json!({"name": "Renamed Forum"}), Sec),
        api(M::POST, "/api/v1/members", "/api/v1/members", json!({"code": "FRA", "kind": "state"}), Sec),
        api(M::POST, "/api/v1/members/{code}/status", "/api/v1/members/CHN/status", json!({"status": "observer"}), Sec),
        api(
            M::POST,
            "/api/v1/members/{code}/suspension",
            "/api/v1/members/CHN/suspension",
            json!({"reason": "arrears"}),
            Sec,
        ),
        api(M::DELETE, "/api/v1/members/{code}/suspension", "/api/v1/members/CHN/suspension", Value::Null, Sec),
        api(
            M::POST,
            "/api/v1/members/{code}/delegates",
            "/api/v1/members/BRA/delegates",
            json!({"name": "New Person", "email": "new@forum.test", "role": "adviser"}),
            Sec,
        ),
        api(
            M::POST,
            "/api/v1/members/{code}/keys",
            "/api/v1/members/BRA/keys",
            json!({"public_key": "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=", "label": "laptop"}),
            BraHead,
        ),
        api(M::DELETE, "/api/v1/members/{code}/keys/{key}", "/api/v1/members/BRA/keys/nokey", Value::Null, BraHead),
        api(
            M::POST,
            "/api/v1/members/{code}/signatures-required",
            "/api/v1/members/BRA/signatures-required",
            json!({}),
            NoOne,
        ),
        api(M::POST, "/api/v1/actions", "/api/v1/actions", json!({}), Account),
        api(
            M::POST,
            "/api/v1/delegates/{id}/withdraw",
            "/api/v1/delegates/D4/withdraw",
            json!({"reason": "left"}),
            SecOrBraHead,
        ),
        api(M::POST, "/api/v1/delegates/{id}/password-reset", "/api/v1/delegates/D4/password-reset", json!({}), Sec),
        api(
            M::POST,
            "/api/v1/officers",
            "/api/v1/officers",
            json!({"name": "Rapporteur", "email": "rap@forum.test", "role": "vice_chair"}),
            Sec,
        ),
        api(M::POST, "/api/v1/me/tokens", "/api/v1/me/tokens", json!({"label": "script"}), Account),
        api(M::DELETE, "/api/v1/me/tokens/{id}", "/api/v1/me/tokens/999", Value::Null, Account),
        // Rules, questions, sessions and meetings.
        api(
            M::PUT,
            "/api/v1/rules",
            "/api/v1/rules",
            json!({"majority": "simple", "important_majority": "two_thirds", "abstentions": "not_counted", "meeting_quorum": {"numerator": 1, "denominator": 3}, "decision_quorum": {"numerator": 1, "denominator": 2, "more_than": true}, "silence_min_hours": 72}),
            Sec,
        ),
        api(
            M::PUT,
            "/api/v1/processes/{id}/rules",
            "/api/v1/processes/1/rules",
            json!({"majority": "simple", "important_majority": "two_thirds", "abstentions": "not_counted", "meeting_quorum": {"numerator": 1, "denominator": 3}, "decision_quorum": {"numerator": 1, "denominator": 2, "more_than": true}, "silence_min_hours": 72}),
            Sec,
        ),
        api(
            M::POST,
            "/api/v1/processes/{id}/votes",
            "/api/v1/processes/1/votes",
            json!({"target": {"kind": "provision", "id": "chp_1__art_2__para_1"}, "meeting": 1}),
            Chair,
        ),
        api(
            M::POST,
            "/api/v1/processes/{id}/consensus",
            "/api/v1/processes/1/consensus",
            json!({"target": {"kind": "provision", "id": "chp_1__art_2__para_1"}, "meeting": 1}),
            Chair,
        ),
        api(
            M::POST,
            "/api/v1/processes/{id}/silence",
            "/api/v1/processes/1/silence",
            json!({"target": {"kind": "provision", "id": "chp_1__art_2__para_1"}, "hours": 100}),
            Chair,
        ),
        api(
            M::POST,
            "/api/v1/processes/{id}/important-questions",
            "/api/v1/processes/1/important-questions",
            json!({"target": {"kind": "provision", "id": "chp_1__art_2__para_1"}}),
            Chair,
        ),
        api(M::POST, "/api/v1/sessions", "/api/v1/sessions", json!({"title": "Second session"}), Sec),
        api(
            M::POST,
            "/api/v1/sessions/{sid}/meetings",
            "/api/v1/sessions/1/meetings",
            json!({"date": "2026-12-02", "place": "Room 2"}),
            Sec,
        ),
        api(M::POST, "/api/v1/meetings/{mid}/open", "/api/v1/meetings/2/open", json!({}), Chair),
        api(M::POST, "/api/v1/meetings/{mid}/close", "/api/v1/meetings/1/close", json!({}), Chair),
        api(M::POST, "/api/v1/meetings/{mid}/attendance", "/api/v1/meetings/1/attendance", json!({}), Delegation),
        api(M::DELETE, "/api/v1/meetings/{mid}/attendance", "/api/v1/meetings/1/attendance", Value::Null, Delegation),
        api(
            M::PUT,
            "/api/v1/meetings/{mid}/attendance/{member}",
            "/api/v1/meetings/1/attendance/BRA",
            json!({"present": false}),
            VotingOrSec,
        ),
        api(
            M::PUT,
            "/api/v1/meetings/{mid}/attendance/{member}",
            "/api/v1/meetings/1/attendance/ICRC",
            json!({"present": true}),
            Sec,
        ),
        api(
            M::POST,
            "/api/v1/meetings/{mid}/agenda",
            "/api/v1/meetings/1/agenda",
            json!({"title": "Other matters"}),
            SecChair,
        ),
        api(
            M::POST,
            "/api/v1/meetings/{mid}/agenda/{item}/speakers",
            "/api/v1/meetings/1/agenda/2/speakers",
            json!({"kind": "right_of_reply"}),
            Delegation,
        ),
        api(
            M::DELETE,
            "/api/v1/meetings/{mid}/agenda/{item}/speakers/{request}",
            "/api/v1/meetings/1/agenda/2/speakers/1",
            Value::Null,
            Voting,
        ),
        api(
            M::POST,
            "/api/v1/meetings/{mid}/agenda/{item}/speakers/{request}/statement",
            "/api/v1/meetings/1/agenda/1/speakers/1/statement",
            json!({"text": "Our statement."}),
            VotingOrSec,
        ),
        api(M::POST, "/api/v1/meetings/{mid}/agenda/{item}/next", "/api/v1/meetings/1/agenda/2/next", json!({}), Chair),
        api(
            M::PUT,
            "/api/v1/meetings/{mid}/agenda/{item}/speaking-time",
            "/api/v1/meetings/1/agenda/1/speaking-time",
            json!({"seconds": 180}),
            Chair,
        ),
        api(M::POST, "/api/v1/votes/{vid}/ballots", "/api/v1/votes/1/ballots", json!({"choice": "yes"}), Voting),
        api(
            M::POST,
            "/api/v1/votes/{vid}/explanations",
            "/api/v1/votes/1/explanations",
            json!({"text": "We vote yes."}),
            Voting,
        ),
        api(M::POST, "/api/v1/votes/{vid}/close", "/api/v1/votes/1/close", json!({}), Chair),
        api(
            M::POST,
            "/api/v1/consensus/{cid}/objections",
            "/api/v1/consensus/2/objections",
            json!({"reason": "Not yet."}),
            Voting,
        ),
        api(M::POST, "/api/v1/consensus/{cid}/declare", "/api/v1/consensus/2/declare", json!({}), Chair),
        api(M::POST, "/api/v1/decisions/{did}/confirm", "/api/v1/decisions/1/confirm", json!({}), Chair),
        api(M::POST, "/api/v1/silence/{sid}/break", "/api/v1/silence/1/break", json!({"reason": "We object."}), Voting),
        // Negotiation.
        api(M::POST, "/api/v1/processes", "/api/v1/processes", json!({"title": "Second", "markdown": DRAFT}), Sec),
        api(
            M::POST,
            "/api/v1/processes/{id}/proposals",
            "/api/v1/processes/1/proposals",
            json!({"kind": "replace_words", "eid": "chp_2__art_3__para_1", "anchor": {"quote": "shall", "occurrence": 1}, "text": "may"}),
            Voting,
        ),
        api(
            M::POST,
            "/api/v1/processes/{id}/proposals/{pid}/support",
            "/api/v1/processes/1/proposals/4/support",
            json!({}),
            Voting,
        ),
        api(
            M::POST,
            "/api/v1/processes/{id}/proposals/{pid}/objection",
            "/api/v1/processes/1/proposals/4/objection",
            json!({"reason": "No."}),
            Voting,
        ),
        api(
            M::POST,
            "/api/v1/processes/{id}/proposals/{pid}/cosponsors",
            "/api/v1/processes/1/proposals/4/cosponsors",
            json!({}),
            Voting,
        ),
        api(
            M::DELETE,
            "/api/v1/processes/{id}/proposals/{pid}/cosponsors",
            "/api/v1/processes/1/proposals/4/cosponsors",
            Value::Null,
            Voting,
        ),
        api(
            M::POST,
            "/api/v1/processes/{id}/proposals/{pid}/withdraw",
            "/api/v1/processes/1/proposals/5/withdraw",
            json!({}),
            Voting,
        ),
        api(
            M::POST,
            "/api/v1/processes/{id}/proposals/{pid}/reanchor",
            "/api/v1/processes/1/proposals/5/reanchor",
            json!({"anchor": {"quote": "good faith", "occurrence": 1}}),
            Voting,
        ),
        api(
            M::POST,
            "/api/v1/processes/{id}/proposals/{pid}/agree",
            "/api/v1/processes/1/proposals/5/agree",
            json!({}),
            ChairCofac,
        ),
        api(
            M::POST,
            "/api/v1/processes/{id}/proposals/{pid}/reject",
            "/api/v1/processes/1/proposals/5/reject",
            json!({}),
            ChairCofac,
        ),
        api(
            M::POST,
            "/api/v1/processes/{id}/chair-texts",
            "/api/v1/processes/1/chair-texts",
            json!({"eid": "chp_2__art_3__para_1", "proposals": [], "text": "The Conference shall consider this Framework."}),
            ChairCofac,
        ),
        api(
            M::POST,
            "/api/v1/processes/{id}/revisions",
            "/api/v1/processes/1/revisions",
            json!({"name": "Rev.1"}),
            ChairCofacSec,
        ),
        api(
            M::PUT,
            "/api/v1/processes/{id}/symbol",
            "/api/v1/processes/1/symbol",
            json!({"symbol": "A/AC.1/L.1"}),
            Sec,
        ),
        api(
            M::POST,
            "/api/v1/processes/{id}/papers",
            "/api/v1/processes/1/papers",
            json!({"kind": "rolling_text", "symbol": "A/AC.1/CRP.1"}),
            Sec,
        ),
        // Translations.
        api(
            M::POST,
            "/api/v1/processes/{id}/translations",
            "/api/v1/processes/1/translations",
            json!({"language": "fr", "version": 1, "eid": "chp_1__art_1__para_1", "text": "Texte"}),
            Translator,
        ),
        // Consultations.
        api(M::POST, "/api/v1/consultations", "/api/v1/consultations", json!({"title": "T", "question": "Q?"}), Sec),
        api(
            M::POST,
            "/api/v1/consultations/{id}/participants",
            "/api/v1/consultations/1/participants",
            json!({}),
            Participants,
        ),
        api(
            M::POST,
            "/api/v1/consultations/{id}/statements",
            "/api/v1/consultations/1/statements",
            json!({"text": "Another point"}),
            MemberDelegatesOrSec,
        ),
        api(
            M::POST,
            "/api/v1/consultations/{id}/statements/{stid}/moderation",
            "/api/v1/consultations/1/statements/1/moderation",
            json!({"accepted": false}),
            Sec,
        ),
        api(
            M::POST,
            "/api/v1/consultations/{id}/votes",
            "/api/v1/consultations/1/votes",
            json!({"statement": 1, "vote": "agree"}),
            MemberDelegates,
        ),
        api(M::POST, "/api/v1/consultations/{id}/close", "/api/v1/consultations/1/close", Value::Null, Sec),
        api(M::POST, "/api/v1/consultations/{id}/analysis", "/api/v1/consultations/1/analysis", Value::Null, Sec),
        page("/consultations", "/consultations", &[("title", "T"), ("question", "Q?")], Sec),
        page("/consultations/{id}/join", "/consultations/1/join", &[], NotOfficer),
        page(
            "/consultations/{id}/votes",
            "/consultations/1/votes",
            &[("statement", "1"), ("vote", "agree")],
            MemberDelegates,
        ),
        page(
            "/consultations/{id}/statements",
            "/consultations/1/statements",
            &[("text", "Another point")],
            MemberDelegatesOrSec,
        ),
        page(
            "/consultations/{id}/statements/{stid}/moderation",
            "/consultations/1/statements/1/moderation",
            &[("decision", "reject")],
            Sec,
        ),
        page("/consultations/{id}/close", "/consultations/1/close", &[], Sec),
        page("/consultations/{id}/analysis", "/consultations/1/analysis", &[], Sec),
        // Pages: meetings and decisions.
        page("/sessions", "/sessions", &[("act", "session"), ("title", "Second session")], Sec),
        page("/meetings/{mid}", "/meetings/1", &[("act", "register")], Delegation),
        page("/meetings/{mid}", "/meetings/1", &[("act", "leave"), ("member", "BRA")], VotingOrSec),
        page(
            "/meetings/{mid}",
            "/meetings/1",
            &[("act", "floor"), ("item", "2"), ("kind", "right_of_reply")],
            Delegation,
        ),
        page("/meetings/{mid}", "/meetings/1", &[("act", "withdraw"), ("item", "2"), ("request", "1")], Voting),
        page(
            "/meetings/{mid}",
            "/meetings/1",
            &[("act", "statement"), ("item", "1"), ("request", "1"), ("text", "Ours.")],
            VotingOrSec,
        ),
        page("/meetings/{mid}", "/meetings/1", &[("act", "ballot"), ("vote", "1"), ("choice", "yes")], Voting),
        page("/meetings/{mid}", "/meetings/1", &[("act", "close"), ("vote", "1")], Chair),
        page("/meetings/{mid}", "/meetings/1", &[("act", "correct"), ("member", "ICRC"), ("present", "yes")], Sec),
        page(
            "/processes/{id}/decisions",
            "/processes/1/decisions",
            &[("act", "break"), ("silence", "1"), ("reason", "We object.")],
            Voting,
        ),
        page("/processes/{id}/decisions", "/processes/1/decisions", &[("act", "confirm"), ("decision", "1")], Chair),
        // Pages: negotiation.
        page("/processes", "/processes", &[("title", "Second"), ("markdown", DRAFT)], Sec),
        page("/processes/{id}/versions", "/processes/1/versions", &[("name", "Rev.1")], ChairCofacSec),
        page("/processes/{id}/symbol", "/processes/1/symbol", &[("symbol", "A/AC.1/L.1")], Sec),
        page(
            "/processes/{id}/papers",
            "/processes/1/papers",
            &[("kind", "compilation"), ("symbol", "A/AC.1/CRP.2")],
            Sec,
        ),
        page(
            "/processes/{id}/translations",
            "/processes/1/translations",
            &[("language", "fr"), ("version", "1"), ("eid", "chp_1__art_1__para_1"), ("text", "Texte")],
            Translator,
        ),
        page(
            "/processes/{id}/proposals",
            "/processes/1/proposals",
            &[("kind", "replace_words"), ("eid", "chp_2__art_3__para_1"), ("quote", "shall"), ("text", "may")],
            Voting,
        ),
        page(
            "/processes/{id}/proposals/{pid}/reanchor",
            "/processes/1/proposals/5/reanchor",
            &[("quote", "good faith")],
            Voting,
        ),
        page("/processes/{id}/proposals/{pid}/{act}", "/processes/1/proposals/4/support", &[], Voting),
        page("/processes/{id}/proposals/{pid}/{act}", "/processes/1/proposals/5/agree", &[], ChairCofac),
        page(
            "/processes/{id}/chair-texts",
            "/processes/1/chair-texts",
            &[
                ("eid", "chp_2__art_3__para_1"),
                ("proposals", ""),
                ("text", "The Conference shall consider this Framework."),
            ],
            ChairCofac,
        ),
        // Pages: members, officers, accounts.
        page("/members", "/members", &[("code", "FRA"), ("kind", "state"), ("status", "member")], Sec),
        page(
            "/members/{code}/delegates",
            "/members/BRA/delegates",
            &[("name", "New Person"), ("email", "new@forum.test"), ("role", "adviser")],
            Sec,
        ),
        page(
            "/members/{code}/keys",
            "/members/BRA/keys",
            &[("public_key", "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="), ("label", "laptop")],
            BraHead,
        ),
        page("/members/{code}/keys/{key}/revoke", "/members/BRA/keys/nokey/revoke", &[], BraHead),
        // Unsigned, as a form sent without the browser's key: no one.
        page("/members/{code}/signatures-required", "/members/BRA/signatures-required", &[], NoOne),
        page("/members/{code}/status", "/members/CHN/status", &[("status", "observer")], Sec),
        page("/members/{code}/suspension", "/members/CHN/suspension", &[("reason", "arrears")], Sec),
        page("/members/{code}/reinstatement", "/members/CHN/reinstatement", &[], Sec),
        page("/delegates/{id}/withdraw", "/delegates/D4/withdraw", &[("reason", "left")], SecOrBraHead),
        page("/delegates/{id}/password-reset", "/delegates/D4/password-reset", &[], Sec),
        page(
            "/officers",
            "/officers",
            &[("name", "Rapporteur"), ("email", "rap@forum.test"), ("role", "vice_chair")],
            Sec,
        ),
        page("/login", "/login", &[("email", "ken_head@forum.test"), ("password", PASSWORD), ("next", "/")], Public),
        page("/logout", "/logout", &[], Public),
        page("/language", "/language", &[("lang", "fr"), ("back", "/")], Public),
        page(
            "/account/password",
            "/account/password",
            &[
                ("current", PASSWORD),
                ("new", "another correct horse battery"),
                ("confirm", "another correct horse battery"),
            ],
            Account,
        ),
        page("/account/tokens", "/account/tokens", &[("label", "script")], Account),
        page("/account/tokens/{id}/revoke", "/account/tokens/999/revoke", &[], Account),
    ]
}

/// A role's credentials: an API token and a page session (cookie, CSRF).
#[derive(Clone, Default)]
struct Credentials {
    token: Option<String>,
    cookie: Option<String>,
    csrf: String,
}

/// An app over a copy of the forum's files: one per cell.
struct Instance {
    _dir: tempfile::TempDir,
    store: Arc<Store>,
    app: Router,
}

fn open_copy(from: &std::path::Path) -> Instance {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("accord.sqlite3");
    for suffix in ["", "-wal"] {
        let src = std::path::PathBuf::from(format!("{}{suffix}", from.display()));
        if src.exists() {
            std::fs::copy(&src, format!("{}{suffix}", db.display())).unwrap();
        }
    }
    let store = Arc::new(Store::open(&db).unwrap());
    let key = accord_log::checkpoint::LogSigner::generate("accord.test/forum").unwrap();
    let signer = accord_log::checkpoint::LogSigner::from_key(&key).unwrap();
    let (app, _) = accord_server::build(store.clone(), accord_server::Config::default(), signer);
    Instance { _dir: dir, store, app }
}

async fn send(app: &Router, req: Request<Body>) -> (StatusCode, Option<String>, Vec<u8>) {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let location = res.headers().get(header::LOCATION).map(|l| l.to_str().unwrap().to_owned());
    let bytes = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    (status, location, bytes)
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn request(row: &Row, who: &Credentials) -> Request<Body> {
    let mut req = Request::builder().method(row.method.clone()).uri(row.path).header(header::HOST, "accord.test");
    match &row.body {
        Body_::Json(v) => {
            if let Some(t) = &who.token {
                req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
            }
            if v.is_null() {
                req.body(Body::empty()).unwrap()
            } else {
                req.header(header::CONTENT_TYPE, "application/json").body(Body::from(v.to_string())).unwrap()
            }
        }
        Body_::Form(fields) => {
            if let Some(c) = &who.cookie {
                req = req.header(header::COOKIE, c);
            }
            let mut body: Vec<String> = fields.iter().map(|(k, v)| format!("{k}={}", enc(v))).collect();
            body.push(format!("csrf={}", enc(&who.csrf)));
            req.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ORIGIN, "http://accord.test")
                .body(Body::from(body.join("&")))
                .unwrap()
        }
    }
}

/// Logs in through the log-in page; answers the session cookie and its CSRF token.
async fn page_session(app: &Router, who: &str) -> (String, String) {
    let form = format!("email={}&password={}&next=%2F", enc(&email(who)), enc(PASSWORD));
    let req = Request::post("/login")
        .header(header::HOST, "accord.test")
        .header(header::ORIGIN, "http://accord.test")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let cookie = res.headers().get(header::SET_COOKIE).expect("a session cookie").to_str().unwrap();
    let cookie = cookie.split(';').next().unwrap().to_owned();
    let req = Request::get("/account").header(header::HOST, "accord.test").header(header::COOKIE, &cookie);
    let (_, _, html) = send(app, req.body(Body::empty()).unwrap()).await;
    let html = String::from_utf8(html).unwrap();
    let at = html.find("name=\"csrf\" value=\"").expect("the account page has a form");
    let rest = &html[at + 19..];
    (cookie, rest[..rest.find('"').unwrap()].to_owned())
}

/// What the matrix's forum holds beyond [`TestForum::new`]: a vice-chair
/// `vice`, a co-facilitator `cofac`, ICRC's head `icrc_head` and adviser
/// `icrc_adv`, a translator `translator`, and `withdrawn` (a BRA delegate whose accreditation is
/// withdrawn after they logged in).
fn accounts(forum: &TestForum) {
    let name = |s: &str| DisplayName::parse(s).unwrap();
    let e = |w: &str| accord_domain::Email::parse(&email(w)).unwrap();
    setup::create_officer(&forum.store, name("Vice Chair"), OfficerRole::ViceChair, e("vice"), PASSWORD).unwrap();
    setup::create_officer(&forum.store, name("Co Facilitator"), OfficerRole::CoFacilitator, e("cofac"), PASSWORD)
        .unwrap();
    setup::create_officer(&forum.store, name("Trans Lator"), OfficerRole::Translator, e("translator"), PASSWORD)
        .unwrap();
    for (who, member, role) in [
        ("icrc_head", "ICRC", MemberRole::HeadOfDelegation),
        ("icrc_adv", "ICRC", MemberRole::Adviser),
        ("withdrawn", "BRA", MemberRole::Delegate),
    ] {
        let code = MemberCode::parse(member).unwrap();
        setup::create_delegate(&forum.store, code, name(&format!("Person {who}")), role, e(who), PASSWORD).unwrap();
    }
}

async fn ok(forum: &TestForum, method: Method, path: &str, token: &str, body: Value) -> Value {
    let (s, v) = forum.call(method, path, Some(token), Some(body)).await;
    assert!(s.is_success(), "{path}: {s} {v}");
    v
}

/// The forum's business: process 1 with proposals P-1..P-5 (P-5 BRA's,
/// P-4 KEN's), meeting 1 open with BRA, KEN and CHN present, BRA speaking
/// on item 1 and waiting on item 2, vote 1 open on P-2, decision 1 agreed
/// ad referendum on P-1, consensus 2 pending on P-3, silence procedure 1
/// running on a paragraph, meeting 2 scheduled; consultation 1 on process 1
/// with one statement, the secretariat's.
async fn business(forum: &TestForum, t: &std::collections::HashMap<&str, String>) {
    use Method as M;
    ok(forum, M::POST, "/api/v1/processes", &t["sec"], json!({"title": "Framework", "markdown": DRAFT})).await;
    let consultation =
        json!({"title": "Critical infrastructure", "question": "What should States protect?", "process": 1});
    ok(forum, M::POST, "/api/v1/consultations", &t["sec"], consultation).await;
    ok(forum, M::POST, "/api/v1/consultations/1/statements", &t["sec"], json!({"text": "Hospitals first"})).await;
    let propose = |eid: &str, quote: &str, text: &str| json!({"kind": "replace_words", "eid": eid, "anchor": {"quote": quote, "occurrence": 1}, "text": text});
    let proposals = "/api/v1/processes/1/proposals";
    ok(forum, M::POST, proposals, &t["bra_head"], propose("chp_1__art_1__para_1", "good faith", "full good faith"))
        .await;
    ok(forum, M::POST, proposals, &t["ken_head"], propose("chp_1__art_1__para_1", "exchange", "share")).await;
    ok(forum, M::POST, proposals, &t["ken_head"], propose("chp_1__art_1__para_2", "protect", "defend")).await;
    ok(forum, M::POST, proposals, &t["ken_head"], propose("chp_1__art_1__para_2", "critical", "vital")).await;
    ok(forum, M::POST, proposals, &t["bra_head"], propose("chp_1__art_2__para_1", "applies", "is applied")).await;
    ok(forum, M::POST, "/api/v1/sessions", &t["sec"], json!({"title": "First session"})).await;
    for _ in 0..2 {
        let meeting = json!({"date": "2026-12-01", "place": "Room"});
        ok(forum, M::POST, "/api/v1/sessions/1/meetings", &t["sec"], meeting).await;
    }
    for title in ["General debate", "Chapter I"] {
        ok(forum, M::POST, "/api/v1/meetings/1/agenda", &t["sec"], json!({"title": title})).await;
    }
    for who in ["bra_head", "ken_head"] {
        ok(forum, M::POST, "/api/v1/meetings/1/attendance", &t[who], json!({})).await;
    }
    ok(forum, M::PUT, "/api/v1/meetings/1/attendance/CHN", &t["sec"], json!({"present": true})).await;
    ok(forum, M::POST, "/api/v1/meetings/1/open", &t["chair"], json!({})).await;
    let floor = json!({"kind": "statement"});
    ok(forum, M::POST, "/api/v1/meetings/1/agenda/1/speakers", &t["bra_head"], floor.clone()).await;
    ok(forum, M::POST, "/api/v1/meetings/1/agenda/1/next", &t["chair"], json!({})).await;
    ok(forum, M::POST, "/api/v1/meetings/1/agenda/2/speakers", &t["bra_head"], floor).await;
    let on = |p: u64| json!({"target": {"kind": "proposal", "id": p}, "meeting": 1});
    ok(forum, M::POST, "/api/v1/processes/1/votes", &t["chair"], on(2)).await;
    let mut adref = on(1);
    adref["ad_referendum"] = json!(true);
    ok(forum, M::POST, "/api/v1/processes/1/consensus", &t["chair"], adref).await;
    ok(forum, M::POST, "/api/v1/consensus/1/declare", &t["chair"], json!({})).await;
    ok(forum, M::POST, "/api/v1/processes/1/consensus", &t["chair"], on(3)).await;
    let silence = json!({"target": {"kind": "provision", "id": "chp_1__art_1__para_2"}, "hours": 100});
    ok(forum, M::POST, "/api/v1/processes/1/silence", &t["chair"], silence).await;
}

#[test]
fn every_role_on_every_state_changing_route() {
    if crate::helpers::sqlite_only(
        "each of the 1,417 cells runs on its own copy of the forum's SQLite file; the rights it checks do not depend on the store",
    ) {
        return;
    }
    let forum = TestForum::new();
    accounts(&forum);
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(matrix(forum));
}

async fn matrix(forum: TestForum) {
    // The table covers exactly the router's state-changing routes.
    let state_changing = [Method::POST, Method::PUT, Method::PATCH, Method::DELETE];
    let served: BTreeSet<(String, String)> = accord_server::route_list()
        .into_iter()
        .filter(|(m, _)| state_changing.contains(m))
        .map(|(m, p)| (m.to_string(), p.to_owned()))
        .collect();
    let rows = rows();
    let table: BTreeSet<(String, String)> = rows.iter().map(|r| (r.method.to_string(), r.route.to_owned())).collect();
    let missing: Vec<_> = served.difference(&table).collect();
    let extra: Vec<_> = table.difference(&served).collect();
    assert!(missing.is_empty(), "state-changing routes without a row in the matrix: {missing:?}");
    assert!(extra.is_empty(), "rows for routes the router does not serve: {extra:?}");

    let mut tokens = std::collections::HashMap::new();
    for who in ["sec", "chair", "bra_head", "ken_head"] {
        tokens.insert(who, forum.token(who).await);
    }
    business(&forum, &tokens).await;
    let mut creds: BTreeMap<&str, Credentials> = BTreeMap::new();
    creds.insert("anonymous", Credentials::default());
    for role in &ROLES[1..] {
        let token = forum.token(role).await;
        let (cookie, csrf) = page_session(&forum.app, role).await;
        creds.insert(role, Credentials { token: Some(token), cookie: Some(cookie), csrf });
    }
    // The withdrawn delegate logged in before the withdrawal.
    let withdrawn =
        forum.store.state().delegates.values().find(|d| d.name.to_string() == "Person withdrawn").unwrap().id;
    let path = format!("/api/v1/delegates/{withdrawn}/withdraw");
    ok(&forum, Method::POST, &path, &tokens["sec"], json!({"reason": "left the delegation"})).await;

    let db = forum.db_path();
    let mut failures = Vec::new();
    let mut checked = 0usize;
    let mut cells = 0usize;
    let mut printed = String::new();
    for row in &rows {
        let mut line = format!("{:6} {:62}", row.method.as_str(), row.path);
        for role in ROLES {
            cells += 1;
            let allowed = row.who.allows(role);
            let is_page = matches!(row.body, Body_::Form(_));
            let who = &creds[role];
            let instance = &open_copy(&db);
            let before = instance.store.len();
            let (status, location, body) = send(&instance.app, request(row, who)).await;
            let to_login = location.as_deref().is_some_and(|l| l.starts_with("/login?next="));
            let denied = status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN || to_login;
            let text = String::from_utf8_lossy(&body);
            let text = match text.find("<main") {
                Some(at) => &text[at..],
                None => &text[..],
            };
            let text: String = text.chars().take(600).collect();
            let verdict = if allowed {
                if denied || status.is_server_error() {
                    Err(format!("expected allowed, got {status} {location:?} {text}"))
                } else {
                    Ok('+')
                }
            } else {
                // Anonymous, and a session of a withdrawn account, are
                // sent to log in (pages) or get 401 (API; a withdrawn
                // account's token gets 403 not_accredited).
                // A consultation's participant forms are for people
                // without accounts too: without a participant key they
                // say to join (403), not to log in.
                let participant_form = matches!(
                    row.route,
                    "/consultations/{id}/votes" | "/consultations/{id}/statements" | "/consultations/{id}/join"
                );
                let expected = match (*role, is_page) {
                    ("anonymous" | "withdrawn", true) if participant_form => "403",
                    ("anonymous", false) => "401",
                    ("anonymous" | "withdrawn", true) => "login",
                    _ => "403",
                };
                let got = if to_login {
                    "login"
                } else if status == StatusCode::UNAUTHORIZED {
                    "401"
                } else if status == StatusCode::FORBIDDEN {
                    "403"
                } else {
                    "other"
                };
                if got != expected {
                    Err(format!("expected {expected}, got {status} {location:?} {text}"))
                } else if instance.store.len() != before {
                    Err("refused, but the record grew".to_owned())
                } else {
                    Ok('.')
                }
            };
            checked += 1;
            match verdict {
                Ok(c) => line.push(c),
                Err(e) => {
                    line.push('X');
                    failures.push(format!("{} {} as {role}: {e}", row.method, row.path));
                }
            }
        }
        printed.push_str(&line);
        printed.push('\n');
    }
    let routes = table.len();
    println!("roles: {}\n{printed}", ROLES.join(" "));
    println!(
        "authorization matrix: {} roles × {} rows ({routes} state-changing routes) = {cells} cells, {checked} checked, {} failed",
        ROLES.len(),
        rows.len(),
        failures.len()
    );
    assert_eq!(checked, ROLES.len() * rows.len(), "every cell is checked");
    assert!(failures.is_empty(), "{} cells failed:\n{}", failures.len(), failures.join("\n"));
}
