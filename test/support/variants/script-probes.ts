// Probes that tools other than the corpus's send for injection classes the corpus barely holds:
// XPath injection (axis steps, unions after a closed predicate, location paths to node tests), each
// built from its grammar's parts, and the benign text next to each (code with `::`, IPv6, prose about
// XPath, tables). Each generator draws its parts from a seed (rng.ts).
import fc from "fast-check";
import { rng, type R } from "./rng.js";

const pick = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const q = (r: R) => pick(r, ["'", '"']);
const name = (r: R) => pick(r, ["user", "users", "account", "password", "pass", "login", "secret", "item", "node", "u" + r(99)]);
const AXES = ["child", "descendant", "descendant-or-self", "ancestor", "ancestor-or-self", "parent", "self", "following", "following-sibling", "preceding", "preceding-sibling", "attribute"];
const nodeTest = (r: R) => pick(r, ["node()", "text()", "*", name(r), "NODE()", "text( )"]);
const blank = (r: R) => pick(r, ["", " ", "  "]);

/** An XPath step on an axis after a `/`, or any name and `::` before `node()`/`text()`, inside a call or a comparison. */
export const xpathAxis: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  const axis = pick(r, AXES);
  const step = r(4) ? `/${axis}::${nodeTest(r)}` : `${axis}::${pick(r, ["node()", "text()"])}`;
  const path = pick(r, ["", "/*[1]", "/" + name(r), "/*"]) + step;
  const fn = pick(r, ["count", "string-length", "name", "local-name", "boolean", "string"]);
  switch (r(4)) {
    case 0: return `${fn}(${path})`;
    case 1: return `${fn}(${path})=${r(9)}`;
    case 2: return path;
    default: return `${r(99)} and ${fn}(${path})>${r(9)}`;
  }
});

/** A literal and predicate closed, then a union with any node: `'] | //* | /a['`. */
export const xpathUnion: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  const quote = q(r);
  const closers = pick(r, ["]", ")]", "))]", ")", "]]"]);
  const any = pick(r, ["//*", "//" + name(r), "/*", "*", "//" + name(r) + "/*", "//*[1]", "//@*"]);
  const reopen = pick(r, ["", ` | /a[${quote}`, ` | //x[(${quote}`, `[${quote}`, ` | ${quote}`]);
  return `${pick(r, ["", "x", "admin", "1"])}${quote}${closers}${blank(r)}|${blank(r)}${any}${reopen}`;
});

/** A value that is a location path or a call on one, stepping to `text()`/`node()`: `//user[name/text()='a']`. */
export const xpathPath: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  const quote = q(r);
  const test = pick(r, ["text()", "node()", "Text()"]);
  const pred = `[${name(r)}/${test}=${quote}${pick(r, ["admin", "x", "", "1"])}${quote}${pick(r, ["", ` and ${name(r)}/${test}=${quote}y${quote}`, " or 1=1"])}]`;
  const path = `${pick(r, ["//", "/", "/*/"])}${name(r)}${pred}${pick(r, ["", "/" + name(r) + "/" + test, "/" + test])}`;
  return r(3) ? path : `${pick(r, ["count", "string-length", "string"])}(${path})`;
});

/** Code with `::`, addresses, tables, pipes and prose that names XPath's functions and axes. */
export const xpathBenign: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  switch (r(10)) {
    case 0: return pick(r, ["use super::*;", "use crate::config::*;", "std::vector<int> v(" + r(9) + ");", "Foo::bar() is static", "Admin::UsersController#index"]);
    case 1: return `fe80::${r(99)} and ::ffff:10.0.0.${r(255)}`;
    case 2: return `The ${pick(r, ["text()", "node()", "count()", "name()"])} function of XPath returns ${pick(r, ["the text node", "a number", "a string"])}`;
    case 3: return `the ${pick(r, AXES)} axis selects nodes, see chapter ${r(9)}`;
    case 4: return `| ${pick(r, ["Name", "Email", "Total"])} | /docs/${r(9)} | ${r(99)} |`;
    case 5: return `["a", "b${r(9)}"] | /regex/ | keys`;
    case 6: return `In XPath, //book/title selects every title (${r(99)} books)`;
    case 7: return `see https://example.com/docs/xpath/${pick(r, ["text()", "node()"])} for details`;
    case 8: return `A | B | ${pick(r, ["C", "D"])}`;
    default: return `C++: ${pick(r, ["std", "boost", "ns"])}::${pick(r, ["string", "optional<int>", "map"])} x; // ${r(99)}`;
  }
});
