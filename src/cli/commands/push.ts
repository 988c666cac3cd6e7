// `meshwaf push DIR REF`: an OCI image layout to a registry through the distribution API.
import type { Command } from "commander";
import { UserError } from "../errors.js";
import { credentialsFromEnv, parseReference, pushImage, readLayout, RegistryError } from "../../oci/index.js";

export function registerPush(program: Command): void {
  program
    .command("push")
    .description("push an OCI image layout (from `meshwaf package`) to a registry; auth: MESHWAF_REGISTRY_TOKEN, or MESHWAF_REGISTRY_USERNAME and MESHWAF_REGISTRY_PASSWORD")
    .argument("<dir>", "OCI image layout directory")
    .argument("<ref>", "[oci://]HOST[:PORT]/REPOSITORY:TAG")
    .option("--insecure", "plain HTTP (a local registry)", false)
    .action(async (dir: string, refText: string, opts: { insecure: boolean }) => {
      const image = readLayout(dir);
      const ref = parseReference(refText);
      try {
        const result = await pushImage(image, ref, { insecure: opts.insecure, credentials: credentialsFromEnv() });
        process.stdout.write(
          `pushed ${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ""}@${result.manifestDigest}\n` +
            `blobs uploaded: ${result.uploaded.length}, already present: ${result.skipped.length}\n` +
            `WasmPlugin url: oci://${ref.registry}/${ref.repository}@${result.manifestDigest}\n`,
        );
      } catch (err) {
        if (err instanceof RegistryError) throw new UserError(`push to ${refText}: ${err.message}`);
        throw err;
      }
    });
}
