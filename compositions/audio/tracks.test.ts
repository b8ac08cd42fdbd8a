// Background-audio catalogue: lookup errors, the "no instrumental music"
// filter, and the real asset files (probed with ffprobe) against the metadata.
// Tests ./catalog, not ./tracks: vitest cannot import .m4a files.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  getTrackInfo,
  isTrackId,
  TRACK_CATALOG,
  TRACK_CHANNELS,
  TRACK_IDS,
  TRACK_LICENCE,
  TRACK_LOOP_SAMPLES,
  TRACK_SAMPLE_RATE,
  trackInfosAllowed,
} from './catalog';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ASSETS = path.join(HERE, 'assets');

describe('getTrackInfo', () => {
  it('returns the entry for every listed id', () => {
    for (const id of TRACK_IDS) expect(getTrackInfo(id).id).toBe(id);
  });

  it('throws a RangeError for an unknown id, naming the bad id and every valid one', () => {
    expect(() => getTrackInfo('thunderstorm')).toThrow(RangeError);
    let message = '';
    try {
      getTrackInfo('thunderstorm');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('"thunderstorm"');
    for (const id of TRACK_IDS) expect(message).toContain(`"${id}"`);
  });

  it('is exact about ids (no case folding or trimming)', () => {
    expect(() => getTrackInfo('Night-Air')).toThrow(/valid track ids/);
    expect(() => getTrackInfo(' night-air')).toThrow(/valid track ids/);
    expect(isTrackId('night-air')).toBe(true);
    expect(isTrackId('Night-Air')).toBe(false);
  });
});

describe('trackInfosAllowed', () => {
  it('offers only ambience, and at least one, when instrumental music is not wanted', () => {
    const allowed = trackInfosAllowed(true);
    expect(allowed.length).toBeGreaterThan(0);
    for (const track of allowed) expect(track.kind).toBe('ambience');
    expect(allowed.map((t) => t.id)).toEqual(TRACK_CATALOG.filter((t) => t.kind === 'ambience').map((t) => t.id));
  });

  it('offers every track otherwise', () => {
    expect(trackInfosAllowed(false).map((t) => t.id)).toEqual([...TRACK_IDS]);
  });
});

describe('catalogue', () => {
  it('has unique ids and files, and both kinds', () => {
    expect(new Set(TRACK_IDS).size).toBe(TRACK_CATALOG.length);
    expect(new Set(TRACK_CATALOG.map((t) => t.file)).size).toBe(TRACK_CATALOG.length);
    expect(new Set(TRACK_CATALOG.map((t) => t.kind))).toEqual(new Set(['ambience', 'instrumental']));
  });

  it('marks every track as our own CC0 synthesis', () => {
    for (const track of TRACK_CATALOG) expect(track.licence).toBe(TRACK_LICENCE);
    expect(existsSync(path.join(HERE, '../../scripts/make-audio.sh'))).toBe(true);
  });

  it('imports exactly the catalogue files in tracks.ts', () => {
    const source = readFileSync(path.join(HERE, 'tracks.ts'), 'utf8');
    const imported = [...source.matchAll(/from '\.\/assets\/([^']+)'/g)].map((m) => m[1]).sort();
    expect(imported).toEqual(TRACK_CATALOG.map((t) => t.file).sort());
  });
});

interface Probe {
  streams: Array<{ codec_type: string; codec_name: string; sample_rate: string; channels: number }>;
  format: { duration: string };
}

const probe = (file: string): Probe =>
  JSON.parse(
    execFileSync(
      'ffprobe',
      ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name,sample_rate,channels:format=duration', '-of', 'json', file],
      { encoding: 'utf8' },
    ),
  ) as Probe;

describe.each(TRACK_CATALOG.map((t) => [t.id, t] as const))('asset for %s', (_id, track) => {
  const file = path.join(ASSETS, track.file);

  it('exists and is small enough to commit (< 1 MB)', () => {
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).size).toBeLessThan(1_000_000);
  });

  it('is one 48 kHz stereo AAC stream as long as durationSec', () => {
    const { streams, format } = probe(file);
    expect(streams).toHaveLength(1);
    const [stream] = streams;
    expect(stream).toMatchObject({ codec_type: 'audio', codec_name: 'aac', channels: TRACK_CHANNELS });
    expect(Number(stream?.sample_rate)).toBe(TRACK_SAMPLE_RATE);
    expect(Math.abs(Number(format.duration) - track.durationSec)).toBeLessThan(0.1);
  });

  it('holds a whole loop and nothing more (no AAC padding at the seam)', () => {
    const samples = execFileSync(
      'ffprobe',
      ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=duration_ts', '-of', 'csv=p=0', file],
      { encoding: 'utf8' },
    ).trim();
    expect(Number(samples)).toBe(TRACK_LOOP_SAMPLES);
    expect(track.durationSec).toBeCloseTo(TRACK_LOOP_SAMPLES / TRACK_SAMPLE_RATE, 9);
  });
});

describe('assets folder', () => {
  it('stays under 4 MB in total', () => {
    const total = TRACK_CATALOG.reduce((sum, t) => sum + statSync(path.join(ASSETS, t.file)).size, 0);
    expect(total).toBeLessThan(4 * 1024 * 1024);
  });
});
