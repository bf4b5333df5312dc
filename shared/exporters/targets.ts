import { SNIPPET_TARGETS, type ExportableRequest, type ExportInput, type HttpRequestSpec, type SnippetTargetId } from '../contract';
import { findVariableReferences } from '../variables';
import { AUTH_SLOT_HINTS, asWrittenBy, exportInputs } from './auth-slots';
import { toBruFile } from './bruno';
import { toCurlBash, toCurlCmd } from './curl';
import { toHar } from './har';
import { toOpenApi } from './openapi';
import { toPostmanCollection } from './postman';

/** The targets written without the main process; code snippets (SNIPPET_TARGETS) are written there. */
export const LOCAL_EXPORT_TARGETS = [
  { id: 'curl-bash', label: 'cURL (bash)' },
  { id: 'curl-cmd', label: 'cURL (Windows cmd)' },
  { id: 'postman', label: 'Postman Collection v2.1' },
  { id: 'har', label: 'HAR 1.2' },
  { id: 'bruno', label: 'Bruno request (.bru)' },
  { id: 'openapi', label: 'OpenAPI 3.1 (YAML)' },
] as const;
export type LocalExportTarget = (typeof LOCAL_EXPORT_TARGETS)[number]['id'];
export type ExportTarget = LocalExportTarget | SnippetTargetId;

export function isSnippetTarget(target: ExportTarget): target is SnippetTargetId {
  return SNIPPET_TARGETS.some((entry) => entry.id === target);
}

/**
 * Tools that read {{variables}} of their own (Postman, Bruno; dynamic ones such as {{$guid}} need nothing): the ones
 * the written text refers to.
 */
function referencedInputs(text: string, prepared: ExportableRequest, tool = 'Postman'): ExportInput[] {
  const names = [
    ...new Set(
      findVariableReferences(text)
        .map((reference) => reference.name)
        .filter((name) => !/^\$[A-Za-z]+$/.test(name)),
    ),
  ];
  const hints: Record<string, string> = { ...AUTH_SLOT_HINTS, ...prepared.envHints };
  return names.map((name) => ({ name, hint: hints[name] || `a ${tool} variable: define {{${name}}} in the environment you run the collection with` }));
}

/**
 * The text of a target written here, and exactly the names it reads (what the export dialog lists). `spec` is the
 * request as composed: Postman keeps its {{references}}, the other targets read `prepared`. `appVersion` is what a
 * HAR file names as its creator's version.
 */
export function localExport(
  target: LocalExportTarget,
  prepared: ExportableRequest,
  spec: HttpRequestSpec,
  name: string,
  appVersion: string,
): { text: string; fileName: string | null; inputs: ExportInput[] } {
  switch (target) {
    case 'curl-bash':
      return { text: toCurlBash(prepared), fileName: null, inputs: exportInputs(asWrittenBy(target, prepared)) };
    case 'curl-cmd':
      return { text: toCurlCmd(prepared), fileName: null, inputs: exportInputs(asWrittenBy(target, prepared)) };
    case 'postman': {
      // references stay references in Postman; typed credentials are masked by the exporter
      const text = toPostmanCollection({
        name,
        description: '',
        variables: [],
        auth: { kind: 'none' },
        items: [{ type: 'request', name, description: '', request: spec }],
      });
      return { text, fileName: `${name}.postman_collection.json`, inputs: referencedInputs(text, prepared) };
    }
    case 'bruno': {
      // references stay references; typed credentials become {{TOKEN}}-style references
      const text = toBruFile(name, spec, 1);
      return { text, fileName: `${name}.bru`, inputs: referencedInputs(text, prepared, 'Bruno') };
    }
    case 'openapi': {
      const text = toOpenApi({
        name,
        description: '',
        variables: [],
        auth: { kind: 'none' },
        items: [{ type: 'request', name, description: '', request: spec }],
      }).text;
      return { text, fileName: `${name}.openapi.yaml`, inputs: referencedInputs(text, prepared, 'OpenAPI') };
    }
    case 'har':
      return { text: JSON.stringify(toHar([prepared], appVersion), null, 2), fileName: `${name}.har`, inputs: exportInputs(asWrittenBy(target, prepared)) };
  }
}
