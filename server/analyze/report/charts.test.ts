import { describe, expect, it } from 'vitest';
import { beatGrid, CHART_WIDTH, curvePoints, lineChart, loudnessDomain, timeTicks, timeX } from './charts';

const polylinePoints = (svg: string): string[] => /<polyline[^>]*points="([^"]*)"/.exec(svg)![1]!.split(' ');

describe('report charts', () => {
  it('maps time onto the lane and clamps outside it', () => {
    expect(timeX(0, 10)).toBe(0);
    expect(timeX(5, 10)).toBe(CHART_WIDTH / 2);
    expect(timeX(12, 10)).toBe(CHART_WIDTH);
    expect(timeX(-1, 10)).toBe(0);
    expect(timeX(3, 0)).toBe(0);
  });

  it('places one point per value, top of the domain at y=0, clamping outliers', () => {
    const points = curvePoints([0, 0.5, 1, 2, Number.NaN], 1, 4, [0, 1], 60);
    expect(points).toEqual([
      [0, 60],
      [250, 30],
      [500, 0],
      [750, 0],
      [1000, 60],
    ]);
  });

  it('draws a polyline with exactly as many points as values, plus a reference line in range', () => {
    const values = Array.from({ length: 37 }, (_, i) => -20 + Math.sin(i));
    const svg = lineChart({ series: 'loudness', values, stepSec: 0.25, duration: 9, domain: [-30, -12], height: 60, references: [{ value: -16, label: 'a < b' }, { value: -5, label: 'off the chart' }] });
    expect(polylinePoints(svg)).toHaveLength(37);
    expect(svg).toContain('data-series="loudness"');
    expect(svg.match(/class="ref"/g)).toHaveLength(1);
    expect(svg).toContain('a &lt; b');
    expect(svg).not.toContain('http');
  });

  it('chooses a loudness axis in 6 LU steps around the data, at least 18 LU tall', () => {
    expect(loudnessDomain([-17, -14.5, -20], -16.4)).toEqual([-30, -12]);
    expect(loudnessDomain([-18, -12], null)).toEqual([-24, -6]);
    expect(loudnessDomain([-40, -8], null)).toEqual([-42, -6]);
    expect(loudnessDomain([-200, -10], null)).toEqual([-72, -6]);
    expect(loudnessDomain([], null)).toEqual([-60, 0]);
  });

  it('picks nice ruler steps', () => {
    expect(timeTicks(5.5)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5]);
    expect(timeTicks(30)).toEqual([0, 5, 10, 15, 20, 25, 30]);
    expect(timeTicks(95)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(timeTicks(0)).toEqual([0]);
  });

  it('draws one tick per beat, every fourth one strong', () => {
    const svg = beatGrid([0, 0.5, 1, 1.5, 2], 2, 28);
    expect(svg.match(/<line class="beat/g)).toHaveLength(5);
    expect(svg.match(/class="beat strong"/g)).toHaveLength(2);
  });
});
