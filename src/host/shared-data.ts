// Shared key-value data and queues, shared by every VM with the same vm_id in Envoy.
// Pass one SharedStore to several emulators to share it; each emulator gets its own by default.
import { Status } from "./abi.js";

export class SharedStore {
  private readonly data = new Map<string, { value: Uint8Array; cas: number }>();
  private nextCas = 1;
  private readonly queues = new Map<string, number>();
  private readonly queueItems = new Map<number, Uint8Array[]>();
  private nextQueue = 1;

  get(key: string): { value: Uint8Array; cas: number } | undefined {
    return this.data.get(key);
  }

  /** cas 0 writes unconditionally; any other cas must match the current one (CasMismatch otherwise). */
  set(key: string, value: Uint8Array, cas: number): Status {
    const current = this.data.get(key);
    if (cas !== 0 && current && current.cas !== cas) return Status.CasMismatch;
    this.data.set(key, { value: value.slice(), cas: this.nextCas++ });
    return Status.Ok;
  }

  registerQueue(vmId: string, name: string): number {
    const key = `${vmId}\0${name}`;
    let id = this.queues.get(key);
    if (id === undefined) {
      id = this.nextQueue++;
      this.queues.set(key, id);
      this.queueItems.set(id, []);
    }
    return id;
  }

  resolveQueue(vmId: string, name: string): number | undefined {
    return this.queues.get(`${vmId}\0${name}`);
  }

  enqueue(id: number, value: Uint8Array): Status {
    const items = this.queueItems.get(id);
    if (!items) return Status.NotFound;
    items.push(value.slice());
    return Status.Ok;
  }

  dequeue(id: number): { status: Status; value?: Uint8Array } {
    const items = this.queueItems.get(id);
    if (!items) return { status: Status.NotFound };
    const value = items.shift();
    return value ? { status: Status.Ok, value } : { status: Status.Empty };
  }
}
