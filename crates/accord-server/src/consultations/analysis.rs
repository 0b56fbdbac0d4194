//! The analysis of a consultation as the server serves it: computed from
//! a copy of the consultation taken under the state's read lock (so that
//! the analysis, which takes seconds for the largest consultations, never
//! holds the lock), on a blocking thread, one at a time, and kept while
//! the consultation does not change (`Consultation::changed`).
//!
//! The JSON is the shape of `accord consult analyse --format json`, with
//! `record_size` (the record's size when computed: replaying that many
//! entries gives the same consultation), `engine` (the edition of the
//! engine that computed it) and `digest` (SHA-256 of the shape without
//! those three keys, as `consultation.analysis_published` names it).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

use accord_consult::report::Report;
use accord_domain::consultation::analysis::{analyse_consultation, ENGINE};
use accord_domain::consultation::Consultation;

use crate::http::error::ApiError;
use crate::http::i18n::Lang;
use crate::AppState;

/// A computed analysis.
pub struct Computed {
    pub record_size: u64,
    /// The consultation's `changed` it was computed at.
    pub changed: u64,
    pub digest: String,
    pub report: Report<String>,
    /// The served JSON.
    pub json: axum::body::Bytes,
    /// The opinion map, as SVG, in each language of the interface (its
    /// title, description and labels are words).
    pub svg: Vec<(Lang, String)>,
    /// The statements' texts by id, for the tables.
    pub texts: HashMap<String, String>,
    pub counted: usize,
}

/// The cache: per consultation, the latest analysis.
#[derive(Default)]
pub struct Analyses {
    done: Mutex<HashMap<u64, Arc<Computed>>>,
    gate: tokio::sync::Mutex<()>,
}

#[derive(serde::Serialize)]
struct Served<'a> {
    record_size: u64,
    digest: &'a str,
    engine: u32,
    #[serde(flatten)]
    report: &'a Report<String>,
}

impl Analyses {
    fn hit(&self, id: u64, changed: u64) -> Option<Arc<Computed>> {
        let done = self.done.lock().unwrap_or_else(|e| e.into_inner());
        done.get(&id).filter(|c| c.changed == changed).cloned()
    }
}

/// The analysis of consultation `id` as it stands.
pub async fn current(app: &AppState, id: u64) -> Result<Arc<Computed>, ApiError> {
    let changed = app.store.state().consultation(id)?.changed;
    if let Some(hit) = app.consultations.hit(id, changed) {
        return Ok(hit);
    }
    let _gate = app.consultations.gate.lock().await;
    let (copy, record_size) = {
        let state = app.store.state();
        (state.consultation(id)?.clone(), state.next_index)
    };
    if let Some(hit) = app.consultations.hit(id, copy.changed) {
        return Ok(hit);
    }
    let computed =
        tokio::task::spawn_blocking(move || compute(&copy, record_size)).await.map_err(|_| ApiError::internal())?;
    let computed = Arc::new(computed);
    let mut done = app.consultations.done.lock().unwrap_or_else(|e| e.into_inner());
    if done.len() > 1024 {
        done.clear();
    }
    done.insert(id, computed.clone());
    Ok(computed)
}

fn compute(c: &Consultation, record_size: u64) -> Computed {
    let (analysis, report) = analyse_consultation(c, ENGINE);
    let digest = report.digest();
    let json = serde_json::to_vec(&Served { record_size, digest: &digest, engine: ENGINE, report: &report })
        .expect("an analysis serialises")
        .into();
    // Drawing is cheap beside the analysis: every language at once, so
    // that the cache serves them all.
    let svg = Lang::ALL.into_iter().map(|lang| (lang, lang.scope_sync(|| map_svg(c, analysis.as_ref())))).collect();
    let texts = c.statements.iter().map(|s| (s.id.to_string(), s.shown_text().to_owned())).collect();
    let counted = report.participants.0.iter().filter(|(_, g)| g.is_some()).count();
    Computed { record_size, changed: c.changed, digest, report, json, svg, texts, counted }
}

/// Colours of groups 0–4 (distinguishable for common colour blindness;
/// the stylesheet's `.swatch.group-N` repeat them), and of participants
/// not counted.
const COLOURS: [&str; 5] = ["#1b6ca8", "#d95f02", "#1a9850", "#7b3294", "#a6761d"];
const UNCOUNTED: &str = "#9a9a9a";

/// The opinion map: each counted participant at their position on the two
/// principal components, coloured by group, each group's label at its
/// centre. Drawn in a 640 × 400 box; text is escaped.
pub fn map_svg(c: &Consultation, analysis: Option<&accord_consult::Analysis>) -> String {
    let mut s = String::new();
    let title = crate::t1("cons-map-title", "id", c.id);
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 400\" width=\"640\" height=\"400\" \
         role=\"img\" aria-labelledby=\"map-title map-desc\"><title id=\"map-title\">{}</title>",
        crate::http::i18n::html::escape(&title)
    );
    s.push_str("<rect x=\"0\" y=\"0\" width=\"640\" height=\"400\" fill=\"#ffffff\" stroke=\"#c8c8c8\"/>");
    let Some(a) = analysis.filter(|a| !a.groups.is_empty()) else {
        let _ = write!(
            s,
            "<desc id=\"map-desc\">{}</desc>",
            crate::http::i18n::html::escape(&crate::t("cons-map-no-groups-desc"))
        );
        let _ = write!(
            s,
            "<text x=\"320\" y=\"200\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"16\" fill=\"#555\">{}</text></svg>",
            crate::http::i18n::html::escape(&crate::t("cons-map-no-groups"))
        );
        return s;
    };
    let points: Vec<(usize, [f64; 2])> =
        a.group_of.iter().enumerate().filter_map(|(p, g)| g.map(|g| (g, a.pca.projections[p]))).collect();
    let (mut min, mut max) = ([f64::MAX; 2], [f64::MIN; 2]);
    for (_, xy) in &points {
        for k in 0..2 {
            min[k] = min[k].min(xy[k]);
            max[k] = max[k].max(xy[k]);
        }
    }
    let span = |k: usize| (max[k] - min[k]).max(1e-9);
    let place = |xy: [f64; 2]| (30.0 + (xy[0] - min[0]) / span(0) * 580.0, 370.0 - (xy[1] - min[1]) / span(1) * 340.0);
    let sizes: Vec<String> =
        a.groups.iter().map(|g| crate::t2("cons-map-group-size", "number", g.id + 1, "size", g.size)).collect();
    let desc = crate::t3(
        "cons-map-desc",
        "count",
        points.len(),
        "groups",
        a.groups.len(),
        "sizes",
        sizes.join(&crate::t("cons-map-list-separator")),
    );
    let _ = write!(s, "<desc id=\"map-desc\">{}</desc>", crate::http::i18n::html::escape(&desc));
    for (g, xy) in &points {
        let (x, y) = place(*xy);
        let colour = COLOURS.get(*g).copied().unwrap_or(UNCOUNTED);
        let _ = write!(s, "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3.5\" fill=\"{colour}\" fill-opacity=\"0.7\"/>");
    }
    for g in &a.groups {
        let (x, y) = place(g.centre);
        let colour = COLOURS.get(g.id).copied().unwrap_or(UNCOUNTED);
        let _ = write!(
            s,
            "<g class=\"group\"><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"14\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"3\"/>\
             <text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"14\" font-weight=\"bold\" fill=\"#111\">{}</text></g>",
            (y - 20.0).max(16.0),
            crate::http::i18n::html::escape(&crate::t2("cons-map-group-label", "number", g.id + 1, "size", g.size))
        );
    }
    s.push_str("</svg>");
    s
}
