// bitext review: keyboard-first navigation. No external code; the page works without it
// (links and forms), the keys only make it faster.
(function () {
  "use strict";

  function typing(el) {
    return el && (el.tagName === "TEXTAREA" || el.tagName === "INPUT" || el.tagName === "SELECT");
  }
  function go(id) {
    var a = document.getElementById(id);
    if (a && a.href) { window.location.href = a.href; }
  }

  // Word diff (LCS over words and spaces) between the machine translation and the edit,
  // shown as the reviewer types. Built with text nodes only: article text is never markup.
  // A token is a word with the whitespace before it; only the word takes part in the diff.
  function tokens(s) { return s.match(/\s*\S+|\s+$/g) || []; }
  function key(t) { return t.trim(); }
  function diff(a, b) {
    var n = a.length, m = b.length, i, j;
    if (n * m > 250000) { return [["-", a.join("")], ["+", b.join("")]]; }
    var L = [];
    for (i = 0; i <= n; i++) { L.push(new Int32Array(m + 1)); }
    for (i = n - 1; i >= 0; i--) {
      for (j = m - 1; j >= 0; j--) {
        L[i][j] = key(a[i]) === key(b[j]) ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
      }
    }
    var out = [];
    function push(op, t) {
      if (out.length && out[out.length - 1][0] === op) { out[out.length - 1][1] += t; } else { out.push([op, t]); }
    }
    i = 0; j = 0;
    while (i < n && j < m) {
      if (key(a[i]) === key(b[j])) { push("=", b[j]); i++; j++; }
      else if (L[i + 1][j] >= L[i][j + 1]) { push("-", a[i]); i++; }
      else { push("+", b[j]); j++; }
    }
    while (i < n) { push("-", a[i++]); }
    while (j < m) { push("+", b[j++]); }
    return out;
  }
  // The characters the server shows as markers (qa.Visible, textcheck.Invisible): controls,
  // line and paragraph separators, bidi controls, BOM, noncharacters. Typed or pasted into the
  // box, they are marked in the live diff too, never drawn raw (a U+202E reorders what follows).
  var invisible = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/g;
  var named = { "\u0007": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\u000b": "\\v" };
  function escape(c) {
    if (named[c]) { return named[c]; }
    var n = c.charCodeAt(0), h = n.toString(16);
    return n < 0x80 ? "\\x" + ("0" + h).slice(-2) : "\\u" + ("000" + h).slice(-4);
  }
  // appendVisible appends s to el as text, each invisible character as a marker span.
  function appendVisible(el, s) {
    var last = 0;
    s.replace(invisible, function (c, i) {
      if (i > last) { el.appendChild(document.createTextNode(s.slice(last, i))); }
      var mark = document.createElement("span");
      mark.className = "ctl";
      mark.title = "U+" + ("000" + c.charCodeAt(0).toString(16).toUpperCase()).slice(-4) + " control character";
      mark.textContent = escape(c);
      el.appendChild(mark);
      last = i + 1;
      return c;
    });
    if (last < s.length) { el.appendChild(document.createTextNode(s.slice(last))); }
  }
  function showDiff(box, mt, text) {
    while (box.firstChild) { box.removeChild(box.firstChild); }
    if (mt === text) { return; }
    diff(tokens(mt), tokens(text)).forEach(function (d) {
      var el = d[0] === "=" ? box : box.appendChild(document.createElement(d[0] === "-" ? "del" : "ins"));
      appendVisible(el, d[1]);
    });
  }

  function queuePage() {
    var rows = Array.prototype.slice.call(document.querySelectorAll(".rows .item"));
    var sel = rows.length ? 0 : -1;
    function mark() {
      rows.forEach(function (r, k) { r.classList.toggle("sel", k === sel); });
      if (sel >= 0) { rows[sel].scrollIntoView({ block: "nearest" }); }
    }
    mark();
    ["f-kind", "f-term", "f-doc", "f-status"].forEach(function (id) {
      var e = document.getElementById(id);
      if (e) { e.addEventListener("change", function () { document.getElementById("filters").submit(); }); }
    });
    rows.forEach(function (r, k) { r.addEventListener("click", function (ev) { if (ev.target.tagName !== "A") { sel = k; mark(); } }); });
    document.addEventListener("keydown", function (ev) {
      if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
      if (typing(document.activeElement)) {
        if (ev.key === "Escape") { document.activeElement.blur(); }
        return;
      }
      switch (ev.key) {
        case "j": if (sel < rows.length - 1) { sel++; mark(); } break;
        case "k": if (sel > 0) { sel--; mark(); } break;
        case "Enter": case "o": if (sel >= 0) { window.location.href = rows[sel].dataset.href; } break;
        case "/": document.getElementById("f-term").focus(); break;
        case "n": go("next-page"); break;
        case "p": go("prev-page"); break;
        default: return;
      }
      ev.preventDefault();
    });
  }

  // Inline codes as tokens (review/tokens.go): ⟨1⟩…⟨/1⟩ around words, ⟨2/⟩ alone; a bracket of
  // the words is written twice. scanTokens reads them as the server does, so that a broken,
  // foreign, doubled or badly nested token is shown while typing; the server checks again.
  function parseCodes(list) {
    var codes = {};
    (list || "").split(" ").forEach(function (c) {
      if (c) { codes[parseInt(c, 10)] = c.slice(-1) !== "/"; }
    });
    return codes;
  }
  function shownCode(codes, id) { return codes[id] ? "⟨" + id + "⟩…⟨/" + id + "⟩" : "⟨" + id + "/⟩"; }
  function scanTokens(text, codes) {
    var toks = [], open = [], used = {}, i = 0, m, id, kind;
    function fail(at, msg) { return { toks: toks, error: "at character " + (Array.from(text.slice(0, at)).length + 1) + ": " + msg }; }
    while (i < text.length) {
      var c = text[i];
      if (c !== "⟨" && c !== "⟩") { i++; continue; }
      if (text[i + 1] === c) { i += 2; continue; }
      if (c === "⟩") { return fail(i, "a stray ⟩, left of a broken code? (a bracket of the words is written twice, ⟩⟩)"); }
      m = /^⟨(\/?)(\d{1,6})(\/?)⟩/.exec(text.slice(i, i + 12));
      if (!m || (m[1] && m[3])) { return fail(i, "“" + text.slice(i, i + 6) + "…” is not a code: codes are written ⟨1⟩…⟨/1⟩ or ⟨2/⟩ (a bracket of the words is written twice, ⟨⟨)"); }
      id = parseInt(m[2], 10);
      kind = m[1] ? "close" : m[3] ? "alone" : "open";
      if (!(id in codes)) { return fail(i, m[0] + " is not one of this segment's codes"); }
      if (codes[id] && kind === "alone") { return fail(i, m[0] + " should be the pair " + shownCode(codes, id)); }
      if (!codes[id] && kind !== "alone") { return fail(i, m[0] + " should be " + shownCode(codes, id)); }
      if (kind === "close") {
        if (open.length && open[open.length - 1] === id) { open.pop(); }
        else if (open.indexOf(id) >= 0) { return fail(i, m[0] + " closes before ⟨/" + open[open.length - 1] + "⟩: codes nest as brackets do"); }
        else if (used[id]) { return fail(i, m[0] + " is there twice"); }
        else { return fail(i, m[0] + " comes before ⟨" + id + "⟩"); }
      } else {
        if (used[id]) { return fail(i, m[0] + " is there twice"); }
        used[id] = true;
        if (kind === "open") { open.push(id); }
      }
      toks.push({ start: i, end: i + m[0].length, id: id });
      i += m[0].length;
    }
    if (open.length) { return { toks: toks, error: "⟨" + open[open.length - 1] + "⟩ is never closed: add ⟨/" + open[open.length - 1] + "⟩, or delete both" }; }
    return { toks: toks, used: used, error: null };
  }
  function codeTokens(area) {
    var codes = parseCodes(area.dataset.codes), mtCodes = parseCodes(area.dataset.mtCodes);
    var out = document.getElementById("codecheck");
    function check() {
      var r = scanTokens(area.value, codes);
      while (out.firstChild) { out.removeChild(out.firstChild); }
      function say(cls, text) {
        var span = out.appendChild(document.createElement("span"));
        span.className = cls;
        span.textContent = text;
      }
      if (r.error) { say("bad", "Will not be saved: " + r.error); return; }
      var dropped = Object.keys(mtCodes).filter(function (id) { return !r.used[id]; });
      if (dropped.length) {
        say("warn", "Left out: " + dropped.map(function (id) { return shownCode(codes, id); }).join(", ") + " — the outputs get this translation without them.");
      }
    }
    area.addEventListener("input", check);
    // Backspace and Delete next to a token take the whole token, and a pair's other half with
    // it: the words stay, the code is gone, nothing is left broken.
    area.addEventListener("keydown", function (ev) {
      if ((ev.key !== "Backspace" && ev.key !== "Delete") || area.selectionStart !== area.selectionEnd) { return; }
      var at = area.selectionStart, r = scanTokens(area.value, codes);
      var t = r.toks.filter(function (u) { return ev.key === "Backspace" ? u.end === at : u.start === at; })[0];
      if (!t) { return; }
      var both = r.toks.filter(function (u) { return u.id === t.id; }).sort(function (a, b) { return b.start - a.start; });
      var caret = t.start;
      both.forEach(function (u) {
        area.setRangeText("", u.start, u.end, "start");
        if (u.start < t.start) { caret -= u.end - u.start; }
      });
      area.setSelectionRange(caret, caret);
      area.dispatchEvent(new Event("input"));
      ev.preventDefault();
    });
    // A click on a code of the source puts it at the cursor, a pair around the selected words.
    document.querySelectorAll("#source .code").forEach(function (el) {
      el.addEventListener("click", function () {
        var start = area.selectionStart, end = area.selectionEnd;
        if (el.dataset.close) {
          area.setRangeText(el.dataset.token + area.value.slice(start, end) + el.dataset.close, start, end, "end");
        } else {
          area.setRangeText(el.dataset.token, start, end, "end");
        }
        area.focus();
        area.dispatchEvent(new Event("input"));
      });
    });
  }

  function segmentPage() {
    var form = document.getElementById("decide");
    var area = document.getElementById("target");
    var box = document.getElementById("diff");
    var mt = area.dataset.mt;
    area.addEventListener("input", function () { showDiff(box, mt, area.value); });
    if (area.dataset.codes !== undefined) { codeTokens(area); }
    function applyTerm() {
      var text = area.value, changed = false;
      document.querySelectorAll("li.v[data-found][data-expected]").forEach(function (li) {
        var at = text.indexOf(li.dataset.found);
        if (at >= 0) {
          text = text.slice(0, at) + li.dataset.expected + text.slice(at + li.dataset.found.length);
          changed = true;
        }
      });
      if (changed) { area.value = text; showDiff(box, mt, text); }
      return changed;
    }
    document.getElementById("apply-term").addEventListener("click", applyTerm);
    document.addEventListener("keydown", function (ev) {
      if (document.activeElement === area) {
        if (ev.key === "Escape") { area.blur(); ev.preventDefault(); }
        else if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); form.submit(); }
        return;
      }
      if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(document.activeElement)) { return; }
      switch (ev.key) {
        case "j": go("next"); break;
        case "k": go("prev"); break;
        case "q": go("to-queue"); break;
        case "a": form.submit(); break;
        case "e": area.focus(); area.setSelectionRange(area.value.length, area.value.length); break;
        case "t": applyTerm(); break;
        case "r":
          var rt = document.getElementById("retranslate");
          if (rt) { form.action = rt.getAttribute("formaction"); form.submit(); }
          break;
        default: return;
      }
      ev.preventDefault();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (document.body.classList.contains("queue")) { queuePage(); }
    if (document.body.classList.contains("segment")) { segmentPage(); }
  });
})();
