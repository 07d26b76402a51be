// The one print script, for every page that prints (advice sheet, leaflet, vision, certificate). Print buttons
// ([data-print]) are hidden without JavaScript, where the browser's own print (Ctrl+P) still works and a
// [data-print-hint] may say so; with JavaScript the buttons appear, open the print dialog and the hint goes.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll("[data-print-hint]").forEach(function (hint) { hint.hidden = true; });
})();
