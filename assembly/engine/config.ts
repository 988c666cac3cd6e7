// What the engine needs of the plugin configuration.

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
}
