import { Heading } from '@utrecht/component-library-react';
import type { RouteStap } from '../../../shared/casework/melding.schema';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/translate';

/** The text key for one step of the core's routing advice (the core decides the steps; we only word them). */
export function adviceKey(step: RouteStap, anoniem: boolean): MessageKey {
  if (step.partner === 'melder') return anoniem ? 'cw.advice.melder.terugkoppelenAnoniem' : 'cw.advice.melder.terugkoppelen';
  return `cw.advice.${step.partner}.${step.actie as Exclude<RouteStap['actie'], 'terugkoppelen'>}`;
}

/**
 * The meldroute advice as the core returned it, step by step. When the first step is an acute
 * call, the box turns into a clear warning that says so first.
 */
export function AdviceBox({ advies, anoniem }: { advies: RouteStap[]; anoniem: boolean }) {
  const { t } = useT();
  const acute = advies[0]?.actie === 'bel-direct';
  return (
    <section className={acute ? 'kk-advice kk-advice--acute' : 'kk-advice'} aria-labelledby="kk-advice-title" role={acute ? 'alert' : undefined} data-testid="routing-advice">
      <Heading level={3} id="kk-advice-title" className="kk-advice__title">
        {acute ? t('cw.advice.acuteTitle') : t('cw.advice.title')}
      </Heading>
      <p className="kk-advice__intro">{t('cw.advice.intro')}</p>
      <ol className="kk-advice__steps">
        {advies.map((step) => (
          <li key={step.volgorde} className={step.actie === 'bel-direct' ? 'kk-advice__step kk-advice__step--acute' : 'kk-advice__step'}>
            {t(adviceKey(step, anoniem))}
          </li>
        ))}
      </ol>
    </section>
  );
}
