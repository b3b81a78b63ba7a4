// Starts Bridges from a file instead of Trunk's inline module script, so that the app runs under a strict
// Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval'; no 'unsafe-inline'). Trunk.toml's
// pattern_script puts the hashed file names on this script tag.
const tag = document.querySelector("script[data-js][data-wasm]");
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
});
// Errors and panics (console_error_panic_hook writes them with console.error) are kept for the tests.
window.__errors = [];
const consoleError = console.error.bind(console);
console.error = (...args) => {
  window.__errors.push(args.map(String).join(" "));
  consoleError(...args);
};
window.addEventListener("error", (e) => window.__errors.push(String(e.message)));
window.addEventListener("unhandledrejection", (e) => window.__errors.push(String(e.reason)));
// Long tasks (main thread blocked over 50 ms), for the large-data benchmark.
window.__longTasks = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
  }).observe({ type: "longtask", buffered: true });
} catch (_) {}
// The built-in data starts downloading with the app's code rather than once the app runs (about 100 ms
// later): the app fetches the same URLs (relative to <base href>) and the browser hands it these
// responses. Not when `?data=` names another dataset, and the default data not when `?dataset=` names
// built-in datasets without it (a dataset is fetched only when chosen); with `?dataset=`, the catalogue.
try {
  const params = new URLSearchParams(location.search);
  if (!params.has("data")) {
    const named = (params.get("dataset") || "").split("~").filter((d) => d);
    // The default dataset's snapshot (what its JSON file gives, read in a few milliseconds; the app falls
    // back to data/projects.json when there is none).
    const files = named.length === 0 || named.includes("gcdf3") ? ["data/reference.json", "data/projects.bsnap"] : ["data/reference.json"];
    // Named datasets: the catalogue that says which files they are (the app then fetches them at once).
    if (named.length > 0) files.push("data/catalog.json");
    for (const file of files) {
      const link = document.createElement("link");
      link.rel = "preload";
      link.as = "fetch";
      link.crossOrigin = "anonymous";
      link.href = new URL(file, document.baseURI).href;
      document.head.append(link);
    }
  }
} catch (_) {}
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });

// The offline pack (public/sw.js): after one visit the app and its data work with the network down. The
// worker sits next to index.html (relative to <base href>, so also under a sub-path) and is versioned by the
// hashed wasm name, so a new build installs a new worker and cache. It is registered once the app has
// loaded its data (the `bridges-loaded` event; after 10 s at the latest, e.g. when a load fails), the
// visitor has paused (QUIET_MS without a click, key, wheel or touch) and the page is idle, and not from
// inside a frame (an embed on a partner's page should not download the whole atlas). Its install downloads every chunk and the data again: started at the page's load event, it
// competed with the first view's own code and data, and a cold first visit's headline came about 300 ms
// later (988–1,104 against 660–812 ms, measured alternately on the same build). It takes about 5 s of both
// cores here (some 420 files), and a visitor clicking through the charts meanwhile got slower answers: of
// 40 trusted clicks on a chart just after the first load, 7 and 15 took 32 ms or more to the next paint,
// against 2 and 3 once the pack was in (Event Timing, default data, 2026-12-05). Waiting for a pause
// keeps it out of a burst of clicks; a pause that ends while it runs still shares the machine with it.
// Where service workers are unavailable (file://, plain http off localhost) the app just runs online: a
// failure is a warning, never an error.
function registerServiceWorker() {
  if (!("serviceWorker" in navigator) || window.self !== window.top) return;
  const url = new URL("sw.js", document.baseURI);
  const hash = /-([0-9a-f]{1,16})_bg\.wasm$/.exec(tag.dataset.wasm); // u64 hex, leading zeros dropped
  if (hash) url.searchParams.set("v", hash[1]);
  navigator.serviceWorker
    .register(url.href, { updateViaCache: "none" })
    .catch((e) => console.warn(`Bridges will not work offline here: ${e && e.message ? e.message : e}`));
}
const QUIET_MS = 2000;
const INPUTS = ["pointerdown", "keydown", "wheel", "touchstart"];
try {
  let armed = false;
  let registered = false;
  let timer = 0;
  const whenIdle = () => {
    if (registered) return;
    registered = true;
    for (const type of INPUTS) window.removeEventListener(type, quiet, true);
    if ("requestIdleCallback" in window) requestIdleCallback(registerServiceWorker, { timeout: 2000 });
    else setTimeout(registerServiceWorker, 200);
  };
  // Each input starts the pause again, once the data is in.
  function quiet() {
    if (!armed || registered) return;
    clearTimeout(timer);
    timer = setTimeout(whenIdle, QUIET_MS);
  }
  const arm = () => {
    if (armed) return;
    armed = true;
    quiet();
  };
  for (const type of INPUTS) window.addEventListener(type, quiet, { capture: true, passive: true });
  window.addEventListener("bridges-loaded", arm, { once: true });
  setTimeout(arm, 10000);
} catch (e) {
  console.warn(`Bridges will not work offline here: ${e}`);
}
