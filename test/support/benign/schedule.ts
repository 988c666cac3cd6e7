// Cron schedules and semver ranges found in job and dependency configs.
import fc from "fast-check";
import { pick } from "../variants/positions.js";

const cronField = (max: number) => fc.oneof(
  fc.constant("*"), fc.integer({ min: 0, max }).map(String), fc.integer({ min: 2, max: Math.max(2, max >> 1) }).map((n) => `*/${n}`),
  fc.tuple(fc.integer({ min: 0, max: max >> 1 }), fc.integer({ min: (max >> 1) + 1, max })).map(([a, b]) => `${a}-${b}`),
  fc.array(fc.integer({ min: 0, max }), { minLength: 2, maxLength: 3 }).map((xs) => xs.join(",")),
);
/** A five- or six-field cron expression, or a macro. */
export const cron: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(cronField(59), cronField(23), cronField(28), cronField(12), fc.oneof(cronField(6), pick(["MON-FRI", "SUN", "1-5"]))).map((xs) => xs.join(" ")),
  fc.tuple(cronField(59), cronField(59), cronField(23), pick(["?", "*", "L", "1W"]), cronField(12), pick(["?", "MON#2", "6L"])).map((xs) => xs.join(" ")),
  pick(["@daily", "@hourly", "@weekly", "@every 5m", "@midnight"]),
);

const ver = fc.tuple(fc.nat(20), fc.nat(30), fc.nat(40), pick(["", "", "-beta.1", "-rc.2", "-alpha"])).map(([a, b, c, p]) => `${a}.${b}.${c}${p}`);
const one = fc.oneof(
  fc.tuple(pick(["", "^", "~", ">=", "<", ">", "<=", "="]), ver).map(([op, v]) => op + v),
  fc.tuple(fc.nat(9), fc.nat(9)).map(([a, b]) => `${a}.${b}.x`),
  fc.tuple(ver, ver).map(([a, b]) => `${a} - ${b}`),
  fc.tuple(ver, ver).map(([a, b]) => `>=${a} <${b}`),
  fc.constant("*"),
);
/** An npm/Cargo-style semver range. */
export const semverRange: fc.Arbitrary<string> = fc.array(one, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(" || "));
