// Vocabulary the benign generators share: identifiers, numbers and words drawn at random from
// small pools plus random strings, so each family is a grammar over varied atoms, not fixed text.
import fc from "fast-check";
import { pick } from "../variants/positions.js";

const NOUNS = [
  "order", "user", "price", "amount", "status", "region", "account", "invoice", "item", "customer", "product", "payment", "cart", "session",
  "latency", "request", "duration", "bytes", "count", "total", "tenant", "team", "project", "version", "label", "stock", "warehouse",
  "shipment", "review", "rating", "score", "name", "email", "city", "country", "zone", "node", "pod", "service", "queue", "topic",
  "error", "level", "owner", "created", "updated", "title", "tag", "category", "discount", "balance", "currency", "quantity", "weight",
];
const VERBS = ["get", "list", "create", "update", "delete", "sync", "fetch", "send", "process", "resolve", "export", "import", "refresh", "notify"];
const WORDS = [
  "the", "a", "new", "old", "fast", "blue", "red", "green", "please", "check", "team", "release", "today", "tomorrow", "weekly", "report",
  "meeting", "deploy", "customer", "invoice", "great", "issue", "fixed", "with", "for", "and", "from", "into", "our", "your", "after",
  "before", "update", "notes", "price", "shipping", "cache", "service", "works", "again", "thanks", "small", "large", "coffee", "milk",
];

export const noun = pick(NOUNS);
export const verb = pick(VERBS);
export const word = pick(WORDS);
/** Lower-case identifier: a noun, two nouns joined, or random letters. */
export const ident = fc.oneof(
  noun,
  fc.tuple(noun, noun).map(([a, b]) => `${a}_${b}`),
  fc.stringMatching(/^[a-z][a-z0-9]{2,9}$/),
);
/** camelCase identifier. */
export const camel = fc.oneof(
  noun,
  fc.tuple(fc.oneof(verb, noun), noun).map(([a, b]) => a + b[0].toUpperCase() + b.slice(1)),
);
/** PascalCase identifier (OData properties, GraphQL types). */
export const pascal = camel.map((s) => s[0].toUpperCase() + s.slice(1));
/** Dotted field path: user.address.city. */
export const dotted = fc.array(ident, { minLength: 1, maxLength: 3 }).map((xs) => xs.join("."));
export const int = fc.integer({ min: 0, max: 99999 }).map(String);
export const small = fc.integer({ min: 1, max: 60 }).map(String);
export const decimal = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, "0")}`);
export const hex = fc.stringMatching(/^[0-9a-f]{8,16}$/);
export const uuid = fc.uuid();
/** A short phrase of ordinary words. */
export const phrase = fc.array(fc.oneof(word, noun), { minLength: 1, maxLength: 6 }).map((xs) => xs.join(" "));
export const capitalised = phrase.map((s) => s[0].toUpperCase() + s.slice(1));
export const sentence = fc.tuple(capitalised, pick([".", "!", "?", ""])).map(([s, p]) => s + p);
export const duration = fc.tuple(small, pick(["s", "m", "h", "d"])).map(([n, u]) => n + u);
export const host = fc.tuple(fc.oneof(noun, ident.map((s) => s.replace(/_/g, "-"))), pick(["example.com", "svc.cluster.local", "internal", "acme.io", "cdn.example.net"])).map(([a, b]) => `${a}.${b}`);
export const date = fc.date({ min: new Date("2015-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
export const timestamp = fc.date({ min: new Date("2015-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString());
