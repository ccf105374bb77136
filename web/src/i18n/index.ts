import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import sv from './sv.json';
import type { Texts } from './merge';

// Each capability keeps its texts beside its pages (pages/<capability>/texts.sv.json and
// texts.en.json) under its own top-level key, so capabilities never edit each other's files.
//
// Only the Swedish core texts (sv.json: the login page, the layout, common words) come with the
// first page. The capabilities' texts (pages.sv.ts) and the English texts are chunks of their own:
// a page that loads lazily (components/lazy-page.tsx) and the layout wait for them (loadTexts), and
// changing the language loads that language first (the backend below). So the login page's script
// stays small and no page shows a text key while its texts are on their way.
type Lang = 'sv' | 'en';
const langOf = (lng: string | undefined): Lang => (lng === 'en' ? 'en' : 'sv');

const loaders: Record<Lang, () => Promise<Texts[]>> = {
  sv: async () => [(await import('./pages.sv')).default],
  en: async () => Promise.all([import('./en.json').then((m) => m.default as Texts), import('./pages.en').then((m) => m.default)]),
};
const loading = new Map<Lang, Promise<Texts>>();
const complete = new Set<Lang>();

/** The texts of a language that do not come with the first page, fetched once. */
function textsOf(lang: Lang): Promise<Texts> {
  let texts = loading.get(lang);
  if (!texts) {
    texts = loaders[lang]().then((parts) => Object.assign({}, ...parts) as Texts);
    texts.catch(() => loading.delete(lang)); // a chunk that failed to load is fetched again next time
    loading.set(lang, texts);
  }
  return texts;
}

/** Loads every text of the language (default: the current one); resolves when t() has them. */
export async function loadTexts(lng: string = i18n.language): Promise<void> {
  const lang = langOf(lng);
  const texts = await textsOf(lang);
  if (complete.has(lang)) return;
  // No copy: the texts are the chunk's own objects, which nothing changes (a copy of every page's texts took a phone ~8 ms).
  i18n.addResourceBundle(lang, 'translation', texts, false, true, { skipCopy: true });
  complete.add(lang);
}

/**
 * Only the texts a public page needs (its capability's Swedish file), for a page whose visitors see
 * no other (the survey answer page): a few KB on its way to the first paint instead of every
 * page's texts. In English, or once everything is loaded, this is loadTexts.
 */
export async function loadOwnTexts(sv: () => Promise<{ default: Texts }>): Promise<void> {
  if (langOf(i18n.language) !== 'sv' || complete.has('sv')) return loadTexts();
  i18n.addResourceBundle('sv', 'translation', (await sv()).default, true, true);
}

/** Has loadTexts(lng) finished? */
export const textsLoaded = (lng: string = i18n.language): boolean => complete.has(langOf(lng));

// i18next asks this for a language it has no texts of (English), on start or when the language changes.
const backend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (lng, _ns, done) => {
    textsOf(langOf(lng)).then(
      (texts) => {
        done(null, texts);
        complete.add(langOf(lng));
      },
      (err: Error) => done(err, false),
    );
  },
};

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('varna.language') : null;

void i18n
  .use(backend)
  .use(initReactI18next)
  .init({
    resources: { sv: { translation: sv } },
    partialBundledLanguages: true,
    lng: saved === 'en' ? 'en' : 'sv',
    fallbackLng: 'sv',
    interpolation: { escapeValue: false },
    // Components re-render when texts arrive, as when the language changes.
    react: { bindI18nStore: 'added' },
  });

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

export default i18n;
