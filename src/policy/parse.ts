// Reads a service graph file (YAML) strictly: unknown fields, bad names, references to
// unknown workloads or ports, and wildcard sources are errors that name the file, the
// workload or call, and the field, with what would be valid. All errors are reported at once.
import { readFileSync } from "node:fs";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { UserError } from "../cli/errors.js";
import {
  DEFAULT_INGRESS,
  DEFAULT_TRUST_DOMAIN,
  HTTP_PROTOCOLS,
  PROTOCOLS,
  type Call,
  type CallSource,
  type IngressGateway,
  type PathMatch,
  type Protocol,
  type ServiceGraph,
  type Workload,
  type WorkloadPort,
} from "./graph.js";

export class GraphError extends UserError {
  constructor(public readonly problems: readonly string[]) {
    super(problems.length === 1 ? problems[0] : `the service graph is invalid:\n  - ${problems.join("\n  - ")}`);
    this.name = "GraphError";
  }
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
const PRINCIPAL = /^[^/*\s]+\/ns\/[a-z0-9][-a-z0-9]*\/sa\/[a-z0-9][-a-z0-9.]*$/;
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE"];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Collects problems with a location prefix; the parser never stops at the first one. */
class Problems {
  readonly list: string[] = [];
  constructor(readonly file: string) {}
  add(where: string, message: string): void {
    this.list.push(`${this.file}: ${where}: ${message}`);
  }
  fields(where: string, obj: Obj, allowed: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.add(`${where}.${key}`, `unknown field (valid: ${allowed.join(", ")})`);
    }
  }
}

function name(p: Problems, where: string, v: unknown, pattern = DNS_LABEL): string {
  if (typeof v !== "string" || !pattern.test(v)) {
    p.add(where, `${v === undefined ? "missing" : `${JSON.stringify(v)} is not valid`}; expected a lower-case DNS name (a-z, 0-9, '-')`);
    return "";
  }
  return v;
}

function parsePorts(p: Problems, where: string, v: unknown): WorkloadPort[] {
  if (!Array.isArray(v) || v.length === 0) {
    p.add(where, "expected a non-empty list of ports ({name, number, protocol})");
    return [];
  }
  const ports: WorkloadPort[] = [];
  v.forEach((raw, i) => {
    const at = `${where}[${i}]`;
    if (!isObj(raw)) return p.add(at, "expected {name, number, protocol}");
    p.fields(at, raw, ["name", "number", "protocol"]);
    const portName = name(p, `${at}.name`, raw.name);
    const number = raw.number;
    if (typeof number !== "number" || !Number.isInteger(number) || number < 1 || number > 65535) {
      p.add(`${at}.number`, `${JSON.stringify(number)} is not valid; expected an integer 1-65535`);
    } else if (number >= 15000 && number <= 15090) {
      p.add(`${at}.number`, `${number} is reserved by the Istio sidecar (15000-15090); use another port`);
    }
    const protocol = (raw.protocol ?? "HTTP") as Protocol;
    if (!PROTOCOLS.includes(protocol)) p.add(`${at}.protocol`, `${JSON.stringify(raw.protocol)} is not valid; expected one of ${PROTOCOLS.join(", ")}`);
    if (ports.some((q) => q.name === portName)) p.add(`${at}.name`, `duplicate port name "${portName}"`);
    if (ports.some((q) => q.number === number)) p.add(`${at}.number`, `duplicate port ${number}`);
    ports.push({ name: portName, number: number as number, protocol });
  });
  return ports;
}

function parseLabels(p: Problems, where: string, v: unknown): Record<string, string> {
  if (!isObj(v) || Object.keys(v).length === 0) {
    p.add(where, "expected a non-empty map of pod labels, e.g. {app: www}");
    return {};
  }
  const labels: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) {
    if (!LABEL_KEY.test(k)) p.add(`${where}.${k}`, "is not a valid label key");
    if (typeof val !== "string" || !LABEL_VALUE.test(val)) p.add(`${where}.${k}`, `${JSON.stringify(val)} is not a valid label value (a string of up to 63 letters, digits, '-', '_', '.')`);
    labels[k] = String(val);
  }
  return labels;
}

function parseWorkload(p: Problems, where: string, raw: unknown): Workload | undefined {
  if (!isObj(raw)) {
    p.add(where, "expected a workload {name, namespace, serviceAccount, selector, ports}");
    return undefined;
  }
  const label = typeof raw.name === "string" ? `${where} (${raw.name})` : where;
  p.fields(label, raw, ["name", "namespace", "serviceAccount", "selector", "ports"]);
  return {
    name: name(p, `${label}.name`, raw.name),
    namespace: name(p, `${label}.namespace`, raw.namespace),
    serviceAccount: name(p, `${label}.serviceAccount`, raw.serviceAccount, DNS_SUBDOMAIN),
    selector: parseLabels(p, `${label}.selector`, raw.selector),
    ports: parsePorts(p, `${label}.ports`, raw.ports),
  };
}

