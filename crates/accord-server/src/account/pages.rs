//! The log-in page, logging out, and the account page (password and API
//! tokens). Where to go after logging in is checked to be a local path
//! (`local_path`).

use accord_domain::ids::NewPassword;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::api;
use crate::http::auth::{self, ClientAddr, MaybeUser, WebUser};
use crate::http::error::ApiError;
use crate::http::i18n::{language_cookie, Lang};
use crate::http::ids::TokenId;
use crate::http::page::PageQuery;
use crate::http::page::{
    error_page, notice_text, render, with_csrf, Chrome, CsrfForm, InPage, NoticeQuery, PageForm, RequireUser,
};
use crate::http::time::rfc3339;
use crate::AppState;

pub fn routes() -> crate::http::routes::Routes {
    crate::http::routes::Routes::new()
        .get("/login", login_form)
        .post("/login", login)
        .post("/logout", logout)
        .post("/language", choose_language)
        .get("/account", account)
        .post("/account/password", change_password)
        .post("/account/tokens", create_token)
        .post("/account/tokens/{id}/revoke", revoke_token)
}

// ---- log-in and account ----

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    chrome: Chrome,
    notice: Option<String>,
    error: Option<String>,
    email: String,
    next: String,
}

#[derive(Deserialize)]
struct LoginQuery {
    next: Option<String>,
    notice: Option<String>,
}

/// Where to go after log-in: `next` when it is a path on this site
/// ([`local_path`]), otherwise the home page. A hostile `next` is not an
/// error the person logging in can do anything about, so the log-in goes
/// on and lands on the home page.
fn safe_next(next: Option<&str>) -> String {
    next.and_then(local_path).unwrap_or_else(|| "/".into())
}

/// A redirect target taken from input, if it is a path on this site:
/// answered ready for a `Location` header (normalised as the URL standard
/// resolves it, spaces and non-ASCII percent-encoded), or `None`.
///
/// It must start with one `/` (not `//` nor `/\`, which browsers read as
/// another host), hold no control character (browsers drop tabs and line
/// breaks from URLs, so `/<TAB>/evil.example` would become
/// `//evil.example`) and no backslash, and the same must hold once its
/// percent-escapes are decoded; resolved against this site's address it
/// must stay on this site, with a path that does not start with `//`.
fn local_path(next: &str) -> Option<String> {
    fn plain(s: &str) -> bool {
        s.starts_with('/') && !s.starts_with("//") && !s.chars().any(|c| c.is_control() || c == '\\' || is_invisible(c))
    }
    let decoded = percent_encoding::percent_decode_str(next).decode_utf8().ok()?;
    if next.len() > 2048 || !plain(next) || !plain(&decoded) {
        return None;
    }
    let base = url::Url::parse("http://accord.invalid/").expect("a valid address");
    let resolved = base.join(next).ok()?;
    if resolved.origin() != base.origin() || resolved.path().starts_with("//") {
        return None;
    }
    // The target as a browser resolves it: path, query and fragment,
    // normalised and percent-encoded by the URL standard's rules.
    Some(resolved[url::Position::BeforePath..].to_owned())
}

/// Format characters that do not show: a path holding one is not what the
/// person reading the link sees.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

#[derive(Deserialize)]
struct LanguageForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    back: String,
    #[serde(default)]
    csrf: String,
}

/// The language switcher of every page: keeps the choice in a cookie for a
/// year and, for a logged-in user whose form carries their CSRF token, on
/// their account (so that logging in elsewhere brings it back); then leads
/// back to the page (`back`, if a path on this site, else home). A language
/// Accord does not speak changes nothing and says so.
async fn choose_language(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    PageForm(form): PageForm<LanguageForm>,
) -> Response {
    let Some(lang) = (form.lang.len() <= 35).then(|| Lang::parse(&form.lang)).flatten() else {
        return error_page(
            &app,
            &user,
            ApiError::translated(
                StatusCode::BAD_REQUEST,
                "invalid_language",
                crate::t1("language-unknown", "lang", form.lang.chars().take(35).collect::<String>()),
            ),
        );
    };
    if let Some(u) = user.as_ref().filter(|u| u.check_csrf(&form.csrf).is_ok()) {
        if let Err(e) = app.store.set_preference(u.delegate.id, LANGUAGE_PREFERENCE, lang.code()) {
            return error_page(&app, &user, e.into());
        }
    }
    let mut headers = HeaderMap::new();
    if let Ok(v) = language_cookie(lang, app.config.secure_cookies).parse() {
        headers.insert(header::SET_COOKIE, v);
    }
    (headers, Redirect::to(&local_path(&form.back).unwrap_or_else(|| "/".into()))).into_response()
}

/// The name of the account setting that keeps the interface language.
const LANGUAGE_PREFERENCE: &str = "language";

