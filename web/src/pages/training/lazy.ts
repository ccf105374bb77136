import { lazyPage } from '../../components/lazy-page';

// The training pages load with their own code (components/lazy-page.tsx).
export const TrainingPage = lazyPage(() => import('./TrainingPage'), 'TrainingPage');
export const TrainingBoardPage = lazyPage(() => import('./TrainingBoardPage'), 'TrainingBoardPage');
export const TrainingImportPage = lazyPage(() => import('./TrainingImportPage'), 'TrainingImportPage');
export const TrainingCoursesPage = lazyPage(() => import('./TrainingCoursesPage'), 'TrainingCoursesPage');
