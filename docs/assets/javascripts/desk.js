/*
 * The reading desk: notes in the margin, glossary previews, citations and the
 * filter by kind. Everything it works on is in the page already (the build
 * writes the controls, the stylesheet lays the page out before this runs), so
 * a page without this script is a complete page, and running it moves nothing
 * a reader has seen. Work per page is one pass over its notes, controls and
 * glossary links; listeners are delegated from the document, once.
 * Runs on every page Material loads (document$ fires after each instant
 * navigation).
 */
(() => {
  "use strict";

  const root = document.documentElement;
  const wide = matchMedia("screen and (min-width: 76.25em)"); // where notes go to the margin

  /* -- one small popover at a time: a non-modal dialog next to what opened it ------------------- */

  const popover = { element: null, opener: null, onClose: null, returning: null };

  function openPopover(element, opener, onClose) {
    closePopover(false);
    opener.after(element); // next in reading and focus order: Tab from the opener goes into it
    element.showPopover(); // the top layer: never clipped by the text's containers
    Object.assign(popover, { element, opener, onClose });
    placePopover();
  }

  function closePopover(refocus) {
    const { element, opener, onClose } = popover;
    if (!element) return;
    Object.assign(popover, { element: null, opener: null, onClose: null });
    if (element.matches(":popover-open")) element.hidePopover();
    if (onClose) onClose();
    if (refocus && opener.isConnected) {
      popover.returning = opener; // focus comes back to the opener: that does not open it again
      opener.focus({ preventScroll: true });
      popover.returning = null;
    }
  }

  function placePopover() {
    const { element, opener } = popover;
    if (!element) return;
    const at = opener.getClientRects()[0] || opener.getBoundingClientRect();
    const { width, height } = element.getBoundingClientRect();
    const below = at.bottom + 6;
    const above = at.top - height - 6;
    const top = below + height <= innerHeight - 8 ? below : above >= 8 ? above : Math.max(8, innerHeight - height - 8);
    const left = Math.max(8, Math.min(at.left, innerWidth - width - 8));
    Object.assign(element.style, { top: `${top}px`, left: `${left}px` });
  }

  function made(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    element.append(...children);
    return element;
  }

  /* -- glossary previews --------------------------------------------------------------------------- */

  let previews = null; // the build's glossary/previews.json, fetched once
  let lastPointer = "mouse";
  let hoverTimer = 0;

  function previewData() {
    if (!previews) {
      previews = location.protocol === "file:" // a browser does not fetch from disk: the terms stay links
        ? Promise.resolve({})
        : fetch(new URL("glossary/previews.json", __md_scope)).then((r) => (r.ok ? r.json() : {}), () => ({}));
    }
    return previews;
  }

  function entryOf(term) {
    const address = term.href.split("#")[0];
    return address.startsWith(__md_scope.href) ? address.slice(__md_scope.href.length) : address;
  }

  function preview(term, byHover) {
    if (popover.opener === term) return;
    previewData().then((data) => {
      const entry = data[entryOf(term)];
      const citing = popover.element && popover.element.classList.contains("cite-dialog");
      if (!entry || !term.isConnected || (byHover && citing)) return; // passing over a term keeps a citation open
      const heading = made("p", { class: "glossary-preview__title", id: "glossary-preview-title" });
      heading.append(made("strong", {}, entry.title));
      if (entry.zh) heading.append(" ", made("span", { lang: "zh" }, entry.zh));
      const count = entry.mentions === 1 ? "1 paragraph" : `${entry.mentions} paragraphs`;
      const box = made(
        "div",
        { class: "glossary-preview", popover: "manual", role: "dialog", "aria-labelledby": heading.id },
        heading,
        made("p", { id: "glossary-preview-summary" }, entry.summary),
        made("p", { class: "glossary-preview__mentions" }, `Mentioned in ${count}`),
        made("a", { href: term.href }, "Read the entry"),
      );
      openPopover(box, term, () => {
        term.removeAttribute("aria-describedby");
        box.remove();
      });
      term.setAttribute("aria-describedby", "glossary-preview-summary");
    });
  }

  const CONTROLS = "a, button, input, select, textarea, summary";
  const termOf = (node) => node instanceof Element && node.closest("a.glossary-link");
  const inPopover = (node) => node instanceof Node && popover.element && popover.element.contains(node);

  document.addEventListener("pointerdown", (event) => (lastPointer = event.pointerType), true);

  document.addEventListener("mouseover", (event) => {
    const term = termOf(event.target);
    if (term || inPopover(event.target)) clearTimeout(hoverTimer);
    if (term && lastPointer === "mouse") hoverTimer = setTimeout(() => preview(term, true), 150);
  });

  document.addEventListener("mouseout", (event) => {
    const from = termOf(event.target) || inPopover(event.target);
    const to = event.relatedTarget;
    if (!from || lastPointer !== "mouse" || termOf(to) === popover.opener || inPopover(to)) return;
    clearTimeout(hoverTimer);
    if (popover.element && popover.element.classList.contains("glossary-preview")) {
      hoverTimer = setTimeout(() => closePopover(false), 250);
    }
  });

  document.addEventListener("focusin", (event) => {
    const term = termOf(event.target);
    if (term && term !== popover.returning && term.matches(":focus-visible")) preview(term);
  });

  // Focus moving on to another control closes the popover (a tap on the page is the click handler's).
  document.addEventListener("focusout", (event) => {
    const { element, opener } = popover;
    const to = event.relatedTarget;
    if (element && to && !inPopover(to) && to !== opener && (event.target === opener || inPopover(event.target))) {
      closePopover(false);
    }
  });

  // On touch the first tap previews (the link inside goes to the entry), the second follows the term.
  // Captured before Material's instant navigation sees the click.
  document.addEventListener(
    "click",
    (event) => {
      const term = termOf(event.target);
      if (term && lastPointer === "touch" && popover.opener !== term && !inPopover(term)) {
        event.preventDefault();
        event.stopPropagation();
        preview(term);
      } else if (popover.element && !inPopover(event.target) && !popover.opener.contains(event.target)) {
        const control = event.target instanceof Element && event.target.closest(CONTROLS);
        closePopover(!control); // a tap on the page gives focus back to the opener; a tap on a control keeps it
      }
    },
    true,
  );

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && popover.element) {
      event.stopPropagation();
      closePopover(true);
    }
  });

  addEventListener("scroll", placePopover, { passive: true });
  addEventListener("resize", placePopover, { passive: true });

  /* -- citations ----------------------------------------------------------------------------------- */

  const months = "January February March April May June July August September October November December".split(" ");
  const longDate = (iso) => {
    const [year, month, day] = iso.split("-").map(Number);
    return year && month && day ? `${day} ${months[month - 1]} ${year}` : iso;
  };
  const today = (now = new Date()) =>
    [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
  const meta = (name) => (document.querySelector(`meta[name="${name}"], meta[property="${name}"]`) || {}).content || "";
  const SPELLED = { "\\": "\\textbackslash{}", "~": "\\textasciitilde{}", "^": "\\textasciicircum{}" };
  const bibtex = (text) => text.replace(/[\\{}&%$#_~^]/g, (c) => SPELLED[c] || `\\${c}`);
  /** A title in double quotes; quotes inside it become single ones, as in "A ‘word’". */
  const quoted = (title) => `\u201c${title.replace(/\u201c/g, "\u2018").replace(/\u201d/g, "\u2019")}\u201d`;

  /** The published address of a page of this site, however the reader reached it (a copy, a preview). */
  function published(href) {
    const url = new URL(href, location.href).href;
    const site = meta("edition-site-url");
    return site && url.startsWith(__md_scope.href) ? site + url.slice(__md_scope.href.length) : url;
  }

  function essayFacts() {
    return {
      author: meta("citation_author"),
      title: meta("citation_title"),
      publication: meta("citation_journal_title"),
      date: meta("citation_publication_date").replace(/\//g, "-"),
      edition: meta("og:site_name"),
      revision: meta("edition-revision"),
      revised: meta("edition-revision-date"),
    };
  }

  /** A citation of a paragraph or a note: {text, bibtex}. */
  function citation(control) {
    const essay = essayFacts();
    const accessed = today();
    const edition = `${essay.edition}, revision ${essay.revision} (${longDate(essay.revised)})`;
    const original = [essay.publication, longDate(essay.date)].filter(Boolean).join(", ");
    const work = `${essay.author}, ${quoted(essay.title)}${original ? `, ${original}` : ""}`;
    let who, what, when, where, url, key;
    const callout = control.closest("details.note-callout");
    if (callout) {
      who = callout.querySelector(".note-author").textContent;
      what = callout.querySelector(".note-title").textContent;
      when = callout.querySelector(".note-meta time").getAttribute("datetime");
      url = published(callout.querySelector(".note-permalink").href);
      where = `${callout.dataset.kind} note on ${work}`;
      key = `${who}${when.slice(0, 4)}-${callout.id}`;
    } else {
      who = essay.author;
      what = essay.title;
      when = essay.date;
      where = control.dataset.citePlace;
      url = published(control.dataset.citeHref);
      key = `${who}${when.slice(0, 4)}-${new URL(url).hash.slice(1)}`;
    }
    const text = callout
      ? `${who}, ${quoted(what)}, ${where}; in ${edition}, ${longDate(when)}, ${url}`
      : `${work}; in ${edition}, ${where}, ${url}`;
    const cited = `${text} (accessed ${longDate(accessed)}).`;
    const fields = [
      ["author", who],
      ["title", what],
      ["howpublished", callout ? `${where}; in ${edition}` : original],
      ["year", when.slice(0, 4)],
      ["date", when],
      ["note", callout ? "" : `${edition}, ${where}`],
      ["url", url],
      ["urldate", accessed],
    ].filter(([, value]) => value);
    const lines = fields.map(([name, value]) => `  ${name} = {${name === "url" ? value : bibtex(value)}}`);
    const id = key.toLowerCase().normalize("NFKD").replace(/[^a-z0-9:-]+/g, "");
    return { text: cited, bibtex: `@misc{${id},\n${lines.join(",\n")}\n}` };
  }

  function copyButton(what, text, status) {
    const button = made("button", { type: "button", class: "cite-dialog__copy" }, `Copy ${what}`);
    button.addEventListener("click", () => {
      const done = () => (status.textContent = `The ${what} is copied.`);
      const failed = () => (status.textContent = "This browser does not allow copying: select the text and copy it.");
      navigator.clipboard ? navigator.clipboard.writeText(text).then(done, failed) : failed();
    });
    return button;
  }

  function cite(control) {
    if (popover.opener === control) return closePopover(true);
    const what = control.closest("details.note-callout") ? "note" : "paragraph";
    const { text, bibtex: entry } = citation(control);
    const status = made("p", { class: "cite-dialog__status", role: "status" });
    const title = made("p", { class: "cite-dialog__title", id: "cite-dialog-title" }, `Cite this ${what}`);
    const close = made("button", { type: "button", class: "cite-dialog__close", "aria-label": "Close" }, "\u00d7");
    close.addEventListener("click", () => closePopover(true));
    const box = made(
      "div",
      { class: "cite-dialog md-typeset", popover: "manual", role: "dialog", "aria-labelledby": title.id },
      close,
      title,
      made("p", { class: "cite-dialog__text" }, text),
      copyButton("citation", text, status),
      made("pre", {}, made("code", {}, entry)),
      copyButton("BibTeX", entry, status),
      status,
    );
    openPopover(box, control, () => {
      control.setAttribute("aria-expanded", "false");
      box.remove();
    });
    control.setAttribute("aria-expanded", "true");
    box.querySelector(".cite-dialog__copy").focus({ preventScroll: true });
  }

  document.addEventListener("click", (event) => {
    const control = event.target instanceof Element && event.target.closest(".paragraph-cite, .note-cite");
    if (control) cite(control);
  });

  /* -- the filter by kind: the choice lives on <html> (read by the stylesheet) and in local storage -- */

  const hiddenKinds = () => (root.dataset.hiddenKinds || "").split(" ").filter(Boolean);

  function syncFilter() {
    const hidden = hiddenKinds();
    for (const box of document.querySelectorAll(".note-filter input[name=note-kind]")) {
      box.checked = !hidden.includes(box.value);
    }
  }

  document.addEventListener("change", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.name !== "note-kind" || !box.closest(".note-filter")) return;
    const hidden = hiddenKinds().filter((kind) => kind !== box.value);
    if (!box.checked) hidden.push(box.value);
    root.dataset.hiddenKinds = hidden.join(" ");
    __md_set("edition.hidden-kinds", hidden);
    const notes = [...document.querySelectorAll(".md-content :is(details.note-callout, .note-item)")];
    const shown = notes.filter((note) => !hidden.includes(note.dataset.kind)).length;
    const status = box.closest(".note-filter").querySelector("[role=status]");
    status.textContent = `Showing ${shown} of ${notes.length} ${notes.length === 1 ? "note" : "notes"}.`;
    placeNotes();
  });

  /* -- notes in the margin: placed by overrides/partials/margin-notes.html, again when the layout changes -- */

  const placeNotes = () => window.editionPlaceNotes && window.editionPlaceNotes();

  let frame = 0;
  const replace = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(placeNotes);
  };
  wide.addEventListener("change", replace);
  addEventListener("resize", replace, { passive: true });
  addEventListener("load", replace);
  document.addEventListener("toggle", (event) => event.target.matches?.("details.note-callout") && replace(), true);

  /* -- a note and its passage point at each other on hover and focus ------------------------------- */

  const linked = { hover: "", focus: "" };

  function noteOf(node) {
    if (!(node instanceof Element)) return "";
    const mark = node.closest("mark.note-quote[aria-details], a.note-ref");
    if (mark) return mark.getAttribute("aria-details") || decodeURIComponent(mark.hash.slice(1));
    const callout = node.closest("details.note-callout");
    return callout ? callout.id : "";
  }

  function light(id, on) {
    if (!id) return;
    const name = CSS.escape(id);
    const selector = `[aria-details="${name}"], a.note-ref[href$="#${name}"]`; // Material makes hrefs absolute
    for (const part of [document.getElementById(id), ...document.querySelectorAll(selector)]) {
      if (part) part.classList.toggle("is-linked", on);
    }
  }

  function link(how, id) {
    if (linked[how] === id) return;
    const before = linked[how];
    linked[how] = id;
    if (before && before !== linked.hover && before !== linked.focus) light(before, false);
    light(id, true);
  }

  document.addEventListener("mouseover", (event) => link("hover", noteOf(event.target)));
  document.addEventListener("focusin", (event) => link("focus", noteOf(event.target)));
  document.addEventListener("focusout", (event) => link("focus", noteOf(event.relatedTarget)));

  /* -- proposing a note ----------------------------------------------------------------------------- */

  /*
   * The build writes each paragraph's comment action with the new note's file name only, and the note it starts
   * from once on the page (render.proposals: the same for every paragraph but its id), which spares every
   * paragraph a kilobyte. Here the two are joined, on every page Material loads. Without scripts the action opens
   * GitHub's new-file page with the file's name and an empty file.
   */
  function completeProposals() {
    const source = document.querySelector(".md-content [data-note-value]");
    if (!source) return;
    const note = source.getAttribute("data-note-value");
    for (const action of document.querySelectorAll(".paragraph-actions a.paragraph-comment")) {
      const paragraph = action.parentElement.previousElementSibling;
      const href = action.getAttribute("href") || "";
      if (!paragraph?.id || /[?&]value=/.test(href)) continue;
      action.setAttribute("href", `${href}&value=${note.replace("{paragraph}", encodeURIComponent(paragraph.id))}`);
    }
  }

  /*
   * Select to annotate (annotate.js) is in an essay page's own scripts; Material's instant navigation runs only
   * the scripts inside a page's content, so an essay page reached from another kind of page gets it from here.
   */
  const annotateScript = new URL("annotate.js", document.currentScript.src).href;
  let annotateRequested = false;

  function loadAnnotate() {
    if (window.editionAnnotate || annotateRequested) return;
    if (!document.querySelector(".paragraph-actions a.paragraph-comment")) return;
    annotateRequested = true;
    const script = document.createElement("script");
    script.src = annotateScript;
    document.body.append(script);
  }

  /* -- every page ---------------------------------------------------------------------------------- */

  document$.subscribe(() => {
    closePopover(false);
    Object.assign(linked, { hover: "", focus: "" });
    syncFilter();
    completeProposals();
    loadAnnotate();
    placeNotes();
  });
})();
