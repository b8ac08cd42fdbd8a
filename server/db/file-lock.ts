// A cross-process lock as a file holding the owner's pid, created with O_EXCL.
// A lock left by a process that died is taken over. Used to serialise
// starting and stopping the embedded Postgres; not a general mutex.
import { mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): number | undefined {
  try {
    return Number(readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function tryAcquire(file: string): boolean {
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const owner = readOwner(file);
  // An empty file is a lock being written right now; only a dead owner's lock is taken over.
  if (owner !== undefined && Number.isInteger(owner) && owner > 0 && owner !== process.pid && !isAlive(owner)) {
    rmSync(file, { force: true });
  }
  return false;
}

export async function withFileLock<T>(file: string, timeoutMs: number, run: () => Promise<T>): Promise<T> {
  mkdirSync(path.dirname(file), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  while (!tryAcquire(file)) {
    if (Date.now() > deadline) {
      throw new Error(`${file}: still locked after ${timeoutMs / 1000} s by process ${readOwner(file) || '(unknown)'}; delete the file if that process is gone`);
    }
    await sleep(25);
  }
  try {
    return await run();
  } finally {
    unlinkSync(file);
  }
}
