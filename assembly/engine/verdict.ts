import { Match } from "./sink";

export class Verdict {
  constructor(
    public score: i32,
    /** Whether the score reached the anomaly threshold. */
    public attack: bool,
    public matches: Match[],
  ) {}
}
