import { useEffect, useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZUpdateSectionRequest } from '@shared/modules/plans/schema';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useApiForm } from '../../components/api-form';
import { LoadError } from '../../components/feedback';
import { ErrorSummary, TextField } from '../../components/form';
import { QueryState } from '../../components/QueryState';
import { PLAN_READS, PlanEditHeading, type TPlan, type TSection } from './shared';

type Command = 'bold' | 'italic' | 'insertUnorderedList' | 'insertOrderedList' | 'h3' | 'p';

/**
 * A small rich-text editor: a contenteditable region named by its label, and a toolbar of real
 * buttons (bold, italic, lists, subheading). Ctrl+B and Ctrl+I work as in any editor. The server
 * keeps only the safe subset (p, h3, lists, strong, em, links) whatever is pasted.
 */
export function RichTextEditor({ id, label, hint, initialHtml, onChange }: { id: string; label: string; hint?: string; initialHtml: string; onChange(html: string): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.innerHTML = initialHtml;
  }, [initialHtml]);

  const exec = (c: Command) => {
    ref.current?.focus();
    if (c === 'h3' || c === 'p') document.execCommand('formatBlock', false, c);
    else document.execCommand(c);
    onChange(ref.current?.innerHTML ?? '');
  };
  const buttons: { c: Command; label: string }[] = [
    { c: 'bold', label: t('plans.editor.bold') },
    { c: 'italic', label: t('plans.editor.italic') },
    { c: 'insertUnorderedList', label: t('plans.editor.bullets') },
    { c: 'insertOrderedList', label: t('plans.editor.numbers') },
    { c: 'h3', label: t('plans.editor.heading') },
    { c: 'p', label: t('plans.editor.paragraph') },
  ];
  return (
    <div className="field">
      <p className="plans-editor-label" id={`${id}-label`}>
        <strong>{label}</strong>
      </p>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="plans-toolbar" role="toolbar" aria-label={t('plans.editor.toolbar')} aria-controls={id}>
        {buttons.map((b) => (
          <button key={b.c} type="button" className="button button--secondary button--small" onMouseDown={(e) => e.preventDefault()} onClick={() => exec(b.c)}>
            {b.label}
          </button>
        ))}
      </div>
      <div
        ref={ref}
        id={id}
        className="plans-editor"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-labelledby={`${id}-label`}
        aria-describedby={hint ? `${id}-hint` : undefined}
        tabIndex={0}
        onInput={() => onChange(ref.current?.innerHTML ?? '')}
      />
    </div>
  );
}

/** Write one section of the plan. */
export function SectionPage() {
  const { t } = useTranslation();
  const { id, key } = useParams();
  const plan = useApiQuery<TPlan>(`/api/plans/${id}`);
  return (
    <QueryState query={plan}>
      {(p) => {
        const section = p.sections.find((s) => s.key === key);
        return section ? <SectionForm key={section.key} plan={p} section={section} /> : <LoadError message={t('plans.sections.notFound')} />;
      }}
    </QueryState>
  );
}

function SectionForm({ plan: p, section }: { plan: TPlan; section: TSection }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useApiMutation(PLAN_READS);
  const situation = section.key === 'lagesbild';
  const f = useApiForm(ZUpdateSectionRequest, {
    idPrefix: 'section',
    defaultValues: { bodyHtml: section.bodyHtml, ...(situation && { datedOn: section.datedOn ?? null }) },
  });
  // The editor is not an input: it hands its HTML to the form as it changes.
  const initialHtml = useRef(section.bodyHtml).current;
  const title = t('plans.sections.editHeading', { title: section.title });

  const submit = f.onSubmit(async (body) => {
    await save.mutateAsync({ method: 'PUT', path: `/api/plans/${p.id}/sections/${section.key}`, body });
    navigate(`/planer/${p.id}`, { state: { notice: t('plans.sections.saved', { title: section.title }) } });
  });

  return (
    <>
      <PlanEditHeading plan={p} title={title} />
      <ErrorSummary errors={f.errors} idPrefix="section" focusKey={f.submits} />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={f.saving || !p.canEdit} className="plain-fieldset">
          <RichTextEditor id="section-bodyHtml" label={t('plans.sections.text')} hint={section.guidance ?? undefined} initialHtml={initialHtml} onChange={(html) => f.form.setValue('bodyHtml', html)} />
          {f.errors.bodyHtml && <p className="field-error">{f.errors.bodyHtml}</p>}
          {situation && (
            <TextField
              type="date"
              label={t('plans.sections.datedOnLabel')}
              hint={t('plans.sections.datedOnHint')}
              {...f.field('datedOn', { setValueAs: (v: unknown) => (v === '' ? null : v) })}
            />
          )}
          <div className="button-row">
            <button type="submit" className="button">
              {t('plans.sections.save')}
            </button>
            <Link className="button button--secondary" to={`/planer/${p.id}`}>
              {t('common.cancel')}
            </Link>
          </div>
        </fieldset>
      </form>
    </>
  );
}
