// Tilbudsviften's site script: small enhancements on top of pages that work without it.
// No request leaves the site and nothing is stored.
(function () {
  "use strict";

  // Quick exit: the "Forlad siden hurtigt" link, or the Shift key pressed three times in a row
  // within two seconds (as the page says; any other key between starts the count again, so a
  // capital letter typed in the search box never leaves), replaces the page with a neutral site,
  // so the back button does not return here.
  var exit = document.querySelector(".quick-exit");
  if (exit) {
    var leave = function (ev) {
      if (ev) ev.preventDefault();
      document.body.textContent = "";
      document.title = "";
      window.location.replace(exit.href);
    };
    exit.addEventListener("click", leave);
    var shifts = [];
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "Shift") { shifts = []; return; }
      if (ev.repeat) return;
      var now = Date.now();
      shifts = shifts.filter(function (t) { return now - t < 2000; });
      shifts.push(now);
      if (shifts.length >= 3) leave(ev);
    });
  }

  // The header's folds ("Søg", "Menu" on a phone): opening "Søg" puts the cursor in the box;
  // Escape closes an open fold and returns to its button.
  var folds = document.querySelectorAll(".fold");
  Array.prototype.forEach.call(folds, function (d) {
    d.addEventListener("toggle", function () {
      var input = d.querySelector("input");
      if (d.open && input && getComputedStyle(d.querySelector("summary")).display !== "none") input.focus();
    });
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Escape") return;
    Array.prototype.forEach.call(folds, function (d) {
      if (!d.open || getComputedStyle(d.querySelector("summary")).display === "none") return;
      d.open = false;
      d.querySelector("summary").focus();
    });
  });
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

