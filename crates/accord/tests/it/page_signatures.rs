//! Members' signatures from the pages: a form that acts in a member's name
//! is first sent with `Accord-Sign: prepare` to learn the exact bytes to
//! sign, then sent signed; unsigned, a member that requires its signature
//! is refused with the reason. (The browser's own part, WebCrypto and
//! IndexedDB, is tested in Chromium: `browser_signing`.)

use accord_domain::signature::{key_id, signed_message, verify};
use accord_domain::{Entry, EntryBody};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use base64::prelude::{Engine, BASE64_STANDARD};
use ed25519_dalek::{Signer, SigningKey};
use http_body_util::BodyExt;
use serde_json::{json, Value};

use crate::helpers::*;

/// A logged-in page client: keeps the session cookie and the CSRF token.
struct Pages<'a> {
    forum: &'a TestForum,
    cookie: String,
    csrf: String,
}

struct Answer {
    status: StatusCode,
    location: Option<String>,
    content_type: String,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        assert!(self.content_type.starts_with("application/json"), "not JSON ({}): {}", self.content_type, self.body);
        serde_json::from_str(&self.body).unwrap()
    }
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl<'a> Pages<'a> {
    async fn log_in(forum: &'a TestForum, who: &str) -> Pages<'a> {
        let mut p = Pages { forum, cookie: String::new(), csrf: String::new() };
        let a = p
            .send(Method::POST, "/login", &[("email", &email(who)), ("password", PASSWORD), ("next", "/")], false)
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "log-in of {who}: {}", a.body);
        let home = p.get("/account").await;
        let at = home.body.find("name=\"csrf\" value=\"").unwrap() + 19;
        p.csrf = home.body[at..at + home.body[at..].find('"').unwrap()].to_owned();
        p
    }

    async fn send(&mut self, method: Method, path: &str, form: &[(&str, &str)], prepare: bool) -> Answer {
        let mut req = Request::builder()
            .method(method.clone())
            .uri(path)
            .header(header::HOST, "accord.test")
            .header(header::ORIGIN, "http://accord.test");
        if !self.cookie.is_empty() {
            req = req.header(header::COOKIE, &self.cookie);
        }
        if prepare {
            req = req.header("Accord-Sign", "prepare");
        }
        let req = if method == Method::POST {
            let body = form.iter().map(|(k, v)| format!("{k}={}", enc(v))).collect::<Vec<_>>().join("&");
            req.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded").body(Body::from(body)).unwrap()
        } else {
            req.body(Body::empty()).unwrap()
        };
        let res = self.forum.response(req).await;
        if let Some(set) = res.headers().get(header::SET_COOKIE) {
            self.cookie = set.to_str().unwrap().split(';').next().unwrap().to_owned();
        }
        let header_of = |name| res.headers().get(name).map(|v: &header::HeaderValue| v.to_str().unwrap().to_owned());
        let (location, content_type) =
            (header_of(header::LOCATION), header_of(header::CONTENT_TYPE).unwrap_or_default());
        let status = res.status();
        let body = String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
        Answer { status, location, content_type, body }
    }

    async fn get(&mut self, path: &str) -> Answer {
        self.send(Method::GET, path, &[], false).await
    }

    /// Posts a form with its CSRF token.
    async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Answer {
        let csrf = self.csrf.clone();
        let mut all = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        self.send(Method::POST, path, &all, false).await
    }

    /// Asks a form's address for the bytes to sign, with a nonce.
    async fn prepare(&mut self, path: &str, fields: &[(&str, &str)], nonce: &str) -> Answer {
        let csrf = self.csrf.clone();
        let mut all = vec![("csrf", csrf.as_str()), ("sign_nonce", nonce)];
        all.extend_from_slice(fields);
        self.send(Method::POST, path, &all, true).await
    }

    /// Prepares, signs with `key` as a browser would, and posts the form
    /// signed: answers the final answer and the prepared bytes.
    async fn post_signed(
        &mut self,
        key: &SigningKey,
        path: &str,
        fields: &[(&str, &str)],
        nonce: &str,
    ) -> (Answer, Value) {
        let prepared = self.prepare(path, fields, nonce).await;
        assert_eq!(prepared.status, StatusCode::OK, "prepare {path}: {}", prepared.body);
        let to_sign = prepared.json();
        let message = BASE64_STANDARD.decode(to_sign["message"].as_str().unwrap()).unwrap();
        let sig = BASE64_STANDARD.encode(key.sign(&message).to_bytes());
        let id = key_id(&key.verifying_key().to_bytes());
        let mut all = fields.to_vec();
        all.extend_from_slice(&[("sign_key", id.as_str()), ("sign_nonce", nonce), ("sign_sig", sig.as_str())]);
        (self.post(path, &all).await, to_sign)
    }
}

