// Quoted-printable (RFC 2045 6.7), a multipart part's Content-Transfer-Encoding: `=` at a line end is a
// soft line break, dropped, and `=XX` a byte, written `%XX` for the target's percent-decoding to read
// (every decoded form of a target starts from it).

/** Returns `input` itself when it holds no `=`; a bare `=` (invalid) becomes a `%` that starts no escape. */
export function qpDecode(input: ArrayBuffer): ArrayBuffer {
  const n = input.byteLength;
  const p = changetype<usize>(input);
  const out = new ArrayBuffer(n);
  let w = 0;
  let changed = false;
  for (let i = 0; i < n; i++) {
    let c = load<u8>(p + <usize>i);
    if (c == 0x3d) {
      changed = true;
      // `=\r\n` or `=\n`
      const k = i + 1 < n && load<u8>(p + <usize>(i + 1)) == 0x0d ? i + 1 : i;
      if (k + 1 < n && load<u8>(p + <usize>(k + 1)) == 0x0a) {
        i = k + 1;
        continue;
      }
      c = 0x25;
    }
    store<u8>(changetype<usize>(out) + <usize>w, c);
    w++;
  }
  return changed ? out.slice(0, w) : input;
}
