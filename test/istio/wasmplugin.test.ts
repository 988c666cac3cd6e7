import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateWasmPlugin } from "../../src/istio/wasmplugin.js";
import { pinnedSha256 } from "../../src/istio/pin.js";
import { buildWasmImage, sha256Hex } from "../../src/oci/index.js";
import { wasmPluginOptions, asUserError, type WasmPluginFlags } from "../../src/cli/commands/wasmplugin.js";

const HEX = "a".repeat(64);
const MODULE = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

describe("generateWasmPlugin", () => {
  it("secure defaults: FAIL_CLOSE, AUTHN, SERVER, pinned, blocking", () => {
    const doc = generateWasmPlugin({ url: "oci://ghcr.io/acme/meshwaf:0.1.0", sha256: HEX });
    expect(doc).toEqual({
      apiVersion: "extensions.istio.io/v1alpha1",
      kind: "WasmPlugin",
      metadata: { name: "meshwaf", namespace: "istio-system", labels: { "app.kubernetes.io/managed-by": "meshwaf" } },
      spec: {
        url: "oci://ghcr.io/acme/meshwaf:0.1.0",
        sha256: HEX,
        phase: "AUTHN",
        failStrategy: "FAIL_CLOSE",
        imagePullPolicy: "IfNotPresent",
        match: [{ mode: "SERVER" }],
        pluginConfig: { mode: "block" },
      },
    });
  });

  it("passes every option through", () => {
    const doc = generateWasmPlugin({
      url: "https://example.com/meshwaf.wasm", sha256: HEX, name: "waf", namespace: "shop", selector: { app: "www" }, pluginConfig: { mode: "detect", paranoiaLevel: 2 },
      phase: "AUTHZ", priority: 10, failStrategy: "FAIL_RELOAD", imagePullPolicy: "Always", imagePullSecret: "regcred", matchMode: "CLIENT_AND_SERVER",
    });
    expect(doc.metadata).toMatchObject({ name: "waf", namespace: "shop" });
    expect(doc.spec).toMatchObject({ selector: { matchLabels: { app: "www" } }, pluginConfig: { mode: "detect", paranoiaLevel: 2 }, phase: "AUTHZ", priority: 10, failStrategy: "FAIL_RELOAD", imagePullPolicy: "Always", imagePullSecret: "regcred", match: [{ mode: "CLIENT_AND_SERVER" }] });
  });

  const bad: [string, object, RegExp][] = [
    ["a url without scheme", { url: "ghcr.io/a/b:1" }, /^url: "ghcr.io\/a\/b:1" is not valid; expected oci:\/\//],
    ["a short sha256", { sha256: "abc" }, /^sha256: "abc" is not valid; expected 64 lower-case hex digits/],
    ["a sha256 that contradicts the url", { url: `oci://r.io/a@sha256:${"b".repeat(64)}` }, /does not match the digest in the url/],
    ["an invalid plugin configuration", { pluginConfig: { mode: "audit" }, configSource: "waf.json" }, /waf\.json is invalid:\n {2}- mode: must be one of "block", "detect"/],
    ["an unknown configuration field", { pluginConfig: { paranoia: 2 } }, /pluginConfig is invalid:\n {2}- configuration: unknown field "paranoia"/],
    ["an exclusion of a rule the registry lacks", { pluginConfig: { exclusions: [{ ruleIds: [1052] }] } }, /pluginConfig is invalid:\n {2}- exclusions\.0\.ruleIds: unknown rule id 1052 /],
    ["an exclusion of a target no request has", { pluginConfig: { exclusions: [{ categories: ["sqli"], target: "json:items[0].q" }] } }, /pluginConfig is invalid:\n {2}- exclusions\.0\.target: "json:items\[0\]\.q" can never match: array elements are named by their index/],
    ["a bad namespace", { namespace: "Shop" }, /^namespace: "Shop" is not valid/],
    ["a fractional priority", { priority: 1.5 }, /^priority: 1.5 is not valid/],
  ];
  for (const [name, patch, msg] of bad) {
    it(`rejects ${name}`, () => expect(() => generateWasmPlugin({ url: "oci://ghcr.io/a/b:1", sha256: HEX, ...patch })).toThrow(msg));
  }
});

describe("the pin", () => {
  it("oci urls pin the manifest digest, https urls the module's sha256, a digest in the url wins", () => {
    expect(pinnedSha256("oci://r.io/a:1", MODULE)).toBe(buildWasmImage(MODULE, "oci").manifestDigest.slice(7));
    expect(pinnedSha256("oci://r.io/a:1", MODULE, "compat")).toBe(buildWasmImage(MODULE, "compat").manifestDigest.slice(7));
    expect(pinnedSha256("https://x/m.wasm", MODULE)).toBe(sha256Hex(MODULE));
    expect(pinnedSha256(`oci://r.io/a@sha256:${HEX}`, MODULE)).toBe(HEX);
  });

  const flags: WasmPluginFlags = {
    url: "https://example.com/meshwaf.wasm", wasm: "build/meshwaf.wasm", variant: "oci", name: "meshwaf", namespace: "istio-system", selector: [],
    phase: "AUTHN", failStrategy: "FAIL_CLOSE", imagePullPolicy: "IfNotPresent", matchMode: "SERVER",
  };
  it("the command computes it from the local build", () => {
    const opts = wasmPluginOptions(flags);
    expect(opts.sha256).toBe(sha256Hex(readFileSync("build/meshwaf.wasm")));
  });
  const badFlags: [Partial<WasmPluginFlags>, RegExp][] = [
    [{ failStrategy: "FAIL_SOMETIMES" }, /--fail-strategy: "FAIL_SOMETIMES" is not valid; expected one of FAIL_CLOSE, FAIL_OPEN, FAIL_RELOAD/],
    [{ selector: ["app"] }, /--selector: "app" is not valid; expected LABEL=VALUE/],
    [{ wasm: "missing.wasm" }, /missing\.wasm: cannot read the module \(ENOENT\)/],
    [{ sha256: "xyz" }, /--sha256: "xyz" is not valid/],
    [{ phase: "LATE" }, /--phase: "LATE" is not valid/],
  ];
  for (const [patch, msg] of badFlags) {
    it(`flags ${JSON.stringify(patch)} are refused`, () => expect(() => asUserError(() => generateWasmPlugin(wasmPluginOptions({ ...flags, ...patch })))).toThrow(msg));
  }
});
