// Per-platform renditions of a rendered video: transcoded to each platform's
// spec, with poster and cover stills, verified and cached by content hash;
// storeRenditionWith stores one for a render (the prepare_rendition job).
export { RenditionError } from './errors';
export { probeVideo, type VideoProbe } from './facts';
export { isFaststart, topLevelBoxes } from './mp4-boxes';
export { planRendition, type RenditionPlan } from './plan';
export { prepareRendition, type Rendition, type RenditionOptions } from './prepare';
export type { FfmpegRunner } from './runner';
export { storeRenditionWith } from './store-rendition';
