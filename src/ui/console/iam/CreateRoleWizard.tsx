import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consoleTrustPolicy, SERVICE_USE_CASES, type ServiceUseCase } from '../../../sim/console/useCases';
import { useConsole } from '../ConsoleContext';
import { formatDocument, policyChoices, roleNameProblem, wizardTags } from '../model/iam';
import { Container, Page } from '../parts/Page';
import { useSim } from '../parts/useSim';
import { PolicyPicker } from './PolicyPicker';

type Step = 1 | 2 | 3;
type UseCaseId = ServiceUseCase['id'];

const OTHER_ENTITY_TYPES = ['account', 'webIdentity', 'saml', 'custom'] as const;
const MAX_TAGS = 50;

/**
 * IAM › Roles › Create role: trusted entity (AWS service) and use case → permissions →
 * name, review, and create. For EC2 the console action also makes the same-named profile (F3).
 */
export function CreateRoleWizard() {
  const { t } = useTranslation('console');
  const sim = useSim();
  const { go, perform, busy } = useConsole();
  const [step, setStep] = useState<Step>(1);
  const [useCase, setUseCase] = useState<UseCaseId | ''>('');
  const [useCaseMissing, setUseCaseMissing] = useState(false);
  const [policyArns, setPolicyArns] = useState<string[]>([]);
  const [roleName, setRoleName] = useState('');
  const [description, setDescription] = useState<string | undefined>(undefined);
  const [tags, setTags] = useState<{ key: string; value: string }[]>([]);
  const [showProblems, setShowProblems] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const ids = { useCase: useId(), name: useId(), nameHelp: useId(), nameError: useId(), description: useId(), useCaseError: useId() };

  const choices = useMemo(() => (sim ? policyChoices(sim) : []), [sim]);
  const chosenUseCase = SERVICE_USE_CASES.find((u) => u.id === useCase);
  const effectiveDescription = description ?? chosenUseCase?.description ?? '';
  const problem = roleNameProblem(roleName);
  const steps: { step: Step; label: string }[] = [
    { step: 1, label: t('iam.create.steps.trusted') },
    { step: 2, label: t('iam.create.steps.permissions') },
    { step: 3, label: t('iam.create.steps.review') },
  ];

  /** A new step is a new page to the learner: its heading takes focus, the flash clears. */
  const toStep = (target: Step) => {
    setStep(target);
    go({ service: 'iam', page: 'createRole' });
  };

  const next = () => {
    if (step === 1 && !chosenUseCase) {
      setUseCaseMissing(true);
      document.getElementById(ids.useCase)?.focus();
      return;
    }
    if (step < 3) toStep((step + 1) as Step);
  };

  const create = () => {
    if (!chosenUseCase) return toStep(1);
    if (problem) {
      setShowProblems(true);
      nameInput.current?.focus();
      return;
    }
    void perform(
      {
        type: 'iam.createServiceRole',
        useCase: chosenUseCase.id,
        roleName,
        description: effectiveDescription,
        managedPolicyArns: policyArns,
        tags: wizardTags(tags),
      },
      () => go({ service: 'iam', page: 'role', roleName, tab: 'permissions' }),
    );
  };

  const selectedPolicies = choices.filter((c) => policyArns.includes(c.arn));

  return (
    <Page
      crumbs={[
        { label: t('services.iam'), route: { service: 'iam', page: 'roles' } },
        { label: t('nav.roles'), route: { service: 'iam', page: 'roles' } },
        { label: t('iam.create.title') },
      ]}
      title={steps[step - 1]?.label ?? ''}
      testId="console.iam.createRole"
    >
      <nav aria-label={t('iam.create.steps.label')} className="c-steps-nav">
        <ol className="c-steps">
          {steps.map((s) => (
            <li key={s.step} className="c-step" data-state={s.step === step ? 'current' : s.step < step ? 'done' : 'todo'}>
              <span className="c-step-number">{t('iam.create.steps.step', { n: s.step })}</span>
              {s.step < step ? (
                <button type="button" className="c-link" onClick={() => toStep(s.step)}>
                  {s.label}
                </button>
              ) : (
                <span aria-current={s.step === step ? 'step' : undefined}>{s.label}</span>
              )}
            </li>
          ))}
        </ol>
      </nav>

      {step === 1 && (
        <>
          <Container title={t('iam.create.trustedType.legend')}>
            <fieldset className="c-cards">
              <legend className="visually-hidden">{t('iam.create.trustedType.legend')}</legend>
              <label className="c-card" data-checked="true">
                <input type="radio" name="console-trusted-type" checked readOnly />
                <span className="c-card-text">
                  <span className="c-strong">{t('iam.create.trustedType.service')}</span>
                  <span className="c-sub">{t('iam.create.trustedType.serviceBody')}</span>
                </span>
              </label>
              {OTHER_ENTITY_TYPES.map((type) => (
                <label key={type} className="c-card" data-disabled="true">
                  <input type="radio" name="console-trusted-type" disabled />
                  <span className="c-card-text">
                    <span className="c-strong">{t(`iam.create.trustedType.${type}`)}</span>
                    <span className="c-sub">{t('iam.create.trustedType.notSimulated')}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          </Container>
          <Container title={t('iam.create.useCase.legend')}>
            <p className="c-intro">{t('iam.create.useCase.body')}</p>
            <div className="c-field">
              <label htmlFor={ids.useCase}>{t('iam.create.useCase.service')}</label>
              <select
                id={ids.useCase}
                className="c-select"
                value={useCase}
                aria-invalid={useCaseMissing && !chosenUseCase}
                aria-describedby={useCaseMissing && !chosenUseCase ? ids.useCaseError : undefined}
                onChange={(e) => {
                  setUseCase(e.target.value as UseCaseId | '');
                  setDescription(undefined);
                }}
                data-testid="console.iam.createRole.useCase"
              >
                <option value="">{t('iam.create.useCase.choose')}</option>
                {SERVICE_USE_CASES.map((u) => (
                  <option key={u.id} value={u.id}>
                    {t(`iam.create.useCase.names.${u.id}`)}
                  </option>
                ))}
              </select>
              {useCaseMissing && !chosenUseCase && (
                <p id={ids.useCaseError} className="c-field-error" role="alert">
                  {t('iam.create.useCase.required')}
                </p>
              )}
            </div>
            {chosenUseCase && (
              <p className="c-use-case" data-testid="console.iam.createRole.useCaseText">
                <span className="c-strong">{t(`iam.create.useCase.names.${chosenUseCase.id}`)}</span>
                <span className="c-sub">{t(`iam.create.useCase.descriptions.${chosenUseCase.id}`)}</span>
              </p>
            )}
          </Container>
        </>
      )}

      {step === 2 && (
        <PolicyPicker
          choices={choices}
          selected={policyArns}
          onToggle={(arn, on) => setPolicyArns((list) => (on ? [...list.filter((a) => a !== arn), arn] : list.filter((a) => a !== arn)))}
        />
      )}

      {step === 3 && chosenUseCase && (
        <>
          <Container title={t('iam.create.review.details')}>
            <div className="c-field">
              <label htmlFor={ids.name}>{t('iam.create.review.name')}</label>
              <p id={ids.nameHelp} className="c-help">
                {t('iam.create.review.nameHint')}
              </p>
              <input
                ref={nameInput}
                id={ids.name}
                className="c-input"
                value={roleName}
                onChange={(e) => setRoleName(e.target.value)}
                aria-invalid={showProblems && problem !== undefined}
                aria-describedby={showProblems && problem ? `${ids.nameHelp} ${ids.nameError}` : ids.nameHelp}
                autoComplete="off"
                spellCheck={false}
                data-testid="console.iam.createRole.roleName"
              />
              <p className="c-help">{t('iam.create.review.nameRule')}</p>
              {showProblems && problem && (
                <p id={ids.nameError} className="c-field-error" role="alert" data-testid="console.iam.createRole.nameError">
                  {t(`iam.create.review.problems.${problem}`)}
                </p>
              )}
            </div>
            <div className="c-field">
              <label htmlFor={ids.description}>{t('iam.create.review.description')}</label>
              <textarea
                id={ids.description}
                className="c-input c-textarea"
                value={effectiveDescription}
                maxLength={1000}
                onChange={(e) => setDescription(e.target.value)}
                data-testid="console.iam.createRole.description"
              />
              <p className="c-help">{t('iam.create.review.descriptionRule')}</p>
            </div>
          </Container>
          <Container
            title={t('iam.create.review.trustStep')}
            actions={
              <button type="button" className="c-small-button" onClick={() => toStep(1)}>
                {t('common.edit')}
              </button>
            }
          >
            <pre className="c-json" tabIndex={0} aria-label={t('iam.create.review.trustPolicy')} data-testid="console.iam.createRole.trustPolicy">
              {formatDocument(consoleTrustPolicy(chosenUseCase.principal))}
            </pre>
          </Container>
          <Container
            title={t('iam.create.review.permissionsStep')}
            actions={
              <button type="button" className="c-small-button" onClick={() => toStep(2)}>
                {t('common.edit')}
              </button>
            }
          >
            {selectedPolicies.length === 0 ? (
              <p className="c-empty-note">{t('iam.create.review.noPolicies')}</p>
            ) : (
              <ul className="c-plain-list" data-testid="console.iam.createRole.chosenPolicies">
                {selectedPolicies.map((p) => (
                  <li key={p.arn}>
                    <span className="c-strong">{p.name}</span> <span className="quiet">{p.type === 'aws' ? t('iam.policyTypes.aws') : t('iam.policyTypes.customer')}</span>
                  </li>
                ))}
              </ul>
            )}
          </Container>
          <Container title={t('iam.create.review.tagsStep')}>
            <p className="c-intro">{t('iam.create.review.tagsBody')}</p>
            <TagRows rows={tags} onChange={setTags} />
          </Container>
        </>
      )}

      <div className="c-wizard-footer">
        <button type="button" className="button" onClick={() => go({ service: 'iam', page: 'roles' })} data-testid="console.iam.createRole.cancel">
          {t('common.cancel')}
        </button>
        {step > 1 && (
          <button type="button" className="button" onClick={() => toStep((step - 1) as Step)} data-testid="console.iam.createRole.previous">
            {t('common.previous')}
          </button>
        )}
        {step < 3 ? (
          <button type="button" className="button button-primary" onClick={next} data-testid="console.iam.createRole.next">
            {t('common.next')}
          </button>
        ) : (
          <button type="button" className="button button-primary" onClick={create} disabled={busy} data-testid="console.iam.createRole.submit">
            {busy ? t('iam.create.review.creating') : t('iam.create.review.create')}
          </button>
        )}
      </div>
    </Page>
  );
}

/** Key–value tag rows: add up to 50, remove any. */
function TagRows({ rows, onChange }: { rows: { key: string; value: string }[]; onChange: (rows: { key: string; value: string }[]) => void }) {
  const { t } = useTranslation('console');
  const set = (i: number, field: 'key' | 'value', text: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [field]: text } : r)));
  return (
    <div className="c-tags" data-testid="console.iam.createRole.tags">
      {rows.length === 0 && <p className="c-empty-note">{t('iam.create.review.noTags')}</p>}
      {rows.map((row, i) => (
        <div key={i} className="c-tag-row">
          <input className="c-input" value={row.key} onChange={(e) => set(i, 'key', e.target.value)} aria-label={t('iam.create.review.tagKey', { n: i + 1 })} placeholder={t('iam.role.tags.key')} data-testid="console.iam.createRole.tagKey" />
          <input className="c-input" value={row.value} onChange={(e) => set(i, 'value', e.target.value)} aria-label={t('iam.create.review.tagValue', { n: i + 1 })} placeholder={t('iam.role.tags.value')} data-testid="console.iam.createRole.tagValue" />
          <button type="button" className="c-small-button" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={t('iam.create.review.removeTag', { n: i + 1 })}>
            {t('common.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="button" disabled={rows.length >= MAX_TAGS} onClick={() => onChange([...rows, { key: '', value: '' }])} data-testid="console.iam.createRole.addTag">
        {t('iam.create.review.addTag')}
      </button>
    </div>
  );
}
