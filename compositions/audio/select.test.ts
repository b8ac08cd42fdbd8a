// Background-track choice (selectBackgroundTrack, BACKGROUND_CHOICES) under the "no instrumental music" setting, and the catalogue's files on disk.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TRACK_CATALOG } from './catalog';
import { BACKGROUND_CHOICES, selectBackgroundTrack } from './select';

const ASSETS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');
const kindOf = (id: string) => TRACK_CATALOG.find((t) => t.id === id)?.kind;
const instrumentalIds = TRACK_CATALOG.filter((t) => t.kind === 'instrumental').map((t) => t.id);
const ambienceIds = TRACK_CATALOG.filter((t) => t.kind === 'ambience').map((t) => t.id);

describe('selectBackgroundTrack', () => {
  it('has both kinds in the catalogue to choose from', () => {
    expect(instrumentalIds.length).toBeGreaterThan(0);
    expect(ambienceIds.length).toBeGreaterThan(0);
  });

  it('gives silence for "none", whatever the setting', () => {
    expect(selectBackgroundTrack('none', true)).toBeNull();
    expect(selectBackgroundTrack('none', false)).toBeNull();
  });

  it('picks an ambience track for "auto" when instrumental music is not wanted', () => {
    const track = selectBackgroundTrack('auto', true);
    expect(track).not.toBeNull();
    expect(track!.kind).toBe('ambience');
    expect(ambienceIds).toContain(track!.id);
  });

  it('picks an instrumental track for "auto" when music is allowed', () => {
    const track = selectBackgroundTrack('auto', false);
    expect(track).not.toBeNull();
    expect(track!.kind).toBe('instrumental');
    expect(instrumentalIds).toContain(track!.id);
  });

  it('returns the chosen track itself when it is allowed', () => {
    for (const t of TRACK_CATALOG) expect(selectBackgroundTrack(t.id, false)).toBe(t);
    for (const id of ambienceIds) expect(selectBackgroundTrack(id, true)!.id).toBe(id);
  });

  it('falls back to ambience, never instrumental, for an instrumental choice under noInstrumentalMusic', () => {
    for (const id of instrumentalIds) {
      const track = selectBackgroundTrack(id, true);
      expect(track, id).not.toBeNull();
      expect(track!.kind, id).toBe('ambience');
      expect(kindOf(track!.id)).toBe('ambience');
    }
  });

  it('never returns an instrumental track under noInstrumentalMusic for any valid choice', () => {
    for (const choice of BACKGROUND_CHOICES) {
      const track = selectBackgroundTrack(choice, true);
      if (track) expect(track.kind, choice).toBe('ambience');
    }
  });

  it('throws for an unknown id, naming backgroundAudio and every valid choice', () => {
    expect(() => selectBackgroundTrack('thunderstorm', false)).toThrow(RangeError);
    expect(() => selectBackgroundTrack('thunderstorm', true)).toThrow(/^backgroundAudio: unknown track "thunderstorm"/);
    let message = '';
    try {
      selectBackgroundTrack('Night-Air', false);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^backgroundAudio: /);
    for (const choice of ['auto', 'none', ...TRACK_CATALOG.map((t) => t.id)]) expect(message).toContain(choice);
  });
});

describe('BACKGROUND_CHOICES', () => {
  it('is auto, none and every catalogue id, once each', () => {
    expect([...BACKGROUND_CHOICES]).toEqual(['auto', 'none', ...TRACK_CATALOG.map((t) => t.id)]);
    expect(new Set(BACKGROUND_CHOICES).size).toBe(BACKGROUND_CHOICES.length);
  });
});

describe('catalogue files', () => {
  it('exist in compositions/audio/assets and are not empty', () => {
    for (const t of TRACK_CATALOG) {
      const file = path.join(ASSETS, t.file);
      expect(existsSync(file), t.file).toBe(true);
      expect(statSync(file).size, t.file).toBeGreaterThan(1000);
    }
  });

  it('are distinct files with distinct ids', () => {
    expect(new Set(TRACK_CATALOG.map((t) => t.file)).size).toBe(TRACK_CATALOG.length);
    expect(new Set(TRACK_CATALOG.map((t) => t.id)).size).toBe(TRACK_CATALOG.length);
  });
});

describe('selectBackgroundTrack by mood', () => {
  it('"auto" picks the track of the asked mood among the allowed kind', () => {
    expect(selectBackgroundTrack('auto', false, 'reflective')?.id).toBe('reflective-pad');
    expect(selectBackgroundTrack('auto', true, 'solemn')?.id).toBe('desert-wind');
  });

  it('never gives music for a mood when instrumental music is not wanted', () => {
    expect(selectBackgroundTrack('auto', true, 'reflective')?.kind).toBe('ambience');
  });
});
