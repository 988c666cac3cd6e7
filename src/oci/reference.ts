// Image references: [oci://]host[:port]/repository[:tag][@sha256:…].
import { UserError } from "../cli/errors.js";

export interface ImageReference {
  readonly registry: string;
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export function parseReference(ref: string): ImageReference {
  const bad = (why: string): never => {
    throw new UserError(`image reference "${ref}": ${why}; expected [oci://]HOST[:PORT]/REPOSITORY[:TAG][@sha256:DIGEST], e.g. ghcr.io/acme/meshwaf:0.1.0`);
  };
  let rest = ref.replace(/^oci:\/\//, "");
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^sha256:[0-9a-f]{64}$/.test(digest)) bad("the digest is not sha256:<64 hex>");
  }
  const slash = rest.indexOf("/");
  if (slash <= 0) bad("no registry host");
  const registry = rest.slice(0, slash);
  if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(registry)) bad(`"${registry}" is not a registry host`);
  let repository = rest.slice(slash + 1);
  let tag: string | undefined;
  const colon = repository.lastIndexOf(":");
  if (colon >= 0) {
    tag = repository.slice(colon + 1);
    repository = repository.slice(0, colon);
    if (!TAG.test(tag)) bad(`"${tag}" is not a valid tag`);
  }
  if (!REPOSITORY.test(repository)) bad(`"${repository}" is not a valid repository name (lower case, digits, '.', '_', '-', '/')`);
  if (!tag && !digest) bad("no tag or digest");
  return { registry, repository, tag, digest };
}