/// BRA registers a key and requires its signature (over the API, signed).
async fn bra_requires_signatures(forum: &TestForum, head_token: &str) -> SigningKey {
    let key = SigningKey::from_bytes(&[7u8; 32]);
    let public = BASE64_STANDARD.encode(key.verifying_key().to_bytes());
    let (s, body) =
        forum.post("/api/v1/members/BRA/keys", head_token, json!({"public_key": public, "label": "browser"})).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let secret = BASE64_STANDARD.encode(key.to_bytes());
    let actor = accord_domain::Actor::Delegate {
        delegate: accord_domain::DelegateId(3),
        member: accord_domain::MemberCode::parse("BRA").unwrap(),
    };
    let signed = accord_client::sign::sign_action(
        &secret,
        "accord.test/forum",
        &actor,
        "member.signatures_required",
        json!({"member": "BRA"}),
    )
    .unwrap();
    let (s, body) = forum.post("/api/v1/actions", head_token, signed).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    key
}

/// The last entry of the record, decoded from its canonical bytes.
async fn last_entry(forum: &TestForum) -> Entry {
    let (_, e) = forum.get(&format!("/api/v1/record/{}", forum.record_len() - 1)).await;
    Entry::decode(e["canonical"].as_str().unwrap().as_bytes()).unwrap()
}

/// Checks that an entry carries a signature by `key` that verifies over
/// the signed message of its actor, kind and payload.
fn assert_signed_by(entry: &Entry, key: &SigningKey) {
    let sig = entry.signature.as_ref().unwrap_or_else(|| panic!("entry {} is unsigned", entry.index));
    assert_eq!(sig.key, key_id(&key.verifying_key().to_bytes()));
    let message = signed_message("accord.test/forum", &entry.actor, &entry.body, &sig.nonce);
    let public = BASE64_STANDARD.encode(key.verifying_key().to_bytes());
    verify(&public, &message, &sig.sig).expect("the recorded signature verifies with the member's key");
}

