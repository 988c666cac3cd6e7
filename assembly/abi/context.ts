// Base classes of the two kinds of proxy-wasm contexts, every callback a no-op by
// default. The filter extends them; the dispatcher calls them.
import { HeadersAction, BodyAction } from "./status";

/** What the dispatcher's two maps hold (one map class for both: its code once). */
export class Context {
  constructor(public id: u32) {}
}

/** One per plugin (root id): configuration, metrics, and the factory of stream contexts. */
export class RootContext extends Context {

  onVmStart(vmConfigurationSize: u32): bool {
    return true;
  }

  /** Returning false makes Envoy refuse the plugin configuration. */
  onConfigure(pluginConfigurationSize: u32): bool {
    return true;
  }

  onTick(): void {}

  /** Returning true tells the host the context is done now (no proxy_done later). */
  onDone(): bool {
    return true;
  }

  onDelete(): void {}

  /** The stream context for a new request; the base passes everything through. */
  newStream(id: u32): StreamContext {
    return new StreamContext(id);
  }
}

/** One per HTTP request. */
export class StreamContext extends Context {

  onRequestHeaders(headerCount: u32, endOfStream: bool): HeadersAction {
    return HeadersAction.Continue;
  }

  onRequestBody(bodySize: u32, endOfStream: bool): BodyAction {
    return BodyAction.Continue;
  }

  onRequestTrailers(trailerCount: u32): HeadersAction {
    return HeadersAction.Continue;
  }

  onResponseHeaders(headerCount: u32, endOfStream: bool): HeadersAction {
    return HeadersAction.Continue;
  }

  onResponseBody(bodySize: u32, endOfStream: bool): BodyAction {
    return BodyAction.Continue;
  }

  onResponseTrailers(trailerCount: u32): HeadersAction {
    return HeadersAction.Continue;
  }

  onLog(): void {}

  onDone(): bool {
    return true;
  }

  onDelete(): void {}
}
