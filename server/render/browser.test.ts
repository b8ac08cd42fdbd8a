// findBrowserExecutable: an explicit path wins (or fails naming NOOR_BROWSER_EXECUTABLE), else the first existing candidate, else null; filesystem injected.
import { describe, expect, it } from 'vitest';
import { findBrowserExecutable, SYSTEM_CHROMIUM_PATHS } from './browser';

/** A fake filesystem holding just these executables, recording what was asked. */
const fakeFs = (...present: string[]) => {
  const asked: string[] = [];
  const exists = (p: string) => {
    asked.push(p);
    return present.includes(p);
  };
  return { exists, asked };
};

describe('findBrowserExecutable', () => {
  it('returns an explicit path that exists, without looking at the candidates', () => {
    const fs = fakeFs('/opt/chrome/chrome', '/usr/bin/chromium');
    expect(findBrowserExecutable('/opt/chrome/chrome', ['/usr/bin/chromium'], fs.exists)).toBe('/opt/chrome/chrome');
    expect(fs.asked).toEqual(['/opt/chrome/chrome']);
  });

  it('throws naming NOOR_BROWSER_EXECUTABLE and the path when the explicit path does not exist, even if a candidate does', () => {
    const fs = fakeFs('/usr/bin/chromium');
    const call = () => findBrowserExecutable('/opt/missing/chrome', ['/usr/bin/chromium'], fs.exists);
    expect(call).toThrow(/^NOOR_BROWSER_EXECUTABLE: \/opt\/missing\/chrome does not exist/);
  });

  it('chooses the first existing candidate, in order', () => {
    const candidates = ['/a/chromium', '/b/chromium', '/c/chromium'];
    expect(findBrowserExecutable(undefined, candidates, fakeFs('/b/chromium', '/c/chromium').exists)).toBe('/b/chromium');
    expect(findBrowserExecutable(undefined, candidates, fakeFs('/c/chromium', '/a/chromium').exists)).toBe('/a/chromium');
    const fs = fakeFs('/a/chromium', '/b/chromium');
    findBrowserExecutable(undefined, candidates, fs.exists);
    expect(fs.asked).toEqual(['/a/chromium']);
  });

  it('treats an empty explicit setting as unset', () => {
    expect(findBrowserExecutable('', ['/x/chromium'], fakeFs('/x/chromium').exists)).toBe('/x/chromium');
  });

  it('returns null when nothing exists', () => {
    expect(findBrowserExecutable(undefined, ['/a/chromium', '/b/chromium'], fakeFs().exists)).toBeNull();
    expect(findBrowserExecutable(undefined, [], fakeFs('/a/chromium').exists)).toBeNull();
  });

  it('looks in the system Chromium paths by default', () => {
    expect(SYSTEM_CHROMIUM_PATHS).toContain('/usr/bin/chromium');
    const fs = fakeFs('/snap/bin/chromium');
    expect(findBrowserExecutable(undefined, undefined, fs.exists)).toBe('/snap/bin/chromium');
    expect(fs.asked).toEqual(SYSTEM_CHROMIUM_PATHS.slice(0, SYSTEM_CHROMIUM_PATHS.indexOf('/snap/bin/chromium') + 1));
  });
});
