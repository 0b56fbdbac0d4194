use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

use super::{current, number, t, t2, Lang};

/// Every message of every language: id → the variables it references.
type Catalogue = BTreeMap<String, BTreeSet<String>>;

fn locales() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

fn catalogue(lang: Lang) -> Catalogue {
    let mut out = Catalogue::new();
    let dir = locales().join(lang.code());
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        let resource = fluent_syntax::parser::parse(source.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", file.display()));
        for entry in resource.body {
            let (id, value, attributes) = match entry {
                ast::Entry::Message(m) => (m.id.name.to_owned(), m.value, m.attributes),
                ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
                _ => continue,
            };
            let mut vars = BTreeSet::new();
            if let Some(p) = &value {
                pattern_vars(p, &mut vars);
            }
            for a in &attributes {
                pattern_vars(&a.value, &mut vars);
            }
            let previous = out.insert(id.clone(), vars);
            assert!(previous.is_none(), "{}: message {id} is defined twice", file.display());
        }
    }
    out
}

fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

/// A message missing in any language, one that only a translation has,
/// or a placeable that differs from English, fails here.
#[test]
fn every_language_has_every_message() {
    let english = catalogue(Lang::En);
    assert!(english.len() > 20, "the English catalogue is nearly empty");
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        if lang == Lang::En {
            continue;
        }
        let other = catalogue(lang);
        for (id, vars) in &english {
            match other.get(id) {
                None => problems.push(format!("{lang}: {id} is missing")),
                Some(v) if v != vars => problems.push(format!("{lang}: {id} uses {v:?} where English uses {vars:?}")),
                Some(_) => {}
            }
        }
        for id in other.keys().filter(|id| !english.contains_key(*id)) {
            problems.push(format!("{lang}: {id} is not an English message"));
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

/// Every message id the templates and the code name exists in English.
#[test]
fn every_message_named_in_the_code_exists() {
    let english = catalogue(Lang::En);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(&root.join("templates"), &mut files);
    collect(&root.join("src"), &mut files);
    // The command's messages live here too.
    collect(&root.join("../accord/src"), &mut files);
    let call = regex_lite_calls();
    let mut missing = BTreeSet::new();
    let mut named = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for id in call(&text) {
            named += 1;
            if !english.contains_key(&id) {
                missing.insert(format!("{}: {id}", file.strip_prefix(root).unwrap().display()));
            }
        }
    }
    assert!(named > 10, "found only {named} message ids in the code");
    assert!(missing.is_empty(), "messages named in the code but not in locales/en:\n{}", missing_list(&missing));
}

fn missing_list(m: &BTreeSet<String>) -> String {
    m.iter().cloned().collect::<Vec<_>>().join("\n")
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "html" || e == "rs") && !path.ends_with("i18n/tests.rs") {
            out.push(path);
        }
    }
}

/// Finds `t("id"`, `t1("id"`, `t2("id"`, `t3("id"` (the message helpers)
/// and `ht1("id"`, `ht2("id"`, `ht3("id"`, `nt2("id"` (the same as HTML).
fn regex_lite_calls() -> impl Fn(&str) -> Vec<String> {
    |text: &str| {
        let mut ids = Vec::new();
        for prefix in ["t(\"", "t1(\"", "t2(\"", "t3(\"", "ht1(\"", "ht2(\"", "ht3(\"", "nt2(\""] {
            let mut rest = text;
            while let Some(at) = rest.find(prefix) {
                let before = rest[..at].chars().next_back();
                rest = &rest[at + prefix.len()..];
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                if let Some(end) = rest.find('"') {
                    let id = &rest[..end];
                    if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
                        ids.push(id.to_owned());
                    }
                }
            }
        }
        ids
    }
}

#[test]
fn accept_language_picks_the_best_supported_language() {
    assert_eq!(Lang::from_accept_language("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5"), Some(Lang::Fr));
    assert_eq!(Lang::from_accept_language("de, ar;q=0.2, zh-Hant;q=0.3"), Some(Lang::Zh));
    assert_eq!(Lang::from_accept_language("de-DE, it"), None);
    assert_eq!(Lang::from_accept_language("ru;q=0, es;q=0.1"), Some(Lang::Es));
    assert_eq!(Lang::from_accept_language("es;q=2, ru"), Some(Lang::Ru), "a malformed quality counts as 0");
    assert_eq!(Lang::from_accept_language(""), None);
    assert_eq!(Lang::from_accept_language(";;;,,,q=1"), None);
    assert_eq!(Lang::parse("AR-eg"), Some(Lang::Ar));
    assert_eq!(Lang::parse("arn"), None);
}

#[test]
fn messages_follow_the_current_language_and_its_plural_rules() {
    assert_eq!(current(), Lang::En);
    let english = t("nav-home");
    let arabic = Lang::Ar.scope_sync(|| t("nav-home"));
    assert_ne!(english, arabic);
    assert_eq!(Lang::Fr.scope_sync(current), Lang::Fr);
    let one = t2("footer-record-size", "count", 1u64, "size", number(1u64));
    let many = t2("footer-record-size", "count", 5u64, "size", number(5u64));
    assert!(one.contains("1 entry"), "{one}");
    assert!(many.contains("5 entries"), "{many}");
    // The count chooses the plural, the figure is written as French writes it.
    let french = Lang::Fr.scope_sync(|| t2("footer-record-size", "count", 12345u64, "size", number(12345u64)));
    assert_eq!(french, "le registre compte 12\u{202F}345 entrées");
}
