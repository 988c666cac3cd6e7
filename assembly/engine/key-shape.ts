// The shape of a target's key: the key as UTF-16 units with every all-digit `.`-segment written as
// one marker unit (`items.0.id` and `items.7.id` have one shape). Detectors read the letters of a
// key, never its indexes, so targets equal in everything but their indexes are repeats (seen.ts).
// Built piece by piece (the JSON parser appends a member's key or index as it enters it) with its
// hash kept along, so a member's shape costs what its key adds.
import { grownBuffer } from "./bytes";

/** Written for an all-digit segment: a lone surrogate, which no decoded key holds (decoders write U+FFFD). */
const DIGITS_MARK: u16 = 0xd800;
const FNV_BASIS: u32 = 2166136261;

export class KeyShape {
  buf: ArrayBuffer = new ArrayBuffer(64);
  /** Units written. */
  len: i32 = 0;
  /** FNV-1a over the units written. */
  hash: u32 = FNV_BASIS;

  reset(): void {
    this.len = 0;
    this.hash = FNV_BASIS;
  }

  /** Goes back to an earlier state (`len` and `hash` read then). */
  truncate(len: i32, hash: u32): void {
    this.len = len;
    this.hash = hash;
  }

  /** The shape of `units` UTF-16 units at `p`, appended: segments normalised, `.` kept. */
  append(p: usize, units: i32): void {
    this.reserve(units);
    const out = changetype<usize>(this.buf);
    let len = this.len;
    let h = this.hash;
    let i = 0;
    for (;;) {
      let e = i;
      let digits = true;
      while (e < units) {
        const c = <u32>load<u16>(p + (<usize>e << 1));
        if (c == 0x2e) break;
        if (c - 0x30 >= 10) digits = false;
        e++;
      }
      if (digits && e > i) {
        store<u16>(out + (<usize>(len++) << 1), DIGITS_MARK);
        h = (h ^ <u32>DIGITS_MARK) * 16777619;
      } else {
        for (let k = i; k < e; k++) {
          const c = load<u16>(p + (<usize>k << 1));
          store<u16>(out + (<usize>(len++) << 1), c);
          h = (h ^ <u32>c) * 16777619;
        }
      }
      if (e >= units) break;
      store<u16>(out + (<usize>(len++) << 1), 0x2e);
      h = (h ^ 0x2e) * 16777619;
      i = e + 1;
    }
    this.len = len;
    this.hash = h;
  }

  /** Appends the segment separator `.`. */
  dot(): void {
    this.reserve(1);
    this.put(0x2e);
  }

  /** Appends the shape of an array index (always digits). */
  index(): void {
    this.reserve(1);
    this.put(DIGITS_MARK);
  }

  /** The shape of `key`, from scratch. */
  of(key: string): KeyShape {
    this.reset();
    this.append(changetype<usize>(key), key.length);
    return this;
  }

  // @ts-ignore: decorator
  @inline private put(c: u16): void {
    store<u16>(changetype<usize>(this.buf) + (<usize>this.len << 1), c);
    this.len++;
    this.hash = (this.hash ^ <u32>c) * 16777619;
  }

  private reserve(units: i32): void {
    this.buf = grownBuffer(this.buf, this.len << 1, (this.len + units) << 1);
  }
}
