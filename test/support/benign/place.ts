// Placements the variant positions (../variants/positions.ts) do not cover: a whole JSON document as
// the body, a generated string as a JSON key, a generated query string as is, and one header.
import fc from "fast-check";
import type { Req } from "../engine.js";

export const jsonBody = (doc: object, path = "/api/v1/ingest"): Req => ({
  method: "POST", path, headers: [["host", "svc.local"], ["content-type", "application/json"]], body: JSON.stringify(doc),
});
/** The string as a key of a nested object, with an ordinary value. */
export const jsonKey = (key: string): Req => jsonBody({ spec: { [key]: "value", enabled: true } }, "/api/v1/config");
/** A query string the client composed itself (its own `&` and `=`), escaped as browsers and URL libraries do. */
export const rawQuery = (qs: string): Req => ({ method: "GET", path: `/api/v1/report?${encodeURI(qs).replace(/#/g, "%23")}`, headers: [["host", "svc.local"]] });
export const withHeader = ([name, value]: [string, string]): Req => ({ method: "GET", path: "/api/v1/items", headers: [["host", "svc.local"], [name, value], ["accept", "application/json"]] });

/** Wraps an arbitrary of ready requests for assertPassed. */
export const requests = <T>(a: fc.Arbitrary<T>, make: (x: T) => Req) => a.map((x) => ({ req: make(x) }));
