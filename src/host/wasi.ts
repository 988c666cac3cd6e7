// The WASI subset Envoy provides (wasi_snapshot_preview1 and wasi_unstable), with Envoy's behaviour:
// fd_write to 1 is one info log line per call, to 2 one error line; proc_exit only logs and returns;
// no files, no arguments, no environment.
import { randomFillSync } from "node:crypto";
import { LogLevel } from "./abi.js";
import { OutOfBounds, type ModuleMemory } from "./memory.js";

const enum Errno {
  Success = 0,
  Badf = 8,
  Fault = 21,
  Inval = 28,
  Noent = 44,
  Nosys = 52,
  Spipe = 70,
}

export interface WasiHost {
  memory(): ModuleMemory;
  log(level: LogLevel, message: string): void;
  realtimeNs(): bigint;
  monotonicNs(): bigint;
}

const utf8 = new TextDecoder("utf-8", { fatal: false });

function guarded<A extends unknown[]>(fn: (...args: A) => number): (...args: A) => number {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (err) {
      if (err instanceof OutOfBounds) return Errno.Fault;
      throw err;
    }
  };
}

export function wasiImports(host: WasiHost): Record<string, (...args: any[]) => number | void> {
  return {
    fd_write: guarded((fd: number, iovs: number, count: number, written: number) => {
      const mem = host.memory();
      const parts: Uint8Array[] = [];
      let total = 0;
      for (let i = 0; i < count; i++) {
        const buf = mem.u32(iovs + i * 8);
        const len = mem.u32(iovs + i * 8 + 4);
        parts.push(mem.bytes(buf, len));
        total += len;
      }
      if (fd !== 1 && fd !== 2) return Errno.Badf;
      const text = utf8.decode(Buffer.concat(parts)).replace(/\n$/, "");
      host.log(fd === 1 ? LogLevel.Info : LogLevel.Error, text);
      mem.setU32(written, total);
      return Errno.Success;
    }),
    fd_read: () => Errno.Nosys,
    fd_seek: (fd: number) => (fd === 1 || fd === 2 ? Errno.Spipe : Errno.Badf),
    fd_close: (fd: number) => (fd === 1 || fd === 2 ? Errno.Success : Errno.Badf),
    fd_fdstat_get: guarded((fd: number, out: number) => {
      if (fd !== 1 && fd !== 2) return Errno.Badf;
      const stat = new Uint8Array(24);
      stat[0] = 2; // character device
      host.memory().write(out, stat);
      return Errno.Success;
    }),
    fd_fdstat_set_flags: () => Errno.Nosys,
    environ_get: () => Errno.Success,
    environ_sizes_get: guarded((count: number, size: number) => {
      host.memory().setU32(count, 0);
      host.memory().setU32(size, 0);
      return Errno.Success;
    }),
    args_get: () => Errno.Success,
    args_sizes_get: guarded((count: number, size: number) => {
      host.memory().setU32(count, 0);
      host.memory().setU32(size, 0);
      return Errno.Success;
    }),
    clock_time_get: guarded((id: number, _precision: bigint, out: number) => {
      if (id !== 0 && id !== 1) return Errno.Inval;
      host.memory().setU64(out, id === 0 ? host.realtimeNs() : host.monotonicNs());
      return Errno.Success;
    }),
    random_get: guarded((ptr: number, len: number) => {
      const bytes = new Uint8Array(len >>> 0);
      randomFillSync(bytes);
      host.memory().write(ptr, bytes);
      return Errno.Success;
    }),
    sched_yield: () => Errno.Success,
    poll_oneoff: () => Errno.Nosys,
    proc_exit: (code: number) => {
      // Envoy only logs: control returns to the module (an abort then usually hits `unreachable`).
      host.log(LogLevel.Error, `wasi proc_exit(${code})`);
    },
    path_open: () => Errno.Noent,
    fd_prestat_get: () => Errno.Badf,
    fd_prestat_dir_name: () => Errno.Badf,
  };
}
