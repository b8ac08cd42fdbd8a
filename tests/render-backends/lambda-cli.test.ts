// `noor lambda …` as a user runs it (a child process through bin/noor.mjs) on
// a machine without AWS credentials: a clear message naming the variables and
// Remotion's setup docs, exit code 1, no stack trace, and no hang.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNoor } from '../helpers/noor-cli';

const home = mkdtempSync(path.join(os.tmpdir(), 'noor-no-aws-'));

function noor(args: string[], extraEnv: Record<string, string> = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(REMOTION_)?AWS_/.test(name)));
  return runNoor(args, { cwd: home, env: { ...env, HOME: home, ...extraEnv } });
}

describe('noor lambda without AWS credentials', () => {
  it('deploy fails fast with a clear message', () => {
    const r = noor(['lambda', 'deploy'], { NOOR_LAMBDA_REGION: 'us-east-1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^noor: no AWS credentials: set REMOTION_AWS_ACCESS_KEY_ID and REMOTION_AWS_SECRET_ACCESS_KEY/);
    expect(r.stderr).toContain('https://www.remotion.dev/docs/lambda/setup');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.ms).toBeLessThan(30_000);
  });

  it('status fails the same way; a missing region and subcommand are usage errors', () => {
    expect(noor(['lambda', 'status', '--region', 'eu-west-1']).stderr).toMatch(/^noor: no AWS credentials/);
    const noRegion = noor(['lambda', 'deploy']);
    expect(noRegion.code).toBe(2);
    expect(noRegion.stderr).toMatch(/^noor: --region: not given and NOOR_LAMBDA_REGION is not set/);
    const noSub = noor(['lambda']);
    expect(noSub.code).toBe(2);
    expect(noSub.stderr).toMatch(/^noor: lambda: expected "deploy" or "status"/);
  });
});
