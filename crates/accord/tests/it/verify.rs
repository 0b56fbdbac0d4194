//! `accord verify` and `accord receipt verify`, against a running forum,
//! before and after tampering.

use std::path::Path;
use std::time::Duration;

use serde_json::{json, Value};

use crate::helpers::*;

fn accord(args: &[&str]) -> (bool, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_accord")).args(args).output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

struct Forum {
    dir: tempfile::TempDir,
    server: Server,
    token: String,
    key: String,
}

impl Forum {
    fn start() -> Forum {
        let dir = tempfile::tempdir().unwrap();
        init_forum_cli(dir.path());
        let (ok, key) = accord(&["log", "key", "--data-dir", dir.path().to_str().unwrap()]);
        assert!(ok, "{key}");
        let server = Server::start(dir.path());
        let mut login = agent()
            .post(format!("{}/api/v1/auth/token", server.base))
            .send_json(json!({"email": email("sec"), "password": PASSWORD}))
            .unwrap();
        let token = login.body_mut().read_json::<Value>().unwrap()["token"].as_str().unwrap().to_owned();
        Forum { dir, server, token, key: key.trim().to_owned() }
    }

    fn admit(&self, codes: impl IntoIterator<Item = String>) -> Vec<Value> {
        codes
            .into_iter()
            .map(|code| {
                let mut res = agent()
                    .post(format!("{}/api/v1/members", self.server.base))
                    .header("Authorization", format!("Bearer {}", self.token))
                    .send_json(json!({"code": code, "kind": "organisation", "name": "Org", "category": "ngo"}))
                    .unwrap();
                assert_eq!(res.status(), 201);
                res.body_mut().read_json::<Value>().unwrap()
            })
            .collect()
    }

    /// Waits until the checkpoint covers the whole record.
    fn settle(&self) -> u64 {
        for _ in 0..100 {
            let mut res = agent().get(format!("{}/api/v1/forum", self.server.base)).call().unwrap();
            let size = res.body_mut().read_json::<Value>().unwrap()["record_size"].as_u64().unwrap();
            let mut res = agent().get(format!("{}/api/v1/log", self.server.base)).call().unwrap();
            if res.body_mut().read_json::<Value>().unwrap()["size"].as_u64() == Some(size) {
                return size;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("no checkpoint covered the record");
    }

    fn verify(&self, state: &Path) -> (bool, String) {
        accord(&["verify", "--url", &self.server.base, "--key", &self.key, "--state", state.to_str().unwrap()])
    }
}

#[test]
fn verify_passes_then_catches_a_changed_entry() {
    if crate::helpers::sqlite_only("changes an entry in the SQLite file behind Accord's back") {
        return;
    }
    let forum = Forum::start();
    forum.admit((0..300).map(|n| format!("V{n}")));
    let size = forum.settle();
    let state = forum.dir.path().join("verify-state.json");
    let (ok, out) = forum.verify(&state);
    assert!(ok, "{out}");
    assert!(out.contains(&format!("the record of accord.local/crash-test-forum ({size} entries) verifies")), "{out}");
    assert!(out.contains("the server's published state equals the replay"), "{out}");

    // It grows; the next run proves it only grew.
    forum.admit((300..310).map(|n| format!("V{n}")));
    forum.settle();
    let (ok, out) = forum.verify(&state);
    assert!(ok, "{out}");
    assert!(out.contains(&format!("consistent with the checkpoint of size {size} verified earlier")), "{out}");

    // A wrong key is refused.
    let other = accord_log::checkpoint::LogSigner::from_key(
        &accord_log::checkpoint::LogSigner::generate("accord.local/crash-test-forum").unwrap(),
    )
    .unwrap();
    let (ok, out) = accord(&[
        "verify",
        "--url",
        &forum.server.base,
        "--key",
        other.verifier_key(),
        "--state",
        forum.dir.path().join("other.json").to_str().unwrap(),
    ]);
    assert!(!ok && out.contains("checkpoint") && out.contains("not signed by the expected key"), "{out}");

    // Someone with the database file changes one entry behind the server's back.
    let conn = accord_store::schema::connect(&forum.dir.path().join("accord.sqlite3")).unwrap();
    conn.execute_batch("DROP TRIGGER entries_are_never_updated").unwrap();
    let n = conn
        .execute(
            "UPDATE entries SET bytes = CAST(replace(CAST(bytes AS TEXT), 'V17\"', 'W17\"') AS BLOB) WHERE idx = 19",
            [],
        )
        .unwrap();
    assert_eq!(n, 1);
    drop(conn);
    let (ok, out) = forum.verify(&state);
    assert!(!ok, "{out}");
    assert!(out.contains("entry 19 served is not the entry the log committed to"), "{out}");
}

#[test]
fn verify_catches_removed_entries() {
    if crate::helpers::sqlite_only("removes entries from the SQLite file behind Accord's back") {
        return;
    }
    let mut forum = Forum::start();
    forum.admit((0..40).map(|n| format!("R{n}")));
    let size = forum.settle();
    let state = forum.dir.path().join("verify-state.json");
    let (ok, out) = forum.verify(&state);
    assert!(ok, "{out}");
    // The host stops the server, removes the last ten entries with their
    // hashes and checkpoints, and serves again.
    forum.server.kill();
    let conn = accord_store::schema::connect(&forum.dir.path().join("accord.sqlite3")).unwrap();
    let keep = size - 10;
    let stored = accord_log::tree::stored_hash_count(keep) as i64;
    conn.execute_batch(
        "DROP TRIGGER entries_are_never_deleted; DROP TRIGGER tree_hash_runs_are_never_deleted; \
         DROP TRIGGER tree_hash_runs_are_never_updated;",
    )
    .unwrap();
    conn.execute("DELETE FROM entries WHERE idx >= ?1", [keep as i64]).unwrap();
    // The tree's hashes are stored in runs, one per committed batch: drop
    // the runs after `stored` and cut the one that straddles it.
    conn.execute("DELETE FROM tree_hash_runs WHERE first >= ?1", [stored]).unwrap();
    conn.execute(
        "UPDATE tree_hash_runs SET hashes = substr(hashes, 1, (?1 - first) * 32) \
         WHERE first < ?1 AND first + length(hashes) / 32 > ?1",
        [stored],
    )
    .unwrap();
    conn.execute("DELETE FROM checkpoints WHERE size > ?1", [keep as i64]).unwrap();
    drop(conn);
    forum.server = Server::start(forum.dir.path());
    assert_eq!(forum.settle(), keep);
    let (ok, out) = forum.verify(&state);
    assert!(!ok, "{out}");
    assert!(out.contains(&format!("the log shrank from {size} entries (verified earlier) to {keep}")), "{out}");
}

#[test]
fn receipts_verify_offline() {
    let forum = Forum::start();
    let admitted = forum.admit(["RCPT".to_owned()]);
    let index = admitted[0]["entry"]["index"].as_u64().unwrap();
    let url = format!("{}{}?wait=true", forum.server.base, admitted[0]["entry"]["receipt"].as_str().unwrap());
    let mut res = agent().get(&url).call().unwrap();
    assert_eq!(res.status(), 200);
    let receipt: Value = res.body_mut().read_json().unwrap();
    assert_eq!(receipt["index"].as_u64(), Some(index));
    let file = forum.dir.path().join("receipt.json");
    std::fs::write(&file, serde_json::to_vec(&receipt).unwrap()).unwrap();
    let (ok, out) = accord(&["receipt", "verify", file.to_str().unwrap(), "--key", &forum.key]);
    assert!(ok, "{out}");
    assert!(out.contains(&format!("receipt verified: entry {index} (member.admitted)")), "{out}");

    // An altered receipt does not verify.
    let mut forged = receipt.clone();
    forged["entry"] = json!(receipt["entry"].as_str().unwrap().replace("RCPT", "FAKE"));
    std::fs::write(&file, serde_json::to_vec(&forged).unwrap()).unwrap();
    let (ok, out) = accord(&["receipt", "verify", file.to_str().unwrap(), "--key", &forum.key]);
    assert!(!ok && out.contains("does NOT verify"), "{out}");
    // Another index than the entry's own: said in those words.
    let mut moved = receipt.clone();
    moved["index"] = json!(index + 1);
    std::fs::write(&file, serde_json::to_vec(&moved).unwrap()).unwrap();
    let (ok, out) = accord(&["receipt", "verify", file.to_str().unwrap(), "--key", &forum.key]);
    assert!(
        !ok && out.contains(&format!("the receipt says index {} but its entry is entry {index}", index + 1)),
        "{out}"
    );
}

/// A record of `n` entries made in memory as the store's writer makes it:
/// the forum, then `n - 1` organisations admitted by the console.
fn record_of(origin: &str, n: usize) -> Vec<Vec<u8>> {
    use accord_domain::ids::{DisplayName, LanguageTag};
    use accord_domain::state::{MemberKind, MemberStatus, OrganisationCategory, Principal};
    use accord_domain::{Action, Entry, MemberCode, State};
    let mut state = State::new();
    let mut out = Vec::new();
    for i in 0..n {
        let action = if i == 0 {
            Action::EstablishForum {
                name: DisplayName::parse("Mirror Forum").unwrap(),
                languages: vec![LanguageTag::parse("en").unwrap()],
                log: Some(origin.into()),
            }
        } else {
            Action::AdmitMember {
                code: MemberCode::parse(&format!("ORG{i}")).unwrap(),
                name: Some(DisplayName::parse("Org").unwrap()),
                kind: MemberKind::Organisation,
                category: Some(OrganisationCategory::Ngo),
                status: MemberStatus::Observer,
            }
        };
        let (actor, body, signature) = state.prepare(Principal::System, action).unwrap();
        let entry = Entry { index: i as u64, time: 1_000 + i as i64, actor, body, signature };
        state.apply(&entry).unwrap();
        out.push(entry.encode().unwrap());
    }
    out
}

#[test]
fn verify_checks_every_hash_tile_a_mirror_serves() {
    let work = tempfile::tempdir().unwrap();
    let entries = record_of("accord.test/mirror", 600);
    let verify_dir = |dir: &Path, key: &str| {
        accord(&[
            "verify",
            "--dir",
            dir.to_str().unwrap(),
            "--key",
            key,
            "--state",
            work.path().join(format!("{}.json", dir.file_name().unwrap().to_str().unwrap())).to_str().unwrap(),
        ])
    };
    // The mirror as served: it verifies, tiles included.
    let good = work.path().join("good");
    let key = write_mirror(&good, "accord.test/mirror", &entries);
    let (ok, out) = verify_dir(&good, &key);
    assert!(ok, "{out}");
    assert!(out.contains("hash tiles: all 4 served (every level) equal the tiles computed from the entries"), "{out}");

    // One hash of a level-0 tile changed (the entries and the checkpoint are intact).
    let corrupted = work.path().join("corrupted");
    let key = write_mirror(&corrupted, "accord.test/mirror", &entries);
    let tile = corrupted.join("tile/0/001");
    let mut bytes = std::fs::read(&tile).unwrap();
    bytes[17 * 32 + 5] ^= 0x40;
    std::fs::write(&tile, bytes).unwrap();
    let (ok, out) = verify_dir(&corrupted, &key);
    assert!(!ok, "{out}");
    assert!(
        out.contains(
            "hash tiles: tile/0/001 differs from the hashes of the entries: its hash 17 (the hash of entry 273)"
        ),
        "{out}"
    );

    // The level-1 tile missing.
    let missing = work.path().join("missing");
    let key = write_mirror(&missing, "accord.test/mirror", &entries);
    std::fs::remove_file(missing.join("tile/1/000.p/2")).unwrap();
    let (ok, out) = verify_dir(&missing, &key);
    assert!(!ok, "{out}");
    assert!(out.contains("hash tiles: tile/1/000.p/2 is missing"), "{out}");
}

/// Serves a mirror directory under `/log/` and `state` (if any) at
/// `/api/v1/log/state/<size>`, over plain HTTP/1.1: a forum whose log is
/// right and whose published state is whatever the test says.
fn serve_mirror(dir: std::path::PathBuf, state: Option<Value>) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).is_err() || header.trim().is_empty() {
                    break;
                }
            }
            let path = request.split(' ').nth(1).unwrap_or("/").to_owned();
            let found = if let Some(file) = path.strip_prefix("/log/") {
                std::fs::read(dir.join(file)).ok()
            } else if path.starts_with("/api/v1/log/state/") {
                state.as_ref().map(|s| s.to_string().into_bytes())
            } else {
                None
            };
            let (status, body) = match found {
                Some(b) => ("200 OK", b),
                None => ("404 Not Found", br#"{"error":"not_found","message":"no such file"}"#.to_vec()),
            };
            let head = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
            let _ = stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(&body));
        }
    });
    base
}

