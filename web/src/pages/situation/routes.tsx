import { Route } from 'react-router';
import { CityPage } from './CityPage';
import { ConcernFormPage } from './ConcernFormPage';
import { ConcernListPage } from './ConcernListPage';
import { ConcernPage } from './ConcernPage';
import { NotesPage } from './NotesPage';
import { PicturePage } from './PicturePage';
import { PublicSurveyPage } from './PublicSurveyPage';
import { SituationPage } from './SituationPage';
import { SurveyBuilderPage } from './SurveyBuilderPage';
import { SurveyPage } from './SurveyPage';
import { SurveyResultsPage } from './SurveyResultsPage';
import { SurveysPage } from './SurveysPage';

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
