//! Translations end to end: a translator records the text in the forum's
//! other official languages over the API and from their page; a change to
//! the original puts a translation out of date; readers see the text in a
//! language, or side by side with the original.

use accord_domain::ids::DisplayName;
use accord_domain::state::OfficerRole;
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;
use crate::negotiation::DRAFT;
use crate::pages::{Browser, Page};

const P1: &str = "chp_1__art_1__para_1";
const P2: &str = "chp_1__art_1__para_2";

/// A forum with process 1 and a translator (`translator`); answers the
/// tokens of the fixture's accounts and the translator's.
async fn forum() -> (TestForum, std::collections::HashMap<&'static str, String>) {
    let forum = TestForum::new();
    let email = accord_domain::Email::parse(&email("translator")).unwrap();
    let name = DisplayName::parse("Hélène Dubois").unwrap();
    accord_server::setup::create_officer(&forum.store, name, OfficerRole::Translator, email, PASSWORD).unwrap();
    let mut t = forum.tokens().await;
    t.insert("translator", forum.token("translator").await);
    let (s, v) = forum.post("/api/v1/processes", &t["sec"], json!({"title": "Framework", "markdown": DRAFT})).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    (forum, t)
}

fn translation(language: &str, version: u32, eid: &str, text: &str) -> Value {
    json!({"language": language, "version": version, "eid": eid, "text": text})
}

const PATH: &str = "/api/v1/processes/1/translations";

fn provision<'v>(list: &'v Value, eid: &str) -> &'v Value {
    list["provisions"].as_array().unwrap().iter().find(|p| p["eid"] == eid).unwrap_or_else(|| panic!("{eid} in {list}"))
}

#[tokio::test]
async fn a_translator_records_and_the_original_changing_puts_it_out_of_date() {
    let (forum, t) = forum().await;
    let french = "Les États coopèrent de bonne foi et échangent des informations.";
    let (s, v) = forum.post(PATH, &t["translator"], translation("fr", 1, P1, french)).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let index = v["entry"]["index"].as_u64().unwrap();
    assert_eq!(forum.record_len(), index + 1);
    let (_, entry) = forum.get(&format!("/api/v1/record/{index}")).await;
    assert_eq!(entry["kind"], "translation.recorded", "{entry}");

    let (s, list) = forum.get(&format!("{PATH}?language=fr")).await;
    assert_eq!(s, StatusCode::OK, "{list}");
    assert_eq!(list["original_language"], "en");
    let p1 = provision(&list, P1);
    assert_eq!(
        (p1["version"].as_u64(), p1["current"].as_bool(), p1["text"].as_str()),
        (Some(1), Some(true), Some(french))
    );
    assert_eq!(provision(&list, P2)["status"], "missing");
    assert_eq!(provision(&list, P2)["current"], false);
    let (_, outdated) = forum.get(&format!("{PATH}/outdated?language=fr")).await;
    assert_eq!(outdated["provisions"], json!([]));

    // Brazil's proposal is agreed: P1 reads differently in version 2.
    let proposal = json!({"kind": "replace_words", "eid": P1, "anchor": {"quote": "good faith", "occurrence": 1}, "text": "full good faith"});
    let (s, v) = forum.post("/api/v1/processes/1/proposals", &t["bra_head"], proposal).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let (s, v) = forum.post("/api/v1/processes/1/proposals/1/agree", &t["chair"], json!({})).await;
    assert!(s.is_success(), "{v}");
    let (_, list) = forum.get(&format!("{PATH}?language=fr")).await;
    assert_eq!(list["version"], 2);
    let p1 = provision(&list, P1);
    assert_eq!(
        (p1["status"].as_str(), p1["current"].as_bool(), p1["version"].as_u64()),
        (Some("outdated"), Some(false), Some(1))
    );
    let (_, outdated) = forum.get(&format!("{PATH}/outdated?language=fr")).await;
    let eids: Vec<&str> =
        outdated["provisions"].as_array().unwrap().iter().map(|p| p["eid"].as_str().unwrap()).collect();
    assert_eq!(eids, [P1]);

    // Version 1 is no longer the one to translate; version 2 is.
    let refused = forum.post(PATH, &t["translator"], translation("fr", 1, P1, french)).await;
    assert_error(&refused, StatusCode::CONFLICT, "wrong_version");
    let newer = "Les États coopèrent en toute bonne foi et échangent des informations.";
    let (s, v) = forum.post(PATH, &t["translator"], translation("fr", 2, P1, newer)).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let (_, list) = forum.get(&format!("{PATH}?language=fr")).await;
    let p1 = provision(&list, P1);
    assert_eq!(
        (p1["current"].as_bool(), p1["version"].as_u64(), p1["text"].as_str()),
        (Some(true), Some(2), Some(newer))
    );

    // Replaying the record reproduces them, and the state digest covers them.
    let parts = forum.store.state().digest_parts();
    assert!(parts.contains_key("process 1 translations"));
    let forum = forum.restart();
    assert_eq!(forum.store.state().digest_parts(), parts);
    let (_, again) = forum.get(&format!("{PATH}?language=fr")).await;
    assert_eq!(again, list);
}

