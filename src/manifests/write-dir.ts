// Writes generated files into a directory without leaving it half-written: every file is
// rendered in memory first, written to a temporary directory beside the target, and only
// then renamed into place (a rename within one file system is atomic).
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UserError } from "../cli/errors.js";

export function writeFilesAtomically(outDir: string, files: ReadonlyMap<string, string | Uint8Array>): string[] {
  const target = resolve(outDir);
  const parent = dirname(target);
  let staging: string;
  try {
    mkdirSync(parent, { recursive: true });
    staging = mkdtempSync(join(parent, ".meshwaf-staging-"));
  } catch (err) {
    throw new UserError(`${outDir}: cannot write here (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const written: string[] = [];
  try {
    for (const [name, content] of files) {
      const path = join(staging, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    try {
      mkdirSync(target, { recursive: true });
    } catch (err) {
      throw new UserError(`${outDir}: cannot create the directory (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    for (const name of files.keys()) {
      const dest = join(target, name);
      mkdirSync(dirname(dest), { recursive: true });
      renameSync(join(staging, name), dest);
      written.push(dest);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return written;
}
