/* The statements plugin's page behaviour, without a framework; runs again after Material's instant
   navigation swaps the page. Everything here enhances pages that already work without JavaScript. */
(function () {
  "use strict";

  // Where this script was loaded from: the diff engine sits next to it and loads only when needed.
  var ASSETS = document.currentScript ? document.currentScript.src.replace(/[^/]*$/, "") : "";

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
      link.setAttribute("aria-label", "Link to the section \u201c" + name + "\u201d");
      link.addEventListener("click", function () {
        var url = new URL(link.getAttribute("href"), location.href).href;
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(url).then(function () { announce("Link to \u201c" + name + "\u201d copied"); }, function () {});
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
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
  }

  /* --- compare: any two versions, diffed in the browser -------------------------------------------- */

  var engine = null;
  function loadEngine() {
    if (window.StatementsDiff) return Promise.resolve(window.StatementsDiff);
    if (!engine) engine = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = ASSETS + "statements-diff.js";
      script.onload = function () { resolve(window.StatementsDiff); };
      script.onerror = function () { engine = null; reject(new Error("the comparison engine did not load")); };
      document.head.appendChild(script);
    });
    return engine;
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function describe(stats, into) {
    var added = document.createElement("span"), removed = document.createElement("span");
    added.className = "statement-row__added"; added.textContent = "+" + stats.words_added;
    removed.className = "statement-row__removed"; removed.textContent = "\u2212" + stats.words_removed;
    into.textContent = "";
    into.appendChild(added);
    into.appendChild(document.createTextNode(" "));
    into.appendChild(removed);
    var kinds = [["modified", stats.modified], ["added", stats.added], ["removed", stats.removed], ["moved", stats.moved]]
      .filter(function (k) { return k[1]; }).map(function (k) { return k[1] + " " + k[0]; });
    var text = plural(stats.words_added, "word") + " added, " + stats.words_removed + " removed";
    if (kinds.length) text += "; " + plural(stats.added + stats.removed + stats.modified + stats.moved, "passage") + " changed (" + kinds.join(", ") + ")";
    if (stats.formatting) text += "; " + plural(stats.formatting, "formatting-only change");
    text += ".";
    if (stats.sections_touched.length) text += " Sections: " + stats.sections_touched.join(", ") + ".";
    into.appendChild(document.createTextNode(" words: " + text));
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
        if (!response.ok) throw new Error("version " + key + " could not be loaded (" + response.status + ")");
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
        status.textContent = "Both lists show the version effective " + a.label + ". Choose two different versions.";
        return;
      }
      status.classList.remove("statement-sr");
      status.textContent = "Comparing\u2026";
      Promise.all([loadEngine(), load(a.value), load(b.value)]).then(function (loaded) {
        if (mine !== generation) return;  // a newer choice is on its way
        var engine = loaded[0], diff = engine.diffBlocks(loaded[1], loaded[2]);
        var oldLabel = "Version effective " + a.label, newLabel = "Version effective " + b.label;
        inline.innerHTML = diff.changes.length ? engine.renderRedline(diff, true) : "";
        side.innerHTML = diff.changes.length ? engine.renderSideBySide(diff, oldLabel, newLabel, "Changes from the version effective " + a.label + " to the version effective " + b.label + ", passage by passage") : "";
        // The side-by-side copy must not claim the section ids the inline view already uses.
        side.querySelectorAll("[id]").forEach(function (el) { if (el.id.indexOf("redline-") !== 0) el.removeAttribute("id"); });
        root.querySelector("[data-compare-title]").textContent = "From " + a.label + " to " + b.label;
        root.querySelector("[data-compare-print]").textContent = document.title.split(" - ")[0] + ": from the version effective " +
          a.label + " to the version effective " + b.label + ". Address: " + new URL(address(), location.href).href;
        var summary = root.querySelector("[data-compare-summary]");
        if (diff.changes.length) describe(diff.stats, summary);
        else summary.textContent = "The two versions have the same text.";
        if (a.index < b.index) summary.appendChild(document.createTextNode(" \u201cFrom\u201d is the later version here, so this shows the way back to the earlier text."));
        var links = root.querySelector("[data-compare-links]");
        links.innerHTML = "";
        function link(href, text) {
          var li = document.createElement("li"), anchor = document.createElement("a");
          anchor.href = href; anchor.textContent = text; anchor.className = "statement-link";
          li.appendChild(anchor); links.appendChild(li);
          return anchor;
        }
        link(address(), "Link to this comparison").setAttribute("data-compare-permalink", "");
        link(a.url, "Read " + a.label);
        link(b.url, "Read " + b.label);
        if (b.changes && b.index === a.index - 1) link(b.changes, "Findings for these changes");
        showView();
        result.hidden = false;
        status.classList.add("statement-sr");
        status.textContent = diff.changes.length
          ? "Showing the changes from " + a.label + " to " + b.label + ": " + plural(diff.stats.words_added, "word") + " added, " + diff.stats.words_removed + " removed."
          : "The versions effective " + a.label + " and " + b.label + " have the same text.";
      }).catch(function (error) {
        if (mine !== generation) return;
        result.hidden = true;
        status.classList.remove("statement-sr");
        status.textContent = "The comparison could not be made: " + error.message + ". Reload the page to try again.";
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
      notice.textContent = "The address names no version effective " + unknown.join(" or ") + "; the comparison below uses the default instead.";
      notice.hidden = false;
    }
    compare();
  }

  function setup() {
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
