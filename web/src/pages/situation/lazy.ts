import { lazyPage } from '../../components/lazy-page';
import { loadOwnTexts } from '../../i18n';

// The situation pages load with their own code (components/lazy-page.tsx): most of them hold forms.
export const CityPage = lazyPage(() => import('./CityPage'), 'CityPage');
export const ConcernFormPage = lazyPage(() => import('./ConcernFormPage'), 'ConcernFormPage');
export const ConcernListPage = lazyPage(() => import('./ConcernListPage'), 'ConcernListPage');
export const ConcernPage = lazyPage(() => import('./ConcernPage'), 'ConcernPage');
export const NotesPage = lazyPage(() => import('./NotesPage'), 'NotesPage');
export const PicturePage = lazyPage(() => import('./PicturePage'), 'PicturePage');
// The public answer page: its respondents see no other page, so only the situation texts load with it.
export const PublicSurveyPage = lazyPage(
  () => {
    const page = import('./PublicSurveyPage');
    // While its code downloads, the main thread is idle: the Swedish time zone's data, which the
    // survey's shared code reads as it loads (the municipality's calendar), is read then, not in
    // the same task as that code (some 70 ms on a phone).
    (window.requestIdleCallback ?? setTimeout)(() => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }));
    return page;
  },
  'PublicSurveyPage',
  () => loadOwnTexts(() => import('./texts.sv.json')),
);
export const SituationPage = lazyPage(() => import('./SituationPage'), 'SituationPage');
export const SurveyBuilderPage = lazyPage(() => import('./SurveyBuilderPage'), 'SurveyBuilderPage');
export const SurveyPage = lazyPage(() => import('./SurveyPage'), 'SurveyPage');
export const SurveyResultsPage = lazyPage(() => import('./SurveyResultsPage'), 'SurveyResultsPage');
export const SurveysPage = lazyPage(() => import('./SurveysPage'), 'SurveysPage');
