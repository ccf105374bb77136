import { lazyPage } from '../../components/lazy-page';

// The plan pages load with their own code (components/lazy-page.tsx): the decision and revision
// forms bring zod and the plan schemas, which the login page does not need.
export const PlansPage = lazyPage(() => import('./PlansPage'), 'PlansPage');
export const PlanPage = lazyPage(() => import('./PlanPage'), 'PlanPage');
export const ActivityFormPage = lazyPage(() => import('./ActivityFormPage'), 'ActivityFormPage');
export const SectionPage = lazyPage(() => import('./SectionPage'), 'SectionPage');
export const ReviewPage = lazyPage(() => import('./ReviewPage'), 'ReviewPage');
export const DecisionFormPage = lazyPage(() => import('./DecisionFormPage'), 'DecisionFormPage');
export const InstructionsPage = lazyPage(() => import('./InstructionsPage'), 'InstructionsPage');
export const GuidelinesPage = lazyPage(() => import('./GuidelinesPage'), 'GuidelinesPage');
export const ComparePage = lazyPage(() => import('./ComparePage'), 'ComparePage');
