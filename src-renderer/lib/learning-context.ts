/** The learning loop's state (predict mode, course progress, the doctor), handed to components. */
import { createContext } from 'svelte';
import type { DoctorState } from '../state/doctor.svelte.ts';
import type { PredictState } from '../state/predict.svelte.ts';
import type { ProgressState } from '../state/progress.svelte.ts';

export interface LearningContext {
  predict: PredictState;
  progress: ProgressState;
  doctor: DoctorState;
}

export const [getLearningContext, setLearningContext] = createContext<LearningContext>();
