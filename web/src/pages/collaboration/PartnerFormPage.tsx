import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PARTNER_TYPES } from '@shared/domain/collaboration/model';
import { ZCreatePartnerRequest } from '@shared/modules/collaboration/schema';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { ConfirmDialog, Loading, Notice } from '../../components/feedback';
import { SelectField, TextAreaField, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { orNull, SavingForm, useSavingForm } from '../../components/saving-form';
import { NameConfirmation, useNameConfirmation } from '../situation/fields';
import { COLLAB_READS, IdChoices, useBoardsFor, type TPartner } from './shared';
import './collaboration.css';

/** Register a partner (`/samverkan/parter/ny`) or change one (`/samverkan/parter/:id`). */
export function PartnerFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const active = useApiQuery<TPartner[]>(id ? '/api/partners' : null);
  const archived = useApiQuery<TPartner[]>(id ? '/api/partners?archived=true' : null);
  if (!id) return <PartnerForm />;
  const partner = [...(active.data ?? []), ...(archived.data ?? [])].find((p) => p.id === id);
  if (partner) return <PartnerForm partner={partner} key={partner.id} />;
  if (active.isPending || archived.isPending) return <Loading />;
  return <Notice>{t('collab.partnerForm.notFound')}</Notice>;
}

function PartnerForm({ partner }: { partner?: TPartner }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { canEverywhere } = useSession();
  const boards = useBoardsFor(partner ? 'partners.update' : 'partners.create');
  const names = useNameConfirmation();
  const schema = ZCreatePartnerRequest.extend({ type: z.enum(PARTNER_TYPES, { error: t('collab.partnerForm.typeMissing') }) });
  const f = useSavingForm(
    schema,
    {
      idPrefix: 'partner',
      defaultValues: {
        name: partner?.name ?? '',
        type: partner?.type ?? ('' as never),
        boardIds: partner?.boards.map((b) => b.id) ?? (canEverywhere('partners.create') || boards.length !== 1 ? [] : [boards[0].id]),
        contacts: partner?.contacts ?? [],
        note: partner?.note ?? '',
      },
    },
    COLLAB_READS,
  );
  const contacts = useFieldArray({ control: f.form.control, name: 'contacts' });
  const chosen = f.form.watch('boardIds') ?? [];
  const nested = f.form.formState.errors.contacts;
  const [asking, setAsking] = useState(false);
  const archive = useApiMutation<TPartner>(COLLAB_READS);

  const submit = f.submit(
    names.guard(f.form, async (v: z.output<typeof schema>) => {
      const body = { ...v, note: orNull(v.note), ...names.extra };
      if (partner) {
        await f.save.mutateAsync({ method: 'PATCH', path: `/api/partners/${partner.id}`, body });
      } else {
        await f.save.mutateAsync({ method: 'POST', path: '/api/partners', body });
        navigate('/samverkan/parter', { state: { notice: t('collab.partnerForm.saved') } });
      }
    }),
  );

  const title = partner ? t('collab.partnerForm.editTitle') : t('collab.partnerForm.newTitle');
  return (
    <>
      <p>
        <Link to="/samverkan/parter">{t('collab.partners.title')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {archive.isSuccess && <Notice>{t(partner?.archived ? 'collab.partnerForm.archived' : 'collab.partnerForm.restored')}</Notice>}
      <SavingForm form={f} onSubmit={submit} label={title} submitLabel={partner ? t('collab.partnerForm.save') : t('collab.partnerForm.create')} savedNotice={t('collab.partnerForm.saved')}>
        <TextField label={t('collab.partnerForm.name')} maxLength={300} {...f.field('name')} />
        <SelectField label={t('collab.partnerForm.type')} {...f.field('type')}>
          <option value="">{t('collab.choose')}</option>
          {PARTNER_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`collab.partnerTypes.${type}`)}
            </option>
          ))}
        </SelectField>
        <IdChoices
          idPrefix="partner"
          name="boardIds"
          legend={t('collab.partnerForm.boardsLegend')}
          hint={t('collab.partnerForm.boardsHint')}
          error={f.errors.boardIds}
          options={boards.map((b) => ({ id: b.id, label: b.name }))}
          chosen={chosen}
          onChange={(ids) => f.form.setValue('boardIds', ids)}
        />
        <fieldset className="fieldset" id="partner-contacts" tabIndex={-1} aria-describedby="partner-contacts-hint">
          <legend>{t('collab.partnerForm.contactsLegend')}</legend>
          <p className="hint" id="partner-contacts-hint">
            {t('collab.partnerForm.contactsHint')}
          </p>
          {contacts.fields.map((field, i) => (
            <div key={field.id} className="collab-contact">
              <div className="inline-fields">
                <TextField
                  id={`partner-contacts-${i}-role`}
                  label={t('collab.partnerForm.contactRole', { n: i + 1 })}
                  maxLength={200}
                  error={nested?.[i]?.role?.message}
                  {...f.form.register(`contacts.${i}.role`, { onChange: names.changed })}
                />
                <TextField
                  id={`partner-contacts-${i}-mailbox`}
                  type="email"
                  label={t('collab.partnerForm.contactMailbox', { n: i + 1 })}
                  maxLength={200}
                  error={nested?.[i]?.mailbox?.message}
                  {...f.form.register(`contacts.${i}.mailbox`)}
                />
              </div>
              <button type="button" className="button button--secondary" onClick={() => contacts.remove(i)}>
                {t('collab.partnerForm.removeContact', { n: i + 1 })}
              </button>
            </div>
          ))}
          <p>
            <button type="button" className="button button--secondary" onClick={() => contacts.append({ role: '', mailbox: '' })}>
              {t('collab.partnerForm.addContact')}
            </button>
          </p>
        </fieldset>
        <TextAreaField label={t('collab.partnerForm.note')} hint={t('collab.partnerForm.noteHint')} rows={3} maxLength={2000} {...f.field('note', { onChange: names.changed })} />
        <NameConfirmation idPrefix="partner" state={names} />
      </SavingForm>
      {partner && (
        <div className="button-row">
          <button type="button" className={partner.archived ? 'button button--secondary' : 'button button--warning'} disabled={archive.isPending} onClick={() => (partner.archived ? archive.mutate({ method: 'PATCH', path: `/api/partners/${partner.id}`, body: { archived: false } }) : setAsking(true))}>
            {partner.archived ? t('collab.partnerForm.restore') : t('collab.partnerForm.archive')}
          </button>
        </div>
      )}
      {partner && (
        <ConfirmDialog
          open={asking}
          title={t('collab.partnerForm.archiveTitle', { name: partner.name })}
          confirmLabel={t('collab.partnerForm.archive')}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            archive.mutate({ method: 'PATCH', path: `/api/partners/${partner.id}`, body: { archived: true } });
          }}
        >
          <p>{t('collab.partnerForm.archiveText')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
