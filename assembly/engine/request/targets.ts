// The targets of one request, collected by the parsers, with the facts about the
// request that only parsing reveals (argument counts, malformed bodies): the
// protocol detector scores those.
import { Target, TargetKind, TargetOrigin } from "../target";
import { SeenTargets } from "../seen";
import { CleanValues } from "../clean-values";
import { isSessionName } from "../detectors/session";
import { credentials } from "./headers";

/** Targets held at once: past this many, the batch is inspected and let go, then collection goes on. */
export const MAX_TARGETS = 1024;

/** A repeated name's values are joined up to this many bytes: the pieces of an evasion are short. */
const MAX_JOINED = 4096;
/** Repeats of names kept for joining, per request. */
const MAX_REPEATS = 256;

/** Inspects a full batch of targets while the parsers go on (the engine plugs one in). */
export class TargetBatchInspector {
  inspect(batch: Target[]): void {}
}

export const enum BodyProblem {
  None = 0,
  MalformedJson,
  MalformedXml,
  MalformedMultipart,
  MalformedUrlencoded,
}

export class Targets {
  list: Target[] = [];
  /** Query and form arguments seen (counted even past MAX_TARGETS). */
  argCount: i32 = 0;
  /** Longest argument value, in bytes. */
  longestArg: i32 = 0;
  /** Full batches handed to `inspector` (a big JSON array has tens of thousands of values). */
  batches: i32 = 0;
  /** `batches` at the last collection (safepoint.ts). */
  batchesAtCollection: i32 = 0;
  inspector: TargetBatchInspector | null = null;
  /** Targets already added in this request (the engine plugs one in): a repeat is not added again. */
  seen: SeenTargets | null = null;
  /** Header and cookie values remembered clean (the engine plugs them in): such a target is not built (nor a path in cleanMembers). */
  cleanHeaders: CleanValues | null = null;
  /**
   * Arguments and JSON members remembered clean (the engine plugs its table in; the claims of a token,
   * engine/jwt.ts): such a target is not built (an argument only with its name, addArg).
   */
  cleanMembers: CleanValues | null = null;
  /** An argument pair was left out since the last target pushed (Target.afterSkip). */
  private skipped: bool = false;
  bodyProblem: BodyProblem = BodyProblem.None;
  /** Where the body problem was noticed (byte offset), for the explanation. */
  bodyProblemAt: i32 = 0;
  /** Multipart: part headers or boundaries that parsers tolerate differently. */
  multipartOddities: i32 = 0;
  /** Multipart part header names that are not tokens (`Content- Disposition`, control bytes). */
  badPartHeaderNames: i32 = 0;
  /** Stamped on every target added: the parsers set it before they run. */
  origin: TargetOrigin = TargetOrigin.Path;
  /** The first 64 argument names (query, form, multipart fields), and the first value of each. */
  private argNames: string[] = [];
  private argValues: ArrayBuffer[] = [];
  /** Each repeat of one of those names: the name's index, and the value. */
  private repeatOf: i32[] = [];
  private repeatValues: ArrayBuffer[] = [];

  /** Back to a new object's state (its list and the list of names are kept, emptied): the engine reuses one per inspection. */
  reset(): void {
    this.list.length = 0;
    this.argCount = 0;
    this.longestArg = 0;
    this.batches = 0;
    this.batchesAtCollection = 0;
    this.inspector = null;
    this.seen = null;
    this.cleanHeaders = null;
    this.cleanMembers = null;
    this.skipped = false;
    this.bodyProblem = BodyProblem.None;
    this.bodyProblemAt = 0;
    this.multipartOddities = 0;
    this.badPartHeaderNames = 0;
    this.origin = TargetOrigin.Path;
    this.argNames.length = 0;
    this.argValues.length = 0;
    this.repeatOf.length = 0;
    this.repeatValues.length = 0;
  }

  /** Adds the target named `prefix` + `key` (`json:` and `user.name`; `body` and ``). */
  add(kind: TargetKind, prefix: string, raw: ArrayBuffer, value: ArrayBuffer, key: string): void {
    if (!this.unseen(kind, key, value, raw)) return;
    // (a path is remembered among the arguments: the engine looks every other kind up in that table)
    const clean = kind == TargetKind.Path ? this.cleanMembers : this.cleanHeaders;
    let hash: u32 = 0;
    if (clean !== null) {
      hash = clean.headerHash(kind, this.origin, key, raw, value);
      if (hash != 0 && clean.hasHeader(kind, this.origin, key, value, hash)) return;
    }
    this.push(kind, prefix, raw, value, key);
    if (hash != 0) unchecked(this.list[this.list.length - 1]).cleanHash = hash;
  }

  /**
   * Adds the credentials of an Authorization header (request/headers.ts credentials()): a function of its raw
   * bytes, by which it is looked up and remembered (Target.formArg), as a query argument is.
   */
  addRawKeyed(kind: TargetKind, prefix: string, raw: ArrayBuffer, key: string): void {
    const clean = this.cleanHeaders;
    const hash = clean !== null ? clean.rawHash(kind, this.origin, key, raw) : 0;
    if (hash != 0 && clean!.hasRaw(kind, this.origin, key, raw, hash)) return;
    const value = credentials(raw);
    if (!this.unseen(kind, key, value, raw)) return;
    const t = this.push(kind, prefix, raw, value, key);
    t.formArg = true;
    t.cleanHash = hash; // (looked up: the engine does not look it up again)
  }

