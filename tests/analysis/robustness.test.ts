// analyzeVideo on inputs that are wrong or unusual: a path that does not
// exist, an empty file, a 0-second clip, a file that is not a video, a truncated MP4, audio
// only, video without audio, a 4K input, an input longer than the limit, a
// missing ffmpeg and a timeout. Each is a clear AnalysisError naming the
// input (or the tool), or a profile whose missing parts are null with a
// warning; none hangs or crashes.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeVideo } from '../../server/analyze/analyze';
import { AnalysisError } from '../../server/analyze/ffmpeg';
import { H264, makeClip, source } from './clips';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'noor-robust-'));
const small = { w: 320, h: 180, fps: 25, dur: 3 };
const tone = (dur: number) => ['-f', 'lavfi', '-i', `sine=frequency=330:sample_rate=44100:duration=${dur}`];

/** The AnalysisError a promise rejects with (fails the test if it resolves or throws something else). */
async function analysisError(promise: Promise<unknown>): Promise<AnalysisError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AnalysisError);
  return error as AnalysisError;
}

describe('analyzeVideo on bad and unusual input', () => {
  it('names a path that does not exist', async () => {
    const error = await analysisError(analyzeVideo(path.join(tmp, 'nope.mp4')));
    expect(error.field).toBe('input');
    expect(error.message).toMatch(/nope\.mp4 does not exist/);
  });

  it('says an empty file is empty', async () => {
    const file = path.join(tmp, 'empty.mp4');
    writeFileSync(file, '');
    expect((await analysisError(analyzeVideo(file))).message).toMatch(/empty \(0 bytes\)/);
  });

  it('says a zero-length clip has nothing in it', async () => {
    const file = await makeClip('robust-zero-length', ['-f', 'lavfi', '-i', source('testsrc2', small, 1), '-t', '0', ...H264]);
    const error = await analysisError(analyzeVideo(file));
    expect(error.field).toBe('input');
    expect(error.message).toMatch(/has neither a video nor an audio stream \(a 0-second clip\)/);
  });

  it('says a text file is not a video', async () => {
    const file = path.join(tmp, 'notes.mp4');
    writeFileSync(file, 'these are my notes, not a video\n'.repeat(50));
    const error = await analysisError(analyzeVideo(file));
    expect(error.field).toBe('input');
    expect(error.message).toMatch(/is not a video or audio file ffmpeg can read/);
  });

  it('refuses a truncated MP4 whose index is lost, and analyses what survives of one whose index is first', async () => {
    const clip = await makeClip('robust-tail-index', ['-f', 'lavfi', '-i', source('testsrc2', small, 1), ...H264]);
    const bytes = readFileSync(clip);
    const lost = path.join(tmp, 'truncated-tail.mp4');
    writeFileSync(lost, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    expect((await analysisError(analyzeVideo(lost))).message).toMatch(/not a video or audio file ffmpeg can read/);

    const faststart = await makeClip('robust-faststart', ['-f', 'lavfi', '-i', source('life', small, 2), ...H264, '-movflags', '+faststart']);
    const cut = readFileSync(faststart);
    const partial = path.join(tmp, 'truncated-head.mp4');
    writeFileSync(partial, cut.subarray(0, Math.floor(cut.length * 0.5)));
    const profile = await analyzeVideo(partial);
    expect(profile.shots.length).toBeGreaterThan(0);
    const analysed = profile.shots.at(-1)!.end;
    expect(analysed).toBeLessThan(small.dur);
    expect(analysed).toBeGreaterThan(0.3);
  });

  it('measures audio only, with video parts empty and a warning', async () => {
    const file = await makeClip('robust-audio-only', [...tone(2), '-c:a', 'aac'], 'm4a');
    const profile = await analyzeVideo(file);
    expect(profile.source).toMatchObject({ width: 0, height: 0, hasAudio: true });
    expect(profile.shots).toEqual([]);
    expect(profile.color).toBeNull();
    expect(profile.audio).not.toBeNull();
    expect(profile.warnings.join(' ')).toMatch(/no video stream/);
  });

  it('marks the audio null for a video without sound', async () => {
    const file = await makeClip('robust-silent-video', ['-f', 'lavfi', '-i', source('mandelbrot', small, 1), ...H264]);
    const profile = await analyzeVideo(file);
    expect(profile.source.hasAudio).toBe(false);
    expect(profile.audio).toBeNull();
    expect(profile.color).not.toBeNull();
    expect(profile.warnings.join(' ')).toMatch(/no audio stream/);
  });

  it('analyses a 4K input (decoded small)', async () => {
    const file = await makeClip('robust-4k', ['-f', 'lavfi', '-i', source('testsrc2', { w: 3840, h: 2160, fps: 24, dur: 1 }, 3), ...H264]);
    const profile = await analyzeVideo(file);
    expect(profile.source).toMatchObject({ width: 3840, height: 2160 });
    expect(profile.shots.at(-1)!.end).toBeCloseTo(1, 0);
  });

  it('analyses only the first maxDurationSec of a long input, and says so', async () => {
    const file = await makeClip('robust-long', ['-f', 'lavfi', '-i', source('cellauto', { ...small, dur: 12 }, 4), ...tone(12), ...H264, '-c:a', 'aac', '-shortest']);
    const profile = await analyzeVideo(file, { maxDurationSec: 4 });
    expect(profile.source.durationSec).toBeGreaterThan(11);
    expect(profile.source.analyzedSec).toBe(4);
    expect(profile.shots.at(-1)!.end).toBeLessThanOrEqual(4.05);
    expect(profile.warnings.join(' ')).toMatch(/longer than the 4 s limit/);
  });

  it('names a missing ffmpeg', async () => {
    const clip = await makeClip('robust-silent-video', ['-f', 'lavfi', '-i', source('mandelbrot', small, 1), ...H264]);
    const error = await analysisError(analyzeVideo(clip, { ffmpeg: { ffmpeg: '/nonexistent/ffmpeg', ffprobe: '/nonexistent/ffprobe' } }));
    expect(error.field).toBe('ffmpeg');
    expect(error.message).toMatch(/was not found; install Debian's ffmpeg/);
  });

  it('stops at the timeout with a clear error', async () => {
    const clip = await makeClip('robust-long', ['-f', 'lavfi', '-i', source('cellauto', { ...small, dur: 12 }, 4), ...tone(12), ...H264, '-c:a', 'aac', '-shortest']);
    const copy = path.join(tmp, 'slow.mp4');
    copyFileSync(clip, copy);
    const error = await analysisError(analyzeVideo(copy, { timeoutMs: 300 }));
    expect(error.field).toBe('timeout');
    expect(error.message).toBe('timeout: analysis took longer than 0.3 s and was stopped');
  });
});
