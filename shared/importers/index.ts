export { importFolder, importText, type ImportOptions, type ResolvedOpenApi } from './import-text';
export type { BrunoFile } from './bruno/import-bruno';
export { ImportFormatError } from './common/warnings';
export { parseCurl, type CurlParseResult } from './curl';
export { externalReferences, importOpenApi } from './openapi/import-openapi';
export { countRequests, flattenRequests } from './walk';
