// Compiles the tiny purpose-built .wat modules next to this file (with the wabt devDependency).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import wabtInit from "wabt";

const wabt = await wabtInit();
const cache = new Map<string, Uint8Array>();

export function wat(name: string): Uint8Array {
  let bytes = cache.get(name);
  if (!bytes) {
    const path = fileURLToPath(new URL(`./${name}.wat`, import.meta.url));
    const mod = wabt.parseWat(`${name}.wat`, readFileSync(path, "utf8"), { bulk_memory: true });
    bytes = mod.toBinary({}).buffer;
    mod.destroy();
    cache.set(name, bytes);
  }
  return bytes;
}