async fn login_form(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    q: Result<Query<LoginQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    // A query that cannot be read (not UTF-8, say) is a link to the plain
    // log-in page.
    let q = q.map(|Query(q)| q).unwrap_or(LoginQuery { next: None, notice: None });
    render(
        StatusCode::OK,
        LoginPage {
            chrome: Chrome::new(&app, &user, "login"),
            notice: notice_text(q.notice.as_deref()),
            error: None,
            email: String::new(),
            next: safe_next(q.next.as_deref()),
        },
    )
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

async fn login(
    State(app): State<AppState>,
    ClientAddr(addr): ClientAddr,
    request_headers: HeaderMap,
    PageForm(form): PageForm<LoginForm>,
) -> Response {
    let next = safe_next(Some(&form.next));
    match auth::authenticate(&app, &form.email, &form.password, &addr, Some(&request_headers)).await {
        Ok((account, delegate)) => {
            let token = auth::random_secret("");
            let csrf = auth::random_secret("");
            let expires = app.config.clock.now_unix_ms() + app.config.session_lifetime.as_millis() as i64;
            if let Err(e) = app.store.create_session(&auth::secret_hash(&token), delegate.id, &csrf, expires) {
                return error_page(&app, &None, e.into());
            }
            let to = if account.must_change_password { "/account?notice=choose_password".to_owned() } else { next };
            let mut headers = HeaderMap::new();
            if let Ok(v) = auth::session_cookie(&app, Some(&token)).parse() {
                headers.insert(header::SET_COOKIE, v);
            }
            // The account's language, if it chose one, is this browser's now.
            if let Some(lang) =
                app.store.preference(delegate.id, LANGUAGE_PREFERENCE).ok().flatten().and_then(|l| Lang::parse(&l))
            {
                if let Ok(v) = language_cookie(lang, app.config.secure_cookies).parse() {
                    headers.append(header::SET_COOKIE, v);
                }
            }
            // This browser is now known to the account: others' failed
            // log-ins will not delay it (see `limits`).
            if let Ok(v) = auth::known_browser_cookie(&app, &request_headers, delegate.id).parse() {
                headers.append(header::SET_COOKIE, v);
            }
            (headers, Redirect::to(&to)).into_response()
        }
        Err(e) => {
            let retry_after = e.retry_after;
            let mut page = render(
                e.status,
                LoginPage {
                    chrome: Chrome::new(&app, &None, "login"),
                    notice: None,
                    error: Some(e.message),
                    email: form.email,
                    next,
                },
            );
            if let Some(v) = retry_after.and_then(|s| header::HeaderValue::from_str(&s.to_string()).ok()) {
                page.headers_mut().insert(header::RETRY_AFTER, v);
            }
            page
        }
    }
}

#[derive(Deserialize)]
pub(crate) struct BareForm {
    #[serde(default)]
    csrf: String,
}

async fn logout(State(app): State<AppState>, MaybeUser(user): MaybeUser, form: CsrfForm<BareForm>) -> Response {
    if let Some(u) = &user {
        if let Err(e) = form.check(u) {
            return error_page(&app, &user, e);
        }
        if let Err(e) = app.store.delete_session(&u.session_hash) {
            return error_page(&app, &user, e.into());
        }
    }
    let mut headers = HeaderMap::new();
    if let Ok(v) = auth::session_cookie(&app, None).parse() {
        headers.insert(header::SET_COOKIE, v);
    }
    (headers, Redirect::to("/login?notice=logged_out")).into_response()
}

struct TokenRow {
    id: i64,
    label: String,
    created: String,
    expires: String,
    revoked: Option<String>,
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    chrome: Chrome,
    notice: Option<String>,
    error: Option<String>,
    email: String,
    delegate_id: String,
    member: Option<String>,
    role: String,
    tokens: Vec<TokenRow>,
    new_token: Option<String>,
}

fn account_page(
    app: &AppState,
    user: &Option<WebUser>,
    u: &WebUser,
    notice: Option<String>,
    error: Option<String>,
    new_token: Option<String>,
) -> Result<AccountPage, ApiError> {
    let account = app.store.account(u.delegate.id)?;
    let tokens = app
        .store
        .api_tokens(u.delegate.id)?
        .into_iter()
        .map(|t| TokenRow {
            id: t.id,
            label: t.label,
            created: rfc3339(t.created_at)[..16].replace('T', " "),
            expires: rfc3339(t.expires_at)[..10].to_owned(),
            revoked: t.revoked_at.map(|r| rfc3339(r)[..16].replace('T', " ")),
        })
        .collect();
    Ok(AccountPage {
        chrome: Chrome::new(app, user, "account"),
        notice,
        error,
        email: account.map(|a| a.email.to_string()).unwrap_or_default(),
        delegate_id: u.delegate.id.to_string(),
        member: u.delegate.member().map(|m| m.to_string()),
        role: crate::http::page::role_label(u.delegate.role_code()),
        tokens,
        new_token,
    })
}

async fn account(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    PageQuery(q): PageQuery<NoticeQuery>,
) -> Response {
    let user = Some(u.clone());
    match account_page(&app, &user, &u, notice_text(q.notice.as_deref()), None, None) {
        Ok(page) => render(StatusCode::OK, page),
        Err(e) => error_page(&app, &user, e),
    }
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    confirm: String,
    /// "on" when the box to revoke every API token is ticked.
    #[serde(default)]
    revoke_tokens: Option<String>,
}

async fn change_password(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    form: CsrfForm<PasswordForm>,
) -> Response {
    let user = Some(u.clone());
    let result = async {
        let form = form.check(&u)?;
        let account = app.store.account(u.delegate.id)?.ok_or_else(ApiError::internal)?;
        if !auth::verify_password(account.password_hash, form.current.clone()).await {
            return Err(ApiError::unauthorized("the current password is wrong"));
        }
        if form.new != form.confirm {
            return Err(ApiError::bad_request(
                "password_mismatch",
                "the two new passwords differ: type the same password twice",
            ));
        }
        if form.new == form.current {
            return Err(ApiError::bad_request(
                "password_unchanged",
                "choose a password different from the current one",
            ));
        }
        let new = NewPassword::parse(&form.new)?;
        let hash = auth::hash_password(new.expose().to_owned()).await?;
        // This ends every session of the account (so other browsers are
        // logged out) and, if asked, revokes its API tokens; start a fresh
        // session here.
        app.store.set_password(u.delegate.id, &hash, false, form.revoke_tokens.is_some())?;
        let token = auth::random_secret("");
        let expires = app.config.clock.now_unix_ms() + app.config.session_lifetime.as_millis() as i64;
        app.store.create_session(&auth::secret_hash(&token), u.delegate.id, &auth::random_secret(""), expires)?;
        Ok::<_, ApiError>(token)
    }
    .await;
    match result {
        Ok(token) => {
            let mut headers = HeaderMap::new();
            if let Ok(v) = auth::session_cookie(&app, Some(&token)).parse() {
                headers.insert(header::SET_COOKIE, v);
            }
            let notice = if form.as_sent().revoke_tokens.is_some() { "password_tokens" } else { "password" };
            (headers, Redirect::to(&format!("/account?notice={notice}"))).into_response()
        }
        Err(e) => match account_page(&app, &user, &u, None, Some(e.message.clone()), None) {
            Ok(page) => render(e.status, page),
            Err(e) => error_page(&app, &user, e),
        },
    }
}

#[derive(Deserialize)]
struct TokenForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    label: String,
}

