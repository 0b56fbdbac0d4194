//! The frame of every page and the error pages.
//!
//! Every page gets a [`Chrome`] (forum name, the logged-in user, their CSRF
//! token). Forms post back as `application/x-www-form-urlencoded` and are
//! read with [`PageForm`]; on success the handler redirects (303) to a page
//! that shows the result (a `notice_text` chosen by code); on a refusal it
//! renders the form again with the error and the status the API would
//! answer, having changed nothing (`error_page`).
//!
//! Pages show every piece of user text in its own isolate: `<bdi>` around
//! names, titles, labels, reasons and statements, `dir="auto"` on text
//! fields and on a provision's words, so that no text can reorder the page
//! around it.

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{FromRequest, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::http::{header, Method};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;

use crate::http::auth::{MaybeUser, WebUser};
use crate::http::error::ApiError;
use crate::http::ids::PathValue;
use crate::AppState;

// ---- the frame of every page ----

/// What the page frame shows: the forum, and who is logged in.
pub struct Chrome {
    pub forum_name: String,
    pub record_size: u64,
    pub user: Option<UserChrome>,
    pub nav: &'static str,
    /// The logged-in delegate's member and its signatures.
    pub signing: Option<crate::http::signing::SigningChrome>,
    /// The page's language (`ar`, `zh`, ...) and direction (`rtl`, `ltr`).
    pub lang: &'static str,
    pub dir: &'static str,
    /// The switcher's languages, and the page it comes back to.
    pub languages: Vec<crate::http::i18n::Choice>,
    pub here: String,
}

pub struct UserChrome {
    pub id: String,
    pub name: String,
    pub role: String,
    pub member: Option<String>,
    pub csrf: String,
    pub is_secretariat: bool,
    pub must_change_password: bool,
}

impl Chrome {
    pub(crate) fn new(app: &AppState, user: &Option<WebUser>, nav: &'static str) -> Chrome {
        let state = app.store.state();
        Chrome {
            forum_name: state.forum.as_ref().map(|f| f.name.to_string()).unwrap_or_else(|| "Accord".into()),
            record_size: state.next_index,
            user: user.as_ref().map(|u| UserChrome {
                id: u.delegate.id.to_string(),
                name: u.delegate.name.to_string(),
                role: role_label(u.delegate.role_code()),
                member: u.delegate.member().map(|m| m.to_string()),
                csrf: crate::http::auth::mask_csrf(&u.csrf),
                is_secretariat: state.rights(u.principal()).is_secretariat(),
                must_change_password: u.must_change_password,
            }),
            nav,
            signing: user.as_ref().and_then(|u| crate::http::signing::SigningChrome::of(&state, u)),
            lang: crate::http::i18n::current().code(),
            dir: crate::http::i18n::current().dir(),
            languages: crate::http::i18n::choices(),
            here: crate::http::i18n::here(),
        }
    }
    pub fn csrf(&self) -> &str {
        self.user.as_ref().map_or("", |u| u.csrf.as_str())
    }
    pub fn is_secretariat(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.is_secretariat)
    }
}

/// Renders a template with a status.
pub(crate) fn render(status: StatusCode, t: impl Template) -> Response {
    match t.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "the page could not be rendered").into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: Chrome,
    title: String,
    message: String,
    code: String,
    /// The request asked for a change (not a GET): the page says that
    /// nothing was changed.
    asked_for_a_change: bool,
}

tokio::task_local! {
    /// Whether the request being answered may change something (its
    /// method is not GET or HEAD), for [`error_page`], which 56 handlers
    /// call without the request at hand.
    static ASKS_FOR_A_CHANGE: bool;
}

/// Middleware: makes the request's method known to [`error_page`].
pub(crate) async fn note_method(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let change = !matches!(*request.method(), axum::http::Method::GET | axum::http::Method::HEAD);
    ASKS_FOR_A_CHANGE.scope(change, next.run(request)).await
}

