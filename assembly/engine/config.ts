// What the engine needs of the plugin configuration.
import { CleanValues } from "./clean-values";

export class Exclusion {
  ruleIds: i32[] = [];
  /** Category indexes (see rule.ts). */
  categories: i32[] = [];
  host: string | null = null;
  pathPrefix: string | null = null;
  method: string | null = null;
  /** A target name such as `args:id`, `header:user-agent`, `cookie:session`. */
  target: string | null = null;
}

export class EngineConfig {
  paranoiaLevel: i32 = 1;
  anomalyThreshold: i32 = 5;
  /** Category indexes switched off. */
  disabledCategories: i32[] = [];
  exclusions: Exclusion[] = [];
  /**
   * Stop inspecting once the score reaches the threshold. Scores only add up, so the verdict is the
   * same; the matches then name what was found first. The filter sets it in block mode (the answer
   * is a 403 either way); detect mode inspects everything, so its logs list every match.
   */
  stopAtThreshold: bool = false;
  /** Header and cookie values this configuration found clean (see clean-values.ts): a few hundred, up to 256 bytes (longer ones rarely repeat). */
  cleanHeaders: CleanValues = new CleanValues(512, 64, 256);
  /** Argument names and values, JSON keys and members this configuration found clean: many, short. */
  cleanArgs: CleanValues = new CleanValues(512, 48, 64);
  /** JSON Web Tokens this configuration found clean (engine/jwt.ts): a client sends its token until it expires. */
  cleanTokens: CleanValues = new CleanValues(16, 32, 4096);
}
