// Turns what the AWS SDK throws into a StorageError that names the setting to
// check. Decided from the S3 error code, the HTTP status and Node's network error
// codes, never from message text.
import { StorageError } from './storage';

interface SdkErrorShape {
  name?: string;
  Code?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

const CREDENTIAL_CODES = new Set(['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken', 'InvalidToken', 'CredentialsProviderError']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'TimeoutError']);

export interface S3Where {
  bucket: string;
  endpoint: string | undefined;
  key?: string;
  /** What was being done, e.g. `storing "renders/a.mp4"`. */
  doing: string;
}

export function s3Error(error: unknown, where: S3Where): StorageError {
  if (error instanceof StorageError) return error;
  const shape = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorShape;
  const nodeCode = shape.code !== undefined && NETWORK_CODES.has(shape.code) ? shape.code : undefined;
  const code = nodeCode ?? shape.Code ?? (shape.name !== 'Error' ? shape.name : undefined) ?? shape.code ?? 'Unknown';
  const status = shape.$metadata?.httpStatusCode;
  const bucket = `bucket "${where.bucket}"`;
  const opts = { cause: error };
  if (code === 'NoSuchBucket' || (status === 404 && where.key === undefined)) {
    return new StorageError('NOOR_S3_BUCKET', 'bucket_missing', `S3: ${bucket} does not exist (check NOOR_S3_BUCKET${where.endpoint ? ' and NOOR_S3_ENDPOINT' : ' and NOOR_S3_REGION'})`, opts);
  }
  if (CREDENTIAL_CODES.has(code) || code === 'AccessDenied' || status === 403) {
    const reason = code === 'AccessDenied' || code === 'Forbidden' || code === 'Unknown' ? 'access denied' : `access denied (${code})`;
    return new StorageError('NOOR_S3_ACCESS_KEY_ID', 'access_denied', `S3: ${reason} to ${bucket} while ${where.doing} (check NOOR_S3_ACCESS_KEY_ID and NOOR_S3_SECRET_ACCESS_KEY, and that they may use this bucket)`, opts);
  }
  if (code === 'PermanentRedirect' || code === 'AuthorizationHeaderMalformed' || status === 301) {
    return new StorageError('NOOR_S3_REGION', 'failed', `S3: ${bucket} is in another region (check NOOR_S3_REGION)`, opts);
  }
  if (code === 'NoSuchKey' || (status === 404 && where.key !== undefined)) {
    return new StorageError('key', 'not_found', `key: no object "${where.key ?? ''}" in S3 ${bucket}`, opts);
  }
  if (NETWORK_CODES.has(code)) {
    const at = where.endpoint ?? 'AWS S3';
    return new StorageError(where.endpoint ? 'NOOR_S3_ENDPOINT' : 'NOOR_S3_REGION', 'unreachable', `S3: cannot reach ${at} while ${where.doing} (${code}; check NOOR_S3_ENDPOINT and the network)`, opts);
  }
  const detail = status ? `${code}, HTTP ${status}` : code;
  return new StorageError('storage', 'failed', `S3: ${where.doing} failed (${bucket}; ${detail}): ${(error as Error).message ?? String(error)}`, opts);
}
