// Timeline: every meeting, statement and incident on one zoomable time axis, one lane per
// type. Events known to the day are drawn as a symbol (a bar when they last several days);
// events known only to the month or year, or approximately, are drawn as a dashed span.
import {
  addDays,
  apiLink,
  clearDetails,
  config,
  describeDate,
  EVENT_FILTERS,
  eventKey,
  fitText,
  getAll,
  h,
  lastDay,
  markChartDrawn,
  PAGE_SIZE,
  parseDate,
  PRECISION_WORDS,
  pick,
  reducedMotion,
  setStatus,
  showDetails,
  table,
  TYPE_ORDER,
  TYPES,
  typeIcon,
  withQuery,
} from "./common.js";

const d3 = window.d3;
export const chipFilters = EVENT_FILTERS;

const SYMBOLS = { circle: d3.symbolCircle, square: d3.symbolSquare, triangle: d3.symbolTriangle };
const MARK = 12; // symbol size (px)
const ROW = 22; // row height
const BAR = 14; // span height
const GAP = 4; // between two items of a row
const LANE_HEAD = 22;
const LANE_PAD = 8;
const AXIS = 30;
const FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const DAY = 86_400_000;

const chartBox = document.getElementById("chart");
const toolbar = document.getElementById("toolbar");
const legend = document.getElementById("legend");
const help = document.getElementById("chart-help");
const tableBox = document.getElementById("table");

let state = null;
let resizeObserver = null;

export async function render(params, { isCurrent }) {
  const query = pick(params, EVENT_FILTERS);
  query.set("page_size", PAGE_SIZE);
  const url = withQuery(config.eventsUrl, query);
  const events = await getAll(url, undefined);
  if (!isCurrent()) return;
  const counts = TYPE_ORDER.map((type) => [type, events.filter((e) => e.type === type).length]);
  setStatus(
    `${events.length} ${events.length === 1 ? "event" : "events"}`,
    events.length
      ? `: ${counts
          .filter(([, n]) => n)
          .map(
            ([type, n]) =>
              `${n} ${(n === 1 ? TYPES[type].label : TYPES[type].plural).toLowerCase()}`,
          )
          .join(", ")}. `
      : ". ",
    "From ",
    apiLink(url),
  );
  draw(events, params);
  markChartDrawn();
  drawTable(events);
  const wanted = params.get("item");
  if (wanted && state.byKey.has(wanted)) select(wanted, { reveal: true, updateUrl: false });
  else clearDetails();
}

// --- Geometry -------------------------------------------------------------------------------

function prepare(event) {
  const start = parseDate(event.date);
  const end = addDays(lastDay(event), 1); // exclusive
  return {
    event,
    key: eventKey(event),
    start,
    end,
    span: end - start > DAY, // more than one day: a bar
    imprecise: event.date_precision !== "day",
  };
}

/** What the chart shows first: the filtered date range, or the bulk of the events (the
 * decades-old background of the conflict is one "Show all" away). */
function initialDomain(items, params) {
  const from = params.get("date_from");
  const to = params.get("date_to");
  const starts = items.map((item) => item.start).sort((a, b) => a - b);
  let low = starts[items.length >= 10 ? Math.floor(items.length * 0.1) : 0];
  let high = d3.max(items, (item) => item.end);
  if (from && !Number.isNaN(parseDate(from).getTime())) low = parseDate(from);
  if (to && !Number.isNaN(parseDate(to).getTime())) high = addDays(parseDate(to), 1);
  const pad = Math.max((high - low) * 0.04, 15 * DAY);
  return [new Date(+low - pad), new Date(+high + pad)];
}

function lanesOf(items, params) {
  // A lane per type, except the types the filters leave out.
  const wanted = params.getAll("type").filter((type) => TYPE_ORDER.includes(type));
  return TYPE_ORDER.filter((type) => !wanted.length || wanted.includes(type)).map((type) => ({
    type,
    items: items
      .filter((item) => item.event.type === type)
      .sort((a, b) => a.start - b.start || a.event.id - b.event.id),
  }));
}

/** Rows of one lane for the current scale: greedy packing of the visible items, then labels
 * wherever the row leaves room for them. */
