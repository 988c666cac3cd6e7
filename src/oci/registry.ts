// A small OCI distribution API client: blob upload (HEAD to skip existing blobs, POST to start
// an upload, PUT to finish it monolithically), manifest PUT, and GETs for verification.
// Authentication from the environment:
//   MESHWAF_REGISTRY_TOKEN                                 a bearer token sent as is;
//   MESHWAF_REGISTRY_USERNAME + MESHWAF_REGISTRY_PASSWORD  basic auth, or the credentials
//                                                          exchanged for a token when the registry
//                                                          answers 401 with a Bearer challenge.
import type { ImageReference } from "./reference.js";
import type { LoadedImage } from "./layout.js";
import { MEDIA } from "./image.js";

export interface Credentials {
  readonly token?: string;
  readonly username?: string;
  readonly password?: string;
}

export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): Credentials {
  return { token: env.MESHWAF_REGISTRY_TOKEN || undefined, username: env.MESHWAF_REGISTRY_USERNAME || undefined, password: env.MESHWAF_REGISTRY_PASSWORD || undefined };
}

export class RegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RegistryError";
  }
}

export interface RegistryOptions {
  /** Plain HTTP instead of HTTPS (a local or test registry). @default false */
  readonly insecure?: boolean;
  readonly credentials?: Credentials;
}

/** Parses `Bearer realm="…",service="…",scope="…"`. */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const [scheme, ...rest] = header.trim().split(/\s+/);
  const params: Record<string, string> = {};
  for (const m of rest.join(" ").matchAll(/(\w+)="([^"]*)"/g)) params[m[1]] = m[2];
  return { scheme: scheme.toLowerCase(), params };
}

export class RegistryClient {
  private authorization: string | undefined;
  private readonly base: string;

  constructor(private readonly ref: ImageReference, private readonly options: RegistryOptions = {}) {
    this.base = `${options.insecure ? "http" : "https"}://${ref.registry}/v2/${ref.repository}`;
    const c = options.credentials ?? {};
    if (c.token) this.authorization = `Bearer ${c.token}`;
    else if (c.username !== undefined) this.authorization = `Basic ${Buffer.from(`${c.username}:${c.password ?? ""}`).toString("base64")}`;
  }

