// Bodies of rows: YAML (`key: value` lines, `- item` lists) and CSV (cells between `,`, `;` or tabs).
// A service loads them into objects as it loads JSON, so each line's value or each cell is a value of
// its own to the detectors, as a JSON string is (a URL or a file path that is the whole value); the body
// stays a target too. A value in quotes is read without them, a YAML `"..."` one with its backslash
// escapes decoded, a doubled quote (`''`, CSV's `""`) as one; a quoted CSV cell runs to its closing quote,
// separators and line breaks inside. A YAML block scalar (`key: |`, `key: >-`, its text on the deeper
// indented lines below) is one value, its lines joined by line breaks (`|`) or folded to blanks (`>`), and
// so are a plain or quoted scalar's next lines; a literal block of several lines (a CI job's script) is left
// to the body, which reads it as text, unless its lines read as a value carried into a command line (carriedLines). An anchor (`&name`) is not part of the value. Lines and cells, not a parser: each value is named `body`, and an
// exclusion names the document.
import { Targets } from "./targets";
import { TargetKind } from "../target";
import { at } from "../detectors/langs/syntax";
import { isDigit, isWordByte } from "../bytes";
import { jsDecode } from "../transform/jsescape";
import { ByteWriter } from "../transform/out";

/**
 * Adds each value of a YAML (`yaml`) or CSV document; returns the document to read whole: with its block
 * scalars' headers blanked (the `|` of `run: |` opens a script, it pipes nothing into it).
 */
export function parseRows(body: ArrayBuffer, yaml: bool, out: Targets): ArrayBuffer {
  const n = body.byteLength;
  let whole = body;
  // each value is copied here (its lines joined, its quotes off): none is longer than the document
  const w = new ByteWriter(n);
  const p = changetype<usize>(w.buf);
  let i = 0;
  while (i < n) {
    let s = i;
    let e = i;
    // the line, or (CSV) the cell
    if (!yaml && at(body, e) == 0x22) e = quoteEnd(body, e, n, false);
    for (; e < n; e++) {
      const c = at(body, e);
      if (c == 0x0a || (!yaml && (c == 0x2c || c == 0x3b || c == 0x09))) break;
    }
    let v = e;
    let next = e + 1;
    let block = false;
    w.len = 0;
    if (yaml) {
      // indentation and `- ` items, then `key:` and a blank; a ` #` comment ends the value, a quoted value
      // first. A line that is neither an item nor a key (a scalar's next line, `---`) is not read
      let node = false;
      // (the column of the node: its key, or its `- `; the lines below that are deeper belong to its value)
      let col = 0;
      for (; ; s++) {
        const c = at(body, s);
        if (c == 0x2d && at(body, s + 1) == 0x20) {
          node = true;
          col = s - i;
        } else if (c != 0x20) break;
      }
      // (a value that opens with a quote has no key)
      let keyed = false;
      for (let k = s; k < e; k++) {
        const c = at(body, k);
        if (k == s && (c == 0x22 || c == 0x27)) {
          k = quoteEnd(body, k, e, true);
          keyed = true;
        } else if (!keyed && c == 0x3a && at(body, k + 1) <= 0x20) {
          col = s - i;
          s = k + 1;
          while (at(body, s) == 0x20) s++;
          k = s - 1;
          keyed = node = true;
        } else if (c == 0x23 && at(body, k - 1) <= 0x20) {
          v = k;
          break;
        }
      }
      if (!node) v = s;
      while (v > s && at(body, v - 1) <= 0x20) v--;
      // an anchor (`- &route`, `base: &defaults`) names the node, it is none of its value: blanked in the
      // body too, where `&route` would read as a command sent to the background
      if (node && at(body, s) == 0x26) {
        let a = s + 1;
        while (a < v && isAnchorByte(at(body, a))) a++;
        if (a > s + 1 && (a == v || at(body, a) == 0x20)) {
          if (whole == body) whole = body.slice(0);
          memory.fill(changetype<usize>(whole) + <usize>s, 0x20, <usize>(a - s));
          s = a;
          while (s < v && at(body, s) == 0x20) s++;
        }
      }
      if (v > s) {
        // a block scalar's header: `|` or `>`, then chomping and indentation indicators (`|-`, `>+2`)
        const c = at(body, s);
        let h = s + 1;
        for (; h < v; h++) {
          const d = at(body, h);
          if (!(d == 0x2d || d == 0x2b || d - 0x30 < 10)) break;
        }
        block = h == v && (c == 0x7c || c == 0x3e);
        if (block) {
          if (whole == body) whole = body.slice(0);
          memory.fill(changetype<usize>(whole) + <usize>s, 0x20, <usize>(v - s));
        } else w.copy(body, s, v);
        const literal = block && c == 0x7c;
        const end = deeperLines(body, e, col, block, literal, w);
        if (end > e) next = end + 1;
        // (a literal block of several lines is a text of its own, a CI job's script or a file: read in the body,
        // as text; read alone, a script opens with a command, and every command on its next lines reads as
        // one chained to it, `make` then `python -m pip ...`)
        if (literal && deeperCount > 1 && !carriedLines(w.buf, w.len)) w.len = 0;
      }
    } else w.copy(body, s, v);
    // (a block's text opens with the break that joined it to its header)
    s = block ? 1 : 0;
    v = w.len;
    while (v > s && load<u8>(p + <usize>(v - 1)) <= 0x20) v--;
    // a quoted value, its quotes off
    // (a load inside the buffer: a block's first byte is there, written or not)
    const q = <u32>load<u8>(p + <usize>s);
    const quoted = v - s > 1 && (q == 0x22 || q == 0x27) && load<u8>(p + <usize>(v - 1)) == q;
    if (quoted) {
      s++;
      v--;
      // a doubled quote as one (`'it''s'`, CSV's `"a ""b"" c"`; YAML's `"..."` escapes its quotes: below)
      if (!yaml || q == 0x27) {
        let k = s;
        for (let j = s; j < v; j++) {
          const c = load<u8>(p + <usize>j);
          store<u8>(p + <usize>k, c);
          k++;
          // (the byte at `v` is the closing quote: no bound to test)
          if (c == q && load<u8>(p + <usize>(j + 1)) == q) j++;
        }
        v = k;
      }
    }
    // (a value of one or two bytes, `=>`, `<=`, `ok`, is an operator or a word, as in embedded.ts; a flow
    // collection, `["/bin/sh", "-c"]`, is a list of its own: the body holds it)
    if (v - s > 2 && q != 0x5b && q != 0x7b) {
      const raw = w.buf.slice(s, v);
      // (YAML's double quotes take backslash escapes: `\x3c`, `\u003c`, `\U0000003c`)
      out.add(TargetKind.BodyValue, "body", raw, yaml && quoted && q == 0x22 ? jsDecode(raw) : raw, "");
    }
    i = next;
  }
  return whole;
}

