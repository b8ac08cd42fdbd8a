// The film finish every template lays over its picture, in one order:
// split tone, drifting dust, vignette, then grain (grain last, so it sits on
// top of everything like film). On an opaque canvas (a drawn scene) the split
// tone blends with the pixels; on a transparent overlay over media, the
// caller draws the split tone in the DOM (<SplitTone>) and grain becomes
// specks with alpha.
import { drawDust, type DustParams } from './dust';
import { drawGrain, drawGrainOverlay } from './grain';
import { drawSplitTone, type SplitToneParams } from './split-tone';
import { drawVignette } from './vignette';

export interface FilmFinish {
  splitTone: SplitToneParams;
  dust: DustParams;
  vignette: number;
  grain: number;
  seed: number;
}

export function drawFilmFinish(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  finish: FilmFinish,
  frame: number,
  fps: number,
  { overlay = false }: { overlay?: boolean } = {},
): void {
  if (!overlay) drawSplitTone(ctx, width, height, finish.splitTone);
  drawDust(ctx, width, height, finish.dust, finish.seed, frame / fps);
  drawVignette(ctx, width, height, finish.vignette);
  (overlay ? drawGrainOverlay : drawGrain)(ctx, width, height, finish.grain, finish.seed, frame);
}
