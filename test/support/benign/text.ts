// Text people type into forms that services pass on: prose (with SQL and shell words in their
// everyday sense), names with apostrophes, addresses, phone numbers, email bodies, CSV, markdown.
import fc from "fast-check";
import { pick } from "../variants/positions.js";
import { capitalised, date, decimal, ident, int, noun, phrase, sentence, small, word } from "./words.js";
import { codeSnippet } from "./code.js";

const GIVEN = ["Sean", "Mary", "Aoife", "Jean-Luc", "Zoë", "José", "Anne-Marie", "D'Arcy", "Renée", "Lukas", "Siobhán", "Ali", "Chloé", "Dmitri"];
const FAMILY = ["O'Brien", "O'Neil", "D'Angelo", "McDonald", "van der Berg", "Smith-Jones", "L'Estrange", "de la Cruz", "Ó Súilleabháin", "N'Diaye", "Dell'Acqua"];
/** Personal names, many with apostrophes. */
export const personName: fc.Arbitrary<string> = fc.tuple(pick(GIVEN), pick(FAMILY), fc.boolean()).map(([g, f, rev]) => (rev ? `${f}, ${g}` : `${g} ${f}`));
const street = fc.tuple(small, pick(["Main St", "O'Connell Street", "Rue de l'Église", "Baker Street", "Queen's Road", "Hauptstraße", "5th Ave."]), fc.option(pick(["Apt 4B", "Suite #210", "Unit 3/12", "c/o Jane"]), { nil: undefined }))
  .map(([n, s, extra]) => `${n} ${s}${extra ? ", " + extra : ""}`);
/** Postal addresses over one or several lines. */
export const address: fc.Arbitrary<string> = fc.tuple(street, pick(["Dublin 2", "London SW1A 1AA", "New York, NY 10001", "75008 Paris", "10115 Berlin"]), pick(["\n", ", "]))
  .map(([s, c, sep]) => `${s}${sep}${c}`);
/** Phone numbers as people write them. */
export const phone: fc.Arbitrary<string> = fc.tuple(pick(["+1 (555) ", "+44 20 ", "(01) ", "+353-1-", "555-", "+49 (0)30 "]), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 1000, max: 9999 }), pick(["", " ext. 12", " x204"]))
  .map(([p, a, b, e]) => `${p}${a}-${b}${e}`);

// Words of SQL and shells in their ordinary English sense.
const EVERYDAY = [
  "select", "from", "where", "union", "order", "group", "by", "insert", "update", "delete", "drop", "table", "join", "having", "like", "and", "or", "not", "null", "case",
  "sleep", "cat", "ping", "echo", "find", "kill", "sort", "top", "who", "more", "less", "head", "tail", "date", "time", "user", "exec", "shell", "script",
];
const everyday = pick(EVERYDAY);
/** Sentences that use those words in passing, with ordinary punctuation. */
export const prose: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.oneof(word, noun, everyday, personName), { minLength: 3, maxLength: 14 }).map((ws) => ws.join(" ")),
  fc.tuple(capitalised, everyday, phrase, pick([".", "!", "?", "...", " :)", " - thanks!"])).map(([a, w, b, p]) => `${a} ${w} ${b}${p}`),
  fc.tuple(everyday, pick(["the", "a", "your"]), noun, pick(["from", "by", "in", "on"]), pick(["the menu", "the list", "date", "price", "the table"])).map(([v, d, n, p, o]) => `Please ${v} ${d} ${n} ${p} ${o}.`),
  fc.tuple(personName, phrase, decimal).map(([n, p, x]) => `${n} said: "${p}" (it's $${x}, isn't it?)`),
  fc.tuple(phrase, phrase).map(([a, b]) => `${a}; ${b} -- ${a}`),
  fc.tuple(phrase, small).map(([a, n]) => `${a} & ${n}% off | ${a} (see #${n})`),
);
/** An email body with greeting, prices, a date, an address and a signature. */
export const emailBody: fc.Arbitrary<string> = fc.tuple(personName, fc.array(sentence, { minLength: 1, maxLength: 4 }), decimal, date, address, phone, ident)
  .map(([n, ss, price, d, addr, ph, u]) => `Hi ${n.split(/[ ,]/)[0]},\n\n${ss.join(" ")}\nYour order total is €${price} (incl. 20% VAT), delivery on ${d} to:\n${addr}\n\nCall us at ${ph} or reply to ${u}@example.com.\n\n-- \nBest regards,\nThe Shop Team`);
/** CSV documents with a header row, quoted fields and numbers. */
export const csv: fc.Arbitrary<string> = fc.tuple(fc.array(ident, { minLength: 2, maxLength: 5 }), fc.array(fc.tuple(personName, decimal, date, phrase, int), { minLength: 1, maxLength: 4 }), pick([",", ";", "\t"]))
  .map(([hdr, rows, sep]) => [hdr.join(sep), ...rows.map((r) => r.map((c, i) => (i === 0 || i === 3 ? `"${c.replace(/"/g, '""')}"` : c)).join(sep))].join("\n"));
/** Markdown with headings, lists, links, emphasis and code fences. */
export const markdown: fc.Arbitrary<string> = fc.array(fc.oneof(
  capitalised.map((c) => `## ${c}`),
  fc.array(phrase, { minLength: 1, maxLength: 3 }).map((xs) => xs.map((x) => `- ${x}`).join("\n")),
  fc.tuple(phrase, ident).map(([t, p]) => `See [${t}](https://docs.example.com/${p}) and **${t}**.`),
  fc.tuple(pick(["js", "python", "go", ""]), codeSnippet).map(([l, c]) => "```" + l + "\n" + c + "\n```"),
  fc.tuple(ident).map(([c]) => `Use \`${c}()\` or \`${c}.count\` _carefully_.`),
  fc.tuple(noun, noun, decimal).map(([a, b, x]) => `| ${a} | ${b} |\n|---|---|\n| ${x} | ${a} |`),
  sentence.map((s) => `> ${s}`),
), { minLength: 1, maxLength: 5 }).map((xs) => xs.join("\n\n"));
