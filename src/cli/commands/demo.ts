// `meshwaf demo`: the reference architecture (www, auth, db) live on this machine.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { UserError } from "../errors.js";
import { runDemo } from "../../sim/demo.js";
import { PATTERNS, type Pattern } from "../../sim/setup.js";
import { exportSetup } from "../../sim/export.js";

interface DemoFlags {
  duration: string;
  requests?: string;
  pattern: string;
  rate: string;
  attackRate: string;
  responseSize: string;
  seed: string;
  wasm: string;
  report?: string;
  json?: boolean;
  export?: string;
}

function number(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new UserError(`--${flag} must be a number from ${min} to ${max}, got '${value}'`);
  return n;
}

function integer(flag: string, value: string, min: number, max: number): number {
  const n = number(flag, value, min, max);
  if (!Number.isInteger(n)) throw new UserError(`--${flag} must be a whole number from ${min} to ${max}, got '${value}'`);
  return n;
}

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("run the reference architecture (www, auth, db) with traffic, attacks and forbidden calls")
    .option("--duration <seconds>", "how long to run", "30")
    .option("--requests <n>", "stop after this many requests (or at --duration, whichever comes first)")
    .option("--pattern <pattern>", `where the filter runs: ${PATTERNS.join("|")}`, "mesh")
    .option("--rate <rps>", "requests per second over all edges", "40")
    .option("--attack-rate <p>", "probability that a call is an attack", "0.02")
    .option("--response-size <bytes>", "padding added to each JSON response", "256")
    .option("--seed <n>", "seed of the traffic generator", "1")
    .option("--wasm <file>", "the filter module", "build/meshwaf.wasm")
    .option("--report <file.html>", "write a self-contained HTML report")
    .option("--json", "print a JSON summary as the last line")
    .option("--export <dir>", "write the demo's setup (graph, manifests of the three patterns, a standalone Envoy) instead of running")
    .action(async (flags: DemoFlags) => {
      if (!(PATTERNS as readonly string[]).includes(flags.pattern)) {
        throw new UserError(`--pattern must be one of ${PATTERNS.join(", ")}, got '${flags.pattern}'`);
      }
      const pattern = flags.pattern as Pattern;
      const wasmPath = resolve(flags.wasm);
      if (!existsSync(wasmPath)) throw new UserError(`no module at ${flags.wasm}: run 'npm run build' first, or pass --wasm`);
      if (flags.export) {
        const written = await exportSetup(wasmPath, resolve(flags.export));
        process.stdout.write(`wrote ${written.length} files to ${flags.export}: graph.yaml, mesh/, sidecar/, layer/ (kubectl apply -k DIR/PATTERN), envoy/ (docker compose up)\n`);
        return;
      }
      const abort = new AbortController();
      const stop = () => abort.abort();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      try {
        const result = await runDemo({
          durationSeconds: number("duration", flags.duration, 1, 86400),
          maxRequests: flags.requests === undefined ? undefined : integer("requests", flags.requests, 1, 10_000_000),
          pattern,
          rate: number("rate", flags.rate, 1, 5000),
          attackRate: number("attack-rate", flags.attackRate, 0, 1),
          responseSize: number("response-size", flags.responseSize, 0, 10 * 1024 * 1024),
          seed: number("seed", flags.seed, 0, 2 ** 32 - 1),
          wasmPath,
          reportPath: flags.report ? resolve(flags.report) : undefined,
          out: process.stderr.isTTY ? process.stderr : process.stdout,
          signal: abort.signal,
        });
        process.stdout.write(`\n${result.text}\n`);
        if (flags.report) process.stdout.write(`report written to ${flags.report}\n`);
        if (flags.json) process.stdout.write(`${JSON.stringify(result.summary)}\n`);
      } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
      }
    });
}
