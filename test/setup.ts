// Runs around every test file (vitest setupFiles).
import { afterAll } from "vitest";
import { removeTempDirs } from "./support/temp.js";

afterAll(removeTempDirs);
