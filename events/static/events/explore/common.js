// Shared parts of the explorer: configuration, the public API, the filters in the URL,
// small DOM helpers, date wording and the details panel. No framework, no build step.

export const root = document.getElementById("explorer");
export const config = { ...root.dataset };
export const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

export const TYPES = {
  meeting: { label: "Meeting", plural: "Meetings", symbol: "circle" },
  statement: { label: "Statement", plural: "Statements", symbol: "square" },
  incident: { label: "Incident", plural: "Incidents", symbol: "triangle" },
};
export const TYPE_ORDER = ["meeting", "statement", "incident"];

// Query parameters of the explorer's URL. They are the API's own filter names, so a view's
// URL reads like the API query behind it; `item` (the selected event) is the explorer's own.
export const EVENT_FILTERS = [
  "search",
  "actor",
  "topic",
  "type",
  "date_from",
  "date_to",
  "place",
  "country",
];
export const NETWORK_FILTERS = ["topic", "date_from", "date_to"];
export const PAGE_SIZE = 500;

// --- DOM ------------------------------------------------------------------------------

/** Create an element: h("a", {href: "/x", class: "y"}, "text", child). Text is never HTML. */
export function h(tag, attrs = {}, ...children) {
  const svg = tag.startsWith("svg:");
  const node = svg
    ? document.createElementNS("http://www.w3.org/2000/svg", tag.slice(4))
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A small inline SVG of a type's symbol, for legends, badges and tables. */
export function typeIcon(type, size = 12) {
  const d3 = window.d3;
  const symbols = { circle: d3.symbolCircle, square: d3.symbolSquare, triangle: d3.symbolTriangle };
  const area = (size * size) / 1.6;
  return h(
    "svg:svg",
    {
      class: `icon type-${type}`,
      width: size,
      height: size,
      viewBox: `${-size / 2} ${-size / 2} ${size} ${size}`,
      "aria-hidden": "true",
      focusable: "false",
    },
    h("svg:path", { class: "mark", d: d3.symbol(symbols[TYPES[type].symbol], area)() }),
  );
}

const measureContext = document.createElement("canvas").getContext("2d");

/** Width in pixels of `text` in `font` (the chart's label font). */
export function textWidth(text, font = "12px system-ui, sans-serif") {
  measureContext.font = font;
  return measureContext.measureText(text).width;
}

/** `text` cut (with an ellipsis) to fit `width` pixels, or "" if not even a few letters fit. */
export function fitText(text, width, font) {
  if (textWidth(text, font) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (textWidth(`${text.slice(0, mid).trimEnd()}…`, font) <= width) low = mid;
    else high = mid - 1;
  }
  return low >= 6 ? `${text.slice(0, low).trimEnd()}…` : "";
}

// --- The URL's filters --------------------------------------------------------------------

export function currentParams() {
  return new URLSearchParams(window.location.search);
}

/** Only the named parameters, without empty values (what is sent to the API). */
export function pick(params, names) {
  const out = new URLSearchParams();
  for (const [name, value] of params) {
    if (names.includes(name) && value.trim() !== "") out.append(name, value.trim());
  }
  return out;
}

export function withQuery(path, params) {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** Explorer URL of a view with these parameters. */
export function exploreUrl(view, params) {
  const paths = {
    timeline: config.exploreUrl,
    network: config.networkExploreUrl,
    map: config.mapExploreUrl,
  };
  return withQuery(paths[view], params);
}

// --- The API ------------------------------------------------------------------------------

export class ApiError extends Error {}

/** GET a URL of the API as JSON; a refusal (400...) becomes an ApiError naming the fields. */
export async function getJSON(url, signal) {
  const response = await fetch(url, { headers: { Accept: "application/json" }, signal });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    let message = `The API answered ${response.status}.`;
    if (body && typeof body === "object") {
      message = Object.entries(body)
        .map(([name, problems]) =>
          name === "detail" ? problems : `${name}: ${[].concat(problems).join(" ")}`,
        )
        .join(" ");
    }
    throw new ApiError(message);
  }
  return body;
}

/** Every result of a paginated list: follows `next` (page numbers or cursors alike). */
export async function getAll(url, signal) {
  const results = [];
  let next = url;
  while (next) {
    const page = await getJSON(next, signal);
    results.push(...page.results);
    next = page.next;
  }
  return results;
}

const cache = new Map();
const known = {}; // reference lists already fetched, by name, as Maps by slug
/** Reference lists (actors, topics, places, sources) are fetched once per page load. */
export function reference(name) {
  if (!cache.has(name)) {
    const url = withQuery(config[`${name}Url`], new URLSearchParams({ page_size: PAGE_SIZE }));
    const promise = getAll(url);
    promise.then(
      (records) => (known[name] = new Map(records.map((record) => [record.slug, record]))),
      () => cache.delete(name),
    );
    cache.set(name, promise);
  }
  return cache.get(name);
}

export async function bySlug(name) {
  return new Map((await reference(name)).map((record) => [record.slug, record]));
}

// --- Dates --------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
export function parseDate(text) {
  return new Date(`${text}T00:00:00Z`);
}
export function addDays(date, days) {
  return new Date(date.getTime() + days * DAY_MS);
}
export function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

const dayFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
  year: "numeric",
});
const monthFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  month: "long",
  year: "numeric",
});

