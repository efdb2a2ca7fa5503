// A QR code encoder for the Min liste share link, so that a professional in a meeting can hand a
// family the list by letting them scan the screen or the printed page. It runs in the browser
// only: the link is never sent anywhere to be turned into an image.
//
// It follows ISO/IEC 18004: byte mode (UTF-8), error correction level M (about 15 % of the code
// may be damaged), the smallest version 1–40 that holds the text, Reed–Solomon codes over
// GF(256), and the mask with the lowest penalty. The result is an SVG element.
// TestMyListQR (internal/browser) decodes the drawn code with zbarimg and compares it with the link.
(function () {
  "use strict";

  // Level M, versions 1–40: error correction codewords per block, and the number of blocks.
  var EC_PER_BLOCK = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
    26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28];
  var BLOCKS = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
    17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49];
  var LEVEL_M = 0; // the two format bits of level M

  // GF(256) with the polynomial x^8 + x^4 + x^3 + x^2 + 1.
  var EXP = new Array(512), LOG = new Array(256);
  (function () {
    var x = 1;
    for (var i = 0; i < 255; i++) {
      EXP[i] = x;
      LOG[x] = i;
      x <<= 1;
      if (x & 0x100) x ^= 0x11d;
    }
    for (i = 255; i < 512; i++) EXP[i] = EXP[i - 255];
  })();
  function mul(a, b) { return a && b ? EXP[LOG[a] + LOG[b]] : 0; }

  // generator returns the coefficients of (x - α^0)(x - α^1)…(x - α^(n-1)), highest first.
  function generator(n) {
    var g = [1];
    for (var i = 0; i < n; i++) {
      var next = new Array(g.length + 1).fill(0);
      for (var j = 0; j < g.length; j++) {
        next[j] ^= g[j];
        next[j + 1] ^= mul(g[j], EXP[i]);
      }
      g = next;
    }
    return g;
  }
  // remainder returns the n error correction codewords of data.
  function remainder(data, n) {
    var g = generator(n), r = new Array(n).fill(0);
    data.forEach(function (d) {
      var f = d ^ r.shift();
      r.push(0);
      for (var i = 0; i < n; i++) r[i] ^= mul(g[i + 1], f);
    });
    return r;
  }

  function rawModules(v) {
    var n = (16 * v + 128) * v + 64;
    if (v >= 2) {
      var a = Math.floor(v / 7) + 2;
      n -= (25 * a - 10) * a - 55;
      if (v >= 7) n -= 36;
    }
    return n;
  }
  function dataCodewords(v) {
    return Math.floor(rawModules(v) / 8) - EC_PER_BLOCK[v - 1] * BLOCKS[v - 1];
  }
  function alignment(v) {
    if (v === 1) return [];
    var n = Math.floor(v / 7) + 2, size = v * 4 + 17;
    var step = v === 32 ? 26 : Math.ceil((v * 4 + 4) / (n * 2 - 2)) * 2;
    var pos = [6];
    for (var p = size - 7; pos.length < n; p -= step) pos.splice(1, 0, p);
    return pos;
  }

  // codewords returns the final, interleaved sequence of data and error correction codewords.
  function codewords(bytes, v) {
    var bits = [];
    function put(value, n) { for (var i = n - 1; i >= 0; i--) bits.push((value >>> i) & 1); }
    put(4, 4); // byte mode
    put(bytes.length, v < 10 ? 8 : 16);
    bytes.forEach(function (b) { put(b, 8); });
    var capacity = dataCodewords(v) * 8;
    put(0, Math.min(4, capacity - bits.length));
    put(0, (8 - bits.length % 8) % 8);
    for (var pad = 0xec; bits.length < capacity; pad ^= 0xec ^ 0x11) put(pad, 8);
    var data = [];
    for (var i = 0; i < bits.length; i += 8) {
      var b = 0;
      for (var j = 0; j < 8; j++) b = (b << 1) | bits[i + j];
      data.push(b);
    }
    var nBlocks = BLOCKS[v - 1], ecLen = EC_PER_BLOCK[v - 1];
    var raw = Math.floor(rawModules(v) / 8), shortLen = Math.floor(raw / nBlocks);
    var nShort = nBlocks - raw % nBlocks, blocks = [], k = 0;
    for (i = 0; i < nBlocks; i++) {
      var dlen = shortLen - ecLen + (i < nShort ? 0 : 1);
      var d = data.slice(k, k + dlen);
      k += dlen;
      blocks.push({ data: d, ec: remainder(d, ecLen) });
    }
    var out = [];
    for (i = 0; i <= shortLen - ecLen; i++) {
      blocks.forEach(function (bl) { if (i < bl.data.length) out.push(bl.data[i]); });
    }
    for (i = 0; i < ecLen; i++) blocks.forEach(function (bl) { out.push(bl.ec[i]); });
    return out;
  }

  // bch returns value with its BCH check bits appended, for format and version information.
  function bch(value, poly, n) {
    var deg = Math.floor(Math.log2(poly)), r = value << deg;
    for (var i = n + deg - 1; i >= deg; i--) if ((r >>> i) & 1) r ^= poly << (i - deg);
    return (value << deg) | r;
  }

  var MASKS = [
    function (r, c) { return (r + c) % 2 === 0; },
    function (r) { return r % 2 === 0; },
    function (r, c) { return c % 3 === 0; },
    function (r, c) { return (r + c) % 3 === 0; },
    function (r, c) { return (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0; },
    function (r, c) { return (r * c) % 2 + (r * c) % 3 === 0; },
    function (r, c) { return ((r * c) % 2 + (r * c) % 3) % 2 === 0; },
    function (r, c) { return ((r + c) % 2 + (r * c) % 3) % 2 === 0; }
  ];

  function Grid(v) {
    this.size = v * 4 + 17;
    this.dark = [];
    this.fixed = [];
    for (var i = 0; i < this.size; i++) {
      this.dark.push(new Array(this.size).fill(false));
      this.fixed.push(new Array(this.size).fill(false));
    }
  }
  Grid.prototype.set = function (r, c, on) { this.dark[r][c] = on; this.fixed[r][c] = true; };

  function functionPatterns(g, v) {
    var n = g.size, i, dr, dc;
    for (i = 0; i < n; i++) { g.set(6, i, i % 2 === 0); g.set(i, 6, i % 2 === 0); } // timing
    [[3, 3], [3, n - 4], [n - 4, 3]].forEach(function (p) { // finders with their separators
      for (dr = -4; dr <= 4; dr++) {
        for (dc = -4; dc <= 4; dc++) {
          var r = p[0] + dr, c = p[1] + dc, d = Math.max(Math.abs(dr), Math.abs(dc));
          if (r >= 0 && r < n && c >= 0 && c < n) g.set(r, c, d !== 2 && d !== 4);
        }
      }
    });
    var pos = alignment(v);
    pos.forEach(function (r, a) {
      pos.forEach(function (c, b) {
        if ((a === 0 && b === 0) || (a === 0 && b === pos.length - 1) || (a === pos.length - 1 && b === 0)) return;
        for (dr = -2; dr <= 2; dr++) {
          for (dc = -2; dc <= 2; dc++) g.set(r + dr, c + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
        }
      });
    });
    formatBits(g, 0); // reserve the format areas; drawn for real once the mask is chosen
    if (v >= 7) {
      var bits = bch(v, 0x1f25, 6);
      for (i = 0; i < 18; i++) {
        var on = ((bits >>> i) & 1) === 1, a2 = n - 11 + i % 3, b2 = Math.floor(i / 3);
        g.set(a2, b2, on);
        g.set(b2, a2, on);
      }
    }
  }

  // formatBits draws the level and mask, twice: around the top-left finder, and split between
  // the other two. Bit 14 is the most significant.
  function formatBits(g, mask) {
    var bits = bch((LEVEL_M << 3) | mask, 0x537, 5) ^ 0x5412, n = g.size, i;
    function bit(k) { return ((bits >>> k) & 1) === 1; }
    for (i = 0; i <= 5; i++) g.set(i, 8, bit(i));
    g.set(7, 8, bit(6));
    g.set(8, 8, bit(7));
    g.set(8, 7, bit(8));
    for (i = 9; i < 15; i++) g.set(8, 14 - i, bit(i));
    for (i = 0; i < 8; i++) g.set(8, n - 1 - i, bit(i));
    for (i = 8; i < 15; i++) g.set(n - 15 + i, 8, bit(i));
    g.set(n - 8, 8, true); // the dark module
  }

  function placeData(g, cw) {
    var n = g.size, k = 0, total = cw.length * 8;
    for (var right = n - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      for (var vert = 0; vert < n; vert++) {
        for (var j = 0; j < 2; j++) {
          var c = right - j, upward = ((right + 1) & 2) === 0, r = upward ? n - 1 - vert : vert;
          if (g.fixed[r][c]) continue;
          g.dark[r][c] = k < total && ((cw[k >>> 3] >>> (7 - (k & 7))) & 1) === 1;
          k++;
        }
      }
    }
  }

  function applyMask(g, m) {
    for (var r = 0; r < g.size; r++) {
      for (var c = 0; c < g.size; c++) if (!g.fixed[r][c] && MASKS[m](r, c)) g.dark[r][c] = !g.dark[r][c];
    }
  }

  // penalty scores a masked code by the four rules of the standard; the lowest wins.
  function penalty(g) {
    var n = g.size, score = 0, r, c, dark = 0;
    function line(get) {
      var s = 0, run = 1, seq = [];
      for (var i = 0; i < n; i++) seq.push(get(i));
      for (i = 1; i <= n; i++) {
        if (i < n && seq[i] === seq[i - 1]) { run++; continue; }
        if (run >= 5) s += run - 2;
        run = 1;
      }
      var str = seq.map(function (x) { return x ? "1" : "0"; }).join("");
      [/(?=10111010000)/g, /(?=00001011101)/g].forEach(function (re) { s += 40 * (str.match(re) || []).length; });
      return s;
    }
    for (r = 0; r < n; r++) {
      score += line(function (i) { return g.dark[r][i]; });
      score += line(function (i) { return g.dark[i][r]; });
    }
    for (r = 0; r < n - 1; r++) {
      for (c = 0; c < n - 1; c++) {
        var x = g.dark[r][c];
        if (x === g.dark[r][c + 1] && x === g.dark[r + 1][c] && x === g.dark[r + 1][c + 1]) score += 3;
      }
    }
    for (r = 0; r < n; r++) for (c = 0; c < n; c++) if (g.dark[r][c]) dark++;
    return score + Math.floor(Math.abs(dark * 20 - n * n * 10) / (n * n)) * 10;
  }

  function utf8(text) {
    return Array.prototype.slice.call(new TextEncoder().encode(text));
  }

  // encode returns the modules of the QR code of text: an array of rows of booleans (dark).
  function encode(text) {
    var bytes = utf8(text), v;
    for (v = 1; v <= 40; v++) {
      if (4 + (v < 10 ? 8 : 16) + bytes.length * 8 <= dataCodewords(v) * 8) break;
    }
    if (v > 40) throw new Error("teksten er for lang til en QR-kode");
    var cw = codewords(bytes, v), best = null, bestScore = Infinity;
    for (var m = 0; m < 8; m++) {
      var g = new Grid(v);
      functionPatterns(g, v);
      placeData(g, cw);
      applyMask(g, m);
      formatBits(g, m);
      var s = penalty(g);
      if (s < bestScore) { best = g; bestScore = s; }
    }
    return best.dark;
  }

  // svg draws the modules with a quiet zone of four modules, dark on white whatever the theme.
  function svg(modules, label) {
    var NS = "http://www.w3.org/2000/svg", n = modules.length, q = 4, d = [];
    modules.forEach(function (row, r) {
      row.forEach(function (on, c) { if (on) d.push("M" + (c + q) + "," + (r + q) + "h1v1h-1z"); });
    });
    var s = document.createElementNS(NS, "svg");
    s.setAttribute("viewBox", "0 0 " + (n + 2 * q) + " " + (n + 2 * q));
    s.setAttribute("role", "img");
    s.setAttribute("aria-label", label);
    s.setAttribute("shape-rendering", "crispEdges");
    var bg = document.createElementNS(NS, "rect");
    bg.setAttribute("width", "100%");
    bg.setAttribute("height", "100%");
    bg.setAttribute("fill", "#fff");
    var p = document.createElementNS(NS, "path");
    p.setAttribute("d", d.join(""));
    p.setAttribute("fill", "#000");
    s.appendChild(bg);
    s.appendChild(p);
    return s;
  }

  window.tilbudsviftenQR = { encode: encode, svg: svg };
  document.dispatchEvent(new Event("tilbudsviften:qr"));
})();
