// The timeline page: first page + cursor paging from /v1/timeline, live changes from
// /v1/timeline/stream resumed after the first page's snapshot (so nothing falls between).
// The filters live in the page's URL, so a view can be shared and the back button works.
"use strict";

const list = document.getElementById("timeline");
const form = document.getElementById("filters");
const more = document.getElementById("more");
const statusLine = document.getElementById("status");
const FILTERS = ["q", "source", "granularity", "anchor", "from", "to", "tz", "order"];
const axis = new TimelineAxis(document.getElementById("axis"), (id) => showInList(id));
window.timelinePage = { axis }; // for the browser test and the console
let state = { cursor: null, stream: null, retracted: new Set(), filters: new URLSearchParams() };

// The page URL holds the form's values as typed (days as YYYY-MM-DD); the API gets RFC 3339.
function filtersFromForm() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (value && FILTERS.includes(name) && !(name === "order" && value === "asc")) {
      params.set(name, value);
    }
  }
  return params;
}

function filtersFromUrl() {
  const found = new URLSearchParams(location.search);
  const params = new URLSearchParams();
  for (const name of FILTERS) if (found.get(name)) params.set(name, found.get(name));
  return params;
}

function fillForm(params) {
  for (const name of FILTERS) {
    const field = form.elements[name];
    const value = params.get(name) || (name === "order" ? "asc" : "");
    if (field.tagName === "SELECT" && ![...field.options].some((o) => o.value === value)) {
      field.append(new Option(value, value)); // e.g. a shared link's source, before /v1/sources
    }
    field.value = value;
  }
}

// The next calendar day of "YYYY-MM-DD" (the same text back when it is no such day, so
// the API names what is wrong with it).
function dayAfter(day) {
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(t) ? day : new Date(t + 86400000).toISOString().slice(0, 10);
}

// "To" is the last day shown, included: the API's `to` is exclusive, so it gets the
// midnight that ends that day.
function apiParams(filters) {
  const params = new URLSearchParams(filters);
  if (params.get("from")) params.set("from", `${params.get("from")}T00:00:00Z`);
  if (params.get("to")) params.set("to", `${dayAfter(params.get("to"))}T00:00:00Z`);
  return params;
}

// What failed, in words a reader can act on: the API's 422 names the field and why.
async function problemOf(response, what) {
  let detail = "";
  try {
    const body = await response.json();
    const first = Array.isArray(body.detail) ? body.detail[0] : null;
    const field = first && Array.isArray(first.loc) ? first.loc[first.loc.length - 1] : null;
    detail = first ? `${field ? `“${field}”: ` : ""}${first.msg}` : String(body.detail || "");
  } catch (_) { /* not JSON: the status says enough */ }
  const fix = response.status === 422
    ? "Change that filter above, or clear the filters."
    : "Try again in a moment.";
  return `Could not load ${what} (HTTP ${response.status}${detail ? `, ${detail}` : ""}). ${fix}`;
}

function showProblem(text) {
  document.getElementById("banner-text").textContent = text;
  document.getElementById("banner").hidden = false;
  statusLine.textContent = "error";
  statusLine.className = "status error";
}

function clearProblem() { document.getElementById("banner").hidden = true; }

