// The zoomable, pannable time axis: vis-timeline (installed from npm by `make setup` into
// static/vendor), whose time steps fall on years, months, days and hours as one zooms.
"use strict";

(function (global) {
  const DAY_MS = 86400000;
  const YEAR_MS = 365.25 * DAY_MS;
  const OPTIONS = {
    zoomable: true,
    moveable: true,
    zoomKey: "ctrlKey", // the wheel scrolls the page; ctrl+wheel and pinch zoom the axis
    zoomMin: 6 * 3600 * 1000,
    zoomMax: 500 * YEAR_MS,
    stack: true,
    // On a phone the axis leaves the first screen to the news.
    maxHeight: global.matchMedia("(max-width: 40rem)").matches ? 240 : 460,
    verticalScroll: true,
    minHeight: 160,
    showCurrentTime: false,
    orientation: { axis: "bottom", item: "bottom" },
    margin: { item: { horizontal: 4, vertical: 4 } },
    tooltip: { followMouse: true, overflowMethod: "cap" },
    // Crowded stretches fold into one marker saying how many incidents it holds; zooming
    // in (or a double click on it) opens them.
    cluster: {
      maxItems: 3,
      fitOnDoubleClick: true,
      showStipes: false,
      titleTemplate: "{count} incidents here: zoom in (or double-click) to see them",
    },
  };

  function el(tag, className, text) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined && text !== null) made.textContent = text;
    return made;
  }

  function shortText(text, max = 28) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
  }

  function visItem(item) {
    const start = new Date(item.start);
    const end = new Date(item.end);
    // A day or less is a moment on any useful zoom; longer intervals show their extent.
    const point = end - start <= DAY_MS;
    // Each item names its article: the mention, then a few words of the title (a
    // publication is its title alone); the whole title and sentence are on hover.
    const content = document.createElement("span");
    if (item.mention) {
      content.append(el("b", null, shortText(item.mention, 20)), ` · ${shortText(item.title, 22)}`);
    } else {
      content.textContent = shortText(item.title, 32);
    }
    const title = document.createElement("div");
    title.append(el("b", null, `${item.title} (${item.source})`), el("br"),
                 `${TimelineDates.label(item)} — ${item.sentence}`);
    return {
      id: item.incident_id,
      start,
      end: point ? undefined : end,
      type: point ? "point" : "range",
      content,
      title,
      className: `${item.anchor} g-${item.granularity}`,
    };
  }

  // Open on the recent three quarters of the incidents (from the first quartile of starts
  // to the last end), so a mention of 1950 does not squeeze this week's news into a few
  // pixels; "Fit all" and zooming out reach the rest.
  function focusWindow(items) {
    const starts = items.map((i) => Date.parse(i.start)).sort((a, b) => a - b);
    const ends = items.map((i) => Date.parse(i.end));
    const lo = starts[Math.floor(starts.length * 0.25)];
    const hi = Math.max(...ends);
    const pad = Math.max((hi - lo) * 0.05, DAY_MS);
    // More room on the right: a point's label runs to the right of it.
    return [new Date(lo - pad), new Date(hi + 4 * pad)];
  }

  class Axis {
    constructor(container, onSelect) {
      this.container = container;
      this.available = typeof global.vis !== "undefined";
      if (!this.available) {
        container.textContent = "The time axis is missing its library: run `make setup`.";
        container.classList.add("unavailable");
        return;
      }
      this.items = new vis.DataSet();
      this.timeline = new vis.Timeline(container, this.items, OPTIONS);
      this.timeline.on("select", (e) => { if (e.items.length) onSelect(e.items[0]); });
      this.placed = false;
    }

    reset() {
      if (!this.available) return;
      this.items.clear();
      this.placed = false;
    }

    put(items, window) {
      if (!this.available) return;
      this.items.update(items.map(visItem));
      if (!this.placed && this.items.length) {
        const [lo, hi] = window || focusWindow(items);
        this.timeline.setWindow(lo, hi, { animation: false });
        this.placed = true;
      }
    }

    remove(id) { if (this.available) this.items.remove(id); }

    select(id) { if (this.available) this.timeline.setSelection(id, { focus: true }); }

    zoomIn() { if (this.available) this.timeline.zoomIn(0.5, { animation: false }); }

    zoomOut() { if (this.available) this.timeline.zoomOut(0.5, { animation: false }); }

    fit() { if (this.available) this.timeline.fit({ animation: false }); }

    window() {
      if (!this.available) return null;
      const w = this.timeline.getWindow();
      return { start: w.start.toISOString(), end: w.end.toISOString() };
    }
  }

  global.TimelineAxis = Axis;
})(window);
