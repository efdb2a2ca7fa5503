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

// "Åben nu": each .open-now element carries its opening hours in data-hours ("days,opens,closes"
// groups, days as seven 0/1 digits from Monday, minutes after midnight). The state is computed
// in Danish time, whatever the visitor's clock says.
(function () {
  "use strict";
  var days = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"];
  var short = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
  function danishNow() {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Copenhagen", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date()).forEach(function (p) { parts[p.type] = p.value; });
    return { day: short[parts.weekday], min: parseInt(parts.hour, 10) * 60 + parseInt(parts.minute, 10) };
  }
  function clock(min) {
    var m = min % 60;
    return Math.floor(min / 60) + "." + (m < 10 ? "0" : "") + m;
  }
  function parse(data) {
    return data.split(";").filter(Boolean).map(function (g) {
      var f = g.split(",");
      return { days: f[0], opens: +f[1], closes: +f[2] };
    });
  }
  // state returns the text for now: open until when, or closed until when.
  function state(lines, now) {
    var i, l;
    for (i = 0; i < lines.length; i++) {
      l = lines[i];
      if (l.days[now.day] === "1" && now.min >= l.opens && now.min < l.closes) {
        if (l.opens === 0 && l.closes === 1440) return { open: true, text: "Åben nu" };
        return { open: true, text: "Åben nu – lukker kl. " + clock(l.closes) };
      }
    }
    for (var ahead = 0; ahead < 8; ahead++) {
      var d = (now.day + ahead) % 7, best = null;
      for (i = 0; i < lines.length; i++) {
        l = lines[i];
        if (l.days[d] !== "1" || (ahead === 0 && l.opens <= now.min)) continue;
        if (best === null || l.opens < best) best = l.opens;
      }
      if (best !== null) {
        var when = ahead === 0 ? "i dag" : ahead === 1 ? "i morgen" : days[d];
        return { open: false, text: "Lukket – åbner " + when + " kl. " + clock(best) };
      }
    }
    return { open: false, text: "Lukket" };
  }
  var els = document.querySelectorAll(".open-now[data-hours]");
  if (!els.length) return;
  var now = danishNow();
  Array.prototype.forEach.call(els, function (el) {
    var lines = parse(el.getAttribute("data-hours"));
    if (!lines.length) return;
    var s = state(lines, now);
    el.textContent = s.text;
    el.className = "open-now " + (s.open ? "is-open" : "is-closed");
    el.hidden = false;
  });
})();
