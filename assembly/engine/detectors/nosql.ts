// NoSQL injection (rules 12000-12999): MongoDB query operators where a client should only
// send data (`user[$ne]=`, `{"$gt": ""}`, `$or: [`), JavaScript for `$where`/mapReduce
// (busy loops, `db.collection.method(`). Operators are recognised only in operator position
// (a key, `[$op]`, `$op:`), so prose about "$where" or prices like "$5" does not count.
import { Rule, Category, CRITICAL, WARNING } from "../rule";
import { Sink } from "../sink";
import { Target, TargetKind } from "../target";
import { DOLLAR, DOT, PAREN, SEMI } from "../census";
import { byteAt, byteTable, isAlpha, isWordByte, isSpaceByte, indexOfCI, matchesCI } from "../bytes";
import { WordList } from "../wordlist";
import { userAgentEnd } from "./rce/user-agent";

export const NOSQL_RULES: Rule[] = [
  new Rule(12001, Category.Nosql, CRITICAL, 1, "MongoDB query operator in a parameter or key (user[$ne]=, {\"$gt\":)"),
  new Rule(12002, Category.Nosql, CRITICAL, 1, "MongoDB operator object inside a value ($or: [, {$where:)"),
  new Rule(12003, Category.Nosql, CRITICAL, 1, "MongoDB shell call (db.collection.insert()"),
  new Rule(12004, Category.Nosql, CRITICAL, 1, "JavaScript busy loop for time-based injection (while(new Date ...))"),
  new Rule(12005, Category.Nosql, WARNING, 1, "JavaScript in a $where-style condition (this.x ==, return true)"),
  new Rule(12006, Category.Nosql, CRITICAL, 1, "String closed to add a condition on the document ($where): ' || this.x, \" && this.x"),
];

// The first 7 apply to the whole query (`{$where: ...}`); the others only under a field (`{qty: {$gt: 1}}`).
// ($comment is left out: it changes no result, and it is a keyword of every JSON Schema document.)
const OPERATORS = new WordList(
"where|expr|or|and|nor|text|jsonschema|ne|eq|gt|gte|lt|lte|in|nin|regex|exists|not|elemmatch|all|size|type|mod|function|\
accumulator|lookup|options|search|geowithin|near|slice|match|group|project|unwind|merge|out");
const TOP_LEVEL: i32 = 7;
const SEARCH: i32 = 27; // index of `search` in OPERATORS

/** Just after the `:` that follows i (blanks skipped), or i when there is none. */
function skipColon(buf: ArrayBuffer, i: i32): i32 {
  while (i < buf.byteLength && isSpaceByte(byteAt(buf, i))) i++;
  return i < buf.byteLength && byteAt(buf, i) == 0x3a ? i + 1 : i;
}

// @ts-ignore: decorator
@inline function isQuoteByte(c: u32): bool {
  return c == 0x22 || c == 0x27;
}
/** Index in OPERATORS of the operator operatorAt() found last. */
let operatorIndex: i32 = 0;

/** Length of the Mongo operator name starting at i (after `$`), or 0. */
function operatorAt(buf: ArrayBuffer, i: i32): i32 {
  let j = i;
  const len = buf.byteLength;
  while (j < len && isAlpha(byteAt(buf, j))) j++;
  const n = j - i;
  if (n < 2 || n > 12) return 0;
  operatorIndex = OPERATORS.indexLower(buf, i, j);
  return operatorIndex >= 0 ? n : 0;
}

function nextNonSpace(buf: ArrayBuffer, i: i32): u32 {
  const len = buf.byteLength;
  while (i < len && isSpaceByte(byteAt(buf, i))) i++;
  return i < len ? byteAt(buf, i) : 0;
}

/**
 * `query Q($project: ID!, $text: [String!])`: a GraphQL variable definition names a type after the
 * colon (a capitalised name, maybe in `[]`, then `!`, `,`, `)`, `=` or a blank); a Mongo operator
 * takes a value there (`{`, `[`, a quote, a number, ObjectId(...)).
 */
