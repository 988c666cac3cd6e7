// Families of benign application traffic (apps-query.ts, apps-content.ts) with the requests that
// carry them: query strings as clients compose them, form posts, JSON bodies, multipart uploads.
// Used by test/engine/benign-apps.test.ts and scripts/probe-families.ts.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { jsonBody } from "./place.js";
import { beaconQuery, oauthLoopbackQuery, oauthQuery, odataQuery, ormFilterQuery, restListQuery, rsqlQuery, samlQuery, searchBoxQuery } from "./apps-query.js";
import { chartFiles, chatMessage, ciLogUpload, cmsEmbedPost, cmsPost, csvUpload, graphqlFragments, graphqlMutation, inboundMail, issueBody, notebook, notebookRich, painlessBody, terraformRun } from "./apps-content.js";

const HOST: [string, string] = ["host", "app.example.com"];
/** GET with an already escaped query string. */
export const getQuery = (path: string) => (q: string): Req => ({ method: "GET", path: `${path}?${q}`, headers: [HOST, ["accept", "application/json"]] });
/** POST of an already escaped form body. */
export const postForm = (path: string) => (q: string): Req => ({ method: "POST", path, headers: [HOST, ["content-type", "application/x-www-form-urlencoded"]], body: q });
const json = (path: string) => (d: object): Req => jsonBody(d, path);
const multipartFile = (name: string, type: string, text: string): Req => ({
  method: "POST", path: "/api/imports", headers: [HOST, ["content-type", "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW"]],
  body: `------WebKitFormBoundary7MA4YWxkTrZu0gW\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n${text}\r\n------WebKitFormBoundary7MA4YWxkTrZu0gW\r\nContent-Disposition: form-data; name="hasHeader"\r\n\r\ntrue\r\n------WebKitFormBoundary7MA4YWxkTrZu0gW--\r\n`,
});

type Family = [string, fc.Arbitrary<Req>, number];
/** A family blocked in part on purpose, with the exclusion (inspectWith's `ruleIds|categories|host|pathPrefix|method|target`) its route needs. */
type OpenFamily = [string, fc.Arbitrary<Req>, number, string];
const either = (a: fc.Arbitrary<string>, get: string, post: string) => fc.tuple(a, fc.boolean()).map(([q, g]) => (g ? getQuery(get)(q) : postForm(post)(q)));

/** The families that pass, each with the number of runs the test draws. */
export const appFamilies: Family[] = [
  ["RSQL/FIQL query string", rsqlQuery.map(getQuery("/api/v1/users")), 150],
  ["REST list query string", restListQuery.map(getQuery("/api/articles")), 200],
  ["OData query string", odataQuery.map(getQuery("/odata/v4/Products")), 150],
  ["Lucene/KQL search box", searchBoxQuery.map(getQuery("/search")), 200],
  ["OAuth/OIDC redirect or callback", either(oauthQuery, "/oauth2/authorize", "/oauth2/token"), 200],
  ["SAML binding", fc.tuple(samlQuery).map(([q]) => (q.startsWith("SAMLResponse") ? postForm("/saml/acs")(q) : getQuery("/saml/sso")(q))), 100],
  ["analytics beacon", beaconQuery.map(getQuery("/collect")), 150],
  ["CMS post (Gutenberg blocks, editor styles)", cmsPost.map(json("/wp-json/wp/v2/posts")), 150],
  ["chat message", chatMessage.map(json("/slack/events")), 150],
  ["Jupyter notebook", notebook.map(json("/api/contents/analysis/nb.ipynb")), 100],
  ["issue with stack trace and CI log", issueBody.map(json("/api/v4/projects/7/issues")), 100],
  ["CI log upload", ciLogUpload.map(json("/api/v4/jobs/trace")), 60],
  ["Terraform run", terraformRun.map(json("/api/v2/runs")), 100],
  ["Helm template / ConfigMap", chartFiles.map(json("/api/v1/charts")), 80],
  ["Elasticsearch painless script", painlessBody.map(json("/orders/_update_by_query")), 100],
  ["GraphQL fragments and variables", graphqlFragments.map(json("/graphql")), 100],
  ["GraphQL mutation", graphqlMutation.map(json("/graphql")), 60],
  ["CSV/TSV upload", csvUpload.map(({ sep, text }) => multipartFile(sep === "\t" ? "export.tsv" : "export.csv", sep === "\t" ? "text/tab-separated-values" : "text/csv", text)), 100],
];

/**
 * Families blocked in part on purpose (test/engine/benign-apps.test.ts says why), each with the exclusion
 * an operator configures for the API that takes them; with it they pass (asserted).
 */
export const openAppFamilies: OpenFamily[] = [
  ["ORM lookups and operators in a list query (django-filter, Strapi)", ormFilterQuery.map(getQuery("/api/articles")), 100, "17003,12001|||/api/articles||"],
  ["OAuth loopback redirect_uri (native app, CLI)", fc.tuple(oauthLoopbackQuery, fc.boolean()).map(([q, g]) => (g ? getQuery("/oauth2/authorize")(q) : postForm("/oauth2/token")(q))), 60, "|ssrf,rfi||/oauth2/||args:redirect_uri\n|ssrf,rfi||/oauth2/||args:post_logout_redirect_uri"],
  ["CMS post with pasted <iframe> embed code", cmsEmbedPost.map(json("/wp-json/wp/v2/posts")), 60, "|xss||/wp-json/wp/v2/posts||json:content"],
  ["notebook with DataFrame HTML or %%sql", notebookRich.map(json("/api/contents/analysis/nb.ipynb")), 60, "|xss,sqli||/api/contents/||"],
  ["inbound email (HTML document, raw MIME)", inboundMail.map(json("/inbound/email")), 60, "|xss,protocol,other||/inbound/email||"],
];