#[tokio::test]
async fn verify_names_each_part_of_the_state_that_differs() {
    use accord_domain::State;
    let forum = TestForum::new();
    accord_server::log::sign_checkpoint(&forum.state).unwrap();
    let size = forum.record_len();
    // The server publishes the state in parts, and they are the replay's.
    let (status, published) = forum.get(&format!("/api/v1/log/state/{size}")).await;
    assert_eq!(status, axum::http::StatusCode::OK, "{published}");
    assert_eq!(published["format"], "accord-state-digest/v2");
    let entries = forum.store.entries(None, 10_000).unwrap();
    let mut replayed = State::new();
    for e in &entries {
        replayed.apply(e).unwrap();
    }
    let parts = replayed.digest_parts();
    let hex_parts: serde_json::Map<String, Value> =
        parts.iter().map(|(k, v)| (k.clone(), Value::String(hex::encode(v)))).collect();
    assert_eq!(published["parts"], Value::Object(hex_parts.clone()));
    assert_eq!(published["digest"], hex::encode(State::digest_v2(size, &parts)));
    for name in ["forum", "members", "delegates", "signatures", "rules", "important questions"] {
        assert!(hex_parts.contains_key(name), "{name} in {published}");
    }

    let work = tempfile::tempdir().unwrap();
    let mirror = work.path().join("mirror");
    let bytes: Vec<Vec<u8>> = entries.iter().map(|e| e.encode().unwrap()).collect();
    let key = write_mirror(&mirror, "accord.test/forum", &bytes);
    let verify = |base: &str, extra: &[&str]| {
        let state = work.path().join(format!("state-{}.json", base.rsplit(':').next().unwrap()));
        let mut args = vec!["verify", "--url", base, "--key", &key, "--state", state.to_str().unwrap()];
        args.extend(extra);
        accord(&args)
    };

    // A server showing other members and an extra meeting than its record says.
    let mut tampered = parts.clone();
    tampered.insert("members".into(), [7; 32]);
    tampered.insert("meeting 1".into(), [8; 32]);
    let body = |parts: &std::collections::BTreeMap<String, [u8; 32]>| {
        let hex_parts: serde_json::Map<String, Value> =
            parts.iter().map(|(k, v)| (k.clone(), Value::String(hex::encode(v)))).collect();
        json!({"size": size, "digest": hex::encode(State::digest_v2(size, parts)), "format": "accord-state-digest/v2", "parts": hex_parts})
    };
    let base = serve_mirror(mirror.clone(), Some(body(&tampered)));
    let (ok, out) = verify(&base, &[]);
    assert!(!ok, "{out}");
    assert!(
        out.contains(&format!(
            "state: the server shows a state that differs from the replay of its record at size {size}: \
             meeting 1 is shown by the server but not in the record; members differs"
        )),
        "{out}"
    );
    // Parts that do not hash to the published digest.
    let mut inconsistent = body(&parts);
    inconsistent["parts"]["forum"] = json!(hex::encode([9; 32]));
    let (ok, out) = verify(&serve_mirror(mirror.clone(), Some(inconsistent)), &[]);
    assert!(!ok && out.contains("is not the digest of the published parts"), "{out}");

    // The same log with the true state verifies.
    let (ok, out) = verify(&serve_mirror(mirror.clone(), Some(body(&parts))), &[]);
    assert!(ok, "{out}");
    assert!(
        out.contains(&format!("the server's published state equals the replay, part by part ({} parts)", parts.len())),
        "{out}"
    );
    // A checkpoint signed with the v1 digest is still compared, with that digest.
    let v1 = json!({"size": size, "digest": hex::encode(replayed.digest())});
    let (ok, out) = verify(&serve_mirror(mirror.clone(), Some(v1)), &[]);
    assert!(ok && out.contains("signed with the v1 digest"), "{out}");

    // A forum's URL that publishes no state fails, unless told to check the log alone.
    let silent = serve_mirror(mirror.clone(), None);
    let (ok, out) = verify(&silent, &[]);
    assert!(!ok, "{out}");
    assert!(out.contains(&format!("the server publishes no state for its checkpoint of size {size}")), "{out}");
    assert!(out.contains("--skip-state"), "{out}");
    let (ok, out) = verify(&silent, &["--skip-state"]);
    assert!(ok && out.contains("state: not compared (--skip-state)"), "{out}");
}

