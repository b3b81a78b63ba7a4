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
mod tests {
    use super::*;
    use std::fs;
    use std::io::{Read, Write};
    use std::net::TcpStream;
    use std::time::Duration;

    /// A built app in a temporary folder, with a secret file beside it that must never be served.
    fn site(test: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("bridges-serve-{test}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let root = dir.join("dist");
        for sub in ["data", "split", "docs", "fixtures/nested"] {
            fs::create_dir_all(root.join(sub)).unwrap();
        }
        fs::write(root.join("index.html"), "<!doctype html>app").unwrap();
        fs::write(root.join("data/x.json"), "{}").unwrap();
        fs::write(root.join("app.wasm"), b"\0asm\x01\0\0\0").unwrap();
        fs::write(root.join("boot.js"), "boot()").unwrap();
        fs::write(root.join("style.css"), "body{}").unwrap();
        fs::write(root.join("icon.svg"), "<svg/>").unwrap();
        fs::write(root.join("manifest.webmanifest"), "{\"name\":1}").unwrap();
        fs::write(root.join("split/chunk.bin"), "bin").unwrap();
        fs::write(root.join("docs/index.html"), "docs").unwrap();
        fs::write(root.join("fixtures/nested/f.json"), "[1]").unwrap();
        fs::write(dir.join("secret"), "SECRET").unwrap();
        fs::write(dir.join("secret.txt"), "SECRET").unwrap();
        root
    }

    fn config(root: PathBuf, base: &str) -> ServeConfig {
        let fixtures = root.join("fixtures");
        ServeConfig {
            root,
            base: base.into(),
            mounts: vec![("/fixtures/".into(), fixtures)],
            headers: vec![
                (
                    "Content-Security-Policy".into(),
                    "default-src 'self'".into(),
                ),
                ("X-Test".into(), "1".into()),
            ],
        }
    }

    fn serve(test: &str, base: &str) -> String {
        start(config(site(test), base), "127.0.0.1:0")
            .unwrap()
            .url()
    }

    /// Sends `requests` on one connection and reads until the server closes it.
    fn exchange(url: &str, requests: &str) -> String {
        let mut s = TcpStream::connect(url.trim_start_matches("http://")).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        s.write_all(requests.as_bytes()).unwrap();
        let mut out = Vec::new();
        s.read_to_end(&mut out).unwrap();
        String::from_utf8_lossy(&out).into_owned()
    }

    #[derive(Debug)]
    struct Answer {
        status: u16,
        /// Names in lower case.
        headers: Vec<(String, String)>,
        body: String,
    }

    impl Answer {
        fn header(&self, name: &str) -> Option<&str> {
            self.headers
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        }
    }

    fn parse(raw: &str) -> Answer {
        let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((raw, ""));
        let mut lines = head.lines();
        let status = lines.next().unwrap_or("").split(' ').nth(1).unwrap_or("0");
        Answer {
            status: status.parse().unwrap_or(0),
            headers: lines
                .filter_map(|l| l.split_once(':'))
                .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
                .collect(),
            body: body.to_string(),
        }
    }

    /// One request (`GET /path`) on its own connection.
    fn request(url: &str, line: &str, extra: &str) -> Answer {
        parse(&exchange(
            url,
            &format!("{line} HTTP/1.1\r\nHost: x\r\n{extra}Connection: close\r\n\r\n"),
        ))
    }

    fn get(url: &str, path: &str) -> Answer {
        request(url, &format!("GET {path}"), "")
    }

    fn assert_app(a: &Answer, what: &str) {
        assert_eq!(a.status, 200, "{what}: {a:?}");
        assert_eq!(a.body, "<!doctype html>app", "{what}");
        assert_eq!(
            a.header("content-type"),
            Some("text/html; charset=utf-8"),
            "{what}"
        );
        assert_eq!(
            a.header("content-security-policy"),
            Some("default-src 'self'"),
            "{what}"
        );
    }

    fn assert_not_found(a: &Answer, what: &str) {
        assert_eq!(a.status, 404, "{what}: {a:?}");
        assert_eq!(a.body, "not found", "{what}");
        assert_eq!(a.header("content-type"), Some("text/plain"), "{what}");
        assert_eq!(a.header("content-security-policy"), None, "{what}");
    }

    #[test]
    fn assets_are_served_with_their_type_and_the_headers() {
        let url = serve("types", "/");
        for (path, body, kind) in [
            ("/data/x.json", "{}", "application/json"),
            ("/app.wasm", "\0asm\u{1}\0\0\0", "application/wasm"),
            ("/boot.js", "boot()", "text/javascript; charset=utf-8"),
            ("/style.css", "body{}", "text/css; charset=utf-8"),
            ("/icon.svg", "<svg/>", "image/svg+xml"),
            (
                "/manifest.webmanifest",
                "{\"name\":1}",
                "application/manifest+json",
            ),
            ("/split/chunk.bin", "bin", "application/octet-stream"),
            ("/boot.js?v=123", "boot()", "text/javascript; charset=utf-8"),
            ("/data/%78.json", "{}", "application/json"),
            ("/fixtures/nested/f.json", "[1]", "application/json"),
        ] {
            let a = get(&url, path);
            assert_eq!(a.status, 200, "{path}: {a:?}");
            assert_eq!(a.body, body, "{path}");
            assert_eq!(a.header("content-type"), Some(kind), "{path}");
            assert_eq!(a.header("cache-control"), Some("no-cache"), "{path}");
            assert_eq!(
                a.header("content-security-policy"),
                Some("default-src 'self'"),
                "{path}"
            );
            assert_eq!(a.header("x-test"), Some("1"), "{path}");
            assert_eq!(
                a.header("content-length"),
                Some(body.len().to_string().as_str())
            );
        }
    }

    #[test]
    fn app_routes_answer_index_html() {
        let url = serve("routes", "/");
        for path in [
            "/",
            "/explore?sector=230&stack=sector",
            "/projects/4",
            "/present/two-decades/console?slide=10",
            "/no/such/page",
            // A folder without index.html is no file either.
            "/data",
            "/data/",
            "/fixtures",
        ] {
            assert_app(&get(&url, path), path);
        }
        // A folder's own index.html, with or without the slash (no redirect).
        for path in ["/docs", "/docs/"] {
            let a = get(&url, path);
            assert_eq!((a.status, a.body.as_str()), (200, "docs"), "{path}: {a:?}");
            assert_eq!(a.header("content-type"), Some("text/html; charset=utf-8"));
        }
    }

    #[test]
    fn climbing_out_answers_the_app_never_a_file_outside() {
        let url = serve("climb", "/");
        for path in [
            "/..%2Fsecret",
            "/..%2F..%2Fsecret.txt",
            "/..%2fsecret.txt",
            "/%2e%2e/secret",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/../secret.txt",
            "/data/../../secret.txt",
            "/..%5Csecret.txt",
            "/.%2e/secret",
            "//evil.example/",
            "//evil.example/secret",
            "/%2F%2Fevil.example/",
            "/%2Fetc/passwd",
        ] {
            let a = get(&url, path);
            assert!(!a.body.contains("SECRET"), "{path}: {a:?}");
            assert_app(&a, path);
        }
        // In a mount, nothing but its files: climbing is a miss.
        for path in ["/fixtures/..%2Fsecret.txt", "/fixtures/%2e%2e/index.html"] {
            assert_not_found(&get(&url, path), path);
        }
    }

    #[test]
    fn missing_files_are_404_as_today() {
        let url = serve("missing", "/");
        for path in [
            "/missing.js",
            "/data/missing.json",
            "/split/chunk-9.wasm",
            "/favicon.ico",
            // Mounts answer only their files.
            "/fixtures/missing.json",
            "/fixtures/nested",
            "/fixtures/nested/",
        ] {
            assert_not_found(&get(&url, path), path);
        }
        // HEAD of a miss: the same status and length, no body.
        let a = request(&url, "HEAD /missing.js", "");
        assert_eq!((a.status, a.body.as_str()), (404, ""), "{a:?}");
        assert_eq!(a.header("content-length"), Some("9"));
    }

    #[test]
    fn the_app_lives_under_its_base() {
        let url = serve("base", "/atlas/");
        let a = get(&url, "/atlas/data/x.json");
        assert_eq!((a.status, a.body.as_str()), (200, "{}"), "{a:?}");
        for path in [
            "/atlas",
            "/atlas/",
            "/atlas/explore?sector=230",
            "/atlas/%2e%2e/secret",
        ] {
            assert_app(&get(&url, path), path);
        }
        assert_not_found(&get(&url, "/atlas/missing.js"), "missing under the base");
        for path in [
            "/",
            "/data/x.json",
            "/explore",
            "/atlasx",
            "/atlasx/data/x.json",
        ] {
            assert_not_found(&get(&url, path), path);
        }
        // Mounts stay at their own prefix, outside the base.
        let a = get(&url, "/fixtures/nested/f.json");
        assert_eq!((a.status, a.body.as_str()), (200, "[1]"), "{a:?}");
    }

    #[test]
    fn answers_files_routes_and_misses_on_a_kept_alive_connection() {
        let url = serve("answers", "/atlas/");
        let out = exchange(
            &url,
            "GET /atlas/data/x.json HTTP/1.1\r\nHost: x\r\n\r\n\
             GET /atlas/explore?sector=230 HTTP/1.1\r\nHost: x\r\n\r\n\
             HEAD /atlas/ HTTP/1.1\r\nHost: x\r\n\r\n\
             GET /atlas/missing.js HTTP/1.1\r\nHost: x\r\n\r\n\
             GET /elsewhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        );
        let answers: Vec<Answer> = out
            .split("HTTP/1.1 ")
            .skip(1)
            .map(|a| parse(&format!("HTTP/1.1 {a}")))
            .collect();
        assert_eq!(answers.len(), 5, "{out}");
        assert_eq!((answers[0].status, answers[0].body.as_str()), (200, "{}"));
        assert_eq!(answers[0].header("content-type"), Some("application/json"));
        assert_app(&answers[1], "route");
        assert_eq!((answers[2].status, answers[2].body.as_str()), (200, ""));
        assert_eq!(answers[2].header("content-length"), Some("18"));
        assert_not_found(&answers[3], "missing");
        assert_not_found(&answers[4], "elsewhere");
        assert_eq!(answers[4].header("connection"), Some("close"));
    }

    #[test]
    fn every_answer_is_the_whole_current_file() {
        let url = serve("fresh", "/");
        let a = request(
            &url,
            "GET /boot.js",
            "If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT\r\n",
        );
        assert_eq!((a.status, a.body.as_str()), (200, "boot()"), "{a:?}");
    }

    #[test]
    fn idle_connections_do_not_hold_up_new_ones() {
        let url = serve("idle", "/");
        let addr = url.trim_start_matches("http://");
        // More idle keep-alive connections than a browser opens to one host.
        let idle: Vec<TcpStream> = (0..12).map(|_| TcpStream::connect(addr).unwrap()).collect();
        let a = get(&url, "/data/x.json");
        assert_eq!(a.status, 200, "{a:?}");
        drop(idle);
    }

    #[test]
    fn refuses_other_methods_and_garbage() {
        let url = serve("refuses", "/");
        let out = exchange(
            &url,
            "POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc\
             GET /data/x.json HTTP/1.1\r\nConnection: close\r\n\r\n",
        );
        let a = parse(&out);
        assert_eq!(a.status, 405, "{out}");
        assert_eq!(a.header("allow"), Some("GET, HEAD"));
        assert!(
            out.contains("HTTP/1.1 200 OK"),
            "the body was skipped: {out}"
        );
        let out = exchange(&url, "nonsense\r\n\r\n");
        assert!(out.starts_with("HTTP/1.1 400 Bad Request"), "{out}");
    }

    #[test]
    fn headers_that_are_not_http_are_left_out() {
        let mut cfg = config(site("inject"), "/");
        cfg.headers = vec![
            ("X-Bad".into(), "a\r\nSet-Cookie: x=1".into()),
            ("X-Bad:Name".into(), "1".into()),
            ("X-Good".into(), "2".into()),
        ];
        let url = start(cfg, "127.0.0.1:0").unwrap().url();
        let a = get(&url, "/");
        assert_eq!(a.status, 200, "{a:?}");
        assert_eq!(a.header("x-good"), Some("2"));
        assert_eq!(a.header("x-bad"), None);
        assert_eq!(a.header("set-cookie"), None);
    }

    #[test]
    fn starts_from_inside_another_runtime_and_reports_a_taken_port() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let running = rt.block_on(async { start(config(site("nested"), "/"), "127.0.0.1:0") });
        let running = running.unwrap();
        assert_eq!(get(&running.url(), "/data/x.json").body, "{}");
        let taken = running.addr.to_string();
        let err = start(config(site("nested"), "/"), &taken).err().unwrap();
        assert!(
            format!("{err:#}").starts_with(&format!("cannot listen on {taken}: ")),
            "{err:#}"
        );
    }

    #[test]
    fn paths_find_their_folder() {
        let cfg = config(PathBuf::from("/srv/dist"), "/atlas/");
        let mount = PathBuf::from("/srv/dist/fixtures");
        assert_eq!(
            target(&cfg, "/fixtures/a/b.json"),
            Target::Mount {
                dir: &mount,
                rest: "/a/b.json".into()
            }
        );
        assert_eq!(target(&cfg, "/atlas"), Target::App { rest: "/".into() });
        assert_eq!(
            target(&cfg, "/atlas/map"),
            Target::App {
                rest: "/map".into()
            }
        );
        assert_eq!(target(&cfg, "/atlasx"), Target::Elsewhere);
        assert!(is_missing_file("/a/b.js"));
        assert!(is_missing_file("/a/b%2Ejs"));
        assert!(!is_missing_file("/a/b"));
        assert!(!is_missing_file("/..%2Fb.js"));
        assert!(!is_missing_file("/a.b/c"));
    }
}
