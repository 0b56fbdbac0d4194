//! The payloads of translations' entries.

use serde::{Deserialize, Serialize};

use crate::ids::LanguageTag;

/// `translation.recorded`: a translator records a provision's words (or a
/// proposal's) in one of the forum's official languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationRecorded {
    pub process: u64,
    /// The version of the original translated: the process's latest.
    pub version: u32,
    /// The provision translated (for a proposal, the provision it is on).
    pub eid: String,
    pub language: LanguageTag,
    pub text: String,
    /// A proposal translated instead of the provision: the proposal's
    /// words, in the language it was tabled in, and this their translation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<u64>,
}
