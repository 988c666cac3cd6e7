// asc transform for the release builds: every class's constructor ends in the implicit base
// constructor, ~lib/object/Object#constructor, `if (!this) this = __new(0, 0); return this`. A
// subclass's constructor allocates its object (`if (!this) this = __new(size, id)`) before it calls
// the base, so `this` is never null there; but once binaryen inlines the base it cannot tell that
// __new never returns null, and ~40 constructors kept a dead `if (i32.eqz (local.tee ...)) __new(0, 0)`
// (-284 bytes). Only `new Object()` would reach the base with a null `this`: the transform refuses
// to build when the project's sources write one, and otherwise makes the base constructor
// `return this`. Runs after compilation, before optimisation.
import binaryen from "binaryen";
import { NodeKind } from "assemblyscript";
import { walkProjectSources } from "./ast-walk.js";

const OBJECT_CONSTRUCTOR = "~lib/object/Object#constructor";

export default class ObjectConstructor {
  afterParse(parser) {
    walkProjectSources(parser, (node) => {
      if (node.kind === NodeKind.New && node.typeName != null && node.typeName.identifier != null && node.typeName.identifier.text === "Object") {
        throw new Error("scripts/object-constructor.js: `new Object()` needs the base constructor's allocation");
      }
      return false;
    });
  }

  afterCompile(module) {
    const fn = module.getFunction(OBJECT_CONSTRUCTOR);
    if (!fn) return;
    binaryen.Function.setBody(fn, module.local.get(0, binaryen.i32));
  }
}
