// Replays a corpus: in the main thread with one VM, or split over N worker threads with a VM each
// (Envoy runs one VM per worker thread). Results come back in corpus order.
import { Worker } from "node:worker_threads";
import { Emulator } from "../host/index.js";
import type { CorpusRequest } from "./corpus.js";
import { replayOne, type ReplayResult } from "./replay.js";

export interface ReplayOptions {
  wasm: Uint8Array;
  /** Validated plugin configuration text ("" = defaults). */
  config: string;
  chunkSize: number;
  concurrency: number;
  onProgress?: (done: number, total: number) => void;
}

export async function replayCorpus(requests: CorpusRequest[], opts: ReplayOptions): Promise<ReplayResult[]> {
  const workers = Math.max(1, Math.min(opts.concurrency, requests.length));
  if (workers === 1) {
    const em = await Emulator.load(opts.wasm, { config: opts.config, rootId: "meshwaf", vmId: "meshwaf", logLevel: "trace" });
    const out: ReplayResult[] = [];
    for (const r of requests) {
      out.push(replayOne(em, r, opts.chunkSize));
      if (out.length % 50 === 0) opts.onProgress?.(out.length, requests.length);
    }
    return out;
  }
  // Contiguous shares keep corpus order when concatenated.
  const share = Math.ceil(requests.length / workers);
  const parts: ReplayResult[][] = [];
  let done = 0;
  // Workers run TypeScript through tsx like the CLI: a tiny eval'd bootstrap registers it first.
  const bootstrap = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL("./worker.ts", import.meta.url).href)}); });`;
  await Promise.all(
    Array.from({ length: workers }, (_, i) => {
      const slice = requests.slice(i * share, (i + 1) * share);
      parts[i] = [];
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(bootstrap, {
          eval: true,
          workerData: { wasm: opts.wasm, config: opts.config, chunkSize: opts.chunkSize, requests: slice },
        });
        worker.on("message", (batch: ReplayResult[]) => {
          parts[i].push(...batch);
          done += batch.length;
          opts.onProgress?.(done, requests.length);
        });
        worker.on("error", reject);
        worker.on("exit", (code) => (code === 0 && parts[i].length === slice.length ? resolve() : reject(new Error(`replay worker ${i} exited with code ${code}`))));
      });
    }),
  );
  return parts.flat();
}
