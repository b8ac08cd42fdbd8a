// calculateMetadata for VerseReel: the duration comes from the content, the
// reading time of the measured pages, or the length of the recitation audio
// when one is given. Runs in the browser (Studio, Player, renderer).
import type { CalculateMetadataFunction } from 'remotion';
import { parseMedia } from '@remotion/media-parser';
import { prepareVerseReel } from './prepare';
import { readingDurationInFrames, recitationDurationInFrames } from './timeline';
import { mediaSrc } from './media';
import { ASPECTS, aspectOfCompositionId } from '../layout/aspects';
import type { VerseReelProps } from './schema';

export async function recitationSeconds(recitation: string): Promise<number> {
  const src = mediaSrc(recitation);
  try {
    const { slowDurationInSeconds } = await parseMedia({ src, fields: { slowDurationInSeconds: true }, acknowledgeRemotionLicense: true });
    if (!(slowDurationInSeconds > 0)) throw new Error('it has no audio to play');
    return slowDurationInSeconds;
  } catch (error) {
    throw new Error(`recitation: cannot read "${recitation}": ${error instanceof Error ? error.message : String(error)}`);
  }
}

export const calculateVerseReelMetadata: CalculateMetadataFunction<VerseReelProps> = async ({ props, compositionId }) => {
  const fps = 30;
  const { width, height } = ASPECTS[aspectOfCompositionId(compositionId)];
  const { pages } = await prepareVerseReel(props, width, height);
  const durationInFrames = props.recitation
    ? recitationDurationInFrames(await recitationSeconds(props.recitation), fps)
    : readingDurationInFrames(pages, props.pace, fps);
  return { durationInFrames, fps };
};
