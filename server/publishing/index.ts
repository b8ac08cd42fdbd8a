// Publishing posts exactly once: target state changes with audit, the
// publish and status-check steps, token refresh, media, retry policy, the
// job queue helpers and the crash-recovery sweep. Used by jobs/ and the CLI.
export { withAccountTokens, type TokenDeps } from './account-tokens';
export { audit } from './audit';
export { checkPublishStatus, type StatusOutcome } from './check-status';
export { NoAdapterError, type PublishingDeps } from './deps';
export { MediaUnavailableError, assetMediaSource, storageLocator, type LocateFile, type MediaSource, type MediaTarget, type PublishMedia } from './media';
export { DEFAULT_PUBLISHING_POLICY, pollDelayMs, retryDelayMs, type PublishingPolicy, type RetryPolicy, type StatusPolicy } from './policy';
export { publishTarget, type PublishOutcome } from './publish-target';
export { TASKS, publishJobKey, queueJob, queuePublish, queueRender, queueRendition, queueStatusCheck, renderJobKey, renditionJobKey, statusJobKey } from './queue';
export { recoverStalledPublishes } from './recover';
export { failTarget, moveTarget, recordPublished } from './targets';
