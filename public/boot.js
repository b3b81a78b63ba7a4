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
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });
