// A tiny social platform over HTTP for tests: accounts with bearer tokens and
// refresh tokens, posts kept in memory, async processing, and faults the test
// switches on (401 expired token, revoked refresh, 429 with Retry-After,
// 5xx, a create that is stored but never answered, as if the caller crashed).
// Speaks the API server/platforms/local.ts expects; no idempotency keys, like
// most real platforms: a caller finds its own post again by listing.
import { EventEmitter } from 'node:events';
import http from 'node:http';
import { closeServer, listenOnLoopback } from './fakes/http-fake';

export type LocalOperation = 'create' | 'list' | 'status' | 'refresh' | 'metrics';

export interface LocalFault {
  status: number;
  code: string;
  /** Sent as Retry-After (seconds). */
  retryAfterSec?: number;
}

export interface LocalPost {
  id: string;
  accountId: string;
  caption: string;
  mediaPath: string | null;
  metadata: Record<string, string>;
  createdAt: Date;
  /** Status checks left before a processing post is published; Infinity never finishes. */
  checksLeft: number;
}

export interface LocalRequest {
  op: LocalOperation;
  at: Date;
  status: number;
}

interface Account {
  id: string;
  accessToken: string;
  refreshToken: string;
  expired: boolean;
  revoked: boolean;
}

export class LocalPlatformServer extends EventEmitter {
  readonly posts: LocalPost[] = [];
  readonly requests: LocalRequest[] = [];
  /** Status checks each new post needs before it is published (0: published at once). */
  processingChecks = 0;
  private readonly accounts: Account[] = [];
  private readonly faults: Array<{ op: LocalOperation; fault: LocalFault }> = [];
  private hangCreates = 0;
  private readonly held = new Set<http.ServerResponse>();
  private nextId = 1;
  private server: http.Server | undefined;
  url = '';

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.url = await listenOnLoopback(this.server);
    return this.url;
  }

  async stop(): Promise<void> {
    for (const res of this.held) res.destroy();
    if (this.server) await closeServer(this.server);
  }

  addAccount(id: string, accessToken: string, refreshToken: string): void {
    this.accounts.push({ id, accessToken, refreshToken, expired: false, revoked: false });
  }

  /** The access token now gets 401 token_expired until refreshed. */
  expireAccessToken(accessToken: string): void {
    this.account((a) => a.accessToken === accessToken).expired = true;
  }

  /** The refresh token is refused with invalid_grant (the user revoked the app). */
  revokeRefreshToken(refreshToken: string): void {
    this.account((a) => a.refreshToken === refreshToken).revoked = true;
  }

  /** The next `times` calls of `op` fail with this fault. */
  failNext(op: LocalOperation, fault: LocalFault, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push({ op, fault });
  }

  /** The next create stores the post and emits 'create' but never answers. */
  hangNextCreate(): void {
    this.hangCreates++;
  }

  postsFor(accountId: string): LocalPost[] {
    return this.posts.filter((p) => p.accountId === accountId);
  }

  private account(match: (a: Account) => boolean): Account {
    const found = this.accounts.find(match);
    if (!found) throw new Error('local platform: no such account');
    return found;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const body = await readJson(req);
    const route = routeOf(req.method ?? 'GET', url.pathname);
    if (!route) return send(res, 404, { error: { code: 'not_found', message: `no route ${req.method} ${url.pathname}` } });
    const reply = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      this.requests.push({ op: route.op, at: new Date(), status });
      send(res, status, json, headers);
    };

    const faultIndex = this.faults.findIndex((f) => f.op === route.op);
    if (faultIndex >= 0) {
      const { fault } = this.faults.splice(faultIndex, 1)[0]!;
      const headers: Record<string, string> = fault.retryAfterSec === undefined ? {} : { 'retry-after': String(fault.retryAfterSec) };
      return reply(fault.status, { error: { code: fault.code, message: `injected ${fault.code}` } }, headers);
    }

    if (route.op === 'refresh') {
      const account = this.accounts.find((a) => a.refreshToken === body.refresh_token);
      if (!account || account.revoked) return reply(400, { error: 'invalid_grant', error_description: 'refresh token revoked' });
      account.accessToken = `${account.id}-access-${this.nextId++}`;
      account.refreshToken = `${account.id}-refresh-${this.nextId++}`;
      account.expired = false;
      return reply(200, { access_token: account.accessToken, refresh_token: account.refreshToken, expires_in: 3600, scope: 'post read' });
    }

    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const account = this.accounts.find((a) => a.accessToken === token);
    if (!account) return reply(401, { error: { code: 'invalid_token', message: 'unknown access token' } });
    if (account.expired) return reply(401, { error: { code: 'token_expired', message: 'access token expired' } });

    switch (route.op) {
      case 'create': {
        if (typeof body.caption !== 'string') return reply(422, { error: { code: 'invalid_caption', message: 'caption: required' } });
        const post: LocalPost = {
          id: `lp_${this.nextId++}`,
          accountId: account.id,
          caption: body.caption,
          mediaPath: typeof body.media_path === 'string' ? body.media_path : null,
          metadata: isStringRecord(body.metadata) ? body.metadata : {},
          createdAt: new Date(),
          checksLeft: this.processingChecks,
        };
        this.posts.push(post);
        this.emit('create', post);
        if (this.hangCreates > 0) {
          this.hangCreates--;
          this.requests.push({ op: 'create', at: new Date(), status: 0 });
          this.held.add(res);
          return;
        }
        return reply(201, view(post, this.url));
      }
      case 'list': {
        const limit = Number(url.searchParams.get('limit') ?? 20);
        const mine = this.postsFor(account.id).slice().reverse().slice(0, limit);
        return reply(200, { data: mine.map((p) => view(p, this.url)) });
      }
      case 'status': {
        const post = this.posts.find((p) => p.id === route.id && p.accountId === account.id);
        if (!post) return reply(404, { error: { code: 'post_not_found', message: `no post ${route.id}` } });
        if (post.checksLeft > 0) post.checksLeft--;
        return reply(200, view(post, this.url));
      }
      case 'metrics': {
        const post = this.posts.find((p) => p.id === route.id && p.accountId === account.id);
        if (!post) return reply(404, { error: { code: 'post_not_found', message: `no post ${route.id}` } });
        return reply(200, { views: 100, likes: 10, comments: 2, shares: 1 });
      }
    }
  }
}

function routeOf(method: string, pathname: string): { op: LocalOperation; id?: string } | undefined {
  if (method === 'POST' && pathname === '/oauth/token') return { op: 'refresh' };
  if (method === 'POST' && pathname === '/v1/posts') return { op: 'create' };
  if (method === 'GET' && pathname === '/v1/posts') return { op: 'list' };
  const metrics = /^\/v1\/posts\/([\w-]+)\/metrics$/.exec(pathname);
  if (method === 'GET' && metrics) return { op: 'metrics', id: metrics[1]! };
  const one = /^\/v1\/posts\/([\w-]+)$/.exec(pathname);
  if (method === 'GET' && one) return { op: 'status', id: one[1]! };
  return undefined;
}

function view(post: LocalPost, base: string) {
  return {
    id: post.id,
    status: post.checksLeft > 0 ? 'processing' : 'published',
    url: `${base}/p/${post.id}`,
    caption: post.caption,
    metadata: post.metadata,
    created_at: post.createdAt.toISOString(),
  };
}

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function send(res: http.ServerResponse, status: number, json: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(json));
}
