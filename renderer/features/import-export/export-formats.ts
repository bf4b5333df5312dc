import { SNIPPET_TARGETS } from '../../../shared/contract';
import { LOCAL_EXPORT_TARGETS, type ExportTarget } from '../../../shared/exporters';

export type ExportFormat = ExportTarget;
export { isSnippetTarget as isSnippet, localExport } from '../../../shared/exporters';

const local = (id: string) => LOCAL_EXPORT_TARGETS.find((target) => target.id === id)!;

export const EXPORT_FORMATS: { id: ExportFormat; label: string }[] = [
  local('curl-bash'),
  local('curl-cmd'),
  ...SNIPPET_TARGETS.map((target) => ({ id: target.id, label: target.label })),
  local('postman'),
  local('har'),
  local('bruno'),
  local('openapi'),
];
