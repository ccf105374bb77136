import { mergeTexts, type Texts } from './merge';

// Every capability's English texts, loaded when the language is English (index.ts).
export default mergeTexts(import.meta.glob<Texts>('../pages/*/texts.en.json', { eager: true, import: 'default' }));
