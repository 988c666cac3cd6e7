;; Imports only proxy_clear_route_cache (not provided for ABI 0.2.x).
(module
  (import "env" "proxy_clear_route_cache" (func (result i32)))
  (memory (export "memory") 1)
  (func (export "malloc") (param i32) (result i32) i32.const 1024)
  (func (export "proxy_abi_version_0_2_1")))
