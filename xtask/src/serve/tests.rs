use super::*;
use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// A built app in a folder under target/ (not the system's temporary folder, which every run would leave
/// another copy in), with a secret file beside it that must never be served.
fn site(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../target/test-sites")
        .join(format!("serve-{test}-{}", std::process::id()));
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
