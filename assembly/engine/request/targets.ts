// The targets of one request, collected by the parsers, with the facts about the
// request that only parsing reveals (argument counts, malformed bodies): the
// protocol detector scores those.
import { Target, TargetKind, TargetOrigin } from "../target";
import { SeenTargets } from "../seen";
import { CleanValues } from "../clean-values";

/** Targets held at once: past this many, the batch is inspected and let go, then collection goes on. */
export const MAX_TARGETS = 1024;

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
  /** Header and cookie values remembered clean (the engine plugs them in): such a target is not built. */
  cleanHeaders: CleanValues | null = null;
  /** JSON members remembered clean (the claims of a token, engine/jwt.ts): such a target is not built. */
  cleanMembers: CleanValues | null = null;
  bodyProblem: BodyProblem = BodyProblem.None;
  /** Where the body problem was noticed (byte offset), for the explanation. */
  bodyProblemAt: i32 = 0;
  /** Multipart: part headers or boundaries that parsers tolerate differently. */
  multipartOddities: i32 = 0;
  /** Multipart part header names that are not tokens (`Content- Disposition`, control bytes). */
  badPartHeaderNames: i32 = 0;
  /** Stamped on every target added: the parsers set it before they run. */
  origin: TargetOrigin = TargetOrigin.Path;
  /** Names of query and form arguments seen more than once. */
  repeatedArgs: i32 = 0;
  /** Made on the first argument: most requests have none. */
  private argNames: string[] | null = null;

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
    this.bodyProblem = BodyProblem.None;
    this.bodyProblemAt = 0;
    this.multipartOddities = 0;
    this.badPartHeaderNames = 0;
    this.origin = TargetOrigin.Path;
    this.repeatedArgs = 0;
    const names = this.argNames;
    if (names !== null) names.length = 0;
  }

  /** Adds the target named `prefix` + `key` (`json:` and `user.name`; `body` and ``). */
  add(kind: TargetKind, prefix: string, raw: ArrayBuffer, value: ArrayBuffer, key: string): void {
    const seen = this.seen;
    if (seen !== null && seen.checkParts(<u32>kind, <u32>this.origin, key, value, raw)) return;
    const clean = this.cleanHeaders;
    let hash: u32 = 0;
    if (clean !== null) {
      hash = clean.headerHash(kind, this.origin, key, raw, value);
      if (hash != 0 && clean.hasHeader(kind, this.origin, key, value, hash)) return;
    }
    this.push(kind, prefix, raw, value, key);
    if (hash != 0) unchecked(this.list[this.list.length - 1]).cleanHash = hash;
  }

  /** Adds the target without asking `seen` (the caller did). */
  push(kind: TargetKind, prefix: string, raw: ArrayBuffer, value: ArrayBuffer, key: string): void {
    if (this.list.length >= MAX_TARGETS && this.inspector !== null) {
      this.inspector!.inspect(this.list);
      this.list.length = 0; // the same list for the next batch; the collector reads up to the length
      this.batches++;
    }
    const t = Target.prefixed(kind, prefix, raw, value, key);
    t.origin = this.origin;
    this.list.push(t);
  }

  /** An argument (name and value), as the query string and form bodies carry them. */
  addArg(prefix: string, rawName: ArrayBuffer, name: ArrayBuffer, rawValue: ArrayBuffer, value: ArrayBuffer): void {
    this.argCount++;
    if (value.byteLength > this.longestArg) this.longestArg = value.byteLength;
    const key = String.UTF8.decode(name);
    // Repeated names (HTTP parameter pollution): compared among the first names only, to stay linear.
    let names = this.argNames;
    if (names === null) this.argNames = names = [];
    if (names.length < 64) {
      // (`tag[]=a&tag[]=b` is how PHP and Rails forms send a list, not pollution)
      if (names.includes(key)) { if (!key.endsWith("[]", String.MAX_LENGTH)) this.repeatedArgs++; }
      else names.push(key);
    }
    if (name.byteLength > 0) this.add(TargetKind.ArgName, prefix, rawName, name, key);
    if (value.byteLength > 0) this.add(TargetKind.ArgValue, prefix, rawValue, value, key);
  }
}
