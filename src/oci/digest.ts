// Content addressing: every OCI blob is named by the sha256 of its bytes.
import { createHash } from "node:crypto";

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function digestOf(bytes: Uint8Array): string {
  return `sha256:${sha256Hex(bytes)}`;
}

export const DIGEST = /^sha256:[0-9a-f]{64}$/;
