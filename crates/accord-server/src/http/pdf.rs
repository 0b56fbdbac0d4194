//! PDF documents, for every feature that prints one: the language a PDF
//! is set in, the words it adds in that language (from the Fluent
//! messages `pdf-*`), the fonts, and the bound on typesetting.
//!
//! Typesetting a long text takes a core for up to a few seconds, so it runs
//! on the blocking pool ([`typeset`]) and at most
//! [`crate::Config::max_pdf_jobs`] documents are typeset at once; a request
//! beyond gets 503 `pdf_busy` with `Retry-After`. A language whose fonts
//! are not installed gets 503 `fonts_missing`, naming the Debian package,
//! before any work is done.

use std::sync::Arc;

use accord_documents::{Distribution, Masthead};
use accord_domain::Refusal;
use accord_pdf::{Fonts, Labels, Language};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use tokio::sync::Semaphore;

use super::error::ApiError;
use super::i18n::{t, t1, t2, Lang};

/// How long a client is told to wait when every typesetting slot is busy.
const RETRY_AFTER_SECS: u64 = 5;

/// The typesetting slots and the fonts' directories.
pub struct PdfJobs {
    slots: Arc<Semaphore>,
    dirs: Vec<std::path::PathBuf>,
}

impl PdfJobs {
    pub fn new(max: usize, dirs: Vec<std::path::PathBuf>) -> PdfJobs {
        PdfJobs { slots: Arc::new(Semaphore::new(max.max(1))), dirs }
    }

    /// The fonts, found once (see [`accord_pdf::fonts`]).
    pub fn fonts(&self) -> Arc<Fonts> {
        Fonts::shared(&self.dirs)
    }
}

pub fn to_language(lang: Lang) -> Language {
    match lang {
        Lang::Ar => Language::Ar,
        Lang::Zh => Language::Zh,
        Lang::En => Language::En,
        Lang::Fr => Language::Fr,
        Lang::Ru => Language::Ru,
        Lang::Es => Language::Es,
    }
}

/// The language of a PDF: `language=` when given (one of the six), else
/// the text's own language `original` (English if it is none of them).
pub fn language(raw: Option<&str>, original: &str) -> Result<Lang, ApiError> {
    match raw.map(str::trim) {
        None | Some("") => Ok(Lang::parse(original).unwrap_or(Lang::En)),
        Some(code) => Lang::ALL.into_iter().find(|l| l.code() == code).ok_or_else(|| {
            ApiError::bad_request(
                "invalid_pdf_language",
                format!(
                    "language is one of ar, zh, en, fr, ru, es, not {:?}",
                    code.chars().take(20).collect::<String>()
                ),
            )
        }),
    }
}

/// The name of the language `code` in the current language: "English",
/// "anglais"; the code itself for a language Accord has no name for.
pub fn language_name(code: &str) -> String {
    match Lang::parse(code) {
        Some(l) => t(&format!("pdf-language-{}", l.code())),
        None => code.to_owned(),
    }
}

/// `2026-03-02` in the current language, as the masthead prints it.
fn date_shown(date: &str) -> String {
    let parsed = (|| {
        let y: i32 = date.get(0..4)?.parse().ok()?;
        let m: u8 = date.get(5..7)?.parse().ok()?;
        let d: u8 = date.get(8..10)?.parse().ok()?;
        let day = time::Date::from_calendar_date(y, time::Month::try_from(m).ok()?, d).ok()?;
        Some(day.midnight().assume_utc().unix_timestamp() * 1000)
    })();
    parsed.map_or_else(|| date.to_owned(), super::i18n::date)
}

/// The words a PDF adds, in `lang`. `original` is the text's language
/// code; `counts` the rolling text's brackets and options.
pub fn labels(lang: Lang, m: &Masthead, original: &str, counts: Option<(usize, usize)>) -> Labels {
    lang.scope_sync(|| Labels {
        distribution: t(match m.distribution {
            Distribution::General => "pdf-distribution-general",
            Distribution::Limited => "pdf-distribution-limited",
        }),
        date: date_shown(&m.date),
        original: t1("pdf-original", "language", language_name(original)),
        chapter: t1("pdf-chapter", "num", "{}"),
        article: t1("pdf-article", "num", "{}"),
        counts: counts.map(|(b, o)| t2("pdf-counts", "brackets", b, "options", o)).unwrap_or_default(),
        proposed_in: t1("pdf-proposed-in", "proposals", "{}"),
        original_text: t("pdf-original-text"),
        supported_by: t1("pdf-supported-by", "members", "{}"),
        proposed_by: t1("pdf-proposed-by", "proposals", "{}"),
    })
}

/// The fonts for a PDF in `lang`, or 503 `fonts_missing` naming the
/// package to install.
pub fn fonts_for(jobs: &PdfJobs, lang: Lang) -> Result<Arc<Fonts>, ApiError> {
    let fonts = jobs.fonts();
    accord_pdf::check_fonts(&fonts, to_language(lang)).map_err(|r| {
        tracing::warn!(error = %r.message, "PDF refused: fonts missing");
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, r.code, r.message)
    })?;
    Ok(fonts)
}

/// Runs `job` on the blocking pool if a typesetting slot is free, else
/// answers 503 `pdf_busy` with `Retry-After`.
pub async fn typeset<T: Send + 'static>(
    jobs: &PdfJobs,
    job: impl FnOnce() -> Result<T, Refusal> + Send + 'static,
) -> Result<T, ApiError> {
    let Ok(permit) = jobs.slots.clone().try_acquire_owned() else {
        let mut e = ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "pdf_busy",
            "every PDF the server typesets at once is being typeset: try again in a few seconds",
        );
        e.retry_after = Some(RETRY_AFTER_SECS);
        return Err(e);
    };
    let lang = super::i18n::current();
    let done = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        lang.scope_sync(job)
    })
    .await
    .map_err(|_| ApiError::internal())?;
    Ok(done?)
}

/// A PDF as a download named `file_name`.
pub fn response(pdf: accord_pdf::Pdf, file_name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, accord_pdf::PDF_MEDIA_TYPE.to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file_name}\"")),
        ],
        pdf.bytes,
    )
        .into_response()
}
