// When `noor schedule` posts: --at (a wall time in --zone) or --after (the
// next prayer-relative time at --location, e.g. maghrib+20 in Cairo), turned
// into an instant with server/schedule; a few known cities or LAT,LON. Errors
// are CliErrors naming the flag. Pure apart from `now`, which is passed in.
import { ScheduleInputError, expandSeries, instantToLocal, isIanaZone, resolveLocal, type LocationInput } from '../../schedule';
import { CliError } from '../errors';

export const KNOWN_LOCATIONS: Record<string, LocationInput> = {
  cairo: { lat: 30.0444, lon: 31.2357, zone: 'Africa/Cairo', method: 'Egyptian' },
  makkah: { lat: 21.4225, lon: 39.8262, zone: 'Asia/Riyadh', method: 'UmmAlQura' },
  madinah: { lat: 24.4672, lon: 39.6111, zone: 'Asia/Riyadh', method: 'UmmAlQura' },
  istanbul: { lat: 41.0082, lon: 28.9784, zone: 'Europe/Istanbul', method: 'Turkey' },
  dubai: { lat: 25.2048, lon: 55.2708, zone: 'Asia/Dubai', method: 'Dubai' },
  karachi: { lat: 24.8607, lon: 67.0011, zone: 'Asia/Karachi', method: 'Karachi' },
  jakarta: { lat: -6.2088, lon: 106.8456, zone: 'Asia/Jakarta', method: 'Singapore' },
  london: { lat: 51.5074, lon: -0.1278, zone: 'Europe/London', method: 'MoonsightingCommittee' },
  'new-york': { lat: 40.7128, lon: -74.006, zone: 'America/New_York', method: 'NorthAmerica' },
};

export interface ScheduleTimeInput {
  at?: string | undefined;
  after?: string | undefined;
  zone?: string | undefined;
  location?: string | undefined;
}

const flagged = (flag: string, error: unknown): CliError => {
  const message = error instanceof ScheduleInputError ? error.issues.map((i) => i.message).join('; ') : error instanceof Error ? error.message : String(error);
  return new CliError(`${flag}: ${message}`);
};

function locationOf(text: string, zone: string | undefined): LocationInput {
  const known = KNOWN_LOCATIONS[text.toLowerCase()];
  if (known) return known;
  const coords = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(text.replace(/\s+/g, ''));
  if (!coords) throw new CliError(`--location: "${text}" is neither a known city (${Object.keys(KNOWN_LOCATIONS).join(', ')}) nor LAT,LON`);
  if (!zone) throw new CliError('--zone: is required with --location LAT,LON (the zone prayer days are counted in)');
  return { lat: Number(coords[1]), lon: Number(coords[2]), zone, method: 'MuslimWorldLeague' };
}

/** The instant to post at, strictly after `now`. */
export function resolveScheduleTime(input: ScheduleTimeInput, now: Date): Date {
  if ((input.at === undefined) === (input.after === undefined)) throw new CliError('--at / --after: give exactly one of them');
  if (input.zone !== undefined && !isIanaZone(input.zone)) throw new CliError(`--zone: '${input.zone}' is not an IANA time zone (e.g. Europe/London)`);
  if (input.at !== undefined) {
    const zone = input.zone ?? 'UTC';
    let instant: Date;
    try {
      instant = resolveLocal(input.at.trim().replace(' ', 'T'), zone).instant;
    } catch (error) {
      throw flagged('--at', error);
    }
    if (instant <= now) throw new CliError(`--at: ${input.at} ${zone} is in the past (now ${instantToLocal(now, zone).iso})`);
    return instant;
  }
  if (input.location === undefined) throw new CliError('--location: is required with --after (prayer times depend on the place)');
  const location = locationOf(input.location, input.zone);
  const today = instantToLocal(now, location.zone).date;
  try {
    const next = expandSeries({ zone: location.zone, start: today, repeat: { freq: 'daily' }, at: [input.after!], location }, now, new Date(now.getTime() + 3 * 86_400_000));
    const first = next.find((occurrence) => occurrence.at > now);
    if (!first) throw new Error(`no ${input.after} in the next 3 days`);
    return first.at;
  } catch (error) {
    throw flagged('--after', error);
  }
}
