//! Accord's documents: Akoma Ntoso (OASIS LegalDocML 3.0, which the United
//! Nations adopted as AKN4UN) in and out, as pure functions over bytes and
//! the domain's types. No I/O.
//!
//! # Layout
//! - [`export`]: a version of an instrument as a `statement
//!   name="resolutionDraft"` or a `doc name="treaty"` with its FRBR
//!   identification and masthead; the rolling text with its brackets; a
//!   proposal as an `amendment`. Everything written validates against
//!   `akomantoso30.xsd` (tested with xmllint).
//! - [`import`]: an instrument from an `act`, `bill`, `statement` or `doc`
//!   in Akoma Ntoso 3.0 or 2.0, with the list of what it left out.
//! - [`xml`]: the escaping writer the export uses.
//!
//! # The subset Accord models
//! | Accord | Akoma Ntoso written | Akoma Ntoso read |
//! | --- | --- | --- |
//! | title | `preface/longTitle/p/docTitle`, `FRBRname` | `docTitle`, `shortTitle`, `longTitle`, `FRBRname` |
//! | recital | `preamble/recitals/recital/p` | `recital`, `citation`, `p` in the preamble |
//! | chapter | `chapter` with `num` (`Chapter I`) and `heading` | the outermost grouping (`part`, `chapter`, `title`, `hcontainer`, ...) |
//! | article | `article` with `num` (`Article 5`) and `heading` | `article`, `section`, `rule` |
//! | paragraph | `paragraph` with `num` and `content/p` (or `intro/p` before points) | the first level in an article (`paragraph`, `subsection`, `alinea`, ...) |
//! | point | `point` with `num` and `content/p` | the next level, through `list` and `blockList` |
//!
//! eIds are Accord's own (`chp_2__art_5__para_2__point_b`,
//! `preamble__recital_3`), which follow the Akoma Ntoso naming convention;
//! `wId` repeats them, since Accord never renumbers. Writing a version and
//! reading it back gives the same instrument (property-tested).
//!
//! # Errors
//! Refusals are the domain's [`Refusal`](accord_domain::Refusal): a stable
//! code and a lower-case message. Import: `document_too_large`,
//! `unsupported_encoding`, `doctype_refused`, `malformed_xml`,
//! `not_akoma_ntoso`, `malformed_document`, `unsupported_document`,
//! `document_too_deep`, `no_title`, `no_text`, and the codes of the
//! Unicode policy and of the domain's text checks. Export:
//! `invalid_masthead`.

pub mod debate;
pub mod export;
pub mod import;
pub mod xml;

pub use export::{Distribution, DocumentKind, Expression, Masthead};
pub use import::{import, Dropped, Imported, Renamed};

/// The Akoma Ntoso 3.0 namespace (OASIS LegalDocML).
pub const AKN_NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
