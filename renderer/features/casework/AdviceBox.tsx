import { Heading } from '@utrecht/component-library-react';
import type { RoutePartner, RouteStap } from '../../../shared/casework/meldroute.schema';
import { useT } from '../../i18n/useT';
import type { MessageKey, MessageVars } from '../../i18n/translate';

type T = (key: MessageKey, vars?: MessageVars) => string;

/** Partners as a sentence part: "A", "A of B", "A, B of C". */
export function partnerList(partners: readonly RoutePartner[], t: T): string {
  const names = partners.map((p) => t(`meldroute.partner.${p}`));
  if (names.length <= 1) return names[0] ?? '';
  if (names.length === 2) return t('meldroute.lijst.twee', { a: names[0]!, b: names[1]! });
  return t('meldroute.lijst.meer', { eerste: names.slice(0, -1).join(', '), laatste: names.at(-1)! });
}

/** The words of one step of the core's routing advice (the core decides the steps; we only word them). */
export function adviceText(step: RouteStap, anoniem: boolean, t: T): string {
  if (step.actie === 'terugkoppelen') return t(anoniem ? 'meldroute.stap.terugkoppelenAnoniem' : 'meldroute.stap.terugkoppelen');
  const partners = partnerList(step.partners, t);
  return t(`meldroute.stap.${step.actie}`, { partners, partner: partners });
}

/**
 * The meldroute advice as the core returned it, step by step, for the person using Ketenkluis.
 * When the first step is an acute call, the box turns into a clear warning that says so first.
 */
export function AdviceBox({ advies, anoniem }: { advies: RouteStap[]; anoniem: boolean }) {
  const { t } = useT();
  const acute = advies[0]?.actie === 'bel-direct';
  const refused = advies[0]?.actie === 'vorm-kiezen';
  return (
    <section className={acute ? 'kk-advice kk-advice--acute' : 'kk-advice'} aria-labelledby="kk-advice-title" role={acute ? 'alert' : undefined} data-testid="routing-advice">
      <Heading level={3} id="kk-advice-title" className="kk-advice__title">
        {acute ? t('meldroute.acuteTitle') : refused ? t('meldroute.refusedTitle') : t('meldroute.title')}
      </Heading>
      {refused ? null : <p className="kk-advice__intro">{t('meldroute.intro')}</p>}
      <ol className="kk-advice__steps">
        {advies.map((step) => (
          <li key={step.volgorde} className={step.actie === 'bel-direct' ? 'kk-advice__step kk-advice__step--acute' : 'kk-advice__step'}>
            {adviceText(step, anoniem, t)}
          </li>
        ))}
      </ol>
    </section>
  );
}
