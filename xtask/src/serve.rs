//! A small static file server for `dist/`, used by `scripts/serve` and the end-to-end tests.
//! It does what python's http.server does not: falls back to `index.html` for app routes (deep links),
//! serves the app under a sub-path (`--base /atlas/`), sends `application/wasm`, and can mount extra
//! folders (test fixtures) at a prefix.
//!
//! HTTP/1.1 (GET and HEAD, keep-alive) with one thread per connection. It used tiny_http 0.12, whose
//! connection pool can leave a new connection queued behind idle keep-alive ones: with the six parallel
//! connections Chromium opens for the app's files, the wasm request then waited until another
//! connection closed, and the app never started.

use std::fs;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

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

/// The file that answers a request path (`/explore?sector=230` → `index.html`), or `None` for a 404.
fn resolve(cfg: &ServeConfig, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    for (prefix, dir) in &cfg.mounts {
        if let Some(rest) = path.strip_prefix(prefix.as_str()) {
            return safe_join(dir, rest).filter(|p| p.is_file());
        }
    }
    let base = cfg.base.trim_end_matches('/');
    let rest = path
        .strip_prefix(base)
        .filter(|r| r.is_empty() || r.starts_with('/'))?;
    match safe_join(&cfg.root, rest.trim_start_matches('/')) {
        Some(p) if p.is_file() => Some(p),
        Some(p) if p.is_dir() && p.join("index.html").is_file() => Some(p.join("index.html")),
        // An app route (no file extension): the single-page app answers it.
        _ if !rest.rsplit('/').next().unwrap_or("").contains('.') => {
            Some(cfg.root.join("index.html"))
        }
        _ => None,
    }
}

/// Longest request line or header line accepted, and most headers.
const MAX_LINE: u64 = 16 * 1024;
const MAX_HEADERS: usize = 100;
/// An idle keep-alive connection is closed after this long.
const IDLE: Duration = Duration::from_secs(30);

struct Head {
    method: String,
    target: String,
    keep_alive: bool,
    body: u64,
}

/// Reads one request head; `Ok(None)` when the client closed the connection.
fn read_head(reader: &mut BufReader<TcpStream>) -> io::Result<Option<Head>> {
    let bad = |m: &str| io::Error::new(io::ErrorKind::InvalidData, m.to_string());
    let mut line = String::new();
    // Tolerate empty lines before a request (RFC 9112 §2.2).
    while line.trim().is_empty() {
        line.clear();
        if reader.by_ref().take(MAX_LINE).read_line(&mut line)? == 0 {
            return Ok(None);
        }
    }
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target), Some(version)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(bad("malformed request line"));
    };
    let mut head = Head {
        method: method.to_string(),
        target: target.to_string(),
        keep_alive: version == "HTTP/1.1",
        body: 0,
    };
    for _ in 0..MAX_HEADERS {
        let mut h = String::new();
        if reader.by_ref().take(MAX_LINE).read_line(&mut h)? == 0 {
            return Err(bad("connection closed in the headers"));
        }
        let h = h.trim_end();
        if h.is_empty() {
            return Ok(Some(head));
        }
        let Some((name, value)) = h.split_once(':') else {
            return Err(bad("malformed header"));
        };
        let value = value.trim().to_ascii_lowercase();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-length" => head.body = value.parse().map_err(|_| bad("bad length"))?,
            // A chunked body is not read: the connection is closed after the answer.
            "transfer-encoding" => head.keep_alive = false,
            "connection" if value.contains("close") => head.keep_alive = false,
            "connection" if value.contains("keep-alive") => head.keep_alive = true,
            _ => {}
        }
    }
    Err(bad("too many headers"))
}