function graphqlType(buf: ArrayBuffer, colon: i32): bool {
  const len = buf.byteLength;
  let i = colon;
  while (i < len && (isSpaceByte(byteAt(buf, i)) || byteAt(buf, i) == 0x3a)) i++;
  if (i < len && byteAt(buf, i) == 0x5b) i++; // [
  if (i >= len || byteAt(buf, i) - 0x41 >= 26) return false; // A-Z
  while (i < len && isWordByte(byteAt(buf, i))) i++;
  if (i >= len) return true;
  const c = byteAt(buf, i);
  return c == 0x21 || c == 0x5d || c == 0x2c || c == 0x29 || c == 0x3d || isSpaceByte(c);
}

function isNameTarget(t: Target): bool {
  return t.kind == TargetKind.ArgName || t.kind == TargetKind.BodyKey || t.kind == TargetKind.CookieName;
}

export function detectNosql(s: Sink, t: Target): void {
  const buf = t.decoded();
  const len = buf.byteLength;
  if (len < 3) return;
  const nameTarget = isNameTarget(t);
  const c = t.census();
  let sawDollar = false;
  for (let i = 0; (c & DOLLAR) != 0 && i + 2 < len; i++) {
    if (byteAt(buf, i) != 0x24) continue; // $
    sawDollar = true;
    const n = operatorAt(buf, i + 1);
    if (n == 0) continue;
    const prev = i > 0 ? byteAt(buf, i - 1) : 0;
    const after = i + 1 + n < len ? byteAt(buf, i + 1 + n) : 0;
    if (isWordByte(prev) || isWordByte(after)) continue;
    // a key that is an operator, or bracket syntax user[$ne]
    if ((nameTarget && (i == 0 || prev == 0x5b || prev == 0x2e) ) || (prev == 0x5b && after == 0x5d)) {
      // `?$search=blue&$top=5` (OData): a field's operator as a whole argument name has no field to apply to
      if (t.kind == TargetKind.ArgName && i == 0 && n + 1 == len && operatorIndex >= TOP_LEVEL) continue;
      s.report(12001, t, buf, i, i + 1 + n, "MongoDB operator");
      return;
    }
    // {"$gt": ...}  $or: [  '$where':
    const q = after == 0x22 || after == 0x27 ? i + 2 + n : i + 1 + n;
    const c = nextNonSpace(buf, q);
    // `{"$search": "blue"}` (OData's search option carried as JSON): `$search` takes a string only inside `$text`
    // (reported first, as it comes first) and an object as an Atlas stage; alone with a string it queries nothing
    if (c == 0x3a && operatorIndex == SEARCH && isQuoteByte(nextNonSpace(buf, skipColon(buf, q)))) continue;
    if (c == 0x3a && (prev == 0x7b || prev == 0x22 || prev == 0x27 || isSpaceByte(prev) || prev == 0x2c || prev == 0) && !graphqlType(buf, q)) {
      s.report(12002, t, buf, i, i + 1 + n, "MongoDB operator object");
      return;
    }
  }
  if (!sawDollar && len < 8) return;
  // Shell calls and loops need `(`, document conditions `.` (this.), statements `;`.
  if ((c & (DOT | PAREN | SEMI)) == 0) return;
  if (t.gatesOpen || mayHoldJavascript(buf)) javascript(s, t, buf);
}

// The bytes each marker javascript() needs is anchored on: `.` (db., this.), `(` (while(), `;` (; return).
const JS_ANCHORS = byteTable(".(;");

/**
 * Whether `buf` holds `db.`, `this.`, `while(` or `; return `, which every finding of javascript()
 * starts from: one pass with a table, each anchor byte checked for its marker in place.
 */
