/** The module cannot be loaded or started the way Envoy would load it (the plugin is refused). */
export class HostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HostError";
  }
}
