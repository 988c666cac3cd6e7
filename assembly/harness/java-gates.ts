// Harness exports for the Java detector's census (engine/detectors/java.ts): which checks a value
// triggers, and whether the checks it skips would find anything when forced to run.
import { census } from "../engine/detectors/java";
import { scanJavaNames } from "../engine/detectors/java/names";
import { findClassLoaderPath } from "../engine/detectors/java/expressions";
import { findSerialized } from "../engine/detectors/java/serialized";
import { pickleBase64 } from "../engine/detectors/langs/deserialise";

/** The census flags of `input` (8: dotted names and property paths, 32: serialization headers, 128: quotes and `]`). */
export function javaCensus(input: string): i32 {
  return census(String.UTF8.encode(input));
}

/** Whether the Java names check (behind the path flag) finds something in `input`, whatever the census says. */
export function javaNamesFind(input: string): bool {
  return scanJavaNames(String.UTF8.encode(input), false, false).kind != 0;
}

/** Whether the class-loader path check (behind the path and quote flags) finds something in `input`. */
export function javaClassLoaderFind(input: string): bool {
  return findClassLoaderPath(String.UTF8.encode(input)) >= 0;
}

/** Whether the checks behind the serialization flag find something in `input`. */
export function javaSerialChecksFind(input: string): bool {
  const data = String.UTF8.encode(input);
  return findSerialized(data) >= 0 || pickleBase64(data);
}
