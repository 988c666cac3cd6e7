// Ordinary payloads hidden by the carrier and the parser (test/support/variants/carriers.ts): JSON
// escapes, duplicate keys and deep nesting, form pollution and odd escapes, multipart boundaries,
// names and transfer encodings, Content-Type mismatches, XML CDATA/comments/entities, quoted and
// base64 cookies, duplicated headers, matrix parameters, GraphQL, `;` and bracketed queries.
// Every payload in every carrier, and a benign look-alike in every carrier.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, inspectWith, type Req } from "../support/engine.js";
import { ANOMALOUS, ATTACKS, CARRIERS, LOOKALIKES, carriedAttack, everyPair, type Carrier } from "../support/variants/carriers.js";
import { hitRate } from "../support/variants/rate.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const SEED = 20261128;
const blocked = (v: { score: number }) => v.score >= 5;
const show = (x: { carrier: Carrier; value: string }) => `${x.carrier}: ${x.value}`;
/** With the protocol rules off, only the payload can block: the carrier's own anomaly scores nothing. */
const payloadOnly = (req: Parameters<typeof inspect>[1]) => inspectWith(h, req, "protocol", "");

/**
 * Look-alikes blocked for a reason that is not the carrier's: a value that opens with a quote and then
 * reads `select ... --` is a quote breakout to the SQL detector as a plain argument too (`'select a plan
 * -- then pay` in a query), and an internal entity declaration scores 4 by itself (14006), so anything
 * SQL-like in its DOCTYPE blocks. Left to the detectors.
 */
const KNOWN: [Carrier, string][] = [
  ["cookie-quoted", "select a plan -- then pay"], ["cookie-escaped-quote", "select a plan -- then pay"],
  ["graphql-block-string", "select a plan -- then pay"],
  ["xml-internal-entity", "select a plan -- then pay"], ["xml-internal-entity", "drop-off at 5pm; union station"],
];
const known = (x: { carrier: Carrier; value: string }) => KNOWN.some(([c, v]) => c === x.carrier && v === x.value);
/** A short command as a bracketed form key (`filter[;id]=1`): names are held to a stricter test than values. Left alone. */
const commandAsKey = (x: { carrier: Carrier; value: string }) => x.carrier === "form-name-brackets" && (x.value === ";id" || x.value === "`id`");

describe("payloads hidden by the carrier and the parser", () => {
  it("covers every carrier with every payload", () => {
    expect(everyPair(ATTACKS)).toHaveLength(ATTACKS.length * CARRIERS.length);
  });

  it("blocks every payload in every carrier but short commands as a bracketed key", () => {
    const misses = everyPair(ATTACKS).filter((x) => !blocked(inspect(h, x.req)));
    expect(misses.filter((x) => !commandAsKey(x)).map(show)).toEqual([]);
    expect(misses.length).toBeLessThanOrEqual(2); // was 34 of 1,650 before the carriers' parsers were generalised
  });

  it("finds every payload through a well-formed carrier with the protocol rules off (not only by the carrier's anomaly)", () => {
    const misses = everyPair(ATTACKS).filter((x) => !blocked(payloadOnly(x.req)));
    expect(misses.filter((x) => !ANOMALOUS.includes(x.carrier) && !commandAsKey(x)).map(show)).toEqual([]);
    expect(misses.length / everyPair(ATTACKS).length).toBeLessThanOrEqual(0.008); // was 63 of 1,650 (3.8%); 13 now
  });

  it("blocks sampled carriers with other names and choices, but short commands as a bracketed key", () => {
    const { hits, total, misses } = hitRate(h, carriedAttack, 600, SEED);
    const keyCommand = (r: Req) => typeof r.body === "string" && /&filter\[(;|%3B)id\]=1$|&filter\[(`|%60)id(`|%60)\]=1$/i.test(r.body);
    expect(misses.filter((r) => !keyCommand(r)).map((r) => JSON.stringify(r)), "unexplained misses").toEqual([]);
    expect(hits / total).toBeGreaterThanOrEqual(0.995);
  });

  it("lets benign look-alikes through in every well-formed carrier", () => {
    const fps = everyPair(LOOKALIKES).filter((x) => !ANOMALOUS.includes(x.carrier) && !known(x) && blocked(inspect(h, x.req))).map(show);
    expect(fps).toEqual([]);
  });

  it("blocks the anomalous carriers whatever they carry, and lets their look-alikes through with the protocol rules off", () => {
    const pairs = everyPair(LOOKALIKES).filter((x) => ANOMALOUS.includes(x.carrier));
    expect(pairs.filter((x) => !blocked(inspect(h, x.req))).map(show)).toEqual([]);
    expect(pairs.filter((x) => blocked(payloadOnly(x.req))).map(show)).toEqual([]);
  });

  it("blocks the known look-alikes listed above (remove an entry when a detector learns to pass it)", () => {
    expect(everyPair(LOOKALIKES).filter(known).filter((x) => !blocked(inspect(h, x.req))).map(show)).toEqual([]);
  });
});

const post = (type: string | null, body: string, path = "/api/items"): Req => ({ method: "POST", path, headers: type === null ? [["host", "h"]] : [["host", "h"], ["content-type", type]], body });

