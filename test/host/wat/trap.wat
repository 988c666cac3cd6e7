;; Configures fine, then traps in on_request_headers (an `unreachable`, as an AssemblyScript abort ends).
(module
  (import "env" "proxy_log" (func $log (param i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "request seen")
  (func (export "malloc") (param i32) (result i32) i32.const 1024)
  (func (export "proxy_abi_version_0_2_1"))
  (func (export "proxy_on_configure") (param i32 i32) (result i32) i32.const 1)
  (func (export "proxy_on_request_headers") (param i32 i32 i32) (result i32)
    (drop (call $log (i32.const 2) (i32.const 16) (i32.const 12)))
    unreachable))
