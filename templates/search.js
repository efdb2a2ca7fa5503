// The search page (/soeg/): ranks from the files internal/search writes to /search/ exactly as
// `viften search` does. Nothing leaves the site or is stored; the search lives in the address.
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

  // cls per character met
  var classes = {};

  // tokenize returns the words of s: {w, s, e} with UTF-16 offsets.
  function tokenize(s) {
    var cps = Array.from(s), offs = [0], out = [], n = cps.length, i = 0;
    for (var j = 0; j < n; j++) offs.push(offs[j] + cps[j].length);
    var k = cps.map(function (c) { return c in classes ? classes[c] : classes[c] = cls(c); });
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
  var folds = { "æ": "ae", "ä": "ae" };
  "aàáâãå cç eèéêë iìíîï nñ oøòóôõö uùúûü yýÿ".split(" ").forEach(function (g) {
    for (var c of g) folds[c] = g[0];
  });
  function fold(s) {
    s = s.split("aa").join("a").split("oe").join("o");
    var out = "";
    for (var c of s) out += folds[c] || c;
    return out;
  }

  // stem is bleve's Snowball Danish stemmer. Steps only shorten the word, so they work on a
  // length n over its code points; p1 starts region R1.
  var vowels = "aeiouyæåø", sEnding = "abcdfghjklmnoprtvyzå";
  var main = ("hed ethed ered e erede ende erende ene erne ere en heden eren er heder erer heds es endes erendes " +
    "enes ernes eres ens hedens erens ers ets erets et eret s").split(" ");
  var other = ["ig", "lig", "elig", "els", "løst"], stems = new Map();
  function stem(word) {
    var s = stems.get(word);
    if (s === undefined) stems.set(word, s = stem1(word));
    return s;
  }
  function stem1(word) {
    var w = Array.from(word), n = w.length, p1 = n, i = 0;
    var isV = function (c) { return vowels.indexOf(c) >= 0; };
    if (n >= 3) {
      while (i < n && !isV(w[i])) i++;
      while (i < n && isV(w[i])) i++;
      if (i < n) p1 = Math.max(i + 1, 3);
    }
    // longest returns the longest suffix of list ending the word in R1, or "".
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

  // terms decodes meta.json's front-coded vocabulary (internal/search.frontCode) once.
  function terms(meta) {
    if (!meta.terms) {
      var prev = "";
      meta.terms = meta.vocab.split(" ").map(function (e) { return prev = prev.slice(0, parseInt(e[0], 36)) + e.slice(1); });
    }
    return meta.terms;
  }

  // Analyzer is internal/search.Analyzer over meta.json.
  function Analyzer(meta) {
    var self = this;
    this.stop = new Set(meta.stop);
    this.filler = new Set(meta.filler);
    this.ages = meta.ages;
    this.ageWord = RegExp(meta.ages.pattern);
    // keyed by words: no "constructor" inherited
    this.phrases = Object.create(null);
    meta.groups.forEach(function (g) {
      g.p.forEach(function (p) { (self.phrases[p[0]] = self.phrases[p[0]] || []).push({ terms: p, group: g.t }); });
    });
    if (meta.compounds) {
      this.dict = new Set();
      terms(meta).forEach(function (t) { if (t[0] !== "=") self.dict.add(t); });
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
    var self = this, part = function (j, k) { var w = r.slice(j, k).join(""); return !self.stop.has(w) && self.dict.has(w = stem(w)) && w; };
    for (var i = 3; i <= r.length - 4; i++) {
      var tail = part(i), h;
      if (!tail) continue;
      if (h = part(0, i)) return [h, tail];
      if (i > 3 && (r[i - 1] === "s" || r[i - 1] === "e") && (h = part(0, i - 1))) return [h, tail];
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
          if (part !== w.term) out.push({ term: part, pos: w.pos, s: w.s, e: w.e, kind: "part" });
          (self.phrases[part] || []).forEach(function (p) {
            if (p.terms.length === 1) add(w.pos, { term: p.group, pos: w.pos, s: w.s, e: w.e, kind: "group" });
          });
        });
      }
      out.push.apply(out, at[w.pos] || []);
    });
    // internal/search.longestFacets: a topic or audience whose phrase lies inside another's goes.
    var facet = function (t) { return t.kind === "group" && /^=[#@]/.test(t.term); }, fs = out.filter(facet);
    return out.filter(function (t) {
      return !facet(t) || !fs.some(function (u) { return u.s <= t.s && t.e <= u.e && (u.s !== t.s || u.e !== t.e); });
    });
  };

  // age is internal/search.readAge: [age, words it takes] for an age at surface word i of q
  // ("15 år", "fireårig", "min søn på 4", "3 måneder"), or null; its words are meta.ages.
  Analyzer.prototype.age = function (q, surface, i) {
    var a = this.ages, t = surface[i].folded, m = this.ageWord.exec(t), n, e = surface[i].e, digits = /^[0-9]{1,2}$/.test(t);
    var next = (surface[i + 1] || {}).folded, prev = (surface[i - 1] || {}).folded;
    if (m && (n = /[0-9]/.test(m[1]) ? +m[1] : a.numerals[m[1]]) >= 0) return [n, 1];
    if (!((n = digits ? +t : a.numerals[t]) >= 0)) return null;
    if (a.units.includes(next)) return [n, 2];
    if (a.infant.includes(next)) return [0, 2];
    if (q[e] === "." && q.slice(e + 1).trim() || a.ordinal.includes(next) || n > a.max) return null;
    return (digits ? a.after.includes(prev) || surface.length === 1 : t !== "en" && t !== "et" && prev === "pa") ? [n, 1] : null;
  };

  // parse is internal/search's parse: the query's words (terms at one position) and an age.
  // Filler words are no words of their own but for the groups their position holds, unless
  // the query has no other.
  Analyzer.prototype.parse = function (q) {
    var self = this, toks = this.analyze(q), surface = this.words(q), drop = {}, age = -1, words = [], kept = [];
    var last = surface[surface.length - 1];
    surface.forEach(function (t, i) {
      var r = self.age(q, surface, i);
      if (r) { age = r[0]; for (var j = i; j < i + r[1]; j++) drop[surface[j].pos] = true; }
    });
    toks.forEach(function (t) {
      if (drop[t.pos]) return;
      if (!words.length || words[words.length - 1].pos !== t.pos) words.push({ pos: t.pos, terms: [] });
      var w = words[words.length - 1];
      if (t.kind === "word") { w.folded = t.folded; w.primary = t.term; w.last = t.pos === last.pos && last.e === q.length; w.fill = self.filler.has(t.folded); }
      if (w.terms.indexOf(t.term) < 0) w.terms.push(t.term);
    });
    words.forEach(function (w) {
      var g = w.terms.filter(function (t) { return t[0] === "="; });
      if (!w.fill) kept.push(w); else if (g.length) kept.push({ pos: w.pos, terms: g });
    });
    return { words: kept.length ? kept : words, age: age };
  };

  // cp returns t's code points (t itself without surrogate pairs).
  function cp(t) { return /[\ud800-\udfff]/.test(t) ? Array.from(t) : t; }
  // levenshtein returns the edit distance of a and b, or max + 1 when it is more than max. It
  // computes only the cells within max of the diagonal: no path outside them costs max or less.
  var rows = [[], []];
  function levenshtein(a, b, max) {
    var n = b.length, big = max + 1, prev = rows[0], cur = rows[1], i, j, t;
    if (Math.abs(a.length - n) > max) return big;
    for (j = 0; j <= n; j++) prev[j] = Math.min(j, big);
    for (i = 1; i <= a.length; i++) {
      var lo = Math.max(1, i - max), hi = Math.min(n, i + max), best = cur[lo - 1] = lo === 1 ? Math.min(i, big) : big;
      for (j = lo; j <= hi; j++) {
        t = a[i - 1] === b[j - 1] ? prev[j - 1] : 1 + Math.min(prev[j - 1], prev[j], cur[j - 1]);
        if ((cur[j] = t) < best) best = t;
      }
      // the next row reads it as beyond the band
      if (hi < n) cur[hi + 1] = big;
      if (best > max) return big;
      t = prev; prev = cur; cur = t;
    }
    return Math.min(prev[n], big);
  }

  // leaves: the word's terms, then, when the vocabulary lacks its stem, typo matches (one edit
  // from 5 letters, two from 9) and, for the last word, prefix matches.
  Engine.prototype.leaves = function (w) {
    var out = w.terms.map(function (t) { return { term: t, boost: 1 }; });
    var p = w.primary, v = this.vocab, df = this.meta.df;
    if (!p || /^[0-9]+$/.test(p) || this.index.has(p)) return out;
    var have = new Set(w.terms), len = Array.from(w.folded).length, k = len >= 9 ? 2 : len >= 5 ? 1 : 0;
    var add = function (list, boost) {
      list.slice(0, 8).forEach(function (c) {
        var t = v[c.i];
        if (!have.has(t)) { have.add(t); out.push({ term: t, boost: boost || (c.d === 2 ? 0.25 : 0.5) }); }
      });
    };
    if (k > 0) {
      var pr = cp(p), cands = [], ti = this.typos(), n = pr.length;
      for (var l = Math.max(1, n - k); l <= n + k; l++) {
        for (var b = ti.byLen[l] || [], j = 0; j < b.length; j++) {
          var d = levenshtein(pr, ti.runes[b[j]], k);
          if (d <= k) cands.push({ i: b[j], d: d });
        }
      }
      add(cands.sort(function (a, b) { return a.d - b.d || df[b.i] - df[a.i] || a.i - b.i; }));
    }
    if (w.last && len >= 3) add(this.frequent(p), 0.5);
    return out;
  };
  // prefixed returns the terms starting with p (a word: no group, whose names start with "="),
  // numbers lo to end - 1. They stand together in the sorted vocabulary: a binary search finds
  // the first, unless the vocabulary holds code points whose UTF-16 order is not their bytes'
  // order (init notes it; a linear scan then).
  Engine.prototype.prefixed = function (p) {
    var v = this.vocab, lo = 0, hi = v.length;
    if (this.sorted) while (lo < hi) { var mid = (lo + hi) >> 1; if (v[mid] < p) lo = mid + 1; else hi = mid; }
    else while (lo < v.length && !v[lo].startsWith(p)) lo++;
    for (hi = lo; hi < v.length && v[hi].startsWith(p); hi++);
    return [lo, hi];
  };
  // frequent returns the terms starting with p ({i}), those in most documents first.
  Engine.prototype.frequent = function (p) {
    var df = this.meta.df, r = this.prefixed(p), out = [];
    for (var i = r[0]; i < r[1]; i++) out.push({ i: i });
    return out.sort(function (a, b) { return df[b.i] - df[a.i]; });
  };
  // ahead reads, while a word is typed, the head shards its next letters most likely need:
  // those of the terms starting with it, the most frequent first, each with the topics it
  // names, aheadFiles at most. The keystrokes that find their shards read wait for no request.
  var aheadFiles = 4;
  Engine.prototype.ahead = function (q) {
    var self = this, ws = this.an.words(q), w = ws[ws.length - 1], files = {}, out = [];
    if (this.meta.whole || !w || w.e !== q.length || Array.from(w.folded).length < 2) return Promise.resolve();
    this.frequent(w.folded).forEach(function (t) {
      [t.i].concat((self.an.phrases[self.vocab[t.i]] || []).map(function (p) { return !p.terms[1] && /^=[#@]/.test(p.group) ? self.index.get(p.group) : undefined; })).forEach(function (i) {
        var s = i >= 0 && self.shardOf(i);
        if (s !== false && out.length < aheadFiles && !files[s]) { files[s] = true; out.push(self.shard(i).catch(function () {})); }
      });
    });
    return Promise.all(out);
  };

  // typos returns what typo matching scans, made once: the terms' code points, and the terms by
  // their number of code points (groups left out).
  Engine.prototype.typos = function () {
    if (!this.ti) {
      var runes = this.vocab.map(cp), byLen = [];
      runes.forEach(function (r, i) { if (r[0] !== "=") (byLen[r.length] = byLen[r.length] || []).push(i); });
      this.ti = { runes: runes, byLen: byLen };
    }
    return this.ti;
  };

  // rank is internal/search's rank: best first, runs of scores within 1e-4 of the top score of
  // each other in document order. It returns where the runs end, and eps.
  function rank(list) {
    list.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    var ends = [], eps = list.length && list[0].score * 1e-4;
    for (var i = 0; i < list.length;) {
      var j = i + 1;
      while (j < list.length && list[j - 1].score - list[j].score <= eps) j++;
      var run = list.slice(i, j).sort(function (a, b) { return a.doc - b.doc; });
      for (var r = 0; r < run.length; r++) list[i + r] = run[r];
      ends.push(i = j);
    }
    ends.eps = eps;
    return ends;
  }

  // settle returns the kind's first documents of known score, want passing ok, as its whole
  // ranking starts, or null while one of unknown score (≤ upper) could come before them or join
  // their last run. A long list is tried on its best few first.
  function settle(docs, scores, upper, unknown, want, ok) {
    var few = 4 * (want + 16), pick = function (min) {
      for (var out = [], j = 0; j < docs.length; j++) if (scores[j] >= min) out.push({ doc: docs[j], score: scores[j] });
      return out;
    };
    if (docs.length > 2 * few) {
      var sc = Float64Array.from(scores).sort(), i = sc.length - few, cut = sc[i];
      while (i > 0 && sc[i - 1] === cut) i--;
      var r = settle1(pick(cut), Math.max(upper, i ? sc[i - 1] : 0), unknown + i, want, ok);
      if (r) return r;
    }
    return settle1(pick(-Infinity), upper, unknown, want, ok);
  }
  function settle1(list, upper, unknown, want, ok) {
    var ends = rank(list), i = 0, n = 0;
    if (!unknown) return list;
    if (!want) return [];
    for (var r = 0; r < ends.length; r++) {
      var low = Infinity;
      for (; i < ends[r]; i++) { low = Math.min(low, list[i].score); if (ok(list[i].doc)) n++; }
      if (n >= want) return upper * (1 + 1e-9) < low - ends.eps ? list.slice(0, i) : null;
    }
    return null;
  }

  // pageSize is the offers a page shows, as the export's pages (shownOffers).
  var pageSize = 20;

  // Engine searches the exported files; get(name) promises a file's JSON.
  function Engine(get) {
    this.get = get;
    this.cache = {};
    this.terms = {};
    // document rows read with the head shards
    this.rows = {};
    // and the pages of words
    this.pages = Object.create(null);
    // the head shards whose rows and pages are in those
    this.merged = new Set();
  }
  Engine.prototype.load = function (name) {
    var c = this.cache;
    return c[name] = c[name] || this.get(name).catch(function (e) { delete c[name]; throw e; });
  };
  Engine.prototype.file = function (dir, n) { return dir + "/" + n + "." + this.meta.hash + ".json"; };
  Engine.prototype.init = function () {
    var self = this;
    return this.ready = this.ready || this.load("meta.json").then(function (meta) {
      // not the format this script reads
      if (meta.v !== 6) throw Error("meta.json v" + meta.v);
      self.meta = meta;
      self.an = new Analyzer(meta);
      self.vocab = terms(meta);
      self.index = new Map(self.vocab.map(function (t, i) { return [t, i]; }));
      self.sorted = self.vocab.every(function (t, i, v) { return !i || v[i - 1] < t; });
    });
  };
  // prefetch, after the first results, loads the facet table, an index the export marked whole
  // (small: no rows in its head shards) or else the rows of the first page of all offers (what
  // a query of stop words alone shows), and prepares typo matching.
  Engine.prototype.prefetch = function () {
    var self = this, m = this.meta, get = function (f) { self.load(f).catch(function () {}); };
    if (m.whole) m.shards.forEach(function (_, s) { get(self.file("h", s)); });
    for (var c = 0; c * m.chunk < (m.whole ? m.docs : Math.min(m.offers, pageSize)); c++) get(self.file("d", c));
    this.typos();
    return this.facets();
  };
  // facets loads the facet table once: per facet and offer the value numbers, and the age
  // range ([] for any age).
  Engine.prototype.facets = function () {
    var self = this, m = this.meta;
    return this.ft = this.ft || this.load(m.facetFile).then(function (f) {
      var fd = {};
      m.facets.concat({ param: "alder" }).forEach(function (l) {
        var s = f[l.param], w = s.length / m.offers, col = fd[l.param] = [];
        for (var d = 0, j = 0; d < m.offers; d++, j += w) {
          var vs = [], x = function (c) { return s.charCodeAt(j + c) - 48; };
          if (l.values) for (var c = 0; c < w; c++) for (var y = x(c), b = 0; y; b++, y >>= 1) { if (y & 1) vs.push(c * 6 + b); }
          else if (x(0) || x(1)) vs = [x(0) * 64 + x(1) - 1, x(2) * 64 + x(3) - 1];
          col.push(vs);
        }
      });
      return self.fd = fd;
    }, function (e) { self.ft = null; throw e; });
  };

  // shard returns (a promise of) the head shard of term number i, its rows and prefix pages
  // kept.
  Engine.prototype.shard = function (i) {
    var self = this, s = this.shardOf(i);
    return this.load(this.file("h", s)).then(function (x) {
      if (!self.merged.has(s)) { self.merged.add(s); Object.assign(self.rows, x[1]); Object.assign(self.pages, x[2]); }
      return x;
    });
  };
  // shardOf returns the number of the head shard of term number i.
  Engine.prototype.shardOf = function (i) {
    var sh = this.meta.shards, lo = 0, hi = sh.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (sh[mid] <= i) lo = mid; else hi = mid - 1; }
    return lo;
  };
  // term returns (a promise of) term t as read so far: its documents, their weights (NaN: in a
  // later level) and, per kind, the largest weight left.
  Engine.prototype.term = function (t) {
    var self = this, m = this.meta, i = this.index.get(t);
    if (i === undefined) return null;
    if (this.terms[i]) return this.terms[i];
    return this.shard(i).then(function (x) {
      // Typed arrays: every term reads alike, so the ranking's compiled code stays valid.
      var e = x[0][i - m.shards[self.shardOf(i)]], all = typeof e[0] === "number", docs, n = 0, d = 0, j;
      if (typeof e[0] === "string") {
        for (var bits = atob(e[0]), docs = new Int32Array(m.docs), j = 0; j < m.docs; j++) if (bits.charCodeAt(j >> 3) >> (j & 7) & 1) docs[n++] = j;
        docs = docs.slice(0, n);
      } else {
        var ds = all ? e : e[0], step = all ? 2 : 1;
        for (docs = new Int32Array(ds.length / step), j = 0; j < docs.length; j++) docs[j] = d += ds[j * step];
      }
      var t = { i: i, level: 0, docs: docs, w: new Float64Array(docs.length).fill(NaN), max: null, more: null };
      fill(t, all ? [e, 0, 0] : e.slice(1));
      // another search may have read it meanwhile
      return self.terms[i] = self.terms[i] || t;
    });
  };
  // fill sets a level's weights into t.
  function fill(t, e) {
    for (var p = e[0], d = 0, k = 0, j = 0; j < p.length; j += 2) {
      d += p[j];
      while (t.docs[k] < d) k++;
      t.w[k] = p[j + 1];
    }
    t.max = Float64Array.of(e[1], e[2]);
  }
  // deepen reads term t's next level, if any; the last lists the weights left.
  Engine.prototype.deepen = function (t) {
    if (!t || !(t.max[0] || t.max[1])) return null;
    return t.more = t.more || this.load(this.file("t", t.i + "-" + (t.level + 1))).then(function (e) {
      t.level++;
      t.more = null;
      if (typeof e[0] !== "number") return fill(t, e);
      for (var j = 0, k = 0; j < t.w.length; j++) if (t.w[j] !== t.w[j]) t.w[j] = e[k++];
      t.max = new Float64Array(2);
    }, function (err) { t.more = null; throw err; });
  };

  // search answers a query with filters ({param: [ids]}, alder: [n]), size offers at most. The
  // offers found, res.cands, may follow the results: res.all promises res with them.
  Engine.prototype.search = function (q, filters, size) {
    var self = this;
    return this.init().then(function () {
      var m = self.meta, parsed = self.an.parse(q), words = parsed.words, f = Object.assign({}, filters), res = { age: null };
      if (parsed.age >= 0 && !(f.alder && f.alder.length)) { f.alder = [String(parsed.age)]; res.age = parsed.age; }
      var sel = res.sel = {}, age = res.ageSel = f.alder && /^[0-9]+$/.test(f.alder[0]) ? +f.alder[0] : -1;
      m.facets.forEach(function (l) {
        var ids = f[l.param] || [];
        if (ids.length) sel[l.param] = l.values.map(function (v) { return ids.indexOf(v[0]) >= 0; });
      });
      res.active = age >= 0 || Object.keys(sel).length > 0;
      res.ok = function (d) { return !res.active || self.failed(res, d) === ""; };
      // the page of a word may give its results before res.cands
      res.all = Promise.resolve(res);
      var ls = words.map(function (w) { return self.leaves(w); }), w = words[0];
      res.terms = ls.flat().map(function (l) { return l.term; });
      // A word typed alone may have its page in a head shard (the export's pages): a term's
      // with further levels in its own, under the term; a word of 3 to pageLetters letters
      // whose stem the vocabulary lacks, matched as a prefix, under the word (folded) in the
      // shard of the first term its stem matches.
      // Its terms are its stem and the topics and audiences it names (typedAlone).
      var one = words.length === 1 && !res.active && size <= pageSize && w.terms.every(function (t, i) { return i ? /^=[#@]/.test(t) : t === w.primary; });
      var n = one && Array.from(w.folded).length, known = one && self.index.has(w.primary);
      var r = one && !known && n >= 3 && n <= m.pageLetters && w.last && !self.index.has(w.folded) ? self.prefixed(w.primary) : [0, 0], pre = r[0] < r[1] ? r[0] : -1;
      var loads = res.terms.map(function (t) { return self.term(t); });
      // what waits for a load reports its failure
      loads.forEach(function (l) { if (l && l.catch) l.catch(function () {}); });
      return Promise.all([res.active && self.facets(), known ? loads[0] : pre >= 0 && self.shard(pre)]).then(function () {
        var pg = known ? self.pages[w.primary] : pre >= 0 && self.pages[w.folded];
        if (pg) {
          // The page and its total are the export's: the results wait for no other file. The
          // matches (res.cands, for the filters' counts) follow with res.all.
          var doc = function (d) { return { doc: d }; };
          res.total = pg[2];
          res.cands = null;
          res.all = Promise.all(loads).then(function (ts) {
            var seen = new Uint8Array(m.offers), cands = [];
            ts.forEach(function (t) { for (var j = 0; t && j < t.docs.length; j++) if (t.docs[j] < m.offers && !seen[t.docs[j]]++) cands.push(t.docs[j]); });
            res.cands = cands;
            return res;
          // a head missing: no cands, counts without numbers
          }, function () { return res; });
          return self.finish([pg[0].map(doc), pg[1].map(doc)], size, res);
        }
        return Promise.all(loads).then(function (ts) {
          if (words.length) return self.page(ls, ts, size, res);
          for (var d = 0, all = res.cands = []; d < m.offers; d++) all.push(d);
          return self.finish([all.map(function (d) { return { doc: d, score: 0 }; }), []], size, res);
        });
      });
    });
  };
  // failed returns the filter offer d fails: "" none, "*" more than one.
  Engine.prototype.failed = function (res, d) {
    var fd = this.fd, out = "", a = res.ageSel, r = fd && fd.alder[d];
    for (var p in res.sel) if (!fd[p][d].some(function (v) { return res.sel[p][v]; })) out = out ? "*" : p;
    if (a >= 0 && r.length && (a < r[0] || a > r[1])) out = out ? "*" : "alder";
    return out;
  };
  // page scores the matches from what is read and settles the page, or reads further levels
  // and tries again.
  Engine.prototype.page = function (ls, ts, size, res) {
    var self = this, m = this.meta, N = m.docs, nw = ls.length, k = 0, matched = [], d, j, wi, li;
    var b = this.buf = this.buf || [8, 8, 8, 8, 2, 2, 1].map(function (x) { return new (x > 2 ? Float64Array : x > 1 ? Uint16Array : Uint8Array)(N); });
    var tot = b[0], up = b[1], sum = b[2], hi = b[3], cnt = b[4], c = b[5], unk = b[6];
    for (wi = 0; wi < nw; wi++) {
      var wl = ls[wi], touched = [];
      for (li = 0; li < wl.length; li++) if (ts[k++]) gather(ts[k - 1], wl[li].boost, m.offers, b, touched);
      for (j = 0; j < touched.length; j++) {
        d = touched[j];
        tot[d] += sum[d] * c[d] / wl.length;
        up[d] += (sum[d] + hi[d]) * c[d] / wl.length;
        if (!cnt[d]++) matched.push(d);
        sum[d] = hi[d] = c[d] = 0;
      }
    }
    var n = matched.length, docs = [new Int32Array(n), new Int32Array(n)], scores = [new Float64Array(n), new Float64Array(n)];
    var known = [0, 0], upper = new Float64Array(2), unknown = [0, 0], all = [0, 0], ok = res.ok, cands = res.cands = [];
    for (j = 0; j < n; j++) {
      var kind = (d = matched[j]) < m.offers ? 0 : 1;
      if (!kind) cands.push(d);
      if (kind || !res.active || ok(d)) all[kind]++;
      if (unk[d]) { unknown[kind]++; upper[kind] = Math.max(upper[kind], up[d] * cnt[d] / nw); }
      else { docs[kind][known[kind]] = d; scores[kind][known[kind]++] = tot[d] * cnt[d] / nw; }
      tot[d] = up[d] = cnt[d] = unk[d] = 0;
    }
    for (j = 0; j < 2; j++) { docs[j] = docs[j].subarray(0, known[j]); scores[j] = scores[j].subarray(0, known[j]); }
    var lists = [settle(docs[0], scores[0], upper[0], unknown[0], Math.min(size, all[0]), ok),
      res.active ? [] : settle(docs[1], scores[1], upper[1], unknown[1], Math.min(3, all[1]), function () { return true; })];
    if (lists[0] && lists[1]) return this.finish(lists, size, res);
    return Promise.all(ts.map(function (t) { return self.deepen(t); })).then(function () { return self.page(ls, ts, size, res); });
  };
  // gather adds the matches of term t (boost) to page's sums: of known weights into sum, of
  // unknown ones their bound into hi; c counts a document's matched leaves.
  function gather(t, boost, offers, b, touched) {
    var docs = t.docs, w = t.w, sum = b[2], hi = b[3], c = b[5], unk = b[6], mo = boost * t.max[0], mp = boost * t.max[1];
    for (var j = 0; j < docs.length; j++) {
      var d = docs[j], x = w[j];
      if (!c[d]++) touched.push(d);
      if (x === x) sum[d] += boost * x;
      else { hi[d] += d < offers ? mo : mp; unk[d] = 1; }
    }
  }
  // finish counts the offers found and loads the documents shown.
  Engine.prototype.finish = function (lists, size, res) {
    var self = this, m = this.meta, hits = [], ok = res.ok;
    // else a page's, given
    if (res.cands) res.total = res.active ? res.cands.filter(ok).length : res.cands.length;
    lists[0].forEach(function (s) { if (hits.length < size && ok(s.doc)) hits.push(s); });
    var shown = hits.concat(lists[1].slice(0, 3));
    return Promise.all(shown.map(function (s) {
      var d = s.doc;
      return Promise.resolve(self.rows[d] || self.load(self.file("d", Math.floor(d / m.chunk))).then(function (rows) { return rows[d % m.chunk]; })).then(function (r) {
        return { url: r[1], title: r[2], summary: r[3] };
      });
    })).then(function (docs) {
      res.hits = docs.slice(0, hits.length);
      res.others = docs.slice(hits.length);
      return res;
    });
  };
  // counts returns the facets: per value the offers found that pass the other facets' filters
  // and have it (undefined until the facet table is loaded, or without the offers found).
  Engine.prototype.counts = function (res) {
    var m = this.meta, fd = res.cands ? this.fd : undefined, n = {}, ages = new Int32Array(m.maxAge + 2), any = 0, vals = [];
    var ps = m.facets.map(function (l) { n[l.param] = new Int32Array(l.values.length); return l.param; });
    for (var i = 0; fd && i < res.cands.length; i++) {
      var d = res.cands[i], f = res.active ? this.failed(res, d) : "", r = fd.alder[d], to = Math.min(r[1], m.maxAge);
      for (var q = 0; q < ps.length; q++) {
        if (f === "" || f === ps[q]) for (var vs = fd[ps[q]][d], c = n[ps[q]], j = 0; j < vs.length; j++) c[vs[j]]++;
      }
      if (f !== "" && f !== "alder") continue;
      if (!r.length) any++;
      else if (r[0] <= to) { ages[r[0]]++; ages[to + 1]--; }
    }
    var out = m.facets.map(function (l) {
      return { param: l.param, values: l.values.map(function (v, i) { return { id: v[0], label: v[1], count: fd && n[l.param][i] }; }) };
    });
    for (var a = 0, run = 0; a <= m.maxAge; a++) {
      run += ages[a];
      vals.push({ id: String(a), label: a + " år", count: fd && run + any });
    }
    out.push({ param: "alder", values: vals });
    return out;
  };

  if (typeof document === "undefined") {
    // Node: the parity tests
    globalThis.ViftenSearch = { stem: stem, Analyzer: Analyzer, Engine: Engine };
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
  var params = new URLSearchParams(location.search), state = {}, seq = 0, prefetched;
  Object.keys(names).forEach(function (p) { state[p] = params.getAll(p).filter(Boolean); });
  input.value = params.get("q") || "";
  // The filters stand open beside the results on wide screens, and when the address sets one.
  var wide = matchMedia("(min-width: 60rem)").matches;
  if (filtersEl && (wide || Object.keys(state).some(function (k) { return state[k].length; }))) filtersEl.open = true;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // highlight writes text into parent, the query's words in <mark>.
  function highlight(parent, text, terms) {
    var at = 0;
    engine.an.analyze(text).filter(function (t) { return terms.has(t.term); }).forEach(function (t) {
      if (t.s < at) return;
      parent.append(text.slice(at, t.s), el("mark", {}, text.slice(t.s, t.e)));
      at = t.e;
    });
    parent.append(text.slice(at));
  }

  // renderFacets builds the filters from meta.json, before the first results, then updates
  // counts (fixed width: no reflow) and states in place, so focus and screen-reader position stay.
  var controls = {};
  function renderFacets(facets) {
    if (!facetBox) return;
    var build = !facetBox.firstChild, count = function (v) { return v.count >= 0 ? "(" + v.count + ")" : ""; };
    // site.css
    if (build) facetBox.style.setProperty("--count-width", String(engine.meta.offers).length + 2 + "ch");
    facets.forEach(function (f) {
      // a facet no offer has
      if (!f.values.length) return;
      var fs = build && facetBox.appendChild(el("fieldset", { class: "facet" }));
      if (build) fs.appendChild(el("legend", {}, names[f.param]));
      if (f.param === "alder") {
        if (build) {
          controls.alder = fs.appendChild(el("select", { id: "f-alder", name: "alder", "aria-label": names.alder }));
          controls.alder.appendChild(el("option", { value: "" }, "Alle aldre"));
          f.values.forEach(function (v) { controls.alder.appendChild(el("option", { value: v.id })); });
        }
        f.values.forEach(function (v, i) { controls.alder.options[i + 1].textContent = (v.label + " " + count(v)).trim(); });
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
        document.getElementById(id).checked = (state[f.param] || []).indexOf(v.id) >= 0;
        controls[id].textContent = count(v);
      });
    });
  }

  function renderHits(list, box, terms) {
    box.textContent = "";
    list.forEach(function (h) {
      var li = box.appendChild(el("li", { class: "card" }));
      li.appendChild(el("h3")).appendChild(el("a", { href: h.url }, h.title));
      highlight(li.appendChild(el("p", { class: "summary" })), h.summary || "", terms);
    });
  }

  // address returns the query string of the search as it stands.
  function address() {
    var p = new URLSearchParams();
    if (input.value.trim()) p.set("q", input.value);
    Object.keys(state).forEach(function (k) { state[k].forEach(function (v) { p.append(k, v); }); });
    return p.toString();
  }
  // remember writes the search into the address, after the frame that shows its results:
  // the browser's work on a new address (history, icon) does not delay them.
  function remember() {
    requestAnimationFrame(function () {
      setTimeout(function () {
        var qs = address();
        if (location.search.slice(1) !== qs) history.replaceState(null, "", location.pathname + (qs ? "?" + qs : ""));
      });
    });
  }

  function run() {
    var q = input.value, my = ++seq, qs = address();
    var active = Object.keys(state).some(function (k) { return state[k].length; });
    if (!q.trim() && !active) {
      results.textContent = "";
      if (othersBox) othersBox.hidden = true;
      status.textContent = "Skriv, hvad du søger, eller vælg et filter.";
    }
    var size = q.trim() || active ? pageSize : 0;
    engine.search(q, state, size).then(function (res) {
      if (my !== seq) return;
      var terms = new Set(res.terms), counts = function () {
        if (my === seq) renderFacets(res.facets = engine.counts(res));
      };
      // a filter is set: the facet table is loaded
      if (res.active) counts();
      if (size) {
        renderHits(res.hits, results, terms);
        var msg = (res.total || "Ingen") + " tilbud fundet.";
        if (res.total > res.hits.length) msg += " Viser de første " + res.hits.length + ".";
        if (res.age !== null) msg += " Kun tilbud til " + res.age + "-årige.";
        status.textContent = msg;
        // which address the status answers (tests wait for it)
        status.setAttribute("data-answered", qs);
        if (othersBox) {
          othersBox.hidden = !res.others.length;
          renderHits(res.others, othersBox.querySelector("ul"), terms);
        }
      }
      remember();
      // Else the counts follow once the facet table is loaded.
      (window.requestIdleCallback || setTimeout)(function () {
        var ready = prefetched = prefetched || engine.prefetch();
        // no facet table: counts without numbers
        res.all.then(function () { ready.then(res.facets ? null : counts, counts); });
        if (my === seq) engine.ahead(q);
      }, { timeout: 200 });
    }, function () {
      remember();
      if (my === seq) status.textContent = "Søgningen kunne ikke gennemføres. Prøv igen, eller find tilbuddene under Emner og Alder.";
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
  // An open filter panel fills above the results on a phone, pushing them down: they stay
  // hidden till a frame after it is built. Side by side (wide screens) nothing moves.
  var col = results.parentNode.style, show = function () { col.visibility = ""; };
  if (filtersEl && filtersEl.open && !wide) col.visibility = "hidden";
  engine.init().then(function () {
    renderFacets(engine.counts({}));
    requestAnimationFrame(function () { setTimeout(show); });
  }, show);
  run();
})();
