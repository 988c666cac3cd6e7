// Java expression-language and reflection payloads (OGNL, SpEL, EL, MVEL):
// what the expression calls gives it away, whichever delimiter (`%{`, `#{`,
// `${`, `T(`) carries it. Reflection and process calls are never ordinary input.
import { byteAt, isWordByte, matchesCI, needleString } from "../../bytes";
import { skipBlank, wordEnd, wordIs } from "../langs/syntax";
import { WordList } from "../../wordlist";

// Methods that reach reflection, class loading, scripting or processes when called.
const REFLECTIVE_CALLS = new WordList(
"getruntime|getclass|forname|getmethod|getmethods|getdeclaredmethod|getdeclaredmethods|getdeclaredfield|\
getdeclaredfields|getdeclaredconstructor|getconstructor|newinstance|getclassloader|defineclass|loadclass|\
getenginebyname|getenginebyextension|setaccessible|processbuilder");

// OGNL's named context maps, read by a quoted key: `#session['key']` (`#session[2]` is a list in prose).
const OGNL_MAPS = new WordList("context|attr|session|application|request|parameters");

export class ExpressionHit {
  found: bool = false;
  start: i32 = 0;
  end: i32 = 0;
  reason: string = "";
}

/** Looks for reflective calls, OGNL context access and SpEL type references. */
export function scanJavaExpression(data: ArrayBuffer): ExpressionHit {
  const hit = new ExpressionHit();
  const n = data.byteLength;
  for (let i = 0; i < n; i++) {
    const c = byteAt(data, i);
    if (c == 0x23) { // #_memberAccess, #context, (#x=...)
      const we = wordEnd(data, i + 1);
      if (matchesCI(data, i + 1, "_memberaccess") || (we + 1 < n && byteAt(data, we) == 0x5b && isQuote(byteAt(data, we + 1)) && OGNL_MAPS.hasLower(data, i + 1, we))) {
        return found(hit, i, i + 14, "OGNL context access");
      }
      if (i > 0 && byteAt(data, i - 1) == 0x28) {
        const e = wordEnd(data, i + 1);
        if (e > i + 1 && e < n && byteAt(data, e) == 0x3d && (e + 1 >= n || byteAt(data, e + 1) != 0x3d)) {
          return found(hit, i - 1, e + 1, "OGNL variable assignment");
        }
      }
      continue;
    }
    if (c == 0x40 && matchesCI(data, i + 1, "ognl")) return found(hit, i, i + 5, "OGNL static access");
    if (!isWordByte(c) || (i > 0 && isWordByte(byteAt(data, i - 1)))) continue;
    const e = wordEnd(data, i);
    // SpEL type reference: T(some.Type)
    if (e == i + 1 && (c | 0x20) == 0x74 && e < n && byteAt(data, e) == 0x28 && (i == 0 || !isWordByte(byteAt(data, i - 1)))) {
      const p = e + 1;
      const pe = wordEnd(data, p);
      const letter = p < n && (byteAt(data, p) | 0x20) - 0x61 < 26;
      const escaped = i > 0 && byteAt(data, i - 1) == 0x5c; // `\t(` in JSON text
      if (letter && !escaped && pe < n && (byteAt(data, pe) == 0x2e || (byteAt(data, pe) == 0x29 && pe + 1 < n && byteAt(data, pe + 1) == 0x2e))) {
        return found(hit, i, pe, "SpEL type reference");
      }
    }
    const after = skipBlank(data, e, false);
    if (after < n && byteAt(data, after) == 0x28) {
      const k = REFLECTIVE_CALLS.indexLower(data, i, e);
      // `ProcessBuilder(` counts only as a constructor call (`new ProcessBuilder(`).
      if (k >= 0 && (!wordIs(data, i, e, "processbuilder") || precededByNew(data, i))) {
        return found(hit, i, after + 1, "Java reflection or process call");
      }
    }
    i = e - 1;
  }
  return hit;
}

function isQuote(c: u32): bool {
  return c == 0x27 || c == 0x22;
}

function precededByNew(data: ArrayBuffer, i: i32): bool {
  let j = i - 1;
  while (j >= 0 && (byteAt(data, j) == 0x20 || byteAt(data, j) == 0x2e)) j--;
  return j >= 2 && matchesCI(data, j - 2, "new");
}

/** `reason`: a needle (bytes.ts). */
function found<Needle>(hit: ExpressionHit, s: i32, e: i32, reason: Needle, n: i32 = 0): ExpressionHit {
  hit.found = true;
  hit.start = s;
  hit.end = e;
  hit.reason = needleString(reason, n);
  return hit;
}

/** Spring4Shell / Struts class-loader manipulation: `class.module.classLoader`, `class['classLoader']`. */
export function findClassLoaderPath(data: ArrayBuffer): i32 {
  const n = data.byteLength;
  for (let i = 0; i + 11 <= n; i++) {
    if ((byteAt(data, i) | 0x20) != 0x63 || !matchesCI(data, i, "classloader")) continue;
    // Walk back over separators to the previous path segment.
    let j = i - 1;
    while (j >= 0 && (byteAt(data, j) == 0x2e || byteAt(data, j) == 0x5b || byteAt(data, j) == 0x5d || byteAt(data, j) == 0x27 || byteAt(data, j) == 0x22)) j--;
    if (j < i - 1 && j >= 0) {
      let s = j;
      while (s > 0 && isWordByte(byteAt(data, s - 1))) s--;
      if (wordIs(data, s, j + 1, "class") || wordIs(data, s, j + 1, "module") || wordIs(data, s, j + 1, "getclass")) return s;
    }
  }
  return -1;
}
