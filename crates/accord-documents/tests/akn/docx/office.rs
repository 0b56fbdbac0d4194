//! LibreOffice, headless, as the independent judge of the .docx files
//! Accord writes: each conversion runs with its own user profile so that
//! tests can run in parallel.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

static RUN: AtomicUsize = AtomicUsize::new(0);

/// A fresh directory under the test target directory.
pub fn scratch(name: &str) -> PathBuf {
    let n = RUN.fetch_add(1, Ordering::SeqCst);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("docx-{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

/// Converts `file` with `soffice --headless --convert-to target`, and
/// answers the converted file. Panics with what LibreOffice said when it
/// fails or writes nothing; fails (never skips) when LibreOffice is
/// missing.
pub fn convert(file: &Path, target: &str) -> PathBuf {
    let dir = file.parent().expect("a directory");
    let profile = dir.join("profile");
    let out = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--norestore", "--convert-to", target, "--outdir"])
        .arg(dir)
        .arg(file)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "LibreOffice (soffice) is needed to check .docx files and could not be run ({e}): install the \
                 Debian package libreoffice-writer-nogui (test.sh does)"
            )
        });
    let ext = target.split(':').next().expect("an extension");
    let converted = file.with_extension(ext);
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "soffice failed on {}: {said}", file.display());
    assert!(converted.metadata().is_ok_and(|m| m.len() > 0), "soffice wrote no {ext} for {}: {said}", file.display());
    converted
}

/// Writes `bytes` as `name.docx` and has LibreOffice convert it to PDF;
/// answers the PDF's bytes.
pub fn to_pdf(name: &str, bytes: &[u8]) -> Vec<u8> {
    let dir = scratch(name);
    let file = dir.join(format!("{name}.docx"));
    std::fs::write(&file, bytes).expect("writing the .docx");
    let pdf = std::fs::read(convert(&file, "pdf")).expect("reading the PDF");
    assert!(pdf.starts_with(b"%PDF-"), "{name}: not a PDF");
    pdf
}

/// The text of a PDF by pdftotext (poppler-utils).
pub fn pdf_text(pdf: &[u8]) -> String {
    let dir = scratch("pdftotext");
    let file = dir.join("in.pdf");
    std::fs::write(&file, pdf).expect("writing the PDF");
    let out = Command::new("pdftotext").args(["-layout"]).arg(&file).arg("-").output().unwrap_or_else(|e| {
        panic!("pdftotext is needed ({e}): install the Debian package poppler-utils (test.sh does)")
    });
    assert!(out.status.success(), "pdftotext: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Has LibreOffice convert the .docx to flat ODF text (`.fodt`) and answers
/// its XML: what LibreOffice understood of the document.
pub fn to_fodt(name: &str, bytes: &[u8]) -> String {
    let dir = scratch(name);
    let file = dir.join(format!("{name}.docx"));
    std::fs::write(&file, bytes).expect("writing the .docx");
    std::fs::read_to_string(convert(&file, "fodt")).expect("reading the flat ODT")
}
