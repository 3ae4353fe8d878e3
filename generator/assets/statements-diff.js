/* The diff engine of generator/diff/, ported to the browser for the compare page.

   Same input (each version's blocks, as the build writes them), same steps, same output HTML:
   difflib.SequenceMatcher (autojunk=False, same tie-breaking), block alignment, moves, pairing of
   modified blocks, the word redline with balanced inline elements, and the inline and side-by-side
   renderers. Where Python counts characters, code points are counted here too, and whitespace is
   Python's (str.isspace), not JavaScript's. Keep this file in step with generator/diff/: the
   browser suite compares both on every pair of versions. */
(function (root) {
  "use strict";

  // --- Python string semantics -------------------------------------------------------------------

  var WS = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  var IS_WS = new RegExp("^[" + WS + "]$");
  var ALL_WS = new RegExp("^[" + WS + "]+$");
  var WS_RUN = new RegExp("[" + WS + "]+", "g");
  var LEAD_WS = new RegExp("^[" + WS + "]*");

  function isSpace(c) { return IS_WS.test(c); }
  function pyIsSpace(s) { return s.length > 0 && ALL_WS.test(s); }
  function pySplit(s) { return s.split(WS_RUN).filter(function (w) { return w !== ""; }); }

  /* Scripts written without spaces between words (Chinese, Japanese): each character is a word of
     its own, as generator/diff/tokens.py's CJK class says (the Basic Multilingual Plane's). */
  var CJK = "\\u2e80-\\u2fdf\\u3001-\\u303f\\u3040-\\u30ff\\u3100-\\u312f\\u3190-\\u31ff" +
    "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef";
  var CJK_CHAR = new RegExp("[" + CJK + "]");
  var COUNTED = new RegExp("[" + CJK + "]|[^" + WS + CJK + "]+", "g");
  function hasCjk(s) { return CJK_CHAR.test(s); }
  function wordsOf(s) { return CJK_CHAR.test(s) ? (s.match(COUNTED) || []) : pySplit(s); }
  function cpLen(s) { // Python's len(): code points, not UTF-16 units
    var n = s.length;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        var d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { n--; i++; }
      }
    }
    return n;
  }
  var decoder = null;
  function unescapeHtml(s) {
    if (s.indexOf("&") < 0) return s;
    if (typeof document !== "undefined") {
      decoder = decoder || document.createElement("textarea");
      decoder.innerHTML = s;
      return decoder.value;
    }
    return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
  }
  function esc(text) { // html.escape(text, quote=True)
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  }

  // --- difflib.SequenceMatcher(isjunk, a, b, autojunk=False) ------------------------------------------

  function SequenceMatcher(a, b, isjunk) {
    this.a = a;
    this.b = b;
    this.b2j = new Map();
    for (var i = 0; i < b.length; i++) {
      var list = this.b2j.get(b[i]);
      if (list === undefined) { list = []; this.b2j.set(b[i], list); }
      list.push(i);
    }
    this.bjunk = new Set();
    if (isjunk) {
      var self = this;
      this.b2j.forEach(function (_, elt) { if (isjunk(elt)) self.bjunk.add(elt); });
      this.bjunk.forEach(function (elt) { self.b2j.delete(elt); });
    }
    this.matchingBlocks = null;
    this.opcodes = null;
  }

  SequenceMatcher.prototype.findLongestMatch = function (alo, ahi, blo, bhi) {
    var a = this.a, b = this.b, b2j = this.b2j;
    var besti = alo, bestj = blo, bestsize = 0;
    var j2len = new Map();
    for (var i = alo; i < ahi; i++) {
      var newj2len = new Map();
      var js = b2j.get(a[i]);
      if (js !== undefined) {
        for (var x = 0; x < js.length; x++) {
          var j = js[x];
          if (j < blo) continue;
          if (j >= bhi) break;
          var k = (j2len.get(j - 1) || 0) + 1;
          newj2len.set(j, k);
          if (k > bestsize) { besti = i - k + 1; bestj = j - k + 1; bestsize = k; }
        }
      }
      j2len = newj2len;
    }
    // Extend over equal non-junk elements, then suck up the matching junk on each side, as difflib does.
    var junk = this.bjunk;
    while (besti > alo && bestj > blo && !junk.has(b[bestj - 1]) && a[besti - 1] === b[bestj - 1]) {
      besti--; bestj--; bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && !junk.has(b[bestj + bestsize]) && a[besti + bestsize] === b[bestj + bestsize]) {
      bestsize++;
    }
    while (besti > alo && bestj > blo && junk.has(b[bestj - 1]) && a[besti - 1] === b[bestj - 1]) {
      besti--; bestj--; bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && junk.has(b[bestj + bestsize]) && a[besti + bestsize] === b[bestj + bestsize]) {
      bestsize++;
    }
    return [besti, bestj, bestsize];
  };

  SequenceMatcher.prototype.getMatchingBlocks = function () {
    if (this.matchingBlocks) return this.matchingBlocks;
    var la = this.a.length, lb = this.b.length;
    var queue = [[0, la, 0, lb]];
    var blocks = [];
    while (queue.length) {
      var q = queue.pop();
      var alo = q[0], ahi = q[1], blo = q[2], bhi = q[3];
      var m = this.findLongestMatch(alo, ahi, blo, bhi);
      var i = m[0], j = m[1], k = m[2];
      if (k) {
        blocks.push(m);
        if (alo < i && blo < j) queue.push([alo, i, blo, j]);
        if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
      }
    }
    blocks.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; });
    var i1 = 0, j1 = 0, k1 = 0, nonAdjacent = [];
    blocks.forEach(function (blk) {
      if (i1 + k1 === blk[0] && j1 + k1 === blk[1]) {
        k1 += blk[2];
      } else {
        if (k1) nonAdjacent.push([i1, j1, k1]);
        i1 = blk[0]; j1 = blk[1]; k1 = blk[2];
      }
    });
    if (k1) nonAdjacent.push([i1, j1, k1]);
    nonAdjacent.push([la, lb, 0]);
    this.matchingBlocks = nonAdjacent;
    return nonAdjacent;
  };

  SequenceMatcher.prototype.getOpcodes = function () {
    if (this.opcodes) return this.opcodes;
    var i = 0, j = 0, answer = [];
    this.getMatchingBlocks().forEach(function (m) {
      var ai = m[0], bj = m[1], size = m[2], tag = "";
      if (i < ai && j < bj) tag = "replace";
      else if (i < ai) tag = "delete";
      else if (j < bj) tag = "insert";
      if (tag) answer.push([tag, i, ai, j, bj]);
      i = ai + size; j = bj + size;
      if (size) answer.push(["equal", ai, i, bj, j]);
    });
    this.opcodes = answer;
    return answer;
  };

  SequenceMatcher.prototype.ratio = function () {
    var matches = this.getMatchingBlocks().reduce(function (sum, m) { return sum + m[2]; }, 0);
    var total = this.a.length + this.b.length;
    return total ? 2.0 * matches / total : 1.0;
  };

  // --- blocks ----------------------------------------------------------------------------------------

  var MODIFIED_SIMILARITY = 0.5, MOVED_SIMILARITY = 0.6, MOVED_MIN_WORDS = 4;
  var REGION_PAIR_LIMIT = 2500, REWRITE_SIMILARITY = 0.4, RARE_WORD_BLOCKS = 4, MOVE_CANDIDATES = 4;
  var CROWD_STEPS = 2000000, CROWD_COPIES = 50;

  /* Linear, greedy alignment of a region: equal keys in order, one-step lookahead to resynchronise. */
  function resync(a, b, i, i2, j, j2) {
    var ops = [];
    function add(tag, di, dj) {
      var last = ops[ops.length - 1];
      if (last && last[0] === tag) { last[2] += di; last[4] += dj; }
      else ops.push([tag, i, i + di, j, j + dj]);
    }
    while (i < i2 && j < j2) {
      if (a[i] === b[j]) { add("equal", 1, 1); i++; j++; }
      else if (i + 1 < i2 && j + 1 < j2 && a[i + 1] === b[j + 1]) { add("replace", 1, 1); i++; j++; }
      else if (j + 1 < j2 && a[i] === b[j + 1]) { add("insert", 0, 1); j++; }
      else if (i + 1 < i2 && a[i + 1] === b[j]) { add("delete", 1, 0); i++; }
      else { add("replace", 1, 1); i++; j++; }
    }
    if (i < i2 || j < j2) add(i < i2 && j < j2 ? "replace" : (i < i2 ? "delete" : "insert"), i2 - i, j2 - j);
    return ops;
  }

  /* A junk test for keys so frequent that aligning on them would be quadratic, or null. */
  function crowd(a, b) {
    var counts = new Map(), steps = 0;
    b.forEach(function (key) { counts.set(key, (counts.get(key) || 0) + 1); });
    a.forEach(function (key) { steps += counts.get(key) || 0; });
    if (steps <= CROWD_STEPS) return null;
    var crowded = new Set();
    counts.forEach(function (n, key) { if (n > CROWD_COPIES) crowded.add(key); });
    return function (key) { return crowded.has(key); };
  }

  var START_NAME = /^<([a-zA-Z][\w:-]*)/;
  function blockTag(block) {
    var m = START_NAME.exec(block.html);
    return m ? m[1].toLowerCase() : "";
  }

  var NAME = new RegExp("^<[" + WS + "]*/?[" + WS + "]*([a-zA-Z][\\w:-]*)");
  function tagName(start) {
    var m = NAME.exec(start);
    return m ? m[1].toLowerCase() : "";
  }

  var LINK = new RegExp("[" + WS + "](?:href|src)[" + WS + "]*=[" + WS + "]*(?:\"([^\"]*)\"|'([^']*)')", "g");
  function links(html) {
    if (html.indexOf("href") < 0 && html.indexOf("src") < 0) return "[]";
    var out = [];
    html.replace(LINK, function (_, d, s) { out.push([d === undefined ? "" : d, s === undefined ? "" : s]); return _; });
    return JSON.stringify(out);
  }

  // render.fold_key: the alignment key of a block's text (needed here for renumbered headings).
  var FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u200b": "", "\u00ad": "", "\u2026": "...",
  };
  var FOLD_CHARS = new RegExp("[" + Object.keys(FOLD).join("") + "]", "g");
  var WORD_CHAR = "[\\p{L}\\p{N}_]";  // Python's \w
  var EMPHASIS_MARKS = new RegExp("(?<!" + WORD_CHAR + ")[*_~]+|[*_~]+(?!" + WORD_CHAR + ")", "gu");
  var LIST_MARK = new RegExp("^(?:[-*+\\u2022]|\\p{Nd}+[.)])[" + WS + "]+", "u");
  var LIST_MARK_START = "-*+\u20220123456789";
  var LONE_MARK = / [-+\u2022](?= )/g;
  function foldKey(text) {
    var key = text.replace(FOLD_CHARS, function (c) { return FOLD[c]; });
    if (key.indexOf("--") >= 0) key = key.replace(/-{2,3}/g, "-");
    if (/[*_~]/.test(key)) key = key.replace(EMPHASIS_MARKS, "");
    key = pySplit(key).join(" ");
    if (key && LIST_MARK_START.indexOf(key.charAt(0)) >= 0) key = key.replace(LIST_MARK, "");
    if (key.indexOf(" - ") >= 0 || key.indexOf(" + ") >= 0 || key.indexOf("\u2022") >= 0) key = key.replace(LONE_MARK, "");
    return key;
  }

  var NUMBER = new RegExp("^[" + WS + "]*(\\p{Nd}+[.)])[" + WS + "]", "u");
  function wording(text) { // a reader's comparison: the key, but a leading number still counts
    var m = NUMBER.exec(text);
    return m ? m[1] + " " + foldKey(text.slice(m[0].length)) : foldKey(text);
  }

  function sourceForm(source) { return source === null || source === undefined ? null : pySplit(source).join(" "); }

  function equalKind(o, n) {
    if (o.html === n.html) {
      if (o.source == null || n.source == null || o.source === n.source) return null;
      return sourceForm(o.source) === sourceForm(n.source) ? null : "formatting";
    }
    if (links(o.html) !== links(n.html)) return "modified";
    if (o.text !== n.text && wording(o.text) !== wording(n.text)) return "modified";  // a renumbered heading or item
    if (o.kind !== n.kind || o.level !== n.level) return "formatting";
    if (o.text === n.text && stripIds(o.html) === stripIds(n.html)) return null;
    return "formatting";
  }

  function wordset(block) { return new Set(wordsOf(block.key)); }

  function similarity(a, b) {
    if (!a.size || !b.size) return (a.size === 0 && b.size === 0) ? 1.0 : 0.0;
    var small = a.size <= b.size ? a : b, big = small === a ? b : a, common = 0;
    small.forEach(function (w) { if (big.has(w)) common++; });
    return 2.0 * common / (a.size + b.size);
  }

  function cachedSet(sets, side, i, block) {
    var key = side + i, s = sets.get(key);
    if (s === undefined) { s = wordset(block); sets.set(key, s); }
    return s;
  }

  function cpCommon(a, b, fromEnd) {  // common prefix (or suffix) length, in code points
    var x = Array.from(a), y = Array.from(b), n = Math.min(x.length, y.length), i = 0;
    if (fromEnd) { while (i < n && x[x.length - 1 - i] === y[y.length - 1 - i]) i++; }
    else { while (i < n && x[i] === y[i]) i++; }
    return i;
  }

  function pairRegion(olds, news, old, neu, sets) {
    var n = olds.length, m = news.length, a, b;
    if (n === 1 && m === 1) {
      var oi = olds[0], nj = news[0];
      if (old[oi].kind !== neu[nj].kind) return [];
      var ka = old[oi].key, kb = neu[nj].key, longest = Math.max(cpLen(ka), cpLen(kb));
      // most edits leave the head and tail of a block alone: that alone proves it similar
      if (longest && cpCommon(ka, kb, false) + cpCommon(ka, kb, true) >= 0.8 * longest) return [[oi, nj]];
      return similarity(wordset(old[oi]), wordset(neu[nj])) >= MODIFIED_SIMILARITY ? [[oi, nj]] : [];
    }
    var sim = [];
    for (a = 0; a < n; a++) {
      var ob = old[olds[a]], sa = cachedSet(sets, "o", olds[a], ob), row = new Array(m).fill(0.0);
      for (b = 0; b < m; b++) {
        var nb = neu[news[b]];
        if (nb.kind !== ob.kind) continue;
        row[b] = similarity(sa, cachedSet(sets, "n", news[b], nb));
      }
      sim.push(row);
    }
    var best = [];
    for (a = 0; a <= n; a++) best.push(new Array(m + 1).fill(0.0));
    for (a = n - 1; a >= 0; a--) {
      var brow = best[a], below = best[a + 1], srow = sim[a];
      for (b = m - 1; b >= 0; b--) {
        var value = below[b] > brow[b + 1] ? below[b] : brow[b + 1];
        var s = srow[b];
        if (s >= MODIFIED_SIMILARITY && below[b + 1] + s > value) value = below[b + 1] + s;
        brow[b] = value;
      }
    }
    var pairs = [];
    a = 0; b = 0;
    while (a < n && b < m) {
      var s2 = sim[a][b];
      if (s2 >= MODIFIED_SIMILARITY && Math.abs(best[a][b] - (best[a + 1][b + 1] + s2)) < 1e-9) {
        pairs.push([olds[a], news[b]]); a++; b++;
      } else if (best[a][b] === best[a + 1][b]) {
        a++;
      } else {
        b++;
      }
    }
    return pairs;
  }

  function similarMoves(oldLeft, newLeft, old, neu, sets, regionOf) {
    var index = new Map();
    oldLeft.forEach(function (i) {
      var s = cachedSet(sets, "o", i, old[i]);
      if (s.size >= MOVED_MIN_WORDS) s.forEach(function (w) {
        var list = index.get(w);
        if (!list) { list = []; index.set(w, list); }
        list.push(i);
      });
    });
    var rare = new Map();
    index.forEach(function (holders, w) { if (holders.length <= RARE_WORD_BLOCKS) rare.set(w, holders); });
    if (!rare.size) return [];
    var taken = new Set(), pairs = [];
    newLeft.forEach(function (j) {
      var s = cachedSet(sets, "n", j, neu[j]);
      if (s.size < MOVED_MIN_WORDS) return;
      var counts = new Map();
      s.forEach(function (w) {
        var holders = rare.get(w);
        if (holders !== undefined) holders.forEach(function (i) { counts.set(i, (counts.get(i) || 0) + 1); });
      });
      if (!counts.size) return;
      // Most shared rare words first; equal counts in block order (Python orders those by set hashing).
      var ranked = Array.from(counts.entries()).sort(function (x, y) { return y[1] - x[1] || x[0] - y[0]; }).slice(0, MOVE_CANDIDATES);
      var best = 0.0, bestI = -1;
      ranked.forEach(function (entry) {
        var i = entry[0];
        if (taken.has(i) || old[i].kind !== neu[j].kind || regionOf.get("o" + i) === regionOf.get("n" + j)) return;
        var score = similarity(sets.get("o" + i), s);
        if (score > best) { best = score; bestI = i; }
      });
      if (best >= MOVED_SIMILARITY) { taken.add(bestI); pairs.push([bestI, j]); }
    });
    return pairs;
  }

  /** Compare two block sequences (as diff.diff_blocks): align, find moves, pair modified blocks, redline words. */
  function diffBlocks(old, neu) {
    var nOld = old.length, nNew = neu.length;
    var okeys = old.map(function (b) { return b.key; }), nkeys = neu.map(function (b) { return b.key; });
    var head = 0, limit = Math.min(nOld, nNew);
    while (head < limit && okeys[head] === nkeys[head]) head++;
    var tail = 0;
    while (tail < limit - head && okeys[nOld - 1 - tail] === nkeys[nNew - 1 - tail]) tail++;
    var opcodes = [];
    if (head) opcodes.push(["equal", 0, head, 0, head]);
    if (head < nOld - tail || head < nNew - tail) {
      var aKeys = okeys.slice(head, nOld - tail), bKeys = nkeys.slice(head, nNew - tail);
      var crowded = crowd(aKeys, bKeys);
      new SequenceMatcher(aKeys, bKeys, crowded).getOpcodes().forEach(function (op) {
        if (crowded !== null && op[0] === "replace") {
          // repeated blocks the matcher could not place: line them up in order instead
          resync(okeys, nkeys, op[1] + head, op[2] + head, op[3] + head, op[4] + head).forEach(function (r) { opcodes.push(r); });
        } else {
          opcodes.push([op[0], op[1] + head, op[2] + head, op[3] + head, op[4] + head]);
        }
      });
    }
    if (tail) opcodes.push(["equal", nOld - tail, nOld, nNew - tail, nNew]);

    var oldMatch = new Map(), newMatch = new Map();
    var regions = opcodes.filter(function (op) { return op[0] !== "equal"; });
    var sets = new Map();
    var i, j;

    // 1. the same text elsewhere: moved
    var byKey = new Map();
    regions.forEach(function (op) {
      for (var i = op[1]; i < op[2]; i++) if (okeys[i]) {
        var list = byKey.get(okeys[i]);
        if (!list) { list = []; byKey.set(okeys[i], list); }
        list.push(i);
      }
    });
    if (byKey.size) {
      var cursor = new Map();
      regions.forEach(function (op) {
        for (var j = op[3]; j < op[4]; j++) {
          var candidates = byKey.get(nkeys[j]);
          if (candidates) {
            var k = cursor.get(nkeys[j]) || 0;
            if (k < candidates.length) {
              cursor.set(nkeys[j], k + 1);
              var i = candidates[k];
              oldMatch.set(i, ["moved", j]);
              newMatch.set(j, ["moved", i]);
            }
          }
        }
      });
    }

    // 2. similar blocks in one replaced region: modified
    var syncsOf = new Map();
    regions.forEach(function (op) {
      var olds = [], news = [], x;
      for (x = op[1]; x < op[2]; x++) if (!oldMatch.has(x)) olds.push(x);
      for (x = op[3]; x < op[4]; x++) if (!newMatch.has(x)) news.push(x);
      if (olds.length && news.length && olds.length * news.length <= REGION_PAIR_LIMIT) {
        var pairs = pairRegion(olds, news, old, neu, sets);
        syncsOf.set(op[1], pairs);
        pairs.forEach(function (p) {
          oldMatch.set(p[0], ["modified", p[1]]);
          newMatch.set(p[1], ["modified", p[0]]);
        });
      }
    });

    // 3. nearly the same text in another region: moved and edited
    var oldLeft = [], newLeft = [];
    regions.forEach(function (op) {
      var x;
      for (x = op[1]; x < op[2]; x++) if (!oldMatch.has(x)) oldLeft.push(x);
      for (x = op[3]; x < op[4]; x++) if (!newMatch.has(x)) newLeft.push(x);
    });
    if (oldLeft.length && newLeft.length) {
      var regionOf = new Map();
      regions.forEach(function (op, r) {
        var x;
        for (x = op[1]; x < op[2]; x++) regionOf.set("o" + x, r);
        for (x = op[3]; x < op[4]; x++) regionOf.set("n" + x, r);
      });
      similarMoves(oldLeft, newLeft, old, neu, sets, regionOf).forEach(function (p) {
        oldMatch.set(p[0], ["moved", p[1]]);
        newMatch.set(p[1], ["moved", p[0]]);
      });
    }

    // Runs of blocks moved together share one move number, in new-document order.
    var moveOfNew = new Map(), moveFirstOld = new Map();
    var previous = [-2, -2], number = 0;
    Array.from(newMatch.keys()).filter(function (j) { return newMatch.get(j)[0] === "moved"; }).sort(function (x, y) { return x - y; }).forEach(function (j) {
      var i = newMatch.get(j)[1];
      if (!(j === previous[1] + 1 && i === previous[0] + 1)) { number++; moveFirstOld.set(number, i); }
      moveOfNew.set(j, number);
      previous = [i, j];
    });
    var moveOfOld = new Map();
    moveOfNew.forEach(function (m, j) { moveOfOld.set(newMatch.get(j)[1], m); });

    var builder = new AlignmentBuilder(old, neu);
    // Entries for a stretch between fixed points: what was removed (or moved away), then what was added (or moved here).
    function gap(oi, si, nj, sj) {
      for (var i = oi; i < si; i++) {
        if (oldMatch.has(i)) {
          if (oldMatch.get(i)[0] === "moved" && moveFirstOld.get(moveOfOld.get(i)) === i) builder.movedAway(i, moveOfOld.get(i), oldMatch.get(i)[1]);
        } else {
          builder.removed(i);
        }
      }
      for (var j = nj; j < sj; j++) {
        if (newMatch.has(j)) builder.moved(newMatch.get(j)[1], j, moveOfNew.get(j));
        else builder.added(j);
      }
    }
    opcodes.forEach(function (op) {
      var tag = op[0], i1 = op[1], i2 = op[2], j1 = op[3], j2 = op[4];
      if (tag === "equal") {
        for (var d = 0; d < i2 - i1; d++) builder.pair(i1 + d, j1 + d, equalKind(old[i1 + d], neu[j1 + d]));
        return;
      }
      var syncs = (syncsOf.get(i1) || []).concat([[i2, j2]]);
      var oi = i1, nj = j1;
      syncs.forEach(function (sync) {
        var si = sync[0], sj = sync[1], x, leftOld = [], leftNew = [];
        for (x = oi; x < si; x++) if (!oldMatch.has(x)) leftOld.push(x);
        for (x = nj; x < sj; x++) if (!newMatch.has(x)) leftNew.push(x);
        if (leftOld.length === 1 && leftNew.length === 1 && old[leftOld[0]].kind === neu[leftNew[0]].kind) {
          // one block replaced by one block in place: modified, however much it changed
          var fi = leftOld[0], fj = leftNew[0];
          gap(oi, fi, nj, fj);
          builder.pair(fi, fj, "modified");
          gap(fi + 1, si, fj + 1, sj);
        } else {
          gap(oi, si, nj, sj);
        }
        if (si < i2) builder.pair(si, sj, "modified");
        oi = si + 1; nj = sj + 1;
      });
    });
    return builder.finish();
  }

  function Change(kind, section, old, neu, redline, move, wordsAdded, wordsRemoved) {
    this.kind = kind; this.section = section; this.old = old; this.new = neu; this.redline = redline;
    this.move = move === undefined ? null : move;
    this.words_added = wordsAdded || 0; this.words_removed = wordsRemoved || 0;
  }

  function AlignmentBuilder(old, neu) {
    this.old = old; this.new = neu; this.entries = []; this.nodeMap = new Map();
  }
  AlignmentBuilder.prototype.map = function (i, j) {
    var o = this.old[i], n = this.new[j], self = this;
    if (!o.container.length && o.node < 0) return;
    if (o.container.length === n.container.length) {
      for (var k = 0; k < o.container.length; k++) {
        if (tagName(o.container[k][1]) !== tagName(n.container[k][1])) break;
        if (!self.nodeMap.has(o.container[k][0])) self.nodeMap.set(o.container[k][0], n.container[k][0]);
      }
    }
    if (o.node >= 0 && n.node >= 0 && !this.nodeMap.has(o.node)) this.nodeMap.set(o.node, n.node);
  };
  AlignmentBuilder.prototype.pair = function (i, j, kind) {
    this.map(i, j);
    var o = this.old[i], n = this.new[j];
    if (kind === null) { this.entries.push(["same", i, j, null]); return; }
    var change;
    if (kind === "formatting") {
      // typography (quotes, bullets written in the text) is shown word by word; markup alone is not
      change = new Change("formatting", n.section, o, n, o.text !== n.text ? redlinePair(o, n, 0.0)[0] : n.html);
    } else {
      var r = redlinePair(o, n, REWRITE_SIMILARITY);
      change = new Change("modified", n.section, o, n, r[0], null, r[1], r[2]);
    }
    this.entries.push(["change", i, j, change]);
  };
  AlignmentBuilder.prototype.removed = function (i) {
    var o = this.old[i], r = redlineWhole(o, "del");
    this.entries.push(["change", i, null, new Change("removed", o.section, o, null, r[0], null, 0, r[1])]);
  };
  AlignmentBuilder.prototype.added = function (j) {
    var n = this.new[j], r = redlineWhole(n, "ins");
    this.entries.push(["change", null, j, new Change("added", n.section, null, n, r[0], null, r[1], 0)]);
  };
  AlignmentBuilder.prototype.moved = function (i, j, move) {
    this.map(i, j);
    var o = this.old[i], n = this.new[j], change;
    // a leading number or a link target is outside the key but is content: a move that changed it is edited
    if (o.key === n.key && equalKind(o, n) !== "modified") {
      // typography changed on the way is shown word by word, as in place, but counts no words
      change = new Change("moved", n.section, o, n, o.text !== n.text ? redlinePair(o, n, 0.0)[0] : n.html, move);
    } else {
      var r = redlinePair(o, n, 0.0);
      change = new Change("moved", n.section, o, n, r[0], move, r[1], r[2]);
    }
    this.entries.push(["change", i, j, change]);
  };
  AlignmentBuilder.prototype.movedAway = function (i, move, j) { this.entries.push(["away", i, j, move]); };
  AlignmentBuilder.prototype.oldContainer = function (block) {
    var map = this.nodeMap;
    return block.container.map(function (c) { return [map.has(c[0]) ? map.get(c[0]) : -c[0] - 1, c[1]]; });
  };
  AlignmentBuilder.prototype.finish = function () {
    var aligned = [], changes = [], self = this;
    this.entries.forEach(function (e) {
      var kind = e[0], i = e[1], j = e[2], payload = e[3];
      if (kind === "away") {
        var ow = self.old[i];
        aligned.push({ old: ow, new: self.new[j], change: null, container: self.oldContainer(ow), node: -1, movedAway: payload });
        return;
      }
      var change = payload;
      if (j !== null) {
        var n = self.new[j];
        aligned.push({ old: i !== null ? self.old[i] : null, new: n, change: change, container: n.container, node: n.node, movedAway: null });
      } else {
        var o = self.old[i];
        var node = o.node >= 0 ? (self.nodeMap.has(o.node) ? self.nodeMap.get(o.node) : -o.node - 1) : -1;
        aligned.push({ old: o, new: null, change: change, container: self.oldContainer(o), node: node, movedAway: null });
      }
      if (change !== null) changes.push(change);
    });
    return { old: this.old, new: this.new, changes: changes, stats: stats(changes, this.old, this.new), alignment: aligned };
  };

  function documentTitle(blocks) {
    var headings = blocks.filter(function (b) { return b.kind === "heading"; });
    if (headings.length < 2) return null;
    var first = headings[0];
    return headings.slice(1).every(function (h) { return h.level > first.level; }) ? first.text : null;
  }

  function stats(changes, old, neu) {
    var counts = { added: 0, removed: 0, modified: 0, moved: 0, formatting: 0 };
    var wordsAdded = 0, wordsRemoved = 0;
    var titleNew = documentTitle(neu), titleOld = documentTitle(old);
    var touched = [], seen = new Set();
    changes.forEach(function (c) {
      counts[c.kind]++;
      wordsAdded += c.words_added;
      wordsRemoved += c.words_removed;
      if (c.kind === "formatting") return;
      var section = c.section;
      var title = c.new !== null ? titleNew : titleOld;
      if (section.length && title !== null && section[0] === title && section.length > 1) section = section.slice(1);
      if (section.length && !seen.has(section[0])) { seen.add(section[0]); touched.push(section[0]); }
    });
    return {
      words_added: wordsAdded, words_removed: wordsRemoved, added: counts.added, removed: counts.removed,
      modified: counts.modified, moved: counts.moved, formatting: counts.formatting, sections_touched: touched,
    };
  }

  // --- word redline --------------------------------------------------------------------------------------

  var HTML_TOKEN = /<!--[\s\S]*?(?:-->|$)|<[a-zA-Z\/!?][^>]*>?|[^<]+|</y;
  var TAG_ONLY_SRC = "<!--[\\s\\S]*?(?:-->|$)|<(/?)([a-zA-Z][\\w:-]*)[^>]*>";
  var WORDS = new RegExp("([" + CJK + "]|[^" + WS + CJK + "]+)([" + WS + "]*)", "g");
  var ID_ATTR = new RegExp("[" + WS + "](?:id|name)[" + WS + "]*=[" + WS + "]*(?:\"[^\"]*\"|'[^']*'|[^" + WS + ">]+)", "g");
  var VOID = new Set("area base br col embed hr img input link meta param source track wbr".split(" "));
  var ATOMIC = new Set(["code", "kbd", "samp", "svg", "math", "script", "style", "textarea", "select", "button", "audio", "video", "object", "iframe"]);
  var INLINE = new Set("a abbr b bdi bdo cite data del dfn em i ins label mark q s small span strong sub sup time u var font".split(" "));
  var SR = { del: '<span class="redline-sr">deleted: </span>', ins: '<span class="redline-sr">inserted: </span>' };
  // the redline's own runs carry a class, so that they are never taken for a version's own <del>/<ins>
  var OPEN = { del: '<del class="redline-del">', ins: '<ins class="redline-ins">' };

  function tagOnly() { return new RegExp(TAG_ONLY_SRC, "g"); }
  var INLINE_NAMES = "a|abbr|b|bdi|bdo|cite|data|del|dfn|em|i|ins|label|mark|q|s|small|span|strong|sub|sup|time|u|var|font";
  var OPEN_INLINE = new RegExp("<(?:" + INLINE_NAMES + ")\\b[^>]*>", "iy");
  var CLOSE_INLINE = new RegExp("</(?:" + INLINE_NAMES + ")[" + WS + "]*>", "iy");
  var TAGS = /<[^>]*>/g;

  function stripIds(html) {
    if (html.indexOf(" id") < 0 && html.indexOf(" name") < 0) return html;
    return html.replace(/<[a-zA-Z][^>]*>/g, function (tag) { return tag.replace(ID_ATTR, ""); });
  }

  function splitRoot(html) {
    if (html.charAt(0) === "<") {
      var m = NAME.exec(html);
      if (m) {
        var name = m[1].toLowerCase(), end = "</" + name + ">", close = html.indexOf(">");
        if (close > 0 && html.slice(-end.length) === end && html.length >= end.length && !VOID.has(name) && !ATOMIC.has(name)) {
          return [html.slice(0, close + 1), html.slice(close + 1, html.length - end.length), end];
        }
      }
    }
    return ["", html, ""];
  }

  function Tok(word, ws, stack, wsStack, text) {
    this.word = word; this.ws = ws; this.stack = stack; this.wsStack = wsStack; this.text = text; this.key = "";
  }

  function openStack(prefix, nextId) {
    var stack = [], re = tagOnly(), m;
    while ((m = re.exec(prefix)) !== null) {
      var name = m[2];
      if (name === undefined) continue;
      name = name.toLowerCase();
      if (m[1]) {
        for (var k = stack.length - 1; k >= 0; k--) if (stack[k][1] === name) { stack.length = k; break; }
      } else if (!VOID.has(name) && m[0].slice(-2) !== "/>") {
        nextId[0]++;
        stack.push([nextId[0], name, m[0]]);
      }
    }
    return stack;
  }

  function tokenize(html, stackIn, nextId) {
    var tokens = [], stack = stackIn.slice(), pos = 0, n = html.length, current = stack.slice();
    while (pos < n) {
      HTML_TOKEN.lastIndex = pos;
      var m = HTML_TOKEN.exec(html);
      var piece = m[0];
      pos = HTML_TOKEN.lastIndex;
      if (piece.charAt(0) === "<" && piece.length > 1 && piece.charAt(1) !== "<") {
        if (piece.slice(0, 2) === "<!" || piece.slice(0, 2) === "<?") continue;
        var nm = NAME.exec(piece);
        if (nm === null) continue;
        var name = nm[1].toLowerCase();
        if (piece.charAt(1) === "/") {
          for (var k = stack.length - 1; k >= 0; k--) if (stack[k][1] === name) { stack.length = k; break; }
          current = stack.slice();
          continue;
        }
        if (VOID.has(name) || piece.slice(-2) === "/>") {
          tokens.push(new Tok(piece, "", current, current, ""));
          continue;
        }
        if (ATOMIC.has(name) && !(name === "code" && stack.some(function (e) { return e[1] === "pre"; }))) {
          var endRe = new RegExp("</" + name + "[" + WS + "]*>", "ig");
          endRe.lastIndex = pos;
          var end = endRe.exec(html);
          var stop = end ? end.index + end[0].length : n;
          var whole = piece + html.slice(pos, stop) + (end ? "" : "</" + name + ">");
          pos = stop;
          tokens.push(new Tok(whole, "", current, current, unescapeHtml(whole.replace(/<[^>]*>/g, ""))));
          continue;
        }
        nextId[0]++;
        stack.push([nextId[0], name, piece]);
        current = stack.slice();
        continue;
      }
      var start = 0, lead = LEAD_WS.exec(piece)[0].length;
      if (lead) {
        var last = tokens[tokens.length - 1];
        if (last && !last.ws && sameStructure(last.stack, current)) {
          last.ws = piece.slice(0, lead);
          last.wsStack = current;
        } else {
          tokens.push(new Tok("", piece.slice(0, lead), current, current, ""));
        }
        start = lead;
      }
      WORDS.lastIndex = start;
      var w;
      while ((w = WORDS.exec(piece)) !== null) tokens.push(new Tok(w[1], w[2], current, current, w[1]));
    }
    return [tokens, stack];
  }

  function structure(stack) {
    var k = stack.length;
    while (k && INLINE.has(stack[k - 1][1])) k--;
    return stack.slice(0, k);
  }
  function sameEntries(a, b) {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (a[i][0] !== b[i][0] || a[i][1] !== b[i][1] || a[i][2] !== b[i][2]) return false;
    return true;
  }
  function sameStructure(a, b) { return sameEntries(structure(a), structure(b)); }

  var A_START = /<a\b[^>]*>/gi;
  var HREF = new RegExp("[" + WS + "]href[" + WS + "]*=[" + WS + "]*(?:\"([^\"]*)\"|'([^']*)'|([^" + WS + ">]+))", "i");
  /* HTML with every link's start tag reduced to <a>: a link whose target changed keeps its words. */
  function linkFree(html) { return /<a/i.test(html) ? html.replace(A_START, "<a>") : html; }
  function href(start) {
    var m = HREF.exec(start);
    if (!m) return "";
    return m[1] !== undefined ? m[1] : (m[2] !== undefined ? m[2] : m[3]);
  }
  function linkNote(oldStart) {
    return '<span class="redline-note redline-link-changed"> (link changed; it pointed to ' + esc(unescapeHtml(href(oldStart))) + ")</span>";
  }
  function changedLinks(old, neu) {
    var o = old.match(A_START) || [], n = neu.match(A_START) || [], out = [];
    for (var k = 0; k < Math.min(o.length, n.length); k++) if (href(o[k]) !== href(n[k])) out.push(o[k]);
    return out;
  }
  /* The notes of changed links put after the end tags of the links, in order. */
  function afterLinks(html, notes, tail) {
    if (!notes.length) return html;
    var parts = html.split("</a>"), out = [parts[0]];
    for (var k = 1; k < parts.length; k++) out.push("</a>" + (notes.length ? notes.shift() : "") + parts[k]);
    return out.join("") + (tail ? notes.join("") : "");
  }

  function keys(tokens, atEnd) {
    var last = tokens.length - 1;
    return tokens.map(function (t, idx) {
      var spaced = idx === last ? (!!t.ws || atEnd) : (!!t.ws || !sameStructure(tokens[idx + 1].stack, t.stack));
      t.key = JSON.stringify([t.stack.map(function (e) { return e[1] === "a" ? linkFree(e[2]) : e[2]; }), t.word, spaced]);
      return t.key;
    });
  }

  function commonPrefix(a, b) {
    var n = Math.min(a.length, b.length), i = 0;
    while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    return i;
  }
  function commonSuffix(a, b, most) {
    var i = 0;
    while (i < most && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
    return i;
  }

  function spansOf(html) {
    var spans = [], atomic = null, pre = 0, re = tagOnly(), m;
    while ((m = re.exec(html)) !== null) {
      var name = m[2], mEnd = m.index + m[0].length;
      if (name === undefined) {
        if (atomic === null) spans.push([m.index, mEnd]);
        continue;
      }
      name = name.toLowerCase();
      var closing = !!m[1];
      if (atomic !== null) {
        if (closing && name === atomic[1]) { spans.push([atomic[0], mEnd]); atomic = null; }
        continue;
      }
      if (name === "pre") pre += closing ? -1 : 1;
      if (!closing && ATOMIC.has(name) && !(name === "code" && pre > 0) && m[0].slice(-2) !== "/>") {
        atomic = [m.index, name];
        continue;
      }
      spans.push([m.index, mEnd]);
    }
    if (atomic !== null) spans.push([atomic[0], html.length]);
    return spans;
  }

  function spanIn(spans, q) {
    // the last span starting at or before q - 1 (bisect_right), if it strictly contains q
    var lo = 0, hi = spans.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (spans[mid][0] <= q - 1) lo = mid + 1; else hi = mid; }
    var k = lo - 1;
    if (k >= 0 && spans[k][0] < q && q < spans[k][1]) return spans[k];
    return null;
  }

  function elementEnd(html, span) {
    var re = new RegExp(TAG_ONLY_SRC, "y");
    re.lastIndex = span[0];
    var m = re.exec(html);
    if (m === null || m[2] === undefined || m[1] || m.index + m[0].length !== span[1] || m[0].slice(-2) === "/>") return span[1];
    var name = m[2].toLowerCase();
    if (VOID.has(name)) return span[1];
    var depth = 0, all = tagOnly(), t;
    all.lastIndex = span[0];
    while ((t = all.exec(html)) !== null) {
      if (t[2] === undefined || t[2].toLowerCase() !== name) continue;
      depth += t[1] ? -1 : 1;
      if (depth === 0) return t.index + t[0].length;
    }
    return html.length;
  }

  function tokenStart(s, q) {
    if (q >= s.length) return true;
    var c = s.charAt(q);
    if (c === "<") return true;
    if (isSpace(c)) return false;
    if (q === 0 || CJK_CHAR.test(c)) return true;
    var prev = s.charAt(q - 1);
    return isSpace(prev) || prev === ">" || CJK_CHAR.test(prev);
  }

  var ATOMIC_OPEN = new RegExp("<(?:" + Array.from(ATOMIC).sort().join("|") + ")\\b", "i");

  function cuts(a, b) {
    var p = commonPrefix(a, b);
    var tagged = b.indexOf("<") >= 0;
    var atomic = tagged && ATOMIC_OPEN.test(b);
    var spans = atomic ? spansOf(b) : [];
    function spanAt(_, q) { // the tag (or atomic element) that strictly contains position q
      if (!tagged) return null;
      if (atomic) return spanIn(spans, q);
      var lt = q > 0 ? b.lastIndexOf("<", q - 1) : -1;
      var gtBefore = q > 0 ? b.lastIndexOf(">", q - 1) : -1;
      if (lt >= 0 && gtBefore < lt) {
        var gt = b.indexOf(">", q);
        return [lt, gt >= 0 ? gt + 1 : b.length];
      }
      return null;
    }
    while (p > 0) {
      var inside = spanAt(spans, p);
      if (inside !== null) { p = inside[0]; continue; }
      if (tokenStart(a, p) && tokenStart(b, p)) break;
      p--;
    }
    // a cut right after an inline start tag would leave an empty element behind: cut before it
    while (p > 0 && b.charAt(p - 1) === ">") {
      var lt = b.lastIndexOf("<", p - 1);
      if (lt < 0) break;
      OPEN_INLINE.lastIndex = lt;
      var om = OPEN_INLINE.exec(b);
      if (om === null || om.index + om[0].length !== p) break;
      p = lt;
    }
    var s = commonSuffix(a, b, Math.min(a.length, b.length) - p);
    while (s > 0) {
      var rb = b.length - s, ra = a.length - s;
      var inside2 = spanAt(spans, rb);
      if (inside2 !== null) { s = b.length - elementEnd(b, inside2); continue; }
      if (tokenStart(a, ra) && tokenStart(b, rb)) break;
      s--;
    }
    // likewise a suffix that starts by closing an inline element takes the closing tag along
    while (s > 0) {
      CLOSE_INLINE.lastIndex = b.length - s;
      var cm = CLOSE_INLINE.exec(b);
      if (cm === null) break;
      s -= cm[0].length;
    }
    return [p, s];
  }

  function redlinePair(old, neu, coarseBelow) {
    var o = splitRoot(stripIds(old.html)), n = splitRoot(neu.html);
    var oStart = o[0], oInner = o[1], nStart = n[0], nInner = n[1], nEnd = n[2];
    if (tagName(oStart) !== tagName(nStart)) {
      oInner = stripIds(old.html);
      nStart = ""; nInner = neu.html; nEnd = "";
    }
    var c = cuts(oInner, nInner), p = c[0], s = c[1];
    var oMid = oInner.slice(p, oInner.length - s), nMid = nInner.slice(p, nInner.length - s);
    var longest = Math.max(cpLen(oInner), cpLen(nInner), 1);
    var headTail = cpLen(nInner.slice(0, p)) + cpLen(nInner.slice(nInner.length - s));
    // Unchanged head and tail of more than 60% of the block: it cannot count as rewritten.
    var surelyEdited = coarseBelow ? headTail / longest >= 1 - coarseBelow / 2 : true;
    if (!(isSpace(oMid.charAt(0)) || isSpace(nMid.charAt(0)))) {
      var quick = inlineWords(oMid, nMid, s === 0);
      if (quick !== null && (surelyEdited || (headTail + quick[3]) / longest >= coarseBelow)) {
        return [nStart + nInner.slice(0, p) + quick[0] + afterLinks(nInner.slice(nInner.length - s), quick[4], true) + nEnd, quick[1], quick[2]];
      }
    }
    var nextId = [0];
    var base = openStack(nInner.slice(0, p), nextId);
    var oTokens = tokenize(oMid, base, [-1000000000])[0];
    var nt = tokenize(nMid, base, nextId), nTokens = nt[0], endStack = nt[1];
    var ops = wordOps(oTokens, nTokens, s === 0);
    if (coarseBelow && !surelyEdited) {
      // share of the text left unchanged: the common head and tail, and the words matched between
      var common = textLength(oInner.slice(0, p)) + textLength(oInner.slice(oInner.length - s));
      ops.forEach(function (op) {
        if (op[0] === "equal") for (var k = op[1]; k < op[2]; k++) common += cpLen(oTokens[k].text) + 1;
      });
      if (common / Math.max(cpLen(old.text), cpLen(neu.text), 1) < coarseBelow) {
        // little left in common: the old block struck out and the new one inserted, not confetti
        p = 0; s = 0;
        nextId = [0];
        base = [];
        oTokens = tokenize(oInner, [], [-1000000000])[0];
        nt = tokenize(nInner, [], nextId); nTokens = nt[0]; endStack = nt[1];
        ops = [["replace", 0, oTokens.length, 0, nTokens.length]];
      }
    }
    var r = renderOps(oTokens, nTokens, ops, base, endStack, tagName(nStart));
    return [nStart + nInner.slice(0, p) + r[0] + afterLinks(nInner.slice(nInner.length - s), r[3], true) + nEnd, r[1], r[2]];
  }

  var PHRASE_WORDS = new RegExp("((?:<[^>]*>|[^" + WS + "<])+)([" + WS + "]*)", "g");

  function phrasingOnly(html) { // every tag an inline (phrasing) element
    var re = tagOnly(), m;
    while ((m = re.exec(html)) !== null) {
      if (m[2] === undefined) return false;  // a comment: leave it to the general path
      var name = m[2].toLowerCase();
      if (!INLINE.has(name) && !VOID.has(name) && !ATOMIC.has(name)) return false;
    }
    return true;
  }

  function balanced(html) { // closes every element it opens and nothing else
    var depth = [], re = tagOnly(), m;
    while ((m = re.exec(html)) !== null) {
      if (m[2] === undefined) continue;
      var name = m[2].toLowerCase();
      if (m[1]) {
        if (!depth.length || depth[depth.length - 1] !== name) return false;
        depth.pop();
      } else if (!VOID.has(name) && m[0].slice(-2) !== "/>") {
        depth.push(name);
      }
    }
    return !depth.length;
  }

  function phraseWords(html) {
    var out = [], m;
    PHRASE_WORDS.lastIndex = 0;
    while ((m = PHRASE_WORDS.exec(html)) !== null) out.push([m[1], m[2]]);
    return out;
  }

  /* Word redline of two runs of text with inline markup, tags kept inside the words they touch:
     [html, words inserted, words deleted, characters matched], or null for the general path. */
  function inlineWords(oMid, nMid, atEnd) {
    if ((oMid.indexOf("<") >= 0 && !phrasingOnly(oMid)) || (nMid.indexOf("<") >= 0 && !phrasingOnly(nMid))) return null;
    if (hasCjk(oMid) || hasCjk(nMid)) return null;  // words of one character each: the general tokeniser's
    var oTokens = phraseWords(oMid), nTokens = phraseWords(nMid);
    if ((oMid && !oTokens.length) || (nMid && !nTokens.length)) return null;
    function keysOf(tokens) {
      var out = tokens.map(function (t) { return t[1] ? linkFree(t[0]) + " " : linkFree(t[0]); });
      if (atEnd && out.length) out[out.length - 1] = linkFree(tokens[tokens.length - 1][0]) + " ";
      return out;
    }
    var ops, oWords = new Set(oTokens.map(function (t) { return linkFree(t[0]); }));
    if (!oTokens.length || !nTokens.length || !nTokens.some(function (t) { return oWords.has(linkFree(t[0])); })) {
      ops = [["replace", 0, oTokens.length, 0, nTokens.length]];
    } else {
      ops = wordOpcodes(keysOf(oTokens), keysOf(nTokens));
      ops = mergeSmallEqual(ops, oTokens.map(function (t) { return cpLen(t[0]); }), nTokens.map(function (t) { return cpLen(t[0]); }));
    }
    var out = [], added = 0, removed = 0, matched = 0, pending = [];
    for (var x = 0; x < ops.length; x++) {
      var op = ops[x], tag = op[0], i1 = op[1], i2 = op[2], j1 = op[3], j2 = op[4], k, run;
      if (tag === "equal") {
        for (k = 0; k < i2 - i1; k++) {
          var ot = oTokens[i1 + k], nt = nTokens[j1 + k], nw = nt[0];
          matched += cpLen(nw) + 1;
          if (ot[0] !== nw && nw.indexOf("<") >= 0) Array.prototype.push.apply(pending, changedLinks(ot[0], nw).map(linkNote));
          if (pending.length && nw.indexOf("</a>") >= 0) nw = afterLinks(nw, pending, false);
          out.push(nw + (nt[1] || ot[1]));
        }
        continue;
      }
      if (i2 > i1) {
        run = oTokens.slice(i1, i2).map(function (t) { return t[0] + t[1]; }).join("");
        if (run.indexOf("<") >= 0 && !balanced(run)) return null;
        out.push(OPEN.del + SR.del + run + "</del>");
        removed += wordsIn(run);
      }
      if (j2 > j1) {
        run = nTokens.slice(j1, j2).map(function (t) { return t[0] + t[1]; }).join("");
        if (run.indexOf("<") >= 0 && !balanced(run)) return null;
        out.push(OPEN.ins + SR.ins + run + "</ins>");
        added += wordsIn(run);
      }
    }
    return [out.join(""), added, removed, matched, pending];
  }

  function wordsIn(html) { return pySplit(html.indexOf("<") >= 0 ? html.replace(TAGS, "") : html).length; }

  function textLength(html) {
    if (html.indexOf("<") >= 0) html = html.replace(TAGS, "");
    if (html.indexOf("&") >= 0) html = unescapeHtml(html);
    return cpLen(pySplit(html).join(" "));
  }

  /* Word opcodes: difflib's for small inputs; past WORD_PAIR_LIMIT token pairs, the ends both
     sides share, then anchors (a token, or a run of tokens, found once on each side), the same
     again between anchors, and greedy lining up where there are none (as generator/diff/opcodes.py). */
  var WORD_PAIR_LIMIT = 1000000, ANCHOR_RUNS = [1, 8], ANCHOR_DEPTH = 8, ANCHOR_SAMPLE = 8;
  function wordOpcodes(a, b) {
    if (a.length * b.length <= WORD_PAIR_LIMIT) return new SequenceMatcher(a, b).getOpcodes();
    var ids = new Map();
    function intern(x) { var v = ids.get(x); if (v === undefined) { v = ids.size; ids.set(x, v); } return v; }
    var ia = a.map(intern), ib = b.map(intern), ops = [];
    anchored(ia, ib, 0, ia.length, 0, ib.length, ops, 0);
    return ops;
  }
  function emitOp(ops, tag, i1, i2, j1, j2) {
    if (i1 === i2 && j1 === j2) return;
    var last = ops[ops.length - 1];
    if (last && last[0] === tag) { last[2] = i2; last[4] = j2; }
    else if (last && tag !== "equal" && last[0] !== "equal") { last[0] = "replace"; last[2] = i2; last[4] = j2; }
    else ops.push([tag, i1, i2, j1, j2]);
  }
  function anchored(a, b, i1, i2, j1, j2, ops, depth) {
    var head = i1;
    while (i1 < i2 && j1 < j2 && a[i1] === b[j1]) { i1++; j1++; }
    emitOp(ops, "equal", head, i1, j1 - (i1 - head), j1);
    var tail = 0;
    while (i1 < i2 - tail && j1 < j2 - tail && a[i2 - 1 - tail] === b[j2 - 1 - tail]) tail++;
    i2 -= tail; j2 -= tail;
    if (i1 === i2 || j1 === j2) {
      emitOp(ops, i1 < i2 ? "delete" : "insert", i1, i2, j1, j2);
    } else if ((i2 - i1) * (j2 - j1) <= WORD_PAIR_LIMIT) {
      new SequenceMatcher(a.slice(i1, i2), b.slice(j1, j2)).getOpcodes().forEach(function (op) {
        emitOp(ops, op[0], op[1] + i1, op[2] + i1, op[3] + j1, op[4] + j1);
      });
    } else {
      var found = depth < ANCHOR_DEPTH ? anchors(a, b, i1, i2, j1, j2) : [];
      if (found.length) {
        var ci = i1, cj = j1;
        found.forEach(function (an) {
          anchored(a, b, ci, an[0], cj, an[1], ops, depth + 1);
          emitOp(ops, "equal", an[0], an[0] + an[2], an[1], an[1] + an[2]);
          ci = an[0] + an[2]; cj = an[1] + an[2];
        });
        anchored(a, b, ci, i2, cj, j2, ops, depth + 1);
      } else {
        resync(a, b, i1, i2, j1, j2).forEach(function (op) { emitOp(ops, op[0], op[1], op[2], op[3], op[4]); });
      }
    }
    emitOp(ops, "equal", i2, i2 + tail, j2, j2 + tail);
  }
  function anchors(a, b, i1, i2, j1, j2) {
    for (var r = 0; r < ANCHOR_RUNS.length; r++) {
      var k = ANCHOR_RUNS[r];
      if (i2 - i1 < k || j2 - j1 < k) break;
      var startsA = [], startsB = [], gramsA = [], gramsB = [], i, j;
      for (i = i1; i <= i2 - k; i++) {
        if (k === 1) { startsA.push(i); gramsA.push(a[i]); }
        else if (a[i] % ANCHOR_SAMPLE === 0) { startsA.push(i); gramsA.push(a.slice(i, i + k).join(",")); }
      }
      for (j = j1; j <= j2 - k; j++) {
        if (k === 1) { startsB.push(j); gramsB.push(b[j]); }
        else if (b[j] % ANCHOR_SAMPLE === 0) { startsB.push(j); gramsB.push(b.slice(j, j + k).join(",")); }
      }
      var countA = new Map(), countB = new Map(), atA = new Map();
      gramsA.forEach(function (g) { countA.set(g, (countA.get(g) || 0) + 1); });
      gramsB.forEach(function (g) { countB.set(g, (countB.get(g) || 0) + 1); });
      gramsA.forEach(function (g, x) { if (countA.get(g) === 1) atA.set(g, startsA[x]); });
      var pairs = [];
      gramsB.forEach(function (g, x) { if (countB.get(g) === 1 && atA.has(g)) pairs.push([atA.get(g), startsB[x]]); });
      pairs.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1]; });
      var out = [];
      increasing(pairs).forEach(function (p) {
        var last = out[out.length - 1];
        if (last && (p[0] < last[0] + k || p[1] < last[1] + k)) return;  // overlaps the previous anchor
        out.push([p[0], p[1], k]);
      });
      if (out.length) return out;
    }
    return [];
  }
  function increasing(pairs) {  // longest chain increasing in both (pairs sorted by the first)
    var tails = [], tailAt = [], back = [];
    pairs.forEach(function (p, idx) {
      var lo = 0, hi = tails.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (tails[mid] < p[1]) lo = mid + 1; else hi = mid; }
      if (lo === tails.length) { tails.push(p[1]); tailAt.push(idx); } else { tails[lo] = p[1]; tailAt[lo] = idx; }
      back.push(lo ? tailAt[lo - 1] : -1);
    });
    var chain = [], idx = tailAt.length ? tailAt[tailAt.length - 1] : -1;
    while (idx >= 0) { chain.push(pairs[idx]); idx = back[idx]; }
    return chain.reverse();
  }

  function wordOps(oTokens, nTokens, atEnd) {
    var okeys = keys(oTokens, atEnd), nkeys = keys(nTokens, atEnd);
    if (!okeys.length || !nkeys.length) return (okeys.length || nkeys.length) ? [["replace", 0, okeys.length, 0, nkeys.length]] : [];
    return mergeSmallEqual(wordOpcodes(okeys, nkeys),
      oTokens.map(function (t) { return cpLen(t.word); }), nTokens.map(function (t) { return cpLen(t.word); }));
  }

  function mergeSmallEqual(ops, oLens, nLens) {
    var merged = [];
    ops.forEach(function (op) {
      if (op[0] !== "equal" && merged.length && merged[merged.length - 1][0] !== "equal") {
        var prev = merged.pop();
        op = ["replace", prev[1], op[2], prev[3], op[4]];
      }
      merged.push(op);
    });
    function chars(op) {
      var a = 0, b = 0, k;
      for (k = op[1]; k < op[2]; k++) a += oLens[k];
      for (k = op[3]; k < op[4]; k++) b += nLens[k];
      return Math.max(a, b);
    }
    var k = 1;
    while (k < merged.length - 1) {
      var op = merged[k], before = merged[k - 1], after = merged[k + 1];
      if (op[0] === "equal" && before[0] !== "equal" && after[0] !== "equal" && op[2] - op[1] <= 3) {
        if (chars(op) <= Math.min(chars(before), chars(after))) {
          merged.splice(k - 1, 3, ["replace", before[1], after[2], before[3], after[4]]);
          k = Math.max(1, k - 1);
          continue;
        }
      }
      k++;
    }
    return merged;
  }

  function wordCount(tokens) { return tokens.reduce(function (sum, t) { return sum + wordsOf(t.text).length; }, 0); }

  function structuralIds(tokens) {
    var seen = new Map();
    tokens.forEach(function (t) {
      structure(t.stack).forEach(function (e) { if (!seen.has(e[0])) seen.set(e[0], e[1]); });
    });
    return Array.from(seen.entries());
  }

  var LAYOUT = new Set(["tr", "table", "thead", "tbody", "tfoot", "ul", "ol", "dl", "colgroup", "select"]);
  function wsMark(stack, root, mark) { // none for whitespace that is layout between rows, cells or items
    var st = structure(stack);
    var context = st.length ? st[st.length - 1][1] : root;
    return LAYOUT.has(context) ? null : mark;
  }

  function renderOps(oTokens, nTokens, ops, base, endStack, root) {
    root = root || "";
    // Old elements map onto new ones through the words both sides share, then structure by position
    // (the second cell of a row onto the second cell), so that a deletion stays in its cell.
    var idMap = new Map();
    ops.forEach(function (op) {
      if (op[0] !== "equal") return;
      for (var d = 0; d < op[2] - op[1]; d++) {
        var so = oTokens[op[1] + d].stack, sn = nTokens[op[3] + d].stack;
        for (var e = 0; e < Math.min(so.length, sn.length); e++) {
          if (so[e][0] !== sn[e][0] && !idMap.has(so[e][0])) idMap.set(so[e][0], sn[e][0]);
        }
      }
    });
    var targets = new Set(idMap.values());
    var os = structuralIds(oTokens), ns = structuralIds(nTokens);
    for (var z = 0; z < Math.min(os.length, ns.length); z++) {
      if (os[z][1] === ns[z][1] && !idMap.has(os[z][0]) && !targets.has(ns[z][0])) {
        idMap.set(os[z][0], ns[z][0]);
        targets.add(ns[z][0]);
      }
    }
    // an old element mapped onto a new one opens as the new one (a link with its new target), and a
    // link whose words stayed while its target changed gets a note after it
    var starts = new Map(), notes = new Map();
    if (idMap.size) nTokens.forEach(function (t) { t.stack.forEach(function (e) { starts.set(e[0], e[2]); }); });
    ops.forEach(function (op) {
      if (op[0] !== "equal") return;
      for (var d = 0; d < op[2] - op[1]; d++) {
        var so = oTokens[op[1] + d].stack, sn = nTokens[op[3] + d].stack;
        for (var e = 0; e < Math.min(so.length, sn.length); e++) {
          if (so[e][1] === "a" && !notes.has(sn[e][0]) && so[e][2] !== sn[e][2] && href(so[e][2]) !== href(sn[e][2])) {
            notes.set(sn[e][0], linkNote(so[e][2]));
          }
        }
      }
    });
    var segments = [], added = 0, removed = 0;
    function oldStack(stack) {
      if (!idMap.size) return stack;
      return stack.map(function (e) {
        var nid = idMap.has(e[0]) ? idMap.get(e[0]) : e[0];
        return [nid, e[1], starts.has(nid) ? starts.get(nid) : e[2]];
      });
    }
    function groupKey(stack) { return structure(stack).map(function (e) { return e[0]; }).join(","); }
    ops.forEach(function (op) {
      var tag = op[0], i1 = op[1], i2 = op[2], j1 = op[3], j2 = op[4], x, t, group;
      if (tag === "equal") {
        for (var d = 0; d < i2 - i1; d++) {
          t = nTokens[j1 + d];
          if (t.word) segments.push([t.stack, null, t.word]);
          var ws = t.ws || oTokens[i1 + d].ws;
          if (ws) segments.push([t.ws ? t.wsStack : t.stack, null, ws]);
        }
        return;
      }
      // within one change, deletions then insertions per structural element (cell by cell), in an
      // order that keeps each side's words in their order: a word whose element's group comes
      // before the last group its side wrote a word to opens a new group; whitespace alone is
      // layout and joins its element's group wherever it is
      var groups = [], latest = new Map(), last, index;
      function groupOf(stack, word, after) {
        var key = groupKey(stack), found = latest.get(key);
        if (found === undefined || (word && found < after)) {
          found = groups.length;
          latest.set(key, found);
          groups.push([]);
        }
        return found;
      }
      last = 0;
      var owner = new Map();  // group → the old element its last deleted word came from
      for (x = i1; x < i2; x++) {
        t = oTokens[x];
        var stack = oldStack(t.stack);
        index = groupOf(stack, t.word, last);
        group = groups[index];
        if (t.word) {
          last = index;
          var source = groupKey(t.stack);
          if (owner.has(index) && owner.get(index) !== source && group.length && !isSpace(group[group.length - 1][2].slice(-1))) {
            // words of two old elements (cells) meet in one: keep them apart, as they were
            group.push([stack, "del", " "]);
          }
          owner.set(index, source);
          group.push([stack, "del", t.word]);
        }
        if (t.ws) group.push([oldStack(t.wsStack), t.word ? "del" : wsMark(t.wsStack, root, "del"), t.ws]);
      }
      last = 0;
      for (x = j1; x < j2; x++) {
        t = nTokens[x];
        index = groupOf(t.stack, t.word, last);
        group = groups[index];
        if (t.word) { last = index; group.push([t.stack, "ins", t.word]); }
        if (t.ws) group.push([t.wsStack, t.word ? "ins" : wsMark(t.wsStack, root, "ins"), t.ws]);
      }
      groups.forEach(function (g) { Array.prototype.push.apply(segments, g); });
      removed += wordCount(oTokens.slice(i1, i2));
      added += wordCount(nTokens.slice(j1, j2));
    });
    var trailing = [];
    return [emit(segments, base, endStack, notes, trailing), added, removed, trailing];
  }

  /* notes (element id → HTML) stand after the last end tag of their element; those of elements
     still open at the end go to trailing, in order. */
  function emit(segments, base, end, notes, trailing) {
    var out = [], open = base.slice(), closedAt = new Map();
    function targetOf(stack, mark) {
      if (mark === null) return stack.slice();
      var k = stack.length;
      while (k && INLINE.has(stack[k - 1][1])) k--;
      return stack.slice(0, k).concat([["mark", mark, ""]], stack.slice(k));
    }
    function moveTo(target) {
      var k = 0, limit = Math.min(open.length, target.length);
      while (k < limit && open[k][0] === target[k][0] && open[k][1] === target[k][1]) k++;
      for (var x = open.length - 1; x >= k; x--) {
        out.push("</" + open[x][1] + ">");
        if (notes && notes.has(open[x][0])) closedAt.set(open[x][0], out.length);
      }
      open.length = k;
      for (var y = k; y < target.length; y++) {
        var entry = target[y];
        out.push(entry[0] === "mark" ? OPEN[entry[1]] + SR[entry[1]] : entry[2]);
        open.push(entry);
      }
    }
    segments.forEach(function (seg) {
      moveTo(targetOf(seg[0], seg[1]));
      out.push(seg[2]);
    });
    moveTo(end.slice());
    if (notes && notes.size) {
      var stillOpen = end.map(function (e) { return e[0]; }).filter(function (id) { return notes.has(id); });
      var at = [];
      closedAt.forEach(function (pos, id) { if (stillOpen.indexOf(id) < 0) at.push([pos, id]); });
      at.sort(function (x, y) { return y[0] - x[0] || y[1] - x[1]; });
      at.forEach(function (p) { out.splice(p[0], 0, notes.get(p[1])); });
      stillOpen.forEach(function (id) { trailing.push(notes.get(id)); });
    }
    return out.join("");
  }

  function hasStructure(inner) {
    var re = tagOnly(), m;
    while ((m = re.exec(inner)) !== null) {
      var name = m[2];
      if (name !== undefined) {
        name = name.toLowerCase();
        if (!INLINE.has(name) && !VOID.has(name) && !ATOMIC.has(name)) return true;
      }
    }
    return false;
  }

  function redlineWhole(block, mark) {
    var html = mark === "del" ? stripIds(block.html) : block.html;
    var r = splitRoot(html), start = r[0], inner = r[1], end = r[2];
    var words = wordsOf(block.text).length;
    if (!pySplit(inner).length) return [html, words];
    if (inner.indexOf("<") < 0 || !hasStructure(inner)) return [start + OPEN[mark] + SR[mark] + inner + "</" + mark + ">" + end, words];
    var t = tokenize(inner, [], [0]), tokens = t[0], endStack = t[1], segments = [];
    tokens.forEach(function (tok) {
      if (tok.word) segments.push([tok.stack, mark, tok.word]);
      if (tok.ws) segments.push([tok.wsStack, tok.word ? mark : null, tok.ws]);
    });
    return [start + emit(segments, [], endStack) + end, words];
  }

  // --- renderers -------------------------------------------------------------------------------------------

  function sectionLabel(section) { return section.length ? section.join(" \u203a ") : "the beginning"; }

  function movedFrom(old) {
    if (old === null) return "elsewhere";
    var section = old.kind === "heading" ? old.section.slice(0, -1) : old.section;
    return section.length ? sectionLabel(section) : "the beginning of the document";
  }

  var ADD_ATTRS = new RegExp("^(<[a-zA-Z][\\w:-]*)([\\s\\S]*?)([" + WS + "]*/?>)$");
  var CLASS_ATTR = new RegExp("[" + WS + "]class[" + WS + "]*=[" + WS + "]*(?:\"([^\"]*)\"|'([^']*)')");
  function addAttrs(start, classes, attrs) {
    var m = ADD_ATTRS.exec(start);
    if (m === null) return start;
    var head = m[1], rest = m[2], close = m[3];
    var cm = CLASS_ATTR.exec(rest);
    if (cm) {
      var existing = cm[1] !== undefined ? cm[1] : cm[2];
      rest = rest.slice(0, cm.index) + ' class="' + esc(existing) + " " + classes + '"' + rest.slice(cm.index + cm[0].length);
    } else {
      rest = ' class="' + classes + '"' + rest;
    }
    return head + rest + attrs + close;
  }

  var SELF_ANNOTATED = new Set(["li", "dt", "dd", "tr", "summary"]);
  function wrap(html, block, classes, attrs, note) {
    note = note || "";
    var tag = blockTag(block);
    if (SELF_ANNOTATED.has(tag)) {
      var startEnd = html.indexOf(">") + 1;
      var start = addAttrs(html.slice(0, startEnd), classes, attrs);
      var body = html.slice(startEnd);
      if (note) {
        if (tag === "tr") {
          var m = /<t[dh]\b[^>]*>/.exec(body);
          if (m) body = body.slice(0, m.index + m[0].length) + note + body.slice(m.index + m[0].length);
        } else {
          body = note + body;
        }
      }
      return start + body;
    }
    return '<div class="' + classes + '"' + attrs + ">" + note + html + "</div>";
  }

  function changeHtml(change, note) {
    var block = change.new !== null ? change.new : change.old;
    var attrs = ' data-kind="' + change.kind + '"';
    if (change.move !== null) attrs += ' data-move="' + change.move + '"';
    return wrap(change.redline, block, "redline-change redline-" + change.kind, attrs, note);
  }

  function movedNote(change, first) {
    if (!first) return "";
    return '<span class="redline-note">Moved from <a href="#redline-moved-from-' + change.move + '">' + esc(movedFrom(change.old)) + "</a>. </span>";
  }

  function movedAwayHtml(entry) {
    var old = entry.old, neu = entry.new;
    var to = esc(sectionLabel(neu !== null && neu.kind === "heading" ? neu.section.slice(0, -1) : (neu ? neu.section : [])));
    var note = '<span class="redline-note">Moved to <a href="#redline-moved-to-' + entry.movedAway + '">' + to + "</a>.</span>";
    var attrs = ' id="redline-moved-from-' + entry.movedAway + '" data-move="' + entry.movedAway + '"';
    var tag = blockTag(old);
    if (tag === "li" || tag === "dt" || tag === "dd") return "<" + tag + ' class="redline-moved-away"' + attrs + ">" + note + "</" + tag + ">";
    if (tag === "tr") {
      var cells = Math.max(1, (old.html.match(/<t[dh]\b/g) || []).length);
      return '<tr class="redline-moved-away"' + attrs + '><td colspan="' + cells + '">' + note + "</td></tr>";
    }
    return '<div class="redline-moved-away"' + attrs + ">" + note + "</div>";
  }

  function addId(html, ident) {
    var end = html.indexOf(">");
    if (end < 0) return html;
    var start = html.slice(0, end);
    if (start.slice(-1) === "/") start = start.slice(0, -1);
    return start.indexOf(" id=") < 0 ? start + ' id="' + ident + '"' + html.slice(end) : html;
  }

  function entryHtml(entry, firstOfMove) {
    if (entry.movedAway !== null) return movedAwayHtml(entry);
    var change = entry.change;
    if (change === null) return entry.new.html;
    if (change.kind === "moved") {
      var first = !firstOfMove.has(change.move);
      if (first && change.move !== null) firstOfMove.add(change.move);
      var html = changeHtml(change, movedNote(change, first));
      if (first) html = addId(html, "redline-moved-to-" + change.move);
      return html;
    }
    return changeHtml(change, "");
  }

  function assemble(entries) {
    var out = [], open = [], parents = new Set();
    entries.forEach(function (e) { e[0].container.forEach(function (c) { parents.add(c[0]); }); });
    entries.forEach(function (e) {
      var entry = e[0], html = e[1], path = entry.container, k = 0;
      while (k < open.length && k < path.length && open[k][0] === path[k][0]) k++;
      for (var x = open.length - 1; x >= k; x--) out.push("</" + open[x][1] + ">");
      open.length = k;
      for (var y = k; y < path.length; y++) { out.push(path[y][1]); open.push([path[y][0], tagName(path[y][1])]); }
      var name = html.charAt(0) === "<" ? tagName(html) : "";
      var closeTag = "</" + name + ">";
      if (entry.node !== -1 && parents.has(entry.node) && (name === "li" || name === "dt" || name === "dd") && html.slice(-closeTag.length) === closeTag) {
        out.push(html.slice(0, html.length - closeTag.length));
        open.push([entry.node, name]);
      } else {
        out.push(html);
      }
      out.push("\n");
    });
    for (var z = open.length - 1; z >= 0; z--) out.push("</" + open[z][1] + ">");
    return out.join("").replace(/\n+$/, "");
  }

  /** The inline redline (as diff.render_redline): the new document with the changes marked. */
  function renderRedline(diff, context) {
    if (context === undefined) context = true;
    var entries = diff.alignment, firstOfMove = new Set(), chosen = [];
    if (context) {
      entries.forEach(function (entry) { chosen.push([entry, entryHtml(entry, firstOfMove)]); });
      return assemble(chosen);
    }
    var shown = new Set(), chain = [];
    entries.forEach(function (entry) {
      var neu = entry.new;
      var isHeading = neu !== null && neu.kind === "heading" && entry.movedAway === null;
      if (isHeading) while (chain.length && chain[chain.length - 1][0] >= neu.level) chain.pop();
      if (entry.change === null && entry.movedAway === null) {
        if (isHeading) chain.push([neu.level, entry]);
        return;
      }
      chain.forEach(function (c) {
        if (!shown.has(c[1])) { shown.add(c[1]); chosen.push([c[1], entryHtml(c[1], firstOfMove)]); }
      });
      chosen.push([entry, entryHtml(entry, firstOfMove)]);
      if (isHeading && entry.change !== null && entry.change.kind !== "removed") {
        chain.push([neu.level, entry]);
        shown.add(entry);
      }
    });
    return assemble(chosen);
  }

  /* The HTML without the redline's runs of one mark (a version's own <del>/<ins> inside stay). */
  function dropRuns(html, mark) {
    var opening = OPEN[mark];
    if (html.indexOf(opening) < 0) return html;
    var tags = new RegExp("<(/?)" + mark + "\\b[^>]*>", "g");
    var out = [], pos = 0;
    for (;;) {
      var k = html.indexOf(opening, pos);
      if (k < 0) break;
      out.push(html.slice(pos, k));
      var depth = 0, end = html.length, m;
      tags.lastIndex = k;
      while ((m = tags.exec(html)) !== null) {
        depth += m[1] ? -1 : 1;
        if (depth === 0) { end = m.index + m[0].length; break; }
      }
      pos = end;
    }
    out.push(html.slice(pos));
    return out.join("");
  }

  function oneSided(change, side) {
    return dropRuns(change.redline, side === "old" ? "ins" : "del");
  }

  function cell(block, html) {
    if (block === null) return "";
    var tag = blockTag(block);
    if (tag === "li") {
      var outer = block.container.length ? tagName(block.container[block.container.length - 1][1]) : "ul";
      return "<" + outer + ">" + html + "</" + outer + ">";
    }
    if (tag === "dt" || tag === "dd") return "<dl>" + html + "</dl>";
    if (tag === "tr") return '<table class="redline-row">' + html + "</table>";
    return html;
  }

  /** The side-by-side table (as diff.render_side_by_side): old version left, new right. */
  function renderSideBySide(diff, oldLabel, newLabel, caption) {
    oldLabel = oldLabel || "Previous version";
    newLabel = newLabel || "This version";
    caption = caption || "Changes between the two versions, block by block";
    var rows = [], firstOfMove = new Set();
    diff.alignment.forEach(function (entry) {
      var change = entry.change, left, right;
      if (entry.movedAway !== null) {
        var note = movedAwayHtml(entry);
        var tag = entry.old !== null ? blockTag(entry.old) : "";
        var oldHtml = entry.old !== null && (tag === "li" || tag === "dt" || tag === "dd" || tag === "tr") ? cell(entry.old, note) : note;
        rows.push('<tr class="redline-row-moved-away" data-move="' + entry.movedAway + '"><td>' + stripIds(oldHtml) + "</td><td></td></tr>");
        return;
      }
      if (change === null) {
        var sameOld = entry.old !== null ? cell(entry.old, entry.old.html) : "";
        rows.push('<tr class="redline-row-same"><td>' + stripIds(sameOld) + "</td><td>" + stripIds(cell(entry.new, entry.new.html)) + "</td></tr>");
        return;
      }
      var kind = change.kind;
      if (kind === "removed") {
        left = cell(change.old, change.redline); right = "";
      } else if (kind === "added") {
        left = ""; right = cell(change.new, change.redline);
      } else if (kind === "formatting" && change.redline.indexOf(OPEN.del) < 0) {
        left = change.old ? cell(change.old, change.old.html) : "";
        right = change.new ? cell(change.new, change.new.html) : "";
      } else {
        left = cell(change.old, oneSided(change, "old"));
        right = cell(change.new, oneSided(change, "new"));
        if (kind === "moved") {
          var first = !firstOfMove.has(change.move);
          if (change.move !== null) firstOfMove.add(change.move);
          if (first) right = movedNote(change, true) + right;
        }
      }
      var move = change.move !== null ? ' data-move="' + change.move + '"' : "";
      rows.push('<tr class="redline-change redline-' + kind + '" data-kind="' + kind + '"' + move + "><td>" + stripIds(left) + "</td><td>" + stripIds(right) + "</td></tr>");
    });
    return '<table class="redline-sbs">\n<caption>' + esc(caption) + "</caption>\n" +
      '<thead><tr><th scope="col">' + esc(oldLabel) + '</th><th scope="col">' + esc(newLabel) + "</th></tr></thead>\n" +
      "<tbody>\n" + rows.join("\n") + "\n</tbody>\n</table>";
  }

  root.StatementsDiff = {
    SequenceMatcher: SequenceMatcher,
    diffBlocks: diffBlocks,
    renderRedline: renderRedline,
    renderSideBySide: renderSideBySide,
    pySplit: pySplit,
  };
})(typeof window !== "undefined" ? window : this);
