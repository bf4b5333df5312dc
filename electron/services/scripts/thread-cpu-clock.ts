import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

/** The CPU time (ms) the calling thread has used so far; null where it cannot be read. */
export type ThreadCpuClock = () => number | null;

/**
 * USER_HZ, the unit of utime and stime in /proc: 100 on every Linux architecture Node runs on (it is part of the
 * kernel's ABI, unlike the kernel's own HZ; `getconf CLK_TCK` says 100). So the clock moves in 10 ms steps.
 */
const MS_PER_TICK = 10;

/** utime + stime (fields 14 and 15 of /proc/<pid>/task/<tid>/stat) in ms; the command name may hold spaces, so after its ')' */
export function cpuMsOfStat(stat: string): number | null {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks * MS_PER_TICK : null;
}

/** A thread CPU clock and its file descriptor (null when there is none): see closeCpuClock. */
export interface OpenedCpuClock {
  read: ThreadCpuClock;
  fd: number | null;
}

const NO_CLOCK: OpenedCpuClock = { read: () => null, fd: null };

/**
 * A thread's CPU time, from Linux's /proc: by default the thread that opens the clock (/proc/thread-self names the
 * thread that opens it; the descriptor stays bound to that thread), or another thread of this process by its stat
 * file (/proc/self/task/<tid>/stat). The file is opened once and read again from offset 0 at each call: ~10 µs, no
 * allocation beyond the buffer. Node 20 has no process.threadCpuUsage() (Node 23.9). Elsewhere (macOS, Windows)
 * there is no such file: null, and the caller falls back to the wall clock.
 */
export function openThreadCpuClock(statFile = '/proc/thread-self/stat'): OpenedCpuClock {
  let fd: number;
  try {
    fd = openSync(statFile, 'r');
  } catch {
    return NO_CLOCK;
  }
  const buffer = Buffer.alloc(1024);
  const read = () => {
    try {
      const length = readSync(fd, buffer, 0, buffer.length, 0);
      return cpuMsOfStat(buffer.toString('latin1', 0, length));
    } catch {
      return null;
    }
  };
  if (read() === null) {
    closeSync(fd);
    return NO_CLOCK;
  }
  return { read, fd };
}

/**
 * Closes a clock that one thread keeps on another (the host's on its sandbox worker), once that thread has ended.
 * Node closes the descriptors a worker opened itself when the worker ends, its own clock's among them.
 */
export function closeCpuClock(fd: number | null): void {
  if (fd === null) return;
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}

/** The calling thread's id for /proc/self/task/<tid> (Linux); null elsewhere. */
export function ownThreadId(): number | null {
  try {
    const tid = Number(readFileSync('/proc/thread-self/stat', 'latin1').split(' ', 1)[0]);
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}
