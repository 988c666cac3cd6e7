;; on_request_headers returns StopIteration (treated as StopAllIterationAndWatermark under 0.2.x:
;; the body is held too, not delivered). on_tick resumes the last stream with proxy_continue_stream.
;; on_request_body logs "body <size as one digit>" and continues.
(module
  (import "env" "proxy_log" (func $log (param i32 i32 i32) (result i32)))
  (import "env" "proxy_set_effective_context" (func $effective (param i32) (result i32)))
  (import "env" "proxy_continue_stream" (func $continue (param i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "body ?")
  (global $last (mut i32) (i32.const 0))
  (func (export "malloc") (param i32) (result i32) i32.const 1024)
  (func (export "proxy_abi_version_0_2_1"))
  (func (export "proxy_on_request_headers") (param $ctx i32) (param i32 i32) (result i32)
    (global.set $last (local.get $ctx))
    i32.const 1)
  (func (export "proxy_on_request_body") (param i32) (param $size i32) (param i32) (result i32)
    (i32.store8 (i32.const 21) (i32.add (i32.const 48) (local.get $size)))
    (drop (call $log (i32.const 2) (i32.const 16) (i32.const 6)))
    i32.const 0)
  (func (export "proxy_on_tick") (param i32)
    (drop (call $effective (global.get $last)))
    (drop (call $continue (i32.const 0)))))