/// An error as a page.
pub(crate) fn error_page(app: &AppState, user: &Option<WebUser>, e: ApiError) -> Response {
    let title = match e.status {
        StatusCode::NOT_FOUND => crate::t("home-error-not-found"),
        StatusCode::FORBIDDEN => crate::t("home-error-forbidden"),
        StatusCode::UNAUTHORIZED => crate::t("home-error-unauthorized"),
        StatusCode::TOO_MANY_REQUESTS => crate::t("home-error-too-many"),
        s if s.is_server_error() => crate::t("home-error-server"),
        _ => crate::t("home-error-refused"),
    };
    let status = e.status;
    render(
        status,
        ErrorPage {
            chrome: Chrome::new(app, user, ""),
            title,
            message: e.message,
            code: e.code.into(),
            asked_for_a_change: ASKS_FOR_A_CHANGE.try_with(|c| *c).unwrap_or(true),
        },
    )
}

pub async fn not_found(State(app): State<AppState>, MaybeUser(user): MaybeUser, uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") {
        return ApiError::not_found("no_such_endpoint", "there is no such API endpoint: see /api/openapi.json")
            .into_response();
    }
    error_page(&app, &user, ApiError::not_found("not_found", "there is no page at this address"))
}

/// A known address asked with a method it does not answer (405), with a
/// body that says so: JSON for the API, a page otherwise.
pub async fn method_not_allowed(
    State(app): State<AppState>,
    MaybeUser(user): MaybeUser,
    method: axum::http::Method,
    uri: axum::http::Uri,
) -> Response {
    let e = ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!("{} does not answer {method}: see /api/openapi.json for what each address answers", uri.path()),
    );
    if uri.path().starts_with("/api/") {
        return e.into_response();
    }
    error_page(&app, &user, e)
}

/// The logged-in user of a page, or the answer that sends a visitor to
/// log in and come back: to the page itself after a `GET`, and after a
/// form to the page that holds it ([`back_to`]; Accord's
/// `Referrer-Policy: same-origin` lets browsers send the `Referer` it
/// reads). A user still holding an initial password is sent to
/// choose one, except on their account's own pages.
pub struct RequireUser(pub WebUser);

impl FromRequestParts<AppState> for RequireUser {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Self::Rejection> {
        let user = match MaybeUser::from_request_parts(parts, app).await {
            Ok(MaybeUser(user)) => user,
            Err(e) => return Err(error_page(app, &None, e)),
        };
        match user {
            Some(u) if u.must_change_password && !parts.uri.path().starts_with("/account") => {
                Err(Redirect::to("/account?notice=choose_password").into_response())
            }
            Some(u) => Ok(RequireUser(u)),
            None => {
                Err(Redirect::to(&format!("/login?next={}", urlencode(&back_to(parts, &app.pages)))).into_response())
            }
        }
    }
}

/// A path value of a page ([`crate::http::ids`]): a malformed one is
/// answered with an error page saying what is wrong, as the API answers
/// it in JSON.
pub struct InPage<T>(pub T);

impl<T: PathValue> FromRequestParts<AppState> for InPage<T> {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Self::Rejection> {
        match crate::http::ids::read::<T, AppState>(parts, app).await? {
            Ok(value) => Ok(InPage(value)),
            Err(e) => {
                let user = MaybeUser::from_request_parts(parts, app).await.map_or(None, |MaybeUser(u)| u);
                Err(error_page(app, &user, e))
            }
        }
    }
}

/// A page's query string: a malformed one (a repeated or unknown field, a
/// value of the wrong kind) is answered with an error page in the page's
/// language saying what is wrong, as the API answers it in JSON
/// ([`crate::http::extract::ApiQuery`]).
pub struct PageQuery<T>(pub T);

impl<T: serde::de::DeserializeOwned + Send> FromRequestParts<AppState> for PageQuery<T> {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Self::Rejection> {
        match crate::http::extract::ApiQuery::<T>::from_request_parts(parts, app).await {
            Ok(crate::http::extract::ApiQuery(q)) => Ok(PageQuery(q)),
            Err(e) => {
                let user = MaybeUser::from_request_parts(parts, app).await.map_or(None, |MaybeUser(u)| u);
                Err(error_page(app, &user, e))
            }
        }
    }
}

