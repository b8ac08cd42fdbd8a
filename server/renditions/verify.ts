// Checks a finished rendition before it is cached: ffprobe facts against the
// platform's rules (validate()) and against what the plan promised (frame, frame
// rate, H.264 High yuv420p, AAC-LC 48 kHz stereo, faststart), and the cover
// against the platform's image limit. Any failure is one RenditionError listing
// every problem; nothing is cached then.
import { stat } from 'node:fs/promises';
import type { FfmpegConfig } from '../analyze/ffmpeg';
import type { MediaFacts, Violation } from '../platforms/validate';
import { RenditionError } from './errors';
import { probeVideo } from './facts';
import { isFaststart } from './mp4-boxes';
import { mediaViolations, type RenditionPlan } from './plan';
import type { FfmpegRunner } from './runner';
import { AUDIO, COVERS } from './spec';

export async function verifyRendition(file: string, cover: string | null, plan: RenditionPlan, ffmpeg: FfmpegConfig, runner: FfmpegRunner): Promise<MediaFacts> {
  const probed = await probeVideo(file, 'output', ffmpeg, runner);
  const { facts, video, audio } = probed;
  const problems: string[] = [];
  const expect = (ok: boolean, what: string) => ok || problems.push(what);
  expect(facts.width === plan.width && facts.height === plan.height, `frame is ${facts.width}×${facts.height}, planned ${plan.width}×${plan.height}`);
  expect(Math.abs(facts.fps - plan.fps.value) < 0.01, `frame rate is ${facts.fps.toFixed(3)}, planned ${plan.fps.text}`);
  expect(facts.videoCodec === 'h264' && video.profile === 'High' && video.pixFmt === 'yuv420p', `video is ${facts.videoCodec} ${video.profile ?? '?'} ${video.pixFmt ?? '?'}, not h264 High yuv420p`);
  expect(
    facts.audioCodec === 'aac' && audio?.profile === 'LC' && audio.sampleRate === AUDIO.sampleRate && audio.channels === AUDIO.channels,
    `audio is ${facts.audioCodec ?? 'missing'} ${audio?.profile ?? ''} ${audio?.sampleRate ?? 0} Hz ${audio?.channels ?? 0} ch, not AAC-LC 48 kHz stereo`,
  );
  expect(await isFaststart(file), 'the moov index is not before the media data (no faststart)');
  const coverLimit = COVERS[plan.platform];
  if (cover && coverLimit) {
    const { size } = await stat(cover);
    expect(size <= coverLimit.maxBytes, `cover is ${size} bytes, over the ${coverLimit.maxBytes}-byte limit`);
  }
  const violations: Violation[] = mediaViolations(plan.platform, plan.format, facts);
  if (violations.length > 0 || problems.length > 0) {
    const all = [...violations.map((v) => v.message), ...problems];
    throw new RenditionError('output', `the ${plan.platform} rendition ${file} still fails: ${all.join('; ')}`, violations);
  }
  return facts;
}
