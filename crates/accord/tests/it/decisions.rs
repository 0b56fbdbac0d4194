//! Meetings and decisions over the API, and across restarts: an open vote
//! and a running silence procedure survive a SIGKILL of a real server, and
//! a silence procedure concludes when its deadline comes on the forum's
//! clock (a manual one the test moves), also when the server was down then.

use std::time::Duration;

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::*;
use crate::negotiation::DRAFT;

async fn process_with_proposal(forum: &TestForum, t: &std::collections::HashMap<&str, String>) -> u64 {
    let (s, p) = forum.post("/api/v1/processes", &t["sec"], json!({"title": "Framework", "markdown": DRAFT})).await;
    assert_eq!(s, StatusCode::CREATED, "{p}");
    let id = p["id"].as_u64().unwrap();
    let (s, _) = forum
        .post(
            &format!("/api/v1/processes/{id}/proposals"),
            &t["bra_head"],
            json!({"kind": "replace_words", "eid": "chp_1__art_1__para_1", "anchor": {"quote": "shall", "occurrence": 1}, "text": "should"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    id
}

#[tokio::test]
async fn sessions_meetings_votes_and_consensus_over_the_api() {
    let forum = TestForum::new();
    let t = forum.tokens().await;
    let id = process_with_proposal(&forum, &t).await;
    // Rules: GA defaults, shown per process.
    let (_, rules) = forum.get(&format!("/api/v1/processes/{id}/rules")).await;
    assert_eq!(rules["majority"], "simple");
    assert_eq!(rules["silence_min_hours"], 72);

    let (s, session) = forum.post("/api/v1/sessions", &t["sec"], json!({"title": "First session"})).await;
    assert_eq!(s, StatusCode::CREATED, "{session}");
    let sid = session["id"].as_u64().unwrap();
    let bad = forum
        .post(&format!("/api/v1/sessions/{sid}/meetings"), &t["sec"], json!({"date": "2026-02-30", "place": "Room 1"}))
        .await;
    assert_error(&bad, StatusCode::BAD_REQUEST, "invalid_date");
    let (s, meeting) = forum
        .post(&format!("/api/v1/sessions/{sid}/meetings"), &t["sec"], json!({"date": "2026-12-01", "place": "Room 1"}))
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let mid = meeting["id"].as_u64().unwrap();
    assert_error(
        &forum
            .post(
                &format!("/api/v1/sessions/{sid}/meetings"),
                &t["bra_head"],
                json!({"date": "2026-12-02", "place": "x"}),
            )
            .await,
        StatusCode::FORBIDDEN,
        "secretariat_only",
    );

    // Questions wait for the meeting to open, and the meeting for the
    // quorum to open (a third of the 3 members: 1).
    let vote_on_p1 = json!({"target": {"kind": "proposal", "id": 1}, "majority": "simple", "meeting": mid});
    assert_error(
        &forum.post(&format!("/api/v1/processes/{id}/votes"), &t["chair"], vote_on_p1.clone()).await,
        StatusCode::CONFLICT,
        "meeting_not_open",
    );
    assert_error(
        &forum.post(&format!("/api/v1/meetings/{mid}/open"), &t["chair"], json!({})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no_quorum",
    );
    assert_error(
        &forum.post(&format!("/api/v1/meetings/{mid}/open"), &t["sec"], json!({})).await,
        StatusCode::FORBIDDEN,
        "chair_only",
    );
    let (s, m) = forum.post(&format!("/api/v1/meetings/{mid}/attendance"), &t["bra_head"], json!({})).await;
    assert_eq!(s, StatusCode::CREATED, "{m}");
    assert_eq!(m["status"], "scheduled");
    let (s, m) = forum.post(&format!("/api/v1/meetings/{mid}/open"), &t["chair"], json!({})).await;
    assert_eq!((s, m["status"].as_str()), (StatusCode::OK, Some("open")), "{m}");
    assert_error(
        &forum.post(&format!("/api/v1/meetings/{mid}/open"), &t["chair"], json!({})).await,
        StatusCode::CONFLICT,
        "meeting_open",
    );
    // A question needs the quorum to decide (2 of the 3) present.
    assert_error(
        &forum.post(&format!("/api/v1/processes/{id}/votes"), &t["chair"], vote_on_p1.clone()).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no_quorum",
    );
    let (s, m) = forum.post(&format!("/api/v1/meetings/{mid}/attendance"), &t["ken_head"], json!({})).await;
    assert_eq!(s, StatusCode::CREATED, "{m}");
    let (s, vote) = forum.post(&format!("/api/v1/processes/{id}/votes"), &t["chair"], vote_on_p1).await;
    assert_eq!(s, StatusCode::CREATED, "{vote}");
    let vid = vote["id"].as_u64().unwrap();
    assert_error(
        &forum
            .post(
                &format!("/api/v1/processes/{id}/votes"),
                &t["sec"],
                json!({"target": {"kind": "instrument"}, "majority": "simple", "meeting": mid}),
            )
            .await,
        StatusCode::FORBIDDEN,
        "chair_only",
    );
    // The secretariat marks KEN absent: KEN cannot vote; then present again.
    let ken_path = format!("/api/v1/meetings/{mid}/attendance/KEN");
    let attendance = |present: bool| {
        forum.call(axum::http::Method::PUT, &ken_path, Some(&t["sec"]), Some(json!({ "present": present })))
    };
    assert_eq!(attendance(false).await.0, StatusCode::OK);
    assert_error(
        &forum.post(&format!("/api/v1/votes/{vid}/ballots"), &t["ken_head"], json!({"choice": "yes"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "not_present",
    );
    assert_eq!(attendance(true).await.0, StatusCode::OK);
    assert_error(
        &forum.post(&format!("/api/v1/meetings/{mid}/attendance"), &t["bra_del"], json!({})).await,
        StatusCode::CONFLICT,
        "already_present",
    );
    // Not closed while the vote is open.
    assert_error(
        &forum.post(&format!("/api/v1/meetings/{mid}/close"), &t["chair"], json!({})).await,
        StatusCode::CONFLICT,
        "decision_pending",
    );
    // Observers, advisers and officers do not vote.
    assert_error(
        &forum.post(&format!("/api/v1/votes/{vid}/ballots"), &t["icrc"], json!({"choice": "yes"})).await,
        StatusCode::FORBIDDEN,
        "not_a_voting_member",
    );
    assert_error(
        &forum.post(&format!("/api/v1/votes/{vid}/ballots"), &t["bra_adv"], json!({"choice": "yes"})).await,
        StatusCode::FORBIDDEN,
        "adviser",
    );
    assert_error(
        &forum.post(&format!("/api/v1/votes/{vid}/ballots"), &t["chair"], json!({"choice": "yes"})).await,
        StatusCode::FORBIDDEN,
        "delegation_only",
    );
    assert_error(
        &forum.post(&format!("/api/v1/votes/{vid}/ballots"), &t["bra_head"], json!({"choice": "maybe"})).await,
        StatusCode::BAD_REQUEST,
        "malformed_request",
    );
    // BRA yes, then BRA's delegate changes it to no; KEN yes: 1 yes, 1 no — a tie fails.
    for (who, choice) in [("bra_head", "yes"), ("ken_head", "yes"), ("bra_del", "no")] {
        let (s, v) = forum.post(&format!("/api/v1/votes/{vid}/ballots"), &t[who], json!({"choice": choice})).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
    }
    let (_, v) = forum.get(&format!("/api/v1/votes/{vid}")).await;
    assert_eq!(v["ballots"], json!({"BRA": "no", "KEN": "yes"}), "one ballot per member, the last one");
    let (_, m) = forum.get(&format!("/api/v1/meetings/{mid}")).await;
    assert_eq!(m["votes"], json!([vid]), "the meeting lists its votes: {m}");
    let (s, tally) = forum.post(&format!("/api/v1/votes/{vid}/close"), &t["chair"], json!({})).await;
    assert_eq!(s, StatusCode::OK, "{tally}");
    assert_eq!(
        tally,
        json!({"yes": 1, "no": 1, "abstain": 0, "present_and_voting": 2, "required": 2, "adopted": false})
    );
    assert_error(
        &forum.post(&format!("/api/v1/votes/{vid}/ballots"), &t["ken_head"], json!({"choice": "no"})).await,
        StatusCode::CONFLICT,
        "vote_closed",
    );
    assert_error(
        &forum.post(&format!("/api/v1/votes/{vid}/close"), &t["chair"], json!({})).await,
        StatusCode::CONFLICT,
        "vote_closed",
    );
    let (_, p) = forum.get(&format!("/api/v1/processes/{id}/proposals/1")).await;
    assert_eq!(p["status"], "rejected");
    assert_eq!(
        (p["decisions"][0]["method"].as_str(), p["decisions"][0]["outcome"].as_str()),
        (Some("vote"), Some("not_adopted")),
        "{p}"
    );
    let (_, page) = forum.get_html(&format!("/processes/{id}/proposals/1")).await;
    assert!(page.contains("Decision 1 on P-1"), "the proposal page names its decision");

    // Consensus on a new proposal: KEN objects, then a second round passes.
    let (s, _) = forum
        .post(
            &format!("/api/v1/processes/{id}/proposals"),
            &t["ken_head"],
            json!({"kind": "delete_words", "eid": "chp_1__art_1__para_1", "anchor": {"quote": "in good faith"}}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let (_, c) = forum
        .post(
            &format!("/api/v1/processes/{id}/consensus"),
            &t["chair"],
            json!({"target": {"kind": "proposal", "id": "P-2"}, "meeting": mid}),
        )
        .await;
    let cid = c["id"].as_u64().unwrap();
    let (s, _) = forum
        .post(
            &format!("/api/v1/consensus/{cid}/objections"),
            &t["bra_head"],
            json!({"reason": "Good faith is the heart of it."}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let (_, d) = forum.post(&format!("/api/v1/consensus/{cid}/declare"), &t["chair"], json!({})).await;
    assert_eq!((d["method"].as_str(), d["outcome"].as_str()), (Some("consensus"), Some("not_adopted")));
    assert_eq!(d["objections"][0]["member"], "BRA");
    let (_, c) = forum
        .post(
            &format!("/api/v1/processes/{id}/consensus"),
            &t["chair"],
            json!({"target": {"kind": "proposal", "id": 2}, "meeting": mid}),
        )
        .await;
    let (_, d) = forum.post(&format!("/api/v1/consensus/{}/declare", c["id"]), &t["chair"], json!({})).await;
    assert_eq!(d["outcome"], "adopted");
    let (_, text) = forum.get(&format!("/api/v1/processes/{id}/text")).await;
    assert_eq!(text["provisions"][3]["text"], "States shall cooperate and shall exchange information.");

    let (_, decisions) = forum.get(&format!("/api/v1/processes/{id}/decisions")).await;
    let summary: Vec<(String, String, Value)> = decisions
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (d["method"].as_str().unwrap().to_owned(), d["outcome"].as_str().unwrap().to_owned(), d["target"].clone())
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("vote".into(), "not_adopted".into(), json!({"kind": "proposal", "id": 1})),
            ("consensus".into(), "not_adopted".into(), json!({"kind": "proposal", "id": 2})),
            ("consensus".into(), "adopted".into(), json!({"kind": "proposal", "id": 2})),
        ]
    );
    assert!(decisions[0]["entry"].as_u64().unwrap() > 0);

    // Silence: the deadline must respect the rules' minimum (in hours, the range says it).
    let short = forum
        .post(
            &format!("/api/v1/processes/{id}/silence"),
            &t["chair"],
            json!({"target": {"kind": "instrument"}, "hours": 24}),
        )
        .await;
    assert_error(&short, StatusCode::UNPROCESSABLE_ENTITY, "out_of_range");
    assert!(short.1["message"].as_str().unwrap().contains("between 72 and 8760"), "{}", short.1);
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64;
    let in_30_days = accord_server::http::time::rfc3339(now + 30 * 24 * 3_600_000);
    let (s, silence) = forum
        .post(
            &format!("/api/v1/processes/{id}/silence"),
            &t["chair"],
            json!({"target": {"kind": "instrument"}, "deadline": in_30_days}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{silence}");
    let (s, broken) = forum
        .post(
            &format!("/api/v1/silence/{}/break", silence["id"]),
            &t["ken_head"],
            json!({"reason": "Capitals need time."}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{broken}");
    assert_eq!(broken["broken"]["member"], "KEN");
    assert_error(
        &forum.post(&format!("/api/v1/silence/{}/break", silence["id"]), &t["bra_head"], json!({"reason": "x"})).await,
        StatusCode::CONFLICT,
        "silence_ended",
    );

    // Important questions: article 1 designated by the chair; a proposal
    // amending a paragraph of it is put to a two-thirds vote.
    assert_error(
        &forum
            .post(
                &format!("/api/v1/processes/{id}/important-questions"),
                &t["bra_head"],
                json!({"target": {"kind": "provision", "id": "chp_1__art_1"}}),
            )
            .await,
        StatusCode::FORBIDDEN,
        "chair_only",
    );
    let (s, list) = forum
        .post(
            &format!("/api/v1/processes/{id}/important-questions"),
            &t["chair"],
            json!({"target": {"kind": "provision", "id": "chp_1__art_1"}}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{list}");
    assert_eq!(list[0]["target"], json!({"kind": "provision", "id": "chp_1__art_1"}));
    let (_, listed) = forum.get(&format!("/api/v1/processes/{id}/important-questions")).await;
    assert_eq!(listed, list);
    let (s, p) = forum
        .post(
            &format!("/api/v1/processes/{id}/proposals"),
            &t["ken_head"],
            json!({"kind": "replace_words", "eid": "chp_1__art_1__para_1", "anchor": {"quote": "States"}, "text": "All States"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{p}");
    let pid = p["proposal"]["id"].as_u64().unwrap();
    assert_error(
        &forum
            .post(
                &format!("/api/v1/processes/{id}/votes"),
                &t["chair"],
                json!({"target": {"kind": "proposal", "id": pid}, "majority": "simple", "meeting": mid}),
            )
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "important_question",
    );
    let (s, v) = forum
        .post(
            &format!("/api/v1/processes/{id}/votes"),
            &t["chair"],
            json!({"target": {"kind": "proposal", "id": pid}, "meeting": mid}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let (_, v) = forum.get(&format!("/api/v1/votes/{}", v["id"])).await;
    assert_eq!(v["majority"], "two_thirds", "the rules chose the majority: {v}");
    forum.post(&format!("/api/v1/votes/{}/close", v["id"]), &t["chair"], json!({})).await;
    // A delegation records that it left; only its own departure.
    let attendance_path = format!("/api/v1/meetings/{mid}/attendance");
    let leave = |who: &'static str| forum.call(axum::http::Method::DELETE, &attendance_path, Some(&t[who]), None);
    let (s, m) = leave("bra_del").await;
    assert_eq!(s, StatusCode::OK, "{m}");
    assert_eq!(m["present"], json!(["KEN"]));
    assert_error(&leave("bra_head").await, StatusCode::CONFLICT, "attendance_unchanged");
    assert_error(&leave("chair").await, StatusCode::FORBIDDEN, "delegation_only");
    let (s, m) = forum.post(&format!("/api/v1/meetings/{mid}/close"), &t["chair"], json!({})).await;
    assert_eq!((s, m["status"].as_str()), (StatusCode::OK, Some("closed")), "{m}");
    assert_error(
        &forum.post(&format!("/api/v1/meetings/{mid}/attendance"), &t["bra_del"], json!({})).await,
        StatusCode::CONFLICT,
        "meeting_closed",
    );
    // The chair's page of a closed meeting offers no form that could only be refused.
    let mut chair = crate::pages::Browser::new(&forum);
    chair.log_in("chair", PASSWORD).await;
    let page = chair.get(&format!("/meetings/{mid}")).await;
    assert!(page.html.contains("The meeting is closed: nothing more is recorded in it."), "{}", page.html);
    for act in ["agenda", "correct", "time", "next", "open_meeting"] {
        assert!(!page.html.contains(&format!("name=\"act\" value=\"{act}\"")), "a {act} form on a closed meeting");
    }
}

/// Rules without informal agreement: the chair cannot agree a proposal
/// alone, a decision puts it into the text, and the provision's provenance
/// names that decision; with informal agreement back, the chair's own
/// agreement is shown as such.
#[tokio::test]
async fn decisions_put_proposals_into_the_text_and_provenance_names_them() {
    let forum = TestForum::new();
    let t = forum.tokens().await;
    let id = process_with_proposal(&forum, &t).await;
    let mut rules = forum.get(&format!("/api/v1/processes/{id}/rules")).await.1;
    assert_eq!(rules["informal_agreement"], json!(true), "{rules}");
    rules["informal_agreement"] = json!(false);
    let rules_path = format!("/api/v1/processes/{id}/rules");
    let put = |body: Value| forum.call(axum::http::Method::PUT, &rules_path, Some(&t["sec"]), Some(body));
    let (s, r) = put(rules.clone()).await;
    assert_eq!((s, &r["informal_agreement"]), (StatusCode::OK, &json!(false)), "{r}");
    let before = forum.record_len();
    for act in ["agree", "reject"] {
        assert_error(
            &forum.post(&format!("/api/v1/processes/{id}/proposals/1/{act}"), &t["chair"], json!({})).await,
            StatusCode::CONFLICT,
            "decision_required",
        );
    }
    assert_eq!(forum.record_len(), before, "refusals record nothing");
    // The rolling text, read now and kept while nothing changes the
    // process (sessions, meetings, attendance); the decision below changes it.
    let (_, rolling_before) = forum.get(&format!("/api/v1/processes/{id}/rolling-text")).await;
    assert_eq!(rolling_before["brackets"], 1, "{rolling_before}");
    let page_before = forum.get_html(&format!("/processes/{id}")).await.1;

    assert_eq!(forum.post("/api/v1/sessions", &t["sec"], json!({"title": "S"})).await.0, StatusCode::CREATED);
    let (_, m) =
        forum.post("/api/v1/sessions/1/meetings", &t["sec"], json!({"date": "2026-12-01", "place": "Room"})).await;
    let mid = m["id"].as_u64().unwrap();
    for who in ["bra_head", "ken_head"] {
        assert_eq!(
            forum.post(&format!("/api/v1/meetings/{mid}/attendance"), &t[who], json!({})).await.0,
            StatusCode::CREATED
        );
    }
    assert_eq!(forum.post(&format!("/api/v1/meetings/{mid}/open"), &t["chair"], json!({})).await.0, StatusCode::OK);
    let (s, c) = forum
        .post(
            &format!("/api/v1/processes/{id}/consensus"),
            &t["chair"],
            json!({"target": {"kind": "proposal", "id": 1}, "meeting": mid}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{c}");
    let (_, d) = forum.post(&format!("/api/v1/consensus/{}/declare", c["id"]), &t["chair"], json!({})).await;
    assert_eq!(d["outcome"], "adopted", "{d}");
    // The decision is the process's change: its views are built again.
    let (_, rolling_after) = forum.get(&format!("/api/v1/processes/{id}/rolling-text")).await;
    assert_eq!(
        (rolling_after["brackets"].clone(), rolling_after["version"].clone()),
        (json!(0), json!(2)),
        "{rolling_after}"
    );
    let page_after = forum.get_html(&format!("/processes/{id}")).await.1;
    assert_ne!(page_before, page_after);
    assert!(page_after.contains("States should cooperate"), "{page_after}");
    let (_, list) = forum.get("/api/v1/processes").await;
    assert_eq!(list[0]["version"], json!(2), "the summaries follow the decision: {list}");
    let (_, detail) = forum.get(&format!("/api/v1/processes/{id}/provisions/chp_1__art_1__para_1")).await;
    let from_p1: Vec<&Value> =
        detail["provenance"].as_array().unwrap().iter().filter(|o| o["proposal"] == json!(1)).collect();
    assert_eq!(from_p1.len(), 1, "{detail}");
    assert_eq!(from_p1[0]["text"], "should");
    assert_eq!(from_p1[0]["decision"], json!({"id": d["id"], "method": "consensus"}));
    assert_eq!(from_p1[0]["entry"], d["entry"]);

    // Informal agreement again: a change names only the rule it changes.
    let (s, r) = put(json!({"informal_agreement": true})).await;
    assert_eq!(
        (s, &r["informal_agreement"], &r["silence_min_hours"]),
        (StatusCode::OK, &json!(true), &json!(72)),
        "{r}"
    );
    assert_error(&put(json!({"majority": "most"})).await, StatusCode::BAD_REQUEST, "invalid_rules");
    let (s, p) = forum
        .post(
            &format!("/api/v1/processes/{id}/proposals"),
            &t["ken_head"],
            json!({"kind": "replace_words", "eid": "chp_1__art_2__para_1", "anchor": {"quote": "applies"}, "text": "shall apply"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{p}");
    let pid = p["proposal"]["id"].as_u64().unwrap();
    let (s, a) = forum.post(&format!("/api/v1/processes/{id}/proposals/{pid}/agree"), &t["chair"], json!({})).await;
    assert_eq!(s, StatusCode::CREATED, "{a}");
    let (_, detail) = forum.get(&format!("/api/v1/processes/{id}/provisions/chp_1__art_2__para_1")).await;
    let origin = detail["provenance"].as_array().unwrap().iter().find(|o| o["proposal"] == json!(pid)).unwrap().clone();
    assert_eq!((origin["text"].as_str(), &origin["decision"]), (Some("shall apply"), &Value::Null), "{detail}");
    let (_, page) = forum.get_html(&format!("/processes/{id}/provisions/chp_1__art_2__para_1")).await;
    assert!(page.contains(&format!("P-{pid} by KEN, agreed by the chair in informal consultations")), "{page}");
    let (_, page) = forum.get_html(&format!("/processes/{id}/provisions/chp_1__art_1__para_1")).await;
    assert!(page.contains("P-1 by BRA, adopted by decision 1 (consensus)"), "{page}");
    // One member's view, only of a member the forum has.
    let unknown = forum.get(&format!("/api/v1/processes/{id}/rolling-text?member=XXX")).await;
    assert_error(&unknown, StatusCode::NOT_FOUND, "unknown_member");
    assert_eq!(forum.get_html(&format!("/processes/{id}?member=XXX")).await.0, StatusCode::NOT_FOUND);
    let (s, summary) = forum.get_html(&format!("/meetings/{mid}/summary")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(summary.contains("Brazil; Kenya."), "attendance by name: {summary}");
    assert!(summary.contains("The chair opened the meeting"), "{summary}");
    // The same summary record as an Akoma Ntoso debate that validates.
    let res = forum
        .response(
            axum::http::Request::get(format!("/api/v1/meetings/{mid}/summary/document"))
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[axum::http::header::CONTENT_TYPE], "application/akn+xml");
    let xml = http_body_util::BodyExt::collect(res.into_body()).await.unwrap().to_bytes().to_vec();
    crate::documents::assert_valid_akn("summary-record", &xml);
    let xml = String::from_utf8(xml).unwrap();
    assert!(xml.contains("<debate name=\"summaryRecord\">") && xml.contains("SR.1"), "{xml}");
    assert!(xml.contains("<organization refersTo=\"#member_BRA\">Brazil</organization>"), "attendance: {xml}");
    assert_error(
        &forum.get(&format!("/api/v1/meetings/{mid}/summary/document?format=docx")).await,
        StatusCode::BAD_REQUEST,
        "invalid_format",
    );
    assert_eq!(forum.get("/api/v1/meetings/999/summary/document").await.0, StatusCode::NOT_FOUND);
    // And as a PDF, in English and in Arabic.
    for (lang, words) in [
        (
            "en",
            &["SR.1", "Distr.: General", "Summary record of meeting 1", "Attendance", "BRA, KEN", "Decision 1 on P-1"]
                [..],
        ),
        ("ar", &["SR.1", "Distr.: General", "الأصل", "BRA"][..]),
    ] {
        let res = forum
            .response(
                axum::http::Request::get(format!("/api/v1/meetings/{mid}/summary/document?format=pdf&language={lang}"))
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await;
        let status = res.status();
        let pdf = http_body_util::BodyExt::collect(res.into_body()).await.unwrap().to_bytes().to_vec();
        assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&pdf));
        let text = crate::pdf::check_pdf(&pdf);
        let mut at = 0;
        for w in words {
            at += text[at..].find(w).unwrap_or_else(|| panic!("{lang}: {w:?} not after byte {at} of {text}")) + w.len();
        }
    }
}

fn call(agent: &ureq::Agent, method: &str, url: &str, token: &str, body: Value) -> (u16, Value) {
    let req = ureq::http::Request::builder()
        .method(method)
        .uri(url)
        .header("Authorization", format!("Bearer {token}"))
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .unwrap();
    let mut res = agent.run(req).unwrap();
    (res.status().as_u16(), res.body_mut().read_json().unwrap_or(Value::Null))
}

/// The server is killed with a vote open and a silence procedure running.
/// After the restart the procedure is still running (its deadline is an
/// hour away), and the vote closes with every ballot. The conclusion at the
/// deadline, across a restart, is in
/// `a_silence_procedure_concludes_when_its_deadline_comes_on_the_clock`.
#[test]
fn a_restart_in_the_middle_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    init_forum_cli(dir.path());
    let mut server = Server::start(dir.path());
    let agent = agent();
    let base = server.base.clone();
    let token = |who: &str, password: &str| -> String {
        let mut res = agent
            .post(format!("{base}/api/v1/auth/token"))
            .send_json(json!({"email": email(who), "password": password}))
            .unwrap();
        res.body_mut().read_json::<Value>().unwrap()["token"].as_str().unwrap().to_owned()
    };
    let sec = token("sec", PASSWORD);
    let post = |url: &str, token: &str, body: Value| call(&agent, "POST", &format!("{base}{url}"), token, body);
    for code in ["BRA", "KEN", "CHN"] {
        assert_eq!(post("/api/v1/members", &sec, json!({"code": code, "kind": "state"})).0, 201);
    }
    let mut heads = Vec::new();
    for code in ["BRA", "KEN", "CHN"] {
        let who = format!("head.{code}");
        let (s, _) = post(
            &format!("/api/v1/members/{code}/delegates"),
            &sec,
            json!({"name": "Head", "email": email(&who), "role": "head_of_delegation", "password": PASSWORD}),
        );
        assert_eq!(s, 201);
        heads.push(token(&who, PASSWORD));
    }
    let (s, _) = post(
        "/api/v1/officers",
        &sec,
        json!({"name": "Chair", "email": email("chair"), "role": "chair", "password": PASSWORD}),
    );
    assert_eq!(s, 201);
    let chair = token("chair", PASSWORD);
    let (s, p) = post("/api/v1/processes", &sec, json!({"title": "F", "markdown": DRAFT}));
    assert_eq!(s, 201, "{p}");
    // A process whose silence procedures may be short, for the test.
    let (s, r) = call(
        &agent,
        "PUT",
        &format!("{base}/api/v1/processes/1/rules"),
        &sec,
        json!({"majority": "simple", "important_majority": "two_thirds", "abstentions": "not_counted", "meeting_quorum": {"numerator": 1, "denominator": 3}, "decision_quorum": {"numerator": 1, "denominator": 2, "more_than": true}, "silence_min_hours": 0}),
    );
    assert_eq!(s, 200, "{r}");
    assert_eq!(post("/api/v1/processes/1/proposals", &heads[0], json!({"kind": "replace_words", "eid": "chp_1__art_1__para_1", "anchor": {"quote": "shall", "occurrence": 1}, "text": "should"})).0, 201);
    assert_eq!(
        post(
            "/api/v1/processes/1/proposals",
            &heads[1],
            json!({"kind": "delete_words", "eid": "chp_2__art_3__para_1", "anchor": {"quote": "Conference"}})
        )
        .0,
        201
    );
    assert_eq!(post("/api/v1/sessions", &sec, json!({"title": "S"})).0, 201);
    assert_eq!(post("/api/v1/sessions/1/meetings", &sec, json!({"date": "2026-12-01", "place": "Room"})).0, 201);
    for h in &heads {
        assert_eq!(post("/api/v1/meetings/1/attendance", h, json!({})).0, 201);
    }
    assert_eq!(post("/api/v1/meetings/1/open", &chair, json!({})).0, 200);
    let (s, v) = post(
        "/api/v1/processes/1/votes",
        &chair,
        json!({"target": {"kind": "proposal", "id": 2}, "majority": "two_thirds", "meeting": 1}),
    );
    assert_eq!(s, 201, "{v}");
    for (h, choice) in heads.iter().zip(["yes", "yes", "no"]) {
        assert_eq!(post("/api/v1/votes/1/ballots", h, json!({"choice": choice})).0, 201);
    }
    let (s, silence) =
        post("/api/v1/processes/1/silence", &chair, json!({"target": {"kind": "proposal", "id": 1}, "hours": 1}));
    assert_eq!(s, 201, "{silence}");
    let (_, silence) = call(&agent, "GET", &format!("{base}/api/v1/silence/1"), &chair, Value::Null);

    server.kill();
    let server = Server::start(dir.path());
    let base = server.base.clone();
    // A new client: the new server may listen on the port the killed one
    // had, and a connection kept from before would be a dead one.
    let agent = crate::helpers::agent();
    let (s, running) = call(&agent, "GET", &format!("{base}/api/v1/silence/1"), &chair, Value::Null);
    assert_eq!(s, 200, "{running}");
    assert!(silence["deadline"].is_string(), "{silence}");
    assert_eq!((&running["deadline"], &running["decision"]), (&silence["deadline"], &Value::Null), "{running}");
    // The vote is still open with its three ballots; closing it counts them.
    let (s, tally) = call(&agent, "POST", &format!("{base}/api/v1/votes/1/close"), &chair, json!({}));
    assert_eq!(s, 200, "{tally}");
    assert_eq!(
        tally,
        json!({"yes": 2, "no": 1, "abstain": 0, "present_and_voting": 3, "required": 2, "adopted": true})
    );
    let (_, text) = call(&agent, "GET", &format!("{base}/api/v1/processes/1/text"), &chair, Value::Null);
    let texts: Vec<&str> = text["provisions"].as_array().unwrap().iter().map(|p| p["text"].as_str().unwrap()).collect();
    assert!(texts.contains(&"The shall review this Framework."), "P-2 adopted by the vote: {texts:?}");
}

/// Tokens for some of the fixture accounts (each log-in hashes a password).
async fn tokens_of(forum: &TestForum, who: &[&'static str]) -> std::collections::HashMap<&'static str, String> {
    let mut out = std::collections::HashMap::new();
    for w in who {
        out.insert(*w, forum.token(w).await);
    }
    out
}

/// Waits (in real time, 10 s at most) for the scheduler to conclude a
/// silence procedure; answers it as the API shows it.
async fn concluded(forum: &TestForum, sid: u64) -> Value {
    for _ in 0..1000 {
        let (_, s) = forum.get(&format!("/api/v1/silence/{sid}")).await;
        if !s["decision"].is_null() {
            return s;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the scheduler did not conclude silence procedure {sid}");
}

/// A silence procedure's deadline is counted from the forum's clock, and
/// the scheduler concludes it when the clock reaches the deadline: not a
/// millisecond before, however much happens meanwhile, and once. A second
/// procedure whose deadline passes while the server is down is concluded
/// after the restart.
#[tokio::test]
async fn a_silence_procedure_concludes_when_its_deadline_comes_on_the_clock() {
    let clock = manual_clock();
    let forum = TestForum::with_clock(&clock);
    let t = tokens_of(&forum, &["sec", "chair", "bra_head", "ken_head"]).await;
    let id = process_with_proposal(&forum, &t).await;
    let hours_72 = Duration::from_secs(72 * 3600);
    let (s, silence) = forum
        .post(
            &format!("/api/v1/processes/{id}/silence"),
            &t["chair"],
            json!({"target": {"kind": "proposal", "id": 1}, "hours": 72}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{silence}");
    let sid = silence["id"].as_u64().unwrap();
    let (_, shown) = forum.get(&format!("/api/v1/silence/{sid}")).await;
    let deadline = CLOCK_START + hours_72.as_millis() as i64;
    assert_eq!(shown["deadline"], accord_server::http::time::rfc3339(deadline), "72 hours from the clock's time");
    let scheduler = tokio::spawn(accord_server::meetings::api::run_silence_scheduler(forum.state.clone()));

    // A millisecond before the deadline: the record grows (the scheduler
    // looks again each time), and the procedure is still running.
    clock.advance(hours_72 - Duration::from_millis(1));
    let (s, _) = forum
        .post(
            &format!("/api/v1/processes/{id}/proposals"),
            &t["ken_head"],
            json!({"kind": "delete_words", "eid": "chp_2__art_3__para_1", "anchor": {"quote": "Conference"}}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (_, running) = forum.get(&format!("/api/v1/silence/{sid}")).await;
    assert!(running["decision"].is_null(), "concluded before its deadline: {running}");

    // At the deadline the scheduler wakes and concludes it, once.
    clock.advance(Duration::from_millis(1));
    let done = concluded(&forum, sid).await;
    let (_, decisions) = forum.get(&format!("/api/v1/processes/{id}/decisions")).await;
    let silences: Vec<&Value> = decisions.as_array().unwrap().iter().filter(|d| d["method"] == "silence").collect();
    assert_eq!(silences.len(), 1, "concluded once: {decisions}");
    assert_eq!((&silences[0]["outcome"], &silences[0]["id"]), (&json!("adopted"), &done["decision"]));
    let entry = forum.store.entries(Some(forum.store.len() - 2), 1).unwrap().remove(0);
    assert_eq!(entry.time, deadline, "the conclusion is stamped with the clock's time");

    // A second procedure; the server stops, and its deadline passes while
    // it is down.
    let (s, second) = forum
        .post(
            &format!("/api/v1/processes/{id}/silence"),
            &t["chair"],
            json!({"target": {"kind": "proposal", "id": 2}, "hours": 72}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{second}");
    let second = second["id"].as_u64().unwrap();
    scheduler.abort();
    let _ = scheduler.await;
    let forum = forum.restart();
    clock.advance(hours_72 * 2);
    let (_, waiting) = forum.get(&format!("/api/v1/silence/{second}")).await;
    assert!(waiting["decision"].is_null(), "nothing concludes it while the scheduler is down: {waiting}");
    let scheduler = tokio::spawn(accord_server::meetings::api::run_silence_scheduler(forum.state.clone()));
    concluded(&forum, second).await;
    let (_, decisions) = forum.get(&format!("/api/v1/processes/{id}/decisions")).await;
    let silences = decisions.as_array().unwrap().iter().filter(|d| d["method"] == "silence").count();
    assert_eq!(silences, 2, "each concluded once: {decisions}");
    scheduler.abort();
}

/// Open pages learn of new entries within a second: the event stream sends
/// one `record` event when the record grows, naming the new entries.
#[test]
fn the_event_stream_announces_new_entries() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    init_forum_cli(dir.path());
    let mut server = Server::start(dir.path());
    let agent = agent();
    let base = server.base.clone();
    let mut stream = agent.get(format!("{base}/api/v1/events")).call().unwrap();
    assert_eq!(stream.headers().get("content-type").unwrap(), "text/event-stream");
    let reader = stream.body_mut().as_reader();
    let started = std::time::Instant::now();
    let writer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        let agent = crate::helpers::agent();
        let mut login = agent
            .post(format!("{base}/api/v1/auth/token"))
            .send_json(json!({"email": email("sec"), "password": PASSWORD}))
            .unwrap();
        let token = login.body_mut().read_json::<Value>().unwrap()["token"].as_str().unwrap().to_owned();
        let (s, _) = call(&agent, "POST", &format!("{base}/api/v1/sessions"), &token, json!({"title": "Live session"}));
        assert_eq!(s, 201);
    });
    let mut lines = std::io::BufReader::new(reader).lines();
    let mut data = None;
    while let Some(Ok(line)) = lines.next() {
        if let Some(d) = line.strip_prefix("data: ") {
            let v: Value = serde_json::from_str(d).unwrap();
            if v["entries"].as_array().is_some_and(|e| e.iter().any(|x| x["kind"] == "session.opened")) {
                data = Some(v);
                break;
            }
        }
        assert!(started.elapsed() < Duration::from_secs(20), "no event within 20 s");
    }
    writer.join().unwrap();
    let data = data.expect("an event for the new session");
    assert!(data["size"].as_u64().unwrap() >= 3);
    // An open stream does not hold a graceful shutdown.
    let pid = server.child.id().to_string();
    assert!(std::process::Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let stopped = std::time::Instant::now();
    let status = server.child.wait().unwrap();
    assert!(status.success(), "accord serve exited with {status}");
    assert!(stopped.elapsed() < Duration::from_secs(5), "shutdown took {:?}", stopped.elapsed());
    drop(lines);
}

/// The whole instrument is decided on the version it was put on: the text
/// does not change while the question is before the members, the
/// instrument waits for questions on its parts, and the decision (API,
/// summary record, pages) says which version was adopted.
#[tokio::test]
async fn the_instrument_is_adopted_as_the_version_put() {
    let forum = TestForum::new();
    let t = forum.tokens().await;
    let id = process_with_proposal(&forum, &t).await;
    forum.post("/api/v1/sessions", &t["sec"], json!({"title": "S"})).await;
    let (_, m) =
        forum.post("/api/v1/sessions/1/meetings", &t["sec"], json!({"date": "2026-12-01", "place": "Room"})).await;
    let mid = m["id"].as_u64().unwrap();
    for who in ["bra_head", "ken_head"] {
        forum.post(&format!("/api/v1/meetings/{mid}/attendance"), &t[who], json!({})).await;
    }
    assert_eq!(forum.post(&format!("/api/v1/meetings/{mid}/open"), &t["chair"], json!({})).await.0, StatusCode::OK);
    let instrument = json!({"target": {"kind": "instrument"}, "meeting": mid});
    let provision = json!({"target": {"kind": "provision", "id": "chp_1__art_2__para_1"}, "meeting": mid});

    // A question naming a version that is not the latest.
    let mut stale = instrument.clone();
    stale["version"] = json!(2);
    assert_error(
        &forum.post(&format!("/api/v1/processes/{id}/consensus"), &t["chair"], stale).await,
        StatusCode::CONFLICT,
        "version_changed",
    );
    // A vote on a provision is open: the instrument waits for it.
    let (s, v) = forum.post(&format!("/api/v1/processes/{id}/votes"), &t["chair"], provision.clone()).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_error(
        &forum.post(&format!("/api/v1/processes/{id}/consensus"), &t["chair"], instrument.clone()).await,
        StatusCode::CONFLICT,
        "decision_pending",
    );
    forum.post(&format!("/api/v1/votes/{}/close", v["id"]), &t["chair"], json!({})).await;

    let (s, c) = forum.post(&format!("/api/v1/processes/{id}/consensus"), &t["chair"], instrument).await;
    assert_eq!(s, StatusCode::CREATED, "{c}");
    let (_, c) = forum.get(&format!("/api/v1/consensus/{}", c["id"])).await;
    assert_eq!(c["version"], 1, "{c}");
    // While it is pending: no agreement, revision, chair's text or question on a part.
    let len = forum.record_len();
    for (path, body) in [
        (format!("/api/v1/processes/{id}/proposals/1/agree"), json!({})),
        (format!("/api/v1/processes/{id}/revisions"), json!({"name": "Rev.1"})),
        (
            format!("/api/v1/processes/{id}/chair-texts"),
            json!({"eid": "chp_1__art_2__para_1", "proposals": [], "text": "This Framework applies to all States."}),
        ),
        (format!("/api/v1/processes/{id}/votes"), provision.clone()),
    ] {
        assert_error(&forum.post(&path, &t["chair"], body).await, StatusCode::CONFLICT, "instrument_decision_pending");
    }
    assert_eq!(forum.record_len(), len, "refusals record nothing");

    let (_, d) = forum.post(&format!("/api/v1/consensus/{}/declare", c["id"]), &t["chair"], json!({})).await;
    assert_eq!(
        (d["outcome"].as_str(), d["version"].as_u64(), d["adopted_version"].as_u64()),
        (Some("adopted"), Some(1), Some(1)),
        "{d}"
    );
    let (_, d) = forum.get(&format!("/api/v1/decisions/{}", d["id"])).await;
    assert_eq!(d["adopted_version"], 1);
    let (_, summary) = forum.get(&format!("/api/v1/meetings/{mid}/summary")).await;
    let adoption =
        summary["decisions"].as_array().unwrap().iter().find(|x| x["target"]["kind"] == "instrument").unwrap();
    assert_eq!(adoption["adopted_version"], 1, "{summary}");
    for page in [format!("/meetings/{mid}/summary"), format!("/processes/{id}/decisions")] {
        let (s, html) = forum.get_html(&page).await;
        assert_eq!(s, StatusCode::OK);
        assert!(html.contains("version 1 adopted"), "{page} names the version adopted");
    }
    // The vote on the provision was put on version 1 too, and says so.
    let (_, v) = forum.get(&format!("/api/v1/votes/{}", v["id"])).await;
    assert_eq!(v["version"], 1);
}

/// The meeting page counts a speaker's time from the forum's clock: the
/// floor is given at the clock's time, and the page's "now" is the clock's
/// time when it is made, so the countdown does not depend on the reader's
/// clock (nor, in a test, on how long the test takes).
#[tokio::test]
async fn the_meeting_page_counts_speaking_time_on_the_forum_clock() {
    let clock = manual_clock();
    let forum = TestForum::with_clock(&clock);
    let t = tokens_of(&forum, &["sec", "chair", "bra_head"]).await;
    assert_eq!(forum.post("/api/v1/sessions", &t["sec"], json!({"title": "S"})).await.0, StatusCode::CREATED);
    let (s, m) =
        forum.post("/api/v1/sessions/1/meetings", &t["sec"], json!({"date": "2027-01-15", "place": "Room"})).await;
    assert_eq!(s, StatusCode::CREATED, "{m}");
    assert_eq!(forum.post("/api/v1/meetings/1/attendance", &t["bra_head"], json!({})).await.0, StatusCode::CREATED);
    assert_eq!(forum.post("/api/v1/meetings/1/open", &t["chair"], json!({})).await.0, StatusCode::OK);
    let (s, a) = forum.post("/api/v1/meetings/1/agenda", &t["sec"], json!({"title": "General debate"})).await;
    assert_eq!(s, StatusCode::CREATED, "{a}");
    let (s, a) = forum
        .call(
            axum::http::Method::PUT,
            "/api/v1/meetings/1/agenda/1/speaking-time",
            Some(&t["chair"]),
            Some(json!({"seconds": 90})),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{a}");
    let (s, a) = forum.post("/api/v1/meetings/1/agenda/1/speakers", &t["bra_head"], json!({})).await;
    assert_eq!(s, StatusCode::CREATED, "{a}");
    clock.advance(Duration::from_secs(5));
    let (s, a) = forum.post("/api/v1/meetings/1/agenda/1/next", &t["chair"], json!({})).await;
    assert_eq!(s, StatusCode::OK, "{a}");
    clock.advance(Duration::from_secs(30));
    let (s, page) = forum.get_html("/meetings/1").await;
    assert_eq!(s, StatusCode::OK);
    let given = accord_server::http::time::rfc3339(CLOCK_START + 5_000);
    let countdown = format!(r#"data-seconds="90" data-given="{given}" data-now="{}""#, CLOCK_START + 35_000);
    assert!(page.contains(&countdown), "{countdown} in {page}");
}

/// The decisions page offers the form to break a silence procedure to
/// those who may: a head of delegation or delegate of a member that votes
/// — not its adviser, not an observer's delegate, not an officer.
#[tokio::test]
async fn only_those_who_vote_are_offered_to_break_silence() {
    let forum = TestForum::new();
    let t = forum.tokens().await;
    let id = process_with_proposal(&forum, &t).await;
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64;
    let deadline = accord_server::http::time::rfc3339(now + 30 * 24 * 3_600_000);
    let (s, silence) = forum
        .post(
            &format!("/api/v1/processes/{id}/silence"),
            &t["chair"],
            json!({"target": {"kind": "instrument"}, "deadline": deadline}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{silence}");
    for (who, offered) in [("bra_head", true), ("bra_del", true), ("bra_adv", false), ("icrc", false), ("chair", false)]
    {
        let mut browser = crate::pages::Browser::new(&forum);
        browser.log_in(who, PASSWORD).await;
        let page = browser.get(&format!("/processes/{id}/decisions")).await;
        assert_eq!(page.status, StatusCode::OK, "{who}");
        assert_eq!(page.html.contains("name=\"act\" value=\"break\""), offered, "{who} offered to break silence");
    }
}
