// docker-compose for trying the standalone Envoy: the official Envoy image with the module and
// the bootstrap mounted read-only, in front of an echo upstream.
export const ENVOY_IMAGE = "envoyproxy/envoy:v1.31-latest";
export const UPSTREAM_IMAGE = "mendhak/http-https-echo:31";
export const UPSTREAM_SERVICE = "upstream:8080";

export interface ComposeOptions {
  /** Host path of the module, relative to the compose file. @default "../build/meshwaf.wasm" */
  readonly wasmHostPath?: string;
  /** Host port published for the listener. @default 8080 */
  readonly hostPort?: number;
  readonly listenPort: number;
  readonly wasmPath: string;
}

export function generateCompose(options: ComposeOptions): Record<string, unknown> {
  return {
    services: {
      envoy: {
        image: ENVOY_IMAGE,
        command: ["envoy", "-c", "/etc/envoy/envoy.yaml", "--log-level", "info"],
        volumes: [`./envoy.yaml:/etc/envoy/envoy.yaml:ro`, `${options.wasmHostPath ?? "../build/meshwaf.wasm"}:${options.wasmPath}:ro`],
        ports: [`${options.hostPort ?? 8080}:${options.listenPort}`],
        depends_on: ["upstream"],
      },
      upstream: {
        image: UPSTREAM_IMAGE,
        environment: { HTTP_PORT: "8080" },
      },
    },
  };
}
