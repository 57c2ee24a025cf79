/*
 * Participant pages: each answer is sent by htmx when tapped (see theme.html). When a send
 * fails, say so at that question and send the last choice again: by itself after 1, 2,
 * 4 … up to 30 seconds (with jitter, so a hall of phones does not retry in step) while the
 * network or the server is away (no answer, a timeout, a 5xx: another app server behind
 * the load balancer takes it), at once when the phone is back online, or when the
 * participant taps it again. Sending again is safe: the server keeps one answer per
 * question (an upsert), so a retry of an answer that did arrive changes nothing. A 4xx
 * (a closed session, a wrong value) is not retried: it would fail the same way. Loaded
 * with `defer`, after htmx.
 */
(function () {
  "use strict";

  const RETRY_FIRST_MS = 1000;
  const RETRY_MAX_MS = 30000;
  // A server that never answers counts as failed after this long (htmx waits forever).
  htmx.config.timeout = 15000;

  // question fieldset id → the radio whose answer did not arrive
  const unsent = new Map();
  // question fieldset id → {attempt, timer} of its automatic resend
  const retries = new Map();

  function questionOf(input) {
    return input.closest("fieldset.question");
  }

  function markUnsent(event, messageKey, retry) {
    const input = event.detail.elt;
    const question = input && questionOf(input);
    if (!question) {
      return;
    }
    const form = input.closest("form");
    question.classList.add("not-saved");
    question.querySelector(".answer-status").textContent = form.dataset[messageKey];
    unsent.set(question.id, input);
    if (retry) {
      retryLater(question);
    }
  }

  function resend(input) {
    if (input.checked || input instanceof HTMLTextAreaElement) {
      htmx.trigger(input, "change");
    }
  }

  function retryLater(question) {
    const state = retries.get(question.id) || { attempt: 0, timer: 0 };
    clearTimeout(state.timer);
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** state.attempt);
    state.attempt += 1;
    state.timer = setTimeout(function () {
      const input = unsent.get(question.id);
      if (input) {
        resend(input);
      }
    }, delay * (0.5 + Math.random() / 2));
    retries.set(question.id, state);
  }

  function retryDone(question) {
    const state = retries.get(question.id);
    if (state) {
      clearTimeout(state.timer);
      retries.delete(question.id);
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
    markUnsent(event, "offlineMessage", true);
  });

  document.addEventListener("htmx:timeout", function (event) {
    markUnsent(event, "offlineMessage", true);
  });

  document.addEventListener("htmx:responseError", function (event) {
    markUnsent(event, "errorMessage", event.detail.xhr.status >= 500);
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    // Any answer of the question that arrived is the newest one: the warning can go.
    const question = event.detail.successful && questionOf(event.detail.elt);
    if (question) {
      question.classList.remove("not-saved");
      unsent.delete(question.id);
      retryDone(question);
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
