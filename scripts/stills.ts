// Renders a contact sheet of stills for looking at: every template in every
// aspect (and each scene), at a frame where the text is fully shown, into
// out/stills/. `npm run stills [-- reference]`. For designers' eyes, not CI.
import path from 'node:path';
import { TEMPLATES, compositionId } from '../compositions/registry';
import { SCENE_IDS } from '../compositions/backgrounds/scenes';
import type { Template } from '../compositions/template';
import { bundleCompositions } from '../server/render/bundle';
import { renderLocal } from '../server/render/local';
import { findBrowserExecutable } from '../server/render/browser';
import { readEnv } from '../server/env';
import { defaultCacheDir, projectRoot } from '../server/paths';

const reference = process.argv[2];
const frame = Number(process.argv[3] ?? 170);
const env = readEnv();
const browserExecutable = findBrowserExecutable(env.browserExecutable);
const serveUrl = await bundleCompositions({ outDir: path.join(env.cacheDir ?? defaultCacheDir, 'bundle') });
for (const template of TEMPLATES as readonly Template[]) {
  for (const aspect of template.aspects) {
    for (const scene of SCENE_IDS) {
      const output = path.join(projectRoot, 'out', 'stills', `${template.id}-${aspect.replace(':', 'x')}-${scene}.png`);
      const inputProps = { ...template.defaultProps, scene, ...(reference ? { reference } : {}) };
      await renderLocal({ serveUrl, compositionId: compositionId(template, aspect), inputProps, output, still: frame, scale: 0.5, browserExecutable });
      console.log(output);
    }
  }
}
