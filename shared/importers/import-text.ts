import { importResultSchema, type HttpRequestSpec, type ImportResult } from '../contract';
import { importBruFile, importBrunoFolder, type BrunoFile } from './bruno/import-bruno';
import { resultAroundRequestsSchema } from './checked-result';
import { ImportFormatError } from './common/warnings';
import { parseCurl } from './curl';
import { detectImport, type YamlParser } from './detect';
import { importHar } from './har/import-har';
import { importHoppscotch } from './hoppscotch/import-hoppscotch';
import { importInsomnia } from './insomnia/import-insomnia';
import { externalReferences, importOpenApi } from './openapi/import-openapi';
import { importPostman } from './postman/import-postman';
import { importPostmanEnvironment } from './postman/import-postman-environment';

/** an OpenAPI document with its $refs resolved, and the references that were not (external ones, never followed) */
export interface ResolvedOpenApi {
  document: Record<string, unknown>;
  unresolved: string[];
}

export interface ImportOptions {
  /**
   * Resolves every $ref of an OpenAPI document (the main process passes a well-kept parser) and names those it did not
   * follow. Without it, documents that use $ref import with the references unresolved.
   */
  resolve?: (document: Record<string, unknown>) => Promise<ResolvedOpenApi>;
  /** where the text was read from, when from a URL: OpenAPI servers relative to the document resolve against it */
  sourceUrl?: string;
  /** a faster YAML parser for large descriptions (the main process's import worker passes one) */
  parseYaml?: YamlParser;
  /** the steps of a long import, for a progress display */
  onProgress?: (phase: 'resolving' | 'converting') => void;
}

/** The host every command calls (the collection is named after it), or null when they call several or a variable. */
function sharedHost(urls: readonly string[]): string | null {
  const hosts = new Set(
    urls.map((url) => {
      try {
        return new URL(url).host;
      } catch {
        return '';
      }
    }),
  );
  const [only] = hosts;
  return hosts.size === 1 && only ? only : null;
}

/**
 * A command that names no credential (no -u, no --oauth2-bearer, no Authorization header) goes into a collection
 * taking the collection's auth, as a request made there does: curl has no notion of a parent, and "No auth" made
 * every imported request opt out of the Bearer token its collection gives (new-user pass).
 */
function inheritingAuth(request: HttpRequestSpec): HttpRequestSpec {
  if (request.auth.kind !== 'none' || request.headers.some((header) => header.name.toLowerCase() === 'authorization')) return request;
  return { ...request, auth: { kind: 'inherit' } };
}

function curlResult(text: string): ImportResult {
  const parsed = parseCurl(text);
  if (!parsed.ok) throw new ImportFormatError(parsed.message);
  const used = new Map<string, number>();
  const items = parsed.requests.map(({ request, warnings }) => {
    const base = `${request.method} ${request.url.replace(/^[a-z]+:\/\//i, '').split('?')[0]}`;
    // the same method and URL twice (two bodies, say) stay two items, told apart by their position
    const seen = (used.get(base) ?? 0) + 1;
    used.set(base, seen);
    return { name: seen === 1 ? base : `${base} (${seen})`, request: inheritingAuth(request), warnings };
  });
  return {
    format: 'curl',
    formatLabel: parsed.flavour === 'cmd' ? 'curl (Windows cmd)' : 'curl (bash)',
    collections: [
      {
        name: sharedHost(items.map(({ request }) => request.url)) ?? 'curl commands',
        description: '',
        variables: [],
        auth: { kind: 'none' },
        items: items.map(({ name, request }) => ({ type: 'request', name, description: '', request })),
      },
    ],
    environments: [],
    warnings: items.flatMap(({ name, warnings }) => warnings.map((message) => ({ item: name, message }))),
  };
}

/**
 * Any supported text to an import result, all or nothing: a malformed file throws ImportFormatError and nothing of it
 * is returned. The result is checked against the contract's schema so a converter bug cannot hand out half a request.
 */
export async function importText(text: string, options: ImportOptions = {}): Promise<ImportResult> {
  const detected = detectImport(text, options.parseYaml);
  let result: ImportResult;
  switch (detected.format) {
    case 'curl':
      result = curlResult(detected.text);
      break;
    case 'har':
      result = importHar(detected.data);
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
      options.onProgress?.('resolving');
      const { document, unresolved } = options.resolve
        ? await options.resolve(detected.data)
        : { document: detected.data, unresolved: externalReferences(detected.data) };
      options.onProgress?.('converting');
      result = importOpenApi(document, unresolved, { sourceUrl: options.sourceUrl });
      break;
    }
  }
  // OpenAPI requests are parsed with the contract's schema one by one as they are converted (see checked-result.ts)
  const checked = (detected.format === 'openapi' ? resultAroundRequestsSchema : importResultSchema).safeParse(result);
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
