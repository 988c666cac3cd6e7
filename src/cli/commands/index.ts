// Every command registers itself on the program; the order is the order of `meshwaf --help`.
import type { Command } from "commander";
import { registerDemo } from "./demo.js";
import { registerServe } from "./serve.js";
import { registerReplay } from "./replay.js";
import { registerPackage } from "./package.js";
import { registerPush } from "./push.js";
import { registerWasmPlugin } from "./wasmplugin.js";
import { registerPolicy } from "./policy.js";
import { registerEnvoy } from "./envoy.js";
import { registerManifests } from "./manifests.js";
import { registerValidate } from "./validate.js";

export const commands: ((program: Command) => void)[] = [
  registerDemo,
  registerServe,
  registerReplay,
  registerPackage,
  registerPush,
  registerWasmPlugin,
  registerPolicy,
  registerEnvoy,
  registerManifests,
  registerValidate,
];