async fn create_token(State(app): State<AppState>, RequireUser(u): RequireUser, form: CsrfForm<TokenForm>) -> Response {
    let user = Some(u.clone());
    let result = form.check(&u).and_then(|form| {
        if u.must_change_password {
            return Err(ApiError::forbidden(
                "password_change_required",
                "choose your own password before issuing API tokens",
            ));
        }
        api::issue_token(&app, u.delegate.id, &form.label)
    });
    let (status, new_token, error) = match result {
        Ok(t) => (StatusCode::CREATED, Some(t.token), None),
        Err(e) => (e.status, None, Some(e.message)),
    };
    match account_page(&app, &user, &u, None, error, new_token) {
        Ok(page) => render(status, page),
        Err(e) => error_page(&app, &user, e),
    }
}

async fn revoke_token(
    State(app): State<AppState>,
    RequireUser(u): RequireUser,
    InPage(TokenId(id)): InPage<TokenId>,
    form: CsrfForm<BareForm>,
) -> Response {
    let user = Some(u.clone());
    let result = async {
        form.check(&u)?;
        if app.store.revoke_api_token(u.delegate.id, id)? {
            Ok(())
        } else {
            Err(ApiError::not_found("unknown_token", format!("you hold no live token with id {id}")))
        }
    }
    .await;
    match result {
        Ok(()) => Redirect::to("/account?notice=revoked").into_response(),
        Err(e) => error_page(&app, &user, e),
    }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn local_paths_are_kept_and_others_refused() {
        for (given, kept) in [
            ("/", "/"),
            ("/processes/1?member=BRA#p2", "/processes/1?member=BRA#p2"),
            ("/a b", "/a%20b"),
            ("/é", "/%C3%A9"),
            ("/a/../b", "/b"),
        ] {
            assert_eq!(local_path(given).as_deref(), Some(kept), "{given:?}");
        }
        for hostile in [
            "",
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/%09/evil.example",
            "/%2F/evil.example",
            "/%5Cevil.example",
            "/.//evil.example",
            "/\u{202E}x",
            "https://evil.example/",
            "javascript:alert(1)",
            "/%ff",
        ] {
            assert_eq!(local_path(hostile), None, "{hostile:?}");
        }
        assert_eq!(local_path(&format!("/{}", "a".repeat(3000))), None, "too long");
    }
}

with_csrf!(BareForm, PasswordForm, TokenForm);
