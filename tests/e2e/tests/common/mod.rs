//! Shared harness: one chromedriver, static servers for the release builds, and page helpers.

#![allow(dead_code)]

use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use xtask::serve::{self, ServeConfig};

/// A file under `tests/fixtures/`, as an absolute path.
pub fn fixture(rel: &str) -> PathBuf {
    repo()
        .join("tests/fixtures")
        .join(rel)
        .canonicalize()
        .expect("fixture exists")
}

/// Chooses `path` (absolute) in the spreadsheet input (`data-testid="open-spreadsheet"`).
pub async fn choose_file(c: &Client, path: &std::path::Path) {
    let input = wait_for(c, "input[data-testid=\"open-spreadsheet\"]").await;
    input
        .send_keys(&path.to_string_lossy())
        .await
        .expect("file chosen");
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The release build under test (`dist/`, or `BRIDGES_DIST`), served at `/` with test fixtures.
pub fn serve_dist(base: &str, dist_env: &str, default_dir: &str) -> String {
    let running = serve::start(dist_config(base, dist_env, default_dir), "127.0.0.1:0")
        .expect("server starts");
    format!("{}{}", running.url(), base.trim_end_matches('/'))
}

/// The folder a build is read from: `$dist_env` (relative to the repository root) or `default_dir`.
pub fn dist_dir(dist_env: &str, default_dir: &str) -> PathBuf {
    repo().join(std::env::var(dist_env).unwrap_or_else(|_| default_dir.to_string()))
}

/// What [`serve_dist`] serves: the build at `base`, plus fixtures, vendored npm packages and generated data.
fn dist_config(base: &str, dist_env: &str, default_dir: &str) -> ServeConfig {
    // Relative paths in the variable are taken from the repository root, like the default.
    let dist = dist_dir(dist_env, default_dir);
    assert!(
        dist.join("index.html").is_file(),
        "{} has no index.html: build it first (scripts/test does)",
        dist.display()
    );
    ServeConfig {
        root: dist,
        base: base.to_string(),
        mounts: vec![
            ("/fixtures/".into(), repo().join("tests/fixtures")),
            // npm packages the benchmarks compare against (scripts/bench installs them).
            ("/vendor/".into(), repo().join(".tools/node_modules")),
            // Large generated datasets (benchmarks write them here).
            ("/generated/".into(), repo().join("target/generated")),
        ],
        headers: vec![],
    }
}

/// As [`serve_dist`], behind a front door that can be shut: after [`Stoppable::stop`] every connection
/// is closed and new ones are refused, as when the laptop serving a conference room is switched off.
pub fn serve_dist_stoppable(base: &str, dist_env: &str, default_dir: &str) -> Stoppable {
    let running = serve::start(dist_config(base, dist_env, default_dir), "127.0.0.1:0")
        .expect("server starts");
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let addr = listener.local_addr().expect("local address");
    let backend = running.addr;
    let stopped = Arc::new(AtomicBool::new(false));
    let open: Arc<Mutex<Vec<TcpStream>>> = Arc::default();
    {
        let (stopped, open) = (Arc::clone(&stopped), Arc::clone(&open));
        std::thread::spawn(move || {
            for client in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break; // drops the listener: connections are refused from now on
                }
                let Ok(client) = client else { continue };
                let Ok(upstream) = TcpStream::connect(backend) else {
                    continue;
                };
                let mut list = open.lock().unwrap();
                if let (Ok(a), Ok(b)) = (client.try_clone(), upstream.try_clone()) {
                    list.push(a);
                    list.push(b);
                }
                if let (Ok(c2), Ok(u2)) = (client.try_clone(), upstream.try_clone()) {
                    pipe(c2, u2);
                    pipe(upstream, client);
                }
            }
        });
    }
    Stoppable {
        url: format!("http://{addr}{}", base.trim_end_matches('/')),
        addr,
        stopped,
        open,
    }
}

fn pipe(mut from: TcpStream, mut to: TcpStream) {
    std::thread::spawn(move || {
        let _ = std::io::copy(&mut from, &mut to);
        let _ = to.shutdown(Shutdown::Write);
    });
}

/// A served build that can be stopped (see [`serve_dist_stoppable`]).
pub struct Stoppable {
    /// The app's URL, without a trailing slash (`http://127.0.0.1:N` or `http://127.0.0.1:N/atlas`).
    pub url: String,
    addr: SocketAddr,
    stopped: Arc<AtomicBool>,
    open: Arc<Mutex<Vec<TcpStream>>>,
}

