//! The interface's languages: the six official languages of the United
//! Nations, in Project Fluent.
//!
//! Every word a page, form or error shows is a Fluent message in
//! `crates/accord-server/locales/<language>/*.ftl`, compiled into the binary.
//! English is the reference: a message missing in another language falls
//! back to English, and the test `every_language_has_every_message` fails
//! when a message or a placeable differs between languages.
//!
//! # Which language a request gets
//! 1. the `accord_lang` cookie: the user's choice, set by the switcher on
//!    every page (`POST /language`), kept on the account of a logged-in
//!    user and set again from it at log-in;
//! 2. else the browser's `Accept-Language`, the first supported language by
//!    quality;
//! 3. else the forum's default, set by its operator (`accord serve
//!    --language`, English unless set).
//!
//! The middleware [`negotiate`] decides once per request and keeps the
//! answer in a task-local, read by templates through [`t`] and friends and
//! by the error responses; code that renders on another thread carries it
//! with [`Lang::scope_sync`].
//!
//! Messages are plain text (templates escape them); user text is never
//! placed inside a message without a `<bdi>` around the placeable in the
//! template, so Fluent's own isolation marks are turned off.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

use crate::AppState;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The name of the cookie that holds the user's choice of language.
pub const LANGUAGE_COOKIE: &str = "accord_lang";

/// One of the six official languages of the United Nations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Ar,
    Zh,
    En,
    Fr,
    Ru,
    Es,
}

impl Lang {
    /// In the order the United Nations lists them (English alphabetical).
    pub const ALL: [Lang; 6] = [Lang::Ar, Lang::Zh, Lang::En, Lang::Fr, Lang::Ru, Lang::Es];

