// `meshwaf serve`: the filter in front of a local upstream, for testing without Envoy or Docker.
import type { Command } from "commander";
import { UserError } from "../errors.js";
import { loadFilter } from "../../serve/load-filter.js";
import { startProxy } from "../../serve/proxy.js";

function parseListen(value: string): { host: string; port: number } {
  const m = value.match(/^(?:\[?([^\]]*)\]?:)?(\d+)$/);
  if (!m || Number(m[2]) > 65535) throw new UserError(`--listen ${value}: expected HOST:PORT (e.g. 127.0.0.1:10000)`);
  return { host: m[1] || "127.0.0.1", port: Number(m[2]) };
}

function parseUpstream(value: string): URL {
  let url: URL;
  try {
    url = new URL(value.includes("://") ? value : `http://${value}`);
  } catch {
    throw new UserError(`--upstream ${value}: not a URL (e.g. http://127.0.0.1:8080)`);
  }
  if (url.protocol !== "http:") throw new UserError(`--upstream ${value}: only http:// upstreams are supported`);
  return url;
}

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("run a local HTTP reverse proxy that passes every request through the filter (like an Envoy sidecar)")
    .requiredOption("--upstream <url>", "where allowed requests go, e.g. http://127.0.0.1:8080 (required)")
    .option("--listen <host:port>", "address to listen on", "127.0.0.1:10000")
    .option("--config <file>", "plugin configuration (JSON, the WasmPlugin pluginConfig)")
    .option("--wasm <file>", "filter module (default: build/meshwaf.wasm)")
    .option("--log-level <level>", "Envoy log level for the filter's log lines", "info")
    .option("--quiet", "no access log lines")
    .action(async (opts: { upstream: string; listen: string; config?: string; wasm?: string; logLevel: string; quiet?: boolean }) => {
      const upstream = parseUpstream(opts.upstream);
      const { host, port } = parseListen(opts.listen);
      const levels = ["trace", "debug", "info", "warn", "error", "critical"];
      if (!levels.includes(opts.logLevel)) throw new UserError(`--log-level ${opts.logLevel}: one of ${levels.join(", ")}`);
      const em = await loadFilter({
        wasmPath: opts.wasm,
        configPath: opts.config,
        logLevel: opts.logLevel as "info",
        onLog: (e) => process.stderr.write(`[wasm ${e.level}] ${e.message}\n`),
      });
      const proxy = await startProxy({
        emulator: em,
        upstream,
        host,
        port,
        onAccess: opts.quiet ? undefined : (a) => process.stderr.write(`${a.method} ${a.path} ${a.status}${a.blocked ? " (local reply)" : ""} ${a.cpuUs.toFixed(0)}µs\n`),
      }).catch((err: NodeJS.ErrnoException) => {
        throw new UserError(`cannot listen on ${opts.listen}: ${err.code ?? err.message}`);
      });
      process.stdout.write(`meshwaf serve: listening on ${proxy.url}, upstream ${upstream.origin}\n`);
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        process.stderr.write(`meshwaf serve: ${signal}, shutting down\n`);
        await proxy.close();
        process.exit(0);
      };
      process.on("SIGINT", () => void stop("SIGINT"));
      process.on("SIGTERM", () => void stop("SIGTERM"));
    });
}
