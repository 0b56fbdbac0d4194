//! Witnesses: members run `accord witness`; the forum sends them each
//! checkpoint; a verifier that requires their cosignatures catches a log
//! that shows different histories to different parties.

use std::path::Path;
use std::time::Duration;

use accord_log::checkpoint::Cosigner;
use serde_json::{json, Value};

use crate::helpers::*;

pub(crate) fn start_witness(dir: &Path, name: &str, log_key: &str) -> (Server, String) {
    let key_file = dir.join(format!("{name}.key"));
    let args: Vec<String> = [
        "witness",
        "--listen",
        "127.0.0.1:0",
        "--key",
        key_file.to_str().unwrap(),
        "--name",
        &format!("witness.test/{name}"),
        "--log",
        log_key,
        "--state",
        dir.join(format!("{name}-state.json")).to_str().unwrap(),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let server = Server::spawn(&args, "listening at http://");
    let vkey = Cosigner::from_key(&std::fs::read_to_string(&key_file).unwrap()).unwrap().verifier_key();
    (server, vkey)
}

fn log_key(dir: &Path) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["log", "key", "--data-dir", dir.to_str().unwrap()])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

fn token(base: &str) -> String {
    let mut login = agent()
        .post(format!("{base}/api/v1/auth/token"))
        .send_json(json!({"email": email("sec"), "password": PASSWORD}))
        .unwrap();
    login.body_mut().read_json::<Value>().unwrap()["token"].as_str().unwrap().to_owned()
}

fn admit(base: &str, token: &str, codes: &[&str]) {
    for code in codes {
        let res = agent()
            .post(format!("{base}/api/v1/members"))
            .header("Authorization", format!("Bearer {token}"))
            .send_json(json!({"code": code, "kind": "organisation", "name": "Org", "category": "ngo"}))
            .unwrap();
        assert_eq!(res.status(), 201);
    }
}

