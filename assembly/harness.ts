// Test harness build (build/harness.wasm): the filter's pure functions, loaded in
// tests with @assemblyscript/loader. Each file below belongs to one part of the filter.
export * from "./harness/engine";
export * from "./harness/config";
export * from "./harness/sqli";
export * from "./harness/xss";
export * from "./harness/attacks";
export * from "./harness/injections";
export * from "./harness/rce";
export * from "./harness/wordlists";
export * from "./harness/plain-words";
export * from "./harness/gates";
export * from "./harness/java-gates";
export * from "./harness/bytes";
