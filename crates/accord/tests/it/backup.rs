//! `accord backup`, `restore` and `migrate`: a backup taken while the
//! server takes writes restores to the record as it was at the backup's
//! size (same root, same state digest), and the restored forum verifies
//! against what was verified on the original; a move from SQLite to
//! PostgreSQL and back keeps every row; damaged files and non-empty
//! targets are refused and leave nothing behind.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Value};

use crate::helpers::*;

/// `accord ARGS`, on the database of the suite's store for a new data
/// directory named by `--data-dir` or `--to` (PostgreSQL when the suite
/// runs on it), without inheriting ACCORD_DATABASE.
fn accord(args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_accord"));
    command.env_remove("ACCORD_DATABASE").env("ACCORD_LOG", "warn");
    let target = args.iter().position(|a| *a == "--data-dir" || *a == "--to").and_then(|i| args.get(i + 1));
    if let Some(url) = target.and_then(|dir| cli_database(Path::new(dir))) {
        command.env("ACCORD_DATABASE", url);
    }
    command.args(args).output().unwrap()
}

fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

/// The value of a `name: value` line `accord restore` or `migrate` prints.
fn field(out: &Output, name: &str) -> String {
    let stdout = String::from_utf8_lossy(&out.stdout);
    let prefix = format!("{name}: ");
    stdout
        .lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("no {name:?} line in {stdout}"))
        .to_owned()
}

