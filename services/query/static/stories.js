// The story view: the key dates of the current filters from /v1/stories/timeline, each
// with its summary and links to its articles. Kept apart from the timeline view (app.js):
// it reads the same filter form and shows itself in place of the incident list.
"use strict";

(() => {
  const view = document.getElementById("story-view");
  const form = document.getElementById("filters");
  if (!view || !form) return;
  const STORY_FILTERS = ["q", "source", "from", "to", "language"];
  const timelineParts = () => ["timeline", "axis", "more", "empty"]
    .map((id) => document.getElementById(id)).filter(Boolean);

  function node(tag, className, text) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined && text !== null) made.textContent = text;
    return made;
  }

  // The controls of the view itself: how many dates, how many sentences each.
  const controls = node("div", "story-controls");
  const dates = node("select");
  dates.name = "dates";
  for (const n of [10, 20, 50]) dates.append(new Option(`${n} dates`, String(n), n === 20, n === 20));
  const perDate = node("select");
  perDate.name = "per_date";
  for (const n of [1, 2, 3]) perDate.append(new Option(`${n} sentence${n > 1 ? "s" : ""} a date`, String(n)));
  const list = node("ol", "story");
  const note = node("p", "story-note");
  controls.append(dates, perDate);
  view.append(controls, note, list);

  const toggle = node("button", "story-toggle", "Story view");
  toggle.type = "button";
  toggle.id = "story-toggle";
  (document.querySelector("header") || document.body).append(toggle);

  function storyParams() {
    const params = new URLSearchParams();
    const data = new FormData(form);
    for (const name of STORY_FILTERS) {
      const value = data.get(name);
      if (!value) continue;
      // The form's dates are UTC days; the API wants RFC 3339.
      params.set(name, name === "from" || name === "to" ? `${value}T00:00:00Z` : String(value));
    }
    params.set("dates", dates.value);
    params.set("per_date", perDate.value);
    return params;
  }

  function dateItem(day) {
    const item = node("li", "story-date");
    item.dataset.date = day.date;
    const head = node("div", "story-head");
    head.append(node("span", "story-day", day.date),
                node("span", "story-count", `${day.articles} article${day.articles === 1 ? "" : "s"}`));
    item.append(head);
    for (const sentence of day.summary) item.append(node("p", "story-summary", sentence));
    const sources = node("ul", "story-sources");
    for (const source of day.sources) {
      const entry = node("li");
      const link = node(source.url ? "a" : "span", "story-link", source.title);
      if (source.url) { link.href = source.url; link.rel = "noopener"; link.target = "_blank"; }
      entry.append(link, ` — ${source.source}`);
      sources.append(entry);
    }
    item.append(sources);
    return item;
  }

  async function load() {
    note.textContent = "loading…";
    const response = await fetch(`/v1/stories/timeline?${storyParams()}`);
    if (!response.ok) { note.textContent = `story timeline: ${response.status}`; return; }
    const story = await response.json();
    list.replaceChildren(...story.dates.map(dateItem));
    note.textContent = story.dates.length ? "" : "No dates match.";
    view.dataset.loaded = String(Date.now());
  }

  function show(on) {
    view.hidden = !on;
    for (const part of timelineParts()) part.classList.toggle("story-hidden", on);
    toggle.textContent = on ? "Timeline view" : "Story view";
    toggle.setAttribute("aria-pressed", String(on));
    if (on) load();
  }

  toggle.addEventListener("click", () => show(view.hidden));
  form.addEventListener("submit", () => { if (!view.hidden) load(); });
  dates.addEventListener("change", load);
  perDate.addEventListener("change", load);
  if (location.hash === "#stories") show(true);
})();
