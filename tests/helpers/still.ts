// Renders one frame of a composition from a test bundle to a PNG and reads it
// back as pixels (see media.ts for the statistics).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderLocal } from '../../server/render/local';
import { findBrowserExecutable } from '../../server/render/browser';
import { readPng, type Image } from './media';

const dir = mkdtempSync(path.join(os.tmpdir(), 'noor-still-'));
const browserExecutable = findBrowserExecutable(undefined);
let counter = 0;

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
  });
  return readPng(output);
}