#[tokio::test]
async fn forms_of_a_member_that_requires_signatures_are_signed_or_explained() {
    let forum = TestForum::new();
    let t = forum.tokens().await;
    let (s, body) = forum
        .post("/api/v1/processes", &t["sec"], json!({"title": "Framework", "markdown": crate::negotiation::DRAFT}))
        .await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let eid = "chp_1__art_1__para_1";
    // KEN tables P-1, unsigned: KEN does not require its signature.
    let mut ken = Pages::log_in(&forum, "ken_head").await;
    let tabled = ken
        .post(
            "/processes/1/proposals",
            &[("eid", eid), ("kind", "delete_words"), ("quote", "in good faith"), ("justification", "Redundant.")],
        )
        .await;
    assert_eq!(tabled.status, StatusCode::SEE_OTHER, "{}", tabled.body);
    assert!(last_entry(&forum).await.signature.is_none());

    let key = bra_requires_signatures(&forum, &t["bra_head"]).await;
    let mut bra = Pages::log_in(&forum, "bra_del").await;

    // Every page tells BRA's delegate why it cannot act unsigned, and
    // gives the script the member and its keys.
    let page = bra.get("/processes/1/proposals/1").await;
    assert!(page
        .body
        .contains("BRA requires its signature on every action in its name. This browser has no signing key"));
    let id = key_id(&key.verifying_key().to_bytes());
    assert!(
        page.body.contains(&format!("data-member=\"BRA\" data-keys=\"{id}\" data-required=\"true\"")),
        "{}",
        page.body
    );
    assert!(page.body.contains("<form data-sign method=\"post\" action=\"/processes/1/proposals/1/support\""));
    let signing_js = accord_server::http::assets::href("signing.js");
    assert!(page.body.contains(&format!("<script src=\"{signing_js}\" defer></script>")));
    let script = bra.get(&signing_js).await;
    assert!(script.status == StatusCode::OK && script.content_type.starts_with("text/javascript"));
    assert!(script.body.contains("generateKey({ name: \"Ed25519\" }, false, [\"sign\", \"verify\"])"));

    // Unsigned (no script, or no key): refused, saying why and how to sign.
    let before = forum.record_len();
    let refused = bra.post("/processes/1/proposals/1/support", &[]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused
        .body
        .contains("BRA requires its signature on every action in its name, and this form came unsigned"));
    assert!(
        refused.body.contains("create a key in this browser on your account page")
            || refused.body.contains("Create a key in this browser on your account page")
    );
    assert!(refused.body.contains("accord submit --key FILE --kind proposal.supported --payload"), "{}", refused.body);
    assert_eq!(forum.record_len(), before, "nothing recorded");
    // What is wrong with the action itself is said first: P-9 is not there.
    let missing = bra.post("/processes/1/proposals/9/support", &[]).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);

    // Prepare: the exact bytes the record will hold, nothing recorded.
    let nonce = "nonce-from-the-browser-0001";
    let prepared = bra.prepare("/processes/1/proposals/1/support", &[], nonce).await;
    assert_eq!(prepared.status, StatusCode::OK, "{}", prepared.body);
    let to_sign = prepared.json();
    assert_eq!(forum.record_len(), before, "preparing records nothing");
    assert_eq!(to_sign["kind"], "proposal.supported");
    assert_eq!(to_sign["payload"], json!({"process": 1, "proposal": 1}));
    assert_eq!(to_sign["actor"], json!({"type": "delegate", "delegate": "D4", "member": "BRA"}));
    assert_eq!((to_sign["log"].as_str(), to_sign["nonce"].as_str()), (Some("accord.test/forum"), Some(nonce)));
    assert_eq!(to_sign["keys"], json!([id]));
    let expected = signed_message(
        "accord.test/forum",
        &serde_json::from_value(to_sign["actor"].clone()).unwrap(),
        &serde_json::from_value::<EntryBody>(
            json!({"kind": "proposal.supported", "payload": {"process": 1, "proposal": 1}}),
        )
        .unwrap(),
        nonce,
    );
    assert_eq!(BASE64_STANDARD.decode(to_sign["message"].as_str().unwrap()).unwrap(), expected);
    assert!(String::from_utf8(expected).unwrap().starts_with("accord-signed-action/v1\n{\"actor\":"));

    // A bad nonce, a refused action, another's act: refused in JSON.
    let bad = bra.prepare("/processes/1/proposals/1/support", &[], "short").await;
    assert_eq!((bad.status, bad.json()["error"].as_str()), (StatusCode::BAD_REQUEST, Some("invalid_nonce")));
    let adviser = Pages::log_in(&forum, "bra_adv").await.prepare("/processes/1/proposals/1/support", &[], nonce).await;
    assert_eq!(adviser.status, StatusCode::FORBIDDEN, "{}", adviser.body);
    let chair = Pages::log_in(&forum, "chair").await.prepare("/processes/1/proposals/1/agree", &[], nonce).await;
    assert_eq!((chair.status, chair.json()["error"].as_str()), (StatusCode::FORBIDDEN, Some("not_a_member_action")));
    // A form refused before its action is made answers its page.
    let mut stale = Pages::log_in(&forum, "bra_del").await;
    stale.csrf = "wrong".into();
    let page = stale.prepare("/processes/1/proposals/1/support", &[], nonce).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(page.content_type.starts_with("text/html"));
    assert_eq!(forum.record_len(), before);

    // Signed: recorded with the signature, which verifies with BRA's key.
    let (answer, _) = bra.post_signed(&key, "/processes/1/proposals/1/support", &[], "support-nonce-0000000001").await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    assert_eq!(answer.location.as_deref(), Some("/processes/1/proposals/1?notice=support"));
    let entry = last_entry(&forum).await;
    assert_eq!(entry.body.kind(), "proposal.supported");
    assert_signed_by(&entry, &key);

    // A signature made for another action, or altered, records nothing.
    let sig_for_object = {
        let p = bra.prepare("/processes/1/proposals/1/objection", &[], "objection-nonce-00000001").await.json();
        BASE64_STANDARD.encode(key.sign(&BASE64_STANDARD.decode(p["message"].as_str().unwrap()).unwrap()).to_bytes())
    };
    let before = forum.record_len();
    let swapped = bra
        .post(
            "/processes/1/proposals/1/cosponsor",
            &[("sign_key", &id), ("sign_nonce", "objection-nonce-00000001"), ("sign_sig", &sig_for_object)],
        )
        .await;
    assert_eq!(swapped.status, StatusCode::FORBIDDEN);
    assert!(swapped.body.contains("does not verify"), "{}", swapped.body);
    let partial = bra.post("/processes/1/proposals/1/cosponsor", &[("sign_key", &id)]).await;
    assert_eq!(partial.status, StatusCode::BAD_REQUEST);
    assert!(partial.body.contains("part of a signature"));
    assert_eq!(forum.record_len(), before);

    // Tabling a proposal from the provision's form, signed.
    let fields = [
        ("eid", eid),
        ("kind", "replace_words"),
        ("quote", "shall exchange"),
        ("text", "may exchange"),
        ("justification", "Softer."),
    ];
    let (answer, to_sign) = bra.post_signed(&key, "/processes/1/proposals", &fields, "table-nonce-000000000001").await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    assert_eq!(to_sign["kind"], "proposal.tabled");
    let entry = last_entry(&forum).await;
    assert_eq!(serde_json::to_value(&entry.body).unwrap()["payload"], to_sign["payload"], "recorded as signed");
    assert_signed_by(&entry, &key);
    let (_, p2) = forum.get("/api/v1/processes/1/proposals/2").await;
    assert_eq!((p2["proposer"].as_str(), p2["kind"].as_str()), (Some("BRA"), Some("replace_words")));

    // A meeting: BRA registers present and votes, signed.
    let sec = &t["sec"];
    let (s, b) = forum.post("/api/v1/sessions", sec, json!({"title": "First session"})).await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    let (s, b) = forum.post("/api/v1/sessions/1/meetings", sec, json!({"date": "2026-01-01", "place": "Room"})).await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    let (s, b) = forum.post("/api/v1/meetings/1/attendance", &t["ken_head"], json!({})).await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    let (answer, _) = bra.post_signed(&key, "/meetings/1", &[("act", "register")], "attend-nonce-00000000001").await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    assert_signed_by(&last_entry(&forum).await, &key);
    let (s, b) = forum.post("/api/v1/meetings/1/open", &t["chair"], json!({})).await;
    assert!(s.is_success(), "{s} {b}");
    let (s, b) = forum
        .post("/api/v1/processes/1/votes", &t["chair"], json!({"meeting": 1, "target": {"kind": "proposal", "id": 1}}))
        .await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    let vote = b["id"].as_u64().unwrap().to_string();
    let (answer, to_sign) = bra
        .post_signed(
            &key,
            "/meetings/1",
            &[("act", "ballot"), ("vote", &vote), ("choice", "no")],
            "ballot-nonce-00000000001",
        )
        .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    assert_eq!(to_sign["kind"], "vote.cast");
    assert_signed_by(&last_entry(&forum).await, &key);

    // The record with these signed entries replays: the state is the same.
    let live = forum.store.state().clone();
    let database = forum.database.clone();
    let replayed =
        tokio::task::spawn_blocking(move || accord_store::Store::replay_database(&database).unwrap()).await.unwrap();
    assert_eq!(replayed, live);
}

