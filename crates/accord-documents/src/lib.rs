//! Accord's documents: Akoma Ntoso (OASIS LegalDocML 3.0, which the United
//! Nations adopted as AKN4UN) and Word (.docx) in and out, as pure
//! functions over bytes and the domain's types. No I/O, no server: routes
//! are meant to call these functions and send or receive the bytes.
//!
//! # Layout
//! - [`export`], [`debate`], [`mod@import`]: Akoma Ntoso out and in;
//! - [`docx`]: Word out (`docx::package`, `body`, `write`) and in
//!   (`docx::read`);
//! - [`draft`]: an imported instrument (from either) as a zero draft;
//! - `xml`: the escaping writer both use.
//!
//! # What it writes
//! Every document written validates against `akomantoso30.xsd` (the tests
//! run xmllint on each kind), in the namespace [`AKN_NAMESPACE`], with FRBR
//! identification by the naming convention's IRIs (work
//! `/akn/un/statement/resolutionDraft/2026-03-02/A-AC.292-2026-L.1-Rev.2`,
//! expression `…/eng@v2`, manifestation `…/eng@v2/!main.xml`), a cover
//! page with the masthead ([`Masthead`]) and `references` to every body
//! and member it names.
//! - [`export::instrument`]: a version of an instrument, as a `statement
//!   name="resolutionDraft"` or a `doc name="treaty"` ([`DocumentKind`]):
//!   title, recitals, body, each provision with Accord's eId and the same
//!   string as `wId` (Accord never renumbers).
//! - [`export::rolling_text`]: the rolling text; each bracket an `inline
//!   name="bracket"` holding its options (`inline name="option"`, `class`
//!   `original` or `proposed`, `title` the proposals, `refersTo` the
//!   `TLCOrganization` of each member behind it).
//! - [`export::amendment`]: a proposal as an `amendment` whose
//!   `activeModifications` name the provision it changes by IRI and eId.
//! - [`debate::summary_record`]: a meeting's summary record as a `debate
//!   name="summaryRecord"`: attendance, speeches per agenda item, decisions
//!   with objections, recorded votes with their tally (`analysis/
//!   parliamentary/voting`) and each member's vote.
//!
//! # What it reads
//! [`import()`] opens an `act`, `bill`, `statement` or `doc` in Akoma Ntoso
//! 3.0 or 2.0 (`id` read as `eId`), or the first of them in a
//! `documentCollection`, and answers an [`Imported`]: the instrument, and
//! the list of what it left out ([`Dropped`]: what, how many times, where
//! first) and of the source identifiers it had to rename ([`Renamed`]), to
//! show the person importing. A `debate`, `amendment`, `judgment` or any
//! other document is refused (`unsupported_document`) with a message
//! naming it and why Accord does not model it.
//!
//! The domain opens a process from a zero draft in its Markdown
//! convention, which numbers everything itself. [`draft::zero_draft`]
//! writes an imported instrument as that draft, checks the domain reads it
//! back as written, and lists what opening it renumbers (`SEC. 4 (b)`
//! becomes article 4, paragraph `2.`) and leaves out (recitals' numbers),
//! for the person importing to see before the process is opened. A
//! document Accord wrote opens unchanged.
//!
//! # The subset Accord models, and its mapping
//! | Accord | Akoma Ntoso written | Akoma Ntoso read |
//! | --- | --- | --- |
//! | title | `preface/longTitle/p/docTitle`, `FRBRname` | `docTitle`, `shortTitle`, `longTitle`, else `FRBRname` |
//! | recital | `preamble/recitals/recital` with `num` and `p` | `recital`, `citation`, `p` in the preamble |
//! | chapter | `chapter` with `num` (`Chapter I`) and `heading` | the outermost grouping (`part`, `chapter`, `title`, `hcontainer`, ...); inner ones flattened |
//! | article | `article` with `num` (`Article 5`) and `heading` | `article`, `section`, `rule`; loose paragraphs go into one article |
//! | paragraph | `paragraph` with `num` and `content/p` (`intro/p` before points) | the first level in an article (`paragraph`, `subsection`, `alinea`, a list's items, ...) |
//! | point | `point` with `num` and `content/p` | the next level, through `list` and `blockList`; deeper levels joined to it |
//!
//! Numbers are kept as printed (`(a)`, `1.`, `5 bis`), without the words
//! `Chapter`, `Part`, `Article`, `Section`. eIds follow Accord's hierarchy
//! (`chp_2__art_5__para_2__point_b`); a provision keeps the last segment of
//! its source identifier when it has the right prefix (`art_5` stays
//! `art_5`), and every identifier that changed is listed. Inline markup is
//! kept as its words; footnotes, tables, images, deleted text, editorial
//! insertions, front and back matter are dropped and listed.
//!
//! Writing a version and reading it back gives the same instrument (title,
//! eIds, numbers, headings, words): tested on every document of the test
//! data and property-tested on generated instruments. A rolling text reads
//! back as its version: a bracket gives its original words, and provisions
//! only proposed are left out (and listed).
//!
//! # Hostile input
//! Import takes at most [`import::IMPORT_MAX_BYTES`] of UTF-8, refuses any
//! DOCTYPE (so no entity is declared, expanded or fetched), builds at most
//! [`import::MAX_NODES`] nodes and follows at most [`import::MAX_DEPTH`]
//! levels, and never panics (property-tested on mangled real documents and
//! random structures). Every word passes the domain's Unicode policy and
//! its checks of a provision's text.
//!
//! # Word
//! [`docx`] writes minimal WordprocessingML packages (`[Content_Types].xml`,
//! relationships, core properties, `document.xml`, `styles.xml` with the
//! heading styles, `settings.xml`, `footnotes.xml`), deflated by the `zip`
//! crate (deflate only, flate2's pure-Rust backend), each opening with the
//! masthead above: [`docx::instrument`] (a version's clean text),
//! [`docx::rolling_text`] (bold brackets, options separated by ` / `, the
//! members behind each option in footnotes or inline, by
//! [`docx::Backers`]), [`docx::compilation`] (proposals article by
//! article) and [`docx::redline`] (Word tracked changes: `w:ins`, `w:del`
//! and `w:delText`, with `w:author` and `w:date`, by [`docx::Authors`];
//! [`docx::ByVersions`] names the member whose agreed proposal made each
//! change, else "the chair's revision"). The tests have LibreOffice
//! (headless) convert every kind to PDF and count footnotes and tracked
//! changes in its own conversion.
//!
//! [`docx::import()`] reads a .docx into the same instrument as Akoma
//! Ntoso import, for [`draft::zero_draft`]: headings by style (Title,
//! `heading 1`/`2`, outline levels, inherited through `basedOn`), list
//! numbers as Word prints them (computed from `numbering.xml`: levels,
//! formats, `lvlText`, starts and overrides, numbering from a paragraph's
//! style), typed numbers too. Bounds: [`docx::read::DOCX_MAX_BYTES`]
//! compressed, [`docx::read::MAX_ENTRIES`] entries, at most
//! [`docx::read::MAX_PART_BYTES`] decompressed per part whatever the zip
//! claims (a zip bomb stops there) and [`docx::read::MAX_TOTAL_BYTES`] in
//! all, only the parts needed decompressed, no DOCTYPE,
//! [`docx::read::MAX_NODES`] XML nodes and [`docx::read::MAX_DEPTH`]
//! levels per part. A missing or malformed part is refused naming it; text
//! Accord cannot structure (a point before any paragraph, a text all in
//! tables) naming the paragraph. Property-tested on arbitrary bytes and on
//! real documents mangled at the archive and at the XML level.
//!
//! # Errors
//! Refusals are the domain's [`Refusal`](accord_domain::Refusal): a stable
//! code and a lower-case message. Import: `document_too_large`,
//! `unsupported_encoding`, `doctype_refused`, `malformed_xml`,
//! `not_akoma_ntoso`, `malformed_document`, `unsupported_document`,
//! `document_too_deep`, `no_title`, `no_text`, and the codes of the
//! Unicode policy and of the domain's text checks; Word import also
//! `not_docx`, `malformed_docx`, `unstructured_document`; the zero draft,
//! `not_a_draft` (a paragraph without words of its own). Export:
//! `invalid_masthead`; the summary record also `unknown_meeting`; a .docx
//! that could not be zipped, `docx_write_failed`.

pub mod debate;
pub mod docx;
pub mod draft;
pub mod export;
pub mod import;
mod xml;

pub use export::{Distribution, DocumentKind, Expression, Masthead};
pub use import::{import, AknVersion, Dropped, Imported, Renamed};

/// The Akoma Ntoso 3.0 namespace (OASIS LegalDocML).
pub const AKN_NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
