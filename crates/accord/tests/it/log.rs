//! The transparency log checked against the world: the RFC 6962 / 9162
//! proof vectors of transparency-dev/merkle, kept in `tests/data/tlog-vectors`.

use std::path::{Path, PathBuf};

use accord_log::{verify_consistency, verify_inclusion};
use base64::prelude::{Engine, BASE64_STANDARD};
use serde_json::Value;

fn vectors(kind: &str) -> Vec<(PathBuf, Value)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/tlog-vectors").join(kind);
    let mut out = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for e in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display())) {
            let path = e.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "json") {
                let v: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
                out.push((path, v));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn b64(v: &Value) -> Vec<u8> {
    // Some vectors carry deliberately broken values; an undecodable one
    // becomes an empty hash, which the verifier refuses as not 32 bytes.
    v.as_str().and_then(|s| BASE64_STANDARD.decode(s).ok()).unwrap_or_default()
}

fn proof(v: &Value) -> Vec<Vec<u8>> {
    v.as_array().map(|a| a.iter().map(b64).collect()).unwrap_or_default()
}

#[test]
fn every_inclusion_vector_is_accepted_or_rejected_as_it_says() {
    let all = vectors("inclusion");
    assert!(all.len() > 40, "found only {} inclusion vectors", all.len());
    for (path, v) in all {
        let result = verify_inclusion(
            v["leafIdx"].as_u64().unwrap(),
            v["treeSize"].as_u64().unwrap(),
            &b64(&v["leafHash"]),
            &b64(&v["root"]),
            &proof(&v["proof"]),
        );
        assert_eq!(result.is_err(), v["wantErr"].as_bool().unwrap(), "{}: {result:?}", path.display());
    }
}

#[test]
fn every_consistency_vector_is_accepted_or_rejected_as_it_says() {
    let all = vectors("consistency");
    assert!(all.len() > 40, "found only {} consistency vectors", all.len());
    for (path, v) in all {
        let result = verify_consistency(
            v["size1"].as_u64().unwrap(),
            v["size2"].as_u64().unwrap(),
            &b64(&v["root1"]),
            &b64(&v["root2"]),
            &proof(&v["proof"]),
        );
        assert_eq!(result.is_err(), v["wantErr"].as_bool().unwrap(), "{}: {result:?}", path.display());
    }
}

mod served {
    use axum::body::Body;
    use axum::http::{header, Request, StatusCode};
    use base64::prelude::{Engine, BASE64_STANDARD};
    use serde_json::Value;

    use crate::helpers::*;

    #[tokio::test]
    async fn checkpoint_tiles_proofs_and_receipts() {
        let forum = TestForum::new();
        let n = forum.record_len();
        // Before any checkpoint: a clear answer, and receipts wait.
        assert_error(&forum.get("/log/checkpoint").await, StatusCode::NOT_FOUND, "no_checkpoint");
        assert_error(&forum.get("/api/v1/record/0/receipt").await, StatusCode::CONFLICT, "not_yet_checkpointed");
        assert_eq!(accord_server::log::sign_checkpoint(&forum.state).unwrap(), Some(n));
        assert_eq!(accord_server::log::sign_checkpoint(&forum.state).unwrap(), None, "no growth, no new checkpoint");

        let (_, info) = forum.get("/api/v1/log").await;
        let key = info["verifier_key"].as_str().unwrap().to_owned();
        let req = Request::builder().uri("/log/checkpoint").body(Body::empty()).unwrap();
        let (status, note) = forum.raw(req).await;
        assert_eq!(status, StatusCode::OK);
        let checkpoint = accord_log::checkpoint::open_checkpoint(&note, &key).unwrap();
        assert_eq!(checkpoint.size, n);

        // The pages show it.
        let page = |path: &str| {
            let req = Request::builder().uri(path).body(Body::empty()).unwrap();
            let forum = &forum;
            async move { String::from_utf8(forum.raw(req).await.1).unwrap() }
        };
        let record = page("/record").await;
        assert!(
            record.contains("The latest checkpoint") && record.contains(&key),
            "the record page shows the checkpoint"
        );
        assert!(page("/").await.contains(&key), "the home page shows the verifier key");
        assert!(page("/record/3").await.contains("download the receipt"));
        // The entry's page shows its inclusion proof: the hashes, the tree
        // size, the root, and the checkpoint.
        let (_, inclusion) = forum.get(&format!("/api/v1/log/inclusion?index=3&size={n}")).await;
        let entry_page = page("/record/3").await;
        let hashes = inclusion["proof"].as_array().unwrap();
        assert!(!hashes.is_empty());
        for h in hashes {
            let shown = format!("<code class=\"wrap-anywhere\" data-proof-hash>{}</code>", h.as_str().unwrap());
            assert!(entry_page.contains(&shown), "{shown} not in {entry_page}");
        }
        assert!(entry_page.contains(&format!("data-proof-root>{}</code>", inclusion["root"].as_str().unwrap())));
        assert!(entry_page.contains(&format!("<dt>Tree size</dt><dd>{n}</dd>")), "{entry_page}");
        assert!(entry_page.contains(&format!("{} hashes, from the leaf up", hashes.len())), "{entry_page}");
        assert!(entry_page.contains("href=\"/log/checkpoint\""), "{entry_page}");

        // Tiles: immutable, and only what exists.
        let res =
            forum.response(Request::builder().uri(format!("/log/tile/0/000.p/{n}")).body(Body::empty()).unwrap()).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.headers()[header::CACHE_CONTROL].to_str().unwrap().contains("immutable"));
        for missing in [
            "/log/tile/0/000",
            format!("/log/tile/0/000.p/{}", n + 1).as_str(),
            "/log/tile/entries/001",
            "/log/tile/0/bad",
            "/log/tile/1/000.p/1",
        ] {
            let (status, _) = forum.raw(Request::builder().uri(missing).body(Body::empty()).unwrap()).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{missing}");
        }
        let (_, bundle) = forum
            .raw(Request::builder().uri(format!("/log/tile/entries/000.p/{n}")).body(Body::empty()).unwrap())
            .await;
        let entries = accord_log::tiles::parse_entry_bundle(&bundle).unwrap();
        assert_eq!(entries.len() as u64, n);
        assert_eq!(entries[0], forum.store.entry_bytes(None, 1).unwrap()[0].1);

        // A receipt proves its entry against the signed checkpoint, offline.
        let (status, receipt) = forum.get("/api/v1/record/3/receipt").await;
        assert_eq!(status, StatusCode::OK, "{receipt}");
        assert_eq!(receipt["format"], "accord-receipt/v1");
        let opened =
            accord_log::checkpoint::open_checkpoint(receipt["checkpoint"].as_str().unwrap().as_bytes(), &key).unwrap();
        let proof: Vec<Vec<u8>> = receipt["proof"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| BASE64_STANDARD.decode(p.as_str().unwrap()).unwrap())
            .collect();
        let leaf = accord_log::leaf_hash(receipt["entry"].as_str().unwrap().as_bytes());
        accord_log::verify_inclusion(3, opened.size, &leaf.0, &opened.root.0, &proof).unwrap();
        assert_error(&forum.get("/api/v1/record/999/receipt").await, StatusCode::NOT_FOUND, "unknown_entry");

        // Proof endpoints refuse what cannot be proved.
        assert_error(
            &forum.get(&format!("/api/v1/log/inclusion?index={n}&size={n}")).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "no_such_proof",
        );
        // A size beyond the log is named as asked, with what the log has.
        let beyond = forum.get("/api/v1/log/inclusion?index=5&size=99999").await;
        assert_error(&beyond, StatusCode::UNPROCESSABLE_ENTITY, "no_such_proof");
        assert_eq!(beyond.1["message"], format!("there is no tree of size 99999: the log has {n} entries"));
        let beyond = forum.get("/api/v1/log/consistency?old=2&new=99999").await;
        assert_eq!(beyond.1["message"], format!("there is no tree of size 99999: the log has {n} entries"));
        let (_, outside) = forum.get(&format!("/api/v1/log/inclusion?index={}&size=3", n - 1)).await;
        assert_eq!(outside["message"], format!("the entry index {} is not in a tree of size 3", n - 1));
        assert_error(
            &forum.get("/api/v1/log/consistency?old=5&new=2").await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "no_such_proof",
        );
        let (status, c): (StatusCode, Value) = forum.get(&format!("/api/v1/log/consistency?old=2&new={n}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(c["proof"].as_array().is_some_and(|p| !p.is_empty()));
    }
    /// Waits (in real time, 10 s at most) until the latest checkpoint
    /// covers `size` entries.
    async fn checkpoint_covers(forum: &TestForum, size: u64) {
        for _ in 0..1000 {
            if forum.state.log.latest().is_some_and(|(s, _)| s >= size) {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        panic!("no checkpoint covers {size} entries");
    }

    /// Checkpoints are signed every `checkpoint_interval` on the forum's
    /// clock: at once when the signer starts, then not again, however long
    /// the wait in real time, until the clock has moved a whole interval.
    #[tokio::test]
    async fn checkpoints_are_signed_at_the_interval_on_the_clock() {
        let clock = manual_clock();
        let interval = std::time::Duration::from_secs(60);
        let config =
            accord_server::Config { clock: clock.clone(), checkpoint_interval: interval, ..Default::default() };
        let forum = TestForum::with_config(config);
        let signer = tokio::spawn(accord_server::log::run_checkpointer(forum.state.clone()));
        checkpoint_covers(&forum, forum.record_len()).await;
        let (s, _) =
            forum.post("/api/v1/sessions", &forum.token("sec").await, serde_json::json!({"title": "Session"})).await;
        assert_eq!(s, StatusCode::CREATED);
        let grown = forum.record_len();
        clock.advance(interval - std::time::Duration::from_millis(1));
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert!(forum.state.log.latest().unwrap().0 < grown, "signed before the interval had passed");
        clock.advance(std::time::Duration::from_millis(1));
        checkpoint_covers(&forum, grown).await;
        signer.abort();
    }
}

#[test]
fn a_changed_entry_in_the_file_is_found_at_start() {
    if crate::helpers::sqlite_only("edits the SQLite file; accord-store's backends tests change an entry in PostgreSQL")
    {
        return;
    }
    let forum = crate::helpers::TestForum::new();
    let path = forum.db_path();
    let crate::helpers::TestForum { dir: _dir, store, app, state, .. } = forum;
    drop((app, state, store));
    let conn = accord_store::schema::connect(&path).unwrap();
    // Someone with the file edits an entry behind Accord's back.
    conn.execute_batch("DROP TRIGGER entries_are_never_updated").unwrap();
    conn.execute(
        "UPDATE entries SET bytes = CAST(replace(CAST(bytes AS TEXT), 'Brazil', 'Brasil') AS BLOB) WHERE idx = 2",
        [],
    )
    .unwrap();
    drop(conn);
    let err = accord_store::Store::open(&path).err().expect("the store refuses a damaged record");
    let message = err.to_string();
    assert!(message.contains("entry 2") && message.contains("was changed"), "{message}");
}
