import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildWasmImage, digestOf, layoutFiles, MEDIA, parseReference, readLayout, sha256Hex, untar, parseChallenge } from "../../src/oci/index.js";
import { writeFilesAtomically } from "../../src/manifests/write-dir.js";
import { tempDir } from "../support/temp.js";

// The smallest valid module: magic + version.
const MODULE = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

describe("buildWasmImage", () => {
  it("oci variant: exactly two layers, the raw module and the wasm runtime config", () => {
    const img = buildWasmImage(MODULE, "oci");
    expect(img.manifest.config.mediaType).toBe("application/vnd.module.wasm.config.v1+json");
    expect(img.manifest.layers.map((l) => l.mediaType)).toEqual(["application/vnd.module.wasm.config.v1+json", "application/vnd.module.wasm.content.layer.v1+wasm"]);
    const wasmLayer = img.manifest.layers[1];
    expect(img.blobs.get(wasmLayer.digest)).toEqual(MODULE);
    expect(wasmLayer.digest).toBe(`sha256:${img.moduleSha256}`);
    expect(img.moduleSha256).toBe(sha256Hex(MODULE));
    expect(JSON.parse(img.blobs.get(img.manifest.config.digest)!.toString())).toMatchObject({ type: "envoy_proxy" });
    expect(img.manifestDigest).toBe(digestOf(img.manifestBytes));
  });

  it("compat variant: one tar.gz layer holding plugin.wasm, annotated", () => {
    const img = buildWasmImage(MODULE, "compat");
    expect(img.manifest.annotations).toEqual({ "module.wasm.image/variant": "compat" });
    expect(img.manifest.layers).toHaveLength(1);
    expect(img.manifest.layers[0].mediaType).toBe(MEDIA.tarGzLayer);
    const files = untar(gunzipSync(img.blobs.get(img.manifest.layers[0].digest)!));
    expect([...files.keys()]).toEqual(["plugin.wasm"]);
    expect(files.get("plugin.wasm")).toEqual(MODULE);
  });

  it("is reproducible: same module, same manifest digest", () => {
    for (const v of ["oci", "compat"] as const) expect(buildWasmImage(Buffer.from(MODULE), v).manifestDigest).toBe(buildWasmImage(MODULE, v).manifestDigest);
    expect(buildWasmImage(MODULE, "oci").manifestDigest).not.toBe(buildWasmImage(MODULE, "compat").manifestDigest);
  });

  it("refuses bytes that are not a module", () => {
    expect(() => buildWasmImage(Buffer.from("not wasm at all"))).toThrow(/not a WebAssembly module/);
  });

  it("layout: oci-layout, index.json naming the manifest, every blob under its digest", () => {
    const img = buildWasmImage(MODULE);
    const files = layoutFiles(img, "0.1.0");
    expect(JSON.parse(files.get("oci-layout")!.toString())).toEqual({ imageLayoutVersion: "1.0.0" });
    const index = JSON.parse(files.get("index.json")!.toString());
    expect(index.manifests[0]).toMatchObject({ digest: img.manifestDigest, size: img.manifestBytes.length, annotations: { "org.opencontainers.image.ref.name": "0.1.0" } });
    for (const [path, bytes] of files) if (path.startsWith("blobs/")) expect(`sha256:${path.split("/")[2]}`).toBe(digestOf(bytes));
    expect([...files.keys()].filter((p) => p.startsWith("blobs/"))).toHaveLength(3);
  });
});

describe("parseReference", () => {
  const good: [string, object][] = [
    ["ghcr.io/acme/meshwaf:0.1.0", { registry: "ghcr.io", repository: "acme/meshwaf", tag: "0.1.0" }],
    ["oci://127.0.0.1:5000/meshwaf:dev", { registry: "127.0.0.1:5000", repository: "meshwaf", tag: "dev" }],
    [`localhost:5000/a/b@sha256:${"a".repeat(64)}`, { registry: "localhost:5000", repository: "a/b", digest: `sha256:${"a".repeat(64)}` }],
  ];
  for (const [ref, want] of good) it(`parses ${ref}`, () => expect(parseReference(ref)).toMatchObject(want));
  const bad: [string, RegExp][] = [
    ["meshwaf:1", /no registry host/],
    ["ghcr.io/acme/meshwaf", /no tag or digest/],
    ["ghcr.io/Acme/meshwaf:1", /not a valid repository name/],
    ["ghcr.io/acme/meshwaf@sha256:abc", /digest is not sha256/],
  ];
  for (const [ref, msg] of bad) it(`rejects ${ref}`, () => expect(() => parseReference(ref)).toThrow(msg));
});

describe("parseChallenge", () => {
  it("reads a bearer challenge", () => {
    expect(parseChallenge('Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a:pull,push"')).toEqual({
      scheme: "bearer",
      params: { realm: "https://auth.example/token", service: "registry.example", scope: "repository:a:pull,push" },
    });
  });
});

describe("readLayout", () => {
  const write = () => {
    const dir = tempDir("layout");
    writeFilesAtomically(dir, layoutFiles(buildWasmImage(MODULE), "t"));
    return dir;
  };
  it("reads back what package writes", () => {
    const img = buildWasmImage(MODULE);
    const loaded = readLayout(write());
    expect(loaded).toMatchObject({ tag: "t", manifestDigest: img.manifestDigest });
    expect(loaded.blobs.map((b) => b.descriptor.digest)).toEqual([img.manifest.config.digest, img.manifest.layers[1].digest]);
  });
  it("names the file of a tampered blob", () => {
    const dir = write();
    const wasm = join(dir, "blobs", "sha256", sha256Hex(MODULE));
    writeFileSync(wasm, Buffer.concat([MODULE, Buffer.from([0])]));
    expect(() => readLayout(dir)).toThrow(`${wasm}: content does not match its digest sha256:${sha256Hex(MODULE)}`);
  });
  it("names what is missing in a directory that is not a layout", () => {
    const dir = tempDir("empty");
    expect(() => readLayout(dir)).toThrow(`${join(dir, "oci-layout")}: missing; expected an OCI image layout written by \`meshwaf package --out DIR\``);
  });
});
