//! The store's behaviour on both databases: SQLite always, PostgreSQL when
//! `ACCORD_TEST_POSTGRES` names a server (a URL to an existing database,
//! such as `postgres://postgres@127.0.0.1:5432/postgres`; `test.sh` starts a
//! throw-away cluster and sets it). Each PostgreSQL test makes a database
//! of its own.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use accord_domain::ids::{DisplayName, LanguageTag};
use accord_domain::state::{Action, MemberKind, MemberStatus, OfficerRole, Principal};
use accord_domain::{Email, MemberCode};
use accord_store::{Clock, Database, PrivateWrite, Store, StoreError};

const START: i64 = 1_800_000_000_000;

/// A fresh, empty PostgreSQL database, or `None` (with the reason printed)
/// when no server is configured.
fn postgres() -> Option<Database> {
    static N: AtomicUsize = AtomicUsize::new(0);
    let Ok(admin) = std::env::var("ACCORD_TEST_POSTGRES") else {
        eprintln!("skipping the PostgreSQL half: ACCORD_TEST_POSTGRES is not set (test.sh sets it)");
        return None;
    };
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    let name = format!("accord_store_{}_{}_{nanos}", std::process::id(), N.fetch_add(1, Ordering::Relaxed));
    Some(Database::Postgres(accord_store::postgres::create_database(&admin, &name).unwrap()))
}

/// Every database to test: a fresh SQLite file, and a fresh PostgreSQL
/// database when there is a server. The directory lives as long as the list.
fn databases() -> (tempfile::TempDir, Vec<Database>) {
    let dir = tempfile::tempdir().unwrap();
    let mut all = vec![Database::Sqlite(dir.path().join("accord.sqlite3"))];
    all.extend(postgres());
    (dir, all)
}

fn name(s: &str) -> DisplayName {
    DisplayName::parse(s).unwrap()
}

fn admit(code: &str) -> Action {
    Action::AdmitMember {
        code: MemberCode::parse(code).unwrap(),
        name: None,
        kind: MemberKind::State,
        category: None,
        status: MemberStatus::Member,
    }
}

/// The same forum, action by action, with a manual clock: a forum, an
/// officer with an account, members (one with a blob beside it).
fn build_forum(store: &Store, clock: &Clock) {
    let forum = Action::EstablishForum { name: name("Forum"), languages: LanguageTag::un_languages(), log: None };
    store.submit_blocking(Principal::System, forum, None).unwrap();
    let account = PrivateWrite::CreateAccount {
        email: Email::parse("sec@forum.test").unwrap(),
        password_hash: "$argon2id$not-a-real-hash".into(),
        must_change_password: true,
    };
    let officer = Action::AppointOfficer { name: name("Sec Retariat"), role: OfficerRole::Secretariat };
    store.submit_blocking(Principal::System, officer, Some(account)).unwrap();
    for (i, code) in ["BRA", "KEN", "CHN", "FRA", "DEU"].iter().enumerate() {
        clock.advance(Duration::from_millis(1_000 + i as u64));
        let private = (i == 2).then(|| PrivateWrite::Blobs(vec![b"a statement kept by hash".to_vec()]));
        store.submit_blocking(Principal::System, admit(code), private).unwrap();
    }
}

