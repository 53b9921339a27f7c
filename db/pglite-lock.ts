// PGlite is single-user: two instances on one folder corrupt it silently. Whoever
// opens a folder takes `<dir>.lock` (pid, and the loopback port where it serves the
// database over the PostgreSQL protocol, if it does). Another process finding a live
// owner either connects to that port or gets a clear error — never a second instance.
import fs from 'node:fs';
import path from 'node:path';

export interface LockInfo {
  pid: number;
  port?: number;
  startedAt: string;
}

export class DatabaseInUseError extends Error {
  constructor(dir: string, owner: LockInfo) {
    super(
      `the embedded database ${dir} is already open in process ${owner.pid} (since ${owner.startedAt}), ` +
        'which does not share it; stop that process first, or set DATABASE_URL to use PostgreSQL',
    );
  }
}

export const lockPath = (dir: string) => `${dir}.lock`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(dir: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dir), 'utf8')) as LockInfo;
    return Number.isInteger(info.pid) && isAlive(info.pid) && info.pid !== process.pid ? info : null;
  } catch {
    return null;
  }
}

/** Takes the lock, or returns the live owner's info when another process holds it. */
export function acquireLock(dir: string): { acquired: true } | { acquired: false; owner: LockInfo } {
  const file = lockPath(dir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      fs.closeSync(fd);
      process.once('exit', () => releaseLock(dir));
      return { acquired: true };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readLock(dir);
      if (owner) return { acquired: false, owner };
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not take the lock ${file}`);
}

/** Records the port this process serves the database on, for other processes to use. */
export function advertisePort(dir: string, port: number): void {
  const info: LockInfo = { pid: process.pid, port, startedAt: new Date().toISOString() };
  fs.writeFileSync(lockPath(dir), JSON.stringify(info), { mode: 0o600 });
}

export function releaseLock(dir: string): void {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dir), 'utf8')) as LockInfo;
    if (info.pid === process.pid) fs.rmSync(lockPath(dir), { force: true });
  } catch {
    // already gone
  }
}
