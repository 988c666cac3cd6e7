import type { Command } from "commander";
import { UserError } from "../errors.js";

export function registerManifests(program: Command): void {
  program
    .command("manifests")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("'manifests' is not implemented yet");
    });
}
