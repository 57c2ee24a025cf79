/*
 * Participant pages: each answer is sent by htmx when tapped (see theme.html). When a send
 * fails, say so at that question and send the last choice again once the phone is back
 * online, or when the participant taps it again. Loaded with `defer`, after htmx.
 */
(function () {
  "use strict";

  // question fieldset id → the radio whose answer did not arrive
  const unsent = new Map();

  function questionOf(input) {
    return input.closest("fieldset.question");
  }

  function markUnsent(event, messageKey) {
    const input = event.detail.elt;
    const question = input && questionOf(input);
    if (!question) {
      return;
    }
    const form = input.closest("form");
    question.classList.add("not-saved");
    question.querySelector(".answer-status").textContent = form.dataset[messageKey];
    unsent.set(question.id, input);
  }

  function resend(input) {
    if (input.checked || input instanceof HTMLTextAreaElement) {
      htmx.trigger(input, "change");
    }
  }

  // An open question's counter: "123 of 500 characters", in the page's own words.
  function count(area) {
    const counter = document.getElementById(area.dataset.counter);
    if (counter) {
      const words = counter.dataset.template || counter.textContent.replace(/^\d+/, "{n}");
      counter.dataset.template = words;
      counter.textContent = words.replace("{n}", String(area.value.length));
    }
  }

  document.addEventListener("input", function (event) {
    if (event.target instanceof HTMLTextAreaElement && event.target.dataset.counter) {
      count(event.target);
    }
  });

  document.addEventListener("htmx:sendError", function (event) {
    markUnsent(event, "offlineMessage");
  });

  document.addEventListener("htmx:responseError", function (event) {
    markUnsent(event, "errorMessage");
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    // Any answer of the question that arrived is the newest one: the warning can go.
    const question = event.detail.successful && questionOf(event.detail.elt);
    if (question) {
      question.classList.remove("not-saved");
      unsent.delete(question.id);
    }
  });

  // Tapping the already chosen answer fires no "change": send it again ourselves.
  document.addEventListener("click", function (event) {
    const input = event.target;
    if (input instanceof HTMLInputElement && unsent.get(questionOf(input)?.id) === input) {
      resend(input);
    }
  });

  window.addEventListener("online", function () {
    unsent.forEach(resend);
  });
})();
