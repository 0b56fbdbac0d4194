//! Members' signatures from the browser.
//!
//! A member that requires its signature (`member.signatures_required`) is
//! acted for only with an Ed25519 signature by one of its registered keys.
//! The pages let a browser hold such a key: `assets/signing.js` makes it
//! with WebCrypto (non-extractable, kept in the browser's IndexedDB) and
//! shows its public key, which the head of delegation registers like any
//! other key (`POST /members/{code}/keys`, here).
//!
//! Every form that acts in a member's name is marked `data-sign` and its
//! handler records through `submit`. On submit, the script sends the same
//! form fields to the same address with the header `Accord-Sign: prepare`
//! and a nonce of its choosing (`sign_nonce`): the handler builds the
//! action exactly as it would record it, and [`prepare_layer`] answers, in
//! place of the page, the bytes to sign ([`ToSign`]: `accord-signed-action/v1`
//! and the canonical JSON of actor, kind, log, nonce and payload, as
//! `accord submit` signs them) without recording anything. The script signs
//! them with the browser's key and submits the form with `sign_key`,
//! `sign_nonce` and `sign_sig`; the handler builds the action again from
//! the fields and records it signed, and the record verifies the signature
//! (a form whose action changed in between fails the check and records
//! nothing). The server never sees a private key.
//!
//! Without the script, or without a registered key in the browser, the form
//! arrives unsigned: for a member that requires signatures the page then
//! says why it cannot act and how to sign (a key in this browser, or
//! `accord submit` with the exact kind and payload).

use std::sync::{Arc, Mutex};

use accord_domain::signature::{check_nonce, signed_message};
use accord_domain::state::{Action, Affiliation};
use accord_domain::{Actor, EntryBody, MemberCode, MemberSignature};
use accord_store::Appended;
use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::prelude::{Engine, BASE64_STANDARD};
use serde::{Deserialize, Serialize};

use crate::http::auth::WebUser;
use crate::http::error::ApiError;
use crate::AppState;

/// The header that asks a form's address for the bytes to sign instead of
/// recording the action.
pub const PREPARE_HEADER: &str = "accord-sign";

/// The signature fields a signed form carries (hidden inputs the script
/// fills). Flattened into the forms that act in a member's name.
#[derive(Deserialize, Default, Clone, Debug)]
pub struct SignFields {
    /// The key id (16 hex digits).
    #[serde(default)]
    pub sign_key: String,
    /// The nonce the browser chose for this action.
    #[serde(default)]
    pub sign_nonce: String,
    /// The Ed25519 signature, base64.
    #[serde(default)]
    pub sign_sig: String,
}

impl SignFields {
    /// The signature carried, if any: all three fields, or none.
    fn signature(&self) -> Result<Option<MemberSignature>, ApiError> {
        let fields = [&self.sign_key, &self.sign_nonce, &self.sign_sig];
        if fields.iter().all(|f| f.is_empty()) {
            return Ok(None);
        }
        if fields.iter().any(|f| f.is_empty()) {
            return Err(ApiError::bad_request(
                "incomplete_signature",
                "the form carries part of a signature: it needs the key, the nonce and the signature, or none of them",
            ));
        }
        Ok(Some(MemberSignature {
            key: self.sign_key.trim().to_owned(),
            nonce: self.sign_nonce.trim().to_owned(),
            sig: self.sign_sig.trim().to_owned(),
        }))
    }
}

/// What the browser signs for a form: the entry as the record will hold
/// it, and the exact bytes.
#[derive(Serialize, Debug)]
pub struct ToSign {
    pub actor: Actor,
    pub kind: String,
    pub payload: serde_json::Value,
    /// The log's origin, as declared in `forum.established`.
    pub log: String,
    /// The nonce the browser sent, checked.
    pub nonce: String,
    /// `accord-signed-action/v1`, a newline, and the canonical JSON of
    /// `{actor, kind, log, nonce, payload}`: the bytes to sign, in base64.
    pub message: String,
    /// The member's registered, unrevoked keys (ids).
    pub keys: Vec<String>,
}

/// Where a handler in prepare mode leaves what it prepared.
#[derive(Clone, Default)]
pub(crate) struct Slot(Arc<Mutex<Option<Result<ToSign, ApiError>>>>);

/// Whether a form's handler records its action or only prepares the bytes
/// to sign (`Accord-Sign: prepare`).
pub struct PageSign(Option<Slot>);

impl<S: Send + Sync> FromRequestParts<S> for PageSign {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(PageSign(parts.extensions.get::<Slot>().cloned()))
    }
}

/// Answers a page's form posted with `Accord-Sign: prepare` with the bytes
/// its handler would have the member sign ([`ToSign`], JSON), or the
/// refusal the action meets (JSON error). A handler that refused the form
/// before making its action (a bad field, an expired page), or a form that
/// does not go through `submit`, answers as it would without the header
/// (its page): the script then sends the form as it is, and the page says
/// what happened. The API (`/api/`) ignores the header.
pub async fn prepare_layer(mut req: Request, next: Next) -> Response {
    let asked = req.method() == Method::POST
        && !req.uri().path().starts_with("/api/")
        && req.headers().get(PREPARE_HEADER).and_then(|v| v.to_str().ok()) == Some("prepare");
    if !asked {
        return next.run(req).await;
    }
    let slot = Slot::default();
    req.extensions_mut().insert(slot.clone());
    let page = next.run(req).await;
    let prepared = slot.0.lock().ok().and_then(|mut s| s.take());
    match prepared {
        Some(Ok(to_sign)) => Json(to_sign).into_response(),
        Some(Err(e)) => e.into_response(),
        None => page,
    }
}