/** The last day an event covers: its end_date, or the end of its month or year when that is
 * all that is known. */
export function lastDay(event) {
  if (event.end_date) return parseDate(event.end_date);
  const start = parseDate(event.date);
  if (event.date_precision === "month") {
    return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
  }
  if (event.date_precision === "year") return new Date(Date.UTC(start.getUTCFullYear(), 11, 31));
  return start;
}

export const PRECISION_WORDS = {
  day: "exact day",
  month: "month known, day unknown",
  year: "year known, month unknown",
  approximate: "approximate date",
};

/** "14 May 2023", "1 May 2023 – 4 May 2023", "December 2023", "about 1 Jun 2022". */
export function describeDate(event) {
  const start = parseDate(event.date);
  const end = lastDay(event);
  const sameDay = end.getTime() === start.getTime();
  if (event.date_precision === "month") {
    const first = monthFormat.format(start);
    const last = monthFormat.format(end);
    return first === last ? first : `${first} – ${last}`;
  }
  if (event.date_precision === "year") {
    const first = start.getUTCFullYear();
    const last = end.getUTCFullYear();
    return first === last ? `${first}` : `${first} – ${last}`;
  }
  const range = sameDay
    ? dayFormat.format(start)
    : `${dayFormat.format(start)} – ${dayFormat.format(end)}`;
  return event.date_precision === "approximate" ? `about ${range}` : range;
}

export function eventKey(event) {
  return `${event.type}-${event.id}`;
}

export function humanize(slug) {
  const text = String(slug).replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// --- Page state -----------------------------------------------------------------------------

const statusLine = document.getElementById("status");
const errorLine = document.getElementById("error");

export function setStatus(...content) {
  statusLine.replaceChildren(...content);
}

export function showError(message) {
  errorLine.hidden = !message;
  errorLine.textContent = message ? `The API refused this view: ${message}` : "";
}

let firstChartMarked = false;
/** Marks the moment the first chart is on screen (the browser tests read it). */
export function markChartDrawn() {
  root.dataset.state = "ready";
  if (!firstChartMarked) {
    firstChartMarked = true;
    performance.mark("parley:first-chart");
  }
}

export function apiLink(url) {
  return h("a", { href: url, class: "api-query" }, decodeURIComponent(url));
}

// --- Details panel --------------------------------------------------------------------------

const detailsBody = document.getElementById("details-body");
const detailsPanel = document.getElementById("details");

export function clearDetails() {
  detailsBody?.replaceChildren(
    h("p", { class: "muted" }, "Select an item in the chart or the table to see it here."),
  );
}

function jsonUrl(url) {
  const target = new URL(url, window.location.href);
  target.searchParams.set("format", "json");
  return target.pathname + target.search;
}

/** Show one timeline item: its summary, actors, date and precision, citations, API links. */
export function showDetails(event, { focus = false } = {}) {
  const topics = known.topics || new Map();
  const type = TYPES[event.type];
  const filterLink = (name, value, text) =>
    h("a", { href: exploreUrl("timeline", new URLSearchParams({ [name]: value })) }, text);
  const facts = [
    [
      "Date",
      [
        describeDate(event),
        " ",
        h(
          "span",
          { class: "muted" },
          `(${PRECISION_WORDS[event.date_precision] || event.date_precision})`,
        ),
      ],
    ],
    ["Kind", humanize(event.kind) + (event.status ? ` · ${event.status}` : "")],
  ];
  if (event.place) facts.push(["Place", filterLink("place", event.place.slug, event.place.name)]);
  if (event.actors.length) {
    facts.push([
      "Actors",
      h(
        "ul",
        { class: "plain" },
        event.actors.map((actor) =>
          h("li", {}, filterLink("actor", actor.slug, actor.name), ` (${actor.role})`),
        ),
      ),
    ]);
  }
  if (event.topics.length) {
    facts.push([
      "Topics",
      h(
        "ul",
        { class: "plain inline" },
        event.topics.map((slug) =>
          h(
            "li",
            {},
            h(
              "a",
              {
                href: exploreUrl("timeline", new URLSearchParams({ topic: slug })),
                "data-topic": slug,
              },
              topics.get(slug)?.name || slug,
            ),
          ),
        ),
      ),
    ]);
  }
  const citations = h(
    "ol",
    { class: "citations" },
    event.citations.map((citation) =>
      h(
        "li",
        {},
        h("blockquote", {}, citation.quote),
        h(
          "p",
          { class: "source" },
          "— ",
          h(
            "a",
            {
              href: jsonUrl(`${config.sourcesUrl}${citation.source}/`),
              "data-source": citation.source,
            },
            citation.source,
          ),
          citation.note ? ` · ${citation.note}` : "",
        ),
      ),
    ),
  );
  detailsBody.replaceChildren(
    h("p", { class: `badge type-${event.type}` }, typeIcon(event.type), ` ${type.label}`),
    h("h3", { id: "details-title", tabindex: "-1" }, event.title),
    h(
      "dl",
      {},
      facts.map(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]),
    ),
    h("p", { class: "summary" }, event.summary),
    h("h4", {}, `Citations (${event.citations.length})`),
    citations,
    h(
      "p",
      { class: "record-links" },
      h("a", { href: jsonUrl(event.api_url), class: "api-record" }, "Full API record (JSON)"),
      " · ",
      h("a", { href: new URL(event.api_url, window.location.href).pathname }, "browsable"),
    ),
  );
  // Topic names and source titles arrive with their lists; slugs until then.
  bySlug("topics")
    .then((names) => {
      for (const link of detailsBody.querySelectorAll("a[data-topic]")) {
        link.textContent = names.get(link.dataset.topic)?.name || link.dataset.topic;
      }
    })
    .catch(() => {});
  bySlug("sources")
    .then((sources) => {
      for (const link of detailsBody.querySelectorAll("a[data-source]")) {
        const source = sources.get(link.dataset.source);
        if (source)
          link.textContent = source.publisher
            ? `${source.title} (${source.publisher})`
            : source.title;
      }
    })
    .catch(() => {});
  if (focus) detailsBody.querySelector("#details-title").focus();
  else if (window.matchMedia("(max-width: 959px)").matches) {
    detailsPanel.scrollIntoView({
      block: "nearest",
      behavior: reducedMotion.matches ? "auto" : "smooth",
    });
  }
}

