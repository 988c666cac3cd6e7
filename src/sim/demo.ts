// The demo's orchestration: start the apps and their protection, drive traffic
// for the requested time, show it live, and summarise.
import { readFile, writeFile } from "node:fs/promises";
import { Emulator } from "../host/index.js";
import { Random } from "./random.js";
import { DemoStats, type Summary } from "./stats.js";
import { startApp, SERVICES, type App } from "./services.js";
import { startFront, type Front } from "./front.js";
import { TrafficGenerator } from "./traffic.js";
import { LiveView, PlainView, summaryText, type View } from "./view.js";
import { renderReport } from "./report.js";
import { buildSetup, type Pattern } from "./setup.js";

export interface DemoOptions {
  durationSeconds: number;
  /** Stops after this many requests (or at the duration, whichever comes first): the same seed then sends the same traffic on any machine. */
  maxRequests?: number;
  pattern: Pattern;
  /** Requests per second over all edges. */
  rate: number;
  attackRate: number;
  responseSize: number;
  seed: number;
  wasmPath: string;
  reportPath?: string;
  /** Where progress goes; the live view is used when it is a TTY. */
  out: NodeJS.WriteStream;
  /** Stops the run early (Ctrl-C). */
  signal?: AbortSignal;
}

export interface DemoResult {
  summary: Summary;
  text: string;
}

const FORBIDDEN_RATE = 0.03;
const MAX_IN_FLIGHT = 32;

export async function runDemo(o: DemoOptions): Promise<DemoResult> {
  const wasm = await readFile(o.wasmPath);
  const setup = buildSetup(o.pattern, wasm);
  const stats = new DemoStats();
  const apps: App[] = [];
  const fronts: Front[] = [];
  let traffic: TrafficGenerator | undefined;
  try {
    const ports: Record<string, number> = {};
    for (const [i, name] of SERVICES.entries()) {
      const app = await startApp(name, o.responseSize, o.seed + i);
      apps.push(app);
      const emulator = await Emulator.load(wasm, { config: JSON.stringify(setup.pluginConfig), rootId: "meshwaf" });
      if (!emulator.configured) throw new Error(`the module refused the plugin configuration of ${name}`);
      const front = await startFront({ service: name, appPort: app.port, emulator, gate: setup.gate(name) });
      fronts.push(front);
      ports[name] = front.port;
    }
    traffic = new TrafficGenerator({
      ports, callers: setup.callers, stats, random: new Random(o.seed), attackRate: o.attackRate, forbiddenRate: FORBIDDEN_RATE,
    });
    const view: View = o.out.isTTY ? new LiveView(o.out, `meshwaf demo (${o.pattern})`) : new PlainView(o.out);
    const started = Date.now();
    const deadline = started + o.durationSeconds * 1000;
    let inFlight = 0, due = 0, lastTick = started, lastView = started;
    const pending = new Set<Promise<void>>();
    const maxRequests = o.maxRequests ?? Infinity;
    let sent = 0;
    while (Date.now() < deadline && sent < maxRequests && !o.signal?.aborted) {
      const now = Date.now();
      due += ((now - lastTick) / 1000) * o.rate;
      lastTick = now;
      while (due >= 1 && inFlight < MAX_IN_FLIGHT && sent < maxRequests) {
        due -= 1;
        sent++;
        inFlight++;
        const p = traffic.once().finally(() => { inFlight--; pending.delete(p); });
        pending.add(p);
      }
      if (now - lastView >= 500) {
        stats.tick(now);
        view.update(stats, (now - started) / 1000);
        lastView = now;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    await Promise.all(pending);
    stats.tick();
    view.update(stats, (Date.now() - started) / 1000);
    view.finish();
    const summary = stats.summary();
    if (o.reportPath) {
      const html = renderReport({ stats, summary, pattern: o.pattern, durationSeconds: (Date.now() - started) / 1000, allowed: setup.allowedEdges });
      await writeFile(o.reportPath, html);
    }
    return { summary, text: summaryText(stats, summary) };
  } finally {
    traffic?.close();
    await Promise.all([...fronts, ...apps].map((s) => s.close()));
  }
}
