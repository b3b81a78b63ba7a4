// Bridges service worker: the offline conference pack (issue #6). After one visit the app, its default data,
// map geometry and stories work with the network down.
//
// Everything is relative to this worker's scope (the folder it is served from: `/` or e.g. `/atlas/`), so
// the same file works wherever `dist/` is hosted. boot.js registers it as `sw.js?v=<hash of the wasm file>`:
// a new build is a new script URL, so browsers install a new worker, which fills a new cache and deletes the
// old one when it takes over.
//
// - install: precache the app shell (index.html) and the hashed files it names, every wasm chunk the build
//   split off (listed in `bridges-<hash>-split/files.json`), the data, the stories,
//   the manifest, icons and embed.js;
// - navigations (any page of the app, deep links included): network first; if the network fails, takes
//   longer than NAVIGATION_TIMEOUT_MS or has no such page (404, 5xx), the cached shell answers;
// - hashed files (`name-<16 hex>.js|_bg.wasm|.css`, immutable) and the wasm chunks in the build's
//   `bridges-<hash>-split/` folder (pages whose code loads on demand, see xtask/src/split.rs): cache first;
// - data/, stories/, schema/ and the other unhashed files of the app: stale-while-revalidate (an updated
//   dataset shows on the next visit);
// - any other same-origin GET (e.g. a `?data=` file on the same site): network first, cached copy offline;
// - other sites (`?data=https://…`), non-GET requests and `no-store` requests are never touched or cached.

const SCOPE = self.registration.scope; // absolute, ends with "/"
const at = (path) => new URL(path, SCOPE).href;
const VERSION = new URL(self.location.href).searchParams.get("v") || "unversioned";
// One cache per scope and build. The scope is part of the name because the Cache API is per origin: a
// build at `/` and one at `/atlas/` on the same site must not delete each other's caches.
const CACHE_PREFIX = `bridges|${new URL(SCOPE).pathname}|`;
const CACHE = CACHE_PREFIX + VERSION;
const SHELL = at("./");
const NAVIGATION_TIMEOUT_MS = 3000;
// Files fetched at run time (not precached) larger than this are passed through, not stored.
const RUNTIME_MAX_BYTES = 32 * 1024 * 1024;
// Trunk writes the hash as a u64 in hex without leading zeros: 1 to 16 digits (1 build in 16 has 15).
const HASHED = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css)$/;
// The chunks of a build sit in a folder named after its hashed glue file, `bridges-<hash>-split/`.
const SPLIT = /-[0-9a-f]{1,16}-split\/[A-Za-z0-9_.-]+$/;
const APP_FILES = ["data/", "stories/", "schema/", "icons/", "boot.js", "embed.js", "manifest.webmanifest"];
// The default dataset's snapshot is what the app reads; its JSON file is what it falls back to.
const DATA = ["data/projects.bsnap", "data/projects.json", "data/reference.json", "data/world.json"];
const EXTRAS = [
  "manifest.webmanifest",
  "icons/icon.svg",
  "icons/icon-192.png",
  "icons/icon-512.png",
  "icons/icon-maskable-512.png",
  "embed.js",
  // The workbook reader (sheet-worker/): Trunk names a worker's files without a hash.
  "sheet_worker_loader.js",
  "sheet_worker.js",
  "sheet_worker_bg.wasm",
];

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE).map((n) => caches.delete(n)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || req.cache === "no-store" || req.headers.has("range")) return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === self.location.pathname) return; // this worker's own script
  if (req.mode === "navigate") {
    event.respondWith(navigate(req));
    return;
  }
  const inScope = url.href.startsWith(SCOPE);
  const rel = inScope ? url.pathname.slice(new URL(SCOPE).pathname.length) : "";
  if (inScope && (HASHED.test(url.pathname) || SPLIT.test(url.pathname))) {
    event.respondWith(cacheFirst(req));
  } else if (inScope && APP_FILES.some((p) => rel === p || (p.endsWith("/") && rel.startsWith(p)))) {
    event.respondWith(staleWhileRevalidate(event));
  } else {
    event.respondWith(networkFirst(event));
  }
});

// ---- install ------------------------------------------------------------------------------------------

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    // The shell and the hashed files it names come from the same build, and are required.
    const shell = await fetchOk(SHELL, { cache: "no-cache" });
    const html = await shell.clone().text();
    await cache.put(SHELL, await unredirected(shell));
    const { required, optional } = shellAssets(html);
    const chunks = (await Promise.all(required.map((u) => splitFiles(cache, u)))).flat();
    await Promise.all([...required, ...chunks, ...DATA.map(at)].map((u) => store(cache, u)));
    // Stories and the small extras are best effort: a missing icon must not leave the app without offline.
    const stories = await storyFiles(cache);
    const extras = new Set([...optional, ...EXTRAS.map(at), ...stories]);
    await Promise.allSettled([...extras].map((u) => store(cache, u)));
  } catch (e) {
    await caches.delete(CACHE); // no half-filled cache; the next visit tries again
    throw e;
  }
}

/**
 * Same-origin files the shell loads. Required: `<script src>`, boot.js's `data-js`/`data-wasm`, and
 * stylesheet/preload links (Trunk's hashed files); any other `<link href>` (manifest, icons) is optional.
 */