function compare(a, b) {
  const ka = [a.start, a.end, a.incident_id], kb = [b.start, b.end, b.incident_id];
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

// Every word of the search, at the start of a word, in any case.
function hitPattern() {
  const words = (state.filters.get("q") || "").split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})`, "giu");
}

function appendHighlighted(parent, text, pattern) {
  if (!pattern) { parent.append(text); return; }
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    parent.append(text.slice(at, match.index), el("mark", "hit", match[0]));
    at = match.index + match[0].length;
  }
  parent.append(text.slice(at));
}

function sentenceNode(item, pattern) {
  const p = el("p", "sentence");
  const at = item.mention ? item.sentence.indexOf(item.mention) : -1;
  if (at < 0) { appendHighlighted(p, item.sentence, pattern); return p; }
  const mention = el("mark", "mention");
  appendHighlighted(mention, item.mention, pattern);
  appendHighlighted(p, item.sentence.slice(0, at), pattern);
  p.append(mention);
  appendHighlighted(p, item.sentence.slice(at + item.mention.length), pattern);
  return p;
}

function metaNode(item, pattern) {
  const meta = el("div", "meta");
  const title = el(item.url ? "a" : "span", "article");
  if (item.url) { title.href = item.url; title.target = "_blank"; title.rel = "noopener"; }
  appendHighlighted(title, item.title, pattern);
  const published = `published ${TimelineDates.published(item)}`;
  meta.append(title, el("span", "source", item.source), el("span", "published", published));
  return meta;
}

function render(item) {
  const pattern = hitPattern();
  const li = el("li", `incident ${item.anchor}`);
  Object.assign(li.dataset, { id: item.incident_id, start: item.start, end: item.end });
  li.item = item;
  const when = el("time", "when", TimelineDates.label(item));
  when.dateTime = item.start;
  const badge = item.anchor === "publication" ? "published" : item.granularity;
  const head = el("div", "head");
  head.append(when, el("span", "granularity", badge));
  li.append(head, sentenceNode(item, pattern), metaNode(item, pattern));
  li.addEventListener("click", (e) => { if (!e.target.closest("a")) axis.select(item.incident_id); });
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

function showInList(id) {
  for (const li of list.querySelectorAll("li.selected")) li.classList.remove("selected");
  const li = list.querySelector(`li[data-id="${CSS.escape(id)}"]`);
  if (!li) return;
  li.classList.add("selected");
  li.scrollIntoView({ block: "nearest", behavior: "smooth" });
}

function filterWindow() {
  const from = state.filters.get("from"), to = state.filters.get("to");
  return from && to ? [new Date(`${from}T00:00:00Z`), new Date(`${dayAfter(to)}T00:00:00Z`)] : null;
}

async function loadPage() {
  const params = apiParams(state.filters);
  if (state.cursor) params.set("cursor", state.cursor);
  const response = await fetch(`/v1/timeline?${params}`);
  if (!response.ok) throw new Error(await problemOf(response, "the timeline"));
  clearProblem();
  const page = await response.json();
  const fresh = page.items.filter((item) => !state.retracted.has(item.incident_id));
  for (const item of fresh) insertSorted(item, false);
  axis.put(fresh, filterWindow());
  state.cursor = page.next_cursor;
  more.hidden = !page.next_cursor;
  document.getElementById("empty").hidden = list.children.length > 0;
  return page.snapshot;
}

function follow(snapshot) {
  const params = apiParams(state.filters);
  params.delete("order");
  params.set("after", String(snapshot));
  // EventSource reconnects by itself and sends Last-Event-ID, which the server prefers.
  const stream = new EventSource(`/v1/timeline/stream?${params}`);
  stream.onopen = () => { statusLine.textContent = "live"; statusLine.className = "status live"; };
  stream.onerror = () => { statusLine.textContent = "reconnecting…"; statusLine.className = "status"; };
  stream.addEventListener("incident", (e) => {
    const item = JSON.parse(e.data);
    insertSorted(item, true);
    axis.put([item]);
    document.getElementById("empty").hidden = true;
  });
  stream.addEventListener("retract", (e) => {
    for (const id of JSON.parse(e.data).incident_ids) {
      state.retracted.add(id);
      list.querySelector(`li[data-id="${CSS.escape(id)}"]`)?.remove();
      axis.remove(id);
    }
  });
  return stream;
}

// The reader's own zone joins the clock choices; the API shows publication times in the
// zone chosen (tz=), and the page names it beside every time.
function offerReaderZone() {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const select = form.elements.tz;
  if (zone && zone !== "UTC" && ![...select.options].some((o) => o.value === zone)) {
    select.append(new Option(`My clock (${zone})`, zone));
  }
}

async function restart(filters) {
  TimelineDates.readerZone = filters.get("tz") || null;
  if (state.stream) state.stream.close();
  state = { cursor: null, stream: null, retracted: new Set(), filters };
  list.replaceChildren();
  axis.reset();
  try {
    const snapshot = await loadPage();
    state.stream = follow(snapshot);
  } catch (error) {
    showProblem(error.message);
    document.getElementById("empty").hidden = true;
  }
}

async function loadSources() {
  const response = await fetch("/v1/sources");
  if (!response.ok) return;
  const select = form.elements.source;
  const chosen = select.value;
  for (const s of await response.json()) {
    const existing = [...select.options].find((o) => o.value === s.source);
    if (existing) existing.textContent = `${s.source} (${s.incidents})`;
    else select.append(new Option(`${s.source} (${s.incidents})`, s.source));
  }
  select.value = chosen;
}

// The story view's own parameters (stories.js) stay in the URL when the filters change.
const VIEW_PARAMS = ["view", "dates", "per_date"];

function apply() {
  const filters = filtersFromForm();
  const kept = new URLSearchParams(filters);
  const current = new URLSearchParams(location.search);
  for (const name of VIEW_PARAMS) if (current.get(name)) kept.set(name, current.get(name));
  const query = kept.toString();
  // Applying the view already shown (a select applies itself, then Apply is pressed) adds
  // no history entry, so Back always returns to the previous view.
  if (location.search !== (query ? `?${query}` : "")) {
    history.pushState(null, "", query ? `?${query}` : location.pathname);
  }
  restart(filters);
}

form.addEventListener("submit", (e) => { e.preventDefault(); apply(); });
form.addEventListener("change", (e) => { if (e.target.tagName === "SELECT") apply(); });
window.addEventListener("popstate", () => { fillForm(filtersFromUrl()); restart(filtersFromUrl()); });
more.addEventListener("click", () => loadPage().catch((error) => showProblem(error.message)));
document.getElementById("zoom-in").addEventListener("click", () => axis.zoomIn());
document.getElementById("zoom-out").addEventListener("click", () => axis.zoomOut());
document.getElementById("zoom-fit").addEventListener("click", () => axis.fit());
// On a phone the news comes first: the filters fold away unless the URL sets some.
const PHONE = window.matchMedia("(max-width: 40rem)");
if (PHONE.matches && ![...filtersFromUrl().keys()].length) {
  document.getElementById("filter-panel").open = false;
}
offerReaderZone();
fillForm(filtersFromUrl());
loadSources();
restart(filtersFromUrl());
