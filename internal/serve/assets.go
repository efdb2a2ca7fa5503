package serve

// reloadJS reloads the page when the site has been built again. It compares the build
// generation the page was served with (data-build) with the one the event stream announces,
// so a build that finished while the page loaded is not missed. EventSource reconnects by
// itself when serve restarts.
const reloadJS = `// Served only by viften serve: reloads the page when the site has been built again.
(function () {
  "use strict";
  var me = document.currentScript;
  var build = me ? me.getAttribute("data-build") : "";
  if (!window.EventSource) {
    return;
  }
  var events = new EventSource("/_viften/events");
  events.addEventListener("build", function (e) {
    if (e.data !== build) {
      events.close();
      window.location.reload();
    }
  });
})();
`

// overlayCSS styles the error overlay; a stylesheet of its own, since the pages' CSP forbids
// inline style.
const overlayCSS = `#viften-fejl {
  position: fixed; inset: 1rem 1rem auto 1rem; z-index: 2147483647;
  max-height: calc(100vh - 2rem); overflow: auto;
  background: #fff; color: #1a1a1a; border: 4px solid #b00020; border-radius: 6px;
  padding: 1rem 1.25rem; box-shadow: 0 4px 24px rgba(0,0,0,.35);
  font: 16px/1.5 system-ui, sans-serif;
}
#viften-fejl h2 { margin: 0 0 .5rem; font-size: 1.25rem; color: #b00020; }
#viften-fejl ol { margin: .5rem 0 0; padding-left: 1.5rem; }
#viften-fejl li { margin: .25rem 0; }
#viften-fejl code { font: 14px/1.4 ui-monospace, monospace; white-space: pre-wrap; word-break: break-word; }
`