#[test]
fn both_databases_store_the_same_bytes_and_replay_to_the_same_state() {
    let (_dir, databases) = databases();
    let mut seen = Vec::new();
    for db in &databases {
        let clock = Clock::manual(START);
        let store = Store::open_database(db, clock.clone()).unwrap();
        build_forum(&store, &clock);
        let bytes = store.entry_bytes(None, 100).unwrap();
        let root = store.tree().root();
        store.shutdown();
        drop(store);
        // Replay at start: a new store over the same database.
        let again = Store::open_database(db, Clock::manual(START)).unwrap();
        assert_eq!(again.replay.0, 7, "{db:?}: the replay folds every entry");
        assert_eq!(again.tree().root(), root, "{db:?}: the replayed tree has the root the writer had");
        assert_eq!(again.entry_bytes(None, 100).unwrap(), bytes);
        let digest = again.state().digest();
        let blob = again.blob(&accord_store::blob_hash(b"a statement kept by hash")).unwrap();
        assert_eq!(
            blob.as_deref(),
            Some(&b"a statement kept by hash"[..]),
            "{db:?}: the blob is stored with its entry"
        );
        seen.push((db.clone(), bytes, root, digest));
    }
    if let [(_, bytes_a, root_a, digest_a), (_, bytes_b, root_b, digest_b)] = &seen[..] {
        assert_eq!(bytes_a, bytes_b, "SQLite and PostgreSQL store the same record bytes");
        assert_eq!(root_a, root_b);
        assert_eq!(digest_a, digest_b, "and replay to the same state");
    }
}

#[test]
fn concurrent_writers_share_commits_and_every_acknowledged_entry_is_replayed() {
    let (_dir, databases) = databases();
    for db in &databases {
        let store = Arc::new(Store::open_database(db, Clock::system()).unwrap());
        let forum = Action::EstablishForum { name: name("Forum"), languages: LanguageTag::un_languages(), log: None };
        store.submit_blocking(Principal::System, forum, None).unwrap();
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        let writers = 256;
        let acknowledged: Vec<u64> = rt.block_on(async {
            let tasks: Vec<_> = (0..writers)
                .map(|i| {
                    let store = store.clone();
                    // Codes A00..A99, B00..: any three letters or more are an organisation's code.
                    let code = format!("M{}{}{}", (b'A' + (i / 100) as u8) as char, (i / 10) % 10, i % 10);
                    tokio::spawn(async move {
                        let action = Action::AdmitMember {
                            code: MemberCode::parse(&code).unwrap(),
                            name: Some(name(&format!("Organisation {code}"))),
                            kind: MemberKind::Organisation,
                            category: Some(accord_domain::state::OrganisationCategory::Ngo),
                            status: MemberStatus::Observer,
                        };
                        store.submit(Principal::System, action, None).await.unwrap().entry.index
                    })
                })
                .collect();
            let mut out = Vec::new();
            for t in tasks {
                out.push(t.await.unwrap());
            }
            out
        });
        let commits = store.metrics().commits.load(Ordering::Relaxed);
        assert_eq!(store.metrics().entries_appended.load(Ordering::Relaxed), writers + 1);
        assert!(commits < writers, "{db:?}: {commits} commits for {writers} concurrent entries: no group commit");
        let store = Arc::into_inner(store).unwrap();
        store.shutdown();
        drop(store);
        drop(rt);
        let again = Store::open_database(db, Clock::system()).unwrap();
        assert_eq!(again.len(), writers + 1);
        let stored = again.entry_bytes(None, 1000).unwrap();
        for index in acknowledged {
            assert!(stored.iter().any(|(i, _)| *i == index), "{db:?}: acknowledged entry {index} is in the record");
        }
    }
}

#[test]
fn the_database_refuses_to_change_or_remove_an_entry() {
    let (_dir, databases) = databases();
    for db in &databases {
        let clock = Clock::manual(START);
        let store = Store::open_database(db, clock.clone()).unwrap();
        build_forum(&store, &clock);
        store.shutdown();
        drop(store);
        let refusals: Vec<String> = match db {
            Database::Sqlite(path) => {
                let conn = accord_store::schema::connect(path).unwrap();
                [
                    "UPDATE entries SET bytes = x'00' WHERE idx = 1",
                    "DELETE FROM entries WHERE idx = 6",
                    "UPDATE tree_hash_runs SET hashes = x'00'",
                    "DELETE FROM tree_hash_runs",
                ]
                .iter()
                .map(|sql| conn.execute(sql, []).expect_err(sql).to_string())
                .collect()
            }
            Database::Postgres(url) => psql_errors(
                url,
                &[
                    "UPDATE entries SET bytes = '\\x00' WHERE idx = 1",
                    "DELETE FROM entries WHERE idx = 6",
                    "TRUNCATE entries",
                    "UPDATE tree_hash_runs SET hashes = '\\x00'",
                    "DELETE FROM tree_hash_runs",
                    "DELETE FROM blobs",
                ],
            ),
        };
        for refusal in &refusals {
            assert!(refusal.contains("append-only"), "{db:?}: {refusal}");
        }
        let again = Store::open_database(db, Clock::manual(START)).unwrap();
        assert_eq!(again.len(), 7, "{db:?}: nothing was changed");
    }
}

