import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadTexts, textsLoaded } from './index';

/** Are all texts of the current language loaded? Starts loading them when not (index.ts). */
export function useTextsLoaded(): boolean {
  const { i18n } = useTranslation();
  const [, setLoaded] = useState(0);
  const ready = textsLoaded(i18n.language);
  useEffect(() => {
    if (!ready) void loadTexts(i18n.language).then(() => setLoaded((n) => n + 1));
  }, [ready, i18n.language]);
  return ready;
}
