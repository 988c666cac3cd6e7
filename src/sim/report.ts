// The demo's HTML report: one self-contained file (inline CSS and SVG, no
// scripts, no external resources) with detection by category, the distribution
// of the time the filter added, and the service graph with allowed and denied edges.
import { DemoStats, percentile, type Summary } from "./stats.js";

export interface ReportInput {
  stats: DemoStats;
  summary: Summary;
  pattern: string;
  durationSeconds: number;
  /** Edges the policies allow, as [from, to]. */
  allowed: [string, string][];
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function categoryChart(stats: DemoStats): string {
  const cats = [...stats.categories.entries()].sort(([a], [b]) => a.localeCompare(b));
  if (cats.length === 0) return "<p>No attacks were sent.</p>";
  const rowH = 26, labelW = 90, barW = 380;
  const max = Math.max(...cats.map(([, c]) => c.sent));
  const bars = cats.map(([name, c], i) => {
    const y = i * rowH + 4;
    const sentW = (c.sent / max) * barW, blockedW = (c.blocked / max) * barW;
    return `<text x="0" y="${y + 15}">${esc(name)}</text>` +
      `<rect x="${labelW}" y="${y}" width="${sentW.toFixed(1)}" height="18" class="sent"/>` +
      `<rect x="${labelW}" y="${y}" width="${blockedW.toFixed(1)}" height="18" class="blocked"/>` +
      `<text x="${labelW + sentW + 6}" y="${y + 15}">${c.blocked}/${c.sent}</text>`;
  }).join("");
  return `<svg role="img" aria-label="attacks blocked by category" width="${labelW + barW + 70}" height="${cats.length * rowH + 8}">${bars}</svg>`;
}

function latencyChart(stats: DemoStats): string {
  const us = stats.allFilterUs();
  if (us.length === 0) return "<p>No request reached the filter.</p>";
  const hi = Math.max(1, percentile(us, 99.9));
  const buckets = 30, counts = new Array<number>(buckets).fill(0);
  for (const x of us) counts[Math.min(buckets - 1, Math.floor((x / hi) * buckets))]++;
  const w = 480, h = 160, bw = w / buckets, max = Math.max(...counts);
  const bars = counts.map((c, i) => {
    const bh = (c / max) * (h - 20);
    return `<rect x="${(i * bw).toFixed(1)}" y="${(h - 20 - bh).toFixed(1)}" width="${(bw - 1).toFixed(1)}" height="${bh.toFixed(1)}" class="lat"/>`;
  }).join("");
  return `<svg role="img" aria-label="time added by the filter" width="${w}" height="${h}">${bars}` +
    `<text x="0" y="${h - 4}">0 µs</text><text x="${w}" y="${h - 4}" text-anchor="end">${hi.toFixed(0)} µs</text></svg>`;
}

const POSITIONS: Record<string, [number, number]> = {
  outside: [60, 40], ingress: [60, 150], www: [250, 150], auth: [450, 70], db: [450, 230],
};

function graphChart(input: ReportInput): string {
  const denied = [...input.stats.edges.values()].filter((e) => e.kind === "forbidden").map((e) => [e.from, e.to] as [string, string]);
  const line = ([from, to]: [string, string], cls: string) => {
    const a = POSITIONS[from], b = POSITIONS[to];
    if (!a || !b) return "";
    return `<line x1="${a[0]}" y1="${a[1]}" x2="${b[0]}" y2="${b[1]}" class="${cls}" marker-end="url(#arrow-${cls})"/>`;
  };
  const nodes = Object.entries(POSITIONS).map(([name, [x, y]]) =>
    `<circle cx="${x}" cy="${y}" r="30" class="node"/><text x="${x}" y="${y + 5}" text-anchor="middle">${esc(name)}</text>`).join("");
  const marker = (cls: string) => `<marker id="arrow-${cls}" viewBox="0 0 10 10" refX="40" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0L10,5L0,10z" class="${cls}-head"/></marker>`;
  return `<svg role="img" aria-label="service graph" width="520" height="280"><defs>${marker("allowed")}${marker("denied")}</defs>` +
    input.allowed.map((e) => line(e, "allowed")).join("") + denied.map((e) => line(e, "denied")).join("") + nodes + `</svg>` +
    `<p class="legend"><span class="allowed-key">allowed by policy</span> · <span class="denied-key">attempted and denied</span></p>`;
}

export function renderReport(input: ReportInput): string {
  const s = input.summary;
  const rows = [...input.stats.edges.values()].sort((a, b) => a.name.localeCompare(b.name)).map((e) =>
    `<tr><td>${esc(e.name)}${e.kind === "forbidden" ? " (forbidden)" : ""}</td><td>${e.requests}</td><td>${e.attacksSent}</td><td>${e.attacksBlocked}</td><td>${e.benignBlocked}</td><td>${e.policyDenied}</td></tr>`).join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>meshwaf demo report</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2330;max-width:60rem}
h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse}td,th{padding:.25rem .75rem;border-bottom:1px solid #dde;text-align:right}td:first-child,th:first-child{text-align:left}
svg text{font-size:12px;fill:#1d2330}.sent{fill:#f3c0b8}.blocked{fill:#c0392b}.lat{fill:#2e86de}
.node{fill:#eef3fb;stroke:#2e86de;stroke-width:2}.allowed{stroke:#27ae60;stroke-width:3}.denied{stroke:#c0392b;stroke-width:2;stroke-dasharray:6 4}
.allowed-head{fill:#27ae60}.denied-head{fill:#c0392b}.allowed-key{color:#27ae60}.denied-key{color:#c0392b}
.kpi{display:flex;gap:1.5rem;flex-wrap:wrap}.kpi div{background:#f5f7fb;padding:.75rem 1rem;border-radius:6px}.kpi b{display:block;font-size:1.4rem}
</style></head><body>
<h1>meshwaf demo report</h1>
<p>Pattern <b>${esc(input.pattern)}</b>, ${input.durationSeconds.toFixed(0)} s of traffic.</p>
<div class="kpi">
<div><b id="requests">${s.requests}</b>requests</div>
<div><b id="attacks">${s.attacks_blocked}/${s.attacks_sent}</b>attacks blocked</div>
<div><b id="benign">${s.benign_blocked}</b>benign requests blocked</div>
<div><b id="forbidden">${s.forbidden_denied}/${s.forbidden_attempts}</b>forbidden calls denied</div>
<div><b>${s.p50_added_us} / ${s.p99_added_us} µs</b>filter time p50 / p99</div>
</div>
<h2>Detection by category</h2>${categoryChart(input.stats)}
<h2>Time added by the filter</h2>${latencyChart(input.stats)}
<h2>Service graph</h2>${graphChart(input)}
<h2>Edges</h2>
<table><thead><tr><th>edge</th><th>requests</th><th>attacks</th><th>blocked</th><th>benign blocked</th><th>policy denied</th></tr></thead><tbody>${rows}</tbody></table>
</body></html>
`;
}
