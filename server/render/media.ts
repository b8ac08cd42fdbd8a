// Media props (e.g. a recitation file) name a local path or a URL. Before a
// render, every local path is checked and copied into the bundle's public
// folder under a content hash, and the prop is rewritten to that name, which
// the composition loads with staticFile().
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Template } from '../../compositions/template';
import { PropsError } from './props';
import { projectRoot } from '../paths';

const isUrl = (v: string) => /^(https?:|data:|blob:)/.test(v);

export interface LocalMedia {
  prop: string;
  file: string;
}

/** Finds every local media file the props name, failing with the prop's name when one does not exist. */
export async function findLocalMedia(template: Template, props: Record<string, unknown>, cwd: string): Promise<LocalMedia[]> {
  const found: LocalMedia[] = [];
  for (const prop of template.mediaProps) {
    const value = props[prop];
    if (typeof value !== 'string' || value === '' || isUrl(value)) continue;
    const candidates = [path.resolve(cwd, value), path.join(projectRoot, 'public', value)];
    let file: string | undefined;
    for (const candidate of candidates) {
      const info = await stat(candidate).catch(() => null);
      if (info?.isFile()) {
        file = candidate;
        break;
      }
    }
    if (!file) throw new PropsError([{ path: prop, message: `media file not found: ${value}` }]);
    found.push({ prop, file });
  }
  return found;
}

/** Copies local media into the bundle and returns props that point at the copies. */
export async function stageMedia(
  props: Record<string, unknown>,
  media: readonly LocalMedia[],
  bundleDir: string,
): Promise<Record<string, unknown>> {
  const staged = { ...props };
  for (const { prop, file } of media) {
    const hash = createHash('sha256').update(await readFile(file)).digest('hex').slice(0, 16);
    const name = `media/${hash}${path.extname(file).toLowerCase()}`;
    await mkdir(path.join(bundleDir, 'public', 'media'), { recursive: true });
    await copyFile(file, path.join(bundleDir, 'public', name));
    staged[prop] = name;
  }
  return staged;
}
