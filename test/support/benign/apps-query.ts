// Query strings of application families the other generators leave out: RSQL/FIQL, REST list
// conventions (JSON:API, Django, Strapi brackets), OData system options together, Lucene/KQL as
// search boxes send them, OAuth 2.0/OIDC redirects and callbacks, SAML bindings, analytics beacons.
// Each generator yields a whole query string, unescaped (rawQuery or q() escapes it as clients do).
import fc from "fast-check";
import { deflateRawSync } from "node:zlib";
import { pick } from "../variants/positions.js";
import { camel, date, decimal, dotted, host, ident, int, noun, pascal, phrase, small, timestamp, uuid, word } from "./words.js";
import { jwt } from "./wire.js";
import { personName } from "./text.js";

const enc = (s: string) => encodeURIComponent(s);
/** Joins [name, value] pairs into a query string, each value escaped as URLSearchParams does. */
export const qs = (xs: [string, string][]) => xs.map(([k, v]) => `${k}=${new URLSearchParams({ v }).toString().slice(2)}`).join("&");

// --- RSQL / FIQL (Spring, JAX-RS, cxf): `;` and, `,` or, `=op=` comparisons ---------------------------
const rsqlValue = fc.oneof(ident, int, date, timestamp, word.map((w) => `"${w} ${w}*"`), personName.map((n) => `'${n.replace(/'/g, "\\'")}'`), ident.map((s) => `*${s}*`));
// (a field `session.x` reads as a php.ini directive: residue listed in benign-apps.test.ts)
const field = dotted.filter((f) => !f.startsWith("session."));
const rsqlCmp = fc.oneof(
  fc.tuple(field, pick(["==", "!=", "=gt=", "=ge=", "=lt=", "=le=", "=like=", ">", "<", ">=", "<="]), rsqlValue).map(([f, op, v]) => f + op + v),
  fc.tuple(field, pick(["=in=", "=out="]), fc.array(fc.oneof(ident, int), { minLength: 1, maxLength: 4 })).map(([f, op, vs]) => `${f}${op}(${vs.join(",")})`),
  fc.tuple(field, fc.boolean()).map(([f, b]) => `${f}=isnull=${b}`),
  fc.tuple(field, small, int).map(([f, a, b]) => `${f}=bt=(${a},${b})`),
);
const rsql: fc.Arbitrary<string> = fc.array(fc.tuple(rsqlCmp, pick([";", ",", " and ", " or "]), fc.boolean()), { minLength: 1, maxLength: 4 })
  .map((xs) => xs.map(([c, op, g], i) => (i ? op : "") + (g && i === 1 ? `(${c})` : c)).join(""));
export const rsqlQuery: fc.Arbitrary<string> = fc.tuple(pick(["search", "filter", "query", "q"]), rsql, small, fc.option(fc.tuple(camel, pick(["asc", "desc"])), { nil: undefined }))
  .map(([n, r, p, s]) => qs([[n, r], ["page", p], ["size", "20"], ...(s ? [["sort", s.join(",")] as [string, string]] : [])]));

