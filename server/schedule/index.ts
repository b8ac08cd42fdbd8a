// Scheduling maths for posts, pure and offline: wall time in IANA zones
// (zone.ts), prayer times by adhan (prayer-times.ts) and prayer-relative times
// (time-of-day.ts), quiet windows after each adhan (prayer-windows.ts), weekly
// posting slots (slots.ts), recurring series (series.ts) with days of the
// Islamic calendar (hijri-days.ts), and the input error naming each bad field
// (input.ts). No database, no clock, no network.
export { ScheduleInputError, type ScheduleInputIssue } from './input';
export { type CivilDate, type Weekday, WEEKDAYS, civilDateSchema, weekdaySchema } from './civil-date';
export { type LocalView, type WallTimeFit, type ZonedInstant, instantToLocal, isIanaZone, localDateTimeSchema, localToInstant, resolveLocal, zoneSchema } from './zone';
export {
  CALCULATION_METHODS,
  type DayPrayerTimes,
  type Location,
  type LocationInput,
  PRAYER_ANCHORS,
  type PrayerAnchor,
  locationSchema,
  prayerTimesOn,
} from './prayer-times';
export { MAX_OFFSET_MINUTES, type TimeOfDay, timeOfDaySchema } from './time-of-day';
export { type PrayerWindows, prayerWindowsSchema } from './prayer-windows';
export { SLOT_HORIZON_DAYS, type SlotOptions, type WeeklySlotInput, nextFreeSlot, slotOptionsSchema, weeklySlotSchema } from './slots';
export { MAX_EXPANSION_DAYS, type SeriesOccurrence, type SeriesRule, type SeriesRuleInput, expandSeries, repeatSchema, seriesRuleSchema } from './series';
export { HIJRI_SERIES, type HijriRepeat, type HijriRepeatInput, UMM_AL_QURA_YEARS, hijriRepeatSchema } from './hijri-days';
export { type PostingSchedule, type PostingScheduleInput, nextScheduledSlot, parsePostingSchedule, parseSlotText, postingScheduleSchema } from './posting-schedule';
