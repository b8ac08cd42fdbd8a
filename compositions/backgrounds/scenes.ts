// Procedural scenes as data: the colours and elements ProceduralSky draws.
// Each scene also proposes a grade that holds the frame together.
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
  /** accent for ornaments and labels */
  accent: string;
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
    accent: '#c9d6f2',
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
    accent: '#f3d39b',
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
    accent: '#f6cdb8',
  },
} as const satisfies Record<string, Scene>;

export type SceneId = keyof typeof SCENES;
export const SCENE_IDS = Object.keys(SCENES) as [SceneId, ...SceneId[]];
