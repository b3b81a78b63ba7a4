//! A small static file server for `dist/`, used by `scripts/serve` and the end-to-end tests.
//! It does what python's http.server does not: falls back to `index.html` for app routes (deep links),
//! serves the app under a sub-path (`--base /atlas/`), sends `application/wasm`, and can mount extra
//! folders (test fixtures) at a prefix.

use std::fs;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread;

use tiny_http::{Header, Request, Response, Server};

#[derive(Clone, Debug)]
pub struct ServeConfig {
    /// Folder served at `base`.
    pub root: PathBuf,
    /// URL prefix the app lives under, `/` or e.g. `/atlas/`.
    pub base: String,
    /// Extra (URL prefix, folder) pairs, e.g. `("/fixtures/", "tests/fixtures")`.
    pub mounts: Vec<(String, PathBuf)>,
    /// Extra response headers sent with every answer.
    pub headers: Vec<(String, String)>,
}

/// A running server; it stops when the process ends.
pub struct Running {
    pub addr: SocketAddr,
}

impl Running {
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "webmanifest" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Maps a URL path inside a mounted folder to a file, refusing anything that climbs out of it.
fn safe_join(root: &Path, rel: &str) -> Option<PathBuf> {
    let rel = rel.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(rel)?;
    let mut out = root.to_path_buf();
    for c in Path::new(&decoded).components() {
        match c {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(out)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn respond(cfg: &ServeConfig, req: Request) {
    let url = req.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or("/").to_string();
    let mut file = None;
    for (prefix, dir) in &cfg.mounts {
        if let Some(rest) = path.strip_prefix(prefix.as_str()) {
            file = safe_join(dir, rest).filter(|p| p.is_file());
            if file.is_none() {
                let _ = req.respond(Response::from_string("not found").with_status_code(404));
                return;
            }
        }
    }
    if file.is_none() {
        let base = cfg.base.trim_end_matches('/');
        let Some(rest) = path
            .strip_prefix(base)
            .filter(|r| r.is_empty() || r.starts_with('/'))
        else {
            let _ = req.respond(Response::from_string("not found").with_status_code(404));
            return;
        };
        let candidate = safe_join(&cfg.root, rest.trim_start_matches('/'));
        file = match candidate {
            Some(p) if p.is_file() => Some(p),
            Some(p) if p.is_dir() && p.join("index.html").is_file() => Some(p.join("index.html")),
            // An app route (no file extension): the single-page app answers it.
            _ if !rest.rsplit('/').next().unwrap_or("").contains('.') => {
                Some(cfg.root.join("index.html"))
            }
            _ => None,
        };
    }
    let Some(file) = file else {
        let _ = req.respond(Response::from_string("not found").with_status_code(404));
        return;
    };
    match fs::read(&file) {
        Ok(bytes) => {
            let mut resp = Response::from_data(bytes);
            let mut headers = vec![("Content-Type".to_string(), content_type(&file).to_string())];
            headers.push(("Cache-Control".into(), "no-cache".into()));
            headers.extend(cfg.headers.iter().cloned());
            for (k, v) in headers {
                if let Ok(h) = Header::from_bytes(k.as_bytes(), v.as_bytes()) {
                    resp.add_header(h);
                }
            }
            let _ = req.respond(resp);
        }
        Err(_) => {
            let _ = req.respond(Response::from_string("not found").with_status_code(404));
        }
    }
}

/// Starts serving on `addr` (port 0 picks a free one) in background threads.
pub fn start(cfg: ServeConfig, addr: &str) -> Result<Running, String> {
    let server = Server::http(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let addr = server.server_addr().to_ip().ok_or("not an IP address")?;
    let server = Arc::new(server);
    let cfg = Arc::new(cfg);
    for _ in 0..4 {
        let server = Arc::clone(&server);
        let cfg = Arc::clone(&cfg);
        thread::spawn(move || {
            for req in server.incoming_requests() {
                respond(&cfg, req);
            }
        });
    }
    Ok(Running { addr })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_climb_out() {
        assert!(safe_join(Path::new("/srv"), "../etc/passwd").is_none());
        assert!(safe_join(Path::new("/srv"), "%2e%2e/etc/passwd").is_none());
        assert_eq!(
            safe_join(Path::new("/srv"), "data/x.json"),
            Some(PathBuf::from("/srv/data/x.json"))
        );
    }
}
