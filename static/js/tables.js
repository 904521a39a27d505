// Every data table sits in its own scroll region, named after its caption or the heading
// before it, so a wide table scrolls by itself on a phone instead of the page (WCAG 1.4.10).
(function () {
  "use strict";
  var count = 0;
  function labelFor(table) {
    if (table.caption && table.caption.textContent.trim()) {
      if (!table.caption.id) table.caption.id = "table-caption-" + (++count);
      return { by: table.caption.id };
    }
    for (var node = table.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) return { text: node.textContent.trim() };
    }
    return { text: "Table" };
  }
  document.querySelectorAll("main table").forEach(function (table) {
    var parent = table.parentElement;
    if (parent.getAttribute("role") === "region") return;
    var region = document.createElement("div");
    region.className = "table-scroll";
    region.setAttribute("role", "region");
    region.tabIndex = 0;
    var label = labelFor(table);
    if (label.by) region.setAttribute("aria-labelledby", label.by);
    else region.setAttribute("aria-label", label.text);
    parent.insertBefore(region, table);
    region.appendChild(table);
  });
})();
