// Waiting-room screen: shows one slide at a time and moves on by itself. Without this script every slide is
// shown one below the other. A pause button stops the movement (WCAG 2.2.2); people who ask their system for
// reduced motion get a screen that starts paused and switches slides without animation.
(function () {
  var container = document.querySelector("[data-slides]");
  if (!container) { return; }
  var slides = Array.prototype.slice.call(container.querySelectorAll(".slide"));
  var controls = document.querySelector("[data-screen-controls]");
  var pauseButton = document.querySelector("[data-screen-pause]");
  var fullscreenButton = document.querySelector("[data-screen-fullscreen]");
  var interval = parseInt(container.getAttribute("data-interval"), 10) || 12000;
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var labels = { pause: pauseButton.textContent, play: pauseButton.getAttribute("data-play-label") || "Play" };
  var current = 0;
  var timer = null;

  function show(index) {
    slides.forEach(function (slide, i) {
      var visible = i === index;
      slide.classList.toggle("is-current", visible);
      slide.setAttribute("aria-hidden", visible ? "false" : "true");
    });
    current = index;
  }

  function next() { show((current + 1) % slides.length); }

  function play() {
    if (timer === null && slides.length > 1) { timer = window.setInterval(next, interval); }
    pauseButton.textContent = labels.pause;
    container.setAttribute("aria-live", "off");
  }

  function pause() {
    if (timer !== null) { window.clearInterval(timer); timer = null; }
    pauseButton.textContent = labels.play;
    container.setAttribute("aria-live", "polite");
  }

  container.classList.add("is-enhanced");
  controls.hidden = false;
  show(0);
  pauseButton.addEventListener("click", function () { if (timer === null) { play(); } else { pause(); } });
  if (fullscreenButton && document.documentElement.requestFullscreen) {
    fullscreenButton.addEventListener("click", function () {
      if (document.fullscreenElement) { document.exitFullscreen(); } else { document.documentElement.requestFullscreen(); }
    });
  } else if (fullscreenButton) {
    fullscreenButton.hidden = true;
  }
  if (reduceMotion) { pause(); } else { play(); }
})();
