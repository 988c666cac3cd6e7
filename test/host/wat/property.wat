;; The plugin configuration is a property path (NUL-separated segments); each request is answered
;; with that property's bytes (status 200), or with status 500 + the host's status code.
(module
  (import "env" "proxy_get_buffer_bytes" (func $buf (param i32 i32 i32 i32 i32) (result i32)))
  (import "env" "proxy_get_property" (func $prop (param i32 i32 i32 i32) (result i32)))
  (import "env" "proxy_send_local_response" (func $reply (param i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 4)
  (global $heap (mut i32) (i32.const 65536))
  (global $len (mut i32) (i32.const 0))
  (func (export "malloc") (param $n i32) (result i32) (local $p i32)
    global.get $heap local.set $p
    global.get $heap local.get $n i32.add i32.const 7 i32.add i32.const -8 i32.and global.set $heap
    local.get $p)
  (func (export "proxy_abi_version_0_2_1"))
  (func (export "proxy_on_context_create") (param i32 i32) i32.const 65536 global.set $heap)
  (func (export "proxy_on_configure") (param $root i32) (param $size i32) (result i32)
    (drop (call $buf (i32.const 7) (i32.const 0) (local.get $size) (i32.const 2048) (i32.const 2052)))
    (memory.copy (i32.const 4096) (i32.load (i32.const 2048)) (local.get $size))
    (global.set $len (local.get $size))
    i32.const 1)
  (func (export "proxy_on_request_headers") (param i32 i32 i32) (result i32) (local $s i32)
    (local.set $s (call $prop (i32.const 4096) (global.get $len) (i32.const 2048) (i32.const 2052)))
    (if (i32.eqz (local.get $s))
      (then (drop (call $reply (i32.const 200) (i32.const 0) (i32.const 0)
        (i32.load (i32.const 2048)) (i32.load (i32.const 2052)) (i32.const 0) (i32.const 0) (i32.const -1))))
      (else (drop (call $reply (i32.add (i32.const 500) (local.get $s)) (i32.const 0) (i32.const 0)
        (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const -1)))))
    i32.const 0))
