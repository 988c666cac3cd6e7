// Records: the objects of one JSON array (`[{"id":1,"status":"open"},{"id":2,"status":"open"}]`)
// mostly repeat their keys, in the same order, and often some values. Two elements of one array
// have paths that differ only in their index, so their members have the same key shape (seen.ts):
// a member whose key (and string value) has the same bytes as the previous element's member at the
// same position is a target already added or skipped as a repeat, and is skipped without building
// its path, hashing or looking it up. Bytes are compared in place, in the body.
//
// Each depth keeps two banks of member positions: the object being read and the previous element
// of the same array. Only the first members of objects at shallow depths are remembered.
import { equalBytes } from "../bytes";

const MEMO_DEPTH = 16;
const MEMO_MEMBERS = 32;
/** Per (depth, bank, member): key start, key end, string value start, end (start -1: no string value). */
const ENTRY_INTS = 4;
const ENTRIES = new StaticArray<i32>(MEMO_DEPTH * 2 * MEMO_MEMBERS * ENTRY_INTS);

export class Records {
  /** Per depth: the array whose elements the two banks hold (0: none yet). */
  private array: StaticArray<i32> = new StaticArray<i32>(MEMO_DEPTH);
  /** Per depth: the bank the object being read writes. */
  private bank: StaticArray<i32> = new StaticArray<i32>(MEMO_DEPTH);
  /** Per depth and bank: members recorded. */
  private count: StaticArray<i32> = new StaticArray<i32>(MEMO_DEPTH * 2);
  /** Per depth: whether the container open there is an object that is an element of an array. */
  private on: StaticArray<bool> = new StaticArray<bool>(MEMO_DEPTH);

  /** The state of a new object, for the next document. */
  reset(): void {
    memory.fill(changetype<usize>(this.array), 0, MEMO_DEPTH * 4);
    memory.fill(changetype<usize>(this.bank), 0, MEMO_DEPTH * 4);
    memory.fill(changetype<usize>(this.count), 0, MEMO_DEPTH * 8);
    memory.fill(changetype<usize>(this.on), 0, MEMO_DEPTH);
  }

  /** A container opens at depth `d`: an object element of the array with id `parentArray`, or 0 (anything else). */
  open(d: i32, parentArray: i32): void {
    if (d >= MEMO_DEPTH) return;
    unchecked(this.on[d] = parentArray != 0);
    if (parentArray == 0) return;
    if (unchecked(this.array[d]) != parentArray) {
      // The first element of this array: nothing to compare with.
      unchecked(this.array[d] = parentArray);
      unchecked(this.count[2 * d] = 0);
      unchecked(this.count[2 * d + 1] = 0);
    }
    const b = unchecked(this.bank[d]) ^ 1;
    unchecked(this.bank[d] = b);
    unchecked(this.count[2 * d + b] = 0);
  }

  /** Records the key [start, end) of member `pos` of the object at depth `d`; whether the previous element had it there. */
  keyRepeats(d: i32, pos: i32, data: ArrayBuffer, start: i32, end: i32): bool {
    if (d >= MEMO_DEPTH || !unchecked(this.on[d]) || pos >= MEMO_MEMBERS) return false;
    const b = unchecked(this.bank[d]);
    const e = entry(d, b, pos);
    unchecked(ENTRIES[e] = start);
    unchecked(ENTRIES[e + 1] = end);
    unchecked(ENTRIES[e + 2] = -1);
    unchecked(this.count[2 * d + b] = pos + 1);
    if (pos >= unchecked(this.count[2 * d + (b ^ 1)])) return false;
    const p = entry(d, b ^ 1, pos);
    return sameBytes(data, unchecked(ENTRIES[p]), unchecked(ENTRIES[p + 1]), start, end);
  }

  /**
   * Records the string value [start, end) of member `pos` of the object at depth `d`; whether the
   * previous element had the same key (`keyRepeats`) with the same string value there.
   */
  valueRepeats(d: i32, pos: i32, keyRepeats: bool, data: ArrayBuffer, start: i32, end: i32): bool {
    if (d >= MEMO_DEPTH || !unchecked(this.on[d]) || pos >= MEMO_MEMBERS) return false;
    const e = entry(d, unchecked(this.bank[d]), pos);
    unchecked(ENTRIES[e + 2] = start);
    unchecked(ENTRIES[e + 3] = end);
    if (!keyRepeats) return false;
    const p = entry(d, unchecked(this.bank[d]) ^ 1, pos);
    const ps = unchecked(ENTRIES[p + 2]);
    return ps >= 0 && sameBytes(data, ps, unchecked(ENTRIES[p + 3]), start, end);
  }
}

// @ts-ignore: decorator
@inline function entry(d: i32, bank: i32, pos: i32): i32 {
  return ((d * 2 + bank) * MEMO_MEMBERS + pos) * ENTRY_INTS;
}

/** Whether data[a, aEnd) and data[b, bEnd) hold the same bytes. */
function sameBytes(data: ArrayBuffer, a: i32, aEnd: i32, b: i32, bEnd: i32): bool {
  const base = changetype<usize>(data);
  return aEnd - a == bEnd - b && equalBytes(base + <usize>a, base + <usize>b, aEnd - a);
}
