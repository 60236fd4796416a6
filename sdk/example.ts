// Using Parley from TypeScript with the types openapi-typescript generates from the schema.
// sdk/generate.sh writes them to build/sdk/types/schema.d.ts and type-checks this file with
// `tsc --noEmit --strict`: when the schema changes in a way this code relies on, it fails.
import type { components, paths } from "../build/sdk/types/schema";

type Meeting = components["schemas"]["Meeting"];
type TimelineItem = components["schemas"]["TimelineItem"];
type MeetingQuery = NonNullable<paths["/api/v1/meetings/"]["get"]["parameters"]["query"]>;
type MeetingPage =
  paths["/api/v1/meetings/"]["get"]["responses"][200]["content"]["application/json"];
type TimelineQuery = NonNullable<paths["/api/v1/events/"]["get"]["parameters"]["query"]>;
type TimelinePage =
  paths["/api/v1/events/"]["get"]["responses"][200]["content"]["application/json"];

/** The query string of a list: arrays become repeated parameters (participant=a&participant=b). */
function queryString(query: Record<string, string | number | string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      params.append(name, String(item));
    }
  }
  return params.toString();
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/** Every meeting matching the filters: follows `next` page by page until it is null. */
export async function allMeetings(base: string, query: MeetingQuery): Promise<Meeting[]> {
  const meetings: Meeting[] = [];
  let url: string | null | undefined = `${base}/api/v1/meetings/?${queryString(query)}`;
  while (url) {
    const page: MeetingPage = await getJson<MeetingPage>(url);
    meetings.push(...page.results);
    url = page.next;
  }
  return meetings;
}

/** The timeline, newest first, following the cursor to the end. */
export async function timeline(base: string, query: TimelineQuery): Promise<TimelineItem[]> {
  const items: TimelineItem[] = [];
  let url: string | null | undefined = `${base}/api/v1/events/?${queryString(query)}`;
  while (url) {
    const page: TimelinePage = await getJson<TimelinePage>(url);
    items.push(...page.results);
    url = page.next;
  }
  return items;
}

/** Meetings Pashinyan and Michel both attended in 2023, and Aliyev's meetings on the timeline. */
export async function example(base = "http://127.0.0.1:8000"): Promise<string[]> {
  const meetings = await allMeetings(base, {
    participant: ["nikol-pashinyan", "charles-michel"],
    date_from: "2023-01-01",
    date_to: "2023-12-31",
    ordering: ["date"],
    page_size: 100,
  });
  const lines = meetings.map((meeting) => {
    const who = meeting.participants.map((p) => `${p.name} (${p.role})`).join(", ");
    return `${meeting.date} ${meeting.title} [${meeting.place?.name ?? "place unknown"}]: ${who}`;
  });
  const items = await timeline(base, { actor: ["ilham-aliyev"], type: ["meeting"], page_size: 50 });
  for (const item of items) {
    const type: "meeting" | "statement" | "incident" = item.type;
    lines.push(`${item.date} ${type} ${item.title} (${item.citations.length} citations)`);
  }
  return lines;
}
