// `npm run bench`: CPU time spent in the module per request over a corpus, against a
// no-op module that reads the same headers and body (build/noop.wasm); body throughput;
// "in the module" excludes the host's own work inside host calls (header serialisation, copies:
// native code in Envoy, JavaScript here), which is printed apart;
// module size; linear memory after 100,000 corpus requests (in a VM of its own); time against body size on adversarial shapes. Last stdout line: one JSON object
// {"p50_us","p99_us","noop_p50_us","body_mb_s","wasm_bytes","memory_bytes"}.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { Emulator, runRequest, type RequestSpec } from "../src/host/index.js";
import { corpusPath, loadCorpus, type CorpusRequest } from "./corpus.js";
import { scaling } from "./scaling.js";

const build = (name: string) => fileURLToPath(new URL(`../build/${name}`, import.meta.url));
const MEMORY_REQUESTS = Number(process.env.BENCH_MEMORY_REQUESTS ?? 100_000);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const round = (x: number) => Math.round(x * 100) / 100;

interface Times {
  /** Module CPU µs per request, sorted. */
  module: number[];
  /** The same with the host's work inside host calls, sorted. */
  withHost: number[];
}

/** CPU µs per request over the corpus (after a warm-up pass, so the JIT has settled). */
function timeCorpus(em: Emulator, corpus: CorpusRequest[]): Times {
  for (const r of corpus.slice(0, 500)) runRequest(em, r.spec);
  const runs = corpus.map((r) => runRequest(em, r.spec));
  return {
    module: runs.map((r) => r.cpuUs - r.hostUs).sort((a, b) => a - b),
    withHost: runs.map((r) => r.cpuUs).sort((a, b) => a - b),
  };
}

/** MB/s of module CPU time for a 1 MiB JSON body (just under the default body limit and Envoy's buffer). */
function bodyThroughput(em: Emulator): number {
  const item = '{"name":"widget","description":"a plain product description, nothing to see","qty":3},';
  const size = 1024 * 1024;
  let text = '{"items":[' + item.repeat(Math.floor((size - 40) / item.length));
  text = text.slice(0, -1) + "]";
  text += ',"pad":"' + "x".repeat(size - text.length - 10) + '"}';
  const spec: RequestSpec = { method: "POST", path: "/api/items", headers: [["content-type", "application/json"]], body: text, chunkSize: 64 * 1024 };
  runRequest(em, spec);
  const runs = 10;
  let us = 0;
  for (let i = 0; i < runs; i++) {
    const r = runRequest(em, spec);
    us += r.cpuUs - r.hostUs;
  }
  return (text.length * runs) / us; // bytes per µs = MB/s
}

function linearMemoryBytes(em: Emulator): number {
  // The host keeps the module's memory inside ModuleMemory; read its current size.
  const mem = (em.memory() as unknown as { memory: WebAssembly.Memory }).memory;
  return mem.buffer.byteLength;
}

async function main(): Promise<void> {
  // V8 as Envoy runs it (the host sets the same flags at its first load: src/host/emulator.ts):
  // proxy-wasm-cpp-host starts V8 with --no-liftoff "to force optimized JIT up-front", so every
  // function runs optimised (TurboFan) code. Node's default (Liftoff first, TurboFan later for hot
  // functions) would time a mix of the two tiers, and its lazy compilation would charge each
  // function's one TurboFan compile (0.2-5 ms) to the first corpus request that reaches it: the p99
  // of one pass was 280 us instead of 130. A sidecar pays that once in its life.
  v8.setFlagsFromString("--no-liftoff");
  v8.setFlagsFromString("--no-wasm-lazy-compilation");
  const path = corpusPath();
  const corpus = loadCorpus(path);
  const wasm = readFileSync(build("meshwaf.wasm"));
  const em = await Emulator.load(wasm, { config: {} });
  const noop = await Emulator.load(readFileSync(build("noop.wasm")), { config: {} });
  console.log(`corpus: ${path} (${corpus.length} requests)`);

  const all = timeCorpus(em, corpus);
  const noopAll = timeCorpus(noop, corpus);
  const times = all.module;
  const noopTimes = noopAll.module;
  const line = (t: number[]) => `p50 ${percentile(t, 50).toFixed(1)} µs, p99 ${percentile(t, 99).toFixed(1)} µs, max ${t[t.length - 1].toFixed(0)} µs`;
  console.log(`meshwaf in the module: ${line(times)}; with the host's work: ${line(all.withHost)}`);
  console.log(`no-op in the module:   ${line(noopTimes)}; with the host's work: ${line(noopAll.withHost)}`);

  const mbs = bodyThroughput(em);
  console.log(`1 MiB JSON body: ${mbs.toFixed(0)} MB/s of module CPU`);

  const shapes = scaling(em);
  console.log(`time vs size, 64 KiB / 8 KiB adversarial bodies (8 = linear): worst ${shapes[0].ratio.toFixed(1)} (${shapes[0].shape}), ` +
    shapes.slice(1, 4).map((s) => `${s.ratio.toFixed(1)} (${s.shape})`).join(", "));

  // Memory of corpus traffic, in a VM of its own: the VM above also held the 1 MiB body and the
  // 64 KiB adversarial bodies, and linear memory never shrinks (printed apart).
  const afterLargeBodies = linearMemoryBytes(em);
  const fresh = await Emulator.load(wasm, { config: {} });
  const sizes: number[] = [];
  for (let i = 0; i < MEMORY_REQUESTS; i++) {
    runRequest(fresh, corpus[i % corpus.length].spec);
    if ((i + 1) % (MEMORY_REQUESTS / 4) === 0) sizes.push(linearMemoryBytes(fresh));
  }
  const memoryBytes = linearMemoryBytes(fresh);
  console.log(`linear memory after ${MEMORY_REQUESTS} corpus requests: ${memoryBytes} bytes (at each quarter: ${sizes.join(", ")}); ` +
    `the VM that inspected the 1 MiB body: ${afterLargeBodies} bytes`);

  console.log(JSON.stringify({
    p50_us: round(percentile(times, 50)),
    p99_us: round(percentile(times, 99)),
    noop_p50_us: round(percentile(noopTimes, 50)),
    body_mb_s: round(mbs),
    wasm_bytes: wasm.length,
    memory_bytes: memoryBytes,
  }));
}

await main();
