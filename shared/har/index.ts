export { type Har, type HarEntry } from './har-schema';
export { parseHar } from './parse-har';
export { buildHar, noHarResponse, queryStringOf, type HarBody, type HarSourceEntry } from './build-har';
export { maskSecrets, maskCredential } from './mask';
