// PHP variables used as code: variable functions (`$f(`, `$_[@-_](`, `${'a'}(`,
// `$o->$m(`), superglobals (`$_GET`, `$_S ERVER`) and variable variables (`${'x'}`).
import { byteAt, isSpaceByte, isWordByte, lowerByte } from "../../bytes";
import { skipBlank } from "../langs/syntax";
import { WordList } from "../../wordlist";

/** Skips a balanced `[...]`, `{...}` or `(...)` group starting at `i` (bounded). */
function skipGroup(data: ArrayBuffer, i: i32): i32 {
  const n = data.byteLength;
  let depth = 0;
  for (let j = i; j < n && j < i + 512; j++) {
    const c = byteAt(data, j);
    if (c == 0x5b || c == 0x7b || c == 0x28) depth++;
    else if ((c == 0x5d || c == 0x7d || c == 0x29) && --depth == 0) return j + 1;
  }
  return -1;
}

/** Index of a variable function call (`$name(`, `$a[..]{..}(`, `${expr}(`, `$$a(`), or -1. */
export function findVariableCall(data: ArrayBuffer, from: i32): i32 {
  const n = data.byteLength;
  for (let i = from; i + 2 < n; i++) {
    if (byteAt(data, i) != 0x24) continue;
    let j = i + 1;
    while (j < n && (byteAt(data, j) == 0x24 || isSpaceByte(byteAt(data, j)))) j++;
    if (j >= n) break;
    const c = byteAt(data, j);
    if (c == 0x7b) {
      const g = skipGroup(data, j);
      if (g < 0 || g == j + 2) continue; // `${}`
      j = g;
    } else if ((c | 0x20) - 0x61 < 26 || c == 0x5f) {
      while (j < n && isWordByte(byteAt(data, j))) j++;
    } else continue;
    // Index, property and static chains: [..] {..} ->x ->$x ::$x, with blanks and comments between.
    let method = false; // the chain ends in `->name`: `$obj->delete(` calls a method by its name (Perl POD writes the same)
    for (let steps = 0; steps < 16; steps++) {
      j = skipBlank(data, j, true);
      if (j >= n) break;
      const d = byteAt(data, j);
      if (d == 0x5b || d == 0x7b) {
        const g = skipGroup(data, j);
        if (g < 0 || g == j + 2) { j = -1; break; } // `$a[]()` does not parse
        j = g;
        method = false;
        continue;
      }
      if ((d == 0x2d && j + 1 < n && byteAt(data, j + 1) == 0x3e) || (d == 0x3a && j + 1 < n && byteAt(data, j + 1) == 0x3a)) {
        j += 2;
        method = isWordByte(byteAt(data, j));
        while (j < n && (byteAt(data, j) == 0x24 || isWordByte(byteAt(data, j)))) j++;
        continue;
      }
      break;
    }
    if (j >= 0 && j < n && byteAt(data, j) == 0x28 && !method) return i;
  }
  return -1;
}

const SUPERGLOBALS = new WordList(
"_get|_post|_cookie|_request|_server|_files|_env|_session|globals|http_raw_post_data|http_get_vars|\
http_post_vars|http_cookie_vars|http_server_vars");

/** Index of a superglobal (`$_GET`, also split by blanks: `$_S ERVER`), or -1. */
export function findSuperglobal(data: ArrayBuffer): i32 {
  const n = data.byteLength;
  for (let i = 0; i + 4 < n; i++) {
    if (byteAt(data, i) != 0x24) continue;
    // Collect up to 20 name characters, ignoring blanks inside the name.
    let name = "";
    let j = i + 1;
    while (j < n && name.length < 20) {
      const c = byteAt(data, j);
      if (isWordByte(c)) name += String.fromCharCode(<i32>lowerByte(c), -1);
      else if (!isSpaceByte(c)) break;
      j++;
      if (SUPERGLOBALS.hasString(name) && (j >= n || !isWordByte(byteAt(data, j)))) return i;
    }
  }
  return -1;
}

/** Index of a variable variable `${'x'}`, `$ {x}`, `${$a}`, `${@a}`, or -1 (`${name}` alone is template syntax). */
export function findVariableVariable(data: ArrayBuffer): i32 {
  const n = data.byteLength;
  for (let i = 0; i + 2 < n; i++) {
    if (byteAt(data, i) != 0x24) continue;
    let j = i + 1;
    let blanks = false;
    while (j < n && isSpaceByte(byteAt(data, j))) { j++; blanks = true; }
    if (j >= n || byteAt(data, j) != 0x7b) continue;
    const k = skipBlank(data, j + 1, false);
    if (k >= n) continue;
    const c = byteAt(data, k);
    if (c == 0x7d) continue; // `${}`
    if (c == 0x27 || c == 0x22 || c == 0x24 || c == 0x40) return i;
    if (blanks && !isPlaceholder(data, k)) return i;
  }
  return -1;
}

/** Whether a name in braces that starts at `k` closes with nothing after it that uses the variable: the
 * `$ {command} --flag` of a shell prompt before a documentation placeholder. A name alone names a
 * constant, not a variable; `$ {name}(...)`, `$ {name}[...]` and `$ {name}->` still count. */
function isPlaceholder(data: ArrayBuffer, k: i32): bool {
  const n = data.byteLength;
  let e = k;
  while (e < n && (isWordByte(byteAt(data, e)) || byteAt(data, e) == 0x2d || byteAt(data, e) == 0x2e)) e++;
  if (e == k || e >= n || byteAt(data, e) != 0x7d) return false;
  if (e + 1 >= n) return true;
  const next = byteAt(data, e + 1);
  return next != 0x28 && next != 0x5b && next != 0x2d;
}