impl Stoppable {
    /// Closes every open connection and the listening socket; returns once connecting is refused.
    pub fn stop(&self) {
        self.stopped.store(true, Ordering::SeqCst);
        // Wakes the accept loop, which then drops the listener.
        let _ = TcpStream::connect(self.addr);
        for s in self.open.lock().unwrap().drain(..) {
            let _ = s.shutdown(Shutdown::Both);
        }
        let start = Instant::now();
        while TcpStream::connect(self.addr).is_ok() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the server did not stop"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        // A connection accepted just before the listener closed is shut too.
        for s in self.open.lock().unwrap().drain(..) {
            let _ = s.shutdown(Shutdown::Both);
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A chromedriver process for one test, killed when dropped.
pub struct Driver {
    child: Child,
    pub url: String,
    /// The browsers' profiles (each 10–120 MB with its HTTP cache), removed with the driver: left
    /// behind, a few runs of the suite fill the disk.
    profiles: PathBuf,
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The browsers chromedriver started are in its process group (see `chromedriver`): a test
        // that panics before closing its session would otherwise leave its Chromium running, with
        // its profile, for the rest of the suite (six such browsers were found at 2.5 % of a core
        // each, 2026-12-05).
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profiles);
    }
}

pub fn chromedriver() -> Driver {
    let port = free_port();
    let bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
    let child = Command::new(&bin)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        // A process group of its own, which its browsers join: killed together when dropped.
        .process_group(0)
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot start {bin}: {e} (scripts/test installs chromium-driver)")
        });
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "chromedriver did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Driver {
        child,
        url: format!("http://127.0.0.1:{port}"),
        profiles: std::env::temp_dir().join(format!("bridges-e2e-{}-{port}", std::process::id())),
    }
}

/// Headless Chromium at a given window size, with the flags this machine needs as root. Below 500 px
/// (phones) the viewport is emulated at exactly that size: Chromium does not make a window narrower
/// than 500 px, so a "390 px" window would show a 485 px page.
pub async fn browser(driver: &Driver, width: u32, height: u32) -> Client {
    if width < 500 {
        browser_exact(driver, width, height).await
    } else {
        browser_with(driver, width, height, &[]).await
    }
}

/// Headless Chromium whose page is exactly `width` × `height` CSS pixels (device emulation; a window
/// of that size would lose about 140 px of its height to the browser's own frame): a 16:9 projector,
/// a partner's 480 px iframe, a phone. Phones (under 600 px) are emulated as mobile devices with touch
/// at twice the pixel density. Resizing the window does not change the page's size.
pub async fn browser_exact(driver: &Driver, width: u32, height: u32) -> Client {
    let phone = width < 600;
    let metrics = json!({
        "deviceMetrics": {
            "width": width,
            "height": height,
            "pixelRatio": if phone { 2.0 } else { 1.0 },
            "mobile": phone,
            "touch": phone,
        }
    });
    browser_caps(driver, width.max(500), height + 200, &[], Some(metrics)).await
}

/// Lets scripts (`execute`, `execute_async`) run up to `secs` seconds: benchmarks, axe and the soak run
/// long ones.
pub async fn script_timeout(c: &Client, secs: u64) {
    c.update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
        Some(Duration::from_secs(secs)),
        None,
        None,
    ))
    .await
    .unwrap();
}

/// As [`browser`], with extra command-line flags.
pub async fn browser_with(driver: &Driver, width: u32, height: u32, extra: &[&str]) -> Client {
    browser_caps(driver, width, height, extra, None).await
}

