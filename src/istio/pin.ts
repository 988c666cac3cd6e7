// What a WasmPlugin pins when the user gives no --sha256: Istio checks the module's sha256 for
// http(s) and file urls, but the image MANIFEST digest for oci urls. Packaging is reproducible,
// so the manifest digest of the local module is known without the registry.
import { buildWasmImage, sha256Hex, type Variant } from "../oci/index.js";
import { urlDigest } from "./wasmplugin.js";

export function pinnedSha256(url: string, module: Uint8Array, variant: Variant = "oci"): string {
  const inUrl = urlDigest(url);
  if (inUrl) return inUrl;
  if (url.startsWith("oci://")) return buildWasmImage(module, variant).manifestDigest.slice("sha256:".length);
  return sha256Hex(module);
}
