// `noor analyze INPUT [--out profile.json] [--report report.html] [--png summary.png]`:
// learns a StyleProfile from a reference video, writes it as JSON (and the
// report), and prints what it found in a few lines a creator can read.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzeVideo, DEFAULT_ANALYSIS_TIMEOUT_MS, DEFAULT_MAX_DURATION_SEC } from '../../analyze/analyze';
import { AnalysisError } from '../../analyze/ffmpeg';
import type { StyleProfile } from '../../analyze/profile';
import { writeReport } from '../../analyze/report';
import { findBrowserExecutable } from '../../render/browser';
import type { NoorEnv } from '../../env';
import { CliError, usageError } from '../errors';
import { ensureWritable } from '../output';

export interface AnalyzeCommandOptions {
  input: string | undefined;
  out?: string | undefined;
  report?: string | undefined;
  png?: string | undefined;
  timeout?: string | undefined;
  maxDuration?: string | undefined;
  cwd: string;
}

const positiveSeconds = (flag: string, value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(n > 0)) throw usageError(`${flag}: "${value}" must be a positive number of seconds`);
  return n;
};

/** The profile in a few lines: pacing, transitions, colour, text, sound, warnings. */
export function summariseProfile(profile: StyleProfile): string[] {
  const lines: string[] = [];
  const { source, pacing, color, audio } = profile;
  lines.push(
    source.width > 0
      ? `source    ${source.durationSec.toFixed(1)} s · ${source.width}×${source.height} · ${source.fps} fps${source.hasAudio ? ' · with audio' : ' · no audio'}`
      : `source    ${source.durationSec.toFixed(1)} s · audio only`,
  );
  if (pacing) {
    lines.push(`shots     ${pacing.shotCount} · ${pacing.meanShotSec.toFixed(2)} s ± ${pacing.stdShotSec.toFixed(2)} · ${pacing.cutsPerMinute.toFixed(1)} cuts/min`);
  }
  if (profile.transitions.length > 0) {
    const counts = new Map<string, number>();
    for (const t of profile.transitions) counts.set(t.type, (counts.get(t.type) ?? 0) + 1);
    lines.push(`changes   ${[...counts].map(([type, n]) => `${n} ${type}`).join(', ')}`);
  }
  if (color) {
    lines.push(
      `colour    ${color.temperature}, luma ${color.meanLuma.toFixed(2)}, saturation ${color.saturation.toFixed(2)}, palette ${color.palette
        .slice(0, 5)
        .map((p) => p.hex)
        .join(' ')}${color.letterbox ? `, letterbox ${color.letterbox.top}/${color.letterbox.bottom} px` : ''}`,
    );
  }
  if (profile.text.length > 0) lines.push(`text      ${profile.text.length} on screen (${profile.text.map((t) => `${t.start.toFixed(1)} s ${t.entrance}`).join(', ')})`);
  if (audio) {
    lines.push(
      `sound     ${audio.hasMusic ? `music${audio.bpm ? ` at ${audio.bpm.toFixed(1)} BPM` : ''}` : 'no music'}${audio.hasSpeech ? ', speech' : ''}, mood ${audio.mood}${
        audio.loudnessLufs !== null ? `, ${audio.loudnessLufs.toFixed(1)} LUFS` : ''
      }`,
    );
  }
  for (const warning of profile.warnings) lines.push(`note      ${warning}`);
  return lines;
}

export async function analyzeCommand(options: AnalyzeCommandOptions, env: NoorEnv, log: (line: string) => void): Promise<StyleProfile> {
  if (!options.input) throw usageError('analyze: name a video, e.g. "noor analyze reference.mp4 --out profile.json"');
  const input = path.resolve(options.cwd, options.input);
  const out = path.resolve(options.cwd, options.out ?? path.join('out', `${path.parse(input).name}.style.json`));
  if (!out.endsWith('.json')) throw usageError('--out: the profile is JSON; give a .json file name');
  const report = options.report ? path.resolve(options.cwd, options.report) : undefined;
  if (report && !report.endsWith('.html')) throw usageError('--report: give a .html file name');
  const png = options.png ? path.resolve(options.cwd, options.png) : undefined;
  if (png && !png.endsWith('.png')) throw usageError('--png: give a .png file name');
  const timeoutMs = positiveSeconds('--timeout', options.timeout, DEFAULT_ANALYSIS_TIMEOUT_MS / 1000) * 1000;
  const maxDurationSec = positiveSeconds('--max-duration', options.maxDuration, DEFAULT_MAX_DURATION_SEC);
  await ensureWritable(out);
  if (report) await ensureWritable(report, '--report');
  if (png) await ensureWritable(png, '--png');

  let profile: StyleProfile;
  try {
    profile = await analyzeVideo(input, {
      ffmpeg: env.ffmpeg,
      timeoutMs,
      maxDurationSec,
      onStage: (stage) => process.stderr.write(`  ${stage}…\n`),
    });
  } catch (error) {
    if (error instanceof AnalysisError) throw new CliError(error.message.replace(input, options.input));
    throw error;
  }
  await writeFile(out, `${JSON.stringify(profile, null, 2)}\n`);
  for (const line of summariseProfile(profile)) log(line);
  if (report || png) {
    await writeReport(profile, input, { html: report ?? out.replace(/\.json$/, '.report.html'), png }, { ffmpeg: env.ffmpeg, browserExecutable: png ? findBrowserExecutable(env.browserExecutable) : null });
  }
  const shown = (file: string) => {
    const relative = path.relative(options.cwd, file);
    return relative.startsWith('..') ? file : relative;
  };
  log(`✓ ${shown(out)}${report ? ` · ${shown(report)}` : ''}${png ? ` · ${shown(png)}` : ''} · analysed in ${(profile.analysisSec ?? 0).toFixed(1)} s`);
  return profile;
}
