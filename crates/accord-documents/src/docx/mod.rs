//! Word (.docx, Office Open XML WordprocessingML) out and in.
//!
//! # What it writes
//! A minimal, valid package ([`package`]): `[Content_Types].xml`, the
//! relationships, core properties with the title, `word/document.xml`,
//! `word/styles.xml` (Title, Heading 1 for chapters, Heading 2 for
//! articles, Masthead, footnote styles), `word/settings.xml` and
//! `word/footnotes.xml`. Each document opens with the masthead the Akoma
//! Ntoso export prints (forum, symbol, `Distr.:`, date, `Original:`,
//! session, agenda item) and the title.
//! - [`instrument`]: a version's clean text;
//! - [`rolling_text`]: the rolling text as secretariats circulate it, bold
//!   square brackets, options separated by a bold ` / `, the members
//!   behind each option in a footnote or after it ([`Backers`]);
//! - [`compilation`]: the proposals article by article, each after the
//!   text of its article;
//! - [`redline`]: the changes between two versions as Word tracked changes
//!   (`w:ins`, `w:del` with `w:delText`, each with `w:author` and
//!   `w:date`), attributed by [`Authors`]: words to who put them in the
//!   text ("the chair's revision", a proposal's member).
//!
//! # What it reads
//! [`import()`] reads a .docx into the instrument Akoma Ntoso import makes,
//! for [`crate::draft::zero_draft`]; see [`read`] for the mapping and the
//! bounds.

mod body;
pub mod package;
pub mod read;
mod write;

pub use body::Author;
pub use read::{import, Imported};
pub use write::{compilation, instrument, iso_date, redline, rolling_text, source_name, Authors, Backers, ByVersions};

/// The media type of a .docx.
pub const DOCX_MEDIA_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