async fn browser_caps(
    driver: &Driver,
    width: u32,
    height: u32,
    extra: &[&str],
    emulation: Option<serde_json::Value>,
) -> Client {
    let profile = driver.profiles.join(free_port().to_string());
    let args = vec![
        "--headless=new".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--disable-dev-shm-usage".into(),
        format!("--user-data-dir={}", profile.display()),
        format!("--window-size={width},{height}"),
    ];
    let args: Vec<String> = args
        .into_iter()
        .chain(extra.iter().map(|s| s.to_string()))
        .collect();
    let mut caps = serde_json::Map::new();
    let mut chrome = json!({ "args": args });
    if let Some(e) = emulation {
        chrome["mobileEmulation"] = e;
    }
    if let Ok(bin) = std::env::var("CHROMIUM") {
        chrome["binary"] = json!(bin);
    } else if std::path::Path::new("/usr/bin/chromium").exists() {
        chrome["binary"] = json!("/usr/bin/chromium");
    }
    caps.insert("goog:chromeOptions".into(), chrome);
    // Starting a browser is the one step that fails for reasons outside the app: on a loaded 2-core
    // CI machine chromedriver has reset the connection while Chromium started (CI run of 2026-12-01,
    // a11y.rs). A session that cannot start is retried with a fresh profile, three times at most; what
    // a test checks once the page is up is never retried.
    let mut last = None;
    for attempt in 0..3u32 {
        if attempt > 0 {
            tokio::time::sleep(Duration::from_secs(2 * u64::from(attempt))).await;
            let profile = driver.profiles.join(free_port().to_string());
            if let Some(args) = caps["goog:chromeOptions"]["args"].as_array_mut() {
                for a in args.iter_mut() {
                    if a.as_str()
                        .is_some_and(|s| s.starts_with("--user-data-dir="))
                    {
                        *a = json!(format!("--user-data-dir={}", profile.display()));
                    }
                }
            }
        }
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(caps.clone())
            .connect(&driver.url)
            .await
        {
            Ok(c) => return c,
            Err(e) => {
                eprintln!("WebDriver session attempt {} failed: {e}", attempt + 1);
                last = Some(e);
            }
        }
    }
    panic!("a WebDriver session: {last:?}")
}

/// Waits for an element, failing with the page's text if it never comes.
pub async fn wait_for(c: &Client, css: &str) -> Element {
    match c
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(css))
        .await
    {
        Ok(e) => e,
        Err(err) => {
            let body = c.find(Locator::Css("body")).await.ok();
            let text = match body {
                Some(b) => b.text().await.unwrap_or_default(),
                None => String::new(),
            };
            panic!(
                "{css} never appeared ({err}); page says: {}",
                &text[..text.len().min(1500)]
            );
        }
    }
}

pub async fn attr(e: &Element, name: &str) -> String {
    e.attr(name)
        .await
        .expect("attribute read")
        .unwrap_or_default()
}

pub async fn data_value(c: &Client, testid: &str) -> String {
    let e = wait_for(c, &format!("[data-testid=\"{testid}\"]")).await;
    attr(&e, "data-value").await
}

pub async fn eval(c: &Client, js: &str) -> Value {
    c.execute(js, vec![]).await.expect("script runs")
}

/// A click as a person makes it: the pointer moved to (`x`, `y`) in CSS pixels of the viewport,
/// pressed and released, sent as trusted input through WebDriver actions.
pub async fn click_at(c: &Client, x: f64, y: f64) {
    use fantoccini::actions::{InputSource, MouseActions, PointerAction};
    c.perform_actions(
        MouseActions::new("mouse".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x: x.round(),
                y: y.round(),
            })
            .then(PointerAction::Down { button: 0 })
            .then(PointerAction::Up { button: 0 }),
    )
    .await
    .expect("pointer actions");
    c.release_actions().await.expect("actions released");
}

/// Figures computed straight from a dataset file, independently of the app's code.
pub struct Expected {
    pub projects: usize,
    pub amount_total: f64,
    pub amount_unknown: usize,
}

pub fn expected_from_file(rel: &str, price_base: &str) -> Expected {
    let text = std::fs::read_to_string(repo().join(rel)).expect("dataset file");
    let v: Value = serde_json::from_str(&text).expect("dataset JSON");
    let projects = v["projects"].as_array().expect("projects list");
    let mut total = 0.0;
    let mut unknown = 0;
    for p in projects {
        match &p["amount"] {
            Value::Null => unknown += 1,
            a if a["price_base"] == price_base => total += a["value"].as_f64().unwrap(),
            _ => {}
        }
    }
    Expected {
        projects: projects.len(),
        amount_total: total,
        amount_unknown: unknown,
    }
}

/// Whether nothing on the page matches `css` now (no waiting).
pub async fn absent(c: &Client, css: &str) -> bool {
    c.find(fantoccini::Locator::Css(css)).await.is_err()
}

/// The text of the first element matching `css`, once it appears.
pub async fn text_at(c: &Client, css: &str) -> String {
    wait_for(c, css).await.text().await.expect("text read")
}

/// The current URL's query string, without `?`.
pub async fn query_of(c: &Client) -> String {
    c.current_url()
        .await
        .expect("url")
        .query()
        .unwrap_or("")
        .to_string()
}

/// Waits until the URL's query string is `want` (the app navigates asynchronously: a click's history
/// entry follows the frame that shows it).
pub async fn wait_query(c: &Client, want: &str) {
    let q = query_until(c, |q| q == want).await;
    assert_eq!(q, want, "query never became {want:?}");
}

