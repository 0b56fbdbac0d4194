// Accord's small progressive enhancements. Every page works without this
// script; with it, forms ask before irreversible acts, filters apply as
// they change, and messages take the focus so screen readers announce them.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
  document.querySelectorAll("form[data-autosubmit] select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  document.querySelectorAll("form[data-kind-form]").forEach(function (form) {
    var only = form.querySelector("[data-organisation-only]");
    function update() {
      var kind = form.querySelector("input[name=kind]:checked");
      if (only) { only.hidden = !(kind && kind.value === "organisation"); }
    }
    form.querySelectorAll("input[name=kind]").forEach(function (r) { r.addEventListener("change", update); });
    update();
  });
  var focus = document.querySelector("[data-focus]");
  if (focus) { focus.focus(); }
})();
