// The `noor` command line: parses arguments, runs a command, and turns known
// errors into one clear message and an exit code instead of a stack trace.
// Commands are imported when used, so `noor help` or `noor worker` does not
// load the renderer, the analysers and the AWS SDK first.
import { parseArgs } from 'node:util';
import { readEnv } from '../env';
import { PropsError } from '../render/props';
import { VerseReferenceError } from '../../compositions/quran';
import { UnknownPresetError } from '../../compositions/presets';
import { CliError, cleanMessage, usageError } from './errors';

export const USAGE = `noor: cinematic Islamic short-form video, as code

Usage:
  noor render <template> [options]   render a video (MP4) or a still (PNG)
      --preset NAME         a style preset (see noor presets), applied before --props and --set
      --style FILE          a style profile from noor analyze: its look, pacing and mood
      --props FILE          JSON file of props (merged over the defaults)
      --set KEY=VALUE       set one prop; repeatable; dotted keys for nested props
      --aspect RATIO        9:16 (default) | 1:1 | 4:5 | 16:9
      --out FILE            output file (default out/<template>-<aspect>.mp4)
      --still FRAME         render one frame as PNG instead of a video
      --frames A-B          render only frames A to B
      --scale N             output scale, e.g. 0.5
  noor analyze <video> [options]     learn a look from a reference video (a StyleProfile)
      --out FILE            the profile, JSON (default out/<video>.style.json)
      --report FILE         an HTML report: shots, transitions, palette, curves, beats
      --png FILE            a PNG summary of the report
      --timeout SEC         stop after this long (default 600)
      --max-duration SEC    analyse at most this much of the input (default 600)
  noor migrate                       bring the database to the latest schema
  noor worker                        run the job worker: renders, renditions, publishing, status checks, series, analytics, retention
  noor schedule <project|video> [options]   post a project's latest render (rendered first when it has none), or a video file, at a time
      --platform LIST       x,instagram,tiktok,youtube (each needs a connected account)
      --at "YYYY-MM-DD HH:mm"   wall time in --zone
      --after PRAYER±MIN    e.g. maghrib+20: the next such time at --location
      --zone ZONE           IANA zone for --at (default UTC)
      --location PLACE      a known city (cairo, makkah, …) or LAT,LON (zone from --zone)
      --slot next           each account's next free posting slot (see noor accounts slots)
      --account LIST        which account when a platform has several: id, name or platform:name
      --caption TEXT        the caption; --hashtags a,b,c; --title TEXT (YouTube's title)
      --aspect RATIO        the project's render to post: 9:16 (default when one is made) | 1:1 | 4:5 | 16:9
  noor accounts connect <platform> [--port 8787] [--timeout SEC]   connect an account by OAuth
  noor accounts list                 connected accounts, token expiry, posting slots and alerts
  noor accounts slots <account> --zone ZONE --slot "mon-fri 09:00,18:30" [--slot …]
      --spacing MIN         minimum minutes between posts; --location CITY for prayer-relative slots
      --quiet-after-prayer MIN   keep posts out of MIN minutes after each adhan; --clear removes the slots
  noor posts list [--status S]       scheduled and published posts, one line per target
  noor posts cancel <target>…        cancel targets not yet published (id, or TARGET from posts list)
  noor lambda deploy [options]       deploy the Remotion Lambda function and Noor's site to AWS
      --region REGION       AWS region (default NOOR_LAMBDA_REGION)
      --memory MB           function memory (default 2048); --disk MB (default 2048)
      --timeout SEC         function timeout (default 240)
      --site-name NAME      site name in the bucket (default noor)
  noor lambda status [--region R]    deployed functions and the configured site
  noor templates [--json]            list templates, aspects and props
  noor presets [--json]              list style presets
  noor help                          this text

Environment: NOOR_BROWSER_EXECUTABLE (Chromium to use; found automatically),
NOOR_CONCURRENCY (render tabs), NOOR_CACHE_DIR (bundle cache, default .noor/cache),
NOOR_FFMPEG / NOOR_FFPROBE (ffmpeg for analysis; Debian's on the PATH by default),
DATABASE_URL (Postgres; default an embedded one in .noor/postgres on NOOR_DB_PORT, 20329+),
NOOR_SECRET_KEY (32-byte key for tokens at rest; default generated into .noor/secret.key),
NOOR_WORKER_CONCURRENCY (jobs at once, default 4), NOOR_RENDER_RETENTION_DAYS (default 30),
NOOR_X_CLIENT_ID / NOOR_X_CLIENT_SECRET and the same for YOUTUBE, INSTAGRAM and TIKTOK (platform apps;
see docs/platforms), NOOR_LOCAL_PLATFORM_URL (development: post to a local test platform),
NOOR_RENDER_BACKEND (local | lambda), NOOR_LAMBDA_REGION / NOOR_LAMBDA_FUNCTION / NOOR_LAMBDA_SERVE_URL
(from noor lambda deploy), NOOR_LAMBDA_BUCKET, NOOR_LAMBDA_FRAMES_PER_LAMBDA, NOOR_REMOTION_LICENSE_KEY.`;

