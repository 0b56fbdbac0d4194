//! Where the log is read from: the forum's base URL (the log under
//! `URL/log/`, the API under `URL/api/v1/`), the address of a static host
//! that serves a copy of `log/` (written by `accord serve --log-dir`; it
//! has no API), or a directory holding such a copy (`DIR/checkpoint`,
//! `DIR/tile/...`).

use std::path::PathBuf;

pub enum Source {
    Url { base: String, agent: ureq::Agent },
    Dir(PathBuf),
}

impl Source {
    pub fn url(base: &str) -> Source {
        let agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
        Source::Url { base: base.trim_end_matches('/').to_owned(), agent }
    }

    /// Reads a file of the log, e.g. `checkpoint` or `tile/entries/000`.
    pub fn log_file(&self, path: &str) -> Result<Vec<u8>, String> {
        self.read_log_file(path, false).map(|bytes| bytes.unwrap_or_default())
    }

    /// Reads a file of the log that may be absent (404, or no such file).
    pub fn log_file_if_any(&self, path: &str) -> Result<Option<Vec<u8>>, String> {
        self.read_log_file(path, true)
    }

    fn read_log_file(&self, path: &str, may_lack: bool) -> Result<Option<Vec<u8>>, String> {
        match self {
            Source::Url { base, agent } => {
                let url = format!("{base}/log/{path}");
                let mut res = agent.get(&url).call().map_err(|e| format!("fetching {url}: {e}"))?;
                if may_lack && res.status() == 404 {
                    return Ok(None);
                }
                if res.status() != 200 {
                    return Err(format!("fetching {url}: the server answered {}", res.status()));
                }
                res.body_mut()
                    .with_config()
                    .limit(64 * 1024 * 1024)
                    .read_to_vec()
                    .map(Some)
                    .map_err(|e| format!("reading {url}: {e}"))
            }
            Source::Dir(dir) => {
                let file = dir.join(path);
                match std::fs::read(&file) {
                    Ok(bytes) => Ok(Some(bytes)),
                    Err(e) if may_lack && e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                    Err(e) => Err(format!("reading {}: {e}", file.display())),
                }
            }
        }
    }

    /// Reads an API document (URL sources only).
    pub fn api(&self, path: &str) -> Result<Option<serde_json::Value>, String> {
        match self {
            Source::Url { base, agent } => {
                let url = format!("{base}/api/v1/{path}");
                let mut res = agent.get(&url).call().map_err(|e| format!("fetching {url}: {e}"))?;
                if res.status() == 404 {
                    return Ok(None);
                }
                if res.status() != 200 {
                    return Err(format!("fetching {url}: the server answered {}", res.status()));
                }
                res.body_mut().read_json().map(Some).map_err(|e| format!("reading {url}: {e}"))
            }
            Source::Dir(_) => Ok(None),
        }
    }

    /// Whether this is a forum's address (with an API), not a mirror.
    pub fn is_url(&self) -> bool {
        matches!(self, Source::Url { .. })
    }

    pub fn describe(&self) -> String {
        match self {
            Source::Url { base, .. } => base.clone(),
            Source::Dir(d) => d.display().to_string(),
        }
    }
}
