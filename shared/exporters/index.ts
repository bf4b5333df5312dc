export { prepareExport, type ExportContext } from './prepare';
export { toCurlBash, toCurlCmd, curlArguments, type CurlShell } from './curl';
export { envNameOf, renderSlots, splitSlots, slotNames, SLOT_PATTERN } from './env-slot';
export { toPostmanCollection, toPostmanItem } from './postman';
export { toHar, harRequestOf } from './har';
export { toRustReqwest } from './rust-reqwest';
export { AUTH_SLOT_HINTS, asWrittenBy, exportInputs, withAuthAsHeader } from './auth-slots';
export { LOCAL_EXPORT_TARGETS, isSnippetTarget, localExport, type ExportTarget, type LocalExportTarget } from './targets';
