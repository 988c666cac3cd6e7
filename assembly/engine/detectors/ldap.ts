// LDAP injection (rules 13000-13999): a value that closes the application's filter and opens
// new clauses (`*)(uid=*`, `admin)(|(password=*)`, `)(!(&(1=0)`), or a wildcard presence test
// of objectClass. Ordinary values never contain `)(` followed by an attribute test.
import { Rule, Category, CRITICAL, WARNING } from "../rule";
import { Sink } from "../sink";
import { Target } from "../target";
import { PAREN, EQUALS, STAR } from "../census";
import { byteAt, isWordByte, indexOfCI } from "../bytes";

export const LDAP_RULES: Rule[] = [
  new Rule(13001, Category.Ldap, CRITICAL, 1, "LDAP filter breakout: ')(' followed by a new clause (*)(uid=*), )(|(, )(!(&("),
  new Rule(13002, Category.Ldap, WARNING, 1, "LDAP presence test of objectClass (objectClass=*)"),
  new Rule(13003, Category.Ldap, WARNING, 1, "value is a nested LDAP filter ((&(attr=x)(...)))"),
];

/** Whether an attribute test `name=` / `name~=` / `name>=` starts at i (after optional operators and parens). */
function clauseAt(buf: ArrayBuffer, i: i32): bool {
  const len = buf.byteLength;
  let j = i;
  let ops = 0;
  while (j < len && ops < 6) {
    const c = byteAt(buf, j);
    if (c == 0x7c || c == 0x26 || c == 0x21 || c == 0x28) { j++; ops++; continue; }
    break;
  }
  const start = j;
  while (j < len && (isWordByte(byteAt(buf, j)) || byteAt(buf, j) == 0x2d || byteAt(buf, j) == 0x2e || byteAt(buf, j) == 0x3b)) j++;
  if (j == start || j >= len) return false;
  const c = byteAt(buf, j);
  if (c == 0x3d) return true;
  return (c == 0x7e || c == 0x3e || c == 0x3c || c == 0x3a) && j + 1 < len && byteAt(buf, j + 1) == 0x3d;
}

// @ts-ignore: decorator
@inline function isLdapOp(c: u32): bool {
  return c == 0x26 || c == 0x7c || c == 0x21;
}

function skipOws(buf: ArrayBuffer, i: i32): i32 {
  const len = buf.byteLength;
  while (i < len && (byteAt(buf, i) == 0x20 || byteAt(buf, i) == 0x09)) i++;
  return i;
}

/**
 * After a `)` at i-1: does the value go on with a new filter clause? The filter grammar
 * allows blanks between tokens, so `) (`, `)&(`, `) ( | ` are the same breakout as `)(`:
 * `(` then an attribute test, `(` then an operator (&, |, !) that ends the value or opens
 * or closes a group, or an operator then `(` and an attribute test.
 */
function breakoutAt(buf: ArrayBuffer, i: i32): bool {
  const len = buf.byteLength;
  let j = skipOws(buf, i);
  if (j >= len) return false;
  const c = byteAt(buf, j);
  if (c == 0x28) {
    const k = skipOws(buf, j + 1);
    if (clauseAt(buf, k)) return true;
    if (k >= len || !isLdapOp(byteAt(buf, k))) return false;
    const e = skipOws(buf, k + 1);
    return e >= len || byteAt(buf, e) == 0x28 || byteAt(buf, e) == 0x29 || clauseAt(buf, e);
  }
  if (!isLdapOp(c)) return false;
  j = skipOws(buf, j + 1);
  return j < len && byteAt(buf, j) == 0x28 && clauseAt(buf, skipOws(buf, j + 1));
}

/** `(!`, `=*)`, `(&)`, `(|)`: clauses that negate, match anything or are absolutely true/false. */
function hasDefeatingClause(buf: ArrayBuffer): bool {
  const len = buf.byteLength;
  for (let i = 0; i + 1 < len; i++) {
    const c = byteAt(buf, i);
    const d = byteAt(buf, i + 1);
    if (c == 0x28 && (d == 0x21 || ((d == 0x26 || d == 0x7c) && byteAt(buf, i + 2) == 0x29))) return true;
    if (c == 0x3d && d == 0x2a && byteAt(buf, i + 2) == 0x29) return true;
  }
  return false;
}

/**
 * Offset of a `)` that starts a breakout, -1 if none (-2 if no `&` follows a `)`, so no entity can hide one).
 * Only a `)` that closes a parenthesis the value did not open can end the application's filter:
 * `(cn=a)(&(ou=b)(x=y))` is a filter of its own (a search form for admins), balanced from its first byte,
 * unless it carries a clause that defeats a check (a negation, a wildcard presence test, an absolute true/false).
 */
function breakout(buf: ArrayBuffer): i32 {
  const len = buf.byteLength;
  let amp = false;
  let close = false;
  const strict = hasDefeatingClause(buf); // then every `)(` counts, balanced or not
  let depth = 0;
  for (let i = 0; i + 1 < len; i++) {
    const c = byteAt(buf, i);
    if (c == 0x26 && close) amp = true;
    if (c == 0x28) depth++;
    if (c != 0x29) continue;
    close = true;
    if (depth > 0 && !strict) {
      depth--;
      continue;
    }
    if (breakoutAt(buf, i + 1)) return i;
  }
  return amp ? -1 : -2;
}

export function detectLdap(s: Sink, t: Target): void {
  // Every rule needs a parenthesis, but the `objectClass=*` test.
  const c = t.census();
  if ((c & PAREN) == 0 && (c & (EQUALS | STAR)) != (EQUALS | STAR)) return;
  const buf = t.decoded();
  const len = buf.byteLength;
  if (len < 3) return;
  let b = breakout(buf);
  let where = buf;
  // In XML and HTML values the operators may arrive as entities (`)(&amp;)`).
  if (b < 0 && b != -2) {
    where = t.htmlDecoded();
    if (where != buf) b = breakout(where);
  }
  if (b >= 0) s.report(13001, t, where, b, min(where.byteLength, b + 24), "LDAP filter breakout");
  const oc = (c & (EQUALS | STAR)) == (EQUALS | STAR) ? indexOfCI(buf, "objectclass=*") : -1;
  if (oc >= 0) s.report(13002, t, buf, oc, oc + 13, "objectClass test");
  if (byteAt(buf, 0) == 0x28 && len > 4) {
    const c = byteAt(buf, 1);
    if ((c == 0x26 || c == 0x7c || c == 0x21) && byteAt(buf, 2) == 0x28 && clauseAt(buf, 3)) {
      s.report(13003, t, buf, 0, min(len, 24), "nested LDAP filter");
    }
  }
}
