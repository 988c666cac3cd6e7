// Loads build/harness.wasm (the filter's pure functions) for tests.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as loader from "@assemblyscript/loader";

const wasmPath = fileURLToPath(new URL("../../build/harness.wasm", import.meta.url));

export interface Harness {
  exports: any;
  /** Passes a JS string in, returns the JS string the function returned. */
  callString(name: string, ...args: (string | number)[]): string;
}

/** Loads build/harness.wasm, or another build of it (scripts comparing a branch point). */
export async function loadHarness(path: string = wasmPath): Promise<Harness> {
  const { exports } = await loader.instantiate(readFileSync(path), {
    env: {
      // Pure functions never log; the import exists only if shared code references it.
      proxy_log(_level: number, _ptr: number, _len: number) {
        return 0;
      },
    } as Record<string, unknown>,
  });
  const ex = exports as any;
  return {
    exports: ex,
    callString(name: string, ...args: (string | number)[]): string {
      const pinned: number[] = [];
      const wasmArgs = args.map((a) => {
        if (typeof a === "number") return a;
        const p = ex.__pin(ex.__newString(a));
        pinned.push(p);
        return p;
      });
      try {
        return ex.__getString(ex[name](...wasmArgs));
      } finally {
        for (const p of pinned) ex.__unpin(p);
      }
    },
  };
}
