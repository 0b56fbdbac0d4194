//! Open consultations through the API and the pages: opening, joining
//! under pseudonyms, statements and moderation, votes, the analysis (which
//! finds the opinion groups planted in the votes), publishing it, and
//! `accord verify` recomputing what is published; with every refusal.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;
use crate::negotiation::DRAFT;

const PROVISION: &str = "chp_1__art_1__para_2";

/// A request with an optional participant key.
async fn as_participant(
    forum: &TestForum,
    method: Method,
    path: &str,
    key: Option<&str>,
    body: Value,
) -> (StatusCode, Value) {
    let mut req = Request::builder().method(method).uri(path).header(header::CONTENT_TYPE, "application/json");
    if let Some(k) = key {
        req = req.header("X-Accord-Participant", k);
    }
    let (status, bytes) = forum.raw(req.body(Body::from(body.to_string())).unwrap()).await;
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

/// Opens process 1 and consultation 1 on one of its provisions, seeded
/// with twelve statements.
async fn opened(forum: &TestForum, sec: &str) {
    let (s, v) = forum.post("/api/v1/processes", sec, json!({"title": "Framework", "markdown": DRAFT})).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let open = json!({"title": "Protecting infrastructure", "question": "What should States protect first?", "process": 1, "provisions": [PROVISION]});
    let (s, v) = forum.post("/api/v1/consultations", sec, open).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["consultation"]["id"], 1);
    assert_eq!(v["consultation"]["provisions"], json!([PROVISION]));
    for i in 1..=12 {
        let (s, v) = forum
            .post("/api/v1/consultations/1/statements", sec, json!({"text": format!("Statement number {i}")}))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        assert_eq!(v["statement"], i);
        assert_eq!(v["moderation"], "accepted");
    }
}

/// The whole record as JSON text.
fn record_text(forum: &TestForum) -> String {
    let entries = forum.store.entry_bytes(None, 1_000_000).unwrap();
    entries.iter().map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned()).collect::<Vec<_>>().join("\n")
}

