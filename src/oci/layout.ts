// The OCI image layout on disk (oci-layout, index.json, blobs/sha256/<hex>): what `package`
// writes and `push` reads. https://github.com/opencontainers/image-spec/blob/main/image-layout.md
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../cli/errors.js";
import { DIGEST, digestOf } from "./digest.js";
import { MEDIA, type Descriptor, type Manifest, type WasmImage } from "./image.js";

const REF_NAME = "org.opencontainers.image.ref.name";

const blobPath = (digest: string) => join("blobs", "sha256", digest.slice("sha256:".length));

/** The files of the layout, by relative path (written atomically by the command). */
export function layoutFiles(image: WasmImage, tag: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  files.set("oci-layout", Buffer.from(JSON.stringify({ imageLayoutVersion: "1.0.0" })));
  const index = {
    schemaVersion: 2,
    mediaType: MEDIA.index,
    manifests: [{ mediaType: MEDIA.manifest, digest: image.manifestDigest, size: image.manifestBytes.length, annotations: { [REF_NAME]: tag } }],
  };
  files.set("index.json", Buffer.from(JSON.stringify(index)));
  files.set(blobPath(image.manifestDigest), image.manifestBytes);
  for (const [digest, bytes] of image.blobs) files.set(blobPath(digest), bytes);
  return files;
}

export interface LoadedImage {
  readonly tag: string | undefined;
  readonly manifest: Manifest;
  readonly manifestBytes: Buffer;
  readonly manifestDigest: string;
  /** Config and layer blobs, verified against their digests, in push order. */
  readonly blobs: readonly { descriptor: Descriptor; bytes: Buffer }[];
}

/** Reads and verifies a layout with one manifest; every problem names the file. */
export function readLayout(dir: string): LoadedImage {
  const at = (rel: string) => join(dir, rel);
  const fail = (rel: string, message: string): never => {
    throw new UserError(`${at(rel)}: ${message}`);
  };
  if (!existsSync(at("oci-layout"))) fail("oci-layout", "missing; expected an OCI image layout written by `meshwaf package --out DIR`");
  const readJson = (rel: string): any => {
    try {
      return JSON.parse(readFileSync(at(rel), "utf8"));
    } catch (err) {
      return fail(rel, `cannot read as JSON (${(err as Error).message})`);
    }
  };
  const index = readJson("index.json");
  if (!Array.isArray(index.manifests) || index.manifests.length !== 1) fail("index.json", "manifests: expected exactly one manifest");
  const entry = index.manifests[0] as Descriptor;
  const readBlob = (d: Descriptor, where: string): Buffer => {
    if (typeof d?.digest !== "string" || !DIGEST.test(d.digest)) return fail(where, `digest: ${JSON.stringify(d?.digest)} is not sha256:<64 hex>`);
    const rel = blobPath(d.digest);
    if (!existsSync(at(rel))) return fail(rel, "missing blob");
    const bytes = readFileSync(at(rel));
    if (digestOf(bytes) !== d.digest) fail(rel, `content does not match its digest ${d.digest}`);
    if (bytes.length !== d.size) fail(rel, `size ${bytes.length} does not match the descriptor's ${d.size}`);
    return bytes;
  };
  const manifestBytes = readBlob(entry, "index.json");
  const manifest = JSON.parse(manifestBytes.toString("utf8")) as Manifest;
  const descriptors = [manifest.config, ...(manifest.layers ?? [])];
  const seen = new Set<string>();
  const blobs = descriptors.flatMap((descriptor) => {
    if (seen.has(descriptor.digest)) return [];
    seen.add(descriptor.digest);
    return [{ descriptor, bytes: readBlob(descriptor, blobPath(entry.digest)) }];
  });
  return { tag: entry.annotations?.[REF_NAME], manifest, manifestBytes, manifestDigest: entry.digest, blobs };
}
