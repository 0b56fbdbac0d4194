//! The record: paging, replay, group commit, blobs.

use std::sync::Arc;

use accord_domain::ids::DisplayName;
use accord_domain::state::{Action, MemberKind, MemberStatus, OrganisationCategory, Principal};
use accord_domain::{Entry, MemberCode};
use accord_store::{PrivateWrite, Store};
use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::*;

#[tokio::test]
async fn record_pages_through_every_entry_in_order() {
    let forum = TestForum::new();
    let n = forum.record_len();
    let mut seen = Vec::new();
    let mut after: Option<u64> = None;
    loop {
        let path = match after {
            Some(a) => format!("/api/v1/record?after={a}&limit=3"),
            None => "/api/v1/record?limit=3".into(),
        };
        let (status, page) = forum.get(&path).await;
        assert_eq!(status, StatusCode::OK);
        let page = page.as_array().unwrap().clone();
        if page.is_empty() {
            break;
        }
        for e in &page {
            for field in ["index", "time", "actor", "kind", "payload"] {
                assert!(!e[field].is_null(), "entry without {field}: {e}");
            }
            seen.push(e["index"].as_u64().unwrap());
        }
        after = seen.last().copied();
    }
    assert_eq!(seen, (0..n).collect::<Vec<_>>());
    let (_, first) = forum.get("/api/v1/record/0").await;
    assert_eq!(first["kind"], "forum.established");
    assert_eq!(first["actor"], json!({"type": "system"}));
    assert!(first["time"].as_str().unwrap().ends_with('Z'));
    // The canonical bytes decode to the same entry.
    let decoded = Entry::decode(first["canonical"].as_str().unwrap().as_bytes()).unwrap();
    assert_eq!(decoded.index, 0);
}

#[tokio::test]
async fn replay_of_the_file_reproduces_the_state() {
    let forum = TestForum::new();
    let tokens = forum.tokens().await;
    forum.post("/api/v1/members", &tokens["sec"], json!({"code": "FRA", "kind": "state", "status": "observer"})).await;
    forum.post("/api/v1/members/FRA/status", &tokens["sec"], json!({"status": "member"})).await;
    forum.post("/api/v1/delegates/D5/withdraw", &tokens["bra_head"], json!({"reason": "x"})).await;
    let live = forum.store.state().clone();
    // A second store on the same database replays the record from entry 0.
    let database = forum.database.clone();
    let replayed = tokio::task::spawn_blocking(move || Store::replay_database(&database).unwrap()).await.unwrap();
    assert_eq!(replayed, live);
    assert_eq!(replayed.next_index, forum.record_len());
}

#[test]
fn concurrent_appends_share_commits() {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::open(&dir.path().join("accord.sqlite3")).unwrap());
    accord_server::setup::init_forum(
        &store,
        DisplayName::parse("F").unwrap(),
        vec![accord_domain::ids::LanguageTag::parse("en").unwrap()],
        DisplayName::parse("S").unwrap(),
        accord_domain::Email::parse("s@f.test").unwrap(),
        PASSWORD,
    )
    .unwrap();
    let commits_before = store.metrics().commits.load(std::sync::atomic::Ordering::Relaxed);
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).build().unwrap();
    let indexes = rt.block_on(async {
        let mut tasks = Vec::new();
        for i in 0..512 {
            let store = store.clone();
            tasks.push(tokio::spawn(async move {
                let action = Action::AdmitMember {
                    code: MemberCode::parse(&format!("ORG{i}")).unwrap(),
                    name: Some(DisplayName::parse("Org").unwrap()),
                    kind: MemberKind::Organisation,
                    category: Some(OrganisationCategory::Academia),
                    status: MemberStatus::Observer,
                };
                store.submit(Principal::System, action, None).await.unwrap().entry.index
            }));
        }
        let mut out = Vec::new();
        for t in tasks {
            out.push(t.await.unwrap());
        }
        out
    });
    let mut sorted = indexes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), 512, "every append got its own index");
    assert_eq!(store.len(), 2 + 512);
    let commits = store.metrics().commits.load(std::sync::atomic::Ordering::Relaxed) - commits_before;
    assert!(commits < 512, "512 concurrent appends took {commits} commits: they should share fsyncs");
}

