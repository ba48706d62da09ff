// framing's one script: keyboard shortcuts and a help panel. Everything on the page works
// without it (the layer switches are plain checkboxes); it only adds keys. It loads nothing.
(function () {
  "use strict";
  var root = document.documentElement;
  root.setAttribute("data-js", "on");
  var help = document.getElementById("shortcuts");
  var button = document.getElementById("shortcuts-button");
  function toggleHelp(show) {
    if (!help) { return; }
    help.hidden = show === undefined ? !help.hidden : !show;
    if (button) { button.setAttribute("aria-expanded", help.hidden ? "false" : "true"); }
  }
  if (button) {
    button.hidden = false;
    button.addEventListener("click", function () { toggleHelp(); });
  }
  var layers = [
    "layer-frame", "layer-tone", "layer-term", "layer-loaded", "layer-stance", "layer-cue",
    "layer-unique", "layer-quote"
  ];
  var sections = {
    f: "findings", m: "measures", s: "sources", w: "words", c: "coverage", a: "articles",
    h: "how-to-read"
  };
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA")) {
      if (target.type !== "checkbox") { return; }
    }
    var key = event.key;
    if (key === "?") { toggleHelp(); event.preventDefault(); return; }
    if (key === "Escape") { toggleHelp(false); return; }
    var index = "12345678".indexOf(key);
    if (index >= 0 && key !== "") {
      var box = document.getElementById(layers[index]);
      if (box) { box.checked = !box.checked; event.preventDefault(); }
      return;
    }
    if (Object.prototype.hasOwnProperty.call(sections, key)) {
      var section = document.getElementById(sections[key]);
      if (section) { section.scrollIntoView(); event.preventDefault(); }
    }
  });
})();
