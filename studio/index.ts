// Remotion entry point for Studio, the CLI renderer and the bundle the
// server renders from.
import { registerRoot } from 'remotion';
import { Root } from './Root';

registerRoot(Root);
