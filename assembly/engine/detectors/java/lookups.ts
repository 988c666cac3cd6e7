// Log4j lookups (`${prefix:args}`): resolves the nested lookups attackers use to
// spell `jndi` without writing it (`${${lower:j}ndi:`, `${::-j}`, `${env:X:-j}`,
// `${date:'j'}`), then reports whether the result performs a JNDI lookup.
import { byteAt, matchesCI, isSpaceByte, isAlpha } from "../../bytes";

export const LOOKUP_NONE = 0;
/** A lookup was resolved through nesting, a default value or case functions (evasion). */
export const LOOKUP_OBFUSCATED = 1;
/** The text performs a `${jndi:...}` lookup (possibly after resolution). */
export const LOOKUP_JNDI = 2;

const MAX_ROUNDS = 16;

/** Analyses `${...}` lookups in `data` (already unescaped). Returns LOOKUP_* flags. */
export function analyseLookups(data: ArrayBuffer): i32 {
  if (indexOfLookupStart(data, 0) < 0) return LOOKUP_NONE;
  let flags = 0;
  let cur = data;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // Find the innermost lookup: the last `${` before the first `}` that follows it.
    const r = resolveInnermost(cur);
    flags |= r.flags;
    if (r.out === null) break;
    cur = r.out!;
  }
  return flags;
}

function indexOfLookupStart(data: ArrayBuffer, from: i32): i32 {
  const n = data.byteLength;
  for (let i = from; i + 1 < n; i++) {
    if (byteAt(data, i) == 0x24 && byteAt(data, i + 1) == 0x7b) return i;
  }
  return -1;
}

class Resolution {
  out: ArrayBuffer | null = null;
  flags: i32 = 0;
}


function resolveInnermost(data: ArrayBuffer): Resolution {
  const res = new Resolution();
  const n = data.byteLength;
  // The first `}` that closes a `${`: the lookup it closes has no nested lookup inside.
  let open = -1;
  let close = -1;
  for (let i = 0; i < n; i++) {
    const c = byteAt(data, i);
    if (c == 0x24 && i + 1 < n && byteAt(data, i + 1) == 0x7b) { open = i; i++; continue; }
    if (c == 0x7d && open >= 0) { close = i; break; }
  }
  if (open < 0) return res;
  const cs = open + 2;
  const ce = close >= 0 ? close : n; // an unclosed lookup still counts (truncated payloads)
  let s = cs;
  while (s < ce && isSpaceByte(byteAt(data, s))) s++;
  // Commons Text's `${dns:address|host}` and `${url:UTF-8:http://...}` reach the network like `jndi:` (bash's `${url:-x}` does not)
  if (matchesCI(data, s, "jndi:") || (matchesCI(data, s, "dns:") && isAlpha(byteAt(data, s + 4))) || (matchesCI(data, s, "url:") && matchesCI(data, s + 4, "utf-8:"))) {
    res.flags |= LOOKUP_JNDI;
    return res;
  }
  if (close < 0) return res;
  // The value the lookup stands for, as log4j would resolve it for an attacker.
  let vs = cs;
  let ve = ce;
  let resolved = false;
  const dflt = indexOfDefault(data, cs, ce);
  if (dflt >= 0) {
    vs = dflt + 2;
    resolved = true;
  } else {
    // log4j 2's case lookups; with `:-default` any lookup resolves to the default
    if (matchesCI(data, s, "lower:") || matchesCI(data, s, "upper:")) {
      vs = s + 6;
      resolved = true;
    } else if (matchesCI(data, s, "date:")) {
      vs = s + 5;
      while (vs < ve && (byteAt(data, vs) == 0x27 || byteAt(data, vs) == 0x22)) vs++;
      while (ve > vs && (byteAt(data, ve - 1) == 0x27 || byteAt(data, ve - 1) == 0x22)) ve--;
      resolved = true;
    } else {
      // Unknown or plain variable (`${HOME}`): keep its name, drop the braces, so an
      // outer lookup still sees text but no further `${` nesting.
      vs = cs;
    }
  }
  const valueLen = ve - vs;
  // Spelling a keyword one or two letters per lookup is evasion; `${PORT:-3000}` is not.
  if (resolved && valueLen <= 2) res.flags |= LOOKUP_OBFUSCATED;
  const out = new ArrayBuffer(n - (close + 1 - open) + valueLen);
  const ob = changetype<usize>(out);
  const ib = changetype<usize>(data);
  memory.copy(ob, ib, <usize>open);
  memory.copy(ob + <usize>open, ib + <usize>vs, <usize>valueLen);
  memory.copy(ob + <usize>(open + valueLen), ib + <usize>(close + 1), <usize>(n - close - 1));
  res.out = out;
  return res;
}

/** Position of the first `:-` in [s, e), or -1. */
function indexOfDefault(data: ArrayBuffer, s: i32, e: i32): i32 {
  for (let i = s; i + 1 < e; i++) {
    if (byteAt(data, i) == 0x3a && byteAt(data, i + 1) == 0x2d) return i;
  }
  return -1;
}

