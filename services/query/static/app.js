// The timeline page: first page + cursor paging from /v1/timeline, live changes from
// /v1/timeline/stream resumed after the first page's snapshot (so nothing falls between).
"use strict";

const list = document.getElementById("timeline");
const form = document.getElementById("filters");
const more = document.getElementById("more");
const statusLine = document.getElementById("status");
let state = { cursor: null, stream: null, retracted: new Set(), filters: new URLSearchParams() };

function filtersFromForm() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (!value) continue;
    // Dates are read as UTC days; the API wants RFC 3339.
    params.set(name, name === "from" || name === "to" ? `${value}T00:00:00Z` : value);
  }
  return params;
}

function sortKey(item) { return [item.start, item.end, item.incident_id]; }

function compare(a, b) {
  const ka = sortKey(a), kb = sortKey(b);
  for (let i = 0; i < 3; i++) {
    if (ka[i] < kb[i]) return -1;
    if (ka[i] > kb[i]) return 1;
  }
  return 0;
}

function descending() { return state.filters.get("order") === "desc"; }

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function whenText(item) {
  const start = item.start.replace("T00:00:00Z", "").replace("Z", " UTC").replace("T", " ");
  return start;
}

function sentenceNode(item) {
  const p = el("p", "sentence");
  const at = item.mention ? item.sentence.indexOf(item.mention) : -1;
  if (at < 0) { p.textContent = item.sentence; return p; }
  p.append(item.sentence.slice(0, at), el("mark", "", item.mention),
           item.sentence.slice(at + item.mention.length));
  return p;
}

function render(item) {
  const li = el("li", `incident ${item.anchor}`);
  li.dataset.id = item.incident_id;
  li.dataset.start = item.start;
  li.dataset.end = item.end;
  li.item = item;
  const head = el("div");
  head.append(el("span", "when", whenText(item)), el("span", "granularity", item.granularity));
  li.append(head, sentenceNode(item), el("div", "meta", `${item.source} — ${item.title}`));
  return li;
}

function insertSorted(item, isNew) {
  if (list.querySelector(`li[data-id="${CSS.escape(item.incident_id)}"]`)) return;
  const node = render(item);
  if (isNew) node.classList.add("new");
  const sign = descending() ? -1 : 1;
  const after = [...list.children].find((li) => sign * compare(li.item, item) > 0);
  list.insertBefore(node, after || null);
}

const LANES = 6;

// Greedy lanes: an interval goes to the first lane whose last interval has ended, so
// overlapping incidents stack instead of hiding each other.
function lanesFor(items) {
  const ends = [];
  return [...items].sort(compare).map((item) => {
    const start = Date.parse(item.start);
    let lane = ends.findIndex((end) => end <= start);
    if (lane < 0) lane = Math.min(ends.length, LANES - 1);
    ends[lane] = Math.max(ends[lane] || 0, Date.parse(item.end));
    return [item, lane];
  });
}

function drawAxis() {
  const axis = document.getElementById("axis");
  axis.replaceChildren();
  const items = [...list.children].map((li) => li.item);
  document.getElementById("empty").hidden = items.length > 0;
  if (!items.length) return;
  const lo = Math.min(...items.map((i) => Date.parse(i.start)));
  const hi = Math.max(...items.map((i) => Date.parse(i.end)));
  const span = Math.max(hi - lo, 1);
  const pct = (t) => `${((t - lo) / span) * 100}%`;
  for (const [i, lane] of lanesFor(items)) {
    const bar = el("div", "bar");
    bar.style.left = pct(Date.parse(i.start));
    bar.style.width = `${((Date.parse(i.end) - Date.parse(i.start)) / span) * 100}%`;
    bar.style.bottom = `${4 + lane * 10}px`;
    bar.title = `${i.mention || i.title} (${i.start} – ${i.end})`;
    axis.append(bar);
  }
  for (let k = 0; k <= 4; k++) {
    const t = lo + (span * k) / 4;
    const tick = el("span", `tick tick-${k}`, new Date(t).toISOString().slice(0, 10));
    tick.style.left = pct(t);
    axis.append(tick);
  }
}

async function loadPage() {
  const params = new URLSearchParams(state.filters);
  if (state.cursor) params.set("cursor", state.cursor);
  const response = await fetch(`/v1/timeline?${params}`);
  if (!response.ok) throw new Error(`timeline: ${response.status}`);
  const page = await response.json();
  for (const item of page.items) {
    if (!state.retracted.has(item.incident_id)) insertSorted(item, false);
  }
  state.cursor = page.next_cursor;
  more.hidden = !page.next_cursor;
  drawAxis();
  return page.snapshot;
}

function follow(snapshot) {
  const params = new URLSearchParams(state.filters);
  params.delete("order");
  params.set("after", String(snapshot));
  // EventSource reconnects by itself and sends Last-Event-ID, which the server prefers.
  const stream = new EventSource(`/v1/timeline/stream?${params}`);
  stream.onopen = () => { statusLine.textContent = "live"; statusLine.className = "status live"; };
  stream.onerror = () => { statusLine.textContent = "reconnecting…"; statusLine.className = "status"; };
  stream.addEventListener("incident", (e) => { insertSorted(JSON.parse(e.data), true); drawAxis(); });
  stream.addEventListener("retract", (e) => {
    for (const id of JSON.parse(e.data).incident_ids) {
      state.retracted.add(id);
      list.querySelector(`li[data-id="${CSS.escape(id)}"]`)?.remove();
    }
    drawAxis();
  });
  return stream;
}

async function restart() {
  if (state.stream) state.stream.close();
  state = { cursor: null, stream: null, retracted: new Set(), filters: filtersFromForm() };
  list.replaceChildren();
  const snapshot = await loadPage();
  state.stream = follow(snapshot);
}

async function loadSources() {
  const response = await fetch("/v1/sources");
  if (!response.ok) return;
  const select = form.elements.source;
  for (const s of await response.json()) {
    select.append(new Option(`${s.source} (${s.incidents})`, s.source));
  }
}

form.addEventListener("submit", (e) => { e.preventDefault(); restart(); });
more.addEventListener("click", () => loadPage());
loadSources();
restart();
