import { Heading, Paragraph, SkipLink } from '@utrecht/component-library-react';
import type { ReactNode, RefObject } from 'react';
import { Logo } from '../../components/Logo';
import { useT } from '../../i18n/useT';

/** The calm, centred layout of the screens before the vault is open. */
export function GateLayout(props: { title: string; titleRef: RefObject<HTMLHeadingElement | null>; intro?: ReactNode; children: ReactNode; wide?: boolean }) {
  const { t } = useT();
  return (
    <div className={props.wide ? 'kk-gate kk-gate--wide' : 'kk-gate'}>
      <SkipLink href="#kk-main">{t('frame.skipLink')}</SkipLink>
      <header className="kk-gate__header">
        <Logo size={36} />
        <div>
          <p className="kk-brand__name">{t('app.name')}</p>
          <p className="kk-brand__tagline">{t('app.tagline')}</p>
        </div>
      </header>
      <main id="kk-main" className={props.wide ? 'kk-gate__main kk-gate__main--wide' : 'kk-gate__main'}>
        <div className="kk-card">
          <Heading level={1} ref={props.titleRef} tabIndex={-1} className="kk-screen-title">
            {props.title}
          </Heading>
          {props.intro ? <Paragraph className="kk-intro">{props.intro}</Paragraph> : null}
          {props.children}
        </div>
      </main>
    </div>
  );
}
