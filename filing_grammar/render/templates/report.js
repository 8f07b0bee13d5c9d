"use strict";
(function () {
  /* The one script of a report page.  The page reads without it; it adds:
     the outline entry of the node shown marked as current, the outline's
     ancestors of that entry opened, "expand all / collapse all", and sorting
     of the index table by a click on its column heading. */
  var current = null;
  function mark() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (current) { current.classList.remove("current"); current = null; }
    if (!id) { return; }
    var link = document.querySelector('.outline a[href="#' + CSS.escape(id) + '"]');
    if (!link) { return; }
    current = link;
    link.classList.add("current");
    for (var p = link.parentElement; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") { p.open = true; }
    }
    var box = document.getElementById("outline");
    if (box) {
      var r = link.getBoundingClientRect(), b = box.getBoundingClientRect();
      if (r.top < b.top || r.bottom > b.bottom) { box.scrollTop += r.top - b.top - b.height / 2; }
    }
  }
  window.addEventListener("hashchange", mark);
  mark();

  var outline = document.getElementById("outline");
  if (outline) {
    var bar = document.createElement("div");
    bar.className = "tools";
    [["expand all", true], ["collapse all", false]].forEach(function (t) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = t[0];
      b.addEventListener("click", function () {
        outline.querySelectorAll("details").forEach(function (d) { d.open = t[1]; });
      });
      bar.appendChild(b);
    });
    outline.insertBefore(bar, outline.children[1] || null);
  }

  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "sort";
      b.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(b);
      b.addEventListener("click", function () {
        var down = th.getAttribute("aria-sort") !== "descending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", down ? "descending" : "ascending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, c) {
          var x = a.cells[col].getAttribute("data-v") || a.cells[col].textContent;
          var y = c.cells[col].getAttribute("data-v") || c.cells[col].textContent;
          var nx = parseFloat(x), ny = parseFloat(y);
          var k = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
          return down ? -k : k;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
