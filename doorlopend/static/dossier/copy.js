/*
 * "Copy link" buttons: data-copy names the input whose value goes to the clipboard;
 * the button says data-copied for a moment. Without the clipboard API the input is
 * selected, so the person copies it by hand.
 */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    const button = event.target.closest("button[data-copy]");
    if (!button) {
      return;
    }
    const input = document.getElementById(button.dataset.copy);
    if (!input) {
      return;
    }
    input.select();
    const label = button.textContent;
    const done = function () {
      button.textContent = button.dataset.copied;
      setTimeout(function () {
        button.textContent = label;
      }, 2000);
    };
    if (navigator.clipboard) {
      navigator.clipboard.writeText(input.value).then(done, function () {});
    }
  });
})();
