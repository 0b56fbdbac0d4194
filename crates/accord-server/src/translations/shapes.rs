//! The JSON shapes of translations: what the API reads and answers.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::shared::EntryRef;

/// A translation to record.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TranslationRequest {
    /// One of the forum's official languages other than the original's, e.g. `fr`.
    pub language: String,
    /// The version translated: the process's current version.
    pub version: u32,
    /// The provision translated (for a proposal, the provision it is on).
    pub eid: String,
    /// The translation, on one line, with single spaces; kept as written (in NFC).
    pub text: String,
    /// An open proposal translated instead of the provision.
    #[serde(default)]
    pub proposal: Option<u64>,
}

/// A recorded translation: its entry, and what it translates.
#[derive(Serialize, ToSchema)]
pub struct TranslationRecordedJson {
    pub entry: EntryRef,
    pub language: String,
    pub version: u32,
    pub eid: String,
    pub proposal: Option<u64>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct LanguageQuery {
    /// One of the forum's official languages other than the original's, e.g. `fr`.
    pub language: String,
}

/// A provision of the current version and its translation.
#[derive(Serialize, ToSchema)]
pub struct ProvisionTranslationJson {
    pub eid: String,
    /// The provision's words in the original language.
    pub original: String,
    /// `missing`, `outdated` or `current`.
    pub status: String,
    /// The version of the original translated; none while missing.
    pub version: Option<u32>,
    /// Whether the translation renders the provision as it now reads.
    pub current: bool,
    /// The translation; none while missing.
    pub text: Option<String>,
    /// The entry that recorded the translation.
    pub entry: Option<u64>,
}

/// A process's text in one language, provision by provision.
#[derive(Serialize, ToSchema)]
pub struct TranslationsJson {
    pub process: u64,
    pub language: String,
    /// The language the text is written in.
    pub original_language: String,
    /// The current version of the original.
    pub version: u32,
    /// How many provisions have a current translation, of how many.
    pub current: usize,
    pub provisions_total: usize,
    pub provisions: Vec<ProvisionTranslationJson>,
    /// Translations of open proposals' words into this language (a
    /// proposal stays in the language it was tabled in).
    pub proposals: Vec<ProposalTranslationJson>,
}

/// A proposal's words and their translation.
#[derive(Serialize, ToSchema)]
pub struct ProposalTranslationJson {
    pub proposal: u64,
    pub eid: String,
    /// The proposal's words, as tabled.
    pub original: String,
    pub text: String,
    pub entry: u64,
}