/// Where a visitor sent to log in comes back to (see [`RequireUser`]):
/// after a `GET`, the address itself; after a form, the page that holds
/// it — the page of this site that sent the form (`Referer`), else the
/// form's own address — cut back to the nearest page a `GET` answers
/// ([`Pages`]), else the home page.
fn back_to(parts: &Parts, pages: &Pages) -> String {
    if matches!(parts.method, Method::GET | Method::HEAD) {
        return parts.uri.path_and_query().map_or("/", |p| p.as_str()).to_owned();
    }
    let host = parts.headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let referer = parts.headers.get(header::REFERER).and_then(|v| v.to_str().ok());
    let same_site = referer.zip(host).and_then(|(referer, host)| {
        let (_, rest) = referer.split_once("://")?;
        let path = rest.strip_prefix(host)?;
        path.starts_with('/').then_some(path)
    });
    let sent_from = same_site.unwrap_or(parts.uri.path());
    let (path, query) = sent_from.split_once('?').map_or((sent_from, None), |(p, q)| (p, Some(q)));
    let mut segments: Vec<&str> = path.split('/').skip(1).filter(|s| !s.is_empty()).collect();
    let whole = segments.len();
    while !segments.is_empty() {
        if pages.answers(&segments) {
            let page = format!("/{}", segments.join("/"));
            // A page's own query (a view, a notice) is kept; a cut
            // address's is not.
            return match query {
                Some(q) if segments.len() == whole => format!("{page}?{q}"),
                _ => page,
            };
        }
        segments.pop();
    }
    "/".to_owned()
}

/// The addresses of the pages: every route a `GET` answers outside the
/// API, the log and the assets, as patterns (`/members/{code}`).
#[derive(Debug, Default)]
pub struct Pages(Vec<Vec<String>>);

impl Pages {
    /// From the application's route list.
    pub fn new(routes: &[(Method, String)]) -> Pages {
        let patterns = routes
            .iter()
            .filter(|(method, path)| *method == Method::GET && !path.starts_with("/api/") && !path.starts_with("/log/"))
            .map(|(_, path)| path.split('/').skip(1).filter(|s| !s.is_empty()).map(str::to_owned).collect())
            .collect();
        Pages(patterns)
    }

    /// Whether a `GET` of the address made of `segments` reaches a page.
    fn answers(&self, segments: &[&str]) -> bool {
        self.0.iter().any(|pattern| {
            pattern.len() == segments.len()
                && pattern.iter().zip(segments).all(|(p, s)| (p.starts_with('{') && p.ends_with('}')) || p == s)
        })
    }
}

pub(crate) fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `Form<T>` whose rejection is an error page.
pub struct PageForm<T>(pub T);

impl<T: serde::de::DeserializeOwned> FromRequest<AppState> for PageForm<T> {
    type Rejection = Response;
    async fn from_request(req: Request, app: &AppState) -> Result<Self, Self::Rejection> {
        // Who is asking, for the page frame of a refusal (a logged-in
        // delegate keeps seeing their name, not "Log in").
        let (mut parts, body) = req.into_parts();
        let user = <MaybeUser as axum::extract::FromRequestParts<AppState>>::from_request_parts(&mut parts, app)
            .await
            .map(|u| u.0)
            .unwrap_or(None);
        let req = Request::from_parts(parts, body);
        match Form::<T>::from_request(req, app).await {
            Ok(Form(v)) => Ok(PageForm(v)),
            Err(e) => {
                let status = match &e {
                    FormRejection::BytesRejection(b) if b.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                        StatusCode::PAYLOAD_TOO_LARGE
                    }
                    FormRejection::InvalidFormContentType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    _ => StatusCode::BAD_REQUEST,
                };
                let text = e.body_text();
                // A form without its anti-forgery token was not sent by one
                // of Accord's pages (or the page is very old): say so.
                let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
                    format!(
                        "the form is larger than this page accepts ({} KiB; a zero draft may have {} MiB)",
                        crate::MAX_BODY / 1024,
                        accord_domain::negotiation::markdown::DRAFT_MAX_BYTES / (1024 * 1024)
                    )
                } else if text.contains("missing field `csrf`") {
                    "the form was not sent from one of this forum's pages (its security token is missing): reload \
                     the page and send it again"
                        .to_owned()
                } else if let Some(field) = text.split("missing field `").nth(1).and_then(|r| r.split('`').next()) {
                    format!("the form lacks its field {field:?}: reload the page and fill it in again")
                } else {
                    let text = text.strip_prefix("Failed to deserialize form body: ").unwrap_or(&text);
                    format!("the form could not be read: {}", crate::http::error::plain_serde_message(text))
                };
                let err = ApiError::new(status, "malformed_form", message);
                Err(error_page(app, &user, err))
            }
        }
    }
}

