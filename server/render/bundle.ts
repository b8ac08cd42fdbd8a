// Bundles the Remotion entry (studio/index.ts) with webpack so the renderer
// can serve it. Webpack's cache makes repeat bundles take a second or two.
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { bundle } from '@remotion/bundler';
import { projectRoot } from '../paths';

export interface BundleOptions {
  outDir: string;
  /** Remotion entry point; the project's studio/index.ts by default */
  entryPoint?: string;
  onProgress?: (percent: number) => void;
}

export async function bundleCompositions({ outDir, entryPoint, onProgress }: BundleOptions): Promise<string> {
  await mkdir(path.dirname(outDir), { recursive: true });
  return bundle({
    entryPoint: entryPoint ?? path.join(projectRoot, 'studio/index.ts'),
    rootDir: projectRoot,
    publicDir: path.join(projectRoot, 'public'),
    outDir,
    enableCaching: true,
    onProgress,
  });
}
