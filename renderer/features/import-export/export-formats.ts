import { SNIPPET_TARGETS, type ExportableRequest, type HttpRequestSpec, type SnippetTargetId } from '../../../shared/contract';
import { toBruFile, toCurlBash, toCurlCmd, toHar, toOpenApi, toPostmanCollection } from '../../../shared/exporters';

export type ExportFormat = 'curl-bash' | 'curl-cmd' | 'postman' | 'har' | 'bruno' | 'openapi' | SnippetTargetId;

export const EXPORT_FORMATS: { id: ExportFormat; label: string }[] = [
  { id: 'curl-bash', label: 'cURL (bash)' },
  { id: 'curl-cmd', label: 'cURL (Windows cmd)' },
  ...SNIPPET_TARGETS.map((target) => ({ id: target.id, label: target.label })),
  { id: 'postman', label: 'Postman Collection v2.1' },
  { id: 'har', label: 'HAR 1.2' },
  { id: 'bruno', label: 'Bruno request (.bru)' },
  { id: 'openapi', label: 'OpenAPI 3.1 (YAML)' },
];

export function isSnippet(format: ExportFormat): format is SnippetTargetId {
  return SNIPPET_TARGETS.some((target) => target.id === format);
}

/** The text of the formats the renderer writes itself; snippets come from the main process. */
export function localExport(format: ExportFormat, prepared: ExportableRequest, spec: HttpRequestSpec, name: string): { text: string; fileName: string | null } | null {
  switch (format) {
    case 'curl-bash':
      return { text: toCurlBash(prepared), fileName: null };
    case 'curl-cmd':
      return { text: toCurlCmd(prepared), fileName: null };
    case 'postman':
      // references stay references in Postman; typed credentials are masked by the exporter
      return { text: toPostmanCollection({ name, description: '', variables: [], auth: { kind: 'none' }, items: [{ type: 'request', name, description: '', request: spec }] }), fileName: `${name}.postman_collection.json` };
    case 'har':
      return { text: JSON.stringify(toHar([prepared], 'Courier'), null, 2), fileName: `${name}.har` };
    case 'bruno':
      // references stay references; typed credentials become {{TOKEN}}-style references
      return { text: toBruFile(name, spec, 1), fileName: `${name}.bru` };
    case 'openapi':
      return { text: toOpenApi({ name, description: '', variables: [], auth: { kind: 'none' }, items: [{ type: 'request', name, description: '', request: spec }] }).text, fileName: `${name}.openapi.yaml` };
    default:
      return null;
  }
}
