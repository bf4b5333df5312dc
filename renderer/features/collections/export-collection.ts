import { call } from '../../lib/bridge';
import { downloadName, saveBlob } from '../../lib/save-blob';

const postmanFileName = (name: string): string => downloadName(name, '.postman_collection.json');

/**
 * A collection or folder as a Postman Collection v2.1 file. The main process reads the files; the exporter (loaded
 * on first use) writes the JSON. Collections hold no secret variables, so none need their values held back.
 * Answers what was left out (unreadable files, folder variables).
 */
export async function exportPostmanCollection(path: string): Promise<string[]> {
  const [{ collection, warnings }, { toPostmanCollection }] = await Promise.all([
    call('workspace.exportCollection', { path }),
    import('../../../shared/exporters'),
  ]);
  saveBlob(new Blob([toPostmanCollection(collection)], { type: 'application/json' }), postmanFileName(collection.name));
  return warnings;
}

const k6FileName = (name: string): string => downloadName(name, '.k6.js');

/**
 * A collection or folder as a k6 load-test script (JavaScript download) for k6, k6 Cloud or the k6 operator.
 * Collections hold no secret variables; vault and typed credentials are read from k6's environment. Answers what was
 * left out.
 */
export async function exportK6Collection(path: string): Promise<string[]> {
  const [{ collection, warnings }, { toK6Script }] = await Promise.all([call('workspace.exportCollection', { path }), import('../../../shared/exporters')]);
  saveBlob(new Blob([toK6Script(collection)], { type: 'text/javascript' }), k6FileName(collection.name));
  return warnings;
}

const openApiFileName = (name: string): string => downloadName(name, '.openapi.yaml');

/** A collection or folder as an OpenAPI 3.1 skeleton (YAML download). Answers what was left out. */
export async function exportOpenApiCollection(path: string): Promise<string[]> {
  const [{ collection, warnings }, { toOpenApi }] = await Promise.all([call('workspace.exportCollection', { path }), import('../../../shared/exporters')]);
  const openapi = toOpenApi(collection);
  saveBlob(new Blob([openapi.text], { type: 'application/yaml' }), openApiFileName(collection.name));
  return [...warnings, ...openapi.warnings];
}