#[test]
fn verify_refuses_a_state_file_of_another_log_unless_told_to_forget_it() {
    let work = tempfile::tempdir().unwrap();
    let state = work.path().join("state.json");
    let first = work.path().join("first");
    let first_key = write_mirror(&first, "accord.test/first", &record_of("accord.test/first", 3));
    let args = |dir: &Path, key: &str, extra: &[&str]| {
        let mut a = vec!["verify".to_owned(), "--dir".into(), dir.to_str().unwrap().into(), "--key".into(), key.into()];
        a.extend(["--state".to_owned(), state.to_str().unwrap().into()]);
        a.extend(extra.iter().map(|s| s.to_string()));
        a
    };
    let run = |a: Vec<String>| accord(&a.iter().map(String::as_str).collect::<Vec<_>>());
    let (ok, out) = run(args(&first, &first_key, &[]));
    assert!(ok, "{out}");

    // Another forum's log, checked with the same state file.
    let second = work.path().join("second");
    let second_key = write_mirror(&second, "accord.test/second", &record_of("accord.test/second", 5));
    let (ok, out) = run(args(&second, &second_key, &[]));
    assert!(!ok, "{out}");
    assert!(
        out.contains(
            "remembers another log, accord.test/first (verified up to size 3), but this log is accord.test/second"
        ),
        "{out}"
    );
    assert!(out.contains("--forget"), "{out}");
    let (ok, out) = run(args(&second, &second_key, &["--forget"]));
    assert!(ok, "{out}");
    assert!(out.contains("forgot the log accord.test/first (size 3)"), "{out}");
    // From then on it remembers the second log.
    let (ok, out) = run(args(&second, &second_key, &[]));
    assert!(ok && out.contains("consistent with the checkpoint of size 5 verified earlier"), "{out}");
}

