// Placeholder entry until the ABI layer lands (issue 2).
import "./abi/abort";
export function proxy_abi_version_0_2_1(): void {}
export function malloc(size: usize): usize {
  return heap.alloc(size);
}
export function proxy_on_memory_allocate(size: usize): usize {
  return heap.alloc(size);
}
