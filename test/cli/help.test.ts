// Every command's --help says which options must be given: commander marks none itself, and a user
// learns it only from the error after a run.
import { describe, expect, it } from "vitest";
import { Command, type Option } from "commander";
import { commands } from "../../src/cli/commands/index.js";

function allCommands(root: Command): Command[] {
  return root.commands.flatMap((c) => [c, ...allCommands(c)]);
}

describe("meshwaf --help", () => {
  const program = new Command("meshwaf");
  for (const register of commands) register(program);
  const required = allCommands(program).flatMap((c) => c.options.filter((o: Option) => o.mandatory).map((o): [string, Option] => [c.name(), o]));

  it("has required options to check", () => expect(required.length).toBeGreaterThanOrEqual(8));

  for (const [command, option] of required) {
    it(`${command} ${option.long}: its description says it is required`, () => {
      expect(option.description).toMatch(/\brequired\b/);
    });
  }
});
