// Remotion entry for the render benchmark: VerseReel (9:16) and the baseline.
import { registerRoot } from 'remotion';
import { BenchRoot } from './BenchRoot';

registerRoot(BenchRoot);
