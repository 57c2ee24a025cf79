/*
 * The pupil's part A: each field is sent by htmx while typing (see home.html). When a send
 * fails, say so at that field and send it again once the phone is back online. Loaded
 * with `defer`, after htmx.
 */
(function () {
  "use strict";

  const unsent = new Set();

  function fieldOf(event) {
    const elt = event.detail.elt;
    return elt && elt.matches && elt.matches("textarea[hx-post]") ? elt : null;
  }

  function markUnsent(event, messageKey) {
    const field = fieldOf(event);
    if (!field) {
      return;
    }
    const box = field.closest(".question");
    box.classList.add("not-saved");
    box.querySelector(".save-status").textContent =
      field.closest("form").dataset[messageKey];
    unsent.add(field);
  }

  document.addEventListener("htmx:sendError", function (event) {
    markUnsent(event, "offlineMessage");
  });
  document.addEventListener("htmx:responseError", function (event) {
    markUnsent(event, "errorMessage");
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    const field = event.detail.successful && fieldOf(event);
    if (field) {
      field.closest(".question").classList.remove("not-saved");
      unsent.delete(field);
    }
  });
  window.addEventListener("online", function () {
    unsent.forEach(function (field) {
      htmx.trigger(field, "change");
    });
  });
})();
