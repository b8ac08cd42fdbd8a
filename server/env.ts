// The one place that reads process.env. Everything else receives the parsed
// config as an argument, so tests and the CLI can pass their own.
import { z } from 'zod';

const envSchema = z.object({
  NOOR_BROWSER_EXECUTABLE: z.string().min(1).optional(),
  NOOR_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  NOOR_CACHE_DIR: z.string().min(1).optional(),
});

export interface NoorEnv {
  /** Chromium to render with; found automatically when unset. */
  browserExecutable: string | undefined;
  /** Browser tabs rendering in parallel; Remotion's default when unset. */
  concurrency: number | undefined;
  /** Where bundles and other reusable build output go (default .noor/cache). */
  cacheDir: string | undefined;
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): NoorEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${issues}`);
  }
  return {
    browserExecutable: parsed.data.NOOR_BROWSER_EXECUTABLE,
    concurrency: parsed.data.NOOR_CONCURRENCY,
    cacheDir: parsed.data.NOOR_CACHE_DIR,
  };
}
