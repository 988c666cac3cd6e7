// Loading a request corpus (format: ../shared/corpus/README.md) as host request specs.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { RequestSpec } from "../src/host/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));

interface CorpusRecord {
  id: string;
  label: string;
  category: string;
  method: string;
  path: string;
  headers: [string, string][];
  body: string | null;
  body_b64?: string;
}

export interface CorpusRequest {
  id: string;
  label: string;
  spec: RequestSpec;
}

/** The full dev corpus when this checkout sits beside ../shared (or MESHWAF_CORPUS names one), else the sample in the repo. */
export function corpusPath(): string {
  const candidates = [
    process.env.MESHWAF_CORPUS,
    `${root}../shared/corpus/dev.jsonl`,
    `${root}../../shared/corpus/dev.jsonl`, // a git worktree one level deeper
    `${root}test/fixtures/corpus-sample.jsonl`,
  ];
  return candidates.find((p): p is string => p !== undefined && existsSync(p))!;
}

export function loadCorpus(path: string): CorpusRequest[] {
  const out: CorpusRequest[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const r = JSON.parse(line) as CorpusRecord;
    const body = r.body_b64 !== undefined ? Buffer.from(r.body_b64, "base64") : r.body === null ? null : Buffer.from(r.body, "utf8");
    out.push({
      id: r.id,
      label: r.label,
      spec: { method: r.method, path: r.path, headers: r.headers, body, chunkSize: 16 * 1024, source: { address: "10.1.2.3:40000" } },
    });
  }
  return out;
}
