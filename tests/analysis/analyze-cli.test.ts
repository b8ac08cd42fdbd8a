// Style analysis as a creator uses it, through the noor CLI (a child
// process): `noor analyze` on a designed reference (warm, letterboxed, three
// shots joined by dissolves, a title that fades in, a 120 BPM beat) finds
// that look, writes a valid profile, the HTML report and its PNG; `noor
// render --style` carries the look into a template; bad input is a clear
// error with no stack trace.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { styleProfileSchema } from '../../server/analyze/profile';
import { runNoor } from '../helpers/noor-cli';
import { FONT, H264, makeClip, source } from './clips';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'noor-analyze-cli-'));

const noor = (...args: string[]) => runNoor(args, { cwd: tmp, timeoutMs: 240_000 });

/** 6.5 s at 640×360 (25 fps): three 2.5 s shots, 0.5 s dissolves, warmed, 2.39:1 bars, a title fading in at 1 s, clicks at 120 BPM over a low drone. */
function reference(): Promise<string> {
  const size = { w: 640, h: 268, fps: 25, dur: 2.5 };
  const shots = (['mandelbrot', 'testsrc2', 'life'] as const).map((kind, i) => `${source(kind, size, i + 2)},format=yuv420p,settb=1/25,setpts=N[s${i}]`).join(';');
  const video = [
    shots,
    '[s0][s1]xfade=transition=fade:duration=0.5:offset=2[a]',
    '[a][s2]xfade=transition=fade:duration=0.5:offset=4[b]',
    `[b]colortemperature=temperature=3600,pad=640:360:0:46:black,drawtext=fontfile=${FONT}:text='Remember':fontsize=40:fontcolor=white:x=(w-tw)/2:y=250:alpha='if(lt(t,1),0,min(1,(t-1)/0.6))',setpts=N/25/TB[v]`,
  ].join(';');
  const audio = "aevalsrc='0.6*exp(-60*mod(t,0.5))*sin(2*PI*1500*t)+0.1*sin(2*PI*110*t)':s=44100:d=6.5[aout]";
  return makeClip('cli-reference', ['-filter_complex', `${video};${audio}`, '-map', '[v]', '-map', '[aout]', ...H264, '-c:a', 'aac', '-t', '6.5']);
}

let analysed: Promise<ReturnType<typeof noor>> | undefined;
/** `noor analyze` of the reference, run once for the tests that need it. */
const analyseReference = () => (analysed ??= reference().then((clip) => noor('analyze', clip, '--out', 'ref.json', '--report', 'ref.html', '--png', 'ref.png')));

describe('noor analyze', () => {
  it('finds the designed look, writes the profile, the report and its PNG', async () => {
    const r = await analyseReference();
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^shots\s+3 ·/m);
    expect(r.stdout).toMatch(/✓ ref\.json · ref\.html · ref\.png/);
    const profile = styleProfileSchema.parse(JSON.parse(readFileSync(path.join(tmp, 'ref.json'), 'utf8')));
    expect(profile.source).toMatchObject({ width: 640, height: 360, hasAudio: true });
    expect(profile.transitions.filter((t) => t.type === 'dissolve')).toHaveLength(2);
    expect(profile.color?.temperature).toBe('warm');
    expect(profile.color?.letterbox?.top).toBeGreaterThanOrEqual(44);
    expect(profile.color?.letterbox?.top).toBeLessThanOrEqual(48);
    expect(profile.audio?.bpm).toBeGreaterThan(116.4);
    expect(profile.audio?.bpm).toBeLessThan(123.6);
    const title = profile.text.find((t) => t.box.y > 0.6);
    expect(title?.start).toBeGreaterThan(0.7);
    expect(title?.start).toBeLessThan(1.6);
    const html = readFileSync(path.join(tmp, 'ref.html'), 'utf8');
    expect(html.match(/<img[^>]+src="data:image\/jpeg;base64,/g)?.length).toBeGreaterThanOrEqual(3);
    expect(existsSync(path.join(tmp, 'ref.png'))).toBe(true);
  });

  it('carries the look into a template with noor render --style', async () => {
    expect((await analyseReference()).code).toBe(0);
    const r = noor('render', 'cinematic-montage', '--style', 'ref.json', '--still', '30', '--scale', '0.2', '--out', 'styled.png');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^style\s+transition = \{"type":"dissolve"/m);
    expect(r.stdout).toMatch(/^style\s+letterbox = 2\.39? /m);
    expect(r.stdout).toMatch(/^style\s+cutTiming = \{"mode":"beats"/m);
    expect(existsSync(path.join(tmp, 'styled.png'))).toBe(true);
  });

  it('names a missing input and a file that is not a style profile', () => {
    const missing = noor('analyze', 'nope.mp4');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^noor: input: nope\.mp4 does not exist$/m);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    writeFileSync(path.join(tmp, 'not-a-profile.json'), JSON.stringify({ version: 2, shots: 'many' }));
    const bad = noor('render', 'verse-reel', '--style', 'not-a-profile.json', '--still', '0');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--style: .*not-a-profile\.json is not a style profile of version 1 \(version: .*shots: /);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
