/* The statements plugin's page behaviour, without a framework; runs again after Material's instant
   navigation swaps the page. Everything here enhances pages that already work without JavaScript. */
(function () {
  "use strict";

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

  function setup() {
    setupRedlines();
    setupSectionLinks();
    setupPermalinks();
    if (window.StatementsCompare) window.StatementsCompare.setup();
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
