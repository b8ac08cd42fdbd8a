// The Template seam: what Studio, the web Player and the render CLI need to
// know about a template. Node-safe: the component and calculateMetadata are
// loaded lazily, so the CLI can list and validate templates without a browser.
import type React from 'react';
import type { z } from 'zod';
import type { CalculateMetadataFunction } from 'remotion';
import type { AspectId } from './layout/aspects';
import type { Preset } from './presets';

export interface Template<Schema extends z.ZodObject = z.ZodObject> {
  /** kebab-case id used on the CLI: `noor render verse-reel` */
  id: string;
  /** PascalCase name; composition ids are `${name}-${aspect slug}` */
  name: string;
  description: string;
  schema: Schema;
  defaultProps: z.infer<Schema>;
  fps: number;
  /** duration used until calculateMetadata has run */
  defaultDurationInFrames: number;
  aspects: readonly AspectId[];
  /**
   * Props that name a media file (a path or URL) the renderer must serve, as
   * dotted paths; `*` stands for every item of an array ("shots.*.src").
   */
  mediaProps: readonly string[];
  component: () => Promise<{ default: React.ComponentType<z.infer<Schema>> }>;
  /** the props a style preset sets on this template */
  presetProps: (preset: Preset) => Partial<z.infer<Schema>>;
  calculateMetadata: CalculateMetadataFunction<z.infer<Schema>>;
}

/** Keeps each template's own prop type while collecting them in one list. */
export const defineTemplate = <Schema extends z.ZodObject>(template: Template<Schema>): Template<Schema> => template;
