//! Members' signatures made in Chromium: a key made with WebCrypto's
//! Ed25519 and kept in the browser signs what the pages record in the
//! member's name; a browser without a key is told why it cannot act.

use accord_domain::signature::{signed_message, verify};
use accord_domain::Entry;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};

use crate::browser::{chromedriver, chromium, demo_forum, password_of, wait_for_text};
use crate::helpers::*;

const HEAD: &str = "head.bra@demo.accord.example";

async fn log_in(client: &Client, base: &str, address: &str, password: &str, next: &str) {
    client.goto(&format!("{base}/login?next={next}")).await.unwrap();
    client.find(Locator::Id("email")).await.unwrap().send_keys(address).await.unwrap();
    client.find(Locator::Id("password")).await.unwrap().send_keys(password).await.unwrap();
    client.find(Locator::Css("main form button[type=submit]")).await.unwrap().click().await.unwrap();
}

/// A GET of the API, as JSON.
async fn api_get(base: &str, path: &str) -> Value {
    let url = format!("{base}{path}");
    tokio::task::spawn_blocking(move || {
        let mut res = agent().get(&url).call().unwrap();
        assert_eq!(res.status(), 200, "{url}");
        res.body_mut().read_json::<Value>().unwrap()
    })
    .await
    .unwrap()
}

/// A POST to the API with a token taken by logging in: the status and JSON.
async fn api_post(base: &str, address: &str, password: &str, path: &str, body: Value) -> (u16, Value) {
    let (base, address, password, path) = (base.to_owned(), address.to_owned(), password.to_owned(), path.to_owned());
    tokio::task::spawn_blocking(move || {
        let agent = agent();
        let mut login = agent
            .post(format!("{base}/api/v1/auth/token"))
            .send_json(json!({"email": address, "password": password}))
            .unwrap();
        let token = login.body_mut().read_json::<Value>().unwrap()["token"].as_str().unwrap().to_owned();
        let mut res = agent
            .post(format!("{base}{path}"))
            .header("Authorization", format!("Bearer {token}"))
            .send_json(body)
            .unwrap();
        (res.status().as_u16(), res.body_mut().read_json::<Value>().unwrap_or(Value::Null))
    })
    .await
    .unwrap()
}

/// What the browser's IndexedDB holds for a key id: whether its private
/// key is extractable, its algorithm, and its public key.
async fn stored_key(client: &Client, id: &str) -> Value {
    client
        .execute_async(
            "const [id, done] = arguments;
             const open = indexedDB.open('accord-signing', 1);
             open.onerror = () => done({error: String(open.error)});
             open.onsuccess = () => {
               const get = open.result.transaction('keys').objectStore('keys').get(id);
               get.onsuccess = () => {
                 const k = get.result;
                 done(k ? {extractable: k.privateKey.extractable, algorithm: k.privateKey.algorithm.name,
                           type: k.privateKey.type, publicKey: k.publicKey} : null);
               };
             };",
            vec![json!(id)],
        )
        .await
        .unwrap()
}

