// Runs the noor CLI as a user does: a child process through bin/noor.mjs,
// returning its exit code and output (and how long it took).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const bin = path.resolve(__dirname, '../../bin/noor.mjs');

export interface NoorRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runNoor(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): NoorRun {
  const started = performance.now();
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    ...(options.env ? { env: options.env } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - started };
}
