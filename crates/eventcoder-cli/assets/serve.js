// eventcoder serve: the page's script. It posts the text to /api/code?explain=1 and shows
// the events. Spans in the API are offsets in Unicode code points (not UTF-16 units as JS
// strings index), so the text is split into code points with Array.from before slicing.
"use strict";

(function () {
  const MAX_BODY = 1 << 20; // the server's limit on a request body, in bytes

  const form = document.getElementById("form");
  const textBox = document.getElementById("text");
  const dateBox = document.getElementById("published");
  const button = document.getElementById("code");
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const articleBox = document.getElementById("article");
  const tbody = document.querySelector("#events tbody");
  const noEvents = document.getElementById("no-events");
  const explanation = document.getElementById("explanation");

  let current = { chars: [], events: [] };

  function setStatus(message, isError) {
    status.textContent = message;
    status.classList.toggle("error", Boolean(isError));
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // The text between code-point offsets [start, end).
  function slice(chars, span) {
    return chars.slice(span[0], span[1]).join("");
  }

  // The article with its actor and trigger spans marked. Overlapping spans are cut into
  // segments, each with the classes (src, tgt, trg) and the events of every span over it.
  function renderArticle(chars, events) {
    const n = chars.length;
    const clamp = (x) => Math.max(0, Math.min(n, x | 0));
    const marks = [];
    events.forEach((e, i) => {
      if (e.source) marks.push({ span: e.source.span, cls: "src", event: i });
      if (e.target) marks.push({ span: e.target.span, cls: "tgt", event: i });
      if (e.trigger) marks.push({ span: e.trigger.span, cls: "trg", event: i });
    });
    const opens = new Map();
    const closes = new Map();
    const cuts = new Set([0, n]);
    for (const m of marks) {
      const a = clamp(m.span[0]);
      const b = clamp(m.span[1]);
      if (a >= b) continue;
      cuts.add(a);
      cuts.add(b);
      if (!opens.has(a)) opens.set(a, []);
      if (!closes.has(b)) closes.set(b, []);
      opens.get(a).push(m);
      closes.get(b).push(m);
    }
    const points = Array.from(cuts).sort((x, y) => x - y);
    const active = new Set();
    const frag = document.createDocumentFragment();
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k];
      const b = points[k + 1];
      for (const m of closes.get(a) || []) active.delete(m);
      for (const m of opens.get(a) || []) active.add(m);
      const text = chars.slice(a, b).join("");
      if (active.size === 0) {
        frag.appendChild(document.createTextNode(text));
        continue;
      }
      const classes = new Set(["hl"]);
      const ids = new Set();
      for (const m of active) {
        classes.add(m.cls);
        ids.add(m.event);
      }
      const span = el("span", Array.from(classes).join(" "), text);
      span.dataset.events = Array.from(ids).sort((x, y) => x - y).join(" ");
      frag.appendChild(span);
    }
    articleBox.replaceChildren(frag);
  }

  function actorCell(className, actor) {
    const td = el("td", className);
    if (!actor) {
      td.appendChild(el("span", "label", "none"));
      return td;
    }
    td.appendChild(el("code", null, actor.code || "?"));
    td.appendChild(el("span", "actor", actor.text));
    if (!actor.code) td.title = "unresolved actor";
    return td;
  }

  function renderTable(chars, events) {
    const rows = document.createDocumentFragment();
    events.forEach((e, i) => {
      const tr = el("tr");
      tr.dataset.index = String(i);
      tr.dataset.source = (e.source && e.source.code) || "";
      tr.dataset.target = (e.target && e.target.code) || "";
      tr.dataset.event = e.cameo.code;
      tr.tabIndex = 0;
      tr.appendChild(el("td", "index", String(i + 1)));
      let sentence = slice(chars, e.sentence.span).replace(/\s+/g, " ").trim();
      const points = Array.from(sentence);
      if (points.length > 120) sentence = points.slice(0, 117).join("") + "...";
      const sentenceCell = el("td", "sentence", "[" + e.sentence.index + "] " + sentence);
      tr.appendChild(sentenceCell);
      tr.appendChild(actorCell("source", e.source));
      const eventCell = el("td", "event");
      eventCell.appendChild(el("code", null, e.cameo.code));
      eventCell.appendChild(el("span", "label", e.cameo.label));
      tr.appendChild(eventCell);
      tr.appendChild(actorCell("target", e.target));
      const plover = e.plover.type ? e.plover.type + (e.plover.mode ? " / " + e.plover.mode : "") : "none";
      tr.appendChild(el("td", "plover", plover));
      tr.appendChild(el("td", "confidence", Number(e.confidence).toFixed(2)));
      rows.appendChild(tr);
    });
    tbody.replaceChildren(rows);
    noEvents.hidden = events.length > 0;
  }

  function select(i) {
    const e = current.events[i];
    if (!e) return;
    for (const tr of tbody.querySelectorAll("tr.selected")) tr.classList.remove("selected");
    const row = tbody.querySelector('tr[data-index="' + i + '"]');
    if (row) row.classList.add("selected");
    let first = null;
    for (const span of articleBox.querySelectorAll("span.hl")) {
      const on = (span.dataset.events || "").split(" ").includes(String(i));
      span.classList.toggle("active", on);
      if (on && !first) first = span;
    }
    if (first && first.scrollIntoView) first.scrollIntoView({ block: "nearest" });
    explanation.textContent = e.explanation || "(no explanation was returned)";
  }

  function render(text, events) {
    // The server drops a leading byte-order mark; its spans count from after it.
    const shown = text.startsWith("\uFEFF") ? text.slice(1) : text;
    const chars = Array.from(shown);
    current = { chars: chars, events: events };
    renderArticle(chars, events);
    renderTable(chars, events);
    results.hidden = false;
    if (events.length > 0) {
      select(0);
    } else {
      explanation.textContent = "No events.";
    }
  }

  async function run() {
    const text = textBox.value;
    const published = dateBox.value || null;
    const body = JSON.stringify({ text: text, published: published });
    const size = new TextEncoder().encode(body).length;
    if (size > MAX_BODY) {
      setStatus("The request is " + size + " bytes; the server accepts at most " + MAX_BODY + " (1 MiB). Split the article.", true);
      return;
    }
    button.disabled = true;
    setStatus("Coding...");
    const started = performance.now();
    try {
      const response = await fetch("/api/code?explain=1", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: body,
      });
      let data = null;
      try {
        data = await response.json();
      } catch (err) {
        data = null;
      }
      if (!response.ok) {
        const message = data && data.error ? data.error : "HTTP " + response.status;
        setStatus("Error " + response.status + ": " + message, true);
        return;
      }
      if (!Array.isArray(data)) {
        setStatus("Unexpected answer from the server.", true);
        return;
      }
      render(text, data);
      const ms = Math.round(performance.now() - started);
      setStatus(data.length + (data.length === 1 ? " event" : " events") + " in " + ms + " ms");
    } catch (err) {
      setStatus("The server could not be reached: " + err, true);
    } finally {
      button.disabled = false;
    }
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    run();
  });

  tbody.addEventListener("click", (ev) => {
    const row = ev.target.closest("tr");
    if (row && row.dataset.index !== undefined) select(Number(row.dataset.index));
  });
  tbody.addEventListener("keydown", (ev) => {
    const row = ev.target.closest("tr");
    if (row && (ev.key === "Enter" || ev.key === " ")) {
      ev.preventDefault();
      select(Number(row.dataset.index));
    }
  });
  articleBox.addEventListener("click", (ev) => {
    const span = ev.target.closest("span.hl");
    if (span && span.dataset.events) select(Number(span.dataset.events.split(" ")[0]));
  });

  // /?text=...&published=... prefills the form and codes it at once.
  const params = new URLSearchParams(window.location.search);
  if (params.has("text")) {
    textBox.value = params.get("text");
    if (params.get("published")) dateBox.value = params.get("published");
    run();
  }
})();
