// Starts Bridges from a file instead of Trunk's inline module script, so that the app runs under a strict
// Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval'; no 'unsafe-inline'). Trunk.toml's
// pattern_script puts the hashed file names on this script tag.
const tag = document.querySelector("script[data-js][data-wasm]");
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
});
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });
