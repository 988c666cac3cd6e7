// What the demo counts, per edge of the service graph and per attack category,
// and the summary it prints and reports.

export type EdgeKind = "allowed" | "forbidden";

export interface EdgeStats {
  name: string;
  from: string;
  to: string;
  kind: EdgeKind;
  requests: number;
  attacksSent: number;
  attacksBlocked: number;
  benignBlocked: number;
  policyDenied: number;
  errors: number;
  /** CPU time the filter added per inspected request, in µs. */
  filterUs: number[];
  /** Requests seen in the current rate window. */
  windowRequests: number;
  ratePerSecond: number;
}

export interface CategoryStats {
  sent: number;
  blocked: number;
}

export interface Summary {
  requests: number;
  attacks_sent: number;
  attacks_blocked: number;
  benign_blocked: number;
  forbidden_attempts: number;
  forbidden_denied: number;
  p50_added_us: number;
  p99_added_us: number;
}

export interface Outcome {
  attack: boolean;
  category?: string;
  /** "pass": reached the app; "waf": blocked by the filter; "policy": denied by micro-segmentation; "error": transport failure. */
  decision: "pass" | "waf" | "policy" | "error";
  filterUs?: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export class DemoStats {
  readonly edges = new Map<string, EdgeStats>();
  readonly categories = new Map<string, CategoryStats>();
  private windowStart = Date.now();

  edge(from: string, to: string, kind: EdgeKind): EdgeStats {
    const name = `${from} → ${to}`;
    let e = this.edges.get(name);
    if (!e) {
      e = { name, from, to, kind, requests: 0, attacksSent: 0, attacksBlocked: 0, benignBlocked: 0, policyDenied: 0, errors: 0, filterUs: [], windowRequests: 0, ratePerSecond: 0 };
      this.edges.set(name, e);
    }
    return e;
  }

  record(edge: EdgeStats, o: Outcome): void {
    edge.requests++;
    edge.windowRequests++;
    if (o.filterUs !== undefined) edge.filterUs.push(o.filterUs);
    if (o.decision === "error") edge.errors++;
    if (o.decision === "policy") edge.policyDenied++;
    if (o.attack) {
      edge.attacksSent++;
      const c = this.category(o.category ?? "other");
      c.sent++;
      if (o.decision === "waf") {
        edge.attacksBlocked++;
        c.blocked++;
      }
    } else if (o.decision === "waf") {
      edge.benignBlocked++;
    }
  }

  category(name: string): CategoryStats {
    let c = this.categories.get(name);
    if (!c) this.categories.set(name, (c = { sent: 0, blocked: 0 }));
    return c;
  }

  /** Turns the requests counted since the last call into per-edge rates. */
  tick(now = Date.now()): void {
    const seconds = Math.max(0.001, (now - this.windowStart) / 1000);
    for (const e of this.edges.values()) {
      e.ratePerSecond = e.windowRequests / seconds;
      e.windowRequests = 0;
    }
    this.windowStart = now;
  }

  allFilterUs(): number[] {
    const all: number[] = [];
    for (const e of this.edges.values()) all.push(...e.filterUs);
    return all.sort((a, b) => a - b);
  }

  summary(): Summary {
    let requests = 0, attacksSent = 0, attacksBlocked = 0, benignBlocked = 0, forbidden = 0, denied = 0;
    for (const e of this.edges.values()) {
      requests += e.requests;
      attacksSent += e.attacksSent;
      attacksBlocked += e.attacksBlocked;
      benignBlocked += e.benignBlocked;
      if (e.kind === "forbidden") {
        forbidden += e.requests;
        denied += e.policyDenied;
      }
    }
    const us = this.allFilterUs();
    const round = (x: number) => Math.round(x * 10) / 10;
    return {
      requests,
      attacks_sent: attacksSent,
      attacks_blocked: attacksBlocked,
      benign_blocked: benignBlocked,
      forbidden_attempts: forbidden,
      forbidden_denied: denied,
      p50_added_us: round(percentile(us, 50)),
      p99_added_us: round(percentile(us, 99)),
    };
  }
}
