// Reads a labelled request corpus (JSON Lines, format of shared/corpus/README.md) strictly:
// a malformed line is an error naming the file and line number.
import { existsSync, readFileSync } from "node:fs";
import { UserError } from "../cli/errors.js";
import type { Header } from "../host/index.js";

export interface CorpusRequest {
  id: string;
  label: string;
  category: string;
  method: string;
  path: string;
  headers: Header[];
  /** Body bytes (from `body`, or `body_b64` when the body is not UTF-8); null without a body. */
  body: Buffer | null;
  /** 1-based line in the file. */
  line: number;
}

function fail(file: string, line: number, message: string): never {
  throw new UserError(`${file}:${line}: ${message}`);
}

export function parseCorpusLine(text: string, file: string, line: number): CorpusRequest {
  let rec: any;
  try {
    rec = JSON.parse(text);
  } catch (err) {
    fail(file, line, `not valid JSON (${(err as Error).message})`);
  }
  if (rec === null || typeof rec !== "object" || Array.isArray(rec)) fail(file, line, "expected a JSON object");
  for (const field of ["id", "label", "method", "path"]) {
    if (typeof rec[field] !== "string" || rec[field] === "") fail(file, line, `"${field}" must be a non-empty string`);
  }
  const headers = rec.headers ?? [];
  if (!Array.isArray(headers) || !headers.every((h: unknown) => Array.isArray(h) && h.length === 2 && h.every((x) => typeof x === "string"))) {
    fail(file, line, `"headers" must be a list of [name, value] string pairs`);
  }
  let body: Buffer | null = null;
  if (typeof rec.body_b64 === "string") body = Buffer.from(rec.body_b64, "base64");
  else if (typeof rec.body === "string") body = Buffer.from(rec.body, "utf8");
  else if (rec.body !== null && rec.body !== undefined) fail(file, line, `"body" must be a string or null`);
  const category = typeof rec.category === "string" ? rec.category : rec.label;
  return { id: rec.id, label: rec.label, category, method: rec.method, path: rec.path, headers, body, line };
}

export function readCorpus(file: string): CorpusRequest[] {
  if (!existsSync(file)) throw new UserError(`corpus ${file} not found`);
  const out: CorpusRequest[] = [];
  const lines = readFileSync(file, "utf8").split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    out.push(parseCorpusLine(lines[i], file, i + 1));
  }
  if (out.length === 0) throw new UserError(`corpus ${file} has no requests`);
  return out;
}
