// A minimal, reproducible tar.gz holding one file: what the "compat" wasm image layer needs
// (plugin.wasm). Fixed mode, owner and mtime 0, so the same module always gives the same digest.
import { gzipSync } from "node:zlib";

const BLOCK = 512;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, "0")}\0`;
}

function header(name: string, size: number): Buffer {
  const h = Buffer.alloc(BLOCK, 0);
  h.write(name, 0, 100, "utf8");
  h.write(octal(0o644, 8), 100, "ascii"); // mode
  h.write(octal(0, 8), 108, "ascii"); // uid
  h.write(octal(0, 8), 116, "ascii"); // gid
  h.write(octal(size, 12), 124, "ascii");
  h.write(octal(0, 12), 136, "ascii"); // mtime
  h.write("        ", 148, "ascii"); // checksum placeholder: spaces while summing
  h.write("0", 156, "ascii"); // regular file
  h.write("ustar\0", 257, "ascii");
  h.write("00", 263, "ascii");
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
  return h;
}

/** A tar archive with a single file, ending with the two zero blocks. */
export function tarOneFile(name: string, content: Uint8Array): Buffer {
  const padding = (BLOCK - (content.length % BLOCK)) % BLOCK;
  return Buffer.concat([header(name, content.length), Buffer.from(content), Buffer.alloc(padding), Buffer.alloc(2 * BLOCK)]);
}

/** The same archive gzipped (Node writes mtime 0 in the gzip header: reproducible). */
export function tarGzOneFile(name: string, content: Uint8Array): Buffer {
  return gzipSync(tarOneFile(name, content), { level: 9 });
}

/** Reads the files of an uncompressed tar archive (for tests and verification). */
export function untar(archive: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(archive);
  const files = new Map<string, Buffer>();
  let offset = 0;
  while (offset + BLOCK <= buf.length) {
    const h = buf.subarray(offset, offset + BLOCK);
    if (h.every((b) => b === 0)) break;
    const name = h.toString("utf8", 0, 100).replace(/\0.*$/s, "");
    const size = parseInt(h.toString("ascii", 124, 136).replace(/\0.*$/s, "").trim() || "0", 8);
    files.set(name, buf.subarray(offset + BLOCK, offset + BLOCK + size));
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return files;
}
