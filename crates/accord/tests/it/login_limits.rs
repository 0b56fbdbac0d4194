//! Failed log-ins slow guessing down without locking anyone out: growing
//! delays per account, per account and address and per address; a known
//! browser is not delayed by others' failures; a password set by the
//! secretariat or the owner clears the account's delays; resets and
//! changes end sessions and revoke tokens; the counters are bounded.
//! The limiter's clock is a manual one that the tests move, so no test
//! sleeps or measures time.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::process::Command;
use std::time::Duration;

use accord_server::limits::{Clock, LoginPolicy};
use accord_server::Config;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};

use crate::helpers::*;

fn forum_with(clock: &Clock, login: LoginPolicy) -> TestForum {
    TestForum::with_config(Config { clock: clock.clone(), login, ..Default::default() })
}

/// An answer: status, `Retry-After`, cookies set, `Location`, body.
struct Answer {
    status: StatusCode,
    retry_after: Option<u64>,
    set_cookies: Vec<String>,
    location: Option<String>,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }
}

async fn send(forum: &TestForum, mut req: Request<Body>, from: [u8; 4]) -> Answer {
    req.extensions_mut().insert(ConnectInfo(SocketAddr::from((from, 40000))));
    let res = forum.response(req).await;
    let status = res.status();
    let retry_after = res.headers().get(header::RETRY_AFTER).map(|v| v.to_str().unwrap().parse().unwrap());
    let set_cookies =
        res.headers().get_all(header::SET_COOKIE).iter().map(|v| v.to_str().unwrap().to_owned()).collect();
    let location = res.headers().get(header::LOCATION).map(|v| v.to_str().unwrap().to_owned());
    let body = String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
    Answer { status, retry_after, set_cookies, location, body }
}

/// A log-in through the API (no browser, so never a known one).
async fn api_log_in(forum: &TestForum, who: &str, password: &str, from: [u8; 4]) -> Answer {
    let body = json!({"email": email(who), "password": password});
    let req = Request::post("/api/v1/auth/token")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    send(forum, req, from).await
}

/// A browser: its cookies, and the address it is at.
struct Browser<'a> {
    forum: &'a TestForum,
    cookies: BTreeMap<String, String>,
    at: [u8; 4],
}

impl<'a> Browser<'a> {
    fn new(forum: &'a TestForum, at: [u8; 4]) -> Self {
        Browser { forum, cookies: BTreeMap::new(), at }
    }

