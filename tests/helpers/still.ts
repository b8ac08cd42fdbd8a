// Renders one frame of a composition from a test bundle to a PNG and reads it
// back as pixels (see media.ts for the statistics). One Chromium serves every
// still of a test file (opening one per still cost seconds each); it is closed
// after the file's tests.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openLocalBrowser, renderLocal, type LocalBrowser } from '../../server/render/local';
import { findBrowserExecutable } from '../../server/render/browser';
import { readPng, type Image } from './media';

const dir = mkdtempSync(path.join(os.tmpdir(), 'noor-still-'));
const browserExecutable = findBrowserExecutable(undefined);
let counter = 0;
let shared: Promise<LocalBrowser> | undefined;

afterAll(async () => {
  const browser = await shared?.catch(() => undefined);
  shared = undefined;
  await browser?.close({ silent: true }).catch(() => undefined);
});

export async function renderStillImage(options: {
  serveUrl: string;
  compositionId: string;
  frame: number;
  props?: Record<string, unknown>;
  scale?: number;
}): Promise<Image> {
  const output = path.join(dir, `still-${counter++}.png`);
  await renderLocal({
    serveUrl: options.serveUrl,
    compositionId: options.compositionId,
    inputProps: options.props ?? {},
    output,
    still: options.frame,
    scale: options.scale ?? 1,
    browserExecutable,
    browser: await (shared ??= openLocalBrowser(browserExecutable)),
  });
  return readPng(output);
}
