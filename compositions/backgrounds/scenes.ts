// Procedural scenes as data: the colours and elements drawSky (sky.ts)
// paints, the grade that holds the frame together, and the ink that reads on it.
import type { Grade } from '../effects/grade';

export interface Scene {
  label: string;
  /** sky gradient, top to bottom */
  sky: [string, string, string, string];
  /** glow of the moon/sun: position as fractions of the frame, colour, radius as fraction of height */
  glow: { x: number; y: number; color: string; radius: number; intensity: number };
  rays: number;
  stars: number;
  mist: string;
  dust: { count: number; color: string };
  /** dune silhouettes, far to near */
  dunes: [string, string, string];
  grade: Grade;
  /** text colour, accent (ornaments, labels) and the soft pool behind the text */
  ink: { text: string; accent: string; scrim: string };
}

export const SCENES = {
  night: {
    label: 'Night prayer: deep blue sky, stars, moonlight and mist',
    sky: ['#02040c', '#081433', '#15284d', '#2a3553'],
    glow: { x: 0.72, y: 0.2, color: '#dfe8ff', radius: 0.16, intensity: 0.55 },
    rays: 0.12,
    stars: 140,
    mist: 'rgba(150, 175, 230, 0.16)',
    dust: { count: 18, color: 'rgba(210, 225, 255, 0.55)' },
    dunes: ['#10182d', '#0a1122', '#050a16'],
    grade: { exposure: 0, contrast: 0.12, saturation: -0.1, temperature: -0.25, tint: 0 },
    ink: { text: '#fbf6ea', accent: '#e7cf9a', scrim: 'rgba(0,0,0,0.38)' },
  },
  golden: {
    label: 'Golden hour: amber light, rays and drifting dust',
    sky: ['#1d0f08', '#5a2c10', '#b8692a', '#e9a95c'],
    glow: { x: 0.5, y: 0.62, color: '#ffd9a0', radius: 0.22, intensity: 0.75 },
    rays: 0.22,
    stars: 0,
    mist: 'rgba(255, 200, 140, 0.14)',
    dust: { count: 46, color: 'rgba(255, 224, 170, 0.7)' },
    dunes: ['#6a3517', '#41200e', '#1f0f06'],
    grade: { exposure: -0.05, contrast: 0.15, saturation: 0.05, temperature: 0.45, tint: 0.05 },
    ink: { text: '#fff4e2', accent: '#f3d39b', scrim: 'rgba(20,8,0,0.42)' },
  },
  dawn: {
    label: 'Desert dawn: violet to rose sky, a low sun on the dunes',
    sky: ['#120f2a', '#3b2a57', '#a15a72', '#f0a37c'],
    glow: { x: 0.38, y: 0.7, color: '#ffc9a1', radius: 0.18, intensity: 0.6 },
    rays: 0.14,
    stars: 40,
    mist: 'rgba(255, 190, 190, 0.12)',
    dust: { count: 24, color: 'rgba(255, 220, 210, 0.55)' },
    dunes: ['#4e2f4d', '#2f1c33', '#140c18'],
    grade: { exposure: 0, contrast: 0.1, saturation: 0, temperature: 0.15, tint: 0.12 },
    ink: { text: '#fff5ee', accent: '#f6cdb8', scrim: 'rgba(10,4,20,0.38)' },
  },
  teal: {
    label: 'Teal and orange: teal dusk over dark dunes, an ember-orange horizon',
    sky: ['#021417', '#07343a', '#1b5a5c', '#d9773a'],
    glow: { x: 0.62, y: 0.74, color: '#ffae6b', radius: 0.17, intensity: 0.65 },
    rays: 0.1,
    stars: 30,
    mist: 'rgba(120, 200, 200, 0.12)',
    dust: { count: 20, color: 'rgba(255, 190, 140, 0.55)' },
    dunes: ['#3a2a22', '#1f1813', '#0c0907'],
    grade: { exposure: 0, contrast: 0.18, saturation: 0.12, temperature: 0, tint: -0.05 },
    ink: { text: '#f4fbfa', accent: '#ffb98a', scrim: 'rgba(0,10,12,0.4)' },
  },
  minimal: {
    label: 'Minimal white: warm ivory light, soft haze, dark ink',
    sky: ['#fbf8f1', '#f5efe3', '#efe5d3', '#e7d9c1'],
    glow: { x: 0.5, y: 0.3, color: '#ffffff', radius: 0.3, intensity: 0.7 },
    rays: 0,
    stars: 0,
    mist: 'rgba(255, 255, 255, 0.45)',
    dust: { count: 14, color: 'rgba(190, 160, 110, 0.45)' },
    dunes: ['#eadcc4', '#e1cfb2', '#d6c19f'],
    grade: { exposure: 0, contrast: -0.05, saturation: -0.1, temperature: 0.05, tint: 0 },
    ink: { text: '#2a2118', accent: '#9a7440', scrim: 'rgba(255,252,245,0.55)' },
  },
} as const satisfies Record<string, Scene>;

export type SceneId = keyof typeof SCENES;
export const SCENE_IDS = Object.keys(SCENES) as [SceneId, ...SceneId[]];
