// calculateMetadata for ReminderCard: the duration is the reading time of
// the measured pages (the same pages the component draws). Runs in the
// browser (Studio, Player, renderer).
import type { CalculateMetadataFunction } from 'remotion';
import { ASPECTS, aspectOfCompositionId } from '../layout/aspects';
import { prepareReminderCard } from './prepare';
import { cardDurationInFrames } from './timeline';
import type { ReminderCardProps } from './schema';

export const REMINDER_CARD_FPS = 30;

export const calculateReminderCardMetadata: CalculateMetadataFunction<ReminderCardProps> = async ({ props, compositionId }) => {
  const { width, height } = ASPECTS[aspectOfCompositionId(compositionId)];
  const { pages } = await prepareReminderCard(props, width, height);
  return { durationInFrames: cardDurationInFrames(pages, props.pace, REMINDER_CARD_FPS), fps: REMINDER_CARD_FPS };
};
