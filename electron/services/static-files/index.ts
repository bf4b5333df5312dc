export { resolveStaticFile } from './resolve-static-file';
