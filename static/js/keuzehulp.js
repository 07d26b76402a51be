// Keuzehulp advice sheet: a print button and a copy button. Without JavaScript both stay hidden and the
// browser's own print (Ctrl+P) and selecting the text still work.
(function () {
  "use strict";
  document.querySelectorAll("[data-keuzehulp-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
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
