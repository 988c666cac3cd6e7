// The `meshwaf` CLI: wires the commands together; each lives in commands/<name>.ts.
import { Command } from "commander";
import { UserError } from "./errors.js";
import { commands } from "./commands/index.js";

const program = new Command("meshwaf")
  .description("A WAF in every Envoy sidecar, and micro-segmentation for the mesh.")
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

for (const register of commands) register(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof UserError) {
    process.stderr.write(`meshwaf: ${err.message}\n`);
    process.exit(err.exitCode);
  }
  throw err;
}
