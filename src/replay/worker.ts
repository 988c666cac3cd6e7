// A replay worker thread: its own VM (like one Envoy worker), a share of the corpus, results
// posted back in batches.
import { parentPort, workerData } from "node:worker_threads";
import { Emulator } from "../host/index.js";
import type { CorpusRequest } from "./corpus.js";
import { replayOne } from "./replay.js";

interface Job {
  wasm: Uint8Array;
  config: string;
  chunkSize: number;
  requests: (Omit<CorpusRequest, "body"> & { body: Uint8Array | null })[];
}

const job = workerData as Job;
const em = await Emulator.load(job.wasm, { config: job.config, rootId: "meshwaf", vmId: "meshwaf", logLevel: "trace" });
let batch = [];
for (const r of job.requests) {
  batch.push(replayOne(em, { ...r, body: r.body ? Buffer.from(r.body) : null }, job.chunkSize));
  if (batch.length === 50) {
    parentPort!.postMessage(batch);
    batch = [];
  }
}
parentPort!.postMessage(batch);
