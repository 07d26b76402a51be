// The error summary of a form ([data-error-summary], templates/includes/error_summary.html): it takes the focus when
// the page opens, so a screen reader reads it first, and each of its links moves the focus to the field it names,
// scrolled so that the field's label or legend is in view. Without JavaScript the links still jump to the field.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary || summary.hasAttribute("data-ready")) {
    return;
  }
  summary.setAttribute("data-ready", "");
  summary.focus();

  function labelFor(field) {
    var fieldset = field.closest("fieldset");
    if (fieldset && (field.type === "radio" || field.type === "checkbox") && fieldset.querySelector("legend")) {
      return fieldset.querySelector("legend");
    }
    return document.querySelector("label[for='" + field.id + "']") || field;
  }

  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) {
      return;
    }
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (!field) {
      return;
    }
    event.preventDefault();
    var label = labelFor(field);
    // A label that is only there for screen readers has no size; then the field itself is scrolled to.
    (label.getBoundingClientRect().height > 1 ? label : field).scrollIntoView();
    var box = field.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      field.scrollIntoView({ block: "center" });
    }
    field.focus({ preventScroll: true });
  });
})();
