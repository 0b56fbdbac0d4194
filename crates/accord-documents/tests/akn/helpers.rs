//! Fixtures: a draft in Accord's Markdown convention, a masthead, the real
//! documents, and the schema check with xmllint.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use accord_documents::export::{Distribution, DocumentKind, Expression, Masthead};
use accord_domain::negotiation::markdown;
use accord_domain::negotiation::text::{Instrument, Source, SourceKind};

pub fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/akn").join(path)
}

pub fn read(path: &str) -> Vec<u8> {
    std::fs::read(data(path)).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

pub fn source() -> Arc<Source> {
    Arc::new(Source { entry: 0, time: 0, how: SourceKind::ZeroDraft })
}

pub const DRAFT: &str = "# Framework on Responsible Behaviour in Cyberspace\n\n## Preamble\n\n\
Recalling the Charter of the United Nations & its purposes,\n\n\
Noting that <b>markup</b> is text,\n\n\
## Chapter I — General provisions\n\n### Article 1 — Purpose\n\n\
1. The purpose of this Framework is to:\n   (a) promote cooperation;\n   (b) strengthen \"trust\".\n\n\
2. States shall cooperate.\n\n### Article 2\n\nThis Framework applies to all States.\n\n\
## Chapter II — Final provisions\n\n### Article 3 — Entry into force\n\n\
1. Le présent Cadre entre en vigueur; 本框架生效; يدخل هذا الإطار حيز النفاذ.\n";

pub fn draft() -> Instrument {
    markdown::parse(DRAFT, source()).expect("the draft parses")
}

pub fn masthead() -> Masthead {
    Masthead {
        forum: "Open-ended working group on security of and in the use of information and communications technologies"
            .to_owned(),
        symbol: "A/AC.292/2026/L.1/Rev.2".to_owned(),
        distribution: Distribution::Limited,
        date: "2026-03-02".to_owned(),
        original_language: "English".to_owned(),
        session: "Third substantive session".to_owned(),
        agenda_item: "Item 5 of the provisional agenda".to_owned(),
    }
}

pub fn expression(kind: DocumentKind) -> Expression {
    Expression { kind, language: "eng".to_owned(), version: 2, version_name: Some("Rev.2".to_owned()) }
}

/// Runs xmllint on `file` against the Akoma Ntoso 3.0 schema: what it
/// said, if the file does not validate. Fails (never skips) when xmllint
/// is missing.
pub fn schema_check(file: &Path) -> Result<(), String> {
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(data("schema/akomantoso30.xsd"))
        .arg(file)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "xmllint is needed to check Akoma Ntoso against its schema and could not be run ({e}): \
                 install the Debian package libxml2-utils (test.sh does)"
            )
        });
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if out.status.success() && stderr.contains("validates") {
        Ok(())
    } else {
        Err(stderr)
    }
}

/// Validates `xml` against the Akoma Ntoso 3.0 schema with the real
/// xmllint.
pub fn validate(name: &str, xml: &str) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("akn");
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let file = dir.join(format!("{name}.xml"));
    std::fs::write(&file, xml).expect("writing the document");
    if let Err(said) = schema_check(&file) {
        panic!("{name} does not validate against akomantoso30.xsd:\n{said}\n{}", file.display());
    }
}
