//! Checks the layering of the server's files, so that it cannot rot
//! unseen: `http/` imports nothing from the features nor from `shared`;
//! `shared` imports no feature; and no feature (a folder of `src/` other
//! than `http/`) imports another. Only code is read: comments and
//! documentation may name any module.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const ROOT_MODULES: &[&str] = &["setup", "demo"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The features: the folders of `src/` other than `http/`.
fn features() -> BTreeSet<String> {
    std::fs::read_dir(src())
        .expect("src/ is readable")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "http" && name != "demo")
        .collect()
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a readable folder").filter_map(|e| e.ok()) {
        let path = entry.path();
        if path.is_dir() {
            found.extend(rust_files(&path));
        } else if path.extension().is_some_and(|x| x == "rs") {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// The modules of the crate's root that a file's code names: `crate::x`,
/// `crate::{x, …}`, and `super::super::x` (which leaves a feature's folder).
fn named_root_modules(code: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let ident = |s: &str| s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>();
    for line in code.lines() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        for prefix in ["crate::", "super::super::"] {
            for (at, _) in line.match_indices(prefix) {
                let rest = &line[at + prefix.len()..];
                if let Some(group) = rest.strip_prefix('{') {
                    let group = group.split('}').next().unwrap_or("");
                    names.extend(group.split(',').map(|part| ident(part.trim())).filter(|n| !n.is_empty()));
                } else {
                    names.insert(ident(rest));
                }
            }
        }
    }
    names
}

fn violations() -> Vec<String> {
    let features = features();
    let mut found = Vec::new();
    let mut check = |file: &Path, forbidden: &BTreeSet<String>, layer: &str| {
        let code = std::fs::read_to_string(file).expect("a readable source file");
        for name in named_root_modules(&code).intersection(forbidden) {
            found.push(format!("{} ({layer}) uses crate::{name}", file.display()));
        }
    };
    let mut above_http: BTreeSet<String> = features.clone();
    above_http.insert("shared".into());
    above_http.extend(ROOT_MODULES.iter().map(|m| m.to_string()));
    for file in rust_files(&src().join("http")) {
        check(&file, &above_http, "http");
    }
    let mut above_shared = features.clone();
    above_shared.extend(ROOT_MODULES.iter().map(|m| m.to_string()));
    check(&src().join("shared.rs"), &above_shared, "shared");
    for feature in &features {
        let mut others: BTreeSet<String> = features.iter().filter(|f| *f != feature).cloned().collect();
        others.extend(ROOT_MODULES.iter().map(|m| m.to_string()));
        for file in rust_files(&src().join(feature)) {
            check(&file, &others, feature);
        }
    }
    found
}

#[test]
fn the_layers_import_only_downwards() {
    assert_eq!(
        features(),
        ["account", "consultations", "meetings", "members", "negotiation", "record", "translations"]
            .map(String::from)
            .into()
    );
    let found = violations();
    assert!(found.is_empty(), "imports against the layering:\n{}", found.join("\n"));
}

#[test]
fn the_check_sees_an_import_across_features() {
    let names = named_root_modules(
        "use crate::members::api;\nuse crate::{http, negotiation::shapes};\n// crate::record in a comment\nlet x = super::super::meetings::f();",
    );
    assert_eq!(names, ["http", "meetings", "members", "negotiation"].map(String::from).into());
}
