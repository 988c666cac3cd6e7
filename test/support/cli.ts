// Runs the meshwaf CLI in a child process, as a user would.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../../bin/meshwaf.js", import.meta.url));

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: options.cwd, env: { ...process.env, ...options.env } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs the CLI's commands in this process (no child process: much faster under load);
 * stdout and stderr are captured, a UserError becomes `meshwaf: message` on stderr as in bin/meshwaf.js.
 */
export async function runCliInProcess(args: readonly string[]): Promise<CliResult> {
  const { Command, CommanderError } = await import("commander");
  const { commands } = await import("../../src/cli/commands/index.js");
  const { UserError } = await import("../../src/cli/errors.js");
  let stdout = "";
  let stderr = "";
  const program = new Command("meshwaf").exitOverride().configureOutput({ writeOut: (s) => (stdout += s), writeErr: (s) => (stderr += s) });
  for (const register of commands) register(program);
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  const text = (chunk: string | Uint8Array) => (typeof chunk === "string" ? chunk : Buffer.from(chunk).toString());
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += text(chunk);
    return true;
  }) as typeof process.stdout.write;
  // (warnings: meshwaf: warning: …)
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += text(chunk);
    return true;
  }) as typeof process.stderr.write;
  let status = 0;
  try {
    await program.parseAsync(["node", "meshwaf", ...args]);
    status = Number(process.exitCode ?? 0);
  } catch (err) {
    if (err instanceof UserError) {
      stderr += `meshwaf: ${err.message}\n`;
      status = err.exitCode;
    } else if (err instanceof CommanderError) status = err.exitCode;
    else throw err;
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
    process.exitCode = undefined;
  }
  return { status, stdout, stderr };
}
