// NoSQL injection shaped like NoSQLMap (test/support/variants/nosql-map.ts): operator objects at any
// depth of a JSON body (`$or`/`$and` trees, filters), bracket syntax in query and form names
// (`user[$ne]=`, `filter[user][$regex]=`, `[$in][]=`), JSON in a query value, JavaScript for
// `$where`/`$function` and breakouts of the value's literal (`1; return true`). And JSON and prose
// that mention operators, which pass.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect } from "../support/engine.js";
import { nosqlMapAttack, nosqlMapBenign } from "../support/variants/nosql-map.js";
import { assertBlocked, assertPassed, asPlaced } from "../support/variants/check.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const SEED = 20261128;
const q = (v: string) => inspect(h, { path: `/a?q=${encodeURIComponent(v)}` }).score;

describe("NoSQL injection shaped like NoSQLMap", () => {
  it("blocks every operator, $where script and literal breakout", () => {
    assertBlocked(h, nosqlMapAttack, 800, SEED); // 96.5% before `1; return true` counted
  });

  it.each(["1; return true", "x'; return 1", "7\"; return this.a", "1; return !0"])("blocks %j", (v) => {
    expect(q(v)).toBeGreaterThanOrEqual(5);
  });

  it.each(["Step1; return to the menu", "x; return the book", "1; returns true", "Go home; return true"])("passes %j", (v) => {
    expect(q(v)).toBeLessThan(5);
  });

  // A User-Agent's products and comments are the client's name, one value an application may put in a $where
  // string whole: a quote right after them closes that string (as after one token in any other value).
  const UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";
  const ua = (v: string) => inspect(h, { path: "/", headers: [["host", "svc.local"], ["user-agent", v]] });
  it.each([`${UA} " || this.password.match(/.*/)//`, `${UA}' && this.role == 'admin`, `curl/8.5.0' || this.isAdmin || '`])("blocks the User-Agent %j", (v) => {
    expect(ua(v).matches.map((m) => m.id)).toContain(12006);
    expect(ua(v).score).toBeGreaterThanOrEqual(5);
  });
  it.each([`curl/8.5.0 "quoted" and more || this.y`, `Mozilla/5.0 (compatible; "bot") || this.x`, `${UA} MyApp/2.1 (see "docs") || this`])("passes the User-Agent %j", (v) => {
    expect(ua(v).score).toBeLessThan(5);
  });

  it("lets JSON and prose that mention operators through", () => {
    assertPassed(h, asPlaced(nosqlMapBenign), 100);
  });
});
