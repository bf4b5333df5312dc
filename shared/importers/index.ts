export { importFolder, importText, type ImportOptions, type ResolvedOpenApi } from './import-text';
export type { BrunoFile } from './bruno/import-bruno';
export { detectImport, type Detected } from './detect';
export { ImportFormatError } from './common/warnings';
export { parseCurl, looksLikeCurl, type CurlParseResult } from './curl';
export { externalReferences, importOpenApi } from './openapi/import-openapi';
export { exampleFromSchema } from './openapi/example-from-schema';
export { countRequests, flattenRequests } from './walk';
export { processEnvReferences } from './env-references';
