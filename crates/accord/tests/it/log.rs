//! The transparency log checked against the world: the RFC 6962 / 9162
//! proof vectors of transparency-dev/merkle in `../shared/data`.

use std::path::{Path, PathBuf};

use accord_log::{verify_consistency, verify_inclusion};
use base64::prelude::{Engine, BASE64_STANDARD};
use serde_json::Value;

fn vectors(kind: &str) -> Vec<(PathBuf, Value)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/tlog-vectors").join(kind);
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
