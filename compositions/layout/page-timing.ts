// How text pages share a video's length: an intro before the first page,
// pages end to end sized by weight, the last one holding through the outro.
// Shared by the templates that show timed pages of text. Pure.

export const INTRO_SEC = 1.2;
export const OUTRO_SEC = 2;

export interface PageTiming {
  from: number;
  durationInFrames: number;
}

/** Lays the pages end to end after the intro, sized by weight; the last page holds through the outro to the final frame. */
export function pageTimings(weights: readonly number[], fps: number, durationInFrames: number): PageTiming[] {
  const intro = Math.round(INTRO_SEC * fps);
  const outro = Math.round(OUTRO_SEC * fps);
  const available = Math.max(weights.length, durationInFrames - intro - outro);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const timings: PageTiming[] = [];
  let cursor = intro;
  let acc = 0;
  weights.forEach((w, i) => {
    acc += w;
    const end = i === weights.length - 1 ? durationInFrames : intro + Math.round((available * acc) / total);
    timings.push({ from: cursor, durationInFrames: Math.max(1, end - cursor) });
    cursor = end;
  });
  return timings;
}