/// The URL's query string once `ok` holds for it, or as it is after 10 s (the caller asserts).
pub async fn query_until(c: &Client, ok: impl Fn(&str) -> bool) -> String {
    let mut q = query_of(c).await;
    for _ in 0..100 {
        if ok(&q) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        q = query_of(c).await;
    }
    q
}

/// Waits until the headline shows `want` projects (the app recomputes after navigation).
pub async fn wait_count(c: &Client, want: usize) {
    for _ in 0..100 {
        if data_value(c, "project-count").await == want.to_string() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!(
        "project-count never became {want}; it is {}",
        data_value(c, "project-count").await
    );
}

/// No console error, uncaught exception or wasm panic so far (boot.js records them).
pub async fn assert_no_errors(c: &Client, context: &str) {
    let errors = eval(c, "return window.__errors || ['boot.js did not run']").await;
    assert_eq!(errors, serde_json::json!([]), "{context}: {errors}");
}

/// Every kind of page, and an element that shows it has rendered: the accessibility scan and the
/// language walk both go through all of them.
pub const ROUTES: &[(&str, &str)] = &[
    ("/", "[data-testid=\"project-count\"]"),
    ("/explore", "[data-testid=\"chart-status\"] canvas"),
    (
        "/explore?sector=120&stack=sector&measure=amount",
        "[data-testid=\"chart-status\"] canvas",
    ),
    (
        "/explore?sector=230&stack=sector&measure=amount&from=2005",
        "[data-testid=\"chart-status\"] canvas",
    ),
    ("/map", "[data-testid=\"map\"] [data-iso3=\"AGO\"]"),
    (
        "/map?measure=amount&layer=countries~points~flows",
        "g.points circle",
    ),
    (
        "/table?sort=amount-desc",
        "[data-testid=\"results-table\"] tr[data-id]",
    ),
    ("/projects/4", "[data-testid=\"project\"]"),
    (
        "/actors/CHN",
        "[data-testid=\"actor\"] [data-testid=\"project-count\"]",
    ),
    (
        "/partners?country=NPL&sector=230",
        "[data-testid=\"partner-results\"] [data-actor]",
    ),
    ("/about", "article.about table"),
    ("/no/such/page", "[data-testid=\"not-found\"]"),
    (
        "/?data=fixtures/broken-records.json",
        "[data-testid=\"data-issues\"]",
    ),
    (
        "/?data=fixtures/truncated.json",
        "[data-testid=\"load-error\"]",
    ),
    (
        "/embed/sector?sector=120",
        "[data-testid=\"embed-root\"] canvas",
    ),
    (
        "/embed/map?theme=dark",
        "[data-testid=\"embed-root\"] [data-iso3]",
    ),
    (
        "/explore?dataset=gcdf3~aims&source=aims",
        "[data-testid=\"chart-dataset\"] canvas",
    ),
    (
        "/embed/provider?dataset=aims",
        "[data-testid=\"embed-root\"] [data-testid=\"chart-provider\"] canvas",
    ),
    // The AIMS data (issue #15): co-financiers' flows and the providers the map cannot draw, a
    // project's partners with their roles, a multilateral's page.
    (
        "/map?dataset=aims&country=NPL&layer=countries~flows",
        "[data-testid=\"map\"] g.flows path[stroke-dasharray=\"7 2 1.5 2\"]",
    ),
    (
        "/projects/NPL-8723883713?dataset=aims",
        "[data-testid=\"project-partners\"]",
    ),
    (
        "/actors/ISDB?dataset=aims",
        "[data-testid=\"actor\"] [data-testid=\"project-count\"]",
    ),
    (
        "/embed/similar?sector=230&country=NPL",
        "[data-testid=\"embed-root\"] [data-testid=\"similar\"] li[data-id]",
    ),
    ("/embed/headline", "[data-testid=\"embed-root\"]"),
    ("/embed/nonsense", "[data-testid=\"embed-root\"]"),
    ("/present", "[data-testid=\"story-link\"]"),
    (
        "/present/two-decades?slide=2",
        "[data-testid=\"slide\"] canvas",
    ),
    (
        "/present/two-decades?slide=9&theme=projector",
        "[data-testid=\"slide\"] [data-iso3=\"SLE\"]",
    ),
    (
        "/present/two-decades/console?slide=10",
        "[data-testid=\"presenter-notes\"]",
    ),
    (
        "/table?theme=projector",
        "[data-testid=\"results-table\"] tr[data-id]",
    ),
];