    /// The BCP 47 tag: `ar`, `zh`, `en`, `fr`, `ru`, `es`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ru => "ru",
            Lang::Es => "es",
        }
    }

    /// The language's name in itself, as the switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ar => "العربية",
            Lang::Zh => "中文",
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Ru => "Русский",
            Lang::Es => "Español",
        }
    }

    /// `rtl` for Arabic, `ltr` for the others.
    pub fn dir(self) -> &'static str {
        if self == Lang::Ar {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// Reads a language tag: the primary subtag decides, in any case, so
    /// `fr-CH`, `ZH-Hant-TW` and `es-419` are French, Chinese and Spanish.
    /// Any other language is `None`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Lang::ALL.into_iter().find(|l| primary.eq_ignore_ascii_case(l.code()))
    }

    /// The first supported language of an `Accept-Language` header, by
    /// quality (ties in the order given); `None` if none is supported or
    /// the header is malformed beyond reading.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(u16, usize, Lang)> = None;
        for (position, item) in header.split(',').take(64).enumerate() {
            let mut parts = item.split(';');
            let Some(lang) = parts.next().and_then(Lang::parse) else { continue };
            let mut quality = 1000u16;
            for param in parts {
                if let Some(q) = param.trim().strip_prefix("q=") {
                    quality = parse_quality(q).unwrap_or(0);
                }
            }
            if quality == 0 {
                continue;
            }
            if best.is_none_or(|(q, p, _)| quality > q || (quality == q && position < p)) {
                best = Some((quality, position, lang));
            }
        }
        best.map(|(_, _, lang)| lang)
    }

    fn identifier(self) -> &'static LanguageIdentifier {
        use std::sync::OnceLock;
        static IDS: OnceLock<[LanguageIdentifier; 6]> = OnceLock::new();
        let ids = IDS.get_or_init(|| Lang::ALL.map(|l| l.code().parse().expect("a valid language tag")));
        &ids[Lang::ALL.iter().position(|l| *l == self).expect("one of ALL")]
    }

    /// Runs `f` with this language as the current one (for rendering on a
    /// blocking thread, where the request's task-local is not seen).
    pub fn scope_sync<R>(self, f: impl FnOnce() -> R) -> R {
        CURRENT.sync_scope(self, f)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A quality value `0`, `0.5`, `1.000` in thousandths.
fn parse_quality(q: &str) -> Option<u16> {
    let q = q.trim();
    let (whole, fraction) = q.split_once('.').unwrap_or((q, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths: u16 = format!("{fraction:0<3}").parse().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

tokio::task_local! {
    static CURRENT: Lang;
    static HERE: String;
}

/// The page the request is for, where the language switcher comes back
/// to: the path and query of a GET, else `/` (after a refused form, the
/// switcher leads home rather than to an address only a POST answers).
pub fn here() -> String {
    HERE.try_with(|h| h.clone()).unwrap_or_else(|_| "/".into())
}

/// The language of the request being answered (English outside a request).
pub fn current() -> Lang {
    CURRENT.try_with(|l| *l).unwrap_or(Lang::En)
}

/// The language a request asks for: its cookie, else its `Accept-Language`,
/// else `default`.
pub fn requested(headers: &axum::http::HeaderMap, default: Lang) -> Lang {
    crate::http::auth::cookie_in(headers, LANGUAGE_COOKIE)
        .and_then(|c| Lang::parse(&c))
        .or_else(|| {
            headers
                .get_all(header::ACCEPT_LANGUAGE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .find_map(Lang::from_accept_language)
        })
        .unwrap_or(default)
}

/// Middleware: decides the request's language, answers in it, and says so
/// (`Content-Language`, `Vary: Accept-Language, Cookie`).
pub async fn negotiate(State(app): State<AppState>, request: Request, next: Next) -> Response {
    let lang = requested(request.headers(), app.config.language);
    let here = match *request.method() {
        axum::http::Method::GET | axum::http::Method::HEAD => {
            request.uri().path_and_query().map_or("/", |p| p.as_str()).to_owned()
        }
        _ => "/".to_owned(),
    };
    let mut response = CURRENT.scope(lang, HERE.scope(here, next.run(request))).await;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()));
    headers.append(header::VARY, HeaderValue::from_static("Accept-Language, Cookie"));
    response
}

/// The `Set-Cookie` value that keeps a choice of language for a year.
pub fn language_cookie(lang: Lang, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{LANGUAGE_COOKIE}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000{secure}", lang.code())
}

/// The message `id` in the current language.
pub fn t(id: &str) -> String {
    lookup(id, None)
}

/// The message `id` with one argument.
pub fn t1(id: &str, name: &str, value: impl Arg) -> String {
    lookup(id, Some(HashMap::from([(Cow::Owned(name.to_owned()), value.fluent())])))
}

/// The message `id` with two arguments.
pub fn t2(id: &str, n1: &str, v1: impl Arg, n2: &str, v2: impl Arg) -> String {
    lookup(
        id,
        Some(HashMap::from([(Cow::Owned(n1.to_owned()), v1.fluent()), (Cow::Owned(n2.to_owned()), v2.fluent())])),
    )
}

/// The message `id` with three arguments.
pub fn t3(id: &str, n1: &str, v1: impl Arg, n2: &str, v2: impl Arg, n3: &str, v3: impl Arg) -> String {
    lookup(
        id,
        Some(HashMap::from([
            (Cow::Owned(n1.to_owned()), v1.fluent()),
            (Cow::Owned(n2.to_owned()), v2.fluent()),
            (Cow::Owned(n3.to_owned()), v3.fluent()),
        ])),
    )
}

/// The message `id` as `lang` itself has it, without falling back to
/// English (an error's general message in another language is worth less
/// than its precise English one).
pub fn exactly_in(lang: Lang, id: &str) -> Option<String> {
    LOCALES.lookup_single_language::<&str>(lang.identifier(), id, None).ok()
}

fn lookup(id: &str, args: Option<HashMap<Cow<'static, str>, FluentValue<'static>>>) -> String {
    let lang = current();
    let found = match &args {
        None => LOCALES.try_lookup(lang.identifier(), id),
        Some(args) => LOCALES.try_lookup_with_args(lang.identifier(), id, args),
    };
    found.unwrap_or_else(|| {
        // Only a message missing from English itself lands here; the
        // completeness test keeps that from shipping.
        tracing::error!(message = id, "no such message");
        id.to_owned()
    })
}

/// A value a message can take: numbers stay numbers (for plural rules),
/// everything else is text.
pub trait Arg {
    fn fluent(self) -> FluentValue<'static>;
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn fluent(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
        impl Arg for &$t {
            fn fluent(self) -> FluentValue<'static> {
                FluentValue::from(*self)
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64, f64);

impl Arg for &str {
    fn fluent(self) -> FluentValue<'static> {
        FluentValue::from(self.to_owned())
    }
}
impl Arg for String {
    fn fluent(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}
impl Arg for &String {
    fn fluent(self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}
impl Arg for &&str {
    fn fluent(self) -> FluentValue<'static> {
        FluentValue::from((*self).to_owned())
    }
}

/// "article 5, paragraph 2, point (b)" from an eId, in the request's
/// language: the words of [`accord_domain::negotiation::text::label_of`],
/// which stays the English of the record and the API.
pub fn provision_label(eid: &str) -> String {
    let in_article = eid.contains("__art_");
    let mut parts = Vec::new();
    for seg in eid.split("__") {
        let Some((prefix, num)) = seg.split_once('_') else { continue };
        let num = num.replace("bis", " bis").replace("ter", " ter");
        let id = match prefix {
            "recital" => "neg-label-recital",
            // A chapter is not named when an article is: article numbers
            // run through the whole instrument.
            "chp" if in_article => continue,
            "chp" => "neg-label-chapter",
            "art" => "neg-label-article",
            "para" => "neg-label-paragraph",
            "point" => "neg-label-point",
            _ => continue,
        };
        parts.push(t1(id, "num", num));
    }
    parts.join(&t("neg-label-separator"))
}

/// A switcher entry: a language as the page frame offers it.
pub struct Choice {
    pub code: &'static str,
    pub name: &'static str,
    pub current: bool,
}

/// The six languages for the switcher, the current one marked.
pub fn choices() -> Vec<Choice> {
    let now = current();
    Lang::ALL.into_iter().map(|l| Choice { code: l.code(), name: l.native_name(), current: l == now }).collect()
}

mod format;
pub mod html;
pub use format::{date, date_time, number, number_in, percent};

#[cfg(test)]
mod tests;
