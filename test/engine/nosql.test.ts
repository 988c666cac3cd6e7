import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { detectorScore, KIND } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});


const score = (input: string, kind: number) => detectorScore(h, "nosql", input, kind);

describe("nosql detection", () => {
  const attacks: [string, number][] = [
    ["\" || this.password.match(/.*/)//", KIND.ArgValue],
    ["admin' && this.isAdmin == true && 'a'=='a", KIND.ArgValue],
    ["user[$ne]", KIND.ArgName],
    ["password[$regex]", KIND.ArgName],
    ["$where", KIND.BodyKey],
    ["$gt", KIND.BodyKey],
    ['{"$ne": null}', KIND.ArgValue],
    ["', $or: [ {}, { 'a':'a", KIND.ArgValue],
    ["[$lte]asdf", KIND.ArgValue],
    ["db.injection.insert({success:1});", KIND.ArgValue],
    ["{$project: {password: 1}}", KIND.ArgValue],
    ["x', $where: 'sleep(100)", KIND.ArgValue],
    ["{$type: String}", KIND.ArgValue],
    ["$jsonSchema", KIND.BodyKey],
    ["user[$nor]", KIND.ArgName],
    ["$jsonSchema", KIND.ArgName],
    ["{$gt: ObjectId('507f1f77bcf86cd799439011')}", KIND.ArgValue],
    ["0;var date=new Date(); do{curDate = new Date();}while(curDate-date<10000)", KIND.ArgValue],
  ];
  for (const [input, kind] of attacks) {
    it(`attack ${JSON.stringify(input)}`, () => expect(score(input, kind)).toBeGreaterThanOrEqual(5));
  }
  const benign: [string, number][] = [
    ["Tom's || this is fine", KIND.ArgValue],
    ["x || this.y is a JS idiom", KIND.ArgValue],
    ["price", KIND.ArgName],
    ["It costs $5 or $10", KIND.ArgValue],
    ["use $where sparingly in mongoose docs", KIND.ArgValue],
    ["items[0]", KIND.ArgName],
    ["$total", KIND.BodyKey],
    // a JSON Schema document's keywords ($comment is also a MongoDB operator, one that changes no result)
    ["$comment", KIND.BodyKey],
    // a field-level operator as a whole parameter name (OData's `$top`, `$search`), `$search` given a string
    ["$size", KIND.ArgName],
    ["$ne", KIND.ArgName],
    ['{"$search": "pizza"}', KIND.ArgValue],
    ['{"$schema": "http://json-schema.org/draft-07/schema#", "$comment": "v2", "type": "object"}', KIND.BodyValue],
    ["mongoose.connect('mongodb://localhost/test')", KIND.ArgValue],
    ["The db.json file", KIND.ArgValue],
    // GraphQL variable definitions: `$name: Type` (a type after the colon, no value)
    ["query Q($project: ID!, $text: [String!], $size: Int = 10) { p(id: $project) { n } }", KIND.ArgValue],
    ["mutation M($match: MatchInput!) { m(input: $match) { id } }", KIND.BodyValue],
  ];
  for (const [input, kind] of benign) {
    it(`benign ${JSON.stringify(input)}`, () => expect(score(input, kind)).toBeLessThan(5));
  }
});