export function mayHoldJavascript(buf: ArrayBuffer): bool {
  const base = changetype<usize>(buf);
  const n = buf.byteLength;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(base + <usize>i);
    if (unchecked(JS_ANCHORS[c]) == 0) continue;
    if (c == 0x2e) { if (matchesCI(buf, i - 2, "db") || matchesCI(buf, i - 4, "this")) return true; }
    else if (c == 0x28) { if (matchesCI(buf, i - 5, "while")) return true; }
    else if (matchesCI(buf, i, "; return ")) return true;
  }
  return false;
}

function javascript(s: Sink, t: Target, buf: ArrayBuffer): void {
  // db.users.find(  db.injection.insert(
  let i = indexOfCI(buf, "db.");
  while (i >= 0) {
    if (i == 0 || !isWordByte(byteAt(buf, i - 1))) {
      let j = i + 3;
      const len = buf.byteLength;
      const start = j;
      while (j < len && isWordByte(byteAt(buf, j))) j++;
      if (j > start && j < len && byteAt(buf, j) == 0x2e) {
        let k = j + 1;
        while (k < len && isAlpha(byteAt(buf, k))) k++;
        if (k > j + 1 && k < len && byteAt(buf, k) == 0x28) {
          s.report(12003, t, buf, i, k + 1, "MongoDB shell call");
          break;
        }
      }
    }
    i = indexOfCI(buf, "db.", i + 3);
  }
  // do{...}while(x-date<N) / while(new Date()...) : a loop that burns time on the server
  const w = indexOfCI(buf, "while(");
  if (w >= 0 && indexOfCI(buf, "date") >= 0) s.report(12004, t, buf, w, w + 6, "JS busy loop");
  const th = indexOfCI(buf, "this.");
  if (th >= 0 && (indexOfCI(buf, "==", th) > 0 || indexOfCI(buf, "return", 0) >= 0)) {
    s.report(12005, t, buf, th, th + 5, "JS document condition");
  }
  const r = returnAfterLiteral(buf);
  if (r >= 0) s.report(12006, t, buf, 0, r + 12, "string closed, condition");
  // `" || this.password.match(/.*/)//`: the value's string closed, `||` or `&&`, then the document
  let k = th - 1;
  while (k > 0 && isSpaceByte(byteAt(buf, k))) k--;
  const op = byteAt(buf, k);
  if (k > 1 && (op == 0x7c || op == 0x26) && byteAt(buf, k - 1) == op) {
    k -= 2;
    while (k > 0 && isSpaceByte(byteAt(buf, k))) k--;
    const q = byteAt(buf, k);
    // the quote closes the value's own string: only one token before it (`admin' || this.`; not `"a" and b || this.`),
    // or a User-Agent's products and comments (`Mozilla/5.0 (X11) Firefox/124.0" || this.`: the client's name is one value)
    let first = k;
    while (first > 0 && !isSpaceByte(byteAt(buf, first - 1))) first--;
    if ((q == 0x22 || q == 0x27) && th > 0 && (first == 0 || (t.kind == TargetKind.Header && t.key == "user-agent" && first == userAgentEnd(buf)))) {
      s.report(12006, t, buf, k, th + 5, "string closed, condition");
    }
  }
}

/**
 * `1; return true`, `x'; return this.a`: the value is one literal (a number, or a word whose string
 * a quote closes), then `;` and a `return` of a digit, `!`, `true` or `this`: a $where statement. Offset of `;` or -1.
 */
function returnAfterLiteral(buf: ArrayBuffer): i32 {
  const n = buf.byteLength;
  let i = 0;
  while (i < n && isWordByte(byteAt(buf, i))) i++;
  if (i < n && (byteAt(buf, i) == 0x27 || byteAt(buf, i) == 0x22)) i++;
  const semi = indexOfCI(buf, "; return ");
  if (i == 0 || semi != i) return -1;
  const c = i + 9 < n ? byteAt(buf, i + 9) : 0;
  const w = c == 0x74 && i + 11 < n ? byteAt(buf, i + 10) << 8 | byteAt(buf, i + 11) : 0; // (`; return to the menu`: prose)
  return c - 0x30 < 10 || c == 0x21 || w == 0x7275 || w == 0x6869 ? semi : -1;
}