function parseSource(p: Problems, where: string, v: unknown, workloads: readonly Workload[]): CallSource | undefined {
  const valid = `a workload name (${workloads.map((w) => w.name).join(", ")}), "ingress", {principal: <trust-domain>/ns/<ns>/sa/<sa>} or {namespace: <ns>}`;
  if (typeof v === "string") {
    if (v === "ingress") return { kind: "ingress" };
    if (v === "" || v.includes("*")) p.add(where, `wildcard or empty source ${JSON.stringify(v)} is not allowed; expected ${valid}`);
    else if (!workloads.some((w) => w.name === v)) p.add(where, `unknown workload "${v}"; expected ${valid}`);
    else return { kind: "workload", workload: v };
    return undefined;
  }
  if (isObj(v) && Object.keys(v).length === 1 && typeof v.principal === "string") {
    if (!PRINCIPAL.test(v.principal)) p.add(`${where}.principal`, `${JSON.stringify(v.principal)} is not valid; expected <trust-domain>/ns/<ns>/sa/<sa>, no wildcards`);
    return { kind: "principal", principal: v.principal };
  }
  if (isObj(v) && Object.keys(v).length === 1 && typeof v.namespace === "string") {
    if (!DNS_LABEL.test(v.namespace)) p.add(`${where}.namespace`, `${JSON.stringify(v.namespace)} is not valid; expected a namespace name, no wildcards`);
    return { kind: "namespace", namespace: v.namespace };
  }
  p.add(where, `${v === undefined ? "missing" : "not valid"}; expected ${valid}`);
  return undefined;
}

function parsePaths(p: Problems, where: string, v: unknown): PathMatch[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length === 0) {
    p.add(where, "expected a non-empty list of {prefix: /…} or {exact: /…} (omit the field to allow any path)");
    return [];
  }
  return v.flatMap((raw, i): PathMatch[] => {
    const at = `${where}[${i}]`;
    const keys = isObj(raw) ? Object.keys(raw) : [];
    const key = keys[0];
    const value = isObj(raw) && key !== undefined ? raw[key] : undefined;
    if (keys.length !== 1 || (key !== "prefix" && key !== "exact")) {
      p.add(at, "expected {prefix: /…} or {exact: /…}");
      return [];
    }
    if (typeof value !== "string" || !value.startsWith("/") || /[*?#\s]/.test(value)) {
      p.add(`${at}.${key}`, `${JSON.stringify(value)} is not valid; expected a path starting with "/" without '*', '?', '#' or spaces`);
      return [];
    }
    return [key === "prefix" ? { prefix: value } : { exact: value }];
  });
}

function parseCall(p: Problems, index: number, raw: unknown, workloads: readonly Workload[]): Call | undefined {
  const where = `calls[${index}]`;
  if (!isObj(raw)) {
    p.add(where, "expected a call {from, to, ports?, methods?, paths?}");
    return undefined;
  }
  const label = typeof raw.from === "string" && typeof raw.to === "string" ? `${where} (${raw.from} -> ${raw.to})` : where;
  p.fields(label, raw, ["from", "to", "ports", "methods", "paths"]);
  const from = parseSource(p, `${label}.from`, raw.from, workloads);
  const target = typeof raw.to === "string" ? workloads.find((w) => w.name === raw.to) : undefined;
  if (!target) {
    p.add(`${label}.to`, `${raw.to === undefined ? "missing" : `unknown workload ${JSON.stringify(raw.to)}`}; expected one of ${workloads.map((w) => w.name).join(", ")}`);
    return undefined;
  }
  if (from?.kind === "workload" && from.workload === target.name) p.add(`${label}.from`, "a workload calling itself needs no policy");
  let ports = target.ports.map((q) => q.number);
  if (raw.ports !== undefined) {
    const exposed = target.ports.map((q) => `${q.number} (${q.name})`).join(", ");
    if (!Array.isArray(raw.ports) || raw.ports.length === 0) {
      p.add(`${label}.ports`, `expected a non-empty list of ports of ${target.name}: ${exposed} (omit the field for all)`);
    } else {
      ports = raw.ports.flatMap((q, i): number[] => {
        const port = target.ports.find((tp) => tp.number === q || tp.name === q);
        if (!port) p.add(`${label}.ports[${i}]`, `${target.name} does not expose port ${JSON.stringify(q)}; it exposes ${exposed}`);
        return port ? [port.number] : [];
      });
    }
  }
  let methods: string[] = [];
  if (raw.methods !== undefined) {
    if (!Array.isArray(raw.methods) || raw.methods.length === 0) p.add(`${label}.methods`, `expected a non-empty list of ${METHODS.join(", ")} (omit the field to allow any method)`);
    else
      methods = raw.methods.flatMap((m, i) => {
        if (typeof m === "string" && METHODS.includes(m)) return [m];
        p.add(`${label}.methods[${i}]`, `${JSON.stringify(m)} is not valid; expected one of ${METHODS.join(", ")}`);
        return [];
      });
  }
  const paths = parsePaths(p, `${label}.paths`, raw.paths);
  if (methods.length > 0 || paths.length > 0) {
    // In an ALLOW policy, HTTP fields on a TCP port never match: the call would be silently denied.
    for (const number of ports) {
      const port = target.ports.find((tp) => tp.number === number);
      if (port && !HTTP_PROTOCOLS.has(port.protocol)) p.add(`${label}.ports`, `methods and paths need an HTTP port, but ${target.name} port ${number} is ${port.protocol}`);
    }
  }
  if (!from) return undefined;
  return { from, to: target.name, ports: [...new Set(ports)].sort((a, b) => a - b), methods: [...new Set(methods)], paths };
}