/// Runs each statement on its own connection and answers the errors, in
/// order (a statement that succeeds fails the test).
fn psql_errors(url: &str, statements: &[&str]) -> Vec<String> {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls).await.unwrap();
        tokio::spawn(connection);
        let mut errors = Vec::new();
        for sql in statements {
            let e = client.batch_execute(sql).await.expect_err(sql);
            errors.push(e.as_db_error().map(|d| d.message().to_owned()).unwrap_or_else(|| e.to_string()));
        }
        errors
    })
}

fn psql(url: &str, sql: &str) {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls).await.unwrap();
        tokio::spawn(connection);
        client.batch_execute(sql).await.unwrap();
    })
}

#[test]
fn an_entry_changed_behind_the_triggers_stops_the_replay_at_its_index() {
    let Some(db) = postgres() else { return };
    let Database::Postgres(url) = &db else { unreachable!() };
    let clock = Clock::manual(START);
    let store = Store::open_database(&db, clock.clone()).unwrap();
    build_forum(&store, &clock);
    let mut bytes = store.entry_bytes(Some(3), 1).unwrap().remove(0).1;
    store.shutdown();
    drop(store);
    // Someone with the rights to disable the triggers changes one byte of
    // the name in entry 4.
    let at = bytes.len() - 2;
    bytes[at] ^= 1;
    psql(
        url,
        &format!(
            "ALTER TABLE entries DISABLE TRIGGER USER; UPDATE entries SET bytes = '\\x{}' WHERE idx = 4; \
             ALTER TABLE entries ENABLE TRIGGER USER;",
            hex::encode(&bytes)
        ),
    );
    let err = Store::open_database(&db, Clock::manual(START)).err().expect("the replay refuses the changed record");
    assert!(matches!(err, StoreError::Damaged { index: 4, .. }), "{err}");
}

