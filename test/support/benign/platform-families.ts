// Families of test/engine/benign-platform.test.ts: generator, placement and number of runs.
import fc from "fast-check";
import { placed, type Position } from "../variants/positions.js";
import type { Req } from "../engine.js";
import { jsonBody, requests, withHeader } from "./place.js";
import { cmsTemplate, commandProse, configRegex, logqlStages, regexConfig } from "./config.js";
import { graphqlAggregate } from "./graphql.js";
import { ciWebhook, docFilter, helmValues, jmespath, podSpec, runbook, savedQuery, searchDsl } from "./ops.js";
import { base64Blob, clientAgent, jwt, otelAttrs, proxyHeader } from "./wire.js";

const VALUE: Position[] = ["query", "form", "json"];
// Indexes of positions.ts NAMES: q, id, name, search, data, comment.
const PLAIN = [0, 1, 5, 6, 7, 13];
const values = (a: fc.Arbitrary<string>) => placed(a, VALUE, PLAIN);
const body = (a: fc.Arbitrary<object>, path: string) => requests(a, (d) => jsonBody(d, path));

/** Families that pass. */
export const families: [string, fc.Arbitrary<{ req: Req }>, number][] = [
  ["config regex", values(configRegex), 150],
  ["CI webhook", body(ciWebhook, "/hooks/gitlab"), 80],
  ["search DSL", body(searchDsl, "/logs-*/_search"), 80],
  ["JMESPath/JSONPath", values(jmespath), 100],
  ["proxy header", requests(proxyHeader, withHeader), 150],
  ["client user agent", requests(clientAgent.map((a): [string, string] => ["user-agent", a]), withHeader), 60],
  ["JWT value", values(jwt), 40],
  ["base64 value", values(base64Blob), 60],
  ["command prose", values(commandProse), 150],
  ["LogQL with stages", values(logqlStages), 120],
  ["OpenTelemetry attributes", body(otelAttrs, "/v1/logs"), 80],
  ["GraphQL aggregate", requests(graphqlAggregate, (q) => jsonBody({ query: q, variables: { o: [{ amount: "desc" }] } }, "/v1/graphql")), 80],
  ["CMS template", values(cmsTemplate), 100],
  ["regex config document", body(regexConfig, "/api/v2/silences"), 80],
];

/**
 * Families blocked in part on purpose, each with the route exclusion (inspectWith's
 * `ruleIds|categories|host|pathPrefix|method|target`) an operator configures for the API that takes them;
 * with it they pass (asserted). Blocked without it at seed 20261128: pod spec 21/80 (sensitive paths only), Helm values 3/60,
 * document filter 100/100, saved SQL 79/80, runbook markdown 28/60 (explore with assertPassed(h, reqs, runs, seed)).
 * - Document filters (`{"filter": {"qty": {"$gte": 5}}}`): an operator as a JSON key is exactly NoSQL injection
 *   (`{"password": {"$ne": null}}`); nothing in the request tells a query API from a login form.
 * - Saved SQL (`SELECT ... FROM ... WHERE ...` in a dashboard's rawSql): a whole statement is what an attacker
 *   sends where an app executes a value. Grafana macros (`$__timeFilter(created_at)`) are PHP variable calls
 *   by syntax (rule 9130), so the exclusion names 9130 beside the sqli category.
 * - SQL samples in a runbook's markdown code blocks: to a database the fence is no SQL in most readings, but in a
 *   backtick-quoted identifier (ORDER BY `<value>`) a ``` fence closes it and the block runs: the same exclusion.
 * - Sensitive paths (/var/run/secrets, /etc/nginx) in pod specs and Helm values: the same value is the LFI target of
 *   `file=/var/run/secrets/kubernetes.io/serviceaccount/token`, and a directory cannot be told from a file by name.
 * - `/bin/grpc_health_probe` or `/bin/sh` as a whole value is CRS's `/bin/ab` probe (932160), but at the head of
 *   a JSON list (`"command": ["/bin/sh", "-c", "..."]`, an argv) it passes. `sh -c "echo ok && sleep 5"` as one
 *   value is a command line (rule 4101): pod specs keep the program and its arguments as separate strings, which pass.
 */
export const openFamilies: [string, fc.Arbitrary<{ req: Req }>, number, string][] = [
  ["pod spec", body(podSpec, "/apis/apps/v1/namespaces/prod/statefulsets"), 80, "5102|||/apis/||"],
  ["Helm values", body(helmValues, "/api/releases"), 60, "5102|||/api/releases||"],
  ["document filter", body(docFilter, "/data/v1/action/find"), 100, "12001|||/data/v1/action/||"],
  ["saved SQL query", body(savedQuery, "/api/dashboards/db"), 80, "9130|sqli||/api/dashboards/||"],
  ["runbook markdown", body(runbook.map((text) => ({ page: { title: "Runbook", body: text } })), "/wiki/api/pages"), 60, "9130|sqli||/wiki/api/pages||"],
];
