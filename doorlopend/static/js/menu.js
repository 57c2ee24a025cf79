/*
 * The menu button of the header on phones and tablets (below 64rem; doorlopend.css).
 *
 * Without this script the button stays hidden and the whole menu shows, as on a laptop.
 * Loaded in <head> without defer, so the `js` class is on <html> before the header is
 * drawn: the folded menu never flashes open.
 */
document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", function () {
  var header = document.querySelector(".site-header");
  var button = header && header.querySelector(".menu-button");
  if (!button) return;

  function setOpen(open) {
    header.classList.toggle("menu-open", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  button.hidden = false;
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  // Escape folds the open menu and puts the focus back on its button.
  header.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && header.classList.contains("menu-open")) {
      setOpen(false);
      button.focus();
    }
  });
});
