// Keuzehulp advice sheet: a copy button for the text to paste. Without JavaScript it stays hidden and selecting
// the text still works. The print button is print-button.js's, as on every page that prints.
(function () {
  "use strict";
  document.querySelectorAll("[data-keuzehulp-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-keuzehulp-copy"));
    var status = document.querySelector("[data-keuzehulp-copied]");
    if (!field) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var done = function () { if (status) { status.textContent = button.getAttribute("data-copied-text") || "✓"; } };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () { field.select(); });
      } else {
        field.select();
        if (document.execCommand("copy")) { done(); }
      }
    });
  });
})();
