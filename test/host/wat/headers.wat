;; Edits request headers and lets them through; then probes the map after Continue.
;; on_request_headers: add x-added: 1, replace :path with /rewritten, remove cookie, and add
;;   x-missing: <status of get "missing" + '0'> and x-size-ok: <'1' if get_header_map_size succeeded>.
;; on_request_body (eos): answers 200 with body "<get x-added status><get_header_map_pairs status>"
;;   as digits: the map is gone after Continue, so both are BadArgument ("22").
(module
  (import "env" "proxy_get_header_map_value" (func $get (param i32 i32 i32 i32 i32) (result i32)))
  (import "env" "proxy_add_header_map_value" (func $add (param i32 i32 i32 i32 i32) (result i32)))
  (import "env" "proxy_replace_header_map_value" (func $replace (param i32 i32 i32 i32 i32) (result i32)))
  (import "env" "proxy_remove_header_map_value" (func $remove (param i32 i32 i32) (result i32)))
  (import "env" "proxy_get_header_map_pairs" (func $pairs (param i32 i32 i32) (result i32)))
  (import "env" "proxy_get_header_map_size" (func $size (param i32 i32) (result i32)))
  (import "env" "proxy_send_local_response" (func $reply (param i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 4)
  (data (i32.const 16) "x-added")
  (data (i32.const 24) "1")
  (data (i32.const 32) ":path")
  (data (i32.const 40) "/rewritten")
  (data (i32.const 56) "cookie")
  (data (i32.const 64) "missing")
  (data (i32.const 72) "x-missing")
  (data (i32.const 88) "x-size-ok")
  (global $heap (mut i32) (i32.const 65536))
  (func (export "malloc") (param $n i32) (result i32) (local $p i32)
    global.get $heap local.set $p
    global.get $heap local.get $n i32.add i32.const 7 i32.add i32.const -8 i32.and global.set $heap
    local.get $p)
  (func (export "proxy_abi_version_0_2_1"))
  (func (export "proxy_on_context_create") (param i32 i32) i32.const 65536 global.set $heap)
  (func (export "proxy_on_request_headers") (param i32 i32 i32) (result i32)
    (drop (call $add (i32.const 0) (i32.const 16) (i32.const 7) (i32.const 24) (i32.const 1)))
    (drop (call $replace (i32.const 0) (i32.const 32) (i32.const 5) (i32.const 40) (i32.const 10)))
    (drop (call $remove (i32.const 0) (i32.const 56) (i32.const 6)))
    (i32.store8 (i32.const 1000) (i32.add (i32.const 48)
      (call $get (i32.const 0) (i32.const 64) (i32.const 7) (i32.const 2048) (i32.const 2052))))
    (drop (call $add (i32.const 0) (i32.const 72) (i32.const 9) (i32.const 1000) (i32.const 1)))
    (i32.store8 (i32.const 1001) (i32.sub (i32.const 49) (call $size (i32.const 0) (i32.const 2056))))
    (drop (call $add (i32.const 0) (i32.const 88) (i32.const 9) (i32.const 1001) (i32.const 1)))
    i32.const 0)
  (func (export "proxy_on_request_body") (param i32 i32) (param $eos i32) (result i32)
    (if (local.get $eos) (then
      (i32.store8 (i32.const 1002) (i32.add (i32.const 48)
        (call $get (i32.const 0) (i32.const 16) (i32.const 7) (i32.const 2048) (i32.const 2052))))
      (i32.store8 (i32.const 1003) (i32.add (i32.const 48)
        (call $pairs (i32.const 0) (i32.const 2048) (i32.const 2052))))
      (drop (call $reply (i32.const 200) (i32.const 0) (i32.const 0) (i32.const 1002) (i32.const 2)
        (i32.const 0) (i32.const 0) (i32.const -1)))))
    i32.const 0))