#[tokio::test]
async fn keys_are_registered_from_the_pages_and_the_declaration_is_signed() {
    let forum = TestForum::new();
    let key = SigningKey::from_bytes(&[9u8; 32]);
    let public = BASE64_STANDARD.encode(key.verifying_key().to_bytes());
    let id = key_id(&key.verifying_key().to_bytes());
    let mut head = Pages::log_in(&forum, "bra_head").await;
    // The account page offers a key made in the browser, and the head's
    // registration form; a delegate is told to ask the head.
    let account = head.get("/account").await;
    assert!(account.body.contains("data-key-create>Create a signing key in this browser</button>"));
    assert!(account.body.contains("action=\"/members/BRA/keys\""));
    let del = Pages::log_in(&forum, "bra_del").await.get("/account").await;
    assert!(del.body.contains("Give the public key to your head of delegation"));
    assert!(!del.body.contains("action=\"/members/BRA/keys\""));

    // Unsigned registration while nothing is required: recorded.
    let ok = head.post("/members/BRA/keys", &[("public_key", &public), ("label", "head's browser")]).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let member = head.get("/members/BRA").await;
    assert!(member.body.contains(&format!("<code title=\"{public}\">{id}</code>")), "{}", member.body);

    // The declaration must be signed; unsigned it is refused and says so.
    let unsigned = head.post("/members/BRA/signatures-required", &[]).await;
    assert_eq!(unsigned.status, StatusCode::FORBIDDEN);
    assert!(unsigned.body.contains("must itself be signed"), "{}", unsigned.body);
    let (signed, to_sign) =
        head.post_signed(&key, "/members/BRA/signatures-required", &[], "require-nonce-0000000001").await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    assert_eq!(to_sign["kind"], "member.signatures_required");
    assert_signed_by(&last_entry(&forum).await, &key);
    assert!(head.get("/members/BRA").await.body.contains("<strong>required</strong>"));

    // A second key now needs a signature by a registered one.
    let other = SigningKey::from_bytes(&[10u8; 32]);
    let other_public = BASE64_STANDARD.encode(other.verifying_key().to_bytes());
    let refused = head.post("/members/BRA/keys", &[("public_key", &other_public), ("label", "laptop")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.body.contains("--kind member.key_registered"), "{}", refused.body);
    let (answer, to_sign) = head
        .post_signed(
            &key,
            "/members/BRA/keys",
            &[("public_key", &other_public), ("label", "laptop")],
            "register-nonce-000000001",
        )
        .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    assert_eq!(to_sign["payload"]["key"], key_id(&other.verifying_key().to_bytes()));
    assert_signed_by(&last_entry(&forum).await, &key);
    // And revoking the first, signed by the second.
    let (answer, _) =
        head.post_signed(&other, &format!("/members/BRA/keys/{id}/revoke"), &[], "revoke-nonce-0000000001").await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    assert_signed_by(&last_entry(&forum).await, &other);
    let (_, keys) = forum.get("/api/v1/members/BRA/keys").await;
    assert!(keys.as_array().unwrap().iter().any(|k| k["key"] == id.as_str() && k["revoked_entry"].is_u64()));

    // Withdrawing BRA's adviser from BRA's page, signed by the head.
    let (answer, to_sign) = head
        .post_signed(&other, "/delegates/D5/withdraw", &[("reason", "returned to capital")], "withdraw-nonce-000000001")
        .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    assert_eq!(to_sign["payload"], json!({"delegate": "D5", "reason": "returned to capital"}));
    assert_signed_by(&last_entry(&forum).await, &other);

    // The API does not take the header: an API call records as always.
    let token = forum.token("ken_head").await;
    let req = Request::post("/api/v1/members/KEN/keys")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/json")
        .header("Accord-Sign", "prepare")
        .body(Body::from(json!({"public_key": public, "label": "laptop"}).to_string()))
        .unwrap();
    let (status, body) = forum.raw(req).await;
    assert_eq!(status, StatusCode::CREATED, "{}", String::from_utf8_lossy(&body));

    // A member that does not require signatures acts unsigned as before,
    // and its pages carry no notice.
    let mut ken = Pages::log_in(&forum, "ken_head").await;
    let page = ken.get("/members/KEN").await;
    assert!(!page.body.contains("data-signing-status"));
    let ken_key = key_id(&key.verifying_key().to_bytes());
    assert!(page.body.contains(&format!("data-member=\"KEN\" data-keys=\"{ken_key}\" data-required=\"false\"")));
}
