// Parley from TypeScript with openapi-fetch and the types openapi-typescript generates
// from the schema (build/sdk/types/schema.d.ts). `make sdk` type-checks this file with
// tsc --strict: when the schema changes in a way this code relies on, it fails.
// Every typed answer is JSON only (CSV and GeoJSON are downloads, see docs/api.md), so
// `data.results` needs no narrowing between a page and a string.
import createClient from "openapi-fetch";
import type { components, paths } from "../../build/sdk/types/schema";

type Meeting = components["schemas"]["Meeting"];
type TimelineItem = components["schemas"]["TimelineItem"];

/** Meetings Pashinyan and Aliyev both attended, every page. */
export async function meetingsOfBoth(baseUrl: string): Promise<Meeting[]> {
  const client = createClient<paths>({ baseUrl });
  const meetings: Meeting[] = [];
  for (let page = 1; ; page++) {
    const { data, error } = await client.GET("/api/v1/meetings/", {
      params: {
        query: { participant: ["nikol-pashinyan", "ilham-aliyev"], ordering: ["date"], page },
      },
    });
    if (error) throw new Error(`meetings: ${JSON.stringify(error)}`);
    meetings.push(...data.results);
    if (data.next === null) return meetings;
  }
}

/** Statements on the timeline, following the cursor to the end. */
export async function statements(baseUrl: string): Promise<TimelineItem[]> {
  const client = createClient<paths>({ baseUrl });
  const items: TimelineItem[] = [];
  let cursor: string | undefined;
  for (;;) {
    const { data, error } = await client.GET("/api/v1/events/", {
      params: { query: { type: ["statement"], page_size: 50, cursor } },
    });
    if (error) throw new Error(`timeline: ${JSON.stringify(error)}`);
    items.push(...data.results);
    if (data.next === null) return items;
    cursor = new URL(data.next).searchParams.get("cursor") ?? undefined;
  }
}

export async function example(baseUrl = "http://127.0.0.1:8000"): Promise<string[]> {
  const lines = (await meetingsOfBoth(baseUrl)).map(
    (m) => `${m.date} ${m.title} (${m.place?.name ?? "place unknown"}, ${m.status})`,
  );
  for (const item of await statements(baseUrl)) {
    const type: "meeting" | "statement" | "incident" = item.type;
    lines.push(`${item.date} ${type} ${item.title} (${item.citations.length} citations)`);
  }
  return lines;
}
