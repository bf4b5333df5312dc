import { watch, type FSWatcher } from 'node:fs';

export interface FolderWatcher {
  /** watch exactly these folders (after each scan: new folders added, gone ones dropped) */
  sync(dirs: readonly string[]): void;
  close(): void;
}

/**
 * One non-recursive fs.watch per folder. Node 20's recursive mode on Linux falls back to polling every file, which
 * would mean 10,000 stat timers for a large workspace; inotify on each folder reports its files' changes for free.
 * Bursts (git checkout touches many files) are coalesced into one call after `debounceMs` of quiet.
 */
export function createFolderWatcher(onChange: () => void, debounceMs: number): FolderWatcher {
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const fire = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (!closed) onChange();
    }, debounceMs);
  };
  return {
    sync(dirs) {
      if (closed) return;
      const wanted = new Set(dirs);
      for (const [dir, watcher] of watchers) {
        if (!wanted.has(dir)) {
          watcher.close();
          watchers.delete(dir);
        }
      }
      for (const dir of wanted) {
        if (watchers.has(dir)) continue;
        try {
          const watcher = watch(dir, { persistent: false }, fire);
          // A watched folder that disappears errors on some platforms; the next scan drops it.
          watcher.on('error', () => {
            watcher.close();
            watchers.delete(dir);
            fire();
          });
          watchers.set(dir, watcher);
        } catch {
          // Gone between scan and watch: the change that removed it has already fired.
        }
      }
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
