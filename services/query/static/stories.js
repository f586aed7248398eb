// The story view: the key dates of the current filters from /v1/stories/timeline, each
// with its summary and links to its articles. Kept apart from the timeline view (app.js):
// it reads the same filter form (every filter, "To" included as the last day) and shows
// itself in place of the incident list. The view is in the URL (?view=stories, with its
// dates and per_date), so Back returns to it and a link opens it.
"use strict";

(() => {
  const view = document.getElementById("story-view");
  const form = document.getElementById("filters");
  if (!view || !form) return;
  const STORY_FILTERS = ["q", "source", "granularity", "anchor", "from", "to", "tz", "language"];
  // The axis goes with its whole panel: its zoom buttons mean nothing in this view.
  const timelineParts = () => [
    ...["timeline", "more", "empty"].map((id) => document.getElementById(id)),
    document.querySelector(".axis-panel"),
  ].filter(Boolean);

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
  dates.setAttribute("aria-label", "dates shown");
  for (const n of [10, 20, 50]) dates.append(new Option(`${n} dates`, String(n), n === 20, n === 20));
  const perDate = node("select");
  perDate.name = "per_date";
  perDate.setAttribute("aria-label", "sentences a date");
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
      // The form's dates are UTC days and "To" is the last one shown; the API wants RFC
      // 3339, with `to` the exclusive end.
      const day = name === "to" ? dayAfter(String(value)) : String(value);
      params.set(name, name === "from" || name === "to" ? `${day}T00:00:00Z` : day);
    }
    params.set("dates", dates.value);
    params.set("per_date", perDate.value);
    return params;
  }

  function dateItem(day) {
    const item = node("li", "story-date");
    item.dataset.date = day.date;
    const head = node("div", "story-head");
    // Printed like the timeline's days ("Dec 13, 2025"); data-date keeps the ISO day.
    const printed = TimelineDates.fromValue(day.date) || day.date;
    head.append(node("span", "story-day", printed),
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

  // Days in the order the filter asks for; oldest first, the list opens scrolled to its
  // end, so it opens on the most recent days either way.
  function newestFirst() { return new FormData(form).get("order") === "desc"; }

  async function load() {
    note.textContent = "loading…";
    const response = await fetch(`/v1/stories/timeline?${storyParams()}`);
    if (!response.ok) {
      note.textContent = "";
      showProblem(await problemOf(response, "the story timeline"));
      return;
    }
    clearProblem();
    const story = await response.json();
    const days = story.dates.map(dateItem);
    list.replaceChildren(...(newestFirst() ? days.reverse() : days));
    note.textContent = story.dates.length ? "" : "No dates match.";
    view.dataset.loaded = String(Date.now());
    // The list scrolls inside its panel (the filters stay in view), opened at its end.
    list.scrollTop = newestFirst() ? 0 : list.scrollHeight;
  }

  // The URL with the view's own parameters set (on) or removed (off), the filters kept.
  function urlFor(on) {
    const params = new URLSearchParams(location.search);
    for (const name of ["view", "dates", "per_date"]) params.delete(name);
    if (on) {
      params.set("view", "stories");
      if (dates.value !== "20") params.set("dates", dates.value);
      if (perDate.value !== "1") params.set("per_date", perDate.value);
    }
    const query = params.toString();
    return query ? `?${query}` : location.pathname;
  }

  function remember(on) {
    const target = urlFor(on);
    if (`${location.pathname}${location.search}` !== target && location.search !== target) {
      history.pushState(null, "", target);
    }
  }

  function show(on) {
    view.hidden = !on;
    for (const part of timelineParts()) part.classList.toggle("story-hidden", on);
    toggle.textContent = on ? "Timeline view" : "Story view";
    toggle.setAttribute("aria-pressed", String(on));
    if (on) load();
  }

  function fromUrl() {
    const params = new URLSearchParams(location.search);
    if (params.get("dates")) dates.value = params.get("dates");
    if (params.get("per_date")) perDate.value = params.get("per_date");
    show(params.get("view") === "stories");
  }

  toggle.addEventListener("click", () => { const on = view.hidden; remember(on); show(on); });
  form.addEventListener("submit", () => { if (!view.hidden) load(); });
  form.addEventListener("change", (e) => { if (!view.hidden && e.target.tagName === "SELECT") load(); });
  for (const control of [dates, perDate]) {
    control.addEventListener("change", () => { remember(true); load(); });
  }
  window.addEventListener("popstate", fromUrl);
  if (location.hash === "#stories") history.replaceState(null, "", urlFor(true));
  fromUrl();
})();