fn log_key(dir: &Path) -> String {
    let out = accord(&["log", "key", "--data-dir", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

fn log_in(base: &str) -> String {
    let mut login = agent()
        .post(format!("{base}/api/v1/auth/token"))
        .send_json(json!({"email": email("sec"), "password": PASSWORD}))
        .unwrap();
    assert_eq!(login.status(), 201, "the secretariat logs in at {base}");
    login.body_mut().read_json::<Value>().unwrap()["token"].as_str().unwrap().to_owned()
}

fn admit(base: &str, token: &str, code: &str) -> Option<u64> {
    let mut res = agent()
        .post(format!("{base}/api/v1/members"))
        .header("Authorization", format!("Bearer {token}"))
        .send_json(json!({"code": code, "kind": "organisation", "name": "Backup Test Org", "category": "academia"}))
        .ok()?;
    (res.status() == 201).then(|| res.body_mut().read_json::<Value>().unwrap()["entry"]["index"].as_u64().unwrap())
}

/// `accord verify` of the forum at `base`, remembering in `state`.
fn verify(base: &str, key: &str, state: &Path) -> Output {
    accord(&["verify", "--url", base, "--key", key, "--state", state.to_str().unwrap()])
}

/// Waits until a checkpoint covers the forum's whole record; answers its size.
fn settle(base: &str) -> u64 {
    for _ in 0..200 {
        let mut res = agent().get(format!("{base}/api/v1/forum")).call().unwrap();
        let size = res.body_mut().read_json::<Value>().unwrap()["record_size"].as_u64().unwrap();
        let mut res = agent().get(format!("{base}/api/v1/log")).call().unwrap();
        if res.body_mut().read_json::<Value>().unwrap()["size"].as_u64() == Some(size) {
            return size;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("no checkpoint covered the record of {base}");
}

/// The record of the data directory `dir` as the store reads it: every
/// entry's bytes, and the root and state digest after its first `size`
/// entries (folded here, entry by entry, as a replay folds them).
fn record_of(dir: &Path, size: u64) -> (Vec<(u64, Vec<u8>)>, String, String) {
    let database = accord_store::DataDir::at(dir).record_in(None).unwrap();
    let store = accord_store::Store::open_database(&database, accord_store::Clock::system()).unwrap();
    let bytes = store.entry_bytes(None, u64::MAX).unwrap();
    let mut state = accord_domain::State::new();
    for entry in store.entries(None, size).unwrap() {
        state.apply(&entry).unwrap();
    }
    assert_eq!(state.next_index, size);
    let digest = accord_domain::State::digest_v2(size, &state.digest_parts());
    let root = hex::encode(store.tree().root_at(size).unwrap().0);
    store.shutdown();
    (bytes, root, hex::encode(digest))
}

#[test]
fn a_backup_taken_under_writes_restores_to_the_record_at_its_size_and_verifies() {
    let source = tempfile::tempdir().unwrap();
    init_forum_cli(source.path());
    let server = Server::start_with(source.path(), &["--checkpoint-interval", "0.1"]);
    let key = log_key(source.path());
    let token = log_in(&server.base);
    for n in 0..20 {
        admit(&server.base, &token, &format!("B{n}")).unwrap();
    }
    // What a member verified on the forum before the backup.
    let verified_before = settle(&server.base);
    let state = tempfile::tempdir().unwrap();
    let state_file = state.path().join("verify.json");
    let out = verify(&server.base, &key, &state_file);
    assert!(out.status.success(), "{}", text(&out));

    // Writers keep the server busy while the backup is taken.
    let acked: Arc<Mutex<BTreeMap<String, u64>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..8)
        .map(|w| {
            let (acked, stop, base, token) = (acked.clone(), stop.clone(), server.base.clone(), token.clone());
            std::thread::spawn(move || {
                for n in 0.. {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let code = format!("W{w}-{n}");
                    let index = admit(&base, &token, &code).expect("the server takes writes during the backup");
                    acked.lock().unwrap().insert(code, index);
                }
            })
        })
        .collect();
    while acked.lock().unwrap().len() < 50 {
        std::thread::sleep(Duration::from_millis(10));
    }
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("forum.accord-backup");
    let out = accord(&["backup", "--data-dir", source.path().to_str().unwrap(), "--out", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    // Writes go on after the backup: let a few more through (at most one
    // per writer of them may have been committed before the snapshot).
    let after = acked.lock().unwrap().len();
    while acked.lock().unwrap().len() < after + 50 {
        std::thread::sleep(Duration::from_millis(10));
    }
    stop.store(true, Ordering::Relaxed);
    for w in writers {
        w.join().unwrap();
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600, "the backup holds the key");
    }
    let final_size = settle(&server.base);
    drop(server);

    let restored = tempfile::tempdir().unwrap();
    let target = restored.path().join("forum");
    let out = accord(&["restore", "--in", file.to_str().unwrap(), "--data-dir", target.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    let size: u64 = field(&out, "entries").parse().unwrap();
    assert!(
        (verified_before + 50..=final_size - 42).contains(&size),
        "the backup holds {size} entries: taken while the record grew from {verified_before} to {final_size}"
    );
    assert_eq!(field(&out, "log key"), key, "the restored forum signs with the same key");

    // The same record as the source's first `size` entries: bytes, root
    // and state digest.
    let (source_bytes, source_root, source_digest) = record_of(source.path(), size);
    assert_eq!(field(&out, "root"), source_root);
    assert_eq!(field(&out, "state digest"), source_digest);
    let (restored_bytes, restored_root, restored_digest) = record_of(&target, size);
    assert_eq!(restored_bytes[..], source_bytes[..size as usize]);
    assert_eq!((restored_root, restored_digest), (source_root, source_digest));

    // Served, it verifies as the continuation of what was verified on the
    // original, and its accounts and tokens work: a write is taken.
    let server = Server::start(&target);
    assert_eq!(settle(&server.base), size);
    let out = verify(&server.base, &key, &state_file);
    assert!(out.status.success(), "{}", text(&out));
    let token = log_in(&server.base);
    assert_eq!(admit(&server.base, &token, "AFTER"), Some(size));
    let again = token_list(&server.base, &token);
    assert!(again.len() >= 2, "the tokens issued before the backup are kept: {again:?}");
}

/// The labels of the API tokens of the token's account.
fn token_list(base: &str, token: &str) -> Vec<Value> {
    let mut res = agent()
        .get(format!("{base}/api/v1/me/tokens"))
        .header("Authorization", format!("Bearer {token}"))
        .call()
        .unwrap();
    assert_eq!(res.status(), 200);
    res.body_mut().read_json::<Value>().unwrap().as_array().cloned().unwrap_or_default()
}

#[test]
fn a_forum_moves_from_sqlite_to_postgresql_and_back_with_every_row() {
    if on_postgres() {
        eprintln!("skipped on the PostgreSQL run: this test moves a forum between both databases itself");
        return;
    }
    let Ok(admin) = std::env::var("ACCORD_TEST_POSTGRES") else {
        eprintln!("skipped: ACCORD_TEST_POSTGRES names no PostgreSQL server (test.sh starts one and sets it)");
        return;
    };
    let fresh = |tag: &str| {
        let nanos =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() % 1_000_000_000;
        let name = format!("accord_it_move_{tag}_{}_{nanos}", std::process::id());
        accord_store::postgres::create_database(&admin, &name).unwrap()
    };
    let root = tempfile::tempdir().unwrap();
    let (sqlite, on_pg, back) = (root.path().join("sqlite"), root.path().join("pg"), root.path().join("back"));
    init_forum_cli(&sqlite);
    let mut server = Server::start(&sqlite);
    let token = log_in(&server.base);
    for n in 0..30 {
        admit(&server.base, &token, &format!("M{n}")).unwrap();
    }
    let size = settle(&server.base);
    let key = log_key(&sqlite);

    // Refused while the server holds the source's lock.
    let url = fresh("pg");
    let move_to_pg =
        |from: &Path, to: &Path| accord_env(&["migrate", "--from", path(from), "--to", path(to), "--database", &url]);
    let out = move_to_pg(&sqlite, &on_pg);
    assert!(!out.status.success());
    assert!(text(&out).contains("must be stopped"), "{}", text(&out));
    server.kill();

    let out = move_to_pg(&sqlite, &on_pg);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(field(&out, "entries"), size.to_string());
    let (digest, root_hash) = (field(&out, "state digest"), field(&out, "root"));
    assert_eq!(std::fs::read_to_string(on_pg.join("database")).unwrap().trim(), url);
    // A database that holds a record already is refused as a target.
    let again = root.path().join("again");
    let out = move_to_pg(&sqlite, &again);
    assert!(!out.status.success());
    assert!(text(&out).contains("already holds Accord's rows"), "{}", text(&out));
    assert_eq!(entries_of(&again), vec!["accord.lock".to_owned()], "nothing is left in the refused target");

    // PostgreSQL serves it: the accounts, and the key, came along.
    {
        let server = Server::start(&on_pg);
        assert_eq!(settle(&server.base), size);
        let state = root.path().join("verify.json");
        let out = verify(&server.base, &key, &state);
        assert!(out.status.success(), "{}", text(&out));
        let token = log_in(&server.base);
        admit(&server.base, &token, "ONPG").unwrap();
        settle(&server.base);
    }

    let out = accord_env(&["migrate", "--from", path(&on_pg), "--to", path(&back)]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(field(&out, "entries"), (size + 1).to_string());

    // Every row of every table the same in all three: the backups' row
    // checksums agree, and the record's bytes are the same.
    let checksum = |dir: &Path| {
        let file = root.path().join(format!("{}.accord-backup", dir.file_name().unwrap().to_string_lossy()));
        let out = accord_env(&["backup", "--data-dir", path(dir), "--out", path(&file)]);
        assert!(out.status.success(), "{}", text(&out));
        accord_store::backup::check(&file, None, &|_: &str, _: u64, _: u64| {}).unwrap().0.content_sha256
    };
    assert_eq!(checksum(&on_pg), checksum(&back));
    let (pg_bytes, pg_root, pg_digest) = record_of(&on_pg, size + 1);
    let (back_bytes, back_root, back_digest) = record_of(&back, size + 1);
    assert_eq!(pg_bytes, back_bytes);
    assert_eq!((pg_root, pg_digest), (back_root, back_digest));
    let (sqlite_bytes, sqlite_root, sqlite_digest) = record_of(&sqlite, size);
    assert_eq!(sqlite_bytes[..], back_bytes[..size as usize]);
    assert_eq!((sqlite_root, sqlite_digest), (root_hash, digest));

    let server = Server::start(&back);
    let state = root.path().join("verify-back.json");
    settle(&server.base);
    let out = verify(&server.base, &key, &state);
    assert!(out.status.success(), "{}", text(&out));
}

/// `accord ARGS` with no database from the suite (the arguments name it).
fn accord_env(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_accord"))
        .env_remove("ACCORD_DATABASE")
        .env("ACCORD_LOG", "warn")
        .args(args)
        .output()
        .unwrap()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn entries_of(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn damaged_backups_and_non_empty_targets_are_refused_and_leave_nothing() {
    let source = tempfile::tempdir().unwrap();
    init_forum_cli(source.path());
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("forum.accord-backup");
    let out = accord(&["backup", "--data-dir", path(source.path()), "--out", path(&file)]);
    assert!(out.status.success(), "{}", text(&out));
    let out = accord(&["backup", "--data-dir", path(source.path()), "--out", path(&file)]);
    assert!(!out.status.success() && text(&out).contains("exists already"), "{}", text(&out));
    let good = std::fs::read(&file).unwrap();

    let targets = tempfile::tempdir().unwrap();
    let refused = |bytes: &[u8], name: &str, why: &str| {
        let bad = files.path().join(name);
        std::fs::write(&bad, bytes).unwrap();
        let target = targets.path().join(name);
        let out = accord(&["restore", "--in", path(&bad), "--data-dir", path(&target)]);
        assert!(!out.status.success(), "{name} was restored");
        assert!(text(&out).contains(why), "{name}: {}", text(&out));
        assert_eq!(entries_of(&target), vec!["accord.lock".to_owned()], "{name}: nothing restored");
    };
    // Cut short, anywhere.
    refused(&good[..good.len() / 2], "half", "is not a whole Accord backup");
    refused(&good[..good.len() - 4096], "short", "is not a whole Accord backup");
    refused(&[], "empty", "is not a whole Accord backup");
    // One byte of the record changed: the forum's name in its first entry.
    let name = b"Crash Test Forum";
    let at = good.windows(name.len()).position(|w| w == name).expect("the forum's name is in the file");
    let mut altered = good.clone();
    altered[at] = b'K';
    refused(&altered, "altered", "do not match its checksum");

    // A target that holds anything is refused, and left as it was.
    let used = targets.path().join("used");
    std::fs::create_dir(&used).unwrap();
    std::fs::write(used.join("notes.txt"), "mine").unwrap();
    let out = accord(&["restore", "--in", path(&file), "--data-dir", path(&used)]);
    assert!(!out.status.success());
    assert!(text(&out).contains("is not empty (it holds notes.txt)"), "{}", text(&out));
    assert_eq!(entries_of(&used), vec!["accord.lock".to_owned(), "notes.txt".to_owned()]);

    // Another forum's backup, whole and signed with its own key, is
    // refused when the operator names the forum's key.
    let other = tempfile::tempdir().unwrap();
    init_forum_cli(other.path());
    let forged = files.path().join("other.accord-backup");
    let out = accord(&["backup", "--data-dir", path(other.path()), "--out", path(&forged)]);
    assert!(out.status.success(), "{}", text(&out));
    let key = log_key(source.path());
    let target = targets.path().join("other");
    let out = accord(&["restore", "--in", path(&forged), "--data-dir", path(&target), "--expect-log-key", &key]);
    assert!(!out.status.success(), "another forum's backup was restored");
    assert!(text(&out).contains("is not a backup of the forum whose log key is"), "{}", text(&out));
    assert_eq!(entries_of(&target), vec!["accord.lock".to_owned()], "nothing restored");

    // The good file restores, with the key named or not.
    let target = targets.path().join("good");
    let out = accord(&["restore", "--in", path(&file), "--data-dir", path(&target), "--expect-log-key", &key]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(field(&out, "log key"), key);
    let target = targets.path().join("good-unnamed");
    let out = accord(&["restore", "--in", path(&file), "--data-dir", path(&target)]);
    assert!(out.status.success(), "{}", text(&out));
}