/// Votes `(participant, statement from 1, value)` of a small conversation
/// of two sides, 40 participants on 8 statements.
fn two_sides() -> (u32, u32, Vec<(u32, u32, i8)>) {
    let mut votes = Vec::new();
    for p in 0..40u32 {
        for statement in 1..=8u32 {
            let agree = (statement <= 4) == (p % 2 == 0) || (p + statement) % 7 == 0;
            votes.push((p, statement, if agree { 1 } else { -1 }));
        }
    }
    (40, 8, votes)
}

/// A record with a consultation of `participants` and `statements` and
/// `votes` (each participant joins before its first vote), whose analysis
/// is published naming `engine` with `digest` (`None`: the digest of the
/// analysis that edition of the engine gives).
fn consultation_record(
    origin: &str,
    (participants, statements, votes): (u32, u32, Vec<(u32, u32, i8)>),
    engine: Option<u32>,
    digest: Option<&str>,
) -> Vec<Vec<u8>> {
    use accord_domain::consultation::*;
    use accord_domain::ids::{DisplayName, LanguageTag, ParticipantId, Reason, StatementText};
    use accord_domain::state::Principal;
    use accord_domain::{Action, Entry, EntryBody, State};
    let mut state = State::new();
    let mut out = Vec::new();
    let mut record = |state: &mut State, action: Action| {
        let (actor, body, signature) = state.prepare(Principal::System, action).unwrap();
        let i = state.next_index;
        let entry = Entry { index: i, time: 1_000 + i as i64, actor, body, signature };
        state.apply(&entry).unwrap();
        out.push(entry.encode().unwrap());
    };
    let act = |body: EntryBody| Action::Negotiate(Box::new(body));
    record(
        &mut state,
        Action::EstablishForum {
            name: DisplayName::parse("Mirror Forum").unwrap(),
            languages: vec![LanguageTag::parse("en").unwrap()],
            log: Some(origin.into()),
        },
    );
    record(
        &mut state,
        act(EntryBody::ConsultationOpened(ConsultationOpened {
            title: DisplayName::parse("Infrastructure").unwrap(),
            question: Reason::parse("What first?").unwrap(),
            process: None,
            provisions: vec![],
        })),
    );
    for s in 1..=statements {
        let text = StatementText::parse(&format!("Statement {s}")).unwrap();
        record(
            &mut state,
            act(EntryBody::ConsultationStatementSeeded(StatementSeeded { consultation: 1, text, proposal: None })),
        );
    }
    let pseudonym = |p: u32| ParticipantId::parse(&format!("{p:032x}")).unwrap();
    let mut joined = vec![false; participants as usize];
    for (p, statement, value) in votes {
        if !std::mem::replace(&mut joined[p as usize], true) {
            let join =
                ParticipantJoined { consultation: 1, participant: pseudonym(p), category: ParticipantCategory::Public };
            record(&mut state, act(EntryBody::ConsultationParticipantJoined(join)));
        }
        let vote = ConsultVote::parse(match value {
            1 => "agree",
            -1 => "disagree",
            _ => "pass",
        })
        .unwrap();
        let cast = ConsultVoteCast { consultation: 1, participant: pseudonym(p), statement, vote };
        record(&mut state, act(EntryBody::ConsultationVoteCast(cast)));
    }
    let ours = analysis::analyse_consultation(state.consultation(1).unwrap(), engine.unwrap_or(1)).1.digest();
    let digest = digest.map_or(ours, str::to_owned);
    let record_size = state.next_index;
    let published = AnalysisPublished { consultation: 1, record_size, digest, engine };
    record(&mut state, act(EntryBody::ConsultationAnalysisPublished(published)));
    out
}

