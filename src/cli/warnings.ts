// Warnings about input that is valid but does nothing (src/config/inert.ts): printed on stderr,
// one line each, and the command goes on (an error would be a UserError, and stop it).

/** Writes `meshwaf: warning: MESSAGE` on stderr for each message (which names its file and field). */
export function printWarnings(messages: readonly string[]): void {
  for (const m of messages) process.stderr.write(`meshwaf: warning: ${m}\n`);
}
