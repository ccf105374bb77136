import { lazyPage } from '../../components/lazy-page';

// The situation pages load with their own code (components/lazy-page.tsx): most of them hold forms.
export const CityPage = lazyPage(() => import('./CityPage'), 'CityPage');
export const ConcernFormPage = lazyPage(() => import('./ConcernFormPage'), 'ConcernFormPage');
export const ConcernListPage = lazyPage(() => import('./ConcernListPage'), 'ConcernListPage');
export const ConcernPage = lazyPage(() => import('./ConcernPage'), 'ConcernPage');
export const NotesPage = lazyPage(() => import('./NotesPage'), 'NotesPage');
export const PicturePage = lazyPage(() => import('./PicturePage'), 'PicturePage');
export const PublicSurveyPage = lazyPage(() => import('./PublicSurveyPage'), 'PublicSurveyPage');
export const SituationPage = lazyPage(() => import('./SituationPage'), 'SituationPage');
export const SurveyBuilderPage = lazyPage(() => import('./SurveyBuilderPage'), 'SurveyBuilderPage');
export const SurveyPage = lazyPage(() => import('./SurveyPage'), 'SurveyPage');
export const SurveyResultsPage = lazyPage(() => import('./SurveyResultsPage'), 'SurveyResultsPage');
export const SurveysPage = lazyPage(() => import('./SurveysPage'), 'SurveysPage');
