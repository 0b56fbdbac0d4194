//! Free text in every script works end to end, and the characters that
//! could disguise text (bidirectional controls, invisible characters) are
//! refused wherever text comes in.

use axum::http::StatusCode;
use proptest::prelude::*;
use serde_json::json;

use crate::helpers::*;
use crate::pages::{enc, Browser};

/// Names and texts in the scripts delegations write, with the joiners
/// some of them need.
const SCRIPTS: &[(&str, &str)] = &[
    ("Arabic", "\u{627}\u{644}\u{62c}\u{645}\u{647}\u{648}\u{631}\u{64a}\u{629} \u{627}\u{644}\u{639}\u{631}\u{628}\u{64a}\u{629} 5\u{200f}"),
    ("Hebrew", "\u{5de}\u{5d3}\u{5d9}\u{5e0}\u{5ea} \u{5d9}\u{5e9}\u{5e8}\u{5d0}\u{5dc}"),
    ("Persian", "\u{62c}\u{645}\u{647}\u{648}\u{631}\u{6cc} \u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}"),
    ("Hindi", "\u{92d}\u{93e}\u{930}\u{924} \u{915}\u{94d}\u{200d}\u{937} \u{915}\u{94d}\u{200c}\u{937}"),
    ("Chinese", "\u{4e2d}\u{534e}\u{4eba}\u{6c11}\u{5171}\u{548c}\u{56fd}"),
    (
        "emoji",
        "Family \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}\u{200d}\u{1f466} \u{1f1e7}\u{1f1f7} \u{1f1f0}\u{1f1ea}",
    ),
];

/// Characters the policy refuses, with the code that says why.
const FORBIDDEN: &[(char, &str)] = &[
    ('\u{202E}', "bidi_control"),
    ('\u{202A}', "bidi_control"),
    ('\u{2067}', "bidi_control"),
    ('\u{200B}', "invisible_character"),
    ('\u{FEFF}', "invisible_character"),
    ('\u{2060}', "invisible_character"),
    ('\u{E0041}', "invisible_character"),
    ('\u{200F}', "direction_mark_outside_rtl"),
];

fn draft(text: &str) -> String {
    format!("# {text}\n\n## Chapter I \u{2014} {text}\n\n### Article 1 \u{2014} {text}\n\n1. {text} shall apply.\n")
}

