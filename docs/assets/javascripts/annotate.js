/*
 * Select to annotate: words selected in one essay paragraph get a small bar
 * beside them, "Comment on this passage" (GitHub's new-file page with a
 * complete note) and "Copy link to this passage" (the paragraph's address
 * with a text fragment, #id:~:text=..., which browsers scroll to and mark).
 *
 * The note starts from the paragraph's own comment action, whose address
 * the build writes with the file's name (hooks/edition/features/commentary/
 * render.py, propose_link) and desk.js completes with the note written once
 * on the page (note_template). This script fills in the note's `date:` and
 * `  quote:` lines and, when the words occur more than once in the paragraph, adds
 * `  prefix:` and `  suffix:`, the fewest words around them that tell them
 * apart. The quote is written
 * as the build compares it (edition/content/folding.py: invisible characters
 * dropped, NFKC, typographic quotes and dashes plain, white space as one
 * space), so the note builds as it is; tests/browser/test_annotate.py
 * builds one. After a keyboard selection the paragraph's comment action
 * proposes the selected passage too.
 *
 * A selection across paragraphs, or in the page but outside an essay
 * paragraph, gets a short message instead; so does a passage longer than a
 * quote may be, or one that would make an address longer than GitHub
 * accepts. Progressive enhancement: without this script the paragraph
 * actions work as before. Works with Material's instant loading: the page
 * that first loads it need not be an essay page (desk.js loads it then).
 */
