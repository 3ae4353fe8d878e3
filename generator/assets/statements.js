/* The statements plugin's page behaviour, without a framework; runs again after Material's instant
   navigation swaps the page. Everything here enhances pages that already work without JavaScript. */
(function () {
  "use strict";

  // Where this script was loaded from: the diff engine sits next to it and loads only when needed.
  var ASSETS = document.currentScript ? document.currentScript.src.replace(/[^/]*$/, "") : "";

  /* The page's language: pages in another language than English hand over their sentences in a
     data-messages attribute ({English: translation}, plurals as [one, other]); English needs none. */
  var MESSAGES = {};
  function readMessages() {
    MESSAGES = {};
    document.querySelectorAll("[data-messages]").forEach(function (el) {
      try {
        var more = JSON.parse(el.getAttribute("data-messages"));
        Object.keys(more).forEach(function (key) { MESSAGES[key] = more[key]; });
      } catch (e) { /* a broken attribute leaves the English words */ }
    });
  }
  function fill(text, values) {
    return text.replace(new RegExp("%\\((\\w+)\\)[sd]", "g"), function (all, name) { return values && name in values ? String(values[name]) : all; });
  }
  function gettext(message, values) {
    var found = MESSAGES[message];
    return fill(typeof found === "string" ? found : message, values);
  }
  /* The diff engine's own words in a redline, as generator/redline_words.py puts them in the page's
     language (the engine itself writes English, like its Python original). */
  function escapeHtml(text) {
    return text.split("&").join("&amp;").split("<").join("&lt;").split(">").join("&gt;").split("\"").join("&quot;");
  }
  var PLACES = ["the beginning of the document", "the beginning", "elsewhere"];
  function localizeRedline(html) {
    if (!Object.keys(MESSAGES).length) return html;
    html = html.replace(new RegExp('<span class="redline-sr">(deleted|inserted): </span>', "g"), function (all, word) {
      return '<span class="redline-sr">' + escapeHtml(word === "deleted" ? gettext("deleted:") : gettext("inserted:")) + " </span>";
    });
    html = html.replace(new RegExp('<span class="redline-note redline-link-changed"> \\(link changed; it pointed to ([^<]*)\\)</span>', "g"), function (all, url) {
      return '<span class="redline-note redline-link-changed"> (' + escapeHtml(gettext("link changed; it pointed to %(url)s", { url: "\u0000" })).replace("\u0000", url) + ")</span>";
    });
    html = html.replace(new RegExp('<span class="redline-note">Moved (from|to) <a href="(#redline-moved-(?:from|to)-\\d+)">([^<]*)</a>\\.( ?)</span>', "g"), function (all, way, url, where, space) {
      if (PLACES.indexOf(where) >= 0) where = escapeHtml(gettext(where));
      var pattern = way === "from" ? 'Moved from <a href="%(url)s">%(where)s</a>.' : 'Moved to <a href="%(url)s">%(where)s</a>.';
      return '<span class="redline-note">' + gettext(pattern, { url: url, where: where }) + space + "</span>";
    });
    return html;
  }
  function ngettext(singular, plural, n, values) {
    var found = MESSAGES[singular];
    var text = Array.isArray(found) ? found[n === 1 ? 0 : 1] : (n === 1 ? singular : plural);
    return fill(text, values);
  }

  /* Redline view toggles: formatting-only changes and side by side. */
  function setupRedlines() {
    document.querySelectorAll("[data-redline]").forEach(function (root) {
      if (root.dataset.ready) return;
      root.dataset.ready = "1";
      var formatting = root.querySelector(".redline-toggle-formatting");
      var sbs = root.querySelector(".redline-toggle-sbs");
      var inline = root.querySelector(".redline-inline");
      var side = root.querySelector(".redline-side-by-side");
      if (formatting) formatting.addEventListener("change", function () {
        root.classList.toggle("redline-show-formatting", formatting.checked);
      });
      var only = root.querySelector(".redline-toggle-only");
      if (only) only.addEventListener("change", function () {
        root.classList.toggle("redline-only-changes", only.checked);
      });
      if (sbs && inline && side) sbs.addEventListener("change", function () {
        inline.hidden = sbs.checked;
        side.hidden = !sbs.checked;
      });
    });
  }

  /* A polite live region, shared by everything that needs to say something briefly. */
  function announce(text) {
    var region = document.querySelector(".statement-copied");
    if (!region) {
      region = document.createElement("div");
      region.className = "statement-copied";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      document.body.appendChild(region);
    }
    region.textContent = text;
    clearTimeout(announce.timer);
    announce.timer = setTimeout(function () { region.textContent = ""; }, 2500);
  }

  /* Section links: name each one after its heading, and copy its address when followed. */
  function setupSectionLinks() {
    document.querySelectorAll(".md-content a.headerlink").forEach(function (link) {
      if (link.dataset.ready) return;
      link.dataset.ready = "1";
      var heading = link.parentElement;
      var name = "";
      heading.childNodes.forEach(function (node) { if (node !== link) name += node.textContent; });
      name = name.trim();
      link.setAttribute("aria-label", gettext("Link to the section \u201c%(name)s\u201d", { name: name }));
      link.addEventListener("click", function () {
        var url = new URL(link.getAttribute("href"), location.href).href;
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(url).then(function () { announce(gettext("Link to \u201c%(name)s\u201d copied", { name: name })); }, function () {});
        }
      });
    });
  }

  /* Print blocks show the full permanent address, wherever the site is hosted. */
  function setupPermalinks() {
    document.querySelectorAll("a[data-statement-permalink]").forEach(function (link) {
      link.textContent = new URL(link.getAttribute("href"), location.href).href;
    });
  }

  /* Printing shows everything: corrections folded in <details> are opened for the printout. */
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".md-content details:not([open])").forEach(function (d) { d.open = true; opened.push(d); });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });

  /* Material's search dialog has no accessible name; give it one. */
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role='dialog']");
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", gettext("Search"));
  }

  /* --- compare: any two versions, diffed in the browser -------------------------------------------- */

  var engine = null;
  function loadEngine() {
    if (window.StatementsDiff) return Promise.resolve(window.StatementsDiff);
    if (!engine) engine = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = ASSETS + "statements-diff.js";
      script.onload = function () { resolve(window.StatementsDiff); };
      script.onerror = function () { engine = null; reject(new Error(gettext("the comparison engine did not load"))); };
      document.head.appendChild(script);
    });
    return engine;
  }

  function words(stats) {
    return ngettext("%(added)d word added, %(removed)d removed", "%(added)d words added, %(removed)d removed", stats.words_added,
      { added: stats.words_added, removed: stats.words_removed });
  }

  function describe(stats, into) {
    var added = document.createElement("span"), removed = document.createElement("span");
    added.className = "statement-row__added"; added.textContent = "+" + stats.words_added;
    removed.className = "statement-row__removed"; removed.textContent = "\u2212" + stats.words_removed;
    into.textContent = "";
    into.appendChild(added);
    into.appendChild(document.createTextNode(" "));
    into.appendChild(removed);
    var kinds = [
      [stats.modified, ngettext("%(num)d modified", "%(num)d modified", stats.modified, { num: stats.modified })],
      [stats.added, ngettext("%(num)d added", "%(num)d added", stats.added, { num: stats.added })],
      [stats.removed, ngettext("%(num)d removed", "%(num)d removed", stats.removed, { num: stats.removed })],
      [stats.moved, ngettext("%(num)d moved", "%(num)d moved", stats.moved, { num: stats.moved })]
    ].filter(function (k) { return k[0]; }).map(function (k) { return k[1]; });
    var text = words(stats);
    var passages = stats.added + stats.removed + stats.modified + stats.moved;
    if (kinds.length) text += "; " + ngettext("%(num)d passage changed", "%(num)d passages changed", passages, { num: passages }) + " (" + kinds.join(", ") + ")";
    if (stats.formatting) text += "; " + ngettext("%(num)d formatting-only change", "%(num)d formatting-only changes", stats.formatting, { num: stats.formatting });
    text += ".";
    if (stats.sections_touched.length) text += " " + gettext("Sections: %(sections)s.", { sections: stats.sections_touched.join(", ") });
    into.appendChild(document.createTextNode(" " + gettext("words:") + " " + text));
  }

  function setupCompare() {
    var root = document.querySelector("[data-statement-compare]");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "1";
    var versions = JSON.parse(root.dataset.versions);
    var byKey = {};
    versions.forEach(function (v, index) { v.index = index; byKey[v.value] = v; });  // newest first
    var from = root.querySelector("#compare-from"), to = root.querySelector("#compare-to");
    var status = root.querySelector("[data-compare-status]");
    var result = root.querySelector("[data-compare-result]");
    var inline = root.querySelector("[data-compare-inline]");
    var side = root.querySelector("[data-compare-side-by-side]");
    var formatting = root.querySelector("[data-compare-formatting]");
    var controls = root.querySelector("[data-compare-controls]");
    controls.hidden = false;

    var params = new URLSearchParams(location.search);
    var unknown = [];
    ["from", "to"].forEach(function (name) {
      var value = params.get(name);
      if (value === null) return;
      if (byKey[value]) (name === "from" ? from : to).value = value;
      else unknown.push(value);
    });
    var view = params.get("view") === "side-by-side" ? "side-by-side" : "inline";
    root.querySelector("input[name='compare-view'][value='" + view + "']").checked = true;

    var blocks = {};
    function load(key) {
      if (!blocks[key]) blocks[key] = fetch(byKey[key].data).then(function (response) {
        if (!response.ok) throw new Error(gettext("version %(key)s could not be loaded (%(status)s)", { key: key, status: response.status }));
        return response.json();
      }).then(function (doc) { return doc.blocks; }, function (error) { delete blocks[key]; throw error; });
      return blocks[key];
    }

    function address() {
      var query = "?from=" + encodeURIComponent(from.value) + "&to=" + encodeURIComponent(to.value);
      if (view === "side-by-side") query += "&view=side-by-side";
      return location.pathname + query;
    }

    function showView() {
      inline.hidden = view !== "inline";
      side.hidden = view !== "side-by-side";
    }

    var generation = 0;
    function compare() {
      var mine = ++generation;
      var a = byKey[from.value], b = byKey[to.value];
      history.replaceState(history.state, "", address());
      if (a === b) {
        result.hidden = true;
        status.classList.remove("statement-sr");
        status.textContent = gettext("Both lists show the version effective %(date)s. Choose two different versions.", { date: a.label });
        return;
      }
      status.classList.remove("statement-sr");
      status.textContent = gettext("Comparing\u2026");
      Promise.all([loadEngine(), load(a.value), load(b.value)]).then(function (loaded) {
        if (mine !== generation) return;  // a newer choice is on its way
        var engine = loaded[0], diff = engine.diffBlocks(loaded[1], loaded[2]);
        var oldLabel = gettext("Version effective %(date)s", { date: a.label }), newLabel = gettext("Version effective %(date)s", { date: b.label });
        inline.innerHTML = diff.changes.length ? localizeRedline(engine.renderRedline(diff, true)) : "";
        side.innerHTML = diff.changes.length ? localizeRedline(engine.renderSideBySide(diff, oldLabel, newLabel, gettext("Changes from the version effective %(from)s to the version effective %(to)s, passage by passage", { from: a.label, to: b.label }))) : "";
        // The side-by-side copy must not claim the section ids the inline view already uses.
        side.querySelectorAll("[id]").forEach(function (el) { if (el.id.indexOf("redline-") !== 0) el.removeAttribute("id"); });
        root.querySelector("[data-compare-title]").textContent = gettext("From %(from)s to %(to)s", { from: a.label, to: b.label });
        root.querySelector("[data-compare-print]").textContent = gettext("%(title)s: from the version effective %(from)s to the version effective %(to)s. Address: %(url)s",
          { title: document.title.split(" - ")[0], from: a.label, to: b.label, url: new URL(address(), location.href).href });
        var summary = root.querySelector("[data-compare-summary]");
        if (diff.changes.length) describe(diff.stats, summary);
        else summary.textContent = gettext("The two versions have the same text.");
        if (a.index < b.index) summary.appendChild(document.createTextNode(" " + gettext("\u201cFrom\u201d is the later version here, so this shows the way back to the earlier text.")));
        var links = root.querySelector("[data-compare-links]");
        links.innerHTML = "";
        function link(href, text) {
          var li = document.createElement("li"), anchor = document.createElement("a");
          anchor.href = href; anchor.textContent = text; anchor.className = "statement-link";
          li.appendChild(anchor); links.appendChild(li);
          return anchor;
        }
        link(address(), gettext("Link to this comparison")).setAttribute("data-compare-permalink", "");
        link(a.url, gettext("Read %(date)s", { date: a.label }));
        link(b.url, gettext("Read %(date)s", { date: b.label }));
        if (b.changes && b.index === a.index - 1) link(b.changes, gettext("Findings for these changes"));
        showView();
        result.hidden = false;
        status.classList.add("statement-sr");
        status.textContent = diff.changes.length
          ? gettext("Showing the changes from %(from)s to %(to)s: %(words)s.", { from: a.label, to: b.label, words: words(diff.stats) })
          : gettext("The versions effective %(from)s and %(to)s have the same text.", { from: a.label, to: b.label });
      }).catch(function (error) {
        if (mine !== generation) return;
        result.hidden = true;
        status.classList.remove("statement-sr");
        status.textContent = gettext("The comparison could not be made: %(error)s. Reload the page to try again.", { error: error.message });
      });
    }

    from.addEventListener("change", compare);
    to.addEventListener("change", compare);
    root.querySelector("[data-compare-swap]").addEventListener("click", function () {
      var keep = from.value;
      from.value = to.value;
      to.value = keep;
      compare();
    });
    root.querySelectorAll("input[name='compare-view']").forEach(function (radio) {
      radio.addEventListener("change", function () {
        view = radio.value;
        showView();
        history.replaceState(history.state, "", address());
        var permalink = root.querySelector("[data-compare-permalink]");
        if (permalink) permalink.href = address();
      });
    });
    formatting.addEventListener("change", function () {
      result.classList.toggle("redline-show-formatting", formatting.checked);
    });
    var only = root.querySelector("[data-compare-only]");
    only.addEventListener("change", function () {
      result.classList.toggle("redline-only-changes", only.checked);
    });
    if (unknown.length) {
      var notice = root.querySelector("[data-compare-notice]");
      notice.textContent = gettext("The address names no version effective %(keys)s; the comparison below uses the default instead.", { keys: unknown.join(gettext(" or ")) });
      notice.hidden = false;
    }
    compare();
  }

  function setup() {
    readMessages();
    nameSearchDialog();
    setupRedlines();
    setupSectionLinks();
    setupPermalinks();
    setupCompare();
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
