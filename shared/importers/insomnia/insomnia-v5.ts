import { arr, ImportFormatError, isRecord, str } from '../common/warnings';

/**
 * Insomnia's format 5 (the YAML files Insomnia 10 and later export and keep in git: `type:
 * collection.insomnia.rest/5.0`, also `spec.` and `environment.`) is a tree; format 4 is a flat list of resources
 * with parent ids. This rewrites the tree as v4 resources, as Insomnia's own importer does, so one mapping serves both.
 */

type Json = Record<string, unknown>;
interface V5Note {
  path: string[];
  message: string;
}

/**
 * Insomnia's unit tests (a suite of mocha tests, each sending a request with insomnia.send() and checking it) do not
 * map onto a request's post-response script, which runs after its one send: said, with what to use instead.
 */
export const UNIT_TESTS_NOT_CARRIED =
  "not imported: Insomnia's unit tests send requests themselves (insomnia.send()), which Courier's scripts do not. Write the checks as the request's Tests or as a post-response script.";

const V5_TYPE = /^([a-zA-Z]+)\.insomnia(?:\.rest)?\/5\.\d+$/;

export function isInsomniaV5(json: Json): boolean {
  return V5_TYPE.test(str(json.type));
}

export function insomniaV5ToResources(file: Json): { resources: Json[]; label: string; notes: V5Note[]; environmentsOnly: boolean } {
  const kind = V5_TYPE.exec(str(file.type))?.[1] ?? '';
  if (!['collection', 'spec', 'environment'].includes(kind)) {
    throw new ImportFormatError(
      `This Insomnia file holds a ${kind === 'mock' ? 'mock server' : kind === 'mcpClient' ? 'MCP client' : `"${kind}"`}, not requests; Courier imports Insomnia collections, design documents and environments.`,
    );
  }
  let counter = 0;
  const idOf = (entity: Json, prefix: string): string => {
    const meta = isRecord(entity.meta) ? entity.meta : {};
    return str(meta.id) || `__${prefix}_${++counter}__`;
  };
  const metaOf = (entity: Json) => {
    const meta = isRecord(entity.meta) ? entity.meta : {};
    return { description: str(meta.description), metaSortKey: typeof meta.sortKey === 'number' ? meta.sortKey : 0 };
  };
  const notes: V5Note[] = [];
  const workspaceId = idOf(file, 'WORKSPACE');
  const name = str(file.name, 'Insomnia');
  const resources: Json[] = [{ _id: workspaceId, _type: 'workspace', parentId: null, name, description: metaOf(file).description }];

  if (isRecord(file.environments)) {
    const base = file.environments;
    const baseId = idOf(base, 'ENVIRONMENT');
    if (kind === 'environment') {
      // an environment file has no collection to hold the base: every sub-environment gets the base values under its own
      const subs = arr(base.subEnvironments).filter(isRecord);
      for (const environment of subs.length > 0 ? subs : [base]) {
        resources.push({
          _id: `${idOf(environment, 'ENVIRONMENT')}__env`,
          _type: 'environment',
          parentId: baseId,
          name: str(environment.name, 'Environment'),
          data: { ...(isRecord(base.data) ? base.data : {}), ...(isRecord(environment.data) ? environment.data : {}) },
        });
      }
      resources.push({ _id: baseId, _type: 'environment', parentId: workspaceId, name: str(base.name), data: {} });
    } else {
      resources.push({
        _id: baseId,
        _type: 'environment',
        parentId: workspaceId,
        name: str(base.name, 'Base Environment'),
        data: isRecord(base.data) ? base.data : {},
      });
      arr(base.subEnvironments)
        .filter(isRecord)
        .forEach((environment, index) =>
          resources.push({
            _id: idOf(environment, 'ENVIRONMENT'),
            _type: 'environment',
            parentId: baseId,
            name: str(environment.name, `Environment ${index + 1}`),
            data: isRecord(environment.data) ? environment.data : {},
          }),
        );
    }
  }

  const walk = (items: unknown, parentId: string) => {
    for (const item of arr(items).filter(isRecord)) {
      const common = { parentId, name: str(item.name), ...metaOf(item), scripts: item.scripts, authentication: item.authentication, headers: item.headers };
      if (!('method' in item) && !('url' in item) && !('reflectionApi' in item)) {
        const id = idOf(item, 'REQUEST_GROUP');
        resources.push({ ...common, _id: id, _type: 'request_group', environment: item.environment });
        walk(item.children, id);
      } else if (typeof item.method === 'string' && item.method !== '') {
        const settings = isRecord(item.settings) ? item.settings : {};
        resources.push({
          ...common,
          _id: idOf(item, 'REQUEST'),
          _type: 'request',
          url: item.url,
          method: item.method,
          body: item.body,
          parameters: item.parameters,
          pathParameters: item.pathParameters,
          settingFollowRedirects: settings.followRedirects,
        });
      } else {
        resources.push({ ...common, _id: idOf(item, 'REQUEST'), _type: 'reflectionApi' in item ? 'grpc_request' : 'websocket_request' });
      }
    }
  };
  walk(file.collection, workspaceId);

  const cookies = isRecord(file.cookieJar) ? arr(file.cookieJar.cookies).length : 0;
  if (cookies > 0) notes.push({ path: [name], message: `The cookie jar's ${cookies} cookie${cookies === 1 ? ' was' : 's were'} not imported.` });
  if (kind === 'spec' && isRecord(file.spec))
    notes.push({ path: [name], message: 'The API design document was not imported with the collection; import it on its own as OpenAPI to get its requests.' });
  const testSuites = arr(file.testSuites).length;
  if (testSuites > 0) notes.push({ path: [name], message: `${testSuites} test suite${testSuites === 1 ? ' was' : 's were'} ${UNIT_TESTS_NOT_CARRIED}` });
  return {
    resources,
    environmentsOnly: kind === 'environment',
    label: `Insomnia ${kind === 'spec' ? 'design document' : kind} v5 (${str(file.schema_version, '5.0')})`,
    notes,
  };
}
