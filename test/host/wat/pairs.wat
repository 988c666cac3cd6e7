;; on_request_headers replaces the whole request header map with proxy_set_header_map_pairs
;; (":path: /x", "a: b"), then tries a malformed map (count 9, no data: ParseFailure) and records that
;; status as header "x-status", then continues.
(module
  (import "env" "proxy_set_header_map_pairs" (func $set (param i32 i32 i32) (result i32)))
  (import "env" "proxy_add_header_map_value" (func $add (param i32 i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "\02\00\00\00\05\00\00\00\02\00\00\00\01\00\00\00\01\00\00\00:path\00/x\00a\00b\00")
  (data (i32.const 64) "\09\00\00\00")
  (data (i32.const 80) "x-status")
  (func (export "malloc") (param i32) (result i32) i32.const 1024)
  (func (export "proxy_abi_version_0_2_1"))
  (func (export "proxy_on_request_headers") (param i32 i32 i32) (result i32)
    (drop (call $set (i32.const 0) (i32.const 16) (i32.const 33)))
    (i32.store8 (i32.const 96) (i32.add (i32.const 48) (call $set (i32.const 0) (i32.const 64) (i32.const 4))))
    (drop (call $add (i32.const 0) (i32.const 80) (i32.const 8) (i32.const 96) (i32.const 1)))
    i32.const 0))
