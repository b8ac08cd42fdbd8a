// `noor accounts list | slots | connect`: the connected social accounts with
// their status, token expiry, posting slots and open alerts; setting an
// account's weekly posting slots (used by `noor schedule --slot next`); and
// connecting an account by OAuth: the consent URL is printed, and a one-shot
// callback server on 127.0.0.1 finishes the connection when the browser comes
// back. Adapters are passed in (server/platforms/registry.ts builds them).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PLATFORMS, tokenSecretBox, type JsonObject, type Platform } from '../../db';
import { ConnectError, completeConnection, localOwnerId, openAlerts, startConnection } from '../../accounts';
import type { NoorEnv } from '../../env';
import { PlatformError, type PlatformAdapter } from '../../platforms/adapter';
import { KNOWN_LOCATIONS } from './schedule-time';
import { ScheduleInputError, parsePostingSchedule, parseSlotText, postingScheduleSchema, type PostingScheduleInput } from '../../schedule';
import { CliError } from '../errors';
import { accountsMatching } from './account-ref';
import { withMigratedDatabase } from './database';
import { formatTable } from './posts';

type Out = (line: string) => void;

/** The stored schedule (its input form: slot times as typed) in one line. */
function describeSchedule(value: unknown): string {
  if (!postingScheduleSchema.safeParse(value).success) return '-';
  const stored = value as PostingScheduleInput;
  return `${stored.slots.map((s) => `${s.days.join(',')} ${s.at}`).join('; ')} (${stored.zone}${stored.minSpacingMinutes ? `, ${stored.minSpacingMinutes} min apart` : ''})`;
}

export async function accountsListCommand(env: NoorEnv, out: Out): Promise<void> {
  await withMigratedDatabase(env, async ({ db }) => {
    const rows = await db.selectFrom('social_accounts').select(['id', 'platform', 'display_name', 'status', 'token_expires_at', 'last_refresh_error', 'posting_schedule']).orderBy('platform').orderBy('display_name').execute();
    if (rows.length === 0) {
      out('No accounts connected yet (noor accounts connect <platform>).');
      return;
    }
    const table = rows.map((r) => [r.id.slice(0, 8), r.platform, r.display_name, r.status, r.token_expires_at ? r.token_expires_at.toISOString().slice(0, 16).replace('T', ' ') + 'Z' : '-', describeSchedule(r.posting_schedule)]);
    for (const line of formatTable(['ID', 'PLATFORM', 'ACCOUNT', 'STATUS', 'TOKEN EXPIRES', 'POSTING SLOTS'], table)) out(line);
    const alerts = await openAlerts(db);
    if (alerts.length > 0) {
      out('');
      for (const alert of alerts) out(`! ${alert.message}${alert.occurrences > 1 ? ` (seen ${alert.occurrences} times)` : ''}`);
    }
  });
}

export interface SlotsArgs {
  account: string;
  zone?: string | undefined;
  slot?: string[] | undefined;
  spacing?: string | undefined;
  location?: string | undefined;
  quietAfterPrayer?: string | undefined;
  clear?: boolean | undefined;
}

