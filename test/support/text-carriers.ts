// Three places a client puts a piece of text: a JSON comment, a form field and a search query.
// The benign-text tests send each piece through all three.
import type { Harness } from "./harness.js";
import { inspect, type Req } from "./engine.js";

export const json = (text: string): Req => ({ method: "POST", path: "/api/v1/posts/7/comments", headers: [["host", "svc.local"], ["content-type", "application/json"]], body: JSON.stringify({ body: text, author_id: 1 }) });
export const form = (text: string): Req => ({ method: "POST", path: "/blog/post/comments", headers: [["host", "svc.local"], ["content-type", "application/x-www-form-urlencoded"]], body: new URLSearchParams({ author: "Ann", comment: text }).toString() });
export const search = (text: string): Req => ({ method: "GET", path: `/search?q=${encodeURIComponent(text)}&lang=en`, headers: [["host", "svc.local"]] });
export const TEXT_CARRIERS = [json, form, search];

/** The matches of a blocked request, as `id@target[fragment]`; "" when it passes. */
export function blockedBy(h: Harness, req: Req): string {
  const v = inspect(h, req);
  return v.score >= 5 ? v.matches.map((m) => `${m.id}@${m.target}[${m.fragment}]`).join(" ") : "";
}