// --- Tables ---------------------------------------------------------------------------------

/** Greedy label placement. `items` ({x, y, r, text}) come in priority order; each label
 * takes the first of eight positions around its symbol (right, left, above, below, then the
 * diagonals) that stays within
 * `bounds` ({x0, x1, y0, y1}, optional) and overlaps no symbol and no label placed before.
 * Sets item.label = {x, y, anchor, box}; returns the boxes of all labels. */
export function placeLabels(items, { font, bounds = null }) {
  const circles = items.map((item) => ({ x: item.x, y: item.y, r: item.r }));
  const labels = [];
  const hitsCircle = (box, circle) => {
    const dx = circle.x - Math.max(box.x0, Math.min(circle.x, box.x1));
    const dy = circle.y - Math.max(box.y0, Math.min(circle.y, box.y1));
    return dx * dx + dy * dy < circle.r * circle.r;
  };
  const hitsBox = (box, other) =>
    box.x0 < other.x1 && box.x1 > other.x0 && box.y0 < other.y1 && box.y1 > other.y0;
  const inside = (box) =>
    !bounds ||
    (box.x0 >= bounds.x0 && box.x1 <= bounds.x1 && box.y0 >= bounds.y0 && box.y1 <= bounds.y1);
  // Cost of a position: how many symbols and labels it would hide (outside the bounds: worst).
  const cost = (box) =>
    inside(box)
      ? circles.filter((circle) => hitsCircle(box, circle)).length +
        labels.filter((other) => hitsBox(box, other)).length
      : Infinity;
  for (const item of items) {
    const width = textWidth(item.text, font);
    const diagonal = item.r * 0.7 + 3;
    const candidates = [
      [item.x + item.r + 4, item.y, "start"],
      [item.x - item.r - 4, item.y, "end"],
      [item.x, item.y - item.r - 9, "middle"],
      [item.x, item.y + item.r + 9, "middle"],
      [item.x + diagonal, item.y - diagonal - 7, "start"],
      [item.x + diagonal, item.y + diagonal + 7, "start"],
      [item.x - diagonal, item.y - diagonal - 7, "end"],
      [item.x - diagonal, item.y + diagonal + 7, "end"],
    ].map(([x, y, anchor]) => {
      const x0 = anchor === "start" ? x : anchor === "end" ? x - width : x - width / 2;
      return { x, y, anchor, box: { x0, x1: x0 + width, y0: y - 7, y1: y + 7 } };
    });
    let choice = candidates[0];
    let best = Infinity;
    for (const candidate of candidates) {
      const value = cost(candidate.box);
      if (value < best) {
        best = value;
        choice = candidate;
      }
      if (value === 0) break;
    }
    item.label = choice;
    labels.push(choice.box);
  }
  return labels;
}

/** An accessible table: caption, column headers with scope, one row per record. */
export function table({ caption, columns, rows, rowKey, className = null }) {
  return h(
    "table",
    { class: className },
    h("caption", {}, caption),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        columns.map((column) => h("th", { scope: "col", class: column.class }, column.label)),
      ),
    ),
    h(
      "tbody",
      {},
      rows.map((row) =>
        h(
          "tr",
          { "data-key": rowKey(row) },
          columns.map((column) =>
            h(
              column.rowHeader ? "th" : "td",
              { scope: column.rowHeader ? "row" : null, class: column.class },
              column.value(row),
            ),
          ),
        ),
      ),
    ),
  );
}
