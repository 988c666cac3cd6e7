// `meshwaf replay`: a labelled corpus through the filter in-process; detection and false-positive
// rates per label x category, and the time spent in the module.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { UserError } from "../errors.js";
import { defaultWasmPath, readConfigFile } from "../../serve/load-filter.js";
import { readCorpus } from "../../replay/corpus.js";
import { replayCorpus } from "../../replay/run.js";
import { summarise, table } from "../../replay/report.js";

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`${name} ${value}: expected a positive integer`);
  return n;
}

export function registerReplay(program: Command): void {
  program
    .command("replay")
    .description("run every request of a labelled corpus (JSON Lines) through the filter and report detection rates")
    .argument("<corpus>", "corpus file, one JSON request per line")
    .option("--config <file>", "plugin configuration (JSON)")
    .option("--out <file>", "write one JSON line per request: id, label, category, blocked, score, rules, us")
    .option("--concurrency <n>", "worker threads, each with its own VM (like Envoy workers)", "1")
    .option("--chunk-size <bytes>", "bytes per on_request_body call", "8192")
    .option("--wasm <file>", "filter module (default: build/meshwaf.wasm)")
    .action(async (corpus: string, opts: { config?: string; out?: string; concurrency: string; chunkSize: string; wasm?: string }) => {
      const concurrency = positiveInt("--concurrency", opts.concurrency);
      const chunkSize = positiveInt("--chunk-size", opts.chunkSize);
      const wasmPath = opts.wasm ?? defaultWasmPath;
      if (!existsSync(wasmPath)) throw new UserError(`${wasmPath} not found (run \`npm run build\`)`);
      const config = readConfigFile(opts.config);
      const requests = readCorpus(corpus);
      const tty = process.stderr.isTTY;
      const results = await replayCorpus(requests, {
        wasm: readFileSync(wasmPath),
        config,
        chunkSize,
        concurrency,
        onProgress: tty ? (done, total) => process.stderr.write(`\rreplay: ${done}/${total}`) : undefined,
      }).catch((err: Error) => {
        throw new UserError(`replay failed: ${err.message}`);
      });
      if (tty) process.stderr.write("\r\x1b[K");
      if (opts.out) writeFileSync(opts.out, results.map(({ held: _held, ...r }) => JSON.stringify(r)).join("\n") + "\n");
      const held = results.filter((r) => r.held).length;
      if (held > 0) process.stderr.write(`replay: ${held} request(s) were held by the filter (neither answered nor passed; Envoy would time out)\n`);
      process.stdout.write(`${table(results)}\n${JSON.stringify(summarise(results))}\n`);
    });
}
