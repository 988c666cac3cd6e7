// Stand-in for vitest in a variants test read by scripts/probe-seeds.ts: `describe` runs its body at once,
// `it` (and `it.each`) only note the test under its full title, hooks are noted; `expect` is the real one
// (a failing table case throws, and the probe ignores it).
import { expect } from "vitest";

export { expect };
type Fn = (...args: any[]) => unknown;
export const collected: { its: [string, Fn][]; before: Fn[] } = { its: [], before: [] };
const stack: string[] = [];

function format(name: string, row: unknown[]): string {
  let k = 0;
  const first = row[0];
  return name
    .replace(/%[sdijo]/g, (m) => {
      const x = row[k++];
      return m === "%j" || m === "%o" ? JSON.stringify(x) : String(x);
    })
    .replace(/\$([a-zA-Z_]\w*)/g, (_, key) => (first && typeof first === "object" ? String((first as Record<string, unknown>)[key]) : key));
}
const asRow = (x: unknown) => (Array.isArray(x) ? x : [x]);

export function describe(name: string, body: Fn): void {
  stack.push(name);
  try {
    body();
  } finally {
    stack.pop();
  }
}
describe.each = (rows: unknown[]) => (name: string, body: Fn) => {
  for (const row of rows) describe(format(name, asRow(row)), () => body(...asRow(row)));
};
export function it(name: string, body?: Fn): void {
  if (body) collected.its.push([[...stack, name].join(" > "), body]);
}
it.each = (rows: unknown[]) => (name: string, body: Fn) => {
  for (const row of rows) it(format(name, asRow(row)), () => body(...asRow(row)));
};
it.skip = () => {};
it.todo = () => {};
export const test = it;
export function beforeAll(fn: Fn): void {
  collected.before.push(fn);
}
export const beforeEach = beforeAll;
export function afterAll(): void {}
export const afterEach = afterAll;
