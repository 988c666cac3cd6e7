// Compiles a small AssemblyScript program held in memory against the repository's own sources, with
// the given build transforms, as the transform tests (test/scripts/pack-*.test.ts) need: the same
// program built plainly and transformed must behave the same.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import asc from "assemblyscript/asc";

const root = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The binary of `entry`, whose text and that of any other in-memory file is in `files` (other paths are read
 * from the repository). The compiler's messages go to stderr when the environment variable `debugEnv` is set.
 */
export async function compileInMemory(entry: string, files: Record<string, string>, transforms: unknown[], debugEnv: string): Promise<Uint8Array> {
  let binary: Uint8Array | null = null;
  const readRepo = (name: string, dir: string) => {
    try { return readFileSync(`${dir}/${name}`, "utf8"); } catch { return null; }
  };
  const { error } = await asc.main([entry, "--outFile", "out.wasm", "--runtime", "stub", "--exportRuntime", "-O1"], {
    readFile: (name: string, dir: string) => (name in files ? files[name] : name.endsWith("asconfig.json") ? null : readRepo(name, dir)),
    writeFile: (name: string, contents: Uint8Array) => { if (name.endsWith(".wasm")) binary = contents; },
    listFiles: () => [],
    stdout: { write: () => true },
    stderr: { write: (s: string) => { if (process.env[debugEnv]) process.stderr.write(s); return true; } },
    transforms,
    // @ts-ignore: asc's option for the directory the paths are relative to
    baseDir: root,
  } as any);
  if (error) throw error;
  return binary!;
}
