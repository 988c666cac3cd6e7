// Replaces AssemblyScript's default `env.abort` import, which Envoy does not provide.
// The message goes to proxy_log at critical level before the trap, so a failed VM
// leaves a reason in Envoy's log.
// @ts-ignore: decorator
@external("env", "proxy_log")
declare function proxy_log(level: u32, ptr: usize, len: usize): u32;

export function abort(message: string | null, fileName: string | null, line: u32, column: u32): void {
  // Only the message ("Index out of range"): the file and line are the standard library's own, which tell
  // an operator nothing, and unread they leave the module (their strings, ~700 bytes with the call
  // sites' constants: scripts/static-headers.js, pack-data-segments.js).
  let text = "meshwaf abort: " + (message ? message : "");
  const bytes = String.UTF8.encode(text);
  proxy_log(5, changetype<usize>(bytes), bytes.byteLength);
  unreachable();
}
