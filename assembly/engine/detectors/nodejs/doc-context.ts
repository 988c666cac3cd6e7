// Where Node.js internals are written about rather than run: a markdown code span in prose
// ("Commander calls `process.exit()` when ...", "[`child_process`][] module") and a module
// imported into a named binding at the head of a program (`const fs = require('node:fs');`).
// READMEs and API docs are full of both; an injection uses the module in the expression it
// injects (`require('child_process').exec(...)`, `process.mainModule.require(...)`).
import { byteAt, isSpaceByte, isWordByte } from "../../bytes";

const SPAN = 160; // a code span in prose is short, and every search stays bounded

/**
 * Whether the name at `i` opens a markdown code span in prose: a backtick right before it, after a
 * blank or `[`; the closing backtick on the same line with no `${` between (JS reads the span as an
 * inert template string), before a blank or punctuation. A template-literal breakout
 * (`` `+require(...)+` ``, `` `;...//` ``) or `import(`child_process`)` is no code span.
 */
export function insideCodeSpan(data: ArrayBuffer, i: i32): bool {
  const n = data.byteLength;
  if (i < 2 || byteAt(data, i - 1) != 0x60) return false;
  const before = byteAt(data, i - 2);
  if (!isSpaceByte(before) && before != 0x5b) return false;
  for (let k = i; k < n && k < i + SPAN; k++) {
    const c = byteAt(data, k);
    if (c == 0x0a || (c == 0x24 && k + 1 < n && byteAt(data, k + 1) == 0x7b)) return false;
    if (c == 0x60) {
      const after = k + 1 < n ? byteAt(data, k + 1) : 0x20;
      return isSpaceByte(after) || after == 0x5d || after == 0x29 || after - 0x2c < 3 || after - 0x3a < 2; // ] ) , - . : ;
    }
  }
  return false;
}

/**
 * Whether the `require(` at `r`, whose quoted module name ends at `me`, is a statement of its own
 * binding the module to names: `const fs = require('m');`, `const { a, b } = require('m')`.
 */
export function isImportBinding(data: ArrayBuffer, r: i32, me: i32): bool {
  const n = data.byteLength;
  // the call ends the statement: `'m')` (`'m' )` as a page's text spaces tokens) then `;` `,` a line end or the end
  let k = me + 1;
  if (k < n && byteAt(data, k) == 0x20) k++;
  if (k >= n || byteAt(data, k) != 0x29) return false;
  const a = k + 1 < n ? byteAt(data, k + 1) : 0x3b;
  if (a != 0x3b && a != 0x2c && a != 0x0a && a != 0x0d) return false;
  // back to the statement's start (or a code fence's ```js, a code block flattened to one line) over names,
  // blanks, braces, commas, colons and one `=`
  let eq = 0;
  for (let j = r - 1; j >= 0 && j > r - SPAN; j--) {
    const c = byteAt(data, j);
    if (c == 0x3d) eq++;
    else if (c == 0x3b || c == 0x0a || c == 0x60) break;
    else if (!(isWordByte(c) || c == 0x20 || c == 0x7b || c == 0x7d || c == 0x2c || c == 0x3a)) return false;
  }
  return eq == 1;
}

/**
 * "exec( is called with untrusted input", "don't use eval( on request data": a call's `(` at `paren`
 * followed by three or more lower-case words and no `)` for the rest of the value is prose naming the
 * function. Arguments of a call that runs open with a quote, `$`, a digit or a name with punctuation
 * (`system(cat /etc/passwd`, `exec(ls -la`, `eval(atob(...`), and a call that runs is closed.
 */
export function opensProse(data: ArrayBuffer, paren: i32): bool {
  const n = data.byteLength;
  let words = 0;
  let j = paren + 1;
  if (j < n && byteAt(data, j) == 0x20) j++;
  while (j < n && words < 3) {
    const s = j;
    while (j < n && byteAt(data, j) - 0x61 < 26) j++; // a-z
    if (j == s) return false;
    words++;
    // words part with a blank; the third may end a clause ("on request data.")
    if (j < n && byteAt(data, j) != 0x20 && (words < 3 || (byteAt(data, j) != 0x2c && byteAt(data, j) != 0x2e))) return false;
    j++;
  }
  if (words < 3) return false;
  for (; j < n; j++) if (byteAt(data, j) == 0x29) return false;
  return true;
}
