// Lists every template of the registry in every aspect, one folder per
// template. Nothing else lives here: schemas and defaults sit beside each
// template and are shared with the web Player and the CLI.
import React from 'react';
import { Composition, Folder } from 'remotion';
import { TEMPLATES, compositionId } from '../compositions/registry';
import { ASPECTS } from '../compositions/layout/aspects';
import type { Template } from '../compositions/template';

const templates = TEMPLATES as readonly Template[];

export const Root: React.FC = () => (
  <>
    {templates.map((template) => (
      <Folder key={template.id} name={template.name}>
        {template.aspects.map((aspect) => (
          <Composition
            key={aspect}
            id={compositionId(template, aspect)}
            lazyComponent={template.component}
            schema={template.schema}
            defaultProps={template.defaultProps}
            calculateMetadata={template.calculateMetadata}
            fps={template.fps}
            durationInFrames={template.defaultDurationInFrames}
            width={ASPECTS[aspect].width}
            height={ASPECTS[aspect].height}
          />
        ))}
      </Folder>
    ))}
  </>
);
