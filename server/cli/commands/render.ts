// `noor render <template> [--preset NAME] [--style profile.json] [--props f.json] [--set k=v …] [--aspect 9:16]
// [--out file.mp4] [--still FRAME]`: validates everything it can before the
// browser starts, then bundles, renders with a progress bar, and prints the
// output path, duration and render speed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findTemplate, TEMPLATES, compositionId } from '../../../compositions/registry';
import { parseAspect, ASPECTS, type AspectId } from '../../../compositions/layout/aspects';
import type { Template } from '../../../compositions/template';
import { findPreset } from '../../../compositions/presets';
import { resolveProps } from '../../render/props';
import { parseStyleProfile } from '../../analyze/analyze';
import { styleMapping } from '../../analyze/apply-style';
import { findLocalMedia, mediaValues, stageMedia, type LocalMedia } from '../../render/media';
import { bundleCompositions } from '../../render/bundle';
import { renderLocal, type RenderResult } from '../../render/local';
import { findBrowserExecutable } from '../../render/browser';
import type { NoorEnv } from '../../env';
import { defaultCacheDir } from '../../paths';
import { CliError, cleanMessage, usageError } from '../errors';
import { ensureWritable } from '../output';
import { progressBar } from '../progress';

export interface RenderOptions {
  template: string | undefined;
  preset?: string | undefined;
  styleFile?: string | undefined;
  propsFile?: string | undefined;
  sets?: string[] | undefined;
  aspect?: string | undefined;
  out?: string | undefined;
  still?: string | undefined;
  frames?: string | undefined;
  scale?: string | undefined;
  cwd: string;
}

const parseFrameRange = (value: string): [number, number] => {
  const m = /^(\d+)-(\d+)$/.exec(value);
  if (!m || Number(m[2]) < Number(m[1])) throw usageError(`--frames: "${value}" is not a range such as 0-59`);
  return [Number(m[1]), Number(m[2])];
};

/**
 * Puts the user's own file names back into a message that mentions a staged
 * copy (as a path or inside a URL), and names the prop it came from.
 */
function unstage(message: string, staged: Record<string, unknown>, media: readonly LocalMedia[], original: Record<string, unknown>): string {
  for (const { prop } of media) {
    const before = mediaValues(original, prop)[0]?.value;
    const after = mediaValues(staged, prop)[0]?.value;
    if (!before || !after || before === after || !message.includes(after)) continue;
    const escaped = after.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const restored = message.replace(new RegExp(`[^\\s"']*${escaped}`, 'g'), before);
    return restored.startsWith(`${prop}:`) ? restored : `${prop}: ${restored}`;
  }
  return message;
}

/** Reads a StyleProfile for --style and maps it onto the template, saying what it set. */
async function readStyle(file: string, template: Template, log: (line: string) => void): Promise<Record<string, unknown>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`--style: ${code === 'ENOENT' ? `file not found: ${file}` : `${file} is not valid JSON (${(error as Error).message})`}`);
  }
  const { props, notes } = styleMapping(parseStyleProfile(json, file), template);
  for (const note of notes) log(`style     ${note.length > 160 ? `${note.slice(0, 157)}…` : note}`);
  return props;
}

export function summarise(result: RenderResult, still: boolean): string {
  const seconds = result.elapsedMs / 1000;
  if (still) return `✓ ${result.output} · ${result.width}×${result.height} still in ${seconds.toFixed(1)} s`;
  const fps = result.frames / seconds;
  const realtime = result.durationSec / seconds;
  return `✓ ${result.output} · ${result.durationSec.toFixed(1)} s video, ${result.width}×${result.height} · ${result.frames} frames in ${seconds.toFixed(1)} s (${fps.toFixed(1)} fps, ${realtime.toFixed(2)}× real time)`;
}

export async function renderCommand(options: RenderOptions, env: NoorEnv, log: (line: string) => void): Promise<RenderResult> {
  if (!options.template) throw usageError('render: name a template, e.g. "noor render verse-reel"');
  const template = findTemplate(options.template) as Template | undefined;
  if (!template) {
    const available = (TEMPLATES as readonly Template[]).map((t) => `${t.id} (${t.name})`).join(', ');
    throw new CliError(`Unknown template "${options.template}". Available: ${available}`);
  }
  let aspect: AspectId = template.aspects[0]!;
  if (options.aspect) {
    try {
      aspect = parseAspect(options.aspect);
    } catch (error) {
      throw usageError(`--${(error as Error).message}`);
    }
    if (!template.aspects.includes(aspect)) throw new CliError(`--aspect: ${template.name} has no ${aspect} variant`);
  }
  const still = options.still === undefined ? undefined : Number(options.still);
  if (still !== undefined && !(Number.isInteger(still) && still >= 0)) throw usageError(`--still: "${options.still}" is not a frame number`);
  const frameRange = options.frames ? parseFrameRange(options.frames) : undefined;
  const scale = options.scale === undefined ? undefined : Number(options.scale);
  if (scale !== undefined && !(scale > 0 && scale <= 2)) throw usageError(`--scale: "${options.scale}" must be a number in (0, 2]`);

  const preset = options.preset === undefined ? undefined : findPreset(options.preset);
  const style = options.styleFile === undefined ? undefined : await readStyle(path.resolve(options.cwd, options.styleFile), template, log);
  const props = (await resolveProps(template, { preset, style, propsFile: options.propsFile, sets: options.sets })) as Record<string, unknown>;
  const media = await findLocalMedia(template, props, options.cwd);
  const out = path.resolve(
    options.cwd,
    options.out ?? path.join('out', `${template.id}-${ASPECTS[aspect].slug}${still !== undefined ? `-${still}.png` : '.mp4'}`),
  );
  if (still !== undefined && !out.endsWith('.png')) throw usageError('--out: a still is written as PNG; give a .png file name');
  if (still === undefined && !out.endsWith('.mp4')) throw usageError('--out: a video is written as MP4; give a .mp4 file name');
  await ensureWritable(out);
  const browserExecutable = findBrowserExecutable(env.browserExecutable);

  const bundling = progressBar('Bundling ', false);
  const serveUrl = await bundleCompositions({
    outDir: path.join(env.cacheDir ?? defaultCacheDir, 'bundle'),
    onProgress: (p) => bundling.update(p, 100),
  });
  bundling.finish();
  const inputProps = await stageMedia(props, media, serveUrl);

  const bar = progressBar('Rendering');
  const result = await renderLocal({
    serveUrl,
    compositionId: compositionId(template, aspect),
    inputProps,
    output: out,
    still,
    frameRange,
    scale,
    browserExecutable,
    concurrency: env.concurrency,
    onProgress: ({ renderedFrames, totalFrames }) => bar.update(renderedFrames, totalFrames),
  }).catch((error: unknown) => {
    bar.finish();
    throw new CliError(unstage(cleanMessage(error), inputProps, media, props));
  });
  bar.finish();
  const shown = path.relative(options.cwd, result.output);
  log(summarise({ ...result, output: shown.startsWith('..') ? result.output : shown }, still !== undefined));
  return result;
}
