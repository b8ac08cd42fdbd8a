// The effects library's public API: each effect's schema, defaults and pure
// maths or canvas pass, and the components that draw the DOM ones. Canvas
// passes (sky-like looks, split tone, dust, vignette, grain, light leak, defocus) share one
// CanvasLayer per frame; letterbox, Ken Burns, glow and the media grade
// (ColorGrade) are DOM/CSS.
export { CanvasLayer, type Draw } from './CanvasLayer';
export { drawVignette } from './vignette';
export { drawGrain, drawGrainOverlay } from './grain';
export {
  NEUTRAL_GRADE,
  applyMatrix,
  combineGrades,
  gradeColor,
  gradeSchema,
  gradeToMatrix,
  parseColor,
  type ColorMatrix,
  type Grade,
} from './grade';
export { ColorGrade } from './ColorGrade';
export { letterboxBars, letterboxDefaults, letterboxReveal, letterboxSchema, type LetterboxBars, type LetterboxParams } from './letterbox';
export { Letterbox } from './Letterbox';
export {
  LIGHT_LEAK_EDGES,
  drawLightLeak,
  lightLeakDefaults,
  lightLeakEdge,
  lightLeakSchema,
  type LightLeakEdge,
  type LightLeakParams,
} from './light-leak';
export {
  KEN_BURNS_EASINGS,
  KEN_BURNS_FITS,
  kenBurnsDefaults,
  kenBurnsSchema,
  kenBurnsTransform,
  type KenBurnsEasing,
  type KenBurnsParams,
} from './ken-burns';
export { KenBurns } from './KenBurns';
export { defocusDefaults, defocusPx, defocusSchema, drawDefocused, type DefocusParams } from './defocus';
export { MAX_GLOW_RADIUS, glowDefaults, glowSchema, textGlow, type GlowParams } from './glow';
export { drawSplitTone, splitToneAlphas, splitToneDefaults, splitTonePixel, splitToneSchema, type SplitToneParams } from './split-tone';
export { SplitTone } from './SplitTone';
export { DUST_DIRECTIONS, MAX_MOTES, drawDust, dustDefaults, dustMotes, dustSchema, type DustParams, type Mote } from './dust';
export { drawFilmFinish, type FilmFinish } from './finish';
