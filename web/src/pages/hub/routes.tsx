import { Route } from 'react-router';
import { ApprovedPlansPage, DirectoryPage, HelplinePage, HubPage, LibraryItemPage, LibraryPage, NewsPage, PublicBoardPage, PublicInfoPage, PublicMunicipalityPage } from './lazy';

/** Support and knowledge pages behind the login, placed inside App's RequireSession route. */
export const hubRoutes = (
  <>
    <Route path="stod-och-kunskap" element={<HubPage />} />
    <Route path="lotsfunktion" element={<HelplinePage />} />
    <Route path="kunskapsbank" element={<LibraryPage />} />
    <Route path="kunskapsbank/:id" element={<LibraryItemPage />} />
    <Route path="samordnare" element={<DirectoryPage />} />
    <Route path="nyheter" element={<NewsPage />} />
    <Route path="namndernas-planer" element={<ApprovedPlansPage />} />
    <Route path="offentlig-sida/:boardId" element={<PublicInfoPage />} />
  </>
);

/** "Where to turn" without login: the municipality's page and a page per board. */
export const publicHubRoutes = (
  <>
    <Route path="/stod" element={<PublicMunicipalityPage />} />
    <Route path="/stod/:boardId" element={<PublicBoardPage />} />
  </>
);
