// Keuzehulp advice sheet: copy buttons for the texts to paste (the message for the patient, the entry for the HIS).
// Without JavaScript the buttons stay hidden and the read-only fields can still be selected and copied by hand.
// A button names its field (data-keuzehulp-copy) and its own status line (data-copied-status). The print button is
// print-button.js's, as on every page that prints.
(function () {
  "use strict";
  document.querySelectorAll("[data-keuzehulp-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-keuzehulp-copy"));
    var status = document.getElementById(button.getAttribute("data-copied-status") || "");
    if (!field) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var done = function () { if (status) { status.textContent = button.getAttribute("data-copied-text") || "✓"; } };
      // Selected either way: if the clipboard is refused, the GP presses Ctrl+C on the selected text.
      field.focus();
      field.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () { field.select(); });
      } else if (document.execCommand("copy")) {
        done();
      }
    });
  });
})();
