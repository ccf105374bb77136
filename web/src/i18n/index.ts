import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import sv from './sv.json';
import en from './en.json';

type Texts = Record<string, unknown>;

// Each capability keeps its texts beside its pages (pages/<capability>/texts.sv.json and
// texts.en.json) under its own top-level key, so capabilities never edit each other's files.
const capabilityTexts = import.meta.glob<Texts>('../pages/*/texts.*.json', { eager: true, import: 'default' });
const merged = (lang: 'sv' | 'en', core: Texts): Texts =>
  Object.entries(capabilityTexts)
    .filter(([path]) => path.endsWith(`.${lang}.json`))
    .reduce<Texts>((all, [, texts]) => ({ ...all, ...texts }), { ...core });

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('varna.language') : null;

void i18n.use(initReactI18next).init({
  resources: { sv: { translation: merged('sv', sv) }, en: { translation: merged('en', en) } },
  lng: saved === 'en' ? 'en' : 'sv',
  fallbackLng: 'sv',
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

export default i18n;
