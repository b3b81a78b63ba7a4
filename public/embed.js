/*! Bridges embed script (plain JS, no dependencies). Turns
 *    <div data-bridges-embed="https://host/atlas/embed/sector?sector=230"></div>
 *  into a lazy-loaded, responsive iframe whose height follows its content. Only messages from the
 *  embed's own origin, of the documented shape, for that iframe's id, are applied:
 *    { "type": "bridges:resize", "version": 1, "id": "<embed id>", "height": <CSS pixels> }
 */
(function () {
  "use strict";
  if (window.__bridgesEmbedLoaded) return;
  window.__bridgesEmbedLoaded = true;
  var MAX_HEIGHT = 10000;
  var frames = {};
  var counter = 0;

  function valid(data) {
    return data && typeof data === "object" && data.type === "bridges:resize" && data.version === 1 &&
      typeof data.id === "string" && typeof data.height === "number" && isFinite(data.height) &&
      data.height > 0 && data.height <= MAX_HEIGHT;
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!valid(data)) return;
    var entry = frames[data.id];
    if (!entry || event.origin !== entry.origin || event.source !== entry.iframe.contentWindow) return;
    if (entry.fixed) return;
    var h = Math.ceil(data.height);
    if (Math.abs(h - entry.height) >= 1) {
      entry.height = h;
      entry.iframe.style.height = h + "px";
    }
  });

  function mount(div) {
    if (div.getAttribute("data-bridges-mounted")) return;
    var src = div.getAttribute("data-bridges-embed");
    var url;
    try { url = new URL(src, document.baseURI); } catch (e) { return; }
    if (url.protocol !== "https:" && url.protocol !== "http:") return;
    div.setAttribute("data-bridges-mounted", "1");
    var id = "bridges-" + (++counter) + "-" + Math.random().toString(36).slice(2, 8);
    url.searchParams.set("embed", id);
    var fixed = url.searchParams.get("height");
    var iframe = document.createElement("iframe");
    iframe.src = url.toString();
    iframe.title = div.getAttribute("data-title") || "Bridges chart";
    iframe.loading = "lazy";
    iframe.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox");
    iframe.style.width = "100%";
    iframe.style.border = "0";
    iframe.style.display = "block";
    iframe.style.height = (fixed && /^\d+$/.test(fixed) ? fixed : "420") + "px";
    frames[id] = { iframe: iframe, origin: url.origin, height: 0, fixed: !!fixed };
    div.appendChild(iframe);
  }

  function scan() {
    var divs = document.querySelectorAll("div[data-bridges-embed]");
    for (var i = 0; i < divs.length; i++) mount(divs[i]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
  window.BridgesEmbed = { scan: scan };
})();