/// A form that carries the session's anti-forgery token in its field
/// `csrf` (see [`with_csrf`]).
pub trait WithCsrf {
    fn csrf(&self) -> &str;
}

/// Declares forms whose field `csrf` is their anti-forgery token, for
/// [`CsrfForm`].
macro_rules! with_csrf {
    ($($form:ty),+ $(,)?) => {
        $(impl $crate::http::page::WithCsrf for $form {
            fn csrf(&self) -> &str {
                &self.csrf
            }
        })+
    };
}
pub(crate) use with_csrf;

/// A state-changing form of a page, read as [`PageForm`] reads it, whose
/// fields are reached only through [`CsrfForm::check`]: a handler cannot
/// act on a form without checking its token against the session. A
/// failed check is the handler's to answer (most pages show the form
/// again with the refusal), as any other refusal.
pub struct CsrfForm<T>(T);

impl<T: serde::de::DeserializeOwned + WithCsrf> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = Response;
    async fn from_request(req: Request, app: &AppState) -> Result<Self, Self::Rejection> {
        PageForm::<T>::from_request(req, app).await.map(|PageForm(form)| CsrfForm(form))
    }
}

impl<T: WithCsrf> CsrfForm<T> {
    /// The form, once its token is the session's of `user`; otherwise 403
    /// `csrf_failed`.
    pub fn check(&self, user: &WebUser) -> Result<&T, ApiError> {
        user.check_csrf(self.0.csrf())?;
        Ok(&self.0)
    }

    /// The fields as sent, to show again in a refused form (never to act
    /// on).
    pub fn as_sent(&self) -> &T {
        &self.0
    }

    /// [`CsrfForm::as_sent`], taken.
    pub fn into_sent(self) -> T {
        self.0
    }
}

/// Messages shown after a successful form, chosen by code so that a link
/// cannot put words in Accord's mouth; in the request's language.
pub(crate) fn notice_text(code: Option<&str>) -> Option<String> {
    use crate::t;
    Some(match code? {
        "admitted" => t("home-notice-admitted"),
        "status" => t("home-notice-status"),
        "suspended" => t("home-notice-suspended"),
        "reinstated" => t("home-notice-reinstated"),
        "withdrawn" => t("home-notice-withdrawn"),
        "password" => t("home-notice-password"),
        "password_tokens" => t("home-notice-password_tokens"),
        "revoked" => t("home-notice-revoked"),
        "logged_in" => t("home-notice-logged_in"),
        "logged_out" => t("home-notice-logged_out"),
        "choose_password" => t("home-notice-choose_password"),
        "opened" => t("home-notice-opened"),
        "tabled" => t("home-notice-tabled"),
        "support" => t("home-notice-support"),
        "objection" => t("home-notice-objection"),
        "cosponsor" => t("home-notice-cosponsor"),
        "uncosponsor" => t("home-notice-uncosponsor"),
        "withdraw" => t("home-notice-withdraw"),
        "agree" => t("home-notice-agree"),
        "reject" => t("home-notice-reject"),
        "reanchor" => t("home-notice-reanchor"),
        "chair_text" => t("home-notice-chair_text"),
        "revision" => t("home-notice-revision"),
        "symbol" => t("home-notice-symbol"),
        "paper" => t("home-notice-paper"),
        "key_registered" => t("home-notice-key_registered"),
        "key_revoked" => t("home-notice-key_revoked"),
        "signatures_required" => t("home-notice-signatures_required"),
        _ => return None,
    })
}

