import { describe, expect, it } from 'vitest';
import { type WorkspaceNode } from '../../../shared/contract';
import { findFolder } from './run-source';

const nodes: WorkspaceNode[] = [
  { path: 'api', kind: 'collection', name: 'API', depth: 0, parent: null },
  { path: 'api/users', kind: 'folder', name: 'Users', depth: 1, parent: 'api' },
  { path: 'api/users/admin', kind: 'folder', name: 'Admin Tools', depth: 2, parent: 'api/users' },
  { path: 'other', kind: 'collection', name: 'Other', depth: 0, parent: null },
  { path: 'other/users', kind: 'folder', name: 'Users', depth: 1, parent: 'other' },
];

describe('--folder', () => {
  it('finds a folder by the names the app shows, with or without the collection, or by its path', () => {
    expect(findFolder(nodes, ['api'], 'Users/Admin Tools')).toBe('api/users/admin');
    expect(findFolder(nodes, ['api'], 'API/Users')).toBe('api/users');
    expect(findFolder(nodes, ['api'], 'api/users/admin')).toBe('api/users/admin');
    // only inside what is being run
    expect(findFolder(nodes, ['other'], 'Users')).toBe('other/users');
  });

  it('lists the folders there are when the name matches none', () => {
    expect(() => findFolder(nodes, ['api'], 'Admins')).toThrow('--folder "Admins": no such folder. Folders: API/Users, API/Users/Admin Tools.');
  });
});