/// Records a form's action in the user's name: signed when the form
/// carries a signature; unsigned otherwise, which a member that requires
/// its signature refuses with the reason and the ways to sign. In prepare
/// mode, records nothing: leaves the bytes to sign for [`prepare_layer`]
/// and answers the refusal `prepared`, which the layer replaces.
pub(crate) async fn submit(
    app: &AppState,
    u: &WebUser,
    sign: &PageSign,
    fields: &SignFields,
    action: Action,
) -> Result<Appended, ApiError> {
    if let Some(slot) = &sign.0 {
        let prepared = prepare(app, u, &fields.sign_nonce, action);
        if let Ok(mut s) = slot.0.lock() {
            *s = Some(prepared);
        }
        return Err(ApiError::new(
            StatusCode::ACCEPTED,
            "prepared",
            "the action to sign is prepared; nothing was recorded",
        ));
    }
    if let Some(signature) = fields.signature()? {
        // The body is made from the form's fields as the prepared one was;
        // if anything it depends on changed since, the signature no longer
        // verifies and nothing is recorded.
        let (_, body) = app.store.state().action_to_sign(u.principal(), action)?;
        return Ok(app.store.submit(u.principal(), Action::Signed { body: Box::new(body), signature }, None).await?);
    }
    let required = {
        let state = app.store.state();
        match u.delegate.member().and_then(|m| state.member(m)) {
            Some(m) if m.signatures_required.is_some() => {
                // What is wrong with the action itself comes first.
                let (_, body) = state.action_to_sign(u.principal(), action.clone())?;
                Some((m.code.clone(), body))
            }
            _ => None,
        }
    };
    match required {
        Some((member, body)) => Err(unsigned_refusal(&member, &body)),
        None => Ok(app.store.submit(u.principal(), action, None).await?),
    }
}

/// Why an unsigned form cannot act for a member that requires its
/// signature, and the ways to sign it.
fn unsigned_refusal(member: &MemberCode, body: &EntryBody) -> ApiError {
    let json = serde_json::to_value(body).unwrap_or_default();
    let kind = json["kind"].as_str().unwrap_or_default().to_owned();
    let payload = json.get("payload").map(|p| p.to_string()).unwrap_or_else(|| "{}".into());
    ApiError::forbidden(
        "signature_required",
        format!(
            "{member} requires its signature on every action in its name, and this form came unsigned: this browser \
             holds no registered signing key of {member}, or its JavaScript is off. Create a key in this browser on \
             your account page (your head of delegation registers it), or sign this action with `accord submit \
             --key FILE --kind {kind} --payload '{payload}'`"
        ),
    )
}

pub(crate) fn prepare(app: &AppState, u: &WebUser, nonce: &str, action: Action) -> Result<ToSign, ApiError> {
    let nonce = nonce.trim();
    check_nonce(nonce)?;
    let state = app.store.state();
    let (actor, body) = state.action_to_sign(u.principal(), action)?;
    let log = state.forum.as_ref().and_then(|f| f.log.clone()).unwrap_or_default();
    let message = signed_message(&log, &actor, &body, nonce);
    let keys = match &actor {
        Actor::Delegate { member, .. } => state
            .member(member)
            .map(|m| m.keys.iter().filter(|(_, k)| k.revoked_entry.is_none()).map(|(id, _)| id.clone()).collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let json = serde_json::to_value(&body).map_err(|_| ApiError::internal())?;
    Ok(ToSign {
        kind: json["kind"].as_str().unwrap_or_default().to_owned(),
        payload: json.get("payload").cloned().unwrap_or_default(),
        actor,
        log,
        nonce: nonce.to_owned(),
        message: BASE64_STANDARD.encode(message),
        keys,
    })
}

/// What the page frame says of the logged-in delegate's member and its
/// signatures, for the script and the notice of every page.
pub struct SigningChrome {
    pub member: String,
    /// The entry from which the member requires its signature.
    pub required: Option<u64>,
    /// The member's registered, unrevoked key ids, space-separated.
    pub keys: String,
    /// The user is the member's head of delegation (who registers keys).
    pub head: bool,
}

impl SigningChrome {
    pub(crate) fn of(state: &accord_domain::State, u: &WebUser) -> Option<SigningChrome> {
        let Affiliation::Member { member, .. } = &u.delegate.affiliation else { return None };
        let m = state.member(member)?;
        Some(SigningChrome {
            member: member.to_string(),
            required: m.signatures_required,
            keys: m
                .keys
                .iter()
                .filter(|(_, k)| k.revoked_entry.is_none())
                .map(|(id, _)| id.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            head: state.rights(u.principal()).is_head_of(member),
        })
    }
}
