/*
 * Every form that posts gets a key of its own (core.submit_once.SubmitOnceMiddleware):
 * pressed twice, or sent again after a lost answer, the server sees the same key with
 * the same fields and sends the second press where the first went, so nothing is made
 * twice. Forms that arrive later through htmx get theirs on `htmx:load`. A form that has
 * a key from the server ({% submit_once_field %}) keeps it.
 */
(function () {
  var FIELD = "submit_once";

  function newKey() {
    var bytes = new Uint8Array(24);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map
      .call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); })
      .join("");
  }

  function giveKeys(root) {
    var forms = root.querySelectorAll ? root.querySelectorAll("form") : [];
    Array.prototype.forEach.call(forms, function (form) {
      var method = (form.getAttribute("method") || "").toLowerCase();
      if (method !== "post" || form.querySelector('input[name="' + FIELD + '"]')) return;
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = FIELD;
      input.value = newKey();
      form.appendChild(input);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { giveKeys(document); });
  document.addEventListener("htmx:load", function (event) {
    var root = event.target;
    giveKeys(root);
    if (root.tagName === "FORM") giveKeys(root.parentNode || document);
  });
})();
