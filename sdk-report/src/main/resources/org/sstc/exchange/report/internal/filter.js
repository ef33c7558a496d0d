(function () {
  // The report's filters. Without script the form stays hidden and every record is shown.
  // The state is the URL's fragment, e.g. #modality=triangular&sdg=2, so a filtered view can be
  // bookmarked or mailed; a fragment without "=" is a section link and leaves the filters alone.
  var form = document.getElementById("filters");
  if (!form) return;
  var fields = ["modality", "sdg", "country", "org", "year"];
  var cards = document.querySelectorAll("#records .card");
  var rows = document.querySelectorAll("#issues tr[data-record]");
  var out = document.getElementById("filter-count");
  form.hidden = false;
  function wanted() {
    var w = {};
    fields.forEach(function (f) { var v = form.elements[f].value; if (v) w[f] = v; });
    return w;
  }
  function apply() {
    var w = wanted(), shown = 0, hidden = {};
    cards.forEach(function (card) {
      var ok = true;
      for (var f in w) {
        if ((" " + (card.getAttribute("data-" + f) || "") + " ").indexOf(" " + w[f] + " ") < 0) { ok = false; break; }
      }
      card.hidden = !ok;
      if (ok) shown++; else hidden[card.id] = true;
    });
    rows.forEach(function (row) { row.hidden = hidden[row.getAttribute("data-record")] === true; });
    out.textContent = out.getAttribute("data-template").replace("{0}", shown).replace("{1}", cards.length);
  }
  function fromFragment() {
    var h = location.hash.slice(1);
    if (h.indexOf("=") < 0) return false;
    var p = new URLSearchParams(h);
    fields.forEach(function (f) { form.elements[f].value = p.get(f) || ""; });
    return true;
  }
  function toFragment() {
    var p = new URLSearchParams(), w = wanted();
    for (var f in w) p.set(f, w[f]);
    try { history.replaceState(null, "", "#" + p.toString()); } catch (e) { /* a file URL may refuse */ }
  }
  form.addEventListener("change", function () { toFragment(); apply(); });
  form.addEventListener("reset", function () { setTimeout(function () { toFragment(); apply(); }, 0); });
  window.addEventListener("hashchange", function () { if (fromFragment()) apply(); });
  fromFragment();
  apply();
})();
