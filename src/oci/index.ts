export { sha256Hex, digestOf } from "./digest.js";
export { buildWasmImage, VARIANTS, MEDIA, type Variant, type WasmImage, type Manifest, type Descriptor } from "./image.js";
export { layoutFiles, readLayout, type LoadedImage } from "./layout.js";
export { parseReference, type ImageReference } from "./reference.js";
export { RegistryClient, RegistryError, pushImage, credentialsFromEnv, parseChallenge, type Credentials, type PushResult } from "./registry.js";
export { tarGzOneFile, tarOneFile, untar } from "./tar.js";
