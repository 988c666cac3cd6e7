import { describe, it, expect } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DemoStats } from "../../src/sim/stats.js";
import { renderReport } from "../../src/sim/report.js";
import { hasChromium, launchBrowser } from "../support/browser.js";

function sampleStats(): DemoStats {
  const stats = new DemoStats();
  const wwwDb = stats.edge("www", "db", "allowed");
  for (let i = 0; i < 40; i++) stats.record(wwwDb, { attack: false, decision: "pass", filterUs: 5 + (i % 7) });
  stats.record(wwwDb, { attack: true, category: "sqli", decision: "waf", filterUs: 30 });
  stats.record(wwwDb, { attack: true, category: "xss", decision: "pass", filterUs: 12 });
  const authDb = stats.edge("auth", "db", "forbidden");
  stats.record(authDb, { attack: false, decision: "policy" });
  return stats;
}

describe("demo report", () => {
  it("is self-contained: no scripts and no external resources", () => {
    const stats = sampleStats();
    const html = renderReport({ stats, summary: stats.summary(), pattern: "mesh", durationSeconds: 3, allowed: [["www", "db"]] });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="https?:/i);
    expect(html).toContain('id="attacks">1/2<');
    expect(html).toContain('id="forbidden">1/1<');
  });

  it("escapes names that come from the run", () => {
    const stats = new DemoStats();
    stats.record(stats.edge("<b>x</b>", "db", "allowed"), { attack: true, category: "<img>", decision: "waf" });
    const html = renderReport({ stats, summary: stats.summary(), pattern: "mesh", durationSeconds: 1, allowed: [] });
    expect(html).not.toContain("<b>x</b>");
    expect(html).not.toContain("<img>");
  });

  it.skipIf(!hasChromium())("renders in headless Chromium without console errors", async () => {
    const stats = sampleStats();
    const dir = join(process.cwd(), "test-artifacts");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "demo-report.html");
    writeFileSync(file, renderReport({ stats, summary: stats.summary(), pattern: "mesh", durationSeconds: 3, allowed: [["ingress", "www"], ["www", "db"]] }));
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
      const errors: string[] = [];
      page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(pathToFileURL(file).href);
      expect(await page.title()).toBe("meshwaf demo report");
      const charts = await page.locator("svg[role=img]").evaluateAll((els) => els.map((e) => {
        const r = e.getBoundingClientRect();
        return { label: e.getAttribute("aria-label"), width: r.width, height: r.height, shapes: e.querySelectorAll("rect,line,circle").length };
      }));
      expect(charts.map((c) => c.label)).toEqual(["attacks blocked by category", "time added by the filter", "service graph"]);
      for (const c of charts) {
        expect(c.width).toBeGreaterThan(100);
        expect(c.height).toBeGreaterThan(20);
        expect(c.shapes).toBeGreaterThan(0);
      }
      await page.screenshot({ path: join(dir, "demo-report.png"), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
