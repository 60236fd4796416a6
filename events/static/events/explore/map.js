// Map: the places of meetings and incidents as points on a world outline that ships with
// Parley (world-atlas, from Natural Earth; no tile server). A point's area grows with the
// number of events at that place; each point links to the timeline filtered by the place.
// The South Caucasus, where most places lie within a few kilometres, gets an inset.
import {
  apiLink,
  config,
  EVENT_FILTERS,
  exploreUrl,
  getAll,
  h,
  humanize,
  markChartDrawn,
  PAGE_SIZE,
  pick,
  placeLabels,
  reference,
  setStatus,
  table,
  textWidth,
  withQuery,
} from "./common.js";

const d3 = window.d3;
export const chipFilters = EVENT_FILTERS;

const MAP_TYPES = ["meeting", "incident"]; // statements have no place
const INSET = { name: "South Caucasus", west: 42.6, east: 49.2, south: 38.3, north: 42.2 };
const FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const COUNTRY_FONT = "italic 11px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

const chartBox = document.getElementById("chart");
const toolbar = document.getElementById("toolbar");
const legend = document.getElementById("legend");
const help = document.getElementById("chart-help");
const tableBox = document.getElementById("table");

let atlasPromise = null;
function atlas() {
  if (!atlasPromise) {
    atlasPromise = fetch(config.atlasUrl).then((response) => {
      if (!response.ok) throw new Error(`The world outline answered ${response.status}.`);
      return response.json();
    });
    atlasPromise.catch(() => (atlasPromise = null));
  }
  return atlasPromise;
}

