// The module as an OCI image Istio accepts (see ../shared/reference/envoy-host.md):
// - "oci" variant: an OCI artifact with exactly two layers, the runtime config
//   (application/vnd.module.wasm.config.v1+json) and the raw module
//   (application/vnd.module.wasm.content.layer.v1+wasm); the config blob has the wasm config type;
// - "compat" variant: a standard OCI image whose single layer is a tar.gz holding plugin.wasm,
//   annotated module.wasm.image/variant=compat (works with registries that refuse custom types).
// Everything is reproducible: same module, same digests.
import { gunzipSync } from "node:zlib";
import { digestOf, sha256Hex } from "./digest.js";
import { tarGzOneFile } from "./tar.js";

export type Variant = "oci" | "compat";
export const VARIANTS: readonly Variant[] = ["oci", "compat"];

export const MEDIA = {
  manifest: "application/vnd.oci.image.manifest.v1+json",
  index: "application/vnd.oci.image.index.v1+json",
  wasmConfig: "application/vnd.module.wasm.config.v1+json",
  wasmLayer: "application/vnd.module.wasm.content.layer.v1+wasm",
  imageConfig: "application/vnd.oci.image.config.v1+json",
  tarGzLayer: "application/vnd.oci.image.layer.v1.tar+gzip",
} as const;

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

export interface Manifest {
  schemaVersion: 2;
  mediaType: string;
  config: Descriptor;
  layers: Descriptor[];
  annotations?: Record<string, string>;
}

export interface WasmImage {
  readonly variant: Variant;
  /** sha256 (hex) of the module itself: what a WasmPlugin with an https:// url pins. */
  readonly moduleSha256: string;
  readonly manifest: Manifest;
  readonly manifestBytes: Buffer;
  /** sha256:… of the manifest: what a WasmPlugin with an oci:// url pins (Istio compares the manifest digest). */
  readonly manifestDigest: string;
  /** Every blob (config and layers) by digest. */
  readonly blobs: ReadonlyMap<string, Buffer>;
}

const TITLE = "org.opencontainers.image.title";

function describe(mediaType: string, bytes: Buffer, annotations?: Record<string, string>): Descriptor {
  return { mediaType, digest: digestOf(bytes), size: bytes.length, ...(annotations ? { annotations } : {}) };
}

/** Serialises JSON compactly with a stable key order (insertion order, fixed by the code below). */
const json = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8");

export function buildWasmImage(module: Uint8Array, variant: Variant = "oci"): WasmImage {
  const wasm = Buffer.from(module);
  if (wasm.length < 8 || wasm.readUInt32BE(0) !== 0x0061736d) throw new Error("not a WebAssembly module (missing \\0asm magic)");
  const blobs = new Map<string, Buffer>();
  const add = (bytes: Buffer) => blobs.set(digestOf(bytes), bytes);
  let manifest: Manifest;
  if (variant === "oci") {
    const runtimeConfig = json({ type: "envoy_proxy", abiVersions: ["v0.2.1"], config: {} });
    add(runtimeConfig);
    add(wasm);
    manifest = {
      schemaVersion: 2,
      mediaType: MEDIA.manifest,
      config: describe(MEDIA.wasmConfig, runtimeConfig),
      layers: [describe(MEDIA.wasmConfig, runtimeConfig, { [TITLE]: "runtime-config.json" }), describe(MEDIA.wasmLayer, wasm, { [TITLE]: "plugin.wasm" })],
    };
  } else {
    const layer = tarGzOneFile("plugin.wasm", wasm);
    const rootfs = { type: "layers", diff_ids: [digestOf(gunzipSync(layer))] };
    const imageConfig = json({ architecture: "wasm", os: "wasip1", rootfs, config: {} });
    add(imageConfig);
    add(layer);
    manifest = {
      schemaVersion: 2,
      mediaType: MEDIA.manifest,
      config: describe(MEDIA.imageConfig, imageConfig),
      layers: [describe(MEDIA.tarGzLayer, layer)],
      annotations: { "module.wasm.image/variant": "compat" },
    };
  }
  const manifestBytes = json(manifest);
  return { variant, moduleSha256: sha256Hex(wasm), manifest, manifestBytes, manifestDigest: digestOf(manifestBytes), blobs };
}
