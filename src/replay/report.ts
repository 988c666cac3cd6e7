// The replay report: a table per label x category, and the one-line JSON summary.
import type { ReplayResult } from "./replay.js";

export interface Summary {
  requests: number;
  attacks: number;
  attacks_blocked: number;
  tpr: number;
  benign: number;
  benign_blocked: number;
  fpr: number;
  p50_us: number;
  p99_us: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function summarise(results: ReplayResult[]): Summary {
  const attacks = results.filter((r) => r.label === "attack");
  const benign = results.filter((r) => r.label === "benign");
  const attacksBlocked = attacks.filter((r) => r.blocked).length;
  const benignBlocked = benign.filter((r) => r.blocked).length;
  const us = results.map((r) => r.us).sort((a, b) => a - b);
  return {
    requests: results.length,
    attacks: attacks.length,
    attacks_blocked: attacksBlocked,
    tpr: attacks.length ? round(attacksBlocked / attacks.length, 4) : 0,
    benign: benign.length,
    benign_blocked: benignBlocked,
    fpr: benign.length ? round(benignBlocked / benign.length, 4) : 0,
    p50_us: round(percentile(us, 50), 1),
    p99_us: round(percentile(us, 99), 1),
  };
}

/** Fixed-width table, rows sorted by label then category. */
export function table(results: ReplayResult[]): string {
  const groups = new Map<string, { label: string; category: string; count: number; blocked: number }>();
  for (const r of results) {
    const key = `${r.label}\0${r.category}`;
    const g = groups.get(key) ?? { label: r.label, category: r.category, count: 0, blocked: 0 };
    g.count++;
    if (r.blocked) g.blocked++;
    groups.set(key, g);
  }
  const rows = [...groups.values()].sort((a, b) => a.label.localeCompare(b.label) || a.category.localeCompare(b.category));
  const lines = [["label", "category", "count", "blocked", "rate"]];
  for (const g of rows) lines.push([g.label, g.category, String(g.count), String(g.blocked), `${((100 * g.blocked) / g.count).toFixed(1)}%`]);
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  return lines.map((l) => l.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ").trimEnd()).join("\n");
}
