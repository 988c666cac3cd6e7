// Stats the module defines with proxy_define_metric, with Envoy's rules: a name defined twice is the
// same metric; counters only grow (increment by <= 0 is BadArgument); gauges go both ways; histograms
// only record (increment/get are BadArgument). Ids carry the type in their low bits like Envoy's.
import { MetricType, Status } from "./abi.js";

export type MetricKind = "counter" | "gauge" | "histogram";
const KINDS: MetricKind[] = ["counter", "gauge", "histogram"];

export interface Metric {
  readonly name: string;
  readonly kind: MetricKind;
  /** Counter/gauge value; for a histogram the number of recorded values. */
  value: bigint;
  /** Histogram samples (empty for counters and gauges). */
  readonly samples: bigint[];
}

export class MetricStore {
  private readonly byId = new Map<number, Metric>();
  private readonly idByName = new Map<string, number>();
  private nextIndex = 1;

  define(type: number, name: string): { status: Status; id?: number } {
    const kind = KINDS[type];
    if (kind === undefined) return { status: Status.BadArgument };
    const key = `${kind}:${name}`;
    const known = this.idByName.get(key);
    if (known !== undefined) return { status: Status.Ok, id: known };
    const id = this.nextIndex++ * 4 + type + 1;
    this.byId.set(id, { name, kind, value: 0n, samples: [] });
    this.idByName.set(key, id);
    return { status: Status.Ok, id };
  }

  increment(id: number, offset: bigint): Status {
    const m = this.byId.get(id);
    if (!m) return Status.NotFound;
    if (m.kind === "histogram") return Status.BadArgument;
    if (m.kind === "counter" && offset <= 0n) return Status.BadArgument;
    m.value += offset;
    if (m.kind === "gauge" && m.value < 0n) m.value = 0n; // Envoy gauges are unsigned
    return Status.Ok;
  }

  record(id: number, value: bigint): Status {
    const m = this.byId.get(id);
    if (!m) return Status.NotFound;
    if (m.kind === "counter") m.value += value;
    else if (m.kind === "gauge") m.value = value;
    else {
      m.samples.push(value);
      m.value = BigInt(m.samples.length);
    }
    return Status.Ok;
  }

  get(id: number): { status: Status; value?: bigint } {
    const m = this.byId.get(id);
    if (!m) return { status: Status.NotFound };
    if (m.kind === "histogram") return { status: Status.BadArgument };
    return { status: Status.Ok, value: m.value };
  }

  /** Every metric by name (a name defined with two types keeps the first). */
  all(): Map<string, Metric> {
    const out = new Map<string, Metric>();
    for (const m of this.byId.values()) if (!out.has(m.name)) out.set(m.name, m);
    return out;
  }
}

// Keep the enum import used for readers who search for MetricType.
export const METRIC_TYPES = { counter: MetricType.Counter, gauge: MetricType.Gauge, histogram: MetricType.Histogram };
