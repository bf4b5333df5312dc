import { describe, expect, it } from 'vitest';
import type { WorkspaceNode } from '../../../shared/contract';
import { treeKeyCommand } from './tree-keys';
import { treeMenuModel } from './tree-menu-model';
import { canDrop, dropPlace } from './use-tree-drag';

const node = (path: string, kind: WorkspaceNode['kind'], extra: Partial<WorkspaceNode> = {}): WorkspaceNode => {
  const parts = path.split('/');
  return { path, kind, name: parts.at(-1)!, depth: parts.length - 1, parent: parts.length > 1 ? parts.slice(0, -1).join('/') : null, ...extra };
};
// shop/ (collection) → orders/ (folder) → list, create; shop/ping; admin/ (collection)
const nodes = [
  node('shop', 'collection'),
  node('shop/orders', 'folder'),
  node('shop/orders/list', 'request'),
  node('shop/orders/create', 'request'),
  node('shop/ping', 'request'),
  node('admin', 'collection'),
];
const at = (path: string) => nodes.find((n) => n.path === path)!;
const key = (k: string, mods: { altKey?: boolean; shiftKey?: boolean } = {}) => ({ key: k, altKey: false, shiftKey: false, ...mods });

describe('tree menu model', () => {
  it('a collection offers creating, running, settings and exports; a request offers Open', () => {
    const labels = (n: WorkspaceNode, host = { webSocket: true, runner: true }) => treeMenuModel(n, nodes, host).map((e) => e.label);
    expect(labels(at('shop'))).toEqual([
      'New request',
      'New WebSocket request',
      'Run…',
      'New folder',
      'Settings…',
      'Export as Postman collection',
      'Export as Bruno collection…',
      'Export as OpenAPI 3.1',
      'Export as k6 script',
      'Rename',
      'Duplicate',
      'Move up',
      'Move down',
      'Move to…',
      'Delete',
    ]);
    expect(labels(at('shop'), { webSocket: false, runner: false })).not.toContain('Run…');
    expect(labels(at('shop'), { webSocket: false, runner: false })).not.toContain('New WebSocket request');
    expect(labels(at('shop/ping'))[0]).toBe('Open');
    expect(labels(at('shop/ping'))).not.toContain('Run…');
  });

  it('disables what cannot be done: first/last sibling moves, moving a collection elsewhere, using a broken file', () => {
    const disabled = (n: WorkspaceNode) =>
      treeMenuModel(n, nodes, { webSocket: true, runner: true })
        .filter((e) => e.disabled)
        .map((e) => e.label);
    expect(disabled(at('shop'))).toEqual(['Move up', 'Move to…']);
    expect(disabled(at('admin'))).toEqual(['Move down', 'Move to…']);
    expect(disabled(at('shop/orders/list'))).toEqual(['Move up']);
    const broken = node('shop/orders/bad', 'request', { error: 'not JSON' });
    const withBroken = [...nodes, broken];
    expect(
      treeMenuModel(broken, withBroken, { webSocket: true, runner: true })
        .filter((e) => e.disabled)
        .map((e) => e.label),
    ).toEqual(['Open', 'Rename', 'Duplicate', 'Move down']);
    expect(treeMenuModel(broken, withBroken, { webSocket: true, runner: true }).find((e) => e.label === 'Delete')).toMatchObject({
      disabled: false,
      danger: true,
    });
  });
});

describe('tree keys', () => {
  const rows = nodes;
  const none = new Set<string>();
  it('arrows, Home and End move the focus; Alt+arrows reorder', () => {
    expect(treeKeyCommand(key('ArrowDown'), at('shop'), 0, rows, none)).toEqual({ kind: 'focus', index: 1 });
    expect(treeKeyCommand(key('ArrowUp'), at('shop/orders'), 1, rows, none)).toEqual({ kind: 'focus', index: 0 });
    expect(treeKeyCommand(key('Home'), at('admin'), 5, rows, none)).toEqual({ kind: 'focus', index: 0 });
    expect(treeKeyCommand(key('End'), at('shop'), 0, rows, none)).toEqual({ kind: 'focus', index: 5 });
    expect(treeKeyCommand(key('ArrowUp', { altKey: true }), at('shop/ping'), 4, rows, none)).toEqual({ kind: 'shift', by: -1 });
    expect(treeKeyCommand(key('ArrowDown', { altKey: true }), at('shop/ping'), 4, rows, none)).toEqual({ kind: 'shift', by: 1 });
  });

  it('Right opens a closed folder then steps in; Left closes an open one, else goes to the parent', () => {
    const closed = new Set(['shop/orders']);
    expect(treeKeyCommand(key('ArrowRight'), at('shop/orders'), 1, rows, closed)).toEqual({ kind: 'toggle' });
    expect(treeKeyCommand(key('ArrowRight'), at('shop/orders'), 1, rows, none)).toEqual({ kind: 'focus', index: 2 });
    expect(treeKeyCommand(key('ArrowRight'), at('shop/ping'), 4, rows, none)).toBeNull();
    expect(treeKeyCommand(key('ArrowLeft'), at('shop/orders'), 1, rows, none)).toEqual({ kind: 'toggle' });
    expect(treeKeyCommand(key('ArrowLeft'), at('shop/orders'), 1, rows, closed)).toEqual({ kind: 'focus', index: 0 });
    expect(treeKeyCommand(key('ArrowLeft'), at('shop/orders/create'), 3, rows, none)).toEqual({ kind: 'focus', index: 1 });
  });

  it('Enter opens a request or toggles a folder; F2, Delete and the menu keys; other keys pass', () => {
    expect(treeKeyCommand(key('Enter'), at('shop/ping'), 4, rows, none)).toEqual({ kind: 'open' });
    expect(treeKeyCommand(key('Enter'), at('shop'), 0, rows, none)).toEqual({ kind: 'toggle' });
    expect(treeKeyCommand(key('F2'), at('shop/ping'), 4, rows, none)).toEqual({ kind: 'rename' });
    expect(treeKeyCommand(key('Delete'), at('shop/ping'), 4, rows, none)).toEqual({ kind: 'delete' });
    expect(treeKeyCommand(key('ContextMenu'), at('shop/ping'), 4, rows, none)).toEqual({ kind: 'menu' });
    expect(treeKeyCommand(key('F10', { shiftKey: true }), at('shop/ping'), 4, rows, none)).toEqual({ kind: 'menu' });
    expect(treeKeyCommand(key('F10'), at('shop/ping'), 4, rows, none)).toBeNull();
    expect(treeKeyCommand(key('a'), at('shop/ping'), 4, rows, none)).toBeNull();
  });
});

describe('drop places', () => {
  it('onto a request takes its place; onto a folder goes inside, last; a collection onto a collection reorders', () => {
    expect(dropPlace(at('shop/ping'), at('shop/orders/create'), nodes)).toEqual({ parent: 'shop/orders', index: 1 });
    expect(dropPlace(at('shop/ping'), at('shop/orders'), nodes)).toEqual({ parent: 'shop/orders', index: Number.MAX_SAFE_INTEGER });
    expect(dropPlace(at('admin'), at('shop'), nodes)).toEqual({ parent: null, index: 0 });
  });

  it('never onto itself or inside itself', () => {
    expect(canDrop(at('shop/orders'), at('shop/orders'))).toBe(false);
    expect(canDrop(at('shop/orders'), at('shop/orders/list'))).toBe(false);
    expect(dropPlace(at('shop'), at('shop/ping'), nodes)).toBeNull();
    expect(canDrop(at('shop/orders/list'), at('shop/orders'))).toBe(true);
  });
});
