// Module hooks for scripts/probe-seeds.ts: a variants test file (test/engine/variants*.test.ts) gets the
// probe's recording stand-ins for vitest, fast-check, its check and rate helpers and the engine; every other
// module (the generators, the harness, the stand-ins themselves) gets the real ones.
const here = new URL("./", import.meta.url);
const STANDINS = { vitest: "vitest.ts", "fast-check": "fast-check.ts" };
const SUPPORT = [["/variants/check.js", "check.ts"], ["/variants/rate.js", "rate.ts"], ["/support/engine.js", "engine.ts"]];

export async function resolve(specifier, context, next) {
  if (context.parentURL && /\/test\/engine\/variants[^/]*\.test\.ts$/.test(context.parentURL)) {
    const own = STANDINS[specifier] ?? SUPPORT.find(([tail]) => specifier.endsWith(tail))?.[1];
    if (own) return next(new URL(own, here).href, context);
  }
  return next(specifier, context);
}
