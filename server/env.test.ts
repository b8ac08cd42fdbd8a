// readEnv: NOOR_* variables parsed into the config (unset fields undefined, NOOR_CONCURRENCY a positive integer) with errors naming the variable.
import { describe, expect, it } from 'vitest';
import { readEnv } from './env';

describe('readEnv', () => {
  it('gives undefined fields for an empty environment', () => {
    expect(readEnv({})).toEqual({ browserExecutable: undefined, concurrency: undefined, cacheDir: undefined });
  });

  it('ignores unrelated variables', () => {
    expect(readEnv({ PATH: '/usr/bin', HOME: '/root' })).toEqual({ browserExecutable: undefined, concurrency: undefined, cacheDir: undefined });
  });

  it('reads each variable', () => {
    expect(readEnv({ NOOR_BROWSER_EXECUTABLE: '/usr/bin/chromium', NOOR_CONCURRENCY: '2', NOOR_CACHE_DIR: '/tmp/noor-cache' })).toEqual({
      browserExecutable: '/usr/bin/chromium',
      concurrency: 2,
      cacheDir: '/tmp/noor-cache',
    });
  });

  it('turns NOOR_CONCURRENCY "2" into the number 2', () => {
    const env = readEnv({ NOOR_CONCURRENCY: '2' });
    expect(env.concurrency).toBe(2);
    expect(typeof env.concurrency).toBe('number');
    expect(readEnv({ NOOR_CONCURRENCY: '64' }).concurrency).toBe(64);
  });

  for (const bad of ['0', 'abc', '-3', '1.5', '65']) {
    it(`throws naming NOOR_CONCURRENCY for "${bad}"`, () => {
      expect(() => readEnv({ NOOR_CONCURRENCY: bad })).toThrow(/^Invalid environment: NOOR_CONCURRENCY: /);
    });
  }

  it('rejects an empty NOOR_BROWSER_EXECUTABLE by name', () => {
    expect(() => readEnv({ NOOR_BROWSER_EXECUTABLE: '' })).toThrow(/NOOR_BROWSER_EXECUTABLE/);
  });
});