function scheduleFromArgs(args: SlotsArgs): PostingScheduleInput {
  if (!args.zone) throw new CliError('--zone: is required (the zone the slot times are in, e.g. Europe/London)');
  if (!args.slot || args.slot.length === 0) throw new CliError('--slot: give at least one, e.g. --slot "mon-fri 09:00,18:30" --slot "fri dhuhr+45"');
  const slots = args.slot.flatMap((text, index) => {
    try {
      return parseSlotText(text);
    } catch (error) {
      throw new CliError(`--slot #${index + 1}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  const spacing = args.spacing === undefined ? undefined : Number(args.spacing);
  if (spacing !== undefined && !Number.isInteger(spacing)) throw new CliError(`--spacing: "${args.spacing}" is not a whole number of minutes`);
  let location: PostingScheduleInput['location'];
  if (args.location !== undefined) {
    location = KNOWN_LOCATIONS[args.location.toLowerCase()];
    if (!location) throw new CliError(`--location: "${args.location}" is not a known city (${Object.keys(KNOWN_LOCATIONS).join(', ')})`);
  }
  let prayerWindows: PostingScheduleInput['prayerWindows'];
  if (args.quietAfterPrayer !== undefined) {
    const minutes = Number(args.quietAfterPrayer);
    if (!Number.isInteger(minutes)) throw new CliError(`--quiet-after-prayer: "${args.quietAfterPrayer}" is not a whole number of minutes`);
    prayerWindows = { fajr: minutes, dhuhr: minutes, asr: minutes, maghrib: minutes, isha: minutes };
  }
  return { zone: args.zone, slots, ...(spacing === undefined ? {} : { minSpacingMinutes: spacing }), ...(location ? { location } : {}), ...(prayerWindows ? { prayerWindows } : {}) };
}

export async function accountsSlotsCommand(args: SlotsArgs, env: NoorEnv, out: Out): Promise<void> {
  let schedule: PostingScheduleInput | null = null;
  if (!args.clear) {
    try {
      schedule = scheduleFromArgs(args);
      parsePostingSchedule(schedule);
    } catch (error) {
      if (error instanceof ScheduleInputError) throw new CliError(error.issues.map((i) => `--${i.field === 'minSpacingMinutes' ? 'spacing' : i.field.split(/[.[]/)[0]}: ${i.message}`).join('\n'));
      throw error;
    }
  }
  await withMigratedDatabase(env, async ({ db }) => {
    const matches = await accountsMatching(db, args.account);
    if (matches.length !== 1) throw new CliError(`account: ${matches.length === 0 ? `no account "${args.account}" (see noor accounts list)` : `"${args.account}" matches ${matches.length} accounts; use its id or platform:name`}`);
    const account = matches[0]!;
    await db.updateTable('social_accounts').set({ posting_schedule: schedule === null ? null : (schedule as unknown as JsonObject) }).where('id', '=', account.id).execute();
    out(schedule === null ? `Cleared the posting slots of ${account.platform} ${account.display_name}.` : `Posting slots of ${account.platform} ${account.display_name}: ${describeSchedule(schedule)}`);
  });
}

export interface ConnectArgs {
  platform: string | undefined;
  /** Port of the one-shot callback server on 127.0.0.1 (default 8787; 0 picks a free one). */
  port?: string | undefined;
  /** How long to wait for the browser to come back (default 600 s). */
  timeoutSec?: string | undefined;
}

const DEFAULT_CALLBACK_PORT = 8787;

const page = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><body style="font-family:sans-serif;background:#0b1020;color:#f4ecd8;display:grid;place-items:center;height:100vh;margin:0"><div><h1>${title}</h1><p>${text.replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`)}</p></div>`;

/** Waits on 127.0.0.1:port for one request to `path`; resolves with its query. */
async function callbackServer(port: number, path: string) {
  let deliver: (value: { query: URLSearchParams; respond: (status: number, html: string) => void }) => void = () => undefined;
  const arrived = new Promise<{ query: URLSearchParams; respond: (status: number, html: string) => void }>((resolve) => (deliver = resolve));
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== path) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not the Noor callback');
      return;
    }
    deliver({ query: url.searchParams, respond: (status, html) => res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(html) });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(new CliError(`--port: cannot listen on 127.0.0.1:${port} (${error.code ?? error.message}); choose another with --port`)));
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    arrived,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function accountsConnectCommand(args: ConnectArgs, env: NoorEnv, out: Out, adapterFor: (platform: Platform) => PlatformAdapter | undefined): Promise<void> {
  const platform = PLATFORMS.find((p) => p === args.platform?.toLowerCase());
  if (!platform) throw new CliError(`platform: "${args.platform ?? ''}" is not one of ${PLATFORMS.join(', ')}`);
  const adapter = adapterFor(platform);
  if (!adapter) throw new CliError(`platform: no ${platform} app is configured; set NOOR_${platform.toUpperCase()}_CLIENT_ID and NOOR_${platform.toUpperCase()}_CLIENT_SECRET (see docs/platforms/${platform}.md)`);
  const port = args.port === undefined ? DEFAULT_CALLBACK_PORT : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port: "${args.port}" is not a port number`);
  const timeoutSec = args.timeoutSec === undefined ? 600 : Number(args.timeoutSec);
  if (!(timeoutSec > 0)) throw new CliError(`--timeout: "${args.timeoutSec}" is not a positive number of seconds`);

  await withMigratedDatabase(env, async ({ db }) => {
    const deps = { db, secretBox: tokenSecretBox(env), now: () => new Date() };
    const callbackPath = `/oauth/${platform}/callback`;
    const server = await callbackServer(port, callbackPath);
    try {
      const redirectUri = `http://127.0.0.1:${server.port}${callbackPath}`;
      const { authUrl } = await startConnection(deps, adapter, { userId: await localOwnerId(db), redirectUri });
      out(`Open this link to let Noor post to your ${platform} account (it waits ${timeoutSec} s for you):`);
      out(authUrl);
      out(`Redirect URL registered with your ${platform} app must be: ${redirectUri}`);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new CliError(`timed out after ${timeoutSec} s waiting for the browser to come back to ${redirectUri}; nothing was connected`)), timeoutSec * 1000);
      });
      const { query, respond } = await Promise.race([server.arrived, timedOut]).finally(() => clearTimeout(timer));
      try {
        const connected = await completeConnection(deps, () => adapter, { state: query.get('state'), code: query.get('code'), error: query.get('error'), error_description: query.get('error_description') });
        respond(200, page('Connected', `Noor can now post to ${platform} as ${connected.displayName}. You can close this tab.`));
        out(`Connected ${platform} account ${connected.displayName} (${connected.accountId.slice(0, 8)}).`);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        respond(400, page('Not connected', reason));
        if (error instanceof ConnectError || error instanceof PlatformError) throw new CliError(`${platform}: ${reason}`);
        throw error;
      }
    } finally {
      await server.close();
    }
  });
}