/// Waits until the served checkpoint covers the record and carries
/// `cosignatures` witness signatures; answers the note.
pub(crate) fn settled_checkpoint(base: &str, cosignatures: usize) -> String {
    for _ in 0..150 {
        let mut res = agent().get(format!("{base}/api/v1/forum")).call().unwrap();
        let size = res.body_mut().read_json::<Value>().unwrap()["record_size"].as_u64().unwrap();
        let mut res = agent().get(format!("{base}/log/checkpoint")).call().unwrap();
        if res.status() == 200 {
            let note = res.body_mut().read_to_string().unwrap();
            let lines: Vec<&str> = note.lines().collect();
            if lines.get(1) == Some(&size.to_string().as_str()) && note.matches("\n— ").count() == 1 + cosignatures {
                return note;
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("the checkpoint of {base} did not settle with {cosignatures} cosignatures");
}

fn verify(base: &str, key: &str, witnesses: &[&str], quorum: usize, state: &Path) -> (bool, String) {
    let mut args = vec!["verify".to_owned(), "--url".into(), base.into(), "--key".into(), key.into()];
    for w in witnesses {
        args.extend(["--witness".to_owned(), w.to_string()]);
    }
    args.extend(["--quorum".to_owned(), quorum.to_string(), "--state".into(), state.to_str().unwrap().into()]);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_accord")).args(&args).output().unwrap();
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn witnesses_cosign_and_catch_a_fork() {
    if crate::helpers::sqlite_only("forks the record by copying the data directory's SQLite file") {
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let a_dir = work.path().join("a");
    init_forum_cli(&a_dir);
    let key = log_key(&a_dir);
    let (w1, w1_key) = start_witness(work.path(), "w1", &key);
    let (w2, w2_key) = start_witness(work.path(), "w2", &key);

    let fast = ["--checkpoint-interval", "0.2"];
    let mut a = Server::start_with(&a_dir, &[&fast[..], &["--witness", &w1.base, "--witness", &w2.base]].concat());
    let t = token(&a.base);
    admit(&a.base, &t, &["ONE", "TWO", "THREE"]);
    settled_checkpoint(&a.base, 2);
    let state = work.path().join("verify.json");
    let (ok, out) = verify(&a.base, &key, &[&w1_key, &w2_key], 2, &state);
    assert!(ok, "{out}");
    assert!(out.contains("witnesses: 2 cosigned (witness.test/w1, witness.test/w2), quorum 2"), "{out}");

    // The host forks its log: a copy of the record goes its own way and is
    // shown to the second witness, while the first sees the original.
    a.kill();
    let b_dir = work.path().join("b");
    std::fs::create_dir_all(&b_dir).unwrap();
    for f in std::fs::read_dir(&a_dir).unwrap() {
        let f = f.unwrap();
        if f.file_name() != "accord.lock" {
            std::fs::copy(f.path(), b_dir.join(f.file_name())).unwrap();
        }
    }
    let a = Server::start_with(&a_dir, &[&fast[..], &["--witness", &w1.base]].concat());
    let b = Server::start_with(&b_dir, &[&fast[..], &["--witness", &w2.base]].concat());
    admit(&a.base, &token(&a.base), &["ALPHA"]);
    admit(&b.base, &token(&b.base), &["BETA"]);
    let note_a = settled_checkpoint(&a.base, 1);
    let note_b = settled_checkpoint(&b.base, 1);
    assert_eq!(note_a.lines().nth(1), note_b.lines().nth(1), "two checkpoints of the same size");
    assert_ne!(note_a.lines().nth(2), note_b.lines().nth(2), "with different roots");

    // A verifier requiring both witnesses refuses either side of the fork.
    let (ok, out) = verify(&a.base, &key, &[&w1_key, &w2_key], 2, &work.path().join("va.json"));
    assert!(!ok && out.contains("1 of the required 2 cosigned this checkpoint (missing: witness.test/w2)"), "{out}");
    let (ok, out) = verify(&b.base, &key, &[&w1_key, &w2_key], 2, &work.path().join("vb.json"));
    assert!(!ok && out.contains("missing: witness.test/w1"), "{out}");

    // And a witness shown the other side says what it found.
    let size: u64 = note_b.lines().nth(1).unwrap().parse().unwrap();
    let body_of = |note: &str| {
        let signed_part = note.split("\n\n").next().unwrap();
        let sig = note.lines().find(|l| l.starts_with("— accord.local/")).unwrap();
        format!("old {size}\n\n{signed_part}\n\n{sig}\n")
    };
    let mut res = agent().post(format!("{}/add-checkpoint", w1.base)).send(body_of(&note_b).as_bytes()).unwrap();
    assert_eq!(res.status(), 409);
    assert!(res.body_mut().read_to_string().unwrap().contains("the log forked"));
    // A stale old size gets the witness's size back.
    let stale = body_of(&note_a).replacen(&format!("old {size}"), "old 1", 1);
    let mut res = agent().post(format!("{}/add-checkpoint", w1.base)).send(stale.as_bytes()).unwrap();
    assert_eq!(res.status(), 409);
    assert_eq!(res.headers()["content-type"], "text/x.tlog.size");
    assert_eq!(res.body_mut().read_to_string().unwrap().trim(), size.to_string());
    // A checkpoint signed by another key is refused.
    let stranger = accord_log::checkpoint::LogSigner::from_key(
        &accord_log::checkpoint::LogSigner::generate("accord.local/crash-test-forum").unwrap(),
    )
    .unwrap();
    let forged = stranger.sign(size, &accord_log::leaf_hash(b"x"));
    let forged = format!("old {size}\n\n{forged}");
    let res = agent().post(format!("{}/add-checkpoint", w1.base)).send(forged.as_bytes()).unwrap();
    assert_eq!(res.status(), 403);
    drop((b, w1, w2));
}

/// Accepts connections and never answers them: a witness that hangs.
fn hanging_witness() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming() {
            held.push(stream);
        }
    });
    base
}

#[test]
fn a_witness_that_never_answers_delays_no_checkpoint_and_refusals_are_published() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("forum");
    init_forum_cli(&dir);
    let hanging = hanging_witness();
    // A witness that knows this log's name with another key refuses (403).
    let stranger = accord_log::checkpoint::LogSigner::from_key(
        &accord_log::checkpoint::LogSigner::generate("accord.local/crash-test-forum").unwrap(),
    )
    .unwrap();
    let (refusing, _) = start_witness(work.path(), "refusing", stranger.verifier_key());
    let interval = Duration::from_millis(500);
    let server =
        Server::start_with(&dir, &["--checkpoint-interval", "0.5", "--witness", &hanging, "--witness", &refusing.base]);
    let t = token(&server.base);

    // Each action's receipt comes within the interval's wait (three
    // intervals and half a second), though a witness hangs for 5 s on
    // every checkpoint it is sent.
    for n in 0..4 {
        let mut res = agent()
            .post(format!("{}/api/v1/members", server.base))
            .header("Authorization", format!("Bearer {t}"))
            .send_json(json!({"code": format!("HANG{n}"), "kind": "organisation", "name": "Org", "category": "ngo"}))
            .unwrap();
        assert_eq!(res.status(), 201);
        let answer: Value = res.body_mut().read_json().unwrap();
        let started = std::time::Instant::now();
        let url = format!("{}{}?wait=true", server.base, answer["entry"]["receipt"].as_str().unwrap());
        let mut res = agent().get(&url).call().unwrap();
        let body = res.body_mut().read_to_string().unwrap();
        assert_eq!(res.status(), 200, "round {n}: {body}");
        assert!(started.elapsed() < interval * 3 + Duration::from_millis(500), "round {n}: {:?}", started.elapsed());
    }

    // What each witness answered is published, not only logged.
    let mut statuses = Value::Null;
    for _ in 0..120 {
        let mut res = agent().get(format!("{}/api/v1/log", server.base)).call().unwrap();
        statuses = res.body_mut().read_json::<Value>().unwrap()["witnesses"].clone();
        let of = |url: &str| statuses.as_array().unwrap().iter().find(|w| w["url"] == url).cloned();
        if of(&hanging).is_some_and(|w| w["status"] == "unreachable")
            && of(&refusing.base).is_some_and(|w| w["status"] == "refused")
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let of = |url: &str| statuses.as_array().unwrap().iter().find(|w| w["url"] == url).cloned().unwrap();
    assert_eq!(of(&hanging)["status"], "unreachable", "{statuses}");
    assert!(of(&hanging)["message"].as_str().unwrap().contains("imeout"), "{statuses}");
    assert_eq!(of(&refusing.base)["status"], "refused", "{statuses}");
    assert_eq!(of(&refusing.base)["http_status"], 403, "{statuses}");
    // A new checkpoint on its way to the hanging witness does not hide its last answer.
    let res = agent()
        .post(format!("{}/api/v1/members", server.base))
        .header("Authorization", format!("Bearer {t}"))
        .send_json(json!({"code": "HANGLAST", "kind": "organisation", "name": "Org", "category": "ngo"}))
        .unwrap();
    assert_eq!(res.status(), 201);
    let mut hanging_status = Value::Null;
    for _ in 0..40 {
        let mut res = agent().get(format!("{}/api/v1/log", server.base)).call().unwrap();
        let info = res.body_mut().read_json::<Value>().unwrap();
        hanging_status = info["witnesses"].as_array().unwrap().iter().find(|w| w["url"] == hanging).cloned().unwrap();
        if hanging_status["sending"] == info["size"] {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(hanging_status["status"], "unreachable", "{hanging_status}");
    assert!(hanging_status["sending"].as_u64().unwrap() > hanging_status["size"].as_u64().unwrap(), "{hanging_status}");

    let mut res = agent().get(format!("{}/record", server.base)).call().unwrap();
    let page = res.body_mut().read_to_string().unwrap();
    assert!(page.contains(&refusing.base) && page.contains("(HTTP 403)"), "{page}");
    assert!(page.contains(&hanging) && page.contains(">unreachable<"), "{page}");
}

#[test]
fn a_witness_refuses_an_inconsistent_proof_over_http() {
    let work = tempfile::tempdir().unwrap();
    let log = accord_log::checkpoint::LogSigner::from_key(
        &accord_log::checkpoint::LogSigner::generate("accord.test/proofs").unwrap(),
    )
    .unwrap();
    let (witness, _) = start_witness(work.path(), "w", log.verifier_key());
    let mut tree = accord_log::MerkleTree::new();
    let mut other = accord_log::MerkleTree::new();
    for n in 0..5u8 {
        tree.append(&[n]);
        other.append(&[n + 100]);
    }
    let post = |body: String| {
        let mut res = agent().post(format!("{}/add-checkpoint", witness.base)).send(body.as_bytes()).unwrap();
        (res.status().as_u16(), res.body_mut().read_to_string().unwrap())
    };
    let note2 = log.sign(2, &tree.root_at(2).unwrap());
    let (status, body) = post(accord_log::witness::add_checkpoint_body(0, &[], &note2));
    assert_eq!(status, 200, "{body}");
    assert!(body.starts_with("— witness.test/w "), "{body}");

    // From 2 to 5 with the proof of another tree: 422, and nothing stored.
    let note5 = log.sign(5, &tree.root());
    let wrong = other.consistency_proof(2, 5).unwrap();
    let (status, body) = post(accord_log::witness::add_checkpoint_body(2, &wrong, &note5));
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("the checkpoint of size 5 is not consistent with the size 2 cosigned before"), "{body}");
    // The right proof is still accepted from 2: the refusal stored nothing.
    let right = tree.consistency_proof(2, 5).unwrap();
    let (status, body) = post(accord_log::witness::add_checkpoint_body(2, &right, &note5));
    assert_eq!(status, 200, "{body}");
}

/// A witness puts its clock's time in its cosignatures (POSIX seconds).
#[tokio::test]
async fn a_cosignature_carries_the_witness_clock_time() {
    use tower::ServiceExt;
    let work = tempfile::tempdir().unwrap();
    let log = accord_log::checkpoint::LogSigner::from_key(
        &accord_log::checkpoint::LogSigner::generate("accord.test/clock").unwrap(),
    )
    .unwrap();
    let cosigner = Cosigner::from_key(&Cosigner::generate("witness.test/clock").unwrap()).unwrap();
    let logs = vec![log.verifier_key().to_owned()];
    let witness = accord_log::witness::Witness::new(cosigner, &logs).unwrap();
    let clock = manual_clock();
    clock.advance(Duration::from_millis(2_999));
    let service = accord_server::witness::WitnessService::new(witness, logs, work.path().join("state.json")).unwrap();
    let service = service.with_clock(clock.clone());
    let verifier = accord_log::checkpoint::CosignatureVerifier::new(service.verifier_key()).unwrap();
    let mut tree = accord_log::MerkleTree::new();
    tree.append(b"entry");
    let note = log.sign(1, &tree.root());
    let req = axum::http::Request::post("/add-checkpoint")
        .body(axum::body::Body::from(accord_log::witness::add_checkpoint_body(0, &[], &note)))
        .unwrap();
    let res = service.router().oneshot(req).await.unwrap();
    assert_eq!(res.status(), 200);
    let line = http_body_util::BodyExt::collect(res.into_body()).await.unwrap().to_bytes();
    let cosigned = accord_log::checkpoint::add_signature_lines(&note, &[String::from_utf8(line.to_vec()).unwrap()]);
    assert_eq!(verifier.cosigned_at(cosigned.as_bytes()), Some((CLOCK_START as u64 + 2_999) / 1000));
}
