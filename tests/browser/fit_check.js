// What does not fit the page as it is drawn now. Run by test_pages_fit.py through
// page.evaluate; returns one line per problem.
//
// (a) A box that sticks out of the viewport, unless it sits in a box that scrolls sideways
//     (overflow-x auto or scroll): such content is cut off or makes the page scroll.
// (b) A box that scrolls sideways and is wider inside than out, but is not our visible
//     scroll box: `.table-scroll` draws a shadow at the edge with more, and is a named,
//     focusable region so a keyboard can scroll it.
// (c) On a laptop (1280 px), a table that does not fit and scrolls, unless its box is
//     marked data-wide (a matrix that grows with the number of schools).
// (d) A word of a heading (h1-h4, th) broken over two lines, by hyphenation or by
//     overflow-wrap (an e-mail or web address may break).
({ width }) => {
  const viewport = document.documentElement.clientWidth;
  const problems = [];
  const style = (el) => getComputedStyle(el);
  const scrolls = (el) => ["auto", "scroll"].includes(style(el).overflowX);
  const clips = (el) =>
    ["hidden", "clip"].includes(style(el).overflowX) || style(el).clipPath !== "none";
  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += "#" + el.id;
    if (el.classList.length) name += "." + [...el.classList].join(".");
    const text = (el.innerText || el.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ");
    return text ? `${name} "${text.slice(0, 40)}"` : name;
  };
  // Visually hidden text (Pico's and ours: a 1px box with clip-path) is for screen readers.
  const hidden = (el) => {
    for (let a = el; a && a !== document.body; a = a.parentElement) {
      const s = style(a);
      if (s.visibility === "hidden" || s.display === "none") return true;
      if (s.clipPath !== "none" && a.getBoundingClientRect().width <= 2) return true;
    }
    return false;
  };

  // (a) Sticking out of the viewport.
  const reported = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.left >= -0.5 && box.right <= viewport + 0.5) continue;
    if (reported.some((r) => r.contains(el))) continue;
    let left = box.left;
    let right = box.right;
    let intended = false;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (scrolls(a)) {
        intended = true;
        break;
      }
      if (clips(a)) {
        const clip = a.getBoundingClientRect();
        left = Math.max(left, clip.left);
        right = Math.min(right, clip.right);
      }
    }
    if (intended || right - left <= 0) continue;
    if (left >= -0.5 && right <= viewport + 0.5) continue;
    if (hidden(el)) continue;
    reported.push(el);
    const by = Math.round(Math.max(right - viewport, -left));
    problems.push(`sticks out by ${by}px: ${describe(el)}`);
  }

  // (b) Scrolling sideways without the visible, keyboard-reachable scroll box.
  for (const el of document.body.querySelectorAll("*")) {
    if (["TEXTAREA", "SELECT", "INPUT"].includes(el.tagName) || !scrolls(el)) continue;
    if (el.scrollWidth <= el.clientWidth + 1 || hidden(el)) continue;
    const named = el.getAttribute("aria-label") || el.getAttribute("aria-labelledby");
    if (!el.classList.contains("table-scroll") || el.tabIndex < 0 || !named) {
      problems.push(`scrolls sideways without a cue, focus or name: ${describe(el)}`);
    } else if (width >= 1280 && !("wide" in el.dataset)) {
      const by = el.scrollWidth - el.clientWidth;
      problems.push(`needs to scroll ${by}px on a laptop: ${describe(el)}`);
    }
  }

  // (d) Headings with a word broken over two lines, or allowed to be: hyphenation is off
  //     in some browsers (this chromium has no Dutch dictionary) and on in others.
  const range = document.createRange();
  for (const heading of document.querySelectorAll("h1, h2, h3, h4, th")) {
    if (hidden(heading) || !heading.getClientRects().length) continue;
    if (style(heading).hyphens === "auto") {
      problems.push(`heading may be hyphenated (hyphens: auto): ${describe(heading)}`);
    }
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // A word ends at a space, a hyphen or a slash: breaking there is normal.
      for (const word of node.data.matchAll(/[^\s\-\u2010\u2013/]+/g)) {
        // An e-mail address, a web address or a code may break anywhere.
        if (/[@.:_\d]/.test(word[0])) continue;
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const parts = [...range.getClientRects()].filter((r) => r.width > 0);
        const lines = new Set(parts.map((r) => Math.round(r.top)));
        if (lines.size > 1) {
          problems.push(`heading word broken over ${lines.size} lines: "${word[0]}" in ${describe(heading)}`);
        }
      }
    }
  }
  return problems;
}
