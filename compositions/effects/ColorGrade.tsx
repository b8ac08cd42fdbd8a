// Grades media (images, video) with an SVG colour matrix built from grade
// parameters (grade.ts). Procedural layers are graded through their colours
// instead (gradeColor), which costs nothing per pixel; use this only around
// pixels Noor did not draw.
import React, { useId, useMemo } from 'react';
import { AbsoluteFill } from 'remotion';
import { type ColorMatrix } from './grade';

export const ColorGrade: React.FC<{ matrix: ColorMatrix; children: React.ReactNode }> = ({ matrix, children }) => {
  const id = `grade-${useId().replace(/[^a-zA-Z0-9-]/g, '')}`;
  const values = useMemo(() => matrix.map((v) => v.toFixed(5)).join(' '), [matrix]);
  return (
    <AbsoluteFill>
      <svg width="0" height="0" style={{ position: 'absolute' }} aria-hidden>
        <filter id={id} colorInterpolationFilters="sRGB">
          <feColorMatrix type="matrix" values={values} />
        </filter>
      </svg>
      <AbsoluteFill style={{ filter: `url(#${id})` }}>{children}</AbsoluteFill>
    </AbsoluteFill>
  );
};
