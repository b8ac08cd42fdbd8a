// Checks that an output file can be written before minutes of rendering are spent.
import { access, constants, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from './errors';

export async function ensureWritable(file: string, flag = '--out'): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new CliError(`${flag}: cannot create the folder ${dir} (${(error as NodeJS.ErrnoException).code})`);
  }
  const existing = await stat(file).catch(() => null);
  if (existing?.isDirectory()) throw new CliError(`${flag}: ${file} is a folder; give a file name such as ${path.join(file, 'video.mp4')}`);
  try {
    await access(dir, constants.W_OK);
    if (existing) await access(file, constants.W_OK);
  } catch (error) {
    throw new CliError(`${flag}: cannot write to ${file} (${(error as NodeJS.ErrnoException).code})`);
  }
}
