// Benign content for the simulated services: names, notes and record fields that
// look like real traffic, including the look-alikes a naive WAF blocks
// (apostrophes in names, SQL-ish words in prose, punctuation in passwords).
import { Random } from "./random.js";

const FIRST = ["Ada", "Grace", "Liam", "Sean", "Chloé", "Mateo", "Aoife", "Yuki", "Priya", "Olu", "Marta", "Jonas"];
const LAST = ["O'Brien", "O'Neil", "Lovelace", "Hopper", "Nakamura", "Okafor", "Fernández", "Müller", "D'Angelo", "Smith", "Kowalski"];
const NOTES = [
  "Please select the blue option from the drop-down menu.",
  "Drop me a line when the order ships -- thanks!",
  "Delivery in 1-2 days; call before 5pm (office hours).",
  "Customer said: \"it's the best one; works with 3/4 of our devices\".",
  "Update the address: 12 Union Street, Apt. #4",
  "Refund approved & sent; see ticket #4411.",
  "Meeting notes: where are we on the roadmap? and/or next steps.",
  "Use a < b comparisons and avoid > 100 items per page.",
  "Order 66 was cancelled; the user chose to delete the cart.",
  "Email me at first.last@example.com or visit https://example.com/help?topic=billing",
];
const WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"];
const SYMBOLS = ["!", "#", "$", "%", "&", "*", "-", "_", "+", "=", "?", "@"];

export function personName(r: Random): string {
  return `${r.pick(FIRST)} ${r.pick(LAST)}`;
}

export function userName(r: Random): string {
  return `${r.pick(FIRST).toLowerCase().replace(/[^a-z]/g, "")}.${r.pick(WORDS)}${r.int(1, 99)}`;
}

export function password(r: Random): string {
  let out = r.pick(WORDS);
  for (let i = 0; i < 3; i++) out += r.pick(SYMBOLS) + r.int(0, 9);
  return out[0].toUpperCase() + out.slice(1);
}

export function note(r: Random): string {
  return r.pick(NOTES);
}

export function word(r: Random): string {
  return r.pick(WORDS);
}

/** A record as the db service stores it. */
export function record(r: Random, id: number): Record<string, unknown> {
  return {
    id,
    owner: personName(r),
    title: `${r.pick(WORDS)} ${r.pick(WORDS)}`,
    note: note(r),
    tags: [r.pick(WORDS), r.pick(WORDS)],
    amount: r.int(1, 100000) / 100,
  };
}

/** Filler text of about `bytes` bytes for responses of a configurable size. */
export function filler(r: Random, bytes: number): string {
  let out = "";
  while (out.length < bytes) out += r.pick(NOTES) + " ";
  return out.slice(0, bytes);
}
