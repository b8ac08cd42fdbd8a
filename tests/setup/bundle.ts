// Vitest global setup: bundles the compositions (inject('serveUrl')) and the
// test fixtures (inject('fixturesUrl')) once for every test file that
// renders. Warm webpack caches make this a few seconds.
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleCompositions } from '../../server/render/bundle';
import { defaultCacheDir, projectRoot } from '../../server/paths';

declare module 'vitest' {
  export interface ProvidedContext {
    serveUrl: string;
    fixturesUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const serveUrl = await bundleCompositions({ outDir: path.join(defaultCacheDir, 'test-bundle') });
  project.provide('serveUrl', serveUrl);
  const fixturesUrl = await bundleCompositions({
    entryPoint: path.join(projectRoot, 'tests/fixtures/index.ts'),
    outDir: path.join(defaultCacheDir, 'test-fixtures-bundle'),
  });
  project.provide('fixturesUrl', fixturesUrl);
}
