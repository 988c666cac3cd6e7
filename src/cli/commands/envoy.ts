// `meshwaf envoy`: a standalone Envoy bootstrap running the module in front of one upstream.
import type { Command } from "commander";
import { UserError } from "../errors.js";
import { ConfigError } from "../../config/schema.js";
import { EnvoyConfigError, DEFAULT_ENVOY_WASM_PATH, type EnvoyOptions } from "../../envoy/bootstrap.js";
import { envoyBootstrapYaml, envoyDirFiles } from "../../envoy/files.js";
import { loadPluginConfig } from "../../manifests/plugin-config.js";
import { writeFilesAtomically } from "../../manifests/write-dir.js";

export function registerEnvoy(program: Command): void {
  program
    .command("envoy")
    .description("generate an Envoy bootstrap: listener → meshwaf (wasm, V8) → router → upstream; admin on 127.0.0.1; JSON access log")
    .requiredOption("--upstream <host:port>", "the protected application (required)")
    .option("--listen <port>", "listener port", "10000")
    .option("--config <file>", "plugin configuration (JSON or YAML), validated against schema/config.schema.json")
    .option("--wasm <path>", "the module's path as Envoy sees it", DEFAULT_ENVOY_WASM_PATH)
    .option("--out <dir>", "write envoy.yaml and docker-compose.yaml into DIR instead of the bootstrap to stdout")
    .action((opts: { upstream: string; listen: string; config?: string; wasm: string; out?: string }) => {
      const listenPort = Number(opts.listen);
      if (!Number.isInteger(listenPort)) throw new UserError(`--listen: "${opts.listen}" is not valid; expected a port 1-65535`);
      const options: EnvoyOptions = { upstream: opts.upstream, listenPort, wasmPath: opts.wasm, pluginConfig: opts.config ? loadPluginConfig(opts.config) : undefined };
      try {
        if (opts.out) {
          writeFilesAtomically(opts.out, envoyDirFiles(options));
          process.stdout.write(`wrote ${opts.out}/envoy.yaml and ${opts.out}/docker-compose.yaml\n`);
        } else process.stdout.write(envoyBootstrapYaml(options));
      } catch (err) {
        if (err instanceof EnvoyConfigError) throw new UserError(`--${err.message}`);
        if (err instanceof ConfigError) throw new UserError(err.message);
        throw err;
      }
    });
}
