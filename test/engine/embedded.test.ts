// JSON documents inside a query argument or a form field (engine/embedded.ts): each string is
// inspected as a JSON body's string is, base64 of text included; API filters and sort specs stay clean.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, type Req } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64").replace(/=+$/, "");
const query = (name: string, json: string): Req => ({ path: `/api/items?${name}=${encodeURIComponent(json)}` });
const form = (name: string, json: string): Req => ({
  method: "POST",
  path: "/api/items",
  headers: [["host", "svc.local"], ["content-type", "application/x-www-form-urlencoded"]],
  body: `${name}=${encodeURIComponent(json)}`,
});

describe("a JSON document in a query argument or a form field", () => {
  const attacks: [string, string][] = [
    ["filter", JSON.stringify({ q: "<svg onload=alert(1)>" })],
    ["data", JSON.stringify({ cmd: "foo;id" })],
    // base64 of text in a string, as in a JSON body: `(alert)(1)`, `'-alert(1)//`, an SQL breakout
    ["filter", JSON.stringify({ a67ecf925b: b64("(alert)(1)") })],
    ["filter", JSON.stringify({ name: b64("'-alert(1)//") })],
    ["data", JSON.stringify({ page: 2, where: { id: b64("1' union select password from users--") } })],
  ];
  for (const [name, json] of attacks) {
    it(`blocks ${name}=${json} in the query`, () => expect(inspect(h, query(name, json)).attack).toBe(true));
    it(`blocks ${name}=${json} in a form`, () => expect(inspect(h, form(name, json)).attack).toBe(true));
  }
  const benign: [string, string][] = [
    ["filter", JSON.stringify({ status: "active", created_at: { gte: "2024-01-01" }, tags: ["red", "blue"] })],
    ["sort", JSON.stringify([{ field: "createdAt", order: "desc" }, { field: "name", order: "asc" }])],
    // base64 that is text, but plain: a cursor holding JSON, a name, an opaque id
    ["page", JSON.stringify({ cursor: b64(JSON.stringify({ id: 1042, ts: 1732870000 })), size: 50 })],
    ["filter", JSON.stringify({ city: b64("Berlin"), token: "dGhpcyBpcyBmaW5lIHRleHQ" })],
    ["q", JSON.stringify({ query: "select a plan that fits you", fields: ["title", "summary"] })],
  ];
  for (const [name, json] of benign) {
    it(`leaves ${name}=${json} alone in the query`, () => expect(inspect(h, query(name, json)).matches).toEqual([]));
    it(`leaves ${name}=${json} alone in a form`, () => expect(inspect(h, form(name, json)).matches).toEqual([]));
  }
});
