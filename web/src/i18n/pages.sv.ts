import { mergeTexts, type Texts } from './merge';

// Every capability's Swedish texts (pages/<capability>/texts.sv.json), as one chunk that loads with
// the first page behind the login or the public survey page, not with the login page (index.ts).
export default mergeTexts(import.meta.glob<Texts>('../pages/*/texts.sv.json', { eager: true, import: 'default' }));