// --- REST list conventions -------------------------------------------------------------------------
const sortList = fc.array(fc.tuple(pick(["", "-", "+"]), fc.oneof(ident, dotted)), { minLength: 1, maxLength: 3 }).map((xs) => xs.map(([s, f]) => s + f).join(","));
const DJANGO = pick(["exact", "iexact", "icontains", "gte", "lte", "gt", "lt", "in", "isnull", "startswith", "range", "year", "date"]);
const STRAPI = pick(["$eq", "$eqi", "$ne", "$lt", "$lte", "$gt", "$gte", "$in", "$notIn", "$contains", "$containsi", "$startsWith", "$null", "$between"]);
/** JSON:API, Rails/Ransack and Laravel list queries: sort, sparse fields, includes, pages, filter[field]. */
export const restListQuery: fc.Arbitrary<string> = fc.oneof(
  // JSON:API
  fc.tuple(sortList, noun, fc.array(ident, { minLength: 1, maxLength: 3 }), fc.array(fc.oneof(ident, dotted), { maxLength: 2 }), small, fc.dictionary(ident, fc.oneof(ident, int, date), { maxKeys: 2 }))
    .map(([s, t, fs, inc, p, f]) => qs([["sort", s], [`fields[${t}s]`, fs.join(",")], ...(inc.length ? [["include", inc.join(",")] as [string, string]] : []), ["page[number]", p], ["page[size]", "25"], ...Object.entries(f).map(([k, v]): [string, string] => [`filter[${k}]`, v])])),
  // Rails / Ransack, Laravel query builder
  fc.tuple(ident, pick(["_cont", "_eq", "_gteq", "_lt", "_in", "_start", "_present"]), fc.oneof(ident, int, phrase), sortList).map(([f, p, v, s]) => qs([[`q[${f}${p}]`, v], ["q[s]", `${s.replace(/^[-+]/, "")} desc`], ["per_page", "50"]])),
  fc.tuple(fc.dictionary(ident, fc.oneof(ident, int, personName), { minKeys: 1, maxKeys: 3 }), sortList, fc.array(ident, { maxLength: 2 })).map(([f, s, inc]) => qs([...Object.entries(f).map(([k, v]): [string, string] => [`filter[${k}]`, v]), ["sort", s], ...(inc.length ? [["include", inc.join(",")] as [string, string]] : []), ["fields[users]", "id,name,email"]])),
);
/**
 * List queries whose names carry ORM lookups or Mongo-style operators: django-filter (`price__gte=`) and
 * Strapi (`filters[price][$lt]=`). Blocked on purpose (benign-apps.test.ts says why).
 */
export const ormFilterQuery: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.array(fc.tuple(ident, DJANGO, fc.oneof(ident, int, date, personName)), { minLength: 1, maxLength: 3 }), sortList, phrase)
    .map(([fs, o, s]) => qs([...fs.map(([f, l, v]): [string, string] => [`${f}__${l}`, l === "isnull" ? "true" : l === "in" || l === "range" ? `${v},${v}` : v]), ["ordering", o], ["search", s]])),
  fc.tuple(fc.array(fc.tuple(dotted, STRAPI, fc.oneof(ident, int, date, phrase)), { minLength: 1, maxLength: 3 }), fc.array(ident, { maxLength: 2 }), ident, small)
    .map(([fs, pop, s, n]) => qs([...fs.map(([f, op, v]): [string, string] => [`filters${f.split(".").map((x) => `[${x}]`).join("")}[${op}]`, v]), ...pop.map((p, i): [string, string] => [`populate[${i}]`, p]), ["sort[0]", `${s}:desc`], ["pagination[pageSize]", n], ["locale", "en"]])),
);

