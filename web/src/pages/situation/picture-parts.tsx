import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { TPicture, ZPictureListItem } from '@shared/modules/situation/schema';
import { StatusTag } from '../../components/StatusTag';
import { CountTables, SuppressionLegend, TrendTable } from './components';

export type PictureListItem = z.infer<typeof ZPictureListItem>;

/** A picture's status as a tag with a word. */
export function PictureStatus({ status }: { status: PictureListItem['status'] | null }) {
  const { t } = useTranslation();
  if (!status) return <StatusTag>{t('situation.picture.status.none')}</StatusTag>;
  return <StatusTag tone={status === 'published' ? 'ok' : 'warn'}>{t(`situation.picture.status.${status}`)}</StatusTag>;
}

export function Figures({ figures, year }: { figures: TPicture['figures']; year: number }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="picture-figures">
      <h2 id="picture-figures">{t('situation.picture.figures')}</h2>
      <p>{figures.suppressed ? t('situation.suppressedNote', { threshold: figures.threshold }) : t('situation.exactNote')}</p>
      <SuppressionLegend threshold={figures.threshold} />
      <CountTables counts={figures} charts={figures.charts} year={year} idPrefix="picture" />
      <TrendTable trend={figures.trend} chart={figures.charts.find((c) => c.key === 'trend')} />
    </section>
  );
}