    async fn send(&mut self, method: Method, path: &str, form: Option<&[(&str, &str)]>) -> Answer {
        let mut req = Request::builder().method(method).uri(path).header(header::HOST, "accord.test");
        if !self.cookies.is_empty() {
            let jar = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
            req = req.header(header::COOKIE, jar);
        }
        let req = match form {
            Some(f) => {
                let body = f.iter().map(|(k, v)| format!("{k}={}", url_encode(v))).collect::<Vec<_>>().join("&");
                req.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .header(header::ORIGIN, "http://accord.test")
                    .body(Body::from(body))
                    .unwrap()
            }
            None => req.body(Body::empty()).unwrap(),
        };
        let answer = send(self.forum, req, self.at).await;
        for set in &answer.set_cookies {
            let (name, value) = set.split(';').next().unwrap().split_once('=').unwrap();
            if value.is_empty() {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
        answer
    }

    async fn log_in(&mut self, who: &str, password: &str) -> Answer {
        self.send(Method::POST, "/login", Some(&[("email", &email(who)), ("password", password), ("next", "/")])).await
    }

    /// The CSRF token of the account page (logged in) or `None`.
    async fn csrf(&mut self) -> Option<String> {
        let page = self.send(Method::GET, "/account", None).await;
        if page.status != StatusCode::OK {
            return None;
        }
        let at = page.body.find("name=\"csrf\" value=\"")?;
        let rest = &page.body[at + 19..];
        Some(rest[..rest.find('"')?].to_owned())
    }
}

fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A stranger's wrong passwords for `who`, one from each address, waiting
/// (on the manual clock) whenever told to: answers how many passwords were
/// checked and how many attempts were told to wait.
async fn guess(forum: &TestForum, clock: &Clock, who: &str, addresses: &[[u8; 4]]) -> (usize, usize) {
    let (mut checked, mut told_to_wait) = (0, 0);
    for at in addresses {
        loop {
            let a = api_log_in(forum, who, "wrong password!", *at).await;
            if a.status == StatusCode::TOO_MANY_REQUESTS {
                told_to_wait += 1;
                let wait = a.retry_after.expect("a 429 says how long to wait");
                assert!((1..=15 * 60).contains(&wait), "waits are between 1 s and 15 min: {wait}");
                clock.advance(Duration::from_secs(wait));
                continue;
            }
            assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{}", a.body);
            checked += 1;
            break;
        }
    }
    (checked, told_to_wait)
}

const DELEGATES_ADDRESS: [u8; 4] = [192, 0, 2, 10];

#[tokio::test]
async fn a_strangers_guesses_do_not_keep_a_delegate_out_of_their_known_browser() {
    let clock = crate::helpers::manual_clock();
    let forum = forum_with(&clock, LoginPolicy::default());
    // The delegate logged in from this browser before: it is known.
    let mut browser = Browser::new(&forum, DELEGATES_ADDRESS);
    let first = browser.log_in("bra_del", PASSWORD).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let known = first.set_cookies.iter().find(|c| c.starts_with("accord_known_")).expect("a known-browser cookie");
    assert!(known.contains("HttpOnly") && known.contains("SameSite=Lax") && known.contains("Path=/login"), "{known}");
    assert!(!known.contains("bra_del@"), "the cookie holds no e-mail address: {known}");
    let logout_csrf = browser.csrf().await.unwrap();
    browser.send(Method::POST, "/logout", Some(&[("csrf", &logout_csrf)])).await;
    assert!(browser.cookies.keys().any(|k| k.starts_with("accord_known_")), "logging out keeps the browser known");

    // A stranger sends 60 wrong passwords from many addresses, a third of
    // them from the delegate's own network (a shared conference address).
    let addresses: Vec<[u8; 4]> =
        (0..60u8).map(|i| if i % 3 == 0 { DELEGATES_ADDRESS } else { [198, 51, 100, i] }).collect();
    let (checked, told_to_wait) = guess(&forum, &clock, "bra_del", &addresses).await;
    assert_eq!(checked, 60);
    assert!(told_to_wait >= 40, "guessing beyond the free failures waits each time: {told_to_wait}");

    // Right now the account makes others wait, even with the right password…
    let fresh = api_log_in(&forum, "bra_del", PASSWORD, [203, 0, 113, 5]).await;
    assert_eq!(fresh.status, StatusCode::TOO_MANY_REQUESTS, "{}", fresh.body);
    assert_eq!(fresh.json()["error"], "too_many_attempts");
    let wait = fresh.retry_after.unwrap();
    assert!(fresh.json()["message"].as_str().unwrap().contains("try again in"), "{}", fresh.body);
    // …and so does the delegate's address for a browser that is not known.
    let mut other = Browser::new(&forum, DELEGATES_ADDRESS);
    assert_eq!(other.log_in("bra_del", PASSWORD).await.status, StatusCode::TOO_MANY_REQUESTS);
    let page = other.log_in("bra_del", PASSWORD).await;
    assert!(page.body.contains("try again in"), "the log-in page says when: {}", page.body);
    assert!(page.retry_after.is_some_and(|s| s >= 1));

    // The delegate, in their known browser, gets in at once (the clock has
    // not moved), from that same address.
    let again = browser.log_in("bra_del", PASSWORD).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    assert_eq!(browser.send(Method::GET, "/account", None).await.status, StatusCode::OK);
    // Mistyping there is counted for that browser alone: it is not delayed
    // by the account's counter.
    let mut mine = Browser::new(&forum, DELEGATES_ADDRESS);
    mine.cookies = browser.cookies.clone();
    mine.cookies.remove("accord_session");
    for _ in 0..4 {
        assert_eq!(mine.log_in("bra_del", "a typo in it").await.status, StatusCode::UNAUTHORIZED);
    }
    let slow = mine.log_in("bra_del", PASSWORD).await;
    assert_eq!((slow.status, slow.retry_after), (StatusCode::TOO_MANY_REQUESTS, Some(1)));
    assert!(slow.body.contains("from this browser"), "{}", slow.body);
    clock.advance(Duration::from_secs(1));
    assert_eq!(mine.log_in("bra_del", PASSWORD).await.status, StatusCode::SEE_OTHER);
    // A cookie for another account, or a forged one, does not help.
    let mut forged = Browser::new(&forum, [203, 0, 113, 6]);
    for (k, v) in &browser.cookies {
        if k.starts_with("accord_known_") {
            forged.cookies.insert(k.clone(), v.replacen('.', "x.", 1));
        }
    }
    assert_eq!(forged.log_in("bra_del", PASSWORD).await.status, StatusCode::TOO_MANY_REQUESTS);
    // The account's delay ends: everyone gets in again.
    clock.advance(Duration::from_secs(wait));
    assert_eq!(api_log_in(&forum, "bra_del", PASSWORD, [203, 0, 113, 5]).await.status, StatusCode::CREATED);
}

#[tokio::test]
async fn guessing_waits_longer_after_each_failure() {
    let clock = crate::helpers::manual_clock();
    let forum = forum_with(&clock, LoginPolicy::default());
    let here = [192, 0, 2, 20];
    // Three failures of one account from one address are free.
    for _ in 0..3 {
        assert_eq!(api_log_in(&forum, "chair", "wrong password!", here).await.status, StatusCode::UNAUTHORIZED);
    }
    // The fourth is checked, and makes the next attempt wait 1 s…
    assert_eq!(api_log_in(&forum, "chair", "wrong password!", here).await.status, StatusCode::UNAUTHORIZED);
    let wait = api_log_in(&forum, "chair", PASSWORD, here).await;
    assert_eq!((wait.status, wait.retry_after), (StatusCode::TOO_MANY_REQUESTS, Some(1)), "{}", wait.body);
    assert_eq!(wait.json()["error"], "too_many_attempts");
    assert!(wait.json()["message"].as_str().unwrap().contains("try again in 1 second"), "{}", wait.body);
    // …then 2 s, 4 s: each failure doubles the wait.
    clock.advance(Duration::from_secs(1));
    assert_eq!(api_log_in(&forum, "chair", "wrong password!", here).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(api_log_in(&forum, "chair", PASSWORD, here).await.retry_after, Some(2));
    clock.advance(Duration::from_secs(2));
    assert_eq!(api_log_in(&forum, "chair", "wrong password!", here).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(api_log_in(&forum, "chair", PASSWORD, here).await.retry_after, Some(4));
    // Meanwhile other accounts from this address, and the chair from
    // another, are not delayed.
    assert_eq!(api_log_in(&forum, "sec", PASSWORD, here).await.status, StatusCode::CREATED);
    assert_eq!(api_log_in(&forum, "chair", PASSWORD, [192, 0, 2, 21]).await.status, StatusCode::CREATED);
    // Once the wait is over the right password gets in, and the count
    // from this address starts afresh.
    clock.advance(Duration::from_secs(4));
    assert_eq!(api_log_in(&forum, "chair", PASSWORD, here).await.status, StatusCode::CREATED);
    for _ in 0..3 {
        assert_eq!(api_log_in(&forum, "chair", "wrong password!", here).await.status, StatusCode::UNAUTHORIZED);
    }
    // The delays are capped: a long run of guesses never waits more than
    // 15 minutes, and is never a lock.
    let (checked, _) = guess(&forum, &clock, "ken_head", &[[192, 0, 2, 22]; 25]).await;
    assert_eq!(checked, 25);
    let capped = api_log_in(&forum, "ken_head", PASSWORD, [192, 0, 2, 22]).await;
    assert_eq!(capped.retry_after, Some(15 * 60));
    clock.advance(Duration::from_secs(15 * 60));
    assert_eq!(api_log_in(&forum, "ken_head", PASSWORD, [192, 0, 2, 22]).await.status, StatusCode::CREATED);
}

#[tokio::test]
async fn failures_from_one_address_delay_that_address_not_known_browsers() {
    let clock = crate::helpers::manual_clock();
    let forum = forum_with(&clock, LoginPolicy::default());
    let venue = [192, 0, 2, 30];
    let mut secretariat = Browser::new(&forum, venue);
    assert_eq!(secretariat.log_in("sec", PASSWORD).await.status, StatusCode::SEE_OTHER);
    secretariat.cookies.remove("accord_session");
    // 21 failures over many made-up accounts from the venue's address.
    for i in 0..21 {
        let a = api_log_in(&forum, &format!("nobody{i}"), "wrong password!", venue).await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    }
    let refused = api_log_in(&forum, "sec", PASSWORD, venue).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.json()["message"].as_str().unwrap().contains("network address"), "{}", refused.body);
    // From elsewhere, and from a known browser at the venue, no wait.
    assert_eq!(api_log_in(&forum, "sec", PASSWORD, [192, 0, 2, 31]).await.status, StatusCode::CREATED);
    assert_eq!(secretariat.log_in("sec", PASSWORD).await.status, StatusCode::SEE_OTHER);
}

/// The delegate id of a token's owner.
async fn whoami(forum: &TestForum, token: &str) -> String {
    let (status, me) = forum.call(Method::GET, "/api/v1/me", Some(token), None).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    me["id"].as_str().unwrap().to_owned()
}

async fn token_works(forum: &TestForum, token: &str) -> bool {
    forum.call(Method::GET, "/api/v1/me", Some(token), None).await.0 == StatusCode::OK
}

#[tokio::test]
async fn a_reset_by_the_secretariat_clears_the_delays_and_revokes_tokens_and_sessions() {
    let clock = crate::helpers::manual_clock();
    let forum = forum_with(&clock, LoginPolicy::default());
    let sec = forum.token("sec").await;
    let token = forum.token("ken_head").await;
    let id = whoami(&forum, &token).await;
    let mut browser = Browser::new(&forum, [192, 0, 2, 40]);
    assert_eq!(browser.log_in("ken_head", PASSWORD).await.status, StatusCode::SEE_OTHER);
    // A stranger's guesses make everyone but that browser wait.
    let strangers: Vec<[u8; 4]> = (0..12u8).map(|i| [198, 51, 100, i]).collect();
    guess(&forum, &clock, "ken_head", &strangers).await;
    let delayed = api_log_in(&forum, "ken_head", PASSWORD, [203, 0, 113, 40]).await;
    assert_eq!(delayed.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(delayed.json()["message"].as_str().unwrap().contains("secretariat resets the password"));

    // The secretariat resets the password (the API; the pages call the same).
    let (status, reset) = forum.post(&format!("/api/v1/delegates/{id}/password-reset"), &sec, json!({})).await;
    assert_eq!(status, StatusCode::OK, "{reset}");
    let initial = reset["initial_password"].as_str().unwrap().to_owned();
    assert!(!token_works(&forum, &token).await, "the reset revokes the account's tokens");
    assert_eq!(browser.send(Method::GET, "/account", None).await.status, StatusCode::SEE_OTHER, "and its sessions");
    // The delays are gone: the initial password is checked at once (it
    // works only to choose a new one).
    let fresh = api_log_in(&forum, "ken_head", &initial, [203, 0, 113, 40]).await;
    assert_eq!(fresh.json()["error"], "password_change_required", "{}", fresh.body);
    let change = json!({"email": email("ken_head"), "password": initial, "new_password": "a password of their own"});
    let (status, body) = forum.call(Method::POST, "/api/v1/auth/password", None, Some(change)).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");

    // The same from the console, while the server runs.
    let token = {
        let a = api_log_in(&forum, "ken_head", "a password of their own", [203, 0, 113, 41]).await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
        a.json()["token"].as_str().unwrap().to_owned()
    };
    let strangers: Vec<[u8; 4]> = (20..32u8).map(|i| [198, 51, 100, i]).collect();
    guess(&forum, &clock, "ken_head", &strangers).await;
    assert_eq!(
        api_log_in(&forum, "ken_head", "a password of their own", [203, 0, 113, 42]).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    let out = Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["admin", "reset-password", "--email", &email("ken_head"), "--data-dir"])
        .arg(forum.dir.path())
        .env("ACCORD_PASSWORD", "the password from the console")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("API tokens revoked") && said.contains("delays"), "{said}");
    assert!(!token_works(&forum, &token).await, "the console's reset revokes the tokens too");
    let a = api_log_in(&forum, "ken_head", "the password from the console", [203, 0, 113, 42]).await;
    assert_eq!(a.status, StatusCode::CREATED, "what the console said is true: {}", a.body);
}

#[tokio::test]
async fn changing_ones_password_ends_other_sessions_and_offers_to_revoke_tokens() {
    let clock = crate::helpers::manual_clock();
    let forum = forum_with(&clock, LoginPolicy::default());
    let token = forum.token("bra_head").await;
    let mut here = Browser::new(&forum, [192, 0, 2, 50]);
    let mut there = Browser::new(&forum, [192, 0, 2, 51]);
    assert_eq!(here.log_in("bra_head", PASSWORD).await.status, StatusCode::SEE_OTHER);
    assert_eq!(there.log_in("bra_head", PASSWORD).await.status, StatusCode::SEE_OTHER);
    let page = here.send(Method::GET, "/account", None).await;
    assert!(page.body.contains("name=\"revoke_tokens\""), "the form offers to revoke the tokens");
    let csrf = here.csrf().await.unwrap();
    let new = "a new password for BRA";
    let changed = here
        .send(
            Method::POST,
            "/account/password",
            Some(&[("csrf", &csrf), ("current", PASSWORD), ("new", new), ("confirm", new)]),
        )
        .await;
    assert_eq!(changed.location.as_deref(), Some("/account?notice=password"), "{}", changed.body);
    assert!(here
        .send(Method::GET, "/account?notice=password", None)
        .await
        .body
        .contains("other browsers are logged out"));
    assert_eq!(
        there.send(Method::GET, "/account", None).await.status,
        StatusCode::SEE_OTHER,
        "the other session ended"
    );
    assert!(token_works(&forum, &token).await, "tokens stay unless the box is ticked");
    // With the box ticked, the tokens are revoked too.
    let csrf = here.csrf().await.unwrap();
    let newer = "another new password for BRA";
    let changed = here
        .send(
            Method::POST,
            "/account/password",
            Some(&[("csrf", &csrf), ("current", new), ("new", newer), ("confirm", newer), ("revoke_tokens", "on")]),
        )
        .await;
    assert_eq!(changed.location.as_deref(), Some("/account?notice=password_tokens"));
    assert!(!token_works(&forum, &token).await);
    assert_eq!(here.send(Method::GET, "/account", None).await.status, StatusCode::OK, "this browser stays in");
    // Through the API: `revoke_tokens`.
    let token =
        api_log_in(&forum, "bra_head", newer, [192, 0, 2, 52]).await.json()["token"].as_str().unwrap().to_owned();
    let change = json!({"email": email("bra_head"), "password": newer, "new_password": "yet another password", "revoke_tokens": true});
    let (status, body) = forum.call(Method::POST, "/api/v1/auth/password", None, Some(change)).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    assert!(!token_works(&forum, &token).await);
    assert_eq!(here.send(Method::GET, "/account", None).await.status, StatusCode::SEE_OTHER, "sessions end too");
}

#[tokio::test]
async fn the_counters_are_bounded_and_keep_the_most_severe() {
    let clock = crate::helpers::manual_clock();
    let forum = forum_with(&clock, LoginPolicy { capacity: 40, ..LoginPolicy::default() });
    // An account under a real attack: 15 failures from as many addresses.
    let strangers: Vec<[u8; 4]> = (0..15u8).map(|i| [198, 51, 100, i]).collect();
    guess(&forum, &clock, "chair", &strangers).await;
    assert!(forum.state.limiter.tracked() <= 40);
    // Then a flood of made-up accounts from made-up addresses: each adds
    // three counters; the map never holds more than its capacity.
    for i in 0..400u32 {
        let from = [10, (i >> 16) as u8, (i >> 8) as u8, i as u8];
        let long = format!("{}{i}", "x".repeat(2000));
        let a = api_log_in(&forum, &long, "wrong password!", from).await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED);
        assert!(forum.state.limiter.tracked() <= 40, "{} counters after {i}", forum.state.limiter.tracked());
    }
    // The attacked account's counter was not the one dropped.
    let a = api_log_in(&forum, "chair", PASSWORD, [203, 0, 113, 60]).await;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS, "{}", a.body);
}
