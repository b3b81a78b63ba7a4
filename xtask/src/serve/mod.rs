//! A small static file server for `dist/`, used by `scripts/serve` and the end-to-end tests.
//! It does what python's http.server does not: falls back to `index.html` for app routes (deep links),
//! serves the app under a sub-path (`--base /atlas/`), sends `application/wasm`, and can mount extra
//! folders (test fixtures) at a prefix.
//!
//! axum on hyper (HTTP/1.1, keep-alive) with tower-http's `ServeDir` reading the files; the answers:
//! - a file under the base (or a folder's `index.html`): 200 with the type from [`content_type`],
//!   `Cache-Control: no-cache` and the configured headers;
//! - a missing file (the last segment has an extension, `/missing.js`): 404, as for assets on static hosts;
//! - any other path under the base, app routes (`/explore?sector=230`) but also climbing attempts
//!   (`/..%2F..%2Fetc/passwd`, `/%2e%2e/x`) and `//evil.example/`: the app's `index.html`, never a file
//!   outside the folder;
//! - a path outside the base and every mount: 404; a method other than GET and HEAD: 405.
//!
//! [`start`] is blocking for callers: the server runs on its own thread with its own tokio runtime, so it
//! can be started from plain code or from inside another runtime (the end-to-end tests).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use percent_encoding::percent_decode_str;
use tower::ServiceExt;
use tower_http::services::ServeDir;

#[derive(Clone, Debug)]
pub struct ServeConfig {
    /// Folder served at `base`.
    pub root: PathBuf,
    /// URL prefix the app lives under, `/` or e.g. `/atlas/`.
    pub base: String,
    /// Extra (URL prefix, folder) pairs, e.g. `("/fixtures/", "tests/fixtures")`.
    pub mounts: Vec<(String, PathBuf)>,
    /// Extra response headers sent with every file answered (headers that are not valid HTTP are left out).
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
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Where a request path leads; `rest` is the path inside the folder, still percent-encoded, from `/`.
#[derive(Debug, PartialEq)]
enum Target<'a> {
    /// A mounted folder: only its files are answered.
    Mount { dir: &'a Path, rest: String },
    /// The app under the base.
    App { rest: String },
    /// Outside the base and every mount.
    Elsewhere,
}

fn target<'a>(cfg: &'a ServeConfig, path: &str) -> Target<'a> {
    for (prefix, dir) in &cfg.mounts {
        if let Some(rest) = path.strip_prefix(prefix.as_str()) {
            return Target::Mount {
                dir,
                rest: format!("/{}", rest.trim_start_matches('/')),
            };
        }
    }
    let base = cfg.base.trim_end_matches('/');
    match path.strip_prefix(base) {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => Target::App {
            rest: format!("/{}", rest.trim_start_matches('/')),
        },
        _ => Target::Elsewhere,
    }
}

/// A request for a file that is not there (`/missing.js`): the last segment names a file, and the path
/// does not climb (a climbing attempt is answered with the app, like any other path that is no file).
fn is_missing_file(rest: &str) -> bool {
    let decoded = percent_decode_str(rest).decode_utf8_lossy();
    !decoded.split(['/', '\\']).any(|c| c == "..")
        && decoded.rsplit('/').next().unwrap_or("").contains('.')
}

/// What `ServeDir` made of a path.
enum Found {
    /// A file (200, 206 for a range, 304 is not asked for): answered with the type of `file`.
    File(Response, PathBuf),
    /// A folder asked for without its trailing slash (ServeDir would redirect).
    Folder,
    Missing,
    /// Another answer, passed on as it is (416 for a range past the end, 500 for a read error).
    Other(Response),
}

/// Asks `dir` for `path` (percent-encoded, from `/`) with the method and headers of the request.
async fn find(dir: &ServeDir, parts: &Parts, path: &str) -> Found {
    let Ok(uri) = Uri::builder().path_and_query(path).build() else {
        return Found::Missing;
    };
    let mut req = Request::builder()
        .method(parts.method.clone())
        .uri(uri)
        .body(Body::empty())
        .expect("a request from valid parts");
    *req.headers_mut() = parts.headers.clone();
    // Every answer is the whole current file, as `no-cache` promises: a file rebuilt within the second
    // it was last served (its modification time) must not be answered "304 Not Modified".
    req.headers_mut().remove(header::IF_MODIFIED_SINCE);
    req.headers_mut().remove(header::IF_UNMODIFIED_SINCE);
    let Ok(res) = dir.clone().oneshot(req).await;
    let status = res.status();
    if status.is_success() {
        let name = if path.ends_with('/') {
            "index.html".into()
        } else {
            percent_decode_str(path).decode_utf8_lossy().into_owned()
        };
        Found::File(res.into_response(), PathBuf::from(name))
    } else if status == StatusCode::TEMPORARY_REDIRECT {
        Found::Folder
    } else if status == StatusCode::NOT_FOUND {
        Found::Missing
    } else {
        Found::Other(res.into_response())
    }
}

fn plain(status: StatusCode, body: &'static str) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain")], body).into_response()
}

async fn answer(State(cfg): State<Arc<ServeConfig>>, req: Request) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut res = plain(StatusCode::METHOD_NOT_ALLOWED, "method not allowed");
        res.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return res;
    }
    let (parts, _) = req.into_parts();
    let found = match target(&cfg, parts.uri.path()) {
        Target::Mount { dir, rest } => {
            let dir = ServeDir::new(dir).append_index_html_on_directories(false);
            find(&dir, &parts, &rest).await
        }
        Target::App { rest } => {
            let dir = ServeDir::new(&cfg.root);
            let mut found = find(&dir, &parts, &rest).await;
            if let Found::Folder = found {
                found = find(&dir, &parts, &format!("{rest}/")).await;
            }
            match found {
                Found::Folder | Found::Missing if !is_missing_file(&rest) => {
                    find(&dir, &parts, "/").await
                }
                found => found,
            }
        }
        Target::Elsewhere => Found::Missing,
    };
    let (mut res, file) = match found {
        Found::File(res, file) => (res, file),
        Found::Other(res) => return res,
        Found::Folder | Found::Missing => return plain(StatusCode::NOT_FOUND, "not found"),
    };
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(&file)),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    for (name, value) in &cfg.headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::try_from(name.as_str()),
            HeaderValue::try_from(value.as_str()),
        ) {
            headers.append(name, value);
        }
    }
    res
}

/// The server's routes: every request goes to [`answer`].
fn app(cfg: ServeConfig) -> Router {
    Router::new().fallback(answer).with_state(Arc::new(cfg))
}

/// Starts serving on `addr` (port 0 picks a free one) on a background thread; returns once it listens.
pub fn start(cfg: ServeConfig, addr: &str) -> anyhow::Result<Running> {
    let listener =
        std::net::TcpListener::bind(addr).with_context(|| format!("cannot listen on {addr}"))?;
    let local = listener
        .local_addr()
        .and_then(|a| listener.set_nonblocking(true).map(|()| a))
        .with_context(|| format!("cannot listen on {addr}"))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    let app = app(cfg);
    std::thread::Builder::new()
        .name(format!("serve {local}"))
        .spawn(move || {
            runtime.block_on(async move {
                match tokio::net::TcpListener::from_std(listener) {
                    Ok(listener) => {
                        if let Err(e) = axum::serve(listener, app).await {
                            eprintln!("xtask serve on {local}: {e}");
                        }
                    }
                    Err(e) => eprintln!("xtask serve on {local}: {e}"),
                }
            })
        })
        .context("cannot start the server's thread")?;
    Ok(Running { addr: local })
}

#[cfg(test)]
mod tests;
