#!/usr/bin/env node
// Compiles the filter (build/meshwaf.wasm), the test harness (build/harness.wasm) and the
// bench baseline (build/noop.wasm).
// `--if-stale` skips the work when both outputs are newer than every input, so
// `npm test` and `npm run bench` can build on a fresh clone without slowing reruns.
import { readdirSync, statSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import asc from "assemblyscript/asc";
import binaryen from "binaryen";
import StripRuleDescriptions from "./strip-rule-descriptions.js";
import PackWordLists from "./pack-word-lists.js";
import PackReasons from "./pack-reasons.js";
import PackNeedles from "./pack-needles.js";
import { packDataSegments } from "./pack-data-segments.js";
import StaticHeaders from "./static-headers.js";
import VisitGlobals from "./visit-globals.js";
import ObjectConstructor from "./object-constructor.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// The release builds drop rule descriptions (scripts/strip-rule-descriptions.js); only the
// harness keeps them, for tests and README's rule table. Every build stores word lists as bytes
// (scripts/pack-word-lists.js), so tests run the lists as the filter holds them. The release builds
// also store the reasons of rule matches, configuration errors, log lines and metric names as UTF-8
// (scripts/pack-reasons.js); the filter's own tests (test/filter) read them back from its log lines. Every build stores the literal needles of the byte
// helpers (matchesCI(buf, i, "ognl")) as bytes too (scripts/pack-needles.js). The release modules
// run the minimal runtime, which never reads the block size (mmInfo) of a static object: the build
// clears it (scripts/static-headers.js) and rebuilds the data segments (scripts/pack-data-segments.js);
// its collector's root scan visits globals without a null test of its own (scripts/visit-globals.js), and
// constructors skip the base Object's dead null test (scripts/object-constructor.js).
const release = [StripRuleDescriptions, PackWordLists, PackReasons, PackNeedles, VisitGlobals, ObjectConstructor];
const targets = [
  { entry: "assembly/index.ts", target: "release", out: "build/meshwaf.wasm", transforms: release, packData: true },
  { entry: "assembly/harness.ts", target: "harness", out: "build/harness.wasm", transforms: [PackWordLists, PackNeedles] },
  // A filter that reads headers and body like meshwaf but inspects nothing: the baseline of `npm run bench`.
  { entry: "assembly/noop.ts", target: "release", out: "build/noop.wasm", transforms: release, packData: true },
];

function newestInput() {
  let newest = statSync(join(root, "asconfig.json")).mtimeMs;
  for (const transform of ["strip-rule-descriptions.js", "pack-word-lists.js", "pack-reasons.js", "pack-needles.js", "pack-data-segments.js", "static-headers.js", "visit-globals.js", "object-constructor.js", "ast-walk.js"]) newest = Math.max(newest, statSync(join(root, "scripts", transform)).mtimeMs);
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(root, "assembly"));
  return newest;
}

// After asc's own optimisation (-O3 -s1), the release modules get two binaryen passes asc's pipeline
// leaves out:
// - inlining-optimizing: a function with one caller and no loop is inlined up to 300 bytes (asc at
//   -s1 stops at 80), and the ~230 such functions (a detector's steps, the SDK's callbacks) no longer
//   cost a function header, locals and a call each (~2.2 KB; pair2 neutral to 2% faster). Without a
//   limit it saves ~300 bytes more but p99 is 2-3% slower (bigger functions for V8 to compile);
// - merge-similar-functions folds functions that differ only in constants (e.g. Array<T>#constructor
//   for three element classes) into one that takes them as parameters, and
//   duplicate-function-elimination drops the copies that leaves (~350 bytes, timing unchanged).
function postOptimise(wasm) {
  const module = binaryen.readBinary(wasm);
  const levels = [binaryen.getOptimizeLevel(), binaryen.getShrinkLevel()];
  const inlining = [binaryen.getAlwaysInlineMaxSize(), binaryen.getFlexibleInlineMaxSize(), binaryen.getOneCallerInlineMaxSize(), binaryen.getAllowInliningFunctionsWithLoops()];
  try {
    // asc's default features; binaryen.Features.All would let the pipeline write GC type encodings
    const F = binaryen.Features;
    module.setFeatures(F.MutableGlobals | F.NontrappingFPToInt | F.BulkMemory | F.BulkMemoryOpt | F.SignExt);
    binaryen.setOptimizeLevel(3);
    binaryen.setShrinkLevel(1);
    binaryen.setAlwaysInlineMaxSize(2);
    binaryen.setFlexibleInlineMaxSize(20);
    binaryen.setOneCallerInlineMaxSize(300);
    binaryen.setAllowInliningFunctionsWithLoops(false);
    module.runPasses(["inlining-optimizing", "merge-similar-functions", "duplicate-function-elimination"]);
    // binaryen's pipeline once more over the inlined bodies, at -O3 -s2 (-s1: ~100 bytes; -s2 ~290 more,
    // pair2 neutral in both orders: the inlining is done by then, -s2 picks the smaller of equal forms)
    binaryen.setShrinkLevel(2);
    module.optimize();
    if (!module.validate()) throw new Error("module invalid after the post-optimisation passes");
    return Buffer.from(module.emitBinary());
  } finally {
    module.dispose();
    binaryen.setOptimizeLevel(levels[0]);
    binaryen.setShrinkLevel(levels[1]);
    binaryen.setAlwaysInlineMaxSize(inlining[0]);
    binaryen.setFlexibleInlineMaxSize(inlining[1]);
    binaryen.setOneCallerInlineMaxSize(inlining[2]);
    binaryen.setAllowInliningFunctionsWithLoops(inlining[3]);
  }
}

const ifStale = process.argv.includes("--if-stale");
const inputsTime = ifStale ? newestInput() : 0;
const asconfig = JSON.parse(readFileSync(join(root, "asconfig.json"), "utf8"));
for (const { entry, target, out, transforms, packData } of targets) {
  const outPath = join(root, out);
  if (ifStale && existsSync(outPath) && statSync(outPath).mtimeMs > inputsTime) continue;
  // only the minimal runtime leaves static objects' block headers unread
  const statics = packData && asconfig.targets[target].runtime === "minimal" ? new StaticHeaders() : null;
  const { error, stderr } = await asc.main(
    [entry, "--config", "asconfig.json", "--target", target, "--outFile", out],
    { stdout: process.stdout, stderr: process.stderr, transforms: statics ? [...transforms, statics] : transforms },
  );
  if (error) {
    console.error(`build of ${out} failed: ${error.message}`);
    process.exit(1);
  }
  // release modules: binaryen passes after asc's (postOptimise), then data segments rebuilt
  // (scripts/pack-data-segments.js)
  if (packData) writeFileSync(outPath, packDataSegments(postOptimise(readFileSync(outPath)), { staticHeaders: statics ? statics.addresses : [], unreadStrings: statics ? statics.sourceNames : [] }));
  console.error(`built ${out} (${statSync(outPath).size} bytes)`);
}