/** A byte of an anchor's name as people write them: letters, digits, `_`, `-`, `.`. */
function isAnchorByte(c: u32): bool {
  return isWordByte(c) || c == 0x2d || c == 0x2e;
}

/** The index of the quote closing the one at `j` (a doubled one is inside, and in YAML's `"..."` a `\"`), or `end`. */
function quoteEnd(b: ArrayBuffer, j: i32, end: i32, yaml: bool): i32 {
  const q = at(b, j);
  const escapes = yaml && q == 0x22;
  while (++j < end) {
    const c = at(b, j);
    if (escapes ? c == 0x5c : c == q && at(b, j + 1) == q) j++;
    else if (c == q) break;
  }
  return j;
}

/**
 * Whether a literal block's text (`len` bytes of `b`, each line after a break) is a value carried into a command
 * line rather than a script, to be read as a value too: a line opens with a shell separator (`; id`, `| sh -i`,
 * `&& whoami`: no line of a script can), or the first line with a digit (`127.0.0.1`, a command on the next line).
 */
function carriedLines(b: ArrayBuffer, len: i32): bool {
  if (isDigit(at(b, 1))) return true;
  for (let j = 0; j < len; j++) {
    const c = at(b, j + 1);
    if (at(b, j) == 0x0a && (c == 0x3b || c == 0x7c || c == 0x26)) return true;
  }
  return false;
}

/** The lines deeperLines read. */
let deeperCount = 0;

/**
 * The end of the lines after the line ending at `e` that are indented deeper than column `col` (a block
 * scalar's text; a plain or quoted scalar's next lines, up to a comment line), their text appended to `w`, each after a break (`literal`) or a blank (folded), and a break for the empty lines before it.
 */
function deeperLines(body: ArrayBuffer, e: i32, col: i32, block: bool, literal: bool, w: ByteWriter): i32 {
  const n = body.byteLength;
  deeperCount = 0;
  let end = e;
  let gap = false;
  for (let j = e + 1; j < n; ) {
    let k = j;
    while (at(body, k) == 0x20) k++;
    let le = k;
    while (le < n && at(body, le) != 0x0a) le++;
    let te = le;
    while (te > k && at(body, te - 1) <= 0x20) te--;
    if (te > k) {
      if (k - j <= col || (!block && at(body, k) == 0x23)) break;
      w.put(literal ? 0x0a : 0x20);
      if (gap) w.put(0x0a);
      w.copy(body, k, te);
      end = le;
      gap = false;
      deeperCount++;
    } else gap = true;
    j = le + 1;
  }
  return end;
}
