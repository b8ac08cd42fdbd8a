// SVG geometry for the report's time-aligned lanes: every chart maps time
// 0..duration onto x 0..CHART_WIDTH of a viewBox that the page stretches to
// the lane's width (preserveAspectRatio="none" with non-scaling strokes), so
// the luma curve, the loudness curve, the beat grid and the shot strip share
// one time axis. Pure functions returning numbers or SVG strings.
import { esc, num } from './format';

export const CHART_WIDTH = 1000;

export type Point = readonly [x: number, y: number];

const clamp = (value: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, value));

/** The x of time `t` on a lane `width` wide that spans 0..duration. */
export const timeX = (t: number, duration: number, width = CHART_WIDTH): number =>
  duration > 0 ? clamp((t / duration) * width, 0, width) : 0;

/** Time `t` as a percentage of the lane (for HTML elements laid over it). */
export const timePct = (t: number, duration: number): number => timeX(t, duration, 100);

/** One point per value: value i at time i·stepSec, mapped into `height` with `domain[1]` at the top; values outside the domain are clamped to its edge. */
export function curvePoints(values: readonly number[], stepSec: number, duration: number, domain: readonly [number, number], height: number): Point[] {
  const [lo, hi] = domain;
  const span = hi - lo || 1;
  return values.map((value, i) => {
    const v = Number.isFinite(value) ? clamp(value, lo, hi) : lo;
    return [timeX(i * stepSec, duration), height - ((v - lo) / span) * height] as const;
  });
}

/** An SVG points attribute. */
export const pointsAttr = (points: readonly Point[]): string => points.map(([x, y]) => `${num(x, 1)},${num(y, 1)}`).join(' ');

export interface LineChart {
  /** Names the curve for styling and tests (data-series). */
  series: string;
  values: readonly number[];
  stepSec: number;
  duration: number;
  domain: readonly [number, number];
  height: number;
  /** Horizontal reference lines (in data units), e.g. the integrated loudness. */
  references?: readonly { value: number; label: string }[];
}

/** A filled line chart: a soft area under a polyline with exactly one point per value. */
export function lineChart(chart: LineChart): string {
  const { series, height } = chart;
  const points = curvePoints(chart.values, chart.stepSec, chart.duration, chart.domain, height);
  const grid = [0.25, 0.5, 0.75].map((f) => `<line class="grid" x1="0" x2="${CHART_WIDTH}" y1="${num(height * f, 1)}" y2="${num(height * f, 1)}"/>`).join('');
  const [lo, hi] = chart.domain;
  const refs = (chart.references ?? [])
    .filter((r) => Number.isFinite(r.value) && r.value >= lo && r.value <= hi)
    .map((r) => {
      const y = num(height - ((r.value - lo) / (hi - lo || 1)) * height, 1);
      return `<line class="ref" x1="0" x2="${CHART_WIDTH}" y1="${y}" y2="${y}"><title>${esc(r.label)}</title></line>`;
    })
    .join('');
  const area =
    points.length > 1
      ? `<polygon class="area" points="${num(points[0]![0], 1)},${height} ${pointsAttr(points)} ${num(points[points.length - 1]![0], 1)},${height}"/>`
      : '';
  return (
    `<svg class="chart chart-${series}" viewBox="0 0 ${CHART_WIDTH} ${height}" preserveAspectRatio="none" role="img" aria-label="${series} curve">` +
    `${grid}${refs}${area}<polyline class="curve" data-series="${series}" points="${pointsAttr(points)}"/></svg>`
  );
}

/** The loudness axis: whole multiples of 6 LU around the data (and the integrated value), at least 18 LU tall, floored at -70 LUFS. */
export function loudnessDomain(values: readonly number[], integrated: number | null): [number, number] {
  const finite = values.filter(Number.isFinite).map((v) => Math.max(v, -70));
  if (integrated !== null && Number.isFinite(integrated)) finite.push(integrated);
  if (finite.length === 0) return [-60, 0];
  let lo = Math.floor(Math.min(...finite) / 6) * 6;
  let hi = Math.min(0, Math.ceil(Math.max(...finite) / 6) * 6);
  if (hi <= Math.max(...finite)) hi = Math.min(0, hi + 6);
  if (hi - lo < 18) lo = hi - 18;
  return [Math.max(lo, -72), hi];
}

const NICE_STEPS = [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600];

/** Ruler ticks: a "nice" step giving at most `maxTicks` intervals, from 0 up to the duration. */
export function timeTicks(duration: number, maxTicks = 12): number[] {
  if (!(duration > 0)) return [0];
  const step = NICE_STEPS.find((s) => duration / s <= maxTicks) ?? Math.ceil(duration / maxTicks / 600) * 600;
  const ticks: number[] = [];
  for (let t = 0; t <= duration + 1e-9; t += step) ticks.push(Math.round(t * 1000) / 1000);
  return ticks;
}

/** The beat grid: one tick per beat (every fourth drawn taller, counting from the first). */
export function beatGrid(beats: readonly number[], duration: number, height: number): string {
  const ticks = beats
    .map((t, i) => {
      const x = num(timeX(t, duration), 1);
      const strong = i % 4 === 0;
      return `<line class="beat${strong ? ' strong' : ''}" x1="${x}" x2="${x}" y1="${strong ? 0 : height * 0.3}" y2="${height}"/>`;
    })
    .join('');
  return `<svg class="chart chart-beats" viewBox="0 0 ${CHART_WIDTH} ${height}" preserveAspectRatio="none" role="img" aria-label="beat grid">${ticks}</svg>`;
}
