import { describe, expect, it } from "vitest";
import { Emulator, runRequest } from "../../src/host/index.js";
import { wat } from "./wat/compile.js";

const int64 = (n: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64LE(n);
  return b.toString("hex");
};

describe("properties as Envoy serialises them", () => {
  const request = {
    method: "PUT", path: "/records?id=7", headers: [["Host", "records.svc"], ["x-request-id", "req-42"], ["User-Agent", "ua/1"]] as [string, string][],
    source: { address: "10.0.0.1:1234", principal: "spiffe://cluster.local/ns/a/sa/b" }, destination: { address: "10.0.0.2:8080" },
  };
  const cases: [string, string | ((hex: string) => void)][] = [
    ["request\0id", "req-42"],
    ["request\0method", "PUT"],
    ["request\0path", "/records?id=7"],
    ["request\0url_path", "/records"],
    ["request\0host", "records.svc"],
    ["request\0headers\0user-agent", "ua/1"],
    ["source\0address", "10.0.0.1:1234"],
    ["source\0principal", "spiffe://cluster.local/ns/a/sa/b"],
    ["connection\0uri_san_peer_certificate", "spiffe://cluster.local/ns/a/sa/b"],
    ["destination\0address", "10.0.0.2:8080"],
    ["plugin_name", "meshwaf"],
    ["plugin_root_id", "meshwaf"],
    ["cluster_name", "inbound|8080||"],
  ];
  for (const [path, expected] of cases) {
    it(JSON.stringify(path), async () => {
      const em = await Emulator.load(wat("property"), { config: path, rootId: "meshwaf", properties: { cluster_name: "inbound|8080||" } });
      const out = runRequest(em, request);
      expect(out.status).toBe(200);
      expect(out.localReply!.body.toString()).toBe(expected);
    });
  }

  it("serialises source.port and request.time as int64 little-endian", async () => {
    const now = 1_700_000_000_123_456_789n;
    const port = await Emulator.load(wat("property"), { config: "source\0port" });
    expect(runRequest(port, request).localReply!.body.toString("hex")).toBe(int64(1234n));
    const time = await Emulator.load(wat("property"), { config: "request\0time", nowNs: () => now });
    expect(runRequest(time, request).localReply!.body.toString("hex")).toBe(int64(now));
  });

  const missing = ["request.id", "source\0principal", "no_such_property"];
  for (const path of missing) {
    it(`returns NotFound for ${JSON.stringify(path)} without it`, async () => {
      const em = await Emulator.load(wat("property"), { config: path });
      expect(runRequest(em, { path: "/" }).status).toBe(501);
    });
  }
});
