// A no-op filter for `npm run bench` (build/noop.wasm): it does the same host work as
// the WAF (copies the request headers, buffers and reads the whole body) but inspects
// nothing, so bench can tell the engine's cost from the cost of the ABI round trips.
import "./abi/abort";
import { setRootFactory } from "./abi/dispatcher";
import { RootContext, StreamContext } from "./abi/context";
import { HeadersAction, BodyAction, MapType, BufferType } from "./abi/status";
import { getHeaderMapPairs, getBufferBytes } from "./abi/hostcalls";
import { collectRequest } from "./filter/collect";

export * from "./abi/exports";

class NoopStream extends StreamContext {
  onRequestHeaders(headerCount: u32, endOfStream: bool): HeadersAction {
    const pairs = getHeaderMapPairs(MapType.RequestHeaders);
    if (pairs !== null) collectRequest(pairs);
    return HeadersAction.Continue;
  }

  onRequestBody(bodySize: u32, endOfStream: bool): BodyAction {
    if (!endOfStream && bodySize <= 1048576) return BodyAction.StopIterationAndBuffer;
    getBufferBytes(BufferType.RequestBody, 0, bodySize);
    return BodyAction.Continue;
  }
}

class NoopRoot extends RootContext {
  newStream(id: u32): StreamContext {
    return new NoopStream(id);
  }
}

setRootFactory((id: u32): RootContext => new NoopRoot(id));
