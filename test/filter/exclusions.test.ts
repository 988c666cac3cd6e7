// Exclusions through the host, as Envoy delivers requests (header names in lower case): each one
// the CLI accepts silences its finding where it is scoped, and only there.
import { describe, expect, it } from "vitest";
import { runRequest, type RequestSpec } from "../../src/host/index.js";
import { loadFilter } from "../support/filter.js";
import { validateConfig } from "../../src/config/schema.js";
import { grpcFrames, message, type Field } from "../support/protobuf.js";

const SQLI = "1' OR '1'='1' -- ";
const q = encodeURIComponent(SQLI);
const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
const token = (claims: object) => `${b64url({ alg: "HS256", typ: "JWT" })}.${b64url(claims)}.c2lnbmF0dXJl`;
const json = (doc: object, path = "/"): RequestSpec => ({ method: "POST", path, headers: [["host", "api.svc"], ["content-type", "application/json"]], body: JSON.stringify(doc) });
const xml = (doc: string): RequestSpec => ({ method: "POST", path: "/", headers: [["host", "api.svc"], ["content-type", "application/xml"]], body: doc });
const BOUNDARY = "----b0undary";
const upload = (field: string, filename: string, type: string, content = "hello"): RequestSpec => ({
  method: "POST", path: "/upload", headers: [["host", "api.svc"], ["content-type", `multipart/form-data; boundary=${BOUNDARY}`]],
  body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n--${BOUNDARY}--\r\n`,
});
const grpc = (...fields: Field[]): RequestSpec => ({ method: "POST", path: "/shop.Orders/Create", headers: [["host", "api.svc"], ["content-type", "application/grpc"]], body: grpcFrames(message(fields)) });
const XSS = "<script>alert(1)</script>";
const get = (path: string, headers: [string, string][] = []): RequestSpec => ({ path, headers: [["host", "api.svc"], ...headers] });

// [exclusion, requests it lets through, requests still blocked]
const cases: [object, RequestSpec[], RequestSpec[]][] = [
  [
    { categories: ["sqli"], target: "header:User-Agent" },
    [get("/", [["User-Agent", SQLI]]), get("/", [["user-agent", SQLI]])],
    [get("/", [["X-Agent", SQLI]]), get(`/?ua=${q}`)],
  ],
  [
    { categories: ["sqli"], target: "args:user[name]" },
    [get(`/?user[name]=${q}`), get(`/?user%5Bname%5D=${q}`)],
    [get(`/?user=${q}`), get(`/?user[id]=${q}`)],
  ],
  [
    { categories: ["sqli"], target: "args:user[*" },
    [get(`/?user[name]=${q}&user%5Bbio%5D=${q}`)],
    [get(`/?username=${q}`)],
  ],
  [
    { categories: ["sqli"], target: "cookie:Session" },
    [get("/", [["cookie", `Session=${q}`]])],
    [get("/", [["cookie", `session=${q}`]]), get("/", [["cookie", `Session=1; other=${q}`]])],
  ],
  [
    { categories: ["sqli"], target: "json:items.0.name" },
    [json({ items: [{ name: SQLI }] })],
    [json({ items: [{ name: "a" }, { name: SQLI }] }), json({ items: [{ bio: SQLI }] })],
  ],
  [
    { categories: ["sqli"], target: "json:items.*" },
    [json({ items: [{ name: "a" }, { name: SQLI, bio: SQLI }] })],
    [json({ itemsx: SQLI }), json({ note: SQLI, items: [] })],
  ],
  [
    { categories: ["sqli"], target: "jwt:payload.bio" },
    [get("/", [["authorization", `Bearer ${token({ sub: "1", bio: SQLI })}`]]), get("/", [["cookie", `t=${token({ bio: SQLI })}`]])],
    [get("/", [["authorization", `Bearer ${token({ sub: SQLI, bio: "x" })}`]])],
  ],
  // (Envoy hands the Host header over as :authority: `header:host` is refused)
  [
    { categories: ["ssrf", "protocol"], target: "header::authority" },
    [{ ...get("/"), authority: "169.254.169.254" }],
    [{ ...get("/", [["x-forwarded-host", "169.254.169.254"]]), authority: "api.svc" }],
  ],
  // a token's carrier covers its claims; a JSON document in a value is named by that value
  [
    { categories: ["sqli"], target: "header:Authorization" },
    [get("/", [["authorization", `Bearer ${token({ sub: SQLI })}`]])],
    [get("/", [["cookie", `t=${token({ sub: SQLI })}`]])],
  ],
  [
    { categories: ["sqli"], target: "header:x-data" },
    [get("/", [["x-data", JSON.stringify({ a: { b: SQLI } })]])],
    [get("/", [["x-other", JSON.stringify({ a: { b: SQLI } })]]), json({ a: { b: SQLI } })],
  ],
  // (an XML document is also read whole, as `body`: the finding dropped in the element is dropped there too)
  [
    { categories: ["sqli"], target: "xml:item@id" },
    [xml(`<order><item id="${SQLI}">book</item></order>`)],
    [xml(`<order><item id="1">${SQLI}</item></order>`), xml(`<order><item id="1" ref="${SQLI}">book</item></order>`)],
  ],
  [
    { categories: ["sqli"], target: "xml:note" },
    [xml(`<order><note>${SQLI}</note></order>`)],
    [xml(`<order><note>${SQLI}</note><memo>${SQLI}</memo></order>`), get(`/?note=${q}`)],
  ],
  // an upload's file name by its field; a part header by its name, in any case; a gRPC field by its numbers
  [
    { ruleIds: [9170], target: "files:avatar" },
    [upload("avatar", "shell.php", "image/png")],
    [upload("document", "shell.php", "image/png"), upload("avatar", `${XSS}.png`, "image/png")],
  ],
  [
    { categories: ["xss"], target: "multipart:Content-Type" },
    [upload("avatar", "a.png", `image/png; x=${XSS}`)],
    [upload("avatar", XSS, "image/png"), get("/", [["x-type", `image/png; x=${XSS}`]])],
  ],
  [
    { categories: ["sqli"], target: "grpc:4.*" },
    [grpc([4, [[1, SQLI]]], [4, [[2, [[1, SQLI]]]]])],
    [grpc([5, [[1, SQLI]]]), grpc([4, [[1, "ok"]]], [40, SQLI])],
  ],
  [
    { categories: ["sqli"], host: "API.svc", pathPrefix: "/search", method: "GET" },
    [get(`/search?q=${q}`), { ...get(`/search/all?q=${q}`), authority: "api.svc:8080" }],
    [{ ...get(`/search?q=${q}`), authority: "web.svc" }, get(`/searc?q=${q}`), { ...get(`/search?q=${q}`), method: "POST" }, { ...get(`/search?q=${q}`), method: "get" }],
  ],
  // a method outside the allowed list (1001) let through where it is used; methods are
  // case-sensitive (RFC 9110): `m-search` is another method, still refused
  [
    { ruleIds: [1001], method: "M-SEARCH" },
    [{ ...get("/"), method: "M-SEARCH" }],
    [{ ...get("/"), method: "m-search" }, { ...get("/"), method: "MKCALENDAR" }, { ...get(`/?q=${q}`), method: "M-SEARCH" }],
  ],
  [
    { ruleIds: [2002, 2003, 2005, 2023, 2025] },
    [get(`/?q=${q}`)],
    [get(`/?q=${encodeURIComponent("<script>alert(1)</script>")}`)],
  ],
];

describe("exclusions at runtime", () => {
  for (const [exclusion, through, blocked] of cases) {
    it(`${JSON.stringify(exclusion)} silences its finding, and only there`, async () => {
      const config = { mode: "block", exclusions: [exclusion] };
      validateConfig(config);
      const em = await loadFilter(config);
      expect(em.logs.filter((l) => l.level === "warn")).toEqual([]);
      for (const r of through) expect(runRequest(em, r).status, JSON.stringify(r)).toBe(200);
      for (const r of blocked) expect(runRequest(em, r).status, JSON.stringify(r)).toBe(403);
      // without the exclusion, every one of them is blocked
      const plain = await loadFilter({ mode: "block" });
      for (const r of through) expect(runRequest(plain, r).status, JSON.stringify(r)).toBe(403);
    });
  }
});