// --- OData v4 system query options together ----------------------------------------------------------
const odLit = fc.oneof(word.map((w) => `'${w}'`), personName.map((n) => `'${n.replace(/'/g, "''")}'`), int, decimal, date, timestamp, uuid, pick(["true", "false", "null"]));
const odCmp = fc.oneof(
  fc.tuple(pascal, pick(["eq", "ne", "gt", "ge", "lt", "le"]), odLit).map(([p, op, v]) => `${p} ${op} ${v}`),
  fc.tuple(pick(["contains", "startswith", "endswith"]), pascal, personName).map(([f, p, v]) => `${f}(tolower(${p}),'${v.toLowerCase().replace(/'/g, "''")}')`),
  fc.tuple(pascal, fc.array(word, { minLength: 1, maxLength: 3 })).map(([p, vs]) => `${p} in (${vs.map((v) => `'${v}'`).join(",")})`),
  fc.tuple(pascal, pascal, pick(["any", "all"]), odLit).map(([c, p, q, v]) => `${c}/${q}(d:d/${p} ${q === "any" ? "eq" : "ne"} ${v})`),
  fc.tuple(pascal, pick(["add", "sub", "mul", "div", "mod"]), small, pick(["gt", "lt"]), int).map(([p, op, a, c, b]) => `${p} ${op} ${a} ${c} ${b}`),
  fc.tuple(pascal, small).map(([p, n]) => `geo.distance(${p},geography'SRID=4326;POINT(-122.${n} 47.6)') lt ${n}000`),
  fc.tuple(pascal, int).map(([p, n]) => `cast(${p},Edm.Int32) ge ${n}`),
  pascal.map((p) => `not (${p} eq null)`),
);
const odFilter = fc.array(fc.tuple(odCmp, pick([" and ", " or "])), { minLength: 1, maxLength: 3 }).map((xs) => xs.map(([c, op], i) => (i ? op : "") + c).join(""));
// (a navigation property named like a SQL function, `$expand=Version($filter=a or b)`: residue listed in benign-apps.test.ts)
const navigation = pascal.filter((p) => !/^(Count|Version|User|Sum|Min|Max|Avg)$/.test(p));
export const odataQuery: fc.Arbitrary<string> = fc.tuple(odFilter, fc.array(fc.tuple(pascal, pick(["", " desc", " asc"])), { minLength: 1, maxLength: 2 }), fc.array(pascal, { minLength: 1, maxLength: 4 }), fc.option(fc.tuple(navigation, odFilter, pascal), { nil: undefined }), small, fc.option(fc.oneof(phrase.map((p) => `"${p}"`), fc.tuple(word, word).map(([a, b]) => `${a} OR ${b} NOT ${noun}`)), { nil: undefined }), fc.option(fc.tuple(pascal, pascal), { nil: undefined }))
  .map(([f, ob, sel, ex, top, search, apply]) => qs([
    ["$filter", f], ["$orderby", ob.map(([p, o]) => p + o).join(",")], ["$select", sel.join(",")],
    ...(ex ? [["$expand", `${ex[0]}($filter=${ex[1]};$orderby=${ex[2]} desc;$top=5;$select=Id,${ex[2]})`] as [string, string]] : []),
    ["$top", top], ["$skip", String(Number(top) * 3)], ["$count", "true"],
    ...(search ? [["$search", search] as [string, string]] : []),
    ...(apply ? [["$apply", `filter(${apply[0]} ne null)/groupby((${apply[1]}),aggregate(${apply[0]} with sum as Total))`] as [string, string]] : []),
  ]));

// --- Lucene / Kibana KQL as search boxes send them -----------------------------------------------------
const luceneTerm = fc.oneof(
  fc.tuple(ident, phrase).map(([f, p]) => `${f}:"${p}"`),
  fc.tuple(word, small).map(([w, n]) => `${w}~${Number(n) % 3}`), fc.tuple(phrase, small).map(([p, n]) => `"${p}"~${n}`),
  fc.tuple(ident, word, small).map(([f, w, n]) => `${f}:${w}^${Number(n) % 5 + 1}`),
  fc.tuple(ident, word).map(([f, w]) => `${f}:${w.slice(0, 2)}?${w.slice(3)}*`),
  fc.tuple(ident, pick(["[", "{"]), fc.oneof(int, pick(["*", "now-15m", "now-1d/d"])), fc.oneof(int, pick(["*", "now"])), pick(["]", "}"])).map(([f, a, x, y, b]) => `${f}:${a}${x} TO ${y}${b}`),
  fc.tuple(ident, word).map(([f, w]) => `${f}:/${w}[a-z]+(-[0-9]{2})?/`),
  ident.map((f) => `_exists_:${f}`), fc.tuple(pick(["+", "-", "!"]), ident, word).map(([s, f, w]) => `${s}${f}:${w}`),
  fc.tuple(ident, ident, ident).map(([a, b, c]) => `path:\\/var\\/log\\/${a}\\/${b}.log OR file.name:${c}\\-*.gz`),
  fc.tuple(pick(["title", "body", "message"]), pick(["select", "drop", "delete", "union", "exec", "sleep", "kill", "cat"]), noun).map(([f, a, b]) => `${f}:(${a} AND ${b})`),
);
const kql = fc.oneof(
  fc.tuple(dotted, pick([">=", "<", ">", "<="]), int).map(([f, op, n]) => `${f} ${op} ${n}`),
  fc.tuple(dotted, phrase).map(([f, p]) => `${f} : "${p}"`),
  fc.tuple(dotted, fc.array(ident, { minLength: 2, maxLength: 3 })).map(([f, vs]) => `${f} : (${vs.join(" or ")})`),
  fc.tuple(dotted, ident).map(([f, v]) => `not ${f} : ${v}*`),
  fc.tuple(pick(["url.path", "http.request.path"]), ident).map(([f, v]) => `${f} : "/api/${v}/*"`),
);
export const searchBoxQuery: fc.Arbitrary<string> = fc.tuple(fc.oneof(
  fc.array(fc.tuple(luceneTerm, pick([" AND ", " OR ", " AND NOT ", " ", " && ", " || "])), { minLength: 1, maxLength: 4 }).map((xs) => xs.map(([t, op], i) => (i ? op : "") + t).join("")),
  fc.array(fc.tuple(kql, pick([" and ", " or ", " and not "])), { minLength: 1, maxLength: 3 }).map((xs) => xs.map(([t, op], i) => (i ? op : "") + t).join("")),
), pick(["q", "query", "kuery", "search"]), small, pick(["@timestamp:desc", "_score", "date:asc"]))
  .map(([q, n, s, sort]) => qs([[n, q], ["from", String(Number(s) * 10)], ["size", "10"], ["sort", sort], ["default_operator", "AND"]]));

