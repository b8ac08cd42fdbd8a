// Media props: dotted paths with * reach nested files; missing files are named by their path.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLocalMedia, mediaValues, stageMedia } from './media';
import { cinematicMontage } from '../../compositions/cinematic-montage';
import type { Template } from '../../compositions/template';
import { PropsError } from './props';

const dir = mkdtempSync(path.join(os.tmpdir(), 'noor-media-'));

describe('mediaValues', () => {
  it('walks arrays with *', () => {
    expect(mediaValues({ shots: [{ src: 'a.png' }, { scene: 'night' }, { src: 'b.mp4' }] }, 'shots.*.src')).toEqual([
      { prop: 'shots.0.src', value: 'a.png' },
      { prop: 'shots.2.src', value: 'b.mp4' },
    ]);
    expect(mediaValues({ recitation: 'r.mp3' }, 'recitation')).toEqual([{ prop: 'recitation', value: 'r.mp3' }]);
  });
});

describe('findLocalMedia and stageMedia', () => {
  const image = path.join(dir, 'still.png');
  writeFileSync(image, 'png bytes');
  const props = { shots: [{ kind: 'image', src: image }, { kind: 'image', src: 'https://example.org/x.png' }] };

  it('finds local files, skips URLs, and names a missing one by its path', async () => {
    const found = await findLocalMedia(cinematicMontage as unknown as Template, props, dir);
    expect(found).toEqual([{ prop: 'shots.0.src', file: image }]);
    const missing = { shots: [{ kind: 'image', src: 'nope.png' }] };
    await expect(findLocalMedia(cinematicMontage as unknown as Template, missing, dir)).rejects.toThrow(PropsError);
    await expect(findLocalMedia(cinematicMontage as unknown as Template, missing, dir)).rejects.toThrow('shots.0.src: media file not found: nope.png');
  });

  it('rewrites only the staged paths and leaves the rest', async () => {
    const bundle = mkdtempSync(path.join(os.tmpdir(), 'noor-bundle-'));
    const staged = await stageMedia(props, [{ prop: 'shots.0.src', file: image }], bundle);
    const shots = staged.shots as { src: string }[];
    expect(shots[0]!.src).toMatch(/^media\/[0-9a-f]{16}\.png$/);
    expect(shots[1]!.src).toBe('https://example.org/x.png');
    expect(props.shots[0]!.src).toBe(image);
  });
});
