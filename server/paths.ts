// Well-known paths of the project checkout, independent of the working directory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const defaultCacheDir = path.join(projectRoot, '.noor', 'cache');
