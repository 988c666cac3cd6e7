// Where a long parse lets the collector run. The release build uses AssemblyScript's minimal
// runtime, which collects only when asked and does not see locals; a body with tens of
// thousands of values would otherwise hold all its garbage until the stream ends. The parsers
// call safePoint between two values, handing over what only their locals still need; the
// rest (request, configuration, stream) is reachable from the dispatcher's maps.
import { Targets } from "./targets";

/** Full batches of targets between two collections. */
const BATCHES_PER_COLLECTION: i32 = 1;

// Roots for the duration of one collection.
let keptTargets: Targets | null = null;
let keptData: ArrayBuffer | null = null;
let keptText: string | null = null;
let keptParser: Object | null = null;

/** Collects when enough batches were inspected since the last time. */
export function safePoint(out: Targets, data: ArrayBuffer | null, text: string | null, parser: Object | null = null): void {
  if (out.batches - out.batchesAtCollection < BATCHES_PER_COLLECTION) return;
  out.batchesAtCollection = out.batches;
  keptTargets = out;
  keptData = data;
  keptText = text;
  keptParser = parser;
  __collect();
  keptTargets = null;
  keptData = null;
  keptText = null;
  keptParser = null;
}
