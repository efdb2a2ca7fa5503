// Tilbudsviften's search page (/soeg/). It reads the static files the build wrote under
// /search/ (internal/search: meta.json, postings shards, document chunks, facets), analyses the
// query exactly as the build analysed the offers (tokenizer, lower case, folding, stop words,
// Danish Snowball stemmer, synonyms, compounds) and ranks with the exported BM25 weights, so
// its results equal `viften search`. No request leaves the site and nothing is stored: the
// search lives in the address (?q=…&emne=…), which can be bookmarked and shared.
(function () {
  "use strict";

  // Tokenizer: words as Unicode word segmentation (UAX #29) finds them, as bleve's does.
  // Classes: 1 letter, 2 digit, 3 connector (_), 4 mid-letter, 5 mid-number, 6 mid-both.
  function cls(c) {
    if (/[\p{L}\p{M}]/u.test(c)) return 1;
    if (/\p{Nd}/u.test(c)) return 2;
    if (/\p{Pc}/u.test(c)) return 3;
    if (":\u00b7\u0387\u05f4\u2027\ufe13\ufe55\uff1a".indexOf(c) >= 0) return 4;
    if (",;\u037e\u0589\u060c\u060d\u066c\u07f8\u2044\ufe10\ufe14\ufe50\ufe54\uff0c\uff1b".indexOf(c) >= 0) return 5;
    if (".'\u2018\u2019\u2024\ufe52\uff07\uff0e".indexOf(c) >= 0) return 6;
    return 0;
  }

  // tokenize returns the words of s: {w, s, e} with UTF-16 offsets.
  function tokenize(s) {
    var cps = Array.from(s), offs = [0], out = [], n = cps.length, i = 0;
    for (var j = 0; j < n; j++) offs.push(offs[j] + cps[j].length);
    var k = cps.map(cls);
    while (i < n) {
      if (k[i] < 1 || k[i] > 3) { i++; continue; }
      var start = i, word = k[i] < 3;
      for (i++; i < n; i++) {
        if (k[i] >= 1 && k[i] <= 3) { word = word || k[i] < 3; continue; }
        var a = k[i - 1], b = k[i + 1];
        if (i + 1 < n && (a === 1 && b === 1 && (k[i] === 4 || k[i] === 6) || a === 2 && b === 2 && (k[i] === 5 || k[i] === 6))) { i++; continue; }
        break;
      }
      if (word) out.push({ w: s.slice(offs[start], offs[i]), s: offs[start], e: offs[i] });
    }
    return out;
  }

  // fold is internal/search.Fold: "børn", "boern" and "born" meet.
  var folds = { "æ": "ae", "ø": "o", "å": "a", "ä": "ae", "ö": "o", "ü": "u", "ç": "c", "ñ": "n", "ý": "y", "ÿ": "y" };
  "àáâã".split("").forEach(function (c) { folds[c] = "a"; });
  "èéêë".split("").forEach(function (c) { folds[c] = "e"; });
  "ìíîï".split("").forEach(function (c) { folds[c] = "i"; });
  "òóôõ".split("").forEach(function (c) { folds[c] = "o"; });
  "ùúû".split("").forEach(function (c) { folds[c] = "u"; });
  function fold(s) {
    s = s.split("aa").join("a").split("oe").join("o");
    var out = "";
    for (var c of s) out += folds[c] || c;
    return out;
  }

  // stem is the Snowball Danish stemmer as bleve runs it. Every step shortens the word, so it
  // works on a length n over the word's code points; p1 starts region R1.
  var vowels = "aeiouyæåø", sEnding = "abcdfghjklmnoprtvyzå";
  var main = ("hed ethed ered e erede ende erende ene erne ere en heden eren er heder erer heds es endes erendes " +
    "enes ernes eres ens hedens erens ers ets erets et eret s").split(" ");
  var other = ["ig", "lig", "elig", "els", "løst"];
  function stem(word) {
    var w = Array.from(word), n = w.length, p1 = n, i = 0;
    var isV = function (c) { return vowels.indexOf(c) >= 0; };
    if (n >= 3) {
      while (i < n && !isV(w[i])) i++;
      while (i < n && isV(w[i])) i++;
      if (i < n) p1 = Math.max(i + 1, 3);
    }
    // longest returns the longest suffix of list that ends the word inside R1, or "".
    var longest = function (list) {
      var cur = w.slice(0, n).join(""), best = "";
      list.forEach(function (x) {
        var l = Array.from(x).length;
        if (l > Array.from(best).length && n - l >= p1 && cur.slice(-x.length) === x) best = x;
      });
      return best;
    };
    var pair = function () {
      if (n - 2 >= p1 && ["gd", "dt", "gt", "kt"].indexOf(w[n - 2] + w[n - 1]) >= 0) n--;
    };
    var x = longest(main);
    if (x === "s") { if (n >= 2 && sEnding.indexOf(w[n - 2]) >= 0) n--; } else n -= Array.from(x).length;
    pair();
    if (n >= 4 && w.slice(n - 4, n).join("") === "igst") n -= 2;
    if (n >= p1) {
      x = longest(other);
      if (x === "løst") n--;
      else if (x) { n -= x.length; pair(); }
    }
    if (n - 1 >= p1 && !isV(w[n - 1]) && w[n - 2] === w[n - 1]) n--;
    return w.slice(0, n).join("");
  }

  // Analyzer is internal/search.Analyzer over meta.json: stop words, synonym groups and the
  // compound dictionary.
  function Analyzer(meta) {
    var self = this;
    this.stop = new Set(meta.stop);
    this.phrases = {};
    this.dict = null;
    meta.groups.forEach(function (g) {
      g.p.forEach(function (p) { (self.phrases[p[0]] = self.phrases[p[0]] || []).push({ terms: p, group: g.t }); });
    });
    if (meta.compounds) {
      this.dict = new Set();
      meta.vocab.forEach(function (t) { if (t[0] !== "=") self.dict.add(t); });
      meta.groups.forEach(function (g) { g.p.forEach(function (p) { if (p.length === 1) self.dict.add(p[0]); }); });
    }
  }
  Analyzer.prototype.words = function (text) {
    var self = this;
    return tokenize(text).map(function (t, i) {
      var f = fold(t.w.toLowerCase()), stop = self.stop.has(f);
      return { term: stop ? f : stem(f), folded: f, pos: i + 1, s: t.s, e: t.e, kind: stop ? "stop" : "word" };
    });
  };
  Analyzer.prototype.split = function (folded) {
    var r = Array.from(folded);
    if (r.length < 8) return null;
    for (var i = 3; i <= r.length - 4; i++) {
      var tail = stem(r.slice(i).join(""));
      if (!this.dict.has(tail)) continue;
      var h = stem(r.slice(0, i).join(""));
      if (this.dict.has(h)) return [h, tail];
      if (i > 3 && (r[i - 1] === "s" || r[i - 1] === "e")) {
        h = stem(r.slice(0, i - 1).join(""));
        if (this.dict.has(h)) return [h, tail];
      }
    }
    return null;
  };
  Analyzer.prototype.analyze = function (text) {
    var self = this, ws = this.words(text), out = [], at = {};
    var add = function (pos, tok) {
      var list = at[pos] = at[pos] || [];
      if (!list.some(function (g) { return g.term === tok.term; })) list.push(tok);
    };
    ws.forEach(function (w, i) {
      (self.phrases[w.term] || []).forEach(function (p) {
        var n = p.terms.length;
        if (i + n > ws.length) return;
        for (var j = 0; j < n; j++) if (ws[i + j].term !== p.terms[j]) return;
        var last = ws[i + n - 1];
        add(last.pos, { term: p.group, pos: last.pos, s: w.s, e: last.e, kind: "group" });
      });
    });
    ws.forEach(function (w) {
      if (w.kind !== "stop") {
        out.push(w);
        var parts = self.dict ? self.split(w.folded) || [] : [];
        parts.forEach(function (part) {
          if (part !== w.term) out.push({ term: part, folded: w.folded, pos: w.pos, s: w.s, e: w.e, kind: "part" });
          (self.phrases[part] || []).forEach(function (p) {
            if (p.terms.length === 1) add(w.pos, { term: p.group, pos: w.pos, s: w.s, e: w.e, kind: "group" });
          });
        });
      }
      out.push.apply(out, at[w.pos] || []);
    });
    return out;
  };

  // Age words, folded: "15 år", "15-årig", "15-åringer".
  var ageWord = /^([0-9]{1,2})(ar|ars|arig|arige|aring|aringer)$/;
  var ageUnits = ["ar", "ars", "arig", "arige", "aring", "aringer"];

  // parse is internal/search's parse: the query's words (their terms at one position) and an age.
  Analyzer.prototype.parse = function (q) {
    var toks = this.analyze(q), surface = this.words(q), drop = {}, age = -1, words = [];
    var last = surface[surface.length - 1];
    surface.forEach(function (t, i) {
      var m = ageWord.exec(t.folded), next = surface[i + 1];
      if (m) { age = +m[1]; drop[t.pos] = true; }
      else if (next && /^[0-9]{1,2}$/.test(t.folded) && ageUnits.indexOf(next.folded) >= 0) {
        age = +t.folded; drop[t.pos] = drop[next.pos] = true;
      }
    });
    toks.forEach(function (t) {
      if (drop[t.pos]) return;
      if (!words.length || words[words.length - 1].pos !== t.pos) words.push({ pos: t.pos, terms: [], folded: "", primary: "", last: false });
      var w = words[words.length - 1];
      if (t.kind === "word") { w.folded = t.folded; w.primary = t.term; w.last = t.pos === last.pos && last.e === q.length; }
      if (w.terms.indexOf(t.term) < 0) w.terms.push(t.term);
    });
    return { words: words, age: age };
  };

  function levenshtein(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev = [], cur = [], i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur[0] = i;
      var best = i;
      for (j = 1; j <= b.length; j++) {
        cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] : 1 + Math.min(prev[j - 1], prev[j], cur[j - 1]);
        best = Math.min(best, cur[j]);
      }
      if (best > max) return max + 1;
      var t = prev; prev = cur; cur = t;
    }
    return prev[b.length];
  }

  // leaves: the word's terms, then typo matches (one edit from 5 letters, two from 9) and, for
  // the last word, prefix matches, when the vocabulary lacks the word's stem.
  function leaves(w, meta, index) {
    var out = w.terms.map(function (t) { return { term: t, boost: 1 }; });
    var p = w.primary;
    if (!p || /^[0-9]+$/.test(p) || index.has(p)) return out;
    var have = new Set(w.terms), len = Array.from(w.folded).length, k = len >= 9 ? 2 : len >= 5 ? 1 : 0;
    var add = function (list, boost) {
      list.slice(0, 8).forEach(function (c) {
        var t = meta.vocab[c.i];
        if (!have.has(t)) { have.add(t); out.push({ term: t, boost: boost || (c.d === 2 ? 0.25 : 0.5) }); }
      });
    };
    if (k > 0) {
      var pr = Array.from(p), cands = [];
      meta.vocab.forEach(function (t, i) {
        if (t[0] === "=") return;
        var d = levenshtein(pr, Array.from(t), k);
        if (d <= k) cands.push({ i: i, d: d });
      });
      add(cands.sort(function (a, b) { return a.d - b.d || meta.df[b.i] - meta.df[a.i]; }));
    }
    if (w.last && len >= 3) {
      var pre = [];
      meta.vocab.forEach(function (t, i) {
        if (t !== p && t[0] !== "=" && (t.startsWith(w.folded) || t.startsWith(p))) pre.push({ i: i });
      });
      add(pre.sort(function (a, b) { return meta.df[b.i] - meta.df[a.i]; }), 0.5);
    }
    return out;
  }

  // rank sorts best first; scores within 1e-4 of the top score of each other go in document
  // order, as internal/search's rank does.
  function rank(list) {
    list.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    if (!list.length) return list;
    var eps = list[0].score * 1e-4;
    for (var i = 0; i < list.length;) {
      var j = i + 1;
      while (j < list.length && list[j - 1].score - list[j].score <= eps) j++;
      var run = list.slice(i, j).sort(function (a, b) { return a.doc - b.doc; });
      for (var r = 0; r < run.length; r++) list[i + r] = run[r];
      i = j;
    }
    return list;
  }

  // Engine searches the exported files; get(name) returns a promise of a file's parsed JSON.
  function Engine(get) {
    this.get = get;
    this.cache = {};
  }
  Engine.prototype.load = function (name) {
    var c = this.cache;
    return c[name] = c[name] || this.get(name).catch(function (e) { delete c[name]; throw e; });
  };
  // prefetch loads every shard and document chunk when the whole index is small (shards close
  // at 8 KB, a chunk of 32 documents is about 6 KB: at most about 150 KB), so later keystrokes
  // never wait for the network. Large sites load only what each query needs.
  Engine.prototype.prefetch = function () {
    var self = this, m = this.meta;
    if (!m || m.files.length * 8 + m.docFiles.length * 6 > 150) return;
    m.files.concat(m.docFiles).forEach(function (f) { self.load(f).catch(function () {}); });
  };
  Engine.prototype.init = function () {
    var self = this;
    return this.ready = this.ready || this.load("meta.json").then(function (meta) {
      self.meta = meta;
      self.an = new Analyzer(meta);
      self.index = new Map(meta.vocab.map(function (t, i) { return [t, i]; }));
      self.maxAge = 25;
      return self.load(meta.facetFile).then(function (f) {
        self.facets = f;
        f.alder.forEach(function (a) { if (a.length && a[1] > self.maxAge) self.maxAge = Math.min(a[1], 99); });
      });
    });
  };
  // postings returns a promise of the term's {doc: weight}.
  Engine.prototype.postings = function (term) {
    var m = this.meta, i = this.index.get(term);
    if (i === undefined) return Promise.resolve({});
    var s = 0;
    while (s + 1 < m.shards.length && m.shards[s + 1] <= i) s++;
    return this.load(m.files[s]).then(function (rows) {
      var row = rows[i - m.shards[s]], out = {}, d = 0;
      for (var j = 0; j < row.length; j += 2) { d += row[j]; out[d] = row[j + 1]; }
      return out;
    });
  };
  // search answers a query with filters ({param: [ids]}, alder: [n]); size offers at most.
  Engine.prototype.search = function (q, filters, size) {
    var self = this;
    return this.init().then(function () {
      var parsed = self.an.parse(q), words = parsed.words, f = {}, res = { age: null, terms: [] };
      Object.keys(filters).forEach(function (k) { f[k] = filters[k]; });
      if (parsed.age >= 0 && !(f.alder && f.alder.length)) { f.alder = [String(parsed.age)]; res.age = parsed.age; }
      if (!words.length) {
        var all = [];
        for (var d = 0; d < self.meta.offers; d++) all.push({ doc: d, score: 0 });
        return self.finish(all, f, size, res);
      }
      var ls = words.map(function (w) { return leaves(w, self.meta, self.index); });
      var terms = [].concat.apply([], ls).map(function (l) { return l.term; });
      res.terms = terms;
      return Promise.all(terms.map(function (t) { return self.postings(t); })).then(function (posts) {
        var total = {}, matched = {}, k = 0;
        ls.forEach(function (wl) {
          var sum = {}, n = {};
          wl.forEach(function (l) {
            var p = posts[k++];
            for (var d in p) { sum[d] = (sum[d] || 0) + l.boost * p[d]; n[d] = (n[d] || 0) + 1; }
          });
          for (var d in sum) { total[d] = (total[d] || 0) + sum[d] * n[d] / wl.length; matched[d] = (matched[d] || 0) + 1; }
        });
        var list = [];
        for (var d in total) list.push({ doc: +d, score: total[d] * matched[d] / words.length });
        return self.finish(rank(list), f, size, res);
      });
    });
  };
  // finish filters the ranked list, counts facets and loads the shown documents.
  Engine.prototype.finish = function (list, f, size, res) {
    var self = this, m = this.meta, fc = this.facets, sets = {}, age = -1, active = false;
    m.facets.forEach(function (l) {
      var ids = f[l.param] || [];
      if (!ids.length) return;
      active = true;
      sets[l.param] = new Set();
      l.values.forEach(function (v, i) { if (ids.indexOf(v[0]) >= 0) sets[l.param].add(i); });
    });
    if (f.alder && f.alder.length && /^[0-9]+$/.test(f.alder[0])) { age = +f.alder[0]; active = true; }
    var passes = function (d, except) {
      for (var p in sets) {
        if (p !== except && !fc[p][d].some(function (v) { return sets[p].has(v); })) return false;
      }
      var a = fc.alder[d];
      return age < 0 || except === "alder" || !a.length || age >= a[0] && age <= a[1];
    };
    var hits = [], others = [], cands = [];
    res.total = 0;
    list.forEach(function (s) {
      if (s.doc < m.offers) {
        cands.push(s.doc);
        if (passes(s.doc, "")) { res.total++; if (hits.length < size) hits.push(s); }
      } else if (!active && others.length < 3) others.push(s);
    });
    res.facets = m.facets.map(function (l) {
      var n = l.values.map(function () { return 0; });
      cands.forEach(function (d) { if (passes(d, l.param)) fc[l.param][d].forEach(function (v) { n[v]++; }); });
      return { param: l.param, values: l.values.map(function (v, i) { return { id: v[0], label: v[1], count: n[i], selected: !!(sets[l.param] && sets[l.param].has(i)) }; }) };
    });
    var ages = [], ageCands = cands.filter(function (d) { return passes(d, "alder"); });
    for (var a = 0; a <= this.maxAge; a++) {
      var c = 0;
      ageCands.forEach(function (d) { var r = fc.alder[d]; if (!r.length || a >= r[0] && a <= r[1]) c++; });
      ages.push({ id: String(a), label: a + " år", count: c, selected: a === age });
    }
    res.facets.push({ param: "alder", values: ages });
    var shown = hits.concat(others);
    return Promise.all(shown.map(function (s) {
      return self.load(m.docFiles[Math.floor(s.doc / m.chunk)]).then(function (rows) {
        var r = rows[s.doc % m.chunk];
        return { doc: s.doc, score: s.score, kind: r[0], url: r[1], title: r[2], summary: r[3] };
      });
    })).then(function (docs) {
      res.hits = docs.slice(0, hits.length);
      res.others = docs.slice(hits.length);
      return res;
    });
  };

  var api = { tokenize: tokenize, fold: fold, stem: stem, Analyzer: Analyzer, Engine: Engine };
  if (typeof document === "undefined") {
    globalThis.ViftenSearch = api; // Node, for the parity tests in internal/search
    return;
  }

  // The page.
  var form = document.getElementById("search-form"), input = document.getElementById("q");
  var status = document.getElementById("search-status"), results = document.getElementById("results");
  var othersBox = document.getElementById("search-others"), facetBox = document.getElementById("facets");
  if (!form || !input || !status || !results) return;
  var filtersEl = document.getElementById("filters");
  var names = { maalgruppe: "Hvem er du?", emne: "Emne", trin: "Indsatstrappen", vej: "Sådan får du hjælpen", anonym: "Anonymitet", gratis: "Pris", sprog: "Sprog", alder: "Barnets alder" };
  var engine = new Engine(function (name) {
    return fetch("/search/" + name).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
  });
  var params = new URLSearchParams(location.search), state = {}, seq = 0, prefetched = false;
  Object.keys(names).forEach(function (p) { state[p] = params.getAll(p).filter(Boolean); });
  input.value = params.get("q") || "";
  // The filters stand open beside the results on wide screens, and when the address sets one.
  if (filtersEl && (matchMedia("(min-width: 60rem)").matches || Object.keys(state).some(function (p) { return state[p].length; }))) filtersEl.open = true;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // highlight writes text into parent with the words matching the query's terms in <mark>.
  function highlight(parent, text, terms) {
    var at = 0;
    engine.an.analyze(text).filter(function (t) { return terms.has(t.term); }).forEach(function (t) {
      if (t.s < at) return;
      parent.appendChild(document.createTextNode(text.slice(at, t.s)));
      parent.appendChild(el("mark", {}, text.slice(t.s, t.e)));
      at = t.e;
    });
    parent.appendChild(document.createTextNode(text.slice(at)));
  }

  // renderFacets builds the filter controls once and then updates their counts and states in
  // place, so focus and screen-reader position stay where they are.
  var controls = {};
  function renderFacets(res) {
    if (!facetBox) return;
    var build = !facetBox.firstChild;
    res.facets.forEach(function (f) {
      if (!f.values.length) return; // a facet no offer has, such as languages on a Danish-only site
      var fs = build && facetBox.appendChild(el("fieldset", { class: "facet" }));
      if (build) fs.appendChild(el("legend", {}, names[f.param]));
      if (f.param === "alder") {
        if (build) {
          controls.alder = fs.appendChild(el("select", { id: "f-alder", name: "alder" }));
          controls.alder.setAttribute("aria-label", names.alder);
          controls.alder.appendChild(el("option", { value: "" }, "Alle aldre"));
          f.values.forEach(function (v) { controls.alder.appendChild(el("option", { value: v.id })); });
        }
        f.values.forEach(function (v, i) { controls.alder.options[i + 1].textContent = v.label + " (" + v.count + ")"; });
        controls.alder.value = (state.alder || [])[0] || "";
        return;
      }
      f.values.forEach(function (v) {
        var id = "f-" + f.param + "-" + v.id;
        if (build) {
          var label = fs.appendChild(el("label", { for: id }));
          label.appendChild(el("input", { type: "checkbox", id: id, name: f.param, value: v.id }));
          var text = label.appendChild(el("span", {}, v.label + " "));
          controls[id] = text.appendChild(el("span", { class: "count" }));
        }
        document.getElementById(id).checked = v.selected;
        controls[id].textContent = "(" + v.count + ")";
      });
    });
  }

  function renderHits(list, box, terms) {
    box.textContent = "";
    list.forEach(function (h) {
      var li = el("li", { class: "card" }), h3 = el("h3");
      h3.appendChild(el("a", { href: h.url }, h.title));
      li.appendChild(h3);
      var p = el("p", { class: "summary" });
      highlight(p, h.summary || "", terms);
      li.appendChild(p);
      box.appendChild(li);
    });
  }

  function run() {
    var q = input.value, my = ++seq, p = new URLSearchParams();
    if (q.trim()) p.set("q", q);
    Object.keys(state).forEach(function (k) { state[k].forEach(function (v) { p.append(k, v); }); });
    var qs = p.toString();
    history.replaceState(null, "", location.pathname + (qs ? "?" + qs : ""));
    var active = Object.keys(state).some(function (k) { return state[k].length; });
    if (!q.trim() && !active) {
      results.textContent = "";
      if (othersBox) othersBox.hidden = true;
      status.textContent = "Skriv, hvad du søger, eller vælg et filter.";
    }
    var size = q.trim() || active ? 20 : 0;
    engine.search(q, state, size).then(function (res) {
      if (my !== seq) return;
      var terms = new Set(res.terms);
      renderFacets(res);
      if (!size) return;
      renderHits(res.hits, results, terms);
      var msg = res.total === 0 ? "Ingen tilbud fundet." : res.total === 1 ? "1 tilbud fundet." : res.total + " tilbud fundet.";
      if (res.total > res.hits.length) msg += " Viser de første " + res.hits.length + ".";
      if (res.age !== null) msg += " Kun tilbud for " + res.age + " år.";
      status.textContent = msg;
      status.setAttribute("data-answered", qs); // which address the status answers (tests wait for it)
      if (othersBox) {
        othersBox.hidden = !res.others.length;
        renderHits(res.others, othersBox.querySelector("ul"), terms);
      }
      // Once the first results are shown, and only then, fetch the rest of a small index.
      if (!prefetched) {
        prefetched = true;
        (window.requestIdleCallback || setTimeout)(function () { engine.prefetch(); });
      }
    }, function () {
      if (my === seq) status.textContent = "Søgningen kunne ikke hentes. Prøv igen, eller find tilbuddene under Emner og Alder.";
    });
  }

  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
  input.addEventListener("input", run);
  if (facetBox) facetBox.addEventListener("change", function (ev) {
    var t = ev.target;
    if (t.name === "alder") state.alder = t.value ? [t.value] : [];
    else state[t.name] = Array.from(facetBox.querySelectorAll("input[name='" + t.name + "']:checked")).map(function (b) { return b.value; });
    run();
  });
  document.documentElement.classList.add("search-ready");
  run();
})();
