// Benign east-west traffic generated from small grammars (test/support/benign/): query languages,
// platform payloads and text people type, placed where clients send them. Nothing may reach the
// blocking score at paranoia 1 with the default threshold. Seeded (check.ts): CI runs the same cases.
import { beforeAll, describe, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";
import { placed, type Position } from "../support/variants/positions.js";
import { assertPassed } from "../support/variants/check.js";
import type { Req } from "../support/engine.js";
import { jsonBody, jsonKey, rawQuery, requests, withHeader } from "../support/benign/place.js";
import { logql, promql } from "../support/benign/promql.js";
import { esQuery, lucene } from "../support/benign/search.js";
import { aggregate, analyticsQuery, dateRange, jsonPath, odataFilter, odataOptions, scimFilter } from "../support/benign/filters.js";
import { graphqlDocument, graphqlRequest } from "../support/benign/graphql.js";
import { cron, semverRange } from "../support/benign/schedule.js";
import { cloudEvent, containerArg, featureFlag, imageRef, jsonSchema, k8sObject, labelKey, labelSelector, otlpTrace } from "../support/benign/platform.js";
import { commitMessage, diff, pushWebhook } from "../support/benign/code.js";
import { address, csv, emailBody, markdown, personName, phone, prose } from "../support/benign/text.js";
import { richText } from "../support/benign/richtext.js";
import { filePath, regex, url } from "../support/benign/locators.js";
import { meshHeader } from "../support/benign/headers.js";
import { dotted } from "../support/benign/words.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const VALUE: Position[] = ["query", "form", "json"];
// Indexes of positions.ts NAMES: q, id, name, search, data, comment (and file/path, url/redirect for locators).
const PLAIN = [0, 1, 5, 6, 7, 13];
const FILE = [...PLAIN, 2, 11];
const LINK = [...PLAIN, 3, 12];
const values = (a: fc.Arbitrary<string>, names = PLAIN) => placed(a, VALUE, names);

const families: [string, fc.Arbitrary<{ req: Req }>, number][] = [
  ["PromQL", values(promql), 150],
  ["LogQL", values(logql), 80],
  ["Lucene query string", values(lucene), 120],
  ["Elasticsearch query DSL", requests(esQuery, (d) => jsonBody(d, "/orders/_search")), 80],
  ["OData $filter", values(odataFilter), 120],
  ["OData $orderby/$select", values(odataOptions), 60],
  ["SCIM filter", values(scimFilter), 100],
  ["JSONPath", values(jsonPath), 100],
  ["aggregate expression", values(aggregate), 150],
  ["analytics query string", requests(analyticsQuery, rawQuery), 100],
  ["date range", values(dateRange), 80],
  ["date range query string", requests(dateRange.filter((d) => d.includes("=")), rawQuery), 60],
  ["GraphQL document", values(graphqlDocument), 100],
  ["GraphQL request", requests(graphqlRequest, (d) => jsonBody(d, "/graphql")), 100],
  ["cron", values(cron), 60],
  ["semver range", values(semverRange), 60],
  ["label selector", values(labelSelector), 80],
  ["image reference", values(imageRef), 50],
  ["container argument", values(containerArg), 50],
  ["Kubernetes object", requests(k8sObject, (d) => jsonBody(d, "/apis/apps/v1/namespaces/default/deployments")), 80],
  ["CloudEvent", requests(cloudEvent, (d) => jsonBody(d, "/events")), 60],
  ["OTLP trace", requests(otlpTrace, (d) => jsonBody(d, "/v1/traces")), 50],
  ["feature flag", requests(featureFlag, (d) => jsonBody(d, "/flags")), 60],
  ["JSON Schema", requests(jsonSchema, (d) => jsonBody(d, "/schemas")), 60],
  ["push webhook", requests(pushWebhook, (d) => jsonBody(d, "/hooks/push")), 80],
  ["commit message", values(commitMessage), 60],
  ["diff", values(diff), 80],
  ["markdown", values(markdown), 100],
  ["rich text", values(richText), 120],
  ["CSV", values(csv), 60],
  ["email body", values(emailBody), 60],
  ["address", values(address), 40],
  ["phone", values(phone), 30],
  ["personal name", values(personName), 40],
  ["prose", values(prose), 200],
  ["file path", values(filePath, FILE), 100],
  ["URL", values(url, LINK), 100],
  ["regex", values(regex), 80],
  ["JSON key", requests(fc.oneof(jsonPath, labelKey, dotted, dotted.map((d) => `@odata.${d}`)), jsonKey), 100],
  ["header", requests(meshHeader, withHeader), 120],
];

// Still blocked with other seeds (explore with assertPassed(h, reqs, runs, seed)), left open:
//   regexes in config UIs: count\.(a|b) (sqli 2022).
// Fixed since (benign-platform.test.ts): ^\w+order[a-z]+$, ^(a|b)(c|d)$, GraphQL count(order: $o) { ... },
//   prose with contractions and names such as O'Brien's around command words.
describe("benign mesh traffic at paranoia 1", () => {
  it.each(families)("%s is not blocked", (_name, reqs, runs) => {
    assertPassed(h, reqs, runs);
  });
});
