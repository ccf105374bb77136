import { Route } from 'react-router';
import {
  CityPage,
  ConcernFormPage,
  ConcernListPage,
  ConcernPage,
  NotesPage,
  PicturePage,
  PublicSurveyPage,
  SituationPage,
  SurveyBuilderPage,
  SurveyPage,
  SurveyResultsPage,
  SurveysPage,
} from './lazy';

/** Pages behind the login, placed inside App's RequireSession route. */
export const situationRoutes = (
  <>
    <Route path="rapportera-oro" element={<ConcernFormPage />} />
    <Route path="lagesbild" element={<SituationPage />} />
    <Route path="lagesbild/rapporter" element={<ConcernListPage />} />
    <Route path="lagesbild/rapporter/:id" element={<ConcernPage />} />
    <Route path="lagesbild/enkater" element={<SurveysPage />} />
    <Route path="lagesbild/enkater/ny" element={<SurveyBuilderPage />} />
    <Route path="lagesbild/enkater/:id" element={<SurveyPage />} />
    <Route path="lagesbild/enkater/:id/andra" element={<SurveyBuilderPage />} />
    <Route path="lagesbild/enkater/:id/resultat" element={<SurveyResultsPage />} />
    <Route path="lagesbild/anteckningar" element={<NotesPage />} />
    <Route path="lagesbild/arsbild" element={<PicturePage />} />
    <Route path="lagesbild/staden" element={<CityPage />} />
  </>
);

/** The survey answer page: no login, outside RequireSession. */
export const publicSurveyRoute = <Route path="/enkat/:token" element={<PublicSurveyPage />} />;
