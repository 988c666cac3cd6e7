// Replaces AssemblyScript's default `env.abort` import, which Envoy does not provide.
// The message goes to proxy_log at critical level before the trap, so a failed VM
// leaves a reason in Envoy's log.
// @ts-ignore: decorator
@external("env", "proxy_log")
declare function proxy_log(level: u32, ptr: usize, len: usize): u32;

export function abort(message: string | null, fileName: string | null, line: u32, column: u32): void {
  // (line and column as i32: one integer formatter in the module, the one the configuration's messages use)
  let text = "meshwaf abort: " + (message ? message : "") + " at " + (fileName ? fileName : "?") + ":" + (<i32>line).toString() + ":" + (<i32>column).toString();
  const bytes = String.UTF8.encode(text);
  proxy_log(5, changetype<usize>(bytes), bytes.byteLength);
  unreachable();
}