// "Min liste": the visitor collects offers while browsing. The list lives in this tab only
// (sessionStorage, gone when the tab closes) and in the share link /min-liste/?t=a,b,c; it is
// never sent anywhere but this site's own pages, and never stored in a cookie.
(function () {
  "use strict";
  var KEY = "tilbudsviften-liste";
  function read() {
    try { return (sessionStorage.getItem(KEY) || "").split(",").filter(Boolean); } catch (e) { return []; }
  }
  function write(list) {
    try { sessionStorage.setItem(KEY, list.join(",")); } catch (e) { /* private mode: the link still works */ }
  }
  function linkFor(list) {
    return location.origin + "/min-liste/" + (list.length ? "?t=" + list.map(encodeURIComponent).join(",") : "");
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  var list = read();
  var onListPage = document.getElementById("my-list");
  if (onListPage) {
    var fromURL = new URLSearchParams(location.search).get("t");
    if (fromURL !== null) {
      list = fromURL.split(",").filter(Boolean);
      write(list);
    }
  }

  function updateNav() {
    var nav = document.querySelector(".my-list-nav");
    if (!nav) return;
    nav.hidden = list.length === 0 && !onListPage;
    nav.querySelector(".my-list-size").textContent = list.length ? "(" + list.length + ")" : "";
  }
  function updateButton(b) {
    var on = list.indexOf(b.getAttribute("data-slug")) >= 0;
    b.setAttribute("aria-pressed", on ? "true" : "false");
    b.textContent = on ? "På min liste ✓" : "Føj til min liste";
  }
  // Every button of an offer shows the same state: the offer page's, a card's, a result's.
  function updateAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".add-to-list"), updateButton);
    updateNav();
  }
  function bind(b) {
    b.hidden = false;
    updateButton(b);
    b.addEventListener("click", function () {
      var slug = b.getAttribute("data-slug"), i = list.indexOf(slug);
      if (i >= 0) list.splice(i, 1); else list.push(slug);
      write(list);
      updateAll();
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll(".add-to-list"), bind);
  // Search results are drawn by search.js: each offer's card gets its button here, after the
  // summary as on the cards the site's pages carry.
  var offerPath = /^\/tilbud\/([^\/]+)\/$/;
  function addButtons(box) {
    Array.prototype.forEach.call(box.querySelectorAll("li.card"), function (card) {
      var a = card.querySelector("h3 a"), m = a && offerPath.exec(a.getAttribute("href"));
      if (!m || card.querySelector(".add-to-list")) return;
      var b = el("button", "", "add-to-list secondary");
      b.type = "button";
      b.setAttribute("data-slug", decodeURIComponent(m[1]));
      var summary = card.querySelector(".summary");
      card.insertBefore(b, summary ? summary.nextSibling : null);
      bind(b);
    });
  }
  var results = document.getElementById("results");
  if (results && window.MutationObserver) {
    new MutationObserver(function () { addButtons(results); }).observe(results, { childList: true });
    addButtons(results);
  }
  updateNav();
  if (!onListPage) return;

  var items = document.getElementById("my-list-items");
  var count = document.getElementById("my-list-count");
  var link = document.getElementById("my-list-link");
  function show(offers) {
    items.textContent = "";
    var known = list.filter(function (s) { return offers[s]; });
    known.forEach(function (slug) {
      var o = offers[slug], li = el("li");
      var h = el("h2"), a = el("a", o.titel);
      a.href = o.url;
      h.appendChild(a);
      li.appendChild(h);
      li.appendChild(el("p", o.resume));
      li.appendChild(el("p", [o.alder, o.adgang, o.gratis ? "Gratis" : ""].filter(Boolean).join(" · "), "note"));
      (o.kontakter || []).forEach(function (c, i, all) {
        // The last contact is not the offer's own when the list says whose it is (reserve).
        if (o.reserve && i === all.length - 1) li.appendChild(el("p", o.reserve));
        var p = el("p", c.navn + ": ");
        if (c.telefon) { var t = el("a", "tlf. " + c.telefon); t.href = c.tel; p.appendChild(t); p.appendChild(document.createTextNode(" ")); }
        if (c.sms) { var sm = el("a", "sms " + c.sms); sm.href = c.smsHref; p.appendChild(sm); p.appendChild(document.createTextNode(" ")); }
        if (c.email) { var m = el("a", c.email); m.href = "mailto:" + c.email; p.appendChild(m); p.appendChild(document.createTextNode(" ")); }
        if (c.web) { var w = el("a", c.web.replace(/^https?:\/\/(www\.)?/, "")); w.href = c.web; p.appendChild(w); }
        li.appendChild(p);
      });
      if (o.mangler) li.appendChild(el("p", o.mangler));
      (o.links || []).forEach(function (l) {
        var p = el("p"), a = el("a", l.titel);
        a.href = l.url;
        p.appendChild(a);
        p.appendChild(el("span", " (" + l.url.replace(/^https?:\/\//, "") + ")", "print-only-inline"));
        li.appendChild(p);
      });
      // On paper, the address of the offer's page, where the rest is.
      li.appendChild(el("p", "Læs mere: " + location.origin + o.url, "print-only"));
      var remove = el("button", "Fjern fra listen", "secondary");
      remove.type = "button";
      remove.addEventListener("click", function () {
        list.splice(list.indexOf(slug), 1);
        write(list);
        render();
        count.focus();
      });
      li.appendChild(remove);
      items.appendChild(li);
    });
    count.textContent = known.length === 0 ? "Din liste er tom. Tryk på »Føj til min liste« ved et tilbud." :
      known.length === 1 ? "1 tilbud på listen" : known.length + " tilbud på listen";
    count.tabIndex = -1;
    link.value = linkFor(known);
    mail.href = mailto(known, offers);
    mail.hidden = known.length === 0;
    history.replaceState(null, "", linkFor(known).slice(location.origin.length));
    updateNav();
    drawQR();
  }
  // mailto writes the list as an e-mail for the visitor's own mail program: the offers' names,
  // their phones and e-mails, and the link that opens the list. Nothing is sent from the site.
  var mail = document.getElementById("my-list-mail");
  function mailto(known, offers) {
    var name = document.querySelector(".brand").textContent;
    var lines = ["Her er de tilbud, jeg har samlet på " + name + ":", ""];
    known.forEach(function (slug, i) {
      var o = offers[slug];
      lines.push((i + 1) + ". " + o.titel);
      (o.kontakter || []).forEach(function (c, j, all) {
        var how = [c.telefon ? "tlf. " + c.telefon : "", c.sms ? "sms " + c.sms : "", c.email || ""].filter(Boolean).join(", ");
        if (!how) return;
        if (o.reserve && j === all.length - 1) lines.push("   " + o.reserve);
        lines.push("   " + c.navn + ": " + how);
      });
      lines.push("   " + location.origin + o.url, "");
    });
    lines.push("Åbn hele listen: " + linkFor(known));
    return "mailto:?subject=" + encodeURIComponent("Tilbud fra " + name) + "&body=" + encodeURIComponent(lines.join("\r\n"));
  }
  // drawQR shows the share link as a QR code once qr.js has loaded (it loads after this file
  // and announces itself), and only for a list that is not empty.
  var qrBox = document.getElementById("my-list-qr");
  function drawQR() {
    var qr = window.tilbudsviftenQR, old = qrBox.querySelector("svg");
    if (old) qrBox.removeChild(old);
    var empty = !data || list.filter(function (s) { return data[s]; }).length === 0;
    qrBox.hidden = empty || !qr;
    if (qrBox.hidden) return;
    qrBox.insertBefore(qr.svg(qr.encode(link.value), "QR-kode med linket til listen"), qrBox.firstChild);
    document.getElementById("my-list-qr-url").textContent = link.value;
  }
  document.addEventListener("tilbudsviften:qr", drawQR);
  var data = null;
  function render() {
    if (data) { show(data); return; }
    fetch("/min-liste/tilbud.json").then(function (r) { return r.json(); }).then(function (d) { data = d; onListPage.hidden = false; show(d); });
  }
  // An empty list is drawn at once; a list shows when the offers' data has arrived, below
  // the heading, with the footer held below the screen till then (site.css), so nothing the
  // visitor sees moves.
  if (!list.length) { onListPage.hidden = false; show({}); }
  render();
  document.getElementById("my-list-copy").addEventListener("click", function () {
    link.select();
    if (navigator.clipboard) navigator.clipboard.writeText(link.value).catch(function () {});
    else document.execCommand("copy");
  });
  document.getElementById("my-list-print").addEventListener("click", function () { window.print(); });
  document.getElementById("my-list-clear").addEventListener("click", function () { list = []; write(list); render(); });
})();