export async function render(params, { isCurrent }) {
  const query = pick(params, EVENT_FILTERS);
  const types = query.getAll("type").filter((type) => MAP_TYPES.includes(type));
  query.delete("type");
  for (const type of types.length ? types : MAP_TYPES) query.append("type", type);
  query.set("page_size", PAGE_SIZE);
  const url = withQuery(config.eventsUrl, query);
  const [events, places, world] = await Promise.all([getAll(url), reference("places"), atlas()]);
  if (!isCurrent()) return;

  const counts = new Map();
  for (const event of events) {
    if (!event.place) continue;
    const count = counts.get(event.place.slug) || { meeting: 0, incident: 0, total: 0 };
    count[event.type] += 1;
    count.total += 1;
    counts.set(event.place.slug, count);
  }
  const rows = places
    .filter((place) => counts.has(place.slug))
    .map((place) => ({ ...place, ...counts.get(place.slug) }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  const located = rows.filter((row) => row.latitude !== null && row.longitude !== null);
  const unplaced = events.filter((event) => !event.place).length;
  setStatus(
    `${events.length} meetings and incidents at ${rows.length} places; ${located.length} places have coordinates and are drawn` +
      (unplaced ? ` (${unplaced} events have no place)` : "") +
      ". From ",
    apiLink(url),
  );
  draw(located, world, params);
  markChartDrawn();
  drawTable(rows, params);
}

function timelineUrl(slug, params) {
  const query = pick(params, EVENT_FILTERS);
  query.delete("place");
  query.delete("country");
  query.set("place", slug);
  return exploreUrl("timeline", query);
}

function inInset(place) {
  return (
    place.longitude >= INSET.west &&
    place.longitude <= INSET.east &&
    place.latitude >= INSET.south &&
    place.latitude <= INSET.north
  );
}

function boxFeature(west, south, east, north) {
  // A rectangle in longitude/latitude, densified so that it bends with the projection.
  const ring = [];
  for (let i = 0; i <= 10; i++) ring.push([west + ((east - west) * i) / 10, south]);
  for (let i = 0; i <= 10; i++) ring.push([east, south + ((north - south) * i) / 10]);
  for (let i = 0; i <= 10; i++) ring.push([east - ((east - west) * i) / 10, north]);
  for (let i = 0; i <= 10; i++) ring.push([west, north - ((north - south) * i) / 10]);
  return { type: "Feature", geometry: { type: "Polygon", coordinates: [ring.reverse()] } };
}

function draw(located, world, params) {
  toolbar.replaceChildren();
  drawLegend();
  help.textContent =
    "Each point is a link to the timeline of that place: click it, or Tab to it and press Enter.";
  chartBox.replaceChildren();
  if (!located.length) {
    chartBox.append(
      h(
        "p",
        { class: "empty" },
        "No meetings or incidents with a located place match these filters.",
      ),
    );
    return;
  }
  const countries = window.topojson.feature(world, world.objects.countries);
  const borders = window.topojson.mesh(world, world.objects.countries, (a, b) => a !== b);
  const radius = d3
    .scaleSqrt()
    .domain([0, d3.max(located, (place) => place.total)])
    .range([0, 20]);
  const inset = located.filter(inInset);
  const outside = located.filter((place) => !inInset(place));
  const width = Math.max(chartBox.clientWidth, 280);
  const wide = width >= 720 && inset.length && outside.length;
  const panels = h("div", { class: `map-panels${wide ? " wide" : ""}` });
  chartBox.append(panels);

  if (outside.length || !inset.length) {
    // The world panel frames every point (the inset's area included), with a margin.
    const lons = located.map((place) => place.longitude);
    const lats = located.map((place) => place.latitude);
    let west = Math.min(...lons) - 14;
    let east = Math.max(...lons) + 14;
    if (east - west < 70) {
      const middle = (east + west) / 2;
      west = middle - 35;
      east = middle + 35;
    }
    const south = Math.max(Math.min(...lats) - 14, -85);
    const north = Math.min(Math.max(...lats) + 12, 85);
    const panelWidth = wide ? Math.round(width * 0.62) - 8 : width;
    panel(panels, {
      title: "World",
      width: panelWidth,
      frame: boxFeature(west, south, east, north),
      points: inset.length ? outside : located,
      insetBox: inset.length ? boxFeature(INSET.west, INSET.south, INSET.east, INSET.north) : null,
      labelCountries: false,
    });
  }
  if (inset.length) {
    const panelWidth = wide ? width - Math.round(width * 0.62) - 8 : width;
    panel(panels, {
      title: `${INSET.name} (inset)`,
      width: panelWidth,
      frame: boxFeature(INSET.west, INSET.south, INSET.east, INSET.north),
      points: inset,
      insetBox: null,
      labelCountries: true,
    });
  }

  function panel(container, { title, width: panelWidth, frame, points, insetBox, labelCountries }) {
    const projection = d3.geoNaturalEarth1();
    const aspect = labelCountries ? 0.8 : 0.62;
    const panelHeight = Math.round(Math.min(panelWidth * aspect, 520));
    projection.fitExtent(
      [
        [4, 4],
        [panelWidth - 4, panelHeight - 4],
      ],
      frame,
    );
    const path = d3.geoPath(projection);
    const figure = h("figure", { class: "map-panel" });
    container.append(figure);
    const svg = d3
      .select(figure)
      .append("svg")
      .attr("class", "map")
      .attr("width", panelWidth)
      .attr("height", panelHeight)
      .attr("role", "group")
      .attr("aria-label", `${title} map. The table view below lists the same places.`);
    svg.append("rect").attr("class", "sea").attr("width", panelWidth).attr("height", panelHeight);
    svg.append("path").attr("class", "land").attr("d", path(countries)).attr("aria-hidden", "true");
    svg
      .append("path")
      .attr("class", "borders")
      .attr("d", path(borders))
      .attr("aria-hidden", "true");
    if (insetBox) {
      svg
        .append("path")
        .attr("class", "inset-box")
        .attr("d", path(insetBox))
        .attr("aria-hidden", "true");
      const [, [boxRight, boxBottom]] = path.bounds(insetBox);
      svg
        .append("text")
        .attr("class", "inset-label")
        .attr("x", boxRight)
        .attr("y", boxBottom + 13)
        .attr("text-anchor", "end")
        .attr("aria-hidden", "true")
        .text("inset");
    }
    const sorted = [...points].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
    for (const place of sorted) {
      [place.x, place.y] = projection([place.longitude, place.latitude]);
      place.r = Math.max(radius(place.total), 4);
      place.text = `${place.name} (${place.total})`;
    }
    const bounds = { x0: 2, x1: panelWidth - 2, y0: 2, y1: panelHeight - 2 };
    const labelBoxes = placeLabels(sorted, { font: FONT, bounds });
    if (labelCountries) {
      // Country names only where they hide no point and no label.
      const names = svg.append("g").attr("class", "country-names").attr("aria-hidden", "true");
      const taken = [
        ...labelBoxes,
        ...sorted.map((place) => ({
          x0: place.x - place.r,
          x1: place.x + place.r,
          y0: place.y - place.r,
          y1: place.y + place.r,
        })),
      ];
      for (const feature of countries.features) {
        const [cx, cy] = path.centroid(feature);
        const width = textWidth(feature.properties.name, COUNTRY_FONT);
        const box = { x0: cx - width / 2, x1: cx + width / 2, y0: cy - 8, y1: cy + 6 };
        if (box.x0 < 4 || box.x1 > panelWidth - 4 || box.y0 < 4 || box.y1 > panelHeight - 4)
          continue;
        if (
          taken.some(
            (other) =>
              box.x0 < other.x1 && box.x1 > other.x0 && box.y0 < other.y1 && box.y1 > other.y0,
          )
        )
          continue;
        taken.push(box);
        names
          .append("text")
          .attr("x", cx)
          .attr("y", cy)
          .attr("text-anchor", "middle")
          .text(feature.properties.name);
      }
    }
    const links = svg
      .append("g")
      .attr("class", "places")
      .selectAll("a")
      .data(sorted)
      .join("a")
      .attr("class", "place")
      .attr("href", (place) => timelineUrl(place.slug, params))
      .attr("data-key", (place) => place.slug)
      .attr("data-count", (place) => place.total)
      .attr(
        "aria-label",
        (place) =>
          `${place.name}: ${place.meeting} meetings, ${place.incident} incidents. Open the timeline of this place.`,
      );
    links
      .append("title")
      .text((place) => `${place.name}: ${place.meeting} meetings, ${place.incident} incidents`);
    links
      .append("circle")
      .attr("cx", (place) => place.x)
      .attr("cy", (place) => place.y)
      .attr("r", (place) => place.r);
    links
      .append("text")
      .attr("x", (place) => place.label.x)
      .attr("y", (place) => place.label.y)
      .attr("dy", "0.35em")
      .attr("text-anchor", (place) => place.label.anchor)
      .text((place) => place.text);
    figure.append(h("figcaption", {}, title));
  }
}

function drawLegend() {
  legend.replaceChildren(
    h(
      "ul",
      { class: "legend-list", "aria-label": "Legend" },
      h(
        "li",
        {},
        h(
          "svg:svg",
          { width: 34, height: 20, "aria-hidden": "true", focusable: "false" },
          h("svg:circle", { class: "legend-place", cx: 7, cy: 13, r: 4 }),
          h("svg:circle", { class: "legend-place", cx: 24, cy: 10, r: 9 }),
        ),
        " Circle area: number of meetings and incidents at the place",
      ),
    ),
  );
}

function drawTable(rows, params) {
  if (!rows.length) {
    tableBox.replaceChildren(
      h("p", { class: "muted" }, "No meetings or incidents with a place match these filters."),
    );
    return;
  }
  tableBox.replaceChildren(
    table({
      className: "places",
      caption: `${rows.length} places, most events first`,
      rowKey: (row) => row.slug,
      rows,
      columns: [
        {
          label: "Place",
          rowHeader: true,
          value: (row) => h("a", { href: timelineUrl(row.slug, params) }, row.name),
        },
        { label: "Kind", value: (row) => humanize(row.kind) },
        { label: "Country", value: (row) => row.country || "" },
        { label: "Meetings", class: "number", value: (row) => row.meeting },
        { label: "Incidents", class: "number", value: (row) => row.incident },
        {
          label: "Coordinates",
          class: "nowrap",
          value: (row) =>
            row.latitude === null || row.longitude === null
              ? h("span", { class: "muted" }, "none (not on the map)")
              : `${row.latitude.toFixed(2)}, ${row.longitude.toFixed(2)}`,
        },
      ],
    }),
  );
}
