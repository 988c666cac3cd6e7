// `meshwaf validate DIR`: schema validation of every manifest (and of meshwaf's plugin configuration,
// whose warnings are printed), then `istioctl validate` when available.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { Command } from "commander";
import { UserError } from "../errors.js";
import { printWarnings } from "../warnings.js";
import { validateManifestFiles } from "../../manifests/validate.js";

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(e.name) ? [path] : [];
  });
}

function onPath(binary: string): boolean {
  return spawnSync(binary, ["version", "--remote=false"], { stdio: "ignore" }).error === undefined;
}

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("validate the manifests of a directory against their schemas (and with istioctl when on PATH)")
    .argument("<dir>", "directory of YAML manifests (e.g. istio/ or a `meshwaf manifests` output)")
    .option("--no-istioctl", "skip istioctl even when it is on PATH")
    .action(async (dir: string, opts: { istioctl: boolean }) => {
      let stat;
      try {
        stat = statSync(dir);
      } catch {
        throw new UserError(`${dir}: no such directory`);
      }
      if (!stat.isDirectory()) throw new UserError(`${dir}: not a directory`);
      const paths = yamlFiles(dir).sort();
      if (paths.length === 0) throw new UserError(`${dir}: no .yaml files`);
      const files = new Map(paths.map((p) => [relative(dir, p), readFileSync(p, "utf8")]));
      const report = await validateManifestFiles(files);
      for (const u of report.unchecked) process.stdout.write(`not checked (no schema): ${u}\n`);
      printWarnings(report.warnings);
      if (report.problems.length > 0) throw new UserError(`${dir}: ${report.problems.length} invalid:\n  - ${report.problems.join("\n  - ")}`);
      process.stdout.write(`schemas: ${report.checked} documents valid in ${files.size} files\n`);
      if (opts.istioctl && onPath("istioctl")) {
        const resources = paths.filter((p) => !/kustomization\.ya?ml$/.test(p) && !p.includes(`${join(dir, "patches")}`));
        const r = spawnSync("istioctl", ["validate", ...resources.flatMap((p) => ["-f", p])], { encoding: "utf8" });
        process.stdout.write(r.stdout ?? "");
        if (r.status !== 0) throw new UserError(`istioctl validate failed:\n${r.stderr || r.stdout}`);
        process.stdout.write("istioctl validate: ok\n");
      } else if (opts.istioctl) process.stdout.write("istioctl: not on PATH, skipped\n");
    });
}