  /** Whether `seen` (if any) has no target like this one yet (remembering it). */
  private unseen(kind: TargetKind, key: string, value: ArrayBuffer, raw: ArrayBuffer): bool {
    const seen = this.seen;
    return seen === null || !seen.checkParts(<u32>kind, <u32>this.origin, key, value, raw);
  }

  /** Adds the target without asking `seen` (the caller did). */
  push(kind: TargetKind, prefix: string, raw: ArrayBuffer, value: ArrayBuffer, key: string): Target {
    if (this.list.length >= MAX_TARGETS && this.inspector !== null) {
      this.inspector!.inspect(this.list);
      this.list.length = 0; // the same list for the next batch; the collector reads up to the length
      this.batches++;
    }
    const t = Target.prefixed(kind, prefix, raw, value, key);
    t.origin = this.origin;
    t.afterSkip = this.skipped;
    this.skipped = false;
    this.list.push(t);
    return t;
  }

  /**
   * An argument (name and value), as the query string and form bodies carry them. `urlencoded`: name
   * and value are their raw bytes decoded as parseUrlencoded decodes them (Target.formArg).
   */
  addArg(prefix: string, rawName: ArrayBuffer, name: ArrayBuffer, rawValue: ArrayBuffer, value: ArrayBuffer, urlencoded: bool): void {
    this.argCount++;
    if (value.byteLength > this.longestArg) this.longestArg = value.byteLength;
    const key = String.UTF8.decode(name);
    // Repeated names, joined by addJoined(): compared among the first names only, to stay linear.
    const names = this.argNames;
    if (names.length < 64) {
      const k = names.indexOf(key);
      if (k < 0) {
        names.push(key);
        this.argValues.push(value);
      } else if (this.repeatOf.length < MAX_REPEATS) {
        this.repeatOf.push(k);
        this.repeatValues.push(value);
      }
    }
    // (add()'s look-ups, in its order: a repeat of either is not added; an argument is no header)
    const origin = this.origin;
    const addName = name.byteLength > 0 && this.unseen(TargetKind.ArgName, key, name, rawName);
    const addValue = value.byteLength > 0 && this.unseen(TargetKind.ArgValue, key, value, rawValue);
    // A pair whose name and value are both remembered clean is not built: the engine would look both up
    // and inspect neither (inspect.ts inspectOrRecall). A session-like name is judged by the Referer, never remembered.
    const clean = this.cleanMembers;
    if (addName && addValue && clean !== null && clean.holds(TargetKind.ArgName, origin, key, rawName, name, urlencoded) &&
        !isSessionName(name) && clean.holds(TargetKind.ArgValue, origin, key, rawValue, value, urlencoded)) {
      this.skipped = true;
      return;
    }
    if (addName) this.push(TargetKind.ArgName, prefix, rawName, name, key).formArg = urlencoded;
    if (addValue) this.push(TargetKind.ArgValue, prefix, rawValue, value, key).formArg = urlencoded;
  }

  // Once the arguments are collected: the values of each repeated name, joined with `,` as ASP.NET
  // reads them (`id=1 union/*&id=*/select 1` is `1 union/*,*/select 1`), as one more value of that
  // name, derived (no protocol checks on it). Back ends that take the first or the last value see
  // targets already. A repeated name is ordinary (`?id=1&id=2`, `tag=a&tag=b`): only what the
  // detectors find in the joined text counts.
  addJoined(): void {
    const owner = this.repeatOf;
    for (let i = 0; i < owner.length; i++) {
      const k = unchecked(owner[i]);
      if (k < 0) continue;
      const n = this.join(k, i, null);
      if (n < 0) continue;
      const out = new ArrayBuffer(n);
      this.join(k, i, out);
      this.origin = TargetOrigin.Form;
      this.push(TargetKind.ArgValue, "args:", out, out, unchecked(this.argNames[k])).fromBase64 = true;
    }
  }

  /**
   * The values of name `k` (its first, then its repeats from `i` on) joined with `,`, into `out` when
   * given: its length, or -1 when fewer than two are joined. A value that would take the text past
   * MAX_JOINED is left out whole (a cut would leave a tag or a comment open); later ones still join.
   */
  private join(k: i32, i: i32, out: ArrayBuffer | null): i32 {
    const owner = this.repeatOf;
    let w = -1; // nothing yet; then the length so far
    let parts = 0;
    for (let j = i - 1; j < owner.length; j++) {
      if (j >= i && unchecked(owner[j]) != k) continue;
      const v = j < i ? unchecked(this.argValues[k]) : unchecked(this.repeatValues[j]);
      if (out !== null && j >= i) unchecked(owner[j] = -1); // (one joined value per name)
      const at = w + 1; // past the comma
      if (at + v.byteLength > MAX_JOINED) continue;
      if (out !== null) {
        const base = changetype<usize>(out);
        if (w >= 0) store<u8>(base + <usize>w, 0x2c);
        memory.copy(base + <usize>at, changetype<usize>(v), <usize>v.byteLength);
      }
      w = at + v.byteLength;
      parts++;
    }
    return parts > 1 ? w : -1;
  }
}