function layoutLane(lane, x, width) {
  const rows = [];
  const visible = [];
  for (const item of lane.items) {
    item.x0 = x(item.start);
    item.x1 = x(item.end);
    item.left = item.x0 - MARK / 2;
    item.right = item.span ? Math.max(item.x1, item.x0 + MARK / 2) : item.x0 + MARK / 2;
    item.visible = item.right >= 0 && item.left <= width;
    if (!item.visible) continue;
    let row = rows.findIndex((rightEdge) => rightEdge + GAP <= item.left);
    if (row === -1) {
      row = rows.length;
      rows.push(item.right);
    } else rows[row] = item.right;
    item.row = row;
    visible.push(item);
  }
  for (let row = 0; row < rows.length; row++) {
    const inRow = visible.filter((item) => item.row === row);
    inRow.forEach((item, index) => {
      const next = inRow[index + 1];
      const limit = next ? next.left - GAP : width;
      const start = Math.max(item.x0, 0) + MARK / 2 + 4;
      item.labelX = start;
      item.label = limit - start >= 40 ? fitText(item.event.title, limit - start, FONT) : "";
    });
  }
  lane.rows = Math.max(rows.length, 1);
  lane.height = LANE_HEAD + lane.rows * ROW + LANE_PAD;
}

// --- Drawing --------------------------------------------------------------------------------

function draw(events, params) {
  if (resizeObserver) resizeObserver.disconnect();
  chartBox.replaceChildren();
  drawLegend();
  help.textContent =
    "Drag to move along the time axis; pinch or Ctrl + scroll to zoom, or use the buttons. " +
    "Each item is a button: Tab to it and press Enter to see its citations.";
  const items = events.map(prepare);
  if (!items.length) {
    toolbar.replaceChildren();
    chartBox.append(h("p", { class: "empty" }, "No events match these filters."));
    state = { byKey: new Map(), items };
    return;
  }
  const width = Math.max(chartBox.clientWidth, 280);
  const [initialStart, initialEnd] = initialDomain(items, params);
  const lowest = d3.min([d3.min(items, (item) => item.start), initialStart]);
  const highest = d3.max([d3.max(items, (item) => item.end), initialEnd]);
  const pad = (highest - lowest) * 0.02;
  const x0 = d3
    .scaleUtc()
    .domain([new Date(+lowest - pad), new Date(+highest + pad)])
    .range([0, width]);
  const svg = d3
    .select(chartBox)
    .append("svg")
    .attr("class", "timeline")
    .attr("width", width)
    .attr("role", "group")
    .attr("aria-label", "Timeline chart. The table view below lists the same events.");
  svg.append("defs").append("clipPath").attr("id", "timeline-clip").append("rect");
  svg.append("g").attr("class", "grid");
  svg
    .append("g")
    .attr("class", "axis")
    .attr("transform", `translate(0,${AXIS - 2})`);
  const lanesGroup = svg.append("g").attr("class", "lanes");
  const lanes = lanesOf(items, params);
  const laneGroups = lanesGroup
    .selectAll("g.lane")
    .data(lanes)
    .join("g")
    .attr("class", (lane) => `lane type-${lane.type}`)
    .attr("role", "group")
    .attr("aria-label", (lane) => `${TYPES[lane.type].plural}: ${lane.items.length}`);
  laneGroups.append("rect").attr("class", "lane-bg").attr("x", 0).attr("width", width);
  const heads = laneGroups.append("g").attr("class", "lane-head").attr("aria-hidden", "true");
  heads
    .append("path")
    .attr("class", "mark")
    .attr("transform", "translate(10,11)")
    .attr("d", (lane) => d3.symbol(SYMBOLS[TYPES[lane.type].symbol], 70)());
  heads
    .append("text")
    .attr("x", 20)
    .attr("y", 15)
    .text((lane) => `${TYPES[lane.type].plural} (${lane.items.length})`);
  const body = laneGroups
    .append("g")
    .attr("class", "lane-items")
    .attr("clip-path", "url(#timeline-clip)");
  const itemGroups = body
    .selectAll("g.item")
    .data(
      (lane) => lane.items,
      (item) => item.key,
    )
    .join("g")
    .attr("class", (item) =>
      [
        "item",
        `type-${item.event.type}`,
        item.span ? "span" : "point",
        item.imprecise ? "imprecise" : "precise",
      ].join(" "),
    )
    .attr("data-key", (item) => item.key)
    .attr("data-type", (item) => item.event.type)
    .attr("data-precision", (item) => item.event.date_precision)
    .attr("data-span", (item) => String(item.span))
    .attr("role", "button")
    .attr("aria-pressed", "false")
    .attr(
      "aria-label",
      (item) =>
        `${TYPES[item.event.type].label}, ${describeDate(item.event)} (${PRECISION_WORDS[item.event.date_precision]}): ${item.event.title}`,
    )
    .on("click", (event, item) => select(item.key, { focus: false }))
    .on("keydown", (event, item) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        select(item.key, { focus: true });
      }
    });
  itemGroups.append("title").text((item) => `${item.event.title} — ${describeDate(item.event)}`);
  itemGroups.append("rect").attr("class", "hit");
  itemGroups
    .filter((item) => item.span)
    .append("rect")
    .attr("class", "bar")
    .attr("rx", 3);
  itemGroups
    .append("path")
    .attr("class", "mark")
    .attr("d", (item) => d3.symbol(SYMBOLS[TYPES[item.event.type].symbol], MARK * MARK * 0.62)());
  itemGroups.append("text").attr("class", "label").attr("dy", "0.35em");

  const zoom = d3
    .zoom()
    .filter((event) => (event.type === "wheel" ? event.ctrlKey || event.metaKey : !event.button))
    .on("zoom", (event) => {
      state.transform = event.transform;
      redraw();
    });
  state = {
    svg,
    x0,
    zoom,
    width,
    lanes,
    laneGroups,
    itemGroups,
    items,
    byKey: new Map(items.map((item) => [item.key, item])),
    transform: d3.zoomIdentity,
    selected: null,
    initial: [initialStart, initialEnd],
  };
  configureZoom();
  svg.call(zoom).on("dblclick.zoom", null);
  svg.call(zoom.transform, transformFor(state.initial));
  drawToolbar();
  resizeObserver = new ResizeObserver(() => {
    const newWidth = Math.max(chartBox.clientWidth, 280);
    if (state && state.svg && Math.abs(newWidth - state.width) > 1) resize(newWidth);
  });
  resizeObserver.observe(chartBox);
}