#[tokio::test]
async fn refusals_over_the_api_change_nothing() {
    let (forum, t) = forum().await;
    let before = forum.record_len();
    let cases = [
        ("chair", translation("fr", 1, P1, "Texte"), StatusCode::FORBIDDEN, "translator_only"),
        ("sec", translation("fr", 1, P1, "Texte"), StatusCode::FORBIDDEN, "translator_only"),
        ("bra_head", translation("fr", 1, P1, "Texte"), StatusCode::FORBIDDEN, "translator_only"),
        ("translator", translation("fr", 2, P1, "Texte"), StatusCode::CONFLICT, "wrong_version"),
        (
            "translator",
            translation("fr", 1, "chp_9__art_9__para_9", "Texte"),
            StatusCode::NOT_FOUND,
            "unknown_provision",
        ),
        ("translator", translation("de", 1, P1, "Text"), StatusCode::UNPROCESSABLE_ENTITY, "unofficial_language"),
        ("translator", translation("en", 1, P1, "Text"), StatusCode::UNPROCESSABLE_ENTITY, "original_language"),
        ("translator", translation("FR", 1, P1, "Texte"), StatusCode::BAD_REQUEST, "invalid_language"),
        (
            "translator",
            translation("fr", 1, P1, "Texte \u{202E}inversé"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "bidi_control",
        ),
    ];
    for (who, body, status, code) in cases {
        let answer = forum.post(PATH, &t[who], body.clone()).await;
        assert_error(&answer, status, code);
        assert_eq!(forum.record_len(), before, "{who} {body}");
    }
    let (s, _) = forum.call(Method::POST, PATH, None, Some(translation("fr", 1, P1, "Texte"))).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let missing = forum.post("/api/v1/processes/9/translations", &t["translator"], translation("fr", 1, P1, "T")).await;
    assert_error(&missing, StatusCode::NOT_FOUND, "unknown_process");
    assert_error(
        &forum.get(&format!("{PATH}?language=xx")).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "unofficial_language",
    );
    assert_eq!(forum.record_len(), before);
    // A proposal stays in its language and carries a translation.
    let proposal = json!({"kind": "replace_words", "eid": P1, "anchor": {"quote": "good faith", "occurrence": 1}, "text": "full good faith"});
    let (s, _) = forum.post("/api/v1/processes/1/proposals", &t["bra_head"], proposal).await;
    assert_eq!(s, StatusCode::CREATED);
    let mut on_proposal = translation("fr", 1, P2, "en toute bonne foi");
    on_proposal["proposal"] = json!(1);
    assert_error(
        &forum.post(PATH, &t["translator"], on_proposal.clone()).await,
        StatusCode::BAD_REQUEST,
        "wrong_provision",
    );
    on_proposal["eid"] = json!(P1);
    let (s, v) = forum.post(PATH, &t["translator"], on_proposal).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let (_, list) = forum.get(&format!("{PATH}?language=fr")).await;
    assert_eq!(
        list["proposals"],
        json!([{"proposal": 1, "eid": P1, "original": "full good faith", "text": "en toute bonne foi", "entry": v["entry"]["index"]}])
    );
    assert_eq!(provision(&list, P1)["status"], "missing", "the provision's own translation is apart");
    // Text is kept as written, in NFC.
    let (s, _) = forum.post(PATH, &t["translator"], translation("fr", 1, P1, "Les E\u{301}tats")).await;
    assert_eq!(s, StatusCode::CREATED);
    let (_, list) = forum.get(&format!("{PATH}?language=fr")).await;
    assert_eq!(provision(&list, P1)["text"], "Les \u{c9}tats");
}

fn form_for(page: &Page, eid: &str) -> bool {
    page.html.contains(&format!("name=\"eid\" value=\"{eid}\""))
}

#[tokio::test]
async fn the_translators_page_and_the_readers_view() {
    let (forum, t) = forum().await;
    let arabic = "تتعاون الدول بحسن نية وتتبادل المعلومات.";
    let (s, _) = forum.post(PATH, &t["translator"], translation("ar", 1, P1, arabic)).await;
    assert_eq!(s, StatusCode::CREATED);
    let (s, _) =
        forum.post(PATH, &t["translator"], translation("fr", 1, P1, "Les États coopèrent de bonne foi.")).await;
    assert_eq!(s, StatusCode::CREATED);
    let proposal = json!({"kind": "replace_words", "eid": P1, "anchor": {"quote": "good faith", "occurrence": 1}, "text": "full good faith"});
    forum.post("/api/v1/processes/1/proposals", &t["bra_head"], proposal).await;
    let (s, _) = forum.post("/api/v1/processes/1/proposals/1/agree", &t["chair"], json!({})).await;
    assert!(s.is_success());

    // A reader (not logged in) sees the statuses, no form.
    let (s, html) = forum.get_html("/processes/1/translations?language=fr").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("out of date") && html.contains("missing"), "{html}");
    assert!(html.contains("Only a translator records translations."));
    assert!(!html.contains("name=\"eid\""));
    // The redline of the original since the version translated.
    assert!(html.contains("Changes to the original since version 1"), "{html}");
    assert!(html.contains("<ins>full</ins>") || html.contains("<ins>full "), "{html}");

    // The translator records from the page.
    let mut b = Browser::new(&forum);
    assert_eq!(b.log_in("translator", PASSWORD).await.status, StatusCode::SEE_OTHER);
    let page = b.get("/processes/1/translations?language=fr").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(form_for(&page, P1) && form_for(&page, P2), "{}", page.html);
    let csrf = Browser::csrf(&page);
    let text = "Les États coopèrent en toute bonne foi.";
    let done = b
        .post(
            "/processes/1/translations",
            &[("csrf", &csrf), ("language", "fr"), ("version", "2"), ("eid", P1), ("text", text)],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.html);
    let back = b.get(done.location.as_deref().unwrap()).await;
    assert!(back.html.contains("The translation was recorded."), "{}", back.html);
    assert!(back.html.contains(text));
    let (_, list) = forum.get(&format!("{PATH}?language=fr")).await;
    assert_eq!(provision(&list, P1)["current"], true);
    // A wrong version from the page is refused, and nothing changes.
    let before = forum.record_len();
    let refused = b
        .post(
            "/processes/1/translations",
            &[("csrf", &csrf), ("language", "fr"), ("version", "1"), ("eid", P1), ("text", text)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.html);
    let wrong_eid = b
        .post(
            "/processes/1/translations",
            &[("csrf", &csrf), ("language", "fr"), ("version", "2"), ("eid", "chp_9"), ("text", text)],
        )
        .await;
    assert_eq!(wrong_eid.status, StatusCode::NOT_FOUND, "{}", wrong_eid.html);
    assert_eq!(forum.record_len(), before);

    // An open proposal is translated from the page too, and stays in English.
    let proposal =
        json!({"kind": "replace_words", "eid": P2, "anchor": {"quote": "protect", "occurrence": 1}, "text": "defend"});
    let (s, _) = forum.post("/api/v1/processes/1/proposals", &t["bra_head"], proposal).await;
    assert_eq!(s, StatusCode::CREATED);
    let page = b.get("/processes/1/translations?language=fr").await;
    assert!(page.html.contains("name=\"proposal\" value=\"2\""), "{}", page.html);
    let done = b
        .post(
            "/processes/1/translations",
            &[
                ("csrf", &csrf),
                ("language", "fr"),
                ("version", "2"),
                ("eid", P2),
                ("proposal", "2"),
                ("text", "défendre"),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.html);
    let (_, list) = forum.get(&format!("{PATH}?language=fr")).await;
    assert_eq!(list["proposals"][0]["text"], "défendre");
    assert_eq!(list["proposals"][0]["original"], "defend");
    // A proposal's translation is never out of date: its words do not change.
    let (_, outdated) = forum.get("/api/v1/processes/1/translations/outdated?language=fr").await;
    assert_eq!(outdated["proposals"], json!([]), "{outdated}");
    let page = b.get("/processes/1/translations?language=fr").await;
    assert!(page.html.contains("défendre"));
    let before = forum.record_len();

    // A head of delegation is not a translator: no form, and the post is refused.
    let mut head = Browser::new(&forum);
    head.log_in("bra_head", PASSWORD).await;
    let page = head.get("/processes/1/translations?language=fr").await;
    assert!(!form_for(&page, P1));
    let csrf = Browser::csrf(&page);
    let refused = head
        .post(
            "/processes/1/translations",
            &[("csrf", &csrf), ("language", "fr"), ("version", "2"), ("eid", P1), ("text", text)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(forum.record_len(), before);

    // The reader's view: Arabic, right to left, beside the original.
    let (s, html) = forum.get_html("/processes/1/read?language=ar&side=original").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("class=\"parallel side\""), "{html}");
    assert!(html.contains("lang=\"ar\" dir=\"rtl\">"), "{html}");
    assert!(html.contains(arabic));
    assert!(html.contains("lang=\"en\" dir=\"ltr\""));
    assert!(html.contains("States shall cooperate in full good faith"), "the original as it now reads: {html}");
    // The Arabic translation renders version 1: out of date.
    assert!(html.contains("out of date"));
    // One language alone: missing provisions say so and show the original.
    let (_, html) = forum.get_html("/processes/1/read?language=fr").await;
    assert!(!html.contains("parallel side"));
    assert!(html.contains(text) && html.contains("Not yet translated."));
    let (s, _) = forum.get_html("/processes/1/read?language=xx").await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
}
