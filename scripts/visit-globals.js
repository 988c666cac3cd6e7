// asc transform for the release builds: the collector's root scan (__visit_globals) visits each
// managed global as `if (local.tee $1 (global.get $g)) (call __visit (local.get $1) cookie)`, about
// 12 bytes, ~100 of them. TCMS's __visit (the minimal runtime's) returns at once on a null pointer,
// so the test is already in the callee: the transform writes `call __visit (global.get $g) cookie`
// (5 bytes) instead. Runs after compilation, before optimisation; the scan runs once a collection.
import binaryen from "binaryen";

const VISIT_GLOBALS = "~lib/rt/__visit_globals";
const VISIT = "~lib/rt/tcms/__visit";

/** The global a `if (local.tee $l (global.get $g)) (call VISIT (local.get $l) x)` visits, with x; or null. */
function guardedVisit(expr) {
  const node = binaryen.getExpressionInfo(expr);
  if (node.id !== binaryen.IfId || node.ifFalse) return null;
  const tee = binaryen.getExpressionInfo(node.condition);
  if (tee.id !== binaryen.LocalSetId || !tee.isTee) return null;
  const get = binaryen.getExpressionInfo(tee.value);
  if (get.id !== binaryen.GlobalGetId) return null;
  const call = binaryen.getExpressionInfo(node.ifTrue);
  if (call.id !== binaryen.CallId || call.target !== VISIT || call.operands.length !== 2) return null;
  const ptr = binaryen.getExpressionInfo(call.operands[0]);
  if (ptr.id !== binaryen.LocalGetId || ptr.index !== tee.index) return null;
  return { global: get.name, type: get.type, cookie: call.operands[1] };
}

export default class VisitGlobals {
  afterCompile(module) {
    const fn = module.getFunction(VISIT_GLOBALS);
    if (!fn) return;
    const body = binaryen.getFunctionInfo(fn).body;
    if (binaryen.getExpressionId(body) !== binaryen.BlockId) return;
    let count = 0;
    const children = binaryen.Block.getChildren(body);
    children.forEach((child, i) => {
      const visit = guardedVisit(child);
      if (visit === null) return;
      binaryen.Block.setChildAt(body, i, module.call(VISIT, [module.global.get(visit.global, visit.type), visit.cookie], binaryen.none));
      count++;
    });
    if (process.env.MESHWAF_TRANSFORM_VERBOSE) console.error(`visit-globals: ${count} of ${children.length} visits unguarded`);
  }
}
