;; Imports AssemblyScript's default env.abort and the SDK's proxy_clear_route_cache: Envoy provides neither.
(module
  (import "env" "proxy_log" (func (param i32 i32 i32) (result i32)))
  (import "env" "abort" (func (param i32 i32 i32 i32)))
  (import "env" "proxy_clear_route_cache" (func (result i32)))
  (memory (export "memory") 1)
  (func (export "malloc") (param i32) (result i32) i32.const 1024)
  (func (export "proxy_abi_version_0_2_1")))