#[test]
fn blobs_are_stored_with_their_entry() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("accord.sqlite3")).unwrap();
    let big = "A long statement. ".repeat(10_000).into_bytes();
    assert!(big.len() > accord_domain::ENTRY_MAX_BYTES);
    store
        .submit_blocking(
            Principal::System,
            Action::EstablishForum {
                name: DisplayName::parse("F").unwrap(),
                languages: vec![accord_domain::ids::LanguageTag::parse("en").unwrap()],
                log: None,
            },
            Some(PrivateWrite::Blobs(vec![big.clone()])),
        )
        .unwrap();
    let hash = accord_store::blob_hash(&big);
    assert_eq!(store.blob(&hash).unwrap().unwrap(), big);
    assert!(store.blob(&[0u8; 32]).unwrap().is_none());
}

#[test]
fn the_record_table_refuses_updates_and_deletes() {
    if sqlite_only(
        "SQL on the SQLite file; accord-store's backends tests run UPDATE, DELETE and TRUNCATE in PostgreSQL",
    ) {
        return;
    }
    let forum = TestForum::new();
    let conn = rusqlite_open(&forum.db_path());
    let update = conn.execute("UPDATE entries SET bytes = x'00' WHERE idx = 0", []);
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = conn.execute("DELETE FROM entries WHERE idx = 1", []);
    assert!(delete.unwrap_err().to_string().contains("append-only"));
}

fn rusqlite_open(path: &std::path::Path) -> accord_store::schema::Connection {
    accord_store::schema::connect(path).unwrap()
}

#[test]
fn secrets_never_enter_the_record() {
    let forum = TestForum::new();
    let entries = forum.store.entry_bytes(None, 10_000).unwrap();
    let all: String = entries.iter().map(|(_, b)| String::from_utf8_lossy(b).into_owned()).collect();
    assert!(!all.contains('@'), "an e-mail address is in the record");
    assert!(!all.contains("argon2"), "a password hash is in the record");
    assert!(!all.contains(PASSWORD));
}

/// A file written before the tree's hashes were stored in runs (one row per
/// hash in `tree_hashes`, schema 1) opens with the same state and tree, and
/// new entries are stored after it in runs.
#[test]
fn files_with_one_row_per_tree_hash_still_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("accord.sqlite3");
    let admit = |store: &Store, code: &str| {
        let action = Action::AdmitMember {
            code: MemberCode::parse(code).unwrap(),
            name: Some(DisplayName::parse("Org").unwrap()),
            kind: MemberKind::Organisation,
            category: Some(OrganisationCategory::Academia),
            status: MemberStatus::Observer,
        };
        store.submit_blocking(Principal::System, action, None).unwrap();
    };
    let (state, root) = {
        let store = Store::open(&path).unwrap();
        store
            .submit_blocking(
                Principal::System,
                Action::EstablishForum {
                    name: DisplayName::parse("F").unwrap(),
                    languages: vec![accord_domain::ids::LanguageTag::parse("en").unwrap()],
                    log: None,
                },
                None,
            )
            .unwrap();
        for i in 0..20 {
            admit(&store, &format!("OLD{i}"));
        }
        let state = store.state().clone();
        let root = store.tree().root();
        (state, root)
    };
    // Rewrite the runs as schema 1 wrote them.
    let conn = accord_store::schema::connect(&path).unwrap();
    let runs: Vec<(i64, Vec<u8>)> = conn
        .prepare("SELECT first, hashes FROM tree_hash_runs ORDER BY first")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!runs.is_empty());
    conn.execute_batch("DROP TRIGGER tree_hash_runs_are_never_deleted; DELETE FROM tree_hash_runs;").unwrap();
    for (first, hashes) in runs {
        for (i, hash) in hashes.chunks(32).enumerate() {
            conn.execute("INSERT INTO tree_hashes (idx, hash) VALUES (?1, ?2)", (first + i as i64, hash)).unwrap();
        }
    }
    drop(conn);
    let store = Store::open(&path).unwrap();
    assert_eq!(*store.state(), state);
    assert_eq!(store.tree().root(), root);
    admit(&store, "NEW1");
    let (size, root, _) = store.head();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.head().0, size);
    assert_eq!(store.tree().root(), root);
}

