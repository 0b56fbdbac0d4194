//! From a parsed request to an action, for translations: the API and the
//! translator's page record a translation through [`record`].

use accord_domain::ids::LanguageTag;
use accord_domain::state::Action;
use accord_domain::translation::TranslationRecorded;
use accord_domain::EntryBody;

/// A translation of provision `eid` of `version` of process `process` into
/// `language` (of proposal `proposal` on it, when named). The text is
/// recorded as written, in NFC: the domain refuses untidy spaces rather
/// than changing the translator's words.
pub(crate) fn record(
    process: u64,
    language: LanguageTag,
    version: u32,
    eid: String,
    text: String,
    proposal: Option<u64>,
) -> Action {
    Action::Negotiate(Box::new(EntryBody::TranslationRecorded(TranslationRecorded {
        process,
        version,
        eid,
        language,
        text,
        proposal,
    })))
}
