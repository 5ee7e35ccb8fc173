// Time zone lists (semilla.timezones.TimeZoneField): a search box narrows the <select>.
// Progressive enhancement: without this script the grouped list works on its own.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/_/g, " ").toLowerCase();
  }
  function enhance(box) {
    var select = document.getElementById(box.getAttribute("data-tz-search"));
    if (!select || box.getAttribute("data-ready")) { return; }
    box.setAttribute("data-ready", "1");
    var master = select.cloneNode(true);
    box.hidden = false;
    box.addEventListener("input", function () {
      var words = fold(box.value).split(/\s+/).filter(Boolean);
      var chosen = select.value;
      var keep = master.cloneNode(true);
      Array.prototype.forEach.call(keep.querySelectorAll("option"), function (option) {
        var text = fold(option.value + " " + option.textContent);
        var hit = words.every(function (word) { return text.indexOf(word) !== -1; });
        if (!hit && option.value !== chosen) { option.remove(); }
      });
      Array.prototype.forEach.call(keep.querySelectorAll("optgroup"), function (group) {
        if (!group.children.length) { group.remove(); }
      });
      select.replaceChildren.apply(select, Array.prototype.slice.call(keep.childNodes));
      var first = Array.prototype.find.call(select.options, function (option) {
        var text = fold(option.value + " " + option.textContent);
        return words.every(function (word) { return text.indexOf(word) !== -1; });
      });
      select.value = words.length && first ? first.value : chosen;
    });
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-tz-search]"), enhance);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
