// `meshwaf package`: the module as an OCI image layout Istio can pull once pushed.
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { UserError } from "../errors.js";
import { buildWasmImage, layoutFiles, VARIANTS, type Variant } from "../../oci/index.js";
import { writeFilesAtomically } from "../../manifests/write-dir.js";

export const DEFAULT_WASM = "build/meshwaf.wasm";

/** Reads a module file; a missing or non-wasm file is a user error naming the path. */
export function readModule(path: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new UserError(`${path}: cannot read the module (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); build it with \`npm run build\` or pass --wasm PATH`);
  }
  if (bytes.length < 8 || bytes.readUInt32BE(0) !== 0x0061736d) throw new UserError(`${path}: not a WebAssembly module (no \\0asm header)`);
  return bytes;
}

export function registerPackage(program: Command): void {
  program
    .command("package")
    .description("write the module as an OCI image layout (oci-layout, index.json, blobs/) for `meshwaf push`")
    .requiredOption("--out <dir>", "directory of the OCI image layout (required)")
    .option("--wasm <path>", "the module", DEFAULT_WASM)
    .option("--variant <variant>", "oci: two-layer wasm artifact; compat: one tar.gz layer with plugin.wasm, for registries that refuse custom media types", "oci")
    .option("--tag <tag>", "the tag recorded in index.json", "latest")
    .action((opts: { out: string; wasm: string; variant: string; tag: string }) => {
      if (!VARIANTS.includes(opts.variant as Variant)) throw new UserError(`--variant: "${opts.variant}" is not valid; expected ${VARIANTS.join(" or ")}`);
      if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(opts.tag)) throw new UserError(`--tag: "${opts.tag}" is not a valid tag (letters, digits, '_', '.', '-', up to 128)`);
      const image = buildWasmImage(readModule(opts.wasm), opts.variant as Variant);
      writeFilesAtomically(opts.out, layoutFiles(image, opts.tag));
      process.stdout.write(`module sha256:  ${image.moduleSha256}\nmanifest digest: ${image.manifestDigest}\nvariant: ${image.variant}\nwrote ${opts.out}\n`);
    });
}
