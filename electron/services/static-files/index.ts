export { resolveStaticFile, type StaticFile } from './resolve-static-file';
export { contentTypeFor } from './mime-types';
