import { randomUUID } from 'node:crypto';
import { cp, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { HttpRequestSpec } from '../../../shared/contract';
import { REQUEST_SUFFIX, slugify } from '../../../shared/workspace';
import { serializeContainer, type ContainerFile } from '../../../shared/workspace/files';
import { readForUndo, snapshotFiles, writeAtomic } from './files';
import { conflict, emptySettings, invalid, notFound } from './problems';
import { absOf, joinRel, metaFileOf, type ContainerEntry, type Entry, type RequestEntry } from './scan';

const UNDO_KEEP = 50;

interface Deleted {
  path: string;
  parent: string | null;
  index: number;
  /** a request file's text, or a folder's files by path inside it */
  file: string | null;
  files: Map<string, string>;
}

/** What the structure operations need of the service; they run inside its queue, one at a time. */
interface StructureContext {
  root(): string;
  entryOf(rel: string): Entry;
  requestOf(rel: string): RequestEntry & { request: HttpRequestSpec };
  /** a request file's text under a new name, whatever its kind (HTTP or WebSocket) */
  requestText(rel: string, name: string): string;
  containerOf(rel: string): ContainerEntry;
  /** entry names of a parent's children (null: the collections), in display order */
  childEntries(parent: string | null): string[];
  uniqueEntry(dir: string, base: string, suffix: string): Promise<string>;
  writeOrder(parent: string | null, order: string[]): Promise<void>;
  assertOrderWritable(parent: string | null): void;
  afterStructureChange(paths: string[]): Promise<void>;
  report(error: unknown): void;
  hasEntry(rel: string): boolean;
}

const insertAt = (list: string[], item: string, index: number): string[] => {
  const next = list.filter((x) => x !== item);
  next.splice(Math.min(Math.max(index, 0), next.length), 0, item);
  return next;
};

const settingsOf = (entry: ContainerEntry, rel: string, ctx: StructureContext, name: string): ContainerFile => ({
  settings: { ...(entry.file?.settings ?? emptySettings(entry.name)), name },
  order: entry.file?.order ?? ctx.childEntries(rel),
});

/** Rename, duplicate, move and reorder, delete and its undo: every change to the tree's shape. */
export function structureOps(ctx: StructureContext) {
  const { entryOf, containerOf, childEntries, uniqueEntry, writeOrder, assertOrderWritable, afterStructureChange, report } = ctx;
  const deleted = new Map<string, Deleted>();
  return {
    rename: async (rel: string, name: string): Promise<{ path: string }> => {
      const entry = entryOf(rel);
      const parentDir = absOf(ctx.root(), entry.parent);
      const suffix = entry.kind === 'request' ? REQUEST_SUFFIX : '';
      const slug = slugify(name);
      const keep = entry.entry.toLowerCase() === `${slug}${suffix}`;
      const nextEntry = keep ? entry.entry : await uniqueEntry(parentDir, slug, suffix);
      const nextRel = joinRel(entry.parent, nextEntry);
      if (entry.kind === 'request') {
        await writeAtomic(path.join(parentDir, nextEntry), ctx.requestText(rel, name.trim()));
        if (!keep) await rm(absOf(ctx.root(), rel));
      } else {
        if (entry.error) throw invalid(rel, entry.error);
        const file = settingsOf(entry, rel, ctx, name.trim());
        if (!keep) await rename(absOf(ctx.root(), rel), path.join(parentDir, nextEntry));
        await writeAtomic(path.join(parentDir, nextEntry, metaFileOf(entry.kind)), serializeContainer(file).text);
      }
      if (!keep)
        await writeOrder(
          entry.parent,
          childEntries(entry.parent).map((e) => (e === entry.entry ? nextEntry : e)),
        ).catch(report);
      await afterStructureChange([rel, nextRel]);
      return { path: nextRel };
    },
    duplicate: async (rel: string): Promise<{ path: string }> => {
      const entry = entryOf(rel);
      const parentDir = absOf(ctx.root(), entry.parent);
      const copyName = `${entry.name} copy`;
      let nextEntry: string;
      if (entry.kind === 'request') {
        const text = ctx.requestText(rel, copyName);
        nextEntry = await uniqueEntry(parentDir, slugify(copyName), REQUEST_SUFFIX);
        await writeAtomic(path.join(parentDir, nextEntry), text);
      } else {
        if (entry.error) throw invalid(rel, entry.error);
        nextEntry = await uniqueEntry(parentDir, slugify(copyName), '');
        await cp(absOf(ctx.root(), rel), path.join(parentDir, nextEntry), { recursive: true, errorOnExist: true });
        const file = settingsOf(entry, rel, ctx, copyName);
        await writeAtomic(path.join(parentDir, nextEntry, metaFileOf(entry.kind)), serializeContainer(file).text);
      }
      const siblings = childEntries(entry.parent);
      await writeOrder(entry.parent, insertAt(siblings, nextEntry, siblings.indexOf(entry.entry) + 1)).catch(report);
      const nextRel = joinRel(entry.parent, nextEntry);
      await afterStructureChange([nextRel]);
      return { path: nextRel };
    },
    move: async (rel: string, parent: string | null, index: number): Promise<{ path: string }> => {
      const entry = entryOf(rel);
      if (entry.kind === 'request' && parent === null) throw conflict('Requests live inside a collection or folder.');
      if (parent !== null && (parent === rel || parent.startsWith(`${rel}/`))) throw conflict('A folder cannot be moved into itself.');
      if (parent !== null) containerOf(parent);
      if (parent === entry.parent) {
        await writeOrder(parent, insertAt(childEntries(parent), entry.entry, index));
        await afterStructureChange([rel]);
        return { path: rel };
      }
      if (entry.kind !== 'request' && entry.error) throw invalid(rel, entry.error);
      assertOrderWritable(parent);
      const targetDir = absOf(ctx.root(), parent);
      const nextEntry = await uniqueEntry(
        targetDir,
        entry.entry.slice(0, entry.entry.length - (entry.kind === 'request' ? REQUEST_SUFFIX.length : 0)),
        entry.kind === 'request' ? REQUEST_SUFFIX : '',
      );
      const nextOrder = insertAt(childEntries(parent), nextEntry, index);
      const oldOrder = childEntries(entry.parent).filter((e) => e !== entry.entry);
      await rename(absOf(ctx.root(), rel), path.join(targetDir, nextEntry));
      // A collection moved into another becomes a folder and a folder moved to the top becomes a collection.
      if (entry.kind !== 'request') {
        const kind = parent === null ? 'collection' : 'folder';
        if (kind !== entry.kind) {
          await rename(path.join(targetDir, nextEntry, metaFileOf(entry.kind)), path.join(targetDir, nextEntry, metaFileOf(kind))).catch(() => undefined);
        }
      }
      await writeOrder(parent, nextOrder);
      await writeOrder(entry.parent, oldOrder).catch(report);
      const nextRel = joinRel(parent, nextEntry);
      await afterStructureChange([rel, nextRel]);
      return { path: nextRel };
    },
    delete: async (rel: string): Promise<{ undoToken: string }> => {
      const entry = entryOf(rel);
      const abs = absOf(ctx.root(), rel);
      const siblings = childEntries(entry.parent);
      const record: Deleted = {
        path: rel,
        parent: entry.parent,
        index: siblings.indexOf(entry.entry),
        file: entry.kind === 'request' ? (readForUndo(ctx.root(), abs) ?? entry.text) : null,
        files: entry.kind === 'request' ? new Map() : await snapshotFiles(ctx.root(), abs),
      };
      await rm(abs, { recursive: true, force: true });
      await writeOrder(
        entry.parent,
        siblings.filter((e) => e !== entry.entry),
      ).catch(() => undefined);
      const token = randomUUID();
      deleted.set(token, record);
      while (deleted.size > UNDO_KEEP) deleted.delete(deleted.keys().next().value!);
      await afterStructureChange([rel]);
      return { undoToken: token };
    },
    undoDelete: async (token: string): Promise<{ path: string }> => {
      const record = deleted.get(token);
      if (!record) throw conflict('There is nothing left to undo.');
      const abs = absOf(ctx.root(), record.path);
      if (
        await stat(abs).then(
          () => true,
          () => false,
        )
      )
        throw conflict('Something with that name exists again, so the deleted item was not put back.', record.path);
      if (record.parent !== null && !ctx.hasEntry(record.parent)) throw notFound(record.parent);
      if (record.file !== null) {
        await writeAtomic(abs, record.file);
      } else {
        await mkdir(abs, { recursive: true });
        for (const [inner, text] of record.files) {
          const target = path.join(abs, ...inner.split('/'));
          await mkdir(path.dirname(target), { recursive: true });
          await writeAtomic(target, text);
        }
      }
      deleted.delete(token);
      const entryName = record.path.slice(record.parent === null ? 0 : record.parent.length + 1);
      await writeOrder(record.parent, insertAt(childEntries(record.parent), entryName, record.index)).catch(() => undefined);
      await afterStructureChange([record.path]);
      return { path: record.path };
    },
  };
}