function configureZoom() {
  const { x0, zoom, width } = state;
  const [low, high] = x0.domain();
  const maxScale = Math.max(1, (high - low) / (10 * DAY)); // down to ten days across
  zoom
    .extent([
      [0, 0],
      [width, 1],
    ])
    .scaleExtent([1, maxScale])
    .translateExtent([
      [0, -Infinity],
      [width, Infinity],
    ]);
}

function transformFor([start, end]) {
  const { x0 } = state;
  const k = state.width / (x0(end) - x0(start));
  return d3.zoomIdentity.scale(k).translate(-x0(start), 0);
}

function resize(width) {
  const domain = state.transform.rescaleX(state.x0).domain();
  state.width = width;
  state.x0.range([0, width]);
  state.svg.attr("width", width);
  state.svg.selectAll("rect.lane-bg").attr("width", width);
  configureZoom();
  state.svg.call(state.zoom.transform, transformFor(domain));
}

function redraw() {
  const { svg, x0, width, lanes, laneGroups, itemGroups, transform } = state;
  const x = transform.rescaleX(x0);
  state.x = x;
  for (const lane of lanes) layoutLane(lane, x, width);
  let y = AXIS;
  for (const lane of lanes) {
    lane.y = y;
    y += lane.height;
  }
  const height = y + 2;
  svg.attr("height", height);
  svg
    .select("#timeline-clip rect")
    .attr("x", 0)
    .attr("y", -ROW)
    .attr("width", width)
    .attr("height", height + ROW);
  const ticks = Math.max(2, Math.floor(width / 110));
  svg.select("g.axis").call(d3.axisTop(x).ticks(ticks).tickSizeOuter(0));
  svg
    .select("g.grid")
    .selectAll("line")
    .data(x.ticks(ticks))
    .join("line")
    .attr("x1", (d) => x(d))
    .attr("x2", (d) => x(d))
    .attr("y1", AXIS)
    .attr("y2", height);
  laneGroups.attr("transform", (lane) => `translate(0,${lane.y})`);
  laneGroups.select("rect.lane-bg").attr("height", (lane) => lane.height - 2);
  itemGroups
    .attr("display", (item) => (item.visible ? null : "none"))
    .attr("tabindex", (item) => (item.visible ? 0 : -1))
    .attr("aria-hidden", (item) => (item.visible ? null : "true"))
    .attr("transform", (item) =>
      item.visible ? `translate(0,${LANE_HEAD + item.row * ROW + ROW / 2})` : null,
    );
  const visibleItems = itemGroups.filter((item) => item.visible);
  visibleItems
    .select("rect.hit")
    .attr("x", (item) => item.left - 2)
    .attr("y", -ROW / 2)
    .attr(
      "width",
      (item) =>
        Math.max(item.right, item.label ? item.labelX + labelWidth(item) : 0) - item.left + 4,
    )
    .attr("height", ROW);
  visibleItems
    .select("rect.bar")
    .attr("x", (item) => item.x0)
    .attr("y", -BAR / 2)
    .attr("width", (item) => Math.max(item.x1 - item.x0, 2))
    .attr("height", BAR);
  visibleItems
    .select("path.mark")
    .attr(
      "transform",
      (item) => `translate(${Math.max(item.x0, item.span ? MARK / 2 : item.x0)},0)`,
    );
  visibleItems
    .select("text.label")
    .attr("x", (item) => item.labelX)
    .text((item) => item.label);
}

