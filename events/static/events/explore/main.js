// The explorer's entry point: reads the filters from the URL, keeps the form, the chips and
// the view links in step with them, and asks the current view to draw.
import {
  ApiError,
  bySlug,
  config,
  currentParams,
  exploreUrl,
  h,
  parseDate,
  root,
  setStatus,
  showError,
  TYPES,
} from "./common.js";
import * as map from "./map.js";
import * as network from "./network.js";
import * as timeline from "./timeline.js";

const views = { timeline, network, map };
const view = views[config.view];
const form = document.getElementById("filters");
const chips = document.getElementById("active-filters");

// Parameters the form edits; the others (place, country, a second actor) are shown as chips
// and kept until removed.
const FORM_FIELDS = new Set(
  [...form.elements].map((element) => element.name).filter((name) => name),
);

function ensureOption(select, value) {
  if (value && ![...select.options].some((option) => option.value === value)) {
    select.append(h("option", { value }, value));
  }
}

function fillForm(params) {
  for (const element of form.elements) {
    if (!element.name) continue;
    if (element.type === "checkbox") {
      element.checked = params.getAll(element.name).includes(element.value);
    } else if (element.tagName === "SELECT") {
      const value = params.get(element.name) || "";
      ensureOption(element, value);
      element.value = value;
    } else {
      element.value = params.get(element.name) || "";
    }
  }
}

async function fillSelect(name, reference, label) {
  const select = form.elements.namedItem(name);
  if (!select) return;
  const records = [...(await bySlug(reference)).values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const chosen = select.value;
  select.replaceChildren(
    select.options[0],
    ...records.map((record) => h("option", { value: record.slug }, label(record))),
  );
  ensureOption(select, chosen);
  select.value = chosen;
}

/** The parameters the form describes, plus those it cannot show (kept as chips). */
function paramsFromForm() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (String(value).trim() !== "") params.append(name, String(value).trim());
  }
  const previous = currentParams();
  for (const [name, value] of previous) {
    if (name === "item") continue;
    const kept = !FORM_FIELDS.has(name) || (name === "actor" && value !== previous.get("actor"));
    if (kept && !params.getAll(name).includes(value)) params.append(name, value);
  }
  return params;
}

const CHIP_LABELS = {
  search: (value) => `Search: “${value}”`,
  actor: (value, names) =>
    `${config.view === "network" ? "Highlighted" : "Actor"}: ${names.actors.get(value)?.name || value}`,
  topic: (value, names) => `Topic: ${names.topics.get(value)?.name || value}`,
  type: (value) => `Type: ${TYPES[value]?.plural || value}`,
  date_from: (value) => `From ${formatDay(value)}`,
  date_to: (value) => `To ${formatDay(value)}`,
  place: (value, names) => `Place: ${names.places.get(value)?.name || value}`,
  country: (value) => `Country: ${value}`,
};

function formatDay(value) {
  const date = parseDate(value);
  return Number.isNaN(date.getTime())
    ? value
    : date.toLocaleDateString("en-GB", {
        timeZone: "UTC",
        day: "numeric",
        month: "short",
        year: "numeric",
      });
}

const names = { actors: new Map(), topics: new Map(), places: new Map() };

function renderChips(params) {
  const items = [];
  for (const [name, value] of params) {
    if (!(name in CHIP_LABELS) || !view.chipFilters.includes(name)) continue;
    const text = CHIP_LABELS[name](value, names);
    const remove = () => {
      const next = new URLSearchParams();
      for (const [otherName, otherValue] of params) {
        if (otherName === "item" || (otherName === name && otherValue === value)) continue;
        next.append(otherName, otherValue);
      }
      navigate(next);
    };
    items.push(
      h(
        "li",
        {},
        h("span", {}, text),
        h(
          "button",
          {
            type: "button",
            class: "chip-remove",
            "aria-label": `Remove filter ${text}`,
            onclick: remove,
          },
          "×",
        ),
      ),
    );
  }
  chips.replaceChildren(...items);
  chips.hidden = items.length === 0;
}

// On a phone the form starts folded (the chart comes first); the summary counts the filters.
const filtersBox = document.getElementById("filters-box");
const filtersCount = document.getElementById("filters-count");
if (window.matchMedia("(max-width: 600px)").matches) filtersBox.open = false;

function updateFiltersSummary(params) {
  const count = [...params.keys()].filter((name) => name in CHIP_LABELS).length;
  filtersCount.textContent = count ? ` (${count} active)` : "";
}

function updateViewLinks(params) {
  const kept = new URLSearchParams([...params].filter(([name]) => name !== "item"));
  for (const link of document.querySelectorAll("[data-view-link]")) {
    link.href = exploreUrl(link.dataset.viewLink, kept);
  }
}

let generation = 0;

async function update(params) {
  const mine = ++generation;
  const isCurrent = () => mine === generation;
  root.dataset.state = "loading";
  fillForm(params);
  renderChips(params);
  updateFiltersSummary(params);
  updateViewLinks(params);
  showError("");
  setStatus("Loading…");
  try {
    await view.render(params, { isCurrent, navigate });
  } catch (error) {
    if (!isCurrent()) return;
    if (!(error instanceof ApiError)) console.error(error);
    showError(error instanceof ApiError ? error.message : String(error));
    setStatus("Nothing to show.");
    for (const id of ["chart", "toolbar", "legend", "table"])
      document.getElementById(id).replaceChildren();
    root.dataset.state = "error";
  }
}

/** Show the view for these parameters and record them in the address bar (shareable). */
function navigate(params, { replace = false } = {}) {
  const url = exploreUrl(config.view, params);
  if (replace) window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
  update(params);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  navigate(paramsFromForm());
});
form.addEventListener("reset", (event) => {
  event.preventDefault();
  navigate(new URLSearchParams());
});
window.addEventListener("popstate", () => update(currentParams()));

// Names for the selects and chips come from the reference lists, asked for once the first
// chart is drawn, so that they do not compete with the data it needs.
const label = (record) => record.name;
update(currentParams())
  .then(() =>
    Promise.all([
      fillSelect("actor", "actors", label),
      fillSelect("topic", "topics", label),
      bySlug("actors").then((map) => (names.actors = map)),
      bySlug("topics").then((map) => (names.topics = map)),
      bySlug("places").then((map) => (names.places = map)),
    ]),
  )
  .then(() => renderChips(currentParams()))
  .catch((error) => console.error(error));
