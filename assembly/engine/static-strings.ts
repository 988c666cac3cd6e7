// Tables of string literals that no collection marks. A module-level `const X: string[] = [...]`
// is a managed array held by a global, so every collection marks it and each of its strings
// (abi/gc.ts); a table made with memory.data holds only the literals' addresses, outside the
// managed heap, and the literals themselves are static data that is never freed.
//   const NAMES: usize = memory.data<usize>([changetype<usize>("a"), changetype<usize>("b")]);

/** String `k` of a static table (no bounds check: `k` must be below the table's count). */
// @ts-ignore: decorator
@inline export function staticString(table: usize, k: i32): string {
  return changetype<string>(load<usize>(table + (<usize>k << alignof<usize>())));
}

/** The index of `s` among the `count` strings of a static table, or -1. */
export function staticIndexOf(table: usize, count: i32, s: string): i32 {
  for (let k = 0; k < count; k++) if (staticString(table, k) == s) return k;
  return -1;
}