function parseIngress(p: Problems, v: unknown): IngressGateway {
  if (v === undefined) return DEFAULT_INGRESS;
  if (!isObj(v)) {
    p.add("ingress", "expected {namespace, serviceAccount, selector}");
    return DEFAULT_INGRESS;
  }
  p.fields("ingress", v, ["namespace", "serviceAccount", "selector"]);
  return {
    namespace: v.namespace === undefined ? DEFAULT_INGRESS.namespace : name(p, "ingress.namespace", v.namespace),
    serviceAccount: v.serviceAccount === undefined ? DEFAULT_INGRESS.serviceAccount : name(p, "ingress.serviceAccount", v.serviceAccount, DNS_SUBDOMAIN),
    selector: v.selector === undefined ? DEFAULT_INGRESS.selector : parseLabels(p, "ingress.selector", v.selector),
  };
}

/** Builds a service graph from its parsed YAML/JSON value; throws GraphError listing every problem. */
export function graphFromObject(doc: unknown, file = "graph"): ServiceGraph {
  const p = new Problems(file);
  if (!isObj(doc)) throw new GraphError([`${file}: expected a mapping with workloads and calls`]);
  p.fields("graph", doc, ["trustDomain", "ingress", "workloads", "calls"]);
  const trustDomain = doc.trustDomain === undefined ? DEFAULT_TRUST_DOMAIN : name(p, "trustDomain", doc.trustDomain, DNS_SUBDOMAIN);
  const ingress = parseIngress(p, doc.ingress);
  const workloads: Workload[] = [];
  if (!Array.isArray(doc.workloads) || doc.workloads.length === 0) p.add("workloads", "expected a non-empty list of workloads");
  else
    doc.workloads.forEach((raw, i) => {
      const w = parseWorkload(p, `workloads[${i}]`, raw);
      if (!w) return;
      if (w.name === "ingress") p.add(`workloads[${i}].name`, `"ingress" is reserved for the ingress gateway`);
      if (w.name && workloads.some((o) => o.name === w.name)) p.add(`workloads[${i}].name`, `duplicate workload name "${w.name}" (names are unique across namespaces)`);
      workloads.push(w);
    });
  const calls: Call[] = [];
  if (doc.calls !== undefined && !Array.isArray(doc.calls)) p.add("calls", "expected a list of calls");
  else (doc.calls ?? []).forEach((raw: unknown, i: number) => {
    const c = parseCall(p, i, raw, workloads);
    if (c) calls.push(c);
  });
  if (p.list.length > 0) throw new GraphError(p.list);
  return { source: file, trustDomain, ingress, workloads, calls };
}

/** Parses a service graph from YAML text. */
export function parseGraph(text: string, file = "graph.yaml"): ServiceGraph {
  let doc: unknown;
  try {
    doc = parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (err) {
    if (err instanceof YAMLParseError) throw new GraphError([`${file}: not valid YAML: ${err.message}`]);
    throw err;
  }
  return graphFromObject(doc, file);
}

/** Reads and parses a service graph file. */
export function loadGraph(path: string): ServiceGraph {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new GraphError([`${path}: cannot read the service graph (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`]);
  }
  return parseGraph(text, path);
}
