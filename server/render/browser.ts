// Finds the Chromium that Remotion renders with: an explicit setting wins,
// then a system Chromium (Debian's /usr/bin/chromium), else null so that
// Remotion downloads its own headless shell (machines with internet only).
import { accessSync, constants } from 'node:fs';

export const SYSTEM_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export function findBrowserExecutable(
  explicit: string | undefined,
  candidates: readonly string[] = SYSTEM_CHROMIUM_PATHS,
  exists: (path: string) => boolean = isExecutable,
): string | null {
  if (explicit) {
    if (!exists(explicit)) {
      throw new Error(`NOOR_BROWSER_EXECUTABLE: ${explicit} does not exist or is not executable`);
    }
    return explicit;
  }
  return candidates.find(exists) ?? null;
}