#[test]
fn private_tables_keep_accounts_sessions_tokens_and_secrets() {
    let (_dir, databases) = databases();
    for db in &databases {
        let clock = Clock::manual(START);
        let store = Store::open_database(db, clock.clone()).unwrap();
        build_forum(&store, &clock);
        let email = Email::parse("sec@forum.test").unwrap();
        let account = store.account_by_email(&email).unwrap().expect("the account written with its entry");
        assert!(account.must_change_password);
        assert_eq!(account.password_set_at, START);
        let refused = store.submit_blocking(
            Principal::System,
            Action::AppointOfficer { name: name("Another"), role: OfficerRole::Chair },
            Some(PrivateWrite::CreateAccount {
                email: email.clone(),
                password_hash: "x".into(),
                must_change_password: false,
            }),
        );
        assert!(matches!(refused, Err(StoreError::Refused(ref r)) if r.code == "email_taken"), "{db:?}: {refused:?}");

        let token = [7u8; 32];
        store.create_session(&token, account.delegate, "csrf-1", START + 60_000).unwrap();
        assert_eq!(store.session(&token).unwrap().unwrap().csrf, "csrf-1");
        let id = store.create_api_token(&[9u8; 32], account.delegate, "tool", START + 60_000).unwrap();
        assert_eq!(store.api_token_owner(&[9u8; 32]).unwrap(), Some((id, account.delegate)));
        assert_eq!(store.api_tokens(account.delegate).unwrap().len(), 1);
        // A new password ends sessions and revokes tokens, in one transaction;
        // its time moves forward even when the clock stands still.
        assert!(store.set_password(account.delegate, "new-hash", false, true).unwrap());
        assert!(store.session(&token).unwrap().is_none());
        assert!(store.api_token_owner(&[9u8; 32]).unwrap().is_none());
        let now = clock.now_unix_ms();
        let changed = store.account(account.delegate).unwrap().unwrap();
        assert_eq!((changed.password_hash.as_str(), changed.password_set_at), ("new-hash", now));
        assert!(store.set_password(account.delegate, "newer-hash", false, false).unwrap());
        let changed = store.account(account.delegate).unwrap().unwrap();
        assert_eq!((changed.password_hash.as_str(), changed.password_set_at), ("newer-hash", now + 1));
        assert!(!store.revoke_api_token(account.delegate, id).unwrap(), "already revoked");
        // Sessions expire by the store's clock.
        store.create_session(&[8u8; 32], account.delegate, "csrf-2", START + 10_000).unwrap();
        clock.advance(Duration::from_secs(11));
        assert!(store.session(&[8u8; 32]).unwrap().is_none());
        assert_eq!(store.secret("cookie-key", b"first").unwrap(), b"first");
        assert_eq!(store.secret("cookie-key", b"second").unwrap(), b"first", "{db:?}: a secret is made once");
        // Checkpoints and their states.
        let (size, _, parts) = store.head();
        store.save_checkpoint(size, "note", &parts).unwrap();
        store.update_checkpoint_note(size, "note with cosignature").unwrap();
        assert_eq!(store.latest_checkpoint().unwrap(), Some((size, "note with cosignature".into())));
        let published = store.checkpoint_state(size).unwrap().unwrap();
        assert_eq!(published.digest, accord_domain::State::digest_v2(size, &parts));
        assert_eq!(published.parts.unwrap().len(), parts.len());
        assert_eq!(store.checkpoint_covering(size - 1).unwrap().map(|c| c.0), Some(size));
        // The private tables only, beside a running store.
        let private = Store::open_private_database(db).unwrap();
        assert_eq!(private.account(account.delegate).unwrap().unwrap().password_hash, "newer-hash");
    }
}

#[test]
fn a_second_server_on_the_same_postgres_database_is_refused() {
    let Some(db) = postgres() else { return };
    let first = Store::open_database(&db, Clock::system()).unwrap();
    let second = Store::open_database(&db, Clock::system()).err().expect("one writer per database");
    assert!(second.to_string().contains("another Accord server is writing"), "{second}");
    first.shutdown();
    drop(first);
    // Once the first has stopped, the database opens again.
    Store::open_database(&db, Clock::system()).unwrap();
}

#[test]
fn a_malformed_url_or_an_unreachable_server_is_one_clear_line() {
    let bad = Database::parse("mysql://localhost/forum").unwrap_err().to_string();
    assert!(bad.contains("PostgreSQL URL") && !bad.contains('\n'), "{bad}");
    let malformed =
        Store::open_database(&Database::Postgres("postgres://a:b@host:notaport/db".into()), Clock::system())
            .err()
            .unwrap()
            .to_string();
    assert!(malformed.contains("not a valid PostgreSQL URL") && !malformed.contains('\n'), "{malformed}");
    assert!(!malformed.contains(":b@"), "the password is not shown: {malformed}");
    // A port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("postgres://accord:secret@127.0.0.1:{port}/forum");
    let unreachable = Store::open_database(&Database::Postgres(url), Clock::system()).err().unwrap().to_string();
    assert!(unreachable.contains("cannot reach postgres://accord:***@127.0.0.1"), "{unreachable}");
    assert!(!unreachable.contains('\n') && !unreachable.contains("secret"), "{unreachable}");
}

