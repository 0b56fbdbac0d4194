//! Compressed answers, for delegations on a poor connection.
//!
//! Text (pages, JSON, the style sheet, scripts, SVG, Markdown, Akoma Ntoso)
//! is compressed with brotli or gzip, as the browser's `Accept-Encoding`
//! prefers; nothing else is: Word documents are zip files already, log
//! tiles are hashes, and the event stream (`text/event-stream`) must reach
//! the browser event by event, not when a compressor's buffer fills.
//! Partial answers (`Content-Range`) are never compressed (tower-http's
//! rule), so byte ranges keep meaning the bytes of the document.

use axum::http::{header, Extensions, HeaderMap, StatusCode, Version};
use tower_http::compression::predicate::{Predicate, SizeAbove};
use tower_http::compression::{CompressionLayer, CompressionLevel};

/// Bodies smaller than this go as they are: the compressed frame would
/// save little or nothing.
const SMALLEST: u64 = 256;

/// Brotli at quality 5 compresses a page about as well as gzip's best in a
/// fraction of brotli's default (11), which is made for files compressed
/// once; pages are compressed at every request.
const LEVEL: i32 = 5;

/// The layer, outermost in [`crate::build`].
pub fn layer() -> CompressionLayer<impl Predicate> {
    CompressionLayer::new()
        .gzip(true)
        .br(true)
        .quality(CompressionLevel::Precise(LEVEL))
        .compress_when(SizeAbove::new(SMALLEST).and(is_text))
}

/// Whether an answer is text worth compressing, by its media type.
fn is_text(_: StatusCode, _: Version, headers: &HeaderMap, _: &Extensions) -> bool {
    let Some(media) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else { return false };
    compressible(media)
}

/// `text/*` except the event stream, JSON, XML, JavaScript and SVG.
fn compressible(media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if essence == "text/event-stream" {
        return false;
    }
    essence.starts_with("text/")
        || matches!(
            essence.as_str(),
            "application/json" | "application/xml" | "application/javascript" | "image/svg+xml"
        )
        || essence.ends_with("+json")
        || essence.ends_with("+xml")
}

#[cfg(test)]
mod tests {
    use super::compressible;

    #[test]
    fn text_is_compressed_and_nothing_else() {
        for yes in [
            "text/html; charset=utf-8",
            "text/css; charset=utf-8",
            "text/javascript; charset=utf-8",
            "application/json",
            "application/problem+json",
            "image/svg+xml",
            "application/akn+xml",
            "text/markdown; charset=utf-8",
        ] {
            assert!(compressible(yes), "{yes}");
        }
        for no in [
            "text/event-stream",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/zip",
            "application/pdf",
            "application/octet-stream",
            "image/png",
        ] {
            assert!(!compressible(no), "{no}");
        }
    }
}