#[test]
fn verify_recomputes_every_published_consultation_analysis() {
    use accord_domain::consultation::analysis::{analyse_consultation, ENGINE};
    let work = tempfile::tempdir().unwrap();
    let check = |name: &str, entries: &[Vec<u8>]| {
        let dir = work.path().join(name);
        let key = write_mirror(&dir, "accord.test/mirror", entries);
        let state = work.path().join(format!("{name}.json"));
        accord(&["verify", "--dir", dir.to_str().unwrap(), "--key", &key, "--state", state.to_str().unwrap()])
    };
    let (ok, out) = check("true", &consultation_record("accord.test/mirror", two_sides(), Some(ENGINE), None));
    assert!(ok, "{out}");
    assert!(out.contains("consultations: 1 published analyses recomputed from the record"), "{out}");
    // A result that is not what the votes give: the record is refused,
    // naming the entry.
    let wrong = "0".repeat(64);
    let entries = consultation_record("accord.test/mirror", two_sides(), Some(ENGINE), Some(&wrong));
    let (ok, out) = check("altered", &entries);
    assert!(!ok, "{out}");
    let last = entries.len() - 1;
    assert!(
        out.contains(&format!(
            "entry {last}: the analysis of consultation 1 published at record size {last} has the digest {wrong}"
        )),
        "{out}"
    );

    // A weakly planted conversation on which the first edition of the
    // engine, taking participants and statements in the record's order,
    // gives other groups than today's: published before engines had
    // editions, its analysis names none and is recomputed by edition 1.
    let plan = accord_consult::planted::Plan {
        participants: 150,
        statements: 40,
        votes_each: 20,
        groups: 4,
        fidelity: 0.75,
        seed: 755_527,
    };
    let planted = accord_consult::planted::plant(&plan);
    let conversation =
        || (150, 40, planted.votes.iter().map(|v| (v.participant, v.statement + 1, v.value)).collect::<Vec<_>>());
    let first = consultation_record("accord.test/mirror", conversation(), None, None);
    let state = {
        let mut state = accord_domain::State::new();
        for bytes in &first[..first.len() - 1] {
            state.apply(&accord_domain::Entry::decode(bytes).unwrap()).unwrap();
        }
        state
    };
    let consultation = state.consultation(1).unwrap();
    let by = |engine| analyse_consultation(consultation, engine).1.digest();
    assert_ne!(by(1), by(ENGINE), "the two editions differ on this conversation");
    let (ok, out) = check("edition-1", &first);
    assert!(ok, "{out}");
    // The same digest claimed for today's engine is not what it gives.
    let claimed = consultation_record("accord.test/mirror", conversation(), Some(ENGINE), Some(&by(1)));
    let (ok, out) = check("edition-1-claimed-as-2", &claimed);
    assert!(!ok && out.contains(&format!("(engine edition {ENGINE})")), "{out}");
}
