export { harSchema, harEntrySchema, type Har, type HarEntry } from './har-schema';
export { parseHar, formatPath, type ParseHarResult } from './parse-har';
export { buildHar, toHarEntry, queryStringOf, type HarBody, type HarSourceEntry } from './build-har';
export { maskSecrets, maskCredential, MASK } from './mask';
