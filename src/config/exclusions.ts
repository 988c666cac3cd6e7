// Exclusion conditions that no request can meet, refused with a hint: a target spelled as the
// engine never names one, a host with a port, a path prefix with a query. The schema's patterns
// let them through; so does the filter, which warns about each with the same words up to the
// hint (assembly/config/matchable.ts; test/config/exclusions.test.ts holds the two to agree).
// Unknown rule ids are the schema's business (definitions.ruleId, written from the registry).

/** For each kind of target: the hint when no name the engine gives can match `name` (the part after `kind:`, without a final `*`), else null. */
type Check = (name: string, prefix: boolean) => string | null;

// HTTP's token characters; a header name is one, or a pseudo-header (`:authority`)
const HEADER_NAME = /^:?[!#$%&'*+\-.^_`|~0-9A-Za-z]*$/;

const when = (never: boolean, hint: string) => (never ? hint : null);

const TARGETS: Record<string, Check> = {
  header: (n, prefix) =>
    when(!HEADER_NAME.test(n), "header names are tokens, without blanks, ':' or separators (header:x-api-key)") ??
    // (Envoy hands the Host header over as :authority, and removes it)
    when(!prefix && n.toLowerCase() === "host", "Envoy hands the Host header over as :authority (header::authority)"),
  cookie: (n) => when(/[;=]|^[ \t]/.test(n), "a cookie by its name alone, without '=', ';' or leading blanks (cookie:session)"),
  args: (n) => when(/%[0-9A-Fa-f]{2}/.test(n), "argument names are matched percent-decoded (args:user[id], not args:user%5Bid%5D)"),
  json: (n) => when(/\[\d*\]/.test(n), "array elements are named by their index (json:items.0.id; json:items.* for all)"),
  xml: (n) => when(/[\x00-\x20/]/.test(n), "an element by its own name, not its path (xml:item, xml:item@id)"),
  jwt: (n, prefix) => when(
    !["header.", "payload."].some((w) => n.startsWith(w) || (prefix && w.startsWith(n))),
    "a token's members are jwt:header.NAME and jwt:payload.PATH (jwt:payload.* for every claim)",
  ),
  files: () => null, // an upload's field name, any name its part sends
  multipart: (n) => when(!HEADER_NAME.test(n) || n.startsWith(":"), "a part header by its name, a token (multipart:content-type)"),
  grpc: (n, prefix) => when(!(prefix ? /^([1-9]\d*\.)*([1-9]\d*)?$/ : /^[1-9]\d*(\.[1-9]\d*)*$/).test(n), "a field by its field numbers, from the outer message in (grpc:4.1; grpc:4.* for every field of 4)"),
};

const STAR_HINT = "a * matches a prefix, only as the last character (args:user*)";
const HOST_HINT = "the :authority's host name, without scheme, port or path (the port is ignored: api.svc)";
const PATH_HINT = "a path as sent, percent-encoded, without query or fragment (/api/v1)";

/** The hint for a target that can never match, or null. */
export function targetHint(target: string): string | null {
  const colon = target.indexOf(":");
  if (colon < 0) return null; // path, body
  const check = TARGETS[target.slice(0, colon)];
  if (check === undefined) return null; // the schema's pattern refuses it
  let name = target.slice(colon + 1);
  const star = name.indexOf("*");
  if (star >= 0 && star < name.length - 1) return STAR_HINT;
  if (star >= 0) name = name.slice(0, star);
  return check(name, star >= 0);
}

/** The hint for a host no authority can match, or null. */
export function hostHint(host: string): string | null {
  const colon = host.lastIndexOf(":");
  return (colon >= 0 && colon > host.lastIndexOf("]")) || /[\x00-\x20/]/.test(host) ? HOST_HINT : null;
}

/** The hint for a path prefix no path can start with, or null. */
export function pathPrefixHint(prefix: string): string | null {
  return /[\x00-\x20?#]/.test(prefix) ? PATH_HINT : null;
}

const CHECKS: [field: string, hint: (value: string) => string | null][] = [
  ["host", hostHint],
  ["pathPrefix", pathPrefixHint],
  ["target", targetHint],
];

/**
 * `exclusions.N.field: "value" can never match: hint` for every exclusion condition no request can
 * meet (the filter logs the same warning without the hint). Fields of the wrong type or shape are
 * left to the schema.
 */
export function exclusionProblems(config: unknown): string[] {
  const out: string[] = [];
  const exclusions = (config as { exclusions?: unknown } | null)?.exclusions;
  if (!Array.isArray(exclusions)) return out;
  exclusions.forEach((e: unknown, i) => {
    if (e === null || typeof e !== "object") return;
    for (const [field, hint] of CHECKS) {
      const value = (e as Record<string, unknown>)[field];
      const why = typeof value === "string" && value.length > 0 ? hint(value) : null;
      if (why !== null) out.push(`exclusions.${i}.${field}: "${value}" can never match: ${why}`);
    }
  });
  return out;
}
