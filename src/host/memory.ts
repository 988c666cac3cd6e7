// Access to the module's linear memory from host calls, and allocation through the
// module's exported allocator (malloc, else proxy_on_memory_allocate), as Envoy does.

/** Thrown inside host calls when the module passes an out-of-bounds pointer: the call returns InvalidMemoryAccess. */
export class OutOfBounds extends Error {}

const utf8 = new TextDecoder("utf-8", { fatal: false });

export class ModuleMemory {
  constructor(
    private readonly memory: WebAssembly.Memory,
    private readonly allocator: (size: number) => number,
  ) {}

  private cachedView: DataView | null = null;

  /** A view of the current buffer (memory.grow replaces the buffer, so the view is renewed then). */
  private view(): DataView {
    const buffer = this.memory.buffer;
    if (this.cachedView === null || this.cachedView.buffer !== buffer) this.cachedView = new DataView(buffer);
    return this.cachedView;
  }

  private check(ptr: number, len: number): void {
    if (ptr < 0 || len < 0 || ptr + len > this.memory.buffer.byteLength) throw new OutOfBounds();
  }

  /** A copy of [ptr, ptr+len). */
  bytes(ptr: number, len: number): Uint8Array {
    ptr >>>= 0;
    len >>>= 0;
    this.check(ptr, len);
    return new Uint8Array(this.memory.buffer, ptr, len).slice();
  }

  string(ptr: number, len: number): string {
    return utf8.decode(this.bytes(ptr, len));
  }

  u32(ptr: number): number {
    ptr >>>= 0;
    this.check(ptr, 4);
    return this.view().getUint32(ptr, true);
  }

  setU32(ptr: number, value: number): void {
    ptr >>>= 0;
    this.check(ptr, 4);
    this.view().setUint32(ptr, value >>> 0, true);
  }

  setU64(ptr: number, value: bigint): void {
    ptr >>>= 0;
    this.check(ptr, 8);
    this.view().setBigUint64(ptr, BigInt.asUintN(64, value), true);
  }

  write(ptr: number, data: Uint8Array): void {
    ptr >>>= 0;
    this.check(ptr, data.length);
    new Uint8Array(this.memory.buffer, ptr, data.length).set(data);
  }

  /**
   * Copies data into a fresh module allocation and stores its pointer and size at ptrPtr/sizePtr.
   * Like Envoy, an empty value is returned as pointer 0, size 0 without allocating.
   */
  returnBytes(data: Uint8Array, ptrPtr: number, sizePtr: number): void {
    // Check the out-pointers before allocating so a bad pointer does not leak an allocation.
    this.check(ptrPtr >>> 0, 4);
    this.check(sizePtr >>> 0, 4);
    let ptr = 0;
    if (data.length > 0) {
      ptr = this.allocator(data.length) >>> 0;
      this.write(ptr, data);
    }
    this.setU32(ptrPtr, ptr);
    this.setU32(sizePtr, data.length);
  }
}
