// Time linear in input size: module CPU for adversarial bodies of 8 KiB and 64 KiB built from
// the shapes that make scanners backtrack or re-scan (runs of one metacharacter, deep nesting,
// many small parts). A linear engine shows a ratio near 8; the worst ratio is printed by bench.
import { Emulator, runRequest, type RequestSpec } from "../src/host/index.js";

interface Shape {
  name: string;
  contentType: string;
  build(size: number): string;
}

const repeat = (unit: string, size: number) => unit.repeat(Math.max(1, Math.floor(size / unit.length)));

const SHAPES: Shape[] = [
  ...["'", "\"", "<", "(", "%25", "../", "${", "/*", "\\u00", "&#x", "a ", "; ", "|", "{{", "\n", "%0a", "/etc/", "T(", "char(", "{"].map((unit) => ({
    name: `form run of ${JSON.stringify(unit)}`,
    contentType: "application/x-www-form-urlencoded",
    build: (size: number) => "v=" + repeat(unit, size - 2),
  })),
  { name: "form with many arguments", contentType: "application/x-www-form-urlencoded", build: (size) => repeat("a=b&", size) },
  { name: "deep JSON arrays", contentType: "application/json", build: (size) => "[".repeat(size / 2) + "]".repeat(size / 2) },
  { name: "JSON with many keys", contentType: "application/json", build: (size) => "{" + repeat('"k":"v",', size - 10) + '"z":1}' },
  { name: "XML with many elements", contentType: "application/xml", build: (size) => "<a>" + repeat("<b x='1'>t</b>", size - 7) + "</a>" },
  { name: "XML deep nesting", contentType: "application/xml", build: (size) => repeat("<a>", size / 2) + repeat("</a>", size / 2) },
  {
    name: "multipart with many parts",
    contentType: "multipart/form-data; boundary=XyZ",
    build: (size) => repeat('--XyZ\r\nContent-Disposition: form-data; name="f"\r\n\r\nv\r\n', size - 9) + "--XyZ--\r\n",
  },
];

function cpuUs(em: Emulator, spec: RequestSpec): number {
  runRequest(em, spec); // warm
  // The fastest of five: one run that holds a collection or the OS's preemption would otherwise
  // read as a shape that scales badly (a median of three once printed 50 for a ratio of 10).
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const r = runRequest(em, spec);
    best = Math.min(best, r.cpuUs - r.hostUs);
  }
  return best;
}

export interface Scaling {
  shape: string;
  ratio: number;
}

/** The ratio of module CPU at 64 KiB to 8 KiB for each shape, worst first. */
export function scaling(em: Emulator): Scaling[] {
  const out: Scaling[] = [];
  for (const shape of SHAPES) {
    const spec = (size: number): RequestSpec => ({
      method: "POST",
      path: "/scaling",
      headers: [["content-type", shape.contentType]],
      body: shape.build(size),
      chunkSize: 64 * 1024,
    });
    out.push({ shape: shape.name, ratio: cpuUs(em, spec(64 * 1024)) / cpuUs(em, spec(8 * 1024)) });
  }
  return out.sort((a, b) => b.ratio - a.ratio);
}
