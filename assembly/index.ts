// The module's entry: wires the ABI layer (exports, context dispatch, abort) to the filter.
import "./abi/abort";
import { setRootFactory } from "./abi/dispatcher";
import { RootContext } from "./abi/context";
import { WafRoot } from "./filter/root";

export * from "./abi/exports";

setRootFactory((id: u32): RootContext => new WafRoot(id));
