// Dates printed at the precision they were written with: "2014", "December 2025",
// "Dec 13, 2025", "the past year: Dec 15, 2024 – Dec 15, 2025". A TimeML value is read
// first, because it is the article's own calendar; publication times are read in the
// article's own clock too (published_at carries its offset); UTC instants are the fallback.
"use strict";

(function (global) {
  const format = (options) => new Intl.DateTimeFormat("en-US", { timeZone: "UTC", ...options });
  const DAY = format({ month: "short", day: "numeric", year: "numeric" });
  const MONTH = format({ month: "long", year: "numeric" });
  const CLOCK = format({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const PARTS = { MO: "morning", MI: "midday", AF: "afternoon", EV: "evening", NI: "night", DT: "daytime" };
  const SEASONS = { SP: "Spring", SU: "Summer", FA: "Autumn", WI: "Winter" };

  function utc(year, month = 1, day = 1) { return new Date(Date.UTC(year, month - 1, day)); }

  function ordinal(n) {
    const tens = n % 100, ones = n % 10;
    if (tens >= 11 && tens <= 13) return `${n}th`;
    return `${n}${{ 1: "st", 2: "nd", 3: "rd" }[ones] || "th"}`;
  }

  // [pattern, label of the match] for each TimeML value form, finest last.
  const VALUE_FORMS = [
    [/^(\d{4})$/, (m) => m[1]],
    [/^(\d{3})X?$/, (m) => `the ${m[1]}0s`],
    [/^(\d{2})(XX)?$/, (m) => `the ${ordinal(Number(m[1]) + 1)} century`],
    [/^(\d{4})-(\d{2})$/, (m) => MONTH.format(utc(+m[1], +m[2]))],
    [/^(\d{4})-Q([1-4])$/, (m) => `Q${m[2]} ${m[1]}`],
    [/^(\d{4})-H([12])$/, (m) => `${m[2] === "1" ? "First" : "Second"} half of ${m[1]}`],
    [/^(\d{4})-(SP|SU|FA|WI)$/, (m) => `${SEASONS[m[2]]} ${m[1]}`],
    [/^(\d{4})-W(\d{1,2})$/, (m) => `Week ${Number(m[2])} of ${m[1]}`],
    [/^(\d{4})-(\d{2})-(\d{2})$/, (m) => DAY.format(utc(+m[1], +m[2], +m[3]))],
    [/^(\d{4})-(\d{2})-(\d{2})T(MO|MI|AF|EV|NI|DT)$/,
      (m) => `${DAY.format(utc(+m[1], +m[2], +m[3]))}, ${PARTS[m[4]]}`],
    [/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/,
      (m) => `${DAY.format(utc(+m[1], +m[2], +m[3]))}, ${m[4]}:${m[5]}`],
  ];

  function fromValue(value) {
    if (!value) return null;
    for (const [pattern, label] of VALUE_FORMS) {
      const match = pattern.exec(value);
      if (match) return label(match);
    }
    return null;
  }

  // An instant in UTC at a granularity (publication times, values without a form above).
  function atGranularity(iso, granularity) {
    const t = new Date(iso);
    const year = t.getUTCFullYear();
    switch (granularity) {
      case "century": return `the ${ordinal(Math.floor(year / 100) + 1)} century`;
      case "decade": return `the ${Math.floor(year / 10) * 10}s`;
      case "year": return String(year);
      case "quarter": return `Q${Math.floor(t.getUTCMonth() / 3) + 1} ${year}`;
      case "season": case "month": return MONTH.format(t);
      case "week": return `Week of ${DAY.format(t)}`;
      case "minute": case "hour": return `${DAY.format(t)}, ${CLOCK.format(t)} UTC`;
      default: return DAY.format(t);
    }
  }

  // An interval as the days it covers; `end` is exclusive, so the last day is one
  // millisecond before it.
  function span(startIso, endIso) {
    const first = DAY.format(new Date(startIso));
    const last = DAY.format(new Date(Date.parse(endIso) - 1));
    return first === last ? first : `${first} – ${last}`;
  }

  // The zone a clock time is read in, as the API names the article's clock.
  function zoneName(item) {
    return item.timezone === "UTC" || !item.timezone ? "UTC" : item.timezone;
  }

  // A publication time is shown in the reader's chosen zone (the API gave published_at
  // that zone's offset), else in the article's.
  function publishedZone(item) { return api.readerZone || zoneName(item); }

  // The publication in the article's own clock: the local date and time are the ones
  // published_at is written with (RFC 3339 with the article's offset).
  function published(item, withTime = true) {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(item.published_at || "");
    if (!m) return atGranularity(item.published_at, withTime ? "minute" : "day");
    const day = DAY.format(utc(+m[1], +m[2], +m[3]));
    return withTime ? `${day}, ${m[4]}:${m[5]} ${publishedZone(item)}` : day;
  }

  function label(item) {
    if (item.anchor === "publication") return published(item);
    if (item.timex_type === "DURATION" && item.mention) {
      return `${item.mention}: ${span(item.start, item.end)}`;
    }
    const named = fromValue(item.timex_value);
    if (named && /T\d{2}:\d{2}/.test(item.timex_value)) return `${named} ${zoneName(item)}`;
    return named || atGranularity(item.start, item.granularity);
  }

  const api = { label, span, fromValue, atGranularity, published, readerZone: null };
  global.TimelineDates = api;
})(window);
