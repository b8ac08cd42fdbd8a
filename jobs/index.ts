// jobs/: graphile-worker tasks (one per file, zod payloads), the task list,
// the worker entry and the interfaces jobs receive injected.
export { DEFAULT_CRONTAB, DEFAULT_WORKER_CONFIG, type WorkerConfig } from './config';
export type { PrepareRendition, RenderVideo, StoredFiles, WorkerDeps } from './ports';
export { makeTaskList } from './task-list';
export { ensureJobQueue, jobPoolSize, runWorker, type RunWorkerOptions, type RunningWorker } from './worker';
export { expandSeriesWindow, seriesPostTemplateSchema } from './expand-series';
export { collectAnalytics } from './collect-analytics';
export { cleanupRenders } from './retention-cleanup';