function shellAssets(html) {
  const required = new Set();
  const optional = new Set();
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) || []) {
    const rel = (tag.match(/\srel\s*=\s*["']([^"']*)["']/i) || [])[1] || "";
    const needed = /^<script/i.test(tag) || /\b(stylesheet|modulepreload|preload)\b/i.test(rel);
    for (const m of tag.matchAll(/\s(src|href|data-js|data-wasm)\s*=\s*["']([^"']+)["']/gi)) {
      const u = new URL(m[2], SCOPE);
      if (u.origin !== self.location.origin) continue;
      u.hash = "";
      (needed ? required : optional).add(u.href);
    }
  }
  return { required: [...required], optional: [...optional].filter((u) => !required.has(u)) };
}

/**
 * For the app's hashed glue file `…/bridges-<hash>.js`: the files of its split folder, from
 * `bridges-<hash>-split/files.json` (stored too). Every build has one; any other URL has none.
 */
async function splitFiles(cache, url) {
  const m = /^(.*\/bridges-[0-9a-f]{1,16})\.js$/.exec(url);
  if (!m) return [];
  const dir = `${m[1]}-split/`;
  const res = await fetchOk(dir + "files.json", { cache: "no-cache" });
  const { files } = await res.clone().json();
  await cache.put(dir + "files.json", res);
  return (files || [])
    .filter((f) => typeof f === "string" && /^[A-Za-z0-9_.-]+$/.test(f) && f !== "." && f !== "..")
    .map((f) => dir + f);
}

/** stories/index.json and every story it lists (`stories/<id>.json`). */
async function storyFiles(cache) {
  const index = at("stories/index.json");
  try {
    const res = await fetchOk(index, { cache: "no-cache" });
    const list = await res.clone().json();
    await cache.put(index, res);
    return (list.stories || [])
      .map((s) => s && s.id)
      .filter((id) => typeof id === "string" && /^[A-Za-z0-9_-]+$/.test(id))
      .map((id) => at(`stories/${id}.json`));
  } catch (_) {
    return [];
  }
}

async function store(cache, url) {
  await cache.put(url, await unredirected(await fetchOk(url, { cache: "no-cache" })));
}

async function fetchOk(url, init) {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res;
}

/** A response that followed a redirect cannot answer a navigation: copy it into a plain one. */
async function unredirected(res) {
  if (!res.redirected) return res;
  return new Response(await res.blob(), {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
  });
}

// ---- run time -----------------------------------------------------------------------------------------

function storable(res, limit) {
  if (!res || !res.ok || res.type !== "basic") return false;
  const length = Number(res.headers.get("content-length"));
  return !limit || !(length > limit);
}

async function put(req, res) {
  try {
    await (await caches.open(CACHE)).put(req, res);
  } catch (_) {
    // Quota or a closed cache: the response was still delivered.
  }
}

async function cacheFirst(req) {
  const cached = await caches.match(req);
  if (cached) return cached;
  const res = await fetch(req);
  if (storable(res)) await put(req, res.clone());
  return res;
}

function staleWhileRevalidate(event) {
  const req = event.request;
  const done = keepAlive(event);
  return (async () => {
    let cached;
    try {
      cached = await caches.match(req);
    } catch (_) {}
    const network = fetch(req).then(
      (res) => {
        // With a cached answer the page does not read the network one: store it as it is, no copy.
        done(storable(res, RUNTIME_MAX_BYTES) ? put(req, cached ? res : res.clone()) : undefined);
        return res;
      },
      (err) => {
        done();
        throw err;
      },
    );
    if (cached) {
      network.catch(() => {});
      return cached;
    }
    return network;
  })();
}

function networkFirst(event) {
  const req = event.request;
  const done = keepAlive(event);
  return fetch(req).then(
    (res) => {
      done(storable(res, RUNTIME_MAX_BYTES) ? put(req, res.clone()) : undefined);
      return res;
    },
    async (err) => {
      done();
      return (await caches.match(req)) || Promise.reject(err);
    },
  );
}

/** Keeps the worker alive until the returned function is called (with the cache write to wait for). */
function keepAlive(event) {
  let done;
  event.waitUntil(new Promise((resolve) => (done = resolve)));
  return done;
}

/** A page of the app: no file extension in the last path segment, inside the scope. */
function isAppRoute(url) {
  const u = new URL(url);
  return u.href.startsWith(SCOPE) && !u.pathname.split("/").pop().includes(".");
}

async function cachedShell() {
  return (await (await caches.open(CACHE)).match(SHELL)) || caches.match(SHELL);
}

async function offlineAnswer(req) {
  const exact = await caches.match(req, { ignoreVary: true });
  if (exact) return exact;
  return isAppRoute(req.url) ? cachedShell() : undefined;
}

async function navigate(req) {
  const network = fetch(req);
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, NAVIGATION_TIMEOUT_MS, null);
  });
  let res;
  try {
    res = await Promise.race([network, timeout]);
  } catch (err) {
    clearTimeout(timer);
    const fallback = await offlineAnswer(req);
    if (fallback) return fallback;
    throw err;
  }
  clearTimeout(timer);
  if (res === null) {
    // Slow network (a conference Wi-Fi): the cached app now; the network answer is dropped.
    const fallback = await offlineAnswer(req);
    if (fallback) {
      network.catch(() => {});
      return fallback;
    }
    return network;
  }
  // A static server without single-page fallback (404), or a failing proxy (5xx): the cached app can
  // answer the route itself. Redirects (`opaqueredirect`, status 0) pass through.
  if ((res.status === 404 || res.status >= 500) && isAppRoute(req.url)) {
    const shell = await cachedShell();
    if (shell) return shell;
  }
  return res;
}
