import { parse as parseYaml } from 'yaml';
import type { ImportFormat } from '../contract';
import { acceptedFormatsSentence } from './accepted-formats';
import { hasCurlCommandLine, looksLikeCurl } from './curl';
import { ImportFormatError, isRecord } from './common/warnings';
import { jsonErrorAt } from './common/json-error-at';
import { isHarRequest } from './har/import-har';
import { looksLikeHoppscotchCollection, looksLikeHoppscotchEnvironment } from './hoppscotch/import-hoppscotch';

type Detected =
  | { format: 'curl'; text: string }
  | { format: 'bruno-request'; text: string }
  /** one collection or environment, or an array of them */
  | { format: 'hoppscotch'; data: unknown; text: string }
  | { format: Exclude<ImportFormat, 'curl' | 'bruno' | 'hoppscotch'> | 'postman-environment'; data: Record<string, unknown>; text: string };

/** A YAML parser for the whole text; the default is the yaml package (with its alias limit). */
export type YamlParser = (text: string) => unknown;
const defaultYaml: YamlParser = (text) => parseYaml(text, { maxAliasCount: 100 });

function parseStructured(text: string, yaml: YamlParser): unknown {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed);
    } catch (error) {
      // YAML in flow style also starts with "{" (inso writes Insomnia exports that way)
      try {
        return parseYaml(trimmed, { maxAliasCount: 100 });
      } catch {
        // said by line and column (of the file as given): V8's message has an offset at best, often the whole text
        const where = jsonErrorAt(text);
        if (where) throw new ImportFormatError(`The file is not valid JSON at line ${where.line}, column ${where.column}.`);
        throw new ImportFormatError(`The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  try {
    // OpenAPI and Insomnia also come as YAML; the yaml package's alias limit (100) refuses a "billion laughs" file
    return yaml(trimmed);
  } catch (error) {
    throw new ImportFormatError(`The file is neither JSON nor YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

/** Which importer a text is for, from its content alone (file names lie: a .json may be anything). */
export function detectImport(text: string, yaml: YamlParser = defaultYaml): Detected {
  if (text.trim() === '') throw new ImportFormatError('There is nothing to import: the text is empty.');
  if (looksLikeCurl(text)) return { format: 'curl', text };
  // one .bru request file: "meta {" or a method block first, never valid JSON or YAML
  if (/^\s*(meta|get|post|put|delete|patch|options|head)\s*\{\s*\r?\n/.test(text)) return { format: 'bruno-request', text };
  let data: unknown;
  try {
    data = parseStructured(text, yaml);
  } catch (error) {
    // broken JSON keeps its line and column; a script YAML cannot read is curl when a line starts a command
    if (!/^\s*[[{]/.test(text) && hasCurlCommandLine(text)) return { format: 'curl', text };
    throw error;
  }
  // a shell script whose curl commands come after other lines reads as a YAML string, never as a collection
  if (typeof data === 'string' && hasCurlCommandLine(text)) return { format: 'curl', text };
  const items: unknown[] = Array.isArray(data) ? data : [data];
  if (items.length > 0 && (items.every(looksLikeHoppscotchCollection) || items.every(looksLikeHoppscotchEnvironment)))
    return { format: 'hoppscotch', data, text };
  if (!isRecord(data)) throw new ImportFormatError('Courier does not recognise this file: it is not an object.');
  if ((isRecord(data.log) && Array.isArray(data.log.entries)) || isHarRequest(data)) return { format: 'har', data, text };
  if (isRecord(data.info) && (Array.isArray(data.item) || /getpostman|postman/i.test(String(data.info.schema ?? '')))) return { format: 'postman', data, text };
  if (Array.isArray(data.requests) && (Array.isArray(data.order) || Array.isArray(data.folders))) return { format: 'postman', data, text };
  if (Array.isArray(data.values) && (data._postman_variable_scope === 'environment' || typeof data.name === 'string'))
    return { format: 'postman-environment', data, text };
  if (data._type === 'export' || data.__export_format !== undefined || /\.insomnia(\.rest)?\/5\./.test(String(data.type ?? '')))
    return { format: 'insomnia', data, text };
  if (typeof data.openapi === 'string' || typeof data.swagger === 'string') return { format: 'openapi', data, text };
  throw new ImportFormatError(`Courier does not recognise this file. It reads ${acceptedFormatsSentence()} (a collection folder by its path, not as a file).`);
}
