// Registers the two compositions the render benchmark compares, at the same size.
import React from 'react';
import { Composition } from 'remotion';
import { verseReel } from '../../compositions/verse-reel';
import { Baseline } from './Baseline';

export const BenchRoot: React.FC = () => (
  <>
    <Composition
      id="VerseReel"
      lazyComponent={verseReel.component}
      schema={verseReel.schema}
      defaultProps={verseReel.defaultProps}
      calculateMetadata={(options) => verseReel.calculateMetadata({ ...options, compositionId: 'VerseReel-9x16' })}
      fps={30}
      durationInFrames={verseReel.defaultDurationInFrames}
      width={1080}
      height={1920}
    />
    <Composition id="Baseline" component={Baseline} fps={30} durationInFrames={600} width={1080} height={1920} />
  </>
);
