// Network: who met whom, from /api/v1/network/. A node is an actor (its area grows with the
// number of meetings), a line ties two actors (its width grows with their shared meetings).
// The layout is a force simulation run to rest before drawing: same data, same picture.
import {
  apiLink,
  config,
  exploreUrl,
  fitText,
  getJSON,
  h,
  humanize,
  markChartDrawn,
  NETWORK_FILTERS,
  pick,
  setStatus,
  placeLabels,
  table,
  withQuery,
} from "./common.js";

const d3 = window.d3;
export const chipFilters = [...NETWORK_FILTERS, "actor"];

const KINDS = ["person", "state", "organization", "group"];
const FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

const chartBox = document.getElementById("chart");
const toolbar = document.getElementById("toolbar");
const legend = document.getElementById("legend");
const help = document.getElementById("chart-help");
const tableBox = document.getElementById("table");

export async function render(params, { isCurrent }) {
  const url = withQuery(config.networkUrl, pick(params, NETWORK_FILTERS));
  const network = await getJSON(url);
  if (!isCurrent()) return;
  const { nodes, edges } = network;
  setStatus(
    `${nodes.length} actors and ${edges.length} ties between actors who took part in the same meetings. From `,
    apiLink(url),
  );
  const highlighted = new Set(params.getAll("actor"));
  draw(nodes, edges, params, highlighted);
  markChartDrawn();
  drawTable(nodes, edges, params);
}

/** The actor's timeline, keeping the date range and topic of this view. */
function timelineUrl(slug, params) {
  const query = pick(params, NETWORK_FILTERS);
  query.set("actor", slug);
  return exploreUrl("timeline", query);
}

