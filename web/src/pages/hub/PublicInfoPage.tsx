import { useFieldArray } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZPublicInfoRequest, type TPublicBoard } from '@shared/modules/hub/schema';
import { useApiQuery } from '../../api/use-query';
import { TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { SavingForm, useSavingForm } from '../../components/saving-form';
import { NameConfirmation, TextAreaField, useNameConfirmation } from '../situation/fields';
import './hub.css';

const ZForm = ZPublicInfoRequest.omit({ confirmNoPersonalData: true });

/** The board's coordinator writes where residents can turn and the function contacts the public page shows. */
export function PublicInfoPage() {
  const { boardId } = useParams();
  const q = useApiQuery<TPublicBoard>(`/api/public/boards/${boardId}`);
  return <QueryState query={q}>{(b) => <PublicInfoForm board={b} />}</QueryState>;
}

function PublicInfoForm({ board: b }: { board: TPublicBoard }) {
  const { t } = useTranslation();
  const names = useNameConfirmation();
  const blankless = (v: string | undefined) => (v ? v : undefined);
  const f = useSavingForm(
    ZForm,
    { idPrefix: 'info', defaultValues: { text: b.text ?? '', contacts: b.contacts.map((c) => ({ label: c.label, email: c.email ?? '', phone: c.phone ?? '' })) } },
    ['/api/public'],
  );
  const contacts = useFieldArray({ control: f.form.control, name: 'contacts' });
  const nested = f.form.formState.errors.contacts;
  const submit = f.submit(
    names.guard(f.form, async (v: { text: string; contacts: { label: string; email?: string; phone?: string }[] }) => {
      const body = { text: v.text, contacts: v.contacts.map((c) => ({ label: c.label, email: blankless(c.email), phone: blankless(c.phone) })), ...names.extra };
      await f.save.mutateAsync({ method: 'PUT', path: `/api/boards/${b.id}/public-info`, body });
    }),
  );
  const title = t('hub.publicInfo.title', { board: b.name });
  return (
    <>
      <p>
        <Link to="/stod-och-kunskap">{t('hub.title')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('hub.publicInfo.lead')}</p>
      <p>
        <Link to={`/stod/${b.id}`}>{t('hub.publicInfo.view')}</Link>
      </p>
      <SavingForm form={f} onSubmit={submit} label={title} submitLabel={t('hub.publicInfo.save')} savedNotice={t('hub.publicInfo.saved')}>
        <TextAreaField label={t('hub.publicInfo.text')} hint={t('hub.publicInfo.textHint')} rows={8} maxLength={5000} guard guardValue={f.form.watch('text') ?? ''} {...f.field('text', { onChange: names.changed })} />
        <fieldset className="fieldset" id="info-contacts" tabIndex={-1} aria-describedby="info-contacts-hint">
          <legend>{t('hub.publicInfo.contactsLegend')}</legend>
          <p className="hint" id="info-contacts-hint">
            {t('hub.publicInfo.contactsHint')}
          </p>
          {contacts.fields.map((field, i) => (
            <div key={field.id} className="hub-contact">
              <TextField id={`info-contacts-${i}-label`} label={t('hub.publicInfo.label', { n: i + 1 })} maxLength={200} error={nested?.[i]?.label?.message} {...f.form.register(`contacts.${i}.label`, { onChange: names.changed })} />
              <div className="inline-fields">
                <TextField id={`info-contacts-${i}-email`} type="email" label={t('hub.publicInfo.email', { n: i + 1 })} maxLength={200} error={nested?.[i]?.email?.message} {...f.form.register(`contacts.${i}.email`, { setValueAs: (v: string) => v || undefined, onChange: names.changed })} />
                <TextField id={`info-contacts-${i}-phone`} type="tel" label={t('hub.publicInfo.phone', { n: i + 1 })} maxLength={30} error={nested?.[i]?.phone?.message} {...f.form.register(`contacts.${i}.phone`, { setValueAs: (v: string) => v || undefined })} />
              </div>
              <button type="button" className="button button--secondary button--small" onClick={() => contacts.remove(i)}>
                {t('hub.publicInfo.removeContact', { n: i + 1 })}
              </button>
            </div>
          ))}
          <p>
            <button type="button" className="button button--secondary" onClick={() => contacts.append({ label: '', email: '', phone: '' })}>
              {t('hub.publicInfo.addContact')}
            </button>
          </p>
        </fieldset>
        <NameConfirmation idPrefix="info" state={names} />
      </SavingForm>
    </>
  );
}
