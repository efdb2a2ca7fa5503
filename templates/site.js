// Tilbudsviften's site script: small enhancements on top of pages that work without it.
// No request leaves the site and nothing is stored.
(function () {
  "use strict";

  // Quick exit: the "Forlad siden hurtigt" link, or Escape pressed twice within a second,
  // replaces the page with a neutral site so the back button does not return here.
  var exit = document.querySelector(".quick-exit");
  if (exit) {
    var leave = function (ev) {
      if (ev) ev.preventDefault();
      document.body.textContent = "";
      document.title = "";
      window.location.replace(exit.href);
    };
    exit.addEventListener("click", leave);
    var lastEscape = 0;
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "Escape") return;
      var now = Date.now();
      if (now - lastEscape < 1000) leave(ev);
      lastEscape = now;
    });
  }
})();
