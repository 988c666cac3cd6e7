// Starts Debian's docker-registry (github.com/docker/distribution) on 127.0.0.1 with a
// temporary config and storage, for push/pull tests against the real distribution API.
// CI installs it (.ci/run); without the binary the tests skip with a message.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { tempDir } from "./temp.js";

export const REGISTRY_BINARY = "docker-registry";

export function registryAvailable(): boolean {
  return spawnSync(REGISTRY_BINARY, ["--version"], { stdio: "ignore" }).status === 0;
}

/** A fixed test user for the htpasswd variant: meshwaf / meshwaf-test (bcrypt, cost 4). */
export const TEST_USER = { username: "meshwaf", password: "meshwaf-test" };
const TEST_HTPASSWD = "meshwaf:$2a$04$rhe0fJo49ijYx8tKGm0dxu2TE9GFEQ.UANp0RahICSzcGnLj4QB9q\n";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface TestRegistry {
  /** host:port */
  readonly address: string;
  stop(): Promise<void>;
}

export async function startRegistry(options: { htpasswd?: boolean } = {}): Promise<TestRegistry> {
  const dir = tempDir("registry");
  const port = await freePort();
  const auth = options.htpasswd ? `auth:\n  htpasswd:\n    realm: meshwaf-test\n    path: ${join(dir, "htpasswd")}\n` : "";
  if (options.htpasswd) writeFileSync(join(dir, "htpasswd"), TEST_HTPASSWD);
  writeFileSync(
    join(dir, "config.yml"),
    `version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, "data")}\nhttp:\n  addr: 127.0.0.1:${port}\n${auth}`,
  );
  const child: ChildProcess = spawn(REGISTRY_BINARY, ["serve", join(dir, "config.yml")], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += d));
  const address = `127.0.0.1:${port}`;
  // Wait until /v2/ answers (200, or 401 with auth): the registry is up.
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`http://${address}/v2/`);
      if (res.status === 200 || res.status === 401) break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  if (child.exitCode !== null) throw new Error(`docker-registry exited: ${stderr}`);
  return {
    address,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}
