;; Body handling. on_request_headers: Continue. on_request_body: the first byte of the body seen
;; so far decides:
;;   'X': buffer until end of stream, then answer 403 "blocked by test" with the whole body
;;   'R': buffer until end of stream, then rewrite the body to "rewritten" and Continue
;;   'S': stream (Continue every chunk)
;;   'B': buffer forever (StopIterationAndBuffer even at end of stream)
;;   else: buffer until end of stream, then Continue
(module
  (import "env" "proxy_get_buffer_bytes" (func $buf (param i32 i32 i32 i32 i32) (result i32)))
  (import "env" "proxy_set_buffer_bytes" (func $setbuf (param i32 i32 i32 i32 i32) (result i32)))
  (import "env" "proxy_get_header_map_value" (func $value (param i32 i32 i32 i32 i32) (result i32)))
  (import "env" "proxy_send_local_response" (func $reply (param i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "env" "proxy_log" (func $log (param i32 i32 i32) (result i32)))
  (memory (export "memory") 64)
  (data (i32.const 16) "blocked by test")
  (data (i32.const 32) "rewritten")
  (data (i32.const 64) ":status")
  (global $heap (mut i32) (i32.const 65536))
  (func (export "malloc") (param $n i32) (result i32) (local $p i32)
    global.get $heap local.set $p
    global.get $heap local.get $n i32.add i32.const 7 i32.add i32.const -8 i32.and global.set $heap
    local.get $p)
  (func (export "proxy_abi_version_0_2_1"))
  (func (export "proxy_on_context_create") (param i32 i32) i32.const 65536 global.set $heap)
  (func (export "proxy_on_request_headers") (param i32 i32 i32) (result i32) i32.const 0)
  (func (export "proxy_on_request_body") (param $ctx i32) (param $size i32) (param $eos i32) (result i32) (local $first i32)
    (drop (call $buf (i32.const 0) (i32.const 0) (local.get $size) (i32.const 2048) (i32.const 2052)))
    (local.set $first (i32.load8_u (i32.load (i32.const 2048))))
    (if (i32.eq (local.get $first) (i32.const 83)) (then (return (i32.const 0))))      ;; 'S'
    (if (i32.eq (local.get $first) (i32.const 66)) (then (return (i32.const 1))))      ;; 'B'
    (if (i32.eqz (local.get $eos)) (then (return (i32.const 1))))
    (if (i32.eq (local.get $first) (i32.const 88)) (then                                ;; 'X'
      (drop (call $reply (i32.const 403) (i32.const 16) (i32.const 15)
        (i32.load (i32.const 2048)) (i32.load (i32.const 2052)) (i32.const 0) (i32.const 0) (i32.const -1)))
      (return (i32.const 0))))
    (if (i32.eq (local.get $first) (i32.const 82)) (then                                ;; 'R'
      (drop (call $setbuf (i32.const 0) (i32.const 0) (local.get $size) (i32.const 32) (i32.const 9)))))
    i32.const 0)
  (func (export "proxy_on_response_headers") (param i32 i32 i32) (result i32)
    (if (i32.eqz (call $value (i32.const 2) (i32.const 64) (i32.const 7) (i32.const 2048) (i32.const 2052)))
      (then (drop (call $log (i32.const 2) (i32.load (i32.const 2048)) (i32.load (i32.const 2052))))))
    i32.const 0))
