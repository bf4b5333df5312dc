import { describe, expect, it } from 'vitest';
import { type WorkspaceNode } from '../../../shared/contract';
import { planRun } from './plan';
import { RunInputError } from './types';

const node = (path: string, kind: WorkspaceNode['kind'], parent: string | null, extra: Partial<WorkspaceNode> = {}): WorkspaceNode => ({
  path,
  kind,
  name: path.split('/').at(-1)!.replace('.request.json', '').toUpperCase(),
  depth: path.split('/').length - 1,
  parent,
  ...extra,
});

// display order, as workspace.tree gives it
const nodes = [
  node('api', 'collection', null),
  node('api/z.request.json', 'request', 'api', { method: 'GET' }),
  node('api/users', 'folder', 'api'),
  node('api/users/a.request.json', 'request', 'api/users', { method: 'POST' }),
  node('api/users/socket.request.json', 'request', 'api/users', { method: 'WS', protocol: 'websocket' }),
  node('api/usersx', 'folder', 'api'),
  node('api/usersx/b.request.json', 'request', 'api/usersx', { method: 'GET' }),
];

describe('what a run sends', () => {
  it('keeps the tree order, names the folders above, and marks WebSocket requests', () => {
    expect(planRun(nodes, ['api'])).toEqual([
      { path: 'api/z.request.json', name: 'Z', method: 'GET', folder: 'API', websocket: false },
      { path: 'api/users/a.request.json', name: 'A', method: 'POST', folder: 'API / USERS', websocket: false },
      { path: 'api/users/socket.request.json', name: 'SOCKET', method: 'WS', folder: 'API / USERS', websocket: true },
      { path: 'api/usersx/b.request.json', name: 'B', method: 'GET', folder: 'API / USERSX', websocket: false },
    ]);
  });

  it('takes a folder by its path only (not a sibling sharing its prefix), and a selection once each', () => {
    expect(planRun(nodes, ['api/users']).map((item) => item.name)).toEqual(['A', 'SOCKET']);
    expect(planRun(nodes, ['api/usersx/b.request.json', 'api/users', 'api/users/a.request.json']).map((item) => item.name)).toEqual(['A', 'SOCKET', 'B']);
    expect(() => planRun(nodes, ['api/nope'])).toThrow(RunInputError);
  });
});