describe("what each carrier's parser hands on", () => {
  // found by the payload itself, with the protocol rules off (the carriers' anomalies score nothing)
  it.each<[string, Req]>([
    ["the \\u-escaped strings of JSON that strict parsers reject (a comment, single quotes, a trailing comma)",
      post("application/json", `{/* v2 */ 'lang': 'en', "q": "\\u0037\\u003b\\u0020\\u0064\\u0072\\u006f\\u0070\\u0020\\u0074\\u0061\\u0062\\u006c\\u0065\\u0020\\u0061\\u0063\\u0063\\u006f\\u0075\\u006e\\u0074\\u0073\\u002d\\u002d",}`)],
    ["a form sent as JSON", post("application/json", "lang=en&q=7%3B+drop+table+accounts--")],
    ["a form sent as XML", post("application/xml", "q=%3Csvg%20onload%3Dalert(1)%3E")],
    ["a quoted-printable multipart field", post("multipart/form-data; boundary=B",
      '--B\r\nContent-Disposition: form-data; name="bio"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=3Cscript=3Ealert(docum=\r\nent.cookie)=3C/script=3E\r\n--B--\r\n')],
    ["an internal entity's literal", post("application/xml", '<!DOCTYPE r [<!ENTITY v "1&#39; union select password from users-- -">]><r><q>&v;</q></r>')],
    ["a quoted cookie with an octal escape", { path: "/", headers: [["host", "h"], ["cookie", 'sid=1; q="7\\073 drop table accounts--"']] }],
    ["traversal steps carrying matrix parameters", { path: "/static/..;v=1/..;v=1/..;v=1/etc;v=1/passwd", headers: [["host", "h"]] }],
    ["a SQL comment in a path segment followed by matrix parameters", { path: "/users/admin'--;v=1/profile", headers: [["host", "h"]] }],
    ["a command split by an XML comment", post("application/xml", "<r><host>example.com;i<!-- -->d</host></r>")],
    ["a template split across CDATA sections", post("text/xml", "<r><name><![CDATA[{{7*]]><![CDATA[7}}]]></name></r>")],
    ["a command in a base64 JSON cookie", { path: "/", headers: [["host", "h"], ["cookie", `prefs=${Buffer.from(JSON.stringify({ theme: "dark", host: ";id" })).toString("base64")}`]] }],
    ["a template in a JSON document posted as a form", post("application/x-www-form-urlencoded", '{"name":"<%= 7*7 %>"}')],
    ["a command in a UTF-16 XML document", { ...post("application/xml", ""), body: new Uint8Array([0xff, 0xfe, ...Buffer.from('<?xml version="1.0" encoding="UTF-16"?><r><host>x;id</host></r>', "utf16le")]) }],
  ])("blocks %s", (_, req) => {
    expect(payloadOnly(req).score).toBeGreaterThanOrEqual(5);
    expect(inspect(h, req).score).toBeGreaterThanOrEqual(5);
  });

  it.each<[string, Req]>([
    ["lenient JSON of prose", post("application/json", `{/* draft */ "title": "Rock \\u0026 roll; 50% off", 'tags': ['a', 'b'],}`)],
    ["a form of prose sent as JSON", post("application/json", "note=see%20you%20at%205%3B%20bring%20the%20select%20list")],
    ["a quoted-printable field of prose", post("multipart/form-data; boundary=B",
      '--B\r\nContent-Disposition: form-data; name="bio"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nCaf=C3=A9 =3D coffee; see you at=\r\n 5 pm, or <b>6</b>\r\n--B--\r\n')],
  ])("lets %s through with the protocol rules off", (_, req) => {
    expect(payloadOnly(req).score).toBeLessThan(5);
  });

  it.each<[string, Req]>([
    ["a quoted cookie", { path: "/", headers: [["host", "h"], ["cookie", 'theme="dark blue"; lang="en\\073q=1"']] }],
    ["a session id as a matrix parameter", { path: "/shop;jsessionid=AB12CD/cart/../items;page=2", headers: [["host", "h"]] }],
    ["a bracketed parameter name holding prose", { path: "/app/view?filter[see%20../docs/intro.md]=1", headers: [["host", "h"]] }],
    ["prose split by an XML comment and CDATA", post("application/xml", "<r><note>see you at 5;<!-- edited --> bring <![CDATA[<b>id</b>]]> cards</note></r>")],
    ["a base64 JSON cookie of settings", { path: "/", headers: [["host", "h"], ["cookie", `prefs=${Buffer.from(JSON.stringify({ theme: "dark", note: "a; b | c" })).toString("base64")}`]] }],
    ["a JSON document posted as a form", post("application/x-www-form-urlencoded", '{"name":"Rock & roll; 50% off","n":1}')],
    ["a UTF-16 XML document (big-endian)", { ...post("text/xml", ""), body: new Uint8Array([0xfe, 0xff, ...Buffer.from('<?xml version="1.0" encoding="UTF-16"?><r><note>caf\u00e9 at 5; bring cards</note></r>', "utf16le").swap16()]) }],
  ])("lets %s through", (_, req) => {
    expect(inspect(h, req).score).toBeLessThan(5);
  });
});
