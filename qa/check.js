(function () {
  "use strict";
  var list = document.getElementById("segs");
  if (!list) { return; }
  var segs = Array.prototype.slice.call(list.querySelectorAll("section.seg"));
  var kind = document.getElementById("f-kind"), term = document.getElementById("f-term");
  var q = document.getElementById("f-q"), sort = document.getElementById("f-sort");
  var shown = document.getElementById("shown");
  function apply() {
    var k = kind.value, t = term.value, s = q.value.toLowerCase(), ns = 0, nv = 0;
    segs.forEach(function (seg) {
      var n = 0;
      seg.querySelectorAll("li.v").forEach(function (v) {
        var ok = (!k || v.dataset.kind === k) && (!t || v.dataset.term === t);
        v.hidden = !ok;
        if (ok) { n++; }
      });
      if (n > 0 && s && seg.textContent.toLowerCase().indexOf(s) < 0) { n = 0; }
      seg.hidden = n === 0;
      if (n > 0) { ns++; nv += n; }
    });
    shown.textContent = nv + " violations in " + ns + " of " + segs.length + " segments shown";
  }
  function order() {
    var key = sort.value;
    var arr = segs.slice();
    arr.sort(function (a, b) {
      var d = 0;
      if (key === "count") { d = Number(b.dataset.count) - Number(a.dataset.count); }
      else if (key === "term") { d = a.dataset.term.localeCompare(b.dataset.term); }
      else if (key === "kind") { d = a.dataset.kind.localeCompare(b.dataset.kind); }
      return d || Number(a.dataset.order) - Number(b.dataset.order);
    });
    arr.forEach(function (e) { list.appendChild(e); });
  }
  [kind, term].forEach(function (e) { e.addEventListener("change", apply); });
  q.addEventListener("input", apply);
  sort.addEventListener("change", order);
  document.querySelectorAll("button.setterm").forEach(function (b) {
    b.addEventListener("click", function () { term.value = b.dataset.term; apply(); list.scrollIntoView(); });
  });
  apply();
})();
