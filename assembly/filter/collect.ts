// Turns the request header map into the engine's HttpRequest. Envoy removes the map
// once on_request_headers returns Continue, so everything is copied here (or shared: LAST_VALUES).
import { HeaderMapReader, COMMON_NAMES_COUNT } from "../abi/header_map";
import { HttpRequest, NO_BYTES } from "../engine/request";
import { equalBytes } from "../engine/bytes";
import { staticString } from "../engine/static-strings";

/**
 * The x-request-id bytes of the request collectRequest() read last, null when absent: decoded only
 * when a log line or reply names it (a global, not one more object per request).
 */
export let collectedRequestId: ArrayBuffer | null = null;

export function collectRequest(serialised: ArrayBuffer): HttpRequest {
  const map = HeaderMapReader.reading(serialised);
  const req = new HttpRequest(map.count);
  collectedRequestId = null;
  req.method = "";
  for (let i = 0; i < map.count; i++) {
    // These are common names: name() gives the very literal (the compiler stores each string literal
    // once), so comparing addresses is enough. (test/filter/observability.test.ts: look-alike names.)
    const name = map.name(i);
    const k = map.common;
    const value = map.value(i, k >= 0 ? unchecked(LAST_VALUES[k]) : NO_BYTES);
    if (k >= 0) unchecked((LAST_VALUES[k] = value));
    req.addHeader(name, value);
    const at = changetype<usize>(name);
    if (at == changetype<usize>(":path")) req.path = value;
    else if (at == changetype<usize>(":method")) req.method = methodName(value);
    else if (at == changetype<usize>(":authority")) req.authority = authorityName(value);
    else if (at == changetype<usize>("x-request-id")) collectedRequestId = value;
  }
  return req;
}

// The last value of each common header name (HeaderMapReader.common). A sidecar sees the same Host,
// User-Agent, Accept, Accept-Language... on most requests: a request whose value has the same bytes
// shares that buffer (one comparison) instead of a copy of its own (an allocation, a copy, and a
// block for the collector to free). The buffers of the previous request stay alive, one per name.
const LAST_VALUES: ArrayBuffer[] = lastValues();
function lastValues(): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (let k = 0; k < COMMON_NAMES_COUNT; k++) out.push(NO_BYTES);
  return out;
}

// a static table, engine/static-strings.ts: no collection marks it
const METHODS: usize = memory.data<usize>([
  changetype<usize>("GET"), changetype<usize>("POST"), changetype<usize>("PUT"), changetype<usize>("PATCH"),
  changetype<usize>("DELETE"), changetype<usize>("HEAD"), changetype<usize>("OPTIONS"),
]);
const METHODS_COUNT = 7;

/** A standard method is its static string; others are decoded. */
function methodName(value: ArrayBuffer): string {
  const n = value.byteLength;
  const p = changetype<usize>(value);
  for (let k = 0; k < METHODS_COUNT; k++) {
    const m = staticString(METHODS, k);
    if (m.length != n) continue;
    let j = 0;
    while (j < n && <u32>load<u8>(p + <usize>j) == <u32>load<u16>(changetype<usize>(m) + (<usize>j << 1))) j++;
    if (j == n) return m;
  }
  return String.UTF8.decode(value);
}

// A sidecar sees the same authority on nearly every request: the last one is decoded once.
let lastAuthorityBytes: ArrayBuffer = new ArrayBuffer(0);
let lastAuthority: string = "";

function authorityName(value: ArrayBuffer): string {
  const n = value.byteLength;
  if (n != lastAuthorityBytes.byteLength || !equalBytes(changetype<usize>(value), changetype<usize>(lastAuthorityBytes), n)) {
    lastAuthorityBytes = value;
    lastAuthority = String.UTF8.decode(value);
  }
  return lastAuthority;
}