  /** One request; on a 401 Bearer challenge, fetches a token once and retries. */
  private async request(method: string, url: string, init: { headers?: Record<string, string>; body?: Buffer } = {}, retried = false): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.authorization) headers.authorization = this.authorization;
    let res: Response;
    try {
      res = await fetch(url, { method, headers, body: init.body ? new Uint8Array(init.body) : undefined, redirect: "follow" });
    } catch (err) {
      throw new RegistryError(`${method} ${url}: ${(err as Error).cause ?? (err as Error).message}${this.options.insecure ? "" : " (a plain-HTTP registry needs --insecure)"}`);
    }
    const challenge = res.headers.get("www-authenticate");
    if (res.status === 401 && !retried && challenge && parseChallenge(challenge).scheme === "bearer" && !this.options.credentials?.token) {
      await res.arrayBuffer();
      await this.fetchToken(parseChallenge(challenge).params);
      return this.request(method, url, init, true);
    }
    return res;
  }

  private async fetchToken(params: Record<string, string>): Promise<void> {
    if (!params.realm) throw new RegistryError("the registry asked for a bearer token without naming a realm");
    const url = new URL(params.realm);
    if (params.service) url.searchParams.set("service", params.service);
    url.searchParams.set("scope", params.scope ?? `repository:${this.ref.repository}:pull,push`);
    const c = this.options.credentials ?? {};
    const headers: Record<string, string> = {};
    if (c.username !== undefined) headers.authorization = `Basic ${Buffer.from(`${c.username}:${c.password ?? ""}`).toString("base64")}`;
    const res = await fetch(url, { headers });
    if (!res.ok) throw new RegistryError(`token request to ${url.origin}${url.pathname} failed: HTTP ${res.status} (set MESHWAF_REGISTRY_USERNAME and MESHWAF_REGISTRY_PASSWORD, or MESHWAF_REGISTRY_TOKEN)`);
    const body = (await res.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw new RegistryError(`token response from ${url.origin} has no token`);
    this.authorization = `Bearer ${token}`;
  }

  private async expect(res: Response, ok: number[], what: string): Promise<Response> {
    if (ok.includes(res.status)) return res;
    const text = (await res.text()).slice(0, 500);
    const hint = res.status === 401 || res.status === 403 ? " (check MESHWAF_REGISTRY_TOKEN or MESHWAF_REGISTRY_USERNAME/PASSWORD)" : "";
    throw new RegistryError(`${what}: HTTP ${res.status}${hint}${text ? `: ${text}` : ""}`);
  }

  async hasBlob(digest: string): Promise<boolean> {
    const res = await this.request("HEAD", `${this.base}/blobs/${digest}`);
    if (res.status === 404) return false;
    await this.expect(res, [200], `HEAD blob ${digest}`);
    return true;
  }

  async uploadBlob(digest: string, bytes: Buffer): Promise<void> {
    const start = await this.expect(await this.request("POST", `${this.base}/blobs/uploads/`), [202], "starting a blob upload");
    const location = start.headers.get("location");
    if (!location) throw new RegistryError("the registry accepted the upload without a Location header");
    const url = new URL(location, this.base);
    url.searchParams.set("digest", digest);
    await this.expect(
      await this.request("PUT", url.toString(), { headers: { "content-type": "application/octet-stream", "content-length": String(bytes.length) }, body: bytes }),
      [201],
      `uploading blob ${digest}`,
    );
  }

  async putManifest(reference: string, mediaType: string, bytes: Buffer): Promise<string | undefined> {
    const res = await this.expect(
      await this.request("PUT", `${this.base}/manifests/${reference}`, { headers: { "content-type": mediaType }, body: bytes }),
      [201, 200],
      `putting the manifest as ${reference}`,
    );
    return res.headers.get("docker-content-digest") ?? undefined;
  }

  async getManifest(reference: string): Promise<Buffer> {
    const res = await this.expect(await this.request("GET", `${this.base}/manifests/${reference}`, { headers: { accept: MEDIA.manifest } }), [200], `GET manifest ${reference}`);
    return Buffer.from(await res.arrayBuffer());
  }

  async getBlob(digest: string): Promise<Buffer> {
    const res = await this.expect(await this.request("GET", `${this.base}/blobs/${digest}`), [200], `GET blob ${digest}`);
    return Buffer.from(await res.arrayBuffer());
  }
}

export interface PushResult {
  readonly uploaded: string[];
  readonly skipped: string[];
  readonly manifestDigest: string;
}

/** Pushes an image read from a layout: blobs first (skipping those present), then the manifest. */
export async function pushImage(image: LoadedImage, ref: ImageReference, options: RegistryOptions = {}): Promise<PushResult> {
  if (ref.digest && ref.digest !== image.manifestDigest) throw new RegistryError(`the reference pins ${ref.digest} but the layout's manifest is ${image.manifestDigest}`);
  const client = new RegistryClient(ref, options);
  const uploaded: string[] = [];
  const skipped: string[] = [];
  for (const { descriptor, bytes } of image.blobs) {
    if (await client.hasBlob(descriptor.digest)) skipped.push(descriptor.digest);
    else {
      await client.uploadBlob(descriptor.digest, bytes);
      uploaded.push(descriptor.digest);
    }
  }
  const returned = await client.putManifest(ref.tag ?? image.manifestDigest, image.manifest.mediaType, image.manifestBytes);
  if (returned && returned !== image.manifestDigest) throw new RegistryError(`the registry stored the manifest as ${returned}, expected ${image.manifestDigest}`);
  return { uploaded, skipped, manifestDigest: image.manifestDigest };
}
