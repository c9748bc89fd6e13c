// sitrep pages: clicking, or pressing Enter on, a highlighted span shows
// what it is in the details bar (also announced to screen readers). The
// pages work without this script: every highlight has a title.
(function () {
  "use strict";
  var box = document.getElementById("details");
  if (!box) return;
  function show(el) {
    box.textContent = el.getAttribute("data-d");
    box.hidden = false;
  }
  document.addEventListener("click", function (e) {
    var el = e.target.closest("[data-d]");
    if (el && el.tagName !== "A") { show(el); return; }
    if (!el && !box.contains(e.target)) box.hidden = true;
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { box.hidden = true; return; }
    var el = document.activeElement;
    if (e.key === "Enter" && el && el.hasAttribute("data-d") && el.tagName !== "A") show(el);
  });
  document.addEventListener("focusin", function (e) {
    if (e.target.hasAttribute && e.target.hasAttribute("data-d")) show(e.target);
  });
})();
