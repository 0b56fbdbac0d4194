use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use accord_domain::Refusal;
use axum::http::StatusCode;

use super::ApiError;
use crate::http::i18n::{exactly_in, Lang};

/// The crates whose errors reach a client: the domain's refusals, the
/// server's own errors, the store's (its writer refuses too) and the
/// documents' (imports are refused with their codes).
const CRATES: [&str; 5] = ["accord-domain", "accord-server", "accord-store", "accord-documents", "accord-pdf"];

/// Calls whose first argument (after a status) is an error's code.
const BUILDERS: [&str; 11] = [
    "Refusal::invalid(",
    "Refusal::forbidden(",
    "Refusal::not_found(",
    "Refusal::conflict(",
    "Refusal::unprocessable(",
    "Refusal::too_large(",
    "ApiError::new(",
    "ApiError::bad_request(",
    "ApiError::forbidden(",
    "ApiError::not_found(",
    "Refusal { code:",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("http/error/tests.rs") {
            out.push(path);
        }
    }
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every place `needle` is called (not as the tail of a longer name).
fn calls<'t>(text: &'t str, needle: &str) -> Vec<(usize, &'t str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(needle).map(|i| from + i) {
        from = at + needle.len();
        let before = text[..at].chars().next_back();
        if needle.starts_with(char::is_lowercase) && before.is_some_and(|c| is_ident(c) || c == ':' || c == '.') {
            continue;
        }
        out.push((at, &text[from..]));
    }
    out
}

/// `const NAME: &str = "code";` in a file: codes named by constants.
fn constants(text: &str, into: &mut BTreeMap<String, String>) {
    for line in text.lines() {
        let Some(rest) = line.trim_start().trim_start_matches("pub ").strip_prefix("const ") else { continue };
        let Some((name, value)) = rest.split_once(": &str = \"") else { continue };
        let Some(value) = value.strip_suffix("\";") else { continue };
        if value.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') && !value.is_empty() {
            into.insert(name.to_owned(), value.to_owned());
        }
    }
}

/// The names of the functions of a file that take an error's code as
/// their first parameter and build a refusal with it (`refuse(code, …)`).
fn wrappers(text: &str) -> Vec<String> {
    calls(text, "fn ")
        .into_iter()
        .filter_map(|(_, rest)| {
            let (name, params) = rest.split_once('(')?;
            (params.starts_with("code: &'static str") && name.chars().all(is_ident)).then(|| format!("{name}("))
        })
        .collect()
}

/// Every error code the sources build, with where; and the arguments
/// that name a code in a way this reading cannot follow.
fn codes_in_sources() -> (BTreeMap<String, BTreeSet<String>>, Vec<String>) {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut files = Vec::new();
    for name in CRATES {
        rust_files(&crates.join(name).join("src"), &mut files);
    }
    files.sort();
    let texts: Vec<(PathBuf, String)> =
        files.into_iter().map(|f| (f.clone(), std::fs::read_to_string(f).unwrap())).collect();
    let mut consts = BTreeMap::new();
    for (_, text) in &texts {
        constants(text, &mut consts);
    }
    let mut codes: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut unread = Vec::new();
    for (file, text) in &texts {
        let shown = file.strip_prefix(crates).unwrap().display().to_string();
        let mut needles: Vec<String> = BUILDERS.iter().map(|s| s.to_string()).collect();
        needles.push("Self::new(".into());
        needles.extend(wrappers(text));
        for needle in &needles {
            for (at, rest) in calls(text, needle) {
                let line = text[..at].lines().count();
                let mut arg = rest.trim_start();
                if needle == "Self::new(" {
                    // Only the HTTP error's own constructors.
                    if !arg.starts_with("StatusCode::") {
                        continue;
                    }
                }
                if arg.starts_with("StatusCode::") || arg.starts_with("status,") {
                    arg = arg.split_once(',').map_or("", |(_, r)| r).trim_start();
                }
                let code = if let Some(literal) = arg.strip_prefix('"') {
                    literal.split('"').next().map(str::to_owned)
                } else {
                    let ident: String = arg.chars().take_while(|c| is_ident(*c) || *c == '.').collect();
                    match ident.as_str() {
                        // A constructor or wrapper passing its parameter on.
                        "code" | "r.code" => continue,
                        other => consts.get(other).cloned(),
                    }
                };
                match code {
                    Some(code) => {
                        codes.entry(code).or_default().insert(format!("{shown}:{line}"));
                    }
                    None => unread.push(format!("{shown}:{line}: {needle}{}", arg.lines().next().unwrap_or(""))),
                }
            }
        }
    }
    (codes, unread)
}