#[tokio::test]
async fn every_script_works_over_the_api_and_on_the_pages() {
    let forum = TestForum::new();
    let sec = forum.token("sec").await;
    for (i, (script, text)) in SCRIPTS.iter().enumerate() {
        let code = format!("ORG-{i}");
        let (s, body) = forum
            .post(
                "/api/v1/members",
                &sec,
                json!({"code": code, "name": text, "kind": "organisation", "category": "ngo", "status": "observer"}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{script}: {body}");
        assert_eq!(forum.get(&format!("/api/v1/members/{code}")).await.1["name"], *text, "{script}");
        let (s, body) = forum
            .post(
                &format!("/api/v1/members/{code}/delegates"),
                &sec,
                json!({"name": text, "email": format!("u{i}@forum.test"), "role": "delegate"}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{script}: {body}");
        assert_eq!(body["name"], *text, "{script}: {body}");
        let (s, body) = forum.post("/api/v1/processes", &sec, json!({"title": text, "markdown": draft(text)})).await;
        assert_eq!(s, StatusCode::CREATED, "{script}: {body}");
        let id = body["id"].as_u64().unwrap();
        let (s, md) = forum.get_html(&format!("/api/v1/processes/{id}/text.md")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(md.contains(&format!("1. {text} shall apply.")), "{script}: {md}");

        // On the pages, each piece of their text is isolated from the page around it.
        let (_, members) = forum.get_html("/members").await;
        assert!(members.contains(&format!("<bdi>{text}</bdi>")), "{script}: the members page");
        let (_, member) = forum.get_html(&format!("/members/{code}")).await;
        assert!(member.contains(&format!("<h1><bdi>{text}</bdi>")), "{script}: the member's page");
        let (_, rolling) = forum.get_html(&format!("/processes/{id}")).await;
        assert!(rolling.contains(&format!("<h1><bdi>{text}</bdi></h1>")), "{script}: the process's title");
        assert!(
            rolling.contains(&format!("<span class=\"words\" dir=\"auto\">{text} shall apply.</span>")),
            "{script}: the provision's words"
        );
        assert!(rolling.contains(&format!("Article 1 \u{2014} <bdi>{text}</bdi>")), "{script}: the heading");
    }
}

#[tokio::test]
async fn names_render_inside_isolates_and_new_text_is_normalised() {
    let forum = TestForum::new();
    let sec = forum.token("sec").await;
    // "Côte" typed with a combining accent is recorded composed (NFC).
    let (s, body) = forum
        .post(
            "/api/v1/members",
            &sec,
            json!({"code": "CIV", "name": "Co\u{302}te d'Ivoire", "kind": "state", "status": "member"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    assert_eq!(forum.get("/api/v1/members/CIV").await.1["name"], "C\u{f4}te d'Ivoire");
    // Every delegate name and member name on the pages is in an isolate.
    let mut b = Browser::new(&forum);
    b.log_in("bra_head", PASSWORD).await;
    let home = b.get("/").await.html;
    assert!(home.contains("<bdi>Person bra_head</bdi>"), "the logged-in delegate's name: {home}");
    let bra = b.get("/members/BRA").await.html;
    for name in ["Person bra_head", "Person bra_del", "Person bra_adv"] {
        assert!(bra.contains(&format!("<th scope=\"row\"><bdi>{name}</bdi></th>")), "{name}: {bra}");
    }
    assert!(bra.contains("<h1><bdi>Brazil</bdi>"), "{bra}");
    let officers = b.get("/officers").await.html;
    assert!(officers.contains("<bdi>Chair Person</bdi>"), "{officers}");
}

#[tokio::test]
async fn forbidden_characters_are_refused_over_the_api_and_on_forms() {
    let forum = TestForum::new();
    let t = forum.tokens().await;
    let sec = &t["sec"];
    let before = forum.record_len();
    let mut b = Browser::new(&forum);
    b.log_in("sec", PASSWORD).await;
    let csrf = Browser::csrf(&b.get("/members/new").await);
    for (c, code) in FORBIDDEN {
        let bad = format!("Repu{c}blic");
        let named = format!("U+{:04X}", *c as u32);
        let expect = |answer: &(StatusCode, serde_json::Value), what: &str| {
            assert_error(answer, StatusCode::UNPROCESSABLE_ENTITY, code);
            let message = answer.1["message"].as_str().unwrap();
            assert!(message.contains(&named) && message.contains("character 5"), "{what}: {message}");
        };
        let answer = forum
            .post(
                "/api/v1/members",
                sec,
                json!({"code": "ORG", "name": bad, "kind": "organisation", "category": "ngo"}),
            )
            .await;
        expect(&answer, "member name");
        let answer = forum
            .post(
                "/api/v1/members/BRA/delegates",
                sec,
                json!({"name": bad, "email": "x@forum.test", "role": "delegate"}),
            )
            .await;
        expect(&answer, "delegate name");
        let answer = forum
            .post(
                "/api/v1/members/BRA/keys",
                &t["bra_head"],
                json!({"public_key": "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=", "label": bad}),
            )
            .await;
        expect(&answer, "key label");
        let answer = forum.post("/api/v1/members/KEN/suspension", sec, json!({"reason": bad})).await;
        expect(&answer, "reason");
        let answer = forum.post("/api/v1/processes", sec, json!({"title": bad, "markdown": draft("Terms")})).await;
        expect(&answer, "process title");
        let answer = forum.post("/api/v1/processes", sec, json!({"title": "T", "markdown": draft(&bad)})).await;
        assert_error(&answer, StatusCode::UNPROCESSABLE_ENTITY, code);
        assert!(answer.1["message"].as_str().unwrap().contains("draft's line 1"), "{}", answer.1);
        let answer = forum.post("/api/v1/me/tokens", sec, json!({"label": bad})).await;
        expect(&answer, "token label");

        // The same on a form: the page comes back with the status and the reason.
        let page = b
            .post(
                "/members",
                &[("csrf", &csrf), ("code", "ORG"), ("kind", "organisation"), ("category", "ngo"), ("name", &bad)],
            )
            .await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", page.html);
        assert!(page.html.contains(&named), "{}", page.html);
    }
    // A statement and a proposal's justification go through the same gate.
    let (s, _) = forum.post("/api/v1/processes", sec, json!({"title": "T", "markdown": draft("Terms")})).await;
    assert_eq!(s, StatusCode::CREATED);
    let opened = forum.record_len();
    let answer = forum
        .post(
            "/api/v1/processes/1/proposals",
            &t["bra_head"],
            json!({"kind": "replace_words", "eid": "chp_1__art_1__para_1", "anchor": {"quote": "Terms"},
                   "text": "Rules", "justification": "clearer\u{200B}"}),
        )
        .await;
    assert_error(&answer, StatusCode::UNPROCESSABLE_ENTITY, "invisible_character");
    assert!(answer.1["message"].as_str().unwrap().starts_with("the justification holds"), "{}", answer.1);
    assert_eq!(forum.record_len(), opened);
    assert_eq!(opened, before + 1, "nothing but the one good process was recorded");
}

/// A form's body and a query string of any characters: never a server
/// error; text is accepted under the policy or refused with its code.
#[test]
fn any_text_in_forms_and_queries_is_answered_cleanly() {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let forum = TestForum::new();
    let (b, csrf) = rt.block_on(async {
        let mut b = Browser::new(&forum);
        b.log_in("sec", PASSWORD).await;
        let csrf = Browser::csrf(&b.get("/members/new").await);
        (b, csrf)
    });
    let forbidden = prop::sample::select(vec![
        '\u{202E}',
        '\u{2066}',
        '\u{200B}',
        '\u{200C}',
        '\u{200D}',
        '\u{200E}',
        '\u{200F}',
        '\u{FEFF}',
        '\u{E0041}',
        '\u{301}',
        '\u{5d0}',
        '\u{627}',
        'a',
        ' ',
        '&',
        '=',
        '%',
        '+',
    ]);
    let text = prop::collection::vec(prop_oneof![any::<char>(), forbidden], 1..16)
        .prop_map(|cs| cs.into_iter().collect::<String>());
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(200));
    let b = std::cell::RefCell::new(Some(b));
    let n = std::cell::Cell::new(0);
    runner
        .run(&text, |name| {
            n.set(n.get() + 1);
            let n = n.get();
            let mut browser = b.borrow_mut().take().unwrap();
            rt.block_on(async {
                let code = format!("P-{n}");
                let page = browser
                    .post(
                        "/members",
                        &[
                            ("csrf", &csrf),
                            ("code", &code),
                            ("kind", "organisation"),
                            ("category", "ngo"),
                            ("name", &name),
                        ],
                    )
                    .await;
                let policy = accord_domain::unicode::accept("name", name.trim());
                match page.status {
                    StatusCode::SEE_OTHER => {
                        let (_, m) = forum.get(&format!("/api/v1/members/{code}")).await;
                        let recorded = m["name"].as_str().unwrap();
                        assert!(accord_domain::unicode::check("name", recorded).is_ok(), "{recorded:?}");
                        assert_eq!(recorded, policy.unwrap().as_ref());
                    }
                    StatusCode::UNPROCESSABLE_ENTITY => {
                        let refusal = policy.unwrap_err();
                        assert!(accord_domain::unicode::CODES.contains(&refusal.code));
                        let at = refusal.message.find("U+").unwrap();
                        let named = refusal.message[at..].split(' ').next().unwrap();
                        assert!(page.html.contains(named), "{name:?}: {named}");
                    }
                    // A blank name, or one with line breaks or other controls.
                    StatusCode::BAD_REQUEST => {
                        assert!(name.trim().is_empty() || name.chars().any(char::is_control), "{name:?}: {}", page.html)
                    }
                    other => panic!("{name:?}: {other}"),
                }
                let (status, body) = forum.get(&format!("/api/v1/members?kind={}", enc(&name))).await;
                assert!(status == StatusCode::OK || status == StatusCode::BAD_REQUEST, "{name:?}: {status} {body}");
                let (status, _) = forum.get_html(&format!("/members?q={}", enc(&name))).await;
                assert!(status == StatusCode::OK || status == StatusCode::BAD_REQUEST, "{name:?}: {status}");
            });
            b.replace(Some(browser));
            Ok(())
        })
        .unwrap();
}

/// Text of any characters mixed with those the policy is about.
fn any_text() -> impl Strategy<Value = String> {
    let pointed = prop::sample::select(vec![
        '\u{202E}',
        '\u{2066}',
        '\u{200B}',
        '\u{200C}',
        '\u{200D}',
        '\u{200E}',
        '\u{200F}',
        '\u{FEFF}',
        '\u{E0041}',
        '\u{301}',
        '\u{5d0}',
        '\u{627}',
        'e',
        ' ',
        '\n',
        '#',
        '1',
        '.',
        '(',
        'a',
        ')',
    ]);
    prop::collection::vec(prop_oneof![any::<char>(), pointed], 0..40).prop_map(|cs| cs.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Names and reasons of any characters: parsed under the policy or
    /// refused with a stable code; never a panic.
    #[test]
    fn names_and_reasons_of_any_text(text in any_text()) {
        use accord_domain::ids::{DisplayName, Reason};
        use accord_domain::unicode::{check, CODES};
        match DisplayName::parse(&text) {
            Ok(name) => prop_assert!(check("name", name.as_str()).is_ok()),
            Err(e) => prop_assert!(e.code == "invalid_name" || CODES.contains(&e.code), "{}", e.code),
        }
        match Reason::parse(&text) {
            Ok(reason) => prop_assert!(check("reason", reason.as_str()).is_ok()),
            Err(e) => prop_assert!(e.code == "invalid_reason" || CODES.contains(&e.code), "{}", e.code),
        }
    }

    /// A Markdown draft of any characters, as the API and the form read it:
    /// an accepted draft and title follow the policy; a draft holding a
    /// character the policy forbids is refused with the policy's code.
    #[test]
    fn markdown_drafts_of_any_text(words in any_text(), title in any_text()) {
        use accord_domain::unicode::{accept, check, check_lines, CODES};
        let markdown = format!("# Draft\n\n## Chapter I \u{2014} General\n\n### Article 1 \u{2014} Scope\n\n1. {words}\n");
        let forbidden = accept("draft", &markdown).is_err() || accept("title", &title).is_err();
        match accord_server::negotiation::api::opening(&title, markdown) {
            Ok(accord_domain::EntryBody::ProcessOpened(p)) => {
                prop_assert!(!forbidden);
                let draft = std::str::from_utf8(p.draft.content().unwrap()).unwrap();
                prop_assert!(check_lines("draft", draft).is_ok());
                prop_assert!(check("title", &p.title).is_ok());
            }
            Ok(other) => prop_assert!(false, "{other:?}"),
            Err(e) => prop_assert!(!forbidden || CODES.contains(&e.code), "{}: {}", e.code, e.message),
        }
    }
}

/// A signed action is recorded as signed, so its text must be in NFC: the
/// client signs it so, and the forum refuses a forbidden character even
/// when it is signed (text signed out of NFC: `state::tests`).
#[tokio::test]
async fn signed_text_is_signed_in_nfc_and_checked() {
    let forum = TestForum::new();
    let t = forum.tokens().await;
    let (secret, public) = accord_client::sign::new_key();
    let (s, _) =
        forum.post("/api/v1/members/BRA/keys", &t["bra_head"], json!({"public_key": public, "label": "laptop"})).await;
    assert_eq!(s, StatusCode::CREATED);
    let head = accord_domain::Actor::Delegate {
        delegate: accord_domain::DelegateId(3),
        member: accord_domain::MemberCode::parse("BRA").unwrap(),
    };
    let sign = |payload: serde_json::Value| {
        accord_client::sign::sign_action(&secret, "accord.test/forum", &head, "accreditation.withdrawn", payload)
            .unwrap()
    };
    // Signed by the client: normalised before signing, recorded composed.
    let signed = sign(json!({"delegate": "D5", "reason": "Re\u{301}union a\u{300} Brasi\u{301}lia"}));
    assert_eq!(signed["payload"]["reason"], "R\u{e9}union \u{e0} Bras\u{ed}lia");
    let (s, answer) = forum.post("/api/v1/actions", &t["bra_head"], signed).await;
    assert_eq!(s, StatusCode::CREATED, "{answer}");
    // A forbidden character, even signed.
    let hidden = sign(json!({"delegate": "D4", "reason": "fine\u{200B}"}));
    let answer = forum.post("/api/v1/actions", &t["bra_head"], hidden).await;
    assert_error(&answer, StatusCode::UNPROCESSABLE_ENTITY, "invisible_character");
}
