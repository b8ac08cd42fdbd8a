// The worker's task list: every task by its graphile-worker name, each made
// from the injected dependencies and the worker config (publish_post also
// from the worker's publishing session).
import type { TaskList } from 'graphile-worker';
import type { PublishSession } from '../server/publishing/publish-session';
import { TASKS } from '../server/publishing/queue';
import { checkPublishStatusTask } from './check-publish-status';
import { collectAnalyticsTask } from './collect-analytics';
import type { WorkerConfig } from './config';
import { expandSeriesTask } from './expand-series';
import type { WorkerDeps } from './ports';
import { prepareRenditionTask } from './prepare-rendition';
import { publishPostTask } from './publish-post';
import { renderVideoTask } from './render-video';
import { retentionCleanupTask } from './retention-cleanup';

export function makeTaskList(deps: WorkerDeps, config: WorkerConfig, session: PublishSession): TaskList {
  return {
    [TASKS.publishPost]: publishPostTask(deps, session),
    [TASKS.checkPublishStatus]: checkPublishStatusTask(deps),
    [TASKS.expandSeries]: expandSeriesTask(deps, config),
    [TASKS.collectAnalytics]: collectAnalyticsTask(deps, config),
    [TASKS.retentionCleanup]: retentionCleanupTask(deps, config),
    [TASKS.renderVideo]: renderVideoTask(deps),
    [TASKS.prepareRendition]: prepareRenditionTask(deps),
  };
}