/// Every code an error is built with has its English `error-<code>`
/// (and, through the i18n tests, one in every language). A code chosen
/// in a way this reading cannot follow (a variable, a `match`) fails too:
/// name it with a literal or a constant.
#[test]
fn every_error_code_has_a_message() {
    let (codes, unread) = codes_in_sources();
    assert!(
        unread.is_empty(),
        "error codes this test cannot read (use a literal or a constant):\n{}",
        unread.join("\n")
    );
    for known in
        ["member_exists", "unauthenticated", "internal_error", "shutting_down", "text_not_nfc", "malformed_docx"]
    {
        assert!(codes.contains_key(known), "the reading of the sources missed {known}: {} codes found", codes.len());
    }
    assert!(codes.len() > 200, "only {} error codes found", codes.len());
    let missing: Vec<String> = codes
        .iter()
        .filter(|(code, _)| exactly_in(Lang::En, &format!("error-{code}")).is_none())
        .map(|(code, at)| format!("error-{code} (built at {})", at.iter().next().unwrap()))
        .collect();
    assert!(
        missing.is_empty(),
        "{} error codes have no message in locales/en/errors.ftl:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

/// A message in `errors.ftl` that no code uses is a leftover.
#[test]
fn every_error_message_has_a_code() {
    let (codes, _) = codes_in_sources();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en/errors.ftl");
    let text = std::fs::read_to_string(path).unwrap();
    let unused: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("error-")?.split_once(" =").map(|(code, _)| code))
        .filter(|code| !codes.contains_key(*code))
        .collect();
    assert!(unused.is_empty(), "messages for codes no error uses: {unused:?}");
}

#[test]
fn an_error_speaks_the_request_language_and_keeps_its_code() {
    let english = "BRA (Brazil) is already admitted";
    let refusal = || Refusal::conflict("member_exists", english);

    let in_english = ApiError::from(refusal());
    assert_eq!(in_english.message, english, "English keeps the precise message");

    let french = Lang::Fr.scope_sync(|| ApiError::from(refusal()));
    assert_eq!(french.code, "member_exists");
    assert_eq!(french.status, StatusCode::CONFLICT);
    assert_eq!(Some(french.message.clone()), exactly_in(Lang::Fr, "error-member_exists"));
    assert_ne!(french.message, english);
    assert!(french.message.contains("membre"), "{}", french.message);

    let arabic =
        Lang::Ar.scope_sync(|| ApiError::forbidden("secretariat_only", "only the secretariat opens a process"));
    assert_eq!(arabic.code, "secretariat_only");
    assert_eq!(arabic.status, StatusCode::FORBIDDEN);
    assert!(arabic.message.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)), "{}", arabic.message);

    let internal = Lang::Zh.scope_sync(ApiError::internal);
    assert_eq!(internal.code, "internal_error");
    assert!(internal.message.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)), "{}", internal.message);
}

#[test]
fn an_unknown_code_keeps_the_english_message() {
    let error = Lang::Fr.scope_sync(|| ApiError::bad_request("no_code_has_this_name", "the precise English message"));
    assert_eq!(error.code, "no_code_has_this_name");
    assert_eq!(error.message, "the precise English message");
}

#[test]
fn a_message_already_translated_is_kept() {
    let error = Lang::Ru
        .scope_sync(|| ApiError::translated(StatusCode::BAD_REQUEST, "invalid_language", "уже переведено".to_owned()));
    assert_eq!(error.message, "уже переведено");
}