function draw(rawNodes, rawEdges, params, highlighted) {
  toolbar.replaceChildren();
  drawLegend(new Set(rawNodes.map((node) => node.kind)));
  help.textContent =
    "Each actor is a link: click it, or Tab to it and press Enter, to open their timeline. " +
    "Hovering or focusing an actor shows whom they met.";
  chartBox.replaceChildren();
  if (!rawNodes.length) {
    chartBox.append(h("p", { class: "empty" }, "No meetings match these filters."));
    return;
  }
  const width = Math.max(chartBox.clientWidth, 280);
  // On a phone the box is taller than wide, and the clusters stack instead of sitting side
  // by side; long names are shortened there (the full name is in the link's label).
  const narrow = width < 600;
  const height = narrow
    ? Math.round(width * 1.5)
    : Math.round(Math.min(Math.max(width * 0.5, 380), 560));
  const nodes = rawNodes.map((node) => ({ ...node }));
  const links = rawEdges.map((edge) => ({ ...edge }));
  const radius = d3
    .scaleSqrt()
    .domain([0, d3.max(nodes, (node) => node.meetings) || 1])
    .range([2, Math.max(14, Math.min(30, width / 16))]);
  const stroke = d3
    .scaleLinear()
    .domain([1, Math.max(2, d3.max(links, (link) => link.weight) || 1)])
    .range([1.2, 8]);
  const simulation = d3
    .forceSimulation(nodes)
    .randomSource(d3.randomLcg(0.42))
    .force(
      "link",
      d3
        .forceLink(links)
        .id((node) => node.slug)
        .distance(
          (link) => 70 + radius(link.source.meetings ?? 1) + radius(link.target.meetings ?? 1),
        )
        .strength(0.5),
    )
    .force("charge", d3.forceManyBody().strength(narrow ? -380 : -600))
    .force(
      "collide",
      d3.forceCollide((node) => radius(node.meetings) + 16),
    )
    .force("x", d3.forceX(width / 2).strength(narrow ? 0.2 : 0.07))
    .force("y", d3.forceY(height / 2).strength(narrow ? 0.04 : 0.1))
    .stop();
  for (let tick = 0; tick < 320; tick++) simulation.tick();

  // Labels where they overlap no other label or node, biggest actors first; then fit the
  // drawing, labels included, into the box.
  const byImportance = [...nodes].sort(
    (a, b) => b.meetings - a.meetings || a.name.localeCompare(b.name),
  );
  for (const node of byImportance) {
    node.r = radius(node.meetings);
    node.text = narrow ? fitText(node.name, 120, FONT) || node.name : node.name;
  }
  const boxes = placeLabels(byImportance, { font: FONT });
  const left =
    Math.min(
      d3.min(nodes, (node) => node.x - node.r),
      d3.min(boxes, (box) => box.x0),
    ) - 8;
  const right =
    Math.max(
      d3.max(nodes, (node) => node.x + node.r),
      d3.max(boxes, (box) => box.x1),
    ) + 8;
  const top =
    Math.min(
      d3.min(nodes, (node) => node.y - node.r),
      d3.min(boxes, (box) => box.y0),
    ) - 8;
  const bottom =
    Math.max(
      d3.max(nodes, (node) => node.y + node.r),
      d3.max(boxes, (box) => box.y1),
    ) + 8;
  const viewWidth = right - left;
  const viewHeight = bottom - top;
  const scale = Math.min(1.6, width / viewWidth);

  const neighbours = new Map(nodes.map((node) => [node.slug, new Set([node.slug])]));
  for (const link of links) {
    neighbours.get(link.source.slug).add(link.target.slug);
    neighbours.get(link.target.slug).add(link.source.slug);
  }

  const svg = d3
    .select(chartBox)
    .append("svg")
    .attr("class", "network")
    .attr("width", width)
    .attr("height", Math.round(viewHeight * scale))
    .attr("viewBox", `${left} ${top} ${viewWidth} ${viewHeight}`)
    .attr("preserveAspectRatio", "xMidYMin meet")
    .attr("role", "group")
    .attr("aria-label", "Network chart. The table view below lists the same actors and ties.");
  svg
    .append("g")
    .attr("class", "edges")
    .attr("aria-hidden", "true")
    .selectAll("line")
    .data(links)
    .join("line")
    .attr("class", "edge")
    .attr("data-source", (link) => link.source.slug)
    .attr("data-target", (link) => link.target.slug)
    .attr("data-weight", (link) => link.weight)
    .attr("x1", (link) => link.source.x)
    .attr("y1", (link) => link.source.y)
    .attr("x2", (link) => link.target.x)
    .attr("y2", (link) => link.target.y)
    .attr("stroke-width", (link) => stroke(link.weight))
    .append("title")
    .text(
      (link) =>
        `${link.source.name} – ${link.target.name}: ${plural(link.weight, "shared meeting")}`,
    );

  const counterparts = (node) => neighbours.get(node.slug).size - 1;
  const nodeLinks = svg
    .append("g")
    .attr("class", "nodes")
    .selectAll("a")
    .data(byImportance)
    .join("a")
    .attr(
      "class",
      (node) => `node kind-${node.kind}${highlighted.has(node.slug) ? " highlight" : ""}`,
    )
    .attr("href", (node) => timelineUrl(node.slug, params))
    .attr("data-key", (node) => node.slug)
    .attr("data-meetings", (node) => node.meetings)
    .attr(
      "aria-label",
      (node) =>
        `${node.name} (${node.kind}): ${plural(node.meetings, "meeting")}, with ${plural(counterparts(node), "other actor")}. Open their timeline.`,
    )
    .attr("transform", (node) => `translate(${node.x},${node.y})`)
    .on("mouseenter focus", (event, node) => focusOn(node))
    .on("mouseleave blur", () => focusOn(null));
  nodeLinks.append("title").text((node) => `${node.name}: ${plural(node.meetings, "meeting")}`);
  nodeLinks.append("circle").attr("r", (node) => node.r);
  nodeLinks
    .append("text")
    .attr("x", (node) => node.label.x - node.x)
    .attr("y", (node) => node.label.y - node.y)
    .attr("text-anchor", (node) => node.label.anchor)
    .attr("dy", "0.35em")
    .text((node) => node.text);

  function focusOn(node) {
    svg.classed("focus-mode", Boolean(node));
    const near = node ? neighbours.get(node.slug) : new Set();
    nodeLinks.classed("near", (other) => near.has(other.slug));
    svg
      .selectAll("line.edge")
      .classed(
        "near",
        (link) =>
          Boolean(node) && (link.source.slug === node.slug || link.target.slug === node.slug),
      );
  }
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function drawLegend(kinds) {
  legend.replaceChildren(
    h(
      "ul",
      { class: "legend-list", "aria-label": "Legend" },
      KINDS.filter((kind) => kinds.has(kind)).map((kind) =>
        h(
          "li",
          {},
          h(
            "svg:svg",
            { width: 12, height: 12, "aria-hidden": "true", focusable: "false" },
            h("svg:circle", { class: `kind-${kind}`, cx: 6, cy: 6, r: 5.5 }),
          ),
          ` ${humanize(kind)}`,
        ),
      ),
      h("li", {}, "Circle area: number of meetings · line width: shared meetings"),
    ),
  );
}

function drawTable(nodes, edges, params) {
  if (!nodes.length) {
    tableBox.replaceChildren(h("p", { class: "muted" }, "No meetings match these filters."));
    return;
  }
  const names = new Map(nodes.map((node) => [node.slug, node.name]));
  const ties = new Map(nodes.map((node) => [node.slug, []]));
  for (const edge of edges) {
    ties.get(edge.source).push([edge.target, edge.weight]);
    ties.get(edge.target).push([edge.source, edge.weight]);
  }
  const sortedNodes = [...nodes].sort(
    (a, b) => b.meetings - a.meetings || a.name.localeCompare(b.name),
  );
  const sortedEdges = [...edges].sort(
    (a, b) => b.weight - a.weight || names.get(a.source).localeCompare(names.get(b.source)),
  );
  tableBox.replaceChildren(
    table({
      className: "actors",
      caption: `${nodes.length} actors, most meetings first`,
      rowKey: (node) => node.slug,
      rows: sortedNodes,
      columns: [
        {
          label: "Actor",
          rowHeader: true,
          value: (node) => h("a", { href: timelineUrl(node.slug, params) }, node.name),
        },
        { label: "Kind", value: (node) => humanize(node.kind) },
        { label: "Meetings", class: "number", value: (node) => node.meetings },
        {
          label: "Met most often",
          value: (node) =>
            ties
              .get(node.slug)
              .sort((a, b) => b[1] - a[1] || names.get(a[0]).localeCompare(names.get(b[0])))
              .slice(0, 3)
              .map(([slug, weight]) => `${names.get(slug)} (${weight})`)
              .join(", "),
        },
      ],
    }),
    table({
      className: "ties",
      caption: `${edges.length} ties, most shared meetings first`,
      rowKey: (edge) => `${edge.source}|${edge.target}`,
      rows: sortedEdges,
      columns: [
        { label: "Actor", rowHeader: true, value: (edge) => names.get(edge.source) },
        { label: "Actor", value: (edge) => names.get(edge.target) },
        { label: "Shared meetings", class: "number", value: (edge) => edge.weight },
        { label: "First", class: "nowrap", value: (edge) => edge.first_date },
        { label: "Last", class: "nowrap", value: (edge) => edge.last_date },
      ],
    }),
  );
}
