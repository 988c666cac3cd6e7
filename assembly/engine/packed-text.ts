// The release build's literal texts in one table of UTF-8 bytes (scripts/pack-reasons.js): the
// reasons of rule matches, the configuration's error messages, the filter's log lines and metric
// names. A call site passes a text's index (one or two bytes of code) rather than the address and
// length of bytes of its own (five or six), and a text the sources repeat is stored once.
// Without the transform (the harness), the table is empty and nothing calls packedText.

/**
 * The bits of a reason's index in the number a packed report passes (`ruleId << REASON_BITS | k`,
 * Sink.reportPacked): 1,024 texts. scripts/pack-reasons.js writes the same.
 */
export const REASON_BITS = 10;

/** The UTF-8 bytes of every text, one after the other (scripts/pack-reasons.js sets it). */
const TEXTS: usize = 0;
/** u8 at k: the length of text k, which follows text k - 1 in TEXTS. */
const TEXT_LENGTHS: usize = 0;

/**
 * Text k of the table, decoded. Global (AssemblyScript's @global), as the transform writes
 * `packedText(k)` in sources that do not import it. Allocates: called where a finding counts, a
 * configuration fails, a log line is written or a metric defined.
 */
// @ts-ignore: decorator
@global export function packedText(k: i32): string {
  let start = TEXTS;
  for (let i = 0; i < k; i++) start += <usize>load<u8>(TEXT_LENGTHS + <usize>i);
  return String.UTF8.decodeUnsafe(start, <usize>load<u8>(TEXT_LENGTHS + <usize>k));
}
