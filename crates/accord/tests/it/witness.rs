//! Witnesses: members run `accord witness`; the forum sends them each
//! checkpoint; a verifier that requires their cosignatures catches a log
//! that shows different histories to different parties.

use std::path::Path;
use std::time::Duration;

use accord_log::checkpoint::Cosigner;
use serde_json::{json, Value};

use crate::helpers::*;

fn start_witness(dir: &Path, name: &str, log_key: &str) -> (Server, String) {
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
fn settled_checkpoint(base: &str, cosignatures: usize) -> String {
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
