//! The API changes only by additions: the OpenAPI document the server
//! serves contains everything in `tests/data/openapi-baseline.json`.
//!
//! The comparison is structural. Every object of the baseline must be in
//! the current document with at least its members, each contained in turn:
//! paths, methods, parameters (matched by name and place), request bodies,
//! response statuses, schemas and the `$ref`s that name them, texts and
//! numbers (equal). An array of plain values (`required`, `enum`, `type`,
//! `tags`) must keep each of its values; in any other array (`oneOf`,
//! `allOf`, ...) each element of the baseline must be contained in one of
//! the current elements. New paths, methods, parameters, statuses, fields
//! and schemas are allowed.

use serde_json::{json, Value};

use crate::helpers::*;

fn baseline() -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/openapi-baseline.json");
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// What of `base` is missing from or changed in `current`, one line each,
/// named by where it is (`paths./api/v1/members.get.parameters[kind in
/// query].schema.type`).
fn missing(base: &Value, current: &Value) -> Vec<String> {
    let mut out = Vec::new();
    contained(base, current, "", &mut out);
    out
}

fn contained(base: &Value, current: &Value, at: &str, out: &mut Vec<String>) {
    let here = |key: &str| if at.is_empty() { key.to_owned() } else { format!("{at}.{key}") };
    match (base, current) {
        (Value::Object(b), Value::Object(c)) => {
            for (key, value) in b {
                match c.get(key) {
                    Some(now) => contained(value, now, &here(key), out),
                    None => out.push(format!("{}: missing (was {})", here(key), short(value))),
                }
            }
        }
        (Value::Array(b), Value::Array(c)) if at.ends_with(".parameters") => {
            let id = |p: &Value| (p["name"].as_str().map(str::to_owned), p["in"].as_str().map(str::to_owned));
            for param in b {
                let (name, place) = id(param);
                let label = format!("{at}[{} in {}]", name.as_deref().unwrap_or("?"), place.as_deref().unwrap_or("?"));
                match c.iter().find(|p| id(p) == (name.clone(), place.clone())) {
                    Some(now) => contained(param, now, &label, out),
                    None => out.push(format!("{label}: missing")),
                }
            }
        }
        (Value::Array(b), Value::Array(c)) => {
            for (i, element) in b.iter().enumerate() {
                let plain = !element.is_object() && !element.is_array();
                let found = if plain {
                    c.contains(element)
                } else {
                    c.iter().any(|now| {
                        let mut sub = Vec::new();
                        contained(element, now, at, &mut sub);
                        sub.is_empty()
                    })
                };
                if !found {
                    let mut detail = String::new();
                    // The element at the same place, if any, says best what changed.
                    if let Some(now) = c.get(i).filter(|_| !plain) {
                        let mut sub = Vec::new();
                        contained(element, now, &format!("{at}[{i}]"), &mut sub);
                        detail = format!(" ({})", sub.join("; "));
                    }
                    out.push(format!("{at}[{i}]: {} missing{detail}", short(element)));
                }
            }
        }
        (b, c) if b == c => {}
        (b, c) => out.push(format!("{}: changed from {} to {}", at, short(b), short(c))),
    }
}

fn short(v: &Value) -> String {
    let text = v.to_string();
    if text.chars().count() > 120 {
        format!("{}…", text.chars().take(120).collect::<String>())
    } else {
        text
    }
}

#[tokio::test]
async fn openapi_document_contains_everything_in_the_baseline() {
    let forum = TestForum::new();
    let (status, current) = forum.get("/api/openapi.json").await;
    assert_eq!(status, axum::http::StatusCode::OK);
    let base = baseline();
    // The baseline is the whole document of its day, not an excerpt.
    assert!(base["paths"].as_object().unwrap().len() >= 60);
    assert!(base["components"]["schemas"].as_object().unwrap().len() >= 80);
    let gone = missing(&base, &current);
    assert!(
        gone.is_empty(),
        "the OpenAPI document lost or changed {} thing(s) of the baseline \
         (tests/data/openapi-baseline.json); the API may only gain things:\n{}",
        gone.len(),
        gone.join("\n")
    );
}

/// The comparison itself: a removal or a change anywhere is named, an
/// addition is not.
#[test]
fn openapi_baseline_comparison_names_what_went_missing() {
    let base = baseline();
    assert_eq!(missing(&base, &base), Vec::<String>::new());

    let mut grown = base.clone();
    grown["paths"]["/api/v1/new"] = json!({"get": {"responses": {"200": {"description": ""}}}});
    grown["paths"]["/api/v1/members"]["get"]["parameters"]
        .as_array_mut()
        .unwrap()
        .push(json!({"name": "extra", "in": "query", "required": false, "schema": {"type": "string"}}));
    grown["components"]["schemas"]["AdmitMemberRequest"]["properties"]["extra"] = json!({"type": "string"});
    assert_eq!(missing(&base, &grown), Vec::<String>::new(), "additions are allowed");

    let mut shrunk = base.clone();
    shrunk["paths"].as_object_mut().unwrap().remove("/api/v1/record");
    assert_eq!(missing(&base, &shrunk).len(), 1);
    assert!(missing(&base, &shrunk)[0].starts_with("paths./api/v1/record: missing"), "{:?}", missing(&base, &shrunk));

    let mut shrunk = base.clone();
    shrunk["paths"]["/api/v1/members"]["get"]["parameters"].as_array_mut().unwrap().retain(|p| p["name"] != "kind");
    assert_eq!(missing(&base, &shrunk), vec!["paths./api/v1/members.get.parameters[kind in query]: missing"]);

    let mut shrunk = base.clone();
    shrunk["paths"]["/api/v1/members"]["post"]["responses"].as_object_mut().unwrap().remove("201");
    assert_eq!(
        missing(&base, &shrunk),
        vec![format!(
            "paths./api/v1/members.post.responses.201: missing (was {})",
            short(&base["paths"]["/api/v1/members"]["post"]["responses"]["201"])
        )]
    );

    let mut changed = base.clone();
    changed["paths"]["/api/v1/members"]["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"] =
        json!("#/components/schemas/Other");
    assert_eq!(
        missing(&base, &changed),
        vec![
            "paths./api/v1/members.post.requestBody.content.application/json.schema.$ref: changed from \
         \"#/components/schemas/AdmitMemberRequest\" to \"#/components/schemas/Other\""
        ]
    );

    let mut changed = base.clone();
    changed["components"]["schemas"]["AdmitMemberRequest"]["required"] = json!(["code"]);
    assert_eq!(missing(&base, &changed), vec!["components.schemas.AdmitMemberRequest.required[1]: \"kind\" missing"]);
}