fn write_answer(
    out: &mut impl Write,
    status: &str,
    headers: &[(String, String)],
    body: &[u8],
    send_body: bool,
    keep_alive: bool,
) -> io::Result<()> {
    let mut head = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\n", body.len());
    for (k, v) in headers {
        // No header injection from configuration.
        if !k.contains(['\r', '\n', ':']) && !v.contains(['\r', '\n']) {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
    }
    if !keep_alive {
        head.push_str("Connection: close\r\n");
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    if send_body {
        out.write_all(body)?;
    }
    out.flush()
}

/// Answers the requests of one connection until it closes.
fn serve_connection(cfg: &ServeConfig, stream: TcpStream) -> io::Result<()> {
    stream.set_read_timeout(Some(IDLE))?;
    let _ = stream.set_nodelay(true);
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut out = io::BufWriter::new(stream);
    loop {
        let head = match read_head(&mut reader) {
            Ok(Some(head)) => head,
            Ok(None) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                let plain = vec![("Content-Type".into(), "text/plain".into())];
                return write_answer(
                    &mut out,
                    "400 Bad Request",
                    &plain,
                    b"bad request",
                    true,
                    false,
                );
            }
            Err(e) => return Err(e),
        };
        // Skip a request body (none is expected).
        io::copy(&mut reader.by_ref().take(head.body), &mut io::sink())?;
        let get = head.method == "GET";
        let mut headers = vec![("Content-Type".to_string(), "text/plain".to_string())];
        let (status, body) = if !get && head.method != "HEAD" {
            headers.push(("Allow".into(), "GET, HEAD".into()));
            ("405 Method Not Allowed", b"method not allowed".to_vec())
        } else {
            match resolve(cfg, &head.target).and_then(|f| fs::read(&f).ok().map(|b| (f, b))) {
                Some((file, bytes)) => {
                    headers[0].1 = content_type(&file).to_string();
                    headers.push(("Cache-Control".into(), "no-cache".into()));
                    headers.extend(cfg.headers.iter().cloned());
                    ("200 OK", bytes)
                }
                None => ("404 Not Found", b"not found".to_vec()),
            }
        };
        write_answer(&mut out, status, &headers, &body, get, head.keep_alive)?;
        if !head.keep_alive {
            return Ok(());
        }
    }
}

/// Starts serving on `addr` (port 0 picks a free one) in background threads.
pub fn start(cfg: ServeConfig, addr: &str) -> Result<Running, String> {
    let listener = TcpListener::bind(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let cfg = Arc::new(cfg);
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let cfg = Arc::clone(&cfg);
            thread::spawn(move || {
                let _ = serve_connection(&cfg, stream);
            });
        }
    });
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

    fn site(test: &str) -> String {
        let dir = std::env::temp_dir().join(format!("bridges-serve-{test}-{}", std::process::id()));
        fs::create_dir_all(dir.join("data")).unwrap();
        fs::write(dir.join("index.html"), "<!doctype html>app").unwrap();
        fs::write(dir.join("data/x.json"), "{}").unwrap();
        let cfg = ServeConfig {
            root: dir,
            base: "/atlas/".into(),
            mounts: vec![],
            headers: vec![("X-Test".into(), "1".into())],
        };
        start(cfg, "127.0.0.1:0").unwrap().url()
    }

    /// Sends `requests` on one connection and reads until the server closes it.
    fn exchange(url: &str, requests: &str) -> String {
        let mut s = TcpStream::connect(url.trim_start_matches("http://")).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        s.write_all(requests.as_bytes()).unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        out
    }

    #[test]
    fn answers_files_routes_and_misses_on_a_kept_alive_connection() {
        let url = site("answers");
        let out = exchange(
            &url,
            "GET /atlas/data/x.json HTTP/1.1\r\nHost: x\r\n\r\n\
             GET /atlas/explore?sector=230 HTTP/1.1\r\nHost: x\r\n\r\n\
             HEAD /atlas/ HTTP/1.1\r\nHost: x\r\n\r\n\
             GET /atlas/missing.js HTTP/1.1\r\nHost: x\r\n\r\n\
             GET /elsewhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        );
        let answers: Vec<&str> = out.split("HTTP/1.1 ").skip(1).collect();
        assert_eq!(answers.len(), 5, "{out}");
        assert!(answers[0].starts_with("200 OK") && answers[0].ends_with("\r\n\r\n{}"));
        assert!(answers[0].contains("Content-Type: application/json\r\n"));
        assert!(answers[0].contains("X-Test: 1\r\n"));
        assert!(answers[1].starts_with("200 OK") && answers[1].ends_with("app"));
        assert!(answers[1].contains("Content-Type: text/html; charset=utf-8\r\n"));
        assert!(answers[2].contains("Content-Length: 18\r\n") && answers[2].ends_with("\r\n\r\n"));
        assert!(answers[3].starts_with("404 Not Found"));
        assert!(
            answers[4].starts_with("404 Not Found") && answers[4].contains("Connection: close")
        );
    }

    #[test]
    fn idle_connections_do_not_hold_up_new_ones() {
        let url = site("idle");
        let addr = url.trim_start_matches("http://");
        // More idle keep-alive connections than a browser opens to one host.
        let idle: Vec<TcpStream> = (0..12).map(|_| TcpStream::connect(addr).unwrap()).collect();
        let out = exchange(
            &url,
            "GET /atlas/data/x.json HTTP/1.1\r\nConnection: close\r\n\r\n",
        );
        assert!(out.starts_with("HTTP/1.1 200 OK"), "{out}");
        drop(idle);
    }

    #[test]
    fn refuses_other_methods_and_garbage() {
        let url = site("refuses");
        let out = exchange(
            &url,
            "POST /atlas/ HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc\
             GET /atlas/data/x.json HTTP/1.1\r\nConnection: close\r\n\r\n",
        );
        assert!(out.starts_with("HTTP/1.1 405 Method Not Allowed"), "{out}");
        assert!(
            out.contains("HTTP/1.1 200 OK"),
            "the body was skipped: {out}"
        );
        let out = exchange(&url, "nonsense\r\n\r\n");
        assert!(out.starts_with("HTTP/1.1 400 Bad Request"), "{out}");
    }
}