/// The state's parts are stored per checkpoint as snapshots and differences
/// from them: what is served for every checkpoint is the replay's at its
/// size.
#[tokio::test]
async fn the_state_of_every_checkpoint_is_served_as_it_was() {
    let forum = TestForum::new();
    let mut sizes = Vec::new();
    for n in 0..12 {
        forum
            .store
            .submit(
                Principal::System,
                Action::AdmitMember {
                    code: MemberCode::parse(&format!("PART{n}")).unwrap(),
                    name: Some(DisplayName::parse("Org").unwrap()),
                    kind: MemberKind::Organisation,
                    category: Some(OrganisationCategory::Ngo),
                    status: MemberStatus::Observer,
                },
                None,
            )
            .await
            .unwrap();
        assert!(accord_server::log::sign_checkpoint(&forum.state).unwrap().is_some());
        sizes.push(forum.record_len());
    }
    let entries: Vec<Entry> = forum.store.entries(None, 10_000).unwrap();
    let expected = |size: u64| {
        let mut state = accord_domain::State::new();
        for e in entries.iter().take(size as usize) {
            state.apply(e).unwrap();
        }
        state.digest_parts().into_iter().map(|(k, v)| (k, hex::encode(v))).collect::<std::collections::BTreeMap<_, _>>()
    };
    for &size in &sizes {
        let published = forum.store.checkpoint_state(size).unwrap().unwrap();
        assert_eq!(published.parts.as_ref(), Some(&expected(size)), "size {size}");
        let (status, body) = forum.get(&format!("/api/v1/log/state/{size}")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["parts"]["members"], expected(size)["members"], "size {size}");
    }
    // Most checkpoints were stored as differences, not whole copies (read
    // in the SQLite file; PostgreSQL stores the rows the store computes
    // alike).
    if !crate::helpers::on_postgres() {
        let conn = accord_store::schema::connect(&forum.db_path()).unwrap();
        let snapshots: i64 =
            conn.query_row("SELECT count(*) FROM checkpoint_states WHERE snapshot = size", [], |r| r.get(0)).unwrap();
        assert!(snapshots < sizes.len() as i64 / 2, "{snapshots} snapshots for {} checkpoints", sizes.len());
    }
    let last = *sizes.last().unwrap();
    assert_error(&forum.get(&format!("/api/v1/log/state/{}", last + 1)).await, StatusCode::NOT_FOUND, "no_checkpoint");
}

/// A record written under edition 2 (`tests/data/record-edition-2`) opens
/// with today's code and replays to the state digest its server published
/// with its latest checkpoint.
#[test]
fn a_record_of_edition_2_replays_to_its_published_digest() {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/record-edition-2/accord.sqlite3");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("accord.sqlite3");
    std::fs::copy(&fixture, &path).unwrap();
    let store = Store::open(&path).unwrap();
    let state = store.state().clone();
    let (size, _) = store.latest_checkpoint().unwrap().expect("the fixture has checkpoints");
    assert_eq!(size, 2840);
    assert_eq!(state.next_index, size);
    let published = store.checkpoint_digest(size).unwrap().expect("a digest with the checkpoint");
    let replayed = accord_domain::state::State::digest_v2(size, &state.digest_parts());
    assert_eq!(
        hex::encode(replayed),
        hex::encode(published),
        "the replay's state digest differs from the published one"
    );
}
