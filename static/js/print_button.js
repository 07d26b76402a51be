// Shows the print buttons ([data-print], hidden without JavaScript) and lets them open the print dialog.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
