// Terminal output of the demo: a table redrawn in place on a TTY, periodic plain
// lines otherwise (CI logs, pipes).
import { DemoStats, percentile, type Summary } from "./stats.js";

const COLUMNS = ["edge", "req/s", "requests", "attacks", "blocked", "benign blocked", "policy denied", "p50 µs", "p99 µs"];

export function edgeRows(stats: DemoStats): string[][] {
  const rows: string[][] = [];
  for (const e of stats.edges.values()) {
    const us = [...e.filterUs].sort((a, b) => a - b);
    rows.push([
      e.kind === "forbidden" ? `${e.name} (forbidden)` : e.name,
      e.ratePerSecond.toFixed(1),
      String(e.requests),
      String(e.attacksSent),
      String(e.attacksBlocked),
      String(e.benignBlocked),
      String(e.policyDenied),
      us.length ? percentile(us, 50).toFixed(1) : "-",
      us.length ? percentile(us, 99).toFixed(1) : "-",
    ]);
  }
  return rows.sort((a, b) => a[0].localeCompare(b[0]));
}

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function summaryText(stats: DemoStats, s: Summary): string {
  const cats = [...stats.categories.entries()].sort(([a], [b]) => a.localeCompare(b));
  return [
    table(COLUMNS, edgeRows(stats)),
    "",
    table(["attack category", "sent", "blocked"], cats.map(([name, c]) => [name, String(c.sent), String(c.blocked)])),
    "",
    `requests ${s.requests} · attacks blocked ${s.attacks_blocked}/${s.attacks_sent} · benign blocked ${s.benign_blocked}` +
      ` · forbidden calls denied ${s.forbidden_denied}/${s.forbidden_attempts} · filter time p50 ${s.p50_added_us} µs, p99 ${s.p99_added_us} µs`,
  ].join("\n");
}

export interface View {
  update(stats: DemoStats, elapsedSeconds: number): void;
  finish(): void;
}

/** Redraws the table in place: moves the cursor up over the previous frame and clears it. */
export class LiveView implements View {
  private lines = 0;

  constructor(private readonly out: NodeJS.WriteStream, private readonly title: string) {}

  update(stats: DemoStats, elapsed: number): void {
    const frame = `${this.title} · ${elapsed.toFixed(0)} s · Ctrl-C to stop\n\n${table(COLUMNS, edgeRows(stats))}\n`;
    if (this.lines > 0) this.out.write(`\x1b[${this.lines}F\x1b[0J`);
    this.out.write(frame);
    this.lines = frame.split("\n").length - 1;
  }

  finish(): void {
    this.lines = 0;
  }
}

/** Without a TTY: one line every few seconds. */
export class PlainView implements View {
  private last = -Infinity;

  constructor(private readonly out: NodeJS.WritableStream, private readonly everySeconds = 5) {}

  update(stats: DemoStats, elapsed: number): void {
    if (elapsed - this.last < this.everySeconds) return;
    this.last = elapsed;
    const s = stats.summary();
    this.out.write(`[${elapsed.toFixed(0)}s] requests ${s.requests}, attacks blocked ${s.attacks_blocked}/${s.attacks_sent}, ` +
      `benign blocked ${s.benign_blocked}, forbidden denied ${s.forbidden_denied}/${s.forbidden_attempts}\n`);
  }

  finish(): void {}
}
