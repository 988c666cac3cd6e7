;; Echoes the request header map bytes as a local reply (status 200, details with spaces, one extra
;; header), returning Continue (the host must force a stop). on_response_headers logs :status.
(module
  (import "env" "proxy_get_header_map_pairs" (func $pairs (param i32 i32 i32) (result i32)))
  (import "env" "proxy_get_header_map_value" (func $value (param i32 i32 i32 i32 i32) (result i32)))
  (import "env" "proxy_send_local_response" (func $reply (param i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "env" "proxy_log" (func $log (param i32 i32 i32) (result i32)))
  (memory (export "memory") 4)
  (data (i32.const 16) "echo details")
  (data (i32.const 32) "\01\00\00\00\06\00\00\00\03\00\00\00x-echo\00yes\00")
  (data (i32.const 64) ":status")
  (global $heap (mut i32) (i32.const 65536))
  (func (export "malloc") (param $n i32) (result i32) (local $p i32)
    global.get $heap local.set $p
    global.get $heap local.get $n i32.add i32.const 7 i32.add i32.const -8 i32.and global.set $heap
    local.get $p)
  (func (export "proxy_abi_version_0_2_1"))
  (func (export "proxy_on_context_create") (param i32 i32) i32.const 65536 global.set $heap)
  (func (export "proxy_on_request_headers") (param $ctx i32) (param $n i32) (param $eos i32) (result i32)
    (drop (call $pairs (i32.const 0) (i32.const 2048) (i32.const 2052)))
    (drop (call $reply (i32.const 200) (i32.const 16) (i32.const 12)
      (i32.load (i32.const 2048)) (i32.load (i32.const 2052)) (i32.const 32) (i32.const 23) (i32.const -1)))
    i32.const 0)
  (func (export "proxy_on_response_headers") (param $ctx i32) (param $n i32) (param $eos i32) (result i32)
    (if (i32.eqz (call $value (i32.const 2) (i32.const 64) (i32.const 7) (i32.const 2048) (i32.const 2052)))
      (then (drop (call $log (i32.const 2) (i32.load (i32.const 2048)) (i32.load (i32.const 2052))))))
    i32.const 0))
