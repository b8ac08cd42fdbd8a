// Render props for the real VerseReel template: parseSet (--set key=value), readPropsFile errors, validateProps issue paths and the defaults < file < sets merge of resolveProps.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verseReel } from '../../compositions/verse-reel';
import { verseReelDefaults } from '../../compositions/verse-reel/schema';
import { parseSet, PropsError, readPropsFile, resolveProps, validateProps } from './props';

const schema = verseReel.schema;
const dir = mkdtempSync(path.join(os.tmpdir(), 'noor-props-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;
const writeJson = (content: string): string => {
  const file = path.join(dir, `props-${++fileCount}.json`);
  writeFileSync(file, content);
  return file;
};

/** The PropsError thrown by `fn` (sync or async); fails the test if something else happens. */
async function propsError(fn: () => unknown): Promise<PropsError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PropsError);
    return error as PropsError;
  }
  throw new Error('expected a PropsError, but nothing was thrown');
}

describe('parseSet', () => {
  it('keeps string props as strings, even when they look like JSON or numbers', () => {
    expect(parseSet(schema, 'reference=2:255')).toEqual({ reference: '2:255' });
    expect(parseSet(schema, 'reference=112')).toEqual({ reference: '112' });
    expect(parseSet(schema, 'recitation=true')).toEqual({ recitation: 'true' });
    expect(parseSet(schema, 'textColor=#fff')).toEqual({ textColor: '#fff' });
  });

  it('keeps everything after the first = as the value, empty included', () => {
    expect(parseSet(schema, 'recitation=audio/a=b.mp3')).toEqual({ recitation: 'audio/a=b.mp3' });
    expect(parseSet(schema, 'recitation=')).toEqual({ recitation: '' });
  });

  it('keeps enum props as strings', () => {
    expect(parseSet(schema, 'scene=night')).toEqual({ scene: 'night' });
    expect(parseSet(schema, 'translation=en')).toEqual({ translation: 'en' });
    expect(parseSet(schema, 'backgroundAudio=none')).toEqual({ backgroundAudio: 'none' });
  });

  it('reads numbers and booleans as JSON', () => {
    expect(parseSet(schema, 'grain=0.5')).toEqual({ grain: 0.5 });
    expect(parseSet(schema, 'seed=42')).toEqual({ seed: 42 });
    expect(parseSet(schema, 'pace=-1')).toEqual({ pace: -1 });
    expect(parseSet(schema, 'showTranslation=false')).toEqual({ showTranslation: false });
    expect(parseSet(schema, 'noInstrumentalMusic=true')).toEqual({ noInstrumentalMusic: true });
  });

  it('reaches nested props with dotted keys', () => {
    expect(parseSet(schema, 'gradeAdjust.temperature=0.5')).toEqual({ gradeAdjust: { temperature: 0.5 } });
    expect(parseSet(schema, 'gradeAdjust.tint=-0.25')).toEqual({ gradeAdjust: { tint: -0.25 } });
  });

  it('trims the key', () => {
    expect(parseSet(schema, ' grain =0.5')).toEqual({ grain: 0.5 });
  });

  it('rejects an unknown key, naming it and listing the known props', async () => {
    const error = await propsError(() => parseSet(schema, 'colour=#fff'));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.path).toBe('colour');
    for (const known of Object.keys(schema.shape)) expect(error.issues[0]!.message).toContain(known);
    expect(error.message).toMatch(/^colour: unknown prop/);
  });

  it('rejects unknown nested keys and dotted keys into non-objects', async () => {
    expect((await propsError(() => parseSet(schema, 'gradeAdjust.warmth=1'))).issues[0]!.path).toBe('gradeAdjust.warmth');
    expect((await propsError(() => parseSet(schema, 'grain.amount=1'))).issues[0]!.path).toBe('grain.amount');
    expect((await propsError(() => parseSet(schema, 'arabic=بسم'))).issues[0]!.path).toBe('arabic');
  });

  it('rejects malformed assignments under --set', async () => {
    for (const bad of ['reference', '=2:255', '']) {
      const error = await propsError(() => parseSet(schema, bad));
      expect(error.issues, bad).toEqual([{ path: '--set', message: `"${bad}" is not key=value` }]);
    }
  });

  it('rejects a value that is not JSON for a non-string prop, naming the prop and the type', async () => {
    const error = await propsError(() => parseSet(schema, 'grain=lots'));
    expect(error.issues).toEqual([{ path: 'grain', message: '"lots" is not a valid number' }]);
    const bool = await propsError(() => parseSet(schema, 'showTranslation=yes'));
    expect(bool.issues).toEqual([{ path: 'showTranslation', message: '"yes" is not a valid boolean' }]);
  });
});

