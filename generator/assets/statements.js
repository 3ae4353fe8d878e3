/* Redline view toggles: formatting-only changes and side by side. Works without a framework,
   and again after Material's instant navigation swaps the page. */
(function () {
  function setup() {
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
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
