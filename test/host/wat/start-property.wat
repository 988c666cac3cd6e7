;; Reads a property at module start-up (_start): Envoy's V8 traps there.
(module
  (import "env" "proxy_log" (func $log (param i32 i32 i32) (result i32)))
  (import "env" "proxy_get_property" (func $prop (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "plugin_name")
  (func (export "malloc") (param i32) (result i32) i32.const 1024)
  (func (export "proxy_abi_version_0_2_1"))
  (func (export "_start")
    (drop (call $log (i32.const 2) (i32.const 16) (i32.const 11)))
    (drop (call $prop (i32.const 16) (i32.const 11) (i32.const 2048) (i32.const 2052)))))
