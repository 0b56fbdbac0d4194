//! typst's [`World`] for one document: the main source in memory, Accord's
//! fonts, no files and no packages (an `#import` of anything fails), no
//! clock (the date printed is the record's).

use std::sync::{Arc, LazyLock};

use accord_domain::Refusal;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use crate::fonts::Fonts;

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::builder().build()));

struct Document {
    main: Source,
    fonts: Arc<Fonts>,
}

impl World for Document {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }
    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }
    fn main(&self) -> FileId {
        self.main.id()
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

fn failed(what: &str, diagnostics: &[SourceDiagnostic]) -> Refusal {
    let first = diagnostics.first().map(|d| d.message.to_string()).unwrap_or_default();
    Refusal::unprocessable("pdf_failed", format!("typesetting failed while {what}: {first}"))
}

/// Typesets `source` (typst markup Accord wrote) into PDF bytes; also
/// answers the number of pages.
pub fn typeset(source: String, fonts: Arc<Fonts>) -> Result<(Vec<u8>, usize), Refusal> {
    let id = FileId::new(RootedPath::new(VirtualRoot::Project, VirtualPath::new("/main.typ").expect("a valid path")));
    let world = Document { main: Source::new(id, source), fonts };
    let warned = typst::compile::<PagedDocument>(&world);
    let document = warned.output.map_err(|d| failed("laying out", d.as_slice()))?;
    let pages = document.pages().len();
    let options = typst_pdf::PdfOptions {
        creator: typst::foundations::Smart::Custom(Some("Accord".into())),
        ..Default::default()
    };
    let bytes = typst_pdf::pdf(&document, &options).map_err(|d| failed("writing", d.as_slice()))?;
    // typst memoizes across documents; keep only what the last few used.
    typst::comemo::evict(4);
    Ok((bytes, pages))
}
