// Turns the request header map into the engine's HttpRequest. Envoy removes the map
// once on_request_headers returns Continue, so everything is copied here.
import { HeaderMapReader } from "../abi/header_map";
import { HttpRequest, Header } from "../engine/request";

export class Collected {
  request: HttpRequest = new HttpRequest();
  /** x-request-id, "" when absent. */
  requestId: string = "";
}

export function collectRequest(serialised: ArrayBuffer): Collected {
  const out = new Collected();
  const req = out.request;
  const map = new HeaderMapReader(serialised);
  req.method = "";
  for (let i = 0; i < map.count; i++) {
    const value = map.value(i);
    req.headers.push(new Header(map.name(i), value));
    if (map.nameIs(i, ":path")) req.path = value;
    else if (map.nameIs(i, ":method")) req.method = String.UTF8.decode(value);
    else if (map.nameIs(i, ":authority")) req.authority = String.UTF8.decode(value);
    else if (map.nameIs(i, "x-request-id")) out.requestId = String.UTF8.decode(value);
  }
  return out;
}