// --- OAuth 2.0 / OIDC ----------------------------------------------------------------------------------
const b64u = (s: string | Buffer) => Buffer.from(s).toString("base64url");
const rand = fc.uint8Array({ minLength: 16, maxLength: 48 }).map((b) => Buffer.from(b).toString("base64url"));
const webRedirect = fc.oneof(
  fc.tuple(host, pick(["/callback", "/oauth2/callback", "/auth/oidc/redirect", "/login/oauth2/code/okta", "/signin-oidc", "/api/auth/callback/google"])).map(([h, p]) => `https://${h}${p}`),
  pick(["com.example.app:/oauth2redirect", "urn:ietf:wg:oauth:2.0:oob", "msauth.com.example.app://auth"]),
);
// RFC 8252: a native app or CLI listens on a loopback port for the redirect
const loopbackRedirect = fc.oneof(
  fc.integer({ min: 1024, max: 65000 }).map((p) => `http://127.0.0.1:${p}/`),
  fc.integer({ min: 1024, max: 65000 }).map((p) => `http://localhost:${p}/oauth/callback`),
);
const scope = fc.array(pick(["openid", "profile", "email", "offline_access", "read:orders", "write:orders", "https://www.googleapis.com/auth/calendar.readonly", "api://orders/.default", "groups", "address", "phone"]), { minLength: 1, maxLength: 4 }).map((xs) => [...new Set(xs)].join(" "));
const state = fc.oneof(rand, fc.tuple(rand, pick(["/dashboard", "/orders?tab=open&page=2", "/settings/profile#security", "/"])).map(([n, r]) => b64u(JSON.stringify({ nonce: n.slice(0, 12), returnTo: r }))));
const oauth = (redirect: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.oneof(
  fc.tuple(uuid, redirect, scope, state, rand, rand, fc.option(fc.tuple(personName, pick(["consent", "login", "select_account", "none"])), { nil: undefined }))
    .map(([cid, r, s, st, n, ch, extra]) => qs([["response_type", "code"], ["client_id", cid], ["redirect_uri", r], ["scope", s], ["state", st], ["nonce", n], ["code_challenge", ch], ["code_challenge_method", "S256"],
      ...(extra ? [["login_hint", `${extra[0].split(" ")[0].toLowerCase()}@example.com`], ["prompt", extra[1]], ["ui_locales", "fr-CA fr en"], ["claims", JSON.stringify({ id_token: { email: { essential: true }, acr: { values: ["urn:mace:incommon:iap:silver"] } } })]] as [string, string][] : [])])),
  fc.tuple(rand, state, host, uuid).map(([c, st, h, sid]) => qs([["code", c], ["state", st], ["session_state", `${sid}.${sid.slice(0, 8)}`], ["iss", `https://${h}/realms/main`], ["scope", "openid email profile"]])),
  fc.tuple(state, pick(["access_denied", "invalid_scope", "login_required", "interaction_required", "consent_required"]), phrase, host).map(([st, e, d, h]) => qs([["error", e], ["error_description", `AADSTS65004: ${d[0].toUpperCase()}${d.slice(1)}. Trace ID: 2f4e-${d.length}. Correlation ID: ${h}. Timestamp: 2024-05-01 10:12:33Z`], ["error_uri", `https://${h}/help?code=${e}`], ["state", st]])),
  fc.tuple(redirect, rand, uuid, rand).map(([r, c, cid, v]) => qs([["grant_type", "authorization_code"], ["code", c], ["redirect_uri", r], ["client_id", cid], ["code_verifier", v + v]])),
  fc.tuple(jwt, uuid, scope).map(([a, cid, s]) => qs([["grant_type", "client_credentials"], ["client_id", cid], ["client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"], ["client_assertion", a], ["scope", s]])),
  fc.tuple(jwt, state, rand).map(([t, st, c]) => qs([["id_token", t], ["code", c], ["state", st], ["session_state", c.slice(0, 20)]])), // response_mode=form_post
  fc.tuple(jwt, redirect, state).map(([t, r, st]) => qs([["id_token_hint", t], ["post_logout_redirect_uri", r], ["state", st]])),
  fc.tuple(rand, uuid).map(([d, cid]) => qs([["grant_type", "urn:ietf:params:oauth:grant-type:device_code"], ["device_code", d], ["client_id", cid]])),
);
/** Authorization requests, callbacks (query and form_post), token and logout requests of web clients. */
export const oauthQuery = oauth(webRedirect);
/** The same with the loopback redirect of a native app or CLI. Blocked on purpose (benign-apps.test.ts says why). */
export const oauthLoopbackQuery = oauth(loopbackRedirect).filter((q) => q.includes("redirect_uri=http"));

// --- SAML 2.0 bindings ---------------------------------------------------------------------------------
const samlId = fc.uint8Array({ minLength: 16, maxLength: 20 }).map((b) => "_" + Buffer.from(b).toString("hex"));
const b64 = fc.uint8Array({ minLength: 20, maxLength: 256 }).map((b) => Buffer.from(b).toString("base64"));
const attrs = fc.array(fc.tuple(pick(["email", "givenName", "sn", "displayName", "memberOf", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", "urn:oid:0.9.2342.19200300.100.1.3"]), fc.oneof(personName, ident.map((s) => `${s}@example.com`), ident.map((g) => `CN=${g},OU=Groups,DC=corp,DC=example,DC=com`))), { minLength: 1, maxLength: 4 })
  .map((xs) => xs.map(([n, v]) => `<saml:Attribute Name="${n}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"><saml:AttributeValue xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xs:string">${v.replace(/&/g, "&amp;").replace(/'/g, "&apos;")}</saml:AttributeValue></saml:Attribute>`).join(""));
const samlResponse = fc.tuple(samlId, samlId, host, host, timestamp, attrs, b64, b64, ident).map(([id, aid, idp, sp, t, at, dig, sig, user]) =>
  `<?xml version="1.0" encoding="UTF-8"?><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${t}" Destination="https://${sp}/saml/acs" InResponseTo="${aid}"><saml:Issuer>https://${idp}/idp/metadata</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
  `<saml:Assertion ID="${aid}x" Version="2.0" IssueInstant="${t}"><saml:Issuer>https://${idp}/idp/metadata</saml:Issuer><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI="#${aid}x"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>${dig.slice(0, 44)}</ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue>${sig}</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${sig}${dig}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>` +
  `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${user}@example.com</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${t}" Recipient="https://${sp}/saml/acs" InResponseTo="${aid}"/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="${t}" NotOnOrAfter="${t}"><saml:AudienceRestriction><saml:Audience>https://${sp}/saml/metadata</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="${t}" SessionIndex="${id}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement><saml:AttributeStatement>${at}</saml:AttributeStatement></saml:Assertion></samlp:Response>`);
const authnRequest = fc.tuple(samlId, host, host, timestamp).map(([id, idp, sp, t]) =>
  `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${t}" Destination="https://${idp}/sso/saml" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" AssertionConsumerServiceURL="https://${sp}/saml/acs"><saml:Issuer>https://${sp}/saml/metadata</saml:Issuer><samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified" AllowCreate="true"/><samlp:RequestedAuthnContext Comparison="exact"><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></samlp:RequestedAuthnContext></samlp:AuthnRequest>`);
const relay = fc.oneof(rand, pick(["/dashboard", "https://app.example.com/reports?id=42&view=full", "ss:mem:7f3c2a"]));
export const samlQuery: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(samlResponse, relay).map(([x, r]) => qs([["SAMLResponse", Buffer.from(x).toString("base64")], ["RelayState", r]])), // HTTP-POST binding (a form body)
  fc.tuple(authnRequest, relay, b64).map(([x, r, s]) => qs([["SAMLRequest", deflateRawSync(Buffer.from(x)).toString("base64")], ["RelayState", r], ["SigAlg", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"], ["Signature", s]])), // HTTP-Redirect binding
  fc.tuple(authnRequest, relay).map(([x, r]) => qs([["SAMLRequest", Buffer.from(x).toString("base64")], ["RelayState", r]])),
);

// --- analytics beacons -------------------------------------------------------------------------------
const pageUrl = fc.tuple(host, fc.array(ident, { maxLength: 3 }), fc.option(fc.tuple(ident, fc.oneof(ident, phrase)), { nil: undefined })).map(([h, p, q]) => `https://www.${h}/${p.join("/")}${q ? `?${q[0]}=${enc(q[1])}&utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale` : ""}`);
const ua = pick([
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
]);
export const beaconQuery: fc.Arbitrary<string> = fc.oneof(
  // GA4 measurement protocol (gtag)
  fc.tuple(pageUrl, phrase, int, int, pick(["page_view", "scroll", "view_search_results", "add_to_cart", "user_engagement"]), phrase, pageUrl).map(([dl, dt, a, b, en, st, dr]) =>
    qs([["v", "2"], ["tid", "G-8KX2QWE1RT"], ["gtm", "45je45h0v9"], ["_p", a], ["cid", `${a}.${b}`], ["ul", "en-us"], ["sr", "1920x1080"], ["_s", "3"], ["sid", b], ["sct", "4"], ["seg", "1"], ["dl", dl], ["dr", dr], ["dt", dt], ["en", en], ["ep.search_term", st], ["epn.value", "19.99"], ["_et", "1534"]])),
  // Snowplow: self-describing event and contexts as base64url JSON
  fc.tuple(pageUrl, phrase, uuid, ident, fc.dictionary(camel, fc.oneof(ident, phrase, int), { maxKeys: 4 })).map(([u, t, eid, s, data]) =>
    qs([["e", "ue"], ["url", u], ["page", t], ["eid", eid], ["tv", "js-3.23.0"], ["tna", "sp1"], ["aid", s], ["p", "web"], ["res", "1440x900"], ["cs", "UTF-8"],
      ["ue_px", b64u(JSON.stringify({ schema: "iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0", data: { schema: `iglu:com.example/${s}/jsonschema/1-0-2`, data } }))],
      ["cx", b64u(JSON.stringify({ schema: "iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-0", data: [{ schema: "iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0", data: { id: eid } }] }))]])),
  // Matomo
  fc.tuple(pageUrl, phrase, int, pageUrl, ua).map(([u, t, r, ref, agent]) =>
    qs([["idsite", "3"], ["rec", "1"], ["action_name", `Shop | ${t}`], ["url", u], ["_id", `${r}abcdef`.slice(0, 16)], ["rand", r], ["h", "14"], ["m", "3"], ["s", "51"], ["urlref", ref], ["_cvar", JSON.stringify({ 1: ["OS", "Windows"], 2: ["Page type", t] })], ["ua", agent], ["res", "1920x1080"], ["pv_id", r.slice(0, 6)]])),
  // Mixpanel / Segment-style: a base64 JSON batch in `data`
  fc.tuple(pick(["Signed Up", "Viewed Product", "Checkout Started", "Search"]), phrase, uuid, pageUrl, ua).map(([ev, p, id, u, agent]) =>
    qs([["data", Buffer.from(JSON.stringify([{ event: ev, properties: { token: "a1b2c3", distinct_id: id, $current_url: u, $browser: "Chrome", $os: "Windows", search_query: p, $referrer: "$direct", "User Agent": agent } }])).toString("base64")], ["ip", "1"], ["_", String(Date.UTC(2024, 4, 1))]])),
);