/// BRA's head makes a key in Chromium, registers it, requires BRA's
/// signature, then tables a proposal, votes and supports from the pages:
/// each entry carries a signature that verifies with the registered key.
/// Another browser, without the key, is told why it cannot act.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_signs_its_actions_in_chromium() {
    let (dir, logins) = demo_forum();
    let password = password_of(&logins, "head.bra@");
    let server = Server::start(dir.path());
    let base = server.base.clone();
    let (_driver, driver_url) = chromedriver();
    let profile = tempfile::tempdir().unwrap();
    let client = chromium(&driver_url, profile.path()).await;

    // A key made in this browser: WebCrypto's Ed25519, not extractable.
    log_in(&client, &base, HEAD, &password, "/account").await;
    let create = client.wait().for_element(Locator::Css("[data-key-create]")).await.unwrap();
    assert!(create.is_displayed().await.unwrap(), "the script offers to make a key");
    create.click().await.unwrap();
    let made = wait_for_text(&client, "[data-key-out]", "was made in this browser").await;
    let id = client.find(Locator::Css("[data-key-out]")).await.unwrap().attr("data-created").await.unwrap().unwrap();
    let public = client.find(Locator::Id("k-public")).await.unwrap().prop("value").await.unwrap().unwrap();
    assert!(made.contains(&public), "{made}");
    let stored = stored_key(&client, &id).await;
    assert_eq!(stored, json!({"extractable": false, "algorithm": "Ed25519", "type": "private", "publicKey": public}));

    // The head registers it, then requires BRA's signature: the
    // declaration is signed by the browser's key.
    client.find(Locator::Id("k-label")).await.unwrap().send_keys("Chromium").await.unwrap();
    client.find(Locator::Css("form[data-key-register] button[type=submit]")).await.unwrap().click().await.unwrap();
    wait_for_text(&client, ".notice", "The signing key is registered").await;
    let keys = api_get(&base, "/api/v1/members/BRA/keys").await;
    let registered = keys.as_array().unwrap().iter().find(|k| k["key"] == id.as_str()).expect("the key is registered");
    assert_eq!(registered["public_key"], public.as_str());
    let since = registered["registered_entry"].as_u64().unwrap();
    client
        .find(Locator::Css("form[action='/members/BRA/signatures-required'] button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client.accept_alert().await.unwrap();
    wait_for_text(&client, ".notice", "every action in the member's name must be signed").await;
    wait_for_text(
        &client,
        "[data-signing-status]",
        &format!("this browser signs your actions for BRA with its key {id}"),
    )
    .await;

    // Tabling a proposal: the selected words are replaced.
    let eid = "chp_2__art_5__para_2";
    client.goto(&format!("{base}/processes/1/provisions/{eid}")).await.unwrap();
    client.wait().for_element(Locator::Css("[data-select-text]")).await.unwrap();
    client
        .execute(
            "const block = document.querySelector('[data-select-text]');
             const node = block.firstChild; const at = node.textContent.indexOf('the Charter');
             const range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + 3);
             const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
             block.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));",
            vec![],
        )
        .await
        .unwrap();
    let field = client.find(Locator::Id("text")).await.unwrap();
    field.clear().await.unwrap();
    field.send_keys("the founding").await.unwrap();
    client.find(Locator::Id("justification")).await.unwrap().send_keys("Signed in the browser.").await.unwrap();
    client.find(Locator::Css("form[data-propose-form] button[type=submit]")).await.unwrap().click().await.unwrap();
    wait_for_text(&client, ".notice", "Your proposal is tabled").await;
    let h1 = client.find(Locator::Css("h1")).await.unwrap().text().await.unwrap();
    let tabled: u64 = h1.split_whitespace().nth(1).unwrap().trim_start_matches("P-").parse().unwrap();

    // Voting on it in the open meeting: the chair opens the vote.
    let (status, vote) = api_post(
        &base,
        "chair@demo.accord.example",
        &password_of(&logins, "chair@"),
        "/api/v1/processes/1/votes",
        json!({"meeting": 1, "target": {"kind": "proposal", "id": tabled}}),
    )
    .await;
    assert_eq!(status, 201, "{vote}");
    let vote = vote["id"].as_u64().unwrap();
    client.goto(&format!("{base}/meetings/1")).await.unwrap();
    let ballot = format!("form[data-sign]:has(input[name=vote][value='{vote}'])");
    client
        .wait()
        .for_element(Locator::Css(&format!("{ballot} input[value=yes]")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client.find(Locator::Css(&format!("{ballot} button[type=submit]"))).await.unwrap().click().await.unwrap();
    wait_for_text(&client, ".notice", "Recorded").await;

    // Supporting another member's open proposal.
    let proposals = api_get(&base, "/api/v1/processes/1/proposals?status=tabled").await;
    let free = |p: &&Value| {
        p["proposer"] != "BRA"
            && !p["outdated"].as_bool().unwrap()
            && ["supporters", "objectors", "cosponsors"]
                .iter()
                .all(|k| !p[k].as_array().unwrap().contains(&json!("BRA")))
    };
    let mut others = proposals.as_array().unwrap().iter().filter(free);
    let supported = others.next().expect("an open proposal BRA has not taken a position on")["id"].as_u64().unwrap();
    let untouched = others.next().expect("a second one")["id"].as_u64().unwrap();
    client.goto(&format!("{base}/processes/1/proposals/{supported}")).await.unwrap();
    client.find(Locator::Css("form[action$='/support'] button")).await.unwrap().click().await.unwrap();
    wait_for_text(&client, ".notice", "Your support is recorded").await;

    // Every entry in BRA's name since the key was registered: the
    // declaration, the proposal, the ballot and the support, each signed by
    // the browser's key over exactly what the record holds.
    let origin = api_get(&base, "/api/v1/log").await["origin"].as_str().unwrap().to_owned();
    let entries = api_get(&base, &format!("/api/v1/record?after={since}&limit=1000")).await;
    let mut kinds = Vec::new();
    for e in entries.as_array().unwrap().iter().filter(|e| e["actor"]["member"] == "BRA") {
        let detail = api_get(&base, &format!("/api/v1/record/{}", e["index"])).await;
        let entry = Entry::decode(detail["canonical"].as_str().unwrap().as_bytes()).unwrap();
        let sig = entry.signature.as_ref().unwrap_or_else(|| panic!("entry {} is unsigned", entry.index));
        assert_eq!(sig.key, id);
        let message = signed_message(&origin, &entry.actor, &entry.body, &sig.nonce);
        verify(&public, &message, &sig.sig).unwrap_or_else(|r| panic!("entry {}: {}", entry.index, r.message));
        kinds.push(entry.body.kind().to_owned());
    }
    assert_eq!(kinds, ["member.signatures_required", "proposal.tabled", "vote.cast", "proposal.supported"]);
    client.close().await.unwrap();

    // Another browser holds no key of BRA: the page says why it cannot act,
    // and acting is refused with the reason.
    let other_profile = tempfile::tempdir().unwrap();
    let other = chromium(&driver_url, other_profile.path()).await;
    log_in(&other, &base, HEAD, &password, &format!("/processes/1/proposals/{untouched}")).await;
    let notice = wait_for_text(&other, "[data-signing-status]", "This browser has no signing key of BRA").await;
    assert!(notice.contains("create a key in this browser on your account page"), "{notice}");
    let before = api_get(&base, &format!("/api/v1/record?after={since}&limit=1000")).await.as_array().unwrap().len();
    other.find(Locator::Css("form[action$='/support'] button")).await.unwrap().click().await.unwrap();
    let refusal = wait_for_text(&other, "[role=alert]", "this form came unsigned").await;
    assert!(refusal.contains("accord submit"), "{refusal}");
    let after = api_get(&base, &format!("/api/v1/record?after={since}&limit=1000")).await.as_array().unwrap().len();
    assert_eq!(before, after, "nothing was recorded");
    other.close().await.unwrap();
}
