// Checks a RenderJob before any browser or Lambda starts: the template and
// aspect exist, the output key is a safe relative .mp4 path, frame range and
// scale are sane. Returns the template and its composition id.
import path from 'node:path';
import { compositionId, findTemplate } from '../../../compositions/registry';
import type { Template } from '../../../compositions/template';
import { RenderError } from './errors';
import type { RenderBackendName, RenderJob } from './types';

export interface CheckedJob {
  template: Template;
  compositionId: string;
}

export function checkJob(job: RenderJob, backend: RenderBackendName): CheckedJob {
  const invalid = (field: string, reason: string) => new RenderError('invalid_job', backend, `render ${job.renderId}: ${field}: ${reason}`);
  const template = findTemplate(job.templateId);
  if (!template) throw invalid('templateId', `unknown template "${job.templateId}"`);
  if (!template.aspects.includes(job.aspect)) throw invalid('aspect', `${template.name} has no ${job.aspect} variant (it has ${template.aspects.join(', ')})`);
  const key = job.outputKey;
  if (!key.endsWith('.mp4')) throw invalid('outputKey', `"${key}" must end in .mp4`);
  if (path.posix.isAbsolute(key) || key.split('/').some((part) => part === '..' || part === '') || key.includes('\\')) {
    throw invalid('outputKey', `"${key}" must be a relative path without "..", empty parts or backslashes`);
  }
  if (job.frameRange) {
    const [from, to] = job.frameRange;
    if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to >= from)) {
      throw invalid('frameRange', `[${from}, ${to}] must be two whole frame numbers, first ≤ last`);
    }
  }
  if (job.scale !== undefined && !(job.scale > 0 && job.scale <= 2)) throw invalid('scale', `${job.scale} must be in (0, 2]`);
  return { template, compositionId: compositionId(template, job.aspect) };
}
