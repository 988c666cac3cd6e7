// The filter's Envoy stats, defined once per root context. Envoy prefixes custom
// wasm metrics with `wasmcustom.`; Prometheus sees e.g. envoy_wasmcustom_meshwaf_requests_total.
// Per-category counters carry the category in the name, tag style
// (`meshwaf_detected_total.category.sqli`), for a stats_tags regex to turn into a label.
import { defineMetric, incrementMetric } from "../abi/hostcalls";
import { MetricType } from "../abi/status";
import { Category, categoryName } from "../engine/rule";

export class Metrics {
  private defined: bool = false;
  /** Requests whose headers the filter inspected. */
  requests: u32 = 0;
  /** Requests answered with the block reply. */
  blocked: u32 = 0;
  /** Requests over the body limit (rejected with 413 or inspected partially). */
  bodyOverLimit: u32 = 0;
  /** Invalid configurations and failed host calls. */
  errors: u32 = 0;
  /** Attacks detected (either mode), per category index. */
  detected: u32[] = [];

  define(): void {
    if (this.defined) return;
    this.defined = true;
    this.requests = defineMetric(MetricType.Counter, "meshwaf_requests_total");
    this.blocked = defineMetric(MetricType.Counter, "meshwaf_blocked_total");
    this.bodyOverLimit = defineMetric(MetricType.Counter, "meshwaf_body_over_limit_total");
    this.errors = defineMetric(MetricType.Counter, "meshwaf_errors_total");
    for (let c = 0; c < <i32>Category.Count; c++) {
      this.detected.push(defineMetric(MetricType.Counter, "meshwaf_detected_total.category." + categoryName(<Category>c)));
    }
  }

  countDetected(category: i32): void {
    if (category >= 0 && category < this.detected.length) incrementMetric(this.detected[category]);
  }

  count(id: u32): void {
    incrementMetric(id);
  }
}
