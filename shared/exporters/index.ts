export { prepareExport } from './prepare';
export { toPostmanCollection } from './postman';
export { toHar, harRequestOf } from './har';
export { toRustReqwest } from './rust-reqwest';
export { toBrunoCollection } from './bruno';
export { toOpenApi } from './openapi';
export { toK6Script } from './k6';
export { asWrittenBy, exportInputs } from './auth-slots';
export { LOCAL_EXPORT_TARGETS, isSnippetTarget, localExport, type ExportTarget } from './targets';
