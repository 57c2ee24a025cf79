// The facilitator's clock: the server writes whole minutes; this ticks the seconds.
// Optional: without JavaScript the page shows the minutes of its last refresh.
(function () {
  "use strict";

  function pad(n) {
    return n < 10 ? "0" + n : String(n);
  }

  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-clock-since]").forEach(function (el) {
      var since = Date.parse(el.getAttribute("data-clock-since"));
      if (isNaN(since)) {
        return;
      }
      var seconds = Math.max(0, Math.floor((now - since) / 1000));
      el.textContent = Math.floor(seconds / 60) + ":" + pad(seconds % 60);
    });
  }

  document.addEventListener("DOMContentLoaded", tick);
  // htmx replaces the phase panel now and then: tick at once, not a second later.
  document.addEventListener("htmx:afterSettle", tick);
  window.setInterval(tick, 1000);
})();
