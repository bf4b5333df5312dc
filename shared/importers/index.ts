export { importFolder, importText } from './import-text';
export { ImportFormatError } from './common/warnings';
export { parseCurl } from './curl';
export { importOpenApi } from './openapi/import-openapi';
export { countRequests, flattenRequests } from './walk';
