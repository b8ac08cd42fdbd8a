// The video the conformance suite publishes: a real Noor render (3.2 s of
// VerseReel at full 1080×1920, H.264/AAC, long enough for every platform's minimum) with its probed facts and sha256,
// and a tiny HTTP server that serves it for platforms that pull media from a
// URL (Instagram, TikTok PULL_FROM_URL).
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { verseReelDefaults } from '../../../compositions/verse-reel/schema';
import type { MediaFacts } from '../../../server/platforms/validate';
import { findBrowserExecutable } from '../../../server/render/browser';
import { renderLocal } from '../../../server/render/local';
import { probeVideo } from '../../../server/renditions';

export interface ConformanceVideo {
  file: string;
  sha256: string;
  bytes: number;
  facts: MediaFacts;
  /** A poster frame (PNG) for platforms that take a cover or thumbnail. */
  poster: string;
}

/** Renders 3.2 s of the demo verse reel and a frame of it as a poster. */
export async function renderConformanceVideo(serveUrl: string): Promise<ConformanceVideo> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'noor-conformance-'));
  const file = path.join(dir, 'reel.mp4');
  const poster = path.join(dir, 'poster.png');
  const common = { serveUrl, compositionId: 'VerseReel-9x16', inputProps: { ...verseReelDefaults }, browserExecutable: findBrowserExecutable(undefined) };
  await renderLocal({ ...common, output: file, frameRange: [0, 95] });
  await renderLocal({ ...common, output: poster, still: 40 });
  const { facts } = await probeVideo(file, 'output', { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' });
  return { file, poster, facts, bytes: statSync(file).size, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') };
}

/** Serves the files under one directory; url() takes a path inside it. Returns the base URL too. */
export async function serveDirectory(dir: string): Promise<{ base: string; url: (file: string) => string; close: () => Promise<void> }> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const file = path.resolve(root, `.${decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)}`);
    const name = path.basename(file);
    let size: number;
    try {
      if (!file.startsWith(`${root}${path.sep}`)) throw new Error('outside the served directory');
      size = statSync(file).size;
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': name.endsWith('.png') ? 'image/png' : 'video/mp4', 'content-length': String(size) });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    url: (file) => `${base}/${path.relative(root, path.resolve(root, file)).split(path.sep).map(encodeURIComponent).join('/')}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