describe('readPropsFile', () => {
  it('reads a JSON object', async () => {
    expect(await readPropsFile(writeJson('{"reference": "94:5-6", "gradeAdjust": {"tint": 0.1}}'))).toEqual({ reference: '94:5-6', gradeAdjust: { tint: 0.1 } });
  });

  it('reports a missing file under --props', async () => {
    const missing = path.join(dir, 'nope.json');
    const error = await propsError(() => readPropsFile(missing));
    expect(error.issues).toEqual([{ path: '--props', message: `file not found: ${missing}` }]);
  });

  it('reports a file that cannot be read, with the error code', async () => {
    const sub = path.join(dir, 'a-directory.json');
    mkdirSync(sub);
    const error = await propsError(() => readPropsFile(sub));
    expect(error.issues[0]!.path).toBe('--props');
    expect(error.issues[0]!.message).toBe(`cannot read ${sub} (EISDIR)`);
  });

  it('reports invalid JSON, naming the file', async () => {
    const file = writeJson('{ "reference": "2:255", }');
    const error = await propsError(() => readPropsFile(file));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.path).toBe('--props');
    expect(error.issues[0]!.message).toContain(`${file} is not valid JSON`);
  });

  it('rejects JSON that is not an object', async () => {
    for (const content of ['["reference", "2:255"]', 'null', '42', '"2:255"']) {
      const file = writeJson(content);
      const error = await propsError(() => readPropsFile(file));
      expect(error.issues, content).toEqual([{ path: '--props', message: `${file} must hold a JSON object of props` }]);
    }
  });
});

describe('validateProps', () => {
  it('returns valid props', () => {
    expect(validateProps(verseReel, { ...verseReelDefaults, reference: '2:255' })).toEqual({ ...verseReelDefaults, reference: '2:255' });
  });

  it('rejects unknown props, each by name', async () => {
    const error = await propsError(() => validateProps(verseReel, { ...verseReelDefaults, arabic: 'بسم', colour: 'red' }));
    expect(error.issues.map((i) => i.path)).toEqual(['arabic', 'colour']);
    expect(error.issues[0]!.message).toContain('unknown prop; VerseReel has: reference, translation');
  });

  it('reports every issue with its dotted path', async () => {
    const error = await propsError(() =>
      validateProps(verseReel, {
        ...verseReelDefaults,
        reference: '2:300',
        grain: 2,
        scene: 'volcano',
        gradeAdjust: { ...verseReelDefaults.gradeAdjust, temperature: 1.5 },
      }),
    );
    expect(error.issues.map((i) => i.path).sort()).toEqual(['gradeAdjust.temperature', 'grain', 'reference', 'scene']);
    expect(error.issues.find((i) => i.path === 'reference')!.message).toContain('Al-Baqarah (surah 2) has 286 ayahs');
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^(grain|gradeAdjust\.temperature|reference|scene): \S/);
  });

  it('reports missing props by name', async () => {
    const { seed: _seed, grain: _grain, ...rest } = verseReelDefaults;
    const error = await propsError(() => validateProps(verseReel, rest));
    expect(error.issues.map((i) => i.path).sort()).toEqual(['grain', 'seed']);
  });
});

describe('resolveProps', () => {
  it('gives the defaults with no file and no sets', async () => {
    expect(await resolveProps(verseReel, {})).toEqual(verseReelDefaults);
  });

  it('merges defaults < props file < sets, nested props key by key', async () => {
    const before = structuredClone(verseReel.defaultProps);
    const file = writeJson(JSON.stringify({ reference: '94:5-6', grain: 0.5, scene: 'night', gradeAdjust: { temperature: 0.3, tint: 0.1 } }));
    const props = await resolveProps(verseReel, { propsFile: file, sets: ['grain=0.8', 'gradeAdjust.tint=-0.2', 'seed=11', 'seed=12'] });
    expect(props).toEqual({
      ...verseReelDefaults,
      reference: '94:5-6', // file
      grain: 0.8, // set beats file
      seed: 12, // the later set wins
      gradeAdjust: { exposure: 0, contrast: 0, saturation: 0, temperature: 0.3, tint: -0.2 }, // defaults, file, set
    });
    expect(verseReel.defaultProps).toEqual(before); // the template's defaults are not mutated
  });

  it('reports a bad value from a set with its path after merging', async () => {
    const error = await propsError(() => resolveProps(verseReel, { sets: ['gradeAdjust.exposure=4'] }));
    expect(error.issues.map((i) => i.path)).toEqual(['gradeAdjust.exposure']);
  });

  it('passes on readPropsFile and parseSet errors', async () => {
    expect((await propsError(() => resolveProps(verseReel, { propsFile: path.join(dir, 'missing.json') }))).issues[0]!.path).toBe('--props');
    expect((await propsError(() => resolveProps(verseReel, { sets: ['nope=1'] }))).issues[0]!.path).toBe('nope');
  });
});