/// Every table of PostgreSQL's schema, with its columns in order, is one a
/// backup copies, or one it leaves out on purpose (SQLite's are compared
/// in `backup.rs`): a table added to the schema and forgotten by backups
/// fails here.
#[test]
fn every_postgres_table_is_backed_up_or_left_out_on_purpose() {
    let Some(db) = postgres() else { return };
    let Database::Postgres(url) = &db else { unreachable!() };
    Store::open_database(&db, Clock::manual(START)).unwrap().shutdown();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let columns: Vec<(String, String)> = rt.block_on(async {
        let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls).await.unwrap();
        tokio::spawn(connection);
        let rows = client
            .query(
                "SELECT table_name::text, column_name::text FROM information_schema.columns \
                 WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
                &[],
            )
            .await
            .unwrap();
        rows.iter().map(|r| (r.get(0), r.get(1))).collect()
    });
    let mut tables: Vec<&str> = columns.iter().map(|(t, _)| t.as_str()).collect();
    tables.dedup();
    for table in &tables {
        let ours = accord_store::backup::TABLES.iter().find(|t| t.name == *table);
        match ours {
            Some(t) => {
                let theirs: Vec<&str> = columns.iter().filter(|(n, _)| n == table).map(|(_, c)| c.as_str()).collect();
                assert_eq!(theirs, t.column_names(), "the columns of {table}");
            }
            None => assert!(accord_store::backup::LEFT_OUT.contains(table), "{table} is not in backups"),
        }
    }
    for t in accord_store::backup::TABLES {
        assert!(tables.contains(&t.name), "{} is not in PostgreSQL's schema", t.name);
    }
}

/// Waits up to 10 s for `condition`.
fn eventually(what: &str, condition: impl Fn() -> bool) {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !condition() {
        assert!(std::time::Instant::now() < deadline, "{what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_follower_catches_up_refuses_writes_and_takes_over_when_the_leader_stops() {
    let Some(db) = postgres() else { return };
    let clock = Clock::manual(START);
    let leader = Store::open_database(&db, clock.clone()).unwrap();
    let follower = Store::open_shared(&db, clock.clone()).unwrap();
    assert!(leader.is_leader() && !follower.is_leader());
    build_forum(&leader, &clock);
    eventually("the follower catches up", || follower.len() == leader.len());
    assert_eq!(follower.state().digest(), leader.state().digest());
    assert_eq!(follower.tree().root(), leader.tree().root());
    let refused = follower.submit_blocking(Principal::System, admit("ITA"), None).unwrap_err();
    assert!(matches!(refused, StoreError::NotLeader), "{refused}");

    let size = leader.len();
    leader.shutdown();
    drop(leader);
    eventually("the follower takes over", || follower.is_leader());
    let next = follower.submit_blocking(Principal::System, admit("ITA"), None).unwrap();
    assert_eq!(next.entry.index, size, "the new leader writes after the last committed entry");
    assert_eq!(Store::replay_database(&db).unwrap().digest(), follower.state().digest());
}

#[test]
fn a_batch_sequenced_in_an_ended_term_is_refused_by_the_fence() {
    let Some(db) = postgres() else { return };
    let Database::Postgres(url) = &db else { unreachable!() };
    let clock = Clock::manual(START);
    let store = Store::open_shared(&db, clock.clone()).unwrap();
    assert!(store.wait_to_lead(Duration::from_secs(10)));
    build_forum(&store, &clock);
    let size = store.len();
    // Another server took the role meanwhile and moved the term on, while
    // this one still believes it leads.
    psql(url, "UPDATE accord_head SET term = term + 1");
    let refused = store.submit_blocking(Principal::System, admit("ITA"), None).unwrap_err();
    assert!(matches!(refused, StoreError::NotLeader), "{refused}");
    assert_eq!(Store::replay_database(&db).unwrap().next_index, size, "nothing of the fenced batch is stored");
    assert_eq!(store.len(), size, "nothing of it is shown");
    // Nobody holds the role: the store takes it again, in a new term, and
    // writes after the committed record.
    eventually("the store leads again", || store.is_leader());
    let next = store.submit_blocking(Principal::System, admit("ITA"), None).unwrap();
    assert_eq!(next.entry.index, size);
}
