// The traffic generator: outside clients call www through the ingress gateway,
// www calls auth and db with ordinary JSON traffic and, now and then, an attack
// instead; auth and an outside client also try calls the graph forbids.
import http from "node:http";
import { Random } from "./random.js";
import { DECISION_HEADER, FILTER_US_HEADER } from "./front.js";
import { DemoStats, type EdgeKind, type Outcome } from "./stats.js";
import { generateAttack, encodeQueryValue, type Attack } from "./attacks.js";
import { note, password, personName, record, userName, word } from "./content.js";

/** A caller of the simulation and the loopback address that stands for its identity. */
export interface Caller {
  name: string;
  address: string;
}

export interface Call {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  attack?: Attack;
}

export interface TrafficOptions {
  /** Front ports of the protected services. */
  ports: Record<string, number>;
  callers: Record<string, Caller>;
  stats: DemoStats;
  random: Random;
  attackRate: number;
  /** Share of calls that try a forbidden edge. */
  forbiddenRate: number;
}

const JSON_HEADERS = { "content-type": "application/json", accept: "application/json" };

function send(agent: http.Agent, port: number, call: Call): Promise<Omit<Outcome, "attack" | "category">> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { ...(call.headers ?? {}) };
    if (call.body !== undefined) headers["content-length"] = String(Buffer.byteLength(call.body));
    const req = http.request({ host: "127.0.0.1", port, method: call.method, path: call.path, headers, agent }, (res) => {
      res.resume();
      res.on("end", () => {
        const decision = String(res.headers[DECISION_HEADER] ?? "pass") as Outcome["decision"];
        const us = Number(res.headers[FILTER_US_HEADER]);
        resolve({ decision, filterUs: Number.isFinite(us) ? us : undefined });
      });
    });
    req.on("error", () => resolve({ decision: "error" }));
    req.setTimeout(10_000, () => req.destroy());
    req.end(call.body);
  });
}

/** Puts an attack payload where its placement says, on an otherwise ordinary call. */
function withAttack(r: Random, base: Call, attack: Attack): Call {
  switch (attack.placement) {
    case "query": {
      const sep = base.path.includes("?") ? "&" : "?";
      return { ...base, path: `${base.path}${sep}${word(r)}=${encodeQueryValue(r, attack.payload)}`, attack };
    }
    case "header":
      return { ...base, headers: { ...base.headers, [r.pick(["user-agent", "x-api-version", "referer"])]: attack.payload }, attack };
    case "json": {
      if (attack.category === "nosql") return { method: "POST", path: "/login", headers: JSON_HEADERS, body: attack.payload, attack };
      const body = JSON.stringify({ [r.pick(["user", "note", "title", "search"])]: attack.payload, page: r.int(1, 9) });
      // Keep the method of the ordinary call when it carries a body, so the policy (which allows
      // methods per edge) lets the attack reach the filter.
      return { method: base.body !== undefined ? base.method : "POST", path: base.path.split("?")[0], headers: JSON_HEADERS, body, attack };
    }
  }
}

export class TrafficGenerator {
  private readonly agents = new Map<string, http.Agent>();

  constructor(private readonly o: TrafficOptions) {}

  private agent(caller: Caller): http.Agent {
    let a = this.agents.get(caller.name);
    if (!a) this.agents.set(caller.name, (a = new http.Agent({ keepAlive: true, maxSockets: 16, localAddress: caller.address })));
    return a;
  }

  clientToWww(r: Random): Call {
    return r.pick<() => Call>([
      () => ({ method: "GET", path: `/?page=${r.int(1, 20)}`, headers: { accept: "text/html" } }),
      () => ({ method: "GET", path: `/api/search?q=${encodeURIComponent(note(r).slice(0, 40))}`, headers: JSON_HEADERS }),
      () => ({ method: "POST", path: "/api/comments", headers: JSON_HEADERS, body: JSON.stringify({ author: personName(r), text: note(r) }) }),
    ])();
  }

  wwwToAuth(r: Random): Call {
    return r.pick<() => Call>([
      () => ({ method: "POST", path: "/login", headers: JSON_HEADERS, body: JSON.stringify({ user: userName(r), password: password(r) }) }),
      () => ({ method: "GET", path: `/session?user=${encodeURIComponent(userName(r))}`, headers: JSON_HEADERS }),
    ])();
  }

  wwwToDb(r: Random): Call {
    const id = r.int(1, 5000);
    return r.pick<() => Call>([
      () => ({ method: "GET", path: `/records?id=${id}`, headers: JSON_HEADERS }),
      () => ({ method: "POST", path: "/records", headers: JSON_HEADERS, body: JSON.stringify(record(r, id)) }),
      () => ({ method: "PUT", path: `/records/${id}`, headers: JSON_HEADERS, body: JSON.stringify({ note: note(r), owner: personName(r) }) }),
      () => ({ method: "DELETE", path: `/records/${id}`, headers: JSON_HEADERS }),
    ])();
  }

  /** Issues one call of the traffic mix and records its outcome. */
  async once(): Promise<void> {
    const { random: r, callers, ports, stats } = this.o;
    let from: Caller, to: string, kind: EdgeKind = "allowed", call: Call;
    if (r.chance(this.o.forbiddenRate)) {
      kind = "forbidden";
      from = r.chance(0.5) ? callers.auth : callers.outside;
      to = "db";
      call = this.wwwToDb(r);
    } else {
      const edge = r.pick(["client", "auth", "db", "db"]);
      from = edge === "client" ? callers.ingress : callers.www;
      to = edge === "client" ? "www" : edge;
      call = edge === "client" ? this.clientToWww(r) : edge === "auth" ? this.wwwToAuth(r) : this.wwwToDb(r);
      if (r.chance(this.o.attackRate)) call = withAttack(r, call, generateAttack(r));
    }
    const outcome = await send(this.agent(from), ports[to], call);
    stats.record(stats.edge(from.name, to, kind), { ...outcome, attack: call.attack !== undefined, category: call.attack?.category });
  }

  close(): void {
    for (const a of this.agents.values()) a.destroy();
  }
}
