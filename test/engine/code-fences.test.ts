// Code quoted in a Markdown fence that names a language (langs/fences.ts quotedCodeFence): comments, tickets and
// chat carry it in JSON and form fields. Injected into PHP's or Node's eval, "```c\n...\n```" parses as a shell
// string in backticks (PHP) or template strings (JS), so the calls inside are text; the PHP call rules
// (9120, 9121, 9130) and the Node rules that read code (10130, 10140, 10150) skip them. Beside each benign
// shape stands the nearest attack, which must still block.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, type Req } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const json = (body: string): Req => ({ method: "POST", path: "/api/comments", headers: [["host", "svc.local"], ["content-type", "application/json"]], body: JSON.stringify({ body }) });
const form = (body: string): Req => ({ method: "POST", path: "/comments", headers: [["host", "svc.local"], ["content-type", "application/x-www-form-urlencoded"]], body: "body=" + encodeURIComponent(body) });
const ids = (req: Req) => inspect(h, req).matches.map((m) => m.id);
const fence = (tag: string, code: string) => `This fails for me:\n\n\`\`\`${tag}\n${code}\n\`\`\`\n\nAny ideas?`;

// [tag, code, the rule the code hits bare or in an untagged fence]
const quoted: [string, string, number][] = [
  ["c", 'int main(void) {\n  int x = 3;\n  printf("%d\\n", x);\n  assert(x > 0);\n  system("clear");\n}', 9120],
  ["cpp", "  void finalize() {\n    assert(WorklistMap.empty());\n  }", 9120],
  ["python", "def run(code):\n    exec(code)\n    assert(x)\n    return eval(expr)", 9120],
  ["python", "def save(path, data):\n    return file_put_contents(path, data)", 9120],
  ["go", "func main() {\n\tx := strlen(s);\n}", 9121],
  ["c", "  while (true) {\n    poll(fd);\n  }", 10150],
  ["python", "result = eval(expression, {})\nprint(result)", 10140],
  ["bash", "$handler(req, res)\nlog $status", 9130],
];

describe("calls in a fence that names another language", () => {
  it.each(quoted)("passes ```%s code %#", (tag, code, rule) => {
    for (const req of [json(fence(tag, code)), form(fence(tag, code))]) expect(ids(req)).not.toContain(rule);
  });
  it.each(quoted)("blocks the ```%s code %# outside a fence", (_tag, code, rule) => {
    // the same text bare, in an unclosed fence, a fence whose ``` is not at a line start, and a bare ``` fence
    for (const body of [code, `Hi\n\n\`\`\`${_tag}\n${code}\n`, `Hi \`\`\`${_tag}\n${code}\n\`\`\`\n`, `Hi\n\`\`\`\n${code}\n\`\`\`\n`]) {
      expect(ids(json(body)), body).toContain(rule);
    }
  });
});

describe("what a fence does not neutralise", () => {
  it("blocks a payload after the closing fence or before the opening one", () => {
    const tail = fence("c", "assert(x > 0);") + "\n'; system('id'); //";
    expect(ids(json(tail))).toContain(9120);
    expect(ids(form(tail))).toContain(9120);
    expect(ids(json("x'; system('id');\n" + fence("c", "assert(x);")))).toContain(9120);
    expect(ids(json(fence("python", "print(1)") + "\n\n" + "while(true){}"))).toContain(10150);
  });
  it("blocks a fence tagged with the sink's own language: a bot or playground runs it", () => {
    expect(ids(json(fence("php", "<?php\nsystem($_GET['c']);")))).toContain(9120);
    expect(ids(json(fence("PHP", "passthru($cmd);")))).toContain(9120);
    expect(ids(json(fence("js", "while (true) {}")))).toContain(10150);
    expect(ids(json(fence("javascript", "eval(atob(x))")))).toContain(10140);
    expect(ids(json(fence("node", "require('child_process').exec('id')")))).toContain(10130);
  });
  it("blocks a fence whose body ends the template or shell string: a backtick, ${...}, {$...}", () => {
    expect(ids(json(fence("c", "x`;system('id');`")))).toContain(9120);
    expect(ids(json(fence("c", "${system('id')}")))).toContain(9120);
    expect(ids(json(fence("python", "${eval(atob(x))}")))).toContain(10140);
    expect(ids(json(fence("python", "{$f(1)}\n$f('id')")))).toContain(9130);
  });
  it("blocks a fence after an odd backtick of the prose (JS closes that template at the fence: ```in reads as `in`)", () => {
    expect(ids(json("a ` b\n```in\nrequire('child_process').exec('id')\n```\n"))).toContain(10130);
    expect(ids(json("a ` b\n```or\nsystem('id')\n```\n"))).toContain(9120);
  });
  it("blocks a quote that breaks out of a string before the call (a value eval'd inside '...' or \"...\")", () => {
    expect(ids(json(fence("c", "'; system('id'); echo '")))).toContain(9120);
    expect(ids(json(fence("c", '".system("id")."')))).toContain(9120);
    expect(ids(json(fence("python", "';\nwhile(true){}\n'")))).toContain(10150);
  });
  it("passes 16 quoted calls of a value and counts the 17th (each check reads the value: the scan stays linear)", () => {
    const calls = (k: number) => ["  int n = 0;", ...Array.from({ length: k }, (_, i) => `  assert(x${i} > n);`)].join("\n");
    expect(ids(json(fence("c", calls(16))))).not.toContain(9120);
    expect(ids(json(fence("c", calls(17))))).toContain(9120);
  });
  it("blocks a fence of four backticks, a ~~~ fence and an untagged fence", () => {
    for (const open of ["````c", "~~~c", "```", "``` c"]) {
      expect(ids(json(`Hi\n\n${open}\nsystem('id');\n${open.slice(0, 3)}\n`)), open).toContain(9120);
    }
  });
});
