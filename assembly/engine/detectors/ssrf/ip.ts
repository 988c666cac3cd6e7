// IP address parsing the way permissive resolvers do it (inet_aton): 1-4 parts,
// each decimal, octal (leading 0) or hex (0x); the last part fills the remaining
// bytes. `2852039166`, `0xA9FEA9FE`, `0251.0376.0251.0376` and `169.254.43518`
// are all 169.254.169.254. IPv6 literals with `::`, embedded IPv4 and zones.

/** Result of the last parseIPv4: the address and whether it was written canonically (a.b.c.d, decimal, no leading zeros). */
export let ipv4Value: u32 = 0;
export let ipv4Canonical: bool = false;

function at(buf: ArrayBuffer, i: i32): u32 {
  return i < buf.byteLength && i >= 0 ? <u32>load<u8>(changetype<usize>(buf) + <usize>i) : 0;
}

/** Parses bytes [start, end) as an IPv4 address in any inet_aton notation. */
export function parseIPv4(buf: ArrayBuffer, start: i32, end: i32): bool {
  if (end <= start || end - start > 40) return false;
  const parts = new StaticArray<u64>(4);
  let count = 0;
  let canonical = true;
  let i = start;
  while (i < end) {
    if (count == 4) return false;
    let v: u64 = 0;
    let digits = 0;
    let radix: u32 = 10;
    if (at(buf, i) == 0x30 && (at(buf, i + 1) | 0x20) == 0x78) {
      radix = 16;
      i += 2;
      canonical = false;
    } else if (at(buf, i) == 0x30 && i + 1 < end && at(buf, i + 1) - 0x30 < 10) {
      radix = 8;
      canonical = false;
    }
    while (i < end && at(buf, i) != 0x2e) {
      const c = at(buf, i);
      let d: u32 = 0;
      if (c - 0x30 < 10) d = c - 0x30;
      else if (radix == 16 && (c | 0x20) - 0x61 < 6) d = (c | 0x20) - 0x61 + 10;
      else return false;
      if (d >= radix) return false;
      v = (v * <u64>radix + <u64>d) & 0xffffffffff; // keep 40 bits: overlong forms wrap like some parsers
      digits++;
      i++;
    }
    if (digits == 0 && radix != 16) return false;
    unchecked((parts[count] = v)); // (count < 4: tested above)
    count++;
    if (i < end) {
      i++; // the dot
      if (i == end) return false;
    }
  }
  let value: u64 = 0;
  if (count == 1) value = unchecked(parts[0]);
  else if (count == 2) {
    if (unchecked(parts[0]) > 255) return false;
    value = (unchecked(parts[0]) << 24) | (unchecked(parts[1]) & 0xffffff);
    canonical = false;
  } else if (count == 3) {
    if (unchecked(parts[0]) > 255 || unchecked(parts[1]) > 255) return false;
    value = (unchecked(parts[0]) << 24) | (unchecked(parts[1]) << 16) | (unchecked(parts[2]) & 0xffff);
    canonical = false;
  } else {
    // `425.510.425.510`: parsers that keep each part's low byte read 169.254.169.254
    for (let k = 0; k < 4; k++) if (unchecked(parts[k]) > 255) canonical = false;
    value = ((unchecked(parts[0]) & 255) << 24) | ((unchecked(parts[1]) & 255) << 16) | ((unchecked(parts[2]) & 255) << 8) | (unchecked(parts[3]) & 255);
  }
  if (count == 1) canonical = false;
  if (count == 1 && end - start < 8 && value < 0x1000000) return false; // a short plain number is a number, not an address
  ipv4Value = <u32>(value & 0xffffffff);
  ipv4Canonical = canonical;
  return true;
}

/** Groups of the last parseIPv6. */
export const ipv6Groups = new StaticArray<u32>(8);

/** Parses bytes [start, end) (without brackets, zone allowed) as an IPv6 address. */
export function parseIPv6(buf: ArrayBuffer, start: i32, end: i32): bool {
  // drop a zone id (%eth0)
  for (let k = start; k < end; k++) if (at(buf, k) == 0x25) { end = k; break; }
  if (end - start < 2 || end - start > 60) return false;
  const head = new StaticArray<u32>(8);
  const tail = new StaticArray<u32>(8);
  let nh = 0;
  let nt = 0;
  let gap = false;
  let i = start;
  if (at(buf, i) == 0x3a) {
    if (at(buf, i + 1) != 0x3a) return false;
    gap = true;
    i += 2;
  }
  while (i < end) {
    // an embedded IPv4 tail
    let j = i;
    let dot = false;
    while (j < end && at(buf, j) != 0x3a) {
      if (at(buf, j) == 0x2e) dot = true;
      j++;
    }
    if (dot) {
      if (j != end || !parseIPv4(buf, i, j)) return false;
      const hi = ipv4Value >> 16;
      const lo = ipv4Value & 0xffff;
      if (gap) { if (nt > 6) return false; tail[nt++] = hi; tail[nt++] = lo; } else { if (nh > 6) return false; head[nh++] = hi; head[nh++] = lo; }
      i = j;
      break;
    }
    if (j - i < 1 || j - i > 4) return false;
    let v: u32 = 0;
    for (let k = i; k < j; k++) {
      const c = at(buf, k);
      if (c - 0x30 < 10) v = v * 16 + (c - 0x30);
      else if ((c | 0x20) - 0x61 < 6) v = v * 16 + ((c | 0x20) - 0x61 + 10);
      else return false;
    }
    if (gap) { if (nt >= 8) return false; tail[nt++] = v; } else { if (nh >= 8) return false; head[nh++] = v; }
    i = j;
    if (i < end) {
      i++;
      if (at(buf, i) == 0x3a) {
        if (gap) return false;
        gap = true;
        i++;
      }
    }
  }
  if (nh + nt > 8 || (!gap && nh != 8)) return false;
  for (let k = 0; k < 8; k++) ipv6Groups[k] = 0;
  for (let k = 0; k < nh; k++) ipv6Groups[k] = head[k];
  for (let k = 0; k < nt; k++) ipv6Groups[8 - nt + k] = tail[k];
  return true;
}
