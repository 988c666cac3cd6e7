#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npm ci && npx meshwaf ...` needs no compile step.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/index.ts");
