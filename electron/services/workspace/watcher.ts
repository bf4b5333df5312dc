import { watch, type FSWatcher } from 'node:fs';

const POLL_MS = 3000;

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
  let poll: NodeJS.Timeout | null = null;
  let synced = false;
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
      let added = false;
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
          // only a watch that began counts: a folder that cannot be watched must not make every scan ask for another
          added = true;
        } catch (error) {
          // Gone between scan and watch: the change that removed it has already fired. Anything else (the
          // system's limit on watches reached) falls back to looking again every few seconds.
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && poll === null) {
            poll = setInterval(fire, POLL_MS);
            poll.unref();
          }
        }
      }
      // A folder found by the scan that led here can have had files written into it before its watch began, with
      // no event for them: look once more. Not after the first sync, which follows the first scan (start-up).
      if (added && synced) fire();
      synced = true;
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (poll) clearInterval(poll);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
