import { importResultSchema, type ImportResult } from '../contract';
import { importBruFile, importBrunoFolder, type BrunoFile } from './bruno/import-bruno';
import { ImportFormatError } from './common/warnings';
import { parseCurl } from './curl';
import { detectImport } from './detect';
import { importHar } from './har/import-har';
import { importHoppscotch } from './hoppscotch/import-hoppscotch';
import { importInsomnia } from './insomnia/import-insomnia';
import { externalReferences, importOpenApi } from './openapi/import-openapi';
import { importPostman } from './postman/import-postman';
import { importPostmanEnvironment } from './postman/import-postman-environment';

export interface ImportOptions {
  /**
   * Resolves every $ref of an OpenAPI document (the main process passes a well-kept parser). Without it, documents
   * that use $ref import with the references unresolved.
   */
  dereference?: (document: Record<string, unknown>) => Promise<Record<string, unknown>>;
}

function curlResult(text: string): ImportResult {
  const parsed = parseCurl(text);
  if (!parsed.ok) throw new ImportFormatError(parsed.message);
  const name = `${parsed.request.method} ${parsed.request.url.replace(/^[a-z]+:\/\//i, '').split('?')[0]}`;
  return {
    format: 'curl',
    formatLabel: parsed.flavour === 'cmd' ? 'curl (Windows cmd)' : 'curl (bash)',
    collections: [{ name: 'curl', description: '', variables: [], auth: { kind: 'none' }, items: [{ type: 'request', name, description: '', request: parsed.request }] }],
    environments: [],
    warnings: parsed.warnings.map((message) => ({ item: name, message })),
  };
}

/**
 * Any supported text to an import result, all or nothing: a malformed file throws ImportFormatError and nothing of it
 * is returned. The result is checked against the contract's schema so a converter bug cannot hand out half a request.
 */
export async function importText(text: string, options: ImportOptions = {}): Promise<ImportResult> {
  const detected = detectImport(text);
  let result: ImportResult;
  switch (detected.format) {
    case 'curl':
      result = curlResult(detected.text);
      break;
    case 'har':
      result = importHar(detected.text);
      break;
    case 'hoppscotch':
      result = importHoppscotch(detected.data);
      break;
    case 'bruno-request':
      result = importBruFile(detected.text);
      break;
    case 'postman':
      result = importPostman(detected.data);
      break;
    case 'postman-environment':
      result = importPostmanEnvironment(detected.data);
      break;
    case 'insomnia':
      result = importInsomnia(detected.data);
      break;
    case 'openapi': {
      const document = options.dereference ? await options.dereference(detected.data) : detected.data;
      result = importOpenApi(document, externalReferences(detected.text));
      break;
    }
  }
  const checked = importResultSchema.safeParse(result);
  if (!checked.success) throw new ImportFormatError(`The file could not be converted: ${checked.error.issues[0]?.message ?? 'invalid result'}.`);
  return checked.data;
}

/**
 * A collection kept as a folder of files, all or nothing like importText: a Bruno collection (bruno.json and .bru
 * files). `files` are the folder's text files with paths from its root.
 */
export function importFolder(files: readonly BrunoFile[]): ImportResult {
  const names = new Set(files.map((file) => file.path));
  if (!names.has('bruno.json') && !names.has('opencollection.yml') && !names.has('opencollection.yaml')) {
    throw new ImportFormatError('This folder is not a Bruno collection: it has no bruno.json. Courier imports other formats from a file.');
  }
  const checked = importResultSchema.safeParse(importBrunoFolder(files));
  if (!checked.success) throw new ImportFormatError(`The folder could not be converted: ${checked.error.issues[0]?.message ?? 'invalid result'}.`);
  return checked.data;
}