const widths = new WeakMap();
function labelWidth(item) {
  if (!widths.has(item) || widths.get(item)[0] !== item.label) {
    const canvas =
      labelWidth.canvas || (labelWidth.canvas = document.createElement("canvas").getContext("2d"));
    canvas.font = FONT;
    widths.set(item, [item.label, canvas.measureText(item.label).width]);
  }
  return widths.get(item)[1];
}

function zoomWith(method, ...args) {
  const target = reducedMotion.matches ? state.svg : state.svg.transition().duration(250);
  target.call(state.zoom[method], ...args);
}

function drawToolbar() {
  const [low, high] = state.x0.domain();
  const button = (label, text, onclick) =>
    h("button", { type: "button", "aria-label": label, title: label, onclick }, text);
  toolbar.replaceChildren(
    h(
      "div",
      { class: "button-group", role: "group", "aria-label": "Zoom and move the time axis" },
      button("Zoom out", "−", () => zoomWith("scaleBy", 0.5)),
      button("Zoom in", "+", () => zoomWith("scaleBy", 2)),
      button("Earlier", "◀ Earlier", () =>
        zoomWith("translateBy", (state.width * 0.4) / state.transform.k, 0),
      ),
      button("Later", "Later ▶", () =>
        zoomWith("translateBy", (-state.width * 0.4) / state.transform.k, 0),
      ),
      button(`Show all (${low.getUTCFullYear()}–${high.getUTCFullYear()})`, "Show all", () =>
        zoomWith("transform", d3.zoomIdentity),
      ),
      button("Back to the first view", "Reset", () =>
        zoomWith("transform", transformFor(state.initial)),
      ),
    ),
  );
}

function drawLegend() {
  const swatch = (cls, title) =>
    h(
      "li",
      {},
      h(
        "svg:svg",
        { width: 26, height: 12, "aria-hidden": "true", focusable: "false" },
        h("svg:rect", { class: cls, x: 1, y: 1, width: 24, height: 10, rx: 3 }),
      ),
      ` ${title}`,
    );
  legend.replaceChildren(
    h(
      "ul",
      { class: "legend-list", "aria-label": "Legend" },
      TYPE_ORDER.map((type) =>
        h("li", { class: `type-${type}` }, typeIcon(type), ` ${TYPES[type].label}`),
      ),
      swatch("legend-bar precise", "several days"),
      swatch("legend-bar imprecise", "month, year or approximate date"),
    ),
  );
}

// --- Selection ------------------------------------------------------------------------------

function select(key, { focus = false, reveal = false, updateUrl = true } = {}) {
  const item = state.byKey.get(key);
  if (!item) return;
  state.selected = key;
  state.itemGroups
    .classed("selected", (other) => other.key === key)
    .attr("aria-pressed", (other) => String(other.key === key));
  for (const row of tableBox.querySelectorAll("tr[data-key]"))
    row.classList.toggle("selected", row.dataset.key === key);
  if ((reveal || !item.visible) && state.x) {
    const [low, high] = state.x.domain();
    if (item.end < low || item.start > high) {
      state.svg.call(state.zoom.translateTo, state.x0(item.start), 0);
    }
  }
  if (updateUrl) {
    const params = new URLSearchParams(window.location.search);
    params.set("item", key);
    window.history.replaceState(null, "", `${window.location.pathname}?${params}`);
  }
  showDetails(item.event, { focus });
}

// --- Table ----------------------------------------------------------------------------------

function drawTable(events) {
  const rows = [...events].sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) ||
      a.id - b.id,
  );
  if (!rows.length) {
    tableBox.replaceChildren(h("p", { class: "muted" }, "No events match these filters."));
    return;
  }
  tableBox.replaceChildren(
    table({
      caption: `${rows.length} events, oldest first`,
      rowKey: eventKey,
      rows,
      columns: [
        {
          label: "Date",
          class: "nowrap",
          value: (e) => [
            describeDate(e),
            e.date_precision === "day"
              ? ""
              : h("span", { class: "muted" }, ` (${e.date_precision})`),
          ],
        },
        {
          label: "Type",
          class: "nowrap",
          value: (e) => [typeIcon(e.type), ` ${TYPES[e.type].label}`],
        },
        {
          label: "Event",
          rowHeader: true,
          value: (e) =>
            h(
              "button",
              {
                type: "button",
                class: "linklike",
                "data-key": eventKey(e),
                onclick: () => select(eventKey(e), { focus: true }),
              },
              e.title,
            ),
        },
        { label: "Actors", value: (e) => e.actors.map((actor) => actor.name).join(", ") },
        { label: "Place", value: (e) => e.place?.name || "" },
      ],
    }),
  );
}