(function () {
  "use strict";

  var MAX_QUOTE = 500; // characters: edition/content/note_schema.py, MAX_QUOTE
  // GitHub refuses a request line past about 8 KB (414 URI Too Long; its
  // servers' limit is reported as 8,192 bytes): stay well under it.
  var MAX_ADDRESS = 8000;
  var NAME_WORDS = 6; // words of the quote in the file's name (scaffold.py, MAX_NAME_WORDS)
  var FRAGMENT_WORDS = 3; // words of context in a text fragment, when the words recur on the page
  var TYPOGRAPHIC = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    "\u2010": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-"
  };
  var TYPOGRAPHIC_RE = /[\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2010\u2012\u2013\u2014\u2015\u2212]/g;
  var IGNORABLE_RE = /\p{Default_Ignorable_Code_Point}/gu;
  var SPACE_RE = /[\s\x1c-\x1f\x85]+/; // what Python's str.split() splits on
  var MESSAGES = {
    across: "Select words within one paragraph to comment on them.",
    outside: "Select words in a paragraph of the essay to comment on them.",
    long: "This passage has {n} characters; a note quotes at most " + MAX_QUOTE + ". Select fewer words.",
    address: "This passage makes an address longer than GitHub accepts. Select fewer words."
  };

  /* The text as the build compares it (folding.fold_text). */
  function fold(text) {
    text = text.replace(IGNORABLE_RE, "").normalize("NFKC").replace(TYPOGRAPHIC_RE, function (c) {
      return TYPOGRAPHIC[c];
    });
    return text.split(SPACE_RE).filter(Boolean).join(" ");
  }

  /* Where `quote` starts in `text`, every occurrence (overlapping too), as anchor.starts does. */
  function starts(text, quote) {
    var found = [];
    for (var at = text.indexOf(quote); quote && at !== -1; at = text.indexOf(quote, at + 1)) found.push(at);
    return found;
  }

  function fits(text, start, end, prefix, suffix) {
    return text.slice(0, start).replace(/ +$/, "").endsWith(prefix) &&
      text.slice(end).replace(/^ +/, "").startsWith(suffix);
  }

  /* The fewest words before and after text[start:end] that tell it from its other occurrences (anchor.context). */
  function context(text, start, end) {
    var quote = text.slice(start, end);
    var others = starts(text, quote).filter(function (s) { return s !== start; });
    var before = text.slice(0, start).trim() ? text.slice(0, start).replace(/ +$/, "").split(" ") : [];
    var after = text.slice(end).trim() ? text.slice(end).replace(/^ +/, "").split(" ") : [];
    var prefix = "", suffix = "";
    for (var words = 1; words <= Math.max(before.length, after.length); words++) {
      if (!others.some(function (s) { return fits(text, s, s + quote.length, prefix, suffix); })) break;
      prefix = before.slice(Math.max(0, before.length - words)).join(" ");
      suffix = after.slice(0, words).join(" ");
    }
    return [prefix, suffix];
  }

  /* A file name from the quote, as the build accepts names (lower-case a-z, digits, single hyphens). */
  function fileName(quote, taken) {
    var ascii = quote.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase().replace(/'/g, "");
    var base = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").split("-").slice(0, NAME_WORDS).join("-");
    base = base || "note";
    var name = base;
    for (var n = 2; taken.indexOf(name) !== -1; n++) name = base + "-" + n;
    return name;
  }

  /* The file names of the essay's notes, on every page of it (render.proposals): a new note's may be none of them. */
  function takenNames() {
    var listed = document.querySelector(".md-content [data-note-names]");
    return listed ? listed.getAttribute("data-note-names").split(" ").filter(Boolean) : [];
  }

  /* A YAML double-quoted scalar: JSON's, with the characters YAML will not read raw escaped too. */
  function yamlString(text) {
    return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029]/g, function (c) {
      return "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
    });
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  /* The note of a comment action's address, with its date, quote and context filled in. */
  function fillNote(note, quote, prefix, suffix) {
    var target = "  quote: " + yamlString(quote);
    if (prefix) target += "\n  prefix: " + yamlString(prefix);
    if (suffix) target += "\n  suffix: " + yamlString(suffix);
    return note.replace(/^date: .*$/m, "date: " + today()).replace(/^ {2}quote: .*$/m, function () { return target; });
  }

  /* A comment action's address for a passage: the same page of GitHub, another file name and note. */
  function passageAddress(template, quote, prefix, suffix, taken) {
    var at = template.indexOf("?");
    var params = new URLSearchParams(template.slice(at + 1));
    var note = fillNote(params.get("value") || "", quote, prefix, suffix);
    return template.slice(0, at) + "?filename=" + encodeURIComponent(fileName(quote, taken) + ".md") + "&value=" + encodeURIComponent(note);
  }

  /* A text fragment's part: percent-encoded, with '-' and ',' too (they separate its parts). */
  function fragmentPart(text) {
    return encodeURIComponent(text).replace(/-/g, "%2D");
  }

  function words(text) {
    return text.split(SPACE_RE).filter(Boolean);
  }

  /* #id:~:text=..., with a few words either side when the words occur elsewhere on the page too. */
  function passageLink(paragraph, raw, before, after) {
    var quote = words(raw).join(" ");
    var page = words(document.querySelector(".md-content").textContent).join(" ").toLowerCase();
    var directive = fragmentPart(quote);
    if (starts(page, quote.toLowerCase()).length > 1) {
      var prefix = words(before).slice(-FRAGMENT_WORDS).join(" ");
      var suffix = words(after).slice(0, FRAGMENT_WORDS).join(" ");
      directive = (prefix ? fragmentPart(prefix) + "-," : "") + directive + (suffix ? ",-" + fragmentPart(suffix) : "");
    }
    return location.href.split("#")[0] + "#" + paragraph.id + ":~:text=" + directive;
  }

  /* The essay paragraph around a node: a p[id] followed by its actions, with a comment action. */
  function paragraphOf(node) {
    var element = node && (node.nodeType === 1 ? node : node.parentElement);
    var paragraph = element && element.closest("p[id]");
    var actions = paragraph && paragraph.nextElementSibling;
    if (!actions || !actions.classList.contains("paragraph-actions")) return null;
    return actions.querySelector("a.paragraph-comment") ? paragraph : null;
  }

  /* What a selection proposes: {paragraph, address, link} or {message}, with `near`; null when it is not ours. */
  function read(selection) {
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    var range = selection.getRangeAt(0);
    var content = document.querySelector(".md-content");
    if (!content || !content.contains(range.commonAncestorContainer)) return null;
    if (!content.querySelector(".paragraph-actions a.paragraph-comment")) return null; // not an essay page
    var raw = range.toString(), quote = fold(raw);
    if (!quote) return null;
    var first = paragraphOf(range.startContainer), last = paragraphOf(range.endContainer);
    var length = Array.from(quote).length;
    var message = !first || !last ? MESSAGES.outside : first !== last ? MESSAGES.across
      : length > MAX_QUOTE ? MESSAGES.long.replace("{n}", length) : "";
    return message ? {message: message, near: range} : propose(first, range, raw, quote);
  }

  /* The proposal for `quote`, selected by `range` in `paragraph`: the occurrence nearest the selection. */
  function propose(paragraph, range, raw, quote) {
    var head = document.createRange(), tail = document.createRange();
    head.selectNodeContents(paragraph);
    head.setEnd(range.startContainer, range.startOffset);
    tail.selectNodeContents(paragraph);
    tail.setStart(range.endContainer, range.endOffset);
    var text = fold(paragraph.textContent);
    var near = fold(head.toString()).length; // where the selection starts in the folded paragraph, about
    var start = starts(text, quote).reduce(function (best, s) {
      return best === undefined || Math.abs(s - near) < Math.abs(best - near) ? s : best;
    }, undefined);
    if (start === undefined) return {message: MESSAGES.outside, near: range};
    var around = context(text, start, start + quote.length);
    var taken = takenNames();
    var action = paragraph.nextElementSibling.querySelector("a.paragraph-comment");
    var address = passageAddress(template(action), quote, around[0], around[1], taken);
    if (address.length > MAX_ADDRESS) return {message: MESSAGES.address, near: range};
    var link = passageLink(paragraph, raw, head.toString(), tail.toString());
    return {paragraph: paragraph, address: address, link: link, near: range};
  }

  /* A comment action's own address (desk.js has joined the note to it), kept the first time this script changes it. */
  function template(action) {
    if (!action.dataset.editionTemplate) {
      action.dataset.editionTemplate = action.getAttribute("href");
      action.dataset.editionLabel = action.getAttribute("aria-label") || "";
    }
    return action.dataset.editionTemplate;
  }

  var state = {bar: null, live: null, action: null, timer: 0, proposal: null, pressed: false};

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function bar() {
    if (state.bar && state.bar.isConnected) return state.bar;
    var box = element("div", "annotate-bar");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "Selected passage");
    box.hidden = true;
    var comment = element("a", "annotate-comment", "Comment on this passage");
    comment.rel = "nofollow";
    var copy = element("button", "annotate-copy", "Copy link to this passage");
    copy.type = "button";
    copy.addEventListener("click", copyLink);
    var message = element("p", "annotate-message");
    box.append(comment, copy, message);
    state.live = element("p", "annotate-live");
    state.live.setAttribute("role", "status");
    state.bar = box;
    return box;
  }

  function announce(text) {
    if (state.live) state.live.textContent = text;
  }

  /* The bar after the paragraph's actions (so Tab reaches it next), placed just below the selection. */
  function show(proposal) {
    var box = bar();
    // On the whole-essay page a part off screen is not laid out and clips what it holds: the bar goes after it.
    var part = proposal.paragraph && proposal.paragraph.closest(".essay-part");
    var host = part || (proposal.paragraph ? proposal.paragraph.nextElementSibling : null);
    var content = document.querySelector(".md-content__inner") || document.querySelector(".md-content");
    if (host) host.after(box); else content.append(box);
    if (!state.live.isConnected) content.append(state.live);
    var comment = box.querySelector(".annotate-comment"), copy = box.querySelector(".annotate-copy");
    var message = box.querySelector(".annotate-message");
    comment.hidden = copy.hidden = !proposal.paragraph;
    message.hidden = !proposal.message;
    message.textContent = proposal.message || "";
    if (proposal.paragraph) comment.href = proposal.address;
    box.hidden = false;
    place(box, proposal.near);
    if (proposal.message) announce(proposal.message);
  }

  function place(box, range) {
    var rects = range.getClientRects();
    var line = rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
    var origin = (box.offsetParent || document.body).getBoundingClientRect();
    var width = box.offsetWidth, room = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(line.left, room - width - 8));
    box.style.top = (line.bottom - origin.top + 8) + "px";
    box.style.left = (left - origin.left) + "px";
  }

  function hide() {
    if (state.bar) state.bar.hidden = true;
    restore();
    state.proposal = null;
  }

  /* The paragraph's comment action proposes the selected passage (for keyboard users, who reach it by Tab). */
  function lend(proposal) {
    restore();
    if (!proposal || !proposal.paragraph) return;
    var action = proposal.paragraph.nextElementSibling.querySelector("a.paragraph-comment");
    template(action);
    action.href = proposal.address;
    action.setAttribute("aria-label", "Propose a note on the selected passage");
    state.action = action;
  }

  function restore() {
    var action = state.action;
    if (action && action.dataset.editionTemplate) {
      action.href = action.dataset.editionTemplate;
      action.setAttribute("aria-label", action.dataset.editionLabel);
    }
    state.action = null;
  }

  function copyLink() {
    var link = state.proposal && state.proposal.link;
    if (!link) return;
    var done = function () { announce("Link copied: paste it to share the passage."); };
    var failed = function () { announce("Could not copy the link; it is " + link); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(link).then(done, failed);
    } else {
      failed();
    }
  }

  function update() {
    state.timer = 0;
    var proposal = read(document.getSelection());
    if (!proposal) return;
    state.proposal = proposal;
    lend(proposal.paragraph ? proposal : null);
    show(proposal);
  }

  // The selection is read once it rests: a moment after the last change by keyboard or handles, and when the
  // button is released after a drag (not while the words are still being swept).
  function later(delay) {
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(update, delay);
  }

  document.addEventListener("selectionchange", function () {
    if (!state.pressed) later(120);
  });
  // A click or tap elsewhere ends the proposal (not one on the paragraph's comment action, which proposes it
  // too); focus moving by Tab keeps it, so that the keyboard reaches it.
  document.addEventListener("pointerdown", function (event) {
    var inside = [state.bar, state.action].some(function (node) { return node && node.contains(event.target); });
    if (inside) return;
    state.pressed = true;
    if (state.bar) hide();
  });
  document.addEventListener("pointerup", function () {
    if (state.pressed) later(10);
    state.pressed = false;
  });
  document.addEventListener("pointercancel", function () {  // a long press on a touch screen: the browser selects
    state.pressed = false;
    later(120);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && state.bar && !state.bar.hidden) hide();
  });
  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { state.bar = null; state.action = null; state.proposal = null; });
  }

  // For the tests: the folding and the context must agree with the build's (tests/browser/test_annotate.py);
  // for desk.js, which loads this script after an instant navigation unless it has run.
  window.editionAnnotate = {fold: fold, context: context, fileName: fileName, takenNames: takenNames};
})();
