// On a narrow screen, start with the filter panel folded so the results are in view; without JS it stays open.
(function () {
  var panel = document.querySelector("details[data-collapse-below]");
  if (!panel) return;
  var breakpoint = parseInt(panel.getAttribute("data-collapse-below"), 10);
  if (window.matchMedia("(max-width: " + (breakpoint - 0.02) + "px)").matches) {
    panel.open = false;
  }
})();
