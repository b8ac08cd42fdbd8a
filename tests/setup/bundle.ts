// Vitest global setup: bundles the compositions once for every test file that
// renders (they read the URL with inject('serveUrl')). Unit-only runs pay a
// warm webpack bundle of a second or two.
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleCompositions } from '../../server/render/bundle';
import { defaultCacheDir } from '../../server/paths';

declare module 'vitest' {
  export interface ProvidedContext {
    serveUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const serveUrl = await bundleCompositions({ outDir: path.join(defaultCacheDir, 'test-bundle') });
  project.provide('serveUrl', serveUrl);
}
