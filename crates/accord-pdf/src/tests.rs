//! Typesets real documents with the system's fonts and reads them back
//! with poppler-utils (`pdftotext`, `pdffonts`, `pdfinfo`), as a reader
//! would. Needs `fonts-noto-core`, `fonts-noto-cjk` and `poppler-utils`
//! (`test.sh` installs them).

use std::io::Write;
use std::process::Command;
use std::sync::Arc;

use accord_documents::{Distribution, Masthead};
use accord_domain::negotiation::markdown;
use accord_domain::negotiation::text::{Source as Origin, SourceKind};

use super::*;

fn masthead(title_language: &str) -> Masthead {
    Masthead {
        forum: "Open-ended working group on security of and in the use of ICTs".into(),
        symbol: "A/AC.292/2026/L.1".into(),
        distribution: Distribution::Limited,
        date: "2026-03-02".into(),
        original_language: title_language.into(),
        session: "Third substantive session".into(),
        agenda_item: "Item 5 of the provisional agenda".into(),
    }
}

fn draft(title: &str) -> Instrument {
    let source = Arc::new(Origin { entry: 0, time: 0, how: SourceKind::ZeroDraft });
    let mut md = format!("# {title}\n\n## Preamble\n\nRecalling its earlier resolutions,\n\n");
    for a in 1..=12 {
        md.push_str(&format!("### Article {a} — Heading {a}\n\n"));
        for p in 1..=3 {
            md.push_str(&format!(
                "{p}. States shall cooperate in good faith in article {a}, paragraph {p}, so that the text runs \
                 over more than one line of the page and the pages break.\n"
            ));
        }
        md.push('\n');
    }
    markdown::parse(&md, source).expect("the draft parses")
}

fn options(language: Language) -> Options {
    Options { language, line_numbers: false, backers: Backers::Footnote, fonts: Fonts::shared(&Fonts::dirs(None)) }
}

fn tool(name: &str, args: &[&str], pdf: &[u8]) -> String {
    let mut file = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
    file.write_all(pdf).unwrap();
    let mut all: Vec<&str> = args.to_vec();
    let path = file.path().to_str().unwrap().to_owned();
    all.push(&path);
    if name == "pdftotext" {
        all.push("-");
    }
    let out = Command::new(name).args(&all).output().unwrap_or_else(|e| panic!("{name}: {e} (install poppler-utils)"));
    assert!(out.status.success(), "{name} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn text(pdf: &[u8]) -> String {
    tool("pdftotext", &["-enc", "UTF-8"], pdf)
}

/// Every font `pdffonts` lists is embedded (`emb` is `yes`), and there is
/// at least one.
fn assert_embedded(pdf: &[u8]) {
    let listing = tool("pdffonts", &[], pdf);
    let rows: Vec<&str> = listing.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts: {listing}");
    for row in rows {
        // name type encoding emb sub uni object ID: `emb` is the fourth
        // column from the end.
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(cols[cols.len() - 5], "yes", "not embedded: {row}");
    }
}

fn info(pdf: &[u8]) -> (usize, String) {
    let info = tool("pdfinfo", &[], pdf);
    let pages = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    let size = info.lines().find_map(|l| l.strip_prefix("Page size:")).unwrap().trim().to_owned();
    (pages, size)
}

#[test]
fn an_english_version_reads_back_in_order_on_a4_with_its_page_numbers() {
    let i = draft("Framework on responsible behaviour");
    let m = masthead("English");
    let pdf = instrument(&i, &m, &Labels::english(&m, None), &options(Language::En)).unwrap();
    let (pages, size) = info(&pdf.bytes);
    assert_eq!(pages, pdf.pages);
    assert!(pages >= 2, "{pages} pages");
    assert!(size.contains("595.276 x 841.89") || size.contains("(A4)"), "{size}");
    assert_embedded(&pdf.bytes);
    let t = text(&pdf.bytes);
    let order = ["A/AC.292/2026/L.1", "Distr.: Limited", "Original: English", "Framework on responsible", "Article 1"];
    let mut at = 0;
    for w in order {
        let found = t[at..].find(w).unwrap_or_else(|| panic!("{w:?} not after byte {at} in {t}"));
        at += found + w.len();
    }
    for n in 1..=pages {
        assert!(t.contains(&format!("{n}/{pages}")), "no page number {n}/{pages} in {t}");
    }
}

#[test]
fn typst_syntax_in_a_title_prints_as_written() {
    for hostile in [
        r#"#import "@preview/cetz:0.3.0": *"#,
        r#"*bold* _em_ $x^2$ [link] \ back\slash"#,
        r#"#let x = 1; #x #{ panic("ran") }"#,
        "\"quoted\" #read(\"/etc/passwd\")",
    ] {
        let i = draft(hostile);
        let m = Masthead { session: hostile.to_owned(), ..masthead("English") };
        let pdf = instrument(&i, &m, &Labels::english(&m, None), &options(Language::En)).unwrap();
        let t = text(&pdf.bytes);
        assert!(t.contains(hostile), "{hostile:?} not printed as written in {t}");
    }
}

#[test]
fn a_missing_font_is_refused_naming_the_package() {
    let empty = tempfile::tempdir().unwrap();
    let fonts = Fonts::shared(&[empty.path().to_path_buf()]);
    let i = draft("Framework");
    let m = masthead("English");
    let o = Options { fonts, ..options(Language::Zh) };
    let r = instrument(&i, &m, &Labels::english(&m, None), &o).unwrap_err();
    assert_eq!(r.code, "fonts_missing");
    assert!(r.message.contains("fonts-noto-cjk"), "{}", r.message);
}
