// What Envoy checks when it loads build/meshwaf.wasm: only host functions stock Envoy provides
// for ABI 0.2.1 (no WASI, no proxy_clear_route_cache), and the exports it looks up.
import { describe, expect, it } from "vitest";
import { filterWasm } from "../support/filter.js";

// The env.proxy_* functions Envoy provides for 0.2.1 (../shared/reference/envoy-host.md).
const ENVOY_PROXY_IMPORTS = new Set([
  "proxy_log", "proxy_get_log_level", "proxy_get_status", "proxy_set_property", "proxy_get_property",
  "proxy_send_local_response", "proxy_get_shared_data", "proxy_set_shared_data", "proxy_register_shared_queue",
  "proxy_resolve_shared_queue", "proxy_enqueue_shared_queue", "proxy_dequeue_shared_queue",
  "proxy_get_header_map_value", "proxy_add_header_map_value", "proxy_replace_header_map_value",
  "proxy_remove_header_map_value", "proxy_get_header_map_pairs", "proxy_set_header_map_pairs",
  "proxy_get_header_map_size", "proxy_get_buffer_status", "proxy_get_buffer_bytes", "proxy_set_buffer_bytes",
  "proxy_http_call", "proxy_grpc_call", "proxy_grpc_stream", "proxy_grpc_send", "proxy_grpc_cancel", "proxy_grpc_close",
  "proxy_set_tick_period_milliseconds", "proxy_get_current_time_nanoseconds", "proxy_define_metric",
  "proxy_increment_metric", "proxy_record_metric", "proxy_get_metric", "proxy_set_effective_context", "proxy_done",
  "proxy_call_foreign_function", "proxy_continue_stream", "proxy_close_stream",
]);

describe("module interface", () => {
  const module = new WebAssembly.Module(filterWasm);

  it("imports only env.proxy_* functions stock Envoy provides", () => {
    const imports = WebAssembly.Module.imports(module);
    expect(imports.length).toBeGreaterThan(0);
    for (const imp of imports) {
      expect(`${imp.module}.${imp.name}`).toMatch(/^env\.proxy_/);
      expect(ENVOY_PROXY_IMPORTS.has(imp.name), imp.name).toBe(true);
    }
  });

  it("exports the ABI version, both allocators and the callbacks", () => {
    const names = WebAssembly.Module.exports(module).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining([
      "proxy_abi_version_0_2_1", "malloc", "proxy_on_memory_allocate", "memory", "_start",
      "proxy_on_context_create", "proxy_on_vm_start", "proxy_on_configure", "proxy_on_tick",
      "proxy_on_request_headers", "proxy_on_request_body", "proxy_on_request_trailers",
      "proxy_on_response_headers", "proxy_on_response_body", "proxy_on_response_trailers",
      "proxy_on_log", "proxy_on_done", "proxy_on_delete", "proxy_on_http_call_response",
    ]));
  });
});
