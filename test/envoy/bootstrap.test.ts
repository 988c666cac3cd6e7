import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { generateEnvoyBootstrap, parseHostPort } from "../../src/envoy/bootstrap.js";
import { envoyDirFiles, REFERENCE_ENVOY_OPTIONS } from "../../src/envoy/files.js";
import { validateConfig } from "../../src/config/schema.js";

const at = (obj: any, ...path: (string | number)[]) => path.reduce((o, k) => o?.[k], obj);

describe("generateEnvoyBootstrap", () => {
  const b: any = generateEnvoyBootstrap({ upstream: "app:8080", listenPort: 10000, wasmPath: "/m/meshwaf.wasm", pluginConfig: { mode: "detect" } });
  const listener = b.static_resources.listeners[0];
  const hcm = listener.filter_chains[0].filters[0].typed_config;

  it("admin listens on localhost only", () => expect(b.admin.address.socket_address).toEqual({ address: "127.0.0.1", port_value: 9901 }));

  it("listener → wasm (V8, local module, the configuration) → router", () => {
    expect(listener.address.socket_address).toEqual({ address: "0.0.0.0", port_value: 10000 });
    expect(hcm.http_filters.map((f: any) => f.name)).toEqual(["envoy.filters.http.wasm", "envoy.filters.http.router"]);
    const wasm = hcm.http_filters[0].typed_config;
    expect(wasm["@type"]).toBe("type.googleapis.com/envoy.extensions.filters.http.wasm.v3.Wasm");
    expect(wasm.config.vm_config).toEqual({ vm_id: "meshwaf", runtime: "envoy.wasm.runtime.v8", code: { local: { filename: "/m/meshwaf.wasm" } } });
    expect(wasm.config.fail_open).toBe(false);
    expect(JSON.parse(wasm.config.configuration.value)).toEqual({ mode: "detect" });
  });

  it("every route names a defined cluster, which points at the upstream", () => {
    const clusters = b.static_resources.clusters.map((c: any) => c.name);
    const routes = hcm.route_config.virtual_hosts.flatMap((v: any) => v.routes.map((r: any) => r.route.cluster));
    expect(routes.length).toBeGreaterThan(0);
    for (const c of routes) expect(clusters).toContain(c);
    expect(at(b.static_resources.clusters[0], "load_assignment", "endpoints", 0, "lb_endpoints", 0, "endpoint", "address", "socket_address")).toEqual({ address: "app", port_value: 8080 });
  });

  it("logs JSON access lines on stdout", () => {
    const log = hcm.access_log[0];
    expect(log.name).toBe("envoy.access_loggers.stdout");
    expect(log.typed_config.log_format.json_format).toMatchObject({ status: "%RESPONSE_CODE%", details: "%RESPONSE_CODE_DETAILS%" });
  });

  it("raises the buffer limit when the body limit needs it", () => {
    expect(listener.per_connection_buffer_limit_bytes).toBeUndefined();
    const big: any = generateEnvoyBootstrap({ upstream: "app:1", pluginConfig: { bodyLimit: 4 * 1024 * 1024 } });
    expect(big.static_resources.listeners[0].per_connection_buffer_limit_bytes).toBe(4 * 1024 * 1024 + 64 * 1024);
  });

  const bad: [object, RegExp][] = [
    [{ upstream: "app" }, /^upstream: "app" is not valid; expected HOST:PORT/],
    [{ upstream: "app:70000" }, /^upstream: "app:70000" is not valid/],
    [{ upstream: "app:80", listenPort: 0 }, /^listen: 0 is not valid/],
    [{ upstream: "app:80", listenPort: 9901 }, /^listen: 9901 is the admin port/],
    [{ upstream: "app:80", pluginConfig: { mode: "x" } }, /plugin configuration is invalid:\n {2}- mode: must be one of/],
  ];
  for (const [opts, msg] of bad) it(`rejects ${JSON.stringify(opts)}`, () => expect(() => generateEnvoyBootstrap(opts as any)).toThrow(msg));

  it("parses [v6]:port", () => expect(parseHostPort("[::1]:8080")).toEqual({ host: "::1", port: 8080 }));
});

describe("envoy/ in the repository", () => {
  const files = envoyDirFiles(REFERENCE_ENVOY_OPTIONS);
  for (const [name, content] of files) {
    it(`envoy/${name} is what \`meshwaf envoy --upstream upstream:8080 --out envoy\` writes`, () => {
      expect(readFileSync(new URL(`../../envoy/${name}`, import.meta.url), "utf8")).toBe(content);
    });
  }
  it("compose mounts the module where the bootstrap loads it, and publishes the listener", () => {
    const compose = parse(files.get("docker-compose.yaml")!);
    const bootstrap = parse(files.get("envoy.yaml")!);
    const wasm = bootstrap.static_resources.listeners[0].filter_chains[0].filters[0].typed_config.http_filters[0].typed_config.config;
    expect(compose.services.envoy.volumes).toContain(`../build/meshwaf.wasm:${wasm.vm_config.code.local.filename}:ro`);
    expect(compose.services.envoy.ports).toEqual([`8080:${bootstrap.static_resources.listeners[0].address.socket_address.port_value}`]);
    const upstream = bootstrap.static_resources.clusters[0].load_assignment.endpoints[0].lb_endpoints[0].endpoint.address.socket_address;
    expect(Object.keys(compose.services)).toContain(upstream.address);
    expect(compose.services.upstream.environment.HTTP_PORT).toBe(String(upstream.port_value));
    expect(() => validateConfig(JSON.parse(wasm.configuration.value))).not.toThrow();
  });
});
