// Runs around every test file (vitest setupFiles).
import fc from "fast-check";
import { afterAll } from "vitest";
import { removeTempDirs } from "./support/temp.js";

// Property tests draw from one fixed seed, so CI gives the same verdict on every run; set
// FC_SEED to explore others locally (a failure prints the seed and path that replay it).
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261129) });

afterAll(removeTempDirs);