#[tokio::test]
async fn participants_vote_and_the_analysis_finds_the_groups_in_their_votes() {
    // Sixty participants come from the one address of this test: the
    // address's write limit is raised for them.
    let writes = accord_server::limits::WriteLimits {
        per_address: accord_server::limits::RateLimit { burst: 10_000, per_second: 1.0 },
        ..Default::default()
    };
    let forum = TestForum::with_config(accord_server::Config { writes, ..Default::default() });
    let sec = forum.token("sec").await;
    opened(&forum, &sec).await;

    // Sixty people without accounts join and vote: the first half agrees
    // with statements 1–6 and disagrees with 7–12, the second half the
    // other way round; a vote in twelve is a pass, one in sixteen goes
    // against the participant's side (a fixed pseudo-random sequence).
    let mut noise: u64 = 17;
    let mut planted = Vec::new();
    let mut pseudonyms = Vec::new();
    for p in 0..60usize {
        let category = ["ngo", "academia", "public", "private_sector"][p % 4];
        let (s, v) = as_participant(
            &forum,
            Method::POST,
            "/api/v1/consultations/1/participants",
            None,
            json!({"category": category}),
        )
        .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        let key = v["key"].as_str().expect("a new participant gets a key").to_owned();
        assert_eq!(key.len(), 64);
        assert_eq!(v["category"], category);
        pseudonyms.push(v["participant"].as_str().unwrap().to_owned());
        let group = usize::from(p >= 30);
        planted.push(group);
        for statement in 1..=12u32 {
            let first_half = statement <= 6;
            noise = noise.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let roll = (noise >> 33) % 100;
            let leaning = first_half == (group == 0);
            let vote = match roll {
                0..=7 => "pass",
                8..=13 => {
                    if leaning {
                        "disagree"
                    } else {
                        "agree"
                    }
                }
                _ => {
                    if leaning {
                        "agree"
                    } else {
                        "disagree"
                    }
                }
            };
            let body = json!({"statement": statement, "vote": vote});
            let (s, v) = as_participant(&forum, Method::POST, "/api/v1/consultations/1/votes", Some(&key), body).await;
            assert_eq!(s, StatusCode::OK, "{v}");
        }
        if p == 0 {
            // The same key joins once; a vote cast again replaces the first.
            let (s, v) = as_participant(
                &forum,
                Method::POST,
                "/api/v1/consultations/1/participants",
                Some(&key),
                json!({"category": "ngo"}),
            )
            .await;
            assert_error(&(s, v), StatusCode::CONFLICT, "already_joined");
            let (s, v) =
                as_participant(&forum, Method::GET, "/api/v1/consultations/1/next", Some(&key), Value::Null).await;
            assert_eq!(s, StatusCode::OK, "{v}");
            assert_eq!(v["statement"], Value::Null);
            assert_eq!(v["remaining"], 0);
        }
    }

    // A delegate joins by their token, as a delegation, and is the same
    // participant whichever way they come.
    let bra = forum.token("bra_head").await;
    let (s, v) = forum.post("/api/v1/consultations/1/participants", &bra, json!({})).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["category"], "delegation");
    assert!(v.get("key").is_none(), "a delegate needs no key: {v}");
    let (s, v) = forum.post("/api/v1/consultations/1/participants", &bra, json!({})).await;
    assert_error(&(s, v), StatusCode::CONFLICT, "already_joined");

    // A participant's statement waits for moderation.
    let (s, v) =
        forum.post("/api/v1/consultations/1/statements", &bra, json!({"text": "Water systems before energy"})).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["moderation"], "pending");
    let (_, detail) = forum.get("/api/v1/consultations/1").await;
    assert_eq!(detail["statements"], 12);
    assert_eq!(detail["pending"], 1);
    assert!(detail["statement_list"].as_array().unwrap().iter().all(|s| s["moderation"] == "accepted"));
    // Its text is not public until accepted: the record holds its hash; the
    // secretariat, which moderates, reads it.
    assert!(!record_text(&forum).contains("Water systems before energy"), "a pending text is in the record");
    let (_, for_sec) = forum.call(Method::GET, "/api/v1/consultations/1", Some(&sec), None).await;
    let list = for_sec["statement_list"].as_array().unwrap_or_else(|| panic!("{for_sec}"));
    let pending = list.iter().find(|s| s["id"] == 13).unwrap_or_else(|| panic!("{for_sec}"));
    assert_eq!(pending["text"], "Water systems before energy");
    assert_eq!(pending["moderation"], "pending");
    let vote13 = json!({"statement": 13, "vote": "agree"});
    assert_error(
        &forum.post("/api/v1/consultations/1/votes", &bra, vote13.clone()).await,
        StatusCode::CONFLICT,
        "statement_not_shown",
    );
    let (s, v) = forum.post("/api/v1/consultations/1/statements/13/moderation", &sec, json!({"accepted": true})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (s, v) = forum.post("/api/v1/consultations/1/votes", &bra, vote13.clone()).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_error(
        &forum.post("/api/v1/consultations/1/votes", &bra, vote13).await,
        StatusCode::CONFLICT,
        "vote_unchanged",
    );
    assert!(record_text(&forum).contains("Water systems before energy"), "accepted, its text is in the record");

    // The analysis: the contract's shape, the planted groups found.
    let (s, a) = forum.get("/api/v1/consultations/1/analysis").await;
    assert_eq!(s, StatusCode::OK, "{a}");
    let keys: Vec<&str> = a.as_object().unwrap().keys().map(String::as_str).collect();
    for k in ["record_size", "digest", "participants", "groups", "consensus", "bridging"] {
        assert!(keys.contains(&k), "{k} missing from {keys:?}");
    }
    assert_eq!(a["digest"].as_str().unwrap().len(), 64);
    assert_eq!(a["record_size"].as_u64().unwrap(), forum.record_len());
    let groups = a["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2, "{a}");
    let found: Vec<usize> =
        pseudonyms.iter().map(|p| a["participants"][p].as_u64().expect("every voter is counted") as usize).collect();
    assert!(accord_consult::ari::adjusted_rand_index(&found, &planted) > 0.95, "groups {found:?}");
    for g in groups {
        let rep = g["representative"].as_array().unwrap();
        assert!(!rep.is_empty(), "{g}");
        for r in rep {
            assert!(r["statement"].is_string() && r["score"].is_number(), "{r}");
            let d = r["direction"].as_str().unwrap();
            assert!(r[d].as_f64().unwrap() > 0.5, "{r}");
        }
    }
    assert!(!a["consensus"].as_array().unwrap().is_empty() && !a["bridging"].as_array().unwrap().is_empty());
    let (_, again) = forum.get("/api/v1/consultations/1/analysis").await;
    assert_eq!(again["digest"], a["digest"], "the analysis is deterministic");

    // Published in the record, with the record size and digest.
    let (s, p) = forum.post("/api/v1/consultations/1/analysis", &sec, json!(null)).await;
    assert_eq!(s, StatusCode::CREATED, "{p}");
    assert_eq!(p["digest"], a["digest"]);
    assert_eq!(p["record_size"], a["record_size"]);
    let (_, detail) = forum.get("/api/v1/consultations/1").await;
    assert_eq!(detail["published"][0]["digest"], a["digest"]);
    let (s, v) = forum.post("/api/v1/consultations/1/analysis", &sec, json!(null)).await;
    assert_error(&(s, v), StatusCode::CONFLICT, "analysis_published");

    // The record names participants by pseudonym only.
    // The delegate who joined appears in no consultation entry by name or id.
    let bra_id = forum.store.state().delegates.values().find(|d| d.name.as_str() == "Person bra_head").unwrap().id;
    for e in forum.store.entries(None, 1_000_000).unwrap() {
        use accord_domain::EntryBody as B;
        if matches!(
            e.body,
            B::ConsultationParticipantJoined(_) | B::ConsultationStatementSubmitted(_) | B::ConsultationVoteCast(_)
        ) {
            let json = String::from_utf8(e.encode().unwrap()).unwrap();
            assert!(!json.contains("bra_head") && !json.contains(&format!("\"{bra_id}\"")), "{json}");
            assert_eq!(e.actor, accord_domain::Actor::System, "{json}");
        }
    }

    // The pages: the map draws every counted participant; tables beside it.
    let (s, html) = forum.get_html("/consultations/1").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Group 1") && html.contains("Group 2") && html.contains("Bridging statements"), "{html}");
    let (s, svg) = forum.get_html("/consultations/1/map.svg").await;
    assert_eq!(s, StatusCode::OK);
    let counted = a["participants"].as_object().unwrap().values().filter(|g| !g.is_null()).count();
    assert_eq!(counted, 60, "the delegate, with one vote, is not counted");
    assert!(svg.starts_with("<svg") && svg.matches("r=\"3.5\"").count() == counted, "{svg}");
}

#[tokio::test]
async fn wrong_and_hostile_requests_are_refused_and_change_nothing() {
    let forum = TestForum::new();
    let sec = forum.token("sec").await;
    let bra = forum.token("bra_head").await;
    let chair = forum.token("chair").await;
    opened(&forum, &sec).await;
    let before = forum.record_len();
    let join = "/api/v1/consultations/1/participants";
    let vote = json!({"statement": 1, "vote": "agree"});
    // Who may do what.
    assert_error(
        &forum.post("/api/v1/consultations", &bra, json!({"title": "T", "question": "Q?"})).await,
        StatusCode::FORBIDDEN,
        "secretariat_only",
    );
    assert_error(&forum.post(join, &chair, json!({})).await, StatusCode::FORBIDDEN, "officer_not_participant");
    assert_error(
        &forum.post("/api/v1/consultations/1/close", &bra, json!(null)).await,
        StatusCode::FORBIDDEN,
        "secretariat_only",
    );
    assert_error(
        &forum.post("/api/v1/consultations/1/statements/1/moderation", &bra, json!({"accepted": false})).await,
        StatusCode::FORBIDDEN,
        "secretariat_only",
    );
    assert_error(
        &forum.post("/api/v1/consultations/1/analysis", &bra, json!(null)).await,
        StatusCode::FORBIDDEN,
        "secretariat_only",
    );
    assert_error(
        &as_participant(&forum, Method::POST, "/api/v1/consultations/1/votes", None, vote.clone()).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    );
    // Malformed input.
    assert_error(
        &as_participant(&forum, Method::POST, join, None, json!({})).await,
        StatusCode::BAD_REQUEST,
        "missing_category",
    );
    assert_error(
        &as_participant(&forum, Method::POST, join, None, json!({"category": "delegation"})).await,
        StatusCode::BAD_REQUEST,
        "invalid_category",
    );
    assert_error(
        &as_participant(&forum, Method::POST, join, Some("ABC"), json!({"category": "ngo"})).await,
        StatusCode::BAD_REQUEST,
        "invalid_participant_key",
    );
    assert_error(
        &forum.post(join, &bra, json!({"category": "ngo"})).await,
        StatusCode::BAD_REQUEST,
        "invalid_category",
    );
    let key = "ab".repeat(32);
    assert_error(
        &as_participant(&forum, Method::POST, "/api/v1/consultations/1/votes", Some(&key), vote.clone()).await,
        StatusCode::CONFLICT,
        "not_a_participant",
    );
    assert_error(&forum.get("/api/v1/consultations/7").await, StatusCode::NOT_FOUND, "unknown_consultation");
    assert_error(&forum.get("/api/v1/consultations/x").await, StatusCode::BAD_REQUEST, "invalid_id");
    assert_error(
        &forum.get("/api/v1/consultations/1/statements/0/moderation").await,
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
    );
    let open_bad = |provisions: Value| json!({"title": "T", "question": "Q?", "process": 1, "provisions": provisions});
    assert_error(
        &forum.post("/api/v1/consultations", &sec, open_bad(json!(["art_99"]))).await,
        StatusCode::NOT_FOUND,
        "unknown_provision",
    );
    assert_error(
        &forum
            .post("/api/v1/consultations", &sec, json!({"title": "T", "question": "Q?", "provisions": ["art_1"]}))
            .await,
        StatusCode::BAD_REQUEST,
        "provisions_without_process",
    );
    assert_error(
        &forum.post("/api/v1/consultations", &sec, json!({"title": "", "question": "Q?"})).await,
        StatusCode::BAD_REQUEST,
        "invalid_name",
    );
    // Statements: too long, reordering text, a duplicate.
    let statements = "/api/v1/consultations/1/statements";
    assert_error(
        &forum.post(statements, &sec, json!({"text": "x".repeat(501)})).await,
        StatusCode::BAD_REQUEST,
        "invalid_statement",
    );
    assert_error(
        &forum.post(statements, &sec, json!({"text": "abc \u{202e}fed"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "bidi_control",
    );
    assert_error(
        &forum.post(statements, &sec, json!({"text": "STATEMENT NUMBER 3"})).await,
        StatusCode::CONFLICT,
        "duplicate_statement",
    );
    assert_error(
        &forum.post(statements, &sec, json!({"text": "From a proposal", "proposal": 9})).await,
        StatusCode::NOT_FOUND,
        "unknown_proposal",
    );
    assert_eq!(forum.record_len(), before, "nothing refused was recorded");

    // Joined, a participant votes only on what is shown, in an open consultation.
    let (s, v) = as_participant(&forum, Method::POST, join, Some(&key), json!({"category": "public"})).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert!(v.get("key").is_none(), "a key sent is never echoed: {v}");
    for (body, status, code) in [
        (json!({"statement": 99, "vote": "agree"}), StatusCode::NOT_FOUND, "unknown_statement"),
        (json!({"statement": 1, "vote": "maybe"}), StatusCode::BAD_REQUEST, "invalid_vote"),
        (json!({"statement": 1}), StatusCode::BAD_REQUEST, "malformed_request"),
    ] {
        let answer = as_participant(&forum, Method::POST, "/api/v1/consultations/1/votes", Some(&key), body).await;
        assert_error(&answer, status, code);
    }
    let (s, v) = forum.post("/api/v1/consultations/1/close", &sec, json!(null)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let closed = as_participant(&forum, Method::POST, "/api/v1/consultations/1/votes", Some(&key), vote).await;
    assert_error(&closed, StatusCode::CONFLICT, "consultation_closed");
}

/// A statement spaced otherwise in another case is a duplicate; one of
/// combining marks only, or stacking them ("Zalgo"), is refused with its
/// own code; and a statement refused on the page is back in its form, to
/// be corrected rather than typed again.
#[tokio::test]
async fn near_duplicates_and_stacked_marks_are_refused_and_the_page_keeps_what_was_typed() {
    let forum = TestForum::new();
    let t = forum.tokens().await;
    let sec = t["sec"].clone();
    opened(&forum, &sec).await;
    let before = forum.record_len();
    let statements = "/api/v1/consultations/1/statements";
    for spaced in ["statement  number 3", "  STATEMENT number\u{00a0}\u{00a0}3 "] {
        assert_error(
            &forum.post(statements, &sec, json!({"text": spaced})).await,
            StatusCode::CONFLICT,
            "duplicate_statement",
        );
    }
    let zalgo: String = "Protect hospitals"
        .chars()
        .flat_map(|c| {
            std::iter::once(c)
                .chain("\u{0300}\u{0301}\u{0302}\u{0303}\u{0304}\u{0305}\u{0306}\u{0307}\u{0308}\u{0309}".chars())
        })
        .collect();
    assert_error(
        &forum.post(statements, &sec, json!({"text": zalgo})).await,
        StatusCode::BAD_REQUEST,
        "too_many_combining_marks",
    );
    assert_error(
        &forum.post(statements, &sec, json!({"text": "\u{0301}\u{0302}\u{0303}"})).await,
        StatusCode::BAD_REQUEST,
        "statement_only_marks",
    );
    assert_eq!(forum.record_len(), before, "nothing refused was recorded");
    let (s, v) = forum.post(statements, &sec, json!({"text": "Protect   hospitals  first"})).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert!(record_text(&forum).contains("\"Protect hospitals first\""), "spaces collapsed in the record");

    // The page: refused, the typed statement is in the form again.
    let mut browser = crate::pages::Browser::new(&forum);
    browser.log_in("sec", PASSWORD).await;
    let page = browser.get("/consultations/1").await;
    let csrf = crate::pages::Browser::csrf(&page);
    let refused =
        browser.post("/consultations/1/statements", &[("csrf", &csrf), ("text", "statement number 3 ")]).await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.html);
    assert!(refused.html.contains(">statement number 3 </textarea>"), "the statement is kept: {}", refused.html);
    // Kept as words: markup typed is escaped in the form.
    let long = format!("{}<b>&</b>", "x".repeat(495));
    let refused = browser.post("/consultations/1/statements", &[("csrf", &csrf), ("text", &long)]).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.html);
    assert!(refused.html.contains("&lt;b&gt;&amp;&lt;/b&gt;</textarea>"), "{}", refused.html);
    assert!(!refused.html.contains("<b>&</b>"));
}
