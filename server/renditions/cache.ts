// The rendition cache: one directory per cache key under <cacheDir>/renditions,
// holding video.mp4, poster.jpg, cover.jpg and rendition.json (written last).
// The key is the sha256 of the input's content, the platform, the request
// options and the settings version plus the platform's rules, so the same input
// asked for the same thing is never encoded twice, and a changed input, option,
// rule or encoding setting misses. A rendition is built in a temporary directory
// and renamed into place whole; an unreadable entry counts as a miss.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { platformRules, type PlatformId } from '../platforms/rules';
import { mediaFactsSchema } from '../platforms/validate';
import { COVERS, DEFAULT_LOUDNESS, RENDITION_SETTINGS_VERSION } from './spec';

export const VIDEO_FILE = 'video.mp4';
export const POSTER_FILE = 'poster.jpg';
export const COVER_FILE = 'cover.jpg';
const MANIFEST_FILE = 'rendition.json';

const manifestSchema = z.object({
  cacheKey: z.string(),
  platform: z.string(),
  format: z.string(),
  facts: mediaFactsSchema,
  posterTimeSec: z.number().nonnegative(),
  hasCover: z.boolean(),
  loudness: z.object({ inputLufs: z.number().nullable(), targetLufs: z.number() }).nullable(),
});
export type RenditionManifest = z.infer<typeof manifestSchema>;

export interface CacheKeyInput {
  inputSha256: string;
  platform: PlatformId;
  /** Every option that changes the output, as given (undefined = the default). */
  options: Record<string, string | number | null | undefined>;
}

export function renditionCacheKey(input: CacheKeyInput): string {
  const material = JSON.stringify({
    version: RENDITION_SETTINGS_VERSION,
    input: input.inputSha256,
    platform: input.platform,
    options: Object.fromEntries(Object.entries(input.options).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, v ?? null])),
    rules: platformRules[input.platform].formats,
    cover: COVERS[input.platform] ?? null,
    loudness: DEFAULT_LOUDNESS,
  });
  return createHash('sha256').update(material).digest('hex');
}

export const entryDir = (cacheDir: string, key: string) => path.join(cacheDir, 'renditions', key);

/** The cached manifest for `key`, or null when there is none (or it is unreadable, or a file is gone). */
export async function readCached(cacheDir: string, key: string): Promise<RenditionManifest | null> {
  const dir = entryDir(cacheDir, key);
  const text = await readFile(path.join(dir, MANIFEST_FILE), 'utf8').catch(() => null);
  if (text === null) return null;
  let manifest: RenditionManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(text));
  } catch {
    return null;
  }
  const files = [VIDEO_FILE, POSTER_FILE, ...(manifest.hasCover ? [COVER_FILE] : [])];
  const present = await Promise.all(files.map((f) => stat(path.join(dir, f)).then((s) => s.size > 0, () => false)));
  return manifest.cacheKey === key && present.every(Boolean) ? manifest : null;
}

/** A fresh temporary directory beside the cache entries, for building one rendition. */
export async function makeWorkDir(cacheDir: string, key: string): Promise<string> {
  const dir = path.join(cacheDir, 'renditions', `.${key}.${randomUUID()}.tmp`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/**
 * Writes the manifest into the work directory and renames it into place. When
 * another process finished the same rendition first, its entry is kept and this
 * one dropped (they are equal by construction). An older unreadable entry is replaced.
 */
export async function commit(cacheDir: string, workDir: string, manifest: RenditionManifest): Promise<void> {
  await writeFile(path.join(workDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  const target = entryDir(cacheDir, manifest.cacheKey);
  try {
    await rename(workDir, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    if (await readCached(cacheDir, manifest.cacheKey)) {
      await rm(workDir, { recursive: true, force: true });
      return;
    }
    await rm(target, { recursive: true, force: true });
    await rename(workDir, target);
  }
}
