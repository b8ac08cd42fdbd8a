// Screenshots the report into a PNG summary with headless Chromium's command
// line (no Puppeteer): the page is opened at #summary, which hides the
// per-shot details, in a fixed-width window. A throwaway profile directory
// keeps it from touching any user profile; a timeout stops a hung browser.
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AnalysisError, run } from '../ffmpeg';
import { findBrowserExecutable, SYSTEM_CHROMIUM_PATHS } from '../../render/browser';

export const PNG_WIDTH = 1400;

export interface ScreenshotOptions {
  /** A Chromium binary; undefined looks for a system Chromium, null means none is available. */
  browserExecutable?: string | null;
  timeoutMs?: number;
  height: number;
}

const missingBrowser = (): AnalysisError =>
  new AnalysisError(
    'report',
    `the PNG summary needs Chromium, and none was found (looked for ${SYSTEM_CHROMIUM_PATHS.join(', ')}); install Debian's chromium package (apt-get install chromium), set NOOR_BROWSER_EXECUTABLE, or ask for the HTML report only`,
  );

/** The Chromium to use, or an AnalysisError naming what is missing. */
export function resolveBrowser(explicit: string | null | undefined): string {
  if (explicit === null) throw missingBrowser();
  let found: string | null;
  try {
    found = findBrowserExecutable(explicit);
  } catch (error) {
    throw new AnalysisError('report', `the PNG summary needs Chromium: ${(error as Error).message}`);
  }
  if (!found) throw missingBrowser();
  return found;
}

/** The command-line flags for a one-shot headless screenshot (Chromium's "new" headless mode). */
export function screenshotArgs(htmlUrl: string, pngPath: string, profileDir: string, width: number, height: number): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--mute-audio',
    `--user-data-dir=${profileDir}`,
    '--hide-scrollbars',
    '--force-device-scale-factor=1',
    `--window-size=${width},${height}`,
    `--screenshot=${pngPath}`,
    htmlUrl,
  ];
}

/** Chromium's stderr without its harmless D-Bus complaints, for an error message. */
const stderrTail = (stderr: string): string =>
  stderr
    .split('\n')
    .filter((line) => line.trim() && !/dbus|Fontconfig|unexpected operator/i.test(line))
    .slice(-3)
    .join(' | ');

/** Writes a PNG_WIDTH × height screenshot of the HTML file's summary to `pngPath`. */
export async function screenshotReport(htmlPath: string, pngPath: string, options: ScreenshotOptions): Promise<void> {
  const browser = resolveBrowser(options.browserExecutable);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'noor-report-'));
  try {
    const shot = path.join(dir, 'summary.png');
    const url = `${pathToFileURL(path.resolve(htmlPath)).href}#summary`;
    let stderr = '';
    try {
      ({ stderr } = await run(browser, screenshotArgs(url, shot, path.join(dir, 'profile'), PNG_WIDTH, options.height), {
        timeoutMs: options.timeoutMs ?? 60_000,
        label: 'the Chromium screenshot',
      }));
    } catch (error) {
      if (error instanceof AnalysisError) throw error;
      throw new AnalysisError('report', `Chromium could not screenshot the report: ${stderrTail((error as { stderr?: string }).stderr ?? String(error))}`);
    }
    const written = await stat(shot).catch(() => null);
    if (!written || written.size === 0) throw new AnalysisError('report', `Chromium wrote no screenshot: ${stderrTail(stderr) || 'no output'}`);
    await copyFile(shot, pngPath);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
