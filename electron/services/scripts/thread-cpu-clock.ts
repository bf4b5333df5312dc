import { closeSync, openSync, readSync } from 'node:fs';

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

/**
 * The CPU time of the thread that calls this function, from Linux's /proc/thread-self/stat. The file is opened once,
 * on the calling thread (/proc/thread-self names the thread that opens it; the descriptor stays bound to that thread),
 * and read again from offset 0 at each call: ~5 µs, no allocation beyond the buffer. Node 20 has no
 * process.threadCpuUsage() (Node 23.9). Elsewhere (macOS, Windows) there is no such file: null, and the caller falls
 * back to the wall clock.
 */
export function openThreadCpuClock(): ThreadCpuClock {
  let fd: number;
  try {
    fd = openSync('/proc/thread-self/stat', 'r');
  } catch {
    return () => null;
  }
  const buffer = Buffer.alloc(1024);
  const clock = () => {
    try {
      const length = readSync(fd, buffer, 0, buffer.length, 0);
      return cpuMsOfStat(buffer.toString('latin1', 0, length));
    } catch {
      return null;
    }
  };
  if (clock() === null) {
    closeSync(fd);
    return () => null;
  }
  return clock;
}
