// Harness exports for the packed word lists (engine/wordlist.ts) and the detector lookups built on them.
import { WordList } from "../engine/wordlist";
import { isKnownFunctionName, classifyFunction } from "../engine/detectors/php/functions";
import { isHtmlTag, isDangerousTag, isRawTextTag, isDangerousAttr, isDangerousTagPrefix } from "../engine/detectors/xss/names";
import { sensitiveAt, findSensitive } from "../engine/detectors/lfi/sensitive";
import { isIniAssignment, findWrapper } from "../engine/detectors/php/markers";
import { isRestrictedUploadName } from "../engine/detectors/rce/upload-name";
import { findRestrictedPathFile } from "../engine/detectors/lfi/restricted";
import { isSessionName } from "../engine/detectors/session";
import { commandFlags } from "../engine/detectors/rce/commands";

/**
 * One query on `new WordList(packed)`: "count", "word" (word k), "has", "hasLower", "indexLower",
 * "hasString" (on all of `value`), "matchesLower" (word k in `value` at `at`), "indexOfAnyLower" (any word in `value`).
 * Returns the answer as text.
 */
export function wordListQuery(packed: string, op: string, value: string, k: i32, at: i32): string {
  const list = new WordList(packed);
  const buf = String.UTF8.encode(value);
  const n = buf.byteLength;
  if (op == "count") return list.count.toString();
  if (op == "word") return list.word(k);
  if (op == "has") return list.has(buf, 0, n).toString();
  if (op == "hasLower") return list.hasLower(buf, 0, n).toString();
  if (op == "indexLower") return list.indexLower(buf, 0, n).toString();
  if (op == "hasString") return list.hasString(value).toString();
  if (op == "matchesLower") return list.matchesLower(k, buf, at).toString();
  if (op == "indexOfAnyLower") return list.indexOfAnyLower(buf).toString();
  return "unknown op";
}

/** PHP function class of `name` (FN_NONE 0, FN_BUILTIN 1, FN_DANGEROUS 2): by the string lookup and by the byte lookup (with prefixes). */
export function phpFunctionClasses(name: string): string {
  const buf = String.UTF8.encode(name);
  return isKnownFunctionName(name).toString() + "," + classifyFunction(buf, 0, buf.byteLength).toString();
}

/** Bits of an HTML name: 1 ordinary tag, 2 dangerous tag, 4 raw-text tag, 8 dangerous attribute, 16 proper prefix of a dangerous tag. */
export function htmlNameClass(name: string): i32 {
  const buf = String.UTF8.encode(name);
  const n = buf.byteLength;
  return (isHtmlTag(buf, 0, n) ? 1 : 0) | (isDangerousTag(buf, 0, n) ? 2 : 0) | (isRawTextTag(buf, 0, n) ? 4 : 0) |
    (isDangerousAttr(buf, 0, n) ? 8 : 0) | (isDangerousTagPrefix(buf, 0, n) ? 16 : 0);
}

/** Length of the sensitive file path at the start of `value`, or 0. */
export function lfiSensitiveLength(value: string): i32 {
  const buf = String.UTF8.encode(value);
  return buf.byteLength > 0 ? sensitiveAt(buf, 0) : 0;
}

/** findSensitive over `value` from `from` (its answer, -1 when none). */
export function lfiFindSensitive(value: string, from: i32): i32 {
  return findSensitive(String.UTF8.encode(value), from, -1);
}

/** findSensitive without its prefilters: sensitiveAt at every component start (the reference it must agree with). */
export function lfiFindSensitiveForced(value: string, from: i32): i32 {
  const buf = String.UTF8.encode(value);
  for (let i = max(from, 0); i < buf.byteLength; i++) {
    const p = i > 0 ? <u32>load<u8>(changetype<usize>(buf) + <usize>(i - 1)) : 0x2f;
    if (!(p == 0x2f || p == 0x5c || p == 0x3d || p == 0x7e || p == 0x20 || p == 0x3a || p == 0x3f || (p == 0x2e && load<u8>(changetype<usize>(buf) + <usize>i) != 0x2e))) continue;
    if (sensitiveAt(buf, i) > 0) return i;
  }
  return -1;
}

export function phpIniAssignment(value: string): bool {
  return isIniAssignment(String.UTF8.encode(value));
}

export function phpWrapperAt(value: string): i32 {
  return findWrapper(String.UTF8.encode(value));
}

export function restrictedUploadName(name: string): bool {
  return isRestrictedUploadName(String.UTF8.encode(name));
}

export function restrictedPathFileAt(path: string): i32 {
  return findRestrictedPathFile(String.UTF8.encode(path));
}

export function sessionName(name: string): bool {
  return isSessionName(String.UTF8.encode(name));
}

/** CMD_* flags of the command `name` (engine/detectors/rce/commands.ts). */
export function rceCommandFlags(name: string): i32 {
  const buf = String.UTF8.encode(name);
  return commandFlags(buf, 0, buf.byteLength);
}
