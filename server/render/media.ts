// Media props (a recitation file, a montage's images and clips) name a local
// path or a URL. Before a render, every local path is checked and copied
// into the bundle's public folder under a content hash, and the prop is
// rewritten to that name, which the composition loads with staticFile().
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Template } from '../../compositions/template';
import { PropsError } from './props';
import { projectRoot } from '../paths';

const isUrl = (v: string) => /^(https?:|data:|blob:)/.test(v);

export interface LocalMedia {
  /** concrete dotted path of the prop, e.g. "shots.2.src" */
  prop: string;
  file: string;
}

/** The concrete paths and string values a pattern such as "shots.*.src" reaches in `props`. */
export function mediaValues(props: unknown, pattern: string): { prop: string; value: string }[] {
  const walk = (value: unknown, keys: string[], at: string[]): { prop: string; value: string }[] => {
    if (keys.length === 0) return typeof value === 'string' ? [{ prop: at.join('.'), value }] : [];
    const [key, ...rest] = keys;
    if (key === '*') {
      return Array.isArray(value) ? value.flatMap((item, i) => walk(item, rest, [...at, String(i)])) : [];
    }
    if (typeof value !== 'object' || value === null) return [];
    return walk((value as Record<string, unknown>)[key!], rest, [...at, key!]);
  };
  return walk(props, pattern.split('.'), []);
}

/** Finds every local media file the props name, failing with the prop's path when one does not exist. */
export async function findLocalMedia(template: Template, props: Record<string, unknown>, cwd: string): Promise<LocalMedia[]> {
  const found: LocalMedia[] = [];
  for (const { prop, value } of template.mediaProps.flatMap((pattern) => mediaValues(props, pattern))) {
    if (value === '' || isUrl(value)) continue;
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

const setAt = (target: Record<string, unknown>, dotted: string, value: string): Record<string, unknown> => {
  const [key, ...rest] = dotted.split('.');
  const current = target[key!];
  if (rest.length === 0) return { ...target, [key!]: value };
  const child = Array.isArray(current) ? [...current] : { ...(current as Record<string, unknown>) };
  const updated = setAt(child as Record<string, unknown>, rest.join('.'), value);
  return { ...target, [key!]: Array.isArray(current) ? Object.assign([...current], updated) : updated };
};

/** Copies local media into the bundle and returns props that point at the copies. */
export async function stageMedia(
  props: Record<string, unknown>,
  media: readonly LocalMedia[],
  bundleDir: string,
): Promise<Record<string, unknown>> {
  let staged = props;
  for (const { prop, file } of media) {
    const hash = createHash('sha256').update(await readFile(file)).digest('hex').slice(0, 16);
    const name = `media/${hash}${path.extname(file).toLowerCase()}`;
    await mkdir(path.join(bundleDir, 'public', 'media'), { recursive: true });
    await copyFile(file, path.join(bundleDir, 'public', name));
    staged = setAt(staged, prop, name);
  }
  return staged;
}