/// A role in words, by its stable code (`head_of_delegation`, `chair`,
/// ...): the frame's `role-…` messages.
pub(crate) fn role_label(code: &str) -> String {
    crate::t(&format!("role-{code}"))
}

#[derive(Deserialize, Default)]
pub(crate) struct NoticeQuery {
    pub(crate) notice: Option<String>,
}

#[cfg(test)]
mod tests {
    use axum::http::{Method, Request};

    use super::{back_to, Pages};

    fn pages() -> Pages {
        let get = |p: &str| (Method::GET, p.to_owned());
        Pages::new(&[
            get("/"),
            get("/account"),
            get("/members/{code}"),
            get("/meetings/{mid}"),
            get("/processes/{id}"),
            get("/processes/{id}/provisions/{eid}"),
            get("/processes/{id}/proposals/{pid}"),
            get("/api/v1/members/{code}"),
            (Method::POST, "/members/{code}/status".to_owned()),
        ])
    }

    fn after(method: Method, uri: &str, referer: Option<&str>) -> String {
        let mut request = Request::builder().method(method).uri(uri).header("host", "accord.example");
        if let Some(r) = referer {
            request = request.header("referer", r);
        }
        back_to(&request.body(()).unwrap().into_parts().0, &pages())
    }

    #[test]
    fn notices_are_chosen_by_code_in_the_reader_s_language() {
        use super::notice_text;
        use crate::http::i18n::Lang;
        let english = notice_text(Some("admitted"));
        assert_eq!(english.as_deref(), Some("The member was admitted. The entry is in the record."));
        let french = Lang::Fr.scope_sync(|| notice_text(Some("admitted"))).unwrap();
        assert!(french.starts_with("Le membre a été admis."), "{french}");
        assert_eq!(notice_text(Some("Accord says: send your password to …")), None);
        assert_eq!(notice_text(None), None);
    }

    #[test]
    fn a_page_comes_back_to_itself() {
        assert_eq!(after(Method::GET, "/processes/1?view=clean", None), "/processes/1?view=clean");
    }

    #[test]
    fn a_form_comes_back_to_the_page_that_sent_it() {
        let from = Some("http://accord.example/processes/1/provisions/art_2?notice=x");
        assert_eq!(after(Method::POST, "/processes/1/chair-texts", from), "/processes/1/provisions/art_2?notice=x");
    }

    #[test]
    fn a_form_sent_from_a_refused_form_comes_back_to_the_page_that_holds_it() {
        // A refused form is shown at the address it was posted to, which
        // only a POST answers: the page is the nearest one above it.
        let from = Some("http://accord.example/members/KEN/status");
        assert_eq!(after(Method::POST, "/members/KEN/status", from), "/members/KEN");
        let from = Some("http://accord.example/processes/1/proposals/2/support");
        assert_eq!(after(Method::POST, "/processes/1/proposals/2/objection", from), "/processes/1/proposals/2");
    }

    #[test]
    fn without_a_referer_of_this_site_the_form_address_is_cut_to_its_page() {
        assert_eq!(after(Method::POST, "/members/KEN/status", None), "/members/KEN");
        let elsewhere = Some("http://accord.example.evil/account");
        assert_eq!(after(Method::POST, "/account/password", elsewhere), "/account");
        assert_eq!(after(Method::POST, "/delegates/D7/withdraw", None), "/");
        // The API's addresses are not pages.
        assert_eq!(after(Method::POST, "/api/v1/members/KEN", None), "/");
    }
}
