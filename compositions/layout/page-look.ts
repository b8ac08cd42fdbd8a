// What every paged-text template derives from its look props: the scene, the
// grade matrix (scene grade + adjustments) and the page transition with the
// frames it overlaps. One place, so the templates stay in step.
import { useMemo } from 'react';
import { SCENES, type SceneId } from '../backgrounds/scenes';
import { combineGrades, gradeToMatrix, type Grade } from '../effects/grade';
import { makeTransition, transitionFrames, type Transition } from '../transitions';

export function usePageLook(sceneId: SceneId, gradeAdjust: Grade, pageTransition: Transition, fps: number) {
  const scene = SCENES[sceneId];
  const matrix = useMemo(() => gradeToMatrix(combineGrades(scene.grade, gradeAdjust)), [scene, gradeAdjust]);
  const transition = makeTransition(pageTransition, fps, { overlay: true });
  const overlap = transition ? transitionFrames(pageTransition, fps) : 0;
  return { scene, matrix, transition, overlap };
}
