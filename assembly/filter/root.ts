// The root context: reads and validates the plugin configuration, owns the metrics,
// and creates one WafStream per request. Reconfiguration replaces the configuration
// for requests that start afterwards; an invalid one is refused (Envoy keeps or drops
// the plugin) and never traps.
import { RootContext, StreamContext } from "../abi/context";
import { getBufferBytes, log } from "../abi/hostcalls";
import { BufferType, LogLevel } from "../abi/status";
import { PluginConfig } from "../config/plugin";
import { parsePluginConfig } from "../config/parse";
import { Metrics } from "./metrics";
import { WafStream } from "./stream";

export class WafRoot extends RootContext {
  config: PluginConfig | null = null;
  metrics: Metrics = new Metrics();

  onConfigure(pluginConfigurationSize: u32): bool {
    this.metrics.define();
    let bytes = new ArrayBuffer(0);
    if (pluginConfigurationSize > 0) {
      const read = getBufferBytes(BufferType.PluginConfiguration, 0, pluginConfigurationSize);
      if (read === null) {
        this.metrics.count(this.metrics.errors);
        log(LogLevel.Error, "meshwaf: cannot read the plugin configuration");
        return false;
      }
      bytes = read;
    }
    const result = parsePluginConfig(Uint8Array.wrap(bytes));
    const config = result.config;
    if (config === null) {
      this.metrics.count(this.metrics.errors);
      log(LogLevel.Error, "meshwaf: invalid configuration: " + result.error);
      return false;
    }
    this.config = config;
    // (an exclusion that can never apply: the configuration runs, its author is told)
    const warnings = result.warnings;
    for (let i = 0; i < warnings.length; i++) log(LogLevel.Warn, "meshwaf: configuration warning: " + warnings[i]);
    log(LogLevel.Info, "meshwaf: configured, mode " + (config.block ? "block" : "detect") +
      ", paranoia level " + config.engine.paranoiaLevel.toString() +
      ", anomaly threshold " + config.engine.anomalyThreshold.toString());
    return true;
  }

  newStream(id: u32): StreamContext {
    return new WafStream(id, this);
  }
}