export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  const [command, ...rest] = argv;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    switch (command) {
      case 'render': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            preset: { type: 'string' },
            style: { type: 'string' },
            props: { type: 'string' },
            set: { type: 'string', multiple: true },
            aspect: { type: 'string' },
            out: { type: 'string', short: 'o' },
            still: { type: 'string' },
            frames: { type: 'string' },
            scale: { type: 'string' },
          },
        });
        if (positionals.length > 1) throw usageError(`render: one template at a time (got ${positionals.join(', ')})`);
        await (await import('./commands/render')).renderCommand(
          {
            template: positionals[0],
            preset: values.preset,
            styleFile: values.style,
            propsFile: values.props,
            sets: values.set,
            aspect: values.aspect,
            out: values.out,
            still: values.still,
            frames: values.frames,
            scale: values.scale,
            cwd,
          },
          readEnv(),
          out,
        );
        return 0;
      }
      case 'analyze': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            out: { type: 'string', short: 'o' },
            report: { type: 'string' },
            png: { type: 'string' },
            timeout: { type: 'string' },
            'max-duration': { type: 'string' },
          },
        });
        if (positionals.length > 1) throw usageError(`analyze: one video at a time (got ${positionals.join(', ')})`);
        await (await import('./commands/analyze')).analyzeCommand(
          { input: positionals[0], out: values.out, report: values.report, png: values.png, timeout: values.timeout, maxDuration: values['max-duration'], cwd },
          readEnv(),
          out,
        );
        return 0;
      }
      case 'migrate': {
        parseArgs({ args: rest, options: {} });
        await (await import('./commands/migrate')).migrateCommand(readEnv(), out);
        return 0;
      }
      case 'lambda': {
        const [sub, ...args] = rest;
        if (sub === 'deploy') {
          const { values } = parseArgs({
            args,
            options: { region: { type: 'string' }, memory: { type: 'string' }, timeout: { type: 'string' }, disk: { type: 'string' }, 'site-name': { type: 'string' } },
          });
          await (await import('./commands/lambda')).lambdaDeployCommand(
            { region: values.region, memory: values.memory, timeout: values.timeout, disk: values.disk, siteName: values['site-name'] },
            readEnv(),
            out,
          );
          return 0;
        }
        if (sub === 'status') {
          const { values } = parseArgs({ args, options: { region: { type: 'string' } } });
          await (await import('./commands/lambda')).lambdaStatusCommand(values, readEnv(), out);
          return 0;
        }
        throw usageError(`lambda: expected "deploy" or "status"${sub ? `, got "${sub}"` : ''}`);
      }
      case 'worker': {
        parseArgs({ args: rest, options: {} });
        await (await import('./commands/worker')).workerCommand(readEnv(), out);
        return 0;
      }
      case 'schedule': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            platform: { type: 'string' },
            at: { type: 'string' },
            after: { type: 'string' },
            zone: { type: 'string' },
            location: { type: 'string' },
            slot: { type: 'string' },
            account: { type: 'string' },
            caption: { type: 'string' },
            hashtags: { type: 'string' },
            title: { type: 'string' },
            aspect: { type: 'string' },
          },
        });
        if (positionals.length !== 1) throw usageError(`schedule: give one project id or video file (got ${positionals.length === 0 ? 'none' : positionals.join(', ')})`);
        await (await import('./commands/schedule')).scheduleCommand({ source: positionals[0]!, ...values, cwd }, readEnv(), out);
        return 0;
      }
      case 'accounts': {
        const [sub, ...args] = rest;
        const env = readEnv();
        const accounts = await import('./commands/accounts');
        if (sub === 'list') {
          parseArgs({ args, options: {} });
          await accounts.accountsListCommand(env, out);
          return 0;
        }
        if (sub === 'connect') {
          const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { port: { type: 'string' }, timeout: { type: 'string' } } });
          if (positionals.length !== 1) throw usageError('accounts connect: give one platform (x, instagram, tiktok, youtube)');
          const { adaptersFromConfig } = await import('../platforms/registry');
          await accounts.accountsConnectCommand({ platform: positionals[0], port: values.port, timeoutSec: values.timeout }, env, out, adaptersFromConfig({ apps: env.platforms, localPlatformUrl: undefined }));
          return 0;
        }
        if (sub === 'slots') {
          const { values, positionals } = parseArgs({
            args,
            allowPositionals: true,
            options: { zone: { type: 'string' }, slot: { type: 'string', multiple: true }, spacing: { type: 'string' }, location: { type: 'string' }, 'quiet-after-prayer': { type: 'string' }, clear: { type: 'boolean' } },
          });
          if (positionals.length !== 1) throw usageError('accounts slots: give one account (its id, name or platform:name from noor accounts list)');
          await accounts.accountsSlotsCommand({ account: positionals[0]!, ...values, quietAfterPrayer: values['quiet-after-prayer'] }, env, out);
          return 0;
        }
        throw usageError(`accounts: expected "connect", "list" or "slots"${sub ? `, got "${sub}"` : ''}`);
      }
      case 'posts': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { status: { type: 'string' } } });
        const posts = await import('./commands/posts');
        if (positionals[0] === 'cancel') {
          await posts.postsCancelCommand({ targets: positionals.slice(1) }, readEnv(), out);
          return 0;
        }
        if (positionals[0] !== 'list' || positionals.length > 1) throw usageError('posts: the subcommand is "list" (noor posts list [--status S]) or "cancel" (noor posts cancel TARGET…)');
        await posts.postsListCommand({ status: values.status }, readEnv(), out);
        return 0;
      }
      case 'presets': {
        const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' } } });
        (await import('./commands/presets')).presetsCommand(values.json === true, out);
        return 0;
      }
      case 'templates': {
        const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' } } });
        (await import('./commands/templates')).templatesCommand(values.json === true, out);
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out(USAGE);
        return 0;
      default:
        throw usageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof PropsError) {
      process.stderr.write(`noor: invalid props:\n${error.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}\n`);
      return 1;
    }
    if (error instanceof UnknownPresetError) {
      process.stderr.write(`noor: ${error.message}\n`);
      return 1;
    }
    if (error instanceof CliError) {
      process.stderr.write(`noor: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof VerseReferenceError) {
      process.stderr.write(`noor: reference: ${error.reason}\n`);
      return 1;
    }
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`noor: ${(error as Error).message}\nRun "noor help" for usage.\n`);
      return 2;
    }
    process.stderr.write(`noor: ${cleanMessage(error)}\n`);
    return 1;
  }
}
