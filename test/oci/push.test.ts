// Push to a real registry (Debian's docker-registry on 127.0.0.1), pull back by digest, compare bytes.
import { readFileSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWasmImage, layoutFiles, parseReference, pushImage, readLayout, RegistryClient } from "../../src/oci/index.js";
import { writeFilesAtomically } from "../../src/manifests/write-dir.js";
import { runCliInProcess } from "../support/cli.js";
import { registryAvailable, startRegistry, TEST_USER, type TestRegistry } from "../support/registry.js";
import { tempDir } from "../support/temp.js";

const available = registryAvailable();
if (!available) console.warn("SKIPPED test/oci/push.test.ts: docker-registry is not installed (apt-get install -y docker-registry; .ci/run installs it)");

const MODULE = readFileSync(new URL("../../build/meshwaf.wasm", import.meta.url));

function layoutOf(variant: "oci" | "compat"): string {
  const dir = tempDir(`layout-${variant}`);
  writeFilesAtomically(dir, layoutFiles(buildWasmImage(MODULE, variant), "test"));
  return dir;
}

async function pullAndCompare(client: RegistryClient, digest: string, expected: ReturnType<typeof buildWasmImage>): Promise<void> {
  const manifestBytes = await client.getManifest(digest);
  expect(manifestBytes.equals(expected.manifestBytes)).toBe(true);
  for (const layer of expected.manifest.layers) expect((await client.getBlob(layer.digest)).equals(expected.blobs.get(layer.digest)!)).toBe(true);
}

describe.skipIf(!available)("push to docker-registry", () => {
  let open: TestRegistry;
  let authed: TestRegistry;
  beforeAll(async () => {
    [open, authed] = await Promise.all([startRegistry(), startRegistry({ htpasswd: true })]);
  });
  afterAll(async () => {
    await Promise.all([open?.stop(), authed?.stop()]);
  });

  it("meshwaf package + push: pulled back by digest, the bytes are the module's", async () => {
    const dir = tempDir("pkg");
    const pkg = await runCliInProcess(["package", "--out", join(dir, "layout")]);
    expect(pkg.status).toBe(0);
    const image = buildWasmImage(MODULE, "oci");
    expect(pkg.stdout).toContain(`module sha256:  ${image.moduleSha256}`);
    expect(pkg.stdout).toContain(`manifest digest: ${image.manifestDigest}`);
    const push = await runCliInProcess(["push", join(dir, "layout"), `${open.address}/meshwaf:cli`, "--insecure"]);
    expect(push.stderr).toBe("");
    expect(push.stdout).toContain(`@${image.manifestDigest}`);
    expect(push.stdout).toContain("blobs uploaded: 2, already present: 0");
  });

  for (const variant of ["oci", "compat"] as const) {
    it(`${variant} variant round-trips byte for byte`, async () => {
      const ref = parseReference(`${open.address}/meshwaf-${variant}:v1`);
      const result = await pushImage(readLayout(layoutOf(variant)), ref, { insecure: true });
      const expected = buildWasmImage(MODULE, variant);
      expect(result.manifestDigest).toBe(expected.manifestDigest);
      await pullAndCompare(new RegistryClient(ref, { insecure: true }), expected.manifestDigest, expected);
      // Pushing again uploads nothing: the HEAD check finds every blob.
      const again = await pushImage(readLayout(layoutOf(variant)), ref, { insecure: true });
      expect(again.uploaded).toEqual([]);
    });
  }

  it("basic auth: refused without credentials, accepted with them", async () => {
    const ref = parseReference(`${authed.address}/private/meshwaf:v1`);
    await expect(pushImage(readLayout(layoutOf("oci")), ref, { insecure: true })).rejects.toThrow(/HTTP 401 \(check MESHWAF_REGISTRY_TOKEN or MESHWAF_REGISTRY_USERNAME\/PASSWORD\)/);
    const result = await pushImage(readLayout(layoutOf("oci")), ref, { insecure: true, credentials: TEST_USER });
    await pullAndCompare(new RegistryClient(ref, { insecure: true, credentials: TEST_USER }), result.manifestDigest, buildWasmImage(MODULE, "oci"));
  });

  it("bearer token flow: a 401 challenge is answered with a token from the realm", async () => {
    // A front that demands a bearer token (as ghcr.io or Docker Hub do) and forwards to the open registry.
    const tokens: string[] = [];
    const front = http.createServer((req, res) => {
      if (req.url?.startsWith("/token")) {
        const ok = req.headers.authorization === `Basic ${Buffer.from("robot:s3cret").toString("base64")}`;
        res.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
        if (ok) tokens.push(new URL(req.url, "http://x").searchParams.get("scope") ?? "");
        return res.end(ok ? JSON.stringify({ token: "t0k3n" }) : "{}");
      }
      if (req.headers.authorization !== "Bearer t0k3n") {
        res.writeHead(401, { "www-authenticate": `Bearer realm="http://${host}/token",service="test",scope="repository:tok/meshwaf:pull,push"` });
        return res.end();
      }
      const up = http.request({ host: "127.0.0.1", port: Number(open.address.split(":")[1]), method: req.method, path: req.url, headers: { ...req.headers, host: open.address } }, (r) => {
        const headers = { ...r.headers };
        if (headers.location) headers.location = headers.location.replace(open.address, host);
        res.writeHead(r.statusCode ?? 502, headers);
        r.pipe(res);
      });
      req.pipe(up);
    });
    await new Promise<void>((r) => front.listen(0, "127.0.0.1", r));
    const host = `127.0.0.1:${(front.address() as { port: number }).port}`;
    try {
      const ref = parseReference(`${host}/tok/meshwaf:v1`);
      const result = await pushImage(readLayout(layoutOf("oci")), ref, { insecure: true, credentials: { username: "robot", password: "s3cret" } });
      expect(result.manifestDigest).toBe(buildWasmImage(MODULE, "oci").manifestDigest);
      expect(tokens).toEqual(["repository:tok/meshwaf:pull,push"]);
      await expect(pushImage(readLayout(layoutOf("oci")), ref, { insecure: true, credentials: { username: "robot", password: "wrong" } })).rejects.toThrow(/token request .* failed: HTTP 401/);
    } finally {
      await new Promise((r) => front.close(r));
    }
  });
});
