// The noor CLI as a user runs it (a child process through bin/noor.mjs):
// help, templates, and every error path of render, each a clear message that
// names the problem, with no stack trace and no browser started.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNoor } from './helpers/noor-cli';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'noor-cli-'));

const noor = (...args: string[]) => runNoor(args, { cwd: tmp });

const expectCleanError = (r: ReturnType<typeof noor>, pattern: RegExp, code = 1) => {
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.code).toBe(code);
};

describe('noor help and templates', () => {
  it('prints usage', () => {
    const r = noor('help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('noor render <template>');
  });

  it('lists templates with aspects and props', () => {
    const r = noor('templates');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('VerseReel (verse-reel)');
    expect(r.stdout).toMatch(/9:16 1080×1920, 1:1 1080×1080, 4:5 1080×1350, 16:9 1920×1080/);
    expect(r.stdout).toMatch(/reference\s+string/);
  });

  it('lists templates as JSON with a JSON Schema of the props', () => {
    const r = noor('templates', '--json');
    expect(r.code).toBe(0);
    const [verseReel] = JSON.parse(r.stdout);
    expect(verseReel.id).toBe('verse-reel');
    expect(verseReel.aspects.map((a: { compositionId: string }) => a.compositionId)).toEqual([
      'VerseReel-9x16',
      'VerseReel-1x1',
      'VerseReel-4x5',
      'VerseReel-16x9',
    ]);
    expect(verseReel.props.properties.reference.type).toBe('string');
    expect(verseReel.props.properties.grain).toMatchObject({ minimum: 0, maximum: 1 });
    expect(verseReel.defaultProps.reference).toBe('13:28');
  });
});

describe('noor presets', () => {
  it('lists the presets with what they set', () => {
    const r = noor('presets');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/golden-hour\s+Golden hour: /);
    expect(r.stdout).toMatch(/scene golden · grain 0.3 · vignette 0.5 · text rise · transition dissolve 1s · music hopeful/);
    const json = JSON.parse(noor('presets', '--json').stdout);
    expect(json.length).toBeGreaterThanOrEqual(6);
  });

  it('names the available presets for an unknown one', () => {
    expectCleanError(noor('render', 'verse-reel', '--preset', 'vaporwave'), /--preset: unknown preset "vaporwave"; available: night-prayer/);
  });
});

describe('noor render errors', () => {
  it('names the available templates for an unknown one', () => {
    expectCleanError(noor('render', 'sunset-reel'), /Unknown template "sunset-reel". Available: verse-reel \(VerseReel\)/);
  });

  it('explains a bad verse reference', () => {
    expectCleanError(noor('render', 'verse-reel', '--set', 'reference=2:300'), /reference: Al-Baqarah \(surah 2\) has 286 ayahs; ayah 300 does not exist/);
    expectCleanError(noor('render', 'verse-reel', '--set', 'reference=115:1'), /reference: There are 114 surahs; surah 115 does not exist/);
    expectCleanError(noor('render', 'verse-reel', '--set', 'reference=abc'), /reference: "abc" is not a verse reference/);
  });

  it('lists every invalid prop with its path', () => {
    const props = path.join(tmp, 'bad.json');
    writeFileSync(props, JSON.stringify({ grain: 3, scene: 'noon', gradeAdjust: { temperature: 'warm' } }));
    const r = noor('render', 'verse-reel', '--props', props);
    expectCleanError(r, /invalid props:/);
    expect(r.stderr).toMatch(/grain: .*(<=|less than or equal).*1/i);
    expect(r.stderr).toMatch(/scene: .*"night"/);
    expect(r.stderr).toMatch(/gradeAdjust\.temperature: .*number/);
  });

  it('rejects unknown props and malformed --set', () => {
    expectCleanError(noor('render', 'verse-reel', '--set', 'colour=red'), /colour: unknown prop; this template has: reference, /);
    expectCleanError(noor('render', 'verse-reel', '--set', 'grain'), /--set: "grain" is not key=value/);
    expectCleanError(noor('render', 'verse-reel', '--set', 'grain=lots'), /grain: "lots" is not a valid number/);
  });

  it('reports a missing or broken props file', () => {
    expectCleanError(noor('render', 'verse-reel', '--props', 'nope.json'), /--props: file not found: nope.json/);
    const broken = path.join(tmp, 'broken.json');
    writeFileSync(broken, '{ "reference": ');
    expectCleanError(noor('render', 'verse-reel', '--props', broken), /--props: .*broken.json is not valid JSON/);
  });

  it('reports a missing media file by prop name', () => {
    expectCleanError(noor('render', 'verse-reel', '--set', 'recitation=./missing.mp3'), /recitation: media file not found: \.\/missing\.mp3/);
  });

  it('reports an unwritable output path before rendering', () => {
    const file = path.join(tmp, 'a-file');
    writeFileSync(file, 'x');
    expectCleanError(noor('render', 'verse-reel', '--out', path.join(file, 'video.mp4')), /--out: cannot create the folder .*a-file \(E(EXIST|NOTDIR)\)/);
    expectCleanError(noor('render', 'verse-reel', '--out', tmp), /--out: a video is written as MP4/, 2);
  });

  it('rejects a bad aspect and bad flags with usage help', () => {
    expectCleanError(noor('render', 'verse-reel', '--aspect', '3:2'), /--aspect: "3:2" is not one of 9:16, 1:1, 4:5, 16:9/, 2);
    expectCleanError(noor('render', 'verse-reel', '--bogus'), /Unknown option '--bogus'[\s\S]*noor help/, 2);
    expectCleanError(noor('frobnicate'), /unknown command "frobnicate"/, 2);
  });
});
