// The plugin configuration the filter runs with (schema/config.schema.json), defaults included.
import { EngineConfig } from "../engine/config";

export class PluginConfig {
  /** block: local reply on attacks; detect (false): log and count only. */
  block: bool = true;
  engine: EngineConfig = new EngineConfig();
  bodyLimit: i32 = 1048576;
  /** Over bodyLimit: true answers 413, false inspects the prefix and lets the rest pass. */
  bodyLimitReject: bool = true;
  blockStatus: i32 = 403;
  /** Custom reply body ({request_id} substituted); null means the JSON body. */
  blockBody: string | null = null;
  logLevel: i32 = 2; // info
  logAllowed: bool = false;
}
